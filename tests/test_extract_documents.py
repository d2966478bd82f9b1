"""One decision amending several documents (issue 13 item 2): `amend extract` with
several --program writes one patch per document, each instruction in the document
it names, or the only one it applies to; never in two, never a guess."""
from __future__ import annotations

import textwrap

import pytest
from conftest import ROOT

from amend.dump import amendment_to_data
from amend.extract import documents
from amend.load import load_patch, load_program, patch_from_data

P27 = ROOT / "tests" / "fixtures" / "minutes" / "kf-2023-02-23-p27"  # Göteborg KF 2023-02-23 § 27

RIKTLINJE = """\
program:
  id: riktlinje-arvoden
  title: Riktlinje för arvoden
  language: sv
  version: '2024'
sections:
- heading: Arvoden
  level: 1
  page: 1
  content:
  - Arvodet betalas ut årligen.
  - Riktlinjen gäller för förtroendevalda.
"""
REGLEMENTE = """\
program:
  id: reglemente-ks
  title: Reglemente för kommunstyrelsen
  language: sv
  version: '2023'
sections:
- heading: Uppgifter
  level: 1
  page: 1
  content:
  - Styrelsen sammanträder årligen.
  - Styrelsen leder arbetet.
"""
HEAD = "Kommunfullmäktige\nProtokoll\n2025-11-05\n\n§ 12  2025.100 KS\nÄndring av riktlinje och reglemente\n\n" \
       "Beslut\nEnligt kommunstyrelsens förslag:\n"


@pytest.fixture
def two(tmp_path):
    (tmp_path / "a.yaml").write_text(RIKTLINJE, "utf-8")
    (tmp_path / "b.yaml").write_text(REGLEMENTE, "utf-8")
    return tmp_path


def _minutes(folder, *points):
    path = folder / "m.txt"
    path.write_text(HEAD + "".join(f"{n}. {p}\n" for n, p in enumerate(points, 1)), "utf-8")
    return path


def _run(amend, folder, minutes, *extra):
    return amend(*extra, "extract", minutes, "--program", folder / "a.yaml", "--program", folder / "b.yaml",
                 "-o", folder / "out")


def _ops(path) -> list[dict]:
    return [{k: v for k, v in amendment_to_data(am).items() if k not in ("id", "title")}
            for am in load_patch(path).amendments]


def _comparable(path) -> list[dict]:
    return [{k: v for k, v in amendment_to_data(am).items() if k not in ("id", "title", "text")}
            for am in load_patch(path).amendments]


# ---------------------------------------------------------------- real minutes: Göteborg KF 2023-02-23 § 27


def test_a_real_decision_amending_two_reglementen_writes_one_patch_each(amend, tmp_path):
    out = tmp_path / "out"
    res = amend("extract", P27 / "minutes.txt", "--program", P27 / "program.yaml", "--program",
                P27 / "program-2.yaml", "-o", out)
    assert res.code == 1  # the new chapters themselves are in bilagor: reported, once each
    miljo, bygg = out / "reglemente-stadsmiljonamnden.yaml", out / "reglemente-stadsbyggnadsnamnden.yaml"
    assert sorted(p.name for p in out.iterdir()) == sorted([miljo.name, bygg.name])
    assert _comparable(miljo) == _comparable(P27 / "expected-patch.yaml")  # § 21 struck from stadsmiljönämndens
    assert _comparable(bygg) == _comparable(P27 / "expected-patch-2.yaml")  # § 16 added to stadsbyggnadsnämndens
    lines = res.err.splitlines()
    minutes = P27 / "minutes.txt"
    assert f"{minutes}:8: Punkt 1 (punkt-1) goes into Reglemente för stadsmiljönämnden ({miljo})" in lines
    assert f"{minutes}:12: Punkt 2 (punkt-2) goes into Reglemente för stadsbyggnadsnämnden ({bygg})" in lines
    attachments = [line for line in lines if line.startswith("cannot apply:")]
    assert [line.split(":")[2] for line in attachments] == ["10", "15"]  # once each, not once per document
    assert not any("another document" in line for line in lines)  # each instruction went where it is for
    assert lines[-1] == "2 things need a human (see above)"


