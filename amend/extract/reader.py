"""Read the amendments a body adopted out of its minutes, as a patch, and
say plainly what could not be read.

protocol text → paragraphs and passages (protocol.py) → instructions read by
the grammar (grammar.py) → a patch (checked by the same loader and schema as a
hand-written one) → every amendment resolved against the program at once, as
`amend apply` would. What is not understood, reads more than one way, does
not resolve, or was proposed but not decided is reported with its protocol
line — never dropped and never guessed.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from ..apply import check_versions, find_conflicts
from ..errors import AmendError, AmendErrors, Text
from ..load import patch_from_data, validate
from ..messages import Msg, msg, render
from ..model import Patch, Program
from ..resolve import Index, Resolution, resolve
from ..text import fold_anchor
from ..tree import get
from . import wording
from .grammar import Grammar, Reading, grammar
from .meeting import Paragraph, outcome, proposal_at, read_paragraph
from .protocol import Minute, Passage, read_protocol, sentences
from .tokenize import TokenizeError

_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Finding:
    """Something the secretary should know, at a protocol line."""

    line: int
    message: Text  # a catalogue Msg; a plain string only from a module not yet converted
    text: str = ""
    title: str | None = None

    def said(self) -> Text:
        """'Tillägg 3: "På sidan 4 ska …" — not understood from "ska …" on'.

        The text in full: a cut-off could hide the very words that matter."""
        said = msg("extract.finding.text", text=self.text, message=self.message) if self.text else self.message
        return msg("extract.finding.title", t=self.title, m=said) if self.title else said

    def __str__(self) -> str:
        return render(self.said())


@dataclass
class Extraction:
    source: str
    patch: Patch | None = None
    needs_human: list[Finding] = field(default_factory=list)
    rejected: list[Finding] = field(default_factory=list)
    checks: list[Finding] = field(default_factory=list)  # readings a person should confirm
    notes: list[Finding] = field(default_factory=list)
    # adopted changes to the document that no patch can carry (the text is in an attachment, …)
    not_applicable: list[Finding] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Everything the body adopted was read, resolved and is in the patch."""
        return not self.needs_human and not self.not_applicable


@dataclass
class _Instruction:
    text: str
    line: int
    title: str | None
    passage: Passage
    readings: list[Reading]
    start: int = 0  # offset of the text in the passage
    candidates: tuple = ()  # wording.Candidate readings of real minutes' wording


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
    tables = g.protocol
    protocol = read_protocol(text, tables)
    result = Extraction(source)
    against = _Against(program, source)
    minute = _choose_minute(protocol.minutes, paragraph, g, source, against)
    others = [m.paragraph for m in protocol.minutes if m is not minute and m.paragraph]
    if others and paragraph is None:
        result.notes.append(Finding(minute.line, msg("extract.note.chosen_paragraph", paragraph=minute.paragraph,
                                                     count=len(others) + 1)))
    if not minute.has_decision and minute.paragraph is not None:
        result.notes.append(Finding(minute.line, msg("extract.note.no_decision_heading", paragraph=minute.paragraph)))

    course = read_paragraph(minute)
    adopted = [i for p in minute.passages if p.kind == "decision" for i in _instructions(p, g, against, result)]
    proposed = []
    for p in minute.passages:
        if p.kind == "proceedings":
            proposed += _proposals(p, g, against, course, adopted, result)
        elif p.kind == "other":
            _undecided(p, against, result)
    adopted = _not_made(minute, adopted, tables, result)
    _check_announced(minute, adopted, tables, result)
    for ins in adopted:
        if not ins.readings and not ins.candidates:
            result.needs_human.append(Finding(ins.line, _not_understood(g, ins.text), ins.text, ins.title))

    amendments: list[dict] = []
    lines: dict[tuple, tuple[int, int]] = {}
    used_ids: set[str] = set()
    for n, ins in enumerate(adopted, 1):
        amendment_id = _unique(_slug(ins.title) if ins.title else f"{tables.get('untitled', 'amendment')}-{n}",
                               used_ids)  # numbered as in the minutes, read or not
        prefer_written = False
        if not ins.candidates and len(ins.readings) == 1 and "range_from" not in ins.readings[0].operation:
            # the house style quotes exactly, so the words as written come first; only Westminster's
            # closing comma inside the marks makes both readings equal candidates
            both = g.language == "en" and len(wording.punctuation_readings(ins.readings[0].patch_data())) > 1
            alternatives = wording.punctuation_readings(ins.readings[0].patch_data(), "" if both else ".!?")
            if len(alternatives) > 1:
                ins = dataclasses.replace(ins, candidates=tuple(wording.Candidate(d) for d in alternatives))
                prefer_written = not both
        if ins.candidates:
            data = _candidate_data(ins, against, result, amendment_id, prefer_written)
        else:
            ins = _rejoin(ins, against, g, result)
            reading = _choose_reading(ins, against, result) if ins.readings else None
            data = _amendment_data(ins, reading, against, result, amendment_id) if reading else None
        if data is not None:
            lines[("amendments", len(amendments))] = (ins.line, 1)
            amendments.append(data)
    _classify_proposals(minute, proposed, adopted, tables, result)

    meta = _decision(protocol, minute, decision or {}, source, tables)
    data = {"program": program.meta.id, "base": program.meta.version, "produces": produces}
    if status:
        data["status"] = status
    data["decision"] = meta
    data["amendments"] = amendments
    result.patch = _load(data, lines, source)
    _resolve_all(result, against)
    return result


