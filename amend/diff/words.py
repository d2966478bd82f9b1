"""Words: the word-level diff of one text against another, and how alike two texts are.

Every diff is small (one paragraph's words, or one sequence of keys in
amend.diff.align), so diff-match-patch runs with `Diff_Timeout = 0`: the
default timeout silently gives up on large inputs and returns a useless
delete-everything/insert-everything.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

SAME, INS, DEL = "=", "+", "-"
_OPS = {0: SAME, 1: INS, -1: DEL}

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w+|[^\w\s]")  # the tokens that are not white space


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks."""
    return _TOKEN.findall(text)


class _Alphabet:
    """One character per distinct token, so that diff-match-patch diffs tokens.

    Words become letters, spaces stay spaces and punctuation becomes
    non-letters, so that the semantic clean-up still sees word boundaries.
    """

    RANGES = {"word": [(0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x20000, 0x2A6DF)],
              "other": [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD)]}

    def __init__(self) -> None:
        self.code: dict[str, str] = {" ": " "}
        self.text: dict[str, str] = {" ": " "}
        self.used = {"word": 0, "other": 0}

    def _next(self, sort: str) -> str:
        n = self.used[sort]
        self.used[sort] += 1
        for lo, hi in self.RANGES[sort]:
            if n <= hi - lo:
                return chr(lo + n)
            n -= hi - lo + 1
        raise OverflowError("too many distinct words in one paragraph")

    def encode(self, toks: list[str]) -> str:
        out = []
        for t in toks:
            c = self.code.get(t)
            if c is None:
                c = self._next("word" if t[0].isalnum() or t[0] == "_" else "other")
                self.code[t], self.text[c] = c, t
            out.append(c)
        return "".join(out)

    def decode(self, chars: str) -> str:
        return "".join(self.text[c] for c in chars)


_DMP: Any = None


def dmp() -> Any:
    """The one diff-match-patch instance, made on first use, with no timeout."""
    global _DMP
    if _DMP is None:
        from diff_match_patch import diff_match_patch

        _DMP = diff_match_patch()
        _DMP.Diff_Timeout = 0  # each diff is small; never fall back to delete-all/insert-all
    return _DMP


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """(op, text) pieces turning `a` into `b`, word by word, semantically cleaned."""
    if a == b:
        return [(SAME, a)] if a else []
    alphabet = _Alphabet()
    diffs = dmp().diff_main(alphabet.encode(tokens(a)), alphabet.encode(tokens(b)), False)
    dmp().diff_cleanupSemantic(diffs)
    return [(_OPS[op], alphabet.decode(chunk)) for op, chunk in diffs if chunk]


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Shared words of two bags of words (Dice), 0–1. A cheap linear measure to
    decide pairing; the real diff runs only on what is paired."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def bag(text: str) -> Counter[str]:
    """The words and marks of a text, counted (white space left out)."""
    return Counter(_WORD.findall(text))
