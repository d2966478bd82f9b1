"""The pure half of `amend check`: each amendment of a patch checked on its own, and the
tree of versions the patches of a program form."""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..apply import adopt
from ..conflicts import conflict_between, conflicting_pairs
from ..errors import (
    AmbiguousAnchor,
    AmendError,
    AnchorNotFound,
    OutOfScope,
    ScopeError,
    Text,
)
from ..history import incomplete_message
from ..messages import msg
from ..model import Amendment, Patch, Program
from ..resolve import Edit, Index, resolve_all
from .results import (
    AMBIGUOUS,
    CONFLICT,
    ERROR,
    FUZZY,
    FUZZY_ONLY,
    NOT_CHECKED,
    NOT_FOUND,
    OK,
    OUT_OF_SCOPE,
    AmendmentResult,
    PatchReport,
    Problem,
)

# ---------------------------------------------------------------- per amendment (pure)


def check_patch(program: Program, patch: Patch,
                index: Index | None = None) -> tuple[tuple[AmendmentResult, ...], Program | None]:
    """Each amendment's result in strict mode, and the version the patch
    produces (None unless every amendment applies)."""
    resolution = resolve_all(program, patch, index=index)
    failed = {id(am): exc for am, exc in resolution.failures}
    clashes = _clashes(resolution.edits)
    results = tuple(_amendment_result(am, program, failed, clashes) for am in patch.amendments)
    if any(r.status != OK for r in results):
        return results, None
    return results, adopt(program, patch, resolution.edits)


def _clashes(edits: list[Edit]) -> dict[int, list[Amendment]]:
    """{id(amendment): the amendments whose edits conflict with its own}."""
    clashes: dict[int, list[Amendment]] = defaultdict(list)
    for first, second in conflicting_pairs(edits):
        clashes[id(first)].append(second)
        clashes[id(second)].append(first)
    return clashes


def _amendment_result(am: Amendment, program: Program, failed: dict[int, AmendError],
                      clashes: dict[int, list[Amendment]]) -> AmendmentResult:
    """Not resolved, in conflict with another amendment, worded as another operation, or OK: the first that holds."""
    if id(am) in failed:
        return failure_result(am, failed[id(am)])
    if others := clashes.get(id(am)):
        return _result(am, CONFLICT, conflict_between(am, others[0]).message,
                       conflicts_with=tuple(o.id for o in others))
    if disagreement := _wording_disagrees(am, program):
        return _result(am, ERROR, disagreement)
    return _result(am, OK)


def _wording_disagrees(am: Amendment, program: Program) -> Text:
    """The amendment's `text:` (the minutes' wording), where it can be read, says
    another operation or place than the amendment: an error, not a detail."""
    from ..extract.agreement import disagreement

    found = disagreement(am, program)
    return msg("check.text_disagrees", found=found) if found else ""


def failure_result(am: Amendment, exc: AmendError) -> AmendmentResult:
    """The status of an amendment that did not resolve, from its error."""
    if isinstance(exc, OutOfScope):
        return _result(am, OUT_OF_SCOPE, exc.message, found=tuple(exc.found))
    if isinstance(exc, AnchorNotFound):
        return _not_found(am, exc)
    if isinstance(exc, AmbiguousAnchor):
        return _result(am, AMBIGUOUS, exc.message)
    if isinstance(exc, ScopeError):  # the page, heading, column … named is not there
        return _result(am, NOT_FOUND, exc.message)
    return _result(am, ERROR, exc.message)


def _not_found(am: Amendment, exc: AnchorNotFound) -> AmendmentResult:
    """An anchor not found: fuzzy when the closest passage is like enough, else not found."""
    best = exc.candidates[0] if exc.candidates else None
    if best and best[1] >= FUZZY_ONLY:
        return _result(am, FUZZY, exc.message, similarity=round(best[1], 3), where=best[2], closest=best[0])
    return _result(am, NOT_FOUND, exc.message)


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
    state: dict[str, Program | Text] = {root: program}
    extra = _duplicates(producers, root, state)
    lineage: dict[str, tuple[str, ...]] = {root: ()}
    reports = _check_reached(root, patch_files, state, lineage, extra)
    return Versions(state, lineage, [reports[id(pf)] if id(pf) in reports  # else never reached from the root
                                     else _unreached_report(pf, extra[id(pf)], producers, program)
                                     for pf in patch_files])


def _check_reached(root: str, patch_files: list[PatchFile], state: dict[str, Program | Text],
                   lineage: dict[str, tuple[str, ...]], extra: dict[int, list[Problem]]) -> dict[int, PatchReport]:
    """{id(file): report} of each file reached from the root, checked against its base; each version
    produced goes into `state` and `lineage` (the first patch to produce it wins)."""
    reports: dict[int, PatchReport] = {}
    for pf, version in _reached(root, _grouped(patch_files, lambda pf: pf.base)):
        reports[id(pf)], produced = _check_file(pf, version, state[version], pf.problems + extra[id(pf)])
        if pf.produces is not None and pf.produces not in state:
            state[pf.produces] = produced
            lineage[pf.produces] = lineage[version] + (pf.file,)
    return reports


