"""PDF → flow (see common.py), from the positions and fonts of the words.

pdfplumber (on pdfminer.six, pure Python) gives every word with its box,
font name and size; from those this module finds lines, drops the running
header and footer, reads the page number printed on each page, splits
multi-column parts of a page into columns by the empty vertical strips
between them, finds ruled tables, and tells headings (by size and weight),
list items (by their bullet or number) and paragraphs apart.
"""
from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..messages import Msg, msg
from ..model import Cell, Columns, Table
from ..text import clean, fold
from . import pagenumbers
from .common import (
    Item,
    Joined,
    Report,
    UnreadableDocument,
    cell_blocks,
    column_of,
    excerpt,
)
from .pdftext import Word, metadata_title, open_pdf, pages

BULLETS = set("•◦▪▫■□●○‣⁃–—-·*►▶✓✔➢")
NUMBER = re.compile(r"^(\d{1,3}|[a-zA-Z])[.)]$")
MARGIN_ZONE = 0.12  # the top and bottom share of a page where running headers and footers are


# ---------------------------------------------------------------- words and lines


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
    def style(self) -> tuple:
        """The style of most of the line's letters."""
        count: Counter[tuple] = Counter()
        for w in self.words:
            count[w.style] += len(w.text)
        return count.most_common(1)[0][0]

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
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        height = w.bottom - w.top
        for line in reversed(lines[-4:]):
            top, bottom = min(x.top for x in line), max(x.bottom for x in line)
            if min(bottom, w.bottom) - max(top, w.top) >= 0.5 * min(height, bottom - top):
                line.append(w)
                break
        else:
            lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0), page) for ws in lines]


def _segments(line: Line) -> list[Line]:
    """A line cut where the gap between words is wider than a space can be: a
    line that crosses columns. A bullet or number stays with its text."""
    parts = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        lone_marker = len(parts[-1]) == 1 and _is_marker_word(parts[-1][0].text)
        if w.x0 - prev.x1 > 0.8 * line.size and not lone_marker:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [Line(p, line.page) for p in parts]


# ---------------------------------------------------------------- pages


@dataclass
class PageContent:
    index: int
    height: float
    width: float
    lines: list[Line]
    tables: list = field(default_factory=list)  # (top, bottom, rows of cell line lists)
    printed: int = 0  # the page it is cited by, once _drop_running_lines has read it


def _read_pages(doc, report: Report) -> list[PageContent]:
    out = []
    for raw in pages(doc):
        i, words = raw.index, raw.words
        if raw.rotated:
            report.lost(msg("importers.what.rotated_text"), msg("importers.where.page", page=i))
        if raw.images:
            report.lost(msg("importers.what.image"), msg("importers.where.page", page=i))
        tables = []
        for (x0, top, x1, bottom), cell_rows in raw.tables:
            inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
            if not inside:
                continue
            rows = []
            for row in cell_rows:
                cells: list[list[Line]] = []
                for bbox in row:
                    if bbox is None:
                        report.caveat(msg("importers.what.merged_cell"), msg("importers.where.page", page=i))
                        cells.append([])
                        continue
                    cx0, ctop, cx1, cbottom = bbox
                    cells.append(_lines([w for w in inside if cx0 <= (w.x0 + w.x1) / 2 <= cx1
                                         and ctop <= (w.top + w.bottom) / 2 <= cbottom], i))
                rows.append(cells)
            tables.append((top, bottom, rows))
            inside_ids = {id(w) for w in inside}
            words = [w for w in words if id(w) not in inside_ids]
        out.append(PageContent(i, raw.height, raw.width, _lines(words, i), tables))
    return out


CONTENTS = re.compile(r"^(innehåll|innehållsförteckning|contents|table of contents)$", re.IGNORECASE)


