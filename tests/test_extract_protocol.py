"""`amend extract` on whole protocols: the real Alingsås minutes, a synthetic
protocol with every kind of trouble, English minutes, and the CLI."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from amend.apply import apply_patch
from amend.dump import dump_patch
from amend.errors import AmendError
from amend.extract.reader import extract
from amend.load import load_patch, load_program
from amend.model import Paragraph
from cli import main

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
EXAMPLE = ROOT / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"
ALINGSAS = ROOT / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt"
SYNTHETIC = ROOT / "tests" / "fixtures" / "synthetic-ks-2025-11-05-p12.txt"


@pytest.fixture(scope="module")
def program():
    return load_program(PROGRAM)


def without_source(amendments):
    return [dataclasses.replace(a, source=None) for a in amendments]


def section_text(program, heading):
    section = next(s for s in program.sections if s.heading == heading)
    return section


# ---------------------------------------------------------------- the Alingsås minutes


def test_alingsas_protocol_gives_exactly_the_two_tillagg(program):
    result = extract(ALINGSAS.read_text("utf-8"), program, source=str(ALINGSAS))
    example = load_patch(EXAMPLE)
    assert without_source(result.patch.amendments) == without_source(example.amendments)
    assert result.patch.decision == example.decision
    assert (result.patch.program, result.patch.base, result.patch.produces) == (
        "valdsforebyggande-2025-2027", "proposed", "adopted")
    assert result.needs_human == [] and result.rejected == [] and result.complete
    # extracted from the decision (lines 79, 82), not from "Beslutsgång" (68, 71)
    assert [a.source.line for a in result.patch.amendments] == [79, 82]
    assert sorted(n.line for n in result.notes) == [68, 71]
    assert all("Beslutsgång" in str(n.message) for n in result.notes)


def test_alingsas_extraction_applies(program):
    patch = extract(ALINGSAS.read_text("utf-8"), program, source=str(ALINGSAS)).patch
    adopted, _ = apply_patch(program, patch)
    samverkan = section_text(adopted, "Samverkan")
    assert samverkan.blocks[-1].text.endswith(
        "Samordnaren ansvarar för att samordna arbetet mellan mellan olika förvaltningar i kommunen "
        "samt med de fackliga parterna.")
    columns = next(b for b in section_text(adopted, "Kompetensutveckling").blocks if hasattr(b, "columns"))
    assert columns.columns[2].blocks[-1].items[-1] == "Fackliga parter erbjuds basutbildning."


def test_written_patch_is_valid_and_loads_back_the_same(program, tmp_path):
    result = extract(ALINGSAS.read_text("utf-8"), program, source=str(ALINGSAS))
    out = tmp_path / "p.yaml"
    out.write_text(dump_patch(result.patch, "x.json", ("a comment",)), "utf-8")
    text = out.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=x.json\n# a comment\n")
    again = load_patch(out)  # schema-checked
    assert without_source(again.amendments) == without_source(result.patch.amendments)
    assert again.decision == result.patch.decision


# ---------------------------------------------------------------- trouble


def test_synthetic_protocol_reports_unreadable_unresolved_and_rejected(program):
    result = extract(SYNTHETIC.read_text("utf-8"), program, source="s.txt")
    ams = {a.id: a for a in result.patch.amendments}
    assert list(ams) == ["andring-1", "andring-3", "andring-4"]
    # a quotation broken by a page break (header, "Sida 2 av 2", "Utdragsbestyrkande") and a hyphen
    assert ams["andring-1"].op == "replace"
    assert ams["andring-1"].value == "socialnämnden och kommunstyrelsen"
    assert ams["andring-1"].with_ == "socialnämnden, kommunstyrelsen och kommunfullmäktige"
    assert ams["andring-4"].value == "Arbetsförmedlingen."
    needs = {f.line: f for f in result.needs_human}
    assert sorted(needs) == [43, 45]
    assert needs[43].title == "Ändring 2" and "ska texten om hedersrelaterat våld förtydligas" in str(needs[43].message)
    assert needs[45].title == "Ändring 3" and "Kvinnojourer och andra organisationer" in str(needs[45].message)
    assert [(f.line, f.title) for f in result.rejected] == [(19, "Ändringsyrkande 1")]
    assert "avslår" in str(result.rejected[0].message)
    assert not result.complete
    # "kommunfull-/mäktige" is joined quietly (the program writes "kommunfullmäktige"); "Arbets-/förmedlingen"
    # is joined too, but the program cannot confirm it, so a person is asked to check
    assert [(c.line, c.title) for c in result.checks] == [(47, "Ändring 4")]
    assert '"Arbetsförmedlingen"' in str(result.checks[0].message) and '"Arbets-förmedlingen"' in str(result.checks[0].message)


def test_a_hyphen_the_program_writes_is_kept(program):
    text = ('Ändring 1\nPå sidan 4 ersätts "flickor, pojkar, kvinnor, män och hbtqi-\npersoner" med "alla".\n')
    result = extract(text, program, source="t.txt", decision={"body": "KS", "date": "2025-01-01"})
    [am] = result.patch.amendments
    assert am.value == "flickor, pojkar, kvinnor, män och hbtqi-personer"
    assert am.text.endswith('"flickor, pojkar, kvinnor, män och hbtqi-personer" med "alla".')
    assert result.complete and result.checks == []
    assert any("kept the hyphen" in str(n.message) for n in result.notes)


@pytest.mark.parametrize("wording", ["yrkandet får avslag", "kommunstyrelsen beslutar att avslå yrkandet",
                                     "yrkandet avslås"])
def test_rejection_wordings(program, wording):
    text = SYNTHETIC.read_text("utf-8").replace("kommunstyrelsen avslår detsamma", wording)
    result = extract(text, program, source="s.txt")
    assert [(f.line, f.title) for f in result.rejected] == [(19, "Ändringsyrkande 1")]


def test_proposal_not_said_to_be_rejected_needs_a_human(program):
    text = SYNTHETIC.read_text("utf-8").replace("avslår detsamma", "ajournerar sig")
    result = extract(text, program, source="s.txt")
    assert result.rejected == []
    assert any(f.line == 19 and "do not say it was rejected" in str(f.message) for f in result.needs_human)


def test_decision_by_reference_makes_rejections_a_human_matter(program):
    text = SYNTHETIC.read_text("utf-8").replace(
        "anta programmet med följande fyra", "bifalla Anna Anderssons ändringsyrkande och anta programmet med "
        "följande fyra")
    result = extract(text, program, source="s.txt")
    assert result.rejected == []
    assert any(f.line == 19 and "refers to a proposal" in str(f.message) for f in result.needs_human)


def test_announced_count_is_checked(program):
    text = SYNTHETIC.read_text("utf-8").replace("följande fyra", "följande fem")
    result = extract(text, program, source="s.txt")
    assert any("announces 5 amendments" in str(f.message) and "4 were found" in str(f.message) for f in result.needs_human)


def test_two_readings_settled_by_the_program_are_noted(program):
    text = 'Ändring 1\nUnder rubriken Barn och unga i första stycket stryks "nästan".\n'
    result = extract(text, program, source="t.txt", decision={"body": "KS", "date": "2025-01-01"})
    [am] = result.patch.amendments
    assert am.scope.heading == "Barn och unga" and am.scope.paragraph == 1 and am.value == "nästan"
    assert any("the only one that matches the program" in str(n.message) for n in result.notes)
    assert result.complete


def test_unresolved_ambiguity_needs_a_human(program):
    # heading "Samverkan" + last sentence, "Samverkan i" + ..., "Samverkan i sista meningen":
    # three readings, none of which resolves, so a human decides
    text = 'Ändring 1\nUnder rubriken Samverkan i sista meningen stryks "finns inte".\n'
    result = extract(text, program, source="t.txt", decision={"body": "KS", "date": "2025-01-01"})
    assert result.patch.amendments == ()
    assert any("reads 3 ways" in str(f.message) and "none matches the program" in str(f.message)
               for f in result.needs_human)


def test_several_paragraphs_need_a_choice(program):
    one = ALINGSAS.read_text("utf-8")
    two = one + "\n\n§ 171  2025.203 KS\nNågot annat\nBeslut\nÄndring 1\nPå sidan 2 stryks \"Alla\".\n"
    with pytest.raises(AmendError, match="several paragraphs"):
        extract(two, program, source="t.txt")
    picked = extract(two, program, source="t.txt", paragraph="170")
    assert [a.id for a in picked.patch.amendments] == ["tillagg-1", "tillagg-2"]
    other = extract(two, program, source="t.txt", paragraph="§ 171")
    assert other.patch.decision.paragraph == "§ 171" and other.patch.decision.case == "2025.203 KS"
    with pytest.raises(AmendError, match="no § 172"):
        extract(two, program, source="t.txt", paragraph="172")


def test_body_and_date_must_come_from_somewhere(program):
    text = 'Ändring 1\nPå sidan 6 stryks "främst".\n'
    with pytest.raises(AmendError, match="does not name the deciding body and the date"):
        extract(text, program, source="t.txt")


def test_decision_as_a_bulleted_list(program):
    text = ("Kommunstyrelsen\nProtokoll\n2025-11-05\n\n§ 12  2025.202 KS\nBeslut\n"
            "Kommunstyrelsen beslutar att anta programmet med följande två ändringar:\n"
            '• På sidan 6, under rubriken Samverkan, i sista meningen efter "mellan mellan olika\n'
            'förvaltningar i kommunen" läggs följande till: "samt med de fackliga parterna".\n'
            "2. På sidan 8, tredje kolumnen läggs en punkt till: Fackliga parter erbjuds\nbasutbildning.\n")
    result = extract(text, program, source="t.txt")
    assert result.complete
    assert [a.id for a in result.patch.amendments] == ["andring-1", "andring-2"]
    assert [(a.op, a.scope, a.value) for a in result.patch.amendments] == [
        (a.op, a.scope, a.value) for a in load_patch(EXAMPLE).amendments]
    assert result.patch.amendments[0].text.startswith("På sidan 6")  # the marker is not part of the wording


def test_a_dash_that_continues_a_line_is_not_a_list_item(program):
    text = ("Ändring 1\nPå sidan 6, under rubriken Samverkan, läggs en punkt till: Polisen\n"
            "– även lokalpolisområdet.\n")
    result = extract(text, program, source="t.txt", decision={"body": "KS", "date": "2025-01-01"})
    assert [a.value for a in result.patch.amendments] == ["Polisen – även lokalpolisområdet."]


def test_without_a_decision_heading_nothing_is_dropped(program):
    text = ALINGSAS.read_text("utf-8").replace("\nBeslut \n", "\n")
    result = extract(text, program, source="t.txt")
    assert result.patch.amendments == ()
    flagged = {f.line for f in result.needs_human}
    assert {68, 71, 78, 81} <= flagged  # both statements of both Tillägg (one line less above them)
    # an ordinary sentence with a word like "utgår" but no quoted words is no instruction: nothing to report
    assert not any("utgår ifrån ett helhetsperspektiv" in f.text for f in result.needs_human)
    assert any("no decision heading" in str(n.message) for n in result.notes)


# ---------------------------------------------------------------- English minutes

ENGLISH = """Policy Committee
Minutes
12 March 2025

