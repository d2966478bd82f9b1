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


_BREAKING_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def clean(text: str) -> str:
    """Document text as stored: NFC, runs of spaces, tabs and line breaks as one
    space, no edge spaces. A no-break space ("5\u00a0000 kr") is a character of
    the text and is kept; matching treats it as a space (`fold`)."""
    return _BREAKING_SPACE.sub(" ", nfc(text)).strip(" ")


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
    "e.g.", "i.e.", "mr.", "mrs.", "dr.", "st.", "no.", "p.", "pp.", "art.", "sek.", "kl.", "s.", "ff.",
    "f.d.", "ev.", "obs.", "prop.", "bet.", "dnr.", "tfn.", "jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "dec.",
}
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u201d\u2018\u2019(\[]?[A-ZÅÄÖÉÜ0-9])")


def _boundaries(text: str):
    """Yield (end, word, certain) for each place a sentence may end.

    Not certain: after an abbreviation ("t.ex.", "bl. a.", a lone letter
    with a dot) that stands before a capital, which may or may not end the
    sentence ("… m.m. Kommunen …" but also "t.ex. Polisen").
    """
    for m in _BOUNDARY.finditer(text):
        tokens = text[:m.end()].split()
        word = tokens[-1].lstrip("([\"'\u201c\u201d\u2018\u2019").rstrip("\"')\u201d\u2019").lower()
        pair = (tokens[-2].lstrip("([\"'") + word).lower() if len(tokens) > 1 else word
        abbreviation = (word in _ABBREVIATIONS or pair in _ABBREVIATIONS
                        or (len(word) == 2 and word[0].isalpha() and word.endswith(".")))
        yield m.end(), tokens[-1], not abbreviation


def sentence_spans(text: str, split_uncertain: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; end excludes the following space.

    A sentence ends at . ! ? (and closing quotes) followed by space and a
    capital or a digit; after an abbreviation only when `split_uncertain`.
    """
    spans = []
    start = 0
    for end, _, certain in _boundaries(text):
        if not (certain or split_uncertain):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def uncertain_boundaries(text: str) -> list[str]:
    """The abbreviations in `text` that may or may not end a sentence."""
    return [word for _, word, certain in _boundaries(text) if not certain]


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


def _joiner(ch: str) -> bool:
    """A character that binds the words beside it without a space: - – / and the like."""
    return not (ch.isalnum() or ch.isspace() or ch in CLOSING_PUNCT or ch in OPENING_PUNCT or ch in QUOTE_MARKS)


def insert_at(text: str, at: int, new: str) -> str:
    """Insert `new` at offset `at`: one space between words, none before closing
    punctuation or after an opening bracket or quote, none where the original
    binds words with a dash or slash; the text around is kept as it is."""
    left, right = text[:at], text[at:]
    if not new:
        return text
    pre = " " if left and not (left[-1].isspace() or _opens(left) or _joiner(left[-1]) or _closes(new)) else ""
    post = " " if right and not (right[0].isspace() or _closes(right) or _joiner(right[0]) or _opens(new)) else ""
    return left + pre + new + post + right


def delete_span(text: str, start: int, end: int) -> str:
    """Remove text[start:end] and close the gap: no double space, no space
    before closing punctuation, none at the edges; nothing else changes."""
    left, right = text[:start], text[end:]
    if not left.strip():
        return right.lstrip()
    if not right.strip():
        return left.rstrip()
    if left[-1].isspace():
        rest = right.lstrip()
        return left.rstrip() + ("" if _closes(rest) else " ") + rest
    if _opens(left) and right[0].isspace():
        return left + right.lstrip()
    return left + right


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, new) edits, sorted by start (and, at
    one point, in the order they are to appear), to `text`.

    A replacement takes the place of exactly the replaced characters; a
    deletion closes its gap (`delete_span`); an insertion is spaced by
    `insert_at`. Edits are applied from the end, so that earlier offsets
    stay valid, and each sees the text that the later ones produced.
    """
    out = text
    for start, end, new in reversed(edits):
        new = clean(new)
        if start == end:
            out = insert_at(out, start, new)
        elif not new:
            out = delete_span(out, start, end)
        else:
            out = out[:start] + new + out[end:]
    return out


TERMINAL = ".!?\u2026"


def end_of_sentence_insert(text: str, end: int, new: str) -> int:
    """Where "at end insert NEW" goes in text[:end]: a full sentence (ending in
    . ! ? …) after the closing punctuation, anything else before it, so that
    "… i kommunen." + "samt X" reads "… i kommunen samt X."."""
    if clean(new)[-1:] in TERMINAL:
        return end
    while end > 0 and text[end - 1] in TERMINAL:
        end -= 1
    return end
