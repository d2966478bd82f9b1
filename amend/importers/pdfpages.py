"""A PDF's pages as lines of words: words joined into lines (a wide gap cuts a
line), the running header and footer dropped and the page number printed on each
page read, a table of contents left out, and the type sizes of the body and the
headings found."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from ..messages import msg
from ..text import clean, fold
from . import pagenumbers
from .common import Report
from .pdftext import Word, pages

BULLETS = set("•◦▪▫■□●○‣⁃–—-·*►▶✓✔➢")


NUMBER = re.compile(r"^(\d{1,3}|[a-zA-Z])[.)]$")


MARGIN_ZONE = 0.12  # the top and bottom share of a page where running headers and footers are

K = TypeVar("K", bound=Hashable)


def _letters(words: Iterable[Word], key: Callable[[Word], K]) -> Counter[K]:
    """How many letters the words have in each kind `key` tells (a style, a type size)."""
    count: Counter[K] = Counter()
    for w in words:
        count[key(w)] += len(w.text)
    return count


@dataclass
class Line:
    words: list[Word]
    page: int  # index of the PDF page, from 1

    @property
    def x0(self):
        return self.words[0].x0

    @property
    def x1(self):
        return max(w.x1 for w in self.words)

    @property
    def top(self):
        return min(w.top for w in self.words)

    @property
    def bottom(self):
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def heading_text(self) -> str:
        """The text without a note mark at its end (a heading's footnote reference)."""
        return " ".join(w.text for w in _without_note_mark(self.words))

    @cached_property
    def style(self) -> tuple:
        """The style of most of the line's letters."""
        return _letters(self.words, lambda w: w.style).most_common(1)[0][0]

    @property
    def size(self) -> float:
        return self.style[0]

    def marker(self) -> str | None:
        """'bullet' or 'number' when the line starts a list item."""
        if len(self.words) < 2:
            return None
        first, second = self.words[0].text, self.words[1]
        gap = second.x0 - self.words[0].x1
        if len(first) == 1 and (first in BULLETS or "\uf000" <= first <= "\uf0ff") and gap > 0.2 * self.size:
            return "bullet"
        if NUMBER.match(first) and gap > 0.6 * self.size:  # a tab after the number, not a space
            return "number"
        return None


SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,4}\.?$")


def _is_marker_word(text: str) -> bool:
    """A bullet, a list number or a section number ("3.1"), which a tab may part from its text."""
    return (len(text) == 1 and (text in BULLETS or "\uf000" <= text <= "\uf0ff")) or bool(NUMBER.match(text)) \
        or bool(SECTION_NUMBER.match(text))


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words that share a baseline (overlap by half their height) form one line."""
    lines: list[list] = []  # [words, top, bottom]: a line's extent kept as it grows
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        height = w.bottom - w.top
        for line in reversed(lines[-4:]):
            top, bottom = line[1], line[2]
            if min(bottom, w.bottom) - max(top, w.top) >= 0.5 * min(height, bottom - top):
                line[0].append(w)
                line[1], line[2] = min(top, w.top), max(bottom, w.bottom)
                break
        else:
            lines.append([[w], w.top, w.bottom])
    body = _body_size(words)
    return [Line(_unspace(sorted(ws, key=lambda w: w.x0), body), page) for ws, _, _ in lines]


def _body_size(words: list[Word]) -> float:
    """The type size of most of the page's letters."""
    sizes = _letters(words, lambda w: round(w.size))
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _unspace(words: list[Word], body: float) -> list[Word]:
    """Display type set letter-spaced (an InDesign heading: 'k l i ma tst ra t e g i') is
    read as its words: a run of short pieces, larger than the body text, whose gaps are
    narrower than half the type size (a word space in such type is wider) is one word."""
    out: list[Word] = []
    run: list[Word] = []
    for w in words:
        if run and 0 <= w.x0 - run[-1].x1 < 0.45 * max(w.size, run[-1].size):
            run.append(w)
            continue
        out.extend(_spaced_word(run, body))
        run = [w]
    return out + _spaced_word(run, body)


