"""amend import: DOCX and PDF back into the program format.

The round trips render a program (amend's own DOCX, or a PDF LibreOffice
makes of it) and import it again: the same headings, blocks, pages and
columns must come back. The Word-style document (tests/import_docs.py) is
built the way Word writes files, not the way amend does.
"""
from __future__ import annotations

import io
import shutil
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from import_docs import WORD_STYLE_PROGRAM, word_style_docx

from amend.apply import apply_patches
from amend.importers import import_document
from amend.importers.common import drop_implied_pages
from amend.importers.soffice import to_pdf
from amend.load import load_patch, load_program
from amend.model import Columns
from amend.output import build_time
from amend.render.docx import render_docx
from cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted(ROOT.glob("programs/*.yaml")) + [ROOT / "tests" / "cases" / "program.yaml"]
needs_soffice = pytest.mark.libreoffice  # no PDF can be made to import without it


def _rendered(program, tmp_path: Path, name: str = "program.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(render_docx(program, build_time(program.meta.date)))
    return path


def _versions():
    """Every golden program, and each adopted version its patches give (with decision lines)."""
    for path in GOLDEN:
        program = load_program(path)
        yield pytest.param(program, id=f"{path.parent.name}/{path.stem}")
        patches = sorted((ROOT / "amendments" / program.meta.id).glob("*.yaml"))
        if path.parent.name == "programs" and patches:
            adopted, _ = apply_patches(program, [load_patch(p) for p in patches])
            yield pytest.param(adopted, id=f"{path.stem}.{adopted.meta.version}")


def _text_of(program):
    """The program without the record of its source file (checked on its own)."""
    return replace(program, source_file=None)


def _import(path: Path, program_id: str):
    return import_document(path, program_id=program_id)


def _pages_and_columns(program):
    """(heading, page, [page of each block], [column headings of each column layout])."""
    out = []
    for s in program.sections:
        page, pages, columns = s.page, [], []
        for b in s.blocks:
            page = b.page or page
            pages.append(page)
            if isinstance(b, Columns):
                columns.append([c.heading for c in b.columns])
        out.append((s.heading, s.level, s.page, pages, columns))
    return out


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("program", list(_versions()))
def test_render_then_import_gives_back_the_program(program, tmp_path):
    imported, report = _import(_rendered(program, tmp_path), program.meta.id)
    assert _pages_and_columns(imported) == _pages_and_columns(drop_implied_pages(program))
    assert _text_of(imported) == drop_implied_pages(program)
    assert imported.meta == program.meta  # organisation, title, version, status, date, decisions, language


@needs_soffice
def test_pdf_of_a_rendered_program_gives_back_the_program(tmp_path):
    program = load_program(ROOT / "programs" / "valdsforebyggande-2025-2027.yaml")
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(to_pdf(_rendered(program, tmp_path)))
    imported, _ = _import(pdf, program.meta.id)
    assert _pages_and_columns(imported) == _pages_and_columns(drop_implied_pages(program))
    page8 = next(s for s in imported.sections if s.heading == "Kompetensutveckling")
    layout = next(b for b in page8.blocks if isinstance(b, Columns))
    assert layout.columns[2].heading == "Förtroendevalda"
    assert layout.columns[2].blocks[0].items[0] == "Förtroendevalda erbjuds basutbildning."
    assert _text_of(imported) == drop_implied_pages(program)


@needs_soffice
def test_pdf_pages_are_the_numbers_printed_on_them(tmp_path):
    """Without its cover, PDF page 1 prints 'Sida 2': the program's pages stay those printed."""
    from pypdf import PdfReader, PdfWriter

    program = load_program(ROOT / "programs" / "valdsforebyggande-2025-2027.yaml")
    full = io.BytesIO(to_pdf(_rendered(program, tmp_path)))
    writer = PdfWriter()
    for page in PdfReader(full).pages[1:]:
        writer.add_page(page)
    pdf = tmp_path / "no-cover.pdf"
    with open(pdf, "wb") as fh:
        writer.write(fh)
    imported, report = import_document(pdf, program_id=program.meta.id, title=program.meta.title)
    assert [(s.heading, s.page) for s in imported.sections] == [(s.heading, s.page) for s in program.sections]
    assert "note: pages are numbered as printed on them: PDF page 1 prints 2, so PDF page N is page N+1" in report.lines()
    assert not any("Sida" in u for s in imported.sections for b in s.blocks for u in [getattr(b, "text", "")])


# ---------------------------------------------------------------- a DOCX as Word writes it


def test_word_style_docx(tmp_path):
    path = tmp_path / "plan.docx"
    word_style_docx(path)
    imported, report = _import(path, "trygghetsplan")
    assert _pages_and_columns(imported) == _pages_and_columns(WORD_STYLE_PROGRAM)
    assert _text_of(imported) == WORD_STYLE_PROGRAM
    assert report.lines() == []


def test_images_and_text_boxes_are_reported_not_lost_silently(tmp_path):
    path = tmp_path / "plan.docx"
    word_style_docx(path, with_extras=True)
    imported, report = _import(path, "trygghetsplan")
    assert _text_of(imported) == WORD_STYLE_PROGRAM
    assert report.lines() == ["not imported: 1 image (page 2)",
                              "not imported: 1 text box (page 2 'Rutan säger något.')"]


@needs_soffice
def test_pdf_made_from_the_word_style_docx(tmp_path):
    source = tmp_path / "plan.docx"
    word_style_docx(source)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(to_pdf(source))
    imported, _ = _import(pdf, "trygghetsplan")
    assert _pages_and_columns(imported) == _pages_and_columns(WORD_STYLE_PROGRAM)
    assert _text_of(imported) == WORD_STYLE_PROGRAM


def _paragraphs_docx(path: Path, breaks: str = "") -> None:
    """Headings and long paragraphs with no page information at all, as a
    generator other than Word writes them; `breaks="rendered"` adds Word's
    saved layout mark in the middle of the third paragraph."""
    document = docx.Document()
    document.add_paragraph("Lång plan", style="Title")
    sentence = "Detta är en mening som upprepas för att fylla sidan med text. "
    for n in range(1, 4):
        document.add_heading(f"Avsnitt {n}", level=1)
        p = document.add_paragraph(sentence * 25)
        if breaks == "rendered" and n == 3:
            p.runs[0]._r.append(docx.oxml.OxmlElement("w:lastRenderedPageBreak"))
            p.add_run("Slutet av stycket.")
    document.save(str(path))


def test_word_saved_page_break_inside_a_paragraph_anchors_it_to_its_first_page(tmp_path):
    path = tmp_path / "plan.docx"
    _paragraphs_docx(path, breaks="rendered")
    imported, report = _import(path, "plan")
    assert [s.page for s in imported.sections] == [1, 1, 1]
    assert imported.sections[2].blocks[0].text.endswith("text. Slutet av stycket.")
    assert report.lines() == ["check: 1 paragraph running over a page end, anchored to the page it starts on "
                              "(page 1 'Detta är en mening som upprepa…')",
                              "note: no 'Version: …' line in the title block: the version is 'proposed'"]


@needs_soffice
def test_docx_without_page_information_is_laid_out_by_libreoffice(tmp_path):
    path = tmp_path / "plan.docx"
    _paragraphs_docx(path)
    imported, report = _import(path, "plan")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(to_pdf(path))
    from pdfplumber import open as open_pdf

    with open_pdf(str(pdf)) as doc:
        where = {n: next(i for i, page in enumerate(doc.pages, 1) if f"Avsnitt {n}" in page.extract_text())
                 for n in (1, 2, 3)}
    assert [s.page for s in imported.sections] == [where[1], where[2], where[3]]
    assert imported.sections[2].page > 1
    assert any("LibreOffice's layout" in line for line in report.lines())


def test_docx_without_page_information_and_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "plan.docx"
    _paragraphs_docx(path)
    imported, report = _import(path, "plan")
    assert [s.page for s in imported.sections] == [1, 1, 1]
    assert any("LibreOffice is not installed" in line for line in report.lines())


# ---------------------------------------------------------------- the command


def _run(*args):
    return CliRunner().invoke(main, ["import", *map(str, args)])


def test_command_writes_valid_stable_yaml(tmp_path):
    source = tmp_path / "plan.docx"
    word_style_docx(source, with_extras=True)
    out = tmp_path / "programs" / "trygghetsplan.yaml"
    first = _run(source, "-o", out)
    assert first.exit_code == 0, first.output
    assert "page 2: found 1 heading and 1 paragraph; not imported: 1 image; 1 text box ('Rutan säger något.')" \
        in first.stderr
    text = out.read_bytes()
    assert _text_of(load_program(out)) == WORD_STYLE_PROGRAM
    assert _run(source, "-o", out).exit_code == 0
    assert out.read_bytes() == text  # the same file twice gives the same YAML
    assert text.startswith(b"# yaml-language-server: $schema=")


def test_command_id_and_title_options(tmp_path):
    source = tmp_path / "plan.docx"
    word_style_docx(source)
    out = tmp_path / "x.yaml"
    result = _run(source, "-o", out, "--id", "plan-2026", "--title", "Plan 2026")
    assert result.exit_code == 0, result.output
    meta = load_program(out).meta
    assert (meta.id, meta.title) == ("plan-2026", "Plan 2026")


def _zip_bomb(path: Path) -> None:
    """A small DOCX-shaped zip whose central directory declares a 3 GB member."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    at = data.rfind(b"PK\x01\x02")  # the last central directory entry: word/document.xml
    struct.pack_into("<I", data, at + 24, 3_000_000_000)
    path.write_bytes(bytes(data))


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    with open(path, "wb") as fh:
        writer.write(fh)


def _empty_docx(path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    for el in list(body):
        if not el.tag.endswith("sectPr"):
            body.remove(el)
    document.save(str(path))


BAD = {
    "not-a-zip.docx": (lambda p: p.write_text("Detta är ingen Word-fil.\n"), "is not a DOCX file"),
    "bomb.docx": (_zip_bomb, "would unpack to 2861 MB"),
    "secret.pdf": (_encrypted_pdf, "is protected by a password"),
    "empty.docx": (_empty_docx, "holds no text to import"),
    "zero.docx": (lambda p: p.write_bytes(b""), "is empty (0 bytes)"),
    "fake.pdf": (lambda p: p.write_text("hello"), "is not a PDF file"),
    "blank.pdf": (lambda p: _blank_pdf(p), "has no text to import"),
}


def _blank_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(path, "wb") as fh:
        writer.write(fh)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_give_one_clear_error_and_no_output(name, tmp_path):
    make, message = BAD[name]
    source = tmp_path / name
    make(source)
    out_dir = tmp_path / "programs"
    result = _run(source, "-o", out_dir / "plan.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {source}: "), lines
    assert message in lines[0]
    assert "Traceback" not in result.output
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_import_never_overwrites_its_input(tmp_path):
    source = tmp_path / "plan.yaml"
    word_style_docx(source)  # a DOCX, named like the output
    result = _run(source, "-o", source, "--id", "plan")
    assert result.exit_code == 1
    assert "would overwrite the input file" in result.stderr
    assert zipfile.is_zipfile(source)
