"""Each operation of a patch turned into edits at exact places."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import AmbiguousAnchor, AmendError, AmendErrors, FuzzyWarning, ScopeError
from ..messages import Msg, msg
from ..model import Amendment, Patch, Program
from ..text import (
    shared_full_stop,
)
from ..text.typography import checked_end_insert
from .anchors import Anchors, Hit
from .blocks import (
    Handler,
    add_item,
    add_paragraph,
    add_section,
    delete_section,
    delete_unit,
    replace_section_text,
)
from .edits import Edit, Resolution
from .guards import guarded, refuse_unreadable
from .index import Index, Span
from .scope import Scoper, Sentences
from .unsure import refuse_split_end

# operations on whole blocks: a sentence in their scope cannot be what they change
_BLOCK_OPERATIONS = ("add_item", "add_paragraph", "delete_paragraph", "delete_item", "add_section",
                     "delete_section", "replace_section_text")

# ---------------------------------------------------------------- operations


def resolve(program: Program, patch: Patch, fuzzy: float | None = None, index: Index | None = None) -> Resolution:
    """Resolve every amendment of `patch` against `program`; raise all errors together."""
    result = resolve_all(program, patch, fuzzy=fuzzy, index=index)
    if result.failures:
        raise AmendErrors.of([exc for _, exc in result.failures])
    return result


def resolve_all(program: Program, patch: Patch, fuzzy: float | None = None,
                index: Index | None = None) -> Resolution:
    """Resolve every amendment; keep each one's failure in `failures` instead of
    raising, so that `amend check` can report every amendment on its own."""
    ix = index or Index(program)
    result = Resolution()
    for am in patch.amendments:
        try:
            result.edits.extend(_resolve_one(ix, am, fuzzy, result.warnings))
        except AmendError as exc:
            result.failures.append((am, exc))
    return result


def _resolve_one(ix: Index, am: Amendment, fuzzy: float | None, warnings: list[FuzzyWarning]) -> list[Edit]:
    scoper = Scoper(ix, am, am.scope)
    _refuse_sentence_for_block(scoper, am)
    anchors = Anchors(scoper.pointing(am.anchor_key), fuzzy, warnings)
    return _HANDLERS[am.op](ix, am, scoper, anchors)


def _refuse_sentence_for_block(scoper: Scoper, am: Amendment) -> None:
    """The block would be changed whole, though the scope names one sentence of it."""
    if am.scope.sentence is not None and am.op in _BLOCK_OPERATIONS:
        raise scoper.fail(ScopeError, msg("guards.sentence_for_block", scope=am.scope.describe(), op=am.op))


def scope_text(ix: Index, am: Amendment) -> tuple[list[Span], Sentences | None]:
    """The text an amendment's scope names, as resolve narrows it (with a sentence number, every
    sentence it may name), or the AmendError resolve would raise for the scope."""
    return Scoper(ix, am, am.scope).text()


def named_sentence(ix: Index, am: Amendment) -> Span:
    """The one sentence an amendment's `sentence:` names, or the AmendError resolve would raise: the
    scope's, or that the number names different sentences as a sentence may or may not end."""
    scoper = Scoper(ix, am, am.scope)
    spans, sentences = scoper.text()
    if sentences is None:
        return spans[0]
    if len({(s.unit, s.lo, s.hi) for s in sentences.readings}) > 1:
        raise scoper.unclear_sentence(sentences)
    return sentences.readings[0]


def locate(ix: Index, patch: Patch, every: bool = False) -> list[Hit]:
    """Where the text quoted by the patch's one amendment (a delete) is in its scope: the one place
    (`every`: every exact place, in order), or the refusal `resolve` would give. Nothing is changed,
    so no guard on an edit's result is asked (extract looks up the ends of a range by it)."""
    (am,) = patch.amendments
    scoper = Scoper(ix, am, am.scope)
    spans, sentences = scoper.text()
    anchors = Anchors(scoper.pointing(am.anchor_key), None, [])
    return anchors.every(spans, am.value, sentences) if every else [anchors.one(spans, am.value, sentences)]


