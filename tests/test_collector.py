"""amend.collector: the collector is paused or spared only while amend works, and as it was after
(the workbench runs `amend apply`'s job in a long-lived server: nothing may stay frozen there)."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from amend import commands
from amend.collector import paused, sparing
from amend.load import load_patch, load_program

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
PATCH = ROOT / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"


def test_paused_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_sparing_freezes_at_each_stage_and_unfreezes_after() -> None:
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError), sparing() as keep:
        first = gc.get_freeze_count()
        made = [[n] for n in range(1000)]  # noqa: F841 - objects that the next keep() freezes
        keep()
        assert gc.get_freeze_count() >= first + 1000
        raise ValueError
    assert gc.get_freeze_count() == 0


def test_apply_leaves_nothing_frozen(tmp_path: Path) -> None:
    assert gc.get_freeze_count() == 0
    done = commands.apply_patches(load_program(PROGRAM), [load_patch(PATCH)], tmp_path)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert sorted(p.name for p in done.written) == sorted(p.name for p in tmp_path.iterdir())
