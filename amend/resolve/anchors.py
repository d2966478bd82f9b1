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
    return [h for sp in spans if wanted in ix.folded(sp.unit)[0] for h in _found_in(ix, sp, needle)]


def _found_in(ix: Index, sp: Span, needle: str) -> list[Hit]:
    return [Hit(sp.unit, start, end) for start, end in ix.find(sp.unit, needle) if sp.lo <= start and end <= sp.hi]


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
            self._refuse_rivals(spans, anchor, hits)
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
        self._refuse_rivals(spans, anchor, hits)
        return hits

    def _refuse_rivals(self, spans: list[Span], anchor: str, hits: list[Hit]) -> None:
        """Refuse the hits when a heading or a look-alike text could be what the quote means."""
        refuse_heading_rival(self.scoper, spans, anchor, hits)
        refuse_compatibility_rival(self.scoper, spans, anchor, hits)

    def _exact(self, hits: list[Hit], anchor: str) -> Hit:
        """The one hit the amendment means (by occurrence), or the error saying why there is none."""
        occurrence = self.scoper.scope.occurrence
        if occurrence is not None:
            return self._nth(hits, anchor, occurrence)
        if len(hits) == 1:
            return hits[0]
        raise self._repeated(hits, anchor)

    def _nth(self, hits: list[Hit], anchor: str, occurrence: int) -> Hit:
        if occurrence > len(hits):
            raise self.scoper.fail(AnchorNotFound if not hits else ScopeError,
                                   msg("core.occurrence_missing", anchor=anchor, count=len(hits),
                                       scope=self.scoper.scope.describe(), occurrence=occurrence))
        return hits[occurrence - 1]

    def _repeated(self, hits: list[Hit], anchor: str) -> AmendError:
        places = listed([self.ix.place(h.unit, h.start) for h in hits[:5]])
        return self.scoper.fail(AmbiguousAnchor, msg("core.anchor_repeated", anchor=anchor, count=len(hits),
                                                     scope=self.scoper.scope.describe(), places=places))

    def _same_in_every_reading(self, found: list[list[Hit]], anchor: str, sentences: Sentences) -> Hit:
        """The one place every reading of the sentence number gives; refused when they differ."""
        picks = [self._pick(hits, anchor) for hits in found]
        first = picks[0]
        if isinstance(first, AmendError) and all(isinstance(p, AmendError) for p in picks):
            raise first
        if not isinstance(first, Hit) or not all(p == first for p in picks):
            raise self.scoper.unclear_sentence(sentences)
        return first

    def _pick(self, hits: list[Hit], anchor: str) -> Hit | AmendError | None:
        """A reading's one hit, None when it has none, or the error saying why it has no one."""
        try:
            return self._exact(hits, anchor) if hits else None
        except AmendError as exc:
            return exc

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
        best = self._alone_similar(candidates)
        if best is not None:
            self.warnings.append(self._fuzzy_warning(best, anchor))
        return best

    def _alone_similar(self, candidates: list[Hit]) -> Hit | None:
        """The best candidate, when it alone is as similar as --fuzzy asks."""
        fuzzy = self.fuzzy
        if not candidates or fuzzy is None or candidates[0].similarity < fuzzy:
            return None
        return None if any(c.similarity >= fuzzy for c in candidates[1:]) else candidates[0]

    def _fuzzy_warning(self, best: Hit, anchor: str) -> FuzzyWarning:
        ix, am = self.ix, self.scoper.am
        place = ix.place(best.unit, best.start)
        return FuzzyWarning(
            msg("core.fuzzy_used", anchor=anchor, scope=self.scoper.scope.describe(),
                found=ix.units[best.unit].text[best.start:best.end], similarity=best.similarity, where=place),
            source=am.source_of(self.scoper.key), amendment=am.label, amendment_id=am.id,
            similarity=best.similarity, where=str(place))


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
    found: dict[tuple[int, int], Hit] = {}  # the best window starting at each place
    for h in (h for sp in spans for h in _scored_windows(ix, sp, needle)):
        if (h.unit, h.start) not in found or found[h.unit, h.start].similarity < h.similarity:
            found[h.unit, h.start] = h
    return _apart(sorted(found.values(), key=lambda h: (-h.similarity, h.unit, h.start)))[:limit]


def _scored_windows(ix: Index, sp: Span, needle: str) -> Iterator[Hit]:
    """The span's word windows about as long as `needle`, scored; none cuts a word ("unga m.m" of "unga m.m.")."""
    folded, idx = ix.folded(sp.unit)
    for a, end in _windows(folded, bisect_left(idx, sp.lo), bisect_left(idx, sp.hi), needle):
        if at_word_edge(ix.units[sp.unit].text, idx[end - 1] + 1):
            yield Hit(sp.unit, idx[a], idx[end - 1] + 1, similarity(needle, folded[a:end]))


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
            yield from ((a, end) for end in _window_ends(folded, a, b, needle))


def _window_ends(folded: str, a: int, b: int, needle: str) -> Iterator[int]:
    """Where the window folded[a:b] may end, with or without the punctuation after its words, when about
    as long as `needle`."""
    for end in {b, a + len(folded[a:b].rstrip(",.;:!?"))}:
        if end > a and abs((end - a) - len(needle)) <= max(3, len(needle) // 3):
            yield end


def _apart(ranked: list[Hit]) -> list[Hit]:
    """The candidates from 0.5 alike, one per place: a shorter or longer window over the
    same words is not a rival."""
    kept: list[Hit] = []
    for h in ranked:
        if h.similarity >= 0.5 and not any(k.unit == h.unit and k.start < h.end and h.start < k.end for k in kept):
            kept.append(h)
    return kept

