"""PDF → flow (see common.py), from the positions and fonts of the words.

pdfplumber (on pdfminer.six, pure Python) gives every word with its box,
font name and size; from those this module finds lines, drops the running
header and footer, reads the page number printed on each page, splits
multi-column parts of a page into columns by the empty vertical strips
between them, finds ruled tables, and tells headings (by size and weight),
list items (by their bullet or number) and paragraphs apart.

This module puts the steps together (read_pdf; pagealign.py reads the pages
of a DOCX from a PDF of it); the steps are in pdftext.py (words from
PDFium), pdfpages.py (lines, running lines, page numbers, type sizes),
pdflayout.py (columns and tables in reading order) and pdflines.py (lines →
headings, list items and paragraphs).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..messages import Msg, msg
from ..model import Cell, Columns, Paragraph, Table, last_page
from .common import (
    Item,
    Joined,
    Report,
    UnreadableDocument,
    cell_blocks,
    column_of,
    excerpt,
)
from .pagealign import first_text
from .pageruns import rests_printed
from .pdfcontents import _drop_contents
from .pdflayout import _pieces
from .pdflines import _VOCABULARY, Reader, Span, _folded, _join, bookmarks, joined, vocabulary
from .pdfnotes import drop_footnotes
from .pdfpages import (
    MARGIN_ZONE,
    Line,
    NumberingRestarts,
    PageContent,
    _drop_running_lines,
    _read_pages,
    _styles,
    report_left_out,
)
from .pdftext import metadata_title, open_pdf, outline
from .unsure import first_texts, other_numbering

# ---------------------------------------------------------------- words and lines


# ---------------------------------------------------------------- pages


# ---------------------------------------------------------------- styles


# ---------------------------------------------------------------- layout


# ---------------------------------------------------------------- lines → items


# ---------------------------------------------------------------- pages → flow


def _parts(restarts: NumberingRestarts) -> list[Msg]:
    return [msg("importers.where.part", part=k, first=a, last=b, printed_first=pa, printed_last=pb)
            for k, (a, b, pa, pb) in enumerate(restarts.parts, start=1)]


def _one_part(pages: list[PageContent], report: Report, part: int | None, name: str) -> None:
    """The pages of one numbering (see _drop_running_lines), or a refusal that names the parts."""
    try:
        _drop_running_lines(pages, report, part)
    except NumberingRestarts as restarts:
        if restarts.part is None:
            raise UnreadableDocument(msg("importers.pdf.parts", n=len(restarts.parts), parts=_parts(restarts)),
                                     source=name) from None
        raise UnreadableDocument(msg("importers.pdf.no_part", part=restarts.part, parts=_parts(restarts)),
                                 source=name) from None


def read_pdf(path: Path, report: Report, part: int | None = None) -> tuple[list[Item], str | None, str | None]:
    doc = open_pdf(path)
    try:
        title, marks, pages = metadata_title(doc), outline(doc), _read_pages(doc, report)
    finally:
        doc.close()
    if not any(p.lines or p.tables for p in pages):
        raise UnreadableDocument(_no_text(pages), source=str(path))
    language = _footer_language(pages)
    _body_pages(pages, report, part, str(path))
    reader = _reader(pages, report, marks)
    feet = (max((line.bottom for p in pages for line in p.lines), default=0), _foot(pages))
    flow = _flow(pages, reader, report)
    items = _merge_tables(_join_pages(flow, feet, report), report)
    return _bookmarked(items, marks, pages), title, language


def _no_text(pages: list[PageContent]) -> Msg:
    """Why a PDF without upright text is refused: its text is turned sideways, or there is none."""
    turned = [str(p.index) for p in pages if p.rotated]
    if not turned:
        return msg("importers.pdf.no_text")
    shown = msg("importers.where.page", page=turned[0]) if len(turned) == 1 else \
        msg("importers.where.page_list", pages=", ".join(turned[:5]))
    where = shown if len(turned) <= 5 else msg("importers.report.more", places=shown, n=len(turned) - 5)
    return msg("importers.pdf.only_turned", n=sum(p.rotated for p in pages), pages=where)


def _footer_language(pages: list[PageContent]) -> str | None:
    """The language whose word for 'page' its footers print ('Sida 3', 'Page 3')."""
    from ..layout import LABELS

    footers = [line.text for p in pages for line in p.lines if line.top > p.height * (1 - MARGIN_ZONE)]
    return next((lang for lang, words in LABELS.items()
                 if any(t.startswith(words["page"] + " ") for t in footers)), None)


def _body_pages(pages: list[PageContent], report: Report, part: int | None, name: str) -> None:
    """The pages of the part imported, without their running lines, contents and footnotes."""
    _one_part(pages, report, part, name)
    report_left_out(pages, report)
    _drop_contents(pages, report)
    drop_footnotes(pages, report)
    if not any(p.lines or p.tables for p in pages):
        raise UnreadableDocument(msg("importers.pdf.only_furniture"), source=name)


def _reader(pages: list[PageContent], report: Report, marks: list[tuple[str, int, int]]) -> Reader:
    """The reader of the document's lines, with its type sizes, vocabulary and bookmarks."""
    styles = _styles([p for p in pages if p.lines] or pages)
    _VOCABULARY.clear()
    _VOCABULARY.update(vocabulary(pages))
    if styles.headings:
        report.note(msg("importers.note.fonts", fonts=Joined(parts=tuple(
            _font(size, bold, italic, level) for (size, bold, italic), level in styles.headings.items()), sep="; ")))
    return Reader(styles, report, bookmarks(marks))


