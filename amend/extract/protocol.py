"""Protocol text as copied from a PDF → its paragraphs (§), their sections and
passages, with every passage knowing the protocol lines it came from.

Copying from a PDF leaves page furniture (the page header, "Utdragsbestyrkande",
"Sida 2 av 5"), hard line breaks and words hyphenated at line ends. The page
header is learned from the top of the first page and removed wherever it
recurs; other furniture comes from the language's table; lines are joined and
hyphenation undone by the rule in `join_lines` (textlines.py, which also
splits text into sentences). Nothing here interprets an amendment: that is the
grammar's job.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..text import clean
from .textlines import Line, join_lines
from .tokenize import TokenizeError, tokenize

_PARAGRAPH = re.compile(r"^§\s*(\d+)\s*(.*)$")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Passage:
    """Consecutive lines of running text, joined: one paragraph of the minutes,
    or the instruction under a title such as "Tillägg 1"."""

    text: str
    starts: tuple  # (offset in text, protocol line) for each joined line
    section: str  # the heading it stands under ("Beslut"), "" before any
    kind: str  # "decision", "proceedings" or "other"
    title: str | None = None
    item: bool = False  # it began with a list marker ("•", "2.")
    joins: tuple = ()  # offsets where a line-end hyphen was taken out
    marker: str = ""  # the list marker it began with ("2.", "•"), without spaces

    @property
    def line(self) -> int:
        return self.starts[0][1]

    def line_at(self, offset: int) -> int:
        i = bisect_right([s for s, _ in self.starts], offset) - 1
        return self.starts[max(i, 0)][1]


@dataclass(frozen=True)
class Minute:
    """One paragraph of the minutes: "§ 170" with everything under it."""

    paragraph: str | None  # "§ 170"; None when the text has no § at all
    case: str | None
    line: int
    passages: tuple
    has_decision: bool  # a decision heading ("Beslut") was found

    @property
    def title(self) -> str:
        """The § heading: the text above its first section heading."""
        return next((p.text for p in self.passages if not p.section), "")


@dataclass(frozen=True)
class Protocol:
    body: str | None
    date: str | None
    minutes: tuple


def _full(patterns, text: str) -> bool:
    return bool(patterns) and _one_pattern(tuple(patterns)).fullmatch(text) is not None


@functools.lru_cache(maxsize=64)
def _one_pattern(patterns: tuple) -> re.Pattern:
    """The phrase table's patterns as one compiled alternation: every line of a
    protocol is tried against them, so compile once, not once per line."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _heading_kind(text: str, tables: dict) -> str | None:
    words = text.rstrip(":").strip()
    for kind in ("decision", "proceedings", "other"):
        if _full(tables.get(f"{kind}_headings") or (), words):
            return kind
    return None


def _is_title(text: str, tables: dict) -> bool:
    return bool(tables.get("titles")) and _full([tables["titles"]], text.rstrip(":").strip())


# ---------------------------------------------------------------- page furniture


def _header(lines: list[Line], tables: dict) -> list[Line]:
    """The protocol's header: the lines above the first §, or above and
    including the header marker ("Protokoll") and the date after it."""
    first = next(iter(_paragraph_starts(lines)), None)
    if first is not None:
        return [ln for ln in lines[:first] if ln.text]
    marker = tables.get("header_marker")
    top = [ln for ln in lines[:12] if ln.text]
    for i, ln in enumerate(top):
        if marker and re.fullmatch(marker, ln.text, re.IGNORECASE):
            date = i + 1 if i + 1 < len(top) and find_date(top[i + 1].text, tables) else i
            return top[: date + 1]
    return []


def remove_furniture(lines: list[Line], header: list[Line], tables: dict) -> list[Line]:
    """Drop page furniture: the header at the top, lines the table names, and the
    page header wherever two or more of its lines recur together. A gap made of
    furniture and blank lines goes as a whole, so that a sentence broken by a
    page break joins up again."""
    header_texts = {ln.text for ln in header}
    drop = {id(ln) for ln in header}
    drop |= {id(ln) for ln in lines if ln.text and _full(tables.get("furniture") or (), ln.text)}
    drop |= _body_lines(lines, drop, tables)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (not lines[j].text or lines[j].text in header_texts or id(lines[j]) in drop):
            j += 1
        gap = lines[i:j]
        repeated = sum(1 for ln in gap if ln.text in header_texts and id(ln) not in drop) >= 2
        if repeated or any(id(ln) in drop for ln in gap):
            drop |= {id(ln) for ln in gap}
        i = max(j, i + 1)
    return [ln for ln in lines if id(ln) not in drop]


