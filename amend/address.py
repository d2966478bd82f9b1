"""Addresses: where a thing is in a program, as a value.

An address is the path from the program down to one node, built and read
only through this module:

    TOP                               the program itself: the container of its sections
    section(s)                        section s; its blocks are its children
    heading(s)                        the heading of section s
    title(i)                          line i of the title block (the redline compares it)
    a.block(b)                        block b of the container a (a section, a column or a cell)
    a.child(k)                        child k of the container a, whichever it is (TOP: a section)
    a.section_heading()               the heading of the section a
    a.column(c)                       column c of the columns block a: a container of blocks
    a.column_heading(c)               the heading of column c of the columns block a
    a.cell(r, c)                      the cell in row r (0 = header), column c of the table a: a container
    a.row(r)                          row r of the table a, as a whole (the redline marks rows)
    a.row(r).row_cell(c)              the cell c of that row: a.cell(r, c)
    a.rows()                          the rows of the table a, as a container
    a.item(k)                         item k of the list block a
    a.items()                         the items of the list block a, as a container to insert into
    a.end()                           the point among a's children where insertions are made
                                      (a conflict region, never a node)

Every index is 0-based; ordinals in patches are 1-based and converted in
`resolve`. `describe()` puts an address into words in either language
("page 8, third column, item 4" / "sidan 8, tredje kolumnen, punkt 4").

An Address is a tuple of its steps (a subclass with no state of its own): it
is a dict key and sort key in the hot paths of apply and diff, and it equals
and hashes as the plain tuple of its steps, which is the compatibility path
for the modules that still spell addresses as tuples (`from_tuple`,
`to_tuple`). Steps are section/block indexes and the tags below.

The module is long because it is the one place that builds and reads addresses (issue 10):
split, the rules of how an address is written would be spread over modules again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import reduce
from typing import NamedTuple

from .messages import Msg, msg

Step = int | str

_HEADING, _COLUMN, _ROW, _ITEM, _END = "h", "col", "row", "item", "+"
_TITLE, _COLUMN_HEADING = "title", "heading"


class Address(tuple[Step, ...]):
    """A place in a program: see the module docstring for its forms."""

    __slots__ = ()

    # ------------------------------------------------------------ building

    @classmethod
    def section(cls, s: int) -> Address:
        return cls((s,))

    @classmethod
    def heading(cls, s: int) -> Address:
        """The heading of section s."""
        return cls((_HEADING, s))

    def block(self, b: int) -> Address:
        return Address(self + (b,))

    def child(self, index: int) -> Address:
        """Child `index` of this container: a section of TOP, a block of a section,
        column or cell, an item of a list's items."""
        return Address(self + (index,))

    def section_heading(self) -> Address:
        """The heading of the section at this address (at TOP, for a section walked
        on its own: the bare heading step)."""
        return Address((_HEADING, *self))

    def column(self, c: int) -> Address:
        return Address(self + (_COLUMN, c))

    def cell(self, r: int, c: int) -> Address:
        return Address(self + (_ROW, r, c))

    def column_heading(self, c: int) -> Address:
        """The heading of column c of the columns block a."""
        return Address(self + (_COLUMN, c, _COLUMN_HEADING))

    @classmethod
    def title(cls, i: int) -> Address:
        """Line i of the title block (above the sections; the redline compares it)."""
        return cls((_TITLE, i))

    def row(self, r: int) -> Address:
        return Address(self + (_ROW, r))

    def row_cell(self, c: int) -> Address:
        """Cell c of the row at this address."""
        assert self[-2:-1] == (_ROW,), f"{self!r} is not a row"
        return Address(self + (c,))

    def rows(self) -> Address:
        """The rows of the table a, as a container (the redline inserts rows)."""
        return Address(self + (_ROW,))

    def item(self, k: int) -> Address:
        return Address(self + (_ITEM, k))

    def items(self) -> Address:
        return Address(self + (_ITEM,))

    def end(self) -> Address:
        return Address(self + (_END,))

    def sibling(self, index: int) -> Address:
        """The child `index` of the same container."""
        return Address((*self[:-1], index))

    def below(self, sub: Iterable[Step]) -> Address:
        """`sub` (an address relative to this node) made absolute; a heading
        inside `sub` stays a heading."""
        rest = tuple(sub)
        if rest[:1] == (_HEADING,):
            return Address((_HEADING, *self, *rest[1:]))
        return Address((*self, *rest))

    # ------------------------------------------------------------ reading

    @property
    def depth(self) -> int:
        """How many steps down from the program (TOP: 0); a node's descendants are deeper."""
        return len(self)

    @property
    def is_top(self) -> bool:
        return not self

    @property
    def is_heading(self) -> bool:
        return self[:1] == (_HEADING,)

    @property
    def is_title(self) -> bool:
        return self[:1] == (_TITLE,)

    @property
    def is_item(self) -> bool:
        return len(self) >= 2 and self[-2] == _ITEM

    @property
    def is_items(self) -> bool:
        """The items of a list, as a container."""
        return self[-1:] == (_ITEM,)

    @property
    def is_end(self) -> bool:
        return self[-1:] == (_END,)

    @property
    def is_section(self) -> bool:
        return len(self) == 1 and isinstance(self[0], int)

    @property
    def section_index(self) -> int | None:
        """The section this address is in (a heading: its section); None for TOP and its end."""
        if not self:
            return None
        first = self[1] if self.is_heading else self[0]
        return first if isinstance(first, int) else None  # the title block, TOP.end(): no section

    @property
    def position(self) -> int:
        """The position of this node among its container's children."""
        last = self[-1]
        assert isinstance(last, int), f"{self!r} is not a child of a container"
        return last

    @property
    def container(self) -> Address:
        """The container `position` counts in: the section, column, cell, the
        list's items, or TOP for a section."""
        return Address(self[:-1])

    @property
    def parent(self) -> Address:
        """The node that holds this one: an item's list, a block's section,
        column or cell, a column's columns block, a cell's table, a heading's
        section; TOP for a section."""
        if self.is_heading:
            return Address(self[1:])
        if self.is_title:
            return TOP
        for tag, size in ((_ITEM, 2), (_COLUMN, 2), (_ROW, 3), (_ROW, 2)):
            if len(self) > size and self[-size] == tag:
                return Address(self[:-size])
        return Address(self[:-1])

    @property
    def owner(self) -> Address:
        """The node whose children this container lists (the list for its items, the table for its rows)."""
        return Address(self[:-1]) if self.is_items or self[-1:] == (_ROW,) else self

    @property
    def block_address(self) -> Address:
        """The block this address names or is inside at the same level: an item's list, else itself."""
        return self.parent if self.is_item else self

    @property
    def top_block(self) -> Address:
        """The top-level block of its section this address is in."""
        return Address(self[:2])

    def within(self, other: Address | tuple[Step, ...]) -> bool:
        """Is this address `other` or below it?"""
        return self[: len(other)] == other

    def related(self, other: Address | tuple[Step, ...]) -> bool:
        """Is one of the two on or below the other?"""
        return self.within(other) or Address(other).within(self)

    def prefixes(self) -> list[tuple[Step, ...]]:
        """The steps of this address cut at each depth, from the top down to itself:
        where a dict of nodes finds this node or one that holds it (plain tuples, which
        equal and hash as the Addresses they spell: these are look-ups in hot loops)."""
        return [self[:n] for n in range(1, len(self) + 1)]

    def steps_after(self, ancestor: Address) -> tuple[Step, ...]:
        """The steps from `ancestor` down to this address."""
        assert self.within(ancestor)
        return tuple(self[len(ancestor):])

    def sort_key(self) -> tuple[tuple[int, Step], ...]:
        """Document order, in which the addresses below one come right after it
        (the title block first, a heading right after its section, an end point
        after every child)."""
        if self.is_heading:
            return ((0, self[1]), (-1, 0), *_keys(self[2:]))
        if self.is_title:
            return ((-1, self[1]),)
        return _keys(self)

    def __lt__(self, other: tuple[Step, ...]) -> bool:
        return self.sort_key() < Address(other).sort_key()

    def __le__(self, other: tuple[Step, ...]) -> bool:
        return self.sort_key() <= Address(other).sort_key()

    def __gt__(self, other: tuple[Step, ...]) -> bool:
        return self.sort_key() > Address(other).sort_key()

    def __ge__(self, other: tuple[Step, ...]) -> bool:
        return self.sort_key() >= Address(other).sort_key()

    def __repr__(self) -> str:
        return f"Address{tuple(self)!r}"

    def to_tuple(self) -> tuple[Step, ...]:
        return tuple(self)

    def parts(self) -> tuple[Part, ...]:
        """The address as named steps, from the program down (ValueError if it is no address)."""
        return _parts(tuple(self))

    # ------------------------------------------------------------ words

    def describe(self, page: int | None = None, heading: str | None = None) -> Msg:
        """The address in words, coarse to fine: 'page 8, under 'Mål', third column, item 4'.
        Page and heading come from the program (see `tree.describe`)."""
        return _joined(self._section_words(page, heading) + _step_words(self))

    def _section_words(self, page: int | None, heading: str | None) -> list[Msg]:
        """The page and heading, when given; else the section's number (none for TOP)."""
        if page is None and heading is None:
            return [] if self.section_index is None else [msg("core.address.section", n=self.section_index + 1)]
        words = [msg("core.address.page", page=page)] if page is not None else []
        return words + ([msg("core.address.heading", heading=heading)] if heading is not None else [])


