"""Session 7's import fixes (issue 11 leftovers, review 6 #14 and M5), each on a real file:
the program imported, an amendment applied, the adopted text compared."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_import_pages6 import _apply

from amend.errors import AmendError
from amend.importers import import_document, program_yaml
from amend.load import load_program
from amend.model import Paragraph, Program, Table

HERE = Path(__file__).resolve().parent / "fixtures" / "import_review7"
FRONT_PDF = HERE / "front-roman.pdf"  # review 6 #14: "Sida i" … "Sida iii", then "Sida 1" … "Sida 3"
FRONT_DOCX = HERE / "front-roman.docx"  # the DOCX that PDF was made from (make_front_roman.py)


def _imported(tmp_path: Path, source: Path, pid: str = "plan", **kw) -> tuple[Program, list[str], list[str]]:
    program, report = import_document(source, program_id=pid, **kw)
    path = tmp_path / f"{pid}.yaml"
    path.write_text(program_yaml(program, "../schemas/program.schema.json", path.name), encoding="utf-8")
    return load_program(path), report.lines("en"), report.lines("sv")


def _texts(program: Program) -> list[tuple[str, int, str]]:
    """(heading, page, text) of every top-level paragraph."""
    out = []
    for s in program.sections:
        page = s.page
        for b in s.blocks:
            page = b.page or page
            if isinstance(b, Paragraph):
                out.append((s.heading, page, b.text))
    return out


# ---------------------------------------------------------------- review 6 #14: roman front matter in a PDF


def test_a_pdf_front_matter_in_roman_numerals_is_not_read_as_page_1(tmp_path):
    program, en, sv = _imported(tmp_path, FRONT_PDF)
    texts = _texts(program)
    assert [t for _, _, t in texts if t.startswith("Sida")] == []  # "Sida ii" is the page number, not text
    assert [(h, p) for h, p, _ in texts] == [("Förord", 1), ("Sammanfattning", 1), ("Innehåll i korthet", 1),
                                             ("Kapitel 1", 1), ("Kapitel 2", 2), ("Kapitel 3", 3)]
    # the councillors' page 2 is the page printed "Sida 2"
    adopted = _apply(tmp_path, program, "    at: {page: 2, paragraph: 1}\n    replace: polisen\n"
                                        "    with: Polismyndigheten\n")
    assert _texts(adopted)[4][2] == "Kommunen samverkar med Polismyndigheten i kapitel 2."
    # page 1 holds the pages printed i–iii too: its first paragraph would be the Förord's, so it is refused
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, "    at: {page: 1, paragraph: 1}\n    replace: polisen\n"
                                  "    with: Polismyndigheten\n")
    assert err.value.render("en").endswith(
        "page 1 cannot be read exactly here: the text ”Kommunen samverkar med polisen i förordet.” stands on a page "
        "printed with another numbering (such as roman numerals), which the program counts as page 1; quote the "
        "text without the page")
    assert ("check: 3 pages numbered otherwise (lowerRoman, such as roman numerals), taken as page 1: an amendment "
            "citing page 1 is refused (page 1, printed i, 'Kommunen samverkar med polisen', page 1, printed ii, "
            "'Kommunen samverkar med polisen', page 1, printed iii, 'Kommunen samverkar med polisen')") in en
    assert ("kontrollera: 3 sidor med en annan numrering (lowerRoman, till exempel romerska siffror), räknade som "
            "sidan 1: ändringar som anger sidan 1 avvisas (sidan 1, tryckt i, ”Kommunen samverkar med polisen”, "
            "sidan 1, tryckt ii, ”Kommunen samverkar med polisen”, sidan 1, tryckt iii, ”Kommunen samverkar med "
            "polisen”)") in sv
    assert not [x for x in en if "print no number" in x]


def test_a_docx_front_matter_refuses_page_1_by_its_first_paragraph(tmp_path):
    """The mark names the first paragraph, not the heading (a heading is no paragraph the refusal could find);
    a section with pgNumType twice (python-docx appends one) numbers by the last, as LibreOffice prints it."""
    program, en, _ = _imported(tmp_path, FRONT_DOCX)
    assert [(h, p) for h, p, _ in _texts(program)][3:] == [("Kapitel 1", 1), ("Kapitel 2", 2), ("Kapitel 3", 3)]
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, "    at: {page: 1, paragraph: 1}\n    replace: polisen\n"
                                  "    with: Polismyndigheten\n")
    assert "”Kommunen samverkar med polisen i förordet.” stands on a page printed with another" \
        in err.value.render("en")
    assert [x for x in en if "page 1, printed iii, 'Kommunen samverkar med polisen'" in x]


def test_roman_numerals_read_from_a_margin_line():
    from amend.importers.pagenumbers import label, roman, roman_pages

    assert [roman(t) for t in ("Sida ii", "- iv -", "xiv", "Page III", "iiii", "vx", "Iv", "ii 2")] == [
        (2, True), (4, False), (14, False), (3, True), None, None, None, None]
    # a lone bare "i" is a numeral only where the page next to it prints the numeral after it
    assert roman_pages([[(1, False)], [(2, False)], []]) == {1, 2}
    assert roman_pages([[], [(1, False)], []]) == set()
    assert [label(3, "lowerRoman"), label(14, "upperRoman"), label(2, "lowerLetter"), label(7, "decimal")] == [
        "iii", "XIV", "b", "7"]


# ---------------------------------------------------------------- review 6 M5: the document's language

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"


def test_an_english_docx_is_imported_as_english(tmp_path):
    program, en, sv = _imported(tmp_path, DOCS / "hard-docx4j-Headers.docx")
    assert program.meta.language == "en"
    assert "note: the document's language is taken as English (language: en), from its words" in en
    assert "obs: dokumentets språk tas som engelska (language: en), utifrån dess ord" in sv


def test_a_swedish_pdf_stays_swedish_and_a_docx_declaring_english_is_english(tmp_path):
    program, en, _ = _imported(tmp_path, DOCS / "sv-hagfors-rsa-extract.pdf")
    assert program.meta.language == "sv"
    assert not [x for x in en if "language" in x]  # Swedish, the default: nothing to say
    from amend.importers.common import Report
    from amend.importers.language import document_language

    report = Report()
    assert document_language(None, ["Kommunen och regionen ska samverka med polisen, som har ett ansvar för att "
                                    "det blir tryggt i alla delar av kommunen."], None, report) == "sv"
    assert report.lines("en") == []
    program, en, sv = _imported(tmp_path, DOCS / "hard-docx4j-ArialUnicodeMS.docx")  # too few words to tell
    assert program.meta.language == "en"
    assert "obs: dokumentets språk tas som engelska (language: en), utifrån språket som filen anger" in sv


def test_the_language_of_words():
    from amend.importers.language import by_words

    assert by_words(["Kommunen ska arbeta för att det blir tryggt och säkert i alla delar av kommunen, "
                     "med polisen och med regionen som har ett ansvar."]) == "sv"
    assert by_words(["The council will work with the police and the region, which has a duty of care for "
                     "those at risk; this is set out in the plan."]) == "en"
    assert by_words(["Kommunen och the council"]) is None  # too few words to tell


# ---------------------------------------------------------------- PDF bookmarks make headings

BOOKMARKS = HERE / "bookmarks.pdf"  # headings set like the text; LibreOffice's bookmarks name them


def test_a_pdf_bookmark_makes_a_line_set_like_the_text_a_heading(tmp_path):
    program, en, sv = _imported(tmp_path, BOOKMARKS)
    long = ("Uppföljning och utvärdering av det våldsförebyggande arbetet i kommunens alla verksamheter och bolag "
            "under hela programperioden")  # over two lines, one bookmark
    assert [(s.heading, s.level) for s in program.sections] == [("Samverkan", 1), (long, 1), ("Ansvar", 1)]
    adopted = _apply(tmp_path, program, "    at: {heading: Ansvar, paragraph: 1}\n    replace: Kommunstyrelsen\n"
                                        "    with: Kommunfullmäktige\n")
    assert _texts(adopted)[-1] == ("Ansvar", 1, "Kommunfullmäktige ansvarar för programmet.")
    from amend.importers import pagereport

    program2, report = import_document(BOOKMARKS, program_id="plan")
    lines = [m.render("en") for m in pagereport.page_messages(report, program2)]
    assert ("page 1: found 3 headings and 4 paragraphs; guessed: 3 headings from the PDF's bookmarks, set like the "
            "text, high confidence: check the level ('Samverkan', 'Uppföljning och utvärdering av det "
            "våldsförebyggan…' and 'Ansvar')") in lines
    assert "3 rubriker utifrån PDF:ens bokmärken, satta som brödtexten, hög säkerhet" in \
        " ".join(m.render("sv") for m in pagereport.page_messages(report, program2))


# ---------------------------------------------------------------- heading misreads

HAGFORS = DOCS / "sv-hagfors-rsa-extract.pdf"


def test_a_figure_caption_over_two_lines_is_a_paragraph_not_headings(tmp_path):
    """Hagfors: 'Bild 7 – Exempel på … perspektiv på' / 'en händelse.' in the caption's italics; the
    second line was read as a heading 'en händelse.' that took the paragraphs after it."""
    program, _, _ = _imported(tmp_path, HAGFORS)
    assert [s.heading for s in program.sections] == [
        "5 Identifierade och analyserade risker för kommunen och kommunens geografiska område",
        "6 Beskrivning av identifierade sårbarheter och brister i krisberedskap inom kommunen och dess geografiska "
        "område", "7 Åtgärder till följd av risk- och sårbarhetsanalysen",
        "8 Övnings- och utbildningsplan för mandatperioden"]
    captions = [t for _, _, t in _texts(program) if t.startswith("Bild")]
    assert captions == ["Bild 7 – Exempel på orsaks- och verkansförhållande vid olika perspektiv på en händelse.",
                        "Bild 8 – Översikt över händelser som kan leda till att ett kritiskt beroende allvarligt "
                        "störs eller slås ut."]


def _line(text: str, top: float, size: float, bold: bool = False, page: int = 1):
    from amend.importers.pdfpages import Line
    from amend.importers.pdftext import Word

    words, x = [], 70.0
    for part in text.split():
        width = 0.5 * size * len(part)
        words.append(Word(part, x, x + width, top, top + size, size, bold, False))
        x += width + 0.28 * size
    return Line(words, page)


def test_a_second_body_size_is_not_a_heading_style():
    """Borlänge: a part of its text set at 12 pt beside the 11 pt body, long lines ending in full stops,
    was read as a fifth heading level: every such line a heading ('Inom ramen för det här arbetet …')."""
    from amend.importers.pdfpages import PageContent, _styles

    body = "Kommunen arbetar med risker och sårbarheter i alla sina verksamheter och bolag varje år"
    larger = "Borlänge kommun vill här poängtera att varje invånare har ett eget ansvar för sin beredskap."
    pages = []
    for i in range(1, 5):
        lines = [_line(f"{i}.1 Rubrik nummer {i}", 60, 16, bold=True, page=i)]
        lines += [_line(body, 90 + 14 * k, 11, page=i) for k in range(20)]
        lines += [_line(larger if k % 2 else larger[:-1] + " och", 400 + 16 * k, 12, page=i) for k in range(4)]
        pages.append(PageContent(i, 842, 595, lines))
    styles = _styles(pages)
    assert styles.body == (11.0, False, False)
    assert styles.headings == {(16.0, True, False): 1}


# ---------------------------------------------------------------- PDF footnotes

BORLANGE = HERE / "borlange-extract.pdf"  # printed pages 5–10 of Borlänge's RSA 2023, footnotes 1–10


def _all_texts(program: Program) -> list[str]:
    from amend.tree import iter_units

    return [u.text for u in iter_units(program)]


def test_pdf_footnotes_are_left_out_and_reported_with_their_text(tmp_path):
    program, en, sv = _imported(tmp_path, BORLANGE)
    texts = _all_texts(program)
    assert not [t for t in texts if t.startswith(("1 Lag", "2 Kommuner", "6 Kommuners", "10 Hemberedskap"))]
    assert not [t for t in texts if "(scb.se)" in t or "Romme Alpin" in t and "Skidåkning" in t]
    # the note mark set as a superscript goes with its note: the text reads as the sentence
    assert "Brottsförebyggande arbete" in texts
    assert texts[0].startswith("Alla kommuner i Sverige är enligt lag skyldiga att analysera")
    # with the notes gone, the paragraph at page 8's foot goes on at the top of page 9
    assert [t for t in texts if t.startswith("Borlänge är en tung")][0].endswith(
        "Industrin domineras av SSAB som den största aktören i Borlänge inom tillverkning och produktion. Under "
        "nuvarande mandatperiod har Northvolt för avsikt påbörja storskalig batteriproduktion i Kvarnsvedens "
        "pappersbruks gamla lokaler.")
    lost = next(x for x in en if x.startswith("not imported: 10 footnotes"))
    assert "page 8, number 2: 'Kommuner i siffror (scb.se)'" in lost
    assert "page 10, number 10: 'Hemberedskap (msb.se) utläst 2023-05-05'" in lost
    assert "sidan 9, nummer 5: ”Kommunernas åtaganden | SKR”" in next(x for x in sv if "10 fotnoter" in x)
    adopted = _apply(tmp_path, program, "    at: {heading: 1.2 Kommunens uppgifter och ansvar}\n"
                                        "    replace: Brottsförebyggande arbete\n    with: Brottsförebyggande arbete "
                                        "och trygghetsarbete\n")
    assert "Brottsförebyggande arbete och trygghetsarbete" in _all_texts(adopted)


def test_a_small_numbered_line_that_is_no_foot_is_kept():
    """A line starting with a number in small type in the middle of the page is text, not a footnote."""
    from amend.importers.common import Report
    from amend.importers.pdfnotes import drop_footnotes
    from amend.importers.pdfpages import PageContent

    lines = [_line("Kommunen arbetar med risker och sårbarheter i alla sina verksamheter", 100 + 14 * k, 11)
             for k in range(10)]
    lines.append(_line("3 av 5 verksamheter har en plan", 300, 8))
    lines += [_line("Kommunen arbetar med risker och sårbarheter i alla sina verksamheter", 320 + 14 * k, 11)
              for k in range(3)]
    page = PageContent(1, 842, 595, list(lines))
    report = Report()
    drop_footnotes([page], report)
    assert page.lines == lines and not report.lines("en")


# ---------------------------------------------------------------- a table over page ends: each row its page


def test_a_table_over_page_ends_keeps_each_row_on_the_page_it_is_printed_on(tmp_path):
    """Hagfors's table of critical dependencies runs over printed pages 25–27, its header repeated:
    one table on page 25 whose rows 'Rakel' (page 26) and 'Transporter från kök till brukare'
    (page 27) have the pages they are printed on (before issue 11 item 5: a table on each page)."""
    from amend.model import iter_block_pages

    program, en, sv = _imported(tmp_path, HAGFORS)
    tables = [(page, b) for b, page in iter_block_pages(program) if isinstance(b, Table) and b.header]
    assert len(tables) == 1 and tables[0][0] == 25
    table = tables[0][1]
    firsts = [row[0].blocks[0].text if row[0].blocks else "" for row in table.rows]
    pages = dict(zip(firsts, table.pages_of_rows(25)))
    assert (pages["El"], pages["Rakel"], pages["Transporter från kök till brukare"]) == (25, 26, 27)
    assert ("check: 1 table runs over a page end: each row has the page it starts on (on a later page a row number "
            "counts from the header row repeated there; without one, name the row by its words) (pages 25–27)") in en
    assert ("kontrollera: 1 tabell fortsätter på nästa sida: varje rad har sidan där den börjar (på en senare sida "
            "räknas radnummer från rubrikraden som upprepas där; utan en sådan, ange raden med dess ord) "
            "(sidorna 25–27)") in sv
    # on page 26 the first row under its repeated header is 'Rakel'
    adopted = _apply(tmp_path, program, "    at: {page: 26, row: 1}\n    replace: Rakel\n    with: Rakel och radio\n")
    new = next(b for b, _ in iter_block_pages(adopted) if isinstance(b, Table) and b.header)
    assert [row[0].blocks[0].text for row in new.rows if row[0].blocks].count("Rakel och radio") == 1
    assert new.row_pages == table.row_pages


# ---------------------------------------------------------------- review 7 #7: a list item over a page end

HAGFORS_6_7 = HERE / "hagfors-p6-7.pdf"  # printed pages 6–7 of Hagfors's RSA: a bullet goes on at the top of page 7


def test_a_bullet_that_goes_on_over_the_page_end_is_one_item(tmp_path):
    """'… Kommunstyrelsen svarar för' ends page 6 short of the right edge only because the next word
    ('övergripande') would not fit; page 7 goes on with it. Read as an item and a paragraph marked
    `unsure`, its last sentence was 'Kommunstyrelsen svarar för' and a delete left the rest behind."""
    from amend.model import ListBlock, Unsure

    program, en, _ = _imported(tmp_path, HAGFORS_6_7)
    section = next(s for s in program.sections if s.heading == "1.3 Kommunens politiska organisation")
    item = next(b for b in section.blocks if isinstance(b, ListBlock)).items[1]
    assert item.startswith("Kommunstyrelsen är under kommunfullmäktige")
    assert "Kommunstyrelsen svarar för övergripande kommunledning, ekonomi, personal och beredning av ärenden" in item
    # nothing unsure; the words printed on page 7 are marked there (review 8 #7)
    assert program.source_file is not None and program.source_file.unsure == (
        Unsure("runs", "övergripande kommunledning, ekonomi, personal och beredning", 7),)
    assert "check: 1 paragraph running over a page end, anchored to the page it starts on (page 6 'Kommunstyrelsen " \
           "är under kommu…')" in en
    adopted = _apply(tmp_path, program, "    at: {page: 6, heading: 1.3 Kommunens politiska organisation, item: 2, "
                                        "sentence: last}\n    replace: Kommunstyrelsen\n    with: Styrelsen\n")
    after = next(s for s in adopted.sections if s.heading == "1.3 Kommunens politiska organisation")
    changed = next(b for b in after.blocks if isinstance(b, ListBlock)).items[1]
    assert "Kommunstyrelsen svarar för övergripande" in changed and "Styrelsen har 3 utskott" in changed


# ---------------------------------------------------------------- review 7 #10: a heading at the top of a page

TOP_HEADING = HERE / "top-heading.docx"  # review 7 #10: 'Kapitel 3' and 'Kapitel 5' open PDF pages 3 and 5
TOP_HEADING_PDF = HERE / "top-heading.pdf"  # LibreOffice's PDF of it


@pytest.mark.parametrize("pages_from", [TOP_HEADING_PDF, None])
def test_a_heading_at_the_top_of_a_page_is_on_that_page(tmp_path, pages_from):
    """'Kapitel 3' and 'Kapitel 5' at the tops of two pages read alike digits aside, so they were dropped
    as a running header of the PDF the pages come from, and the headings were put on the page before."""
    kw = {"pages_from": pages_from} if pages_from else {}
    program, en, _ = _imported(tmp_path, TOP_HEADING, **kw)
    assert [(s.heading, s.page) for s in program.sections] == [
        ("Kapitel 1", 1), ("Kapitel 2", 1), ("Kapitel 3", 3), ("Kapitel 4", 3), ("Kapitel 5", 5)]
    assert not [x for x in en if "not found" in x]
    adopted = _apply(tmp_path, program, "    at: {page: 3, heading: Kapitel 3, paragraph: 1}\n    replace: polisen\n"
                                        "    with: Polismyndigheten\n")
    assert _texts(adopted)[[h for h, _, _ in _texts(adopted)].index("Kapitel 3")] == (
        "Kapitel 3", 3, "Kommunen samverkar med Polismyndigheten.")
    with pytest.raises(AmendError):
        _apply(tmp_path, program, "    at: {page: 2, heading: Kapitel 3}\n    replace: polisen\n"
                                  "    with: Polismyndigheten\n")


# ---------------------------------------------------------------- review 7 #11: --pages-from a cut or another PDF

FLOW5 = HERE / "flow5.docx"  # five pages in LibreOffice's layout
FIRST3 = HERE / "flow5-first3.pdf"  # its PDF's pages 1–3 only (a cut circulated PDF)
UNRELATED = HERE / "unrelated.pdf"  # another document's PDF


def test_texts_after_the_last_found_in_the_pdf_are_not_sure_of_their_page(tmp_path):
    program, en, _ = _imported(tmp_path, FLOW5, pages_from=FIRST3)
    assert any("not found in flow5-first3.pdf, after the last text found there (its last page is 3): on page 3 or a "
               "later page, not known which, so an amendment citing pages 3–4 is refused" in x for x in en)
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, "    at: {page: 3, heading: Kapitel 4, paragraph: last, sentence: last}\n"
                                  "    insert: och tullen\n")
    assert "page 3 cannot be read exactly here" in err.value.render("en")


def test_a_pdf_holding_none_of_the_docx_text_is_refused(tmp_path):
    with pytest.raises(AmendError) as err:
        import_document(FLOW5, program_id="plan", pages_from=UNRELATED)
    assert err.value.render("en").endswith(
        "unrelated.pdf: holds none of the document's text: is it the PDF of this document? Give the PDF that was "
        "circulated with --pages-from, or import without it")
    assert err.value.render("sv").endswith(
        "unrelated.pdf: innehåller ingenting av dokumentets text: är det PDF:en av det här dokumentet? Ange PDF:en "
        "som skickades ut med --pages-from, eller importera utan den")
