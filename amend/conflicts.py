"""Conflicts between resolved edits: two amendments clash when one changes what
the other changes or quotes (regions overlap).

Pure: no I/O. Checked before anything is applied, in O(n log n + pairs found).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .address import Address
from .errors import Conflict
from .messages import Msg, msg
from .model import Amendment
from .resolve import Edit, Region


def _group(address: Address) -> int | None:
    """Regions that can overlap share a group: the section they are in."""
    return address.section_index


def _overlap(a: Region, b: Region) -> bool:
    """Do two regions (path, span) overlap? span None covers the whole subtree;
    a (p, p) span is a point, which only clashes when strictly inside a span."""
    (pa, sa), (pb, sb) = a, b
    if not pa.related(pb):
        return False
    if sa is None or sb is None:  # the one of the shorter path covers the other only if it is the whole
        return (sa is None and pa.depth <= pb.depth) or (sb is None and pb.depth <= pa.depth)
    return pa == pb and _spans_overlap(sa, sb)


def _spans_overlap(sa: tuple[int, int], sb: tuple[int, int]) -> bool:
    (a0, a1), (b0, b1) = sa, sb
    if a0 == a1 and b0 == b1:
        return False  # two insertions at one point: file order decides
    if a0 == a1:
        return b0 < a0 < b1
    if b0 == b1:
        return a0 < b0 < a1
    return a0 < b1 and b0 < a1


def find_conflicts(edits: list[Edit]) -> list[Conflict]:
    return [conflict_between(first, second) for first, second in conflicting_pairs(edits)]


def conflicting_pairs(edits: list[Edit]) -> list[tuple[Amendment, Amendment]]:
    """Pairs of amendments where one changes what the other changes or quotes, or that
    insert the same words at one place (apply and check see the same pairs)."""
    pairs = overlapping_pairs(edits)
    return pairs + _same_insertions(edits, {frozenset((id(a), id(b))) for a, b in pairs})


def overlapping_pairs(edits: list[Edit]) -> list[tuple[Amendment, Amendment]]:
    """(first, second) amendments, in the order of `edits`, whose edits overlap.

    Amendments are told apart by identity, not id, so that the edits of
    competing patches (whose ids may repeat) can be compared too.
    """
    order: dict[int, int] = {}
    for e in edits:
        order.setdefault(id(e.amendment), len(order))
    seen: set[frozenset[int]] = set()
    return [pair for members in _groups(edits) for pair in _clashes_in(members, order, seen)]


def _groups(edits: list[Edit]) -> list[list[Edit]]:
    """The edits of each group (_group), each once, in the order of `edits`."""
    groups: dict[int | None, list[Edit]] = defaultdict(list)
    for e in edits:
        for region in e.writes + e.reads:
            groups[_group(region[0])].append(e)
    return [list(dict.fromkeys(members)) for members in groups.values()]


def _clashes_in(members: list[Edit], order: dict[int, int],
                seen: set[frozenset[int]]) -> list[tuple[Amendment, Amendment]]:
    """The pairs of one group's amendments whose edits clash, the first in `order` first; a pair once
    over all groups (`seen`)."""
    pairs: list[tuple[Amendment, Amendment]] = []
    for x, y in ((members[i], members[j]) for i, j in _candidate_pairs(members)):
        key = frozenset((id(x.amendment), id(y.amendment)))
        if x.amendment is not y.amendment and key not in seen and _clash(x, y):
            seen.add(key)
            first, second = sorted((x.amendment, y.amendment), key=lambda a: order[id(a)])
            pairs.append((first, second))
    return pairs


def _clash(x: Edit, y: Edit) -> bool:
    """Does one of the two edits write where the other writes or reads?"""
    return any(_overlap(w, r) for w in x.writes for r in y.writes + y.reads) or \
        any(_overlap(w, r) for w in y.writes for r in x.reads)


def _same_insertions(edits: list[Edit], seen: set[frozenset[int]]) -> list[tuple[Amendment, Amendment]]:
    """Two amendments that insert the same words at the same place: file order would write
    them twice ("polisen och tullen och tullen"); the minutes said it once (review 5)."""
    first: dict[tuple[Any, ...], Amendment] = {}
    pairs = []
    for e in edits:
        if e.action != "text" or e.start != e.end or not isinstance(e.new, str) or not e.new:
            continue
        earlier = first.setdefault((e.path, e.start, e.new), e.amendment)
        key = frozenset((id(earlier), id(e.amendment)))
        if earlier is not e.amendment and key not in seen:
            seen.add(key)
            pairs.append((earlier, e.amendment))
    return pairs


def conflict_between(amendment: Amendment, other: Amendment) -> Conflict:
    """The conflict error of `amendment`, naming the `other` one it overlaps."""
    return Conflict(_conflict_message(amendment, other), source=amendment.source, amendment=amendment.label,
                    amendment_id=amendment.id, other=other.id)


def _conflict_message(amendment: Amendment, other: Amendment) -> Msg:
    """Why the two overlap. An add_item that counts its position clashes with any other item added to
    or removed from its list (items hold no lists, so no other clash is possible between the two): said
    as such, since it changes no text a secretary could see overlap (review 7 M2)."""
    where = dict(other=other.label, line=other.source.line)
    if _counts(amendment) and (change := _list_change(other)):
        return msg("core.conflict_counted", position=amendment.position, change=change, **where)
    if _counts(other) and (change := _list_change(amendment)):
        return msg("core.conflict_counted_by", position=other.position, change=change, **where)
    return msg("core.conflict", **where)


def _counts(am: Amendment) -> bool:
    return am.op == "add_item" and am.position is not None


def _list_change(am: Amendment) -> Msg | None:
    if am.op == "delete_item":
        return msg("core.list_change_removes", item=am.value)
    return msg("core.list_change_adds", item=am.value) if am.op == "add_item" else None


def _candidate_pairs(members: list[Edit]) -> list[tuple[int, int]]:
    """The pairs (i < j, in order) of one group whose regions overlap, one of
    them a write: exactly the pairs `_overlap` finds, in O(n log n + pairs found)
    rather than by trying every pair (thousands of insertions at one point
    would be millions of pairs)."""
    ix = _Regions.of(members)
    pairs: set[tuple[int, int]] = set()
    for spanned in ix.spans.values():
        _sweep(spanned, pairs)
    for key, n, is_write in ix.wholes:
        _pair_below(key, n, ix.below_all if is_write else ix.below_writes, pairs)  # two reads never clash
    return sorted(pairs)


def _pair_below(key: Key, n: int, under: list[tuple[Key, int]], pairs: set[tuple[int, int]]) -> None:
    """Pair member n's whole subtree at `key` with each region of `under` on or below it (they sort right after it)."""
    for k in range(bisect_left(under, (key,)), len(under)):
        other_key, m = under[k]
        if other_key[:len(key)] != key:
            break
        _pair(pairs, n, m)


