"""A decision being drafted in the workbench: its amendments as cards, each checked by the core.

A draft holds the patch's data (what the file will say, never YAML the secretary writes). Every change
makes the patch text again and loads it as `amend apply` loads a file (YAML, schema, model), so each
card's status is the core's verdict on exactly what would be saved. Drafts live in memory and, after
every change, in a small file of the repository's state folder (`store`), so a restart of `amend serve`
finds them again.
"""
from __future__ import annotations

import dataclasses
import json
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import yaml

from ..errors import AmendError
from ..model import Patch, Program
from ..resolve import Edit, Index
from .store import Store

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when there: the same data, faster
K = TypeVar("K")
V = TypeVar("V")
MAX_DRAFTS = 200  # the oldest is forgotten beyond this
DRAFT_VERSION = "utkast"  # `produces:` while the secretary has not named the version yet
DRAFT_DECISION = {"body": "utkast", "date": "2000-01-01"}  # only while checking: saving needs the real one


@dataclass(frozen=True)
class Card:
    """One amendment or finding as the secretary sees it."""

    status: str
    title: str
    text: str
    message: str
    line: int | None


@dataclass
class Draft:
    """One decision being drafted: the patch's head and decision, and its amendments (patch data)."""

    id: str
    program: str
    base: str
    fields: dict[str, str]  # produces, name, outcome: as the form shows them
    decision: dict[str, Any]  # the patch's decision: body, date, paragraph, case, proposes_to, …
    amendments: list[dict[str, Any]] = field(default_factory=list)
    incomplete: list[tuple[int, str]] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)  # what extract said beside the amendments (Card)
    comments: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)  # amendment id -> its line in the minutes
    revision: int = 0

    def data(self, placeholders: bool = True) -> dict[str, Any]:
        """The patch file's data; with placeholders where the secretary has not filled in the decision yet."""
        decision = {k: v for k, v in self.decision.items() if v not in (None, "")}
        if placeholders:
            decision = {**DRAFT_DECISION, **decision}
        return {**self._head(placeholders), "decision": decision, "amendments": list(self.amendments)}

    def _head(self, placeholders: bool) -> dict[str, Any]:
        """The patch's head: program, base and produces; its outcome and incomplete lines when it has them."""
        out: dict[str, Any] = {"program": self.program, "base": self.base,
                               "produces": self.fields.get("produces") or (DRAFT_VERSION if placeholders else "")}
        if self.fields.get("outcome", "adopted") != "adopted":
            out["outcome"] = self.fields["outcome"]
        if self.incomplete:
            out["incomplete"] = [{"line": line, "text": text} for line, text in self.incomplete]
        return out

    def next_id(self, stem: str = "andring") -> str:
        taken = {a.get("id") for a in self.amendments}
        return next(f"{stem}-{n}" for n in range(1, len(taken) + 2) if f"{stem}-{n}" not in taken)


class Drafts:
    """The drafts of one workbench, by a random id (never guessable, never a path), kept in `store` too."""

    def __init__(self, store: Store | None = None) -> None:
        self._drafts: OrderedDict[str, Draft] = OrderedDict()
        self._lock = threading.Lock()
        self._store = store
        if store is not None:
            self._load(store)

    def _load(self, store: Store) -> None:
        for ident, data in store.load("decision"):
            d = _draft_of(ident, data)
            if d is None:
                store.skip("decision", ident)
            else:
                self._drafts[d.id] = d

    def new(self, program: str, base: str, fields: dict[str, str], decision: dict[str, Any], **rest: Any) -> Draft:
        d = Draft(secrets.token_hex(8), program, base, dict(fields), dict(decision), **rest)
        with self._lock:
            self._drafts[d.id] = d
            while len(self._drafts) > MAX_DRAFTS:
                self._forget(self._drafts.popitem(last=False)[0])
            self.keep(d)
        return d

    def get(self, ident: str) -> Draft | None:
        with self._lock:
            return self._drafts.get(ident)

    def lock(self) -> threading.Lock:
        return self._lock

    def keep(self, d: Draft) -> None:
        """Write the draft as it is now (called after each change, with the lock held)."""
        if self._store is not None:
            self._store.save("decision", d.id, _data_of(d))

    def _forget(self, ident: str) -> None:
        if self._store is not None:
            self._store.remove("decision", ident)


def _data_of(d: Draft) -> dict[str, Any]:
    data = dataclasses.asdict(d)
    return {**data, "incomplete": [list(x) for x in d.incomplete], "comments": list(d.comments)}


