"""The redline of a replaced text shows what really changed (session 9, marks): the words a replace
keeps at its start or end, the sentences a section rewrite keeps, and never the little words an old
and a new text share by chance. Checked in amend's segments, in the DOCX's tracked text, in the HTML
page, and in LibreOffice and pandoc (Accept All = adopted, Reject All = proposal)."""
from __future__ import annotations

import re
import sys

import pytest
import yaml
from conftest import ROOT
from real_clients import compare, libreoffice, missing_libreoffice, missing_pandoc, pandoc_texts

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

KEPT_1 = "Nämnden ansvarar för att planen följs upp varje år."
KEPT_2 = "Arbetet redovisas för kommunstyrelsen i samband med bokslutet."
CHANGED = "Förvaltningen tar fram en rapport om läget."
PROGRAM = {
    "program": {"id": "p", "title": "Prov", "version": "proposed", "date": "2025-01-10", "status": "Förslag",
                "language": "sv", "organisation": "Exempelkommun"},
    "sections": [
        {"heading": "Samverkan", "level": 1, "page": 1,
         "content": ["Kommunen samverkar med polisen i frågor om trygghet.",
                     "Samverkan med skolan sker årligen enligt planen.",
                     {"bullets": ["Ett första steg tas.", "Ett andra steg följer."]}]},
        {"heading": "Uppföljning", "level": 1, "page": 2,
         "content": [f"{KEPT_1} {CHANGED} {KEPT_2}",
                     "Resultaten publiceras på kommunens webbplats och i nämndens protokoll.",
                     {"bullets": ["Mätningar görs varje höst.", "Enkäter skickas till skolorna."]}]},
        {"heading": "Ekonomi", "level": 1, "page": 3,
         "content": ["Arbetet bekostas inom ram och i samråd med nämnderna.", "Inga nya medel tillförs."]},
    ]}
REWRITE = [f"{KEPT_1} Förvaltningen tar två gånger per år fram en rapport om läget och om insatserna. {KEPT_2}",
           {"bullets": ["Mätningar görs varje höst.", "Enkäter skickas till skolorna och till föreningarna."]},
           "En ny mening om samordningen med regionen läggs till."]
UNRELATED = ["Budgeten fördelas av kommunstyrelsen efter dialog i januari.", "Medel söks hos länsstyrelsen."]
AMENDMENTS = [
    {"id": "a1", "title": "Räddningstjänsten", "at": {"page": 1, "heading": "Samverkan"},
     "replace": "polisen", "with": "polisen och räddningstjänsten"},
    {"id": "a2", "title": "Ny lydelse", "at": {"page": 1, "heading": "Samverkan"},
     "replace": "Samverkan med skolan sker årligen", "with": "Dialog och uppföljning med nämnden görs varje månad"},
    {"id": "a3", "title": "Uppföljningen", "at": {"page": 2, "heading": "Uppföljning"}, "replace_section_text": REWRITE},
    {"id": "a4", "title": "Ekonomin", "at": {"page": 3, "heading": "Ekonomi"}, "replace_section_text": UNRELATED},
]


def _write(tmp_path, name: str, data: dict):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _steps(tmp_path, amendments=AMENDMENTS):
    program = load_program(_write(tmp_path, "p.yaml", PROGRAM))
    patch = load_patch(_write(tmp_path, "patch.yaml", {
        "program": "p", "base": "proposed", "produces": "adopted", "status": "Antagen",
        "decision": {"body": "Kommunfullmäktige", "date": "2025-02-10", "paragraph": "§ 12"},
        "amendments": amendments}))
    return apply_steps(program, [patch])


def _marks(red, amendment: str) -> list[tuple[str, str]]:
    """(op, text) of every piece of text the changes of one amendment insert or delete, in order."""
    return [(s.op, s.text) for segments in red.segments.values() for s in segments
            if s.op != SAME and any(a.id == amendment for a in red.changes[s.change].amendments)]


def _kept(red) -> list[str]:
    return [s.text for segments in red.segments.values() for s in segments if s.op == SAME]


