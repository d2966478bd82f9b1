"""An instruction read from the minutes → the data of one amendment of the patch:
the one reading the program bears out, ranges looked up so that the patch quotes
exactly, ids as the minutes number them."""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Program, Table
from ..resolve import Hit, Resolution
from ..text import clean
from ..tree import get
from . import wording
from .against import Against
from .findings import Extraction, Finding, short
from .grammar import Reading
from .instructions import Instruction
from .quotations import quotations
from .textlines import sentences


def choose_reading(ins: Instruction, against: Against, result: Extraction) -> Reading | None:
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


# operations placed by words they quote, which can be found without line numbers
_QUOTED_PLACE = ("replace", "delete", "after", "before", "range_from", "after_item", "delete_item", "delete_paragraph",
                 "delete_section", "after_section")


def amendment_data(ins: Instruction, reading: Reading, against: Against, result: Extraction,
                    amendment_id: str) -> dict | None:
    data = {"id": amendment_id}
    if ins.title:
        data["title"] = ins.title
    data["text"] = ins.text
    fields = reading.patch_data()
    open_ended = open_payload(ins, reading)
    if open_ended is not None:
        result.needs_human.append(Finding(ins.line, open_ended, ins.text, ins.title))
        return None
    if reading.line is not None and not any(k in fields for k in _QUOTED_PLACE):
        # "line 18, at end insert …": the place is the line itself, which the program cannot find
        result.needs_human.append(Finding(ins.line, msg("extract.line_place_unknown", line=reading.line),
                                          ins.text, ins.title))
        return None
    if reading.clause is not None:
        result.checks.append(Finding(ins.line, msg("extract.check.clause_not_checked", clause=reading.clause), "",
                                     ins.title))
    if reading.line is not None:
        result.checks.append(Finding(ins.line, msg("extract.check.line_not_checked", line=reading.line), "",
                                     ins.title))
    if "range_from" in fields:
        ranged = _range(fields, ins, against, result)
        if ranged is None:
            return None
        fields = ranged
    data.update(fields)
    return _row_counted(data, ins, against, result)


# the new words of an operation, which the house style may give unquoted after a colon
_NEW_WORDS = ("insert", "add_item", "add_paragraph", "with")
# "läggs följande mening till:", "läggs en (ny) punkt till:": the new words are one sentence, one item
_ONE_SENTENCE = re.compile(r"\b(?:följande|en|ett) (?:ny |nytt )?(?:mening|punkt)\b", re.IGNORECASE)


def open_payload(ins: Instruction, reading: Reading) -> Msg | None:
    """Why new words read unquoted to the end of the point are refused: they run over more than one
    sentence where the wording adds one sentence or item ("läggs följande mening till: A. B."), or a
    later sentence speaks of the change ("Ändringen gäller från 2026."), so where they end is unclear
    (review 9 #8; review 8 #16 for the wordings of real minutes)."""
    quoted = {clean(q.text) for q in quotations(ins.text)[1] if q.closed and q.marked}
    for key, value in reading.fields:
        if key not in _NEW_WORDS or not isinstance(value, str) or clean(value) in quoted or len(sentences(value)) < 2:
            continue
        later = wording._later_sentences(value)
        if _ONE_SENTENCE.search(ins.text) or wording._REMARK.search(later):
            return msg("extract.cannot.open_sentences", words=later)
    return None


