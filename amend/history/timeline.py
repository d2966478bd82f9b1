"""The timeline of a program: its versions with their states on a date, and the version in force (pure)."""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import HistoryError, Text, VersionMismatch
from ..messages import Msg, msg
from ..model import Decision, Patch, Program
from .words import (
    FUTURE,
    IN_FORCE,
    PENDING,
    PROPOSAL,
    SUPERSEDED,
    UNREACHABLE,
    decision_words,
    incomplete_message,
    order_key,
    same_body,
    state_words,
)


@dataclass(frozen=True)
class Entry:
    """One version of the program and what made it."""

    version: str
    patch: Patch | None  # None: the program's own version
    state: str  # IN_FORCE, SUPERSEDED, FUTURE, PROPOSAL, PENDING, UNREACHABLE, "rejected" or "withdrawn"
    in_force: str | None = None  # the date it takes effect; None if it never does by itself
    note: Text = ""

    @property
    def decision(self) -> Decision | None:
        return self.patch.decision if self.patch else None

    @property
    def base(self) -> str | None:
        return self.patch.base if self.patch else None


@dataclass(frozen=True)
class Timeline:
    program: Program
    entries: tuple[Entry, ...]  # parents first, then by decision date, § and order
    chain: tuple[str, ...]  # the main chain: the versions that are or will be in force, in order
    on: str  # the date the states are given for

    def entry(self, version: str) -> Entry:
        for e in self.entries:
            if e.version == version:
                return e
        known = ", ".join(e.version for e in self.entries)
        raise HistoryError(msg("history.no_version", program=self.program.meta.id, version=version, known=known))

    @property
    def in_force(self) -> str | None:
        return version_on(self, self.on)

    @property
    def pending(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.state == PENDING)


# ---------------------------------------------------------------- building the timeline


def build_timeline(program: Program, patches: Iterable[Patch], on: str) -> Timeline:
    """The versions of `program` made by `patches`, with their states on the date `on`."""
    patches = [p for p in patches if p.program == program.meta.id]
    root = program.meta.version
    producers = _producers(root, patches)
    order = _ordered(root, patches)
    kinds = _kinds(program, order, producers)
    finals = [root] * (kinds[root][0] == "final") + [p.produces for p in order if kinds[p.produces][0] == "final"]
    _check_linear(finals, producers, root)
    start = {v: _in_force_date(program, producers.get(v)) for v in finals}
    current = _walk(finals, start, on)
    entries = [_entry(root, None, kinds, start, finals, current, order)]
    entries += [_entry(p.produces, p, kinds, start, finals, current, order) for p in order]
    return Timeline(program, tuple(entries), tuple(finals), on)


def _producers(root: str, patches: list[Patch]) -> dict[str, Patch]:
    made: dict[str, Patch] = {}
    for p in patches:
        if p.produces == root:
            raise VersionMismatch(msg("history.produces_own", version=root), source=p.source)
        if p.produces in made:
            raise VersionMismatch(msg("history.produced_twice", version=p.produces, other=made[p.produces].source),
                                  source=p.source)
        made[p.produces] = p
    return made


def _ordered(root: str, patches: list[Patch]) -> list[Patch]:
    """Parents before children; among those ready, by date, § and order. Patches
    worded against a version nothing produces come last, in the same order."""
    out = _from_root(root, _children(patches))
    seen = {id(p) for p in out}
    return out + sorted((p for p in patches if id(p) not in seen), key=order_key)


def _children(patches: list[Patch]) -> dict[str, list[Patch]]:
    """The patches worded against each version, in their order."""
    children: dict[str, list[Patch]] = {}
    for p in patches:
        children.setdefault(p.base, []).append(p)
    return children


def _from_root(root: str, children: dict[str, list[Patch]]) -> list[Patch]:
    """The patches that build on `root`, parents before children; among those ready, by `order_key`."""
    ready = [(order_key(p), n, p) for n, p in enumerate(children.get(root, ()))]
    heapq.heapify(ready)
    out: list[Patch] = []
    while ready:
        _, _, p = heapq.heappop(ready)
        out.append(p)
        for c in children.get(p.produces, ()):
            heapq.heappush(ready, (order_key(c), len(out) + len(ready), c))
    return out


def _root_kind(program: Program) -> str:
    """The program's own version is in force when a decision recorded in it adopted it."""
    decisions = program.meta.decisions
    return "final" if decisions and not decisions[-1].proposes_to else "proposal"


def _kinds(program: Program, order: list[Patch], producers: dict[str, Patch]) -> dict[str, tuple[str, Text]]:
    """version → (kind, note) of the program's own version and of each patch's, parents first."""
    kinds: dict[str, tuple[str, Text]] = {program.meta.version: (_root_kind(program), "")}
    for p in order:
        kinds[p.produces] = _kind(p, kinds, producers)
    return kinds


def _kind(p: Patch, kinds: dict[str, tuple[str, Text]], producers: dict[str, Patch]) -> tuple[str, Text]:
    """('final' | 'proposal' | a dead state, note) of the version `p` produces."""
    if p.outcome != "adopted":
        return p.outcome, ""
    if p.incomplete:
        return PENDING, incomplete_message(p)
    problem = _base_problem(p, kinds, producers)
    if problem is not None:
        return UNREACHABLE, problem
    return ("proposal" if p.decision.proposes_to else "final"), ""


