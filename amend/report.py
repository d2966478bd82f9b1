"""The `amend check` report in four formats, and the conflict matrix.

text    for people, grouped per patch (coloured when `color` is set)
json    for tools; its schema is amend/schemas/check-report.schema.json
github  GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`)
junit   JUnit XML, one testcase per amendment, for CI test views

Every function returns the whole output as text; printing is the CLI's job.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .check import NOT_CHECKED, OK, AmendmentResult, ConflictMatrix, PatchReport, Problem, Report, letters
from .check.competing import Tabled
from .check.results import OutputReport, ProgramReport
from .errors import Text
from .messages import Msg, msg
from .messages import render as in_words

REPORT_VERSION = 1
SCHEMA_ID = "https://amend.invalid/schemas/check-report.schema.json"
FORMATS = ("text", "json", "github", "junit")



def words(key: str) -> str:
    """How a status or problem kind reads in the text formats, in the current language."""
    return in_words(_WORDS[key])


_WORDS: dict[str, Msg] = {
    "ok": msg("report.ok"), "fuzzy_only": msg("report.fuzzy_only"), "not_found": msg("report.not_found"),
    "ambiguous": msg("report.ambiguous"), "out_of_scope": msg("report.out_of_scope"),
    "conflict": msg("report.conflict"), "error": msg("report.error"), "not_checked": msg("report.not_checked"),
    "invalid": msg("report.invalid"), "no_programs": msg("report.no_programs"),
    "duplicate_program": msg("report.duplicate_program"), "misplaced": msg("report.misplaced"),
    "unknown_program": msg("report.unknown_program"), "wrong_program": msg("report.wrong_program"),
    "missing_base": msg("report.missing_base"), "cycle": msg("report.cycle"),
    "duplicate_version": msg("report.duplicate_version"), "stale": msg("report.stale"),
    "orphan": msg("report.orphan"), "incomplete": msg("guards.report_incomplete"),
    "word_file": msg("source.report_word_file"),
}
_WIDTH = 13  # the longest word above, "out of scope"/"wrong program", plus one space


def render(report: Report, fmt: str, color: bool = False) -> str:
    """The report as `amend check --format` asks: json, github, junit, else text."""
    machine = {"json": to_json, "github": to_github, "junit": to_junit}.get(fmt)
    return machine(report) if machine else to_text(report, color)


# ---------------------------------------------------------------- counting


def counts(report: Report) -> dict[str, int]:
    amendments = report.amendments
    failing = [a for a in amendments if a.status not in (OK, NOT_CHECKED)]
    problems = report.problems + tuple(p for r in report.programs + report.patches for p in r.problems)
    return {
        "patches": len(report.patches),
        "amendments": len(amendments),
        "ok": sum(a.status == OK for a in amendments),
        "failing": len(failing),
        "not_checked": sum(a.status == NOT_CHECKED for a in amendments),
        "problems": len(problems),
        "outputs": len(report.outputs),
        "outputs_stale": sum(o.status != "ok" for o in report.outputs),
    }


def summary(report: Report) -> str:
    c = counts(report)
    if report.ok:
        return _all_ok(c)
    parts = [msg("report.apply", ok=c["ok"], amendments=c["amendments"])] + [say(c[k]) for k, say in _FAILED if c[k]]
    return str(msg("report.failed", parts=", ".join(map(str, parts))))


def _all_ok(c: dict[str, int]) -> str:
    """The summary of a check that passed: the amendments and patches, and the outputs when there are some."""
    line = msg("report.all_ok", amendments=c["amendments"], patches=c["patches"])
    return str(msg("report.outputs_ok", summary=line, outputs=c["outputs"]) if c["outputs"] else line)


# The parts of a failed check's summary after its count of amendments that apply, each when its count is not 0.
_FAILED: tuple[tuple[str, Callable[[int], Msg]], ...] = (
    ("failing", lambda n: msg("report.do_not", failing=n)),
    ("not_checked", lambda n: msg("report.count_not_checked", n=n)),
    ("problems", lambda n: msg("report.other_problems", n=n)),
    ("outputs_stale", lambda n: msg("report.outputs_stale", n=n)),
)


# ---------------------------------------------------------------- text


_COLORS = {"ok": "green", "fuzzy_only": "yellow", "not_checked": "yellow"}


@dataclass(frozen=True)
class _Style:
    """How the text report looks: plain, or coloured for a terminal."""

    color: bool

    def status(self, word_key: str) -> str:
        word = f"{words(word_key):<{_WIDTH}}"
        if not self.color:
            return word
        import click

        return click.style(word, fg=_COLORS.get(word_key, "red"), bold=True if word_key not in _COLORS else None)

    def header(self, text: str) -> str:
        if not self.color:
            return text
        import click

        return click.style(text, bold=True)

    def line(self, key: str, line_no: int | None, column: int | None, text: Text) -> str:
        at = f"{line_no}:{column}" if line_no and column else str(line_no or "-")
        return f"  {self.status(key)} {at:<7} {in_words(text)}"

    def problems(self, problems: Iterable[Problem], group_file: str | None = None) -> list[str]:
        return [self.line(p.kind, p.line, p.column, _where(p, group_file) + in_words(p.message)) for p in problems]


def to_text(report: Report, color: bool = False) -> str:
    style = _Style(color)
    body = "\n\n".join("\n".join(g) for g in _text_groups(report, style))
    return (body + "\n\n" if body else "") + style.header(summary(report)) + "\n"


def _text_groups(report: Report, style: _Style) -> Iterator[list[str]]:
    """The report's groups of lines: the repository's problems, each program's, each patch, the outputs."""
    if report.problems:
        yield [style.header(str(msg("report.repository", root=report.root))), *style.problems(report.problems)]
    for prog in report.programs:
        if prog.problems:
            yield [style.header(prog.file), *style.problems(prog.problems, prog.file)]
    for patch in report.patches:
        yield _patch_lines(patch, style)
    if report.outputs:
        yield [style.header(str(msg("report.outputs")))] + [
            style.line(o.status, o.line, None,
                       f"{o.file}: {in_words(o.message)}" if o.message else msg("report.up_to_date", file=o.file))
            for o in report.outputs]


