"""The council's own Word file, session 7: an emptied table cell prints no list label, the
provenance notes in the redline, the title page's status and decision lines, table rows.

Each test writes the adopted and redline DOCX into a real Word file and looks at what was
written: the XML of the paragraphs concerned, and LibreOffice's own reading over UNO (text,
style, list label per paragraph) after Accept All and Reject All of the redline.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_source_docx import _applied, _imported
from test_word_review5 import CELL, W, _body, _patch


def _lo(jobs: list[tuple[Path, str]]) -> list[dict]:
    from real_clients import libreoffice, missing_libreoffice

    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    return libreoffice(jobs)


def _seen(dump: dict) -> list[tuple[str, str, str, bool]]:
    """LibreOffice's paragraphs: text, paragraph style, list label, in a table cell."""
    return [(p["text"], p["style"], p["label"], p["cell"]) for p in dump["paragraphs"]]


# ---------------------------------------------------------------- 1: an emptied table cell prints no "•" / "1."


def _numbered_cell(tmp_path: Path) -> Path:
    """review 6's cell.docx with the cell's item numbered ("List Number"): LibreOffice reports a
    number's label ("1."), a bullet's it reports as ""; the page shows both."""
    return _rewritten(CELL, tmp_path / "made" / "numbered.docx",
                      lambda data: data.replace(b'w:val="ListBullet"', b'w:val="ListNumber"'))


def _rewritten(source: Path, out: Path, edit) -> Path:
    """A copy of the Word file `source` at `out` with its body's XML put through `edit`."""
    out.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, edit(data) if info.filename == "word/document.xml" else data)
    return out


def _emptied_cell(path: Path):
    """The paragraph of the table cell that held "Trygghetsvandringar." (row 2, column 2)."""
    return list(_body(path).iter(f"{W}tc"))[3].find(f"{W}p")


