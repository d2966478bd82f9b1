"""Score `extract` on labelled minutes: a folder of §§, each with minutes.txt,
labels.yaml and, where an adopted amendment can be written as a patch,
program*.yaml and expected-patch*.yaml (the layout of the Göteborg corpus).

For every labelled instruction it asks: was it written into the patch, and was
that exactly the expected amendment; or was it reported (needs a human,
rejected), and how many times. Report lines that fall on no labelled
instruction are counted as noise; for a negative § every line is noise.
bench/extract_eval.py prints the table, tests/test_extract_eval.py holds the
thresholds.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..dump import amendment_to_data
from ..errors import AmendError
from ..load import load_patch, load_program, program_from_data
from ..model import Program
from .reader import extract

# a program for §§ without applicable amendments: nothing in it can be matched
_STAND_IN = {"program": {"id": "stand-in", "title": "Stand-in", "language": "sv", "version": "proposed"},
             "sections": [{"heading": "Stand-in", "level": 1, "page": 1, "content": ["Ingen text."]}]}


@dataclass
class Row:
    """Counts for one kind of instruction (adopted/applicable, rejected, …)."""

    instructions: int = 0
    extracted: int = 0  # written into a patch
    right: int = 0  # written, and exactly the expected amendment
    wrong: int = 0  # written but not the expected amendment, or should not be written at all
    reported: int = 0  # reported once, as what it is (cannot apply / rejected / needs a human), not written
    misfiled: int = 0  # reported once, but as something else (a rejected one as "cannot apply")
    reported_twice: int = 0  # reported by more than one line
    silent: int = 0  # neither written nor reported


@dataclass
class Score:
    rows: dict = field(default_factory=lambda: defaultdict(Row))
    noise: list = field(default_factory=list)  # (folder, line, text) of lines on no instruction
    negative_lines: list = field(default_factory=list)
    failures: list = field(default_factory=list)  # (folder, message): extract stopped, or misread the decision
    given: list = field(default_factory=list)  # folders whose § prints no body or date: given as --body/--date
    details: list = field(default_factory=list)  # (folder, instruction id, what happened)


def _kind(ins: dict) -> str:
    if ins["outcome"] == "adopted":
        return "adopted, applicable" if ins["applicable"] == "yes" else "adopted, not applicable"
    return ins["outcome"]


def _lines(ins: dict) -> range:
    a, _, b = str(ins["lines"]).partition("-")
    return range(int(a), int(b or a) + 1)


def _comparable(am) -> dict:
    data = amendment_to_data(am)
    for key in ("id", "title", "text"):
        data.pop(key, None)
    return data


def evaluate(folder: Path) -> Score:
    score = Score()
    for case in sorted(p for p in Path(folder).iterdir() if (p / "labels.yaml").is_file()):
        _evaluate_case(case, score)
    return score


def _runs(case: Path) -> list[tuple[Program, Path | None]]:
    programs = sorted(case.glob("program*.yaml"))
    if not programs:
        return [(program_from_data(_STAND_IN, "stand-in"), None)]
    return [(load_program(p), case / p.name.replace("program", "expected-patch")) for p in programs]


def _evaluate_case(case: Path, score: Score) -> None:
    labels = yaml.safe_load((case / "labels.yaml").read_text("utf-8"))
    text = (case / "minutes.txt").read_text("utf-8")
    instructions = labels.get("instructions") or []
    written: dict = defaultdict(list)  # instruction id -> comparable amendments written from its lines
    found_lines: list = []  # (line, text) of every reported finding
    stray_amendments = []
    expected_by_id: dict = {}
    for program, expected_file in _runs(case):
        try:
            result = _extract(text, program, case, labels, score)
        except AmendError as exc:
            score.failures.append((case.name, exc.message))
            continue
        d = result.patch.decision
        said = (d.body, d.date, d.paragraph, d.case)
        # the labels give the case without a sub-number ("SLK-2023-00027" for "SLK-2023-00027:-1")
        case_ok = d.case == labels["case"] or bool(d.case and labels["case"]
                                                   and d.case.startswith(labels["case"] + ":"))
        if said[:3] != (labels["body"], str(labels["date"]), labels["paragraph"]) or not case_ok:
            score.failures.append((case.name, f"read the decision as {said}"))
        expected = load_patch(expected_file).amendments if expected_file else ()
        for am in expected:
            expected_by_id[(program.meta.id, am.id)] = _comparable(am)
        for am in result.patch.amendments:
            owner = _owner(instructions, am.source.line)
            entry = (program.meta.id, _comparable(am))
            (written[owner["id"]].append(entry) if owner else stray_amendments.append(entry))
        for kind, findings in (("needs a human", result.needs_human), ("rejected", result.rejected),
                               ("check", result.checks), ("cannot apply", result.not_applicable)):
            found_lines += [(f.line, f"{kind}: {f}") for f in findings]
    found_lines = sorted(set(found_lines))
    by_owner = defaultdict(list)
    for line, msg in found_lines:
        owner = _owner(instructions, line)
        if owner:
            by_owner[owner["id"]].append(msg)
        elif labels["kind"] == "negative":
            score.negative_lines.append((case.name, line, msg))
        else:
            score.noise.append((case.name, line, msg))
    for entry in stray_amendments:
        score.rows["not an instruction"].wrong += 1
        score.details.append((case.name, "-", f"wrote an amendment from no instruction: {entry[1]}"))
    for ins in instructions:
        _score_instruction(case.name, ins, written[ins["id"]], by_owner[ins["id"]], expected_by_id, score)


def _extract(text: str, program, case: Path, labels: dict, score: Score):
    """As a user would run it: without --body/--date, and with them (from the
    labels) only where the § itself does not print them (counted)."""
    source = str(case / "minutes.txt")
    try:
        return extract(text, program, source=source)
    except AmendError as exc:
        if "does not name" not in exc.render("en"):
            raise
    given = {"body": labels["body"], "date": str(labels["date"])}
    if case.name not in score.given:
        score.given.append(case.name)
    return extract(text, program, source=source, decision=given)


def _owner(instructions: list, line: int | None) -> dict | None:
    if line is None:
        return None
    # two instructions can share a line (one ends, the next begins): the later one starts there
    holding = [ins for ins in instructions if line in _lines(ins)]
    return max(holding, key=lambda ins: _lines(ins).start, default=None)


def _score_instruction(case: str, ins: dict, written: list, reports: list, expected: dict, score: Score) -> None:
    kind = _kind(ins)
    row = score.rows[kind]
    row.instructions += 1
    if written:
        row.extracted += 1
        want = None
        if kind == "adopted, applicable":
            program_id = _program_id(ins, expected)
            want = expected.get((program_id, ins["id"]))
        got = [data for _, data in written]
        if want is not None and got == [want]:
            row.right += 1
            score.details.append((case, ins["id"], "right"))
        else:
            row.wrong += 1
            score.details.append((case, ins["id"], f"WRONG: wrote {got}, expected {want}"))
        return
    if len(reports) == 1:
        want = {"adopted, not applicable": "cannot apply", "rejected": "rejected", "unclear": "needs a human"}
        if reports[0].startswith(want.get(kind, "-") + ":"):
            row.reported += 1
            score.details.append((case, ins["id"], f"reported: {reports[0]}"))
        else:
            row.misfiled += 1
            score.details.append((case, ins["id"], f"MISFILED: {reports[0]}"))
    elif reports:
        row.reported_twice += 1
        score.details.append((case, ins["id"], f"reported {len(reports)} times: " + " | ".join(reports)))
    else:
        row.silent += 1
        score.details.append((case, ins["id"], "SILENT"))


def _program_id(ins: dict, expected: dict) -> str | None:
    ids = [p for p, i in expected if i == ins["id"]]
    return ids[0] if len(ids) == 1 else None


def format_score(score: Score, verbose: bool = False) -> str:
    head = f"{'instructions':<26}{'n':>4}{'written':>9}{'right':>7}{'wrong':>7}{'reported':>10}" \
           f"{'misfiled':>10}{'twice':>7}{'silent':>8}"
    out = [head]
    order = ["adopted, applicable", "adopted, not applicable", "rejected", "unclear", "not an instruction"]
    for kind in order + sorted(set(score.rows) - set(order)):
        if kind in score.rows:
            r = score.rows[kind]
            out.append(f"{kind:<26}{r.instructions:>4}{r.extracted:>9}{r.right:>7}{r.wrong:>7}{r.reported:>10}"
                       f"{r.misfiled:>10}{r.reported_twice:>7}{r.silent:>8}")
    out.append(f"lines on negatives: {len(score.negative_lines)}; lines on no instruction: {len(score.noise)}; "
               f"§§ where extract stopped or misread body/date/§: {len(score.failures)}; §§ that print no body or date "
               f"(given): {len(score.given)}")
    if verbose:
        out += [f"  {c} {i}: {w}" for c, i, w in score.details]
        out += [f"  negative {c}:{line}: {m}" for c, line, m in score.negative_lines]
        out += [f"  noise {c}:{line}: {m}" for c, line, m in score.noise]
        out += [f"  stopped {c}: {m}" for c, m in score.failures]
    return "\n".join(out)


def counts(score: Score) -> Counter:
    """The figures the CI thresholds look at."""
    c: Counter[str] = Counter()
    for kind, r in score.rows.items():
        for name, value in (("right", r.right), ("wrong", r.wrong), ("written", r.extracted),
                            ("reported", r.reported), ("misfiled", r.misfiled), ("twice", r.reported_twice),
                            ("silent", r.silent), ("n", r.instructions)):
            c[f"{kind}: {name}"] += value
    c["negative lines"] = len(score.negative_lines)
    c["noise"] = len(score.noise)
    c["failures"] = len(score.failures)
    return c
