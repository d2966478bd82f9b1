"""The shape of the code (issue 10): module sizes and function lengths over amend/ and cli.py.

    python bench/code_figures.py          # figures, and the modules over the size limit
    python bench/code_figures.py --json   # the same as JSON
    python bench/code_figures.py --only amend/load/ amend/apply.py   # the figures of some modules

After the figures (lines other tools read, unchanged), the functions over LONG lines per package:
where the long functions that keep p90 above its target are.

A function's length is its lines from `def` to its last line, docstring and
comments included, nested functions counted on their own as well. A module
over LIMIT lines must say why in its docstring ("long because …").
"""
from __future__ import annotations

import ast
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 400
REASON = "long because"
LONG = 15  # issue 10's target for p90: a function over it is a long one


ONLY: tuple[str, ...] = ()  # paths (or folders ending in /) to count alone: --only


def sources(root: Path = ROOT) -> list[Path]:
    paths = sorted([*(root / "amend").rglob("*.py"), root / "cli.py"])
    if not ONLY:
        return paths
    return [p for p in paths if any(str(p.relative_to(root)).startswith(o) for o in ONLY)]


def function_lengths(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.end_lineno - n.lineno + 1 for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno is not None]


def package(path: Path, root: Path = ROOT) -> str:
    """A module's package, as a folder: amend/check for amend/check/patches.py, amend for amend/model.py."""
    folder = path.relative_to(root).parent.as_posix()
    return folder if folder != "." else path.name


def by_package(root: Path = ROOT) -> list[dict]:
    """Per package: its functions and how many are over LONG lines, the most long ones first."""
    counts: dict[str, list[int]] = {}
    for path in sources(root):
        lengths = function_lengths(path)
        total = counts.setdefault(package(path, root), [0, 0])
        total[0] += len(lengths)
        total[1] += sum(n > LONG for n in lengths)
    rows = [{"package": name, "functions": n, "over_15": over} for name, (n, over) in counts.items()]
    return sorted(rows, key=lambda r: (-r["over_15"], r["package"]))


def long_modules(root: Path = ROOT) -> list[tuple[str, int, bool]]:
    """(path, lines, says why) of every module over LIMIT lines."""
    out = []
    for path in sources(root):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > LIMIT:
            doc = ast.get_docstring(ast.parse(text)) or ""
            out.append((str(path.relative_to(root)), lines, REASON in doc.lower()))
    return out


def p90_index(n: int) -> int:
    """Where the p90 of n sorted lengths stands."""
    return int(0.9 * (n - 1))


def figures(root: Path = ROOT) -> dict:
    lengths = [n for p in sources(root) for n in function_lengths(p)]
    ordered = sorted(lengths)
    return {
        "modules": len(sources(root)),
        "functions": len(lengths),
        "median_function_lines": statistics.median(lengths),
        "p90_function_lines": ordered[p90_index(len(ordered))],
        "longest_function_lines": ordered[-1],
        "modules_over_limit": [{"path": p, "lines": n, "says_why": why} for p, n, why in long_modules(root)],
        "over_15": sum(n > LONG for n in lengths),
        # the most that leaves p90 <= LONG: the long ones all stand after the p90's place
        "over_15_allowed": len(lengths) - 1 - p90_index(len(lengths)),
        "over_15_by_package": by_package(root),
    }


def main(argv: list[str]) -> int:
    global ONLY
    if "--only" in argv:
        ONLY = tuple(a for a in argv[argv.index("--only") + 1:] if not a.startswith("--"))
    f = figures()
    if "--json" in argv:
        print(json.dumps(f, indent=2))
        return 0
    print(f"{f['modules']} modules, {f['functions']} functions: median {f['median_function_lines']} lines "
          f"(target <= 6), p90 {f['p90_function_lines']} (target <= 15), longest {f['longest_function_lines']}")
    for m in f["modules_over_limit"]:
        print(f"  {m['path']}: {m['lines']} lines, {'says why' if m['says_why'] else 'NO REASON GIVEN'}")
    print(f"functions over {LONG} lines: {f['over_15']} (p90 <= {LONG} allows {f['over_15_allowed']}); by package:")
    for row in f["over_15_by_package"]:
        if row["over_15"]:
            print(f"  {row['package']}: {row['over_15']} of {row['functions']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
