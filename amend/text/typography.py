"""Does the edited sentence still read as written? Checks on what an edit leaves at its edges.

An amendment quotes words and says what to put there; read literally, a sloppy quotation
can leave text that no one adopted: a sentence that starts in lower case ("polisen. och
med tullen"), a doubled mark ("årligen..", "polisen,."), two sentences run together
("polisen Arbetet"), empty brackets. Each check compares the text before and after the
edit (and the inserted words on their own), so that what was already written is never
held against the amendment. A problem is returned as a reason (Msg); resolve refuses.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..messages import Msg, msg
from .joining import TERMINAL, _starts_sentence, end_insert, insert_at, own_terminal
from .matching import clean, word_before
from .sentences import (
    DASH_STARTS,
    OPENING_MARKS,
    Boundary,
    _next_start,
    abbreviation_like,
    owns_its_full_stop,
    sentence_boundaries,
)

_CLOSING = "\"'\u201d\u2019\u00bb\u00ab\u203a\u2039)]}"
_PUNCT_RUN = re.compile(r"[.,;:!?\u2026](?: ?[.,;:!?\u2026])+|[\u2013\u2014] ?[\u2013\u2014]"
                        r"|[.!?\u2026][\"'\u201d\u2019\u00bb)\]]+[.,;:]")  # and '”Trygg.”.'
_PAIRED = (("(", ")"), ("[", "]"), ("{", "}"))
_DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u00bb\u00ab"  # Swedish ”…” and »…» use one mark on both sides
_DOUBLE_QUOTE = re.compile(f"[{_DOUBLE_QUOTES}]")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}")
_QUOTES = "\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a"
# a quote mark that opens (after a space or bracket) right before one that closes: ”” «» ''
_EMPTY_QUOTES = re.compile(r"(?:^|(?<=[\s(\[]))[" + _QUOTES + r"] ?[" + _QUOTES + r"](?=[\s.,;:!?)\]]|$)")
_LEADING_MARKS = ".,;:!?\u2026)]}\u2013\u2014"


def folded_terminal(text: str, end: int, new: str) -> tuple[str, Msg | None]:
    """Words put in before the . ! ? that ends a sentence, and that bring their own,
    give one ("polisen" + "samt med tullen." + ". Arbetet" → "polisen samt med
    tullen. Arbetet"), as at an end insert (`own_terminal`)."""
    right = text[end:]
    terminal = right[:len(right) - len(right.lstrip(TERMINAL))]
    if not terminal or not new.rstrip(_CLOSING).endswith(tuple(TERMINAL)) or new[-1:] in _CLOSING \
            or not new.rstrip(TERMINAL):
        return new, None  # (a new text of marks only is no words of their own: the checks judge it)
    return own_terminal(new, terminal)


def edit_problem(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """Why replacing text[start:end] by `new` (giving `result`) leaves text no one wrote, or None."""
    for check in (_apostrophe, _hyphen_end, _doubled, _empty_brackets, _empty_quotes, _unpaired, _mark_at_start,
                  _mark_after_opening, _lower_start, _runs_on):
        problem = check(text, start, end, new, result)
        if problem:
            return problem
    return None


def _apostrophe(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """Words inserted right after a word that start with an apostrophe: "WHO" + "’s kontor"
    closes the word ("WHO’s"), "’Trygg kommun’" opens a quotation: unclear."""
    if start == end and new[:1] in "'\u2019\u02bc" and new[1:2].isalpha() and text[:start][-1:].isalnum():
        return msg("guards.apostrophe", word=text[:start].rsplit(" ", 1)[-1], new=new)
    return None


def _bad_runs(text: str) -> list[str]:
    """Marks that stand together where none should: "..", ",.", ";,"; not an ellipsis
    (with what stands beside it: "2027,…"), "?!", nor an abbreviation's own full stop
    before another mark ("etc., och", "s.k.!")."""
    return [m.group() for m in _PUNCT_RUN.finditer(text) if not _run_may_stand(text, m)]


def _run_may_stand(text: str, m: re.Match[str]) -> bool:
    """A run of marks that is written so: an ellipsis, "?!", an abbreviation's own full stop before a mark."""
    run = m.group().replace(" ", "")
    if set(run) <= set("!?") or "\u2026" in run or (set(run) == {"."} and len(run) >= 3):
        return True
    return run[0] == "." and len(run) == 2 and run[1] != "." and owns_its_full_stop(word_before(text, m.start()))


def _gained(find: Callable[[str], list[Any]], text: str, new: str, result: str) -> list[Any]:
    """What `find` finds in `result`, when it finds more there than in the text and the new words
    together (the edit made one), else nothing."""
    found = find(result)
    return found if found and len(found) > len(find(text)) + len(find(new)) else []


def _doubled(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    runs = _gained(_bad_runs, text, new, result)
    if runs:
        fresh = [r for r in runs if r not in _bad_runs(text)] or runs
        return msg("guards.doubled_mark", marks=fresh[0], result=_around(result, result.find(fresh[0])))
    return None


def _empty_brackets(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    found = _gained(_EMPTY_BRACKETS.findall, text, new, result)
    if found:
        return msg("guards.empty_brackets", result=_around(result, result.find(found[-1])))
    return None


def _empty_quotes(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """Quotation marks with nothing left between them ("Projektet ”Trygg”" − "Trygg")."""
    found = _gained(lambda t: list(_EMPTY_QUOTES.finditer(t)), text, new, result)
    if found:
        return msg("guards.empty_quotes", result=_around(result, found[-1].start()))
    return None


def _unpaired_marks(text: str) -> list[str]:
    """The brackets without their partner, and a quotation mark left over when double
    quotation marks are odd in number."""
    out = [mark for opening, closing in _PAIRED for mark in _unpaired_brackets(text, opening, closing)]
    quotes = _DOUBLE_QUOTE.findall(text)
    return out + quotes[-1:] if len(quotes) % 2 else out


def unpaired_mark(text: str) -> str | None:
    """The first bracket or quotation mark of new text left without its partner, or None."""
    return next(iter(_unpaired_marks(text)), None)


def _unpaired_brackets(text: str, opening: str, closing: str) -> list[str]:
    """The closing brackets of one kind with no opening one before them, then the opening ones left open."""
    if opening not in text and closing not in text:
        return []  # the common case: no such bracket, nothing to pair (and no loop over every letter)
    out, depth = [], 0
    for ch in text:
        if ch == opening:
            depth += 1
        elif ch == closing:
            if depth == 0:
                out.append(closing)
            depth = max(0, depth - 1)
    return out + [opening] * depth


def _unpaired(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """A bracket or quotation mark left without its partner ("polisen (och tullen)." −
    "och tullen)" → "polisen (."; "(och tullen" inserted; "”Trygg i" deleted of "”Trygg i Alingsås”")."""
    before, after = _unpaired_marks(text), _unpaired_marks(result)
    if len(after) > len(before):
        mark = next((m for m in after if m not in before), after[-1])
        return msg("guards.unpaired", mark=mark, result=_around(result, _first_change(text, result)))
    return None


def _hyphen_end(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """Words inserted before a word that end with a hyphen: "HR-" before "avdelningen" may
    join it ("HR-avdelningen") or stand before "och" as in "inköps- och": unclear."""
    if start == end and new[-1:] in "-\u2010\u2011" and new[-2:-1].isalnum() and text[start:start + 1].isalnum():
        return msg("guards.hyphen_end", new=new, word=re.match(r"\w+", text[start:]).group())  # type: ignore[union-attr]
    return None


def _mark_at_start(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """The text now starts with a mark that ended or split what was deleted before it
    ("Kommunen samverkar med polisen. Arbetet" − "Kommunen samverkar med polisen")."""
    mark = result.lstrip()[:1]
    if mark and mark in _LEADING_MARKS and text.lstrip()[:1] != mark:
        return msg("guards.mark_at_start", mark=mark, result=_around(result, 0))
    return None


# an opening bracket, or a quotation mark or dash that opens (at the start, after a space or bracket),
# right before a comma, semicolon or colon: "(, dvs.", "”, kallat", "–, i första hand" (not a full
# stop: "(.)" is what deleting all the words inside leaves, judged as the words were quoted)
_OPENING_THEN_MARK = re.compile(r"(?:[(\[{]|(?:(?<=[\s(\[])|^)(?:[" + _QUOTES + r"]|[\u2013\u2014] ?))(?=[,;:])")


def _marks_after_opening(text: str) -> list[int]:
    """Where an opening dash, quotation mark or bracket is followed at once by a mark that
    closes or goes on a clause ("–, i första hand", "(, och"): the place of that mark."""
    return [m.end() for m in _OPENING_THEN_MARK.finditer(text)]


def _mark_after_opening(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """Words starting with a comma put right after an opening dash, quotation mark or bracket
    ("– Vi stöder" + ", i första hand," before "Vi" → "–, i första hand, Vi stöder"; "(se
    bilaga 2)" + ", dvs." before "se"): the comma takes the place of the space after the opening
    mark (review 13)."""
    found = _gained(_marks_after_opening, text, new, result)
    if found:
        at = next((i for i in found if result[i - 1:i + 1] not in text), found[-1])
        return msg("guards.mark_after_opening", mark=result[at], opening=result[:at].rstrip()[-1:],
                   result=_around(result, _first_change(text, result)))
    return None


def paragraph_start_problem(text: str, result: str) -> Msg | None:
    """A paragraph that started with a capital now starts in lower case ("Därför följs"
    − "Därför", "även" before "Kommunen"). (List items often start in lower case.)"""
    if _next_start(result, 0) == "lower" and _next_start(text, 0) != "lower" and not text.lstrip()[:1].islower():
        # ("iPad-satsningen …" did not start with a capital: a sentence may start so, a paragraph too)
        return msg("guards.lower_paragraph_start", result=_around(result, 0))
    return None


def inserted_sentence(new: str) -> bool:
    """Does the inserted `new` read as a sentence of its own: a capital first, . ! ? at its end
    ("Det är viktigt.")? Put before a full stop, it may go after it or into the sentence."""
    first = new.lstrip(OPENING_MARKS + DASH_STARTS + " ")[:1]
    return _starts_sentence(new) and first.isupper()


def _lower_after_stop(text: str) -> int:
    """Sentences that start in lower case after a full stop that is no abbreviation's ("polisen. och")."""
    return sum(1 for b in sentence_boundaries(text) if not b.certain and _lower_after(text, b))


def _lower_after(text: str, b: Boundary) -> bool:
    """Does the sentence after the uncertain boundary b start in lower case after a full stop no abbreviation's?"""
    before = text[:b.end].rstrip(_CLOSING)
    if not before.endswith(".") or before.endswith(".."):
        return False
    return not abbreviation_like(before[:-1].rsplit(" ", 1)[-1]) and _next_start(text, b.start) == "lower"


def _lower_start(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """A sentence now starts in lower case after a full stop where none did. (The start of
    a paragraph or item is not looked at: list items often start in lower case.)"""
    lower = _lower_after_stop(result)
    if lower and lower > _lower_after_stop(text) + _lower_after_stop(new):
        return msg("guards.lower_start", result=_around(result, _first_change(text, result)))
    return None


def _first_change(text: str, result: str) -> int:
    """Where the result first differs from the text: the place to show."""
    k = 0
    while k < min(len(text), len(result)) and text[k] == result[k]:
        k += 1
    return k


def _runs_on(text: str, start: int, end: int, new: str, result: str) -> Msg | None:
    """The full stop that ended a sentence is replaced or deleted, the next sentence stays
    and nothing ends the first ("polisen." → "polisen": "polisen Arbetet")."""
    if start == end or _ends_in_stop(new):
        return None
    if not text[end:].strip():
        return _loses_last_stop(text, start, new, result)
    bounds = [b for b in sentence_boundaries(text) if b.certain]
    starts = {0} | {b.start for b in bounds}
    stop = _stop_taken(text, bounds, start, end)
    if stop is None or (not new and start in starts):
        return None  # no stop taken, or whole sentences deleted
    return msg("guards.runs_on", ended=text[max(s for s in starts if s <= stop):stop + 1],
               result=_around(result, min(start, len(result))))


def _ends_in_stop(new: str) -> bool:
    """Do the inserted words end with . ! ? of their own (before closing marks)?"""
    return bool(new) and new.rstrip(_CLOSING)[-1:] in TERMINAL


def _stop_taken(text: str, bounds: list[Boundary], start: int, end: int) -> int | None:
    """The offset of the first . ! ? inside text[start:end] that ends a sentence (of the certain
    `bounds`) while the next one starts after `end`; None if there is none."""
    stops = (len(text[:b.end].rstrip(_CLOSING)) - 1 for b in bounds if b.start >= end)  # the . ! ? itself
    return next((stop for stop in stops if start <= stop < end), None)


def _loses_last_stop(text: str, start: int, new: str, result: str) -> Msg | None:
    """The edit reaches the end of the text and takes the . ! ? that ends it, with no
    mark in its place ("årligen." → "varje år": "Arbetet följs upp varje år")."""
    body = text.rstrip(_CLOSING + " ")
    if body[-1:] not in TERMINAL or len(body) <= start or result.rstrip(_CLOSING + " ")[-1:] in TERMINAL:
        return None
    if _ends_in_stop(new):
        return None
    return msg("guards.loses_last_stop", mark=body[-1], result=_around(result, len(result)))


def _around(text: str, at: int, words: int = 4) -> str:
    """A few words either side of offset `at`, for the message."""
    at = max(0, min(at, len(text)))
    return _last_words(text[:at], words) + _first_words(text[at:], words)


def _last_words(text: str, words: int) -> str:
    """The last few words of `text`, after an ellipsis when there are more."""
    left = text.split(" ")
    return ("\u2026" if len(left) > words else "") + " ".join(left[-words:])


def _first_words(text: str, words: int) -> str:
    """The first few words of `text`, before an ellipsis when there are more."""
    right = text.split(" ")
    return " ".join(right[:words]) + ("\u2026" if len(right) > words else "")


def checked_end_insert(text: str, lo: int, hi: int, new: str) -> tuple[int, str, Msg | None]:
    """`end_insert`, refusing what it cannot place: the text ends in ':' ';' or ',' (a list
    follows or goes on: before or after the mark?), or a full sentence is added to a text
    with no . ! ? at its end ("länsstyrelsen" + "Det är viktigt.")."""
    body = text[lo:hi].rstrip(_CLOSING + " ")
    new = clean(new)
    if body[-1:] in (":", ";", ","):
        return -1, "", msg("guards.end_in_mark", mark=body[-1])
    if body and body[-1] not in TERMINAL and _starts_sentence(new):
        return -1, "", msg("guards.end_without_stop", new=new)
    at, placed, problem = end_insert(text, lo, hi, new)
    if problem is None:  # a mark without its partner ('Projektet "Trygg'), as for any other edit (review 9 #7)
        problem = _unpaired(text, at, at, placed, insert_at(text, at, placed))
    return at, placed, problem
