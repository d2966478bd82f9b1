"""Inserted words that attach to the word before them: "/kommunen", "-avdelningen".

A slash or hyphen written right against the first word of an inserted text
("regionen" + "/kommunen", "HR" + "-avdelningen") joins it to the word before,
as it would in writing; amend puts no space there. A hyphen before a digit is a
minus ("-5 grader") and a dash with a space after it stands as a word: both keep
the space. (An apostrophe may close a word, "WHO’s", or open a quotation,
"’Trygg kommun’": that is unclear, and typography refuses it.)
"""
from __future__ import annotations

_JOINERS = "/-\u2010\u2011"


def attaches_to_word(left: str, new: str) -> bool:
    """Does `new` join the word that `left` ends with, without a space?"""
    if not left or not left[-1].isalnum() or len(new) < 2 or new[0] not in _JOINERS:
        return False
    return new[1].isalnum() if new[0] == "/" else new[1].isalpha()
