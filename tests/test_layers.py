"""The layers of amend, as a test (issue 10): data flows one way, and the pure core does no I/O.

Each module of amend/ (and cli.py) has a layer; a module may import from its own layer or
a lower one, never a higher one. The pure core may not import an I/O or rendering library
nor open, read or write files. The scan reads the source (ast), so it also sees imports
made inside functions.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Module (or package: every module under it) → layer. The most specific name wins. The packages
# amend.text (matching, sentences, joining), amend.load (yaml_lines, schema, values, build),
# amend.resolve (edits, index, scope, anchors, operations) and amend.check (results, patches,
# competing, repository) keep the layer of the module they were split from.
LAYERS: dict[str, int] = {
    # 0 — the vocabulary: the model, text rules, addresses, errors, messages, limits, document words
    "amend": 0, "amend.model": 0, "amend.text": 0, "amend.address": 0, "amend.errors": 0,
    "amend.messages": 0, "amend.limits": 0, "amend.layout": 0,
    # … and tools that import nothing of amend: the compiled schema validator, the collector's pause,
    # LibreOffice's profile (tests/lo_uno.py runs it under the system Python)
    "amend.schema_check": 0, "amend.collector": 0, "amend.lo_profile": 0,
    # 1 — reading and writing the model, and walking it
    "amend.load": 1, "amend.history_load": 1, "amend.tree": 1, "amend.dump": 1,
    # 2 — the work on the model
    "amend.resolve": 2, "amend.conflicts": 2, "amend.apply": 2, "amend.diff": 2, "amend.history": 2,
    # 3 — what is built on that work
    "amend.redline": 3, "amend.check": 3, "amend.report": 3, "amend.extract": 3, "amend.importers": 3,
    "amend.output": 3,
    # 4 — documents and terminal output
    "amend.render": 4,
    # 5 — the jobs the edges run (apply, import, extract, …: one function each, over all of the above)
    "amend.commands": 5, "amend.extract_jobs": 5, "amend.adopted_docx": 5,
    # 6 — the edges: the command line and the web workbench
    "cli": 6, "amend.web": 6,
    # history (issue 14): blame is pure work on the model, the lag of outputs check's; the any-two-version
    # jobs sit beside amend.commands; the command line's frame is the edge's
    "amend.blame": 2, "amend.lag": 3, "amend.versions": 5, "amend.site": 5, "amend.cli_frame": 6,
}

# The pure core: no files, processes, documents or terminals.
PURE = {"amend.model", "amend.text", "amend.address", "amend.errors", "amend.messages", "amend.layout",
        "amend.tree", "amend.resolve", "amend.conflicts", "amend.apply", "amend.diff", "amend.redline",
        "amend.history", "amend.blame"}
FORBIDDEN_LIBRARIES = {"docx", "lxml", "jinja2", "click", "yaml", "pdfplumber", "pypdfium2", "subprocess",
                       "pathlib", "shutil", "tempfile", "io", "zipfile", "fcntl", "socket", "urllib", "http",
                       "sqlite3", "glob"}
# os may be imported (os.environ picks the language) but not used on files.
FORBIDDEN_OS = {"open", "read", "write", "remove", "unlink", "rename", "replace", "mkdir", "makedirs", "listdir",
                "scandir", "walk", "rmdir", "stat", "fdopen", "system", "popen", "chdir", "path"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted([*(ROOT / "amend").rglob("*.py"), ROOT / "cli.py"])}


def _entry(module: str) -> str | None:
    """The most specific name of LAYERS that holds the module."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return name
    return None


def layer_of(module: str) -> int | None:
    entry = _entry(module)
    return None if entry is None else LAYERS[entry]


def _pure(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in PURE)


def _imports(module: str, tree: ast.AST, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the module, relative ones resolved."""
    found = []
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package[: len(package) - node.level + 1]
                base = ".".join([*head, base] if base else head)
            # `from . import x` imports the module x of the package
            found += [(node.lineno, f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base) for a in node.names]
    return found


def _parsed(module: str) -> tuple[ast.AST, bool]:
    path = MODULES[module]
    return ast.parse(path.read_text(encoding="utf-8")), path.name == "__init__.py"


def test_every_module_has_a_layer():
    # placed on purpose: a module is named in LAYERS or is in a package that is; the bare "amend" (the
    # package's __init__) would put any new module in the lowest layer unseen
    assert [m for m in MODULES if _entry(m) is None or (_entry(m) == "amend" and m != "amend")] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module):
    tree, is_package = _parsed(module)
    mine = layer_of(module)
    upward = [f"line {line}: {name} (layer {layer_of(name)})" for line, name in _imports(module, tree, is_package)
              if (layer_of(name) or 0) > (mine or 0)]
    assert upward == [], f"{module} (layer {mine}) imports upward: {upward}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _pure(m)))
def test_the_pure_core_does_no_io(module):
    tree, is_package = _parsed(module)
    bad = [f"line {line}: import {name}" for line, name in _imports(module, tree, is_package)
           if name.split(".")[0] in FORBIDDEN_LIBRARIES]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("open", "input",
                                                                                               "print"):
            bad.append(f"line {node.lineno}: {node.func.id}()")
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"
                and node.attr in FORBIDDEN_OS):
            bad.append(f"line {node.lineno}: os.{node.attr}")
    assert bad == [], f"{module} is pure core but does I/O: {bad}"


def test_the_scan_sees_upward_imports_and_io():
    # The checks above must be able to fail: a made-up core module that imports render and opens a file.
    tree = ast.parse("from .render.docx import X\nimport yaml\nopen('f')\n")
    names = [name for _, name in _imports("amend.tree", tree, False)]
    assert names == ["amend.render.docx", "yaml"]
    assert layer_of("amend.render.docx") > layer_of("amend.tree")
    assert layer_of("amend.extract.reader") == 3 and layer_of("amend.messages.core") == 0
    assert _entry("amend.a_new_module") == "amend"  # what test_every_module_has_a_layer refuses