def _pair(pairs: set[tuple[int, int]], n: int, m: int) -> None:
    """Pair members n and m (never one with itself), the lower first."""
    if m != n:
        pairs.add((min(n, m), max(n, m)))


@dataclass(frozen=True)
class _Regions:
    """The regions of one group's members, indexed for `_candidate_pairs`. Regions with a span
    overlap only on the same path: each path is swept once over its span ends. A whole subtree
    (span None) overlaps every region on or below its path: those sort right after it."""

    spans: dict[Address, list[Spanned]]  # address -> [(start, end, member, is_write)]
    wholes: list[tuple[Key, int, bool]]  # the whole subtrees: (sort key, member, is_write)
    below_all: list[tuple[Key, int]]  # every region, in sort order
    below_writes: list[tuple[Key, int]]  # every write, in sort order

    @classmethod
    def of(cls, members: list[Edit]) -> _Regions:
        ix = cls(defaultdict(list), [], [], [])
        for n, e in enumerate(members):
            for is_write, regions in ((True, e.writes), (False, e.reads)):
                for address, span in regions:
                    ix.add(n, address, span, is_write)
        ix.below_all.sort()
        ix.below_writes.sort()
        return ix

    def add(self, n: int, address: Address, span: tuple[int, int] | None, is_write: bool) -> None:
        key = address.sort_key()
        self.below_all.append((key, n))
        if is_write:
            self.below_writes.append((key, n))
        if span is None:
            self.wholes.append((key, n, is_write))
        else:
            self.spans[address].append((span[0], span[1], n, is_write))


Key = tuple[tuple[int, Any], ...]  # Address.sort_key(): the addresses below one sort right after it
Spanned = tuple[int, int, int, bool]  # a region's span on one path: start, end, member, is it a write


# The sweep's events in their order at one offset: spans that end there close, then points are placed, then spans open.
_END, _POINT, _START = 0, 1, 2


def _sweep(regions: list[Spanned], pairs: set[tuple[int, int]]) -> None:
    """Pairs of members whose spans on one path overlap as `_overlap` says: two
    spans when each starts before the other ends; a point (start == end) when
    strictly inside a span; two points never."""
    open_writes, open_reads = _OpenSpans(), _OpenSpans()
    for _, event, r in _events(regions):
        _, _, n, is_write = regions[r]
        if event == _END:
            (open_writes if is_write else open_reads).remove(r)
            continue
        for m in open_writes.members() + (open_reads.members() if is_write else []):
            _pair(pairs, n, m)
        if event == _START:
            (open_writes if is_write else open_reads).add(r, n)


def _events(regions: list[Spanned]) -> list[tuple[int, int, int]]:
    """(offset, _END/_POINT/_START, region) of every span's ends and every point, in the order of the sweep."""
    return sorted(event for r, (start, end, _, _) in enumerate(regions) for event in _ends(r, start, end))


def _ends(r: int, start: int, end: int) -> list[tuple[int, int, int]]:
    """The events of region r: a point, or a span's start and end."""
    return [(start, _POINT, r)] if start == end else [(start, _START, r), (end, _END, r)]


class _OpenSpans:
    """The spans open at a point of the sweep. A list with swap-removal, so that
    listing them costs what is open now (a dict or set emptied by removals
    still walks every slot it once had)."""

    def __init__(self) -> None:
        self.regions: list[int] = []
        self.owners: list[int] = []
        self.at: dict[int, int] = {}

    def add(self, region: int, member: int) -> None:
        self.at[region] = len(self.regions)
        self.regions.append(region)
        self.owners.append(member)

    def remove(self, region: int) -> None:
        i = self.at.pop(region)
        last_region, last_owner = self.regions.pop(), self.owners.pop()
        if last_region != region:
            self.regions[i], self.owners[i] = last_region, last_owner
            self.at[last_region] = i

    def members(self) -> list[int]:
        return list(self.owners)
