"""The council's own Word file, session 8 (clients): a part between two section breaks (trygghetsplan.docx's
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


# ---------------------------------------------------------------- review 7, 6a: a new section before a page break

PLAN7 = Path(__file__).resolve().parent / "fixtures" / "inplace7" / "plan.docx"
NEW_SECTION = ("{id: a1, add_section: {heading: Ny del, level: 1, content: [Ny text., {bullets: [Ett, Två]}]}, "
               "after_section: Inledning}")


def test_a_new_section_before_the_page_break_paragraph_leaves_no_heading_on_reject_all(amend, tmp_path):
    """Inledning (with Mål) ends right before the empty paragraph holding a page break: each new
    paragraph with its own inserted mark records, in w:pPrChange, the look of the old paragraph it
    joins on Reject All; LibreOffice kept the new heading's style on that empty paragraph."""
    program = _imported(amend, tmp_path, PLAN7, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", NEW_SECTION))
    heading = next(p for p in _body(redline).iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}t")) == "Ny del")
    assert heading.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle").get(f"{W}val") == "Normal"
    accepted, rejected, adopted_lo, source_lo = _lo([(redline, "accept"), (redline, "reject"), (adopted, ""),
                                                    (PLAN7, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert "Heading 1" not in [style for text, style, *_ in _seen(rejected) if not text]


# ---------------------------------------------------------------- review 7, M1: a word replaced, then put back

G1 = ["{id: a1, at: {heading: Inledning, paragraph: 1}, replace: upp årligen av, with: upp varje år av}",
      "{id: a2, at: {heading: Uppföljning}, replace: anmälda brott per, with: brott per}"]
G2 = """program: plan
base: adopted
produces: again
decision: {body: Kommunfullmäktige, date: "2026-01-13", paragraph: § 3}
amendments:
  - {id: b1, at: {heading: Inledning, paragraph: 1}, replace: varje år, with: årligen}
  - {id: b2, at: {heading: Uppföljning}, after: Antal, insert: anmälda}
"""


def test_a_word_replaced_and_put_back_in_one_run_shows_no_change(amend, tmp_path):
    """Both decisions in one run: the redline marks nothing where the second put back the word
    the first replaced (it struck "årligen" and added "årligen"), and LibreOffice's Accept and
    Reject All are the adopted file and the proposal."""
    program = _imported(amend, tmp_path, PLAN7, "plan")
    (tmp_path / "g1.yaml").write_text(_patch("plan", *G1), encoding="utf-8")
    (tmp_path / "g2.yaml").write_text(G2, encoding="utf-8")
    res = amend("apply", program, tmp_path / "g1.yaml", tmp_path / "g2.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    adopted, redline = tmp_path / "out" / "plan.again.docx", tmp_path / "out" / "plan.again.redline.docx"
    first = next(p for p in _body(redline).iter(f"{W}p") if "Arbetet följs upp" in "".join(p.itertext()))
    assert first.find(f".//{W}ins") is None and first.find(f".//{W}del") is None
    html = (tmp_path / "out" / "plan.again.redline.html").read_text(encoding="utf-8")
    assert "upp årligen av nämnden" in html and "<del" not in html.split("Arbetet följs upp")[1].split("</p>")[0]
    accepted, rejected, adopted_lo, source_lo = _lo([(redline, "accept"), (redline, "reject"), (adopted, ""),
                                                    (PLAN7, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
