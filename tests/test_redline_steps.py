"""Several patches in a row: each change of the redline names the amendments
whose words it shows, and the decision that made it."""
from __future__ import annotations

from conftest import CASE_PROGRAM

from amend.apply import apply_steps
from amend.load import load_patch, load_program
from amend.redline import redline

FIRST = """program: testprogram
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2026-03-01", paragraph: § 12}
amendments:
  - id: a1
    at: {heading: Inledning, paragraph: 2}
    replace: årligen
    with: två gånger per år
  - id: a2
    at: {heading: Inledning, paragraph: 2}
    delete: under perioden
"""
SECOND = """program: testprogram
base: adopted
produces: revised
decision: {body: Kommunfullmäktige, date: "2026-06-01", paragraph: § 40}
amendments:
  - id: c1
    at: {heading: Inledning, paragraph: 2}
    replace: två gånger per år
    with: kvartalsvis
"""


def test_each_change_names_its_own_amendments_and_decision(tmp_path):
    (tmp_path / "first.yaml").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(SECOND, encoding="utf-8")
    base = load_program(CASE_PROGRAM)
    red = redline(apply_steps(base, [load_patch(tmp_path / "first.yaml"), load_patch(tmp_path / "second.yaml")]))
    text = {c.n: "".join(s.text for segs in red.segments.values() for s in segs if s.change == c.n)
            for c in red.changes if c.action == "text" and c.what == "text"}
    by_words = {text[c.n]: ([a.id for a in c.amendments], c.decision.paragraph)
                for c in red.changes if c.n in text}
    assert by_words == {
        "under perioden ": (["a2"], "§ 12"),  # only the first decision deleted these words
        # the first decision deleted "årligen" (and put in words the second rewrote): the redline
        # from the proposal shows each run of words with the amendment that did it
        "årligen": (["a1"], "§ 12"),
        "kvartalsvis": (["c1"], "§ 40"),
    }
    decision_lines = {c.decision.paragraph for c in red.changes if c.what == "title" and c.action == "insert"}
    assert decision_lines == {"§ 12", "§ 40"}
