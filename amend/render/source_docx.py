"""The adopted DOCX and the redline DOCX written into the council's own Word file.

When a program was imported from a DOCX (`amend import`), its YAML records
the file (name, size, SHA-256) and where each of its texts is in it
(`source.places`, see amend.importers.places). `amend apply` then writes

- the adopted DOCX: that very file with only the amended text changed. Only
  word/document.xml and docProps/core.xml are rewritten; every other part
  (styles, numbering, headers, footers, images, footnotes, comments, custom
  XML, settings) is copied byte for byte. Inside document.xml only the
  paragraphs an amendment touches change, and in them only the runs holding
  the changed words: an inserted word takes the formatting of the run before
  it, a new paragraph or list item the paragraph properties of its neighbour
  of the same kind (same style, same list);
- the redline DOCX: the same file with those changes as tracked changes
  (w:ins/w:del, author the deciding body, date the decision's).

The file must be the one imported, unchanged (size and SHA-256), and its text
must still be the program's text at every recorded place; otherwise the run
stops with a message saying so (amend never guesses where the text went).
"""
from __future__ import annotations

import copy
import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..diff import DEL, INS, SAME, Redline, walk
from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import w
from ..importers.places import NOT_IN_FILE, decode, path_of
from ..messages import msg
from ..model import Program
from .source_runs import Edit, Marks, ParaText, edit_paragraph, text_run

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
_DC = "http://purl.org/dc/terms/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


# ---------------------------------------------------------------- finding and checking the file


def source_path(program: Program) -> Path | None:
    """The source DOCX of `program` (next to its YAML file), or None when it records none to write into."""
    sf = program.source_file
    if sf is None or sf.places is None or program.source is None:
        return None
    return Path(program.source).parent / sf.file


def read_source(program: Program) -> bytes:
    """The source DOCX's bytes, after checking it is the file that was imported."""
    path, sf = source_path(program), program.source_file
    assert path is not None and sf is not None  # asked only when there is one
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(msg("source.missing", file=str(path), program=program.source),
                                 source=program.source) from None
    except OSError as exc:
        raise UnreadableDocument(msg("source.unreadable", file=str(path), reason=exc.strerror),
                                 source=program.source) from None
    if len(data) != sf.size or hashlib.sha256(data).hexdigest() != sf.sha256:
        raise UnreadableDocument(msg("source.changed", file=str(path)), source=program.source)
    return data


# ---------------------------------------------------------------- the program's texts in the file


@dataclass
class Unit:
    """One text of the base program where it is in the file: pt.text[start:start + len(text)]."""

    pt: ParaText | None  # None: a text that is not in the file (a heading made from the title)
    start: int
    text: str
    alone: bool  # the only text of its paragraph


def _element(body, loc: str):
    el = body
    for i in path_of(loc):
        children = list(el)
        if i >= len(children):
            return None
        el = children[i]
    return el if el.tag == w("p") else None


def _texts(program: Program) -> list[str]:
    return [t for s, sec in enumerate(program.sections) for _, t in walk(sec, (s,)) if t is not None]


def locate(program: Program, body, name: str) -> list[Unit]:
    """Every text of `program` at its recorded place in the body, checked against the file's text."""
    assert program.source_file is not None and program.source_file.places is not None
    texts, locs = _texts(program), decode(program.source_file.places)
    if locs is None or len(locs) != len(texts):
        raise UnreadableDocument(msg("source.places_wrong", file=name), source=program.source)
    shared = Counter(locs)
    paras: dict[str, ParaText | None] = {}
    cursor: dict[str, int] = {}
    units = []
    for text, loc in zip(texts, locs):
        if loc == NOT_IN_FILE:
            units.append(Unit(None, 0, text, False))
            continue
        if loc not in paras:
            p = _element(body, loc)
            paras[loc] = ParaText.of(p) if p is not None else None
        pt = paras[loc]
        at = pt.text.find(text, cursor.get(loc, 0)) if pt is not None else -1
        if pt is None or at < 0 or (shared[loc] == 1 and pt.text != text):
            raise UnreadableDocument(msg("source.text_changed", file=name, text=excerpt(text)),
                                     source=program.source)
        cursor[loc] = at + len(text)
        units.append(Unit(pt, at, text, shared[loc] == 1))
    return units


