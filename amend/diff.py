"""Structural, word-level diff of two programs: what a reviewer sees in a redline.

The structure is aligned first — sections, then the blocks of matched
sections, then list items, table rows and cells, column by column — and only
the text of matched paragraphs and items is diffed, word by word, with
diff-match-patch over word tokens. Every diff is small (one sequence of keys,
or one paragraph's words), so it runs with `Diff_Timeout = 0`: the default
timeout silently gives up on large inputs and returns a useless
delete-everything/insert-everything.

The result, `Redline`, is a *merged* program that holds both sides (deleted
blocks stay where they were), and for every path in it which side it belongs
to and the word segments of its text. Renderers walk the merged program.
Pure: no I/O.

Paths are those of amend.tree, plus ("h", s) for a section heading,
("title", i) for a line of the title block, (..., "col", c, "heading") for a
column heading and (..., "row", r) for a table row.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from .layout import title_lines
from .model import (
    Block,
    Cell,
    Column,
    Columns,
    Decision,
    ListBlock,
    Paragraph,
    Program,
    Section,
    Table,
    iter_block_pages,
)
from .tree import Path

T = TypeVar("T")
Pair = tuple[int | None, int | None]  # aligned items: (old index, new index); None on the side it is missing
# a pair, where it lands among the old items, and the old items it replaces
Place = tuple[int | None, int | None, int, tuple[int, ...]]

SAME, INS, DEL = "=", "+", "-"
_OPS = {0: SAME, 1: INS, -1: DEL}
PAIR_AT = 0.5  # word overlap from which a changed block counts as the same block, edited
WINDOW = 8  # how far ahead an unmatched block looks for its changed counterpart


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
    kind: str  # "text", "insert" or "delete"
    what: str  # "text", "title", "section", "paragraph", "list", "table", "columns", "item", "row", "heading"
    path: Path  # where it is in the merged program
    section: int | None  # merged section it is in (None: the title block)
    page: int | None = None  # page of the proposal it is on
    old: Path | None = None  # its path in the old program
    new: Path | None = None  # its path in the new program
    span: tuple[int, int] = (0, 0)  # text: the changed part [a, b) of the old text
    at: tuple[Path, int] | None = None  # insert: (old container path, index among the old children)
    node: Any = None  # insert: what was inserted
    replaces: tuple[Path, ...] = ()  # insert: old paths deleted at the same place (a rewrite too large to pair)
    amendments: tuple[Any, ...] = ()  # who made it (resolve.Edit amendments), when known
    decision: Decision | None = None

    @property
    def id(self) -> str:
        return f"c{self.n + 1}"


@dataclass
class Redline:
    old: Program
    new: Program
    merged: Program
    title: list[tuple[str, str]]  # merged title block: (style, text) per line
    sides: dict[Path, tuple[str, int]]  # path -> (INS or DEL, change n) for every node on one side only (topmost)
    segments: dict[Path, tuple[Segment, ...]]  # path of a text -> its segments
    pages: dict[Path, tuple[int | None, int | None]]  # path of a heading or top-level block -> (old page, new page)
    changes: list[Change]
    matched: dict[Path, Path]  # old path -> new path, for every node on both sides
    default_decision: Decision | None = None

    def side(self, path: Path) -> tuple[str, int | None]:
        """(SAME, None), or (INS/DEL, change) when the node at path is on one side only."""
        if path and path[0] == "h":
            path = path[1:]
        for n in range(1, len(path) + 1):
            hit = self.sides.get(path[:n])
            if hit:
                return hit
        return SAME, None


def diff_programs(old: Program, new: Program) -> Redline:
    """The redline of `new` against `old`; changes are not yet attributed."""
    return _Builder(old, new).build()


# ---------------------------------------------------------------- words


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks."""
    return _TOKEN.findall(text)


