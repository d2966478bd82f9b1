"""The package side of the DOCX amend writes: the document's language and core
properties, and saving with fixed zip timestamps (same input, same bytes)."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import Any

from docx.opc.part import XmlPart
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from lxml.etree import ElementTree, SubElement

_VAL = qn("w:val")

# a program's language as the document's (spelling, hyphenation, a screen reader's voice, the PDF's /Lang)
LOCALES = {"sv": "sv-SE", "en": "en-GB"}


def locale_of(language: str | None) -> str:
    return LOCALES.get(language or "en", language or "en-GB")


def set_language(doc, language: str | None) -> None:
    """The document's default language (w:docDefaults) and its core property: the program's."""
    tag = locale_of(language)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = SubElement(rpr, qn("w:lang"))
        lang.set(_VAL, tag)
    doc.core_properties.language = tag


# ---------------------------------------------------------------- saving


def save(doc, when: datetime, title: str, author: str) -> bytes:
    """Serialise with fixed core-property dates and zip timestamps: same input, same bytes."""
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = "amend"
    props.created = props.modified = when.replace(tzinfo=None)
    props.last_printed = when.replace(tzinfo=None)
    props.revision = 1
    props.comments = ""
    _drop_styles_with_effects(doc)
    buf = io.BytesIO()
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    # what OpcPackage.save does, into a zip of fixed times and attributes: compressed once,
    # not saved and then rewritten member by member
    writer: Any = _FixedZip(buf, when)  # duck-typed: PhysPkgWriter is a factory, not a base to extend
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    for part in package.parts:  # PackageWriter._write_parts, each XML part streamed (see _FixedZip.stream)
        if type(part).blob is XmlPart.blob:
            writer.stream(part.partname, part._element)
        else:
            writer.write(part.partname, part.blob)
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    writer.close()
    return buf.getvalue()


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_styles_with_effects(doc) -> None:
    """Word 2010's copy of styles.xml (python-docx's template has one): it would need every
    style amend adds and the same document defaults, or Word repairs the file; Word reads
    styles.xml without it."""
    rels = doc.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == _STYLES_WITH_EFFECTS]:
        del rels[rid]


def zip_member(name: str, when: datetime) -> zipfile.ZipInfo:
    """A zip member of fixed timestamp (`when`, SOURCE_DATE_EPOCH) and fixed attributes: same input, same bytes."""
    stamp = max(when.astimezone(timezone.utc), datetime(1980, 1, 1, tzinfo=timezone.utc)).timetuple()[:6]
    member = zipfile.ZipInfo(name, date_time=stamp)
    member.compress_type = zipfile.ZIP_DEFLATED
    member.create_system = 0
    member.external_attr = 0o644 << 16
    return member


# zlib's level 3: on a 300-page redline a third of the default level's time (34 ms, not 89 ms; the
# largest cost of saving) for a file 16 % larger (363 KB, not 313 KB)
COMPRESS_LEVEL = 3


class _FixedZip:
    """python-docx's physical package writer, each member with one fixed timestamp and fixed attributes."""

    def __init__(self, buf: io.BytesIO, when: datetime):
        self.zip = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
        self.when = when

    def write(self, pack_uri, blob: bytes) -> None:
        self.zip.writestr(zip_member(pack_uri.membername, self.when), blob, compresslevel=COMPRESS_LEVEL)

    def stream(self, pack_uri, element) -> None:
        """The bytes python-docx's XmlPart.blob gives, serialised straight into the zip: a long
        redline's document.xml is not held a second time as one string (15 MB at 2,000 pages)."""
        member = zip_member(pack_uri.membername, self.when)
        member._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]  # as writestr(compresslevel=) sets it
        with self.zip.open(member, "w") as dest:
            ElementTree(element).write(dest, encoding="UTF-8", standalone=True)

    def close(self) -> None:
        self.zip.close()


