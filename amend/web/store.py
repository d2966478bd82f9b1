"""The workbench's drafts on disk, so that a restart of `amend serve` keeps the secretary's work.

Where: the user's state folder (`$XDG_STATE_HOME`, else ~/.local/state) / amend/drafts/<key>, the key
the first 16 hex digits of the SHA-256 of the repository's resolved path. Not in ROOT: the repository
is the published store and amend's input (its files are never changed by reading minutes, and a
draft holds the minutes' text, which must not end up in a commit or on a shared drive by mistake);
the folder is made private (0700). Each folder names its repository in `repository.txt`; a folder
naming another one is never read (two paths of one hash).

Each draft is one small JSON file `<kind>-<id>.json` (an import's uploaded document beside it as
`<kind>-<id>.document`), written atomically by `output.write_all` in a thread of its own (a page does
not wait for the disk; the server waits for it when it stops). Only such names directly in the
folder are read, never a link, never a file over the size limit; anything else there, or a file
that does not read as a draft, is skipped with a note in the server's log.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AmendError
from ..messages import LANGUAGES, Msg, current, msg

log = logging.getLogger("amend.web")
NAME = re.compile(r"^(decision|import)-([A-Za-z0-9_-]{8,40})\.(json|document)$")
KINDS = ("decision", "import")
FORMAT = 1  # the files' layout; another number is skipped (a newer amend wrote it)
MAX_JSON_BYTES = 20_000_000  # a draft's data: cards, findings, an imported program's YAML
MAX_DOCUMENT_BYTES = 130_000_000  # an uploaded document (within the upload limit)
OWN = ("repository.txt",)


def default_folder(root: Path) -> Path:
    """ROOT's folder of drafts in the user's state folder (XDG), keyed by ROOT's real path."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base) / "amend" / "drafts" / key


class Store:
    """One repository's drafts on disk; `folder` None keeps nothing (drafts live in memory only)."""

    def __init__(self, folder: Path | None, root: Path):
        self.folder = folder
        self.root = str(Path(root).resolve())
        self.usable = folder is not None and self._claim()
        self._queue: dict[tuple[str, str], tuple[bytes, bytes | None]] = {}
        self._queued = threading.Condition()
        self._writing = False
        self._writer: threading.Thread | None = None

    def _claim(self) -> bool:
        """Make the folder (private) and check it is this repository's; False (and a note) when not."""
        assert self.folder is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            mark = self.folder / OWN[0]
            if not mark.exists():
                mark.write_text(self.root + "\n", "utf-8")
            if mark.is_symlink() or mark.read_text("utf-8").strip() != self.root:
                self._note(mark, msg("web.store.foreign", root=self.root))
                return False
        except OSError as exc:
            self._note(self.folder, exc.strerror or str(exc))
            return False
        return True

    def save(self, kind: str, ident: str, data: dict[str, Any], document: bytes | None = None) -> None:
        """Have the draft's file (and its document) written, atomically, by the writer thread: the page
        does not wait for the disk (flush() waits; the server flushes when it stops)."""
        if not self.usable or not NAME.match(f"{kind}-{ident}.json"):
            return
        text = json.dumps({"format": FORMAT, **data}, ensure_ascii=False, sort_keys=True).encode("utf-8")
        with self._queued:
            self._queue[(kind, ident)] = (text, document)  # a later change of the same draft replaces it
            self._queued.notify()
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_queued, daemon=True, name="amend-drafts")
                self._writer.start()

    def flush(self) -> None:
        """Wait until every draft handed to save() is on disk."""
        with self._queued:
            while self._queue or self._writing:
                self._queued.wait()

    def _write_queued(self) -> None:
        while True:
            with self._queued:
                while not self._queue:
                    self._queued.wait()
                (kind, ident), (text, document) = self._queue.popitem()
                self._writing = True
            try:
                self._write(kind, ident, text, document)
            finally:
                with self._queued:
                    self._writing = False
                    self._queued.notify_all()

    def _write(self, kind: str, ident: str, text: bytes, document: bytes | None) -> None:
        from ..output import write_all

        files = {self._path(kind, ident, "json"): text}
        if document is not None and not self._path(kind, ident, "document").exists():
            files[self._path(kind, ident, "document")] = document
        try:
            write_all(files)
        except AmendError as exc:  # logged, never shown: the draft is still there in memory
            self._note(self._path(kind, ident, "json"), exc.message)

    def remove(self, kind: str, ident: str) -> None:
        if self.usable and NAME.match(f"{kind}-{ident}.json"):
            self.flush()
            for suffix in ("json", "document"):
                self._path(kind, ident, suffix).unlink(missing_ok=True)

    def load(self, kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, data) of every draft of this kind on disk, oldest first; what cannot be read is skipped."""
        for path in self._listed():
            m = NAME.match(path.name)
            if m is None or m.group(1) != kind or m.group(3) != "json":
                continue
            data = self._json(path)
            if data is not None:
                yield m.group(2), data

    def document(self, kind: str, ident: str) -> bytes | None:
        path = self._path(kind, ident, "document")
        return self._read(path, MAX_DOCUMENT_BYTES) if NAME.match(path.name) else None

    def skip(self, kind: str, ident: str) -> None:
        """A file that reads as JSON but not as a draft of this kind: noted, and left alone."""
        self._note(self._path(kind, ident, "json"), msg("web.store.bad_format"))

    def _listed(self) -> list[Path]:
        """The draft files, oldest first; other names noted (the output writer's staging folders aside)."""
        if not self.usable or self.folder is None:
            return []
        found = []
        for entry in os.scandir(self.folder):
            if NAME.match(entry.name):
                found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
            elif entry.name not in OWN and not entry.name.startswith(".amend-"):
                self._note(Path(entry.path), msg("web.store.not_a_draft"))
        return [self.folder / name for _, name in sorted(found)]

    def _json(self, path: Path) -> dict[str, Any] | None:
        raw = self._read(path, MAX_JSON_BYTES)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            self._note(path, str(exc))
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            self._note(path, msg("web.store.bad_format"))
            return None
        return data

    def _read(self, path: Path, limit: int) -> bytes | None:
        """The bytes of a plain file directly in the folder (never a link), within `limit`."""
        try:
            st = path.lstat()
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                self._note(path, msg("web.store.not_a_draft"))
                return None
            return path.read_bytes()
        except OSError as exc:
            self._note(path, exc.strerror or str(exc))
            return None

    def _path(self, kind: str, ident: str, suffix: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{kind}-{ident}.{suffix}"

    def _note(self, path: Path, why: Msg | str) -> None:
        log.warning("%s", msg("web.store.skipped", file=path, why=why))


# ---------------------------------------------------------------- messages as data


@dataclass(frozen=True)
class Said(Msg):
    """A kept draft's message: the words it had in each language (a report's messages may be of a
    kind of their own, so the words are kept, not the values)."""

    key: str = "web.store.said"
    words: tuple[tuple[str, str], ...] = ()  # (language, text)

    def render(self, lang: str | None = None) -> str:
        kept = dict(self.words)
        return kept.get(lang or current()) or msg("web.store.said", s=next(iter(kept.values()), "")).render(lang)


def said(messages: tuple[Msg, ...]) -> list[dict[str, str]]:
    return [{lang: m.render(lang) for lang in LANGUAGES} for m in messages]


def unsaid(data: Any) -> tuple[Msg, ...]:
    """said() back."""
    return tuple(Said(words=tuple((lang, str(d[lang])) for lang in LANGUAGES)) for d in data)
