"""Resolve each amendment of a patch to exact places in the base program.

Nothing is guessed: the scope narrows page → heading → column/row →
paragraph/item → sentence, and a quoted anchor must then match exactly once
inside it. When it does not, the error says what was found instead. All
amendments of a patch are resolved against the same base (their wording
refers to the pages of that version) before anything is applied.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .address import TOP, Address
from .errors import AmbiguousAnchor, AmendError, AmendErrors, AnchorNotFound, FuzzyWarning, OutOfScope, ScopeError
from .messages import Msg, msg
from .model import Amendment, Paragraph, Patch, Program, Scope, Table, new_pages_problem, ordinal_words
from .text import (
    READINGS_LIMIT,
    Boundary,
    at_word_edge,
    end_insert,
    find_in_word,
    find_spans,
    fold,
    fold_anchor,
    folds_to_itself,
    sentence_boundaries,
    sentence_readings,
    sentence_spans,
    shared_full_stop,
    starts_with_words,
)
from .tree import Unit, children, get, iter_units, subtree

E = TypeVar("E", bound=AmendError)
Region = tuple[Address, Any]  # an address and the span (start, end) of its text it covers, or None: all of it

# ---------------------------------------------------------------- resolved edits


@dataclass(frozen=True)
class Edit:
    """One change at an exact place, ready to apply.

    kind is one of:
      text            replace unit text [start:end] by `new` (insert: start == end)
      insert_block    insert `new` (a block, list item or section) into `container` at `index`
      delete_block    delete the child at `index` of `container`
      replace_blocks  replace all blocks of section `container` by `new`
    `reads`/`writes` are the regions it depends on / changes, for conflicts.
    """

    kind: str
    amendment: Amendment
    path: Address = TOP  # the unit, for text edits
    start: int = 0
    end: int = 0
    new: Any = None
    container: Address = TOP
    index: int = 0
    reads: tuple[Region, ...] = ()
    writes: tuple[Region, ...] = ()


@dataclass
class Resolution:
    edits: list[Edit] = field(default_factory=list)
    warnings: list[FuzzyWarning] = field(default_factory=list)
    failures: list[tuple[Amendment, AmendError]] = field(default_factory=list)  # from resolve_all


# ---------------------------------------------------------------- the index


class Index:
    """The base program, indexed once by page, section and heading so that each
    amendment looks only at its own scope (no scan of the whole document)."""

    def __init__(self, program: Program):
        self.program = program
        self.units: list[Unit] = list(iter_units(program))
        self.by_page: dict[int, list[int]] = defaultdict(list)
        self.by_section: dict[int, list[int]] = defaultdict(list)
        self.ordinal: list[int] = []  # 1-based: the unit's paragraph or item number where it stands
        self.page_ordinal: list[int] = []  # the same, counted on its page (as "på sidan 7, andra stycket")
        counters: dict[tuple[Any, ...], int] = defaultdict(int)
        self._pages: dict[int, set[int]] = {s: {section.page} for s, section in enumerate(program.sections)}
        for i, u in enumerate(self.units):
            self.by_page[u.page].append(i)
            self.by_section[u.section].append(i)
            self._pages[u.section].add(u.page)
            key = (u.section, u.kind, u.layout, u.column, u.row)
            counters[key] += 1
            self.ordinal.append(counters[key])
            counters[key + (u.page,)] += 1
            self.page_ordinal.append(counters[key + (u.page,)])
        self.headings: dict[str, list[int]] = defaultdict(list)
        # (heading, page) -> sections with that heading that have text on that page, in order
        self.headings_on: dict[tuple[str, int], list[int]] = defaultdict(list)
        for s, section in enumerate(program.sections):
            wanted = fold_anchor(section.heading)
            self.headings[wanted].append(s)
            for page in self._pages[s]:
                self.headings_on[wanted, page].append(s)
        self.page_count = program.page_count
        self._folded: dict[int, tuple[str, Sequence[int]]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._boundaries: dict[int, list[Boundary]] = {}
        self._column_headings: dict[str, list[int]] | None = None

    def folded(self, i: int) -> tuple[str, Sequence[int]]:
        """fold() of a unit's text, kept. Text that folds to itself (nearly all
        stored text) maps by a range rather than a list of every offset."""
        if i not in self._folded:
            text = self.units[i].text
            self._folded[i] = (text, range(len(text) + 1)) if folds_to_itself(text) else fold(text)
        return self._folded[i]

    def sentences(self, i: int) -> list[tuple[int, int]]:
        if i not in self._sentences:
            self._sentences[i] = sentence_spans(self.units[i].text)
        return self._sentences[i]

    def boundaries(self, i: int) -> list[Boundary]:
        """Where sentences of a unit end or may end (kept)."""
        if i not in self._boundaries:
            self._boundaries[i] = sentence_boundaries(self.units[i].text)
        return self._boundaries[i]

    def section_units(self, sections: Sequence[int]) -> list[int]:
        """The units of the given sections (ascending), in document order."""
        return [i for s in sections for i in self.by_section.get(s, ())]

    def column_heading_units(self, wanted: str) -> list[int]:
        """Units in a column whose folded heading is `wanted`, in document order (built on first use)."""
        if self._column_headings is None:
            self._column_headings = defaultdict(list)
            for i, u in enumerate(self.units):
                self._column_headings[fold_anchor(u.column_heading or "")].append(i)
        return self._column_headings.get(wanted, [])

    def where(self, i: int, start: int | None = None) -> Msg:
        """A unit's place in words: 'page 6 under 'Samverkan', column 3'."""
        u = self.units[i]
        heading = msg("core.where.heading", heading=self.program.sections[u.section].heading)
        parts: list[Msg | str] = [msg("core.where.page", page=u.page), heading]
        if u.column is not None:
            parts.append(msg("core.where.cell", row=u.row, column=u.column) if u.row is not None
                         else msg("core.where.column", column=u.column))
        paragraph = u.kind == "paragraph"
        if self.page_ordinal[i] == self.ordinal[i]:
            parts.append(msg("core.where.paragraph", n=self.ordinal[i]) if paragraph
                         else msg("core.where.item", n=self.ordinal[i]))
        else:  # the section began on an earlier page: say which count is which
            under = ordinal_words(self.ordinal[i])
            parts.append(msg("core.where.paragraph_on_page", n=self.page_ordinal[i], under=under) if paragraph
                         else msg("core.where.item_on_page", n=self.page_ordinal[i], under=under))
        if start is not None:
            spans = self.sentences(i)
            n = next((k for k, (a, b) in enumerate(spans) if a <= start < max(b, a + 1)), len(spans) - 1)
            parts.append(msg("core.where.sentence", n=n + 1, count=len(spans)))
        return _msg(listed(parts, "core.comma"))


