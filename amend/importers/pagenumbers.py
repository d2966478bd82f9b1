"""Printed page numbers: read from header and footer text, settled into the
page each PDF page is cited by.

Forms read: "3", "- 3 -", "Sida 3", "Sid 3", "Sida 3 (36)", "Sida 3 av 36",
"SID 3 (36)", "Sid 3(30)", "s. 3", "3/36", "3 (36)", "Page 3", "Page 3 of 36",
and any of them at the end or start of a running header ("Årsrapport 2024 3 (11)").

Settling: the numbers of consecutive pages that step with the PDF's page
order form a *run* (pages without a number inside a run, such as a chapter's
opening page, follow it). A lone bare number that no neighbour confirms is a
stray number (a figure, a year), not a page number. The longest run is the
document's own numbering; pages before it (a cover, a contents page) take its
first number; a later run that restarts (an appendix, a second report) cannot
go back, since an anchor's page must grow through the document, so it goes on
from the page before and the report says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..messages import Msg, msg

_N = r"(\d{1,4})"
_TOTAL = r"(?:\s*\(\s*\d{1,4}\s*\)|\s*(?:/|av|of|af)\s*\d{1,4})"
_WORD = r"(?:sida|sid|page|pag|s\.|p\.|blad)"
# the whole text is a page number
WHOLE = re.compile(rf"^[-–—]?\s*(?:{_WORD}\s*)?{_N}{_TOTAL}?\s*[-–—]?$", re.IGNORECASE)
# a page number ending a running header or footer: a word or a total says it is one
_TAIL = re.compile(rf"(?:^|\s){_WORD}\s*{_N}{_TOTAL}?$|(?:^|\s){_N}{_TOTAL}$", re.IGNORECASE)
_HEAD = re.compile(rf"^(?:{_WORD}\s*)?{_N}{_TOTAL}?\s+\S", re.IGNORECASE)
_BARE_TAIL = re.compile(r"\s(\d{1,3})$")
# a page number in roman numerals (a front matter: "Sida ii", "- iv -", "Page iii")
_ROMAN = re.compile(rf"^[-–—]?\s*(?:({_WORD})\s*)?([ivxlc]{{1,7}}|[IVXLC]{{1,7}})\s*[-–—]?$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_DIGITS = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(text: str) -> tuple[int, bool] | None:
    """(value, strong) when `text` (a margin line) prints a page number in roman numerals;
    strong: a word ('Sida') says so. 'iiii' or 'vx' is no numeral."""
    m = _ROMAN.match(" ".join(text.split()))
    if not m:
        return None
    digits = m.group(2)
    value = _roman_value(digits.lower())
    if value is None or (digits != digits.lower() and digits != digits.upper()):
        return None
    return value, bool(m.group(1))


def _roman_value(digits: str) -> int | None:
    values = [_ROMAN_VALUES[c] for c in digits]
    total = sum(-v if v < nxt else v for v, nxt in zip(values, values[1:] + [0]))
    return total if _to_roman(total) == digits else None


def _to_roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out += digits * count
    return out


def label(number: int, fmt: str) -> str:
    """The number as a page prints it in Word's format `fmt` ('lowerRoman': 3 → 'iii')."""
    if fmt == "lowerRoman":
        return _to_roman(number)
    if fmt == "upperRoman":
        return _to_roman(number).upper()
    if fmt in ("lowerLetter", "upperLetter") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(number)


def roman_pages(found: list[list[tuple[int, bool]]]) -> set[int]:
    """The PDF pages (from 1) printed in roman numerals: a word says so, or the page
    next to it prints the numeral before or after (a lone 'i' may be a letter)."""
    return {i + 1 for i, cands in enumerate(found) for value, strong in cands if strong or _steps(found, i, value)}


def _steps(found: list[list[tuple[int, bool]]], i: int, value: int) -> bool:
    """Does page i's numeral `value` step with a neighbour's: one less on the page before, one more after?"""
    return any(v == value + d for d in (-1, 1) for j in (i - 1, i + 1) if 0 <= j < len(found)
               for v, _ in found[j] if j - i == d)


def candidates(text: str) -> list[tuple[int, bool]]:
    """(number, strong) for what `text` (a margin line or part of one) may print
    as its page number. Strong: a word ('Sida') or a total ('(36)', 'av 36') says so."""
    text = " ".join(text.split())
    out = []
    m = WHOLE.match(text)
    if m:
        strong = not text.strip("-–— ").isdigit()
        out.append((int(m.group(1)), strong))
        return out
    m = _TAIL.search(text)
    if m:
        out.append((int(m.group(1) or m.group(2)), True))
    m = _BARE_TAIL.search(text)
    if m and not out:
        out.append((int(m.group(1)), False))
    m = _HEAD.match(text)
    if m and not re.match(r"^\d{1,3}(\.\d+)*\s", text[len(m.group(1)):] or " "):
        out.append((int(m.group(1)), False))
    most = _total(text)
    return [(n, strong) for n, strong in out if n >= 1 and (most is None or n <= most)]


