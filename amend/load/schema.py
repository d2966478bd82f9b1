"""Checking loaded data against the JSON Schema, and a schema error put into words:
where, what is wrong, what is allowed."""
from __future__ import annotations

import json
import pkgutil
from collections.abc import Callable
from functools import cache

from .. import limits
from ..errors import AmendError, AmendErrors, SchemaError
from ..messages import Msg, msg
from ..model import (
    OPERATIONS,
    Source,
)
from ..schema_check import Compiler
from .values import value_problems
from .yaml_lines import WRITTEN

SCHEMA_URI = "https://amend.invalid/schemas/"

# Keys an amendment may carry beside its operation, and the operations they go with.
MODIFIERS = {
    "after": ("insert", "add_paragraph"),
    "before": ("insert",),
    "with": ("replace",),
    "position": ("add_item",),
    "after_item": ("add_item",),
    "after_section": ("add_section",),
}


# ---------------------------------------------------------------- schema


@cache
def _schemas() -> dict[str, dict]:
    """{uri: schema} of the program and patch schemas (each names the other's $defs)."""
    return {SCHEMA_URI + f"{kind}.schema.json": _schema(kind) for kind in ("program", "patch")}


def _schema(kind: str) -> dict:
    raw = pkgutil.get_data("amend", f"schemas/{kind}.schema.json")  # (importlib.resources: 15 ms more per run)
    assert raw is not None  # the package's own file
    return {**json.loads(raw), "$id": SCHEMA_URI + f"{kind}.schema.json"}


@cache
def _check(kind: str):
    """The schema as a fast yes/no check (amend/schema_check.py): jsonschema runs only when it says no."""
    return Compiler(_schemas()).compile(SCHEMA_URI + f"{kind}.schema.json")


@cache
def _validators():
    from jsonschema import Draft202012Validator, validators
    from referencing import Registry, Resource

    registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in _schemas().items())
    # JSON Schema counts 2.0 as an integer; amend does not: a page, level or
    # number written 2.0 would reach the model as a float.
    whole = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, v: isinstance(v, int) and not isinstance(v, bool))
    validator = validators.extend(Draft202012Validator, type_checker=whole)
    return {kind: validator(_schemas()[SCHEMA_URI + f"{kind}.schema.json"], registry=registry)
            for kind in ("program", "patch")}


