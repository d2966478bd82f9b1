"""Keeping Python's cyclic garbage collector off the program while amend works on it.

A 2,000-page program is half a million small objects, and loading, applying or dumping it
makes hundreds of thousands more, none in a reference cycle (reference counting frees them).
Each new object still counts towards a collection, and each collection of the oldest
generation walks every live object again: a tenth to a half of the time of those stages.
"""
from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside (for work that makes no reference cycles); as it was after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def without_collection(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` run with the collector paused."""
    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return fn(*args, **kwargs)

    return run


def collected_once(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` run with the collector paused, then one collection of the youngest generation, which
    holds what `fn` made: for work whose few reference cycles (python-docx's parts, jinja2's
    context) are garbage when it returns. Collections during it would walk the growing output
    again and again; this walks it once, whatever is alive around it. What the garbage held in
    C memory (lxml's trees) is then handed back to the system (_give_back)."""
    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            result = fn(*args, **kwargs)
        gc.collect(0)
        _give_back()
        return result

    return run


def _libc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl, Windows)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # Windows: CDLL needs a library's name
        return None


_TRIM = _libc_trim()


def _give_back() -> None:
    """Return the C heap's free pages to the system. glibc keeps what lxml freed, and Python's
    own objects are made in other memory (its arenas), so a stage after a DOCX would add its
    memory on top: at 2,000 pages the redline's HTML after its DOCX, 17 MB over the peak."""
    if _TRIM is not None:
        _TRIM(0)


@contextmanager
def sparing() -> Iterator[Callable[[], None]]:
    """For a run whose objects live until it ends (one `amend apply`): no collection inside
    (the renderers collect their own cycles as they return: collected_once), and what exists
    now, and at each call of the function given, is left out of those collections
    (gc.freeze), which then walk only what the stage since made; everything is collectable
    again after. Paused, not only frozen: a stage's first allocation after the collector came
    back on would walk all the stage had made (a tenth of a second for a 2,000-page redline)."""
    with paused():
        gc.freeze()
        try:
            yield gc.freeze
        finally:
            gc.unfreeze()
