"""The grammar of amendment instructions: phrase tables (grammar_sv.yaml,
grammar_en.yaml) compiled into small patterns, read with backtracking over the
tokens, and written back the same way.

An instruction is a run of scope phrases ("På sidan 6", "under rubriken
Samverkan", "i sista meningen") and exactly one operation phrase ("efter "…"
läggs följande till: "…""), in any order, separated by commas or filler
words, ending with an optional full stop. Reading returns every complete
reading, so the caller can see when a sentence reads two ways and refuse to
choose by itself. Writing picks, for each scope key and for the operation,
the first table entry that fits, so the tables decide the house style.

Phrase syntax, one entry per string:

    word        a word (compared in lower case)      a|b        one of these words
    (a b|c)     one of these word sequences          [a b]      optional; not written
    : ,         optional when reading, written when writing
    {key:type}  a value for the patch key `key`; types: number, ordinal, quote,
                name (a quotation or a few plain words), value (a quotation, or
                after a colon the rest of the sentence as written)
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from ..messages import msg
from ..text import clean
from ..text.joining import _starts_sentence as full_sentence  # apply's own test: where an at-end insert goes
from .phrases import GrammarError, Group, Lit, Opt, Punct, Rule, Slot, _rule
from .tokenize import QUOTE_CHARS, Token, tokenize

SCOPE_KEYS = ("clause", "page", "line", "heading", "column", "row", "paragraph", "item", "sentence", "occurrence")
# places the minutes name that the patch format has not (a bill's clause, a line): kept in the amendment's text
UNCHECKED = ("clause", "line")
LANGUAGES = ("sv", "en")
_STEP_BUDGET = 20_000  # readings explored per sentence; an instruction needs a few dozen


# ---------------------------------------------------------------- readings


@dataclass(frozen=True)
class Reading:
    """One way to read an instruction: its scope (`at`) and its operation fields,
    keyed as in a patch file ('after', 'insert', 'add_section.heading', ...)."""

    at: tuple  # sorted (key, value) pairs; 'line' included when given
    fields: tuple  # sorted (key, value) pairs

    @property
    def scope(self) -> dict:
        return dict(self.at)

    @property
    def operation(self) -> dict:
        return dict(self.fields)

    @property
    def line(self) -> int | None:
        return self.scope.get("line")

    @property
    def clause(self) -> int | None:
        return self.scope.get("clause")

    def patch_data(self) -> dict:
        """The amendment's `at:` and operation keys, nested as in a patch file (no 'line' nor 'clause')."""
        out: dict = {}
        at = {k: v for k, v in self.at if k not in UNCHECKED}
        if at:
            out["at"] = {k: at[k] for k in SCOPE_KEYS if k in at}
        for key, value in self.fields:
            head, _, sub = key.partition(".")
            if sub:  # add_section.heading / add_section.content (one paragraph)
                out.setdefault(head, {})[sub] = [value] if sub == "content" else value
            else:
                out[key] = value
        return out


@dataclass
class Outcome:
    readings: list[Reading] = field(default_factory=list)
    reached: int = 0  # offset in the text up to which some reading understood it
    exhausted: bool = False  # gave up before trying every reading: the readings may be incomplete


