"""What an edit of the council's Word file must not touch (review 5, findings 19 and 20).

A paragraph of the source DOCX holds more than the program's text: footnote and
endnote references, images, text boxes and embedded objects, comment marks, and
fields (PAGE, DATE, TITLE, a table of contents …) whose shown text Word and
LibreOffice compute themselves. Such a thing stays where it is, beside the same
words, when the words an amendment changes are wholly beside it. When they hold
it, end at it (a footnote mark belongs to the words before it), start at it, or
new text would go right beside it, what becomes of it would be a guess (a
footnote left on other words, an image deleted, a field's result rewritten and
then recomputed by Word), so the run stops naming the amendment and what is in
the way. A field's shown text is never edited.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import _DRAWINGS, w
from ..messages import Msg, msg
from .source_runs import Edit, ParaText, raw_span

_NOTES = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}
_BEFORE = "before"  # belongs to the words before it: a note mark, the end of a comment
_AFTER = "after"  # belongs to the words after it: the start of a comment


@dataclass(frozen=True)
class Obstacle:
    """Something in a paragraph's text that is not text: raw[lo:hi] (lo == hi: a mark)."""

    lo: int
    hi: int
    what: Msg
    side: str = ""  # _BEFORE, _AFTER, or "" (belongs to neither side: an image, a field)
    kind: str = ""  # "field" (its shown text), "bound" (a content control bound to data), or "" (other)

    def hit(self, lo: int, hi: int, insert: bool) -> bool:
        """Whether an edit of raw[lo:hi] (an insertion at lo) holds or touches it."""
        if insert:
            return self.lo <= lo <= self.hi
        if self.kind == "bound":  # words deleted beside its text leave that text as it is
            return lo < self.hi and hi > self.lo
        touches_end = hi == self.lo and self.side != _AFTER
        touches_start = lo == self.hi and self.side != _BEFORE
        return (lo < self.hi and hi > self.lo) or touches_end or touches_start


