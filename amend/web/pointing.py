"""Amend by pointing: a place the secretary picked in the text → an amendment with the tightest scope
that the core resolves to exactly that place.

Nothing here decides where an amendment lands: each candidate (scope, anchor) is handed to the core
(`check_patch`, the function `amend check` and `amend apply` resolve with), and a candidate is taken only
when the core resolves it without ambiguity to the place picked: for a text edit, to a program equal to
the one a reference amendment pinned by `occurrence:` makes; for a block, to the insertion or deletion at
the block picked. Candidates go from the tightest scope (page, heading, column, paragraph or item) to
wider ones, and widen the quoted words only where they repeat in the tightest scope; when none passes,
the secretary is told, and nothing is written.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import AmendError
from ..messages import msg
from ..model import Program
from ..resolve import Index
from ..text import clean, find_spans, starts_with_words
from ..tree import subtree
from . import drafts

TEXT_ACTIONS = ("insert_after", "insert_before", "replace", "delete")
BLOCK_ACTIONS = ("add_item", "add_paragraph", "add_section")
ACTIONS = TEXT_ACTIONS + BLOCK_ACTIONS
WIDEN = 8  # words added on either side at most, to make repeated words unique


@dataclass(frozen=True)
class Target:
    """What the secretary pointed at: unit `unit` of the index, chars [start, end) of its text (the whole
    text when clicked), or the heading of section `section`."""

    unit: int | None = None
    start: int = 0
    end: int = 0
    section: int | None = None


def amendment(base: Program, ix: Index, action: str, target: Target, new: str, ident: str,
              level: int | None = None) -> dict[str, Any]:
    """The amendment (patch data) for `action` at `target`, or AmendError saying why there is none."""
    if action not in ACTIONS:
        raise AmendError(msg("web.point.bad_action", action=action))
    if action == "add_section":
        return _section(base, ix, target, new, ident, level)
    if target.unit is None or not 0 <= target.unit < len(ix.units):
        raise AmendError(msg("web.point.no_place"))
    if action in BLOCK_ACTIONS or _whole(ix, target) and action == "delete":
        return _block(base, ix, action, target, new, ident)
    return _text(base, ix, action, target, new, ident)


# ---------------------------------------------------------------- text: insert, replace, delete


def _text(base: Program, ix: Index, action: str, t: Target, new: str, ident: str) -> dict[str, Any]:
    assert t.unit is not None
    text = ix.units[t.unit].text
    if not 0 <= t.start < t.end <= len(text) or not text[t.start:t.end].strip():
        raise AmendError(msg("web.point.no_words"))
    _needs_new(action, new)
    reference = _reference(base, ix, action, t, new, ident)
    if reference is None:
        raise AmendError(msg("web.point.not_resolved", words=text[t.start:t.end]))
    return _tightest(base, ix, action, t, new, ident, reference)


def _needs_new(action: str, new: str) -> None:
    """Every action but a deletion needs words to put in."""
    if action != "delete" and not clean(new):
        raise AmendError(msg("web.point.no_new"))


def _tightest(base: Program, ix: Index, action: str, t: Target, new: str, ident: str, reference: Any) -> dict[str, Any]:
    """The first amendment, narrowest scope and fewest quoted words first, that makes `reference`."""
    assert t.unit is not None
    text = ix.units[t.unit].text
    for scope in _scopes(ix, t):
        for lo, hi in _widenings(text, t, action):
            data = {"id": ident, "at": scope, **_text_op(action, text, t, lo, hi, new)}
            if _same(base, ix, data, reference):
                return data
    raise AmendError(msg("web.point.repeated", words=text[t.start:t.end], where=ix.place(t.unit)))


def _text_op(action: str, text: str, t: Target, lo: int, hi: int, new: str) -> dict[str, Any]:
    """The operation quoting text[lo:hi] (the words picked, maybe widened) that makes the same change."""
    quoted = text[lo:hi]
    if action == "insert_after":
        return {"after": quoted, "insert": clean(new)}
    if action == "insert_before":
        return {"before": quoted, "insert": clean(new)}
    if (lo, hi) == (t.start, t.end):
        return {"replace": quoted, "with": clean(new)} if action == "replace" else {"delete": quoted}
    # widened: the words around stay as they are, only the picked ones change
    changed = text[lo:t.start] + (new if action == "replace" else "") + text[t.end:hi]
    return {"replace": quoted, "with": clean(changed)}


def _reference(base: Program, ix: Index, action: str, t: Target, new: str, ident: str) -> Program | None:
    """The program made by the picked words pinned by `occurrence:` in the unit's own scope: the change
    meant, which every candidate must make exactly."""
    assert t.unit is not None
    text = ix.units[t.unit].text
    count = len(find_spans(text, text[t.start:t.end], ix.folded(t.unit)))
    for scope in _unit_scopes(ix, t.unit):
        for n in range(1, count + 1):
            data = {"id": ident, "at": {**scope, "occurrence": n}, **_text_op(action, text, t, t.start, t.end, new)}
            edits = drafts.edits_of(base, ix, data)
            if edits and edits[0].reads[:1] == ((ix.units[t.unit].path, (t.start, t.end)),):
                return drafts.adopted_of(base, ix, data)
    return None


def _same(base: Program, ix: Index, data: dict[str, Any], reference: Program) -> bool:
    adopted = drafts.adopted_of(base, ix, data)
    return adopted is not None and adopted == reference


def _widenings(text: str, t: Target, action: str) -> Iterator[tuple[int, int]]:
    """The picked span, then with 1, 2, … words more: before it for an insertion after the words (the
    point stays), after it for one before them, on both sides for a replacement or deletion."""
    yield t.start, t.end
    lefts, rights = _word_starts(text, t.start), _word_ends(text, t.end)
    for n in range(1, WIDEN + 1):
        lo = lefts[n - 1] if n <= len(lefts) else None
        hi = rights[n - 1] if n <= len(rights) else None
        if action == "insert_after" and lo is not None:
            yield lo, t.end
        elif action == "insert_before" and hi is not None:
            yield t.start, hi
        elif action in ("replace", "delete"):
            yield from [(a, b) for a, b in ((lo, t.end), (t.start, hi), (lo, hi)) if a is not None and b is not None]


def _word_starts(text: str, at: int) -> list[int]:
    """Where the words before `at` start, nearest first."""
    out, i = [], at
    while i > 0:
        i = text.rfind(" ", 0, i - 1 if text[i - 1] == " " else i) + 1
        out.append(i)
        if i == 0:
            break
        i -= 1
    return out


def _word_ends(text: str, at: int) -> list[int]:
    """Where the words after `at` end, nearest first."""
    out, i = [], at
    while i < len(text):
        j = text.find(" ", i + 1 if text[i] == " " else i)
        i = len(text) if j < 0 else j
        out.append(i)
    return out


# ---------------------------------------------------------------- scopes


def _unit_scopes(ix: Index, unit: int) -> list[dict[str, Any]]:
    """The unit named by page, heading, column or row, and its paragraph or item number (counted on
    its page and in its section: the core knows which it means; the check says which one it took)."""
    u = ix.units[unit]
    key = "paragraph" if u.what == "paragraph" else "item"
    return [{**_place(ix, unit), key: n} for n in dict.fromkeys((ix.page_ordinal[unit], ix.ordinal[unit]))]


def _place(ix: Index, unit: int) -> dict[str, Any]:
    u = ix.units[unit]
    cell = {k: v for k, v in (("row", u.row), ("column", u.column)) if v is not None}  # in a table or columns
    return {"page": u.page, "heading": ix.program.sections[u.section].heading, **cell}


def _scopes(ix: Index, t: Target) -> Iterator[dict[str, Any]]:
    """Tightest first: the unit; the unit and its sentence; the unit's column or cell; its heading on its
    page."""
    assert t.unit is not None
    units = _unit_scopes(ix, t.unit)
    yield from units
    spans = ix.sentences(t.unit)
    if len(spans) > 1:
        n = next((k for k, (a, b) in enumerate(spans) if a <= t.start < max(b, a + 1)), len(spans) - 1)
        for scope in units:
            yield {**scope, "sentence": "last" if n == len(spans) - 1 else n + 1}
    place = _place(ix, t.unit)
    yield place
    if "column" in place or "row" in place:
        yield {"page": place["page"], "heading": place["heading"]}


# ---------------------------------------------------------------- blocks: items, paragraphs, sections


def _whole(ix: Index, t: Target) -> bool:
    assert t.unit is not None
    text = ix.units[t.unit].text
    return t.end - t.start >= len(text.strip()) or not text[:t.start].strip() and not text[t.end:].strip()


def _block(base: Program, ix: Index, action: str, t: Target, new: str, ident: str) -> dict[str, Any]:
    assert t.unit is not None
    u = ix.units[t.unit]
    if action == "add_item" and u.what != "item":
        raise AmendError(msg("web.point.not_an_item"))
    _needs_new(action, new)
    expected = _expected_edit(u, action)
    for data in _block_candidates(ix, action, t.unit, clean(new), ident):
        edits = drafts.edits_of(base, ix, data)
        if len(edits) == 1 and (edits[0].container, edits[0].index) == expected \
                and drafts.adopted_of(base, ix, data) is not None:
            return data
    raise AmendError(msg("web.point.not_resolved", words=_opening(u.text, 8)))


def _expected_edit(u: Any, action: str) -> tuple[Any, int]:
    """(container, index) of the one edit a block action on unit u must make."""
    block = u.block_path
    return {"add_item": (u.path.container, u.path.position + 1), "add_paragraph": (block.container,
            block.position + 1), "delete": (u.path.container, u.path.position)}[action]


def _block_candidates(ix: Index, action: str, unit: int, new: str, ident: str) -> Iterator[dict[str, Any]]:
    u = ix.units[unit]
    place, openings = _place(ix, unit), _openings(ix, unit)
    if action == "add_item":
        yield from ({"id": ident, "at": place, "after_item": o, "add_item": new} for o in openings)
    elif action == "add_paragraph" and u.what == "paragraph":
        yield from ({"id": ident, "at": s, "add_paragraph": new} for s in _unit_scopes(ix, unit))
        yield from ({"id": ident, "at": place, "after": o, "add_paragraph": new} for o in openings)
    elif action == "add_paragraph":  # after the list the item is in
        yield from ({"id": ident, "at": s, "add_paragraph": new} for s in _unit_scopes(ix, unit))
    else:
        op = "delete_paragraph" if u.what == "paragraph" else "delete_item"  # by its opening words: plain minutes
        yield from ({"id": ident, "at": place, op: o} for o in openings)
        yield from ({"id": ident, "at": s, op: True} for s in _unit_scopes(ix, unit))


def _openings(ix: Index, unit: int) -> list[str]:
    """The unit's opening words, 3, 5, 8 words and all of it: the shortest that names it goes first."""
    text = ix.units[unit].text
    found = [_opening(text, n) for n in (3, 5, 8)] + [text]
    return [o for o in dict.fromkeys(found) if o and starts_with_words(text, o, ix.folded(unit))]


