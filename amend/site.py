"""`amend site -o DIR`: a static website of a repository's programs that a municipality can publish as it is.

DIR/index.html is the register of programs; DIR/<program-id>/index.html a program's timeline (the
states as on the day of the run); for every version that can be built, DIR/<program-id>/<version>.html
its text, <program-id>.<version>.docx to download (as amend apply writes it: for a program imported from a Word
file, that file with the amendments made, amend.adopted_docx.shown_version), <version>.blame.html who wrote what,
<version>.changes.html the redline of the decision that made it, and <version>.in-force.html the
redline between it and the version in force. Versions are built by applying the patches exactly,
each from its base (amend.apply), never from committed outputs.

Incremental: DIR/.amend-site.json records a key of everything the pages depend on (the files
read, the date, the language, amend's version) and the files written with their hashes (and,
once they are in place, their sizes and modification times, so that a second run reads no page
that was not touched). When the key and the files are unchanged, nothing is built or written;
otherwise only the files whose bytes differ are written (as one set, amend.output.write_all) and
files of the site that are no longer made are removed.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .adopted_docx import shown_version
from .apply import Step, apply_steps
from .commands import Done, output_stem, program_outputs
from .errors import HistoryError
from .history import UNREACHABLE, Entry, Timeline, build_timeline, decision_words, state_words
from .history_load import load_history
from .load import load_program
from .messages import current as current_language
from .messages import msg
from .model import Program
from .render.site_html import Link, link, page, program_body, table, with_nav

MANIFEST = ".amend-site.json"
FORMAT = 2  # bump when the pages change shape, so that an old site is rebuilt (2: DOCX as amend apply writes it)


def build_site(root: Path, out: Path, on: str) -> Done:
    """Write the site of the repository at `root` into `out`, as on the date `on`."""
    files = _inputs(root)
    if not any(f.parent.name == "programs" for f in files):
        raise HistoryError(msg("load.history.no_programs", folder=str(root / "programs")))
    key = _key(root, files, on)
    old = _manifest(out)
    if old.get("key") == key and _all_there(out, old):
        return Done(msg("history.site.unchanged", folder=out))
    pages, notes = _pages(root, files, on)
    changed = _write_changed(out, pages, key, old, tuple(str(f) for f in files))
    return Done(msg("history.site.wrote", n=len(changed) - 1, folder=out), notes=notes, written=tuple(changed))


def _write_changed(out: Path, pages: dict[str, bytes], key: str, old: dict[str, Any],
                   inputs: tuple[str, ...]) -> dict[Path, bytes]:
    """Write the pages that differ and the manifest, remove pages no longer made, record each page's stat."""
    from .output import write_all

    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(pages.items())}
    manifest = {"key": key, "files": hashes}
    changed = {out / name: data for name, data in pages.items() if _sha(out / name) != hashes[name]}
    changed[out / MANIFEST] = _manifest_bytes(manifest)
    write_all(changed, inputs=inputs)
    _remove_gone(out, old, pages)
    _record_stats(out, manifest, inputs)
    return changed


def _remove_gone(out: Path, old: dict[str, Any], pages: dict[str, bytes]) -> None:
    """Remove the pages the last run made and this one does not (a version gone)."""
    for name in set(old.get("files", {})) - set(pages):
        (out / name).unlink(missing_ok=True)


def _record_stats(out: Path, manifest: dict[str, Any], inputs: tuple[str, ...]) -> None:
    """Write the manifest again with each page's size and time as written (`_all_there`)."""
    from .output import write_all

    stats = {name: _stat(out / name) for name in manifest["files"]}
    write_all({out / MANIFEST: _manifest_bytes({**manifest, "stat": stats})}, inputs=inputs)


def _all_there(out: Path, manifest: dict[str, Any]) -> bool:
    """Is every file of the site as the manifest records it? A file whose size and modification time
    are those recorded after the last run is taken as unchanged (as make and rsync do); any other is hashed."""
    stats = manifest.get("stat", {})
    return all(_stat(out / name) == stats.get(name) or _sha(out / name) == sha
               for name, sha in manifest.get("files", {}).items())


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")


def first_language(root: Path) -> str | None:
    """The language of the repository's first program, the site's unless the run says otherwise."""
    files = [f for f in _inputs(root) if f.parent.name == "programs"]
    return load_program(files[0]).meta.language if files else None


def _inputs(root: Path) -> list[Path]:
    found = sorted((root / "programs").glob("*.y*ml")) + sorted((root / "amendments").glob("*/*.y*ml"))
    return [f for f in found if f.is_file()]


def _key(root: Path, files: list[Path], on: str) -> str:
    h = hashlib.sha256(f"{FORMAT} {__version__} {on} {current_language()}".encode())
    for f in files + sorted((root / "programs").glob("*.docx")):  # the Word files the DOCX are written into
        h.update(b"\0" + str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)


