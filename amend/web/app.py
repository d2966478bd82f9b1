"""The pages of the workbench: a request in, a response out (no sockets here).

Each route calls `jobs` and fills a template; an AmendError is shown on the
page in the reader's language, next to the form that caused it; anything
else is logged with a number the page shows, never as a traceback.
"""
from __future__ import annotations

import logging
import secrets
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import jinja2

from ..errors import AmendError
from ..messages import LANGUAGES, Msg, language, msg
from ..messages import render as say
from . import jobs, pages, views
from .server import MAX_FORM_BYTES, Request, Response

log = logging.getLogger("amend.web")
HERE = Path(__file__).parent

STATES = {
    "in force": msg("web.state.in_force"), "superseded": msg("web.state.superseded"),
    "future": msg("web.state.future"), "proposal": msg("web.state.proposal"), "pending": msg("web.state.pending"),
    "rejected": msg("web.state.rejected"), "withdrawn": msg("web.state.withdrawn"),
    "unreachable": msg("web.state.unreachable"),
}
OUTCOMES = {"adopted": msg("web.outcome.adopted"), "pending": msg("web.outcome.pending"),
            "rejected": msg("web.outcome.rejected"), "withdrawn": msg("web.outcome.withdrawn")}
STATUSES = {
    "ok": msg("web.status.ok"), "fuzzy_only": msg("web.status.fuzzy_only"), "not_found": msg("web.status.not_found"),
    "ambiguous": msg("web.status.ambiguous"), "out_of_scope": msg("web.status.out_of_scope"),
    "conflict": msg("web.status.conflict"), "error": msg("web.status.error"),
    "needs_human": msg("web.status.needs_human"), "not_applicable": msg("web.status.not_applicable"),
    "rejected": msg("web.status.rejected"), "check": msg("web.status.check"), "note": msg("web.status.note"),
}
DOWNLOADS = {".docx": msg("web.download.docx"), ".redline.docx": msg("web.download.redline_docx"),
             ".redline.html": msg("web.download.redline_html"), ".yaml": msg("web.download.yaml")}
FIELDS = {"base": msg("web.field.base"), "produces": msg("web.field.produces"), "name": msg("web.field.name"),
          "minutes": msg("web.field.minutes"), "outcome": msg("web.field.outcome"),
          "version": msg("web.field.version"), "program": msg("web.field.program")}
LABELS = {  # every label of the templates, literal so that the catalogue test sees each key used
    "app": msg("web.app"),
    "nav.register": msg("web.nav.register"),
    "nav.record": msg("web.nav.record"),
    "nav.apply": msg("web.nav.apply"),
    "other_language": msg("web.other_language"),
    "register.title": msg("web.register.title"),
    "register.pending": msg("web.register.pending"),
    "register.no_pending": msg("web.register.no_pending"),
    "register.none_in_force": msg("web.register.none_in_force"),
    "register.program_file": msg("web.register.program_file"),
    "col.version": msg("web.col.version"),
    "col.state": msg("web.col.state"),
    "col.in_force": msg("web.col.in_force"),
    "col.decision": msg("web.col.decision"),
    "col.amendments": msg("web.col.amendments"),
    "action.read": msg("web.action.read"),
    "action.record": msg("web.action.record"),
    "action.apply": msg("web.action.apply"),
    "page.previous": msg("web.page.previous"),
    "page.next": msg("web.page.next"),
    "page.pages": msg("web.page.pages"),
    "page.empty": msg("web.page.empty"),
    "record.title": msg("web.record.title"),
    "record.intro": msg("web.record.intro"),
    "field.program": msg("web.field.program"),
    "field.base": msg("web.field.base"),
    "field.body": msg("web.field.body"),
    "field.date": msg("web.field.date"),
    "field.paragraph": msg("web.field.paragraph"),
    "field.case": msg("web.field.case"),
    "field.outcome": msg("web.field.outcome"),
    "field.produces": msg("web.field.produces"),
    "field.name": msg("web.field.name"),
    "field.minutes": msg("web.field.minutes"),
    "field.version": msg("web.field.version"),
    "field.preview": msg("web.field.preview"),
    "record.read": msg("web.record.read"),
    "record.save": msg("web.record.save"),
    "record.incomplete": msg("web.record.incomplete"),
    "apply.title": msg("web.apply.title"),
    "apply.run": msg("web.apply.run"),
}
LABELS.update(views.LABELS)  # webimport: the import and publish pages
DOWNLOAD_TYPES = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  ".html": "text/html; charset=utf-8", ".yaml": "application/yaml; charset=utf-8"}

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.globals["kind"] = pages.kind


