"""Issue 11 item 5: a table over a page break — each row knows its page.

The fixture (tests/fixtures/rows9/, see SOURCES.md) is an action plan whose table of 16 measures
runs from page 1 onto page 2 with its header row repeated; atgardsplan.pdf is LibreOffice's PDF of
atgardsplan.docx. The oracle for each row's page is the PDF itself: the page whose text holds the
row's opening words ("Åtgärd 8:"), read with pypdfium2 here, independently of amend's reading.
The real Word file hard-poi-form_footnotes.docx (tests/fixtures/documents) has a table whose last
row is on the page after the table's first, verified by eye in its .facts.yaml.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from amend.apply import apply_patch
from amend.dump import dump_program
from amend.errors import AmendError, SchemaError
from amend.importers import import_document, program_yaml
from amend.load import load_patch, load_program
from amend.model import Program, Table, iter_block_pages
from amend.tree import iter_units

HERE = Path(__file__).resolve().parent / "fixtures" / "rows9"
DOCX, PDF = HERE / "atgardsplan.docx", HERE / "atgardsplan.pdf"
DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
ROWS = 16


def _pdf_row_pages() -> list[int]:
    """The page each 'Åtgärd k:' row is printed on in the PDF (physical pages: nothing is printed as a number)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(PDF))
    try:
        texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    return [next(p + 1 for p, t in enumerate(texts) if re.search(rf"Åtgärd {k}:", t)) for k in range(1, ROWS + 1)]


def _imported(tmp_path: Path, source: Path, **kw) -> tuple[Program, str, list[str]]:
    program, report = import_document(source, program_id="atgardsplan", **kw)
    path = tmp_path / "atgardsplan.yaml"
    text = program_yaml(program, "../schemas/program.schema.json", path.name)
    path.write_text(text, encoding="utf-8")
    return load_program(path), text, report.lines("en")


def _table(program: Program) -> tuple[Table, int]:
    return next((b, page) for b, page in iter_block_pages(program) if isinstance(b, Table))


def _row_pages_and_openings(program: Program) -> list[tuple[int, str]]:
    """(page, first words) of each body row, as the program's units have them (what resolve reads)."""
    firsts: dict[int, tuple[int, str]] = {}
    for u in iter_units(program):
        if u.row and u.column == 1:
            firsts.setdefault(u.row, (u.page, u.text.split(":")[0]))
    return [firsts[r] for r in sorted(firsts)]


def _assert_rows_as_printed(program: Program) -> None:
    expected = _pdf_row_pages()
    assert len(set(expected)) == 3  # the fixture does run over two page breaks
    assert _row_pages_and_openings(program) == [(p, f"Åtgärd {k}") for k, p in enumerate(expected, start=1)]
    table, page = _table(program)
    assert page == 1 and [c.blocks[0].text for c in table.header] == ["Åtgärd", "Ansvar", "Tidsplan"]
    assert len(table.rows) == ROWS  # one table, its repeated header not read as a row
    follows = next(s for s in program.sections if s.heading == "Uppföljning")
    assert follows.page == expected[-1]


# ---------------------------------------------------------------- import: every source of pages


@pytest.mark.libreoffice
def test_a_docx_laid_out_by_libreoffice_gives_each_row_its_page(tmp_path):
    program, _, en = _imported(tmp_path, DOCX)
    _assert_rows_as_printed(program)
    assert any(line.startswith("check: 1 table runs over a page end: each row has the page it starts on")
               and line.endswith("(pages 1–3)") for line in en)


def test_a_docx_with_pages_from_its_pdf_gives_each_row_its_page(tmp_path):
    program, _, _ = _imported(tmp_path, DOCX, pages_from=PDF)
    _assert_rows_as_printed(program)


def test_a_pdf_table_continued_with_its_header_repeated_is_one_table_with_row_pages(tmp_path):
    program, _, en = _imported(tmp_path, PDF)
    _assert_rows_as_printed(program)
    assert sum(isinstance(b, Table) for b, _ in iter_block_pages(program)) == 1
    assert any("table runs over a page end" in line and line.endswith("(pages 1–3)") for line in en)
    # the rows LibreOffice broke at the page ends are one row each, as the DOCX has them
    docx_program, _ = import_document(DOCX, program_id="atgardsplan", pages_from=PDF)
    assert [r[0].blocks[0].text for r in _table(program)[0].rows] == \
        [r[0].blocks[0].text for r in _table(docx_program)[0].rows]
    assert any(line.startswith("check: 2 table rows broken at a page end, read as one row on the page they start "
                               "on (the first cell goes on in lower case") for line in en)


