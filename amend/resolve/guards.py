"""The edited sentence still reads as written: the last look at a text edit before it is kept.

The rules are in amend/text/typography.py; here a problem becomes the amendment's refusal.
"""
from __future__ import annotations

from ..errors import AmbiguousAnchor
from ..messages import Msg, msg
from ..text import clean, fold, fold_anchor, splice
from ..text.numbers import cuts_spaced_number
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


def in_word(texts: list[str], anchor: str, scope: Msg) -> Msg:
    """Why an anchor found in `texts` only inside longer words is refused: the digits of a
    number grouped with spaces ("500 000 kr" of "1 500 000 kr"), or a word's letters."""
    needle = fold_anchor(anchor)
    for text in texts:
        haystack, index = fold(text)
        at = haystack.find(needle)
        while needle and at != -1:
            start, end = index[at], index[at + len(needle) - 1] + 1
            if cuts_spaced_number(text, start) or cuts_spaced_number(text, end):
                return msg("guards.anchor_in_number", anchor=anchor, scope=scope)
            at = haystack.find(needle, at + 1)
    return msg("core.anchor_in_word", anchor=anchor, scope=scope)
