"""A paragraph of the source DOCX as the importer reads its text, and edits of
that text made in its runs: deleting, inserting (with the formatting of the run
beside it), and the same as tracked changes (w:del, w:ins).

The importer (amend.importers.docxxml) turns a paragraph's runs into text and
tidies it (control characters out, white space collapsed). `ParaText` keeps,
for every character of that tidied text, the raw characters of the XML it came
from, so that a change of the program's text lands on exactly those
characters. Edits are made at whole-run granularity: runs are split first
where an edit starts or ends, so formatting outside the edit is untouched.
"""
from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Any

from ..importers.common import _CONTROLS
from ..importers.docxxml import _CONTAINERS, _DRAWINGS, _TRACKED_DELETIONS, w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SPACES = " \t\r\n\f\v"
_ONE_SPACE = {w("tab"), w("cr"), w("br")}
_SKIPPED = _TRACKED_DELETIONS | _DRAWINGS | {w("footnoteReference"), w("endnoteReference")}
# what the text holds besides characters, recorded with where it is (source_guard.py)
_MARKS = (_DRAWINGS | {w(t) for t in ("footnoteReference", "endnoteReference", "fldChar", "instrText",
                                      "commentRangeStart", "commentRangeEnd", "commentReference")})


def _raw(el, out: list, marks: list | None = None, hidden: Callable[[Any], bool] | None = None) -> None:
    """(char, node, offset) for every character of `el` the importer reads, in order; in
    `marks`, (element, number of characters before it) for each mark of _MARKS, for the
    start and the end of a w:fldSimple, and for a hidden run (not printed, so not imported:
    `hidden` says which run is)."""
    tag = el.tag
    if tag == w("r") and hidden is not None and hidden(el):
        if marks is not None:
            marks.append((el, len(out)))
        return
    if marks is not None and (tag in _MARKS or tag == w("fldSimple")):
        marks.append((el, len(out)))
    if tag == w("t"):
        out.extend((ch, el, i) for i, ch in enumerate(el.text or ""))
    elif tag in _ONE_SPACE:
        out.append((" ", el, 0))
    elif tag == w("noBreakHyphen"):
        out.append(("-", el, 0))
    elif tag == w("sym"):
        char = el.get(w("char"), "")
        if not char.upper().startswith("F0"):
            try:
                out.append((chr(int(char, 16)), el, 0))
            except ValueError:
                pass
    elif tag in _SKIPPED or tag.endswith("}oMath") or tag.endswith("}oMathPara"):
        return
    elif tag in _CONTAINERS:
        for child in el:
            _raw(child, out, marks, hidden)
        if marks is not None and tag == w("fldSimple"):
            marks.append((el, len(out)))


@dataclass
class ParaText:
    """The importer's text of one w:p, with where each of its characters came from."""

    p: Any
    raw: list = field(default_factory=list)  # (char, node, offset)
    marks: list = field(default_factory=list)  # (element, raw position): footnote references, images, fields …
    text: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # per char of text: [start, end) in raw
    hidden: Callable[[Any], bool] | None = None  # is a run of this paragraph hidden (w:vanish)

    @classmethod
    def of(cls, p, hidden: Callable[[Any], bool] | None = None) -> ParaText | None:
        """None when the text cannot be mapped back to its characters."""
        pt = cls(p, hidden=hidden)
        pt.collect()
        return pt

    def collect(self) -> None:
        self.raw, self.marks = [], []
        for child in self.p:
            _raw(child, self.raw, self.marks, self.hidden)
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        for i, (ch, _, _) in enumerate(self.raw):
            ch = ch.translate(_CONTROLS)
            if not ch:
                continue
            if ch in _SPACES:
                if chars and chars[-1] == " " and spans[-1][1] == i:
                    spans[-1] = (spans[-1][0], i + 1)
                    continue
                ch = " "
            chars.append(ch[0])
            spans.append((i, i + 1))
        while chars and chars[-1] == " ":
            chars.pop()
            spans.pop()
        while chars and chars[0] == " ":
            chars.pop(0)
            spans.pop(0)
        self.text, self.spans = _nfc(chars, spans)

    def run_at(self, q: int):
        """The w:r holding raw character q."""
        node = self.raw[q][1]
        while node is not None and node.tag != w("r"):
            node = node.getparent()
        return node


