"""The report of an import: what could not be carried over, what was carried
over with a caveat, and notes, each a catalogue message (amend.messages)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..messages import Msg, msg
from ..model import Unsure


@dataclass(frozen=True)
class Entry:
    """One thing left out ("lost") or to check ("check"), where it is, and (DOCX) the
    place of the paragraph being read then, so that its page can follow a new layout."""

    kind: str
    what: Msg
    where: Msg
    anchor: str = ""


class Report:
    """What the import could not carry over, or carried over with a caveat,
    said once per kind with the pages where it happens (`messages`), or page by
    page with what was found and guessed there (amend.importers.pagereport).

    Every entry is a catalogue message; `lines()` puts them into words in the
    current language (see amend.messages)."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._notes: list[Msg] = []
        self.note_texts: dict[tuple[str, str | None], str] = {}  # a DOCX's footnotes, to quote one left out
        self.physical_pages = False  # a PDF's pages are its sheets, not the numbers printed on them
        self.unsure: list[Unsure] = []  # what the import could not tell (the program's source.unsure)
        self.anchor = ""  # the DOCX place being read, set by the reader
        self.page_how: dict[int, str] = {}  # page → how its number was found (pagereport.HOW), where guessed
        self.headings: list[tuple[int, str, str]] = []  # (page, text, signal) of the program's headings
        self.pages_source = ""  # a DOCX's pages: "" (its own breaks), "libreoffice", "pages_from", "unpaged"

    def lost(self, what: Msg, where: Msg) -> None:
        """Something left out: lost(msg("importers.what.image"), msg("importers.where.page", page=3)).
        `what` gets the count as `n` when the line is written."""
        self.entries.append(Entry("lost", what, where, self.anchor))

    def caveat(self, what: Msg, where: Msg) -> None:
        """Something imported that needs checking, e.g. a paragraph over a page end."""
        self.entries.append(Entry("check", what, where, self.anchor))

    def note(self, text: Msg) -> None:
        if text not in self._notes:
            self._notes.append(text)

    @property
    def notes(self) -> list[Msg]:
        return list(self._notes)

    def repage(self, page_at: Callable[[str], int | None]) -> None:
        """The pages of the entries found while reading a DOCX, after its pages were
        taken from a layout (`page_at(anchor)`: the page of that place now)."""
        self.entries = [_repaged(e, page_at(e.anchor)) if e.anchor else e for e in self.entries]

    def messages(self) -> list[Msg]:
        """One message per kind of loss or caveat, then the notes."""
        out = [_line(kind, what, places) for (kind, _, _), (what, places) in _grouped(self.entries).items()]
        return out + [msg("importers.report.note", text=n) for n in self._notes]

    def lines(self, lang: str | None = None) -> list[str]:
        """The report in words, in `lang` (default: the current language)."""
        return [m.render(lang) for m in self.messages()]


def _grouped(entries: list[Entry]) -> dict[tuple[str, str, str], tuple[Msg, list[Msg]]]:
    """Each kind of loss or caveat (the same message with the same values), with its places in order."""
    grouped: dict[tuple[str, str, str], tuple[Msg, list[Msg]]] = {}
    for e in entries:
        grouped.setdefault((e.kind, e.what.key, repr(sorted(e.what.args.items()))), (e.what, []))[1].append(e.where)
    return grouped


def page_of(where: Msg) -> int | None:
    """The page a place of the report names ("page 3", "page 3 'text'", "pages 3–4", a note on page 3)."""
    for key in ("page", "first"):
        if isinstance(where.args.get(key), int):
            return int(where.args[key])
    inner = where.args.get("where")
    return page_of(inner) if isinstance(inner, Msg) else None


def _repaged(e: Entry, page: int | None) -> Entry:
    return e if page is None else replace(e, where=_with_page(e.where, page))


def _with_page(where: Msg, page: int) -> Msg:
    if isinstance(where.args.get("page"), int):
        return replace(where, args={**where.args, "page": page})
    inner = where.args.get("where")
    if isinstance(inner, Msg):
        return replace(where, args={**where.args, "where": _with_page(inner, page)})
    return where


_SHOWN = 12  # places named in one line of the report; the rest are counted


def _line(kind: str, what: Msg, places: list[Msg]) -> Msg:
    """"not imported: 2 images (pages 2, 5)": `kind` is "lost" or "check"."""
    n = len(places)
    counted, where = Msg(what.key, {**what.args, "n": n}), _Places(places=tuple(places))
    if kind == "lost":
        return msg("importers.report.lost", n=n, what=counted, places=where)
    return msg("importers.report.check", n=n, what=counted, places=where)


@dataclass(frozen=True)
class Joined(Msg):
    """Messages rendered one after the other with `sep` between them ("12 pt → level 1; 10 pt → level 2")."""

    key: str = "importers.report.note"  # unused: the parts carry the words
    parts: tuple[Msg, ...] = ()
    sep: str = ", "

    def render(self, lang: str | None = None) -> str:
        return self.sep.join(p.render(lang) for p in self.parts)


@dataclass(frozen=True)
class _Places(Msg):
    """The places of one line of the report: "pages 2, 5", "page 2 'Rutan', page 5 'Bilden' and 3 more"."""

    key: str = "importers.report.more"
    places: tuple[Msg, ...] = ()

    def render(self, lang: str | None = None) -> str:
        places = list(dict.fromkeys(self.places))  # each place once
        pages = _pages_alone(places)
        shown = _shown(places, pages, lang)
        more = len(pages or places) - _SHOWN
        return shown if more <= 0 else msg("importers.report.more", places=shown, n=more).render(lang)


def _shown(places: list[Msg], pages: list[int], lang: str | None) -> str:
    """The first _SHOWN places in words: only their page numbers where they are pages alone."""
    if pages:  # 25 tables on two pages are "pages 2, 3", not 25 pages
        return msg("importers.where.page_list", pages=", ".join(map(str, pages[:_SHOWN]))).render(lang)
    return ", ".join(p.render(lang) for p in places[:_SHOWN])


def _pages_alone(places: list[Msg]) -> list[int]:
    """The pages of places that are all pages alone ("page 2"), two or more of them; else none."""
    if len(places) < 2 or any(p.key != "importers.where.page" or set(p.args) != {"page"} for p in places):
        return []
    return [int(p.args["page"]) for p in places]
