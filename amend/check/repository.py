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
from ..messages import Msg, msg
from ..model import Meta, Patch, Program, Source
from .patches import PatchFile, Versions, build_versions, not_checked_results, patch_report
from .results import ERROR, OutputReport, PatchReport, Problem, ProgramReport, Report

# ---------------------------------------------------------------- the repository (reads files)


WordFile = Callable[[Program, list[Patch]], AmendError | None]


def check_repo(root: str | Path = ".", outputs: Iterable[str | Path] = (), on: str | None = None,
               word_file: WordFile | None = None) -> Report:
    """Check every program and patch under `root`, and the committed outputs in `outputs` (and root/build) against
    a rebuild and the version in force on `on` (default today). `word_file`: why apply would refuse to write a
    chain of patches into its program's Word file (amend.adopted_docx.in_place_refusal: a higher layer's)."""
    root = Path(root)
    problems: list[Problem] = []
    programs, program_reports, broken = _load_programs(root, problems)
    patch_files, patch_reports = _load_patches(root, programs, broken, problems)
    trees = {pid: build_versions(program, patch_files.get(pid, [])) for pid, (program, _) in programs.items()}
    patch_reports += _built_reports(trees, programs, patch_files, word_file)
    dirs = _unique([Path(d) for d in outputs] + ([root / "build"] if (root / "build").is_dir() else []))
    output_reports, notes = _output_reports(dirs, programs, trees, patch_files, on)
    return Report(str(root), tuple(_with_versions(r, trees) for r in program_reports),
                  tuple(sorted(patch_reports, key=lambda p: p.file)), output_reports, tuple(problems), notes)


def _built_reports(trees: dict[str, Versions], programs: dict[str, tuple[Program, str]],
                   patch_files: dict[str, list[PatchFile]], word_file: WordFile | None) -> list[PatchReport]:
    """The report of each patch checked against the version it builds on (with `word_file`: in the Word file too)."""
    if word_file is None:
        return [r for versions in trees.values() for r in versions.reports]
    return [_in_word_file(r, programs[pid][0], versions, patch_files[pid], word_file)
            for pid, versions in trees.items() for r in versions.reports]


def _output_reports(dirs: list[Path], programs: dict[str, tuple[Program, str]], trees: dict[str, Versions],
                    patch_files: dict[str, list[PatchFile]],
                    on: str | None) -> tuple[tuple[OutputReport, ...], tuple[Msg, ...]]:
    """The committed outputs against a rebuild, then against the version in force on `on` (amend.lag)."""
    from ..lag import time_reports

    rebuilt = tuple(_check_outputs(dirs, programs, trees))
    lagging, notes = time_reports(programs, patch_files, dirs, on)
    return rebuilt + lagging, notes


def _in_word_file(report: PatchReport, program: Program, versions: Versions, files: list[PatchFile],
                  word_file: WordFile) -> PatchReport:
    """A patch that applies, checked as apply writes it (after the patches it builds on) into
    the program's Word file."""
    if not report.ok or report.base not in versions.lineage:
        return report
    by_file = {pf.file: pf for pf in files}
    chain = [by_file[f].patch for f in (*versions.lineage[report.base], report.file)]
    refusal = word_file(program, [p for p in chain if p is not None])
    return report if refusal is None else _refused(report, refusal)


def _refused(report: PatchReport, refusal: AmendError) -> PatchReport:
    """A refusal to write into the Word file is its amendment's error, or the patch's problem."""
    if any(a.id == refusal.amendment_id for a in report.amendments):
        results = tuple(replace(a, status=ERROR, message=refusal.message) if a.id == refusal.amendment_id else a
                        for a in report.amendments)
        return replace(report, amendments=results)
    return replace(report, problems=(*report.problems, Problem("word_file", _labelled(refusal), report.file)))


def base_version(root: str | Path, program_id: str, version: str, exclude: Iterable[str | Path] = ()) -> Program:
    """The program `program_id` at `version`, rebuilt from the repository at
    `root` (without the patch files in `exclude`)."""
    root = Path(root)
    programs, reports, broken = _load_programs(root, [])
    if program_id not in programs:
        raise _no_program(reports, program_id, root)
    files = _but(_load_patches(root, programs, broken, [])[0].get(program_id, []), exclude)
    state = build_versions(programs[program_id][0], files).state.get(version)
    if isinstance(state, Program):
        return state
    why = state or msg("check.no_producer", folder=root / "amendments" / program_id)
    raise VersionMismatch(msg("check.cannot_rebuild", version=version, program=program_id, why=why))


def _but(files: list[PatchFile], exclude: Iterable[str | Path]) -> list[PatchFile]:
    """The patch files that are none of those in `exclude`."""
    skip = {Path(f).resolve() for f in exclude}
    return [pf for pf in files if Path(pf.file).resolve() not in skip]


def _no_program(reports: list[ProgramReport], program_id: str, root: Path) -> AmendError:
    """Why the repository has no program `program_id`: the problems of its program files, else that none has it."""
    bad = [p for r in reports for p in r.problems]
    if bad:
        return AmendErrors.of([AmendError(p.message, source=Source(p.file, p.line or 1)) for p in bad])
    return VersionMismatch(msg("check.no_program", program=program_id, folder=root / "programs"))


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
    return [_problem_of(kind, e) for e in exc.each()]


def _problem_of(kind: str, e: AmendError) -> Problem:
    """One error as a problem of `kind`: with its file, line and column when it has them."""
    if isinstance(e.source, Source):
        return Problem(kind, _labelled(e), e.source.file, e.source.line, e.source.column)
    return Problem(kind, _labelled(e), str(e.source or ""))


