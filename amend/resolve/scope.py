"""Narrowing an amendment's scope: page → heading → column/row → paragraph/item → sentence."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..address import TOP, Address
from ..errors import AmbiguousAnchor, AmendError, ScopeError
from ..messages import Msg, msg
from ..model import Amendment, Columns, Paragraph, Scope, Table, ordinal_words
from ..text import (
    READINGS_LIMIT,
    fold_anchor,
    sentence_readings,
)
from ..tree import get
from .edits import E
from .guards import one_list, refuse_column_rival
from .index import Index, Span, listed, opening, pick_ordinal
from .rows import pick_rows
from .unsure import continued_spans, refuse_split_end, refuse_unsure


@dataclass(frozen=True)
class Selection:
    """What the scope picked down to column and row (before paragraph, item and
    sentence): the units in it, and the section, layout and column it named."""

    units: tuple[int, ...]
    section: int | None = None  # the section the heading named
    layout: Address | None = None  # the columns block or table the column is in
    column: int | None = None  # 1-based
    row: int | None = None  # the body row `row:` names (its number in the table: 1 = first under the header)


@dataclass(frozen=True)
class Sentences:
    """The text a sentence number names. Where a sentence may or may not end,
    each way of counting is one reading; the amendment must mean the same place
    in all of them (the first reading is the one shown)."""

    readings: tuple[Span, ...]
    counted: tuple[int, ...]  # the units whose sentences the number counts


@dataclass(frozen=True)
class Scoper:
    """Narrows one amendment's scope: page → heading → column/row → paragraph/item →
    sentence. Each step returns a value the next one takes; nothing is kept."""

    ix: Index
    am: Amendment
    scope: Scope
    key: str = "at"  # the key a message points at: the scope, or the quoted text (`pointing`)

    def pointing(self, key: str) -> Scoper:
        """The same scoper, its messages pointing at `key` of the amendment."""
        return replace(self, key=key)

    def fail(self, cls: type[E], message: Msg, **extra: Any) -> E:
        return cls(message, source=self.am.source_of(self.key), amendment=self.am.label,
                   amendment_id=self.am.id, **extra)

    def select(self) -> Selection:
        """The units in scope, before paragraph/item/sentence."""
        scope, ix = self.scope, self.ix
        if scope.page is not None and not 1 <= scope.page <= ix.page_count:
            raise self.fail(ScopeError, msg("core.page_missing", page=scope.page, count=ix.page_count))
        on_page = ix.by_page.get(scope.page, []) if scope.page is not None else None  # None: the whole program
        if scope.heading is not None:
            picked = self._heading(on_page)
        else:
            picked = Selection(tuple(range(len(ix.units)) if on_page is None else on_page))
        if scope.column is not None:
            picked = self._column(picked)
        if scope.row is not None:
            picked = self._row(picked)
        refuse_unsure(self, picked)
        return picked

    def _heading(self, units: list[int] | None) -> Selection:
        """`units` are those on the page, or None for the whole program."""
        scope, ix = self.scope, self.ix
        assert scope.heading is not None
        wanted = fold_anchor(scope.heading)
        found = ix.headings.get(wanted, [])
        here = found if scope.page is None else ix.headings_on.get((wanted, scope.page), [])
        if len(here) == 1:
            refuse_column_rival(self, wanted)
            return self._under_heading(units, here)
        if len(here) > 1:
            raise self._heading_repeated(here)
        # Not a section heading: perhaps the heading of a column.
        in_columns = [i for i in ix.column_heading_units(wanted)
                      if scope.page is None or ix.units[i].page == scope.page]
        if in_columns:
            return self._under_column_heading(in_columns)
        raise self._heading_not_found(wanted, found)

    def _under_heading(self, units: list[int] | None, here: list[int]) -> Selection:
        """The text under the heading (of `units`, or of all): to the next heading, subsections not in it."""
        if units is None:
            return Selection(tuple(self.ix.section_units(here)), section=here[0])
        return Selection(tuple(i for i in units if self.ix.units[i].section == here[0]), section=here[0])

    def _heading_repeated(self, here: list[int]) -> AmendError:
        scope, sections = self.scope, self.ix.program.sections
        same_page = {sections[s].page for s in here}
        if scope.page is not None or len(same_page) == 1:  # a page cannot tell them apart
            return self.fail(AmbiguousAnchor, msg("guards.heading_repeated_on_page", heading=scope.heading,
                                                  count=len(here), page=scope.page or same_page.pop()))
        pages = listed([msg("core.where.page", page=sections[s].page) for s in here], "core.comma")
        return self.fail(AmbiguousAnchor, msg("core.heading_repeated", heading=scope.heading, count=len(here),
                                              pages=pages))

    def _layouts(self, units: list[int]) -> list[Address]:
        """The columns blocks and tables `units` stand in, in order, each once."""
        return list(dict.fromkeys(lay for i in units if (lay := self.ix.units[i].layout) is not None))

    def _under_column_heading(self, in_columns: list[int]) -> Selection:
        layouts = self._layouts(in_columns)
        if len(layouts) > 1:
            raise self._column_heading_repeated(in_columns, layouts)
        return Selection(tuple(in_columns), layout=layouts[0], column=self.ix.units[in_columns[0]].column)

    def _column_heading_repeated(self, in_columns: list[int], layouts: list[Address]) -> AmendError:
        """A column heading printed in several layouts: a page tells them apart only when they are on
        different pages, a section's heading only when they are in different sections (review 5 M7)."""
        ix, heading = self.ix, self.scope.heading
        pages = {ix.units[i].page for i in in_columns}
        if len(pages) > 1 and self.scope.page is None:
            return self.fail(AmbiguousAnchor, msg("core.column_heading_repeated", heading=heading, count=len(layouts)))
        sections = {ix.units[i].section for i in in_columns}
        values = dict(heading=heading, count=len(layouts), page=pages.pop(), places=self._layout_places(layouts))
        return self.fail(AmbiguousAnchor, msg("guards.column_heading_repeated_sections", **values) if len(sections) > 1
                         else msg("guards.column_heading_repeated_here", **values))

    def _layout_places(self, layouts: list[Address]) -> Msg | str:
        """Each columns block or table by its opening words (their places would read the same)."""
        return listed([self._layout_opening(lay) for lay in layouts[:5]])

    def _layout_opening(self, lay: Address) -> Msg:
        """A columns block or table by its opening words."""
        first = opening(next(u.text for u in self.ix.units if u.layout == lay))
        if isinstance(get(self.ix.program, lay), Table):
            return msg("guards.where.table_starting", text=first)
        return msg("guards.where.columns_starting", text=first)

    def _heading_not_found(self, wanted: str, found: list[int]) -> AmendError:
        scope, ix = self.scope, self.ix
        elsewhere = [msg("core.where.page", page=ix.program.sections[s].page) for s in found]
        if elsewhere:
            return self.fail(ScopeError, msg("core.heading_elsewhere", heading=scope.heading, page=scope.page,
                                             pages=listed(elsewhere, "core.comma")))
        near = _near_headings(wanted, ix, scope.page)
        return self.fail(ScopeError, msg("core.heading_missing_near", heading=scope.heading, near=near) if near
                         else msg("core.heading_missing", heading=scope.heading))

    def _column(self, picked: Selection) -> Selection:
        ix = self.ix
        in_layout = [i for i in picked.units if ix.units[i].layout is not None]
        layout = self._one_layout(in_layout)
        column = self._column_number(get(ix.program, layout))
        units = tuple(i for i in in_layout if ix.units[i].layout == layout and ix.units[i].column == column)
        return replace(picked, units=units, layout=layout, column=column)

    def _one_layout(self, in_layout: list[int]) -> Address:
        """The one columns block or table of the scope that `column:` counts in."""
        layouts = self._layouts(in_layout)
        if not layouts:
            raise self.fail(ScopeError, msg("core.no_columns", scope=self._scope_words("column")))
        if len(layouts) > 1:
            layouts = self._layouts_named(layouts) or layouts
        if len(layouts) > 1:
            raise self._layouts_repeated(in_layout, layouts)
        return layouts[0]

    def _layouts_repeated(self, in_layout: list[int], layouts: list[Address]) -> AmendError:
        """Several layouts where `column:` counts: a heading tells them apart only when they are
        under different headings (review 5 M7)."""
        ix, scope = self.ix, self._scope_words("column")
        sections = {ix.units[i].section for i in in_layout}
        if len(sections) > 1:
            places = listed([ix.place(next(i for i in in_layout if ix.units[i].layout == lay)) for lay in layouts])
            return self.fail(AmbiguousAnchor, msg("core.layouts_repeated", count=len(layouts), scope=scope,
                                                  places=places))
        return self.fail(AmbiguousAnchor, msg("guards.layouts_one_heading", count=len(layouts), scope=scope,
                                              places=self._layout_places(layouts)))

    def _column_number(self, block: Any) -> int:
        """The 1-based column that `column:` names in a columns block or table (by number or heading)."""
        scope = self.scope
        headings = column_headings(block)
        count = len(headings)
        if isinstance(scope.column, int):
            if scope.column > count:
                raise self.fail(ScopeError, msg("core.column_missing", column=scope.column,
                                                scope=self._scope_words("column"), count=count))
            return scope.column
        return self._column_headed(headings)

    def _column_headed(self, headings: list[str | None]) -> int:
        """The 1-based column whose heading `column:` gives: exactly one."""
        wanted = fold_anchor(str(self.scope.column))
        matches = [n + 1 for n, h in enumerate(headings) if h and fold_anchor(h) == wanted]
        if len(matches) != 1:
            raise self._column_not_single(headings, matches)
        return matches[0]

    def _column_not_single(self, headings: list[str | None], matches: list[int]) -> AmendError:
        named = listed([msg("core.quoted_name", name=h) for h in headings if h], "core.comma")
        return self.fail(ScopeError if not matches else AmbiguousAnchor,
                         msg("core.column_not_single", column=self.scope.column, scope=self._scope_words("column"),
                             named=named or msg("core.none")))

    def _layouts_named(self, layouts: list[Address]) -> list[Address]:
        """Of several layouts in scope, those the rest of the scope can mean: a
        `row:` only a table has; a column named by its heading only a column
        layout with that heading. (A table and columns in one section could
        otherwise never be told apart: a table has no heading to give.)"""
        scope, ix = self.scope, self.ix
        if scope.row is not None:
            return [lay for lay in layouts if isinstance(get(ix.program, lay), Table)]
        if isinstance(scope.column, str):
            wanted = fold_anchor(scope.column)
            return [lay for lay in layouts
                    if any(h and fold_anchor(h) == wanted for h in column_headings(get(ix.program, lay)))]
        return []

    def _row(self, picked: Selection) -> Selection:
        """The units of the row `row:` names (amend.resolve.rows: by number or words, on the scope's page)."""
        ix = self.ix
        rows = [i for i in picked.units if ix.units[i].row is not None]
        if not rows:
            raise self.fail(ScopeError, msg("core.no_table", scope=self._scope_words("row")))
        wanted = pick_rows(self, rows)
        numbers = {r for _, r in wanted}
        return replace(picked, units=tuple(i for i in rows if (ix.units[i].layout, ix.units[i].row) in wanted),
                       row=numbers.pop() if len(numbers) == 1 else None)

    def _cell_or_column(self, picked: Selection, layout: Address) -> Address:
        """The table cell (row and column) or the column the scope names."""
        if self.scope.row is not None:
            if picked.column is None or picked.row is None:
                raise self.fail(ScopeError, msg("core.row_needs_column"))
            return layout.cell(picked.row, picked.column - 1)
        assert picked.column is not None
        if isinstance(get(self.ix.program, layout), Table):
            raise self.fail(ScopeError, msg("core.column_needs_row"))
        return layout.column(picked.column - 1)

    def container(self, picked: Selection) -> Address | None:
        """The column, table cell or section the scope names, if it names one
        (and no page cuts a section in two)."""
        scope = self.scope
        layout = picked.layout or TOP
        if scope.row is not None or picked.column is not None:
            return self._cell_or_column(picked, layout)
        if picked.section is not None and scope.page is None:
            return Address.section(picked.section)
        return None

    def scope_words(self, upto: str) -> Msg:
        """The scope described up to (not including) `upto`, for the guards' messages."""
        return self._scope_words(upto)

    def _scope_words(self, upto: str) -> Msg:
        """The scope described up to (not including) `upto`."""
        keys = ("page", "heading", "column", "row", "paragraph", "item", "sentence")
        cut = {k: None for k in keys[keys.index(upto):]}
        return Scope(**{**self.scope.__dict__, **cut, "occurrence": None}).describe()

    def _counted(self, picked: Selection, units: list[int]) -> list[int]:
        """The units that paragraph, item and sentence numbers count: the
        section's own text, not what stands in its columns or tables, unless
        the scope is in a column or cell (then only that)."""
        if picked.column is not None or self.scope.row is not None:
            return units
        return [i for i in units if self.ix.units[i].layout is None]

    def narrowed(self, picked: Selection) -> list[int]:
        """The units of the selection that paragraph and item ordinals pick."""
        scope, ix = self.scope, self.ix
        units = list(picked.units)
        for key in ("paragraph", "item"):
            ordinal = getattr(scope, key)
            if ordinal is None:
                continue
            candidates = [i for i in self._counted(picked, units) if ix.units[i].what == key]
            if key == "item":
                one_list(self, ix, candidates)
            n = pick_ordinal(ordinal, len(candidates))
            if n is None:
                raise self._no_nth(key, units, candidates)
            units = [candidates[n]]
        return units

    def _hidden_hint(self, key: str, units: list[int], candidates: list[int]) -> Msg | str:
        """The hint that more of them stand in columns or tables, which the numbers do not count."""
        hidden = sum(1 for i in units if self.ix.units[i].what == key) - len(candidates)
        return msg("core.hint_hidden", hidden=hidden) if hidden else ""

    def _no_nth(self, key: str, units: list[int], candidates: list[int]) -> AmendError:
        """No paragraph or item (`key`) of that number among `candidates`."""
        values = dict(n=ordinal_words(getattr(self.scope, key)), scope=self._scope_words(key), count=len(candidates),
                      hint=self._hidden_hint(key, units, candidates))
        return self.fail(ScopeError, msg("core.no_nth_paragraph", **values) if key == "paragraph"
                         else msg("core.no_nth_item", **values))

    def text(self) -> tuple[list[Span], Sentences | None]:
        """The text in scope, down to the sentence; with a sentence number, also every
        sentence it may name (see Sentences)."""
        picked = self.select()
        units = self.narrowed(picked)
        if self.scope.sentence is None:
            whole = [Span(i, 0, len(self.ix.units[i].text)) for i in units]
            return continued_spans(self, picked) + whole, None
        sentences = self._sentences(picked, units)
        refuse_split_end(self, sentences.readings)
        return list(sentences.readings[:1]), sentences

    def _sentences(self, picked: Selection, units: list[int]) -> Sentences:
        """Sentence numbers count the sentences of the paragraphs in scope, in order (list
        items are not sentences of the running text), or of the one item `item:` names."""
        ix, ordinal = self.ix, self.scope.sentence
        assert ordinal is not None
        units = self._counted(picked, units)
        counted = units if self.scope.item is not None else [i for i in units if ix.units[i].what == "paragraph"]
        items = len(units) - len(counted)
        if not counted and items:
            raise self.fail(ScopeError, msg("core.no_paragraph_for_sentence", scope=self._scope_words("sentence"),
                                            items=items))
        n = {"first": 1, "last": 1}.get(str(ordinal), ordinal)
        found = sentence_readings([ix.units[i].text for i in counted], int(n), from_end=ordinal == "last",
                                  bounds=[ix.boundaries(i) for i in counted])
        if len(found) > READINGS_LIMIT:
            raise self.unclear_sentence(Sentences(tuple(Span(counted[u], a, b) for u, a, b in found), tuple(counted)))
        if not found:
            count = sum(len(ix.sentences(i)) for i in counted)
            hint = msg("core.hint_items_not_counted") if items else ""
            raise self.fail(ScopeError, msg("core.no_nth_sentence", n=ordinal_words(ordinal),
                                            scope=self._scope_words("sentence"), count=count, hint=hint))
        return Sentences(tuple(Span(counted[u], a, b) for u, a, b in found), tuple(counted))

    def unclear_sentence(self, sentences: Sentences) -> AmendError:
        """The refusal when the readings of the sentence number pick different places."""
        spans = sentences.readings
        unsure = [b for sp in dict.fromkeys(s.unit for s in spans) for b in self.ix.boundaries(sp) if not b.certain]
        lo, hi = min(s.lo for s in spans), max(s.hi for s in spans)
        # The doubt may lie in an earlier paragraph that moves the count, not in the candidates' own.
        words = [b.word for b in unsure if lo <= b.start and b.end <= hi] or [b.word for b in unsure] or \
            [b.word for u in sentences.counted for b in self.ix.boundaries(u) if not b.certain]
        # the sentence number is what is unclear
        unclear = msg("core.sentence_unclear", n=ordinal_words(self.scope.sentence or 1),
                      scope=self._scope_words("sentence"), word=words[0])
        return self.pointing("at").fail(AmbiguousAnchor, unclear)


