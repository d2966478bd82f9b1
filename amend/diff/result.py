"""What a diff gives: the merged program with, per address, its side and its word segments, and the changes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..address import Address
from ..model import Decision, Program
from ..tree import Path
from .words import SAME


@dataclass(frozen=True)
class Segment:
    """A piece of one paragraph's text: kept, inserted or deleted (by change n)."""

    op: str
    text: str
    change: int | None = None


@dataclass
class Change:
    """One change a reviewer steps through: a run of changed words in one
    paragraph, or a whole section, block, item or row added or removed."""

    n: int
    action: str  # "text", "insert" or "delete"
    what: str  # "text", "title", "section", "paragraph", "list", "table", "columns", "item", "row", "heading"
    path: Address  # where it is in the merged program
    section: int | None  # merged section it is in (None: the title block)
    page: int | None = None  # page of the proposal it is on
    old: Address | None = None  # its address in the old program
    new: Address | None = None  # its address in the new program
    span: tuple[int, int] = (0, 0)  # text: the changed part [a, b) of the old text
    at: tuple[Address, int] | None = None  # insert: (old container, index among the old children)
    node: Any = None  # insert: what was inserted
    replaces: tuple[Address, ...] = ()  # insert: old nodes deleted at the same place (a rewrite too large to pair)
    amendments: tuple[Any, ...] = ()  # who made it (resolve.Edit amendments), when known
    decision: Decision | None = None

    @property
    def id(self) -> str:
        return f"c{self.n + 1}"


@dataclass
class Redline:
    """The merged program and what is known of each of its nodes. Keys are Addresses;
    a renderer may look them up by the plain tuple of the steps (equal, same hash)."""

    old: Program
    new: Program
    merged: Program
    title: list[tuple[str, str]]  # merged title block: (style, text) per line
    sides: dict[Path, tuple[str, int]]  # address -> (INS or DEL, change n) for every node on one side only (topmost)
    segments: dict[Path, tuple[Segment, ...]]  # address of a text -> its segments
    pages: dict[Path, tuple[int | None, int | None]]  # a heading or top-level block -> (old page, new page)
    changes: list[Change]
    matched: dict[Path, Path]  # old address -> new address, for every node on both sides
    default_decision: Decision | None = None
    # side() of each path asked: the renderers ask again for the same places (not part of the value)
    _side_of: dict[Path, tuple[str, int | None]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def side(self, path: Path) -> tuple[str, int | None]:
        """(SAME, None), or (INS/DEL, change) when the node at path is on one side only."""
        got = self._side_of.get(path)
        if got is None:
            got = self._side_of[path] = self._side(path)
        return got

    def _side(self, path: Path) -> tuple[str, int | None]:
        steps = tuple(path)  # plain tuples: they equal and hash as the Addresses (a hot loop of the renderers)
        if steps[:1] == ("h",):  # a heading: its section
            steps = steps[1:]
        sides = self.sides
        for n in range(1, len(steps) + 1):
            hit = sides.get(steps[:n])
            if hit:
                return hit
        return SAME, None
