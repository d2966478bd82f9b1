"""The workbench's import and publish pages (flows 2 and 6): requests in, pages out, the work in
`importing` and `publish`. Registered into `app.App` by `routes(app)`; an AmendError is shown next
to the field or form that caused it, in the reader's language (see app.App.handle for bugs).
"""
from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any

from ..errors import AmendError
from ..messages import Msg, msg
from . import importing, jobs, publish
from .publish import Changed, Opened
from .server import Request, Response
from .shown import whole as _whole
from .upload import Upload

if TYPE_CHECKING:
    from collections.abc import Callable

    from .app import App

LABELS = {  # the labels of these pages' templates, merged into app.LABELS (literal keys for the catalogue test)
    "nav.import": msg("web.nav.import"),
    "nav.publish": msg("web.nav.publish"),
    "action.publish": msg("web.action.publish"),
    "import.title": msg("web.import.title"),
    "import.intro": msg("web.import.intro"),
    "field.document": msg("web.field.document"),
    "field.pages": msg("web.field.pages"),
    "field.id": msg("web.field.id"),
    "field.title": msg("web.field.title"),
    "import.run": msg("web.import.run"),
    "import.report": msg("web.import.report"),
    "import.no_report": msg("web.import.no_report"),
    "import.heading": msg("web.import.heading"),
    "import.level": msg("web.import.level"),
    "import.page": msg("web.import.page"),
    "import.block": msg("web.import.block"),
    "import.correct": msg("web.import.correct"),
    "import.save_title": msg("web.import.save_title"),
    "import.overwrite": msg("web.import.overwrite"),
    "import.save": msg("web.import.save"),
    "publish.title": msg("web.publish.title"),
    "publish.intro": msg("web.publish.intro"),
    "publish.choose": msg("web.publish.choose"),
    "publish.save_commit": msg("web.publish.save_commit"),
    "publish.save": msg("web.publish.save"),
    "publish.documents": msg("web.publish.documents"),
    "publish.no_pdf": msg("web.publish.no_pdf"),
    "publish.mine": msg("web.publish.mine"),
    "publish.theirs": msg("web.publish.theirs"),
    "publish.keep_theirs": msg("web.publish.keep_theirs"),
    "publish.save_mine": msg("web.publish.save_mine"),
}


def routes(app: App) -> dict[tuple[str, str], Callable[[Request], Response]]:
    views = Views(app)
    return {("GET", "/import"): views.import_form, ("POST", "/import"): views.import_,
            ("GET", "/import/draft"): views.draft, ("POST", "/import/draft"): views.draft_post,
            ("GET", "/publish"): views.publish_form, ("POST", "/publish"): views.publish,
            ("GET", "/static/workbench.css"): views.style}


def _upload_field(exc: AmendError, document: Upload | None, pages: Upload | None) -> str:
    """Which field of the upload form the refusal is about: the program's id, the circulated PDF, or the
    proposal itself."""
    key = getattr(exc.message, "key", "")
    if key == "web.import.bad_id":
        return "id"
    from_pages = pages is not None and exc.source == (pages.name or "?") and (document is None or
                                                                              pages.name != document.name)
    return "pages" if key == "web.upload.pages_not_pdf" or from_pages else "document"