def _patch_lines(patch: PatchReport, style: _Style) -> list[str]:
    title = patch.file + (f"  {patch.base} → {patch.produces}" if patch.base and patch.produces else "")
    rows = style.problems(patch.problems, patch.file)
    rows += [style.line(a.status, a.source.line, a.source.column,
                        a.label + (f": {in_words(a.message)}" if a.message else "")) for a in patch.amendments]
    return [style.header(title), *rows]


def _where(p: Problem, group_file: str | None = None) -> str:
    """Name the file of a problem when it is not the file of its group."""
    return "" if p.file == group_file else f"{p.file}: "


# ---------------------------------------------------------------- json


def to_json(report: Report) -> str:
    import json

    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"


def to_data(report: Report) -> dict[str, Any]:
    """The report as plain data, following schemas/check-report.schema.json."""
    return {
        "$schema": SCHEMA_ID,
        "report_version": REPORT_VERSION,
        "ok": report.ok,
        "root": report.root,
        "summary": counts(report),
        "problems": [_problem(p) for p in report.problems],
        "programs": [_program(p) for p in report.programs],
        "patches": [_patch(p) for p in report.patches],
        "outputs": [_output(o) for o in report.outputs],
        "notes": [_note(n) for n in report.notes],
    }


def _program(p: ProgramReport) -> dict[str, Any]:
    return {"file": p.file, "id": p.id, "version": p.version, "versions": list(p.versions),
            "problems": [_problem(x) for x in p.problems]}


def _output(o: OutputReport) -> dict[str, Any]:
    return {"file": o.file, "program": o.program, "version": o.version, "status": o.status,
            "message": in_words(o.message), "line": o.line}


def _note(note: Text) -> dict[str, Any]:
    from .lag import note_data

    return {**note_data(note), "message": in_words(note)}


