"""Writing outputs safely: a run publishes all its outputs or none, never over an input.

How (README, "Outputs", says what this guarantees and where it stops):

1. Every output is written, complete and flushed to disk, into a private staging
   folder `.amend-XXXXXXXX.tmp` inside its own output folder, so that the final
   rename stays on one file system. Signals stop the run here as usual.
2. Under an exclusive lock on each output folder (flock on the folder itself, so
   no lock file is left behind) and with SIGINT, SIGTERM and SIGHUP held back,
   each file is renamed into place. The file it replaces is first hard-linked
   into the staging folder, so if a rename fails every earlier one is undone.
3. The staging folder is removed in every case. While writing, SIGTERM and SIGHUP
   raise an exception like SIGINT does, so that the clean-up runs; the process
   then dies of the signal as it would have done.

A run killed by SIGKILL (or a power cut) can leave its staging folder behind; the
next run into that folder removes it. A live run holds a lock on its staging
folder, so another run never takes a live one's for a leftover.

The module is long because the all-or-nothing write is one piece: its staging folders, locks,
signals and roll-back are only safe together, and are read together.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no lock between concurrent runs (README)
    fcntl = None  # type: ignore[assignment]

from .errors import OutputError
from .messages import msg

STAGE_PREFIX, STAGE_SUFFIX = ".amend-", ".tmp"
# Only where a folder cannot be locked itself (NFS): an empty file, kept, that runs lock instead.
FALLBACK_LOCK = ".amend.lock"
_HELD = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))
_RAISED = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
_NO_DIR_LOCK = {errno.EBADF, errno.EINVAL, errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP}


# ---------------------------------------------------------------- which file a path names


def entry_key(path) -> tuple[str, str]:
    """The directory entry a path names, (real folder, name): what a rename replaces."""
    p = Path(path)
    return os.path.realpath(p.parent), p.name


def same_file(a, b) -> bool:
    """Do two paths name one file: the same directory entry, one through a symlink
    to the other, or (when both exist) one file under two hard links."""
    if entry_key(a) == entry_key(b) or os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_targets(paths: list[Path], inputs: tuple) -> None:
    for n, path in enumerate(paths):
        for earlier in paths[:n]:
            if same_file(earlier, path):
                raise OutputError(msg("output.same_as_output", earlier=str(earlier)), source=str(path))
        for given in inputs:
            if same_file(path, given):
                raise OutputError(msg("output.overwrites_input", path=str(path)), source=str(path))
        if path.is_dir():
            raise OutputError(msg("output.is_folder"), source=str(path))


# ---------------------------------------------------------------- signals


class _Stopped(BaseException):
    """SIGTERM or SIGHUP while writing: unwinds through the clean-up like Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_stop_signal: int | None = None


def _raise_stopped(signum, frame):
    global _stop_signal
    if _stop_signal is None:  # a second signal while unwinding from the first changes nothing
        _stop_signal = signum
        raise _Stopped(signum)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM/SIGHUP back for a few steps that must not be cut in two;
    one that arrives meanwhile is delivered at the end."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextmanager
def _signals_stop_cleanly() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP (where nothing else handles them) raise
    _Stopped, so that the staging folder is removed on the way out."""
    global _stop_signal
    before: dict = {}
    if threading.current_thread() is threading.main_thread():
        with _signals_held():
            _stop_signal = None
            for sig in _RAISED:
                if signal.getsignal(sig) == signal.SIG_DFL:
                    before[sig] = signal.signal(sig, _raise_stopped)
    try:
        yield
    finally:
        _restore(before)


def _die_of(signum: int) -> None:
    """After the clean-up: end as the signal would have ended the process."""
    with _signals_held():
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # pending until the mask is lifted, then the default action
    raise SystemExit(128 + signum)


def _restore(handlers: dict) -> None:
    with _signals_held():
        while handlers:
            sig, handler = handlers.popitem()
            signal.signal(sig, handler)


# ---------------------------------------------------------------- locks and staging folders


def _open_folder(path: str, flags: int = 0) -> int:
    return os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | flags)


@contextmanager
def _folder_lock(folder: str) -> Iterator[int | None]:
    """An exclusive lock on the output folder, between amend runs; yields the folder's fd."""
    if fcntl is None:
        yield None
        return
    fd = _open_folder(folder)
    lock_fd = fd
    try:
        lock_fd = _lock(fd, folder)
        yield fd
    finally:
        if lock_fd != fd:
            os.close(lock_fd)
        os.close(fd)


