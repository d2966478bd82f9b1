"""The edited sentence still reads as written: the last look at a text edit before it is kept.

The rules are in amend/text/typography.py; here a problem becomes the amendment's refusal.
"""
from __future__ import annotations

from ..errors import AmbiguousAnchor
from ..messages import msg
from ..text import clean, splice
from ..text.typography import edit_problem, folded_terminal
from .scope import Scoper


def guarded(sc: Scoper, text: str, start: int, end: int, new: str, anchor: str) -> str:
    """The text to put at text[start:end] for `new` (a full stop of its own that meets the
    sentence's is that one), or the refusal when the result would not read as written."""
    new, problem = folded_terminal(text, end, clean(new))
    if problem is None:
        problem = edit_problem(text, start, end, new, splice(text, [(start, end, new)]))
    if problem is not None:
        raise sc.fail(AmbiguousAnchor, msg("guards.edit_refused", anchor=anchor, problem=problem))
    return new
