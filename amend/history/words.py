"""The words of a program's life: the states of a version, decisions in words and in order (pure)."""
from __future__ import annotations

import re

from ..messages import Msg, msg
from ..model import Decision, Patch

# The states of a version (README, "Versions and history").
IN_FORCE, SUPERSEDED, FUTURE = "in force", "superseded", "future"
PROPOSAL, PENDING, UNREACHABLE = "proposal", "pending", "unreachable"

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def state_words(state: str) -> Msg:
    """A state as people read it ("in force" / "gäller"); JSON keeps the English code."""
    words = {IN_FORCE: msg("history.state.in_force"), SUPERSEDED: msg("history.state.superseded"),
             FUTURE: msg("history.state.future"), PROPOSAL: msg("history.state.proposal"),
             PENDING: msg("history.state.pending"), UNREACHABLE: msg("history.state.unreachable"),
             "rejected": msg("history.state.rejected"), "withdrawn": msg("history.state.withdrawn")}
    return words[state]


def paragraph_number(paragraph: str | None) -> float:
    """The number of a minute paragraph, '§ 170' → 170; none sorts last."""
    m = re.search(r"\d+", paragraph or "")
    return int(m.group()) if m else float("inf")


def order_key(patch: Patch) -> tuple[str, float, int, str]:
    d = patch.decision
    return (d.date, paragraph_number(d.paragraph), d.order or 0, patch.produces)


def same_body(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def decision_words(d: Decision) -> str:
    """'Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS)'."""
    words = f"{d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")
    return words + (f" ({d.case})" if d.case else "")


def incomplete_message(p: Patch) -> Msg:
    """Why a patch that extract marked incomplete is no complete decision, and what to do."""
    return msg("guards.incomplete", count=len(p.incomplete), lines=", ".join(str(line) for line, _ in p.incomplete))

