"""Leftovers of the eighth review in extract, describe, import and the report (session 9).

Each case runs `amend extract` on a § of minutes against the bundled program
(programs/valdsforebyggande-2025-2027.yaml) and compares the patch, the adopted text or the
refusal exactly, in English and Swedish.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from applying import extract_runner
from conftest import PROGRAM
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend.load import load_program
from amend.messages import msg
from amend.tree import iter_units

BEFORE = {u.path: u.text for u in iter_units(load_program(PROGRAM))}
HEAD = "Kommunfullmäktige\nProtokoll\n2025-11-24\n\n§ 12  2025.202 KS\nProgram om våldsförebyggande arbete 2025–2027\n\n"
ADOPT = "Beslut\nKommunfullmäktige beslutar att anta programmet med följande ändring: "
NEW = "läggs följande mening till: ”Gruppen leds av samordnaren.”"


@pytest.fixture
def extract(amend, tmp_path):
    """extract(instruction, lang) → (result, folder): `amend extract` of the § deciding it."""
    return extract_runner(amend, tmp_path, PROGRAM, wrap=lambda instruction: HEAD + ADOPT + instruction + "\n")


def _patch(folder: Path) -> dict:
    return yaml.safe_load((folder / "patch.yaml").read_text("utf-8"))


def _changed(amend, folder: Path) -> dict:
    res = amend("apply", PROGRAM, folder / "patch.yaml", "-o", folder / "out")
    assert res.code == 0, res.err
    after = {u.path: u.text for u in iter_units(load_program(next((folder / "out").glob("*.adopted.yaml"))))}
    return {path: text for path, text in after.items() if BEFORE.get(path) != text}


def _refused(res, folder: Path) -> bool:
    """extract exit 1, and no patch or one marked incomplete (apply refuses it)."""
    path = folder / "patch.yaml"
    return res.code == 1 and (not path.exists() or "incomplete" in yaml.safe_load(path.read_text("utf-8")))


# ------------------------------------------------ 1: a heading named without quotes is matched only whole

LONGER = [
    ("På sidan 6, under rubriken Samverkan med andra, " + NEW, "Samverkan med andra"),
    ("Under rubriken Samverkan med andra aktörer " + NEW, "Samverkan med andra aktörer"),
    ("Under Samverkan med andra aktörer ersätts ”regelbundet” med ”varje månad”.", "Samverkan med andra aktörer"),
    ("I avsnittet Samverkan i kommunen ersätts ”regelbundet” med ”varje månad”.", "Samverkan i kommunen"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("instruction, named", LONGER, ids=[n for _, n in LONGER])
def test_1_an_unquoted_heading_longer_than_the_programs_is_refused_naming_both(extract, instruction, named, lang):
    # before: matched by its start, {heading: Samverkan}, extract 0 and apply 0
    res, folder = extract(instruction, lang)
    assert _refused(res, folder), res.err
    assert msg("extract.cannot.heading_longer", heading="Samverkan", named=named).render(lang) in res.err, res.err


WHOLE = [
    "På sidan 6, under rubriken Samverkan, ersätts ”regelbundet” med ”varje månad”.",
    "Under rubriken Samverkan ersätts ”regelbundet” med ”varje månad”.",
    "Under Samverkan på sidan 6 ersätts ”regelbundet” med ”varje månad”.",
]


@pytest.mark.parametrize("instruction", WHOLE)
def test_1_an_unquoted_heading_named_whole_still_applies(amend, extract, instruction):
    res, folder = extract(instruction)
    assert res.code == 0, res.err
    assert _patch(folder)["amendments"][0]["at"]["heading"] == "Samverkan"
    [text] = _changed(amend, folder).values()
    assert "träffas varje månad" in text and "regelbundet" not in text


# ------------------------------------------------ 2: where a new item goes in its list

GOALS = "Under rubriken ”Övergripande mål”, "
ITEM = "läggs en ny punkt till: ”Fler anmäler våld.”"
GOAL_LIST = ("Färre personer i Alingsås kommun utsätts för våld i nära relationer och hedersrelaterat våld och förtryck.",
             "Våldsutsatta personer och barn som upplever våld upptäcks tidigt och erbjuds ett gott stöd.",
             "Personer som utövar våld erbjuds insatser för att bryta sitt våldsbeteende.",
             "Medarbetare och chefer i kommunen har god kunskap om våld och vet hur de ska agera.",
             "Kommunens arbete sker samordnat och i samverkan med andra aktörer.")
SIDES = [
    (GOALS + "efter andra punkten " + ITEM, 3, "efter andra punkten"),
    ("Under rubriken ”Övergripande mål” läggs efter andra punkten en ny punkt till: ”Fler anmäler våld.”", 3,
     "efter andra punkten"),
    (GOALS + "före tredje punkten " + ITEM, 3, "före tredje punkten"),
    (GOALS + "före första punkten " + ITEM, 1, "före första punkten"),
    (GOALS + "efter punkt 4 " + ITEM, 5, "efter punkt 4"),
    ("Under rubriken ”Övergripande mål” läggs en ny punkt till sist i listan: ”Fler anmäler våld.”", "last",
     "sist i listan"),
    (GOALS + "efter sista punkten " + ITEM, "last", "efter sista punkten"),
]


def _goal_items(amend, folder: Path) -> list[str]:
    """The items of the list under "Övergripande mål" in the adopted program."""
    res = amend("apply", PROGRAM, folder / "patch.yaml", "-o", folder / "out")
    assert res.code == 0, res.err
    adopted = load_program(next((folder / "out").glob("*.adopted.yaml")))
    goals = next(k for k, s in enumerate(adopted.sections) if s.heading == "Övergripande mål")
    return [u.text for u in iter_units(adopted) if u.what == "item" and u.section == goals]


@pytest.mark.parametrize("instruction, position, words", SIDES, ids=[w for _, _, w in SIDES])
def test_2_a_new_item_goes_where_the_minutes_put_it(amend, extract, instruction, position, words):
    # before: "efter andra punkten" read as {item: 2} (apply refused, saying add_item needs a place), "före
    # tredje punkten" refused, "sist i listan" not read
    res, folder = extract(instruction)
    assert res.code == 0, res.err
    [am] = _patch(folder)["amendments"]
    assert (am["at"], am["add_item"], am["position"]) == ({"heading": "Övergripande mål"}, "Fler anmäler våld.", position)
    index = len(GOAL_LIST) if position == "last" else position - 1
    assert _goal_items(amend, folder) == [*GOAL_LIST[:index], "Fler anmäler våld.", *GOAL_LIST[index:]]
    assert f'(from "{words}")' in res.err


UNCLEAR_SIDES = [
    (GOALS + "före sista punkten " + ITEM, "extract.cannot.item_before_last", {"words": "före sista punkten"}),
    (GOALS + "efter andra punkten läggs följande till: ”Fler anmäler våld.”", "extract.cannot.item_side_no_item",
     {"words": "efter andra punkten"}),
    (GOALS + "efter andra punkten, sist i listan, " + ITEM, "extract.cannot.item_sides",
     {"words": "efter andra punkten; sist i listan"}),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("instruction, key, args", UNCLEAR_SIDES, ids=[k for _, k, _ in UNCLEAR_SIDES])
def test_2_an_unclear_side_is_refused_with_its_words(extract, instruction, key, args, lang):
    res, folder = extract(instruction, lang)
    assert _refused(res, folder), res.err
    assert msg(key, **args).render(lang) in res.err, res.err


def test_2_after_a_sixth_item_of_five_is_refused(extract):
    res, folder = extract(GOALS + "efter punkt 6 " + ITEM)
    assert _refused(res, folder), res.err
    assert "the list has 5 items" in res.err


# ------------------------------------------------ 3: the true reason, and the lead-in to the list of changes

TWO_SENTENCES = [
    ("På sidan 6, under rubriken ”Samverkan”, i sista stycket stryks andra och tredje meningen.", "meningen"),
    ("Under rubriken Samverkan stryks andra och tredje meningen.", "meningen"),
    ("På sidan 6 stryks andra och tredje meningen i sista stycket.", "meningen"),
    ("Under rubriken ”Samverkan” stryks första, andra och tredje styckena.", "styckena"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("instruction, noun", TWO_SENTENCES, ids=[i for i, _ in TWO_SENTENCES])
def test_3_two_sentences_struck_in_one_instruction_say_so(extract, instruction, noun, lang):
    # before: "old value not quoted", "no place and no old text" or "no wording in the grammar fits"
    res, folder = extract(instruction, lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_two_places", noun=noun).render(lang) in res.err, res.err
    for false in ("extract.cannot.old_not_quoted", "extract.cannot.no_place_no_old"):
        assert msg(false).render(lang) not in res.err


def test_3_a_sentence_struck_by_its_number_under_a_quoted_heading_is_read(amend, extract):
    # before: "no wording in the grammar fits" (a quoted heading hid the struck place)
    res, folder = extract("På sidan 6, under rubriken ”Samverkan”, i sista stycket stryks andra meningen.")
    assert res.code == 0, res.err
    sentence = "Arbetsgruppen träffas regelbundet för att dela kunskap, identifiera behov och planera gemensamma insatser."
    assert _patch(folder)["amendments"][0]["delete"] == sentence
    [text] = _changed(amend, folder).values()
    assert text == ("Inom kommunen sker samverkan i en förvaltningsövergripande arbetsgrupp med representanter från "
                    "samtliga förvaltningar. Samordnaren ansvarar för att samordna arbetet mellan mellan olika "
                    "förvaltningar i kommunen.")


LIST = ("1. På sidan 6, under rubriken ”Samverkan”, ersätts ”regelbundet” med ”varje månad”.\n\n"
        "2. På sidan 6, under rubriken ”Samverkan”, stryks ”mellan mellan”.\n")


@pytest.mark.parametrize("lead_in", ["med följande ändringar.", "med följande ändringar:", "med följande revideringar."])
def test_3_the_lead_in_to_the_list_of_changes_is_not_an_amendment(amend, tmp_path, lead_in):
    # before: "… med följande ändringar." listed as cannot apply ("no place and no old text") and the patch incomplete
    go = extract_runner(amend, tmp_path, PROGRAM, wrap=lambda m: HEAD + "Beslut\nKommunfullmäktige beslutar att anta "
                        "programmet " + lead_in + "\n\n" + m)
    res, folder = go(LIST)
    assert res.code == 0, res.err
    assert "cannot apply" not in res.err and "incomplete" not in _patch(folder)
    assert [(a.get("replace"), a.get("with"), a.get("delete")) for a in _patch(folder)["amendments"]] == [
        ("regelbundet", "varje månad", None), (None, None, "mellan mellan")]


def test_3_a_lead_in_with_nothing_after_it_writes_nothing(amend, tmp_path):
    go = extract_runner(amend, tmp_path, PROGRAM, wrap=lambda m: HEAD + "Beslut\n" + m)
    res, folder = go("Kommunfullmäktige beslutar att anta programmet med följande ändringar.\n")
    assert res.code == 1 and not (folder / "patch.yaml").exists(), res.err


# ------------------------------------------------ 4 (M1): a "Förslag" line and a Status row on one title page

def _title_page_docx(path: Path, word: str, row: str) -> Path:
    """A proposal whose title page has the status word alone and a dokumentinformation table."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph("Trygghetsprogram 2026–2028", style="Title")
    d.add_paragraph(word)
    table = d.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("Status", row), ("Beslutad av", "Kommunstyrelsen"),
                                        ("Datum för beslut", "ÅÅÅÅ-MM-DD")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Inledning", level=1)
    d.add_paragraph("Kommunen samverkar med polisen. Arbetet följs upp årligen.")
    d.save(str(path))
    return path


