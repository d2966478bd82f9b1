"""The shortcuts of session 8's speed work give what the rules as first written give, on a
generated chain of decisions (bench/bench_history.py's repository, small):

- Index.ordinal and page_ordinal, now counted on first use with an item's list read off its
  address, are the counts of the rule as written (a unit's number within its list or container,
  on the whole and on its page);
- the redline trail's `forward` (amend/diff/trail.py), which moves an address in a section none of
  whose containers a step shifted by the section's own move only, is the step-by-step rule.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from amend.address import TOP, Address
from amend.apply import Step, apply_steps
from amend.diff.trail import Trail, _is_container, _Step
from amend.history import build_timeline, chain_to
from amend.history_load import load_history
from amend.resolve import Index
from amend.tree import walk

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> list[Step]:
    sys.path.insert(0, str(BENCH))
    try:
        from bench_history import make_repository
    finally:
        sys.path.remove(str(BENCH))
    root = tmp_path_factory.mktemp("chain")
    pid, _, files, kept = make_repository(root, 24, 6, 8)
    assert kept > 20  # the decisions do change the program
    program, patches = load_history(root, pid)
    timeline = build_timeline(program, patches, "2100-01-01")
    return apply_steps(program, list(chain_to(timeline, f"v{len(files)}")))


def _ordinals_as_written(ix: Index) -> tuple[list[int], list[int]]:
    counters: dict[tuple[Any, ...], int] = defaultdict(int)
    ordinal, page_ordinal = [], []
    for u in ix.units:
        key = (u.section, u.what, u.layout, u.column, u.row, u.block_path if u.what == "item" else None)
        counters[key] += 1
        ordinal.append(counters[key])
        counters[key + (u.page,)] += 1
        page_ordinal.append(counters[key + (u.page,)])
    return ordinal, page_ordinal


def test_ordinals_counted_on_first_use_are_the_rule_as_written(chain: list[Step]) -> None:
    previous = None
    items = 0
    for step in chain:
        ix = Index(step.before, previous=previous)
        assert (ix.ordinal, ix.page_ordinal) == _ordinals_as_written(ix)
        assert (ix.ordinal, ix.page_ordinal) == _ordinals_as_written(Index(step.before))
        items += sum(u.what == "item" for u in ix.units)
        previous = ix
    assert items > 0 and max(ix.ordinal) > 1


def _forward_as_written(s: _Step, a: Address) -> Address | None:
    if a and a[0] == "h":
        section = _forward_as_written(s, Address(a[1:]))
        return None if section is None else Address(("h", *section))
    out: list[Any] = []
    for p, step in enumerate(a):
        prefix = Address(a[:p]).owner if p else TOP
        if isinstance(step, int) and _is_container(a[:p]) and prefix in s.shifts:
            moved = s.shifts[prefix].image(step, s.sorted_(prefix))
            if moved is None:
                return None
            out.append(moved)
        else:
            out.append(step)
    return Address(out)


def test_forward_is_the_step_by_step_rule(chain: list[Step]) -> None:
    trail = Trail(chain)
    moved = gone = asked = 0
    for s in trail.steps:
        for section in range(len(s.step.before.sections)):
            for a, _ in walk(s.step.before.sections[section], Address.section(section)):
                want = _forward_as_written(s, a)
                assert s.forward(a) == want, a
                asked += 1
                moved += want is not None and want != a
                gone += want is None
    assert asked > 1000 and moved > 0 and gone > 0  # sections moved and nodes deleted: both paths taken


def test_a_version_amend_made_is_pruned_as_afresh(chain: list[Step]) -> None:
    """apply_steps does not look into the sections a later decision leaves (amend pruned them when it
    made the version): each result is the one pruning the whole program gives."""
    from amend.apply import adopt

    emptied = 0
    for step in chain[1:]:
        assert adopt(step.before, step.patch, step.resolution.edits) == step.result
        emptied += any(e.action == "delete_block" for e in step.resolution.edits)
    assert emptied > 0


def test_units_made_without_init_are_the_dataclass_units(chain: list[Step]) -> None:
    """tree.Unit.made sets the fields at once: each unit equals the one Unit(...) makes, field for field."""
    from dataclasses import astuple, fields

    from amend.tree import Unit, iter_units

    names = [f.name for f in fields(Unit)]
    seen = set()
    for u in iter_units(chain[-1].result):
        built = Unit(**{n: getattr(u, n) for n in names})
        assert u == built and list(vars(u)) == names and astuple(u) == astuple(built)
        seen.add((u.what, u.row is not None, u.column is not None))
    assert {("paragraph", False, False), ("item", False, False), ("paragraph", True, True),
            ("paragraph", False, True)} <= seen
