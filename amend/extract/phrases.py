"""The phrases of the grammar tables compiled into small patterns (words, choices,
optional parts, punctuation and slots for values) and the rules they make; the
phrase syntax is described in grammar.py."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import msg


class GrammarError(ValueError):
    """A phrase in a grammar table that cannot be compiled (a bug in the table)."""


@dataclass(frozen=True)
class Lit:
    words: tuple  # in table order: the first is the one written


@dataclass(frozen=True)
class Group:
    options: tuple  # of tuples of elements


@dataclass(frozen=True)
class Opt:
    elems: tuple


@dataclass(frozen=True)
class Punct:
    ch: str


@dataclass(frozen=True)
class Slot:
    key: str
    type: str


SLOT_TYPES = ("number", "ordinal", "quote", "name", "value")


_PIECE = re.compile(r"\{[^}]*\}|\([^)]*\)|\[[^\]]*\]|[:,]|[^\s{}()\[\]:,]+")


def compile_phrase(phrase: str) -> tuple:
    elems: list[Slot | Group | Opt | Punct | Lit] = []
    for piece in _PIECE.findall(phrase):
        if piece.startswith("{"):
            key, _, kind = piece[1:-1].partition(":")
            if kind not in SLOT_TYPES:
                raise GrammarError(msg("extract.grammar.slot_type", phrase=phrase, kind=kind,
                                       types=", ".join(SLOT_TYPES)))
            elems.append(Slot(key, kind))
        elif piece.startswith("("):
            options = tuple(compile_phrase(option) for option in piece[1:-1].split("|"))
            elems.append(Group(options))
        elif piece.startswith("["):
            elems.append(Opt(compile_phrase(piece[1:-1])))
        elif piece in ":,":
            elems.append(Punct(piece))
        else:
            elems.append(Lit(tuple(w.lower() for w in piece.split("|"))))
    return tuple(elems)


def _slots(elems) -> list[Slot]:
    out = []
    for e in elems:
        if isinstance(e, Slot):
            out.append(e)
        elif isinstance(e, Opt):
            out += _slots(e.elems)
        elif isinstance(e, Group):
            for option in e.options:
                out += _slots(option)
    return out


@dataclass(frozen=True)
class Rule:
    phrase: str
    elems: tuple
    kind: str  # "scope" or "operation"
    set: tuple = ()  # fixed (key, value) pairs
    needs: frozenset = frozenset()
    forbids: frozenset = frozenset()
    write: str = "always"  # for describe: "always", "after_scope" (Swedish V2: "På sidan 6 stryks …") or "alone";
    # a scope: "header_row", written only for a row counted under a table's header row, and then the only one
    sentence: str | None = None  # for describe: the key whose value must be a full sentence ("… mening till")

    @property
    def slots(self) -> list[Slot]:
        return _slots(self.elems)

    def fits_scope(self, at: dict) -> bool:
        return self.needs <= set(at) and not (self.forbids & set(at))


def _rule(entry, kind: str) -> Rule:
    if isinstance(entry, str):
        entry = {"phrase": entry}
    when = entry.get("when") or {}
    write = entry.get("write", "always")
    if write not in ("always", "after_scope", "alone", "header_row"):
        raise GrammarError(msg("extract.grammar.write", phrase=entry["phrase"], write=write))
    return Rule(entry["phrase"], compile_phrase(entry["phrase"]), kind,
                tuple(sorted((entry.get("set") or {}).items())),
                frozenset(when.get("needs") or ()), frozenset(when.get("forbids") or ()), write, when.get("sentence"))
