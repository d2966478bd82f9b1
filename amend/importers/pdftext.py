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

import ctypes
import math
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..messages import msg
from .common import _CONTROLS, UnreadableDocument

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"}
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "extrabold")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool

    @cached_property
    def style(self) -> tuple:
        return (round(self.size * 2) / 2, self.bold, self.italic)


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
            words, rotated = _plain_words(textpage, height, c), 0
        else:
            words, rotated = _words(textpage, height, c, page if page.get_rotation() else None, width)
    finally:
        textpage.close()
    images, edges = 0, []
    if words_only:
        return RawPage(index, width, height, words, [], 0, rotated)
    for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:
            continue
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        if obj.type == c.FPDF_PAGEOBJ_IMAGE:
            if x1 - x0 > 8 and y1 - y0 > 8:
                images += 1
            continue
        edges.extend(_edges(obj, x0, x1, y0, y1, c))
    return RawPage(index, width, height, words, _tables(edges), images, rotated)


def _words(textpage, height: float, c, turned=None, width: float = 0.0) -> tuple[list[Word], int]:
    """`turned`: the page when it is shown turned (/Rotate): its text is drawn
    turned the other way, and its boxes are mapped to the page as shown."""
    raw = textpage.raw
    upright = math.radians((360 - turned.get_rotation()) % 360) if turned is not None else 0.0
    dx, dy = ctypes.c_int(), ctypes.c_int()

    def shown(x, y):  # page space → the page as shown, top-left origin, in tenths of a point
        c.FPDF_PageToDevice(turned.raw, 0, 0, int(width * 10), int(height * 10), 0, x, y, dx, dy)
        return dx.value / 10, dy.value / 10
    n = c.FPDFText_CountChars(raw)
    rect = c.FS_RECTF()
    matrix = c.FS_MATRIX()
    last_obj: int | None = None
    nominal, style = 0.0, (False, False)
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fonts: dict[bytes, tuple[bool, bool]] = {}
    words: list[Word] = []
    cur: list | None = None  # [chars, x0, x1, top, bottom, size, bold, italic]
    rotated = 0

    def close():
        nonlocal cur
        if cur is not None:
            text = "".join(cur[0]).translate(_CONTROLS)
            if text.strip():
                words.append(Word(text, cur[1], cur[2], cur[3], cur[4], cur[5], cur[6], cur[7]))
        cur = None

    for k in range(n):
        code = c.FPDFText_GetUnicode(raw, k)
        if code in (0x20, 0x0D, 0x0A, 0x09, 0xA0, 0x3000, 0) or 0x2000 <= code <= 0x200A:
            close()
            continue
        ch = "-" if code == 0x02 else chr(code) if code < 0x110000 else "\ufffd"  # 0x02: PDFium's line-end hyphen
        if not c.FPDFText_GetLooseCharBox(raw, k, rect):
            continue
        if turned is None:
            x0, x1, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
        else:
            (ax, ay), (bx, by) = shown(rect.left, rect.top), shown(rect.right, rect.bottom)
            x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        angle = c.FPDFText_GetCharAngle(raw, k)
        if min(abs(angle - upright), 2 * math.pi - abs(angle - upright)) > 0.01:
            rotated += 1
            close()
            continue
        obj = ctypes.cast(c.FPDFText_GetTextObject(raw, k), ctypes.c_void_p).value
        if obj is None or obj != last_obj:  # the letters of one text object share its font, size and matrix
            nominal, style = _font_of(c, raw, k, matrix, buf, flags, fonts)
            last_obj = obj
        size = nominal
        if size <= 1.5 or size > 4 * (bottom - top) + 1 or turned is not None:  # an unscaled size: the box tells
            size = (bottom - top) / 1.15
        text = LIGATURES.get(ch, ch)
        if cur is not None:
            gap = x0 - cur[2]
            same_line = abs(top - cur[3]) < 0.5 * max(size, 1) and abs(bottom - cur[4]) < 0.6 * max(size, 1)
            restyled = (round(size * 2), *style) != (round(cur[5] * 2), cur[6], cur[7])
            if not same_line or gap > 0.25 * size or x1 <= cur[1] + 0.5 or (restyled and (
                    gap > 0.12 * size or (ch.isdigit() and size < 0.8 * cur[5]))):  # a note mark: a word of its own
                close()
        if cur is None:
            cur = [[text], x0, x1, top, bottom, size, style[0], style[1]]
        else:
            if size > cur[5]:  # a word set in two styles without a space ('H' in small caps + 'aparandas')
                cur[5:8] = [size, style[0], style[1]]
            cur[0].append(text)
            cur[2] = max(cur[2], x1)
            cur[3], cur[4] = min(cur[3], top), max(cur[4], bottom)
    close()
    return words, rotated


