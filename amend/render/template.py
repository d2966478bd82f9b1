"""`--template FILE.dotx|.docx`: amend's own layout in the municipality's Word template.

For a program without a source Word file. The template gives the styles, the page
set-up, the headers and footers (logo included) and the numbering; amend gives what a
published municipal document has on top of them:

* a title page: organisation, title, subtitle and a dokumentinformation table made
  from the program's and its decisions' metadata (a row only where the value is
  there; no internal version names such as "adopted": the words are the program's
  language's);
* a table of contents, as a real TOC field (Word and LibreOffice update it), with
  the headings and their pages already filled in (the program's pages: amend breaks
  pages where the proposal's pages break);
* a running header with the title (a TITLE field) and a "Sida N (M)" footer (PAGE and
  NUMPAGES fields), each only where the template's own header or footer has none;
* the document language from the program (sv-SE), see amend.render.docx.set_language.

The template's body text is dropped (its last section's properties are kept). A style
amend needs that the template lacks (a list style, "Table Grid", "Subtitle", …) is taken
from python-docx's default template, with its numbering.
"""
from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from ..errors import AmendError
from ..messages import msg
from ..model import Meta, Program

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
NEEDED = ("Title", "Subtitle", "List Number", "List Bullet", "Table Grid", "TOC Heading",
          *(f"Heading {n}" for n in range(1, 10)))
TOC_LEVELS = 3
TOC_ON_TITLE_PAGE = 18  # entries that fit on an A4 title page below the dokumentinformation table
TEXT_WIDTH_TWIPS = 9000  # the TOC's page-number tab when the template's page set-up does not say

# the words of the title page, header and footer, by language
WORDS = {
    "sv": {"info": "Dokumentinformation", "toc": "Innehåll", "status": "Status", "body": "Beslutad av",
           "date": "Datum för beslut", "paragraph": "Paragraf", "case": "Diarienummer", "in_force": "Gäller från",
           "revised": "Reviderad", "proposes_to": "Förslag till", "proposed_by": "Förslag från",
           "version_date": "Datum",
           "page": ("Sida ", " (", ")")},
    "en": {"info": "Document information", "toc": "Contents", "status": "Status", "body": "Decided by",
           "date": "Date of decision", "paragraph": "Minute", "case": "Case number", "in_force": "In force from",
           "revised": "Revised", "proposes_to": "Proposed to", "proposed_by": "Proposed by", "version_date": "Date",
           "page": ("Page ", " of ", "")},
}


class TemplateError(AmendError):
    """The --template file cannot be used."""


def words_of(language: str) -> dict:
    return WORDS.get(language, WORDS["en"])


# ---------------------------------------------------------------- reading the template


def read_template(path: str | Path) -> bytes:
    """The template as a DOCX package (a .dotx's main part declared a document's), or a TemplateError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(msg("render.template.unreadable", file=path, reason=exc.strerror or str(exc))) from None
    try:
        return as_document(data)
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise TemplateError(msg("render.template.not_word", file=path)) from None


def as_document(data: bytes) -> bytes:
    """A .docx or .dotx package as a .docx one: only [Content_Types].xml differs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        types = src.read("[Content_Types].xml")
        if _MAIN not in types and _TEMPLATE_MAIN not in types:
            raise ValueError("no WordprocessingML main part")
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_MAIN, _MAIN)
            dst.writestr(info, content)
    Document(io.BytesIO(out.getvalue()))  # python-docx can open it: else ValueError/KeyError above
    return out.getvalue()


# ---------------------------------------------------------------- preparing the document


def open_template(data: bytes, program: Program):
    """A python-docx Document of the template, its body emptied, with every style amend needs,
    the running header and the page footer."""
    doc = Document(io.BytesIO(data))
    _empty_body(doc)
    _ensure_styles(doc)
    words = words_of(program.meta.language)
    header_style = "Header" if any(s.name == "Header" for s in doc.styles) else None
    for section in doc.sections:
        _running_header(section.header, program.meta.title, header_style)
        _page_footer(section.footer, words["page"])
    return doc


