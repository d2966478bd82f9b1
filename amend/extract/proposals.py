"""Proposals made in the course of the meeting ("Yrkanden", "Beslutsgång"):
adopted, rejected or unclear, as the § records them; and amendments the House
did not make."""
from __future__ import annotations

import re
from collections import defaultdict

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
        line = passage.line_at(start)
        readings = read_instruction(g, sentence)
        w = None if readings else wording.read(sentence, against.program)
        against_decision = _against_decision(sentence, passage, g.protocol)
        if against_decision and (readings or w is not None or g.triggered(sentence)):
            result.rejected.append(Finding(line, msg("extract.rejected.against_decision", said=against_decision),
                                           sentence, passage.title))
            continue
        if readings or (w is None and g.triggered(sentence)):
            out.append(Instruction(sentence, line, passage.title, passage, readings, start))
            continue
        if w is None:
            continue
        proposal = proposal_at(course, line, sentence)
        said, words = outcome(course, proposal) if proposal else ("adopted", "") if _body_decides(sentence) \
            else ("unclear", "")
        who = ", ".join(proposal.proposers) if proposal and proposal.proposers else ""
        if said == "rejected":
            result.rejected.append(Finding(line, msg("extract.rejected.proposed_by", who=who, said=words) if who
                                           else msg("extract.rejected.proposed", said=words),
                                           sentence, passage.title))
        elif said == "unclear" and isinstance(w, wording.Readings):
            # as one of the proposals the rejection words after them may be about
            out.append(Instruction(sentence, line, passage.title, passage, [], start, w.candidates))
        elif said == "unclear":
            result.needs_human.append(Finding(line, msg("extract.proposed.unclear_by", who=who, section=passage.section)
                                              if who else msg("extract.proposed.unclear", section=passage.section),
                                              sentence, passage.title))
        elif isinstance(w, wording.Cannot):
            why = why_not(w, against)
            result.not_applicable.append(Finding(line, msg("extract.adopted_as", reason=why, said=words) if words
                                                 else why, sentence, passage.title))
        else:
            adopted.append(Instruction(sentence, line, passage.title, passage, [], start, w.candidates))
            result.notes.append(Finding(line, msg("extract.note.proposed_adopted", section=passage.section,
                                                  said=words), "", passage.title))
    return out


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
    decided_texts = {fold_anchor(i.text) for i in adopted}
    decided_changes = {c for i in adopted for c in _changes(i, against)}
    decided_titles = {i.title for i in adopted if i.title}
    decision_text = " ".join(p.text for p in minute.passages if p.kind == "decision")
    by_reference = tables.get("by_reference") and re.search(tables["by_reference"], decision_text, re.IGNORECASE)
    passages = list(minute.passages)
    rejected = tables.get("rejected") or r"(?!)"
    adopting = tables.get("adopted_words") or r"(?!)"
    open_proposals, said_of = [], {}
    for ins in proposed:
        changes = _changes(ins, against)
        if fold_anchor(ins.text) in decided_texts or (changes and changes <= decided_changes):
            result.notes.append(Finding(ins.line, msg("extract.note.stated_twice", section=ins.passage.section), "",
                                        ins.title))
            continue
        if ins.title and ins.title in decided_titles:
            result.notes.append(Finding(ins.line, msg("extract.note.worded_differently", section=ins.passage.section),
                                        ins.text, ins.title))
            continue
        open_proposals.append(ins)
        said_of[id(ins)] = _first_rejection(ins, passages, rejected)
    # A rejection is pinned on a proposal only when it can mean no other: not
    # when its passage also adopts something ("avslår Annas yrkande och
    # bifaller Bos"), nor when it is the first rejection after two proposals.
    shared: defaultdict[tuple, int] = defaultdict(int)
    for found in said_of.values():
        if found:
            shared[found[:2]] += 1
    for ins in open_proposals:
        found = said_of[id(ins)]
        said = found[2] if found else None
        clear = found and not by_reference and shared[found[:2]] == 1 \
            and not re.search(adopting, found[0].text, re.IGNORECASE)
        if clear and said is not None:
            result.rejected.append(Finding(ins.line, msg("extract.rejected.said", said=said.group(0)),
                                           ins.text, ins.title))
            continue
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


def _first_rejection(ins, passages: list, rejected: str):
    """(passage, offset, match) of the first rejection word after a proposal, or None."""
    start = ins.passage.text.find(ins.text) + len(ins.text)
    for passage in passages[passages.index(ins.passage):]:
        m = re.compile(rejected, re.IGNORECASE).search(passage.text, start if passage is ins.passage else 0)
        if m:
            return passage, m.start(), m
    return None
