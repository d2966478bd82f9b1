"""Start-up: the light commands do not import the heavy libraries (issue 10).

Every command pays for what cli imports before it runs. The JSON Schema validator (only for a
file with a mistake), python-docx and lxml (documents), jinja2 (HTML) and diff_match_patch
(the redline) are imported by the commands that use them, not by `amend --help`, `log`,
`validate` or `describe`; `--help` and `--version` load no model and no YAML either.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = "programs/valdsforebyggande-2025-2027.yaml"
PATCH = "amendments/valdsforebyggande-2025-2027/2025-10-22-ksau-170.yaml"
HEAVY = ("jsonschema", "referencing", "docx", "lxml", "jinja2", "markupsafe", "diff_match_patch")
NOTHING_LOADED = ("yaml", "amend.model", "amend.load")

# Runs one command as `amend` does and prints the names of the modules it imported.
CHILD = """
import json, sys, cli
sys.argv[0] = "amend"
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.__stderr__)
"""


def _imported(*args: str) -> set[str]:
    env = {**os.environ, "AMEND_LANG": "en", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    return set(report["modules"])


def _roots(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)]


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("apply", "--help")], ids=" ".join)
def test_help_imports_no_library_and_no_model(args: tuple[str, ...]) -> None:
    modules = _imported(*args)
    assert _roots(modules, HEAVY + NOTHING_LOADED) == []


@pytest.mark.parametrize("args", [("log", "valdsforebyggande-2025-2027", "--root", "."), ("validate", PROGRAM, PATCH),
                                  ("describe", PATCH)], ids=lambda a: a[0])
def test_light_commands_import_no_heavy_library(args: tuple[str, ...]) -> None:
    modules = _imported(*args)
    assert "amend.load" in modules  # they did load the files
    assert _roots(modules, HEAVY) == []


def test_apply_does_import_what_it_uses(tmp_path: Path) -> None:
    """The check above can fail: the command that writes documents imports the libraries."""
    modules = _imported("apply", PROGRAM, PATCH, "-o", str(tmp_path))
    assert {"docx", "lxml", "jinja2"} <= set(_roots(modules, HEAVY))
