"""Property: for any program and any edits of it, accept-all of the redline is
the edited program's DOCX and reject-all the original's, paragraph by paragraph."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from ooxml import assert_recovers, assert_well_formed_revisions

from amend.diff import diff_programs
from amend.model import Cell, Column, Columns, ListBlock, Meta, Paragraph, Program, Section, Table
from amend.render.docx import DocxWriter
from amend.render.redline_docx import RedlineWriter

WORDS = ["kommunen", "arbetet", "stöd", "barn", "samverkan", "ska", "och", "i", "för", "med", "våld", "skolan",
         "a<b", "R&D", "2025–2027", "t.ex.", "mål,"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)
text = words.map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.builds(Paragraph, text)
items = st.lists(text, min_size=1, max_size=4).map(tuple)
list_block = st.builds(ListBlock, items, st.booleans())
cell = st.lists(st.one_of(paragraph, list_block), max_size=2).map(lambda bs: Cell(tuple(bs)))


@st.composite
def table(draw):
    width = draw(st.integers(1, 3))
    row = st.lists(cell, min_size=width, max_size=width).map(tuple)
    header = draw(st.one_of(st.just(()), row))
    return Table(header, tuple(draw(st.lists(row, min_size=1, max_size=3))))


column = st.builds(Column, st.one_of(st.none(), text), st.lists(st.one_of(paragraph, list_block), max_size=3).map(tuple))
columns = st.lists(column, min_size=1, max_size=3).map(lambda cs: Columns(tuple(cs)))
block = st.one_of(paragraph, paragraph, list_block, table(), columns)


@st.composite
def program(draw):
    sections, page = [], 1
    for _ in range(draw(st.integers(1, 5))):
        page += draw(st.integers(0, 2))
        blocks = []
        for b in draw(st.lists(block, max_size=4)):
            step = draw(st.sampled_from([0, 0, 0, 1, 2]))
            if step:
                page += step
                b = replace(b, page=page)
            blocks.append(b)
        sections.append(Section(draw(st.sampled_from(["Inledning", "Mål", "Ansvar", "Uppföljning"])),
                                draw(st.integers(1, 2)), page, tuple(blocks)))
    return Program(Meta("p", "Program", "proposed", organisation="Kommunen", date="2025-01-01"), tuple(sections))


# ---------------------------------------------------------------- random edits


def _edit_text(data, t: str) -> str:
    ws = t.rstrip(".").split(" ")
    k = data.draw(st.integers(0, len(ws) - 1))
    how = data.draw(st.sampled_from(["replace", "insert", "delete"]))
    new = data.draw(st.sampled_from(WORDS))
    if how == "replace":
        ws[k] = new
    elif how == "insert":
        ws.insert(k, new)
    elif len(ws) > 1:
        del ws[k]
    return " ".join(ws) + "."


def _edit_seq(data, seq, edit_one, new_one, keep_one=False):
    """Keep, edit or delete each element and insert new ones between."""
    out = []
    for x in seq:
        if data.draw(st.integers(0, 5)) == 0:
            out.append(data.draw(new_one))
        action = data.draw(st.sampled_from(["keep", "keep", "keep", "edit", "delete"]))
        if action == "edit":
            out.append(edit_one(x))
        elif action == "keep":
            out.append(x)
    if data.draw(st.integers(0, 4)) == 0:
        out.append(data.draw(new_one))
    if keep_one and not out:
        out.append(data.draw(new_one))
    return out


def _edit_block(data, b):
    if isinstance(b, Paragraph):
        return replace(b, text=_edit_text(data, b.text))
    if isinstance(b, ListBlock):
        return replace(b, items=tuple(_edit_seq(data, b.items, lambda t: _edit_text(data, t), text, keep_one=True)))
    if isinstance(b, Table):
        def edit_row(row):
            return tuple(Cell(tuple(_edit_blocks(data, c.blocks, inner=True))) for c in row)
        width = max(len(r) for r in (b.header,) + b.rows)
        new_row = st.lists(cell, min_size=width, max_size=width).map(tuple)
        return replace(b, header=edit_row(b.header) if b.header else (),
                       rows=tuple(_edit_seq(data, b.rows, edit_row, new_row, keep_one=True)))
    heads = [data.draw(st.sampled_from([c.heading, c.heading, None, "Ny rubrik"])) for c in b.columns]
    return replace(b, columns=tuple(Column(h, tuple(_edit_blocks(data, c.blocks, inner=True)))
                                    for h, c in zip(heads, b.columns)))


def _edit_blocks(data, blocks, inner=False):
    out = _edit_seq(data, blocks, lambda b: _edit_block(data, b),
                    st.one_of(paragraph, list_block) if inner else block)
    if not inner:  # a page break may come or go
        out = [replace(b, page=None) if b.page and data.draw(st.integers(0, 3)) == 0 else b for b in out]
    return out


def _edit_program(data, p: Program) -> Program:
    sections = _edit_seq(data, p.sections,
                         lambda s: replace(s, blocks=tuple(_edit_blocks(data, s.blocks)),
                                           heading=data.draw(st.sampled_from([s.heading, s.heading, "Ny rubrik"]))),
                         st.builds(Section, st.just("Tillagt"), st.just(2), st.just(1), st.lists(paragraph, max_size=2)
                                   .map(tuple)))
    pages = [s.page for s in p.sections]
    sections = [replace(s, page=max(s.page, min(pages))) for s in sections]
    for k in range(1, len(sections)):  # pages never run backwards
        if sections[k].page < sections[k - 1].page:
            sections[k] = replace(sections[k], page=sections[k - 1].page)
    meta = replace(p.meta, version=data.draw(st.sampled_from(["proposed", "adopted"])), status="Antagen")
    return Program(meta, tuple(sections))


def _recovers(old, data, structure: bool) -> None:
    new = _edit_program(data, old)
    note(f"new={new!r}")
    docx = RedlineWriter(diff_programs(old, new)).render()  # not saved: the XML is all that is checked
    assert_recovers(docx, old=DocxWriter(old).render(), new=DocxWriter(new).render(), structure=structure)
    assert_well_formed_revisions(docx)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(program(), st.data())
def test_accept_all_and_reject_all_recover_both_programs_text(old, data):
    _recovers(old, data, structure=False)


# Known: a column whose heading is deleted while the column stays (a three-column part) leaves, in
# Word's reading (tests/ooxml.py), an empty paragraph with the heading's style (Heading4, not Normal).
# The words are exact (above). Found again on 4 December 2026 with 3,000 examples; the case this
# marker was first written for (the body's last section, ending in a table, deleted) is fixed and
# kept below as test_a_last_section_ending_in_a_table_deleted_keeps_the_paragraph_before_it.
@pytest.mark.xfail(strict=False, reason="an empty paragraph keeps a deleted column heading's style (Word's reading)")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(program(), st.data())
def test_accept_all_and_reject_all_recover_both_programs(old, data):
    _recovers(old, data, structure=True)


_META = Meta(id="p", title="Program", version="proposed", organisation="Kommunen", language="sv", date="2025-01-01")
_TABLE = Table(header=(), rows=((Cell((Paragraph("I cellen."),)),),))


@pytest.mark.parametrize("before", [Section("Inledning", 1, 1, ()),
                                    Section("Mål", 1, 1, (Paragraph("Text."), ListBlock(("punkt ett", "punkt två"))))],
                         ids=["a heading", "a list item"])
def test_a_last_section_ending_in_a_table_deleted_keeps_the_paragraph_before_it(before):
    """Found by the property above: the body's last section, ending in a table, deleted whole. The
    paragraph before it ends the document on Accept All by joining the final paragraph (the one
    Word puts after a table, made real); in Word's reading the joined paragraph has that mark's
    properties, so it must carry the paragraph's own: the heading stayed a heading, the last item
    an item (they became Normal). LibreOffice keeps an empty paragraph there, of the same look."""
    old = Program(_META, (before, Section("Inledning", 1, 1, (Paragraph("Kommunen."), _TABLE))))
    new = Program(replace(_META, status="Antagen"), (before,))
    docx = RedlineWriter(diff_programs(old, new)).render()
    assert_recovers(docx, old=DocxWriter(old).render(), new=DocxWriter(new).render(), structure=True)
    assert_well_formed_revisions(docx)


@pytest.mark.parametrize("kept, added", [(ListBlock(("punkt ett", "punkt två"), ordered=True),
                                          ListBlock(("punkt ett", "punkt två", "punkt tre"), ordered=True)),
                                         (Paragraph("Text ett."), Paragraph("Text två."))],
                         ids=["an item", "a paragraph"])
def test_text_added_before_a_deleted_last_section_ending_in_a_table_stays_its_own_paragraph(kept, added):
    """Review 16: with the last section (ending in a table) deleted and an item or paragraph added
    at the end of the section before it, Accept All joined the new text onto the one before it
    ("punkt tvåpunkt tre") in Word's reading, LibreOffice and pandoc alike."""
    blocks = (added,) if isinstance(added, ListBlock) else (kept, added)
    old = Program(_META, (Section("Mål", 1, 1, (kept,)), Section("Bilaga", 1, 1, (Paragraph("Kommunen."), _TABLE))))
    new = Program(replace(_META, status="Antagen"), (Section("Mål", 1, 1, blocks),))
    docx = RedlineWriter(diff_programs(old, new)).render()
    assert_recovers(docx, old=DocxWriter(old).render(), new=DocxWriter(new).render(), structure=True)
    assert_well_formed_revisions(docx)
