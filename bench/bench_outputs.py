"""Outputs as a set, the long run: concurrent `amend apply` pairs and interrupted runs.

Not a test (tests/test_output_atomic.py runs a few of each in CI); run it by hand:

    python bench/bench_outputs.py                 # 100 pairs, 50 interrupted runs, 20 slowed pairs
    python bench/bench_outputs.py --quick         # 10, 10 and 5
    python bench/bench_outputs.py --pairs 300 --interrupts 100 --seed 7

Pairs: two real `amend apply` runs of two decisions (both proposed → adopted, so
their outputs have the same names) start together into one empty folder. Then
slowed pairs: two write_all children (tests/output_child.py) whose renames are
timed to interleave. Interrupted: one `amend apply` is sent SIGINT, SIGTERM or
SIGHUP (in turn) at a random moment: half at any time from its start to its
usual end, half up to 3 or 30 ms after it began to write. After each, what the folder holds
is classified: nothing, one whole set (which), or what is wrong. Prints the
tallies, writes bench/results-outputs.json, exits 1 if anything was wrong.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import output_stress as stress  # noqa: E402

GOOD_PAIR = {"A", "B"}
GOOD_STOP = {"nothing", "A"}


def run_time(work: Path, runs: int = 3) -> float:
    """The usual wall time of one `amend apply` here: the span for random signals."""
    times = []
    for n in range(runs):
        start = time.perf_counter()
        subprocess.run(stress.amend_cmd("apply", stress.PROGRAM, stress.PATCH, "-o", work / f"timing-{n}"),
                       env=stress.child_env(), check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pairs(work: Path, refs: dict, n: int) -> tuple[Counter, list[str]]:
    seen, bad = Counter(), []
    for i in range(n):
        folder = work / f"pair-{i}"
        _, codes, err = stress.apply_pair(folder, work)
        left = stress.classify(folder, refs) if codes == [0, 0] else f"exit {codes}: {err.strip()[-200:]}"
        seen[left if left in GOOD_PAIR else "wrong"] += 1
        if left not in GOOD_PAIR:
            bad.append(f"pair {i}: {left}")
        shutil.rmtree(folder, ignore_errors=True)
    return seen, bad


def slow_pairs(work: Path, n: int) -> tuple[Counter, list[str]]:
    seen, bad = Counter(), []
    for i in range(n):
        folder = work / f"slow-{i}"
        codes, err = stress.slow_pair(folder, work, interleave=True)
        left = stress.classify(folder, stress.child_sets()) if codes == [0, 0] else f"exit {codes}: {err[-200:]}"
        seen[left if left in GOOD_PAIR else "wrong"] += 1
        if left not in GOOD_PAIR:
            bad.append(f"slowed pair {i}: {left}")
        shutil.rmtree(folder, ignore_errors=True)
    return seen, bad


def interrupts(work: Path, refs: dict, n: int, rng: random.Random, span: float) -> tuple[dict, list[str]]:
    seen: dict = {"left": Counter(), "exit": Counter(), "by": Counter()}
    bad = []
    names = list(stress.SIGNALS)
    for i in range(n):
        name = names[i % len(names)]
        moment = "write" if i % 2 else "any"
        folder = work / f"stopped-{i}"
        window = (0.003, 0.03)[i // 2 % 2]  # just after it began to write, or a little later
        code, err = stress.interrupted_apply(folder, stress.SIGNALS[name], moment, rng, span, window)
        left = stress.classify(folder, {"A": refs["A"]})
        if "Traceback" in err:
            left = "traceback: " + err.strip().splitlines()[-1]
        ok = left in GOOD_STOP
        seen["left"]["whole set" if left == "A" else left if ok else "wrong"] += 1
        seen["exit"][code] += 1
        seen["by"][f"{name} at {moment}: {'whole set' if left == 'A' else left if ok else 'wrong'}"] += 1
        if not ok:
            bad.append(f"run {i} ({name} at {moment}): {left}")
        shutil.rmtree(folder, ignore_errors=True)
    return seen, bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--interrupts", type=int, default=50)
    ap.add_argument("--slow-pairs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="10 pairs, 10 interrupted runs, 5 slowed pairs")
    ap.add_argument("--json", default=str(Path(__file__).with_name("results-outputs.json")))
    args = ap.parse_args()
    if args.quick:
        args.pairs, args.interrupts, args.slow_pairs = 10, 10, 5
    rng = random.Random(args.seed)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="amend-bench-outputs-") as tmp:
        work = Path(tmp)
        refs = stress.reference_sets(work)
        span = run_time(work)
        pair_seen, pair_bad = pairs(work, refs, args.pairs)
        slow_seen, slow_bad = slow_pairs(work, args.slow_pairs)
        stop_seen, stop_bad = interrupts(work, refs, args.interrupts, rng, span)
    bad = pair_bad + slow_bad + stop_bad
    result = {
        "pairs": {"runs": args.pairs, "outcomes": dict(pair_seen)},
        "slowed_pairs": {"runs": args.slow_pairs, "outcomes": dict(slow_seen)},
        "interrupted": {"runs": args.interrupts, "seed": args.seed, "apply_seconds": round(span, 3),
                        "outcomes": dict(stop_seen["left"]), "by_signal": dict(sorted(stop_seen["by"].items())),
                        "exit_codes": {str(k): v for k, v in sorted(stop_seen["exit"].items())}},
        "wrong": bad,
        "seconds": round(time.perf_counter() - start, 1),
    }
    print(f"concurrent amend apply pairs: {args.pairs}; whole set of run A {pair_seen['A']}, of run B "
          f"{pair_seen['B']}, anything else {pair_seen['wrong']}")
    print(f"slowed write_all pairs, renames interleaved: {args.slow_pairs}; whole set {slow_seen['A'] + slow_seen['B']}"
          f", anything else {slow_seen['wrong']}")
    print(f"interrupted amend apply runs: {args.interrupts} (one run takes {span:.2f} s); "
          + ", ".join(f"{k}: {v}" for k, v in sorted(stop_seen["left"].items())))
    for key, count in sorted(stop_seen["by"].items()):
        print(f"  {key}: {count}")
    print("  exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(stop_seen["exit"].items())))
    for line in bad:
        print(f"WRONG {line}")
    print(f"{result['seconds']} s")
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
