"""A chain of decisions indexes each version from the one before (amend/resolve/index.py): the
sections a decision left are not walked again. The index so built is the one built afresh."""
from __future__ import annotations

from pathlib import Path

from amend.apply import apply_steps
from amend.load import load_patch, load_program
from amend.resolve import Index
from amend.tree import prune

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "amendments" / "valdsforebyggande-2025-2027"


def _facts(ix: Index) -> tuple[object, ...]:
    return (ix.units, dict(ix.by_page), dict(ix.by_section), ix.ordinal, ix.page_ordinal, dict(ix.headings),
            dict(ix.headings_on), ix.page_count)


def test_each_version_indexed_from_the_one_before_is_indexed_as_afresh() -> None:
    program = load_program(ROOT / "programs" / "valdsforebyggande-2025-2027.yaml")
    steps = apply_steps(program, [load_patch(p) for p in sorted(EXAMPLE.glob("*.yaml"))])
    previous = None
    shared = 0
    for step in steps:
        for version in (step.before, step.result):
            ix = Index(version, previous=previous)
            assert _facts(ix) == _facts(Index(version))
            shared += sum(a is b for a, b in zip(version.sections, previous.program.sections)) if previous else 0
            previous = ix
    assert shared > 0  # the versions do share sections, so units were taken from the index before


def test_pruning_keeps_the_sections_it_leaves() -> None:
    """A section with no empty list is the same object after pruning: the next version shares it."""
    program = load_program(ROOT / "programs" / "valdsforebyggande-2025-2027.yaml")
    pruned = prune(program, lambda b: False)
    assert pruned == program
    assert all(a is b for a, b in zip(pruned.sections, program.sections, strict=True))
