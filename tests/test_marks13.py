"""The redline keeps the words a replaced passage's old and new text share (December 2026, issue 12's
bench criterion): a replace's run and a section's text replaced whole show, as Word's compare
does, the heaviest words both texts have kept (a word of two letters or more), and never text
an amendment did not touch. Checked in the segments, the DOCX's tracked text, the HTML page,
and pandoc's Accept / Reject All."""
from __future__ import annotations

import re
import sys

import yaml
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from real_clients import missing_pandoc, pandoc_texts

from amend.apply import apply_steps
from amend.diff import DEL, INS, SAME, word_diff
from amend.load import load_patch, load_program
from amend.output import build_time
from amend.redline import redline
from amend.render.docx import render_docx
from amend.render.redline_docx import render_redline_docx
from amend.render.redline_html import render_redline_html

sys.path.insert(0, str(ROOT / "bench"))
from bench_redline import marked  # noqa: E402  (the bench's count of tracked text)

OLD = "Nämnden ska under året ta fram en ny plan för skolans lokaler och för idrottens anläggningar."
NEW = "Kommunstyrelsen beslutar om en plan för idrottens anläggningar senast i juni."
PROGRAM = {
    "program": {"id": "p", "title": "Prov", "version": "proposed", "date": "2025-01-10", "status": "Förslag",
                "language": "sv", "organisation": "Exempelkommun"},
    "sections": [
        {"heading": "Lokaler", "level": 1, "page": 1,
         "content": ["Kommunen äger sina lokaler.", OLD, "Ett tredje stycke som försvinner helt ur texten."]},
        {"heading": "Övrigt", "level": 1, "page": 2,
         "content": ["Samverkan med skolan sker årligen enligt planen."]},
    ]}
AMENDMENTS = [
    {"id": "a1", "title": "Lokalerna", "at": {"page": 1, "heading": "Lokaler"},
     "replace_section_text": ["Kommunen äger sina lokaler.", NEW]},
    {"id": "a2", "title": "Ny lydelse", "at": {"page": 2, "heading": "Övrigt"},
     "replace": "Samverkan med skolan sker årligen", "with": "Dialog och uppföljning med nämnden görs varje månad"},
]


def _steps(tmp_path):
    def write(name, data):
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    program = load_program(write("p.yaml", PROGRAM))
    patch = load_patch(write("patch.yaml", {
        "program": "p", "base": "proposed", "produces": "adopted", "status": "Antagen",
        "decision": {"body": "Kommunfullmäktige", "date": "2025-02-10", "paragraph": "§ 12"},
        "amendments": AMENDMENTS}))
    return apply_steps(program, [patch])


def _marks(red, amendment: str) -> list[tuple[str, str]]:
    return [(s.op, s.text) for segments in red.segments.values() for s in segments
            if s.op != SAME and any(a.id == amendment for a in red.changes[s.change].amendments)]


def test_a_rewritten_paragraph_of_a_replaced_section_keeps_the_words_it_shares_with_the_old_one(tmp_path):
    red = redline(_steps(tmp_path))
    marks = _marks(red, "a1")
    kept = "".join(t for op, t in _pieces(red, OLD))
    assert "plan för " in kept and " idrottens anläggningar" in kept  # kept in place, not struck and added
    assert (DEL, "Ett tredje stycke som försvinner helt ur texten.") in marks  # nothing to pair it with: struck
    assert (DEL, OLD) not in marks and (INS, NEW) not in marks
    assert "".join(t for op, t in _pieces(red, OLD) if op != INS) == OLD
    assert "".join(t for op, t in _pieces(red, OLD) if op != DEL) == NEW
    assert all(op == SAME for segs in red.segments.values() for s in segs if "Kommunen äger" in s.text
               for op in [s.op])  # the paragraph the rewrite kept is not marked


def _pieces(red, old: str) -> list[tuple[str, str]]:
    """The (op, text) pieces of the merged paragraph whose old text is `old`."""
    for segments in red.segments.values():
        if "".join(s.text for s in segments if s.op != INS) == old:
            return [(s.op, s.text) for s in segments]
    raise AssertionError(f"no paragraph had {old!r}")


