"""Version identity: patches chain base → produces, and no chain names a version twice.

`amend apply P X X` with X producing its own base applied X's amendments to their
own result ("med regionen och polisen och polisen."), exit 0. The rule lives in the
core (amend.apply.check_chain), so every caller gets it.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import PATCH, PROGRAM

from amend.apply import apply_patch, apply_steps, check_chain
from amend.errors import VersionMismatch
from amend.load import load_patch, load_program

PATCH_TEXT = PATCH.read_text("utf-8")


def _patch(tmp_path, name: str, base: str, produces: str) -> str:
    text = PATCH_TEXT.replace("base: proposed", f"base: {base}").replace("produces: adopted", f"produces: {produces}")
    assert f"base: {base}\n" in text and f"produces: {produces}\n" in text
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def _refused(res, tmp_path, message: str):
    assert res.code == 1, res.err
    assert res.err.splitlines() == [f"error: {message}"]
    assert not (tmp_path / "out").exists()


def test_a_patch_producing_its_own_base_is_refused(amend, tmp_path):
    x = _patch(tmp_path, "x.yaml", "proposed", "proposed")
    res = amend("apply", PROGRAM, x, x, "-o", tmp_path / "out")
    _refused(res, tmp_path, f"{x}: produces the version 'proposed', which is the version it is worded against "
                            "(base); a patch must produce a new version, or its amendments would be applied to "
                            "their own result")
    res = amend("apply", PROGRAM, x, "-o", tmp_path / "out")
    assert res.code == 1 and "produces the version 'proposed', which is the version it is worded" in res.err


def test_the_same_patch_twice_is_refused(amend, tmp_path):
    copy = _patch(tmp_path, "copy.yaml", "proposed", "adopted")
    for twice in ((PATCH, PATCH), (PATCH, copy)):
        res = amend("apply", PROGRAM, *twice, "-o", tmp_path / "out")
        _refused(res, tmp_path, f"{twice[1]}: is the same patch as {PATCH}; each patch applies once")


def test_a_chain_back_to_the_programs_version_is_refused(amend, tmp_path):
    there = _patch(tmp_path, "there.yaml", "proposed", "adopted")
    back = _patch(tmp_path, "back.yaml", "adopted", "proposed")
    res = amend("apply", PROGRAM, there, back, "-o", tmp_path / "out")
    _refused(res, tmp_path, f"{back}: produces the version 'proposed', which is the program's own version; the "
                            "versions go round in a circle (proposed → adopted → proposed); each version must be new")


def test_a_chain_whose_versions_loop_later_is_refused(amend, tmp_path):
    a = _patch(tmp_path, "a.yaml", "proposed", "v1")
    b = _patch(tmp_path, "b.yaml", "v1", "v2")
    c = _patch(tmp_path, "c.yaml", "v2", "v1")
    res = amend("apply", PROGRAM, a, b, c, "-o", tmp_path / "out")
    _refused(res, tmp_path, f"{c}: produces the version 'v1', which is produced before by {a}; the versions go "
                            "round in a circle (proposed → v1 → v2 → v1); each version must be new")


def test_a_chain_out_of_order_names_the_patch_before(amend, tmp_path):
    a = _patch(tmp_path, "a.yaml", "proposed", "v1")
    c = _patch(tmp_path, "c.yaml", "v2", "v3")
    res = amend("apply", PROGRAM, a, c, "-o", tmp_path / "out")
    _refused(res, tmp_path, f"{c}: is worded against the version 'v2', but the patch before it ({a}) produces the "
                            "version 'v1'")


def test_the_chain_is_checked_before_anything_is_resolved(tmp_path):
    """A broken chain is reported as such, even when a later patch would also fail to apply."""
    program = load_program(PROGRAM)
    bad = load_patch(_patch(tmp_path, "a.yaml", "proposed", "proposed"))
    with pytest.raises(VersionMismatch, match="which is the version it is worded against"):
        check_chain(program, [bad])
    with pytest.raises(VersionMismatch, match="which is the version it is worded against"):
        apply_steps(program, [bad])
    with pytest.raises(VersionMismatch, match="which is the version it is worded against"):
        apply_patch(program, bad)


def test_a_good_chain_passes_and_applies(tmp_path):
    program = load_program(PROGRAM)
    first = load_patch(PATCH)
    later = replace(first, base="adopted", produces="revised", amendments=first.amendments[1:2])
    later = replace(later, amendments=(replace(later.amendments[0], value="Fackliga parter erbjuds mer."),))
    check_chain(program, [first, later])
    steps = apply_steps(program, [first, later])
    assert [s.result.meta.version for s in steps] == ["adopted", "revised"]


def test_extract_refuses_to_produce_the_programs_own_version(amend, tmp_path):
    from conftest import PROTOCOL

    res = amend("extract", PROTOCOL, "--program", PROGRAM, "--produces", "proposed", "-o", tmp_path / "p.yaml")
    assert res.code == 1
    assert "produces the version 'proposed', which is the version it is worded against" in res.err
    assert not (tmp_path / "p.yaml").exists()
