"""A sentence struck by its number ("stryks andra meningen i sista stycket"): the patch quotes the
sentence as the program has it, so that apply strikes exactly those words and the reader sees them."""
from __future__ import annotations

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Amendment, Program, Scope, Source
from ..resolve import Index, named_sentence


def struck_sentence(at: dict, program: Program) -> dict | Msg:
    """The delete of the one sentence `at` names, or why it cannot be placed exactly: the page or
    heading must be named (a sentence number of the whole program is no place a secretary means)."""
    if "page" not in at and "heading" not in at:
        return msg("extract.cannot.sentence_no_place")
    ix = Index(program)
    try:
        span = named_sentence(ix, Amendment("probe", "delete", Scope(**at), Source("-", 1)))
    except AmendError as exc:
        return msg("extract.cannot.sentence_not_placed", reason=exc.message)
    sentence = ix.units[span.unit].text[span.lo:span.hi].strip()
    return {"delete": sentence, "_sentence": True, "_note": msg("extract.check.sentence_struck", sentence=sentence)}
