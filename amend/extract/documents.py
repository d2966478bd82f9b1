"""One decision that amends several documents ("Kapitel 2 § 21 i stadsmiljönämndens
reglemente stryks …", "I Kapitel 2 i stadsbyggnadsnämndens reglemente läggs …"):
the minutes are read against each program, and every instruction written goes
into exactly one document, or into none.

An instruction goes into a document when it names it ("i stadsmiljönämndens
reglemente", "i riktlinjen" when only one of the documents is a riktlinje), or,
when it names none, when it applies to that document only (a `check:` says so).
An instruction that applies to two documents and names neither, or names two, is
written into none ("needs a human"): a guess could put adopted text in the wrong
document. Each document's findings leave out what was about an instruction that
went elsewhere (its "another document" or "does not apply" there).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Amendment, Decision, Patch, Program
from .against import Against, resolve_all
from .findings import Extraction, Finding, report_lines
from .places import KIND, KINDS, names_program
from .quotations import quotations


@dataclass(frozen=True)
class Routed:
    """What one document gets: its extraction with only its own amendments and findings."""

    program: Program
    result: Extraction


@dataclass(frozen=True)
class Route:
    """An instruction and the document it went into."""

    line: int
    amendment: str
    program: Program


_Key = tuple[int, str]  # (protocol line, instruction text) of an amendment written


def _same(line: int, text: str) -> _Key:
    """One instruction as read against any document: a word broken at a line end may be joined
    differently against each program (hyphens.py), so hyphens and spaces do not count."""
    return (line, re.sub(r"[\s\-\u00ad]", "", text).casefold())


def _key(am: Amendment) -> _Key:
    return _same(am.source.line, am.text or "")


def named(text: str, programs: Sequence[Program]) -> set[int]:
    """The documents (indices) the instruction names: by name, or by kind when only one is of that kind."""
    skeleton, _ = quotations(text)
    by_name = {i for i, p in enumerate(programs) if names_program(skeleton, p)}
    if by_name:
        return by_name
    out: set[int] = set()
    for m in KIND.finditer(skeleton):
        word = KINDS[m.group(1).lower()]
        of_kind = {i for i, p in enumerate(programs) if word in p.meta.title.casefold()}
        out |= of_kind if len(of_kind) == 1 else set()
    return out


def _written(results: Sequence[Extraction]) -> tuple[dict[_Key, list[int]], dict[_Key, Amendment]]:
    """{instruction: the documents whose extraction wrote it}, {instruction: its amendment, as first written}."""
    written: dict[_Key, list[int]] = {}
    amendments: dict[_Key, Amendment] = {}
    for i, result in enumerate(results):
        assert result.patch is not None
        for am in result.patch.amendments:
            written.setdefault(_key(am), []).append(i)
            amendments.setdefault(_key(am), am)
    return written, amendments


def route(results: Sequence[Extraction], programs: Sequence[Program]) -> tuple[list[Routed], list[Route]]:
    """Each document's own extraction, and where each instruction went."""
    written, amendments = _written(results)
    extra: dict[int, list[tuple[str, Finding]]] = {i: [] for i in range(len(programs))}
    target = {key: _target(amendments[key], where, programs, extra) for key, where in written.items()}
    label = {(i, _key(am)): am.label for i, r in enumerate(results) if r.patch for am in r.patch.amendments}
    routes = [Route(key[0], label[(t, key)], programs[t]) for key, t in sorted(target.items()) if t is not None]
    return [Routed(p, _own(results[i], i, target, extra[i], p)) for i, p in enumerate(programs)], routes


