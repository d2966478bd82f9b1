"""Load program and patch files: YAML → checked against the JSON Schema → model.

Every value remembers the line it was written on, so that a message can say
`amendments/x.yaml:14` rather than "somewhere in the patch". The stages are
modules of their own: yaml_lines (the file and its YAML), schema (the JSON
Schema and its errors in words), values (what the schema cannot judge),
build (the model).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from ..collector import without_collection
from ..errors import SchemaError
from ..messages import msg
from ..model import Patch, Program
from .build import blocks_from_data, patch_from_data, program_from_data
from .schema import _check, _validators, kind_in_words, validate
from .yaml_lines import check_characters, check_input, decode_text, parse_yaml, read_input, read_yaml

__all__ = ["_check", "_expect", "_validators", "blocks_from_data", "check_characters", "check_input", "decode_text",
           "kind_of", "load_any", "load_patch", "load_program", "parse_yaml", "patch_from_data", "program_from_data",
           "read_input", "read_yaml", "validate"]

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
        raise SchemaError(msg("load.wrong_kind", found=kind_in_words(found), kind=kind_in_words(kind)),
                          source=name)


@without_collection  # loading makes no reference cycles (amend.collector)
def load_program(path: str | Path) -> Program:
    data, lines = read_yaml(path)
    _expect(data, "program", str(path))
    validate(data, lines, "program", str(path))
    return program_from_data(cast(dict, data), str(path))


@without_collection  # loading makes no reference cycles (amend.collector)
def load_patch(path: str | Path) -> Patch:
    data, lines = read_yaml(path)
    _expect(data, "patch", str(path))
    validate(data, lines, "patch", str(path))
    return patch_from_data(cast(dict, data), lines, str(path))


@without_collection  # loading makes no reference cycles (amend.collector)
def load_any(path: str | Path) -> Any:
    """Load a program or a patch, whichever the file holds."""
    data, lines = read_yaml(path)
    kind = kind_of(data)
    validate(data, lines, kind, str(path))
    if kind == "patch":
        return patch_from_data(cast(dict, data), lines, str(path))
    return program_from_data(cast(dict, data), str(path))
