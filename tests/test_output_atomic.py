"""A run publishes all its outputs or none: against a concurrent run into the same
folder, at SIGINT, SIGTERM and SIGHUP, when a rename fails; and it leaves no
temporary file or lock behind. Also: the written bytes do not depend on the output
folder or the install, and no two outputs of a run are one file.

The CI profile runs a few real `amend apply` races and interruptions plus many
cheap ones of write_all with a slowed disk (tests/output_child.py), which overlap
every time rather than now and then; bench/bench_outputs.py runs 100 real pairs
and 50 real interruptions.
"""
from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import output_stress as stress
import pytest
from conftest import PATCH, PROGRAM, ROOT

from amend.errors import OutputError
from amend.output import STAGE_PREFIX, STAGE_SUFFIX, write_all

SIGNALS = list(stress.SIGNALS.values())


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """The whole sets of runs A and B, each written alone (and a work folder)."""
    work = tmp_path_factory.mktemp("work")
    return work, stress.reference_sets(work)


# ---------------------------------------------------------------- concurrent runs


@pytest.mark.parametrize("interleave", [True, False], ids=["interleaved", "jittered"])
@pytest.mark.parametrize("n", range(4))
def test_two_slow_writers_into_one_folder_leave_one_whole_set(tmp_path, n, interleave):
    codes, err = stress.slow_pair(tmp_path / "out", tmp_path, interleave=interleave)
    assert codes == [0, 0], err
    assert stress.classify(tmp_path / "out", stress.child_sets()) in ("A", "B")


@pytest.mark.parametrize("n", range(3))
def test_two_amend_apply_runs_into_one_folder_leave_one_whole_set(sets, n):
    work, refs = sets
    folder = work / f"pair-{n}"
    _, codes, err = stress.apply_pair(folder, work)
    assert codes == [0, 0], err
    assert stress.classify(folder, refs) in ("A", "B")


def test_a_run_replacing_an_older_set_replaces_all_of_it(sets):
    work, refs = sets
    folder = work / "again"
    for patch, tag in ((PATCH, "A"), (work / "other-decision.yaml", "B")):
        subprocess.run(stress.amend_cmd("apply", PROGRAM, patch, "-o", folder), env=stress.child_env(), check=True,
                       capture_output=True)
        assert stress.classify(folder, refs) == tag


# ---------------------------------------------------------------- signals


@pytest.mark.parametrize("sig", SIGNALS, ids=list(stress.SIGNALS))
@pytest.mark.parametrize("moment", ["write", "publish"])
def test_a_signal_while_writing_leaves_nothing_or_the_whole_set(tmp_path, sig, moment):
    code, err = stress.interrupted_child(tmp_path / "out", sig, moment)
    assert "Traceback" not in err
    left = stress.classify(tmp_path / "out", stress.child_sets(tags="A"))
    if moment == "write":
        assert left == "nothing"  # stopped before publishing: and no staging folder left
        assert code in (-sig, 1)  # dies of the signal (SIGINT: Python's KeyboardInterrupt)
    else:
        assert left == "A"  # held back while renaming: the set is whole, then the run stops
        assert code in (-sig, 1)


@pytest.mark.parametrize("sig", SIGNALS, ids=list(stress.SIGNALS))
def test_amend_apply_interrupted_while_writing_leaves_nothing_or_the_whole_set(sets, sig):
    work, refs = sets
    folder = work / f"stopped-{sig}"
    code, err = stress.interrupted_apply(folder, sig, "write", random.Random(sig), span=1.0)
    assert "Traceback" not in err
    assert stress.classify(folder, {"A": refs["A"]}) in ("nothing", "A")


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path):
    """SIGKILL cannot be caught: the staging folder stays, until the next run."""
    out = tmp_path / "out"
    proc = stress.child(out, "A", "--slow-sync", 0.2)
    stress.wait_for_anything(out, proc)
    proc.kill()
    proc.wait()
    assert [n for n in stress.listing(out) if n.startswith(STAGE_PREFIX)]
    assert stress.child(out, "B").wait() == 0
    assert stress.classify(out, stress.child_sets()) == "B"


def test_a_live_runs_staging_folder_is_left_alone(tmp_path):
    import fcntl

    out = tmp_path / "out"
    live, dead = out / f"{STAGE_PREFIX}live{STAGE_SUFFIX}", out / f"{STAGE_PREFIX}dead{STAGE_SUFFIX}"
    live.mkdir(parents=True)
    dead.mkdir()
    (dead / "x").write_bytes(b"x")
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        write_all({out / "a.txt": b"a"})
        assert sorted(os.listdir(out)) == sorted(["a.txt", live.name])
    finally:
        os.close(fd)


# ---------------------------------------------------------------- failures while publishing


def test_a_failed_rename_puts_back_the_set_before(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = {out / f"f{i}.txt": f"old {i}".encode() for i in range(4)}
    write_all(old)
    real, calls = os.replace, []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(errno.EIO, "Input/output error", dst)
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError) as exc:
        write_all({p: b"new" for p in old})
    assert str(exc.value) == f"{out / 'f2.txt'}: cannot be written: Input/output error; nothing was changed"
    assert sorted(os.listdir(out)) == sorted(p.name for p in old)
    assert all(p.read_bytes() == data for p, data in old.items())


def test_a_failed_rename_of_a_first_set_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    real, calls = os.replace, []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", dst)
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError):
        write_all({out / "a.txt": b"a", out / "b.txt": b"b", out / "c.txt": b"c"})
    assert os.listdir(out) == []