def _lock(fd: int, folder: str) -> int:
    """Lock the folder (open as `fd`), or, where a folder cannot be locked, its lock file: the fd locked."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return fd
    except OSError as exc:
        if exc.errno not in _NO_DIR_LOCK:
            raise
    lock_fd = os.open(os.path.join(folder, FALLBACK_LOCK), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(lock_fd)
        raise
    return lock_fd


@dataclass
class _Stage:
    """A run's private staging folder: new/ holds the outputs, old/ what they replace."""

    path: str
    fd: int | None  # open and locked while the run lives

    def new(self, name: str) -> str:
        return os.path.join(self.path, "new", name)

    def old(self, name: str) -> str:
        return os.path.join(self.path, "old", name)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _new_stage(folder: str) -> _Stage:
    """Make and lock a staging folder (called with signals held and the folder locked)."""
    path = tempfile.mkdtemp(prefix=STAGE_PREFIX, suffix=STAGE_SUFFIX, dir=folder)
    stage = _Stage(path, None)
    try:
        os.mkdir(stage.new(""))
        os.mkdir(stage.old(""))
        if fcntl is not None:
            stage.fd = _open_folder(path)
            with suppress(OSError):  # no directory locks here: the sweep cannot tell it is alive, and leaves it alone
                fcntl.flock(stage.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BaseException:
        stage.remove()
        raise
    return stage


def _sweep(folder: str) -> None:
    """Remove the staging folders of dead runs (killed with SIGKILL, power cut):
    those whose lock nobody holds. Called with the output folder locked."""
    if fcntl is None:
        return
    with os.scandir(folder) as entries:
        stale = [e.path for e in entries if e.name.startswith(STAGE_PREFIX) and e.name.endswith(STAGE_SUFFIX)
                 and e.is_dir(follow_symlinks=False)]
    for path in stale:
        _remove_if_dead(path)


def _remove_if_dead(path: str) -> None:
    try:
        fd = _open_folder(path, getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # alive, or cannot tell: leave it
    else:
        shutil.rmtree(path, ignore_errors=True)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- writing and publishing


@dataclass(frozen=True)
class _Output:
    shown: Path  # as the user named it, for messages
    folder: str  # the real folder
    name: str
    data: bytes

    @property
    def target(self) -> str:
        return os.path.join(self.folder, self.name)


def write_all(outputs: dict[Path, bytes], inputs: tuple = ()) -> list[Path]:
    """Write every {path: bytes} as one set, all or nothing; refuse to overwrite an
    input file or to write one file twice."""
    paths = [Path(p) for p in outputs]
    _check_targets(paths, inputs)
    items = [_Output(p, *entry_key(p), data) for p, data in zip(paths, outputs.values())]
    for folder in sorted({o.folder for o in items}):
        _make_folder(folder, next(o.shown.parent for o in items if o.folder == folder))
    try:
        with _signals_stop_cleanly():
            _write_set(items)
    except _Stopped as stop:
        _die_of(stop.signum)
    return paths


def _make_folder(folder: str, shown: Path) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("output.folder_not_made", reason=exc.strerror), source=str(shown)) from None


def _write_set(items: list[_Output]) -> None:
    folders = {o.folder: o.shown.parent for o in reversed(items)}  # real folder → as the user named it
    stages: dict[str, _Stage] = {}
    try:
        _stage_all(items, folders, stages)
        _publish_locked(items, folders, stages)
    finally:
        with _signals_held():
            for stage in stages.values():
                stage.remove()


def _stage_all(items: list[_Output], folders: dict[str, Path], stages: dict[str, _Stage]) -> None:
    """A staging folder in each output folder (dead runs' swept away first), into `stages` as it is made
    (so that it is removed whatever happens next), and every output written into it."""
    for folder in sorted(folders):
        with _folder_errors(folders[folder]), _folder_lock(folder):
            _sweep(folder)
            with _signals_held():
                stages[folder] = _new_stage(folder)
    for o in items:
        _stage_file(stages[o.folder].new(o.name), o)


def _publish_locked(items: list[_Output], folders: dict[str, Path], stages: dict[str, _Stage]) -> None:
    with ExitStack() as locks:  # every folder, in one order: two runs never wait on each other
        fds = []
        for folder in sorted(folders):
            with _folder_errors(folders[folder]):
                fds.append(locks.enter_context(_folder_lock(folder)))
        with _signals_held():
            _publish(items, stages)
            for fd in fds:
                _fsync_folder(fd)


@contextmanager
def _folder_errors(shown: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(msg("output.folder_not_writable", reason=exc.strerror), source=str(shown)) from None


def _stage_file(path: str, o: _Output) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(o.data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise OutputError(msg("output.not_written", reason=exc.strerror), source=str(o.shown)) from None


def _publish(items: list[_Output], stages: dict[str, _Stage]) -> None:
    """Rename every staged file into place; if one fails, undo the ones before."""
    done: list[tuple[_Output, str | None]] = []
    for o in items:
        stage = stages[o.folder]
        try:
            kept = _keep_old(o.target, stage.old(o.name))
            os.replace(stage.new(o.name), o.target)
        except OSError as exc:
            failed = _roll_back(done)
            why = (msg("output.not_written_unchanged", reason=exc.strerror) if not failed else
                   msg("output.not_written_not_restored", reason=exc.strerror, files=", ".join(map(str, failed))))
            raise OutputError(why, source=str(o.shown)) from None
        done.append((o, kept))


def _keep_old(target: str, slot: str) -> str | None:
    """Keep the file `target` now is (if any) at `slot`, to put back on failure."""
    try:
        os.link(target, slot, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError:  # no hard links on this file system: a copy does
        shutil.copy2(target, slot, follow_symlinks=False)
    return slot


def _roll_back(done: list[tuple[_Output, str | None]]) -> list[Path]:
    failed = []
    for o, kept in reversed(done):
        try:
            if kept is None:
                os.unlink(o.target)
            else:
                os.replace(kept, o.target)
        except OSError:
            failed.append(o.shown)
    return failed


def _fsync_folder(fd: int | None) -> None:
    if fd is not None:
        with suppress(OSError):  # some file systems cannot sync a folder; the renames are done all the same
            os.fsync(fd)


def build_time(date: str | None):
    """The one timestamp put into generated files: SOURCE_DATE_EPOCH when set
    (reproducible-builds.org), else the document's own date, else 1980-01-01."""
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(_epoch_seconds(epoch), tz=timezone.utc)
    try:
        return datetime.fromisoformat(str(date)[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)


def _epoch_seconds(epoch: str) -> int:
    """SOURCE_DATE_EPOCH as seconds, in the range a zip file (so a DOCX) can record."""
    from .limits import MAX_EPOCH, MIN_EPOCH

    try:
        seconds = int(epoch)
    except ValueError:
        raise OutputError(msg("output.epoch_not_number", value=epoch[:40])) from None
    if not MIN_EPOCH <= seconds <= MAX_EPOCH:
        raise OutputError(msg("output.epoch_out_of_range", value=str(seconds)[:40], low=MIN_EPOCH,
                              high=MAX_EPOCH)) from None
    return seconds
