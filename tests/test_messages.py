"""The message catalogue (issue 10): every message in Swedish and English, and no plain-text messages."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from amend import errors
from amend.messages import Msg, catalogue, choose, joined, language, msg, ordinal

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "amend").rglob("*.py"), ROOT / "cli.py"])

# Modules whose user-facing messages are still plain English strings. It only shrinks:
# take a module off when its messages come from the catalogue.
NOT_YET_CONVERTED: set[str] = set()

ERROR_NAMES = {name for name, value in vars(errors).items()
               if isinstance(value, type) and issubclass(value, (errors.AmendError, errors.FuzzyWarning))}


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_message_has_both_languages_with_the_same_values(key):
    en, sv = catalogue()[key]
    assert en.strip() and sv.strip(), f"{key}: a language is empty"
    assert _fields(en) == _fields(sv), f"{key}: the two languages use different values"
    assert en != sv or not re.search(r"[a-z]{4}", en), f"{key}: the Swedish text is the English one"


def _used_keys() -> set[str]:
    found = set()
    for path in SOURCES:
        found |= set(re.findall(r"""\bmsg\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8")))
    return found


def test_every_key_used_in_the_code_is_in_the_catalogue():
    assert _used_keys() - set(catalogue()) == set()


def test_every_message_in_the_catalogue_is_used():
    # A key may also be built in code from a fixed prefix (e.g. "op.{name}"): list such prefixes here.
    prefixes = ("common.",)
    unused = {k for k in set(catalogue()) - _used_keys() if not k.startswith(prefixes)}
    assert unused == set()


_TEXT = (ast.Constant, ast.JoinedStr, ast.BinOp)


def _plain_messages(path: Path) -> list[int]:
    """Lines where an amend error or warning, a line the CLI prints or a --help text is a literal or f-string."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        texts = [k.value for k in node.keywords if k.arg == "help"]
        if node.args and (name in ERROR_NAMES or name == "echo"):
            texts.append(node.args[0])
        if name == "fail" and len(node.args) > 1:
            texts.append(node.args[1])
        if any(isinstance(t, _TEXT) and not (isinstance(t, ast.Constant) and not t.value) for t in texts):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_messages_come_from_the_catalogue(path):
    rel = str(path.relative_to(ROOT))
    plain = _plain_messages(path)
    if rel in NOT_YET_CONVERTED:
        if not plain:
            pytest.fail(f"{rel} has no plain-text messages left: take it off NOT_YET_CONVERTED")
        pytest.xfail(f"{rel}: {len(plain)} plain-text messages not yet in the catalogue")
    assert plain == [], f"{rel}: messages written in the code, not taken from the catalogue, on lines {plain}"


def test_ordinals_lists_and_plurals_in_both_languages():
    assert [ordinal(n, "sv") for n in (1, 3, 11, 21, 22, "last")] == ["första", "tredje", "11:e", "21:a", "22:a",
                                                                       "sista"]
    assert [ordinal(n, "en") for n in (1, 3, 11, 21, "last")] == ["first", "third", "11th", "21st", "last"]
    assert joined(["a", "b", "c"], "sv") == "a, b och c"
    assert joined(["a", "b"], "en", "or") == "a or b"


def test_numbers_are_grouped_and_decimal_as_each_language_writes_them():
    from amend.messages import _Formatter

    assert _Formatter("sv").format("{n:,} sidor, {x:.2f}", n=30000000, x=0.9) == "30\u00a0000\u00a0000 sidor, 0,90"
    assert _Formatter("en").format("{n:,} pages, {x:.2f}", n=30000000, x=0.9) == "30,000,000 pages, 0.90"


def test_a_message_renders_in_the_language_of_the_block_and_nests():
    err = errors.AmendError(msg("common.warning", text=msg("common.error", text="x")), source="p.yaml:3",
                            amendment="Tillägg 1")
    assert str(err) == "p.yaml:3: Tillägg 1: warning: error: x"
    with language("sv"):
        assert str(err) == "p.yaml:3: Tillägg 1: varning: fel: x"
    assert err.render("sv") == "p.yaml:3: Tillägg 1: varning: fel: x"
    assert isinstance(err.message, Msg)


def test_an_unknown_key_fails_at_once():
    with pytest.raises(KeyError, match="no message 'no.such' in the catalogue"):
        msg("no.such")


@pytest.mark.parametrize(("option", "env", "program", "expected"), [
    ("en", {"AMEND_LANG": "sv", "LANG": "sv_SE.UTF-8"}, "sv", "en"),
    (None, {"AMEND_LANG": "sv", "LANG": "en_US.UTF-8"}, "en", "sv"),
    (None, {"LANG": "en_US.UTF-8"}, "sv", "sv"),
    (None, {"LANG": "sv_SE.UTF-8"}, None, "sv"),
    (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, None, "en"),
    (None, {"LANG": "C.UTF-8"}, None, "en"),
])
def test_the_language_is_the_option_else_amend_lang_else_the_program_else_the_locale(option, env, program, expected):
    assert choose(option, program, environ=env) == expected
