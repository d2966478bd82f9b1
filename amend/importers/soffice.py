"""LibreOffice headless as a page-layout engine: DOCX → PDF.

Used when a DOCX carries no page information of its own, so that its pages can
be read off a rendering. LibreOffice is optional: without it the caller says
so in the report.

LibreOffice spends a good part of a conversion setting up a new user profile;
amend keeps one profile per user (in the temporary folder, private to that
user) for its conversions, held under a lock so that two runs never share it at
once (LibreOffice would hand the second run's file to the first process). When
the profile is in use or cannot be trusted, the run takes a fresh one, as before.
Either profile records that LibreOffice has started before (amend.lo_profile), so that it
does not run its graphics self-tests again at every start.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..lo_profile import seed

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
        seed(profile)
        return _convert(exe, profile, src, Path(tmp, "out"))


def _convert(exe: str, profile: Path, src: Path, outdir: Path) -> bytes | None:
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
           "--convert-to", "pdf", "--outdir", str(outdir), str(src)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = outdir / (src.stem + ".pdf")
    return out.read_bytes() if out.exists() else None


@contextlib.contextmanager
def _profile(tmp: Path) -> Iterator[Path]:
    """amend's own LibreOffice profile, locked for this run; else a fresh one in `tmp`."""
    lock = _kept_lock()
    if lock is None:  # no kept profile here (not a POSIX system, or the folder is not safely ours)
        yield tmp / "profile"
        return
    with lock:
        yield Path(lock.name).parent / "user" if _locked(lock) else tmp / "profile"


def _locked(lock: IO[str]) -> bool:
    """Whether this run holds the kept profile now (False: another run converts with it)."""
    import fcntl

    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _kept_lock() -> IO[str] | None:
    """The open lock file of the kept profile's folder, None where that folder is not safely ours."""
    try:
        import fcntl  # noqa: F401 (only a POSIX system has it, and locks with it)
    except ImportError:
        return None
    kept = Path(tempfile.gettempdir()) / f"amend-soffice-profile-{os.getuid()}"
    try:
        kept.mkdir(mode=0o700, exist_ok=True)
        st = kept.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None  # someone else's folder: not ours to use
        return open(kept / ".amend-lock", "w")  # noqa: SIM115 (held until the conversion ends)
    except OSError:
        return None
