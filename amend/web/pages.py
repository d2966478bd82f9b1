"""A program version as the proposal's pages: which headings and blocks start on each page."""
from __future__ import annotations

from dataclasses import dataclass

from ..address import Address
from ..model import Block, Program, Section, iter_block_pages


@dataclass(frozen=True)
class Item:
    """A heading (section set) or a block (block set) as it appears on a page, with where it is:
    the section's index for a heading, the block's address for a block (to point at it)."""

    section: Section | None = None
    block: Block | None = None
    index: int = 0
    address: Address | None = None


def paged(program: Program) -> dict[int, list[Item]]:
    """{page: its items in order}. A block is on the page it starts on (model.iter_block_pages)."""
    pages: dict[int, list[Item]] = {}
    placed = iter_block_pages(program)
    for s, section in enumerate(program.sections):
        pages.setdefault(section.page, []).append(Item(section=section, index=s))
        for b, _ in enumerate(section.blocks):
            block, page = next(placed)
            pages.setdefault(page, []).append(Item(block=block, index=s, address=Address.section(s).block(b)))
    return pages


def kind(block: Block) -> str:
    """The template macro for a block: Paragraph → paragraph, ListBlock → list, …"""
    return {"Paragraph": "paragraph", "ListBlock": "list", "Table": "table", "Columns": "columns"}[type(block).__name__]
