"""The pages of a DOCX from a PDF of it (the circulated one, or LibreOffice's
layout): the DOCX's texts aligned in order to the PDF's text.

The alignment is monotonic: each text is looked for after the one before it,
so a text printed on several pages ("Kommunen samverkar med polisen." at the
top of every page) takes its next occurrence. The PDF's running headers and
footers are left out of the text matched, except a line the DOCX's own text
holds as often as the PDF prints it (then it is body text that merely stands
at the top of each page). A text not found lies between the texts found
before and after it: on their page when they share one; otherwise its page is
not known, which the report says and the program records (`source.unsure`),
so that an amendment citing one of those pages is refused rather than guessed.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate

from ..messages import Msg, msg
from ..model import Meta, Program, Section, Unsure
from ..text import fold
from ..tree import iter_units
from .common import Item, Report, UnreadableDocument, excerpt
from .pagediff import printed_words, report_differences
from .pageruns import running_over
from .pdfpages import Line, NumberingRestarts, PageContent, _drop_running_lines, _lines
from .rowpages import rows_placed
from .unsure import name

_PREFIX, _SUFFIX = 40, 20
_SHORT = 12  # a text shorter than this (squashed) may stand inside another one


def squash(text: str) -> str:
    return "".join(fold(text)[0].split())


@dataclass(frozen=True)
class Stream:
    """The PDF's text as one string without spaces, and where each page starts in it."""

    text: str
    starts: list[int]
    printed: list[int]
    words: tuple[tuple[int, str], ...] = ()  # (where in text, the word as printed), where they squash to the text

    def page_at(self, pos: int) -> int:
        return self.printed[bisect_right(self.starts, pos) - 1]

    def next_start(self, spans: list[tuple[int, int] | None], k: int) -> int:
        """Where the next text found after the k-th of `spans` starts (the stream's end where none is)."""
        return next((sp[0] for sp in spans[k + 1:] if sp is not None), len(self.text))


def locate_pages(pdf_bytes: bytes, flow: list[Item], report: Report, layout: Msg | str | None = None) -> list[Item]:
    """Give each item of a DOCX's flow the page its text starts on in a PDF of
    it (`layout` names that PDF for the report)."""
    layout = layout or msg("importers.where.the_pdf")
    texts = [squash(it.text or first_text(it.block)) for it in flow]
    stream = _stream(pdf_bytes, texts, report, layout)
    spans = _spans(texts, stream)
    found = [stream.page_at(sp[0]) if sp else None for sp in spans]
    if any(texts) and not any(page is not None for page in found):
        raise UnreadableDocument(msg("importers.pages_from_unrelated"), source=layout)
    runs = running_over(flow, texts, spans, stream)
    report.unsure.extend(mark for _, mark in runs)
    _report_runs(flow, spans, stream, sorted({i for i, _ in runs}), report)
    if report.pages_source == "pages_from":  # the circulated PDF, not LibreOffice's layout
        report_differences(flow, texts, spans, stream, report, layout)
    placed = _place(flow, found, report, layout, stream.printed[-1] if stream.printed else 1)
    return rows_placed(placed, spans, stream, report, layout)


def _report_runs(flow: list[Item], spans: list[tuple[int, int] | None], stream: Stream, running: list[int],
                 report: Report) -> None:
    """A check line for each paragraph a page end falls in (`running`: their indexes in `flow`), on
    the page it starts on, as the PDF import gives it (review 9 #14); not twice where the DOCX's
    own page breaks said so already."""
    said = {(e.what, e.where) for e in report.entries if e.kind == "check"}
    for i in running:
        span = spans[i]
        assert span is not None  # (a page start is found only inside a paragraph matched whole)
        entry = (msg("importers.what.split_paragraph"),
                 msg("importers.where.page_text", page=stream.page_at(span[0]), text=excerpt(flow[i].text, 30)))
        if entry not in said:
            report.caveat(*entry)
            said.add(entry)


def _stream(pdf_bytes: bytes, texts: list[str], report: Report, layout: Msg | str) -> Stream:
    import pypdfium2 as pdfium

    from .pdftext import pages

    try:
        doc = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(msg("importers.pdf.not_readable", detail=str(exc)), source=layout) from None
    try:
        raws = list(pages(doc, words_only=True))
    finally:
        doc.close()
    content = [PageContent(raw.index, raw.height, raw.width, _lines(raw.words, raw.index)) for raw in raws]
    every = [list(p.lines) for p in content]
    try:
        _drop_running_lines(content, report)  # the page numbers printed on it, and no running text to match
    except NumberingRestarts as restarts:
        from .pdf import _parts

        raise UnreadableDocument(msg("importers.pages_from_parts", layout=layout, parts=_parts(restarts)),
                                 source=layout) from None
    kept = {id(w) for p in content for line in p.lines for w in line.words}
    kept |= _body_lines(every, content, texts)
    # the words in the order the PDF holds them, which is the reading order of columns too
    page_texts = [squash(" ".join(w.text for w in raw.words if id(w) in kept)) for raw in raws]
    text = "".join(page_texts)
    return Stream(text, _page_starts(page_texts), [p.printed for p in content], printed_words(raws, kept, text))


