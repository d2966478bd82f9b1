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
from collections.abc import Sequence
from dataclasses import dataclass, field

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
    path: tuple = ()  # the unit, for text edits
    start: int = 0
    end: int = 0
    new: object = None
    container: tuple = ()
    index: int = 0
    reads: tuple = ()
    writes: tuple = ()


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
        counters: dict[tuple, int] = defaultdict(int)
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
        self._folded: dict[int, tuple[str, list[int]]] = {}
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

    def section_units(self, sections) -> list[int]:
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
        return listed(parts, "core.comma")


# ---------------------------------------------------------------- scope


@dataclass
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


def _pick(ordinal, count: int) -> int | None:
    """0-based index for a 1-based ordinal, 'first' or 'last'; None if out of range."""
    n = {"first": 1, "last": count}.get(ordinal, ordinal)
    n = int(n)
    return n - 1 if 1 <= n <= count else None


class Scoper:
    def __init__(self, index: Index, amendment: Amendment):
        self.ix = index
        self.am = amendment
        self.scope: Scope = amendment.scope
        self.sections: list[int] | None = None  # sections the heading picked
        self.column_layout: tuple | None = None
        self.column: int | None = None
        self.key = "at"  # the key a message points at: the scope, then the quoted text
        # With sentence: every sentence it may name, one per reading of the places where a
        # sentence may or may not end (the first is `spans()`); amendments must agree on all.
        self.readings: list[Span] = []
        self.counted: list[int] = []  # the units whose sentences a sentence number counts

    def fail(self, cls, message: Msg, **extra):
        return cls(message, source=self.am.source_of(self.key), amendment=self.am.label,
                   amendment_id=self.am.id, **extra)

    def units(self) -> list[int]:
        """Unit indices in scope, before paragraph/item/sentence."""
        sc, ix = self.scope, self.ix
        if sc.page is not None and not 1 <= sc.page <= ix.page_count:
            raise self.fail(ScopeError, msg("core.page_missing", page=sc.page, count=ix.page_count))
        units = ix.by_page.get(sc.page, []) if sc.page is not None else None  # None: the whole program
        if sc.heading is not None:
            units = self._heading(units)
        elif units is None:
            units = range(len(ix.units))
        if sc.column is not None:
            units = self._column(units)
        if sc.row is not None:
            units = self._row(units)
        return list(units)

    def _heading(self, units) -> list[int]:
        """`units` are those on the page, or None for the whole program."""
        sc, ix = self.scope, self.ix
        wanted = fold_anchor(sc.heading)
        found = ix.headings.get(wanted, [])
        here = found if sc.page is None else ix.headings_on.get((wanted, sc.page), [])
        if len(here) == 1:
            # The text under a heading runs to the next heading: subsections are not in it.
            self.sections = [here[0]]
            if units is None:
                return ix.section_units(self.sections)
            return [i for i in units if ix.units[i].section == here[0]]
        if len(here) > 1:
            pages = listed([msg("core.where.page", page=ix.program.sections[s].page) for s in here], "core.comma")
            raise self.fail(AmbiguousAnchor, msg("core.heading_repeated", heading=sc.heading, count=len(here),
                                                 pages=pages))
        # Not a section heading: perhaps the heading of a column.
        in_columns = [i for i in ix.column_heading_units(wanted) if sc.page is None or ix.units[i].page == sc.page]
        if in_columns:
            layouts = {ix.units[i].layout for i in in_columns}
            if len(layouts) > 1:
                raise self.fail(AmbiguousAnchor, msg("core.column_heading_repeated_on_page", heading=sc.heading,
                                                     count=len(layouts), page=sc.page) if sc.page else
                                msg("core.column_heading_repeated", heading=sc.heading, count=len(layouts)))
            self.column_layout, self.column = layouts.pop(), ix.units[in_columns[0]].column
            return in_columns
        elsewhere = [msg("core.where.page", page=ix.program.sections[s].page) for s in found]
        if elsewhere:
            raise self.fail(ScopeError, msg("core.heading_elsewhere", heading=sc.heading, page=sc.page,
                                            pages=listed(elsewhere, "core.comma")))
        near = _near_headings(wanted, ix)
        raise self.fail(ScopeError, msg("core.heading_missing_near", heading=sc.heading, near=near) if near
                        else msg("core.heading_missing", heading=sc.heading))

    def _column(self, units) -> list[int]:
        sc, ix = self.scope, self.ix
        in_layout = [i for i in units if ix.units[i].layout is not None]
        layouts = list(dict.fromkeys(ix.units[i].layout for i in in_layout))
        if not layouts:
            raise self.fail(ScopeError, msg("core.no_columns", scope=self._scope_words("column")))
        if len(layouts) > 1:
            layouts = self._layouts_named(layouts) or layouts
        if len(layouts) > 1:
            places = listed([ix.where(next(i for i in in_layout if ix.units[i].layout == lay)) for lay in layouts])
            raise self.fail(AmbiguousAnchor, msg("core.layouts_repeated", count=len(layouts),
                                                 scope=self._scope_words("column"), places=places))
        layout = layouts[0]
        self.column_layout = layout
        block = get(ix.program, layout)
        headings = [c.heading for c in getattr(block, "columns", ())]
        count = len(headings) if headings else max(len(r) for r in (block.header,) + block.rows)
        if isinstance(sc.column, int):
            if sc.column > count:
                raise self.fail(ScopeError, msg("core.column_missing", column=sc.column,
                                                scope=self._scope_words("column"), count=count))
            self.column = sc.column
        else:
            matches = [n + 1 for n, h in enumerate(headings) if h and fold_anchor(h) == fold_anchor(sc.column)]
            if len(matches) != 1:
                named = listed([msg("core.quoted_name", name=h) for h in headings if h], "core.comma")
                raise self.fail(ScopeError if not matches else AmbiguousAnchor,
                                msg("core.column_not_single", column=sc.column, scope=self._scope_words("column"),
                                    named=named or msg("core.none")))
            self.column = matches[0]
        return [i for i in in_layout if ix.units[i].layout == layout and ix.units[i].column == self.column]

    def _layouts_named(self, layouts: list[tuple]) -> list[tuple]:
        """Of several layouts in scope, those the rest of the scope can mean: a
        `row:` only a table has; a column named by its heading only a column
        layout with that heading. (A table and columns in one section could
        otherwise never be told apart: a table has no heading to give.)"""
        sc, ix = self.scope, self.ix
        if sc.row is not None:
            return [lay for lay in layouts if isinstance(get(ix.program, lay), Table)]
        if isinstance(sc.column, str):
            wanted = fold_anchor(sc.column)
            return [lay for lay in layouts
                    if any(c.heading and fold_anchor(c.heading) == wanted
                           for c in getattr(get(ix.program, lay), "columns", ()))]
        return []

    def _row(self, units) -> list[int]:
        rows = [i for i in units if self.ix.units[i].row is not None]
        if not rows:
            raise self.fail(ScopeError, msg("core.no_table", scope=self._scope_words("row")))
        count = max(self.ix.units[i].row for i in rows)
        if self.scope.row > count:
            raise self.fail(ScopeError, msg("core.row_missing", row=self.scope.row, scope=self._scope_words("row"),
                                            count=count))
        return [i for i in rows if self.ix.units[i].row == self.scope.row]

    def container(self) -> tuple | None:
        """The column, table cell or section the scope names, if it names one
        (and no page cuts a section in two)."""
        sc = self.scope
        if sc.row is not None:
            if self.column is None:
                raise self.fail(ScopeError, msg("core.row_needs_column"))
            return self.column_layout + ("row", sc.row, self.column - 1)
        if self.column is not None:
            if isinstance(get(self.ix.program, self.column_layout), Table):
                raise self.fail(ScopeError, msg("core.column_needs_row"))
            return self.column_layout + ("col", self.column - 1)
        if self.sections is not None and sc.page is None:
            return (self.sections[0],)
        return None

    def _scope_words(self, upto: str) -> Msg:
        """The scope described up to (not including) `upto`."""
        keys = ("page", "heading", "column", "row", "paragraph", "item", "sentence")
        cut = {k: None for k in keys[keys.index(upto):]}
        return Scope(**{**self.scope.__dict__, **cut, "occurrence": None}).describe()

    def _counted(self, units: list[int]) -> list[int]:
        """The units that paragraph, item and sentence numbers count: the
        section's own text, not what stands in its columns or tables, unless
        the scope is in a column or cell (then only that)."""
        if self.column is not None or self.scope.row is not None:
            return units
        return [i for i in units if self.ix.units[i].layout is None]

    def narrowed(self, units: list[int]) -> list[int]:
        """Apply paragraph and item ordinals."""
        sc, ix = self.scope, self.ix
        for key, kind in (("paragraph", "paragraph"), ("item", "item")):
            ordinal = getattr(sc, key)
            if ordinal is None:
                continue
            of_kind = [i for i in self._counted(units) if ix.units[i].kind == kind]
            n = _pick(ordinal, len(of_kind))
            if n is None:
                hidden = sum(1 for i in units if ix.units[i].kind == kind) - len(of_kind)
                hint = msg("core.hint_hidden", hidden=hidden) if hidden else ""
                values = dict(n=ordinal_words(ordinal), scope=self._scope_words(key), count=len(of_kind), hint=hint)
                raise self.fail(ScopeError, msg("core.no_nth_paragraph", **values) if key == "paragraph"
                                else msg("core.no_nth_item", **values))
            units = [of_kind[n]]
        return units

    def spans(self) -> list[Span]:
        """The text in scope, down to the sentence."""
        units = self.narrowed(self.units())
        if self.scope.sentence is None:
            return [Span(i, 0, len(self.ix.units[i].text)) for i in units]
        self.readings = self._sentence_readings(units)
        return self.readings[:1]

    def _sentence_readings(self, units: list[int]) -> list[Span]:
        """Sentence numbers count the sentences of the paragraphs in scope, in order (list
        items are not sentences of the running text), or of the one item `item:` names."""
        ix, ordinal = self.ix, self.scope.sentence
        units = self._counted(units)
        counted = units if self.scope.item is not None else [i for i in units if ix.units[i].kind == "paragraph"]
        items = len(units) - len(counted)
        self.counted = counted
        if not counted and items:
            raise self.fail(ScopeError, msg("core.no_paragraph_for_sentence", scope=self._scope_words("sentence"),
                                            items=items))
        n = {"first": 1, "last": 1}.get(ordinal, ordinal)
        found = sentence_readings([ix.units[i].text for i in counted], int(n), from_end=ordinal == "last",
                                  bounds=[ix.boundaries(i) for i in counted])
        if len(found) > READINGS_LIMIT:
            self.readings = [Span(counted[u], a, b) for u, a, b in found]
            raise self.unclear_sentence()
        if not found:
            count = sum(len(ix.sentences(i)) for i in counted)
            hint = msg("core.hint_items_not_counted") if items else ""
            raise self.fail(ScopeError, msg("core.no_nth_sentence", n=ordinal_words(ordinal),
                                            scope=self._scope_words("sentence"), count=count, hint=hint))
        return [Span(counted[u], a, b) for u, a, b in found]

    def unclear_sentence(self) -> AmendError:
        """The refusal when the readings of the sentence number pick different places."""
        spans = self.readings
        unsure = [b for sp in dict.fromkeys(s.unit for s in spans) for b in self.ix.boundaries(sp) if not b.certain]
        lo, hi = min(s.lo for s in spans), max(s.hi for s in spans)
        # The doubt may lie in an earlier paragraph that moves the count, not in the candidates' own.
        words = [b.word for b in unsure if lo <= b.start and b.end <= hi] or [b.word for b in unsure] or \
            [b.word for u in self.counted for b in self.ix.boundaries(u) if not b.certain]
        self.key = "at"  # the sentence number is what is unclear
        return self.fail(AmbiguousAnchor, msg("core.sentence_unclear", n=ordinal_words(self.scope.sentence),
                                              scope=self._scope_words("sentence"), word=words[0]))


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


