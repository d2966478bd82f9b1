"""A JSON Schema compiled into plain Python checks: valid or not, nothing more.

jsonschema walks a 2,000-page program in seconds, as it builds and discards
an error object per branch of every `anyOf`. Almost every file amend reads is
valid, so load.validate asks this yes/no check first and runs jsonschema only
for a file this finds invalid, for its messages: the messages stay exactly
what they were, and only the time for valid files changes.

Exactness over speed: the check must say "valid" exactly when jsonschema
(Draft 2020-12, with amend's integer that is no float) does. It knows the
keywords amend's schemas use and refuses, when compiled, a schema with any
other, so that a keyword added to a schema later can never be ignored here.
tests/test_schema_check.py compares it with jsonschema on varied files.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "examples", "default"})

_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),  # 2.0 is no integer for amend
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


class Compiler:
    """Compiles the schemas of one registry {uri: schema}; `$ref`s between them resolve by uri."""

    def __init__(self, schemas: Mapping[str, dict[str, Any]]):
        self.schemas = schemas
        self._refs: dict[str, Check] = {}

    def compile(self, uri: str) -> Check:
        return self._ref(uri, "#")

    def _ref(self, base: str, ref: str) -> Check:
        doc, _, pointer = ref.partition("#")
        uri = base.rsplit("/", 1)[0] + "/" + doc if doc else base
        key = f"{uri}#{pointer}"
        if key not in self._refs:
            slot: list[Check] = []
            self._refs[key] = lambda v: slot[0](v)  # a recursive $ref finds itself here while compiling
            slot.append(self._schema(self._resolve(uri, pointer), uri))
            self._refs[key] = slot[0]
        return self._refs[key]

    def _resolve(self, uri: str, pointer: str) -> dict[str, Any]:
        node: Any = self.schemas[uri]
        for part in filter(None, pointer.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return dict(node)

    def _schema(self, schema: Any, uri: str) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        unknown = set(schema) - _ANNOTATIONS - set(_KEYWORDS)
        if unknown:
            raise ValueError(f"schema_check does not know the keyword(s) {sorted(unknown)}")
        return _every([_KEYWORDS[k](self, schema[k], schema, uri) for k in _KEYWORDS if k in schema])


# The checks run once per value of a file (a 2,000-page program has half a
# million): each is a plain loop or a single expression, not a generator.


def _every(checks: list[Check]) -> Check:
    """True when every check is."""
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: bool(first(v) and second(v))

    def every(v: Any) -> bool:
        for check in checks:
            if not check(v):
                return False
        return True
    return every


def _some(checks: list[Check]) -> Check:
    """True when at least one check is."""
    if len(checks) == 1:
        return checks[0]

    def some(v: Any) -> bool:
        for check in checks:
            if check(v):
                return True
        return False
    return some


def _type(_c: Compiler, value: Any, _s: dict, _u: str) -> Check:
    names = value if isinstance(value, list) else [value]
    return _some([_TYPES[n] for n in names])


def _required(_c: Compiler, keys: list[str], _s: dict, _u: str) -> Check:
    if len(keys) == 1:
        key = keys[0]
        return lambda v: not isinstance(v, dict) or key in v
    return lambda v: not isinstance(v, dict) or all(k in v for k in keys)


def _properties(c: Compiler, props: dict[str, Any], _s: dict, uri: str) -> Check:
    compiled = {k: c._schema(sub, uri) for k, sub in props.items()}

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for key, value in v.items():
            sub = compiled.get(key)
            if sub is not None and not sub(value):
                return False
        return True
    return check


def _additional(c: Compiler, extra: Any, schema: dict, uri: str) -> Check:
    if "patternProperties" in schema:
        raise ValueError("schema_check does not know patternProperties")
    known = frozenset(schema.get("properties", ()))
    if extra is False:  # no key but the known ones
        return lambda v: not isinstance(v, dict) or known.issuperset(v)
    sub = c._schema(extra, uri)
    return lambda v: not isinstance(v, dict) or all(sub(v[k]) for k in v if k not in known)


def _items(c: Compiler, items: Any, _s: dict, uri: str) -> Check:
    sub = c._schema(items, uri)
    return lambda v: not isinstance(v, list) or all(map(sub, v))


def _any_of(c: Compiler, branches: list[Any], _s: dict, uri: str) -> Check:
    return _some([c._schema(b, uri) for b in branches])


def _one_of(c: Compiler, branches: list[Any], _s: dict, uri: str) -> Check:
    subs = [c._schema(b, uri) for b in branches]

    def one(v: Any) -> bool:
        found = 0
        for sub in subs:
            if sub(v):
                found += 1
                if found > 1:
                    return False
        return found == 1
    return one


def _same(expected: Any) -> Check:
    """jsonschema's equality for the constants amend's schemas use: true is not 1."""
    if isinstance(expected, bool) or expected is None:
        return lambda v: v is expected
    if isinstance(expected, str):
        return lambda v: isinstance(v, str) and v == expected
    raise ValueError(f"schema_check does not compare with {expected!r}")


def _enum(_c: Compiler, values: list[Any], _s: dict, _u: str) -> Check:
    if all(isinstance(x, str) for x in values):
        texts = frozenset(values)
        return lambda v: isinstance(v, str) and v in texts
    return _some([_same(x) for x in values])


def _const(_c: Compiler, value: Any, _s: dict, _u: str) -> Check:
    return _same(value)


def _pattern(_c: Compiler, pattern: str, _s: dict, _u: str) -> Check:
    search = re.compile(pattern).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _minimum(_c: Compiler, low: float, _s: dict, _u: str) -> Check:
    return lambda v: not _is_number(v) or not v < low


def _maximum(_c: Compiler, high: float, _s: dict, _u: str) -> Check:
    return lambda v: not _is_number(v) or not v > high


def _min_length(_c: Compiler, n: int, _s: dict, _u: str) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= n


def _min_items(_c: Compiler, n: int, _s: dict, _u: str) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= n


def _dollar_ref(c: Compiler, ref: str, _s: dict, uri: str) -> Check:
    return c._ref(uri, ref)


_KEYWORDS: dict[str, Callable[[Compiler, Any, dict, str], Check]] = {
    "type": _type, "required": _required, "properties": _properties, "additionalProperties": _additional,
    "items": _items, "anyOf": _any_of, "oneOf": _one_of, "enum": _enum, "const": _const, "pattern": _pattern,
    "minimum": _minimum, "maximum": _maximum, "minLength": _min_length, "minItems": _min_items,
    "$ref": _dollar_ref,
}
