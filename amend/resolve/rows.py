"""Which table row `row:` names: by its number, or by the words its first cell starts with.

A table over a page break has each row on the page it starts on (model.Table.row_pages), so a
scope with `page:` sees only the rows printed on that page. A row number there is read as the
reader of that page may count: on the page where the table starts, from its start; on a page the
table goes on to, either the rows printed on that page (under the header row repeated at its top,
as Word's "repeat as header row" prints it, or from the top of the page) or the table's rows from
its start. A reading whose row is not printed on that page is no reading of the amendment; where
both name a row there and not the same one, the number is refused: the row's words say which.
A row named by its words that is printed on another page is refused, naming that page ("raden
”Rakel” står på sidan 8, under rubriken ”Mål”, rad 3, inte på sidan 7").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..address import Address
from ..errors import AmbiguousAnchor, AmendError, ScopeError
from ..messages import Msg, msg
from ..model import Table, ordinal_words
from ..text import starts_with_words
from ..tree import block_page, get
from .index import listed, opening

if TYPE_CHECKING:
    from .index import Index
    from .scope import Scoper

Row = tuple[Address, int]  # a table (its address) and a body row of it (1 = first under the header)


def pick_rows(sc: Scoper, units: list[int]) -> set[Row]:
    """The rows `row:` names among the tables that `units` (the table units in scope) are in."""
    layouts = [lay for lay in dict.fromkeys(sc.ix.units[i].layout for i in units) if lay is not None]
    if isinstance(sc.scope.row, str):
        return _named(sc, layouts, sc.scope.row)
    return _numbered(sc, layouts, int(sc.scope.row or 0))


def table_pages(ix: Index, layout: Address) -> tuple[Table, int, tuple[int, ...]]:
    """A table, the page it starts on and the page of each of its body rows."""
    table = get(ix.program, layout)
    assert isinstance(table, Table)
    start = block_page(ix.program, layout.top_block)
    return table, start, table.pages_of_rows(start)


# ---------------------------------------------------------------- by number


def _numbered(sc: Scoper, layouts: list[Address], n: int) -> set[Row]:
    wanted = {(lay, r) for lay in layouts if (r := _counted(sc, lay, n)) is not None}
    if not wanted:
        raise _missing(sc, layouts, n)
    return wanted


def _counted(sc: Scoper, layout: Address, n: int) -> int | None:
    """The body row that number `n` names in one table on the scope's page; None: none there.

    On a page the table goes on to, `n` may count the rows printed on that page (under its
    repeated header row, or from the top of the page) or the table's rows from its start: a
    reading whose row is not on the page is none; two that name different rows are refused."""
    _, start, pages = table_pages(sc.ix, layout)
    page = sc.scope.page
    whole = n if n <= len(pages) and (page is None or pages[n - 1] == page) else None
    if page is None or page <= start:
        return whole
    on_page = [r + 1 for r, p in enumerate(pages) if p == page]
    here = on_page[n - 1] if n <= len(on_page) else None
    if whole is not None and here is not None and whole != here:
        raise _row_count_unclear(sc, layout, n, start, here, whole)
    return here or whole


def _row_count_unclear(sc: Scoper, layout: Address, n: int, start: int, here: int, whole: int) -> AmendError:
    return sc.fail(AmbiguousAnchor, msg("core.row_count_unclear", n=ordinal_words(n), page=sc.scope.page, start=start,
                                        here=_row_name(sc.ix, layout, here), whole=_row_name(sc.ix, layout, whole)))


def _row_name(ix: Index, layout: Address, row: int) -> Msg:
    """A row by its first words, for a message."""
    first = _row_starts(ix, layout).get(row)
    return msg("core.quoted_name", name=opening(ix.units[first].text)) if first is not None \
        else msg("core.where.row", row=row)


def _missing(sc: Scoper, layouts: list[Address], n: int) -> AmendError:
    """No table in scope has row `n` there: say the page it is on, or how many rows there are."""
    scope = sc.scope_words("row")
    counts = []
    for lay in layouts:
        _, start, pages = table_pages(sc.ix, lay)
        if sc.scope.page is not None and sc.scope.page <= start and n <= len(pages):
            return sc.fail(ScopeError, msg("core.row_on_page", row=n, on=pages[n - 1], scope=scope))
        counts.append(sum(1 for p in pages if sc.scope.page is None or p == sc.scope.page))
    return sc.fail(ScopeError, msg("core.row_missing", row=n, scope=scope, count=max(counts, default=0)))


# ---------------------------------------------------------------- by its words


def _named(sc: Scoper, layouts: list[Address], words: str) -> set[Row]:
    """The one row of the tables in scope, on the scope's page, whose first cell starts with `words`."""
    named = [found for lay in layouts for found in _rows_starting(sc.ix, lay, words)]
    here = [(lay, r) for lay, r, page in named if sc.scope.page is None or page == sc.scope.page]
    if len(here) == 1:
        return set(here)
    raise _rows_repeated(sc, words, here) if here else _no_row_named(sc, layouts, words, named)