def test_the_routing_in_swedish(amend, tmp_path):
    out = tmp_path / "out"
    res = amend("--lang", "sv", "extract", P27 / "minutes.txt", "--program", P27 / "program.yaml", "--program",
                P27 / "program-2.yaml", "-o", out)
    bygg = out / "reglemente-stadsbyggnadsnamnden.yaml"
    assert f"{P27 / 'minutes.txt'}:12: Punkt 2 (punkt-2) förs in i Reglemente för stadsbyggnadsnämnden ({bygg})" \
        in res.err.splitlines()
    assert f"tog fram 1 ändringsförslag ur Kommunfullmäktige 2023-02-23 § 27; skrev {bygg}" in res.err.splitlines()


# ---------------------------------------------------------------- which document


def test_each_instruction_goes_into_the_document_it_names(amend, two):
    minutes = _minutes(two, "I riktlinjen stryks ”årligen”.",
                       "I reglementet för kommunstyrelsen ersätts ”sammanträder” med ”möts”.")
    res = _run(amend, two, minutes)
    assert res.code == 0, res.err
    assert _ops(two / "out" / "riktlinje-arvoden.yaml") == [
        {"text": "I riktlinjen stryks ”årligen”.", "delete": "årligen"}]  # "årligen" is in both: the name decides
    assert _ops(two / "out" / "reglemente-ks.yaml") == [
        {"text": "I reglementet för kommunstyrelsen ersätts ”sammanträder” med ”möts”.", "replace": "sammanträder",
         "with": "möts"}]


@pytest.mark.parametrize("lang, want", [
    ("en", 'needs a human: {m}:10: "På sidan 1 stryks ”årligen”." — names no document and applies to Riktlinje för '
           "arvoden and Reglemente för kommunstyrelsen: which one is not clear, so it is in none"),
    ("sv", "måste granskas: {m}:10: ”På sidan 1 stryks ”årligen”.” — anger inget dokument och går att tillämpa på "
           "Riktlinje för arvoden och Reglemente för kommunstyrelsen: det framgår inte vilket, så den finns i inget"),
])
def test_an_instruction_that_names_no_document_and_applies_to_two_goes_into_none(amend, two, lang, want):
    minutes = _minutes(two, "På sidan 1 stryks ”årligen”.")
    res = _run(amend, two, minutes, "--lang", lang)
    assert res.code == 1
    assert want.format(m=minutes) in res.err.splitlines()
    assert not (two / "out").exists()  # nothing to write: no patch at all


@pytest.mark.parametrize("lang, want", [
    ("en", "check: {m}:10: in Reglemente för kommunstyrelsen: \"Under rubriken Uppgifter ersätts ”leder arbetet” "
           "med ”leder och samordnar arbetet”.\" — names no document; put here, the only one of the documents it "
           "applies to"),
    ("sv", "kontrollera: {m}:10: i Reglemente för kommunstyrelsen: ”Under rubriken Uppgifter ersätts ”leder "
           "arbetet” med ”leder och samordnar arbetet”.” — anger inget dokument; förd hit, det enda av dokumenten "
           "där den går att tillämpa"),
])
def test_an_instruction_that_names_no_document_goes_into_the_only_one_it_applies_to(amend, two, lang, want):
    minutes = _minutes(two, "Under rubriken Uppgifter ersätts ”leder arbetet” med ”leder och samordnar arbetet”.")
    res = _run(amend, two, minutes, "--lang", lang)
    assert res.code == 0, res.err
    assert want.format(m=minutes) in res.err.splitlines()
    assert _comparable(two / "out" / "reglemente-ks.yaml") == [
        {"at": {"heading": "Uppgifter"}, "replace": "leder arbetet", "with": "leder och samordnar arbetet"}]
    assert not (two / "out" / "riktlinje-arvoden.yaml").exists()
    said = {"en": "nothing for Riktlinje för arvoden: no amendment of the decision goes into it",
            "sv": "inget till Riktlinje för arvoden: inget ändringsförslag i beslutet gäller det"}[lang]
    assert said in res.err.splitlines()


