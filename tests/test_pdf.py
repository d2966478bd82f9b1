"""`amend apply --pdf`: the adopted document and the redline as tagged PDF through LibreOffice (issue 12, item 4).

The PDF is LibreOffice's layout of the very DOCX amend writes: the same page count as
that DOCX opened in LibreOffice over UNO, the same paragraphs in the same order, tagged
with PDF/UA identification and the program's language; the same inputs give the same
bytes; without LibreOffice, or when it fails, nothing at all is written.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROGRAM, ROOT

pytestmark = pytest.mark.libreoffice
PATCHES = sorted((ROOT / "amendments" / "valdsforebyggande-2025-2027").glob("*.yaml"))
STEM = "valdsforebyggande-2025-2027.kf-2026-11-23"
EPOCH = {"SOURCE_DATE_EPOCH": "1764547200"}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "out"
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "amend"), "apply", str(PROGRAM), *map(str, PATCHES),
                           "-o", str(out), "--pdf"], capture_output=True, text=True,
                          env={**os.environ, **EPOCH, "AMEND_LANG": "en"})
    assert done.returncode == 0, done.stderr
    return out


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def words(text: str) -> str:
    return " ".join(text.split())


def letters(text: str) -> str:
    """The text without white space and hyphens: pdftotext joins a word broken at a line-end hyphen."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def test_apply_pdf_writes_both_pdfs_beside_the_docx(written):
    names = sorted(p.name for p in written.iterdir())
    assert names == sorted(f"{STEM}{s}" for s in (".yaml", ".docx", ".pdf", ".redline.docx", ".redline.html",
                                                  ".redline.pdf"))
    for pdf in (f"{STEM}.pdf", f"{STEM}.redline.pdf"):
        assert (written / pdf).read_bytes().startswith(b"%PDF-")


def test_pdf_has_the_page_count_and_paragraphs_of_the_docx_laid_out_by_libreoffice(written):
    from real_clients import libreoffice

    docs = [written / f"{STEM}.docx", written / f"{STEM}.redline.docx"]
    for doc, dumped in zip(docs, libreoffice([(d, "") for d in docs])):
        pdf = doc.with_suffix(".pdf")
        assert pdf_pages(pdf) == dumped["pages"]
        text = letters(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout)
        at = 0
        for para in dumped["paragraphs"]:  # every paragraph as LibreOffice laid it out, in order
            if para["cell"]:  # pdftotext reads a table's columns in its own order: the text must be there
                assert letters(para["text"]) in text, (pdf.name, para["text"][:80])
                continue
            found = text.find(letters(para["text"]), at)
            assert found >= 0, (pdf.name, para["text"][:80])
            at = found


def test_adopted_pdf_holds_the_amended_text_and_not_the_struck(written):
    text = words(subprocess.run(["pdftotext", str(written / f"{STEM}.pdf"), "-"], capture_output=True,
                                text=True, check=True).stdout)
    assert "samt med de fackliga parterna" in text  # Tillägg 1 of 2025-10-22 § 170
    assert "Fackliga parter erbjuds basutbildning." in text


def test_pdf_is_tagged_pdf_ua_in_the_programs_language(written):
    for pdf in (written / f"{STEM}.pdf", written / f"{STEM}.redline.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M)
        data = pdf.read_bytes()
        assert b"<pdfuaid:part>1</pdfuaid:part>" in data
        assert b"/Lang(sv-SE)" in data
        assert b"/StructTreeRoot" in data


def test_pdf_is_byte_identical_on_a_second_run(written, tmp_path):
    again = tmp_path / "again"
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "amend"), "apply", str(PROGRAM), *map(str, PATCHES),
                           "-o", str(again), "--pdf"], capture_output=True, text=True, env={**os.environ, **EPOCH})
    assert done.returncode == 0, done.stderr
    for f in written.iterdir():
        assert (again / f.name).read_bytes() == f.read_bytes(), f.name
    assert b"D:20251201000000Z'" in (again / f"{STEM}.pdf").read_bytes()  # the build time, not the clock


