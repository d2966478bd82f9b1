"""What a chain of applied steps did, read from their own edits: the redline's source.

apply resolves each patch into edits at exact places of its base (amend.resolve.Edit): a text
span replaced, a block or item inserted at an index, a child deleted, a section's blocks replaced.
The redline builder (build.py) asks this trail, instead of diffing, which old child became which
new one and which spans of a text changed, so that the redline marks what the amendments did and
nothing else. Where the edits do not say (a section's text replaced whole, or a list left empty
and pruned in a way this does not follow) it answers None and the builder diffs words there.

Addresses given to it are in the first base (old) and in the last result (new); it follows them
through the steps by each step's index shifts. Pure: no I/O.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..address import TOP, Address
from ..model import Columns, ListBlock, Paragraph, Section
from ..tree import get_in
from .words import DEL, INS, SAME, word_diff

Tag = tuple[tuple[int, Any], ...]  # (step k, edit) of every edit that made a change
Piece = tuple[str, str, Tag]  # (op, text, who): a segment of a text before it is numbered
Pair = tuple[int | None, int | None]


def _is_container(prefix: tuple[Any, ...]) -> bool:
    """Is the next step of an address after `prefix` a child index of the container `prefix`?"""
    if not prefix:
        return True
    if len(prefix) == 1:
        return isinstance(prefix[0], int)  # the blocks of a section
    return prefix[-1] == "item" or prefix[-2] == "col" or (len(prefix) >= 3 and prefix[-3] == "row")


@dataclass
class _Shifts:
    """One container's structural edits in one step: deleted and inserted indexes (sorted)."""

    deleted: dict[int, Tag] = field(default_factory=dict)
    inserts: list[tuple[int, Any]] = field(default_factory=list)  # (base index, edit), file order
    replaced: Any = None  # the replace_blocks edit, when the container's blocks were replaced whole

    def index(self) -> tuple[list[int], list[int]]:
        return sorted(self.deleted), sorted(i for i, _ in self.inserts)

    def image(self, i: int, sorted_: tuple[list[int], list[int]]) -> int | None:
        """Where old child i is in the step's result (None: gone)."""
        if i in self.deleted or self.replaced is not None:
            return None
        dels, ins = sorted_
        return i - bisect_left(dels, i) + bisect_right(ins, i)

    def born(self, sorted_: tuple[list[int], list[int]]) -> list[tuple[int, Any]]:
        """(index in the result, edit) of each child the step inserted."""
        dels, ins = sorted_
        seen: dict[int, int] = defaultdict(int)
        out = []
        for x, e in self.inserts:
            out.append((x - bisect_left(dels, x) + bisect_left(ins, x) + seen[x], e))
            seen[x] += 1
        return out


class _Step:
    """One step's edits by the base address they act on."""

    def __init__(self, k: int, step: Any):
        self.k, self.step = k, step
        self.text: dict[Address, list[Any]] = defaultdict(list)
        self.shifts: dict[Address, _Shifts] = defaultdict(_Shifts)
        self._sorted: dict[Address, tuple[list[int], list[int]]] = {}
        for e in step.resolution.edits:
            self._add(e)
        self._pruned()
        # the sections holding a container this step shifted: in any other, only the section may move
        self._touched = {owner[0] for owner in self.shifts if owner}

    def _add(self, e: Any) -> None:
        if e.action == "text":
            self.text[e.path].append(e)
        elif e.action == "insert_block":
            self.shifts[e.container.owner].inserts.append((e.index, e))
        elif e.action == "delete_block":
            self.shifts[e.container.owner].deleted[e.index] = ((self.k, e),)
        elif e.action == "replace_blocks":
            self.shifts[e.container].replaced = e

    def _pruned(self) -> None:
        """A list whose every item was deleted is dropped by apply: its block is deleted too."""
        for owner, s in list(self.shifts.items()):
            node = get_in(self.step.before.sections, owner) if not owner.is_top else None
            if isinstance(node, ListBlock) and not s.inserts and len(s.deleted) == len(node.items):
                why = tuple(t for tag in s.deleted.values() for t in tag)
                self.shifts[owner.container].deleted.setdefault(owner.position, why)

    def sorted_(self, container: Address) -> tuple[list[int], list[int]]:
        if container not in self._sorted:
            self._sorted[container] = self.shifts[container].index()
        return self._sorted[container]

    def forward(self, a: Address) -> Address | None:
        """The address in the step's result of the node at `a` in its base (None: gone)."""
        if a and a[0] == "h":
            section = self.forward(Address(a[1:]))
            return None if section is None else Address(("h", *section))
        if a and a[0] not in self._touched:
            return self._section_moved(a)
        return self._stepwise(a)

    def _stepwise(self, a: Address) -> Address | None:
        """`forward`, each step of `a` moved by the shifts of the container it counts in."""
        out: list[Any] = []
        for p, step in enumerate(a):
            if isinstance(step, int) and _is_container(a[:p]):  # the owner only where a step counts
                prefix = Address(a[:p]).owner if p else TOP
                if prefix in self.shifts:
                    moved = self.shifts[prefix].image(step, self.sorted_(prefix))
                    if moved is None:
                        return None
                    out.append(moved)
                    continue
            out.append(step)
        return Address(out)


    def _section_moved(self, a: Address) -> Address | None:
        """`forward` of an address in a section none of whose containers this step shifted."""
        first = a[0]
        if not isinstance(first, int) or TOP not in self.shifts:
            return Address(a)
        moved = self.shifts[TOP].image(first, self.sorted_(TOP))
        return None if moved is None else Address((moved, *a[1:]))