# ---------------------------------------------------------------- the pages


@dataclass(frozen=True)
class Words:
    nav: str
    skip: str

    @staticmethod
    def now() -> Words:
        return Words(str(msg("history.site.nav")), str(msg("history.site.skip")))


@dataclass(frozen=True)
class _Versions:
    """What the pages of one program's versions are made from: its timeline as on the day `on`, every
    version that can be built and the step that made each (_built), the pages' navigation and words."""

    timeline: Timeline
    built: dict[str, Program]
    made: dict[str, Step]
    nav: list[Link]
    words: Words
    on: str

    @property
    def pid(self) -> str:
        return _safe(self.timeline.program.meta.id)


def _pages(root: Path, files: list[Path], on: str) -> tuple[dict[str, bytes], tuple[str, ...]]:
    pages: dict[str, bytes] = {}
    notes: tuple[str, ...] = ()
    rows = []
    for pid in sorted({load_program(f).meta.id for f in files if f.parent.name == "programs"}):
        program, patches = load_history(root, pid)
        timeline = build_timeline(program, patches, on)
        made_pages, made_notes = _program_pages(timeline, on)
        pages.update(made_pages)
        notes += made_notes
        rows.append(_register_row(pid, timeline))
    pages["index.html"] = _register_page(rows, on)
    return pages, notes


def _register_row(pid: str, timeline: Timeline) -> list[str]:
    in_force = timeline.in_force
    return [link(f"{_safe(pid)}/index.html", timeline.program.meta.title),
            link(f"{_safe(pid)}/{_safe(in_force)}.html", in_force) if in_force else "-",
            ", ".join(e.version for e in timeline.pending) or "-",
            link(f"{_safe(pid)}/index.html", str(msg("history.site.timeline")))]


def _register_page(rows: list[list[str]], on: str) -> bytes:
    words = Words.now()
    head = [str(m) for m in (msg("history.site.program"), msg("history.site.in_force"), msg("history.site.pending"),
                             msg("history.site.read"))]
    title = str(msg("history.site.register"))
    body = f"<h1>{title}</h1>\n" + table(head, rows, str(msg("history.site.register_caption", on=on)))
    return page(title, current_language(), [Link("index.html", title)], words.nav, words.skip, body)


def _program_pages(timeline: Timeline, on: str) -> tuple[dict[str, bytes], tuple[str, ...]]:
    built, made = _built(timeline)
    versions = _Versions(timeline, built, made, _program_nav(), Words.now(), on)
    pages: dict[str, bytes] = {}
    notes: tuple[str, ...] = ()
    rows = []
    for e in timeline.entries:
        links, version_pages, version_notes = _version_pages(versions, e) if e.version in built else ([], {}, ())
        pages.update(version_pages)
        notes += version_notes
        rows.append(_row(e, on, links))
    pages[f"{versions.pid}/index.html"] = _timeline_page(versions, rows)
    return pages, notes


def _program_nav() -> list[Link]:
    """The navigation of a program's pages: all programs, and the program's timeline."""
    return [Link("../index.html", str(msg("history.site.all_programs"))),
            Link("index.html", str(msg("history.site.timeline")))]


def _version_pages(versions: _Versions, e: Entry) -> tuple[list[str], dict[str, bytes], tuple[str, ...]]:
    """The pages of a version that can be built (text, DOCX, blame, comparisons), the links to them, the notes."""
    pid, v, nav = versions.pid, _safe(e.version), versions.nav
    links = [link(f"{v}.html", str(msg("history.site.text"))),
             link(f"{pid}.{v}.docx", str(msg("history.site.docx"))),
             link(f"{v}.blame.html", str(msg("history.site.blame")))]
    pages = {f"{pid}/{v}.html": _version_page(versions.timeline, e, versions.built[e.version], nav, versions.words,
                                              versions.on)}
    docx, notes = _docx(versions.timeline.program, _chain_steps(e.version, versions.made), Path(pid))
    pages.update(docx)
    pages[f"{pid}/{v}.blame.html"] = with_nav(_blame_page(versions.timeline, e.version, versions.made), nav,
                                              versions.words.nav)
    compared_links, compared = _compared_pages(versions, e.version)
    return links + compared_links, pages | compared, notes


def _compared_pages(versions: _Versions, version: str) -> tuple[list[str], dict[str, bytes]]:
    """The redline of the decision that made the version, and the redline between it and the version in force."""
    pid, v, nav, links, pages = versions.pid, _safe(version), versions.nav, [], {}
    if version in versions.made:
        links.append(link(f"{v}.changes.html", str(msg("history.site.changes"))))
        pages[f"{pid}/{v}.changes.html"] = with_nav(_redline_page([versions.made[version]]), nav, versions.words.nav)
    against = _against_in_force(versions.timeline, version, versions.built, versions.made)
    if against is not None:
        links.append(link(f"{v}.in-force.html", str(msg("history.site.against_in_force"))))
        pages[f"{pid}/{v}.in-force.html"] = with_nav(against, nav, versions.words.nav)
    return links, pages


