"""Files sent with a form: the multipart body read into fields and files, and a file's kind told by its content.

The name a browser gives a file is kept only to be shown; a file is stored under a
name amend chooses, in a private temporary folder outside the repository.
"""
from __future__ import annotations

import email.message
import email.parser
import email.policy
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnreadableDocument
from ..messages import msg

MAX_FIELDS = 200  # parts of one form: the import and publish forms have a dozen


@dataclass(frozen=True)
class Upload:
    """A file sent with a form: its bytes, and the name the browser gave it (shown, never used as a path)."""

    data: bytes
    name: str = ""


def parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, Upload]] | None:
    """The fields and files of a multipart/form-data body; None when it is not one."""
    try:
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    except (UnicodeEncodeError, ValueError, TypeError):
        return None
    return _parts(message) if message.is_multipart() else None


def _parts(message: email.message.EmailMessage) -> tuple[dict[str, str], dict[str, Upload]] | None:
    """Each part kept as a field or a file; None for a part without a name, or too many parts."""
    form: dict[str, str] = {}
    files: dict[str, Upload] = {}
    for n, part in enumerate(message.iter_parts()):
        name = part.get_param("name", header="content-disposition")
        if n >= MAX_FIELDS or not isinstance(name, str):
            return None
        _keep(part, name, form, files)
    return form, files


def _keep(part: email.message.Message, name: str, form: dict[str, str], files: dict[str, Upload]) -> None:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    filename = part.get_filename()
    if filename is None:
        form[name] = data.decode("utf-8", errors="replace")
    elif data:  # a file input left empty sends a part with no name and no bytes
        files[name] = Upload(data, shown_name(filename))


def shown_name(name: str) -> str:
    """The last part of the name the browser sent, without control characters, to show it (never a path)."""
    last = re.split(r"[\\/]", name)[-1]
    return re.sub(r"[\x00-\x1f\x7f]", "", last)[:120]


def kind(upload: Upload) -> str:
    """'docx' or 'pdf' by the first bytes of the file, whatever its name says."""
    head = upload.data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # a zip: the importer's own checks (zip bomb, parts, size) tell whether it is a DOCX
    raise UnreadableDocument(msg("web.upload.wrong_kind"), source=upload.name or "?")


@contextmanager
def stored(*uploads: tuple[str, Upload]) -> Iterator[dict[str, Path]]:
    """Each (stem, upload) written as `<stem>.<kind>` in a new private folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="amend-upload-"))
    try:
        paths = {}
        for stem, up in uploads:
            path = folder / f"{stem}.{kind(up)}"
            path.write_bytes(up.data)
            paths[stem] = path
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)
