"""`amend check` and `amend conflicts` on a repository whose program was edited
after its patches were written: every way a patch stops applying, in every
report format, with the exact lines a secretary (or CI) sees."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

REPO = Path(__file__).resolve().parents[1]
PID = "valdsforebyggande-2025-2027"
PROGRAM = f"programs/{PID}.yaml"
KSAU = f"amendments/{PID}/2025-10-22-ksau-170.yaml"
KS = f"amendments/{PID}/2025-11-05-ks-201.yaml"
KF12 = f"amendments/{PID}/2026-02-01-kf-12.yaml"
KF20 = f"amendments/{PID}/2026-03-01-kf-20.yaml"

# The program as edited after the patches were written.
PROGRAM_EDITS = [
    # anchor text changed: tillagg-1 quotes "… förvaltningar i kommunen"
    ("mellan mellan olika förvaltningar i kommunen.", "mellan mellan olika förvaltningar inom kommunen."),
    # heading renamed
    ("- heading: Kompetensutveckling", "- heading: Kompetens och utbildning"),
    # page shifted: the section moves from page 8 to page 9
    ("- heading: Tidig upptäckt och stöd\n    level: 2\n    page: 8",
     "- heading: Tidig upptäckt och stöd\n    level: 2\n    page: 9"),
    # anchor now duplicated: "ideella organisationer" now also in the first paragraph
    ("Kommunen samverkar särskilt med följande aktörer.",
     "Kommunen samverkar särskilt med följande aktörer, bland dem ideella organisationer."),
]

HEAD = """program: valdsforebyggande-2025-2027
base: {base}
produces: {produces}
decision:
  body: Kommunstyrelsen
  date: "2025-11-05"
  paragraph: § 201
amendments:
"""

KS_AMENDMENTS = """  - id: rubrik
    title: Ändring 1
    at: {page: 8, heading: Kompetensutveckling}
    after: Basutbildningen är webbaserad
    insert: och obligatorisk
  - id: sida
    title: Ändring 2
    at: {page: 8}
    replace: strukturerade bedömningsinstrument
    with: standardiserade bedömningsinstrument
  - id: dubbel
    title: Ändring 3
    at: {page: 6, heading: Samverkan}
    replace: ideella organisationer
    with: ideella föreningar och organisationer
  - id: budget
    title: Ändring 4
    at: {page: 9, heading: Genomförande och resurser}
    after: den ordinarie budgetprocessen
    insert: för respektive nämnd
  - id: trygga
    title: Ändring 5
    at: {page: 7, heading: Primär prevention}
    replace: trygga offentliga miljöer
    with: trygga och tillgängliga offentliga miljöer
  - id: offentliga
    title: Ändring 6
    at: {page: 7, heading: Primär prevention}
    delete: offentliga
"""


def copy_example(root: Path) -> Path:
    """The example program and its KSAU § 170 patch (the example's later decisions
    are left out: these tests are written against the first step of its chain)."""
    shutil.copytree(REPO / "programs", root / "programs")
    (root / KSAU).parent.mkdir(parents=True)
    shutil.copy(REPO / KSAU, root / KSAU)
    return root


def edit(path: Path, edits) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def edited(tmp_path, monkeypatch) -> Path:
    """The example repository, its program edited after the patches were written,
    with a second patch against the proposal, one against a version nothing
    produces, and one against the version the failing first patch produces."""
    root = copy_example(tmp_path)
    edit(root / PROGRAM, PROGRAM_EDITS)
    (root / KS).write_text(HEAD.format(base="proposed", produces="ks-201") + KS_AMENDMENTS, encoding="utf-8")
    (root / KF12).write_text(HEAD.format(base="revised", produces="final") + """  - id: slut
    at: {page: 9, heading: Genomförande och resurser}
    after: programperiodens slut
    insert: och framåt
""", encoding="utf-8")
    (root / KF20).write_text(HEAD.format(base="adopted", produces="consolidated") + """  - id: konsoliderad
    at: {page: 2, heading: Inledning}
    after: under perioden 2025–2027
    insert: och därefter