def _flow(pages: list[PageContent], reader: Reader, report: Report) -> list[tuple[Item, Span | None]]:
    """The items of every page in reading order; the pages printed in roman numerals said so."""
    flow: list[tuple[Item, Span | None]] = []
    front: list[tuple[int, str, str]] = []  # (page index, kind, text) of the pages printed in roman numerals
    for p in pages:
        start = len(flow)
        for kind, value in _pieces(p):
            flow.extend(_piece(reader, report, p, kind, value))
        if p.numbering != "decimal":
            front.extend((p.index, it.kind, it.text or first_text(it.block)) for it, _ in flow[start:])
    _front_matter(pages, front, report)
    return flow


def _piece(reader: Reader, report: Report, p: PageContent, kind: str, value) -> list[tuple[Item, Span | None]]:
    """One piece of a page (lines, columns or a table) as items."""
    if kind == "lines":
        return list(reader.spans(value, p.printed))
    if kind == "columns" and _text_columns(value, p.height):
        return list(_read_columns(reader, value, p.printed))
    if kind == "columns":
        where = msg("importers.where.columns", page=p.printed)
        cols = tuple(column_of(reader.items(c, p.printed), report, where) for c in value)
        return [(Item("block", p.printed, block=Columns(cols)), None)]
    if kind == "grid":
        report.caveat(msg("importers.what.borderless_table"), msg("importers.where.page", page=p.printed))
    return [(Item("block", p.printed, block=_table(reader, value, p.printed, report)), None)]


def _front_matter(pages: list[PageContent], front: list[tuple[int, str, str]], report: Report) -> None:
    """Pages printed in roman numerals are on no page an amendment cites (see unsure.other_numbering)."""
    by_index = {p.index: p for p in pages}
    other_numbering(report, [(by_index[i].numbering, by_index[i].label, by_index[i].printed, text)
                             for i, text in first_texts(front).items()])


def _bookmarked(items: list[Item], marks: list[tuple[str, int, int]], pages: list[PageContent]) -> list[Item]:
    """Headings the PDF's bookmarks name on their page are found by the document's own
    outline, not only by their font or numbering: the report says so, with high confidence."""
    named = _bookmark_names(marks, pages)
    return [replace(it, signal="bookmark") if it.kind == "heading" and it.signal != "bookmark only"
            and (_folded(it.text), it.page) in named else it for it in items]


def _bookmark_names(marks: list[tuple[str, int, int]], pages: list[PageContent]) -> set[tuple[str, int]]:
    """(folded title, printed page) of every bookmark that points to a page imported."""
    printed = {p.index: p.printed for p in pages}
    return {(_folded(title), printed[index]) for title, index, _ in marks if index in printed}


