"""A table the amendments delete whole, right after paragraphs they delete whole (a section's heading
and its table): in the redline the deletion is tracked on the mark of the paragraph before those
paragraphs, not on the mark of the last of them (see source_edit.py).

Word joins a deleted paragraph mark right before a table into the paragraph after the table when
the table goes; LibreOffice 7.4 joins none into a table, so on its Accept All the deleted heading
stayed as an empty paragraph (checked over UNO). Tracked on the mark of the paragraph before (what
Word writes when one selects from the end of that paragraph), the deleted paragraphs join that one
and the mark that stays is the last deleted paragraph's, right before the table. Which look the
joined paragraph keeps: the first paragraph's when it holds text (LibreOffice; Word 2013 and later
keep the top paragraph's too), so the deleted heading keeps its own style in the redline; the last
one's when the first is empty (LibreOffice copies the style of the paragraph a deletion ends in onto
a paragraph it deletes from its start), so then the deleted heading carries the look of the
paragraph before it (w:pPrChange keeps its own for Reject All). A page break at the end of the
paragraph before is, in LibreOffice, a break before the paragraph after it, which in the adopted
file is the paragraph after the table: the first paragraph after the table, deleted whole, carries
that break (a w:pPrChange, so Reject All takes it away again); where no such paragraph is there to
carry it, the deletion stays on the heading's own mark.
"""
from __future__ import annotations

import copy
from typing import Any

from ..importers.docxxml import w
from .docx_xml import PPR_RANK
from .source_marks import _base_ppr, _mark, _ppr, _sect, _untrack


class TableJoining:
    """The marks moved before a table deleted whole (a mixin of source_edit.Writer)."""

    marks: Any
    marked: set
    gone_tables: dict  # a table deleted whole -> its change
    gone_whole: dict  # a paragraph deleted whole -> its change
    who: Any  # source_edit.Writer.who
    default_style: Any

    def join_before_gone_tables(self) -> None:
        for table in self.gone_tables:
            found = self.joined_run(table)
            if found is not None:
                self.move_mark(*found)
        for table in self.kept_tables_after_gone():
            found = self.joined_run(table)
            if found is not None and found[2] is None:  # no page break to carry: the table stays
                self.move_mark(*found)

    def kept_tables_after_gone(self) -> list:
        """The tables that stay right after a paragraph deleted whole (the only text between a
        heading and its table): LibreOffice joins no deleted mark into the table there either, so
        the deletion goes onto the mark of the paragraph before, as for a table deleted whole."""
        out = []
        for p in self.gone_whole:
            after = p.getnext()
            while after is not None and after.tag not in _BLOCKS:
                after = after.getnext()
            if after is not None and after.tag == w("tbl") and after not in self.gone_tables and after not in out:
                out.append(after)
        return out

    def joined_run(self, table) -> tuple[Any, Any, Any] | None:
        """(the paragraph before, the last deleted paragraph before `table`, the paragraph after the
        table to carry a page break or None) when the deletion can be tracked before; else None."""
        last = _previous_block(table)
        if last is None or last not in self.gone_whole or _mark(last, "del") is None:
            return None
        first = last
        while _previous_block(first) in self.gone_whole:
            first = _previous_block(first)
        before = _previous_block(first)
        if before is None or before.tag != w("p") or before in self.marked or _sect(before) is not None:
            return None
        after = _next_block(table)
        if not _ends_in_page_break(before):
            return before, last, None
        carries = after is not None and after in self.gone_whole and _mark(after, "del") is not None
        return (before, last, after) if carries else None

    def move_mark(self, before, last, after) -> None:
        self.marks.author, self.marks.date = self.who(self.gone_whole[last])
        _untrack(last, "del")
        self.marks.paragraph_mark(before, "del")
        self.marked.add(before)
        if not _has_text(before):
            self.take_look(last, before)
        if after is not None:
            self.carry_break(after)

    def take_look(self, p, model) -> None:
        """`p` gets `model`'s paragraph properties; its own are recorded (w:pPrChange)."""
        ppr = _ppr(p)
        base = _base_ppr(p, _ppr(model), self.default_style())
        keep = [c for c in ppr if c.tag in (w("rPr"), w("sectPr"))]
        for child in list(ppr):
            ppr.remove(child)
        for child in _ppr(model):
            if child.tag not in (w("rPr"), w("sectPr"), w("pPrChange")):
                ppr.append(copy.deepcopy(child))
        ppr.extend(keep)
        self.record(ppr, base)

    def carry_break(self, p) -> None:
        """`p` breaks to a new page (its own properties recorded, with the break off)."""
        from lxml import etree

        ppr = _ppr(p)
        base = _base_ppr(p, ppr, self.default_style())
        for old in base.findall(w("pageBreakBefore")):
            base.remove(old)
        _insert(base, etree.Element(w("pageBreakBefore"), {w("val"): "0"}))
        for old in ppr.findall(w("pageBreakBefore")):
            ppr.remove(old)
        _insert(ppr, etree.Element(w("pageBreakBefore")))
        self.record(ppr, base)

    def record(self, ppr, base) -> None:
        for old in ppr.findall(w("pPrChange")):
            ppr.remove(old)
        change = self.marks.mark("pPrChange")
        change.append(base)
        ppr.append(change)


_BLOCKS = (w("p"), w("tbl"), w("sdt"), w("customXml"))


def _previous_block(el) -> Any:
    el = el.getprevious()
    while el is not None and el.tag not in _BLOCKS:
        el = el.getprevious()
    return el


def _next_block(el) -> Any:
    el = el.getnext()
    while el is not None and el.tag not in _BLOCKS:
        el = el.getnext()
    return el if el is not None and el.tag == w("p") else None


def _has_text(p) -> bool:
    return any(t.text for t in p.iter(w("t")))


def _ends_in_page_break(p) -> bool:
    """Does the paragraph's content end in a page break (w:br w:type="page")?"""
    last = None
    for el in p.iter(w("t"), w("br"), w("tab")):
        last = el
    return last is not None and last.tag == w("br") and last.get(w("type")) == "page"


def _insert(ppr, child) -> None:
    """`child` put into w:pPr in schema order."""
    rank = PPR_RANK[child.tag]
    after = next((c for c in ppr if PPR_RANK.get(c.tag, -1) > rank), None)
    (after.addprevious(child) if after is not None else ppr.append(child))
