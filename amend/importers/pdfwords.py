"""A PDF page's words with box, size and weight, read from PDFium's text page in bulk.

PDFium's text API answers one question about one character per call, and through ctypes a
call costs more than the work done with its answer. So the page's text is read in one call
(FPDFText_GetText); a letter's font, size, weight and angle once per text object (the letters
of one text object share its font and matrix); and the two calls left per letter (its box and
its text object) go through prototypes that take and return plain addresses, so no pointer
object is made per letter.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from functools import cached_property

from .shown import _CONTROLS

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"}
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "extrabold")
# what ends a word: spaces (also the ones PDFium generates between words and lines) and NUL
_SPACES = frozenset({" ", "\r", "\n", "\t", "\xa0", "\u3000", "\x00"} | {chr(c) for c in range(0x2000, 0x200B)})
_SURROGATES = re.compile("[\ud800-\udfff]")
_HYPHEN, _HYPHEN_IN_TEXT = 0x02, "\ufffe"  # PDFium's mark of a line-end hyphen, and how GetText writes it


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


def _char(code: int) -> str:
    return "-" if code == _HYPHEN else chr(code) if code < 0x110000 else "\ufffd"


def _proto(function, restype, *argtypes):
    """`function` (a pypdfium2 binding) called with and returning plain addresses."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None  # a bound function of the loaded library
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


