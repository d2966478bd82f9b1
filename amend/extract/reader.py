"""Read the amendments a body adopted out of its minutes, as a patch, and
say plainly what could not be read.

protocol text → paragraphs and passages (protocol.py) → instructions read by
the grammar (grammar.py) → a patch (checked by the same loader and schema as a
hand-written one) → every amendment resolved against the program at once, as
`amend apply` would. What is not understood, reads more than one way, does
not resolve, or was proposed but not decided is reported with its protocol
line — never dropped and never guessed.

This module is the entry point and decides which § to read; the steps are in
instructions.py (the decision's instructions), proposals.py (the course of the
meeting), hyphens.py (words joined at line ends), amendments.py (an instruction
→ the data of one amendment), against.py (the program tried as `amend apply`
would) and findings.py (what is reported, and how).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..errors import AmendError
from ..messages import msg
from ..model import Program
from . import wording
from .against import Against, fits, load_checked, resolve_all
from .amendments import amendment_data, candidate_data, choose_reading, last_row, slug, unique
from .findings import (
    Extraction,
    Finding,
    marked,
    need_a_human,
    nothing_written,
    read_text,
    report_comments,
    report_lines,
    short,
    summary,
)
from .grammar import Grammar, grammar
from .hyphens import rejoin
from .instructions import Instruction, check_announced, instructions_in, not_understood, read_instruction, undecided
from .meeting import read_paragraph
from .proposals import classify_proposals, not_made, proposals_in
from .protocol import Minute, read_protocol
from .textlines import sentences

__all__ = ["Extraction", "Finding", "extract", "marked", "need_a_human", "nothing_written", "read_text",
           "report_comments",
           "report_lines", "summary"]


# ---------------------------------------------------------------- entry point


def extract(text: str, program: Program, *, source: str = "protocol", language: str | None = None,
            paragraph: str | None = None, decision: dict | None = None,
            produces: str = "adopted", status: str | None = None) -> Extraction:
    """Extract the adopted amendments of one § of the minutes in `text`.

    `decision` overrides what the minutes say (body, date, paragraph, case).
    Raises AmendError only when no patch can be made at all (no § found, no
    deciding body or date); everything else is in the Extraction's findings.
    """
    g = grammar(language or program.meta.language)
    protocol = read_protocol(text, g.protocol)
    result = Extraction(source)
    against = Against(program, source)
    minute = _choose_minute(protocol.minutes, paragraph, g, source, against)
    _note_choice(protocol.minutes, minute, paragraph, result)
    adopted, proposed = _read_minute(minute, g, against, result)
    amendments, lines = _amendments(adopted, g, against, result)
    classify_proposals(minute, proposed, adopted, g.protocol, result, against)
    data: dict[str, object] = {"program": program.meta.id, "base": program.meta.version, "produces": produces}
    if status:
        data["status"] = status
    data["decision"] = _decision(protocol, minute, decision or {}, source, g.protocol)
    data["amendments"] = amendments
    result.patch = load_checked(data, lines, source)
    resolve_all(result, against)
    return result


def _note_choice(minutes: Sequence[Minute], minute: Minute, paragraph: str | None, result: Extraction) -> None:
    """Say which § was read when the protocol holds several, and when it has no decision heading."""
    others = [m.paragraph for m in minutes if m is not minute and m.paragraph]
    if others and paragraph is None:
        result.notes.append(Finding(minute.line, msg("extract.note.chosen_paragraph", paragraph=minute.paragraph,
                                                     count=len(others) + 1)))
    if not minute.has_decision and minute.paragraph is not None:
        result.notes.append(Finding(minute.line, msg("extract.note.no_decision_heading", paragraph=minute.paragraph)))


def _read_minute(minute: Minute, g: Grammar, against: Against,
                 result: Extraction) -> tuple[list[Instruction], list[Instruction]]:
    """The instructions the § adopted and those only proposed in the course of the meeting."""
    tables = g.protocol
    course = read_paragraph(minute)
    adopted = [i for p in minute.passages if p.kind == "decision" for i in instructions_in(p, g, against, result)]
    proposed = []
    for p in minute.passages:
        if p.kind == "proceedings":
            proposed += proposals_in(p, g, against, course, adopted, result)
        elif p.kind == "other":
            undecided(p, against, result)
    adopted = not_made(minute, adopted, tables, result)
    check_announced(minute, adopted, tables, result)
    for ins in adopted:
        if not ins.readings and not ins.candidates:
            result.needs_human.append(Finding(ins.line, not_understood(g, ins.text), ins.text, ins.title))
    return adopted, proposed


def _amendments(adopted: list[Instruction], g: Grammar, against: Against,
                result: Extraction) -> tuple[list[dict], dict[tuple, tuple[int, int]]]:
    """The patch data of each adopted instruction that reads, and the protocol line of each."""
    amendments: list[dict] = []
    lines: dict[tuple, tuple[int, int]] = {}
    used_ids: set[str] = set()
    for n, ins in enumerate(adopted, 1):
        untitled = f"{g.protocol.get('untitled', 'amendment')}-{n}"
        amendment_id = unique(slug(ins.title) if ins.title else untitled, used_ids)  # numbered as in the minutes
        ins, data = _amendment(ins, amendment_id, g, against, result)
        if data is not None:
            lines[("amendments", len(amendments))] = (ins.line, 1)
            amendments.append(data)
    return amendments, lines


def _amendment(ins: Instruction, amendment_id: str, g: Grammar, against: Against,
               result: Extraction) -> tuple[Instruction, dict | None]:
    """One instruction → its amendment's data (None when it cannot be written)."""
    counted = last_row(ins, against.program)
    if not isinstance(counted, Instruction):
        result.needs_human.append(Finding(ins.line, counted, ins.text, ins.title))
        return ins, None
    ins, prefer_written = _punctuation_candidates(counted, g)
    if ins.candidates:
        return ins, candidate_data(ins, against, result, amendment_id, prefer_written)
    ins = rejoin(ins, against, g, result)
    reading = choose_reading(ins, against, result) if ins.readings else None
    return ins, amendment_data(ins, reading, against, result, amendment_id) if reading else None


