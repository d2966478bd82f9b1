"""Review 5's findings on the council's own Word file (19, 20, 22, 24, 29; /work/notes/review5).

Each test writes the adopted DOCX (or is refused) and looks at what was written: the text of
every paragraph compared exactly, footnote references and images where they are. The Word
files are the review's (tests/fixtures/word_review5/, see SOURCES.md) and the repo's own
trygghetsplan.docx.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_source_docx import PLAN, _applied, _imported, _paragraphs

HERE = Path(__file__).resolve().parent / "fixtures" / "word_review5"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DECISION = 'program: {id}\nbase: proposed\nproduces: adopted\ndecision: {{body: KF, date: "2025-10-22", paragraph: § 1}}\n'


def _patch(program_id: str, *amendments: str) -> str:
    return DECISION.format(id=program_id) + "amendments:\n" + "".join(f"  - {a}\n" for a in amendments)


def _refused(amend, tmp_path: Path, program: Path, patch: str, lang: str = "en") -> str:
    (tmp_path / "patch.yaml").write_text(patch, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 1, res.err
    assert not (tmp_path / "out").exists()  # nothing written
    assert "Traceback" not in res.err
    return res.err


def _body(path: Path):
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _text_before(p, tag: str) -> str:
    """The text of paragraph `p` before its first `tag` element (deleted text left out)."""
    out = []
    for el in p.iter(f"{W}t", tag):
        if el.tag == tag:
            return "".join(out)
        out.append(el.text or "")
    raise AssertionError(f"no {tag} in the paragraph")


# ---------------------------------------------------------------- 19: footnote marks, images


FOOTNOTED = "Insatserna följs upp varje år i kommunens årsredovisning. Uppföljningen redovisas för kommunstyrelsen."
FOOTNOTE_EN = ("a1: the words this amendment changes hold footnote 1 ('Årsredovisningen beslutas av "
               "kommunfullmäktige i april.') in the Word file trygghetsplan.docx")
FOOTNOTE_SV = ("a1: orden som ändringen gäller rymmer fotnot 1 (”Årsredovisningen beslutas av "
               "kommunfullmäktige i april.”) i Word-filen trygghetsplan.docx")


@pytest.mark.parametrize("amendment", [
    # review 5's pc.yaml: the words around the footnote mark replaced (it would annotate "en rapport")
    '{id: a1, at: {page: 2}, replace: "i kommunens årsredovisning. Uppföljningen", with: "i en rapport. Den"}',
    # pd.yaml: the annotated sentence deleted (the mark would open the paragraph)
    '{id: a1, at: {page: 2}, delete: "Insatserna följs upp varje år i kommunens årsredovisning."}',
    # the words the footnote annotates, ending at the mark
    '{id: a1, at: {page: 2}, replace: "kommunens årsredovisning.", with: "en rapport."}',
    # the whole paragraph
    '{id: a1, at: {heading: Insatser}, delete_paragraph: "Insatserna följs"}',
])
@pytest.mark.parametrize("lang, words", [("en", FOOTNOTE_EN), ("sv", FOOTNOTE_SV)])
def test_an_edit_holding_or_ending_at_a_footnote_mark_is_refused(amend, tmp_path, amendment, lang, words):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    err = _refused(amend, tmp_path, program, _patch("trygghetsplan", amendment), lang)
    assert words in err and "patch.yaml:" in err


def test_an_edit_beside_a_footnote_mark_keeps_it_on_the_same_words(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "trygghetsplan", '{id: a1, at: {page: 2}, replace: "varje år", with: "varje halvår"}',
        '{id: a2, at: {page: 2}, delete: " Uppföljningen redovisas för kommunstyrelsen."}'))
    want = "Insatserna följs upp varje halvår i kommunens årsredovisning."
    assert want in _paragraphs(adopted) and FOOTNOTED not in _paragraphs(adopted)
    p = next(p for p in _body(adopted).iter(f"{W}p") if "".join(p.itertext()) == want)
    assert _text_before(p, f"{W}footnoteReference") == want  # the mark still ends the same words


def test_a_new_sentence_after_a_footnote_mark_leaves_the_footnote_on_its_sentence(amend, tmp_path):
    # Since the redline keeps the words a replace shares (December 2026) the new sentence goes after
    # "årsredovisning. " — after the mark and its space, not right beside the mark — so nothing is in
    # doubt: the footnote stays on the sentence it annotates, the new sentence follows it.
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch(
        "trygghetsplan", '{id: a1, at: {page: 2}, replace: "årsredovisning. Uppföljningen", '
                         'with: "årsredovisning. Den granskas. Uppföljningen"}'))
    paragraph = next(p for p in _body(adopted).iter(f"{W}p") if "årsredovisning" in "".join(p.itertext()))
    marked = "".join("[1]" if e.tag == f"{W}footnoteReference" else (e.text or "")
                     for e in paragraph.iter(f"{W}t", f"{W}footnoteReference"))
    assert marked == ("Insatserna följs upp varje år i kommunens årsredovisning.[1] Den granskas. "
                      "Uppföljningen redovisas för kommunstyrelsen.")


def test_words_changed_up_to_a_footnote_mark_are_refused(amend, tmp_path):
    program = _imported(amend, tmp_path, PLAN, "trygghetsplan")
    err = _refused(amend, tmp_path, program, _patch(
        "trygghetsplan", '{id: a1, at: {page: 2}, replace: "kommunens årsredovisning.", '
                         'with: "kommunens delårsrapport."}'))
    assert "footnote 1" in err


IMAGE_EN = "a1: the words this amendment changes hold an image in the Word file image.docx"
IMAGE_SV = "a1: orden som ändringen gäller rymmer en bild i Word-filen image.docx"


@pytest.mark.parametrize("lang, words", [("en", IMAGE_EN), ("sv", IMAGE_SV)])
def test_replacing_words_around_an_image_is_refused_not_the_image_deleted(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, HERE / "image.docx", "img")
    err = _refused(amend, tmp_path, program, _patch(
        "img", '{id: a1, at: {page: 1}, replace: "Se bilden nedan för mer.", with: "Se tabellen i bilagan."}'), lang)
    assert words in err


def test_an_edit_beside_an_image_keeps_it(amend, tmp_path):
    program = _imported(amend, tmp_path, HERE / "image.docx", "img")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch(
        "img", '{id: a1, at: {page: 1}, replace: "för mer", with: "för detaljer"}'))
    p = next(p for p in _body(adopted).iter(f"{W}p") if "".join(p.itertext()).startswith("Se bilden"))
    assert "".join(p.itertext()) == "Se bilden  nedan för detaljer."
    assert _text_before(p, f"{W}drawing") == "Se bilden "


# ---------------------------------------------------------------- 20: field results


FIELD = "the words this amendment changes are the shown text of a field ({name}) in the Word file fields.docx"
FIELD_SV = "orden som ändringen gäller är den visade texten i ett fält ({name}) i Word-filen fields.docx"


@pytest.mark.parametrize("amendment, name", [
    ('{id: a1, at: {page: 1}, replace: "sidan 3 för", with: "sidan 4 för"}', "PAGE"),  # w:fldChar … PAGE
    ('{id: a1, at: {page: 1}, replace: "från 2025-01-01 och", with: "från 2026-01-01 och"}', "DATE"),  # fldSimple
    ('{id: a1, at: {page: 1}, replace: "heter Planen i", with: "heter Handlingsplanen i"}', "TITLE"),
    ('{id: a1, at: {page: 1}, replace: "3", with: "4"}', "PAGE"),  # only the field's text
    ('{id: a1, at: {page: 1}, after: "heter", insert: "nu"}', "TITLE"),  # new text right before the field
])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_edit_of_a_field_result_is_refused(amend, tmp_path, amendment, name, lang):
    program = _imported(amend, tmp_path, HERE / "fields.docx", "plan")
    err = _refused(amend, tmp_path, program, _patch("plan", amendment), lang)
    assert (FIELD if lang == "en" else FIELD_SV).format(name=name) in err


def test_an_edit_beside_a_field_leaves_the_field_as_it_was(amend, tmp_path):
    program = _imported(amend, tmp_path, HERE / "fields.docx", "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1}, replace: "detaljer", with: "mer"}',
        '{id: a2, at: {page: 1}, replace: "tills vidare", with: "till 2030"}'))
    got = _paragraphs(adopted)
    assert got[1:] == ["Se sidan 3 för mer.", "Programmet gäller från 2025-01-01 och till 2030.",
                       "Dokumentet heter Planen i kommunens register."]
    assert len(_body(adopted).findall(f".//{W}fldSimple")) == 2
    assert [c.get(f"{W}fldCharType") for c in _body(adopted).iter(f"{W}fldChar")] == ["begin", "separate", "end"]


def test_a_paragraph_inside_a_field_that_spans_paragraphs_is_not_edited(amend, tmp_path):
    """A table of contents: one field from its first entry to its last."""
    from lxml import etree

    src = tmp_path / "src" / "toc.docx"
    src.parent.mkdir()
    with zipfile.ZipFile(HERE / "fields.docx") as z, zipfile.ZipFile(src, "w") as out:
        root = etree.fromstring(z.read("word/document.xml"))
        paras = root.find(f"{W}body").findall(f"{W}p")
        begin = etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:fldChar w:fldCharType="begin"/></w:r>')
        instr = etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:instrText> TOC \\o "1-3" </w:instrText></w:r>')
        sep = etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:fldChar w:fldCharType="separate"/></w:r>')
        end = etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:fldChar w:fldCharType="end"/></w:r>')
        paras[1].insert(0, sep)
        paras[1].insert(0, instr)
        paras[1].insert(0, begin)
        paras[3].append(end)
        for info in z.infolist():
            data = z.read(info.filename)
            out.writestr(info, etree.tostring(root) if info.filename == "word/document.xml" else data)
    program = _imported(amend, tmp_path, src, "plan")
    err = _refused(amend, tmp_path, program, _patch("plan", '{id: a1, at: {page: 1}, replace: "tills vidare", '
                                                            'with: "till 2030"}'))
    assert FIELD.format(name="TOC").replace("fields.docx", "toc.docx") in err


def test_field_and_guard_messages_in_both_languages():
    from amend.messages import msg

    for key, en, sv in [("source.what.endnote", "endnote 2", "slutnot 2"),
                        ("source.what.object", "an embedded object", "ett inbäddat objekt"),
                        ("source.what.text_box", "a text box", "en textruta"),
                        ("source.what.comment", "a comment", "en kommentar")]:
        m = msg(key, n=2)  # type: ignore[arg-type]
        assert (m.render("en"), m.render("sv")) == (en, sv)


def test_deleting_words_that_hold_a_comment_is_refused(amend, tmp_path):
    from lxml import etree

    src = tmp_path / "src" / "comment.docx"
    src.parent.mkdir()
    with zipfile.ZipFile(HERE / "image.docx") as z, zipfile.ZipFile(src, "w") as out:
        root = etree.fromstring(z.read("word/document.xml"))
        last = root.find(f"{W}body").findall(f"{W}p")[2]  # "Sista stycket."
        ns = f'xmlns:w="{W[1:-1]}"'
        last.insert(0, etree.fromstring(f'<w:commentRangeStart {ns} w:id="7"/>'))
        last.append(etree.fromstring(f'<w:commentRangeEnd {ns} w:id="7"/>'))
        last.append(etree.fromstring(f'<w:r {ns}><w:commentReference w:id="7"/></w:r>'))
        for info in z.infolist():
            out.writestr(info, etree.tostring(root) if info.filename == "word/document.xml" else z.read(info))
    program = _imported(amend, tmp_path, src, "img")
    err = _refused(amend, tmp_path, program, _patch("img", '{id: a1, at: {page: 1}, delete_paragraph: "Sista"}'))
    assert "hold a comment in the Word file comment.docx" in err


# ---------------------------------------------------------------- 24: check runs apply's writing of the Word file


CHECK_PATCH = _patch("plan", '{id: a, at: {page: 1}, replace: "5 000 kr", with: "6 000 kr"}',
                     '{id: b, add_section: {heading: Tabell, level: 1, '
                     'content: [{table: {header: [a, b], rows: [[c, d]]}}]}}')


def _repo(amend, tmp_path: Path, patch: str) -> Path:
    import shutil

    root = tmp_path / "repo"
    (root / "programs").mkdir(parents=True)
    (root / "amendments" / "plan").mkdir(parents=True)
    shutil.copy(HERE / "check_plan.docx", root / "programs" / "plan.docx")
    res = amend("import", root / "programs" / "plan.docx", "-o", root / "programs" / "plan.yaml", "--id", "plan")
    assert res.code == 0, res.err
    (root / "amendments" / "plan" / "1.yaml").write_text(patch, encoding="utf-8")
    return root


@pytest.mark.parametrize("lang, words", [
    ("en", "error         7:5     b: the new text 'a' is in a table that amend would write anew"),
    ("sv", "fel           7:5     b: den nya texten ”a” står i en tabell som amend skulle skriva på nytt")])
def test_check_fails_where_apply_cannot_write_the_word_file(amend, tmp_path, lang, words):
    root = _repo(amend, tmp_path, CHECK_PATCH)
    res = amend("--lang", lang, "check", root)
    assert res.code == 1 and words in res.out, res.out
    applied = amend("--lang", lang, "apply", root / "programs" / "plan.yaml", root / "amendments" / "plan" / "1.yaml",
                    "-o", tmp_path / "out")
    assert applied.code == 1 and words.split(" b: ")[1] in applied.err  # the same refusal
    assert "1.yaml:7: b:" in applied.err  # apply names the amendment too


@pytest.mark.parametrize("lang, words", [
    ("en", "Word file     -       the Word file "), ("sv", "Word-fil      -       Word-filen ")])
def test_check_fails_when_the_word_file_changed_after_the_import(amend, tmp_path, lang, words):
    from docx import Document

    root = _repo(amend, tmp_path, _patch("plan", '{id: a, at: {page: 1}, replace: "5 000 kr", with: "6 000 kr"}'))
    assert amend("check", root).code == 0
    d = Document(str(root / "programs" / "plan.docx"))
    d.paragraphs[-1].runs[0].text = "Sista stycket ändrat."
    d.save(str(root / "programs" / "plan.docx"))
    res = amend("--lang", lang, "check", root)
    assert res.code == 1 and words in res.out, res.out
    assert ("is not the one the program was imported from" if lang == "en" else "är inte den som") in res.out
    res = amend("check", root, "--format", "json")
    assert res.code == 1 and '"kind": "word_file"' in res.out


# ---------------------------------------------------------------- 22: pending tracked changes in the source


TRACKED = {"en": "the Word file image.docx holds tracked changes that are not yet accepted or rejected",
           "sv": "Word-filen image.docx innehåller spårade ändringar som ännu inte har godkänts eller avvisats"}


def _imported_then_swapped(amend, tmp_path: Path, docx: Path) -> Path:
    """image.docx imported, then `docx` put in its place as the file the program records (a program
    imported before the Word file got its tracked changes; the import may refuse such a file itself)."""
    import hashlib
    import re

    program = _imported(amend, tmp_path, HERE / "image.docx", "img")
    data = docx.read_bytes()
    (tmp_path / "image.docx").write_bytes(data)
    text = program.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  size: \d+$", f"  size: {len(data)}", text)
    text = re.sub(r"(?m)^  sha256: \w+$", f"  sha256: {hashlib.sha256(data).hexdigest()}", text)
    program.write_text(text, encoding="utf-8")
    return program


def _with_revision(tmp_path: Path, tag: str) -> Path:
    """image.docx with one pending tracked change of kind `tag` in its last paragraph."""
    from lxml import etree

    src = tmp_path / "src" / "image.docx"
    src.parent.mkdir()
    ns, who = f'xmlns:w="{W[1:-1]}"', 'w:id="90" w:author="X" w:date="2025-01-01T00:00:00Z"'
    text = "w:delText" if tag in ("w:del", "w:moveFrom") else "w:t"
    change = {"w:pPrChange": f'<w:pPr {ns}><w:pPrChange {who}><w:pPr/></w:pPrChange></w:pPr>',
              "w:rPrChange": f'<w:rPr {ns}><w:b/><w:rPrChange {who}><w:rPr/></w:rPrChange></w:rPr>'}.get(
        tag, f'<{tag} {ns} {who}><w:r><{text}>Flyttad.</{text}></w:r></{tag}>')
    with zipfile.ZipFile(HERE / "image.docx") as z, zipfile.ZipFile(src, "w") as out:
        root = etree.fromstring(z.read("word/document.xml"))
        last = root.find(f"{W}body").findall(f"{W}p")[2]  # "Sista stycket."
        if tag == "w:pPrChange":
            last.insert(0, etree.fromstring(change))
        elif tag == "w:rPrChange":
            last.find(f"{W}r").insert(0, etree.fromstring(change))
        else:
            last.append(etree.fromstring(change))
        for info in z.infolist():
            out.writestr(info, etree.tostring(root) if info.filename == "word/document.xml" else z.read(info))
    return src


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_word_file_with_pending_tracked_changes_is_not_written_into(amend, tmp_path, lang):
    """Review 5's file: author X's insertions, deletions and whole tracked paragraphs."""
    program = _imported_then_swapped(amend, tmp_path, HERE / "tracked.docx")
    patch = _patch("img", '{id: a1, at: {page: 1}, replace: "Sista stycket.", with: "Det sista stycket."}')
    err = _refused(amend, tmp_path, program, patch, lang)
    assert TRACKED[lang] in err and "--docx-style default" in err


@pytest.mark.parametrize("tag", ["w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:pPrChange", "w:rPrChange"])
def test_every_kind_of_pending_tracked_change_counts(amend, tmp_path, tag):
    program = _imported_then_swapped(amend, tmp_path, _with_revision(tmp_path, tag))
    err = _refused(amend, tmp_path, program, _patch("img", '{id: a1, at: {page: 1}, replace: "Sista", with: "Sist"}'))
    assert TRACKED["en"] in err
    (tmp_path / "patch.yaml").write_text(_patch("img", '{id: a1, at: {page: 1}, replace: "Sista", with: "Sist"}'),
                                         encoding="utf-8")
    res = amend("apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "own", "--docx-style", "default")
    assert res.code == 0, res.err  # amend's own layout is still there


# ---------------------------------------------------------------- 29: a new section's look from the file's styles


SECTION_PATCH = _patch("plan", '{id: a1, add_section: {heading: Underrubrik, level: 2, content: ["Text under.", '
                               '{bullets: ["Punkt ett.", "Punkt två."]}, {numbered: ["Steg ett."]}]}}')


def _styles_of(path: Path) -> list[tuple[str, str | None]]:
    from docx import Document

    return [(p.text, p.style.style_id if p.style is not None else None) for p in Document(str(path)).paragraphs]


def test_a_new_section_takes_its_heading_and_list_styles_from_the_file_when_the_body_has_none(amend, tmp_path):
    import yaml

    program = _imported(amend, tmp_path, HERE / "no_headings.docx", "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, SECTION_PATCH)
    assert _styles_of(adopted)[-5:] == [("Underrubrik", "Heading2"), ("Text under.", "Normal"),
                                        ("Punkt ett.", "ListBullet"), ("Punkt två.", "ListBullet"),
                                        ("Steg ett.", "ListNumber")]
    # the next decision starts from the adopted file: importing it again finds the section as adopted
    again = tmp_path / "again"
    again.mkdir()
    (again / "plan.docx").write_bytes(adopted.read_bytes())
    res = amend("import", again / "plan.docx", "-o", again / "plan.yaml", "--id", "plan")
    assert res.code == 0, res.err
    wanted = yaml.safe_load((tmp_path / "out" / "plan.adopted.yaml").read_text(encoding="utf-8"))["sections"]
    assert yaml.safe_load((again / "plan.yaml").read_text(encoding="utf-8"))["sections"] == wanted


def _without_styles(tmp_path: Path, names: tuple[str, ...]) -> Path:
    """no_headings.docx with the paragraph styles named `names` (lower case) taken out of styles.xml."""
    from lxml import etree

    src = tmp_path / "src" / "plan.docx"
    src.parent.mkdir()
    with zipfile.ZipFile(HERE / "no_headings.docx") as z, zipfile.ZipFile(src, "w") as out:
        styles = etree.fromstring(z.read("word/styles.xml"))
        for st in list(styles.iter(f"{W}style")):
            name = st.find(f"{W}name")
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            level_2 = outline is not None and outline.get(f"{W}val") == "1" and "heading 2" in names
            if (name is not None and name.get(f"{W}val").lower() in names) or level_2:
                st.getparent().remove(st)
        for info in z.infolist():
            out.writestr(info, etree.tostring(styles) if info.filename == "word/styles.xml" else z.read(info))
    return src


@pytest.mark.parametrize("gone, what_en, what_sv", [
    (("heading 2",), "the new heading of level 2 'Underrubrik'", "den nya texten ”Underrubrik” (rubrik på nivå 2)"),
    (("list bullet",), "the new bulleted list item 'Punkt ett.'", "den nya texten ”Punkt ett.” (punkt i en punktlista)"),
    (("list number",), "the new numbered list item 'Steg ett.'",
     "den nya texten ”Steg ett.” (punkt i en numrerad lista)"),
])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_new_heading_or_list_the_file_has_no_style_for_is_refused(amend, tmp_path, gone, what_en, what_sv, lang):
    program = _imported(amend, tmp_path, _without_styles(tmp_path, gone), "plan")
    err = _refused(amend, tmp_path, program, SECTION_PATCH, lang)
    assert "patch.yaml:6: a1: " + (what_en + " cannot be written into the Word file plan.docx" if lang == "en"
                                   else what_sv + " kan inte skrivas in i Word-filen plan.docx") in err


# ---------------------------------------------------------------- 26: a change inside a block-level content control


def test_the_redline_of_text_in_a_content_control_is_right_in_libreoffice(amend, tmp_path):
    from real_clients import libreoffice, missing_libreoffice

    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    program = _imported(amend, tmp_path, HERE / "controls.docx", "blk")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "blk", '{id: a1, at: {page: 1}, replace: "om polisen", with: "om Polismyndigheten"}'))
    assert len(_body(adopted).findall(f"{W}sdt")) == 1  # the adopted file keeps its content control
    accepted, rejected, adopted_lo, source_lo = libreoffice(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (HERE / "controls.docx", "")])

    def texts(dump: dict) -> list[str]:  # LibreOffice ends a paragraph in a content control with "\r"
        return [p["text"].rstrip("\r") for p in dump["paragraphs"]]

    assert "Stycket i kontrollen handlar om Polismyndigheten." in texts(adopted_lo)
    assert texts(accepted) == texts(adopted_lo)
    assert texts(rejected) == texts(source_lo)


# ---------------------------------------------------------------- 23: a table of contents when headings change


TOC_PATCH = _patch("toc", "{id: a1, delete_section: Ansvar}",
                   '{id: a2, add_section: {heading: Budget, level: 1, content: ["Text om budget."]}, '
                   "after_section: Uppföljning}")
TOC_NOTE = {"en": "the table of contents in {file} still lists the headings as they were before the amendments",
            "sv": "innehållsförteckningen i {file} visar fortfarande rubrikerna som de var före ändringarna"}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_table_of_contents_is_marked_for_updating_when_the_headings_change(amend, tmp_path, lang):
    from lxml import etree

    program = _imported(amend, tmp_path, HERE / "toc.docx", "toc")
    (tmp_path / "patch.yaml").write_text(TOC_PATCH, encoding="utf-8")
    res = amend("--lang", lang, "apply", program, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    assert TOC_NOTE[lang].format(file=tmp_path / "toc.docx") in res.err
    adopted, redline = tmp_path / "out" / "toc.adopted.docx", tmp_path / "out" / "toc.adopted.redline.docx"
    for docx in (adopted, redline):
        with zipfile.ZipFile(docx) as z:
            settings = etree.fromstring(z.read("word/settings.xml"))
        update = settings.find(f"{W}updateFields")
        assert update is not None and update.get(f"{W}val") == "true"
        assert update.getnext().tag == f"{W}compat"  # in its place in CT_Settings' order
        begins = [c for c in _body(docx).iter(f"{W}fldChar") if c.get(f"{W}fldCharType") == "begin"]
        assert [b.get(f"{W}dirty") for b in begins] == ["true"]


def test_a_table_of_contents_is_left_alone_when_no_heading_changes(amend, tmp_path):
    program = _imported(amend, tmp_path, HERE / "toc.docx", "toc")
    adopted, _, res = _applied(amend, tmp_path, program, _patch(
        "toc", '{id: a1, at: {heading: Ansvar}, replace: "ansvar", with: "roller"}'))
    assert "Text om roller." in _paragraphs(adopted)
    assert "table of contents" not in res.err
    with zipfile.ZipFile(adopted) as a, zipfile.ZipFile(HERE / "toc.docx") as s:
        assert a.read("word/settings.xml") == s.read("word/settings.xml")
    assert not any(c.get(f"{W}dirty") for c in _body(adopted).iter(f"{W}fldChar"))


def test_the_settings_with_update_fields_add_no_finding_of_the_validator(amend, tmp_path):
    audit = pytest.importorskip("openxml_audit", reason="openxml-audit is not installed (pip install -e '.[test]')")

    def findings(path: Path) -> list:
        result = audit.OpenXmlValidator(max_errors=0).validate(str(path))
        return sorted((e.error_type.value, e.part_uri or "", e.description) for e in result.errors)

    program = _imported(amend, tmp_path, HERE / "toc.docx", "toc")
    adopted, redline, _ = _applied(amend, tmp_path, program, TOC_PATCH)
    own = findings(HERE / "toc.docx")
    assert findings(adopted) == own and findings(redline) == own


def test_the_new_styled_section_is_right_in_libreoffice(amend, tmp_path):
    from real_clients import libreoffice, missing_libreoffice

    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    program = _imported(amend, tmp_path, HERE / "no_headings.docx", "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, SECTION_PATCH)
    accepted, rejected, adopted_lo, source_lo = libreoffice(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (HERE / "no_headings.docx", "")])

    def seen(dump: dict) -> list[tuple[str, str, str]]:
        return [(p["text"], p["style"], p["label"]) for p in dump["paragraphs"]]

    # (LibreOffice gives no label text for the Symbol-font bullet of List Bullet; the PDF shows "•")
    assert [(t, s) for t, s, _ in seen(adopted_lo)[-5:]] == [
        ("Underrubrik", "Heading 2"), ("Text under.", "Standard"), ("Punkt ett.", "List Bullet"),
        ("Punkt två.", "List Bullet"), ("Steg ett.", "List Number")]
    assert seen(adopted_lo)[-1][2] == "1."
    assert seen(accepted) == seen(adopted_lo)
    assert seen(rejected) == seen(source_lo)


# ---------------------------------------------------------------- 21 in place: hidden text left where it is

HIDDEN = Path(__file__).resolve().parent / "fixtures" / "import_review5" / "21-import-hidden-text.docx"
HIDDEN_EN = "a1: the words this amendment changes hold hidden text ('[Skriv här vem som INTE ansvarar]')"
HIDDEN_SV = "a1: orden som ändringen gäller rymmer dold text (”[Skriv här vem som INTE ansvarar]”)"


def test_a_word_file_with_hidden_text_is_amended_in_place_around_it(amend, tmp_path):
    """The importer leaves hidden runs out; the in-place writer reads the paragraph the same way
    (it used to count them, and refused every such file as changed since the import)."""
    program = _imported(amend, tmp_path, HIDDEN, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program,
                                   _patch("plan", '{id: a1, at: {page: 1}, replace: "Kommunen ansvarar", '
                                                  'with: "Regionen ansvarar"}'))
    body = _body(adopted)
    shown = ["".join(t.text or "" for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}vanish") is None
                     for t in r.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    assert shown == ["Samverkan", "Regionen ansvarar för samordningen."]
    assert "[Skriv här vem som INTE ansvarar] " in _paragraphs(adopted)[1]  # the hidden run kept


@pytest.mark.parametrize("lang, words", [("en", HIDDEN_EN), ("sv", HIDDEN_SV)])
def test_an_insertion_right_at_hidden_text_is_refused(amend, tmp_path, lang, words):
    program = _imported(amend, tmp_path, HIDDEN, "plan")
    err = _refused(amend, tmp_path, program,
                   _patch("plan", '{id: a1, at: {page: 1}, after: "Kommunen", insert: "och regionen"}'), lang)
    assert words in err


# ---------------------------------------------------------------- review 6, 13: a table cell keeps a paragraph

CELL = Path(__file__).resolve().parent / "fixtures" / "word_review6" / "cell.docx"


def _cells(path: Path) -> list[list[str]]:
    """Each table cell of the body: the text of each of its paragraphs."""
    return [["".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.findall(f"{W}p")]
            for tc in _body(path).iter(f"{W}tc")]


@pytest.mark.parametrize("amendment, emptied", [
    ('{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}', 3),
    ('{id: a1, at: {page: 1, heading: Insatser, row: 2, column: 1}, delete_paragraph: "Färre brott"}', 2),
])
def test_deleting_a_cells_only_paragraph_leaves_it_one_empty_paragraph(amend, tmp_path, amendment, emptied):
    """CT_Tc needs a paragraph: an empty <w:tc> is a file Word calls unreadable (review 6, finding 13).
    The redline's own mark of that paragraph is not tracked, so Accept All gives the same cell."""
    program = _imported(amend, tmp_path, CELL, "plan")
    before = _cells(CELL)
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", amendment))
    after = _cells(adopted)
    assert after[emptied] == [""] and before[emptied] != [""]
    assert [c for i, c in enumerate(after) if i != emptied] == [c for i, c in enumerate(before) if i != emptied]
    tc = list(_body(redline).iter(f"{W}tc"))[emptied]
    assert tc.find(f"{W}p/{W}pPr/{W}rPr/{W}del") is None  # the cell's last paragraph mark stays


def test_a_cell_emptied_in_place_is_valid_and_accepts_to_the_adopted_file_in_libreoffice(amend, tmp_path):
    from real_clients import libreoffice, missing_libreoffice

    audit = pytest.importorskip("openxml_audit")
    program = _imported(amend, tmp_path, CELL, "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch(
        "plan", '{id: a1, at: {page: 1, heading: Insatser}, delete_item: "Trygghetsvandringar."}'))
    for path in (adopted, redline):
        found = [e.description for e in audit.OpenXmlValidator(max_errors=0).validate(str(path)).errors]
        assert not any("Required sequence" in d for d in found), found
    if missing_libreoffice():
        pytest.skip(missing_libreoffice())
    accepted, rejected, adopted_lo, source_lo = libreoffice(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (CELL, "")])
    assert [p["text"] for p in accepted["paragraphs"]] == [p["text"] for p in adopted_lo["paragraphs"]]
    assert [p["text"] for p in rejected["paragraphs"]] == [p["text"] for p in source_lo["paragraphs"]]