Decision
RESOLVED that the programme be adopted with the following three amendments:
Amendment 1
Page 6, line 12, leave out "mellan mellan olika förvaltningar" and insert "mellan olika
förvaltningar".
Amendment 2
Page 9, line 3, leave out from "socialnämnden" to "kommunstyrelsen".
Amendment 3
Page 6, under the heading Samverkan, in the second bullet point, leave out "främst".

Amendments
Councillor Smith moved:
Amendment 4
Page 8, line 2, leave out "webbaserad".
The amendment was negatived.
"""


def test_english_minutes(program):
    result = extract(ENGLISH, program, source="en.txt", language="en")
    assert result.patch.decision.body == "Policy Committee" and result.patch.decision.date == "2025-03-12"
    a1, a2, a3 = result.patch.amendments
    assert (a1.op, a1.scope.page, a1.value, a1.with_) == (
        "replace", 6, "mellan mellan olika förvaltningar", "mellan olika förvaltningar")
    assert "line 12" in a1.text  # the line stays in the wording; it is not checked
    assert any(c.line == 8 and "line 12 is not checked" in str(c.message) for c in result.checks)
    # leave out from "A" to "B": the words after A up to and including B, quoted exactly
    assert (a2.op, a2.value) == ("delete", "och kommunstyrelsen")
    assert (a3.scope.item, a3.value) == (2, "främst")
    assert [(f.line, f.title) for f in result.rejected] == [(18, "Amendment 4")]
    assert result.complete
    adopted, _ = apply_patch(program, result.patch)
    text = " ".join(b.text for s in adopted.sections for b in s.blocks if isinstance(b, Paragraph))
    assert "Uppföljningen redovisas för socialnämnden." in text


# ---------------------------------------------------------------- the CLI


def runner() -> CliRunner:
    """stdout and stderr apart (click 8.1 needs mix_stderr=False; 8.2 keeps them apart)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def run(*args):
    return runner().invoke(main, list(map(str, args)))


