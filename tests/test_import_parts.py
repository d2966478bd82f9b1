"""amend import on real PDFs: numberings that start again, letter-spaced display
type, footnote marks after a heading.

A PDF that bundles two documents (a council handling with a cover letter, a
brochure and a second report) prints page numbers that start again: "sidan 3"
is then in more than one part, and a program's pages cannot go back. The whole
PDF is refused with its parts named; `--part N` imports one part with its own
printed page numbers, so "sidan 3" of the second part never resolves into the
first. The bundle here is the real Göteborg Stadsrevisionen report (a fixture)
twice over, as such handlings are put together.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from import_docs import word_style_docx

from amend.errors import UnreadableDocument
from amend.importers import import_document
from amend.importers.pdflines import Reader
from amend.importers.pdfpages import Styles, _lines
from amend.importers.pdftext import Word
from amend.load import load_program
from amend.tree import iter_units
from cli import main

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"
REPORT = DOCS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"  # 4 pages, 'N (4)' in the footer
BROCHURE = DOCS / "sv-haparanda-klimatstrategi-extract.pdf"  # cover + printed pages 20-22


@pytest.fixture
def bundle(tmp_path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(2):
        for page in PdfReader(REPORT).pages:
            writer.add_page(page)
    path = tmp_path / "handling.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


PARTS = {
    "en": "its page numbers start again, so the PDF is in 2 parts and a page such as 'page 3' could be in any of "
          "them; import one part at a time: --part 1 (PDF pages 1–4, printed pages 1–4) or --part 2 (PDF pages "
          "5–8, printed pages 1–4)",
    "sv": "sidnumren börjar om, så PDF:en har 2 delar och en sida som ”sidan 3” kan finnas i vilken som helst av "
          "dem; importera en del i taget: --part 1 (PDF-sidorna 1–4, tryckta sidorna 1–4) eller --part 2 "
          "(PDF-sidorna 5–8, tryckta sidorna 1–4)",
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_pdf_whose_page_numbers_start_again_is_refused_with_its_parts(bundle, lang):
    with pytest.raises(UnreadableDocument) as err:
        import_document(bundle, program_id="handling")
    assert err.value.render(lang) == f"{bundle}: {PARTS[lang]}"


def _pages_of(program, text: str) -> list[int]:
    return [u.page for u in iter_units(program) if text in u.text]


def test_part_two_keeps_its_own_printed_pages(bundle):
    whole, _ = import_document(REPORT, program_id="report")
    second, report = import_document(bundle, program_id="report", part=2)
    first, _ = import_document(bundle, program_id="report", part=1)
    sentence = "Vår bedömning är att det utvecklingsarbete som pågår bör fortsätta."
    assert _pages_of(second, sentence) == _pages_of(whole, sentence) == [2]  # printed page 2 of the second copy
    assert second.page_count == first.page_count == 4
    assert [s.heading for s in second.sections] == [s.heading for s in whole.sections]
    note = next(line for line in report.lines() if "part 2" in line)
    assert note == "note: only part 2 of 2 is imported (PDF pages 5–8), with its own printed page numbers"
    sv = next(line for line in report.lines("sv") if "del 2" in line)
    assert sv == "obs: bara del 2 av 2 importeras (PDF-sidorna 5–8), med sina egna tryckta sidnummer"
    assert "note: pages are numbered as printed on them: PDF page 5 prints 1, so PDF page N is page N-4" \
        in report.lines()


@pytest.mark.parametrize("lang, expected", [
    ("en", "there is no part 3: --part 1 (PDF pages 1–4, printed pages 1–4) or --part 2 (PDF pages 5–8, printed "
           "pages 1–4)"),
    ("sv", "det finns ingen del 3: --part 1 (PDF-sidorna 1–4, tryckta sidorna 1–4) eller --part 2 (PDF-sidorna "
           "5–8, tryckta sidorna 1–4)"),
])
def test_a_part_that_is_not_there_is_refused(bundle, lang, expected):
    with pytest.raises(UnreadableDocument) as err:
        import_document(bundle, program_id="handling", part=3)
    assert err.value.render(lang) == f"{bundle}: {expected}"


@pytest.mark.parametrize("lang, expected", [
    ("en", "is a DOCX: --part is for a PDF whose page numbers start again"),
    ("sv", "är en DOCX: --part gäller bara för en PDF vars sidnummer börjar om"),
])
def test_part_of_a_docx_is_refused(tmp_path, lang, expected):
    source = tmp_path / "plan.docx"
    word_style_docx(source)
    with pytest.raises(UnreadableDocument) as err:
        import_document(source, program_id="plan", part=1)
    assert err.value.render(lang) == f"{source}: {expected}"


@pytest.mark.parametrize("lang, expected", [
    ("en", "the page numbers of {pdf} start again (--part 1 (PDF pages 1–4, printed pages 1–4) and --part 2 (PDF "
           "pages 5–8, printed pages 1–4)), so 'page 3' of it could be in either part: give a PDF of the one "
           "document the DOCX is"),
    ("sv", "sidnumren i {pdf} börjar om (--part 1 (PDF-sidorna 1–4, tryckta sidorna 1–4) och --part 2 (PDF-sidorna "
           "5–8, tryckta sidorna 1–4)), så ”sidan 3” i den kan finnas i flera delar: ange en PDF av just det "
           "dokument som DOCX-filen är"),
])
def test_pages_from_a_pdf_whose_numbers_start_again_is_refused(tmp_path, bundle, lang, expected):
    source = tmp_path / "plan.docx"
    word_style_docx(source)
    with pytest.raises(UnreadableDocument) as err:
        import_document(source, program_id="plan", pages_from=bundle)
    assert err.value.render(lang) == f"{bundle.name}: " + expected.format(pdf=bundle.name)


def test_the_command_imports_the_part_named(bundle, tmp_path):
    out = tmp_path / "report.yaml"
    refused = CliRunner().invoke(main, ["import", str(bundle), "-o", str(out)])
    assert refused.exit_code == 1 and not out.exists()
    assert refused.stderr.strip() == f"error: {bundle}: {PARTS['en']}"
    done = CliRunner().invoke(main, ["import", str(bundle), "-o", str(out), "--part", "2"])
    assert done.exit_code == 0, done.output
    assert load_program(out).page_count == 4


# ---------------------------------------------------------------- display type


def test_letter_spaced_display_headings_are_read_as_words():
    program, _ = import_document(BROCHURE, program_id="klimatstrategi")
    headings = [(s.heading.casefold(), s.page) for s in program.sections]
    assert headings == [("hållbara haparanda", 21), ("utbildning för hållbar utveckling", 21),
                        ("hållbar handel", 22), ("hållbara transporter", 22)]
    units = [u.text for u in iter_units(program)]
    assert "Drivmedel är uteslutande förnybara och regionalt producerad biogas säljs i kommunen." in units


def _word(text, x0, x1, top, bottom, size, bold=True):
    return Word(text, x0, x1, top, bottom, size, bold, False)


def test_a_footnote_mark_after_a_heading_is_left_out_of_it():
    # Söderköping's '4.1 Stort behov av klimatanpassningsåtgärder⁴' (16 pt bold, the mark 10 pt), over body text
    words = [_word("4.1", 56.7, 80.0, 112.1, 130.6, 16.1), _word("Stort", 99.6, 129.8, 112.1, 130.6, 16.1),
             _word("behov", 133.0, 170.0, 112.1, 130.6, 16.1), _word("klimatanpassningsåtgärder", 193.4, 362.0, 112.1,
                                                                      130.6, 16.1),
             _word("4", 362.5, 367.7, 110.0, 121.0, 10.0)]
    body = [_word("Text", 56.7, 80.0, 150.0 + 14 * i, 162.0 + 14 * i, 12.4, bold=False) for i in range(5)]
    lines = _lines(words + body, 19)
    styles = Styles((12.5, False, False), {(16.0, True, False): 2}, None)
    items = Reader(styles, report=None).items(lines, 19)  # type: ignore[arg-type]
    assert (items[0].kind, items[0].text, items[0].level) == ("heading", "4.1 Stort behov klimatanpassningsåtgärder", 2)


def test_a_heading_font_run_over_lines_to_a_full_stop_is_a_paragraph():
    # Haparanda page 19: a text box over a photo set in 10 pt over 9 pt body text, two lines ending in '.'
    first = "Till 2050 ska Haparandas utsläpp av växthusgaser minska med 100 % jämfört".split()
    second = "med utsläppsnivån 1990 mätt ur produktions- och konsumtionsperspektiv.".split()
    words = [_word(t, 115.7 + 40 * i, 150.0 + 40 * i, 452.7, 463.6, 10.0, bold=False) for i, t in enumerate(first)]
    words += [_word(t, 115.7 + 40 * i, 150.0 + 40 * i, 466.7, 477.6, 10.0, bold=False) for i, t in enumerate(second)]
    styles = Styles((9.0, False, False), {(10.0, False, False): 5}, None)
    items = Reader(styles, report=None).items(_lines(words, 19), 19)  # type: ignore[arg-type]
    assert [(it.kind, it.text) for it in items] == [("paragraph", " ".join(first + second))]
    heading = [_word(t, 115.7 + 40 * i, 150.0 + 40 * i, 452.7, 463.6, 10.0, bold=False)
               for i, t in enumerate("Mål till 2050".split())]
    assert [it.kind for it in Reader(styles, report=None).items(_lines(heading, 19), 19)] == ["heading"]  # type: ignore[arg-type]
