"""The half of `amend check` that reads files: the programs and patches of a repository,
and the committed outputs against a rebuild."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from ..errors import (
    AmendError,
    AmendErrors,
    Text,
    VersionMismatch,
)
from ..load import patch_from_data, program_from_data, read_yaml, validate
from ..messages import msg
from ..model import Meta, Patch, Program, Source
from .patches import PatchFile, Versions, build_versions, not_checked_results, patch_report
from .results import ERROR, OutputReport, PatchReport, Problem, ProgramReport, Report

# ---------------------------------------------------------------- the repository (reads files)


def check_repo(root: str | Path = ".", outputs: Iterable[str | Path] = (), on: str | None = None,
               word_file: Callable[[Program, list[Patch]], AmendError | None] | None = None) -> Report:
    """Check every program and patch under `root`; compare committed outputs in
    `outputs` (and in root/build when it exists) with what the patches produce,
    and with the version in force on `on` (default today; amend.lag). `word_file`:
    why apply would refuse to write a program's chain of patches into its Word file
    (amend.adopted_docx.in_place_refusal; a higher layer's, so it is handed in)."""
    from ..lag import time_reports

    root = Path(root)
    problems: list[Problem] = []
    programs, program_reports, broken = _load_programs(root, problems)
    patch_files, patch_reports = _load_patches(root, programs, broken, problems)
    trees = {pid: build_versions(program, patch_files.get(pid, [])) for pid, (program, _) in programs.items()}
    for pid, versions in trees.items():
        patch_reports.extend(versions.reports if word_file is None else
                             [_in_word_file(r, programs[pid][0], versions, patch_files[pid], word_file)
                              for r in versions.reports])
    program_reports = [_with_versions(r, trees) for r in program_reports]
    dirs = [Path(d) for d in outputs] + ([root / "build"] if (root / "build").is_dir() else [])
    output_reports = _check_outputs(_unique(dirs), programs, trees)
    lagging, notes = time_reports(programs, patch_files, _unique(dirs), on)
    return Report(str(root), tuple(program_reports), tuple(sorted(patch_reports, key=lambda p: p.file)),
                  tuple(output_reports) + lagging, tuple(problems), notes)


def _in_word_file(report: PatchReport, program: Program, versions: Versions, files: list[PatchFile],
                  word_file: Callable[[Program, list[Patch]], AmendError | None]) -> PatchReport:
    """A patch that applies, checked as apply writes it (after the patches it builds on) into
    the program's Word file: a refusal is its amendment's error, or the patch's problem."""
    by_file = {pf.file: pf for pf in files}
    if not report.ok or report.base not in versions.lineage:
        return report
    chain = [by_file[f].patch for f in (*versions.lineage[report.base], report.file)]
    refusal = word_file(program, [p for p in chain if p is not None])
    if refusal is None:
        return report
    if any(a.id == refusal.amendment_id for a in report.amendments):
        results = tuple(replace(a, status=ERROR, message=refusal.message) if a.id == refusal.amendment_id else a
                        for a in report.amendments)
        return replace(report, amendments=results)
    why = msg("check.labelled", a=refusal.amendment, t=refusal.message) if refusal.amendment else refusal.message
    return replace(report, problems=(*report.problems, Problem("word_file", why, report.file)))


def base_version(root: str | Path, program_id: str, version: str, exclude: Iterable[str | Path] = ()) -> Program:
    """The program `program_id` at `version`, rebuilt from the repository at
    `root` (without the patch files in `exclude`)."""
    root = Path(root)
    programs, reports, broken = _load_programs(root, [])
    if program_id not in programs:
        bad = [p for r in reports for p in r.problems]
        if bad:
            raise AmendErrors([AmendError(p.message, source=Source(p.file, p.line or 1)) for p in bad])
        raise VersionMismatch(msg("check.no_program", program=program_id, folder=root / "programs"))
    skip = {Path(f).resolve() for f in exclude}
    files = [pf for pf in _load_patches(root, programs, broken, [])[0].get(program_id, [])
             if Path(pf.file).resolve() not in skip]
    program, _ = programs[program_id]
    state = build_versions(program, files).state.get(version)
    if isinstance(state, Program):
        return state
    why = state or msg("check.no_producer", folder=root / "amendments" / program_id)
    raise VersionMismatch(msg("check.cannot_rebuild", version=version, program=program_id, why=why))


def _read(path: Path, kind: str) -> tuple[Any, Any, dict[Any, Any], list[Problem]]:
    """Load one file: (model or None, data or None, lines, problems)."""
    name = str(path)
    try:
        data, lines = read_yaml(path)
    except AmendError as exc:
        return None, None, {}, _problems("invalid", exc)
    try:
        validate(data, lines, kind, name)
        model: Patch | Program = (patch_from_data(data, lines, name) if kind == "patch"  # type: ignore[arg-type]
                                  else program_from_data(data, name))  # type: ignore[arg-type]
    except AmendError as exc:
        return None, data, lines, _problems("invalid", exc)
    return model, data, lines, []


def _problems(kind: str, exc: AmendError) -> list[Problem]:
    out = []
    for e in exc.errors if isinstance(exc, AmendErrors) else [exc]:
        src = e.source
        message = msg("check.labelled", a=e.amendment, t=e.message) if e.amendment else e.message
        if isinstance(src, Source):
            out.append(Problem(kind, message, src.file, src.line, src.column))
        else:
            out.append(Problem(kind, message, str(src or "")))
    return out


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _load_programs(root: Path, problems: list[Problem]) -> tuple[dict[str, tuple[Program, str]],
                                                                  list[ProgramReport], dict[str, str]]:
    """{id: (program, file)}, a report per program file, {id or stem: file} of broken ones."""
    folder = root / "programs"
    files = _yaml_files(folder) if folder.is_dir() else []
    if not files:
        problems.append(Problem("no_programs", msg("check.no_programs", folder=folder), str(root)))
    programs: dict[str, tuple[Program, str]] = {}
    reports: list[ProgramReport] = []
    broken: dict[str, str] = {}
    for path in files:
        program, data, _, found = _read(path, "program")
        if program is None:
            meta = data.get("program") if isinstance(data, dict) else None
            pid = meta.get("id") if isinstance(meta, dict) and isinstance(meta.get("id"), str) else path.stem
            broken.setdefault(str(pid), str(path))
            reports.append(ProgramReport(str(path), problems=tuple(found)))
            continue
        pid = program.meta.id
        if pid in programs:
            reports.append(ProgramReport(str(path), pid, program.meta.version, problems=(Problem(
                "duplicate_program", msg("check.duplicate_program", program=pid, other=programs[pid][1]),
                str(path)),)))
            continue
        programs[pid] = (program, str(path))
        reports.append(ProgramReport(str(path), pid, program.meta.version))
    return programs, reports, broken


def _load_patches(root: Path, programs: dict[str, tuple[Program, str]], broken: dict[str, str],
                  problems: list[Problem]) -> tuple[dict[str, list[PatchFile]], list[PatchReport]]:
    """{program id: [PatchFile]} for checking, and reports of patches that cannot be."""
    folder = root / "amendments"
    by_program: dict[str, list[PatchFile]] = defaultdict(list)
    reports: list[PatchReport] = []
    if not folder.is_dir():
        return by_program, reports
    for path in _yaml_files(folder):
        problems.append(Problem("misplaced", msg("check.misplaced", name=path.name, folder=folder), str(path)))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        pid = sub.name
        for path in _yaml_files(sub):
            pf = _patch_file(path)
            if pid not in programs:
                if pid in broken:
                    pf.problems.append(Problem("not_checked", msg("check.program_invalid", file=broken[pid]), pf.file))
                else:
                    known = ", ".join(sorted(programs)) or msg("check.no_ids")
                    pf.problems.append(Problem("unknown_program", msg(
                        "check.unknown_program", folder=sub, program=pid, programs=root / "programs", known=known),
                        pf.file))
            elif pf.patch is not None and pf.patch.program != pid:
                pf.problems.append(pf.problem("wrong_program", msg("check.wrong_program", folder=sub,
                                                                   program=pf.patch.program), "program"))
            else:
                by_program[pid].append(pf)
                continue
            reports.append(patch_report(pf, not_checked_results(pf.patch) if pf.patch else (), pf.problems))
    return by_program, reports


def _patch_file(path: Path) -> PatchFile:
    patch, data, lines, problems = _read(path, "patch")
    pf = PatchFile(str(path), patch, lines=lines, problems=problems)
    if patch is not None:
        pf.base, pf.produces = patch.base, patch.produces
    elif isinstance(data, dict):  # invalid, but what it would produce still matters to its successors
        pf.base = data["base"] if isinstance(data.get("base"), str) else None
        pf.produces = data["produces"] if isinstance(data.get("produces"), str) else None
    return pf


def _with_versions(report: ProgramReport, trees: dict[str, Versions]) -> ProgramReport:
    versions = trees.get(report.id or "") if not report.problems else None
    if versions is None:
        return report
    built = tuple(v for v, s in versions.state.items() if isinstance(s, Program))
    return ProgramReport(report.file, report.id, report.version, built, report.problems)


def _unique(dirs: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out: list[Path] = []
    for d in dirs:
        if d.resolve() not in seen:
            seen.add(d.resolve())
            out.append(d)
    return out


# ---------------------------------------------------------------- committed outputs


def _check_outputs(dirs: list[Path], programs: dict[str, tuple[Program, str]],
                   trees: dict[str, Versions]) -> list[OutputReport]:
    """Compare each committed `<program-id>.<version>.yaml` with the version
    the patches produce now."""
    reports = []
    ids = sorted(programs, key=len, reverse=True)  # the longest id that fits the name
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in _yaml_files(folder):
            pid = next((i for i in ids if path.name.startswith(i + ".")), None)
            if pid is None:
                continue
            version = path.stem[len(pid) + 1:]
            reports.append(_check_output(path, pid, version, programs[pid][1], trees[pid]))
    return reports


def _check_output(path: Path, pid: str, version: str, program_file: str, versions: Versions) -> OutputReport:
    name = str(path)
    state = versions.state.get(version)
    if state is None:
        return OutputReport(name, pid, version, "orphan", msg("check.orphan", program=pid, version=version))
    if not isinstance(state, Program):
        return OutputReport(name, pid, version, "not_checked", msg("check.output_not_checked", version=version,
                                                                   why=state))
    committed, _, lines, problems = _read(path, "program")
    rebuild = _rebuild_hint(program_file, versions.lineage[version], path.parent)
    if committed is None:
        return OutputReport(name, pid, version, "stale", msg("check.output_invalid", why=problems[0].message,
                                                             hint=rebuild), problems[0].line)
    if committed == state:
        return OutputReport(name, pid, version, "ok")
    what, key = _difference(committed, state)
    return OutputReport(name, pid, version, "stale", msg("check.output_differs", what=what, hint=rebuild),
                        lines.get(key, (None,))[0])


def _rebuild_hint(program_file: str, lineage: tuple[str, ...], folder: Path) -> Text:
    if not lineage:
        return msg("check.same_as", file=program_file)
    return msg("check.rebuild_with", command=f"amend apply {program_file} {' '.join(lineage)} -o {folder}")


def _difference(committed: Program, rebuilt: Program) -> tuple[Text, tuple[Any, ...]]:
    """The first place where two versions differ, in words, and its data path."""
    if committed.meta != rebuilt.meta:
        keys = [f.name for f in fields(Meta) if getattr(committed.meta, f.name) != getattr(rebuilt.meta, f.name)]
        return msg("check.title_block", keys=", ".join(keys)), ("program",)
    for i, (a, b) in enumerate(zip(committed.sections, rebuilt.sections)):
        if a != b:
            return msg("check.section_differs", heading=b.heading, page=b.page), ("sections", i)
    n, m = len(committed.sections), len(rebuilt.sections)
    return msg("check.section_count", n=n, m=m), ("sections", min(n, m))
