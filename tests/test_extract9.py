"""Leftovers of the eighth review in extract, describe, import and the report (session 9).

Each case runs `amend extract` on a § of minutes against the bundled program
(programs/valdsforebyggande-2025-2027.yaml) and compares the patch, the adopted text or the
refusal exactly, in English and Swedish.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from applying import extract_runner
from conftest import PROGRAM

from amend.load import load_program
from amend.messages import msg
from amend.tree import iter_units

BEFORE = {u.path: u.text for u in iter_units(load_program(PROGRAM))}
HEAD = "Kommunfullmäktige\nProtokoll\n2025-11-24\n\n§ 12  2025.202 KS\nProgram om våldsförebyggande arbete 2025–2027\n\n"
ADOPT = "Beslut\nKommunfullmäktige beslutar att anta programmet med följande ändring: "
NEW = "läggs följande mening till: ”Gruppen leds av samordnaren.”"


@pytest.fixture
def extract(amend, tmp_path):
    """extract(instruction, lang) → (result, folder): `amend extract` of the § deciding it."""
    return extract_runner(amend, tmp_path, PROGRAM, wrap=lambda instruction: HEAD + ADOPT + instruction + "\n")


def _patch(folder: Path) -> dict:
    return yaml.safe_load((folder / "patch.yaml").read_text("utf-8"))


def _changed(amend, folder: Path) -> dict:
    res = amend("apply", PROGRAM, folder / "patch.yaml", "-o", folder / "out")
    assert res.code == 0, res.err
    after = {u.path: u.text for u in iter_units(load_program(next((folder / "out").glob("*.adopted.yaml"))))}
    return {path: text for path, text in after.items() if BEFORE.get(path) != text}


def _refused(res, folder: Path) -> bool:
    """extract exit 1, and no patch or one marked incomplete (apply refuses it)."""
    path = folder / "patch.yaml"
    return res.code == 1 and (not path.exists() or "incomplete" in yaml.safe_load(path.read_text("utf-8")))


# ------------------------------------------------ 1: a heading named without quotes is matched only whole

LONGER = [
    ("På sidan 6, under rubriken Samverkan med andra, " + NEW, "Samverkan med andra"),
    ("Under rubriken Samverkan med andra aktörer " + NEW, "Samverkan med andra aktörer"),
    ("Under Samverkan med andra aktörer ersätts ”regelbundet” med ”varje månad”.", "Samverkan med andra aktörer"),
    ("I avsnittet Samverkan i kommunen ersätts ”regelbundet” med ”varje månad”.", "Samverkan i kommunen"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("instruction, named", LONGER, ids=[n for _, n in LONGER])
def test_1_an_unquoted_heading_longer_than_the_programs_is_refused_naming_both(extract, instruction, named, lang):
    # before: matched by its start, {heading: Samverkan}, extract 0 and apply 0
    res, folder = extract(instruction, lang)
    assert _refused(res, folder), res.err
    assert msg("extract.cannot.heading_longer", heading="Samverkan", named=named).render(lang) in res.err, res.err


WHOLE = [
    "På sidan 6, under rubriken Samverkan, ersätts ”regelbundet” med ”varje månad”.",
    "Under rubriken Samverkan ersätts ”regelbundet” med ”varje månad”.",
    "Under Samverkan på sidan 6 ersätts ”regelbundet” med ”varje månad”.",
]


@pytest.mark.parametrize("instruction", WHOLE)
def test_1_an_unquoted_heading_named_whole_still_applies(amend, extract, instruction):
    res, folder = extract(instruction)
    assert res.code == 0, res.err
    assert _patch(folder)["amendments"][0]["at"]["heading"] == "Samverkan"
    [text] = _changed(amend, folder).values()
    assert "träffas varje månad" in text and "regelbundet" not in text