class App:
    def __init__(self, root: Path, csrf: str):
        self.root = Path(root)
        self.csrf = csrf
        self.routes: dict[tuple[str, str], Callable[[Request], Response]] = {
            ("GET", "/"): self.register, ("GET", "/program"): self.program,
            ("GET", "/record"): self.record_form, ("POST", "/record"): self.record,
            ("GET", "/apply"): self.apply_form, ("POST", "/apply"): self.apply,
            ("GET", "/download"): self.download, ("GET", "/static/style.css"): self.style,
            ("GET", "/favicon.ico"): lambda req: Response(204),  # browsers ask for it; there is none
        }
        self.routes.update(views.routes(self))  # webimport: import a proposal, publish a decision

    # ---------------------------------------------------------------- dispatch

    def handle(self, req: Request) -> Response:
        lang = req.lang if req.lang in LANGUAGES else "sv"
        with language(lang):
            route = self.routes.get((req.method, req.path))
            if route is None:
                return self._message(lang, msg("web.not_found"), 404)
            if req.method == "POST" and not req.csrf_ok:
                return self._message(lang, msg("web.csrf"), 403)
            try:
                return route(req)
            except Exception:  # a bug: log it with a number the secretary can report, show no traceback
                ident = secrets.token_hex(4)
                log.exception("bug %s on %s %s", ident, req.method, req.path)
                return self._message(lang, msg("web.bug", id=ident), 500)

    def forbidden(self, lang: str | None) -> Response:
        return self._message(_lang(lang), msg("web.forbidden"), 403)

    def too_large(self, lang: str | None) -> Response:
        return self._message(_lang(lang), msg("web.too_large", limit=MAX_FORM_BYTES), 413)

    def _message(self, lang: str, text: Msg | str, status: int) -> Response:
        with language(lang):
            return self._page("message.html.j2", Request("GET", "/", {}, {}, False, lang), status=status, text=text)

    def _page(self, template: str, req: Request, status: int = 200, **values: Any) -> Response:
        lang = req.lang if req.lang in LANGUAGES else "sv"
        other = "en" if lang == "sv" else "sv"
        here = req.path + "?" + urllib.parse.urlencode({**req.query, "lang": other})
        html = _env.get_template(template).render(
            t={k: say(v, lang) for k, v in LABELS.items()}, say=lambda m: say(m, lang), lang=lang,
            link=lambda path, **q: _link(path, lang, q), other_language=here, csrf=self.csrf,
            root=msg("web.root", root=self.root), **values)
        return Response(status, html.encode("utf-8"))

    # ---------------------------------------------------------------- register

    def register(self, req: Request) -> Response:
        today = jobs.today()
        return self._page("register.html.j2", req, listed=jobs.register(self.root, today), states=STATES,
                          empty=msg("web.register.empty", folder=self.root / "programs"),
                          in_force=lambda v: msg("web.register.in_force", version=v),
                          cannot_read=lambda f, e: msg("web.register.cannot_read", file=f, error=e))

    # ---------------------------------------------------------------- a version page by page

    def program(self, req: Request) -> Response:
        try:
            program, _, timeline = jobs.history(self.root, req.query.get("id", ""))
            version = req.query.get("version") or timeline.in_force or program.meta.version
            _, steps = jobs.build(program, timeline, version)
        except AmendError as exc:
            return self._message(req.lang, _whole(exc), 404)
        built = steps[-1].result if steps else program
        paged = pages.paged(built)
        count = max(paged, default=1)
        page = _number(req.query.get("page"), min(paged, default=1))
        problem = None if 1 <= page <= count else msg("web.page.missing", page=page, count=count)
        return self._page("program.html.j2", req, program=built, version=version, page=page, count=count,
                          items=paged.get(page, []), pages=sorted(paged), problem=problem,
                          title=msg("web.page.title", title=built.meta.title, version=version),
                          page_of=msg("web.page.of", page=page, count=count),
                          page_label=msg("web.page.number", page=page))

    # ---------------------------------------------------------------- record a decision

    def record_form(self, req: Request) -> Response:
        form = {f.name: "" for f in fields(jobs.Decided)}
        return self._record_page(req, {**form, "program": req.query.get("program", ""),
                                       "base": req.query.get("base", "")})

    def record(self, req: Request) -> Response:
        form = {f.name: req.form.get(f.name, "") for f in fields(jobs.Decided)}
        try:
            decided = self._decided(form)
            if req.form.get("action") == "save":
                saved, recorded = jobs.save(self.root, decided)
                rel = saved.relative_to(self.root.resolve())
                said = msg("web.record.saved", file=rel) if recorded.extraction.complete else \
                    msg("guards.web_saved_incomplete", file=rel)  # not a complete decision (review 4, finding 10)
                return self._record_page(req, form, recorded=recorded, saved=said)
            return self._record_page(req, form, recorded=jobs.record(self.root, decided))
        except AmendError as exc:
            return self._record_page(req, form, error=_whole(exc), status=422)

    def _decided(self, form: dict[str, str]) -> jobs.Decided:
        for name in ("program", "base", "produces", "minutes"):
            if not form[name].strip():
                raise AmendError(msg("web.missing", field=FIELDS[name]))
        if form["outcome"] not in OUTCOMES:
            raise AmendError(msg("web.bad_choice", value=form["outcome"], field=FIELDS["outcome"]))
        return jobs.Decided(**form)

    def _record_page(self, req: Request, form: dict[str, str], status: int = 200, **values: Any) -> Response:
        listed = [e for e in jobs.register(self.root, jobs.today()) if e.timeline]
        values.setdefault("recorded", None)
        cards = _cards(values["recorded"]) if values["recorded"] else []
        found = msg("web.record.found", n=len(values["recorded"].results)) if values["recorded"] else None
        decision = None
        if values["recorded"] and values["recorded"].patch:
            from ..history import decision_words

            decision = msg("web.record.decision", decision=decision_words(values["recorded"].patch.decision))
        form = {"outcome": "adopted", **form}
        return self._page("record.html.j2", req, status=status, listed=listed, form=form, outcomes=OUTCOMES,
                          cards=cards, found=found, decision=decision, statuses=STATUSES, states=STATES,
                          line_of=lambda n: msg("web.record.line", line=n),
                          **{"error": None, "saved": None, **values})

    # ---------------------------------------------------------------- apply

    def apply_form(self, req: Request) -> Response:
        return self._apply_page(req, {"program": req.query.get("program", ""),
                                      "version": req.query.get("version", ""), "preview": ""})

    def apply(self, req: Request) -> Response:
        form = {k: req.form.get(k, "") for k in ("program", "version", "preview")}
        try:
            for name in ("program", "version"):
                if not form[name]:
                    raise AmendError(msg("web.missing", field=FIELDS[name]))
            written = jobs.apply(self.root, form["program"], form["version"], preview=bool(form["preview"]))
        except AmendError as exc:
            return self._apply_page(req, form, error=_whole(exc), status=422)
        files = [(p.name, _download_label(p.name)) for p in written]
        return self._apply_page(req, form, files=files, done=msg("web.apply.done", folder=jobs.OUT_FOLDER + "/"))

    def _apply_page(self, req: Request, form: dict[str, str], status: int = 200, **values: Any) -> Response:
        listed = [e for e in jobs.register(self.root, jobs.today()) if e.timeline]
        return self._page("apply.html.j2", req, status=status, listed=listed, form=form, states=STATES,
                          intro=msg("web.apply.intro", folder=jobs.OUT_FOLDER + "/"),
                          **{"error": None, "files": [], "done": None, **values})

    def download(self, req: Request) -> Response:
        path = jobs.output_file(self.root, req.query.get("file", ""))
        if path is None:
            return self._message(req.lang, msg("web.not_found"), 404)
        kind = next((v for k, v in DOWNLOAD_TYPES.items() if path.name.endswith(k)), "application/octet-stream")
        inline = path.name.endswith(".html")
        headers = {"Content-Disposition": "inline" if inline else f"attachment; filename=\"{path.name}\""}
        if inline:  # the redline page carries its own style sheet; it may run nothing and load nothing
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        return Response(200, path.read_bytes(), kind, headers)

    def style(self, req: Request) -> Response:
        return Response(200, (HERE / "static" / "style.css").read_bytes(), "text/css; charset=utf-8")


