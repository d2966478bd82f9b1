"""The title page of the council's own Word file, brought up to date (issue 12, item 1).

A municipal proposal's title page says what the document is: a status line ("Förslag"),
and a dokumentinformation table with rows such as "Beslutad av" and "Datum för beslut".
The title page is what comes before the first text of the program (the import leaves it
out of the program; its places start after it). When the decision adopts the text, that
page is updated in the same file, in the runs of the lines found there and nowhere else:

- a paragraph that is a status word alone ("Förslag", "Utkast" …), or a table row
  "Status" (or a paragraph "Status: Förslag": each row below may be such a line too), gets
  the status of the adopted version (the patch's `status:`, else "Antagen");
- a table row "Beslutad av" (or "Fastställd av", "Antagen av") gets the deciding body;
- a table row "Datum för beslut" (or "Beslutsdatum") gets the decision's date.

The value takes the formatting of the text it replaces, and the redline shows the change
tracked like any other. A line found twice, or a status line that does not say the
program's status, stops the run with a reason: which of them is meant would be a guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diff import Redline
from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import w
from ..messages import Msg, msg
from .source_runs import Edit, Marks, ParaText, edit_paragraph

_STATUS_WORDS = {"förslag", "utkast", "remissversion", "remissförslag", "antagen", "fastställd",
                 "draft", "proposal", "adopted", "approved"}
_ROWS = {  # a dokumentinformation row's label, lower case, without a closing colon -> what it holds
    "status": "status", "dokumentstatus": "status",
    "beslutad av": "by", "fastställd av": "by", "antagen av": "by", "decided by": "by", "adopted by": "by",
    "approved by": "by",
    "datum för beslut": "date", "beslutsdatum": "date", "beslutad datum": "date", "datum för fastställelse": "date",
    "date of decision": "date", "decision date": "date",
}


@dataclass(frozen=True)
class Line:
    """A line of the title page an adoption updates: what it holds, and the paragraph of its value."""

    role: str  # "status", "by", "date"
    pt: ParaText
    start: int = 0  # where the value starts in pt.text: after its label in a line "Status: Förslag"
    end: int | None = None  # where it ends (None: the paragraph's end)
    labelled: bool = True  # a row or line "Status: …"; False: a status word alone ("Förslag")

    @property
    def value(self) -> str:
        return self.pt.text[self.start:self.end]


def title_page(body: Any, units: list) -> list:
    """The body's elements before the one holding the program's first text (source_runs.Unit)."""
    first = next((u.pt.p for u in units if u.pt is not None), None)
    while first is not None and first.getparent() is not body:
        first = first.getparent()
    return list(body)[:list(body).index(first)] if first is not None else []


def title_lines(elements: list, hidden=None) -> list[Line]:
    """The status, decided-by and date lines among the title page's elements (and in the
    content controls that hold them, as templates have)."""
    lines: list[Line] = []
    for el in elements:
        if el.tag == w("sdt") and el.find(w("sdtContent")) is not None:
            lines.extend(title_lines(list(el.find(w("sdtContent"))), hidden))
        elif el.tag == w("p"):
            lines.extend(_paragraph_line(el, hidden))
        elif el.tag == w("tbl"):
            lines.extend(_table_lines(el, hidden))
    return lines


def _table_lines(table: Any, hidden) -> list[Line]:
    """The rows "label | value" of a dokumentinformation table whose label is one of _ROWS."""
    out = []
    for row in table.iter(w("tr")):
        cells = row.findall(w("tc"))
        if len(cells) != 2:
            continue
        label, value = (_only_paragraph(c) for c in cells)
        if label is None or value is None:
            continue
        role = _ROWS.get(_text(label, hidden).strip().rstrip(":").strip().lower())
        pt = ParaText.of(value, hidden(value) if hidden else None) if role else None
        if role and pt is not None:
            out.append(Line(role, pt))
    return out


def _paragraph_line(p: Any, hidden) -> list[Line]:
    """A title page paragraph that is a status word alone, or a line "label: value" (_labelled_line)."""
    pt = ParaText.of(p, hidden(p) if hidden else None)
    if pt is None:
        return []
    if pt.text.strip().lower() in _STATUS_WORDS:
        return [Line("status", pt, labelled=False)]
    labelled = _labelled_line(pt)
    return [labelled] if labelled is not None else []


def _labelled_line(pt: ParaText) -> Line | None:
    """A paragraph "label: value" whose label is one of _ROWS ("Beslutad av: Kommunstyrelsen", as
    many templates write the table's rows; review 8, #14): the value's place after the colon."""
    label, colon, rest = pt.text.partition(":")
    role = _ROWS.get(label.strip().lower()) if colon else None
    value = rest.strip()
    if role is None or not value:
        return None
    start = pt.text.index(value, len(label) + 1)
    return Line(role, pt, start, start + len(value))


def _only_paragraph(cell: Any) -> Any:
    paras = [c for c in cell if c.tag != w("tcPr")]
    return paras[0] if len(paras) == 1 and paras[0].tag == w("p") else None


def _text(p: Any, hidden) -> str:
    pt = ParaText.of(p, hidden(p) if hidden else None)
    return pt.text if pt is not None else ""


def adopted_values(red: Redline) -> dict[str, str]:
    """What the title page says of the adopted version: its status, the deciding body, the date;
    nothing when the last decision only proposes the text to another body."""
    decision = red.default_decision
    if decision is None or decision.proposes_to is not None:
        return {}
    status = red.new.meta.status or msg("source.title.adopted").render(red.new.meta.language)
    return {"status": status, "by": decision.body, "date": str(decision.date)[:10]}


def update_title_page(red: Redline, elements: list, marks: Marks, guard, name: str, hidden=None) -> Msg | None:
    """Write the adopted version's status, deciding body and date into the lines of the title
    page (`elements`, title_page's); what the run should say of them, or None."""
    values = adopted_values(red)
    if not values:
        return None
    lines = title_lines(elements, hidden)
    note = None
    for role in ("status", "by", "date"):
        found = [line for line in lines if line.role == role]
        read = found
        if role == "status" and len(found) == 2:
            read, note = _status_twice(found, values["status"], name)
        if len(read) > 1:
            raise UnreadableDocument(msg("source.title.twice", file=name, line=excerpt(found[1].pt.text)))
        for line in found:
            _check_status(red, read[0], name)
            _write(line, values[role], red, marks, guard)
    return note


def _status_twice(found: list[Line], status: str, name: str) -> tuple[list[Line], Msg | None]:
    """A status word alone ("Förslag") and a Status row: the row is read, and both get the adopted
    status, when they say the same; when they say different things, which is meant is not known."""
    rows = [line for line in found if line.labelled]
    if len(rows) != 1:
        return found, None
    word = next(line for line in found if not line.labelled)
    if word.value.strip().casefold() != rows[0].value.strip().casefold():
        raise UnreadableDocument(msg("source.title.status_contradicts", file=name, word=excerpt(word.pt.text),
                                     row=excerpt(rows[0].pt.text)))
    return rows, msg("source.title.status_twice", file=name, word=word.value.strip(), status=status)


def _check_status(red: Redline, line: Line, name: str) -> None:
    """A status line that does not say the status the program records is not the one to update."""
    said = red.old.meta.status
    if line.role == "status" and said and line.value.strip().lower() != said.strip().lower():
        raise UnreadableDocument(msg("source.title.status_differs", file=name, line=excerpt(line.pt.text),
                                     status=said))


def _write(line: Line, value: str, red: Redline, marks: Marks, guard) -> None:
    """Replace the line's value by `value`, in its paragraph's runs (tracked in the redline)."""
    pt = line.pt
    if line.value == value:
        return
    decision = red.default_decision
    assert decision is not None  # adopted_values found one
    end = len(pt.text) if line.end is None else line.end
    edit = Edit(line.start, end, value, (decision.body, f"{str(decision.date)[:10]}T00:00:00Z"))
    if guard is not None:
        guard.check_edits(pt, [(edit, None)])
    edit_paragraph(pt, [edit], marks)


def stale_status(red: Redline, xml: dict[str, bytes]) -> str | None:
    """A status word ("Förslag" …) in a header or footer of the file, which an adoption leaves as it
    is (every part but the body is copied as it was): the run says so, to be changed in Word."""
    import re

    from lxml import etree

    if not adopted_values(red):
        return None
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    for part in sorted(n for n in xml if re.fullmatch(r"word/(header|footer)\d*\.xml", n)):
        found = next(filter(None, map(_proposal_word, etree.fromstring(xml[part], parser).iter(w("p")))), None)
        if found:
            return found
    return None


_PROPOSAL_WORDS = _STATUS_WORDS - {"antagen", "fastställd", "adopted", "approved"}


def title_status_left(red: Redline, elements: list, hidden=None) -> str | None:
    """A paragraph of the title page (`elements`, title_page's) other than the lines an adoption
    updates that says the document is not adopted yet ("Förslag till beslut"; review 9 #13):
    left as it is, so the run says so. None when the last decision adopts nothing."""
    if not adopted_values(red):
        return None
    updated = [line.pt.p for line in title_lines(elements, hidden)]
    for el in elements:
        for p in el.iter(w("p")):
            if not any(p is q for q in updated) and _proposal_word(p):
                pt = ParaText.of(p, hidden(p) if hidden else None)
                return excerpt(pt.text if pt is not None else "", 60)
    return None


def _proposal_word(p: Any) -> str | None:
    """A word of paragraph `p` that says the document is not adopted yet ("Förslag"), or None."""
    words = " ".join(t.text or "" for t in p.iter(w("t"))).split()
    return next((x for x in words if x.lower() in _PROPOSAL_WORDS), None)
