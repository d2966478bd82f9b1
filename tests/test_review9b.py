"""Findings of the ninth adversarial review (notes/review9; numbers as in its FINDINGS.md) outside
extract: apply's pairing check on every edit path (#7b), the wording-agreement check for a page or
heading the text names and the scope lacks (#11), and small false refusals and report gaps (#14).

Each case writes a program and patch to a folder and runs `amend` on them, and compares the adopted
text exactly, or the refusal in English and Swedish.
"""
from __future__ import annotations

import shutil

import pytest
from applying import DECISION, apply_runner, write_yaml
from conftest import PROGRAM, ROOT

PARAGRAPH = "Arbetsgruppen träffas regelbundet med olika förvaltningar i kommunen."
CONTENT = [PARAGRAPH, {"bullets": ["Polisen.", "Skolan."]}]
UNPAIRED = {"en": "without its partner", "sv": "utan sin motsvarighet"}


@pytest.fixture
def run(amend, tmp_path):
    return apply_runner(amend, tmp_path)


# ------------------------------------------------ 7 (b): an unpaired quote or bracket on every edit path

INSERTS = ['Projektet "Trygg', "Projektet \u201dTrygg", "samt (projektet", "med \u00bbTrygg"]
PLACES = [{"at": {"heading": "Samverkan", "paragraph": "last"}},
          {"at": {"heading": "Samverkan", "paragraph": 1, "sentence": 1}},
          {"at": {"heading": "Samverkan"}, "after": "olika förvaltningar"}]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("place", PLACES, ids=["at-end", "sentence-end", "after"])
@pytest.mark.parametrize("new", INSERTS)
def test_7b_insert_with_an_unpaired_mark_is_refused_on_every_path(run, lang, place, new):
    res = run(CONTENT, [{**place, "insert": new}], lang)
    assert isinstance(res, tuple) and res[0] == 1, res
    errors = res[1]
    assert len(errors) == 1 and UNPAIRED[lang] in errors[0], errors


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("op", [{"add_item": "Tullen (från 2026."},
                                {"add_paragraph": "Projektet \u201dTrygg startar 2026."},
                                {"add_section": {"heading": "Ny", "content": ["Projektet (Trygg startar."]}},
                                {"replace_section_text": ["Projektet \u00bbTrygg startar."]}],
                         ids=["add_item", "add_paragraph", "add_section", "replace_section_text"])
def test_7b_new_block_with_an_unpaired_mark_is_refused(run, lang, op):
    at = {} if "add_section" in op else {"at": {"heading": "Samverkan"}}
    res = run(CONTENT, [{**at, **op}], lang)
    assert isinstance(res, tuple) and res[0] == 1, res
    errors = res[1]
    assert len(errors) == 1 and UNPAIRED[lang] in errors[0], errors


@pytest.mark.parametrize("new, adopted", [
    ("samt (projektet Trygg)", "Arbetsgruppen träffas regelbundet med olika förvaltningar i kommunen samt (projektet "
                               "Trygg)."),
    ("med \u201dTrygg\u201d", "Arbetsgruppen träffas regelbundet med olika förvaltningar i kommunen med \u201dTrygg\u201d."),
])
def test_7b_paired_at_end_insert_still_applies(run, new, adopted):
    texts = run(CONTENT, [{"at": {"heading": "Samverkan", "paragraph": "last"}, "insert": new}])
    assert texts[0] == adopted


def test_7b_paired_new_blocks_still_apply(run):
    texts = run(CONTENT, [{"at": {"heading": "Samverkan"}, "add_item": "Tullen (från 2026)."},
                          {"at": {"heading": "Samverkan"}, "add_paragraph": "Projektet \u201dTrygg\u201d startar."}])
    assert "Tullen (från 2026)." in texts and "Projektet \u201dTrygg\u201d startar." in texts


# ------------------------------------------------ 11: a page or heading the wording names and the scope lacks

LACKS = [("På sidan 9 stryks första stycket.", {"paragraph": 1}, "page 9", "sidan 9"),
         ("Under rubriken Samverkan stryks första stycket.", {"paragraph": 1},
          'the heading "Samverkan"', "rubriken ”Samverkan”")]


