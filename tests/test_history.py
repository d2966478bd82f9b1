"""The life of a program: `amend log` (the timeline and states of its versions),
`amend show` (a version, or the one in force on a date, built and written), the
outcome and in-force dates of decisions, on the bundled example's chain and on
generated repositories."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from amend.history import build_timeline, chain_to, paragraph_number
from amend.history_load import added_commits, load_history
from cli import main

REPO = Path(__file__).resolve().parents[1]
PID = "valdsforebyggande-2025-2027"
KSAU = f"amendments/{PID}/2025-10-22-ksau-170.yaml"
KF12 = f"amendments/{PID}/2025-11-24-kf-12.yaml"
KF130 = f"amendments/{PID}/2026-11-23-kf-130.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def copy_example(root: Path) -> Path:
    for folder in ("programs", "amendments"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


# ---------------------------------------------------------------- the example's chain


def test_example_log_text(tmp_path):
    root = copy_example(tmp_path)
    result = run("log", PID, "--root", root, "--at", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{PID}: Program om våldsförebyggande arbete 2025–2027",
        "",
        "version        state     in force    amendments  decision",
        "proposed       proposal  -           -           the program file",
        "adopted        proposal  -           2           Kommunstyrelsens arbetsutskott 2025-10-22 § 170 "
        "(2025.202 KS), proposes to Kommunfullmäktige; adopted by Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)",
        "kf-2025-11-24  in force  2025-11-24  0           Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)",
        "kf-2026-11-23  future    2027-01-01  2           Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)",
        "",
        "in force on 2026-12-01: kf-2025-11-24",
    ]


@pytest.mark.parametrize("on, in_force, states", [
    ("2025-10-30", None, ["proposal", "pending"]),  # before kommunfullmäktige decided: § 170 awaits it
    ("2025-11-24", "kf-2025-11-24", ["proposal", "proposal", "in force", "future"]),
    ("2027-01-01", "kf-2026-11-23", ["proposal", "proposal", "superseded", "in force"]),
])
def test_example_states_on_dates(tmp_path, on, in_force, states):
    root = copy_example(tmp_path)
    if on < "2025-11-24":  # the repository as it was then: only the § 170 proposal
        (root / KF12).unlink()
        (root / KF130).unlink()
    result = run("log", PID, "--root", root, "--at", on, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["in_force"] == in_force
    assert [v["state"] for v in data["versions"]] == states
    assert data["pending"] == (["adopted"] if on < "2025-11-24" else [])


def test_example_log_json_fields(tmp_path):
    root = copy_example(tmp_path)
    data = json.loads(run("log", PID, "--root", root, "--at", "2026-12-01", "--format", "json").stdout)
    last = data["versions"][-1]
    assert last == {
        "version": "kf-2026-11-23", "base": "kf-2025-11-24", "state": "future", "in_force": "2027-01-01",
        "outcome": "adopted",
        "decision": {"body": "Kommunfullmäktige", "date": "2026-11-23", "paragraph": "§ 130",
                     "case": "2026.311 KS", "in_force": "2027-01-01"},
        "amendments": 2, "file": str(root / KF130), "note": None,
    }
    assert "commit" not in last  # not a git repository


def test_show_at_date_is_apply_of_the_chain(tmp_path):
    """The version in force on a date is byte for byte what `amend apply` makes of its chain."""
    root = copy_example(tmp_path / "repo")
    shown, applied = tmp_path / "shown", tmp_path / "applied"
    result = run("show", PID, "--at", "2026-06-01", "--root", root, "-o", shown)
    assert result.exit_code == 0, result.output
    assert "built 'kf-2025-11-24' (in force on 2026-06-01) from 2 patches" in result.stderr
    result = run("apply", root / f"programs/{PID}.yaml", root / KSAU, root / KF12, "-o", applied)
    assert result.exit_code == 0, result.output
    name = f"{PID}.kf-2025-11-24"
    for suffix in (".yaml", ".docx"):
        assert (shown / (name + suffix)).read_bytes() == (applied / (name + suffix)).read_bytes()
    assert sorted(p.name for p in shown.iterdir()) == [name + ".docx", name + ".yaml"]
    text = docx_text(shown / f"{name}.docx")
    assert "förvaltningar i kommunen samt med de fackliga parterna" in text
    assert "som ska ske under 2027" in text and "lägesrapport" not in text


def test_show_future_date_builds_the_revision(tmp_path):
    root = copy_example(tmp_path / "repo")
    by_date, by_name = tmp_path / "d", tmp_path / "n"
    assert run("show", PID, "--at", "2027-03-01", "--root", root, "-o", by_date).exit_code == 0
    assert run("show", f"{PID}@kf-2026-11-23", "--root", root, "-o", by_name).exit_code == 0
    name = f"{PID}.kf-2026-11-23.docx"
    assert (by_date / name).read_bytes() == (by_name / name).read_bytes()
    at_sign = tmp_path / "a"
    assert run("show", f"{PID}@2027-03-01", "--root", root, "-o", at_sign).exit_code == 0
    assert (at_sign / name).read_bytes() == (by_name / name).read_bytes()
    text = docx_text(by_date / name)
    assert ("revideringen, som ska ske under 2028. Uppföljningen redovisas för socialnämnden och "
            "kommunstyrelsen. Samordnaren lämnar dessutom varje år en lägesrapport till socialnämnden.") in text
    # the title block: a line per decision, with the in-force date where the patch gives one
    assert text.splitlines()[4:7] == [
        "Förslag till Kommunfullmäktige från Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (ärende 2025.202 KS)",
        "Antagen av Kommunfullmäktige 2025-11-24 § 12 (ärende 2025.202 KS)",
        "Antagen av Kommunfullmäktige 2026-11-23 § 130 (ärende 2026.311 KS), i kraft 2027-01-01"]
    adopted = (by_date / f"{PID}.kf-2026-11-23.yaml").read_text(encoding="utf-8")
    assert "in_force: '2027-01-01'" in adopted or 'in_force: "2027-01-01"' in adopted


def test_show_before_anything_is_in_force(tmp_path):
    root = copy_example(tmp_path / "repo")
    result = run("show", PID, "--at", "2025-11-01", "--root", root, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == (f"error: no version of '{PID}' is in force on 2025-11-01; the first, "
                             "'kf-2025-11-24', takes effect on 2025-11-24\n")
    assert not (tmp_path / "out").exists()


def test_show_pending_proposal_warns(tmp_path):
    root = copy_example(tmp_path / "repo")
    (root / KF12).unlink()
    (root / KF130).unlink()
    result = run("show", f"{PID}@adopted", "--root", root, "-o", tmp_path / "out", "--at", "2025-12-01")
    assert result.exit_code == 2 and "give either @VERSION or --at DATE, not both" in result.output
    result = run("show", f"{PID}@adopted", "--root", root, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert ("warning: the version 'adopted' is pending (awaits Kommunfullmäktige); it is not a version in force"
            in result.stderr)
    assert "samt med de fackliga parterna" in docx_text(tmp_path / "out" / f"{PID}.adopted.docx")


def test_unknown_version_and_program(tmp_path):
    root = copy_example(tmp_path / "repo")
    result = run("show", f"{PID}@final", "--root", root, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == (f"error: the program '{PID}' has no version 'final' (versions: proposed, adopted, "
                             "kf-2025-11-24, kf-2026-11-23)\n")
    result = run("log", "nope", "--root", root)
    assert result.exit_code == 1
    assert result.stderr == f"error: there is no program with the id 'nope' in {root / 'programs'}\n"
    result = run("log", PID, "--root", root, "--at", "1 mars")
    assert result.exit_code == 2 and "'1 mars' is not a date" in result.output
    result = run("show", PID, "--root", root, "--at", "2026-02-30", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "'2026-02-30' is not a date" in result.output


# ---------------------------------------------------------------- generated repositories


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
      - ett två tre fyra fem sex sju åtta nio tio.
"""


