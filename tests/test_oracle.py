"""The independent oracle, fast profile (issue 9): seeded cases of Swedish-like
programs and patches whose expected adopted text the oracle computes on its own
token model (tests/oracle/), checked through amend's API and, for some, the CLI.

The long profile is `python bench/fuzz_oracle.py --cases 20000`.
"""
from __future__ import annotations

import pytest
from oracle.gen import FOUND, KNOWN, Case, RefuseSpec
from oracle.run import repro, run_case, shrink

SEEDS = range(0, 240)
OK = ("right", "refused")


def _report(case, result) -> str:
    dropped = shrink(case, result, budget=150)
    return repro(case, dropped, run_case(case, dropped=dropped))


def test_fast_profile_has_no_wrong_text_and_no_crash():
    """Every case is applied exactly or refused as it must be, including those that
    use the constructions of issue 9's findings (fixed) and the oracle's own."""
    verdicts = {}
    failures = []
    for seed in SEEDS:
        case = Case(seed)
        result = run_case(case, redline=seed % 3 == 0, cli=seed % 8 == 0)
        verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
        if result.verdict not in OK and len(failures) < 3:
            failures.append(_report(case, result))
    assert not failures, "\n\n".join(failures)
    # The generator must keep producing both kinds of case, or the profile proves little.
    total = sum(verdicts.values())
    assert verdicts.get("right", 0) >= 0.3 * total, verdicts
    assert verdicts.get("refused", 0) >= 0.2 * total, verdicts


_TAGS: dict[int, set] = {}


def _seeds_with(tag: str, limit: int = 4, scan: int = 500) -> list[int]:
    """The first seeds (of a fixed range) whose case uses the construction `tag`."""
    if not _TAGS:
        _TAGS.update((seed, Case(seed).emit().tags) for seed in range(10_000, 10_000 + scan))
    return [seed for seed, tags in sorted(_TAGS.items()) if tag in tags][:limit]


_FINDINGS = [pytest.param(tag, id=f"finding-{n}-{tag}") for tag, n in KNOWN.items()]
_FINDINGS += [pytest.param(tag, id=f"oracle-{n}-{tag}") for tag, n in FOUND.items()]


@pytest.mark.parametrize("tag", _FINDINGS)
def test_known_finding(tag):
    """Cases that use the construction of one (fixed) finding give the right text or
    the right refusal: blank values are refused at load, a sentence number that
    readings of an abbreviation move is refused, a spaced dash keeps its spaces."""
    seeds = _seeds_with(tag)
    assert seeds, f"the generator no longer produces '{tag}'"
    for seed in seeds:
        case = Case(seed)
        result = run_case(case, redline=False)
        assert result.verdict in OK, repro(case, set(), result)  # not shrunk: the construction is named


def test_the_oracle_catches_a_wrong_space(monkeypatch):
    """The oracle is not vacuous: with amend's insert spacing broken on purpose
    (no space before inserted text), the fast profile reports wrong text."""
    import amend.text.joining

    real = amend.text.joining.insert_at
    monkeypatch.setattr(amend.text.joining, "insert_at", lambda text, at, new: real(text, at, new).replace(" " + new, new, 1))
    wrong = [seed for seed in range(40) if run_case(Case(seed), redline=False).verdict == "wrong"]
    assert len(wrong) >= 5, wrong


def test_the_oracle_catches_a_guess(monkeypatch):
    """...and with the word-edge rule broken (an anchor may begin or end inside a
    word: "HR" in "HR-avdelningen", a prefix of a word), it reports cut-word
    anchors applied instead of refused."""
    import amend.resolve.anchors
    import amend.text.matching

    anywhere = lambda text, p: True  # noqa: E731 - every offset a word edge
    monkeypatch.setattr(amend.text.matching, "at_word_edge", anywhere)
    monkeypatch.setattr(amend.resolve.anchors, "at_word_edge", anywhere)
    cut = [case for case in map(Case, range(600)) if any(
        isinstance(sp, RefuseSpec) and sp.kind in ("prefix", "word_join", "combining") for specs in case.patches
        for sp in specs)]  # the cases that quote part of a word
    found = [case.seed for case in cut if run_case(case, redline=False).verdict == "wrong"]
    assert len(found) >= 3, (found, [case.seed for case in cut])