def _rows_repeated(sc: Scoper, words: str, here: list[Row]) -> AmendError:
    places = listed([_row_place(sc.ix, lay, r) for lay, r in here[:5]])
    return sc.fail(AmbiguousAnchor, msg("core.row_named_repeated", count=len(here), scope=sc.scope_words("row"),
                                        name=words, places=places))


def _no_row_named(sc: Scoper, layouts: list[Address], words: str, named: list[tuple[Address, int, int]]) -> AmendError:
    elsewhere = named or [found for lay in _all_tables(sc.ix) for found in _rows_starting(sc.ix, lay, words)]
    if elsewhere:
        places = listed([_row_place(sc.ix, lay, r) for lay, r, _ in elsewhere[:5]])
        return sc.fail(ScopeError, msg("core.row_elsewhere", name=words, places=places, scope=sc.scope_words("row")))
    return _rows_there(sc, layouts, words)


def _rows_there(sc: Scoper, layouts: list[Address], words: str) -> AmendError:
    """No row in scope or elsewhere starts with `words`: the rows there are, by their opening words."""
    openings = _openings(sc.ix, layouts, sc.scope.page)[:6]
    rows = listed([msg("core.quoted_name", name=opening(t)) for t in openings], "core.comma")
    return sc.fail(ScopeError, msg("core.row_not_named", scope=sc.scope_words("row"), name=words,
                                   rows=rows or msg("core.none")))


def _row_starts(ix: Index, layout: Address) -> dict[int, int]:
    """{body row: its first unit} of a table (the text of its first cell that has any)."""
    out: dict[int, int] = {}
    for i, u in enumerate(ix.units):
        if u.layout == layout and u.row and u.row not in out:
            out[u.row] = i
    return out


def _rows_starting(ix: Index, layout: Address, words: str) -> list[tuple[Address, int, int]]:
    """(table, row, its page) of each body row whose first cell starts with `words`."""
    return [(layout, r, ix.units[i].page) for r, i in _row_starts(ix, layout).items()
            if starts_with_words(ix.units[i].text, words, ix.folded(i))]


def _row_place(ix: Index, layout: Address, row: int) -> Msg | str:
    """'page 8, under 'Mål', row 3': where a row is printed."""
    u = ix.units[_row_starts(ix, layout)[row]]
    heading = ix.program.sections[u.section].heading
    return listed([msg("core.where.page", page=u.page), msg("core.where.heading", heading=heading),
                   msg("core.where.row", row=row)], "core.comma")


def _all_tables(ix: Index) -> list[Address]:
    """Every table of the program (its address), in order."""
    return [lay for lay in dict.fromkeys(u.layout for u in ix.units if u.row is not None) if lay is not None]


def _openings(ix: Index, layouts: list[Address], page: int | None) -> list[str]:
    """The first words of each row of the tables in scope, on the page (if one is given)."""
    return [ix.units[i].text for lay in layouts for i in _row_starts(ix, lay).values()
            if page is None or ix.units[i].page == page]