# ---------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Card:
    """One amendment or finding as the secretary sees it."""

    status: str
    title: str
    text: str
    message: str
    line: int | None


def _cards(recorded: jobs.Recorded) -> list[Card]:
    """The amendments with their check status, then what extract reports about the minutes."""
    ex: Any = recorded.extraction
    cards = [Card(r.status, r.label, _amendment_text(recorded, r.id), say(r.message), r.source.line)
             for r in recorded.results]
    for status, found in (("needs_human", ex.needs_human), ("not_applicable", ex.not_applicable),
                          ("check", ex.checks), ("rejected", ex.rejected), ("note", ex.notes)):
        cards += [Card(status, f.title or "", f.text, say(f.message), f.line)
                  for f in sorted(found, key=lambda f: f.line)]
    return cards


def _amendment_text(recorded: jobs.Recorded, ident: str) -> str:
    patch = recorded.patch
    am = next((a for a in patch.amendments if a.id == ident), None) if patch else None
    return (am.text or "") if am else ""


def _download_label(name: str) -> Msg | str:
    return next((label for suffix, label in sorted(DOWNLOADS.items(), key=lambda kv: -len(kv[0]))
                 if name.endswith(suffix)), name)


def _whole(exc: AmendError) -> str:
    """The error as the CLI words it (in the current language), its first letter a capital on a page."""
    text = str(exc)
    return text[:1].upper() + text[1:]


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _lang(value: str | None) -> str:
    return value if value in LANGUAGES else "sv"


def _link(path: str, lang: str, query: dict[str, Any]) -> str:
    q = {k: v for k, v in query.items() if v is not None}
    if lang != "sv":
        q["lang"] = lang
    return path + ("?" + urllib.parse.urlencode(q) if q else "")
