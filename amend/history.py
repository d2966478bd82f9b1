"""The life of a program: its versions in time, and the version in force on a date.

Pure: no I/O. The patches of a program chain by `base` → `produces`; each
records a decision with a date, an optional in-force date and an outcome.

- A patch whose outcome is pending, rejected or withdrawn is never part of a
  version in force (nor is anything worded against its version).
- A committee's proposal (`decision.proposes_to`) is a step, never in force
  itself: it counts once a patch of the body it proposes to, worded against
  its version, is adopted. Until then it is pending.
- The other adopted decisions form one line of versions, the main chain. Two
  of them worded against the same version are refused: the later decision must
  be worded against what the earlier produced, or one text would be lost.
- The version in force on a date: walk the main chain from its start and stop
  before the first version that has not yet taken effect. So a version never
  shows changes of an earlier decision that are not yet in force.

Versions are listed parents first, and otherwise by decision date, then §
number, then `decision.order`.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from .errors import HistoryError, VersionMismatch
from .model import Decision, Patch, Program

# The states of a version (README, "Versions and history").
IN_FORCE, SUPERSEDED, FUTURE = "in force", "superseded", "future"
PROPOSAL, PENDING, UNREACHABLE = "proposal", "pending", "unreachable"

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Entry:
    """One version of the program and what made it."""

    version: str
    patch: Patch | None  # None: the program's own version
    state: str  # IN_FORCE, SUPERSEDED, FUTURE, PROPOSAL, PENDING, UNREACHABLE, "rejected" or "withdrawn"
    in_force: str | None = None  # the date it takes effect; None if it never does by itself
    note: str = ""

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
        raise HistoryError(f"the program '{self.program.meta.id}' has no version '{version}' (versions: {known})")

    @property
    def in_force(self) -> str | None:
        return version_on(self, self.on)

    @property
    def pending(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.state == PENDING)


def paragraph_number(paragraph: str | None) -> float:
    """The number of a minute paragraph, '§ 170' → 170; none sorts last."""
    m = re.search(r"\d+", paragraph or "")
    return int(m.group()) if m else float("inf")


def order_key(patch: Patch) -> tuple:
    d = patch.decision
    return (d.date, paragraph_number(d.paragraph), d.order or 0, patch.produces)


def _same_body(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def decision_words(d: Decision) -> str:
    """'Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)'."""
    words = f"{d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")
    return words + (f" ({d.case})" if d.case else "")


# ---------------------------------------------------------------- building the timeline


def build_timeline(program: Program, patches, on: str) -> Timeline:
    """The versions of `program` made by `patches`, with their states on the date `on`."""
    patches = [p for p in patches if p.program == program.meta.id]
    root = program.meta.version
    producers = _producers(root, patches)
    order = _ordered(root, patches)
    kinds: dict[str, tuple[str, str]] = {root: (_root_kind(program), "")}  # version → (kind, note)
    for p in order:
        kinds[p.produces] = _kind(p, kinds, producers)
    finals = [root] * (kinds[root][0] == "final") + [p.produces for p in order if kinds[p.produces][0] == "final"]
    _check_linear(finals, producers, root)
    start = {v: _in_force_date(program, producers.get(v)) for v in finals}
    current = _walk(finals, start, on)
    entries = [_entry(root, None, kinds, start, finals, current, order)]
    entries += [_entry(p.produces, p, kinds, start, finals, current, order) for p in order]
    return Timeline(program, tuple(entries), tuple(finals), on)


def _producers(root: str, patches) -> dict[str, Patch]:
    made: dict[str, Patch] = {}
    for p in patches:
        if p.produces == root:
            raise VersionMismatch(f"produces the version '{root}', which is the program's own version; "
                                  "each version must be new", source=p.source)
        if p.produces in made:
            raise VersionMismatch(f"produces the version '{p.produces}', which {made[p.produces].source} "
                                  "produces too; each version is produced by one patch", source=p.source)
        made[p.produces] = p
    return made


def _ordered(root: str, patches) -> list[Patch]:
    """Parents before children; among those ready, by date, § and order. Patches
    worded against a version nothing produces come last, in the same order."""
    children: dict[str, list[Patch]] = {}
    for p in patches:
        children.setdefault(p.base, []).append(p)
    ready = [(order_key(p), n, p) for n, p in enumerate(children.get(root, ()))]
    heapq.heapify(ready)
    out, seen = [], set()
    while ready:
        _, _, p = heapq.heappop(ready)
        out.append(p)
        seen.add(id(p))
        for c in children.get(p.produces, ()):
            heapq.heappush(ready, (order_key(c), len(out) + len(ready), c))
    rest = sorted((p for p in patches if id(p) not in seen), key=order_key)
    return out + rest


def _root_kind(program: Program) -> str:
    """The program's own version is in force when a decision recorded in it adopted it."""
    decisions = program.meta.decisions
    return "final" if decisions and not decisions[-1].proposes_to else "proposal"


