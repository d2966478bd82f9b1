"""What each command of amend does, without the command line.

cli.py parses the options, loads the inputs, calls one function here and
prints what it returns; the rules that are not about options live here: how
outputs are named (`<program-id>.<version>`), that competing patches must be
worded against one version, what `PROGRAM-ID@DATE` means. Outputs are written
all or nothing (amend.output.write_all); what the secretary is told comes
back as catalogue messages, put into words by the caller.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import AmendError, AmendErrors, VersionMismatch
from .messages import Msg, msg

if TYPE_CHECKING:  # the model and the documents only when a command needs them: `amend --help` starts sooner
    from .diff import Redline
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
    from .output import build_time
    from .render.docx import render_docx

    stem = output_stem(program.meta)
    outputs: dict[Path, bytes] = {}
    if yaml_too:
        outputs[out_dir / f"{stem}.yaml"] = dump_program(program).encode("utf-8")
    if docx is None:
        docx = render_docx(program, build_time(program.meta.date), template=template)
    outputs[out_dir / f"{stem}.docx"] = docx
    for suffix, data in (extra or {}).items():
        outputs[out_dir / f"{stem}{suffix}"] = data
    return outputs


def _write(outputs: dict[Path, bytes], inputs: Iterable[str | None]) -> tuple[Path, ...]:
    from .output import write_all

    return tuple(write_all(outputs, inputs=tuple(i for i in inputs if i)))


def _files(paths: Sequence[Path]) -> str:
    return ", ".join(map(str, paths))


# ---------------------------------------------------------------- apply, render, validate


def apply_patches(program: Program, patches: list[Patch], out_dir: Path, *, fuzzy: float | None = None,
                  preview: bool = False, docx_style: str = "source", provenance: str = "none",
                  pdf: bool = False, template: str | None = None) -> Done:
    """Apply `patches` in order; write the adopted YAML and DOCX and the redline DOCX and HTML
    (and, with `pdf`, both DOCX as PDF through LibreOffice: amend.render.pdf).
    `template`: a Word template for amend's own layout (amend.render.template).

    docx_style "source": when the program was imported from a DOCX that is still next to
    it, both DOCX are that file with the amendments made (amend.render.source_docx);
    "default": amend's own layout. provenance "footnotes"/"comments": each amended place of the
    adopted DOCX and the redline HTML carries a note naming its decision (amend.render.provenance)."""
    from . import adopted_docx
    from .apply import apply_steps
    from .collector import sparing
    from .history import check_outcomes
    from .redline import redline

    if pdf:
        from .render.pdf import soffice

        soffice()  # before any work: say at once that LibreOffice is missing
    layout = adopted_docx.template_of(template)
    if not preview:
        check_outcomes(patches)
    with sparing() as keep:  # the inputs, steps and redline live until the files are written
        steps = apply_steps(program, patches, fuzzy=fuzzy)
        keep()
        red = redline(steps)
        keep()
        outputs, notes, inputs = _adopted_outputs(program, patches, steps[-1].result, red, out_dir,
                                                  docx_style, provenance, template, layout)
    written = _write(_with_pdfs(outputs, steps[-1].result) if pdf else outputs,
                     (program.source, *(p.source for p in patches), *inputs, template))
    n = sum(len(p.amendments) for p in patches)
    return Done(msg("cli.applied", amendments=n, patches=len(patches), files=_files(written)),
                warnings=tuple(w for s in steps for w in s.resolution.warnings), notes=notes, written=written)


def _adopted_outputs(program: Program, patches: list[Patch], adopted: Program, red: Redline, out_dir: Path,
                     docx_style: str, provenance: str, template: str | None,
                     layout: bytes | None) -> tuple[dict[Path, bytes], tuple[str, ...], tuple[str, ...]]:
    """The files of `amend apply` (adopted YAML and DOCX, redline DOCX and HTML), the notes on
    which layout made them and the inputs they were made from (amend.adopted_docx)."""
    from . import adopted_docx
    from .output import build_time
    from .render.redline_docx import render_redline_docx
    from .render.redline_html import render_redline_html

    when = build_time(adopted.meta.date)
    docx, notes, inputs = adopted_docx.source_docx(program, red, when, docx_style, provenance, patches)
    if docx and template:
        notes += (str(msg("render.template.not_used", file=template)),)
    extra = {".redline.docx": docx[1].data if docx else render_redline_docx(red, when, layout),
             ".redline.html": render_redline_html(red, patches, provenance=provenance)}
    adopted = adopted_docx.adopted_source(adopted, docx[0] if docx else None, f"{output_stem(adopted.meta)}.docx")
    own = docx[0].data if docx else adopted_docx.noted_docx(adopted, red, patches, when, provenance, layout)
    return program_outputs(adopted, out_dir, extra=extra, docx=own, template=layout), notes, inputs


def _with_pdfs(outputs: dict[Path, bytes], adopted: Program) -> dict[Path, bytes]:
    from .output import build_time
    from .render.pdf import with_pdfs

    return with_pdfs(outputs, build_time(adopted.meta.date))


def render_program(program: Program, out_dir: Path, template: str | None = None) -> Done:
    """Write the program's DOCX (in the Word `template` when given)."""
    from . import adopted_docx

    written = _write(program_outputs(program, out_dir, yaml_too=False, template=adopted_docx.template_of(template)),
                     (program.source, template))
    return Done(msg("cli.wrote", file=written[0]), written=written)


