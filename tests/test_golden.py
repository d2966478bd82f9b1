"""Golden cases: tests/cases/<name>/{program,patch,expected}.yaml, one per
operation and scope key. Applying the patch must give exactly expected.yaml."""
from __future__ import annotations

import pytest
from conftest import CASES

from amend.apply import apply_patch
from amend.dump import dump_program
from amend.load import load_patch, load_program

NAMES = sorted(p.name for p in CASES.iterdir() if (p / "patch.yaml").exists())


@pytest.mark.parametrize("name", NAMES)
def test_golden_case(name):
    case = CASES / name
    base = load_program(case / "program.yaml")
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
    text = (case / "program.yaml").read_bytes()
    base = load_program(case / "program.yaml")
    again = load_program(case / "program.yaml")
    apply_patch(base, load_patch(case / "patch.yaml"))
    assert base == again
    assert (case / "program.yaml").read_bytes() == text


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
