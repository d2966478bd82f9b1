"""The operations on whole blocks turned into edits: a paragraph or item deleted, an item, a
paragraph or a section added, a section deleted or its text replaced (amend.resolve.operations
hands each amendment to its operation)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..address import TOP, Address
from ..errors import AmbiguousAnchor, AmendError, AnchorNotFound, ScopeError
from ..messages import msg
from ..model import Amendment, Paragraph, Scope, new_pages_problem
from ..text import (
    fold_anchor,
    starts_with_words,
)
from ..tree import Unit, children, get, subtree
from .anchors import Anchors
from .edits import Edit, Region
from .guards import list_places, refuse_unpaired_blocks
from .index import Index, listed, pick_ordinal
from .scope import Scoper
from .unsure import refuse_split_delete

Handler = Callable[[Index, Amendment, Scoper, Anchors], list[Edit]]


def _units_starting(ix: Index, units: list[int], what: str, start: str) -> list[int]:
    want = fold_anchor(start)
    return [i for i in units if ix.units[i].what == what and starts_with_words(ix.units[i].text, want, ix.folded(i))]


def _the_unit(ix: Index, scoper: Scoper, what: str, units: list[int]) -> int:
    """The one paragraph or item in scope (paragraph: N / item: N without opening words)."""
    units = [i for i in units if ix.units[i].what == what]
    if len(units) != 1:
        scope = scoper.scope.describe()
        raise scoper.fail(AmbiguousAnchor if units else ScopeError,
                          msg("core.paragraph_count", scope=scope, count=len(units)) if what == "paragraph"
                          else msg("core.item_count", scope=scope, count=len(units)))
    return units[0]


def _one_unit(ix: Index, scoper: Scoper, what: str, value: Any) -> int:
    """The paragraph or item named by its opening words, or (value true) by the scope alone: paragraph: N / item: N."""
    units = scoper.narrowed(scoper.select())
    if value is True:
        return _the_unit(ix, scoper, what, units)
    return _unit_starting(ix, scoper.pointing(scoper.am.anchor_key), what, value, units)


def _unit_starting(ix: Index, scoper: Scoper, what: str, value: Any, units: list[int]) -> int:
    """The one paragraph or item of `units` that starts with the words `value`."""
    found = _units_starting(ix, units, what, value)
    if len(found) != 1:
        raise _units_repeated(ix, scoper, what, value, found) if found else _no_unit_starting(ix, scoper, what, value)
    return found[0]


def _units_repeated(ix: Index, scoper: Scoper, what: str, value: Any, found: list[int]) -> AmendError:
    values = dict(count=len(found), scope=scoper.scope.describe(), text=value,
                  places=listed([ix.place(i) for i in found[:5]]))
    return scoper.fail(AmbiguousAnchor, msg("core.paragraphs_start", **values) if what == "paragraph"
                       else msg("core.items_start", **values))


def _no_unit_starting(ix: Index, scoper: Scoper, what: str, value: Any) -> AmendError:
    """No paragraph or item in scope starts with `value`: the error, naming where one does."""
    paragraph, scope = what == "paragraph", scoper.scope.describe()
    elsewhere = _units_starting(ix, list(range(len(ix.units))), what, value)
    if elsewhere:
        values = dict(scope=scope, text=value, places=listed([ix.place(i) for i in elsewhere[:5]]))
        return scoper.fail(AnchorNotFound, msg("core.no_paragraph_starts_elsewhere", **values) if paragraph
                           else msg("core.no_item_starts_elsewhere", **values))
    return scoper.fail(AnchorNotFound, msg("core.no_paragraph_starts", scope=scope, text=value) if paragraph
                       else msg("core.no_item_starts", scope=scope, text=value))


def delete_unit(what: str) -> Handler:
    def handler(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
        i = _one_unit(ix, scoper, what, am.value)
        refuse_split_delete(scoper, i)
        unit = ix.units[i]
        # an item's place in its list also moves the items after it: a point there, which
        # clashes with an add_item that counts positions (review 5 finding 8)
        moved: tuple[Region, ...] = ((unit.path.container.end(), (unit.path.position,) * 2),) if what == "item" else ()
        return [Edit("delete_block", am, container=unit.path.container, index=unit.path.position,
                     writes=((unit.path, None), *moved))]
    return handler


def _insert_block(am: Amendment, container: Address, index: int, new: Any, reads: tuple[Region, ...] = ()) -> Edit:
    """Insert `new` as child `index` of `container`. The write is a point, so
    several insertions at one place do not conflict: they keep file order."""
    return Edit("insert_block", am, container=container, index=index, new=new, reads=reads,
                writes=((container.end(), (index, index)),))


def add_item(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    _check_item_place(scoper, am)
    units = scoper.narrowed(scoper.select())
    lists = _lists_in(ix, scoper, units)
    edit = _after_item(ix, am, scoper) if am.after_item is not None else _item_at_position(ix, am, scoper, units, lists)
    return [edit]


def _check_item_place(scoper: Scoper, am: Amendment) -> None:
    """A new item's brackets and quotes pair up; under `item:` it needs a place (position or after_item)."""
    refuse_unpaired_blocks(scoper, [Paragraph(am.value)])
    if scoper.scope.item is not None and am.position is None and am.after_item is None:
        raise scoper.fail(ScopeError, msg("core.add_item_needs_place"))