def _opening(text: str, words: int) -> str:
    return " ".join(text.split()[:words]).rstrip(",;:")


def _section(base: Program, ix: Index, t: Target, new: str, ident: str, level: int | None) -> dict[str, Any]:
    sections = base.sections
    if t.section is None or not 0 <= t.section < len(sections):
        raise AmendError(msg("web.point.no_place"))
    _needs_new("add_section", new)
    after = sections[t.section]
    value: dict[str, Any] = {"heading": clean(new), **({"level": level} if level else {})}
    expected = (subtree(base, t.section).stop,)
    for scope in ({"page": after.page}, {}):
        data = {"id": ident, **({"at": scope} if scope else {}), "after_section": after.heading, "add_section": value}
        edits = drafts.edits_of(base, ix, data)
        if len(edits) == 1 and (edits[0].index,) == expected and drafts.adopted_of(base, ix, data) is not None:
            return data
    raise AmendError(msg("web.point.not_resolved", words=after.heading))


# ---------------------------------------------------------------- a card moved to a place picked


def retarget(base: Program, ix: Index, data: dict[str, Any], target: Target) -> dict[str, Any]:
    """A card's amendment at the place picked (one of its candidates), with the tightest scope there;
    its id, title and wording stay."""
    action, new = _action_of(data)
    if action is None:
        raise AmendError(msg("web.point.not_resolved", words=data.get("id", "")))
    if action == "delete" and target.unit is not None and any(k in data for k in ("delete_paragraph", "delete_item")):
        target = Target(target.unit, 0, len(ix.units[target.unit].text))
    moved = amendment(base, ix, action, target, new, str(data["id"]))
    return {**{k: data[k] for k in ("title", "text") if k in data}, **moved}


