"""What the import could not tell, recorded in the program (`source.unsure`) so that
amend.resolve.unsure refuses an amendment that would have to guess there."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..messages import msg
from ..model import Program, Unsure
from ..text import fold_anchor

if TYPE_CHECKING:
    from .report import Report

EXCERPT = 60  # the characters of a text that name it


def name(text: str) -> str:
    """The start of a text that names it in `source.unsure`."""
    return " ".join(text.split())[:EXCERPT].rstrip()


def attach(program: Program, marks: list[Unsure]) -> Program:
    """The program with the marks whose text it holds (one on text left out, such as a
    title page before the first heading, would only refuse what needs no refusal)."""
    from ..tree import iter_units

    texts = [fold_anchor(u.text) for u in iter_units(program)]
    kept = tuple(m for m in dict.fromkeys(marks) if _named(m, fold_anchor(m.text), texts))
    if not kept or program.source_file is None:
        return program
    return replace(program, source_file=replace(program.source_file, unsure=kept))


def _named(mark: Unsure, wanted: str, texts: list[str]) -> bool:
    """The mark (its text folded: `wanted`) is about one of `texts` (folded): starts it, or for
    kind "runs" (a page starting inside it) stands in it."""
    if mark.kind == "runs":
        return any(text.find(wanted, 1) >= 0 for text in texts)  # in text[1:], without the copy
    return any(text.startswith(wanted) for text in texts)


def first_texts(entries: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """(page, kind, text) in reading order → the text that names each page: its first
    paragraph or list item (a heading's text names no paragraph), else its first text."""
    out: dict[int, str] = {}
    told: set[int] = set()
    for page, kind, text in entries:
        text = " ".join(text.split())
        if text and page not in told and (kind != "heading" or page not in out):
            out[page] = text
            if kind != "heading":
                told.add(page)
    return out


def other_numbering(report: Report, pages: list[tuple[str, int, int, str]]) -> None:
    """Pages printed in another numbering (a roman-numbered front matter), each as (format,
    the number printed, the page the program counts it as, the first text on it): no page an
    amendment cites is theirs, so the report says so, with the number each prints, and the
    program records their page as not known."""
    from .pagenumbers import label

    for fmt, number, page, text in pages:
        report.caveat(msg("importers.pages.other_format", fmt=fmt, page=page),
                      msg("importers.where.page_printed", page=page, label=label(number, fmt), text=text[:30]))
        report.unsure.append(Unsure("page", name(text), page, page))