def _text_edit(scoper: Scoper, ix: Index, unit: int, start: int, end: int, new: str,
               refusal: Callable[[Msg], Msg], read: tuple[int, int] | None = None) -> Edit:
    """The edit putting `new` at text[start:end] of the unit (having read text[read]): the one place
    every text edit is made, so the result is always asked whether it reads as written."""
    refuse_unreadable(scoper, ix.units[unit], start, end, new, refusal)
    path = ix.units[unit].path
    return Edit("text", scoper.am, path=path, start=start, end=end, new=new,
                reads=((path, read),) if read else (), writes=((path, (start, end)),))


def _at_anchor(anchor: str) -> Callable[[Msg], Msg]:
    return lambda problem: msg("guards.edit_refused", anchor=anchor, problem=problem)


def _insert(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    spans, sentences = scoper.text()
    anchor = am.after or am.before
    if anchor is None:
        return [_end_insert(ix, am, scoper, spans, sentences)]
    hit = anchors.one(spans, anchor, sentences)
    at = hit.end if am.after else hit.start
    new = guarded(anchors.scoper, ix.units[hit.unit], at, at, am.value, anchor)
    return [_text_edit(anchors.scoper, ix, hit.unit, at, at, new, _at_anchor(anchor), (hit.start, hit.end))]


def _end_insert(ix: Index, am: Amendment, scoper: Scoper, spans: list[Span], sentences: Sentences | None) -> Edit:
    """"At end insert": the scope must be one paragraph, item or sentence (each sentence number's reading the same)."""
    if len(spans) != 1:
        raise scoper.fail(AmbiguousAnchor, msg("core.end_insert_wide", scope=scoper.scope.describe(), count=len(spans)))
    refuse_split_end(scoper, spans)
    places = _distinct([(sp.unit, *checked_end_insert(ix.units[sp.unit].text, sp.lo, sp.hi, am.value))
                        for sp in (sentences.readings if sentences else spans)])
    if len(places) > 1 and sentences:
        raise scoper.unclear_sentence(sentences)
    unit, at, new, problem = places[0]
    if problem:
        raise scoper.fail(AmbiguousAnchor, msg("core.scope_text_problem", scope=scoper.scope.describe(),
                                               problem=problem))
    return _text_edit(scoper, ix, unit, at, at, new, lambda problem: msg(
        "core.scope_text_problem", scope=scoper.scope.describe(), problem=problem))


def _distinct(values: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The values without repeats, in order (a Msg in them is not hashable)."""
    return [v for n, v in enumerate(values) if v not in values[:n]]


def _replace(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    spans, sentences = scoper.text()
    hit = anchors.one(spans, am.value, sentences)
    scoper = anchors.scoper  # what follows is about the quoted text
    new = (am.with_ or "") if am.op == "replace" else ""
    text = ix.units[hit.unit].text
    end, problem = shared_full_stop(text, hit.start, hit.end, new)
    if problem:
        raise scoper.fail(AmbiguousAnchor, msg("core.quoted_text_problem", text=am.value, problem=problem))
    if not new and not any(c.isalnum() for c in text[:hit.start] + text[hit.end:]):
        place = ix.place(hit.unit)
        raise scoper.fail(ScopeError, msg("core.deletes_paragraph", where=place)
                          if ix.units[hit.unit].what == "paragraph" else msg("core.deletes_item", where=place))
    new = guarded(scoper, ix.units[hit.unit], hit.start, end, new, am.value)
    return [_text_edit(scoper, ix, hit.unit, hit.start, end, new, _at_anchor(am.value), (hit.start, hit.end))]


_HANDLERS: dict[str, Handler] = {
    "insert": _insert,
    "replace": _replace,
    "delete": _replace,
    "add_item": add_item,
    "add_paragraph": add_paragraph,
    "delete_paragraph": delete_unit("paragraph"),
    "delete_item": delete_unit("item"),
    "add_section": add_section,
    "delete_section": delete_section,
    "replace_section_text": replace_section_text,
}

