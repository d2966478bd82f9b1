"""An amendment card: the form a secretary edits (never YAML) ↔ the amendment's patch data, and what
the core says of it (status, the candidates of an ambiguous anchor, the closest passages of a missing one,
the text it makes, the minutes' wording)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Program
from ..resolve import Index, Span, fuzzy_candidates, scope_text
from ..text import clean, find_spans, splice, starts_with_words
from ..tree import get
from . import drafts

OPS = ("insert", "replace", "delete", "add_item", "add_paragraph", "delete_paragraph", "delete_item",
       "add_section", "delete_section", "replace_section_text")
SCOPE_KEYS = ("page", "heading", "column", "row", "paragraph", "item", "sentence", "occurrence")
NUMBERS = ("page", "row", "occurrence")  # always a number
ORDINALS = ("column", "paragraph", "item", "sentence")  # a number, first, last (a column: also its heading)
FORM_KEYS = ("op", "id", "title", "text", *SCOPE_KEYS, "where", "anchor", "old", "new", "position", "level")
CONTEXT = 50  # characters shown either side of a candidate


# ---------------------------------------------------------------- form ↔ data


def to_form(data: dict[str, Any]) -> dict[str, str]:
    """A card's form values from its amendment's data."""
    op = next(k for k in OPS if k in data)
    form = {k: "" for k in FORM_KEYS}
    form.update(op=op, id=str(data.get("id", "")), title=data.get("title") or "", text=data.get("text") or "")
    form.update({k: _str(v) for k, v in (data.get("at") or {}).items()})
    form.update(_operation_form(op, data[op], data))
    return form


def _operation_form(op: str, value: Any, data: dict[str, Any]) -> dict[str, str]:
    """The form fields of what the card does (its operation's value and the words that say where)."""
    if op == "insert":
        return dict(where="after" if "after" in data else "before" if "before" in data else "end",
                    anchor=data.get("after") or data.get("before") or "", new=value)
    if op == "replace":
        return dict(old=value, new=data.get("with") or "")
    if op in ("add_item", "add_paragraph", "add_section"):
        return _added_form(op, value, data)
    if op == "replace_section_text":  # paragraphs only (cards.editable)
        return dict(new="\n\n".join(b if isinstance(b, str) else "" for b in value))
    return dict(old="" if value is True else value)


def _added_form(op: str, value: Any, data: dict[str, Any]) -> dict[str, str]:
    if op == "add_section":
        return dict(new=value.get("heading", ""), level=_str(value.get("level")),
                    anchor=data.get("after_section") or "")
    return dict(new=value, anchor=data.get("after_item") or data.get("after") or "",
                position=_str(data.get("position")))


def fingerprint(data: dict[str, Any]) -> str:
    """What a window saw of a card, in short: a save from a view of another state of the card is stale."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def editable(data: dict[str, Any]) -> bool:
    """Whether the form can show all of it (new section content, or section text other than paragraphs, cannot)."""
    if "add_section" in data:
        return not data["add_section"].get("content")
    if "replace_section_text" in data:
        return all(isinstance(b, str) for b in data["replace_section_text"])
    return True


def from_form(form: dict[str, str]) -> dict[str, Any]:
    """The amendment's data from a card's form (the loader's schema judges it next)."""
    op = form.get("op", "")
    if op not in OPS:
        raise AmendError(msg("web.card.bad_op", op=op))
    return {"id": form.get("id", "").strip(), **_title_text(form), **_at(form), **_operation(op, form)}


def _title_text(form: dict[str, str]) -> dict[str, str]:
    """The card's title and text, those that are filled in."""
    return {key: clean(form[key]) for key in ("title", "text") if clean(form.get(key, ""))}


def _at(form: dict[str, str]) -> dict[str, Any]:
    """The card's scope (`at:`), when the form names one."""
    at = {k: _scope_value(k, form.get(k, "")) for k in SCOPE_KEYS if form.get(k, "").strip()}
    return {"at": at} if at else {}


def _operation(op: str, form: dict[str, str]) -> dict[str, Any]:
    new, old, anchor = form.get("new", "").strip(), form.get("old", "").strip(), form.get("anchor", "").strip()
    if op in _ADDING:
        return _ADDING[op](new, anchor, form)
    if op == "insert":
        where = form.get("where", "after")
        return {**({where: anchor} if where in ("after", "before") else {}), "insert": new}
    if op == "replace":
        return {"replace": old, "with": new}
    if op == "replace_section_text":
        return {"replace_section_text": [clean(p) for p in new.replace("\r", "").split("\n\n") if clean(p)]}
    if op == "delete":
        return {"delete": old}
    return {op: old or True}


def _add_item(new: str, anchor: str, form: dict[str, str]) -> dict[str, Any]:
    position = form.get("position", "").strip()
    return {**({"after_item": anchor} if anchor else {}),
            **({"position": _ordinal(position)} if position and not anchor else {}), "add_item": new}


def _add_paragraph(new: str, anchor: str, form: dict[str, str]) -> dict[str, Any]:
    return {**({"after": anchor} if anchor else {}), "add_paragraph": new}


def _add_section(new: str, anchor: str, form: dict[str, str]) -> dict[str, Any]:
    level = form.get("level", "").strip()
    return {**({"after_section": anchor} if anchor else {}),
            "add_section": {"heading": new, **({"level": int(level)} if level.isdigit() else {})}}


_ADDING = {"add_item": _add_item, "add_paragraph": _add_paragraph, "add_section": _add_section}


def _scope_value(key: str, value: str) -> Any:
    value = value.strip()
    if key in NUMBERS or (key in ORDINALS and value.isdigit()):
        return int(value) if value.isdigit() else value  # not a number: the schema names the field
    if key in ORDINALS and value.lower() in ("first", "last", "första", "sista", "forsta"):
        return "first" if value.lower() in ("first", "första", "forsta") else "last"
    return value


def _ordinal(value: str) -> Any:
    return _scope_value("item", value)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


# ---------------------------------------------------------------- what the core says of a card


@dataclass(frozen=True)
class Candidate:
    """A place an anchor occurs (or nearly does): where, and the words around it."""

    unit: int
    start: int
    end: int
    where: Msg
    before: str
    text: str
    after: str
    similarity: float | None = None


@dataclass(frozen=True)
class Preview:
    """The text the card makes of its paragraph or item, as segments (op, text): op '' kept, 'ins', 'del'."""

    segments: tuple[tuple[str, str], ...]


@dataclass
class View:
    n: int
    data: dict[str, Any]
    form: dict[str, str]
    status: str
    message: str
    label: str
    line: int | None = None
    candidates: list[Candidate] = field(default_factory=list)
    closest: list[Candidate] = field(default_factory=list)
    preview: Preview | None = None
    wording: str = ""
    wording_problem: str = ""
    error: str = ""  # a change the form sent that could not be taken (the card keeps its last good state)
    editable: bool = True
    stale: list[tuple[str, str, str]] = field(default_factory=list)  # a stale save: (field, yours, now) that differ
    pending: bool = False  # what it makes and its wording not made yet (a first view): asked for next

    @property
    def was(self) -> str:
        return fingerprint(self.data)


def anchor_of(data: dict[str, Any]) -> tuple[str, str] | None:
    """(kind, words) the card must find: 'text' for quoted text, 'start' for a paragraph's or item's
    opening words; None when it quotes nothing."""
    return _insert_anchor(data) or _quoted_anchor(data) or _start_anchor(data)


def _insert_anchor(data: dict[str, Any]) -> tuple[str, str] | None:
    """The words an insertion goes after or before."""
    key = next((k for k in ("after", "before") if data.get(k)), None)
    return ("text", data[key]) if "insert" in data and key else None


def _quoted_anchor(data: dict[str, Any]) -> tuple[str, str] | None:
    """The words a replacement or deletion quotes, or the opening words of the unit it deletes."""
    return next(((kind, data[key]) for kind, key in _QUOTING if isinstance(data.get(key), str)), None)


def _start_anchor(data: dict[str, Any]) -> tuple[str, str] | None:
    """The opening words of the item or paragraph that an addition goes after."""
    if data.get("after_item"):
        return "start", data["after_item"]
    return ("start", data["after"]) if "add_paragraph" in data and data.get("after") else None


_QUOTING = (("text", "replace"), ("text", "delete"), ("start", "delete_paragraph"), ("start", "delete_item"))


def candidates(ix: Index, data: dict[str, Any], limit: int = 12, within: list[Span] | None = None) -> list[Candidate]:
    """Every place in the program the card's quoted words occur (or paragraphs and items start with);
    with `within`, only those in that text (the scope the minutes name, review 6 M3)."""
    anchor = anchor_of(data)
    if anchor is None:
        return []
    found = _occurrences(ix, *anchor)
    if within is not None:
        found = [(i, a, b) for i, a, b in found if any(s.unit == i and s.lo <= a and b <= s.hi for s in within)]
    return [_candidate(ix, i, a, b) for i, a, b in found[:limit]]


def _occurrences(ix: Index, kind: str, words: str) -> list[tuple[int, int, int]]:
    """(unit, start, end) of every place: the quoted words where they occur ("text"), or each
    whole unit that starts with them ("start")."""
    return [place for i in range(len(ix.units)) for place in _unit_occurrences(ix, i, kind, words)]


def _unit_occurrences(ix: Index, i: int, kind: str, words: str) -> list[tuple[int, int, int]]:
    """`_occurrences` in unit i."""
    text = ix.units[i].text
    if kind == "text":
        return [(i, a, b) for a, b in find_spans(text, words, ix.folded(i))]
    return [(i, 0, len(text))] if starts_with_words(text, words, ix.folded(i)) else []


def scope_spans(base: Program, ix: Index, data: dict[str, Any]) -> list[Span] | None:
    """The text the card's scope names (every sentence a sentence number may name), as resolve
    narrows it; None when the scope itself does not resolve."""
    try:
        (am,) = drafts.single(base, data).amendments
        spans, sentences = scope_text(ix, am)
    except AmendError:
        return None
    return list(sentences.readings) if sentences else spans


def closest(ix: Index, data: dict[str, Any], limit: int = 3) -> list[Candidate]:
    """The passages of the whole program most like the card's quoted words (as the core ranks them)."""
    anchor = anchor_of(data)
    if anchor is None or anchor[0] != "text":
        return []
    spans = [Span(i, 0, len(u.text)) for i, u in enumerate(ix.units)]
    hits = fuzzy_candidates(ix, spans, anchor[1], limit=limit)
    return [_candidate(ix, h.unit, h.start, h.end, round(h.similarity, 2)) for h in hits]


def _candidate(ix: Index, i: int, a: int, b: int, similarity: float | None = None) -> Candidate:
    text = ix.units[i].text
    lo, hi = max(0, a - CONTEXT), min(len(text), b + CONTEXT)
    before = ("…" if lo else "") + text[lo:a]
    after = text[b:hi] + ("…" if hi < len(text) else "")
    return Candidate(i, a, b, ix.place(i, a), before, text[a:b], after, similarity)


def preview(base: Program, ix: Index, data: dict[str, Any]) -> Preview | None:
    """The paragraph or item a card that applies (as check found) changes, before and after: the core's
    edit spliced into that text as apply splices it (amend.text.splice), not the whole program made again."""
    edits = drafts.edits_of(base, ix, data)
    if len(edits) != 1 or edits[0].action != "text":
        return None
    e = edits[0]
    old = _text_at(base, e.path)
    return Preview(tuple(_segments(old, splice(old, [(e.start, e.end, e.new)])))) if old is not None else None


def _text_at(program: Program, path: Any) -> str | None:
    node = get(program, path)
    return node if isinstance(node, str) else getattr(node, "text", None)


def _segments(old: str, new: str) -> list[tuple[str, str]]:
    """Word by word: what stays, what goes, what comes (display only: the text is the core's)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return [seg for tag, i1, i2, j1, j2 in ops for seg in _opcode_segments(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))]


def _opcode_segments(tag: str, gone: str, come: str) -> list[tuple[str, str]]:
    """One step of the word diff: the words kept, or those that go and those that come (tokens are never empty)."""
    if tag == "equal":
        return [("", gone)]
    return [("del", gone)] * bool(gone) + [("ins", come)] * bool(come)


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def wording(base: Program, data: dict[str, Any]) -> tuple[str, str]:
    """(the minutes' wording of the card, in the program's language; why there is none)."""
    from ..extract.describe import describe_amendment
    from ..extract.grammar import grammar

    try:
        am = drafts.single(base, data).amendments[0]
        return describe_amendment(am, grammar(base.meta.language if base.meta.language in ("sv", "en") else "sv"),
                                  base), ""
    except AmendError as exc:
        return "", str(exc)