def _lists_in(ix: Index, scoper: Scoper, units: list[int]) -> list[Address]:
    """The lists the items in scope are in, in order; none is refused."""
    lists = list(dict.fromkeys(ix.units[i].block_path for i in units if ix.units[i].what == "item"))
    if not lists:
        raise scoper.fail(ScopeError, msg("core.no_list", scope=scoper.scope.describe()))
    return lists


def _after_item(ix: Index, am: Amendment, scoper: Scoper) -> Edit:
    """After the item that starts with the words of `after_item:` (which it reads)."""
    assert am.after_item is not None
    path = ix.units[_one_unit(ix, scoper, "item", am.after_item)].path
    return _insert_block(am, path.container, path.position + 1, am.value, reads=((path, (0, len(am.after_item))),))


def _item_at_position(ix: Index, am: Amendment, scoper: Scoper, units: list[int], lists: list[Address]) -> Edit:
    """At `position:` in the one list in scope, or at its end."""
    if len(lists) > 1:
        raise scoper.fail(AmbiguousAnchor, msg("core.lists_repeated", count=len(lists), scope=scoper.scope.describe(),
                                           places=list_places(ix, units)))
    index = _item_index(scoper, am, len(get(ix.program, lists[0]).items))
    # "a new third item" counts the items before it as they are: another amendment that adds
    # or deletes an item there clashes (review 5 finding 8)
    counted = ((lists[0].items().end(), (-1, index + 1)),) if am.position is not None else ()
    return _insert_block(am, lists[0].items(), index, am.value, reads=counted)


def _item_index(scoper: Scoper, am: Amendment, count: int) -> int:
    index = count if am.position is None else pick_ordinal(am.position, count + 1)
    if index is None:
        raise scoper.fail(ScopeError, msg("core.position_missing", position=am.position, count=count))
    return index


