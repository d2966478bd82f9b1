"""Review 6, findings 3–5: the importer must not write pages or paragraphs that make
amend change the wrong text.

3. A PDF paragraph broken at a line end inside a word ('dessvär-' / 're präglar') is
   one paragraph; where the reader cannot tell (a photo caption between, a column
   block after a page end), the report says so and a paragraph count across it refuses.
4. A DOCX whose sections start the page numbering at 3 (w:pgNumType w:start) has the
   pages it prints; roman-numbered front matter is not 'sidan 1'.
5. --pages-from: a text printed on every page is matched in order; a text not in the
   PDF is reported, and an amendment citing a page it may be on refuses.
Each test imports a fixture, applies an amendment and compares the adopted text.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from amend.apply import apply_patch
from amend.errors import AmendError
from amend.importers import import_document, program_yaml
from amend.load import load_patch, load_program
from amend.model import Paragraph, Program

HERE = Path(__file__).resolve().parent / "fixtures" / "import_pages6"
FORORD = HERE / "goteborg-forord.pdf"  # PDF pages 1–6 of Stadsrevisionen's årsredogörelse 2024
START3 = HERE / "start3.docx"  # five pages, footer "Sida {PAGE}", numbering from 3
START3_PDF = HERE / "start3.pdf"  # LibreOffice's PDF of it: "Sida 3" … "Sida 7"
MISSING3 = HERE / "missing3.pdf"  # the same but the third page's 2nd paragraph worded otherwise

SECOND = ("Ekonomistyrning, inköp och upphandling och kontroll och uppföljning av privata utförare är några av de "
          "områden som stadsrevisionen har granskat under 2024. Vår granskning har också uppmärksammat olika delar "
          "av stadens säkerhetsarbete. Detta mot bakgrund av det försämrade säkerhetsläget och den otrygghet som "
          "dessvärre präglar samhället. Stadsrevisionen kommer, utifrån vår revisionsplan för 2025, att fortsätta "
          "granska stadens säkerhets- och trygghetsarbete i olika former. Kvaliteten inom socialtjänsten och "
          "måluppfyllelsen i skolan är exempel på andra områden som kommer att belysas i kommande granskningar.")


def _imported(tmp_path: Path, source: Path, pid: str, **kw) -> tuple[Program, list[str]]:
    program, report = import_document(source, program_id=pid, **kw)
    path = tmp_path / f"{pid}.yaml"
    path.write_text(program_yaml(program, "../schemas/program.schema.json", path.name), encoding="utf-8")
    return load_program(path), report.lines("en")


def _apply(tmp_path: Path, program: Program, amendment: str) -> Program:
    path = tmp_path / "patch.yaml"
    path.write_text(f"program: {program.meta.id}\nbase: proposed\nproduces: kf\n"
                    "decision: {body: Kommunfullmäktige, date: \"2026-02-01\", paragraph: § 3}\n"
                    f"amendments:\n  - id: a1\n{amendment}", encoding="utf-8")
    return apply_patch(program, load_patch(path))[0]


def _paragraphs(program: Program, heading: str) -> list[str]:
    section = next(s for s in program.sections if s.heading == heading)
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


def _texts(program: Program) -> list[tuple[int, str]]:
    """(page, text) of every top-level paragraph."""
    out, page = [], 0
    for s in program.sections:
        page = s.page
        for b in s.blocks:
            page = b.page or page
            if isinstance(b, Paragraph):
                out.append((page, b.text))
    return out


# ---------------------------------------------------------------- 3: a paragraph broken inside a word


@pytest.fixture(scope="module")
def forord(tmp_path_factory) -> tuple[Program, list[str]]:
    return _imported(tmp_path_factory.mktemp("forord"), FORORD, "gbg")


def test_a_paragraph_broken_inside_a_word_is_one_paragraph(forord, tmp_path):
    program, _ = forord
    assert _paragraphs(program, "Förord av ordförande")[1] == SECOND
    adopted = _apply(tmp_path, program, "    at: {page: 1, heading: Förord av ordförande, paragraph: 2, "
                                        "sentence: last}\n    insert: i hög grad\n")
    assert _paragraphs(adopted, "Förord av ordförande")[1] == SECOND[:-1] + " i hög grad."


def test_deleting_the_third_paragraph_deletes_the_one_the_reader_sees_third(forord, tmp_path):
    program, _ = forord
    before = _paragraphs(program, "Förord av ordförande")
    assert before[2].startswith("I de flesta fallen bedömer vi")
    adopted = _apply(tmp_path, program, "    at: {page: 1, heading: Förord av ordförande, paragraph: 3}\n"
                                        "    delete_paragraph: true\n")
    assert _paragraphs(adopted, "Förord av ordförande") == before[:2] + before[3:]


def test_a_footnote_set_in_small_type_is_not_a_numbered_heading(forord):
    program, _ = forord
    assert not any(s.heading.startswith("1 Göteborgs Stads samlade") for s in program.sections)


def test_where_the_reader_cannot_tell_the_report_says_so_and_the_count_refuses(forord, tmp_path):
    program, lines = forord
    # (the signature ends page 1; page 2 goes on with a text set at 12 pt, once misread as a heading)
    assert ("check: 3 texts end unfinished, and whether the paragraph after them is their rest cannot be told: "
            "paragraph and sentence numbers across them are refused (page 1 '…er genomförs årligen, där kon-', "
            "page 1 'Jonas Ransgård, ordförande', page 2 '…pad granskning, projektgransk-')") in lines
    paragraphs = _paragraphs(program, "Förord av ordförande")
    assert paragraphs[5:7] == ["Foto: Lo Birgersson", paragraphs[6]] and paragraphs[6].startswith("toren kontrollerar")
    for unsure in ("paragraph: 5, sentence: last", "sentence: 3"):  # the unfinished one; sentences of all
        with pytest.raises(AmendError):
            _apply(tmp_path, program, f"    at: {{heading: Förord av ordförande, {unsure}}}\n    insert: i hög grad\n")
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, "    at: {heading: Förord av ordförande, paragraph: 7}\n    delete_paragraph: true\n")
    text = "toren kontrollerar kvaliteten i varandras granskningsarbeten"
    assert err.value.render("en").endswith(
        f"the paragraphs here cannot be counted exactly: the import could not tell whether the paragraph starting "
        f"”{text}” on page 1 is a paragraph of its own or the rest of the one before it (source: unsure in the "
        f"program file); quote the text instead, or correct the program")
    assert err.value.render("sv").endswith(
        f"styckena här går inte att räkna exakt: vid importen gick det inte att avgöra om stycket som börjar "
        f"”{text}” på sidan 1 är ett eget stycke eller resten av stycket före (source: unsure i programfilen); "
        f"citera texten i stället, eller rätta programmet")
    # counted before the unfinished paragraph, the number is exact
    adopted = _apply(tmp_path, program, "    at: {heading: Förord av ordförande, paragraph: 4}\n"
                                        "    delete_paragraph: true\n")
    assert _paragraphs(adopted, "Förord av ordförande") == paragraphs[:3] + paragraphs[4:]


def test_the_split_check_line_in_swedish():
    from amend.importers.common import Item, Report
    from amend.importers.pdfsplits import check_splits

    report = Report()
    check_splits([Item("paragraph", 4, "Det gäller förskolenämn-"), Item("paragraph", 4, "den i form av en erinran.")],
                 report)
    assert report.lines("sv") == [
        "kontrollera: 1 text slutar mitt i, och om stycket efter är resten av den går inte att avgöra: stycke- och "
        "meningsnummer som räknas över den avvisas (sidan 4 ”Det gäller förskolenämn-”)"]
    assert [(u.kind, u.text, u.page) for u in report.unsure] == [("split", "den i form av en erinran.", 4)]


# ---------------------------------------------------------------- 4: the page numbers a DOCX prints

POLICE = "    at: {page: 5}\n    replace: polisen\n    with: Polismyndigheten\n"


def _changed_page(program: Program) -> list[tuple[int, str]]:
    texts = _texts(program)
    return [texts[k + 1] for k, (_, t) in enumerate(texts) if "Polismyndigheten" in t]


def test_a_docx_numbered_from_3_has_the_pages_it_prints(tmp_path):
    program, lines = _imported(tmp_path, START3, "plan")
    assert [p for p, t in _texts(program) if t.startswith("Avsnittet")] == [3, 4, 5, 6, 7]
    assert "note: pages are numbered as the file prints them: its page 1 prints 3" in lines
    adopted = _apply(tmp_path, program, POLICE)
    assert _changed_page(adopted) == [(5, "Avsnittet har nummer 3.")]


def _front_matter_docx(path: Path) -> None:
    """Two pages numbered i, ii, then a section numbered from 1 (Word's front matter)."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = Document()
    d.add_heading("Förord", 1)
    d.add_paragraph("Förord om planen.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Läsanvisning för planen.")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_heading("Plan för samverkan", 1)
    d.add_paragraph("Kommunen samverkar med polisen.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Regionen samverkar med polisen.")
    for sect, fmt in ((d.sections[0]._sectPr, "lowerRoman"), (d.sections[1]._sectPr, "decimal")):
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:fmt"), fmt)
        pg.set(qn("w:start"), "1")
        sect.append(pg)
    footer = d.sections[0].footer.paragraphs[0]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    footer._p.append(fld)
    d.save(str(path))


def test_roman_front_matter_is_not_page_1(tmp_path):
    path = tmp_path / "front.docx"
    _front_matter_docx(path)
    program, lines = _imported(tmp_path, path, "front")
    assert _texts(program) == [(1, "Förord om planen."), (1, "Läsanvisning för planen."),
                               (1, "Kommunen samverkar med polisen."), (2, "Regionen samverkar med polisen.")]
    adopted = _apply(tmp_path, program, "    at: {page: 2}\n    replace: polisen\n    with: Polismyndigheten\n")
    assert _texts(adopted)[3] == (2, "Regionen samverkar med Polismyndigheten.")
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, "    at: {page: 1}\n    replace: polisen\n    with: Polismyndigheten\n")
    assert err.value.render("en").endswith(
        "page 1 cannot be read exactly here: the text ”Förord om planen.” stands on a page printed with another "
        "numbering (such as roman numerals), which the program counts as page 1; quote the text without the page")
    assert err.value.render("sv").endswith(
        "sidan 1 går inte att läsa exakt här: texten ”Förord om planen.” står på en sida med en annan numrering "
        "(till exempel romerska siffror), som programmet räknar som sidan 1; citera texten utan sidan")
    assert ("check: 2 pages numbered otherwise (lowerRoman, such as roman numerals), taken as page 1: an amendment "
            "citing page 1 is refused (page 1, printed i, 'Förord om planen.', page 1, printed ii, 'Läsanvisning för "
            "planen.')") in lines


