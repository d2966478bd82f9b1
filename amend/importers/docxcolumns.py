"""A DOCX's sections and columns as the reader meets them: section breaks
start pages (odd/even ones leaving a blank page), a multi-column section with
column breaks becomes a column layout, one without them is read in order.

ColumnsReading is a part of DocxReader (docx.py), which holds the state."""
from __future__ import annotations

from ..messages import msg
from ..model import Columns
from .common import Item, Report, column_of
from .docxpages import Pager
from .docxxml import _val, w


class ColumnsReading:
    """The section and column handling of DocxReader."""

    pager: Pager
    report: Report
    cols: dict | None
    flowing: dict | None
    column_breaks: set
    in_table: int

    def _start_section(self, sect_pr, flow, index: int) -> None:
        self._leave_columns(flow)
        kind = _val(sect_pr.find(w("type")), "nextPage")
        if kind in ("nextPage", "oddPage", "evenPage"):
            self.pager.hard()
            if (kind == "oddPage" and self.pager.page % 2 == 0) or (kind == "evenPage" and self.pager.page % 2):
                self.pager.page += 1  # Word leaves a blank page to start on the right side
        self._enter_columns(sect_pr, flow, index)

    def _enter_columns(self, sect_pr, flow, index: int) -> None:
        """A multi-column section with column breaks becomes a column layout. One
        without them flows from column to column as Word lays it out, so where a
        column ends is not in the file: its text is read in order, and Word's
        saved layout marks in it count columns, `n` to a page."""
        cols = sect_pr.find(w("cols")) if sect_pr is not None else None
        n = int(cols.get(w("num"), "1")) if cols is not None else 1
        if cols is not None and cols.get(w("equalWidth")) in ("0", "false"):
            n = max(n, len(cols.findall(w("col"))))
        self.flowing = None
        if n > 1 and index in self.column_breaks:
            self.cols = {"n": n, "page": self.pager.page, "columns": [[]], "breaks": 0}
        elif n > 1:
            self.flowing = {"n": n, "column": 1}
            self.report.note(msg("importers.note.flowing_columns", n=n, page=self.pager.page))

    def _leave_columns(self, flow) -> None:
        if self.cols is None:
            return
        c, self.cols = self.cols, None
        columns = _without_empty_last(c["columns"])
        if not columns:
            return
        page = next((col[0].page for col in columns if col), c["page"])
        where = msg("importers.where.n_columns", n=c["n"], page=page)
        if c["breaks"] == 0 and len(columns) == 1:
            self.report.note(msg("importers.note.one_column", n=c["n"], page=page))
        locs: list[str] = []
        block = Columns(tuple(column_of(col, self.report, where, locs) for col in columns))
        flow.append(Item("block", page, block=block, locs=tuple(locs)))

    def _sink(self, flow):
        return self.cols["columns"][-1] if self.cols is not None and not self.in_table else flow

    def _next_column(self, flow, rendered: bool = False) -> None:
        c = self.cols
        assert c is not None  # called inside a multi-column part only
        c["breaks"] += 1
        if len(c["columns"]) < c["n"]:
            c["columns"].append([])
        elif rendered:  # past the last column: Word's layout went on to the next page
            self.pager.page += 1
            self.pager.breaks += 1
            self._reopen_columns(flow)
        else:
            self._page_break(flow)

    def _page_break(self, flow) -> None:
        """A hard page break; inside a multi-column part the columns start again on the new page."""
        self.pager.hard()
        if self.flowing is not None:
            self.flowing["column"] = 1
        if self.cols is not None and not self.in_table:
            self._reopen_columns(flow)

    def _reopen_columns(self, flow) -> None:
        assert self.cols is not None
        n = self.cols["n"]
        self._leave_columns(flow)
        self.cols = {"n": n, "page": self.pager.page, "columns": [[]], "breaks": 1}


def _without_empty_last(columns: list[list]) -> list[list]:
    """The columns of a layout without the empty ones at its end."""
    columns = list(columns)
    while columns and not columns[-1]:
        columns.pop()
    return columns


def _section_starts(children, body) -> dict:
    """{index of a section's first body element: that section's sectPr}.

    A section's properties sit at its end (in its last paragraph, or at the end
    of the body for the last section), so they are looked up ahead.
    """
    starts, begin = {}, 0
    for i, el in enumerate(children):
        sect = el.find(f"{w('pPr')}/{w('sectPr')}") if el.tag == w("p") else None
        if sect is not None:
            starts[begin] = sect
            begin = i + 1
    final = body.find(w("sectPr"))
    if final is not None and begin < len(children):
        starts[begin] = final
    return starts