def _plan(amend, tmp_path: Path, word: str, row: str) -> Path:
    """The program imported from that proposal, in Swedish."""
    source = _title_page_docx(tmp_path / "plan.docx", word, row)
    out = tmp_path / "plan.yaml"
    res = amend("import", source, "-o", out, "--id", "plan")
    assert res.code == 0, res.err
    assert "  language: sv\n" in out.read_text("utf-8")  # python-docx's en-US styles, Swedish words (8)
    return out


PLAN_PATCH = ("program: plan\nbase: proposed\nproduces: adopted\ndecision: {body: KF, date: 2025-10-22}\namendments:\n"
              "  - {id: a1, at: {heading: Inledning}, replace: årligen, with: varje år}\n")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_4_a_status_word_and_a_status_row_that_agree_are_both_updated_and_noted(amend, tmp_path, lang):
    # before: refused whole, "the title page … has the line "Förslag" twice"
    import docx

    program = _plan(amend, tmp_path, "Förslag", "Förslag")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    status = msg("source.title.adopted").render("sv")  # the program's language is the document's
    assert msg("source.title.status_twice", file="plan.docx", word="Förslag",
               status=status).render(lang) in res.out + res.err
    adopted = docx.Document(str(tmp_path / "out" / "plan.adopted.docx"))
    assert [p.text for p in adopted.paragraphs[:2]] == ["Trygghetsprogram 2026–2028", status]
    assert [[c.text for c in r.cells] for r in adopted.tables[0].rows] == [
        ["Status", status], ["Beslutad av", "KF"], ["Datum för beslut", "2025-10-22"]]
    from test_word_review5 import W, _body

    redline = _body(tmp_path / "out" / "plan.adopted.redline.docx")
    deleted = ["".join(t.text for t in p.iter(f"{W}delText")) for p in redline.iter(f"{W}p")]
    assert [d for d in deleted if d] == ["Förslag", "Förslag", "Kommunstyrelsen", "ÅÅÅÅ-MM-DD", "årligen"]  # both tracked


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_4_a_status_word_and_a_status_row_that_contradict_are_refused_naming_both(amend, tmp_path, lang):
    program = _plan(amend, tmp_path, "Förslag", "Remissversion")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and not (tmp_path / "out").exists(), res.err
    assert msg("source.title.status_contradicts", file="plan.docx", word="Förslag",
               row="Remissversion").render(lang) in res.err, res.err


