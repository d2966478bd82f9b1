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
        assert not gc.isenabled()  # paused, not only frozen: no collection at a stage's first allocation
        first = gc.get_freeze_count()
        made = [[n] for n in range(1000)]  # noqa: F841 - objects that the next keep() freezes
        keep()
        assert gc.get_freeze_count() >= first + 1000
        raise ValueError
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_apply_leaves_nothing_frozen(tmp_path: Path) -> None:
    assert gc.get_freeze_count() == 0
    done = commands.apply_patches(load_program(PROGRAM), [load_patch(PATCH)], tmp_path)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert sorted(p.name for p in done.written) == sorted(p.name for p in tmp_path.iterdir())


def test_collected_once_collects_the_cycles_it_made_and_no_collection_runs_inside() -> None:
    import weakref

    from amend.collector import collected_once

    class Node:
        pass

    seen: list[bool] = []

    @collected_once
    def make_cycle() -> weakref.ref:
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]  # a reference cycle, garbage on return
        seen.append(gc.isenabled())
        return weakref.ref(a)

    ref = make_cycle()
    assert seen == [False] and gc.isenabled()
    assert ref() is None  # the cycle was collected on the way out, not at some later collection


def test_streamed_parts_are_the_bytes_python_docx_gives(tmp_path: Path) -> None:
    """save() serialises each XML part straight into the zip (docx_package._FixedZip.stream):
    each member must be exactly python-docx's own XmlPart.blob."""
    import io
    import zipfile
    from datetime import datetime, timezone

    from docx.opc.part import XmlPart

    from amend.render.docx import DocxWriter
    from amend.render.docx_package import save

    doc = DocxWriter(load_program(PROGRAM)).render()
    data = save(doc, datetime(2025, 1, 1, tzinfo=timezone.utc), "Titel", "Kommun")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml_parts = [p for p in doc.part.package.parts if isinstance(p, XmlPart)]
        assert len(xml_parts) >= 5
        for part in xml_parts:  # the same objects that were saved: blob serialises them again
            assert z.read(part.partname.membername) == part.blob, part.partname