class Trail:
    """The steps of a chain, indexed (see the module docstring)."""

    def __init__(self, steps: Sequence[Any]):
        self.steps = [_Step(k, s) for k, s in enumerate(steps)]
        self._chains: dict[Address, list[Address | None]] = {}  # the builder asks again for the same place

    def decision(self, tag: Tag) -> Any:
        return self.steps[max(k for k, _ in tag)].step.patch.decision if tag else None

    def chain(self, a: Address) -> list[Address | None]:
        """The address in each step's base of the old node at `a`, then in the last result (kept: read only)."""
        if a not in self._chains:
            out: list[Address | None] = [a]
            for s in self.steps:
                prev = out[-1]
                out.append(None if prev is None else s.forward(prev))
            self._chains[a] = out
        return self._chains[a]

    # ------------------------------------------------------------ children

    def pairs(self, container: Address, old: int, new: int) -> tuple[list[Pair], dict[Pair, Tag]] | None:
        """Old child i paired with new child j, deleted (i, None) or inserted (None, j), in the
        order a reader meets them, and who deleted or inserted each; None where the edits do not
        say (a container replaced whole, or an answer that does not add up)."""
        rows: list[list[Any]] = [[i, i, None] for i in range(old)]  # [old index, current index, who]
        here: Address | None = container
        for s in self.steps:
            if here is None:
                return None
            shifts = s.shifts.get(here)
            if shifts is not None:
                if shifts.replaced is not None:
                    return None
                rows = self._step_rows(s, shifts, here, rows)
            here = s.forward(here) if not here.is_top else here
        return _checked(rows, old, new)

    def _step_rows(self, s: _Step, shifts: _Shifts, here: Address, rows: list[list[Any]]) -> list[list[Any]]:
        order = s.sorted_(here)
        alive = [r for r in rows if r[1] is not None]
        for r in alive:
            moved = shifts.image(r[1], order)
            if moved is None:
                r[2] = shifts.deleted[r[1]]
            r[1] = moved
        rows = [r for r in rows if r[1] is not None or r[0] is not None]  # a child added, then deleted: gone
        for j, e in sorted(shifts.born(order), key=lambda b: b[0]):
            at = next((n for n, r in enumerate(rows) if r[1] is not None and r[1] >= j), len(rows))
            rows.insert(at, [None, j, ((s.k, e),)])
        return rows

    # ------------------------------------------------------------ texts

    def text(self, old_at: Address, old: str, new: str) -> list[Piece] | None:
        """The pieces of a text from `old` to `new` as its edits made them (None: no edit says)."""
        pieces: list[Piece] = [(SAME, old, ())] if old else []
        current, found = old, False
        chain = self.chain(old_at)
        for s, a, after in zip(self.steps, chain, chain[1:]):  # after: a in the step's result
            if a is None:
                return None
            edits = s.text.get(a)
            if not edits:
                continue
            result = _unit_text(s.step.result.sections, after) if after is not None else None
            made = None if result is None else local_diff(current, result, [(s.k, e) for e in edits])
            if made is None or result is None:
                return None
            pieces, current, found = compose(pieces, made), result, True
        pieces = _restored(pieces)
        return pieces if found and current == new and _sides(pieces) == (old, new) else None

    def covering(self, old_at: Address | None) -> Tag:
        """Who changed the place at `old_at` when the edits do not say how: its section's
        blocks replaced whole, or edits of its text."""
        if old_at is None:
            return ()
        out: list[tuple[int, Any]] = []
        for s, a in zip(self.steps, self.chain(old_at)):
            if a is None:
                break
            section = a.section_index
            if section is not None and s.shifts.get(Address.section(section), _NONE).replaced is not None:
                out.append((s.k, s.shifts[Address.section(section)].replaced))
            out.extend((s.k, e) for e in s.text.get(a, ()))
        return tuple(out)


_NONE = _Shifts()


def _unit_text(sections: Sequence[Section], a: Address) -> str | None:
    """The text of the paragraph, item or heading at `a` (None: some other node)."""
    if a[-1:] == ("heading",):  # a column's heading
        columns = get_in(sections, Address(a[:-3]))
        c = a[-2]
        return columns.columns[c].heading if isinstance(columns, Columns) and isinstance(c, int) else None
    node = get_in(sections, Address(a[1:]) if a.is_heading else a)
    if isinstance(node, str):
        return node
    if a.is_heading:
        return node.heading if isinstance(node, Section) else None
    return node.text if isinstance(node, Paragraph) else None


