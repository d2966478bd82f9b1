"""Provenance notes (issue 14 item 6): `--provenance footnotes|comments` on `amend apply` and
`amend show` marks each amended place of the adopted DOCX (real Word footnotes or comments) and
of the redline HTML with the decision that made it. Checked in the files written: the notes'
own parts, the paragraph each reference sits in, pandoc and LibreOffice reading them, and the
same bytes twice."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import PATCH, PROGRAM, ROOT

from amend.render.provenance import Note

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PID = "valdsforebyggande-2025-2027"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = FIXTURES / "inplace" / "trygghetsplan.docx"
KF12 = "Kommunfullmäktige 2025-11-24 § 12"
KF130 = "Kommunfullmäktige 2026-11-23 § 130"
KSAU = "Kommunstyrelsens arbetsutskott 2025-10-22 § 170"


def _xml(path: Path, part: str):
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part)) if part in z.namelist() else None


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _footnotes(path: Path) -> dict[str, str]:
    """id -> text of every real footnote (not the separators)."""
    root = _xml(path, "word/footnotes.xml")
    return {n.get(f"{W}id"): _text(n).strip() for n in root.iter(f"{W}footnote") if n.get(f"{W}type") is None}


def _referenced(path: Path, tag: str) -> list[tuple[str, str]]:
    """(paragraph text, note id) for each reference of `tag` in the body, in order."""
    body = _xml(path, "word/document.xml")
    return [(_text(p), ref.get(f"{W}id")) for p in body.iter(f"{W}p") for ref in p.iter(f"{W}{tag}")]


def _show(amend, tmp_path: Path, mode: str, spec: str = f"{PID}@kf-2026-11-23", name: str = "out") -> Path:
    out = tmp_path / name
    res = amend("show", spec, "--root", ROOT, "--provenance", mode, "-o", out)
    assert res.code == 0, res.err
    return out / f"{spec.replace('@', '.')}.docx"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


# ---------------------------------------------------------------- the example chain


def test_show_footnotes_name_the_adopting_decision_at_each_amended_paragraph(amend, tmp_path):
    docx = _show(amend, tmp_path, "footnotes")
    notes = _footnotes(docx)
    refs = [(para, notes[n]) for para, n in _referenced(docx, "footnoteReference")]
    assert len(refs) == 3
    # the committee's two Tillägg are cited by the council decision that adopted them (§ 12)
    assert refs[0][0].endswith("mellan mellan olika förvaltningar i kommunen samt med de fackliga parterna.")
    assert refs[0][1] == f"Tillägg enligt {KF12}"
    assert refs[1] == ("Fackliga parter erbjuds basutbildning.", f"Tillägg enligt {KF12}")
    # § 130 replaced a year and added a sentence in one paragraph: one note, "Ändring"
    assert "som ska ske under 2028" in refs[2][0]
    assert refs[2][0].endswith("Samordnaren lämnar dessutom varje år en lägesrapport till socialnämnden.")
    assert refs[2][1] == f"Ändring enligt {KF130}"


def test_the_notes_change_no_text_of_the_document(amend, tmp_path):
    from conftest import docx_paragraphs

    plain = _show(amend, tmp_path, "none", name="plain")
    noted = _show(amend, tmp_path, "footnotes", name="noted")
    assert docx_paragraphs(plain) == docx_paragraphs(noted)
    assert _xml(plain, "word/footnotes.xml") is None and _xml(plain, "word/comments.xml") is None


def test_show_comments_are_word_comments_around_the_amended_paragraph(amend, tmp_path):
    docx = _show(amend, tmp_path, "comments")
    comments = {c.get(f"{W}id"): c for c in _xml(docx, "word/comments.xml").iter(f"{W}comment")}
    assert [(_text(c), c.get(f"{W}author"), c.get(f"{W}date")) for c in comments.values()] == [
        (f"Tillägg enligt {KF12}", "Kommunfullmäktige", "2025-11-24T00:00:00Z"),
        (f"Tillägg enligt {KF12}", "Kommunfullmäktige", "2025-11-24T00:00:00Z"),
        (f"Ändring enligt {KF130}", "Kommunfullmäktige", "2026-11-23T00:00:00Z")]
    body = _xml(docx, "word/document.xml")
    for p in body.iter(f"{W}p"):
        starts = [e.get(f"{W}id") for e in p.iter(f"{W}commentRangeStart")]
        ends = [e.get(f"{W}id") for e in p.iter(f"{W}commentRangeEnd")]
        refs = [e.get(f"{W}id") for e in p.iter(f"{W}commentReference")]
        assert starts == ends == refs  # each comment spans its own paragraph, reference after its end
    assert sorted(n for _, n in _referenced(docx, "commentReference")) == sorted(comments)


def test_apply_of_the_proposal_alone_cites_the_committee(amend, tmp_path):
    res = amend("apply", PROGRAM, PATCH, "--provenance", "footnotes", "-o", tmp_path)
    assert res.code == 0, res.err
    docx = tmp_path / f"{PID}.adopted.docx"
    assert list(_footnotes(docx).values()) == [f"Tillägg enligt {KSAU}"] * 2
    html = (tmp_path / f"{PID}.adopted.redline.html").read_text(encoding="utf-8")
    assert html.count('<sup class="note">') == 2
    assert f'<li id="pn1">Tillägg enligt {KSAU} <a href="#pr1"' in html
    assert "Noter om ändringarna" in html


def test_apply_html_comments_are_inline_notes(amend, tmp_path):
    res = amend("apply", PROGRAM, PATCH, "--provenance", "comments", "-o", tmp_path)
    assert res.code == 0, res.err
    html = (tmp_path / f"{PID}.adopted.redline.html").read_text(encoding="utf-8")
    assert html.count(f'<span class="comment" role="note">Tillägg enligt {KSAU}</span>') == 2
    assert '<sup class="note">' not in html


def test_without_provenance_the_outputs_are_as_before(amend, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert amend("apply", PROGRAM, PATCH, "-o", a).code == 0
    assert amend("apply", PROGRAM, PATCH, "--provenance", "none", "-o", b).code == 0
    for f in a.iterdir():
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name
    assert 'class="note"' not in (a / f"{PID}.adopted.redline.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["footnotes", "comments"])
def test_same_inputs_same_bytes(amend, tmp_path, mode):
    one = _show(amend, tmp_path, mode, name="one").read_bytes()
    two = _show(amend, tmp_path, mode, name="two").read_bytes()
    assert one == two


def test_pandoc_reads_the_footnotes_and_comments(amend, tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")

    def strings(node) -> list[str]:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                return [node["c"]]
            return [s for v in node.values() for s in strings(v)]
        return [s for v in node for s in strings(v)] if isinstance(node, list) else []

    def notes(node, tag: str) -> list[str]:
        if isinstance(node, dict):
            here = [" ".join(strings(node["c"][1] if tag == "Span" else node["c"]))] if node.get("t") == tag and (
                tag != "Span" or "comment-start" in node["c"][0][1]) else []
            return here + [s for v in node.values() for s in notes(v, tag)]
        return [s for v in node for s in notes(v, tag)] if isinstance(node, list) else []

    fn = json.loads(subprocess.run(["pandoc", "-t", "json", str(_show(amend, tmp_path, "footnotes", name="f"))],
                                   capture_output=True, text=True, check=True).stdout)
    assert notes(fn["blocks"], "Note") == [f"Tillägg enligt {KF12}"] * 2 + [f"Ändring enligt {KF130}"]
    cm = json.loads(subprocess.run(["pandoc", "--track-changes=all", "-t", "json",
                                    str(_show(amend, tmp_path, "comments", name="c"))],
                                   capture_output=True, text=True, check=True).stdout)
    assert notes(cm["blocks"], "Span") == [f"Tillägg enligt {KF12}"] * 2 + [f"Ändring enligt {KF130}"]


@pytest.mark.libreoffice
def test_libreoffice_prints_the_footnotes_and_keeps_the_comments(amend, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    fn = _show(amend, tmp_path, "footnotes", name="f")
    cm = _show(amend, tmp_path, "comments", name="c")
    lo = f"-env:UserInstallation=file://{tmp_path}/lo"
    subprocess.run(["soffice", lo, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(fn)],
                   check=True, capture_output=True, timeout=180)
    subprocess.run(["soffice", lo, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(cm)],
                   check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", str(tmp_path / "pdf" / fn.with_suffix(".pdf").name), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")
    on = {k + 1: [line for line in page.splitlines() if "enligt Kommunfullmäktige" in line]
          for k, page in enumerate(pages)}
    assert on[6] == [f"1 Tillägg enligt {KF12}"]  # at the foot of the page that holds the paragraph
    assert on[8] == [f"2 Tillägg enligt {KF12}"]
    assert on[9] == [f"3 Ändring enligt {KF130}"]
    with zipfile.ZipFile(tmp_path / "odt" / cm.with_suffix(".odt").name) as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") == 3
    assert content.count(f"Tillägg enligt {KF12}") == 2 and content.count(f"Ändring enligt {KF130}") == 1


# ---------------------------------------------------------------- struck text, several kinds, English


SMALL = """\
program: {id: small, title: Small program, language: LANG, version: proposed, date: "2026-01-15"}
sections:
  - heading: Goals
    level: 1
    page: 1
    content:
      - The first paragraph stays as it is.
      - The second paragraph is struck out whole.
      - The third paragraph loses a word here.
      - The fourth paragraph is rewritten completely by the council.