""", encoding="utf-8")
    monkeypatch.chdir(root)  # report paths relative to the repository, as in CI
    return root


def run(*args):
    return CliRunner().invoke(main, list(args))


# ---------------------------------------------------------------- text


FUZZY_MESSAGE = (
    "the text \"mellan mellan olika förvaltningar i kommunen\" is not on page 6 under 'Samverkan' in the last "
    "sentence. Closest: \"mellan mellan olika förvaltningar inom kommunen\" (94% similar, page 6, under "
    "'Samverkan', paragraph 3, sentence 3 of 3)")
HEADING_MESSAGE = ("there is no heading 'Kompetensutveckling' (headings that are close: "
                   "'Kompetens och utbildning' (page 8))")
PAGE_MESSAGE = ("the text \"strukturerade bedömningsinstrument\" is not on page 8: found page 9, "
                "under 'Tidig upptäckt och stöd', paragraph 1, sentence 2 of 3")
DUPLICATE_MESSAGE = ("the text \"ideella organisationer\" occurs 2 times on page 6 under 'Samverkan' (page 6, "
                     "under 'Samverkan', paragraph 1, sentence 3 of 3; page 6, under 'Samverkan', paragraph 2, "
                     "sentence 1 of 2); "
                     "quote more words or set occurrence")
CONFLICT_5 = ("changes text that Ändring 6 (offentliga) (line 34) also changes or quotes; "
              "the two amendments overlap and cannot both apply as worded")
CONFLICT_6 = ("changes text that Ändring 5 (trygga) (line 29) also changes or quotes; "
              "the two amendments overlap and cannot both apply as worded")
MISSING_BASE = (f"its base version 'revised' is neither the program's version ('proposed') nor produced by "
                f"another patch of '{PID}'")
UPSTREAM = f"its base version 'adopted' could not be rebuilt: {KSAU} does not apply"
SUMMARY = "failed: 2 of 10 amendments apply exactly, 6 do not, 2 not checked, 2 other problems"


def test_text_report_names_every_amendment_and_why(edited):
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{KSAU}  proposed → adopted",
        f"  fuzzy-only    14:5    Tillägg 1 (tillagg-1): {FUZZY_MESSAGE}",
        "  ok            23:5    Tillägg 2 (tillagg-2)",
        "",
        f"{KS}  proposed → ks-201",
        f"  not found     9:5     Ändring 1 (rubrik): {HEADING_MESSAGE}",
        f"  out of scope  14:5    Ändring 2 (sida): {PAGE_MESSAGE}",
        f"  ambiguous     19:5    Ändring 3 (dubbel): {DUPLICATE_MESSAGE}",
        "  ok            24:5    Ändring 4 (budget)",
        f"  conflict      29:5    Ändring 5 (trygga): {CONFLICT_5}",
        f"  conflict      34:5    Ändring 6 (offentliga): {CONFLICT_6}",
        "",
        f"{KF12}  revised → final",
        f"  missing base  2:7     {MISSING_BASE}",
        "  not checked   9:5     slut",
        "",
        f"{KF20}  adopted → consolidated",
        f"  not checked   2:7     {UPSTREAM}",
        "  not checked   9:5     konsoliderad",
        "",
        SUMMARY,
    ]
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_text_is_coloured_only_when_asked(edited):
    from amend.check import check_repo
    from amend.report import to_text

    report = check_repo(".")
    coloured = to_text(report, color=True)
    assert "\x1b[32mok" in coloured and "\x1b[33mfuzzy-only" in coloured and "\x1b[31m\x1b[1mnot found" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == to_text(report)


# ---------------------------------------------------------------- json


def test_json_report_follows_its_schema_and_says_why(edited):
    import jsonschema

    result = run("check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    schema = json.loads((REPO / "amend/schemas/check-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["ok"] is False
    assert data["summary"] == {"patches": 4, "amendments": 10, "ok": 2, "failing": 6, "not_checked": 2,
                               "problems": 2, "outputs": 0, "outputs_stale": 0}
    assert data["programs"] == [{"file": PROGRAM, "id": PID, "version": "proposed", "versions": ["proposed"],
                                 "problems": []}]
    patches = {p["file"]: p for p in data["patches"]}
    assert list(patches) == [KSAU, KS, KF12, KF20]
    rows = [(a["id"], a["line"], a["column"], a["status"]) for p in data["patches"] for a in p["amendments"]]
    assert rows == [("tillagg-1", 14, 5, "fuzzy_only"), ("tillagg-2", 23, 5, "ok"),
                    ("rubrik", 9, 5, "not_found"), ("sida", 14, 5, "out_of_scope"), ("dubbel", 19, 5, "ambiguous"),
                    ("budget", 24, 5, "ok"), ("trygga", 29, 5, "conflict"), ("offentliga", 34, 5, "conflict"),
                    ("slut", 9, 5, "not_checked"), ("konsoliderad", 9, 5, "not_checked")]
    fuzzy = patches[KSAU]["amendments"][0]
    assert fuzzy["message"] == FUZZY_MESSAGE
    assert fuzzy["similarity"] == 0.936  # 1 - 3/47: "i" → "inom"
    assert fuzzy["closest"] == "mellan mellan olika förvaltningar inom kommunen"
    assert fuzzy["where"] == "page 6, under 'Samverkan', paragraph 3, sentence 3 of 3"
    ks = {a["id"]: a for a in patches[KS]["amendments"]}
    assert ks["sida"]["found"] == ["page 9, under 'Tidig upptäckt och stöd', paragraph 1, sentence 2 of 3"]
    assert ks["trygga"]["conflicts_with"] == ["offentliga"] and ks["offentliga"]["conflicts_with"] == ["trygga"]
    assert ks["budget"] == {**ks["budget"], "status": "ok", "message": "", "similarity": None, "found": []}
    assert patches[KF12]["problems"] == [{"kind": "missing_base", "message": MISSING_BASE, "file": KF12,
                                          "line": 2, "column": 7}]
    assert patches[KF20]["problems"] == [{"kind": "not_checked", "message": UPSTREAM, "file": KF20,
                                          "line": 2, "column": 7}]


# ---------------------------------------------------------------- github

ANNOTATION = re.compile(r"^::(error|warning|notice)( (file|line|endLine|col|endColumn|title)=[^,:\n]*"
                        r"(,(file|line|endLine|col|endColumn|title)=[^,:\n]*)*)?::[^\n]*$")


def gh(text: str) -> str:
    return text.replace("%", "%25")


def test_github_annotations_point_at_each_failing_amendment(edited):
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(ANNOTATION.match(line) for line in lines), lines
    assert lines == [
        f"::error file={KSAU},line=14,col=5,title=fuzzy-only%3A Tillägg 1 (tillagg-1)::"
        f"Tillägg 1 (tillagg-1): {gh(FUZZY_MESSAGE)}",
        f"::error file={KS},line=9,col=5,title=not found%3A Ändring 1 (rubrik)::Ändring 1 (rubrik): {HEADING_MESSAGE}",
        f"::error file={KS},line=14,col=5,title=out of scope%3A Ändring 2 (sida)::Ändring 2 (sida): {PAGE_MESSAGE}",
        f"::error file={KS},line=19,col=5,title=ambiguous%3A Ändring 3 (dubbel)::Ändring 3 (dubbel): "
        f"{DUPLICATE_MESSAGE}",
        f"::error file={KS},line=29,col=5,title=conflict%3A Ändring 5 (trygga)::Ändring 5 (trygga): {CONFLICT_5}",
        f"::error file={KS},line=34,col=5,title=conflict%3A Ändring 6 (offentliga)::Ändring 6 (offentliga): "
        f"{CONFLICT_6}",
        f"::error file={KF12},line=2,col=7,title=missing base::{MISSING_BASE}",
        f"::error file={KF20},line=2,col=7,title=not checked::{UPSTREAM}",
        f"::error title=amend check::{SUMMARY}",
    ]


def test_github_escapes_what_would_break_a_command():
    from amend.report import _annotation

    line = _annotation("error", "a,b.yaml", 3, 1, "x: y", "50% done\nnext")
    assert line == "::error file=a%2Cb.yaml,line=3,col=1,title=x%3A y::50%25 done%0Anext"
    assert ANNOTATION.match(line)


# ---------------------------------------------------------------- junit


def test_junit_has_one_testcase_per_amendment(edited):
    result = run("check", "--format", "junit")
    assert result.exit_code == 1
    assert result.stdout.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites ")
    suites = ET.fromstring(result.stdout)
    assert suites.tag == "testsuites"
    assert {k: suites.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "12", "failures": "8", "errors": "0", "skipped": "2"}
    cases = [(s.get("name"), c.get("name"), c.get("line"),
              c[0].tag if len(c) else "passed", c[0].get("type") if len(c) else None,
              c[0].get("message") if len(c) else None)
             for s in suites for c in s]
    assert cases == [
        (KSAU, "Tillägg 1 (tillagg-1)", "14", "failure", "fuzzy_only", FUZZY_MESSAGE),
        (KSAU, "Tillägg 2 (tillagg-2)", "23", "passed", None, None),
        (KS, "Ändring 1 (rubrik)", "9", "failure", "not_found", HEADING_MESSAGE),
        (KS, "Ändring 2 (sida)", "14", "failure", "out_of_scope", PAGE_MESSAGE),
        (KS, "Ändring 3 (dubbel)", "19", "failure", "ambiguous", DUPLICATE_MESSAGE),
        (KS, "Ändring 4 (budget)", "24", "passed", None, None),
        (KS, "Ändring 5 (trygga)", "29", "failure", "conflict", CONFLICT_5),
        (KS, "Ändring 6 (offentliga)", "34", "failure", "conflict", CONFLICT_6),
        (KF12, "missing base", "2", "failure", "missing_base", MISSING_BASE),
        (KF12, "slut", "9", "skipped", None, "not checked: see the problem of the patch"),
        (KF20, "not checked", "2", "failure", "not_checked", UPSTREAM),
        (KF20, "konsoliderad", "9", "skipped", None, "not checked: see the problem of the patch"),
    ]
    failure = suites.find("testsuite/testcase[@name='Ändring 1 (rubrik)']/failure")
    assert failure.text == f"{KS}:9: Ändring 1 (rubrik): {HEADING_MESSAGE}"


# ---------------------------------------------------------------- clean example


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_the_clean_example_passes(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(copy_example(tmp_path))
    result = run("check", "--format", fmt)
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    if fmt == "text":
        assert out.splitlines() == [
            f"{KSAU}  proposed → adopted",
            "  ok            14:5    Tillägg 1 (tillagg-1)",
            "  ok            23:5    Tillägg 2 (tillagg-2)",
            "",
            "ok: every amendment applies exactly (2 amendments in 1 patch)",
        ]
    elif fmt == "json":
        data = json.loads(out)
        assert data["ok"] is True and data["programs"][0]["versions"] == ["proposed", "adopted"]
        assert [a["status"] for a in data["patches"][0]["amendments"]] == ["ok", "ok"]
    elif fmt == "github":
        assert out == "::notice title=amend check::ok: every amendment applies exactly (2 amendments in 1 patch)\n"
    else:
        suites = ET.fromstring(out)
        assert (suites.get("tests"), suites.get("failures")) == ("2", "0")


def test_the_repository_itself_passes():
    result = CliRunner().invoke(main, ["check", str(REPO)])
    assert result.exit_code == 0, result.stdout


# ---------------------------------------------------------------- version chains


def test_cycles_doubles_and_bad_files_are_each_named(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    folder = root / f"amendments/{PID}"
    source = (root / KSAU).read_text(encoding="utf-8")

    def patch(name, base, produces):
        text = source.replace("base: proposed", f"base: {base}").replace("produces: adopted", f"produces: {produces}")
        (folder / name).write_text(text, encoding="utf-8")

    patch("dubbel.yaml", "proposed", "adopted")  # a second patch producing 'adopted'
    patch("x.yaml", "b", "a")
    patch("y.yaml", "a", "b")  # x and y go round in a circle
    patch("z.yaml", "b", "c")  # builds on the circle
    (folder / "trasig.yaml").write_text(f"program: {PID}\nbase: c\nproduces: d\n", encoding="utf-8")
    (root / "amendments/okand").mkdir()
    (root / "amendments/okand/p.yaml").write_text(source, encoding="utf-8")

    result = run("check")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if not re.match(r"  (ok|not checked) +\d+:5 ", line)]
    f = f"amendments/{PID}"
    assert lines == [
        "amendments/okand/p.yaml  proposed → adopted",
        f"  no program    -       is in amendments/okand, but there is no program with the id 'okand' in programs "
        f"(ids: {PID})",
        "",
        f"{KSAU}  proposed → adopted",
        f"  duplicate     6:11    produces the version 'adopted', which {f}/dubbel.yaml also produces; "
        "each version must come from one patch",
        "",
        f"{f}/dubbel.yaml  proposed → adopted",
        f"  duplicate     6:11    produces the version 'adopted', which {KSAU} also produces; "
        "each version must come from one patch",
        "",
        f"{f}/trasig.yaml  c → d",
        "  invalid       1:1     the file: 'decision' is missing",
        "",
        f"{f}/x.yaml  b → a",
        f"  cycle         5:7     its base version 'b' goes round in a circle: a → b → a ({f}/y.yaml, {f}/x.yaml); "
        "one of them must start from the program's version 'proposed'",
        "",
        f"{f}/y.yaml  a → b",
        f"  cycle         5:7     its base version 'a' goes round in a circle: b → a → b ({f}/x.yaml, {f}/y.yaml); "
        "one of them must start from the program's version 'proposed'",
        "",
        f"{f}/z.yaml  b → c",
        "  not checked   5:7     its base version 'b' comes from patches whose versions go round in a circle",
        "",
        "failed: 4 of 12 amendments apply exactly, 8 not checked, 7 other problems",
    ]


def test_a_program_without_patches_and_an_empty_folder():
    from amend.check import build_versions, check_repo
    from amend.load import load_program

    program = load_program(REPO / PROGRAM)
    versions = build_versions(program, [])
    assert versions.state == {"proposed": program} and versions.reports == []
    report = check_repo(REPO / "tests")  # no programs/ there
    assert not report.ok and [p.kind for p in report.problems] == ["no_programs"]


# ---------------------------------------------------------------- committed outputs


def test_stale_and_orphan_outputs_fail(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    assert run("apply", PROGRAM, KSAU, "-o", "build").exit_code == 0
    assert run("apply", PROGRAM, KSAU, "-o", "published").exit_code == 0
    fresh = run("check", "--outputs", "published")
    assert fresh.exit_code == 0
    assert fresh.stdout.splitlines()[-5:] == [
        "committed outputs",
        f"  ok            -       published/{PID}.adopted.yaml is up to date",
        f"  ok            -       build/{PID}.adopted.yaml is up to date",
        "",
        "ok: every amendment applies exactly (2 amendments in 1 patch); 2 outputs up to date",
    ]
    # the decision's wording is corrected after the outputs were committed
    edit(root / KSAU, [("insert: samt med de fackliga parterna", "insert: samt med fackliga organisationer")])
    shutil.copy(root / f"build/{PID}.adopted.yaml", root / f"build/{PID}.revised.yaml")
    result = run("check", "--outputs", "published", "--format", "text")
    assert result.exit_code == 1
    rebuild = f"rebuild it with: amend apply {PROGRAM} {KSAU} -o"
    assert result.stdout.splitlines()[-6:] == [
        "committed outputs",
        f"  stale         124     published/{PID}.adopted.yaml: differs from what the patches produce now: "
        f"the section 'Samverkan' (page 6); {rebuild} published",
        f"  stale         124     build/{PID}.adopted.yaml: differs from what the patches produce now: "
        f"the section 'Samverkan' (page 6); {rebuild} build",
        f"  orphan        -       build/{PID}.revised.yaml: no patch of '{PID}' produces the version 'revised' "
        "(any more); delete the file or restore its patch",
        "",
        "failed: 2 of 2 amendments apply exactly, 3 outputs out of date",
    ]
    lines = run("check", "--outputs", "published", "--format", "github").stdout.splitlines()
    assert all(ANNOTATION.match(line) for line in lines)
    assert lines[0].startswith(f"::error file=published/{PID}.adopted.yaml,line=124,title=stale output::differs")


def test_metadata_changes_make_an_output_stale(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    assert run("apply", PROGRAM, KSAU, "-o", "build").exit_code == 0
    edit(root / KSAU, [("produces: adopted", "produces: adopted\nstatus: Antagen med ändringar")])
    data = json.loads(run("check", "--format", "json").stdout)
    assert data["outputs"] == [{
        "file": f"build/{PID}.adopted.yaml", "program": PID, "version": "adopted", "status": "stale",
        "message": f"differs from what the patches produce now: the title block (status); rebuild it with: "
                   f"amend apply {PROGRAM} {KSAU} -o build", "line": 3}]


# ---------------------------------------------------------------- competing patches


S_PATCH = """program: valdsforebyggande-2025-2027
base: proposed
produces: s-forslag
decision: {body: Socialdemokraterna, date: "2025-10-15"}
amendments:
  - id: s-1
    title: S yrkande 1
    at: {page: 6, heading: Samverkan, sentence: last}
    after: mellan mellan olika förvaltningar i kommunen
    insert: samt med de fackliga parterna
  - id: s-2
    title: S yrkande 2
    at: {page: 8, column: 3}
    add_item: Fackliga parter erbjuds basutbildning.
  - id: s-3
    at: {page: 9}
    delete: finns inte