def _joined(parts: list[Msg]) -> Msg:
    """The parts, coarse to fine, joined by the catalogue's comma; no parts: the top of the program."""
    if not parts:
        return msg("core.address.top")
    return reduce(lambda whole, part: msg("core.comma", a=whole, b=part), parts[1:], parts[0])


def _keys(steps: tuple[Step, ...]) -> tuple[tuple[int, Step], ...]:
    """Numbers before names (an end point after every child), a column's heading before its blocks."""
    return tuple((0, step) if isinstance(step, int) else (-1, 0) if step == _COLUMN_HEADING else (1, step)
                 for step in steps)


def _step_words(address: Address) -> list[Msg]:
    """Words for the parts below the section (the section is named by page and heading).
    A block is named only when it is the place itself, not a layout around it."""
    parts = address.parts()[1:]
    if address.is_heading:
        return [msg("core.address.the_heading")]
    if address.is_title:
        return [msg("core.address.title", n=address.position + 1)]
    return [words for part in _named_parts(parts) for words in _part_words(part)]


def _named_parts(parts: tuple[Part, ...]) -> list[Part]:
    """The parts that are named: all but the blocks that are a layout around the place."""
    return [part for n, part in enumerate(parts)
            if part.what != "block" or n + 1 == len(parts) or parts[n + 1].what == "end"]