def test_a_real_word_file_s_last_row_is_on_the_page_after_the_table_s_first(tmp_path):
    """hard-poi-form_footnotes.docx: its facts say 'H - Observações', the last row of a table that
    starts on page 1, is printed on page 2 (the file's own page breaks say so)."""
    facts = yaml.safe_load((DOCUMENTS / "hard-poi-form_footnotes.docx.facts.yaml").read_text(encoding="utf-8"))
    fact = next(f for f in facts["facts"] if f["text"] == "H - Observações")
    program, _ = import_document(DOCUMENTS / "hard-poi-form_footnotes.docx", program_id="form")
    unit = next(u for u in iter_units(program) if u.text == fact["text"])
    table, start = next((b, p) for b, p in iter_block_pages(program) if unit.path.within(_address_of(program, b)))
    assert (start, unit.page) == (1, fact["printed_page"])
    assert table.row_pages[unit.row - 1] == fact["printed_page"]


def _address_of(program: Program, block) -> tuple:
    from amend.address import Address

    return next(Address.section(s).block(b) for s, sec in enumerate(program.sections)
                for b, blk in enumerate(sec.blocks) if blk is block)


# ---------------------------------------------------------------- the format: written only where a row starts a page


def test_round_trip_keeps_the_row_pages_and_writes_them_only_where_a_row_starts_a_page(tmp_path):
    program, text, _ = _imported(tmp_path, DOCX, pages_from=PDF)
    assert text.count("cells:") == 2  # the rows that start pages 2 and 3
    data = yaml.safe_load(text)
    rows = next(b["table"]["rows"] for s in data["sections"] for b in s["content"] if isinstance(b, dict)
                and "table" in b)
    starts = [(k + 1, r["page"]) for k, r in enumerate(rows) if isinstance(r, dict)]
    pages = _pdf_row_pages()
    assert starts == [(pages.index(2) + 1, 2), (pages.index(3) + 1, 3)]
    again = tmp_path / "again.yaml"
    again.write_text(dump_program(load_program(tmp_path / "atgardsplan.yaml")), encoding="utf-8")
    assert again.read_text(encoding="utf-8") == text
    assert _table(load_program(again))[0].row_pages == _table(program)[0].row_pages


def _program_yaml(rows: str) -> str:
    return ("program: {id: p, title: P, version: proposed}\nsections:\n  - heading: Mål\n    page: 7\n    content:\n"
            "      - table:\n          header: [Område, Ansvar]\n          rows:\n" + rows)


