"""Run one oracle case through amend's public API (and, when asked, the CLI)
and judge the outcome; shrink a failing case to a small repro.

Verdicts: "right" (applied, every check passed), "refused" (refused where the
oracle expects a refusal, or allows one), "wrong" (text differs from the
oracle's, a refusal was due and amend applied, or a round trip / redline /
chain check failed), "false-refusal" (the oracle was sure and amend refused),
"crashed" (an exception that is not an AmendError).
"""
from __future__ import annotations

import os
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .gen import FOUND, KNOWN, Case, Emitted

VERDICTS = ("right", "refused", "wrong", "false-refusal", "crashed")


@dataclass
class Result:
    verdict: str
    detail: str = ""
    tags: set = field(default_factory=set)

    @property
    def known(self) -> set:
        """The known findings (issue 9 numbers) this case touches."""
        return {str(KNOWN[t]) for t in self.tags if t in KNOWN} | {FOUND[t] for t in self.tags if t in FOUND}


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_files(em: Emitted, folder: Path) -> tuple[Path, list[Path]]:
    prog = folder / "program.yaml"
    prog.write_text(_dump(em.program), encoding="utf-8")
    patches = []
    for n, p in enumerate(em.patches):
        path = folder / f"patch-{n + 1}.yaml"
        path.write_text(_dump(p), encoding="utf-8")
        patches.append(path)
    return prog, patches


def _sections(program) -> list:
    from amend.dump import dump_program

    return yaml.safe_load(dump_program(program))["sections"]


def _first_difference(got, want, path="sections") -> str:
    if type(got) is not type(want):
        return f"{path}: got {got!r}, expected {want!r}"
    if isinstance(got, dict):
        for k in list(want) + [k for k in got if k not in want]:
            if got.get(k) != want.get(k):
                return _first_difference(got.get(k), want.get(k), f"{path}.{k}")
    if isinstance(got, list):
        for k, (a, b) in enumerate(zip(got, want)):
            if a != b:
                return _first_difference(a, b, f"{path}[{k}]")
        if len(got) != len(want):
            return f"{path}: {len(got)} entries, expected {len(want)}"
    return f"{path}:\n    got      {got!r}\n    expected {want!r}"


def run_emitted(em: Emitted, redline: bool = True, cli: bool = False) -> Result:
    with tempfile.TemporaryDirectory(prefix="oracle-") as tmp:
        try:
            return _run(em, Path(tmp), redline, cli)
        except Exception:  # noqa: BLE001 - an oracle run must report, not stop
            return Result("crashed", traceback.format_exc(limit=-6), em.tags)


def _run(em: Emitted, tmp: Path, redline: bool, cli: bool) -> Result:
    from amend.apply import apply_steps
    from amend.errors import AmendError
    from amend.load import load_patch, load_program

    if not em.patches:
        return Result("right", "no amendment to make", em.tags)
    prog_path, patch_paths = write_files(em, tmp)
    base = load_program(prog_path)
    patches = []
    for k, path in enumerate(patch_paths):
        try:
            patches.append(load_patch(path))
        except AmendError as exc:  # a value refused at load (e.g. an insert of only spaces)
            return _judge_load_refusal(em, k, exc) or \
                (cli and _cli_refuses(prog_path, patch_paths, tmp)) or Result("refused", str(exc), em.tags)
    outcome = em.outcome
    try:
        steps = apply_steps(base, patches)
    except AmendError as exc:
        return _judge_refusal(em, base, patches, exc) or \
            (cli and _cli_refuses(prog_path, patch_paths, tmp)) or Result("refused", str(exc), em.tags)
    if outcome == "refuse":
        why = "; ".join(e.why for es in em.expect for e in es if e.outcome in ("refuse", "conflict"))
        return Result("wrong", f"applied, but the oracle expects a refusal ({why})", em.tags)
    for k, step in enumerate(steps):
        got = _sections(step.result)
        if got != em.expected[k]:
            return Result("wrong", f"after patch {k + 1}: " + _first_difference(got, em.expected[k]), em.tags)
    problem = _round_trip_and_chain(steps, patches, tmp) or (redline and _redline(steps, base))
    if not problem and cli:
        problem = _cli_applies(prog_path, patch_paths, tmp, steps[-1].result)
    if problem:
        return Result("wrong", problem, em.tags)
    return Result("right", "", em.tags)


