"""Provenance notes as real Word footnotes or comments (see amend.render.provenance).

`DocxNotes` marks paragraphs while a document is written (a footnote reference, or a
comment range around the paragraph and its reference, at the paragraph's end) and then
gives the package parts that hold the notes: word/footnotes.xml or word/comments.xml (made,
or extended when the council's own file already has footnotes or comments: their ids are
kept), the relationship from the document and the content type. Everything is in a fixed
order and the comments carry the decision's date, so the same inputs give the same bytes.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime

from lxml import etree

from ..importers.docxxml import W_NS, w
from ..model import Program
from .provenance import Note

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_KIND = {  # mode -> (part, root tag, note tag, relationship type, content type)
    "footnotes": ("word/footnotes.xml", "footnotes", "footnote", _DOC_REL + "footnotes",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"),
    "comments": ("word/comments.xml", "comments", "comment", _DOC_REL + "comments",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"),
}
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def _el(tag: str, *children: etree._Element, text: str | None = None, **attrs: str) -> etree._Element:
    made = etree.Element(w(tag), nsmap={"w": W_NS})
    for k, v in attrs.items():
        made.set(w(k), v)
    made.extend(children)
    if text is not None:
        made.text = text
        made.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return made


def _small(*extra: etree._Element) -> etree._Element:
    return _el("rPr", *extra, _el("sz", val="18"), _el("szCs", val="18"))


class DocxNotes:
    """The notes of one document, given the package's existing parts (name -> bytes)."""

    def __init__(self, mode: str, language: str, parts: dict[str, bytes]):
        self.mode, self.language = mode, language
        self.part, root, self.tag, self.rel_type, self.content_type = _KIND[mode]
        self.part = _target(parts, self.rel_type) or self.part
        self.existing = self.part in parts
        self.root = etree.fromstring(parts[self.part], _PARSER) if self.existing else self._new_root(root)
        ids = [int(n.get(w("id"), "0")) for n in self.root.iter(w(self.tag))]
        self.next_id = max(ids + [0]) + 1 if mode == "footnotes" else max(ids + [-1]) + 1

    def _new_root(self, tag: str) -> etree._Element:
        root = _el(tag)
        if self.mode == "footnotes":  # the separators Word expects before the notes
            root.append(_el("footnote", _el("p", _el("r", _el("separator"))), type="separator", id="-1"))
            root.append(_el("footnote", _el("p", _el("r", _el("continuationSeparator"))),
                            type="continuationSeparator", id="0"))
        return root

    # -------------------------------------------------- in the document

    def mark(self, p: etree._Element, notes: Sequence[Note], track: Callable | None = None) -> None:
        """Mark the paragraph element `p` with each note, at its end; `track(run, note)`: the
        reference run of a footnote made a tracked insertion (the redline)."""
        for note in notes:
            n = str(self.next_id)
            self.next_id += 1
            if self.mode == "footnotes":
                self._footnote_mark(p, n, note, track)
            else:
                start = 1 if len(p) and p[0].tag == w("pPr") else 0
                p.insert(start, _el("commentRangeStart", id=n))
                p.append(_el("commentRangeEnd", id=n))
                p.append(_el("r", _el("commentReference", id=n)))
                self.root.append(self._comment(n, note))

    def _footnote_mark(self, p: etree._Element, n: str, note: Note, track: Callable | None) -> None:
        run = _el("r", _small(_el("vertAlign", val="superscript")), _el("footnoteReference", id=n))
        p.append(run)
        if track is not None:
            track(run, note)
        self.root.append(self._footnote(n, note))

    def _footnote(self, n: str, note: Note) -> etree._Element:
        ref = _el("r", _small(_el("vertAlign", val="superscript")), _el("footnoteRef"))
        words = _el("r", _small(), _el("t", text=" " + note.text(self.language)))
        return _el("footnote", _el("p", ref, words), id=n)

    def _comment(self, n: str, note: Note) -> etree._Element:
        d = note.decision
        initials = "".join(word[0] for word in d.body.split()[:3]).upper()
        words = _el("p", _el("r", _el("t", text=note.text(self.language))))
        return _el("comment", words, id=n, author=d.body, date=f"{d.date}T00:00:00Z", initials=initials)

    # -------------------------------------------------- the package

    def parts(self, parts: dict[str, bytes]) -> dict[str, bytes]:
        """The parts to add or replace: the notes, and (for a new notes part) its relationship and type."""
        out = {self.part: etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)}
        if not self.existing:
            out[_RELS] = _with_relationship(parts[_RELS], self.rel_type, self.part)
            out[_TYPES] = _with_type(parts[_TYPES], "/" + self.part, self.content_type)
        return out


