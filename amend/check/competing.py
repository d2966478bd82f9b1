"""Competing patches worded against one version: which amendments of which overlap."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..apply import check_versions
from ..conflicts import conflicting_pairs
from ..model import Amendment, Patch, Program
from ..resolve import Index, resolve_all
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
    overlaps = tuple((keys[id(a)], keys[id(b)]) for a, b in conflicting_pairs(edits))
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


