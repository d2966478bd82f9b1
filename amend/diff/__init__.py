"""Structural, word-level diff of two programs: what a reviewer sees in a redline.

The result, `Redline` (amend.diff.result), is a *merged* program that holds
both sides (deleted blocks stay where they were), and for every address in it
which side it belongs to and the word segments of its text. Renderers walk
the merged program (amend.tree.walk). Pure: no I/O.

    words    the word diff of two texts, and how alike two texts are
    align    which item of one sequence is which of the other
    result   Segment, Change, Redline
    build    diff_programs: the two programs aligned into the merged one

Addresses are amend.address's, among them Address.heading(s) for a section
heading, Address.title(i) for a line of the title block, a.column_heading(c)
for a column heading and a.row(r) for a table row.
"""
from __future__ import annotations

from ..tree import table_rows as rows
from ..tree import text_of, walk
from .align import align, places
from .build import PAIR_AT, diff_programs
from .result import Change, Redline, Segment
from .words import DEL, INS, SAME, overlap, tokens, word_diff

__all__ = ["DEL", "INS", "PAIR_AT", "SAME", "Change", "Redline", "Segment", "align", "diff_programs", "overlap",
           "places", "rows", "text_of", "tokens", "walk", "word_diff"]
