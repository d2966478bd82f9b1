"""The report of an import: what could not be carried over, what was carried
over with a caveat, and notes, each a catalogue message (amend.messages)."""
from __future__ import annotations

from dataclasses import dataclass

from ..messages import Msg, msg


class Report:
    """What the import could not carry over, or carried over with a caveat,
    said once per kind with the pages where it happens.

    Every entry is a catalogue message; `lines()` puts them into words in the
    current language (see amend.messages)."""

    def __init__(self) -> None:
        self._grouped: dict[tuple[str, str, str], tuple[Msg, list[Msg]]] = {}
        self._notes: list[Msg] = []
        self.note_texts: dict[tuple[str, str | None], str] = {}  # a DOCX's footnotes, to quote one left out
        self.physical_pages = False  # a PDF's pages are its sheets, not the numbers printed on them

    def lost(self, what: Msg, where: Msg) -> None:
        """Something left out: lost(msg("importers.what.image"), msg("importers.where.page", page=3)).
        `what` gets the count as `n` when the line is written."""
        self._group(msg("importers.report.lost"), what, where)

    def caveat(self, what: Msg, where: Msg) -> None:
        """Something imported that needs checking, e.g. a paragraph over a page end."""
        self._group(msg("importers.report.check"), what, where)

    def _group(self, line: Msg, what: Msg, where: Msg) -> None:
        key = (line.key, what.key, repr(sorted(what.args.items())))
        self._grouped.setdefault(key, (what, []))[1].append(where)

    def note(self, text: Msg) -> None:
        if text not in self._notes:
            self._notes.append(text)

    def messages(self) -> list[Msg]:
        """One message per kind of loss or caveat, then the notes."""
        out = [_line(line, what, places) for (line, _, _), (what, places) in self._grouped.items()]
        return out + [msg("importers.report.note", text=n) for n in self._notes]

    def lines(self, lang: str | None = None) -> list[str]:
        """The report in words, in `lang` (default: the current language)."""
        return [m.render(lang) for m in self.messages()]


_SHOWN = 12  # places named in one line of the report; the rest are counted


def _line(line: str, what: Msg, places: list[Msg]) -> Msg:
    """"not imported: 2 images (page 2, page 5)": `line` is the key of the kind of entry."""
    n = len(places)
    return Msg(line, {"n": n, "what": Msg(what.key, {**what.args, "n": n}), "places": _Places(places=tuple(places))})


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
    """The places of one line of the report: "page 2, page 5 and 3 more"."""

    key: str = "importers.report.more"
    places: tuple[Msg, ...] = ()

    def render(self, lang: str | None = None) -> str:
        shown = ", ".join(p.render(lang) for p in self.places[:_SHOWN])
        if len(self.places) <= _SHOWN:
            return shown
        return msg("importers.report.more", places=shown, n=len(self.places) - _SHOWN).render(lang)