class Anchors:
    """Find a quoted anchor in scope, exactly once, or explain why not."""

    def __init__(self, scoper: Scoper, fuzzy: float | None, warnings: list):
        self.sc = scoper
        self.ix = scoper.ix
        self.fuzzy = fuzzy
        self.warnings = warnings

    def one(self, spans: list[Span], anchor: str) -> Hit:
        self.sc.key = self.sc.am.anchor_key
        readings = self.sc.readings
        if len(readings) > 1:
            found = [_find(self.ix, [r], anchor) for r in readings]
            if any(found):
                # Every reading of the sentence number must give the same place.
                picks: list = []
                for hits in found:
                    try:
                        picks.append(self._exact(hits, anchor) if hits else None)
                    except AmendError as exc:
                        picks.append(exc)
                if all(isinstance(p, AmendError) for p in picks):
                    raise picks[0]
                if not all(isinstance(p, Hit) and p == picks[0] for p in picks):
                    raise self.sc.unclear_sentence()
                return picks[0]
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
    return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / max(len(a), len(b))


def fuzzy_candidates(ix: Index, spans: list[Span], anchor: str, limit: int = 3) -> list[Hit]:
    """The passages in scope most like `anchor`, by word windows, best first.

    Computed here rather than by diff-match-patch's match_main, whose bitap
    search is capped at 32 characters and whose threshold returns wrong places.
    """
    import re

    needle = fold_anchor(anchor)
    n_words = len(needle.split())
    found: dict[tuple, Hit] = {}
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


