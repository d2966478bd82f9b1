"""Reading a YAML file with the line of every value: size and encoding checks, a
plain message for each YAML error, values kept as written."""
from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from pathlib import Path

import yaml

from .. import limits
from ..errors import SchemaError
from ..messages import Msg, msg
from ..model import (
    Source,
)

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
    _refuse_marked_encoding(raw, name)
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    _refuse_nul(raw, name)
    return _utf8(raw, name)


def _refuse_marked_encoding(raw: bytes, name: str) -> None:
    """Refuse an encoding other than UTF-8 that a byte order mark names."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise SchemaError(msg("load.encoding.other", encoding=encoding), source=Source(name, 1))


def _refuse_nul(raw: bytes, name: str) -> None:
    nul = raw.find(b"\x00")
    if nul >= 0 and _unmarked_utf16(raw):
        raise SchemaError(msg("load.encoding.other", encoding="UTF-16"), source=Source(name, 1))
    if nul >= 0:
        raise SchemaError(msg("load.encoding.nul"), source=Source(name, raw.count(b"\n", 0, nul) + 1))


def _unmarked_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of Latin text is 0."""
    sample = raw[:2000]
    return bool(sample) and sample.count(b"\x00") * 3 >= len(sample)


def _utf8(raw: bytes, name: str) -> str:
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
    return ("\t" not in text and "\ufeff" not in text and not _EMPTY_IN_FLOW.search(text)
            and not _explicit_key(text) and not yaml.reader.Reader.NON_PRINTABLE.search(text))


# Where libyaml marks an empty value elsewhere than the pure-Python parser:
# after an explicit key ('? key') and inside a flow collection ('{a: }').
# Two patterns, each starting with its literal character, which the regex
# engine finds fast (one pattern of both tried each position of the text:
# a tenth of the whole load's time).
_EMPTY_IN_FLOW = re.compile(r":\s*[,}\]]")
_QUESTION_MARK = re.compile(r"\?(?:\s|$)")
_EXPLICIT_KEY = re.compile(r"(?<![^\s\[{,])\?(?:\s|$)")  # at the start, or after a space, '[', '{' or ','


def _explicit_key(text: str) -> bool:
    return any(_EXPLICIT_KEY.match(text, m.start()) for m in _QUESTION_MARK.finditer(text))


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
        for child in _children(node):
            total += walk(child, depth + 1)
        if total > limits.MAX_YAML_NODES:
            raise SchemaError(msg("load.limit.values", limit=limits.MAX_YAML_NODES), source=_mark(name, node))
        size[key] = total
        return total

    walk(root, 1)


def _children(node) -> list:
    """The nodes a composed node holds: a mapping's keys and values, a sequence's items."""
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


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


_INT_TAG, _STR_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:str"


# lines[WRITTEN + path]: the source text of a scalar that YAML read as something other than
# text, so that a message can quote what the user wrote rather than the value it became.
WRITTEN = ("\0written",)
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}$")


def _scalar(loader, node, name):
    """A value as YAML reads it; a value YAML cannot read ("=", "!tag") is named, not a traceback.
    A text is the node's own value (what the constructor returns for it, without its overhead:
    most values of a program are texts)."""
    value = node.value if node.tag == _STR_TAG and type(node) is yaml.ScalarNode else _constructed(loader, node, name)
    if isinstance(value, str):
        bad = _BAD_CHARS.search(value)
        if bad:
            raise SchemaError(_bad_character(bad.group()), source=_mark(name, node))
        if len(value) > limits.MAX_TEXT_CHARS:
            raise SchemaError(msg("load.limit.text", length=len(value), limit=limits.MAX_TEXT_CHARS),
                              source=_mark(name, node))
    return value


def _constructed(loader, node, name):
    if node.tag == _INT_TAG and len(node.value) > limits.MAX_NUMBER_DIGITS:
        raise SchemaError(msg("load.limit.digits", start=node.value[:12], length=len(node.value),
                              limit=limits.MAX_NUMBER_DIGITS), source=_mark(name, node))
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        if _DATE_LIKE.match(node.value):
            raise SchemaError(msg("load.not_a_date", value=node.value), source=_mark(name, node)) from None
        raise SchemaError(msg("load.yaml.unreadable_value", value=node.value[:40]), source=_mark(name, node)) from None


def _convert(loader, node, path, lines, name):
    lines[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _mapping(loader, node, path, lines, name)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, child, path + (i,), lines, name) for i, child in enumerate(node.value)]
    value = _scalar(loader, node, name)
    if not isinstance(value, str):
        lines[WRITTEN + path] = node.value  # as written ("yes", "010", "12:30"), for the hint to quote
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()  # dates stay text: "2025-10-22"
    return value


def _mapping(loader, node, path, lines, name) -> dict:
    """A mapping's values by their keys as text (a key neither text nor a number, or given twice, is refused)."""
    loader.flatten_mapping(node)
    out = {}
    for key_node, value_node in node.value:
        key = _scalar(loader, key_node, name)
        if not isinstance(key, (str, int)):
            raise SchemaError(msg("load.key_not_text"), source=Source(name, key_node.start_mark.line + 1))
        key = str(key)
        if key in out:
            raise SchemaError(msg("load.key_twice", key=key), source=Source(name, key_node.start_mark.line + 1))
        out[key] = _convert(loader, value_node, path + (key,), lines, name)
    return out