class _Page:
    """One text page's letters by index: text, box (top-left origin) and the text object."""

    def __init__(self, textpage, height: float, c) -> None:
        self.raw, self.height, self.c = textpage.raw, height, c
        self.address = ctypes.cast(self.raw, ctypes.c_void_p).value
        self.rect = c.FS_RECTF()
        self._rect_at = ctypes.addressof(self.rect)
        self._box = _proto(c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                           ctypes.c_void_p)
        self._object = _proto(c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        self._size = _proto(c.FPDFText_GetFontSize, ctypes.c_double, ctypes.c_void_p, ctypes.c_int)
        self.text = self._text()

    def _text(self) -> str:
        """Every letter's text, one per index, in one call; a page GetText cannot give one per
        index (a letter beyond U+FFFF) is read letter by letter."""
        c, n = self.c, self.c.FPDFText_CountChars(self.raw)
        buf = ctypes.create_string_buffer(2 * max(n, 0) + 2)
        got = c.FPDFText_GetText(self.raw, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[:2 * max(got - 1, 0)].decode("utf-16-le", "surrogatepass")
        if len(text) != n or _SURROGATES.search(text):
            return "".join(_char(c.FPDFText_GetUnicode(self.raw, k)) for k in range(n))
        if _HYPHEN_IN_TEXT in text:  # GetText writes the hyphen mark as U+FFFE: which are marks, which text
            text = "".join(_char(c.FPDFText_GetUnicode(self.raw, k)) if ch == _HYPHEN_IN_TEXT else ch
                           for k, ch in enumerate(text))
        return text

    def box(self, k: int) -> tuple[float, float, float, float] | None:
        """(x0, x1, top, bottom) of letter k, None where PDFium has no box for it."""
        if not self._box(self.address, k, self._rect_at):
            return None
        r = self.rect
        return r.left, r.right, self.height - r.top, self.height - r.bottom

    def text_object(self, k: int) -> int | None:
        return self._object(self.address, k)

    def size(self, k: int) -> float:
        """Letter k's font size, unscaled."""
        return self._size(self.address, k)


class _TurnedPage(_Page):
    """A page shown turned (/Rotate): its text is drawn turned the other way, and its boxes
    are mapped to the page as shown."""

    def __init__(self, textpage, height: float, c, page, width: float) -> None:
        super().__init__(textpage, height, c)
        self.page, self.width = page, width
        self.dx, self.dy = ctypes.c_int(), ctypes.c_int()

    def _shown(self, x: float, y: float) -> tuple[float, float]:
        """Page space → the page as shown, top-left origin, in tenths of a point."""
        self.c.FPDF_PageToDevice(self.page.raw, 0, 0, int(self.width * 10), int(self.height * 10), 0, x, y,
                                 self.dx, self.dy)
        return self.dx.value / 10, self.dy.value / 10

    def box(self, k: int) -> tuple[float, float, float, float] | None:
        if not self._box(self.address, k, self._rect_at):
            return None
        r = self.rect
        (ax, ay), (bx, by) = self._shown(r.left, r.top), self._shown(r.right, r.bottom)
        return min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)


class _Fonts:
    """A letter's size as seen, (bold, italic) and whether it is upright, read once per text object."""

    def __init__(self, page: _Page, upright: float) -> None:
        self.page, self.upright = page, upright
        self.matrix, self.buf, self.flags = page.c.FS_MATRIX(), ctypes.create_string_buffer(256), ctypes.c_int()
        self.styles: dict[bytes, tuple[bool, bool]] = {}
        self.last: int | None = None
        self.font: tuple[float, bool, bool, bool] = (0.0, False, False, True)

    def of(self, k: int) -> tuple[float, bool, bool, bool]:
        """(nominal size, bold, italic, upright) of letter k."""
        obj = self.page.text_object(k)
        if obj is None or obj != self.last:
            self.font, self.last = self._read(k), obj
        return self.font

    def _read(self, k: int) -> tuple[float, bool, bool, bool]:
        c, raw = self.page.c, self.page.raw
        angle = c.FPDFText_GetCharAngle(raw, k)
        upright = min(abs(angle - self.upright), 2 * math.pi - abs(angle - self.upright)) <= 0.01
        size = c.FPDFText_GetFontSize(raw, k)
        if c.FPDFText_GetMatrix(raw, k, self.matrix):
            size *= math.hypot(self.matrix.c, self.matrix.d)  # the vertical scale: a condensed font keeps its size
        return (size, *self._style(k), upright)

    def _style(self, k: int) -> tuple[bool, bool]:
        """(bold, italic) of letter k's font, by its name, weight and flags."""
        c, raw = self.page.c, self.page.raw
        length = c.FPDFText_GetFontInfo(raw, k, self.buf, 256, ctypes.byref(self.flags))
        key = self.buf.raw[:max(0, min(length, 256) - 1)]
        style = self.styles.get(key)
        if style is None:
            name, flags = key.decode("latin-1").split("+")[-1].lower(), self.flags.value
            bold = any(b in name for b in _BOLD_NAMES) or c.FPDFText_GetFontWeight(raw, k) >= 600 or \
                bool(flags & (1 << 18))
            style = self.styles[key] = (bold, "italic" in name or "oblique" in name or bool(flags & (1 << 6)))
        return style


class _Builder:
    """Letters into words: a word ends at a space, a gap, a new line, a step back, and a change of
    style with a gap (or a smaller digit after it: a note mark is a word of its own)."""

    def __init__(self) -> None:
        self.words: list[Word] = []
        self.cur: list | None = None  # [letters, x0, x1, top, bottom, size, bold, italic]

    def close(self) -> None:
        cur, self.cur = self.cur, None
        if cur is not None:
            text = "".join(cur[0]).translate(_CONTROLS)
            if text.strip():
                self.words.append(Word(text, cur[1], cur[2], cur[3], cur[4], cur[5], cur[6], cur[7]))

    def add(self, ch: str, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool,
            italic: bool) -> None:
        cur = self.cur
        if cur is not None and self._breaks(cur, ch, x0, x1, top, bottom, size, bold, italic):
            self.close()
            cur = None
        letter = LIGATURES.get(ch, ch)
        if cur is None:
            self.cur = [[letter], x0, x1, top, bottom, size, bold, italic]
            return
        if size > cur[5]:  # a word set in two styles without a space ('H' in small caps + 'aparandas')
            cur[5:8] = [size, bold, italic]
        cur[0].append(letter)
        if x1 > cur[2]:  # (a letter per call: comparisons, not max/min, on the path every letter takes)
            cur[2] = x1
        if top < cur[3]:
            cur[3] = top
        if bottom > cur[4]:
            cur[4] = bottom

    @staticmethod
    def _breaks(cur: list, ch: str, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool,
                italic: bool) -> bool:
        gap, scale = x0 - cur[2], size if size > 1 else 1
        if abs(top - cur[3]) >= 0.5 * scale or abs(bottom - cur[4]) >= 0.6 * scale or gap > 0.25 * size \
                or x1 <= cur[1] + 0.5:
            return True
        if size == cur[5] and bold == cur[6] and italic == cur[7]:
            return False
        restyled = (round(size * 2), bold, italic) != (round(cur[5] * 2), cur[6], cur[7])
        return restyled and (gap > 0.12 * size or (ch.isdigit() and size < 0.8 * cur[5]))


def words(textpage, height: float, c, turned=None, width: float = 0.0) -> tuple[list[Word], int]:
    """The words of a page and how many of its letters are not upright (`turned`: the page, when
    it is shown turned)."""
    page = _Page(textpage, height, c) if turned is None else _TurnedPage(textpage, height, c, turned, width)
    fonts = _Fonts(page, math.radians((360 - turned.get_rotation()) % 360) if turned is not None else 0.0)
    out, rotated = _Builder(), 0
    for k, ch in enumerate(page.text):
        if ch in _SPACES:
            out.close()
        elif (box := page.box(k)) is not None:
            rotated += _add_letter(out, fonts.of(k), ch, box, turned is not None)
    out.close()
    return out.words, rotated


def _add_letter(out: _Builder, font: tuple[float, bool, bool, bool], ch: str, box: tuple, turned: bool) -> int:
    """A letter into the words; 1 where it is not upright (it is left out, and ends the word)."""
    nominal, bold, italic, upright = font
    if not upright:
        out.close()
        return 1
    x0, x1, top, bottom = box
    if nominal <= 1.5 or nominal > 4 * (bottom - top) + 1 or turned:  # an unscaled size: the box tells
        nominal = (bottom - top) / 1.15
    out.add(ch, x0, x1, top, bottom, nominal, bold, italic)
    return 0


def plain_words(textpage, height: float, c) -> list[Word]:
    """The words of an upright page with their boxes only (no fonts, no angles): all that
    matching a DOCX's text to the pages of a PDF of it needs, at a fraction of the calls."""
    page = _Page(textpage, height, c)
    words: list[Word] = []
    cur: list | None = None  # [letters, x0, x1, top, bottom, size]
    for k, ch in enumerate(page.text):
        box = None if ch in _SPACES else page.box(k)
        cur = _plain_letter(cur, words, ch, box, page.size(k) if box is not None else 0.0)
    _close_plain(cur, words)
    return words


def _plain_letter(cur: list | None, words: list[Word], ch: str, box: tuple | None, size: float) -> list | None:
    """The word being read once letter `ch` (at `box`, None for a space) is added to it."""
    if box is None:
        _close_plain(cur, words)
        return None
    x0, x1, top, bottom = box
    if size <= 1.5 or size > 4 * (bottom - top) + 1:  # type set at size 1 and scaled: the box tells
        size = (bottom - top) / 1.15
    if cur is not None and (abs(top - cur[3]) > 0.5 * size or x0 - cur[2] > 0.25 * size or x1 <= cur[1] + 0.5):
        _close_plain(cur, words)
        cur = None
    if cur is None:
        return [[LIGATURES.get(ch, ch)], x0, x1, top, bottom, size]
    cur[0].append(LIGATURES.get(ch, ch))
    cur[2], cur[3], cur[4], cur[5] = max(cur[2], x1), min(cur[3], top), max(cur[4], bottom), max(cur[5], size)
    return cur


def _close_plain(cur: list | None, words: list[Word]) -> None:
    if cur is not None:
        text = "".join(cur[0]).translate(_CONTROLS)
        if text.strip():
            words.append(Word(text, cur[1], cur[2], cur[3], cur[4], cur[5], False, False))