def _drop_contents(pages: list[PageContent], report: Report) -> None:
    """Leave out a table of contents: a page where five or more lines end in a
    page number set apart at one right edge (or after dot leaders); the lines
    from its first entry to its last (entries over two lines too) go."""
    for p in pages:
        ends = [i for i, line in enumerate(p.lines) if _toc_entry(line)]
        if len(ends) < 5:
            continue
        edges = Counter(round(p.lines[i].x1 / 3) for i in ends)
        edge, count = edges.most_common(1)[0]
        ends = [i for i in ends if abs(round(p.lines[i].x1 / 3) - edge) <= 1 or TOC_LINE.search(p.lines[i].text)]
        if len(ends) < 5:
            continue
        first, last = ends[0], ends[-1]
        while first > 0 and p.lines[first - 1].top > p.lines[first].top - 3 * p.lines[first].size \
                and not CONTENTS.match(clean(p.lines[first - 1].text)) and first - 1 not in ends:
            first -= 1  # the first entry's first line
        if first > 0 and CONTENTS.match(clean(p.lines[first - 1].text)):
            first -= 1
        report.note(msg("importers.note.contents_page", page=p.printed))
        p.lines = p.lines[:first] + p.lines[last + 1:]


def _toc_entry(line: Line) -> bool:
    text = clean(line.text)
    if TOC_LINE.search(text):
        return True
    last = line.words[-1]
    return len(line.words) >= 2 and last.text.isdigit() and len(last.text) <= 3 \
        and last.x0 - line.words[-2].x1 > 1.2 * line.size


def _drop_running_lines(pages: list[PageContent], report: Report) -> None:
    """Drop running headers and footers (the same text, digits aside, at the top
    or bottom of many pages, or a page number) and read the page number printed
    in them."""
    def zone(p, line):
        return line.bottom < p.height * MARGIN_ZONE or line.top > p.height * (1 - MARGIN_ZONE)

    def key(line):
        return re.sub(r"\d+", "#", fold(line.text)[0])

    seen: Counter[str] = Counter()
    for p in pages:
        seen.update({key(line) for line in p.lines if zone(p, line)})
    need = max(2, round(0.4 * len(pages)))
    found = []
    for p in pages:
        cands: list = []
        for line in p.lines:
            if zone(p, line):
                parts = _segments(line)
                for text in {clean(line.text), *(clean(seg.text) for seg in parts)}:
                    cands.extend(pagenumbers.candidates(text))
        found.append(cands)
    settled = pagenumbers.settle(found)
    for p, page in zip(pages, settled.pages):
        p.printed = page
        p.lines = [line for line in p.lines if not (zone(p, line) and (
            seen[key(line)] >= need or any(pagenumbers.candidates(clean(seg.text)) and
                                           pagenumbers.WHOLE.match(clean(seg.text)) for seg in [line])))]
    for note in settled.notes:
        report.note(note)
    report.physical_pages = not settled.printed


# ---------------------------------------------------------------- styles


@dataclass
class Styles:
    body: tuple
    headings: dict  # style → level
    title: tuple | None


def _styles(pages: list[PageContent]) -> Styles:
    letters: Counter[tuple] = Counter()
    for p in pages:
        for line in p.lines:
            for w in line.words:
                letters[w.style] += len(w.text)
    if not letters:  # no line outside the running header and footer (tables only, or nothing)
        return Styles((0.0, False, False), {}, None)
    body = letters.most_common(1)[0][0]

    def heading_like(style):
        return style != body and (style[0] > body[0] + 0.4 or (style[1] and style[0] >= body[0] - 0.1))

    first_page = {line.style for line in pages[0].lines}
    later = {line.style for p in pages[1:] for line in p.lines if _whole(line)}
    title = max(first_page, key=lambda s: s[0], default=None)
    if title is None or not heading_like(title) or any(s[0] >= title[0] for s in later):
        title = None
    candidates = {line.style for p in pages for line in p.lines if _whole(line) and heading_like(line.style)}
    if len(pages) > 1:  # a style seen on the first page only is the title page's (organisation, subtitle)
        candidates &= later
    candidates.discard(title)
    order = sorted(candidates, key=lambda s: (-s[0], not s[1], s[2]))
    return Styles(body, {s: i + 1 for i, s in enumerate(order)}, title)


def _whole(line: Line) -> bool:
    """All of the line in one style: a heading is not a bold word in a sentence."""
    return len({w.style for w in line.words}) == 1


# ---------------------------------------------------------------- layout