def test_the_docx_page_notes_in_swedish():
    from amend.importers.common import Report
    from amend.importers.docxnumbers import _notes

    report = Report()
    _notes([(3, "decimal"), (4, "decimal"), (1, "decimal")], [3, 4, 5], report)
    assert report.lines("sv") == [
        "obs: sidorna numreras som filen trycker dem: dess sida 1 har numret 3",
        "obs: filens sida 3 har numret 1, en numrering som börjar om (en bilaga); sidorna får inte gå bakåt i ett "
        "program, så den är sidan 5"]


# ---------------------------------------------------------------- 5: --pages-from


def test_text_on_every_page_is_matched_in_order(tmp_path):
    program, lines = _imported(tmp_path, START3, "plan", pages_from=START3_PDF)
    assert not [line for line in lines if "not found" in line]
    assert [p for p, t in _texts(program) if t.startswith("Kommunen")] == [3, 4, 5, 6, 7]
    adopted = _apply(tmp_path, program, POLICE)
    assert _changed_page(adopted) == [(5, "Avsnittet har nummer 3.")]


def test_a_text_the_pdf_does_not_hold_is_reported_and_its_pages_refuse(tmp_path):
    program, lines = _imported(tmp_path, START3, "plan", pages_from=MISSING3)
    assert ("check: 1 piece of text not found in missing3.pdf: on page 5 or page 6, not known which, so an "
            "amendment citing those pages is refused (page 5 'Avsnittet har nummer 3.')") in lines
    for page in (5, 6):
        with pytest.raises(AmendError) as err:
            _apply(tmp_path, program, POLICE.replace("5", str(page)))
        assert err.value.render("en").endswith(
            f"page {page} cannot be read exactly here: the import could not tell whether the text ”Avsnittet har "
            f"nummer 3.” is on page 5 or page 6 (source: unsure in the program file); check the page in the "
            f"proposal and correct the program")
        assert err.value.render("sv").endswith(
            f"sidan {page} går inte att läsa exakt här: vid importen gick det inte att avgöra om texten ”Avsnittet "
            f"har nummer 3.” står på sidan 5 eller sidan 6 (source: unsure i programfilen); kontrollera sidan i "
            f"förslaget och rätta programmet")
    adopted = _apply(tmp_path, program, POLICE.replace("5", "7"))
    assert _changed_page(adopted) == [(7, "Avsnittet har nummer 5.")]


