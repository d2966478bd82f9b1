"""Building a redline: two programs aligned node by node into one merged program.

The structure is aligned first — sections, then the blocks of matched
sections, then list items, table rows and cells, column by column — and only
the text of matched paragraphs and items is diffed, word by word. The
builder's dicts and list are the redline being written; where a change
stands (section, page) is passed along as a value (`_Spot`), not kept.

Long because it is one walk, level by level, of the same two
trees (sections → blocks → items, rows, cells → text), and each level hands its
pairs to the next; split across modules, the walk would be read in pieces.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..address import TOP, Address
from ..layout import title_lines
from ..model import Block, Cell, Column, Columns, ListBlock, Paragraph, Program, Section, Table, iter_block_pages
from ..tree import Path, text_of, walk, walk_blocks
from .align import align, places
from .result import Change, Redline, Segment
from .trail import Pair, Piece, Tag, Trail
from .words import DEL, INS, SAME, bag, overlap, shares_sentence, word_diff

PAIR_AT = 0.5  # word overlap from which a changed block counts as the same block, edited
_WORDY = re.compile(r"\w")  # a kept piece with a word in it (not only spacing and punctuation)
Line = tuple[str, str]  # a line of the title block: (style, text)
Pages = tuple[int | None, int | None]  # (old page, new page)


def diff_programs(old: Program, new: Program, trail: Trail | None = None) -> Redline:
    """The redline of `new` against `old`. With the `trail` of the steps that made `new` from
    `old`, it shows what their edits did and attributes each change to them; without it (or
    where the edits do not say) it aligns blocks and diffs words, and changes are not attributed."""
    return _Builder(old, new, trail).build()


def _block_pages(program: Program) -> dict[Address, int]:
    """The page of each heading and top-level block."""
    blocks = [here.block(b) for s, sec in enumerate(program.sections) for here in (Address.section(s),)
              for b in range(len(sec.blocks))]
    pages = dict(zip(blocks, (p for _, p in iter_block_pages(program))))
    pages.update({Address.heading(s): sec.page for s, sec in enumerate(program.sections)})
    return pages


def _text(node: str | Paragraph) -> str:
    return node if isinstance(node, str) else node.text


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


def _what(block: Block) -> str:
    return {Paragraph: "paragraph", ListBlock: "list", Table: "table", Columns: "columns"}[type(block)]


def _action(op: str) -> str:
    return "insert" if op == INS else "delete"


def _on_side(op: str, value: Any) -> tuple[Any, Any]:
    """(value, None) for the old side (a deletion), (None, value) for the new."""
    return (value, None) if op == DEL else (None, value)


@dataclass(frozen=True)
class _Spot:
    """Where the changes being found stand: the merged section (None: the title
    block) and the page of the proposal (the last old block's page so far)."""

    section: int | None
    page: int | None


class _Builder:
    """Builds one redline (see the module docstring)."""

    def __init__(self, old: Program, new: Program, trail: Trail | None = None):
        self.old, self.new, self.trail = old, new, trail
        self.old_pages, self.new_pages = _block_pages(old), _block_pages(new)
        # keyed by Address; typed as the plain tuples a renderer may look them up by
        self.sides: dict[Path, tuple[str, int]] = {}
        self.segments: dict[Path, tuple[Segment, ...]] = {}
        self.pages: dict[Path, Pages] = {}
        self.changes: list[Change] = []
        self.matched: dict[Path, Path] = {}
        self._bags: dict[str, Counter[str]] = {}
        self._diffs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._trail_texts: dict[tuple[Address, str, str], list[Piece] | None] = {}
        self.who: dict[tuple[Address, Pair], Tag] = {}  # (old container, pair) -> who added or removed it

    def build(self) -> Redline:
        title = self.title()
        merged = Program(meta=self.new.meta, sections=tuple(self.sections()))
        new_decisions = self.new.meta.decisions[len(self.old.meta.decisions):]
        return Redline(self.old, self.new, merged, title, self.sides, self.segments, self.pages, self.changes,
                       self.matched, new_decisions[-1] if new_decisions else None)

    # -------------------------------------------------- bookkeeping

    def change(self, action: str, what: str, path: Address, spot: _Spot, **kw: Any) -> Change:
        c = Change(len(self.changes), action, what, path, spot.section, spot.page, **kw)
        self.changes.append(c)
        return c

    def one_side(self, op: str, what: str, path: Address, spot: _Spot, **kw: Any) -> int:
        """A node on one side only: its change, and the side it is on; the change's n."""
        c = self.change(_action(op), what, path, spot, **kw)
        self.sides[path] = (op, c.n)
        return c.n

    def aligned(self, container: Address, old: Sequence[Any], new: Sequence[Any], key: Any,
                similar: Any, unit: Any = None) -> list[Pair]:
        """Which old child is which new one: as the edits say, else by aligning them. A text
        rewritten past recognition (not `similar`) shows as the old one struck and the new one
        added, as a reader would write it; `unit(i)` is the address of old text i."""
        got = self.trail.pairs(container, len(old), len(new)) if self.trail else None
        if got is None:
            pairs = align(old, new, key, similar)
            return self.paired_rest(pairs, old, new) if self.replaced(container) else pairs
        pairs, who = got
        self.who.update(((container, pair), tag) for pair, tag in who.items())
        return [split for i, j in pairs for split in self.rewritten(container, old, new, i, j, similar, unit)]

    def replaced(self, container: Address) -> bool:
        """Was this container's text replaced whole by an amendment (its section's blocks)?"""
        return self.trail is not None and not container.is_top and any(
            e.action == "replace_blocks" for _, e in self.trail.covering(container))

    def paired_rest(self, pairs: list[Pair], old: Sequence[Any], new: Sequence[Any]) -> list[Pair]:
        """In a text an amendment replaced whole: between two paired children, the old ones left
        over paired in order with the new ones left over of the same shape, so that the words
        they share are kept (as a compare would): the pairs that keep the most letters."""
        out: list[Pair] = []
        gone: list[int] = []
        come: list[int] = []
        gap: list[Pair] = []  # the gap as aligned: kept in its order where nothing in it pairs
        for i, j in [*pairs, (None, None)]:
            if i is None and j is not None:
                come.append(j)
            elif j is None and i is not None:
                gone.append(i)
            else:
                best = self.best_pairs([old[g] for g in gone], [new[c] for c in come], gone, come)
                out += best if any(None not in pair for pair in best) else gap
                gone, come, gap = [], [], []
                if i is not None or j is not None:
                    out.append((i, j))
                continue
            gap.append((i, j))
        return out

    def best_pairs(self, a: list[Any], b: list[Any], ia: list[int], ib: list[int]) -> list[Pair]:
        """The children left over, paired in order so that the pairs keep the most letters."""
        if not a or not b:
            return [(i, None) for i in ia] + [(None, j) for j in ib]
        kept = [[self.kept_letters(x, y) for y in b] for x in a]
        best = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
        for g in range(len(a)):
            for c in range(len(b)):
                best[g + 1][c + 1] = max(best[g][c + 1], best[g + 1][c], best[g][c] + kept[g][c] if kept[g][c] else 0)
        out: list[Pair] = []
        g, c = len(a), len(b)
        while g and c:
            if kept[g - 1][c - 1] and best[g][c] == best[g - 1][c - 1] + kept[g - 1][c - 1]:
                g, c = g - 1, c - 1
                out.append((ia[g], ib[c]))
            elif best[g][c] == best[g][c - 1]:  # walking back: the new one first, so the old comes first
                c -= 1
                out.append((None, ib[c]))
            else:
                g -= 1
                out.append((ia[g], None))
        out += [(None, ib[k]) for k in reversed(range(c))] + [(ia[k], None) for k in reversed(range(g))]
        return out[::-1]

    def kept_letters(self, a: Any, b: Any) -> int:
        """The letters a word diff of two children of one shape keeps (0: another shape)."""
        if not isinstance(a, str) and _shape(_unpaged(a)) != _shape(_unpaged(b)):
            return 0
        ta, tb = (x if isinstance(x, str) else text_of(x) for x in (a, b))
        if not any(len(w) > 1 for w in self.bag(ta).keys() & self.bag(tb).keys()):
            return 0  # no word of two letters both have: nothing to keep (no diff needed)
        return sum(len(t) for op, t in self.word_diff(ta, tb) if op == SAME and _WORDY.search(t))

    def word_diff(self, a: str, b: str) -> list[tuple[str, str]]:
        """word_diff, kept: a pair weighed for pairing is diffed again when it is written."""
        key = (a, b)
        if key not in self._diffs:
            self._diffs[key] = word_diff(a, b)
        return self._diffs[key]

    def rewritten(self, container: Address, old: Sequence[Any], new: Sequence[Any], i: int | None, j: int | None,
                  similar: Any, unit: Any) -> list[Pair]:
        if i is None or j is None or unit is None or not isinstance(old[i], (str, Paragraph)) or \
                not isinstance(new[j], (str, Paragraph)) or old[i] == new[j]:
            return [(i, j)]
        assert self.trail is not None
        # the edits' own pieces first: they are written anyway when the two pair, and most do
        if self.keeps_words(unit(i), _text(old[i]), _text(new[j])) or similar(old[i], new[j]):
            return [(i, j)]
        self.who[(container, (i, None))] = self.who[(container, (None, j))] = self.trail.covering(unit(i))
        return [(i, None), (None, j)]

    def keeps_words(self, at: Address, a: str, b: str) -> bool:
        """Do the edits of this text keep some of its words? Then it is shown in place, each
        edited run where it is: striking it and adding it whole would mark the kept words
        twice, though no amendment changed them (inside an edited run, the word diff keeps
        the words the old and new wording share, as a compare would). A text none of whose
        words is kept is a rewrite: struck and added whole."""
        pieces = self.trail_text(at, a, b)
        return pieces is not None and any(op == SAME and _WORDY.search(t) for op, t, _ in pieces)

    def trail_text(self, at: Address, a: str, b: str) -> list[Piece] | None:
        """trail.text, kept: a text weighed for pairing is written with the same pieces."""
        assert self.trail is not None
        key = (at, a, b)
        if key not in self._trail_texts:
            self._trail_texts[key] = self.trail.text(at, a, b)
        return self._trail_texts[key]

    def attribute(self, c: Change, tag: Tag | None, at: Address | None) -> None:
        """The amendments (and decision) that made change c: its edits, or those covering the place."""
        if self.trail is None:
            return
        tag = tag or self.trail.covering(at)
        c.amendments = tuple(dict.fromkeys(e.amendment for _, e in tag))
        c.decision = self.trail.decision(tag)

    def attribute_whole(self, container: Address, i: int | None, j: int | None, at: Address) -> None:
        """Attribute the node on one side only that was just written (the last change)."""
        self.attribute(self.changes[-1], self.who.get((container, (i, j))), at)

    def pieces(self, a: str, b: str, opath: Address, what: str) -> list[Piece]:
        """A text's pieces as its edits made them; else its word diff (attributed to whoever
        changed that place)."""
        if self.trail is not None and what != "title" and a != b:
            got = self.trail_text(opath, a, b)
            if got is not None:
                return got
        tag = self.trail.covering(opath) if self.trail is not None and what != "title" else ()
        return [(op, t, tag if op != SAME else ()) for op, t in self.word_diff(a, b)]

    def similar_text(self, a: str, b: str, at: float = PAIR_AT) -> bool:
        """Alike enough to be one text edited: most words shared, or a whole sentence (a section
        rewritten keeps sentences in paragraphs whose other sentences it changed)."""
        return overlap(self.bag(a), self.bag(b)) >= at or shares_sentence(a, b)

    def bag(self, text: str) -> Counter[str]:
        if text not in self._bags:
            self._bags[text] = bag(text)
        return self._bags[text]

    def text(self, mpath: Address, a: str, b: str, opath: Address, npath: Address, spot: _Spot,
             what: str = "text") -> None:
        """Word segments of a text on both sides; each run of changed words is one
        change (a title block line is one change: the decision's)."""
        self.matched[opath] = npath
        segments: list[Segment] = []
        pos, group, last = 0, None, None
        for op, piece, tag in self.pieces(a, b, opath, what):
            if op == SAME:
                group = group if what == "title" else None
                pos += len(piece)
                segments.append(Segment(SAME, piece))
                continue
            who = [(k, id(e)) for k, e in tag]
            if group is None or (what != "title" and who != last):
                group = self.change("text", what, mpath, spot, old=opath, new=npath, span=(pos, pos))
                self.attribute(group, tag, opath)
            last = who
            if op == DEL:
                pos += len(piece)
                group.span = (group.span[0], pos)
            if segments and segments[-1].op == op and segments[-1].change == group.n:
                piece = segments.pop().text + piece
            segments.append(Segment(op, piece, group.n))
        self.segments[mpath] = tuple(segments)

    def whole(self, node: Any, op: str, mpath: Address, what: str, spot: _Spot, value: Any = None,
              **kw: Any) -> None:
        """A node on one side only: one change, every text inside it inserted or deleted.
        `value` is what was inserted when that is not `node` itself (a list item's text)."""
        if op == INS:
            kw["node"] = node if value is None else value
        else:
            kw.pop("at", None)
            kw.pop("replaces", None)
        n = self.one_side(op, what, mpath, spot, **kw)
        for here, text in walk(node, mpath):
            if text is not None:
                self.segments[here] = (Segment(op, text, n),)

    # -------------------------------------------------- title block

    def title(self) -> list[Line]:
        old, new = title_lines(self.old), title_lines(self.new)
        spot = _Spot(None, 1)

        def similar(a: Line, b: Line) -> bool:
            return a[0] == b[0] and self.similar_text(a[1], b[1])

        merged: list[Line] = []
        for i, j in align(old, new, lambda line: line, similar):
            here = Address.title(len(merged))
            if i is not None and j is not None:
                self.text(here, old[i][1], new[j][1], Address.title(i), Address.title(j), spot, what="title")
                merged.append(new[j])
            else:
                merged.append(self.whole_line(old[i] if i is not None else new[j or 0], i, j, here, spot))
        return merged

    def whole_line(self, line: Line, i: int | None, j: int | None, here: Address, spot: _Spot) -> Line:
        op = DEL if i is not None else INS
        n = self.one_side(op, "title", here, spot, old=None if i is None else Address.title(i),
                          new=None if j is None else Address.title(j))
        self.segments[here] = (Segment(op, line[1], n),)
        return line

    # -------------------------------------------------- sections

    def similar_sections(self, a: Section, b: Section) -> bool:
        """One section in both versions: the same level, and a like heading or like text."""
        return a.level == b.level and (
            self.similar_text(a.heading, b.heading) or self.similar_text(text_of(a), text_of(b), 0.5))

    def sections(self) -> list[Section]:
        out: list[Section] = []
        page: int | None = 1
        for i, j, at, gone in places(self.aligned(TOP, self.old.sections, self.new.sections,
                                                  lambda s: (s.heading, s.level), self.similar_sections)):
            page = self.old.sections[i].page if i is not None else page
            spot = _Spot(len(out), page)
            if i is not None and j is not None:
                section, page = self.paired_section(len(out), i, j, spot)
            else:
                section = self.whole_section(len(out), i, j, spot, at=(TOP, at),
                                             replaces=tuple(Address.section(k) for k in gone))
                self.attribute_whole(TOP, i, j, Address.section(i if i is not None else at))
            out.append(section)
        return out

    def paired_section(self, ms: int, i: int, j: int, spot: _Spot) -> tuple[Section, int | None]:
        """The merged section, and the page its last old block is on."""
        old, new = self.old.sections[i], self.new.sections[j]
        self.matched[Address.section(i)] = Address.section(j)
        self.pages[Address.heading(ms)] = (old.page, new.page)
        self.text(Address.heading(ms), old.heading, new.heading, Address.heading(i), Address.heading(j), spot,
                  what="heading")
        blocks, spot = self.blocks(old.blocks, new.blocks, Address.section(i), Address.section(j),
                                   Address.section(ms), spot, top=True)
        return Section(new.heading, new.level, new.page, blocks), spot.page

    def whole_section(self, ms: int, i: int | None, j: int | None, spot: _Spot, at: tuple[Address, int],
                      replaces: tuple[Address, ...] = ()) -> Section:
        op, s = (DEL, i) if i is not None else (INS, j or 0)
        section = (self.old if op == DEL else self.new).sections[s]
        here = Address.section(ms)
        self.pages[here.section_heading()] = _on_side(op, section.page)
        pages = self.old_pages if op == DEL else self.new_pages
        for b in range(len(section.blocks)):
            self.pages[here.block(b)] = _on_side(op, pages[Address.section(s).block(b)])
        old, new = _on_side(op, Address.section(s))
        self.whole(section, op, here, "section", spot, old=old, new=new, at=at, replaces=replaces)
        return section

    # -------------------------------------------------- blocks

    def blocks(self, old: Sequence[Block], new: Sequence[Block], opath: Address, npath: Address, mpath: Address,
               spot: _Spot, top: bool = False) -> tuple[tuple[Block, ...], _Spot]:
        """Align the blocks of one container (section, cell, column) and merge them; at the
        top of a section, each old block moves the spot to its page."""
        def similar(a: Block, b: Block) -> bool:
            if _shape(a) != _shape(b):
                return False
            return self.similar_text(text_of(a), text_of(b), PAIR_AT if isinstance(a, (Paragraph, ListBlock)) else 0.3)

        out: list[Block] = []
        for i, j, at, gone in places(self.aligned(opath, old, new, _unpaged, similar, opath.block)):
            here = mpath.block(len(out))
            if top:
                spot = self.top_block_pages(here, None if i is None else opath.block(i),
                                            None if j is None else npath.block(j), spot)
            if i is not None and j is not None:
                out.append(self.paired_block(old[i], new[j], opath.block(i), npath.block(j), here, spot))
            elif i is not None:
                self.whole(old[i], DEL, here, _what(old[i]), spot, old=opath.block(i))
                self.attribute_whole(opath, i, j, opath.block(i))
                out.append(old[i])
            elif j is not None:
                self.whole(new[j], INS, here, _what(new[j]), spot, new=npath.block(j), at=(opath, at),
                           replaces=tuple(opath.block(k) for k in gone))
                self.attribute_whole(opath, i, j, opath)
                out.append(new[j])
        return tuple(out), spot

    def top_block_pages(self, here: Address, old: Address | None, new: Address | None, spot: _Spot) -> _Spot:
        """Record the pages of a top-level block; the spot moves to its old page."""
        o = self.old_pages[old] if old is not None else None
        self.pages[here] = (o, self.new_pages[new] if new is not None else None)
        return _Spot(spot.section, o or spot.page)

    def paired_block(self, old: Any, new: Block, opath: Address, npath: Address, mpath: Address,
                     spot: _Spot) -> Block:
        if _unpaged(old) == _unpaged(new):  # every node matched and its text kept: one walk for the three places
            for rel, text in walk(new):
                self.matched[opath.below(rel)] = npath.below(rel)
                if text is not None:
                    self.segments[mpath.below(rel)] = (Segment(SAME, text),)
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

    def items(self, old: ListBlock, new: ListBlock, opath: Address, npath: Address, mpath: Address,
              spot: _Spot) -> tuple[str, ...]:
        out: list[str] = []
        for i, j, at, gone in places(self.aligned(opath, old.items, new.items, lambda t: t, self.similar_text,
                                                  opath.item)):
            here = mpath.item(len(out))
            if i is not None and j is not None:
                self.text(here, old.items[i], new.items[j], opath.item(i), npath.item(j), spot)
                out.append(new.items[j])
            elif i is not None:
                self.whole(Paragraph(old.items[i]), DEL, here, "item", spot, old=opath.item(i))
                self.attribute_whole(opath, i, j, opath.item(i))
                out.append(old.items[i])
            elif j is not None:
                self.whole(Paragraph(new.items[j]), INS, here, "item", spot, new=npath.item(j),
                           at=(opath.items(), at), value=new.items[j], replaces=tuple(opath.item(k) for k in gone))
                self.attribute_whole(opath, i, j, opath)
                out.append(new.items[j])
        return tuple(out)

    # -------------------------------------------------- tables and columns

    def table(self, old: Table, new: Table, opath: Address, npath: Address, mpath: Address, spot: _Spot) -> Table:
        header: tuple[Cell, ...] = ()
        if new.header:
            header = self.row(old.header, new.header, opath.row(0), npath.row(0), mpath.row(0), spot)

        def similar(a: tuple[Cell, ...], b: tuple[Cell, ...]) -> bool:
            return self.similar_text(text_of(Table((), (a,))), text_of(Table((), (b,))), 0.3)

        rows: list[tuple[Cell, ...]] = []
        for i, j, at, _gone in places(align(old.rows, new.rows, lambda r: r, similar)):
            here = mpath.row(len(rows) + 1)
            if i is not None and j is not None:
                rows.append(self.row(old.rows[i], new.rows[j], opath.row(i + 1), npath.row(j + 1), here, spot))
            else:
                op, row = (DEL, old.rows[i]) if i is not None else (INS, new.rows[j or 0])
                self.whole_row(row, op, here, spot, old=None if i is None else opath.row(i + 1),
                               new=None if j is None else npath.row(j + 1),
                               at=(opath.rows(), at + 1) if op == INS else None)
                self.attribute(self.changes[-1], None, opath)
                rows.append(row)
        return replace(new, header=header, rows=tuple(rows))

    def row(self, old: tuple[Cell, ...], new: tuple[Cell, ...], opath: Address, npath: Address,
            mpath: Address, spot: _Spot) -> tuple[Cell, ...]:
        self.matched[opath] = npath
        width = max(len(old), len(new))
        old, new = old + (Cell(()),) * (width - len(old)), new + (Cell(()),) * (width - len(new))
        return tuple(Cell(self.blocks(o.blocks, n.blocks, opath.row_cell(c), npath.row_cell(c), mpath.row_cell(c),
                                      spot)[0])
                     for c, (o, n) in enumerate(zip(old, new)))

    def whole_row(self, row: tuple[Cell, ...], op: str, mpath: Address, spot: _Spot, **kw: Any) -> None:
        n = self.one_side(op, "row", mpath, spot, node=row if op == INS else None, **kw)
        for k, cell in enumerate(row):
            for here, text in walk_blocks(cell.blocks, mpath.row_cell(k)):
                if text is not None:
                    self.segments[here] = (Segment(op, text, n),)

    def columns(self, old: Columns, new: Columns, opath: Address, npath: Address, mpath: Address,
                spot: _Spot) -> Columns:
        out: list[Column] = []
        for c, (o, n) in enumerate(zip(old.columns, new.columns)):
            self.matched[opath.column(c)] = npath.column(c)
            self.column_heading(o.heading, n.heading, opath.column_heading(c), npath.column_heading(c),
                                mpath.column_heading(c), spot)
            blocks, _ = self.blocks(o.blocks, n.blocks, opath.column(c), npath.column(c), mpath.column(c), spot)
            out.append(Column(n.heading or o.heading, blocks))
        return replace(new, columns=tuple(out))

    def column_heading(self, old: str | None, new: str | None, opath: Address, npath: Address, mpath: Address,
                       spot: _Spot) -> None:
        if old and new:
            self.text(mpath, old, new, opath, npath, spot, what="heading")
        elif old or new:
            op = DEL if old else INS
            o, n = _on_side(op, opath if op == DEL else npath)
            self.whole(Paragraph(old or new or ""), op, mpath, "heading", spot, old=o, new=n)
            self.attribute(self.changes[-1], None, opath)