"""

SMALL_PATCH = """\
program: small
base: proposed
produces: adopted
decision: {body: Council, date: "2026-02-01", paragraph: § 4}
amendments:
  - id: a1
    delete_paragraph: The second paragraph
  - id: a2
    delete: " here"
  - id: a3
    replace: The fourth paragraph is rewritten completely by the council
    with: Another text entirely, put in its place
  - id: a4
    add_paragraph: A fifth paragraph is added at the end.
"""


@pytest.mark.parametrize("lang, words", [
    ("en", ["Struck out by Council 2026-02-01 § 4", "Struck out by Council 2026-02-01 § 4",
            "Amended by Council 2026-02-01 § 4", "Added by Council 2026-02-01 § 4"]),
    ("sv", ["Strykning enligt Council 2026-02-01 § 4", "Strykning enligt Council 2026-02-01 § 4",
            "Ändring enligt Council 2026-02-01 § 4", "Tillägg enligt Council 2026-02-01 § 4"]),
])
def test_struck_paragraphs_are_noted_where_they_were_in_the_documents_language(amend, tmp_path, lang, words):
    program = tmp_path / "small.yaml"
    program.write_text(SMALL.replace("LANG", lang), encoding="utf-8")
    patch = tmp_path / "p.yaml"
    patch.write_text(SMALL_PATCH, encoding="utf-8")
    res = amend("apply", program, patch, "--provenance", "footnotes", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    docx = tmp_path / "out" / "small.adopted.docx"
    notes = _footnotes(docx)
    got = [(para, notes[n]) for para, n in _referenced(docx, "footnoteReference")]
    assert got == [
        ("The first paragraph stays as it is.", words[0]),  # the struck second paragraph was after it
        ("The third paragraph loses a word.", words[1]),
        ("Another text entirely, put in its place.", words[2]),  # struck + added: one note
        ("A fifth paragraph is added at the end.", words[3]),
    ]


def test_the_redline_html_notes_a_struck_paragraph_where_it_still_shows(amend, tmp_path):
    program = tmp_path / "small.yaml"
    program.write_text(SMALL.replace("LANG", "en"), encoding="utf-8")
    patch = tmp_path / "p.yaml"
    patch.write_text(SMALL_PATCH, encoding="utf-8")
    assert amend("apply", program, patch, "--provenance", "comments", "-o", tmp_path / "out").code == 0
    html = (tmp_path / "out" / "small.adopted.redline.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r"<p(?: class=\"[^\"]*\")?>(.*?)</p>", html.split("<h2", 1)[1])
    notes = [(re.sub(r"<[^>]+>", "", p.split('<span class="comment"')[0]).strip(),
              re.findall(r'<span class="comment" role="note">([^<]*)</span>', p)) for p in paragraphs]
    by = "Council 2026-02-01 § 4"
    assert notes[:6] == [
        ("The first paragraph stays as it is.", []),
        ("The second paragraph is struck out whole.1", [f"Struck out by {by}"]),
        ("The third paragraph loses a word here2.", [f"Struck out by {by}"]),
        ("The fourth paragraph is rewritten completely by the council.3", [f"Struck out by {by}"]),
        ("Another text entirely, put in its place.3", [f"Added by {by}"]),  # a3 wrote it (was 4: a4, wrongly)
        ("A fifth paragraph is added at the end.4", [f"Added by {by}"]),
    ]


@pytest.mark.parametrize("kind, en, sv", [
    ("insert", "Added by Council 2026-02-01 § 4", "Tillägg enligt Council 2026-02-01 § 4"),
    ("change", "Amended by Council 2026-02-01 § 4", "Ändring enligt Council 2026-02-01 § 4"),
    ("delete", "Struck out by Council 2026-02-01 § 4", "Strykning enligt Council 2026-02-01 § 4"),
])
def test_note_words_in_both_languages(kind, en, sv):
    from amend.model import Decision

    note = Note(kind, Decision("Council", "2026-02-01", "§ 4"))
    assert (note.text("en"), note.text("sv")) == (en, sv)


def test_notes_heading_and_help_in_both_languages():
    from amend.messages import msg

    assert msg("history.provenance.heading").render("en") == "Notes on the amendments"
    assert msg("history.provenance.heading").render("sv") == "Noter om ändringarna"
    assert msg("history.help.provenance").render("sv").startswith("märk varje ändrat ställe")


# ---------------------------------------------------------------- the council's own Word file


PLAN_PATCH = """\
program: trygghetsplan
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2025-10-22", paragraph: § 112}
amendments:
  - id: a1
    at: {heading: Inledning, paragraph: 1}
    after: arbetar förebyggande
    insert: och långsiktigt
  - id: a3
    at: {heading: Insatser}
    delete: " Uppföljningen redovisas för kommunstyrelsen."
