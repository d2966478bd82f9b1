"""A place the minutes' wording names that the amendment's scope lacks (review 9 #11): "På sidan 9
stryks första stycket." with `at: {paragraph: 1}` counts the paragraphs of the whole program, so
the wording and the scope disagree, and that is the most dangerous disagreement of all. The
comparison of a place named by both is `extract.agreement.disagreement`; this is the place that
only the wording names. `amend validate` asks it without a program, `amend check` with one.
"""
from __future__ import annotations

from ..messages import Msg, msg
from ..model import Amendment, Program

# where an amendment says a heading other than by `at.heading`: a column's heading, the section
# an operation on sections names or adds after
_SECTION_OPERATIONS = ("delete_section", "replace_section_text")


def place_missing(am: Amendment, program: Program | None) -> Msg | None:
    """The page or heading the wording names (every reading the same) and the scope lacks, or None."""
    if not am.text:
        return None
    said = _said(am.text, program)
    if said.get("page") is not None and am.scope.page is None:
        return _missing(am, msg("extract.scope.page", n=str(said["page"])))
    if said.get("heading") is not None and not _names_heading(am):
        return _missing(am, msg("extract.scope.heading", n=said["heading"]))
    return None


def _said(text: str, program: Program | None) -> dict[str, object]:
    """The page and heading every reading of the wording gives (a key left out where they differ)."""
    from ..extract.agreement import _readings, _stand_in

    programs = [program] if program is not None else [_stand_in("sv"), _stand_in("en")]
    datas = next((d for d in (_readings(text, p) for p in programs) if d), [])
    out = {}
    for key in ("page", "heading"):
        values = {(d.get("at") or {}).get(key) for d in datas}
        if len(values) == 1:
            out[key] = next(iter(values))
    return out


def _names_heading(am: Amendment) -> bool:
    """Does the amendment name a heading other than by the wording: in its scope, or in its operation?"""
    section_value = am.value if am.op in _SECTION_OPERATIONS and isinstance(am.value, str) else None
    return any(v is not None for v in (am.scope.heading, am.scope.column, am.after_section, section_value))


def _missing(am: Amendment, said: Msg) -> Msg:
    return msg("check.scope_lacks", said=said, scope=am.scope.describe())
