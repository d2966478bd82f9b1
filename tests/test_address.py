"""amend.address: addresses as values — building, reading, order, round trip, words in sv and en."""
from __future__ import annotations

import pytest
from conftest import CASE_PROGRAM, CASES, PATCH, PROGRAM
from hypothesis import given
from hypothesis import strategies as st

from amend.address import TOP, Address, from_tuple, heading, section, to_tuple
from amend.apply import apply_patches
from amend.diff import diff_programs
from amend.load import load_patch, load_program
from amend.tree import describe, get, iter_units


def test_the_forms_spell_the_steps_diff_and_redline_still_write():
    assert section(2).block(1).cell(0, 3).block(0) == (2, 1, "row", 0, 3, 0)
    assert section(2).block(1).column(2).block(0).item(3) == (2, 1, "col", 2, 0, "item", 3)
    assert heading(4) == ("h", 4)
    assert TOP.end() == ("+",) and section(1).end() == (1, "+")
    assert section(0).block(5).items() == (0, 5, "item")
    assert section(0).block(5).row(2) == (0, 5, "row", 2) and section(0).block(5).rows() == (0, 5, "row")
    assert section(0).block(5).rows().owner == section(0).block(5)
    assert Address.title(1) == ("title", 1)
    assert section(0).block(5).column_heading(2) == (0, 5, "col", 2, "heading")
    # equal and hashed as the plain tuple: one dict serves both forms
    assert {(0, 1): "x"}[section(0).block(1)] == "x"


def test_parent_child_and_container():
    item = section(7).block(2).column(2).block(0).item(3)
    assert item.parent == section(7).block(2).column(2).block(0)  # the list
    assert item.container == section(7).block(2).column(2).block(0).items()
    assert item.container.owner == item.parent
    assert TOP.depth == 0 and item.depth == 7 and item.parent.depth == 5
    assert item.position == 3 and item.is_item and item.block_address == item.parent
    assert item.parent.parent == section(7).block(2).column(2)  # the column holds the list
    assert item.parent.parent.parent == section(7).block(2)  # the columns block holds the column
    assert section(0).block(1).cell(2, 1).parent == section(0).block(1)  # a cell's table
    assert section(0).block(1).row(2).parent == section(0).block(1)
    assert section(3).parent == TOP and heading(3).parent == section(3) and Address.title(0).parent == TOP
    assert section(0).block(2).column_heading(1).parent == section(0).block(2).column(1)
    assert item.within(section(7).block(2)) and not section(7).block(2).within(item)
    assert item.related(section(7)) and section(7).related(item)
    assert not heading(7).related(section(7))  # a heading is not inside its section's blocks
    assert item.top_block == section(7).block(2)
    assert item.section_index == 7 and heading(4).section_index == 4
    assert TOP.section_index is None and TOP.end().section_index is None
    assert section(2).block(4).sibling(5) == section(2).block(5)
    assert section(2).block(1).below((3, "item", 0)) == (2, 1, 3, "item", 0)
    assert section(2).block(1).below(("h",)) == ("h", 2, 1)


def test_document_order():
    ordered = [Address.title(0), Address.title(1), section(0), heading(0), section(0).block(0), section(0).block(0).item(0),
               section(0).block(0).item(1), section(0).block(1), section(0).block(1).column(0),
               section(0).block(1).column_heading(0), section(0).block(1).column(0).block(0), section(0).block(1).column(1),
               section(0).end(), section(1), heading(1), section(1).block(0), TOP.end()]
    shuffled = list(reversed(ordered))
    assert sorted(shuffled) == ordered
    assert sorted(shuffled, key=Address.sort_key) == ordered
    # the addresses below one sort right after it (apply's conflict sweep relies on this)
    keys = sorted(a.sort_key() for a in ordered)
    below = [k for k in keys if k[: len(section(0).block(1).sort_key())] == section(0).block(1).sort_key()]
    assert len(below) == 5


def test_round_trip_and_malformed_tuples():
    for steps in [(0,), ("h", 3), (0, 1, "row", 1, 2, 0), (0, 1, "col", 2, 0, "item", 3), (0, 1, "item"),
                  (0, "+"), ("+",), (), (0, 1, "row", 2), ("title", 0), (0, 1, "col", 2, "heading"), (0, 1, "row")]:
        address = from_tuple(steps)
        assert isinstance(address, Address) and to_tuple(address) == steps and type(to_tuple(address)) is tuple
    for bad in [("col", 1), (0, "item", 1, 2), (0, "col"), ("h",), (0, "+", 1), (0, "x", 1), ("h", 1, 2), ("title",), (0, 1, "col", 2, "heading", 0)]:
        with pytest.raises(ValueError, match="not an address"):
            from_tuple(bad)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "page 8, third column, item 4"),
    ("sv", "sidan 8, tredje kolumnen, punkt 4"),
])
def test_words_in_both_languages(lang, expected):
    assert section(7).block(2).column(2).block(0).item(3).describe(page=8).render(lang) == expected