def _pieces(p: PageContent) -> list[tuple]:
    """The page as pieces in reading order: ("lines", [line]), ("columns",
    [[line] per column]) and ("table", rows)."""
    pieces: list[tuple] = []
    flow = sorted(p.lines, key=lambda line: line.top)
    tables = sorted(p.tables, key=lambda t: t[0])
    events = [("line", line.top, line) for line in flow] + [("table", t[0], t) for t in tables]
    events.sort(key=lambda e: (e[1], e[0] == "line"))
    run: list[Line] = []
    for kind, _, value in events:
        if kind == "table":
            pieces.extend(_page_columns(run, p.width))
            run = []
            pieces.append(("table", value[2]))
        else:
            run.append(value)
    pieces.extend(_page_columns(run, p.width))
    return pieces


def _page_columns(lines: list[Line], width: float) -> list[tuple]:
    """A page set in two columns: split at the gutter, an empty vertical strip
    that most lines leave free, before lines are read (a line of one column
    must not take words of the other, even where their baselines differ).
    Lines that cross the gutter (a heading over both columns) stand alone.
    Without such a gutter, side-by-side parts are looked for line by line."""
    found = _gutter(lines, width)
    if found is None:
        return _split_columns(lines)
    g, gap = found
    out: list[tuple] = []
    band: list[Line] = []

    def flush():
        left = [w for line in band for w in line.words if w.x1 <= g]
        right = [w for line in band for w in line.words if w.x0 >= g]
        page = band[0].page if band else 0
        if left and right:
            out.append(("columns", [_lines(left, page), _lines(right, page)]))
        elif band:
            out.append(("lines", _lines(left or right, page)))
        band.clear()

    for line in lines:
        if any(w.x0 < g < w.x1 for w in line.words) or _gap_at(line, g) < 0.6 * gap:
            flush()
            if out and out[-1][0] == "lines":
                out[-1][1].append(line)
            else:
                out.append(("lines", [line]))
        else:
            band.append(line)
    flush()
    return out


def _gap_at(line: Line, x: float) -> float:
    """The free width around x in a line (0 where a word covers it; a line on one side: no gap)."""
    left = [w.x1 for w in line.words if w.x1 <= x]
    right = [w.x0 for w in line.words if w.x0 >= x]
    if not left or not right:
        return float("inf")
    return min(right) - max(left)


