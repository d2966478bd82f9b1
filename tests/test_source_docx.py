"""The adopted and redline DOCX written into the council's own Word file (issue 12, items 1–2).

A proposal imported from a DOCX is amended in that very file: every zip part
other than the body and the document properties stays byte for byte, the body
changes at exactly the amended places, and the redline is the same file with
tracked changes that LibreOffice and pandoc accept into the adopted text and
reject back into the proposal. Fixtures: tests/fixtures/inplace/trygghetsplan.docx
(made by tests/fixtures/make_municipal_docx.py) and a real Word-made form
(tests/fixtures/documents/hard-poi-form_footnotes.docx, Apache POI's test file).
"""
from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from amend.importers.places import decode, encode

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = FIXTURES / "inplace" / "trygghetsplan.docx"
FORM = FIXTURES / "documents" / "hard-poi-form_footnotes.docx"
HEADERS = FIXTURES / "documents" / "hard-docx4j-Headers.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_ONLY = ("word/document.xml", "docProps/")

PLAN_PATCH = """\
program: trygghetsplan
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2025-10-22", paragraph: § 112}
amendments:
  - id: a1
    at: {heading: Inledning, paragraph: 1}
    after: arbetar förebyggande
    insert: och långsiktigt
  - id: a2
    at: {heading: Inledning, paragraph: 2}
    replace: polisen
    with: polisen och räddningstjänsten
  - id: a3
    at: {heading: Insatser}
    delete: " Uppföljningen redovisas för kommunstyrelsen."
  - id: a4
    at: {heading: Mål}
    add_item: Fler vuxna ute på kvällar och helger.
  - id: a5
    at: {heading: Insatser}
    delete_item: Fritidsaktiviteter för unga
  - id: a6
    at: {heading: Uppföljning}
    add_paragraph: Uppföljningen redovisas varje år för kommunstyrelsen.
"""

# what the amendments change, paragraph by paragraph: (source text, adopted text); None: no paragraph
PLAN_CHANGES = [
    ("Kommunen ska vara en trygg plats att bo, verka och vistas i. Handlingsplanen beskriver hur kommunen arbetar "
     "förebyggande under perioden 2026–2028.",
     "Kommunen ska vara en trygg plats att bo, verka och vistas i. Handlingsplanen beskriver hur kommunen arbetar "
     "förebyggande och långsiktigt under perioden 2026–2028."),
    ("Planen bygger på den lokala lägesbilden och på samverkan med polisen.",
     "Planen bygger på den lokala lägesbilden och på samverkan med polisen och räddningstjänsten."),
    (None, "Fler vuxna ute på kvällar och helger."),
    ("Fritidsaktiviteter för unga på kvällstid.", None),
    ("Insatserna följs upp varje år i kommunens årsredovisning. Uppföljningen redovisas för kommunstyrelsen.",
     "Insatserna följs upp varje år i kommunens årsredovisning."),
    (None, "Uppföljningen redovisas varje år för kommunstyrelsen."),
]

FORM_PATCH = """\
program: form
base: proposed
produces: adopted
decision: {body: Kommunstyrelsen, date: "2025-11-05", paragraph: § 7}
amendments:
  - id: a1
    replace: Attach photo here
    with: Attach a recent photo here
  - id: a2
    after_item: front view, full face
    add_item: no glasses
  - id: a3
    delete: " (as per business card)"
  - id: a4
    delete_paragraph: JD)
"""


SECT_PATCH = """\
program: sect
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2025-10-22"}
amendments:
  - id: a1
    at: {heading: Ansvar}
    add_paragraph: Revisorerna granskar arbetet.
  - id: a2
    at: {heading: Inledning}
    delete_paragraph: Planen bygger
"""


# ---------------------------------------------------------------- helpers


