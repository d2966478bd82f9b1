"""Swedish-like sentences built from known pieces.

Every sentence is a list of `Tok`s, so the oracle knows each word, each
abbreviation, each quote mark and where every sentence begins and ends. Each
sentence holds at least one nonce word that occurs nowhere else in the
program, which makes an anchor that contains it unique by construction.
"""
from __future__ import annotations

import random

from .model import NBSP, Tok

# Abbreviations a fixed list is likely to know, and ones it may not (issue 9, finding 2).
KNOWN_ABBR = ["t.ex.", "bl.a.", "m.m.", "s.k.", "osv.", "etc.", "m.fl.", "dvs.", "inkl.", "resp."]
UNKNOWN_ABBR = ["enl.", "p.g.a.", "ang.", "ordf.", "fr.a.", "m.a.o.", "jmf.", "avd."]
END_ABBR = ["m.m.", "etc.", "osv.", "m.fl.", "o.s.v."]

_SYLL = ["ka", "lo", "mi", "ra", "se", "tu", "vi", "no", "bä", "de", "fö", "gå", "ju", "pe", "ry", "sö"]


class Nonce:
    """Unique made-up words: a counter spelled in syllables. None equals a filler word."""

    def __init__(self, rng: random.Random, decompose: float = 0.0):
        self.n = rng.randrange(40)
        self.rng = rng
        self.decompose = decompose

    def word(self) -> str:
        self.n += 1
        n, parts = self.n, []
        for _ in range(3):
            parts.append(_SYLL[n % 16])
            n //= 16
        w = "".join(parts) + "x"  # the x keeps every nonce word out of the filler vocabulary
        if self.decompose and self.rng.random() < self.decompose:
            w = w.replace("e", "e\u0301", 1) if "e" in w else w + "e\u0301"  # decomposed é: NFC composes it
        return w


def W(text, sep=" ", **kw) -> Tok:
    return Tok(text, sep, "w", **kw)


def N(nonce: Nonce, sep=" ") -> Tok:
    return Tok(nonce.word(), sep, "n")


def P(text) -> Tok:
    return Tok(text, "", "p")


def T(text) -> Tok:
    return Tok(text, "", "t")


def A(text, **kw) -> Tok:
    return Tok(text, " ", "a", **kw)


def O(text, starter=False, odd=False) -> Tok:  # noqa: E743 (the token kind "o", beside W, N, A, P)
    return Tok(text, " ", "o", starter=starter, odd_start=odd)


class Features:
    """Which constructions the generator may use. `clean` leaves out the ones
    that issue 9 lists as known findings (fixed on branch text)."""

    ALL = {"odd_start", "unknown_abbr", "abbr_end", "close_end", "lead_comma", "word_join", "combining",
           "items_sentence"}

    def __init__(self, on=None):
        self.on = set(self.ALL if on is None else on)

    def __contains__(self, name):
        return name in self.on


def subject(rng, nonce, feats, first: bool) -> list[Tok]:
    choices = [
        lambda: [W("Kommunen")], lambda: [W("Arbetet")], lambda: [W("Socialtjänsten")],
        lambda: [W("Förvaltningen")], lambda: [W("Nämnden")], lambda: [W("Éva"), W("Berg")],
        lambda: [W("2025"), W("års"), W("plan")],
        lambda: [W("Den"), A("s.k."), W("Trygghetsgruppen")],
        lambda: [O("\u201d"), W("Trygg", ""), W("kommun"), P("\u201d"), W("är")],
    ]
    if "odd_start" in feats and rng.random() < 0.1:
        choices = [
            lambda: [O("\u00bb", odd=True), W("Trygghet", ""), P("\u00ab")],
            lambda: [Tok("\u2013", " ", "w", odd_start=True), W("Vi")],
            lambda: [W("iPad-satsningen", odd_start=True)],
            lambda: [W("Ørestadsgruppen", odd_start=True)],
            lambda: [W("Ærø-rådet", odd_start=True)],
        ]
    toks = rng.choice(choices)()
    toks[0].starter = True
    return toks