def _nfc(chars: list[str], spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The text in NFC, as the importer stores it, each character still knowing its raw
    characters: a base character and the combining marks after it are normalised together
    and share their span (a CJK compatibility ideograph becomes its unified one)."""
    text = "".join(chars)
    if unicodedata.is_normalized("NFC", text):
        return text, spans
    out: list[str] = []
    out_spans: list[tuple[int, int]] = []
    k = 0
    while k < len(chars):
        end = k + 1
        while end < len(chars) and unicodedata.combining(chars[end]):
            end += 1
        piece = unicodedata.normalize("NFC", "".join(chars[k:end]))
        out.extend(piece)
        out_spans.extend([(spans[k][0], spans[end - 1][1])] * len(piece))
        k = end
    return "".join(out), out_spans


@dataclass
class Unit:
    """One text of the base program where it is in the file: pt.text[start:start + len(text)]."""

    pt: ParaText | None  # None: a text that is not in the file (a heading made from the title)
    start: int
    text: str
    alone: bool  # the only text of its paragraph


@dataclass
class Marks:
    """How edits are written: removed (the adopted text) or tracked (the redline)."""

    tracked: bool
    author: str = "amend"
    date: str = ""
    next_id: int = 1
    wrapper: dict = field(default_factory=dict)  # run → the w:ins/w:del put around it

    def mark(self, tag: str):
        el = _make(w(tag))
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        self.next_id += 1
        return el

    def outer(self, run):
        return self.wrapper.get(run, run)

    def delete_run(self, run) -> None:
        if not self.tracked:
            run.getparent().remove(run)
            return
        for t in run.iter(w("t")):
            t.tag = w("delText")
        for t in run.iter(w("instrText")):
            t.tag = w("delInstrText")
        self._wrap(run, "del")

    def insert_run(self, run) -> None:
        if self.tracked:
            self._wrap(run, "ins")

    def _wrap(self, run, tag: str) -> None:
        box = self.mark(tag)
        run.addprevious(box)
        box.append(run)
        self.wrapper[run] = box

    def paragraph_mark(self, p, tag: str) -> None:
        """The paragraph mark of `p` inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = _make(w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = _make(w("rPr"))
            after = [c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))]
            (after[0].addprevious(rpr) if after else ppr.append(rpr))
        rpr.insert(0, self.mark(tag))


def _make(tag: str):
    from lxml import etree

    return etree.Element(tag)


def text_run(text: str, rpr) -> Any:
    """A w:r with `text` and a copy of the run properties `rpr` (tracked-change marks left out)."""
    r = _make(w("r"))
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        for gone in rpr.findall(w("rPrChange")) + rpr.findall(w("ins")) + rpr.findall(w("del")):
            rpr.remove(gone)
        r.append(rpr)
    t = _make(w("t"))
    t.text = text
    if text != text.strip(" ") or "  " in text:
        t.set(XML_SPACE, "preserve")
    r.append(t)
    return r