def _section_on_last_text(tmp_path: Path) -> Path:
    """The fixture with the three-column section's properties on its last text paragraph, as
    Word writes them (python-docx puts them on an empty paragraph of their own)."""
    from lxml import etree

    out = tmp_path / "src" / "sect.docx"
    out.parent.mkdir()
    with zipfile.ZipFile(PLAN) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        root = etree.fromstring(src.read("word/document.xml"))
        body = root.find(f"{W}body")
        for p in list(body):
            sect = p.find(f"{W}pPr/{W}sectPr")
            if sect is not None and not "".join(p.itertext()).strip():
                if p.getprevious().find(f"{W}pPr") is None:
                    p.getprevious().insert(0, etree.Element(f"{W}pPr"))
                p.getprevious().find(f"{W}pPr").append(sect)
                body.remove(p)
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                         if info.filename == "word/document.xml" else data)
    return out


def _imported(amend, tmp_path: Path, source: Path, program_id: str) -> Path:
    shutil.copy(source, tmp_path / source.name)
    out = tmp_path / f"{program_id}.yaml"
    res = amend("import", tmp_path / source.name, "-o", out, "--id", program_id)
    assert res.code == 0, res.err
    return out


def _applied(amend, tmp_path: Path, program: Path, patch: str, *extra) -> tuple[Path, Path, object]:
    (tmp_path / "patch.yaml").write_text(patch, encoding="utf-8")
    res = amend("apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out", *extra)
    assert res.code == 0, res.err
    stem = tmp_path / "out" / f"{program.stem}.adopted"
    return Path(f"{stem}.docx"), Path(f"{stem}.redline.docx"), res


def _paragraphs(path: Path) -> list[str]:
    """The text of every w:p of the body, table cells included, as Word shows it (deleted text left out)."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.find(f"{W}body").iter(f"{W}p")]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _expected(source: list[str], changes) -> list[str]:
    """The source's paragraphs with exactly `changes` made: a replaced text in place, a new
    paragraph after the previous change's paragraph (or the one before it in `after`)."""
    out = list(source)
    for old, new in changes:
        if old is not None and new is not None:
            assert out.count(old) == 1, old
            out[out.index(old)] = new
        elif old is not None:
            out.remove(old)
    return out


def _assert_only_body_changed(source: Path, adopted: Path) -> None:
    a, b = _parts(source), _parts(adopted)
    assert list(a) == list(b)  # the same parts, in the same order
    changed = [name for name in a if a[name] != b[name]]
    assert changed and all(name.startswith(BODY_ONLY) for name in changed), changed


# ---------------------------------------------------------------- import records the places


def test_places_encode_runs_of_body_paragraphs_and_read_back_only_their_own_form():
    locs = ["-", "0", "1", "2", "4", "9/3/1/2", "9/3/2/2", "10", "11", "11"]
    assert encode(locs) == "- 0-2 4 9/3/1/2 9/3/2/2 10-11 11"
    assert decode(encode(locs)) == locs
    for bad in ("0-2-3", "2-1", "0 1", "a", "0//1", "3-3", ""):
        assert decode(bad) is None, bad


def test_import_records_where_each_text_is_and_the_yaml_round_trips(amend, tmp_path):
    from amend.diff import walk
    from amend.load import load_program
    from amend.render.source_docx import locate

    program_file = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    data = yaml.safe_load(program_file.read_text(encoding="utf-8"))
    assert data["source"]["file"] == "trygghetsplan.docx"
    assert data["source"]["sha256"] == hashlib.sha256(PLAN.read_bytes()).hexdigest()
    places = decode(data["source"]["places"])
    program = load_program(program_file)
    texts = [t for s, sec in enumerate(program.sections) for _, t in walk(sec, (s,)) if t is not None]
    assert places is not None and len(places) == len(texts)
    from lxml import etree

    with zipfile.ZipFile(PLAN) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    units = locate(program, body, "trygghetsplan.docx")
    assert [u.text for u in units] == texts
    assert all(u.pt is not None and u.pt.text == u.text for u in units)  # each text is its paragraph's
    from amend.dump import dump_program

    assert dump_program(program).count("places:") == 1
    assert load_program(program_file) == program