class _Alphabet:
    """One character per distinct token, so that diff-match-patch diffs tokens.

    Words become letters, spaces stay spaces and punctuation becomes
    non-letters, so that the semantic clean-up still sees word boundaries.
    """

    RANGES = {"word": [(0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x20000, 0x2A6DF)],
              "other": [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD)]}

    def __init__(self) -> None:
        self.code: dict[str, str] = {" ": " "}
        self.text: dict[str, str] = {" ": " "}
        self.used = {"word": 0, "other": 0}

    def _next(self, kind: str) -> str:
        n = self.used[kind]
        self.used[kind] += 1
        for lo, hi in self.RANGES[kind]:
            if n <= hi - lo:
                return chr(lo + n)
            n -= hi - lo + 1
        raise OverflowError("too many distinct words in one paragraph")

    def encode(self, toks: list[str]) -> str:
        out = []
        for t in toks:
            c = self.code.get(t)
            if c is None:
                c = self._next("word" if t[0].isalnum() or t[0] == "_" else "other")
                self.code[t], self.text[c] = c, t
            out.append(c)
        return "".join(out)

    def decode(self, chars: str) -> str:
        return "".join(self.text[c] for c in chars)


_DMP: Any = None


def _dmp() -> Any:
    global _DMP
    if _DMP is None:
        from diff_match_patch import diff_match_patch

        _DMP = diff_match_patch()
        _DMP.Diff_Timeout = 0  # each diff is small; never fall back to delete-all/insert-all
    return _DMP


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """(op, text) pieces turning `a` into `b`, word by word, semantically cleaned."""
    if a == b:
        return [(SAME, a)] if a else []
    alphabet = _Alphabet()
    diffs = _dmp().diff_main(alphabet.encode(tokens(a)), alphabet.encode(tokens(b)), False)
    _dmp().diff_cleanupSemantic(diffs)
    return [(_OPS[op], alphabet.decode(chunk)) for op, chunk in diffs if chunk]


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Shared words of two bags of words (Dice), 0–1. A cheap linear measure to
    decide pairing; the real diff runs only on what is paired."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


_WORD = re.compile(r"\w+|[^\w\s]")  # the tokens that are not white space


def _bag(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text))


# ---------------------------------------------------------------- alignment


def _key_char(n: int) -> str:
    n += 0x100
    return chr(n + 0x800 if n >= 0xD800 else n)  # skip the surrogates


def align(old: Sequence[T], new: Sequence[T], key: Callable[[T], Any],
          similar: Callable[[T, T], bool]) -> list[Pair]:
    """Pair the items of two sequences, in order: (i, j) both, (i, None) deleted,
    (None, j) inserted. Items with equal keys are matched by a diff over the
    keys; in the gaps between, an item is paired with a changed counterpart
    when `similar` says so."""
    codes: dict[Any, str] = {}
    a = "".join(codes.setdefault(key(x), _key_char(len(codes))) for x in old)
    b = "".join(codes.setdefault(key(x), _key_char(len(codes))) for x in new)
    pairs: list[Pair] = []
    gone: list[int] = []
    come: list[int] = []
    i = j = 0
    for op, chunk in _dmp().diff_main(a, b, False):
        n = len(chunk)
        if op == 0:
            pairs.extend(_pair_gap(gone, come, old, new, similar))
            gone, come = [], []
            pairs.extend((i + k, j + k) for k in range(n))
            i, j = i + n, j + n
        elif op < 0:
            gone.extend(range(i, i + n))
            i += n
        else:
            come.extend(range(j, j + n))
            j += n
    pairs.extend(_pair_gap(gone, come, old, new, similar))
    return pairs


def _pair_gap(gone: list[int], come: list[int], old: Sequence[T], new: Sequence[T],
              similar: Callable[[T, T], bool]) -> list[Pair]:
    """Between two matched items: pair each removed item with the first similar
    added one a few places ahead; the rest are whole deletions/insertions."""
    out: list[Pair] = []
    k = 0
    for i in gone:
        hit = next((m for m in range(k, min(len(come), k + WINDOW)) if similar(old[i], new[come[m]])), None)
        if hit is None:
            out.append((i, None))
            continue
        out.extend((None, come[m]) for m in range(k, hit))
        out.append((i, come[hit]))
        k = hit + 1
    out.extend((None, come[m]) for m in range(k, len(come)))
    return out


def places(pairs: Iterable[Pair]) -> Iterator[Place]:
    """Each aligned pair as (i, j, at, gone): `at` is how many old items come
    before it (where an insertion lands among the old items), `gone` the old
    items deleted since the last matched pair (what an insertion stands in for)."""
    at, gone = 0, list[int]()
    for i, j in pairs:
        if i is not None and j is not None:
            gone = []
        yield i, j, at, tuple(gone)
        if i is not None:
            at = i + 1
            if j is None:
                gone.append(i)


