"""DOCX → flow (see common.py), read from the WordprocessingML itself.

Headings come from the paragraph style (its name, "heading N", or its outline
level), lists from the numbering definitions, tables cell by cell, column
layouts from amend's own marked tables and from multi-column sections
(w:cols). Pages come from what the file records: explicit page breaks,
"page break before", section breaks and the w:lastRenderedPageBreak marks Word
saves where its layout broke pages. A DOCX with none of these is laid out by
LibreOffice (when installed) and its pages read off that PDF.

This module is the reader (DocxReader, read_docx); docxzip.py checks the
archive first, docxxml.py knows the WordprocessingML, docxpages.py the pages.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..messages import msg
from .common import (
    Item,
    Report,
    UnreadableDocument,
    cell_blocks,
    column_of,
    excerpt,
    tidy,
)
from .docxnumbers import printed_pages
from .docxpages import (
    PAGE_CHARS,
    Pager,
    _chars,
    _declared_pages,
    _footer_language,
    _pages_from_pdf,
    _pages_from_rendering,
)
from .docxxml import Numbering, Styles, _events, _note_texts, _on, _val, w
from .docxzip import check_zip

# ---------------------------------------------------------------- styles and numbering


# ---------------------------------------------------------------- pages


# ---------------------------------------------------------------- the reader


class DocxReader:
    def __init__(self, path: Path, report: Report):
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        self.path, self.report = path, report
        try:
            self.doc = docx.Document(str(path))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise UnreadableDocument(msg("importers.docx.not_word", detail=str(exc)), source=str(path)) from None
        except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
            raise UnreadableDocument(msg("importers.docx.damaged_word", kind=type(exc).__name__, detail=str(exc)),
                                     source=str(path)) from None
        report.note_texts = _note_texts(path)  # so that the report can quote a footnote it leaves out
        self.styles = Styles(self.doc.styles.element)
        self.numbering = Numbering(self._numbering_root())
        self.pager = Pager()
        self.numbered_seen: dict[str, int] = {}
        self.first_paragraph = True
        self.cols: dict | None = None  # the multi-column section being read, if any
        self.in_table = 0
        self.row_broke = False
        self.flowing: dict | None = None  # a multi-column section without column breaks
        self.column_breaks: set = set()
        self.table_page: int | None = None  # the page of the first text of the table being read
        self.body = self.doc.element.body
        self.loc = ""  # the place (amend.importers.places) of the paragraph being read

    def _numbering_root(self):
        try:
            return self.doc.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None

    # -------------------------------------------------- entry

    def read(self) -> list[Item]:
        body = self.doc.element.body
        children = list(body)
        sections = _section_starts(children, body)
        bounds = sorted(sections) + [len(children)]
        self.column_breaks = {a for a, b in zip(bounds, bounds[1:])
                              if any(br.get(w("type")) == "column" for el in children[a:b] for br in el.iter(w("br")))}
        flow: list[Item] = []
        for i, el in enumerate(children):
            if i in sections and i > 0:
                self._start_section(sections[i], flow, i)
            elif i == 0:
                self._enter_columns(sections.get(0), flow, 0)
            self._element(el, flow)
        self._leave_columns(flow)
        return flow

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
        columns = list(c["columns"])
        while columns and not columns[-1]:
            columns.pop()
        if not columns:
            return
        page = next((col[0].page for col in columns if col), c["page"])
        where = msg("importers.where.n_columns", n=c["n"], page=page)
        if c["breaks"] == 0 and len(columns) == 1:
            self.report.note(msg("importers.note.one_column", n=c["n"], page=page))
        from ..model import Columns

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

    # -------------------------------------------------- body elements

    def _element(self, el, flow) -> None:
        if el.tag == w("p"):
            self._paragraph(el, flow)
        elif el.tag == w("tbl"):
            self._table(el, flow)
        elif el.tag == w("sdt"):
            gallery = el.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
            if gallery is not None and "contents" in (_val(gallery, "") or "").lower():
                self.report.note(msg("importers.note.contents"))
                return
            for child in el.findall(f"{w('sdtContent')}/*"):
                self._element(child, flow)

    def _paragraph(self, p, flow) -> None:
        ppr = p.find(w("pPr"))
        sid = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        name = self.styles.name(sid)
        def direct(tag):
            return (ppr.find(w(tag)) if ppr is not None else None)
        if name.startswith("toc ") or name == "toc heading":
            self.report.note(msg("importers.note.contents"))
            return
        break_before = direct("pageBreakBefore")
        if break_before is None:
            break_before = self.styles.ppr(sid, "pageBreakBefore")
        if _on(break_before) and not self.first_paragraph and not self.in_table:
            self._page_break(flow)
        self.first_paragraph = False
        kind = self._kind(sid, name, direct)
        self.loc = _place(p, self.body)
        text: list[str] = []
        start: int | None = None
        for ev, value in _events(p, self.report, lambda: self.pager.page):
            if ev == "text":
                if start is None and value.strip():
                    self.pager.content()
                    start = self.pager.page
                    if self.in_table and self.table_page is None:
                        self.table_page = start
                text.append(value)
            elif ev in ("page", "column"):
                self._emit(kind, "".join(text), start, flow)
                text, start = [], None
                if ev == "column" and self.cols is not None and not self.in_table:
                    self._next_column(flow)
                elif ev == "page":
                    self._page_break(flow)
            elif ev == "rendered":
                if self.cols is not None and not self.in_table:
                    if not self.pager.pending:
                        self.report.note(msg("importers.note.saved_layout_columns"))
                        self._emit(kind, "".join(text), start, flow)
                        text, start = [], None
                        self.pager.pending = False
                        self._next_column(flow, rendered=True)
                    else:
                        self.pager.content()
                    continue
                if self.in_table and self.row_broke:
                    continue  # the other cells of a row that runs over a page end
                if self.flowing is not None and not self.pager.pending:
                    self.flowing["column"] += 1
                    if self.flowing["column"] <= self.flowing["n"]:
                        continue  # the text goes on in the next column of the same page
                    self.flowing["column"] = 1
                self.row_broke = self.in_table > 0
                started = self.pager.rendered()
                if started and start is not None:
                    self.report.caveat(msg("importers.what.split_paragraph"),
                                       msg("importers.where.page_text", page=start, text=excerpt("".join(text), 30)))
        self._emit(kind, "".join(text), start, flow)

    def _kind(self, sid, name, direct) -> dict:
        """What a paragraph is: heading (with level), list item, or text (with style)."""
        level = None
        if name.startswith("heading ") and name[8:].isdigit():
            level = int(name[8:])
        else:
            outline = direct("outlineLvl")
            if outline is None:
                outline = self.styles.ppr(sid, "outlineLvl")
            if outline is not None and _val(outline, "9").isdigit() and int(_val(outline)) < 9:
                level = int(_val(outline)) + 1
        if level is not None:
            return {"kind": "heading", "level": level}
        num = direct("numPr")
        if num is None:
            num = self.styles.ppr(sid, "numPr")
        num_id = _val(num.find(w("numId"))) if num is not None else None
        if num_id is not None and num_id != "0":
            ilvl = int(_val(num.find(w("ilvl")), "0"))
            fmt, start = self.numbering.format(num_id, ilvl)
            if fmt != "none":
                return {"kind": "item", "ordered": fmt != "bullet", "num": num_id, "ilvl": ilvl, "start": start}
        style = {"title": "Title", "subtitle": "Subtitle"}.get(name, "")
        return {"kind": "paragraph", "style": style}

    def _emit(self, kind: dict, text: str, page: int | None, flow) -> None:
        text = tidy(text)
        if not text or page is None:
            return
        sink = self._sink(flow)
        if kind["kind"] == "heading":
            sink.append(Item("heading", page, text, level=kind["level"], loc=self.loc))
        elif kind["kind"] == "item":
            self._check_numbering(kind, sink, page)
            sink.append(Item("item", page, text, ordered=kind["ordered"], list_key=(kind["num"], kind["ordered"]),
                             loc=self.loc))
        else:
            sink.append(Item("paragraph", page, text, style=kind["style"], loc=self.loc))

    def _check_numbering(self, kind, sink, page) -> None:
        if kind["ilvl"] > 0:
            self.report.note(msg("importers.note.sub_items", page=page))
        if not kind["ordered"]:
            return
        num = kind["num"]
        continues = sink and sink[-1].kind == "item" and sink[-1].list_key == (num, True)
        if not continues and (self.numbered_seen.get(num) or kind["start"] != 1):
            first = self.numbered_seen.get(num, 0) + kind["start"]
            self.report.note(msg("importers.note.list_start", page=page, first=first))
        self.numbered_seen[num] = self.numbered_seen.get(num, 0) + 1

    # -------------------------------------------------- tables

    def _table(self, tbl, flow) -> None:
        from ..layout import COLUMNS_MARK
        from ..model import Cell, Columns, Table

        start = self.pager.page
        desc = tbl.find(f"{w('tblPr')}/{w('tblDescription')}")
        rows = tbl.findall(w("tr"))
        outer_page, self.table_page = self.table_page, None
        locs: list[str] = []
        self.in_table += 1
        try:
            if _val(desc) == COLUMNS_MARK and rows:
                where = msg("importers.where.columns", page=start)
                cells = [self._cell(tc) for tc in rows[0].findall(w("tc"))]
                block: Columns | Table = Columns(tuple(column_of(items, self.report, where, locs) for items in cells))
            else:
                where = msg("importers.where.table", page=start)
                header: list[tuple] = []
                read = [self._row(tr, where, locs) for tr in rows]
                trpr = rows[0].find(w("trPr")) if rows else None
                if trpr is not None and _on(trpr.find(w("tblHeader"))):
                    header, read = read[0], read[1:]
                block = Table(tuple(Cell(c) for c in header), tuple(tuple(Cell(c) for c in r) for r in read))
        finally:
            self.in_table -= 1
        start = self.table_page or start  # Word's layout may break the page just before the table
        self.table_page = outer_page if outer_page is not None else (start if self.in_table else None)
        if self.pager.page > start:
            self.report.caveat(msg("importers.what.split_table"),
                               msg("importers.where.pages", first=start, last=self.pager.page))
        self._sink(flow).append(Item("block", start, block=block, locs=tuple(locs)))

    def _row(self, tr, where, locs: list[str]) -> list[tuple]:
        self.row_broke = False
        cells = []
        for tc in tr.findall(w("tc")):
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


def _place(el, body) -> str:
    """The place of an element under w:body: its index among its parent's element
    children, and its parent's, up to the body ("9/3/1/2")."""
    steps = []
    while el is not body and el is not None:
        parent = el.getparent()
        if parent is None:
            return ""
        steps.append(str(parent.index(el)))
        el = parent
    return "/".join(reversed(steps))


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


