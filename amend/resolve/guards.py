"""Guards against a literal reading that no one adopted: the edited sentence still reads as
written (the rules are in amend/text/typography.py), an anchor does not cut a number, an item
number names one list. Each problem becomes the amendment's refusal.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from ..errors import AmbiguousAnchor
from ..messages import Msg, msg
from ..text import clean, find_spans, fold, fold_anchor, splice
from ..text.confusables import has_lookalike, latin_skeleton
from ..text.numbers import cuts_spaced_number
from ..text.typography import (
    edit_problem,
    folded_terminal,
    inserted_sentence,
    paragraph_start_problem,
    unpaired_mark,
)
from ..tree import Node, walk
from .index import Index, Span, listed, opening

if TYPE_CHECKING:
    from ..tree import Unit
    from .scope import Scoper


def guarded(scoper: Scoper, unit: Unit, start: int, end: int, new: str, anchor: str) -> str:
    """The text to put at unit.text[start:end] for `new` (a full stop of its own that meets the
    sentence's is that one), or the refusal when it cannot be placed so. Whether the result
    reads as written is asked of every text edit where it is made (`refuse_unreadable`)."""
    new, problem = _prepared(unit.text, start, end, new, anchor)
    if problem is not None:
        raise scoper.fail(AmbiguousAnchor, msg("guards.edit_refused", anchor=anchor, problem=problem))
    return new


def checked_edit(text: str, start: int, end: int, new: str, anchor: str, paragraph: bool) -> tuple[str, Msg | None]:
    """The text to put at text[start:end] and why the result would not read as written (None: it
    would); `paragraph`: the text is a paragraph of its own, not an item or a cell. The generator of
    bench/ asks the same question, so that its amendments are ones amend applies."""
    new, problem = _prepared(text, start, end, new, anchor)
    return new, problem or result_problem(text, start, end, new, paragraph)


def _prepared(text: str, start: int, end: int, new: str, anchor: str) -> tuple[str, Msg | None]:
    """`new` as it goes in (its own full stop folded into the sentence's), and why a sentence of
    its own cannot go right before a full stop."""
    written = clean(new)
    new, problem = folded_terminal(text, end, written)
    if problem is None and start == end and new != written and inserted_sentence(written):
        problem = msg("guards.sentence_before_stop", new=written, anchor=anchor)
    return new, problem


def result_problem(text: str, start: int, end: int, new: str, paragraph: bool) -> Msg | None:
    """Why text with text[start:end] replaced by `new` would not read as written, or None."""
    result = splice(text, [(start, end, new)])
    problem = edit_problem(text, start, end, new, result)
    if problem is None and paragraph:
        problem = paragraph_start_problem(text, result)
    return problem


def refuse_unreadable(scoper: Scoper, unit: Unit, start: int, end: int, new: str,
                      refusal: Callable[[Msg], Msg]) -> None:
    """Refuse a text edit whose result would not read as written (README "The edited sentence
    must still read as written"): every text edit of every operation is made through this, so
    that no path (an at-end insert, a sentence's end) skips the checks (review 9 #7)."""
    problem = result_problem(unit.text, start, end, new, unit.what == "paragraph" and unit.row is None)
    if problem is not None:
        raise scoper.fail(AmbiguousAnchor, refusal(problem))


def refuse_unpaired_blocks(scoper: Scoper, blocks: Iterable[Node]) -> None:
    """Refuse new paragraphs, items or sections whose text leaves a bracket or quotation mark
    without its partner ("Projektet ”Trygg startar."), as an edit of the text is (review 9 #7)."""
    for block in blocks:
        for _, text in walk(block):
            mark = unpaired_mark(text or "")
            if mark is not None:
                raise scoper.pointing(scoper.am.op).fail(AmbiguousAnchor, msg("guards.new_text_unpaired",
                                                                              text=text, mark=mark))


def in_word(texts: list[str], anchor: str, scope: Msg) -> Msg:
    """Why an anchor found in `texts` only inside longer words is refused: the digits of a
    number grouped with spaces ("500 000 kr" of "1 500 000 kr"), or a word's letters."""
    needle = fold_anchor(anchor)
    for text in texts:
        haystack, index = fold(text)
        at = haystack.find(needle)
        while needle and at != -1:
            start, end = index[at], index[at + len(needle) - 1] + 1
            if cuts_spaced_number(text, start) or cuts_spaced_number(text, end):
                return msg("guards.anchor_in_number", anchor=anchor, scope=scope)
            at = haystack.find(needle, at + 1)
    return msg("core.anchor_in_word", anchor=anchor, scope=scope)


def one_list(scoper: Scoper, ix: Index, items: list[int]) -> None:
    """`item: N` counts the items of one list: with two lists in scope each has its own
    second item (a numbered list even prints its own numbers), so the number is unclear."""
    lists = list(dict.fromkeys(ix.units[i].block_path for i in items))
    if len(lists) > 1:
        raise scoper.fail(AmbiguousAnchor, msg("guards.item_lists", count=len(lists), scope=scoper.scope_words("item"),
                                           places=list_places(ix, items)))


def list_places(ix: Index, units: list[int]) -> Msg | str:
    """The lists that hold the items among `units`, each by its opening words (items are
    numbered in their own list, so "item 1" would not tell them apart)."""
    items = [i for i in units if ix.units[i].what == "item"]
    lists = list(dict.fromkeys(ix.units[i].block_path for i in items))
    firsts = [ix.units[next(i for i in items if ix.units[i].block_path == lp)].text for lp in lists[:5]]
    return listed([msg("guards.list_starting", text=opening(t)) for t in firsts])


def headings_holding(scoper: Scoper, spans: list[Span], anchor: str, before: Place | None = None) -> list[Msg]:
    """The section and column headings printed in the scope that hold the quoted words.
    Anchors are looked for in the text, but a reader of the page sees the heading too:
    "på sidan 2 ersätts Insatser" where the page prints "Insatser" as a heading and in
    the text is unclear. A scope that names the heading, or a paragraph, item, sentence or
    column, is below the heading and does not hold it. With `before`, only the headings
    printed before that place (a section's heading before its text, a column's heading
    before its text and what follows the columns)."""
    scope, ix = scoper.scope, scoper.ix
    if any(v is not None for v in (scope.paragraph, scope.item, scope.sentence, scope.row)):
        return []
    found: dict[tuple[object, ...], Msg] = {}
    holds = _Holding(anchor)  # each heading is asked once, not once per unit under it
    for sp in spans:
        if before is not None and sp.unit > before.unit:
            break
        u = ix.units[sp.unit]
        section = ix.program.sections[u.section]
        if scope.heading is None and scope.column is None and scope.page in (None, section.page) \
                and holds(section.heading):
            found.setdefault(("section", u.section), msg("guards.in_heading", heading=section.heading))
        if scope.column is None and u.column_heading and u.row is None and holds(u.column_heading):
            found.setdefault(("column", u.layout, u.column), msg("guards.in_column_heading", heading=u.column_heading))
    return list(found.values())


class _Holding:
    """Does a heading hold the anchor? Each heading's text is asked once."""

    def __init__(self, anchor: str) -> None:
        self.anchor = anchor
        self.known: dict[str, bool] = {}

    def __call__(self, heading: str) -> bool:
        if heading not in self.known:
            self.known[heading] = bool(find_spans(heading, self.anchor))
        return self.known[heading]


class Place(Protocol):
    """Where an anchor was found: a unit and an offset in its text (a resolve Hit)."""

    @property
    def unit(self) -> int: ...

    @property
    def start(self) -> int: ...


def _chosen(scoper: Scoper, hits: Sequence[Place]) -> Place | None:
    """The hit that `occurrence: N` picks (None: no occurrence, or too few hits)."""
    n = scoper.scope.occurrence
    return hits[n - 1] if n is not None and 0 < n <= len(hits) else None


def refuse_heading_rival(scoper: Scoper, spans: list[Span], anchor: str, hits: Sequence[Place]) -> None:
    """Refuse an anchor found in the text that a heading in scope also holds; with
    `occurrence: N`, when such a heading is printed before the N-th place in the text
    (the reader counting the page would come to another place)."""
    headings = headings_holding(scoper, spans, anchor)
    if not headings:
        return
    if scoper.scope.occurrence is None:
        raise scoper.fail(AmbiguousAnchor, msg("guards.anchor_in_heading", anchor=anchor,
                                           count=len(hits) + len(headings), scope=scoper.scope.describe(),
                                           headings=listed(headings, "core.comma")))
    _refuse_heading_before(scoper, spans, anchor, _chosen(scoper, hits))


def _refuse_heading_before(scoper: Scoper, spans: list[Span], anchor: str, chosen: Place | None) -> None:
    """`occurrence: N`: refused when a heading holding the anchor is printed before the N-th place."""
    before = headings_holding(scoper, spans, anchor, before=chosen)
    if chosen is not None and before:
        raise scoper.fail(AmbiguousAnchor, msg("guards.occurrence_heading", anchor=anchor,
                                           occurrence=scoper.scope.occurrence, scope=scoper.scope.describe(),
                                           headings=listed(before, "core.comma")))


def _compatible(text: str) -> str:
    return latin_skeleton(unicodedata.normalize("NFKC", text))


def _printed(scoper: Scoper, spans: list[Span], wanted: str, upto: Place | None = None) -> tuple[int, int]:
    """How often `wanted` is printed in the spans (before `upto`, when given): (with NFKC
    look-alikes, with letters of another alphabet too)."""
    nfkc = skeleton = 0
    needle = fold_anchor(wanted)
    for sp in spans:
        hi = sp.hi if upto is None or sp.unit != upto.unit else min(sp.hi, upto.start)
        if upto is not None and sp.unit > upto.unit:
            break
        found = _plain_count(scoper.ix, sp.unit, sp.lo, hi, wanted, needle)
        counts = (found, found) if found is not None else _lookalikes(scoper.ix.units[sp.unit].text[sp.lo:hi], wanted)
        nfkc, skeleton = nfkc + counts[0], skeleton + counts[1]
    return nfkc, skeleton


def _lookalikes(part: str, wanted: str) -> tuple[int, int]:
    """How often `part` prints `wanted`: (with NFKC look-alikes, with letters of another alphabet too)."""
    folded = unicodedata.normalize("NFKC", fold(part)[0])
    return len(find_spans(folded, wanted)), len(find_spans(latin_skeleton(folded), latin_skeleton(wanted)))


def _plain_count(ix: Index, unit: int, lo: int, hi: int, wanted: str, needle: str) -> int | None:
    """How often text[lo:hi] of the unit prints `wanted` (folded: `needle`) when that part is
    NFKC already and has no look-alike letter; None when it may have look-alikes. Asks the
    unit's kept facts (Index.printing) first, so that a part without the words, the common
    case, costs a substring test instead of folding it for every anchor."""
    text, facts = ix.units[unit].text, ix.printing(unit)
    whole = lo == 0 and hi == len(text)
    if not (whole and facts.plain):
        part = text[lo:hi]
        if not unicodedata.is_normalized("NFKC", part) or (not facts.plain and has_lookalike(part)):
            return None
    if facts.nfc and needle not in ix.folded(unit)[0]:
        return 0
    return len(ix.find(unit, wanted) if whole else find_spans(text[lo:hi], wanted))


def refuse_compatibility_rival(scoper: Scoper, spans: list[Span], anchor: str, hits: Sequence[Place]) -> None:
    """Refuse an anchor found in the text when more places print the same words with
    look-alike characters: a ligature ("\ufb01nansiering", often from PDFs), full-width
    letters ("\uff2b\uff26"), or letters of another alphabet in a word ("p\u043elisen",
    Cyrillic o): they look like the plain words but do not match them. With
    `occurrence: N`, only such places printed before the N-th one count."""
    wanted = unicodedata.normalize("NFKC", fold_anchor(anchor))
    chosen = _chosen(scoper, hits)
    if scoper.scope.occurrence is not None:
        if chosen is not None and max(_printed(scoper, spans, wanted, upto=chosen)) > scoper.scope.occurrence - 1:
            raise scoper.fail(AmbiguousAnchor, msg("guards.occurrence_lookalike", anchor=anchor,
                                               occurrence=scoper.scope.occurrence, scope=scoper.scope.describe()))
        return
    nfkc, skeleton = _printed(scoper, spans, wanted)
    if nfkc > len(hits):
        raise scoper.fail(AmbiguousAnchor, msg("guards.anchor_compatible", anchor=anchor, count=nfkc,
                                           scope=scoper.scope.describe(), exact=len(hits)))
    if skeleton > len(hits):
        raise scoper.fail(AmbiguousAnchor, msg("guards.anchor_lookalike", anchor=anchor, count=skeleton,
                                           scope=scoper.scope.describe(), exact=len(hits)))


def refuse_column_rival(scoper: Scoper, wanted: str) -> None:
    """`heading: X` with `page:` where the page prints X as a section heading and as the
    heading of a column: "under rubriken Chefer på sidan 2" may mean either (review 5)."""
    page = scoper.scope.page
    if page is not None and any(scoper.ix.units[i].page == page for i in scoper.ix.column_heading_units(wanted)):
        raise scoper.fail(AmbiguousAnchor, msg("guards.heading_and_column", heading=scoper.scope.heading, page=page))
