"""The redline stays linear in the size of the decision (issue 10 item 6).

Attributing each change to its amendment once scanned every edit of the patch
for every change: 10,000 changes x 10,000 edits at 2,000 pages, 36 s of a
143 s run. The edits are now indexed once; this counts how often the step's
list of edits is walked, so that a scan per change fails whatever the machine.
"""
from __future__ import annotations

import sys

from conftest import ROOT

from amend.apply import apply_steps
from amend.load import load_patch, load_program
from amend.redline import redline


class _Counted(list):
    """A list that counts the walks over it."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def test_each_change_finds_its_edits_without_a_scan_of_all_edits(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_apply import write_inputs

    program, patch = write_inputs(30, 120, tmp_path)
    steps = apply_steps(load_program(program), [load_patch(patch)])
    edits = steps[0].resolution.edits
    steps[0].resolution.edits = _Counted(edits)
    _Counted.walks = 0
    red = redline(steps)
    blocks = [c for c in red.changes if c.action in ("insert", "delete")]
    assert len(blocks) > 20  # the old code walked all edits at least once for each of these
    assert _Counted.walks <= 2


class _CountedDict(dict):
    """A dict that counts the walks over its items."""

    walks = 0

    def items(self):
        type(self).walks += 1
        return super().items()


def test_the_redline_docx_walks_its_paragraph_notes_once_not_once_per_table_cell(tmp_path):
    """The paragraph properties of each side were found by walking every noted paragraph of
    the whole document for each table cell (5,000 cells at 2,000 pages)."""
    from amend.render.redline_docx import RedlineWriter

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_apply import write_inputs

    program, patch = write_inputs(30, 120, tmp_path)
    writer = RedlineWriter(redline(apply_steps(load_program(program), [load_patch(patch)])))
    writer._one_side_break, writer._takes = _CountedDict(), _CountedDict()
    _CountedDict.walks = 0
    doc = writer.render()
    cells = sum(1 for _ in doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"))
    assert cells > 20 and writer._takes  # the old code walked both notes once for each cell
    assert _CountedDict.walks <= 2