def _draft_of(ident: str, data: dict[str, Any]) -> Draft | None:
    """A draft from its file's data, or None when the data is not one (a foreign or damaged file)."""
    try:
        d = Draft(ident, _str(data["program"]), _str(data["base"]), _strs(data["fields"]), dict(data["decision"]),
                  [dict(a) for a in data["amendments"]], [(int(n), _str(t)) for n, t in data["incomplete"]],
                  [_card_of(c) for c in data["findings"]],
                  tuple(_str(c) for c in data["comments"]), {_str(k): int(v) for k, v in data["lines"].items()},
                  int(data["revision"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return d if data.get("id") == ident else None


def _card_of(c: dict[str, Any]) -> Card:
    return Card(_str(c["status"]), _str(c["title"]), _str(c["text"]), _str(c["message"]),
                None if c["line"] is None else int(c["line"]))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _strs(value: Any) -> dict[str, str]:
    return {_str(k): _str(v) for k, v in dict(value).items()}


# ---------------------------------------------------------------- the patch as `amend apply` loads it


def patch_of(data: dict[str, Any], name: str = "utkast.yaml") -> Patch:
    """Patch data → YAML → the model, through the loader every command uses (schema checks included)."""
    return loaded(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100_000), name)


def assembled(d: Draft) -> Patch:
    """The draft's patch for checking while the secretary works: its head and each amendment loaded
    through the loader (schema and model) on their own, each made once. Saving loads the whole file's
    text again and refuses unless it makes the same version (jobs.save_draft)."""
    head = _loaded_once(json.dumps({**d.data(), "amendments": []}, sort_keys=True, ensure_ascii=False))
    _load_together(d.program, d.base, d.amendments)
    amendments = tuple(amendment_of(d.program, d.base, a) for a in d.amendments)
    return dataclasses.replace(head, amendments=amendments)


def amendment_of(program: str, version: str, data: dict[str, Any]) -> Any:
    """One amendment as the loader makes it (model.Amendment), made once for the same data."""
    return _loaded_once(_key(program, version, data)).amendments[0]


def _key(program: str, version: str, data: dict[str, Any]) -> str:
    """The text a card is kept by: the patch of that one amendment, as JSON."""
    head = {"program": program, "base": version, "produces": DRAFT_VERSION, "decision": DRAFT_DECISION}
    return json.dumps({**head, "amendments": [data]}, sort_keys=True, ensure_ascii=False)


_LOADED: OrderedDict[str, Patch] = OrderedDict()
_LOADED_LOCK = threading.Lock()
MAX_LOADED = 4096


def _loaded_once(key: str) -> Patch:
    with _LOADED_LOCK:
        kept = _LOADED.get(key)
    if kept is None:
        kept = _keep(key, patch_of(json.loads(key)))
    return kept


def _keep(key: str, patch: Patch) -> Patch:
    return _kept(_LOADED, _LOADED_LOCK, key, patch, MAX_LOADED)


def _kept(cache: OrderedDict[K, V], lock: threading.Lock, key: K, value: V, limit: int) -> V:
    """`value` kept in `cache` under `key`, the oldest forgotten beyond `limit`."""
    with lock:
        cache[key] = value
        while len(cache) > limit:
            cache.popitem(last=False)
    return value


def _load_together(program: str, version: str, amendments: list[dict[str, Any]]) -> None:
    """The cards not loaded yet, through the loader in one file (a draft's first view: one pass of the
    schema, not one per card), each then kept as if loaded alone. When one of them is refused they are
    left to be loaded one by one, so that the error names its card."""
    new = _not_loaded(program, version, amendments)
    if len(new) < 2:
        return
    head = json.loads(next(iter(new)))
    try:
        together = patch_of({**head, "amendments": list(new.values())})
    except AmendError:
        return
    for k, am in zip(new, together.amendments):
        _keep(k, dataclasses.replace(together, amendments=(am,)))


def _not_loaded(program: str, version: str, amendments: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    keys = [_key(program, version, a) for a in amendments]
    with _LOADED_LOCK:
        return {k: a for k, a in zip(keys, amendments) if k not in _LOADED}


def duplicate_ids(amendments: list[dict[str, Any]]) -> list[str]:
    seen: set[str] = set()
    return [str(a.get("id")) for a in amendments if a.get("id") in seen or seen.add(str(a.get("id")))]  # type: ignore[func-returns-value]


def patch_text(patch: Patch, comments: tuple[str, ...] = ()) -> str:
    """The file as saved: the writer `amend extract` uses."""
    from ..dump import dump_patch

    return dump_patch(patch, comments=comments)


def loaded(text: str, name: str) -> Patch:
    """A saved file's text loaded back, as `amend apply` would load it."""
    from ..load import parse_yaml, patch_from_data, validate

    parsed, lines = parse_yaml(text, name)
    validate(parsed, lines, "patch", name)
    return patch_from_data(cast(dict, parsed), lines, name)


def single(base: Program, data: dict[str, Any]) -> Patch:
    """A patch of one amendment against `base`, to try a card or a candidate on its own."""
    return _loaded_once(_key(base.meta.id, base.meta.version, data))


def edits_of(base: Program, ix: Index, data: dict[str, Any]) -> list[Edit]:
    """The core's edits for one amendment, or none when it does not resolve (or is not valid)."""
    from ..resolve import resolve_all

    try:
        result = resolve_all(base, single(base, data), index=ix)
    except AmendError:
        return []
    return [] if result.failures else result.edits


def adopted_of(base: Program, ix: Index, data: dict[str, Any]) -> Program | None:
    """The program one amendment makes, as `amend check` verifies it (None when it does not apply)."""
    from ..check import check_patch

    try:
        return check_patch(base, single(base, data), index=ix)[1]
    except AmendError:
        return None


_INDEXES: OrderedDict[int, tuple[Program, Index]] = OrderedDict()
_INDEX_LOCK = threading.Lock()


def index_of(program: Program) -> Index:
    """The core's index of a base version, built once (the versions the workbench builds are cached)."""
    ix = _index_kept(program)
    if ix is None:
        ix = _kept(_INDEXES, _INDEX_LOCK, id(program), (program, Index(program)), 16)[1]
    return ix


def _index_kept(program: Program) -> Index | None:
    """The index kept for this very program (not another at the same address), if any."""
    with _INDEX_LOCK:
        kept = _INDEXES.get(id(program))
    return kept[1] if kept is not None and kept[0] is program else None