def _gutter(lines: list[Line], width: float) -> tuple[float, float] | None:
    """The x of a page's column gutter and its usual width, or None for a page in one column."""
    if len(lines) < 10:
        return None
    best, best_score = None, 0
    for x in range(int(0.3 * width), int(0.7 * width), 2):
        split = cross = 0
        for line in lines:
            words = line.words
            if any(w.x0 < x + 3 and w.x1 > x - 3 for w in words):
                cross += 1
            elif words[0].x1 < x < words[-1].x0:
                split += 1
        if split >= 8 and cross <= 0.2 * split and split - cross > best_score:
            best, best_score = x, split - cross
    if best is None:
        return None
    gaps = sorted(g for g in (_gap_at(line, best) for line in lines) if 0 < g < float("inf"))
    return float(best), gaps[len(gaps) // 2]


def _split_columns(lines: list[Line]) -> list[tuple]:
    """Runs of lines → single-column runs and column regions.

    A column region starts at a line that breaks into parts with wide gaps;
    the gaps are its gutters, the empty strips between columns. Following
    lines belong to it while none of them covers a gutter (a line that only
    reaches into one narrows it); lines just above it that fit (a column's
    heading that stands higher than the others) belong to it too.
    """
    out: list[tuple] = []
    single: list[Line] = []
    i = 0
    while i < len(lines):
        parts = _segments(lines[i])
        if len(parts) < 2:
            single.append(lines[i])
            i += 1
            continue
        gutters = _gaps(parts)
        members = [lines[i]]
        j = i + 1
        while j < len(lines) and (narrowed := _absorb(gutters, lines[j])) is not None:
            gutters = narrowed
            members.append(lines[j])
            j += 1
        while single and members[0].top - single[-1].bottom < 2 * single[-1].size \
                and (narrowed := _absorb(gutters, single[-1])) is not None:
            gutters = narrowed
            members.insert(0, single.pop())
        columns = _columns(members, gutters)
        if len(columns) < 2 or len(members) < 2:  # one wide gap in one line: not a layout
            single.extend(members)
        else:
            if single:
                out.append(("lines", single))
                single = []
            out.append(("columns", columns))
        i = j
    if single:
        out.append(("lines", single))
    return out


def _gaps(parts: list[Line]) -> list[tuple]:
    return [(a.x1, b.x0) for a, b in zip(parts, parts[1:])]


def _absorb(gutters, line: Line):
    """The gutters once `line` is in the region, or None when the line covers one."""
    out = []
    for g0, g1 in gutters:
        for seg in _segments(line):
            if seg.x1 <= g0 or seg.x0 >= g1:
                continue
            if seg.x0 <= g0 + 2 and seg.x1 >= g1 - 2:
                return None  # the line runs across: the columns have ended
            # a part reaching into the gutter: keep the wider free side
            g0, g1 = max(((g0, seg.x0), (seg.x1, g1)), key=lambda g: g[1] - g[0])
        if g1 - g0 < 4:
            return None
        out.append((g0, g1))
    return out


def _columns(lines: list[Line], gutters) -> list[list[Line]]:
    bounds = sorted(g1 for _, g1 in gutters)
    cols: list[list[Line]] = [[] for _ in range(len(bounds) + 1)]
    for line in lines:
        for seg in _segments(line):
            cols[bisect_right(bounds, seg.x0)].append(seg)
    return [sorted(c, key=lambda s: s.top) for c in cols if c]


# ---------------------------------------------------------------- lines → items


@dataclass
class _Open:
    """The paragraph or item being read: its lines so far and where they continue."""

    item: Item
    first: Line
    last: Line
    indent: float | None  # x where its next lines start, once known


@dataclass(frozen=True)
class Span:
    """Where an item sits on its page, to join a paragraph that runs on to the next page."""

    first: Line
    last: Line
    indent: float
    full: bool  # its last line is full: it may go on


class Reader:
    def __init__(self, styles: Styles, report: Report):
        self.styles, self.report = styles, report
        self.list_count = 0

    def items(self, lines: list[Line], page: int, headings: bool = True) -> list[Item]:
        return [it for it, _ in self.spans(lines, page, headings)]

    def spans(self, lines: list[Line], page: int, headings: bool = True) -> list[tuple[Item, Span]]:
        opened: list[_Open] = []
        if not lines:
            return []
        right = max(line.x1 for line in lines)
        pitch = _pitch(lines)
        for line in lines:
            current = opened[-1] if opened else None
            if headings and _toc_line(line):
                self.report.note(msg("importers.note.contents_lines", page=page))
                continue
            level = self._level(line, page) if headings else None
            numbered = _numbered_heading(line, self.styles.body) if headings else None
            if numbered is not None:
                level = numbered
            marker = line.marker()
            if current and current.item.kind == "heading" and level is None and headings \
                    and _heading_goes_on(current, line):
                self._extend(current, line)  # a numbered heading's second line, under its text
                continue
            if level is not None:
                if current and current.item.kind == "heading" and current.last.style == line.style \
                        and not NUMBERED.match(clean(line.text)) and line.top - current.last.bottom < 0.8 * line.size \
                        and (clean(line.text)[:1].islower()
                             or current.last.x1 - current.last.x0 > 0.6 * (right - current.last.x0)):
                    self._extend(current, line)  # a heading on two lines
                    continue
                opened.append(_Open(Item("heading", page, clean(line.text), level=level), line, line, line.x0))
            elif marker:
                ordered = marker == "number"
                if not (current and current.item.kind == "item" and current.item.ordered == ordered):
                    self.list_count += 1
                text = clean(" ".join(w.text for w in line.words[1:]))
                item = Item("item", page, text, ordered=ordered, list_key=("pdf", self.list_count))
                opened.append(_Open(item, line, line, line.words[1].x0))
            elif current and current.item.kind in ("paragraph", "item") and _continues(current, line, right, pitch):
                self._extend(current, line)
            else:
                item = Item("paragraph", page, clean(line.text), style=self._preamble_style(line.style, page))
                opened.append(_Open(item, line, line, None))
        return [(o.item, Span(o.first, o.last, o.indent if o.indent is not None else o.first.x0,
                              right - o.last.x1 < 4 * o.last.size)) for o in opened]

    @staticmethod
    def _extend(current: _Open, line: Line) -> None:
        current.item = replace(current.item, text=_join(current.item.text, clean(line.text)))
        if current.indent is None:
            current.indent = line.x0
        current.last = line

    def _level(self, line: Line, page: int) -> int | None:
        if not _whole(line) or (page == 1 and line.style == self.styles.title):
            return None
        return self.styles.headings.get(line.style)

    def _preamble_style(self, style, page) -> str:
        if page != 1:
            return ""
        if style == self.styles.title:
            return "Title"
        if style != self.styles.body and style[0] > self.styles.body[0] + 0.4:
            return "Subtitle"
        return ""


NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.?)\s+(?P<rest>\S.*)$")
CHAPTER = re.compile(r"^(?:kapitel|chapter|avsnitt|bilaga|appendix)\s+\d{1,3}\b|^\d{1,3}\s?§(?:\s|$)|^§\s?\d{1,3}\b",
                     re.IGNORECASE)
TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$")


def _numbered_heading(line: Line, body: tuple) -> int | None:
    """The level of a numbered heading set like the text ("2.6 Miljösmarta
    måltider", "3 §", "Kapitel 2"): a section number, a short line that reads
    as a title (no sentence or clause ending), a capital after the number. A
    multi-part number ("2.6") says so on its own; "2." only with a style of its
    own (bold, italic, larger), since a numbered list looks the same."""
    text = clean(line.text)
    if len(text) > 110 or text[-1:] in ",;:" or not _whole(line):
        return None
    if CHAPTER.match(text):
        return 1
    m = NUMBERED.match(text)
    if not m or not (m["rest"][:1].isupper() or m["rest"][:1].isdigit() is False and m["rest"][:1] in "\"'«"):
        return None
    if m["rest"][:1].isdigit() or re.match(r"^\d", m["rest"]) or re.search(r"\d{3,}$", text):
        return None
    depth = m["num"].count(".") + 1
    if int(m["num"].split(".")[0]) == 0:
        return None
    if depth == 1 and (line.style == body or text.endswith(".") or len(text) > 80):
        return None
    if depth > 1 and text.endswith(".") and len(text) > 70:
        return None
    return min(depth, 6)


def _heading_goes_on(current: _Open, line: Line) -> bool:
    """A numbered heading's second line: close under it, indented to its text,
    starting in lower case."""
    head = current.last
    return bool(NUMBERED.match(current.item.text)) and line.top - head.bottom < 0.8 * line.size \
        and line.x0 > current.first.x0 + 3 and clean(line.text)[:1].islower() and len(line.text) < 80


def _toc_line(line: Line) -> bool:
    """A table-of-contents entry: a title, dot leaders or a wide gap, a page number."""
    text = clean(line.text)
    if TOC_LINE.search(text):
        return True
    last = line.words[-1]
    if len(line.words) < 2 or not last.text.isdigit() or len(last.text) > 3:
        return False
    gap = last.x0 - line.words[-2].x1
    return gap > 3 * line.size and len(text) < 120


def _pitch(lines: list[Line]) -> float:
    deltas = [b.top - a.top for a, b in zip(lines, lines[1:]) if 0 < b.top - a.top < 2.2 * a.size]
    return statistics.median(deltas) if deltas else 1.4 * lines[0].size


def _continues(current: _Open, line: Line, right: float, pitch: float) -> bool:
    """Is `line` the next line of the open paragraph or item? Only when it
    follows at the usual line distance, at the paragraph's left edge, and
    its first word would not have fitted on the line before (so the line
    before ended because it was full, not because the paragraph ended)."""
    last = current.last
    if line.top - last.top > 1.3 * pitch or line.top <= last.top or line.size != last.size:
        return False
    if current.indent is not None and abs(line.x0 - current.indent) > 2.5:
        return False
    if current.indent is None and line.x0 > last.x0 + 2.5:
        return False
    first = line.words[0]
    space = 0.28 * line.size
    return last.x1 + space + (first.x1 - first.x0) > right - 1.0


