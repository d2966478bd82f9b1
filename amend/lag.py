"""`amend check` knows time: committed outputs that lag behind the version in force,
decisions adopted but not yet applied to any committed output, and proposals pending.

An outputs folder that holds `<program-id>.<version>.yaml` for some version of a
program is expected to hold the version in force on the day of the check too: if
it does not, the folder lags (an output report "stale" naming the expected file,
the decisions not applied and the command that builds it), and check fails.
Decisions adopted but not yet in force that no folder holds yet, and proposals
still pending, are notes: they never fail a check.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .check import OutputReport, PatchFile
from .errors import AmendError
from .history import FUTURE, Entry, Timeline, build_timeline, decision_words
from .messages import Msg, msg
from .model import Patch, Program


@dataclass(frozen=True)
class Lagging:
    folder: str
    program: str
    in_force: str  # the version in force
    newest: str  # the newest version of the main chain the folder holds
    missing: tuple[Entry, ...]  # the decisions between them, not applied there


@dataclass(frozen=True)
class TimeNotes:
    lagging: tuple[Lagging, ...]
    notes: tuple[Msg, ...]  # not applied yet (future), pending


def time_notes(timeline: Timeline, held: dict[str, set[str]]) -> TimeNotes:
    """`held`: {outputs folder: the versions of this program it holds}."""
    lagging = (_lagging(timeline, folder, versions) for folder, versions in sorted(held.items()))
    notes = (*_future_notes(timeline, held), *_pending_notes(timeline))
    return TimeNotes(tuple(lag for lag in lagging if lag is not None), notes)


def _lagging(timeline: Timeline, folder: str, versions: set[str]) -> Lagging | None:
    """How the outputs folder that holds `versions` lags behind the version in force; None when it does not."""
    chain, in_force = list(timeline.chain), timeline.in_force
    mine = [v for v in chain if v in versions]
    if in_force is None or not mine or in_force in versions or chain.index(mine[-1]) >= chain.index(in_force):
        return None
    missing = tuple(timeline.entry(v) for v in chain[chain.index(mine[-1]) + 1:chain.index(in_force) + 1])
    return Lagging(folder, timeline.program.meta.id, in_force, mine[-1], missing)


def _future_notes(timeline: Timeline, held: dict[str, set[str]]) -> list[Msg]:
    """A note for each decided version that comes into force later and that no outputs folder holds yet."""
    everywhere = set().union(*held.values()) if held else set()
    return [msg("history.check.future", program=timeline.program.meta.id, version=e.version, start=e.in_force,
                decision=decision_words(e.decision)) for e in timeline.entries
            if e.state == FUTURE and e.decision is not None and held and e.version not in everywhere]


def _pending_notes(timeline: Timeline) -> list[Msg]:
    """A note for each decided patch that waits to be applied."""
    return [msg("history.check.pending", program=timeline.program.meta.id, version=e.version, file=e.patch.source,
                decision=decision_words(e.decision)) for e in timeline.pending
            if e.decision is not None and e.patch is not None]


def lag_message(lag: Lagging) -> Msg:
    decisions = ", ".join(decision_words(e.decision) for e in lag.missing if e.decision is not None)
    return msg("history.check.lagging", version=lag.in_force, newest=lag.newest, decisions=decisions,
               command=f"amend show {lag.program}@{lag.in_force} -o {lag.folder}")


def time_reports(programs: Mapping[str, tuple[Program, str]], patch_files: Mapping[str, Sequence[PatchFile]],
                 dirs: Sequence[Path], on: str | None) -> tuple[tuple[OutputReport, ...], tuple[Msg, ...]]:
    """For amend.check: a "stale" output report for each folder that lags, and the notes of every
    program whose history holds (one that does not is check's own problem)."""
    day = on or dt.datetime.now(dt.timezone.utc).date().isoformat()
    reports: list[OutputReport] = []
    notes: list[Msg] = []
    for pid, (program, _) in sorted(programs.items()):
        patches = [pf.patch for pf in patch_files.get(pid, ()) if pf.patch is not None]
        found = _program_notes(pid, program, patches, day, dirs)
        if found is not None:
            reports += [_stale_report(pid, lag) for lag in found.lagging]
            notes += found.notes
    return tuple(reports), tuple(notes)


def _program_notes(pid: str, program: Program, patches: list[Patch], day: str,
                   dirs: Sequence[Path]) -> TimeNotes | None:
    """The time notes of one program's outputs in `dirs`; None when its history does not hold."""
    try:
        timeline = build_timeline(program, patches, day)
    except AmendError:
        return None
    held = {str(d): _versions_in(d, pid) for d in dirs if d.is_dir()}
    return time_notes(timeline, {k: v for k, v in held.items() if v})


def _stale_report(pid: str, lag: Lagging) -> OutputReport:
    """The "stale" report of the program's output in a folder that lags."""
    return OutputReport(str(Path(lag.folder) / f"{pid}.{lag.in_force}.yaml"), pid, lag.in_force, "stale",
                        lag_message(lag))


def _versions_in(folder: Path, pid: str) -> set[str]:
    return {p.name[len(pid) + 1:-len(".yaml")] for p in folder.iterdir()
            if p.name.startswith(pid + ".") and p.name.endswith(".yaml") and p.is_file()}


_NOTE_KINDS = {"history.check.future": "not_applied", "history.check.pending": "pending"}
_NOTE_FIELDS = {"program": "program", "version": "version", "start": "in_force", "decision": "decision", "file": "file"}


def note_data(note: object) -> dict[str, str | None]:
    """A time note as data for `amend check --format json`: its kind ("not_applied": adopted, not yet in
    force and in no outputs folder; "pending": a proposal not yet decided), program, version, decision,
    in-force date or patch file, and the message in words."""
    key = getattr(note, "key", "")
    args: Mapping[str, object] = getattr(note, "args", {})
    data: dict[str, str | None] = {"kind": _NOTE_KINDS.get(key, "note"), "message": str(note)}
    for name, field in _NOTE_FIELDS.items():
        data[field] = str(args[name]) if name in args else None
    return data