def _body_lines(lines: list[Line], furniture: set, tables: dict) -> set:
    """The body's name in a page header ("38 (90)" / "Kommunfullmäktige" /
    "Protokoll nr 1"): a line that is only the name, with furniture within two
    lines of text before or after it (headings printed inside the header, as
    pdftotext does, stay)."""
    pattern = tables.get("body_line")
    if not pattern:
        return set()
    texts = [ln for ln in lines if ln.text]
    return {id(ln) for k, ln in enumerate(texts) if re.fullmatch(pattern, ln.text, re.IGNORECASE)
            and any(id(other) in furniture for other in texts[max(0, k - 2):k] + texts[k + 1:k + 3])}


def furniture_meta(lines: list[Line], tables: dict) -> tuple[str | None, str | None]:
    """(body, date) as the page furniture prints them: "Sammanträdesdatum: 2024-02-01",
    the body's name above "Protokoll nr 1", or "Göteborgs Stad Kommunfullmäktige, protokoll"."""
    body = date = None
    texts = [ln.text for ln in lines if ln.text]
    for k, text in enumerate(texts):
        m = tables.get("furniture_date") and re.fullmatch(tables["furniture_date"], text, re.IGNORECASE)
        if m and not date:
            date = find_date(m.group(1), tables)
        m = tables.get("furniture_body") and re.fullmatch(tables["furniture_body"], text, re.IGNORECASE)
        if m and not body:
            body = m.group(1)
        if not body and k and tables.get("body_line") and re.fullmatch(r"protokoll \(?nr \d+\)?", text, re.I):
            for before in reversed(texts[max(0, k - 3):k]):
                if re.fullmatch(tables["body_line"], before, re.IGNORECASE):
                    body = before
                    break
    if body:
        body = clean(body)
        body = body[:1].upper() + body[1:]
        if body.endswith("ens") or body.endswith("ets"):  # "kommunstyrelsens protokoll"
            body = body[:-1]
    return body, date


# ---------------------------------------------------------------- structure


def find_date(text: str, tables: dict) -> str | None:
    """The first date in `text` as YYYY-MM-DD: ISO, or "22 oktober 2025"."""
    m = _ISO_DATE.search(text)
    if m:
        return m.group(0)
    months = tables.get("months") or {}
    if months:
        names = "|".join(sorted(months, key=len, reverse=True))
        m = re.search(rf"\b(\d{{1,2}})\.? ({names}) (\d{{4}})\b", text, re.IGNORECASE)
        if m:
            return f"{m.group(3)}-{months[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def _body(header: list[Line], tables: dict) -> str | None:
    marker = tables.get("header_marker")
    words = []
    for ln in header:
        if marker and re.fullmatch(marker, ln.text, re.IGNORECASE):
            break
        if find_date(ln.text, tables) or _full(tables.get("furniture") or (), ln.text):
            continue
        words.append(ln.text)
    else:
        if not any(marker and re.fullmatch(marker, ln.text, re.IGNORECASE) for ln in header):
            return None  # no "Protokoll" line: the header does not say who decided
    return clean(" ".join(words)) or None


def read_protocol(text: str, tables: dict) -> Protocol:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = []
    for i, t in enumerate(raw):
        if "\f" in t:  # a page break: a blank line before the rest, on the same line number
            lines.append(Line(i + 1, ""))
        lines.append(Line(i + 1, clean(t.replace("\f", " "))))
    header = _header(lines, tables)
    body = _body(header, tables)
    date = next((d for d in (find_date(ln.text, tables) for ln in header) if d), None)
    if not body or not date:
        in_furniture = furniture_meta(lines, tables)
        body, date = body or in_furniture[0], date or in_furniture[1]
    lines = remove_furniture(lines, header, tables)
    return Protocol(body, date, tuple(_minutes(lines, tables)))


# "§ 46", "§ 46 Dnr 2025.310 KS", "§ 46 2025.310 KS": a line that is nothing but a § heading
_PARAGRAPH_HEADING = re.compile(r"^§\s*\d+\s*(?:(?:dnr|diarienummer|ärendenummer)\b.*|"
                                r"\d{2,4}[./:-]\d+\S*(?:\s+\S+){0,2})?$", re.IGNORECASE)


def _paragraph_starts(lines: list[Line]) -> list[int]:
    """Lines that open a paragraph of the minutes: "§ 170 ..." at the top or after
    a blank line or page furniture (a "§ 294" that a line break put first in a line is text),
    and a line that is only a § heading after a sentence's end or the header's date (text
    copied from a PDF often has no blank lines: review 6 #15)."""
    return [i for i, ln in enumerate(lines) if _PARAGRAPH.match(ln.text)
            and (i == 0 or not lines[i - 1].text or lines[i - 1].no < ln.no - 1  # or after removed furniture
                 or (_PARAGRAPH_HEADING.match(ln.text) is not None and _ends_before(lines[i - 1].text)))]


