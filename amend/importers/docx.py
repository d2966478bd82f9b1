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
from .common import Item, Report, UnreadableDocument, excerpt, tidy
from .docxcolumns import ColumnsReading, _section_starts
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
from .docxrevisions import refuse_revisions
from .docxruns import Runs
from .docxtables import WRAPPERS, TablesReading
from .docxxml import Numbering, Styles, _note_texts, _on, _val, w
from .docxzip import check_zip


class DocxReader(ColumnsReading, TablesReading):
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
        self.row_page: int | None = None  # the page of the first text of the table row being read
        self.body = self.doc.element.body
        self.loc = ""  # the place (amend.importers.places) of the paragraph being read
        self.runs = Runs(self.styles, report, lambda: self.pager.page)
        self.kind: dict = {}  # what the paragraph being read is (_kind)
        self.text: list[str] = []  # its text so far, from the page `start`
        self.start: int | None = None

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
        self.column_breaks = _with_column_breaks(children, sections)
        flow: list[Item] = []
        for i, el in enumerate(children):
            if i in sections and i > 0:
                self._start_section(sections[i], flow, i)
            elif i == 0:
                self._enter_columns(sections.get(0), flow, 0)
            self._element(el, flow)
        self._leave_columns(flow)
        return flow

    # -------------------------------------------------- body elements

    def _element(self, el, flow) -> None:
        if el.tag == w("p"):
            self._paragraph(el, flow)
        elif el.tag == w("tbl"):
            self._table(el, flow)
        elif el.tag == w("sdt") and _is_contents(el):
            self.report.note(msg("importers.note.contents"))
        elif el.tag == w("sdt"):
            for child in el.findall(f"{w('sdtContent')}/*"):
                self._element(child, flow)
        elif el.tag in WRAPPERS:  # w:customXml: its paragraphs are printed as they are
            for child in el:
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
        self.kind = self._kind(sid, name, direct)
        self.loc = self.report.anchor = _place(p, self.body)
        self.text, self.start = [], None
        for ev, value in self.runs.events(p, sid):
            self._event(ev, value, flow)
        self._flush(flow)

    def _event(self, ev: str, value, flow) -> None:
        """One event of a paragraph's runs: text, a page or column break, a saved layout break."""
        if ev == "text":
            self._text(value or "")
        elif ev in ("page", "column"):
            self._flush(flow)
            if ev == "column" and self.cols is not None and not self.in_table:
                self._next_column(flow)
            elif ev == "page":
                self._page_break(flow)
        elif ev == "rendered":
            self._rendered(flow)

    def _text(self, value: str) -> None:
        if self.start is None and value.strip():
            self.pager.content()
            self.start = self.pager.page
            if self.in_table and self.table_page is None:
                self.table_page = self.start
            if self.in_table and self.row_page is None:
                self.row_page = self.start
        self.text.append(value)

    def _flush(self, flow) -> None:
        """The text read so far is an item of the flow (a paragraph split at a break is two)."""
        self._emit(self.kind, "".join(self.text), self.start, flow)
        self.text, self.start = [], None

    def _rendered(self, flow) -> None:
        """A mark of Word's saved layout: a page (or, in columns, a column) Word started here."""
        if self.cols is not None and not self.in_table:
            if self.pager.pending:
                self.pager.content()
                return
            self.report.note(msg("importers.note.saved_layout_columns"))
            self._flush(flow)
            self._next_column(flow, rendered=True)
            return
        if self.in_table and self.row_broke:
            return  # the other cells of a row that runs over a page end
        if self.flowing is not None and not self.pager.pending:
            self.flowing["column"] += 1
            if self.flowing["column"] <= self.flowing["n"]:
                return  # the text goes on in the next column of the same page
            self.flowing["column"] = 1
        self.row_broke = self.in_table > 0
        if self.pager.rendered() and self.start is not None:
            self.report.caveat(msg("importers.what.split_paragraph"),
                               msg("importers.where.page_text", page=self.start, text=excerpt("".join(self.text), 30)))

    def _kind(self, sid, name, direct) -> dict:
        """What a paragraph is: heading (with level), list item, or text (with style)."""
        level = self._level(sid, name, direct)
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

    def _level(self, sid, name: str, direct) -> int | None:
        """A heading's level, from its style's name ('heading 2') or its outline level; None: no heading."""
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        outline = direct("outlineLvl")
        if outline is None:
            outline = self.styles.ppr(sid, "outlineLvl")
        if outline is not None and _val(outline, "9").isdigit() and int(_val(outline)) < 9:
            return int(_val(outline)) + 1
        return None

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

def _with_column_breaks(children: list, sections: dict) -> set[int]:
    """The sections (by the index of their first element) that hold a column break."""
    bounds = sorted(sections) + [len(children)]
    return {a for a, b in zip(bounds, bounds[1:])
            if any(br.get(w("type")) == "column" for el in children[a:b] for br in el.iter(w("br")))}


def _is_contents(sdt) -> bool:
    """A content control holding Word's table of contents."""
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and "contents" in (_val(gallery, "") or "").lower()


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
    refuse_revisions(reader.body, str(path))
    flow = reader.read()
    report.anchor = ""  # what is found from here on is found on its final page
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


