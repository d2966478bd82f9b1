"""Writing the changes of a redline into the body of the source DOCX (see source_docx.py).

The merged program of the redline (amend.diff) is walked text by text. A text of
the base program is at its recorded place (a `Unit`): its changed words are
edited in its runs (source_runs.py), or, deleted whole, its paragraph goes. A
text the amendments added becomes a new paragraph next to the text before it in
the same container (section body, table cell, column), copying the paragraph
properties of the nearest text of the same kind (heading of its level, list
item of its list, paragraph), or the file's own style for it (source_styles.py).
What an edit must not touch is source_guard.py's.

Long because the Writer is one walk whose steps share its state (the marks, the paragraphs
already marked or joined); its rows, sections, runs and numbering are in their own modules.
"""
from __future__ import annotations

import copy
import dataclasses
from typing import Any

from ..diff import DEL, INS, SAME, Redline
from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import w
from ..messages import msg
from .source_guard import Guard
from .source_joins import TableJoining
from .source_marks import (
    _base_ppr,
    _copied_ppr,
    _last_in_body,
    _last_in_cell,
    _mark,
    _ppr,
    _same_ppr,
    _sect,
    _top,
    _untrack,
)
from .source_nodes import Node, _block, typed_over
from .source_numbering import Numbering, numbering_of, set_num
from .source_rows import RowWriting, add_rows
from .source_runs import Edit, Marks, ParaText, Unit, before_breaks, edit_paragraph, first_rpr, own_runs, text_run
from .source_sections import SectionWriting
from .source_styles import styled_ppr

# ---------------------------------------------------------------- writing


def _follows(am: Any) -> bool:
    if am.op == "insert":
        return am.after is not None
    return am.op == "replace" and isinstance(am.value, str) and (am.with_ or "").startswith(am.value + " ")


