"""`amend check`: prove that every patch of a repository still applies exactly.

A repository holds `programs/<id>.yaml` and `amendments/<id>/<decision>.yaml`.
Each patch is worded against one version (`base:`) — the program's own or the
one another patch `produces:` — so the patches of a program form a tree of
versions. check builds that tree, applies every patch strictly (no fuzzy
matching) and reports each amendment on its own: ok, fuzzy-only, not found,
ambiguous, out of scope or in conflict, with its file, line and column.

The per-amendment check and the version tree are pure (they take loaded
models) in `patches` and `competing`; only `repository` reads files. The
result types they share are in `results`.
"""
from __future__ import annotations

# The package's face: what the command line, the report, the workbench and history use. The helpers the
# modules share among themselves (patch_report, failure_result, not_checked_results, …) stay in them.
from .competing import ConflictMatrix, Tabled, conflict_matrix, letters
from .patches import PatchFile, Versions, build_versions, check_patch
from .repository import base_version, check_repo
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
    OUTPUT_STATUSES,
    PROBLEM_KINDS,
    STATUSES,
    AmendmentResult,
    OutputReport,
    PatchReport,
    Problem,
    ProgramReport,
    Report,
)

__all__ = [
    # checking
    "base_version", "build_versions", "check_patch", "check_repo", "conflict_matrix", "letters",
    # what a check gives
    "AmendmentResult", "ConflictMatrix", "OutputReport", "PatchFile", "PatchReport", "Problem", "ProgramReport",
    "Report", "Tabled", "Versions",
    # the statuses of an amendment and of an output, and the kinds of problem
    "AMBIGUOUS", "CONFLICT", "ERROR", "FUZZY", "FUZZY_ONLY", "NOT_CHECKED", "NOT_FOUND", "OK", "OUT_OF_SCOPE",
    "STATUSES", "OUTPUT_STATUSES", "PROBLEM_KINDS",
]
