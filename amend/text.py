"""Text rules: how quoted anchors are compared, where sentences end, how inserted
text is joined to its neighbours.

Matching is exact after a small, fixed normalisation that minutes cannot be
expected to reproduce: Unicode NFC, runs of white space as one space,
typographic and straight quotes alike, dash variants alike, soft hyphens
ignored. Case and everything else must match.
"""
from __future__ import annotations

import re
import unicodedata

_QUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"}
_QUOTES.update({c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032"})
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_FOLD = {**_QUOTES, **_DASHES}
_SOFT = "\u00ad\u200b\u2060\ufeff"  # soft hyphen and zero-width characters

CLOSING_PUNCT = set(",.;:!?)]}\u2026")
OPENING_PUNCT = set("([{")
QUOTE_MARKS = set("\"'") | set(_QUOTES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """Document text as stored: NFC, one space between words, no edge spaces."""
    return " ".join(nfc(text).split())


# Characters `fold` drops or replaces. Text without them, already NFC and with
# one plain space between words, folds to itself.
_FOLDED_CHARS = re.compile("[%s]" % re.escape(_SOFT + "".join(_FOLD)))


def folds_to_itself(text: str) -> bool:
    """True when `fold` would return `text` unchanged (stored text nearly always)."""
    return not _FOLDED_CHARS.search(text) and " ".join(text.split()) == text and unicodedata.is_normalized("NFC", text)


def fold(text: str) -> tuple[str, list[int]]:
    """Normalise `text` for matching, with a map back to original offsets.

    Returns (folded, index) where folded[i] came from text[index[i]], and
    index has one extra entry, len(text), so spans map back as
    text[index[a]:index[b - 1] + 1] or, for empty spans, index[a].
    """
    if folds_to_itself(text):
        return text, list(range(len(text) + 1))  # the common case, stored text: nothing to fold
    out: list[str] = []
    index: list[int] = []
    prev_space = True  # drops leading space
    for i, ch in enumerate(nfc(text) if not text.isascii() else text):
        if ch in _SOFT:
            continue
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
            ch = _FOLD.get(ch, ch)
        out.append(ch)
        index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    index.append(len(text))
    return "".join(out), index


def fold_anchor(anchor: str) -> str:
    return fold(anchor)[0]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `haystack` (both folded) that do not cut a word.

    "kommun" does not match inside "kommunen": an anchor that ends mid-word
    would put inserted text inside the word.
    """
    hits = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        cuts_left = start > 0 and _is_word(needle[0]) and _is_word(haystack[start - 1])
        cuts_right = end < len(haystack) and _is_word(needle[-1]) and _is_word(haystack[end])
        if not (cuts_left or cuts_right):
            hits.append(start)
        start = haystack.find(needle, start + 1)
    return hits


def find_in_word(haystack: str, needle: str) -> bool:
    """True when `needle` occurs only as part of a longer word (for the message)."""
    return needle in haystack and not find_all(haystack, needle)


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "t.ex.", "bl.a.", "m.m.", "s.k.", "dvs.", "osv.", "etc.", "jfr.", "ca.", "nr.",
    "kap.", "resp.", "inkl.", "exkl.", "fr.o.m.", "t.o.m.", "m.fl.", "o.s.v.", "d.v.s.",
    "e.g.", "i.e.", "mr.", "mrs.", "dr.", "st.", "no.", "p.", "pp.", "art.", "sek.",
}
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u201d\u2018\u2019(\[]?[A-ZÅÄÖÉÜ0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; end excludes the following space.

    A sentence ends at . ! ? (and closing quotes) followed by space and a
    capital or a digit, unless the word before is a known abbreviation.
    """
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = text[:m.end()].rsplit(None, 1)[-1].lower()
        if word.rstrip("\"')\u201d\u2019") in _ABBREVIATIONS:
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


# ---------------------------------------------------------------- joining


def _opens(left: str) -> bool:
    """Does `left` end with something that takes no space after it: an opening
    bracket, or a quote mark that stands after a space (an opening quote)?"""
    c = left[-1]
    if c in OPENING_PUNCT:
        return True
    return c in QUOTE_MARKS and (len(left) == 1 or left[-2].isspace() or left[-2] in OPENING_PUNCT)


def _closes(right: str) -> bool:
    """Does `right` start with closing punctuation or a closing quote mark?"""
    c = right[0]
    if c in CLOSING_PUNCT:
        return True
    return c in QUOTE_MARKS and (len(right) == 1 or right[1].isspace() or right[1] in CLOSING_PUNCT)


def glue(left: str, right: str) -> str:
    """Join two pieces at an edit seam: one space between words, none before
    closing punctuation or after an opening bracket or quote."""
    lhs, rhs = left.rstrip(), right.lstrip()
    if not lhs or not rhs:
        return lhs + rhs
    if _closes(rhs) or _opens(lhs):
        return lhs + rhs
    return lhs + " " + rhs


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, new) edits, sorted by start, to `text`.

    Edits at the same point keep their order. Seams between original text
    and new text are joined with `glue`; the original text between edits is
    kept character for character.
    """
    if not edits:
        return text
    out = text[: edits[0][0]]
    cursor = edits[0][0]
    for start, end, new in edits:
        if start > cursor:
            out = glue(out, text[cursor:start])
        new = clean(new)
        if new:
            out = glue(out, new)
        cursor = max(cursor, end)
    return glue(out, text[cursor:])
