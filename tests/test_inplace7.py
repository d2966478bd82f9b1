"""The council's own Word file, session 7: an emptied table cell prints no list label, the
provenance notes in the redline, the title page's status and decision lines, table rows.

Each test writes the adopted and redline DOCX into a real Word file and looks at what was
written: the XML of the paragraphs concerned, and LibreOffice's own reading over UNO (text,
style, list label per paragraph) after Accept All and Reject All of the redline.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_source_docx import _applied, _imported
from test_word_review5 import CELL, W, _body, _patch


def _lo(jobs: list[tuple[Path, str]]) -> list[dict]:
    from real_clients import libreoffice, missing_libreoffice

    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    return libreoffice(jobs)


def _seen(dump: dict) -> list[tuple[str, str, str, bool]]:
    """LibreOffice's paragraphs: text, paragraph style, list label, in a table cell."""
    return [(p["text"], p["style"], p["label"], p["cell"]) for p in dump["paragraphs"]]


# ---------------------------------------------------------------- 1: an emptied table cell prints no "•" / "1."


def _numbered_cell(tmp_path: Path) -> Path:
    """review 6's cell.docx with the cell's item numbered ("List Number"): LibreOffice reports a
    number's label ("1."), a bullet's it reports as ""; the page shows both."""
    (tmp_path / "made").mkdir(exist_ok=True)
    out = tmp_path / "made" / "numbered.docx"
    with zipfile.ZipFile(CELL) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b'w:val="ListBullet"', b'w:val="ListNumber"')
            dst.writestr(info, data)
    return out


def _emptied_cell(path: Path):
    """The paragraph of the table cell that held "Trygghetsvandringar." (row 2, column 2)."""
    return list(_body(path).iter(f"{W}tc"))[3].find(f"{W}p")


@pytest.mark.parametrize("source", ["bullet", "numbered"])
def test_an_emptied_cell_keeps_a_paragraph_without_its_list_label(amend, tmp_path, source):
    docx = CELL if source == "bullet" else _numbered_cell(tmp_path)
    program = _imported(amend, tmp_path, docx, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}'))
    p = _emptied_cell(adopted)
    assert p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0"  # numbering off, as Word removes a bullet
    assert "".join(t.text or "" for t in p.iter(f"{W}t")) == ""
    change = _emptied_cell(redline).find(f"{W}pPr/{W}pPrChange/{W}pPr")
    assert change is not None and change.find(f"{W}numPr/{W}numId").get(f"{W}val") != "0"  # Reject All: the item
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (docx, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    emptied = [(t, label) for t, _, label, cell in _seen(adopted_lo) if cell and not t]
    assert emptied == [("", "")]  # the cell prints nothing: no "1." (nor a bullet)
    if source == "numbered":
        assert ("Trygghetsvandringar.", "1.") in [(t, label) for t, _, label, _ in _seen(rejected)]


def test_an_emptied_cell_shows_no_bullet_on_the_page(amend, tmp_path):
    """Laid out by LibreOffice: the cell is empty on the page (the old file printed a lone "1.")."""
    import shutil
    import subprocess

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or pdftotext is not installed")
    program = _imported(amend, tmp_path, _numbered_cell(tmp_path), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}'))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(adopted)], capture_output=True, timeout=300, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "plan.adopted.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    row = next(line for line in text.splitlines() if "Färre brott" in line)
    assert row.strip() == "Färre brott"