def _problem(p: Problem) -> dict[str, Any]:
    return {"kind": p.kind, "message": in_words(p.message), "file": p.file, "line": p.line, "column": p.column}


def _patch(p: PatchReport) -> dict[str, Any]:
    return {"file": p.file, "program": p.program, "base": p.base, "produces": p.produces, "ok": p.ok,
            "problems": [_problem(x) for x in p.problems],
            "amendments": [_amendment(a) for a in p.amendments]}


def _amendment(a: AmendmentResult) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "label": a.label, "file": a.source.file, "line": a.source.line,
            "column": a.source.column, "status": a.status, "message": in_words(a.message),
            "similarity": a.similarity, "where": a.where, "closest": a.closest,
            "found": list(a.found), "conflicts_with": list(a.conflicts_with)}


# ---------------------------------------------------------------- github


def to_github(report: Report) -> str:
    """One workflow command per problem, in the order of the text report; ok
    amendments make no noise."""
    out = [_github_error(p) for p in report.problems]
    out += [_github_error(p) for prog in report.programs for p in prog.problems]
    out += [line for patch in report.patches for line in _github_patch(patch)]
    out += [_annotation("error", o.file, o.line, None, str(msg("report.output_title", status=words(o.status))),
                        in_words(o.message))
            for o in report.outputs if o.status != "ok"]
    out.append(_annotation("notice" if report.ok else "error", None, None, None, "amend check", summary(report)))
    return "\n".join(out) + "\n"


def _github_error(p: Problem) -> str:
    return _annotation("error", p.file, p.line, p.column, words(p.kind), in_words(p.message))


def _github_patch(patch: PatchReport) -> list[str]:
    """The patch's problems, then its amendments that are not OK (one not checked: its patch says why)."""
    return [_github_error(p) for p in patch.problems] + [
        _annotation("error", a.source.file, a.source.line, a.source.column, f"{words(a.status)}: {a.label}",
                    f"{a.label}: {in_words(a.message)}")
        for a in patch.amendments if a.status not in (OK, NOT_CHECKED)]


def _annotation(level: str, file: str | None, line: int | None, col: int | None, title: str, message: str) -> str:
    props = [f"{k}={_escape(str(v), True)}" for k, v in (("file", file), ("line", line), ("col", col),
                                                          ("title", title)) if v]
    return f"::{level} {','.join(props)}::{_escape(message)}"


