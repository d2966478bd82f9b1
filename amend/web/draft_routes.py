"""The pages of a draft decision: its cards (edit, pick a candidate, remove, add), the live redline
beside them, amending by pointing at the program's text, and saving the decision.

A mixin of `app.App` (its `_page`, `drafts` and `root`); every change goes through the core as
`review.check` describes, and a card whose change is refused keeps what was typed, with the reason.
"""
from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Program
from . import cards, drafts, jobs, pointing, review
from .drafts import Draft, Drafts
from .labels import OUTCOMES, STATUSES
from .server import Request, Response
from .shown import whole as _whole

FIELD_LABELS = {"op": "card.op", "id": "card.id", "title": "card.title_field", "text": "card.text",
                **{k: f"card.scope.{k}" for k in cards.SCOPE_KEYS}, "where": "card.where", "anchor": "card.anchor",
                "old": "card.old", "new": "card.new", "position": "card.position", "level": "card.level"}
WHERES = [("after", msg("web.card.where.after")), ("before", msg("web.card.where.before")),
          ("end", msg("web.card.where.end"))]
DECISION_FIELDS = ("produces", "name", "body", "date", "paragraph", "case", "outcome")
OP_LABELS = [msg("web.op.insert"), msg("web.op.replace"), msg("web.op.delete"), msg("web.op.add_item"),
             msg("web.op.add_paragraph"), msg("web.op.delete_paragraph"), msg("web.op.delete_item"),
             msg("web.op.add_section"), msg("web.op.delete_section"), msg("web.op.replace_section_text")]
OPS_SHOWN = list(zip(cards.OPS, OP_LABELS))
POINT_LABELS = {a: m for a, m in zip(pointing.ACTIONS, (
    msg("web.point.insert_after"), msg("web.point.insert_before"), msg("web.point.replace"), msg("web.point.delete"),
    msg("web.point.add_item"), msg("web.point.add_paragraph"), msg("web.point.add_section")))}


