"""Real Westminster amendment wordings (issue 13 item 2 and the English cases): a bill's clause,
page and line before the instruction. Each is placed by its page and quoted words, or refused;
never placed by a line or clause the program cannot know.

The instruction wordings are quoted verbatim from amendment papers of the Safety of Rwanda (Asylum
and Immigration) Bill, Committee of the whole House (bills.parliament.uk/bills/3540/stages/18251/
amendments: amendments 38, 51) and the Terminally Ill Adults (End of Life) Bill, Report stage
(bills.parliament.uk/bills/3774/stages/19799/amendments: amendment 24); Parliamentary copyright,
Open Parliament Licence v3.0 (see tests/fixtures/SOURCES.md). The minutes around them and the
program are made up for the test."""
from __future__ import annotations

import pytest

AMENDMENT_38 = "Clause 5, page 5, line 23, after “person” insert “in consultation with the Attorney General.”"
AMENDMENT_51 = "Clause 5, page 5, line 15, leave out “not”"
AMENDMENT_24 = "Clause 3, page 2, line 18, at end insert “except that section 1(2) of that Act shall not apply”"

PROGRAM = """\
program:
  id: bill
  title: Stand-in Bill
  language: en
  version: '1'
sections:
- heading: Clause 3
  level: 1
  page: 2
  content:
  - The Secretary of State may by regulations make provision about the Act.
- heading: Clause 5
  level: 1
  page: 5
  content:
  - A decision of a Minister of the Crown is not to be questioned by a court and is not binding on any person.
"""


def _extract(amend, tmp_path, instruction, *extra, program=PROGRAM):
    (tmp_path / "bill.yaml").write_text(program, "utf-8")
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(f"Minutes\nCommittee of the whole House\n17 January 2024\n\nDecision\n"
                       f"Amendments made: 1, {instruction[0].lower()}{instruction[1:]}.\n", "utf-8")
    return minutes, amend(*extra, "extract", minutes, "--program", tmp_path / "bill.yaml", "--body", "House of Commons", "--date", "2024-01-17",
                          "-o", tmp_path / "patch.yaml")


@pytest.mark.parametrize("lang, clause", [
    ("en", "check: {m}:6: clause 5 is not checked: the patch has no clauses; the amendment is placed by its page and "
           "quoted words, which must match exactly once there (the clause stays in its text)"),
    ("sv", "kontrollera: {m}:6: paragraf 5 i lagförslaget kontrolleras inte: patchen har inga sådana; ändringen "
           "placeras av sidan och de citerade orden, som måste finnas exakt en gång där (paragrafen står kvar i "
           "texten)"),
])
def test_clause_page_and_line_place_it_by_the_page_and_the_quoted_words(amend, tmp_path, lang, clause):
    from amend.load import load_patch

    minutes, res = _extract(amend, tmp_path, AMENDMENT_38, "--lang", lang)
    assert res.code == 0, res.err
    (am,) = load_patch(tmp_path / "patch.yaml").amendments
    assert (am.op, am.scope.page, am.after, am.value) == ("insert", 5, "person",
                                                          "in consultation with the Attorney General.")
    assert clause.format(m=minutes) in res.err.splitlines()
    assert any("line 23" in line or "rad 23" in line for line in res.err.splitlines())
    out = amend("apply", tmp_path / "bill.yaml", tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert out.code == 0, out.err
    adopted = next((tmp_path / "out").glob("*.yaml")).read_text("utf-8")
    # the payload's own full stop is the sentence's: one full stop, at the end
    assert "is not binding on any person in consultation with the Attorney General.\n" in adopted


def test_a_payload_with_its_full_stop_inside_a_sentence_needs_a_human(amend, tmp_path):
    # "…the person in consultation with the Attorney General. making it…" would be wrong text
    program = PROGRAM.replace("is not binding on any person.", "the person making it is not bound.")
    _, res = _extract(amend, tmp_path, AMENDMENT_38, program=program)
    assert res.code == 1 and "needs a human:" in res.err and "start a sentence in lower case" in res.err, res.err


def test_quoted_words_found_twice_on_the_page_are_refused(amend, tmp_path):
    _, res = _extract(amend, tmp_path, AMENDMENT_51)
    # "not" is twice on page 5: no guess by the line; the patch says so and `amend apply` refuses it
    assert res.code == 1 and "needs a human:" in res.err and "occurs 2 times on page 5" in res.err, res.err
    applied = amend("apply", tmp_path / "bill.yaml", tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert applied.code == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang, want", [
    ("en", "it is placed by line 18 alone (no quoted words to find there), and the program has no line numbers: "
           "where it goes is not known"),
    ("sv", "den placeras bara av rad 18 (inga citerade ord att söka efter), och programmet har inga radnummer: var "
           "den ska in är okänt"),
])
def test_at_end_of_a_line_is_refused_not_put_at_the_end_of_the_page(amend, tmp_path, lang, want):
    """Page 2 holds one paragraph: inserting at its end would be wrong text with exit 0."""
    _, res = _extract(amend, tmp_path, AMENDMENT_24, "--lang", lang)
    assert res.code == 1 and any(line.endswith(want) for line in res.err.splitlines()), res.err
    assert not (tmp_path / "patch.yaml").exists()
