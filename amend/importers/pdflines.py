"""Lines of a PDF page → the items of the flow: headings (by size, weight and
numbering), list items (by their bullet or number) and paragraphs, with the
line-end hyphens the document itself settles."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from ..messages import msg
from ..text import clean, fold
from .common import Item, Report
from .pdfcontents import TOC_LINE
from .pdfpages import Line, PageContent, Styles, _whole


@dataclass
class _Open:
    """The paragraph or item being read: its lines so far and where they continue."""

    item: Item
    first: Line
    last: Line
    indent: float | None  # x where its next lines start, once known
    caption: bool = False  # a figure's caption, which its next lines close under it go on


@dataclass(frozen=True)
class Span:
    """Where an item sits on its page, to join a paragraph that runs on to the next page."""

    first: Line
    last: Line
    indent: float
    full: bool  # its last line is full: it may go on
    room: float = 0.0  # what is left of its last line, up to the right edge of the text


def _folded(text: str) -> str:
    return " ".join(fold(text)[0].split())


def bookmarks(marks: list[tuple[str, int, int]]) -> dict[int, dict[str, int]]:
    """PDF page index → the folded titles of the bookmarks pointing at it → their depth (from 0)."""
    out: dict[int, dict[str, int]] = {}
    for title, index, depth in marks:
        out.setdefault(index, {}).setdefault(_folded(title), depth)
    return out


@dataclass(frozen=True)
class _At:
    """Where lines are read: their page, whether headings may be found there, the right edge and line pitch."""

    page: int
    headings: bool
    right: float
    pitch: float


def _span(o: _Open, right: float) -> Span:
    """Where the item read sits: its lines, their left edge, and how much of its last line is left."""
    indent = o.indent if o.indent is not None else o.first.x0
    return Span(o.first, o.last, indent, right - o.last.x1 < 4 * o.last.size, right - o.last.x1)


class Reader:
    def __init__(self, styles: Styles, report: Report, marks: dict[int, dict[str, int]] | None = None):
        self.styles, self.report = styles, report
        self.marks = marks or {}  # the PDF's bookmarks (see bookmarks)
        self.list_count = 0

    def items(self, lines: list[Line], page: int, headings: bool = True) -> list[Item]:
        return [it for it, _ in self.spans(lines, page, headings)]

    def spans(self, lines: list[Line], page: int, headings: bool = True) -> list[tuple[Item, Span]]:
        if not lines:
            return []
        opened: list[_Open] = []
        at = _At(page, headings, max(line.x1 for line in lines), _pitch(lines))
        for line in lines:
            self._read(opened, line, at)
        return [(_sentence_not_heading(o.item), _span(o, at.right)) for o in opened]

    def _read(self, opened: list[_Open], line: Line, at: _At) -> None:
        """One line: a heading, a list item, a paragraph, or the next line of the one open."""
        current = opened[-1] if opened else None
        if self._aside(opened, current, line, at):
            return
        level, signal = self._heading_level(line, at)
        if current and current.item.kind == "heading" and level is None and at.headings \
                and _heading_goes_on(current, line):
            self._extend(current, line)  # a numbered heading's second line, under its text
        elif level is not None:
            self._heading(opened, current, line, Item("heading", at.page, clean(line.heading_text), level=level,
                                                      signal=signal), at)
        elif line.marker():
            self._item(opened, current, line, at)
        elif current and current.item.kind in ("paragraph", "item") and _continues(current, line, at.right, at.pitch):
            self._extend(current, line)
        else:
            item = Item("paragraph", at.page, clean(line.text), style=self._preamble_style(line.style, at.page))
            opened.append(_Open(item, line, line, None))

    def _aside(self, opened: list[_Open], current: _Open | None, line: Line, at: _At) -> bool:
        """A contents line (left out), a caption or its next line, a bookmarked heading's next line."""
        if at.headings and _toc_line(line):
            self.report.note(msg("importers.note.contents_lines", page=at.page))
        elif current and current.caption and _caption_goes_on(current, line):
            self._extend(current, line)
        elif at.headings and CAPTION.match(clean(line.text)):  # 'Bild 1 – Organisation': set apart, but no heading
            opened.append(_Open(Item("paragraph", at.page, clean(line.text)), line, line, None, caption=True))
        elif current and self._bookmark_goes_on(current, line):
            self._extend(current, line)  # a bookmarked heading's next line
        else:
            return False
        return True

    def _heading_level(self, line: Line, at: _At) -> tuple[int | None, str]:
        """The line's heading level (None: no heading) and what says so."""
        level = self._level(line, at.page) if at.headings else None
        numbered = _numbered_heading(line, self.styles.body) if at.headings else None
        if numbered is not None:
            return numbered, "font+numbering" if level is not None else "numbering"
        if level is not None:
            return level, "font"
        marked = self._bookmarked(line) if at.headings else None
        return marked, "bookmark only"

    def _heading(self, opened: list[_Open], current: _Open | None, line: Line, item: Item, at: _At) -> None:
        if current and current.item.kind == "heading" and _heading_line(current, line, at.right):
            self._extend(current, line)  # a heading on two lines
        else:
            opened.append(_Open(item, line, line, line.x0))

    def _item(self, opened: list[_Open], current: _Open | None, line: Line, at: _At) -> None:
        """A list item (its bullet or number left out); a new list where the kind changes."""
        ordered = line.marker() == "number"
        if not (current and current.item.kind == "item" and current.item.ordered == ordered):
            self.list_count += 1
        text = clean(" ".join(w.text for w in line.words[1:]))
        item = Item("item", at.page, text, ordered=ordered, list_key=("pdf", self.list_count))
        opened.append(_Open(item, line, line, line.words[1].x0))

    def _bookmarked(self, line: Line) -> int | None:
        """The level of a line a bookmark names on its page (its title, or the title's first
        line), read as a heading on the document's own outline: its depth + 1."""
        text = _folded(line.heading_text)
        titles = self.marks.get(line.page, {})
        if text in titles:
            return titles[text] + 1
        return next((depth + 1 for title, depth in titles.items() if len(text) >= 8 and title.startswith(text + " ")),
                    None)

    def _bookmark_goes_on(self, current: _Open, line: Line) -> bool:
        """A heading a bookmark names over lines: the line goes on the title read so far."""
        if current.item.kind != "heading" or current.item.signal != "bookmark only":
            return False
        so_far, titles = _folded(current.item.text), self.marks.get(line.page, {})
        if so_far in titles:
            return False
        longer = f"{so_far} {_folded(line.heading_text)}"
        return any(title == longer or title.startswith(longer + " ") for title in titles)

    def _extend(self, current: _Open, line: Line) -> None:
        item = current.item
        current.item = replace(item, text=joined(item.text, clean(line.text), self.report, item.page))
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


