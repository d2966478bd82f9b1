"""Words: the word-level diff of one text against another, and how alike two texts are.

A text's diff marks the fewest characters a reader can follow, as Word's compare does. Whole
sentences both texts have (of at least KEPT_SENTENCE_WORDS words) are matched first and always
kept; between them, the words kept are those of the heaviest common subsequence of the two
texts' words, a word weighing its letters (what is kept is what is not marked, so this marks
the fewest characters), and a word is never split. A kept run between two changes needs a word
of two letters or more: a lone "i" or comma is not kept between rewritten runs. So a shared start
or end ("polisen" → "polisen och räddningstjänsten": only " och räddningstjänsten" is inserted)
and a shared word inside a rewritten run ("Samverkan med skolan sker" → "Dialog med nämnden
görs": " med " kept) are kept, where the amendment's own words put them; the white space either
side of a changed run that both texts have is kept with it.

The common subsequence is found over the pairs of equal words only (a Fenwick tree of the best
chain so far, O(pairs · log n)); a text with more pairs than MATCH_LIMIT (one word repeated
hundreds of times) falls back to diff-match-patch with its semantic clean-up. Every diff is
small (one paragraph's words, or one sequence of keys in amend.diff.align), so diff-match-patch
runs with `Diff_Timeout = 0`: the default timeout silently gives up on large inputs and returns a
useless delete-everything/insert-everything.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..text import sentence_spans

SAME, INS, DEL = "=", "+", "-"
_OPS = {0: SAME, 1: INS, -1: DEL}

# A word is never split, and a date, a number, a case number or a compound is one word: word
# characters joined by a hyphen, dot, slash or colon between them ("2026-01-15", "2026.001",
# "HR-avdelningen", "kl. 9:30"), or by a comma between digits ("1,5"); so "2026-01-15" → "2026-03-01"
# strikes and adds the date whole rather than keeping a "2026" and a "-01" of it.
_TOKEN = re.compile(r"\w+(?:[-\u2010\u2011./:]\w+|(?<=\d),\d+)*|\s+|[^\w\s]")
_WORD = re.compile(r"\w+|[^\w\s]")  # words and marks, as how alike two texts are counts them
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
    them the heaviest words both have (see the module docstring)."""
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
    """The word-token diff of a and b: the words kept are those of a longest common
    subsequence weighted by their letters (what marks the fewest characters), and kept
    runs only with a word of two letters or more in them (see the module docstring)."""
    if a == b:
        return [(SAME, a)] if a else []
    ta, tb = tokens(a), tokens(b)
    p = 0
    while p < len(ta) and p < len(tb) and ta[p] == tb[p]:
        p += 1
    s = 0
    while s < len(ta) - p and s < len(tb) - p and ta[-1 - s] == tb[-1 - s]:
        s += 1
    kept = _kept_runs(ta[p:len(ta) - s], tb[p:len(tb) - s])
    if kept is None:  # too many ways to match (a text of one repeated word): the old diff
        return _semantic_diff(a, b)
    out: list[tuple[str, str]] = [(SAME, "".join(ta[:p]))]
    i = j = p
    for ka, kb, n in [*((x + p, y + p, n) for x, y, n in kept), (len(ta) - s, len(tb) - s, s)]:
        out += _gap("".join(ta[i:ka]), "".join(tb[j:kb]))
        out.append((SAME, "".join(ta[ka:ka + n])))
        i, j = ka + n, kb + n
    return _merged(out)


def _gap(a: str, b: str) -> list[tuple[str, str]]:
    """Between kept runs: `a` deleted and `b` inserted, the white space both start or end with kept."""
    if a == b:
        return [(SAME, a)]
    lead = 0
    while lead < len(a) and lead < len(b) and a[lead] == b[lead] and a[lead].isspace():
        lead += 1
    tail = 0
    while tail < len(a) - lead and tail < len(b) - lead and a[-1 - tail] == b[-1 - tail] and a[-1 - tail].isspace():
        tail += 1
    return [(SAME, a[:lead]), (DEL, a[lead:len(a) - tail]), (INS, b[lead:len(b) - tail]), (SAME, a[len(a) - tail:])]


MATCH_LIMIT = 200_000  # pairs of equal words a diff weighs at most


def _kept_runs(ta: list[str], tb: list[str]) -> list[tuple[int, int, int]] | None:
    """(start in ta, start in tb, tokens) of each run kept: the words of the heaviest common
    subsequence (a word weighs its length), in runs of words next to each other in both texts
    (white space between them) that have a word of two letters or more. None: too many matches."""
    wa = [k for k, t in enumerate(ta) if not t.isspace()]
    wb = [k for k, t in enumerate(tb) if not t.isspace()]
    where: dict[str, list[int]] = {}
    for y, k in enumerate(wb):
        where.setdefault(tb[k], []).append(y)
    if sum(len(where.get(ta[k], ())) for k in wa) > MATCH_LIMIT:
        return None
    tree = _Chains(len(wb))
    nodes: list[tuple[int, int, int]] = []  # (x, y, previous node)
    for x, k in enumerate(wa):
        for y in reversed(where.get(ta[k], ())):  # later first, so that a word is not chained to itself in this row
            best, prev = tree.best(y)
            nodes.append((x, y, prev))
            tree.offer(y + 1, best + len(ta[k]), len(nodes) - 1)
    node = tree.best(len(wb))[1]
    chain: list[tuple[int, int]] = []
    while node >= 0:
        x, y, node = nodes[node]
        chain.append((wa[x], wb[y]))
    chain.reverse()
    runs: list[list[int]] = []  # [start in ta, start in tb, tokens, weightiest word]
    for ka, kb in chain:
        last = runs[-1] if runs else None
        if last and ka - last[0] == kb - last[1] and ta[last[0] + last[2]:ka] == tb[last[1] + last[2]:kb] \
                and all(t.isspace() for t in ta[last[0] + last[2]:ka]):
            last[2], last[3] = ka + 1 - last[0], max(last[3], _weight(ta[ka]))
        else:
            runs.append([ka, kb, 1, _weight(ta[ka])])
    return [(ka, kb, n) for ka, kb, n, w in runs if w >= 2]


class _Chains:
    """A Fenwick tree over the positions of the second text's words: the heaviest chain of
    matched words ending at or before a position, and the node that ends it."""

    def __init__(self, m: int) -> None:
        self.m, self.value, self.node = m, [0] * (m + 1), [-1] * (m + 1)

    def best(self, q: int) -> tuple[int, int]:
        """(weight, node) of the heaviest chain ending at one of the first `q` positions."""
        best, node = 0, -1
        while q > 0:
            if self.value[q] > best:
                best, node = self.value[q], self.node[q]
            q -= q & -q
        return best, node

    def offer(self, q: int, value: int, node: int) -> None:
        """A chain of this weight ends at position `q` (from 1)."""
        while q <= self.m:
            if self.value[q] < value:
                self.value[q], self.node[q] = value, node
            q += q & -q


def _weight(token: str) -> int:
    """What keeping a token weighs: a word its letters; punctuation nothing on its own."""
    return len(token) if token[0].isalnum() or token[0] == "_" else 0


def _semantic_diff(a: str, b: str) -> list[tuple[str, str]]:
    """The word-token diff of a and b, semantically cleaned (diff-match-patch): where the
    heaviest common words are too costly to find."""
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
