"""Were a DOCX's fonts on this machine when LibreOffice laid out its pages?

Municipal Word files are set in Calibri, Arial, Times New Roman or Cambria. Where
neither the font nor a metric-compatible twin (Carlito, Liberation, Caladea: the
same widths) is installed, LibreOffice sets the text in a fallback font, usually
wider, and page breaks move: a heading printed on page 6 is laid out on page 7.
The fonts LibreOffice really used are the ones its PDF embeds; a fallback among
them, with a font the document names missing, is said in the report.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# A font and its metric-compatible twin: the same advance widths, so the same line and page breaks.
TWINS = {"calibri": "carlito", "cambria": "caladea", "arial": "liberationsans", "helvetica": "liberationsans",
         "timesnewroman": "liberationserif", "times": "liberationserif", "couriernew": "liberationmono",
         "courier": "liberationmono"}
# Fonts LibreOffice takes for bullets and symbols whatever the text's font is.
SYMBOLS = {"opensymbol", "symbol", "wingdings", "symbolmt"}

_ASCII = re.compile(rb'<w:rFonts\b[^>]*\bw:ascii="([^"]+)"')
_THEMED = re.compile(rb'w:asciiTheme="(major|minor)')
_THEME_LATIN = re.compile(rb'<a:(major|minor)Font>\s*<a:latin typeface="([^"]*)"')
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9#_-]+)")


def declared_fonts(parts: Mapping[str, bytes]) -> set[str]:
    """The fonts the document's styles and text name, its theme's where they refer to it."""
    xml = [parts.get(name, b"") for name in ("word/styles.xml", "word/document.xml")]
    fonts = {m.decode("utf-8", "replace") for blob in xml for m in _ASCII.findall(blob)}
    themed = {m.decode() for blob in xml for m in _THEMED.findall(blob)}
    return fonts | _theme_fonts(parts.get("word/theme/theme1.xml", b""), themed)


def _theme_fonts(theme: bytes, themed: set[str]) -> set[str]:
    """The theme's latin typefaces of the kinds (major, minor) the document refers to."""
    return {face.decode("utf-8", "replace") for kind, face in _THEME_LATIN.findall(theme)
            if kind.decode() in themed and face}


def laid_fonts(pdf: bytes) -> set[str]:
    """The fonts a PDF embeds or names, without their subset prefix ("BAAAAA+Carlito" → "Carlito")."""
    return {m.decode("latin-1").replace("#20", " ") for m in _BASE_FONT.findall(pdf)}


def _key(name: str) -> str:
    """A font's name to compare by prefix: "Times New Roman" and "TimesNewRomanPS-BoldMT" both "timesnewroman…"."""
    return re.sub(r"[\s_,-]", "", name).lower()


def installed_families() -> set[str] | None:
    """The font families fontconfig knows here (every name of each), or None without fc-list."""
    import subprocess

    try:
        done = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")} or None


def missing_fonts(declared: Iterable[str], laid: Iterable[str],
                  installed: Iterable[str] | None = None) -> tuple[list[str], list[str]]:
    """(the document's fonts that are not here, the fallbacks LibreOffice laid instead): both
    empty when every font laid is one the document names, its twin, or a symbol font. A font
    counts as here when it or its twin is `installed` (else: when the PDF holds it)."""
    declared = sorted(set(declared))
    laid_keys = {_key(f): f for f in laid}
    known = {_key(d) for d in declared} | {TWINS.get(_key(d), "") for d in declared} | SYMBOLS
    fallbacks = sorted(f for k, f in laid_keys.items() if not any(k.startswith(n) for n in known if n))
    if not fallbacks:
        return [], []
    here = {_key(f) for f in installed} if installed is not None else set(laid_keys)
    absent = [d for d in declared if not any(k.startswith(_key(d)) or k.startswith(TWINS.get(_key(d), "\0"))
                                             for k in here)]
    return absent, fallbacks
