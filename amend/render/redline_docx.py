"""Redline → DOCX with real Word tracked changes.

The adopted document in which every change is a revision Word and
LibreOffice step through: inserted text in `w:ins`, deleted text in `w:del`
(as `w:delText`), whole paragraphs also on their paragraph marks
(`w:pPr/w:rPr/w:ins|w:del`), whole table rows on `w:trPr`; author = the
deciding body, date = the decision date. Every change is anchored to a
comment naming its amendment. Accept all gives the adopted document, reject
all the proposal, paragraph by paragraph.

It is the ordinary DocxWriter walking the merged program of amend.diff; only
text runs, page breaks and table rows are written differently. (Long because the
encoding of whole paragraphs added or removed — which mark is tracked, w:pPrChange
for the other side — is one algorithm over the writer's state; the comments are in
redline_comments.py.)
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from itertools import count

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from ..collector import collected_once
from ..diff import DEL, INS, SAME, Redline
from .docx import DocxWriter, save
from .docx_custom import set_version_property
from .docx_xml import PPR_RANK, add_text_run, copied, el, ppr, set_page_break_before
from .redline_comments import author_of, comment_lines, comment_styles, comment_xml, stamp
from .title import REDLINE_LABELS

_W = nsmap["w"]
_P, _TBL, _TR, _PPR = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:pPr")
_T, _DEL_TEXT = qn("w:t"), qn("w:delText")
_ID, _DATE, _AUTHOR = qn("w:id"), qn("w:date"), qn("w:author")
_RPR, _INS, _DEL = qn("w:rPr"), qn("w:ins"), qn("w:del")
_MARK_RPR = f"{_PPR}/{_RPR}"  # a paragraph mark's run properties, where its w:ins / w:del is
_TAG = {INS: "ins", DEL: "del"}


class RedlineWriter(DocxWriter):
    def __init__(self, red: Redline, template: bytes | None = None):
        self.red = red
        self._ids = count(1)  # one sequence for revisions and comments: every w:id unique
        self._page = {DEL: 1, INS: 1}  # page reached on each side
        self._pending: set = set()  # sides waiting for a page break
        self._span: dict = {}  # change n -> [first, last] element written for it
        self._sides: dict = {}  # w:p / w:tbl element -> (side, change n), when on one side only
        self._one_side_break: dict = {}  # w:p on both sides -> the side whose page breaks before it
        self._takes: dict = {}  # w:p -> (side, pPr): on that side this mark ends another paragraph, with its properties
        self._handed: set = set()  # w:p whose mark is tracked for the paragraphs after it (_hand_over)
        self._own_look: set = set()  # a heading deleted inside a handed-over run: shown with its own look (_hand_overs)
        self._headings: set = set()  # w:p of every heading
        self._made_revisions: dict = {}  # (side, author, date, holds text) -> a w:ins / w:del that _revision copies
        super().__init__(red.merged, template)

    def front_program(self):
        return self.red.new

    def title_lines(self):
        return self.red.title

    def heading(self, s, section):
        paragraph = super().heading(s, section)
        self._headings.add(paragraph._p)
        return paragraph

    # -------------------------------------------------- revisions

    def _revision(self, side: str, n, text: str | None = None):
        """A w:ins or w:del of change n, with the next id; holding a run of `text` when given."""
        decision = self.red.changes[n].decision if n is not None else self.red.default_decision
        date = decision.date if decision else self.red.new.meta.date
        key = (side, author_of(decision), stamp(date) if date else None, text is not None)
        made = self._made_revisions.get(key)
        if made is None:  # one per side and decision, copied: thousands of revisions share a few
            made = self._made_revisions[key] = el(_TAG[side], id="0", author=key[1])
            if key[2]:
                made.set(_DATE, key[2])
            if text is not None:
                add_text_run(made, "", _DEL_TEXT if side == DEL else _T, preserve=True)
        rev = copied(made)
        rev.set(_ID, str(next(self._ids)))  # set in place: the attributes keep their order id, author, date
        if text is not None:
            rev[0][0].text = text
        return rev

    def _mark(self, p, side: str, n) -> None:
        """Mark a paragraph mark as inserted or deleted."""
        pPr = ppr(p)
        rPr = pPr.find(_RPR)
        if rPr is None:
            rPr = el("rPr")
            pPr.append(rPr)
        else:
            _drop_marks(rPr)
        rPr.append(self._revision(side, n))
        self._sides[p] = (side, n)

    def _note(self, n, el) -> None:
        span = self._span.setdefault(n, [el, el])
        span[1] = el

    def write_text(self, paragraph, text, where=None) -> None:
        p = paragraph._p
        for seg in self.red.segments.get(where, ()):
            if seg.op == SAME:
                add_text_run(p, seg.text, preserve=True)
                continue
            wrap = self._revision(seg.op, seg.change, seg.text)
            p.append(wrap)
            self._note(seg.change, wrap)
        side, n = self.red.side(where)
        if side != SAME:
            self._mark(p, side, n)

    # -------------------------------------------------- pages, on both sides at once

    def break_to(self, page: int, where=None) -> None:
        """Pages of the old and the new side advance separately; blank pages and
        breaks that only one side has are tracked changes too."""
        blanks = {}
        for side, target in zip((DEL, INS), self.red.pages.get(where, (None, None))):
            if target is None:
                continue
            blanks[side] = max(0, target - self._page[side] - 1)
            if target > self._page[side]:
                self._page[side] = target
                self._pending.add(side)
        both = min(blanks.values()) if len(blanks) == 2 else 0
        for side, k in ((SAME, both), (DEL, blanks.get(DEL, 0) - both), (INS, blanks.get(INS, 0) - both)):
            for _ in range(k):
                self._blank_page(side, self.red.side(where)[1])

    def _blank_page(self, side: str, n) -> None:
        """A blank page, as in the adopted DOCX: an empty paragraph with a break
        before it; one of one side only is a tracked paragraph."""
        p = self.new_paragraph(self.doc)
        set_page_break_before(p._p)
        if side != SAME:
            self._mark(p._p, side, n)

    def _take_pending(self, where) -> set:
        side, _ = self.red.side(where) if where is not None else (SAME, None)
        use = self._pending & ({DEL, INS} if side == SAME else {side})
        self._pending -= use
        return use

    def _apply_pending_break(self, paragraph, where=None) -> None:
        use = self._take_pending(where)
        if use:
            set_page_break_before(paragraph._p)
            if len(use) == 1 and self.red.side(where)[0] == SAME:  # the break moved: w:pPrChange
                self._one_side_break[paragraph._p] = next(iter(use))

    def _ensure_break_paragraph(self, where=None) -> None:
        use = self._take_pending(where)
        if use:
            p = self.new_paragraph(self.doc)
            set_page_break_before(p._p)
            if len(use) == 1:
                self._mark(p._p, use.pop(), self.red.side(where)[1])

    # -------------------------------------------------- tables

    def table(self, container, block, path):
        table = super().table(container, block, path)
        first = 0 if block.header else 1
        for r, row in enumerate(table.rows):
            self._mark_row(row, path + ("row", r + first))
        self._mark_table(table, container, path)
        return table

    def columns(self, container, block, path):
        table = super().columns(container, block, path)
        self._mark_row(table.rows[0], path)
        self._mark_table(table, container, path)
        return table

    def _mark_row(self, row, path) -> None:
        side, n = self.red.side(path)
        if side != SAME:
            row._tr.get_or_add_trPr().append(self._revision(side, n))

    def _mark_table(self, table, container, path) -> None:
        side, n = self.red.side(path)
        if side == SAME:
            return
        self._sides[table._tbl] = (side, n)
        after = table._tbl.getnext()
        if container is not self.doc and after is not None and after.tag == _P:
            self._mark(after, side, n)  # the empty paragraph python-docx puts after a table in a cell

    # -------------------------------------------------- finishing

    def render(self):
        doc = super().render()
        containers = [doc.element.body, *doc.element.body.iter(qn("w:tc"))]
        self._default_style = next((st.get(qn("w:styleId")) for st in doc.styles.element.iter(qn("w:style"))
                                    if st.get(qn("w:type")) == "paragraph"
                                    and st.get(qn("w:default")) in ("1", "true")),
                                   "Normal")
        self._fix_end(containers[0], body=True)
        for cell in containers[1:]:
            self._fix_end(cell)
        for container in containers:
            self._hand_overs(container)
        self._both_sides_properties(containers)
        self._comments()
        _track_further_edits(doc.settings.element)
        return doc

    def _both_sides_properties(self, containers: list) -> None:
        """_paragraph_properties for each container, with its own notes only: a scan of all
        of them per table cell was quadratic."""
        breaks: dict = defaultdict(dict)  # container -> its paragraphs' one-sided breaks, in order
        for para, side in self._one_side_break.items():
            breaks[para.getparent()][para] = side
        takes: dict = defaultdict(dict)  # container -> its paragraphs' taken properties, in order
        for para, taken in self._takes.items():
            takes[para.getparent()][para] = taken
        for container in containers:
            self._paragraph_properties(container, breaks.get(container, {}), takes.get(container, {}))

    def _fix_end(self, container, body: bool = False) -> None:
        """The last paragraph mark of a cell or of the document cannot be
        removed: it ends the last paragraph on both sides. So, on each side
        whose last paragraph is another one, that paragraph must end at this
        mark too: a paragraph of that side only moves its text into the
        paragraph after it; a paragraph both sides have gets its own mark
        marked as the other side's. A side that ends with a table needs
        nothing: Word puts an empty paragraph after a final table."""
        kids = _blocks_in(container)
        if not kids:
            return
        made = None
        if kids[-1].tag == _TBL:
            if not body or kids[-1] not in self._sides:
                return
            made = el("p")  # the final paragraph Word would add, made real
            kids[-1].addnext(made)
            kids.append(made)
        last = kids[-1]
        for side in (DEL, INS):
            if last is not made and self._on(last, side):
                continue
            before = [k for k in kids[:-1] if self._on(k, side)]
            if not before or before[-1].tag == _TBL:
                continue
            end = before[-1]
            after = kids[kids.index(end) + 1]
            if end not in self._sides:
                if last in self._sides:
                    self._hand_over(end, last, INS if side == DEL else DEL)
                else:  # the paragraph after a final table, made real: it is on both sides
                    self._mark(end, INS if side == DEL else DEL, self._sides[after][1])
                    self._handed.add(end)  # its mark is tracked for the table after it, not its own
                    self._takes[last] = (side, _base_ppr(end))  # on this side the joined paragraph is `end`
                continue
            rest = kids[kids.index(end) + 1:]  # all of the other side only
            # the last mark itself when only paragraphs follow: it ends `end` on this side untracked. Joined
            # into the next one, whose mark is the other side's too, pandoc carried the text on past the end
            target = last if all(k.tag == _P for k in rest) else next(k for k in rest if k.tag == _P)
            self._takes[target] = (side, _base_ppr(end))  # on this side the joined paragraph is `end`
            if target is not last:  # it ends `end` on this side: no deleted run around it hands its mark on
                self._handed.add(target)
                if last is made:  # and past the table, Word joins it into the final paragraph
                    self._takes[last] = (side, _base_ppr(end))
            at = 1 if target.find(_PPR) is not None else 0
            for k, child in enumerate([c for c in end if c.tag != _PPR]):
                target.insert(at + k, child)
            container.remove(end)
            kids.remove(end)
            del self._sides[end]
            if target is last:  # the last mark now ends the paragraph on both sides: not a tracked one
                self._untrack(target)

    def _untrack(self, p) -> None:
        rPr = p.find(_MARK_RPR)
        if rPr is not None:
            _drop_marks(rPr)
        self._sides.pop(p, None)

    def _hand_over(self, end, last, side: str) -> None:
        """Paragraphs of one side only that cannot join the paragraph after them
        (the last of a cell, or one before a table): the mark of the paragraph
        before them, `end`, is the tracked one instead, as Word writes it when
        Enter is pressed at the end of that paragraph; the mark of the last of
        them, `last`, then ends `end` on the other side and gets its paragraph
        properties there (w:pPrChange)."""
        n = self._sides[last][1]
        _drop_marks(last.find(_MARK_RPR))
        self._mark(end, side, n)
        self._handed.add(end)
        del self._sides[last]
        self._takes[last] = (DEL if side == INS else INS, _base_ppr(end))

    def _hand_overs(self, container) -> None:
        """Runs of paragraphs of one side whose own marks would leave the wrong
        paragraph behind: deleted ones (on Accept All the paragraph before them
        must keep its style and text, in every reader) and inserted ones right
        before a table (which no paragraph can join). See _hand_over."""
        kids = _blocks_in(container)
        k = 0
        while k < len(kids):
            side = self._paragraph_side(kids[k])
            end = k
            while side != SAME and end + 1 < len(kids) and self._paragraph_side(kids[end + 1]) == side:
                end += 1
            if side != SAME and self._hands_over(kids, k, end, side):
                self._hand_over(kids[k - 1], kids[end], side)
                if side == DEL:
                    # the joined paragraph's look is that of the paragraph before (LibreOffice, when it has
                    # text) or of the run's last mark (Word; LibreOffice otherwise): a heading before that
                    # mark keeps its own, so it is shown as the heading it was (a list item does not: pandoc
                    # keeps an empty item for each list item's mark its Accept All removes)
                    self._own_look.update(p for p in kids[k:end] if p in self._headings)
            k = end + 1

    def _paragraph_side(self, el) -> str:
        return self._sides.get(el, (SAME,))[0] if el.tag == _P else SAME

    def _hands_over(self, kids: list, k: int, end: int, side: str) -> bool:
        """Does the run kids[k..end] of one side hand its mark to the paragraph
        before it? Only after a paragraph of both sides and before something
        of both sides, or before a table deleted too (LibreOffice joins no
        paragraph mark into a table: the run's own last mark stayed, empty)."""
        if k == 0 or end + 1 == len(kids) or kids[k - 1].tag != _P or kids[k - 1] in self._sides \
                or self._handed.intersection(kids[k:end + 1]):
            return False
        after = kids[end + 1]
        if after in self._sides:
            return side == DEL and after.tag == _TBL and self._sides[after][0] == DEL
        return side == DEL or after.tag == _TBL

    def _paragraph_properties(self, container, breaks: dict, takes: dict) -> None:
        """The paragraph properties of each side, as Word keeps them: the new
        side's in w:pPr, the old side's in w:pPrChange where they differ. A
        paragraph of one side only joins the next paragraph of that side when
        the other side is shown (accept or reject); it gets that paragraph's
        properties on the other side, so that the joined paragraph has them
        whichever mark a word processor keeps (Word the last, LibreOffice the
        first)."""
        paras = list(container.iterchildren(_P))
        # A paragraph has its own properties on both sides unless something below says
        # otherwise; only those are copied and compared (most paragraphs of a long document).
        bases: dict = {}

        def base(p):
            if p not in bases:
                bases[p] = _base_ppr(p)
            return bases[p]

        new: dict = {}
        old: dict = {}
        for p, side in breaks.items():
            (old if side == INS else new)[p] = _without_break(base(p))
        for p, (side, taken) in takes.items():
            (old if side == DEL else new)[p] = taken
        kids = _blocks_in(container)
        # walking back, `after[side]` is the next element that is a table or not of that
        # side only: found once per element, not by a scan after each (quadratic in a long document)
        after: dict = {DEL: None, INS: None}
        for p in reversed(kids):
            table = p.tag == _TBL
            side = SAME if table else self._sides.get(p, (SAME,))[0]
            target = after[side] if side != SAME else None
            for other in (DEL, INS):
                if table or side != other:
                    after[other] = p
            if target is None or target.tag == _TBL or p in self._own_look:
                continue
            props = old if side == INS else new
            props[p] = props[target] if target in props else base(target)
        for p in paras:
            if p not in new and p not in old:
                continue  # its own properties on both sides
            p_new = new[p] if p in new else base(p)
            p_old = old[p] if p in old else base(p)
            if _same_ppr(p_new, base(p)) and _same_ppr(p_old, p_new):
                continue
            _set_base_ppr(p, p_new)
            if not _same_ppr(p_old, p_new):
                n = self._sides.get(p, (SAME, None))[1]
                change = el("pPrChange", id=str(next(self._ids)))
                rev = self._revision(INS, n)
                for k in (_AUTHOR, _DATE):
                    if rev.get(k) is not None:
                        change.set(k, rev.get(k))
                change.append(_explicit(p_old, p_new, self._default_style))
                p.find(_PPR).append(change)

    def _on(self, el, side: str) -> bool:
        """Is the element (paragraph or table) there on that side?"""
        return self._sides.get(el, (SAME, None))[0] in (SAME, side)

    def _comments(self) -> None:
        """One comment per change, around its first to its last revision."""
        words = REDLINE_LABELS.get(self.red.new.meta.language, REDLINE_LABELS["en"])
        part = self.doc.comments._comments_elm  # built here: python-docx's add_comment rescans all ids each time
        xml: list[str] = []
        for n, (first, last) in sorted(self._span.items()):
            change = self.red.changes[n]
            lines = comment_lines(change, self.red.new.meta.language, words)
            if not lines:
                continue
            cid = str(next(self._ids))
            xml.append(comment_xml(cid, change.decision, lines))
            first.addprevious(el("commentRangeStart", id=cid))
            _end_comment(last, cid)
        if xml:
            comment_styles(self.doc.styles.element)
        # parsed at once: thousands of comments of a dozen elements each, made one by one, took seconds
        part.extend(list(etree.fromstring(f'<w:comments xmlns:w="{_W}">{"".join(xml)}</w:comments>', oxml_parser)))


def _drop_marks(rPr) -> None:
    """Remove a paragraph mark's w:ins / w:del."""
    for old in list(rPr.iterchildren(_INS, _DEL)):
        rPr.remove(old)


def _blocks_in(container) -> list:
    """The paragraphs and tables of a body or cell, in order (chosen by lxml: no tag read per child)."""
    return list(container.iterchildren(_P, _TBL))


_NOT_BASE = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}


