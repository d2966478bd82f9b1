"""The life of a program: its versions in time, and the version in force on a date.

Pure: no I/O. The patches of a program chain by `base` → `produces`; each
records a decision with a date, an optional in-force date and an outcome.

- A patch whose outcome is pending, rejected or withdrawn is never part of a
  version in force (nor is anything worded against its version).
- A committee's proposal (`decision.proposes_to`) is a step, never in force
  itself: it counts once a patch of the body it proposes to, worded against
  its version, is adopted. Until then it is pending.
- The other adopted decisions form one line of versions, the main chain. Two
  of them worded against the same version are refused: the later decision must
  be worded against what the earlier produced, or one text would be lost.
- The version in force on a date: walk the main chain from its start and stop
  before the first version that has not yet taken effect. So a version never
  shows changes of an earlier decision that are not yet in force.

Versions are listed parents first, and otherwise by decision date, then §
number, then `decision.order`.

The package: `words` (the states of a version, decisions in words and in order),
`timeline` (the versions of a program and their states on a date), `questions`
(the version in force on a date, the patches that build a version, outcomes
refused) and `log` (`amend log` as text and data).
"""
from __future__ import annotations

from .log import log_data, log_text
from .questions import chain_to, check_outcomes, require_version_on
from .timeline import Entry, Timeline, build_timeline, version_on
from .words import (
    DATE,
    FUTURE,
    IN_FORCE,
    PENDING,
    PROPOSAL,
    SUPERSEDED,
    UNREACHABLE,
    decision_words,
    incomplete_message,
    order_key,
    paragraph_number,
    same_body,
    state_words,
)

_same_body = same_body  # the name render/provenance imports: the timeline's own test of "the body it proposes to"

__all__ = [
    # the timeline and the questions asked of it
    "Entry", "Timeline", "build_timeline", "chain_to", "check_outcomes", "require_version_on", "version_on",
    # its words
    "DATE", "FUTURE", "IN_FORCE", "PENDING", "PROPOSAL", "SUPERSEDED", "UNREACHABLE", "decision_words",
    "incomplete_message", "order_key", "paragraph_number", "same_body", "state_words",
    # amend log
    "log_data", "log_text",
]