def test_the_not_placed_check_line_in_swedish(tmp_path):
    _, _ = _imported(tmp_path, START3, "plan", pages_from=MISSING3)
    program, report = import_document(START3, program_id="plan", pages_from=MISSING3)
    assert ("kontrollera: 1 textbit som inte hittades i missing3.pdf: på sidan 5 eller sidan 6, det går inte att "
            "avgöra vilken, så ändringar som anger de sidorna avvisas (sidan 5 ”Avsnittet har nummer 3.”)"
            ) in report.lines("sv")


def test_a_short_text_the_pdf_does_not_hold_is_not_taken_from_a_later_page():
    from amend.importers.pagealign import Stream, _align, squash

    pages = ["Kommunen samverkar med polisen. Avsnittet har nummer 1.", "Avsnittet har nummer 2.",
             "Målen för 2026 följs upp av nämnden varje år."]
    texts = [squash(t) for t in ("Kommunen samverkar med polisen.", "Avsnittet har nummer 1.", "Mål",
                                 "Avsnittet har nummer 2.", "Målen för 2026 följs upp av nämnden varje år.")]
    starts = [0, len(squash(pages[0])), len(squash(pages[0])) + len(squash(pages[1]))]
    stream = Stream("".join(squash(p) for p in pages), starts, [3, 4, 5])
    assert _align(texts, stream) == [3, 3, None, 4, 5]
