"""Proposals made in the course of the meeting ("Yrkanden", "Beslutsgång"):
adopted, rejected or unclear, as the § records them; and amendments the House
did not make."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..errors import AmendError
from ..messages import msg
from ..text import fold_anchor
from . import wording
from .against import Against
from .amendments import effect
from .findings import Extraction, Finding
from .grammar import Grammar
from .instructions import Instruction, read_instruction, why_not
from .meeting import Paragraph, outcome, proposal_at
from .protocol import Minute, Passage
from .textlines import sentences


def proposals_in(passage: Passage, g: Grammar, against: Against, course: Paragraph, adopted: list,
                 result: Extraction) -> list[Instruction]:
    """Instructions in the course of the meeting ("Yrkanden", "Beslutsgång").
    Those the grammar reads go on to classify_proposals; those in the wording
    of real minutes are settled by what the § records of the proposal: adopted
    (then applied like the decision), rejected, or unclear (a human decides)."""
    out = []
    for a, b in sentences(passage.text):
        sentence = passage.text[a:b].strip()
        if not sentence:
            continue
        start = passage.text.index(sentence, a)
        found = _proposal(passage, start, sentence, g, against, result)
        if isinstance(found, Instruction):
            out.append(found)
        elif found is not None:
            ins = Instruction(sentence, passage.line_at(start), passage.title, passage, [], start)
            _settle_worded(ins, found, course, against, (adopted, out), result)
    return out


def _proposal(passage: Passage, start: int, sentence: str, g: Grammar, against: Against,
              result: Extraction) -> Instruction | wording.Readings | wording.Cannot | None:
    """The instruction the grammar reads (or a sentence it should), the reading of real minutes'
    wording to settle by the § (None: no change); a proposal against the decision is rejected."""
    line = passage.line_at(start)
    readings = read_instruction(g, sentence)
    w = None if readings else wording.read(sentence, against.program)
    against_decision = _against_decision(sentence, passage, g.protocol)
    if against_decision and (readings or w is not None or g.triggered(sentence)):
        result.rejected.append(Finding(line, msg("extract.rejected.against_decision", said=against_decision),
                                       sentence, passage.title))
        return None
    if readings or (w is None and g.triggered(sentence)):
        return Instruction(sentence, line, passage.title, passage, readings, start)
    return w


def _settle_worded(ins: Instruction, w: wording.Readings | wording.Cannot, course: Paragraph, against: Against,
                   lists: tuple[list, list], result: Extraction) -> None:
    """A proposal in real minutes' wording, by what the § records of it: into `lists` (adopted, the
    proposals still open), or reported."""
    adopted, out = lists
    proposal = proposal_at(course, ins.line, ins.text)
    said, words = outcome(course, proposal) if proposal else ("adopted", "") if _body_decides(ins.text) \
        else ("unclear", "")
    who = ", ".join(proposal.proposers) if proposal and proposal.proposers else ""
    section = ins.passage.section
    if said == "rejected":
        result.rejected.append(Finding(ins.line, msg("extract.rejected.proposed_by", who=who, said=words) if who
                                       else msg("extract.rejected.proposed", said=words), ins.text, ins.title))
    elif said == "unclear" and isinstance(w, wording.Readings):
        out.append(replace(ins, candidates=w.candidates))  # one of the proposals rejection words may be about
    elif said == "unclear":
        result.needs_human.append(Finding(ins.line, msg("extract.proposed.unclear_by", who=who, section=section)
                                          if who else msg("extract.proposed.unclear", section=section),
                                          ins.text, ins.title))
    elif isinstance(w, wording.Cannot):
        why = why_not(w, against)
        result.not_applicable.append(Finding(ins.line, msg("extract.adopted_as", reason=why, said=words) if words
                                             else why, ins.text, ins.title))
    else:
        adopted.append(replace(ins, candidates=w.candidates))
        result.notes.append(Finding(ins.line, msg("extract.note.proposed_adopted", section=section, said=words), "",
                                    ins.title))


def _against_decision(sentence: str, passage: Passage, tables: dict) -> str | None:
    """The words that make a proposal one made against the decision: a reservation ("Reservation",
    "reserverar sig … till förmån för eget yrkande"), a note to the minutes, a separate opinion."""
    pattern = tables.get("not_decision")
    if not pattern:
        return None
    m = re.search(pattern, passage.section, re.IGNORECASE) or re.search(pattern, sentence, re.IGNORECASE)
    return m.group(0) if m else None


def not_made(minute: Minute, adopted: list, tables: dict, result: Extraction) -> list:
    """Westminster: "That this House doth disagree with the Lords in the said Amendment" —
    and the Question agreed to — means the Lords amendment is not made."""
    pattern, decided = tables.get("not_made"), tables.get("not_made_decided")
    if not pattern:
        return adopted
    text = " ".join(p.text for p in minute.passages)
    m = re.search(pattern, text, re.IGNORECASE)
    if not m or not (decided and re.search(decided, text[m.end():], re.IGNORECASE)):
        return adopted
    for ins in adopted:
        result.rejected.append(Finding(ins.line, msg("extract.rejected.not_made", said=m.group(0)), ins.text,
                                       ins.title))
    return []


def _body_decides(sentence: str) -> bool:
    """"Kommunfullmäktige godkänner ordförandens förslag att …": the body's own decision."""
    return bool(re.match(r"(kommunfullmäktige|kommunstyrelsen|fullmäktige|nämnden)\s+(beslutar|godkänner|"
                         r"bifaller)\b", sentence, re.IGNORECASE))