def test_a_replace_sharing_its_start_marks_only_the_new_words(tmp_path):
    steps = _steps(tmp_path, AMENDMENTS[:1])
    red = redline(steps)
    (op, text), = _marks(red, "a1")  # the space may be put on either side of the new words: the same text
    assert op == INS and text.strip() == "och räddningstjänsten" and len(text) == len(" och räddningstjänsten")
    docx = render_redline_docx(red, build_time(None))
    title = sum(len(s.text) for c in red.changes if c.what == "title" for s in red.segments[c.path] if s.change == c.n)
    assert marked(docx)[1] - title == len(" och räddningstjänsten")
    page = render_redline_html(red, [steps[0].patch]).decode("utf-8")
    assert re.search(r"polisen ?<ins[^>]*> ?och räddningstjänsten ?</ins>", page)
    assert "<del" not in page.split("Samverkan", 2)[2].split("Uppföljning")[0]  # nothing struck in the section


def test_a_section_rewrite_keeping_sentences_marks_only_the_changed_sentences(tmp_path):
    red = redline(_steps(tmp_path, AMENDMENTS[2:3]))
    kept = _kept(red)
    assert any(KEPT_1 in k for k in kept) and any(KEPT_2 in k for k in kept)
    marks = [(op, t.strip()) for op, t in _marks(red, "a3")]  # the space beside new words may go on either side
    assert all(KEPT_1 not in t and KEPT_2 not in t for _, t in marks)
    # the changed sentence shows its new words, "Förvaltningen tar ... fram en rapport om läget" kept
    assert (INS, "två gånger per år") in marks and (INS, "och om insatserna") in marks
    assert (INS, "och till föreningarna") in marks  # the list item edited in place, not struck and re-added
    assert (INS, "En ny mening om samordningen med regionen läggs till.") in marks
    # what the rewrite dropped: the paragraph on the web site, struck whole
    assert (DEL, "Resultaten publiceras på kommunens webbplats och i nämndens protokoll.") in marks
    inserted = sum(len(t) for op, t in _marks(red, "a3") if op == INS)
    new_text = len(" ".join(b if isinstance(b, str) else " ".join(b["bullets"]) for b in REWRITE))
    assert inserted < new_text / 2  # most of the new text is the old text kept


def test_a_paragraph_sharing_one_whole_sentence_is_paired_though_most_of_its_words_changed(tmp_path):
    old = f"{KEPT_1} Det gäller alla delar av verksamheten inom skola, vård och omsorg."
    new = f"Ett helt nytt stycke inleds här med andra ord än förut. {KEPT_1} Och ännu en ny mening."
    amendments = [{"id": "a1", "at": {"page": 2, "heading": "Uppföljning"}, "replace_section_text": [new]}]
    data = yaml.safe_load(yaml.safe_dump(PROGRAM))
    data["sections"][1]["content"] = [old]
    program = load_program(_write(tmp_path, "p.yaml", data))
    patch = load_patch(_write(tmp_path, "patch.yaml", {
        "program": "p", "base": "proposed", "produces": "adopted", "status": "Antagen",
        "decision": {"body": "Kommunfullmäktige", "date": "2025-02-10", "paragraph": "§ 12"},
        "amendments": amendments}))
    red = redline(apply_steps(program, [patch]))
    assert any(KEPT_1 in k for k in _kept(red))
    assert all(KEPT_1 not in t for _, t in _marks(red, "a1"))


def test_a_replace_keeps_the_words_its_old_and_new_wording_share_but_not_a_lone_letter(tmp_path):
    # December 2026 (issue 12's bench criterion): a replaced run keeps the words its old and new
    # wording share, as Word's compare does (session 9 struck and added it whole around " med ")
    red = redline(_steps(tmp_path, [AMENDMENTS[1], AMENDMENTS[3]]))
    assert _marks(red, "a2") == [(DEL, "Samverkan"), (INS, "Dialog och uppföljning"),
                                 (DEL, "skolan sker årligen"), (INS, "nämnden görs varje månad")]
    assert "Samverkan med skolan" not in "".join(_kept(red)) and any(" med " == k for k in _kept(red))
    # the section's new text shares only "i" with the old: a lone letter is not kept, so struck and added whole
    marks = _marks(red, "a4")
    assert (DEL, "Arbetet bekostas inom ram och i samråd med nämnderna.") in marks
    assert (INS, UNRELATED[0]) in marks and (INS, UNRELATED[1]) in marks