def _spaced_word(run: list[Word], body: float) -> list[Word]:
    big = max((w.size for w in run), default=0.0)
    if len(run) < 3 or sum(len(w.text) for w in run) > 3 * len(run) or big < 1.3 * body:
        return run
    first = max(run, key=lambda w: w.size)
    text = "".join(w.text for w in run)
    return [Word(text, run[0].x0, run[-1].x1, min(w.top for w in run), max(w.bottom for w in run), big,
                 first.bold, first.italic)]


def _segments(line: Line) -> list[Line]:
    """A line cut where the gap between words is wider than a space can be: a
    line that crosses columns. A bullet or number stays with its text."""
    parts = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        lone_marker = len(parts[-1]) == 1 and (_is_marker_word(prev.text) or _chapter_number(prev, w, line))
        if w.x0 - prev.x1 > 0.8 * line.size and not lone_marker:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [Line(p, line.page) for p in parts]


def _chapter_number(number: Word, w: Word, line: Line) -> bool:
    """A bold chapter number set apart by a tab ('5<TAB>Identifierade och analyserade risker')."""
    return number is line.words[0] and number.text.isdigit() and len(number.text) <= 2 and number.bold \
        and number.style == w.style and w.text[:1].isupper() and w.x0 - number.x1 < 2.5 * number.size


@dataclass
class PageContent:
    index: int
    height: float
    width: float
    lines: list[Line]
    tables: list = field(default_factory=list)  # (top, bottom, rows of cell line lists)
    printed: int = 0  # the page it is cited by, once _drop_running_lines has read it
    images: int = 0  # not imported, reported by report_left_out once the printed page is known
    rotated: int = 0
    merged: int = 0  # merged table cells
    numbering: str = "decimal"  # "lowerRoman" or "upperRoman" where the page prints its number so (a front matter)
    label: int = 0  # the number it prints in that numbering


def report_left_out(pages: list[PageContent], report: Report) -> None:
    """Images, rotated text and merged cells of the pages imported, by the page printed on them."""
    for p in pages:
        where = msg("importers.where.page", page=p.printed)
        if p.rotated:
            report.lost(msg("importers.what.rotated_text"), where)
        if p.images:
            report.lost(msg("importers.what.image"), where)
        for _ in range(p.merged):
            report.caveat(msg("importers.what.merged_cell"), where)


def _read_pages(doc, report: Report) -> list[PageContent]:
    out = []
    for raw in pages(doc):
        words, merged, tables = raw.words, 0, []
        for (x0, top, x1, bottom), cell_rows in raw.tables:
            inside = _inside(words, x0, top, x1, bottom)
            if inside:
                tables.append((top, bottom, [_cells(row, inside, raw.index) for row in cell_rows]))
                merged += sum(bbox is None for row in cell_rows for bbox in row)
                inside_ids = {id(w) for w in inside}
                words = [w for w in words if id(w) not in inside_ids]
        out.append(PageContent(raw.index, raw.height, raw.width, _lines(words, raw.index), tables,
                               images=raw.images, rotated=raw.rotated, merged=merged))
    return out


def _inside(words: list[Word], x0: float, top: float, x1: float, bottom: float) -> list[Word]:
    """The words whose middle is in the box."""
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]


def _cells(row: list, inside: list[Word], page: int) -> list[list[Line]]:
    """A ruled table's row: the lines of the words in each cell's box (none in a merged cell, None)."""
    return [_lines(_inside(inside, *bbox), page) if bbox is not None else [] for bbox in row]


class NumberingRestarts(Exception):
    """The page numbers start again: the PDF is in parts, (first, last, printed first, printed last) each."""

    def __init__(self, parts: list[tuple[int, int, int, int]], part: int | None):
        super().__init__(parts)
        self.parts, self.part = parts, part


