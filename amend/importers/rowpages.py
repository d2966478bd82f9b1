"""The page of each row of a DOCX table over a page break, found where the DOCX's texts were
matched to a PDF of it (amend.importers.pagealign): the circulated PDF, or LibreOffice's layout.

A table's own text is matched by its first cell; each body row is then looked for in the PDF's
text after the row before it and before the text after the table, by the text of its first
cell that has any. A row not found is on the page of the row before it; where the next row
found is on a later page, its page is not known, which the program records (`source.unsure`
kind "page"), as for a paragraph not found.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..messages import Msg, msg
from ..model import Cell, Table, last_page
from .common import Item, Report

if TYPE_CHECKING:
    from .pagealign import Stream

_SHORT_PREFIX = 12  # a cell's text as far as a wrapped first line surely holds it


def rows_placed(flow: list[Item], spans: list[tuple[int, int] | None], stream: Stream, report: Report,
                layout: Msg | str) -> list[Item]:
    """The flow with each table's rows on the pages the PDF prints them on."""
    out = []
    for k, (it, span) in enumerate(zip(flow, spans)):
        if isinstance(it.block, Table) and it.block.rows and span is not None:
            placed = _table_placed(it, span[0], stream.next_start(spans, k), stream, report, layout)
            it = _reported(it, replace(it, block=placed), report)
        out.append(it)
    return out


def _reported(before: Item, it: Item, report: Report) -> Item:
    """`it`, its rows over a page end said in the report (unless the file's own breaks said so already)."""
    assert isinstance(before.block, Table) and isinstance(it.block, Table)
    if it.block.row_pages and not before.block.row_pages:
        where = msg("importers.where.pages", first=it.page, last=last_page(it.block, it.page))
        report.caveat(msg("importers.what.table_rows_paged"), where)
    return it


def _table_placed(it: Item, lo: int, hi: int, stream: Stream, report: Report, layout: Msg | str) -> Table:
    assert isinstance(it.block, Table)
    found, cursor = [], lo
    for text in (row_text(row) for row in it.block.rows):
        span = _row_span(text, cursor, hi, stream)
        found.append(stream.page_at(span[0]) if span else None)
        cursor = span[1] if span else cursor
    return it.block.with_row_pages(_filled(it, found, report, layout), it.page)


def _row_span(text: str, cursor: int, hi: int, stream: Stream) -> tuple[int, int] | None:
    """Where the row's text is in the stream after `cursor`: all of it, else its first characters."""
    from .pagealign import _find, squash

    solid = squash(text)
    if not solid:
        return None
    return _find(stream.text, solid, cursor, hi) or _find(stream.text, solid[:_SHORT_PREFIX], cursor, hi)


def _filled(it: Item, found: list[int | None], report: Report, layout: Msg | str) -> list[int]:
    """Each row's page; a row not found on the page of the row before it (reported where unsure)."""
    from .pagealign import _unplaced

    assert isinstance(it.block, Table)
    pages, before = [], it.page
    for k, page in enumerate(found):
        text = row_text(it.block.rows[k])
        if page is None and text:
            after = next((p for p in found[k + 1:] if p is not None), before)
            page = _unplaced(it, text, (before, after, None), report, layout)
        before = max(before, page or before)
        pages.append(before)
    return pages


def row_text(row: tuple[Cell, ...]) -> str:
    """The text a row is found by: that of its first cell that has any (its first paragraph or item)."""
    from .pagealign import block_texts

    return next((texts[0] for cell in row for b in cell.blocks if (texts := block_texts(b))), "")