def _reached(root: str, by_base: dict[str, list[PatchFile]]) -> Iterator[tuple[PatchFile, str]]:
    """The patch files reached from the program's own version, breadth first, each with the version it is
    worded against. Which files are reached depends on what they say they produce, not on whether they apply."""
    queue, queued = deque([root]), {root}
    while queue:
        version = queue.popleft()
        for pf in by_base.pop(version, []):
            yield pf, version
            if pf.produces is not None and pf.produces not in queued:  # an invalid file may not say
                queued.add(pf.produces)
                queue.append(pf.produces)


def _grouped(patch_files: list[PatchFile], key: Callable[[PatchFile], str | None]) -> dict[str, list[PatchFile]]:
    groups: dict[str, list[PatchFile]] = defaultdict(list)
    for pf in patch_files:
        if (value := key(pf)) is not None:
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


def _check_file(pf: PatchFile, version: str, base_program: Program | Text,
                problems: list[Problem]) -> tuple[PatchReport, Program | Text]:
    """A patch file's report against its base version (the program rebuilt, or why
    it could not be), and the version it produces (or why not)."""
    if pf.patch is None:
        return patch_report(pf, (), problems), msg("check.invalid_patch_file", file=pf.file)
    if not isinstance(base_program, Program):
        why = pf.problem("not_checked", msg("check.base_not_rebuilt", version=version, why=base_program), "base")
        return (patch_report(pf, not_checked_results(pf.patch), problems + [why]),
                msg("check.file_not_checked", file=pf.file))
    if pf.patch.incomplete:
        problems = problems + [pf.problem("incomplete", incomplete_message(pf.patch), "incomplete")]
    results, adopted = check_patch(base_program, pf.patch)
    produced = adopted if adopted is not None else msg("check.does_not_apply", file=pf.file)
    return patch_report(pf, results, problems), produced


def _unreached_report(pf: PatchFile, extra: list[Problem], producers: dict[str, list[PatchFile]],
                      program: Program) -> PatchReport:
    problems = pf.problems + extra
    if pf.patch is None:
        return patch_report(pf, (), problems)
    return patch_report(pf, not_checked_results(pf.patch), problems + [_unreached(pf, producers, program)])


def _duplicate(version: str, root: str, pf: PatchFile, makers: list[PatchFile]) -> Text:
    if version == root:
        return msg("check.produces_own", version=version)
    return msg("check.produced_twice", version=version, others=", ".join(m.file for m in makers if m is not pf))


def _unreached(pf: PatchFile, producers: dict[str, list[PatchFile]], program: Program) -> Problem:
    """Why a patch's base cannot be built: missing, a cycle, or trouble upstream."""
    seen, cur = [pf], pf
    while True:
        trouble = _trouble_at(pf, cur, producers, program)
        if trouble is not None:
            return trouble
        nxt = producers[cur.base or ""][0]  # the one patch that makes cur's base: _trouble_at saw it
        if nxt in seen:
            return _circle(pf, seen[seen.index(nxt):][::-1], program.meta.version)
        seen.append(nxt)
        cur = nxt


def _trouble_at(pf: PatchFile, cur: PatchFile, producers: dict[str, list[PatchFile]],
                program: Program) -> Problem | None:
    """What stops the walk up from `pf` at `cur`: an invalid file, no patch that makes its base, or two."""
    if cur is not pf and cur.patch is None:
        return pf.problem("not_checked", msg("check.base_invalid_upstream", base=pf.base, file=cur.file), "base")
    makers = producers.get(cur.base or "", [])
    if not makers and cur is pf:
        return pf.problem("missing_base", msg("check.missing_base", base=pf.base, root=program.meta.version,
                                              program=program.meta.id), "base")
    if not makers:
        return pf.problem("not_checked", msg("check.base_missing_upstream", base=pf.base, file=cur.file,
                                             upstream=cur.base), "base")
    if len(makers) > 1:
        return pf.problem("not_checked", msg("check.base_made_twice", base=pf.base, upstream=cur.base), "base")
    return None


def _circle(pf: PatchFile, circle: list[PatchFile], root: str) -> Problem:
    """The walk up from `pf` came back to a file: `circle` holds it and those after it, in the order the
    versions would be built. `pf` in it is a cycle of its own, else one upstream."""
    if pf in circle:
        path = " → ".join(str(v) for v in [circle[0].base] + [c.produces for c in circle])
        return pf.problem("cycle", msg("check.cycle", base=pf.base, path=path,
                                       files=", ".join(c.file for c in circle), root=root), "base")
    return pf.problem("not_checked", msg("check.cycle_upstream", base=pf.base), "base")


def not_checked_results(patch: Patch) -> tuple[AmendmentResult, ...]:
    return tuple(_result(am, NOT_CHECKED) for am in patch.amendments)


def patch_report(pf: PatchFile, results: Iterable[AmendmentResult], problems: Iterable[Problem]) -> PatchReport:
    program = pf.patch.program if pf.patch else None
    return PatchReport(pf.file, program, pf.base, pf.produces, tuple(results), tuple(problems))


