"""What a reading of real minutes' wording (wording.py) would leave out (review 5): a
rejection said around the change ("Förslaget om att … stryka ”årligen” avslås"), and a
quotation outside the operation read ("ersätts ”A” med ”B” och ”C” med ”D”", "efter
”polisen” läggs följande till: ”…” i samverkan med regionen"). Either makes the sentence
one that no patch written from the reading carries.
"""
from __future__ import annotations

import re

from ..messages import Msg, msg
from .quotations import _Q, Quote

_REJECTED = re.compile(r"\b(?:avslå\w*|avslag\w*|avslog\w*|förkasta\w*|(?:inte|ej) bifall\w*|bifalls (?:inte|ej)|"
                       r"(?:inte|ej) (?:stryka|strykas|ändra|ändras|ersätta|ersättas|lägga|läggas|infoga|"
                       r"tillfoga|ta bort)|reserver\w* (?:sig|oss)|till förmån för (?:\w+ )?(?:eget|sitt|sina|deras) "
                       r"yrkande\w*)\b", re.IGNORECASE)
# a quotation that names the place, not words of the change: "under rubriken ”Samverkan”"
_PLACE_QUOTE = re.compile(r"\b(?:rubriken|rubrik|avsnittet|kapitlet)[;:]?\s+$", re.IGNORECASE)
_PLACED = re.compile(r"\b(efter|före) (?:\w+ )?⟨(\d+)⟩", re.IGNORECASE)
# "i meningen som börjar med ”Arbetet”": a place named by its opening words (review 5 M8)
_STARTING = re.compile(r"\b(meningen|stycket|punkten) som (?:börjar|inleds) (?:med )?⟨(\d+)⟩", re.IGNORECASE)
_UNITS = {"meningen": "sentence", "stycket": "paragraph", "punkten": "item"}


def rejected_word(skeleton: str) -> str | None:
    """The words that reject the change ("avslås", "inte stryka"), or None."""
    m = _REJECTED.search(skeleton)
    return m.group() if m else None


def unread_quote(skeleton: str, m, quotes: list[Quote]) -> Msg | None:
    """Why a quotation outside the operation matched (`m`) that names no place is left
    out: a place ("efter ”polisen”") or perhaps a second change; None when there is none."""
    if m is None:
        return None
    for q in re.finditer(_Q, skeleton):
        if not (m.start() <= q.start() < m.end()) and not _PLACE_QUOTE.search(skeleton[:q.start()]):
            return _why(skeleton, int(q.group(1)), quotes)
    return None


def _why(skeleton: str, k: int, quotes: list[Quote]) -> Msg:
    words = quotes[k].text
    starting = next((p for p in _STARTING.finditer(skeleton) if int(p.group(2)) == k), None)
    if starting:
        unit = _UNITS[starting.group(1).lower()]
        return msg("guards.extract_unread_starting", noun=starting.group(1).lower(), words=words, key=unit)
    placed = next((p for p in _PLACED.finditer(skeleton) if int(p.group(2)) == k), None)
    if placed:
        key = "after" if placed.group(1).lower() == "efter" else "before"
        return msg("guards.extract_unread_place", key=key, words=words)
    return msg("guards.extract_unread_quote", words=words)