def _resolve_one(ix: Index, am: Amendment, fuzzy, warnings) -> list[Edit]:
    sc = Scoper(ix, am)
    anchors = Anchors(sc, fuzzy, warnings)
    handler = _HANDLERS[am.op]
    return handler(ix, am, sc, anchors)


def _text_edit(am, hit: Hit, ix: Index, start: int, end: int, new: str) -> Edit:
    path = ix.units[hit.unit].path
    return Edit("text", am, path=path, start=start, end=end, new=new,
                reads=((path, (hit.start, hit.end)),), writes=((path, (start, end)),))


def _insert(ix, am, sc, anchors):
    spans = sc.spans()
    anchor = am.after or am.before
    if anchor is None:
        # "at end insert": the scope must be one paragraph, item or sentence.
        if len(spans) != 1:
            raise sc.fail(AmbiguousAnchor, msg("core.end_insert_wide", scope=sc.scope.describe(), count=len(spans)))
        # every reading of a sentence number must give the same place
        places = _distinct([(sp.unit, *end_insert(ix.units[sp.unit].text, sp.lo, sp.hi, am.value))
                            for sp in sc.readings or spans])
        if len(places) > 1:
            raise sc.unclear_sentence()
        unit, at, new, problem = places[0]
        if problem:
            raise sc.fail(AmbiguousAnchor, msg("core.scope_text_problem", scope=sc.scope.describe(), problem=problem))
        path = ix.units[unit].path
        return [Edit("text", am, path=path, start=at, end=at, new=new, writes=((path, (at, at)),))]
    hit = anchors.one(spans, anchor)
    at = hit.end if am.after else hit.start
    return [_text_edit(am, hit, ix, at, at, am.value)]


