"""Several patches apply in order, each against the result of the one before."""
from __future__ import annotations

from conftest import PATCH, PROGRAM

from amend.load import load_program
from amend.tree import iter_units

LATER = """# yaml-language-server: $schema=../schemas/patch.schema.json
program: valdsforebyggande-2025-2027
base: adopted
produces: revised-2026
status: Reviderad
decision:
  body: Kommunfullmäktige
  date: "2026-02-25"
  paragraph: § 31
amendments:
  - id: andring-1
    title: Ändring 1
    at: {page: 6, heading: Samverkan, sentence: last}
    replace: samt med de fackliga parterna
    with: samt med de fackliga organisationerna
"""


def test_second_patch_refers_to_the_first_ones_result(amend, tmp_path):
    (tmp_path / "later.yaml").write_text(LATER, encoding="utf-8")
    res = amend("apply", PROGRAM, PATCH, tmp_path / "later.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"valdsforebyggande-2025-2027.revised-2026.{ext}" for ext in ("docx", "redline.docx", "redline.html", "yaml")]
    revised = load_program(tmp_path / "out" / "valdsforebyggande-2025-2027.revised-2026.yaml")
    texts = [u.text for u in iter_units(revised)]
    assert any(t.endswith("mellan mellan olika förvaltningar i kommunen samt med de fackliga organisationerna.")
               for t in texts)
    assert "Fackliga parter erbjuds basutbildning." in texts
    assert [d.paragraph for d in revised.meta.decisions] == ["§ 170", "§ 31"]
    assert (revised.meta.version, revised.meta.status, revised.meta.date) == ("revised-2026", "Reviderad", "2026-02-25")


def test_patches_out_of_order_are_refused(amend, tmp_path):
    (tmp_path / "later.yaml").write_text(LATER, encoding="utf-8")
    res = amend("apply", PROGRAM, tmp_path / "later.yaml", PATCH, "-o", tmp_path / "out")
    assert res.code == 1
    assert res.err.splitlines() == [f"error: {tmp_path / 'later.yaml'}: is worded against the version 'adopted', "
                                    "but the program given is the version 'proposed'"]
    assert not (tmp_path / "out").exists()