# ------------------------------------------------ 5 (M2): where a text the PDF does not hold may be, said plainly

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("lang, line", [
    ("en", "check: 11 pieces of text not found in flow5-first3.pdf, after the last text found there (its last page "
           "is 3): on page 3 or a later page, not known which, so an amendment citing pages 3–4 is refused (page 3 "),
    ("sv", "kontrollera: 11 textbitar som inte hittades i flow5-first3.pdf, efter den sista text som hittades där "
           "(dess sista sida är 3): på sidan 3 eller en senare sida, det går inte att avgöra vilken, så ändringar "
           "som anger sidorna 3–4 avvisas (sidan 3 "),
])
def test_5_the_tail_of_a_cut_short_pdf_is_said_to_be_on_its_last_page_or_later(lang, line):
    # before: "on page 3 or a page up to 4" (the PDF has no page 4)
    from amend.importers import import_document

    _, report = import_document(FIXTURES / "import_review7" / "flow5.docx", program_id="f",
                                pages_from=FIXTURES / "import_review7" / "flow5-first3.pdf")
    assert [x for x in report.lines(lang) if x.startswith(line)], report.lines(lang)


@pytest.mark.parametrize("lang, last, said", [
    ("en", 6, "on page 5 or page 6, not known which"),
    ("en", 8, "on one of pages 5–8, not known which"),
    ("sv", 6, "på sidan 5 eller sidan 6, det går inte att avgöra vilken"),
    ("sv", 8, "på någon av sidorna 5–8, det går inte att avgöra vilken"),
])
def test_5_a_text_between_two_found_pages_names_them_plainly(lang, last, said):
    from amend.importers.pagealign import _not_placed

    said_of = _not_placed("x.pdf", 5, last, None)
    assert said in msg(said_of.key, **said_of.args, n=1).render(lang)  # the report counts the pieces (n)


