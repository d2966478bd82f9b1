"""The title block shows a reader only the reader's words (issue 12, item 3): status, date and
decisions in the program's language, never the internal version name ("proposed", "adopted").
The version is kept where no reader sees it, a custom document property, and the importer reads
it back from there, so that render → import still gives back the program."""
from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import pytest
from conftest import PATCH, PROGRAM, ROOT
from lxml import etree

from amend.apply import apply_patches, apply_steps
from amend.importers import import_document
from amend.load import load_patch, load_program
from amend.output import build_time
from amend.redline import redline
from amend.render.docx import render_docx
from amend.render.redline_docx import render_redline_docx
from amend.render.template import read_template

TEMPLATE = ROOT / "tests" / "fixtures" / "template" / "kommunmall.dotx"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def _custom(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.findall(f"{CUSTOM}property")}


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.fixture(scope="module")
def adopted():
    program = load_program(PROGRAM)
    return program, apply_patches(program, [load_patch(PATCH)])[0]


def test_the_title_block_shows_status_and_date_never_the_version_name(adopted):
    program, new = adopted
    texts = _texts(render_docx(program, build_time(None)))
    assert texts[:4] == ["Alingsås kommun", "Program om våldsförebyggande arbete 2025–2027",
                         "Kommunövergripande program", "Status: Förslag · Datum: 2025-03-18"]
    shown = _texts(render_docx(new, build_time(None)))
    assert "Datum: 2025-10-22" in shown
    assert not any("Version" in t or "proposed" in t or "adopted" in t for t in texts + shown)


def test_an_english_program_gets_english_labels(adopted):
    program, _ = adopted
    english = replace(program, meta=replace(program.meta, language="en", status="Proposal"))
    assert "Status: Proposal · Date: 2025-03-18" in _texts(render_docx(english, build_time(None)))


def test_no_status_and_no_date_means_no_line(adopted):
    program, _ = adopted
    bare = replace(program, meta=replace(program.meta, status=None, date=None))
    texts = _texts(render_docx(bare, build_time(None)))
    assert texts[3] == "Inledning" and not any(": " in t for t in texts[:3])


def test_the_version_is_a_custom_document_property_of_every_docx(adopted):
    program, new = adopted
    when = build_time(None)
    assert _custom(render_docx(program, when)) == {"amend.version": "proposed"}
    assert _custom(render_docx(new, when)) == {"amend.version": "adopted"}
    red = render_redline_docx(redline(apply_steps(program, [load_patch(PATCH)])), when)
    assert _custom(red) == {"amend.version": "adopted"}
    assert "Version" not in "".join(t for t in _texts(red) if t)


def test_a_templates_own_custom_properties_are_kept(adopted, tmp_path):
    """A municipality's template may carry custom properties of its own: they stay, amend's is added."""
    template = tmp_path / "mall.dotx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            elif info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdC" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/custom-properties" '
                                    b'Target="docProps/custom.xml"/></Relationships>')
            dst.writestr(info, data)
        dst.writestr("docProps/custom.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     f'<Properties xmlns="{CUSTOM[1:-1]}" xmlns:vt="http://schemas.openxmlformats.org/'
                     f'officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-'
                     f'08002B2CF9AE}}" pid="2" name="Diarienummer"><vt:lpwstr>KS 2025/202</vt:lpwstr>'
                     f'</property></Properties>')
    program, _ = adopted
    data = render_docx(program, build_time(None), template=read_template(template))
    assert _custom(data) == {"Diarienummer": "KS 2025/202", "amend.version": "proposed"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("docProps/custom.xml"))
    assert [p.get("pid") for p in root] == ["2", "3"]


def test_import_reads_the_version_back_from_the_property(adopted, tmp_path):
    _, new = adopted
    path = tmp_path / "adopted.docx"
    path.write_bytes(render_docx(new, build_time(None)))
    back = import_document(path, program_id=new.meta.id)[0]
    assert (back.meta.version, back.meta.status, back.meta.date) == ("adopted", new.meta.status, "2025-10-22")


def test_a_docx_without_the_property_is_proposed_and_an_old_version_line_still_reads(adopted, tmp_path):
    """A Word file of the council has no such property; amend's files from before show the line."""
    program, _ = adopted
    data = render_docx(program, build_time(None))
    old = tmp_path / "old.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(old, "w") as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "docProps/custom.xml":
                part = part.replace(b">proposed<", b">x<").replace(b'name="amend.version"', b'name="other"')
            elif info.filename == "word/document.xml":
                part = part.replace("Status: Förslag".encode(), "Version: adopted · Status: Förslag".encode())
            dst.writestr(info, part)
    back, report = import_document(old, program_id=program.meta.id)
    assert (back.meta.version, back.meta.status) == ("adopted", "Förslag")
    assert not any("Version" in line for line in report.lines())
