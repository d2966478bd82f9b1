"""The base program indexed once by page, section and heading, and a unit's place in words."""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from ..messages import Msg, msg
from ..model import Program, ordinal_words
from ..text import (
    Boundary,
    find_spans,
    fold,
    fold_anchor,
    folds_to_itself,
    sentence_boundaries,
    sentence_spans,
)
from ..text.confusables import has_lookalike
from ..tree import Unit, iter_units, section_units

# ---------------------------------------------------------------- the index


class Index:
    """The base program, indexed once by page, section and heading so that each
    amendment looks only at its own scope (no scan of the whole document)."""

    def __init__(self, program: Program, previous: Index | None = None):
        """`previous`: the index of the version before, whose units of the sections this version
        shares at the same place are taken as they are (a decision changes a few sections)."""
        self.program = program
        self.units: list[Unit] = _units(program, previous)
        self.by_page: dict[int, list[int]] = defaultdict(list)
        self.by_section: dict[int, list[int]] = defaultdict(list)
        self._pages: dict[int, set[int]] = {s: {section.page} for s, section in enumerate(program.sections)}
        for i, u in enumerate(self.units):
            self.by_page[u.page].append(i)
            self.by_section[u.section].append(i)
            self._pages[u.section].add(u.page)
        self._ordinals: tuple[list[int], list[int]] | None = None  # counted on first use (a place told)
        self._heading_folds: dict[str, str] = previous._heading_folds if previous is not None else {}
        self.headings: dict[str, list[int]] = defaultdict(list)
        # (heading, page) -> sections with that heading that have text on that page, in order
        self.headings_on: dict[tuple[str, int], list[int]] = defaultdict(list)
        for s, section in enumerate(program.sections):
            wanted = self._fold_heading(section.heading)
            self.headings[wanted].append(s)
            for page in self._pages[s]:
                self.headings_on[wanted, page].append(s)
        self.page_count = program.page_count
        self._folded: dict[int, tuple[str, Sequence[int]]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._boundaries: dict[int, list[Boundary]] = {}
        self._column_headings: dict[str, list[int]] | None = None
        self._printing: dict[int, Printing] = {}
        self._found: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def _fold_heading(self, heading: str) -> str:
        """fold_anchor of a section heading, once per heading along a chain of versions."""
        if heading not in self._heading_folds:
            self._heading_folds[heading] = fold_anchor(heading)
        return self._heading_folds[heading]

    @property
    def ordinal(self) -> list[int]:
        """1-based: each unit's paragraph or item number where it stands."""
        return self._counted()[0]

    @property
    def page_ordinal(self) -> list[int]:
        """The same, counted on its page (as "på sidan 7, andra stycket")."""
        return self._counted()[1]

    def _counted(self) -> tuple[list[int], list[int]]:
        """`ordinal` and `page_ordinal`, counted once. Items count within their list, as a numbered
        list prints them ("2." is item 2): an item's list is its address without the item step."""
        if self._ordinals is None:
            counters: dict[tuple[Any, ...], int] = defaultdict(int)
            ordinal, page_ordinal = [], []
            for u in self.units:
                key = (u.section, u.what, u.layout, u.column, u.row, u.path[:-2] if u.what == "item" else None)
                counters[key] += 1
                ordinal.append(counters[key])
                counters[key + (u.page,)] += 1
                page_ordinal.append(counters[key + (u.page,)])
            self._ordinals = ordinal, page_ordinal
        return self._ordinals

    def folded(self, i: int) -> tuple[str, Sequence[int]]:
        """fold() of a unit's text, kept. Text that folds to itself (nearly all
        stored text) maps by a range rather than a list of every offset."""
        if i not in self._folded:
            text = self.units[i].text
            self._folded[i] = (text, range(len(text) + 1)) if folds_to_itself(text) else fold(text)
        return self._folded[i]

    def find(self, i: int, needle: str) -> list[tuple[int, int]]:
        """find_spans of `needle` in unit i's whole text, kept: the guards ask again where the
        anchor was found (callers first test that the fold holds the folded needle at all)."""
        key = (i, needle)
        if key not in self._found:
            self._found[key] = find_spans(self.units[i].text, needle, self.folded(i))
        return self._found[key]

    def printing(self, i: int) -> Printing:
        """What the look-alike guard asks of a unit's whole text, once per text (kept)."""
        if i not in self._printing:
            self._printing[i] = Printing.of(self.units[i].text)
        return self._printing[i]

    def sentences(self, i: int) -> list[tuple[int, int]]:
        if i not in self._sentences:
            self._sentences[i] = sentence_spans(self.units[i].text)
        return self._sentences[i]

    def boundaries(self, i: int) -> list[Boundary]:
        """Where sentences of a unit end or may end (kept)."""
        if i not in self._boundaries:
            self._boundaries[i] = sentence_boundaries(self.units[i].text)
        return self._boundaries[i]

    def section_units(self, sections: Sequence[int]) -> list[int]:
        """The units of the given sections (ascending), in document order."""
        return [i for s in sections for i in self.by_section.get(s, ())]

    def column_heading_units(self, wanted: str) -> list[int]:
        """Units in a column whose folded heading is `wanted`, in document order (built on first use)."""
        if self._column_headings is None:
            self._column_headings = defaultdict(list)
            folded: dict[str | None, str] = {}  # each heading folded once, not once per unit under it
            for i, u in enumerate(self.units):
                if u.column_heading not in folded:
                    folded[u.column_heading] = fold_anchor(u.column_heading or "")
                self._column_headings[folded[u.column_heading]].append(i)
        return self._column_headings.get(wanted, [])

    def place(self, i: int, start: int | None = None) -> Msg:
        """A unit's place in words: 'page 6 under 'Samverkan', column 3'."""
        u = self.units[i]
        heading = msg("core.where.heading", heading=self.program.sections[u.section].heading)
        parts: list[Msg | str] = [msg("core.where.page", page=u.page), heading]
        if u.column is not None:
            parts.append(_cell(u.row, u.column))
        paragraph = u.what == "paragraph"
        if self.page_ordinal[i] == self.ordinal[i]:
            parts.append(msg("core.where.paragraph", n=self.ordinal[i]) if paragraph
                         else msg("core.where.item", n=self.ordinal[i]))
        else:  # the section began on an earlier page: say which count is which
            under = ordinal_words(self.ordinal[i])
            parts.append(msg("core.where.paragraph_on_page", n=self.page_ordinal[i], under=under) if paragraph
                         else msg("core.where.item_on_page", n=self.page_ordinal[i], under=under))
        if not paragraph and self._lists_beside(i) > 1:  # each list counts its own items: say which list
            parts.append(msg("guards.where.in_list", text=opening(self._first_item(i))))
        if start is not None:
            spans = self.sentences(i)
            n = next((k for k, (a, b) in enumerate(spans) if a <= start < max(b, a + 1)), len(spans) - 1)
            parts.append(msg("core.where.sentence", n=n + 1, count=len(spans)))
        return _msg(listed(parts, "core.comma"))


    def _lists_beside(self, i: int) -> int:
        """How many lists hold items in unit i's section, in the same column or cell."""
        u = self.units[i]
        return len({self.units[k].block_path for k in self.by_section[u.section]
                    if self.units[k].what == "item" and self._beside(k, u)})

    def _beside(self, k: int, u: Unit) -> bool:
        return (self.units[k].layout, self.units[k].column, self.units[k].row) == (u.layout, u.column, u.row)

    def _first_item(self, i: int) -> str:
        """The text of the first item of unit i's list."""
        path = self.units[i].block_path
        return next(u.text for u in self.units if u.what == "item" and u.block_path == path)


def _units(program: Program, previous: Index | None) -> list[Unit]:
    """iter_units(program), the units of each section that `previous` indexed at the same place kept."""
    if previous is None:
        return list(iter_units(program))
    before = previous.program.sections
    units: list[Unit] = []
    for s, section in enumerate(program.sections):
        if s < len(before) and before[s] is section:
            units.extend(previous.units[i] for i in previous.by_section.get(s, ()))
        else:
            units.extend(section_units(section, s))
    return units


@dataclass(frozen=True)
class Printing:
    """Facts of one text for counting the places that print an anchor (resolve/guards.py).
    `nfc`: the text is NFC, so the fold of any part of it is part of its fold (an anchor
    not in the whole is in no part). `plain`: NFKC already and no look-alike letter in a
    Latin word, so no part of it has one either (a part's words lie inside the whole's)."""

    nfc: bool
    plain: bool

    @classmethod
    def of(cls, text: str) -> Printing:
        return cls(unicodedata.is_normalized("NFC", text),
                   unicodedata.is_normalized("NFKC", text) and not has_lookalike(text))


def _cell(row: int | None, column: int) -> Msg:
    """A column, a table cell, or a cell of the header row (row 0 in addresses, no row to a reader)."""
    if row is None:
        return msg("core.where.column", column=column)
    if row == 0:
        return msg("guards.where.header_cell", column=column)
    return msg("core.where.cell", row=row, column=column)


def opening(text: str, words: int = 4) -> str:
    """The first words of a text (an item, a paragraph) to name it by."""
    parts = text.split(" ")
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


# ---------------------------------------------------------------- scope


@dataclass(frozen=True)
class Span:
    """Part of one unit's text that is in scope (original offsets)."""

    unit: int
    lo: int
    hi: int


def listed(parts: Sequence[Msg | str], key: str = "core.semicolon") -> Msg | str:
    """Fragments joined by commas ("core.comma") or semicolons ("core.semicolon")."""
    if not parts:
        return ""
    return reduce(lambda whole, part: msg("core.comma", a=whole, b=part) if key == "core.comma"
                  else msg("core.semicolon", a=whole, b=part), parts[1:], parts[0])


def _msg(value: Msg | str) -> Msg:
    assert isinstance(value, Msg)  # a place always has words
    return value


def pick_ordinal(ordinal: int | str, count: int) -> int | None:
    """0-based index for a 1-based ordinal, 'first' or 'last'; None if out of range."""
    n = int({"first": 1, "last": count}.get(str(ordinal), ordinal))
    return n - 1 if 1 <= n <= count else None