def _timeline_page(versions: _Versions, rows: list[list[str]]) -> bytes:
    program = versions.timeline.program
    head = str(msg("history.head")).split("|")
    head = [head[0], head[1], head[2], head[5], str(msg("history.site.read"))]
    body = (f"<h1>{_h(program.meta.title)}</h1>\n<h2>{_h(str(msg('history.site.timeline')))}</h2>\n"
            + table(head, rows, str(msg("history.site.timeline_caption", on=versions.on))))
    return page(program.meta.title, program.meta.language, versions.nav, versions.words.nav, versions.words.skip,
                body)


def _docx(program: Program, steps: list[Step], folder: Path) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """A version's DOCX as `amend apply` of its chain writes it (amend.adopted_docx.shown_version), and
    the note saying why when it is not (the site speaks only of the DOCX that differ from apply's)."""
    built, docx, notes, _ = shown_version(program, steps, [s.patch for s in steps], "none", output_stem)
    outputs = program_outputs(built, folder, yaml_too=False, docx=docx)
    return {path.as_posix(): data for path, data in outputs.items()}, notes if docx is None else ()


def _h(text: str) -> str:
    from html import escape

    return escape(text)


def _row(e: Entry, on: str, links: list[str]) -> list[str]:
    note = f" ({e.note})" if e.note else ""
    return [_h(e.version), _h(str(state_words(e.state))), _h(e.in_force or "-"), _h(_decided_by(e) + note),
            " ".join(links) or "-"]


def _decided_by(e: Entry) -> str:
    """The decision that made the version, or that it is the program file's own."""
    return str(msg("history.program_file")) if e.decision is None else decision_words(e.decision)


def _built(timeline: Timeline) -> tuple[dict[str, Program], dict[str, Step]]:
    """Every version that can be built (parents first), and the step that made each but the program's own."""
    built: dict[str, Program] = {timeline.program.meta.version: timeline.program}
    made: dict[str, Step] = {}
    for e in timeline.entries:
        if e.patch is None or e.state == UNREACHABLE or e.patch.base not in built:
            continue
        step = apply_steps(built[e.patch.base], [e.patch])[0]
        built[e.version], made[e.version] = step.result, step
    return built, made


def _chain_steps(version: str, made: dict[str, Step]) -> list[Step]:
    steps = []
    while version in made:
        steps.append(made[version])
        version = made[version].patch.base
    return steps[::-1]


def _version_page(timeline: Timeline, e: Entry, program: Program, nav: list[Link], words: Words, on: str) -> bytes:
    meta = program.meta
    decision = _decided_by(e)
    title = str(msg("history.site.version_title", t=meta.title, v=e.version))
    download = link(f"{_safe(meta.id)}.{_safe(e.version)}.docx", str(msg("history.site.download")))
    body = (f"<h1>{_h(title)}</h1>\n<p class=\"meta\">"
            f"{_h(str(msg('history.site.state_line', decision=decision, on=on, state=state_words(e.state))))}</p>\n"
            f'<p class="downloads">{download}</p>\n' + program_body(program, str(msg("history.site.page"))))
    return page(title, meta.language, nav, words.nav, words.skip, body)


def _blame_page(timeline: Timeline, version: str, made: dict[str, Step]) -> bytes:
    from .blame import blame
    from .render.history_html import render_blame_html

    steps = _chain_steps(version, made)
    return render_blame_html(blame(timeline.program, [(s.patch, s.result) for s in steps]))


def _redline_page(steps: list[Step]) -> bytes:
    from .redline import redline
    from .render.history_html import colour_by_decision
    from .render.redline_html import render_redline_html

    red = redline(steps)
    return colour_by_decision(render_redline_html(red, [s.patch for s in steps]), red,
                              [s.patch.decision for s in steps])


def _against_in_force(timeline: Timeline, version: str, built: dict[str, Program],
                      made: dict[str, Step]) -> bytes | None:
    """The redline from the older of the version and the one in force to the other; None when they are one."""
    current = timeline.in_force
    if current is None or current == version or current not in built:
        return None
    steps = _steps_between(version, current, made)
    if steps is not None:
        return _redline_page(steps)
    from .diff import diff_programs
    from .render.redline_html import render_redline_html

    return render_redline_html(diff_programs(built[current], built[version]))


def _steps_between(a: str, b: str, made: dict[str, Step]) -> list[Step] | None:
    """The steps from the older of versions a and b to the other; None when neither is built on the other."""
    for old, new in ((a, b), (b, a)):
        steps = _chain_steps(new, made)
        bases = [s.patch.base for s in steps]
        if old in bases:
            return steps[bases.index(old):]
    return None