@pytest.mark.parametrize(("address", "en", "sv"), [
    (section(0).block(1).cell(2, 0).block(0), "section 1, row 2, 1st column, part 1",
     "avsnitt 1, rad 2, första kolumnen, del 1"),
    (section(0).block(1).cell(0, 1), "section 1, header row, 2nd column", "avsnitt 1, rubrikraden, andra kolumnen"),
    (section(0).block(1).row(3), "section 1, row 3", "avsnitt 1, rad 3"),
    (section(0).block(1).row(0), "section 1, header row", "avsnitt 1, rubrikraden"),
    (heading(2), "section 3, the heading", "avsnitt 3, rubriken"),
    (section(1).end(), "section 2, at the end", "avsnitt 2, sist"),
    (TOP, "the whole program", "hela programmet"),
    (Address.title(1), "title line 2", "titelrad 2"),
    (section(0).block(2).column_heading(1), "section 1, the heading of the 2nd column",
     "avsnitt 1, rubriken i andra kolumnen"),
])
def test_words_of_each_form(address, en, sv):
    assert address.describe().render("en") == en.replace("1st", "first").replace("2nd", "second")
    assert address.describe().render("sv") == sv


def test_words_from_the_program_name_its_page_and_heading():
    program = load_program(PROGRAM)
    in_column = next(u for u in iter_units(program) if u.column == 3 and u.what == "item")
    heading_text = program.sections[in_column.section].heading
    assert describe(program, in_column.path).render("sv") == (
        f"sidan {in_column.page}, under rubriken ”{heading_text}”, tredje kolumnen, "
        f"punkt {in_column.path.position + 1}")
    assert describe(program, in_column.path).render("en").startswith(f"page {in_column.page}, under '")
    assert get(program, in_column.path) == in_column.text


def test_every_unit_address_is_well_formed_and_gets_its_text():
    program = load_program(PROGRAM)
    for unit in iter_units(program):
        assert from_tuple(unit.path.to_tuple()) == unit.path
        node = get(program, unit.path)
        assert (node if isinstance(node, str) else node.text) == unit.text


_index = st.integers(min_value=0, max_value=30)
_part = st.one_of(
    st.tuples(st.just("block"), _index),
    st.tuples(st.just("column"), _index),
    st.tuples(st.just("cell"), _index, _index),
)


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    address = section(draw(_index)).block(draw(_index))
    for part in draw(st.lists(_part, max_size=4)):
        if part[0] == "column":
            address = address.column(part[1]).block(draw(_index))
        elif part[0] == "cell":
            address = address.cell(part[1], part[2]).block(draw(_index))
        else:
            address = address.block(part[1])
    return address.item(draw(_index)) if draw(st.booleans()) else address


@given(addresses())
def test_property_round_trip_and_parent(address):
    assert from_tuple(tuple(address)) == address
    assert address.within(address.parent) and address.parent != address
    assert address.parent.sort_key() < address.sort_key()
    assert address.container.sort_key() < address.sort_key() < address.container.end().sort_key()
    assert address.describe().render("sv") and address.describe().render("en")


@given(addresses(), addresses())
def test_property_order_is_total_and_agrees_with_within(a, b):
    assert (a < b) + (b < a) + (a == b) == 1
    if a.within(b):
        assert b <= a


def _redline_addresses(old, new) -> list:
    red = diff_programs(old, new)
    written = [*red.sides, *red.segments, *red.pages, *red.matched, *red.matched.values()]
    for change in red.changes:
        written += [p for p in (change.path, change.old, change.new) if p is not None] + list(change.replaces)
        written += [change.at[0]] if change.at else []
    return written


def test_every_address_the_redline_writes_is_an_address():
    # diff.py still spells addresses as tuples (the compatibility path): each must read as an Address
    pairs = [(load_program(PROGRAM), [load_patch(PATCH)])]
    pairs += [(load_program(CASE_PROGRAM), [load_patch(case / "patch.yaml")])
              for case in sorted(CASES.iterdir()) if (case / "expected.yaml").exists()]
    written = []
    for old, patches in pairs:
        written += _redline_addresses(old, apply_patches(old, patches)[0])
    assert {len(steps) for steps in written} >= {2, 3, 4}
    for steps in written:
        assert from_tuple(steps) == steps