def add_paragraph(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    new = Paragraph(am.value)
    refuse_unpaired_blocks(scoper, [new])
    if am.after is not None:
        return [_after_paragraph(ix, am, scoper, new)]
    return [_paragraph_in_scope(ix, am, scoper, new)]


def _after_paragraph(ix: Index, am: Amendment, scoper: Scoper, new: Paragraph) -> Edit:
    """After the paragraph that starts with the words of `after:` (which it reads)."""
    assert am.after is not None
    i = _one_unit(ix, scoper, "paragraph", am.after)
    return _after_block(am, ix.units[i], new, reads=((ix.units[i].path, (0, len(am.after))),))


def _paragraph_in_scope(ix: Index, am: Amendment, scoper: Scoper, new: Paragraph) -> Edit:
    """After the paragraph or item the scope names, else at the end of its column, cell or section."""
    picked = scoper.select()
    units = scoper.narrowed(picked)
    if scoper.scope.paragraph is not None or scoper.scope.item is not None:
        return _after_block(am, ix.units[units[0]], new)
    container = scoper.container(picked)
    if container is not None:  # the end of a column, a table cell or a section
        return _insert_block(am, container, len(children(get(ix.program, container))), new)
    return _at_scope_end(ix, am, scoper, units, new)


def _at_scope_end(ix: Index, am: Amendment, scoper: Scoper, units: list[int], new: Paragraph) -> Edit:
    if not units:
        raise scoper.fail(ScopeError, msg("core.no_text_for_paragraph", scope=scoper.scope.describe()))
    # the end of the scope on its page: after the last top-level block in scope
    top = ix.units[units[-1]].path.top_block
    return _insert_block(am, top.container, top.position + 1, new)


def _after_block(am: Amendment, unit: Unit, new: Any, reads: tuple[Region, ...] = ()) -> Edit:
    block = unit.block_path
    return _insert_block(am, block.container, block.position + 1, new, reads=reads)


def _section_named(ix: Index, scoper: Scoper, heading: str) -> int:
    if heading in (scoper.am.after_section, scoper.am.value):
        scoper = scoper.pointing(scoper.am.anchor_key)  # the heading is quoted in the operation itself
    picked = replace(scoper, scope=Scope(page=scoper.scope.page, heading=heading)).select()
    if picked.section is None:
        raise scoper.fail(ScopeError, msg("core.column_heading_not_section", heading=heading))
    return picked.section


def add_section(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    _check_section_place(scoper, am)
    refuse_unpaired_blocks(scoper, [am.value])
    s_after, reads = _section_before(ix, scoper, am)
    new, index = _placed_section(ix, scoper, am.value, s_after)
    return [_insert_block(am, TOP, index, new, reads=reads)]


def _section_before(ix: Index, scoper: Scoper, am: Amendment) -> tuple[int, tuple[Region, ...]]:
    """The section a new one follows (after_section's, else the last), and what that reads."""
    if am.after_section is None:
        return len(ix.program.sections) - 1, ()
    s_after = _section_named(ix, scoper, am.after_section)
    return s_after, ((Address.heading(s_after), None),)


def _placed_section(ix: Index, scoper: Scoper, section: Any, s_after: int) -> tuple[Any, int]:
    """The new section with its level and page, and its index, after section `s_after`."""
    index = subtree(ix.program, s_after).stop
    new = replace(section, level=section.level or ix.program.sections[s_after].level, page=_page_ending(ix, s_after))
    _check_new_pages(ix, scoper, section.blocks, new.page, index)
    return new, index


def _page_ending(ix: Index, s_after: int) -> int:
    """No page break of its own: a new section starts on the page where the text before it ends."""
    pages = [ix.units[i].page for s in subtree(ix.program, s_after) for i in ix.by_section[s]]
    return max(pages, default=ix.program.sections[s_after].page)


def _check_section_place(scoper: Scoper, am: Amendment) -> None:
    """A new section is placed by after_section: alone (a page only tells its heading apart);
    any other `at:` would be silently unused, so the section would land elsewhere than meant."""
    unused = scoper.scope if am.after_section is None else replace(scoper.scope, page=None)
    if unused != Scope():
        raise scoper.fail(ScopeError, msg("core.add_section_at_unused", scope=unused.describe()))


def _target_section(ix: Index, scoper: Scoper, am: Amendment) -> int:
    heading = am.value if isinstance(am.value, str) else scoper.scope.heading
    if heading is None:
        raise scoper.fail(ScopeError, msg("core.section_needs_heading", op=am.op))
    return _section_named(ix, scoper, heading)


def delete_section(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    s = _target_section(ix, scoper, am)
    span = subtree(ix.program, s)
    return [Edit("delete_block", am, container=TOP, index=k,
                 writes=((Address.section(k), None), (Address.heading(k), None))) for k in reversed(span)]


def replace_section_text(ix: Index, am: Amendment, scoper: Scoper, anchors: Anchors) -> list[Edit]:
    s = _target_section(ix, scoper, am)
    refuse_unpaired_blocks(scoper, am.value)
    _check_new_pages(ix, scoper, am.value, ix.program.sections[s].page, s + 1)
    here = Address.section(s)
    return [Edit("replace_blocks", am, container=here, new=am.value, writes=((here, None),))]


def _check_new_pages(ix: Index, scoper: Scoper, blocks: Any, first: int, following: int) -> None:
    """New content before section `following` keeps the pages in order (see model.new_pages_problem)."""
    sections = ix.program.sections
    problem = new_pages_problem(blocks, first, sections[following].page if following < len(sections) else None,
                                ix.page_count)
    if problem:
        # the message is about the new content: point at it
        raise scoper.pointing(scoper.am.op).fail(ScopeError, problem)
