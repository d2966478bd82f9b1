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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import HistoryError, Text, VersionMismatch
from .messages import Msg, msg, render
from .model import Decision, Patch, Program

# The states of a version (README, "Versions and history").
IN_FORCE, SUPERSEDED, FUTURE = "in force", "superseded", "future"
PROPOSAL, PENDING, UNREACHABLE = "proposal", "pending", "unreachable"

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def state_words(state: str) -> Msg:
    """A state as people read it ("in force" / "gäller"); JSON keeps the English code."""
    words = {IN_FORCE: msg("history.state.in_force"), SUPERSEDED: msg("history.state.superseded"),
             FUTURE: msg("history.state.future"), PROPOSAL: msg("history.state.proposal"),
             PENDING: msg("history.state.pending"), UNREACHABLE: msg("history.state.unreachable"),
             "rejected": msg("history.state.rejected"), "withdrawn": msg("history.state.withdrawn")}
    return words[state]


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


def paragraph_number(paragraph: str | None) -> float:
    """The number of a minute paragraph, '§ 170' → 170; none sorts last."""
    m = re.search(r"\d+", paragraph or "")
    return int(m.group()) if m else float("inf")


def order_key(patch: Patch) -> tuple[str, float, int, str]:
    d = patch.decision
    return (d.date, paragraph_number(d.paragraph), d.order or 0, patch.produces)


def _same_body(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def decision_words(d: Decision) -> str:
    """'Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)'."""
    words = f"{d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")
    return words + (f" ({d.case})" if d.case else "")


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
    if maker is None or not maker.decision.proposes_to or _same_body(p.decision.body, maker.decision.proposes_to):
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
    current = None
    for n, v in enumerate(finals):
        if start[v] > on:
            break
        current = n
    return current


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
    for c in order:
        if c.base == version and kinds[c.produces][0] in ("final", "proposal"):
            if _same_body(c.decision.body, patch.decision.proposes_to or ""):
                return c
    return None


def _refusal(version: str, patch: Patch, order: list[Patch]) -> Patch | None:
    """The last patch of the body a proposal goes to that rejects or withdraws it, if any."""
    said_no = [c for c in order if c.base == version and c.outcome in ("rejected", "withdrawn")
               and _same_body(c.decision.body, patch.decision.proposes_to or "")]
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


def require_version_on(timeline: Timeline, on: str) -> str:
    if not DATE.match(on):
        raise HistoryError(msg("history.not_a_date", value=on))
    version = version_on(timeline, on)
    if version is not None:
        return version
    pid = timeline.program.meta.id
    if not timeline.chain:
        raise HistoryError(msg("history.never_in_force", program=pid))
    first = timeline.entry(timeline.chain[0])
    raise HistoryError(msg("history.not_yet_in_force", program=pid, on=on, first=first.version, start=first.in_force))


def chain_to(timeline: Timeline, version: str) -> tuple[Patch, ...]:
    """The patches that build `version` from the program's own version, in order."""
    entry = timeline.entry(version)
    if entry.state == UNREACHABLE:
        raise HistoryError(msg("history.cannot_build", version=version,
                               file=entry.patch.source if entry.patch else "", note=entry.note))
    return tuple(reversed(list(_patches_back(timeline, entry))))


def _patches_back(timeline: Timeline, entry: Entry) -> Iterator[Patch]:
    """The patches from `entry` back to the program's own version, newest first."""
    by_version = {e.version: e for e in timeline.entries}
    while entry.patch is not None:
        yield entry.patch
        entry = by_version[entry.patch.base]


def incomplete_message(p: Patch) -> Msg:
    """Why a patch that extract marked incomplete is no complete decision, and what to do."""
    return msg("guards.incomplete", count=len(p.incomplete), lines=", ".join(str(line) for line, _ in p.incomplete))


def check_outcomes(patches: Iterable[Patch]) -> None:
    """Refuse patches whose decision was not adopted: they are never part of a version in force."""
    for p in patches:
        if p.outcome != "adopted":
            raise HistoryError(msg("history.not_adopted", outcome=p.outcome), source=p.source)
        if p.incomplete:
            raise HistoryError(incomplete_message(p), source=p.source)


# ---------------------------------------------------------------- amend log


def log_data(timeline: Timeline, commits: dict[str, str]) -> dict[str, Any]:
    """The timeline for tools (`amend log --format json`); `commits`: {patch file: hash}."""
    meta = timeline.program.meta
    versions = [_version_data(e, timeline.program.source, commits) for e in timeline.entries]
    return {"program": meta.id, "title": meta.title, "on": timeline.on, "in_force": timeline.in_force,
            "pending": [e.version for e in timeline.pending], "versions": versions}


def _version_data(e: Entry, program_file: str | None, commits: dict[str, str]) -> dict[str, Any]:
    """One version of the timeline for tools, with the commit that added its patch when known."""
    item = {"version": e.version, "base": e.base, "state": e.state, "in_force": e.in_force,
            "outcome": e.patch.outcome if e.patch else None, "decision": _decision_data(e.decision),
            "amendments": len(e.patch.amendments) if e.patch else 0,
            "file": e.patch.source if e.patch else program_file,
            "note": render(e.note) if e.note else None}
    commit = commits.get(e.patch.source or "") if e.patch else None
    if commit:
        item["commit"] = commit
    return item


def _decision_data(d: Decision | None) -> dict[str, Any] | None:
    """A decision's fields that are set, for tools."""
    if d is None:
        return None
    fields = (("body", d.body), ("date", d.date), ("paragraph", d.paragraph), ("case", d.case),
              ("proposes_to", d.proposes_to), ("in_force", d.in_force), ("order", d.order))
    return {k: v for k, v in fields if v is not None}


def log_text(timeline: Timeline, commits: dict[str, str]) -> str:
    """The timeline for people: one line per version, oldest first."""
    meta = timeline.program.meta
    show_commit = any(e.patch is not None and e.patch.source in commits for e in timeline.entries)
    words = str(msg("history.head")).split("|")
    head = words[:4] + words[4:5] * show_commit + words[5:]
    rows = [_log_row(e, commits, show_commit) for e in timeline.entries]
    lines = [f"{meta.id}: {meta.title}", "", *_columns([head] + rows), ""]
    lines.append(str(msg("history.in_force_on", on=timeline.on, version=timeline.in_force or msg("history.none"))))
    return "\n".join(lines + _pending_lines(timeline.pending)) + "\n"


def _columns(rows: list[list[str]]) -> list[str]:
    """The rows as lines, each column padded to its widest cell but the last, which ends the line."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows]


def _pending_lines(pending: Sequence[Entry]) -> list[str]:
    """The line that lists the pending versions, when there are some."""
    if not pending:
        return []
    versions = ", ".join(str(msg("history.pending_one", v=e.version, n=e.note)) for e in pending)
    return [str(msg("history.pending", versions=versions))]


def _log_row(e: Entry, commits: dict[str, str], show_commit: bool) -> list[str]:
    d = e.decision
    what: Text = msg("history.program_file") if d is None else decision_words(d)
    if d is not None and d.proposes_to:
        what = msg("history.proposes_to", decision=what, body=d.proposes_to)
    if e.note:
        what = msg("history.with_note", w=what, n=e.note)
    row = [e.version, str(state_words(e.state)), e.in_force or "-", str(len(e.patch.amendments)) if e.patch else "-"]
    if show_commit:
        row.append(commits.get(e.patch.source or "", "-") if e.patch else "-")
    return row + [render(what)]
