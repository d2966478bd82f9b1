"""The shape of the code (issue 10): module sizes and function lengths over amend/ and cli.py.

    python bench/code_figures.py          # figures, and the modules over the size limit
    python bench/code_figures.py --json   # the same as JSON
    python bench/code_figures.py --only amend/load/ amend/apply.py   # the figures of some modules

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


def figures(root: Path = ROOT) -> dict:
    lengths = [n for p in sources(root) for n in function_lengths(p)]
    ordered = sorted(lengths)
    return {
        "modules": len(sources(root)),
        "functions": len(lengths),
        "median_function_lines": statistics.median(lengths),
        "p90_function_lines": ordered[int(0.9 * (len(ordered) - 1))],
        "longest_function_lines": ordered[-1],
        "modules_over_limit": [{"path": p, "lines": n, "says_why": why} for p, n, why in long_modules(root)],
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
