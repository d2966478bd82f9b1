"""Load program and patch files: YAML → checked against the JSON Schema → model.

Every value remembers the line it was written on, so that a message can say
`amendments/x.yaml:14` rather than "somewhere in the patch".
"""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import AmendErrors, SchemaError
from .model import (
    OPERATIONS, Amendment, Cell, Column, Columns, Decision, ListBlock, Meta, Paragraph,
    Patch, Program, Scope, Section, Source, SourceFile, Table,
)
from .text import clean

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


# ---------------------------------------------------------------- YAML with lines


def read_yaml(path: str | Path) -> tuple[object, dict[tuple, int]]:
    """Parse a YAML file; return the data and a map from data path to 1-based line."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SchemaError("file not found", source=name) from None
    except OSError as exc:
        raise SchemaError(f"cannot be read: {exc.strerror}", source=name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SchemaError("is not saved as UTF-8 (perhaps as Windows-1252); save it again as UTF-8 "
                          "(in Notepad: Save as, Encoding: UTF-8)", source=Source(name, line)) from None
    if _FAST_LOADER is not None and _fast_ok(text):
        try:
            return _parse(text, name, _FAST_LOADER)
        except Exception:  # noqa: BLE001 - the pure-Python parser finds the problem again and words it
            pass
    return _parse(text, name, yaml.SafeLoader)


# libyaml, where PyYAML has it, builds the same nodes about twice as fast. It
# accepts a little more than the pure-Python parser (tabs as separators), so
# it reads only text without tabs or characters that parser refuses, and
# every error is left to the pure-Python parser, so messages stay the same.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _fast_ok(text: str) -> bool:
    return ("\t" not in text and "\ufeff" not in text and not _EMPTY_VALUE_MARKS.search(text)
            and not yaml.reader.Reader.NON_PRINTABLE.search(text))


# Where libyaml marks an empty value elsewhere than the pure-Python parser:
# after an explicit key ('? key') and inside a flow collection ('{a: }').
_EMPTY_VALUE_MARKS = re.compile(r"(?:^|[\s\[{,])\?(?:\s|$)|:\s*[,}\]]")


def _parse(text: str, name: str, loader_class) -> tuple[object, dict[tuple, int]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, name) from None
    finally:
        loader.dispose()
    if node is None:
        raise SchemaError("is empty", source=name)
    lines: dict[tuple, int] = {}
    return _convert(loader, node, (), lines, name), lines


# What PyYAML says, and what it means for someone writing the file by hand.
_YAML_HINTS = (
    ("found character '\\t'", "a tab is used for indentation; indent with spaces"),
    ("mapping values are not allowed here",
     "a ': ' where none belongs: check the indentation, or put a text that holds ': ' in quotes"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
    ("did not find expected key", "the indentation does not line up with the lines above"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
    ("found unknown escape character", "a backslash in a \"double-quoted\" text; use 'single quotes'"),
    ("did not find expected '-' indicator", "a list item ('- ') does not line up with the items above"),
)


def _yaml_error(exc: yaml.MarkedYAMLError, name: str) -> SchemaError:
    """One plain sentence for a YAML syntax error, at the line where the cause is."""
    problem = exc.problem or exc.context or "syntax error"
    mark = exc.problem_mark or exc.context_mark
    for needle, hint in _YAML_HINTS:
        if needle in problem:
            if "never closed" in hint and exc.context_mark:
                mark = exc.context_mark  # where the quote opens, not the end of the file
            problem = hint
            break
    line = mark.line + 1 if mark else None
    return SchemaError(f"is not valid YAML: {problem}", source=Source(name, line) if line else name)


def _scalar(loader, node, name):
    """A value as YAML reads it; a value YAML cannot read ("=", "!tag") is named, not a traceback."""
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise SchemaError(f"is not valid YAML: {node.value!r} cannot be read as a value; put it in quotes",
                          source=Source(name, node.start_mark.line + 1)) from None


def _convert(loader, node, path, lines, name):
    lines[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node, name)
            if not isinstance(key, (str, int)):
                raise SchemaError("a key must be plain text", source=Source(name, key_node.start_mark.line + 1))
            key = str(key)
            if key in out:
                raise SchemaError(f"the key '{key}' is written twice",
                                  source=Source(name, key_node.start_mark.line + 1))
            out[key] = _convert(loader, value_node, path + (key,), lines, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, child, path + (i,), lines, name) for i, child in enumerate(node.value)]
    value = _scalar(loader, node, name)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()  # dates stay text: "2025-10-22"
    return value


# ---------------------------------------------------------------- schema


@lru_cache(maxsize=None)
def _validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = {}
    for kind in ("program", "patch"):
        raw = resources.files("amend").joinpath(f"schemas/{kind}.schema.json").read_text("utf-8")
        schemas[kind] = json.loads(raw)
    registry = Registry().with_resources(
        (SCHEMA_URI + f"{kind}.schema.json", Resource.from_contents(s)) for kind, s in schemas.items()
    )
    return {
        kind: Draft202012Validator({**s, "$id": SCHEMA_URI + f"{kind}.schema.json"}, registry=registry)
        for kind, s in schemas.items()
    }


def validate(data, lines: dict, kind: str, name: str) -> None:
    """Check `data` against the program or patch schema; raise every problem found."""
    if not isinstance(data, dict):
        raise SchemaError(f"must be a mapping with the keys of a {kind} file", source=Source(name, 1))
    if kind == "patch":
        _check_operations(data, lines, name)
    validator = _validators()[kind]
    problems = []
    seen = set()
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(err.absolute_path)
        if any(path[: len(p)] == p for p in seen):
            continue  # one message per place is enough
        seen.add(path)
        amendment = _amendment_id(data, path)
        problems.append(SchemaError(_explain(err, data), source=_source(name, lines, path), amendment=amendment,
                                    amendment_id=amendment))
    if problems:
        raise problems[0] if len(problems) == 1 else AmendErrors(problems)


def _at(lines: dict, path: tuple) -> tuple[int, int]:
    """(line, column) where the value at `path` (or its nearest parent) was written."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, (1, 1))


