"""Two import misreadings found when the machine got Calibri's and Arial's metric twins (Carlito,
Liberation) and LibreOffice laid the test documents out anew:
- a three-column part whose first column's text ends a line higher than the others' headings
  ("är känd." beside "Medarbetare"): the gutter between the first two columns shows only in
  the strips all the lines leave free, and the first two columns were read as one;
- a two-page PDF whose second page opens with the heading "Avsnitt 3": its 3 was taken as the
  printed page number, and every page was shifted by one."""
from __future__ import annotations

from pathlib import Path

from amend.importers.pagenumbers import settle
from amend.importers.pdflayout import _split_columns
from amend.importers.pdfpages import Line
from amend.importers.pdfwords import Word


def _line(top: float, *parts: tuple[float, str], size: float = 11.0, bold: bool = False) -> Line:
    words = []
    for x, text in parts:
        for w in text.split():
            width = 5.5 * len(w)
            words.append(Word(w, x, x + width, top, top + size * 1.2, size, bold, False))
            x += width + 3
    return Line(words, 4)


def _texts(column: list[Line]) -> list[str]:
    return [" ".join(w.text for w in line.words) for line in column]


def test_three_columns_whose_first_ends_a_line_higher_are_three():
    lines = [
        _line(150, (62, "Chefer"), bold=True),
        _line(165, (62, "Chefer ansvarar för att planen")),
        _line(175, (229, "Medarbetare"), (395, "Förtroendevalda"), bold=True),
        _line(181, (62, "är känd.")),
        _line(189, (247, "• Medarbetare går"), (395, "Förtroendevalda följer arbetet.")),
        _line(204, (265, "utbildning.")),
        _line(228, (247, "• Medarbetare")),
        _line(243, (265, "rapporterar risker.")),
    ]
    pieces = _split_columns(lines)
    assert [kind for kind, _ in pieces] == ["columns"]
    assert [_texts(c) for c in pieces[0][1]] == [
        ["Chefer", "Chefer ansvarar för att planen", "är känd."],
        ["Medarbetare", "• Medarbetare går", "utbildning.", "• Medarbetare", "rapporterar risker."],
        ["Förtroendevalda", "Förtroendevalda följer arbetet."]]


def test_one_column_of_ragged_lines_stays_one():
    lines = [_line(100 + 14 * k, (62, "Kommunen samverkar med polisen och regionen " * (1 + k % 2))) for k in range(6)]
    assert [kind for kind, _ in _split_columns(lines)] == ["lines"]


def test_a_lone_bare_number_on_page_two_of_two_shifts_no_page():
    settled = settle([[], [(3, False)]])  # 'Avsnitt 3' at the top of page 2
    assert settled.pages == [1, 2]


def test_a_lone_bare_number_that_is_its_page_s_index_is_read():
    assert settle([[], [(2, False)]]).pages == [1, 2]
    assert settle([[], [(2, False)]]).printed


FIXTURES = Path(__file__).parent / "fixtures" / "pdfgrid9"


def test_a_borderless_table_with_a_wrapped_first_cell_is_a_table(tmp_path):
    """Review 9 #12: the wrapped first cell ('Trygghetsvandringar med' / 'boende och polis') read as
    running text made the table a column layout that took in both headings and joined two rows."""
    from amend.importers import import_document
    from amend.model import Table

    program, _ = import_document(FIXTURES / "bl2.pdf", program_id="bl2")
    assert [s.heading for s in program.sections] == ["Åtgärder", "Uppföljning"]
    blocks = program.sections[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    def text(cell) -> str:
        return " / ".join(b.text for b in cell.blocks)

    assert [text(c) for c in table.header] == ["Åtgärd", "Ansvarig", "Tidsplan"]
    assert tuple(tuple(text(c) for c in row) for row in table.rows) == (("Ny belysning i parker", "Tekniska nämnden", "2026"),
                          ("Trygghetsvandringar med boende och polis", "Kommunstyrelsen", "2027"),
                          ("Kameror", "Polisen", "2028"))
    assert blocks[2].text == "Åtgärderna följs upp årligen."  # the text after the table is no row of it
