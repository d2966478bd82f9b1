"""`amend blame` (which decision last wrote each span of a version), `amend diff PROGRAM-ID@A
PROGRAM-ID@B` (one redline across decisions, each change attributed) and `amend check` knowing
time (outputs lagging behind the version in force, decisions not yet in force, proposals pending):
on the bundled example's chain and on constructed chains, in English and Swedish."""
from __future__ import annotations

import html
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from amend.apply import apply_steps
from amend.blame import blame
from amend.history import build_timeline, chain_to
from amend.history_load import load_history
from cli import main

REPO = Path(__file__).resolve().parents[1]
PID = "valdsforebyggande-2025-2027"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def copy_example(root: Path) -> Path:
    for folder in ("programs", "amendments"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def pieces(data, start):
    """The (version, text) spans of the first text that starts with `start`."""
    text = next(t for t in data["texts"] if t["text"].startswith(start))
    return [(s["version"], s["text"]) for s in text["spans"]]


# ---------------------------------------------------------------- the example's chain


def test_example_blame_attributes_each_decision(tmp_path):
    root = copy_example(tmp_path)
    result = run("--lang", "en", "blame", f"{PID}@kf-2026-11-23", "--root", root, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["version"] for s in data["sources"]] == ["proposed", "adopted", "kf-2025-11-24", "kf-2026-11-23"]
    assert data["sources"][1]["decision"]["paragraph"] == "§ 170"
    # the committee's own additions stay the committee's, though the council adopted them (§ 12 changed no text)
    assert pieces(data, "Inom kommunen sker samverkan")[1:] == [
        ("adopted", " samt med de fackliga parterna"), ("proposed", ".")]
    assert pieces(data, "Fackliga parter erbjuds") == [("adopted", "Fackliga parter erbjuds basutbildning.")]
    assert [v for v, _ in pieces(data, "Det våldsförebyggande arbetet består")] == [
        "proposed", "kf-2026-11-23", "proposed", "kf-2026-11-23"]
    assert pieces(data, "Det våldsförebyggande arbetet består")[1] == ("kf-2026-11-23", "2028")
    assert not any(s["version"] == "kf-2025-11-24" for t in data["texts"] for s in t["spans"])


def test_blame_spans_cover_the_built_version_exactly(tmp_path):
    """Joined, the spans of each text are the text of the version `amend show` writes, in its order."""
    root = copy_example(tmp_path)
    assert run("show", f"{PID}@kf-2026-11-23", "--root", root, "-o", tmp_path / "out").exit_code == 0
    built = yaml.safe_load((tmp_path / "out" / f"{PID}.kf-2026-11-23.yaml").read_text(encoding="utf-8"))
    data = json.loads(run("blame", f"{PID}@kf-2026-11-23", "--root", root, "--format", "json").stdout)
    joined = ["".join(s["text"] for s in t["spans"]) for t in data["texts"]]
    assert joined == [t["text"] for t in data["texts"]]
    headings = [t["text"] for t in data["texts"] if t["kind"] == "heading"]
    assert headings == [s["heading"] for s in built["sections"]]
    for t in data["texts"]:
        assert [s["start"] for s in t["spans"][1:]] == [s["end"] for s in t["spans"][:-1]]


def test_blame_by_date_and_today(tmp_path):
    root = copy_example(tmp_path)
    on_date = run("blame", f"{PID}@2026-06-01", "--root", root, "--format", "json")
    at = run("blame", PID, "--at", "2026-06-01", "--root", root, "--format", "json")
    assert on_date.exit_code == at.exit_code == 0
    assert json.loads(on_date.stdout)["version"] == json.loads(at.stdout)["version"] == "kf-2025-11-24"
    both = run("blame", f"{PID}@adopted", "--at", "2026-06-01", "--root", root)
    assert both.exit_code == 2
    for lang, words in (("en", "error: '2026-02-30' is not a date; write it as YYYY-MM-DD"),
                        ("sv", "fel: ”2026-02-30” är inte ett datum; skriv det som ÅÅÅÅ-MM-DD")):
        result = run("--lang", lang, "blame", f"{PID}@2026-02-30", "--root", root)
        assert result.exit_code == 1 and words in result.stderr


@pytest.mark.parametrize("lang, head, kinds", [
    ("en", "written by:", ("page 6", "paragraph", "the program file")),
    ("sv", "skrivet av:", ("sidan 6", "stycke", "programfilen")),
])
def test_blame_text_in_both_languages(tmp_path, lang, head, kinds):
    root = copy_example(tmp_path)
    result = run("--lang", lang, "blame", f"{PID}@adopted", "--root", root)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{PID}@adopted: Program om våldsförebyggande arbete 2025–2027"
    assert lines[2] == head
    assert all(k in result.stdout for k in kinds)
    row = next(n for n, line in enumerate(lines) if "mellan mellan olika förvaltningar i kommunen" in line)
    assert lines[row].split()[:3] == kinds[0].split() + [kinds[1]]
    assert lines[row + 1].split() == ["adopted", "samt", "med", "de", "fackliga", "parterna"]
    assert lines[row + 2].split() == ["proposed", "."]
    # a version not in force is blamed on request, with the warning show gives
    warning = {"en": "is proposal", "sv": "förslag"}[lang]
    assert warning in result.stderr


def test_blame_html_page(tmp_path):
    root = copy_example(tmp_path)
    out = tmp_path / "blame.html"
    result = run("--lang", "sv", "blame", f"{PID}@kf-2026-11-23", "--root", root, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<title>Vem skrev vad: Program om våldsförebyggande arbete 2025–2027 (kf-2026-11-23)</title>" in page
    assert ('<span class="s1" title="adopted: Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (2025.202 KS)">'
            " samt med de fackliga parterna</span>") in page
    assert '<span class="s3" title="kf-2026-11-23: Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)">2028</span>' in page
    assert "<li>" + '<span class="s1"' in page  # the added list item
    assert not re.search(r"(src|href)=\"?https?:", page) and "<script" not in page
    assert f"skrev {out}" in result.stderr


def test_blame_unknown_version_in_both_languages(tmp_path):
    root = copy_example(tmp_path)
    en = run("--lang", "en", "blame", f"{PID}@nope", "--root", root)
    sv = run("--lang", "sv", "blame", f"{PID}@nope", "--root", root)
    assert en.exit_code == sv.exit_code == 1
    assert f"error: the program '{PID}' has no version 'nope'" in en.stderr
    assert f"fel: programmet ”{PID}” har ingen version ”nope”" in sv.stderr


# ---------------------------------------------------------------- a constructed chain: a rewrite of an insertion


PROGRAM = """program:
  id: p
  title: Prov
  version: v0
  status: Antagen
  decisions:
    - {body: Kommunfullmäktige, date: "2024-01-10", paragraph: § 3}
sections:
  - heading: Text
    level: 1
    page: 1
    content:
      - Ett två tre.
      - Fyra fem sex.
      - bullets: [Alfa, Beta]
"""


def patch(base, produces, date, paragraph, amendments, **extra) -> str:
    lines = ["program: p", f"base: {base}", f"produces: {produces}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    lines += ["decision:", "  body: Kommunfullmäktige", f'  date: "{date}"', f"  paragraph: § {paragraph}",
              "amendments:"] + ["  " + line for line in amendments]
    return "\n".join(lines) + "\n"


def make_repo(root: Path, patches: dict[str, str]) -> Path:
    (root / "programs").mkdir(parents=True)
    (root / "programs" / "p.yaml").write_text(PROGRAM, encoding="utf-8")
    (root / "amendments" / "p").mkdir(parents=True)
    for name, text in patches.items():
        (root / "amendments" / "p" / name).write_text(text, encoding="utf-8")
    return root


REWRITE = {
    "a.yaml": patch("v0", "v1", "2025-01-10", 1, [
        "- id: a1", "  at: {page: 1, paragraph: 1}", "  after: tre", "  insert: ' och fyrtio fyra'",
        "- id: a2", "  at: {page: 1}", "  add_item: Gamma"]),
    "b.yaml": patch("v1", "v2", "2025-06-10", 2, [
        "- id: b1", "  at: {page: 1, paragraph: 1}", "  replace: fyrtio fyra", "  with: femtio",
        "- id: b2", "  at: {page: 1}", "  delete_paragraph: Fyra fem sex.",
        "- id: b3", "  at: {page: 1}", "  add_paragraph: Fyra fem sex."]),
}


def test_blame_across_a_rewrite_and_a_move(tmp_path):
    """A later decision that rewrites an earlier insertion owns the words it wrote; the earlier keeps the
    rest of its insertion; a paragraph moved by the later decision is the later decision's."""
    root = make_repo(tmp_path, REWRITE)
    data = json.loads(run("blame", "p@v2", "--root", root, "--format", "json").stdout)
    assert pieces(data, "Ett två tre") == [("v0", "Ett två tre"), ("v1", " och "), ("v2", "femtio"), ("v0", ".")]
    assert [(t["kind"], t["text"]) for t in data["texts"]] == [
        ("heading", "Text"), ("paragraph", "Ett två tre och femtio."), ("item", "Alfa"), ("item", "Beta"),
        ("item", "Gamma"), ("paragraph", "Fyra fem sex.")]
    assert pieces(data, "Fyra fem sex.") == [("v2", "Fyra fem sex.")]
    assert pieces(data, "Gamma") == [("v1", "Gamma")] and pieces(data, "Alfa") == [("v0", "Alfa")]
    # one step back, the insertion is still whole and the paragraph the program's own
    before = json.loads(run("blame", "p@v1", "--root", root, "--format", "json").stdout)
    assert pieces(before, "Ett två tre") == [("v0", "Ett två tre"), ("v1", " och fyrtio fyra"), ("v0", ".")]
    assert pieces(before, "Fyra fem sex.") == [("v0", "Fyra fem sex.")]


def test_blame_core_on_the_chain(tmp_path):
    program, patches = load_history(make_repo(tmp_path, REWRITE), "p")
    steps = apply_steps(program, list(chain_to(build_timeline(program, patches, "2026-01-01"), "v2")))
    b = blame(program, [(s.patch, s.result) for s in steps])
    assert [s.version for s in b.sources] == ["v0", "v1", "v2"]
    assert b.program == steps[-1].result
    first = next(t for t in b.texts if t.kind == "paragraph")
    assert list(first.pieces()) == [("Ett två tre", 0), (" och ", 1), ("femtio", 2), (".", 0)]
    assert blame(program, []).texts[1].spans[0].source == 0


# ---------------------------------------------------------------- amend diff PROGRAM-ID@A PROGRAM-ID@B


def revisions(path: Path) -> set[tuple[str, str, str]]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return set(re.findall(r'<w:(ins|del) [^>]*?w:author="([^"]*)" w:date="([^"]*)"', xml))


def test_diff_across_three_decisions_docx_and_html(tmp_path):
    root = copy_example(tmp_path)
    docx, out = tmp_path / "r.docx", tmp_path / "r.html"
    result = run("--lang", "en", "diff", f"{PID}@proposed", f"{PID}@2027-01-01", "--root", root, "--docx", docx,
                 "--html", out)
    assert result.exit_code == 0, result.output
    assert "'proposed' against 'kf-2026-11-23': 8 changes by 3 decisions" in result.stderr
    marks = revisions(docx)
    assert ("ins", "Kommunstyrelsens arbetsutskott", "2025-10-22T00:00:00Z") in marks
    assert ("ins", "Kommunfullmäktige", "2026-11-23T00:00:00Z") in marks
    assert ("del", "Kommunfullmäktige", "2026-11-23T00:00:00Z") in marks  # "2027" struck by § 130
    assert not any(author == "amend" for _, author, _ in marks)
    page = out.read_text(encoding="utf-8")
    legend = page[page.index('<ul class="decisions">'):page.index("</ul>", page.index('<ul class="decisions">'))]
    assert legend.count("<li>") == 3
    assert "Besluten, vart och ett i sin färg" in page  # the page's language is the program's
    assert ('<span class="swatch d1"></span>Förslag till Kommunfullmäktige från Kommunstyrelsens arbetsutskott '
            "2025-10-22 § 170") in legend
    # the change that writes "2028" is coloured as § 130's (the third decision)
    change = re.search(r'<del id="(c\d+)">2027</del>', page)
    assert change, page
    third = re.search(r"\.swatch\.d3 \{ background: (#\w+);", page).group(1)
    assert f"#{change[1]}, #{change[1]} + ins, #{change[1]} + del {{ background: {third};" in page


def test_diff_versions_in_the_terminal(tmp_path):
    root = copy_example(tmp_path)
    result = run("diff", f"{PID}@kf-2025-11-24", f"{PID}@kf-2026-11-23", "--root", root, "--no-color")
    assert result.exit_code == 0, result.output
    assert "ska ske under [-2027-]{+2028+}" in result.stdout
    assert "fackliga parterna" not in result.stdout  # § 170's additions are in both versions
    assert "Status: [-Antagen-]{+Reviderad+}" in result.stdout


@pytest.mark.parametrize("lang, lines", [
    ("en", ["   p. 1  (title page)           2 changes  +12 -3 words",
            "   p. 6  Samverkan              1 change   +5 -0 words",
            "   p. 8  Kompetensutveckling    1 change   +4 -0 words",
            "2 sections changed, 4 changes, +21 -3 words"]),
    ("sv", ["   s. 1  (titelsidan)           2 ändringar  +12 -3 ord",
            "   s. 6  Samverkan              1 ändring    +5 -0 ord",
            "   s. 8  Kompetensutveckling    1 ändring    +4 -0 ord",
            "2 avsnitt ändrade, 4 ändringar, +21 -3 ord"]),
])
def test_diff_stat_in_the_readers_language(tmp_path, lang, lines):
    root = copy_example(tmp_path)
    result = run("--lang", lang, "diff", f"{PID}@proposed", f"{PID}@adopted", "--root", root, "--stat")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == lines
    where = run("--lang", lang, "diff", f"{PID}@proposed", f"{PID}@adopted", "--root", root, "--no-color")
    assert where.stdout.splitlines()[0] == ("@@ p. 1 · title page @@" if lang == "en" else "@@ s. 1 · titelsidan @@")


@pytest.mark.parametrize("lang, words", [
    ("en", "warning: 'adopted' is not built on 'kf-2026-11-23', so the changes are not attributed to decisions"),
    ("sv", "varning: ”adopted” bygger inte på ”kf-2026-11-23”, så ändringarna knyts inte till några beslut"),
])
def test_diff_backwards_is_not_attributed(tmp_path, lang, words):
    root = copy_example(tmp_path)
    result = run("--lang", lang, "diff", f"{PID}@kf-2026-11-23", f"{PID}@adopted", "--root", root, "--no-color")
    assert result.exit_code == 0, result.output
    assert words in result.stderr
    assert "[-2028-]{+2027+}" in result.stdout


@pytest.mark.parametrize("lang, mixed, two", [
    ("en", "give two program files or two versions (PROGRAM-ID@VERSION), not one of each: 'p@v1' is not a file",
     "compare two versions of one program: 'p' and 'q' name different programs"),
    ("sv", "ange två programfiler eller två versioner (PROGRAM-ID@VERSION), inte en av varje: ”p@v1” är ingen fil",
     "jämför två versioner av samma program: ”p” och ”q” är olika program"),
])
def test_diff_usage_errors(tmp_path, lang, mixed, two):
    root = make_repo(tmp_path, REWRITE)
    result = run("--lang", lang, "diff", root / "programs" / "p.yaml", "p@v1", "--root", root)
    assert result.exit_code == 2 and mixed in result.output
    result = run("--lang", lang, "diff", "p@v1", "q@v2", "--root", root)
    assert result.exit_code == 2 and two in result.output


# ---------------------------------------------------------------- amend check knows time


def test_check_reports_an_output_lagging_behind_the_version_in_force(tmp_path):
    root = copy_example(tmp_path)
    assert run("show", PID, "--at", "2026-01-01", "--root", root, "-o", root / "build").exit_code == 0
    before = run("--lang", "en", "check", root, "--at", "2026-06-01")
    assert before.exit_code == 0, before.output
    assert (f"note: {PID}: 'kf-2026-11-23' (Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)) is adopted and "
            "takes effect on 2027-01-01; no outputs folder holds it yet") in before.stderr
    after = run("--lang", "en", "check", root, "--at", "2027-01-01", "--format", "json")
    assert after.exit_code == 1
    lagging = [o for o in json.loads(after.stdout)["outputs"] if o["version"] == "kf-2026-11-23"]
    assert lagging == [{
        "file": str(root / "build" / f"{PID}.kf-2026-11-23.yaml"), "program": PID, "version": "kf-2026-11-23",
        "status": "stale", "line": None,
        "message": "the version in force is 'kf-2026-11-23', but the newest version here is 'kf-2025-11-24': not "
                   "applied here: Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS); build it with: amend show "
                   f"{PID}@kf-2026-11-23 -o {root / 'build'}"}]
    sv = run("--lang", "sv", "check", root, "--at", "2027-01-01")
    assert ("den version som gäller är ”kf-2026-11-23”, men den nyaste versionen här är ”kf-2025-11-24”: inte "
            "genomfört här: Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)") in sv.stdout
    # the command it names brings the folder up to date
    assert run("show", f"{PID}@kf-2026-11-23", "--root", root, "-o", root / "build").exit_code == 0
    assert run("check", root, "--at", "2027-01-01").exit_code == 0


@pytest.mark.parametrize("lang, words", [
    ("en", "note: p: 'v2' (Kommunfullmäktige 2025-06-10 § 2, {file}) is pending: not yet decided"),
    ("sv", "obs: p: ”v2” (Kommunfullmäktige 2025-06-10 § 2, {file}) väntar: ännu inte beslutad"),
])
def test_check_notes_pending_proposals(tmp_path, lang, words):
    pending = dict(REWRITE, **{"b.yaml": REWRITE["b.yaml"].replace("produces: v2\n", "produces: v2\noutcome: pending\n")})
    root = make_repo(tmp_path, pending)
    result = run("--lang", lang, "check", root, "--at", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert words.format(file=root / "amendments" / "p" / "b.yaml") in result.stderr


@pytest.mark.parametrize("lang, message", [
    ("en", f"{PID}: 'kf-2026-11-23' (Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)) is adopted and takes effect "
           "on 2027-01-01; no outputs folder holds it yet"),
    ("sv", f"{PID}: ”kf-2026-11-23” (Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)) är antagen och börjar gälla "
           "2027-01-01; ingen utdatamapp har den ännu"),
])
def test_check_json_carries_the_time_notes(tmp_path, lang, message):
    import jsonschema

    root = copy_example(tmp_path)
    assert run("show", PID, "--at", "2026-01-01", "--root", root, "-o", root / "build").exit_code == 0
    result = run("--lang", lang, "check", root, "--at", "2026-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    schema = json.loads((REPO / "amend/schemas/check-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["notes"] == [{"kind": "not_applied", "message": message, "program": PID, "version": "kf-2026-11-23",
                              "decision": "Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)",
                              "in_force": "2027-01-01", "file": None}]


def test_check_json_carries_pending_proposals(tmp_path):
    pending = dict(REWRITE, **{"b.yaml": REWRITE["b.yaml"].replace("produces: v2\n", "produces: v2\noutcome: pending\n")})
    root = make_repo(tmp_path, pending)
    result = run("check", root, "--at", "2026-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    file = str(root / "amendments" / "p" / "b.yaml")
    assert json.loads(result.stdout)["notes"] == [{
        "kind": "pending", "program": "p", "version": "v2", "decision": "Kommunfullmäktige 2025-06-10 § 2",
        "in_force": None, "file": file,
        "message": f"p: 'v2' (Kommunfullmäktige 2025-06-10 § 2, {file}) is pending: not yet decided"}]
    quiet = run("check", make_repo(tmp_path / "other", REWRITE), "--at", "2026-01-01", "--format", "json")
    assert json.loads(quiet.stdout)["notes"] == []


def test_check_without_outputs_has_no_lag(tmp_path):
    root = make_repo(tmp_path, REWRITE)
    result = run("check", root, "--at", "2026-01-01")
    assert result.exit_code == 0 and "note:" not in result.stderr


# ---------------------------------------------------------------- the remaining words, in both languages


@pytest.mark.parametrize("lang, words", [
    ("en", {"kinds": ("heading", "item", "column heading"), "summary": "'adopted': 116 texts",
            "title": "<title>Who wrote what: Program om våldsförebyggande arbete 2025–2027 (adopted)</title>",
            "legend": "Each part of the text is marked with the decision that last wrote it; unmarked text is "
                      "the program's own (proposed)."}),
    ("sv", {"kinds": ("rubrik", "punkt", "kolumnrubrik"), "summary": "”adopted”: 116 texter",
            "title": "<title>Vem skrev vad: Program om våldsförebyggande arbete 2025–2027 (adopted)</title>",
            "legend": "Varje del av texten är markerad med det beslut som senast skrev den; omarkerad text är "
                      "programmets egen (proposed)."}),
])
def test_blame_words_in_both_languages(tmp_path, lang, words):
    root = copy_example(tmp_path)
    text = run("--lang", lang, "blame", f"{PID}@adopted", "--root", root)
    for kind in words["kinds"]:
        assert re.search(rf"^(page|sidan) \d+ +{kind}  ", text.stdout, re.M), kind
    assert words["summary"] in text.stderr
    page = html.unescape(run("--lang", lang, "blame", f"{PID}@adopted", "--root", root, "--format", "html").stdout)
    assert words["title"] in page and words["legend"] in page


@pytest.mark.parametrize("lang, summary, legend", [
    ("en", "'v0' against 'v2': 9 changes by 2 decisions", "Decisions, each in its colour"),
    ("sv", "”v0” mot ”v2”: 9 ändringar genom 2 beslut", "Besluten, vart och ett i sin färg"),
])
def test_diff_words_in_both_languages(tmp_path, lang, summary, legend):
    root = make_repo(tmp_path, REWRITE)
    program = root / "programs" / "p.yaml"
    program.write_text(PROGRAM.replace("  status: Antagen\n", f"  status: Antagen\n  language: {lang}\n"),
                       encoding="utf-8")
    page = tmp_path / "r.html"
    result = run("--lang", lang, "diff", "p@v0", "p@v2", "--root", root, "--html", page)
    assert result.exit_code == 0, result.output
    assert summary in result.stderr
    assert f'<p class="legend">{legend}</p>' in page.read_text(encoding="utf-8")


def test_check_future_note_in_swedish(tmp_path):
    root = copy_example(tmp_path)
    assert run("show", PID, "--at", "2026-01-01", "--root", root, "-o", root / "build").exit_code == 0
    result = run("--lang", "sv", "check", root, "--at", "2026-06-01")
    assert (f"obs: {PID}: ”kf-2026-11-23” (Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)) är antagen och "
            "börjar gälla 2027-01-01; ingen utdatamapp har den ännu") in result.stderr
