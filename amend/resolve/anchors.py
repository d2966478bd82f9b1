"""Finding a quoted anchor in the scope: exactly once, else what was found instead (or a fuzzy match)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import AmbiguousAnchor, AmendError, AnchorNotFound, FuzzyWarning, OutOfScope, ScopeError
from ..messages import msg
from ..text import (
    at_word_edge,
    find_in_word,
    fold_anchor,
)
from .guards import in_word, refuse_compatibility_rival, refuse_heading_rival
from .index import Index, Span, listed
from .scope import Scoper, Sentences

# ---------------------------------------------------------------- anchors


@dataclass(frozen=True)
class Hit:
    unit: int
    start: int  # original offsets in the unit's text
    end: int
    similarity: float = 1.0


def _find(ix: Index, spans: list[Span], anchor: str) -> list[Hit]:
    needle = fold_anchor(anchor)
    wanted = fold_anchor(needle)  # what find_spans looks for: a text whose fold lacks it has no place
    hits = []
    for sp in spans:
        if wanted not in ix.folded(sp.unit)[0]:
            continue
        for start, end in ix.find(sp.unit, needle):
            if sp.lo <= start and end <= sp.hi:
                hits.append(Hit(sp.unit, start, end))
    return hits


@dataclass(frozen=True)
class Anchors:
    """Find a quoted anchor in scope, exactly once, or explain why not. Its
    messages point at the quoted text; a fuzzy match used is added to `warnings`."""

    scoper: Scoper
    fuzzy: float | None
    warnings: list[FuzzyWarning]

    @property
    def ix(self) -> Index:
        return self.scoper.ix

    def one(self, spans: list[Span], anchor: str, sentences: Sentences | None = None) -> Hit:
        readings = sentences.readings if sentences else ()
        if sentences and len(readings) > 1:
            found = [_find(self.ix, [r], anchor) for r in readings]
            if any(found):
                return self._same_in_every_reading(found, anchor, sentences)
        hits = _find(self.ix, spans, anchor)
        if hits:
            refuse_heading_rival(self.scoper, spans, anchor, hits)
            refuse_compatibility_rival(self.scoper, spans, anchor, hits)
            return self._exact(hits, anchor)
        return self._not_found(spans, anchor)

    def every(self, spans: list[Span], anchor: str, sentences: Sentences | None = None) -> list[Hit]:
        """Every exact place of `anchor` in scope, in order (at least one), refused as `one` refuses
        a heading or look-alike rival; where a sentence number or `occurrence:` picks, the one place."""
        if (sentences and len(sentences.readings) > 1) or self.scoper.scope.occurrence is not None:
            return [self.one(spans, anchor, sentences)]
        hits = _find(self.ix, spans, anchor)
        if not hits:
            return [self._not_found(spans, anchor)]
        refuse_heading_rival(self.scoper, spans, anchor, hits)
        refuse_compatibility_rival(self.scoper, spans, anchor, hits)
        return hits

    def _exact(self, hits: list[Hit], anchor: str) -> Hit:
        """The one hit the amendment means (by occurrence), or the error saying why there is none."""
        occurrence = self.scoper.scope.occurrence
        if occurrence is not None:
            if occurrence > len(hits):
                raise self.scoper.fail(AnchorNotFound if not hits else ScopeError,
                                       msg("core.occurrence_missing", anchor=anchor, count=len(hits),
                                           scope=self.scoper.scope.describe(), occurrence=occurrence))
            return hits[occurrence - 1]
        if len(hits) == 1:
            return hits[0]
        places = listed([self.ix.place(h.unit, h.start) for h in hits[:5]])
        raise self.scoper.fail(AmbiguousAnchor, msg("core.anchor_repeated", anchor=anchor, count=len(hits),
                                                    scope=self.scoper.scope.describe(), places=places))

    def _same_in_every_reading(self, found: list[list[Hit]], anchor: str, sentences: Sentences) -> Hit:
        """The one place every reading of the sentence number gives; refused when they differ."""
        picks: list[Hit | AmendError | None] = []
        for hits in found:
            try:
                picks.append(self._exact(hits, anchor) if hits else None)
            except AmendError as exc:
                picks.append(exc)
        first = picks[0]
        if isinstance(first, AmendError) and all(isinstance(p, AmendError) for p in picks):
            raise first
        if not isinstance(first, Hit) or not all(p == first for p in picks):
            raise self.scoper.unclear_sentence(sentences)
        return first

    def _not_found(self, spans: list[Span], anchor: str) -> Hit:
        ix, scope = self.ix, self.scoper.scope
        self._refuse_elsewhere(anchor)
        needle = fold_anchor(anchor)
        if any(find_in_word(ix.units[s.unit].text, needle, ix.folded(s.unit)) for s in spans):
            raise self.scoper.fail(AnchorNotFound, in_word([ix.units[s.unit].text for s in spans], anchor,
                                                       scope.describe()))
        candidates = fuzzy_candidates(ix, spans, anchor)
        best = self._fuzzy_hit(candidates, anchor)
        if best is not None:
            return best
        raise self._missing(candidates, anchor)

    def _missing(self, candidates: list[Hit], anchor: str) -> AmendError:
        """The anchor is not in scope: the error, naming the closest texts there."""
        ix, scope = self.ix, self.scoper.scope
        closest = listed([msg("core.closest", text=ix.units[c.unit].text[c.start:c.end], similarity=c.similarity,
                              where=ix.place(c.unit, c.start)) for c in candidates[:3]])
        said = msg("core.anchor_missing_closest", anchor=anchor, scope=scope.describe(), closest=closest) \
            if closest else msg("core.anchor_missing", anchor=anchor, scope=scope.describe())
        return self.scoper.fail(AnchorNotFound, said,
                                candidates=[(ix.units[c.unit].text[c.start:c.end], c.similarity,
                                             str(ix.place(c.unit, c.start))) for c in candidates])

    def _refuse_elsewhere(self, anchor: str) -> None:
        """An anchor not in scope but elsewhere in the program is out of scope (never fuzzy-matched)."""
        ix = self.ix
        elsewhere = _find(ix, [Span(i, 0, len(u.text)) for i, u in enumerate(ix.units)], anchor)
        if elsewhere:
            places = listed([ix.place(h.unit, h.start) for h in elsewhere[:5]])
            raise self.scoper.fail(OutOfScope, msg("core.anchor_elsewhere", anchor=anchor,
                                                   scope=self.scoper.scope.describe(), places=places),
                                   found=[str(ix.place(h.unit, h.start)) for h in elsewhere])

    def _fuzzy_hit(self, candidates: list[Hit], anchor: str) -> Hit | None:
        """With --fuzzy: the one candidate that is similar enough, with its warning; else None."""
        best = candidates[0] if candidates else None
        if best is None or self.fuzzy is None or best.similarity < self.fuzzy:
            return None
        if any(c.similarity >= self.fuzzy for c in candidates[1:]):
            return None
        ix, am = self.ix, self.scoper.am
        place = ix.place(best.unit, best.start)
        self.warnings.append(FuzzyWarning(
            msg("core.fuzzy_used", anchor=anchor, scope=self.scoper.scope.describe(),
                found=ix.units[best.unit].text[best.start:best.end], similarity=best.similarity, where=place),
            source=am.source_of(self.scoper.key), amendment=am.label, amendment_id=am.id,
            similarity=best.similarity, where=str(place)))
        return best


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / length of the longer, by diff-match-patch."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    if not a and not b:
        return 1.0
    distance: int = dmp.diff_levenshtein(dmp.diff_main(a, b, False))
    return 1 - distance / max(len(a), len(b))


def fuzzy_candidates(ix: Index, spans: list[Span], anchor: str, limit: int = 3) -> list[Hit]:
    """The passages in scope most like `anchor`, by word windows, best first.

    Computed here rather than by diff-match-patch's match_main, whose bitap
    search is capped at 32 characters and whose threshold returns wrong places.
    """
    needle = fold_anchor(anchor)
    found: dict[tuple[int, int], Hit] = {}
    for sp in spans:
        folded, idx = ix.folded(sp.unit)
        for a, end in _windows(folded, bisect_left(idx, sp.lo), bisect_left(idx, sp.hi), needle):
            if not at_word_edge(ix.units[sp.unit].text, idx[end - 1] + 1):
                continue  # "unga m.m" of "unga m.m.": a fuzzy match does not cut a word either
            score = similarity(needle, folded[a:end])
            key = (sp.unit, idx[a])
            if key not in found or found[key].similarity < score:
                found[key] = Hit(sp.unit, idx[a], idx[end - 1] + 1, score)
    return _apart(sorted(found.values(), key=lambda h: (-h.similarity, h.unit, h.start)))[:limit]


def _windows(folded: str, lo: int, hi: int, needle: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the runs of words in folded[lo:hi] about as long as `needle`: a word
    fewer or more, with or without the punctuation after them."""
    import re

    n_words = len(needle.split())
    words = [m.span() for m in re.finditer(r"\S+", folded[lo:hi])]
    for w in range(len(words)):
        for size in (n_words - 1, n_words, n_words + 1):
            if size < 1 or w + size > len(words):
                continue
            a, b = lo + words[w][0], lo + words[w + size - 1][1]
            for end in {b, a + len(folded[a:b].rstrip(",.;:!?"))}:
                if end > a and abs((end - a) - len(needle)) <= max(3, len(needle) // 3):
                    yield a, end


def _apart(ranked: list[Hit]) -> list[Hit]:
    """The candidates from 0.5 alike, one per place: a shorter or longer window over the
    same words is not a rival."""
    kept: list[Hit] = []
    for h in ranked:
        if h.similarity >= 0.5 and not any(k.unit == h.unit and k.start < h.end and h.start < k.end for k in kept):
            kept.append(h)
    return kept