def _labelled(e: AmendError) -> Text:
    """An error's message, after its amendment's label when it names one."""
    return msg("check.labelled", a=e.amendment, t=e.message) if e.amendment else e.message


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
    broken: dict[str, str] = {}
    reports = [_program_file(path, programs, broken) for path in files]
    return programs, reports, broken


def _program_file(path: Path, programs: dict[str, tuple[Program, str]], broken: dict[str, str]) -> ProgramReport:
    """The report of one program file; a valid program of a new id joins `programs`, a broken one `broken`."""
    program, data, _, found = _read(path, "program")
    if program is None:
        broken.setdefault(_id_or_stem(data, path), str(path))
        return ProgramReport(str(path), problems=tuple(found))
    pid = program.meta.id
    if pid in programs:
        twice = msg("check.duplicate_program", program=pid, other=programs[pid][1])
        return ProgramReport(str(path), pid, program.meta.version, problems=(Problem("duplicate_program", twice,
                                                                                     str(path)),))
    programs[pid] = (program, str(path))
    return ProgramReport(str(path), pid, program.meta.version)


def _id_or_stem(data: Any, path: Path) -> str:
    """A broken program file's id when it still says one, else its file name's stem."""
    meta = data.get("program") if isinstance(data, dict) else None
    return str(meta.get("id") if isinstance(meta, dict) and isinstance(meta.get("id"), str) else path.stem)


def _load_patches(root: Path, programs: dict[str, tuple[Program, str]], broken: dict[str, str],
                  problems: list[Problem]) -> tuple[dict[str, list[PatchFile]], list[PatchReport]]:
    """{program id: [PatchFile]} for checking, and reports of patches that cannot be."""
    folder = root / "amendments"
    if not folder.is_dir():
        return defaultdict(list), []
    problems += [Problem("misplaced", msg("check.misplaced", name=p.name, folder=folder), str(p))
                 for p in _yaml_files(folder)]
    found = {sub.name: _patches_in(sub, root, programs, broken)
             for sub in sorted(p for p in folder.iterdir() if p.is_dir())}
    # a folder of nothing to check adds no id
    by_program = defaultdict(list, {pid: checked for pid, (checked, _) in found.items() if checked})
    return by_program, [r for _, not_checked in found.values() for r in not_checked]


def _patches_in(sub: Path, root: Path, programs: dict[str, tuple[Program, str]],
                broken: dict[str, str]) -> tuple[list[PatchFile], list[PatchReport]]:
    """The patch files of amendments/<program-id>/ to check, and reports of those that cannot be checked there."""
    checked: list[PatchFile] = []
    reports: list[PatchReport] = []
    for pf in map(_patch_file, _yaml_files(sub)):
        misfiled = _misfiled(pf, sub, root, programs, broken)
        if misfiled is None:
            checked.append(pf)
            continue
        pf.problems.append(misfiled)
        reports.append(patch_report(pf, not_checked_results(pf.patch) if pf.patch else (), pf.problems))
    return checked, reports


def _misfiled(pf: PatchFile, sub: Path, root: Path, programs: dict[str, tuple[Program, str]],
              broken: dict[str, str]) -> Problem | None:
    """Why a patch in amendments/<program-id>/ cannot be checked against that program (None: it can)."""
    pid = sub.name
    if pid in broken and pid not in programs:
        return Problem("not_checked", msg("check.program_invalid", file=broken[pid]), pf.file)
    if pid not in programs:
        known = ", ".join(sorted(programs)) or msg("check.no_ids")
        return Problem("unknown_program", msg("check.unknown_program", folder=sub, program=pid,
                                              programs=root / "programs", known=known), pf.file)
    if pf.patch is not None and pf.patch.program != pid:
        return pf.problem("wrong_program", msg("check.wrong_program", folder=sub, program=pf.patch.program),
                          "program")
    return None


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
    """Each folder once, as first named: two names of one folder would check its outputs twice."""
    first: dict[Path, Path] = {}
    for d in dirs:
        first.setdefault(d.resolve(), d)
    return list(first.values())


# ---------------------------------------------------------------- committed outputs


def _check_outputs(dirs: list[Path], programs: dict[str, tuple[Program, str]],
                   trees: dict[str, Versions]) -> list[OutputReport]:
    """Compare each committed `<program-id>.<version>.yaml` with the version
    the patches produce now."""
    reports = []
    ids = sorted(programs, key=len, reverse=True)  # the longest id that fits the name
    for folder in dirs:
        for path in _yaml_files(folder) if folder.is_dir() else []:
            pid = next((i for i in ids if path.name.startswith(i + ".")), None)
            if pid is not None:
                version = path.stem[len(pid) + 1:]
                reports.append(_check_output(path, pid, version, programs[pid][1], trees[pid]))
    return reports


def _check_output(path: Path, pid: str, version: str, program_file: str, versions: Versions) -> OutputReport:
    name = str(path)
    state = versions.state.get(version)
    if not isinstance(state, Program):
        return _not_built(name, pid, version, state)
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


def _not_built(name: str, pid: str, version: str, why: Text | None) -> OutputReport:
    """A committed output of a version the patches do not build: no patch makes it (an orphan), or one cannot."""
    if why is None:
        return OutputReport(name, pid, version, "orphan", msg("check.orphan", program=pid, version=version))
    return OutputReport(name, pid, version, "not_checked", msg("check.output_not_checked", version=version, why=why))


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