def _patch_file(folder, text: str, at: dict):
    path = folder / "p.yaml"
    write_yaml(path, {"program": "valdsforebyggande-2025-2027", "base": "proposed", "produces": "adopted",
                      "decision": DECISION, "amendments": [{"id": "a1", "text": text, "at": at,
                                                            "delete_paragraph": True}]})
    return path


@pytest.mark.parametrize("text, at, en, sv", LACKS, ids=["page", "heading"])
def test_11_validate_refuses_a_place_the_scope_lacks(amend, tmp_path, text, at, en, sv):
    path = _patch_file(tmp_path, text, at)
    for lang, named, lacks in (("en", en, "does not name (without it the scope is wider)"),
                               ("sv", sv, "inte anger (utan det blir avgränsningen vidare)")):
        res = amend("--lang", lang, "validate", path)
        assert res.code == 1
        (line,) = res.err.splitlines()
        assert "p.yaml:" in line and "a1" in line and named in line and lacks in line, line


@pytest.mark.parametrize("text, at, en, sv", LACKS, ids=["page", "heading"])
def test_11_check_refuses_a_place_the_scope_lacks(amend, tmp_path, text, at, en, sv):
    folder = tmp_path / "amendments" / "valdsforebyggande-2025-2027"
    folder.mkdir(parents=True)
    (tmp_path / "programs").mkdir()
    shutil.copy(PROGRAM, tmp_path / "programs")
    _patch_file(folder, text, at)
    res = amend("check", tmp_path)
    assert res.code == 1 and en in res.out and "does not name (without it the scope is wider)" in res.out, res.out


@pytest.mark.parametrize("text, at", [("På sidan 9 stryks första stycket.", {"page": 9, "paragraph": 1}),
                                      ("Under rubriken Samverkan stryks första stycket.",
                                       {"heading": "Samverkan", "paragraph": 1})])
def test_11_a_place_in_both_still_validates(amend, tmp_path, text, at):
    res = amend("validate", _patch_file(tmp_path, text, at))
    assert res.code == 0, res.err


def test_11_bundled_amendments_and_cases_still_validate(amend):
    files = sorted((ROOT / "amendments").rglob("*.yaml")) + sorted((ROOT / "tests/cases").glob("*/patch.yaml")) \
        + sorted((ROOT / "tests/fixtures/minutes").glob("*/expected-patch*.yaml"))
    assert len(files) > 30
    res = amend("validate", *files)
    assert res.code == 0, res.err


# ------------------------------------------------ 14: the DOCX --pages-from report names paragraphs over a page end


def _running_over(program, report) -> list[str]:
    from amend.importers.pagereport import page_messages

    return [line for m in page_messages(report, program) for line in [m.render("en")]
            if "running over a page end" in line]


def test_14_docx_pages_from_report_says_what_the_pdf_import_says(tmp_path):
    from amend.importers import import_document

    pages8 = ROOT / "tests" / "fixtures" / "pages8"
    docx = import_document(pages8 / "plan.docx", program_id="pf", pages_from=pages8 / "plan.pdf")
    pdf = import_document(pages8 / "plan.pdf", program_id="pf")
    said = [_running_over(*docx), _running_over(*pdf)]
    assert said[0] and [line.split(": ", 1)[0] for line in said[0]] == [line.split(": ", 1)[0] for line in said[1]]
    assert all("check: 1 paragraph running over a page end" in line for line in said[0]), said[0]


def test_11_a_heading_the_operation_names_is_no_missing_place(amend, tmp_path):
    """delete_section names its section: the wording's "under rubriken Samverkan" is in the amendment."""
    path = tmp_path / "p.yaml"
    write_yaml(path, {"program": "valdsforebyggande-2025-2027", "base": "proposed", "produces": "adopted",
                      "decision": DECISION, "amendments": [{"id": "a1", "text": "Avsnittet Samverkan stryks.",
                                                            "at": {"page": 6}, "delete_section": "Samverkan"}]})
    res = amend("validate", path)
    assert res.code == 0, res.err