def validate_files(files: Sequence[str]) -> tuple[tuple[Msg, ...], AmendError | None]:
    """An "ok" line per valid file, and the errors of the others (None when every file is valid).
    A patch is valid when, besides its schema, each amendment's wording (`text:`) says what it does."""
    from .extract.agreement import patch_disagreements
    from .load import load_any
    from .model import Patch

    oks: list[Msg] = []
    problems: list[AmendError] = []
    for f in files:
        try:
            loaded = load_any(f)
        except AmendError as exc:
            problems.append(exc)
            continue
        disagreeing = patch_disagreements(loaded) if isinstance(loaded, Patch) else []
        problems += disagreeing
        if not disagreeing:
            oks.append(msg("cli.valid", f=f))
    if not problems:
        return tuple(oks), None
    return tuple(oks), problems[0] if len(problems) == 1 else AmendErrors(problems)


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
    from . import adopted_docx
    from .apply import apply_steps
    from .history import FUTURE, IN_FORCE, SUPERSEDED, build_timeline, chain_to, require_version_on, state_words

    timeline = build_timeline(program, patches, on)
    version = version or require_version_on(timeline, timeline.on)
    entry = timeline.entry(version)
    chain = chain_to(timeline, version)
    warnings: tuple[object, ...] = ()
    if entry.state not in (IN_FORCE, SUPERSEDED, FUTURE):
        note = msg("cli.note", x=entry.note) if entry.note else ""
        warnings = (msg("cli.not_in_force", version=version, state=state_words(entry.state), note=note),)
    steps = apply_steps(program, list(chain))
    built, docx, notes, inputs = adopted_docx.shown_version(program, steps, chain, provenance, output_stem)  # as apply
    written = _write(program_outputs(built, out_dir, docx=docx), (program.source, *(p.source for p in chain), *inputs))
    summary = msg("cli.built", version=version, state=state_words(entry.state), on=timeline.on, patches=len(chain),
                  files=_files(written))
    return Done(summary, warnings=warnings, notes=notes, written=written)


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


# ---------------------------------------------------------------- import and extract


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


@dataclass(frozen=True)
class Extracted:
    """What `amend extract` read: findings to show, the patch text (None: nothing to write), the summary."""

    findings: tuple[Msg, ...]
    text: str | None
    summary: Msg
    need_a_human: Msg | None = None  # set when something needs a human: exit 1
    written: tuple[Path, ...] = field(default=())