def classify_proposals(minute: Minute, proposed: list, adopted: list, tables: dict, result: Extraction,
                       against: Against) -> None:
    """Proposals made in the course of the meeting: the same as a decided
    amendment (stated twice: the same words, or the same change worded otherwise),
    rejected, or unclear (a human decides)."""
    open_proposals = _not_decided(proposed, adopted, against, result)
    decision_text = " ".join(p.text for p in minute.passages if p.kind == "decision")
    by_reference = bool(tables.get("by_reference") and re.search(tables["by_reference"], decision_text,
                                                                 re.IGNORECASE))
    rejected = re.compile(tables.get("rejected") or r"(?!)", re.IGNORECASE)
    said_of = {id(ins): _first_rejection(ins, list(minute.passages), rejected) for ins in open_proposals}
    # A rejection is pinned on a proposal only when it can mean no other: not when its passage also
    # adopts something ("avslår Annas yrkande och bifaller Bos"), nor when it is the first rejection
    # after two proposals.
    shared = Counter(found[:2] for found in said_of.values() if found)
    adopting = tables.get("adopted_words") or r"(?!)"
    for ins in open_proposals:
        found = said_of[id(ins)]
        clear = found and not by_reference and shared[found[:2]] == 1 \
            and not re.search(adopting, found[0].text, re.IGNORECASE)
        _settle(ins, found[2] if found else None, bool(clear), by_reference, result)


def _not_decided(proposed: list, adopted: list, against: Against, result: Extraction) -> list[Instruction]:
    """The proposals the decision does not state again; a note for each one it does."""
    decided_texts = {fold_anchor(i.text) for i in adopted}
    decided_changes = {c for i in adopted for c in _changes(i, against)}
    decided_titles = {i.title for i in adopted if i.title}
    out = []
    for ins in proposed:
        note = _decided_note(ins, _changes(ins, against), decided_texts, decided_changes, decided_titles)
        if note:
            result.notes.append(note)
        else:
            out.append(ins)
    return out


def _decided_note(ins: Instruction, changes: set, texts: set, decided: set, titles: set) -> Finding | None:
    """The note on a proposal the decision states again (the same words or changes), or under its title
    in other words; None when the decision does not state it."""
    section = ins.passage.section
    if fold_anchor(ins.text) in texts or (changes and changes <= decided):
        return Finding(ins.line, msg("extract.note.stated_twice", section=section), "", ins.title)
    if ins.title and ins.title in titles:
        return Finding(ins.line, msg("extract.note.worded_differently", section=section), ins.text, ins.title)
    return None


def _settle(ins: Instruction, said, clear: bool, by_reference: bool, result: Extraction) -> None:
    """A proposal not in the decision: rejected when a rejection is clearly its, else a human decides."""
    if clear and said is not None:
        result.rejected.append(Finding(ins.line, msg("extract.rejected.said", said=said.group(0)), ins.text,
                                       ins.title))
        return
    section = ins.passage.section
    why = (msg("extract.proposed.by_reference", section=section) if by_reference else
           msg("extract.proposed.unclear_rejection", section=section) if said else
           msg("extract.proposed.not_rejected", section=section))
    result.needs_human.append(Finding(ins.line, why, ins.text, ins.title))


def _changes(ins: Instruction, against: Against) -> set[tuple]:
    """What each reading of an instruction that applies makes of the program's text: one change
    worded two ways ("ersätts ”A” med ”B”", "”A” ska ersättas med ”B”") is the same."""
    out = set()
    for data in [r.patch_data() for r in ins.readings] + [c.data for c in ins.candidates]:
        try:
            out.add(effect(against.resolve(data, ins.line), against.program))
        except AmendError:
            continue
    return out


def _first_rejection(ins, passages: list, rejected: re.Pattern):
    """(passage, offset, match) of the first rejection word after a proposal, or None."""
    start = ins.passage.text.find(ins.text) + len(ins.text)
    found = ((passage, rejected.search(passage.text, start if passage is ins.passage else 0))
             for passage in passages[passages.index(ins.passage):])
    return next(((passage, m.start(), m) for passage, m in found if m), None)
