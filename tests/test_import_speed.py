"""Import speed without changed results (issue 11 item 7): a PDF page's words read in bulk are the
words read letter by letter, and LibreOffice's profile spares it its start-up self-tests."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from amend import lo_profile
from amend.importers import pdfwords, soffice

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"
# the extract has PDFium's line-end hyphen marks (0x02), which GetText writes as U+FFFE
HYPHENATED = DOCS / "sv-bjurholm-rsa-extract.pdf"


def _letter_by_letter(textpage, c) -> str:
    """The reference: each letter's text asked for on its own (FPDFText_GetUnicode)."""
    n = c.FPDFText_CountChars(textpage.raw)
    return "".join(pdfwords._char(c.FPDFText_GetUnicode(textpage.raw, k)) for k in range(n))


@pytest.mark.parametrize("name", ["sv-bjurholm-rsa-extract.pdf", "sv-haparanda-klimatstrategi-extract.pdf",
                                  "sv-goteborg-arsredogorelse-extract.pdf"])
def test_a_page_text_read_in_one_call_is_its_letters_one_by_one(name):
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(str(DOCS / name))
    hyphens = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            bulk = pdfwords._Page(textpage, page.get_size()[1], c).text
            assert bulk == _letter_by_letter(textpage, c)
            hyphens += bulk.count("-")
            textpage.close()
            page.close()
    finally:
        doc.close()
    assert hyphens  # every page is checked on text with hyphens in it


def test_line_end_hyphen_marks_are_hyphens_in_the_words():
    """PDFium marks a line-end hyphen with 0x02 and GetText writes it as U+FFFE; the words hold '-'."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(str(HYPHENATED))
    try:
        page = doc[0]
        textpage = page.get_textpage()
        marks = sum(c.FPDFText_GetUnicode(textpage.raw, k) == 0x02 for k in range(c.FPDFText_CountChars(textpage.raw)))
        words, _ = pdfwords.words(textpage, page.get_size()[1], c)
        textpage.close()
    finally:
        doc.close()
    text = "".join(w.text for w in words)
    assert marks and "\ufffe" not in text and text.count("-") >= marks


@pytest.mark.libreoffice
def test_libreoffice_profile_records_a_start_so_its_self_tests_do_not_run(tmp_path, monkeypatch):
    """LibreOffice runs its graphics self-tests at each start of a profile that never started in
    the GUI (about 1.3 s of CPU); amend's profile records a start, so none are run, also on the
    first conversion of a new profile."""
    monkeypatch.setattr(soffice.tempfile, "gettempdir", lambda: str(tmp_path))
    source = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("Kommunen ska minska utsläppen.")
    document.save(str(source))
    assert soffice.to_pdf(source).startswith(b"%PDF-")
    user = next(tmp_path.glob("amend-soffice-profile-*")) / "user" / "user"
    assert "ooSetupLastVersion" in (user / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert not (user / "GraphicsRenderTests.log").exists()


def test_a_kept_profile_from_before_is_given_the_record_once(tmp_path):
    registry = tmp_path / "user" / "registrymodifications.xcu"
    registry.parent.mkdir()
    registry.write_text(lo_profile.REGISTRY.replace("</oor:items>", '<item oor:path="/x"/>\n</oor:items>'),
                        encoding="utf-8")
    lo_profile.seed(tmp_path)
    lo_profile.seed(tmp_path)
    text = registry.read_text(encoding="utf-8")
    assert text.count("ooSetupLastVersion") == 1 and '<item oor:path="/x"/>' in text
    assert text.index("ooSetupLastVersion") < text.index("</oor:items>")
