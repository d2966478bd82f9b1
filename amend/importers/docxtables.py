"""DOCX tables as the reader meets them: cell by cell, merged cells kept once,
a header row where it repeats, amend's own column layouts (a marked table), and
rows and cells inside content controls or custom XML read as Word shows them.

TablesReading is a part of DocxReader (docx.py), which holds the state."""
from __future__ import annotations

from collections.abc import Callable

from ..messages import msg
from .common import Item, Report, cell_blocks, column_of
from .docxpages import Pager
from .docxxml import _on, _val, w

# elements that only wrap rows, cells or paragraphs: Word shows what they hold
WRAPPERS = (w("sdt"), w("customXml"))


def unwrapped(el, tag: str) -> list:
    """The children `tag` of `el`, also those inside content controls and custom XML elements."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag == w("sdt"):
            for content in child.findall(w("sdtContent")):
                out.extend(unwrapped(content, tag))
        elif child.tag == w("customXml"):
            out.extend(unwrapped(child, tag))
    return out


class TablesReading:
    """The table handling of DocxReader."""

    pager: Pager
    report: Report
    in_table: int
    row_broke: bool
    table_page: int | None
    row_page: int | None  # the page of the first text of the row being read
    _element: Callable[..., None]  # DocxReader's: read one body element into a flow
    _sink: Callable[..., list[Item]]  # DocxReader's: where the items of the flow go

    def _table(self, tbl, flow) -> None:
        from ..layout import COLUMNS_MARK
        from ..model import Cell, Columns, Table

        start = self.pager.page
        desc = tbl.find(f"{w('tblPr')}/{w('tblDescription')}")
        rows = unwrapped(tbl, w("tr"))
        outer_page, self.table_page = self.table_page, None
        locs: list[str] = []
        self.in_table += 1
        try:
            if _val(desc) == COLUMNS_MARK and rows:
                where = msg("importers.where.columns", page=start)
                cells = [self._cell(tc) for tc in unwrapped(rows[0], w("tc"))]
                block: Columns | Table = Columns(tuple(column_of(items, self.report, where, locs) for items in cells))
            else:
                where = msg("importers.where.table", page=start)
                header: list[tuple] = []
                read, pages = self._rows(rows, where, locs)
                trpr = rows[0].find(w("trPr")) if rows else None
                if trpr is not None and _on(trpr.find(w("tblHeader"))):
                    header, read, pages = read[0], read[1:], pages[1:]
                block = Table(tuple(Cell(c) for c in header), tuple(tuple(Cell(c) for c in r) for r in read))
        finally:
            self.in_table -= 1
        start = self.table_page or start  # Word's layout may break the page just before the table
        if isinstance(block, Table):
            block = block.with_row_pages(pages, start)
        self.table_page = outer_page if outer_page is not None else (start if self.in_table else None)
        if self.pager.page > start:
            paged = isinstance(block, Table) and block.row_pages
            what = msg("importers.what.table_rows_paged") if paged else msg("importers.what.split_table")
            self.report.caveat(what, msg("importers.where.pages", first=start, last=self.pager.page))
        self._sink(flow).append(Item("block", start, block=block, locs=tuple(locs)))

    def _rows(self, rows: list, where, locs: list[str]) -> tuple[list[list[tuple]], list[int]]:
        """The cells of each row, and the page each starts on (that of its first text, as the file's breaks count)."""
        read, pages = [], []
        outer, self.row_page = self.row_page, None  # a table inside a cell counts its own rows
        try:
            for tr in rows:
                start = self.pager.page
                read.append(self._row(tr, where, locs))
                pages.append(self.row_page or start)
                self.row_page = None
        finally:
            self.row_page = outer
        return read, pages

    def _row(self, tr, where, locs: list[str]) -> list[tuple]:
        self.row_broke = False
        cells = []
        for tc in unwrapped(tr, w("tc")):
            tcpr = tc.find(w("tcPr"))
            span = int(_val(tcpr.find(w("gridSpan")), "1")) if tcpr is not None else 1
            vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
            if span > 1 or (vmerge is not None and _val(vmerge, "continue") == "continue"):
                self.report.caveat(msg("importers.what.merged_cell"), where)
            if vmerge is not None and _val(vmerge, "continue") == "continue":
                cells.append(())
                continue
            cells.append(cell_blocks(self._cell(tc), self.report, where, locs))
        return cells

    def _cell(self, tc) -> list[Item]:
        items: list[Item] = []
        for el in tc:
            self._element(el, items)
        return items
