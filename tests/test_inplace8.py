"""The council's own Word file, review 8's in-place findings: a table cell's whole text replaced
(#6), a new first body row under a header row (#5), a table the diff writes anew (#5, #6), the
body's last paragraph deleted after one alike (#4).

Each test writes the adopted and redline DOCX into review 8's plan.docx and looks at what was
written: the XML of the rows and paragraphs concerned, and LibreOffice's reading over UNO after
Accept All and Reject All of the redline.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from test_inplace7 import _lo, _rewritten, _seen
from test_source_docx import _applied, _imported
from test_word_review5 import W, _body, _patch, _refused

PLAN8 = Path(__file__).resolve().parent / "fixtures" / "inplace8" / "plan.docx"


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _same_in_libreoffice(adopted: Path, redline: Path, source: Path = PLAN8) -> list:
    """Accept All of the redline reads as the adopted file, Reject All as the source; the adopted file's reading."""
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (source, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    return _seen(adopted_lo)


# ---------------------------------------------------------------- 6: a cell's whole text replaced by other words

CELLS = {
    "no header": ("{id: a2, at: {heading: Resurser, row: 2, column: 1}, replace: Belysning, with: Gatubelysning}",
                  "Belysning", "Gatubelysning"),
    "header": ("{id: a2, at: {heading: Uppföljning, row: 2, column: 1}, replace: Brott, with: Våld}",
               "Brott", "Våld"),
}


@pytest.mark.parametrize("table", sorted(CELLS))
def test_a_cells_whole_text_replaced_by_other_words_is_typed_over_in_its_paragraph(amend, tmp_path, table):
    """Refused before as 'the first text of a table cell that was empty' (review 8, #6)."""
    amendment, old, new = CELLS[table]
    program = _imported(amend, tmp_path, PLAN8, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", amendment))
    cell = next(tc for tc in _body(adopted).iter(f"{W}tc") if _text(tc) == new)
    assert [_text(p) for p in cell.findall(f"{W}p")] == [new]  # one paragraph, no empty one beside it
    tracked = next(tc for tc in _body(redline).iter(f"{W}tc") if _text(tc) == new)
    (p,) = tracked.findall(f"{W}p")  # typed over in the cell's one paragraph, as Word does
    assert ["".join(t.text for t in p.iter(f"{W}delText"))] == [old]
    assert [_text(el) for el in p.iter(f"{W}ins")] == [new]
    seen = _same_in_libreoffice(adopted, redline)
    assert (new, "Standard", "", True) in seen and (old, "Standard", "", True) not in seen


# ---------------------------------------------------------------- 5: a new first body row under the header row

NEW_FIRST = ("{id: a1, at: {heading: Uppföljning}, replace_section_text: [Målen följs upp med följande indikatorer., "
             "{table: {header: [Mål, Indikator], rows: [[Våld, Antal anmälda våldsbrott], "
             "[Trygghet, Andel trygga i enkäten], [Brott, Antal anmälda brott per år]]}}, "
             "Uppföljningen redovisas i årsredovisningen.]}")


def test_a_new_first_body_row_copies_a_body_row_not_the_header_row(amend, tmp_path):
    from lxml import etree

    program = _imported(amend, tmp_path, PLAN8, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", NEW_FIRST))
    rows = [tr for tr in _body(adopted).iter(f"{W}tr") if _text(tr).startswith(("Mål", "Våld", "Trygghet", "Brott"))]
    assert [_text(tr) for tr in rows] == ["MålIndikator", "VåldAntal anmälda våldsbrott",
                                          "TrygghetAndel trygga i enkäten", "BrottAntal anmälda brott per år"]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # the source's header row
    assert rows[1].find(f"{W}trPr/{W}tblHeader") is None  # not repeated on each page as a second header
    assert rows[1].find(f".//{W}b") is None and rows[0].find(f".//{W}b") is not None  # nor bold

    def shape(tr) -> bytes:  # the row without its words
        tr = etree.fromstring(etree.tostring(tr))
        for t in tr.iter(f"{W}t"):
            t.text = ""
        return etree.tostring(tr, method="c14n")

    assert shape(rows[1]) == shape(rows[2])  # a copy of the body row after it
    tracked = [tr for tr in _body(redline).iter(f"{W}tr") if _text(tr).startswith("Våld")]
    assert len(tracked) == 1 and tracked[0].find(f"{W}trPr/{W}ins") is not None
    assert tracked[0].find(f"{W}trPr/{W}tblHeader") is None
    _same_in_libreoffice(adopted, redline)


def _header_only(tmp_path: Path) -> Path:
    """plan.docx with the Uppföljning table's body rows taken out: its header row only."""
    from lxml import etree

    def edit(data: bytes) -> bytes:
        root = etree.fromstring(data)
        table = next(t for t in root.iter(f"{W}tbl") if _text(t).startswith("Mål"))
        for tr in table.findall(f"{W}tr")[1:]:
            table.remove(tr)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return _rewritten(PLAN8, tmp_path / "made" / "header-only.docx", edit)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_new_row_under_a_header_row_with_no_body_row_to_copy_is_refused(amend, tmp_path, lang):
    program = _imported(amend, tmp_path, _header_only(tmp_path), "plan")
    added = ("{id: a1, at: {heading: Uppföljning}, replace_section_text: [Målen följs upp med följande indikatorer., "
             "{table: {header: [Mål, Indikator], rows: [[Våld, Antal brott]]}}, "
             "Uppföljningen redovisas i årsredovisningen.]}")
    err = _refused(amend, tmp_path, program, _patch("plan", added), lang)
    assert {"en": "the new table row with ”Våld” cannot be written into the Word file header-only.docx exactly: "
                  "the table has no row but its header row",
            "sv": "den nya tabellraden med ”Våld” kan inte skrivas in exakt i Word-filen header-only.docx: "
                  "tabellen har ingen rad utom rubrikraden"}[lang] in err


# ---------------------------------------------------------------- 5, 6: a table the diff writes anew

ANEW = {
    "header row removed": ("{table: {rows: [[Trygghet, Andel trygga i enkäten], [Brott, Antal anmälda brott per år]]}}",
                           "Trygghet"),
    "column added": ("{table: {header: [Mål, Indikator, Ansvar], rows: [[Trygghet, Andel trygga i enkäten, KS], "
                     "[Brott, Antal anmälda brott per år, KS]]}}", "Mål"),
}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("how", sorted(ANEW))
def test_a_table_written_anew_is_refused_saying_so(amend, tmp_path, how, lang):
    """Not 'the first text of a table cell that was empty': the text is in a table amend would write anew."""
    content, first = ANEW[how]
    program = _imported(amend, tmp_path, PLAN8, "plan")
    amendment = ("{id: a1, at: {heading: Uppföljning}, replace_section_text: [Målen följs upp med följande "
                 "indikatorer., " + content + ", Uppföljningen redovisas i årsredovisningen.]}")
    err = _refused(amend, tmp_path, program, _patch("plan", amendment), lang)
    assert {"en": f"the new text '{first}' is in a table that amend would write anew "
                  "(a table the amendments add, or one whose header row, columns or every cell they change)",
            "sv": f"den nya texten ”{first}” står i en tabell som amend skulle skriva på nytt (en tabell som "
                  "ändringarna lägger till, eller en vars rubrikrad, kolumner eller alla celler de ändrar)"}[lang] in err
    assert "tom" not in err.split("default")[0] and "had none" not in err


# ---------------------------------------------------------------- 4: the last paragraph deleted after one alike


def test_the_last_paragraph_deleted_after_one_alike_leaves_no_empty_paragraph(amend, tmp_path):
    """The redline tracks the deletion on the mark of the paragraph before (they look alike), so
    Accept All ends with that paragraph; the adopted file does too (review 8, #4)."""
    program = _imported(amend, tmp_path, PLAN8, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "plan", "{id: a1, at: {heading: Ansvar}, delete_paragraph: Nämnderna}"))
    body = [_text(p) for p in _body(adopted).findall(f"{W}p")]
    assert body[-2:] == ["Ansvar", "Kommunstyrelsen ansvarar för samordningen."]  # no empty paragraph after it
    seen = _same_in_libreoffice(adopted, redline)
    assert seen[-1] == ("Kommunstyrelsen ansvarar för samordningen.", "Standard", "", False)


# ---------------------------------------------------------------- 14: title lines "Label: value"

TITLE = Path(__file__).resolve().parent / "fixtures" / "inplace8" / "title-colon.docx"


def test_title_page_lines_label_colon_value_get_the_adopted_values(amend, tmp_path):
    """"Status: Förslag" as one paragraph (not a table row) was left saying Förslag (review 8, #14)."""
    program = _imported(amend, tmp_path, TITLE, "plan")
    # python-docx's en-US styles, but the text is Swedish: read as Swedish from its words (session 9)
    assert "  language: sv\n" in program.read_text(encoding="utf-8")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "plan", "{id: a1, at: {heading: Ansvar}, replace: samordningen, with: arbetet}"))
    lines = [_text(p) for p in _body(adopted).findall(f"{W}p")][1:4]
    assert lines == ["Status: Antagen", "Beslutad av: KF", "Beslutsdatum: 2025-10-22"]
    tracked = [p for p in _body(redline).findall(f"{W}p")][1:4]
    assert ["".join(t.text for t in p.iter(f"{W}delText")) for p in tracked] == [
        "Förslag", "Kommunstyrelsen", "ÅÅÅÅ-MM-DD"]  # the label stays, untouched
    seen = _same_in_libreoffice(adopted, redline, TITLE)
    assert [t for t, *_ in seen[1:4]] == lines