# ---------------------------------------------------------------- walking nodes


def walk(node: Any, path: Path = ()) -> Iterator[tuple[Path, str | None]]:
    """Every node inside a block (the block itself first) as (path, text), text
    None for nodes that hold no text of their own (lists, tables, rows, cells, columns)."""
    if isinstance(node, Paragraph):
        yield path, node.text
    elif isinstance(node, ListBlock):
        yield path, None
        for k, item in enumerate(node.items):
            yield path + ("item", k), item
    elif isinstance(node, Table):
        yield path, None
        for r, row in rows(node):
            yield path + ("row", r), None
            for c, cell in enumerate(row):
                yield from _walk_blocks(cell.blocks, path + ("row", r, c))
    elif isinstance(node, Columns):
        yield path, None
        for c, column in enumerate(node.columns):
            yield path + ("col", c), None
            if column.heading:
                yield path + ("col", c, "heading"), column.heading
            yield from _walk_blocks(column.blocks, path + ("col", c))
    elif isinstance(node, Section):
        yield path, None
        yield ("h",) + path, node.heading
        yield from _walk_blocks(node.blocks, path)


def _walk_blocks(blocks: Iterable[Block], container: Path) -> Iterator[tuple[Path, str | None]]:
    yield container, None
    for j, block in enumerate(blocks):
        yield from walk(block, container + (j,))


def rows(table: Table) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """(row number as in paths, cells): 0 is the header."""
    if table.header:
        yield 0, table.header
    for r, row in enumerate(table.rows):
        yield r + 1, row


def text_of(node: Any) -> str:
    return " ".join(t for _, t in walk(node) if t)


def _block_pages(program: Program) -> dict[Path, int]:
    paths: list[Path] = [(s, b) for s, sec in enumerate(program.sections) for b in range(len(sec.blocks))]
    pages = dict(zip(paths, (p for _, p in iter_block_pages(program))))
    pages.update({("h", s): sec.page for s, sec in enumerate(program.sections)})
    return pages


def _unpaged(block: Block) -> Block:
    return replace(block, page=None) if getattr(block, "page", None) else block


def _shape(block: Block) -> tuple[Any, ...]:
    """What must agree for two blocks to be diffed inside rather than replaced."""
    if isinstance(block, ListBlock):
        return ListBlock, block.ordered
    if isinstance(block, Table):
        return Table, bool(block.header), max((len(r) for r in (block.header,) + block.rows), default=0)
    if isinstance(block, Columns):
        return Columns, len(block.columns)
    return (type(block),)


# ---------------------------------------------------------------- the merged program


@dataclass(frozen=True)
class _Spot:
    """Where the changes being found stand: the merged section (None: the title
    block) and the page of the proposal (the last old block's page so far)."""

    section: int | None
    page: int | None


