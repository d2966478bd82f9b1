"""`amend describe`: a new section (add_section), and English with the page and line
the minutes name (issue 13 item 6), both read back by extract."""
from __future__ import annotations

import pytest
from conftest import ROOT

from amend.extract.describe import describe_patch
from amend.extract.reader import extract
from amend.load import load_patch, load_program, patch_from_data

P27 = ROOT / "tests" / "fixtures" / "minutes" / "kf-2023-02-23-p27"  # Göteborg KF 2023-02-23 § 27, punkt 2
NEW_16 = ("Nämnden ska besluta om kommunala naturreservat, naturminnen, biotopskyddsområden, och kulturreservat "
          "samt meddela dispens enligt 7 kap miljöbalken (1998:808)")
KS = {"body": "Kommunstyrelsen", "date": "2025-01-01"}


def _patch(*amendments):
    data = {"program": "p", "base": "b", "produces": "c", "decision": KS, "amendments": list(amendments)}
    return patch_from_data(data, {}, "p.yaml")


@pytest.mark.parametrize("lang, want", [
    ("sv", f"Punkt 2\n\nEfter avsnittet ”§ 15” läggs ett nytt avsnitt till med rubriken ”§ 16” och följande text: "
           f"”{NEW_16}”.\n"),
    ("en", f"Punkt 2\n\nAfter the section headed § 15 insert a new section headed § 16 with the text: \"{NEW_16}\".\n"),
])
def test_describe_a_new_section_with_its_program_leaves_the_usual_level_unsaid(amend, lang, want):
    res = amend("describe", P27 / "expected-patch-2.yaml", "--lang", lang, "--program", P27 / "program-2.yaml")
    assert (res.code, res.out) == (0, want), res.err


@pytest.mark.parametrize("lang, want", [
    ("sv", "Efter avsnittet ”§ 15” läggs ett nytt avsnitt till med rubriken ”§ 16” på rubriknivå 2 och följande "
           f"text: ”{NEW_16}”."),
    ("en", 'After the section headed "§ 15" insert a new section headed "§ 16" at heading level 2 with the text: '
           f'"{NEW_16}".'),
])
def test_describe_a_new_section_without_its_program_says_the_level(amend, lang, want):
    res = amend("describe", P27 / "expected-patch-2.yaml", "--lang", lang)
    assert (res.code, res.out) == (0, f"Punkt 2\n\n{want}\n"), res.err


def test_extract_reads_the_described_new_section_back_into_the_same_document(tmp_path):
    """The Swedish describe writes, as minutes, extracted against the program: the same § 16 after § 15."""
    program = load_program(P27 / "program-2.yaml")
    wanted = load_patch(P27 / "expected-patch-2.yaml")
    for given in (program, None):
        text = describe_patch(wanted, "sv", given)
        minutes = f"Kommunfullmäktige\nProtokoll\n2023-02-23\n\n§ 27\nBeslut\n{text}"
        result = extract(minutes, program, source="m.txt")
        assert result.complete and not result.needs_human, [str(f) for f in result.needs_human]
        (got,) = result.patch.amendments
        (want,) = wanted.amendments
        assert (got.op, got.after_section, got.value.heading, got.value.blocks) == \
            (want.op, want.after_section, want.value.heading, want.value.blocks)
        # the level left unsaid is the level of § 15: the same section once applied
        assert got.value.level in (0, want.value.level)


def test_describe_with_a_level_other_than_the_section_before_says_it():
    program = load_program(P27 / "program-2.yaml")
    patch = _patch({"id": "a", "after_section": "§ 15", "add_section": {"heading": "Särskilt", "level": 3,
                                                                        "content": ["Text."]}})
    assert describe_patch(patch, "sv", program) == ("Ändring 1\nEfter avsnittet ”§ 15” läggs ett nytt avsnitt till "
                                                    "med rubriken ”Särskilt” på rubriknivå 3 och följande text: "
                                                    "Text.\n")


LINE = {"id": "a", "text": 'Page 6, line 12, leave out "provisional" and insert "final".', "at": {"page": 6},
        "replace": "provisional", "with": "final"}


def test_english_describe_writes_the_page_and_line_the_minutes_name():
    assert describe_patch(_patch(LINE), "en") == 'Amendment 1\nPage 6, line 12, leave out "provisional" and ' \
                                                 'insert "final".\n'


def test_english_describe_takes_the_line_from_swedish_minutes_too():
    am = {"id": "a", "text": "På sidan 3, rad 4, stryks ”årligen”.", "at": {"page": 3}, "delete": "årligen"}
    assert describe_patch(_patch(am), "en") == 'Amendment 1\nPage 3, line 4, leave out "årligen".\n'


def test_swedish_describe_is_kept_as_it_was():
    assert describe_patch(_patch(LINE), "sv") == "Ändring 1\nPå sidan 6 ersätts ”provisional” med ”final”.\n"


@pytest.mark.parametrize("change", [
    {"at": {"page": 7}},  # the text names another page
    {"replace": "interim"},  # or other words
    {"text": 'Page 6, leave out "provisional" and insert "final".'},  # or no line
    {"text": None},
])
def test_the_line_is_written_only_when_the_text_reads_as_exactly_this_amendment(change):
    am = {**LINE, **change}
    am = {k: v for k, v in am.items() if v is not None}
    out = describe_patch(_patch(am), "en")
    assert "line" not in out and out.startswith("Amendment 1\nPage ")


