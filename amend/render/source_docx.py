"""The adopted DOCX and the redline DOCX written into the council's own Word file.

When a program was imported from a DOCX (`amend import`), its YAML records
the file (name, size, SHA-256) and where each of its texts is in it
(`source.places`, see amend.importers.places). `amend apply` then writes

- the adopted DOCX: that very file with only the amended text changed. Only
  word/document.xml and docProps/core.xml are rewritten (and word/numbering.xml
  when a new numbered list is started: source_numbering.py); every other part
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

import hashlib
import io
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..diff import DEL, Redline, walk
from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxruns import paragraph_style, run_hidden
from ..importers.docxxml import Styles, w
from ..importers.places import NOT_IN_FILE, decode, path_of
from ..messages import Msg, msg
from ..model import Program
from .source_edit import Writer
from .source_guard import Guard
from .source_nodes import Node, merged_nodes
from .source_numbering import NUMBERING, Numbering
from .source_runs import Marks, ParaText, Unit, max_id
from .source_styles import parse_styles
from .source_title import stale_status, title_page, title_status_left, update_title_page
from .source_toc import SETTINGS, headings_changed, mark_dirty, toc_fields, update_fields_on_open

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


_REVISIONS = {w(t) for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange", "sectPrChange",
                              "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                              "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlDelRangeStart")}
_STORIES = ("word/header", "word/footer", "word/footnotes", "word/endnotes")  # the text besides the body


def refuse_tracked_changes(root, xml: dict[str, bytes], name: str, program: str | None) -> None:
    """Stop when the file holds tracked changes not yet accepted or rejected: written into it, the
    adopted DOCX would keep them (its Reject All brings back text that was never adopted) and the
    redline's Reject All would not be the proposal (review 5, finding 22)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    trees = [root] + [etree.fromstring(data, parser) for part, data in sorted(xml.items())
                      if part.startswith(_STORIES) and part.endswith(".xml")]
    if any(el.tag in _REVISIONS for tree in trees for el in tree.iter()):
        raise UnreadableDocument(msg("source.tracked_changes", file=name), source=program)


# ---------------------------------------------------------------- the program's texts in the file


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


def hidden_runs(xml: dict[str, bytes]) -> Callable[[Any], Callable[[Any], bool]]:
    """For a w:p, which of its runs are hidden, by the rule the importer left them out by."""
    styles = Styles(parse_styles(xml))
    return lambda p: lambda r: run_hidden(styles, r, paragraph_style(p))


def locate(program: Program, body, name: str, hidden=None) -> list[Unit]:
    """Every text of `program` at its recorded place in the body, checked against the file's text;
    `hidden` (hidden_runs) leaves out the runs the importer left out."""
    assert program.source_file is not None and program.source_file.places is not None
    texts, locs = _texts(program), decode(program.source_file.places)
    if locs is None or len(locs) != len(texts):
        raise UnreadableDocument(msg("source.places_wrong", file=name), source=program.source)
    found = _Finder(body, Counter(locs), hidden)
    units = [found.unit(text, loc) for text, loc in zip(texts, locs)]
    if any(u is None for u in units):
        bad = next(text for text, u in zip(texts, units) if u is None)
        raise UnreadableDocument(msg("source.text_changed", file=name, text=excerpt(bad)), source=program.source)
    return [u for u in units if u is not None]


class _Finder:
    """The texts of the body's paragraphs by place, read once each, and how far each is taken."""

    def __init__(self, body, shared: Counter, hidden=None):
        self.body, self.shared, self.hidden = body, shared, hidden
        self.paras: dict[str, ParaText | None] = {}
        self.cursor: dict[str, int] = {}

    def unit(self, text: str, loc: str) -> Unit | None:
        """The text at place `loc` (after the texts before it there), or None when it is not there."""
        if loc == NOT_IN_FILE:
            return Unit(None, 0, text, False)
        if loc not in self.paras:
            p = _element(self.body, loc)
            self.paras[loc] = ParaText.of(p, self.hidden(p) if self.hidden else None) if p is not None else None
        pt = self.paras[loc]
        at = pt.text.find(text, self.cursor.get(loc, 0)) if pt is not None else -1
        if pt is None or at < 0 or (self.shared[loc] == 1 and pt.text != text):
            return None
        self.cursor[loc] = at + len(text)
        return Unit(pt, at, text, self.shared[loc] == 1)


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class Written:
    data: bytes
    places: str | None = None  # the adopted file's: where each text of the adopted program is in it
    stale_contents: bool = False  # it has a table of contents that lists the headings as they were
    stale_status: str | None = None  # a header or footer's status word the adoption leaves as it was
    title_note: Msg | None = None  # what the run says of the title page's lines (source_title.update_title_page)
    stale_title: str | None = None  # a title page line saying "Förslag …" that the adoption leaves as it was


