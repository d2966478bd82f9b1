"""Aligning two sequences (sections, blocks, items, rows): which item of one is which of the other."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from .words import dmp

T = TypeVar("T")
Pair = tuple[int | None, int | None]  # aligned items: (old index, new index); None on the side it is missing
# a pair, where it lands among the old items, and the old items it replaces
Place = tuple[int | None, int | None, int, tuple[int, ...]]

WINDOW = 8  # how far ahead an unmatched block looks for its changed counterpart


def _key_char(n: int) -> str:
    n += 0x100
    return chr(n + 0x800 if n >= 0xD800 else n)  # skip the surrogates


def align(old: Sequence[T], new: Sequence[T], key: Callable[[T], Any],
          similar: Callable[[T, T], bool]) -> list[Pair]:
    """Pair the items of two sequences, in order: (i, j) both, (i, None) deleted,
    (None, j) inserted. Items with equal keys are matched by a diff over the
    keys; in the gaps between, an item is paired with a changed counterpart
    when `similar` says so."""
    codes: dict[Any, str] = {}
    a = "".join(codes.setdefault(key(x), _key_char(len(codes))) for x in old)
    b = "".join(codes.setdefault(key(x), _key_char(len(codes))) for x in new)
    pairs: list[Pair] = []
    gone: list[int] = []
    come: list[int] = []
    i = j = 0
    for op, chunk in dmp().diff_main(a, b, False):
        n = len(chunk)
        if op == 0:
            pairs.extend(_pair_gap(gone, come, old, new, similar))
            gone, come = [], []
            pairs.extend((i + k, j + k) for k in range(n))
            i, j = i + n, j + n
        elif op < 0:
            gone.extend(range(i, i + n))
            i += n
        else:
            come.extend(range(j, j + n))
            j += n
    pairs.extend(_pair_gap(gone, come, old, new, similar))
    return pairs


def _pair_gap(gone: list[int], come: list[int], old: Sequence[T], new: Sequence[T],
              similar: Callable[[T, T], bool]) -> list[Pair]:
    """Between two matched items: pair each removed item with the first similar
    added one a few places ahead; the rest are whole deletions/insertions."""
    out: list[Pair] = []
    k = 0
    for i in gone:
        hit = next((m for m in range(k, min(len(come), k + WINDOW)) if similar(old[i], new[come[m]])), None)
        if hit is None:
            out.append((i, None))
            continue
        out.extend((None, come[m]) for m in range(k, hit))
        out.append((i, come[hit]))
        k = hit + 1
    out.extend((None, come[m]) for m in range(k, len(come)))
    return out


def places(pairs: Iterable[Pair]) -> Iterator[Place]:
    """Each aligned pair as (i, j, at, gone): `at` is how many old items come
    before it (where an insertion lands among the old items), `gone` the old
    items deleted since the last matched pair (what an insertion stands in for)."""
    at, gone = 0, list[int]()
    for i, j in pairs:
        if i is not None and j is not None:
            gone = []
        yield i, j, at, tuple(gone)
        if i is not None:
            at = i + 1
            if j is None:
                gone.append(i)
