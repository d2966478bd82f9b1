"""The bundled Alingsås example, end to end through the CLI, checked in the DOCX itself."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import PATCH, PROGRAM, PROTOCOL
from docx import Document
from docx.oxml.ns import qn

from amend.apply import apply_patch
from amend.load import load_patch, load_program
from amend.text import clean
from amend.tree import iter_units

SENTENCE = ("Samordnaren ansvarar för att samordna arbetet mellan mellan olika förvaltningar i kommunen "
            "samt med de fackliga parterna.")
BULLET = "Fackliga parter erbjuds basutbildning."


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from click.testing import CliRunner

    from cli import main

    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["apply", str(PROGRAM), str(PATCH), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def docx_pages(path):
    """(page, style, text) of every paragraph in body order, with the page
    counted from page breaks (pageBreakBefore and w:br type=page), as Word does."""
    doc = Document(str(path))
    styles = {s.style_id: s.name for s in doc.styles}
    page, out = 1, []
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
            page += 1
        style = ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr is not None and ppr.find(qn("w:pStyle")) is not None \
            else "Normal"
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        out.append((page, styles.get(style, style), text))
        page += sum(1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    return out


def test_outputs_are_written(outputs):
    names = sorted(p.name for p in outputs.iterdir())
    assert "valdsforebyggande-2025-2027.adopted.docx" in names
    assert "valdsforebyggande-2025-2027.adopted.yaml" in names
    assert not [n for n in names if n.endswith(".tmp")]


def test_adopted_yaml_has_exactly_the_two_changes(outputs):
    base = load_program(PROGRAM)
    adopted = load_program(outputs / "valdsforebyggande-2025-2027.adopted.yaml")
    old = [(u.page, u.text) for u in iter_units(base)]
    new = [(u.page, u.text) for u in iter_units(adopted)]
    changed_old = [t for t in old if t not in new]
    changed_new = [t for t in new if t not in old]
    assert len(changed_old) == 1 and changed_old[0][0] == 6
    assert changed_new == [(6, changed_old[0][1].replace("i kommunen.", "i kommunen samt med de fackliga parterna.")),
                           (8, BULLET)]
    assert SENTENCE in changed_new[0][1]
    assert [s.heading for s in base.sections] == [s.heading for s in adopted.sections]
    assert adopted.meta.version == "adopted"
    assert adopted.meta.decisions[0].paragraph == "§ 170"


def test_docx_heading_styles_and_amended_sentence(outputs):
    pages = docx_pages(outputs / "valdsforebyggande-2025-2027.adopted.docx")
    headings = [(pg, style, text) for pg, style, text in pages if style.startswith("Heading")]
    assert (6, "Heading 2", "Samverkan") in headings
    assert any(style == "Heading 1" for _, style, _ in headings)
    samverkan = [i for i, (_, _, t) in enumerate(pages) if t == "Samverkan"][0]
    nxt = next(i for i in range(samverkan + 1, len(pages)) if pages[i][1].startswith("Heading"))
    section_text = [t for _, _, t in pages[samverkan + 1:nxt]]
    assert section_text[-1].endswith(SENTENCE)
    assert sum(t.count("samt med de fackliga parterna") for _, _, t in pages) == 1


def test_docx_new_bullet_is_last_in_third_column_on_page_8(outputs):
    path = outputs / "valdsforebyggande-2025-2027.adopted.docx"
    doc = Document(str(path))
    layouts = [t for t in doc.tables
               if t._tbl.tblPr.find(qn("w:tblDescription")) is not None]
    assert len(layouts) == 1
    cells = layouts[0].rows[0].cells
    assert len(cells) == 3
    third = cells[2].paragraphs
    assert third[-1].text == BULLET
    assert third[-1].style.name == "List Bullet"
    assert BULLET not in [p.text for c in cells[:2] for p in c.paragraphs]
    pages = docx_pages(path)
    assert [pg for pg, _, t in pages if t == BULLET] == [8]


def test_docx_page_breaks_follow_the_proposal(outputs):
    base = load_program(PROGRAM)
    pages = docx_pages(outputs / "valdsforebyggande-2025-2027.adopted.docx")
    for section in base.sections:
        assert (section.page, section.heading) in [(pg, t) for pg, s, t in pages if s.startswith("Heading")]
    assert pages[-1][0] == base.page_count


def test_docx_title_block_names_the_decision(outputs):
    texts = [t for _, _, t in docx_pages(outputs / "valdsforebyggande-2025-2027.adopted.docx")]
    assert texts[:2] == ["Alingsås kommun", "Program om våldsförebyggande arbete 2025–2027"]
    # the arbetsutskott proposes to kommunfullmäktige: the title block must not say it adopted the program
    assert "Förslag till Kommunfullmäktige från Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (ärende 2025.202 KS)" \
        in texts[:6]
    assert not any(t.startswith("Antagen av") for t in texts)


def test_docx_numbered_lists_restart_at_one(outputs):
    doc = Document(str(outputs / "valdsforebyggande-2025-2027.adopted.docx"))
    numbering = doc.part.numbering_part.element
    num_ids = []
    for p in doc.paragraphs:
        if p.style.name == "List Number":
            num_ids.append(p._p.pPr.numPr.numId.val)
    lists = list(dict.fromkeys(num_ids))
    assert len(lists) >= 2  # the example has two numbered lists
    definitions = []
    for num_id in lists:  # each list its own numbering definition, starting at 1 (amend.render.docx_lists)
        num = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id)][0]
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = [a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id][0]
        assert abstract.find(f"{qn('w:lvl')}/{qn('w:start')}").get(qn("w:val")) == "1"
        definitions.append((abstract_id, abstract.find(qn("w:nsid")).get(qn("w:val"))))
    assert len(set(d for d, _ in definitions)) == len(set(n for _, n in definitions)) == len(lists)


def test_patch_quotes_the_minutes():
    """The encoded patch says what the minutes say: anchors and new text verbatim."""
    minutes = clean(PROTOCOL.read_text(encoding="utf-8"))
    patch = load_patch(PATCH)
    one, two = patch.amendments
    assert f'efter "{one.after}" läggs följande till: "{one.value}"' in minutes
    assert f"tredje kolumnen läggs en punkt till: {two.value}" in minutes
    assert (patch.decision.body, patch.decision.date, patch.decision.paragraph, patch.decision.case) == \
        ("Kommunstyrelsens arbetsutskott", "2025-10-22", "§ 170", "2025.202 KS")
    assert "2025.202 KS" in minutes and "§ 170" in minutes


def test_applying_in_memory_matches_the_cli(outputs):
    adopted, _ = apply_patch(load_program(PROGRAM), load_patch(PATCH))
    assert adopted == load_program(outputs / "valdsforebyggande-2025-2027.adopted.yaml")


@pytest.mark.libreoffice
def test_libreoffice_lays_out_the_pages_of_the_proposal(outputs, tmp_path):
    """Rendered by LibreOffice, page 6 holds the amended sentence and page 8 the new bullet."""
    docx = outputs / "valdsforebyggande-2025-2027.adopted.docx"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx.stem + ".pdf")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")

    def page(n):
        out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                             check=True, capture_output=True, text=True).stdout
        return " ".join(out.split())

    assert "samt med de fackliga parterna" in page(6)
    assert "Samverkan" in page(6)
    assert BULLET in page(8)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:           9" in info