@pytest.mark.parametrize("lang, want", [
    ("en", "names more than one document (Riktlinje för arvoden and Reglemente för kommunstyrelsen): it is in none"),
    ("sv", "anger mer än ett dokument (Riktlinje för arvoden och Reglemente för kommunstyrelsen): den finns i inget"),
])
def test_an_instruction_that_names_two_documents_goes_into_none(amend, two, lang, want):
    programs = [load_program(two / "a.yaml"), load_program(two / "b.yaml")]
    data = {"program": "reglemente-ks", "base": "2023", "produces": "x", "decision": {"body": "KF", "date": "2025-11-05"},
            "amendments": [{"id": "a", "text": "I riktlinjen och i reglementet stryks ”årligen”.", "delete": "årligen"}]}
    (am,) = patch_from_data(data, {}, "m.txt").amendments
    extra: dict = {0: [], 1: []}
    assert documents._target(am, [0, 1], programs, extra) is None
    assert [(k, f.message.render(lang)) for k, f in extra[0] + extra[1]] == [("needs_human", want)] * 2
    # as extract reads it, each document says the other is addressed too: it is written into neither
    res = _run(amend, two, _minutes(two, am.text), "--lang", lang)
    assert res.code == 1 and not (two / "out").exists()


@pytest.mark.parametrize("lang, want", [
    ("en", "names Riktlinje för arvoden but applies only to Reglemente för kommunstyrelsen: it is in none"),
    ("sv", "anger Riktlinje för arvoden men går bara att tillämpa på Reglemente för kommunstyrelsen: den finns i "
           "inget"),
])
def test_an_instruction_written_only_for_a_document_it_does_not_name_goes_into_none(two, lang, want):
    programs = [load_program(two / "a.yaml"), load_program(two / "b.yaml")]
    data = {"program": "reglemente-ks", "base": "2023", "produces": "x", "decision": {"body": "KF", "date": "2025-11-05"},
            "amendments": [{"id": "a", "text": "I riktlinjen stryks ”årligen”.", "delete": "årligen"}]}
    (am,) = patch_from_data(data, {}, "m.txt").amendments
    extra: dict = {0: [], 1: []}
    assert documents._target(am, [1], programs, extra) is None
    ((kind, finding),) = extra[1]
    assert kind == "needs_human" and finding.message.render(lang) == want


def test_findings_about_an_instruction_that_went_elsewhere_are_not_reported(amend, two):
    """"Another document" from the riktlinje's reading of a reglemente point is not said: it went there."""
    minutes = _minutes(two, "I stadsbyggnadsnämndens reglemente stryks ”årligen”.",
                       "I reglementet för kommunstyrelsen ersätts ”sammanträder” med ”möts”.")
    res = _run(amend, two, minutes)
    lines = res.err.splitlines()
    other = [line for line in lines if "another document" in line]
    # the first point names a document not given: said for each document given, and written nowhere
    assert [line.split(":")[2] for line in other] == ["10", "10"], res.err
    assert not any(":11:" in line and "another document" in line for line in lines)
    assert res.code == 1 and _comparable(two / "out" / "reglemente-ks.yaml") == [
        {"replace": "sammanträder", "with": "möts"}]


# ---------------------------------------------------------------- usage


@pytest.mark.parametrize("lang, want", [
    ("en", "with more than one --program, -o names the folder to write a patch per document into"),
    ("sv", "med mer än ett --program anger -o mappen där en patch per dokument skrivs"),
])
def test_several_programs_need_a_folder(amend, two, lang, want):
    minutes = _minutes(two, "I riktlinjen stryks ”årligen”.")
    res = amend("--lang", lang, "extract", minutes, "--program", two / "a.yaml", "--program", two / "b.yaml")
    assert res.code == 2 and res.err.strip().endswith(want), res.err


@pytest.mark.parametrize("lang, want", [
    ("en", "more than one --program has the id riktlinje-arvoden: give each document once"),
    ("sv", "mer än ett --program har id:t riktlinje-arvoden: ange varje dokument en gång"),
])
def test_the_same_program_twice_is_refused(amend, two, lang, want):
    minutes = _minutes(two, "I riktlinjen stryks ”årligen”.")
    res = amend("--lang", lang, "extract", minutes, "--program", two / "a.yaml", "--program", two / "a.yaml",
                "-o", two / "out")
    assert res.code == 1 and res.err.strip().endswith(want), res.err
    assert not (two / "out").exists()