def patch(base, produces, date, paragraph=None, *, word="ett", new=None, body="Kommunfullmäktige",
          outcome=None, in_force=None, order=None, proposes_to=None) -> str:
    lines = ["program: p", f"base: {base}", f"produces: {produces}"]
    if outcome:
        lines.append(f"outcome: {outcome}")
    lines += ["decision:", f"  body: {body}", f'  date: "{date}"']
    for key, value in (("paragraph", paragraph), ("in_force", in_force), ("order", order),
                       ("proposes_to", proposes_to)):
        if value is not None:
            lines.append(f'  {key}: "{value}"' if key != "order" else f"  {key}: {value}")
    lines += ["amendments:", "  - id: a", f"    replace: {word}", f"    with: {new or word.upper()}"]
    return "\n".join(lines) + "\n"


def make_repo(root: Path, patches: dict[str, str]) -> Path:
    (root / "programs").mkdir(parents=True)
    (root / "programs" / "p.yaml").write_text(PROGRAM, encoding="utf-8")
    (root / "amendments" / "p").mkdir(parents=True)
    for name, text in patches.items():
        (root / "amendments" / "p" / name).write_text(text, encoding="utf-8")
    return root


def states(root: Path, on: str) -> dict:
    data = json.loads(run("log", "p", "--root", root, "--at", on, "--format", "json").stdout)
    return {"order": [v["version"] for v in data["versions"]], "in_force": data["in_force"],
            "states": {v["version"]: v["state"] for v in data["versions"]}}


