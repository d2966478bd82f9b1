"""Benchmark of `amend apply`: how long each stage takes, and how it grows.

    python bench/bench_apply.py            # 100 to 2,000 pages, 1,000 to 10,000 amendments
    python bench/bench_apply.py --quick    # a tenth of that, for a smoke run

Generates programs and patches (bench/generate.py), writes them as real YAML
files in a temporary folder, and runs each size in a fresh Python process so
that its peak memory is its own. For each it measures:

  load      reading both files: YAML parsing, JSON Schema validation, model
  apply     resolve + conflicts + apply (what `amend apply` does between
            loading and writing; the target is <= 1 s for 10,000 amendments
            on 2,000 pages on one core), best of --repeat runs, as wall time
            and as CPU time, and its stages (one run)
  dump      the adopted program as YAML text
  docx      the adopted program as DOCX bytes (python-docx)
  memory    the process's peak resident size, and the peak of Python
            allocations during one apply (tracemalloc)

Times are CPU seconds of the process, that is time on one core without the
waiting for it that a shared machine adds; apply is also given as wall time.

and the growth when the size doubles. Prints a table and writes the figures
as JSON (bench/results-apply.json unless --out says otherwise).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

FULL = [(100, 1000), (1000, 5000), (2000, 5000), (1000, 10000), (2000, 10000)]
QUICK = [(20, 100), (100, 500), (200, 500), (100, 1000), (200, 1000)]
TARGET_SECONDS = 1.0
TARGET_GROWTH = 2.2


# ---------------------------------------------------------------- one size (child process)


def _clock(fn, *args):
    """(result, CPU seconds of this process)."""
    c = time.process_time()
    result = fn(*args)
    return result, time.process_time() - c


def _cpu_clock(fn, *args):
    """(result, wall seconds, CPU seconds of this process): on a shared
    machine the CPU time is the time on one core, without the waiting."""
    t, c = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - t, time.process_time() - c


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def write_inputs(pages: int, amendments: int, folder: Path, rewrite: str = "random") -> tuple[Path, Path]:
    """The program and patch files; `rewrite` is how the patch's new texts are made (generate.py)."""
    import yaml
    from generate import make_patch, make_program

    prog = make_program(pages, seed=pages)
    patch = make_patch(prog, amendments, seed=pages + amendments, rewrite=rewrite)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    out = []
    for name, data, schema in ((f"bench-{pages}.yaml", prog.data, "program"),
                               (f"bench-{pages}-{amendments}.yaml", patch, "patch")):
        path = folder / name
        body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000)
        path.write_text(f"# yaml-language-server: $schema=../schemas/{schema}.schema.json\n{body}", "utf-8")
        out.append(path)
    return out[0], out[1]


