"""The bad-input corpus (tests/fixtures/bad, written by its make_corpus.py):
for each file, amend exits 1 with one clear message naming the file (and the
line and amendment where there is one), no traceback, nothing written, within
2 s of CPU; a sample of the heaviest runs in a subprocess with a memory limit,
measured: at most 300 MB and 2 s of CPU. Also: special files as inputs, the
limits, and the conflict check at scale."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

BAD = ROOT / "tests" / "fixtures" / "bad"
CORPUS: dict[str, dict] = json.loads((BAD / "corpus.json").read_text("utf-8"))
BASE = "_base/program.yaml"
MAX_CPU_SECONDS = 2.0
MAX_MEMORY_MB = 300


def args_for(rel: str, run: str, out: Path) -> list[str]:
    return {
        "patch": ["apply", BASE, rel, "-o", str(out)],
        "program": ["render", rel, "-o", str(out)],
        "import": ["import", rel, "-o", str(out / "program.yaml")],
        "minutes": ["extract", rel, "--program", BASE, "-o", str(out / "patch.yaml")],
    }[run]


def check_refusal(rel: str, case: dict, code: int, err: str, out: Path) -> None:
    assert code == 1, err
    assert "Traceback" not in err and "failed unexpectedly" not in err, err
    messages = [ln for ln in err.splitlines() if ln.startswith(("error: ", "needs a human: "))]
    assert len(messages) == 1, err
    assert len(err.splitlines()) <= 6, err[:2000]  # one message, not a flood of notes beside it
    [message] = messages
    kind = "needs a human" if case["run"] == "minutes" and message.startswith("needs") else "error"
    where = f"{kind}: {rel}:{case['line']}: " if case["line"] else f"{kind}: {rel}"
    assert message.startswith(where), (message, where)
    if case["line"] is None:
        assert message[len(where)] == ":", message
    if case["amendment"]:
        assert message[len(where):].startswith(f"{case['amendment']}: "), message
    assert case["says"] in message, (message, case["says"])
    if not case.get("writes"):  # extract writes what it understood, by design; all else writes nothing
        assert not out.exists() or not list(out.iterdir()), list(out.iterdir())


def test_the_corpus_is_what_its_script_writes():
    assert len(CORPUS) >= 200
    for rel in CORPUS:
        assert (BAD / rel).is_file(), rel
    on_disk = {str(p.relative_to(BAD)) for sub in ("patch", "program", "import", "minutes")
               for p in (BAD / sub).rglob("*") if p.is_file()}
    assert on_disk == set(CORPUS)
    kinds = {case["run"] for case in CORPUS.values()}
    assert kinds == {"patch", "program", "import", "minutes"}


@pytest.mark.parametrize("rel", sorted(CORPUS))
def test_bad_input_is_refused_with_one_clear_message(rel, tmp_path, monkeypatch):
    from cli import main

    monkeypatch.chdir(BAD)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    case = CORPUS[rel]
    out = tmp_path / "out"
    start = time.process_time()
    res = CliRunner().invoke(main, args_for(rel, case["run"], out), catch_exceptions=False)
    spent = time.process_time() - start
    check_refusal(rel, case, res.exit_code, res.stderr, out)
    assert spent <= MAX_CPU_SECONDS, f"{rel}: {spent:.2f} s"


# The heaviest: bombs, floods and hangs of the old code. Each runs as `amend`
# in its own process, with an address-space limit as a safety net, its memory
# (peak RSS) and CPU time measured by the kernel.
HEAVY = ["patch/alias-bomb.yaml", "patch/merge-bomb.yaml", "patch/nesting-5000.yaml", "patch/number-5000-digits.yaml",
         "patch/add-section-page-50000000.yaml", "patch/text-over-limit.yaml", "program/alias-bomb.yaml",
         "program/page-50000000.yaml", "import/part-over-limit.docx", "import/entity-billion-laughs.docx",
         "import/stream-bomb.pdf", "import/stream-over-limit.pdf", "minutes/hyphens-5000-in-quote.txt", "minutes/hyphens-giant-word.txt"]


def run_measured(args: list[str], cwd: Path, timeout: float = 20) -> tuple[int, str, float, float, float]:
    """(exit code, stderr, wall seconds, CPU seconds, peak MB) of `amend ARGS` in
    its own process. The process sets its own address-space and CPU limits (a
    safety net) before importing amend, so that it is started without a fork
    of this test process, whose memory would count as the child's peak."""
    code = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({2 * 2**30}, {2 * 2**30})); "
            f"resource.setrlimit(resource.RLIMIT_CPU, ({int(timeout)}, {int(timeout) + 1})); "
            f"import sys; sys.argv = ['amend'] + {args!r}; from cli import main; main()")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.monotonic()
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err_file, env=env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - start
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace")
    if wall >= timeout:
        pytest.fail(f"amend {' '.join(args)} ran for more than {timeout} s")
    return proc.returncode, err, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


