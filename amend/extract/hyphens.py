"""Words joined across a line-end hyphen in the minutes, checked against the
program's own words."""
from __future__ import annotations

import dataclasses
import re

from ..messages import Msg, msg
from .against import Against
from .findings import Extraction, Finding, short
from .grammar import Grammar
from .instructions import Instruction, read_instruction


def rejoin(ins: Instruction, against: Against, g: Grammar, result: Extraction) -> Instruction:
    """Check each word joined across a line-end hyphen against the program's
    words: "förvalt-/ningar" is "förvaltningar" when the program says so, and
    "e-/tjänster" keeps its hyphen when the program writes "e-tjänster".
    When the program shows neither, the join stands and a person is asked to check.

    Linear in the text, however many joins it has: the words are found in one
    pass, each join's word by bisection, and the kept hyphens are put back in
    one pass at the end."""
    text = ins.text
    joins = [j - ins.start for j in ins.passage.joins if 0 < j - ins.start < len(text)]
    if not joins:
        return ins
    runs = [m.span() for m in _WORD_RUN.finditer(text)]  # the words, found once
    starts = [a for a, _ in runs]
    kept: list[int] = []  # joins where the hyphen goes back, last first
    unsure: list[Msg] = []  # joins the program cannot settle, last first
    for join in reversed(joins):
        begin, end = _word_around(runs, starts, join)
        if kept:
            end = min(end, kept[-1])  # a hyphen put back after this join ends the word
        if end - begin >= against.longest:  # longer than any word of the program: neither reading is one
            left, right = text[begin:min(join, begin + 61)], text[join:min(end, join + 61)]
            joined, hyphened = text[begin:begin + 61], left + "-" + right
            unsure.append(_unsure(joined, left, right, hyphened))
            continue
        left, right = text[begin:join], text[join:end]
        joined, hyphened = left + right, left + "-" + right
        if hyphened.lower() in against.words and joined.lower() not in against.words:
            kept.append(join)
            result.notes.append(Finding(ins.line, msg("extract.note.kept_hyphen", word=short(hyphened)), "",
                                        ins.title))
        elif joined.lower() not in against.words:
            unsure.append(_unsure(joined, left, right, hyphened))
    if unsure:  # one line per instruction, however many joins: the first one read, and how many more
        said = unsure[-1] if len(unsure) == 1 else msg("extract.check.unsure_joins", first=unsure[-1],
                                                        n=len(unsure) - 1)
        result.checks.append(Finding(ins.line, said, "", ins.title))
    if not kept:
        return ins
    pieces, prev = [], 0
    for join in reversed(kept):
        pieces += [text[prev:join], "-"]
        prev = join
    text = "".join(pieces) + text[prev:]
    return dataclasses.replace(ins, text=text, readings=read_instruction(g, text))


def _unsure(joined: str, left: str, right: str, hyphened: str) -> Msg:
    return msg("extract.check.unsure_join", joined=short(joined), left=short(left), right=short(right),
               hyphened=short(hyphened))


_WORD_RUN = re.compile(r"\w+")


def _word_around(runs: list, starts: list, at: int) -> tuple[int, int]:
    """(start, end) of the letters on both sides of offset `at`: the word run
    that ends at or holds `at` on the left, the one that holds it on the right."""
    from bisect import bisect_right

    k = bisect_right(starts, at) - 1  # the last run starting at or before `at`
    begin = end = at
    if k >= 0 and runs[k][0] < at <= runs[k][1]:
        begin = runs[k][0]
    if k >= 0 and runs[k][0] <= at < runs[k][1]:
        end = runs[k][1]
    return begin, end