def split_before(pt: ParaText, q: int) -> None:
    """Make raw character q of `pt` the first content of a run of its own."""
    if q <= 0 or q >= len(pt.raw):
        return
    _, node, offset = pt.raw[q]
    run = pt.run_at(q)
    if run is None:
        return
    if node.tag == w("t") and offset > 0:
        tail = _make(w("t"))
        tail.text, node.text = node.text[offset:], node.text[:offset]
        for t in (node, tail):
            t.set(XML_SPACE, "preserve")
        node.addnext(tail)
        node = tail
    children = list(run)
    at = children.index(node) if node in children else -1
    if at <= 0 or all(c.tag == w("rPr") for c in children[:at]):
        return  # already first in its run
    new = _make(w("r"))
    for k, v in run.attrib.items():
        new.set(k, v)
    rpr = run.find(w("rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    for c in children[at:]:
        new.append(c)
    run.addnext(new)


@dataclass(frozen=True)
class Edit:
    """One change of a paragraph's tidied text: delete text[a:b], or insert `new` at a."""

    a: int
    b: int
    new: str = ""
    who: tuple[str, str] = ("amend", "")  # author and date of a tracked change
    follows: bool = False  # inserted words that follow the text before them (an insert `after:`)


def edit_paragraph(pt: ParaText, edits: list[Edit], marks: Marks) -> None:
    """Apply `edits` (positions in pt.text) to the runs of pt.p."""
    cuts = set()
    for e in edits:
        if e.b > e.a:
            cuts |= {pt.spans[e.a][0], pt.spans[e.b - 1][1]}
        else:
            cuts.add(_anchor(pt, e.a))
    for q in sorted(cuts, reverse=True):
        split_before(pt, q)
    pt.collect()
    at: dict[int, list[Edit]] = {}  # insertions by place; several at one place keep their order
    for e in edits:
        if e.new:
            at.setdefault(e.a, []).append(e)
    gone = {q for e in edits if e.b > e.a for q in range(*raw_span(pt, e))}  # raw characters deleted
    for a in sorted(at, reverse=True):
        last = None
        for e in at[a]:
            last = _insert(pt, e, marks, last, gone)
    for e in edits:
        if e.b > e.a:
            _delete(pt, e, marks)


_BREAKS = {w("br"), w("cr")}


def before_breaks(pt: ParaText, edits: list[Edit]) -> list[Edit]:
    """`edits`, each kept to the lines it reads on where a line break (read as a space) is beside
    it (README "Amending the council's own Word file"): words put after the words that end a line,
    given as "och tullen " right after the break, go before it as " och tullen"; words deleted
    with the break after them ("polisen⏎") go with the space before them instead (" polisen").
    The same text either way; only where nothing but the break stands there (_plainly_between)."""
    return [_keeps_a_break(pt, _before_a_break(pt, e, edits), edits) for e in edits]


def _before_a_break(pt: ParaText, e: Edit, edits: list[Edit]) -> Edit:
    a = e.a
    if not (e.follows and e.b == a > 1 and e.new.endswith(" ") and not e.new.startswith(" ")) \
            or pt.text[a - 1] != " " or not _plainly_between(pt, a - 1):
        return e
    return e if _touched(e, edits, a - 1, a) else Edit(a - 1, a - 1, " " + e.new[:-1], e.who, e.follows)


def _keeps_a_break(pt: ParaText, e: Edit, edits: list[Edit]) -> Edit:
    a, b = e.a, e.b
    if e.new or b - a < 2 or a < 1 or pt.text[b - 1] != " " or pt.text[a - 1] != " ":
        return e
    if not _is_break(pt, b - 1) or not _plain_space(pt, a - 1):
        return e
    return e if _touched(e, edits, a - 1, b) else Edit(a - 1, b - 1, "", e.who, e.follows)


def _touched(e: Edit, edits: list[Edit], lo: int, hi: int) -> bool:
    """Does another edit start or end in text[lo:hi] (both ends included)?"""
    return any(o is not e and (lo <= o.a <= hi or lo <= o.b <= hi) for o in edits)


def _is_break(pt: ParaText, i: int) -> bool:
    lo, hi = pt.spans[i]
    return any(node.tag in _BREAKS for _, node, _ in pt.raw[lo:hi])


def _plain_space(pt: ParaText, i: int) -> bool:
    """Is the text's character i a space of a w:t in a run of the paragraph itself, no mark beside it?"""
    lo, hi = pt.spans[i]
    if any(lo <= at <= hi for _, at in pt.marks):
        return False
    return all(node.tag == w("t") and node.getparent().getparent() is pt.p for _, node, _ in pt.raw[lo:hi])


def _plainly_between(pt: ParaText, i: int) -> bool:
    """Is the text's character i (a space) a line break (w:br, w:cr) of the file, in a run of the
    paragraph itself that is, or comes right after, the run before it, with no mark (a footnote's,
    a comment's, a field's, a hidden run) at either side: words moved from after it to before it
    land where they read? (Not inside a field's shown text, a link, a content control or a bookmark.)"""
    if not _is_break(pt, i):
        return False
    lo = pt.spans[i][0]
    before = pt.spans[i - 1][1]
    if any(before <= at <= pt.spans[i][1] for _, at in pt.marks):
        return False
    last, broken = pt.run_at(before - 1), pt.run_at(lo)
    return last is not None and last.getparent() is pt.p and (broken is last or last.getnext() is broken)


def raw_span(pt: ParaText, e: Edit) -> tuple[int, int]:
    """The raw characters [lo, hi) an edit changes; (q, q) for an insertion at raw position q."""
    if e.b > e.a:
        return pt.spans[e.a][0], pt.spans[e.b - 1][1]
    q = _anchor(pt, e.a)
    return q, q


def _anchor(pt: ParaText, a: int) -> int:
    """The raw position an insertion at text position a goes to."""
    if a < len(pt.spans):
        return pt.spans[a][0] if a == 0 else pt.spans[a - 1][1]
    return pt.spans[-1][1] if pt.spans else 0


def _insert(pt: ParaText, e: Edit, marks: Marks, last: Any = None, gone: Set[int] = frozenset()) -> Any:
    """Insert e.new as a run; `last`: the run inserted just before at the same place (the new
    one goes right after it: two decisions' words at one place, in the order they read); `gone`:
    the raw characters other edits delete (words put in for a link's deleted words stay in it)."""
    marks.author, marks.date = e.who
    q = _anchor(pt, e.a)
    if last is not None:
        run = text_run(e.new, last.find(w("rPr")))
        marks.outer(last).addnext(run)
    elif q > 0:  # after the run before: an inserted word takes the formatting of the text it follows
        before = pt.run_at(q - 1)
        run = text_run(e.new, before.find(w("rPr")))
        outer = marks.outer(before)
        (outer if q - 1 in gone else _past_a_link_end(outer)).addnext(run)
    elif pt.raw:
        after = pt.run_at(0)
        run = text_run(e.new, after.find(w("rPr")))
        marks.outer(after).addprevious(run)
    else:
        run = text_run(e.new, None)
        pt.p.append(run)
    marks.insert_run(run)
    return run


def _past_a_link_end(node):
    """`node`, or the link (w:hyperlink) it ends: words put after a link's last words are not
    part of the link, as in Word, where typing after a link does not lengthen it."""
    parent = node.getparent()
    while parent is not None and parent.tag == w("hyperlink") and node.getnext() is None:
        node, parent = parent, parent.getparent()
    return node


def _delete(pt: ParaText, e: Edit, marks: Marks) -> None:
    marks.author, marks.date = e.who
    start, end = pt.spans[e.a][0], pt.spans[e.b - 1][1]
    runs: list = []
    for q in range(start, end):
        run = pt.run_at(q)
        if run is not None and run not in runs:
            runs.append(run)
    for run in runs:
        marks.delete_run(run)


def first_rpr(p):
    """The run properties of the first run with text of paragraph `p`."""
    if p is None:
        return None
    for r in p.iter(w("r")):
        if r.find(w("t")) is not None:
            return r.find(w("rPr"))
    return None


def max_id(root) -> int:
    ids = [int(v) for el in root.iter() for k, v in el.attrib.items() if k == w("id") and v.isdigit()]
    return max(ids, default=0)


def own_runs(p) -> list:
    """The runs of paragraph `p` itself (not those of a text box in it), not already deleted."""
    out = []
    for r in p.iter(w("r")):
        up = r.getparent()
        while up is not None and up is not p and up.tag not in (w("p"), w("del"), w("moveFrom")):
            up = up.getparent()
        if up is p:
            out.append(r)
    return out