_VOCABULARY: set = set()  # the words of the document being read (one document at a time)
_WORD_CHARS = re.compile(r"^\W*(.*?)\W*$")


def vocabulary(pages: list[PageContent]) -> set:
    """Every word the document prints whole (not at a line end), lower case."""
    words = set()
    for p in pages:
        for line in p.lines:
            for w in line.words[:-1]:
                words.add(_word_chars(w.text).casefold())
    return words


def _word_chars(text: str) -> str:
    """The letters of a word without the punctuation around it (_WORD_CHARS matches any text)."""
    m = _WORD_CHARS.match(text)
    assert m is not None
    return m.group(1)


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph. A line-end hyphen is undone only where the
    document prints the joined word elsewhere ('ut-' + 'vecklingsarbete');
    'e-' + 'post' stays 'e-post' where that is printed; a compound hyphen
    ('inköps-' + 'och upphandlingsnämnden') is kept as it is."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and right[:1].isalpha() and left[-2:-1].isalpha():
        head = _word_chars(left.rsplit(" ", 1)[-1])
        tail = _word_chars(right.split(" ", 1)[0])
        if (head + tail).casefold() in _VOCABULARY:
            return left[:-1] + right
        if (head + "-" + tail).casefold() in _VOCABULARY:
            return left + right
    return f"{left} {right}"


# ---------------------------------------------------------------- pages → flow


def read_pdf(path: Path, report: Report) -> tuple[list[Item], str | None, str | None]:
    from ..render.title import LABELS

    doc = open_pdf(path)
    try:
        title = metadata_title(doc)
        pages = _read_pages(doc, report)
    finally:
        doc.close()
    if not any(p.lines or p.tables for p in pages):
        raise UnreadableDocument(msg("importers.pdf.no_text"), source=str(path))
    footers = [line.text for p in pages for line in p.lines if line.top > p.height * (1 - MARGIN_ZONE)]
    language = next((lang for lang, words in LABELS.items()
                     if any(t.startswith(words["page"] + " ") for t in footers)), None)
    _drop_running_lines(pages, report)
    _drop_contents(pages, report)
    if not any(p.lines or p.tables for p in pages):
        raise UnreadableDocument(msg("importers.pdf.only_furniture"), source=str(path))
    styles = _styles([p for p in pages if p.lines] or pages)
    _VOCABULARY.clear()
    _VOCABULARY.update(vocabulary(pages))
    reader = Reader(styles, report)
    if styles.headings:
        report.note(msg("importers.note.fonts", fonts=Joined(parts=tuple(
            _font(size, bold, italic, level) for (size, bold, italic), level in styles.headings.items()), sep="; ")))
    bottom = max((line.bottom for p in pages for line in p.lines), default=0)
    flow: list[tuple[Item, Span | None]] = []
    for p in pages:
        for kind, value in _pieces(p):
            if kind == "lines":
                flow.extend(reader.spans(value, p.printed))
            elif kind == "columns" and _text_columns(value, p.height):
                flow.extend(_read_columns(reader, value, p.printed))
            elif kind == "columns":
                where = msg("importers.where.columns", page=p.printed)
                cols = tuple(column_of(reader.items(c, p.printed), report, where) for c in value)
                flow.append((Item("block", p.printed, block=Columns(cols)), None))
            else:
                flow.append((Item("block", p.printed, block=_table(reader, value, p.printed, report)), None))
    return _merge_tables(_join_pages(flow, bottom, report), report), title, language


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
        if read and spans and read[-1][1].full and read[-1][0].kind in ("paragraph", "item") \
                and spans[0][0].kind == "paragraph" and spans[0][0].text[:1].islower():
            item, span = read[-1]
            read[-1] = (replace(item, text=_join(item.text, spans[0][0].text)), spans[0][1])
            spans = spans[1:]
        read.extend(spans)
    return list(read)


