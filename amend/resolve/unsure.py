"""Refusing where the import could not tell (the program's `source.unsure`).

An imported program may say that a block's page is not known exactly (a DOCX
text not found in the PDF that gives its pages) or that a paragraph may be the
rest of the one before it (a PDF paragraph broken at a line, column or page
end). A page number or a paragraph or sentence count that depends on such a
place would be a guess, so the amendment is refused, naming the place.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import AmbiguousAnchor
from ..messages import msg
from ..model import Unsure
from ..text import fold_anchor

if TYPE_CHECKING:
    from .index import Index, Span
    from .scope import Scoper, Selection


def refuse_unsure(sc: Scoper, picked: Selection) -> None:
    """Raise when the scope's page or its paragraph/sentence count rests on something the import could not tell."""
    source = sc.ix.program.source_file
    if source is None or not source.unsure:
        return
    others, runs = _grouped(source.unsure)
    for mark in others:
        if mark.kind == "page":
            _page(sc, mark)
        elif mark.kind == "split":
            _split(sc, picked, mark)
    for mark in runs.get(sc.scope.page or 0, ()):
        _runs(sc, picked, mark)


_GROUPED: dict[int, tuple[tuple[Unsure, ...], list[Unsure], dict[int, list[Unsure]]]] = {}


def _grouped(unsure: tuple[Unsure, ...]) -> tuple[list[Unsure], dict[int, list[Unsure]]]:
    """The marks other than kind "runs", and the "runs" marks by page (about one a page: not looked
    through for every amendment), kept for the program's marks while they are the same tuple."""
    kept = _GROUPED.get(id(unsure))
    if kept is None or kept[0] is not unsure:
        runs: dict[int, list[Unsure]] = {}
        for m in (m for m in unsure if m.kind == "runs"):
            runs.setdefault(m.page, []).append(m)
        if len(_GROUPED) > 8:
            _GROUPED.clear()
        kept = _GROUPED[id(unsure)] = (unsure, [m for m in unsure if m.kind != "runs"], runs)
    return kept[1], kept[2]


def _page(sc: Scoper, mark: Unsure) -> None:
    page, last = sc.scope.page, mark.last or mark.page
    if page is not None and mark.page == page == last:
        raise sc.fail(AmbiguousAnchor, msg("importers.pages.unsure_unnumbered", page=page, text=mark.text))
    if page is not None and mark.page <= page <= last:
        raise sc.fail(AmbiguousAnchor, msg("importers.pages.unsure_page", page=page, text=mark.text,
                                           first=mark.page, last=last))


def _split(sc: Scoper, picked: Selection, mark: Unsure) -> None:
    """A paragraph number counts wrong from the unfinished paragraph on; a sentence number in it too."""
    scope = sc.scope
    if scope.paragraph is None and scope.sentence is None:
        return
    units = [i for i in picked.units if sc.ix.units[i].what == "paragraph"]
    wanted = fold_anchor(mark.text)
    at = next((k for k, i in enumerate(units) if fold_anchor(sc.ix.units[i].text).startswith(wanted)), None)
    if at is None:
        return
    # at 0 the block it may continue is outside the count (a list item, the page before): every
    # number counts it (review 7 #7)
    ordinal = scope.paragraph
    # the unfinished paragraph is the one before, or the one before that (a photo caption between)
    if (isinstance(ordinal, int) and ordinal < at - 1) or (ordinal == "first" and at > 2):
        return  # counted before it: exact
    raise sc.fail(AmbiguousAnchor, msg("importers.pages.unsure_split", text=mark.text, page=mark.page))


def refuse_split_end(sc: Scoper, spans: Sequence[Span]) -> None:
    """Raise when a span of the scope reaches the end of a block the import could not tell is
    finished (its last sentence, an at-end insert: the rest may stand in the paragraph after it)."""
    for sp in spans:
        if sp.hi >= len(sc.ix.units[sp.unit].text.rstrip()):
            _refuse_split(sc, sp.unit, deleted=False)


def _refuse_split(sc: Scoper, unit: int, *, deleted: bool) -> None:
    """Raise when `unit` may be continued by a paragraph the import could not tell is its own (or,
    `deleted`, is that paragraph): deleting one leaves half of a block, its end is a guess."""
    for before, after, mark in _splits(sc.ix):
        if unit in before or (deleted and unit == after):
            raise sc.fail(AmbiguousAnchor, msg("guards.unsure_split_block", text=mark.text, page=mark.page))


