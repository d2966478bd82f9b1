"""The import read against verified facts of real documents.

tests/fixtures/documents/ holds real Word and PDF files that no one here
wrote (see tests/fixtures/SOURCES.md), each with a `.facts.yaml` of facts
checked by eye on the printed pages: a text, the page printed on it, the
heading it stands under. bench/import_facts.py checks the import against
them; this test runs it on the fixtures and holds the share of facts right
above a floor, so that a change which mis-pages or mis-heads real documents
fails here.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "fixtures" / "documents"
FLOOR = 81  # of 85 facts, as at the time of writing (the misses: header text, a footnote, a title)


def _bench():
    spec = importlib.util.spec_from_file_location("import_facts", ROOT / "bench" / "import_facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_facts_of_real_documents_are_read_right(capsys):
    summary = _bench().bench(DOCS)
    assert summary["crashes"] == []
    assert summary["total"] == 85
    assert summary["right"] >= FLOOR, capsys.readouterr().out
    assert all(row["status"] == "ok" for row in summary["rows"])
