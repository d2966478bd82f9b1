"""A draft checked as a whole, as `amend check` checks a patch file: each card's status (conflicts
between cards included), and the live redline of what the cards that apply make (the core's HTML writer)."""
from __future__ import annotations

import dataclasses
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from ..errors import AmendError
from ..messages import Msg
from ..model import Patch, Program
from ..resolve import Index
from . import cards, drafts

T = TypeVar("T")
MADE_AT_ONCE = 8  # a first view makes what this many cards make and their wordings at once; more come next


@dataclass
class Checked:
    base: Program
    ix: Index
    patch: Patch | None  # None: the draft's data is not a valid patch (error says why)
    views: list[cards.View]
    adopted: Program | None = None  # every card applies: the version the decision makes
    error: Msg | str = ""

    @property
    def applying(self) -> int:
        return sum(v.status == "ok" for v in self.views)


def check(base: Program, d: drafts.Draft, errors: dict[int, str] | None = None,
          forms: dict[int, dict[str, str]] | None = None, soon: bool = False) -> Checked:
    """Every card of the draft with the core's verdict (`errors`/`forms`: see _refused). `soon`: a first view,
    shown at once: what cards make and say only where made already, if more than MADE_AT_ONCE are not."""
    from ..check import check_patch

    ix = drafts.index_of(base)
    patch = _assembled(d)
    if isinstance(patch, str):
        return Checked(base, ix, None, [], error=patch)
    results, adopted = check_patch(base, patch, index=ix) if patch.amendments else ((), None)
    soon = soon and sum(not _made(base, a, "wording") for a in d.amendments) > MADE_AT_ONCE
    views = [_view(base, ix, n, data, r, soon) for n, (data, r) in enumerate(zip(d.amendments, results))]
    _refused(views, errors or {}, forms or {})
    return Checked(base, ix, patch, views, adopted)


def _assembled(d: drafts.Draft) -> Patch | str:
    """The draft's patch, or why the loader refuses it."""
    try:
        return drafts.assembled(d)
    except AmendError as exc:
        return str(exc)


def _refused(views: list[cards.View], errors: dict[int, str], forms: dict[int, dict[str, str]]) -> None:
    """Each card whose change was refused shows the reason and what was typed."""
    for n, text in errors.items():
        if n < len(views):
            views[n].error, views[n].form = text, forms.get(n, views[n].form)


def _view(base: Program, ix: Index, n: int, data: dict[str, Any], result: Any, soon: bool = False) -> cards.View:
    from ..messages import render

    view = cards.View(n, data, cards.to_form(data), result.status, render(result.message) if result.message else "",
                      result.label, editable=cards.editable(data))
    _places(base, ix, view, result.status)
    if soon and not (_made(base, data, "wording") and (result.status != "ok" or _made(base, data, "preview"))):
        view.pending = True
    else:
        _made_and_said(base, ix, view, result.status)
    return view


def _places(base: Program, ix: Index, view: cards.View, status: str) -> None:
    """The places a card that does not apply could mean: where its words occur, or the closest passages."""
    data = view.data
    if status == "ambiguous":  # the places in the scope the minutes name
        view.candidates = _kept(base, data, "candidates",
                                lambda: cards.candidates(ix, data, within=cards.scope_spans(base, ix, data)))
    elif status == "out_of_scope":
        view.candidates = _kept(base, data, "candidates", lambda: cards.candidates(ix, data))
    if status in ("not_found", "fuzzy_only"):
        view.closest = _kept(base, data, "closest", lambda: cards.closest(ix, data))


def _made_and_said(base: Program, ix: Index, view: cards.View, status: str) -> None:
    """What the card makes (when it applies) and its wording for the minutes."""
    data = view.data
    if status == "ok":
        view.preview = _kept(base, data, "preview", lambda: cards.preview(base, ix, data))
    view.wording, view.wording_problem = _kept(base, data, "wording", lambda: cards.wording(base, data))


def _made(base: Program, data: dict[str, Any], what: str) -> bool:
    key = (id(base), what, json.dumps(data, sort_keys=True, ensure_ascii=False))
    with _KEPT_LOCK:
        kept = _KEPT.get(key)
    return kept is not None and kept[0] is base


_KEPT: OrderedDict[tuple[int, str, str], tuple[Program, Any]] = OrderedDict()
_KEPT_LOCK = threading.Lock()


def _kept(base: Program, data: dict[str, Any], what: str, make: Callable[[], T]) -> T:
    """What a card shows that depends on the card and its base only (its text, wording, candidates),
    made once: a change to one card then checks the whole patch again but remakes only that card's."""
    key = (id(base), what, json.dumps(data, sort_keys=True, ensure_ascii=False))
    with _KEPT_LOCK:
        kept = _KEPT.get(key)
        if kept is not None and kept[0] is base:
            return cast(T, kept[1])
    value = make()
    with _KEPT_LOCK:
        _KEPT[key] = (base, value)
        while len(_KEPT) > 4000:
            _KEPT.popitem(last=False)
    return value


def redline_html(c: Checked) -> bytes | None:
    """The redline (HTML, the core's writer) of the cards that apply; None when none does."""
    from ..apply import Step, apply_patch
    from ..redline import redline
    from ..render.redline_html import render_redline_html

    if c.patch is None:
        return None
    ok = {v.data.get("id") for v in c.views if v.status == "ok"}
    patch = dataclasses.replace(c.patch, amendments=tuple(a for a in c.patch.amendments if a.id in ok))
    if not patch.amendments:
        return None
    result, resolution = apply_patch(c.base, patch, index=c.ix)
    return render_redline_html(redline([Step(c.base, patch, resolution, result)]), [patch])
