"""Redline → DOCX with real Word tracked changes.

The adopted document in which every change is a revision Word and
LibreOffice step through: inserted text in `w:ins`, deleted text in `w:del`
(as `w:delText`), whole paragraphs also on their paragraph marks
(`w:pPr/w:rPr/w:ins|w:del`), whole table rows on `w:trPr`; author = the
deciding body, date = the decision date. Every change is anchored to a
comment naming its amendment. Accept all gives the adopted document, reject
all the proposal, paragraph by paragraph.

It is the ordinary DocxWriter walking the merged program of amend.diff; only
text runs, page breaks and table rows are written differently.
"""
from __future__ import annotations

from datetime import datetime
from itertools import count

from docx.enum.text import WD_BREAK
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

from ..diff import DEL, INS, SAME, Redline
from .docx import DocxWriter, save
from .title import REDLINE_LABELS, decision_line

_W = nsmap["w"]
_P, _TBL, _PPR = qn("w:p"), qn("w:tbl"), qn("w:pPr")
_TAG = {INS: "ins", DEL: "del"}
_SPACE = qn("xml:space")


_NSMAP = {"w": _W}
_CLARK: dict = {}


def _el(tag: str, *children, **attrs):
    """w:<tag> with w: attributes and children, made directly: python-docx's
    OxmlElement and get_or_add_* parse names and search for each child's place,
    which adds up over a long document."""
    name = _CLARK.get(tag) or _CLARK.setdefault(tag, f"{{{_W}}}{tag}")
    el = oxml_parser.makeelement(name, nsmap=_NSMAP)
    for k, v in attrs.items():
        el.set(_CLARK.get(k) or _CLARK.setdefault(k, f"{{{_W}}}{k}"), v)
    for child in children:
        el.append(child)
    return el


def stamp(date) -> str:
    """A decision date as the ISO 8601 time Word expects: 2025-10-22T00:00:00Z."""
    return f"{str(date)[:10]}T00:00:00Z"


def author_of(decision) -> str:
    return decision.body if decision else "amend"


