"""The text layer of a PDF, fast: words with box, size and weight; images;
rotated text; ruled tables.

Read with pypdfium2 (PDFium, the engine of Chrome's PDF viewer, which
pdfplumber already depends on): its text API gives every character's
position and font in C, about ten times faster than pdfminer's layout
analysis, in memory that does not grow with the document. Ruled tables are
found from the page's path objects (rules and cell borders) with pdfplumber's
table geometry (edges → intersections → cells → tables), so no pdfminer
parsing is needed at all.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import msg
from .common import UnreadableDocument
from .pdfwords import Word, plain_words
from .pdfwords import words as read_words


@dataclass
class RawPage:
    index: int  # from 1
    width: float
    height: float
    words: list[Word]
    tables: list = field(default_factory=list)  # [(bbox, rows of cell bboxes or None)]
    images: int = 0
    rotated: int = 0  # characters not upright


_STREAM = re.compile(rb"stream\r?\n")


def check_streams(data: bytes, name: str) -> None:
    """Refuse a stream that inflates beyond limits.MAX_PDF_STREAM_BYTES, before
    PDFium inflates it whole: a few hundred KB of PDF can hold gigabytes. Each
    stream is inflated in chunks that are counted and dropped, so memory stays flat."""
    from .. import limits

    for match in _STREAM.finditer(data):
        try:
            size = _inflated_size(data, match.end(), limits.MAX_PDF_STREAM_BYTES)
        except zlib.error:
            continue  # not Flate (or damaged): PDFium judges it
        if size > limits.MAX_PDF_STREAM_BYTES:
            raise UnreadableDocument(msg("importers.pdf.stream_too_large", limit=limits.MAX_PDF_STREAM_BYTES),
                                     source=name)


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """How many bytes the Flate stream at `start` inflates to, counted up to just past `limit`."""
    inflater, size, pos, step = zlib.decompressobj(), 0, start, 1 << 16
    while size <= limit and not inflater.eof:
        if inflater.unconsumed_tail:
            buf = inflater.unconsumed_tail
        elif pos < len(data):
            buf, pos = data[pos:pos + step], pos + step
        else:
            buf = b""  # input used up: drain what zlib still holds
        out = inflater.decompress(buf, 1 << 20)
        size += len(out)
        if not out and not buf:
            break
    return size


def open_pdf(path: Path):
    import pypdfium2 as pdfium

    name = str(path)
    check_streams(Path(path).read_bytes(), name)
    try:
        return pdfium.PdfDocument(name)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            raise UnreadableDocument(msg("importers.pdf.password"), source=name) from None
        raise UnreadableDocument(msg("importers.pdf.damaged", detail=str(exc)), source=name) from None
    except (OSError, ValueError) as exc:
        raise UnreadableDocument(msg("importers.pdf.unreadable", detail=str(exc)), source=name) from None


def metadata_title(doc) -> str | None:
    try:
        title = doc.get_metadata_dict().get("Title")
    except Exception:  # a damaged info dictionary is no reason to refuse the text
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


def outline(doc) -> list[tuple[str, int, int]]:
    """The PDF's bookmarks: (title, PDF page index from 1, depth from 0) of each that points at a page."""
    out = []
    try:
        for mark in doc.get_toc(max_depth=8):
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is not None and mark.get_title().strip():
                out.append((mark.get_title(), index + 1, mark.level))
    except Exception:  # a damaged outline is no reason to refuse the text
        return []
    return out


def pages(doc, words_only: bool = False) -> Iterator[RawPage]:
    """The pages' words, images, rotated text and ruled tables (`words_only`: the words alone,
    for matching text to pages, which needs no drawing)."""
    for i in range(len(doc)):
        page = doc[i]
        try:
            yield _page(page, i + 1, words_only)
        finally:
            page.close()


def _page(page, index: int, words_only: bool = False) -> RawPage:
    import pypdfium2.raw as c

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        if words_only and not page.get_rotation():
            words, rotated = plain_words(textpage, height, c), 0
        else:
            words, rotated = read_words(textpage, height, c, page if page.get_rotation() else None, width)
    finally:
        textpage.close()
    if words_only:
        return RawPage(index, width, height, words, [], 0, rotated)
    images, edges = _drawing(page, height, c)
    return RawPage(index, width, height, words, _tables(edges), images, rotated)


def _drawing(page, height: float, c) -> tuple[int, list[dict]]:
    """The page's images (larger than a bullet) and the rules of its paths."""
    images, edges = 0, []
    for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:
            continue
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        if obj.type != c.FPDF_PAGEOBJ_IMAGE:
            edges.extend(_edges(obj, x0, x1, y0, y1, c))
        elif x1 - x0 > 8 and y1 - y0 > 8:
            images += 1
    return images, edges


def _edges(obj, x0, x1, y0, y1, c) -> list[dict]:
    """A path's rules: a thin path is one rule; a rectangle (a cell border or
    shading) gives its four sides; any other shape (a chart, a logo) none."""
    w, h = x1 - x0, y1 - y0
    if w < 2.5 and h > 3:
        return [_edge("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1)]
    if h < 2.5 and w > 3:
        return [_edge("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2)]
    if w < 3 or h < 3:
        return []
    segments = c.FPDFPath_CountSegments(obj.raw)
    if not 4 <= segments <= 6:
        return []
    return [_edge("h", x0, x1, y0, y0), _edge("h", x0, x1, y1, y1), _edge("v", x0, x0, y0, y1),
            _edge("v", x1, x1, y0, y1)]


def _edge(orientation, x0, x1, top, bottom) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


def _tables(edges: list[dict]) -> list:
    """Ruled tables from the edges, as pdfplumber's "lines" strategy finds them."""
    if len(edges) < 4:
        return []
    from pdfplumber import table as pt

    edges = pt.merge_edges(edges, 3, 3, 3, 3)
    edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
    if sum(e["orientation"] == "v" for e in edges) < 2 or sum(e["orientation"] == "h" for e in edges) < 2:
        return []
    cells = pt.intersections_to_cells(pt.edges_to_intersections(edges, 3, 3))
    tables = [pt.Table(None, group) for group in pt.cells_to_tables(cells)]  # type: ignore[arg-type]  # no page needed
    return [(t.bbox, [list(row.cells) for row in t.rows]) for t in tables]