def test_the_word_diff_keeps_the_most_letters_both_texts_share_in_words_of_two_letters_or_more():
    assert word_diff("i samverkan med polisen och skolan", "i samråd med regionen och skolan") == [
        (SAME, "i "), (DEL, "samverkan"), (INS, "samråd"), (SAME, " med "), (DEL, "polisen"), (INS, "regionen"),
        (SAME, " och skolan")]
    assert word_diff("Vi ska arbeta vidare med dessa frågor", "Nämnden tar fram en plan med mål för året") == [
        (DEL, "Vi ska arbeta vidare"), (INS, "Nämnden tar fram en plan"), (SAME, " med "), (DEL, "dessa frågor"),
        (INS, "mål för året")]
    # a shared word inside a run: kept where it is, the runs either side of it struck and added
    assert word_diff("Resultat socialtjänsten under mellan till", "Resultat forskning stärker socialtjänsten vårdnadshavare till") == [
        (SAME, "Resultat "), (INS, "forskning stärker "), (SAME, "socialtjänsten "), (DEL, "under mellan"),
        (INS, "vårdnadshavare"), (SAME, " till")]
    # a lone one-letter word or a lone mark between changes is not kept
    assert word_diff("Vi bor i staden, nära torget.", "De bodde i byn, långt bort.") == [
        (DEL, "Vi bor i staden, nära torget"), (INS, "De bodde i byn, långt bort"), (SAME, ".")]
    # words in another order: the one that keeps the most letters is kept
    assert word_diff("ett två tre fyra", "fyra tre två ett") == [(DEL, "ett två tre "), (SAME, "fyra"),
                                                                 (INS, " tre två ett")]


def test_each_amendment_comment_is_anchored_on_the_words_it_changed(tmp_path):
    from ooxml import commented, comments

    docx = render_redline_docx(redline(_steps(tmp_path)), build_time(None))
    notes, ranges = comments(docx), commented(docx)
    on = {a["id"]: [text for n, text in ranges if a["title"] in notes[n]] for a in AMENDMENTS}
    assert [t.strip() for t in on["a1"]] == ["och räddningstjänsten"]  # only the new words, not "polisen"
    assert any("två gånger per år" in t for t in on["a3"]) and all(KEPT_1 not in t for t in on["a3"])
    assert any(UNRELATED[0] in t for t in on["a4"]) and any("Arbetet bekostas" in t for t in on["a4"])


@pytest.fixture(scope="module")
def clients(tmp_path_factory) -> dict:
    """The redline, adopted and proposal DOCX of all the amendments above, and LibreOffice's dumps."""
    tmp = tmp_path_factory.mktemp("marks9")
    steps = _steps(tmp)
    when = build_time(None)
    files = {}
    for kind, data in (("redline", render_redline_docx(redline(steps), when)),
                       ("adopted", render_docx(steps[-1].result, when)), ("proposal", render_docx(steps[0].before, when))):
        files[kind] = tmp / f"{kind}.docx"
        files[kind].write_bytes(data)
    return files


@pytest.mark.libreoffice
def test_libreoffice_accept_and_reject_all_give_the_adopted_and_the_proposal(clients):
    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    accept, reject, adopted, proposal = libreoffice([(clients["redline"], "accept"), (clients["redline"], "reject"),
                                                    (clients["adopted"], ""), (clients["proposal"], "")])
    assert not compare(accept, adopted), compare(accept, adopted)[:8]
    assert not compare(reject, proposal), compare(reject, proposal)[:8]
    assert any(KEPT_1 in p["text"] for p in accept["paragraphs"])


def test_pandoc_accept_and_reject_give_the_adopted_and_the_proposal_text(clients):
    if missing_pandoc():
        pytest.skip(missing_pandoc())
    assert pandoc_texts(clients["redline"], "accept") == pandoc_texts(clients["adopted"])
    assert pandoc_texts(clients["redline"], "reject") == pandoc_texts(clients["proposal"])