def test_cli_extract_writes_the_patch(tmp_path):
    out = tmp_path / "patch.yaml"
    r = run("extract", ALINGSAS, "--program", PROGRAM, "-o", out)
    assert r.exit_code == 0, r.stderr
    assert "extracted 2 amendments of Kommunstyrelsens arbetsutskott 2025-10-22 § 170" in r.stderr
    assert out.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    assert without_source(load_patch(out).amendments) == without_source(load_patch(EXAMPLE).amendments)
    r = run("apply", PROGRAM, out, "-o", tmp_path / "adopted")
    assert r.exit_code == 0, r.stderr


def test_cli_extract_to_stdout():
    r = runner().invoke(main, ["extract", str(ALINGSAS), "--program", str(PROGRAM)])
    assert r.exit_code == 0
    assert "add_item: Fackliga parter erbjuds basutbildning." in r.stdout
    assert "note:" in r.stderr and "note:" not in r.stdout


def test_cli_extract_needs_a_human_exits_1_but_writes_what_it_understood(tmp_path):
    out = tmp_path / "patch.yaml"
    r = run("extract", SYNTHETIC, "--program", PROGRAM, "-o", out)
    assert r.exit_code == 1
    assert f"needs a human: {SYNTHETIC}:43: Ändring 2:" in r.stderr
    assert f"rejected: {SYNTHETIC}:19: Ändringsyrkande 1:" in r.stderr
    text = out.read_text("utf-8")
    assert "# NOT IN THIS PATCH OR NOT CHECKED - needs a human:" in text and "#   line 43:" in text
    assert [a.id for a in load_patch(out).amendments] == ["andring-1", "andring-3", "andring-4"]