# ---------------------------------------------------------------- entry point


def read_docx(path: Path, report: Report, pages_from: Path | None = None
              ) -> tuple[list[Item], str | None, str | None]:
    """The flow of a DOCX, its title from the document properties, and the
    language its footer ('Sida 3' / 'Page 3') is in.

    Pages: from `pages_from` (the PDF that was circulated) when given; else
    from the file's own breaks and saved layout when they agree with the page
    count it declares; else from LibreOffice's layout of it."""
    check_zip(path)
    reader = DocxReader(path, report)
    flow = reader.read()
    declared = _declared_pages(path)
    counted = max((it.page for it in flow), default=1)
    if pages_from is not None:
        flow = _pages_from_pdf(pages_from, flow, report)
    elif not any(it.text or it.block for it in flow):
        pass
    elif counted >= (declared or 0) and (reader.pager.saved or _chars(flow) / counted <= PAGE_CHARS):
        flow = printed_pages(path, reader.body, flow, report)  # no fewer pages than it says, none overfull
    else:
        why = (msg("importers.note.why_declared", counted=counted, declared=declared)
               if declared and declared > counted else msg("importers.note.why_fewer"))
        flow = _pages_from_rendering(path, flow, report, why)
    props_title = (reader.doc.core_properties.title or "").strip() or None
    return flow, props_title, _footer_language(reader.doc)


