"""Import a proposal in the workbench: the job of `amend import`, with corrections before it is saved.

An upload is imported by the importer's own `import_document` (the function `amend
import` calls), kept as a draft (in memory and in the state folder, `store`) while the secretary reads it page by page,
corrected (a heading's text or level, a heading's or block's page) and saved as
ROOT/programs/<id>.yaml through `program_yaml` (schema-checked, read back) and
`output.write_all` (atomic). A DOCX whose texts the program can find again is saved
beside it as <id>.docx, so that apply writes the council's own Word file.
"""
from __future__ import annotations

import dataclasses
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from ..errors import AmendError, UnreadableDocument
from ..messages import Msg, msg
from ..model import Program, Section, last_page
from . import upload
from .shown import in_root
from .store import Store, said, unsaid
from .upload import Upload

ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")  # program.schema.json's id, and a file name in programs/
MAX_DRAFTS = 16  # imports kept while they are read and corrected; the oldest goes first
MAX_DRAFT_BYTES = 400_000_000  # and the uploaded files they keep, together
MAX_LEVEL = 6


@dataclass(frozen=True)
class Draft:
    """An imported proposal not yet saved: the program, the import report, the uploaded bytes."""

    key: str
    program: Program
    report: tuple[Msg, ...]
    document: bytes
    kind: str  # "docx" or "pdf"
    shown: str  # the name the browser gave the document
    notes: tuple[Msg, ...] = ()  # what a correction changed beyond itself


@dataclass(frozen=True)
class Problem:
    """A correction that cannot stand, and the form field it is about."""

    field: str
    message: Msg


class Drafts:
    """The drafts of one workbench, by a random key (the key in a link is all a draft needs), kept in
    `store` too (the program as the YAML it is saved as, the uploaded document beside it)."""

    def __init__(self, store: Store | None = None) -> None:
        self._lock = threading.Lock()
        self._drafts: OrderedDict[str, Draft] = OrderedDict()
        self._store = store
        if store is not None:
            self._load(store)

    def _load(self, store: Store) -> None:
        for key, data in store.load("import"):
            draft = _draft_of(key, data, store.document("import", key))
            if draft is None:
                store.skip("import", key)
            else:
                self._drafts[key] = draft

    def put(self, draft: Draft) -> Draft:
        with self._lock:
            self._drafts[draft.key] = draft
            while len(self._drafts) > MAX_DRAFTS or \
                    sum(len(d.document) for d in self._drafts.values()) > MAX_DRAFT_BYTES and len(self._drafts) > 1:
                gone = self._drafts.popitem(last=False)[0]
                if self._store is not None:
                    self._store.remove("import", gone)
            if self._store is not None and draft.key in self._drafts:
                self._keep(self._store, draft)
        return draft

    def get(self, key: str) -> Draft | None:
        with self._lock:
            return self._drafts.get(key)

    def _keep(self, store: Store, draft: Draft) -> None:
        from ..dump import PROGRAM_SCHEMA
        from ..importers import program_yaml

        try:
            text = program_yaml(draft.program, PROGRAM_SCHEMA, f"{draft.key}.yaml")
        except AmendError:  # it cannot be read back as the same program: kept in memory only
            return
        data = {"key": draft.key, "program": text, "report": said(draft.report), "kind": draft.kind,
                "shown": draft.shown, "notes": said(draft.notes)}
        store.save("import", draft.key, data, draft.document)


def _draft_of(key: str, data: dict[str, Any], document: bytes | None) -> Draft | None:
    """An import's draft from its file and document, or None when they are not one."""
    try:
        program = _program_in(str(data["program"]), f"{key}.yaml")
        kind = data["kind"] if data["kind"] in ("docx", "pdf") else None
        if document is None or kind is None or data.get("key") != key:
            return None
        return Draft(key, program, unsaid(data["report"]), document, kind, str(data["shown"]),
                     unsaid(data["notes"]))
    except (AmendError, KeyError, TypeError, ValueError):
        return None


def _program_in(text: str, name: str) -> Program:
    from ..load import parse_yaml, program_from_data, validate

    parsed, lines = parse_yaml(text, name)
    validate(parsed, lines, "program", name)
    return program_from_data(cast(dict, parsed), name)


def suggested_id(name: str) -> str:
    """A program id from the document's name: 'Trygghetsplan 2026.docx' → 'trygghetsplan-2026'."""
    from ..text.names import file_id

    return file_id(re.sub(r"\.(docx|pdf)$", "", name, flags=re.I))[:80] or "program"


def check_id(program_id: str) -> str:
    program_id = program_id.strip()
    if not ID.match(program_id):
        raise AmendError(msg("web.import.bad_id", id=program_id))
    return program_id


