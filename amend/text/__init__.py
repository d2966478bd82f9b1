"""Text rules: how quoted anchors are compared, where sentences end, how inserted
text is joined to its neighbours.

Matching is exact after a small, fixed normalisation that minutes cannot be
expected to reproduce: Unicode NFC, runs of white space as one space,
typographic and straight quotes alike, dash variants alike, soft hyphens
ignored. Case and everything else must match.

Three modules: matching (the normalisation, finding quoted words), sentences
(where they end), joining (inserted text and its neighbours).
"""
from __future__ import annotations

from .joining import TERMINAL, delete_span, end_insert, insert_at, own_terminal, shared_full_stop, splice
from .matching import (
    CLOSING_PUNCT,
    DASHES,
    OPENING_PUNCT,
    QUOTE_MARKS,
    at_word_edge,
    clean,
    find_all,
    find_in_word,
    find_spans,
    fold,
    fold_anchor,
    folds_to_itself,
    is_blank,
    is_word_char,
    nfc,
    starts_with_words,
    word_before,
)
from .sentences import (
    ABBREVIATIONS,
    DASH_STARTS,
    OPENING_MARKS,
    READINGS_LIMIT,
    VOWELS,
    Boundary,
    abbreviation_like,
    owns_its_full_stop,
    sentence_boundaries,
    sentence_readings,
    sentence_spans,
)

__all__ = [
    "ABBREVIATIONS", "Boundary", "CLOSING_PUNCT", "DASHES", "DASH_STARTS", "OPENING_MARKS", "OPENING_PUNCT",
    "QUOTE_MARKS", "READINGS_LIMIT", "TERMINAL", "VOWELS", "abbreviation_like", "at_word_edge", "clean",
    "delete_span", "end_insert", "find_all", "find_in_word", "find_spans", "fold", "fold_anchor",
    "folds_to_itself", "insert_at", "is_blank", "own_terminal", "is_word_char", "nfc", "owns_its_full_stop",
    "sentence_boundaries", "sentence_readings", "sentence_spans", "shared_full_stop", "splice",
    "starts_with_words", "word_before",
]