def test_the_docx_and_the_html_page_mark_what_the_segments_mark(tmp_path):
    steps = _steps(tmp_path)
    red = redline(steps)
    changed = [(s.op, s.text) for c in red.changes if c.what != "title"
               for s in red.segments.get(c.path, ()) if s.change == c.n and s.op != SAME]
    title = sum(len(s.text) for c in red.changes if c.what == "title" for s in red.segments[c.path]
                if s.change == c.n)
    docx = render_redline_docx(red, build_time(None))
    marked_by_segments = sum(len(t) for segs in red.segments.values() for s in segs if s.op != SAME for t in [s.text])
    assert marked(docx)[1] == marked_by_segments and marked_by_segments - title == sum(len(t) for _, t in changed)
    page = render_redline_html(red, [steps[0].patch]).decode("utf-8")
    body = page.split("<h2>Lokaler</h2>", 1)[1].split("<h2>Övrigt</h2>")[0]
    shown = [(DEL if tag == "del" else INS, re.sub(r"<[^>]+>", "", text))
             for tag, text in re.findall(r"<(ins|del)\b[^>]*>(.*?)</\1>", body, re.S)]
    for op, text in [(op, t) for op, t in _pieces(red, OLD) if op != SAME]:
        assert any(o == op and text.strip() in t for o, t in shown), (op, text)
    unmarked = re.sub(r"<[^>]+>", "", re.sub(r"<(ins|del|a)\b[^>]*>.*?</\1>", "", body, flags=re.S))
    assert " en plan för idrottens anläggningar." in unmarked  # the shared words are outside the marks


def test_pandoc_accept_and_reject_give_the_adopted_and_the_proposal_text(tmp_path):
    if missing_pandoc():
        import pytest
        pytest.skip(missing_pandoc())
    steps = _steps(tmp_path)
    when = build_time(None)
    files = {}
    for kind, data in (("redline", render_redline_docx(redline(steps), when)),
                       ("adopted", render_docx(steps[-1].result, when)), ("proposal", render_docx(steps[0].before, when))):
        files[kind] = tmp_path / f"{kind}.docx"
        files[kind].write_bytes(data)
    assert pandoc_texts(files["redline"], "accept") == pandoc_texts(files["adopted"])
    assert pandoc_texts(files["redline"], "reject") == pandoc_texts(files["proposal"])


WORDS = st.sampled_from(["i", "och", "en", "plan", "för", "skolan", "nämnden", "år", "ska", ",", ".", "2025", "å"])
TEXT = st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", "", "  "])), max_size=14).map(
    lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_the_word_diff_is_exact_and_keeps_no_lone_letter_or_mark_between_changes(a, b):
    pieces = word_diff(a, b)
    assert "".join(t for op, t in pieces if op != INS) == a
    assert "".join(t for op, t in pieces if op != DEL) == b
    assert all(t for _, t in pieces) and all(x[0] != y[0] for x, y in zip(pieces, pieces[1:]))
    for k, (op, t) in enumerate(pieces):
        if op == SAME and 0 < k < len(pieces) - 1 and t.strip():  # a kept run between two changes
            assert re.search(r"\w\w", t), pieces


def test_the_word_diff_keeps_the_most_letters():
    """Against a plain weighted longest common subsequence of the words (small texts)."""
    a = "plan för skolan och för nämnden ska i år"
    b = "nämnden ska ta fram en plan för skolan i år och för nämnden"
    kept = sum(len(w) for op, t in word_diff(a, b) if op == SAME for w in re.findall(r"\w+", t))
    wa, wb = a.split(), b.split()
    best = [[0] * (len(wb) + 1) for _ in range(len(wa) + 1)]
    for x in range(len(wa)):
        for y in range(len(wb)):
            best[x + 1][y + 1] = max(best[x][y + 1], best[x + 1][y], best[x][y] + len(wa[x]) * (wa[x] == wb[y]))
    assert kept == best[-1][-1]