def measure(pages: int, amendments: int, folder: Path, repeat: int, docx: bool) -> dict:
    from amend.apply import _prune, apply_edits, apply_patch, check_versions, find_conflicts
    from amend.dump import dump_program
    from amend.load import patch_from_data, program_from_data, read_yaml, validate
    from amend.output import build_time
    from amend.render.docx import render_docx
    from amend.resolve import Index, resolve

    program_file, patch_file = write_inputs(pages, amendments, folder)
    r: dict = {"pages": pages, "amendments": amendments,
               "program_mb": program_file.stat().st_size / 1e6, "patch_mb": patch_file.stat().st_size / 1e6}

    # load, stage by stage (load_program/load_patch do exactly these three)
    (data, lines), r["parse_program_s"] = _clock(read_yaml, program_file)
    _, r["validate_program_s"] = _clock(validate, data, lines, "program", str(program_file))
    program, r["model_program_s"] = _clock(program_from_data, data, str(program_file))
    (data, lines), r["parse_patch_s"] = _clock(read_yaml, patch_file)
    _, r["validate_patch_s"] = _clock(validate, data, lines, "patch", str(patch_file))
    patch, r["model_patch_s"] = _clock(patch_from_data, data, lines, str(patch_file))
    del data, lines
    r["load_s"] = sum(r[f"{k}_{f}_s"] for k in ("parse", "validate", "model") for f in ("program", "patch"))
    r["validate_s"] = r["validate_program_s"] + r["validate_patch_s"]
    r["rss_after_load_mb"] = _rss_mb()

    # apply as `amend apply` does it, best of `repeat`
    runs, cpu = [], []
    for _ in range(repeat):
        (adopted, resolution), t, c = _cpu_clock(apply_patch, program, patch)
        runs.append(t)
        cpu.append(c)
    r["apply_s"], r["apply_runs_s"] = min(runs), runs
    r["apply_cpu_s"], r["apply_cpu_runs_s"] = min(cpu), cpu
    r["edits"] = len(resolution.edits)
    # the same, stage by stage (one run)
    check_versions(program, patch)
    index, r["index_s"] = _clock(Index, program)
    resolution, r["resolve_s"] = _clock(resolve, program, patch, None, index)
    conflicts, r["conflicts_s"] = _clock(find_conflicts, resolution.edits)
    assert not conflicts, conflicts[0]
    built, r["apply_edits_s"] = _clock(apply_edits, program, resolution.edits)
    _, r["prune_s"] = _clock(_prune, built)
    r["rss_after_apply_mb"] = _rss_mb()
    r["verified"] = verify(program, patch, adopted)

    text, r["dump_s"] = _clock(dump_program, adopted)
    r["adopted_yaml_mb"] = len(text.encode("utf-8")) / 1e6
    if docx:
        blob, r["docx_s"] = _clock(render_docx, adopted, build_time(adopted.meta.date))
        r["docx_mb"] = len(blob) / 1e6
        del blob
    r["peak_rss_mb"] = _rss_mb()

    import tracemalloc

    tracemalloc.start()
    apply_patch(program, patch)
    r["apply_traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return r


def verify(program, patch, adopted) -> int:
    """Check that the amendments did what they say (so the figures are for
    real work): every new text is in the adopted program, every deleted or
    replaced section is gone, and the count of sections adds up."""
    from amend.dump import dump_program
    from amend.text import clean

    text = dump_program(adopted)
    added = deleted = checked = 0
    for am in patch.amendments:
        new = {"insert": am.value, "replace": am.with_, "add_item": am.value, "add_paragraph": am.value}.get(am.op)
        if new:
            assert clean(new) in text, f"{am.id}: {new!r} is not in the adopted program"
            checked += 1
        added += am.op == "add_section"
        deleted += am.op == "delete_section"
    assert len(adopted.sections) == len(program.sections) + added - deleted, "section count"
    return checked


def child(args) -> None:
    result = measure(args.pages, args.amendments, Path(args.dir), args.repeat, not args.no_docx)
    print(json.dumps(result))


# ---------------------------------------------------------------- the run (parent)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import yaml

    return {"python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
            "cores": os.cpu_count(), "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
            "note": "shared machine: 2 cores used by several jobs at once, so times are noisy; times are "
                    "CPU seconds of the process (time on one core); apply is the best of several runs"}


def growth(results: list[dict]) -> list[dict]:
    """Ratios of each stage when pages, amendments or both double."""
    by = {(r["pages"], r["amendments"]): r for r in results}
    sizes = sorted(by)
    pairs = []
    for p, a in sizes:
        for label, bigger in (("pages x2", (2 * p, a)), ("amendments x2", (p, 2 * a)), ("both x2", (2 * p, 2 * a))):
            if bigger in by:
                pairs.append((label, (p, a), bigger))
    out = []
    for label, small, big in pairs:
        row = {"doubling": label, "from": list(small), "to": list(big)}
        for key in ("apply_s", "apply_cpu_s", "resolve_s", "load_s", "validate_s", "dump_s", "docx_s", "peak_rss_mb"):
            if key in by[small] and key in by[big] and by[small][key] > 0:
                row[key.removesuffix("_s")] = round(by[big][key] / by[small][key], 2)
        out.append(row)
    return out


COLUMNS = [("pages", "pages", "{:,}"), ("amendments", "amend.", "{:,}"), ("program_mb", "prog MB", "{:.1f}"),
           ("load_s", "load s", "{:.2f}"), ("validate_s", "(schema) s", "{:.2f}"),
           ("apply_s", "apply s", "{:.3f}"), ("apply_cpu_s", "(cpu)", "{:.3f}"), ("index_s", "index", "{:.3f}"),
           ("resolve_s", "resolve", "{:.3f}"),
           ("conflicts_s", "conflicts", "{:.3f}"), ("apply_edits_s", "edits", "{:.3f}"),
           ("dump_s", "dump s", "{:.2f}"), ("docx_s", "docx s", "{:.1f}"),
           ("peak_rss_mb", "peak RSS MB", "{:.0f}"), ("apply_traced_peak_mb", "apply MB", "{:.0f}")]


def table(results: list[dict]) -> str:
    rows = [[h for _, h, _ in COLUMNS]]
    for r in results:
        rows.append([fmt.format(r[k]) if k in r else "-" for k, _, fmt in COLUMNS])
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(row, widths)) for row in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--no-docx", action="store_true", help="skip the DOCX rendering (the slowest stage)")
    ap.add_argument("--repeat", type=int, default=3, help="apply runs per size; the best counts (default 3)")
    ap.add_argument("--out", default=None, help="JSON file for the figures (default bench/results-apply.json; "
                                                "--quick: none unless given)")
    ap.add_argument("--keep", default=None, help="write the generated files to this folder and keep them")
    ap.add_argument("--child", nargs=3, metavar=("PAGES", "AMENDMENTS", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.pages, args.amendments, args.dir = int(args.child[0]), int(args.child[1]), args.child[2]
        return child(args)

    sizes = QUICK if args.quick else FULL
    out = args.out or (None if args.quick else str(HERE / "results-apply.json"))
    results = []
    with tempfile.TemporaryDirectory(prefix="amend-bench-") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for pages, amendments in sizes:
            cmd = [sys.executable, __file__, "--child", str(pages), str(amendments), str(folder),
                   "--repeat", str(args.repeat)] + (["--no-docx"] if args.no_docx else [])
            print(f"… {pages:,} pages, {amendments:,} amendments", file=sys.stderr, flush=True)
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"benchmark failed at {pages} pages, {amendments} amendments:\n{done.stderr}")
            results.append(json.loads(done.stdout.splitlines()[-1]))

    ratios = growth(results)
    largest = max(results, key=lambda r: (r["pages"], r["amendments"]))
    doubling = [g["apply_cpu"] for g in ratios if "apply_cpu" in g]
    verdict = {
        "largest": [largest["pages"], largest["amendments"]],
        "apply_s": round(largest["apply_s"], 3),
        "apply_cpu_s": round(largest["apply_cpu_s"], 3),
        "apply_target_s": TARGET_SECONDS,
        "apply_ok": largest["apply_cpu_s"] <= TARGET_SECONDS if not args.quick else None,
        "worst_apply_growth": max(doubling, default=None),
        "growth_target": TARGET_GROWTH,
        "growth_ok": max(doubling, default=0) <= TARGET_GROWTH,
    }
    print(table(results))
    print()
    print("growth when the size doubles (ratio of times; 2.0 = linear):")
    for g in ratios:
        parts = ", ".join(f"{k} {v:.2f}x" for k, v in g.items() if k not in ("doubling", "from", "to"))
        print(f"  {g['doubling']:>14} {g['from'][0]:,}p/{g['from'][1]:,}a -> {g['to'][0]:,}p/{g['to'][1]:,}a: {parts}")
    print()
    print(f"apply {largest['amendments']:,} amendments on {largest['pages']:,} pages: "
          f"{largest['apply_cpu_s']:.3f} s on one core "
          f"({largest['apply_s']:.3f} s wall; target <= {TARGET_SECONDS} s); "
          f"worst apply growth per doubling {verdict['worst_apply_growth']}x (target <= {TARGET_GROWTH}x)")
    if out:
        Path(out).write_text(json.dumps({"machine": machine(), "sizes": results, "growth": ratios,
                                         "verdict": verdict}, indent=1) + "\n", "utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