# ---------------------------------------------------------------- structure


def _choose_minute(minutes, paragraph: str | None, g: Grammar, source: str, against: _Against) -> Minute:
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


def _what_it_holds(minute: Minute, g: Grammar, against: _Against) -> str:
    """"amendment" (one that fits the program), "change" (a change no patch carries) or ""."""
    found = ""
    for p in (p for p in minute.passages if p.kind == "decision"):
        if p.title or _read(g, p.text):
            return "amendment"
        for a, b in sentences(p.text):
            w = wording.read(p.text[a:b], against.program)
            if isinstance(w, wording.Readings) and any(_fits(c.data, against, minute.line) for c in w.candidates):
                return "amendment"
            found = found or ("change" if w is not None else "")
        w = wording.read(p.text, against.program)
        if isinstance(w, wording.Readings) and any(_fits(c.data, against, minute.line) for c in w.candidates):
            return "amendment"
    return found


def _fits(data: dict, against: _Against, line: int) -> bool:
    try:
        against.resolve(data, line)
    except AmendError:
        return False
    return True


def _listing(minutes) -> str:
    return ", ".join(f"{m.paragraph} ({_short(m.title, 70)})" if m.title else str(m.paragraph) for m in minutes)


def _instructions(passage: Passage, g: Grammar, against: _Against, result: Extraction) -> list[_Instruction]:
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
        readings = _read(g, rest)
        return [_Instruction(rest, passage.line_at(m.end()), passage.title, passage, readings, m.end())]
    whole = _read(g, passage.text)
    if whole:
        return [_Instruction(passage.text, passage.line, passage.title, passage, whole)]
    title = passage.title or _point_title(passage)  # for the wordings of real minutes
    stripped = [(a, passage.text[a:b].strip()) for a, b in sentences(passage.text)]
    spans = [(passage.text.index(t, a), t) for a, t in stripped if t]
    read = [(start, t, _read(g, t)) for start, t in spans]
    real = {start: wording.read(t, against.program) for start, t, readings in read if not readings}
    read, real = _split_intros(passage, read, real, against)
    if len(read) > 1 and not any(r for _, _, r in read) and not any(isinstance(w, wording.Readings)
                                                                   for w in real.values()):
        # a quotation the sentence split could not see (an opening mark with a space after it)
        w = wording.read(passage.text, against.program)
        if isinstance(w, wording.Readings):
            return [_Instruction(passage.text, passage.line, title, passage, [], 0, w.candidates)]
    beside = any(isinstance(r, wording.Readings) for r in real.values())
    found = []
    for start, sentence, readings in read:
        line = passage.line_at(start)
        w = real.get(start)
        if w is None and beside and not readings:
            w = wording.read(sentence, against.program, beside_change=True)
        if readings:
            found.append(_Instruction(sentence, line, passage.title, passage, readings, start))
        elif isinstance(w, wording.Readings):
            found.append(_Instruction(sentence, line, title, passage, [], start, w.candidates))
        elif isinstance(w, wording.Cannot):
            result.not_applicable.append(Finding(line, _why_not(w, against), sentence, title))
        elif passage.title or (g.triggered(sentence) and wording.looks_like_change(sentence)):
            found.append(_Instruction(sentence, line, title, passage, [], start))
    if not found and passage.title and not any(isinstance(w, wording.Cannot) for w in real.values()):
        found.append(_Instruction(passage.text, passage.line, title, passage, []))
    return found


