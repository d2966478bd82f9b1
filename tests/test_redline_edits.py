"""The redline is built from the amendments' own edits (amend.diff.trail): it marks what they
changed and nothing else, across several decisions too; and its HTML page names the versions as a
reader knows them (status, date, decisions), never by amend's internal version names."""
from __future__ import annotations

import io
import re
import sys
import zipfile

import pytest
import yaml
from conftest import PATCH, PROGRAM, ROOT

from amend.apply import apply_steps
from amend.diff import SAME
from amend.load import load_patch, load_program
from amend.output import build_time
from amend.redline import redline
from amend.render.redline_docx import render_redline_docx
from amend.render.redline_html import render_redline_html

SMALL = """program:
  id: p
  title: Prov
  version: v0
  status: STATUS
  date: "2024-01-10"
  language: LANG
sections:
  - heading: Text
    level: 1
    page: 1
    content:
      - Ett två tre.
      - Fyra fem sex.
      - bullets: [Alfa, Beta]
"""


def _patch(tmp_path, name, base, produces, amendments, status="Antagen"):
    data = {"program": "p", "base": base, "produces": produces, "status": status,
            "decision": {"body": "Kommunfullmäktige", "date": "2025-01-10", "paragraph": f"§ {produces[1:]}"},
            "amendments": amendments}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_patch(path)


def _program(tmp_path, lang="sv", status="Förslag"):
    path = tmp_path / "p.yaml"
    path.write_text(SMALL.replace("LANG", lang).replace("STATUS", status), encoding="utf-8")
    return load_program(path)


def _marked(red):
    """(op, text, amendment ids) of every inserted or deleted piece of text, in order."""
    return [(s.op, s.text, [a.id for a in red.changes[s.change].amendments])
            for segments in red.segments.values() for s in segments if s.op != SAME
            if red.changes[s.change].what != "title"]


def test_a_paragraph_moved_past_a_list_marks_the_paragraph_not_the_list(tmp_path):
    """Re-diffing the two versions aligned the moved paragraph and struck and re-inserted the
    unchanged list (Alfa, Beta); the edits say the list stayed."""
    first = _patch(tmp_path, "a.yaml", "v0", "v1", [
        {"id": "a1", "at": {"page": 1, "paragraph": 1}, "after": "tre", "insert": " och fyrtio fyra"},
        {"id": "a2", "at": {"page": 1}, "add_item": "Gamma"}])
    second = _patch(tmp_path, "b.yaml", "v1", "v2", [
        {"id": "b1", "at": {"page": 1, "paragraph": 1}, "replace": "fyrtio fyra", "with": "femtio"},
        {"id": "b2", "at": {"page": 1}, "delete_paragraph": "Fyra fem sex."},
        {"id": "b3", "at": {"page": 1}, "add_paragraph": "Fyra fem sex."}])
    red = redline(apply_steps(_program(tmp_path), [first, second]))
    assert _marked(red) == [
        ("+", " och ", ["a1"]),  # a1's insertion, less the words b1 rewrote
        ("+", "femtio", ["b1"]),
        ("-", "Fyra fem sex.", ["b2"]),
        ("+", "Gamma", ["a2"]),
        ("+", "Fyra fem sex.", ["b3"]),
    ]


def test_what_one_decision_adds_and_a_later_one_removes_is_not_marked(tmp_path):
    first = _patch(tmp_path, "a.yaml", "v0", "v1", [
        {"id": "a1", "at": {"page": 1, "paragraph": 1}, "after": "två", "insert": "och en halv"},
        {"id": "a2", "at": {"page": 1}, "add_item": "Gamma"}])
    second = _patch(tmp_path, "b.yaml", "v1", "v2", [
        {"id": "b1", "at": {"page": 1, "paragraph": 1}, "delete": "och en halv"},
        {"id": "b2", "at": {"page": 1}, "delete_item": "Gamma"},
        {"id": "b3", "at": {"page": 1, "paragraph": 2}, "replace": "fem", "with": "femton"}])
    red = redline(apply_steps(_program(tmp_path), [first, second]))
    assert _marked(red) == [("-", "fem", ["b3"]), ("+", "femton", ["b3"])]


def test_each_edit_of_one_text_is_its_own_change_with_its_own_amendment(tmp_path):
    patch = _patch(tmp_path, "a.yaml", "v0", "v1", [
        {"id": "a1", "at": {"page": 1, "paragraph": 1}, "replace": "Ett", "with": "Noll"},
        {"id": "a2", "at": {"page": 1, "paragraph": 1}, "replace": "tre", "with": "fyra"}])
    red = redline(apply_steps(_program(tmp_path), [patch]))
    assert _marked(red) == [("-", "Ett", ["a1"]), ("+", "Noll", ["a1"]), ("-", "tre", ["a2"]), ("+", "fyra", ["a2"])]
    assert len({c.n for c in red.changes if c.what == "text"}) == 2


