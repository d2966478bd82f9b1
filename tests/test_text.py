"""The text rules: matching normalisation, sentences, joining inserted text."""
from __future__ import annotations

import pytest

from amend.text import (end_insert, find_all, fold, fold_anchor, insert_at, sentence_readings,
                        sentence_spans, splice)


def test_fold_treats_quotes_dashes_spaces_and_soft_hyphens_alike():
    text = "Det \u201dsäkra\u201d arbetet\u00a0 2025\u20132027 för\u00adebyggs"
    folded, index = fold(text)
    assert folded == 'Det "säkra" arbetet 2025-2027 förebyggs'
    assert fold_anchor("arbetet 2025-2027") in folded
    start = folded.index("2025")
    assert text[index[start]:index[start + 9 - 1] + 1] == "2025\u20132027"


def test_fold_composes_unicode():
    assert fold("fo\u0308rvaltning")[0] == "förvaltning"


def test_anchor_must_not_cut_a_word():
    assert find_all("kommunen och kommun", "kommun") == [13]
    assert find_all("i kommunen.", "kommunen") == [2]
    # a hyphen between letters is inside a word; an en dash, or a hyphen between digits, parts words
    assert find_all("a-b", "a") == []
    assert find_all("a–b", "a") == [0]
    assert find_all("2025-2027", "2025") == [0]


@pytest.mark.parametrize("text,expected", [
    ("En mening. En till! Och en tredje?", ["En mening.", "En till!", "Och en tredje?"]),
    ("Till exempel t.ex. detta. Nästa.", ["Till exempel t.ex. detta.", "Nästa."]),
    ("Året 2025. 2026 kommer sedan.", ["Året 2025.", "2026 kommer sedan."]),
    ("Han sa \u201dnej.\u201d Sedan gick han.", ["Han sa \u201dnej.\u201d", "Sedan gick han."]),
    ("ingen punkt", ["ingen punkt"]),
    ("Kap. 5 gäller. Sedan kap. 6.", ["Kap. 5 gäller.", "Sedan kap. 6."]),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@pytest.mark.parametrize("text,at,new,expected", [
    ("i kommunen.", 10, "samt X", "i kommunen samt X."),
    ("polisen och regionen", 7, ", skolan", "polisen, skolan och regionen"),
    ("polisen och regionen", 8, "skolan och", "polisen skolan och och regionen"),
    ("(se bilaga)", 1, "jfr", "(jfr se bilaga)"),
    ('sa "ja" och', 6, "tack", 'sa "ja tack" och'),
    ('sa "ja" och', 4, "jo", 'sa "jo ja" och'),
    ("2025–2027", 5, "X", "2025–X 2027"),  # the dash binds on its side: no space is made up there
    ("slut", 4, "här.", "slut här."),
])
def test_insert_at(text, at, new, expected):
    assert insert_at(text, at, new) == expected


@pytest.mark.parametrize("text,span,with_,expected", [
    ("perioden 2025–2027 gäller", (14, 18), "2028", "perioden 2025–2028 gäller"),
    ("HR-avdelningen leder", (3, 14), "enheten", "HR-enheten leder"),
    ("barn- och ungdomspsykiatrin", (0, 4), "vuxen", "vuxen- och ungdomspsykiatrin"),
    ("a b c", (2, 3), "", "a c"),
    ("a b, c", (2, 3), "", "a, c"),
    ("Foo bar.", (0, 3), "", "bar."),
    ("Foo bar.", (4, 7), "", "Foo."),
])
def test_replace_and_delete_keep_what_was_around(text, span, with_, expected):
    assert splice(text, [(span[0], span[1], with_)]) == expected


def test_at_end_insert_goes_before_the_full_stop_unless_it_is_a_sentence():
    text = "Samordnaren samordnar arbetet i kommunen."
    assert end_insert(text, 0, len(text), "samt med parterna") == (len(text) - 1, "samt med parterna", None)
    assert end_insert(text, 0, len(text), "Ny mening.") == (len(text), "Ny mening.", None)
    # a full stop of its own is the sentence's
    assert end_insert(text, 0, len(text), "samt med parterna.") == (len(text) - 1, "samt med parterna", None)


def test_splice_keeps_original_text_between_edits():
    text = "A  b, c."  # what splice returns is stored text: one space between words, as after a reload
    assert splice(text, [(7, 7, "d")]) == "A b, c d."
    assert splice(text, [(3, 4, "")]) == "A, c."  # at the seam, spaces are joined by the rules


def test_splice_same_point_keeps_order_and_deletions_close_the_gap():
    assert splice("polisen och regionen", [(7, 7, ", skolan"), (7, 7, "och bolagen")]) == \
        "polisen, skolan och bolagen och regionen"
    assert splice("a b, c", [(2, 3, "")]) == "a, c"
    assert splice("Foo bar.", [(0, 3, "")]) == "bar."
    assert splice("Foo bar.", [(4, 7, "")]) == "Foo."


def test_clean_keeps_no_break_spaces_but_folds_them_for_matching():
    from amend.text import clean

    text = clean(" Budget 5\u00a0000  kr\n per år ")
    assert text == "Budget 5\u00a0000 kr per år"
    assert find_all(fold(text)[0], fold_anchor("5 000 kr")) == [7]