# ---------------------------------------------------------------- scope


@dataclass(frozen=True)
class Span:
    """Part of one unit's text that is in scope (original offsets)."""

    unit: int
    lo: int
    hi: int


def listed(parts: Sequence[Msg | str], key: str = "core.semicolon") -> Msg | str:
    """Fragments joined by commas ("core.comma") or semicolons ("core.semicolon")."""
    if not parts:
        return ""
    whole = parts[0]
    for part in parts[1:]:
        whole = msg("core.comma", a=whole, b=part) if key == "core.comma" else msg("core.semicolon", a=whole, b=part)
    return whole


def _msg(value: Msg | str) -> Msg:
    assert isinstance(value, Msg)  # a place always has words
    return value


def _pick(ordinal: int | str, count: int) -> int | None:
    """0-based index for a 1-based ordinal, 'first' or 'last'; None if out of range."""
    n = int({"first": 1, "last": count}.get(str(ordinal), ordinal))
    return n - 1 if 1 <= n <= count else None


@dataclass(frozen=True)
class Selection:
    """What the scope picked down to column and row (before paragraph, item and
    sentence): the units in it, and the section, layout and column it named."""

    units: tuple[int, ...]
    section: int | None = None  # the section the heading named
    layout: Address | None = None  # the columns block or table the column is in
    column: int | None = None  # 1-based


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
        return picked

    def _heading(self, units: list[int] | None) -> Selection:
        """`units` are those on the page, or None for the whole program."""
        scope, ix = self.scope, self.ix
        assert scope.heading is not None
        wanted = fold_anchor(scope.heading)
        found = ix.headings.get(wanted, [])
        here = found if scope.page is None else ix.headings_on.get((wanted, scope.page), [])
        if len(here) == 1:
            # The text under a heading runs to the next heading: subsections are not in it.
            if units is None:
                return Selection(tuple(ix.section_units(here)), section=here[0])
            return Selection(tuple(i for i in units if ix.units[i].section == here[0]), section=here[0])
        if len(here) > 1:
            pages = listed([msg("core.where.page", page=ix.program.sections[s].page) for s in here], "core.comma")
            raise self.fail(AmbiguousAnchor, msg("core.heading_repeated", heading=scope.heading, count=len(here),
                                                 pages=pages))
        # Not a section heading: perhaps the heading of a column.
        in_columns = [i for i in ix.column_heading_units(wanted)
                      if scope.page is None or ix.units[i].page == scope.page]
        if in_columns:
            layouts = {lay for i in in_columns if (lay := ix.units[i].layout) is not None}
            if len(layouts) > 1:
                raise self.fail(AmbiguousAnchor, msg("core.column_heading_repeated_on_page", heading=scope.heading,
                                                     count=len(layouts), page=scope.page) if scope.page else
                                msg("core.column_heading_repeated", heading=scope.heading, count=len(layouts)))
            return Selection(tuple(in_columns), layout=layouts.pop(), column=ix.units[in_columns[0]].column)
        elsewhere = [msg("core.where.page", page=ix.program.sections[s].page) for s in found]
        if elsewhere:
            raise self.fail(ScopeError, msg("core.heading_elsewhere", heading=scope.heading, page=scope.page,
                                            pages=listed(elsewhere, "core.comma")))
        near = _near_headings(wanted, ix)
        raise self.fail(ScopeError, msg("core.heading_missing_near", heading=scope.heading, near=near) if near
                        else msg("core.heading_missing", heading=scope.heading))

    def _column(self, picked: Selection) -> Selection:
        scope, ix = self.scope, self.ix
        in_layout = [i for i in picked.units if ix.units[i].layout is not None]
        layouts = list(dict.fromkeys(lay for i in in_layout if (lay := ix.units[i].layout) is not None))
        if not layouts:
            raise self.fail(ScopeError, msg("core.no_columns", scope=self._scope_words("column")))
        if len(layouts) > 1:
            layouts = self._layouts_named(layouts) or layouts
        if len(layouts) > 1:
            places = listed([ix.where(next(i for i in in_layout if ix.units[i].layout == lay)) for lay in layouts])
            raise self.fail(AmbiguousAnchor, msg("core.layouts_repeated", count=len(layouts),
                                                 scope=self._scope_words("column"), places=places))
        layout = layouts[0]
        block = get(ix.program, layout)
        headings = [c.heading for c in getattr(block, "columns", ())]
        count = len(headings) if headings else max(len(r) for r in (block.header,) + block.rows)
        if isinstance(scope.column, int):
            if scope.column > count:
                raise self.fail(ScopeError, msg("core.column_missing", column=scope.column,
                                                scope=self._scope_words("column"), count=count))
            column = scope.column
        else:
            wanted = fold_anchor(str(scope.column))
            matches = [n + 1 for n, h in enumerate(headings) if h and fold_anchor(h) == wanted]
            if len(matches) != 1:
                named = listed([msg("core.quoted_name", name=h) for h in headings if h], "core.comma")
                raise self.fail(ScopeError if not matches else AmbiguousAnchor,
                                msg("core.column_not_single", column=scope.column, scope=self._scope_words("column"),
                                    named=named or msg("core.none")))
            column = matches[0]
        units = tuple(i for i in in_layout if ix.units[i].layout == layout and ix.units[i].column == column)
        return replace(picked, units=units, layout=layout, column=column)

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
                    if any(c.heading and fold_anchor(c.heading) == wanted
                           for c in getattr(get(ix.program, lay), "columns", ()))]
        return []

    def _row(self, picked: Selection) -> Selection:
        rows = [i for i in picked.units if self.ix.units[i].row is not None]
        if not rows:
            raise self.fail(ScopeError, msg("core.no_table", scope=self._scope_words("row")))
        count = max(self.ix.units[i].row or 0 for i in rows)
        if (self.scope.row or 0) > count:
            raise self.fail(ScopeError, msg("core.row_missing", row=self.scope.row, scope=self._scope_words("row"),
                                            count=count))
        return replace(picked, units=tuple(i for i in rows if self.ix.units[i].row == self.scope.row))

    def container(self, picked: Selection) -> Address | None:
        """The column, table cell or section the scope names, if it names one
        (and no page cuts a section in two)."""
        scope = self.scope
        layout = picked.layout or TOP
        if scope.row is not None:
            if picked.column is None:
                raise self.fail(ScopeError, msg("core.row_needs_column"))
            return layout.cell(scope.row, picked.column - 1)
        if picked.column is not None:
            if isinstance(get(self.ix.program, layout), Table):
                raise self.fail(ScopeError, msg("core.column_needs_row"))
            return layout.column(picked.column - 1)
        if picked.section is not None and scope.page is None:
            return Address.section(picked.section)
        return None

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
        for key, kind in (("paragraph", "paragraph"), ("item", "item")):
            ordinal = getattr(scope, key)
            if ordinal is None:
                continue
            of_kind = [i for i in self._counted(picked, units) if ix.units[i].kind == kind]
            n = _pick(ordinal, len(of_kind))
            if n is None:
                hidden = sum(1 for i in units if ix.units[i].kind == kind) - len(of_kind)
                hint = msg("core.hint_hidden", hidden=hidden) if hidden else ""
                values = dict(n=ordinal_words(ordinal), scope=self._scope_words(key), count=len(of_kind), hint=hint)
                raise self.fail(ScopeError, msg("core.no_nth_paragraph", **values) if key == "paragraph"
                                else msg("core.no_nth_item", **values))
            units = [of_kind[n]]
        return units

    def text(self) -> tuple[list[Span], Sentences | None]:
        """The text in scope, down to the sentence; with a sentence number, also every
        sentence it may name (see Sentences)."""
        picked = self.select()
        units = self.narrowed(picked)
        if self.scope.sentence is None:
            return [Span(i, 0, len(self.ix.units[i].text)) for i in units], None
        sentences = self._sentences(picked, units)
        return list(sentences.readings[:1]), sentences

    def _sentences(self, picked: Selection, units: list[int]) -> Sentences:
        """Sentence numbers count the sentences of the paragraphs in scope, in order (list
        items are not sentences of the running text), or of the one item `item:` names."""
        ix, ordinal = self.ix, self.scope.sentence
        assert ordinal is not None
        units = self._counted(picked, units)
        counted = units if self.scope.item is not None else [i for i in units if ix.units[i].kind == "paragraph"]
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


