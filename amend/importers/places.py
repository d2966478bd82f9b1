"""Where each text of an imported program is in its source DOCX (YAML `source.places`).

A place is the path of a paragraph (w:p) in word/document.xml: the index of
each element among its parent's element children, from w:body down, joined
with "/" ("12" is the body's 13th element; "9/3/1/2" a paragraph in a table
cell). The program's texts are taken in its own order (amend.diff.walk: a
section's heading, then its blocks, list items, table cells row by row,
columns with their headings); several texts may share a paragraph (one split
at a page break). The list is stored as one line, runs of consecutive body
paragraphs written as a range: "0-5 7 9/3/1/2 9/3/2/2 10-14"; "-" marks a text
that is not in the file (the heading made from the title of a document
without headings). The form is canonical, so encode(decode(s)) == s.
"""
from __future__ import annotations

import re

NOT_IN_FILE = "-"
_PLACE = re.compile(r"^\d+(/\d+)*$")
_RANGE = re.compile(r"^(\d+)-(\d+)$")


def encode(locs: list[str]) -> str:
    """["0", "1", "2", "9/3/1/2"] → "0-2 9/3/1/2"."""
    out: list[str] = []
    run: list[int] = []
    for loc in locs:
        if loc.isdigit() and run and int(loc) == run[-1] + 1:
            run.append(int(loc))
            continue
        _flush(run, out)
        run = [int(loc)] if loc.isdigit() else []
        if not loc.isdigit():
            out.append(loc)
    _flush(run, out)
    return " ".join(out)


def _flush(run: list[int], out: list[str]) -> None:
    if len(run) == 1:
        out.append(str(run[0]))
    elif run:
        out.append(f"{run[0]}-{run[-1]}")


def decode(text: str) -> list[str] | None:
    """The places of `encode`, or None when `text` is not in that form."""
    locs: list[str] = []
    for token in text.split(" "):
        m = _RANGE.match(token)
        if m and int(m[1]) < int(m[2]):
            locs.extend(str(i) for i in range(int(m[1]), int(m[2]) + 1))
        elif _PLACE.match(token) or token == NOT_IN_FILE:
            locs.append(token)
        else:
            return None
    return locs if encode(locs) == text else None


def path_of(loc: str) -> tuple[int, ...]:
    return tuple(int(i) for i in loc.split("/"))
