"""How quoted anchors are compared and found: the fixed normalisation (NFC, white space,
quotes, dashes, soft hyphens) and word edges."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from .numbers import cuts_spaced_number
from .sentences import owns_its_full_stop

_QUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"}
_QUOTES.update({c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032"})
DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_FOLD = {**_QUOTES, **DASHES}
_SOFT = "\u00ad\u200b\u2060\ufeff"  # soft hyphen and zero-width characters

CLOSING_PUNCT = set(",.;:!?)]}\u2026")
OPENING_PUNCT = set("([{")
QUOTE_MARKS = set("\"'") | set(_QUOTES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# A run of breaking white space other than one plain space (which stays as it is:
# matching every space between words, to put it back, took half of clean's time).
_BREAKING_SPACE = re.compile(r"[\t\r\n\f\v][ \t\r\n\f\v]*| [ \t\r\n\f\v]+")


def clean(text: str) -> str:
    """Document text as stored: NFC, runs of spaces, tabs and line breaks as one
    space, no edge spaces. A no-break space ("5\u00a0000 kr") is a character of
    the text and is kept; matching treats it as a space (`fold`)."""
    return _BREAKING_SPACE.sub(" ", nfc(text)).strip(" ")


# Characters `fold` drops or replaces. Text without them, already NFC and with
# one plain space between words, folds to itself.
_FOLDED_CHARS = re.compile("[{}]".format(re.escape(_SOFT + "".join(_FOLD))))


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
    kept = list(_folded_chars(text))
    if kept and kept[-1][1] == " ":
        kept.pop()
    return "".join(ch for _, ch in kept), [i for i, _ in kept] + [len(text)]


def _folded_chars(text: str) -> Iterator[tuple[int, str]]:
    """(offset in `text`, folded character) of what matching keeps of `text`: no soft characters,
    one space for each run of white space and none at the start."""
    prev_space = True  # drops leading space
    for i, ch in _composed(text):
        if ch in _SOFT or (ch.isspace() and prev_space):
            continue
        prev_space = ch.isspace()
        yield i, " " if prev_space else _FOLD.get(ch, ch)


def _composed(text: str) -> Iterator[tuple[int, str]]:
    """(offset in `text`, character) of the NFC form of `text`. Stored text is NFC
    already; otherwise each letter with its combining marks is composed on its
    own, so that every character keeps the offset where it starts in `text`
    (composing the whole text at once would shift every later offset)."""
    if unicodedata.is_normalized("NFC", text):
        yield from enumerate(text)
        return
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            for k, ch in enumerate(nfc(text[start:i])):
                yield min(start + k, i - 1) if k else start, ch
            start = i


def fold_anchor(anchor: str) -> str:
    return fold(anchor)[0]


# ---------------------------------------------------------------- words
#
# One rule says where a word begins and ends, for every anchor (`find_spans`)
# and every "starts with" (`starts_with_words`): an anchor may start or end only
# where no word goes on across it. A word goes on across
#   - letters, digits and combining marks ("q\u0301": never between a letter and its mark),
#   - a soft hyphen or zero-width character (invisible: "för\u00adebyggande" is one word),
#   - a hyphen between letters or digits, not between two digits ("HR-avdelningen",
#     "covid-19"; but "2025-2027" is a range, and an en dash parts words: "Alingsås–Göteborg"),
#   - an apostrophe, colon, slash or @ between letters or digits ("council's", "KF:s",
#     "13:00", "och/eller"),
#   - a full stop between two letters or two digits ("t.ex", "3.2"), a comma or no-break
#     space between two digits ("3,5", "5\u00a0000"),
#   - the final full stop of a dotted abbreviation or of one that is never a word
#     ("unga m.m." : "unga m.m" cuts it; "osv.", "etc.").

_HYPHENS = "-\u2010\u2011"
_INNER = "'\u2019\u02bc:/@"  # apostrophes, colon, slash, at sign
_DIGIT_GLUE = ",\u00a0\u202f\u2009"  # "3,5", "5 000" with a no-break, narrow or thin space


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in "\u200d\ufe0f\ufe0e"


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or _is_mark(ch)


def _glues(before: str, ch: str, after: str) -> bool:
    """Does `ch` join the word characters `before` and `after` into one word?"""
    if not (is_word_char(before) and is_word_char(after)):
        return False
    if ch in _HYPHENS:
        return not (before.isdigit() and after.isdigit())
    if ch in _INNER:
        return True
    if ch == ".":
        return (before.isalpha() and after.isalpha()) or (before.isdigit() and after.isdigit())
    return ch in _DIGIT_GLUE and before.isdigit() and after.isdigit()


def _visible(text: str, i: int, step: int) -> int:
    """The nearest index from i (inclusive) in direction step that is not a soft character; -1 or len past the edge."""
    while 0 <= i < len(text) and text[i] in _SOFT:
        i += step
    return i


def at_word_edge(text: str, p: int) -> bool:
    """May an anchor start or end at offset p of `text` (original offsets)?"""
    j, i = _visible(text, p - 1, -1), _visible(text, p, 1)
    if j < 0 or i >= len(text):
        return True
    a, b = text[j], text[i]
    if _is_mark(b) or (is_word_char(a) and is_word_char(b)) or cuts_spaced_number(text, p) or _glued(text, j, i):
        return False
    return not (b == "." and is_word_char(a) and owns_its_full_stop(word_before(text, i)))


def _glued(text: str, j: int, i: int) -> bool:
    """Do the visible characters text[j] and text[i] (side by side) stand inside one word,
    glued by one of them to the character beyond it?"""
    k, m = _visible(text, i + 1, 1), _visible(text, j - 1, -1)
    return (k < len(text) and _glues(text[j], text[i], text[k])) or (m >= 0 and _glues(text[m], text[j], text[i]))


def word_before(text: str, end: int) -> str:
    """The word (letters and inner full stops) that ends at `end`: "t.ex" in "… t.ex. Polisen"."""
    start = end
    while start > 0 and (is_word_char(text[start - 1]) or text[start - 1] == "." or text[start - 1] in _SOFT):
        start -= 1
    return text[start:end].strip(".")


def find_spans(text: str, needle: str, folded: tuple[str, Sequence[int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) in `text` of each match of the anchor `needle` that starts and ends
    at a word edge. `folded` is fold(text), when the caller keeps it."""
    needle = fold_anchor(needle)
    spans = folded_spans(folded or fold(text), needle) if needle else []
    return [(start, end) for start, end in spans if at_word_edge(text, start) and at_word_edge(text, end)]


