"""Documents built the way Word writes them, for the import tests.

`word_style_docx` writes what a secretary's Word file holds: a Title paragraph
and document properties, Ctrl+Enter page breaks in their own paragraph, "page
break before" on a heading, Word's saved layout marks (w:lastRenderedPageBreak)
echoing those breaks, numbering definitions for a numbered and a bulleted
list, a table with a repeated header row, and a three-column section (w:cols
num=3 between continuous section breaks) divided by column breaks.
`WORD_STYLE_PROGRAM` is what importing it must give.
"""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from amend.model import Cell, Column, Columns, ListBlock, Meta, Paragraph, Program, Section, Table

W = nsdecls("w")

INTRO = ("Kommunen arbetar för att alla invånare ska känna sig trygga. Planen beskriver hur arbetet "
         "ska bedrivas under de kommande åren.")
GOALS_LEAD = "Arbetet har tre mål."
GOALS = ("Färre brott i centrum.", "Fler trygga mötesplatser.", "Bättre belysning i parkerna.")
AFTER_GOALS = "Målen följs upp varje år."
MEASURES = ("Trygghetsvandringar i alla stadsdelar.", "Samverkan med polisen.")
TABLE = (("Aktör", "Ansvar"), ("Kommunstyrelsen", "Samordnar arbetet."), ("Polisen", "Deltar i samverkan."))
COLUMNS = (
    ("Chefer", "Chefer ansvarar för att planen är känd.", ()),
    ("Medarbetare", None, ("Medarbetare går utbildning.", "Medarbetare rapporterar risker.")),
    ("Förtroendevalda", "Förtroendevalda följer arbetet.", ()),
)
FOLLOW_UP = "Uppföljningen redovisas för kommunstyrelsen varje höst."

WORD_STYLE_PROGRAM = Program(
    Meta(id="trygghetsplan", title="Trygghetsplan 2026", version="proposed", organisation="Exempels kommun",
         language="sv", date="2026-01-15", status="Förslag"),
    (
        Section("Inledning", 1, 2, (Paragraph(INTRO),)),
        Section("Mål", 2, 3, (Paragraph(GOALS_LEAD), ListBlock(GOALS, ordered=True), Paragraph(AFTER_GOALS),
                              ListBlock(MEASURES))),
        Section("Ansvar", 1, 4, (
            Table(tuple(Cell((Paragraph(t),)) for t in TABLE[0]),
                  tuple(tuple(Cell((Paragraph(t),)) for t in row) for row in TABLE[1:])),
            Columns(tuple(Column(h, ((Paragraph(p),) if p else ()) + ((ListBlock(items),) if items else ()))
                          for h, p, items in COLUMNS)),
        )),
        Section("Uppföljning", 2, 5, (Paragraph(FOLLOW_UP),)),
    ),
)


def _p(body, xml: str):
    body.append(parse_xml(f"<w:p {W}>{xml}</w:p>"))


def _para(style: str | None, text: str, ppr: str = "", before: str = "", after: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f"<w:pPr>{style_xml}{ppr}</w:pPr>{before}"
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{after}')


def _numbering(document) -> tuple[int, int]:
    """A decimal and a bullet list definition, as Word writes them: (decimal numId, bullet numId)."""
    numbering = document.part.numbering_part.element
    defs = []
    for abstract_id, fmt, text in ((90, "decimal", "%1."), (91, "bullet", "\u2022")):
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'))
        num_id = 90 + len(defs)
        numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
        defs.append(num_id)
    return defs[0], defs[1]


def _item(num_id: int, text: str, before: str = "") -> str:
    return _para(None, text,
                 f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>', before=before)


RENDERED = "<w:r><w:lastRenderedPageBreak/></w:r>"  # Word's mark where its layout started a page
PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'
COLUMN_BREAK = '<w:r><w:br w:type="column"/></w:r>'


def _sect(cols: int, kind: str = "continuous") -> str:
    return (f'<w:sectPr><w:type w:val="{kind}"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1247" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" '
            f'w:gutter="0"/><w:cols w:num="{cols}" w:space="567"/></w:sectPr>')


def word_style_docx(path, with_extras: bool = False) -> None:
    """Write the Word-style document; with_extras adds an image and a text box
    (which the import must report, not lose silently)."""
    document = docx.Document()
    document.core_properties.title = "Trygghetsplan 2026"
    dec, bullet = _numbering(document)
    body = document.element.body
    sect_final = body.find(f"{{{body.nsmap['w']}}}sectPr")
    body.remove(sect_final)
    # page 1: title block
    _p(body, _para("Subtitle", "Exempels kommun"))
    _p(body, _para("Title", "Trygghetsplan 2026"))
    _p(body, _para(None, "Version: proposed · Status: Förslag · Datum: 2026-01-15"))
    _p(body, PAGE_BREAK)  # Ctrl+Enter: the break in a paragraph of its own
    # page 2
    _p(body, _para("Heading1", "Inledning", before=RENDERED))
    extras = ""
    if with_extras:
        extras = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
                  'wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Logo"/>'
                  '</wp:inline></w:drawing></w:r>'
                  '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Rutan säger något.</w:t></w:r></w:p>'
                  '</w:txbxContent></w:pict></w:r>')
    _p(body, _para(None, INTRO, after=extras))
    # page 3: a heading with "page break before", echoed by Word's mark
    _p(body, _para("Heading2", "Mål", ppr="<w:pageBreakBefore/>", before=RENDERED))
    _p(body, _para(None, GOALS_LEAD))
    for text in GOALS:
        _p(body, _item(dec, text))
    _p(body, _para(None, AFTER_GOALS))
    for text in MEASURES:
        _p(body, _item(bullet, text))
    _p(body, PAGE_BREAK)
    # page 4: a table with a header row, then three columns
    _p(body, _para("Heading1", "Ansvar", before=RENDERED))
    rows = "".join(
        "<w:tr>" + ('<w:trPr><w:tblHeader/></w:trPr>' if r == 0 else "")
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r>'
                  f"{'<w:rPr><w:b/></w:rPr>' if r == 0 else ''}<w:t>{t}</w:t></w:r></w:p></w:tc>" for t in row)
        + "</w:tr>" for r, row in enumerate(TABLE))
    body.append(parse_xml(
        f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>{rows}</w:tbl>'))
    _p(body, f"<w:pPr>{_sect(1, 'nextPage')}</w:pPr>")  # ends the one-column part
    for c, (heading, text, items) in enumerate(COLUMNS):
        _p(body, _para("Heading3", heading))
        if text:
            _p(body, _para(None, text))
        for item in items:
            _p(body, _item(bullet, item))
        if c < len(COLUMNS) - 1:
            _p(body, COLUMN_BREAK)
    _p(body, f"<w:pPr>{_sect(3)}</w:pPr>")  # ends the three-column part
    # page 5
    _p(body, PAGE_BREAK)
    _p(body, _para("Heading2", "Uppföljning", before=RENDERED))
    _p(body, _para(None, FOLLOW_UP))
    body.append(parse_xml(f"<w:body {W}>{_sect(1)}</w:body>")[0])
    document.save(str(path))
