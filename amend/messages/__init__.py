"""Every message a user sees, in Swedish and English, from one catalogue.

Code never writes user-facing text itself: it builds a `Msg` — a catalogue
key and its values — and the edge (CLI, web) renders it in the reader's
language. The catalogue is split by area (`amend/messages/<area>.py`, each a
`MESSAGES` dict of key → (English, Swedish)) so that areas stay independent;
`catalogue()` joins the parts into one and refuses a key defined twice.

Templates use `str.format` fields with a few formats of their own:

    {n:ord}              3 → "third" / "tredje"; "last" → "last" / "sista"
    {n:plural:page:pages}  the first word when n == 1, else the second
    {xs:and} / {xs:or}   a list → "a, b and c" / "a, b och c"

A value that is itself a `Msg` is rendered in the same language, so a
message can be built from parts ("the heading X on page 6").
"""
from __future__ import annotations

import contextvars
import importlib
import locale
import os
import pkgutil
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

LANGUAGES = ("sv", "en")
DEFAULT = "en"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("amend_language", default=DEFAULT)


@dataclass(frozen=True)
class Msg:
    """A message not yet put into words: a catalogue key and its values."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        lang = lang or _current.get()
        en, sv = _template(self.key)
        return _Formatter(lang).format(sv if lang == "sv" else en, **self.args)

    def __str__(self) -> str:
        return self.render()

    def __hash__(self) -> int:  # the values may be lists: hash what they print as
        return hash((self.key, repr(sorted(self.args.items()))))


def msg(key: str, /, **args: Any) -> Msg:
    """The message `key` of the catalogue with these values (checked now, so a typo fails at once)."""
    _template(key)
    return Msg(key, args)


def render(value: object, lang: str | None = None) -> str:
    """A Msg in `lang` (or the current language); anything else as str()."""
    return value.render(lang) if isinstance(value, Msg) else str(value)


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render messages in `lang` inside this block (the CLI sets it once per run)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> str:
    return _current.get()


def choose(option: str | None = None, program_language: str | None = None,
           environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: --lang, else AMEND_LANG, else the program's language, else the locale."""
    env = os.environ if environ is None else environ
    said = (option, env.get("AMEND_LANG"), program_language, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"))
    got = next(filter(None, map(_language_of, said)), None)
    if got is None and environ is None:  # a given environ stands alone (tests): no machine locale
        got = _language_of(locale.getlocale()[0])
    return got or DEFAULT


def _language_of(value: str | None) -> str | None:
    """'sv', 'sv-SE', 'sv_SE.UTF-8', 'Swedish' → 'sv'; 'en_GB' → 'en'; anything else → None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if head in ("sv", "swedish", "svenska"):
        return "sv"
    if head in ("en", "english"):
        return "en"
    return None


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All parts of the catalogue joined: key → (English, Swedish)."""
    joined: dict[str, tuple[str, str]] = {}
    for part in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        for key, texts in importlib.import_module(f"{__name__}.{part}").MESSAGES.items():
            if key in joined:
                raise RuntimeError(f"message {key!r} is defined twice (second time in {part})")
            joined[key] = texts
    return joined


def _template(key: str) -> tuple[str, str]:
    try:
        return catalogue()[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in the catalogue") from None


_ORDINALS = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    "sv": ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde"),
}
_WORDS = {"en": {"last": "last", "and": "and", "or": "or"}, "sv": {"last": "sista", "and": "och", "or": "eller"}}


def ordinal(value: object, lang: str) -> str:
    """3 → 'third'/'tredje', 11 → '11th'/'11:e', 'last' → 'last'/'sista'; other words as given."""
    if isinstance(value, str) and not value.isdigit():
        return _WORDS[lang].get(value, value)
    n = int(str(value))
    if 1 <= n <= len(_ORDINALS[lang]):
        return _ORDINALS[lang][n - 1]
    if lang == "sv":
        return f"{n}:{'a' if n % 10 in (1, 2) and n % 100 not in (11, 12) else 'e'}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def joined(items: Sequence[object], lang: str, word: str = "and") -> str:
    """['a', 'b', 'c'] → 'a, b and c' / 'a, b och c'."""
    parts = [render(i, lang) for i in items]
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {_WORDS[lang][word]} {parts[-1]}"


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        kind, _, rest = format_spec.partition(":")
        if kind == "ord":
            return ordinal(value, self.lang)
        if kind == "plural":
            one, _, many = rest.partition(":")
            return one if value == 1 else many
        if kind in ("and", "or"):
            return joined(list(value), self.lang, kind)
        if isinstance(value, Msg):
            return format(value.render(self.lang), format_spec)
        text = str(super().format_field(value, format_spec))
        if self.lang == "sv" and format_spec and isinstance(value, (int, float)) and not isinstance(value, bool):
            return _swedish_number(text)
        return text


def _swedish_number(text: str) -> str:
    """10 000 and 0,9: a no-break space groups the thousands, the comma is the decimal mark,
    and a space stands before the per cent sign (91 %)."""
    text = text.replace(",", "\u00a0").replace(".", ",")
    return text[:-1] + "\u00a0%" if text.endswith("%") else text
