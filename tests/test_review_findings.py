"""Findings of the review of the merged main (issues 9, 13, 14), each run
through the real CLI on a program and patch written here; the adopted YAML
and DOCX are read back and compared exactly."""
from __future__ import annotations

import pytest
import yaml

from tests.conftest import docx_paragraphs

PROGRAM = {
    "program": {"id": "rv", "title": "Testprogram", "organisation": "Testkommun", "language": "sv",
                "version": "proposed", "date": "2025-03-18"},
    "sections": [{
        "heading": "Mål", "level": 2, "page": 3,
        "content": [
            "Målen gäller unga m.m.",
            {"table": {"header": ["Mål", "Indikator"],
                       "rows": [["Färre brott", "Antal anmälningar"],
                                ["Ökad trygghet", ["Andel trygga", {"bullets": ["a", "b"]}]]]}},
            {"columns": [{"heading": "Chefer", "content": ["Chefer ska utbildas.", {"bullets": ["Kurs A."]}]},
                         {"heading": "Medarbetare", "content": ["Medarbetare ska informeras."]}]},
        ],
    }],
}


def _apply(amend, tmp_path, amendment):
    prog, patch, out = tmp_path / "rv.yaml", tmp_path / "p.yaml", tmp_path / "out"
    prog.write_text(yaml.safe_dump(PROGRAM, allow_unicode=True, sort_keys=False), encoding="utf-8")
    patch.write_text(yaml.safe_dump({
        "program": "rv", "base": "proposed", "produces": "adopted",
        "decision": {"body": "Kommunfullmäktige", "date": "2025-11-24", "paragraph": "§ 1"},
        "amendments": [{"id": "a", **amendment}]}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = amend("apply", prog, patch, "-o", out)
    return res, out


def test_a_row_names_the_table_when_columns_stand_beside_it(amend, tmp_path):
    # A table has no heading to give, so "row 2, column 2" of the one table
    # under 'Mål' must not be refused because a column layout is there too.
    res, out = _apply(amend, tmp_path, {"at": {"page": 3, "heading": "Mål", "row": 2, "column": 2},
                                        "add_item": "c"})
    assert res.code == 0, res.err
    adopted = yaml.safe_load((out / "rv.adopted.yaml").read_text(encoding="utf-8"))
    table = adopted["sections"][0]["content"][1]["table"]
    assert table["rows"][1][1] == ["Andel trygga", {"bullets": ["a", "b", "c"]}]
    paras = docx_paragraphs(out / "rv.adopted.docx")
    assert paras[paras.index("a"):paras.index("a") + 3] == ["a", "b", "c"]


def test_a_column_heading_names_its_layout_when_a_table_stands_beside_it(amend, tmp_path):
    res, out = _apply(amend, tmp_path, {"at": {"page": 3, "heading": "Mål", "column": "Chefer"},
                                        "add_item": "Kurs B."})
    assert res.code == 0, res.err
    adopted = yaml.safe_load((out / "rv.adopted.yaml").read_text(encoding="utf-8"))
    chefer = adopted["sections"][0]["content"][2]["columns"][0]
    assert chefer["content"] == ["Chefer ska utbildas.", {"bullets": ["Kurs A.", "Kurs B."]}]
    assert "Kurs B." in docx_paragraphs(out / "rv.adopted.docx")


def test_a_column_number_without_row_stays_ambiguous(amend, tmp_path):
    # Column 2 could be the table's or the layout's: still refused, nothing written.
    res, out = _apply(amend, tmp_path, {"at": {"page": 3, "heading": "Mål", "column": 2},
                                        "insert": "och utbildas"})
    assert res.code == 1
    assert "p.yaml:" in res.err and "a:" in res.err and "2 column layouts or tables" in res.err
    assert not out.exists()


def test_fuzzy_nan_is_a_usage_error(amend, tmp_path):
    # float("nan") passes click's range check (every comparison with nan is
    # false); it must be refused like any other threshold outside 0.5–1.0.
    res, out = _apply(amend, tmp_path, {"at": {"page": 3, "heading": "Mål", "paragraph": 1},
                                        "insert": "samt äldre"})
    assert res.code == 0, res.err
    res = amend("apply", tmp_path / "rv.yaml", tmp_path / "p.yaml", "-o", tmp_path / "o2", "--fuzzy", "nan")
    assert res.code == 2
    assert "--fuzzy" in res.err and "nan" in res.err
    assert not (tmp_path / "o2").exists()


SAMVERKAN = {
    "program": {"id": "rv", "title": "Testprogram", "organisation": "Testkommun", "language": "sv",
                "version": "proposed", "date": "2025-03-18"},
    "sections": [{"heading": "Samverkan", "level": 2, "page": 2, "content": [
        "Vi ska samverka med s.k. trygghetsvandrare, t.ex. polisen. Vi samverkar mellan förvaltningar i kommunen."]}],
}


def _apply_to(amend, tmp_path, program, amendment):
    prog = tmp_path / "rv.yaml"
    prog.write_text(yaml.safe_dump(program, allow_unicode=True, sort_keys=False), encoding="utf-8")
    patch, out = tmp_path / "p.yaml", tmp_path / "out"
    patch.write_text(yaml.safe_dump({
        "program": "rv", "base": "proposed", "produces": "adopted",
        "decision": {"body": "Kommunfullmäktige", "date": "2025-11-24", "paragraph": "§ 1"},
        "amendments": [{"id": "a", "at": {"page": 2, "heading": "Samverkan"}, **amendment}]},
        allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = amend("apply", prog, patch, "-o", out)
    assert res.code == 0, res.err
    adopted = yaml.safe_load((out / "rv.adopted.yaml").read_text(encoding="utf-8"))
    text = adopted["sections"][0]["content"][0]
    assert text in docx_paragraphs(out / "rv.adopted.docx")
    return text


@pytest.mark.parametrize("amendment, expected", [
    # The abbreviation's full stop now stands before the sentence's: one full stop.
    ({"delete": "polisen"},
     "Vi ska samverka med s.k. trygghetsvandrare, t.ex. Vi samverkar mellan förvaltningar i kommunen."),
    ({"replace": "trygghetsvandrare, t.ex. polisen", "with": ""},
     "Vi ska samverka med s.k. Vi samverkar mellan förvaltningar i kommunen."),
    ({"after": "i kommunen", "insert": "m.m."},
     "Vi ska samverka med s.k. trygghetsvandrare, t.ex. polisen. Vi samverkar mellan förvaltningar i kommunen m.m."),
    ({"replace": "i kommunen", "with": "i kommunen etc."},
     "Vi ska samverka med s.k. trygghetsvandrare, t.ex. polisen. Vi samverkar mellan förvaltningar i kommunen etc."),
    # Unchanged: a word that is no abbreviation keeps its text as worded.
    ({"replace": "i kommunen", "with": "i kommunen osv"},
     "Vi ska samverka med s.k. trygghetsvandrare, t.ex. polisen. Vi samverkar mellan förvaltningar i kommunen osv."),
])
def test_no_double_full_stop_after_an_abbreviation(amend, tmp_path, amendment, expected):
    assert _apply_to(amend, tmp_path, SAMVERKAN, amendment) == expected
