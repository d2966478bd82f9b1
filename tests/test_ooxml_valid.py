"""Every DOCX amend writes passes the Open XML SDK's validation (issue 12, item 5).

No freely licensed copy of the ISO/IEC 29500 transitional XSDs is reachable from here (only
PyPI, Debian and npm are); openxml-audit (PyPI, MIT) is a pure-Python port of the Open XML
SDK's validator: the SDK's schema constraints (generated from the ECMA-376/ISO 29500
schemas, with Office's extensions), its semantic checks (a style used must be defined, ids
unique, relationships resolve) and Word's app-compat findings. Each output has none of them,
except an in-place DOCX, which may keep the findings of the council's own file and adds none.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import CASES, PROGRAM, ROOT

audit = pytest.importorskip("openxml_audit", reason="openxml-audit is not installed (pip install -e '.[test]')")
AMEND = str(ROOT / ".venv" / "bin" / "amend")
PATCHES = sorted((ROOT / "amendments" / "valdsforebyggande-2025-2027").glob("*.yaml"))
TEMPLATE = ROOT / "tests" / "fixtures" / "template" / "kommunmall.dotx"


def findings(path: Path) -> list[tuple[str, str, str]]:
    result = audit.OpenXmlValidator(max_errors=0).validate(str(path))
    return sorted((e.error_type.value, e.part_uri or "", e.description) for e in result.errors)


def run(*args: str) -> None:
    done = subprocess.run([AMEND, *args], capture_output=True, text=True, env={**os.environ, "AMEND_LANG": "en"})
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("valid")
    run("apply", str(PROGRAM), *map(str, PATCHES), "-o", str(out / "default"))
    run("apply", str(PROGRAM), *map(str, PATCHES), "-o", str(out / "template"), "--template", str(TEMPLATE))
    run("render", str(PROGRAM), "-o", str(out / "render"))
    case = sorted(p for p in CASES.glob("*/patch.yaml"))[0]
    run("apply", str(CASES / "program.yaml"), str(case), "-o", str(out / "case"))
    run("diff", str(PROGRAM), str(next((out / "default").glob("*.yaml"))), "--docx", str(out / "diff.docx"))
    return {f"{p.parent.name}/{p.name}": p for p in [*out.glob("*/*.docx"), out / "diff.docx"]}


def test_every_docx_amend_writes_has_no_finding(outputs):
    assert len(outputs) >= 8
    assert {name: findings(path) for name, path in outputs.items()} == {name: [] for name in outputs}


def test_an_in_place_docx_adds_no_finding_to_the_councils_file(tmp_path):
    from test_source_docx import PLAN, PLAN_PATCH

    shutil.copy(PLAN, tmp_path / "trygghetsplan.docx")
    run("import", str(tmp_path / "trygghetsplan.docx"), "-o", str(tmp_path / "trygghetsplan.yaml"))
    (tmp_path / "p.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    run("apply", str(tmp_path / "trygghetsplan.yaml"), str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"))
    own = findings(PLAN)
    for name in ("trygghetsplan.adopted.docx", "trygghetsplan.adopted.redline.docx"):
        assert findings(tmp_path / "out" / name) == own, name


def test_the_validator_reports_an_element_out_of_place(outputs, tmp_path):
    """The check is live: one element the schema does not allow in w:pPr is reported."""
    good = next(iter(outputs.values()))
    bad = tmp_path / "bad.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:pPr>", b"<w:pPr><w:bogus/>", 1)
            dst.writestr(info, data)
    bad.write_bytes(buf.getvalue())
    assert ("schema", "/word/document.xml", "Unexpected element 'bogus' found") in findings(bad)
