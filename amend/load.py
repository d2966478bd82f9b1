"""Load program and patch files: YAML → checked against the JSON Schema → model.

Every value remembers the line it was written on, so that a message can say
`amendments/x.yaml:14` rather than "somewhere in the patch".
"""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import os
import re
import stat
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from . import limits
from .errors import AmendError, AmendErrors, SchemaError
from .messages import Msg, msg
from .model import (
    OPERATIONS,
    Amendment,
    Cell,
    Column,
    Columns,
    Decision,
    ListBlock,
    Meta,
    Paragraph,
    Patch,
    Program,
    Scope,
    Section,
    Source,
    SourceFile,
    Table,
)
from .schema_check import Compiler
from .text import clean, is_blank

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
    return parse_yaml(decode_text(read_input(path, limits.MAX_FILE_BYTES), name), name)


def parse_yaml(text: str, name: str) -> tuple[object, dict[tuple, int]]:
    """YAML text → (data, lines), with every check read_yaml makes (nesting,
    aliases, characters, numbers, text length): also for YAML amend writes,
    so that what it writes loads again."""
    loader = node = None
    if _FAST_LOADER is not None and _fast_ok(text):
        try:
            loader, node = _compose(text, name, _FAST_LOADER)
        except Exception:  # noqa: BLE001 - the pure-Python parser finds the problem again and words it
            loader = None
    if loader is None:
        loader, node = _compose(text, name, _Loader)
    if node is None:
        raise SchemaError(msg("load.empty"), source=name)
    _check_graph(node, name)
    lines: dict[tuple, int] = {}
    return _convert(loader, node, (), lines, name), lines


def check_input(path: str | Path, limit: int, error: type = SchemaError) -> None:
    """Refuse, before reading, an input that is no plain file (a folder, a device
    such as /dev/zero, a pipe: reading those blocks or never ends) or is larger
    than `limit` bytes."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(msg("load.not_found"), source=name) from None
    except OSError as exc:
        raise error(msg("load.unreadable", reason=exc.strerror), source=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise error(msg("load.is_folder"), source=name)
    if not stat.S_ISREG(info.st_mode):
        raise error(msg("load.not_plain_file"), source=name)
    if info.st_size > limit:
        raise error(msg("load.limit.file_size", size=info.st_size, limit=limit), source=name)


def read_input(path: str | Path, limit: int) -> bytes:
    """The bytes of an input file (see check_input)."""
    check_input(path, limit)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the file may have grown since it was looked at
    except OSError as exc:
        raise SchemaError(msg("load.unreadable", reason=exc.strerror), source=str(path)) from None
    if len(raw) > limit:
        raise SchemaError(msg("load.limit.file_grew", limit=limit), source=str(path))
    return raw


# Byte order marks of the encodings a text editor may save in, longest first.
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 text (a UTF-8 byte order mark is allowed); any other encoding is named."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise SchemaError(msg("load.encoding.other", encoding=encoding), source=Source(name, 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        # UTF-16 without a byte order mark: every other byte of Latin text is 0
        sample = raw[:2000]
        if sample and sample.count(b"\x00") * 3 >= len(sample):
            raise SchemaError(msg("load.encoding.other", encoding="UTF-16"), source=Source(name, 1))
        line = raw.count(b"\n", 0, nul) + 1
        raise SchemaError(msg("load.encoding.nul"), source=Source(name, line))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SchemaError(msg("load.encoding.not_utf8"), source=Source(name, line)) from None


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


class _DepthError(Exception):
    def __init__(self, mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """The pure-Python loader, stopping at amend's nesting limit instead of at
    Python's recursion limit (its composer recurses once per level)."""

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > limits.MAX_YAML_DEPTH:
                raise _DepthError(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _compose(text: str, name: str, loader_class):
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks the characters here
        return loader, loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, name, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses outright
        line = text.count("\n", 0, exc.position) + 1
        raise SchemaError(_bad_character(chr(exc.character) if isinstance(exc.character, int)
                                         else exc.character), source=Source(name, line)) from None
    except _DepthError as exc:
        raise _too_deep(name, exc.mark.line + 1) from None
    finally:
        if loader is not None:
            loader.dispose()


def _too_deep(name: str, line: int) -> SchemaError:
    return SchemaError(msg("load.limit.depth", limit=limits.MAX_YAML_DEPTH), source=Source(name, line))


def _check_graph(root, name: str) -> None:
    """Refuse a file whose values nest too deeply, use many aliases (*name), or
    grow past the node limit once its aliases are expanded ("billion laughs"):
    measured on the composed nodes, where an alias is one shared node, so the
    check costs no more than the file's length."""
    size: dict[int, int] = {}  # id(node) -> nodes once expanded
    aliases = 0

    def walk(node, depth: int) -> int:
        nonlocal aliases
        key = id(node)
        if key in size:
            aliases += 1
            if aliases > limits.MAX_YAML_ALIASES:
                raise SchemaError(msg("load.limit.aliases", limit=limits.MAX_YAML_ALIASES), source=_mark(name, node))
            return size[key]
        if depth > limits.MAX_YAML_DEPTH:
            raise _too_deep(name, node.start_mark.line + 1)
        total = 1
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        for child in children:
            total += walk(child, depth + 1)
        if total > limits.MAX_YAML_NODES:
            raise SchemaError(msg("load.limit.values", limit=limits.MAX_YAML_NODES), source=_mark(name, node))
        size[key] = total
        return total

    walk(root, 1)


def _mark(name: str, node) -> Source:
    return Source(name, node.start_mark.line + 1)


# Characters a document (XML, so DOCX and HTML) cannot hold, or that hide what
# the text says: control characters, U+FFFE/U+FFFF, lone surrogates (possible
# through YAML escapes such as "\\ud800"), and the bidirectional overrides and
# isolates that show text in another order than it is matched.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
                        "\u202a-\u202e\u2066-\u2069]")