def _near_headings(wanted: str, ix: Index) -> Msg | str:
    import difflib

    near = difflib.get_close_matches(wanted, list(ix.headings), n=3, cutoff=0.6)
    sections = [ix.program.sections[ix.headings[h][0]] for h in near]
    return listed([msg("core.near_heading", name=s.heading, page=s.page) for s in sections], "core.comma")


# ---------------------------------------------------------------- anchors


@dataclass(frozen=True)
class Hit:
    unit: int
    start: int  # original offsets in the unit's text
    end: int
    similarity: float = 1.0


def _find(ix: Index, spans: list[Span], anchor: str) -> list[Hit]:
    needle = fold_anchor(anchor)
    hits = []
    for sp in spans:
        for start, end in find_spans(ix.units[sp.unit].text, needle, ix.folded(sp.unit)):
            if sp.lo <= start and end <= sp.hi:
                hits.append(Hit(sp.unit, start, end))
    return hits


@dataclass(frozen=True)
class Anchors:
    """Find a quoted anchor in scope, exactly once, or explain why not. Its
    messages point at the quoted text; a fuzzy match used is added to `warnings`."""

    sc: Scoper
    fuzzy: float | None
    warnings: list[FuzzyWarning]

    @property
    def ix(self) -> Index:
        return self.sc.ix

    def one(self, spans: list[Span], anchor: str, sentences: Sentences | None = None) -> Hit:
        readings = sentences.readings if sentences else ()
        if sentences and len(readings) > 1:
            found = [_find(self.ix, [r], anchor) for r in readings]
            if any(found):
                # Every reading of the sentence number must give the same place.
                picks: list[Hit | AmendError | None] = []
                for hits in found:
                    try:
                        picks.append(self._exact(hits, anchor) if hits else None)
                    except AmendError as exc:
                        picks.append(exc)
                first = picks[0]
                if isinstance(first, AmendError) and all(isinstance(p, AmendError) for p in picks):
                    raise first
                if not isinstance(first, Hit) or not all(p == first for p in picks):
                    raise self.sc.unclear_sentence(sentences)
                return first
        hits = _find(self.ix, spans, anchor)
        if hits:
            return self._exact(hits, anchor)
        return self._not_found(spans, anchor)

    def _exact(self, hits: list[Hit], anchor: str) -> Hit:
        """The one hit the amendment means (by occurrence), or the error saying why there is none."""
        occurrence = self.sc.scope.occurrence
        if occurrence is not None:
            if occurrence > len(hits):
                raise self.sc.fail(AnchorNotFound if not hits else ScopeError,
                                   msg("core.occurrence_missing", anchor=anchor, count=len(hits),
                                       scope=self.sc.scope.describe(), occurrence=occurrence))
            return hits[occurrence - 1]
        if len(hits) == 1:
            return hits[0]
        places = listed([self.ix.where(h.unit, h.start) for h in hits[:5]])
        raise self.sc.fail(AmbiguousAnchor, msg("core.anchor_repeated", anchor=anchor, count=len(hits),
                                                scope=self.sc.scope.describe(), places=places))

    def _not_found(self, spans: list[Span], anchor: str) -> Hit:
        ix, scope = self.ix, self.sc.scope
        everywhere = [Span(i, 0, len(u.text)) for i, u in enumerate(ix.units)]
        elsewhere = _find(ix, everywhere, anchor)
        if elsewhere:
            places = listed([ix.where(h.unit, h.start) for h in elsewhere[:5]])
            raise self.sc.fail(OutOfScope, msg("core.anchor_elsewhere", anchor=anchor, scope=scope.describe(),
                                               places=places),
                               found=[str(ix.where(h.unit, h.start)) for h in elsewhere])
        needle = fold_anchor(anchor)
        if any(find_in_word(ix.units[s.unit].text, needle, ix.folded(s.unit)) for s in spans):
            raise self.sc.fail(AnchorNotFound, msg("core.anchor_in_word", anchor=anchor, scope=scope.describe()))
        candidates = fuzzy_candidates(ix, spans, anchor)
        best = candidates[0] if candidates else None
        if best and self.fuzzy is not None and best.similarity >= self.fuzzy:
            rivals = [c for c in candidates[1:] if c.similarity >= self.fuzzy]
            if not rivals:
                found = ix.units[best.unit].text[best.start:best.end]
                where = ix.where(best.unit, best.start)
                self.warnings.append(FuzzyWarning(
                    msg("core.fuzzy_used", anchor=anchor, scope=scope.describe(), found=found,
                        similarity=best.similarity, where=where),
                    source=self.sc.am.source_of(self.sc.key), amendment=self.sc.am.label, amendment_id=self.sc.am.id,
                    similarity=best.similarity, where=str(where)))
                return best
        closest = listed([msg("core.closest", text=ix.units[c.unit].text[c.start:c.end], similarity=c.similarity,
                              where=ix.where(c.unit, c.start)) for c in candidates[:3]])
        raise self.sc.fail(AnchorNotFound, msg("core.anchor_missing_closest", anchor=anchor, scope=scope.describe(),
                                               closest=closest) if closest
                           else msg("core.anchor_missing", anchor=anchor, scope=scope.describe()),
                           candidates=[(ix.units[c.unit].text[c.start:c.end], c.similarity,
                                        str(ix.where(c.unit, c.start))) for c in candidates])


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / length of the longer, by diff-match-patch."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    if not a and not b:
        return 1.0
    distance: int = dmp.diff_levenshtein(dmp.diff_main(a, b, False))
    return 1 - distance / max(len(a), len(b))


