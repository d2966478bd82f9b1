"""The documents a run writes besides the YAML: the adopted and redline DOCX written into the
council's own Word file (amend.render.source_docx), amend's own layout in a --template, and
provenance notes (amend.render.provenance). amend.commands calls these; the rules of which
layout is used, and what the adopted program's `source:` then says, live here."""
from __future__ import annotations

from collections.abc import Sequence

from .messages import msg
from .model import Patch, Program


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


def source_docx(program: Program, red, when, docx_style: str, provenance: str = "none",
                 patches: Sequence[Patch] = ()) -> tuple[tuple | None, tuple[str, ...], tuple[str, ...]]:
    """(adopted DOCX, redline DOCX) written into the program's source Word file, or None;
    the note saying which layout was used; the source file (an input: never overwritten)."""
    from .render.source_docx import read_source, render_source_docx, source_path

    path = source_path(program)
    if path is None:
        return None, (), ()
    if docx_style == "default":
        return None, (str(msg("source.not_used", file=path)),), (str(path),)
    data = read_source(program)
    docs = (render_source_docx(red, program, data, when, tracked=False, notes=_source_notes(red, patches, provenance)),
            render_source_docx(red, program, data, when, tracked=True))
    notes: tuple[str, ...] = (str(msg("source.used", file=path)),)
    if docs[0].stale_contents:
        notes += (str(msg("source.contents_to_update", file=path)),)
    return docs, notes, (str(path),)


def in_place_refusal(program: Program, patches: Sequence[Patch]):
    """Why `amend apply PROGRAM PATCHES…` would stop when writing the council's Word file (the
    same writing as apply's: amend check asks this, so that it fails where apply would), or None."""
    from .apply import apply_steps
    from .errors import AmendError
    from .output import build_time
    from .redline import redline
    from .render.source_docx import source_path

    if source_path(program) is None:
        return None
    try:
        steps = apply_steps(program, patches)
        source_docx(program, redline(steps), build_time(steps[-1].result.meta.date), "source")
    except AmendError as exc:
        return exc
    return None


def template_of(path: str | None) -> bytes | None:
    """The --template file as a DOCX package, read once (amend.render.template)."""
    if path is None:
        return None
    from .render.template import read_template

    return read_template(path)


def shown_docx(steps, chain: Sequence[Patch], provenance: str) -> bytes | None:
    """The DOCX of a version built with provenance notes; None: amend's own, without."""
    if provenance == "none" or not steps:
        return None
    from .output import build_time
    from .redline import redline

    built = steps[-1].result
    return noted_docx(built, redline(steps), chain, build_time(built.meta.date), provenance)