def _drop_running_lines(pages: list[PageContent], report: Report, part: int | None = None) -> list[PageContent]:
    """Drop running headers and footers (the same text, digits aside, at the top
    or bottom of many pages, or a page number) and read the page number printed
    in them. Where the numbering starts again, the pages of `part` (from 1) are
    kept, and without `part` NumberingRestarts says which parts there are: a
    program's pages cannot go back, and 'sidan 3' must not be the wrong part's."""
    found = [_number_candidates(p) for p in pages]
    first, last = _one_numbering(found, part, report)
    running = _running_keys(pages)
    pages[:] = pages[first - 1:last]
    other = pagenumbers.roman_pages([_roman_candidates(p) for p in pages])
    settled = pagenumbers.settle(found[first - 1:last], base=first - 1, other=frozenset(other))
    for k, (p, page, how) in enumerate(zip(pages, settled.pages, settled.how), start=1):
        _number_page(p, page, k in other, running)
        report.page_how.setdefault(page, how)
    for note in settled.notes:
        report.note(note)
    report.physical_pages = not settled.printed
    return pages


def _number_page(p: PageContent, page: int, roman: bool, running: set[str]) -> None:
    """The page it is cited by; its running lines and printed page number dropped."""
    p.printed = page
    if roman:
        p.numbering, p.label = _roman_format(p)
    p.lines = [line for line in p.lines if not (_in_margin(p, line) and (
        _running_key(line) in running or _page_number_line(line) or (roman and _roman_line(line))))]


def _running_keys(pages: list[PageContent]) -> set[str]:
    """The margin lines printed on many pages (two at least, else two in five), digits aside."""
    seen = Counter(key for p in pages for key in {_running_key(line) for line in p.lines if _in_margin(p, line)})
    need = max(2, round(0.4 * len(pages)))
    return {key for key, n in seen.items() if n >= need}


def _page_number_line(line: Line) -> bool:
    text = clean(line.text)
    return bool(pagenumbers.candidates(text) and pagenumbers.WHOLE.match(text))


def _roman_line(line: Line) -> bool:
    return pagenumbers.roman(clean(line.text)) is not None


def _roman_candidates(p: PageContent) -> list[tuple[int, bool]]:
    """The page numbers in roman numerals the page's margin lines may print."""
    return [found for line in p.lines if _in_margin(p, line) for found in [pagenumbers.roman(clean(line.text))]
            if found is not None]


def _roman_format(p: PageContent) -> tuple[str, int]:
    """The numbering as Word names it, 'lowerRoman' (i, ii) or 'upperRoman' (I, II), and the number."""
    line = next(line for line in p.lines if _in_margin(p, line) and _roman_line(line))
    value, _ = pagenumbers.roman(clean(line.text)) or (0, False)
    return ("upperRoman" if line.words[-1].text.strip("-–—").isupper() else "lowerRoman"), value


def _in_margin(p: PageContent, line: Line) -> bool:
    return line.bottom < p.height * MARGIN_ZONE or line.top > p.height * (1 - MARGIN_ZONE)


def _running_key(line: Line) -> str:
    """A running line's text, digits aside wherever they stand ('5 Årsredogörelse 2024', 'Årsredogörelse 2024 6')."""
    return " ".join(re.sub(r"\d+", " ", fold(line.text)[0]).split()) or line.text


def _number_candidates(p: PageContent) -> list:
    """What the page's margin lines (whole, or cut at wide gaps) may print as its page number."""
    return [found for line in p.lines if _in_margin(p, line)
            for text in {clean(line.text), *(clean(seg.text) for seg in _segments(line))}
            for found in pagenumbers.candidates(text)]


