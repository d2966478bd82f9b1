"""Program → DOCX with python-docx: real heading styles, real lists (each
numbered list restarting at 1), tables, column layouts as borderless tables,
and a page break wherever the proposal's pages break, so that "page 6" in an
amendment is page 6 of the document.

The writer is a class with one method per kind of block so that the redline
renderer can reuse it and only change how text runs are written.
"""
from __future__ import annotations

from datetime import datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ..collector import collected_once
from ..layout import COLUMNS_MARK, LABELS, title_lines
from ..model import Columns, ListBlock, Paragraph, Program, Table
from .docx_custom import set_version_property
from .docx_lists import NumberedLists
from .docx_package import save, set_language
from .docx_xml import (
    PPR_RANK,
    add_text_run,
    copied,
    el,
    ppr,
    ppr_child,
    set_page_break_before,
    set_style,
    styled_paragraph,
)
from .template import headings_of, open_template, write_front

__all__ = ["PPR_RANK", "DocxWriter", "add_text_run", "el", "ppr", "ppr_child", "render_docx", "save",
           "set_page_break_before", "set_style"]

_VAL, _P, _R, _RPR = qn("w:val"), qn("w:p"), qn("w:r"), qn("w:rPr")
_BOLD = el("rPr", el("b"))
_NUMPR, _NUMBERING = qn("w:numPr"), {tag: qn(f"w:{tag}") for tag in ("ilvl", "numId")}