def _base_problem(p: Patch, kinds: dict[str, tuple[str, Text]], producers: dict[str, Patch]) -> Msg | None:
    """Why the version `p` is worded against cannot be built on: missing, in a circle, dead, or
    proposed to another body than the one that decided `p`."""
    if p.base not in kinds:
        if p.base in producers:
            return msg("history.in_a_circle", base=p.base)
        return msg("history.base_missing", base=p.base)
    base_kind = kinds[p.base][0]
    if base_kind not in ("final", "proposal"):
        return msg("history.base_dead", base=p.base, state=state_words(base_kind))
    return _other_body(p, producers.get(p.base))


def _other_body(p: Patch, maker: Patch | None) -> Msg | None:
    """`p` decided by another body than the one its base (made by `maker`) was proposed to."""
    if maker is None or not maker.decision.proposes_to or same_body(p.decision.body, maker.decision.proposes_to):
        return None
    return msg("history.other_body", base=p.base, to=maker.decision.proposes_to, body=p.decision.body)


def _check_linear(finals: list[str], producers: dict[str, Patch], root: str) -> None:
    """Each adopted decision builds on the one before: no two on one version."""
    final_set = set(finals)
    seen: dict[str | None, Patch] = {}
    for v in finals:
        p = producers.get(v)
        if p is None:
            continue
        before = _final_ancestor(p, producers, final_set, root)
        if before in seen:
            raise _two_on_one(before, p, seen[before])
        seen[before] = p


def _two_on_one(before: str | None, p: Patch, other: Patch) -> HistoryError:
    """`p` and `other`, both adopted, build on the same version `before`."""
    return HistoryError(msg("history.two_on_one", base=before or p.base, other=other.source,
                            decision=decision_words(other.decision), produced=other.produces), source=p.source)


def _final_ancestor(p: Patch, producers: dict[str, Patch], finals: set[str], root: str) -> str | None:
    v = p.base
    while v not in finals and v in producers:
        v = producers[v].base
    return v if v in finals else None


def _in_force_date(program: Program, p: Patch | None) -> str:
    if p is not None:
        return p.decision.effective
    return program.meta.decisions[-1].effective


def _walk(finals: list[str], start: dict[str, Any], on: str) -> int | None:
    """Index in `finals` of the version in force on `on`, or None before the first."""
    first_to_come = next((n for n, v in enumerate(finals) if start[v] > on), len(finals))
    return first_to_come - 1 if first_to_come else None


def _entry(version: str, patch: Patch | None, kinds: dict[str, tuple[str, Text]], start: dict[str, str],
           finals: list[str], current: int | None, order: list[Patch]) -> Entry:
    kind, note = kinds[version]
    if kind == "final":
        return _final_entry(version, patch, note, start, finals, current)
    if kind == "proposal":
        return _proposal_entry(version, patch, kinds, order)
    return Entry(version, patch, kind, None, note)


def _final_entry(version: str, patch: Patch | None, note: Text, start: dict[str, str], finals: list[str],
                 current: int | None) -> Entry:
    """An adopted version: in force, superseded or to come (with the version it waits for, when
    an earlier one comes into force no sooner)."""
    n = finals.index(version)
    state = IN_FORCE if n == current else SUPERSEDED if current is not None and n < current else FUTURE
    if state == FUTURE and start[version] <= _max_start(finals, start, n):
        note = msg("history.with_version", version=_blocker(finals, start, n))
    return Entry(version, patch, state, start[version], note)


def _proposal_entry(version: str, patch: Patch | None, kinds: dict[str, tuple[str, Text]],
                    order: list[Patch]) -> Entry:
    """A proposal: adopted by a later decision, refused by the body it goes to, or awaiting that body."""
    if patch is None:
        return Entry(version, patch, PROPOSAL, None)
    adopter = _adopter(version, patch, kinds, order)
    if adopter is not None:
        return Entry(version, patch, PROPOSAL, None,
                     msg("history.adopted_by", decision=decision_words(adopter.decision)))
    refusal = _refusal(version, patch, order)
    if refusal is not None:  # the body it proposes to said no: the proposal ends there
        return Entry(version, patch, refusal.outcome, None, msg(
            "history.refused_by", outcome=state_words(refusal.outcome), decision=decision_words(refusal.decision)))
    return Entry(version, patch, PENDING, None, msg("history.awaits", body=patch.decision.proposes_to))


def _adopter(version: str, patch: Patch, kinds: dict[str, tuple[str, Text]], order: list[Patch]) -> Patch | None:
    """The effective patch worded against this proposal, if any."""
    to = patch.decision.proposes_to or ""
    return next((c for c in order if c.base == version and kinds[c.produces][0] in ("final", "proposal")
                 and same_body(c.decision.body, to)), None)


def _refusal(version: str, patch: Patch, order: list[Patch]) -> Patch | None:
    """The last patch of the body a proposal goes to that rejects or withdraws it, if any."""
    said_no = [c for c in order if c.base == version and c.outcome in ("rejected", "withdrawn")
               and same_body(c.decision.body, patch.decision.proposes_to or "")]
    return said_no[-1] if said_no else None


def _max_start(finals: list[str], start: dict[str, str], n: int) -> str:
    return max((start[v] for v in finals[:n]), default="")


def _blocker(finals: list[str], start: dict[str, str], n: int) -> str:
    latest = _max_start(finals, start, n)
    return next(v for v in finals[:n] if start[v] == latest)


# ---------------------------------------------------------------- questions


def version_on(timeline: Timeline, on: str) -> str | None:
    """The version in force on the date `on` (a future date: the one that will be)."""
    finals = list(timeline.chain)
    start = {e.version: e.in_force for e in timeline.entries if e.version in timeline.chain}
    n = _walk(finals, start, on)
    return finals[n] if n is not None else None
