"""Text as the document shows it, for the program and for messages."""
from __future__ import annotations

from ..text import clean

# C0/C1 control characters a YAML file cannot hold as they are; U+0085 is
# almost always a Windows-1252 '…' (0x85) that was decoded as Latin-1
_CONTROLS: dict[int, str | None] = {c: None for c in list(range(0x00, 0x09)) + [0x0b, 0x0c] + list(range(0x0e, 0x20))
             + [0x7f] + list(range(0x80, 0xa0)) + [0xfffe, 0xffff]}
_CONTROLS[0x85] = "\u2026"


def tidy(text: str) -> str:
    """Text as the document shows it, without control characters."""
    return clean(text.translate(_CONTROLS))


def excerpt(text: str, n: int = 40) -> str:
    """The start of `text` for a message (the message's template puts the quotation marks)."""
    text = clean(text)
    return f"{text[:n]}…" if len(text) > n else text
