"""`amend check`: prove that every patch of a repository still applies exactly.

A repository holds `programs/<id>.yaml` and `amendments/<id>/<decision>.yaml`.
Each patch is worded against one version (`base:`) — the program's own or the
one another patch `produces:` — so the patches of a program form a tree of
versions. check builds that tree, applies every patch strictly (no fuzzy
matching) and reports each amendment on its own: ok, fuzzy-only, not found,
ambiguous, out of scope or in conflict, with its file, line and column.

The per-amendment check and the version tree are pure (they take loaded
models); only the functions under "the repository" read files. The module is
over 400 lines because its parts share one set of result types and are read
together (a report line's wording is next to the rule that makes it); the
repository half is the first to move out when another edge (the web
workbench) needs the pure half alone.
"""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .apply import adopt, check_versions, conflict_between, overlapping_pairs
from .errors import (
    AmbiguousAnchor,
    AmendError,
    AmendErrors,
    AnchorNotFound,
    OutOfScope,
    ScopeError,
    Text,
    VersionMismatch,
)
from .load import patch_from_data, program_from_data, read_yaml, validate
from .messages import msg
from .model import Amendment, Meta, Patch, Program, Source
from .resolve import Index, resolve_all

# An anchor not found exactly but this similar to a passage in scope is
# reported as "fuzzy-only": `amend apply --fuzzy` would take it, check does not.
FUZZY_ONLY = 0.9

# Amendment statuses, as written in the JSON report.
OK, FUZZY, NOT_FOUND, AMBIGUOUS, OUT_OF_SCOPE, CONFLICT, ERROR, NOT_CHECKED = (
    "ok", "fuzzy_only", "not_found", "ambiguous", "out_of_scope", "conflict", "error", "not_checked")
STATUSES = (OK, FUZZY, NOT_FOUND, AMBIGUOUS, OUT_OF_SCOPE, CONFLICT, ERROR, NOT_CHECKED)

# Problems that are not about one amendment.
PROBLEM_KINDS = ("invalid", "no_programs", "duplicate_program", "misplaced", "unknown_program",
                 "wrong_program", "missing_base", "cycle", "duplicate_version", "not_checked")

# States of a committed output file.
OUTPUT_STATUSES = ("ok", "stale", "orphan", "not_checked")


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Problem:
    kind: str  # one of PROBLEM_KINDS
    message: Text
    file: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class AmendmentResult:
    id: str
    label: str
    title: str | None
    source: Source
    status: str  # one of STATUSES
    message: Text = ""
    similarity: float | None = None  # fuzzy_only: how close the closest passage is
    where: str | None = None  # fuzzy_only: where that passage is
    closest: str | None = None  # fuzzy_only: its text
    found: tuple[str, ...] = ()  # out_of_scope: where the quoted text is instead
    conflicts_with: tuple[str, ...] = ()  # conflict: ids of the overlapping amendments


