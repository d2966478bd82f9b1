"""The redline: Word tracked changes that accept to the adopted document and
reject to the proposal, comments naming each amendment, and the HTML page."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from ooxml import (
    assert_recovers,
    assert_well_formed_revisions,
    commented,
    comments,
    paragraph_text,
    read_part,
    texts,
    w,
)

from amend.apply import apply_steps
from amend.load import load_patch, load_program
from amend.output import build_time
from amend.redline import redline
from amend.render.docx import render_docx
from amend.render.redline_docx import render_redline_docx
from amend.render.redline_html import render_redline_html
from cli import main

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
PATCH = ROOT / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"
CASES = sorted(p for p in (ROOT / "tests" / "cases").glob("*/") if (p / "patch.yaml").exists())
STAMP = "2025-10-22T00:00:00Z"


@pytest.fixture(scope="module")
def applied(tmp_path_factory):
    """`amend apply` and `amend render` of the Alingsås example, as a user runs them."""
    out = tmp_path_factory.mktemp("out")
    runner = CliRunner()
    for args in (["apply", str(PROGRAM), str(PATCH), "-o", str(out)], ["render", str(PROGRAM), "-o", str(out)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    stem = out / "valdsforebyggande-2025-2027"
    return {name: Path(f"{stem}.{name}").read_bytes()
            for name in ("adopted.docx", "adopted.redline.docx", "adopted.redline.html", "proposed.docx")}


def _redline(program, *patches):
    steps = apply_steps(program, patches)
    red = redline(steps)
    return steps, red, render_redline_docx(red, build_time(steps[-1].result.meta.date))


# ---------------------------------------------------------------- the Alingsås example


def test_accept_all_is_the_adopted_docx_and_reject_all_the_proposal(applied):
    red = applied["adopted.redline.docx"]
    assert_recovers(red, old=applied["proposed.docx"], new=applied["adopted.docx"])
    assert "samt med de fackliga parterna" not in " ".join(texts(applied["proposed.docx"]))


def test_revisions_carry_the_deciding_body_and_the_decision_date(applied):
    red = applied["adopted.redline.docx"]
    assert_well_formed_revisions(red)
    revisions = list(read_part(red).iter(w("ins"), w("del")))
    assert revisions
    assert {r.get(w("author")) for r in revisions} == {"Kommunstyrelsens arbetsutskott"}
    assert {r.get(w("date")) for r in revisions} == {STAMP}


def test_each_tillagg_is_a_revision_anchored_to_a_comment_naming_it(applied):
    red = applied["adopted.redline.docx"]
    notes = comments(red)
    ranges = dict(commented(red))
    tillagg1 = [cid for cid, text in notes.items() if text.startswith("Tillägg 1 (tillagg-1)")]
    tillagg2 = [cid for cid, text in notes.items() if text.startswith("Tillägg 2 (tillagg-2)")]
    assert len(tillagg1) == len(tillagg2) == 1
    assert "läggs följande till: \"samt med de fackliga parterna\"" in notes[tillagg1[0]]
    assert "Beslut: Kommunstyrelsens arbetsutskott 2025-10-22 § 170" in notes[tillagg1[0]]
    assert ranges[tillagg1[0]] == " samt med de fackliga parterna"
    assert ranges[tillagg2[0]] == "Fackliga parter erbjuds basutbildning."
    inserted = ["".join(t.text for t in ins.iter(w("t"))) for ins in read_part(red).iter(w("ins"))]
    assert " samt med de fackliga parterna" in inserted and "Fackliga parter erbjuds basutbildning." in inserted


def test_the_added_item_is_a_whole_inserted_paragraph_with_its_mark(applied):
    body = read_part(applied["adopted.redline.docx"]).find(w("body"))
    item = next(p for p in body.iter(w("p")) if paragraph_text(p) == "Fackliga parter erbjuds basutbildning.")
    assert item.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "ListBullet"
    assert all(r.getparent().tag == w("ins") for r in item.iter(w("r")) if r.find(w("t")) is not None)
    # it ends its cell, so it takes over the cell's last mark and the item before it carries the inserted one
    before = item.getprevious()
    assert before.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None


def test_title_block_changes_are_tracked_too(applied):
    red = applied["adopted.redline.docx"]
    body = read_part(red).find(w("body"))
    facts = next(p for p in body.iter(w("p")) if "Datum: 2025-" in "".join(t.text for t in p.iter(w("t"))))
    deleted = ["".join(t.text for t in d.iter(w("delText"))) for d in facts.iter(w("del"))]
    inserted = ["".join(t.text for t in i.iter(w("t"))) for i in facts.iter(w("ins"))]
    # the reader's words only: the internal version names ("proposed", "adopted") are never shown
    # a date is one word: struck and added whole, not "2025-" kept and "03-18" → "10-22" (December 2026)
    assert deleted == ["Status: Förslag · ", "2025-03-18"] and inserted == ["2025-10-22"]
    assert not any("Version" in (t.text or "") or "proposed" in (t.text or "")
                   for t in body.iter(w("t"), w("delText")))
    line = "Förslag till Kommunfullmäktige från Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (ärende 2025.202 KS)"
    decision = next(p for p in body.iter(w("p")) if paragraph_text(p) == line)
    assert decision.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None
    assert any(line in note for note in comments(red).values())


def test_redline_is_reproducible(applied):
    program, patch = load_program(PROGRAM), load_patch(PATCH)
    assert _redline(program, patch)[2] == _redline(program, patch)[2] == applied["adopted.redline.docx"]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_redline_and_shows_the_inserted_words(applied, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    src = tmp_path / "redline.docx"
    src.write_bytes(applied["adopted.redline.docx"])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "redline.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "samt med de fackliga parterna" in flat
    assert "Fackliga parter erbjuds" in flat
    assert "mellan mellan olika förvaltningar i kommunen" in flat


# ---------------------------------------------------------------- the HTML page


def test_html_shows_both_tillagg_as_ins_linked_to_their_amendments(applied):
    html = applied["adopted.redline.html"].decode("utf-8")
    ins = re.findall(r"<ins[^>]*>(.*?)</ins>", html)
    assert " samt med de fackliga parterna" in ins and "Fackliga parter erbjuds basutbildning." in ins
    assert re.search(r'<li id="a1-tillagg-1"[^>]*><strong>Tillägg 1 \(tillagg-1\)</strong>', html)
    assert re.search(r'<ins id="(c\d+)"> samt med de fackliga parterna</ins><a class="back" href="#a1-tillagg-1"', html)
    assert '<del id="c1">Status: Förslag · </del>Datum: <del>2025-03-18</del><ins>2025-10-22</ins>' in html and "proposed" not in html
    # where the proposal's pages begin
    assert all(f'<div class="page" id="s{n}"><span>s. {n}</span></div>' in html for n in range(1, 10))


def test_html_links_resolve_and_nothing_is_fetched(applied):
    html = applied["adopted.redline.html"].decode("utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    targets = re.findall(r'href="#([^"]+)"', html)
    assert targets and set(targets) <= set(ids)
    for change in re.findall(r'<(?:ins|del) id="(c\d+)"', html):  # each change is listed and links back
        assert f'href="#{change}"' in html
    assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', html)
    assert "@import" not in html and "url(" not in html and "<script" not in html and "<link" not in html
    assert "@media print" in html and 'name="viewport"' in html


def test_html_escapes_text(tmp_path):
    program = load_program(PROGRAM)
    patch = tmp_path / "p.yaml"
    patch.write_text(PATCH.read_text(encoding="utf-8").replace(
        "insert: samt med de fackliga parterna", "insert: samt <b>fackliga</b> & andra").replace(
        "title: Tillägg 2", "title: Tillägg <2>"), encoding="utf-8")
    steps, red, _ = _redline(program, load_patch(patch))
    html = render_redline_html(red, [steps[0].patch]).decode("utf-8")
    assert "<ins id=\"c3\"> samt &lt;b&gt;fackliga&lt;/b&gt; &amp; andra</ins>" in html
    assert "Tillägg &lt;2&gt;" in html and "<b>" not in html


# ---------------------------------------------------------------- every operation


OPERATIONS = {
    "replace one word": "at: {page: 6, heading: Samverkan, paragraph: 2}\n    replace: särskilt viktig\n    with: mycket viktig",
    "delete words": "at: {page: 2, heading: Bakgrund, paragraph: 3}\n    delete: ', liksom i övriga landet,'",
    "insert before": "at: {page: 9, heading: Barn och unga}\n    before: har därför\n    insert: (särskilt skolan)",
    "insert at end": "at: {page: 5, heading: Barn som upplever våld, sentence: last}\n    insert: Även i skolan.",
    "add item first": "at: {page: 6, heading: Samverkan}\n    add_item: Räddningstjänsten.\n    position: first",
    "delete item": "at: {page: 3, heading: Målgrupper}\n    delete_item: Kvinnor som utsätts",
    # a numbered list's first item (LibreOffice put the restart of the list on the item that opens it)
    "delete the first numbered item": "at: {page: 9, heading: Uppföljning och revidering}\n    delete_item: Samordnaren",
    "add a numbered item first": ("at: {page: 3, heading: Övergripande mål}\n    add_item: Fler vuxna ser och agerar.\n"
                                  "    position: first"),
    "delete last item of a cell": "at: {page: 8, column: 3}\n    delete_item: Förtroendevalda bjuds in",
    "add paragraph": "at: {page: 7, heading: Primär prevention}\n    add_paragraph: Ett nytt stycke om normer.",
    "delete paragraph": "at: {page: 4, heading: Våld i nära relationer}\n    delete_paragraph: Psykologen Per Isdal",
    "delete the paragraph that starts a page": ("at: {page: 5, heading: Mäns våld mot kvinnor}\n"
                                                "    delete_paragraph: Våldet mot kvinnor hänger"),
    "add section": ("at: {page: 6}\n    add_section: {heading: Nytt avsnitt, level: 2, content: [Text i avsnittet., "
                    "{bullets: [Punkt ett., Punkt två.]}]}\n    after_section: Samverkan"),
    "delete section": "at: {page: 7}\n    delete_section: Sekundär prevention",
    "delete the last section": "at: {page: 9}\n    delete_section: Genomförande och resurser",
    "delete a section with a table": "at: {page: 5}\n    delete_section: Styrande dokument",
    # all of page 7: the adopted DOCX keeps it as a blank page (in LibreOffice too: tests/test_real_clients.py)
    "delete a whole page": "at: {page: 7}\n    delete_section: Förebyggande arbete på tre nivåer",
    "replace section text": ("at: {page: 9, heading: Barn och unga}\n    replace_section_text: "
                             "[Helt ny text om barn och unga., {numbered: [Ett., Två.]}]"),
    "edit a table cell": "at: {page: 5, heading: Styrande dokument, row: 2, column: 2}\n    replace: rutiner\n    with: skriftliga rutiner",
    "delete a paragraph in a column": "at: {page: 8, column: 2}\n    delete_paragraph: Medarbetare som möter",
}


def _patch(tmp_path, body: str, name="p.yaml", base="proposed", produces="adopted", body_name="Kommunfullmäktige",
           date="2025-11-24", am_id="a1", title="Ändring 1"):
    path = tmp_path / name
    path.write_text(f"""program: valdsforebyggande-2025-2027
