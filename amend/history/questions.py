"""Questions asked of a timeline: the version in force on a date, the patches that build a version (pure)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import HistoryError
from ..messages import msg
from ..model import Patch
from .timeline import Entry, Timeline, version_on
from .words import DATE, UNREACHABLE, incomplete_message


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


def check_outcomes(patches: Iterable[Patch]) -> None:
    """Refuse patches whose decision was not adopted: they are never part of a version in force."""
    for p in patches:
        if p.outcome != "adopted":
            raise HistoryError(msg("history.not_adopted", outcome=p.outcome), source=p.source)
        if p.incomplete:
            raise HistoryError(incomplete_message(p), source=p.source)
