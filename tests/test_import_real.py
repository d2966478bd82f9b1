"""amend import on real documents (tests/fixtures/documents, SOURCES.md) and
on the page-number forms and heading signals real documents use."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from amend.importers import import_document
from amend.importers.common import Item, Report, build_program, tidy
from amend.importers.pagenumbers import candidates, settle
from amend.importers.pdflines import _numbered_heading, _toc_line
from amend.importers.pdfpages import Line
from amend.importers.pdftext import Word
from cli import main

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"


# ---------------------------------------------------------------- page numbers as printed


@pytest.mark.parametrize("text, number", [
    ("3", 3), ("- 3 -", 3), ("– 3 –", 3), ("Sida 3", 3), ("Sida 3 (36)", 3), ("Sida 3 av 36", 3),
    ("SID 3 (36)", 3), ("Sid 3(30)", 3), ("s. 3", 3), ("3/36", 3), ("3 (36)", 3), ("Page 3 of 36", 3),
    ("Page 3", 3), ("Årsrapport för 2024 3 (11)", 3), ("Stadsrevisionens årsredogörelse 2024 Sida 5", 5),
])
def test_page_number_forms(text, number):
    assert number in [n for n, _ in candidates(text)]


@pytest.mark.parametrize("text", ["Tabell 2.1 Kostnader", "2024-03-18", "KS 2023/449"])
def test_text_that_prints_no_page_number(text):
    assert not [n for n, strong in candidates(text) if strong]


def _found(numbers):
    return [[(n, True)] if n else [] for n in numbers]


def test_unnumbered_cover_takes_the_first_printed_number():
    settled = settle(_found([None, 1, 2, 3, 4]))
    assert settled.pages == [1, 1, 2, 3, 4]
    assert any("PDF page 1 prints no number (a cover or contents) and is page 1" == n.render("en")
               for n in settled.notes)
    assert any("PDF-sidan 1 har inget sidnummer (ett omslag eller en innehållsförteckning) och är sidan 1"
               == n.render("sv") for n in settled.notes)


def test_unnumbered_chapter_pages_inside_the_numbering_follow_it():
    assert settle(_found([1, 2, None, 4, 5, None, 7])).pages == [1, 2, 3, 4, 5, 6, 7]


def test_a_stray_number_sets_no_offset():
    found = [[(n, False)] for n in (1, 2, 3)] + [[(31, False)]] + [[(n, False)] for n in (5, 6, 7)]
    assert settle(found).pages == [1, 2, 3, 4, 5, 6, 7]


def test_an_appendix_restarting_at_1_goes_on_and_is_reported():
    settled = settle(_found([1, 2, 3, 4, 5, 1, 2]))
    assert settled.pages == [1, 2, 3, 4, 5, 6, 7]
    assert any("PDF pages 6–7 print their own page numbers 1–2" in str(n) for n in settled.notes)
    assert any("PDF-sidorna 6–7 har egna sidnummer 1–2" in n.render("sv") for n in settled.notes)


def test_no_printed_numbers_gives_physical_pages_and_says_so():
    settled = settle([[], [], []])
    assert settled.pages == [1, 2, 3] and not settled.printed
    assert "no page numbers are printed" in str(settled.notes[0])
    assert settled.notes[0].render("sv").startswith("inga sidnummer är tryckta")


# ---------------------------------------------------------------- heading signals


def _line(text, size=11.0, bold=False, x0=70.0):
    words, x = [], x0
    for t in text.split():
        words.append(Word(t, x, x + 6 * len(t), 100, 100 + size, size, bold, False))
        x += 6 * len(t) + 3
    return Line(words, 1)


BODY = (11.0, False, False)


@pytest.mark.parametrize("text, level", [
    ("2.6 Miljösmarta måltider", 2), ("1.2 Informera och inspirera (vädring, dusch osv.)", 2),
    ("3.1.5 MÅL 13: BEKÄMPA KLIMATFÖRÄNDRINGARNA", 3), ("Kapitel 2 Ansvar", 1), ("3 § Tillämpning", 1),
])
def test_numbered_headings_set_like_the_text(text, level):
    assert _numbered_heading(_line(text), BODY) == level


def test_a_single_number_needs_a_style_of_its_own():
    assert _numbered_heading(_line("2. Förnybar energi"), BODY) is None  # a numbered list item looks the same
    assert _numbered_heading(_line("2. Förnybar energi", bold=True), BODY) == 1


@pytest.mark.parametrize("text", ["1.2 miljoner kronor satsas på detta.", "2.1 miljoner invånare",
                                  "2024 Kommunen", "0.5 Procent"])
def test_sentences_starting_with_a_number_are_no_headings(text):
    assert _numbered_heading(_line(text), BODY) is None


def test_table_of_contents_lines():
    assert _toc_line(_line("1.1 Beredning och återrapportering ........ 3"))
    line = _line("Inledning")
    line.words.append(Word("5", 480, 486, 100, 111, 11.0, False, False))
    assert _toc_line(line)
    assert not _toc_line(_line("Kommunen har 12 000 invånare och 3"))


def test_docx_without_heading_styles_is_one_section_under_its_title():
    program, report = import_document(DOCS / "hard-docx4j-Headers.docx", program_id="headers")
    assert program.meta.title == "Header and footer test"
    assert [s.heading for s in program.sections] == ["Header and footer test"]
    assert any("no headings were found" in line for line in report.lines())


def test_no_title_is_taken_from_the_first_page_and_never_refused():
    program, report = import_document(DOCS / "hard-poi-form_footnotes.docx", program_id="form")
    assert program.meta.title == "VISA APPLICATION FORM"
    assert any("taken from its first page" in line for line in report.lines())


def test_title_option_overrides():
    program, _ = import_document(DOCS / "hard-poi-form_footnotes.docx", program_id="form", title="Visum")
    assert program.meta.title == "Visum"


def test_heading_0_is_level_1():
    flow = [Item("heading", 1, "Inledning", level=0), Item("paragraph", 1, "Text.")]
    program = build_program(flow, Report(), program_id="x", title="T", fallback_title=None, language_hint=None,
                            source="x.docx")
    assert program.sections[0].level == 1


def test_control_characters_are_not_imported():
    assert tidy("Se bilaga\x85 och\x0b mer") == "Se bilaga… och mer"


# ---------------------------------------------------------------- real documents


def test_two_column_section_without_column_breaks_reads_in_order():
    program, _ = import_document(DOCS / "hard-docx4j-ArialUnicodeMS.docx", program_id="arial")
    assert [(s.heading, s.page) for s in program.sections] == [
        ("in different ranges", 1), ("asci and hansi", 1), ("ascii only", 2), ("hansi only", 3)]


def test_numbered_headings_of_a_real_pdf():
    program, _ = import_document(DOCS / "sv-olofstrom-handlingsplan-klimat-energi.pdf", program_id="olofstrom")
    heads = {s.heading: s.page for s in program.sections}
    assert heads["1.2 Informera och inspirera (vädring, dusch osv.)"] == 3
    assert heads["4.10 Återbruksgalleria i Olofström"] == 13


def test_line_end_hyphen_undone_only_for_words_of_the_document():
    program, _ = import_document(DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf", program_id="g")
    text = " ".join(p.text for s in program.sections for p in s.blocks if hasattr(p, "text"))
    assert "det utvecklingsarbete som pågår" in text
    assert "ut- vecklingsarbete" not in text


def test_imported_program_records_its_source(tmp_path):
    source = DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"
    out = tmp_path / "program.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    data_bytes = source.read_bytes()
    assert data["source"] == {"file": source.name, "size": len(data_bytes),
                              "sha256": hashlib.sha256(data_bytes).hexdigest()}
    assert list(data) == ["program", "source", "sections"]


def test_pages_from_the_circulated_pdf(tmp_path):
    """A DOCX whose own pages are missing takes the printed pages of the PDF given."""
    from amend.importers.soffice import soffice, to_pdf

    if soffice() is None:
        pytest.skip("LibreOffice is not installed: no PDF to take the pages from")
    source = DOCS / "hard-docx4j-ArialUnicodeMS.docx"
    pdf = tmp_path / "circulated.pdf"
    pdf.write_bytes(to_pdf(source))
    program, report = import_document(source, program_id="arial", pages_from=pdf)
    assert [s.page for s in program.sections] == [1, 1, 2, 3]
    assert any("pages are those of circulated.pdf" in line for line in report.lines())


def test_pages_from_is_refused_for_a_pdf(tmp_path):
    source = DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "p.yaml"),
                                       "--pages-from", str(source)])
    assert result.exit_code != 0
    assert "--pages-from is for a DOCX" in result.output
    assert "Traceback" not in result.output


def test_pdf_with_only_page_numbers_gives_one_clear_error(tmp_path):
    """It crashed with an IndexError when no page kept a text line."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    pdfium.raw.FPDFText_LoadStandardFont(doc.raw, b"Helvetica")
    for n in (1, 2, 3):
        page = doc.new_page(595, 842)
        obj = pdfium.raw.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", 10.0)
        text = (str(n) + "\0").encode("utf-16-le")
        pdfium.raw.FPDFText_SetText(obj, (pdfium.raw.FPDF_WCHAR * (len(text) // 2)).from_buffer_copy(text))
        pdfium.raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 297, 20)
        pdfium.raw.FPDFPage_InsertObject(page.raw, obj)
        pdfium.raw.FPDFPage_GenerateContent(page.raw)
    path = tmp_path / "numbers.pdf"
    doc.save(str(path))
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "n.yaml")])
    assert result.exit_code == 1, result.output
    assert "has no text to import" in result.output
    assert "Traceback" not in result.output


def test_a_footnote_left_out_is_quoted_in_the_report():
    _, report = import_document(DOCS / "hard-poi-form_footnotes.docx", program_id="form")
    assert "not imported: 1 footnote (page 1, number 2: 'testdoc test phrase')" in report.lines()