@pytest.mark.parametrize("lang, want", [
    ("en", "the documents were read from different §§ (Riktlinje för arvoden from § 12 and Reglemente för "
           "kommunstyrelsen from § 13): say which § with --paragraph"),
    ("sv", "dokumenten lästes ur olika § (Riktlinje för arvoden ur § 12 och Reglemente för kommunstyrelsen ur § 13): "
           "ange vilken § med --paragraph"),
])
def test_documents_read_from_different_paragraphs_are_refused(amend, two, lang, want):
    minutes = two / "m.txt"
    minutes.write_text(textwrap.dedent("""\
        Kommunfullmäktige
        Protokoll
        2025-11-05

        § 12  2025.100 KS
        Riktlinjen

        Beslut
        Enligt kommunstyrelsens förslag:
        1. I riktlinjen stryks ”betalas ut”.

        § 13  2025.101 KS
        Reglementet

        Beslut
        Enligt kommunstyrelsens förslag:
        1. I reglementet ersätts ”leder” med ”styr”.
        """), "utf-8")
    res = amend("--lang", lang, "extract", minutes, "--program", two / "a.yaml", "--program", two / "b.yaml",
                "-o", two / "out")
    assert res.code == 1 and res.err.strip().endswith(want), res.err
    assert not (two / "out").exists()


def test_one_program_still_writes_one_patch_file(amend, two):
    minutes = _minutes(two, "I riktlinjen stryks ”årligen”.")
    res = amend("extract", minutes, "--program", two / "a.yaml", "-o", two / "p.yaml")
    assert res.code == 0 and _comparable(two / "p.yaml") == [{"delete": "årligen"}], res.err
    res = amend("extract", minutes, "--program", two / "a.yaml", "-o", two)
    assert res.code == 2 and "is a directory" in res.err


@pytest.mark.parametrize("lang, want", [
    ("en", 'cannot apply: {m}:10: Punkt 1: "I riktlinjen stryks ”årligen”." — addresses another document '
           "(riktlinjen), not Reglemente för kommunstyrelsen (extract it with that document's program: one --program "
           "for each document the decision amends)"),
    ("sv", "kan inte tillämpas: {m}:10: Punkt 1: ”I riktlinjen stryks ”årligen”.” — gäller ett annat dokument "
           "(riktlinjen), inte Reglemente för kommunstyrelsen (ta fram den med det dokumentets program: ett --program "
           "för varje dokument som beslutet ändrar)"),
])
def test_with_one_program_a_document_named_by_its_kind_must_be_of_that_kind(amend, two, lang, want):
    """"i riktlinjen" against a reglemente is not applied there, though "årligen" is in it."""
    minutes = _minutes(two, "I riktlinjen stryks ”årligen”.")
    res = amend("--lang", lang, "extract", minutes, "--program", two / "b.yaml", "-o", two / "p.yaml")
    assert res.code == 1 and want.format(m=minutes) in res.err.splitlines(), res.err
    assert not (two / "p.yaml").exists()


def test_a_check_of_an_instruction_that_went_elsewhere_is_said_once(amend, tmp_path):
    """"line 3 is not checked" belongs to the amendment, and so to the one document it went into."""
    for name, words in (("a", "The alpha rule applies."), ("b", "The beta rule applies.")):
        (tmp_path / f"{name}.yaml").write_text(
            f"program: {{id: {name}, title: Plan {name.upper()}, language: en, version: '1'}}\n"
            f"sections:\n- {{heading: One, level: 1, page: 1, content: ['{words}']}}\n", "utf-8")
    minutes = tmp_path / "m.txt"
    minutes.write_text("Minutes\nCouncil\n\nDecision\nAmendments made: 1, page 1, line 3, leave out \"alpha\".\n", "utf-8")
    res = amend("extract", minutes, "--program", tmp_path / "a.yaml", "--program", tmp_path / "b.yaml", "--lang",
                "en", "--body", "Council", "--date", "2025-01-01", "-o", tmp_path / "out")
    lines = res.err.splitlines()
    assert [line for line in lines if "line 3 is not checked" in line] == [
        f"check: {minutes}:5: in Plan A: line 3 is not checked: the program has no line numbers; the amendment is "
        "placed by its page and quoted words, which must match exactly once there (the line stays in its text)"]
    assert not any("does not apply" in line for line in lines), res.err  # not in Plan B: it went into Plan A
    assert res.code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.yaml"]


@pytest.mark.parametrize("lang, program, output", [
    ("en", "once for each document the decision amends", "with several --program, the folder for a patch per"),
    ("sv", "ett för varje dokument som beslutet ändrar", "med flera --program mappen för en patch per dokument"),
])
def test_extract_help_says_how_to_give_several_documents(amend, lang, program, output):
    said = " ".join(amend("--lang", lang, "extract", "--help").out.split())
    assert program in said and output in said
