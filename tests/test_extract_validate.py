"""`amend validate` compares each amendment's wording (`text:`) with its operation
and scope as far as that can be judged without a program (issue 13 item 5)."""
from __future__ import annotations

import textwrap

import pytest
from conftest import PATCH

HEAD = """\
program: l
base: v1
produces: v2
decision: {body: Kommunstyrelsen, date: '2025-10-22'}
amendments:
"""


def _patch(tmp_path, body: str):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + textwrap.dedent(body), "utf-8")
    return path


CASES = [
    ("""\
     - id: a
       text: Under rubriken Mål, i tredje punkten stryks.
       at: {heading: Mål, item: 2}
       delete_item: true
     """, "p.yaml:6: a: its text disagrees with it: the wording says item 3, the amendment's scope says item 2",
     "p.yaml:6: a: dess text säger något annat: lydelsen säger punkt 3, ändringens avgränsning säger punkt 2"),
    ("""\
     - id: b
       title: Tillägg 2
       text: Under rubriken Mål, i tredje punkten stryks.
       at: {heading: Mål}
       add_item: Fyra
     """, "p.yaml:6: Tillägg 2 (b): its text disagrees with it: the wording strikes text, but the operation add_item "
          "adds it",
     "p.yaml:6: Tillägg 2 (b): dess text säger något annat: lydelsen stryker text, men operationen add_item lägger "
     "till den"),
    ("""\
     - id: c
       text: På sidan 6, under rubriken ”Samverkan”, stryks ”årligen”.
       at: {page: 7, heading: Samverkan}
       delete: årligen
     """, "p.yaml:6: c: its text disagrees with it: the wording says page 6, the amendment's scope says page 7",
     "p.yaml:6: c: dess text säger något annat: lydelsen säger sidan 6, ändringens avgränsning säger sidan 7"),
    ("""\
     - id: d
       text: Under rubriken ”Samverkan” stryks ”årligen”.
       at: {heading: Uppföljning}
       delete: årligen
     """, "p.yaml:6: d: its text disagrees with it: the wording says the heading \"Samverkan\", the amendment's scope "
          "says the heading \"Uppföljning\"",
     "p.yaml:6: d: dess text säger något annat: lydelsen säger rubriken ”Samverkan”, ändringens avgränsning säger "
     "rubriken ”Uppföljning”"),
    ("""\
     - id: e
       text: 'Page 6, line 12, leave out "x" and insert "y".'
       at: {page: 5}
       replace: x
       with: y
     """, "p.yaml:6: e: its text disagrees with it: the wording says page 6, the amendment's scope says page 5",
     "p.yaml:6: e: dess text säger något annat: lydelsen säger sidan 6, ändringens avgränsning säger sidan 5"),
    ("""\
     - id: f
       text: Kapitel 2 § 21 i stadsmiljönämndens reglemente stryks ”årligen”.
       at: {heading: § 21}
       add_paragraph: årligen
     """, "p.yaml:6: f: its text disagrees with it: the wording strikes text, but the operation add_paragraph adds it",
     "p.yaml:6: f: dess text säger något annat: lydelsen stryker text, men operationen add_paragraph lägger till "
     "den"),
]


@pytest.mark.parametrize("body, en, sv", CASES)
def test_validate_reports_wording_that_disagrees_in_both_languages(amend, tmp_path, body, en, sv):
    path = _patch(tmp_path, body)
    res = amend("validate", path)
    assert res.code == 1
    assert res.err.strip() == f"error: {tmp_path}/{en}"
    res = amend("--lang", "sv", "validate", path)
    assert res.code == 1
    assert res.err.strip() == f"fel: {tmp_path}/{sv}"


AGREEING = [
    # the same wording, with the operation and scope it says
    """\
    - id: a
      text: Under rubriken Mål, i tredje punkten stryks.
      at: {heading: Mål, item: 3}
      delete_item: true
    """,
    # a heading named beside its number in the program is the same heading
    """\
    - id: d
      text: Under rubriken ”Samverkan” stryks ”årligen”.
      at: {heading: 3.2 Samverkan}
      delete: årligen
    """,
    # a page and line of Westminster style: the line is not in the patch format
    """\
    - id: e
      text: 'Page 6, line 12, leave out "x" and insert "y".'
      at: {page: 6}
      replace: x
      with: y
    """,
    # a heading named without quotation marks cannot be told from other words without the program
    """\
    - id: g
      text: Sista meningen under Rådets sammansättning kompletteras med ”och ersättare”.
      at: {heading: Något annat}
      insert: och ersättare
    """,
    # wording that reads as no operation at all says nothing
    """\
    - id: h
      text: Enligt yrkandet.
      at: {page: 2}
      delete: årligen
    """,
]


@pytest.mark.parametrize("body", AGREEING)
def test_validate_passes_wording_that_agrees_or_cannot_be_judged(amend, tmp_path, body):
    res = amend("validate", _patch(tmp_path, body))
    assert (res.code, res.err.strip()) == (0, f"ok: {tmp_path}/p.yaml"), res.err


def test_validate_lists_every_disagreement_and_the_valid_files(amend, tmp_path):
    both = textwrap.dedent(CASES[0][0]).strip() + "\n" + textwrap.dedent(CASES[2][0]).strip().replace("id: c", "id: c2")
    path = _patch(tmp_path, both + "\n")
    res = amend("validate", PATCH, path)
    assert res.code == 1
    lines = res.err.strip().splitlines()
    assert lines[0] == f"ok: {PATCH}"
    assert [line.split(": ", 3)[2] for line in lines[1:]] == ["a", "c2"]