@pytest.mark.parametrize("source", ["bullet", "numbered"])
def test_an_emptied_cell_keeps_a_paragraph_without_its_list_label(amend, tmp_path, source):
    docx = CELL if source == "bullet" else _numbered_cell(tmp_path)
    program = _imported(amend, tmp_path, docx, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}'))
    p = _emptied_cell(adopted)
    assert p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0"  # numbering off, as Word removes a bullet
    assert "".join(t.text or "" for t in p.iter(f"{W}t")) == ""
    change = _emptied_cell(redline).find(f"{W}pPr/{W}pPrChange/{W}pPr")
    assert change is not None and change.find(f"{W}numPr/{W}numId").get(f"{W}val") != "0"  # Reject All: the item
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (docx, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    emptied = [(t, label) for t, _, label, cell in _seen(adopted_lo) if cell and not t]
    assert emptied == [("", "")]  # the cell prints nothing: no "1." (nor a bullet)
    if source == "numbered":
        assert ("Trygghetsvandringar.", "1.") in [(t, label) for t, _, label, _ in _seen(rejected)]


def test_an_emptied_cell_shows_no_bullet_on_the_page(amend, tmp_path):
    """Laid out by LibreOffice: the cell is empty on the page (the old file printed a lone "1.")."""
    import shutil
    import subprocess

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or pdftotext is not installed")
    program = _imported(amend, tmp_path, _numbered_cell(tmp_path), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}'))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(adopted)], capture_output=True, timeout=300, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "plan.adopted.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    row = next(line for line in text.splitlines() if "Färre brott" in line)
    assert row.strip() == "Färre brott"


# ---------------------------------------------------------------- 2: provenance notes in the redline (review 6, #2)
# the patch of review 6's reproduction (/work/notes/review6/02-provenance-redline-accept-differs)

NOTED_PATCH = """\
program: trygghetsplan
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2026-01-20", paragraph: § 5}
amendments:
  - id: a1
    at: {page: 2, heading: Mål}
    add_item: Fler vuxna ute på kvällar.
    position: 2
  - id: a2
    at: {page: 2, heading: Insatser}
    delete_item: Bättre belysning
  - id: a3
    at: {page: 2, heading: Ansvar}
    delete_paragraph: Nämnderna genomför
  - id: a4
    at: {page: 2, heading: Ansvar, paragraph: 1}
    replace: leder och samordnar
    with: samordnar
  - id: a5
    at: {page: 2, heading: Uppföljning}
    add_paragraph: Revideringen beslutas av kommunfullmäktige.
  - id: a6
    at: {page: 2, heading: Inledning, paragraph: 2}
    insert: och med regionen
"""


def _notes_of(path: Path) -> list[str]:
    """The footnotes pandoc prints for a DOCX (as it reads it: Accept All), in order."""
    import subprocess

    from real_clients import missing_pandoc

    if missing_pandoc():
        pytest.skip(missing_pandoc())
    text = subprocess.run(["pandoc", "--track-changes=accept", "-t", "plain", "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if line.startswith("[") and "] " in line]


def _provenance_run(amend, tmp_path: Path, mode: str) -> tuple[Path, Path, Path]:
    from test_source_docx import PLAN

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, NOTED_PATCH, "--provenance", mode)
    return adopted, redline, PLAN


def test_the_redline_carries_the_provenance_footnotes_as_tracked_insertions(amend, tmp_path):
    adopted, redline, plan = _provenance_run(amend, tmp_path, "footnotes")
    refs = list(_body(redline).iter(f"{W}footnoteReference"))
    assert len(refs) == len(list(_body(adopted).iter(f"{W}footnoteReference"))) == 6
    own = [r for r in refs if r.getparent().getparent().tag != f"{W}ins"]
    assert len(own) == 1  # the council's own footnote; the five notes are inserted, by the deciding body
    assert {r.getparent().getparent().get(f"{W}author") for r in refs if r not in own} == {"Kommunfullmäktige"}
    notes = _notes_of(adopted)
    assert notes[0] == "[1] Tillägg enligt Kommunfullmäktige 2026-01-20 § 5" and len(notes) == 6
    assert _notes_of(redline) == notes  # Accept All: the same notes, numbered the same
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (plan, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert any(t.endswith("och med regionen.1") for t, *_ in _seen(adopted_lo))  # LibreOffice reads the mark


def test_the_redline_carries_the_provenance_comments(amend, tmp_path):
    adopted, redline, plan = _provenance_run(amend, tmp_path, "comments")
    with zipfile.ZipFile(adopted) as a, zipfile.ZipFile(redline) as r:
        assert a.read("word/comments.xml") == r.read("word/comments.xml")
    assert len(list(_body(redline).iter(f"{W}commentReference"))) == 5
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (plan, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)


# ---------------------------------------------------------------- 3: the title page's status, decided by, date


def _with_status_line(tmp_path: Path, *lines: str) -> Path:
    """trygghetsplan.docx with paragraphs `lines` right after its title (a status line "Förslag",
    as municipal title pages have), made by editing the XML of the repo's fixture."""
    from lxml import etree
    from test_source_docx import PLAN

    def edit(data: bytes) -> bytes:
        root = etree.fromstring(data)
        title = root.find(f"{W}body/{W}p")
        for text in reversed(lines):
            title.addnext(etree.fromstring(
                f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:jc w:val="center"/></w:pPr>'
                f'<w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return _rewritten(PLAN, tmp_path / "made" / "trygghetsplan.docx", edit)


def _title_page(path: Path) -> list[str]:
    """The texts of the title page (the body before the page break), table cells included."""
    texts = []
    for el in _body(path):
        if el.find(f".//{W}br[@{W}type='page']") is not None:
            break
        texts.extend("".join(t.text or "" for t in p.iter(f"{W}t")) for p in el.iter(f"{W}p"))
    return texts


def _after_title_page(path: Path) -> bytes:
    from lxml import etree

    body = list(_body(path))
    at = next(i for i, el in enumerate(body) if el.find(f".//{W}br[@{W}type='page']") is not None)
    return b"".join(etree.tostring(el, method="c14n") for el in body[at:])


DECIDED = _patch("plan", '{id: a1, at: {heading: Inledning, paragraph: 2}, replace: polisen, with: regionen}').replace(
    '{body: KF, date: "2025-10-22", paragraph: § 1}', '{body: Kommunstyrelsen, date: "2026-02-03", paragraph: § 9}')


def test_the_title_page_says_the_adopted_status_decided_by_and_date(amend, tmp_path):
    docx = _with_status_line(tmp_path, "Förslag")
    program = _imported(amend, tmp_path, docx, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, DECIDED)
    before, after = _title_page(docx), _title_page(adopted)
    changed = {(a, b) for a, b in zip(before, after, strict=True) if a != b}
    assert changed == {("Förslag", "Antagen"), ("Kommunfullmäktige", "Kommunstyrelsen"),
                       ("2025-10-22", "2026-02-03")}
    status = next(p for p in _body(adopted).iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}t")) == "Antagen")
    assert status.find(f"{W}r/{W}rPr/{W}b") is not None  # the formatting of the line it replaces
    with zipfile.ZipFile(docx) as a, zipfile.ZipFile(adopted) as b:
        assert a.read("word/header1.xml") == b.read("word/header1.xml")  # every other part stays as it was
    assert _after_title_page(adopted) != _after_title_page(docx)  # the amendment itself
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (docx, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert ("Antagen", "Kommunstyrelsen", "2026-02-03") == tuple(
        t for t, *_ in _seen(adopted_lo) if t in ("Antagen", "Kommunstyrelsen", "2026-02-03"))


def test_the_title_page_takes_the_patchs_status_and_english_words(amend, tmp_path):
    program = _imported(amend, tmp_path, _with_status_line(tmp_path, "Förslag"), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, DECIDED.replace("amendments:", "status: Fastställd\namendments:"))
    assert "Fastställd" in _title_page(adopted) and "Förslag" not in _title_page(adopted)
    from amend.messages import msg

    assert msg("source.title.adopted").render("en") == "Adopted"
    assert msg("source.title.adopted").render("sv") == "Antagen"


def test_a_proposal_to_another_body_leaves_the_title_page(amend, tmp_path):
    docx = _with_status_line(tmp_path, "Förslag")
    program = _imported(amend, tmp_path, docx, "plan")
    proposal = DECIDED.replace("paragraph: § 9}", "paragraph: § 9, proposes_to: Kommunfullmäktige}")
    adopted, _, _ = _applied(amend, tmp_path, program, proposal)
    assert _title_page(adopted) == _title_page(docx)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_status_line_found_twice_is_refused(amend, tmp_path, lang):
    from test_word_review5 import _refused

    program = _imported(amend, tmp_path, _with_status_line(tmp_path, "Förslag", "Utkast"), "plan")
    err = _refused(amend, tmp_path, program, DECIDED, lang)
    assert {"en": "the title page of the Word file trygghetsplan.docx has the line ”Utkast” twice",
            "sv": "titelsidan i Word-filen trygghetsplan.docx har raden ”Utkast” två gånger"}[lang] in err


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_status_line_that_is_not_the_programs_status_is_refused(amend, tmp_path, lang):
    from test_word_review5 import _refused

    program = _imported(amend, tmp_path, _with_status_line(tmp_path, "Utkast"), "plan")
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("  version: proposed\n", "  version: proposed\n  status: Förslag\n"), encoding="utf-8")
    err = _refused(amend, tmp_path, program, DECIDED, lang)
    assert {"en": "the title page of the Word file trygghetsplan.docx says ”Utkast”, but the program's status is "
                  "”Förslag”",
            "sv": "titelsidan i Word-filen trygghetsplan.docx säger ”Utkast”, men programmets status är "
                  "”Förslag”"}[lang] in err


# ---------------------------------------------------------------- 4: table rows in place

ROWS = ("{id: a1, at: {heading: Insatser}, replace_section_text: [Kommunen genomför insatser., "
        "{table: {rows: [%s]}}, Uppföljning sker årligen.]}")
HEAD_ROW = "[Mål, Insats]"
ITEM_ROW = "[Färre brott, [{bullets: [Trygghetsvandringar.]}]]"


def _rows(path: Path) -> list[list[str]]:
    """The body's table rows: the text of each cell."""
    return [["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.findall(f"{W}tc")]
            for tr in _body(path).iter(f"{W}tr")]


def test_a_row_deleted_whole_goes_and_is_a_deleted_row_in_the_redline(amend, tmp_path):
    program = _imported(amend, tmp_path, CELL, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", ROWS % HEAD_ROW))
    assert _rows(CELL) == [["Mål", "Insats"], ["Färre brott", "Trygghetsvandringar."]]
    assert _rows(adopted) == [["Mål", "Insats"]]  # not an empty row left
    rows = list(_body(redline).iter(f"{W}tr"))
    assert rows[0].find(f"{W}trPr/{W}del") is None
    assert rows[1].find(f"{W}trPr/{W}del").get(f"{W}author") == "KF"
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (CELL, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert [t for t, _, _, cell in _seen(adopted_lo) if cell] == ["Mål", "Insats"]


def test_a_row_added_whole_copies_its_neighbour_and_is_an_inserted_row_in_the_redline(amend, tmp_path):
    import yaml

    program = _imported(amend, tmp_path, CELL, "plan")
    added = ROWS % f"{HEAD_ROW}, {ITEM_ROW}, [Ökad trygghet, Belysning.]"
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", added))
    assert _rows(adopted) == [["Mål", "Insats"], ["Färre brott", "Trygghetsvandringar."], ["Ökad trygghet", "Belysning."]]
    rows = list(_body(adopted).iter(f"{W}tr"))
    from lxml import etree

    def cell_props(tr) -> list[bytes]:
        return [etree.tostring(tc.find(f"{W}tcPr"), method="c14n") for tc in tr.findall(f"{W}tc")]

    assert cell_props(rows[2]) == cell_props(rows[1])  # the neighbour's cell properties
    new_item = rows[2].findall(f"{W}tc")[1].find(f"{W}p")
    assert new_item.find(f"{W}pPr/{W}pStyle") is None  # a paragraph, as the YAML says: not the neighbour's bullet
    tracked = list(_body(redline).iter(f"{W}tr"))
    assert [tr.find(f"{W}trPr/{W}ins") is not None for tr in tracked] == [False, False, True]
    # the next decision reads the adopted file's table as the adopted program's
    again = tmp_path / "again"
    again.mkdir()
    res = amend("import", adopted, "-o", again / "plan.yaml", "--id", "plan")
    assert res.code == 0, res.err
    read = yaml.safe_load((again / "plan.yaml").read_text(encoding="utf-8"))["sections"][0]["content"][1]
    assert read["table"]["rows"][2] == ["Ökad trygghet", "Belysning."]
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (CELL, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_new_row_holding_a_list_is_refused(amend, tmp_path, lang):
    from test_word_review5 import _refused

    program = _imported(amend, tmp_path, CELL, "plan")
    added = ROWS % f"{HEAD_ROW}, {ITEM_ROW}, [Ökad trygghet, [{{bullets: [Belysning.]}}]]"
    err = _refused(amend, tmp_path, program, _patch("plan", added), lang)
    assert {"en": "the new table row with ”Belysning.” cannot be written into the Word file cell.docx exactly",
            "sv": "den nya tabellraden med ”Belysning.” kan inte skrivas in exakt i Word-filen cell.docx"}[lang] in err


# ---------------------------------------------------------------- review 7, 1: a table in a deleted section goes

PLAN7 = Path(__file__).resolve().parent / "fixtures" / "inplace7" / "plan.docx"
SECTION_GONE = {
    "delete": "{id: a3, delete_section: Uppföljning}",
    "replace": "{id: a3, at: {heading: Uppföljning}, replace_section_text: [Ny text om uppföljning.]}",
}


@pytest.mark.parametrize("how", ["delete", "replace"])
def test_a_table_of_a_deleted_or_rewritten_section_goes_from_the_adopted_file(amend, tmp_path, how):

    program = _imported(amend, tmp_path, PLAN7, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", SECTION_GONE[how]))
    assert _body(adopted).find(f".//{W}tbl") is None  # not an empty grid of six cells
    rows = list(_body(redline).iter(f"{W}tr"))
    assert len(rows) == 3 and all(tr.find(f"{W}trPr/{W}del") is not None for tr in rows)
    again = tmp_path / "again"
    again.mkdir()
    assert amend("import", adopted, "-o", again / "plan.yaml", "--id", "plan").code == 0
    assert "table:" not in (again / "plan.yaml").read_text(encoding="utf-8")
    if how == "replace":
        texts = [t for p in _body(adopted).iter(f"{W}p") for t in ["".join(x.text or "" for x in p.iter(f"{W}t"))]]
        assert texts[texts.index("Uppföljning") + 1] == "Ny text om uppföljning."
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (PLAN7, "")])
    assert _seen(rejected) == _seen(source_lo)
    assert _seen(accepted) == _seen(adopted_lo)  # (delete: no empty heading paragraph left, tests/test_clients9.py)


# ---------------------------------------------------------------- review 7, 2: the body's last paragraph

LAST = {
    "replaced": ["{id: a5, at: {heading: Ansvar}, add_paragraph: Alla nämnder bidrar.}",
                 "{id: a6, at: {heading: Ansvar}, delete_paragraph: Socialnämnden}"],
    "deleted": ["{id: a6, at: {heading: Ansvar}, delete_paragraph: Socialnämnden}"],
}


@pytest.mark.parametrize("how", ["replaced", "deleted"])
def test_the_last_paragraph_of_the_body_deleted_is_right_in_libreoffice(amend, tmp_path, how):
    """Its mark cannot go (in Word nor LibreOffice): deleted alone, an empty paragraph stays in the
    adopted file too; replaced by a new paragraph, the new words go into it, so Reject All does not
    join the heading before it to the old paragraph (review 7, finding 2)."""
    program = _imported(amend, tmp_path, PLAN7, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", *LAST[how]))
    heading = next(p for p in _body(redline).iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}t")) == "Ansvar")
    assert heading.find(f"{W}pPr/{W}rPr/{W}ins") is None  # the heading's own mark is not tracked
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (PLAN7, "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)
    assert _seen(source_lo)[-2:] == [("Ansvar", "Heading 2", "", False),
                                     ("Socialnämnden ansvarar för samordningen.", "Standard", "", False)]
    want = {"replaced": ("Alla nämnder bidrar.", "Standard", "", False), "deleted": ("", "Standard", "", False)}
    assert _seen(adopted_lo)[-2:] == [("Ansvar", "Heading 2", "", False), want[how]]


# ---------------------------------------------------------------- review 7, 6: a new list's first item deleted later

NEW_LIST = ("{id: a1, add_section: {heading: Bilaga, level: 1, content: [Text i bilagan., {numbered: [Ett., Två.]}]}, "
            "after_section: Mål}")
NEXT = """program: plan
base: adopted
produces: next
decision: {body: KF, date: "2026-03-10", paragraph: § 3}
amendments:
  - {id: b1, at: {heading: Bilaga}, delete_item: Ett.}
"""


def test_a_new_numbered_list_is_a_list_of_its_own_so_deleting_its_first_item_later_numbers_from_1(amend, tmp_path):
    """The new list gets a list definition of its own (w:abstractNum, copied): restarted over the
    old one, LibreOffice's Accept All numbered "Två." 4., going on from Mål's list (review 7, finding 6)."""
    from lxml import etree

    program = _imported(amend, tmp_path, PLAN7, "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch("plan", NEW_LIST))
    with zipfile.ZipFile(adopted) as z, zipfile.ZipFile(PLAN7) as src:
        numbering, before = etree.fromstring(z.read("word/numbering.xml")), etree.fromstring(src.read("word/numbering.xml"))
    assert len(numbering.findall(f"{W}abstractNum")) == len(before.findall(f"{W}abstractNum")) + 1
    (tmp_path / "next.yaml").write_text(NEXT, encoding="utf-8")
    res = amend("apply", adopted.parent / "plan.adopted.yaml", tmp_path / "next.yaml", "-o", tmp_path / "next")
    assert res.code == 0, res.err
    nxt, red = tmp_path / "next" / "plan.next.docx", tmp_path / "next" / "plan.next.redline.docx"
    accepted, rejected, adopted_lo, before_lo = _lo([(red, "accept"), (red, "reject"), (nxt, ""), (adopted, "")])
    assert ("Två.", "1.") in [(t, label) for t, _, label, _ in _seen(adopted_lo)]
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(before_lo)
    assert [(t, label) for t, _, label, _ in _seen(before_lo) if t in ("Ett.", "Två.")] == [("Ett.", "1."), ("Två.", "2.")]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_run_says_a_header_still_says_forslag(amend, tmp_path, lang):
    """trygghetsplan.docx's running header says "Förslag": the headers are copied as they are, and the
    run says so (a proposal to another body does not adopt anything, so it says nothing)."""
    program = _imported(amend, tmp_path, _with_status_line(tmp_path, "Förslag"), "plan")
    (tmp_path / "patch.yaml").write_text(DECIDED, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    said = {"en": ("a header or footer of ", "trygghetsplan.docx says ”Förslag”: amend updates the title page, not "
                   "the headers and footers (they are copied as they are); change it in Word before publishing"),
            "sv": ("ett sidhuvud eller en sidfot i ", "trygghetsplan.docx säger ”Förslag”: amend uppdaterar titelsidan, "
                   "inte sidhuvuden och sidfötter (de kopieras som de är); ändra det i Word före publicering")}[lang]
    assert said[0] in res.err and said[1] in res.err
    proposal = DECIDED.replace("paragraph: § 9}", "paragraph: § 9, proposes_to: Kommunfullmäktige}")
    (tmp_path / "patch.yaml").write_text(proposal, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out2")
    assert res.code == 0 and "Förslag" not in res.err
