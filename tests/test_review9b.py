"""Findings of the ninth adversarial review (notes/review9; numbers as in its FINDINGS.md) outside
extract: apply's pairing check on every edit path (#7b), the wording-agreement check for a page or
heading the text names and the scope lacks (#11), and small false refusals and report gaps (#14).

Each case writes a program and patch to a folder and runs `amend` on them, and compares the adopted
text exactly, or the refusal in English and Swedish.
"""
from __future__ import annotations

import pytest
from applying import apply_runner

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