def test_one_replace_of_most_words_is_shown_in_place_keeping_the_words_it_kept(tmp_path):
    """A replace that rewrites all but the last word: the amendment changed one run, so the redline
    shows that run, not the item struck and added whole (which marked the kept word twice)."""
    patch = _patch(tmp_path, "a.yaml", "v0", "v1", [
        {"id": "a1", "at": {"page": 1, "paragraph": 2}, "replace": "Fyra fem", "with": "Sju åtta nio"}])
    red = redline(apply_steps(_program(tmp_path), [patch]))
    assert _marked(red) == [("-", "Fyra fem", ["a1"]), ("+", "Sju åtta nio", ["a1"])]
    assert [a for a in red.sides if not a.is_title] == []  # no paragraph on one side only


def test_a_paragraph_edited_in_several_runs_shows_each_run_in_place_with_its_amendment(tmp_path):
    """Two amendments rewrite most of "Fyra fem sex." but neither touches "fem": each run is shown where
    it is, with its own amendment (it was struck and added whole, marking "fem" and "." twice and
    naming both amendments for all of it)."""
    patch = _patch(tmp_path, "a.yaml", "v0", "v1", [
        {"id": "a1", "at": {"page": 1, "paragraph": 2}, "replace": "Fyra", "with": "Sju åtta"},
        {"id": "a2", "at": {"page": 1, "paragraph": 2}, "replace": "sex", "with": "nio tio elva"}])
    red = redline(apply_steps(_program(tmp_path), [patch]))
    assert _marked(red) == [("-", "Fyra", ["a1"]), ("+", "Sju åtta", ["a1"]), ("-", "sex", ["a2"]),
                            ("+", "nio tio elva", ["a2"])]
    assert [a for a in red.sides if not a.is_title] == []  # no paragraph on one side only


def test_the_example_marks_no_more_than_its_amendments_edits():
    """The Alingsås example's redline DOCX marks the characters its amendments insert, and at most the
    one space per edit that joining puts between the words (amend.text.joining.insert_at)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_redline import marked
    from bench_redlines import own_edit_chars

    steps = apply_steps(load_program(PROGRAM), [load_patch(PATCH)])
    red = redline(steps)
    docx = render_redline_docx(red, build_time(steps[-1].result.meta.date))
    deleted, inserted = own_edit_chars(steps[0])
    title = sum(len(s.text) for c in red.changes if c.what == "title"
                for s in red.segments[c.path] if s.change == c.n)
    spaces = sum(1 for e in steps[0].resolution.edits if e.action == "text")
    assert inserted <= marked(docx)[1] - title <= deleted + inserted + spaces


def test_the_bench_counts_only_text_inside_a_revision_wrapper():
    """A self-closing mark (an inserted paragraph mark, a deleted row) is no wrapper: the text after
    it up to the next closing tag was counted as marked."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_redline import marked

    body = ('<w:p><w:pPr><w:rPr><w:ins w:id="1"/></w:rPr></w:pPr><w:r><w:t>unchanged</w:t></w:r>'
            '<w:ins w:id="2"><w:r><w:t>new</w:t></w:r></w:ins></w:p>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>')
    assert marked(out.getvalue()) == (2, 3)


# ---------------------------------------------------------------- the title block, in the reader's language


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S))


def _docx_text(docx: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    return " ".join(re.findall(r"<w:(?:t|delText)\b[^>]*>([^<]*)<", xml))


@pytest.mark.parametrize("lang, status, versions", [
    ("sv", "Förslag", "Antagen 2025-01-10 jämfört med Förslag 2024-01-10"),
    ("en", "Proposal", "Antagen 2025-01-10 compared with Proposal 2024-01-10"),
])
def test_the_redline_page_names_the_versions_as_a_reader_knows_them(tmp_path, lang, status, versions):
    """The HTML page's title and legend said "adopted compared with v0"; now status and date, in the
    program's language."""
    patch = _patch(tmp_path, "a.yaml", "v0", "adopted", [
        {"id": "a1", "at": {"page": 1, "paragraph": 1}, "replace": "tre", "with": "fyra"}])
    red = redline(apply_steps(_program(tmp_path, lang, status), [patch]))
    html = render_redline_html(red, [patch]).decode("utf-8")
    head = re.search(r"<title>(.*?)</title>", html).group(1)
    legend = re.search(r'<p class="legend">(.*?)</p>', html).group(1)
    for text in (head, legend):
        assert versions in text and "v0" not in text and "adopted" not in text


def test_a_cells_or_the_documents_last_mark_is_never_tracked_when_both_sides_end_there(tmp_path):
    """The last item rewritten (struck, and the new one added after it): both end at the document's
    last paragraph mark, which no Accept or Reject can remove, so it is on both sides and not a
    tracked change (pandoc's reject removed it, and the struck item's text with it)."""
    from docx import Document

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    patch = _patch(tmp_path, "a.yaml", "v0", "v1", [{"id": "a1", "at": {"page": 1}, "replace": "Beta", "with": "Delta"}])
    red = redline(apply_steps(_program(tmp_path), [patch]))
    body = Document(io.BytesIO(render_redline_docx(red, build_time(None)))).element.body
    last = body.findall(W + "p")[-1]
    assert last.find(f"{W}pPr/{W}rPr/{W}ins") is None and last.find(f"{W}pPr/{W}rPr/{W}del") is None
