"""Shared by the review tests: a program and patch written to a folder, `amend apply` run on them,
and what came out — the adopted texts, or the exit code and the refusals as printed (without the
"error: FILE:LINE: " before them)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from amend.load import load_program
from amend.tree import iter_units

DECISION = {"body": "KF", "date": "2025-10-22", "paragraph": "§ 1"}


def write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def one_section(content: list, heading: str = "Samverkan", sections: list | None = None) -> dict:
    """A program "p" of one section on page 1 (or of `sections`)."""
    return {"program": {"id": "p", "title": "T", "language": "sv", "version": "proposed", "date": "2025-03-18"},
            "sections": sections or [{"heading": heading, "level": 1, "page": 1, "content": content}]}


def error_lines(text: str) -> list[str]:
    """The messages printed, each without its "error: FILE:LINE: " (or "fel: …")."""
    return [re.sub(r"^(error|fel): \S+?:\d+: ", "", line) for line in text.splitlines()]


def patch_of(amendments: list[dict]) -> dict:
    """A patch of program "p" with these amendments, ids a1, a2, … where they have none."""
    return {"program": "p", "base": "proposed", "produces": "adopted", "decision": DECISION,
            "amendments": [{"id": f"a{j + 1}", **a} for j, a in enumerate(amendments)]}


def apply_runner(amend, tmp_path: Path):
    """run(content or program, [amendments], lang="en") → the adopted texts, or (code, error lines);
    a refused run must have written nothing."""
    runs = iter(range(10_000))

    def run(content, amendments: list[dict], lang: str = "en"):
        folder = tmp_path / f"run{next(runs)}"
        folder.mkdir()
        write_yaml(folder / "prog.yaml", content if isinstance(content, dict) else one_section(content))
        write_yaml(folder / "patch.yaml", patch_of(amendments))
        res = amend("--lang", lang, "apply", folder / "prog.yaml", folder / "patch.yaml", "-o", folder / "out")
        if res.code:
            assert not (folder / "out").exists()
            return res.code, error_lines(res.err)
        return [u.text for u in iter_units(load_program(folder / "out" / "p.adopted.yaml"))]

    return run


def extract_runner(amend, tmp_path: Path, program: Path, *options: str, wrap=lambda minutes: minutes):
    """go(minutes, lang="en") → (result, folder): `amend extract` of wrap(minutes) against `program`,
    with the extra command-line options (e.g. --body, --date), written to a folder of its own."""
    runs = iter(range(10_000))

    def go(minutes: str, lang: str = "en"):
        folder = tmp_path / f"run{next(runs)}"
        folder.mkdir()
        (folder / "minutes.txt").write_text(wrap(minutes), encoding="utf-8")
        res = amend("--lang", lang, "extract", folder / "minutes.txt", "--program", program, *options,
                    "-o", folder / "patch.yaml")
        return res, folder

    return go
