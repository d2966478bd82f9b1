"""Redline → the terminal: a word diff of the changed paragraphs, or a summary.

Coloured when writing to a terminal; otherwise plain, with changes marked as
git's --word-diff does: [-deleted-] and {+inserted+}.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from ..address import Address
from ..diff import DEL, INS, SAME, Redline
from ..messages import msg
from ..tree import walk

_MARKS = {INS: ("{+", "+}"), DEL: ("[-", "-]")}
_STYLE: dict[str, dict[str, Any]] = {INS: {"fg": "green", "underline": True}, DEL: {"fg": "red", "strikethrough": True}}


def _texts(red: Redline) -> Iterator[tuple[tuple, int, str]]:
    """(path, page of the proposal, section heading) of every text, in order."""
    for i in range(len(red.title)):
        yield Address.title(i), 1, str(msg("render.term.title_page"))
    page = 1
    for s, section in enumerate(red.merged.sections):
        for path, text in walk(section, Address.section(s)):
            top = path if path.is_heading else path.top_block
            page = (red.pages.get(top) or (None, None))[0] or page
            if text is not None:
                yield path, page, section.heading


def word_diff(red: Redline, color: bool) -> Iterator[str]:
    """Lines for the terminal: a '@@ p. 6 · Samverkan @@' line where a place
    changes, then each changed paragraph with its changes marked."""
    place = None
    for path, page, heading in _texts(red):
        segments = red.segments.get(path, ())
        side, _ = red.side(path)
        if side == SAME and all(s.op == SAME for s in segments):
            continue
        if (page, heading) != place:
            place = (page, heading)
            yield _place_line(page, heading, color)
        prefix = {INS: "+ ", DEL: "- "}.get(side, "  ")
        yield prefix + "".join(_marked(s.op, s.text, color) for s in segments)


def _place_line(page: int, heading: str, color: bool) -> str:
    import click

    line = str(msg("render.term.place", page=page, heading=heading))
    return click.style(line, fg="cyan") if color else line


def _marked(op: str, text: str, color: bool) -> str:
    """A segment's text, inserted or deleted words in colour (or between marks without colour)."""
    import click

    if op == SAME:
        return text
    return click.style(text, **_STYLE[op]) if color else _MARKS[op][0] + text + _MARKS[op][1]


def stat(red: Redline) -> Iterator[str]:
    """One line per changed section: changes and words inserted/deleted; then totals."""
    changes: Counter = Counter(c.section for c in red.changes)
    words = _words_changed(red)
    order = [None] + list(range(len(red.merged.sections)))  # a section's index, None for the title page
    rows = [_stat_row(red, k, changes[k], words[k]) for k in order if changes[k]]
    width = max((len(r[1]) for r in rows), default=0)
    wide = len(str(msg("render.term.change_word", n=2)))  # singular and plural take one column
    for where, name, n, plus, minus in rows:
        word = str(msg("render.term.change_word", n=n))
        yield f"{where:>7}  {name:<{width}}  {n:>3} {word:<{wide}}  {msg('render.term.words', plus=plus, minus=minus)}"
    total = len(red.changes)
    sections = sum(1 for s in order if changes[s] and s is not None)
    yield str(msg("render.term.total", sections=sections, changes=total, plus=sum(w[INS] for w in words.values()),
                  minus=sum(w[DEL] for w in words.values())))


def _words_changed(red: Redline) -> dict[int | None, Counter]:
    """Per section (None: the title page): the words inserted and deleted."""
    words: dict[int | None, Counter] = defaultdict(Counter)
    for segments in red.segments.values():
        for s in segments:
            if s.change is not None:
                n = sum(1 for t in s.text.split() if any(ch.isalnum() for ch in t))
                words[red.changes[s.change].section][s.op] += n
    return words


def _stat_row(red: Redline, k: int | None, n: int, words: Counter) -> tuple[str, str, int, int, int]:
    if k is None:
        return str(msg("render.term.page", page=1)), str(msg("render.term.title_row")), n, words[INS], words[DEL]
    pages = red.pages.get(Address.heading(k), (None, None))
    where = str(msg("render.term.page", page=pages[0] or red.pages[Address.heading(k)][1]))
    return where, red.merged.sections[k].heading, n, words[INS], words[DEL]