def test_root_with_a_decision_is_in_force_from_it(tmp_path):
    root = make_repo(tmp_path, {})
    assert states(root, "2024-01-09") == {"order": ["v0"], "in_force": None, "states": {"v0": "future"}}
    assert states(root, "2024-01-10") == {"order": ["v0"], "in_force": "v0", "states": {"v0": "in force"}}


def test_several_decisions_on_one_date_ordered_by_paragraph_number(tmp_path):
    """§ 9 before § 10 before § 45 (numbers, not text), whatever the file names say; a chain of
    decisions on one date is in force as a whole from that date."""
    root = make_repo(tmp_path, {
        "a.yaml": patch("v2", "v3", "2025-05-20", "§ 45", word="tre"),
        "b.yaml": patch("v1", "v2", "2025-05-20", "§ 10", word="två"),
        "c.yaml": patch("v0", "v1", "2025-05-20", "§ 9", word="ett"),
        "d.yaml": patch("v1", "r1", "2025-05-20", "§ 9", word="fyra", outcome="rejected"),
    })
    got = states(root, "2025-05-20")
    assert got["order"] == ["v0", "v1", "r1", "v2", "v3"]
    assert got["in_force"] == "v3"
    assert got["states"] == {"v0": "superseded", "v1": "superseded", "r1": "rejected", "v2": "superseded",
                             "v3": "in force"}
    assert states(root, "2025-05-19")["in_force"] == "v0"
    out = tmp_path / "out"
    assert run("show", "p", "--at", "2025-06-01", "--root", root, "-o", out).exit_code == 0
    assert "ETT TVÅ TRE fyra fem" in (out / "p.v3.yaml").read_text(encoding="utf-8")


def test_explicit_order_breaks_ties(tmp_path):
    root = make_repo(tmp_path, {
        "a.yaml": patch("v0", "x", "2025-05-20", word="två", outcome="withdrawn", order=2),
        "b.yaml": patch("v0", "y", "2025-05-20", word="tre", outcome="rejected", order=1),
        "c.yaml": patch("v0", "z", "2025-05-20", word="fyra", outcome="pending"),
    })
    assert states(root, "2025-06-01")["order"] == ["v0", "z", "y", "x"]  # no order sorts first, then 1, 2


def test_paragraph_number():
    assert [paragraph_number(p) for p in ("§ 170", "§12", "§ 12 a", None, "")] == [170, 12, 12, float("inf"),
                                                                                  float("inf")]


