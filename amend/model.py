"""The document model: a program (sections of blocks) and a patch (amendments).

Everything here is a frozen dataclass so that applying a patch can never change
the base program by accident: `apply` builds a new tree and shares what it
did not touch.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .messages import Msg, msg

# ---------------------------------------------------------------- program


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None = None  # set when the block starts a new page


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool = False
    page: int | None = None


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    """A table; its header row (if any) repeats at the top of each page it runs over, as Word's
    "repeat as header row" does (the only header row a DOCX import takes, and the one render writes).
    `row_pages`: for a table over a page break, one entry a body row, the page where the row
    starts a new page (None: on the page of the row before); () when no row starts a new page."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    page: int | None = None
    row_pages: tuple[int | None, ...] = ()

    def pages_of_rows(self, first: int) -> tuple[int, ...]:
        """The page of each body row, the table starting on page `first`."""
        out, page = [], first
        for k in range(len(self.rows)):
            page = (self.row_pages[k] if k < len(self.row_pages) else None) or page
            out.append(page)
        return tuple(out)

    def with_row_pages(self, pages: Sequence[int], first: int) -> Table:
        """The table with each body row on the page of `pages` (as many as rows; the table
        starting on `first`): a row keeps its page only where it starts a new one."""
        marks: list[int | None] = []
        for page in pages:
            marks.append(page if page > first else None)
            first = max(first, page)
        return replace(self, row_pages=tuple(marks) if any(marks) else ())


@dataclass(frozen=True)
class Column:
    heading: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Columns:
    columns: tuple[Column, ...]
    page: int | None = None


Block = Paragraph | ListBlock | Table | Columns


@dataclass(frozen=True)
class Section:
    heading: str
    level: int
    page: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Decision:
    body: str
    date: str
    paragraph: str | None = None  # "§ 170"
    case: str | None = None  # "2025.202 KS"
    proposes_to: str | None = None  # set when the body proposes the text to another, e.g. Kommunfullmäktige
    in_force: str | None = None  # the date the change takes effect; None: the decision date
    order: int | None = None  # orders decisions of one date that their § numbers do not

    @property
    def effective(self) -> str:
        """The date the change takes effect."""
        return self.in_force or self.date


@dataclass(frozen=True)
class Meta:
    id: str
    title: str
    version: str
    organisation: str | None = None
    language: str = "sv"
    date: str | None = None
    status: str | None = None
    subtitle: str | None = None
    decisions: tuple[Decision, ...] = ()  # the decisions that produced this version


@dataclass(frozen=True)
class Unsure:
    """What the import could not tell (YAML `source.unsure`), so that an amendment
    does not guess there (amend.resolve.unsure). kind "page": the block starting with
    `text` is on one of the pages `page`..`last`; kind "split": the paragraph starting
    with `text` (on `page`) may be the rest of the paragraph before it."""

    kind: str
    text: str
    page: int
    last: int | None = None


@dataclass(frozen=True)
class SourceFile:
    """The document a program was imported from (YAML `source:`), to know it again."""

    file: str  # its name, without the folder
    size: int  # bytes
    sha256: str  # hex
    places: str | None = None  # DOCX: where each text of the program is in it (amend.importers.places)
    unsure: tuple[Unsure, ...] = ()  # what the import could not tell


@dataclass(frozen=True)
class Program:
    meta: Meta
    sections: tuple[Section, ...]
    source: str | None = field(default=None, compare=False)  # the YAML file it was loaded from, for messages
    source_file: SourceFile | None = None  # the DOCX/PDF it was imported from

    @property
    def page_count(self) -> int:
        return max((last_page(b, p) for b, p in iter_block_pages(self)), default=1)


def iter_block_pages(program: Program) -> Iterator[tuple[Block, int]]:
    """Yield (block, effective page) for every top-level block of every section.

    A block without its own page is on the page of the block before it (the page
    where that one ends: a table's last rows may run on); the first block of a
    section is on the section's page.
    """
    for section in program.sections:
        yield from section_block_pages(section)


def section_block_pages(section: Section) -> Iterator[tuple[Block, int]]:
    """(block, effective page) of each top-level block of one section (see iter_block_pages)."""
    page = section.page
    for block in section.blocks:
        page = block.page or page
        yield block, page
        page = last_page(block, page)


def last_page(block: Block, page: int) -> int:
    """The last page a block starting on `page` is printed on (a table's rows may run on)."""
    if isinstance(block, Table) and block.row_pages:
        return max(page, *block.pages_of_rows(page))
    return page


def new_pages_problem(blocks: Sequence[Block], first: int, following: int | None, last: int) -> Msg | None:
    """Why the pages of new content (an added section's, or a section's new text)
    cannot stand, or None. Pages never go back: the content starts no earlier
    than `first` (where the section starts) and ends no later than `following`
    (where the next section starts; None at the end of the program); and new
    content adds at most MAX_NEW_PAGES pages after the program's `last` page."""
    for block in blocks:
        page = getattr(block, "page", None)
        why = None if page is None else _page_problem(page, first, following, last)
        if why is not None:
            return why
    return None


