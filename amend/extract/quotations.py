"""The quotations of an instruction in real minutes, taken out of it: any
quotation marks, an unbalanced one running to the end of the point, the
instruction inside one quotation split off, and the words after a colon. What is
left is the skeleton ("… stryks: ⟨0⟩.") that wording.py reads."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text import clean

_OPEN = {"\u201d": "\u201d\u201c", "\u201c": "\u201d\u201c\"", '"': '"\u201d\u201c', "\u201e": "\u201c\u201d\"",
         "\u00ab": "\u00bb", "\u00bb": "\u00bb\u00ab", "``": "''"}


_Q = r"⟨(\d+)⟩"


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the marks, cleaned
    closed: bool  # False: the mark was never closed (the quotation runs to the end)
    marked: bool = True  # False: unquoted words after a colon, taken as if quoted


def quotations(text: str) -> tuple[str, list[Quote]]:
    """The skeleton of `text` (each quotation replaced by ⟨n⟩) and the quotations.

    A mark opens at the start, after a space or "(:;"; it closes at a mark that
    may close it and is followed by a space (not after a space itself), punctuation
    or the end. A quotation never closed runs to the end of the text."""
    out, i, n = [], 0, len(text)
    quotes: list[Quote] = []
    while i < n:
        opener = _opener(text, i)
        if opener:
            start = i + len(opener)
            end = _close(text, start, _OPEN[opener])
            if end is None:
                out.append(_held(quotes, Quote(clean(text[start:]), False)))
                break
            out.append(_held(quotes, Quote(clean(text[start:end]), True)))
            i = end + (2 if _OPEN[opener] == "''" else 1)
            continue
        out.append(text[i])
        i += 1
    return "".join(out), quotes


def _opener(text: str, i: int) -> str | None:
    """The quotation mark at i where it opens a quotation: at the start, or after a space or "(:;,"."""
    opener = "``" if text.startswith("``", i) else text[i] if text[i] in _OPEN else None
    return opener if opener and (i == 0 or text[i - 1].isspace() or text[i - 1] in "(:;,") else None


def _held(quotes: list[Quote], quote: Quote) -> str:
    """`quote` added to `quotes`; what stands for it in the skeleton."""
    quotes.append(quote)
    return f"⟨{len(quotes) - 1}⟩"


def _close(text: str, start: int, closers: str) -> int | None:
    width = 2 if closers == "''" else 1
    marks = (j for j in range(start + 1, len(text))
             if (text.startswith(closers, j) if width == 2 else text[j] in closers))
    return next((j for j in marks if _closes(text, j, j + width)), None)


def _closes(text: str, j: int, after: int) -> bool:
    """Does the mark at j (ending before `after`) close a quotation? After a word, when a space,
    punctuation or the end follows; after a space only when punctuation or the end follows, since
    nothing is quoted after it ("stryks ”främst primärvården, ”." quotes up to the comma, review 7 M3)."""
    if after >= len(text) or text[after] in ",.;:)!?":
        return True
    return text[after].isspace() and not text[j - 1].isspace()


# "… energisparåtgärder. Ersätts med följande formuleringar: Nämnden …": the
# instruction inside one quotation (an unbalanced pair of marks) splits it in two;
# the full stop before the instruction ends the minutes' sentence, not the words.
_INNER = re.compile(r"\.?\s+((?:ersätts|ska ersättas|ändras) (?:med|till)(?: följande (?:formuleringar|formulering|"
                    r"text|lydelse|mening|meningar))?:)\s*", re.IGNORECASE)


def _split_inner(skeleton: str, quotes: list[Quote]) -> tuple[str, list[Quote]]:
    for k, q in enumerate(quotes):
        m = _INNER.search(q.text)
        if m and m.start() > 0 and m.end() < len(q.text):
            return _split(skeleton, quotes, k, m)
    return skeleton, quotes


def _split(skeleton: str, quotes: list[Quote], k: int, m: re.Match[str]) -> tuple[str, list[Quote]]:
    """Quotation k split in two at the instruction `m` inside it, which goes between the two."""
    halves = [Quote(quotes[k].text[:m.start()], True), Quote(quotes[k].text[m.end():], quotes[k].closed)]
    renumbered = re.sub(_Q, functools.partial(_shift, k=k), skeleton)
    split = renumbered.replace(f"⟨{k}⟩", f"⟨{k}⟩ {m.group(1).lower()} ⟨{k + 1}⟩", 1)
    return split, quotes[:k] + halves + quotes[k + 1:]


def _shift(m, k: int) -> str:
    n = int(m.group(1))
    return f"⟨{n + 1}⟩" if n > k else m.group(0)


_VERBS = r"\b(läggs|lägga|läggas|infogas|tillfogas|kompletteras|ersätts|ersättas|lydelse|formuleras|ändras)\b"


def _colon_payload(skeleton: str, quotes: list[Quote]) -> tuple[str, list[Quote]]:
    """"… läggs följande till: Text utan citattecken." — the rest after the colon."""
    m = re.search(r"\b(följande[^:⟨]*|kompletteras med|lydelse|formuleras som|till|med|meningen|meningarna|texten|"
                  r"orden|ordet|stycket):\s+(?!⟨)([^⟨]+)$", skeleton, re.IGNORECASE)
    if not m or not re.search(_VERBS, skeleton[:m.start(2)], re.IGNORECASE):
        return skeleton, quotes
    quotes = quotes + [Quote(clean(m.group(2)), False, False)]
    return skeleton[:m.start(2)] + f"⟨{len(quotes) - 1}⟩", quotes