# ---------------------------------------------------------------- the merged program, node by node


def _kind(red: Redline, path: tuple) -> tuple:
    """What a text is, for choosing the paragraph a new one copies: heading of a level, list item, paragraph."""
    if path[0] == "h":
        return ("heading", red.merged.sections[path[1]].level)
    if path[-1] == "heading":
        return ("column heading",)
    if len(path) >= 2 and path[-2] == "item":
        return ("item",)
    return ("paragraph",)


def _container(path: tuple) -> tuple:
    """The section body, table cell or column a text is in (texts of one container are siblings)."""
    if path[0] == "h":
        return ("body",)
    p = path[:-1] if path[-1] == "heading" else path
    if len(p) >= 2 and p[-2] == "item":
        p = p[:-2]
    p = p if path[-1] == "heading" else p[:-1]
    return ("body",) if len(p) == 1 else p


def _block(path: tuple) -> tuple:
    """The list a list item is in; a paragraph's container."""
    return path[:-2] if len(path) >= 2 and path[-2] == "item" else _container(path)


@dataclass
class _Node:
    path: tuple
    segments: tuple
    kind: tuple
    container: tuple
    unit: Unit | None  # None: a text the amendments added
    p: Any = None  # the paragraph it is in, once placed


def _nodes(red: Redline, units: list[Unit], name: str) -> list[_Node]:
    nodes, olds = [], iter(units)
    for s, sec in enumerate(red.merged.sections):
        for path, text in walk(sec, (s,)):
            if text is None:
                continue
            segs = red.segments[path]
            unit = None
            if any(g.op != INS for g in segs):
                unit = next(olds, None)
                if unit is None or unit.text != "".join(g.text for g in segs if g.op != INS):
                    raise UnreadableDocument(msg("source.lost_track", file=name))
            p = unit.pt.p if unit and unit.pt else None
            nodes.append(_Node(path, segs, _kind(red, path), _container(path), unit, p))
    return nodes


# ---------------------------------------------------------------- writing


