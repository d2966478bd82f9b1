"""Refusing where the import could not tell (the program's `source.unsure`).

An imported program may say that a block's page is not known exactly (a DOCX
text not found in the PDF that gives its pages) or that a paragraph may be the
rest of the one before it (a PDF paragraph broken at a line, column or page
end). A page number or a paragraph or sentence count that depends on such a
place would be a guess, so the amendment is refused, naming the place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import AmbiguousAnchor
from ..messages import msg
from ..model import Unsure
from ..text import fold_anchor

if TYPE_CHECKING:
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
    if at is None or at == 0:
        return
    ordinal = scope.paragraph
    # the unfinished paragraph is the one before, or the one before that (a photo caption between)
    if (isinstance(ordinal, int) and ordinal < at - 1) or (ordinal == "first" and at > 2):
        return  # counted before it: exact
    raise sc.fail(AmbiguousAnchor, msg("importers.pages.unsure_split", text=mark.text, page=mark.page))