def _punctuation_candidates(ins: Instruction, g: Grammar) -> tuple[Instruction, bool]:
    """A house-style reading whose quotation ends in punctuation, as the candidates
    with and without it; True when the words as written come first.

    The house style quotes exactly, so the words as written come first; only
    Westminster's closing comma inside the marks makes both readings equal candidates."""
    if ins.candidates or len(ins.readings) != 1 or "range_from" in ins.readings[0].operation:
        return ins, False
    both = g.language == "en" and len(wording.punctuation_readings(ins.readings[0].patch_data())) > 1
    alternatives = wording.punctuation_readings(ins.readings[0].patch_data(), "" if both else ".!?")
    if len(alternatives) <= 1:
        return ins, False
    return dataclasses.replace(ins, candidates=tuple(wording.Candidate(d) for d in alternatives)), not both


# ---------------------------------------------------------------- structure


def _choose_minute(minutes, paragraph: str | None, g: Grammar, source: str, against: Against) -> Minute:
    """The § to read: the one asked for; the only one; or the only one whose
    decision holds an amendment that reads and fits the program. Otherwise the
    §§ to choose from, with their titles."""
    if paragraph is not None:
        want = re.sub(r"\D", "", paragraph)
        found = [m for m in minutes if m.paragraph and re.sub(r"\D", "", m.paragraph) == want]
        if not found:
            named = ", ".join(m.paragraph for m in minutes if m.paragraph) or msg("extract.none")
            raise AmendError(msg("extract.no_such_paragraph", number=want, found=named), source=source)
        return found[0]
    if len(minutes) == 1:
        return minutes[0]
    kinds = {id(m): _what_it_holds(m, g, against) for m in minutes}
    amending = [m for m in minutes if kinds[id(m)] == "amendment"]
    if len(amending) == 1:
        _refuse_other_title(amending[0], minutes, against.program, source)
        return amending[0]
    if amending:
        raise AmendError(msg("extract.several_paragraphs", title=against.program.meta.title,
                             paragraphs=_listing(amending)), source=source)
    changes = [m for m in minutes if kinds[id(m)] == "change"]
    title = against.program.meta.title
    if changes:
        raise AmendError(msg("extract.no_paragraph_fits_changes", count=len(minutes), title=title,
                             paragraphs=_listing(changes)), source=source)
    raise AmendError(msg("extract.no_paragraph_fits", count=len(minutes), title=title), source=source)