@dataclass(frozen=True)
class PatchReport:
    file: str
    program: str | None = None
    base: str | None = None
    produces: str | None = None
    amendments: tuple[AmendmentResult, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and all(a.status == OK for a in self.amendments)


@dataclass(frozen=True)
class ProgramReport:
    file: str
    id: str | None = None
    version: str | None = None
    versions: tuple[str, ...] = ()  # every version rebuilt, the program's own first
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class OutputReport:
    file: str
    program: str
    version: str
    status: str  # one of OUTPUT_STATUSES
    message: Text = ""
    line: int | None = None


@dataclass(frozen=True)
class Report:
    root: str
    programs: tuple[ProgramReport, ...] = ()
    patches: tuple[PatchReport, ...] = ()
    outputs: tuple[OutputReport, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[Text, ...] = ()  # what time says (amend.lag): decisions not yet in force, proposals pending

    @property
    def amendments(self) -> list[AmendmentResult]:
        return [a for p in self.patches for a in p.amendments]

    @property
    def ok(self) -> bool:
        return (not self.problems and all(not p.problems for p in self.programs)
                and all(p.ok for p in self.patches) and all(o.status == "ok" for o in self.outputs))


# ---------------------------------------------------------------- per amendment (pure)


def check_patch(program: Program, patch: Patch,
                index: Index | None = None) -> tuple[tuple[AmendmentResult, ...], Program | None]:
    """Each amendment's result in strict mode, and the version the patch
    produces (None unless every amendment applies)."""
    resolution = resolve_all(program, patch, index=index)
    failed = {id(am): exc for am, exc in resolution.failures}
    clashes: dict[int, list[Amendment]] = defaultdict(list)
    for first, second in overlapping_pairs(resolution.edits):
        clashes[id(first)].append(second)
        clashes[id(second)].append(first)
    results: list[AmendmentResult] = []
    for am in patch.amendments:
        if id(am) in failed:
            results.append(failure_result(am, failed[id(am)]))
        elif clashes[id(am)]:
            others = clashes[id(am)]
            results.append(_result(am, CONFLICT, conflict_between(am, others[0]).message,
                                   conflicts_with=tuple(o.id for o in others)))
        elif disagreement := _wording_disagrees(am, program):
            results.append(_result(am, ERROR, disagreement))
        else:
            results.append(_result(am, OK))
    if any(r.status != OK for r in results):
        return tuple(results), None
    return tuple(results), adopt(program, patch, resolution.edits)


def _wording_disagrees(am: Amendment, program: Program) -> Text:
    """The amendment's `text:` (the minutes' wording), where it can be read, says
    another operation or place than the amendment: an error, not a detail."""
    from .extract.agreement import disagreement

    found = disagreement(am, program)
    return msg("check.text_disagrees", found=found) if found else ""


def failure_result(am: Amendment, exc: AmendError) -> AmendmentResult:
    """The status of an amendment that did not resolve, from its error."""
    if isinstance(exc, OutOfScope):
        return _result(am, OUT_OF_SCOPE, exc.message, found=tuple(exc.found))
    if isinstance(exc, AnchorNotFound):
        best = exc.candidates[0] if exc.candidates else None
        if best and best[1] >= FUZZY_ONLY:
            return _result(am, FUZZY, exc.message, similarity=round(best[1], 3), where=best[2], closest=best[0])
        return _result(am, NOT_FOUND, exc.message)
    if isinstance(exc, AmbiguousAnchor):
        return _result(am, AMBIGUOUS, exc.message)
    if isinstance(exc, ScopeError):  # the page, heading, column … named is not there
        return _result(am, NOT_FOUND, exc.message)
    return _result(am, ERROR, exc.message)


def _result(am: Amendment, status: str, message: Text = "", **extra: Any) -> AmendmentResult:
    return AmendmentResult(am.id, am.label, am.title, am.source, status, message, **extra)


# ---------------------------------------------------------------- version tree (pure)


@dataclass
class PatchFile:
    """A patch file as found: loaded (patch) or not (problems say why)."""

    file: str
    patch: Patch | None = None
    base: str | None = None
    produces: str | None = None
    lines: dict[Any, Any] = field(default_factory=dict)  # data path → (line, column)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, kind: str, message: Text, key: str | None = None) -> Problem:
        line, column = self.lines.get((key,), (None, None)) if key else (None, None)
        return Problem(kind, message, self.file, line, column)


@dataclass
class Versions:
    """What became of each version of one program: the rebuilt program, or why
    it could not be rebuilt; and the patch files that lead to it."""

    state: dict[str, Program | Text]  # a version: rebuilt, or why not
    lineage: dict[str, tuple[str, ...]]
    reports: list[PatchReport]


def build_versions(program: Program, patch_files: list[PatchFile]) -> Versions:
    """Check every patch against the version it is worded against, building the
    tree of versions from the program's own outwards."""
    root = program.meta.version
    producers = _grouped(patch_files, lambda pf: pf.produces)
    by_base = _grouped(patch_files, lambda pf: pf.base)
    state: dict[str, Program | Text] = {root: program}
    extra = _duplicates(producers, root, state)
    lineage: dict[str, tuple[str, ...]] = {root: ()}
    reports: dict[int, PatchReport] = {}
    queue, queued = deque([root]), {root}
    while queue:
        version = queue.popleft()
        for pf in by_base.pop(version, []):
            reports[id(pf)], produced = _check_file(pf, version, state[version], pf.problems + extra[id(pf)])
            if pf.produces is None:  # an invalid file that does not say what it produces
                continue
            if pf.produces not in state:
                state[pf.produces] = produced
                lineage[pf.produces] = lineage[version] + (pf.file,)
            if pf.produces not in queued:
                queued.add(pf.produces)
                queue.append(pf.produces)
    for pf in patch_files:  # never reached from the program's version
        if id(pf) not in reports:
            reports[id(pf)] = _unreached_report(pf, extra[id(pf)], producers, program)
    return Versions(state, lineage, [reports[id(pf)] for pf in patch_files])


def _grouped(patch_files: list[PatchFile], key: Callable[[PatchFile], str | None]) -> dict[str, list[PatchFile]]:
    groups: dict[str, list[PatchFile]] = defaultdict(list)
    for pf in patch_files:
        value = key(pf)
        if value is not None:
            groups[value].append(pf)
    return groups


def _duplicates(producers: dict[str, list[PatchFile]], root: str,
                state: dict[str, Program | Text]) -> dict[int, list[Problem]]:
    """The problems of patches producing the program's own version or one another patch produces too;
    such a version is marked in `state` as one that cannot be rebuilt."""
    extra: dict[int, list[Problem]] = defaultdict(list)
    for version, makers in producers.items():
        if version == root or len(makers) > 1:
            for pf in makers:
                extra[id(pf)].append(pf.problem("duplicate_version", _duplicate(version, root, pf, makers),
                                                "produces"))
            if version != root:
                state[version] = msg("check.produced_by_many", files=", ".join(m.file for m in makers))
    return extra


def _check_file(pf: PatchFile, version: str, base: Program | Text,
                problems: list[Problem]) -> tuple[PatchReport, Program | Text]:
    """A patch file's report against its base version, and the version it produces (or why not)."""
    if pf.patch is None:
        return _report(pf, (), problems), msg("check.invalid_patch_file", file=pf.file)
    if not isinstance(base, Program):
        why = pf.problem("not_checked", msg("check.base_not_rebuilt", version=version, why=base), "base")
        return _report(pf, _not_checked(pf.patch), problems + [why]), msg("check.file_not_checked", file=pf.file)
    results, adopted = check_patch(base, pf.patch)
    produced = adopted if adopted is not None else msg("check.does_not_apply", file=pf.file)
    return _report(pf, results, problems), produced


def _unreached_report(pf: PatchFile, extra: list[Problem], producers: dict[str, list[PatchFile]],
                      program: Program) -> PatchReport:
    problems = pf.problems + extra
    if pf.patch is None:
        return _report(pf, (), problems)
    return _report(pf, _not_checked(pf.patch), problems + [_unreached(pf, producers, program)])


def _duplicate(version: str, root: str, pf: PatchFile, makers: list[PatchFile]) -> Text:
    if version == root:
        return msg("check.produces_own", version=version)
    return msg("check.produced_twice", version=version, others=", ".join(m.file for m in makers if m is not pf))


def _unreached(pf: PatchFile, producers: dict[str, list[PatchFile]], program: Program) -> Problem:
    """Why a patch's base cannot be built: missing, a cycle, or trouble upstream."""
    root, pid = program.meta.version, program.meta.id
    seen, cur = [pf], pf
    while True:
        if cur is not pf and cur.patch is None:
            return pf.problem("not_checked", msg("check.base_invalid_upstream", base=pf.base, file=cur.file), "base")
        makers = producers.get(cur.base or "", [])
        if not makers:
            if cur is pf:
                return pf.problem("missing_base", msg("check.missing_base", base=pf.base, root=root, program=pid),
                                  "base")
            return pf.problem("not_checked", msg("check.base_missing_upstream", base=pf.base, file=cur.file,
                                                 upstream=cur.base), "base")
        if len(makers) > 1:
            return pf.problem("not_checked", msg("check.base_made_twice", base=pf.base, upstream=cur.base), "base")
        nxt = makers[0]
        if nxt in seen:
            circle = seen[seen.index(nxt):][::-1]  # in the order the versions would be built
            if pf in circle:
                path = " → ".join(str(v) for v in [circle[0].base] + [c.produces for c in circle])
                return pf.problem("cycle", msg("check.cycle", base=pf.base, path=path,
                                               files=", ".join(c.file for c in circle), root=root), "base")
            return pf.problem("not_checked", msg("check.cycle_upstream", base=pf.base), "base")
        seen.append(nxt)
        cur = nxt


def _not_checked(patch: Patch) -> tuple[AmendmentResult, ...]:
    return tuple(_result(am, NOT_CHECKED) for am in patch.amendments)


def _report(pf: PatchFile, results: Iterable[AmendmentResult], problems: Iterable[Problem]) -> PatchReport:
    program = pf.patch.program if pf.patch else None
    return PatchReport(pf.file, program, pf.base, pf.produces, tuple(results), tuple(problems))


# ---------------------------------------------------------------- competing patches (pure)


@dataclass(frozen=True)
class Tabled:
    """One amendment of the competing patches, keyed A1, A2, B1 … for the matrix."""

    key: str
    file: str
    amendment: Amendment
    failure: AmendmentResult | None = None  # set when it does not apply to the base at all


@dataclass(frozen=True)
class ConflictMatrix:
    program: str
    base: str
    files: tuple[str, ...]  # the patches, in letter order
    rows: tuple[Tabled, ...]
    overlaps: tuple[tuple[str, str], ...]  # pairs of keys, first in file order

    def overlap(self, a: str, b: str) -> bool:
        return (a, b) in self.overlaps or (b, a) in self.overlaps


def conflict_matrix(program: Program, patches: list[Patch]) -> ConflictMatrix:
    """Which amendments of competing patches (all against `program`) touch
    overlapping text, so that the chair can order the votes."""
    index = Index(program)
    rows: list[Tabled] = []
    edits: list[Any] = []
    for n, patch in enumerate(patches):
        check_versions(program, patch)
        resolution = resolve_all(program, patch, index=index)
        failed = {id(am): exc for am, exc in resolution.failures}
        for k, am in enumerate(patch.amendments, 1):
            failure = failure_result(am, failed[id(am)]) if id(am) in failed else None
            rows.append(Tabled(f"{letters(n)}{k}", patch.source or "", am, failure))
        edits.extend(resolution.edits)
    keys = {id(r.amendment): r.key for r in rows}
    overlaps = tuple((keys[id(a)], keys[id(b)]) for a, b in overlapping_pairs(edits))
    return ConflictMatrix(program.meta.id, program.meta.version, tuple(p.source or "" for p in patches),
                          tuple(rows), overlaps)


def letters(n: int) -> str:
    """The key of the n-th patch: 0 → A, 25 → Z, 26 → AA …"""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


# ---------------------------------------------------------------- the repository (reads files)


def check_repo(root: str | Path = ".", outputs: Iterable[str | Path] = (), on: str | None = None) -> Report:
    """Check every program and patch under `root`; compare committed outputs in
    `outputs` (and in root/build when it exists) with what the patches produce,
    and with the version in force on `on` (default today; amend.lag)."""
    from .lag import time_reports

    root = Path(root)
    problems: list[Problem] = []
    programs, program_reports, broken = _load_programs(root, problems)
    patch_files, patch_reports = _load_patches(root, programs, broken, problems)
    trees = {pid: build_versions(program, patch_files.get(pid, [])) for pid, (program, _) in programs.items()}
    for _pid, versions in trees.items():
        patch_reports.extend(versions.reports)
    program_reports = [_with_versions(r, trees) for r in program_reports]
    dirs = [Path(d) for d in outputs] + ([root / "build"] if (root / "build").is_dir() else [])
    output_reports = _check_outputs(_unique(dirs), programs, trees)
    lagging, notes = time_reports(programs, patch_files, _unique(dirs), on)
    return Report(str(root), tuple(program_reports), tuple(sorted(patch_reports, key=lambda p: p.file)),
                  tuple(output_reports) + lagging, tuple(problems), notes)


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
            reports.append(_report(pf, _not_checked(pf.patch) if pf.patch else (), pf.problems))
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