def _kind(p: Patch, kinds: dict, producers: dict) -> tuple[str, str]:
    """('final' | 'proposal' | a dead state, note) of the version `p` produces."""
    if p.outcome != "adopted":
        return p.outcome, ""
    if p.base not in kinds:
        if p.base in producers:
            return UNREACHABLE, (f"is worded against the version '{p.base}', which is not built from the "
                                 "program's own version (the versions go round in a circle)")
        return UNREACHABLE, f"is worded against the version '{p.base}', which no patch produces"
    base_kind = kinds[p.base][0]
    if base_kind not in ("final", "proposal"):
        return UNREACHABLE, f"is worded against the version '{p.base}', which is {base_kind}"
    maker = producers.get(p.base)
    if maker is not None and maker.decision.proposes_to and not _same_body(p.decision.body,
                                                                           maker.decision.proposes_to):
        return UNREACHABLE, (f"is worded against the proposal '{p.base}' to {maker.decision.proposes_to}, "
                             f"but decided by {p.decision.body}")
    return ("proposal" if p.decision.proposes_to else "final"), ""


def _check_linear(finals: list[str], producers: dict, root: str) -> None:
    """Each adopted decision builds on the one before: no two on one version."""
    final_set = set(finals)
    seen: dict[str, Patch] = {}
    for v in finals:
        p = producers.get(v)
        if p is None:
            continue
        before = _final_ancestor(p, producers, final_set, root)
        if before in seen:
            other = seen[before]
            raise HistoryError(
                f"is an adopted decision worded against the version '{before or p.base}', like "
                f"{other.source} ({decision_words(other.decision)}); the later decision must be worded "
                f"against the version '{other.produces}' that the earlier produces, or one of them mark "
                "'outcome: rejected' or 'withdrawn'", source=p.source)
        seen[before] = p


def _final_ancestor(p: Patch, producers: dict, finals: set, root: str) -> str | None:
    v = p.base
    while v not in finals and v in producers:
        v = producers[v].base
    return v if v in finals else None


def _in_force_date(program: Program, p: Patch | None) -> str:
    if p is not None:
        return p.decision.effective
    return program.meta.decisions[-1].effective


def _walk(finals: list[str], start: dict, on: str) -> int | None:
    """Index in `finals` of the version in force on `on`, or None before the first."""
    current = None
    for n, v in enumerate(finals):
        if start[v] > on:
            break
        current = n
    return current


def _entry(version, patch, kinds, start, finals, current, order) -> Entry:
    kind, note = kinds[version]
    if kind == "final":
        n = finals.index(version)
        state = IN_FORCE if n == current else SUPERSEDED if current is not None and n < current else FUTURE
        if state == FUTURE and start[version] <= _max_start(finals, start, n):
            note = f"takes effect with the version '{_blocker(finals, start, n)}'"
        return Entry(version, patch, state, start[version], note)
    if kind == "proposal":
        if patch is None:
            return Entry(version, patch, PROPOSAL, None)
        adopter = _adopter(version, patch, kinds, order)
        if adopter is not None:
            return Entry(version, patch, PROPOSAL, None, f"adopted by {decision_words(adopter.decision)}")
        refusal = _refusal(version, patch, order)
        if refusal is not None:  # the body it proposes to said no: the proposal ends there
            return Entry(version, patch, refusal.outcome, None,
                         f"{refusal.outcome} by {decision_words(refusal.decision)}")
        return Entry(version, patch, PENDING, None, f"awaits {patch.decision.proposes_to}")
    return Entry(version, patch, kind, None, note)


def _adopter(version, patch, kinds, order) -> Patch | None:
    """The effective patch worded against this proposal, if any."""
    for c in order:
        if c.base == version and kinds[c.produces][0] in ("final", "proposal"):
            if _same_body(c.decision.body, patch.decision.proposes_to):
                return c
    return None


def _refusal(version, patch, order) -> Patch | None:
    """The last patch of the body a proposal goes to that rejects or withdraws it, if any."""
    said_no = [c for c in order if c.base == version and c.outcome in ("rejected", "withdrawn")
               and _same_body(c.decision.body, patch.decision.proposes_to)]
    return said_no[-1] if said_no else None