def check_characters(text: str, name: str, allowed: str = "") -> None:
    """Refuse plain text (minutes) holding a character a document cannot hold,
    naming its line; `allowed` ones pass (a form feed between printed pages)."""
    for bad in _BAD_CHARS.finditer(text):
        if bad.group() not in allowed:
            raise SchemaError(_bad_character(bad.group()), source=Source(name, text.count("\n", 0, bad.start()) + 1))


def _bad_character(ch: str) -> Msg:
    code = f"U+{ord(ch):04X}"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        what = msg("load.char.bidi", code=code)
    elif "\ud800" <= ch <= "\udfff":
        what = msg("load.char.surrogate", code=code)
    elif ch in "\ufffe\uffff":
        what = msg("load.char.noncharacter", code=code)
    else:
        what = msg("load.char.control", code=code)
    return msg("load.char.holds", what=what)


# What PyYAML says, and what it means for someone writing the file by hand.
_YAML_HINTS = (
    ("found character '\\t'", msg("load.yaml.tab")),
    ("mapping values are not allowed here", msg("load.yaml.colon")),
    ("expected <block end>", msg("load.yaml.indent")),
    ("did not find expected key", msg("load.yaml.indent")),
    ("found unexpected end of stream", msg("load.yaml.unclosed")),
    ("found unknown escape character", msg("load.yaml.escape")),
    ("did not find expected '-' indicator", msg("load.yaml.list_item")),
)
# Hints that may hide a quote left open further up (see _runaway_quote).
_LAYOUT_HINTS = ("load.yaml.tab", "load.yaml.colon", "load.yaml.indent")


def _yaml_error(exc: yaml.MarkedYAMLError, name: str, text: str = "") -> SchemaError:
    """One plain sentence for a YAML syntax error, at the line where the cause is."""
    said = exc.problem or exc.context
    problem: str | Msg = said or msg("load.yaml.syntax")
    mark = exc.problem_mark or exc.context_mark
    for needle, hint in _YAML_HINTS:
        if said and needle in said:
            if hint.key == "load.yaml.unclosed" and exc.context_mark:
                mark = exc.context_mark  # where the quote opens, not the end of the file
            problem = hint
            break
    layout = problem.key in _LAYOUT_HINTS if isinstance(problem, Msg) else "indentation" in problem or "': '" in problem
    if layout:
        quote = _runaway_quote(text, mark)
        if quote is not None:
            return SchemaError(msg("load.yaml.runaway_quote", line=quote[1]), source=Source(name, quote[0]))
    line = mark.line + 1 if mark else None
    return SchemaError(msg("load.yaml.invalid", problem=problem), source=Source(name, line) if line else name)