def _total(text: str) -> int | None:
    """The page count printed after the number ('(36)', 'av 36'): no page number is over it."""
    total = re.search(r"(?:\(\s*(\d{1,4})\s*\)|(?:/|av|of|af)\s*(\d{1,4}))\s*[-–—]?$", text, re.IGNORECASE)
    return int(total.group(1) or total.group(2)) if total else None


@dataclass(frozen=True)
class Run:
    first: int  # PDF page index, from 1
    last: int
    offset: int  # printed = index + offset
    numbered: int  # pages that print their number


@dataclass(frozen=True)
class Settled:
    pages: list[int]  # the page each PDF page is cited by
    notes: list[Msg]
    printed: bool  # any printed numbers were read
    # per PDF page: "printed", "derived", "cover", "shifted", "physical", "other" (roman numerals)
    how: list[str] = field(default_factory=list)


def parts(found: list[list[tuple[int, bool]]]) -> list[tuple[int, int]]:
    """The parts of a PDF, (first, last) PDF page: a new part starts where a later
    numbering goes back (a second report bundled after the first, an appendix
    from 1), taking the unnumbered pages just before it that its numbering reaches."""
    runs = _runs(found)
    if not runs:
        return [(1, len(found))]
    main = _main_run(runs)
    starts, last_index, last_page = [1], 0, 0
    for r in sorted(runs, key=lambda r: r.first):
        if r.first > main.first and last_page and r.first + r.offset <= last_page:
            starts.append(_part_start(r, last_index))
        last_index, last_page = r.last, r.last + r.offset
    ends = [s - 1 for s in starts[1:]] + [len(found)]
    return list(zip(starts, ends))


def _main_run(runs: list[Run]) -> Run:
    """The document's own numbering: the run with the most pages that print their number."""
    return max(runs, key=lambda r: (r.numbered, r.last - r.first))


def _part_start(r: Run, last_index: int) -> int:
    """Where the part of run `r` starts: the unnumbered pages after `last_index` its numbering reaches are its."""
    start = r.first
    while start - 1 > last_index and start - 1 + r.offset >= 1:
        start -= 1
    return start


def settle(found: list[list[tuple[int, bool]]], base: int = 0, other: frozenset[int] = frozenset()) -> Settled:
    """`found[i]`: the candidates of PDF page base + i + 1 → the page of every PDF page.
    `other`: the pages (from 1, within `found`) printed in another numbering (roman numerals),
    which are not unnumbered: they take their place in the numbering as a cover does."""
    settled = _settle(found, other)
    return replace(settled, notes=[_rebase(note, base) for note in settled.notes]) if base else settled


_INDEX_FIELDS = ("first", "last")


def _rebase(note: Msg, base: int) -> Msg:
    """A note about PDF pages of a part, read on its own, naming them as the whole PDF numbers them."""
    args = dict(note.args)
    for key in _INDEX_FIELDS:
        if key in args:
            args[key] += base
    if "offset" in args:
        args["offset"] -= base
    if "span" in args:
        args["span"] = "–".join(str(int(x) + base) for x in str(args["span"]).split("–"))
    if note.key == "importers.note.printed_same" and base:  # PDF page first+base prints first
        return msg("importers.note.printed_offset", first=args["first"], printed=note.args["first"], offset=-base)
    return replace(note, args=args)


def _settle(found: list[list[tuple[int, bool]]], other: frozenset[int]) -> Settled:
    n = len(found)
    runs = _runs(found)
    if not runs:
        return Settled(list(range(1, n + 1)), [msg("importers.note.no_page_numbers")], False, ["physical"] * n)
    main = _main_run(runs)
    by_index: dict[int, Run] = {i: run for run in runs for i in range(run.first, run.last + 1)}
    pages = _pages(n, main, by_index)
    how = _how(found, pages, by_index, main)
    notes = [_describe(main, pages, runs), *_other_numberings(runs, main, pages), *_gaps(pages, how)]
    before = [i for i in range(1, main.first) if by_index.get(i) is None and i not in other]
    if before:
        notes.append(msg("importers.note.unnumbered", n=len(before), span=_span(before),
                         pages=_span(sorted({pages[before[0] - 1], pages[before[-1] - 1]}))))
    return Settled(pages, notes, True, ["other" if i in other else h for i, h in enumerate(how, start=1)])


def _pages(n: int, main: Run, by_index: dict[int, Run]) -> list[int]:
    """The page of each PDF page: its run's number; before the main run, its first number;
    after a run, its numbering goes on; a run that restarts goes on from the page before it."""
    pages: list[int] = [0] * n
    last_page, last_index = 0, 0
    shift, shifted = 0, None
    for i in range(1, n + 1):
        r = by_index.get(i)
        if r is not None and r is not main and r.first == i and i > main.first:
            shift = max(0, last_page + (i - last_index) - (i + r.offset)) if last_page else 0
            shifted = r
        if r is not None and r is shifted:
            page = i + r.offset + shift
        else:
            page = max(_page_of(i, r, main, last_page, last_index), last_page, 1)
        pages[i - 1] = last_page = page
        last_index = i
    return pages