class Writer(RowWriting, SectionWriting, TableJoining):
    def __init__(self, red: Redline, nodes: list[Node], marks: Marks, numbering: Numbering | None = None,
                 guard: Guard | None = None, styles: Any = None, name: str = "?"):
        self.red, self.nodes, self.marks = red, nodes, marks
        self.styles, self.name = styles, name  # word/styles.xml (source_styles.py) and the file's name
        self.numbering = numbering  # to start a new numbered list at 1 (source_numbering.py)
        self.guard = guard  # refuses an edit of a footnote mark, an image, a field … (source_guard.py)
        self.edits: dict[int, tuple[ParaText, list[Edit]]] = {}
        self.removed: list = []
        self.marked: set = set()  # paragraphs whose mark is already tracked
        self.joined: set = set()  # the body's last paragraph, deleted whole, that goes with its mark (joins_before)
        self.gone_rows: dict[int, list] = {}  # a table row deleted whole (its change) -> its paragraphs
        self.new_rows: dict[int, list[Node]] = {}  # a table row added whole (its change) -> its texts
        self.gone_tables: dict[Any, int] = {}  # a table (w:tbl) deleted whole -> its change
        self.tables_gone: set | None = None  # the tables whose every text is deleted whole
        self.gone_whole: dict = {}  # a paragraph deleted whole -> its change (source_sections.py)
        self.gone_after: Node | None = None  # the last text deleted whole since the last one kept (after_gone)

    def who(self, change: int | None) -> tuple[str, str]:
        decision = self.red.changes[change].decision if change is not None else None
        decision = decision or self.red.default_decision
        return (decision.body, f"{str(decision.date)[:10]}T00:00:00Z") if decision else ("amend", "")

    def run(self) -> None:
        self.place()
        add_rows(self)
        for pt, edits in self.edits.values():
            edit_paragraph(pt, edits, self.marks)
        self.drop_rows()
        if self.marks.tracked:
            self.join_before_gone_tables()
        self.drop_emptied_sections()
        self.drop_removed()
        if self.marks.tracked and self.nodes and self.nodes[-1].p is not None:
            self.hand_back_last_mark(self.nodes[-1].p.getparent())
        if self.marks.tracked:
            self.record_joined_looks()

    def record_joined_looks(self) -> None:
        """A new paragraph with its own inserted mark joins, on Reject All, the old paragraph after
        it; where they look otherwise it records that one's look (w:pPrChange), as the own-layout
        redline does: LibreOffice keeps the first paragraph's look when the one joined is empty
        (a new section right before the empty paragraph holding a page break came back as an empty
        "Heading 1", review 7, #6a); Word keeps the last mark's, the old paragraph's, anyway."""
        new = dict.fromkeys(n.p for n in self.nodes if n.unit is None and n.p is not None)  # in order: ids reproducible
        for p in [p for p in new if _mark(p, "ins") is not None and p.find(f"{w('pPr')}/{w('pPrChange')}") is None]:
            after = _joined(p)
            if after is not None and after not in self.marked and not _same_ppr(after, p):
                mark = _mark(p, "ins")
                self.marks.author, self.marks.date = mark.get(w("author")) or "", mark.get(w("date")) or ""
                change = self.marks.mark("pPrChange")
                change.append(_base_ppr(after, _ppr(p), self.default_style()))
                _ppr(p).append(change)

    def place(self) -> None:
        """Walk the texts: an old one is edited where it is, a new one goes after the text before
        it in its container (or, first in it, before the next old text there)."""
        prev: Node | None = None
        pending: list[Node] = []
        for i, node in enumerate(self.nodes):
            if node.unit is None:
                prev = self.new_text(i, node, prev, pending)
            else:
                self.place_pending(pending, node)
                p = node.p
                if not self.replaced_cell(i, node):
                    self.old(node, prev)
                prev = node if node.p is not None else prev
                self.note_gone(node, p)
        if pending:
            self.cannot_place(pending[0])

    def replaced_cell(self, i: int, node: Node) -> bool:
        """A cell's paragraph whose whole text is typed over (source_nodes.typed_over): the new words
        edited into it, so that its look and the cell's one paragraph stay (review 8, #6)."""
        nxt = self.nodes[i + 1] if i + 1 < len(self.nodes) else None
        if nxt is None or node.unit is None or not typed_over(self.red, node, nxt):
            return False
        self.edit_text(node.unit, (*node.segments, *nxt.segments))
        nxt.p = node.p
        return True

    def new_text(self, i: int, node: Node, prev: Node | None, pending: list[Node]) -> Node | None:
        """A new text after `prev` when it can go there (then it is the text before the next), else pending;
        a text of a new row is written with its row, one typed over a cell's text is in place already."""
        if node.p is not None:  # written into the cell's paragraph whose text it replaces (replaced_cell)
            return node
        if self.in_new_row(node):
            return prev
        if prev is not None and (prev.container == node.container or node.container == ("body",)):
            self.new_after(i, node, self.after_gone(prev, node))
            return node
        pending.append(node)
        return prev

    def note_gone(self, node: Node, p: Any) -> None:
        """Remember `node` when the adopted file loses its paragraph `p`; forget it at a text kept."""
        if node.p is not None:
            self.gone_after = None
        elif p is not None:
            self.gone_after = dataclasses.replace(node, p=p)

    def after_gone(self, prev: Node, node: Node) -> Node:
        """What a new text goes after in the adopted file: the last paragraph deleted whole since
        `prev`, in its container, rather than `prev` (drop_removed takes that paragraph out
        later), so that it stands where the redline puts it, after what lay between them (a page
        break paragraph, an image), and Accept All of the redline is the adopted file."""
        gone, self.gone_after = self.gone_after, None
        if gone is None or gone.container != node.container or prev.container != node.container:
            return prev
        return gone

    def place_pending(self, pending: list[Node], node: Node) -> None:
        """The new texts waiting for an old one go before it, in its container (else: refused)."""
        for waiting in pending:
            if waiting.container != node.container:
                self.cannot_place(waiting)
            self.new_before(self.nodes.index(waiting), waiting, node)
        pending.clear()

    def drop_removed(self) -> None:
        """The paragraphs deleted whole go; a table cell's last (CT_Tc needs one) and the body's
        last paragraph mark stay, empty and without a list label."""
        for p in self.removed:
            if _last_in_cell(p) or (_last_in_body(p) and self.ends_program(p) and p not in self.joined):
                for child in [c for c in p if c.tag != w("pPr")]:
                    p.remove(child)
                self.unnumber(p)
            else:
                p.getparent().remove(p)

    def cannot_place(self, node: Node) -> None:
        am = self.amendment(node.segments[0].change)
        text = excerpt(node.segments[0].text)
        said = msg("source.new_table", text=text, file=self.name) if self.in_new_table(node) \
            else msg("source.cannot_place", text=text)
        raise UnreadableDocument(said,
                                 source=getattr(am, "source", None), amendment=getattr(am, "label", None),
                                 amendment_id=getattr(am, "id", None))

    def in_new_table(self, node: Node) -> bool:
        """Is `node` in a table with no text of the base program: a table the amendments add, or
        one the diff writes anew as its header row or columns change (review 8, #5 and #6)?"""
        if "row" not in node.path:
            return False
        k = len(node.path) - 1 - node.path[::-1].index("row")
        return not any(n.unit is not None and n.path[:k + 1] == node.path[:k + 1] for n in self.nodes)

    def hand_back_last_mark(self, container) -> None:
        """The last paragraph mark of the body (or a cell) cannot go: when new paragraphs end it,
        the inserted mark is that of the last old paragraph before them (Word's Enter at its end);
        the last new one keeps the final mark, and the old one's look (w:pPrChange) if it differs."""
        paras = [c for c in container if c.tag == w("p")]
        content = [c for c in container if c.tag not in (w("sectPr"), w("tcPr"))]
        if not paras or paras[-1] not in self.marked or content[-1] is not paras[-1] or self.keep_last_mark(paras):
            return
        if self.replace_last_gone(content):
            return
        last = paras[-1]
        mark = last.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}")
        old = next((p for p in reversed(paras[:-1]) if p not in self.marked), None)
        if mark is None or old is None or _sect(old) is not None or old.getnext() is None \
                or not all(p in self.marked and _mark(p, "ins") is not None for p in paras[paras.index(old) + 1:]):
            return
        self.hand_over(old, last, mark)

    def replace_last_gone(self, content: list) -> bool:
        """New paragraphs end the body right after old ones deleted whole (the last section deleted,
        a new one added): the first new paragraph is written into the last deleted one, whose words
        stay struck, with the new look (its own in w:pPrChange) and the new one's mark, and the last
        new paragraph keeps the final mark, untracked: what Word writes when the old paragraphs'
        text, up to the final mark, is typed over. Reject All gives the old paragraphs, no empty one
        after them (the final mark cannot go); Accept All the new ones."""
        k = len(content) - 1
        while k >= 0 and content[k].tag == w("p") and content[k] in self.marked \
                and _mark(content[k], "ins") is not None and content[k] not in self.gone_whole:
            k -= 1
        gone = content[k] if k >= 0 else None
        if k == len(content) - 1 or gone is None or gone.tag != w("p") or gone not in self.gone_whole \
                or _mark(gone, "del") is None or _sect(gone) is not None or _mark(gone, "ins") is not None:
            return False
        first, last = content[k + 1], content[-1]
        mark = _mark(first, "ins")
        self.marks.author, self.marks.date = mark.get(w("author")) or "", mark.get(w("date")) or ""
        base, alike = _base_ppr(gone, _ppr(first), self.default_style()), _same_ppr(gone, first)
        last_base, last_alike = _base_ppr(gone, _ppr(last), self.default_style()), _same_ppr(gone, last)
        gone.replace(_ppr(gone), copy.deepcopy(_ppr(first)))
        if not alike and gone.find(f"{w('pPr')}/{w('pPrChange')}") is None:
            self.record(_ppr(gone), base)
        for child in [c for c in first if c.tag != w("pPr")]:
            gone.append(child)
        first.getparent().remove(first)
        for node in self.nodes:
            node.p = gone if node.p is first else node.p
        self.gone_whole.pop(gone)
        if last is not first:
            _untrack(last, "ins")
            if last.find(f"{w('pPr')}/{w('pPrChange')}") is None and not last_alike:  # Word keeps the last mark's look
                self.record(_ppr(last), last_base)
        elif _mark(gone, "ins") is not None:
            _untrack(gone, "ins")
        return True

    def hand_over(self, old, last, mark) -> None:
        """The inserted mark `mark` of the last paragraph moved onto `old`'s mark; `last` records
        the look of `old` where it differs."""
        mark.getparent().remove(mark)
        self.marks.paragraph_mark(old, "ins")
        self.marked.add(old)
        if not _same_ppr(old, last):
            change = copy.deepcopy(mark)
            change.tag = w("pPrChange")
            change.append(_base_ppr(old, _ppr(last), self.default_style()))
            _ppr(last).append(change)

    def ends_program(self, p) -> bool:
        """Is `p` the paragraph of the program's last text (no new text after it)?"""
        last = self.nodes[-1].unit if self.nodes else None
        return last is not None and last.pt is not None and last.pt.p is p

    def keep_last_mark(self, paras: list) -> bool:
        """The last paragraph deleted whole: its mark cannot go (Word, LibreOffice), so it stays,
        untracked and empty, as in the adopted file; a new last paragraph alike right after it is
        written into it, so Reject All gives it back, not joined to the heading (review 7, #2)."""
        last = paras[-1]
        if _mark(last, "del") is not None:
            _untrack(last, "del")
            self.unnumber(last)
            return True
        gone = paras[-2] if len(paras) > 1 else None
        if gone is None or _mark(gone, "del") is None or _mark(last, "ins") is None or not _same_ppr(gone, last):
            return False
        self.join_into(gone, last)
        return True

    def join_into(self, gone, last) -> None:
        """The new last paragraph `last` written into the deleted one before it, `gone`, whose mark stays."""
        _untrack(gone, "del")
        for child in [c for c in last if c.tag != w("pPr")]:
            gone.append(child)
        last.getparent().remove(last)
        for node in self.nodes:
            node.p = gone if node.p is last else node.p

    def unnumber(self, p) -> None:
        """The empty paragraph a table cell keeps when its only item is deleted prints no list
        label: its numbering is turned off (w:numId 0, as Word does when the bullet is removed);
        tracked, the old properties are recorded (w:pPrChange) so that Reject All brings the item back."""
        numbered = numbering_of(p.find(w("pPr")), self.styles)
        if numbered is None:
            return
        ppr = _ppr(p)
        base = _base_ppr(p, ppr, self.default_style()) if self.marks.tracked else None
        set_num(ppr, "0", "0")
        if base is not None:
            if base.find(w("numPr")) is None:  # numbered by its style: Reject All restores only what is listed
                set_num(base, *numbered)
            ppr.append(self.marks.mark("pPrChange"))
            ppr[-1].append(base)

    def default_style(self) -> str:
        styles = self.styles
        found = None if styles is None else next(
            (st.get(w("styleId")) for st in styles.iter(w("style"))
             if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true")), None)
        return found or "Normal"

    # -------------------------------------------------- texts of the base program

    def old(self, node: Node, prev: Node | None) -> None:
        unit = node.unit
        assert unit is not None
        segs = node.segments
        if unit.pt is None:
            if any(g.op != SAME for g in segs):
                raise UnreadableDocument(msg("source.not_in_file", text=excerpt(unit.text)))
            return
        if all(g.op == DEL for g in segs) and unit.alone:
            self.delete_paragraph(node, prev)
            return
        self.edit_text(unit, segs)

    def edit_text(self, unit: Unit, segs) -> None:
        """The changed words of an old text, to be edited in its paragraph's runs (checked by the guard)."""
        assert unit.pt is not None
        found = [(Edit(a, b, new, self.who(g.change), self.follows(g.change)), self.amendment(g.change))
                 for a, b, new, g in _changed(unit, segs)]
        edits = list(zip(before_breaks(unit.pt, [e for e, _ in found]), (am for _, am in found)))
        if edits:
            if self.guard is not None:
                self.guard.check_edits(unit.pt, edits)
            self.edits.setdefault(id(unit.pt), (unit.pt, []))[1].extend(e for e, _ in edits)

    def follows(self, change: int | None) -> bool:
        """Are the words of a change put after a text (by every amendment that made it): inserted
        `after:` it, or a `replace:` whose words start with the words replaced ("polisen" with
        "polisen och tullen")?"""
        made_by = self.red.changes[change].amendments if change is not None else ()
        return bool(made_by) and all(_follows(am) for am in made_by)

    def amendment(self, change: int | None) -> Any:
        """The (first) amendment that made a change, when known."""
        made_by = self.red.changes[change].amendments if change is not None else ()
        return made_by[0] if made_by else None

    def delete_paragraph(self, node: Node, prev: Node | None) -> None:
        p = node.p
        if self.guard is not None and node.unit is not None and node.unit.pt is not None:
            self.guard.check_whole(node.unit.pt, self.amendment(node.segments[0].change))
        self.marks.author, self.marks.date = self.who(node.segments[0].change)
        if self.in_deleted_row(node):
            return
        self.gone_whole[p] = node.segments[0].change
        joins = self.joins_before(node, prev)
        if not self.marks.tracked:
            self.joined.update([p] if joins else [])
            self.remove_paragraph(node)
            return
        self.track_deleted(p, prev, joins)

    def track_deleted(self, p, prev: Node | None, joins: bool) -> None:
        """A paragraph deleted whole, tracked: its words struck, its mark (or the one before, track_mark)."""
        for r in own_runs(p):
            self.marks.delete_run(r)
        if _last_in_body(p) and self.ends_program(p) and not joins:  # its own mark: it stays, empty
            self.marks.paragraph_mark(p, "del")
            self.marked.add(p)
        else:
            self.track_mark(p, prev, "del")
        if _sect(p) is None and _last_in_cell(p):  # its mark stays: the bullet goes, Reject All brings it back
            self.unnumber(p)

    def joins_before(self, node: Node, prev: Node | None) -> bool:
        """The body's last paragraph deleted whole right after an old paragraph alike that stays: the
        deletion is tracked on that one's mark (track_mark), so Accept All makes it the last paragraph;
        the adopted file is written so too, not with an empty last paragraph (review 8, #4)."""
        p, before = node.p, prev.p if prev is not None else None
        return (prev is not None and before is not None and prev.unit is not None
                and any(g.op != DEL for g in prev.segments) and p.getprevious() is before
                and _sect(before) is None and _sect(p) is None and _last_in_body(p)
                and self.ends_program(p) and _same_ppr(before, p))

    def remove_paragraph(self, node: Node) -> None:
        """A paragraph deleted whole from the adopted file: it goes (drop_removed), or, when it
        ends a section, its words go and its mark stays, so the section does."""
        if _sect(node.p) is None:
            self.removed.append(node.p)
            node.p = None
        else:
            for r in own_runs(node.p):
                r.getparent().remove(r)

    def track_mark(self, p, prev: Node | None, tag: str) -> None:
        """Track the mark of a wholly inserted or deleted paragraph: on the paragraph
        before it when both look alike (as Word does when Enter is pressed at the end of
        that paragraph, so that accepting or rejecting keeps every other paragraph's
        look), else on its own mark."""
        before = prev.p if prev is not None else None
        if (before is not None and before not in self.marked and _sect(before) is None
                and before.getparent() is p.getparent() and _same_ppr(before, p)):
            self.marks.paragraph_mark(before, tag)
            self.marked.add(before)
        elif _sect(p) is None and not _last_in_cell(p):  # a cell's last mark stays, as in the adopted file
            self.marks.paragraph_mark(p, tag)
            self.marked.add(p)

    # -------------------------------------------------- texts the amendments added

    def new_after(self, i: int, node: Node, prev: Node) -> None:
        """After `prev`; in the body after the table `prev` ends, when it is in one."""
        p = self.new_paragraph(i, node)
        anchor = prev.p if prev.container == node.container else _top(prev.p)
        anchor.addnext(p)
        if anchor is not prev.p:
            prev = Node(prev.path, prev.segments, prev.kind, node.container, None, None)
        elif _sect(prev.p) is not None and (not self.marks.tracked or (
                prev.p not in self.marked and _same_ppr(prev.p, p))):
            # the section goes on to its new last paragraph; tracked, as Word does on Enter at
            # the end of the section's last paragraph: that paragraph gets a new (inserted) mark
            # and the new one the old mark with the section's properties
            _ppr(p).append(_sect(prev.p))
        if self.marks.tracked:
            self.track_mark(p, prev, "ins")

    def new_before(self, i: int, node: Node, nxt: Node) -> None:
        p = self.new_paragraph(i, node)
        nxt.p.addprevious(p)
        if self.marks.tracked:
            self.marks.paragraph_mark(p, "ins")
            self.marked.add(p)

    def new_paragraph(self, i: int, node: Node):
        text = node.segments[0].text
        self.marks.author, self.marks.date = self.who(node.segments[0].change)
        model, same_list = self.model(i, node)
        from lxml import etree

        p = etree.Element(w("p"))
        ppr = self.new_ppr(node, model, same_list)
        if ppr is not None:
            p.append(ppr)
        run = text_run(text, first_rpr(model))
        p.append(run)
        self.marks.insert_run(run)
        node.p = p
        return p

    def new_ppr(self, node: Node, model: Any, same_list: bool) -> Any:
        """The paragraph properties of a new paragraph: the model's (a new numbered list starting
        at 1), or the file's style for its kind; None: none."""
        ppr = model.find(w("pPr")) if model is not None else self.styled(node)
        if ppr is None:
            return None
        ppr = _copied_ppr(ppr)
        if node.kind == ("item", True) and not same_list and self.numbering is not None:
            self.numbering.restart(ppr, _block(node.path))
        return ppr

    def styled(self, node: Node) -> Any:
        """A new heading or list item with no text of its kind to copy: the file's style for it."""
        if node.kind[0] not in ("heading", "item"):
            return None
        return styled_ppr(node.kind, node.segments[0].text, self.styles, self.numbering, self.name,
                          self.amendment(node.segments[0].change))

    def model(self, i: int, node: Node) -> tuple[Any, bool]:
        """The paragraph a new one copies: the nearest old text of the same kind in the
        same list or container, else the nearest of the same kind anywhere; and whether
        it is in the same list or container."""
        order = [*range(i - 1, -1, -1), *range(i + 1, len(self.nodes))]
        for same_block in (True, False):
            for j in order:
                other = self.nodes[j]
                if (other.unit is not None and other.kind == node.kind
                        and (not same_block or _block(other.path) == _block(node.path))):
                    return other.unit.pt.p, same_block
        return None, False


def _joined(p) -> Any:
    """The old paragraph the inserted paragraph `p` (and those inserted after it) joins on
    Reject All: the next one in its container, when that is a paragraph (None: none)."""
    after = p.getnext()
    while after is not None and after.tag == w("p") and _mark(after, "ins") is not None:
        after = after.getnext()
    return after if after is not None and after.tag == w("p") else None


def _changed(unit: Unit, segs) -> list[tuple[int, int, str, Any]]:
    """(start, end, new text, segment) of each changed segment of a text, in its paragraph's text."""
    pos, out = unit.start, []
    for g in segs:
        if g.op == INS:
            out.append((pos, pos, g.text, g))
        elif g.op == DEL:
            out.append((pos, pos + len(g.text), "", g))
        pos += len(g.text) if g.op != INS else 0
    return out
