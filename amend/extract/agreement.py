"""Whether an amendment's `text:` (the minutes' wording), where it can be read,
says the same as its operation and scope (`amend check` reports it when not)."""
from __future__ import annotations

from ..messages import Msg, msg
from ..model import Program
from .wording import Readings, read

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


def disagreement(amendment, program: Program) -> Msg | None:
    """Where an amendment's `text:` (the minutes' wording) can be read, whether it
    says the same as the amendment's operation and scope: "the wording says item 3,
    the scope says item 2". None when they agree or the wording cannot be read."""
    if not amendment.text:
        return None
    from .grammar import grammar  # the house style first, then the wordings of real minutes

    try:
        outcome = grammar(program.meta.language).read(amendment.text)
        datas = [] if outcome.exhausted else [r.patch_data() for r in outcome.readings]
    except ValueError:
        datas = []
    if not datas:
        found = read(amendment.text, program)
        datas = [c.data for c in found.candidates] if isinstance(found, Readings) else []
    if not datas:
        return None
    ops = {_FAMILY[op] for op in map(_data_op, datas) if op}
    if len(ops) == 1 and _FAMILY.get(amendment.op) not in ops:
        return msg("extract.disagrees.operation", says=_FAMILY_WORDS[next(iter(ops))], op=amendment.op,
                   does=_FAMILY_WORDS[_FAMILY.get(amendment.op, "changes")])
    scope = {k: v for k, v in amendment.scope.__dict__.items() if v is not None}
    for key, words in _SCOPE_WORDS.items():
        said = {_one((d.get("at") or {}).get(key)) for d in datas}
        if len(said) == 1 and None not in said and key in scope and _one(scope[key]) not in said:
            return msg("extract.disagrees.scope", said=Msg(words.key, {"n": _show(next(iter(said)))}),
                       scope=Msg(words.key, {"n": _show(_one(scope[key]))}))
    return None


def _one(value):
    return 1 if value == "first" else value


def _show(value) -> object:
    return msg("extract.last") if value == "last" else str(value)