def test_rejected_and_withdrawn_never_in_force(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2025-02-01", "§ 4", word="ett"),
        "2.yaml": patch("v1", "nej", "2025-03-01", "§ 7", word="två", outcome="rejected"),
        "3.yaml": patch("v1", "aterkallad", "2025-03-01", "§ 8", word="tre", outcome="withdrawn"),
        "4.yaml": patch("nej", "efter-nej", "2025-04-01", "§ 9", word="fyra"),
    })
    got = states(root, "2026-01-01")
    assert got["in_force"] == "v1"
    assert got["states"] == {"v0": "superseded", "v1": "in force", "nej": "rejected", "aterkallad": "withdrawn",
                             "efter-nej": "unreachable"}
    log = run("log", "p", "--root", root, "--at", "2026-01-01").stdout
    assert "is worded against the version 'nej', which is rejected" in log
    # amend apply refuses a patch that was not adopted, unless asked for a preview
    args = [root / "programs/p.yaml", root / "amendments/p/1.yaml", root / "amendments/p/2.yaml"]
    result = run("apply", *args, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {root / 'amendments/p/2.yaml'}: has 'outcome: rejected', so it is not part "
                             "of any version in force; to see the text it would make, run again with --preview\n")
    assert not (tmp_path / "out").exists()
    result = run("apply", *args, "--preview", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "ETT TVÅ tre" in (tmp_path / "out" / "p.nej.yaml").read_text(encoding="utf-8")
    # show builds a rejected version on request, with a warning; not an unreachable one
    result = run("show", "p@aterkallad", "--root", root, "-o", tmp_path / "w")
    assert result.exit_code == 0 and "'aterkallad' is withdrawn; it is not a version in force" in result.stderr
    assert "ETT två TRE" in (tmp_path / "w" / "p.aterkallad.yaml").read_text(encoding="utf-8")
    result = run("show", "p@efter-nej", "--root", root, "-o", tmp_path / "u")
    assert result.exit_code == 1 and "cannot be built" in result.stderr


def test_future_in_force_waits_for_an_earlier_later_date(tmp_path):
    """A decision in force before the one it builds on waits for it: the version in force
    never shows changes that have not yet taken effect."""
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2026-05-20", "§ 45", word="ett", in_force="2027-01-01"),
        "2.yaml": patch("v1", "v2", "2026-09-01", "§ 60", word="två", in_force="2026-10-01"),
    })
    got = states(root, "2026-12-01")
    assert got["in_force"] == "v0"
    assert got["states"] == {"v0": "in force", "v1": "future", "v2": "future"}
    log = run("log", "p", "--root", root, "--at", "2026-12-01").stdout
    assert "takes effect with the version 'v1'" in log
    assert states(root, "2027-01-01")["in_force"] == "v2"
    out = tmp_path / "out"
    assert run("show", "p", "--at", "2026-12-31", "--root", root, "-o", out).exit_code == 0
    assert "ett två tre" in (out / "p.v0.yaml").read_text(encoding="utf-8")


def test_proposal_counts_only_once_its_body_adopts_it(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "forslag", "2025-02-01", "§ 4", body="Kommunstyrelsen", proposes_to="Kommunfullmäktige"),
        "2.yaml": patch("forslag", "fel", "2025-03-01", "§ 5", word="två", body="Socialnämnden"),
    })
    got = states(root, "2026-01-01")
    assert got["states"] == {"v0": "in force", "forslag": "pending", "fel": "unreachable"}
    (root / "amendments/p/3.yaml").write_text(
        patch("forslag", "antagen", "2025-03-10", "§ 20", word="tre", body="kommunfullmäktige"), encoding="utf-8")
    got = states(root, "2026-01-01")
    assert got["in_force"] == "antagen"
    assert got["states"]["forslag"] == "proposal"
    (root / "amendments/p/3.yaml").write_text(
        patch("forslag", "antagen", "2025-03-10", "§ 20", word="tre", outcome="pending"), encoding="utf-8")
    assert states(root, "2026-01-01")["states"]["forslag"] == "pending"


def test_two_adopted_decisions_on_one_version_are_refused(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2025-02-01", "§ 4", word="ett"),
        "2.yaml": patch("v0", "v2", "2025-03-01", "§ 7", word="två"),
    })
    result = run("log", "p", "--root", root)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {root / 'amendments/p/2.yaml'}: is an adopted decision worded against the version 'v0', like "
        f"{root / 'amendments/p/1.yaml'} (Kommunfullmäktige 2025-02-01 § 4); the later decision must be worded "
        "against the version 'v1' that the earlier produces, or one of them mark 'outcome: rejected' or "
        "'withdrawn'\n")


def test_invalid_outcome_names_file_and_line(tmp_path):
    root = make_repo(tmp_path, {"1.yaml": patch("v0", "v1", "2025-02-01", outcome="antagen")})
    result = run("log", "p", "--root", root)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {root / 'amendments/p/1.yaml'}:4:")
    assert "must be one of adopted, pending, rejected, withdrawn, not 'antagen'" in result.stderr


def test_core_chain_to(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2025-02-01", word="ett"),
        "2.yaml": patch("v1", "v2", "2025-03-01", word="två"),
    })
    program, patches = load_history(root, "p")
    timeline = build_timeline(program, patches, "2025-02-15")
    assert [p.produces for p in chain_to(timeline, "v2")] == ["v1", "v2"]
    assert chain_to(timeline, "v0") == ()
    assert timeline.in_force == "v1"


# ---------------------------------------------------------------- git