def _base_ppr(p):
    """A copy of a paragraph's properties without its mark's run properties,
    section and change: what w:pPrChange records (CT_PPrBase)."""
    base = el("pPr")
    pPr = p.find(_PPR)
    if pPr is not None:
        for child in pPr:
            if child.tag not in _NOT_BASE:
                base.append(copied(child))
    return base


def _explicit(old, new, default_style: str):
    """The old properties for w:pPrChange, with an explicit "off" for each of
    style, page break and numbering that only the new side has: LibreOffice's
    Reject All restores the properties listed and leaves the others as they
    are; Word reads the same values as the defaults they stand for."""
    out = copied(old)
    for tag, off in _OFFS.items():
        if new.find(tag) is not None and out.find(tag) is None:
            rank = PPR_RANK[tag]
            at = sum(1 for c in out if PPR_RANK.get(c.tag, rank) < rank)
            out.insert(at, el("pStyle", val=default_style) if off is None else copied(off))
    return out


# what _explicit writes for a property only the new side has (the style: the default one's id)
_OFFS = {qn("w:pStyle"): None, qn("w:pageBreakBefore"): el("pageBreakBefore", val="0"),
         qn("w:numPr"): el("numPr", el("ilvl", val="0"), el("numId", val="0"))}


def _without_break(base):
    out = copied(base)
    for brk in out.findall(qn("w:pageBreakBefore")):
        out.remove(brk)
    return out