def middle(rng, nonce, feats) -> list[Tok]:
    choices = [
        lambda: [A("bl.a."), W("skolan")],
        lambda: [A("t.ex."), N(nonce)],
        lambda: [A("t.ex."), W("Polisen", starter=True)],
        lambda: [A("s.k."), W("Trygghetsvandringar", starter=True)],
        lambda: [A("kl."), W("9", starter=True)],
        lambda: [W("under"), W("2025\u20132027")],
        lambda: [W("enligt"), W("avsnitt"), W("3.2")],
        lambda: [W("med"), W("5"), W("000", NBSP), W("kr")],
        lambda: [W("kallad"), O("\u201d"), N(nonce, ""), P("\u201d")],
        lambda: [W("kallad"), O("\u00bb"), N(nonce, ""), P("\u00ab")],
        lambda: [W("kallad"), O('"'), N(nonce, ""), P('"')],
        lambda: [W("kallad"), O("\u201e"), N(nonce, ""), P("\u201c")],
        lambda: [O("("), W("se", ""), N(nonce), P(")")],
        lambda: [W("\u2013"), W("särskilt"), N(nonce), W("\u2013")],
        lambda: [W("\u2014"), W("främst"), N(nonce), W("\u2014")],
        lambda: [W("sam\u00adverkan")],
        lambda: [W("för\u00advaltningar")],
        lambda: [P(","), W("och"), N(nonce)],
        lambda: [W("i", tags=frozenset({"tracked"})), W("samverkan"), W("med"), W("regionen")],
        lambda: [W("i", tags=frozenset({"tracked"})), W("samverkan"), W("med"), W("regionen")],
        lambda: [W("HR-avdelningen")],
        lambda: [W("KF:s"), W("beslut")],
        lambda: [A("enl."), W("lagen")],
        lambda: [A("p.g.a."), W("resursbrist")],
    ]
    if "unknown_abbr" in feats:
        choices += [
            lambda: [A("enl.", unknown_abbr=True), W("Socialstyrelsen", starter=True)],
            lambda: [A("p.g.a.", unknown_abbr=True), W("Covid", starter=True)],
            lambda: [A(rng.choice(UNKNOWN_ABBR), unknown_abbr=True), W("Region", starter=True), W("Skåne")],
        ]
    return rng.choice(choices)()


VERBS = [["samverkar", "med"], ["ansvarar", "för"], ["arbetar", "med"], ["följer", "upp"], ["stöder"]]


def sentence(rng, nonce, feats, first: bool = False, short: bool = False) -> list[Tok]:
    """One sentence: subject, verb, an object with a nonce word, 0-2 middle pieces, an ending."""
    toks = subject(rng, nonce, feats, first)
    toks += [W(w) for w in rng.choice(VERBS)]
    toks += rng.choice([lambda: [N(nonce)], lambda: [W("enheten"), N(nonce)],
                        lambda: [N(nonce), W("och"), N(nonce)]])()
    for _ in range(0 if short else rng.choice([0, 1, 1, 2])):
        toks += middle(rng, nonce, feats)
        if rng.random() < 0.3:
            toks.append(N(nonce))
    return toks + ending(rng, nonce, feats)


def ending(rng, nonce, feats) -> list[Tok]:
    choices = [lambda: [T(".")]] * 6 + [lambda: [T("!")], lambda: [T("?")], lambda: [T("\u2026")],
                                        lambda: [O("("), W("avsnitt", ""), W("3.2"), P(")"), T(".")]]
    choices += [lambda: [A(rng.choice(END_ABBR))]]
    choices += [lambda: [W("sa"), O("\u201d"), W("Vi", ""), W("ska"), W("samverka"), N(nonce), T("."), P("\u201d")],
                lambda: [O("("), W("Se", ""), W("bilaga"), N(nonce), T("."), P(")")]]
    return rng.choice(choices)()


def item_text(rng, nonce, feats) -> list[Tok]:
    """A list item or table cell: a short sentence, or words without a full stop."""
    if rng.random() < 0.5:
        return sentence(rng, nonce, feats, short=True)
    return [W(rng.choice(["Stöd", "Insatser", "Utbildning", "Samverkan"]), starter=True), W("för"), N(nonce)]