def test_a_full_disk_names_the_output_not_a_temporary_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as exc:
        write_all({tmp_path / "out" / "x.docx": b"x"})
    assert str(exc.value) == f"{tmp_path / 'out' / 'x.docx'}: cannot be written: No space left on device; " \
                             "nothing was written"
    assert os.listdir(tmp_path / "out") == []


def test_a_read_only_folder_is_named_not_a_temporary_file(tmp_path, monkeypatch):
    import tempfile

    def read_only(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "out" / ".amend-x.tmp"))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    with pytest.raises(OutputError) as exc:
        write_all({tmp_path / "out" / "x.yaml": b"x"})
    assert str(exc.value) == f"{tmp_path / 'out'}: cannot write in this folder: Read-only file system; " \
                             "nothing was written"


# ---------------------------------------------------------------- one file, two names


def _diff_inputs(tmp_path):
    shutil.copy(PROGRAM, tmp_path / "old.yaml")
    subprocess.run(stress.amend_cmd("apply", PROGRAM, PATCH, "-o", tmp_path / "adopted"), env=stress.child_env(),
                   check=True, capture_output=True)
    return tmp_path / "old.yaml", tmp_path / "adopted" / stress.NAMES[0]


@pytest.mark.parametrize("spelling", ["same", "absolute", "dot", "symlink", "folder-symlink"])
def test_diff_refuses_docx_and_html_naming_one_file(tmp_path, amend, monkeypatch, spelling):
    old, new = _diff_inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    other = {"same": "sub/F", "absolute": str(tmp_path / "sub" / "F"), "dot": "./sub/F", "symlink": "link",
             "folder-symlink": "sublink/F"}[spelling]
    os.symlink("sub/F", "link")  # dangling until F is written
    os.symlink("sub", "sublink")
    res = amend("diff", old, new, "--docx", "sub/F", "--html", other)
    assert res.code == 2, res.err
    assert "--docx and --html name the same file" in res.err
    assert os.listdir(tmp_path / "sub") == []


def test_diff_writes_both_when_they_differ(tmp_path, amend):
    old, new = _diff_inputs(tmp_path)
    res = amend("diff", old, new, "--docx", tmp_path / "r.docx", "--html", tmp_path / "r.html")
    assert res.code == 0, res.err
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "r.html").read_text("utf-8").lstrip().lower().startswith("<!doctype html")


def test_an_output_hard_linked_to_an_input_is_refused(tmp_path, amend):
    old, new = _diff_inputs(tmp_path)
    os.link(old, tmp_path / "alias.html")
    before = old.read_bytes()
    res = amend("diff", old, new, "--html", tmp_path / "alias.html")
    assert res.code == 1
    assert "would overwrite the input file" in res.err
    assert old.read_bytes() == before


def test_two_outputs_of_one_run_that_are_one_file_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink("a.txt", "link.txt")
    for other in ("link.txt", tmp_path / "a.txt", "sub/../a.txt"):
        os.makedirs("sub", exist_ok=True)
        with pytest.raises(OutputError, match="is the same file as the output a.txt"):
            write_all({Path("a.txt"): b"1", Path(other): b"2"})
        assert sorted(os.listdir(tmp_path)) == ["link.txt", "sub"]


# ---------------------------------------------------------------- bytes that depend on nothing else


def test_adopted_yaml_is_the_same_bytes_in_any_output_folder(sets, tmp_path):
    _, refs = sets
    deep = tmp_path / "a" / "b" / "c"
    subprocess.run(stress.amend_cmd("apply", PROGRAM, PATCH, "-o", deep), env=stress.child_env(), check=True,
                   capture_output=True, cwd=tmp_path / "..")
    for name in stress.NAMES:
        assert (deep / name).read_bytes() == refs["A"][name], name
    assert refs["A"][stress.NAMES[0]].startswith(b"# yaml-language-server: $schema=../schemas/program.schema.json\n")


def test_imported_and_extracted_files_name_the_repository_schemas(tmp_path, amend):
    from conftest import PROTOCOL

    res = amend("extract", PROTOCOL, "--program", PROGRAM, "-o", tmp_path / "deep" / "er" / "p.yaml")
    assert res.code == 0, res.err
    assert (tmp_path / "deep" / "er" / "p.yaml").read_bytes().startswith(
        b"# yaml-language-server: $schema=../../schemas/patch.schema.json\n")
    assert amend("render", PROGRAM, "-o", tmp_path / "docx").code == 0
    imported = tmp_path / "a" / "b" / "c" / "program.yaml"
    res = amend("import", tmp_path / "docx" / "valdsforebyggande-2025-2027.proposed.docx", "-o", imported)
    assert res.code == 0, res.err
    assert imported.read_bytes().startswith(b"# yaml-language-server: $schema=../schemas/program.schema.json\n")


def test_the_same_bytes_from_a_pip_install_as_from_the_source_tree(sets, tmp_path):
    """`pip install .` (here into a folder of its own) writes what the editable install writes."""
    _, refs = sets
    site = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                          "--target", str(site), str(ROOT)], capture_output=True, text=True)
    if pip.returncode != 0:
        pytest.skip(f"pip cannot build amend here: {pip.stderr[-300:]}")
    out = tmp_path / "out"
    env = {**stress.child_env(), "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-c", "import amend, cli; print(amend.__file__); cli.main()",
                          "apply", str(PROGRAM), str(PATCH), "-o", str(out)], env=env, capture_output=True,
                         text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(site))  # really the installed copy
    for name in stress.NAMES:
        assert (out / name).read_bytes() == refs["A"][name], name
