"""Publish a decision: its patch file saved into the repository, then committed when ROOT is a git repository.

A decision is opened with the digest of its file; saving compares that digest with the
file on disk under one lock, so two browsers saving at once cannot both win: the second
is refused with both texts (`Changed`), and nothing either sent is lost. The text is
checked as `amend check` reads a patch (YAML, schema, the repository's history) before
it is written with `output.write_all` (atomic).
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..errors import AmendError
from ..messages import msg
from ..model import Patch
from . import git, jobs

_SAVING = threading.Lock()


@dataclass(frozen=True)
class Opened:
    """A decision's patch file as the page showed it."""

    file: str  # amendments/<program>/<name>.yaml
    text: str
    digest: str
    patch: Patch


@dataclass(frozen=True)
class Published:
    file: str
    written: bool  # False: the file already held this text
    commit: git.Committed | None  # None: ROOT is not a git repository


class Changed(AmendError):
    """The file changed on disk since it was opened: `mine` is the text sent, `theirs` the file now."""

    def __init__(self, file: str, mine: str, theirs: str):
        super().__init__(msg("web.publish.changed", file=file))
        self.file, self.mine, self.theirs = file, mine, theirs


def digest(text: str | None) -> str:
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def open_decision(root: Path, program_id: str, version: str) -> Opened:
    """The patch file that makes `version` of the program, with the digest of its text now."""
    _, _, timeline = jobs.history(root, program_id)
    entry = next((e for e in timeline.entries if e.version == version), None)
    if entry is None or entry.patch is None or entry.patch.source is None:
        raise AmendError(msg("web.nothing_to_apply", version=version))
    path = Path(entry.patch.source)
    file = _relative(root, program_id, path.name)
    text = path.read_text(encoding="utf-8")
    return Opened(file, text, digest(text), entry.patch)


def _relative(root: Path, program_id: str, name: str) -> str:
    """amendments/<id>/<name>, checked to be a plain file name of a folder inside ROOT."""
    if not name.endswith(".yaml") or not jobs.FILE_NAME.match(name) or not jobs.FILE_NAME.match(program_id):
        raise AmendError(msg("web.bad_file_name", name=name))
    root = root.resolve()
    folder = root / "amendments" / program_id
    if folder.resolve() != folder or (folder / name).is_symlink():
        raise AmendError(msg("web.outside", folder=f"amendments/{program_id}"))
    return f"amendments/{program_id}/{name}"


def publish(root: Path, program_id: str, name: str, text: str, opened: str) -> Published:
    """Save `text` as amendments/<program_id>/<name> if the file is still what was opened (digest
    `opened`; "" for a new file), then commit it with the decision as the message."""
    file = _relative(root, program_id, name)
    path = root.resolve() / file
    with _SAVING:
        now = path.read_text(encoding="utf-8") if path.exists() else None
        if digest(now) != opened:
            raise Changed(file, text, now or "")
        patch = _checked(root, program_id, path, text)
        if now != text:
            _write(path, text)
        commit = git.commit(root, path, commit_message(patch, file)) if git.is_repository(root) else None
    return Published(file, now != text, commit)


def _write(path: Path, text: str) -> None:
    from ..output import write_all

    write_all({path: text.encode("utf-8")})


def _checked(root: Path, program_id: str, path: Path, text: str) -> Patch:
    """The text read as a patch for this program, and the history still whole with it."""
    from ..history import build_timeline

    shown = str(path)
    patch = _parsed(text, shown)
    if patch.program != program_id:
        raise AmendError(msg("load.history.wrong_program", folder=str(path.parent), program=patch.program),
                         source=shown)
    program, patches, _ = jobs.history(root, program_id)
    others = [p for p in patches if p.source is None or Path(p.source).resolve() != path]
    build_timeline(program, [*others, patch], jobs.today())
    return patch


def _parsed(text: str, shown: str) -> Patch:
    """The text read as `amend apply` reads a patch file."""
    from ..load import _expect, parse_yaml, patch_from_data, validate

    data, lines = parse_yaml(text, shown)
    _expect(data, "patch", shown)
    validate(data, lines, "patch", shown)
    return patch_from_data(cast(dict, data), lines, shown)


def commit_message(patch: Patch, file: str) -> str:
    """The decision as a commit message: body, date, § (and case) first, then what it makes."""
    from ..history import decision_words
    from .app import OUTCOMES

    head = str(msg("web.publish.commit_subject", decision=decision_words(patch.decision)))
    body = str(msg("web.publish.commit_body", program=patch.program, base=patch.base, produces=patch.produces,
                   n=len(patch.amendments), outcome=OUTCOMES.get(patch.outcome, patch.outcome), file=file))
    return f"{head}\n\n{body}\n"


def marked_lines(mine: str, theirs: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts line by line, each line marked True where it differs from the other text."""
    import difflib

    a, b = mine.splitlines(), theirs.splitlines()
    same_a: set[int] = set()
    same_b: set[int] = set()
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        same_a.update(range(block.a, block.a + block.size))
        same_b.update(range(block.b, block.b + block.size))
    return [(line, n not in same_a) for n, line in enumerate(a)], [(line, n not in same_b) for n, line in enumerate(b)]
