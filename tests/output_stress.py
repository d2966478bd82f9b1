"""Runs that race and runs that are interrupted, for tests/test_output_atomic.py
(a few of each, in CI) and bench/bench_outputs.py (100 pairs, 50 interruptions).

Every check ends in `classify(folder, sets)`: what a run (or two) left in its
output folder is either nothing, or exactly one whole set of the expected ones
(name by name, byte by byte), or it is reported as what it is: a mixed set, a
partial one, a temporary file or a lock left behind.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
PATCH = ROOT / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"
CHILD = ROOT / "tests" / "output_child.py"
NAMES = tuple(f"valdsforebyggande-2025-2027.adopted.{ext}" for ext in ("yaml", "docx", "redline.docx", "redline.html"))
SIGNALS = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP}


def amend_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "cli", *map(str, args)]


def child_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1761091200"}


def default_signals() -> None:
    """In the child: the signals as in a terminal's foreground job. A job started
    in the background (nohup, `&`, some CI runners) inherits SIGINT and SIGHUP
    ignored, and a run that ignores them is no test of what they do."""
    for sig in SIGNALS.values():
        signal.signal(sig, signal.SIG_DFL)


def popen(cmd: list[str]) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=default_signals)


# ---------------------------------------------------------------- what was left


def listing(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except FileNotFoundError:
        return []


def classify(folder: Path, sets: dict[str, dict[str, bytes]]) -> str:
    """'nothing', the name of the one whole set found, or what is wrong."""
    names = listing(folder)
    if not names:
        return "nothing"
    for tag, files in sets.items():
        if names == sorted(files) and all((folder / n).read_bytes() == files[n] for n in names):
            return tag
    extra = [n for n in names if not any(n in files for files in sets.values())]
    if extra:
        return "left behind: " + ", ".join(extra)
    whose = {n: [t for t, files in sets.items() if files.get(n) == (folder / n).read_bytes()] for n in names}
    return "not one whole set: " + ", ".join(f"{n} from {'/'.join(w) or 'no run'}" for n, w in whose.items())


# ---------------------------------------------------------------- amend apply, for real


def second_patch(folder: Path) -> Path:
    """Another decision on the same version, producing the same version name:
    its outputs have the same names as the first one's, other bytes."""
    text = PATCH.read_text("utf-8").replace("samt med de fackliga parterna", "samt med skolorna")
    path = folder / "other-decision.yaml"
    path.write_text(text, "utf-8")
    return path


def reference_sets(work: Path) -> dict[str, dict[str, bytes]]:
    """The whole sets that runs A (the KSAU patch) and B (the other decision) write,
    each made alone in a folder of its own."""
    patches = {"A": PATCH, "B": second_patch(work)}
    sets = {}
    for tag, patch in patches.items():
        out = work / f"reference-{tag}"
        subprocess.run(amend_cmd("apply", PROGRAM, patch, "-o", out), env=child_env(), check=True,
                       capture_output=True)
        sets[tag] = {n: (out / n).read_bytes() for n in NAMES}
    return sets


def apply_pair(folder: Path, work: Path) -> tuple[str, list[int], str]:
    """Two `amend apply` runs, of two decisions, into one folder at the same time."""
    procs = [popen(amend_cmd("apply", PROGRAM, patch, "-o", folder)) for patch in (PATCH, work / "other-decision.yaml")]
    errs = [p.communicate()[1].decode() for p in procs]
    return folder.name, [p.returncode for p in procs], "".join(errs)


def wait_for_anything(folder: Path, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    """Until something appears in `folder` (the run has begun to write) or the run ends."""
    end = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < end:
        if listing(folder):
            return
        time.sleep(0.0005)


def interrupted_apply(folder: Path, sig: int, moment: str, rng: random.Random,
                      span: float, window: float = 0.003) -> tuple[int, str]:
    """One `amend apply` sent `sig` at a random moment: 'any' (from start to the
    run's usual end, `span` seconds) or 'write' (up to `window` seconds after it
    began to write)."""
    proc = popen(amend_cmd("apply", PROGRAM, PATCH, "-o", folder))
    if moment == "write":
        wait_for_anything(folder, proc)
        time.sleep(rng.uniform(0, window))
    else:
        time.sleep(rng.uniform(0, span))
    if proc.poll() is None:
        proc.send_signal(sig)
    return proc.wait(), proc.stderr.read().decode()


# ---------------------------------------------------------------- write_all with a slow disk


def child_sets(files: int = 8, size: int = 4096, tags=("A", "B")) -> dict[str, dict[str, bytes]]:
    """The sets tests/output_child.py writes, by tag."""
    return {t: {f"out-{i}.txt": (t.encode() * size)[:size] for i in range(files)} for t in tags}


def child(folder: Path, tag: str, *options) -> subprocess.Popen:
    return popen([sys.executable, str(CHILD), str(folder), tag, *map(str, options)])


def slow_pair(folder: Path, work: Path, slow: float = 0.02, interleave: bool = False) -> tuple[list[int], str]:
    """Two children write their sets into one folder at the same moment, each
    rename and each sync slowed, so that their writes overlap; `interleave`:
    B's renames are timed to fall between A's first and second."""
    go = work / f"{folder.name}.go"
    timing = {"A": ("--pause-after-first-rename", 8 * slow), "B": ("--pause-before-rename", 4 * slow)} \
        if interleave else {"A": (), "B": ()}
    procs = [child(folder, tag, "--slow-rename", slow, "--slow-sync", slow / 4, "--go", go,
                   "--ready", work / f"{folder.name}.{tag}.ready", *timing[tag]) for tag in ("A", "B")]
    while not all((work / f"{folder.name}.{t}.ready").exists() for t in ("A", "B")):
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.001)
    go.touch()
    errs = [p.communicate()[1].decode() for p in procs]
    return [p.returncode for p in procs], "".join(errs)


def interrupted_child(folder: Path, sig: int, moment: str, slow: float = 0.02) -> tuple[int, str]:
    """A child writing slowly, sent `sig` 'write': while it writes its files, or
    'publish': as soon as the first file has been renamed into place."""
    proc = child(folder, "A", "--slow-rename", slow, "--slow-sync", slow)
    end = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < end:
        names = listing(folder)
        if moment == "write" and names or moment == "publish" and any(n.startswith("out-") for n in names):
            break
        time.sleep(0.0005)
    if proc.poll() is None:
        proc.send_signal(sig)
    return proc.wait(), proc.stderr.read().decode()
