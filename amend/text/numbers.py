"""Numbers written with spaces between groups of three digits ("1 500 000 kr").

Swedish writes thousands apart with a space, and in Word files that is very often an
ordinary space; a quoted amount must then not match the tail or head of a larger one
("500 000 kr" in "1 500 000 kr"), as it already cannot across a no-break space.
"""
from __future__ import annotations


def _digits_back(text: str, end: int) -> int:
    """How many digits stand right before `end`."""
    k = end
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    return end - k


def _digits_on(text: str, start: int) -> int:
    """How many digits stand from `start` on."""
    k = start
    while k < len(text) and text[k].isdigit():
        k += 1
    return k - start


def groups_digits(text: str, space: int) -> bool:
    """Is the space at `space` one between digit groups of one number: 1–3 digits
    before it and exactly three after ("1 500", "500 000"), not "2025 2026"?"""
    if not (0 < space < len(text) - 1 and text[space] == " "):
        return False
    before = _digits_back(text, space)
    after = _digits_on(text, space + 1)
    return 1 <= before <= 3 and after == 3


def cuts_spaced_number(text: str, p: int) -> bool:
    """Would an anchor that starts or ends at offset p cut such a number?"""
    return groups_digits(text, p - 1) or groups_digits(text, p)