"""
M_PATCH = """program: valdsforebyggande-2025-2027
base: proposed
produces: m-forslag
decision: {body: Moderaterna, date: "2025-10-15"}
amendments:
  - id: m-1
    title: M yrkande 1
    at: {page: 6, heading: Samverkan, sentence: last}
    replace: mellan mellan olika förvaltningar
    with: mellan förvaltningarna
  - id: m-2
    at: {page: 9}
    replace: kan mätas med nyckeltal
    with: kan mätas
"""


def test_conflicts_matrix_for_the_chair(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    (root / "s.yaml").write_text(S_PATCH, encoding="utf-8")
    (root / "m.yaml").write_text(M_PATCH, encoding="utf-8")
    result = run("conflicts", "s.yaml", "m.yaml")
    assert result.exit_code == 0  # a report, even with overlaps
    assert result.stdout.splitlines() == [
        f"Competing amendments to {PID}, version proposed:",
        "  A  s.yaml",
        "  B  m.yaml",
        "",
        "  A1   6:5     S yrkande 1 (s-1)",
        "  A2   11:5    S yrkande 2 (s-2)",
        "  A3   15:5    s-3",
        "  B1   6:5     M yrkande 1 (m-1)",
        "  B2   11:5    m-2",
        "",
        "      A1  A2  B1  B2",
        "  A1  -   .   X   .",
        "  A2  .   -   .   .",
        "  B1  X   .   -   .",
        "  B2  .   .   .   -",
        "",
        "Overlapping (they change or quote the same text; adopting one changes what the other must say):",
        "  A1 × B1  S yrkande 1 (s-1) and M yrkande 1 (m-1), on page 6 under 'Samverkan' in the last sentence",
        "",
        "Not in the matrix (they do not apply to this version as worded):",
        "  A3   not found: s-3: the text \"finns inte\" is not on page 9",
    ]


def test_conflicts_against_a_version_built_from_the_repository(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    # two proposals against the adopted version: the base is rebuilt from the repository's patches
    later = [("base: proposed", "base: adopted"), ("after: mellan mellan olika förvaltningar i kommunen",
                                                     "after: samt med de fackliga parterna")]
    for name, text in (("s.yaml", S_PATCH), ("m.yaml", M_PATCH)):
        (root / name).write_text(text, encoding="utf-8")
    edit(root / "s.yaml", later)
    edit(root / "m.yaml", [("base: proposed", "base: adopted"),
                           ("replace: mellan mellan olika förvaltningar", "replace: de fackliga parterna")])
    lines = run("conflicts", "s.yaml", "m.yaml").stdout.splitlines()
    assert lines[0] == f"Competing amendments to {PID}, version adopted:"
    assert "  A1 × B1  S yrkande 1 (s-1) and M yrkande 1 (m-1), on page 6 under 'Samverkan' in the last sentence" \
        in lines
    mixed = run("conflicts", "s.yaml", KSAU)
    assert mixed.exit_code == 1
    assert mixed.stderr.strip() == (f"error: {KSAU}: is worded against '{PID}' version 'proposed', but s.yaml "
                                    f"against '{PID}' version 'adopted'; compare patches tabled against the "
                                    "same version")


def test_usage_errors_exit_2(edited):
    assert run("check", "--format", "xml").exit_code == 2
    assert run("check", "no-such-folder").exit_code == 2
    assert run("conflicts").exit_code == 2


def test_a_broken_program_or_a_patch_for_another_program_is_not_checked(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.chdir(root)
    edit(root / PROGRAM, [("    level: 2\n    page: 6\n", "    level: 2\n    page: sex\n")])
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        PROGRAM,
        "  invalid       114:11  sections[14].page: must be a whole number, not text",
        "",
        f"{KSAU}  proposed → adopted",
        f"  not checked   -       the program file {PROGRAM} is not valid",
        "  not checked   14:5    Tillägg 1 (tillagg-1)",
        "  not checked   23:5    Tillägg 2 (tillagg-2)",
        "",
        "failed: 0 of 2 amendments apply exactly, 2 not checked, 2 other problems",
    ]
    shutil.copy(REPO / PROGRAM, root / PROGRAM)
    edit(root / KSAU, [(f"program: {PID}", "program: ett-annat-program")])
    lines = run("check").stdout.splitlines()
    assert lines[1] == (f"  wrong program 4:10    is in amendments/{PID}, but says it is for the program "
                        "'ett-annat-program'")


@pytest.mark.parametrize("program_text, status, similarity", [
    ("mellan mellan olika förvaltningar inom kommunen.", "fuzzy_only", 0.936),  # 3 edits in 47: ≥ 0.9
    ("mellan olika förvaltningar i kommunen.", "not_found", None),  # 84 % similar: below 0.9
    ("mellan mellan olika förvaltningar i kommunen.", "ok", None),
])
def test_check_patch_is_strict_and_names_near_misses(program_text, status, similarity):
    from dataclasses import replace

    from amend.check import check_patch
    from amend.load import load_patch, load_program
    from amend.model import Paragraph

    program = load_program(REPO / PROGRAM)
    s = next(i for i, sec in enumerate(program.sections) if sec.heading == "Samverkan")
    blocks = list(program.sections[s].blocks)
    blocks[-1] = Paragraph(blocks[-1].text.replace("mellan mellan olika förvaltningar i kommunen.", program_text))
    sections = list(program.sections)
    sections[s] = replace(sections[s], blocks=tuple(blocks))
    results, adopted = check_patch(replace(program, sections=tuple(sections)), load_patch(REPO / KSAU))
    assert [(r.id, r.status, r.similarity) for r in results] == [("tillagg-1", status, similarity),
                                                                  ("tillagg-2", "ok", None)]
    if status == "ok":
        assert adopted.meta.version == "adopted"
        assert adopted.sections[s].blocks[-1].text.endswith(
            "mellan mellan olika förvaltningar i kommunen samt med de fackliga parterna.")
    else:
        assert adopted is None  # nothing is built from a patch that does not apply exactly


def test_a_broken_program_is_refused_as_its_one_problem(tmp_path):
    """One problem in the program file is raised as itself (AmendErrors.of), naming its line."""
    from amend.check import base_version
    from amend.errors import AmendError, AmendErrors

    root = copy_example(tmp_path)
    edit(root / PROGRAM, [("    level: 2\n    page: 6\n", "    level: 2\n    page: sex\n")])
    with pytest.raises(AmendError) as caught:
        base_version(root, PID, "adopted")
    err = caught.value
    assert not isinstance(err, AmendErrors) and err.each() == [err]
    assert str(err) == f"{root / PROGRAM}:114: sections[14].page: must be a whole number, not text"
