"""The command line in Swedish and English (issue 10): how the language is chosen (--lang, AMEND_LANG,
the program's language, the locale), --help and usage errors, each error path, summary and report of
cli.py, amend/check.py, amend/report.py and amend/history.py, with the exact lines a secretary reads."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_check import KSAU, M_PATCH, PROGRAM, S_PATCH, edit
from test_check import PID as EXAMPLE
from test_check import copy_example as copy_first_step
from test_history import KF12, KF130, make_repo, patch
from test_history import copy_example as copy_chain

from amend.errors import HistoryError
from amend.history import build_timeline, require_version_on
from amend.load import load_program
from amend.messages import language
from cli import main

REPO = Path(__file__).resolve().parents[1]


def run(*args, env=None):
    """`amend ARGS` as the secretary types it; `env` on top of the test's (AMEND_LANG=en, see conftest)."""
    res = CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="amend")
    return res


SV = {"AMEND_LANG": "sv"}


# ---------------------------------------------------------------- choosing the language


PENDING_SV = ("fel: {f}: har ”outcome: pending”, så den ingår inte i någon gällande version; kör igen med "
              "--preview för att se vilken text den skulle ge\n")
PENDING_EN = ("error: {f}: has 'outcome: pending', so it is not part of any version in force; to see the text "
              "it would make, run again with --preview\n")