def _source(name: str, lines: dict, path: tuple) -> Source:
    return Source(name, *_at(lines, path))


def _where(path) -> str:
    parts = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}")
    return "".join(parts).lstrip(".") or "the file"


def _explain(err, data) -> str:
    """A schema error in words: where, what is wrong, what is allowed."""
    where = _where(err.absolute_path)
    v = err.validator
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        hint = difflib.get_close_matches(extra[0], allowed, n=1) if extra else []
        return (f"{where}: unknown key '{extra[0]}'"
                + (f" (did you mean '{hint[0]}'?)" if hint else "")
                + f"; allowed here: {', '.join(allowed)}")
    if v == "required":
        return f"{where}: {err.message.split(' is a required')[0]} is missing"
    if v == "type":
        hint = ""
        if err.validator_value == "string" and err.instance is None:
            hint = '; for an empty text write ""'
        elif err.validator_value == "string" and not isinstance(err.instance, (dict, list)):
            hint = f"; put it in quotes: \"{err.instance}\""
        return f"{where}: must be {_a(err.validator_value)}, not {_a(_json_type(err.instance))}{hint}"
    if v in ("anyOf", "oneOf") and isinstance(err.instance, dict) and "sections" not in err.instance:
        keys = [k for k in err.instance if k != "page"]
        return f"{where}: not a valid block (keys: {', '.join(keys) or 'none'}); " + _block_hint()
    if v in ("anyOf", "oneOf"):
        return f"{where}: {_json_type(err.instance)} {err.instance!r} is not allowed here; " + _block_hint()
    if v == "enum":
        return f"{where}: must be one of {', '.join(map(str, err.validator_value))}, not {err.instance!r}"
    if v == "pattern":
        return f"{where}: {err.instance!r} may only use letters, digits, '.', '_' and '-'"
    if v in ("minimum", "maximum"):
        return f"{where}: {err.instance} is out of range ({v} {err.validator_value})"
    if v in ("minLength", "minItems"):
        return f"{where}: must not be empty"
    return f"{where}: {err.message}"


