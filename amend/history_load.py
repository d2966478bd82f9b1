"""The edge of `amend log` and `amend show`: read a program and its patches from
a repository (ROOT/programs/*.yaml, ROOT/amendments/<program-id>/*.yaml), and ask
git which commit added each patch file."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .errors import HistoryError, VersionMismatch
from .load import load_patch, load_program
from .messages import msg
from .model import Patch, Program


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_history(root: str | Path, program_id: str) -> tuple[Program, list[Patch]]:
    """The program with the id `program_id` and every patch in its folder; a file
    that is not valid is refused with its message, never skipped."""
    root = Path(root)
    program = _program_of(root / "programs", program_id)
    return program, [_own_patch(path, program_id) for path in _yaml_files(root / "amendments" / program_id)]


def _program_of(programs: Path, program_id: str) -> Program:
    """The program with the id `program_id` in the folder `programs`, loaded file by file until found."""
    candidates = _program_candidates(programs, program_id)
    program = next((found for found in map(load_program, candidates) if found.meta.id == program_id), None)
    if program is None:
        if not candidates:
            raise HistoryError(msg("load.history.no_programs", folder=str(programs)))
        raise HistoryError(msg("load.history.no_such_program", id=program_id, folder=str(programs)))
    return program


def _program_candidates(programs: Path, program_id: str) -> list[Path]:
    """The files that may hold the program: programs/<id>.yaml first (the convention), then any
    other file in programs/, which may hold the id too."""
    named, others = programs / f"{program_id}.yaml", _yaml_files(programs)
    return [named] + [p for p in others if p != named] if named.is_file() else others


def _own_patch(path: Path, program_id: str) -> Patch:
    """The patch in `path`, refused when it is for another program than its folder's."""
    patch = load_patch(path)
    if patch.program != program_id:
        raise VersionMismatch(msg("load.history.wrong_program", folder=str(path.parent), program=patch.program),
                              source=str(path))
    return patch


def added_commits(root: str | Path, program_id: str) -> dict[str, str]:
    """{patch file as loaded: short hash of the commit that added it}; empty when
    ROOT is not in a git repository or git is not installed."""
    root = Path(root)
    folder = Path("amendments") / program_id
    if not (root / folder).is_dir():
        return {}
    log = _log_of_added(root, folder)
    return _adding_commits(log, root) if log is not None else {}


def _log_of_added(root: Path, folder: Path) -> str | None:
    """git's log of the files added to `folder`: each commit's short hash after a NUL, then its
    files; None when git cannot say."""
    # One git call for the folder; --no-renames: a file renamed into place counts as added there.
    cmd = ["git", "-C", str(root), "log", "--diff-filter=A", "--no-renames", "--relative",
           "--name-only", "--format=%x00%h", "--", folder.as_posix()]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def _adding_commits(log: str, root: Path) -> dict[str, str]:
    """{file under `root`: the commit that added it} from `_log_of_added`."""
    commits: dict[str, str] = {}
    for chunk in log.split("\0")[1:]:
        lines = chunk.strip().splitlines()
        for name in filter(None, (n.strip() for n in lines[1:])):
            # newest first: a file deleted and added again is the one its latest add made
            commits.setdefault(str(root / name), lines[0].strip())
    return commits
