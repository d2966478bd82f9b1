"""Walking a program: the text units at each address, and getting and
replacing the node at an address (the addresses themselves: amend.address).

A container is anything that holds blocks: a section, a column or a table
cell. `inner` is the one place that knows which containers a block has;
the walks below (units, get, update, prune) are built on it. `walk` visits
every node, the rows and columns too, with its address: what diff, redline
and the renderers go by.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .address import TOP, Address, Part
from .messages import Msg
from .model import Block, Cell, Column, Columns, ListBlock, Paragraph, Program, Section, Table, section_block_pages

Path = tuple[Any, ...]  # an address as a plain tuple: what diff and redline still write (an Address is one)
Node = Any  # a section, block, column, cell or list item's text


@dataclass(frozen=True)
class Unit:
    """One piece of running text: a paragraph or a list item, with where it is."""

    path: Address
    text: str
    what: str  # "paragraph" or "item" (as amend.diff.Change.what names the node)
    page: int
    section: int
    column: int | None = None  # 1-based, inside a columns block or a table
    column_heading: str | None = None
    row: int | None = None  # 1-based table row; 0 = header row
    layout: Address | None = None  # the columns block or table it sits in

    @classmethod
    def made(cls, path: Address, text: str, what: str, page: int, section: int, place: dict[str, Any]) -> Unit:
        """Unit(path, text, what, page, section, **place), without the frozen dataclass's __init__
        (a field set at a time): a chain's versions make tens of thousands of units."""
        unit = object.__new__(cls)
        unit.__dict__.update(path=path, text=text, what=what, page=page, section=section, column=None,
                             column_heading=None, row=None, layout=None)
        unit.__dict__.update(place)
        return unit

    @property
    def block_path(self) -> Address:
        """The block that holds this text (the list, for an item)."""
        return self.path.block_address

    @property
    def container(self) -> Address:
        return self.block_path.container


def inner(block: Block, address: Address) -> Iterator[tuple[Address, Column | Cell, dict[str, Any]]]:
    """The containers inside a block: (address, container, its place) for each
    column of a columns block and each cell of a table (header row first)."""
    if isinstance(block, Columns):
        for c, column in enumerate(block.columns):
            yield address.column(c), column, {"column": c + 1, "column_heading": column.heading, "layout": address}
    elif isinstance(block, Table):
        for r, row in enumerate((block.header,) + block.rows):
            for c, cell in enumerate(row):
                yield address.cell(r, c), cell, {"column": c + 1, "row": r, "layout": address}