# "Enligt kommunstyrelsens förslag:", "… och föreslår att kommunfullmäktige beslutar:"
# before the first point of a decision, in the same passage
_INTRO = re.compile(r"^(?:[^:”\"“]{0,300}?\b(?:enligt|i enlighet med) [^:”\"“]{0,200}?|[^:”\"“]{0,400}?\bbeslutar)"
                    r":\s+(?=\S)", re.IGNORECASE)


def _split_intros(passage: Passage, read: list, real: dict, against: _Against) -> tuple[list, dict]:
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


def _proposals(passage: Passage, g: Grammar, against: _Against, course: Paragraph, adopted: list,
               result: Extraction) -> list[_Instruction]:
    """Instructions in the course of the meeting ("Yrkanden", "Beslutsgång").
    Those the grammar reads go on to _classify_proposals; those in the wording
    of real minutes are settled by what the § records of the proposal: adopted
    (then applied like the decision), rejected, or unclear (a human decides)."""
    out = []
    for a, b in sentences(passage.text):
        sentence = passage.text[a:b].strip()
        if not sentence:
            continue
        start = passage.text.index(sentence, a)
        line = passage.line_at(start)
        readings = _read(g, sentence)
        w = None if readings else wording.read(sentence, against.program)
        if readings or (w is None and g.triggered(sentence)):
            out.append(_Instruction(sentence, line, passage.title, passage, readings, start))
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
            out.append(_Instruction(sentence, line, passage.title, passage, [], start, w.candidates))
        elif said == "unclear":
            result.needs_human.append(Finding(line, msg("extract.proposed.unclear_by", who=who, section=passage.section)
                                              if who else msg("extract.proposed.unclear", section=passage.section),
                                              sentence, passage.title))
        elif isinstance(w, wording.Cannot):
            why = _why_not(w, against)
            result.not_applicable.append(Finding(line, msg("extract.adopted_as", reason=why, said=words) if words
                                                 else why, sentence, passage.title))
        else:
            adopted.append(_Instruction(sentence, line, passage.title, passage, [], start, w.candidates))
            result.notes.append(Finding(line, msg("extract.note.proposed_adopted", section=passage.section,
                                                  said=words), "", passage.title))
    return out


def _not_made(minute: Minute, adopted: list, tables: dict, result: Extraction) -> list:
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


def _why_not(cannot: wording.Cannot, against: _Against) -> Msg:
    if cannot.reason.key == "extract.cannot.other_document":
        return msg("extract.other_document_hint", reason=cannot.reason)
    return cannot.reason


def _body_decides(sentence: str) -> bool:
    """"Kommunfullmäktige godkänner ordförandens förslag att …": the body's own decision."""
    return bool(re.match(r"(kommunfullmäktige|kommunstyrelsen|fullmäktige|nämnden)\s+(beslutar|godkänner|"
                         r"bifaller)\b", sentence, re.IGNORECASE))


def _undecided(passage: Passage, against: _Against, result: Extraction) -> None:
    """A change to the document worded outside the decision and the proposals
    (the § title, "Ärendet"): nothing in the § decides it."""
    for a, b in sentences(passage.text):
        sentence = passage.text[a:b].strip()
        if sentence and wording.read(sentence, against.program) is not None:
            why = (msg("extract.undecided", section=passage.section) if passage.section
                   else msg("extract.undecided_heading"))
            result.needs_human.append(Finding(passage.line_at(a), why, sentence))


def _read(g: Grammar, text: str) -> list[Reading]:
    """The readings of `text`; none when it cannot be read completely."""
    try:
        outcome = g.read(text)
    except TokenizeError:
        return []
    return [] if outcome.exhausted else outcome.readings


def _not_understood(g: Grammar, sentence: str) -> Msg:
    try:
        outcome = g.read(sentence)
    except TokenizeError as exc:
        return exc.args[0]
    if outcome.exhausted:
        return msg("extract.too_many_ways")
    reached = outcome.reached
    rest = sentence[reached:].strip()
    if reached and rest:
        return msg("extract.not_understood_from", rest=_short(rest, 60))
    return msg("extract.no_wording_fits")


