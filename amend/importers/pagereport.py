"""The import report page by page, for the secretary who checks the import
against the printed proposal: on each page, what was found (headings,
paragraphs, lists, tables), what was guessed and how sure that is (a heading
found from its font or numbering rather than a heading style, a page number
derived rather than printed), what to check, and what was not imported
(images, text boxes, footnotes with their text, hidden text). Pages where
nothing was guessed or left out are said together; the document's notes follow.

    for m in page_messages(report, program): print(m)      # or page_data(…) for JSON
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..messages import Msg, msg
from ..model import Columns, ListBlock, Paragraph, Program, Table, last_page, section_block_pages
from .report import Entry, Joined, Report, page_of
from .shown import excerpt

# how a page's number was found, where it was not simply printed on it (or kept by the DOCX)
_HOW = {"derived", "cover", "shifted"}
_SIGNALS = ("bookmark only", "bookmark", "font+numbering", "font", "numbering", "title")


@dataclass
class Page:
    """What the report says about one page."""

    found: Counter[str] = field(default_factory=Counter)
    guessed: dict[str, list[str]] = field(default_factory=dict)  # heading signal → heading texts
    how: str = ""
    entries: list[Entry] = field(default_factory=list)

    @property
    def sure(self) -> bool:
        return not self.guessed and not self.how and not self.entries


def pages(report: Report, program: Program) -> dict[int, Page]:
    """Every page of the program (and every page the report names) with what is known of it."""
    out: dict[int, Page] = {}
    for page, kind in _found(program):
        out.setdefault(page, Page()).found[kind] += 1
    for page, text, signal in report.headings:
        if signal:
            out.setdefault(page, Page()).guessed.setdefault(signal, []).append(text)
    for page, how in report.page_how.items():
        if page in out and report.pages_source in ("", "pages_from") and how in _HOW:
            out[page].how = how
    for e in report.entries:
        page = page_of(e.where)
        out.setdefault(page if page is not None else 0, Page()).entries.append(e)
    return dict(sorted(out.items()))


def _found(program: Program):
    """(page, kind) of every heading and block, a block without a page being on the page before it."""
    kinds = ((Paragraph, "paragraph"), (ListBlock, "list"), (Table, "table"), (Columns, "columns"))
    for s in program.sections:
        yield s.page, "heading"
        for b, page in section_block_pages(s):
            kind = next((k for t, k in kinds if isinstance(b, t)), "paragraph")
            for on in range(page, last_page(b, page) + 1):  # a table is found on each page its rows are on
                yield on, kind


def page_messages(report: Report, program: Program) -> list[Msg]:
    """The report in lines: a heading line, one line per page (or run of sure pages), the notes."""
    out = [msg("importers.page.header")]
    every = _every_page(report)
    if every is not None:
        out.append(msg("importers.page.every", how=every))
    run: list[tuple[int, Page]] = []
    for number, page in pages(report, program).items():
        if number and page.sure and (not run or (run[-1][0] + 1 == number)):
            run.append((number, page))
            continue
        out.extend(_sure_run(run))
        run = [(number, page)] if number and page.sure else []
        if not page.sure or not number:
            out.append(_page_line(number, page))
    out.extend(_sure_run(run))
    return out + [msg("importers.report.note", text=n) for n in report.notes]


def _every_page(report: Report) -> Msg | None:
    """How the pages were found where that holds for every page alike."""
    if report.pages_source == "libreoffice":
        return msg("importers.how.libreoffice")
    if report.pages_source == "unpaged":
        return msg("importers.how.unpaged")
    if report.physical_pages:
        return msg("importers.how.physical")
    return None


def _sure_run(run: list[tuple[int, Page]]) -> list[Msg]:
    if not run:
        return []
    found: Counter[str] = sum((p.found for _, p in run), Counter())
    parts = _listed((_found_msg(found), msg("importers.page.all_sure")))
    if len(run) == 1:
        return [msg("importers.page.line", page=run[0][0], parts=parts)]
    return [msg("importers.page.lines", first=run[0][0], last=run[-1][0], parts=parts)]


def _page_line(number: int, page: Page) -> Msg:
    parts = [_found_msg(page.found)] if number else []
    guesses = _guesses(number, page)
    if guesses:
        parts.append(msg("importers.page.guessed", things=_listed(guesses)))
    checks = _of_kind(page, "check")
    if checks:
        parts.append(msg("importers.page.check", things=_listed(checks)))
    lost = _of_kind(page, "lost")
    if lost:
        parts.append(msg("importers.page.lost", things=_listed(lost)))
    joined = _listed(parts)
    return msg("importers.page.line", page=number, parts=joined) if number else \
        msg("importers.page.no_page", parts=joined)


def _listed(parts) -> Joined:
    """Messages one after the other, parted by semicolons."""
    return Joined(parts=tuple(parts), sep="; ")


def _guesses(number: int, page: Page) -> list[Msg]:
    """What was guessed on the page: its headings, by what told them, and how its number was found."""
    guesses = [_guess(signal, page.guessed[signal]) for signal in _SIGNALS if signal in page.guessed]
    if page.how:
        guesses.append(_how(page.how, number))
    return guesses


def _of_kind(page: Page, kind: str) -> list[Msg]:
    """The page's entries of one kind ("check", "lost"), counted by what they are."""
    return _entries([e for e in page.entries if e.kind == kind])


