"""A PDF whose text is all printed turned sideways (a /Rotate on pages whose text stands upright
in the page's own space: a reader must turn the page) is refused with that reason — not taken
for a scan — and imports once the pages are turned upright, as the refusal says to do.

Found on pdfplumber's test file nics-background-checks-2015-11-rotated.pdf; the test turns a
real Swedish fixture the same way (pypdf, a test dependency) instead of copying that file.
"""
from __future__ import annotations

from pathlib import Path

import pypdf
from click.testing import CliRunner

from cli import main

SOURCE = Path(__file__).parent / "fixtures" / "documents" / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"


def _turned(tmp_path: Path, *turns: int, pages: int = 2) -> Path:
    """The source's first pages, turned (as a PDF tool turns a page: its /Rotate) by each of `turns`."""
    reader, writer = pypdf.PdfReader(SOURCE), pypdf.PdfWriter()
    for page in reader.pages[:pages]:
        for degrees in turns:
            page = page.rotate(degrees)
        writer.add_page(page)
    out = tmp_path / f"turned{'_'.join(map(str, turns))}.pdf"
    with out.open("wb") as f:
        writer.write(f)
    return out


def _import(path: Path, tmp_path: Path, lang: str):
    return CliRunner().invoke(main, ["--lang", lang, "import", str(path), "-o", str(tmp_path / "p.yaml")])


def test_sideways_text_is_refused_with_its_reason_in_both_languages(tmp_path):
    turned = _turned(tmp_path, 90)
    en, sv = _import(turned, tmp_path, "en"), _import(turned, tmp_path, "sv")
    assert en.exit_code == sv.exit_code == 1
    assert "has no upright text to import: its text (" in en.output
    assert "letters, on pages 1, 2) is printed turned sideways on the page as shown; turn those pages " \
           "upright in a PDF tool" in en.output
    assert "scanned" not in en.output
    assert "har ingen upprätt text att importera: dess text (" in sv.output
    assert "tecken, på sidorna 1, 2) står vriden på sidan som den visas" in sv.output
    assert not (tmp_path / "p.yaml").exists()


def test_turned_back_upright_it_imports_as_the_upright_pages_do(tmp_path):
    back, upright = _turned(tmp_path, 90, 270), _turned(tmp_path)
    texts = []
    for path in (back, upright):
        result = _import(path, tmp_path, "en")
        assert result.exit_code == 0, result.output
        text = (tmp_path / "p.yaml").read_text(encoding="utf-8")
        texts.append(text[text.index("sections:"):])
    assert texts[0] == texts[1]
    assert "heading:" in texts[0]