def _target(am: Amendment, where: list[int], programs: Sequence[Program],
            extra: dict[int, list[tuple[str, Finding]]]) -> int | None:
    """The one document the instruction goes into, or None (a finding says why)."""
    names = named(am.text or "", programs)

    def titles(indices) -> list[str]:
        return [programs[i].meta.title for i in sorted(indices)]

    if names:
        fits = sorted(set(where) & names)
        if len(fits) == 1:
            return fits[0]
        said = (msg("extract.documents.names_several", titles=titles(fits)) if fits
                else msg("extract.documents.named_elsewhere", named=titles(names), titles=titles(where)))
    else:
        fits = [i for i in where if _applies(am, programs[i])]
        if not fits:
            return None  # it applies to none: each document's finding says why
        if len(fits) == 1:  # names no document, and applies to one of them only
            extra[fits[0]].append(("checks", Finding(am.source.line, msg("extract.documents.only_fits"),
                                                     am.text or "", am.title)))
            return fits[0]
        said = msg("extract.documents.fits_several", titles=titles(fits))
    for i in where:
        extra[i].append(("needs_human", Finding(am.source.line, said, am.text or "", am.title)))
    return None


def _applies(am: Amendment, program: Program) -> bool:
    """Whether the amendment resolves in the program exactly as `amend apply` would resolve it."""
    from ..resolve import resolve

    one = Patch(program.meta.id, program.meta.version, "probe", Decision("-", "2000-01-01"), (am,))
    try:
        resolve(program, one)
    except AmendError:
        return False
    return True


def _own(result: Extraction, i: int, target: dict[_Key, int | None], extra: list[tuple[str, Finding]],
         program: Program) -> Extraction:
    """`result` for document i alone: its amendments, and its findings less those about
    instructions that went elsewhere; resolved and checked for conflicts again, on its own."""
    assert result.patch is not None
    away = {k for k, t in target.items() if t is not None and t != i}  # went into another document
    nowhere = {k for k, t in target.items() if t is None}  # why each does not apply stays said
    gone = {am.source.line for am in result.patch.amendments if target[_key(am)] != i}
    mine = {am.source.line for am in result.patch.amendments if target[_key(am)] == i}

    def kept(f: Finding) -> bool:
        key = f.message.key if isinstance(f.message, Msg) else ""
        if key.startswith("core.conflict") or (key == "extract.does_not_apply"
                                               and _same(f.line, f.text) not in nowhere):
            return False  # said again below, of this document's own amendments
        if not f.text:  # a check of an amendment ("line 12 is not checked"): kept with the amendment
            return f.line not in gone or f.line in mine
        return _same(f.line, f.text) not in away

    own = dataclasses.replace(result, patch=dataclasses.replace(
        result.patch, amendments=tuple(am for am in result.patch.amendments if target[_key(am)] == i)))
    for kind in ("needs_human", "not_applicable", "rejected", "checks", "notes"):
        setattr(own, kind, [f for f in getattr(result, kind) if kept(f)] + [f for k, f in extra if k == kind])
    resolve_all(own, Against(program, result.source))
    return own


def same_paragraph(results: Sequence[Extraction], programs: Sequence[Program], source: str) -> None:
    """Every document read from the same §: one decision, not §§ chosen per document."""
    paragraphs = [r.patch.decision.paragraph if r.patch else None for r in results]
    if len(set(paragraphs)) > 1:
        read = [msg("extract.documents.read_from", title=p.meta.title, paragraph=str(n))
                for p, n in zip(programs, paragraphs)]
        raise AmendError(msg("extract.documents.different_paragraphs", read=read), source=source)


def report(routed: Sequence[Routed], protocol: str) -> list[Msg]:
    """The findings of all the documents, each once: one that only some documents have
    says which document it is about ("in Reglemente för …: …")."""
    per = [(r, report_lines(r.result, protocol)) for r in routed]
    words = [{str(m) for m in lines} for _, lines in per]
    common = set.intersection(*words) if words else set()
    out: list[Msg] = []
    shown: set[str] = set()
    for r, lines in per:
        mine = report_lines(r.result, protocol, r.program.meta.title)
        for m, own in zip(lines, mine):
            said = str(m)
            if said not in common:
                out.append(own)
            elif said not in shown:
                shown.add(said)
                out.append(m)
    return out


def distinct_programs(programs: Sequence[Program], source: str) -> None:
    """Each document's patch is named by its program's id: two programs of one id would write one file."""
    ids = [p.meta.id for p in programs]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise AmendError(msg("extract.documents.same_id", ids=twice), source=source)