class RedlineWriter(DocxWriter):
    def __init__(self, red: Redline):
        self.red = red
        self._ids = count(1)  # one sequence for revisions and comments: every w:id unique
        self._page = {DEL: 1, INS: 1}  # page reached on each side
        self._pending: set = set()  # sides waiting for a page break
        self._span: dict = {}  # change n -> [first, last] element written for it
        self._sides: dict = {}  # w:p / w:tbl element -> (side, change n), when on one side only
        super().__init__(red.merged)

    def title_lines(self):
        return self.red.title

    # -------------------------------------------------- revisions

    def _revision(self, side: str, n):
        decision = self.red.changes[n].decision if n is not None else self.red.default_decision
        date = decision.date if decision else self.red.new.meta.date
        el = _el(_TAG[side], id=str(next(self._ids)), author=author_of(decision))
        if date:
            el.set(qn("w:date"), stamp(date))
        return el

    def _mark(self, p, side: str, n) -> None:
        """Mark a paragraph mark as inserted or deleted."""
        pPr = p.get_or_add_pPr()
        rPr = pPr.find(qn("w:rPr"))
        if rPr is None:
            rPr = _el("rPr")
            pPr.append(rPr)
        for old in rPr.findall(qn("w:ins")) + rPr.findall(qn("w:del")):
            rPr.remove(old)
        rPr.append(self._revision(side, n))
        self._sides[p] = (side, n)

    def _note(self, n, el) -> None:
        span = self._span.setdefault(n, [el, el])
        span[1] = el

    def write_text(self, paragraph, text, where=None) -> None:
        p = paragraph._p
        for seg in self.red.segments.get(where, ()):
            r = _run(seg.text, deleted=seg.op == DEL)
            if seg.op == SAME:
                p.append(r)
                continue
            wrap = self._revision(seg.op, seg.change)
            wrap.append(r)
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
        _, n = self.red.side(where)
        for side, k in ((SAME, both), (DEL, blanks.get(DEL, 0) - both), (INS, blanks.get(INS, 0) - both)):
            for _ in range(k):
                p = self.new_paragraph(self.doc)
                run = p.add_run()
                run.add_break(WD_BREAK.PAGE)
                if side != SAME:
                    wrap = self._revision(side, n)
                    run._r.addprevious(wrap)
                    wrap.append(run._r)
                    self._mark(p._p, side, n)

    def _take_pending(self, where) -> set:
        side, _ = self.red.side(where) if where is not None else (SAME, None)
        use = self._pending & ({DEL, INS} if side == SAME else {side})
        self._pending -= use
        return use

    def _apply_pending_break(self, paragraph, where=None) -> None:
        if self._take_pending(where):
            paragraph.paragraph_format.page_break_before = True

    def _ensure_break_paragraph(self, where=None) -> None:
        use = self._take_pending(where)
        if use:
            p = self.new_paragraph(self.doc)
            p.paragraph_format.page_break_before = True
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
        self._fix_end(doc.element.body, body=True)
        for cell in doc.element.body.iter(qn("w:tc")):
            self._fix_end(cell)
        self._comments()
        settings = doc.settings.element
        if settings.find(qn("w:trackRevisions")) is None:  # further edits are tracked too
            settings.insert_element_before(_el("trackRevisions"), "w:doNotTrackMoves",
                                           "w:doNotTrackFormatting", "w:documentProtection", "w:defaultTabStop",
                                           "w:characterSpacingControl", "w:compat", "w:rsids")
        return doc

    def _fix_end(self, container, body: bool = False) -> None:
        """The last paragraph mark of a cell or of the document cannot be
        removed: it ends the last paragraph on both sides. So, on each side
        whose last paragraph is another one, that paragraph must end at this
        mark too: a paragraph of that side only moves its text into the
        paragraph after it; a paragraph both sides have gets its own mark
        marked as the other side's. A side that ends with a table needs
        nothing: Word puts an empty paragraph after a final table."""
        kids = [k for k in container if k.tag in (_P, _TBL)]
        if not kids:
            return
        made = None
        if kids[-1].tag == _TBL:
            if not body or kids[-1] not in self._sides:
                return
            made = _el("p")  # the final paragraph Word would add, made real
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
                self._mark(end, INS if side == DEL else DEL, self._sides[after][1])
                continue
            target = next(k for k in kids[kids.index(end) + 1:] if k.tag == _P)
            at = 1 if target.find(_PPR) is not None else 0
            for k, child in enumerate([c for c in end if c.tag != _PPR]):
                target.insert(at + k, child)
            container.remove(end)
            kids.remove(end)
            del self._sides[end]

    def _on(self, el, side: str) -> bool:
        """Is the element (paragraph or table) there on that side?"""
        return self._sides.get(el, (SAME, None))[0] in (SAME, side)

    def _comments(self) -> None:
        """One comment per change, around its first to its last revision."""
        words = REDLINE_LABELS.get(self.red.new.meta.language, REDLINE_LABELS["en"])
        part = self.doc.comments._comments_elm  # built here: python-docx's add_comment rescans all ids each time
        for n, (first, last) in sorted(self._span.items()):
            change = self.red.changes[n]
            lines = comment_lines(change, self.red.new.meta.language, words)
            if not lines:
                continue
            cid = str(next(self._ids))
            part.append(_comment(cid, change.decision, lines))
            first.addprevious(_el("commentRangeStart", id=cid))
            end = _el("commentRangeEnd", id=cid)
            last.addnext(end)
            end.addnext(_styled_run("CommentReference", _el("commentReference", id=cid)))


def comment_lines(change, language: str, words: dict) -> list[tuple[bool, str]]:
    """What the comment on a change says: each amendment (title and id in bold,
    then its instruction as worded in the minutes), then the decision."""
    lines = []
    for am in change.amendments:
        lines.append((True, am.label))
        if am.text:
            lines.append((False, am.text))
    d = change.decision
    if d is not None and lines:
        lines.append((False, f"{words['decision']}: {d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")))
    elif d is not None:  # the title block: version, status, date and decision lines
        lines.append((True, decision_line(d, language)))
    return lines


def _comment(cid: str, decision, lines):
    """A w:comment as Word writes one: a CommentText paragraph per line, the
    first opening with the annotation reference."""
    author = author_of(decision)
    comment = _el("comment", id=cid, author=author, initials=_initials(author))
    if decision is not None:
        comment.set(qn("w:date"), stamp(decision.date))
    for k, (bold, line) in enumerate(lines):
        p = _el("p", _el("pPr", _el("pStyle", val="CommentText")))
        if k == 0:
            p.append(_styled_run("CommentReference", _el("annotationRef")))
        r = _run(line, deleted=False)
        if bold:
            r.insert(0, _el("rPr", _el("b")))
        p.append(r)
        comment.append(p)
    return comment


def _styled_run(style: str, *children):
    return _el("r", _el("rPr", _el("rStyle", val=style)), *children)


def _run(text: str, deleted: bool):
    t = _el("delText" if deleted else "t")
    t.set(_SPACE, "preserve")
    t.text = text
    return _el("r", t)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha())[:3].upper()


def render_redline_docx(red: Redline, when: datetime) -> bytes:
    doc = RedlineWriter(red).render()
    return save(doc, when, red.new.meta.title, red.new.meta.organisation or "")
