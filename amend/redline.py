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

from .apply import Step
from .diff import DEL, INS, Change, Redline, diff_programs
from .layout import decision_line
from .resolve import Edit
from .tree import Path

T = TypeVar("T")
Words = tuple[str, str]  # (deleted text, inserted text) of one change
Edits = dict[Path, list[Edit]]


def redline(steps: Sequence[Step]) -> Redline:
    """The redline of amend.apply.apply_steps(...): first base against last result."""
    red = diff_programs(steps[0].base, steps[-1].result)
    if len(steps) == 1:
        _attribute(red, steps[0])
    else:
        per_step = [diff_programs(s.base, s.result) for s in steps]
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
            if e.kind == "text":
                ix.text[e.path].append(e)
                for n in range(1, len(e.path) + 1):
                    ix.inside[e.path[:n]].append(e)
            elif e.kind == "delete_block":
                p = e.container + (e.index,)
                ix.deleted[p].append(e)
                for n in range(1, len(p) + 1):
                    ix.under[p[:n]].append(e)
            elif e.kind == "insert_block":
                ix.inserted[e.container].append(e)
            elif e.kind == "replace_blocks":
                ix.replaced[e.container].append(e)
        return ix

    def related_deletes(self, q: Path | None) -> list[Edit]:
        """delete_block edits whose node is q, inside q or contains q."""
        if q is None:
            return []
        if not q:
            return sorted({id(e): e for es in self.under.values() for e in es}.values(), key=self._position)
        found = {id(e): e for n in range(1, len(q)) for e in self.deleted.get(q[:n], ())}
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
    if c.kind == "text":
        return _closest(ix.text.get(c.old or (), []), c.span, lambda e: (e.start, e.end)) or _covering(c.old, ix)
    if c.kind == "delete":
        return ix.related_deletes(c.old) or _rewritten((c.old,) if c.old is not None else (), ix.inside) \
            or _covering(c.old, ix)
    container, index = c.at or ((), 0)
    inserts = ix.inserted.get(container, [])
    here = [e for e in inserts if e.index == index]
    same = [e for e in (here or inserts) if e.new == c.node]
    return same or here or _rewritten(c.replaces, ix.inside) or _covering(container + (index,), ix)


def _rewritten(paths: Iterable[Path], inside: Edits) -> list[Edit]:
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


def _covering(path: Path | None, ix: _Edits) -> list[Edit]:
    """Edits that replaced the whole section the path is in."""
    if not path or path[0] == "h":
        return []
    return ix.replaced.get(path[:1], [])


# ---------------------------------------------------------------- several steps


def _index(red: Redline, side: str) -> dict[Path, list[Change]]:
    out: dict[Path, list[Change]] = defaultdict(list)
    for c in red.changes:
        path = getattr(c, side)
        if path is not None:
            out[path].append(c)
    return out


def _lookup(index: dict[Path, list[Change]], path: Path) -> list[Change]:
    """Changes at the path or at a node that contains it (a section added whole)."""
    if path[:1] == ("h",):
        return index.get(path, []) + index.get(path[1:], [])
    return [c for n in range(1, len(path) + 1) for c in index.get(path[:n], ())]


def _trace(red: Redline, per_step: list[Redline], steps: Sequence[Step]) -> None:
    olds = [_index(r, "old") for r in per_step]
    words = _words(red)
    step_words = [_words(r) for r in per_step]
    news = [_index(r, "new") for r in per_step]
    backs = [{v: k for k, v in r.matched.items()} for r in per_step]
    for c in red.changes:
        if c.what == "title":
            continue
        found: dict[int, list[Change]] = defaultdict(list)
        p: Path | None = c.old
        for k, r in enumerate(per_step):  # the old node forward, step by step
            if p is None:
                break
            found[k].extend(_lookup(olds[k], p))
            p = r.matched.get(p)
        q: Path | None = c.new
        for k in reversed(range(len(per_step))):  # the new node back
            if q is None:
                break
            found[k].extend(_lookup(news[k], q))
            q = backs[k].get(q)
        found = {k: v for k, v in found.items() if v}
        if c.kind == "text" and len(found) == 1:
            # only one step touched this text: its base text is the old text, so
            # the offsets agree and the change's own edit can be picked
            (k, candidates), = found.items()
            texts = [x for x in candidates if x.kind == "text"]
            if texts:
                found[k] = _closest(texts, c.span, lambda x: x.span)
        elif c.kind == "text":
            # several steps touched this text: keep the step changes whose words
            # are this change's words (what it deleted, or what it put in)
            mine = words.get(c.n, ("", ""))
            narrowed = {k: [x for x in v if x.kind != "text" or _same_words(step_words[k].get(x.n, ("", "")), mine)]
                        for k, v in found.items()}
            narrowed = {k: v for k, v in narrowed.items() if v}
            if narrowed:
                found = narrowed
        c.amendments = tuple(dict.fromkeys(a for k in sorted(found) for x in found[k] for a in x.amendments))
        if c.amendments:
            c.decision = steps[max(k for k in found if any(x.amendments for x in found[k]))].patch.decision