def render_source_docx(red: Redline, base: Program, data: bytes, when: datetime, *, tracked: bool,
                       notes=None) -> Written:
    """The source DOCX `data` with the changes of `red` made (tracked: as tracked changes); untracked,
    also the places of the adopted texts in it, for the next decision. `notes`: provenance_docx.SourceNotes."""
    name = base.source_file.file if base.source_file else "?"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    doc = _Document(dict((i.filename, b) for i, b in parts), name)
    refuse_tracked_changes(doc.root, doc.xml, name, base.source)
    marks = Marks(tracked, next_id=max_id(doc.root) + 1)
    writer = doc.write(red, base, marks)
    places = None if tracked else _new_places(red, writer.nodes, doc.body, name, doc.hidden)
    new = notes.mark(writer.nodes, doc.xml, marks if tracked else None) if notes is not None else {}
    stale = _stale_contents(red, doc.body, doc.xml, new)
    new.update(doc.parts(when, red))
    return Written(_zip(parts, new, when), places, stale, stale_status(red, doc.xml), doc.title_note,
                   doc.stale_title)


class _Document:
    """The parts of the source file that a run reads and rewrites: the body, its numbering."""

    def __init__(self, xml: dict[str, bytes], name: str):
        from lxml import etree

        self.xml, self.name = xml, name
        self.root = etree.fromstring(xml[DOCUMENT], etree.XMLParser(resolve_entities=False, huge_tree=True))
        self.body = self.root.find(w("body"))
        self.hidden = hidden_runs(xml)
        self.numbering = Numbering.of(xml)
        self.title_note: Msg | None = None
        self.stale_title: str | None = None  # set by write

    def write(self, red: Redline, base: Program, marks: Marks) -> Writer:
        """The changes of `red` written into the body, the title page brought up to date."""
        units = locate(base, self.body, self.name, self.hidden)
        styles = self.numbering.styles if self.numbering is not None else parse_styles(self.xml)
        guard = Guard(self.body, self.xml, self.name)
        title = title_page(self.body, units)  # taken before new paragraphs go in
        writer = Writer(red, merged_nodes(red, units, self.name), marks, self.numbering, guard, styles, self.name)
        writer.run()
        self.title_note = update_title_page(red, title, marks, guard, self.name, self.hidden)
        self.stale_title = title_status_left(red, title, self.hidden)
        if marks.tracked:
            unwrap_changed_controls(self.body)
        return writer

    def parts(self, when: datetime, red: Redline) -> dict[str, bytes]:
        """The rewritten parts: the body, the numbering when a new list was started, the core properties."""
        from lxml import etree

        new = {DOCUMENT: etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)}
        renumbered = self.numbering.data() if self.numbering is not None else None
        if renumbered is not None:  # only when a new numbered list was started
            new[NUMBERING] = renumbered
        if CORE in self.xml:
            new[CORE] = _core(self.xml[CORE], when, red)
        return new


def _stale_contents(red: Redline, body, xml: dict[str, bytes], new: dict[str, bytes]) -> bool:
    """When the headings change and the body has a table of contents: its field marked for
    updating, and the file set to update fields when opened (source_toc.py)."""
    tocs = toc_fields(body) if headings_changed(red.old, red.new) else []
    if not tocs:
        return False
    mark_dirty(tocs)
    if SETTINGS in xml:
        new[SETTINGS] = update_fields_on_open(xml[SETTINGS])
    return True


def unwrap_changed_controls(body) -> None:
    """In the redline, a block-level content control (w:sdt around paragraphs, as municipal
    templates have) that holds a tracked change gives way to its paragraphs: LibreOffice's
    Accept/Reject All leaves both words inside one (review 5, finding 26). The adopted DOCX keeps it."""
    changed = {w("ins"), w("del")}
    for sdt in list(body.iter(w("sdt"))):
        content = sdt.find(w("sdtContent"))
        if content is None or content.find(w("p")) is None and content.find(w("tbl")) is None:
            continue  # a control inside a paragraph: LibreOffice's Accept/Reject handle those
        if any(el.tag in changed for el in content.iter()):
            for child in list(content):
                sdt.addprevious(child)
            sdt.getparent().remove(sdt)


def _new_places(red: Redline, nodes: list[Node], body, name: str, hidden=None) -> str | None:
    """Where each text of the adopted program is in the written body, checked the way the
    next apply will check it. A text not found where it was written means the file does not
    say what the adopted program says: never published, the run fails as a bug (exit 3)."""
    from ..importers.docx import _place
    from ..importers.places import encode

    locs = [NOT_IN_FILE if n.p is None else _place(n.p, body)
            for n in nodes if not all(g.op == DEL for g in n.segments)]
    if not all(locs) or all(loc == NOT_IN_FILE for loc in locs):
        return None
    places = encode(locs)
    _check_places(red, places, body, name, hidden)
    return places


def _check_places(red: Redline, places: str, body, name: str, hidden) -> None:
    from dataclasses import replace

    from ..model import SourceFile

    try:
        locate(replace(red.new, source_file=SourceFile(name, 0, "", places)), body, name, hidden)
    except UnreadableDocument as exc:  # the file written does not read as the adopted program: a bug
        raise RuntimeError(f"the adopted Word file does not hold the adopted text: {exc}") from None


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
    from .docx_package import zip_member

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in parts:
            dst.writestr(zip_member(info.filename, when), new.get(info.filename, data))
        for name in sorted(set(new) - {info.filename for info, _ in parts}):  # a part made new (footnotes)
            dst.writestr(zip_member(name, when), new[name])
    return out.getvalue()