class DocxWriter:
    """Writes one program into a python-docx Document."""

    def __init__(self, program: Program, template: bytes | None = None):
        self.program = program
        self.template = template  # a municipality's Word template (amend.render.template), or None
        self.doc = Document() if template is None else open_template(template, self.front_program())
        self.page = 1
        self._pending_break = False
        self._style_ids: dict = {}
        self._default_styles: dict = {}
        self._setup()
        self.lists = NumberedLists(self.doc)
        body = self.doc.element.body
        self._body_end = body.find(qn("w:sectPr"))  # new body content goes before it
        self._block_width = self.doc._block_width

    # -------------------------------------------------- document set-up

    def _setup(self):
        zoom = self.doc.settings.element.find(qn("w:zoom"))
        if zoom is not None and zoom.get(qn("w:percent")) is None:  # required by ISO/IEC 29500 (CT_Zoom)
            zoom.set(qn("w:percent"), "100")
        set_language(self.doc, self.program.meta.language)
        if self.template is not None:  # the template's styles, page set-up, header and footer
            return
        styles = self.doc.styles
        if "Subtitle" not in [s.name for s in styles]:
            styles.add_style("Subtitle", 1).base_style = styles["Normal"]
        self.doc.styles["Normal"].font.size = Pt(10.5)
        for sect in self.doc.sections:  # A4 with 2 cm margins, as Swedish municipal documents
            sect.page_width, sect.page_height = Cm(21), Cm(29.7)
            sect.left_margin = sect.right_margin = Cm(2.2)
            sect.top_margin = sect.bottom_margin = Cm(2)
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        words = LABELS.get(self.program.meta.language, LABELS["en"])
        footer.add_run(f"{words['page']} ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        footer._p.append(field)

    # -------------------------------------------------- text

    def write_text(self, paragraph, text, where=None) -> None:
        """Fill a paragraph with text. The redline writer overrides this."""
        if text and not any(c in text for c in "\t\r\n"):
            add_text_run(paragraph._p, text)  # what add_run(text) writes, without its per-character loop
        else:
            paragraph.add_run(text)

    def add_paragraph(self, container, text, style: str | None = None, where=None):
        p = self.new_paragraph(container, style)
        self.write_text(p, text, where)
        return p

    # -------------------------------------------------- python-docx, without its per-call costs
    # python-docx looks a style up by name among all styles on every use, and
    # finds the end of the body by walking it on every paragraph and table
    # added (quadratic in a 2,000-page document). These give the same XML.

    def style_id(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH):
        """doc.part.get_style_id(name, kind), whose default style of the kind is looked up
        once (python-docx reads every style's type for it on every call: a millisecond each)."""
        if (name, kind) not in self._style_ids:
            style = self.doc.styles[name]
            if style.type != kind:
                raise ValueError(f"assigned style is type {style.type}, need type {kind}")
            if kind not in self._default_styles:
                self._default_styles[kind] = self.doc.styles.default(kind)
            self._style_ids[name, kind] = None if style == self._default_styles[kind] else style.style_id
        return self._style_ids[name, kind]

    def new_paragraph(self, container, style: str | None = None):
        """container.add_paragraph(style=style)."""
        p = el("p") if style is None else styled_paragraph(self.style_id(style))
        if container is self.doc:
            self._add_to_body(p)
            paragraph = DocxParagraph(p, self.doc._body)
        else:  # a table cell: python-docx's add_paragraph appends a w:p too
            container._tc.append(p)
            paragraph = DocxParagraph(p, container)
        return paragraph

    def new_table(self, container, rows: int, cols: int):
        """container.add_table(rows=rows, cols=cols)."""
        if container is not self.doc:
            return container.add_table(rows=rows, cols=cols)
        tbl = CT_Tbl.new_tbl(rows, cols, self._block_width)
        self._add_to_body(tbl)
        table = DocxTable(tbl, self.doc._body)
        tbl.tblStyle_val = None
        return table

    def _add_to_body(self, element) -> None:
        if self._body_end is not None:
            self._body_end.addprevious(element)
        else:
            self.doc.element.body.append(element)

    # -------------------------------------------------- pages

    def break_to(self, page: int, where=None) -> None:
        """Start `page`: blank pages for any skipped, then a break before the next block.
        A blank page is an empty paragraph with a break before it, not one holding a
        page break (w:br): LibreOffice moves such a break onto the paragraph after it,
        which has its own, and so leaves the blank page out."""
        while self.page < page - 1:
            set_page_break_before(self.new_paragraph(self.doc)._p)
            self.page += 1
        if self.page < page:
            self.page = page
            self._pending_break = True

    def _apply_pending_break(self, paragraph, where=None) -> None:
        if self._pending_break:
            set_page_break_before(paragraph._p)
            self._pending_break = False

    def _ensure_break_paragraph(self, where=None) -> None:
        """A table cannot carry 'page break before': give it an empty paragraph that does."""
        if self._pending_break:
            self._apply_pending_break(self.new_paragraph(self.doc))

    # -------------------------------------------------- program

    def render(self):
        self.front()
        for s, section in enumerate(self.program.sections):
            self.section(s, section)
        return self.doc

    def front(self) -> None:
        """The title block; with a template, a title page with the contents (amend.render.template)."""
        if self.template is not None:
            shown = self.front_program()
            write_front(self, shown.meta, headings_of(shown))
            return
        for i, (style, text) in enumerate(self.title_lines()):
            self.add_paragraph(self.doc, text, style, where=("title", i))

    def front_program(self) -> Program:
        """The program whose title page is shown: this one (the redline: the adopted one)."""
        return self.program

    def title_lines(self) -> list[tuple[str, str]]:
        return title_lines(self.program)

    def section(self, s, section) -> None:
        self.break_to(section.page, ("h", s))
        heading = self.heading(s, section)
        self._apply_pending_break(heading, ("h", s))
        page = section.page
        for b, block in enumerate(section.blocks):
            page = block.page or page
            self.break_to(page, (s, b))
            self.block(self.doc, block, (s, b))

    def heading(self, s, section):
        level = min(max(section.level, 1), 9)
        return self.add_paragraph(self.doc, section.heading, f"Heading {level}", where=("h", s))

    def block(self, container, block, path) -> None:
        if isinstance(block, Paragraph):
            self._apply_pending_break(self.add_paragraph(container, block.text, None, where=path), path)
        elif isinstance(block, ListBlock):
            self.list_block(container, block, path)
        elif isinstance(block, Table):
            self._ensure_break_paragraph(path)
            self.table(container, block, path)
        elif isinstance(block, Columns):
            self._ensure_break_paragraph(path)
            self.columns(container, block, path)
        else:
            raise TypeError(type(block).__name__)

    def list_block(self, container, block: ListBlock, path) -> None:
        style = "List Number" if block.ordered else "List Bullet"
        num_id = self.lists.new() if block.ordered else None
        for k, item in enumerate(block.items):
            p = self.add_paragraph(container, item, style, where=path + ("item", k))
            self._apply_pending_break(p, path + ("item", k))
            if num_id is not None:
                _set_num(p, num_id)

    def table(self, container, block: Table, path):
        rows = ((block.header,) if block.header else ()) + block.rows
        width = max((len(r) for r in rows), default=1)
        table = self.new_table(container, len(rows), width)
        table._tbl.tblStyle_val = self.style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        # row.cells reads each cell's span and merge; a new table has neither: a cell per w:tc
        grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        for r, row in enumerate(rows):
            real_r = r if block.header else r + 1
            for c, cell in enumerate(row):
                self.cell_blocks(grid[r][c], cell.blocks, path + ("row", real_r, c), bold=block.header and r == 0)
        if block.header:
            _repeat_header(table.rows[0])
        return table

    def columns(self, container, block: Columns, path):
        table = self.new_table(container, 1, len(block.columns))
        _describe(table, COLUMNS_MARK)
        cells = table.rows[0].cells
        for c, column in enumerate(block.columns):
            cell = cells[c]
            if column.heading:
                first = _first_paragraph(cell)
                self.write_text(first, column.heading, path + ("col", c, "heading"))
                set_style(first._p, self.style_id("Heading 4"))
            self.cell_blocks(cell, column.blocks, path + ("col", c), reuse=not column.heading)
        return table

    def cell_blocks(self, cell, blocks, path, bold=False, reuse=True) -> None:
        """Blocks inside a table cell; the cell's own empty first paragraph is reused
        (not when a column heading is in it)."""
        reuse = _first_paragraph(cell) if reuse else None
        for j, inner in enumerate(blocks):
            if reuse is not None and isinstance(inner, Paragraph):
                self.write_text(reuse, inner.text, path + (j,))
                reuse = None
            else:
                self.block(cell, inner, path + (j,))
                if reuse is not None:  # a list came first: drop the empty paragraph
                    reuse._p.getparent().remove(reuse._p)
                    reuse = None
        if bold:  # every run, also those a redline wraps in w:ins / w:del
            for r in cell._tc.iter(_R):
                if len(r) and r[0].tag == _RPR:
                    Run(r, cell).bold = True
                else:  # the run properties python-docx would add: w:rPr/w:b, first in the run
                    r.insert(0, copied(_BOLD))


def _set_num(paragraph, num_id: int) -> None:
    numPr = ppr_child(paragraph._p, _NUMPR)
    for k, (tag, val) in enumerate((("ilvl", "0"), ("numId", str(num_id)))):  # ilvl first, then numId
        child = numPr.find(_NUMBERING[tag])
        if child is None:
            child = el(tag)
            numPr.insert(k, child)
        child.set(_VAL, val)


def _first_paragraph(cell) -> DocxParagraph:
    """cell.paragraphs[0], without making the list of them all."""
    return DocxParagraph(cell._tc.find(_P), cell)


def _repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trPr.append(el)


def _describe(table, text: str) -> None:
    tblPr = table._tbl.tblPr
    desc = OxmlElement("w:tblDescription")
    desc.set(qn("w:val"), text)
    tblPr.append(desc)


@collected_once  # python-docx's parts hold one another (amend.collector)
def render_docx(program: Program, when: datetime, writer=DocxWriter, template: bytes | None = None) -> bytes:
    doc = writer(program, template).render()
    set_version_property(doc, program.meta.version)
    return save(doc, when, program.meta.title, program.meta.organisation or "")
