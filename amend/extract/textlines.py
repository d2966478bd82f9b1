"""Lines of a protocol joined into running text (hard line breaks and line-end
hyphens undone, the joins remembered) and that text split into sentences."""
from __future__ import annotations

from dataclasses import dataclass

from .tokenize import Token, TokenizeError, tokenize

_HYPHENS = "-\u2010\u00ad"


# words whose full stop ends no sentence: "2 kap. 11 §", "m.fl. Kommunen"
_ABBREVIATIONS = frozenset({"kap", "m.fl", "fl", "bl.a", "t.ex", "nr", "resp", "jfr", "ca", "p", "st", "s", "ff",
                            "sid"})


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line in the protocol file
    text: str  # stripped; "" for a blank line


def join_lines(lines: list[Line], keep_hyphen_before=()) -> tuple[str, tuple, tuple]:
    """Join hard-broken lines into one text; undo hyphenation at line ends.

    "förvalt-" + "ningar" → "förvaltningar"; but "samhälls-" + "och" keeps
    "samhälls- och", and "HR-" + "avdelningen" or "2025-" + "2027" keep the
    hyphen (it follows a capital or a digit, so it is part of the word).
    Returns the text, (offset, line) where each line starts, and the offsets
    where a hyphen was taken out (the reader checks those words).
    """
    parts: list[str] = []  # the text in pieces: taking a hyphen out must not copy all before it
    length = 0
    starts, joins = [], []
    for ln in lines:
        piece = ln.text
        if not length:
            starts.append((0, ln.no))
            parts, length = [piece], len(piece)
            continue
        first_word = piece.split()[0].lower() if piece.split() else ""
        last, before = _last_two(parts)
        if last == "\u00ad":
            length = _drop_last(parts, length)
        elif last in _HYPHENS and before.isalpha() and before.islower() \
                and piece[:1].islower() and first_word not in keep_hyphen_before:
            length = _drop_last(parts, length)
            joins.append(length)
        elif last in _HYPHENS + "\u2013" and before.isalnum() and first_word not in keep_hyphen_before:
            pass  # a hyphen or dash that is part of the word: keep it, no space
        else:
            parts.append(" ")
            length += 1
        starts.append((length, ln.no))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), tuple(starts), tuple(joins)


def _last_two(parts: list[str]) -> tuple[str, str]:
    """The last character of the joined pieces and the one before it ("" if none)."""
    tail = ""
    for piece in reversed(parts):
        tail = piece[-2:] + tail if len(tail) + len(piece) < 2 else piece[-(2 - len(tail)):] + tail
        if len(tail) >= 2:
            break
    return tail[-1:], tail[-2:-1]


def _drop_last(parts: list[str], length: int) -> int:
    while not parts[-1]:
        parts.pop()
    parts[-1] = parts[-1][:-1]
    return length - 1


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a passage. Quotations are single tokens,
    so a full stop inside one never ends the sentence."""
    try:
        tokens = tokenize(text)
    except TokenizeError:
        return [(0, len(text))]
    spans, start = [], 0
    for i, tok in enumerate(tokens):
        if _ends_sentence(tokens, i):
            spans.append((start, tok.end))
            start = tokens[i + 1].start if i + 1 < len(tokens) else tok.end
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """A full stop (not an abbreviation's), '!' or '?' before the end, a capital or a number."""
    tok, last = tokens[i], i + 1 == len(tokens)
    abbreviation = tok.text == "." and i > 0 and tokens[i - 1].key in _ABBREVIATIONS
    return tok.kind == "punct" and tok.text in ".!?" and not abbreviation and (
        last or tokens[i + 1].text[:1].isupper() or tokens[i + 1].kind == "num")