def extract_patch(protocol: str, program: Program, output: Path | None, *, language: str | None,
                  paragraph: str | None, decision: dict[str, str], produces: str, status: str | None) -> Extracted:
    """Read the decided amendments of the minutes into a patch; write it to `output` when given."""
    from .dump import dump_patch
    from .extract.reader import (
        extract,
        marked,
        need_a_human,
        nothing_written,
        read_text,
        report_comments,
        report_lines,
        summary,
    )

    result = extract(read_text(protocol), program, source=protocol, language=language, paragraph=paragraph,
                     decision=decision, produces=produces, status=status)
    findings = tuple(report_lines(result, protocol))
    assert result.patch is not None  # extract always makes a patch, perhaps an empty one
    if not result.patch.amendments:  # an empty patch is never written: it would say the decision changed nothing
        return Extracted(findings, None, nothing_written(result))
    text = dump_patch(marked(result), comments=report_comments(result, protocol))
    written: tuple[Path, ...] = ()
    if output is not None:
        written = _write({output: text.encode("utf-8")}, (protocol, program.source))
    unsure = None if result.complete else need_a_human(result)
    return Extracted(findings, text, summary(result, str(output) if output else None), unsure, written)


@dataclass(frozen=True)
class ExtractedDocuments:
    """What `amend extract` with several programs did: findings (each once), where each
    instruction went, a summary per document, and the patches written."""

    findings: tuple[Msg, ...]
    summaries: tuple[Msg, ...]
    need_a_human: Msg | None  # set when something needs a human, or no patch was written: exit 1
    written: tuple[Path, ...]


def extract_documents(protocol: str, programs: Sequence[Program], out_dir: Path, *, language: str | None,
                      paragraph: str | None, decision: dict[str, str], produces: str,
                      status: str | None) -> ExtractedDocuments:
    """One decision amending several documents: a patch per document, `out_dir/<program-id>.yaml`,
    each instruction in the one document it is for (amend.extract.documents), all written or none."""
    from .dump import dump_patch
    from .extract import documents
    from .extract.findings import NEEDS_HUMAN
    from .extract.reader import extract, read_text, report_comments, summary

    documents.distinct_programs(programs, protocol)
    text = read_text(protocol)
    results = [extract(text, p, source=protocol, language=language, paragraph=paragraph, decision=decision,
                       produces=produces, status=status) for p in programs]
    documents.same_paragraph(results, programs, protocol)
    routed, routes = documents.route(results, programs)
    outputs: dict[Path, bytes] = {}
    summaries: list[Msg] = []
    for r in routed:
        path = out_dir / f"{r.program.meta.id}.yaml"
        assert r.result.patch is not None
        if r.result.patch.amendments:  # an empty patch is never written
            outputs[path] = dump_patch(r.result.patch, comments=report_comments(r.result, protocol)).encode("utf-8")
            summaries.append(summary(r.result, str(path)))
        else:
            summaries.append(msg("extract.documents.nothing_for", title=r.program.meta.title))
    findings = documents.report(routed, protocol)
    findings += [msg("extract.documents.routed", protocol=protocol, line=x.line, amendment=x.amendment,
                     title=x.program.meta.title, file=out_dir / f"{x.program.meta.id}.yaml") for x in routes]
    written = _write(outputs, (protocol, *(p.source for p in programs))) if outputs else ()
    unsure = sum(m.key in NEEDS_HUMAN for m in findings)
    need = msg("extract.report.need_a_human", n=unsure) if unsure or not outputs else None
    return ExtractedDocuments(tuple(findings), tuple(summaries), need, written)


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
    from .output import build_time
    from .render import term

    red = diff_programs(old, new)
    outputs: dict[Path, bytes] = {}
    if docx_out:
        from .render.redline_docx import render_redline_docx

        outputs[docx_out] = render_redline_docx(red, build_time(red.new.meta.date))
    if html_out:
        from .render.redline_html import render_redline_html

        outputs[html_out] = render_redline_html(red)
    written = _write(outputs, (old.source, new.source)) if outputs else ()
    lines: Iterable[str] = term.stat(red) if stat else () if outputs else term.word_diff(red, color=color)
    return Compared(written, lines)