class Guard:
    """The obstacles of the source file's paragraphs, and the refusal of an edit that touches one."""

    def __init__(self, body: Any, xml: dict[str, bytes], name: str):
        self.name = name
        self.numbers = _note_numbers(body)
        self.texts = _note_texts(xml)
        self.in_field = _inside_fields(body)

    def check_edits(self, pt: ParaText, edits: list[tuple[Edit, Any]]) -> None:
        """Check each amendment's edits of a paragraph as one span, from the first word it changes
        to the last, so that a mark between two of its changes counts. `edits`: (edit, amendment)."""
        groups: dict[int, list[Edit]] = {}
        made_by: dict[int, Any] = {}
        for e, am in edits:
            key = id(am) if am is not None else id(e)
            groups.setdefault(key, []).append(e)
            made_by[key] = am
        for key, group in groups.items():
            spans = [raw_span(pt, e) for e in group]
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            self.check(pt, lo, hi, all(e.a == e.b for e in group) and lo == hi, made_by[key])

    def check(self, pt: ParaText, lo: int, hi: int, insert: bool, amendment: Any) -> None:
        """Refuse an edit of raw[lo:hi] of `pt` (an insertion at lo) that holds or touches an obstacle."""
        for ob in self.obstacles(pt):
            if ob.hit(lo, hi, insert) or _just_before(pt, ob, hi):
                self.refuse(ob, amendment)

    def check_whole(self, pt: ParaText, amendment: Any) -> None:
        """Refuse deleting the whole paragraph of `pt` when it holds an obstacle."""
        for ob in self.obstacles(pt):
            self.refuse(ob, amendment)

    def refuse(self, ob: Obstacle, amendment: Any) -> None:
        raise UnreadableDocument(_refusal(ob, self.name),
                                 source=getattr(amendment, "source", None),
                                 amendment=getattr(amendment, "label", None),
                                 amendment_id=getattr(amendment, "id", None))

    def obstacles(self, pt: ParaText) -> list[Obstacle]:
        out = [self.mark(el, q) for el, q in pt.marks if el.tag in _DRAWINGS or el.tag in _NOTES
               or el.tag in (w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"), w("r"))]
        return out + list(_fields(pt, self.in_field.get(pt.p))) + list(_bound_controls(pt))

    def mark(self, el: Any, q: int) -> Obstacle:
        if el.tag in _NOTES:
            kind, number = _NOTES[el.tag], self.numbers.get((_NOTES[el.tag], el.get(w("id"))), "?")
            what = msg("source.what.footnote", n=number) if kind == "footnote" else msg("source.what.endnote", n=number)
            text = self.texts.get((kind, el.get(w("id"))))
            return Obstacle(q, q, msg("source.what.quoted", what=what, text=excerpt(text, 60)) if text else what,
                            _BEFORE)
        if el.tag == w("commentRangeStart"):
            return Obstacle(q, q, msg("source.what.comment"), _AFTER)
        if el.tag in (w("commentRangeEnd"), w("commentReference")):
            return Obstacle(q, q, msg("source.what.comment"), _BEFORE)
        if el.tag == w("r"):  # a hidden run (source_runs._raw): not printed, not in the program
            hidden = "".join(t.text or "" for t in el.iter(w("t")))
            return Obstacle(q, q, msg("source.what.hidden", text=excerpt(hidden, 40)))
        if el.tag == w("object"):
            return Obstacle(q, q, msg("source.what.object"))
        boxed = any((t.text or "").strip() for t in el.iter(w("t")))
        return Obstacle(q, q, msg("source.what.text_box") if boxed else msg("source.what.image"))


def _refusal(ob: Obstacle, file: str) -> Msg:
    if ob.kind == "field":
        return msg("source.in_field", what=ob.what, file=file)
    if ob.kind == "bound":
        return msg("source.in_bound_control", what=ob.what, file=file)
    return msg("source.in_the_way", what=ob.what, file=file)


def _just_before(pt: ParaText, ob: Obstacle, hi: int) -> bool:
    """Whether the words of an edit ending at raw position `hi` are the last ones before a
    footnote mark (only punctuation or space between): the mark would be on other words."""
    return ob.side == _BEFORE and hi <= ob.lo and not any(ch.isalnum() for ch, _, _ in pt.raw[hi:ob.lo])


def _fields(pt: ParaText, open_instr: str | None) -> Iterable[Obstacle]:
    """The fields of a paragraph as obstacles from their start to their end (the shown text
    between): complex fields (w:fldChar begin … end) and simple ones (w:fldSimple). A field
    opened in an earlier paragraph (`open_instr`, a table of contents) covers its start."""
    stack: list[list[Any]] = [[0, open_instr or ""]] if open_instr is not None else []
    simple: dict[Any, int] = {}
    for el, q in pt.marks:
        kind = el.get(w("fldCharType")) if el.tag == w("fldChar") else None
        if kind == "begin":
            stack.append([q, ""])
        elif el.tag == w("instrText") and stack:
            stack[-1][1] += el.text or ""
        elif kind == "end" and stack:
            lo, instr = stack.pop()
            yield _field(lo, q, instr)
        elif el.tag == w("fldSimple"):
            if el in simple:
                yield _field(simple.pop(el), q, el.get(w("instr"), ""))
            else:
                simple[el] = q
    for lo, instr in stack:  # goes on into the next paragraph
        yield _field(lo, len(pt.raw), instr)


def _field(lo: int, hi: int, instr: str) -> Obstacle:
    name = (instr.split() or ["?"])[0].upper()
    return Obstacle(lo, hi, msg("source.what.field", field=name), kind="field")


def _bound_controls(pt: ParaText) -> Iterable[Obstacle]:
    """Content controls bound to the file's data (w:sdt with w:dataBinding, or Word 2013's
    w15:dataBinding) as obstacles over their text: Word fills that text in from the data, so
    words changed in it, or put at its edges (which land inside it), would be written over.
    A control around the whole paragraph (or its table cell) covers all of its text."""
    if any(_bound(sdt) for sdt in pt.p.iterancestors(w("sdt"))):
        yield _bound_obstacle(pt, 0, len(pt.raw))
        return
    bound = {sdt for sdt in pt.p.iter(w("sdt")) if _bound(sdt)}
    if not bound:  # (nearly every paragraph: its characters are not walked)
        return
    spans: dict[Any, list[int]] = {}
    for q, (_, node, _) in enumerate(pt.raw):
        for sdt in bound.intersection(node.iterancestors(w("sdt"))):
            spans.setdefault(sdt, [q, q])[1] = q + 1
    for lo, hi in spans.values():
        yield _bound_obstacle(pt, lo, hi)


def _bound(sdt: Any) -> bool:
    props = sdt.find(w("sdtPr"))
    return props is not None and any(etree.QName(c).localname == "dataBinding" for c in props)


def _bound_obstacle(pt: ParaText, lo: int, hi: int) -> Obstacle:
    text = excerpt("".join(ch for ch, _, _ in pt.raw[lo:hi]), 40)
    return Obstacle(lo, hi, msg("source.what.quoted", what=msg("source.what.bound_control"), text=text), kind="bound")


def _inside_fields(body: Any) -> dict[Any, str]:
    """The paragraphs that start inside a field opened in an earlier one: {w:p: its instruction}."""
    out: dict[Any, str] = {}
    stack: list[str] = []
    for el in body.iter(w("p"), w("fldChar"), w("instrText")):
        if el.tag == w("p"):
            if stack:
                out[el] = stack[-1]
        elif el.tag == w("instrText"):
            if stack:
                stack[-1] += el.text or ""
        elif el.get(w("fldCharType")) == "begin":
            stack.append("")
        elif el.get(w("fldCharType")) == "end" and stack:
            stack.pop()
    return out


def _note_numbers(body: Any) -> dict[tuple[str, str | None], str]:
    """The number a reader sees for each footnote and endnote: their order in the body."""
    out: dict[tuple[str, str | None], str] = {}
    for tag, kind in _NOTES.items():
        for n, el in enumerate(body.iter(tag), 1):
            out.setdefault((kind, el.get(w("id"))), str(n))
    return out


def _note_texts(xml: dict[str, bytes]) -> dict[tuple[str, str | None], str]:
    from lxml import etree

    from ..text import clean

    out: dict[tuple[str, str | None], str] = {}
    for kind in ("footnote", "endnote"):
        data = xml.get(f"word/{kind}s.xml")
        if data is None:
            continue
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
        for note in root.iter(w(kind)):
            out[(kind, note.get(w("id")))] = clean("".join(t.text or "" for t in note.iter(w("t"))))
    return out
