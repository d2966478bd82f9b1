"""What the DOCX and PDF importers share: the flow they produce and turning
that flow into a Program (the report of what could not be mapped is in
report.py, reading the title block back into metadata in titleblock.py).

Both readers turn a document into a *flow*: the paragraphs, headings, list
items and ready-made tables/column layouts in reading order, each with the
page it starts on. Everything after that (sections, lists, pages, metadata) is
decided here once, so that a DOCX and a PDF of the same program give the same
YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import UnreadableDocument
from ..messages import Msg, msg
from ..model import Column, Columns, ListBlock, Meta, Paragraph, Program, Section, SourceFile, Table, last_page
from ..text import clean, is_blank
from .places import NOT_IN_FILE
from .report import Joined, Report
from .shown import _CONTROLS, excerpt, tidy
from .titleblock import read_title_block

__all__ = ["_CONTROLS", "Item", "Joined", "Report", "UnreadableDocument", "build_program", "cell_blocks", "column_of",
           "drop_implied_pages", "excerpt", "source_file", "tidy"]

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # as in program.schema.json
VERSION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_LEVEL = 6  # the schema's deepest heading level

# ---------------------------------------------------------------- the flow


@dataclass(frozen=True)
class Item:
    """One piece of the document in reading order.

    kind: "heading", "paragraph", "item" (a list item) or "block" (a Table or
    Columns built by the reader). `style` names the Word style of a paragraph
    before the first heading ("Title", "Subtitle"), which is how the title
    block is read back. Consecutive items with the same `list_key` form one list.
    """

    kind: str
    page: int
    text: str = ""
    level: int = 0
    style: str = ""
    ordered: bool = False
    list_key: object = None
    block: Table | Columns | None = None  # a ready-made block (kind "block")
    guessed: bool = False  # a heading found from typography or numbering, not from a heading style
    signal: str = ""  # how a heading was found where not by its style: "font", "numbering", "font+numbering", …
    size: float = 0.0  # the font size of the text, where the reader knows it (for the title)
    loc: str = ""  # where in the source DOCX the text is (amend.sourcemap); "" when not known
    locs: tuple[str, ...] = ()  # a block's: the places of the texts inside it, in the program's order


# ---------------------------------------------------------------- flow → blocks


def group_blocks(items, report: Report, where: Msg | None = None, pages: bool = True,
                 locs: list[str] | None = None) -> tuple:
    """Paragraphs, list items and ready blocks (no headings) → model blocks.

    At the top of a section each block gets the page it starts on
    (drop_implied_pages removes the redundant ones); inside a cell or column
    (pages=False) none does: the layout's page is theirs. `locs` gets the
    source places of the texts taken, in the program's order.
    """
    blocks: list = []
    locs = [] if locs is None else locs
    key = None
    for it in items:
        if it.kind in ("item", "paragraph", "heading") and is_blank(it.text):
            continue  # a soft hyphen or zero-width space alone: nothing a reader sees, nothing to amend
        locs.extend(it.locs if it.kind == "block" else (it.loc,))
        at = it.page if pages else None
        if it.kind == "item":
            _add_item(blocks, it, at, same_list=key == it.list_key)
            key = it.list_key
            continue
        key = None
        if it.kind == "block":
            blocks.append(replace(it.block, page=at))
        elif it.kind in ("paragraph", "heading"):
            if it.kind == "heading":
                _note_heading_inside(it, where, report)
            blocks.append(Paragraph(it.text, at))
    return tuple(blocks)


def _note_heading_inside(it: Item, where: Msg | None, report: Report) -> None:
    """A heading inside a cell or column, read as a paragraph: no section can start there."""
    report.note(msg("importers.note.heading_in_block", text=excerpt(it.text), where=where) if where
                else msg("importers.note.heading_in_cell", text=excerpt(it.text)))


def _add_item(blocks: list, it: Item, page: int | None, same_list: bool) -> None:
    """A list item onto the list before it (the same list), else as a new list."""
    if blocks and isinstance(blocks[-1], ListBlock) and same_list:
        blocks[-1] = replace(blocks[-1], items=blocks[-1].items + (it.text,))
    else:
        blocks.append(ListBlock((it.text,), it.ordered, page))


def column_of(items, report: Report, where: Msg, locs: list[str] | None = None) -> Column:
    """A column layout's column: a heading at its top is the column's heading."""
    items = list(items)
    heading = None
    locs = [] if locs is None else locs
    if items and items[0].kind == "heading":
        top = items.pop(0)
        heading = top.text
        locs.append(top.loc)
    return Column(heading, group_blocks(items, report, where, pages=False, locs=locs))


def cell_blocks(items, report: Report, where: Msg, locs: list[str] | None = None) -> tuple:
    return group_blocks(items, report, where, pages=False, locs=locs)


def drop_implied_pages(program: Program) -> Program:
    """Keep a block's page only where it starts a new page, as the format says:
    a block without `page:` is on the page of the block before it."""
    return replace(program, sections=tuple(_without_implied_pages(s) for s in program.sections))


def _without_implied_pages(s: Section) -> Section:
    """The section with a block's page kept only where the block starts a new page."""
    page, blocks = s.page, []
    for b in s.blocks:
        if b.page is not None and b.page <= page:
            b = replace(b, page=None)
        page = last_page(b, b.page or page)  # the block after a table goes on where its rows end
        blocks.append(b)
    return replace(s, blocks=tuple(blocks))


# ---------------------------------------------------------------- flow → program


