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


# ---------------------------------------------------------------- 2: provenance notes in the redline (review 6, #2)
# the patch of review 6's reproduction (/work/notes/review6/02-provenance-redline-accept-differs)

NOTED_PATCH = """\
program: trygghetsplan
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2026-01-20", paragraph: § 5}
amendments:
  - id: a1
    at: {page: 2, heading: Mål}
    add_item: Fler vuxna ute på kvällar.
    position: 2
  - id: a2
    at: {page: 2, heading: Insatser}
    delete_item: Bättre belysning
  - id: a3
    at: {page: 2, heading: Ansvar}
    delete_paragraph: Nämnderna genomför
  - id: a4
    at: {page: 2, heading: Ansvar, paragraph: 1}
    replace: leder och samordnar
    with: samordnar
  - id: a5
    at: {page: 2, heading: Uppföljning}
    add_paragraph: Revideringen beslutas av kommunfullmäktige.
  - id: a6
    at: {page: 2, heading: Inledning, paragraph: 2}
    insert: och med regionen
"""


def _notes_of(path: Path) -> list[str]:
    """The footnotes pandoc prints for a DOCX (as it reads it: Accept All), in order."""
    import subprocess

    from real_clients import missing_pandoc

    if missing_pandoc():
        pytest.skip(missing_pandoc())
    text = subprocess.run(["pandoc", "--track-changes=accept", "-t", "plain", "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if line.startswith("[") and "] " in line]


def _provenance_run(amend, tmp_path: Path, mode: str) -> tuple[Path, Path, Path]:
    from test_source_docx import PLAN

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, NOTED_PATCH, "--provenance", mode)
    return adopted, redline, PLAN


def test_the_redline_carries_the_provenance_footnotes_as_tracked_insertions(amend, tmp_path):
    adopted, redline, plan = _provenance_run(amend, tmp_path, "footnotes")
    refs = list(_body(redline).iter(f"{W}footnoteReference"))
    assert len(refs) == len(list(_body(adopted).iter(f"{W}footnoteReference"))) == 6
    own = [r for r in refs if r.getparent().getparent().tag != f"{W}ins"]
    assert len(own) == 1  # the council's own footnote; the five notes are inserted, by the deciding body
    assert {r.getparent().getparent().get(f"{W}author") for r in refs if r not in own} == {"Kommunfullmäktige"}
    notes = _notes_of(adopted)
    assert notes[0] == "[1] Tillägg enligt Kommunfullmäktige 2026-01-20 § 5" and len(notes) == 6
    assert _notes_of(redline) == notes  # Accept All: the same notes, numbered the same
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (plan, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert any(t.endswith("och med regionen.1") for t, *_ in _seen(adopted_lo))  # LibreOffice reads the mark


def test_the_redline_carries_the_provenance_comments(amend, tmp_path):
    adopted, redline, plan = _provenance_run(amend, tmp_path, "comments")
    with zipfile.ZipFile(adopted) as a, zipfile.ZipFile(redline) as r:
        assert a.read("word/comments.xml") == r.read("word/comments.xml")
    assert len(list(_body(redline).iter(f"{W}commentReference"))) == 5
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (plan, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
