"""Paths as a page shows them: the repository's files relative to it (`amendments/…`), never where the
server's machine keeps them. `App.handle` sets the repository for the request (`in_repository`)."""
from __future__ import annotations

import contextvars
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import AmendError
from ..messages import Msg

_root: contextvars.ContextVar[Path | None] = contextvars.ContextVar("amend_web_root", default=None)


@contextmanager
def in_repository(root: Path) -> Iterator[None]:
    """Errors shown inside this block (`whole`) name ROOT's files relative to it."""
    token = _root.set(root)
    try:
        yield
    finally:
        _root.reset(token)


def in_root(value: Any, root: Path | None = None) -> Any:
    """The value with every path of ROOT (default: the request's) relative to it, at any depth of a Msg."""
    root = root or _root.get()
    if root is None:
        return value
    if isinstance(value, Msg):
        return Msg(value.key, {k: in_root(v, root) for k, v in value.args.items()})
    if isinstance(value, (list, tuple)):
        return type(value)(in_root(v, root) for v in value)
    if isinstance(value, (str, Path)):
        text = str(value)
        for prefix in dict.fromkeys((str(root.resolve()), str(root))):
            text = text.replace(prefix + os.sep, "")
        return text
    return value


def whole(exc: AmendError) -> str:
    """The error as the CLI words it (in the current language) for a page: the repository's files named
    as in it, the first letter a capital unless it starts with a file's name."""
    text = in_root(str(exc))
    return text if exc.source else text[:1].upper() + text[1:]
