"""The look-alike guard's fast path decides as the plain reading of the rule does.

`_printed` (amend/resolve/guards.py) counts the places in scope that print an anchor, with
NFKC look-alikes and letters of another alphabet. It now asks facts kept once per text
(Index.printing) and skips a part whose fold does not hold the anchor. `_reference` below
is the rule as first written (review 5): every part folded and searched for every anchor.
Both must give the same counts on any text, including the characters the shortcut reasons
about: combining marks, ligatures, full-width and Cyrillic/Greek letters, soft hyphens,
no-break spaces, quotes and dashes that fold, Hangul jamo that compose.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend.load import program_from_data
from amend.messages import msg
from amend.model import Scope
from amend.resolve import Index, Span
from amend.resolve.guards import _printed, headings_holding
from amend.text import find_spans, fold, fold_anchor
from amend.text.confusables import has_lookalike, latin_skeleton

ALPHABET = list("abefilnorsäå .,-") + [
    "\ufb01",  # ﬁ ligature
    "\uff2b", "\uff26",  # full-width K F
    "\u043e", "\u0430", "\u0440",  # Cyrillic о а р
    "\u03bf",  # Greek ο
    "\u0301", "\u0308", "\u0323",  # combining acute, diaeresis, dot below
    "\u00e9", "\u00c5",  # é Å precomposed
    "\u00ad", "\u200b",  # soft hyphen, zero-width space
    "\u00a0", "\u2009",  # no-break and thin space
    "\u201d", "\u2019", "\u2013",  # quotes and a dash that fold
    "\u1100", "\u1161", "\u11a8", "\uac00",  # Hangul L, V, T jamo and a syllable
    "\u2026", "\u00bd",  # … and ½ (NFKC changes both)
]


def _reference(ix: Index, spans: list[Span], wanted: str, upto: SimpleNamespace | None = None) -> tuple[int, int]:
    """The rule as written before the fast path (amend/resolve/guards.py at bee4b5d)."""
    nfkc = skeleton = 0
    for sp in spans:
        hi = sp.hi if upto is None or sp.unit != upto.unit else min(sp.hi, upto.start)
        if upto is not None and sp.unit > upto.unit:
            break
        part = ix.units[sp.unit].text[sp.lo:hi]
        if unicodedata.is_normalized("NFKC", part) and not has_lookalike(part):
            found = len(find_spans(part, wanted))
            nfkc, skeleton = nfkc + found, skeleton + found
            continue
        folded = unicodedata.normalize("NFKC", fold(part)[0])
        nfkc += len(find_spans(folded, wanted))
        skeleton += len(find_spans(latin_skeleton(folded), latin_skeleton(wanted)))
    return nfkc, skeleton


def _index(texts: list[str]) -> Index:
    """An index of a program with one paragraph per text, the texts set as they are (not
    cleaned: the guard must hold for any text a unit may carry)."""
    data = {"program": {"id": "p", "title": "P", "version": "v1"},
            "sections": [{"heading": "Rubrik", "page": 1, "content": [f"stycke {n}" for n in range(len(texts))]}]}
    ix = Index(program_from_data(data))
    ix.units = [replace(u, text=t) for u, t in zip(ix.units, texts, strict=True)]
    return ix


@st.composite
def cases(draw: st.DrawFn) -> tuple[Index, list[Span], str, SimpleNamespace | None]:
    text = st.text(alphabet=st.sampled_from(ALPHABET), min_size=0, max_size=30)
    texts = draw(st.lists(text, min_size=1, max_size=4))
    spans = []
    for unit, t in enumerate(texts):
        lo = draw(st.integers(0, len(t)))
        hi = draw(st.sampled_from([len(t), draw(st.integers(lo, len(t)))]))
        lo = draw(st.sampled_from([0, lo]))
        spans.append(Span(unit, lo, hi))
    source = draw(st.sampled_from(texts))
    a = draw(st.integers(0, len(source)))
    anchor = draw(st.one_of(st.just(source[a:a + draw(st.integers(1, 8))]), text))
    upto = None
    if draw(st.booleans()):
        unit = draw(st.integers(0, len(texts) - 1))
        upto = SimpleNamespace(unit=unit, start=draw(st.integers(0, len(texts[unit]))))
    return _index(texts), spans, unicodedata.normalize("NFKC", fold_anchor(anchor)), upto


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_fast_printed_counts_as_the_rule_reads(case: tuple[Index, list[Span], str, SimpleNamespace | None]) -> None:
    ix, spans, wanted, upto = case
    expected = _reference(ix, spans, wanted, upto)
    assert _printed(SimpleNamespace(ix=ix), spans, wanted, upto) == expected  # type: ignore[arg-type]
    assert _printed(SimpleNamespace(ix=ix), spans, wanted, upto) == expected  # type: ignore[arg-type]  # kept facts


def test_the_shortcut_is_taken_and_still_counts_lookalikes() -> None:
    """Plain text without the words costs no fold; a look-alike beside plain text is counted."""
    ix = _index(["Kommunen samverkar med polisen.", "Kommunen och p\u043elisen.", "\ufb01nansiering av polisen"])
    spans = [Span(i, 0, len(u.text)) for i, u in enumerate(ix.units)]
    assert _printed(SimpleNamespace(ix=ix), spans, "polisen") == (2, 3)  # type: ignore[arg-type]
    assert _printed(SimpleNamespace(ix=ix), spans, "finansiering") == (1, 1)  # type: ignore[arg-type]
    assert ix.printing(0).plain and not ix.printing(1).plain and not ix.printing(2).plain
    # a part that cuts a letter from its combining mark: its fold is not part of the whole's
    cut = _index(["Kafe\u0301"])
    assert not cut.printing(0).nfc
    assert _printed(SimpleNamespace(ix=cut), [Span(0, 0, 4)], "Kafe") == _reference(cut, [Span(0, 0, 4)], "Kafe") \
        == (1, 1)  # type: ignore[arg-type]


def test_each_heading_holding_the_words_is_named_once() -> None:
    """The heading check asks each heading once; a heading is still named once per section."""
    data = {"program": {"id": "p", "title": "P", "version": "v1"},
            "sections": [{"heading": "Polisen", "page": 1, "content": ["Med Polisen.", "Och Polisen."]},
                         {"heading": "Skolan", "page": 1, "content": ["Med Polisen i skolan."]},
                         {"heading": "Polisen", "page": 2, "content": ["Utan."]}]}
    ix = Index(program_from_data(data))
    scoper = SimpleNamespace(ix=ix, scope=Scope())
    spans = [Span(i, 0, len(u.text)) for i, u in enumerate(ix.units)]
    found = headings_holding(scoper, spans[:3], "Polisen")  # type: ignore[arg-type]
    assert [m.render("en") for m in found] == [msg("guards.in_heading", heading="Polisen").render("en")]
    # the second section headed so is named too, once, though the first's answer was kept
    assert len(headings_holding(scoper, spans, "Polisen")) == 2  # type: ignore[arg-type]