def _ends_before(text: str) -> bool:
    """The line before a § heading ends what came before: a sentence, or the header's date."""
    return text.rstrip()[-1:] in ".!?:;)”\"" or _ISO_DATE.search(text) is not None


def _minutes(lines: list[Line], tables: dict) -> list[Minute]:
    """Split the protocol at each paragraph (§)."""
    cuts = _paragraph_starts(lines)
    if not cuts:
        return [_minute(None, None, lines[0].no if lines else 1, lines, tables)]
    # "§ 29 0128/22" again at the top of the next page: the same § goes on
    continued = {i for k, i in enumerate(cuts) if k and _number(lines[i]) == _number(lines[cuts[k - 1]])}
    kept = [i for i in cuts if i not in continued]
    out = []
    for n, i in enumerate(kept):
        end = kept[n + 1] if n + 1 < len(kept) else len(lines)
        m = _paragraph_line(lines[i])
        body = [ln for k, ln in enumerate(lines[i + 1:end], i + 1) if k not in continued]
        out.append(_minute(f"§ {m.group(1)}", _case(m.group(2)), lines[i].no, body, tables))
    return _without_contents(out)


def _case(rest: str) -> str | None:
    """The case number after the § ("0128/22", "Dnr KS 2022/12"), or None."""
    rest = re.sub(r"^(ärendenummer|dnr|diarienummer)\s*", "", rest.strip(), flags=re.IGNORECASE)
    return rest if rest and any(c.isdigit() for c in rest) and len(rest.split()) <= 4 else None


def _paragraph_line(line: Line) -> re.Match[str]:
    """The match of a line already found to open a § (a cut)."""
    m = _PARAGRAPH.match(line.text)
    assert m is not None
    return m


def _number(line: Line) -> str:
    return _paragraph_line(line).group(1)


def _without_contents(minutes: list[Minute]) -> list[Minute]:
    """A table of contents lists the §§ before they come ("§ 11 Budget … 5"):
    where a § number stands twice, the one with a decision (or the most text) is the §."""
    best: dict = {}
    for m in minutes:
        size = (m.has_decision, sum(len(p.text) for p in m.passages))
        if m.paragraph not in best or size > best[m.paragraph][0]:
            best[m.paragraph] = (size, m)
    return [m for m in minutes if best[m.paragraph][1] is m]


def _minute(paragraph, case, line_no, lines: list[Line], tables: dict) -> Minute:
    keep = tables.get("keep_hyphen_before") or ()
    passages: list[Passage] = []
    section, kind, title = "", "", None
    has_decision = False
    block: list[Line] = []
    item = False
    marker_text = ""

    def flush():
        nonlocal block, title, item, marker_text
        if block:
            text, starts, joins = join_lines(block, keep)
            passages.append(Passage(text, starts, section, kind, title, item, joins, marker_text))
            title = None
        block, item, marker_text = [], False, ""

    marker = re.compile(tables.get("item_marker") or r"(?!)")
    for ln in lines:
        heading = _heading_kind(ln.text, tables) if ln.text else None
        if heading:
            flush()
            section, kind, title = ln.text.rstrip(":").strip(), heading, None
            has_decision |= heading == "decision"
        elif ln.text and _is_title(ln.text, tables):
            flush()
            title = ln.text.rstrip(":").strip()
        elif not ln.text:
            flush()
        elif (mark := marker.match(ln.text)) and (_item_starts(block, keep) or _next_number(marker_text, ln.text)):
            flush()  # "• På sidan 3 …": one item, one passage
            block.append(Line(ln.no, ln.text[mark.end():]))
            item, marker_text = True, mark.group(0).strip()
        else:
            block.append(ln)
    flush()
    if not has_decision:
        # No "Beslut" heading: the decision may stand anywhere, so everything but
        # the proposals made at the meeting is read as the decision.
        passages = [p if p.kind == "proceedings" else replace(p, kind="decision") for p in passages]
    passages = [p if p.kind else replace(p, kind="other") for p in passages]  # above the first heading
    return Minute(paragraph, case, line_no, tuple(passages), has_decision)


def _next_number(previous: str, line: str) -> bool:
    """"8." after item "7.": the next point of a numbered list starts even when
    item 7 opened a quotation it never closed."""
    a, b = re.match(r"(\d+)[.)]$", previous), re.match(r"(\d+)[.)]\s", line)
    return a is not None and b is not None and int(b.group(1)) == int(a.group(1)) + 1


def _item_starts(block: list[Line], keep) -> bool:
    """Does a line with a list marker start a new item here? Only after a blank
    line, a heading or title, or a line that ends a sentence or clause, and not
    inside a quotation: "läggs följande till: "a" + "– b"" is one instruction."""
    if not block:
        return True
    if block[-1].text[-1:] not in ".:;":
        return False
    try:
        tokenize(join_lines(block, keep)[0])
    except TokenizeError:
        return False
    return True