def fuzzy_candidates(ix: Index, spans: list[Span], anchor: str, limit: int = 3) -> list[Hit]:
    """The passages in scope most like `anchor`, by word windows, best first.

    Computed here rather than by diff-match-patch's match_main, whose bitap
    search is capped at 32 characters and whose threshold returns wrong places.
    """
    import re

    needle = fold_anchor(anchor)
    n_words = len(needle.split())
    found: dict[tuple[int, int], Hit] = {}
    for sp in spans:
        folded, idx = ix.folded(sp.unit)
        lo, hi = bisect_left(idx, sp.lo), bisect_left(idx, sp.hi)
        words = [m.span() for m in re.finditer(r"\S+", folded[lo:hi])]
        for w in range(len(words)):
            for size in (n_words - 1, n_words, n_words + 1):
                if size < 1 or w + size > len(words):
                    continue
                a, b = lo + words[w][0], lo + words[w + size - 1][1]
                for end in {b, a + len(folded[a:b].rstrip(",.;:!?"))}:
                    if end <= a or abs((end - a) - len(needle)) > max(3, len(needle) // 3):
                        continue
                    if not at_word_edge(ix.units[sp.unit].text, idx[end - 1] + 1):
                        continue  # "unga m.m" of "unga m.m.": a fuzzy match does not cut a word either
                    score = similarity(needle, folded[a:end])
                    key = (sp.unit, idx[a])
                    if key not in found or found[key].similarity < score:
                        found[key] = Hit(sp.unit, idx[a], idx[end - 1] + 1, score)
    ranked = sorted(found.values(), key=lambda h: (-h.similarity, h.unit, h.start))
    kept: list[Hit] = []
    for h in ranked:
        # one candidate per place: a shorter or longer window over the same words is not a rival
        if h.similarity >= 0.5 and not any(k.unit == h.unit and k.start < h.end and h.start < k.end for k in kept):
            kept.append(h)
    return kept[:limit]


# ---------------------------------------------------------------- operations


def resolve(program: Program, patch: Patch, fuzzy: float | None = None, index: Index | None = None) -> Resolution:
    """Resolve every amendment of `patch` against `program`; raise all errors together."""
    result = resolve_all(program, patch, fuzzy=fuzzy, index=index)
    errors = [exc for _, exc in result.failures]
    if errors:
        raise errors[0] if len(errors) == 1 else AmendErrors(errors)
    return result


def resolve_all(program: Program, patch: Patch, fuzzy: float | None = None,
                index: Index | None = None) -> Resolution:
    """Resolve every amendment; keep each one's failure in `failures` instead of
    raising, so that `amend check` can report every amendment on its own."""
    ix = index or Index(program)
    result = Resolution()
    for am in patch.amendments:
        try:
            result.edits.extend(_resolve_one(ix, am, fuzzy, result.warnings))
        except AmendError as exc:
            result.failures.append((am, exc))
    return result


def _resolve_one(ix: Index, am: Amendment, fuzzy: float | None, warnings: list[FuzzyWarning]) -> list[Edit]:
    sc = Scoper(ix, am, am.scope)
    anchors = Anchors(sc.pointing(am.anchor_key), fuzzy, warnings)
    handler = _HANDLERS[am.op]
    return handler(ix, am, sc, anchors)


def _text_edit(am: Amendment, hit: Hit, ix: Index, start: int, end: int, new: str) -> Edit:
    path = ix.units[hit.unit].path
    return Edit("text", am, path=path, start=start, end=end, new=new,
                reads=((path, (hit.start, hit.end)),), writes=((path, (start, end)),))


def _insert(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    spans, sentences = sc.text()
    anchor = am.after or am.before
    if anchor is None:
        # "at end insert": the scope must be one paragraph, item or sentence.
        if len(spans) != 1:
            raise sc.fail(AmbiguousAnchor, msg("core.end_insert_wide", scope=sc.scope.describe(), count=len(spans)))
        # every reading of a sentence number must give the same place
        places = _distinct([(sp.unit, *end_insert(ix.units[sp.unit].text, sp.lo, sp.hi, am.value))
                            for sp in (sentences.readings if sentences else spans)])
        if len(places) > 1 and sentences:
            raise sc.unclear_sentence(sentences)
        unit, at, new, problem = places[0]
        if problem:
            raise sc.fail(AmbiguousAnchor, msg("core.scope_text_problem", scope=sc.scope.describe(), problem=problem))
        path = ix.units[unit].path
        return [Edit("text", am, path=path, start=at, end=at, new=new, writes=((path, (at, at)),))]
    hit = anchors.one(spans, anchor, sentences)
    at = hit.end if am.after else hit.start
    return [_text_edit(am, hit, ix, at, at, am.value)]


def _distinct(values: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The values without repeats, in order (a Msg in them is not hashable)."""
    out: list[tuple[Any, ...]] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _replace(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    spans, sentences = sc.text()
    hit = anchors.one(spans, am.value, sentences)
    sc = anchors.sc  # what follows is about the quoted text
    new = (am.with_ or "") if am.op == "replace" else ""
    text = ix.units[hit.unit].text
    end, problem = shared_full_stop(text, hit.start, hit.end, new)
    if problem:
        raise sc.fail(AmbiguousAnchor, msg("core.quoted_text_problem", text=am.value, problem=problem))
    if not new and not any(c.isalnum() for c in text[:hit.start] + text[hit.end:]):
        where = ix.where(hit.unit)
        raise sc.fail(ScopeError, msg("core.deletes_paragraph", where=where) if ix.units[hit.unit].kind == "paragraph"
                      else msg("core.deletes_item", where=where))
    return [_text_edit(am, hit, ix, hit.start, end, new)]


def _units_starting(ix: Index, units: list[int], kind: str, start: str) -> list[int]:
    want = fold_anchor(start)
    out = []
    for i in units:
        if ix.units[i].kind != kind:
            continue
        if starts_with_words(ix.units[i].text, want, ix.folded(i)):
            out.append(i)
    return out


def _one_unit(ix: Index, sc: Scoper, kind: str, value: Any) -> int:
    """The paragraph or item the amendment names: by its opening words, or by
    the scope alone (paragraph: N / item: N) when the value is true."""
    units = sc.narrowed(sc.select())
    paragraph = kind == "paragraph"
    scope = sc.scope.describe()
    if value is True:
        units = [i for i in units if ix.units[i].kind == kind]
        if len(units) != 1:
            raise sc.fail(AmbiguousAnchor if units else ScopeError,
                          msg("core.paragraph_count", scope=scope, count=len(units)) if paragraph
                          else msg("core.item_count", scope=scope, count=len(units)))
        return units[0]
    sc = sc.pointing(sc.am.anchor_key)
    found = _units_starting(ix, units, kind, value)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        values = dict(count=len(found), scope=scope, text=value, places=listed([ix.where(i) for i in found[:5]]))
        raise sc.fail(AmbiguousAnchor, msg("core.paragraphs_start", **values) if paragraph
                      else msg("core.items_start", **values))
    elsewhere = _units_starting(ix, list(range(len(ix.units))), kind, value)
    if elsewhere:
        values = dict(scope=scope, text=value, places=listed([ix.where(i) for i in elsewhere[:5]]))
        raise sc.fail(AnchorNotFound, msg("core.no_paragraph_starts_elsewhere", **values) if paragraph
                      else msg("core.no_item_starts_elsewhere", **values))
    raise sc.fail(AnchorNotFound, msg("core.no_paragraph_starts", scope=scope, text=value) if paragraph
                  else msg("core.no_item_starts", scope=scope, text=value))


def _delete_unit(kind: str) -> Handler:
    def handler(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
        i = _one_unit(ix, sc, kind, am.value)
        unit = ix.units[i]
        return [Edit("delete_block", am, container=unit.path.container, index=unit.path.position,
                     writes=((unit.path, None),))]
    return handler


def _insert_block(am: Amendment, container: Address, index: int, new: Any, reads: tuple[Region, ...] = ()) -> Edit:
    """Insert `new` as child `index` of `container`. The write is a point, so
    several insertions at one place do not conflict: they keep file order."""
    return Edit("insert_block", am, container=container, index=index, new=new, reads=reads,
                writes=((container.end(), (index, index)),))


def _add_item(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    if sc.scope.item is not None and am.position is None and am.after_item is None:
        raise sc.fail(ScopeError, msg("core.add_item_needs_place"))
    units = sc.narrowed(sc.select())
    lists = list(dict.fromkeys(ix.units[i].block_path for i in units if ix.units[i].kind == "item"))
    if not lists:
        raise sc.fail(ScopeError, msg("core.no_list", scope=sc.scope.describe()))
    if am.after_item is not None:
        item = _one_unit(ix, sc, "item", am.after_item)
        path = ix.units[item].path
        reads = ((path, (0, len(am.after_item))),)
        return [_insert_block(am, path.container, path.position + 1, am.value, reads=reads)]
    if len(lists) > 1:
        places = listed([ix.where(next(i for i in units if ix.units[i].block_path == lp)) for lp in lists[:5]])
        raise sc.fail(AmbiguousAnchor, msg("core.lists_repeated", count=len(lists), scope=sc.scope.describe(),
                                           places=places))
    lst = get(ix.program, lists[0])
    count = len(lst.items)
    index = count if am.position is None else _pick(am.position, count + 1)
    if index is None:
        raise sc.fail(ScopeError, msg("core.position_missing", position=am.position, count=count))
    return [_insert_block(am, lists[0].items(), index, am.value)]


def _add_paragraph(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    new = Paragraph(am.value)
    if am.after is not None:
        i = _one_unit(ix, sc, "paragraph", am.after)
        return [_after_block(am, ix.units[i], new, reads=((ix.units[i].path, (0, len(am.after))),))]
    picked = sc.select()
    units = sc.narrowed(picked)
    if sc.scope.paragraph is not None or sc.scope.item is not None:
        return [_after_block(am, ix.units[units[0]], new)]
    container = sc.container(picked)
    if container is not None:  # the end of a column, a table cell or a section
        return [_insert_block(am, container, len(children(get(ix.program, container))), new)]
    if not units:
        raise sc.fail(ScopeError, msg("core.no_text_for_paragraph", scope=sc.scope.describe()))
    # the end of the scope on its page: after the last top-level block in scope
    top = ix.units[units[-1]].path.top_block
    return [_insert_block(am, top.container, top.position + 1, new)]


def _after_block(am: Amendment, unit: Unit, new: Any, reads: tuple[Region, ...] = ()) -> Edit:
    block = unit.block_path
    return _insert_block(am, block.container, block.position + 1, new, reads=reads)


def _section_named(ix: Index, sc: Scoper, heading: str) -> int:
    if heading in (sc.am.after_section, sc.am.value):
        sc = sc.pointing(sc.am.anchor_key)  # the heading is quoted in the operation itself
    picked = replace(sc, scope=Scope(page=sc.scope.page, heading=heading)).select()
    if picked.section is None:
        raise sc.fail(ScopeError, msg("core.column_heading_not_section", heading=heading))
    return picked.section


def _add_section(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    section = am.value
    if am.after_section is None:
        s_after = len(ix.program.sections) - 1
        reads: tuple[Region, ...] = ()
    else:
        s_after = _section_named(ix, sc, am.after_section)
        reads = ((Address.heading(s_after), None),)
    after = ix.program.sections[s_after]
    index = subtree(ix.program, s_after).stop
    level = section.level or after.level
    # no page break of its own: it starts on the page where the text before it ends
    pages = [ix.units[i].page for s in subtree(ix.program, s_after) for i in ix.by_section[s]]
    page = max(pages, default=after.page)

    new = replace(section, level=level, page=page)
    _check_new_pages(ix, sc, section.blocks, page, index)
    return [_insert_block(am, TOP, index, new, reads=reads)]


def _target_section(ix: Index, sc: Scoper, am: Amendment) -> int:
    heading = am.value if isinstance(am.value, str) else sc.scope.heading
    if heading is None:
        raise sc.fail(ScopeError, msg("core.section_needs_heading", op=am.op))
    return _section_named(ix, sc, heading)


def _delete_section(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    s = _target_section(ix, sc, am)
    span = subtree(ix.program, s)
    return [Edit("delete_block", am, container=TOP, index=k,
                 writes=((Address.section(k), None), (Address.heading(k), None))) for k in reversed(span)]


def _replace_section_text(ix: Index, am: Amendment, sc: Scoper, anchors: Anchors) -> list[Edit]:
    s = _target_section(ix, sc, am)
    _check_new_pages(ix, sc, am.value, ix.program.sections[s].page, s + 1)
    here = Address.section(s)
    return [Edit("replace_blocks", am, container=here, new=am.value, writes=((here, None),))]


def _check_new_pages(ix: Index, sc: Scoper, blocks: Any, first: int, following: int) -> None:
    """New content before section `following` keeps the pages in order (see model.new_pages_problem)."""
    sections = ix.program.sections
    problem = new_pages_problem(blocks, first, sections[following].page if following < len(sections) else None,
                                ix.page_count)
    if problem:
        # the message is about the new content: point at it
        raise sc.pointing(sc.am.op).fail(ScopeError, problem)


Handler = Callable[[Index, Amendment, Scoper, Anchors], list[Edit]]

_HANDLERS: dict[str, Handler] = {
    "insert": _insert,
    "replace": _replace,
    "delete": _replace,
    "add_item": _add_item,
    "add_paragraph": _add_paragraph,
    "delete_paragraph": _delete_unit("paragraph"),
    "delete_item": _delete_unit("item"),
    "add_section": _add_section,
    "delete_section": _delete_section,
    "replace_section_text": _replace_section_text,
}