def test_reproducible_rewrites_only_the_time_and_identifiers():
    from datetime import datetime, timezone

    from amend.render.pdf import reproducible

    pdf = (b"<xmp:CreateDate>2026-12-01T18:43:11Z</xmp:CreateDate>/CreationDate(D:20261201184311Z')"
           b"/ID [ <1A0F78760810233C196A686AFD869348>\n<1A0F78760810233C196A686AFD869348> ]"
           b"/DocChecksum /95309C5F2CC7A4AEF1266DAB5B29EEB6")
    out = reproducible(pdf, datetime(2025, 12, 1, tzinfo=timezone.utc), b"docx")
    assert len(out) == len(pdf)
    assert b"2025-12-01T00:00:00Z" in out and b"D:20251201000000Z'" in out
    assert b"1A0F7876" not in out and b"95309C5F" not in out


def _fake_soffice(folder: Path, script: str) -> dict[str, str]:
    folder.mkdir()
    fake = folder / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    return {"PATH": str(folder)}


@pytest.mark.parametrize("lang, expected", [
    ("en", "--pdf needs LibreOffice (the program soffice), which is not installed here"),
    ("sv", "--pdf behöver LibreOffice (programmet soffice), som inte är installerat här"),
])
def test_without_libreoffice_pdf_is_refused_and_nothing_written(amend, tmp_path, lang, expected):
    out = tmp_path / "out"
    res = amend("--lang", lang, "apply", PROGRAM, PATCHES[0], "-o", out, "--pdf",
                env={"PATH": str(tmp_path / "empty")})
    assert res.code == 1
    assert expected in res.err
    assert not out.exists()


@pytest.mark.parametrize("lang, script, expected", [
    ("en", "echo 'source file could not be loaded' >&2; exit 1",
     "LibreOffice could not make a PDF of valdsforebyggande-2025-2027.adopted.docx: "
     "source file could not be loaded; nothing was written"),
    ("sv", "echo 'source file could not be loaded' >&2; exit 1",
     "LibreOffice kunde inte göra en PDF av valdsforebyggande-2025-2027.adopted.docx: "
     "source file could not be loaded; inget skrevs"),
    ("en", "exit 0", "LibreOffice could not make a PDF of valdsforebyggande-2025-2027.adopted"
     ".docx: it wrote no PDF file; nothing was written"),
    ("sv", "exit 0", "LibreOffice kunde inte göra en PDF av valdsforebyggande-2025-2027.adopted"
     ".docx: den skrev ingen PDF-fil; inget skrevs"),
])
def test_libreoffice_failing_writes_nothing(amend, tmp_path, lang, script, expected):
    out = tmp_path / "out"
    out.mkdir()
    res = amend("--lang", lang, "apply", PROGRAM, PATCHES[0], "-o", out, "--pdf",
                env=_fake_soffice(tmp_path / "bin", script))
    assert res.code == 1, res.err
    assert expected in res.err
    assert list(out.iterdir()) == []


def test_pdf_of_the_councils_own_word_file(tmp_path):
    """The in-place DOCX (the municipality's file) goes to PDF as well, with its footer fields laid out."""
    import yaml
    from test_source_docx import PLAN, PLAN_PATCH

    shutil.copy(PLAN, tmp_path / "trygghetsplan.docx")
    amend = str(ROOT / ".venv" / "bin" / "amend")
    env = {**os.environ, **EPOCH}
    subprocess.run([amend, "import", str(tmp_path / "trygghetsplan.docx"), "-o", str(tmp_path / "trygghetsplan.yaml")],
                   check=True, capture_output=True, env=env)
    (tmp_path / "p.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    done = subprocess.run([amend, "apply", str(tmp_path / "trygghetsplan.yaml"), str(tmp_path / "p.yaml"),
                           "-o", str(tmp_path / "out"), "--pdf"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "out" / "trygghetsplan.adopted.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "samverkan med polisen och räddningstjänsten" in words(text)
    pages = pdf_pages(pdf)
    assert f"Sida {pages} ({pages})" in text  # the source's own "Sida N (M)" footer fields, laid out
    assert yaml.safe_load((tmp_path / "out" / "trygghetsplan.adopted.yaml").read_text())["program"]