def build_program(flow: list[Item], report: Report, *, program_id: str, title: str | None,
                  fallback_title: str | None, language_hint: str | None, source: str) -> Program:
    """The flow of one document → a Program, metadata read from its title block.

    Headings from styles win; where a document has none, the headings its
    reader found from typography and numbering are taken; where there are
    none either, the whole text is one section under the title.
    """
    if not any(it.text or it.block for it in flow):
        raise UnreadableDocument(msg("importers.no_text"), source=source)
    flow = _settle_headings(flow, report)
    preamble, body, headed = _preamble(flow, report)
    fields = read_title_block([(it.style, it.text) for it in preamble if it.kind != "block"], report,
                              language_hint, source=source)
    title = _title(title or fields.get("title") or fallback_title, preamble, flow, report, source)
    if not headed:
        page = next((it.page for it in flow if it.text or it.block), 1)
        report.note(msg("importers.note.no_headings"))
        body = [Item("heading", page, clean(title), level=1, loc=NOT_IN_FILE, signal="title")] + body
    meta = _meta(fields, report, program_id=program_id, title=title, fallback_title=None, source=source)
    locs: list[str] = []
    sections = _sections(body, report, locs)
    return drop_implied_pages(Program(meta, tuple(sections), source=source,
                                      source_file=source_file(source, locs)))


def _preamble(flow: list[Item], report: Report) -> tuple[list[Item], list[Item], bool]:
    """(the items before the first heading, the rest, whether there is a heading); without
    headings only a title block at the top can be told from the text."""
    first = next((i for i, it in enumerate(flow) if it.kind == "heading"), None)
    if first is None:
        first_text = next((i for i, it in enumerate(flow) if it.style not in ("Title", "Subtitle")), len(flow))
        return flow[:first_text], flow[first_text:], False
    for it in flow[:first]:
        if it.kind == "block":
            report.note(msg("importers.note.block_before_heading", page=it.page))
    return flow[:first], flow[first:], True


def _title(given: str | None, preamble: list[Item], flow: list[Item], report: Report, source: str) -> str:
    """The title given or read, else the largest text at the top, else the file's name (said so)."""
    return (given or _title_from_text(preamble, report) or _title_from_text(flow, report)
            or _title_from_file(source, report))


def _sections(body: list[Item], report: Report, locs: list[str]) -> list[Section]:
    """A section per heading of `body`, with the blocks up to the next heading."""
    sections = []
    for i, it in enumerate(body):
        if it.kind != "heading":
            continue
        end = next((j for j in range(i + 1, len(body)) if body[j].kind == "heading"), len(body))
        if it.level > MAX_LEVEL:
            report.note(msg("importers.note.level_capped", text=excerpt(it.text), level=it.level, most=MAX_LEVEL))
        locs.append(it.loc)
        report.headings.append((it.page, it.text, it.signal))
        sections.append(Section(it.text, min(max(it.level, 1), MAX_LEVEL), it.page,
                                group_blocks(body[i + 1:end], report, locs=locs)))
    return sections


def source_file(path: str, locs: list[str] | None = None) -> SourceFile | None:
    """Name, size and SHA-256 of the imported file, so a later step knows it is the
    same file, and (DOCX) where each text of the program is in it."""
    import hashlib

    from .places import NOT_IN_FILE, encode

    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    places = encode(locs) if locs and all(locs) and any(loc != NOT_IN_FILE for loc in locs) else None
    return SourceFile(Path(path).name, len(data), hashlib.sha256(data).hexdigest(), places)


def _settle_headings(flow: list[Item], report: Report) -> list[Item]:
    """Guessed headings count only where the document has no styled ones."""
    if {it.guessed for it in flow if it.kind == "heading"} != {True, False}:  # headings of one kind: they stand
        return flow
    return [replace(it, kind="paragraph", guessed=False) if it.guessed else it for it in flow]


def _title_from_text(items: list[Item], report: Report) -> str | None:
    """The largest text of the first page (the first paragraph when sizes are unknown)."""
    first = [it for it in items if it.kind in ("paragraph", "heading") and it.text and len(it.text) <= 200]
    if not first:
        return None
    page = first[0].page
    on_page = [it for it in first if it.page == page]
    best = max(on_page, key=lambda it: it.size) if any(it.size for it in on_page) else on_page[0]
    report.note(msg("importers.note.title_from_page", text=excerpt(best.text)))
    return best.text


def _title_from_file(source: str, report: Report) -> str:
    """The file's name as the title, where the document prints none (the report says so)."""
    title = Path(source).stem.replace("_", " ")
    report.note(msg("importers.note.title_from_file", title=title))
    return title


def _meta(fields: dict, report: Report, *, program_id, title, fallback_title, source) -> Meta:
    if not ID_PATTERN.match(program_id or ""):
        raise UnreadableDocument(msg("importers.bad_id", id=program_id), source=source)
    title = title or fields.get("title") or fallback_title
    if not VERSION_PATTERN.match(fields.get("version", "")):
        report.note(msg("importers.note.bad_version", version=fields["version"]) if "version" in fields
                    else msg("importers.note.no_version"))
        fields["version"] = "proposed"
    return Meta(id=program_id, title=clean(title), version=fields["version"],
                organisation=fields.get("organisation"), language=fields.get("language", "sv"),
                date=fields.get("date"), status=fields.get("status"), subtitle=fields.get("subtitle"),
                decisions=fields.get("decisions", ()))