class _Writer:
    def __init__(self, red: Redline, nodes: list[_Node], marks: Marks):
        self.red, self.nodes, self.marks = red, nodes, marks
        self.edits: dict[int, tuple[ParaText, list[Edit]]] = {}
        self.removed: list = []
        self.marked: set = set()  # paragraphs whose mark is already tracked

    def who(self, change: int | None) -> tuple[str, str]:
        decision = self.red.changes[change].decision if change is not None else None
        decision = decision or self.red.default_decision
        return (decision.body, f"{str(decision.date)[:10]}T00:00:00Z") if decision else ("amend", "")

    def run(self) -> None:
        prev: _Node | None = None
        pending: list[_Node] = []
        for i, node in enumerate(self.nodes):
            if node.unit is None:
                if prev is not None and (prev.container == node.container or node.container == ("body",)):
                    self.new_after(i, node, prev)
                    prev = node
                else:
                    pending.append(node)
                continue
            for waiting in pending:
                if waiting.container != node.container:
                    raise UnreadableDocument(msg("source.cannot_place", text=excerpt(waiting.segments[0].text)))
                self.new_before(self.nodes.index(waiting), waiting, node)
            pending = []
            self.old(node, prev)
            if node.p is not None:
                prev = node
        if pending:
            raise UnreadableDocument(msg("source.cannot_place", text=excerpt(pending[0].segments[0].text)))
        for pt, edits in self.edits.values():
            edit_paragraph(pt, edits, self.marks)
        for p in self.removed:
            p.getparent().remove(p)

    # -------------------------------------------------- texts of the base program

    def old(self, node: _Node, prev: _Node | None) -> None:
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
        pos, edits = unit.start, []
        for g in segs:
            if g.op == INS:
                edits.append(Edit(pos, pos, g.text, self.who(g.change)))
            elif g.op == DEL:
                edits.append(Edit(pos, pos + len(g.text), "", self.who(g.change)))
                pos += len(g.text)
            else:
                pos += len(g.text)
        if edits:
            self.edits.setdefault(id(unit.pt), (unit.pt, []))[1].extend(edits)

    def delete_paragraph(self, node: _Node, prev: _Node | None) -> None:
        p = node.p
        self.marks.author, self.marks.date = self.who(node.segments[0].change)
        if not self.marks.tracked:
            if _sect(p) is None:
                self.removed.append(p)
                node.p = None
            else:  # the paragraph ends a section: its mark stays, so the section does
                for r in _runs(p):
                    r.getparent().remove(r)
            return
        for r in _runs(p):
            self.marks.delete_run(r)
        self.track_mark(p, prev, "del")

    def track_mark(self, p, prev: _Node | None, tag: str) -> None:
        """Track the mark of a wholly inserted or deleted paragraph: on the paragraph
        before it when both look alike (as Word does when Enter is pressed at the end of
        that paragraph, so that accepting or rejecting keeps every other paragraph's
        look), else on its own mark."""
        before = prev.p if prev is not None else None
        if (before is not None and before not in self.marked and _sect(before) is None
                and before.getparent() is p.getparent() and _same_ppr(before, p)):
            self.marks.paragraph_mark(before, tag)
            self.marked.add(before)
        elif _sect(p) is None:
            self.marks.paragraph_mark(p, tag)
            self.marked.add(p)

    # -------------------------------------------------- texts the amendments added

    def new_after(self, i: int, node: _Node, prev: _Node) -> None:
        """After `prev`; in the body after the table `prev` ends, when it is in one."""
        p = self.new_paragraph(i, node)
        anchor = prev.p if prev.container == node.container else _top(prev.p)
        anchor.addnext(p)
        if anchor is not prev.p:
            prev = _Node(prev.path, prev.segments, prev.kind, node.container, None, None)
        elif _sect(prev.p) is not None and not self.marks.tracked:
            _ppr(p).append(_sect(prev.p))  # the section goes on to its new last paragraph
        if self.marks.tracked:
            self.track_mark(p, prev, "ins")

    def new_before(self, i: int, node: _Node, nxt: _Node) -> None:
        p = self.new_paragraph(i, node)
        nxt.p.addprevious(p)
        if self.marks.tracked:
            self.marks.paragraph_mark(p, "ins")
            self.marked.add(p)

    def new_paragraph(self, i: int, node: _Node):
        text = node.segments[0].text
        self.marks.author, self.marks.date = self.who(node.segments[0].change)
        model = self.model(i, node)
        from lxml import etree

        p = etree.Element(w("p"))
        ppr = model.find(w("pPr")) if model is not None else None
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            for tag in ("sectPr", "pPrChange", "pageBreakBefore"):
                for gone in ppr.findall(w(tag)):
                    ppr.remove(gone)
            for mark in ppr.findall(f"{w('rPr')}/{w('ins')}") + ppr.findall(f"{w('rPr')}/{w('del')}"):
                mark.getparent().remove(mark)
            p.append(ppr)
        run = text_run(text, _first_rpr(model))
        p.append(run)
        self.marks.insert_run(run)
        node.p = p
        return p

    def model(self, i: int, node: _Node):
        """The paragraph a new one copies: the nearest old text of the same kind in the
        same list or container, else the nearest of the same kind anywhere."""
        order = [*range(i - 1, -1, -1), *range(i + 1, len(self.nodes))]
        for same_block in (True, False):
            for j in order:
                other = self.nodes[j]
                if (other.unit is not None and other.kind == node.kind
                        and (not same_block or _block(other.path) == _block(node.path))):
                    return other.unit.pt.p
        return None


def _ppr(p):
    if p.find(w("pPr")) is None:
        p.insert(0, p.makeelement(w("pPr")))
    return p.find(w("pPr"))