def _check_announced(minute: Minute, adopted: list, tables: dict, result: Extraction) -> None:
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


# ---------------------------------------------------------------- readings


class _Against:
    """The program, indexed once, to try amendments on as `amend apply` would."""

    def __init__(self, program: Program, source: str):
        self.program, self.ix, self.source = program, Index(program), source
        self.words = {w.lower() for u in self.ix.units for w in _WORD.findall(fold_anchor(u.text))}
        self.longest = max(map(len, self.words), default=0) + 1  # with a hyphen

    def resolve(self, amendment: dict, line: int) -> Resolution:
        """Resolve one amendment (patch data) or raise the AmendError apply would."""
        data = {"program": self.program.meta.id, "base": self.program.meta.version, "produces": "check",
                "decision": {"body": "-", "date": "2000-01-01"}, "amendments": [{"id": "probe", **amendment}]}
        return resolve(self.program, _load(data, {("amendments", 0): (line, 1)}, self.source), index=self.ix)

    def fits(self, reading: Reading, line: int) -> bool:
        if "range_from" in reading.operation:
            return True  # checked when the range is looked up
        try:
            self.resolve(reading.patch_data(), line)
        except AmendError:
            return False
        return True


def _rejoin(ins: _Instruction, against: _Against, g: Grammar, result: Extraction) -> _Instruction:
    """Check each word joined across a line-end hyphen against the program's
    words: "förvalt-/ningar" is "förvaltningar" when the program says so, and
    "e-/tjänster" keeps its hyphen when the program writes "e-tjänster".
    When the program shows neither, the join stands and a person is asked to check.

    Linear in the text, however many joins it has: the words are found in one
    pass, each join's word by bisection, and the kept hyphens are put back in
    one pass at the end."""
    text = ins.text
    joins = [j - ins.start for j in ins.passage.joins if 0 < j - ins.start < len(text)]
    if not joins:
        return ins
    runs = [m.span() for m in _WORD_RUN.finditer(text)]  # the words, found once
    starts = [a for a, _ in runs]
    kept: list[int] = []  # joins where the hyphen goes back, last first
    unsure: list[Msg] = []  # joins the program cannot settle, last first
    for join in reversed(joins):
        begin, end = _word_around(runs, starts, join)
        if kept:
            end = min(end, kept[-1])  # a hyphen put back after this join ends the word
        if end - begin >= against.longest:  # longer than any word of the program: neither reading is one
            left, right = text[begin:min(join, begin + 61)], text[join:min(end, join + 61)]
            joined, hyphened = text[begin:begin + 61], left + "-" + right
            unsure.append(_unsure(joined, left, right, hyphened))
            continue
        left, right = text[begin:join], text[join:end]
        joined, hyphened = left + right, left + "-" + right
        if hyphened.lower() in against.words and joined.lower() not in against.words:
            kept.append(join)
            result.notes.append(Finding(ins.line, msg("extract.note.kept_hyphen", word=_short(hyphened)), "",
                                        ins.title))
        elif joined.lower() not in against.words:
            unsure.append(_unsure(joined, left, right, hyphened))
    if unsure:  # one line per instruction, however many joins: the first one read, and how many more
        said = unsure[-1] if len(unsure) == 1 else msg("extract.check.unsure_joins", first=unsure[-1],
                                                        n=len(unsure) - 1)
        result.checks.append(Finding(ins.line, said, "", ins.title))
    if not kept:
        return ins
    pieces, prev = [], 0
    for join in reversed(kept):
        pieces += [text[prev:join], "-"]
        prev = join
    text = "".join(pieces) + text[prev:]
    return dataclasses.replace(ins, text=text, readings=_read(g, text))


def _unsure(joined: str, left: str, right: str, hyphened: str) -> Msg:
    return msg("extract.check.unsure_join", joined=_short(joined), left=_short(left), right=_short(right),
               hyphened=_short(hyphened))


_WORD_RUN = re.compile(r"\w+")


