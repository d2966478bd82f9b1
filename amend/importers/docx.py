"""DOCX → flow (see common.py), read from the WordprocessingML itself.

Headings come from the paragraph style (its name, "heading N", or its outline
level), lists from the numbering definitions, tables cell by cell, column
layouts from amend's own marked tables and from multi-column sections
(w:cols). Pages come from what the file records: explicit page breaks,
"page break before", section breaks and the w:lastRenderedPageBreak marks Word
saves where its layout broke pages. A DOCX with none of these is laid out by
LibreOffice (when installed) and its pages read off that PDF.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .. import limits
from ..messages import Msg, msg
from ..text import clean
from .common import (
    Item,
    Report,
    UnreadableDocument,
    cell_blocks,
    column_of,
    excerpt,
    tidy,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


MAX_MEMBERS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or an Office file with a password

# run content that is only a container: its children are read
_CONTAINERS = {w(t) for t in ("r", "hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                              "ins", "moveTo", "dir", "bdo")}
_TRACKED_DELETIONS = {w("del"), w("moveFrom")}
_DRAWINGS = {w("drawing"), w("pict"), w("object"), f"{{{MC_NS}}}AlternateContent"}


def check_zip(path: Path) -> None:
    """Refuse what is not a DOCX, or would unpack to more than a document can be,
    before anything is unpacked (the sizes are the ones the archive declares,
    which zipfile also enforces while reading)."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableDocument(msg("importers.cannot_read", reason=exc.strerror), source=name) from None
    if head == OLE_MAGIC:
        raise UnreadableDocument(msg("importers.docx.old_doc"), source=name)
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(msg("importers.docx.not_zip"), source=name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(msg("importers.docx.damaged_zip", detail=str(exc)), source=name) from None
    size = sum(i.file_size for i in infos)
    if len(infos) > MAX_MEMBERS or size > limits.MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(msg("importers.docx.too_big", mb=size / 2**20, files=len(infos),
                                     limit=limits.MAX_DOCUMENT_BYTES // 2**20), source=name)
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnreadableDocument(msg("importers.docx.encrypted"), source=name)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableDocument(msg("importers.docx.no_document"), source=name)
    _check_parts(path, infos)


# A DTD (<!DOCTYPE …>, <!ENTITY …>) has no place in a Word part. python-docx
# does not expand entities, so text after one ("&org;") would be lost without
# a word; refused instead. Searched for in UTF-8 and in UTF-16 too.
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 20


def _check_parts(path: Path, infos) -> None:
    """Unpack each XML part once, as a stream, counting what it really unpacks to
    (a zip's header can claim any size) and looking for a DTD."""
    name = str(path)
    cap = limits.MAX_DOCX_PART_BYTES
    overlap = max(map(len, _DTD_MARKS)) - 1
    try:
        with zipfile.ZipFile(path) as z:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                total, tail = 0, b""
                with z.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > cap:
                            raise UnreadableDocument(msg("importers.docx.part_too_large", part=info.filename,
                                                         limit=cap), source=name)
                        window = tail + chunk
                        if any(mark in window for mark in _DTD_MARKS):
                            raise UnreadableDocument(msg("importers.docx.dtd", part=info.filename), source=name)
                        tail = window[-overlap:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise UnreadableDocument(msg("importers.docx.damaged_zip", detail=str(exc)), source=name) from None


def _on(el) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return el is not None and el.get(w("val")) not in ("0", "false", "off")


def _val(el, default=None):
    return default if el is None else el.get(w("val"), default)


# ---------------------------------------------------------------- styles and numbering


class Styles:
    """Paragraph styles with their basedOn chain resolved on demand."""

    def __init__(self, root):
        self.by_id = {}
        self.default = None
        for st in root.findall(w("style")) if root is not None else ():
            if st.get(w("type")) != "paragraph":
                continue
            sid = st.get(w("styleId"))
            self.by_id[sid] = st
            if _on_attr(st.get(w("default"))):
                self.default = sid

    def chain(self, sid):
        seen = set()
        sid = sid or self.default
        while sid in self.by_id and sid not in seen:
            seen.add(sid)
            yield self.by_id[sid]
            sid = _val(self.by_id[sid].find(w("basedOn")))

    def name(self, sid) -> str:
        st = self.by_id.get(sid or self.default)
        return (_val(st.find(w("name")), "") if st is not None else "").lower()

    def ppr(self, sid, tag):
        """The first of `tag` in the style's pPr, through basedOn."""
        for st in self.chain(sid):
            el = st.find(f"{w('pPr')}/{w(tag)}")
            if el is not None:
                return el
        return None


def _on_attr(value) -> bool:
    return value in ("1", "true", "on")


class Numbering:
    """numId → its abstract definition's number format per level."""

    def __init__(self, root):
        self.abstract = {}
        self.nums = {}
        if root is None:
            return
        for a in root.findall(w("abstractNum")):
            levels = {}
            for lvl in a.findall(w("lvl")):
                levels[int(lvl.get(w("ilvl"), "0"))] = (_val(lvl.find(w("numFmt")), "decimal"),
                                                        int(_val(lvl.find(w("start")), "1")))
            self.abstract[a.get(w("abstractNumId"))] = levels
        for n in root.findall(w("num")):
            starts = {int(o.get(w("ilvl"), "0")): int(_val(o.find(w("startOverride")), "1"))
                      for o in n.findall(w("lvlOverride")) if o.find(w("startOverride")) is not None}
            self.nums[n.get(w("numId"))] = (_val(n.find(w("abstractNumId"))), starts)

    def format(self, num_id: str, ilvl: int) -> tuple[str, int]:
        """(numFmt, start) of a list level; an unknown list reads as bullets."""
        abstract, starts = self.nums.get(num_id, (None, {}))
        fmt, start = self.abstract.get(abstract, {}).get(ilvl, ("bullet", 1))
        return fmt, starts.get(ilvl, start)


# ---------------------------------------------------------------- pages


class Pager:
    """The page count as the body is read.

    A hard break (page break, page break before, section break) starts a page at
    once; Word's saved mark for that same break (w:lastRenderedPageBreak) then
    comes before any text of the new page and is not counted again. Any other
    saved mark is a page Word's layout started.
    """

    def __init__(self):
        self.page = 1
        self.pending = False
        self.breaks = 0
        self.saved = 0  # pages started by Word's saved layout marks

    def hard(self, n: int = 1) -> None:
        self.page += n
        self.pending = True
        self.breaks += 1

    def rendered(self) -> bool:
        """A saved layout break; True when it starts a page (not the echo of a hard one)."""
        if self.pending:
            self.pending = False
            return False
        self.page += 1
        self.breaks += 1
        self.saved += 1
        return True

    def content(self) -> None:
        self.pending = False


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

        block = Columns(tuple(column_of(col, self.report, where) for col in columns))
        flow.append(Item("block", page, block=block))

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
            sink.append(Item("heading", page, text, level=kind["level"]))
        elif kind["kind"] == "item":
            self._check_numbering(kind, sink, page)
            sink.append(Item("item", page, text, ordered=kind["ordered"], list_key=(kind["num"], kind["ordered"])))
        else:
            sink.append(Item("paragraph", page, text, style=kind["style"]))

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
        from ..model import Cell, Columns, Table
        from ..render.docx import COLUMNS_MARK

        start = self.pager.page
        desc = tbl.find(f"{w('tblPr')}/{w('tblDescription')}")
        rows = tbl.findall(w("tr"))
        outer_page, self.table_page = self.table_page, None
        self.in_table += 1
        try:
            if _val(desc) == COLUMNS_MARK and rows:
                where = msg("importers.where.columns", page=start)
                cells = [self._cell(tc) for tc in rows[0].findall(w("tc"))]
                block: Columns | Table = Columns(tuple(column_of(items, self.report, where) for items in cells))
            else:
                where = msg("importers.where.table", page=start)
                header: list[tuple] = []
                read = [self._row(tr, where) for tr in rows]
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
        self._sink(flow).append(Item("block", start, block=block))

    def _row(self, tr, where) -> list[tuple]:
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
            cells.append(cell_blocks(self._cell(tc), self.report, where))
        return cells

    def _cell(self, tc) -> list[Item]:
        items: list[Item] = []
        for el in tc:
            self._element(el, items)
        return items


def _note_texts(path: Path) -> dict:
    """{("footnote"|"endnote", id): its text} from word/footnotes.xml and word/endnotes.xml."""
    from lxml import etree

    out = {}
    try:
        with zipfile.ZipFile(path) as z:
            for kind in ("footnote", "endnote"):
                name = f"word/{kind}s.xml"
                if name not in z.namelist():
                    continue
                root = etree.fromstring(z.read(name))
                for note in root.findall(w(kind)):
                    text = clean("".join(t.text or "" for t in note.iter(w("t"))))
                    if text:
                        out[(kind, note.get(w("id")))] = text
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {}
    return out


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


def _events(p, report: Report, where):
    """A paragraph's content in order: ("text", s), ("page"|"column"|"rendered", None).
    `where()` says where the reader is, for the report."""
    for el in p:
        yield from _run_events(el, report, where)


def _run_events(el, report: Report, where):
    tag = el.tag
    if tag == w("t"):
        yield "text", el.text or ""
    elif tag in (w("tab"), w("cr")):
        yield "text", " "
    elif tag == w("noBreakHyphen"):
        yield "text", "-"
    elif tag == w("sym"):
        char = el.get(w("char"), "")
        try:
            yield "text", chr(int(char, 16)) if not char.upper().startswith("F0") else ""
        except ValueError:
            pass
        if char.upper().startswith("F0"):
            report.lost(msg("importers.what.symbol"), msg("importers.where.page", page=where()))
    elif tag == w("br"):
        kind = el.get(w("type"), "textWrapping")
        yield ("page", None) if kind == "page" else ("column", None) if kind == "column" else ("text", " ")
    elif tag == w("lastRenderedPageBreak"):
        yield "rendered", None
    elif tag in _DRAWINGS:
        texts = [t.text or "" for t in el.iter(w("t"))]
        if any(t.strip() for t in texts):
            report.lost(msg("importers.what.text_box"),
                        msg("importers.where.page_text", page=where(), text=excerpt("".join(texts), 30)))
        else:
            report.lost(msg("importers.what.image"), msg("importers.where.page", page=where()))
    elif tag in (w("footnoteReference"), w("endnoteReference")):
        kind = tag.split("}")[1][:-9]  # "footnote", "endnote"
        report.lost(*_lost_note(kind, el.get(w("id")), where(), report))
    elif tag in _TRACKED_DELETIONS:
        report.note(msg("importers.note.tracked_changes"))
    elif tag == w("ins"):
        report.note(msg("importers.note.tracked_changes"))
        for child in el:
            yield from _run_events(child, report, where)
    elif tag.endswith("}oMath") or tag.endswith("}oMathPara"):
        report.lost(msg("importers.what.equation"), msg("importers.where.page", page=where()))
    elif tag in _CONTAINERS:
        for child in el:
            yield from _run_events(child, report, where)


def _lost_note(kind: str, number: str | None, page: int, report: Report) -> tuple[Msg, Msg]:
    """A footnote or endnote left out, quoted when its text is known."""
    what = msg("importers.what.footnote") if kind == "footnote" else msg("importers.what.endnote")
    text = report.note_texts.get((kind, number))
    page_msg = msg("importers.where.page", page=page)
    if text:
        return what, msg("importers.where.note_text", where=page_msg, number=number, text=excerpt(text, 60))
    return what, msg("importers.where.note", where=page_msg, number=number)


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
        pass  # no fewer pages than it says (a count saved by Word), none holding more text than a page can
    else:
        why = (msg("importers.note.why_declared", counted=counted, declared=declared)
               if declared and declared > counted else msg("importers.note.why_fewer"))
        flow = _pages_from_rendering(path, flow, report, why)
    props_title = (reader.doc.core_properties.title or "").strip() or None
    return flow, props_title, _footer_language(reader.doc)


def _footer_language(doc) -> str | None:
    from ..render.title import LABELS

    for section in doc.sections:
        for p in section.footer.paragraphs:
            text = p.text.strip()
            for language, words in LABELS.items():
                if text.startswith(words["page"] + " ") or text == words["page"]:
                    return language
    return None


PAGE_CHARS = 4500  # more text than a printed A4 page holds


def _chars(flow: list[Item]) -> int:
    from ..model import Meta, Program, Section
    from ..tree import iter_units

    blocks = tuple(it.block for it in flow if it.kind == "block" and it.block is not None)
    program = Program(Meta("x", "x", "x"), (Section("x", 1, 1, blocks),))
    return sum(len(it.text) for it in flow) + sum(len(u.text) for u in iter_units(program))


def _declared_pages(path: Path) -> int | None:
    """The page count Word saved in docProps/app.xml, if any."""
    import re

    try:
        with zipfile.ZipFile(path) as z:
            blob = z.read("docProps/app.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    m = re.search(rb"<(?:\w+:)?Pages>(\d+)</", blob)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def _pages_from_rendering(path: Path, flow: list[Item], report: Report, why: Msg) -> list[Item]:
    from .pdf import locate_pages
    from .soffice import to_pdf

    pdf = to_pdf(path)
    if pdf is None:
        report.note(msg("importers.note.no_libreoffice", why=why))
        return flow
    report.note(msg("importers.note.libreoffice_layout", why=why))
    return locate_pages(pdf, flow, report, msg("importers.where.libreoffice"))


def _pages_from_pdf(pdf_path: Path, flow: list[Item], report: Report) -> list[Item]:
    from .pdf import locate_pages

    try:
        data = Path(pdf_path).read_bytes()
    except OSError as exc:
        raise UnreadableDocument(msg("importers.cannot_read", reason=exc.strerror), source=str(pdf_path)) from None
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(msg("importers.not_pdf"), source=str(pdf_path))
    report.note(msg("importers.note.pages_from", name=Path(pdf_path).name))
    return locate_pages(data, flow, report, Path(pdf_path).name)