def test_a_document_without_headings_marks_the_heading_made_from_its_title(amend, tmp_path):
    program_file = _imported(amend, tmp_path, HEADERS, "headers")
    places = yaml.safe_load(program_file.read_text(encoding="utf-8"))["source"]["places"]
    assert places.split()[0] == "-"


# ---------------------------------------------------------------- the adopted DOCX


def test_adopted_docx_is_the_source_with_exactly_the_amended_places_changed(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, res = _applied(amend, tmp_path, program, PLAN_PATCH)
    assert "trygghetsplan.docx" in res.err and "amendments made" in res.err
    _assert_only_body_changed(PLAN, adopted)
    got, source = _paragraphs(adopted), _paragraphs(PLAN)
    want = _expected(source, PLAN_CHANGES)
    # the new item goes after the list's last item, the new paragraph after the last one
    want.insert(want.index("Ett starkare samarbete med civilsamhället.") + 1, "Fler vuxna ute på kvällar och helger.")
    want.insert(want.index("Handlingsplanen revideras senast 2028.") + 1,
                "Uppföljningen redovisas varje år för kommunstyrelsen.")
    assert got == want


def test_new_text_takes_the_formatting_of_its_neighbours(amend, tmp_path):
    from docx import Document

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, _, _ = _applied(amend, tmp_path, program, PLAN_PATCH)
    paras = {p.text: p for p in Document(str(adopted)).paragraphs}
    item, before = paras["Fler vuxna ute på kvällar och helger."], paras["Ett starkare samarbete med civilsamhället."]
    assert item.style.name == before.style.name == "List Number"
    assert (item._p.pPr.xml == before._p.pPr.xml)  # same list, same numbering
    new = paras["Uppföljningen redovisas varje år för kommunstyrelsen."]
    assert new.style.name == "Normal"
    # an inserted word is a run of the text it follows: same run properties
    intro = paras["Kommunen ska vara en trygg plats att bo, verka och vistas i. Handlingsplanen beskriver hur kommunen "
                  "arbetar förebyggande och långsiktigt under perioden 2026–2028."]
    runs = [(r.text, r.bold) for r in intro.runs]
    assert ("Handlingsplanen", True) in runs
    inserted = next(r for r in intro.runs if "och långsiktigt" in r.text)
    assert not inserted.bold
    # the footnote reference and the three-column section are still there
    body = Document(str(adopted)).element.body
    assert len(body.findall(f".//{W}footnoteReference")) == 1
    assert [c.get(f"{W}num") for c in body.iter(f"{W}cols")].count("3") == 1


def test_same_inputs_give_the_same_bytes_and_source_date_epoch_is_the_modified_date(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    outs = []
    for k in range(2):
        res = amend("apply", program, tmp_path / "patch.yaml", "-o", tmp_path / f"o{k}",
                    env={"SOURCE_DATE_EPOCH": "1767225600"})
        assert res.code == 0, res.err
        outs.append({p.name: p.read_bytes() for p in (tmp_path / f"o{k}").iterdir()})
    assert outs[0] == outs[1]
    core = _parts(tmp_path / "o0" / "trygghetsplan.adopted.docx")["docProps/core.xml"].decode()
    assert "2026-01-01T00:00:00Z" in core


NEXT_PATCH = """\
program: trygghetsplan
base: adopted
produces: rev-2026
decision: {body: Kommunstyrelsen, date: "2026-03-01", paragraph: § 20}
amendments:
  - id: b1
    at: {heading: Mål}
    add_item: Tryggare skolvägar.
  - id: b2
    at: {heading: Inledning, paragraph: 2}
    replace: räddningstjänsten
    with: räddningstjänsten och länsstyrelsen
"""


def test_the_adopted_yaml_names_the_adopted_docx_so_the_next_decision_is_written_into_it(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, _, _ = _applied(amend, tmp_path, program, PLAN_PATCH)
    adopted_yaml = adopted.parent / "trygghetsplan.adopted.yaml"
    source = yaml.safe_load(adopted_yaml.read_text(encoding="utf-8"))["source"]
    assert source["file"] == "trygghetsplan.adopted.docx"
    assert source["sha256"] == hashlib.sha256(adopted.read_bytes()).hexdigest()
    (tmp_path / "next.yaml").write_text(NEXT_PATCH, encoding="utf-8")
    res = amend("apply", adopted_yaml, tmp_path / "next.yaml", "-o", tmp_path / "next")
    assert res.code == 0, res.err
    assert "trygghetsplan.adopted.docx with the amendments made" in res.err
    rev = tmp_path / "next" / "trygghetsplan.rev-2026.docx"
    _assert_only_body_changed(adopted, rev)
    want = _paragraphs(adopted)
    at = want.index("Planen bygger på den lokala lägesbilden och på samverkan med polisen och räddningstjänsten.")
    want[at] = "Planen bygger på den lokala lägesbilden och på samverkan med polisen och räddningstjänsten och länsstyrelsen."
    want.insert(want.index("Fler vuxna ute på kvällar och helger.") + 1, "Tryggare skolvägar.")
    # the title page's dokumentinformation says who decided, and when (tests/test_inplace7.py)
    want[want.index("Beslutad av") + 1], want[want.index("Datum för beslut") + 1] = "Kommunstyrelsen", "2026-03-01"
    assert _paragraphs(rev) == want


def test_two_decisions_in_one_run_are_tracked_each_by_its_own_body_and_date(amend, tmp_path):
    from lxml import etree

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "p1.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    (tmp_path / "p2.yaml").write_text(NEXT_PATCH, encoding="utf-8")
    res = amend("apply", program, tmp_path / "p1.yaml", tmp_path / "p2.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    root = etree.fromstring(_parts(tmp_path / "out" / "trygghetsplan.rev-2026.redline.docx")["word/document.xml"])
    by = {}
    for m in root.iter(f"{W}ins"):
        by.setdefault((m.get(f"{W}author"), m.get(f"{W}date")), []).append("".join(t.text for t in m.iter(f"{W}t")))
    assert "Tryggare skolvägar." in by[("Kommunstyrelsen", "2026-03-01T00:00:00Z")]
    assert "Fler vuxna ute på kvällar och helger." in by[("Kommunfullmäktige", "2025-10-22T00:00:00Z")]


def test_real_word_file_is_amended_in_place(amend, tmp_path):
    program = _imported(amend, tmp_path, FORM, "form")
    adopted, redline, _ = _applied(amend, tmp_path, program, FORM_PATCH)
    _assert_only_body_changed(FORM, adopted)
    _assert_only_body_changed(FORM, redline)
    source, got = _paragraphs(FORM), _paragraphs(adopted)
    want = list(source)
    want[want.index("Attach photo here")] = "Attach a recent photo here"
    want.insert(want.index("front view, full face") + 1, "no glasses")
    want.remove(next(t for t in want if t.strip() == "JD)"))
    job = next(t for t in want if "(as per business card)" in t)
    want[want.index(job)] = job.replace(" (as per business card)", "")
    assert got == want


# ---------------------------------------------------------------- the redline DOCX


def test_redline_is_the_source_with_tracked_changes_by_the_deciding_body(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    _, redline, _ = _applied(amend, tmp_path, program, PLAN_PATCH)
    _assert_only_body_changed(PLAN, redline)
    from lxml import etree

    root = etree.fromstring(_parts(redline)["word/document.xml"])
    marks = [el for el in root.iter(f"{W}ins", f"{W}del")]
    assert marks
    assert {m.get(f"{W}author") for m in marks} == {"Kommunfullmäktige"}
    assert {m.get(f"{W}date") for m in marks} == {"2025-10-22T00:00:00Z"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    inserted = " ".join(t.text for m in root.iter(f"{W}ins") for t in m.iter(f"{W}t"))
    deleted = " ".join(t.text for m in root.iter(f"{W}del") for t in m.iter(f"{W}delText"))
    # exactly what the amendments changed is marked, nothing else
    assert inserted.split() == ("och långsiktigt och räddningstjänsten Fler vuxna ute på kvällar och helger. "
                                "Uppföljningen redovisas varje år för kommunstyrelsen.").split()
    assert deleted.split() == ("Fritidsaktiviteter för unga på kvällstid. "
                               "Uppföljningen redovisas för kommunstyrelsen.").split()


def _pandoc_pairs(amend, tmp_path, source: Path, program_id: str, patch: str):
    program = _imported(amend, tmp_path, source, program_id)
    adopted, redline, _ = _applied(amend, tmp_path, program, patch)
    return adopted, redline


@pytest.mark.parametrize("source,program_id,patch", [(PLAN, "trygghetsplan", PLAN_PATCH), (FORM, "form", FORM_PATCH)])
def test_pandoc_accept_gives_the_adopted_text_and_reject_the_source(amend, tmp_path, source, program_id, patch):
    from real_clients import missing_pandoc, pandoc_texts

    if missing_pandoc():
        pytest.skip(missing_pandoc())
    adopted, redline = _pandoc_pairs(amend, tmp_path, source, program_id, patch)
    assert pandoc_texts(redline, "accept") == pandoc_texts(adopted, "accept")
    assert pandoc_texts(redline, "reject") == pandoc_texts(source, "accept")


@pytest.mark.libreoffice
def test_libreoffice_accept_all_and_reject_all(amend, tmp_path):
    """Paragraph by paragraph (text, style, list label, page break, page) and the page count."""
    from real_clients import compare, libreoffice

    jobs = []
    sect = _section_on_last_text(tmp_path)
    for source, program_id, patch in ((PLAN, "trygghetsplan", PLAN_PATCH), (FORM, "form", FORM_PATCH),
                                      (sect, "sect", SECT_PATCH)):
        here = tmp_path / program_id
        here.mkdir()
        adopted, redline = _pandoc_pairs(amend, here, source, program_id, patch)
        jobs += [(source, ""), (adopted, ""), (redline, "accept"), (redline, "reject")]
    dumps = libreoffice(jobs)
    for k in range(0, len(dumps), 4):
        src, adopted, accepted, rejected = dumps[k:k + 4]
        assert compare(accepted, adopted) == []
        assert compare(rejected, src) == []
        assert adopted["paragraphs"] != src["paragraphs"]


# ---------------------------------------------------------------- when the file cannot be used


@pytest.mark.parametrize("lang,words", [("en", "which is not there"), ("sv", "som inte finns")])
def test_missing_source_file_stops_the_run(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "trygghetsplan.docx").unlink()
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1
    assert words in res.err and "--docx-style default" in res.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("lang,words", [("en", "is not the one the program was imported from"),
                                        ("sv", "är inte den som programmet importerades från")])
def test_changed_source_file_stops_the_run(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    with open(tmp_path / "trygghetsplan.docx", "ab") as fh:
        fh.write(b"\0")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and words in res.err


@pytest.mark.parametrize("lang,words", [("en", "is not where the import found it"),
                                        ("sv", "finns inte där importen hittade den")])
def test_program_text_edited_after_the_import_stops_the_run(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("Handlingsplanen revideras senast 2028.", "Handlingsplanen revideras 2028."),
                       encoding="utf-8")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and words in res.err and "Handlingsplanen revideras 2028." in res.err


@pytest.mark.parametrize("lang,words", [("en", "its sections or paragraphs have been edited"),
                                        ("sv", "avsnitt eller stycken har ändrats")])
def test_program_with_a_paragraph_added_after_the_import_stops_the_run(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("  - Handlingsplanen revideras senast 2028.",
                                    "  - Handlingsplanen revideras senast 2028.\n  - Ett nytt stycke."),
                       encoding="utf-8")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and words in res.err


@pytest.mark.parametrize("lang,words", [("en", "cannot be read"), ("sv", "kan inte läsas")])
def test_unreadable_source_file_stops_the_run(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "trygghetsplan.docx").unlink()
    (tmp_path / "trygghetsplan.docx").mkdir()
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and words in res.err


@pytest.mark.parametrize("lang,words", [("en", "is not a text of the Word file"),
                                        ("sv", "är ingen text i Word-filen")])
def test_a_change_of_the_heading_made_from_the_title_cannot_be_written_there(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, HEADERS, "headers")
    patch = ("program: headers\nbase: proposed\nproduces: adopted\ndecision: {body: KF, date: '2025-01-01'}\n"
             "amendments:\n  - id: a1\n    delete_section: Header and footer test\n")
    (tmp_path / "patch.yaml").write_text(patch, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1 and words in res.err


@pytest.mark.parametrize("lang,words", [("en", "amend's own layout (--docx-style default)"),
                                        ("sv", "amends egen layout (--docx-style default)")])
def test_docx_style_default_writes_amends_own_layout_and_says_so(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "trygghetsplan.docx").unlink()  # not needed, not read
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out",
                "--docx-style", "default")
    assert res.code == 0, res.err
    assert words in res.err
    assert "word/header1.xml" not in _parts(tmp_path / "out" / "trygghetsplan.adopted.docx")


@pytest.mark.parametrize("lang,words", [("en", "are the Word file"), ("sv", "är Word-filen")])
def test_the_summary_says_the_source_file_was_used(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    (tmp_path / "patch.yaml").write_text(PLAN_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0 and words in res.err and "trygghetsplan.docx" in res.err


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_messages_of_the_writer_that_the_command_line_cannot_reach(lang):
    """Amend losing track of the paragraphs (a bug) and new text with no paragraph to go next to."""
    from amend.messages import msg

    lost = msg("source.lost_track", file="plan.docx").render(lang)
    place = msg("source.cannot_place", text="Ny text").render(lang)
    assert "plan.docx" in lost and "Ny text" in place
    assert ("lost track" in lost) if lang == "en" else ("tappade bort" in lost)
    assert ("cannot be placed" in place) if lang == "en" else ("kan inte placeras" in place)



def test_a_new_section_takes_the_look_of_the_sections_around_it(amend, tmp_path):
    from docx import Document

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    patch = PLAN_PATCH.split("amendments:")[0] + """amendments:
  - id: s1
    after_section: Insatser
    add_section:
      heading: Samverkan
      level: 2
      content:
        - Kommunen samverkar med polisen och föreningslivet.
        - bullets: [Medborgarlöfte med polisen., Föreningsbidrag för trygghetsarbete.]
"""
    adopted, _, _ = _applied(amend, tmp_path, program, patch)
    _assert_only_body_changed(PLAN, adopted)
    paras = [(p.style.name, p.text) for p in Document(str(adopted)).paragraphs]
    at = paras.index(("Heading 2", "Samverkan"))
    assert paras[at + 1:at + 4] == [("Normal", "Kommunen samverkar med polisen och föreningslivet."),
                                    ("List Bullet", "Medborgarlöfte med polisen."),
                                    ("List Bullet", "Föreningsbidrag för trygghetsarbete.")]
    assert paras[at - 1] == ("Normal", "Insatserna följs upp varje år i kommunens årsredovisning. "
                                       "Uppföljningen redovisas för kommunstyrelsen.")
    assert paras[at + 4] == ("Heading 1", "Ansvar")


def test_a_paragraph_added_at_the_end_of_a_section_stays_in_that_section(amend, tmp_path):
    """Its section's properties move on to it; in the redline as Word does on Enter at the end
    of the section's last paragraph: that paragraph gets an inserted mark, the new one the old mark."""
    from lxml import etree

    program = _imported(amend, tmp_path, _section_on_last_text(tmp_path), "sect")
    adopted, redline, _ = _applied(amend, tmp_path, program, SECT_PATCH)

    def marks(path: Path) -> dict[str, tuple[bool, bool]]:
        body = etree.fromstring(_parts(path)["word/document.xml"]).find(f"{W}body")
        return {"".join(t.text for t in p.iter(f"{W}t"))[:20]: (p.find(f"{W}pPr/{W}sectPr") is not None,
                                                            p.find(f"{W}pPr/{W}rPr/{W}ins") is not None)
                for p in body.iter(f"{W}p")}
    a, r = marks(adopted), marks(redline)
    assert a["Förvaltningarna rapp"] == (False, False) and a["Revisorerna granskar"] == (True, False)
    assert r["Förvaltningarna rapp"] == (False, True) and r["Revisorerna granskar"] == (True, False)


# ---------------------------------------------------------------- a new list in a new section

NEW_LISTS_PATCH = """\
program: trygghetsplan
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2025-10-22"}
amendments:
  - id: a1
    add_section:
      heading: Prioriteringar
      level: 2
      content:
        - "Kommunen prioriterar:"
        - numbered:
            - Skolvägar.
            - Centrum.
        - "Kommunen samverkar med:"
        - bullets:
            - Polisen.
"""


def _styles_and_num(path: Path, texts: list[str]) -> list[tuple[str | None, str | None]]:
    """(paragraph style, numId) of the body paragraphs with these texts."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")) in texts:
            style, num = p.find(f"{W}pPr/{W}pStyle"), p.find(f"{W}pPr/{W}numPr/{W}numId")
            out.append((None if style is None else style.get(f"{W}val"), None if num is None else num.get(f"{W}val")))
    return out


def test_a_new_numbered_list_is_numbered_and_a_new_bullet_list_bulleted(amend, tmp_path):
    """A new list copies an item of a list of its own kind (was: the nearest item, so the
    numbered list came out as bullets), and a numbered one gets a numbering of its own."""
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, NEW_LISTS_PATCH)
    for doc in (adopted, redline):
        numbered = _styles_and_num(doc, ["Skolvägar.", "Centrum."])
        assert [style for style, _ in numbered] == ["ListNumber", "ListNumber"]
        assert numbered[0][1] is not None and numbered[0][1] == numbered[1][1]  # one list, its own numbering
        assert _styles_and_num(doc, ["Polisen."]) == [("ListBullet", None)]
    a, b = _parts(PLAN), _parts(adopted)
    changed = [name for name in a if a[name] != b[name]]
    assert sorted(changed) == ["docProps/core.xml", "word/document.xml", "word/numbering.xml"]


def test_numbering_xml_is_kept_byte_for_byte_when_no_new_list_is_started(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, _, _ = _applied(amend, tmp_path, program, PLAN_PATCH)  # adds an item to an existing list
    assert _parts(adopted)["word/numbering.xml"] == _parts(PLAN)["word/numbering.xml"]


@pytest.mark.libreoffice
def test_a_new_numbered_list_starts_at_one_in_libreoffice(amend, tmp_path):
    """Also: a section added at the end of the document leaves no empty paragraph on Reject All
    (was: the new last paragraph's own mark was tracked, and the body's last mark cannot go)."""
    from real_clients import compare, libreoffice

    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, NEW_LISTS_PATCH)
    source, written, accepted, rejected = libreoffice([(PLAN, ""), (adopted, ""), (redline, "accept"),
                                                       (redline, "reject")])
    labels = {p["text"]: (p["label"], p["style"]) for p in written["paragraphs"]}
    assert [labels["Färre brott i offentlig miljö."], labels["Skolvägar."], labels["Centrum."]] == [
        ("1.", "List Number"), ("1.", "List Number"), ("2.", "List Number")]
    assert labels["Polisen."] == labels["Trygghetsvandringar i alla bostadsområden."]  # a bullet as the file's
    assert compare(accepted, written) == []
    assert compare(rejected, source) == []
