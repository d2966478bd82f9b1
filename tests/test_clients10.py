"""The redline in LibreOffice over UNO, session 10 (issue 12, point 5): the paragraph marks of the
council's own Word file at a table and at the body's end, a deleted heading's look in the own
layout, and the large case's Reject All page shift, which is LibreOffice's.

LibreOffice reads what is written: Accept All of the redline must be the adopted file and Reject All
the proposal, paragraph by paragraph (text, paragraph style, list label, page break, page) and in
page count; pandoc's accept/reject the same paragraph texts.
"""
from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from test_clients9 import _deleted_mark, _exact, _own, _para, _style_of, _text
from test_inplace7 import _lo
from test_inplace8 import PLAN8
from test_source_docx import _applied, _imported
from test_word_review5 import W, _body, _patch

pytestmark = pytest.mark.real_clients

PLAN7 = ROOT / "tests" / "fixtures" / "inplace7" / "plan.docx"


def _inserted_mark(p) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}ins") is not None


# ---------------------------------------------------------------- in place: the only paragraph before a table

@pytest.mark.libreoffice
def test_the_only_paragraph_between_a_heading_and_its_table_deleted_is_exact(amend, tmp_path):
    """plan.docx's 'Uppföljning': the heading, 'Målen följs upp …', the table. LibreOffice joins no
    deleted paragraph mark into a table, so the paragraph's own deleted mark left it, empty, after
    Accept All: the deletion is tracked on the heading's mark (what Word writes when one selects
    from the end of the heading to the end of the paragraph's words), and the mark before the table
    stays; the heading, which has text, keeps its look."""
    program = _imported(amend, tmp_path, PLAN8, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program,
                                   _patch("plan", "{id: a1, at: {heading: Uppföljning}, delete_paragraph: Målen följs upp}"))
    gone = _para(redline, "Målen följs upp")
    assert gone.getnext().tag == f"{W}tbl" and not _deleted_mark(gone)
    heading = gone.getprevious()
    assert _text(heading) == "Uppföljning" and _deleted_mark(heading)
    assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    saved = _exact(redline, adopted, PLAN8)
    assert _style_of(saved, "Uppföljning") == "Heading 1"


# ---------------------------------------------------------------- in place: the last section deleted, a new one added

LAST_REPLACED = {
    "plan8": (PLAN8, "Ansvar", "Resurser", 1, "Nämnderna genomför insatserna."),
    "plan7": (PLAN7, "Ansvar", "Uppföljning", 2, "Socialnämnden ansvarar för samordningen."),
}


@pytest.mark.libreoffice
@pytest.mark.parametrize("case", sorted(LAST_REPLACED))
def test_the_last_section_deleted_and_a_new_one_added_is_exact(amend, tmp_path, case):
    """The new section's paragraphs end the body right after the deleted ones: the last one kept the
    final mark, tracked as inserted, which no word processor can remove, so Reject All left an empty
    "Heading 1" after the old text. Now the new heading is written into the last deleted paragraph
    (its words struck, the heading's look with its own in w:pPrChange, an inserted mark), and the
    new last paragraph has the final mark, untracked: what Word writes when the old text up to the
    final mark is typed over."""
    source, section, after, level, last_old = LAST_REPLACED[case]
    program = _imported(amend, tmp_path, source, "plan")
    patch = _patch("plan", f"{{id: a1, delete_section: {section}}}",
                   f"{{id: a2, add_section: {{heading: Ny del, level: {level}, content: [Ny text.]}}, "
                   f"after_section: {after}}}")
    adopted, redline, _ = _applied(amend, tmp_path, program, patch)
    joined = _para(redline, last_old)
    assert _text(joined) == last_old + "Ny del" and _inserted_mark(joined) and not _deleted_mark(joined)
    assert joined.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle").get(f"{W}val") == "Normal"
    final = [p for p in _body(redline) if p.tag == f"{W}p"][-1]
    assert _text(final) == "Ny text." and not _inserted_mark(final) and not _deleted_mark(final)
    _exact(redline, adopted, source)


# ---------------------------------------------------------------- own layout: a deleted heading's look