def _page_starts(page_texts: list[str]) -> list[int]:
    """Where each page's text starts in the pages' texts joined."""
    return [0, *accumulate(len(t) for t in page_texts[:-1])] if page_texts else []


def _body_lines(every: list[list[Line]], content: list[PageContent], texts: list[str]) -> set[int]:
    """The words of lines dropped as running ones that are the DOCX's own text: the DOCX
    holds the line's text at least as often as the PDF prints it (a short one, such as a
    heading 'Kapitel 3' at the top of a page, as a whole text of its own)."""
    dropped = [line for lines, p in zip(every, content) for line in lines
               if not any(line is kept for kept in p.lines)]
    printed = Counter(squash(line.text) for line in dropped)
    body = {t for t, n in printed.items()
            if (sum(x.count(t) for x in texts) if len(t) >= _SHORT else texts.count(t)) >= n}
    return {id(w) for line in dropped if squash(line.text) in body for w in line.words}


def _align(texts: list[str], stream: Stream) -> list[int | None]:
    return [stream.page_at(sp[0]) if sp else None for sp in _spans(texts, stream)]


def _spans(texts: list[str], stream: Stream) -> list[tuple[int, int] | None]:
    """Where each text is in the stream, or None where it is not found after the text before it.

    Texts long enough to be told apart are matched first, each after the one before;
    a short one ('Mål', 'Ja.') is then looked for only between the matches around
    it: one the PDF does not hold must not be taken from some later page, where it
    is part of another text, and pull every text after it there."""
    spans: list[tuple[int, int] | None] = [None] * len(texts)
    cursor = 0
    for k, text in enumerate(texts):
        if len(text) >= _SHORT:
            found = spans[k] = _find(stream.text, text, cursor, len(stream.text))
            cursor = found[1] if found else cursor
    cursor = 0
    for k, text in enumerate(texts):
        if text and len(text) < _SHORT:
            spans[k] = _find(stream.text, text, cursor, stream.next_start(spans, k))
        found = spans[k]
        cursor = found[1] if found else cursor
    return spans


def _find(stream: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `text` starts in stream[start:end] and where the next text may start (after its end)."""
    pos = stream.find(text[:_PREFIX], start, end)
    if pos < 0:
        return None
    if stream.startswith(text, pos):
        return pos, pos + len(text)  # all of it as the PDF prints it (repeated wording cannot mislead the end)
    after = pos + min(len(text), _PREFIX)
    if len(text) > _PREFIX:  # its end too, so that the next text is looked for after it
        tail = stream.find(text[-_SUFFIX:], after, after + len(text) + 200)
        after = tail + _SUFFIX if tail >= 0 else after
    return pos, after


def _place(flow: list[Item], found: list[int | None], report: Report, layout: Msg | str, last: int) -> list[Item]:
    """Each item on its page; one not found between the pages of the found ones around it, and
    one after the last text found on that page or a later one (the PDF may end before the DOCX)."""
    out: list[Item] = []
    before = 1
    for k, (it, page) in enumerate(zip(flow, found)):
        text = it.text or first_text(it.block)
        if page is None and text.strip():
            later = next((p for p in found[k + 1:] if p is not None), None)  # None: past the last text found
            after = later if later is not None else max(last, before + 1)
            page = _unplaced(it, text, (before, after, None if later is not None else last), report, layout)
        page = before if page is None else page
        out.append(replace(it, page=page))
        before = page
    return out


def _unplaced(it: Item, text: str, pages: tuple[int, int, int | None], report: Report, layout: Msg | str) -> int:
    """The page of a text not found: the page before it, reported as not sure (`pages`: the page of the
    text found before it, of the one found after it, and the PDF's last page when none is found after it)."""
    before, after, end = pages
    where = msg("importers.where.page_text", page=before, text=excerpt(text, 30))
    if after <= before:
        report.caveat(msg("importers.what.not_located", layout=layout), where)
        return before
    report.caveat(_not_placed(layout, before, after, end), where)
    report.unsure.append(Unsure("page", name(text), before, after))
    return before


def _not_placed(layout: Msg | str, first: int, last: int, end: int | None) -> Msg:
    """Where a text not found may be: after the PDF's last text found (the PDF may end before the DOCX),
    on one of two pages, or on one of several."""
    if end is not None:
        return msg("importers.pages.not_placed_end", layout=layout, first=first, end=end,
                   pages=msg("importers.where.pages", first=first, last=last))
    if last == first + 1:
        return msg("importers.pages.not_placed", layout=layout, first=first, last=last)
    return msg("importers.pages.not_placed_among", layout=layout, first=first, last=last)


def first_text(block) -> str:
    return next(iter(block_texts(block)), "") if block is not None else ""


def block_texts(block) -> list[str]:
    """The texts of a table or column layout, in the program's order."""
    program = Program(Meta("x", "x", "x"), (Section("x", 1, 1, (block,)),))
    return [u.text for u in iter_units(program)]
