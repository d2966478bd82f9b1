"""The course of one § as its minutes record it: who proposed what, which
propositions the chair put and found carried, how a vote went, and what the
decision says — so that a proposal made under "Yrkanden" is known to be
adopted, rejected or unclear from the § itself, never guessed.

Swedish minutes (Göteborgs Stad and others) word it so:

    Yrkanden        "Elisabet Lann (KD) och Ann Catrine Fogelgren (L) yrkar bifall till yrkande
                     från KD, M, L och D med justeringen att …"
    Propositions-   "Ordföranden ställer propositioner på yrkandena och finner att kommun-
    ordning          styrelsens förslag har bifallits." / "Kommunfullmäktige beslutar först att
                     bifalla kommunstyrelsens förslag med redovisad justering i punkt 6."
    Omröstning      "Ja för bifall till kommunstyrelsens förslag. Nej för bifall till yrkandet
                     från Elisabet Lann m fl." … "Omröstningen utfaller med 40 Ja mot 32 Nej."
    Beslut          "Enligt kommunstyrelsens förslag:" / "Enligt yrkande från S, V och MP:"
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .protocol import Minute
from .textlines import sentences

_PERSON = re.compile(r"([A-ZÅÄÖÉ][\wåäöéü\-]+(?: [A-ZÅÄÖÉ][\wåäöéü\-]+)+) \(([A-ZÅÄÖ]{1,3})\)")
_PROPOSITION = re.compile(r"\bfinner att (.+?) (?:har )?(bifallits|antagits|avslagits|fallit|beslutat)", re.IGNORECASE)
_BODY_DECIDES = re.compile(r"\b(?:kommunfullmäktige|kommunstyrelsen|nämnden|fullmäktige) (?:beslutar|har beslutat) "
                           r"(?:först |därefter |härefter |sedan )?att (bifalla|avslå) (.+)", re.IGNORECASE)
_VOTE_SIDES = re.compile(r"\bJa för (.+?)[.,]? (?:och )?Nej för (.+?)(?:\.?[\"”]|\. |\.?$)", re.IGNORECASE)
_VOTE_COUNT = re.compile(r"\b(\d+) Ja mot (\d+) Nej\b", re.IGNORECASE)
_BASIS = re.compile(r"^(?:enligt|i enlighet med) (.+?):", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    heading: str  # "Yrkanden", "Beslut", "" before the first heading
    kind: str  # "decision", "proceedings" or "other"
    line: int


@dataclass(frozen=True)
class Proposal:
    proposers: tuple  # ("Elisabet Lann (KD)", …) as the minutes name them
    text: str
    line: int
    supports: str | None  # "yrkar bifall till X": X


@dataclass(frozen=True)
class Proposition:
    subject: str  # what the chair (or the body) found carried or rejected
    adopted: bool
    line: int


@dataclass(frozen=True)
class Vote:
    yes_for: str
    no_for: str
    yes: int
    no: int
    line: int

    @property
    def winner(self) -> str | None:
        """"Ja" or "Nej"; None for a tie (the chair's casting vote is elsewhere)."""
        return None if self.yes == self.no else "Ja" if self.yes > self.no else "Nej"


@dataclass(frozen=True)
class Paragraph:
    parts: tuple
    proposals: tuple
    propositions: tuple
    votes: tuple
    basis: str | None  # "kommunstyrelsens förslag", "yrkande från S, V och MP"


def read_paragraph(minute: Minute) -> Paragraph:
    parts, proposals, propositions, sides, counts = [], [], [], [], []
    basis = None
    last = None
    for p in minute.passages:
        if (p.section, p.kind) != last:
            parts.append(Part(p.section, p.kind, p.line))
            last = (p.section, p.kind)
        if p.kind == "decision" and basis is None:
            m = _BASIS.match(p.text)
            basis = m.group(1) if m else basis
        if p.kind != "proceedings":
            continue
        for a, b in sentences(p.text):
            s, line = p.text[a:b], p.line_at(a)
            if re.match(r"yrkande från ", s, re.IGNORECASE):  # "Yrkande från S, V och MP: …"
                m = re.match(r"yrkande från ([A-ZÅÄÖ, ]+?(?: och [A-ZÅÄÖ]+)?)\b", s, re.IGNORECASE)
                proposals.append(Proposal((m.group(1).strip(),) if m else (), s, line, None))
            elif re.search(r"\byrkar\b", s):
                m = re.search(r"\byrkar bifall till (.+)", s)
                proposals.append(Proposal(tuple(f"{n} ({party})" for n, party in _PERSON.findall(s.split("yrkar")[0])),
                                          s, line, m.group(1) if m else None))
            for m in _PROPOSITION.finditer(s):
                propositions.append(Proposition(m.group(1), m.group(2).lower() in ("bifallits", "antagits", "beslutat"),
                                                line))
            m = _BODY_DECIDES.search(s)
            if m:
                propositions.append(Proposition(m.group(2), m.group(1).lower() == "bifalla", line))
        text = p.text
        m = _VOTE_SIDES.search(text.replace("\n", " "))
        if m:
            sides.append((m.group(1), m.group(2), p.line))
        for m in _VOTE_COUNT.finditer(text):
            counts.append((int(m.group(1)), int(m.group(2)), p.line_at(m.start())))
    votes = tuple(Vote(y, n, cy, cn, line) for (y, n, line), (cy, cn, _) in zip(sides, counts))
    return Paragraph(tuple(parts), tuple(proposals), tuple(propositions), votes, basis)


def _names(proposal: Proposal) -> list[str]:
    """What a later sentence may call the proposal by: its proposers' full and last
    names, or the parties of "Yrkande från S, V och MP" ("yrkandet från S, V och MP")."""
    out = []
    for person in proposal.proposers:
        if "(" not in person:
            out.append(f"från {person}")
            continue
        name = person.rsplit(" (", 1)[0]
        out += [name, name.split()[-1]]
    return out


def _refers(subject: str, proposal: Proposal) -> bool:
    if any(re.search(rf"\b{re.escape(n)}s?\b", subject) for n in _names(proposal)):
        return True
    # "… med redovisad justering i punkt 6" names the proposal by what it changes
    m = re.search(r"justering(?:en)? i punkt \d+", subject)
    if m is None:
        return False
    return m.group(0).replace("justeringen", "justering") in proposal.text.replace("justeringen", "justering")


def outcome(paragraph: Paragraph, proposal: Proposal) -> tuple[str, str]:
    """("adopted" | "rejected" | "unclear", the words of the minutes that say so)."""
    for vote in paragraph.votes:
        for side, text in (("Ja", vote.yes_for), ("Nej", vote.no_for)):
            if _refers(text, proposal) and vote.winner:
                against = bool(re.match(r"avslag", text.strip(), re.IGNORECASE))
                won = vote.winner == side
                said = f"{side} för {text.strip()}; {vote.yes} Ja mot {vote.no} Nej"
                return ("adopted" if won != against else "rejected"), said
    for prop in reversed(paragraph.propositions):
        if _refers(prop.subject, proposal):
            return ("adopted" if prop.adopted else "rejected"), prop.subject
    return "unclear", ""


def proposal_at(paragraph: Paragraph, line: int, text: str) -> Proposal | None:
    """The proposal whose sentence holds `text` (an instruction read under Yrkanden)."""
    for proposal in paragraph.proposals:
        if text[:40] in proposal.text or proposal.text[:40] in text:
            return proposal
    return None