class Grammar:
    def __init__(self, data: dict):
        self.language = data["language"]
        self.ordinals: dict = data["ordinals"]
        self.ordinal_suffixes = tuple(data.get("ordinal_suffixes") or ())
        self.ordinal_format = data.get("ordinal_format", "{n}")
        self.fillers = frozenset(w.lower() for w in data.get("fillers") or ())
        self.scopes = [_rule(e, "scope") for e in data["scopes"]]
        self.operations = [_rule(e, "operation") for e in data["operations"]]
        self.triggers = [tuple(t.lower().split()) for t in data.get("triggers") or ()]
        self.style = data.get("describe") or {}
        self.protocol = data.get("protocol") or {}
        words: dict[object, str] = {}
        for word, n in self.ordinals.items():
            words.setdefault(n, word)  # the first word for a number is the one written
        self._ordinal_words = words

    # ------------------------------------------------------------ reading

    def read(self, text: str) -> Outcome:
        """Every complete reading of one instruction (usually one, or none)."""
        tokens = tokenize(text)
        out = Outcome()
        seen: set = set()
        steps = [0]

        def walk(pos: int, binds: dict, op: Rule | None):
            steps[0] += 1
            if steps[0] > _STEP_BUDGET:
                out.exhausted = True
                return
            if pos:
                out.reached = max(out.reached, tokens[pos - 1].end)
            if pos == len(tokens) or (pos == len(tokens) - 1 and tokens[pos].text == "."):
                out.reached = len(text.rstrip())
                if op is not None and op.fits_scope({k: v for k, v in binds.items() if k in SCOPE_KEYS}):
                    reading = Reading(_pairs(binds, scope=True), _pairs(binds, scope=False))
                    if reading not in seen:
                        seen.add(reading)
                        out.readings.append(reading)
                return
            tok = tokens[pos]
            if (tok.kind == "punct" and tok.text in ",;") or (tok.kind == "word" and tok.key in self.fillers):
                walk(pos + 1, binds, op)
            for rule in self.scopes:
                for p, b in self._match(rule.elems, tokens, text, pos, binds):
                    walk(p, b, op)
            if op is None:
                for rule in self.operations:
                    for p, b in self._match(rule.elems, tokens, text, pos, binds):
                        walk(p, {**b, **dict(rule.set)}, rule)

        walk(0, {}, None)
        return out

    def _match(self, elems: tuple, tokens: list[Token], text: str, pos: int, binds: dict) -> Iterator:
        if not elems:
            yield pos, binds
            return
        head, rest = elems[0], elems[1:]
        if isinstance(head, Punct):
            if pos < len(tokens) and tokens[pos].kind == "punct" and tokens[pos].text == head.ch:
                yield from self._match(rest, tokens, text, pos + 1, binds)
            yield from self._match(rest, tokens, text, pos, binds)
        elif isinstance(head, Lit):
            if pos < len(tokens) and tokens[pos].kind in ("word", "num") and tokens[pos].key in head.words:
                yield from self._match(rest, tokens, text, pos + 1, binds)
        elif isinstance(head, Opt):
            for p, b in self._match(head.elems, tokens, text, pos, binds):
                yield from self._match(rest, tokens, text, p, b)
            yield from self._match(rest, tokens, text, pos, binds)
        elif isinstance(head, Group):
            for option in head.options:
                for p, b in self._match(option, tokens, text, pos, binds):
                    yield from self._match(rest, tokens, text, p, b)
        else:
            for p, value in self._slot(head, tokens, text, pos):
                if head.key in binds:
                    continue  # one value per key: "sidan 6 ... sidan 7" does not read
                yield from self._match(rest, tokens, text, p, {**binds, head.key: value})

    def _slot(self, slot: Slot, tokens: list[Token], text: str, pos: int) -> Iterator[tuple[int, object]]:
        if pos >= len(tokens):
            return
        tok = tokens[pos]
        if slot.type == "number":
            if tok.kind == "num":
                yield pos + 1, int(tok.text)
        elif slot.type == "ordinal":
            n = self.ordinal(tok)
            if n is not None:
                yield pos + 1, n
        elif slot.type == "quote":
            if tok.kind == "quote" and tok.text:
                yield pos + 1, tok.text
        elif slot.type == "name":
            if tok.kind == "quote" and tok.text:
                yield pos + 1, tok.text
                return
            end = pos
            while end < len(tokens) and tokens[end].kind in ("word", "num"):
                end += 1
                yield end, clean(text[tok.start:tokens[end - 1].end])
        elif slot.type == "value":
            if tok.kind == "quote" and tok.text:
                yield pos + 1, tok.text
            elif pos > 0 and tokens[pos - 1].text == ":" and tok.text[:1] not in QUOTE_CHARS:
                yield len(tokens), clean(text[tok.start:])

    def ordinal(self, tok: Token) -> int | str | None:
        if tok.kind == "num":
            return int(tok.text) or None
        if tok.key in self.ordinals:
            return self.ordinals[tok.key]
        for suffix in self.ordinal_suffixes:
            stem = tok.key[: -len(suffix)]
            if tok.key.endswith(suffix) and stem.isdigit() and int(stem) > 0:
                return int(stem)
        return None

    def triggered(self, text: str) -> str | None:
        """The first trigger word in `text` (outside quotations), or None."""
        try:
            keys = [t.key for t in tokenize(text) if t.kind != "quote"]
        except ValueError:
            keys = text.lower().split()
        for i in range(len(keys)):
            for trigger in self.triggers:
                if tuple(keys[i:i + len(trigger)]) == trigger:
                    return " ".join(trigger)
        return None

    # ------------------------------------------------------------ writing

    def write(self, at: dict, fields: dict, quote_all: bool = False, header_row: bool = False) -> str:
        """The instruction for a scope and an operation, in the house style; `header_row`: the row
        is in a table with a header row, so it is said as counted under it ("i andra raden under
        rubrikraden"), which a reader cannot take for the header row counted as row 1.

        Raises GrammarError when no table entry fits (the grammar cannot say it).
        """
        op = self._operation_rule(at, fields)
        if op is None:
            shown = ", ".join(f"{k}: {v!r}" for k, v in fields.items())
            raise GrammarError(msg("extract.grammar.no_wording_at", language=self.language, fields=shown,
                                   scope=", ".join(at)) if at
                               else msg("extract.grammar.no_wording", language=self.language, fields=shown))
        own = {s.key for s in op.slots}
        parts = []
        for key in SCOPE_KEYS:
            if key in at and key not in own:
                under = header_row and key == "row"
                rule = next((r for r in self.scopes if [s.key for s in r.slots] == [key]
                             and (r.write == "header_row") == under and all(self._fits(s, at[key]) for s in r.slots)),
                            None)
                if rule is None:
                    raise GrammarError(msg("extract.grammar.no_scope_wording", language=self.language, key=key,
                                           value=at[key]))
                parts.append(self._render(rule.elems, at, quote_all))
        sentence = self.style.get("scope_separator", ", ").join(parts)
        body = self._render(op.elems, {**at, **fields}, quote_all)
        sentence = sentence + self._separator(body) + body if sentence else body
        sentence = sentence[0].upper() + sentence[1:]
        # a value written unquoted, or quoted with its own full stop (”… i kommunen.”), ends the
        # sentence: no second full stop after it
        if sentence[-1] in ".!?" or (sentence[-1] in QUOTE_CHARS and sentence[-2:-1] in (".", "!", "?")):
            return sentence
        return sentence + "."

    def _separator(self, body: str) -> str:
        """Between the places and the operation: a comma before an operation that opens with its subject."""
        first = body.split(" ", 1)[0].lower()
        if body[:1] in QUOTE_CHARS or first in self.style.get("subject_words", ()):
            return str(self.style.get("subject_separator", self.style.get("operation_separator", " ")))
        return str(self.style.get("operation_separator", " "))

    def _operation_rule(self, at: dict, fields: dict) -> Rule | None:
        return next((rule for rule in self.operations if self._writes(rule, at, fields)), None)

    def _writes(self, rule: Rule, at: dict, fields: dict) -> bool:
        """Can `rule` write the operation `fields` at the scope `at`?"""
        fixed = dict(rule.set)
        own = {s.key: s for s in rule.slots}
        op_keys = {k for k in own if k not in SCOPE_KEYS} | set(fixed)
        if op_keys != set(fields) or any(fields[k] != v for k, v in fixed.items()):
            return False
        if not rule.fits_scope(at) or any(k not in at for k in own if k in SCOPE_KEYS):
            return False
        scoped = any(k not in own for k in at)  # scope phrases will stand before it
        if (rule.write == "after_scope" and not scoped) or (rule.write == "alone" and scoped):
            return False
        if rule.sentence is not None and not full_sentence(str(fields.get(rule.sentence, ""))):
            return False
        return all(self._fits(s, {**at, **fields}[s.key]) for s in own.values())

    def _fits(self, slot: Slot, value) -> bool:
        if slot.type == "number":
            return isinstance(value, int) and not isinstance(value, bool)
        if slot.type == "ordinal":
            return value in ("first", "last") or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
        return isinstance(value, str) and bool(value.strip())

    def _render(self, elems: tuple, values: dict, quote_all: bool) -> str:
        out: list[str] = []
        for e in elems:
            if isinstance(e, Lit):
                out.append(e.words[0])
            elif isinstance(e, Group):
                out.append(self._render(e.options[0], values, quote_all))
            elif isinstance(e, Punct):
                if out:
                    out[-1] += e.ch
            elif isinstance(e, Slot):
                after_colon = bool(out) and out[-1].endswith(":")
                out.append(self._value(e, values[e.key], quote_all, after_colon))
        return " ".join(out)

    def _value(self, slot: Slot, value, quote_all: bool, after_colon: bool) -> str:
        if slot.type == "number":
            return str(value)
        if slot.type == "ordinal":
            return self.ordinal_word(value)
        if slot.type == "name" and not quote_all and not self.style.get("quote_names") and _plain_words(value):
            return value
        if slot.type == "value" and not quote_all and after_colon and value[-1] in ".!?" \
                and not any(c in QUOTE_CHARS for c in value):
            return value
        return quote(value, self.style.get("quote_mark", '"'))

    def ordinal_word(self, value) -> str:
        n = 1 if value == "first" else value
        if n in self._ordinal_words:
            return self._ordinal_words[n]
        return self.ordinal_format.format(n=n)


