"""The instructions in a passage of the decision: the house style of the grammar
tables first, then the wordings of real minutes (wording.py); and what is said
of a sentence nothing reads or no patch can carry."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import Msg, msg
from . import wording
from .against import Against
from .findings import Extraction, Finding, short
from .grammar import Grammar, Reading
from .leftovers import rejected_word
from .protocol import Minute, Passage
from .textlines import sentences
from .tokenize import TokenizeError


@dataclass
class Instruction:
    text: str
    line: int
    title: str | None
    passage: Passage
    readings: list[Reading]
    start: int = 0  # offset of the text in the passage
    candidates: tuple = ()  # wording.Candidate readings of real minutes' wording


def instructions_in(passage: Passage, g: Grammar, against: Against, result: Extraction) -> list[Instruction]:
    """The amendments in one passage of the decision: the passage as a whole
    when the grammar reads it, else each sentence that the grammar or the
    wordings of real minutes read (wording.py). A sentence that is a change no
    patch can carry is reported once, with the reason; an ordinary decision
    point ("… antas") says nothing. Under a title ("Tillägg 3") or with quoted
    words beside a verb of change, a sentence nothing reads needs a human."""
    prefix = g.protocol.get("instruction_prefix")
    m = re.match(prefix, passage.text, re.IGNORECASE) if prefix else None
    if m and m.end() < len(passage.text):  # "Amendments made: 1, page 1, …": the instruction after it
        rest = passage.text[m.end():]
        readings = read_instruction(g, rest)
        return [Instruction(rest, passage.line_at(m.end()), passage.title, passage, readings, m.end())]
    whole = read_instruction(g, passage.text)
    if whole:
        return [Instruction(passage.text, passage.line, passage.title, passage, whole)]
    title = passage.title or _point_title(passage)  # for the wordings of real minutes
    stripped = [(a, passage.text[a:b].strip()) for a, b in sentences(passage.text)]
    spans = [(passage.text.index(t, a), t) for a, t in stripped if t]
    read = [_past_adoption(g, against, start, t, read_instruction(g, t)) for start, t in spans]
    real = {start: wording.read(t, against.program) for start, t, readings in read if not readings}
    read, real = _split_intros(passage, read, real, against)
    if len(read) > 1 and not any(r for _, _, r in read) and not any(isinstance(w, wording.Readings)
                                                                   for w in real.values()):
        # a quotation the sentence split could not see (an opening mark with a space after it)
        w = wording.read(passage.text, against.program)
        if isinstance(w, wording.Readings):
            return [Instruction(passage.text, passage.line, title, passage, [], 0, w.candidates)]
    real = _open_ends(read, real)
    beside = any(isinstance(r, wording.Readings) for r in real.values())
    found = []
    for start, sentence, readings in read:
        line = passage.line_at(start)
        w = real.get(start)
        if w is None and beside and not readings:
            w = wording.read(sentence, against.program, beside_change=True)
        if readings:
            found.append(Instruction(sentence, line, passage.title, passage, readings, start))
        elif isinstance(w, wording.Readings):
            found.append(Instruction(sentence, line, title, passage, [], start, w.candidates))
        elif isinstance(w, wording.Cannot):
            result.not_applicable.append(Finding(line, why_not(w, against), sentence, title))
        elif passage.title or (g.triggered(sentence) and wording.looks_like_change(sentence)):
            found.append(Instruction(sentence, line, title, passage, [], start))
    if not found and passage.title and not any(isinstance(w, wording.Cannot) for w in real.values()):
        found.append(Instruction(passage.text, passage.line, title, passage, []))
    return found


def _open_ends(read: list, real: dict) -> dict:
    """A reading whose new words run to the end of its sentence unquoted (or in a quotation never
    closed) while the next sentence of the point is read as nothing: that sentence may be more of
    the new words or the minutes' own remark, not known which (review 8 #16)."""
    out = dict(real)
    for (start, _, _), (nxt, text, readings) in zip(read, read[1:]):
        w = real.get(start)
        if isinstance(w, wording.Readings) and w.open_end and not readings and real.get(nxt) is None:
            out[start] = wording.open_sentences(text)
    return out


# "Enligt kommunstyrelsens förslag:", "… och föreslår att kommunfullmäktige beslutar:"
# before the first point of a decision, in the same passage
_INTRO = re.compile(r"^(?:[^:”\"“]{0,300}?\b(?:enligt|i enlighet med) [^:”\"“]{0,200}?|[^:”\"“]{0,400}?\bbeslutar)"
                    r":\s+(?=\S)", re.IGNORECASE)


