"""Addresses inside a program, and the text units found at them.

A path is a tuple of steps from the program down:

    (s,)                          section s (its blocks are its children)
    (s, b)                        block b of section s
    (s, b, "col", c, j)           block j of column c of a columns block
    (s, b, "row", r, c, j)        block j of the cell in row r, column c of a table (row 0 = header)
    (..., "item", k)              item k of a list block

A container is anything that holds blocks: a section (s,), a column
(..., "col", c) or a table cell (..., "row", r, c). Every index is 0-based
here; ordinals in patches are 1-based and converted in `resolve`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .model import Block, Cell, Column, Columns, ListBlock, Paragraph, Program, Section, Table

Path = tuple[Any, ...]  # steps from the program down: section, block, "col"/"row"/"item" and indices
Node = Any  # a section, block, column, cell or list item's text


@dataclass(frozen=True)
class Unit:
    """One piece of running text: a paragraph or a list item, with where it is."""

    path: Path
    text: str
    kind: str  # "paragraph" or "item"
    page: int
    section: int
    column: int | None = None  # 1-based, inside a columns block or a table
    column_heading: str | None = None
    row: int | None = None  # 1-based table row; 0 = header row
    layout: Path | None = None  # path of the columns block or table it sits in

    @property
    def block_path(self) -> Path:
        """The block that holds this text (the list, for an item)."""
        return self.path[:-2] if self.kind == "item" else self.path

    @property
    def container(self) -> Path:
        return self.block_path[:-1]


def iter_units(program: Program) -> Iterator[Unit]:
    """Every paragraph and list item in document order, with page and place."""
    for s, section in enumerate(program.sections):
        page = section.page
        for b, block in enumerate(section.blocks):
            page = block.page or page
            yield from _block_units(block, (s, b), page, s, {})


def _block_units(block: Block, path: Path, page: int, s: int, place: dict[str, Any]) -> Iterator[Unit]:
    if isinstance(block, Paragraph):
        yield Unit(path, block.text, "paragraph", page, s, **place)
    elif isinstance(block, ListBlock):
        for k, item in enumerate(block.items):
            yield Unit(path + ("item", k), item, "item", page, s, **place)
    elif isinstance(block, Columns):
        for c, column in enumerate(block.columns):
            here = {"column": c + 1, "column_heading": column.heading, "layout": path}
            for j, inner in enumerate(column.blocks):
                yield from _block_units(inner, path + ("col", c, j), page, s, here)
    elif isinstance(block, Table):
        for r, row in enumerate((block.header,) + block.rows):
            for c, cell in enumerate(row):
                here = {"column": c + 1, "row": r, "layout": path}
                for j, inner in enumerate(cell.blocks):
                    yield from _block_units(inner, path + ("row", r, c, j), page, s, here)


# ---------------------------------------------------------------- get / update


def child(node: Node, steps: Path) -> tuple[Node, int]:
    """The child of `node` named by the first step(s); returns (child, steps used)."""
    if isinstance(node, Section):
        return node.blocks[steps[0]], 1
    if isinstance(node, Column) or isinstance(node, Cell):
        return node.blocks[steps[0]], 1
    if isinstance(node, Columns) and steps[0] == "col":
        return node.columns[steps[1]], 2
    if isinstance(node, Table) and steps[0] == "row":
        row = node.header if steps[1] == 0 else node.rows[steps[1] - 1]
        return row[steps[2]], 3
    if isinstance(node, ListBlock) and steps[0] == "item":
        return node.items[steps[1]], 2
    raise KeyError(f"no {steps!r} in {type(node).__name__}")


def get(program: Program, path: Path) -> Node:
    return get_in(program.sections, path)


def get_in(sections: Sequence[Section], path: Path) -> Node:
    """The node at `path` in a sequence of sections (a program's, or one being rebuilt)."""
    node: Node = sections[path[0]]
    steps = path[1:]
    while steps:
        node, used = child(node, steps)
        steps = steps[used:]
    return node


def update(sections: list[Section], path: Path, fn: Callable[[Node], Node]) -> None:
    """Replace the node at `path` by fn(node), rebuilding only its ancestors.

    `sections` is a list (mutated in place at the top) so that many updates
    do not copy the whole program each time.
    """
    sections[path[0]] = _update(sections[path[0]], path[1:], fn)


def _update(node: Node, steps: Path, fn: Callable[[Node], Node]) -> Node:
    if not steps:
        return fn(node)
    if isinstance(node, (Section, Column, Cell)):
        blocks = list(node.blocks)
        blocks[steps[0]] = _update(blocks[steps[0]], steps[1:], fn)
        return replace(node, blocks=tuple(blocks))
    if isinstance(node, Columns):
        columns = list(node.columns)
        columns[steps[1]] = _update(columns[steps[1]], steps[2:], fn)
        return replace(node, columns=tuple(columns))
    if isinstance(node, Table):
        r, c = steps[1], steps[2]
        row = list(node.header if r == 0 else node.rows[r - 1])
        row[c] = _update(row[c], steps[3:], fn)
        if r == 0:
            return replace(node, header=tuple(row))
        rows = list(node.rows)
        rows[r - 1] = tuple(row)
        return replace(node, rows=tuple(rows))
    if isinstance(node, ListBlock):
        items = list(node.items)
        items[steps[1]] = fn(items[steps[1]])
        return replace(node, items=tuple(items))
    raise KeyError(f"no {steps!r} in {type(node).__name__}")


def children(node: Node) -> tuple[Any, ...]:
    """The ordered children of a container or list: blocks, or items."""
    return node.items if isinstance(node, ListBlock) else node.blocks


def with_children(node: Node, kids: Sequence[Any]) -> Node:
    if isinstance(node, ListBlock):
        return replace(node, items=tuple(kids))
    return replace(node, blocks=tuple(kids))


def subtree(program: Program, s: int) -> range:
    """Section s and the sections below it (higher level) up to the next sibling."""
    level = program.sections[s].level
    end = s + 1
    while end < len(program.sections) and program.sections[end].level > level:
        end += 1
    return range(s, end)
