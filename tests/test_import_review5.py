"""Review 5's import findings (21, 25, 22 at import, 20) on its repro files
(tests/fixtures/import_review5/, made by the .mkdoc.py.txt beside each) and on
variants of them: text a reader does not see is not program text, text a
reader sees is never dropped, a Word file whose text is not settled (pending
tracked changes) is refused, and a field's shown text is reported."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from amend.errors import UnreadableDocument
from amend.importers import import_document
from amend.model import Paragraph, Table

FIX = Path(__file__).resolve().parent / "fixtures" / "import_review5"
HIDDEN = FIX / "21-import-hidden-text.docx"
CUSTOM = FIX / "25-import-drops-customxml-paragraph.docx"
TRACKED = FIX / "22-docx-source-tracked-changes.docx"
FIELDS = FIX / "20-docx-edit-inside-field-result.docx"
W = nsdecls("w")


def _texts(program) -> list[str]:
    out: list[str] = []
    for s in program.sections:
        for b in s.blocks:
            out.extend(_block_texts(b))
    return out


def _block_texts(b) -> list[str]:
    if isinstance(b, Paragraph):
        return [b.text]
    if isinstance(b, Table):
        return [t for row in (b.header,) + b.rows for c in row for x in c.blocks for t in _block_texts(x)]
    return list(getattr(b, "items", ()))


def _one_paragraph(tmp_path, runs_xml: str, styles_xml: str = "") -> Path:
    """The repro's document with its one paragraph's runs replaced (and a style added)."""
    d = docx.Document(str(HIDDEN))
    p = d.paragraphs[1]._p
    for r in [r for r in p if not r.tag.endswith("}pPr")]:
        p.remove(r)
    for x in parse_xml(f"<w:p {W}>{runs_xml}</w:p>"):
        p.append(x)
    if styles_xml:
        d.styles.element.append(parse_xml(styles_xml))
    out = tmp_path / "plan.docx"
    d.save(str(out))
    return out


# ---------------------------------------------------------------- 21: hidden text


def test_hidden_text_is_not_program_text_and_is_reported():
    program, report = import_document(HIDDEN, program_id="plan")
    assert _texts(program) == ["Kommunen ansvarar för samordningen."]
    assert "not imported: 1 piece of hidden text (not printed) (page 1 '[Skriv här vem som INTE ansvar…')" \
        in report.lines("en")
    assert "inte importerat: 1 bit dold text (syns inte i utskriften) (sidan 1 ”[Skriv här vem som INTE ansvar…”)" \
        in report.lines("sv")


def test_text_hidden_by_a_character_style_or_spec_vanish_is_left_out(tmp_path):
    style = (f'<w:style {W} w:type="character" w:styleId="Dold"><w:name w:val="Dold"/>'
             '<w:rPr><w:vanish/></w:rPr></w:style>')
    runs = ('<w:r><w:t xml:space="preserve">Kommunen </w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="Dold"/></w:rPr><w:t xml:space="preserve">[vägledning] </w:t></w:r>'
            '<w:r><w:rPr><w:specVanish/></w:rPr><w:t xml:space="preserve">[mer] </w:t></w:r>'
            '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">ansvarar </w:t></w:r>'
            '<w:r><w:rPr><w:webHidden/></w:rPr><w:t>för samordningen.</w:t></w:r>')
    program, report = import_document(_one_paragraph(tmp_path, runs, style), program_id="plan")
    assert _texts(program) == ["Kommunen ansvarar för samordningen."]  # webHidden prints: it stays
    assert any(line.startswith("not imported: 1 piece of hidden text") and "[vägledning] [mer]" in line
               for line in report.lines("en"))


# ---------------------------------------------------------------- 25: custom XML, content controls, smart tags


def test_paragraph_inside_block_level_custom_xml_is_imported():
    program, report = import_document(CUSTOM, program_id="blk")
    texts = _texts(program)
    assert texts[:5] == ["Första stycket före.", "Stycket i kontrollen handlar om polisen.", "Ett till i kontrollen.",
                         "Stycket i customXml om tullen.", "Formeln gäller alltid."]
    assert "Inre cell om regionen." in texts and texts[-1] == "Sista stycket."


def test_rows_cells_and_runs_inside_wrappers_are_imported(tmp_path):
    d = docx.Document(str(HIDDEN))
    body = d.element.body
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    table = (f'<w:tbl {W}><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
             f'<w:tr>{cell.format("A1")}<w:sdt><w:sdtPr/><w:sdtContent>{cell.format("B1")}</w:sdtContent></w:sdt></w:tr>'
             f'<w:customXml w:element="rad"><w:tr>{cell.format("A2")}'
             f'<w:customXml w:element="cell">{cell.format("B2")}</w:customXml></w:tr></w:customXml></w:tbl>')
    para = (f'<w:p {W}><w:r><w:t xml:space="preserve">Ett </w:t></w:r>'
            '<w:customXml w:element="a"><w:customXml w:element="b"><w:r><w:t xml:space="preserve">inkapslat </w:t>'
            '</w:r></w:customXml></w:customXml><w:smartTag w:element="place"><w:r><w:t xml:space="preserve">Alingsås'
            '</w:t></w:r></w:smartTag><w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> stycke.</w:t></w:r>'
            '</w:sdtContent></w:sdt></w:p>')
    sect = body[-1]
    sect.addprevious(parse_xml(table))
    sect.addprevious(parse_xml(para))
    out = tmp_path / "wrapped.docx"
    d.save(str(out))
    program, _ = import_document(out, program_id="plan")
    table_block = program.sections[0].blocks[1]
    assert isinstance(table_block, Table)
    assert [[c.blocks[0].text for c in row] for row in table_block.rows] == [["A1", "B1"], ["A2", "B2"]]
    assert _texts(program)[-1] == "Ett inkapslat Alingsås stycke."


# ---------------------------------------------------------------- 22: pending tracked changes


@pytest.mark.parametrize("lang, expected", [
    ("en", "has tracked changes not yet accepted or rejected (2 insertions and 2 deletions; the first in the "
           "paragraph 'Vi arbetar förebyggande mot våld.'), so which text is the proposal is not settled; open it in "
           "Word, accept or reject the changes (Review → Accept → Accept All Changes, or Reject All), save it and "
           "import it again, or import the PDF that was circulated"),
    ("sv", "har spårade ändringar som inte är godkända eller avvisade (2 tillägg och 2 borttagningar; den första i "
           "stycket ”Vi arbetar förebyggande mot våld.”), så vilken text som är förslaget är inte avgjort; öppna den i "
           "Word, godkänn eller avvisa ändringarna (Granska → Godkänn → Godkänn alla ändringar, eller Avvisa alla), "
           "spara och importera den igen, eller importera den PDF som skickades ut"),
])
def test_pending_tracked_changes_are_refused(lang, expected):
    with pytest.raises(UnreadableDocument) as err:
        import_document(TRACKED, program_id="plan")
    assert err.value.message.render(lang) == expected


@pytest.mark.parametrize("xml, what", [
    ('<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="X" w:date="2025-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
     '</w:rPr><w:t>Kommunen ansvarar.</w:t></w:r>', "1 formatting change"),
    ('<w:moveFrom w:id="1" w:author="X" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>Flyttad.</w:delText></w:r>'
     '</w:moveFrom><w:moveTo w:id="2" w:author="X" w:date="2025-01-01T00:00:00Z"><w:r><w:t>Flyttad.</w:t></w:r>'
     '</w:moveTo>', "1 move"),
])
def test_moves_and_formatting_changes_are_refused_too(tmp_path, xml, what):
    with pytest.raises(UnreadableDocument) as err:
        import_document(_one_paragraph(tmp_path, xml), program_id="plan")
    assert f"not yet accepted or rejected ({what};" in err.value.message.render("en")


def test_the_real_tracked_changes_file_is_refused():
    docs = Path(__file__).resolve().parent / "fixtures" / "documents"
    with pytest.raises(UnreadableDocument) as err:
        import_document(docs / "hard-poi-58067-tracked-changes.docx", program_id="t")
    assert "4 insertions and 3 deletions" in err.value.message.render("en")
    assert "4 tillägg och 3 borttagningar" in err.value.message.render("sv")


# ---------------------------------------------------------------- 20: field results


def test_field_results_are_imported_as_shown_and_reported():
    program, report = import_document(FIELDS, program_id="plan")
    assert _texts(program) == ["Se sidan 3 för detaljer.", "Programmet gäller från 2025-01-01 och tills vidare.",
                               "Dokumentet heter Planen i kommunens register."]
    en, sv = report.lines("en"), report.lines("sv")
    for name, shown in (("PAGE", "3"), ("DATE", "2025-01-01"), ("TITLE", "Planen")):
        assert (f"check: 1 field {name} whose text Word computes (imported as shown; Word may show other text when "
                f"it updates it) (page 1 '{shown}')") in en
        assert (f"kontrollera: 1 fält {name} vars text Word räknar fram (importerad som den visas; Word kan visa annan "
                f"text när fältet uppdateras) (sidan 1 ”{shown}”)") in sv


def test_a_hyperlink_field_is_plain_text(tmp_path):
    runs = ('<w:r><w:t xml:space="preserve">Läs </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.se" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>planen</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> här.</w:t></w:r>')
    program, report = import_document(_one_paragraph(tmp_path, runs), program_id="plan")
    assert _texts(program) == ["Läs planen här."]
    assert not any("field" in line for line in report.lines("en"))
