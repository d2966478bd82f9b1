"""Words: the word-level diff of one text against another, and how alike two texts are.

A text's diff keeps what is meaningfully shared and nothing coincidental. Whole sentences
that both texts have (of at least KEPT_SENTENCE_WORDS words) are matched first and always
kept; between them, diff-match-patch diffs word tokens (a word is never split) and its
semantic clean-up drops each shared run no longer than the changes on both sides of it, so
a shared "och" or "i" between two rewritten runs is not kept, while a shared start or end
("polisen" → "polisen och räddningstjänsten": only " och räddningstjänsten" is inserted)
and a shared word between two one-word changes are. Without the sentence step, a sentence
kept between two longer rewritten runs would be struck and added again.

Every diff is small (one paragraph's words, or one sequence of keys in
amend.diff.align), so diff-match-patch runs with `Diff_Timeout = 0`: the
default timeout silently gives up on large inputs and returns a useless
delete-everything/insert-everything.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..text import sentence_spans

SAME, INS, DEL = "=", "+", "-"
_OPS = {0: SAME, 1: INS, -1: DEL}

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w+|[^\w\s]")  # the tokens that are not white space
_WORDS = re.compile(r"\w+")
_MORE = re.compile(r"[.!?]\W*\s+\w")  # a sentence may end here and another begin
KEPT_SENTENCE_WORDS = 3  # a sentence both texts have is kept whole from this many words ("Ja." may be chance)


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
    """(op, text) pieces turning `a` into `b`: the sentences both have kept, and between
    them word by word, semantically cleaned (see the module docstring)."""
    if a == b:
        return [(SAME, a)] if a else []
    out: list[tuple[str, str]] = []
    for gap_a, gap_b, kept in _sentence_gaps(a, b):
        out += _tokens_diff(gap_a, gap_b) + ([(SAME, kept)] if kept else [])
    return _merged(out)


def _sentence_gaps(a: str, b: str) -> list[tuple[str, str, str]]:
    """(text of a, text of b, sentence both keep after them) from start to end: the kept
    sentences are those both texts have, in the same order, as a diff over sentences finds them."""
    if not (_MORE.search(a) or _MORE.search(b)):  # one sentence each: nothing to match first (fast)
        return [(a, b, "")]
    ka, kb = _sentences(a), _sentences(b)
    if len(ka) < 3 and len(kb) < 3:  # one sentence each (and maybe a space): nothing to match first
        return [(a, b, "")]
    codes: dict[str, str] = {}
    encoded = ("".join(codes.setdefault(t, chr(0x100 + len(codes))) for t in k) for k in (ka, kb))
    out: list[tuple[str, str, str]] = []
    gap, used = ["", ""], [0, 0]  # text of a and b since the last kept sentence; pieces of each used
    for op, chunk in dmp().diff_main(*encoded, False):
        for _ in chunk:
            piece = ka[used[0]] if op <= 0 else kb[used[1]]  # a shared piece (op 0) is the same in both
            if op == 0 and _keeps(piece):
                out.append((gap[0], gap[1], piece))
                gap = ["", ""]
            else:
                gap = [gap[0] + piece * (op <= 0), gap[1] + piece * (op >= 0)]
            used = [used[0] + (op <= 0), used[1] + (op >= 0)]
    return [*out, (gap[0], gap[1], "")]


def _keeps(piece: str) -> bool:
    """Is this piece, in both texts, a sentence kept whole (not a space, nor a two-word "Ja tack.")?"""
    return len(_WORDS.findall(piece)) >= KEPT_SENTENCE_WORDS


def shares_sentence(a: str, b: str) -> bool:
    """Do both texts have one whole sentence (of KEPT_SENTENCE_WORDS words or more)?"""
    if "." not in a or "." not in b:  # one sentence at most that ends with a full stop: equal texts, else no
        return False
    mine = {t for t in _sentences(a) if _keeps(t)}
    return any(t in mine for t in _sentences(b))


def _sentences(text: str) -> list[str]:
    """The text's sentences and the spacing between them, in order: the pieces join to the text."""
    out, end = [], 0
    for start, stop in sentence_spans(text, split_uncertain=True):  # a cut in doubt only makes shorter runs
        out += [text[end:start], text[start:stop]]
        end = stop
    return [p for p in [*out, text[end:]] if p]


def _merged(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for op, text in pieces:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def _tokens_diff(a: str, b: str) -> list[tuple[str, str]]:
    """The word-token diff of a and b, semantically cleaned."""
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
