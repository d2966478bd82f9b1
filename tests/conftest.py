"""Shared paths and helpers for the tests: run the real CLI, read real DOCX files."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
PATCH = ROOT / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"
CASES = ROOT / "tests" / "cases"
CASE_PROGRAM = CASES / "program.yaml"  # the program every golden case amends
PROTOCOL = ROOT / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt"
# the workbench tests' shared fixtures: repo, bench (a server), client; browser (chromium), shots
pytest_plugins = ["webbench", "browserbench"]


def pytest_runtest_setup(item):
    """The one marker for tests that need LibreOffice: they skip, saying why, where it is missing."""
    if item.get_closest_marker("libreoffice"):
        from real_clients import missing_libreoffice

        reason = missing_libreoffice()
        if reason:
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The tests read amend's messages in English unless a test asks for Swedish (AMEND_LANG, --lang)."""
    monkeypatch.setenv("AMEND_LANG", "en")


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def amend():
    """Run `amend ARGS...` in-process through click; returns code, stdout, stderr."""
    from cli import main

    def run(*args, env=None) -> Result:
        runner = CliRunner()
        res = runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)
        return Result(res.exit_code, res.stdout, res.stderr)

    return run


def docx_paragraphs(path) -> list[str]:
    """Text of every paragraph of a DOCX in body order, table cells included."""
    from docx import Document

    doc = Document(str(path))
    out = []
    body = doc.element.body
    for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        texts = p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
        out.append("".join(t.text or "" for t in texts))
    return out
