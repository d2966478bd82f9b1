"""Findings of the thirteenth adversarial review: an inserted text that starts with a comma, put
before the first word of a sentence that opens with a dash, quotation mark or bracket, was applied
as "–, i första hand, x Vi stöder …" (oracle seed 532517), exit 0, and so was "(, dvs. se bilaga 2)"; both are refused now (the check is
the one every edit path runs, amend/text/typography.py).
"""
from __future__ import annotations

import pytest
from applying import apply_runner

AFTER_OPENING = {"en": "right after", "sv": "direkt efter"}


@pytest.fixture
def run(amend, tmp_path):
    return apply_runner(amend, tmp_path)


OPENED = [
    ("– Vi stöder unga i kommunen.", "–"),
    ("\u201dVi stöder unga i regionen.\u201d", "\u201d"),
    ("Arbetet pågår. – Vi stöder unga i kommunen.", "–"),
    ("(Vi stöder unga i staden.)", "("),
    ("Kommunen arbetar. \u00bbVi stöder unga i landet.\u00bb", "\u00bb"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("paragraph, opening", OPENED)
def test_a_comma_put_right_after_an_opening_mark_is_refused(run, paragraph, opening, lang):
    res = run([paragraph], [{"at": {"heading": "Samverkan"}, "before": "Vi stöder unga",
                             "insert": ", i första hand, kasekax"}], lang)
    assert isinstance(res, tuple) and res[0] == 1, res
    assert len(res[1]) == 1 and AFTER_OPENING[lang] in res[1][0] and f"{opening}," in res[1][0], res[1]


MID_SENTENCE = [
    ("Insatser – särskilt för unga – prioriteras.", "särskilt för unga", ", i första hand,", "–"),
    ("Projektet \u201dTrygg kommun\u201d startar.", "Trygg kommun", ", kallat", "\u201d"),
    ("Arbetet (se bilaga 2) pågår.", "se bilaga", ", dvs.", "("),
]


@pytest.mark.parametrize("paragraph, before, new, opening", MID_SENTENCE)
def test_a_comma_put_right_after_an_opening_mark_inside_a_sentence_is_refused(run, paragraph, before, new, opening):
    res = run([paragraph], [{"at": {"heading": "Samverkan"}, "before": before, "insert": new}])
    assert isinstance(res, tuple) and res[0] == 1, res
    assert len(res[1]) == 1 and AFTER_OPENING["en"] in res[1][0] and f"{opening}," in res[1][0], res[1]


def test_deleting_the_first_words_after_an_opening_dash_that_leaves_a_comma_is_refused(run):
    res = run(["– Vi stöder, i första hand, unga i kommunen."],
              [{"at": {"heading": "Samverkan"}, "delete": "Vi stöder"}])
    assert isinstance(res, tuple) and res[0] == 1, res
    assert AFTER_OPENING["en"] in res[1][0], res[1]


@pytest.mark.parametrize("paragraph, adopted", [
    # the comma follows a word or a closing quotation mark: nothing new after an opening mark
    ("– Vi stöder unga i kommunen.", "– Vi stöder, i första hand, unga i kommunen."),
    ("\u201dTrygg kommun\u201d, som projektet heter, stöder unga.",
     "\u201dTrygg kommun\u201d, som projektet heter, stöder, i första hand, unga."),
])
def test_a_comma_after_a_word_still_applies(run, paragraph, adopted):
    res = run([paragraph], [{"at": {"heading": "Samverkan"}, "after": "stöder", "insert": ", i första hand,"}])
    assert res == [adopted], res