def _action_of(data: dict[str, Any]) -> tuple[str | None, str]:
    if "insert" in data:
        return ("insert_after" if "after" in data else "insert_before" if "before" in data else None), data["insert"]
    if "replace" in data:
        return "replace", data.get("with") or ""
    if "delete" in data or "delete_paragraph" in data or "delete_item" in data:
        return "delete", ""
    if "add_item" in data and "after_item" in data:
        return "add_item", data["add_item"]
    if "add_paragraph" in data and "after" in data:
        return "add_paragraph", data["add_paragraph"]
    return None, ""


def span_of(text: str, form: dict[str, str]) -> tuple[int, int]:
    """The words pointed at in a unit's text: the browser's selection (UTF-16 offsets, checked against
    the words it says it selected), else the words typed (which must occur once), else all of it."""
    words = form.get("words", "")
    start, end = _utf16_index(text, form.get("start", "")), _utf16_index(text, form.get("end", ""))
    if start is not None and end is not None and start < end and (not words or text[start:end] == words):
        return start, end
    if not words.strip():
        return 0, len(text)
    found = find_spans(text, clean(words))
    if not found:
        raise AmendError(msg("web.point.words_missing", words=clean(words)))
    if len(found) > 1:
        raise AmendError(msg("web.point.words_repeated", words=clean(words), count=len(found)))
    return found[0]


def _utf16_index(text: str, value: str) -> int | None:
    """A browser's offset (UTF-16 code units) as an index into the Python string, or None."""
    if not value.strip().isdigit():
        return None
    want, units = int(value), 0
    for i, ch in enumerate(text):
        if units >= want:
            return i if units == want else None
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == want else None