def _checked(rows: list[list[Any]], old: int, new: int) -> tuple[list[Pair], dict[Pair, Tag]] | None:
    pairs: list[Pair] = [(r[0], r[1]) for r in rows]
    if [i for i, _ in pairs if i is not None] != list(range(old)) or \
            [j for _, j in pairs if j is not None] != list(range(new)):
        return None
    return pairs, {(r[0], r[1]): r[2] for r in rows if r[2]}


def _restored(pieces: list[Piece]) -> list[Piece]:
    """Each run of changed pieces whose deleted text is its inserted text (a word one decision
    replaced and a later one put back) kept as it was: nothing changed there (review 7, M1)."""
    out: list[Piece] = []
    run: list[Piece] = []
    for piece in [*pieces, (SAME, "", ())]:
        if piece[0] != SAME:
            run.append(piece)
            continue
        gone, made = _sides(run)
        out += [(SAME, "".join(t for op, t, _ in run if op == DEL), ())] if run and gone == made else run
        out.append(piece)
        run = []
    return [p for p in out if p[1]]


def _sides(pieces: list[Piece]) -> tuple[str, str]:
    return "".join(t for op, t, _ in pieces if op != INS), "".join(t for op, t, _ in pieces if op != DEL)


# ---------------------------------------------------------------- one step's text edits


_LOOSE = " \t\n.,;:!?"  # what joining may respace or merge at an edit's edges (amend.text.joining)


def local_diff(old: str, new: str, edits: list[tuple[int, Any]]) -> list[Piece] | None:
    """The pieces of one step's text edits: the text between the edited spans is kept as it
    is (found again in `new`), and only each edited span, with the spacing and punctuation
    around it that joining may change, is diffed word by word. None: a kept part is not found."""
    out: list[Piece] = []
    o = n = 0  # where the last kept part ends, in old and in new
    for k, ((a, b), tag) in enumerate(_spans(old, edits)):
        at = _found(old[a:b], new, n, last=b == len(old), first=k == 0)
        if at is None:
            return None
        out += [(op, t, tag if op != SAME else ()) for op, t in word_diff(old[o:a], new[n:at])]
        out += [(SAME, old[a:b], ())] if a < b else []
        o, n = b, at + b - a
    return out


def _found(part: str, new: str, after: int, last: bool, first: bool) -> int | None:
    """Where a kept part is in the new text: at its start (the first part), at its end (the
    last), else the next place after `after`."""
    if first:
        return 0 if new.startswith(part) else None
    if last:
        at = len(new) - len(part)
        return at if at >= after and new.endswith(part) else None
    at = new.find(part, after) if part else after
    return at if at >= 0 else None


def _spans(old: str, edits: list[tuple[int, Any]]) -> list[tuple[tuple[int, int], Tag]]:
    """The kept parts [a, b) of `old` around the edited spans, each with who edited the span
    before it (the first part: nobody). Spans with nothing but spacing and punctuation
    between them are one span; a kept part leaves out the spacing and punctuation next to
    a span, which joining may change."""
    groups: list[list[Any]] = []  # [start, end, tag]
    for k, e in sorted(edits, key=lambda ke: (ke[1].start, ke[1].end)):
        if groups and not old[groups[-1][1]:e.start].strip(_LOOSE):
            groups[-1][1] = max(groups[-1][1], e.end)
            groups[-1][2] += ((k, e),)
        else:
            groups.append([e.start, e.end, ((k, e),)])
    head = old[:groups[0][0]].rstrip(_LOOSE)
    out: list[tuple[tuple[int, int], Tag]] = [((0, len(head)), ())]
    ends = [g[0] for g in groups[1:]] + [len(old)]
    for (_, end, tag), stop in zip(groups, ends):
        part = old[end:stop]
        lead = len(part) - len(part.lstrip(_LOOSE))
        trail = len(part.rstrip(_LOOSE)) if stop < len(old) else len(part)
        out.append(((end + lead, max(end + lead, end + trail)), tag))
    return out


def compose(pieces: list[Piece], step: list[Piece]) -> list[Piece]:
    """The pieces from the first text to a step's result: `pieces` (first text to the step's
    base) followed by `step` (base to result). Text a step deletes that an earlier step had
    inserted is gone from both sides; text it deletes of the first text is deleted."""
    queue = list(reversed(pieces))
    out: list[Piece] = []
    for op, text, tag in step:
        if op == INS:
            out.append((op, text, tag))
            continue
        need = len(text)
        while need:
            q_op, q_text, q_tag = queue.pop()
            if q_op == DEL:
                out.append((q_op, q_text, q_tag))
                continue
            take, rest = q_text[:need], q_text[need:]
            if rest:
                queue.append((q_op, rest, q_tag))
            need -= len(take)
            if op == SAME:
                out.append((q_op, take, q_tag))
            elif q_op == SAME:
                out.append((DEL, take, tag))
    out.extend(reversed(queue))  # deletions after the last kept character
    return [p for p in out if p[1]]
