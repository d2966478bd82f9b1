"""Keeping Python's cyclic garbage collector off the program while amend works on it.

A 2,000-page program is half a million small objects, and loading, applying or dumping it
makes hundreds of thousands more, none in a reference cycle (reference counting frees them).
Each new object still counts towards a collection, and each collection of the oldest
generation walks every live object again: a tenth to a half of the time of those stages.
"""
from __future__ import annotations

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


@contextmanager
def sparing() -> Iterator[Callable[[], None]]:
    """For a run whose objects live until it ends (one `amend apply`): what exists now, and
    at each call of the function given, is left out of later collections (gc.freeze), which
    then walk only what the next stage makes; everything is collectable again after."""
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