# ------------------------------------------------ 6: describe names a row under a header row so that extract reads it back

BUDGET = {"program": {"id": "b", "title": "Budget för trygghet", "language": "sv", "version": "proposed"},
          "sections": [{"heading": "Resurser", "level": 1, "page": 3, "content": [
              "Resurserna fördelas enligt tabellen.",
              {"table": {"header": ["Område", "Budget"], "rows": [["Belysning", "2 mnkr"],
                                                                 ["Trygghetsvandringar", "2 mnkr"],
                                                                 ["Kameror", "1 mnkr"]]}}]}]}
PLAIN_TABLE = {**BUDGET, "sections": [{**BUDGET["sections"][0], "content": [
    "Resurserna fördelas enligt tabellen.", {"table": {"rows": [["Belysning", "2 mnkr"], ["Kameror", "1 mnkr"]]}}]}]}
DECIDED = {"body": "Kommunfullmäktige", "date": "2025-11-24"}


def _budget_patch(program, **amendment):
    from amend.load import patch_from_data

    return patch_from_data({"program": "b", "base": "proposed", "produces": "adopted", "decision": DECIDED,
                            "amendments": [{"id": "a1", "title": "Ändring 1", **amendment}]}, {}, "p.yaml")


@pytest.mark.parametrize("lang, said", [
    ("sv", "Ändring 1\nI andra kolumnen, i andra raden under rubrikraden ersätts ”2 mnkr” med ”3 mnkr”.\n"),
    ("en", 'Ändring 1\n\nIn the second column, in the second row under the header row, leave out "2 mnkr" and insert '
           '"3 mnkr".\n')])
