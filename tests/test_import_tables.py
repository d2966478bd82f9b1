"""Borderless PDF tables (issue 11 item 5), on a real file: Olofström's action plan prints after
every measure a three-column table 'Förvaltning/Bolag | Ansvarig | Tidsplan' without ruling
lines. It was read as a column layout that took in the next heading and the last line of the
paragraph above; now it is a table, one printed line a row, and the report says to check it."""
from __future__ import annotations

from pathlib import Path

import pytest

from amend.importers import import_document
from amend.model import Columns, Paragraph, Table

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"
OLOFSTROM = DOCS / "sv-olofstrom-handlingsplan-klimat-energi.pdf"


@pytest.fixture(scope="module")
def olofstrom():
    return import_document(OLOFSTROM, program_id="o")


def _section(program, heading: str):
    return next(s for s in program.sections if s.heading == heading)


def _text(cell) -> str:
    return " ".join(b.text for b in cell.blocks if isinstance(b, Paragraph))


def test_a_borderless_table_is_a_table_with_its_header_and_a_row_per_line(olofstrom):
    program, _ = olofstrom
    section = _section(program, "1.3 Snålspolande munstycken m.m.")
    paragraph, table = section.blocks
    assert paragraph.text == ("Vid utbyte av munstycken till kökskranar, duschkranar osv. ska de bytas ut mot "
                              "snålspolande.")
    assert isinstance(table, Table)
    assert [_text(c) for c in table.header] == ["Förvaltning/Bolag", "Ansvarig", "Tidsplan"]
    assert [_text(row[0]) for row in table.rows] == [
        "Kommunledningsförv", "Kultur- och fritidsförv.", "Miljöförbundet", "Olofströms Hus AB",
        "Olofströms Kraft AB", "Räddningstjänsten", "SBVT AB", "Socialförvaltningen", "Utbildningsförvaltningen",
        "VMAB"]
    assert [_text(c) for c in table.rows[3]] == ["Olofströms Hus AB", "Projektledare", "31 maj 2024"]
    assert [_text(c) for c in table.rows[2]] == ["Miljöförbundet", "", ""]
    assert section.page == 3 and _section(program, "1.4 Eco-driving").page == 3  # the next heading is a heading


def test_a_centred_header_cell_still_heads_its_column(olofstrom):
    program, _ = olofstrom
    table = _section(program, "2.1 Ta fram en lista för lämpliga tak för solcellsetablering på kommunala "
                              "fastigheter.").blocks[-1]
    assert isinstance(table, Table)
    assert [_text(c) for c in table.rows[3]] == ["Olofströms Hus AB", "Fastighetschef", "31 dec 2025"]


def test_no_table_of_the_plan_is_left_as_a_column_layout(olofstrom):
    program, _ = olofstrom
    blocks = [b for s in program.sections for b in s.blocks]
    assert not any(isinstance(b, Columns) for b in blocks)
    assert sum(isinstance(b, Table) for b in blocks) == 25


@pytest.mark.parametrize("lang, expected", [
    ("en", "check: 25 tables without ruling lines, read from their bold header row and the columns under it (a line "
           "a row; a line with an empty first cell goes on the row above): check the rows (pages 2, 3, 4"),
    ("sv", "kontrollera: 25 tabeller utan linjer, lästa från den fetstilta rubrikraden och kolumnerna under den (en "
           "rad per tabellrad; en rad med tom första cell hör till raden ovanför): kontrollera raderna (sidorna 2, "
           "3, 4"),
])
def test_the_report_says_to_check_the_rows_of_a_borderless_table(olofstrom, lang, expected):
    _, report = olofstrom
    assert any(line.startswith(expected) for line in report.lines(lang))


def test_text_set_in_columns_without_a_bold_header_row_stays_a_column_layout():
    program, report = import_document(DOCS / "sv-haparanda-klimatstrategi-extract.pdf", program_id="h")
    blocks = [b for s in program.sections for b in s.blocks]
    assert any(isinstance(b, Columns) for b in blocks)
    assert not any("without ruling lines" in line for line in report.lines("en"))