def folded_spans(folded: tuple[str, Sequence[int]], needle: str) -> Iterator[tuple[int, int]]:
    """(start, end) in the original text of each occurrence, overlapping ones too, of the folded
    `needle` (not empty) in the folded text `folded` (as `fold` returns it)."""
    haystack, index = folded
    at = haystack.find(needle)
    while at != -1:
        yield index[at], index[at + len(needle) - 1] + 1
        at = haystack.find(needle, at + 1)


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets in `text` of the matches of `needle` that do not cut a word.

    "kommun" does not match inside "kommunen": an anchor that ends mid-word
    would put inserted text inside the word.
    """
    return [start for start, _ in find_spans(text, needle)]


def find_in_word(text: str, needle: str, folded: tuple[str, Sequence[int]] | None = None) -> bool:
    """True when `needle` occurs in `text` only as part of a longer word (for the message)."""
    needle = fold_anchor(needle)
    return bool(needle) and needle in (folded or fold(text))[0] and not find_spans(text, needle, folded)


def starts_with_words(text: str, start: str, folded: tuple[str, Sequence[int]] | None = None) -> bool:
    """Does `text` begin with the words `start` (a whole word at its end)?"""
    haystack, index = folded or fold(text)
    want = fold_anchor(start)
    return bool(want) and haystack.startswith(want) and at_word_edge(text, index[len(want) - 1] + 1)



def is_blank(text: str) -> bool:
    """Nothing left once cleaned and folded as for matching: only spaces, no-break
    spaces, soft hyphens or zero-width characters (no block may hold such a text)."""
    if text[:1].isalnum():
        return False  # nearly every text: no need to fold it
    return not fold(clean(text))[0].strip("\u200c\u200d")  # and zero-width (non-)joiners, which print nothing
