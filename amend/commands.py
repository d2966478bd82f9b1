"""What each command of amend does, without the command line.

cli.py parses the options, loads the inputs, calls one function here and
prints what it returns; the rules that are not about options live here: how
outputs are named (`<program-id>.<version>`), that competing patches must be
worded against one version, what `PROGRAM-ID@DATE` means. Outputs are written
all or nothing (amend.output.write_all); what the secretary is told comes
back as catalogue messages, put into words by the caller.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import AmendError, AmendErrors, VersionMismatch
from .messages import Msg, msg

if TYPE_CHECKING:  # the model and the documents only when a command needs them: `amend --help` starts sooner
    from datetime import datetime

    from .apply import Step
    from .diff import Redline
    from .history import Timeline
    from .model import Meta, Patch, Program


@dataclass(frozen=True)
class Done:
    """What a command did: the line that sums it up, warnings, other notes and the files written."""

    summary: Msg
    warnings: tuple[object, ...] = ()  # messages, or FuzzyWarnings
    notes: tuple[str, ...] = ()
    written: tuple[Path, ...] = ()


# ---------------------------------------------------------------- naming


def output_stem(meta: Meta) -> str:
    """Outputs are named `<program-id>.<version>`, so that every version of a program has files of its own."""
    return f"{meta.id}.{meta.version}"


def program_outputs(program: Program, out_dir: Path, yaml_too: bool = True,
                    extra: dict[str, bytes] | None = None, docx: bytes | None = None,
                    template: bytes | None = None) -> dict[Path, bytes]:
    """The program's YAML and DOCX (`docx` when given, else amend's own layout, in `template`
    when given), and `extra` outputs {suffix: bytes}, under their names in `out_dir`."""
    from .dump import dump_program

    named = {".yaml": dump_program(program).encode("utf-8")} if yaml_too else {}
    named[".docx"] = _own_docx(program, template) if docx is None else docx
    named.update(extra or {})
    stem = output_stem(program.meta)
    return {out_dir / f"{stem}{suffix}": data for suffix, data in named.items()}


def _own_docx(program: Program, template: bytes | None) -> bytes:
    from .output import build_time
    from .render.docx import render_docx

    return render_docx(program, build_time(program.meta.date), template=template)


def _write(outputs: dict[Path, bytes], inputs: Iterable[str | None]) -> tuple[Path, ...]:
    from .output import write_all

    return tuple(write_all(outputs, inputs=tuple(i for i in inputs if i)))


def _files(paths: Sequence[Path]) -> str:
    return ", ".join(map(str, paths))


# ---------------------------------------------------------------- apply, render, validate


@dataclass(frozen=True)
class Looks:
    """How `amend apply` lays out its DOCX. docx_style "source": when the program was imported from a
    DOCX that is still next to it, both DOCX are that file with the amendments made
    (amend.render.source_docx); "default": amend's own layout, in the Word `template` when given
    (`layout`: its bytes; amend.render.template). provenance "footnotes"/"comments": each amended place
    of the adopted DOCX and the redline HTML carries a note naming its decision (amend.render.provenance)."""

    docx_style: str
    provenance: str
    template: str | None
    layout: bytes | None

    @classmethod
    def of(cls, docx_style: str, provenance: str, template: str | None) -> Looks:
        from . import adopted_docx

        return cls(docx_style, provenance, template, adopted_docx.template_of(template))


@dataclass(frozen=True)
class Made:
    """The files a command makes, the notes on which layout made them and the inputs they were made from."""

    outputs: dict[Path, bytes]
    notes: tuple[str, ...]
    inputs: tuple[str, ...]


def apply_patches(program: Program, patches: list[Patch], out_dir: Path, *, fuzzy: float | None = None,
                  preview: bool = False, docx_style: str = "source", provenance: str = "none",
                  pdf: bool = False, template: str | None = None) -> Done:
    """Apply `patches` in order; write the adopted YAML and DOCX and the redline DOCX and HTML
    (and, with `pdf`, both DOCX as PDF through LibreOffice: amend.render.pdf); the layout: Looks."""
    if pdf:
        from .render.pdf import soffice

        soffice()  # before any work: say at once that LibreOffice is missing
    steps, made = _applied(program, patches, out_dir, fuzzy, preview, Looks.of(docx_style, provenance, template))
    outputs = _with_pdfs(made.outputs, steps[-1].result) if pdf else made.outputs
    written = _write(outputs, (program.source, *(p.source for p in patches), *made.inputs, template))
    n = sum(len(p.amendments) for p in patches)
    return Done(msg("cli.applied", amendments=n, patches=len(patches), files=_files(written)),
                warnings=tuple(w for s in steps for w in s.resolution.warnings), notes=made.notes, written=written)


def _applied(program: Program, patches: list[Patch], out_dir: Path, fuzzy: float | None, preview: bool,
             looks: Looks) -> tuple[list[Step], Made]:
    """The steps of `amend apply` and the files they make (checked outcomes first, unless a preview)."""
    from .collector import sparing
    from .history import check_outcomes

    if not preview:
        check_outcomes(patches)
    with sparing() as keep:  # the inputs, steps and redline live until the files are made
        steps, red = _steps_and_redline(program, patches, fuzzy, keep)
        return steps, _adopted_outputs(program, patches, steps[-1].result, red, out_dir, looks)


def _steps_and_redline(program: Program, patches: list[Patch], fuzzy: float | None,
                       keep: Callable[[], None]) -> tuple[list[Step], Redline]:
    from .apply import apply_steps
    from .redline import redline

    steps = apply_steps(program, patches, fuzzy=fuzzy)
    keep()  # later collections walk only what the redline makes
    red = redline(steps)
    keep()
    return steps, red


def _adopted_outputs(program: Program, patches: list[Patch], adopted: Program, red: Redline, out_dir: Path,
                     looks: Looks) -> Made:
    """The files of `amend apply`: adopted YAML and DOCX, redline DOCX and HTML (amend.adopted_docx)."""
    from . import adopted_docx
    from .output import build_time

    when = build_time(adopted.meta.date)
    docx, notes, inputs = adopted_docx.source_docx(program, red, when, looks.docx_style, looks.provenance, patches)
    if docx and looks.template:
        notes += (str(msg("render.template.not_used", file=looks.template)),)
    extra = _redlines(red, patches, docx, when, looks)
    adopted = adopted_docx.adopted_source(adopted, docx[0] if docx else None, f"{output_stem(adopted.meta)}.docx")
    own = docx[0].data if docx else adopted_docx.noted_docx(adopted, red, patches, when, looks.provenance,
                                                             looks.layout)
    return Made(program_outputs(adopted, out_dir, extra=extra, docx=own, template=looks.layout), notes, inputs)


def _redlines(red: Redline, patches: list[Patch], docx: tuple | None, when: datetime,
              looks: Looks) -> dict[str, bytes]:
    """The redline DOCX (the one written into the source Word file when `docx`, else amend's own) and HTML."""
    from .render.redline_docx import render_redline_docx
    from .render.redline_html import render_redline_html

    return {".redline.docx": docx[1].data if docx else render_redline_docx(red, when, looks.layout),
            ".redline.html": render_redline_html(red, patches, provenance=looks.provenance)}


def _with_pdfs(outputs: dict[Path, bytes], adopted: Program) -> dict[Path, bytes]:
    from .output import build_time
    from .render.pdf import with_pdfs

    return with_pdfs(outputs, build_time(adopted.meta.date))


def render_program(program: Program, out_dir: Path, template: str | None = None) -> Done:
    """Write the program's DOCX (in the Word `template` when given)."""
    from . import adopted_docx

    outputs = program_outputs(program, out_dir, yaml_too=False, template=adopted_docx.template_of(template))
    written = _write(outputs, (program.source, template))
    return Done(msg("cli.wrote", file=written[0]), written=written)


def validate_files(files: Sequence[str]) -> tuple[tuple[Msg, ...], AmendError | None]:
    """An "ok" line per valid file, and the errors of the others (None when every file is valid)."""
    found = [(f, _problems_of(f)) for f in files]
    problems = [e for _, errors in found for e in errors]
    oks = tuple(msg("cli.valid", f=f) for f, errors in found if not errors)
    return oks, AmendErrors.of(problems) if problems else None


def _problems_of(file: str) -> list[AmendError]:
    """A patch is valid when, besides its schema, each amendment's wording (`text:`) says what it does."""
    from .extract.agreement import patch_disagreements
    from .load import load_any
    from .model import Patch

    try:
        loaded = load_any(file)
    except AmendError as exc:
        return [exc]
    if not isinstance(loaded, Patch):
        return []
    return patch_disagreements(loaded)


# ---------------------------------------------------------------- competing patches


def require_same_base(patches: Sequence[Patch]) -> None:
    """Competing patches are compared against one version: refuse a patch worded against another."""
    first = patches[0]
    for p in patches[1:]:
        if (p.program, p.base) != (first.program, first.base):
            raise VersionMismatch(msg("cli.not_same_base", program=p.program, base=p.base, first=first.source,
                                      first_program=first.program, first_base=first.base), source=p.source)


def competing(patches: list[Patch], program: Program | None, root: str | Path) -> str:
    """The conflict matrix of competing patches, against `program` or the base version rebuilt from `root`."""
    from .check import base_version, conflict_matrix
    from .report import matrix_text

    require_same_base(patches)
    first = patches[0]
    if program is None:
        program = base_version(root, first.program, first.base, exclude=[str(p.source) for p in patches])
    return matrix_text(conflict_matrix(program, patches))


# ---------------------------------------------------------------- versions in time


def version_asked(version: str, program: Program, patches: Sequence[Patch]) -> tuple[str, str | None]:
    """`PROGRAM-ID@2027-01-01` asks for the version in force that day, unless a version has that name:
    (version, None) or ("", date)."""
    from .history import DATE

    if DATE.match(version) and version not in {program.meta.version, *(p.produces for p in patches)}:
        return "", version
    return version, None


def show_version(program: Program, patches: list[Patch], version: str, on: str, out_dir: Path,
                 provenance: str = "none") -> Done:
    """Build `version` (or, when it is empty, the version in force on `on`) and write its YAML and DOCX
    (with provenance notes when asked: "footnotes" or "comments")."""
    from .history import build_timeline, chain_to, require_version_on, state_words

    timeline = build_timeline(program, patches, on)
    version = version or require_version_on(timeline, timeline.on)
    chain = chain_to(timeline, version)  # HistoryError when the timeline has no such version
    warnings = _not_in_force(timeline, version)
    written, notes = _write_version(program, chain, provenance, out_dir)
    summary = msg("cli.built", version=version, state=state_words(timeline.entry(version).state), on=timeline.on,
                  patches=len(chain), files=_files(written))
    return Done(summary, warnings=warnings, notes=notes, written=written)


def _write_version(program: Program, chain: tuple[Patch, ...], provenance: str,
                   out_dir: Path) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """Write the version `chain` builds as `amend apply program chain` writes it: the files, and the notes."""
    from . import adopted_docx
    from .apply import apply_steps

    steps = apply_steps(program, list(chain))
    built, docx, notes, inputs = adopted_docx.shown_version(program, steps, chain, provenance, output_stem)
    outputs = program_outputs(built, out_dir, docx=docx)
    return _write(outputs, (program.source, *(p.source for p in chain), *inputs)), notes


def _not_in_force(timeline: Timeline, version: str) -> tuple[Msg, ...]:
    """The warning that `version` has not been in force (nor is, nor will be), with the timeline's note on it."""
    from .history import FUTURE, IN_FORCE, SUPERSEDED, state_words

    entry = timeline.entry(version)
    if entry.state in (IN_FORCE, SUPERSEDED, FUTURE):
        return ()
    note = msg("cli.note", x=entry.note) if entry.note else ""
    return (msg("cli.not_in_force", version=version, state=state_words(entry.state), note=note),)


def log(root: str | Path, program: Program, patches: list[Patch], on: str, fmt: str) -> str:
    """The timeline of the program on the date `on`, as text or JSON."""
    import json

    from .history import build_timeline, log_data, log_text
    from .history_load import added_commits

    timeline = build_timeline(program, patches, on)
    commits = added_commits(root, program.meta.id)
    if fmt == "json":
        return json.dumps(log_data(timeline, commits), ensure_ascii=False, indent=2) + "\n"
    return log_text(timeline, commits)


# ---------------------------------------------------------------- import (extract: amend.extract_jobs)


def import_program(source: str, output: Path, *, program_id: str | None, title: str | None,
                   pages_from: str | None, part: int | None = None) -> Done:
    """Import a DOCX or PDF as a program file; the notes say, page by page, what was found, guessed and
    not carried over."""
    from .dump import PROGRAM_SCHEMA
    from .importers import import_document, program_yaml
    from .importers.pagereport import page_messages
    from .text.names import file_id

    program, report = import_document(source, program_id=program_id or file_id(output.stem) or output.stem, title=title,
                                      pages_from=pages_from, part=part)
    text = program_yaml(program, PROGRAM_SCHEMA, str(output))
    written = _write({output: text.encode("utf-8")}, (source,) + ((pages_from,) if pages_from else ()))
    return Done(msg("cli.imported", sections=len(program.sections), pages=program.page_count, file=output),
                notes=tuple(str(m) for m in page_messages(report, program)), written=written)


# ---------------------------------------------------------------- diff


@dataclass(frozen=True)
class Compared:
    written: tuple[Path, ...]
    lines: Iterable[str]


def compare(old: Program, new: Program, *, docx_out: Path | None, html_out: Path | None, stat: bool,
            color: bool) -> Compared:
    """The redline of two programs: written as DOCX and/or HTML, and the lines to print (a summary with
    `stat`, the word diff when nothing is written)."""
    from .diff import diff_programs
    from .render import term

    red = diff_programs(old, new)
    outputs = _redline_files(red, docx_out, html_out)
    written = _write(outputs, (old.source, new.source)) if outputs else ()
    lines: Iterable[str] = term.stat(red) if stat else () if outputs else term.word_diff(red, color=color)
    return Compared(written, lines)


def _redline_files(red: Redline, docx_out: Path | None, html_out: Path | None) -> dict[Path, bytes]:
    """The redline as DOCX and/or HTML, each rendered only when asked for (the renderers load lazily)."""
    wanted = ((docx_out, _redline_docx), (html_out, _redline_html))
    return {path: render(red) for path, render in wanted if path}


def _redline_docx(red: Redline) -> bytes:
    from .output import build_time
    from .render.redline_docx import render_redline_docx

    return render_redline_docx(red, build_time(red.new.meta.date))


def _redline_html(red: Redline) -> bytes:
    from .render.redline_html import render_redline_html

    return render_redline_html(red)
