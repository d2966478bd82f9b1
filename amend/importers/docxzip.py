"""A DOCX is a zip archive: refuse what is not one, is damaged, or would unpack
to more than a document can be, before anything is read."""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .. import limits
from ..messages import msg
from .common import UnreadableDocument

MAX_MEMBERS = 10_000


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or an Office file with a password


def check_zip(path: Path) -> None:
    """Refuse what is not a DOCX, or would unpack to more than a document can be,
    before anything is unpacked (the sizes are the ones the archive declares,
    which zipfile also enforces while reading)."""
    name = str(path)
    _check_head(path, name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(msg("importers.docx.damaged_zip", detail=str(exc)), source=name) from None
    _check_members(infos, name)
    _check_parts(path, infos)


def _check_head(path: Path, name: str) -> None:
    """Refuse a file that cannot be read, an old Word file (.doc) and any other file that is no zip."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableDocument(msg("importers.cannot_read", reason=exc.strerror), source=name) from None
    if head == OLE_MAGIC:
        raise UnreadableDocument(msg("importers.docx.old_doc"), source=name)
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(msg("importers.docx.not_zip"), source=name)


def _check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse an archive too large once unpacked, encrypted, or without a document part."""
    size = sum(i.file_size for i in infos)
    if len(infos) > MAX_MEMBERS or size > limits.MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(msg("importers.docx.too_big", mb=size / 2**20, files=len(infos),
                                     limit=limits.MAX_DOCUMENT_BYTES // 2**20), source=name)
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnreadableDocument(msg("importers.docx.encrypted"), source=name)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableDocument(msg("importers.docx.no_document"), source=name)


# A DTD (<!DOCTYPE …>, <!ENTITY …>) has no place in a Word part. python-docx
# does not expand entities, so text after one ("&org;") would be lost without
# a word; refused instead. Searched for in UTF-8 and in UTF-16 too.
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


_CHUNK = 1 << 20


def _check_parts(path: Path, infos) -> None:
    """Unpack each XML part once, as a stream, counting what it really unpacks to
    (a zip's header can claim any size) and looking for a DTD."""
    name = str(path)
    cap = limits.MAX_DOCX_PART_BYTES
    overlap = max(map(len, _DTD_MARKS)) - 1
    try:
        with zipfile.ZipFile(path) as z:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                total, tail = 0, b""
                with z.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > cap:
                            raise UnreadableDocument(msg("importers.docx.part_too_large", part=info.filename,
                                                         limit=cap), source=name)
                        window = tail + chunk
                        if any(mark in window for mark in _DTD_MARKS):
                            raise UnreadableDocument(msg("importers.docx.dtd", part=info.filename), source=name)
                        tail = window[-overlap:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise UnreadableDocument(msg("importers.docx.damaged_zip", detail=str(exc)), source=name) from None