def _word_around(runs: list, starts: list, at: int) -> tuple[int, int]:
    """(start, end) of the letters on both sides of offset `at`: the word run
    that ends at or holds `at` on the left, the one that holds it on the right."""
    from bisect import bisect_right

    k = bisect_right(starts, at) - 1  # the last run starting at or before `at`
    begin = end = at
    if k >= 0 and runs[k][0] < at <= runs[k][1]:
        begin = runs[k][0]
    if k >= 0 and runs[k][0] <= at < runs[k][1]:
        end = runs[k][1]
    return begin, end


def _short(word: str, most: int = 60) -> str:
    """A word for a message; a run of letters longer than any word is cut."""
    return word if len(word) <= most else word[:most] + "…"


def _choose_reading(ins: _Instruction, against: _Against, result: Extraction) -> Reading | None:
    """One reading: the only one, or the only one of several that matches the program."""
    if len(ins.readings) == 1:
        return ins.readings[0]
    fits = [r for r in ins.readings if against.fits(r, ins.line)]
    if len(fits) == 1:
        result.notes.append(Finding(ins.line, msg("extract.note.only_fitting_reading",
                                                  reading=_describe_reading(fits[0]), n=len(ins.readings)),
                                    ins.text, ins.title))
        return fits[0]
    ways = "; ".join(_describe_reading(r) for r in ins.readings[:4])
    said = (msg("extract.reads_ways", n=len(ins.readings), ways=ways) if fits
            else msg("extract.reads_ways_none_fits", n=len(ins.readings), ways=ways))
    result.needs_human.append(Finding(ins.line, said, ins.text, ins.title))
    return None


def _describe_reading(r: Reading) -> str:
    return ", ".join(f"{k}: {v!r}" if isinstance(v, str) else f"{k}: {v}" for k, v in r.at + r.fields)


def _amendment_data(ins: _Instruction, reading: Reading, against: _Against, result: Extraction,
                    amendment_id: str) -> dict | None:
    data = {"id": amendment_id}
    if ins.title:
        data["title"] = ins.title
    data["text"] = ins.text
    fields = reading.patch_data()
    if reading.line is not None:
        result.checks.append(Finding(ins.line, msg("extract.check.line_not_checked", line=reading.line), "",
                                     ins.title))
    if "range_from" in fields:
        ranged = _range(fields, ins, against, result)
        if ranged is None:
            return None
        fields = ranged
    data.update(fields)
    return data


def _candidate_data(ins: _Instruction, against: _Against, result: Extraction,
                    amendment_id: str, prefer_written: bool = False) -> dict | None:
    """The one reading of real minutes' wording that the program bears out.
    Two readings that both fit but change the text differently (a closing full
    stop inside the quotation or the minutes' own) are refused, not chosen."""
    fits: list[tuple[wording.Candidate, Resolution | None]] = []
    errors = []
    for c in ins.candidates:
        try:
            fits.append((c, against.resolve(c.data, ins.line)))
        except AmendError as exc:
            errors.append(exc)
    if prefer_written and fits and fits[0][0] is ins.candidates[0]:
        fits = fits[:1]  # the words as quoted are in the program: the house style quotes exactly
    elif prefer_written and fits:
        result.checks.append(Finding(ins.line, msg("extract.check.without_closing_mark",
                                                   reading=_describe_data(fits[0][0].data)), "", ins.title))
    if not fits:  # written as read: resolving the patch reports why it does not apply, as for any amendment
        fits = [(ins.candidates[0], None)]
    effects = {_effect(r, against.program) for _, r in fits if r is not None}
    if len(effects) > 1:
        ways = [_describe_data(c.data) for c, _ in fits]
        result.needs_human.append(Finding(ins.line, msg("extract.two_ways_differ", ways=ways),
                                          ins.text, ins.title))
        return None
    chosen = fits[0][0]
    for note in chosen.notes:
        result.checks.append(Finding(ins.line, note, "", ins.title))
    data = {"id": amendment_id}
    if ins.title:
        data["title"] = ins.title
    data["text"] = ins.text
    data.update(chosen.data)
    return data


def _effect(resolution: Resolution, program: Program) -> tuple:
    """What the edits make of the text: replacing "X." by "Y." and "X" by "Y" is the same change."""
    out: list[tuple] = []
    for e in resolution.edits:
        if e.kind == "text":
            node = get(program, e.path)
            old = node if isinstance(node, str) else node.text
            out.append((e.path, old[:e.start] + str(e.new) + old[e.end:]))
        else:
            out.append((e.kind, repr(e.new), e.container, e.index))
    return tuple(out)