def _runaway_quote(text: str, mark) -> tuple[int, int] | None:
    """(opening line, closing line) of a quoted text that spans lines and ends
    just before a syntax error: a quote left open, which YAML closes at the next
    quote mark, so that the error it reports looks like one of indentation."""
    if not text or mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") and last.end_mark.line > last.start_mark.line \
            and last.end_mark.line >= mark.line - 1:
        return last.start_mark.line + 1, last.end_mark.line + 1
    return None


_INT_TAG = "tag:yaml.org,2002:int"


_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}$")


def _scalar(loader, node, name):
    """A value as YAML reads it; a value YAML cannot read ("=", "!tag") is named, not a traceback."""
    if node.tag == _INT_TAG and len(node.value) > limits.MAX_NUMBER_DIGITS:
        raise SchemaError(msg("load.limit.digits", start=node.value[:12], length=len(node.value),
                              limit=limits.MAX_NUMBER_DIGITS), source=_mark(name, node))
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        if _DATE_LIKE.match(node.value):
            raise SchemaError(msg("load.not_a_date", value=node.value), source=_mark(name, node)) from None
        raise SchemaError(msg("load.yaml.unreadable_value", value=node.value[:40]), source=_mark(name, node)) from None
    if isinstance(value, str):
        bad = _BAD_CHARS.search(value)
        if bad:
            raise SchemaError(_bad_character(bad.group()), source=_mark(name, node))
        if len(value) > limits.MAX_TEXT_CHARS:
            raise SchemaError(msg("load.limit.text", length=len(value), limit=limits.MAX_TEXT_CHARS),
                              source=_mark(name, node))
    return value