def _same_ppr(a, b) -> bool:
    return etree.tostring(a) == etree.tostring(b)


def _set_base_ppr(p, base) -> None:
    pPr = p.find(_PPR)
    if pPr is None:
        pPr = el("pPr")
        p.insert(0, pPr)
    for child in list(pPr):
        if child.tag not in _NOT_BASE:
            pPr.remove(child)
    for k, child in enumerate(base):
        pPr.insert(k, copied(child))


def _end_comment(last, cid: str) -> None:
    """The end of a comment and its reference, after the change's last revision
    or, when that is in a table row of one side, at the start of the paragraph
    after the table: LibreOffice keeps a row that holds a comment's reference
    (it is content no revision removes), as one empty row after Accept All."""
    end, reference = el("commentRangeEnd", id=cid), copied(_REFERENCE)
    reference[-1].set(_ID, cid)
    rows = [tr for tr in last.iterancestors(_TR) if _one_sided(tr)]
    after = _next_paragraph(rows[-1].getparent()) if rows else None
    if after is None:
        last.addnext(end)
        end.addnext(reference)
        return
    at = 1 if after.find(_PPR) is not None else 0
    after.insert(at, end)
    after.insert(at + 1, reference)


def _track_further_edits(settings) -> None:
    """w:trackRevisions in the settings: edits made to the redline are tracked too."""
    if settings.find(qn("w:trackRevisions")) is None:
        settings.insert_element_before(el("trackRevisions"), "w:doNotTrackMoves",
                                       "w:doNotTrackFormatting", "w:documentProtection", "w:defaultTabStop",
                                       "w:characterSpacingControl", "w:compat", "w:rsids")


def _one_sided(tr) -> bool:
    trPr = tr.find(qn("w:trPr"))
    return trPr is not None and (trPr.find(_INS) is not None or trPr.find(_DEL) is not None)


def _next_paragraph(tbl):
    after = tbl.getnext()
    while after is not None and after.tag != _P:
        after = after.getnext()
    return after


# a comment's reference run, copied: one per comment
_REFERENCE = el("r", el("rPr", el("rStyle", val="CommentReference")), el("commentReference", id="0"))


@collected_once  # python-docx's parts hold one another (amend.collector)
def render_redline_docx(red: Redline, when: datetime, template: bytes | None = None) -> bytes:
    doc = RedlineWriter(red, template).render()
    set_version_property(doc, red.new.meta.version)
    return save(doc, when, red.new.meta.title, red.new.meta.organisation or "")