def test_cli_extract_never_overwrites_an_input(tmp_path):
    copy = tmp_path / "minutes.txt"
    copy.write_text(ALINGSAS.read_text("utf-8"), "utf-8")
    r = run("extract", copy, "--program", PROGRAM, "-o", copy)
    assert r.exit_code == 1 and "would overwrite the input" in r.stderr
    assert copy.read_text("utf-8") == ALINGSAS.read_text("utf-8")


def test_cli_extract_bad_input_is_one_clear_error(tmp_path):
    r = run("extract", tmp_path / "missing.txt", "--program", PROGRAM)
    assert r.exit_code == 1 and "missing.txt: file not found" in r.stderr and "Traceback" not in r.stderr
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("På sidan 6 stryks ”x”.".encode("latin-1", "replace"))
    r = run("extract", latin, "--program", PROGRAM)
    assert r.exit_code == 1 and "is not saved as UTF-8" in r.stderr


def test_cli_describe(tmp_path):
    r = runner().invoke(main, ["describe", str(EXAMPLE)])
    assert r.exit_code == 0
    assert r.stdout == (
        "Tillägg 1\n"
        "På sidan 6, under rubriken ”Samverkan”, i sista meningen efter ”mellan mellan olika förvaltningar i "
        "kommunen” läggs följande till: ”samt med de fackliga parterna”.\n\n"
        "Tillägg 2\n"
        "På sidan 8, i tredje kolumnen läggs en punkt till: Fackliga parter erbjuds basutbildning.\n")
    en = runner().invoke(main, ["describe", str(EXAMPLE), "--lang", "en"])
    assert 'Page 6, under the heading Samverkan, in the last sentence, after "mellan mellan' in en.stdout
    # the text describe writes, read back by extract, is the same patch
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(r.stdout, "utf-8")
    out = tmp_path / "again.yaml"
    r = run("extract", minutes, "--program", PROGRAM, "--body", "Kommunstyrelsens arbetsutskott",
            "--date", "2025-10-22", "-o", out)
    assert r.exit_code == 0, r.stderr
    # the same amendments; only the wording (text:) now has the typographic quotes describe writes
    again = [dataclasses.replace(a, source=None, text=None) for a in load_patch(out).amendments]
    assert again == [dataclasses.replace(a, text=None) for a in without_source(load_patch(EXAMPLE).amendments)]