def import_upload(document: Upload, pages: Upload | None, program_id: str, title: str) -> Draft:
    """The upload imported as `amend import DOCUMENT [--pages-from PAGES] --id ID [--title T]` imports it."""
    program_id = check_id(program_id)
    if pages is not None and upload.kind(pages) != "pdf":
        raise UnreadableDocument(msg("web.upload.pages_not_pdf"), source=pages.name or "?")
    given = [("document", document)] + ([("pages", pages)] if pages is not None else [])
    with upload.stored(*given) as paths:
        names = {str(paths[stem]): up.name for stem, up in given} | {paths[s].name: up.name for s, up in given}
        program, report = _imported(paths, names, document.name, program_id, title)
    report_msgs = tuple(_renamed(m, names) for m in report.messages())
    return Draft(secrets.token_urlsafe(12), program, report_msgs, document.data, upload.kind(document), document.name)


def _imported(paths: dict[str, Path], names: dict[str, str], shown: str, program_id: str, title: str) -> Any:
    """(program, report) of the stored files, a refusal naming the file as the secretary sent it."""
    from ..importers import import_document

    try:
        return import_document(paths["document"], program_id=program_id, title=title.strip() or None,
                               pages_from=paths.get("pages"))
    except AmendError as exc:
        exc.source = names.get(str(exc.source), shown) if exc.source else None
        raise


def _renamed(m: Msg, names: dict[str, str]) -> Msg:
    """The message with the stored files' names replaced by the names the secretary gave them."""
    args = {k: _renamed(v, names) if isinstance(v, Msg) else names.get(v, v) if isinstance(v, str) else v
            for k, v in m.args.items()}
    return dataclasses.replace(m, args=args)


# ---------------------------------------------------------------- corrections


def correct(draft: Draft, form: dict[str, str]) -> tuple[Draft, list[Problem]]:
    """The draft with the form's corrections (fields h<i>.text, h<i>.level, h<i>.page, b<i>.<j>.page);
    nothing changes when any of them cannot stand."""
    problems: list[Problem] = []
    sections = [_corrected_section(i, s, form, problems) for i, s in enumerate(draft.program.sections)]
    problems += _page_order(sections)
    if problems:
        return draft, problems
    from ..importers.common import drop_implied_pages

    program, notes = _places_kept(draft, replace(draft.program, sections=tuple(sections)))
    return replace(draft, program=drop_implied_pages(program), notes=notes), []


def _places_kept(draft: Draft, program: Program) -> tuple[Program, tuple[Msg, ...]]:
    """A renamed heading is no longer the Word file's text: apply then writes amend's own layout, and says so."""
    renamed = any(a.heading != b.heading for a, b in zip(draft.program.sections, program.sections))
    sf = program.source_file
    if not renamed or sf is None or sf.places is None:
        return program, draft.notes
    return replace(program, source_file=replace(sf, places=None)), draft.notes + (msg("web.import.places_dropped"),)


def _corrected_section(i: int, s: Section, form: dict[str, str], problems: list[Problem]) -> Section:
    text = form.get(f"h{i}.text")
    if text is not None and not " ".join(text.split()):
        problems.append(Problem(f"h{i}.text", msg("web.import.empty_heading")))
    heading = " ".join(text.split()) if text and text.strip() else s.heading
    level = _number(form, f"h{i}.level", s.level, MAX_LEVEL, problems) or s.level
    page = _number(form, f"h{i}.page", s.page, None, problems) or s.page
    blocks = tuple(replace(b, page=_number(form, f"b{i}.{j}.page", b.page, None, problems))
                   for j, b in enumerate(s.blocks))
    return replace(s, heading=heading, level=level, page=page, blocks=blocks)


def _number(form: dict[str, str], name: str, old: int | None, most: int | None, problems: list[Problem]) -> int | None:
    from ..limits import MAX_PAGE

    value = form.get(name, "").strip()
    if not value:
        return old
    top = most or MAX_PAGE
    if not value.isdigit() or not 1 <= int(value) <= top:
        problems.append(Problem(name, msg("web.import.bad_number", value=value, most=top)))
        return old
    return int(value)


def _page_order(sections: list[Section]) -> list[Problem]:
    """Pages never go back (the format's rule): the first field where one does is named."""
    last = 1
    for i, j, written, page in _pages(sections):
        if written is not None and written < last:
            field = f"h{i}.page" if j is None else f"b{i}.{j}.page"
            return [Problem(field, msg("web.import.page_back", page=written, last=last))]
        last = page
    return []


def _pages(sections: Sequence[Section]) -> Iterator[tuple[int, int | None, int | None, int]]:
    """(i, j, the page written, the page it starts on) of each heading (j None) and block j of
    section i, in order: a block without a page of its own is on the page of what comes before it."""
    for i, s in enumerate(sections):
        yield i, None, s.page, s.page
        page = s.page
        for j, b in enumerate(s.blocks):
            page = b.page or page
            yield i, j, b.page, page
            page = last_page(b, page)  # a table's rows may run on to later pages