class _Builder:
    """Builds one redline. Its dicts and list are the redline being written; where
    a change stands is passed along (`spot`), not kept."""

    def __init__(self, old: Program, new: Program):
        self.old, self.new = old, new
        self.old_pages, self.new_pages = _block_pages(old), _block_pages(new)
        self.sides: dict[Path, tuple[str, int]] = {}
        self.segments: dict[Path, tuple[Segment, ...]] = {}
        self.pages: dict[Path, tuple[int | None, int | None]] = {}
        self.changes: list[Change] = []
        self.matched: dict[Path, Path] = {}
        self._bags: dict[str, Counter[str]] = {}

    def build(self) -> Redline:
        title = self.title()
        sections: list[Section] = []

        def similar(a: Section, b: Section) -> bool:
            return a.level == b.level and (
                self.similar_text(a.heading, b.heading) or self.similar_text(text_of(a), text_of(b), 0.5))

        pairs = align(self.old.sections, self.new.sections, lambda s: (s.heading, s.level), similar)
        page: int | None = 1
        for i, j, at, gone in places(pairs):
            ms = len(sections)
            if i is not None:
                page = self.old.sections[i].page
            spot = _Spot(ms, page)
            if i is not None and j is not None:
                section, page = self.paired_section(ms, i, j, spot)
                sections.append(section)
            else:
                sections.append(self.whole_section(ms, i, j, spot, at=((), at), replaces=tuple((k,) for k in gone)))
        merged = Program(meta=self.new.meta, sections=tuple(sections))
        new_decisions = self.new.meta.decisions[len(self.old.meta.decisions):]
        return Redline(self.old, self.new, merged, title, self.sides, self.segments, self.pages, self.changes,
                       self.matched, new_decisions[-1] if new_decisions else None)

    # -------------------------------------------------- bookkeeping

    def change(self, kind: str, what: str, path: Path, spot: _Spot, **kw: Any) -> Change:
        c = Change(len(self.changes), kind, what, path, spot.section, spot.page, **kw)
        self.changes.append(c)
        return c

    def similar_text(self, a: str, b: str, at: float = PAIR_AT) -> bool:
        return overlap(self.bag(a), self.bag(b)) >= at

    def bag(self, text: str) -> Counter[str]:
        if text not in self._bags:
            self._bags[text] = _bag(text)
        return self._bags[text]

    def match(self, old_node: Any, opath: Path, npath: Path) -> None:
        """Record every node of an unchanged subtree as matched."""
        for sub, _ in walk(old_node):
            self.matched[_join(opath, sub)] = _join(npath, sub)

    def text(self, mpath: Path, a: str, b: str, opath: Path, npath: Path, spot: _Spot, what: str = "text") -> None:
        """Word segments of a text on both sides; each run of changed words is one
        change (a title block line is one change: the decision's)."""
        self.matched[opath] = npath
        segments: list[Segment] = []
        pos, group = 0, None
        for op, piece in word_diff(a, b):
            if op == SAME:
                group = group if what == "title" else None
                pos += len(piece)
                segments.append(Segment(SAME, piece))
                continue
            if group is None:
                group = self.change("text", what, mpath, spot, old=opath, new=npath, span=(pos, pos))
            if op == DEL:
                pos += len(piece)
                group.span = (group.span[0], pos)
            segments.append(Segment(op, piece, group.n))
        self.segments[mpath] = tuple(segments)

    def whole(self, node: Any, op: str, mpath: Path, what: str, spot: _Spot, old: Path | None = None,
              new: Path | None = None, at: tuple[Path, int] | None = None, value: Any = None,
              replaces: tuple[Path, ...] = ()) -> None:
        """A node on one side only: one change, every text inside it inserted or deleted.
        `value` is what was inserted when that is not `node` itself (a list item's text)."""
        c = self.change("insert" if op == INS else "delete", what, mpath, spot, old=old, new=new, at=at,
                        node=(node if value is None else value) if op == INS else None,
                        replaces=replaces if op == INS else ())
        self.sides[mpath] = (op, c.n)
        for sub, text in walk(node):
            if text is not None:
                self.segments[_join(mpath, sub)] = (Segment(op, text, c.n),)

    # -------------------------------------------------- title block

    def title(self) -> list[tuple[str, str]]:
        old, new = title_lines(self.old), title_lines(self.new)
        spot = _Spot(None, 1)

        def similar(a: tuple[str, str], b: tuple[str, str]) -> bool:
            return a[0] == b[0] and self.similar_text(a[1], b[1])

        merged: list[tuple[str, str]] = []
        for i, j in align(old, new, lambda line: line, similar):
            path = ("title", len(merged))
            if i is not None and j is not None:
                self.text(path, old[i][1], new[j][1], ("title", i), ("title", j), spot, what="title")
                merged.append(new[j])
            else:
                line = old[i] if i is not None else new[j or 0]
                op = DEL if i is not None else INS
                c = self.change("insert" if op == INS else "delete", "title", path, spot,
                                old=("title", i) if i is not None else None,
                                new=("title", j) if j is not None else None)
                self.sides[path] = (op, c.n)
                self.segments[path] = (Segment(op, line[1], c.n),)
                merged.append(line)
        return merged

    # -------------------------------------------------- sections

    def paired_section(self, ms: int, i: int, j: int, spot: _Spot) -> tuple[Section, int | None]:
        """The merged section, and the page its last old block is on."""
        old, new = self.old.sections[i], self.new.sections[j]
        self.matched[(i,)] = (j,)
        self.pages[("h", ms)] = (old.page, new.page)
        self.text(("h", ms), old.heading, new.heading, ("h", i), ("h", j), spot, what="heading")
        blocks, spot = self.blocks(old.blocks, new.blocks, (i,), (j,), (ms,), spot, top=True)
        return Section(new.heading, new.level, new.page, blocks), spot.page

    def whole_section(self, ms: int, i: int | None, j: int | None, spot: _Spot, at: tuple[Path, int],
                      replaces: tuple[Path, ...] = ()) -> Section:
        op, section = (DEL, self.old.sections[i]) if i is not None else (INS, self.new.sections[j or 0])
        self.pages[("h", ms)] = (section.page, None) if op == DEL else (None, section.page)
        pages = self.old_pages if op == DEL else self.new_pages
        for b in range(len(section.blocks)):
            page = pages[((i if op == DEL else j), b)]
            self.pages[(ms, b)] = (page, None) if op == DEL else (None, page)
        self.whole(section, op, (ms,), "section", spot, old=(i,) if op == DEL else None,
                   new=(j,) if op == INS else None, at=at if op == INS else None, replaces=replaces)
        return section

    # -------------------------------------------------- blocks

    def blocks(self, old: Sequence[Block], new: Sequence[Block], opath: Path, npath: Path, mpath: Path,
               spot: _Spot, top: bool = False) -> tuple[tuple[Block, ...], _Spot]:
        """Align the blocks of one container (section, cell, column) and merge them; at the
        top of a section, each old block moves the spot to its page."""
        def similar(a: Block, b: Block) -> bool:
            if _shape(a) != _shape(b):
                return False
            return self.similar_text(text_of(a), text_of(b), PAIR_AT if isinstance(a, (Paragraph, ListBlock)) else 0.3)

        out: list[Block] = []
        for i, j, at, gone in places(align(old, new, _unpaged, similar)):
            here = mpath + (len(out),)
            if top:
                o = self.old_pages[opath + (i,)] if i is not None else None
                n = self.new_pages[npath + (j,)] if j is not None else None
                self.pages[here] = (o, n)
                spot = _Spot(spot.section, o or spot.page)
            if i is not None and j is not None:
                out.append(self.paired_block(old[i], new[j], opath + (i,), npath + (j,), here, spot))
            elif i is not None:
                self.whole(old[i], DEL, here, _what(old[i]), spot, old=opath + (i,))
                out.append(old[i])
            elif j is not None:
                self.whole(new[j], INS, here, _what(new[j]), spot, new=npath + (j,), at=(opath, at),
                           replaces=tuple(opath + (k,) for k in gone))
                out.append(new[j])
        return tuple(out), spot

    def paired_block(self, old: Any, new: Block, opath: Path, npath: Path, mpath: Path, spot: _Spot) -> Block:
        if _unpaged(old) == _unpaged(new):
            self.match(old, opath, npath)
            for sub, text in walk(new):
                if text is not None:
                    self.segments[_join(mpath, sub)] = (Segment(SAME, text),)
            return new
        self.matched[opath] = npath
        if isinstance(new, Paragraph):
            self.text(mpath, old.text, new.text, opath, npath, spot)
            return new
        if isinstance(new, ListBlock):
            return replace(new, items=self.items(old, new, opath, npath, mpath, spot))
        if isinstance(new, Table):
            return self.table(old, new, opath, npath, mpath, spot)
        return self.columns(old, new, opath, npath, mpath, spot)

    def items(self, old: ListBlock, new: ListBlock, opath: Path, npath: Path, mpath: Path,
              spot: _Spot) -> tuple[str, ...]:
        out: list[str] = []
        for i, j, at, gone in places(align(old.items, new.items, lambda t: t, self.similar_text)):
            here = mpath + ("item", len(out))
            if i is not None and j is not None:
                self.text(here, old.items[i], new.items[j], opath + ("item", i), npath + ("item", j), spot)
                out.append(new.items[j])
            elif i is not None:
                self.whole(Paragraph(old.items[i]), DEL, here, "item", spot, old=opath + ("item", i))
                out.append(old.items[i])
            elif j is not None:
                self.whole(Paragraph(new.items[j]), INS, here, "item", spot, new=npath + ("item", j),
                           at=(opath + ("item",), at), value=new.items[j],
                           replaces=tuple(opath + ("item", k) for k in gone))
                out.append(new.items[j])
        return tuple(out)

    def table(self, old: Table, new: Table, opath: Path, npath: Path, mpath: Path, spot: _Spot) -> Table:
        header: tuple[Cell, ...] = ()
        if new.header:
            header = self.row(old.header, new.header, opath + ("row", 0), npath + ("row", 0), mpath + ("row", 0), spot)
        def similar(a: tuple[Cell, ...], b: tuple[Cell, ...]) -> bool:
            return self.similar_text(text_of(Table((), (a,))), text_of(Table((), (b,))), 0.3)

        rows: list[tuple[Cell, ...]] = []
        for i, j, at, _gone in places(align(old.rows, new.rows, lambda r: r, similar)):
            here = mpath + ("row", len(rows) + 1)
            if i is not None and j is not None:
                rows.append(self.row(old.rows[i], new.rows[j], opath + ("row", i + 1), npath + ("row", j + 1), here,
                                     spot))
            else:
                op, row = (DEL, old.rows[i]) if i is not None else (INS, new.rows[j or 0])
                self.whole_row(row, op, here, spot, old=opath + ("row", i + 1) if i is not None else None,
                               new=npath + ("row", (j or 0) + 1) if j is not None else None,
                               at=(opath + ("row",), at + 1) if op == INS else None)
                rows.append(row)
        return replace(new, header=header, rows=tuple(rows))

    def row(self, old: tuple[Cell, ...], new: tuple[Cell, ...], opath: Path, npath: Path,
            mpath: Path, spot: _Spot) -> tuple[Cell, ...]:
        self.matched[opath] = npath
        width = max(len(old), len(new))
        old, new = old + (Cell(()),) * (width - len(old)), new + (Cell(()),) * (width - len(new))
        return tuple(Cell(self.blocks(o.blocks, n.blocks, opath + (c,), npath + (c,), mpath + (c,), spot)[0])
                     for c, (o, n) in enumerate(zip(old, new)))

    def whole_row(self, row: tuple[Cell, ...], op: str, mpath: Path, spot: _Spot, old: Path | None = None,
                  new: Path | None = None, at: tuple[Path, int] | None = None) -> None:
        c = self.change("insert" if op == INS else "delete", "row", mpath, spot, old=old, new=new, at=at,
                        node=row if op == INS else None)
        self.sides[mpath] = (op, c.n)
        for k, cell in enumerate(row):
            for sub, text in _walk_blocks(cell.blocks, ()):
                if text is not None:
                    self.segments[mpath[:-2] + ("row", mpath[-1], k) + sub] = (Segment(op, text, c.n),)

    def columns(self, old: Columns, new: Columns, opath: Path, npath: Path, mpath: Path, spot: _Spot) -> Columns:
        out: list[Column] = []
        for c, (o, n) in enumerate(zip(old.columns, new.columns)):
            self.matched[opath + ("col", c)] = npath + ("col", c)
            here = mpath + ("col", c, "heading")
            if o.heading and n.heading:
                self.text(here, o.heading, n.heading, opath + ("col", c, "heading"), npath + ("col", c, "heading"),
                          spot, what="heading")
            elif o.heading or n.heading:
                op = DEL if o.heading else INS
                self.whole(Paragraph(o.heading or n.heading or ""), op, here, "heading", spot,
                           old=opath + ("col", c, "heading") if op == DEL else None,
                           new=npath + ("col", c, "heading") if op == INS else None)
            blocks, _ = self.blocks(o.blocks, n.blocks, opath + ("col", c), npath + ("col", c), mpath + ("col", c),
                                    spot)
            out.append(Column(n.heading or o.heading, blocks))
        return replace(new, columns=tuple(out))


def _join(path: Path, sub: Path) -> Path:
    """path + sub, where sub may be a heading ("h", ...) of the node at path."""
    return ("h",) + path + sub[1:] if sub[:1] == ("h",) else path + sub


def _what(block: Block) -> str:
    return {Paragraph: "paragraph", ListBlock: "list", Table: "table", Columns: "columns"}[type(block)]
