"""`amend extract` on the real Göteborg minutes in tests/fixtures/minutes/,
scored as bench/extract_eval.py scores it, with the thresholds of issue 13:
every applicable adopted amendment exactly, no wrong text, nothing rejected or
unclear in a patch, every other instruction reported once as what it is, and
no line for the negatives."""
from __future__ import annotations

from pathlib import Path

import pytest

from amend.extract.evaluate import counts, evaluate, format_score

MINUTES = Path(__file__).resolve().parent / "fixtures" / "minutes"


@pytest.fixture(scope="module")
def score():
    return evaluate(MINUTES)


def test_the_corpus_is_all_there(score):
    c = counts(score)
    assert (c["adopted, applicable: n"], c["adopted, not applicable: n"], c["rejected: n"], c["unclear: n"]) == (
        10, 50, 1, 2)


def test_every_applicable_adopted_amendment_is_extracted_exactly(score):
    c = counts(score)
    assert c["adopted, applicable: right"] == 10, format_score(score, verbose=True)


def test_no_wrong_text_and_nothing_rejected_or_unclear_in_a_patch(score):
    c = counts(score)
    wrong = sum(v for k, v in c.items() if k.endswith(": wrong"))
    assert wrong == 0, format_score(score, verbose=True)
    assert c["rejected: written"] == c["unclear: written"] == c["adopted, not applicable: written"] == 0


def test_every_other_instruction_is_reported_once_as_what_it_is(score):
    c = counts(score)
    assert c["adopted, not applicable: reported"] == 50, format_score(score, verbose=True)
    assert c["rejected: reported"] == 1 and c["unclear: reported"] == 2, format_score(score, verbose=True)


def test_no_line_for_the_negatives_nor_for_text_that_is_no_instruction(score):
    c = counts(score)
    assert c["negative lines"] == 0, format_score(score, verbose=True)
    assert c["noise"] == 0 and c["failures"] == 0, format_score(score, verbose=True)


def test_the_bench_script_prints_the_table(capsys):
    import runpy
    import sys

    argv = sys.argv
    sys.argv = ["extract_eval.py", str(MINUTES)]
    try:
        with pytest.raises(SystemExit) as done:
            runpy.run_path(str(MINUTES.parents[2] / "bench" / "extract_eval.py"), run_name="__main__")
    finally:
        sys.argv = argv
    assert done.value.code == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("adopted, applicable"))
    assert row.split()[2:] == ["10", "10", "10", "0", "0", "0", "0", "0"]  # n, written, right, wrong, …
    assert "lines on negatives: 0" in out


def test_body_and_date_come_from_the_page_furniture(score):
    """Every § that prints "Sammanträdesdatum" is read without --body/--date,
    and read right (a misread body, date or § is a failure)."""
    printed = {p.parent.name for p in MINUTES.glob("*/minutes.txt") if "Sammanträdesdatum" in p.read_text("utf-8")}
    assert printed and not printed & set(score.given)
    assert score.failures == []