def _escape(value: str, prop: bool = False) -> str:
    """GitHub's escaping for workflow commands (properties also escape : and ,)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


# ---------------------------------------------------------------- junit


def to_junit(report: Report) -> str:
    """JUnit XML: a testsuite per patch with a testcase per amendment (and one
    per patch problem); programs, outputs and the repository get suites of
    their own when they have something to say."""
    import xml.etree.ElementTree as ET

    suites = ET.Element("testsuites", name="amend check")
    _problem_suites(suites, report)
    for patch in report.patches:
        _patch_suite(_suite(suites, patch.file), patch)
    if report.outputs:
        _output_suite(suites, report.outputs)
    _count(suites)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _problem_suites(suites: Any, report: Report) -> None:
    """A suite for the repository's problems, and one for each program file's, when there are any."""
    for name, problems in [(report.root, report.problems)] + [(p.file, p.problems) for p in report.programs]:
        if problems:
            _problem_cases(_suite(suites, name), name, problems)


def _problem_cases(suite: Any, name: str, problems: Iterable[Problem]) -> None:
    for p in problems:
        _case(suite, name, words(p.kind), p.file, p.line, "failure", p.kind, in_words(p.message))


def _patch_suite(suite: Any, patch: PatchReport) -> None:
    """A testcase per problem of the patch, then one per amendment (one not checked: skipped)."""
    _problem_cases(suite, patch.file, patch.problems)
    for a in patch.amendments:
        outcome = None if a.status == OK else "skipped" if a.status == NOT_CHECKED else "failure"
        _case(suite, patch.file, a.label, a.source.file, a.source.line, outcome, a.status,
              in_words(a.message or msg("report.see_patch")))


def _output_suite(suites: Any, outputs: Iterable[OutputReport]) -> None:
    name = str(msg("report.outputs"))
    suite = _suite(suites, name)
    for o in outputs:
        _case(suite, name, o.file, o.file, o.line, None if o.status == "ok" else "failure", o.status,
              in_words(o.message))


def _suite(parent: Any, name: str) -> Any:
    import xml.etree.ElementTree as ET

    return ET.SubElement(parent, "testsuite", name=name)


def _case(suite: Any, classname: str, name: str, file: str, line: int | None, outcome: str | None, kind: str,
          message: str) -> None:
    import xml.etree.ElementTree as ET

    case = ET.SubElement(suite, "testcase", classname=classname, name=name, file=file)
    if line:
        case.set("line", str(line))
    if outcome == "failure":
        ET.SubElement(case, "failure", type=kind, message=message).text = (
            f"{file}:{line}: {name}: {message}" if line else f"{file}: {name}: {message}")
    elif outcome == "skipped":
        ET.SubElement(case, "skipped", message=message)


def _count(suites: Any) -> None:
    """Fill in the tests/failures/skipped attributes that JUnit readers expect."""
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        here = {"tests": len(suite), "failures": len(suite.findall("testcase/failure")), "errors": 0,
                "skipped": len(suite.findall("testcase/skipped"))}
        for k, v in here.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        suites.set(k, str(v))


# ---------------------------------------------------------------- conflict matrix


def matrix_text(m: ConflictMatrix) -> str:
    """The matrix of competing amendments for the chair: X where two overlap."""
    out = [str(msg("report.competing", program=m.program, version=m.base))]
    out += [f"  {letters(n)}  {f}" for n, f in enumerate(m.files)]
    out += ["", *_amendment_lines(m), *_grid(m), "", *_overlap_lines(m), *_not_in_matrix(m)]
    return "\n".join(out) + "\n"


def _amendment_lines(m: ConflictMatrix) -> list[str]:
    """A line per amendment: its key in the matrix, where it is (line:column) and its label."""
    return [f"  {r.key:<4} {f'{r.amendment.source.line}:{r.amendment.source.column}':<7} {r.amendment.label}"
            for r in m.rows]


def _not_in_matrix(m: ConflictMatrix) -> list[str]:
    """The amendments that do not resolve against the base at all, and why."""
    failed = [r for r in m.rows if r.failure is not None]
    if not failed:
        return []
    return ["", str(msg("report.not_in_matrix"))] + [
        f"  {r.key:<4} {words(r.failure.status)}: {r.amendment.label}: {in_words(r.failure.message)}"
        for r in failed if r.failure is not None]


def _grid(m: ConflictMatrix) -> list[str]:
    """The amendments that resolve, against each other: X overlaps, . does not."""
    placed = [r for r in m.rows if r.failure is None]
    if not placed:
        return []
    width = max(len(r.key) for r in placed) + 2
    head = "  " + " " * width + "".join(f"{r.key:<{width}}" for r in placed).rstrip()
    return ["", head] + [_grid_line(m, r, placed, width) for r in placed]


def _grid_line(m: ConflictMatrix, r: Tabled, placed: list[Tabled], width: int) -> str:
    """The row of amendment r: - against itself, X where it overlaps another, . where not."""
    cells = ("-" if c is r else "X" if m.overlap(r.key, c.key) else "." for c in placed)
    return f"  {r.key:<{width}}" + "".join(f"{c:<{width}}" for c in cells).rstrip()


def _overlap_lines(m: ConflictMatrix) -> list[str]:
    if not m.overlaps:
        return [str(msg("report.no_overlap"))]
    rows = {r.key: r for r in m.rows}
    return [str(msg("report.overlapping"))] + [_pair_line(rows[a], rows[b]) for a, b in m.overlaps]


def _pair_line(a: Tabled, b: Tabled) -> str:
    """Two amendments that overlap, and where."""
    pair = msg("report.pair", first=a.amendment.label, second=b.amendment.label, scope=a.amendment.scope.describe())
    return f"  {a.key} × {b.key}  {pair}"
