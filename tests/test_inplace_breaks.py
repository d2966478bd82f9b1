"""The council's own Word file: words inserted next to a line break (w:br) inside a paragraph,
and next to or in a content control bound to the file's data.

The importer reads a line break as a space, so "polisen⏎och regionen" is the text "polisen och
regionen"; inserting "och tullen" after "polisen" must write the words on the line of
"polisen", before the break, and not at the start of the next line (the same text, another
page). The adopted and redline DOCX are looked at in their XML, and in LibreOffice over UNO
(Accept All of the redline reads as the adopted file, Reject All as the proposal).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_inplace7 import _lo, _seen
from test_source_docx import _applied, _imported
from test_word_review5 import W, _body, _patch, _refused

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
AFTER = "{id: a1, at: {heading: Samverkan}, after: med polisen, insert: och tullen}"


def _proposal(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("Samverkan", level=1)
    p = doc.add_paragraph()
    p.add_run("Arbetet sker i samverkan med polisen").add_break()
    p.add_run("och regionen deltar också.")
    doc.add_paragraph("Ett andra stycke om arbetet.")
    path = tmp_path / "source" / "plan.docx"
    path.parent.mkdir()
    doc.save(str(path))
    return path


def _lines(p) -> list[str]:
    """The paragraph's text as Word shows it, split at its line breaks (deleted text left out)."""
    out = [""]
    for el in p.iter(f"{W}t", f"{W}br"):
        if el.tag == f"{W}br":
            out.append("")
        elif el.getparent().getparent().tag != f"{W}del":
            out[-1] += el.text or ""
    return out


def _broken(body):
    return next(p for p in body.iter(f"{W}p") if p.find(f".//{W}br") is not None)


def _marked(p) -> str:
    """The paragraph as the redline shows it: {+inserted+}, [-deleted-], ⏎ for a line break."""
    out = ""
    for el in p.iter(f"{W}t", f"{W}delText", f"{W}br"):
        tracked = el.getparent().getparent().tag
        text = "⏎" if el.tag == f"{W}br" else el.text or ""
        out += f"{{+{text}+}}" if tracked == f"{W}ins" else f"[-{text}-]" if tracked == f"{W}del" else text
    return out


AT = "{id: a1, at: {heading: Samverkan}, "
ON_THEIR_LINE = {  # amendment: (the adopted paragraph's lines, the redline's paragraph)
    "insert after a line's last words": (
        AT + "after: med polisen, insert: och tullen}",
        ["Arbetet sker i samverkan med polisen och tullen", "och regionen deltar också."],
        "Arbetet sker i samverkan med polisen{+ och tullen+}⏎och regionen deltar också."),
    "insert before a line's first words": (
        AT + "before: och regionen, insert: även}",
        ["Arbetet sker i samverkan med polisen", "även och regionen deltar också."],
        "Arbetet sker i samverkan med polisen⏎{+även +}och regionen deltar också."),
    "a line's last word replaced by longer words": (  # review 16: "och tullen" went to the next line
        AT + "replace: polisen, with: polisen och tullen}",
        ["Arbetet sker i samverkan med polisen och tullen", "och regionen deltar också."],
        "Arbetet sker i samverkan med polisen{+ och tullen+}⏎och regionen deltar också."),
    "a line's first words replaced by longer words": (
        AT + "replace: och regionen, with: även och regionen}",
        ["Arbetet sker i samverkan med polisen", "även och regionen deltar också."],
        "Arbetet sker i samverkan med polisen⏎{+även +}och regionen deltar också."),
    "a line's last words deleted": (  # review 16: deleted with the break after them, one line left
        AT + "delete: med polisen}",
        ["Arbetet sker i samverkan", "och regionen deltar också."],
        "Arbetet sker i samverkan[- med polisen-]⏎och regionen deltar också."),
}