def candidate_data(ins: Instruction, against: Against, result: Extraction,
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
    effects = {effect(r, against.program) for _, r in fits if r is not None}
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
    return _row_counted(data, ins, against, result)


_ANCHORS = wording._ANCHORS  # the operations placed by the words they quote


def _row_counted(data: dict, ins: Instruction, against: Against, result: Extraction) -> dict | None:
    """The data, or None (needs a human) when its row may be counted with or without the header."""
    unclear = None if _UNDER_HEADER.search(ins.text) else row_count_unclear(data, against.program)
    if unclear is None:
        return data
    result.needs_human.append(Finding(ins.line, unclear, ins.text, ins.title))
    return None


def under_header_row(at: dict, program: Program) -> bool:
    """Whether `at` names a row of a table with a header row: every table it may be in has one."""
    tables = _tables_at(at, program) if isinstance(at.get("row"), int) else []
    return bool(tables) and all(t.header for t in tables)


# "i andra raden under rubrikraden": the row counted under the header row, as describe writes it
_UNDER_HEADER = re.compile(r"\braden under rubrikraden\b|\brow under the header row\b", re.IGNORECASE)


def row_count_unclear(data: dict, program: Program) -> Msg | None:
    """"i tabellens andra rad": `row` counts the rows under the header, a reader of the printed table
    may count the header row as row 1. When the quoted words are in both rows so counted, the count
    is a guess (review 8 #13); in one only, the quote settles it (apply refuses words not in the row)."""
    at = data.get("at") or {}
    row, words = at.get("row"), next((data[k] for k in _ANCHORS if isinstance(data.get(k), str)), None)
    if not isinstance(row, int) or row < 1 or not words:
        return None
    for table in _tables_at(at, program):
        texts = [_row_text(table.header, at.get("column"))] + [_row_text(r, at.get("column")) for r in table.rows]
        if table.header and row < len(texts) and words in texts[row] and words in texts[row - 1]:
            return msg("guards.extract_row_count", words=words, row=row)
    return None


# "i tabellens sista rad", "i sista raden i tabellen": the words that named the last row
_LAST_ROW = re.compile(r"(?:\bi )?(?:tabellens sista rad\b|sista raden(?: i tabellen)?)", re.IGNORECASE)


def last_row(ins: Instruction, program: Program) -> Instruction | Msg:
    """"i tabellens sista rad": the row is numbered as the patch numbers rows (under the header) when the
    place holds one table; else why not, naming the words (`row` is a whole number in a patch, review 9 #2)."""
    ats = [at for at in [r.scope for r in ins.readings] + [c.data.get("at") or {} for c in ins.candidates]
           if at.get("row") == "last"]
    if not ats:
        return ins
    tables = {id(t): t for at in ats for t in _tables_at(at, program)}
    if len(tables) != 1:
        words = _LAST_ROW.search(ins.text)
        return msg("guards.extract_last_row", words=words.group() if words else "sista", count=len(tables))
    n = len(next(iter(tables.values())).rows)
    readings = [dataclasses.replace(r, at=tuple((k, n if (k, v) == ("row", "last") else v) for k, v in r.at))
                for r in ins.readings]
    candidates = tuple(dataclasses.replace(c, data=_numbered(c.data, n)) for c in ins.candidates)
    return dataclasses.replace(ins, readings=readings, candidates=candidates)


def _numbered(data: dict, n: int) -> dict:
    """The data with its `row: last` as row n."""
    at = data.get("at") or {}
    return {**data, "at": {**at, "row": n}} if at.get("row") == "last" else data


def _tables_at(at: dict, program: Program) -> list[Table]:
    """The tables of the sections under the heading named, else of all sections (more refused, never fewer)."""
    sections = [s for s in program.sections if s.heading == at["heading"]] if "heading" in at else program.sections
    return [b for s in sections for b in s.blocks if isinstance(b, Table)]


def _row_text(cells, column) -> str:
    """The words of a row, or of its cell in the column named (1 = first)."""
    if isinstance(column, int):
        cells = cells[column - 1:column]
    return clean(" ".join(getattr(b, "text", "") for c in cells for b in c.blocks))


def effect(resolution: Resolution, program: Program) -> tuple:
    """What the edits make of the text: replacing "X." by "Y." and "X" by "Y" is the same change."""
    out: list[tuple] = []
    for e in resolution.edits:
        if e.action == "text":
            node = get(program, e.path)
            old = node if isinstance(node, str) else node.text
            out.append((e.path, old[:e.start] + str(e.new) + old[e.end:]))
        else:
            out.append((e.action, repr(e.new), e.container, e.index))
    return tuple(out)


def _describe_data(data: dict) -> str:
    return ", ".join(f"{k}: {v!r}" for k, v in data.items() if k != "at")


def _range(fields: dict, ins: Instruction, against: Against, result: Extraction) -> dict | None:
    """'leave out from "A" to "B"': the words after A up to and including B,
    looked up in the program so that the patch quotes them exactly."""
    ends = _range_ends(fields, ins, against, result)
    if ends is None:
        return None
    a, b = ends
    words = against.ix.units[a.unit].text[a.end:b.end].strip()
    out = {k: v for k, v in fields.items() if k not in ("range_from", "range_to", "with")}
    if "with" in fields:
        out.update({"replace": words, "with": fields["with"]})
    else:
        out["delete"] = words
    result.checks.append(Finding(ins.line, msg("extract.check.range", words=short(words, 80)), "", ins.title))
    return out


def _range_ends(fields: dict, ins: Instruction, against: Against, result: Extraction) -> tuple[Hit, Hit] | None:
    """Where A and B are: A once in scope; B the one place after A in A's paragraph, as Westminster
    reads "to B" (to the first B after A; B may also stand before A or in another paragraph)."""
    found = [_range_end(fields, key, ins, against, result) for key in ("range_from", "range_to")]
    starts, ends = found
    if starts is None or ends is None:
        return None
    a = starts[0]
    after = [h for h in ends if h.unit == a.unit and h.start >= a.end]
    start, end = fields["range_from"], fields["range_to"]
    if len(after) != 1:
        result.needs_human.append(Finding(ins.line, msg("extract.range_end_repeated", end=end, start=start,
                                                        count=len(after)) if after
                                          else msg("extract.range_order", end=end, start=start), ins.text, ins.title))
        return None
    if len(ends) > 1:
        result.checks.append(Finding(ins.line, msg("extract.check.range_first_end", end=end, start=start,
                                                   count=len(ends)), "", ins.title))
    return a, after[0]


def _range_end(fields: dict, key: str, ins: Instruction, against: Against, result: Extraction) -> list[Hit] | None:
    """The places of one end of a range (the start must be one place), or None with the reason kept."""
    probe = {**({"at": fields["at"]} if "at" in fields else {}), "delete": fields[key]}
    try:
        return against.locate(probe, ins.line, every=key == "range_to")
    except AmendError as exc:
        result.needs_human.append(Finding(ins.line, msg("extract.cannot_place", words=fields[key],
                                                        reason=exc.message), ins.text, ins.title))
        return None


def slug(title: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "amendment"


def unique(base: str, used: set) -> str:
    name, k = base, 2
    while name in used:
        name, k = f"{base}-{k}", k + 1
    used.add(name)
    return name
