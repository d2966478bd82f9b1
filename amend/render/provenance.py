"""Provenance notes: each amended place of the adopted text marked with the decision
that made it ("Tillägg enligt Kommunfullmäktige 2025-11-24 § 12").

`--provenance footnotes|comments` on `amend apply` and `amend show` asks for them; the
adopted DOCX carries them as real Word footnotes or comments (amend.render.provenance_docx)
and the redline HTML as numbered notes. They are worked out from the redline of the chain
(amend.redline), so they are exactly its changes:

- each text of the adopted program (heading, paragraph, list item, cell text) that a decision
  changed gets one note per decision, at its end: "Tillägg" when the decision only added words
  or blocks there, "Strykning" when it only struck, "Ändring" when both;
- a block, item or section added whole is noted once, at its first text;
- one struck whole has no place left in the adopted text: its note goes to the text before it
  (to the new text that replaced it, when that follows directly and comes from the same
  decision; to the text after it when nothing comes before); in the redline HTML, which still
  shows it struck through, it keeps its own;
- a committee's proposal that a later step of the chain adopts is cited by the adopting
  decision (the council's § makes it the text in force); changes of the title block (the
  version and decision lines) are the decision itself and get none.

Pure: no I/O; the paths are those of amend.diff (merged) and amend.tree (adopted).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..diff import DEL, INS, Redline, walk
from ..messages import msg
from ..model import Decision, Patch, Program

MODES = ("none", "footnotes", "comments")
_KEYS = {frozenset({INS}): "insert", frozenset({DEL}): "delete", frozenset({INS, DEL}): "change"}
Path = tuple


@dataclass(frozen=True)
class Note:
    """One note: what the decision did at this text ('insert', 'delete', 'change') and the decision."""

    kind: str
    decision: Decision

    def text(self, language: str) -> str:
        """'Tillägg enligt Kommunfullmäktige 2025-11-24 § 12' (the document's language)."""
        d = self.decision
        cited = f"{d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")
        return _WORDS[self.kind](cited).render(language)


_WORDS = {"insert": lambda d: msg("history.provenance.insert", decision=d),
          "delete": lambda d: msg("history.provenance.delete", decision=d),
          "change": lambda d: msg("history.provenance.change", decision=d)}


def citing(patches: Sequence[Patch]) -> dict[Decision, Decision]:
    """decision -> the decision cited for it: a proposal adopted by a later patch of the chain
    (the body it proposes to, worded against its version) is cited by that adoption."""
    from ..history import _same_body  # the timeline's own test of "the body it proposes to"

    cited: dict[Decision, Decision] = {}
    for k, p in enumerate(patches):
        to = p.decision.proposes_to
        adopter = next((q for q in patches[k + 1:] if q.base == p.produces and _same_body(q.decision.body, to)),
                       None) if to else None
        if adopter is not None:
            cited[p.decision] = cited.get(adopter.decision, adopter.decision)
    for d, by in list(cited.items()):  # a proposal adopted by a proposal adopted in turn
        while by in cited:
            by = cited[by]
        cited[d] = by
    return cited


def _texts(red: Redline) -> Iterator[tuple[Path, tuple]]:
    """(merged path, segments) of every text of the merged program, in reading order."""
    for s, section in enumerate(red.merged.sections):
        for path, text in walk(section, (s,)):
            if text is not None:
                yield path, red.segments.get(path, ())


def _gone(segments: tuple) -> bool:
    return bool(segments) and all(g.op == DEL for g in segments)


class _Collector:
    """Walks the merged texts once, gathering (change ops) per text and decision."""

    def __init__(self, red: Redline, cited: dict[Decision, Decision], struck_in_place: bool = False):
        self.red, self.cited, self.struck_in_place = red, cited, struck_in_place
        self.seen: set[int] = set()  # changes already noted (a block added whole: at its first text)
        self.marks: dict[Path, dict[Decision, set[str]]] = {}  # surviving text -> decision -> ops
        self.order: list[Path] = []  # the surviving texts
        self.pending: list[tuple[Decision, str]] = []  # struck whole, waiting for a place

    def ops(self, segments: tuple) -> list[tuple[Decision, str]]:
        out = []
        for g in segments:
            if g.change is None or g.op not in (INS, DEL) or g.change in self.seen:
                continue
            c = self.red.changes[g.change]
            if c.what == "title" or c.decision is None:
                continue
            if c.action != "text":
                self.seen.add(g.change)
            out.append((self.cited.get(c.decision, c.decision), g.op))
        return out

    def add(self, path: Path, found: list[tuple[Decision, str]]) -> None:
        mine = self.marks.setdefault(path, {})
        for decision, op in found:
            mine.setdefault(decision, set()).add(op)

    def text(self, path: Path, segments: tuple) -> None:
        found = self.ops(segments)
        if _gone(segments) and not self.struck_in_place:
            self.pending.extend(found)
            return
        self.order.append(path)
        self.marks.setdefault(path, {})
        if self.pending:
            here = {d for d, op in found if op == INS}
            joined = [(d, op) for d, op in self.pending if d in here]
            rest = [(d, op) for d, op in self.pending if d not in here]
            self.add(path, joined)
            self.add(self.order[-2] if len(self.order) > 1 else path, rest)
            self.pending = []
        self.add(path, found)

    def notes(self) -> dict[Path, tuple[Note, ...]]:
        if self.pending and self.order:
            self.add(self.order[-1], self.pending)
        return {p: tuple(Note(_KEYS[frozenset(ops)], d) for d, ops in self.marks[p].items())
                for p in self.order if self.marks[p]}


def notes_by_merged_path(red: Redline, patches: Sequence[Patch] = (), *,
                         struck_in_place: bool = False) -> dict[Path, tuple[Note, ...]]:
    """The notes of each text of the adopted program that has any, by its merged path.
    `struck_in_place`: a text struck whole keeps its own note (the redline HTML still shows it)."""
    collect = _Collector(red, citing(patches), struck_in_place)
    for path, segments in _texts(red):
        collect.text(path, segments)
    return collect.notes()


def surviving(red: Redline) -> list[Path]:
    """The merged paths of the adopted program's texts, in order (the merged texts not struck whole)."""
    return [path for path, segments in _texts(red) if not _gone(segments)]


def adopted_paths(program: Program) -> list[Path]:
    """The paths of the adopted program's texts, in the same order as `surviving`."""
    return [path for s, section in enumerate(program.sections) for path, text in walk(section, (s,))
            if text is not None]


def notes_by_adopted_path(red: Redline, patches: Sequence[Patch] = ()) -> dict[Path, tuple[Note, ...]]:
    """The notes by the path of the text in the adopted program (what amend.render.docx writes)."""
    notes = notes_by_merged_path(red, patches)
    pairs = zip(surviving(red), adopted_paths(red.new), strict=True)
    return {new: notes[merged] for merged, new in pairs if merged in notes}
