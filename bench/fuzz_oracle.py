"""The oracle's long profile (issue 9): many seeded cases, figures, and a
shrunk, rerunnable repro for every case that went wrong.

    python bench/fuzz_oracle.py --cases 20000            # seeds 0..19999
    python bench/fuzz_oracle.py --start 500 --cases 10 --verbose
    python bench/fuzz_oracle.py --seed 1234              # one case, shrunk, printed as files

Cases that use the construction of a finding already known (issue 9's list,
or one the oracle found, all fixed) are also counted on their own lines, so a
regression in one of them shows by its number. Every wrong or
crashed case is shrunk and printed (program + patches + `amend apply` line);
for known findings only the first of each is, unless --all-repros.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from oracle.gen import Case  # noqa: E402
from oracle.run import VERDICTS, repro, run_case, shrink, write_repro  # noqa: E402


def _one(args):
    seed, redline_every, cli_every = args
    case = Case(seed)
    r = run_case(case, redline=redline_every > 0 and seed % redline_every == 0,
                 cli=cli_every > 0 and seed % cli_every == 0)
    return seed, r.verdict, sorted(r.known), r.detail[:400]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--seed", type=int, help="run, shrink and print this one case (files into --out)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--redline-every", type=int, default=1, help="check the redline DOCX of every Nth case (0: never)")
    ap.add_argument("--cli-every", type=int, default=10, help="also run every Nth case through the CLI (0: never)")
    ap.add_argument("--all-repros", action="store_true",
                    help="shrink and print every failing case of known findings too")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    ap.add_argument("--out", type=Path, default=Path("oracle-repro"), help="folder for --seed's files")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    if args.seed is not None:
        case = Case(args.seed)
        r = run_case(case)
        dropped = shrink(case, r) if r.verdict not in ("right", "refused") else set()
        print(repro(case, dropped, run_case(case, dropped=dropped)))
        print(f"# files: {write_repro(case, dropped, args.out)}")
        return 0 if r.verdict in ("right", "refused") else 1

    seeds = range(args.start, args.start + args.cases)
    started = time.time()
    counts, known_counts = Counter(), Counter()
    failing: list[tuple[int, str, list, str]] = []
    work = ((s, args.redline_every, args.cli_every) for s in seeds)
    pool = multiprocessing.Pool(args.workers) if args.workers > 1 else None
    results = pool.imap(_one, work, chunksize=20) if pool else map(_one, work)
    for n, (seed, verdict, known, detail) in enumerate(results, 1):
        counts[verdict] += 1
        if known:
            known_counts[(verdict, ",".join(map(str, known)))] += 1
        else:
            counts[f"{verdict} (no known finding)"] += 1
        if verdict not in ("right", "refused"):
            failing.append((seed, verdict, known, detail))
        if args.verbose:
            print(f"seed {seed}: {verdict} {known or ''} {detail[:200]}")
        if n % 1000 == 0:
            print(f"... {n} cases, {time.time() - started:.0f} s: " +
                  ", ".join(f"{v} {counts[v]}" for v in VERDICTS), file=sys.stderr, flush=True)
    if pool:
        pool.close()
    elapsed = time.time() - started

    total = sum(counts[v] for v in VERDICTS)
    print(f"oracle: {total} cases (seeds {seeds.start}..{seeds.stop - 1}) in {elapsed:.0f} s")
    print(f"{'':28}{'all':>8}{'no known finding':>18}")
    for v, label in zip(VERDICTS, ("right", "refused correctly", "wrong", "refused wrongly", "crashed")):
        print(f"  {label:26}{counts[v]:>8}{counts[f'{v} (no known finding)']:>18}")
    if known_counts:
        print("cases touching known findings (issue 9 numbers; letters: found by the oracle):")
        for (v, k), c in sorted(known_counts.items()):
            print(f"  {v:14} finding {k:12} {c}")

    shown, printed = set(), 0
    for seed, verdict, known, _detail in failing:
        key = (verdict, tuple(known))
        if known and not args.all_repros and (len(known) > 1 or key in shown):
            continue  # one repro per known finding: the list of seeds is in --json
        if printed >= 60:
            print("\n... more failing cases: rerun one with --seed N (all seeds are in --json)")
            break
        shown.add(key)
        printed += 1
        case = Case(seed)
        r = run_case(case)
        dropped = shrink(case, r, budget=300 if not known else 100)
        print("\n" + repro(case, dropped, run_case(case, dropped=dropped)))
    if args.json:
        args.json.write_text(json.dumps({"cases": total, "seconds": round(elapsed),
                                         "verdicts": dict(counts),
                                         "known": {f"{v} {k}": c for (v, k), c in known_counts.items()},
                                         "failing": failing}, indent=1, ensure_ascii=False))
    unknown_bad = sum(counts[f"{v} (no known finding)"] for v in ("wrong", "false-refusal", "crashed"))
    return 1 if unknown_bad else 0


if __name__ == "__main__":
    sys.exit(main())