@pytest.mark.parametrize(("args", "env", "program_language", "expected"), [
    (["--lang", "sv"], {"AMEND_LANG": "en"}, "en", PENDING_SV),  # the option first
    (["--lang=en"], {"AMEND_LANG": "sv"}, "sv", PENDING_EN),
    ([], {"AMEND_LANG": "sv"}, "en", PENDING_SV),  # then AMEND_LANG
    ([], {"AMEND_LANG": "en"}, "sv", PENDING_EN),
    ([], {"AMEND_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8"}, "sv", PENDING_SV),
    ([], {"AMEND_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "sv_SE.UTF-8"}, "en", PENDING_EN),
])
def test_the_language_is_the_option_else_amend_lang_else_the_program_else_the_locale(
        tmp_path, args, env, program_language, expected):
    root = make_repo(tmp_path, {"1.yaml": patch("v0", "v1", "2025-02-01", outcome="pending")})
    program = root / "programs" / "p.yaml"
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("  status: Antagen\n", f"  status: Antagen\n  language: {program_language}\n"),
                       encoding="utf-8")
    f = root / "amendments/p/1.yaml"
    res = run(*args, "apply", program, f, "-o", tmp_path / "out", env=env)
    assert (res.exit_code, res.stderr) == (1, expected.format(f=f))


@pytest.mark.parametrize(("env", "expected"), [
    ({"AMEND_LANG": None, "LC_ALL": "sv_SE.UTF-8"}, "misslyckades: "),
    ({"AMEND_LANG": "klingon", "LC_ALL": None, "LC_MESSAGES": None, "LANG": "sv_SE.UTF-8"}, "misslyckades: "),
    ({"AMEND_LANG": None, "LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "failed: "),
])
def test_without_a_program_the_locale_decides(tmp_path, env, expected):
    assert run("check", tmp_path, env=env).stdout.splitlines()[-1].startswith(expected)


def test_extract_keeps_its_own_lang_for_the_minutes():
    """`amend extract --lang en` names the language of the minutes; the messages follow `amend --lang`."""
    res = run("--lang", "sv", "extract", "--help")
    assert "  --lang [sv|en]     Protokollets språk (annars programmets)." in res.stdout


# ---------------------------------------------------------------- --help


def test_help_in_swedish():
    lines = run("--lang", "sv", "--help").stdout.splitlines()
    assert lines[:5] == ["Användning: amend [FLAGGOR] KOMMANDO [ARGUMENT]...", "",
                         "  För in ett besluts ändringar i ett program och skriv den antagna versionen.", "",
                         "Flaggor:"]
    assert "  --version       Visa versionen och avsluta." in lines
    assert "  -h, --help      Visa den här hjälpen och avsluta." in lines
    assert "Kommandon:" in lines
    assert "  validate   Kontrollera att program- och patchfilerna FILES följer sina..." in lines
    apply = run("apply", "--help", env=SV).stdout.splitlines()
    assert apply[0] == "Användning: amend apply [FLAGGOR] PROGRAM PATCHES..."
    assert "  -o, --output DIRECTORY  Mapp för den antagna versionen som YAML och DOCX." in apply
    assert "                          [krävs]" in apply
    log = run("log", "--help", env=SV).stdout
    assert "text för människor, json för program.  [standard: text]" in log


COMMANDS = ["apply", "render", "validate", "check", "conflicts", "import", "extract", "describe", "diff", "log",
            "show"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_text_is_in_both_languages(command):
    en = run(command, "--help").stdout.splitlines()
    sv = run("--lang", "sv", command, "--help").stdout.splitlines()
    assert en[0].startswith(f"Usage: amend {command} [OPTIONS]") and sv[0].startswith(f"Användning: amend {command}")
    assert "Options:" in en and "Flaggor:" in sv
    # every line that says something (not only option names and metavars) differs
    words = [(e, s) for e, s in zip(en, sv) if re.search(r"[a-z]{4} [a-z]{3}", e)]
    assert words and all(e != s for e, s in words), [e for e, s in words if e == s]


# ---------------------------------------------------------------- usage errors (exit 2)


@pytest.mark.parametrize(("args", "en", "sv"), [
    (["apply", "x"], "Error: Missing argument 'PATCHES...'.", "Fel: Argumentet 'PATCHES...' saknas."),
    (["apply", "x", "y"], "Error: Missing option '-o' / '--output'.", "Fel: Flaggan '-o' / '--output' saknas."),
    (["apply", "x", "y", "-o", "o", "--fuzzy", "nan"],
     "Error: Invalid value for '--fuzzy': 'nan' is not a number from 0.5 to 1.0",
     "Fel: Ogiltigt värde för '--fuzzy': ”nan” är inte ett tal från 0.5 till 1.0"),
    (["apply", "--fuzz", "0.9"], "Error: No such option '--fuzz'. Did you mean '--fuzzy'?",
     "Fel: Det finns ingen flagga ”--fuzz”. Menade du '--fuzzy'?"),
    (["check", "--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', "
     "'github', 'junit'.", "Fel: Ogiltigt värde för '--format': ”xml” är inte något av 'text', 'json', "
     "'github', 'junit'."),
    (["nope"], "Error: No such command 'nope'.", "Fel: Det finns inget kommando ”nope”."),
    (["log", "p", "--at", "1 mars"],
     "Error: Invalid value for '--at': '1 mars' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01",
     "Fel: Ogiltigt värde för '--at': ”1 mars” är inte ett datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"),
    (["show", "p@v1", "--at", "2026-01-01", "-o", "o"], "Error: give either @VERSION or --at DATE, not both",
     "Fel: ange antingen @VERSION eller --at DATUM, inte båda"),
    (["diff", "a.yaml", "b.yaml", "--docx", "x", "--html", "x"],
     "Error: --docx and --html name the same file (x); give each its own file",
     "Fel: --docx och --html anger samma fil (x); ge var och en en egen fil"),
])
def test_usage_errors_in_both_languages(tmp_path, monkeypatch, args, en, sv):
    monkeypatch.chdir(tmp_path)
    for lang, expected, usage, hint in (("en", en, "Usage: amend", "Try 'amend"),
                                        ("sv", sv, "Användning: amend", "Skriv ”amend")):
        res = run("--lang", lang, *args)
        lines = res.stderr.splitlines()
        assert (res.exit_code, lines[-1]) == (2, expected)
        if args != ["nope"]:
            assert lines[0].startswith(usage) and lines[1].startswith(hint), lines


def test_a_bug_exits_3_in_both_languages(tmp_path, monkeypatch):
    import amend.load as load

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(load, "program_from_data", broken)
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / PROGRAM, "p.yaml")
    sv = run("--lang", "sv", "render", "p.yaml", "-o", "out")
    assert (sv.exit_code, sv.stderr) == (3, "fel: amend avbröts oväntat (ZeroDivisionError: a bug). Ingenting "
                                            "skrevs. Kör samma kommando igen med --debug och rapportera felet.\n")
    en = run("render", "p.yaml", "-o", "out")
    assert (en.exit_code, en.stderr) == (3, "error: amend failed unexpectedly (ZeroDivisionError: a bug). Nothing "
                                            "was written. Run again with --debug and report it.\n")


# ---------------------------------------------------------------- summaries


def test_summaries_of_apply_render_validate_in_swedish(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    res = run("apply", PROGRAM, KSAU, "-o", "build", env=SV)
    stem = f"build/{EXAMPLE}.adopted"
    assert (res.exit_code, res.stderr) == (0, f"förde in 2 ändringar ur 1 patch; skrev {stem}.yaml, {stem}.docx, "
                                              f"{stem}.redline.docx, {stem}.redline.html\n")
    res = run("render", PROGRAM, "-o", "r", env=SV)
    assert res.stderr == f"skrev r/{EXAMPLE}.proposed.docx\n"
    res = run("validate", PROGRAM, KSAU, env=SV)
    assert res.stderr == f"ok: {PROGRAM}\nok: {KSAU}\n"
    assert run("check", env=SV).stdout.splitlines()[-4:] == [
        "incheckade utfiler",
        f"  ok            -       {stem}.yaml är aktuell",
        "",
        "ok: varje ändring går att föra in exakt (2 ändringar i 1 patch); 1 utfil är aktuell",
    ]


def test_log_and_show_in_swedish(tmp_path):
    root = copy_chain(tmp_path / "repo")
    res = run("log", EXAMPLE, "--root", root, "--at", "2026-12-01", env=SV)
    assert res.stdout.splitlines()[2:] == [
        "version        läge      gäller från  ändringar  beslut",
        "proposed       förslag   -            -          programfilen",
        "adopted        förslag   -            2          Kommunstyrelsens arbetsutskott 2025-10-22 § 170 "
        "(2025.202 KS), förslag till Kommunfullmäktige; antaget av Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)",
        "kf-2025-11-24  gäller    2025-11-24   0          Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)",
        "kf-2026-11-23  kommande  2027-01-01   2          Kommunfullmäktige 2026-11-23 § 130 (2026.311 KS)",
        "",
        "gäller den 2026-12-01: kf-2025-11-24",
    ]
    out = tmp_path / "o1"
    res = run("show", EXAMPLE, "--at", "2026-06-01", "--root", root, "-o", out, env=SV)
    stem = out / f"{EXAMPLE}.kf-2025-11-24"
    assert res.stderr == f"byggde ”kf-2025-11-24” (läget den 2026-06-01: gäller) ur 2 patchar; skrev {stem}.yaml, " \
                         f"{stem}.docx\n"
    res = run("show", EXAMPLE, "--at", "2025-11-01", "--root", root, "-o", tmp_path / "o2", env=SV)
    assert (res.exit_code, res.stderr) == (1, f"fel: ingen version av ”{EXAMPLE}” gäller den 2025-11-01; den första, "
                                              "”kf-2025-11-24”, börjar gälla den 2025-11-24\n")
    res = run("show", f"{EXAMPLE}@final", "--root", root, "-o", tmp_path / "o3", env=SV)
    assert res.stderr == (f"fel: programmet ”{EXAMPLE}” har ingen version ”final” (versioner: proposed, adopted, "
                          "kf-2025-11-24, kf-2026-11-23)\n")
    (root / KF12).unlink()
    (root / KF130).unlink()
    res = run("show", f"{EXAMPLE}@adopted", "--root", root, "-o", tmp_path / "o4", env=SV)
    assert res.stderr.splitlines()[0] == ("varning: versionen ”adopted” har läget ”väntar” (väntar på "
                                          "Kommunfullmäktige); den är inte en gällande version")
    assert res.stderr.splitlines()[1].startswith("byggde ”adopted” (läget den ")


# ---------------------------------------------------------------- history in Swedish


def test_every_state_and_note_of_the_log_in_swedish(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2025-02-01", "§ 4", word="ett"),
        "2.yaml": patch("v1", "nej", "2025-03-01", "§ 7", word="två", outcome="rejected"),
        "3.yaml": patch("v1", "aterkallad", "2025-03-01", "§ 8", word="tre", outcome="withdrawn"),
        "4.yaml": patch("nej", "efter-nej", "2025-04-01", "§ 9", word="fyra"),
        "5.yaml": patch("saknas", "v9", "2025-02-01", "§ 4"),
        "6.yaml": patch("b", "a", "2025-02-01", "§ 5"),
        "7.yaml": patch("a", "b", "2025-02-01", "§ 6"),
        "8.yaml": patch("v1", "f", "2025-05-01", "§ 4", body="KS", proposes_to="KF"),
        "9.yaml": patch("f", "f2", "2025-05-02", "§ 4", body="Socialnämnden"),
        "10.yaml": patch("v1", "g", "2025-05-01", "§ 5", body="KS", proposes_to="KF"),
        "11.yaml": patch("g", "g2", "2025-05-02", "§ 5", body="KF", outcome="rejected"),
    })
    res = run("log", "p", "--root", root, "--at", "2026-01-01", env=SV)
    assert res.stdout.splitlines()[2:] == [
        "version     läge             gäller från  ändringar  beslut",
        "v0          ersatt           2024-01-10   -          programfilen",
        "v1          gäller           2025-02-01   1          Kommunfullmäktige 2025-02-01 § 4",
        "nej         avslagen         -            1          Kommunfullmäktige 2025-03-01 § 7",
        "aterkallad  återtagen        -            1          Kommunfullmäktige 2025-03-01 § 8",
        "efter-nej   kan inte byggas  -            1          Kommunfullmäktige 2025-04-01 § 9; är skriven mot "
        "versionen ”nej”, som har läget ”avslagen”",
        "f           väntar           -            1          KS 2025-05-01 § 4, förslag till KF; väntar på KF",
        "g           avslagen         -            1          KS 2025-05-01 § 5, förslag till KF; avslagen av KF "
        "2025-05-02 § 5",
        "f2          kan inte byggas  -            1          Socialnämnden 2025-05-02 § 4; är skriven mot förslaget "
        "”f” till KF, men beslutad av Socialnämnden",
        "g2          avslagen         -            1          KF 2025-05-02 § 5",
        "v9          kan inte byggas  -            1          Kommunfullmäktige 2025-02-01 § 4; är skriven mot "
        "versionen ”saknas”, som ingen patch ger",
        "a           kan inte byggas  -            1          Kommunfullmäktige 2025-02-01 § 5; är skriven mot "
        "versionen ”b”, som inte byggs från programmets egen version (versionerna går runt i en cirkel)",
        "b           kan inte byggas  -            1          Kommunfullmäktige 2025-02-01 § 6; är skriven mot "
        "versionen ”a”, som har läget ”kan inte byggas”",
        "",
        "gäller den 2026-01-01: v1",
        "väntar: f (väntar på KF)",
    ]
    res = run("show", "p@efter-nej", "--root", root, "-o", tmp_path / "u", env=SV)
    assert (res.exit_code, res.stderr) == (1, f"fel: versionen ”efter-nej” kan inte byggas: "
                                              f"{root / 'amendments/p/4.yaml'} är skriven mot versionen ”nej”, som "
                                              "har läget ”avslagen”\n")


def test_a_version_that_waits_for_an_earlier_one_in_swedish(tmp_path):
    root = make_repo(tmp_path, {
        "1.yaml": patch("v0", "v1", "2026-05-20", "§ 45", word="ett", in_force="2027-01-01"),
        "2.yaml": patch("v1", "v2", "2026-09-01", "§ 60", word="två", in_force="2026-10-01"),
    })
    lines = run("log", "p", "--root", root, "--at", "2026-12-01", env=SV).stdout.splitlines()
    assert lines[-3] == ("v2       kommande  2026-10-01   1          Kommunfullmäktige 2026-09-01 § 60; börjar gälla "
                         "tillsammans med versionen ”v1”")


def test_two_decisions_on_one_version_in_swedish(tmp_path):
    root = make_repo(tmp_path, {"1.yaml": patch("v0", "v1", "2025-02-01", "§ 4"),
                                "2.yaml": patch("v0", "v2", "2025-03-01", "§ 7", word="två")})
    res = run("log", "p", "--root", root, env=SV)
    assert res.stderr == (
        f"fel: {root / 'amendments/p/2.yaml'}: är ett antaget beslut som är skrivet mot versionen ”v0”, liksom "
        f"{root / 'amendments/p/1.yaml'} (Kommunfullmäktige 2025-02-01 § 4); det senare beslutet måste vara skrivet "
        "mot versionen ”v1” som det tidigare ger, eller så ska ett av dem ha ”outcome: rejected” eller ”withdrawn”\n")


def _timeline(tmp_path, patches, program_edit=None):
    from amend.history_load import load_history

    root = make_repo(tmp_path, patches)
    if program_edit:
        path = root / "programs/p.yaml"
        path.write_text(program_edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    program, loaded = load_history(root, "p")
    return root, program, loaded


@pytest.mark.parametrize(("patches", "en", "sv"), [
    ({"1.yaml": patch("v0", "v0", "2025-02-01")},
     "produces the version 'v0', which is the program's own version; each version must be new",
     "ger versionen ”v0”, som är programmets egen version; varje version måste vara ny"),
    ({"1.yaml": patch("v0", "v1", "2025-02-01"), "2.yaml": patch("v0", "v1", "2025-02-02", word="två")},
     "produces the version 'v1', which {root}/amendments/p/1.yaml produces too; each version is produced by one patch",
     "ger versionen ”v1”, som {root}/amendments/p/1.yaml också ger; varje version ska komma från en enda patch"),
])
def test_a_version_made_twice_in_both_languages(tmp_path, patches, en, sv):
    root, program, loaded = _timeline(tmp_path, patches)
    with pytest.raises(Exception) as err:
        build_timeline(program, loaded, "2026-01-01")
    assert err.value.render("en").endswith(en.format(root=root))
    assert err.value.render("sv").endswith(sv.format(root=root))


def test_no_version_in_force_and_a_date_that_is_none_in_both_languages(tmp_path):
    root, program, loaded = _timeline(tmp_path, {}, lambda t: t.replace(
        '  decisions:\n    - {body: Kommunfullmäktige, date: "2024-01-10", paragraph: § 3}\n', ""))
    timeline = build_timeline(program, loaded, "2026-01-01")
    with pytest.raises(HistoryError) as err:
        require_version_on(timeline, "2026-01-01")
    assert err.value.render("en") == "no version of 'p' is in force on any date: no decision has adopted it yet"
    assert err.value.render("sv") == "ingen version av ”p” gäller något datum: inget beslut har antagit programmet än"
    with pytest.raises(HistoryError) as err:
        require_version_on(timeline, "1 mars")
    assert err.value.render("en") == "'1 mars' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"
    assert err.value.render("sv") == "”1 mars” är inte ett datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"


# ---------------------------------------------------------------- check and its report in Swedish


def test_check_names_each_problem_in_swedish(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    folder = root / f"amendments/{EXAMPLE}"
    source = (root / KSAU).read_text(encoding="utf-8")

    def patch_file(name, base, produces):
        text = source.replace("base: proposed", f"base: {base}").replace("produces: adopted", f"produces: {produces}")
        (folder / name).write_text(text, encoding="utf-8")

    patch_file("dubbel.yaml", "proposed", "adopted")
    patch_file("x.yaml", "b", "a")
    patch_file("y.yaml", "a", "b")
    patch_file("z.yaml", "b", "c")
    (root / "amendments/okand").mkdir()
    (root / "amendments/okand/p.yaml").write_text(source, encoding="utf-8")
    (root / "amendments/lost.yaml").write_text(source, encoding="utf-8")
    res = run("check", env=SV)
    assert res.exit_code == 1
    lines = [line for line in res.stdout.splitlines() if not re.match(r"  (ok|ej kontroll\.) +\d+:5 ", line)]
    f = f"amendments/{EXAMPLE}"
    assert lines == [
        "katalog: .",
        "  fel mapp      -       amendments/lost.yaml: lost.yaml ligger direkt i amendments; patchfiler hör hemma i "
        "amendments/<program-id>/, annars vet check inte vilket program de gäller",
        "",
        "amendments/okand/p.yaml  proposed → adopted",
        "  inget program -       ligger i amendments/okand, men det finns inget program med id ”okand” i programs "
        f"(id: {EXAMPLE})",
        "",
        f"{KSAU}  proposed → adopted",
        f"  dubblett      6:11    ger versionen ”adopted”, som {f}/dubbel.yaml också ger; varje version ska komma "
        "från en enda patch",
        "",
        f"{f}/dubbel.yaml  proposed → adopted",
        f"  dubblett      6:11    ger versionen ”adopted”, som {KSAU} också ger; varje version ska komma från en "
        "enda patch",
        "",
        f"{f}/x.yaml  b → a",
        f"  cirkel        5:7     dess grundversion ”b” går runt i en cirkel: a → b → a ({f}/y.yaml, {f}/x.yaml); "
        "en av dem måste utgå från programmets version ”proposed”",
        "",
        f"{f}/y.yaml  a → b",
        f"  cirkel        5:7     dess grundversion ”a” går runt i en cirkel: b → a → b ({f}/x.yaml, {f}/y.yaml); "
        "en av dem måste utgå från programmets version ”proposed”",
        "",
        f"{f}/z.yaml  b → c",
        "  ej kontroll.  5:7     dess grundversion ”b” kommer från patchar vars versioner går runt i en cirkel",
        "",
        "misslyckades: 4 av 12 ändringar går att föra in exakt, 8 ej kontrollerade, 7 andra problem",
    ]


def test_a_missing_base_and_what_follows_from_it_in_both_languages(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    folder = root / f"amendments/{EXAMPLE}"
    source = (root / KSAU).read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(source.replace("base: proposed", "base: revised")
                                   .replace("produces: adopted", "produces: final"), encoding="utf-8")
    (folder / "b.yaml").write_text(source.replace("base: proposed", "base: final")
                                   .replace("produces: adopted", "produces: later"), encoding="utf-8")
    (folder / "c.yaml").write_text("program: x\n", encoding="utf-8")
    (folder / "d.yaml").write_text(source.replace("base: proposed", "base: x")
                                   .replace("produces: adopted", "produces: y"), encoding="utf-8")
    problems = {lang: [line for line in run("--lang", lang, "check").stdout.splitlines() if " 5:7 " in line]
                for lang in ("en", "sv")}
    assert problems["en"] == [
        f"  missing base  5:7     its base version 'revised' is neither the program's version ('proposed') nor "
        f"produced by another patch of '{EXAMPLE}'",
        f"  not checked   5:7     its base version 'final' comes from {folder.relative_to(root)}/a.yaml, whose base "
        "version 'revised' does not exist",
        f"  missing base  5:7     its base version 'x' is neither the program's version ('proposed') nor produced by "
        f"another patch of '{EXAMPLE}'",
    ]
    assert problems["sv"] == [
        f"  grund saknas  5:7     dess grundversion ”revised” är varken programmets version (”proposed”) eller given "
        f"av en annan patch till ”{EXAMPLE}”",
        f"  ej kontroll.  5:7     dess grundversion ”final” kommer från {folder.relative_to(root)}/a.yaml, vars "
        "grundversion ”revised” inte finns",
        f"  grund saknas  5:7     dess grundversion ”x” är varken programmets version (”proposed”) eller given av en "
        f"annan patch till ”{EXAMPLE}”",
    ]


def test_stale_and_orphan_outputs_in_swedish(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    assert run("apply", PROGRAM, KSAU, "-o", "build").exit_code == 0
    edit(root / KSAU, [("insert: samt med de fackliga parterna", "insert: samt med fackliga organisationer")])
    shutil.copy(root / f"build/{EXAMPLE}.adopted.yaml", root / f"build/{EXAMPLE}.revised.yaml")
    res = run("check", env=SV)
    assert res.stdout.splitlines()[-5:] == [
        "incheckade utfiler",
        f"  inaktuell     124     build/{EXAMPLE}.adopted.yaml: skiljer sig från vad patcharna ger nu: avsnittet "
        f"”Samverkan” (sidan 6); bygg om den med: amend apply {PROGRAM} {KSAU} -o build",
        f"  föräldralös   -       build/{EXAMPLE}.revised.yaml: ingen patch till ”{EXAMPLE}” ger versionen ”revised” "
        "(längre); ta bort filen eller återställ dess patch",
        "",
        "misslyckades: 2 av 2 ändringar går att föra in exakt, 2 utfiler är inaktuella",
    ]
    github = run("check", "--format", "github", env=SV).stdout.splitlines()
    assert github[0].startswith(f"::error file=build/{EXAMPLE}.adopted.yaml,line=124,title=inaktuell utfil::skiljer")
    junit = run("check", "--format", "junit", env=SV).stdout
    assert '<testsuite name="incheckade utfiler"' in junit


def test_an_output_without_patches_and_a_broken_program_in_swedish(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    (root / "build").mkdir()
    shutil.copy(root / PROGRAM, root / f"build/{EXAMPLE}.proposed.yaml")
    edit(root / f"build/{EXAMPLE}.proposed.yaml", [("  status: ", "  status: Ändrad ")])
    line = [x for x in run("check", env=SV).stdout.splitlines() if "proposed.yaml" in x][0]
    assert line.endswith(f"skiljer sig från vad patcharna ger nu: titelblocket (status); den ska vara likadan som "
                         f"{PROGRAM}")
    edit(root / PROGRAM, [("    level: 2\n    page: 6\n", "    level: 2\n    page: sex\n")])
    lines = run("check", env=SV).stdout.splitlines()
    assert f"  ej kontroll.  -       programfilen {PROGRAM} är inte giltig" in lines
    shutil.copy(REPO / PROGRAM, root / PROGRAM)
    edit(root / KSAU, [(f"program: {EXAMPLE}", "program: ett-annat-program")])
    assert (f"  fel program   4:10    ligger i amendments/{EXAMPLE}, men säger att den gäller programmet "
            "”ett-annat-program”") in run("check", env=SV).stdout.splitlines()


def test_no_programs_in_swedish(tmp_path):
    res = run("check", tmp_path, env=SV)
    assert res.stdout.splitlines()[1] == (f"  inga program  -       {tmp_path}: inga programfiler i "
                                          f"{tmp_path / 'programs'}; kör check i den mapp som har programs/ och "
                                          "amendments/")


def test_conflicts_in_swedish(tmp_path, monkeypatch):
    root = copy_first_step(tmp_path)
    monkeypatch.chdir(root)
    (root / "s.yaml").write_text(S_PATCH, encoding="utf-8")
    (root / "m.yaml").write_text(M_PATCH, encoding="utf-8")
    lines = run("conflicts", "s.yaml", "m.yaml", env=SV).stdout.splitlines()
    assert lines[0] == f"Konkurrerande ändringsförslag till {EXAMPLE}, version proposed:"
    assert ("Överlappar (de ändrar eller citerar samma text; om det ena antas ändras vad det andra måste säga):"
            in lines)
    assert lines[-2] == "Inte med i tabellen (de går inte att föra in i den här versionen som de är skrivna):"
    assert lines[-1].startswith("  A3   finns inte: s-3: ")
    assert [x for x in lines if x.startswith("  A1 × B1")][0].startswith(
        "  A1 × B1  S yrkande 1 (s-1) och M yrkande 1 (m-1), ")
    (root / "m.yaml").write_text(M_PATCH.replace("    replace: mellan mellan olika förvaltningar\n    with: mellan "
                                                 "förvaltningarna\n", "    delete: Samverkan\n"), encoding="utf-8")
    lines = run("conflicts", "m.yaml", env=SV).stdout.splitlines()
    assert "Inga två förslag överlappar: de kan ställas under proposition i vilken ordning som helst." in lines
    mixed = run("conflicts", "s.yaml", KSAU.replace("ksau-170", "ksau-170"), env=SV)
    assert mixed.exit_code == 0  # same base: fine
    edit(root / "s.yaml", [("base: proposed", "base: adopted")])
    res = run("conflicts", "s.yaml", KSAU, env=SV)
    assert (res.exit_code, res.stderr) == (1, f"fel: {KSAU}: är skriven mot ”{EXAMPLE}” version ”proposed”, men "
                                              f"s.yaml mot ”{EXAMPLE}” version ”adopted”; jämför bara förslag som är "
                                              "skrivna mot samma version\n")
    res = run("conflicts", "s.yaml", "--root", ".", env=SV)
    assert res.exit_code == 0
    edit(root / "s.yaml", [("base: adopted", "base: nowhere")])
    res = run("conflicts", "s.yaml", "--root", ".", env=SV)
    assert res.stderr == (f"fel: versionen ”nowhere” av ”{EXAMPLE}” kan inte byggas upp: ingen patch i "
                          f"amendments/{EXAMPLE} ger den\n")
    edit(root / "s.yaml", [(f"program: {EXAMPLE}", "program: annat")])
    res = run("conflicts", "s.yaml", "--root", ".", env=SV)
    assert res.stderr == "fel: det finns inget program ”annat” i programs\n"


def test_the_json_report_speaks_the_language_but_keeps_its_codes(tmp_path, monkeypatch):
    import json

    res = run("check", tmp_path, "--format", "json", env=SV)
    data = json.loads(res.stdout)
    assert data["problems"][0]["kind"] == "no_programs"
    assert data["problems"][0]["message"].startswith("inga programfiler i ")


def test_a_rendered_report_follows_the_block_it_is_rendered_in(tmp_path):
    from amend.check import check_repo
    from amend.report import summary

    report = check_repo(tmp_path)
    with language("sv"):
        assert summary(report) == "misslyckades: 0 av 0 ändringar går att föra in exakt, 1 annat problem"
    assert summary(report) == "failed: 0 of 0 amendments apply exactly, 1 other problem"
    assert os.environ["AMEND_LANG"] == "en"


# ---------------------------------------------------------------- extract and diff in Swedish


MINUTES = REPO / "tests" / "fixtures" / "minutes"
ALINGSAS = REPO / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt"
SYNTHETIC = REPO / "tests" / "fixtures" / "synthetic-ks-2025-11-05-p12.txt"


def test_extract_in_both_languages(tmp_path):
    out = tmp_path / "p.yaml"
    for lang, note, summary in (
            ("sv", "obs", "tog fram 2 ändringsförslag ur Kommunstyrelsens arbetsutskott 2025-10-22 § 170; skrev"),
            ("en", "note", "extracted 2 amendments of Kommunstyrelsens arbetsutskott 2025-10-22 § 170; wrote")):
        res = run("--lang", lang, "extract", ALINGSAS, "--program", REPO / PROGRAM, "-o", out)
        lines = res.stderr.splitlines()
        assert res.exit_code == 0 and lines[-1] == f"{summary} {out}"
        assert lines[0].startswith(f"{note}: {ALINGSAS}:68: Tillägg 1: ")
        out.unlink()
    res = run("extract", ALINGSAS, "--program", REPO / PROGRAM, env=SV)
    assert res.stderr.splitlines()[-1] == "tog fram 2 ändringsförslag ur Kommunstyrelsens arbetsutskott 2025-10-22 § 170"
    assert res.stdout.startswith("# yaml-language-server:")


def test_extract_that_needs_a_human_in_swedish(tmp_path):
    out = tmp_path / "p.yaml"
    res = run("extract", SYNTHETIC, "--program", REPO / PROGRAM, "-o", out, env=SV)
    lines = res.stderr.splitlines()
    assert res.exit_code == 1
    assert any(line.startswith(f"måste granskas: {SYNTHETIC}:43: Ändring 2:") for line in lines)
    assert any(line.startswith(f"avslaget: {SYNTHETIC}:19: Ändringsyrkande 1:") for line in lines)
    assert lines[-1] == "2 saker måste granskas av en människa (se ovan)"
    case = MINUTES / "kf-2023-02-23-p27"
    res = run("extract", case / "minutes.txt", "--program", case / "program.yaml", "-o", tmp_path / "q.yaml", env=SV)
    assert [line.split(":")[2] for line in res.stderr.splitlines() if line.startswith("kan inte tillämpas:")] == [
        "10", "12", "15"]


def test_extract_that_finds_nothing_in_both_languages(tmp_path):
    program = MINUTES / "ks-2026-03-04-p167" / "program.yaml"
    for lang, expected in (
            ("sv", "ingenting skrevs: inget ändringsförslag i § 161 i Kommunstyrelsen 2026-03-04 kunde läsas "
                   "(beslutet innehåller inget ändringsförslag till programmet)"),
            ("en", "nothing was written: no amendment in § 161 of Kommunstyrelsen 2026-03-04 could be read (the "
                   "decision holds no amendment to the program)")):
        res = run("--lang", lang, "extract", MINUTES / "whole" / "ks-2026-03-04.txt", "--program", program,
                  "--paragraph", "161", "-o", tmp_path / "p.yaml")
        assert (res.exit_code, res.stderr.splitlines()[-1]) == (1, expected)
        assert not (tmp_path / "p.yaml").exists()


def test_diff_says_what_it_wrote_in_swedish(tmp_path):
    res = run("diff", REPO / PROGRAM, REPO / PROGRAM, "--html", tmp_path / "d.html", env=SV)
    assert (res.exit_code, res.stderr) == (0, f"skrev {tmp_path / 'd.html'}\n")


def test_import_summary_in_both_languages(tmp_path):
    from import_docs import word_style_docx

    source = tmp_path / "plan.docx"
    word_style_docx(source)
    for lang, expected in (("sv", "läste in {n} avsnitt på {p} {pages}; skrev {out}"),
                           ("en", "imported {n} sections on {p} {pages}; wrote {out}")):
        out = tmp_path / lang / "plan.yaml"
        res = run("--lang", lang, "import", source, "-o", out)
        program = load_program(out)
        pages = {"sv": ("sida", "sidor"), "en": ("page", "pages")}[lang][program.page_count != 1]
        assert (res.exit_code, res.stderr.splitlines()[-1]) == (0, expected.format(
            n=len(program.sections), p=program.page_count, pages=pages, out=out))
