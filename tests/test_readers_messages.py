"""The messages of `amend import` and `amend extract` in both languages (issue 10):
each error and report path is taken on a real file or protocol and its message
compared in English and in Swedish."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_docs import word_style_docx
from test_extract_minutes import LIST, PROGRAM, WHOLE
from test_import import _encrypted_pdf, _zip_bomb

from amend.errors import AmendError, UnreadableDocument
from amend.extract import agreement, wording
from amend.extract.describe import describe_patch
from amend.extract.reader import extract, need_a_human, nothing_written, report_comments, report_lines, summary
from amend.importers import import_document
from amend.load import load_program, patch_from_data
from amend.messages import language

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
CORPUS = json.loads((BAD / "corpus.json").read_text("utf-8"))
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
VALDS = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"
ALINGSAS = ROOT / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt"
SYNTHETIC = ROOT / "tests" / "fixtures" / "synthetic-ks-2025-11-05-p12.txt"
KS = {"body": "KS", "date": "2025-01-01"}


def _refusal(path, **kw) -> AmendError:
    with pytest.raises(UnreadableDocument) as err:
        import_document(path, program_id="plan", **kw)
    return err.value


# ---------------------------------------------------------------- import: a document refused

# one file of the bad-input corpus per message, and the Swedish it must give
REFUSED_SV = {
    "import/blank-page.pdf": "har ingen text att importera (en inskannad bild? den behöver textigenkänning först)",
    "import/doctype-only.docx": "dess del word/document.xml deklarerar en DTD eller entiteter (<!DOCTYPE / <!ENTITY), "
                                "något Word aldrig skriver",
    "import/document-not-xml.docx": "är ett skadat Word-dokument (XMLSyntaxError: ",
    "import/empty.docx": "är tom (0 byte)",
    "import/empty.pdf": "är ingen PDF-fil (den börjar inte med %PDF-)",
    "import/encrypted-flag.docx": "är ett krypterat zip-arkiv",
    "import/no-text.docx": "innehåller ingen text att importera",
    "import/garbage.pdf": "är en skadad eller oläslig PDF (",
    "import/old-doc.docx": "är ingen DOCX utan en gammal Word-fil (.doc) eller en lösenordsskyddad fil; öppna den i "
                           "Word och spara den som .docx utan lösenord",
    "import/part-over-limit.docx": "dess del word/document.xml (uppackad) är större än amends gräns på 30\u00a0000\u00a0000 byte",
    "import/random-bytes.docx": "är ingen DOCX-fil (en DOCX är ett zip-arkiv, och det är inte den här)",
    "import/size-understated.docx": "är ett skadat zip-arkiv (Bad CRC-32",
    "import/stream-over-limit.pdf": "en ström i den (uppackad) är större än amends gräns på 30\u00a0000\u00a0000 byte",
    "import/zip-without-document.docx": "är ett zip-arkiv men inget Word-dokument (det saknar word/document.xml)",
}


@pytest.mark.parametrize("rel", sorted(REFUSED_SV))
def test_a_refused_document_says_why_in_both_languages(rel):
    err = _refusal(BAD / rel)
    where = f"{BAD / rel}: "
    assert err.render("en").startswith(where) and CORPUS[rel]["says"] in err.render("en")
    assert err.render("sv").startswith(where + REFUSED_SV[rel])


@pytest.mark.parametrize(("make", "en", "sv"), [
    (_zip_bomb, "would unpack to 2861 MB in 2 files, more than a document can be (190 MB); it is not imported",
     "skulle packas upp till 2861 MB i 2 filer, mer än ett dokument kan vara (190 MB); den importeras inte"),
    (_encrypted_pdf, "is protected by a password; save a copy without the password (or print it to PDF) and import "
                     "that",
     "är skyddad med lösenord; spara en kopia utan lösenord (eller skriv ut den till PDF) och importera den"),
])
def test_a_refused_made_document_says_why_in_both_languages(make, en, sv, tmp_path):
    path = tmp_path / ("plan.pdf" if make is _encrypted_pdf else "plan.docx")
    make(path)
    err = _refusal(path)
    assert (err.render("en"), err.render("sv")) == (f"{path}: {en}", f"{path}: {sv}")


def test_pages_from_a_pdf_and_a_bad_id_in_both_languages(tmp_path):
    pdf = DOCUMENTS / "sv-goteborg-stadsrevisionen-styrning-planer-program.pdf"
    err = _refusal(pdf, pages_from=pdf)
    assert err.render("en").endswith("is a PDF: its own pages are used; --pages-from is for a DOCX")
    assert err.render("sv").endswith("är en PDF: dess egna sidor används; --pages-from gäller bara för en DOCX")
    docx = tmp_path / "plan.docx"
    word_style_docx(docx)
    with pytest.raises(UnreadableDocument) as exc:
        import_document(docx, program_id="Plan 1")
    assert exc.value.render("sv").endswith("programmets id ”Plan 1” får bara innehålla små bokstäver, siffror, ”.”, "
                                           "”_” och ”-” (det tas från namnet på filen som skrivs om inte --id anges)")
    assert "the program id 'Plan 1' may only use lower-case letters" in exc.value.render("en")


def test_pages_from_something_not_a_pdf_in_both_languages(tmp_path):
    docx, fake = tmp_path / "plan.docx", tmp_path / "plan.pdf"
    word_style_docx(docx)
    fake.write_text("ingen pdf")
    err = _refusal(docx, pages_from=fake)
    assert err.render("en") == f"{fake}: is not a PDF file (it does not start with %PDF-)"
    assert err.render("sv") == f"{fake}: är ingen PDF-fil (den börjar inte med %PDF-)"


# ---------------------------------------------------------------- import: the report


def test_report_of_images_and_text_boxes_in_both_languages(tmp_path):
    path = tmp_path / "plan.docx"
    word_style_docx(path, with_extras=True)
    _, report = import_document(path, program_id="plan")
    assert report.lines("en") == ["not imported: 1 image (page 2)",
                                  "not imported: 1 text box (page 2 'Rutan säger något.')"]
    assert report.lines("sv") == ["inte importerat: 1 bild (sidan 2)",
                                  "inte importerat: 1 textruta (sidan 2 ”Rutan säger något.”)"]
    with language("sv"):
        assert report.lines() == report.lines("sv")


def test_report_of_footnotes_symbols_merged_cells_and_headings_in_tables_in_both_languages():
    _, report = import_document(DOCUMENTS / "hard-poi-form_footnotes.docx", program_id="form")
    en, sv = report.lines("en"), report.lines("sv")
    assert "not imported: 1 footnote (page 1, number 2: 'testdoc test phrase')" in en
    assert "inte importerat: 1 fotnot (sidan 1, nummer 2: ”testdoc test phrase”)" in sv
    assert "inte importerat: 5 bilder (sidan 1)" in sv  # each page once (session 9)
    assert "inte importerat: 7 tecken i symbolteckensnitt (sidan 1)" in sv
    merged = next(line for line in sv if line.startswith("kontrollera: 56 sammanslagna tabellceller"))
    assert merged.endswith("(i tabellen på sidan 1, i tabellen på sidan 2)")
    assert next(line for line in en if line.startswith("check: 56 merged table cells")).endswith(
        "(in the table on page 1, in the table on page 2)")
    assert "kontrollera: 1 tabell fortsätter på nästa sida: varje rad har sidan där den börjar (på en senare sida " \
        "räknas radnummer från rubrikraden som upprepas där; utan en sådan, ange raden med dess ord) (sidorna 1–2)" \
        in sv
    assert "check: 1 table runs over a page end: each row has the page it starts on (on a later page a row number " \
        "counts from the header row repeated there; without one, name the row by its words) (pages 1–2)" in en
    assert "obs: rubriken ”Comments:” i tabellen på sidan 2 står i en tabell eller spalt; den behålls som ett stycke" \
        in sv
    assert "note: the heading 'Comments:' in the table on page 2 is inside a table or column; kept as a paragraph" \
        in en
    assert "obs: en tabell eller spaltlayout före den första rubriken (sidan 1) importeras inte" in sv
    assert "obs: dokumentet har ingen titel; den tas från första sidan: ”VISA APPLICATION FORM” (ange en annan med " \
           "--title)" in sv
    assert "obs: titelblocket har ingen rad ”Version: …”: versionen blir ”proposed”" in sv
    assert "note: no 'Version: …' line in the title block: the version is 'proposed'" in en
    assert any(line.startswith("obs: rubriken ”IMPORTANT: FORMS THAT ARE INCOMPLETE AND…” är på nivå 7; amend har "
                               "6 nivåer, så den blir nivå 6") for line in sv)


def test_report_of_a_pdf_read_from_its_fonts_in_both_languages():
    program, report = import_document(DOCUMENTS / "sv-olofstrom-handlingsplan-klimat-energi.pdf", program_id="plan")
    en, sv = report.lines("en"), report.lines("sv")
    assert "note: headings are read from their font: 12 pt bold → level 1; 11 pt bold → level 2; check the levels" \
        in en
    assert "obs: rubrikernas nivåer läses från teckensnittet: 12 pt fet → nivå 1; 11 pt fet → nivå 2; kontrollera " \
           "nivåerna" in sv
    assert "obs: inga sidnummer är tryckta (eller inga kunde läsas): sidorna är PDF:ens egna, med sidan 1 först" in sv
    # its title page's "Datum: 2023-03-31" is the line amend writes for a program's date, so it is read as that
    assert program.meta.date == "2023-03-31"
    assert "obs: text före den första rubriken hör inte till programmet: ”Giltighetstid: 31 december 2026”" in sv
    assert "note: text before the first heading is not part of the program: 'Giltighetstid: 31 december 2026'" in en


# ---------------------------------------------------------------- extract: why no patch can be made


@pytest.fixture(scope="module")
def program():
    return load_program(VALDS)


def _extract_error(text, prog, **kw) -> AmendError:
    with pytest.raises(AmendError) as err:
        extract(text, prog, source="p.txt", **kw)
    return err.value


def test_no_such_paragraph_in_both_languages(program):
    err = _extract_error(ALINGSAS.read_text("utf-8"), program, paragraph="999")
    assert err.render("en") == "p.txt: there is no § 999 in the protocol (paragraphs found: § 170)"
    assert err.render("sv") == "p.txt: protokollet har ingen § 999 (paragrafer som finns: § 170)"


def test_several_paragraphs_in_both_languages(program):
    one = ALINGSAS.read_text("utf-8")
    two = one + "\n\n§ 171  2025.203 KS\nNågot annat\nBeslut\nÄndring 1\nPå sidan 2 stryks \"Alla\".\n"
    err = _extract_error(two, program)
    assert err.render("en").startswith(f"p.txt: several paragraphs hold amendments to {program.meta.title}: § 170 (")
    assert err.render("sv").startswith(f"p.txt: flera paragrafer innehåller ändringar i {program.meta.title}: § 170 (")
    assert err.render("sv").endswith("; ange vilken med --paragraph")


def test_no_paragraph_fits_in_both_languages():
    prog = load_program(WHOLE.parent / "kf-2024-02-29-p75" / "program.yaml")
    err = _extract_error((WHOLE / "ks-2026-03-04.txt").read_text("utf-8"), prog)
    assert "no paragraph of the protocol (37 found)" in err.render("en")
    sv = err.render("sv")
    assert sv.startswith(f"p.txt: ingen paragraf i protokollet (37 hittade) innehåller en läsbar ändring i "
                         f"{prog.meta.title}; paragrafer som ändrar ett dokument på sätt som ingen patch kan "
                         "beskriva: ")
    assert "§ 172 (Redovisning av uppdrag" in sv


@pytest.mark.parametrize(("given", "en", "sv"), [
    ({}, "the protocol does not name the deciding body and the date in its header; give --body and --date",
     "protokollets huvud anger varken vilket organ som beslutade eller datum; ange --body och --date"),
    ({"body": "KS"}, "the protocol does not name the date in its header; give --date",
     "protokollets huvud anger inget datum; ange --date"),
    ({"date": "2025-01-01"}, "the protocol does not name the deciding body in its header; give --body",
     "protokollets huvud anger inte vilket organ som beslutade; ange --body"),
])
def test_no_body_or_date_in_both_languages(program, given, en, sv):
    err = _extract_error('Ändring 1\nPå sidan 2 stryks "Alla".\n', program, decision=given)
    assert (err.render("en"), err.render("sv")) == (f"p.txt: {en}", f"p.txt: {sv}")


# ---------------------------------------------------------------- extract: what a person must look at


def test_the_report_of_a_protocol_in_both_languages(program):
    result = extract(SYNTHETIC.read_text("utf-8"), program, source="s.txt")
    en = [m.render("en") for m in report_lines(result, "s.txt")]
    sv = [m.render("sv") for m in report_lines(result, "s.txt")]
    assert en[0] == ('needs a human: s.txt:43: Ändring 2: "På sidan 4 ska texten om hedersrelaterat våld '
                     'förtydligas." — not understood from "ska texten om hedersrelaterat våld förtydligas." on')
    assert sv[0] == ("måste granskas: s.txt:43: Ändring 2: ”På sidan 4 ska texten om hedersrelaterat våld "
                     "förtydligas.” — förstods inte från och med ”ska texten om hedersrelaterat våld förtydligas.”")
    assert sv[1].startswith("måste granskas: s.txt:45: Ändring 3: ”På sidan 6, under rubriken Samverkan, stryks "
                            "”Kvinnojourer och ideella organisationer”.” — går inte att tillämpa på programmet: ")
    assert sv[2].startswith("avslaget: s.txt:19: Ändringsyrkande 1: ")
    assert "— inte bifallet: protokollet säger ”" in sv[2]
    assert sv[3] == ("kontrollera: s.txt:47: Ändring 4: slog ihop ”Arbetsförmedlingen” över en radbrytning "
                     "(”Arbets-” + ”förmedlingen”); programmet visar inte om det ska vara ”Arbets-förmedlingen”")
    assert (summary(result).render("en"), summary(result).render("sv")) == (
        "extracted 3 amendments of Kommunstyrelsen 2025-11-05 § 12",
        "tog fram 3 ändringsförslag ur Kommunstyrelsen 2025-11-05 § 12")
    assert summary(result, "p.yaml").render("sv") == "tog fram 3 ändringsförslag ur Kommunstyrelsen 2025-11-05 § 12; " \
                                                      "skrev p.yaml"
    assert (need_a_human(result).render("en"), need_a_human(result).render("sv")) == (
        "2 things need a human (see above)", "2 saker måste granskas av en människa (se ovan)")
    with language("sv"):
        comments = report_comments(result, "s.txt")
    assert comments[:2] == ("Framtagen med `amend extract` ur s.txt; kontrollera den mot protokollet.",
                            "INTE MED I DEN HÄR PATCHEN ELLER INTE KONTROLLERAT - måste granskas av en människa:")
    assert "Kontrollera mot protokollet:" in comments and "Avslagna förslag (inte med i den här patchen):" in comments
    assert "  rad 47: Ändring 4: slog ihop ”Arbetsförmedlingen” över en radbrytning (”Arbets-” + ”förmedlingen”); " \
           "programmet visar inte om det ska vara ”Arbets-förmedlingen”" in comments


def _finding(findings, key):
    return next(f for f in findings if getattr(f.message, "key", None) == key)


def test_announced_count_and_proposals_in_both_languages(program):
    text = SYNTHETIC.read_text("utf-8").replace("följande fyra", "följande fem")
    f = _finding(extract(text, program, source="s.txt").needs_human, "extract.announced")
    assert str(f.message) == 'the decision announces 5 amendments ("följande fem ändringar") but 4 were found'
    assert f.message.render("sv") == "beslutet anger 5 ändringar (”följande fem ändringar”) men 4 hittades"
    text = SYNTHETIC.read_text("utf-8").replace(
        "anta programmet med följande fyra", "bifalla Anna Anderssons ändringsyrkande och anta programmet med "
        "följande fyra")
    f = _finding(extract(text, program, source="s.txt").needs_human, "extract.proposed.by_reference")
    assert f.message.render("en").endswith("but not in the decision, and the decision refers to a proposal")
    assert f.message.render("sv").endswith("men finns inte i beslutet, och beslutet hänvisar till ett förslag")


def test_readings_the_program_settles_or_cannot_in_both_languages(program):
    text = 'Ändring 1\nUnder rubriken Barn och unga i första stycket stryks "nästan".\n'
    f = _finding(extract(text, program, source="t.txt", decision=KS).notes, "extract.note.only_fitting_reading")
    assert f.message.render("en").endswith(": of the 3 ways to read it, the only one that matches the program")
    assert f.message.render("sv").startswith("lästes som ")
    assert f.message.render("sv").endswith(": av de 3 sätten att läsa den är det det enda som stämmer med programmet")
    text = 'Ändring 1\nUnder rubriken Samverkan i sista meningen stryks "finns inte".\n'
    f = _finding(extract(text, program, source="t.txt", decision=KS).needs_human, "extract.reads_ways_none_fits")
    assert f.message.render("en").startswith("this reads 3 ways (")
    assert f.message.render("sv").startswith("den kan läsas på 3 sätt (")
    assert f.message.render("sv").endswith(") och inget stämmer med programmet")


def test_nothing_written_in_both_languages(program):
    result = extract("Beslut\nProgrammet antas.\n", program, source="t.txt", decision=KS)
    assert result.patch.amendments == () and result.complete
    assert nothing_written(result).render("en") == ("nothing was written: no amendment in the minutes of KS 2025-01-01 "
                                                    "could be read (the decision holds no amendment to the program)")
    assert nothing_written(result).render("sv") == ("ingenting skrevs: inget ändringsförslag i protokollet från KS "
                                                    "2025-01-01 kunde läsas (beslutet innehåller inget "
                                                    "ändringsförslag till programmet)")


# ---------------------------------------------------------------- what the minutes' wording cannot be

@pytest.mark.parametrize(("text", "key", "sv"), [
    ("Riktlinjen antas i enlighet med bilaga 1 till yrkandet från S, V och MP.", "extract.cannot.in_yrkande",
     "texten finns i ett yrkande, inte i protokollet"),
    ("Riktlinjen kompletteras i enlighet med vad som framgår av stadsledningskontorets tjänsteutlåtande.",
     "extract.cannot.in_attachment", "texten finns i en bilaga, inte i protokollet"),
    ("Riktlinjen revideras genom att antalet grupper minskas från fyra till tre.", "extract.cannot.described",
     "inga exakta ord: ändringen beskrivs men formuleras inte"),
    ("Namnet på riktlinjen ändras till ”Riktlinje för ersättningar”.", "extract.cannot.title",
     "den ändrar dokumentets titel, vilket ingen ändringsoperation gör"),
    ("Nämnden får i uppdrag att stryka ”i undantagsfall” i riktlinjen.", "extract.cannot.assignment",
     "ett uppdrag till någon annan att göra ändringen; beslutet ändrar ingen text"),
    ("Riktlinjen återremitteras i syfte att ändra från ”årligen” till ”vartannat år”.", "extract.cannot.sent_back",
     "återremiss: ärendet skickas tillbaka för att arbetas om; beslutet ändrar ingen text"),
    ("I stadsbyggnadsnämndens reglemente stryks ”årligen”.", "extract.cannot.other_document",
     "gäller ett annat dokument (stadsbyggnadsnämndens reglemente), inte Riktlinje för arvoden"),
    ("Under rubriken Finns inte stryks ”årligen”.", "extract.cannot.no_heading",
     "programmet har ingen rubrik ”Finns inte”"),
    ("Första meningen under Uppföljning får följande lydelse: ”Riktlinjen följs upp.”",
     "extract.cannot.old_not_quoted",
     "den gamla lydelsen är inte citerad: den nya lydelsen anges, men inte texten den ersätter"),
    ("”Dokumentationen sparas” läggs till.", "extract.cannot.no_place_for_text",
     "ingen plats anges: det sägs inte var texten ska stå"),
    ("I kapitel 2 § 99 stryks ”årligen”.", "extract.cannot.no_section", "programmet har inget avsnitt för "
     "kapitel 2 § 99"),
    ("Riktlinjen tillstyrks med tillägget att nämnden rapporterar ”årligen”.", "extract.cannot.condition",
     "ingen ändring i ett dokuments text: ett villkor som läggs till godkännandet"),
])
def test_changes_no_patch_can_carry_say_why_in_both_languages(text, key, sv):
    result = wording.read(text, PROGRAM)
    assert isinstance(result, wording.Cannot) and result.reason.key == key, result
    assert result.reason.render("sv") == sv
    assert result.reason.render("en") != sv


def test_wording_that_disagrees_with_the_amendment_in_both_languages():
    data = {"program": "l", "base": "v1", "produces": "v2", "decision": KS, "amendments": [
        {"id": "a", "text": "Under rubriken Mål, i tredje punkten stryks.", "at": {"heading": "Mål", "item": 2},
         "delete_item": True},
        {"id": "b", "text": "Under rubriken Mål, i tredje punkten stryks.", "at": {"heading": "Mål"},
         "add_item": "Fyra"}]}
    scope, operation = (agreement.disagreement(am, LIST) for am in patch_from_data(data, {}, "p.yaml").amendments)
    assert scope.render("en") == "the wording says item 3, the amendment's scope says item 2"
    assert scope.render("sv") == "lydelsen säger punkt 3, ändringens avgränsning säger punkt 2"
    assert operation.render("en") == "the wording strikes text, but the operation add_item adds it"
    assert operation.render("sv") == "lydelsen stryker text, men operationen add_item lägger till den"


# ---------------------------------------------------------------- describe


def test_describe_refuses_in_both_languages():
    data = {"program": "valdsforebyggande-2025-2027", "base": "proposed", "produces": "adopted", "decision": KS,
            "amendments": [{"id": "ny", "add_section": {"heading": "Nytt", "level": 2, "content": ["Ett.", "Två."]}}]}
    with pytest.raises(AmendError) as err:
        describe_patch(patch_from_data(data, {}, "p.yaml"), "sv")
    assert err.value.render("en").startswith("p.yaml:1: ny: cannot be worded in sv: the sv grammar has no wording for ")
    assert err.value.render("sv").startswith("p.yaml:1: ny: kan inte formuleras på sv: grammatiken för sv har ingen "
                                             "formulering för ")
