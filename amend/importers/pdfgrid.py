"""Tables without ruling lines in a PDF (issue 11 item 5): a bold header row whose cells stand
in columns, and under it lines whose parts stand in those same columns, one line a row.

Without this such a table (Olofström's 'Förvaltning/Bolag | Ansvarig | Tidsplan' after every
measure) was read as a column layout: one column of all the first cells, the next heading and
the last line of the paragraph above taken into it. A table is taken only where the header says
so (each of its parts bold, the rows not) and no cell reads as running text (a bullet, a list
number, a first column going on in lower case: text in columns under bold column headings); other
side-by-side text stays what the column reader makes of it.
"""
from __future__ import annotations

from bisect import bisect_right

from .pdfpages import BULLETS, Line, _is_marker_word, _segments


def grid(lines: list[Line], start: int) -> tuple[list, int] | None:
    """The table whose header row is lines[start], as (rows of cells of lines, the index after
    its last row), or None where lines[start] does not head a borderless table."""
    header = _segments(lines[start])
    if len(header) < 2 or not all(w.bold for part in header for w in part.words):
        return None
    rows: list[list[list[Line]]] = [[[part] for part in header]]
    end = _rows(lines, start + 1, header, rows)
    parts = [(line, k == 0) for row in rows[1:] for k, cell in enumerate(row) for line in cell[:1]]
    if len(rows) < 3 or all(w.bold for part, _ in parts for w in part.words) \
            or any(_running_text(part, first) for part, first in parts):
        return None
    return rows, end


def _running_text(part: Line, first_column: bool) -> bool:
    """A part that starts a list item (a bullet, a list number), or a first column going on in
    lower case: text set in columns under bold column headings, not a table's cells."""
    first = part.words[0].text
    return _is_marker_word(first) or first[:1] in BULLETS or (first_column and first[:1].islower())


def _rows(lines: list[Line], start: int, header: list[Line], rows: list[list[list[Line]]]) -> int:
    """The rows from lines[start] on into `rows`, cut at the header's columns; the index after the last."""
    bounds = [b.x0 - 0.5 * (b.x0 - a.x1) for a, b in zip(header, header[1:])]  # mid-gutter
    end, pitch = start, None
    while end < len(lines) and _row_of(lines[end], lines[end - 1], header, pitch):
        cells = _cells(lines[end], bounds)
        if _first_only(cells) and _sentence(cells[0]):
            break  # a sentence in the first column alone: the text after the table, not a row
        pitch = pitch or lines[end].top - lines[end - 1].top
        _add_row(rows, cells)
        end += 1
    return end


def _cells(line: Line, bounds: list[float]) -> list[list[Line]]:
    """The parts of a line in the header's columns."""
    cells: list[list[Line]] = [[] for _ in range(len(bounds) + 1)]
    for part in _segments(line):
        cells[bisect_right(bounds, part.x0)].append(part)
    return cells


def _first_only(cells: list[list[Line]]) -> bool:
    return bool(cells[0]) and not any(cells[1:])


def _sentence(parts: list[Line]) -> bool:
    """Parts that read as a sentence of running text (four words or more, a sentence end), not a
    first cell such as 'Miljöförbundet' or 'Kultur- och fritidsförv.' standing alone in its row."""
    words = [w.text for part in parts for w in part.words]
    return len(words) >= 4 and words[0][:1].isupper() and words[-1][-1:] in ".!?"


def _row_of(line: Line, above: Line, header: list[Line], pitch: float | None) -> bool:
    """Whether `line` is the table's next row: in the body type, not bold, within the header's
    span, close under the line above (no wider gap than the rows before it)."""
    gap = line.top - above.top
    if gap <= 0 or gap > 2.5 * max(above.size, 1) or (pitch is not None and gap > 1.6 * pitch):
        return False
    if line.size > 1.15 * header[0].size or any(w.bold for w in line.words):
        return False  # a heading after the table
    return header[0].x0 - 1.5 * line.size <= line.x0 and \
        line.x1 <= header[-1].x1 + 0.6 * (header[-1].x1 - header[0].x0)  # a header cell may be centred


def _add_row(rows: list[list[list[Line]]], cells: list[list[Line]]) -> None:
    """A line's cells as a row; a line with nothing in the first column, or with only a first
    column going on in lower case, is the rest of the row above (a cell wrapped over two lines)."""
    if len(rows) == 1 or (cells[0] and not (_first_only(cells) and cells[0][0].words[0].text[:1].islower())):
        rows.append(cells)
        return
    for cell, more in zip(rows[-1], cells):
        cell.extend(more)
