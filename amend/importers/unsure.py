"""What the import could not tell, recorded in the program (`source.unsure`) so that
amend.resolve.unsure refuses an amendment that would have to guess there."""
from __future__ import annotations

from dataclasses import replace

from ..model import Program, Unsure
from ..text import fold_anchor

EXCERPT = 60  # the characters of a text that name it


def name(text: str) -> str:
    """The start of a text that names it in `source.unsure`."""
    return " ".join(text.split())[:EXCERPT].rstrip()


def attach(program: Program, marks: list[Unsure]) -> Program:
    """The program with the marks whose text it holds (one on text left out, such as a
    title page before the first heading, would only refuse what needs no refusal)."""
    from ..tree import iter_units

    texts = [fold_anchor(u.text) for u in iter_units(program)]
    kept = tuple(m for m in dict.fromkeys(marks) if any(t.startswith(fold_anchor(m.text)) for t in texts))
    if not kept or program.source_file is None:
        return program
    return replace(program, source_file=replace(program.source_file, unsure=kept))