def _failing_ids(exc) -> set:
    from amend.errors import AmendErrors

    errors = exc.errors if isinstance(exc, AmendErrors) else [exc]
    return {e.amendment_id for e in errors}


def _judge_load_refusal(em: Emitted, k: int, exc) -> Result | None:
    """A patch refused at load: right when the oracle expects a refusal in that patch,
    and the amendments named (if any) are ones that may be refused."""
    expects = em.expect[k]
    ids = [f"a{n + 1}" for n in range(len(expects))]
    may = {i for i, e in zip(ids, expects) if e.outcome in ("refuse", "conflict", "either")}
    failing = _failing_ids(exc) - {None}
    if not may or failing - may:
        return Result("false-refusal", f"patch {k + 1}: amend refused it at load: {exc}", em.tags)
    return None


def _judge_refusal(em: Emitted, base, patches, exc) -> Result | None:
    """A refusal is right when it comes from the patch the oracle expects it
    in, and names the amendments that must be refused and no others."""
    from amend.apply import apply_steps
    from amend.errors import AmendError

    k = 0
    for k in range(len(patches)):
        try:
            apply_steps(base, patches[: k + 1])
        except AmendError as e:
            exc = e
            break
    expects = em.expect[k]
    ids = [f"a{n + 1}" for n in range(len(expects))]
    must = {i for i, e in zip(ids, expects) if e.outcome == "refuse"}
    group = {i for i, e in zip(ids, expects) if e.outcome == "conflict"}  # one of them is named
    may = must | group | {i for i, e in zip(ids, expects) if e.outcome == "either"}
    failing = _failing_ids(exc)
    # Overlaps are checked once every amendment resolves: another refusal may come first.
    if not may:
        return Result("false-refusal", f"patch {k + 1}: amend refused: {exc}", em.tags)
    if failing - may:
        return Result("false-refusal", f"patch {k + 1}: amend refused {sorted(failing - may)}, which the oracle "
                                       f"is sure of: {exc}", em.tags)
    if must - failing and None not in failing:
        why = "; ".join(e.why for i, e in zip(ids, expects) if i in must - failing)
        return Result("wrong", f"patch {k + 1}: {sorted(must - failing)} not refused ({why}); amend refused only "
                               f"{sorted(failing)}: {exc}", em.tags)
    return None


def _round_trip_and_chain(steps, patches, tmp: Path) -> str | None:
    """dump → load gives the same model; applying the patches one run at a time
    (through the written YAML) gives the same as one run."""
    from amend.apply import apply_patch
    from amend.dump import dump_program
    from amend.load import load_program

    for k, step in enumerate(steps):
        path = tmp / f"step-{k + 1}.yaml"
        path.write_text(dump_program(step.result), encoding="utf-8")
        loaded = load_program(path)
        if loaded != step.result:
            return f"YAML round trip of version {k + 1} changes the model: " + \
                _first_difference(_sections(loaded), _sections(step.result))
        if k + 1 < len(steps):
            alone, _ = apply_patch(loaded, patches[k + 1])
            if alone.sections != steps[k + 1].result.sections:
                return f"patch {k + 2} in a run of its own differs from the chain in one run: " + \
                    _first_difference(_sections(alone), _sections(steps[k + 1].result))
    return None


