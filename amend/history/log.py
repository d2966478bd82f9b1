"""`amend log`: a program's timeline as text for people and as data for tools (pure)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Text
from ..messages import msg, render
from ..model import Decision
from .timeline import Entry, Timeline
from .words import decision_words, state_words


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
