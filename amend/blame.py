"""Blame: which decision last wrote each span of a version's text.

Pure: no I/O. The chain of versions P0 (the program's own version), P1 … Pn
(each made by one patch) is walked step by step. Every text of P0 (heading,
paragraph, list item, column heading, table cell text) is the program's own:
source 0. For each step k, the structure of P(k-1) and Pk is aligned
(amend.diff; sections the step left as they were are
paired first and keep their spans); a text of Pk paired with a text of P(k-1) keeps the sources of
its unchanged words and gives the words the step put in to source k (a word
diff of the two texts); a text with no counterpart (a block, item or section
added, or rewritten beyond pairing, or moved) is source k as a whole. So a
span that a later decision moves or rewrites is that later decision's.

The spans of a text cover it exactly, in order, with no gaps: their texts
joined are the text of the version.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .diff import DEL, INS, SAME, align, diff_programs, walk, word_diff
from .errors import Text
from .history import decision_words
from .messages import Msg, msg, render
from .model import Decision, Patch, Program, Section, iter_block_pages
from .tree import Path


@dataclass(frozen=True)
class Span:
    """[start, end) of a text, last written by source `source` (0: the program's own version)."""

    start: int
    end: int
    source: int


@dataclass(frozen=True)
class Source:
    """A version of the chain and the decision that made it (None: the program's own version)."""

    version: str
    decision: Decision | None
    file: str | None


@dataclass(frozen=True)
class Blamed:
    """One text of the version and its spans."""

    path: Path
    kind: str  # "heading", "paragraph", "item", "column heading"
    section: int  # index of the section it is in
    page: int  # page of the proposal its block starts on
    text: str
    spans: tuple[Span, ...]

    def pieces(self) -> Iterator[tuple[str, int]]:
        """(text, source) for each span."""
        for s in self.spans:
            yield self.text[s.start:s.end], s.source


@dataclass(frozen=True)
class Blame:
    program: Program  # the version blamed
    sources: tuple[Source, ...]  # 0: the program's own version, k: the k-th patch of the chain
    texts: tuple[Blamed, ...]  # in reading order


Spans = tuple[Span, ...]
Sections = list[dict[Path, Spans]]  # per section: {path of a text, its section index 0: its spans}


def blame(root: Program, steps: Sequence[tuple[Patch, Program]]) -> Blame:
    """The blame of the last version of a chain: `root` and, for each patch of the
    chain in order, the program it produced."""
    spans: Sections = [{path: _whole(text, 0) for path, text in walk_texts(section, 0)} for section in root.sections]
    before = root
    for k, (_, after) in enumerate(steps, start=1):
        spans = _step(before, after, spans, k)
        before = after
    sources = (Source(root.meta.version, None, root.source),) + tuple(
        Source(p.produces, p.decision, p.source) for p, _ in steps)
    return Blame(before, sources, tuple(_blamed(before, spans)))


def texts_of(program: Program) -> Iterator[tuple[Path, str]]:
    """(path, text) of every text in the sections, in reading order."""
    for s, section in enumerate(program.sections):
        yield from walk_texts(section, s)


def walk_texts(section: Section, s: int) -> Iterator[tuple[Path, str]]:
    for path, text in walk(section, (s,)):
        if text is not None:
            yield path, text


def _whole(text: str, source: int) -> Spans:
    return (Span(0, len(text), source),) if text else ()


def _step(old: Program, new: Program, spans: Sections, k: int) -> Sections:
    """The spans of `new`'s texts, from those of `old` and the step between them. Sections the step left
    as they were keep their spans (a step touches few sections); the others are aligned and diffed."""
    pairs = align(old.sections, new.sections, lambda section: section, lambda a, b: False)
    out: Sections = [{} for _ in new.sections]
    for i, j in pairs:
        if i is not None and j is not None:
            out[j] = spans[i]
    gone = [i for i, j in pairs if j is None and i is not None]
    come = [j for i, j in pairs if i is None and j is not None]
    if come:
        was = Program(old.meta, tuple(old.sections[i] for i in gone))
        now = Program(new.meta, tuple(new.sections[j] for j in come))
        for path, found in _changed(was, now, [spans[i] for i in gone], k).items():
            out[come[_section_of(path)]][_in_section(path, 0)] = found
    return out


def _changed(was: Program, now: Program, spans: Sections, k: int) -> dict[Path, Spans]:
    """The spans of the texts of `now`, the changed sections, diffed against `was` (whose spans are `spans`)."""
    back = {n: o for o, n in diff_programs(was, now).matched.items()}
    old_texts = dict(texts_of(was))
    out: dict[Path, Spans] = {}
    for path, text in texts_of(now):
        o = back.get(path)
        if o is None or o not in old_texts:
            out[path] = _whole(text, k)
        elif old_texts[o] == text:
            out[path] = spans[_section_of(o)][_in_section(o, 0)]
        else:
            out[path] = _carry(old_texts[o], text, spans[_section_of(o)][_in_section(o, 0)], k)
    return out


def _section_of(path: Path) -> int:
    return int(path[1] if path[0] == "h" else path[0])


def _in_section(path: Path, s: int) -> Path:
    """The path with its section index set to s."""
    return ("h", s) + path[2:] if path[0] == "h" else (s,) + path[1:]


def _carry(a: str, b: str, spans: Spans, k: int) -> Spans:
    """The spans of b, a edited by step k: kept words keep their sources, inserted ones are k's."""
    out: list[Span] = []
    i = j = 0  # positions in a and b
    for op, piece in word_diff(a, b):
        n = len(piece)
        if op == SAME:
            out.extend(Span(max(s.start, i) - i + j, min(s.end, i + n) - i + j, s.source)
                       for s in spans if s.start < i + n and s.end > i)
            i, j = i + n, j + n
        elif op == INS:
            out.append(Span(j, j + n, k))
            j += n
        elif op == DEL:
            i += n
    return _merged(out)


def _merged(spans: list[Span]) -> Spans:
    """Neighbouring spans of one source as one."""
    out: list[Span] = []
    for s in spans:
        if out and out[-1].source == s.source and out[-1].end == s.start:
            out[-1] = Span(out[-1].start, s.end, s.source)
        elif s.end > s.start:
            out.append(s)
    return tuple(out)


def _blamed(program: Program, spans: Sections) -> Iterator[Blamed]:
    pages = _pages_of(program)
    for path, text in texts_of(program):
        n = _section_of(path)
        yield Blamed(path, _kind(path), n, pages[path if path[0] == "h" else path[:2]], text,
                     spans[n][_in_section(path, 0)])


def _pages_of(program: Program) -> dict[Path, int]:
    """The page of each heading and top-level block."""
    pages: dict[Path, int] = {}
    block_pages = iter_block_pages(program)
    for s, section in enumerate(program.sections):
        pages[("h", s)] = section.page
        pages.update(((s, b), next(block_pages)[1]) for b in range(len(section.blocks)))
    return pages


def _kind(path: Path) -> str:
    if path[0] == "h":
        return "heading"
    if path[-1] == "heading":
        return "column heading"
    if len(path) >= 2 and path[-2] == "item":
        return "item"
    return "paragraph"


# ---------------------------------------------------------------- amend blame --format text|json


def kind_words(kind: str) -> Msg:
    words = {"heading": msg("history.blame.heading"), "paragraph": msg("history.blame.paragraph"),
             "item": msg("history.blame.item"), "column heading": msg("history.blame.column_heading")}
    return words[kind]


def source_words(source: Source) -> Text:
    """'Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)', or 'the program file'."""
    return decision_words(source.decision) if source.decision else msg("history.program_file")


def blame_text(b: Blame) -> str:
    """For people: the sources, then a row per span: page, kind, version, text (a text's further spans
    on rows of their own, under it)."""
    width = max(len(s.version) for s in b.sources)
    return "\n".join(_head_lines(b, width) + [""] + _span_lines(b, width)) + "\n"


def _head_lines(b: Blame, width: int) -> list[str]:
    """The title, then each source by its version."""
    meta = b.program.meta
    return [str(msg("history.blame.title", p=meta.id, v=meta.version, t=meta.title)), "",
            str(msg("history.blame.sources")), *(f"  {s.version.ljust(width)}  {render(source_words(s))}"
                                                 for s in b.sources)]


def _span_lines(b: Blame, width: int) -> list[str]:
    """A row per text: page, kind, version and its first span; its further spans on rows under it."""
    rows = [(str(msg("history.blame.page", page=t.page)), str(kind_words(t.kind)), t) for t in b.texts]
    wide = (max((len(r[0]) for r in rows), default=0), max((len(r[1]) for r in rows), default=0))
    return [line for page, kind, t in rows
            for line in _text_lines(b, t, f"{page.ljust(wide[0])}  {kind.ljust(wide[1])}  ", width)]


def _text_lines(b: Blame, t: Blamed, first: str, width: int) -> list[str]:
    lead = " " * len(first)
    return [f"{first if n == 0 else lead}{b.sources[k].version.ljust(width)}  {piece}".rstrip()
            for n, (piece, k) in enumerate(t.pieces())]


def blame_data(b: Blame) -> dict[str, Any]:
    """For tools (`--format json`): English codes; every span with its text and version."""
    meta = b.program.meta
    sources = [{"version": s.version, "file": s.file,
                "decision": None if s.decision is None else {k: v for k, v in asdict(s.decision).items()
                                                             if v is not None}} for s in b.sources]
    texts = [{"path": list(t.path), "kind": t.kind, "page": t.page,
              "section": b.program.sections[t.section].heading, "text": t.text,
              "spans": [{"start": s.start, "end": s.end, "version": b.sources[s.source].version,
                         "text": t.text[s.start:s.end]} for s in t.spans]} for t in b.texts]
    return {"program": meta.id, "version": meta.version, "sources": sources, "texts": texts}
