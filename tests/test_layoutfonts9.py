"""A DOCX laid out by LibreOffice in a fallback font for one it names gets a note saying so
(its page breaks may not be the printed ones), in Swedish and English; a font whose
metric-compatible twin is installed (Carlito for Calibri) does not."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from amend.importers.layoutfonts import declared_fonts, installed_families, laid_fonts, missing_fonts

AMEND = str(Path(sys.executable).with_name("amend"))


def test_a_fallback_with_a_named_font_missing_is_found():
    assert missing_fonts({"Verdana", "Calibri"}, {"Carlito-Bold", "DejaVuSans"}, {"Carlito", "DejaVu Sans"}) == (
        ["Verdana"], ["DejaVuSans"])


def test_twins_and_symbol_fonts_are_not_fallbacks():
    laid = {"Carlito", "LiberationSans-Bold", "Caladea", "OpenSymbol", "TimesNewRomanPSMT"}
    assert missing_fonts({"Calibri", "Arial", "Cambria", "Times New Roman"}, laid, set()) == ([], [])


def test_a_named_font_unused_in_the_pdf_counts_as_here_when_installed():
    # Courier is named by a style nothing uses; Liberation Mono (its twin) is installed
    assert missing_fonts({"Verdana", "Courier"}, {"DejaVuSans"}, {"Liberation Mono"}) == (["Verdana"], ["DejaVuSans"])


def test_without_fc_list_the_pdf_is_the_evidence():
    assert missing_fonts({"Verdana", "Calibri"}, {"Carlito", "DejaVuSans"}) == (["Verdana"], ["DejaVuSans"])


def test_declared_fonts_reads_styles_runs_and_the_theme_they_refer_to():
    styles = (b'<w:styles><w:rFonts w:asciiTheme="minorHAnsi"/><w:style><w:rPr><w:rFonts w:ascii="Arial" '
              b'w:hAnsi="Arial"/></w:rPr></w:style></w:styles>')
    body = b'<w:document><w:r><w:rPr><w:rFonts w:ascii="Garamond"/></w:rPr></w:r></w:document>'
    theme = (b'<a:theme><a:majorFont><a:latin typeface="Cambria"/></a:majorFont>'
             b'<a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:theme>')
    parts = {"word/styles.xml": styles, "word/document.xml": body, "word/theme/theme1.xml": theme}
    assert declared_fonts(parts) == {"Arial", "Garamond", "Calibri"}  # majorHAnsi is not referred to


def test_laid_fonts_drops_the_subset_prefix():
    pdf = b"<< /Type /Font /BaseFont /BAAAAA+Carlito >> << /BaseFont/CAAAAA+DejaVuSans-Bold >> /BaseFont /Arial#20Narrow"
    assert laid_fonts(pdf) == {"Carlito", "DejaVuSans-Bold", "Arial Narrow"}


def _long_docx(path: Path, font: str) -> Path:
    d = docx.Document()
    d.styles["Normal"].font.name = font
    d.add_heading("Program för trygghet", 0)
    for i in range(3):
        d.add_heading(f"Avsnitt {i + 1}", 1)
        for _ in range(12):
            d.add_paragraph("Kommunen ska arbeta med frågor om samverkan och trygghet i alla delar av verksamheten. " * 3)
    d.save(str(path))
    return path


def _import(src: Path, lang: str) -> str:
    done = subprocess.run([AMEND, "--lang", lang, "import", str(src), "-o", str(src.with_suffix(f".{lang}.yaml"))],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _families() -> set[str]:
    return {f.lower() for f in installed_families() or set()}


@pytest.mark.libreoffice
def test_import_laid_out_in_a_fallback_font_says_so(tmp_path):
    if "verdana" in _families():
        pytest.skip("Verdana is installed here, so LibreOffice needs no fallback for it")
    src = _long_docx(tmp_path / "verdana.docx", "Verdana")
    en, sv = _import(src, "en"), _import(src, "sv")
    assert "LibreOffice's layout" in en  # the pages were laid out, not read from the file
    assert "the document is set in Verdana, which this machine lacks: LibreOffice laid its pages out in" in en
    assert "dokumentet är satt med Verdana, som inte finns på den här datorn" in sv


@pytest.mark.libreoffice
def test_import_laid_out_in_a_twin_font_says_nothing_of_fonts(tmp_path):
    if not {"carlito", "calibri"} & _families():
        pytest.skip("neither Calibri nor Carlito is installed (.ci/run installs fonts-crosextra-carlito)")
    out = _import(_long_docx(tmp_path / "calibri.docx", "Calibri"), "en")
    assert "LibreOffice's layout" in out
    assert "which this machine lacks" not in out
