"""Paragraphs of a PDF that may be one: where the reader cannot tell.

The reader joins the lines of a paragraph, across a line end with a broken
word ('dessvär-' / 're präglar'), a column or a page end, where the layout
says so (pdflines, pdf). What is left is a text that ends without finishing
(a word broken at its end, or no sentence end before a page break) followed,
after at most a caption or a figure's text, by a paragraph that starts in
lower case: it may be the rest of that text, set after a photo or in the next
column or page. The import cannot tell, so the report says so and the
program records it (`source.unsure`, kind split): a paragraph or sentence
count across it is refused, not guessed (amend.resolve.unsure).
"""
from __future__ import annotations

from ..messages import msg
from ..model import Columns, Unsure
from .common import Item, Report, excerpt
from .pdflines import broken_word
from .unsure import name

_ENDS = (".", "!", "?", ":", ";", "”", '"', ")")
_LOOK_AHEAD = 2  # texts after an unfinished one where its rest may stand (a caption, a figure's text between)


def check_splits(flow: list[Item], report: Report) -> None:
    texts = _texts(flow)
    for i, (text, page) in enumerate(texts):
        if not _unfinished(text, page, texts[i + 1:i + 2]):
            continue
        rest = next(((t, p) for t, p in texts[i + 1:i + 1 + _LOOK_AHEAD] if t[:1].islower()), None)
        if rest is None and not broken_word(text):
            continue
        report.caveat(msg("importers.pages.split_unsure"), msg("importers.pages.where_end", page=page,
                                                                  text=_tail(text)))
        if rest is not None:
            report.unsure.append(Unsure("split", name(rest[0]), rest[1]))


def _unfinished(text: str, page: int, following: list[tuple[str, int]]) -> bool:
    """A word broken at its end, or no sentence end where the next text is on a later page."""
    if broken_word(text):
        return True
    return bool(following) and following[0][1] > page and not text.rstrip().endswith(_ENDS)


def _texts(flow: list[Item]) -> list[tuple[str, int]]:
    """The texts of paragraphs and list items in reading order (those in column layouts too), with their pages."""
    from .pagealign import block_texts

    out: list[tuple[str, int]] = []
    for it in flow:
        if it.kind in ("paragraph", "item") and it.text.strip():
            out.append((it.text, it.page))
        elif isinstance(it.block, Columns):  # a table's cells are not running text
            out.extend((t, it.page) for t in block_texts(it.block))
    return out


def _tail(text: str) -> str:
    text = " ".join(text.split())
    return f"…{text[-30:]}" if len(text) > 30 else excerpt(text)
