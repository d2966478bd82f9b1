"""Letters of another alphabet that look like Latin ones, inside a Latin word.

Text copied from PDFs, OCR or other programs sometimes holds a Cyrillic or Greek
letter in a Swedish word ("p\u043elisen" with a Cyrillic о): printed, it is the
word; matched, it is not. `latin_skeleton` reads such letters as the Latin ones
they look like (Unicode TR39's idea, for the few letters that matter), so that
resolve can count the places a reader sees. Words written wholly in another
alphabet are left as they are.
"""
from __future__ import annotations

import re

_CYRILLIC = dict(zip("аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХУІЈЅԚԜ", "aeopcyxijsdqwhlABEKMHOPCTXYIJSQW", strict=True))
_GREEK = dict(zip("οανικρυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oavikpuABEZHIKMNOPTYX", strict=True))
_LOOK_ALIKE = str.maketrans({**_CYRILLIC, **_GREEK})
_WORD = re.compile(r"\w+")


def _latin(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x250


# a character from U+0370 on (Greek, Cyrillic, …); a regex scan is ~10× faster than testing each
# character in Python, and this runs over every text in scope of every anchor
_BEYOND_LATIN = re.compile("[^\x00-\u036f]")


def has_lookalike(text: str) -> bool:
    """Does `text` hold a Latin word with a look-alike letter of another alphabet?"""
    if _BEYOND_LATIN.search(text) is None:
        return False  # the common case: no Greek or Cyrillic at all
    return latin_skeleton(text) != text


def latin_skeleton(text: str) -> str:
    """`text` with the look-alike letters of its mixed words read as Latin (same length)."""
    if _BEYOND_LATIN.search(text) is None:
        return text
    return _WORD.sub(lambda m: _mixed(m.group()), text)


def _mixed(word: str) -> str:
    if not any(_latin(c) for c in word):
        return word
    return word.translate(_LOOK_ALIKE)
