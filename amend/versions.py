"""The jobs on two or more versions of a program in a repository: `amend blame` and
`amend diff PROGRAM-ID@A PROGRAM-ID@B`. Beside amend.commands, one function per command.

A version is asked for as amend show does: a name (`@adopted`), a date (`@2027-01-01`, the
version in force that day) or nothing (the version in force today). Versions are built by
applying their chains exactly (amend.apply), never from committed outputs.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .apply import Step, apply_steps
from .commands import Compared, Done, _redline_files, _write, version_asked
from .errors import HistoryError
from .history import FUTURE, IN_FORCE, SUPERSEDED, Timeline, build_timeline, chain_to, require_version_on, state_words
from .messages import Msg, msg
from .model import Patch, Program

if TYPE_CHECKING:
    from .blame import Blame
    from .diff import Redline


@dataclass(frozen=True)
class Built:
    """A version asked for, the patches that build it and the steps applying them."""

    version: str
    chain: tuple[Patch, ...]
    steps: tuple[Step, ...]
    warning: Msg | None  # set when the version is not one in force

    def program(self, root: Program) -> Program:
        return self.steps[-1].result if self.steps else root


def resolve(timeline: Timeline, patches: Sequence[Patch], asked: str) -> str:
    """The version `asked` names (a version, a date, or '' for today)."""
    version, day = version_asked(asked, timeline.program, patches)
    if day is not None:
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise HistoryError(msg("history.not_a_date", value=day)) from None
    return version or require_version_on(timeline, day or timeline.on)


def build(timeline: Timeline, version: str) -> Built:
    entry = timeline.entry(version)
    chain = chain_to(timeline, version)
    warning = None
    if entry.state not in (IN_FORCE, SUPERSEDED, FUTURE):
        note = msg("cli.note", x=entry.note) if entry.note else ""
        warning = msg("cli.not_in_force", version=version, state=state_words(entry.state), note=note)
    return Built(version, chain, tuple(apply_steps(timeline.program, list(chain))), warning)


def _within(built: Built, timeline: Timeline, version: str) -> Built:
    """`version` built: from the steps of `built` when it is on its chain (no patch applied twice)."""
    chain = chain_to(timeline, version)
    if built.chain[:len(chain)] != chain:
        return build(timeline, version)
    return Built(version, chain, built.steps[:len(chain)], None)


# ---------------------------------------------------------------- amend blame


def blame_version(program: Program, patches: list[Patch], asked: str, on: str, fmt: str,
                  output: Path | None) -> tuple[Done, str | None]:
    """The blame of a version as text, JSON or HTML: written to `output`, else returned to print."""
    from .blame import blame

    timeline = build_timeline(program, patches, on)
    built = build(timeline, resolve(timeline, patches, asked))
    b = blame(program, [(s.patch, s.result) for s in built.steps])
    data = _blame_bytes(b, fmt)
    warnings = (built.warning,) if built.warning else ()
    if output is None:
        return Done(msg("cli.blamed", version=built.version, texts=len(b.texts)), warnings=warnings), \
            data.decode("utf-8")
    written = _write({output: data}, (program.source, *(p.source for p in built.chain)))
    return Done(msg("cli.wrote", file=output), warnings=warnings, written=written), None


def _blame_bytes(b: Blame, fmt: str) -> bytes:
    """The blame as `fmt` asks: an HTML page, JSON or text."""
    from .blame import blame_data, blame_text

    if fmt == "html":
        from .render.history_html import render_blame_html

        return render_blame_html(b)
    text = json.dumps(blame_data(b), ensure_ascii=False, indent=2) + "\n" if fmt == "json" else blame_text(b)
    return text.encode("utf-8")


# ---------------------------------------------------------------- amend diff P@A P@B


def diff_versions(program: Program, patches: list[Patch], old: str, new: str, on: str, *,
                  docx_out: Path | None, html_out: Path | None, stat: bool, color: bool) -> tuple[Done, Compared]:
    """One redline from version `old` to version `new`; when `new` is built on `old`, each change is
    attributed to the decision that made it (DOCX: author and date; HTML: a colour per decision)."""
    from .render import term

    timeline = build_timeline(program, patches, on)
    b = build(timeline, resolve(timeline, patches, new))
    a = _within(b, timeline, resolve(timeline, patches, old))
    built_on = b.chain[:len(a.chain)] == a.chain
    steps = b.steps[len(a.chain):] if built_on else ()  # the decisions between them, when b is built on a
    red, warnings = _redline_between(program, a, b, steps, built_on)
    outputs = _diff_outputs(red, steps, docx_out, html_out)
    written = _write(outputs, (program.source, *(p.source for p in b.chain + a.chain))) if outputs else ()
    lines = term.stat(red) if stat else () if outputs else term.word_diff(red, color=color)
    summary = msg("history.diff.compared", old=a.version, new=b.version, changes=len(red.changes),
                  decisions=len(steps))
    return Done(summary, warnings=warnings, written=written), Compared(written, lines)


def _redline_between(program: Program, a: Built, b: Built, steps: tuple[Step, ...],
                     built_on: bool) -> tuple[Redline, tuple[Msg, ...]]:
    """The redline from version a to b: of the `steps` between them when there are some, else
    the diff of the two (with a warning when b is not built on a)."""
    from .diff import diff_programs
    from .redline import redline

    if steps:
        return redline(steps), ()  # a version not in force is what a diff often compares: no warning
    red = diff_programs(a.program(program), b.program(program))
    return red, () if built_on else (msg("history.diff.not_built_on", old=a.version, new=b.version),)


def _diff_outputs(red: Redline, steps: tuple[Step, ...], docx_out: Path | None,
                  html_out: Path | None) -> dict[Path, bytes]:
    """The files asked for: the redline as DOCX (author and date per decision) and as HTML (a colour per decision)."""
    outputs = _redline_files(red, docx_out, None)  # the DOCX as `amend diff` of two files writes it
    if html_out:
        from .render.history_html import colour_by_decision
        from .render.redline_html import render_redline_html

        page = render_redline_html(red, [s.patch for s in steps])
        outputs[html_out] = colour_by_decision(page, red, [s.patch.decision for s in steps])
    return outputs
