"""LibreOffice headless as a page-layout engine: DOCX → PDF.

Used when a DOCX carries no page information of its own, so that its pages can
be read off a rendering. LibreOffice is optional: without it the caller says
so in the report.

LibreOffice spends a good part of a conversion setting up a new user profile;
amend keeps one profile per user (in the temporary folder, private to that
user) for its conversions, held under a lock so that two runs never share it at
once (LibreOffice would hand the second run's file to the first process). When
the profile is in use or cannot be trusted, the run takes a fresh one, as before.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

TIMEOUT = 180  # seconds; a 30-page program renders in a few


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: str | Path) -> bytes | None:
    """The PDF LibreOffice makes of `path`, or None when it is absent or fails."""
    exe = soffice()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="amend-soffice-") as tmp, _profile(Path(tmp)) as profile:
        src = Path(tmp) / ("in" + Path(path).suffix.lower())
        shutil.copyfile(path, src)
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(Path(tmp, "out")), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        out = Path(tmp, "out", "in.pdf")
        return out.read_bytes() if out.exists() else None


@contextlib.contextmanager
def _profile(tmp: Path) -> Iterator[Path]:
    """amend's own LibreOffice profile, locked for this run; else a fresh one in `tmp`."""
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: a fresh profile each time
        yield tmp / "profile"
        return
    kept = Path(tempfile.gettempdir()) / f"amend-soffice-profile-{os.getuid()}"
    try:
        kept.mkdir(mode=0o700, exist_ok=True)
        st = kept.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            raise PermissionError(kept)  # someone else's folder: not ours to use
        lock = open(kept / ".amend-lock", "w")  # noqa: SIM115 (held until the conversion ends)
    except OSError:
        yield tmp / "profile"
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another run converts with it now
            yield tmp / "profile"
            return
        yield kept / "user"
