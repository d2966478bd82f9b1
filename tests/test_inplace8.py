"""The council's own Word file, session 8: a part between two section breaks (trygghetsplan.docx's
three-column part) whose every paragraph is deleted goes with its section break (review 7, #3).

LibreOffice over UNO reads what is written: Accept All of the redline must be the adopted file
and Reject All the proposal, paragraph by paragraph (text, style, list label).
"""
from __future__ import annotations

from pathlib import Path

from test_inplace7 import _lo, _seen
from test_source_docx import _applied, _imported
from test_word_review5 import W, _body, _patch

TRYGG = Path(__file__).resolve().parent / "fixtures" / "inplace" / "trygghetsplan.docx"
EMPTIED = ["{id: a1, at: {heading: Ansvar}, delete_paragraph: Kommunstyrelsen leder}",
           "{id: a2, at: {heading: Ansvar}, delete_paragraph: Nämnderna}",
           "{id: a3, at: {heading: Ansvar}, delete_paragraph: Förvaltningarna}"]


def _columns(path: Path) -> list[str]:
    """The w:cols w:num of every section break of the body, in order ("1" when not set)."""
    return [cols.get(f"{W}num", "1") for cols in _body(path).iter(f"{W}cols")]


def test_an_emptied_three_column_part_goes_with_its_section_break(amend, tmp_path):
    program = _imported(amend, tmp_path, TRYGG, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("trygghetsplan", *EMPTIED))
    assert "3" in _columns(TRYGG) and "3" not in _columns(adopted)  # not an empty three-column part
    brk = next(c.getparent().getparent().getparent() for c in _body(redline).iter(f"{W}cols") if c.get(f"{W}num") == "3")
    assert brk.find(f"{W}pPr/{W}rPr/{W}del") is not None  # the section break is a tracked deletion
    accepted, rejected, adopted_lo, source_lo = _lo([(redline, "accept"), (redline, "reject"), (adopted, ""),
                                                    (TRYGG, "")])
    texts = [t for t, *_ in _seen(adopted_lo)]
    assert texts[texts.index("Ansvar") + 1] == "Uppföljning"  # no empty paragraph left between
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)


def test_a_part_with_a_paragraph_left_keeps_its_section_break(amend, tmp_path):
    program = _imported(amend, tmp_path, TRYGG, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("trygghetsplan", *EMPTIED[:2]))
    assert _columns(adopted) == _columns(TRYGG)
    assert not [c for c in _body(redline).iter(f"{W}sectPr") if c.getparent().find(f"{W}rPr/{W}del") is not None]