class Views:
    def __init__(self, app: App):
        self.app = app
        self.drafts = importing.Drafts(app.store)

    # ---------------------------------------------------------------- import: the upload

    def import_form(self, req: Request, status: int = 200, error: str | None = None,
                    field: str = "document") -> Response:
        """The upload form; an error beside `field`, the one that caused it (document, pages or id)."""
        form = {k: req.form.get(k, "") for k in ("id", "title")}
        return self.app._page("import.html.j2", req, status=status, form=form, error=error, field=field)

    def import_(self, req: Request) -> Response:
        document = req.files.get("document")
        try:
            if document is None:
                raise AmendError(msg("web.upload.missing"))
            program_id = req.form.get("id", "").strip() or importing.suggested_id(document.name)
            draft = self.drafts.put(importing.import_upload(document, req.files.get("pages"), program_id,
                                                            req.form.get("title", "")))
        except AmendError as exc:
            return self.import_form(req, 422, _whole(exc), _upload_field(exc, document, req.files.get("pages")))
        return _see(req, "/import/draft", key=draft.key)

    # ---------------------------------------------------------------- import: the draft page by page

    def draft(self, req: Request) -> Response:
        got = self.drafts.get(req.query.get("key", ""))
        if got is None:
            return self.app._message(req.lang, msg("web.import.gone"), 404)
        first = min(importing.paged(got.program), default=1)  # the title page may hold no heading or block
        return self._draft_page(req, got, _page_number(req.query.get("page"), first))

    def draft_post(self, req: Request) -> Response:
        got = self.drafts.get(req.form.get("key", ""))
        if got is None:
            return self.app._message(req.lang, msg("web.import.gone"), 404)
        page = _page_number(req.form.get("page"))
        draft, problems = importing.correct(got, req.form)
        if problems:
            return self._draft_page(req, got, page, 422, problems={p.field: p.message for p in problems},
                                    typed=req.form)  # what was typed stays in its field, beside its problem
        self.drafts.put(draft)
        if req.form.get("action") != "save":
            return self._draft_page(req, draft, page, done=msg("web.import.corrected"))
        return self._save(req, draft, page)

    def _save(self, req: Request, draft: importing.Draft, page: int) -> Response:
        try:
            draft = self.drafts.put(importing.renamed(draft, req.form.get("id", ""), req.form.get("title", "")))
            saved = importing.save(self.app.root, draft, overwrite=bool(req.form.get("overwrite")))
        except AmendError as exc:
            return self._draft_page(req, draft, page, 422, problems={"id": _whole(exc)}, typed=req.form)
        done = msg("web.import.replaced", files=list(saved.files), replaced=list(saved.replaced)) if saved.replaced \
            else msg("web.import.saved", files=list(saved.files))
        return self._draft_page(req, draft, page, done=done, saved=draft.program.meta.id,
                                **self._rechecked(draft.program.meta.id, bool(saved.replaced)))

    def _rechecked(self, program_id: str, replaced: bool) -> dict[str, Any]:
        """A program written over: the decisions built on it, checked again, and those that no longer apply."""
        if not replaced:
            return {}
        n, affected = importing.recheck(self.app.root, program_id)
        if not n:
            return {}
        said = msg("web.import.recheck_bad", bad=len(affected), n=n) if affected else \
            msg("web.import.recheck_ok", n=n)
        return {"rechecked": said, "affected": affected}

    def _draft_page(self, req: Request, draft: importing.Draft, page: int, status: int = 200,
                    **values: Any) -> Response:
        placed = importing.paged(draft.program)
        count = max(placed, default=1)
        page = min(max(page, 1), count)
        program = draft.program
        return self.app._page(
            "import_draft.html.j2", req, status=status, draft=draft, program=program, page=page, count=count,
            items=placed.get(page, []), levels=range(1, importing.MAX_LEVEL + 1),
            heading=msg("web.import.draft", title=program.meta.title, name=draft.shown or "?"),
            page_of=msg("web.page.of", page=page, count=count), page_label=msg("web.page.number", page=page),
            **{"problems": {}, "done": None, "saved": None, "typed": {}, "rechecked": None, "affected": [], **values})

    # ---------------------------------------------------------------- publish

    def publish_form(self, req: Request) -> Response:
        program, version = req.query.get("program", ""), req.query.get("version", "")
        if not program or not version:
            return self._publish_page(req, {"program": program, "version": version})
        try:
            opened = publish.open_decision(self.app.root, program, version)
        except AmendError as exc:
            return self._publish_page(req, {"program": program, "version": version}, 422, error=_whole(exc))
        return self._publish_page(req, {"program": program, "version": version}, opened=opened)

    def publish(self, req: Request) -> Response:
        form = {k: req.form.get(k, "") for k in ("program", "version", "name", "text", "opened")}
        form["text"] = form["text"].replace("\r\n", "\n")  # a browser sends a textarea's lines with CRLF
        try:
            opened = publish.open_decision(self.app.root, form["program"], form["version"])
            if req.form.get("action") == "documents":
                return self._documents(req, form, opened)
            done = publish.publish(self.app.root, form["program"], form["name"], form["text"], form["opened"])
        except publish.Changed as exc:
            return self._changed(req, form, exc)
        except AmendError as exc:
            return self._publish_page(req, form, 422, error=_whole(exc))
        now = publish.open_decision(self.app.root, form["program"], form["version"])
        return self._publish_page(req, form, opened=now, done=_said(done))

    def _changed(self, req: Request, form: dict[str, str], exc: Changed) -> Response:
        """The file changed on disk since the page was opened: nothing saved, both versions side by side."""
        now = publish.open_decision(self.app.root, form["program"], form["version"])
        return self._publish_page(req, form, 409, opened=now, changed=exc, error=_whole(exc),
                                  lines=publish.marked_lines(exc.mine, exc.theirs))

    def _documents(self, req: Request, form: dict[str, str], opened: Opened) -> Response:
        """The documents of the version made, as `amend apply` makes them, offered to download."""
        written = jobs.apply(self.app.root, form["program"], form["version"], pdf=bool(req.form.get("pdf")))
        return self._publish_page(req, form, opened=opened, files=_files(written))

    def _publish_page(self, req: Request, form: dict[str, str], status: int = 200, **values: Any) -> Response:
        from .app import STATES

        listed = [e for e in jobs.register(self.app.root, jobs.today()) if e.timeline]
        if values.get("opened") is not None:
            values.update(self._opened_words(values["opened"]))
        return self.app._page("publish.html.j2", req, status=status, listed=listed, form=form, states=STATES,
                              pdf_ok=jobs.pdf_available(),
                              **{"error": None, "files": [], "done": None, "changed": None, "opened": None,
                                 "decision": None, "repo": False, "state": None, "lines": ([], []), **values})

    def _opened_words(self, opened: Opened) -> dict[str, Any]:
        """The decision and its file in words, and whether (and as what) git holds the file."""
        from ..history import decision_words
        from . import git

        repo = git.is_repository(self.app.root)
        commit = git.last_commit(self.app.root, self.app.root / opened.file) if repo else None
        state = msg("web.publish.no_git") if not repo else \
            msg("web.publish.in_git", commit=commit) if commit else msg("web.publish.not_in_git")
        decision = msg("web.publish.decision", decision=decision_words(opened.patch.decision), file=opened.file)
        return {"repo": repo, "state": state, "decision": decision}

    def style(self, req: Request) -> Response:
        from .app import HERE

        return Response(200, (HERE / "static" / "workbench.css").read_bytes(), "text/css; charset=utf-8")


def _said(done: publish.Published) -> list[Msg]:
    saved = msg("web.publish.saved", file=done.file) if done.written else msg("web.publish.unchanged", file=done.file)
    if done.commit is None:
        return [saved]
    commit = msg("web.publish.committed", file=done.file, commit=done.commit.commit) if done.commit.new else \
        msg("web.publish.was_committed", file=done.file, commit=done.commit.commit)
    return [saved, commit]


def _files(written: list) -> list[tuple[str, Msg | str]]:
    from .app import _download_label

    return [(p.name, _download_label(p.name)) for p in written]


def _page_number(value: str | None, default: int = 1) -> int:
    return int(value) if value and value.isdigit() and len(value) < 6 else default


def _see(req: Request, path: str, **query: str) -> Response:
    """303 to the page (a reload then does not send the upload again), in the reader's language."""
    if req.lang != "sv":
        query["lang"] = req.lang
    return Response(303, b"", headers={"Location": path + "?" + urllib.parse.urlencode(query)})