def _page_problem(page: int, first: int, following: int | None, last: int) -> Msg | None:
    from .limits import MAX_NEW_PAGES

    if page < first:
        return msg("core.pages_before", page=page, first=first)
    if following is not None and page > following:
        return msg("core.pages_after_next", page=page, following=following)
    if page > last + MAX_NEW_PAGES:
        return msg("core.pages_too_many", page=page, last=last, limit=MAX_NEW_PAGES)
    return None


# ---------------------------------------------------------------- patch


@dataclass(frozen=True)
class Source:
    """Where something was written: file and 1-based line, for messages."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Scope:
    page: int | None = None
    heading: str | None = None
    column: int | str | None = None
    row: int | str | None = None  # number, or the words the row's first cell starts with
    paragraph: int | str | None = None  # number, "first" or "last"
    item: int | str | None = None
    sentence: int | str | None = None
    occurrence: int | None = None

    def describe(self) -> Msg:
        """The scope in words, coarse to fine: 'on page 6 under "Samverkan"'."""
        parts = []
        if self.page is not None:
            parts.append(msg("core.scope.page", page=self.page))
        if self.heading is not None:
            parts.append(msg("core.scope.heading", heading=self.heading))
        for key in ("column", "row", "paragraph", "item", "sentence"):
            value = getattr(self, key)
            if value is not None:
                parts.append(_scope_part(key, value))
        return spaced(parts) if parts else msg("core.scope.whole")


def _scope_part(key: str, value: int | str) -> Msg:
    if key == "column" and isinstance(value, str) and not value.isdigit() and value not in ("first", "last"):
        return msg("core.scope.column_named", name=value)
    if key == "row" and isinstance(value, str):
        return msg("core.scope.row_named", name=value)
    n = ordinal_words(value)
    return {"column": msg("core.scope.column", n=n), "row": msg("core.scope.row", n=n),
            "paragraph": msg("core.scope.paragraph", n=n), "item": msg("core.scope.item", n=n),
            "sentence": msg("core.scope.sentence", n=n)}[key]


def spaced(parts: list[Msg]) -> Msg:
    """Fragments one after the other: 'on page 6 under 'Samverkan''."""
    whole = parts[0]
    for part in parts[1:]:
        whole = msg("core.then", a=whole, b=part)
    return whole


def ordinal_words(value: int | str) -> Msg:
    """A scope's ordinal in words: '3rd', 'first', 'last' (tredje, första, sista), or a name quoted."""
    if isinstance(value, str) and not value.isdigit():
        if value == "first":
            return msg("core.ordinal.first")
        if value == "last":
            return msg("core.ordinal.last")
        return msg("core.quoted_name", name=value)
    n = int(value)
    if 10 <= n % 100 <= 20 or n % 10 not in (1, 2, 3):
        return msg("core.ordinal.th", n=n)
    return {1: msg("core.ordinal.st", n=n), 2: msg("core.ordinal.nd", n=n), 3: msg("core.ordinal.rd", n=n)}[n % 10]


# The operations a patch may use. The keys are the user-facing contract:
# extend, don't rename.
OPERATIONS = (
    "insert",
    "replace",
    "delete",
    "add_item",
    "add_paragraph",
    "delete_paragraph",
    "delete_item",
    "add_section",
    "delete_section",
    "replace_section_text",
)


@dataclass(frozen=True)
class Amendment:
    id: str
    op: str  # one of OPERATIONS
    scope: Scope
    source: Source
    title: str | None = None
    text: str | None = None  # the instruction as worded in the minutes
    value: Any = None  # the operation's own value: text, blocks or a section, as `op` says
    after: str | None = None
    before: str | None = None
    with_: str | None = None
    position: int | str | None = None
    after_item: str | None = None
    after_section: str | None = None
    # (key, line, column) of each key as written
    key_lines: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)

    def source_of(self, key: str) -> Source:
        """Where `key` of this amendment was written, so that a message points at the
        quoted text it is about; the amendment's own line if the key is not there."""
        for k, line, column in self.key_lines:
            if k == key:
                return Source(self.source.file, line, column)
        return self.source

    @property
    def anchor_key(self) -> str:
        """The key that holds the quoted text this amendment must find."""
        return {"insert": "after" if self.after else "before", "add_item": "after_item",
                "add_paragraph": "after", "add_section": "after_section"}.get(self.op, self.op)

    @property
    def label(self) -> str:
        return f"{self.title} ({self.id})" if self.title else self.id


@dataclass(frozen=True)
class Patch:
    program: str
    base: str
    produces: str
    decision: Decision
    amendments: tuple[Amendment, ...]
    status: str | None = None  # status of the version it produces, e.g. "Antagen"
    source: str | None = field(default=None, compare=False)
    outcome: str = "adopted"  # or "pending", "rejected", "withdrawn" (OUTCOMES)
    # instructions of the minutes that the patch does not carry (extract could not read or
    # place them): (line in the minutes, text). A patch with any is not a complete decision.
    incomplete: tuple[tuple[int, str], ...] = ()


# What became of a patch's decision; only an adopted one is ever in force.
OUTCOMES = ("adopted", "pending", "rejected", "withdrawn")