def _empty_body(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ensure_styles(doc) -> None:
    defaults = Document()
    for name in NEEDED:
        present = _style(doc, name)
        if present is None or (name.startswith("List ") and present.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None):
            _copy_style(doc, defaults, name, replace=present)
    for level in range(1, TOC_LEVELS + 1):
        if _style(doc, f"toc {level}") is None:
            doc.styles.element.append(_toc_style(level))


def _style(doc, name: str):
    for s in doc.styles.element.findall(qn("w:style")):
        n = s.find(qn("w:name"))
        if n is not None and n.get(qn("w:val")).lower() == name.lower():
            return s
    return None


def _copy_style(doc, defaults, name: str, replace=None) -> None:
    made = copy.deepcopy(_style(defaults, name))
    ids = {s.get(qn("w:styleId")) for s in doc.styles.element.findall(qn("w:style"))}
    for tag in ("w:basedOn", "w:link", "w:next"):  # a reference to a style the template lacks is dropped
        ref = made.find(qn(tag))
        if ref is not None and ref.get(qn("w:val")) not in ids | {made.get(qn("w:styleId"))}:
            made.remove(ref)
    num = made.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num is not None:
        num.set(qn("w:val"), _copy_numbering(doc, defaults, num.get(qn("w:val"))))
    if replace is not None:
        replace.addprevious(made)
        replace.getparent().remove(replace)
    else:
        doc.styles.element.append(made)


def _copy_numbering(doc, defaults, num_id: str) -> str:
    """The default template's w:num `num_id` and its w:abstractNum, added to the document's
    numbering under fresh ids; returns the new numId."""
    theirs, ours = defaults.part.numbering_part.element, doc.part.numbering_part.element
    num = next(n for n in theirs.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in theirs.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    new_abstract = _next_id(ours, "w:abstractNum", "w:abstractNumId")
    new_num = _next_id(ours, "w:num", "w:numId")
    _add_abstract(ours, abstract, new_abstract)
    n = copy.deepcopy(num)
    n.set(qn("w:numId"), new_num)
    n.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract)
    ours.append(n)
    return new_num


def _next_id(numbering, tag: str, attribute: str) -> str:
    """One more than the highest id of the numbering's `tag` elements (1 for the first)."""
    return str(1 + max((int(e.get(qn(attribute))) for e in numbering.findall(qn(tag))), default=0))


def _add_abstract(numbering, abstract, new_id: str) -> None:
    """A copy of the w:abstractNum under `new_id`, before every w:num as CT_Numbering wants it."""
    a = copy.deepcopy(abstract)
    a.set(qn("w:abstractNumId"), new_id)
    for nsid in a.findall(qn("w:nsid")):  # two definitions of one nsid are one list to Word
        a.remove(nsid)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)