def _convert(loader, node, path, lines, name):
    lines[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node, name)
            if not isinstance(key, (str, int)):
                raise SchemaError(msg("load.key_not_text"), source=Source(name, key_node.start_mark.line + 1))
            key = str(key)
            if key in out:
                raise SchemaError(msg("load.key_twice", key=key),
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


@cache
def _schemas() -> dict[str, dict]:
    """{uri: schema} of the program and patch schemas (each names the other's $defs)."""
    out = {}
    for kind in ("program", "patch"):
        raw = resources.files("amend").joinpath(f"schemas/{kind}.schema.json").read_text("utf-8")
        out[SCHEMA_URI + f"{kind}.schema.json"] = {**json.loads(raw), "$id": SCHEMA_URI + f"{kind}.schema.json"}
    return out


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
        raise SchemaError(msg("load.not_mapping", kind=_kind(kind)), source=Source(name, 1))
    if kind == "patch":
        _check_size(data, name)
        _check_operations(data, lines, name)
    problems: list[AmendError] = []
    seen: set[tuple] = set()
    errors = () if _check(kind)(data) else _validators()[kind].iter_errors(data)
    for err in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(err.absolute_path)
        if any(path[: len(p)] == p for p in seen):
            continue  # one message per place is enough
        seen.add(path)
        amendment = _amendment_id(data, path)
        problems.append(SchemaError(_explain(err, data), source=_source(name, lines, path), amendment=amendment,
                                    amendment_id=amendment))
    # values the schema cannot judge, in every section or amendment the schema found in order
    broken = [tuple(e) for e in seen]
    problems += [SchemaError(msg("load.at", at=_where(path), it=message), source=_source(name, lines, path),
                             amendment=_amendment_id(data, path), amendment_id=_amendment_id(data, path))
                 for path, message in _value_problems(data, kind, broken)]
    problems.sort(key=lambda e: (e.source.line, e.source.column) if isinstance(e.source, Source) else (0, 0))
    if problems:
        raise problems[0] if len(problems) == 1 else AmendErrors(problems)


def _check_size(data: dict, name: str) -> None:
    amendments = data.get("amendments")
    if isinstance(amendments, list) and len(amendments) > limits.MAX_AMENDMENTS:
        raise SchemaError(msg("load.limit.amendments", count=len(amendments), limit=limits.MAX_AMENDMENTS), source=name)


# ---------------------------------------------------------------- values the schema cannot judge
#
# The rule behind these: whatever amend writes must itself load and validate.
# A text of only spaces is cleaned to nothing, so it would add an empty
# paragraph, item or heading (which no program may hold), or quote nothing.


_blank = is_blank


_ANCHOR_KEYS = ("after", "before", "replace", "delete", "after_item", "after_section", "delete_paragraph",
                "delete_item", "delete_section")
_ADDED_TEXT_KEYS = ("insert", "add_item", "add_paragraph")
_NO_ANCHOR = msg("load.value.no_anchor")


def _value_problems(data: dict, kind: str, broken: Sequence[tuple] = ()):
    """(data path, message) of every value that passes the schema but cannot be
    right; sections and amendments with a schema error (a path in `broken` at,
    above or below them) are left out, as their shape is not known."""
    broken = [b for b in broken if b]  # a key missing from the file itself shapes nothing below

    def whole(path: tuple) -> bool:
        return not any(b[:len(path)] == path or path[:len(b)] == b for b in broken)

    top = "sections" if kind == "program" else "amendments"
    if not isinstance(data.get(top), list) or (top,) in broken:
        return
    entries = [(i, e) for i, e in enumerate(data[top]) if whole((top, i))]
    if kind == "program":
        pages = []
        for i, section in entries:
            path = ("sections", i)
            if _blank(section["heading"]):
                yield path + ("heading",), msg("load.value.blank_heading")
            pages.append((path + ("page",), section["page"]))
            yield from _content_problems(section.get("content") or (), path + ("content",), pages)
        yield from _page_order(pages)
        if whole(("program",)) and isinstance(data.get("program"), dict) and _blank(data["program"]["title"]):
            yield ("program", "title"), msg("load.value.blank_title")
        return
    yield from _date_problems(data.get("decision"), ("decision",), whole)
    for i, am in entries:
        path = ("amendments", i)
        at = am.get("at") or {}
        for key in ("heading", "column"):
            if isinstance(at.get(key), str) and _blank(at[key]):
                yield path + ("at", key), _NO_ANCHOR
        for key in _ANCHOR_KEYS:
            if isinstance(am.get(key), str) and _blank(am[key]):
                yield path + (key,), _NO_ANCHOR
        for key in _ADDED_TEXT_KEYS:
            if key in am and _blank(am[key]):
                yield path + (key,), msg("load.value.blank_text")
        if am.get("with") and _blank(am["with"]):
            yield path + ("with",), msg("load.value.blank_with")
        if "add_section" in am:
            section = am["add_section"]
            if _blank(section["heading"]):
                yield path + ("add_section", "heading"), msg("load.value.blank_heading")
            pages = []
            yield from _content_problems(section.get("content") or (), path + ("add_section", "content"), pages)
            yield from _page_order(pages)
        if "replace_section_text" in am:
            value, pages = am["replace_section_text"], []
            yield from _content_problems([value] if isinstance(value, str) else value,
                                         path + ("replace_section_text",), pages)
            yield from _page_order(pages)


def _date_problems(decision, path: tuple, whole):
    """A date the pattern lets through but the calendar has not ("2025-02-30")."""
    if not isinstance(decision, dict) or not whole(path):
        return
    for key in ("date", "in_force"):
        value = decision.get(key)
        if isinstance(value, str):
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                yield path + (key,), msg("load.not_a_date", value=value)


def _content_problems(content, path: tuple, pages: list | None = None):
    """Blank texts and page numbers of a list of blocks; the pages of top-level
    blocks are collected into `pages` as (path, page)."""
    for j, block in enumerate(content):
        here = path + (j,)
        if isinstance(block, str):
            if _blank(block):
                yield here, msg("load.value.blank_paragraph")
            continue
        if pages is not None and "page" in block:
            pages.append((here + ("page",), block["page"]))
        if "paragraph" in block and _blank(block["paragraph"]):
            yield here + ("paragraph",), msg("load.value.blank_paragraph")
        for key in ("bullets", "numbered"):
            for k, item in enumerate(block.get(key) or ()):
                if _blank(item):
                    yield here + (key, k), msg("load.value.blank_item")
        if "table" in block:
            table = block["table"]
            cells: list[tuple[tuple, Any]] = [(("header", c), cell) for c, cell in enumerate(table.get("header") or ())]
            cells += [(("rows", r, c), cell) for r, row in enumerate(table["rows"]) for c, cell in enumerate(row)]
            for where, cell in cells:
                if isinstance(cell, str) and cell and _blank(cell):
                    yield here + ("table",) + where, msg("load.value.blank_cell")
                elif isinstance(cell, list):
                    yield from _content_problems(cell, here + ("table",) + where)
        for c, column in enumerate(block.get("columns") or ()):
            if isinstance(column.get("heading"), str) and _blank(column["heading"]):
                yield here + ("columns", c, "heading"), msg("load.value.blank_column_heading")
            yield from _content_problems(column.get("content") or (), here + ("columns", c, "content"))


def _page_order(pages: list):
    """Pages never go back, and none is beyond amend's page limit."""
    last = 0
    for path, page in pages:
        if page > limits.MAX_PAGE:
            yield path, msg("load.limit.page", page=page, limit=limits.MAX_PAGE)
            return
        if page < last:
            yield path, msg("load.value.page_back", page=page, last=last)
            return
        last = page


def _at(lines: dict, path: tuple) -> tuple[int, int]:
    """(line, column) where the value at `path` (or its nearest parent) was written."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, (1, 1))


def _source(name: str, lines: dict, path: tuple) -> Source:
    return Source(name, *_at(lines, path))


def _where(path) -> str | Msg:
    parts = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}")
    return "".join(parts).lstrip(".") or msg("load.the_file")


def _explain(err, data) -> Msg:
    """A schema error in words: where, what is wrong, what is allowed."""
    return msg("load.at", at=_where(err.absolute_path), it=_what(err))


def _what(err) -> str | Msg:
    """What is wrong with the value of a schema error (jsonschema's own words where amend has none)."""
    v = err.validator
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        return msg("load.schema.unknown_key", key=extra[0], hint=_did_you_mean(extra[0], allowed),
                   allowed=", ".join(allowed))
    if v == "required":
        return msg("load.schema.missing", key=err.message.split(" is a required")[0].strip("'\""))
    if v == "type":
        return _wrong_type(err)
    if v in ("anyOf", "oneOf") and isinstance(err.instance, dict) and "sections" not in err.instance:
        keys = [k for k in err.instance if k != "page"]
        return msg("load.schema.not_block", keys=", ".join(keys) or msg("load.schema.no_keys"))
    if v in ("anyOf", "oneOf") and _is_ordinal(err.schema):
        hint = msg("load.schema.hint_whole", whole=int(err.instance), value=err.instance) \
            if isinstance(err.instance, float) and err.instance.is_integer() else ""
        return msg("load.schema.not_ordinal", value=err.instance, hint=hint)
    if v in ("anyOf", "oneOf"):
        return msg("load.schema.not_allowed", kind=_JSON_NAMES.get(_json_type(err.instance), _json_type(err.instance)),
                   value=err.instance)
    if v == "enum":
        return msg("load.schema.enum", options=", ".join(map(str, err.validator_value)), value=err.instance)
    if v == "pattern":
        if "\\d{4}" in err.validator_value:
            return msg("load.schema.not_iso_date", value=err.instance)
        return msg("load.schema.bad_id", value=err.instance)
    if v in ("minimum", "maximum"):
        bound = msg("load.schema.minimum") if v == "minimum" else msg("load.schema.maximum")
        return msg("load.schema.out_of_range", value=err.instance, bound=bound, limit=err.validator_value)
    if v in ("minLength", "minItems"):
        return msg("load.schema.empty")
    return str(err.message)


def _wrong_type(err) -> Msg:
    if isinstance(err.instance, float) and err.instance.is_integer() and "integer" in str(err.validator_value):
        return msg("load.schema.whole_number", whole=int(err.instance), value=err.instance)
    hint: str | Msg = ""
    if err.validator_value == "string" and err.instance is None:
        hint = msg("load.schema.hint_empty_text")
    elif err.validator_value == "string" and not isinstance(err.instance, (dict, list)):
        hint = msg("load.schema.hint_quote", value=err.instance)
    return msg("load.schema.wrong_type", expected=_a(err.validator_value), found=_a(_json_type(err.instance)),
               hint=hint)


def _did_you_mean(key: str, known: list[str]) -> str | Msg:
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


def _kind(kind: str) -> Msg:
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


def _check_operations(data, lines, name):
    """Exactly one operation per amendment, and modifiers that fit it.

    Checked before the schema so the message names the operation, not a
    oneOf branch.
    """
    problems: list[AmendError] = []
    amendments = data.get("amendments")
    for i, am in enumerate(amendments if isinstance(amendments, list) else []):  # else the schema says so
        if not isinstance(am, dict):
            continue
        label = am.get("id", msg("load.amendment", n=i + 1))
        src = _source(name, lines, ("amendments", i))
        ops = [k for k in am if k in OPERATIONS]
        known = set(OPERATIONS) | set(MODIFIERS) | {"id", "title", "text", "at"}
        unknown = [k for k in am if k not in known]
        for key in unknown:
            problems.append(SchemaError(
                msg("load.op.unknown", key=key, hint=_did_you_mean(key, sorted(known)), ops=", ".join(OPERATIONS)),
                source=_source(name, lines, ("amendments", i, key)), amendment=label))
        if unknown:
            continue
        if len(ops) != 1:
            several = msg("load.op.several", count=len(ops), found=", ".join(ops), ops=", ".join(OPERATIONS))
            problems.append(SchemaError(msg("load.op.none", ops=", ".join(OPERATIONS)) if not ops else several,
                                        source=src, amendment=label))
            continue
        for key, fits in MODIFIERS.items():
            if key in am and ops[0] not in fits:
                problems.append(SchemaError(
                    msg("load.op.misfit", key=key, op=ops[0], fits=list(fits)),
                    source=_source(name, lines, ("amendments", i, key)), amendment=label))
        if "after" in am and "before" in am:
            problems.append(SchemaError(msg("load.op.after_and_before"), source=src, amendment=label))
        if ops[0] == "replace" and "with" not in am:
            problems.append(SchemaError(msg("load.op.replace_without_with"),
                                        source=src, amendment=label))
        if "position" in am and "after_item" in am:
            problems.append(SchemaError(msg("load.op.position_and_after_item"), source=src, amendment=label))
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
                    proposes_to=d.get("proposes_to"), in_force=d.get("in_force"), order=d.get("order"))


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
    return Program(meta, sections, source=name,
                   source_file=SourceFile(src["file"], src["size"], src["sha256"], src.get("places")) if src else None)


def patch_from_data(data: dict, lines: dict, name: str) -> Patch:
    amendments = []
    seen: dict[str, int] = {}
    for i, a in enumerate(data["amendments"]):
        src = _source(name, lines, ("amendments", i))
        if a["id"] in seen:
            raise SchemaError(msg("load.duplicate_id", id=a["id"], line=seen[a["id"]]),
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
                 status=data.get("status"), source=name, outcome=data.get("outcome", "adopted"))


def _op_value(op: str, value):
    if op == "add_section":
        return Section(clean(value["heading"]), value.get("level", 0), 0, blocks_from_data(value.get("content")))
    if op == "replace_section_text":
        return blocks_from_data(value)
    if value is True:
        return True
    return clean(value) if isinstance(value, str) else value


# ---------------------------------------------------------------- entry points


_PATCH_KEYS = ("amendments", "base", "produces", "decision")


def kind_of(data) -> str:
    """A patch by any key only a patch has (so that one missing its amendments
    is not called a program), else a program."""
    if isinstance(data, dict) and any(k in data for k in _PATCH_KEYS) and "sections" not in data:
        return "patch"
    return "program"


def _expect(data, kind: str, name: str) -> None:
    """A patch given where a program belongs (or the other way round) is named as such."""
    found = kind_of(data)
    if found != kind and isinstance(data, dict):
        raise SchemaError(msg("load.wrong_kind", found=_kind(found), kind=_kind(kind)),
                          source=name)


def load_program(path: str | Path) -> Program:
    data, lines = read_yaml(path)
    _expect(data, "program", str(path))
    validate(data, lines, "program", str(path))
    return program_from_data(cast(dict, data), str(path))


def load_patch(path: str | Path) -> Patch:
    data, lines = read_yaml(path)
    _expect(data, "patch", str(path))
    validate(data, lines, "patch", str(path))
    return patch_from_data(cast(dict, data), lines, str(path))


def load_any(path: str | Path):
    """Load a program or a patch, whichever the file holds."""
    data, lines = read_yaml(path)
    kind = kind_of(data)
    validate(data, lines, kind, str(path))
    if kind == "patch":
        return patch_from_data(cast(dict, data), lines, str(path))
    return program_from_data(cast(dict, data), str(path))
