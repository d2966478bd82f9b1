"""`--template FILE.dotx|.docx`: a program without a Word file of its own, laid out in the
municipality's template (issue 12, item 3).

Fixture: tests/fixtures/template/kommunmall.dotx (made by tests/fixtures/make_municipal_template.py):
Arial, blue headings, logo and name in the header, address in the footer, a placeholder body,
and no List Number / List Bullet / Subtitle styles, as many real templates.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import PROGRAM, ROOT
from lxml import etree

TEMPLATE = ROOT / "tests" / "fixtures" / "template" / "kommunmall.dotx"
PATCHES = sorted((ROOT / "amendments" / "valdsforebyggande-2025-2027").glob("*.yaml"))
STEM = "valdsforebyggande-2025-2027.kf-2026-11-23"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AMEND = str(ROOT / ".venv" / "bin" / "amend")
EPOCH = {"SOURCE_DATE_EPOCH": "1764547200"}

# the adopted version's dokumentinformation, from the three decisions of the example (KSAU proposes,
# KF adopts 2025-11-24 § 12, KF revises 2026-11-23 § 130 in force 2027-01-01)
ADOPTED_INFO = [["Status", "Reviderad"], ["Beslutad av", "Kommunfullmäktige"], ["Datum för beslut", "2025-11-24"],
                ["Paragraf", "§ 12"], ["Diarienummer", "2025.202 KS"], ["Reviderad", "2026-11-23 § 130"],
                ["Gäller från", "2027-01-01"]]


@pytest.fixture(scope="module")
def applied(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("template") / "out"
    done = subprocess.run([AMEND, "apply", str(PROGRAM), *map(str, PATCHES), "-o", str(out),
                           "--template", str(TEMPLATE)], capture_output=True, text=True,
                          env={**os.environ, **EPOCH, "AMEND_LANG": "en"})
    assert done.returncode == 0, done.stderr
    return out


def part(docx: Path, name: str):
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read(name))


def texts(root) -> str:
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def paragraphs(root) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def field_codes(root) -> list[str]:
    codes = [" ".join((i.text or "").split()) for i in root.iter(f"{W}instrText")]
    return codes + [" ".join((f.get(f"{W}instr") or "").split()) for f in root.iter(f"{W}fldSimple")]


def rels_targets(docx: Path, rels: str) -> list[str]:
    return [r.get("Target") for r in part(docx, rels)]


def test_the_templates_header_footer_and_logo_are_kept_with_title_and_page_fields(applied):
    docx = applied / f"{STEM}.docx"
    header = part(docx, "word/header1.xml")
    assert "Trygghetskommunen" in texts(header)  # the template's own header text
    assert any(t.startswith("media/") for t in rels_targets(docx, "word/_rels/header1.xml.rels"))  # its logo
    with zipfile.ZipFile(TEMPLATE) as t, zipfile.ZipFile(docx) as d:
        logos = [n for n in t.namelist() if n.startswith("word/media/")]
        assert logos and all(t.read(n) == d.read(n) for n in logos)
    assert "TITLE" in field_codes(header)  # the running header: the title as a field, shown already
    assert "Program om våldsförebyggande arbete 2025–2027" in texts(header)
    footer = part(docx, "word/footer1.xml")
    assert "Trygghetskommunen · Storgatan 1 · 123 45 Trygghetsstad" in texts(footer)
    assert {"PAGE", "NUMPAGES"} <= set(field_codes(footer))
    assert "Sida 1 (1)" in paragraphs(footer)  # "Sida N (M)": the fields' shown values until laid out


def test_the_templates_styles_are_used_and_missing_ones_brought(applied):
    from docx import Document

    doc = Document(str(applied / f"{STEM}.docx"))
    assert doc.styles["Normal"].font.name == "Arial"  # the template's
    assert doc.styles["Heading 1"].font.name == "Arial"
    numbered = doc.styles["List Number"].element  # not in the template: brought, with its numbering
    num_id = numbered.pPr.numPr.numId.val
    nums = doc.part.numbering_part.element.findall(f"{W}num")
    assert str(num_id) in {n.get(f"{W}numId") for n in nums}
    body = doc.element.body
    items = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
             and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "ListNumber"]
    assert [texts(p) for p in items][:2] == [
        "Färre personer i Alingsås kommun utsätts för våld i nära relationer och hedersrelaterat våld och förtryck.",
        "Våldsutsatta personer och barn som upplever våld upptäcks tidigt och erbjuds ett gott stöd."]
    assert "Skriv texten här." not in texts(body)  # the template's placeholder is not kept


def test_the_document_language_is_the_programs(applied):
    styles = part(applied / f"{STEM}.docx", "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "sv-SE"
    core = part(applied / f"{STEM}.docx", "docProps/core.xml")
    assert [e.text for e in core if e.tag.endswith("}language")] == ["sv-SE"]


def test_title_page_has_the_dokumentinformation_of_the_decisions(applied):
    from docx import Document

    doc = Document(str(applied / f"{STEM}.docx"))
    lines = [p.text for p in doc.paragraphs[:4]]
    assert lines == ["Alingsås kommun", "Program om våldsförebyggande arbete 2025–2027", "Kommunövergripande program",
                     "Dokumentinformation"]
    assert [[c.text for c in row.cells] for row in doc.tables[0].rows] == ADOPTED_INFO


def test_no_internal_version_name_is_shown(applied):
    shown = " ".join(texts(part(applied / f"{STEM}.docx", n)) for n in
                     ("word/document.xml", "word/header1.xml", "word/footer1.xml"))
    for internal in ("proposed", "adopted", "kf-2026-11-23", "Version"):
        assert internal not in shown


def test_contents_is_a_toc_field_with_the_headings_and_their_pages(applied):
    from amend.load import load_program

    body = part(applied / f"{STEM}.docx", "word/document.xml")
    assert 'TOC \\o "1-1" \\u' in field_codes(body)
    entries = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
               and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "TOC1"]
    adopted = load_program(str(applied / f"{STEM}.yaml"))
    # heading, a tab (w:tab, no text), its page
    assert [texts(p) for p in entries] == [f"{s.heading}{s.page}" for s in adopted.sections if s.level == 1]
    assert all(p.find(f"{W}r/{W}tab") is not None for p in entries)


def test_same_inputs_same_bytes_and_the_template_untouched(applied, tmp_path):
    before = hashlib.sha256(TEMPLATE.read_bytes()).hexdigest()
    done = subprocess.run([AMEND, "apply", str(PROGRAM), *map(str, PATCHES), "-o", str(tmp_path),
                           "--template", str(TEMPLATE)], capture_output=True, env={**os.environ, **EPOCH})
    assert done.returncode == 0
    for f in applied.iterdir():
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name
    assert hashlib.sha256(TEMPLATE.read_bytes()).hexdigest() == before


def test_a_docx_template_works_as_a_dotx(amend, tmp_path):
    """A .docx used as template (what a secretary has at hand): the same document as from the .dotx."""
    from amend.render.template import as_document

    as_docx = tmp_path / "mall.docx"
    as_docx.write_bytes(as_document(TEMPLATE.read_bytes()))
    for name, template in (("a", TEMPLATE), ("b", as_docx)):
        assert amend("render", PROGRAM, "-o", tmp_path / name, "--template", template, env=EPOCH).code == 0
    name = "valdsforebyggande-2025-2027.proposed.docx"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("lang, expected", [
    ("en", "the template {f} cannot be read: No such file or directory; nothing was written"),
    ("sv", "mallen {f} kan inte läsas: No such file or directory; inget skrevs"),
])
def test_a_missing_template_is_refused(amend, tmp_path, lang, expected):
    missing = tmp_path / "finns-inte.dotx"
    res = amend("--lang", lang, "apply", PROGRAM, PATCHES[0], "-o", tmp_path / "out", "--template", missing)
    assert res.code == 1
    assert expected.format(f=missing) in res.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang, expected", [
    ("en", "the template {f} is not a Word document or template (.docx or .dotx); nothing was written"),
    ("sv", "mallen {f} är inget Word-dokument eller Word-mall (.docx eller .dotx); inget skrevs"),
])
@pytest.mark.parametrize("content", [b"not a zip", b"zip"])
def test_a_template_that_is_not_word_is_refused(amend, tmp_path, lang, expected, content):
    bad = tmp_path / "mall.dotx"
    if content == b"zip":  # a zip, but no Word document in it (an .xlsx, say)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
        content = buf.getvalue()
    bad.write_bytes(content)
    res = amend("--lang", lang, "render", PROGRAM, "-o", tmp_path / "out", "--template", bad)
    assert res.code == 1
    assert expected.format(f=bad) in res.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang, expected", [
    ("en", "the template {f} is not used: the DOCX files are the program's own Word file"),
    ("sv", "mallen {f} används inte: DOCX-filerna är programmets egen Word-fil"),
])
def test_the_template_is_not_used_for_a_program_with_its_own_word_file(tmp_path, lang, expected):
    import shutil

    from test_source_docx import PLAN, PLAN_PATCH

    shutil.copy(PLAN, tmp_path / "trygghetsplan.docx")
    env = {**os.environ, **EPOCH}
    subprocess.run([AMEND, "import", str(tmp_path / "trygghetsplan.docx"), "-o", str(tmp_path / "t.yaml")],
                   check=True, capture_output=True, env=env)
    (tmp_path / "p.yaml").write_text(PLAN_PATCH.replace("program: trygghetsplan", "program: t"), encoding="utf-8")
    done = subprocess.run([AMEND, "--lang", lang, "apply", str(tmp_path / "t.yaml"), str(tmp_path / "p.yaml"), "-o",
                           str(tmp_path / "out"), "--template", str(TEMPLATE)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert expected.format(f=TEMPLATE) in done.stderr + done.stdout
    with zipfile.ZipFile(tmp_path / "out" / "t.adopted.docx") as z:
        assert "word/footnotes.xml" in z.namelist()  # the council's own file, not the template


# ---------------------------------------------------------------- laid out by LibreOffice


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.libreoffice
def test_in_libreoffice_the_pages_and_contents_agree(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([AMEND, "apply", str(PROGRAM), *map(str, PATCHES), "-o", str(out), "--template",
                           str(TEMPLATE), "--pdf"], capture_output=True, text=True, env={**os.environ, **EPOCH})
    assert done.returncode == 0, done.stderr
    from real_clients import libreoffice

    from amend.load import load_program

    adopted = load_program(str(out / f"{STEM}.yaml"))
    for doc, dumped in zip((out / f"{STEM}.docx", out / f"{STEM}.redline.docx"),
                           libreoffice([(out / f"{STEM}.docx", ""), (out / f"{STEM}.redline.docx", "")])):
        pages = _pdf_pages(doc.with_suffix(".pdf"))
        assert len(pages) == dumped["pages"]
        for n, text in enumerate(pages, 1):  # the footer's fields, laid out
            assert f"Sida {n} ({len(pages)})" in text
            assert "Program om våldsförebyggande arbete 2025–2027" in text.split("\n")[1]  # the running header
        for s in adopted.sections:  # the page each heading is on is the program's page, as the contents says
            lo_page = next(p["page"] for p in dumped["paragraphs"] if p["text"] == s.heading and
                           p["style"].startswith("Heading"))
            assert lo_page == s.page, s.heading
            assert re.search(rf"^{re.escape(s.heading)}$", pages[s.page - 1], re.M), s.heading


@pytest.mark.libreoffice
def test_template_redline_accepts_and_rejects_exactly(tmp_path):
    """Accept All gives the adopted DOCX and Reject All the proposal (both in the template),
    paragraph by paragraph; the title page is the adopted version's on every side."""
    env = {**os.environ, **EPOCH}
    out = tmp_path / "out"
    done = subprocess.run([AMEND, "apply", str(PROGRAM), *map(str, PATCHES), "-o", str(out), "--template",
                           str(TEMPLATE)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    subprocess.run([AMEND, "render", str(PROGRAM), "-o", str(tmp_path / "p"), "--template", str(TEMPLATE)],
                   check=True, capture_output=True, env=env)
    from real_clients import libreoffice

    red = out / f"{STEM}.redline.docx"
    accepted, rejected, adopted, proposed = libreoffice([
        (red, "accept"), (red, "reject"), (out / f"{STEM}.docx", ""),
        (tmp_path / "p" / "valdsforebyggande-2025-2027.proposed.docx", "")])

    def seen(dump: dict, body_only: bool = False) -> list[tuple]:
        paras = [(p["text"], p["style"], p["label"], p["break"], p["page"]) for p in dump["paragraphs"]]
        first = next(k for k, p in enumerate(paras) if p[0] == "Inledning" and p[1].startswith("Heading"))
        return paras[first:] if body_only else paras

    assert seen(accepted) == seen(adopted)
    assert accepted["pages"] == adopted["pages"]
    assert seen(rejected, body_only=True) == seen(proposed, body_only=True)
    assert rejected["pages"] == proposed["pages"]
