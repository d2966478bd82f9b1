"""DOCX → PDF through LibreOffice (`amend apply --pdf`).

All documents of a run go through ONE soffice process with a private profile
(a fresh UserInstallation in a temporary folder, so parallel runs and a
user's open LibreOffice never clash), exported as tagged PDF with PDF/UA
identification: headings, lists, tables and the document language (sv-SE from
the program) are in the structure tree a screen reader follows.

Same inputs, same bytes: LibreOffice's PDF differs between two runs only in
its creation time (Info and XMP) and its file identifier (/ID, /DocChecksum).
Those are rewritten in place with values of the same length — the build time
(SOURCE_DATE_EPOCH) and a hash of the DOCX — so the cross-reference offsets
stay right. The PDFs are returned as bytes; the caller publishes them in the
same all-or-nothing set as the other outputs.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from ..errors import AmendError
from ..lo_profile import seed
from ..messages import msg

# writer_pdf_Export options (LibreOffice ≥ 7.4 takes them as JSON after the filter name)
EXPORT_OPTIONS = {
    "UseTaggedPDF": True,  # structure tree: headings, lists, tables, reading order
    "PDFUACompliance": True,  # PDF/UA-1 identification and the checks LibreOffice does for it
    "ExportBookmarks": True,  # the headings as the PDF's outline
    "ExportNotes": False,  # redline comments stay in the DOCX; the PDF shows the document as printed
    "UseReferenceXObject": False,
}
TIMEOUT = 600  # seconds for the whole set; a 300-page redline takes well under a minute


class PdfError(AmendError):
    """LibreOffice is not there, or could not make a PDF of a document."""


def soffice() -> str:
    """The LibreOffice program, or a PdfError saying it is needed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise PdfError(msg("render.pdf.no_soffice"))
    return found


def filter_spec() -> str:
    options = {k: {"type": "boolean", "value": "true" if v else "false"} for k, v in EXPORT_OPTIONS.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def to_pdf(docs: dict[str, bytes], when: datetime) -> dict[str, bytes]:
    """{name.docx: DOCX bytes} → {name.pdf: PDF bytes}, all in one LibreOffice run."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="amend-pdf-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        for name, data in docs.items():
            (src / name).write_bytes(data)
        _convert(program, Path(tmp), sorted(src / n for n in docs), out)
        return {_pdf_name(n): reproducible(_read(out / _pdf_name(n), n), when, data) for n, data in docs.items()}


def _pdf_name(docx_name: str) -> str:
    return str(Path(docx_name).with_suffix(".pdf"))


def _convert(program: str, tmp: Path, files: list[Path], out: Path) -> None:
    seed(tmp / "profile")  # no graphics self-tests at its start (amend.lo_profile)
    command = [program, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore", "--nologo",
               "--nolockcheck", "--convert-to", filter_spec(), "--outdir", str(out), *map(str, files)]
    env = {**os.environ, "TZ": "UTC", "HOME": str(tmp)}  # UTC: the time written has one fixed form
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfError(msg("render.pdf.failed", file=files[0].name, reason=str(exc))) from None
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip()[-300:] or f"exit {done.returncode}"
        raise PdfError(msg("render.pdf.failed", file=files[0].name, reason=reason))


def _read(path: Path, docx_name: str) -> bytes:
    if not path.is_file():
        raise PdfError(msg("render.pdf.failed", file=docx_name, reason=msg("render.pdf.no_output")))
    return path.read_bytes()


# ---------------------------------------------------------------- same inputs, same bytes

_XMP_DATE = re.compile(rb"(<xmp:(?:Create|Modify|Metadata)Date>)([^<]{20})(</xmp:)")
_INFO_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\(D:)(\d{14}Z')(\))")
_ID = re.compile(rb"(/ID \[ <)([0-9A-F]{32})(>\s*<)([0-9A-F]{32})(> \])")
_CHECKSUM = re.compile(rb"(/DocChecksum /)([0-9A-F]{32})")


def reproducible(pdf: bytes, when: datetime, docx: bytes) -> bytes:
    """The PDF with its creation time set to `when` and its identifiers derived from the
    DOCX, each value of the same length as LibreOffice's (so every byte offset stays)."""
    ident = hashlib.md5(docx, usedforsecurity=False).hexdigest().upper().encode()
    xmp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    info = when.strftime("%Y%m%d%H%M%SZ'").encode()
    pdf = _INFO_DATE.sub(lambda m: m[1] + info + m[3], pdf)
    pdf = _XMP_DATE.sub(lambda m: m[1] + xmp + m[3], pdf)
    pdf = _ID.sub(lambda m: m[1] + ident + m[3] + ident + m[5], pdf)
    return _CHECKSUM.sub(lambda m: m[1] + ident, pdf)


def with_pdfs(outputs: dict[Path, bytes], when: datetime) -> dict[Path, bytes]:
    """`outputs` and, beside each DOCX of them, its PDF (`x.docx` → `x.pdf`, `x.redline.docx` → `x.redline.pdf`)."""
    docx = {p: data for p, data in outputs.items() if p.suffix == ".docx"}
    by_name = {p.name: p for p in docx}
    pdfs = to_pdf({p.name: data for p, data in docx.items()}, when)
    return {**outputs, **{by_name[n].with_suffix(".pdf"): pdfs[_pdf_name(n)] for n in by_name}}
