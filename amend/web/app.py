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
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2

from ..errors import AmendError
from ..messages import LANGUAGES, Msg, language, msg
from ..messages import render as say
from . import drafts, jobs, pages, views
from .draft_routes import POINT_LABELS, DraftRoutes
from .drafts import Card
from .labels import DOWNLOADS, FIELDS, LABELS, OUTCOMES, STATES, STATUSES
from .server import MAX_FORM_BYTES, Request, Response
from .shown import in_repository
from .shown import whole as _whole
from .store import Store

LABELS.update(views.LABELS)  # webimport: the import and publish pages
log = logging.getLogger("amend.web")
HERE = Path(__file__).parent

POINT_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; "
             "frame-ancestors 'none'; base-uri 'none'")
DOWNLOAD_TYPES = {".pdf": "application/pdf",
                  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  ".html": "text/html; charset=utf-8", ".yaml": "application/yaml; charset=utf-8"}

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.globals["kind"] = pages.kind


class App(DraftRoutes):
    def __init__(self, root: Path, csrf: str, drafts_folder: Path | None = None):
        self.root = Path(root)
        self.csrf = csrf
        self.store = Store(drafts_folder, self.root)
        self.drafts = drafts.Drafts(self.store)
        self.routes: dict[tuple[str, str], Callable[[Request], Response]] = {
            ("GET", "/"): self.register, ("GET", "/program"): self.program,
            ("GET", "/record"): self.record_form, ("POST", "/record"): self.record,
            ("GET", "/apply"): self.apply_form, ("POST", "/apply"): self.apply,
            ("GET", "/download"): self.download, ("GET", "/static/style.css"): self.style,
            ("GET", "/favicon.ico"): lambda req: Response(204),  # browsers ask for it; there is none
            **self.draft_routes(),
        }
        self.routes.update(views.routes(self))  # webimport: import a proposal, publish a decision
        _warm()

    # ---------------------------------------------------------------- dispatch

    def handle(self, req: Request) -> Response:
        lang = req.lang if req.lang in LANGUAGES else "sv"
        with language(lang), in_repository(self.root):
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

    def login_page(self, lang: str, next_page: str, wrong: bool = False) -> Response:
        """The password's form (amend serve --password-file); the repository is not named to a stranger."""
        with language(lang):  # the language link: the page asked for, in the other language, via this form
            url = urllib.parse.urlsplit(next_page)
            req = Request("GET", url.path, dict(urllib.parse.parse_qsl(url.query)), {}, False, lang)
            return self._page("login.html.j2", req, status=401, next=next_page, root=None,
                              error=msg("web.login.wrong") if wrong else None)

    def too_large(self, lang: str | None) -> Response:
        return self._message(_lang(lang), msg("web.too_large", limit=MAX_FORM_BYTES), 413)

    def _message(self, lang: str, text: Msg | str, status: int) -> Response:
        with language(lang):
            return self._page("message.html.j2", Request("GET", "/", {}, {}, False, lang), status=status, text=text)

    def _page(self, template: str, req: Request, status: int = 200, headers: dict[str, str] | None = None,
              **values: Any) -> Response:
        lang = req.lang if req.lang in LANGUAGES else "sv"
        other = "en" if lang == "sv" else "sv"
        here = req.path + "?" + urllib.parse.urlencode({**req.query, "lang": other})
        html = _env.get_template(template).render(
            t={k: say(v, lang) for k, v in LABELS.items()}, say=lambda m: say(m, lang), lang=lang,
            link=lambda path, **q: _link(path, lang, q), other_language=here, csrf=self.csrf,
            **{"root": msg("web.root", root=self.root), **values})
        return Response(status, html.encode("utf-8"), headers=headers or {})

    # ---------------------------------------------------------------- register

    def register(self, req: Request) -> Response:
        today = jobs.today()
        return self._page("register.html.j2", req, listed=jobs.register(self.root, today), states=STATES,
                          empty=msg("web.register.empty", folder=self.root / "programs"),
                          in_force=lambda v: msg("web.register.in_force", version=v),
                          cannot_read=lambda f, e: msg("web.register.cannot_read", file=f, error=e))

    # ---------------------------------------------------------------- a version page by page

    def program(self, req: Request) -> Response:
        return self.program_page(req)

    def program_page(self, req: Request, d: drafts.Draft | None = None, point_error: str | None = None,
                     status: int = 200) -> Response:
        query: dict[str, str] = {**req.query, **{k: v for k, v in req.form.items() if k != "csrf"}}
        d = d or self.drafts.get(query.get("d", ""))
        try:
            built, version = self._version(d, query)
        except AmendError as exc:
            return self._message(req.lang, _whole(exc), 404)
        ix = drafts.index_of(built)
        units = {u.path: i for i, u in enumerate(ix.units)}
        return self._page("program.html.j2", req, status=status, **_pages_of(built, version, query),
                          unit_of=units.get, draft=d, actions=POINT_LABELS, point_error=point_error, form=query,
                          picked_text=_picked_text(built, ix, query), headers={"Content-Security-Policy": POINT_CSP})

    def _version(self, d: drafts.Draft | None, query: dict[str, str]) -> tuple[Any, str]:
        """The version to show (the draft's base, the one asked for, or the one in force) built, and its name."""
        program, _, timeline = jobs.history(self.root, d.program if d else query.get("id", ""))
        version = d.base if d else query.get("version") or timeline.in_force or program.meta.version
        _, steps = jobs.build(program, timeline, version)
        return (steps[-1].result if steps else program), version

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
            return self._draft_of(req, decided, jobs.record(self.root, decided))
        except AmendError as exc:
            return self._record_page(req, form, error=_whole(exc), status=422)

    def _draft_of(self, req: Request, decided: jobs.Decided, recorded: jobs.Recorded) -> Response:
        """The minutes read: a draft with a card for each amendment, and what extract said beside them."""
        from ..dump import amendment_to_data, decision_to_data
        from ..extract.reader import marked, report_comments

        patch = marked(recorded.extraction) if recorded.patch is not None else None
        amendments = [amendment_to_data(a) for a in patch.amendments] if patch else []
        fields = {"produces": decided.produces, "name": decided.name, "outcome": decided.outcome}
        d = self.drafts.new(decided.program, decided.base, fields, decision_to_data(patch.decision) if patch else {},
                            amendments=amendments, incomplete=list(patch.incomplete) if patch else [],
                            findings=_findings(recorded), comments=report_comments(recorded.extraction, "minutes"),
                            lines={a.id: a.source.line for a in patch.amendments} if patch else {})
        return self.draft_page(req, d, decision=_decision_words(patch),
                               found=msg("web.record.found", n=len(recorded.results)))

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
                                      "version": req.query.get("version", ""), "preview": "", "pdf": ""})

    def apply(self, req: Request) -> Response:
        form = {k: req.form.get(k, "") for k in ("program", "version", "preview", "pdf")}
        try:
            for name in ("program", "version"):
                if not form[name]:
                    raise AmendError(msg("web.missing", field=FIELDS[name]))
            written = jobs.apply(self.root, form["program"], form["version"], preview=bool(form["preview"]),
                                 pdf=bool(form["pdf"]))
        except AmendError as exc:
            return self._apply_page(req, form, error=_whole(exc), status=422)
        files = [(p.name, _download_label(p.name)) for p in written]
        return self._apply_page(req, form, files=files, done=msg("web.apply.done", folder=jobs.OUT_FOLDER + "/"))

    def _apply_page(self, req: Request, form: dict[str, str], status: int = 200, **values: Any) -> Response:
        listed = [e for e in jobs.register(self.root, jobs.today()) if e.timeline]
        return self._page("apply.html.j2", req, status=status, listed=listed, form=form, states=STATES,
                          pdf_ok=jobs.pdf_available(),
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


def _pages_of(built: Any, version: str, query: dict[str, str]) -> dict[str, Any]:
    """The page asked for among the version's pages, with its words (or why it is not there)."""
    paged = pages.paged(built)
    count = max(paged, default=1)
    page = _number(query.get("page"), min(paged, default=1))
    problem = None if 1 <= page <= count else msg("web.page.missing", page=page, count=count)
    return dict(program=built, version=version, page=page, count=count, items=paged.get(page, []),
                pages=sorted(paged), problem=problem, title=msg("web.page.title", title=built.meta.title,
                                                                version=version),
                page_of=msg("web.page.of", page=page, count=count), page_label=msg("web.page.number", page=page))


def _picked_text(program: Any, ix: Any, query: dict[str, str]) -> str:
    """The paragraph, item or heading pointed at without a script (?unit=N, ?section=N), to show in the form."""
    unit, section = query.get("unit", ""), query.get("section", "")
    if unit.isdigit() and int(unit) < len(ix.units):
        return str(ix.units[int(unit)].text)
    if section.isdigit() and int(section) < len(program.sections):
        return str(program.sections[int(section)].heading)
    return ""


def _findings(recorded: jobs.Recorded) -> list[Card]:
    """What extract says beside the amendments: needs a human, not applicable, notes …"""
    return [c for c in _cards(recorded)[len(recorded.results):]]


def _decision_words(patch: Any) -> Msg | None:
    from ..history import decision_words

    return msg("web.record.decision", decision=decision_words(patch.decision)) if patch else None


def _amendment_text(recorded: jobs.Recorded, ident: str) -> str:
    patch = recorded.patch
    am = next((a for a in patch.amendments if a.id == ident), None) if patch else None
    return (am.text or "") if am else ""


def _download_label(name: str) -> Msg | str:
    return next((label for suffix, label in sorted(DOWNLOADS.items(), key=lambda kv: -len(kv[0]))
                 if name.endswith(suffix)), name)


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


def _warm() -> None:
    """What every first page would otherwise make while the secretary waits (once per process): the
    templates compiled, the grammars of the minutes' wording read."""
    from ..extract import agreement, describe  # noqa: F401 (imported once, here)
    from ..extract.grammar import LANGUAGES as GRAMMARS
    from ..extract.grammar import grammar

    for name in _env.list_templates(extensions=["j2"]):
        _env.get_template(name)
    for lang in GRAMMARS:
        grammar(lang)