# a figure's or table's caption, or its source line: set apart like a heading, but none
CAPTION = re.compile(r"^(?:(?:bild|figur|fig\.?|tabell|diagram|karta|figure|table|image|chart|map)\s*\d{1,3}"
                     r"(?:\.\d{1,3})?\s*[-–—:.]|(?:källa|källor|source|sources|foto|photo)\s*:)", re.IGNORECASE)


NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.?)\s+(?P<rest>\S.*)$")


CHAPTER = re.compile(r"^(?:kapitel|chapter|avsnitt|bilaga|appendix)\s+\d{1,3}\b|^\d{1,3}\s?§(?:\s|$)|^§\s?\d{1,3}\b",
                     re.IGNORECASE)




def _numbered_heading(line: Line, body: tuple) -> int | None:
    """The level of a numbered heading set like the text ("2.6 Miljösmarta
    måltider", "3 §", "Kapitel 2"): a section number, a short line that reads
    as a title (no sentence or clause ending), a capital after the number. A
    multi-part number ("2.6") says so on its own; "2." only with a style of its
    own (bold, italic, larger), since a numbered list looks the same."""
    text = clean(line.heading_text)
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
    if depth == 1 and line.size < body[0] - 0.4:
        return None  # a footnote ('1 Göteborgs Stads samlade …' in smaller type), not a heading
    if int(m["num"].split(".")[0]) == 0:
        return None
    if depth == 1 and (line.style == body or text.endswith(".") or len(text) > 80):
        return None
    if depth > 1 and text.endswith(".") and len(text) > 70:
        return None
    return min(depth, 6)


def _sentence_not_heading(item: Item) -> Item:
    """A 'heading' in a heading's type that runs over lines to a full stop is a paragraph set
    larger (a text box over a photo, an introduction), not a heading."""
    if item.kind != "heading" or item.signal == "bookmark only" or len(item.text) <= 90 \
            or not item.text.endswith(".") or NUMBERED.match(item.text):
        return item
    return Item("paragraph", item.page, item.text)


