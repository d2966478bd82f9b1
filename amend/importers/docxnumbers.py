"""The page numbers a DOCX prints, from its sections' page numbering
(w:pgNumType: w:start restarts the count, w:fmt sets decimal, roman or
letters), shown where a header or footer holds a PAGE field.

Pages counted from the file's breaks are its sheets; the councillors cite the
number printed on them ("Sida 3" on the first sheet when the numbering starts
at 3). Sheets printed with another numbering (a roman-numbered front matter)
have no arabic page: they take the first arabic page's number, and the
program records that it is not known exactly (`source.unsure`), so an
amendment citing that page is refused rather than guessed. Numbers that go
back (an appendix starting again at 1) are settled as for a PDF
(amend.importers.pagenumbers): they go on from the page before, said in the report.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..messages import msg
from . import pagenumbers
from .common import Item, Report
from .docxxml import w
from .unsure import first_texts, other_numbering

_PAGE_FIELD = re.compile(rb"(?:instrText[^>]*>|w:instr=\")\s*PAGE\b(?![A-Z])")


@dataclass(frozen=True)
class Numbering:
    """A section's page numbering: the sheet it starts on, its start value (None: it goes on), its format."""

    sheet: int
    start: int | None
    fmt: str


def printed_pages(path: Path, body, flow: list[Item], report: Report) -> list[Item]:
    """The flow with the pages as printed, where the file prints page numbers other than its sheets'."""
    if not flow or not _prints_page_numbers(path):
        return flow
    numbering = _numbering(body, flow)
    sheets = max(it.page for it in flow)
    labels = _labels(numbering, sheets)
    if _sheets_printed(labels):
        return flow
    found = [[(n, True)] if fmt == "decimal" else [] for n, fmt in labels]
    pages = pagenumbers.settle(found).pages
    _notes(labels, pages, report)
    out = [replace(it, page=pages[it.page - 1]) for it in flow]
    _unnumbered(flow, out, labels, report)
    return out


def _sheets_printed(labels: list[tuple[int, str]]) -> bool:
    """Every sheet prints its own number, in decimal: the pages are the sheets."""
    return all(fmt == "decimal" and n == k for k, (n, fmt) in enumerate(labels, start=1))


def _prints_page_numbers(path: Path) -> bool:
    """A header or footer of the file holds a PAGE field."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = [n for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml$", n)]
            return any(_PAGE_FIELD.search(z.read(n)) for n in parts)
    except (OSError, zipfile.BadZipFile, KeyError):
        return False


def _numbering(body, flow: list[Item]) -> list[Numbering]:
    """Each section's numbering and the sheet its first text is on."""
    from .docx import _section_starts

    children = list(body)
    out = []
    for index, sect_pr in sorted(_section_starts(children, body).items()):
        sheet = next((it.page for it in flow if _top(it) >= index), None)
        if sheet is not None:
            out.append(_section_numbering(sect_pr, sheet))
    return out


def _section_numbering(sect_pr, sheet: int) -> Numbering:
    """The numbering a section's w:pgNumType sets, from `sheet`; set twice (python-docx appends
    one), the last counts, as LibreOffice prints it."""
    pg = next(reversed(sect_pr.findall(w("pgNumType"))), None)
    start = pg.get(w("start")) if pg is not None else None
    fmt = (pg.get(w("fmt")) if pg is not None else None) or "decimal"
    return Numbering(sheet, int(start) if start and start.isdigit() else None, fmt)


def _top(it: Item) -> int:
    """The index under w:body of the element an item comes from (-1 when not known)."""
    loc = it.loc or next(iter(it.locs), "")
    head = loc.split("/")[0]
    return int(head) if head.isdigit() else -1


def _labels(numbering: list[Numbering], sheets: int) -> list[tuple[int, str]]:
    """(number, format) printed on each sheet."""
    out: list[tuple[int, str]] = []
    current = Numbering(1, 1, "decimal")
    for sheet in range(1, sheets + 1):
        for n in numbering:
            if n.sheet == sheet and (n.start is not None or n.fmt != current.fmt or sheet == 1):
                count = n.start if n.start is not None else (out[-1][0] + 1 if out else 1)
                current = Numbering(sheet, count, n.fmt)
        number = (current.start or 1) + sheet - current.sheet
        out.append((number, current.fmt))
    return out


def _notes(labels: list[tuple[int, str]], pages: list[int], report: Report) -> None:
    first = next((k for k, (_, fmt) in enumerate(labels, start=1) if fmt == "decimal"), None)
    if first is not None:
        report.note(msg("importers.pages.docx_printed", sheet=first, printed=labels[first - 1][0]))
    for k, ((n, fmt), page) in enumerate(zip(labels, pages), start=1):
        if fmt == "decimal" and n != page:
            report.note(msg("importers.pages.docx_goes_back", sheet=k, printed=n, page=page))
            return


def _unnumbered(flow: list[Item], out: list[Item], labels: list[tuple[int, str]], report: Report) -> None:
    """Texts on sheets printed in another numbering: on no arabic page, so not known exactly."""
    from .pagealign import first_text

    page = {before.page: it.page for before, it in zip(flow, out)}  # sheet → the page it is counted as
    texts = first_texts((before.page, it.kind, it.text or first_text(it.block)) for before, it in zip(flow, out)
                        if labels[before.page - 1][1] != "decimal")
    other_numbering(report, [(labels[sheet - 1][1], labels[sheet - 1][0], page[sheet], text)
                             for sheet, text in texts.items()])
