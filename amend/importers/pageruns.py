"""Paragraphs that run over a page end, found where a DOCX's texts were matched to a PDF of
it (amend.importers.pagealign): the program records each paragraph on the page it starts on,
so the import marks where the next page begins inside it (`source.unsure` kind "runs": the
text printed first on `page`), and amend.resolve.unsure counts the words printed on that page
there too."""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..model import Unsure
from ..text import fold
from .unsure import EXCERPT

if TYPE_CHECKING:
    from .common import Item
    from .pagealign import Stream

_CHECK = 20  # the characters after a page start that must read the same in the DOCX text and the PDF


def running_over(flow: list[Item], texts: list[str], spans: list[tuple[int, int] | None],
                 stream: Stream) -> list[tuple[int, Unsure]]:
    """A mark for each page start inside a paragraph or list item matched whole (its end found),
    with the index in `flow` of the paragraph or item."""
    out, every = [], _every(texts)
    for i, (it, text, span) in enumerate(zip(flow, texts, spans)):
        if span is None or it.kind not in ("paragraph", "item") or not it.text:
            continue
        lo, hi = span
        for k in range(bisect_right(stream.starts, lo), bisect_right(stream.starts, hi - 1)):  # lo < start < hi
            start = stream.starts[k]
            if _reads_same(text, start - lo, stream.text, start):
                rest = _unique(it.text[_original(it.text, start - lo):], every)
                out.append((i, Unsure("runs", rest, stream.printed[k])))
    return out


def _every(texts: list[str]) -> str:
    """The document's texts as one string to count in, parted by a character no squashed text holds."""
    return "\x00".join(texts)


def _unique(rest: str, every: str) -> str:
    """The start of `rest` that names it: long enough that no other place of the document's texts
    (`every`, see _every) holds it."""
    from .pagealign import squash  # texts are matched so

    words = " ".join(rest.split())
    n = EXCERPT
    while n < len(words) and every.count(squash(words[:n])) > 1:
        n += EXCERPT // 2
    return words[:n].rstrip()


def rests_printed(rests: list[Item], flow: list[Item]) -> list[Unsure]:
    """A mark for each paragraph's part read on the page after the one it starts on (a PDF's
    paragraph joined over a page end): its words printed first on that page."""
    from .pagealign import squash

    every = _every([squash(it.text) for it in flow])
    return [Unsure("runs", _unique(it.text, every), it.page) for it in rests]


def _reads_same(text: str, at: int, stream: str, start: int) -> bool:
    """The DOCX text at `at` is what the PDF prints from its page start (the words before it were alike)."""
    return 0 < at < len(text) and text[at:at + _CHECK] == stream[start:start + _CHECK]


def _original(text: str, at: int) -> int:
    """The index in `text` of the `at`-th character that is not white space, as pagealign.squash counts."""
    folded, index = fold(text)
    solid = [i for i, c in enumerate(folded) if not c.isspace()]
    return index[solid[at]]
