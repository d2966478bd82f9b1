"""Whether an amendment's `text:` (the minutes' wording), where it can be read,
says the same as its operation and scope (`amend check` reports it when not, and
`amend validate`, which has no program, for what can be judged without one)."""
from __future__ import annotations

from ..errors import AmendError
from ..messages import Msg, msg
from ..model import Meta, Patch, Program
from ..text import clean
from .wording import Readings, operation_family, read

_FAMILY = {"delete": "strikes", "delete_item": "strikes", "delete_paragraph": "strikes", "delete_section": "strikes",
           "insert": "adds", "add_item": "adds", "add_paragraph": "adds", "add_section": "adds",
           "replace": "replaces", "replace_section_text": "replaces"}


_FAMILY_WORDS = {"strikes": msg("extract.family.strikes"), "adds": msg("extract.family.adds"),
                 "replaces": msg("extract.family.replaces"), "changes": msg("extract.family.changes")}


# "page {n}": each place word, given its number when said
_SCOPE_WORDS = {"page": msg("extract.scope.page"), "item": msg("extract.scope.item"),
                "paragraph": msg("extract.scope.paragraph"), "sentence": msg("extract.scope.sentence"),
                "column": msg("extract.scope.column"), "row": msg("extract.scope.row")}


def _data_op(data: dict) -> str | None:
    return next((k for k in data if k in _FAMILY), None)


def patch_disagreements(patch: Patch) -> list[AmendError]:
    """`amend validate`: each amendment whose wording, read without a program,
    says another operation or place than the amendment does, as an error at its line."""
    out = []
    for am in patch.amendments:
        found = disagreement(am, None)
        if found is not None:
            out.append(AmendError(msg("check.text_disagrees", found=found), source=am.source, amendment=am.label))
    return out


def _stand_in(language: str) -> Program:
    """No program: nothing the wording names (a heading without quotes, a §) can be looked up."""
    return Program(Meta(id="-", title="", version="-", language=language), ())


def _readings(text: str, program: Program) -> list[dict]:
    """The patch data the wording reads as: the house style first, then the wordings of real minutes."""
    from .grammar import grammar

    try:
        outcome = grammar(program.meta.language).read(text)
        datas = [] if outcome.exhausted else [r.patch_data() for r in outcome.readings]
    except ValueError:
        datas = []
    if not datas and program.meta.language == "sv":
        found = read(text, program)
        datas = [c.data for c in found.candidates] if isinstance(found, Readings) else []
    return datas


def disagreement(amendment, program: Program | None) -> Msg | None:
    """Where an amendment's `text:` (the minutes' wording) can be read, whether it
    says the same as the amendment's operation and scope: "the wording says item 3,
    the scope says item 2". None when they agree or the wording cannot be read.
    Without a program (validate) the wording is read in Swedish, else in English."""
    if not amendment.text:
        return None
    programs = [program] if program is not None else [_stand_in("sv"), _stand_in("en")]
    datas = next((d for d in (_readings(amendment.text, p) for p in programs) if d), [])
    if datas:
        ops = {_FAMILY[op] for op in map(_data_op, datas) if op}
    else:  # without a program a place such as "§ 21" cannot be looked up: the operation still can
        family = operation_family(amendment.text) if program is None else None
        ops = {family} if family else set()
    if not datas and not ops:
        return None
    if len(ops) == 1 and _FAMILY.get(amendment.op) not in ops:
        return msg("extract.disagrees.operation", says=_FAMILY_WORDS[next(iter(ops))], op=amendment.op,
                   does=_FAMILY_WORDS[_FAMILY.get(amendment.op, "changes")])
    scope = {k: v for k, v in amendment.scope.__dict__.items() if v is not None}
    for key, words in _SCOPE_WORDS.items():
        said = {_one((d.get("at") or {}).get(key)) for d in datas}
        if len(said) == 1 and None not in said and key in scope and _one(scope[key]) not in said:
            return msg("extract.disagrees.scope", said=Msg(words.key, {"n": _show(next(iter(said)))}),
                       scope=Msg(words.key, {"n": _show(_one(scope[key]))}))
    return _missing_place(datas, scope, amendment) or _heading_disagrees(datas, scope.get("heading"))


# where an amendment names a heading other than by `at.heading`: a column's heading, the section an
# operation on sections names, or the one a new section comes after
_SECTION_OPERATIONS = ("delete_section", "replace_section_text")


def _names_heading(am) -> bool:
    section_value = am.value if am.op in _SECTION_OPERATIONS and isinstance(am.value, str) else None
    return any(v is not None for v in (am.scope.heading, am.scope.column, am.after_section, section_value))


def _missing_place(datas: list[dict], scope: dict, amendment) -> Msg | None:
    """The wording names a page or a heading that the scope does not: the amendment is then placed
    in a wider scope than the minutes say, perhaps the whole program (review 9 #11)."""
    for key in ("page", "heading"):
        said = {(d.get("at") or {}).get(key) for d in datas}
        named = key in scope or (key == "heading" and _names_heading(amendment))
        if len(said) == 1 and None not in said and not named:
            return msg("extract.disagrees.scope_missing", said=msg(f"extract.scope.{key}", n=str(next(iter(said)))))
    return None


def _heading_disagrees(datas: list[dict], heading: str | None) -> Msg | None:
    """The wording names one heading and the scope another (neither holds the other:
    "Samverkan" and "3.2 Samverkan" are taken to be the same)."""
    said = {(d.get("at") or {}).get("heading") for d in datas}
    if heading is None or len(said) != 1 or None in said:
        return None
    named = str(next(iter(said)))
    a, b = clean(named).casefold(), clean(heading).casefold()
    if a in b or b in a:
        return None
    return msg("extract.disagrees.scope", said=msg("extract.scope.heading", n=named),
               scope=msg("extract.scope.heading", n=heading))


def _one(value):
    return 1 if value == "first" else value


def _show(value) -> object:
    return msg("extract.last") if value == "last" else str(value)