def _pairs(binds: dict, scope: bool) -> tuple:
    """The scope keys (or the others) of a reading, in a fixed order."""
    return tuple(sorted((k, v) for k, v in binds.items() if (k in SCOPE_KEYS) == scope))


def _plain_words(value: str) -> bool:
    try:
        tokens = tokenize(value)
    except ValueError:
        return False
    return bool(tokens) and all(t.kind in ("word", "num") for t in tokens) and clean(value) == value


def quote(text: str, mark: str = '"') -> str:
    """Text in quotation marks that the tokenizer reads back as one quotation:
    `mark` on both sides (Swedish ”…”), or » when the text holds a quotation mark."""
    if '"' not in text and "\u201d" not in text and "\u201c" not in text:
        return f"{mark}{text}{mark}"
    if "\u00bb" not in text:
        return f"\u00bb{text}\u00bb"
    raise GrammarError(msg("extract.grammar.unquotable", text=text))


@cache
def grammar(language: str) -> Grammar:
    if language not in LANGUAGES:
        raise GrammarError(msg("extract.grammar.no_language", language=language, languages=", ".join(LANGUAGES)))
    raw = resources.files("amend.extract").joinpath(f"grammar_{language}.yaml").read_text("utf-8")
    return Grammar(yaml.safe_load(raw))
