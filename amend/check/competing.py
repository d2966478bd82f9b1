"""Competing patches worded against one version: which amendments of which overlap."""
from __future__ import annotations

from dataclasses import dataclass

from ..apply import check_versions
from ..conflicts import conflicting_pairs
from ..model import Amendment, Patch, Program
from ..resolve import Edit, Index, resolve_all
from .patches import failure_result
from .results import AmendmentResult

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
    tabled = [_tabled(program, patch, n, index) for n, patch in enumerate(patches)]
    rows = tuple(row for patch_rows, _ in tabled for row in patch_rows)
    keys = {id(r.amendment): r.key for r in rows}
    edits = [edit for _, patch_edits in tabled for edit in patch_edits]
    overlaps = tuple((keys[id(a)], keys[id(b)]) for a, b in conflicting_pairs(edits))
    return ConflictMatrix(program.meta.id, program.meta.version, tuple(p.source or "" for p in patches), rows, overlaps)


def _tabled(program: Program, patch: Patch, n: int, index: Index) -> tuple[list[Tabled], list[Edit]]:
    """The rows of the n-th patch (its amendments keyed by letters(n) and number) and the edits it resolves to."""
    check_versions(program, patch)
    resolution = resolve_all(program, patch, index=index)
    failed = {id(am): exc for am, exc in resolution.failures}
    rows = [Tabled(f"{letters(n)}{k}", patch.source or "", am,
                   failure_result(am, failed[id(am)]) if id(am) in failed else None)
            for k, am in enumerate(patch.amendments, 1)]
    return rows, resolution.edits


def letters(n: int) -> str:
    """The key of the n-th patch: 0 → A, 25 → Z, 26 → AA …"""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