def _distinct(values: list[tuple]) -> list[tuple]:
    """The values without repeats, in order (a Msg in them is not hashable)."""
    out: list[tuple] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _replace(ix, am, sc, anchors):
    hit = anchors.one(sc.spans(), am.value)
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


def _one_unit(ix, sc, kind: str, value) -> int:
    """The paragraph or item the amendment names: by its opening words, or by
    the scope alone (paragraph: N / item: N) when the value is true."""
    units = sc.narrowed(sc.units())
    paragraph = kind == "paragraph"
    scope = sc.scope.describe()
    if value is True:
        units = [i for i in units if ix.units[i].kind == kind]
        if len(units) != 1:
            raise sc.fail(AmbiguousAnchor if units else ScopeError,
                          msg("core.paragraph_count", scope=scope, count=len(units)) if paragraph
                          else msg("core.item_count", scope=scope, count=len(units)))
        return units[0]
    sc.key = sc.am.anchor_key
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


def _delete_unit(kind):
    def handler(ix, am, sc, anchors):
        i = _one_unit(ix, sc, kind, am.value)
        unit = ix.units[i]
        index = unit.path[-1]
        container = unit.path[:-1] if kind == "item" else unit.container
        return [Edit("delete_block", am, container=container, index=index, writes=((unit.path, None),))]
    return handler


def _insert_block(am, container: tuple, index: int, new, reads=()) -> Edit:
    """Insert `new` as child `index` of `container`. The write is a point, so
    several insertions at one place do not conflict: they keep file order."""
    return Edit("insert_block", am, container=container, index=index, new=new, reads=reads,
                writes=((container + ("+",), (index, index)),))


