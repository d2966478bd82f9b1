"""A word broken at a PDF line end with a hyphen is joined as the reader reads it: the
line's hyphenation goes ('dessvär-' + 're' → 'dessvärre'), a word's own hyphen stays with no
space ('HR-' + 'avdelningen'), a suspended compound keeps its space ('inköps-' + 'och …'); where
the document does not settle it, the report asks to check. Never a hyphen and a space
('ut- vecklingsarbete'), the misreading issue 11 names."""
from __future__ import annotations

import pytest

from amend.importers import pdflines
from amend.importers.pdflines import _join, hyphen_guessed, joined
from amend.importers.report import Report


@pytest.fixture
def words():
    saved = set(pdflines._VOCABULARY)
    pdflines._VOCABULARY.clear()
    pdflines._VOCABULARY.update({"utvecklingsarbete", "e-tjänster", "kommunen"})
    yield
    pdflines._VOCABULARY.clear()
    pdflines._VOCABULARY.update(saved)


@pytest.mark.parametrize("left, right, want", [
    ("stadens ut-", "vecklingsarbete pågår", "stadens utvecklingsarbete pågår"),  # the document prints it whole
    ("nya e-", "tjänster införs", "nya e-tjänster införs"),  # the document prints it hyphened
    ("med HR-", "avdelningen.", "med HR-avdelningen."),  # an abbreviation's hyphen
    ("via e-", "post", "via e-post"),  # a letter's
    ("Göteborgs-", "Posten skriver", "Göteborgs-Posten skriver"),  # a name goes on
    ("inköps-", "och upphandlingsnämnden", "inköps- och upphandlingsnämnden"),  # a suspended compound
    ("kvinno-", "respektive mansdominerade", "kvinno- respektive mansdominerade"),
    ("som dessvär-", "re präglar", "som dessvärre präglar"),  # hyphenation, not settled: joined and reported
    ("år 2025–", "2027 gäller", "år 2025– 2027 gäller"),  # no word broken: lines join with a space
    ("mening\u00ad", "en", "meningen"),  # a soft hyphen always goes
])
def test_a_line_end_hyphen_joins_as_the_word_reads(words, left, right, want):
    assert _join(left, right) == want
    assert "- " not in _join(left, right).replace("inköps- och", "").replace("kvinno- resp", "")


@pytest.mark.parametrize("left, right, guessed", [
    ("som dessvär-", "re präglar", "dessvärre"),
    ("stadens ut-", "vecklingsarbete", None),
    ("med HR-", "avdelningen", None),
    ("inköps-", "och upphandling", None),
    ("mening\u00ad", "en", None),
])
def test_only_a_join_the_document_does_not_settle_is_reported(words, left, right, guessed):
    assert hyphen_guessed(left, right) == guessed
    report = Report()
    joined(left, right, report, 4)
    lines = report.lines("en")
    if guessed is None:
        assert lines == []
    else:
        assert lines == [f"check: 1 word broken at a line end with a hyphen, joined without it: the document prints "
                         f"the word nowhere else, so check that the hyphen was not its own (page 4 '{guessed}')"]
        assert report.lines("sv")[0].startswith("kontrollera: 1 ord avstavade vid radslutet, ihopskrivna utan "
                                                 "bindestreck")
