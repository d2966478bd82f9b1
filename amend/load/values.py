"""Values the schema cannot judge: blank texts, dates, page order (whatever amend writes must itself load)."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from itertools import chain
from typing import Any

from .. import limits
from ..messages import msg
from ..text import is_blank

# ---------------------------------------------------------------- values the schema cannot judge
#
# The rule behind these: whatever amend writes must itself load and validate.
# A text of only spaces is cleaned to nothing, so it would add an empty
# paragraph, item or heading (which no program may hold), or quote nothing.


_blank = is_blank


_ANCHOR_KEYS = ("after", "before", "replace", "delete", "after_item", "after_section", "delete_paragraph",
                "delete_item", "delete_section")
_ADDED_TEXT_KEYS = ("insert", "add_item", "add_paragraph")
_NO_ANCHOR = msg("load.value.no_anchor")


def value_problems(data: dict, kind: str, broken: Sequence[tuple] = ()):
    """(data path, message) of every value that passes the schema but cannot be
    right; sections and amendments with a schema error (a path in `broken` at,
    above or below them) are left out, as their shape is not known."""
    broken = [b for b in broken if b]  # a key missing from the file itself shapes nothing below

    def whole(path: tuple) -> bool:
        return not any(b[:len(path)] == path or path[:len(b)] == b for b in broken)

    top = "sections" if kind == "program" else "amendments"
    if not isinstance(data.get(top), list) or (top,) in broken:
        return
    entries = [(i, e) for i, e in enumerate(data[top]) if whole((top, i))]
    yield from (_program_problems if kind == "program" else _patch_problems)(data, entries, whole)


def _patch_problems(data: dict, entries: list, whole):
    yield from _date_problems(data.get("decision"), ("decision",), whole)
    for i, am in entries:
        yield from _amendment_problems(am, ("amendments", i))


def _program_problems(data: dict, entries: list, whole):
    pages: list = []
    for i, section in entries:
        path = ("sections", i)
        if _blank(section["heading"]):
            yield path + ("heading",), msg("load.value.blank_heading")
        pages.append((path + ("page",), section["page"]))
        yield from _content_problems(section.get("content") or (), path + ("content",), pages)
    yield from _page_order(pages)
    if whole(("program",)) and isinstance(data.get("program"), dict) and _blank(data["program"]["title"]):
        yield ("program", "title"), msg("load.value.blank_title")


def _amendment_problems(am: dict, path: tuple):
    yield from _blank_anchors(am, path)
    yield from _blank_texts(am, path)
    yield from _new_content_problems(am, path)


def _blank_anchors(am: dict, path: tuple) -> list:
    """Words to find that are blank: a heading, column or row of `at:`, or the operation's anchor."""
    at = am.get("at") or {}
    quoted = [(("at", k), at.get(k)) for k in ("heading", "column", "row")] + [((k,), am.get(k)) for k in _ANCHOR_KEYS]
    return [(path + where, _NO_ANCHOR) for where, value in quoted if isinstance(value, str) and _blank(value)]


def _blank_texts(am: dict, path: tuple):
    for key in _ADDED_TEXT_KEYS:
        if key in am and _blank(am[key]):
            yield path + (key,), msg("load.value.blank_text")
    if am.get("with") and _blank(am["with"]):
        yield path + ("with",), msg("load.value.blank_with")


def _new_content_problems(am: dict, path: tuple):
    """The content an add_section or replace_section_text brings, checked as a program's is."""
    if "add_section" in am:
        yield from _added_section_problems(am["add_section"], path + ("add_section",))
    if "replace_section_text" in am:
        yield from _replaced_text_problems(am["replace_section_text"], path + ("replace_section_text",))


def _added_section_problems(section: dict, path: tuple):
    if _blank(section["heading"]):
        yield path + ("heading",), msg("load.value.blank_heading")
    yield from _paged_problems(section.get("content") or (), path + ("content",))