def _heading_line(current: _Open, line: Line, right: float) -> bool:
    """The second line of a heading: close under it, not numbered, in its style and
    starting in lower case or under a full first line; a display heading's second
    line may be set smaller ('HÅLLBARA' / 'HAPARANDA'), then it starts in lower case."""
    head, text = current.last, clean(line.text)
    if NUMBERED.match(text) or line.top - head.bottom >= 0.8 * line.size:
        return False
    if head.style != line.style:
        return text[:1].islower() and line.size <= head.size
    return text[:1].islower() or head.x1 - head.x0 > 0.6 * (right - head.x0)


def _caption_goes_on(current: _Open, line: Line) -> bool:
    """A caption's next line: close under it, in its type, not a caption of its own."""
    last = current.last
    return line.top - last.bottom < 0.8 * line.size and line.style == last.style \
        and not CAPTION.match(clean(line.text)) and not NUMBERED.match(clean(line.text))


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
    if broken_word(last.text) and first.text[:1].islower():
        return True  # the line broke inside a word: only the whole word had to fit
    space = 0.28 * line.size
    return last.x1 + space + (first.x1 - first.x0) > right - 1.0


def broken_word(text: str) -> bool:
    """Does the text end in a word broken at the line end ('dessvär-', 'placerings-')?"""
    return text.endswith("\u00ad") or (text.endswith("-") and text[-2:-1].isalpha())


_VOCABULARY: set = set()  # the words of the document being read (one document at a time)


_WORD_CHARS = re.compile(r"^\W*(.*?)\W*$")


def vocabulary(pages: list[PageContent]) -> set:
    """Every word the document prints whole (not at a line end), lower case."""
    return {_word_chars(w.text).casefold() for p in pages for line in p.lines for w in line.words[:-1]}


def _word_chars(text: str) -> str:
    """The letters of a word without the punctuation around it (_WORD_CHARS matches any text)."""
    m = _WORD_CHARS.match(text)
    assert m is not None
    return m.group(1)


# Words after which a line-end hyphen is a suspended compound ("inköps- och upphandlingsnämnden").
_SUSPENDED = frozenset("och eller samt respektive resp som till liksom men alternativt and or to".split())


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph. A line-end hyphen before 'och', 'eller' … is a
    suspended compound and keeps its space ('inköps-' + 'och upphandlingsnämnden');
    after an abbreviation or a letter it is the word's own ('HR-' + 'avdelningen',
    'e-' + 'post'), as where the document prints the word with it elsewhere; else it
    is the line's hyphenation and goes ('ut-' + 'vecklingsarbete'), as extract joins
    the minutes' words — where the document prints the joined word nowhere else, the
    report asks to check it (`hyphen_guessed`)."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if not _line_end_hyphen(left, right):
        return f"{left} {right}"
    head, tail = _hyphen_parts(left, right)
    if tail.casefold() in _SUSPENDED:
        return f"{left} {right}"
    if _own_hyphen(head, tail):
        return left + right
    return left[:-1] + right


def _line_end_hyphen(left: str, right: str) -> bool:
    return left.endswith("-") and right[:1].isalpha() and left[-2:-1].isalpha()


def _hyphen_parts(left: str, right: str) -> tuple[str, str]:
    """The letters of the word ending `left` before its hyphen, and of the word starting `right`."""
    return _word_chars(left.rsplit(" ", 1)[-1]), _word_chars(right.split(" ", 1)[0])


def _own_hyphen(head: str, tail: str) -> bool:
    """Is a line-end hyphen between `head` and `tail` the word's own? The document prints the word
    with it and not without; or the head is an abbreviation or a letter, or the tail a name."""
    return (head + tail).casefold() not in _VOCABULARY and (
        f"{head}-{tail}".casefold() in _VOCABULARY or len(head) < 2 or not head.islower() or not tail[:1].islower())


def hyphen_guessed(left: str, right: str) -> str | None:
    """The word `_join` made by undoing a line-end hyphen that the document does not settle
    (it prints neither 'dessvärre' nor 'dessvär-re' elsewhere); None where nothing was guessed."""
    if left.endswith("\u00ad") or not _line_end_hyphen(left, right):
        return None
    head, tail = _hyphen_parts(left, right)
    if tail.casefold() in _SUSPENDED or _own_hyphen(head, tail) or (head + tail).casefold() in _VOCABULARY:
        return None
    return head + tail


def joined(left: str, right: str, report: Report, page: int) -> str:
    """`_join`, with a caveat in the report where it undid a hyphen the document does not settle."""
    guessed = hyphen_guessed(left, right)
    if guessed is not None:
        report.caveat(msg("importers.what.hyphen_joined"), msg("importers.where.page_text", page=page, text=guessed))
    return _join(left, right)
