"""Same inputs, byte-identical outputs; SOURCE_DATE_EPOCH sets the one timestamp."""
from __future__ import annotations

import zipfile

from conftest import PATCH, PROGRAM
from docx import Document


def _apply(amend, out, env=None):
    res = amend("apply", PROGRAM, PATCH, "-o", out, env=env)
    assert res.code == 0, res.err
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_two_runs_give_identical_bytes(amend, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _apply(amend, tmp_path / "a")
    second = _apply(amend, tmp_path / "b")
    assert first.keys() == second.keys() and len(first) >= 2
    assert first == second


def test_docx_dates_come_from_the_decision_without_source_date_epoch(amend, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _apply(amend, tmp_path)
    docx = tmp_path / "valdsforebyggande-2025-2027.adopted.docx"
    props = Document(str(docx)).core_properties
    assert props.created.isoformat().startswith("2025-10-22T00:00:00")
    assert props.modified == props.created
    with zipfile.ZipFile(docx) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 10, 22, 0, 0, 0)}


def test_source_date_epoch_is_honoured(amend, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14 22:13:20 UTC
    first = _apply(amend, tmp_path / "a", env=env)
    second = _apply(amend, tmp_path / "b", env=env)
    assert first == second
    docx = tmp_path / "a" / "valdsforebyggande-2025-2027.adopted.docx"
    assert Document(str(docx)).core_properties.created.isoformat().startswith("2023-11-14T22:13:20")
    with zipfile.ZipFile(docx) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_bad_source_date_epoch_is_a_clear_error(amend, tmp_path):
    res = amend("apply", PROGRAM, PATCH, "-o", tmp_path / "o", env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert res.code == 1
    assert res.err.splitlines() == ["error: SOURCE_DATE_EPOCH must be a whole number of seconds, not 'yesterday'"]
    assert not (tmp_path / "o").exists()


def test_render_writes_the_docx_of_any_program(amend, tmp_path):
    res = amend("render", PROGRAM, "-o", tmp_path)
    assert res.code == 0, res.err
    assert [p.name for p in tmp_path.iterdir()] == ["valdsforebyggande-2025-2027.proposed.docx"]
    doc = Document(str(tmp_path / "valdsforebyggande-2025-2027.proposed.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "Status: Förslag · Datum: 2025-03-18" in texts  # the version's name is not shown, only kept
    assert not any("Version" in t or "proposed" in t for t in texts)
    assert not any(t.startswith("Antagen av") for t in texts)


def test_validate_accepts_the_examples(amend):
    res = amend("validate", PROGRAM, PATCH)
    assert res.code == 0
    assert res.err.splitlines() == [f"ok: {PROGRAM}", f"ok: {PATCH}"]
