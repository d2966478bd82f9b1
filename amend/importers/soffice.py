"""LibreOffice headless as a page-layout engine: DOCX → PDF.

Used when a DOCX carries no page information of its own, so that its pages can
be read off a rendering. LibreOffice is optional: without it the caller says
so in the report.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 180  # seconds; a 30-page program renders in a few


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: str | Path) -> bytes | None:
    """The PDF LibreOffice makes of `path`, or None when it is absent or fails."""
    exe = soffice()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="amend-soffice-") as tmp:
        src = Path(tmp) / ("in" + Path(path).suffix.lower())
        shutil.copyfile(path, src)
        # a private profile: a running LibreOffice (or another run) must not lock ours
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(Path(tmp, "out")), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        out = Path(tmp, "out", "in.pdf")
        return out.read_bytes() if out.exists() else None
