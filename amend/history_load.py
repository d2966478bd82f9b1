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
    programs = root / "programs"
    named = programs / f"{program_id}.yaml"
    # programs/<id>.yaml is the convention; any other file in programs/ may hold the id too
    candidates = [named] + [p for p in _yaml_files(programs) if p != named] if named.is_file() else \
        _yaml_files(programs)
    program = None
    for path in candidates:
        found = load_program(path)
        if found.meta.id == program_id:
            program = found
            break
    if program is None:
        if not candidates:
            raise HistoryError(msg("load.history.no_programs", folder=str(programs)))
        raise HistoryError(msg("load.history.no_such_program", id=program_id, folder=str(programs)))
    patches = []
    for path in _yaml_files(root / "amendments" / program_id):
        patch = load_patch(path)
        if patch.program != program_id:
            raise VersionMismatch(msg("load.history.wrong_program", folder=str(path.parent), program=patch.program),
                                  source=str(path))
        patches.append(patch)
    return program, patches


def added_commits(root: str | Path, program_id: str) -> dict[str, str]:
    """{patch file as loaded: short hash of the commit that added it}; empty when
    ROOT is not in a git repository or git is not installed."""
    root = Path(root)
    folder = Path("amendments") / program_id
    if not (root / folder).is_dir():
        return {}
    # One git call for the folder; --no-renames: a file renamed into place counts as added there.
    cmd = ["git", "-C", str(root), "log", "--diff-filter=A", "--no-renames", "--relative",
           "--name-only", "--format=%x00%h", "--", folder.as_posix()]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    commits: dict[str, str] = {}
    for chunk in run.stdout.split("\0")[1:]:
        lines = chunk.strip().splitlines()
        if not lines:
            continue
        for name in filter(None, (n.strip() for n in lines[1:])):
            # newest first: a file deleted and added again is the one its latest add made
            commits.setdefault(str(root / name), lines[0].strip())
    return commits
