"""The pages of a DOCX: counted from the breaks it records, checked against the
page count Word saved, or taken from a PDF of it (the circulated one, or
LibreOffice's layout)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..layout import LABELS
from ..messages import Msg, msg
from ..model import Meta, Program, Section
from ..tree import iter_units
from .common import Item, Report, UnreadableDocument


class Pager:
    """The page count as the body is read.

    A hard break (page break, page break before, section break) starts a page at
    once; Word's saved mark for that same break (w:lastRenderedPageBreak) then
    comes before any text of the new page and is not counted again. Any other
    saved mark is a page Word's layout started.
    """

    def __init__(self):
        self.page = 1
        self.pending = False
        self.breaks = 0
        self.saved = 0  # pages started by Word's saved layout marks

    def hard(self, n: int = 1) -> None:
        self.page += n
        self.pending = True
        self.breaks += 1

    def rendered(self) -> bool:
        """A saved layout break; True when it starts a page (not the echo of a hard one)."""
        if self.pending:
            self.pending = False
            return False
        self.page += 1
        self.breaks += 1
        self.saved += 1
        return True

    def content(self) -> None:
        self.pending = False


def _footer_language(doc) -> str | None:
    """The language whose word for 'page' a footer paragraph starts with ('Sida 3', 'Page 3')."""
    texts = (p.text.strip() for section in doc.sections for p in section.footer.paragraphs)
    return next((language for text in texts for language, words in LABELS.items()
                 if text.startswith(words["page"] + " ") or text == words["page"]), None)


PAGE_CHARS = 4500  # more text than a printed A4 page holds


def _chars(flow: list[Item]) -> int:
    blocks = tuple(it.block for it in flow if it.kind == "block" and it.block is not None)
    program = Program(Meta("x", "x", "x"), (Section("x", 1, 1, blocks),))
    return sum(len(it.text) for it in flow) + sum(len(u.text) for u in iter_units(program))


def _declared_pages(path: Path) -> int | None:
    """The page count Word saved in docProps/app.xml, if any."""
    import re

    try:
        with zipfile.ZipFile(path) as z:
            blob = z.read("docProps/app.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    m = re.search(rb"<(?:\w+:)?Pages>(\d+)</", blob)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def _pages_from_rendering(path: Path, flow: list[Item], report: Report, why: Msg) -> list[Item]:
    from .pagealign import locate_pages
    from .soffice import to_pdf

    pdf = to_pdf(path)
    if pdf is None:
        report.note(msg("importers.note.no_libreoffice", why=why))
        report.pages_source = "unpaged"
        return flow
    report.note(msg("importers.note.libreoffice_layout", why=why))
    _fonts_note(path, pdf, report)
    report.pages_source = "libreoffice"
    return _relaid(locate_pages(pdf, flow, report, msg("importers.where.libreoffice")), report)


def _fonts_note(path: Path, pdf: bytes, report: Report) -> None:
    """Say so when LibreOffice laid the pages in a fallback font for one the document names."""
    from .layoutfonts import declared_fonts, installed_families, laid_fonts, missing_fonts

    names = ("word/styles.xml", "word/document.xml", "word/theme/theme1.xml")
    with zipfile.ZipFile(path) as z:
        parts: dict[str, bytes] = {n: z.read(n) for n in names if n in z.namelist()}
    absent, fallbacks = missing_fonts(declared_fonts(parts), laid_fonts(pdf), installed_families())
    if absent:
        report.note(msg("importers.note.fonts_missing", fonts=", ".join(absent), used=", ".join(fallbacks)))


def _pages_from_pdf(pdf_path: Path, flow: list[Item], report: Report) -> list[Item]:
    from .pagealign import locate_pages

    try:
        data = Path(pdf_path).read_bytes()
    except OSError as exc:
        raise UnreadableDocument(msg("importers.cannot_read", reason=exc.strerror), source=str(pdf_path)) from None
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(msg("importers.not_pdf"), source=str(pdf_path))
    report.note(msg("importers.note.pages_from", name=Path(pdf_path).name))
    report.pages_source = "pages_from"
    return _relaid(locate_pages(data, flow, report, Path(pdf_path).name), report)


def _relaid(flow: list[Item], report: Report) -> list[Item]:
    """What the report found while reading goes to the page its paragraph is on in the new layout
    (a paragraph without text, such as one holding only an image, is on the page of the text before)."""
    from bisect import bisect_right

    at: dict[tuple[int, ...], int] = {}
    for it in flow:
        for loc in (it.loc, *it.locs):
            if loc and loc[0].isdigit():
                at.setdefault(tuple(int(x) for x in loc.split("/")), it.page)
    keys = sorted(at)

    def page_at(anchor: str) -> int | None:
        i = bisect_right(keys, tuple(int(x) for x in anchor.split("/")))
        return at[keys[i - 1]] if i else None

    report.repage(page_at)
    return flow