def _plain_words(textpage, height: float, c) -> list[Word]:
    """The words of an upright page with their boxes only (no fonts, no angles): all that
    matching a DOCX's text to the pages of a PDF of it needs, at a fraction of the calls."""
    raw = textpage.raw
    rect = c.FS_RECTF()
    words: list[Word] = []
    cur: list | None = None  # [chars, x0, x1, top, bottom, size]
    for k in range(c.FPDFText_CountChars(raw)):
        code = c.FPDFText_GetUnicode(raw, k)
        ch = "-" if code == 0x02 else chr(code) if code < 0x110000 else "\ufffd"  # 0x02: a line-end hyphen
        if ch in _SPACES or not c.FPDFText_GetLooseCharBox(raw, k, rect):
            _close_plain(cur, words)
            cur = None
            continue
        x0, x1, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
        size = c.FPDFText_GetFontSize(raw, k)
        if size <= 1.5 or size > 4 * (bottom - top) + 1:  # type set at size 1 and scaled: the box tells
            size = (bottom - top) / 1.15
        if cur is not None and (abs(top - cur[3]) > 0.5 * size or x0 - cur[2] > 0.25 * size or x1 <= cur[1] + 0.5):
            _close_plain(cur, words)
            cur = None
        if cur is None:
            cur = [[LIGATURES.get(ch, ch)], x0, x1, top, bottom, size]
        else:
            cur[0].append(LIGATURES.get(ch, ch))
            cur[2], cur[3], cur[4], cur[5] = max(cur[2], x1), min(cur[3], top), max(cur[4], bottom), max(cur[5], size)
    _close_plain(cur, words)
    return words


_SPACES = {" ", "\r", "\n", "\t", "\xa0", "\u3000", "\x00"} | {chr(c) for c in range(0x2000, 0x200B)}


def _close_plain(cur: list | None, words: list[Word]) -> None:
    if cur is not None:
        text = "".join(cur[0]).translate(_CONTROLS)
        if text.strip():
            words.append(Word(text, cur[1], cur[2], cur[3], cur[4], cur[5], False, False))


def _font_of(c, raw, k: int, matrix, buf, flags, fonts: dict) -> tuple[float, tuple[bool, bool]]:
    """The size of character k as seen (font size times the vertical scale of its matrix:
    type set at size 1 and scaled, as Acrobat writes it, is the size it looks) and its
    (bold, italic), by font name, weight and flags."""
    size = c.FPDFText_GetFontSize(raw, k)
    if c.FPDFText_GetMatrix(raw, k, matrix):
        size *= math.hypot(matrix.c, matrix.d)  # the vertical scale: a condensed font keeps its size
    length = c.FPDFText_GetFontInfo(raw, k, buf, 256, ctypes.byref(flags))
    key = buf.raw[:max(0, min(length, 256) - 1)]
    style = fonts.get(key)
    if style is None:
        name = key.decode("latin-1").split("+")[-1].lower()
        weight = c.FPDFText_GetFontWeight(raw, k)
        bold = any(b in name for b in _BOLD_NAMES) or weight >= 600 or bool(flags.value & (1 << 18))
        style = fonts[key] = (bold, "italic" in name or "oblique" in name or bool(flags.value & (1 << 6)))
    return size, style


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
    out = []
    for group in pt.cells_to_tables(cells):
        t = pt.Table(None, group)  # type: ignore[arg-type]  # the page is not needed for bbox and rows
        out.append((t.bbox, [list(row.cells) for row in t.rows]))
    return out
