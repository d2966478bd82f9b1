"""The redline of a decision: the original program against the final one, with
every change attributed to the amendment that made it.

The diff is computed on the programs alone (amend.diff); the attribution comes
from the resolved edits of each patch, whose paths and offsets are in the
base that patch was worded against. With one patch that base is the old side
of the diff, so a change is matched to its edit directly. With several patches
in a row, each step is diffed too and a change is traced through the steps'
matched paths to the step (or steps) that made it. Pure: no I/O.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .address import TOP, Address
from .apply import Step
from .diff import DEL, INS, Change, Redline, diff_programs
from .layout import decision_line
from .resolve import Edit
from .tree import Path

T = TypeVar("T")
Words = tuple[str, str]  # (deleted text, inserted text) of one change
Edits = dict[Path, list[Edit]]  # keyed by Address, looked up by its prefixes too


def redline(steps: Sequence[Step]) -> Redline:
    """The redline of amend.apply.apply_steps(...): first base against last result."""
    red = diff_programs(steps[0].before, steps[-1].result)
    if len(steps) == 1:
        _attribute(red, steps[0])
    else:
        per_step = [diff_programs(s.before, s.result) for s in steps]
        for r, s in zip(per_step, steps):
            _attribute(r, s)
        _trace(red, per_step, steps)
    red.default_decision = steps[-1].patch.decision
    _title_decisions(red, steps)
    for c in red.changes:
        c.decision = c.decision or red.default_decision
    return red


def _title_decisions(red: Redline, steps: Sequence[Step]) -> None:
    """A decision line added to the title block belongs to that decision, not the last."""
    language = steps[-1].result.meta.language
    lines = {decision_line(s.patch.decision, language): s.patch.decision for s in steps}
    words = _words(red)
    for c in red.changes:
        if c.what == "title" and c.n in words:
            c.decision = lines.get(words[c.n][1].strip(), c.decision)


def _words(red: Redline) -> dict[int, Words]:
    """change n -> (deleted text, inserted text), from the word segments."""
    out: dict[int, list[str]] = defaultdict(lambda: ["", ""])
    for segments in red.segments.values():
        for seg in segments:
            if seg.change is not None and seg.op in (DEL, INS):
                out[seg.change][seg.op == INS] += seg.text
    return {n: (d, i) for n, (d, i) in out.items()}


def _same_words(mine: Words, theirs: Words) -> bool:
    """Does a step's change share deleted or inserted words with the whole change?
    (Words of four letters or more, so that "och" or "i" do not tie them.)"""
    for a, b in zip(mine, theirs):
        a, b = a.strip(), b.strip()
        if a and b and (a in b or b in a or _long_words(a) & _long_words(b)):
            return True
    return False


def _long_words(text: str) -> set[str]:
    return set(re.findall(r"\w{4,}", text.lower()))


# ---------------------------------------------------------------- one step


@dataclass(frozen=True)
class _Edits:
    """A step's edits indexed by where they act, so that each change finds its
    edits in a few look-ups instead of a scan of all edits (the scan made the
    redline quadratic: 10,000 changes × 10,000 edits). Every list keeps the
    order of the edits."""

    text: Edits  # text edits by the unit they edit
    inside: Edits  # text edits by every node that contains their unit
    deleted: Edits  # delete_block edits by the path of the deleted node
    under: Edits  # delete_block edits by every node that contains (or is) the deleted node
    inserted: Edits  # insert_block edits by container
    replaced: Edits  # replace_blocks edits by section container
    order: dict[int, int]  # id(edit) -> its position among the step's edits

    @classmethod
    def of(cls, edits: Sequence[Edit]) -> _Edits:
        ix = cls(defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list),
                 defaultdict(list), {id(e): k for k, e in enumerate(edits)})
        for e in edits:
            ix._add(e)
        return ix

    def _add(self, e: Edit) -> None:
        if e.action == "text":
            self.text[e.path].append(e)
            for prefix in e.path.prefixes():
                self.inside[prefix].append(e)
        elif e.action == "delete_block":
            gone = e.container.child(e.index)
            self.deleted[gone].append(e)
            for prefix in gone.prefixes():
                self.under[prefix].append(e)
        elif e.action == "insert_block":
            self.inserted[e.container].append(e)
        elif e.action == "replace_blocks":
            self.replaced[e.container].append(e)

    def related_deletes(self, q: Address | None) -> list[Edit]:
        """delete_block edits whose node is q, inside q or contains q."""
        if q is None:
            return []
        if q.is_top:
            return sorted({id(e): e for es in self.under.values() for e in es}.values(), key=self._position)
        found = {id(e): e for above in q.prefixes() if above != q for e in self.deleted.get(above, ())}
        found.update((id(e), e) for e in self.under.get(q, ()))
        return sorted(found.values(), key=self._position)

    def _position(self, e: Edit) -> int:
        return self.order[id(e)]


def _attribute(red: Redline, step: Step) -> None:
    ix = _Edits.of(step.resolution.edits)
    for c in red.changes:
        found = _who(c, ix)
        c.amendments = tuple(dict.fromkeys(e.amendment for e in found))
        c.decision = step.patch.decision if found else None


def _who(c: Change, ix: _Edits) -> list[Edit]:
    """The edits that made change c (old-side paths are the step's base paths)."""
    if c.what == "title":
        return []  # version, status, date and decision lines: the decision itself
    if c.action == "text":
        return _closest(ix.text.get(c.old or TOP, []), c.span, lambda e: (e.start, e.end)) or _covering(c.old, ix)
    if c.action == "delete":
        return ix.related_deletes(c.old) or _rewritten((c.old,) if c.old is not None else (), ix.inside) \
            or _covering(c.old, ix)
    container, index = c.at or (TOP, 0)
    inserts = ix.inserted.get(container, [])
    here = [e for e in inserts if e.index == index]
    same = [e for e in (here or inserts) if e.new == c.node]
    return same or here or _rewritten(c.replaces, ix.inside) or _covering(container.child(index), ix)


def _rewritten(paths: Iterable[Address], inside: Edits) -> list[Edit]:
    """Text edits of old nodes that changed too much to be paired with their
    new text, which then shows as the old node deleted and a new one inserted."""
    return [e for p in paths for e in inside.get(p, ())]


def _closest(items: list[T], span: tuple[int, int], bounds: Callable[[T], tuple[int, int]]) -> list[T]:
    """The items whose text span (bounds(item) = (start, end)) is closest to the
    changed span [a, b); ties: all of them."""
    if not items:
        return []
    a, b = span
    distance = [max(0, bounds(x)[0] - b, a - bounds(x)[1]) for x in items]
    best = min(distance)
    return [x for x, d in zip(items, distance) if d == best]


def _covering(path: Address | None, ix: _Edits) -> list[Edit]:
    """Edits that replaced the whole section the path is in."""
    if path is None or path.is_heading or path.section_index is None:
        return []
    return ix.replaced.get(Address.section(path.section_index), [])


# ---------------------------------------------------------------- several steps


def _index(red: Redline, side: str) -> dict[Path, list[Change]]:
    out: dict[Path, list[Change]] = defaultdict(list)
    for c in red.changes:
        path = getattr(c, side)
        if path is not None:
            out[path].append(c)
    return out


def _lookup(index: dict[Path, list[Change]], steps: Path) -> list[Change]:
    """Changes at the path or at a node that contains it (a section added whole)."""
    path = Address(steps)
    if path.is_heading:
        return index.get(path, []) + index.get(path.parent, [])
    return [c for prefix in path.prefixes() for c in index.get(prefix, ())]


Found = dict[int, list[Change]]  # step k -> the changes of that step's own diff that made a change


@dataclass(frozen=True)
class _Trail:
    """The per-step diffs of a chain of patches, indexed to follow a node through the steps."""

    per_step: list[Redline]
    olds: list[dict[Path, list[Change]]]  # per step: its changes by old address
    news: list[dict[Path, list[Change]]]  # per step: its changes by new address
    backs: list[dict[Path, Path]]  # per step: new address -> old address
    words: list[dict[int, Words]]  # per step: its changes' words

    @classmethod
    def of(cls, per_step: list[Redline]) -> _Trail:
        return cls(per_step, [_index(r, "old") for r in per_step], [_index(r, "new") for r in per_step],
                   [{v: k for k, v in r.matched.items()} for r in per_step], [_words(r) for r in per_step])

    def touched(self, c: Change) -> Found:
        """The step changes at the change's old node, followed forward step by step,
        and at its new node, followed back."""
        found: Found = defaultdict(list)
        p: Path | None = c.old
        for k, r in enumerate(self.per_step):
            if p is None:
                break
            found[k].extend(_lookup(self.olds[k], p))
            p = r.matched.get(p)
        q: Path | None = c.new
        for k in reversed(range(len(self.per_step))):
            if q is None:
                break
            found[k].extend(_lookup(self.news[k], q))
            q = self.backs[k].get(q)
        return {k: v for k, v in found.items() if v}

    def narrowed(self, c: Change, found: Found, mine: Words) -> Found:
        """Of the step changes found for a text change, those that made it."""
        if len(found) == 1:
            # only one step touched this text: its base text is the old text, so
            # the offsets agree and the change's own edit can be picked
            (k, candidates), = found.items()
            texts = [x for x in candidates if x.action == "text"]
            return {k: _closest(texts, c.span, lambda x: x.span)} if texts else found
        # several steps touched this text: keep the step changes whose words
        # are this change's words (what it deleted, or what it put in)
        narrowed = {k: [x for x in v if x.action != "text" or _same_words(self.words[k].get(x.n, ("", "")), mine)]
                    for k, v in found.items()}
        return {k: v for k, v in narrowed.items() if v} or found


def _trace(red: Redline, per_step: list[Redline], steps: Sequence[Step]) -> None:
    trail, words = _Trail.of(per_step), _words(red)
    for c in red.changes:
        if c.what == "title":
            continue
        found = trail.touched(c)
        if c.action == "text":
            found = trail.narrowed(c, found, words.get(c.n, ("", "")))
        c.amendments = tuple(dict.fromkeys(a for k in sorted(found) for x in found[k] for a in x.amendments))
        if c.amendments:
            c.decision = steps[max(k for k in found if any(x.amendments for x in found[k]))].patch.decision