def test_a_row_page_that_goes_back_or_a_row_that_is_no_row_is_refused(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(_program_yaml("            - [El, Tekniska]\n            - {cells: [Rakel, Rtj], page: 6}\n"),
                    encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        load_program(path)
    assert "page 6" in err.value.render("en") and ":10:" in err.value.render("en")
    path.write_text(_program_yaml("            - [El, Tekniska]\n            - {row: [Rakel, Rtj], page: 8}\n"),
                    encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        load_program(path)
    assert "not a valid table row (keys: row)" in err.value.render("en")
    assert "ingen giltig tabellrad (nycklar: row)" in err.value.render("sv")


def test_the_block_after_a_table_goes_on_on_the_page_its_rows_end(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(_program_yaml("            - [El, Tekniska]\n            - {cells: [Rakel, Rtj], page: 8}\n")
                    + "      - Efter tabellen.\n", encoding="utf-8")
    program = load_program(path)
    assert [(u.page, u.text) for u in iter_units(program) if u.row is None] == [(8, "Efter tabellen.")]
    assert program.page_count == 8


# ---------------------------------------------------------------- apply: rows cited by page


def _apply(tmp_path: Path, program: Program, amendment: str) -> Program:
    path = tmp_path / "patch.yaml"
    path.write_text(f"program: {program.meta.id}\nbase: proposed\nproduces: kf\n"
                    "decision: {body: Kommunfullmäktige, date: \"2026-02-01\", paragraph: § 3}\n"
                    f"amendments:\n  - id: a1\n{amendment}", encoding="utf-8")
    return apply_patch(program, load_patch(path))[0]


def _refusal(tmp_path: Path, program: Program, amendment: str) -> tuple[str, str]:
    with pytest.raises(AmendError) as err:
        _apply(tmp_path, program, amendment)
    return err.value.render("en"), err.value.render("sv")


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Program:
    return _imported(tmp_path_factory.mktemp("plan"), DOCX, pages_from=PDF)[0]


def _cell(program: Program, row: int, column: int) -> str:
    return _table(program)[0].rows[row - 1][column - 1].blocks[0].text


def test_a_row_named_by_its_words_on_its_page_is_amended(tmp_path, plan):
    k = _pdf_row_pages().index(2) + 2  # the second row printed on page 2
    adopted = _apply(tmp_path, plan, f"    at: {{page: 2, row: \"Åtgärd {k}\", column: 3}}\n"
                                     f"    replace: \"{_cell(plan, k, 3)}\"\n    with: \"2028\"\n")
    assert _cell(adopted, k, 3) == "2028"
    assert [_cell(adopted, r, 3) for r in range(1, ROWS + 1) if r != k] == \
        [_cell(plan, r, 3) for r in range(1, ROWS + 1) if r != k]
    assert _table(adopted)[0].row_pages == _table(plan)[0].row_pages
    assert "page: 2" in dump_program(adopted)


def test_a_row_named_on_the_wrong_page_is_refused_naming_its_page(tmp_path, plan):
    k = _pdf_row_pages().index(2) + 2
    en, sv = _refusal(tmp_path, plan, f"    at: {{page: 1, row: \"Åtgärd {k}\"}}\n    replace: boende\n"
                                      "    with: invånare\n")
    assert f"raden ”Åtgärd {k}” står på sidan 2, under rubriken ”Åtgärder”, rad {k}, inte på sidan 1" in sv
    assert f"the row 'Åtgärd {k}' is on page 2, under 'Åtgärder', row {k}, not on page 1" in en


def test_a_row_number_on_the_page_the_table_goes_on_to_counts_under_its_repeated_header(tmp_path, plan):
    first = _pdf_row_pages().index(2) + 1  # the first row printed on page 2
    adopted = _apply(tmp_path, plan, "    at: {page: 2, row: 1, column: 1}\n    replace: boende\n"
                                     "    with: invånare\n")
    assert _cell(adopted, first, 1).startswith(f"Åtgärd {first}: ") and "med de invånare" in _cell(adopted, first, 1)
    assert _cell(adopted, 1, 1) == _cell(plan, 1, 1)


def test_a_row_number_that_counts_to_two_rows_on_the_page_is_refused(tmp_path, plan):
    """Row 8 on page 2: the 8th row under the header repeated there, or the table's 8th row (also on page 2)."""
    pages = _pdf_row_pages()
    first, n = pages.index(2) + 1, pages.count(2)  # as many rows as page 2 holds: both readings name a row there
    assert first <= n
    en, sv = _refusal(tmp_path, plan, f"    at: {{page: 2, row: {n}, column: 3}}\n    replace: \"20\"\n"
                                      "    with: \"30\"\n")
    assert f"räknat på sidan 2 är det raden ”Åtgärd {first + n - 1}:" in sv
    assert f"räknat från tabellens början på sidan 1 raden ”Åtgärd {n}:" in sv
    assert "name the row by the words its first cell starts with" in en


def test_a_row_number_on_the_table_s_first_page_that_is_printed_on_the_next_is_refused(tmp_path, plan):
    k = _pdf_row_pages().index(2) + 1
    en, sv = _refusal(tmp_path, plan, f"    at: {{page: 1, row: {k}}}\n    replace: boende\n    with: invånare\n")
    assert f"rad {k} i tabellen står på sidan 2, inte på sidan 1" in sv
    assert f"row {k} of the table is on page 2, not on page 1" in en


def test_quoted_words_on_a_page_are_looked_for_in_the_rows_printed_there(tmp_path, plan):
    k = _pdf_row_pages().index(2) + 1
    adopted = _apply(tmp_path, plan, f"    at: {{page: 2}}\n    replace: \"Åtgärd {k}:\"\n    with: \"Åtgärd {k}a:\"\n")
    assert _cell(adopted, k, 1).startswith(f"Åtgärd {k}a:")
    en, _ = _refusal(tmp_path, plan, f"    at: {{page: 1}}\n    replace: \"Åtgärd {k}:\"\n    with: \"X:\"\n")
    assert f"is not on page 1: found page 2, under 'Åtgärder', row {k}, column 1" in en
