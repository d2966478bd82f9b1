"""The work behind the pages: calls into the core, no HTTP and no HTML.

Every function takes the repository root and plain values and returns models
or raises AmendError, exactly as the CLI's commands do.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import AmendError, HistoryError
from ..history import Timeline, build_timeline, chain_to
from ..history_load import load_history
from ..load import load_program
from ..messages import msg
from ..model import Patch, Program
from ..output import write_all
from . import drafts

if TYPE_CHECKING:
    from ..extract.reader import Extraction

# A decision's file name: a name, never a path (no folder, no "..", no leading dot).
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")
OUT_FOLDER = "out"  # ROOT/out/: where Apply writes its outputs, as `amend apply -o out` in the README


def today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


@dataclass(frozen=True)
class Listed:
    """One file of ROOT/programs/: its timeline, or the error that stops it loading."""

    file: str
    timeline: Timeline | None = None
    error: AmendError | None = None
    patches: tuple[Patch, ...] = ()


def stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the repository's files are now (name, mtime, size): a change on disk makes a new stamp."""
    files = [*(root / "programs").glob("*.yaml"), *(root / "amendments").glob("*/*.yaml")]
    return tuple(sorted((str(p), *_mtime_size(p)) for p in files))


def _mtime_size(path: Path) -> tuple[int, int]:
    """A file that cannot be looked at (a dangling link) is listed with its error, not a failed page."""
    try:
        st = path.stat()
    except OSError:
        return -1, -1
    return st.st_mtime_ns, st.st_size


def register(root: Path, on: str) -> list[Listed]:
    """Every program in ROOT/programs with its timeline on the date `on` (read again when a file changed)."""
    return _register(root, stamp(root), on)


@lru_cache(maxsize=8)
def _register(root: Path, _stamp: tuple, on: str) -> list[Listed]:
    return [_listed(root, path, on) for path in sorted((root / "programs").glob("*.yaml"))]


def _listed(root: Path, path: Path, on: str) -> Listed:
    """One file of ROOT/programs with its timeline on `on`, or the error that stops it loading."""
    try:
        program, patches = load_history(root, load_program(path).meta.id)
        return Listed(path.name, build_timeline(program, patches, on), patches=tuple(patches))
    except AmendError as exc:
        return Listed(path.name, error=exc)


def history(root: Path, program_id: str, on: str | None = None) -> tuple[Program, list[Patch], Timeline]:
    """The program with this id (looked up among ROOT's programs, never used as a path) and its timeline."""
    for e in register(root, on or today()):
        if e.timeline is not None and e.timeline.program.meta.id == program_id:
            return e.timeline.program, list(e.patches), e.timeline
    raise HistoryError(msg("web.no_program", program=program_id))


def build(program: Program, timeline: Timeline, version: str) -> tuple[list[Patch], list]:
    """The patches that build `version` from the program's own, and the steps (none for the program's own)."""
    chain = chain_to(timeline, version)
    return list(chain), _steps(program, chain)


@lru_cache(maxsize=32)
def _steps(program: Program, chain: tuple[Patch, ...]) -> list:
    from ..apply import apply_steps

    return apply_steps(program, chain) if chain else []


def version_program(root: Path, program_id: str, version: str) -> Program:
    program, _, timeline = history(root, program_id)
    _, steps = build(program, timeline, version)
    return steps[-1].result if steps else program


# ---------------------------------------------------------------- record a decision


@dataclass(frozen=True)
class Decided:
    """A decision as the secretary entered it, with the minutes' text."""

    program: str
    base: str
    produces: str
    minutes: str
    body: str = ""
    date: str = ""
    paragraph: str = ""
    case: str = ""
    outcome: str = "adopted"
    name: str = ""  # the patch file's name, without .yaml


@dataclass(frozen=True)
class Recorded:
    extraction: Extraction
    results: tuple  # amend.check.AmendmentResult per amendment of the patch
    patch: Patch | None


def record(root: Path, d: Decided) -> Recorded:
    """Extract the amendments from the minutes against the base version and check each, as `amend extract` does."""
    from ..check import check_patch
    from ..extract.reader import extract

    base = version_program(root, d.program, d.base)
    given = {k: v.strip() for k, v in (("body", d.body), ("date", d.date), ("case", d.case)) if v.strip()}
    paragraph = re.sub(r"[^\d]", "", d.paragraph) or None
    result = extract(d.minutes, base, source="minutes", paragraph=paragraph, decision=given,
                     produces=d.produces.strip() or "adopted")
    patch = result.patch
    if patch is not None and d.outcome != "adopted":
        patch = dataclasses.replace(patch, outcome=d.outcome)
    results = check_patch(base, patch)[0] if patch is not None and patch.amendments else ()
    return Recorded(result, results, patch)


_SAVING = threading.Lock()  # two browsers saving at once: one writes, the other finds the file there


def save(root: Path, d: Decided) -> tuple[Path, Recorded]:
    """Write the decision's patch to ROOT/amendments/<program>/<name>.yaml; never over an existing file."""
    d = dataclasses.replace(d, name=_checked_name(d.name))
    with _SAVING:
        return _save(root, d)


