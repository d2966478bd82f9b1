"""The own-layout redline in LibreOffice over UNO, session 16: the body's last section, ending in a
table, deleted, with the paragraph before it kept (a heading, the last item of a list) or with an
item or paragraph added after it.

Accept All must read as the adopted DOCX and Reject All as the proposal, paragraph by paragraph
(text, paragraph style, list label). LibreOffice keeps the empty paragraph after the table that
ends both sides (Word, in tests/ooxml.py's reading, joins the last kept paragraph into it): it is
left out of the comparison and pinned on its own: empty, with the look of the paragraph before it.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_inplace7 import _lo

from amend.diff import diff_programs
from amend.model import Cell, ListBlock, Meta, Paragraph, Program, Section, Table
from amend.render.docx import DocxWriter
from amend.render.docx_package import save
from amend.render.redline_docx import RedlineWriter

pytestmark = pytest.mark.real_clients

META = Meta(id="p", title="Program", version="proposed", organisation="Kommunen", language="sv", date="2025-01-01")
TABLE = Table(header=(), rows=((Cell((Paragraph("I cellen."),)),),))
ITEMS = ListBlock(("punkt ett", "punkt två"), ordered=True)
CASES = {  # the section before the deleted one: as proposed, as adopted
    "heading kept": ((), ()),
    "list kept": ((ITEMS,), (ITEMS,)),
    "item added": ((ITEMS,), (ListBlock(ITEMS.items + ("punkt tre",), ordered=True),)),
    "paragraph added": ((Paragraph("Text ett."),), (Paragraph("Text ett."), Paragraph("Text två."))),
}


def _seen(dump: dict) -> list[tuple[str, str, str]]:
    return [(p["text"], p["style"], p["label"]) for p in dump["paragraphs"]]


def _written(tmp_path: Path, name: str, doc) -> Path:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(save(doc, datetime(2025, 1, 1, tzinfo=timezone.utc), "Program", "Kommunen"))
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_last_section_ending_in_a_table_deleted(tmp_path, case):
    before, after = CASES[case]
    old = Program(META, (Section("Mål", 1, 1, before), Section("Bilaga", 1, 1, (Paragraph("Kommunen."), TABLE))))
    new = Program(replace(META, status="Antagen"), (Section("Mål", 1, 1, after),))
    red = _written(tmp_path, "redline", RedlineWriter(diff_programs(old, new)).render())
    accepted, rejected, adopted, proposal = _lo([(red, "accept"), (red, "reject"),
                                                 (_written(tmp_path, "adopted", DocxWriter(new).render()), ""),
                                                 (_written(tmp_path, "proposal", DocxWriter(old).render()), "")])
    last_style = _seen(adopted)[-1][1]
    for got, want in ((_seen(accepted), _seen(adopted)), (_seen(rejected), _seen(proposal))):
        assert got[:-1] == want  # the texts, styles and list labels, in order
        assert got[-1][:2] == ("", last_style)  # LibreOffice's extra paragraph: empty, the adopted end's look