def _foot(pages: list[PageContent]) -> float:
    """Where the text of a full page ends: the foot most pages reach (a page with a
    table or a footnote set lower must not make every other page look short)."""
    feet = sorted(max(line.bottom for line in p.lines) for p in pages if p.lines)
    return feet[(3 * len(feet)) // 4] if feet else 0.0


def _font(size: float, bold: bool, italic: bool, level: int) -> Msg:
    """"14 pt bold → level 2": how a heading level was read from its font."""
    if bold and italic:
        return msg("importers.font.bold_italic", size=size, level=level)
    if bold:
        return msg("importers.font.bold", size=size, level=level)
    if italic:
        return msg("importers.font.italic", size=size, level=level)
    return msg("importers.font.plain", size=size, level=level)


def _text_columns(columns: list[list[Line]], height: float) -> bool:
    """Columns of running text (a page set in two columns, or headings in the
    margin beside the text), read in order, rather than a side-by-side layout
    of short parallel parts, which becomes a columns block."""
    top = min(line.top for col in columns for line in col)
    bottom = max(line.bottom for col in columns for line in col)
    return (min(len(col) for col in columns) >= 6 and bottom - top > 0.3 * height) or _margin_headings(columns)


def _margin_headings(columns: list[list[Line]]) -> bool:
    """Two columns, the first a narrow one of a few lines beside the text."""
    return len(columns) == 2 and len(columns[1]) >= 6 and len(columns[0]) * 3 <= len(columns[1]) and \
        max(l.x1 - l.x0 for l in columns[0]) < 0.6 * max(l.x1 - l.x0 for l in columns[1])


def _read_columns(reader, columns: list[list[Line]], page: int) -> list:
    """Text columns → items in reading order. Headings in a narrow margin
    column (few lines beside many) are read where they stand, between the
    paragraphs beside them; full columns one after the other, a paragraph that
    runs from the foot of one column to the top of the next joined."""
    if _margin_headings(columns):
        ordered = sorted(columns[0] + columns[1], key=lambda l: (l.top, l.x0))
        left = {id(l) for l in columns[0]}
        out: list[tuple[Item, Span | None]] = []
        run: list[Line] = []
        for line in ordered:  # each margin line on its own, the text beside it in runs
            if id(line) in left:
                out.extend(reader.spans(run, page)) if run else None
                out.extend(reader.spans([line], page))
                run = []
            else:
                run.append(line)
        return out + (reader.spans(run, page) if run else [])
    read: list[tuple[Item, Span]] = []
    for col in columns:
        spans = reader.spans(col, page)
        if _runs_on(read, spans):
            item, span = read[-1]
            read[-1] = (replace(item, text=joined(item.text, spans[0][0].text, reader.report, item.page)), spans[0][1])
            spans = spans[1:]
        read.extend(spans)
    return list(read)


def _runs_on(read: list[tuple[Item, Span]], spans: list[tuple[Item, Span]]) -> bool:
    """The column's first paragraph goes on the last one of the column before: that one
    ends in a full line, this one starts in lower case."""
    return bool(read and spans and read[-1][1].full and read[-1][0].kind in ("paragraph", "item")
                and spans[0][0].kind == "paragraph" and spans[0][0].text[:1].islower())


def _join_pages(flow: list[tuple[Item, Span | None]], feet: tuple[float, float], report: Report) -> list[Item]:
    """A paragraph that fills its page to the foot, its last line full, and goes
    on at the top of the next page at the same left edge is one paragraph,
    anchored to the page it starts on."""
    out: list[Item] = []
    prev: Span | None = None
    rests: list[Item] = []  # the parts printed on the next page, marked for resolve (pageruns)
    for item, span in flow:
        if prev is not None and span is not None and out and _goes_over(out[-1], prev, item, span, feet):
            report.caveat(msg("importers.what.split_paragraph"),
                          msg("importers.where.page_text", page=out[-1].page, text=excerpt(out[-1].text, 30)))
            out[-1] = replace(out[-1], text=joined(out[-1].text, item.text, report, out[-1].page))
            prev = span
            rests.append(item)
            continue
        out.append(item)
        prev = span
    report.unsure.extend(rests_printed(rests, out))
    return out


def _goes_over(last: Item, prev: Span, item: Item, span: Span, feet: tuple[float, float]) -> bool:
    """`item`, at the top of its page, is the rest of the paragraph `last` that ends the page before."""
    return (item.kind == "paragraph" and not item.style and last.kind in ("paragraph", "item")
            and item.page == last.page + 1 and _full(prev, span) and _at_foot(prev, feet, last.text, item.text)
            and abs(span.first.x0 - prev.indent) <= 2.5)


def _full(prev: Span, span: Span) -> bool:
    """The last line before the page end is full: nearly to the right edge, or short of it by less
    than the next page's first word needs ('… Kommunstyrelsen svarar för' / 'övergripande …')."""
    first = span.first.words[0]
    return prev.full or prev.room < (first.x1 - first.x0) + 0.28 * span.first.size + 1.0


def _at_foot(prev: Span, feet: tuple[float, float], text: str, following: str) -> bool:
    """Does the paragraph reach the page's foot? The lowest foot of the document says so
    at once; the foot most pages reach (`_foot`) only where the text reads on (no sentence
    end before the page break, or a lower-case word after it)."""
    lowest, usual = feet
    if prev.last.bottom > lowest - 1.5 * prev.last.size:
        return True
    reads_on = not text.rstrip().endswith((".", "!", "?", ":")) or following[:1].islower()
    return reads_on and prev.last.bottom > usual - 1.5 * prev.last.size


def _merge_tables(items: list[Item], report: Report) -> list[Item]:
    """A table that goes on on the next page, its header row repeated, is one table whose rows
    each have the page they are printed on (the report says where, to check)."""
    out: list[Item] = []
    for it in items:
        if out and _goes_on(out[-1], it):
            out[-1] = _merged(out[-1], it, report)
        else:
            out.append(it)
    for it in out:
        if isinstance(it.block, Table) and it.block.row_pages:
            report.caveat(msg("importers.what.table_rows_paged"),
                          msg("importers.where.pages", first=it.page, last=last_page(it.block, it.page)))
    return out


def _goes_on(prev: Item, it: Item) -> bool:
    """`it` is the rest of the table `prev` on the next page: the same header row repeated at its top."""
    if not (isinstance(prev.block, Table) and isinstance(it.block, Table) and it.block.header):
        return False
    return it.page == last_page(prev.block, prev.page) + 1 and it.block.header == prev.block.header


def _merged(prev: Item, it: Item, report: Report) -> Item:
    assert isinstance(prev.block, Table) and isinstance(it.block, Table)
    first, rest = prev.block, it.block.rows
    rows = first.rows
    if rest and first.rows and _rest_of_row(rest[0]):  # the row before the page break goes on under the header
        report.caveat(msg("importers.what.row_over_page"), msg("importers.where.page_text", page=it.page,
                                                                 text=excerpt(_cell_text(rest[0][0]), 30)))
        rows, rest = rows[:-1] + (_joined_row(rows[-1], rest[0]),), rest[1:]
    pages = first.pages_of_rows(prev.page)[:len(rows)] + (it.page,) * len(rest)
    return replace(prev, block=replace(first, rows=rows + rest).with_row_pages(pages, prev.page))


def _rest_of_row(row: tuple[Cell, ...]) -> bool:
    """The first row under a repeated header is the rest of the row broken at the page end: some of its
    cells are empty and its first cell is too, or starts in lower case (as a line that goes on does)."""
    texts = [_cell_text(c) for c in row]
    return any(not t for t in texts) and (not texts[0] or texts[0][:1].islower())


def _joined_row(row: tuple[Cell, ...], rest: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A row and the rest of it from the next page, cell by cell (a paragraph goes on in the cell)."""
    return tuple(_joined_cell(a, b) for a, b in zip(row, rest)) + row[len(rest):]


def _joined_cell(a: Cell, b: Cell) -> Cell:
    if a.blocks and b.blocks and isinstance(a.blocks[-1], Paragraph) and isinstance(b.blocks[0], Paragraph):
        joined = Paragraph(_join(a.blocks[-1].text, b.blocks[0].text))
        return Cell(a.blocks[:-1] + (joined,) + b.blocks[1:])
    return Cell(a.blocks + b.blocks)


def _cell_text(cell: Cell) -> str:
    return next((t for b in cell.blocks if (t := getattr(b, "text", ""))), "")


def _table(reader: Reader, rows, page: int, report: Report) -> Table:
    where = msg("importers.where.table", page=page)
    cells = [[cell_blocks(reader.items(c, page, headings=False), report, where) for c in row] for row in rows]
    bold = [all(w.bold for c in row for ln in c for w in ln.words) and any(row) for row in rows]
    header: list[tuple] = []
    if len(rows) > 1 and bold[0] and not all(bold[1:]):
        header, cells = cells[0], cells[1:]
    return Table(tuple(Cell(c) for c in header), tuple(tuple(Cell(c) for c in r) for r in cells))