class DraftRoutes:
    """The draft's routes; `app.App` gives the rest (these stand in for its own)."""

    root: Path
    drafts: Drafts

    def _page(self, template: str, req: Request, status: int = 200, headers: dict[str, str] | None = None,
              **values: Any) -> Response:
        raise NotImplementedError

    def _message(self, lang: str, text: Msg | str, status: int) -> Response:
        raise NotImplementedError

    def program_page(self, req: Request, d: Draft | None = None, point_error: str | None = None,
                     status: int = 200) -> Response:
        raise NotImplementedError

    def draft_routes(self) -> dict[tuple[str, str], Any]:
        return {("GET", "/draft"): self.draft_page, ("POST", "/draft/card"): self.card,
                ("POST", "/draft/pick"): self.pick, ("POST", "/draft/save"): self.save_draft,
                ("GET", "/draft/redline"): self.draft_redline, ("POST", "/point"): self.point,
                ("POST", "/draft/handled"): self.handled,
                ("GET", "/static/cards.js"): self.script}

    # ---------------------------------------------------------------- the draft page

    def draft_page(self, req: Request, d: Draft | None = None, status: int = 200, **values: Any) -> Response:
        d = d or self.drafts.get(req.query.get("d") or req.form.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        base = jobs.version_program(self.root, d.program, d.base)
        soon = req.method == "GET" and req.path == "/draft" and req.query.get("full") != "1"
        checked = review.check(base, d, values.pop("errors", None), values.pop("forms", None), soon=soon)
        _lines_and_stale(d, checked, values.pop("stale", {}))
        shown = {**self._draft_values(d, base, checked), "error": None, "saved": None, "new_error": "", "found": None,
                 "editing": req.query.get("edit", ""), "blank": _blank(d), "missing": [], **values}
        return self._page("draft.html.j2", req, status=status, headers={"Content-Security-Policy": FRAMING_CSP},
                          **shown)

    def _draft_values(self, d: Draft, base: Program, c: review.Checked) -> dict[str, Any]:
        n, ok = len(c.views), c.applying
        note = msg("web.review.nothing") if not ok else msg("web.review.all") if ok == n else \
            msg("web.review.some", ok=ok, n=n)
        return dict(draft=d, views=c.views, findings=d.findings, statuses=STATUSES, outcomes=OUTCOMES,
                    ops=OPS_SHOWN, wheres=WHERES, field_labels=FIELD_LABELS, scope_keys=cards.SCOPE_KEYS,
                    decision_fields=DECISION_FIELDS,
                    head={**{k: "" for k in DECISION_FIELDS}, **d.decision, **d.fields},
                    heading=msg("web.draft.heading", title=base.meta.title, version=d.base),
                    summary=msg("web.draft.summary", ok=ok, n=n) if n else msg("web.draft.none"),
                    review_note=note, has_redline=ok > 0, incomplete=bool(d.incomplete), decision=None,
                    missing_lines={n for n, _ in d.incomplete},
                    similar=lambda s: msg("web.card.similar", similarity=s or 0),
                    line_of=lambda line: msg("web.record.line", line=line))

    def draft_redline(self, req: Request) -> Response:
        d = self.drafts.get(req.query.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        base = jobs.version_program(self.root, d.program, d.base)
        html = review.redline_html(review.check(base, d)) or b""
        return Response(200, html, "text/html; charset=utf-8", {"Content-Security-Policy": REDLINE_CSP})

    def script(self, req: Request) -> Response:
        from .app import HERE

        return Response(200, (HERE / "static" / "cards.js").read_bytes(), "text/javascript; charset=utf-8")

    # ---------------------------------------------------------------- a card changed

    def card(self, req: Request) -> Response:
        d = self.drafts.get(req.form.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        n = req.form.get("n", "")
        form = {k: req.form.get(k, "") for k in cards.FORM_KEYS}
        try:
            with self.drafts.lock():
                self._change_card(d, n, form, req.form.get("do", "save"), req.form.get("was", ""))
        except _Stale as stale:
            return self._stale(req, d, form, stale.now)
        except AmendError as exc:
            return self._refused(req, d, n, form, exc)
        return self.draft_page(req, d)

    def _change_card(self, d: Draft, n: str, form: dict[str, str], do: str, was: str) -> None:
        amendments = _changed(d, n, form, do, was)
        twice = drafts.duplicate_ids(amendments)
        if twice:
            raise AmendError(msg("web.card.duplicate_id", id=twice[0]))
        drafts.assembled(drafts.Draft(d.id, d.program, d.base, d.fields, d.decision, amendments))  # the loader judges
        d.amendments, d.revision = amendments, d.revision + 1
        self.drafts.keep(d)

    def _refused(self, req: Request, d: Draft, n: str, form: dict[str, str], exc: AmendError) -> Response:
        if n == "new" or not n.isdigit() or int(n) >= len(d.amendments):
            return self.draft_page(req, d, 422, new_error=_whole(exc), blank=form)
        return self.draft_page(req, d, 422, errors={int(n): _whole(exc)}, forms={int(n): form})

    def _stale(self, req: Request, d: Draft, form: dict[str, str] | None, now: int | None) -> Response:
        """A save from a view of the card older than the card: nothing saved, both shown (the typed one in
        the form, whose Save then writes it over the card knowingly)."""
        if now is None:
            if form is None:  # a place picked on a card that is gone
                return self.draft_page(req, d, 409, error=_whole(AmendError(msg("web.draft.no_card", n="?"))))
            return self.draft_page(req, d, 409, new_error=str(msg("web.card.stale_removed")), blank=form)
        theirs = cards.to_form(d.amendments[now])
        form = form or theirs
        rows = [(k, form.get(k, ""), theirs.get(k, "")) for k in cards.FORM_KEYS
                if form.get(k, "").strip() != theirs.get(k, "").strip()]
        return self.draft_page(req, d, 409, errors={now: str(msg("web.card.stale"))}, forms={now: form},
                               stale={now: rows})

    def pick(self, req: Request) -> Response:
        """A candidate of an ambiguous card picked: the card gets the tightest scope naming that place."""
        d = self.drafts.get(req.form.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        n = req.form.get("n", "")
        try:
            with self.drafts.lock():
                _pick(jobs.version_program(self.root, d.program, d.base), d, n, req.form)
                self.drafts.keep(d)
        except _Stale as stale:  # nothing was typed: the card as it is now, its places to pick again
            return self._stale(req, d, None, stale.now)
        except AmendError as exc:
            return self._refused(req, d, n, _form_of(d, n), exc)
        return self.draft_page(req, d)

    def handled(self, req: Request) -> Response:
        """An instruction extract could not read, now handled by a card: the saved file no longer lists it
        as missing (the secretary says so; amend cannot tell)."""
        d = self.drafts.get(req.form.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        line = req.form.get("line", "")
        with self.drafts.lock():
            d.incomplete = [(n, text) for n, text in d.incomplete if str(n) != line]
            d.revision += 1
            self.drafts.keep(d)
        return self.draft_page(req, d)

    # ---------------------------------------------------------------- amend by pointing

    def point(self, req: Request) -> Response:
        f = req.form
        d = self.drafts.get(f.get("d", "")) or self._new_draft(f.get("id", ""), f.get("version", ""))
        base = jobs.version_program(self.root, d.program, d.base)
        try:
            if f.get("action", "") not in pointing.ACTIONS:
                raise AmendError(msg("web.point.bad_action", action=f.get("action", "")))
            target = _target(drafts.index_of(base), f)
            with self.drafts.lock():
                _add_pointed(base, d, f, target)
                self.drafts.keep(d)
        except AmendError as exc:
            return self.program_page(req, d=d, point_error=_whole(exc), status=422)
        return Response(303, b"", headers={"Location": _draft_link(req.lang, d, len(d.amendments) - 1)})

    def _new_draft(self, program_id: str, version: str) -> Draft:
        program, _, timeline = jobs.history(self.root, program_id)
        jobs.build(program, timeline, version)  # the version must be one the history builds
        return self.drafts.new(program.meta.id, version, {"outcome": "adopted"}, {})

    # ---------------------------------------------------------------- save the decision

    def save_draft(self, req: Request) -> Response:
        d = self.drafts.get(req.form.get("d", ""))
        if d is None:
            return self._message(req.lang, msg("web.draft.gone"), 404)
        with self.drafts.lock():
            d.fields.update({k: req.form[k].strip() for k in ("produces", "name", "outcome") if k in req.form})
            d.decision.update({k: req.form[k].strip() for k in ("body", "date", "paragraph", "case") if k in req.form})
            self.drafts.keep(d)
        try:
            path, complete = jobs.save_draft(self.root, jobs.version_program(self.root, d.program, d.base), d)
        except AmendError as exc:
            return self.draft_page(req, d, 422, error=_whole(exc), missing=jobs.missing_fields(d))
        rel = path.relative_to(self.root.resolve())
        said = msg("web.record.saved", file=rel) if complete else msg("guards.web_saved_incomplete", file=rel)
        return self.draft_page(req, d, saved=said)


FRAMING_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; "
               "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
REDLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"


def _lines_and_stale(d: Draft, checked: review.Checked, stale: dict[int, list[Any]]) -> None:
    """Each card's line in the minutes, and the rows of the card saved from an older view."""
    for v in checked.views:
        v.line = d.lines.get(str(v.data.get("id")))
    for n, rows in stale.items():
        checked.views[n].stale = rows


def _blank(d: Draft) -> dict[str, str]:
    return {**{k: "" for k in cards.FORM_KEYS}, "op": "insert", "where": "after"}


class _Stale(Exception):
    """A change sent from a view of a card that has changed since (another window); `now`: where that
    card is now, None when it is gone."""

    def __init__(self, now: int | None):
        self.now = now


def _changed(d: Draft, n: str, form: dict[str, str], do: str, was: str) -> list[dict[str, Any]]:
    """The draft's amendments with card n saved from `form`, removed (`do` "delete") or added (n "new")."""
    amendments = list(d.amendments)
    if n == "new":
        amendments.append(cards.from_form({**form, "id": form["id"].strip() or d.next_id()}))
    elif not n.isdigit():
        raise AmendError(msg("web.draft.no_card", n=n))
    elif do == "delete":
        del amendments[_seen(d, int(n), was, form)]
    else:
        amendments[_seen(d, int(n), was, form)] = cards.from_form(form)
    return amendments


def _seen(d: Draft, n: int, was: str, form: dict[str, str]) -> int:
    """Where the card is that the form's window saw (`was`, its fingerprint): at n, or moved when a card
    before it was added or removed elsewhere; _Stale when it has changed since. No `was`: card n."""
    prints = [cards.fingerprint(a) for a in d.amendments]
    if not was or (n < len(prints) and prints[n] == was):
        if n >= len(prints):
            raise AmendError(msg("web.draft.no_card", n=n))
        return n
    if was in prints:
        return prints.index(was)
    same = [i for i, a in enumerate(d.amendments) if a.get("id") == form.get("id", "").strip()]
    raise _Stale(same[0] if same else n if n < len(prints) else None)


def _form_of(d: Draft, n: str) -> dict[str, str]:
    """Card n's form as it is now ({} when there is no card n)."""
    return cards.to_form(d.amendments[int(n)]) if n.isdigit() and int(n) < len(d.amendments) else {}


def _pick(base: Program, d: Draft, n: str, form: dict[str, str]) -> None:
    if not n.isdigit():
        raise AmendError(msg("web.draft.no_card", n=n))
    i = _seen(d, int(n), form.get("was", ""), _form_of(d, n))
    n = str(i)
    data = d.amendments[i]
    ix = drafts.index_of(base)
    unit, start, end = (_int(form.get(k, "")) for k in ("unit", "start", "end"))
    target = pointing.Target(unit, start or 0, end or 0)
    picked = pointing.retarget(base, ix, data, target)
    d.amendments = [*d.amendments[:int(n)], picked, *d.amendments[int(n) + 1:]]
    d.revision += 1


def _add_pointed(base: Program, d: Draft, f: dict[str, str], target: pointing.Target) -> None:
    """The amendment the place pointed at and the action make, with its wording for the minutes (which
    the check then reads back against the amendment), added to the draft as its last card."""
    data = pointing.amendment(base, drafts.index_of(base), f.get("action", ""), target, f.get("new", ""),
                              d.next_id(), _level(f.get("level", "")))
    wording, _ = cards.wording(base, data)
    if wording:
        data = {**data, "text": wording}
    d.amendments, d.revision = [*d.amendments, data], d.revision + 1


def _target(ix: Any, f: dict[str, str]) -> pointing.Target:
    """The place pointed at: a heading (section), or a unit and the words in it (UTF-16 offsets from the
    browser's selection, or the words typed when the browser runs no script)."""
    if f.get("section", "").isdigit():
        return pointing.Target(section=int(f["section"]))
    unit = _int(f.get("unit", ""))
    if unit is None or not 0 <= unit < len(ix.units):
        raise AmendError(msg("web.point.no_place"))
    return pointing.Target(unit, *pointing.span_of(ix.units[unit].text, f))


def _int(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def _level(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def _draft_link(lang: str, d: Draft, n: int) -> str:
    q = {"d": d.id, **({"lang": lang} if lang != "sv" else {})}
    return f"/draft?{urllib.parse.urlencode(q)}#card-{n}"