def test_describe_refuses_what_it_cannot_word(tmp_path):
    patch = tmp_path / "p.yaml"
    patch.write_text(
        "program: valdsforebyggande-2025-2027\nbase: proposed\nproduces: adopted\n"
        "decision: {body: KS, date: '2025-01-01'}\namendments:\n"
        "  - id: ny\n    add_section: {heading: Nytt, level: 2, content: [Ett., Två.]}\n"
        "  - id: tom\n    replace: tre\n    with: ''\n"
        "  - id: ok\n    delete: tre\n", "utf-8")
    r = run("describe", patch)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {patch}:6: ny: cannot be worded in sv: the sv grammar has no wording for")
    assert "add_section.content: ['Ett.', 'Två.']" in lines[0]  # two paragraphs: no wording says that
    assert lines[1].startswith(f"error: {patch}:8: tom: cannot be worded in sv:")
    assert r.stdout == ""  # all or nothing: no half description


def test_describe_writes_paste_ready_swedish():
    from amend.extract.describe import describe_patch
    from amend.load import patch_from_data

    data = {"program": "p", "base": "b", "produces": "c", "decision": {"body": "KS", "date": "2025-01-01"},
            "amendments": [{"id": "a", "at": {"heading": "Mål", "item": 4}, "delete_item": True},
                           {"id": "b", "at": {"heading": "Mål", "paragraph": 1}, "add_paragraph": "Ny text."},
                           {"id": "c", "at": {"heading": "Mål"}, "delete": "växa."}]}
    text = describe_patch(patch_from_data(data, {}, "p.yaml"))
    assert text == ("Ändring 1\nUnder rubriken ”Mål” stryks fjärde punkten.\n\n"  # what is struck, said
                    "Ändring 2\nUnder rubriken ”Mål” efter första stycket läggs ett nytt stycke till: Ny text.\n\n"
                    "Ändring 3\nUnder rubriken ”Mål” stryks ”växa.”\n")  # no second full stop


def test_describe_quotes_a_heading_that_would_read_two_ways():
    from amend.extract.describe import describe_patch
    from amend.load import patch_from_data

    data = {"program": "p", "base": "b", "produces": "c", "decision": {"body": "KS", "date": "2025-01-01"},
            "amendments": [{"id": "a", "at": {"heading": "Barn i sista meningen"}, "delete": "x"}]}
    text = describe_patch(patch_from_data(data, {}, "p.yaml"))
    assert text == "Ändring 1\nUnder rubriken ”Barn i sista meningen” stryks ”x”.\n"


SPLIT_VOTE = """Kommunstyrelsens
arbetsutskott
Protokoll
2026-03-01

§ 12  2026.001 KS
Program för prov 2026–2028
Beslutsgång
Anna Andersson (M) yrkar följande ändring: På sidan 4, i andra kolumnen läggs en punkt till: Medarbetare erbjuds handledning.
Bo Berg (S) yrkar följande ändring: På sidan 2, under rubriken Samverkan stryks "och regionen".
Ordföranden finner att arbetsutskottet avslår Anna Anderssons yrkande och bifaller Bo Bergs yrkande.

Beslut
Programmet antas med följande ändring:
Ändring 1
På sidan 2, under rubriken Inledning, i andra stycket ändras från "årligen" till "två gånger per år".
"""


@pytest.mark.parametrize("closing", [
    # one passage rejects one proposal and adopts the other: which fell is not for us to guess
    "Ordföranden finner att arbetsutskottet avslår Anna Anderssons yrkande och bifaller Bo Bergs yrkande.",
    # the first rejection after two proposals could be either one's
    "Ordföranden finner att arbetsutskottet avslår Anna Anderssons yrkande.",
])
def test_a_rejection_that_could_be_another_proposals_is_for_a_human(closing, tmp_path):
    from click.testing import CliRunner

    from cli import main

    text = SPLIT_VOTE.replace(
        "Ordföranden finner att arbetsutskottet avslår Anna Anderssons yrkande och bifaller Bo Bergs yrkande.", closing)
    (tmp_path / "minutes.txt").write_text(text, encoding="utf-8")
    program = ROOT / "tests" / "cases" / "program.yaml"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "minutes.txt"), "--program", str(program),
                                    "-o", str(tmp_path / "patch.yaml")])
    assert res.exit_code == 1
    humans = [line for line in res.stderr.splitlines() if line.startswith("needs a human:")]
    assert any("Bo Berg" in line for line in humans) and any("Anna Andersson" in line for line in humans)
    assert not [line for line in res.stderr.splitlines() if line.startswith("rejected:")]