def _replaced_text_problems(value, path: tuple):
    return _paged_problems([value] if isinstance(value, str) else value, path)


def _paged_problems(content, path: tuple):
    """The problems of a section's own blocks, then the order of their pages."""
    pages: list = []
    yield from _content_problems(content, path, pages)
    yield from _page_order(pages)


def _date_problems(decision, path: tuple, whole):
    """A date the pattern lets through but the calendar has not ("2025-02-30")."""
    if not isinstance(decision, dict) or not whole(path):
        return
    for key in ("date", "in_force"):
        value = decision.get(key)
        if isinstance(value, str) and not _on_the_calendar(value):
            yield path + (key,), msg("load.not_a_date", value=value)


def _on_the_calendar(date: str) -> bool:
    try:
        _dt.date.fromisoformat(date)
    except ValueError:
        return False
    return True


def _content_problems(content, path: tuple, pages: list | None = None):
    """Blank texts and page numbers of a list of blocks; the pages of top-level
    blocks are collected into `pages` as (path, page)."""
    for j, block in enumerate(content):
        yield from _block_problems(block, path + (j,), pages)


def _block_problems(block, here: tuple, pages: list | None):
    if isinstance(block, str):
        return [(here, msg("load.value.blank_paragraph"))] if _blank(block) else []
    if pages is not None and "page" in block:
        pages.append((here + ("page",), block["page"]))
    return chain(_text_problems(block, here), _inner_problems(block, here, pages))


def _text_problems(block: dict, here: tuple):
    """A block's blank paragraph or list items."""
    if "paragraph" in block and _blank(block["paragraph"]):
        yield here + ("paragraph",), msg("load.value.blank_paragraph")
    for key in ("bullets", "numbered"):
        yield from ((here + (key, k), msg("load.value.blank_item")) for k, item in enumerate(block.get(key) or ())
                    if _blank(item))


def _inner_problems(block: dict, here: tuple, pages: list | None):
    """The problems of a table's cells or of the columns' headings and content."""
    if "table" in block:
        yield from _table_problems(block["table"], here + ("table",), pages)
    for c, column in enumerate(block.get("columns") or ()):
        yield from _column_problems(column, here + ("columns", c))


def _column_problems(column: dict, here: tuple):
    if isinstance(column.get("heading"), str) and _blank(column["heading"]):
        yield here + ("heading",), msg("load.value.blank_column_heading")
    yield from _content_problems(column.get("content") or (), here + ("content",))


def row_cells(row) -> list:
    """A row's cells as the file has them: the row itself, or its `cells:` where it carries its page."""
    return row["cells"] if isinstance(row, dict) else row


def _table_problems(table: dict, path: tuple, pages: list | None):
    """Blank cells of a table; the pages of rows that start a new page (a top-level table's) go into `pages`."""
    cells: list[tuple[tuple, Any]] = [(("header", c), cell) for c, cell in enumerate(table.get("header") or ())]
    for r, row in enumerate(table["rows"]):
        if isinstance(row, dict) and pages is not None:
            pages.append((path + ("rows", r, "page"), row["page"]))
        where = ("rows", r, "cells") if isinstance(row, dict) else ("rows", r)
        cells += [(where + (c,), cell) for c, cell in enumerate(row_cells(row))]
    for where, cell in cells:
        if isinstance(cell, str) and cell and _blank(cell):
            yield path + where, msg("load.value.blank_cell")
        elif isinstance(cell, list):
            yield from _content_problems(cell, path + where)


def _page_order(pages: list):
    """Pages never go back, and none is beyond amend's page limit."""
    last = 0
    for path, page in pages:
        if page > limits.MAX_PAGE:
            yield path, msg("load.limit.page", page=page, limit=limits.MAX_PAGE)
            return
        if page < last:
            yield path, msg("load.value.page_back", page=page, last=last)
            return
        last = page