def _toc_style(level: int):
    indent = 220 * (level - 1)
    return parse_xml(
        f'<w:style xmlns:w="{_W}" w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        f'<w:pPr><w:spacing w:after="100"/><w:ind w:left="{indent}"/></w:pPr></w:style>')


# ---------------------------------------------------------------- header and footer


def _has_field(part, name: str) -> bool:
    codes = [i.text or "" for i in part._element.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr")) or "" for f in part._element.iter(qn("w:fldSimple"))]
    return any(c.split()[:1] == [name] for c in codes)


def _running_header(header, title: str, style: str | None) -> None:
    if _has_field(header, "TITLE") or _has_field(header, "DOCPROPERTY"):
        return
    p = header.add_paragraph(style=style)
    p._p.append(simple_field("TITLE", title))


def _page_footer(footer, words: tuple[str, str, str]) -> None:
    if _has_field(footer, "PAGE"):
        return
    p = footer.paragraphs[0] if footer.paragraphs and not footer.paragraphs[0].text else footer.add_paragraph()
    before, between, after = words
    p.add_run(before)
    p._p.append(simple_field("PAGE", "1"))
    p.add_run(between)
    p._p.append(simple_field("NUMPAGES", "1"))
    if after:
        p.add_run(after)


def simple_field(code: str, shown: str):
    """w:fldSimple: the field `code`, showing `shown` until a word processor updates it."""
    from xml.sax.saxutils import escape, quoteattr

    return parse_xml(f'<w:fldSimple xmlns:w="{_W}" w:instr={quoteattr(" " + code + " ")}><w:r>'
                     f'<w:t xml:space="preserve">{escape(shown)}</w:t></w:r></w:fldSimple>')


# ---------------------------------------------------------------- title page and contents


def info_rows(meta: Meta) -> list[tuple[str, str]]:
    """The dokumentinformation table: (label, value) for each value the metadata has. The
    first adopting decision is the decision, later ones revisions; a proposal names who proposes it."""
    w = words_of(meta.language)
    adopting = [d for d in meta.decisions if not d.proposes_to]
    rows: list[tuple[str, str | None]] = [(w["status"], meta.status)]
    first = adopting[0] if adopting else (meta.decisions[-1] if meta.decisions else None)
    if first is None:
        rows.append((w["version_date"], meta.date))
    else:
        rows += [(w["proposes_to"], first.proposes_to), (w["proposed_by" if first.proposes_to else "body"], first.body),
                 (w["date"], first.date), (w["paragraph"], first.paragraph), (w["case"], first.case)]
    rows.append((w["revised"], ", ".join(_revision(d) for d in adopting[1:])))
    rows.append((w["in_force"], next((d.in_force for d in reversed(meta.decisions) if d.in_force), None)))
    return [(label, str(value)) for label, value in rows if value]


def _revision(decision) -> str:
    return " ".join(x for x in (decision.date, decision.paragraph) if x)


def write_front(writer, meta: Meta, headings: list[tuple[int, str, int]]) -> None:
    """The title page and the contents, through the DocxWriter `writer`."""
    for style, text in ((("Subtitle", meta.organisation),) if meta.organisation else ()) + (("Title", meta.title),) \
            + ((("Subtitle", meta.subtitle),) if meta.subtitle else ()):
        _line(writer, text, style)
    w = words_of(meta.language)
    rows = info_rows(meta)
    if rows:
        writer.new_paragraph(writer.doc).add_run(w["info"]).bold = True
        _info_table(writer, rows)
    _line(writer, w["toc"], "TOC Heading")
    _toc(writer, headings)


def _line(writer, text: str, style: str) -> None:
    """A paragraph of the front matter (not writer.add_paragraph: the redline writes only a program's texts)."""
    writer.new_paragraph(writer.doc, style).add_run(text)


def _info_table(writer, rows: list[tuple[str, str]]) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    table = writer.new_table(writer.doc, len(rows), 2)
    table._tbl.tblStyle_val = writer.style_id("Table Grid", WD_STYLE_TYPE.TABLE)
    for (label, value), row in zip(rows, table.rows):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(value)


def _toc(writer, headings: list[tuple[int, str, int]]) -> None:
    """A TOC field over headings 1–3 whose shown result is the entries with their pages."""
    levels = toc_levels(headings)
    shown = [(level, text, page) for level, text, page in headings if level <= levels]
    tab = str(_text_width(writer.doc))
    paragraphs = [_toc_entry(writer, level, text, page, tab) for level, text, page in shown or [(1, "", 0)]]
    _field_around(paragraphs[0]._p, paragraphs[-1]._p, f' TOC \\o "1-{levels}" \\u ')


def _toc_entry(writer, level: int, text: str, page: int, tab: str):
    """A contents line: the heading, a dotted tab to the right margin (`tab`), its page; no text: an empty line."""
    p = writer.new_paragraph(writer.doc, f"toc {level}")
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:tabs xmlns:w="{_W}"><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'))
    if text:
        p.add_run(text)
        p.add_run("\t")
        p.add_run(str(page))
    return p


def toc_levels(headings: list[tuple[int, str, int]]) -> int:
    """The deepest heading level the contents shows: as deep as keeps it on the title page
    (so that the program's pages stay the document's), at least level 1."""
    for levels in range(TOC_LEVELS, 1, -1):
        if sum(level <= levels for level, _, _ in headings) <= TOC_ON_TITLE_PAGE:
            return levels
    return 1


def _text_width(doc) -> int:
    s = doc.sections[-1]
    try:
        return int((s.page_width - s.left_margin - s.right_margin) / 635)  # EMU → twips
    except TypeError:  # the template's page set-up leaves size or margins out
        return TEXT_WIDTH_TWIPS


def _field_around(first, last, code: str) -> None:
    """A complex field whose result is the runs from `first`'s to `last`'s end."""
    def run(inner: str):
        return parse_xml(f'<w:r xmlns:w="{_W}">{inner}</w:r>')

    ppr = first.find(qn("w:pPr"))
    at = 0 if ppr is None else list(first).index(ppr) + 1
    for k, r in enumerate((run('<w:fldChar w:fldCharType="begin"/>'),
                           run(f'<w:instrText xml:space="preserve">{code}</w:instrText>'),
                           run('<w:fldChar w:fldCharType="separate"/>'))):
        first.insert(at + k, r)
    last.append(run('<w:fldChar w:fldCharType="end"/>'))


def headings_of(program: Program) -> list[tuple[int, str, int]]:
    """(level, heading, page) of every section, for the contents."""
    return [(s.level, s.heading, s.page) for s in program.sections]


__all__ = ["TemplateError", "open_template", "read_template", "write_front"]