def _target(parts: dict[str, bytes], rel_type: str) -> str | None:
    """The part the document already relates to with `rel_type` (a file may name it otherwise)."""
    if _RELS not in parts:
        return None
    for rel in etree.fromstring(parts[_RELS], _PARSER):
        if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else "word/" + target
    return None


def _with_relationship(data: bytes, rel_type: str, part: str) -> bytes:
    root = etree.fromstring(data, _PARSER)
    taken = {rel.get("Id") for rel in root}
    n = 1
    while f"rId{n}" in taken:
        n += 1
    etree.SubElement(root, f"{{{_REL_NS}}}Relationship", Id=f"rId{n}", Type=rel_type,
                     Target=part.removeprefix("word/"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_type(data: bytes, name: str, content_type: str) -> bytes:
    root = etree.fromstring(data, _PARSER)
    if not any(o.get("PartName") == name for o in root):
        etree.SubElement(root, f"{{{_CT_NS}}}Override", PartName=name, ContentType=content_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- a written DOCX, with its notes


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info.filename, z.read(info.filename)) for info in z.infolist()]


def rezip(parts: list[tuple[str, bytes]], new: dict[str, bytes], when: datetime) -> bytes:
    """The parts in their order with `new` ones replaced, then the added ones; fixed timestamps."""
    from .docx_package import zip_member

    names = [name for name, _ in parts]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            dst.writestr(zip_member(name, when), new.get(name, data))
        for name in sorted(set(new) - set(names)):
            dst.writestr(zip_member(name, when), new[name])
    return out.getvalue()


class SourceNotes:
    """The notes to mark in the council's own Word file (amend.render.source_docx): by merged path."""

    def __init__(self, mode: str, language: str, notes: dict[tuple, tuple[Note, ...]]):
        self.mode, self.language, self.notes = mode, language, notes

    def mark(self, nodes: Sequence, parts: dict[str, bytes], marks=None) -> dict[str, bytes]:
        """Mark each written node's paragraph; the notes' parts. `marks` (source_runs.Marks, the
        redline's): each footnote reference is a tracked insertion by the note's decision, so
        that Accept All gives the adopted file with its notes and Reject All the proposal."""
        marker = DocxNotes(self.mode, self.language, parts)
        track = None if marks is None else lambda run, note: _inserted(marks, run, note)
        for node in nodes:
            found = self.notes.get(node.path)
            if found and node.p is not None:
                marker.mark(node.p, found, track)
        return marker.parts(parts)


def _inserted(marks, run: etree._Element, note: Note) -> None:
    marks.author, marks.date = note.decision.body, f"{str(note.decision.date)[:10]}T00:00:00Z"
    marks.insert_run(run)


def render_noted_docx(program: Program, notes: dict[tuple, tuple[Note, ...]], mode: str, when: datetime,
                      template: bytes | None = None) -> bytes:
    """amend.render.docx.render_docx (in `template` when given) with the notes (by adopted path) at their texts."""
    from .docx import DocxWriter, render_docx

    marker = DocxNotes(mode, program.meta.language, {})

    class NotedWriter(DocxWriter):
        def write_text(self, paragraph, text, where=None) -> None:
            super().write_text(paragraph, text, where)
            if where in notes:
                marker.mark(paragraph._p, notes[where])

    parts = read_parts(render_docx(program, when, writer=NotedWriter, template=template))
    return rezip(parts, marker.parts(dict(parts)), when)