def test_the_line_written_reads_back_as_the_same_amendment():
    from amend.extract.grammar import grammar

    text = describe_patch(_patch(LINE), "en").splitlines()[1]
    (reading,) = grammar("en").read(text).readings
    assert reading.line == 12 and reading.patch_data() == {"at": {"page": 6}, "replace": "provisional",
                                                            "with": "final"}


def test_describe_help_in_both_languages(amend):
    assert "The program the patch amends" in amend("describe", "--help").out
    assert "Programmet som ändras" in amend("--lang", "sv", "describe", "--help").out


def test_describe_program_that_does_not_load_is_one_clear_error(amend, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("program: [\n", "utf-8")
    res = amend("describe", P27 / "expected-patch-2.yaml", "--program", bad)
    assert res.code == 1 and res.err.startswith(f"error: {bad}") and "Traceback" not in res.err




# ---------------------------------------------------------------- paste-ready Swedish (issue 13 item 6), read back

CASE_PROGRAM = load_program(ROOT / "tests" / "cases" / "program.yaml")
TABLE = [  # (amendment, what describe writes)
    ({"at": {"page": 2, "heading": "Inledning", "paragraph": 2}, "delete_paragraph": True},
     "På sidan 2, under rubriken ”Inledning” stryks andra stycket."),
    ({"at": {"paragraph": 2}, "delete_paragraph": True}, "Andra stycket stryks."),
    ({"at": {"heading": "Inledning", "item": 2}, "delete_item": True},
     "Under rubriken ”Inledning” stryks andra punkten."),
    ({"at": {"page": 3, "item": 3}, "delete_item": True}, "På sidan 3 stryks tredje punkten."),
    ({"at": {"heading": "Samverkan"}, "delete_section": True}, "Under rubriken ”Samverkan” stryks hela avsnittet."),
    ({"at": {"heading": "Mål"}, "delete_item": "Färre ska"},
     "Under rubriken ”Mål”, punkten som börjar med ”Färre ska” stryks."),
    ({"at": {"heading": "Mål"}, "delete_paragraph": "Kommunen har tre"},
     "Under rubriken ”Mål”, stycket som börjar med ”Kommunen har tre” stryks."),
    # words apply puts inside the last sentence (before its full stop) are not "a sentence"
    ({"at": {"heading": "Inledning", "paragraph": 1, "sentence": 2}, "insert": "och kommunala stiftelser"},
     "Under rubriken ”Inledning”, i första stycket, i andra meningen läggs följande till: ”och kommunala stiftelser”."),
    ({"at": {"heading": "Inledning", "paragraph": 1}, "insert": "Det gäller också föreningar."},
     "Under rubriken ”Inledning”, i första stycket läggs följande mening till: Det gäller också föreningar."),
]


@pytest.mark.parametrize("amendment, words", TABLE, ids=[w[:40] for _, w in TABLE])
def test_describe_writes_what_it_strikes_and_extract_reads_it_back(amendment, words):
    """describe's Swedish is exact, and extract reading it as the minutes' decision gives back the
    same amendment: the same operation and scope, and applied, the same adopted program."""
    from amend.apply import apply_patch

    data = {"program": CASE_PROGRAM.meta.id, "base": CASE_PROGRAM.meta.version, "produces": "adopted",
            "decision": KS, "amendments": [{"id": "a1", "title": "Ändring 1", **amendment}]}
    wanted = patch_from_data(data, {}, "p.yaml")
    text = describe_patch(wanted, "sv", CASE_PROGRAM)
    assert text == f"Ändring 1\n{words}\n"
    minutes = f"Kommunstyrelsen\nProtokoll\n2025-01-01\n\n§ 4\nBeslut\n{text}"
    result = extract(minutes, CASE_PROGRAM, source="m.txt")
    assert result.complete and not result.needs_human, [str(f) for f in result.needs_human]
    (got,) = result.patch.amendments
    (want,) = wanted.amendments
    one = lambda v: 1 if v == "first" else v  # noqa: E731
    assert (got.op, {k: one(v) for k, v in vars(got.scope).items() if v is not None}, got.value) == \
        (want.op, {k: one(v) for k, v in vars(want.scope).items() if v is not None}, want.value)
    assert apply_patch(CASE_PROGRAM, result.patch)[0].sections == apply_patch(CASE_PROGRAM, wanted)[0].sections


def test_an_at_end_insert_that_is_no_sentence_goes_inside_the_last_one():
    """What the wording promises is what apply does: the words before the sentence's full stop."""
    from amend.apply import apply_patch

    amendment, _ = TABLE[7]
    data = {"program": CASE_PROGRAM.meta.id, "base": CASE_PROGRAM.meta.version, "produces": "adopted",
            "decision": KS, "amendments": [{"id": "a1", **amendment}]}
    adopted, _ = apply_patch(CASE_PROGRAM, patch_from_data(data, {}, "p.yaml"))
    assert adopted.sections[0].blocks[0].text == \
        "Programmet beskriver hur kommunen arbetar. Det gäller alla förvaltningar och bolag och kommunala stiftelser."
