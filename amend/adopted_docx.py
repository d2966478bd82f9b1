"""The documents a run writes besides the YAML: the adopted and redline DOCX written into the
council's own Word file (amend.render.source_docx), amend's own layout in a --template, and
provenance notes (amend.render.provenance). amend.commands calls these; the rules of which
layout is used, and what the adopted program's `source:` then says, live here."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .collector import collected_once
from .messages import msg
from .model import Meta, Patch, Program


def adopted_source(adopted: Program, docx, name: str) -> Program:
    """The adopted program's `source:`: the adopted DOCX written into the source file, with
    where its texts are, so that the next decision is written into that file in turn; else
    the proposal's file without its places (they are the proposal's, not the adopted text's)."""
    import hashlib
    from dataclasses import replace

    from .model import SourceFile

    if docx is not None and docx.places is not None:
        return replace(adopted, source_file=SourceFile(name, len(docx.data),
                                                       hashlib.sha256(docx.data).hexdigest(), docx.places))
    if adopted.source_file is not None and adopted.source_file.places is not None:
        return replace(adopted, source_file=replace(adopted.source_file, places=None))
    return adopted


@collected_once  # python-docx's parts hold one another (amend.collector)
def noted_docx(adopted: Program, red, patches: Sequence[Patch], when, provenance: str,
               template: bytes | None = None) -> bytes | None:
    """amend's own adopted DOCX with provenance notes, or None when none are asked for."""
    if provenance == "none":
        return None
    from .render.provenance import notes_by_adopted_path
    from .render.provenance_docx import render_noted_docx

    return render_noted_docx(adopted, notes_by_adopted_path(red, patches), provenance, when, template)


def _source_notes(red, patches: Sequence[Patch], provenance: str):
    if provenance == "none":
        return None
    from .render.provenance import notes_by_merged_path
    from .render.provenance_docx import SourceNotes

    return SourceNotes(provenance, red.new.meta.language, notes_by_merged_path(red, patches))


@collected_once  # python-docx's parts hold one another (amend.collector)
def source_docx(program: Program, red, when, docx_style: str, provenance: str = "none",
                 patches: Sequence[Patch] = ()) -> tuple[tuple | None, tuple[str, ...], tuple[str, ...]]:
    """(adopted DOCX, redline DOCX) written into the program's source Word file, or None;
    the note saying which layout was used; the source file (an input: never overwritten)."""
    from .render.source_docx import source_path

    path = source_path(program)
    if path is None:
        return None, (), ()
    if docx_style == "default":
        return None, (str(msg("source.not_used", file=path)),), (str(path),)
    docs = _both(program, red, when, _source_notes(red, patches, provenance))
    return docs, _notes(docs[0], path), (str(path),)


def _notes(adopted, path) -> tuple[str, ...]:
    """What the run says of the Word file written: that it is the council's, and what is left to do in Word."""
    notes: tuple[str, ...] = (str(msg("source.used", file=path)),)
    if adopted.stale_contents:
        notes += (str(msg("source.contents_to_update", file=path)),)
    if adopted.stale_status:
        notes += (str(msg("source.header_status", file=path, word=adopted.stale_status)),)
    if adopted.title_note is not None:
        notes += (str(adopted.title_note),)
    if adopted.stale_title:
        notes += (str(msg("source.title_status", file=path, line=adopted.stale_title)),)
    return notes


def _both(program: Program, red, when, notes) -> tuple:
    """The adopted and the redline DOCX, both with the notes: the redline's Accept All is the adopted file."""
    from .render.source_docx import read_source, render_source_docx

    data = read_source(program)
    return (render_source_docx(red, program, data, when, tracked=False, notes=notes),
            render_source_docx(red, program, data, when, tracked=True, notes=notes))


def in_place_refusal(program: Program, patches: Sequence[Patch]):
    """Why `amend apply PROGRAM PATCHES…` would stop when writing the council's Word file (the
    same writing as apply's: amend check asks this, so that it fails where apply would), or None."""
    from .errors import AmendError
    from .render.source_docx import source_path

    if source_path(program) is None:
        return None
    try:
        _write_in_place(program, patches)
    except AmendError as exc:
        return exc
    return None


def _write_in_place(program: Program, patches: Sequence[Patch]) -> None:
    from .apply import apply_steps
    from .output import build_time
    from .redline import redline

    steps = apply_steps(program, patches)
    source_docx(program, redline(steps), build_time(steps[-1].result.meta.date), "source")


def template_of(path: str | None) -> bytes | None:
    """The --template file as a DOCX package, read once (amend.render.template)."""
    if path is None:
        return None
    from .render.template import read_template

    return read_template(path)


def shown_version(program: Program, steps, chain: Sequence[Patch], provenance: str,
                  stem: Callable[[Meta], str]) -> tuple[Program, bytes | None, tuple[str, ...], tuple[str, ...]]:
    """A version built by `amend show` or `amend site` as `amend apply program chain` writes it (no
    steps: the program's own version, its DOCX the Word file it was imported from): the version with
    the `source:` apply writes, its DOCX (None: amend's own layout, without notes), a note saying
    which layout, and the source file read. `stem`: the outputs' name (amend.commands.output_stem)."""
    from .output import build_time
    from .redline import redline

    built = steps[-1].result if steps else program
    red = redline(steps) if steps and _redline_needed(program, provenance) else None
    when = build_time(built.meta.date)
    docx, note, inputs = _in_source(program, red, when, provenance, chain, built.meta.version)
    adopted = adopted_source(built, docx, f"{stem(built.meta)}.docx")
    own = docx.data if docx else noted_docx(adopted, red, chain, when, provenance) if red else None
    return adopted, own, note, inputs


def _redline_needed(program: Program, provenance: str) -> bool:
    """Whether a shown version needs the redline of its chain: to be written into its source Word
    file, or for its provenance notes (about a third of `amend show` at 300 pages otherwise)."""
    from .render.source_docx import source_path

    return provenance != "none" or source_path(program) is not None


def _in_source(program: Program, red, when, provenance: str, chain: Sequence[Patch], version: str):
    """The DOCX written into the source Word file as apply writes it (None: there is none), the note
    saying so, and the file read. Where apply would refuse, the version is still shown in amend's own
    layout, the note saying why: a view of the history does not stop over the layout of an exact text."""
    from .errors import UnreadableDocument
    from .render.source_docx import source_path

    path = source_path(program)
    if path is None:
        return None, (), ()
    try:
        docx = _written(program, red, when, provenance, chain)
    except UnreadableDocument as exc:
        return None, (str(msg("source.shown_own_layout", version=version, file=path, reason=exc.message)),), ()
    said = msg("source.shown_imported", version=version, file=path) if red is None else \
        msg("source.shown", version=version, file=path)
    return docx, (str(said),), (str(path),)


def _written(program: Program, red, when, provenance: str, chain: Sequence[Patch]):
    """The adopted DOCX of `source_docx`, the one apply writes; red None: the source file as it is."""
    from .render.source_docx import Written, read_source

    if red is None:
        assert program.source_file is not None  # source_path found the file
        return Written(read_source(program), program.source_file.places)
    docs = source_docx(program, red, when, "source", provenance, chain)[0]
    assert docs is not None  # source_path found the file
    return docs[0]