def _found_msg(found: Counter[str]) -> Msg:
    counts = [_count(kind, found[kind]) for kind in ("heading", "paragraph", "list", "table", "columns")
              if found[kind]]
    return msg("importers.page.found", things=counts) if counts else msg("importers.page.empty")


def _count(kind: str, n: int) -> Msg:
    return {"heading": msg("importers.count.heading", n=n), "paragraph": msg("importers.count.paragraph", n=n),
            "list": msg("importers.count.list", n=n), "table": msg("importers.count.table", n=n),
            "columns": msg("importers.count.columns", n=n)}[kind]


def _guess(signal: str, texts: list[str]) -> Msg:
    quoted = [msg("importers.page.quoted", text=excerpt(t, 50)) for t in texts]
    n = len(texts)
    return {"bookmark only": msg("importers.guess.bookmark_only", n=n, texts=quoted),
            "bookmark": msg("importers.guess.bookmark", n=n, texts=quoted),
            "font+numbering": msg("importers.guess.font_numbering", n=n, texts=quoted),
            "font": msg("importers.guess.font", n=n, texts=quoted),
            "numbering": msg("importers.guess.numbering", n=n, texts=quoted),
            "title": msg("importers.guess.title", texts=quoted)}[signal]


def _how(how: str, page: int) -> Msg:
    return {"derived": msg("importers.how.derived", page=page), "cover": msg("importers.how.cover", page=page),
            "shifted": msg("importers.how.shifted", page=page)}[how]


def _entries(entries: list[Entry]) -> list[Msg]:
    """Entries of one kind on one page, counted by what they are, with the text each quotes."""
    grouped: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        grouped.setdefault((e.what.key, repr(sorted(e.what.args.items()))), []).append(e)
    return [_counted(same) for same in grouped.values()]


def _counted(same: list[Entry]) -> Msg:
    n = len(same)
    details = tuple(d for d in (_detail(e.where) for e in same) if d is not None)
    return _Counted(n=n, what=Msg(same[0].what.key, {**same[0].what.args, "n": n}),
                    details=_listed(details) if details else None)


@dataclass(frozen=True)
class _Counted(Msg):
    """"2 footnotes (number 1: '…'; number 2: '…')": a count, what it counts, what they quote."""

    key: str = "importers.report.note"  # unused: the parts carry the words
    n: int = 0
    what: Msg | None = None
    details: Msg | None = None

    def render(self, lang: str | None = None) -> str:
        what = self.what.render(lang) if self.what is not None else ""
        return f"{self.n} {what}" + (f" ({self.details.render(lang)})" if self.details is not None else "")


def _detail(where: Msg) -> Msg | None:
    """What a place of the report quotes, without its page (the line names the page)."""
    args = where.args
    if where.key == "importers.where.page_text":
        return msg("importers.page.quoted", text=args["text"])
    if where.key == "importers.where.page_printed":
        return msg("importers.page.printed_quoted", label=args["label"], text=args["text"])
    if where.key == "importers.where.note_text":
        return msg("importers.page.number_text", number=args["number"], text=args["text"])
    if where.key == "importers.where.note":
        return msg("importers.page.number", number=args["number"])
    if where.key == "importers.where.pages":
        return msg("importers.page.to_page", last=args["last"])
    return None
