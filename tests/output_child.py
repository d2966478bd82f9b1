"""A child process for tests/test_output_atomic.py and bench/bench_outputs.py:
writes one set of outputs with amend.output.write_all, with the disk made slow.

    python tests/output_child.py FOLDER TAG [--files N] [--size BYTES]
        [--slow-rename SECONDS] [--slow-sync SECONDS] [--go FILE] [--ready FILE]
        [--pause-before-rename SECONDS] [--pause-after-first-rename SECONDS]

Each output FOLDER/out-<i>.txt holds TAG repeated to SIZE bytes, so the set a run
left can be told from the other run's. --slow-rename sleeps (on average) after each os.replace
and --slow-sync before each os.fsync: the scheduler can always switch processes
there, and a slow disk makes that certain rather than rare. --ready is created
when the child has imported everything; --go makes it wait for that file first,
so that two children start writing at the same moment. The two pauses let a
test put one run's renames inside the other's: A pauses after its first rename,
B before its first, and without a lock between them B's set lands in the middle
of A's.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from amend.output import write_all  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("tag")
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--slow-rename", type=float, default=0.0)
    ap.add_argument("--slow-sync", type=float, default=0.0)
    ap.add_argument("--go")
    ap.add_argument("--ready")
    ap.add_argument("--pause-before-rename", type=float, default=0.0)
    ap.add_argument("--pause-after-first-rename", type=float, default=0.0)
    args = ap.parse_args()

    real_replace, real_fsync = os.replace, os.fsync

    jitter = random.Random(f"{args.tag}{os.getpid()}")

    renames = []

    def slow_replace(src, dst, *a, **k):
        if not renames:
            time.sleep(args.pause_before_rename)
        real_replace(src, dst, *a, **k)
        renames.append(dst)
        time.sleep(jitter.uniform(0, 2 * args.slow_rename))  # now one run ahead, now the other
        if len(renames) == 1:
            time.sleep(args.pause_after_first_rename)

    def slow_fsync(fd):
        time.sleep(args.slow_sync)
        real_fsync(fd)

    if args.slow_rename or args.pause_before_rename or args.pause_after_first_rename:
        os.replace = slow_replace
    if args.slow_sync:
        os.fsync = slow_fsync
    if args.ready:
        Path(args.ready).touch()
    if args.go:
        while not os.path.exists(args.go):
            time.sleep(0.001)
    body = (args.tag.encode() * (args.size // len(args.tag) + 1))[: args.size]
    folder = Path(args.folder)
    write_all({folder / f"out-{i}.txt": body for i in range(args.files)})


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:  # as the amend command does (click): a line, exit 1
        sys.exit("Aborted!")
