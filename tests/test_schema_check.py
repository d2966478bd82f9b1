"""The compiled schema check (amend/schema_check.py) says "valid" exactly when jsonschema does.

Compared on every program and patch of the repository, the golden cases and
the bad-input corpus, and on thousands of seeded random changes of them: keys
dropped, unknown keys added, values swapped for values of every other type
and for edge values (0, -1, 2.0, true, "", [], {}).
"""
from __future__ import annotations

import copy
import random
import re
from pathlib import Path

import pytest
import yaml

from amend.load import _check, _validators
from amend.schema_check import Compiler

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted({*ROOT.glob("programs/*.yaml"), *ROOT.glob("amendments/*/*.yaml"), *ROOT.glob("tests/cases/*/*.yaml"),
                *ROOT.glob("tests/fixtures/bad/program/*.yaml"), *ROOT.glob("tests/fixtures/bad/patch/*.yaml")})
ODD = [0, -1, 1, 2, 2.0, 1.5, True, False, None, "", " ", "x", "first", "last", "sv", "2025-10-22", "2025-1-1",
       "a b", [], [""], ["x"], {}, {"paragraph": "x"}, {"x": 1}]


_UNREAD = object()


def _data(path: Path):
    """The file's data; _UNREAD for a file YAML cannot read (the loader refuses it before any
    schema check: tests/test_bad_inputs.py), or one with aliases (expanded, a "billion laughs"
    file is too large to walk)."""
    try:
        text = path.read_text("utf-8")
        if re.search(r"(^|\s)[&*]\w", text):
            return _UNREAD
        return yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError):
        return _UNREAD


READ = [p for p in FILES if _data(p) is not _UNREAD]


def _kind(data) -> str:
    return "patch" if "amendments" in data or "base" in data else "program"


def _places(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _places(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _places(v, path + (i,))


def _mutate(data, rng: random.Random):
    data = copy.deepcopy(data)
    places = [p for p in _places(data) if p]
    for _ in range(rng.randint(1, 3)):
        if not places:
            break
        path = rng.choice(places)
        parent = data
        for k in path[:-1]:
            parent = parent[k]
        last = path[-1]
        action = rng.random()
        try:
            if action < 0.2 and isinstance(parent, dict):
                del parent[last]
            elif action < 0.3 and isinstance(parent, dict):
                parent[rng.choice(["extra", "paragraph", "page", "level", "with", "after"])] = rng.choice(ODD)
            elif action < 0.6:  # a value of the same type: mostly still valid
                parent[last] = _like(parent[last], rng)
            else:
                parent[last] = copy.deepcopy(rng.choice(ODD))
        except (KeyError, IndexError, TypeError):
            continue
        places = [p for p in _places(data) if p]
    return data


def _like(value, rng: random.Random):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return rng.choice([1, 2, 3, 0, 7])
    if isinstance(value, str):
        return rng.choice(["ord och mening", "x", "first", "2025-10-22", "a.b-c_1", ""])
    return value


def _agree(data, kind: str):
    expected = _validators()[kind].is_valid(data)
    assert _check(kind)(data) is expected, f"jsonschema says valid={expected} for {kind}: {str(data)[:300]}"
    return expected


@pytest.mark.parametrize("path", READ, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_check_agrees_with_jsonschema_on_every_file(path):
    data = _data(path)
    if not isinstance(data, dict):  # a list, a number, an empty file: neither may call it valid
        for kind in ("program", "patch"):
            assert _agree(data, kind) is False
        return
    _agree(data, _kind(data))


def test_the_files_read_include_documents_that_are_not_mappings():
    assert sum(not isinstance(_data(p), dict) for p in READ) >= 5


def test_the_check_agrees_with_jsonschema_on_random_changes():
    rng = random.Random(10)
    files = [(p, d) for p in FILES if p.stat().st_size < 20_000 and isinstance(d := _data(p), dict)]
    valid = invalid = 0
    for n in range(1200):
        _, data = files[n % len(files)]
        if _agree(_mutate(data, rng), _kind(data)):
            valid += 1
        else:
            invalid += 1
    assert valid > 150 and invalid > 150, (valid, invalid)  # both answers were tested, often


def test_a_keyword_the_check_does_not_know_is_refused_when_compiled():
    with pytest.raises(ValueError, match="uniqueItems"):
        Compiler({"u:x": {"type": "array", "uniqueItems": True}}).compile("u:x")


def test_a_recursive_reference_checks_every_level():
    schema = {"$defs": {"t": {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"$ref": "#/$defs/t"}]}}},
              "$ref": "#/$defs/t"}
    check = Compiler({"u:t": schema}).compile("u:t")
    assert check([1, [2, [3]]]) and not check([1, [2, ["3"]]]) and not check([[True]])


# ---------------------------------------------------------------- the adopted YAML: libyaml writes PyYAML's bytes


@pytest.mark.parametrize("text", ["plain words", "a: b", "- dash", "ja", "yes", "no", "null", "~", "12", "1e3",
                                  "2025-10-22", "'quote", '"dq', "#hash", "a #b", "trailing ", " lead", "x\ty",
                                  "rad\u2028två", "\ufeffbom", "é ö å", "emoji \U0001F600", "100 %", "§ 12", ""])
def test_the_adopted_yaml_is_what_pyyaml_writes(text):
    from amend import dump
    from amend.load import program_from_data

    data = {"program": {"id": "p", "title": "T", "version": "1"},
            "sections": [{"heading": "H", "page": 1, "content": [text or "x", {"bullets": [text or "y"]}]}]}
    program = program_from_data(data)
    expected = "# yaml-language-server: $schema=../schemas/program.schema.json\n" + dump._dump(
        dump.program_to_data(program), yaml.SafeDumper)
    assert dump.dump_program(program) == expected
