"""Writing outputs safely: all or nothing, never over an input.

Each file is written to a temporary file in its target folder and renamed
into place only when every output of the run has been produced, so a failed
run leaves no half-written file behind (rename is atomic on one file system).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_all(outputs: dict[Path, bytes], inputs: tuple = ()) -> list[Path]:
    """Write every {path: bytes} atomically; refuse to overwrite an input file."""
    protected = {Path(p).resolve() for p in inputs}
    for path in outputs:
        if Path(path).resolve() in protected:
            raise OutputError(f"would overwrite the input file {path}; choose another output folder",
                              source=str(path))
    temps: list[tuple[str, Path]] = []
    path = None  # the output being written: a message names it, never its temporary file
    try:
        for path, data in outputs.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        for tmp, path in temps:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror}", source=str(path or exc.filename or "")) from None
    return [Path(p) for p in outputs]


def build_time(date: str | None):
    """The one timestamp put into generated files: SOURCE_DATE_EPOCH when set
    (reproducible-builds.org), else the document's own date, else 1980-01-01."""
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        from .limits import MAX_EPOCH, MIN_EPOCH

        try:
            seconds = int(epoch)
        except ValueError:
            raise OutputError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch[:40]!r}") from None
        if not MIN_EPOCH <= seconds <= MAX_EPOCH:  # what a zip file (so a DOCX) can record
            raise OutputError(f"SOURCE_DATE_EPOCH {str(seconds)[:40]} is outside the dates a DOCX can record "
                              f"(up to 2107-12-31: {MIN_EPOCH} to {MAX_EPOCH})") from None
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    try:
        return datetime.fromisoformat(str(date)[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)