def column_headings(block: Columns | Table) -> list[str | None]:
    """The heading of each column: a column's own, or a table's header cell when it is one
    paragraph ("column: Indikator" names the table's column headed so, review 5 M3)."""
    if isinstance(block, Columns):
        return [c.heading for c in block.columns]
    count = max(len(r) for r in (block.header,) + block.rows)
    cells = [c.blocks for c in block.header] + [()] * (count - len(block.header))
    return [b[0].text if len(b) == 1 and isinstance(b[0], Paragraph) else None for b in cells]


def _near_headings(wanted: str, ix: Index, page: int | None = None) -> Msg | str:
    """Headings close to `wanted`, each section that has one (those on `page` first: the
    amendment cites that page)."""
    import difflib

    # by letters regardless of case: "CHEFER" is close to "Chefer" (review 5 M6)
    by_case = _by_case(ix.headings)
    near = difflib.get_close_matches(wanted.casefold(), list(by_case), n=3, cutoff=0.6)
    found = [s for c in near for h in by_case[c] for s in ix.headings[h]]
    sections = [ix.program.sections[s] for s in sorted(found, key=lambda s: ix.program.sections[s].page != page)]
    return listed([msg("core.near_heading", name=s.heading, page=s.page) for s in sections], "core.comma")



def _by_case(headings: Iterable[str]) -> dict[str, list[str]]:
    """The headings grouped by their letters regardless of case."""
    by_case: dict[str, list[str]] = {}
    for h in headings:
        by_case.setdefault(h.casefold(), []).append(h)
    return by_case