def _top(el):
    """The ancestor of `el` that is a child of w:body."""
    while el.getparent() is not None and el.getparent().tag != w("body"):
        el = el.getparent()
    return el


def _sect(p):
    ppr = p.find(w("pPr"))
    return ppr.find(w("sectPr")) if ppr is not None else None


def _runs(p) -> list:
    """The runs of paragraph `p` itself (not those of a text box in it), not already deleted."""
    out = []
    for r in p.iter(w("r")):
        up = r.getparent()
        while up is not None and up is not p and up.tag not in (w("p"), w("del"), w("moveFrom")):
            up = up.getparent()
        if up is p:
            out.append(r)
    return out


def _ppr_key(p) -> bytes:
    from lxml import etree

    ppr = p.find(w("pPr"))
    if ppr is None:
        return b""
    ppr = copy.deepcopy(ppr)
    for tag in ("rPr", "sectPr", "pPrChange"):
        for gone in ppr.findall(w(tag)):
            ppr.remove(gone)
    return etree.tostring(ppr, method="c14n")


def _same_ppr(a, b) -> bool:
    return _ppr_key(a) == _ppr_key(b)


def _first_rpr(p):
    if p is None:
        return None
    for r in p.iter(w("r")):
        if r.find(w("t")) is not None:
            return r.find(w("rPr"))
    return None


def _max_id(root) -> int:
    ids = [int(v) for el in root.iter() for k, v in el.attrib.items() if k == w("id") and v.isdigit()]
    return max(ids, default=0)


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class Written:
    data: bytes
    places: str | None = None  # the adopted file's: where each text of the adopted program is in it


def render_source_docx(red: Redline, base: Program, data: bytes, when: datetime, *, tracked: bool) -> Written:
    """The source DOCX `data` with the changes of `red` made (tracked: as tracked changes);
    untracked, also the places of the adopted program's texts in it, so that the next
    decision can be written into the adopted file in turn."""
    from lxml import etree

    name = base.source_file.file if base.source_file else "?"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    xml = dict((i.filename, b) for i, b in parts)
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    root = etree.fromstring(xml[DOCUMENT], parser)
    body = root.find(w("body"))
    units = locate(base, body, name)
    marks = Marks(tracked, next_id=_max_id(root) + 1)
    writer = _Writer(red, _nodes(red, units, name), marks)
    writer.run()
    places = None if tracked else _new_places(red, writer.nodes, body, name)
    new = {DOCUMENT: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)}
    if CORE in xml:
        new[CORE] = _core(xml[CORE], when, red)
    return Written(_zip(parts, new, when), places)


def _new_places(red: Redline, nodes: list[_Node], body, name: str) -> str | None:
    """Where each text of the adopted program is in the written body, checked the way the
    next apply will check it; None when that check fails (the next apply then uses amend's
    own layout rather than a wrong place)."""
    from dataclasses import replace

    from ..importers.docx import _place
    from ..importers.places import encode
    from ..model import SourceFile

    locs = [NOT_IN_FILE if n.p is None else _place(n.p, body)
            for n in nodes if not all(g.op == DEL for g in n.segments)]
    if not all(locs) or all(loc == NOT_IN_FILE for loc in locs):
        return None
    places = encode(locs)
    try:
        locate(replace(red.new, source_file=SourceFile(name, 0, "", places)), body, name)
    except UnreadableDocument:
        return None
    return places


def _core(data: bytes, when: datetime, red: Redline) -> bytes:
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    modified = root.find(f"{{{_DC}}}modified")
    if modified is not None:
        modified.text = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    by = root.find(f"{{{_CP}}}lastModifiedBy")
    if by is not None and red.default_decision is not None:
        by.text = red.default_decision.body
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _zip(parts: list, new: dict[str, bytes], when: datetime) -> bytes:
    """The parts in their order, `new` ones replaced, with one fixed timestamp (SOURCE_DATE_EPOCH)."""
    from .docx import normalize_zip

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info, data in parts:
            dst.writestr(info.filename, new.get(info.filename, data))
    return normalize_zip(out.getvalue(), when)