def test_6_describe_says_a_row_under_the_header_row_and_extract_reads_it_back(lang, said):
    # before: "i tabellens andra rad", which extract refuses when the words stand in the row above too
    from amend.apply import apply_patch
    from amend.extract.describe import describe_patch
    from amend.extract.reader import extract
    from amend.load import program_from_data

    program = program_from_data(BUDGET, "b.yaml")
    patch = _budget_patch(program, at={"row": 2, "column": 2}, replace="2 mnkr", **{"with": "3 mnkr"})
    minutes = describe_patch(patch, lang, program)
    assert minutes == said
    result = extract(minutes, program, source="minutes.txt", language=lang, decision=DECIDED)
    assert result.complete, [str(f) for f in result.needs_human]
    [am] = result.patch.amendments
    assert (am.scope.row, am.scope.column, am.value, am.with_) == (2, 2, "2 mnkr", "3 mnkr")
    adopted, _ = apply_patch(program, result.patch)
    assert [[c.blocks[0].text for c in r] for r in adopted.sections[0].blocks[1].rows] == [
        ["Belysning", "2 mnkr"], ["Trygghetsvandringar", "3 mnkr"], ["Kameror", "1 mnkr"]]


def test_6_a_table_without_a_header_row_keeps_the_plain_wording():
    from amend.extract.describe import describe_patch
    from amend.load import program_from_data

    program = program_from_data(PLAIN_TABLE, "b.yaml")
    patch = _budget_patch(program, at={"row": 2}, replace="1 mnkr", **{"with": "2 mnkr"})
    assert "I tabellens andra rad ersätts ”1 mnkr” med ”2 mnkr”." in describe_patch(patch, "sv", program)
    assert "I tabellens andra rad" in describe_patch(patch, "sv")  # without the program: not known, as before