@pytest.mark.libreoffice
def test_the_own_layout_shows_a_deleted_heading_as_the_heading_it_was(amend, tmp_path):
    """'Uppföljning' deleted mid-document (heading, paragraph, table, paragraph): the deletion is
    tracked on the mark of the paragraph before; the heading, not the run's last mark, keeps its own
    look, so the redline shows it as a heading (it had the look of the bullet before it)."""
    adopted, redline, proposed = _own(amend, tmp_path, PLAN8, "Uppföljning")
    heading = _para(redline, "Uppföljning")
    assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    assert heading.find(f"{W}pPr/{W}pPrChange") is None
    saved = _exact(redline, adopted, proposed)
    assert _style_of(saved, "Uppföljning") == "Heading 1"


# ---------------------------------------------------------------- the large case's Reject All: LibreOffice's layout

@pytest.mark.libreoffice
def test_the_large_cases_reject_all_laid_out_anew_is_the_proposal(tmp_path):
    """tests/test_real_clients.py's known failure ("large", "reject"): right after Reject All the
    three-column table holding 'Chefer' is on page 8, the proposal's on page 7. The document Reject
    All leaves is the proposal: every paragraph's text, style, list label, every table and row
    property are the proposal's (over UNO), and only the comments differ; saved as ODT and opened
    again, or laid out anew, it puts that table on page 7 too, comments and all. LibreOffice
    re-lays out only what the edit touched, and did not move the table back to the page it had
    left while the changes were undone (the table fits on page 7 with two lines to spare)."""
    from real_clients import compare
    from test_real_clients import LARGE

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_apply import write_inputs

    from amend.apply import apply_steps
    from amend.load import load_patch, load_program
    from amend.output import build_time
    from amend.redline import redline
    from amend.render.docx import render_docx
    from amend.render.redline_docx import render_redline_docx

    program_path, patch_path = write_inputs(*LARGE, tmp_path)
    program = load_program(program_path)
    steps = apply_steps(program, [load_patch(patch_path)])
    when = build_time(None)
    (tmp_path / "redline.docx").write_bytes(render_redline_docx(redline(steps), when))
    (tmp_path / "proposal.docx").write_bytes(render_docx(program, when))
    anew, proposal = _lo([(tmp_path / "redline.docx", "reject+relayout"), (tmp_path / "proposal.docx", "")])
    assert compare(anew, proposal) == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("mode", ["reject", "accept"])
def test_the_last_section_with_a_table_deleted_and_a_new_one_added_before_it(amend, tmp_path, mode):
    """plan.docx (inplace7): 'Uppföljning' (after a page break paragraph: a heading, a table, a
    paragraph, 'Ansvar' and its paragraph) deleted to the end, a new section added after 'Mål'."""
    from real_clients import compare

    program = _imported(amend, tmp_path, PLAN7, "plan")
    patch = _patch("plan", "{id: a1, delete_section: Uppföljning}",
                   "{id: a2, add_section: {heading: Ny del, level: 1, content: [Ny text.]}, after_section: Mål}")
    adopted, redline, _ = _applied(amend, tmp_path, program, patch)
    got, want = _lo([(redline, mode), (adopted if mode == "accept" else PLAN7, "")])
    assert compare(got, want) == []


def test_a_new_section_goes_where_the_deleted_one_was_after_its_page_break(amend, tmp_path):
    """The same patch, the adopted file read back: the new section stands where 'Uppföljning' was,
    after the page break paragraph before it (as the redline puts it, so that Accept All gives the
    adopted file), not before that paragraph, which left the file ending in an empty page."""
    program = _imported(amend, tmp_path, PLAN7, "plan")
    patch = _patch("plan", "{id: a1, delete_section: Uppföljning}",
                   "{id: a2, add_section: {heading: Ny del, level: 1, content: [Ny text.]}, after_section: Mål}")
    adopted, _, _ = _applied(amend, tmp_path, program, patch)
    paras = [p for p in _body(adopted) if p.tag == f"{W}p"]
    texts = [_text(p) for p in paras]
    assert texts[-4:] == ["Ingen ska utsättas för våld.", "", "Ny del", "Ny text."]
    assert paras[-3].find(f".//{W}br[@{W}type='page']") is not None
    assert paras[-2].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