def _add_item(ix, am, sc, anchors):
    if sc.scope.item is not None and am.position is None and am.after_item is None:
        raise sc.fail(ScopeError, msg("core.add_item_needs_place"))
    units = sc.narrowed(sc.units())
    lists = list(dict.fromkeys(ix.units[i].block_path for i in units if ix.units[i].kind == "item"))
    if not lists:
        raise sc.fail(ScopeError, msg("core.no_list", scope=sc.scope.describe()))
    if am.after_item is not None:
        item = _one_unit(ix, sc, "item", am.after_item)
        path = ix.units[item].path
        return [_insert_block(am, path[:-1], path[-1] + 1, am.value, reads=((path, (0, len(am.after_item))),))]
    if len(lists) > 1:
        places = listed([ix.where(next(i for i in units if ix.units[i].block_path == lp)) for lp in lists[:5]])
        raise sc.fail(AmbiguousAnchor, msg("core.lists_repeated", count=len(lists), scope=sc.scope.describe(),
                                           places=places))
    lst = get(ix.program, lists[0])
    count = len(lst.items)
    if am.position is None:
        index = count
    else:
        index = _pick(am.position, count + 1)
        if index is None:
            raise sc.fail(ScopeError, msg("core.position_missing", position=am.position, count=count))
    return [_insert_block(am, lists[0] + ("item",), index, am.value)]


def _add_paragraph(ix, am, sc, anchors):
    new = Paragraph(am.value)
    if am.after is not None:
        i = _one_unit(ix, sc, "paragraph", am.after)
        return [_after_block(am, ix.units[i], new, reads=((ix.units[i].path, (0, len(am.after))),))]
    units = sc.narrowed(sc.units())
    if sc.scope.paragraph is not None or sc.scope.item is not None:
        return [_after_block(am, ix.units[units[0]], new)]
    container = sc.container()
    if container is not None:  # the end of a column, a table cell or a section
        return [_insert_block(am, container, len(children(get(ix.program, container))), new)]
    if not units:
        raise sc.fail(ScopeError, msg("core.no_text_for_paragraph", scope=sc.scope.describe()))
    # the end of the scope on its page: after the last top-level block in scope
    top = ix.units[units[-1]].path[:2]
    return [_insert_block(am, top[:1], top[1] + 1, new)]


def _after_block(am, unit: Unit, new, reads=()) -> Edit:
    block = unit.block_path
    return _insert_block(am, block[:-1], block[-1] + 1, new, reads=reads)


def _section_named(ix, sc, heading: str) -> int:
    scoper = Scoper(ix, sc.am)
    scoper.scope = Scope(page=sc.scope.page, heading=heading)
    if heading in (sc.am.after_section, sc.am.value):
        scoper.key = sc.key = sc.am.anchor_key  # the heading is quoted in the operation itself
    scoper.units()
    if scoper.sections is None:
        raise sc.fail(ScopeError, msg("core.column_heading_not_section", heading=heading))
    return scoper.sections[0]


def _add_section(ix, am, sc, anchors):
    section = am.value
    if am.after_section is None:
        s_after = len(ix.program.sections) - 1
        reads = ()
    else:
        s_after = _section_named(ix, sc, am.after_section)
        reads = ((("h", s_after), None),)
    after = ix.program.sections[s_after]
    index = subtree(ix.program, s_after).stop
    level = section.level or after.level
    # no page break of its own: it starts on the page where the text before it ends
    pages = [ix.units[i].page for s in subtree(ix.program, s_after) for i in ix.by_section[s]]
    page = max(pages, default=after.page)
    from dataclasses import replace

    new = replace(section, level=level, page=page)
    _check_new_pages(ix, sc, section.blocks, page, index)
    return [_insert_block(am, (), index, new, reads=reads)]


def _target_section(ix, sc, am) -> int:
    heading = am.value if isinstance(am.value, str) else sc.scope.heading
    if heading is None:
        raise sc.fail(ScopeError, msg("core.section_needs_heading", op=am.op))
    return _section_named(ix, sc, heading)


def _delete_section(ix, am, sc, anchors):
    s = _target_section(ix, sc, am)
    span = subtree(ix.program, s)
    return [Edit("delete_block", am, container=(), index=k, writes=(((k,), None), (("h", k), None)))
            for k in reversed(span)]


def _replace_section_text(ix, am, sc, anchors):
    s = _target_section(ix, sc, am)
    _check_new_pages(ix, sc, am.value, ix.program.sections[s].page, s + 1)
    return [Edit("replace_blocks", am, container=(s,), new=am.value, writes=(((s,), None),))]


def _check_new_pages(ix, sc, blocks, first: int, following: int) -> None:
    """New content before section `following` keeps the pages in order (see model.new_pages_problem)."""
    sections = ix.program.sections
    problem = new_pages_problem(blocks, first, sections[following].page if following < len(sections) else None,
                                ix.page_count)
    if problem:
        sc.key = sc.am.op  # the message is about the new content: point at it
        raise sc.fail(ScopeError, problem)


_HANDLERS = {
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