def refuse_split_delete(sc: Scoper, unit: int) -> None:
    _refuse_split(sc, unit, deleted=True)


def _splits(ix: Index) -> list[tuple[tuple[int, ...], int, Unsure]]:
    """(the blocks it may continue: the one before, or the one before that with a caption between;
    the paragraph; its mark) of each split the import marked."""
    source = ix.program.source_file
    marks = [m for m in (source.unsure or ()) if m.kind == "split"] if source is not None else []
    out = []
    for mark in marks:
        wanted = fold_anchor(mark.text)
        for i, u in enumerate(ix.units):
            if i and u.what == "paragraph" and fold_anchor(u.text).startswith(wanted):
                out.append((tuple(range(max(0, i - 2), i)), i, mark))
    return out


# ---------------------------------------------------------------- a paragraph running over a page end
#
# The program records a paragraph on the page it starts on; the import marks (kind "runs") the
# words printed first on each later page it runs over. Its words on that page are in the page's
# text for an anchor (a word printed there twice is ambiguous there, not taken from the paragraph
# after it), and a paragraph or sentence count on a page that starts inside it is refused: the
# reader may count the rest of it as the page's first paragraph or not.

_TEXT_OPERATIONS = ("replace", "delete", "insert")  # those that look for quoted words in the scope's text


def _runs(sc: Scoper, picked: Selection, mark: Unsure) -> None:
    """A paragraph or sentence count on the page that starts inside a paragraph of the scope."""
    scope = sc.scope
    if scope.page != mark.page or (scope.paragraph is None and scope.sentence is None) or scope.paragraph == "last":
        return  # the last paragraph on the page is the same however its first is counted
    if any(_in_scope(sc, picked, unit) for unit, _, _ in _continued(sc.ix, mark)):
        raise sc.fail(AmbiguousAnchor, msg("guards.page_starts_inside", page=mark.page, text=mark.text))


def _in_scope(sc: Scoper, picked: Selection, unit: int) -> bool:
    """The continued paragraph is in the scope's text: the same section (or no heading named), not a column or row."""
    scope = sc.scope
    if scope.column is not None or scope.row is not None or sc.ix.units[unit].layout is not None:
        return False
    return scope.heading is None or sc.ix.units[unit].section == picked.section


def continued_spans(sc: Scoper, picked: Selection) -> list[Span]:
    """The words of paragraphs begun on an earlier page that are printed on the scope's page, for
    an operation that looks for quoted words (none when the scope names a paragraph or item: a
    count from the page's start is refused above, the last paragraph is not the continued one)."""
    from .index import Span

    scope, source = sc.scope, sc.ix.program.source_file
    if scope.page is None or source is None or sc.am.op not in _TEXT_OPERATIONS or scope.paragraph is not None \
            or scope.item is not None:
        return []
    marks = _grouped(source.unsure)[1].get(scope.page, [])
    return [Span(unit, lo, hi) for m in marks for unit, lo, hi in _continued(sc.ix, m) if _in_scope(sc, picked, unit)]


def _continued(ix: Index, mark: Unsure) -> list[tuple[int, int, int]]:
    """(unit, start, end) of the words the mark says are printed on its page: from the marked words in a
    unit begun on an earlier page, to the next page's start in it (a later mark) or its end."""
    source = ix.program.source_file
    wanted = fold_anchor(mark.text)
    later = [fold_anchor(m.text) for m in _grouped(source.unsure)[1].get(mark.page + 1, [])] if source else []
    for page in range(mark.page - 1, 0, -1):  # the page before first: a paragraph seldom runs over more
        out = [found for i in ix.by_page.get(page, []) if (found := _printed_part(ix, i, wanted, later))]
        if out:
            return out
    return []


def _printed_part(ix: Index, i: int, wanted: str, later: list[str]) -> tuple[int, int, int] | None:
    """(i, start, end) of unit i's words from `wanted` (inside it) to the next page's start in it or its end."""
    folded, index = ix.folded(i)
    at = folded.find(wanted, 1)
    if at <= 0:
        return None
    ends = [e for e in (folded.find(w, at + 1) for w in later) if e > at]
    return i, index[at], index[min(ends)] if ends else len(ix.units[i].text)