@pytest.mark.parametrize("case", sorted(ON_THEIR_LINE))
def test_words_stay_on_the_line_they_read_on(amend, tmp_path, case):
    amendment, lines, marked = ON_THEIR_LINE[case]
    program = _imported(amend, tmp_path, _proposal(tmp_path), "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program, _patch("plan", amendment))
    assert _lines(_broken(_body(adopted))) == lines
    assert _marked(_broken(_body(redline))) == marked
    accepted, rejected, adopted_lo, source_lo = _lo(
        [(redline, "accept"), (redline, "reject"), (adopted, ""), (tmp_path / "plan.docx", "")])
    assert _seen(accepted) == _seen(adopted_lo)
    assert _seen(rejected) == _seen(source_lo)


def _with_runs(tmp_path: Path, runs: str) -> Path:
    """A proposal whose second paragraph is made of `runs` (WordprocessingML), as Word writes them."""
    from docx import Document

    doc = Document()
    doc.add_heading("Samverkan", level=1)
    p = doc.add_paragraph()
    for run in etree.fromstring(f"<w:p {NS}>{runs}</w:p>"):
        p._p.append(run)
    doc.add_paragraph("Ett andra stycke om arbetet.")
    path = tmp_path / "source" / "plan.docx"
    path.parent.mkdir()
    doc.save(str(path))
    return path


BETWEEN = {  # what stands between "polisen" and the line break: the words may not be moved before it
    "field": '<w:fldSimple w:instr=" DOCPROPERTY Partner "><w:r><w:t>polisen</w:t></w:r></w:fldSimple>',
    "hyperlink": '<w:hyperlink w:anchor="x"><w:r><w:t>polisen</w:t></w:r></w:hyperlink>',
    "hidden run": '<w:r><w:t>polisen</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r>',
    "bookmark's end": '<w:bookmarkStart w:id="7" w:name="parter"/><w:r><w:t>polisen</w:t></w:r>'
                      '<w:bookmarkEnd w:id="7"/>',
}


@pytest.mark.parametrize("what", sorted(BETWEEN))
def test_words_are_not_moved_before_a_break_into_or_past_what_stands_there(amend, tmp_path, what):
    """Review 16: moved before the break, the words went into a field's shown text (which Word
    recomputes: the words would be lost), into a link's text, or past a hidden run."""
    runs = f'<w:r><w:t xml:space="preserve">Arbetet sker i samverkan med </w:t></w:r>{BETWEEN[what]}' \
           '<w:r><w:br/></w:r><w:r><w:t>och regionen deltar också.</w:t></w:r>'
    program = _imported(amend, tmp_path, _with_runs(tmp_path, runs), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch("plan", AFTER))
    p = _broken(_body(adopted))
    hidden = "dold" if what == "hidden run" else ""
    assert _lines(p) == [f"Arbetet sker i samverkan med polisen{hidden}", "och tullen och regionen deltar också."]
    for container in ("fldSimple", "hyperlink"):
        for el in p.iter(f"{W}{container}"):
            assert "".join(t.text for t in el.iter(f"{W}t")) == "polisen"  # nothing written into it


def test_words_put_right_after_a_link_are_not_part_of_it(amend, tmp_path):
    """As in Word, where typing after a link does not lengthen it (review 16: ", tullen" became link text)."""
    runs = '<w:r><w:t xml:space="preserve">Arbetet sker med </w:t></w:r>' \
           '<w:hyperlink w:anchor="x"><w:r><w:t>polisen</w:t></w:r></w:hyperlink>' \
           '<w:r><w:t xml:space="preserve"> och regionen deltar också.</w:t></w:r>'
    program = _imported(amend, tmp_path, _with_runs(tmp_path, runs), "plan")
    adopted, redline, _ = _applied(amend, tmp_path, program,
                                   _patch("plan", AT + "after: med polisen, insert: ', tullen'}"))
    for path, seen in ((adopted, "Arbetet sker med polisen, tullen och regionen deltar också."),
                       (redline, "Arbetet sker med polisen{+, tullen+} och regionen deltar också.")):
        p = next(p for p in _body(path).iter(f"{W}p") if p.find(f"{W}hyperlink") is not None)
        assert _marked(p) == seen
        assert "".join(t.text for t in p.find(f"{W}hyperlink").iter(f"{W}t")) == "polisen"


def test_a_link_s_words_replaced_stay_the_link_s(amend, tmp_path):
    runs = '<w:r><w:t xml:space="preserve">Arbetet sker med </w:t></w:r>' \
           '<w:hyperlink w:anchor="x"><w:r><w:t>polisen</w:t></w:r></w:hyperlink>' \
           '<w:r><w:t xml:space="preserve"> och regionen deltar också.</w:t></w:r>'
    program = _imported(amend, tmp_path, _with_runs(tmp_path, runs), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch("plan", AT + "replace: polisen, with: Polismyndigheten}"))
    p = next(p for p in _body(adopted).iter(f"{W}p") if p.find(f"{W}hyperlink") is not None)
    assert _marked(p) == "Arbetet sker med Polismyndigheten och regionen deltar också."
    assert "".join(t.text for t in p.find(f"{W}hyperlink").iter(f"{W}t")) == "Polismyndigheten"


BOUND = '<w:r><w:t xml:space="preserve">Arbetet leds av </w:t></w:r><w:sdt><w:sdtPr><w:dataBinding ' \
        'w:xpath="/root/ansvarig" w:storeItemID="{00000000-0000-0000-0000-000000000001}"/><w:text/></w:sdtPr>' \
        '<w:sdtContent><w:r><w:t>kommunstyrelsen</w:t></w:r></w:sdtContent></w:sdt>' \
        '<w:r><w:t xml:space="preserve"> och nämnderna deltar.</w:t></w:r>'


@pytest.mark.parametrize("amendment", ["{id: a1, at: {heading: Samverkan}, after: av kommunstyrelsen, "
                                       "insert: ', regionen'}",
                                       "{id: a1, at: {heading: Samverkan}, replace: kommunstyrelsen, with: nämnden}"])
def test_words_in_or_at_a_content_control_bound_to_data_are_refused(amend, tmp_path, amendment):
    """Review 16: ", regionen" went inside the control, whose text Word fills in from the file's data."""
    program = _imported(amend, tmp_path, _with_runs(tmp_path, BOUND), "plan")
    patch = _patch("plan", amendment)
    where = f"{tmp_path / 'patch.yaml'}:6: a1: "
    assert _refused(amend, tmp_path, program, patch) == f"error: {where}" + (
        "the words this amendment changes are the text of a content control bound to data ('kommunstyrelsen') "
        "in the Word file plan.docx, or right beside it: Word fills that text in from the file's data and would "
        "write over the change; make this change in Word, or write amend's own layout with --docx-style default\n")
    assert _refused(amend, tmp_path, program, patch, "sv") == f"fel: {where}" + (
        "orden som ändringen gäller är texten i en innehållskontroll som är kopplad till data (”kommunstyrelsen”) "
        "i Word-filen plan.docx, eller står precis intill den: Word fyller i den texten från filens data och skulle "
        "skriva över ändringen; gör ändringen i Word, eller skriv amends egen layout med --docx-style default\n")


def test_words_after_a_content_control_bound_to_data_with_a_space_between_are_written(amend, tmp_path):
    program = _imported(amend, tmp_path, _with_runs(tmp_path, BOUND), "plan")
    patch = _patch("plan", "{id: a1, at: {heading: Samverkan}, after: av kommunstyrelsen, insert: och regionen}")
    adopted, _, _ = _applied(amend, tmp_path, program, patch)
    p = next(p for p in _body(adopted).iter(f"{W}p") if p.find(f".//{W}sdt") is not None)
    assert _lines(p) == ["Arbetet leds av kommunstyrelsen och regionen och nämnderna deltar."]
    assert "".join(t.text for t in p.find(f".//{W}sdtContent").iter(f"{W}t")) == "kommunstyrelsen"


def _wrapped_in_a_bound_control(tmp_path: Path, w15: bool = False) -> Path:
    """A proposal whose second paragraph is the content of a block-level content control bound to data."""
    from docx import Document

    doc = Document()
    doc.add_heading("Samverkan", level=1)
    p = doc.add_paragraph("Ansvarig nämnd är kommunstyrelsen.")
    binding = ('<w15:dataBinding xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
               'w15:xpath="/root/ansvarig" w15:storeItemID="{00000000-0000-0000-0000-000000000001}"/>' if w15 else
               '<w:dataBinding w:xpath="/root/ansvarig" w:storeItemID="{00000000-0000-0000-0000-000000000001}"/>')
    sdt = etree.fromstring(f"<w:sdt {NS}><w:sdtPr>{binding}</w:sdtPr><w:sdtContent/></w:sdt>")
    p._p.addprevious(sdt)
    sdt[-1].append(p._p)
    doc.add_paragraph("Ett andra stycke om arbetet.")
    path = tmp_path / "source" / "plan.docx"
    path.parent.mkdir()
    doc.save(str(path))
    return path


@pytest.mark.parametrize("w15", [False, True], ids=["w:dataBinding", "w15:dataBinding"])
def test_a_paragraph_inside_a_block_content_control_bound_to_data_is_not_edited(amend, tmp_path, w15):
    """Review 16: the control around the paragraph was not seen, and LibreOffice showed the adopted
    file with the old words, filled in from the data."""
    program = _imported(amend, tmp_path, _wrapped_in_a_bound_control(tmp_path, w15), "plan")
    patch = _patch("plan", "{id: a1, at: {heading: Samverkan}, replace: kommunstyrelsen, with: regionstyrelsen}")
    assert "the text of a content control bound to data ('Ansvarig nämnd är kommunstyrelsen.')" in \
        _refused(amend, tmp_path, program, patch)


def test_words_deleted_right_before_a_content_control_bound_to_data_are_written(amend, tmp_path):
    """Review 16: refused, though the control's text stays as it is."""
    runs = BOUND.replace("Arbetet leds av ", "Arbetet leds nu av ")
    program = _imported(amend, tmp_path, _with_runs(tmp_path, runs), "plan")
    adopted, _, _ = _applied(amend, tmp_path, program, _patch("plan", "{id: a1, at: {heading: Samverkan}, delete: nu av}"))
    p = next(p for p in _body(adopted).iter(f"{W}p") if p.find(f".//{W}sdt") is not None)
    assert _lines(p) == ["Arbetet leds kommunstyrelsen och nämnderna deltar."]