@pytest.mark.parametrize("rel", HEAVY)
def test_heavy_bad_input_in_its_own_process_is_quick_and_small(rel, tmp_path):
    case = CORPUS[rel]
    out = tmp_path / "out"
    code, err, wall, cpu, peak = run_measured(args_for(rel, case["run"], out), BAD)
    check_refusal(rel, case, code, err, out)
    print(f"{rel}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MB")
    assert cpu <= MAX_CPU_SECONDS + 1.0, f"{rel}: {cpu:.2f} s CPU (the interpreter's start included)"
    assert peak <= MAX_MEMORY_MB, f"{rel}: {peak:.0f} MB"


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
@pytest.mark.parametrize("command", ["patch", "program", "import", "minutes"])
def test_special_files_are_refused_before_reading(special, command, tmp_path):
    if special == "fifo":
        os.mkfifo(tmp_path / "fifo")
        special = str(tmp_path / "fifo")
    elif not os.path.exists(special):
        pytest.skip(f"no {special} here")
    out = tmp_path / "out"
    code, err, wall, cpu, peak = run_measured(args_for(special, command, out), BAD, timeout=10)
    assert code == 1, err
    assert err.splitlines() == [f"error: {special}: is not a plain file (it is a device, a pipe or a socket); "
                                "give the path of a file"]
    assert not out.exists()


def test_a_folder_is_refused(tmp_path, amend, monkeypatch):
    monkeypatch.chdir(BAD)
    res = amend("validate", str(tmp_path))
    assert res.code == 2 and "is a directory" in res.err
    from amend.errors import SchemaError
    from amend.load import read_yaml

    with pytest.raises(SchemaError, match="is a folder, not a file"):
        read_yaml(tmp_path)


# ---------------------------------------------------------------- limits


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    from amend import limits
    from amend.errors import SchemaError
    from amend.load import read_yaml

    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(SchemaError) as exc:
        read_yaml(big)
    assert str(exc.value) == (f"{big}: the file (2,004 bytes) is over amend's limit of 1,000 bytes; split it, or "
                              "check that it is the right file")


def test_too_many_amendments(tmp_path, monkeypatch, amend):
    from amend import limits

    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("program: prov\nbase: v1\nproduces: v2\ndecision: {body: KF, date: \"2026-01-01\"}\n"
                                     "amendments:\n" + "".join(f"  - {{id: a{i}, delete: x}}\n" for i in range(11)),
                                     encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_AMENDMENTS", 10)
    res = amend("apply", BAD / BASE, "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [
        "error: p.yaml: the number of amendments (11) is over amend's limit of 10 amendments; split them over "
        "several patch files"])


def test_every_limit_is_in_the_readme():
    from amend import limits

    readme = (ROOT / "README.md").read_text("utf-8")
    names = [n for n in dir(limits) if n.isupper()]
    assert len(names) >= 10
    for n in names:
        assert f"`{n}`" in readme, n
        assert f"{getattr(limits, n):,}" in readme, n


# ---------------------------------------------------------------- conflicts at scale


def _insertions_at_one_point(n: int) -> list:
    from amend.address import section
    from amend.model import Amendment, Scope, Source
    from amend.resolve import Edit

    path = section(0).block(0)
    return [Edit("text", Amendment(f"a{i}", "insert", Scope(), Source("p.yaml", i + 1)), path=path, start=10, end=10,
                 new=f"x{i}", reads=((path, (3, 10)),), writes=((path, (10, 10)),)) for i in range(n)]


def test_many_insertions_at_one_point_are_checked_in_n_log_n():
    from amend.conflicts import find_conflicts

    edits = _insertions_at_one_point(20_000)
    start = time.process_time()
    assert find_conflicts(edits) == []
    assert time.process_time() - start < 2.0  # every pair: 200 million checks


def test_the_conflict_sweep_finds_exactly_the_overlapping_pairs():
    """Against the plain definition: every pair of amendments, `_overlap` on
    each write against the other's writes and reads."""
    import random
    from itertools import combinations

    from amend.address import from_tuple
    from amend.conflicts import _overlap, overlapping_pairs
    from amend.model import Amendment, Scope, Source
    from amend.resolve import Edit

    rng = random.Random(9)
    paths = [from_tuple(p) for p in [(0,), (0, 1), (0, 1, 2), (0, 1, "item"), (0, 1, "item", 0), (0, 1, "item", 1),
                                     (0, 2), ("h", 0), ("h", 1), (1, 0), ("+",), (0, 1, "+")]]

    def region():
        path = rng.choice(paths)
        if rng.random() < 0.2:
            return path, None
        a = rng.randint(0, 6)
        return path, (a, a if rng.random() < 0.4 else rng.randint(a, 8))

    for _ in range(2000):
        ams = [Amendment(f"a{i}", "insert", Scope(), Source("p.yaml", i + 1)) for i in range(rng.randint(1, 8))]
        edits = [Edit("text", rng.choice(ams), writes=tuple(region() for _ in range(rng.randint(0, 2))),
                      reads=tuple(region() for _ in range(rng.randint(0, 2)))) for _ in range(rng.randint(1, 12))]
        want = set()
        for x, y in combinations(edits, 2):
            if x.amendment is not y.amendment and (
                    any(_overlap(w, r) for w in x.writes for r in y.writes + y.reads)
                    or any(_overlap(w, r) for w in y.writes for r in x.reads)):
                want.add(frozenset((x.amendment.id, y.amendment.id)))
        got = overlapping_pairs(edits)
        assert {frozenset((a.id, b.id)) for a, b in got} == want
        assert len(got) == len(want)