def _page_of(i: int, r: Run | None, main: Run, last_page: int, last_index: int) -> int:
    if r is not None and _below(r, main):
        return i + r.offset
    if i < main.first and (r is None or r.first < main.first):
        return max(1, min(i + main.offset, main.first + main.offset))
    if r is None:  # after a run: its numbering goes on
        return last_page + (i - last_index) if last_page else i
    return i + r.offset


def _below(r: Run, main: Run) -> bool:
    """A run before the main one whose numbers stay below the main run's first (1, 2, then 4, 5, 6: a
    page missing from the PDF): the same numbering with a gap, not another one, so its pages are as printed."""
    return r is not main and r.last < main.first and r.offset < main.offset


def _gaps(pages: list[int], how: list[str]) -> list[Msg]:
    """A note for each place where a printed number skips pages (a page missing from the PDF)."""
    return [msg("importers.note.missing_pages", first=i, printed_first=pages[i - 1], printed_last=pages[i],
                missing=_span(list(range(pages[i - 1] + 1, pages[i]))), n=pages[i] - pages[i - 1] - 1)
            for i in range(1, len(pages)) if pages[i] > pages[i - 1] + 1 and how[i] == "printed"]


def _other_numberings(runs: list[Run], main: Run, pages: list[int]) -> list[Msg]:
    """Notes on the runs other than the main one whose pages are not what they print."""
    notes = []
    for r in runs:
        printed = (r.first + r.offset, r.last + r.offset)
        got = (pages[r.first - 1], pages[r.last - 1])
        if r is not main and printed != got:
            notes.append(msg("importers.note.other_numbering", first=r.first, last=r.last, printed_first=printed[0],
                             printed_last=printed[1], got_first=got[0], got_last=got[1]))
    return notes


def _how(found: list[list[tuple[int, bool]]], pages: list[int], by_index: dict[int, Run], main: Run) -> list[str]:
    """How each PDF page got its page: its own printed number, the numbering around it, the first
    number (a cover before the numbering), or a numbering that went back and was carried on."""
    out = []
    for i, page in enumerate(pages, start=1):
        r = by_index.get(i)
        if r is None:
            out.append("cover" if i < main.first else "derived")
        elif page != i + r.offset:
            out.append("shifted")
        else:
            out.append("printed" if any(num - i == r.offset for num, _ in found[i - 1]) else "derived")
    return out


def _runs(found: list[list[tuple[int, bool]]]) -> list[Run]:
    """Maximal runs of pages whose numbers step with the page order; up to three
    pages without a number may lie inside a run."""
    offsets = [{(num - i, strong) for num, strong in cands} for i, cands in enumerate(found, start=1)]
    runs: list[Run] = []
    i, n = 0, len(found)
    while i < n:
        if not offsets[i]:
            i += 1
            continue
        d, last, count, strong = max((_run_from(offsets, i, d) for d, _ in offsets[i]),
                                     key=lambda r: (r[2], r[3]))
        # a lone bare number in a PDF of one or two pages counts only where it is the page's own index:
        # 'Avsnitt 3' heading page 2 is no page number that shifts every page
        if count >= 2 or (strong and count == 1) or (n <= 2 and count == 1 and d == 0):
            runs.append(Run(i + 1, last + 1, d, count))
            i = last + 1
        else:
            i += 1
    return [r for r in runs if r.first + r.offset >= 1 or r.numbered > 1]


def _run_from(offsets: list[set[tuple[int, bool]]], i: int, d: int) -> tuple[int, int, int, bool]:
    """(offset, last page index, pages numbered, any strong) of the run of offset `d` from page i."""
    j, last, count, strong = i, i, 0, False
    while j < len(offsets) and j - last <= 4:
        hit = [s for dd, s in offsets[j] if dd == d]
        if hit:
            last, count, strong = j, count + 1, strong or any(hit)
        elif offsets[j] and j > last and any(s for _, s in offsets[j]):
            break  # another number printed here: the run ends unless it is a stray one
        j += 1
    return d, last, count, strong


def _describe(main: Run, pages: list[int], runs: list[Run]) -> Msg:
    main = next((r for r in runs if _below(r, main)), main)  # the numbering from its first printed page
    if main.offset == 0:
        return msg("importers.note.printed_same", first=main.first)
    return msg("importers.note.printed_offset", first=main.first, printed=main.first + main.offset,
               offset=main.offset)


def _span(indices: list[int]) -> str:
    return f"{indices[0]}" if len(indices) == 1 else f"{indices[0]}–{indices[-1]}"


def page_of(settled: Settled | None, index: int) -> int:
    return settled.pages[index - 1] if settled else index
