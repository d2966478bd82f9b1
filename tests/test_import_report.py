"""The import report page by page (issue 11 item 6): on each page what was
found, what was guessed and how sure that is, what to check and what was not
imported; in English and Swedish, as `amend import` shows it."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from import_docs import word_style_docx

from amend.importers import import_document
from amend.importers.pagenumbers import settle
from amend.importers.pagereport import page_messages
from amend.importers.report import Report
from amend.model import ListBlock, Meta, Paragraph, Program, Section
from cli import main

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"


def _lines(report, program, lang: str) -> list[str]:
    return [m.render(lang) for m in page_messages(report, program)]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["the import page by page: check what was guessed and what was not imported against the printed proposal",
            "page 2: found 1 heading and 1 paragraph; not imported: 1 image; 1 text box ('Rutan säger något.')",
            "pages 3–5: found 3 headings, 3 paragraphs, 2 lists, 1 table and 1 column layout; nothing guessed or left "
            "out"]),
    ("sv", ["importen sida för sida: kontrollera det som gissats och det som inte importerats mot det tryckta förslaget",
            "sidan 2: hittat 1 rubrik och 1 stycke; inte importerat: 1 bild; 1 textruta (”Rutan säger något.”)",
            "sidorna 3–5: hittat 3 rubriker, 3 stycken, 2 listor, 1 tabell och 1 spaltlayout; inget gissat eller "
            "utelämnat"]),
])
def test_amend_import_shows_the_report_page_by_page(tmp_path, lang, expected):
    source = tmp_path / "plan.docx"
    word_style_docx(source, with_extras=True)
    result = CliRunner().invoke(main, ["--lang", lang, "import", str(source), "-o", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:3] == expected


def test_headings_guessed_from_font_and_numbering_are_named_on_their_page():
    program, report = import_document(DOCS / "sv-hagfors-rsa-extract.pdf", program_id="hagfors")
    en, sv = _lines(report, program, "en"), _lines(report, program, "sv")
    assert ("page 29: found 2 headings, 4 paragraphs and 1 table; guessed: 2 headings from their font and numbering, "
            "high confidence ('7 Åtgärder till följd av risk- och sårbarhetsanaly…' and '8 Övnings- och "
            "utbildningsplan för mandatperioden')") in en
    assert ("sidan 29: hittat 2 rubriker, 4 stycken och 1 tabell; gissat: 2 rubriker utifrån teckensnitt och "
            "numrering, hög säkerhet (”7 Åtgärder till följd av risk- och sårbarhetsanaly…” och ”8 Övnings- och "
            "utbildningsplan för mandatperioden”)") in sv
    # page 23's photo caption ('Bild 7 – …' / 'en händelse.') is a paragraph, no heading found from its font
    assert ("page 23: found 1 heading and 5 paragraphs; guessed: 1 heading from its font and numbering, high "
            "confidence ('5 Identifierade och analyserade risker för kommune…'); not imported: 1 image") in en


def test_pages_without_printed_numbers_are_said_once_for_every_page():
    program, report = import_document(DOCS / "sv-olofstrom-handlingsplan-klimat-energi.pdf", program_id="o")
    assert _lines(report, program, "en")[1] == \
        "every page: no page number printed, so the page is its place in the PDF, low confidence"
    assert _lines(report, program, "sv")[1] == \
        "alla sidor: inget sidnummer tryckt, så sidan är dess plats i PDF:en, låg säkerhet"


def test_settle_says_how_each_page_got_its_number():
    # a cover and a contents page, printed 1 on PDF page 3, a chapter page without a number, an appendix from 1
    settled = settle([[], [], [(1, True)], [], [(3, True)], [(4, False)], [(1, True)], [(2, True)]])
    assert settled.pages == [1, 1, 1, 2, 3, 4, 5, 6]
    assert settled.how == ["cover", "cover", "printed", "derived", "printed", "printed", "shifted", "shifted"]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["page 1: found 1 heading and 1 paragraph; guessed: an unnumbered page before the numbering (a cover or "
            "contents page), given page 1, medium confidence",
            "page 2: found 1 list; guessed: page number 2 from the numbering of the pages around it, not printed on "
            "this page, high confidence; not imported: 2 footnotes (number 1: 'Se bilagan.'; number 2: 'Källa: "
            "SCB.')",
            "page 3: found 1 paragraph; nothing guessed or left out"]),
    ("sv", ["sidan 1: hittat 1 rubrik och 1 stycke; gissat: en sida utan nummer före numreringen (ett omslag eller "
            "en innehållsförteckning), som blir sidan 1, medelhög säkerhet",
            "sidan 2: hittat 1 lista; gissat: sidnumret 2 från numreringen av sidorna runt omkring, inte tryckt på "
            "den här sidan, hög säkerhet; inte importerat: 2 fotnoter (nummer 1: ”Se bilagan.”; nummer 2: ”Källa: "
            "SCB.”)",
            "sidan 3: hittat 1 stycke; inget gissat eller utelämnat"]),
])
def test_derived_page_numbers_and_footnotes_with_their_text(lang, expected):
    from amend.messages import msg

    program = Program(Meta("p", "P", "proposed"), (Section("Mål", 1, 1, (
        Paragraph("Text."), ListBlock(("a", "b"), page=2), Paragraph("Mer.", page=3))),))
    report = Report()
    report.page_how.update({1: "cover", 2: "derived", 3: "printed"})
    for number, text in (("1", "Se bilagan."), ("2", "Källa: SCB.")):
        report.lost(msg("importers.what.footnote"), msg("importers.where.note_text", where=msg(
            "importers.where.page", page=2), number=number, text=text))
    assert _lines(report, program, lang)[1:] == expected


def test_report_pages_follow_the_layout_libreoffice_gives(tmp_path):
    """A DOCX recording no pages is laid out by LibreOffice; what the report found while
    reading is on the page its paragraph is on in that layout (was: the reader's page 1)."""
    from amend.importers.soffice import soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    d = docx.Document()
    d.core_properties.title = "Lång plan"
    d.add_heading("Inledning", level=1)
    for i in range(120):
        d.add_paragraph(f"Stycke {i} om hur kommunen arbetar med trygghet i alla stadsdelar och byar, varje år.")
    p = d.add_paragraph("Symbolen ")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
    path = tmp_path / "lang.docx"
    d.save(str(path))
    program, report = import_document(path, program_id="lang")
    last = program.sections[0].blocks
    page = max(b.page or 0 for b in last)
    assert page > 1
    lines = _lines(report, program, "en")
    assert "every page: the page is from LibreOffice's layout of the DOCX, medium confidence (Word may break pages " \
        "elsewhere)" in lines
    assert any(line.startswith(f"page {page}: ") and "not imported: 1 symbol-font character" in line for line in lines)


@pytest.mark.parametrize("lang, expected", [
    ("en", "page 2: found 3 headings and 8 paragraphs; guessed: 3 headings from their font, named in the PDF's "
           "bookmarks too, high confidence ('Styrning genom planer och program', 'Sammanfattande bedömning' and "
           "'Granskningens utgångspunkter')"),
    ("sv", "sidan 2: hittat 3 rubriker och 8 stycken; gissat: 3 rubriker utifrån teckensnittet som också finns bland "
           "PDF:ens bokmärken, hög säkerhet (”Styrning genom planer och program”, ”Sammanfattande bedömning” och "
           "”Granskningens utgångspunkter”)"),
])
def test_headings_the_pdf_bookmarks_name_are_found_with_high_confidence(lang, expected):
    program, report = import_document(DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf",
                                      program_id="g")
    assert expected in _lines(report, program, lang)


def test_words_for_matching_pages_are_the_words_of_the_full_reader():
    """locate_pages reads a PDF's words without fonts (faster); they are the same words in the same boxes."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    from amend.importers import pdfwords

    doc = pdfium.PdfDocument(str(DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"))
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            width, height = page.get_size()
            plain = pdfwords.plain_words(textpage, height, c)
            full, _ = pdfwords.words(textpage, height, c, None, width)
            assert [(w.text, w.x0, w.x1, w.top, w.bottom) for w in plain] == \
                [(w.text, w.x0, w.x1, w.top, w.bottom) for w in full]
            textpage.close()
            page.close()
    finally:
        doc.close()