def _save(root: Path, d: Decided) -> tuple[Path, Recorded]:
    from ..dump import dump_patch
    from ..extract.reader import marked, report_comments

    program, patches, _ = history(root, d.program)
    target = _new_file(root, program, d.name)
    done = record(root, d)
    if done.patch is None or not done.patch.amendments:
        raise AmendError(msg("web.nothing_to_save"))
    build_timeline(program, [*patches, done.patch], today())  # the history must still hold with it
    text = dump_patch(marked(done.extraction), comments=report_comments(done.extraction, "minutes"))
    write_all({target: text.encode("utf-8")}, inputs=(program.source,))
    return target, done


def _new_file(root: Path, program: Program, name: str) -> Path:
    """ROOT/amendments/<program>/<name>.yaml: inside the repository, and not there yet."""
    folder = (root / "amendments" / program.meta.id).resolve()
    target = folder / f"{name}.yaml"
    if folder.parent.parent != root.resolve() or target.parent != folder:
        raise AmendError(msg("web.outside", folder=f"amendments/{program.meta.id}"))
    if target.exists() or target.is_symlink():
        raise AmendError(msg("web.exists", file=f"amendments/{program.meta.id}/{target.name}"))
    return target


# ---------------------------------------------------------------- save a draft


def save_draft(root: Path, base: Program, d: drafts.Draft) -> tuple[Path, bool]:
    """Write a draft's patch as ROOT/amendments/<program>/<name>.yaml, only when every card applies and
    the file, loaded back as `amend apply` loads it, makes exactly the version the cards show."""
    name, patch, adopted = _ready(base, d)
    with _SAVING:
        program, patches, _ = history(root, d.program)
        target = _new_file(root, program, name)
        text = drafts.patch_text(patch, d.comments)
        again = _read_back(base, text, target, adopted)
        build_timeline(program, [*patches, again], today())  # the history must still hold with it
        write_all({target: text.encode("utf-8")}, inputs=(program.source,))
    return target, not again.incomplete


def _read_back(base: Program, text: str, target: Path, adopted: Program) -> Patch:
    """The patch file's text loaded as `amend apply` loads it, refused unless it makes `adopted`."""
    from ..check import check_patch

    again = drafts.loaded(text, str(target))
    if check_patch(base, again)[1] != adopted:
        raise AmendError(msg("web.save.changed"))
    return again


def _file_name(d: drafts.Draft) -> str:
    """The decision's file name (without .yaml), once every field saving needs is filled in."""
    missing = missing_fields(d)
    if missing:
        raise AmendError(msg("web.save.needs", fields=[SAVE_FIELDS[k] for k in missing]))
    return _checked_name(d.fields["name"])


def _checked_name(name: str) -> str:
    """A decision's file name as given, without .yaml; refused unless a plain name of at most 100 characters."""
    name = name.strip().removesuffix(".yaml")
    if not FILE_NAME.match(name) or len(name) > 100:
        raise AmendError(msg("web.bad_file_name", name=name))
    return name


def _ready(base: Program, d: drafts.Draft) -> tuple[str, Patch, Program]:
    """The file name, the whole patch (loaded from its data) and the version it makes; or why not yet."""
    from ..check import check_patch

    name = _file_name(d)
    patch = drafts.patch_of(d.data(placeholders=False))
    results, adopted = check_patch(base, patch, index=drafts.index_of(base))
    failing = [r for r in results if r.status != "ok"]
    if failing or adopted is None:
        raise AmendError(msg("web.save.not_all", n=len(failing)) if failing else msg("web.nothing_to_save"))
    return name, patch, adopted


SAVE_FIELDS = {"produces": msg("web.field.produces"), "name": msg("web.field.name"),
               "body": msg("web.field.body"), "date": msg("web.field.date")}


def missing_fields(d: drafts.Draft) -> list[str]:
    """The decision's fields that saving needs and that are empty (each then marked beside its field)."""
    return [k for k in SAVE_FIELDS if not _given(d, k)]


def _given(d: drafts.Draft, key: str) -> bool:
    return bool(str(d.fields.get(key) or d.decision.get(key) or "").strip())


# ---------------------------------------------------------------- apply


def pdf_available() -> bool:
    """Can the documents be written as PDF too (LibreOffice installed: amend.render.pdf)?"""
    from ..render.pdf import PdfError, soffice

    try:
        soffice()
    except PdfError:
        return False
    return True


def apply(root: Path, program_id: str, version: str, preview: bool = False, pdf: bool = False) -> list[Path]:
    """The job of `amend apply PROGRAM PATCHES -o ROOT/out [--pdf]` for the patches that build `version`."""
    from ..commands import apply_patches

    program, _, timeline = history(root, program_id)
    chain = chain_to(timeline, version)
    if not chain:
        raise AmendError(msg("web.nothing_to_apply", version=version))
    if not (root / OUT_FOLDER).resolve().is_relative_to(root.resolve()):
        raise AmendError(msg("web.outside", folder=OUT_FOLDER))
    return list(apply_patches(program, list(chain), root / OUT_FOLDER, preview=preview, pdf=pdf).written)


def output_file(root: Path, name: str) -> Path | None:
    """A file Apply wrote, by its name: only a plain name of a file directly in ROOT/out."""
    if not FILE_NAME.match(name):
        return None
    folder = (root / OUT_FOLDER).resolve()
    path = (folder / name)
    if path.is_symlink() or not path.is_file() or path.resolve().parent != folder:
        return None
    return path
