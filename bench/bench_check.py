"""How long `amend check` takes on the example repository, start-up included.

Not a test: run it by hand or in CI when start-up cost may have changed.

    python bench/bench_check.py [--runs 20] [--root .]

It runs the installed `amend check` (as a pre-commit hook or CI job would)
RUNS times and prints min / median / max wall time against the 0.4 s budget,
then the slowest imports (`python -X importtime`) and whether anything that
checking does not need (python-docx, jinja2, lxml) was imported. Uses
hyperfine as well when it is installed. Exit 1 when the median is over budget.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BUDGET = 0.4  # seconds, wall, including interpreter start-up
HEAVY = ("docx", "jinja2", "lxml")


def amend_command() -> list[str]:
    script = Path(sys.executable).with_name("amend")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def wall_times(cmd: list[str], runs: int) -> list[float]:
    subprocess.run(cmd, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"amend check failed (exit {done.returncode}):\n{done.stdout.decode()}{done.stderr.decode()}")
    return times


def slowest_imports(root: str, count: int = 12) -> list[tuple[int, str]]:
    code = f"import sys; sys.argv = ['amend', 'check', {root!r}]; import cli; cli.main()"
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and not m.group(2).strip() and len(m.group(2)) <= 1:  # top-level imports only
            rows.append((int(m.group(1)), m.group(3)))
    return sorted(rows, reverse=True)[:count]


def heavy_imports(root: str) -> list[str]:
    code = (f"import sys; sys.argv = ['amend', 'check', {root!r}]\nimport cli\ntry:\n    cli.main()\n"
            f"except SystemExit:\n    pass\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    return out.split("\n")[-2].split() if out.strip() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    args = parser.parse_args()
    cmd = amend_command() + ["check", args.root]
    times = wall_times(cmd, args.runs)
    median = statistics.median(times)
    print(f"amend check {args.root}: {args.runs} runs, wall min {min(times):.3f} s, "
          f"median {median:.3f} s, max {max(times):.3f} s (budget {BUDGET} s)")
    if shutil.which("hyperfine"):
        subprocess.run(["hyperfine", "--warmup", "2", "--runs", str(args.runs), " ".join(cmd)], check=False)
    print("\nslowest top-level imports (cumulative µs):")
    for us, name in slowest_imports(args.root):
        print(f"  {us:>8}  {name}")
    heavy = heavy_imports(args.root)
    print("\nheavy libraries imported by check: " + (", ".join(heavy) if heavy else "none"))
    return 0 if median <= BUDGET and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