# "Kommunfullmäktige beslutar att anta programmet med ändringen att …" / "… med följande tillägg:": the
# words before an instruction the grammar reads (amend's own wording pasted into a decision: review 6 #17)
_ADOPTION = re.compile(r"^[^”\"“:]{0,300}?\bmed\s+(?:den\s+|de\s+|följande\s+)?(?:ändring(?:en|ar|arna)?|"
                       r"tillägg(?:et|en)?|justering(?:en|ar|arna)?|revidering(?:en)?|komplettering(?:en)?)"
                       r"(?:\s+att|\s*:)\s+(?=\S)", re.IGNORECASE)


def _past_adoption(g: Grammar, against: Against, start: int, text: str,
                   readings: list[Reading]) -> tuple[int, str, list[Reading]]:
    """A sentence the grammar does not read as a whole, read after the words that adopt it,
    when the grammar reads all of the rest, a reading fits the program, and the adopting
    words reject nothing (else the wordings of real minutes read it)."""
    m = _ADOPTION.match(text) if not readings else None
    if m is None or rejected_word(text[:m.end()]):
        return start, text, readings
    rest = read_instruction(g, text[m.end():])
    if not any(against.fits(r, 0) for r in rest):
        return start, text, readings
    return start + m.end(), text[m.end():], rest


def _split_intros(passage: Passage, read: list, real: dict, against: Against) -> tuple[list, dict]:
    """Read the decision's introduction apart from the point after it, so that a
    report points at the point's own line; both are reported as one when both
    are changes no patch can carry."""
    out, results = [], dict(real)
    for start, text, readings in read:
        m = _INTRO.match(text) if not readings else None
        if not m:
            out.append((start, text, readings))
            continue
        intro, rest = text[:m.end()].strip(), text[m.end():]
        first, second = wording.read(intro, against.program), wording.read(rest, against.program)
        if isinstance(first, wording.Cannot) and isinstance(second, wording.Cannot):
            out.append((start, text, readings))
            continue
        del results[start]
        if first is not None:
            out.append((start, intro, []))
            results[start] = first
        out.append((start + m.end(), rest, []))
        results[start + m.end()] = second
    return out, results


def _point_title(passage: Passage) -> str | None:
    """"Punkt 3" for the third numbered point of a decision."""
    m = re.fullmatch(r"(\d{1,2})[.)]", passage.marker)
    return f"Punkt {m.group(1)}" if m else None


def why_not(cannot: wording.Cannot, against: Against) -> Msg:
    if cannot.reason.key == "extract.cannot.other_document":
        return msg("extract.other_document_hint", reason=cannot.reason)
    return cannot.reason


def undecided(passage: Passage, against: Against, result: Extraction) -> None:
    """A change to the document worded outside the decision and the proposals
    (the § title, "Ärendet"): nothing in the § decides it."""
    for a, b in sentences(passage.text):
        sentence = passage.text[a:b].strip()
        if sentence and wording.read(sentence, against.program) is not None:
            why = (msg("extract.undecided", section=passage.section) if passage.section
                   else msg("extract.undecided_heading"))
            result.needs_human.append(Finding(passage.line_at(a), why, sentence))


def read_instruction(g: Grammar, text: str) -> list[Reading]:
    """The readings of `text`; none when it cannot be read completely."""
    try:
        outcome = g.read(text)
    except TokenizeError:
        return []
    return [] if outcome.exhausted else outcome.readings


def not_understood(g: Grammar, sentence: str) -> Msg:
    try:
        outcome = g.read(sentence)
    except TokenizeError as exc:
        return exc.args[0]
    if outcome.exhausted:
        return msg("extract.too_many_ways")
    reached = outcome.reached
    rest = sentence[reached:].strip()
    if reached and rest:
        return msg("extract.not_understood_from", rest=short(rest, 60))
    return msg("extract.no_wording_fits")


def check_announced(minute: Minute, adopted: list, tables: dict, result: Extraction) -> None:
    """"med följande två tillägg": the decision says how many there are."""
    pattern = tables.get("announced")
    if not pattern:
        return
    numbers = tables.get("numbers") or {}
    for p in (p for p in minute.passages if p.kind == "decision"):
        m = re.search(pattern, p.text, re.IGNORECASE)
        if not m:
            continue
        word = m.group(1).lower()
        count = int(word) if word.isdigit() else numbers.get(word)
        if count is not None and count != len(adopted):
            result.needs_human.append(Finding(p.line_at(m.start()), msg("extract.announced", count=count,
                                                                       words=m.group(0), found=len(adopted))))