def _join_pages(flow: list[tuple[Item, Span | None]], bottom: float, report: Report) -> list[Item]:
    """A paragraph that fills its page to the foot, its last line full, and goes
    on at the top of the next page at the same left edge is one paragraph,
    anchored to the page it starts on."""
    out: list[Item] = []
    prev: Span | None = None
    for item, span in flow:
        if (prev is not None and span is not None and out and item.kind == "paragraph" and not item.style
                and out[-1].kind in ("paragraph", "item") and item.page == out[-1].page + 1
                and prev.full and prev.last.bottom > bottom - 1.5 * prev.last.size
                and abs(span.first.x0 - prev.indent) <= 2.5):
            report.caveat(msg("importers.what.split_paragraph"),
                          msg("importers.where.page_text", page=out[-1].page, text=excerpt(out[-1].text, 30)))
            out[-1] = replace(out[-1], text=_join(out[-1].text, item.text))
            prev = span
            continue
        out.append(item)
        prev = span
    return out


def _merge_tables(items: list[Item], report: Report) -> list[Item]:
    """A table that goes on on the next page, with its header row repeated, is one table."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (prev and it.kind == prev.kind == "block" and isinstance(it.block, Table) and isinstance(prev.block, Table)
                and it.page == prev.page + 1 and it.block.header and it.block.header == prev.block.header):
            out[-1] = replace(prev, block=replace(prev.block, rows=prev.block.rows + it.block.rows))
            report.caveat(msg("importers.what.split_table"), msg("importers.where.pages", first=prev.page,
                                                                           last=it.page))
            continue
        out.append(it)
    return out


def _table(reader: Reader, rows, page: int, report: Report) -> Table:
    where = msg("importers.where.table", page=page)
    cells = [[cell_blocks(reader.items(c, page, headings=False), report, where) for c in row] for row in rows]
    bold = [all(w.bold for c in row for ln in c for w in ln.words) and any(row) for row in rows]
    header: list[tuple] = []
    if len(rows) > 1 and bold[0] and not all(bold[1:]):
        header, cells = cells[0], cells[1:]
    return Table(tuple(Cell(c) for c in header), tuple(tuple(Cell(c) for c in r) for r in cells))


# ---------------------------------------------------------------- DOCX pages from a rendering


def _squash(text: str) -> str:
    return "".join(fold(text)[0].split())


def locate_pages(pdf_bytes: bytes, flow: list[Item], report: Report, layout: Msg | str | None = None) -> list[Item]:
    """Give each item of a DOCX's flow the page its text starts on in a PDF of
    it (`layout` names that PDF for the report)."""
    import pypdfium2 as pdfium

    layout = layout or msg("importers.where.the_pdf")
    try:
        doc = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(msg("importers.pdf.not_readable", detail=str(exc)), source=layout) from None
    try:
        raws = list(pages(doc))
    finally:
        doc.close()
    content = [PageContent(raw.index, raw.height, raw.width, _lines(raw.words, raw.index)) for raw in raws]
    _drop_running_lines(content, report)  # the page numbers printed on it, and no running text to match
    printed = [p.printed for p in content]
    kept = {id(w) for p in content for line in p.lines for w in line.words}
    # the words in the order the PDF holds them, which is the reading order of columns too
    texts = [_squash(" ".join(w.text for w in raw.words if id(w) in kept)) for raw in raws]
    starts, total = [], 0
    for t in texts:
        starts.append(total)
        total += len(t)
    joined = "".join(texts)
    out, cursor, page = [], 0, 1
    for it in flow:
        text = _squash(it.text or _first_text(it.block))
        pos = joined.find(text[:40], cursor) if text else -1
        if pos >= 0:
            page = printed[bisect_right(starts, pos) - 1]
            cursor = pos + min(len(text), 40)
            tail = joined.find(text[-20:], cursor, cursor + len(text) + 200) if len(text) > 40 else -1
            cursor = tail + 20 if tail >= 0 else cursor
        elif text:
            report.caveat(msg("importers.what.not_located", layout=layout),
                          msg("importers.where.page_text", page=page,
                              text=excerpt(it.text or _first_text(it.block), 30)))
        out.append(replace(it, page=page))
    return out


def _first_text(block) -> str:
    from ..model import Meta, Program, Section
    from ..tree import iter_units

    if block is None:
        return ""
    program = Program(Meta("x", "x", "x"), (Section("x", 1, 1, (block,)),))
    return next((u.text for u in iter_units(program)), "")
