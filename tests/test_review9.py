"""Findings of the ninth adversarial review (notes/review9; numbers and repro folders as in its
FINDINGS.md): wrong adopted text with exit 0 first, then messages that mislead.

Each case writes the repro's minutes (the decision point of its minutes.txt in the § it holds) and runs
`amend extract` against the bundled program (programs/valdsforebyggande-2025-2027.yaml, the program the
repro's run.sh reads), then `amend apply` where a patch is written, and compares the adopted text
exactly, or the refusal in English and Swedish. Every refusal test fails on main 962492e.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from applying import extract_runner
from conftest import PROGRAM
from test_review8 import BEFORE, _changed, _refused  # the adopted text that changed; a refusal that writes no patch

from amend.load import load_program
from amend.messages import msg
from amend.tree import iter_units

HEAD = ("Kommunstyrelsen\nProtokoll\n2025-11-05\n\n§ 12  2025.202 KS\nProgram om våldsförebyggande arbete 2025–2027\n"
        "Ärendebeskrivning\nKommunstyrelsen har berett ärendet.\n\nBeslut\nKommunstyrelsen föreslår kommunfullmäktige att "
        "anta programmet med följande ändringar:\n")
TAIL = "\nBeslutsunderlag\n• Tjänsteskrivelse\n"


@pytest.fixture
def extract(amend, tmp_path):
    """extract(points, lang) → (result, folder): `amend extract` of the § whose decision holds `points`
    (each under "Ändring N")."""
    def wrap(points: str) -> str:
        return HEAD + "".join(f"Ändring {n}\n{p}\n" for n, p in enumerate(points.split("\n"), 1)) + TAIL
    return extract_runner(amend, tmp_path, PROGRAM, wrap=wrap)


# ------------------------------------------------ 1: unquoted words after the operation

SAMVERKAN = "På sidan 6, under rubriken Samverkan, "
TAILS = [
    (SAMVERKAN + "ersätts ”regelbundet” med ”varje vecka” och ordet gemensamma stryks.",
     "och ordet gemensamma stryks"),
    ("På sidan 3, under rubriken Målgrupper, stryks orden ”särskilt” och prioriterade.", "och prioriterade"),
    ("På sidan 7, under rubriken Tertiär prevention, stryks ”redan” samt det därpå följande ordet.",
     "samt det därpå följande ordet"),
    (SAMVERKAN + "stryks ”regelbundet” andra gången ordet förekommer.", "andra gången ordet förekommer"),
    (SAMVERKAN + "stryks ”träffas regelbundet” – dock inte ordet träffas.", "dock inte ordet träffas"),
    (SAMVERKAN + "stryks ”regelbundet”, vilket även gäller bilagan.", "vilket även gäller bilagan"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("point, words", TAILS, ids=[w for _, w in TAILS])
def test_1_words_after_the_change_that_nothing_reads_are_refused(extract, point, words, lang):
    # before: only the quoted change written ("gemensamma", "prioriterade" kept), extract 0, apply 0
    res, folder = extract(point, lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_unread_words", words=words).render(lang) in res.err, res.err


def test_1_a_place_after_the_change_still_applies(amend, extract):
    res, folder = extract(SAMVERKAN + "ersätts ”regelbundet” med ”varje vecka” i tredje stycket.")
    assert res.code == 0, res.err
    [text] = _changed(amend, folder).values()
    assert "Arbetsgruppen träffas varje vecka för att dela kunskap" in text


# ------------------------------------------------ 2: "i tabellens sista rad"

DOCUMENTS = "På sidan 5, under rubriken Styrande dokument, "
LAST_ROW = "Förskola och skola ska främja jämställdhet och arbeta aktivt mot kränkande behandling."


LAST_ROWS = [
    ("i tabellens sista rad stryks ”och arbeta aktivt”.", LAST_ROW.replace(" och arbeta aktivt", "")),
    ("i sista raden i tabellen stryks ”och arbeta aktivt”.", LAST_ROW.replace(" och arbeta aktivt", "")),
    ("i tabellens sista rad ersätts ”och arbeta aktivt” med ”och verka”.", LAST_ROW.replace("arbeta aktivt", "verka")),
]


@pytest.mark.parametrize("point, adopted", LAST_ROWS, ids=[p for p, _ in LAST_ROWS])
def test_2_the_last_row_of_the_one_table_is_its_last_row_under_the_header(amend, extract, point, adopted):
    # before: "amendments[1].at.row: must be a whole number, not text", exit 1, nothing written
    res, folder = extract(DOCUMENTS + point)
    assert res.code == 0, res.err
    assert list(_changed(amend, folder).values()) == [adopted]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_2_the_last_row_where_the_place_holds_no_table_is_refused_naming_the_words(extract, lang):
    res, folder = extract(SAMVERKAN + "i tabellens sista rad stryks ”regelbundet”.", lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_last_row", words="i tabellens sista rad", count=0).render(lang) in res.err, res.err
    assert "amendments[" not in res.err


# ------------------------------------------------ 3: "På s. 9", "På sid 9", "På s 9": the page's abbreviations

ABBREVIATED = [
    ("På s. 9 stryks första stycket.", "s. 9"),
    ("På sid 9, i första stycket, läggs följande mening till: ”Uppföljningen är årlig.”", "sid 9"),
    ("På s 9 stryks första stycket.", "s 9"),
    ("På sid. 7, under rubriken Tertiär prevention, ersätts ”redan” med ”tidigare”.", "sid. 7"),
]


@pytest.mark.parametrize("point, page", ABBREVIATED, ids=[p for _, p in ABBREVIATED])
def test_3_an_abbreviated_page_is_the_page(amend, extract, point, page):
    # before: the page dropped ("På s. 9 stryks första stycket" deleted the program's first paragraph, page 2),
    # and "På sid. 7 …" split at "sid." into two sentences; the same change as with "sidan" is made
    res, folder = extract(point)
    assert res.code == 0, res.err
    written = _adopted(amend, folder)
    res, folder = extract(point.replace(page, "sidan " + page.split()[-1]))
    assert res.code == 0, res.err
    assert written == _adopted(amend, folder) != list(BEFORE.values())


def _adopted(amend, folder: Path) -> list[str]:
    """The text of every unit of the adopted program, in order."""
    res = amend("apply", PROGRAM, folder / "patch.yaml", "-o", folder / "out")
    assert res.code == 0, res.err
    return [u.text for u in iter_units(load_program(next((folder / "out").glob("*.adopted.yaml"))))]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_3_abbreviated_pages_from_one_on_are_refused(extract, lang):
    res, folder = extract("På s. 6 ff. ersätts ”våldsutsatta” med ”utsatta”.", lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_pages_following", words="sidan 6 ff.").render(lang) in res.err, res.err


# ------------------------------------------------ 4: "I kapitel 6" / "I 6 kap." without a §

CHAPTERS = [("I kapitel 6 stryks första stycket.", "I kapitel 6"), ("I 6 kap. stryks sista stycket.", "I 6 kap"),
            ("I kapitel 3 stryks ”ett antal”.", "I kapitel 3"),
            ("I kapitel 6, under rubriken Uppföljning och revidering, ersätts ”samlat” med ”gemensamt”.", "I kapitel 6")]


REGLEMENTE = Path(__file__).parent / "fixtures" / "minutes" / "kf-2023-02-23-p27" / "program.yaml"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_4_a_chapter_of_a_reglemente_alone_is_a_place_not_read(amend, tmp_path, lang):
    # before (review 9 #6): "I kapitel 2 stryks första stycket" deleted chapter 1's first paragraph, exit 0
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(HEAD + "Ändring 1\nI kapitel 2 stryks första stycket.\n" + TAIL, encoding="utf-8")
    res = amend("--lang", lang, "extract", minutes, "--program", REGLEMENTE, "-o", tmp_path / "patch.yaml")
    assert _refused(res, tmp_path), res.err
    assert msg("guards.extract_unread_place_words", words="I kapitel 2").render(lang) in res.err, res.err


# ------------------------------------------------ 6: "I § 22 läggs följande mening till: ”…”" is a sentence


def test_6_a_sentence_added_to_a_paragraph_goes_into_its_one_paragraph(amend, tmp_path):
    # before: add_paragraph, § 22 got a second paragraph (a new stycke), exit 0
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(HEAD + "Ändring 1\nI § 22 läggs följande mening till: ”Nämnden ska samverka med polisen.”\n"
                       + TAIL, encoding="utf-8")
    res = amend("extract", minutes, "--program", REGLEMENTE, "-o", tmp_path / "patch.yaml")
    assert res.code == 0, res.err
    res = amend("apply", REGLEMENTE, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    adopted = load_program(next((tmp_path / "out").glob("*.adopted.yaml")))
    [section] = [s for s in adopted.sections if s.heading == "§ 22"]
    assert [b.text for b in section.blocks] == ["Nämnden ska verka för att stadens offentliga miljöer är trygga, "
                                                "tillgängliga och väl omhändertagna. Nämnden ska samverka med polisen."]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_6_a_sentence_added_under_a_heading_of_several_blocks_is_refused(extract, lang):
    # before: add_paragraph, a new last paragraph under Samverkan, exit 0
    res, folder = extract(SAMVERKAN + "meningen ”Gruppen leds av samordnaren.” läggs till.", lang)
    assert _refused(res, folder), res.err
    said = msg("guards.extract_sentence_where", words="meningen", heading="Samverkan", count=4).render(lang)
    assert said in res.err, res.err


# ------------------------------------------------ 7: an at-end insert with a mark without its partner

PATCH = ("program: valdsforebyggande-2025-2027\nbase: proposed\nproduces: adopted\n"
         "decision: {body: Kommunstyrelsen, date: '2025-11-05', paragraph: § 12}\namendments:\n- id: a1\n"
         "  at: {page: 6, heading: Samverkan, paragraph: last}\n  insert: '%s'\n")
UNPAIRED = [('Projektet "Trygg', '"', 'i kommunen Projektet "Trygg.'), ("Projektet ”Trygg", "”", "i kommunen Projektet ”Trygg."),
            ("samt (projektet", "(", "i kommunen samt (projektet."), ("med »Trygg", "»", "i kommunen med »Trygg.")]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("insert, mark, result", UNPAIRED, ids=[i for i, _, _ in UNPAIRED])
def test_7_an_end_insert_that_leaves_a_mark_unpaired_is_refused(amend, tmp_path, insert, mark, result, lang):
    # before: applied, exit 0 ("… olika förvaltningar i kommunen samt (projektet.")
    (tmp_path / "patch.yaml").write_text(PATCH % insert, encoding="utf-8")
    res = amend("--lang", lang, "apply", PROGRAM, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and not (tmp_path / "out").exists(), res.err
    said = msg("guards.unpaired", mark=mark, result="…olika förvaltningar " + result).render(lang)
    assert said in res.err, res.err


def test_7_an_end_insert_with_its_pair_still_applies(amend, tmp_path):
    (tmp_path / "patch.yaml").write_text(PATCH % 'Projektet "Trygg" startar 2026.', encoding="utf-8")
    res = amend("apply", PROGRAM, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    [text] = [u.text for u in iter_units(load_program(next((tmp_path / "out").glob("*.adopted.yaml"))))
              if u.text not in BEFORE.values()]
    assert text.endswith('olika förvaltningar i kommunen. Projektet "Trygg" startar 2026.')


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_7_nested_straight_quotes_in_minutes_are_refused(extract, lang):
    # before: insert 'Projektet "Trygg' (" startar 2026."" dropped), exit 0
    res, folder = extract(SAMVERKAN + 'i sista stycket läggs följande till: "Projektet "Trygg" startar 2026."', lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_unread_words", words='startar 2026').render(lang) in res.err, res.err


# ------------------------------------------------ 8: the house style's unquoted new words run over two sentences

OPEN = [
    (SAMVERKAN + "i sista stycket läggs följande mening till: Samordnaren rapporterar till nämnden. Ändringen gäller "
     "från 2026.", "Ändringen gäller från 2026."),
    (SAMVERKAN + "i sista stycket läggs följande mening till: Samordnaren rapporterar till KS. KS följer upp.",
     "KS följer upp."),
    (SAMVERKAN + "i sista stycket läggs följande till: Samordnaren rapporterar till KS. Ändringen träder i kraft "
     "2026.", "Ändringen träder i kraft 2026."),
    ("På sidan 8, tredje kolumnen läggs en punkt till: Fackliga parter erbjuds basutbildning.\nÄndringen gäller från "
     "2026.", "Ändringen gäller från 2026."),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("point, words", OPEN, ids=[w for _, w in OPEN])
def test_8_unquoted_new_words_of_more_than_the_one_sentence_are_refused(amend, tmp_path, point, words, lang):
    # before: insert/add_item "… nämnden. Ändringen gäller från 2026.", the remark adopted as text, exit 0
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(HEAD + "Ändring 1\n" + point + "\n" + TAIL, encoding="utf-8")
    res = amend("--lang", lang, "extract", minutes, "--program", PROGRAM, "-o", tmp_path / "patch.yaml")
    assert _refused(res, tmp_path), res.err
    assert msg("extract.cannot.open_sentences", words=words).render(lang) in res.err, res.err


def test_8_unquoted_new_words_of_several_sentences_still_apply(amend, extract):
    res, folder = extract(SAMVERKAN + "i sista stycket läggs följande till: Samordnaren rapporterar till KS. KS följer "
                          "upp.")
    assert res.code == 0, res.err
    [text] = _changed(amend, folder).values()
    assert text.endswith("i kommunen. Samordnaren rapporterar till KS. KS följer upp.")


# ------------------------------------------------ 10: heading words the reading did not take (tested with 4's)

HEADING_WORDS = [
    ("Under underrubriken Samverkan stryks första stycket.", "Under underrubriken"),
    ("Under mellanrubriken Samverkan stryks första stycket.", "Under mellanrubriken"),
    ("Under delrubriken Samverkan stryks första stycket.", "Under delrubriken"),
    ("Under huvudrubriken Ansvar och organisation stryks första stycket.", "Under huvudrubriken"),
    ("Under rubrik 4.1 stryks första stycket.", "Under rubrik 4.1"),
    ("I texten om samverkan stryks första stycket.", "I texten om samverkan"),
    ("På sidan 6, under Ansvar och organisation, rubriken Samverkan, stryks första stycket.", "rubriken"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("point, words", CHAPTERS + HEADING_WORDS, ids=[p for p, _ in CHAPTERS + HEADING_WORDS])
def test_4_10_a_chapter_alone_and_heading_words_not_read_are_refused(extract, point, words, lang):
    # before: the chapter or heading dropped, at {paragraph: 1} (or the parent heading's): "I kapitel 6 stryks första
    # stycket" and "Under underrubriken Samverkan stryks första stycket" deleted the program's first paragraph, exit 0
    res, folder = extract(point, lang)
    assert _refused(res, folder), res.err
    assert msg("guards.extract_unread_place_words", words=words).render(lang) in res.err, res.err


def test_10_a_heading_named_under_rubriken_still_applies(amend, extract):
    res, folder = extract("På sidan 6, under rubriken Samverkan, ersätts ”regelbundet” med ”varje vecka”.")
    assert res.code == 0, res.err
    [text] = _changed(amend, folder).values()
    assert "Arbetsgruppen träffas varje vecka för att dela kunskap" in text


# ------------------------------------------------ 11: the wording names a page or heading the scope lacks

HAND = ("program: valdsforebyggande-2025-2027\nbase: proposed\nproduces: adopted\n"
        "decision: {body: Kommunstyrelsen, date: '2025-11-05', paragraph: § 12}\namendments:\n- id: a1\n"
        "  text: %s\n  at: {%s}\n  delete_paragraph: true\n")
MISSING = [("På sidan 9 stryks första stycket.", "paragraph: 1", "extract.scope.page", 9),
           ("Under rubriken Samverkan stryks första stycket.", "paragraph: 1", "extract.scope.heading", "Samverkan"),
           ("På sidan 6, under rubriken Samverkan, stryks första stycket.", "page: 6, paragraph: 1",
            "extract.scope.heading", "Samverkan")]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("text, at, key, named", MISSING, ids=[t for t, *_ in MISSING])
def test_11_validate_says_the_scope_lacks_a_place_the_wording_names(amend, tmp_path, text, at, key, named, lang):
    # before: "ok", exit 0 (the scope was the whole program)
    (tmp_path / "patch.yaml").write_text(HAND % (text, at), encoding="utf-8")
    res = amend("--lang", lang, "validate", tmp_path / "patch.yaml")
    assert res.code == 1, res.out + res.err
    said = msg("extract.disagrees.scope_missing", said=msg(key, n=str(named))).render(lang)
    assert said in res.err, res.err


def test_11_validate_passes_a_scope_that_names_the_place(amend, tmp_path):
    (tmp_path / "patch.yaml").write_text(HAND % ("På sidan 6, under rubriken Samverkan, stryks första stycket.",
                                                 "page: 6, heading: Samverkan, paragraph: 1"), encoding="utf-8")
    res = amend("validate", tmp_path / "patch.yaml")
    assert res.code == 0, res.out + res.err
