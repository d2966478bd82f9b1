"""Golden cases: tests/cases/<name>/{patch,expected}.yaml, one per operation
and scope key, all amending tests/cases/program.yaml. Applying the patch must
give exactly expected.yaml; each patch says in a comment what its case tests."""
from __future__ import annotations

import pytest
from conftest import CASE_PROGRAM, CASES

from amend.apply import apply_patch
from amend.dump import dump_program
from amend.load import load_patch, load_program

NAMES = sorted(p.name for p in CASES.iterdir() if (p / "patch.yaml").exists())


@pytest.mark.parametrize("name", NAMES)
def test_golden_case(name):
    case = CASES / name
    base = load_program(CASE_PROGRAM)
    adopted, _ = apply_patch(base, load_patch(case / "patch.yaml"))
    expected = load_program(case / "expected.yaml")
    assert adopted == expected
    # and the YAML written is the same text, byte for byte
    assert dump_program(adopted, "../../../schemas/program.schema.json") == \
        (case / "expected.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_golden_case_base_untouched(name):
    """Applying never changes the base model (nor, of course, the file)."""
    case = CASES / name
    text = CASE_PROGRAM.read_bytes()
    base = load_program(CASE_PROGRAM)
    again = load_program(CASE_PROGRAM)
    apply_patch(base, load_patch(case / "patch.yaml"))
    assert base == again
    assert CASE_PROGRAM.read_bytes() == text


@pytest.mark.parametrize("name", NAMES)
def test_golden_case_says_what_it_tests(name):
    lines = (CASES / name / "patch.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("# This case tests: ") and len(lines[1]) > 30


def test_every_operation_and_scope_key_has_a_case():
    from amend.load import read_yaml
    from amend.model import OPERATIONS, Scope

    ops, keys = set(), set()
    for name in NAMES:
        data, _ = read_yaml(CASES / name / "patch.yaml")
        for am in data["amendments"]:
            ops.update(k for k in am if k in OPERATIONS)
            keys.update(am.get("at", {}))
    assert ops == set(OPERATIONS)
    assert keys == set(Scope.__dataclass_fields__)