@pytest.mark.parametrize("lang", ["sv", "en"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.integers(1, 3), column=st.sampled_from([None, 2]), op=st.sampled_from(["replace", "delete", "insert"]))
def test_6_describe_then_extract_gives_back_rows_of_a_table_with_a_header_row(lang, row, column, op):
    from amend.apply import apply_patch
    from amend.extract.describe import describe_patch
    from amend.extract.reader import extract
    from amend.load import program_from_data

    program = program_from_data(BUDGET, "b.yaml")
    word = "mnkr"  # in every row: only the row named settles it
    operation = {"replace": {"replace": word, "with": "x"}, "delete": {"delete": word},
                 "insert": {"after": word, "insert": " y"}}[op]
    patch = _budget_patch(program, at={"row": row, **({"column": column} if column else {})}, **operation)
    expected, _ = apply_patch(program, patch)
    result = extract(describe_patch(patch, lang, program), program, source="minutes.txt", language=lang,
                     decision=DECIDED)
    assert result.complete, [str(f) for f in result.needs_human]
    [am] = result.patch.amendments
    assert (am.scope.row, am.scope.column) == (row, column)
    assert apply_patch(program, result.patch)[0].sections == expected.sections


# ------------------------------------------------ 7: a line of the import report names each page once

@pytest.mark.parametrize("lang, line", [
    ("en", "check: 4 tables without ruling lines, read from their bold header row and the columns under it (a line a "
           "row; a line with an empty first cell goes on the row above): check the rows (pages 2, 3, 5)"),
    ("sv", "kontrollera: 4 tabeller utan linjer, lästa från den fetstilta rubrikraden och kolumnerna under den (en "
           "rad per tabellrad; en rad med tom första cell hör till raden ovanför): kontrollera raderna (sidorna 2, 3, "
           "5)"),
])
def test_7_pages_are_listed_once(lang, line):
    # before: "(page 2, page 3, page 3, page 5)"
    from amend.importers.report import Report

    report = Report()
    for page in (2, 3, 3, 5):
        report.caveat(msg("importers.what.borderless_table"), msg("importers.where.page", page=page))
    assert report.lines(lang) == [line]


def test_7_one_page_many_times_is_that_page_and_places_with_text_stay():
    from amend.importers.report import Report

    report = Report()
    for page in (3, 3):
        report.caveat(msg("importers.what.borderless_table"), msg("importers.where.page", page=page))
    for text in ("A", "B"):
        report.lost(msg("importers.what.image"), msg("importers.where.page_text", page=4, text=text))
    assert [x.rsplit("(", 1)[1] for x in report.lines("en")] == ["page 3)", "page 4 'A', page 4 'B')"]


def test_7_many_pages_are_cut_short_with_a_count():
    from amend.importers.report import Report

    report = Report()
    for page in range(1, 16):
        report.caveat(msg("importers.what.borderless_table"), msg("importers.where.page", page=page))
    assert report.lines("sv")[0].endswith("(sidorna 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 och 3 till)")


# ------------------------------------------------ 8: a short Swedish DOCX whose file says nothing is Swedish

def _docx(path: Path, *paragraphs: str, lang: str | None = None) -> Path:
    """A python-docx file (its default style says en-US) with a heading and these paragraphs; `lang`:
    every run marked with that w:lang, as a file that says its language."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_heading("Inledning", level=1)
    for text in paragraphs:
        run = d.add_paragraph().add_run(text)
        if lang:
            mark = OxmlElement("w:lang")
            mark.set(qn("w:val"), lang)
            run._r.get_or_add_rPr().append(mark)
    d.save(str(path))
    return path


@pytest.mark.parametrize("paragraphs, lang, expected", [
    (["Kommunen samverkar med polisen. Arbetet följs upp årligen."], None, "sv"),
    (["Kommunstyrelsen ansvarar för samordningen.", "Nämnderna följer upp åtgärderna."], None, "sv"),
    (["The council works with the police in Göteborg."], None, "en"),  # å/ä/ö in a name: English stays
    (["Kommunen samverkar med polisen. Arbetet följs upp årligen."], "en-GB", "en"),  # the runs say English
    (["Samverkan Göteborg"], None, "en"),  # too little to tell: the file's default style
])
def test_8_a_short_docx_is_swedish_by_its_words_when_the_file_does_not_say(tmp_path, paragraphs, lang, expected):
    # before: en (python-docx's en-US default style) for every short Swedish file
    from amend.importers import import_document

    program, report = import_document(_docx(tmp_path / "k.docx", *paragraphs, lang=lang), program_id="k")
    assert program.meta.language == expected
    said = [x for x in report.lines("en") if "language" in x]
    assert said == ([] if expected == "sv" else [
        "note: the document's language is taken as English (language: en), from the language its file declares"])