def _describe_data(data: dict) -> str:
    return ", ".join(f"{k}: {v!r}" for k, v in data.items() if k != "at")


def _range(fields: dict, ins: _Instruction, against: _Against, result: Extraction) -> dict | None:
    """'leave out from "A" to "B"': the words after A up to and including B,
    looked up in the program so that the patch quotes them exactly."""
    ends = []
    for key in ("range_from", "range_to"):
        probe = {**({"at": fields["at"]} if "at" in fields else {}), "after": fields[key], "insert": "x"}
        try:
            ends.append(against.resolve(probe, ins.line).edits[0])
        except AmendError as exc:
            result.needs_human.append(Finding(ins.line, msg("extract.cannot_place", words=fields[key],
                                                            reason=exc.message), ins.text, ins.title))
            return None
    a, b = ends
    if a.path != b.path or b.start <= a.start:
        result.needs_human.append(Finding(ins.line, msg("extract.range_order", end=fields["range_to"],
                                                        start=fields["range_from"]), ins.text, ins.title))
        return None
    node = get(against.program, a.path)
    words = (node if isinstance(node, str) else node.text)[a.start:b.start].strip()
    out = {k: v for k, v in fields.items() if k not in ("range_from", "range_to", "with")}
    if "with" in fields:
        out.update({"replace": words, "with": fields["with"]})
    else:
        out["delete"] = words
    result.checks.append(Finding(ins.line, msg("extract.check.range", words=_short(words, 80)), "", ins.title))
    return out