def validate(data, lines: dict, kind: str, name: str) -> None:
    """Check `data` against the program or patch schema; raise every problem found."""
    if not isinstance(data, dict):
        raise SchemaError(msg("load.not_mapping", kind=kind_in_words(kind)), source=Source(name, 1))
    if kind == "patch":
        _check_size(data, name)
        _check_operations(data, lines, name)
    problems: list[AmendError] = []
    seen: set[tuple] = set()
    errors = () if _check(kind)(data) else _validators()[kind].iter_errors(data)
    for err in sorted(map(_in_table, errors), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(err.absolute_path)
        if any(path[: len(p)] == p for p in seen):
            continue  # one message per place is enough
        seen.add(path)
        amendment = _amendment_id(data, path)
        problems.append(SchemaError(_explain(err, data, lines.get(WRITTEN + path)),
                                    source=source_at(name, lines, path), amendment=amendment, amendment_id=amendment))
    # values the schema cannot judge, in every section or amendment the schema found in order
    broken = [tuple(e) for e in seen]
    problems += [SchemaError(msg("load.at", at=_path_words(path), it=message), source=source_at(name, lines, path),
                             amendment=_amendment_id(data, path), amendment_id=_amendment_id(data, path))
                 for path, message in value_problems(data, kind, broken)]
    problems.sort(key=lambda e: (e.source.line, e.source.column) if isinstance(e.source, Source) else (0, 0))
    if problems:
        raise AmendErrors.of(problems)


def _in_table(err):
    """A table block's error where it is, inside the table (a row, a cell), rather than 'not a valid block'."""
    if err.validator != "anyOf" or not isinstance(err.instance, dict) or "table" not in err.instance:
        return err
    deeper = [e for e in err.context if len(e.absolute_path) > len(err.absolute_path) + 1]
    return _in_table(max(deeper, key=lambda e: len(e.absolute_path))) if deeper else err


def _check_size(data: dict, name: str) -> None:
    amendments = data.get("amendments")
    if isinstance(amendments, list) and len(amendments) > limits.MAX_AMENDMENTS:
        raise SchemaError(msg("load.limit.amendments", count=len(amendments), limit=limits.MAX_AMENDMENTS), source=name)


def line_at(lines: dict, path: tuple) -> tuple[int, int]:
    """(line, column) where the value at `path` (or its nearest parent) was written."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, (1, 1))


def source_at(name: str, lines: dict, path: tuple) -> Source:
    return Source(name, *line_at(lines, path))


def _path_words(path) -> str | Msg:
    parts = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}")
    return "".join(parts).lstrip(".") or msg("load.the_file")


def _explain(err, data, written: str | None = None) -> Msg:
    """A schema error in words: where, what is wrong, what is allowed (`written`: the value as the file has it)."""
    return msg("load.at", at=_path_words(err.absolute_path), it=_what(err, written))


def _what(err, written: str | None = None) -> str | Msg:
    """What is wrong with the value of a schema error (jsonschema's own words where amend has none)."""
    explain = _EXPLAIN.get(err.validator)
    return explain(err, written) if explain is not None else str(err.message)


def _unknown_key(err, written: str | None) -> Msg:
    allowed = sorted(err.schema.get("properties", {}))
    extra = [k for k in err.instance if k not in allowed]
    return msg("load.schema.unknown_key", key=extra[0], hint=_did_you_mean(extra[0], allowed),
               allowed=", ".join(allowed))


def _missing(err, written: str | None) -> Msg:
    return msg("load.schema.missing", key=err.message.split(" is a required")[0].strip("'\""))


def _none_fits(err, written: str | None) -> Msg:
    """A value no branch of anyOf/oneOf takes: a block or row, an ordinal, or another value."""
    if isinstance(err.instance, dict) and "sections" not in err.instance:
        return _not_block(err)
    return _not_ordinal(err) if _is_ordinal(err.schema) else _not_allowed(err)


def _not_block(err) -> Msg:
    keys = [k for k in err.instance if k != "page"]
    named = ", ".join(keys) or msg("load.schema.no_keys")
    if tuple(err.absolute_path)[-2:-1] == ("rows",):
        return msg("load.schema.not_row", keys=named)
    return msg("load.schema.not_block", keys=named)


def _not_ordinal(err) -> Msg:
    hint = msg("load.schema.hint_whole", whole=int(err.instance), value=err.instance) \
        if isinstance(err.instance, float) and err.instance.is_integer() else ""
    return msg("load.schema.not_ordinal", value=err.instance, hint=hint)


def _not_allowed(err) -> Msg:
    kind = _JSON_NAMES.get(_json_type(err.instance), _json_type(err.instance))
    path = tuple(err.absolute_path)
    if path[-1:] == ("column",):  # a scope's, not a block (M1)
        return msg("load.schema.not_column", kind=kind, value=err.instance)
    if path[-2:] == ("at", "row"):
        return msg("load.schema.not_scope_row", kind=kind, value=err.instance)
    return msg("load.schema.not_allowed", kind=kind, value=err.instance)


def _enum(err, written: str | None) -> Msg:
    return msg("load.schema.enum", options=", ".join(map(str, err.validator_value)), value=err.instance)


def _pattern(err, written: str | None) -> Msg:
    if "\\d{4}" in err.validator_value:
        return msg("load.schema.not_iso_date", value=err.instance)
    return msg("load.schema.bad_id", value=err.instance)


def _out_of_range(err, written: str | None) -> Msg:
    bound = msg("load.schema.minimum") if err.validator == "minimum" else msg("load.schema.maximum")
    return msg("load.schema.out_of_range", value=err.instance, bound=bound, limit=err.validator_value)


def _empty(err, written: str | None) -> Msg:
    return msg("load.schema.empty")


def _wrong_type(err, written: str | None = None) -> Msg:
    if isinstance(err.instance, float) and err.instance.is_integer() and "integer" in str(err.validator_value):
        return msg("load.schema.whole_number", whole=int(err.instance), value=err.instance)
    hint: str | Msg = ""
    if err.validator_value == "string" and err.instance is None:
        hint = msg("load.schema.hint_empty_text")
    elif err.validator_value == "string" and not isinstance(err.instance, (dict, list)):
        hint = msg("load.schema.hint_quote", value=err.instance if written is None else written)
    return msg("load.schema.wrong_type", expected=_a(err.validator_value), found=_a(_json_type(err.instance)),
               hint=hint)


def _did_you_mean(key: str, known: list[str]) -> str | Msg:
    import difflib  # only for a file with a mistake

    hint = difflib.get_close_matches(key, known, n=1)
    return msg("load.did_you_mean", key=hint[0]) if hint else ""


def _is_ordinal(schema: dict) -> bool:
    """The schema of a number, first or last (paragraph, item, sentence, position)."""
    branches = schema.get("anyOf") or schema.get("oneOf") or ()
    return any(b.get("enum") == ["first", "last"] for b in branches if isinstance(b, dict))


def _amendment_id(data, path: tuple):
    """The id of the amendment a schema error is in, if it is in one."""
    if len(path) > 1 and path[0] == "amendments" and isinstance(path[1], int):
        amendments = data.get("amendments")
        am = amendments[path[1]] if isinstance(amendments, list) and path[1] < len(amendments) else None
        if isinstance(am, dict) and isinstance(am.get("id"), str):
            return am["id"]
    return None


# A type as the schema names it, in words ("must be a whole number, not text").
_TYPE_WORDS = {"string": msg("load.type.string"), "integer": msg("load.type.integer"), "array": msg("load.type.array"),
               "object": msg("load.type.object"), "boolean": msg("load.type.boolean"), "null": msg("load.type.null"),
               "number": msg("load.type.number")}
# A value's type by its JSON name ("string 'x' is not allowed here").
_JSON_NAMES = {"string": msg("load.json.string"), "integer": msg("load.json.integer"),
               "number": msg("load.json.number"), "array": msg("load.json.array"), "object": msg("load.json.object"),
               "null": msg("load.json.null"), "boolean": msg("load.json.boolean")}
_KINDS = {"program": msg("load.kind.program"), "patch": msg("load.kind.patch")}
# The explanation of each kind of schema error; others keep jsonschema's words.
_EXPLAIN = {"additionalProperties": _unknown_key, "required": _missing, "type": _wrong_type, "anyOf": _none_fits,
            "oneOf": _none_fits, "enum": _enum, "pattern": _pattern, "minimum": _out_of_range,
            "maximum": _out_of_range, "minLength": _empty, "minItems": _empty}


def kind_in_words(kind: str) -> Msg:
    return _KINDS[kind]


def _a(kind) -> str | Msg:
    if isinstance(kind, list):
        return msg("load.schema.either", xs=[_a(k) for k in kind])
    return _TYPE_WORDS.get(kind, kind)


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {str: "string", int: "integer", float: "number", list: "array", dict: "object",
            type(None): "null"}.get(type(value), type(value).__name__)


# Keys of at: that an amendment may be given beside its operation by mistake.
_SCOPE_KEYS = ("page", "heading", "column", "row", "paragraph", "item", "sentence", "occurrence")


_KNOWN_KEYS = set(OPERATIONS) | set(MODIFIERS) | {"id", "title", "text", "at"}


def _check_operations(data, lines, name):
    """Exactly one operation per amendment, and modifiers that fit it.

    Checked before the schema so the message names the operation, not a
    oneOf branch.
    """
    problems: list[AmendError] = []
    amendments = data.get("amendments")
    for i, am in enumerate(amendments if isinstance(amendments, list) else []):  # else the schema says so
        if isinstance(am, dict):
            problems += _operation_problems(am, i, lines, name)
    if problems:
        raise AmendErrors.of(problems)


def _operation_problems(am: dict, i: int, lines, name: str) -> list[AmendError]:
    label = am["id"] if "id" in am else msg("load.amendment", n=i + 1)  # the words only when needed

    def error(message: Msg, key: str | None = None) -> SchemaError:
        where = ("amendments", i) if key is None else ("amendments", i, key)
        return SchemaError(message, source=source_at(name, lines, where), amendment=label)

    unknown = [k for k in am if k not in _KNOWN_KEYS]
    if unknown:
        return [error(_unknown_key_words(key), key) for key in unknown]
    ops = [k for k in am if k in OPERATIONS]
    if len(ops) != 1:
        return [error(_not_one_operation(ops))]
    return _misfits(am, ops[0], error) + [error(m) for m in _clashes(am, ops[0])]


def _unknown_key_words(key: str) -> Msg:
    """A key no amendment has: a scope's key outside `at:`, or perhaps a misspelt one."""
    if key in _SCOPE_KEYS:
        return msg("guards.scope_key_outside_at", key=key)
    return msg("load.op.unknown", key=key, hint=_did_you_mean(key, sorted(_KNOWN_KEYS)), ops=", ".join(OPERATIONS))


def _not_one_operation(ops: list[str]) -> Msg:
    if not ops:
        return msg("load.op.none", ops=", ".join(OPERATIONS))
    return msg("load.op.several", count=len(ops), found=", ".join(ops), ops=", ".join(OPERATIONS))


def _misfits(am: dict, op: str, error: Callable[[Msg, str], SchemaError]) -> list[AmendError]:
    """The modifiers that do not go with the operation `op`."""
    return [error(msg("load.op.misfit", key=key, op=op, fits=list(fits)), key)
            for key, fits in MODIFIERS.items() if key in am and op not in fits]


def _clashes(am: dict, op: str) -> list[Msg]:
    """Modifiers given together that cannot be, or missing where the operation needs them."""
    found = []  # the words made only for a clash found (most amendments have none)
    if "after" in am and "before" in am:
        found.append(msg("load.op.after_and_before"))
    if op == "replace" and "with" not in am:
        found.append(msg("load.op.replace_without_with"))
    if "position" in am and "after_item" in am:
        found.append(msg("load.op.position_and_after_item"))
    return found
