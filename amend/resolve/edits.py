"""Resolved edits: what one amendment changes, at exact addresses, and what it reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..address import TOP, Address
from ..errors import AmendError, FuzzyWarning
from ..model import Amendment

E = TypeVar("E", bound=AmendError)
Region = tuple[Address, Any]  # an address and the span (start, end) of its text it covers, or None: all of it

# ---------------------------------------------------------------- resolved edits


@dataclass(frozen=True)
class Edit:
    """One change at an exact place, ready to apply.

    action is one of:
      text            replace unit text [start:end] by `new` (insert: start == end)
      insert_block    insert `new` (a block, list item or section) into `container` at `index`
      delete_block    delete the child at `index` of `container`
      replace_blocks  replace all blocks of section `container` by `new`
    `reads`/`writes` are the regions it depends on / changes, for conflicts.
    """

    action: str
    amendment: Amendment
    path: Address = TOP  # the unit, for text edits
    start: int = 0
    end: int = 0
    new: Any = None
    container: Address = TOP
    index: int = 0
    reads: tuple[Region, ...] = ()
    writes: tuple[Region, ...] = ()


@dataclass
class Resolution:
    edits: list[Edit] = field(default_factory=list)
    warnings: list[FuzzyWarning] = field(default_factory=list)
    failures: list[tuple[Amendment, AmendError]] = field(default_factory=list)  # from resolve_all