def _one_numbering(found: list, part: int | None, report: Report) -> tuple[int, int]:
    """The PDF pages (first, last) of the part to import: all of them where the numbering never starts again."""
    bounds = pagenumbers.parts(found)
    if (part is None and len(bounds) > 1) or (part is not None and not 1 <= part <= len(bounds)):
        raise NumberingRestarts([(a, b, *_printed_span(found, a, b)) for a, b in bounds], part)
    first, last = bounds[(part or 1) - 1]
    if len(bounds) > 1:
        report.note(msg("importers.note.part", part=part, first=first, last=last, parts=len(bounds)))
    return first, last


def _printed_span(found: list, first: int, last: int) -> tuple[int, int]:
    pages = pagenumbers.settle(found[first - 1:last]).pages
    return pages[0], pages[-1]


@dataclass
class Styles:
    body: tuple
    headings: dict  # style → level
    title: tuple | None


def _styles(pages: list[PageContent]) -> Styles:
    """The body's type (the style of most letters), the title's and the heading levels' (larger or bolder)."""
    letters = _letters((w for p in pages for line in p.lines for w in line.words), lambda w: w.style)
    if not letters:  # no line outside the running header and footer (tables only, or nothing)
        return Styles((0.0, False, False), {}, None)
    body = letters.most_common(1)[0][0]
    later = {line.style for p in pages[1:] for line in p.lines if _whole(line)}
    title = _title_style(pages, body, later)
    order = sorted(_heading_styles(pages, body, later, title), key=lambda s: (-s[0], not s[1], s[2]))
    return Styles(body, {s: i + 1 for i, s in enumerate(order)}, title)


def _heading_like(style: tuple, body: tuple) -> bool:
    return style != body and (style[0] > body[0] + 0.4 or (style[1] and style[0] >= body[0] - 0.1))


def _title_style(pages: list[PageContent], body: tuple, later: set) -> tuple | None:
    """The largest type of the first page, where it is a heading's and no later page sets type as large."""
    title = max({line.style for line in pages[0].lines}, key=lambda s: s[0], default=None)
    if title is None or not _heading_like(title, body) or any(s[0] >= title[0] for s in later):
        return None
    return title


def _heading_styles(pages: list[PageContent], body: tuple, later: set, title: tuple | None) -> set:
    """The styles of whole lines set larger or bolder than the body, but not running text."""
    candidates = {line.style for p in pages for line in p.lines if _whole(line) and _heading_like(line.style, body)}
    if len(pages) > 1:  # a style seen on the first page only is the title page's (organisation, subtitle)
        candidates &= later
    candidates.discard(title)
    return candidates - _running_text_styles(pages, candidates)


def _running_text_styles(pages: list[PageContent], styles: set) -> set:
    """Styles set larger or bolder than the body that read as running text, not headings: many
    of their lines, long (a heading is short), one in seven or more ending in punctuation (a
    second body size, an introduction set larger, a quotation in italics)."""
    lines: dict[tuple, list[str]] = {s: [] for s in styles}
    for p in pages:
        for line in p.lines:
            if line.style in lines and _whole(line):
                lines[line.style].append(line.text.rstrip())
    return {s for s, texts in lines.items() if len(texts) >= 10 and sorted(map(len, texts))[len(texts) // 2] > 55
            and sum(t.endswith((".", ",", ":", ";")) for t in texts) > 0.15 * len(texts)}


def _whole(line: Line) -> bool:
    """All of the line in one style (a note mark at its end aside): a heading is not a
    bold word in a sentence."""
    return len({w.style for w in _without_note_mark(line.words)}) == 1


def _without_note_mark(words: list[Word]) -> list[Word]:
    """The words without a note mark at their end (a heading's footnote reference)."""
    while len(words) > 1 and _note_mark(words[-1], words[-2]):
        words = words[:-1]
    return words


def _note_mark(w: Word, before: Word) -> bool:
    """A footnote reference: one or two digits in smaller type right after a word."""
    return w.text.isdigit() and len(w.text) <= 2 and w.size < 0.8 * before.size \
        and w.x0 - before.x1 < 0.15 * before.size
