"""The council's own Word file: words inserted next to a line break (w:br) inside a paragraph.

The importer reads a line break as a space, so "polisen⏎och regionen" is the text "polisen och
regionen"; inserting "och tullen" after "polisen" must write the words on the line of
"polisen", before the break, and not at the start of the next line (the same text, another
page). The adopted and redline DOCX are looked at in their XML, and in LibreOffice over UNO
(Accept All of the redline reads as the adopted file, Reject All as the proposal).
"""
from __future__ import annotations

from pathlib import Path

from test_inplace7 import _lo, _seen
from test_source_docx import _applied, _imported
from test_word_review5 import W, _body, _patch


def _proposal(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("Samverkan", level=1)
    p = doc.add_paragraph()
    p.add_run("Arbetet sker i samverkan med polisen").add_break()
    p.add_run("och regionen deltar också.")
    doc.add_paragraph("Ett andra stycke om arbetet.")
    path = tmp_path / "source" / "plan.docx"
    path.parent.mkdir()
    doc.save(str(path))
    return path


def _lines(p) -> list[str]:
    """The paragraph's text as Word shows it, split at its line breaks (deleted text left out)."""
    out = [""]
    for el in p.iter(f"{W}t", f"{W}br"):
        if el.tag == f"{W}br":
            out.append("")
        elif el.getparent().getparent().tag != f"{W}del":
            out[-1] += el.text or ""
    return out


def _broken(body):
    return next(p for p in body.iter(f"{W}p") if p.find(f".//{W}br") is not None)


def test_words_after_the_text_before_a_line_break_stay_on_its_line(amend, tmp_path):
    program = _imported(amend, tmp_path, _proposal(tmp_path), "plan")
    patch = _patch("plan", "{id: a1, at: {heading: Samverkan}, after: med polisen, insert: och tullen}")
    adopted, redline, _ = _applied(amend, tmp_path, program, patch)
    expected = ["Arbetet sker i samverkan med polisen och tullen", "och regionen deltar också."]
    assert _lines(_broken(_body(adopted))) == expected
    tracked = _broken(_body(redline))
    assert _lines(tracked) == expected
    (ins,) = tracked.iter(f"{W}ins")
    assert "".join(t.text for t in ins.iter(f"{W}t")) == " och tullen"
    assert ins.getnext().find(f"{W}br") is not None  # the inserted words come before the break
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (tmp_path / "plan.docx", "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)


def test_words_before_the_text_after_a_line_break_stay_on_its_line(amend, tmp_path):
    program = _imported(amend, tmp_path, _proposal(tmp_path), "plan")
    patch = _patch("plan", "{id: a1, at: {heading: Samverkan}, before: och regionen, insert: även}")
    adopted, _, _ = _applied(amend, tmp_path, program, patch)
    assert _lines(_broken(_body(adopted))) == ["Arbetet sker i samverkan med polisen",
                                                "även och regionen deltar också."]