def git(root: Path, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.invalid",
                           "-c", "commit.gpgsign=false", *args], cwd=root, check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_log_names_the_commit_that_added_each_patch(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo", {"1.yaml": patch("v0", "v1", "2025-02-01", "§ 4", word="ett")})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    (root / "amendments/p/2.yaml").write_text(patch("v1", "v2", "2025-03-01", "§ 7", word="två"), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "second")
    first, second = git(root, "rev-parse", "--short", "HEAD~1"), git(root, "rev-parse", "--short", "HEAD")
    (root / "programs/p.yaml").write_text(PROGRAM + "\n", encoding="utf-8")  # a later edit of a file is not its add
    (root / "amendments/p/1.yaml").write_text(
        patch("v0", "v1", "2025-02-01", "§ 4", word="ett") + "# edited\n", encoding="utf-8")
    git(root, "commit", "-qam", "third")
    (root / "amendments/p/3.yaml").write_text(patch("v2", "v3", "2025-04-01", "§ 9", word="tre"), encoding="utf-8")
    data = json.loads(run("log", "p", "--root", root, "--at", "2026-01-01", "--format", "json").stdout)
    assert [v.get("commit") for v in data["versions"]] == [None, first, second, None]  # 3.yaml is not committed
    text = run("log", "p", "--root", root, "--at", "2026-01-01").stdout.splitlines()
    assert text[2].split()[:5] == ["version", "state", "in", "force", "amendments"] and "commit" in text[2]
    assert text[4].split()[:5] == ["v1", "superseded", "2025-02-01", "1", first]
    assert text[6].split()[:5] == ["v3", "in", "force", "2025-04-01", "1"] and text[6].split()[5] == "-"
    assert added_commits(root, "p") == {str(root / "amendments/p/1.yaml"): first,
                                        str(root / "amendments/p/2.yaml"): second}
    # --root relative to the current folder, which is inside the repository
    monkeypatch.chdir(root / "programs")
    data = json.loads(run("log", "p", "--root", "..", "--at", "2026-01-01", "--format", "json").stdout)
    assert [v.get("commit") for v in data["versions"]] == [None, first, second, None]


def test_no_git_no_commit_column(tmp_path, monkeypatch):
    root = make_repo(tmp_path, {"1.yaml": patch("v0", "v1", "2025-02-01", word="ett")})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert added_commits(root, "p") == {}
    assert "commit" not in run("log", "p", "--root", root).stdout.splitlines()[2]


def test_two_adoptions_of_two_proposals_are_refused(tmp_path):
    """Two proposals on the program as proposed, both adopted: one text would be lost."""
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "a", "2025-02-01", "§ 4", body="KS", proposes_to="KF"),
        "2.yaml": patch("v0", "b", "2025-02-01", "§ 5", word="två", body="KS", proposes_to="KF"),
        "3.yaml": patch("a", "kf-a", "2025-03-01", "§ 7", word="tre", body="KF"),
        "4.yaml": patch("b", "kf-b", "2025-03-01", "§ 8", word="fyra", body="KF"),
    })
    (root / "programs/p.yaml").write_text(PROGRAM.replace("  decisions:\n    - {body: Kommunfullmäktige, "
                                                          'date: "2024-01-10", paragraph: § 3}\n', ""),
                                          encoding="utf-8")
    result = run("log", "p", "--root", root)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {root / 'amendments/p/4.yaml'}: is an adopted decision worded "
                                    f"against the version 'b', like {root / 'amendments/p/3.yaml'} (KF 2025-03-01 "
                                    "§ 7); the later decision must be worded against the version 'kf-a'")
    (root / "amendments/p/4.yaml").write_text(
        patch("b", "kf-b", "2025-03-01", "§ 8", word="fyra", body="KF", outcome="rejected"), encoding="utf-8")
    got = states(root, "2025-06-01")
    assert got["states"] == {"v0": "proposal", "a": "proposal", "b": "rejected", "kf-a": "in force",
                             "kf-b": "rejected"}
    assert "rejected by KF 2025-03-01 § 8" in run("log", "p", "--root", root, "--at", "2025-06-01").stdout
    assert states(root, "2025-06-01")["in_force"] == "kf-a"


def test_unknown_base_and_circle_are_unreachable(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("saknas", "v1", "2025-02-01", "§ 4"),
        "2.yaml": patch("b", "a", "2025-02-01", "§ 5"),
        "3.yaml": patch("a", "b", "2025-02-01", "§ 6"),
    })
    assert states(root, "2025-06-01")["states"] == {"v0": "in force", "v1": "unreachable", "a": "unreachable",
                                                    "b": "unreachable"}
    log = run("log", "p", "--root", root, "--at", "2025-06-01").stdout
    assert "is worded against the version 'saknas', which no patch produces" in log
    assert "is worded against the version 'b', which is not built from the program's own version" in log