def _refuse_other_title(chosen: Minute, minutes: Sequence[Minute], program: Program, source: str) -> None:
    """The one § with a change that fits is not the program's when its title names another document
    and another § is titled as the program ("§ 45 Program om …" beside "§ 46 Riktlinjer för …": the
    change of § 46 is to the riktlinjer, which may share the program's words; review 6 #15)."""
    titled = [m for m in minutes if m.paragraph and _titled_as(m.title, program)]
    if titled and chosen not in titled and not _titled_as(chosen.title, program):
        raise AmendError(msg("extract.paragraph_titled_otherwise", chosen=_listing([chosen]),
                             title=program.meta.title, titled=_listing(titled)), source=source)


_TITLE_WORDS = re.compile(r"[^\W\d_]{6,}")
_GENERIC_TITLE = {"program", "programmet", "kommunens", "kommunen", "revidering", "revidera", "antagande", "förslag",
                  "beslut", "ändring", "ändringar", "uppdatering", "fastställande"}


def _titled_as(title: str, program: Program) -> bool:
    """Whether a § title shares a telling word (six letters or more) with the program's title."""
    own = _telling_words(program.meta.title)
    return any(a.startswith(b[:6]) for a in _telling_words(title) for b in own)


def _telling_words(title: str) -> set[str]:
    """The words of six letters or more of a title, but those any title may have ("revidering")."""
    return {w.casefold() for w in _TITLE_WORDS.findall(title)} - _GENERIC_TITLE


def _what_it_holds(minute: Minute, g: Grammar, against: Against) -> str:
    """"amendment" (one that fits the program), "change" (a change no patch carries) or ""."""
    found = ""
    for p in (p for p in minute.passages if p.kind == "decision"):
        if p.title or read_instruction(g, p.text):
            return "amendment"
        for a, b in sentences(p.text):
            w = wording.read(p.text[a:b], against.program)
            if _fits_some(w, against, minute.line):
                return "amendment"
            found = found or ("change" if w is not None else "")
        if _fits_some(wording.read(p.text, against.program), against, minute.line):
            return "amendment"
    return found


def _fits_some(w, against: Against, line: int) -> bool:
    """Whether a wording read holds a candidate that fits the program."""
    return isinstance(w, wording.Readings) and any(fits(c.data, against, line) for c in w.candidates)


def _listing(minutes) -> str:
    return ", ".join(f"{m.paragraph} ({short(m.title, 70)})" if m.title else str(m.paragraph) for m in minutes)


# ---------------------------------------------------------------- the patch


def _decision(protocol, minute: Minute, given: dict, source: str, tables: dict) -> dict:
    out = {"body": given.get("body") or protocol.body, "date": given.get("date") or protocol.date}
    missing = [k for k in ("body", "date") if not out[k]]
    if missing:
        raise AmendError(msg("extract.no_body_or_date") if len(missing) == 2 else msg("extract.no_body")
                         if missing == ["body"] else msg("extract.no_date"), source=source)
    more = {"paragraph": given.get("paragraph") or minute.paragraph, "case": given.get("case") or minute.case,
            "proposes_to": _proposes_to(minute, tables)}
    return out | {k: v for k, v in more.items() if v}


def _proposes_to(minute: Minute, tables: dict):
    """"Förslag till beslut i kommunfullmäktige": the body only proposes, and to whom."""
    pattern = tables.get("proposes_to")
    matches = (re.search(pattern, p.text, re.IGNORECASE) for p in minute.passages if p.kind == "decision" and pattern)
    m = next((m for m in matches if m), None)
    return m.group(1)[:1].upper() + m.group(1)[1:] if m else None