def _amendment_id(data, path: tuple):
    """The id of the amendment a schema error is in, if it is in one."""
    if len(path) > 1 and path[0] == "amendments" and isinstance(path[1], int):
        amendments = data.get("amendments")
        am = amendments[path[1]] if isinstance(amendments, list) and path[1] < len(amendments) else None
        if isinstance(am, dict) and isinstance(am.get("id"), str):
            return am["id"]
    return None


def _block_hint() -> str:
    return ("a block is plain text (a paragraph) or one of paragraph:, bullets:, numbered:, "
            "table:, columns: (optionally with page:)")


def _a(kind) -> str:
    if isinstance(kind, list):
        return " or ".join(_a(k) for k in kind)
    words = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
             "boolean": "true or false", "null": "empty", "number": "a number"}
    return words.get(kind, kind)


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {str: "string", int: "integer", float: "number", list: "array", dict: "object",
            type(None): "null"}.get(type(value), type(value).__name__)


def _check_operations(data, lines, name):
    """Exactly one operation per amendment, and modifiers that fit it.

    Checked before the schema so the message names the operation, not a
    oneOf branch.
    """
    problems = []
    amendments = data.get("amendments")
    for i, am in enumerate(amendments if isinstance(amendments, list) else []):  # else the schema says so
        if not isinstance(am, dict):
            continue
        label = am.get("id", f"amendment {i + 1}")
        src = _source(name, lines, ("amendments", i))
        ops = [k for k in am if k in OPERATIONS]
        known = set(OPERATIONS) | set(MODIFIERS) | {"id", "title", "text", "at"}
        unknown = [k for k in am if k not in known]
        for key in unknown:
            hint = difflib.get_close_matches(key, sorted(known), n=1)
            problems.append(SchemaError(
                f"unknown operation or key '{key}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
                + f"; operations are: {', '.join(OPERATIONS)}",
                source=_source(name, lines, ("amendments", i, key)), amendment=label))
        if unknown:
            continue
        if len(ops) != 1:
            problems.append(SchemaError(
                ("has no operation" if not ops else f"has {len(ops)} operations ({', '.join(ops)})")
                + f"; an amendment has exactly one of: {', '.join(OPERATIONS)}", source=src, amendment=label))
            continue
        for key, fits in MODIFIERS.items():
            if key in am and ops[0] not in fits:
                problems.append(SchemaError(
                    f"'{key}' does not go with '{ops[0]}' (it goes with {' or '.join(fits)})",
                    source=_source(name, lines, ("amendments", i, key)), amendment=label))
        if "after" in am and "before" in am:
            problems.append(SchemaError("has both 'after' and 'before'; use one", source=src, amendment=label))
        if ops[0] == "replace" and "with" not in am:
            problems.append(SchemaError("'replace' needs 'with' (the new text; empty text deletes)",
                                        source=src, amendment=label))
        if "position" in am and "after_item" in am:
            problems.append(SchemaError("has both 'position' and 'after_item'; use one", source=src, amendment=label))
    if problems:
        raise problems[0] if len(problems) == 1 else AmendErrors(problems)


# ---------------------------------------------------------------- model


def blocks_from_data(content) -> tuple:
    if isinstance(content, str):
        content = [content]
    return tuple(_block(b) for b in content or ())


def _block(b):
    if isinstance(b, str):
        return Paragraph(clean(b))
    page = b.get("page")
    if "paragraph" in b:
        return Paragraph(clean(b["paragraph"]), page)
    if "bullets" in b or "numbered" in b:
        ordered = "numbered" in b
        return ListBlock(tuple(clean(i) for i in b["numbered" if ordered else "bullets"]), ordered, page)
    if "table" in b:
        t = b["table"]
        return Table(tuple(_cell(c) for c in t.get("header") or ()),
                     tuple(tuple(_cell(c) for c in row) for row in t["rows"]), page)
    if "columns" in b:
        cols = tuple(Column(clean(c["heading"]) if c.get("heading") else None, blocks_from_data(c["content"]))
                     for c in b["columns"])
        return Columns(cols, page)
    raise AssertionError(f"schema let through an unknown block: {b!r}")


def _cell(c) -> Cell:
    return Cell(blocks_from_data(c) if c != "" else ())


def _decision(d: dict) -> Decision:
    return Decision(body=clean(d["body"]), date=str(d["date"]), paragraph=d.get("paragraph"), case=d.get("case"),
                    proposes_to=d.get("proposes_to"))


