"""The oracle's own model of a program: text as tokens whose every word and
sentence boundary is known by construction.

Nothing here calls amend. A unit (paragraph, list item, table cell) is a list of
sentences, a sentence a list of tokens, and a token knows what it is (a word,
a unique nonce word, punctuation, an abbreviation, a quote mark) and what
separates it from the token before (" ", "" or a no-break space). Expected
texts are rendered from tokens, so the oracle never has to find a word or a
sentence in a string.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

NBSP = "\u00a0"


@dataclass(eq=False)
class Tok:
    text: str
    sep: str = " "  # what stands before the token: " ", "" or a no-break space
    kind: str = "w"  # w word, n nonce (unique) word, a abbreviation, p closing punctuation, o opening mark, t terminal
    starter: bool = False  # could begin a sentence (capital, digit, quote mark, dash, "iPad")
    unknown_abbr: bool = False  # an abbreviation a fixed list may not know ("enl.", "p.g.a.")
    odd_start: bool = False  # begins a sentence in a way a naive splitter misses (», –, iPad, Ø)
    tags: frozenset = frozenset()

    def can_start(self) -> bool:
        """Could a sentence begin with this token? A capital, a digit, a quote mark,
        a bracket or a dash, or a word such as "iPad"."""
        c = self.text[:1]
        return self.starter or c.isupper() or c.isdigit() or c in "\"”“„»«(–—" \
            or (c.islower() and any(ch.isupper() for ch in self.text))

    def copy(self, **kw) -> Tok:
        t = Tok(self.text, self.sep, self.kind, self.starter, self.unknown_abbr, self.odd_start, self.tags)
        for k, v in kw.items():
            setattr(t, k, v)
        return t


@dataclass(eq=False)
class Unit:
    """A paragraph, list item or cell: sentences of tokens."""

    sentences: list  # list[list[Tok]]

    def tokens(self) -> list[Tok]:
        return [t for s in self.sentences for t in s]

    def text(self) -> str:
        return render(self.tokens())


def render(tokens: list[Tok], noise=None) -> str:
    """Join tokens by their separators; the first separator is dropped.
    `noise` (a random.Random) widens some spaces, as a careless file would."""
    out = []
    for k, t in enumerate(tokens):
        if k and t.kind == "t" and t.text == "." and not t.sep and tokens[k - 1].kind == "a" \
                and tokens[k - 1].text.endswith("."):
            continue  # the README's rule: an abbreviation's full stop also ends the sentence ("Den s.k.")
        sep = t.sep if k else ""
        if noise is not None and sep == " " and noise.random() < 0.05:
            sep = noise.choice(["  ", " \n ", "\t"])
        out.append(sep + t.text)
    return "".join(out)


def stored(text: str) -> str:
    """What a text reads as once stored: NFC (the README's rule for stored text)."""
    return unicodedata.normalize("NFC", text)


@dataclass(eq=False)
class Para:
    unit: Unit
    page: int | None = None


@dataclass(eq=False)
class Lst:
    items: list  # list[Unit]
    ordered: bool = False
    page: int | None = None


@dataclass(eq=False)
class Tbl:
    header: list  # list[str]
    rows: list  # list[list[Unit]]
    page: int | None = None


@dataclass(eq=False)
class Cols:
    columns: list  # list[tuple[str, list[Para | Lst]]]
    page: int | None = None


@dataclass(eq=False)
class Sec:
    heading: str
    level: int
    page: int
    blocks: list = field(default_factory=list)


# ---------------------------------------------------------------- to data


def block_data(b, noise=None, expected=True):
    txt = (lambda u: stored(u.text())) if expected else (lambda u: render(u.tokens(), noise))
    if isinstance(b, Para):
        return txt(b.unit) if b.page is None else {"paragraph": txt(b.unit), "page": b.page}
    if isinstance(b, Lst):
        out = {"numbered" if b.ordered else "bullets": [txt(u) for u in b.items]}
    elif isinstance(b, Tbl):
        out = {"table": {"header": list(b.header), "rows": [[txt(u) for u in row] for row in b.rows]}}
    elif isinstance(b, Cols):
        out = {"columns": [{"heading": stored(h) if expected else h,
                            "content": [block_data(x, noise, expected) for x in blocks]}
                           for h, blocks in b.columns]}
    else:
        raise TypeError(b)
    if b.page is not None:
        out["page"] = b.page
    return out


def sections_data(sections, noise=None, expected=True) -> list:
    return [{"heading": s.heading, "level": s.level, "page": s.page,
             "content": [block_data(b, noise, expected) for b in s.blocks]} for s in sections]


def program_data(pid: str, version: str, sections, noise=None) -> dict:
    return {"program": {"id": pid, "title": "Program om prov 2025\u20132027", "organisation": "Provkommun",
                        "language": "sv", "version": version, "date": "2025-03-18"},
            "sections": sections_data(sections, noise, expected=False)}
