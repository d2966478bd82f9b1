"""Footnotes at a PDF page's foot, left out of the text and reported with their text
(as a DOCX's footnotes are): the lines at the foot of a page set smaller than the
body, the first of them starting with a bare note number ('2 Kommuner i siffror
(scb.se)'), below the text. The note marks in the page's text that refer to them
(a smaller '2' after a word) go too, so that the text reads as the sentence does."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..messages import msg
from ..text import clean
from .pdfpages import Line, PageContent
from .pdftext import Word
from .report import Report
from .shown import excerpt

_SMALLER = 0.85  # a footnote's type is at most this share of the body's
_PUNCTUATION = re.compile(r"^[.,;:!?)]+$")


@dataclass(frozen=True)
class Note:
    number: str
    text: str


def drop_footnotes(pages: list[PageContent], report: Report) -> None:
    """Leave out each page's footnotes and the marks referring to them; report each with its text."""
    body = _body_size(pages)
    for p in pages:
        foot = _foot_lines(p, body)
        notes = _notes(foot)
        if not notes:
            continue
        kept = p.lines[:len(p.lines) - len(foot)]
        numbers = {n.number for n in notes}
        p.lines = [_unmarked(line, numbers) for line in kept]
        where = msg("importers.where.page", page=p.printed)
        for n in notes:
            report.lost(msg("importers.what.footnote"),
                        msg("importers.where.note_text", where=where, number=n.number, text=excerpt(n.text, 60)))


def _body_size(pages: list[PageContent]) -> float:
    sizes: Counter[float] = Counter()
    for p in pages:
        for line in p.lines:
            for w in line.words:
                sizes[round(w.size * 2) / 2] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _foot_lines(p: PageContent, body: float) -> list[Line]:
    """The lines at the page's foot from the first note on: in the lower half, under a gap,
    each line a note's start or close under the line before."""
    lines = p.lines
    if sorted(lines, key=lambda line: line.top) != lines:  # read by columns or around tables: no plain foot
        return []
    for k, line in enumerate(lines):
        if k and line.top > 0.5 * p.height and _starts_note(line, body) \
                and line.top - lines[k - 1].bottom >= 0.3 * body and _runs_on(lines[k:], body):
            return lines[k:]
    return []


def _starts_note(line: Line, body: float) -> bool:
    """A note number set as a superscript, or a bare number starting a line in smaller type."""
    return _marked(line) or (_number(line.words[0].text) and line.size <= _SMALLER * body)


def _runs_on(foot: list[Line], body: float) -> bool:
    """Every line of the foot starts a note or follows the one before closely, none set larger than the body."""
    return all(line.size <= body + 0.5 and (_starts_note(line, body) or line.top - prev.bottom < 0.6 * line.size)
               for prev, line in zip(foot, foot[1:]))


def _notes(foot: list[Line]) -> list[Note]:
    """The notes the foot lines hold, each from a line starting with its number; none where
    the first does not start so (a caption or a source line set small)."""
    notes: list[list[str]] = []
    numbers: list[str] = []
    for line in foot:
        first = line.words[0].text
        if _number(first) and (_marked(line) or len(line.words) == 1 or line.size <= foot[0].size + 0.5):
            numbers.append(first)
            notes.append([w.text for w in line.words[1:]])
        elif notes:
            notes[-1].extend(w.text for w in line.words)
        else:
            return []
    return [Note(n, clean(" ".join(words))) for n, words in zip(numbers, notes) if words]


def _marked(line: Line) -> bool:
    """The line starts with a note number set as a superscript, smaller than the text after it."""
    words = line.words
    return _number(words[0].text) and (len(words) == 1 or words[0].size < _SMALLER * words[1].size)


def _number(text: str) -> bool:
    return text.isdigit() and len(text) <= 3 and text != "0"


def _unmarked(line: Line, numbers: set[str]) -> Line:
    """The line without the note marks of the page's notes (a number set smaller than the word
    before it); punctuation set apart after a mark ('invånare 7 .') goes back to the word."""
    words: list[Word] = []
    mark = False
    for w in line.words:
        if words and w.text in numbers and w.size < _SMALLER * words[-1].size:
            mark = True
            continue
        if mark and _PUNCTUATION.match(w.text):
            words[-1] = replace(words[-1], text=words[-1].text + w.text, x1=w.x1)
        else:
            words.append(w)
        mark = False
    return line if len(words) == len(line.words) else Line(words, line.page)