def program_from_data(data: dict, name: str | None = None) -> Program:
    m = data["program"]
    meta = Meta(
        id=m["id"], title=clean(m["title"]), version=m["version"], organisation=m.get("organisation"),
        language=m.get("language", "sv"), date=m.get("date"), status=m.get("status"),
        subtitle=m.get("subtitle"), decisions=tuple(_decision(d) for d in m.get("decisions") or ()),
    )
    sections = tuple(
        Section(clean(s["heading"]), s.get("level", 1), s["page"], blocks_from_data(s.get("content")))
        for s in data["sections"]
    )
    src = data.get("source")
    program = Program(meta, sections, source=name,
                      source_file=SourceFile(src["file"], src["size"], src["sha256"]) if src else None)
    _check_pages(program, data, name)
    return program


def _check_pages(program: Program, data, name):
    """Pages never go back: a block on page 5 after one on page 6 is a typing error."""
    last = 0
    for i, section in enumerate(program.sections):
        page = section.page
        if page < last:
            raise SchemaError(f"section '{section.heading}' is on page {page}, before the page {last} "
                              "of the text above it; pages must not go back", source=name)
        for block in section.blocks:
            if block.page and block.page < page:
                raise SchemaError(f"a block in section '{section.heading}' is on page {block.page}, "
                                  f"before the page {page} of the text above it", source=name)
            page = block.page or page
        last = page


def patch_from_data(data: dict, lines: dict, name: str) -> Patch:
    amendments = []
    seen: dict[str, int] = {}
    for i, a in enumerate(data["amendments"]):
        src = _source(name, lines, ("amendments", i))
        if a["id"] in seen:
            raise SchemaError(f"the id '{a['id']}' is already used on line {seen[a['id']]}; ids must be unique",
                              source=src)
        seen[a["id"]] = src.line
        op = next(k for k in a if k in OPERATIONS)
        amendments.append(Amendment(
            id=a["id"], op=op, scope=Scope(**(a.get("at") or {})), source=src,
            title=a.get("title"), text=a.get("text"), value=_op_value(op, a[op]),
            after=a.get("after"), before=a.get("before"), with_=a.get("with"),
            position=a.get("position"), after_item=a.get("after_item"), after_section=a.get("after_section"),
            key_lines=tuple((k, *_at(lines, ("amendments", i, k))) for k in a),
        ))
    return Patch(program=data["program"], base=str(data["base"]), produces=str(data["produces"]),
                 decision=_decision(data["decision"]), amendments=tuple(amendments),
                 status=data.get("status"), source=name)


def _op_value(op: str, value):
    if op == "add_section":
        return Section(clean(value["heading"]), value.get("level", 0), 0, blocks_from_data(value.get("content")))
    if op == "replace_section_text":
        return blocks_from_data(value)
    if value is True:
        return True
    return clean(value) if isinstance(value, str) else value


# ---------------------------------------------------------------- entry points


def kind_of(data) -> str:
    if isinstance(data, dict) and "amendments" in data:
        return "patch"
    return "program"


def _expect(data, kind: str, name: str) -> None:
    """A patch given where a program belongs (or the other way round) is named as such."""
    found = kind_of(data)
    if found != kind and isinstance(data, dict):
        raise SchemaError(f"is a {found} file, not a {kind}; the order is: amend apply PROGRAM PATCH...",
                          source=name)


def load_program(path: str | Path) -> Program:
    data, lines = read_yaml(path)
    _expect(data, "program", str(path))
    validate(data, lines, "program", str(path))
    return program_from_data(data, str(path))


def load_patch(path: str | Path) -> Patch:
    data, lines = read_yaml(path)
    _expect(data, "patch", str(path))
    validate(data, lines, "patch", str(path))
    return patch_from_data(data, lines, str(path))


def load_any(path: str | Path):
    """Load a program or a patch, whichever the file holds."""
    data, lines = read_yaml(path)
    kind = kind_of(data)
    validate(data, lines, kind, str(path))
    if kind == "patch":
        return patch_from_data(data, lines, str(path))
    return program_from_data(data, str(path))