# The words of a part that is the n-th of its kind (n counted from 1).
_NTH: dict[str, Callable[[int], Msg]] = {
    "block": lambda n: msg("core.address.block", n=n),
    "column": lambda n: msg("core.address.column", n=n),
    "column_heading": lambda n: msg("core.address.column_heading", n=n),
    "item": lambda n: msg("core.address.item", n=n),
}


def _part_words(part: Part) -> list[Msg]:
    at = part.at
    if part.what == "cell":
        return [msg("core.address.cell", row=at[0], n=at[1] + 1) if at[0]
                else msg("core.address.header_cell", n=at[1] + 1)]
    if part.what == "row":
        return [msg("core.address.row", row=at[0]) if at[0] else msg("core.address.header_row")]
    if part.what in _NTH:
        return [_NTH[part.what](at[0] + 1)]
    return [msg("core.address.end")] if part.what == "end" else []


TOP = Address()


section, heading = Address.section, Address.heading

def from_tuple(steps: Iterable[Step]) -> Address:
    """An address from the plain tuple of its steps (as diff and redline still
    write them); refuses a tuple that is no address."""
    address = Address(tuple(steps))
    address.parts()  # raises ValueError when malformed
    return address


def to_tuple(address: Address) -> tuple[Step, ...]:
    return tuple(address)


class Part(NamedTuple):
    """One named step of an address: what it selects and its indexes."""

    what: str  # "section", "heading", "title", "block", "column", "column_heading", "cell", "row", "item",
    # "items", "rows", "end"
    at: tuple[int, ...]


_PART_OF_TAG = {_COLUMN: "column", _ITEM: "item", _END: "end"}


def _parts(steps: tuple[Step, ...]) -> tuple[Part, ...]:
    if steps[:1] in ((_HEADING,), (_TITLE,)):
        if len(steps) != 2 or not isinstance(steps[1], int):
            raise ValueError(f"not an address: {steps!r}")
        return (Part("heading" if steps[0] == _HEADING else "title", (steps[1],)),)
    out: list[Part] = []
    n = 0
    while n < len(steps):
        part, n = _part_at(steps, n, first=not out)
        out.append(part)
    return tuple(out)


def _part_at(steps: tuple[Step, ...], n: int, first: bool) -> tuple[Part, int]:
    """The part that starts at steps[n], and where the next one starts."""
    step = steps[n]
    if isinstance(step, int):
        return Part("section" if first else "block", (step,)), n + 1
    if (first and step != _END) or step not in (_COLUMN, _ROW, _ITEM, _END):
        raise ValueError(f"not an address: {steps!r}")
    ints = _ints_after(steps, n)
    return _row_part(steps, n, ints) if step == _ROW else _tagged_part(steps, n, step, ints)


def _ints_after(steps: tuple[Step, ...], n: int) -> list[int]:
    """The numbers (two at most) right after the tag at steps[n]."""
    ints: list[int] = []
    for later in steps[n + 1: n + 3]:
        if not isinstance(later, int):
            break
        ints.append(later)
    return ints


def _row_part(steps: tuple[Step, ...], n: int, used: list[int]) -> tuple[Part, int]:
    """A row tag: a row (one number), a cell (two), or, with none, all rows (only at the end)."""
    if not used and n + 1 == len(steps):
        return Part("rows", ()), n + 1
    if not used:
        raise ValueError(f"not an address: {steps!r}")
    return Part("cell" if len(used) == 2 else "row", tuple(used)), n + 1 + len(used)


def _tagged_part(steps: tuple[Step, ...], n: int, step: str, ints: list[int]) -> tuple[Part, int]:
    """A column (or its heading), an item (with no number, at the end: all items) or an end point."""
    used = [] if step == _END else ints[:1]
    last = n + 1 + len(used) == len(steps)
    if step == _COLUMN and steps[n + 2: n + 3] == (_COLUMN_HEADING,) and n + 3 == len(steps) and used:
        return Part("column_heading", tuple(used)), n + 3
    if (step == _COLUMN and not used) or (step in (_ITEM, _END) and not last):
        raise ValueError(f"not an address: {steps!r}")
    what = "items" if step == _ITEM and not used else _PART_OF_TAG[step]
    return Part(what, tuple(used)), n + 1 + len(used)
