"""git for the workbench: is ROOT in a repository, is a file committed, commit one file.

Only `git` itself is run (no shell), always with `-C ROOT` and the file after `--`, and a
commit holds that one file whatever else is staged. Where the user has no name or e-mail
configured, the commit is made as "amend workbench" rather than failing.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import AmendError
from ..messages import msg

_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
_IDENTITY = ("-c", "user.name=amend workbench", "-c", "user.email=amend@localhost")


@dataclass(frozen=True)
class Committed:
    commit: str  # the short hash
    new: bool  # False: the file was already committed as it is


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60,
                              env={**os.environ, **_ENV}, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # git is not installed (or hangs): ROOT is then no repository to amend


def is_repository(root: Path) -> bool:
    run = _git(root, "rev-parse", "--is-inside-work-tree")
    return run is not None and run.returncode == 0 and run.stdout.strip() == "true"


def last_commit(root: Path, path: Path) -> str | None:
    """The short hash of the last commit that holds the file as it is now; None when it differs or never was."""
    run = _git(root, "status", "--porcelain", "--", str(path))
    if run is None or run.returncode != 0 or run.stdout.strip():
        return None
    log = _git(root, "log", "-1", "--format=%h", "--", str(path))
    return (log.stdout.strip() or None) if log is not None and log.returncode == 0 else None


def commit(root: Path, path: Path, message: str) -> Committed:
    """Commit the one file with `message`; a file already committed as it is gives its commit."""
    done = last_commit(root, path)
    if done is not None:
        return Committed(done, new=False)
    named = _git(root, "config", "user.name")
    identity = () if named is not None and named.stdout.strip() else _IDENTITY
    for args in (("add", "--", str(path)), (*identity, "commit", "--quiet", "-m", message, "--", str(path))):
        run = _git(root, *args)
        if run is None or run.returncode != 0:
            raise AmendError(msg("web.git.failed", reason=_reason(run)))
    head = _git(root, "rev-parse", "--short", "HEAD")
    return Committed(head.stdout.strip() if head is not None else "", new=True)


def _reason(run: subprocess.CompletedProcess[str] | None) -> str:
    """git's own words for what stopped it: its first fatal:/error: line."""
    lines = (run.stderr or run.stdout).strip().splitlines() if run is not None else []
    said = [line for line in lines if line.startswith(("fatal:", "error:"))] or lines or ["git"]
    return said[0]
