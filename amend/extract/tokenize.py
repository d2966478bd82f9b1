"""Split one instruction into tokens: words, numbers, quoted text, punctuation.

A quotation is one token, so that nothing inside it (a full stop, a comma, a
word like "stryks") is ever read as part of the instruction. Every token keeps
its offsets in the text, so the grammar can take the rest of a sentence
verbatim and a message can say where it stopped understanding.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..messages import Msg, msg
from ..text import clean

# opening mark -> the marks that may close it
QUOTE_PAIRS = {
    '"': '"\u201d\u201c', "\u201d": "\u201d\u201c", "\u201c": "\u201d\u201c\"", "\u201e": "\u201c\u201d\"",
    "\u00bb": "\u00bb\u00ab", "\u00ab": "\u00bb",
    "'": "'\u2019", "\u2019": "\u2019", "\u2018": "\u2019'", "\u201a": "\u2018\u2019'",
}
QUOTE_CHARS = set(QUOTE_PAIRS) | set("".join(QUOTE_PAIRS.values()))
PUNCT = set(",;:.()!?")
_OPEN_AFTER = set("([:;,")  # a quotation may open after these (or a space)
_CLOSE_BEFORE = set(",;:.)!?")  # and close before these (or a space)


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "num", "quote", "punct"
    text: str  # the text as written (for a quote: its content, cleaned)
    start: int  # offsets in the instruction, the quote marks included
    end: int

    @property
    def key(self) -> str:
        """How a word is compared with the grammar: lower case, NFC."""
        return unicodedata.normalize("NFC", self.text).lower()


class TokenizeError(ValueError):
    """Text that cannot be split into tokens (an unclosed quotation)."""

    def __init__(self, message: Msg, offset: int):
        super().__init__(message)
        self.offset = offset


def _closing(text: str, i: int) -> int:
    """Offset of the mark that closes the quotation opened at i, or -1."""
    closers = QUOTE_PAIRS[text[i]]
    return next((j for j in range(i + 2, len(text)) if text[j] in closers and not text[j - 1].isspace()
                 and (j + 1 == len(text) or text[j + 1].isspace() or text[j + 1] in _CLOSE_BEFORE)), -1)


def _opens(text: str, i: int) -> bool:
    return text[i] in QUOTE_PAIRS and (i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_AFTER) \
        and i + 1 < len(text) and not text[i + 1].isspace()


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if text.startswith("``", i):  # ``…'' (LaTeX-style quotation marks, as in Hansard's text files)
            j = text.find("''", i + 2)
            if j < 0:
                raise TokenizeError(msg("extract.unclosed_quotation", start=text[i:i + 20]), i)
            tokens.append(Token("quote", clean(text[i + 2:j]), i, j + 2))
            i = j + 2
            continue
        if _opens(text, i):
            j = _closing(text, i)
            if j < 0:
                if ch in "'\u2019":  # an apostrophe, not a quotation
                    j = i
                else:
                    raise TokenizeError(msg("extract.unclosed_quotation", start=text[i:i + 20]), i)
            else:
                tokens.append(Token("quote", clean(text[i + 1:j]), i, j + 1))
                i = j + 1
                continue
        if ch in PUNCT and not _inside_word(text, i):
            tokens.append(Token("punct", ch, i, i + 1))
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace() and not (text[j] in PUNCT and not _inside_word(text, j)) \
                and not (j > i and text[j] in QUOTE_CHARS and _quote_ends_word(text, j)):
            j += 1
        if j == i:  # a lone quote mark that neither opens nor belongs to a word
            j = i + 1
        word = text[i:j]
        tokens.append(Token("num" if word.isdigit() else "word", word, i, j))
        i = j
    return tokens


def _inside_word(text: str, i: int) -> bool:
    """'.' in "2.3" or "t.ex", ':' in "WHO:s" or "3:e" belong to the word."""
    return text[i] in ".:" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _quote_ends_word(text: str, j: int) -> bool:
    """A quote mark right after a word closes something ("x" in 'x'), unless it is an apostrophe inside a word."""
    return not (j + 1 < len(text) and text[j + 1].isalnum() and text[j] in "'\u2019")