base: {base}
produces: {produces}
decision: {{body: {body_name}, date: "{date}", paragraph: § 9}}
amendments:
  - id: {am_id}
    title: {title}
    text: Instruktionen som den står i protokollet.
    {body}
""", encoding="utf-8")
    return load_patch(path)


@pytest.mark.parametrize("body", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_every_operation_accepts_and_rejects_exactly(tmp_path, body):
    program = load_program(PROGRAM)
    steps, red, docx = _redline(program, _patch(tmp_path, body))
    when = build_time(None)
    assert_recovers(docx, old=render_docx(program, when), new=render_docx(steps[-1].result, when))
    assert_well_formed_revisions(docx)
    content = [c for c in red.changes if c.what != "title"]
    assert content and all(c.amendments == (steps[0].patch.amendments[0],) for c in content)
    assert {r.get(w("author")) for r in read_part(docx).iter(w("ins"), w("del"))} == {"Kommunfullmäktige"}
    named = [cid for cid, text in comments(docx).items() if text.startswith("Ändring 1 (a1)\nInstruktionen")]
    assert len(named) == len(content)


def test_one_changed_word_is_one_word_not_a_rewritten_paragraph(tmp_path):
    program = load_program(PROGRAM)
    _, red, docx = _redline(program, _patch(tmp_path, OPERATIONS["replace one word"]))
    body = [segs for path, segs in red.segments.items() if path[0] != "title" and any(s.op != "=" for s in segs)]
    assert len(body) == 1
    assert [(s.op, s.text) for s in body[0] if s.op != "="] == [("-", "särskilt"), ("+", "mycket")]
    deleted = ["".join(t.text for t in d.iter(w("delText"))) for d in read_part(docx).iter(w("del"))
               if d.getparent().tag == w("p")]
    assert "särskilt" in deleted and not any("Samverkan med civilsamhället" in d for d in deleted)


def test_a_deleted_section_is_whole_paragraphs_deleted_with_their_marks(tmp_path):
    program = load_program(PROGRAM)
    _, red, docx = _redline(program, _patch(tmp_path, OPERATIONS["delete section"]))
    body = read_part(docx).find(w("body"))
    heading = next(p for p in body.iter(w("p")) if paragraph_text(p) == "Sekundär prevention")
    assert heading.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None
    assert heading.find(f"{w('del')}/{w('r')}/{w('delText')}") is not None
    assert [c.what for c in red.changes if c.what != "title"] == ["section"]


def test_a_deleted_table_row_goes_with_its_row(tmp_path):
    program = load_program(PROGRAM)
    _, red, docx = _redline(program, _patch(tmp_path, OPERATIONS["delete a section with a table"]))
    rows = list(read_part(docx).iter(w("tr")))
    assert rows and all(tr.find(f"{w('trPr')}/{w('del')}") is not None for tr in rows if "Socialtjänstlagen"
                        in "".join(t.text for t in tr.iter(w("delText"))))


def test_several_patches_compare_the_original_with_the_final_program(tmp_path):
    program = load_program(PROGRAM)
    first = load_patch(PATCH)
    second = _patch(tmp_path, "at: {page: 6, heading: Samverkan, sentence: last}\n"
                              "    replace: fackliga parterna\n    with: arbetstagarorganisationerna",
                    base="adopted", produces="final", am_id="andring-1", title="Ändring 1")
    third = _patch(tmp_path, OPERATIONS["delete item"], name="q.yaml", base="final", produces="final2",
                   body_name="Kommunfullmäktige", date="2025-12-01", am_id="andring-2", title="Ändring 2")
    steps, red, docx = _redline(program, first, second, third)
    when = build_time(None)
    assert_recovers(docx, old=render_docx(program, when), new=render_docx(steps[-1].result, when))
    assert_well_formed_revisions(docx)
    by_text = {}
    for c in red.changes:
        words = "".join(s.text for s in red.segments[c.path] if s.change == c.n)
        by_text[words] = c
    # each run of inserted words is its writer's: the first patch put in "samt med de fackliga
    # parterna", the second rewrote "fackliga parterna"; the net insertion is two revisions
    inserted = by_text[" samt med de "]
    assert [a.id for a in inserted.amendments] == ["tillagg-1"]
    assert inserted.decision.body == "Kommunstyrelsens arbetsutskott"
    rewritten = by_text["arbetstagarorganisationerna"]
    assert [a.id for a in rewritten.amendments] == ["andring-1"] and rewritten.decision.body == "Kommunfullmäktige"
    item = by_text["Fackliga parter erbjuds basutbildning."]
    assert [a.id for a in item.amendments] == ["tillagg-2"] and item.decision.body == "Kommunstyrelsens arbetsutskott"
    gone = by_text["Kvinnor som utsätts för våld i nära relationer."]
    assert [a.id for a in gone.amendments] == ["andring-2"] and gone.decision.date == "2025-12-01"
    authors = {(r.get(w("author")), r.get(w("date"))) for r in read_part(docx).iter(w("ins"), w("del"))}
    assert ("Kommunstyrelsens arbetsutskott", STAMP) in authors and ("Kommunfullmäktige", "2025-12-01T00:00:00Z") in authors


# ---------------------------------------------------------------- golden cases


@pytest.mark.parametrize("case", CASES or [None], ids=[c.name for c in CASES] or ["none"])
def test_golden_cases_accept_and_reject_exactly(case):
    if case is None:
        pytest.skip("no golden cases in tests/cases/ yet")
    program = load_program(case.parent / "program.yaml")
    steps, red, docx = _redline(program, load_patch(case / "patch.yaml"))
    when = build_time(None)
    assert_recovers(docx, old=render_docx(program, when), new=render_docx(steps[-1].result, when))
    assert_well_formed_revisions(docx)
    assert all(c.amendments for c in red.changes if c.what != "title"), "a change not traced to its amendment"
    html = render_redline_html(red, [s.patch for s in steps]).decode("utf-8")
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'\bid="([^"]+)"', html))


# ---------------------------------------------------------------- amend diff


def test_diff_prints_a_plain_word_diff_when_not_on_a_terminal(applied, tmp_path):
    adopted = tmp_path / "adopted.yaml"
    CliRunner().invoke(main, ["apply", str(PROGRAM), str(PATCH), "-o", str(tmp_path)])
    adopted = tmp_path / "valdsforebyggande-2025-2027.adopted.yaml"
    result = CliRunner().invoke(main, ["diff", str(PROGRAM), str(adopted)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "@@ p. 6 · Samverkan @@" in lines
    assert any(line.endswith("olika förvaltningar i kommunen{+ samt med de fackliga parterna+}.") for line in lines)
    assert "+ {+Fackliga parter erbjuds basutbildning.+}" in lines
    assert "  [-Status: Förslag · -]Datum: [-2025-03-18-]{+2025-10-22+}" in lines
    assert "\x1b[" not in result.stdout
    colored = CliRunner().invoke(main, ["diff", "--color", str(PROGRAM), str(adopted)])
    assert "\x1b[32m" in colored.stdout and "{+" not in colored.stdout


def test_diff_stat_and_files(tmp_path):
    CliRunner().invoke(main, ["apply", str(PROGRAM), str(PATCH), "-o", str(tmp_path)])
    adopted = tmp_path / "valdsforebyggande-2025-2027.adopted.yaml"
    result = CliRunner().invoke(main, ["diff", "--stat", str(PROGRAM), str(adopted)])
    assert result.exit_code == 0, result.output
    assert re.search(r"p\. 6\s+Samverkan\s+1 change\s+\+5 -0 words", result.stdout)
    assert result.stdout.splitlines()[-1] == "2 sections changed, 4 changes, +21 -3 words"  # title: no version name
    docx, html = tmp_path / "d.docx", tmp_path / "d.html"
    result = CliRunner().invoke(main, ["diff", "--docx", str(docx), "--html", str(html), str(PROGRAM), str(adopted)])
    assert result.exit_code == 0 and result.stdout == ""
    assert_recovers(docx.read_bytes(), old=render_docx(load_program(PROGRAM), build_time(None)),
                    new=render_docx(load_program(adopted), build_time(None)))
    page = html.read_text(encoding="utf-8")
    assert "<ins" in page and 'id="other"' in page  # no amendments known: changes listed by place
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(re.findall(r'\bid="([^"]+)"', page))


def test_diff_of_a_file_with_itself_is_empty_and_bad_input_is_one_clear_error(tmp_path):
    same = CliRunner().invoke(main, ["diff", str(PROGRAM), str(PROGRAM)])
    assert same.exit_code == 0 and same.stdout == ""
    missing = CliRunner().invoke(main, ["diff", str(PROGRAM), str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1 and "nope.yaml: file not found" in missing.output
    assert "Traceback" not in missing.output


def test_settings_zoom_has_the_percent_the_schema_requires(applied):
    """ISO/IEC 29500 CT_Zoom: w:percent is required; python-docx's template leaves it out."""
    for name in ("adopted.docx", "adopted.redline.docx", "proposed.docx"):
        zoom = read_part(applied[name], "word/settings.xml").find(w("zoom"))
        assert zoom is not None and zoom.get(w("percent")) == "100", name