def _max_start(finals, start, n) -> str:
    return max((start[v] for v in finals[:n]), default="")


def _blocker(finals, start, n) -> str:
    latest = _max_start(finals, start, n)
    return next(v for v in finals[:n] if start[v] == latest)


# ---------------------------------------------------------------- questions


def version_on(timeline: Timeline, on: str) -> str | None:
    """The version in force on the date `on` (a future date: the one that will be)."""
    finals = list(timeline.chain)
    start = {e.version: e.in_force for e in timeline.entries if e.version in timeline.chain}
    n = _walk(finals, start, on)
    return finals[n] if n is not None else None


def require_version_on(timeline: Timeline, on: str) -> str:
    if not DATE.match(on):
        raise HistoryError(f"'{on}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01")
    version = version_on(timeline, on)
    if version is not None:
        return version
    pid = timeline.program.meta.id
    if not timeline.chain:
        raise HistoryError(f"no version of '{pid}' is in force on any date: no decision has adopted it yet")
    first = timeline.entry(timeline.chain[0])
    raise HistoryError(f"no version of '{pid}' is in force on {on}; the first, '{first.version}', "
                       f"takes effect on {first.in_force}")


def chain_to(timeline: Timeline, version: str) -> tuple[Patch, ...]:
    """The patches that build `version` from the program's own version, in order."""
    entry = timeline.entry(version)
    if entry.state == UNREACHABLE:
        raise HistoryError(f"the version '{version}' cannot be built: {entry.patch.source} {entry.note}")
    patches = []
    by_version = {e.version: e for e in timeline.entries}
    while entry.patch is not None:
        patches.append(entry.patch)
        entry = by_version[entry.patch.base]
    return tuple(reversed(patches))


def check_outcomes(patches) -> None:
    """Refuse patches whose decision was not adopted: they are never part of a version in force."""
    for p in patches:
        if p.outcome != "adopted":
            raise HistoryError(f"has 'outcome: {p.outcome}', so it is not part of any version in force; "
                               "to see the text it would make, run again with --preview", source=p.source)


# ---------------------------------------------------------------- amend log


def log_data(timeline: Timeline, commits: dict) -> dict:
    """The timeline for tools (`amend log --format json`); `commits`: {patch file: hash}."""
    meta = timeline.program.meta
    versions = []
    for e in timeline.entries:
        d = e.decision
        item = {"version": e.version, "base": e.base, "state": e.state, "in_force": e.in_force,
                "outcome": e.patch.outcome if e.patch else None,
                "decision": None if d is None else {k: v for k, v in (
                    ("body", d.body), ("date", d.date), ("paragraph", d.paragraph), ("case", d.case),
                    ("proposes_to", d.proposes_to), ("in_force", d.in_force), ("order", d.order))
                    if v is not None},
                "amendments": len(e.patch.amendments) if e.patch else 0,
                "file": e.patch.source if e.patch else timeline.program.source,
                "note": e.note or None}
        commit = commits.get(e.patch.source) if e.patch else None
        if commit:
            item["commit"] = commit
        versions.append(item)
    return {"program": meta.id, "title": meta.title, "on": timeline.on, "in_force": timeline.in_force,
            "pending": [e.version for e in timeline.pending], "versions": versions}


def log_text(timeline: Timeline, commits: dict) -> str:
    """The timeline for people: one line per version, oldest first."""
    meta = timeline.program.meta
    show_commit = any(e.patch is not None and e.patch.source in commits for e in timeline.entries)
    head = ["version", "state", "in force", "amendments"] + ["commit"] * show_commit + ["decision"]
    rows = []
    for e in timeline.entries:
        d = e.decision
        what = "the program file" if d is None else decision_words(d)
        if d is not None and d.proposes_to:
            what += f", proposes to {d.proposes_to}"
        if e.note:
            what += f"; {e.note}"
        row = [e.version, e.state, e.in_force or "-", str(len(e.patch.amendments)) if e.patch else "-"]
        if show_commit:
            row.append(commits.get(e.patch.source, "-") if e.patch else "-")
        rows.append(row + [what])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head) - 1)]
    lines = [f"{meta.id}: {meta.title}", ""]
    for r in [head] + rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1])
    current = timeline.in_force
    lines += ["", f"in force on {timeline.on}: " + (current or "none")]
    pending = timeline.pending
    if pending:
        lines.append("pending: " + ", ".join(f"{e.version} ({e.note})" for e in pending))
    return "\n".join(lines) + "\n"