"""


def _plan(amend, tmp_path: Path, mode: str) -> tuple[Path, Path]:
    shutil.copy(PLAN, tmp_path / PLAN.name)
    program = tmp_path / "plan.yaml"
    assert amend("import", tmp_path / PLAN.name, "-o", program, "--id", "trygghetsplan").code == 0
    patch = tmp_path / "p.yaml"
    patch.write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("apply", program, patch, "--provenance", mode, "-o", tmp_path / mode)
    assert res.code == 0, res.err
    return tmp_path / PLAN.name, tmp_path / mode / "trygghetsplan.adopted.docx"


def test_source_docx_keeps_its_own_footnote_and_adds_ours_after_it(amend, tmp_path):
    source, adopted = _plan(amend, tmp_path, "footnotes")
    own = _footnotes(source)
    notes = _footnotes(adopted)
    assert {k: v for k, v in notes.items() if k in own} == own  # the council's footnote, same id, same text
    ours = [(para, notes[n]) for para, n in _referenced(adopted, "footnoteReference") if n not in own]
    assert [n for _, n in ours] == ["Tillägg enligt Kommunfullmäktige 2025-10-22 § 112",
                                    "Strykning enligt Kommunfullmäktige 2025-10-22 § 112"]
    assert "arbetar förebyggande och långsiktigt under perioden" in ours[0][0]
    assert ours[1][0].startswith("Insatserna följs upp varje år i kommunens årsredovisning.")
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(adopted) as b:
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
        assert changed == {"word/document.xml", "word/footnotes.xml", "docProps/core.xml"}
        assert set(b.namelist()) == set(a.namelist())


def test_source_docx_gets_a_comments_part_with_its_relationship(amend, tmp_path):
    source, adopted = _plan(amend, tmp_path, "comments")
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(adopted) as b:
        assert set(b.namelist()) - set(a.namelist()) == {"word/comments.xml"}
        assert b"comments.xml" in b.read("word/_rels/document.xml.rels")
        assert b'PartName="/word/comments.xml"' in b.read("[Content_Types].xml")
    texts = [_text(c) for c in _xml(adopted, "word/comments.xml").iter(f"{W}comment")]
    assert texts == ["Tillägg enligt Kommunfullmäktige 2025-10-22 § 112",
                     "Strykning enligt Kommunfullmäktige 2025-10-22 § 112"]
