"""What `amend check` finds: the status of each amendment, problems, and the reports of
patches, programs, outputs and the repository."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import (
    Text,
)
from ..model import Source

# An anchor not found exactly but this similar to a passage in scope is
# reported as "fuzzy-only": `amend apply --fuzzy` would take it, check does not.
FUZZY_ONLY = 0.9

# Amendment statuses, as written in the JSON report.
OK, FUZZY, NOT_FOUND, AMBIGUOUS, OUT_OF_SCOPE, CONFLICT, ERROR, NOT_CHECKED = (
    "ok", "fuzzy_only", "not_found", "ambiguous", "out_of_scope", "conflict", "error", "not_checked")
STATUSES = (OK, FUZZY, NOT_FOUND, AMBIGUOUS, OUT_OF_SCOPE, CONFLICT, ERROR, NOT_CHECKED)

# Problems that are not about one amendment.
PROBLEM_KINDS = ("invalid", "no_programs", "duplicate_program", "misplaced", "unknown_program",
                 "wrong_program", "missing_base", "cycle", "duplicate_version", "not_checked",
                 "word_file")  # word_file: apply would refuse to write the program's Word file

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


