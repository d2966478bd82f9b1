"""Paragraphs a PDF prints in other words than the DOCX whose pages it gives (`--pages-from`):
the council decided on the PDF, so each one matched with different words is reported (a
`check:` line naming the paragraph and the words that differ), not passed over as found."""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..messages import Msg, msg
from .common import excerpt

if TYPE_CHECKING:
    from .common import Item, Report
    from .pagealign import Stream

_SHOWN = 3  # the differences a line names
_WORDS = 8  # the words of one difference shown
_GLUE = 2


def report_differences(flow: list[Item], texts: list[str], spans: list[tuple[int, int] | None], stream: Stream,
                       report: Report, layout: Msg | str) -> None:
    """A check line for each paragraph or item found in the PDF whose words there differ from the DOCX's: its
    PDF text runs from where it was found to where the next text found starts."""
    for k, (it, text, span) in enumerate(zip(flow, texts, spans)):
        if span is None or it.kind == "block" or not it.text or stream.text.startswith(text, span[0]):
            continue
        end = stream.next_start(spans, k)
        pairs = _differing(it.text.split(), [w for at, w in stream.words if span[0] <= at < end])
        if pairs:
            where = msg("importers.where.page_text", page=stream.page_at(span[0]), text=excerpt(it.text, 30))
            report.caveat(msg("importers.pages.reads_otherwise", layout=layout, pairs=_shown_pairs(pairs)), where)


def _shown_pairs(pairs: list[Msg]) -> list[Msg]:
    """The first _SHOWN differences, and how many more there are."""
    more = [msg("importers.what.more_differences", n=len(pairs) - _SHOWN)] if len(pairs) > _SHOWN else []
    return pairs[:_SHOWN] + more


def _differing(docx: list[str], pdf: list[str]) -> list[Msg]:
    """Each place the PDF's words differ from the DOCX's (a word broken at a line end aside)."""
    from .pagealign import squash

    a, b = [squash(w) for w in docx], [squash(w) for w in pdf]
    return [_pair(" ".join(docx[i1:i2]), " ".join(pdf[j1:j2])) for i1, i2, j1, j2 in _changes(a, b)
            if _dehyphened(a[i1:i2]) != _dehyphened(b[j1:j2])]


def _changes(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The word ranges that differ, two kept apart only by more than _GLUE alike words (a sentence replaced
    by another is one change, not many joined at their 'i' and 'och')."""
    out: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if out and i1 - out[-1][1] <= _GLUE:
            i1, j1 = out.pop()[::2]
        out.append((i1, i2, j1, j2))
    return out


def _dehyphened(words: list[str]) -> str:
    return "".join(words).replace("-", "").replace("\u00ad", "")


def _pair(docx: str, pdf: str) -> Msg:
    docx, pdf = (" ".join(t.split()[:_WORDS]) + (" …" if len(t.split()) > _WORDS else "") for t in (docx, pdf))
    if not docx:
        return msg("importers.what.pdf_adds", pdf=pdf)
    if not pdf:
        return msg("importers.what.pdf_lacks", docx=docx)
    return msg("importers.what.pdf_reads", pdf=pdf, docx=docx)


def printed_words(raws: list, kept: set[int], text: str) -> tuple[tuple[int, str], ...]:
    """(where in the stream's `text`, the word) of each word kept, or none where the words do not squash to it."""
    from .pagealign import squash

    out, at = [], 0
    for w in (w for raw in raws for w in raw.words if id(w) in kept):
        out.append((at, w.text))
        at += len(squash(w.text))
    return tuple(out) if at == len(text) and "".join(squash(w) for _, w in out) == text else ()