def renamed(draft: Draft, program_id: str, title: str) -> Draft:
    """The draft under another id or title (the file it is saved as follows the id)."""
    title = " ".join(title.split()) or draft.program.meta.title
    meta = replace(draft.program.meta, id=check_id(program_id), title=title)
    return replace(draft, program=replace(draft.program, meta=meta))


# ---------------------------------------------------------------- saving


@dataclass(frozen=True)
class Saved:
    files: tuple[str, ...]  # as paths in ROOT, for the page
    replaced: tuple[str, ...]  # those that were there before


_SAVING = threading.Lock()


def save(root: Path, draft: Draft, overwrite: bool) -> Saved:
    """programs/<id>.yaml (and <id>.docx when apply can write into it); an existing file only with `overwrite`."""
    from ..output import write_all
    from . import jobs

    folder = _programs_folder(root)
    program = _as_saved(draft)
    with _SAVING:
        _check_id_free(jobs.register(root, jobs.today()), program.meta.id)
        outputs = _outputs(folder, program, draft)
        there = _there(outputs, overwrite)
        write_all(outputs)
    return Saved(tuple(f"programs/{p.name}" for p in outputs), tuple(f"programs/{p.name}" for p in there))


def _there(outputs: dict[Path, bytes], overwrite: bool) -> list[Path]:
    """The files to write that are there already: refused unless `overwrite`, and always when a link."""
    there = [p for p in outputs if p.exists() or p.is_symlink()]
    if any(p.is_symlink() for p in there):
        raise AmendError(msg("web.outside", folder="programs"))
    if there and not overwrite:
        raise AmendError(msg("web.import.exists", file=f"programs/{there[0].name}"))
    return there


@dataclass(frozen=True)
class Affected:
    """A decision that no longer applies to the program now saved: its file, and why (each amendment
    that does not apply as (label, the core's message), then what else `amend check` found)."""

    file: str
    amendments: tuple[tuple[str, Msg | str], ...]
    problems: tuple[Msg | str, ...]


def recheck(root: Path, program_id: str) -> tuple[int, list[Affected]]:
    """The decisions built on the program, checked again as `amend check` checks the repository (its own
    function): how many there are, and those that no longer apply."""
    from ..check import check_repo

    reports = [p for p in check_repo(root).patches if p.program == program_id]
    return len(reports), [_affected(root, p) for p in reports if not p.ok]


def _affected(root: Path, report: Any) -> Affected:
    failing = tuple((a.label, in_root(a.message, root)) for a in report.amendments
                    if a.status not in ("ok", "not_checked"))
    return Affected(in_root(str(report.file), root), failing, tuple(in_root(p.message, root) for p in report.problems))


def _programs_folder(root: Path) -> Path:
    """ROOT/programs, refused when it is a link to elsewhere (or not a folder)."""
    folder = root.resolve() / "programs"
    if folder.resolve() != folder or (folder.exists() and not folder.is_dir()):
        raise AmendError(msg("web.outside", folder="programs"))
    return folder


def _as_saved(draft: Draft) -> Program:
    """The program with its source recorded under the name it is saved as (a DOCX) or was sent as."""
    sf = draft.program.source_file
    if sf is None:
        return draft.program
    name = f"{draft.program.meta.id}.docx" if sf.places is not None else (draft.shown or sf.file)
    return replace(draft.program, source_file=replace(sf, file=name))


def _outputs(folder: Path, program: Program, draft: Draft) -> dict[Path, bytes]:
    from ..dump import PROGRAM_SCHEMA
    from ..importers import program_yaml

    target = folder / f"{program.meta.id}.yaml"
    outputs = {target: program_yaml(program, PROGRAM_SCHEMA, f"programs/{target.name}").encode("utf-8")}
    if program.source_file is not None and program.source_file.places is not None:
        outputs[folder / program.source_file.file] = draft.document
    return outputs


def _check_id_free(listed: list, program_id: str) -> None:
    """Another file of programs/ with the same id would make the repository's history ambiguous."""
    for e in listed:
        if e.timeline is not None and e.timeline.program.meta.id == program_id \
                and e.file != f"{program_id}.yaml":
            raise AmendError(msg("web.import.id_taken", id=program_id, file=f"programs/{e.file}"))


# ---------------------------------------------------------------- page by page, with the fields' names


@dataclass(frozen=True)
class Placed:
    """A heading (j None) or block j of section i, on the page it starts on."""

    i: int
    j: int | None
    section: Section
    page: int

    @property
    def block(self):  # noqa: ANN201 - a model Block
        return None if self.j is None else self.section.blocks[self.j]


def paged(program: Program) -> dict[int, list[Placed]]:
    """{page: its headings and blocks, in order}, each with the indices the correction fields are named by."""
    out: dict[int, list[Placed]] = {}
    for i, j, _, page in _pages(program.sections):
        out.setdefault(page, []).append(Placed(i, j, program.sections[i], page))
    return out
