"""The redline of a decision: the original program against the final one, with
every change attributed to the amendment that made it.

It is built from what apply did: each step's resolved edits (amend.resolve.Edit) say which
spans of which texts changed and which blocks, items and sections were added or removed, in
the base that step was worded against; amend.diff.trail follows them through the steps, so a
chain of patches gives one redline in one pass, each change with its own amendments and
decision. Only where the edits do not say how a place changed (a section's text replaced
whole) are words diffed (amend.diff). Pure: no I/O.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .apply import Step
from .collector import without_collection
from .diff import DEL, INS, Redline, diff_programs
from .diff.trail import Trail
from .layout import decision_line

Words = tuple[str, str]  # (deleted text, inserted text) of one change


@without_collection  # the diff makes no reference cycles (amend.collector): a third of its time at 2,000 pages
def redline(steps: Sequence[Step]) -> Redline:
    """The redline of amend.apply.apply_steps(...): first base against last result."""
    red = diff_programs(steps[0].before, steps[-1].result, Trail(steps))
    red.default_decision = steps[-1].patch.decision
    _title_decisions(red, steps)
    for c in red.changes:
        c.decision = c.decision or red.default_decision
    return red


def _title_decisions(red: Redline, steps: Sequence[Step]) -> None:
    """A decision line added to the title block belongs to that decision, not the last."""
    language = steps[-1].result.meta.language
    lines = {decision_line(s.patch.decision, language): s.patch.decision for s in steps}
    words = _words(red)
    for c in red.changes:
        if c.what == "title" and c.n in words:
            c.decision = lines.get(words[c.n][1].strip(), c.decision)


def _words(red: Redline) -> dict[int, Words]:
    """change n -> (deleted text, inserted text), from the word segments."""
    out: dict[int, list[str]] = defaultdict(lambda: ["", ""])
    for segments in red.segments.values():
        for seg in segments:
            if seg.change is not None and seg.op in (DEL, INS):
                out[seg.change][seg.op == INS] += seg.text
    return {n: (d, i) for n, (d, i) in out.items()}