def _slug(title: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "amendment"


def _unique(base: str, used: set) -> str:
    name, k = base, 2
    while name in used:
        name, k = f"{base}-{k}", k + 1
    used.add(name)
    return name


# ---------------------------------------------------------------- proposals


def _classify_proposals(minute: Minute, proposed: list, adopted: list, tables: dict, result: Extraction) -> None:
    """Proposals made in the course of the meeting: the same as a decided
    amendment (stated twice), rejected, or unclear (a human decides)."""
    decided_texts = {fold_anchor(i.text) for i in adopted}
    decided_titles = {i.title for i in adopted if i.title}
    decision_text = " ".join(p.text for p in minute.passages if p.kind == "decision")
    by_reference = tables.get("by_reference") and re.search(tables["by_reference"], decision_text, re.IGNORECASE)
    passages = list(minute.passages)
    rejected = tables.get("rejected") or r"(?!)"
    adopting = tables.get("adopted_words") or r"(?!)"
    open_proposals, said_of = [], {}
    for ins in proposed:
        if fold_anchor(ins.text) in decided_texts:
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


def _first_rejection(ins, passages: list, rejected: str):
    """(passage, offset, match) of the first rejection word after a proposal, or None."""
    start = ins.passage.text.find(ins.text) + len(ins.text)
    for passage in passages[passages.index(ins.passage):]:
        m = re.compile(rejected, re.IGNORECASE).search(passage.text, start if passage is ins.passage else 0)
        if m:
            return passage, m.start(), m
    return None


# ---------------------------------------------------------------- the patch


def _decision(protocol, minute: Minute, given: dict, source: str, tables: dict) -> dict:
    out = {"body": given.get("body") or protocol.body, "date": given.get("date") or protocol.date}
    missing = [k for k in ("body", "date") if not out[k]]
    if missing:
        raise AmendError(msg("extract.no_body_or_date") if len(missing) == 2 else msg("extract.no_body")
                         if missing == ["body"] else msg("extract.no_date"), source=source)
    paragraph = given.get("paragraph") or minute.paragraph
    case = given.get("case") or minute.case
    if paragraph:
        out["paragraph"] = paragraph
    if case:
        out["case"] = case
    to = _proposes_to(minute, tables)
    if to:
        out["proposes_to"] = to
    return out


def _proposes_to(minute: Minute, tables: dict):
    """"Förslag till beslut i kommunfullmäktige": the body only proposes, and to whom."""
    pattern = tables.get("proposes_to")
    for p in (p for p in minute.passages if p.kind == "decision"):
        m = re.search(pattern, p.text, re.IGNORECASE) if pattern else None
        if m:
            return m.group(1)[:1].upper() + m.group(1)[1:]
    return None


def _load(data: dict, lines: dict, source: str) -> Patch:
    """Through the same schema check and loader as a patch file."""
    validate(data, lines, "patch", source)
    return patch_from_data(data, lines, source)


def _resolve_all(result: Extraction, against: _Against) -> None:
    """Resolve every amendment against the program, then look for conflicts,
    exactly as `amend apply` does before it changes anything."""
    patch, program = result.patch, against.program
    assert patch is not None  # made by extract before it resolves
    check_versions(program, patch)
    edits = []
    for am in patch.amendments:
        one = Patch(patch.program, patch.base, patch.produces, patch.decision, (am,), source=patch.source)
        try:
            edits += resolve(program, one, index=against.ix).edits
        except AmendError as exc:
            for err in exc.errors if isinstance(exc, AmendErrors) else [exc]:
                result.needs_human.append(Finding(am.source.line, msg("extract.does_not_apply", reason=err.message),
                                                  am.text or "", am.title or am.id))
    for conflict in find_conflicts(edits):
        line = getattr(conflict.source, "line", 0)  # a Conflict is always at an amendment's model.Source
        result.needs_human.append(Finding(line, conflict.message, "",
                                          conflict.amendment))


# ---------------------------------------------------------------- reporting


def read_text(path: str) -> str:
    """The protocol file's text, or one clear error: the same checks as for a
    program or patch file (a plain file, within the size limit, UTF-8)."""
    from .. import limits
    from ..load import check_characters, decode_text, read_input

    text = decode_text(read_input(path, limits.MAX_FILE_BYTES), str(path))
    check_characters(text, str(path), allowed="\f")  # what the patch would quote must load again
    return text


def report_comments(result: Extraction, protocol: str) -> tuple[str, ...]:
    """What a reader of the patch file must know, as comment lines for its top
    (in the current language)."""
    lines = [msg("extract.comment.head", protocol=protocol)]
    for head, findings in ((msg("extract.comment.needs_human"), result.needs_human),
                           (msg("extract.comment.not_applicable"), result.not_applicable),
                           (msg("extract.comment.checks"), result.checks),
                           (msg("extract.comment.rejected"), result.rejected)):
        if findings:
            lines.append(head)
            lines += [msg("extract.comment.line", line=f.line, finding=f.said()) for f in _by_line(findings)]
    return tuple(str(m) for m in lines)


def _by_line(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.line)


def report_lines(result: Extraction, protocol: str) -> list[Msg]:
    """The findings as the command prints them, one a line: "needs a human: minutes.txt:12: …"."""
    out = []
    for kind, findings in ((msg("extract.report.needs_human"), result.needs_human),
                           (msg("extract.report.not_applicable"), result.not_applicable),
                           (msg("extract.report.rejected"), result.rejected),
                           (msg("extract.report.check"), result.checks),
                           (msg("extract.report.note"), result.notes)):
        out += [Msg(kind.key, {"protocol": protocol, "line": f.line, "finding": f.said()}) for f in _by_line(findings)]
    return out


def nothing_written(result: Extraction) -> Msg:
    """Why no patch is written: an empty one would say the decision changed nothing."""
    d = result.patch.decision if result.patch else None
    assert d is not None
    if result.complete:
        return (msg("extract.report.nothing_in_decision", paragraph=d.paragraph, body=d.body, date=d.date)
                if d.paragraph else msg("extract.report.nothing_in_minutes", body=d.body, date=d.date))
    return (msg("extract.report.nothing_written", paragraph=d.paragraph, body=d.body, date=d.date) if d.paragraph
            else msg("extract.report.nothing_written_minutes", body=d.body, date=d.date))


def summary(result: Extraction, output: str | None = None) -> Msg:
    """"extracted 2 amendments of Kommunfullmäktige 2025-10-22 § 170[; wrote patch.yaml]"."""
    patch = result.patch
    assert patch is not None
    d, n = patch.decision, len(patch.amendments)
    said = (msg("extract.report.extracted_paragraph", n=n, body=d.body, date=d.date, paragraph=d.paragraph)
            if d.paragraph else msg("extract.report.extracted", n=n, body=d.body, date=d.date))
    return msg("extract.report.wrote", summary=said, path=output) if output else said


def need_a_human(result: Extraction) -> Msg:
    """"2 things need a human (see above)"."""
    return msg("extract.report.need_a_human", n=len(result.needs_human) + len(result.not_applicable))