def _redline(steps, base) -> str | None:
    """Accept all of the redline DOCX gives the adopted DOCX; reject all the proposed one."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ooxml import texts

    from amend.output import build_time
    from amend.redline import redline
    from amend.render.docx import render_docx
    from amend.render.redline_docx import render_redline_docx

    adopted = steps[-1].result
    docx = render_redline_docx(redline(steps), build_time(adopted.meta.date))
    for mode, program in (("accept", adopted), ("reject", base)):
        got, want = texts(docx, mode), texts(render_docx(program, build_time(adopted.meta.date)))
        if got != want:
            return f"{mode} all of the redline differs from the DOCX: " + _first_difference(got, want, "paragraphs")
    return None


def _invoke(*args):
    from click.testing import CliRunner

    from cli import main

    # in English whatever the program's language or the locale: the checks below read the English frame ("error: ")
    return CliRunner().invoke(main, ["--lang", "en", *(str(a) for a in args)], catch_exceptions=False)


def _cli_refuses(prog, patches, tmp: Path) -> Result | None:
    out = tmp / "cli-out"
    res = _invoke("apply", prog, *patches, "-o", out)
    if res.exit_code != 1 or out.exists() or not res.stderr.startswith("error: "):
        return Result("wrong", f"CLI refusal: exit {res.exit_code}, output folder "
                               f"{'written' if out.exists() else 'absent'}, stderr {res.stderr[:300]!r}")
    return None


def _cli_applies(prog, patches, tmp: Path, adopted) -> str | None:
    from amend.dump import dump_program

    out = tmp / "cli-out"
    res = _invoke("apply", prog, *patches, "-o", out)
    if res.exit_code != 0:
        return f"CLI apply: exit {res.exit_code}: {res.stderr[:300]}"
    written = out / f"prov.{adopted.meta.version}.yaml"
    body = lambda t: t.split("\n", 1)[1]  # noqa: E731 - the $schema line depends on the folder
    if body(written.read_text(encoding="utf-8")) != body(dump_program(adopted)):
        return "CLI apply wrote other YAML than the API gives"
    res = _invoke("validate", written)
    if res.exit_code != 0:
        return f"amend validate rejects the adopted YAML: {res.stderr[:300]}"
    return None


# ---------------------------------------------------------------- shrinking and repro


def run_case(case: Case, redline: bool = True, cli: bool = False, dropped=None) -> Result:
    return run_emitted(case.emit(dropped), redline=redline, cli=cli)


def shrink(case: Case, result: Result, redline: bool = True, budget: int = 300) -> set:
    """Greedily drop amendments, sections, blocks and sentences while the
    verdict stays the same; returns the dropped set."""
    dropped: set = set()
    tries = 0
    progress = True
    while progress and tries < budget:
        progress = False
        for x in case.droppable():
            if x in dropped or tries >= budget:
                continue
            tries += 1
            trial = dropped | {x}
            try:
                em = case.emit(trial)
            except Exception:  # noqa: BLE001 - a drop the generator cannot express
                continue
            if not em.patches:
                continue
            r = run_emitted(em, redline=redline)
            if r.verdict == result.verdict:
                dropped = trial
                progress = True
    return dropped


def repro(case: Case, dropped: set, result: Result) -> str:
    em = case.emit(dropped)
    lines = [f"# oracle case seed={case.seed}: {result.verdict}"
             + (f" (known finding {sorted(result.known)})" if result.known else ""),
             f"# {result.detail.strip()}".replace("\n", "\n# "),
             "# --- program.yaml", _dump(em.program).rstrip()]
    for n, p in enumerate(em.patches):
        lines += [f"# --- patch-{n + 1}.yaml", _dump(p).rstrip()]
    names = " ".join(f"patch-{n + 1}.yaml" for n in range(len(em.patches)))
    lines.append(f"# rerun: amend apply program.yaml {names} -o out")
    return "\n".join(lines)


def write_repro(case: Case, dropped: set, folder: Path) -> Path:
    """The files of a (shrunk) case, for `amend apply` by hand."""
    em = case.emit(dropped)
    folder.mkdir(parents=True, exist_ok=True)
    write_files(em, folder)
    return folder


os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