def with_inner(block: Block, fn: Callable[[Column | Cell], Column | Cell]) -> Block:
    """The block with fn applied to each of its containers (`inner`'s order)."""
    if isinstance(block, Columns):
        return replace(block, columns=tuple(fn(c) for c in block.columns))  # type: ignore[misc]
    if isinstance(block, Table):
        def cells(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
            return tuple(fn(c) for c in row)  # type: ignore[misc]

        return replace(block, header=cells(block.header), rows=tuple(cells(r) for r in block.rows))
    return block


def iter_units(program: Program) -> Iterator[Unit]:
    """Every paragraph and list item in document order, with page and place."""
    for s, sec in enumerate(program.sections):
        yield from section_units(sec, s)


def section_units(sec: Section, s: int) -> Iterator[Unit]:
    """The paragraphs and list items of section `sec`, the s-th of its program (`iter_units`)."""
    here = Address.section(s)
    for b, (block, page) in enumerate(section_block_pages(sec)):
        yield from _block_units(block, here.block(b), page, s, {})


def _block_units(block: Block, address: Address, page: int, s: int, place: dict[str, Any]) -> Iterator[Unit]:
    if isinstance(block, Paragraph):
        yield Unit.made(address, block.text, "paragraph", page, s, place)
    elif isinstance(block, ListBlock):
        for k, item in enumerate(block.items):
            yield Unit.made(address.item(k), item, "item", page, s, place)
    else:
        rows = (page, *block.pages_of_rows(page)) if isinstance(block, Table) and block.row_pages else ()
        for where, box, here in inner(block, address):
            at = rows[here["row"]] if rows else page  # a row of a table over a page break: its own page
            for j, kid in enumerate(box.blocks):
                yield from _block_units(kid, where.block(j), at, s, here)


def walk(node: Node, at: Address | Path = TOP) -> Iterator[tuple[Address, str | None]]:
    """Every node of a section or block, the node itself first, as (address, text); text is None
    for nodes that hold no text of their own (sections, lists, tables, rows, cells, columns).
    `at` is the node's address (TOP: addresses relative to the node; a plain tuple is read as one)."""
    return _walk(node, Address(at))


def _walk(node: Node, at: Address) -> Iterator[tuple[Address, str | None]]:
    if isinstance(node, Paragraph):
        yield at, node.text
        return
    yield at, None
    if isinstance(node, ListBlock):
        for k, item in enumerate(node.items):
            yield at.item(k), item
    elif isinstance(node, Section):
        yield at.section_heading(), node.heading
        yield from walk_blocks(node.blocks, at)
    elif isinstance(node, Table):
        yield from _walk_table(node, at)
    elif isinstance(node, Columns):
        yield from _walk_columns(node, at)


def _walk_table(node: Table, at: Address) -> Iterator[tuple[Address, str | None]]:
    for r, row in table_rows(node):
        yield at.row(r), None
        for c, cell in enumerate(row):
            yield from walk_blocks(cell.blocks, at.cell(r, c))


def _walk_columns(node: Columns, at: Address) -> Iterator[tuple[Address, str | None]]:
    for c, column in enumerate(node.columns):
        yield at.column(c), None
        if column.heading:
            yield at.column_heading(c), column.heading
        yield from walk_blocks(column.blocks, at.column(c))


def walk_blocks(blocks: Iterable[Block], container: Address) -> Iterator[tuple[Address, str | None]]:
    """The container (a column or cell: no text), then `walk` of each of its blocks."""
    yield container, None
    for j, block in enumerate(blocks):
        yield from _walk(block, container.block(j))


def table_rows(table: Table) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """(row number as in addresses, cells) of each row; 0 is the header, left out when the table has none."""
    if table.header:
        yield 0, table.header
    for r, row in enumerate(table.rows):
        yield r + 1, row


def text_of(node: Node) -> str:
    """All the text inside a node, in order, joined by spaces."""
    return " ".join(t for _, t in walk(node) if t)


def describe(program: Program, address: Address) -> Msg:
    """An address in words, with the page and heading of the program: 'page 8, third column, item 4'."""
    s = address.section_index
    if s is None:
        return address.describe()
    sec = program.sections[s]
    top = address.top_block if not address.is_heading and len(address) > 1 else None
    page = sec.page if top is None else _page_within(sec.blocks[top.position], address, block_page(program, top))
    return address.describe(page=page, heading=sec.heading)


def _page_within(block: Block, address: Address, page: int) -> int:
    """The page of `address` inside the top-level `block` starting on `page`: a body row of a table
    over a page break is on its own page."""
    parts = address.parts()
    if not isinstance(block, Table) or not block.row_pages or len(parts) < 3 or parts[2].at[0] == 0:
        return page
    return block.pages_of_rows(page)[parts[2].at[0] - 1]


def block_page(program: Program, top: Address) -> int:
    """The page a top-level block starts on (its own, else the page of the block before it)."""
    pages = section_block_pages(program.sections[top.section_index or 0])
    return next(page for b, (_, page) in enumerate(pages) if b == top.position)


# ---------------------------------------------------------------- get / update


def child(node: Node, part: Part) -> Node:
    """The child of `node` that one part of an address names."""
    if part.what == "block" and isinstance(node, (Section, Column, Cell)):
        return node.blocks[part.at[0]]
    if part.what == "column" and isinstance(node, Columns):
        return node.columns[part.at[0]]
    if part.what == "cell" and isinstance(node, Table):
        r, c = part.at
        return (node.header if r == 0 else node.rows[r - 1])[c]
    if part.what == "item" and isinstance(node, ListBlock):
        return node.items[part.at[0]]
    raise KeyError(f"no {part!r} in {type(node).__name__}")


def _with_child(node: Node, part: Part, kid: Node) -> Node:
    """`node` with the child that `part` names replaced by `kid`."""
    if part.what == "block":
        return replace(node, blocks=_put(node.blocks, part.at[0], kid))
    if part.what == "column":
        return replace(node, columns=_put(node.columns, part.at[0], kid))
    if part.what == "item":
        return replace(node, items=_put(node.items, part.at[0], kid))
    if part.what == "cell":
        return _with_cell(node, part.at, kid)
    raise KeyError(f"no {part!r} in {type(node).__name__}")


def _with_cell(table: Node, at: tuple[int, ...], kid: Node) -> Node:
    """The table with its cell at (row, column) replaced by `kid` (row 0: the header row)."""
    r, c = at
    if r == 0:
        return replace(table, header=_put(table.header, c, kid))
    return replace(table, rows=_put(table.rows, r - 1, _put(table.rows[r - 1], c, kid)))


def _put(values: tuple[Any, ...], i: int, value: Any) -> tuple[Any, ...]:
    return values[:i] + (value,) + values[i + 1:]


def get(program: Program, address: Address) -> Node:
    return get_in(program.sections, address)


def get_in(sections: Sequence[Section], address: Address) -> Node:
    """The node at `address` in a sequence of sections (a program's, or one being rebuilt)."""
    first, *rest = address.parts()
    node: Node = sections[first.at[0]]
    for part in rest:
        node = child(node, part)
    return node


def update(sections: list[Section], address: Address, fn: Callable[[Node], Node]) -> None:
    """Replace the node at `address` by fn(node), rebuilding only its ancestors.

    `sections` is a list (mutated in place at the top) so that many updates
    do not copy the whole program each time.
    """
    first, *rest = address.parts()
    s = first.at[0]
    sections[s] = _update(sections[s], rest, fn)


def _update(node: Node, parts: list[Part], fn: Callable[[Node], Node]) -> Node:
    if not parts:
        return fn(node)
    return _with_child(node, parts[0], _update(child(node, parts[0]), parts[1:], fn))


def prune(program: Program, drop: Callable[[Block], bool], kept: Sequence[Section] = ()) -> Program:
    """The program without the blocks for which drop(block) is true, at any depth; the sections
    that are `kept` ones (the same objects: of a version already pruned) are not looked into."""
    def blocks(bs: Sequence[Block]) -> tuple[Block, ...]:
        return tuple(with_inner(b, box) for b in bs if not drop(b))

    def box(container: Column | Cell) -> Column | Cell:
        return replace(container, blocks=blocks(container.blocks))

    # a section with nothing to drop is kept as it is: the next version shares it (and its index)
    clean = {id(s) for s in kept}  # ids of live objects: `kept` holds them
    return replace(program, sections=tuple(replace(s, blocks=blocks(s.blocks))
                                           if id(s) not in clean and _holds(s.blocks, drop) else s
                                           for s in program.sections))


def _holds(bs: Sequence[Block], drop: Callable[[Block], bool]) -> bool:
    """Is there a block to drop among `bs`, at any depth?"""
    return any(drop(b) or any(_holds(box.blocks, drop) for box in _boxes(b)) for b in bs)


def _boxes(block: Block) -> tuple[Column | Cell, ...]:
    """The containers inside a block (`inner`'s order), without their addresses."""
    if isinstance(block, Columns):
        return block.columns
    if isinstance(block, Table):
        return tuple(c for row in (block.header,) + block.rows for c in row)
    return ()


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
