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
    for mark in source.unsure:
        if mark.kind == "page":
            _page(sc, mark)
        elif mark.kind == "split":
            _split(sc, picked, mark)


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
