"""The instruction grammars, table-driven: every phrase the tables know, read as
written and read again as copied out of a PDF (hard line breaks, a word
hyphenated at a line end). Adding a phrase to grammar_sv.yaml / grammar_en.yaml
means adding a case here; test_every_table_entry_has_a_case checks that."""
from __future__ import annotations

import re

import pytest

from amend.extract.grammar import grammar
from amend.extract.textlines import Line, join_lines
from amend.extract.tokenize import tokenize

SV = [
    # --- the two Tillägg of Alingsås KSAU 2025-10-22 § 170
    ('På sidan 6, under rubriken Samverkan, i sista meningen efter "mellan mellan olika förvaltningar i kommunen" '
     'läggs följande till: "samt med de fackliga parterna".',
     {"at": {"page": 6, "heading": "Samverkan", "sentence": "last"},
      "after": "mellan mellan olika förvaltningar i kommunen", "insert": "samt med de fackliga parterna"}),
    ("På sidan 8, tredje kolumnen läggs en punkt till: Fackliga parter erbjuds basutbildning.",
     {"at": {"page": 8, "column": 3}, "add_item": "Fackliga parter erbjuds basutbildning."}),
    # --- scopes
    ('Sidan 5, i första stycket stryks "och människohandel".',
     {"at": {"page": 5, "paragraph": 1}, "delete": "och människohandel"}),
    ('Under rubriken Målgrupper, andra punkten, ersätts "upplever" med "bevittnar".',
     {"at": {"heading": "Målgrupper", "item": 2}, "replace": "upplever", "with": "bevittnar"}),
    ('I avsnittet Samverkan, i tredje punkten stryks "främst".',
     {"at": {"heading": "Samverkan", "item": 3}, "delete": "främst"}),
    ('På sidan 8, i andra kolumnen, "erbjuds" ersätts med "ska erbjudas".',
     {"at": {"page": 8, "column": 2}, "replace": "erbjuds", "with": "ska erbjudas"}),
    ('På sidan 8, i kolumnen Chefer läggs en punkt till: Chefer följer upp utbildningen.',
     {"at": {"page": 8, "column": "Chefer"}, "add_item": "Chefer följer upp utbildningen."}),
    ('I tabellens andra rad ersätts "stöd och den hjälp" med "stöd".',
     {"at": {"row": 2}, "replace": "stöd och den hjälp", "with": "stöd"}),
    ('I andra raden under rubrikraden ersätts "stöd och den hjälp" med "stöd".',
     {"at": {"row": 2}, "replace": "stöd och den hjälp", "with": "stöd"}),
    ('I fjärde raden i tabellen stryks "en lägesbild och".', {"at": {"row": 4}, "delete": "en lägesbild och"}),
    ('Andra stycket, "ofta" stryks.', {"at": {"paragraph": 2}, "delete": "ofta"}),
    ('I stycke 3 stryks "relevant".', {"at": {"paragraph": 3}, "delete": "relevant"}),
    ('I punkt 2 stryks "främst".', {"at": {"item": 2}, "delete": "främst"}),
    ('Första punkten, "inom ramen för" ersätts med "enligt".',
     {"at": {"item": 1}, "replace": "inom ramen för", "with": "enligt"}),
    ('I andra meningen ändras från "tre" till "fyra".', {"at": {"sentence": 2}, "replace": "tre", "with": "fyra"}),
    ('Sista meningen, "regelbundet" stryks.', {"at": {"sentence": "last"}, "delete": "regelbundet"}),
    ('I mening 3 stryks "samlat".', {"at": {"sentence": 3}, "delete": "samlat"}),
    ('I 3:e meningen stryks "samlat".', {"at": {"sentence": 3}, "delete": "samlat"}),
    ('På sidan 6, på det andra stället där det förekommer "och" stryks.',
     {"at": {"page": 6, "occurrence": 2}, "delete": "och"}),
    ('På sidan 6, rad 12, efter "förvaltningar" läggs följande till: "och bolag".',
     {"at": {"page": 6, "line": 12}, "after": "förvaltningar", "insert": "och bolag"}),
    ('På rad 4 stryks "alla".', {"at": {"line": 4}, "delete": "alla"}),
    # --- adding text
    ('I sista meningen före "mellan olika" läggs följande till: "och".',
     {"at": {"sentence": "last"}, "before": "mellan olika", "insert": "och"}),
    ('Efter orden "våldsutsatta vuxna" ska läggas till: "och äldre".',
     {"after": "våldsutsatta vuxna", "insert": "och äldre"}),
    ('Före ordet "samordnat" infogas: "väl".', {"before": "samordnat", "insert": "väl"}),
    ('I första stycket läggs följande mening till: "Arbetet följs upp varje år."',
     {"at": {"paragraph": 1}, "insert": "Arbetet följs upp varje år."}),
    ('Efter "kommunen" läggs följande mening till: "Detta gäller även bolagen."',
     {"after": "kommunen", "insert": "Detta gäller även bolagen."}),
    ('I sista stycket läggs följande till: "Uppföljningen publiceras."',
     {"at": {"paragraph": "last"}, "insert": "Uppföljningen publiceras."}),
    ('I sista stycket ska följande läggas till: "Uppföljningen publiceras."',
     {"at": {"paragraph": "last"}, "insert": "Uppföljningen publiceras."}),
    # --- list items and paragraphs
    ("Under rubriken Samverkan läggs följande punkt till: Arbetsförmedlingen.",
     {"at": {"heading": "Samverkan"}, "add_item": "Arbetsförmedlingen."}),
    ("Under rubriken Samverkan tillkommer en ny punkt: Arbetsförmedlingen.",
     {"at": {"heading": "Samverkan"}, "add_item": "Arbetsförmedlingen."}),
    ('Under rubriken Samverkan läggs en ny första punkt till: "Socialtjänsten"',
     {"at": {"heading": "Samverkan"}, "position": 1, "add_item": "Socialtjänsten"}),
    ('Efter punkten "Polisen" läggs en punkt till: Tullverket.',
     {"after_item": "Polisen", "add_item": "Tullverket."}),
    ("Under rubriken ”Barn och unga” efter första stycket läggs ett nytt stycke till: Skolan ska arbeta.",
     {"at": {"heading": "Barn och unga", "paragraph": 1}, "add_paragraph": "Skolan ska arbeta."}),
    ("Under rubriken Barn och unga läggs ett nytt stycke till: Skolan ska arbeta med normer.",
     {"at": {"heading": "Barn och unga"}, "add_paragraph": "Skolan ska arbeta med normer."}),
    ('Efter stycket som börjar med "Samverkan med civilsamhället" läggs ett nytt stycke till: Ny text.',
     {"after": "Samverkan med civilsamhället", "add_paragraph": "Ny text."}),
    # --- striking out
    ('"och förtryck" stryks.', {"delete": "och förtryck"}),
    ('"och förtryck" tas bort.', {"delete": "och förtryck"}),
    ('"och förtryck" utgår.', {"delete": "och förtryck"}),
    ('Orden "och förtryck" ska strykas.', {"delete": "och förtryck"}),
    ('I andra meningen stryks ordet "särskilt".', {"at": {"sentence": 2}, "delete": "särskilt"}),
    ('Punkten som börjar med "Länsstyrelsen" stryks.', {"delete_item": "Länsstyrelsen"}),
    ('Stycket som börjar med "Samverkan med civilsamhället" tas bort.',
     {"delete_paragraph": "Samverkan med civilsamhället"}),
    ("Avsnittet Barn och unga utgår.", {"delete_section": "Barn och unga"}),
    ("Rubriken Tertiär prevention med tillhörande text stryks.", {"delete_section": "Tertiär prevention"}),
    ("Under rubriken Samverkan, fjärde punkten stryks.",
     {"at": {"heading": "Samverkan", "item": 4}, "delete_item": True}),
    ("På sidan 3, andra stycket utgår.", {"at": {"page": 3, "paragraph": 2}, "delete_paragraph": True}),
    ("Under rubriken Tertiär prevention tas bort.", {"at": {"heading": "Tertiär prevention"},
                                                      "delete_section": True}),
    # what describe writes: the struck part said in words (issue 13: not "i andra stycket stryks.")
    ("På sidan 2, under rubriken ”Inledning” stryks andra stycket.",
     {"at": {"page": 2, "heading": "Inledning", "paragraph": 2}, "delete_paragraph": True}),
    ("Andra stycket stryks.", {"at": {"paragraph": 2}, "delete_paragraph": True}),
    ("Under rubriken ”Mål” stryks tredje punkten.", {"at": {"heading": "Mål", "item": 3}, "delete_item": True}),
    ("Tredje punkten tas bort.", {"at": {"item": 3}, "delete_item": True}),
    ("Under rubriken ”Samverkan” stryks hela avsnittet.", {"at": {"heading": "Samverkan"}, "delete_section": True}),
    # --- replacing
    ('"tre" ersätts med "fyra".', {"replace": "tre", "with": "fyra"}),
    ('"tre områden" ska ersättas med följande text: "fyra områden".', {"replace": "tre områden",
                                                                         "with": "fyra områden"}),
    ('"tre" ska ersättas med "fyra".', {"replace": "tre", "with": "fyra"}),
    ('Ändras från "tre" till "fyra".', {"replace": "tre", "with": "fyra"}),
    ('"tre" ändras till "fyra".', {"replace": "tre", "with": "fyra"}),
    ('"tre" ska bytas ut mot "fyra".', {"replace": "tre", "with": "fyra"}),
    ('"tre" byts ut mot "fyra".', {"replace": "tre", "with": "fyra"}),
    ('I första meningen ersätts "tre" med "fyra".', {"at": {"sentence": 1}, "replace": "tre", "with": "fyra"}),
    ("Under rubriken Samverkan ska texten ersättas med följande text: Kommunen samverkar brett.",
     {"at": {"heading": "Samverkan"}, "replace_section_text": "Kommunen samverkar brett."}),
    ("Texten under rubriken Samverkan ska ersättas med följande text: Kommunen samverkar brett.",
     {"at": {"heading": "Samverkan"}, "replace_section_text": "Kommunen samverkar brett."}),
    # --- sections
    ("Efter avsnittet Samverkan läggs ett nytt avsnitt till med rubriken Fackliga parter och följande text: "
     "Kommunen samverkar med de fackliga parterna.",
     {"after_section": "Samverkan", "add_section": {"heading": "Fackliga parter",
                                                     "content": ["Kommunen samverkar med de fackliga parterna."]}}),
    ('Läggs ett nytt avsnitt till med rubriken "Ord och begrepp" och följande text: "Se bilaga."',
     {"add_section": {"heading": "Ord och begrepp", "content": ["Se bilaga."]}}),
    ("Efter avsnittet ”Samverkan” läggs ett nytt avsnitt till med rubriken ”Fackliga parter” på rubriknivå 3 och "
     "följande text: ”Kommunen samverkar.”",
     {"after_section": "Samverkan", "add_section": {"heading": "Fackliga parter", "level": 3,
                                                     "content": ["Kommunen samverkar."]}}),
    ('Läggs ett nytt avsnitt till med rubriken "Ord" på rubriknivå 2 och följande text: "Se bilaga."',
     {"add_section": {"heading": "Ord", "level": 2, "content": ["Se bilaga."]}}),
    # --- typographic quotes, as in most minutes
    ("På sidan 6 ersätts \u201dtre\u201d med \u201dfyra\u201d.", {"at": {"page": 6}, "replace": "tre",
                                                                     "with": "fyra"}),
    ("På sidan 6 ersätts \u201etre\u201c med \u00bbfyra\u00bb.", {"at": {"page": 6}, "replace": "tre",
                                                                     "with": "fyra"}),
]

EN = [
    ('Page 6, line 12, leave out "mellan olika" and insert "between".',
     {"at": {"page": 6, "line": 12}, "replace": "mellan olika", "with": "between"}),
    ('Page 6, line 14, after "kommunen" insert "and its companies".',
     {"at": {"page": 6, "line": 14}, "after": "kommunen", "insert": "and its companies"}),
    # Westminster amendment papers name the bill's clause first (bills.parliament.uk, Safety of Rwanda Bill,
    # Committee of the whole House, amendment 38 by Yvette Cooper)
    ('Clause 5, page 5, line 23, after “person” insert “in consultation with the Attorney General.”',
     {"at": {"page": 5, "line": 23, "clause": 5}, "after": "person",
      "insert": "in consultation with the Attorney General."}),
    ('Page 7, in the last sentence, at end insert "in all schools".',
     {"at": {"page": 7, "sentence": "last"}, "insert": "in all schools"}),
    ('In the first paragraph, at the end add "Reviewed yearly."',
     {"at": {"paragraph": 1}, "insert": "Reviewed yearly."}),
    ('Page 3, line 4, leave out from "the" to "children".',
     {"at": {"page": 3, "line": 4}, "range_from": "the", "range_to": "children"}),
    ('Page 3, leave out from "the" to "children" and insert "everyone".',
     {"at": {"page": 3}, "range_from": "the", "range_to": "children", "with": "everyone"}),
    ('Strike "three" and insert "four".', {"replace": "three", "with": "four"}),
    # Hansard (issue 13)
    ('Page 1, line 3, to leave out "three" and to insert "four".', {"at": {"page": 1, "line": 3}, "replace": "three",
                                                                     "with": "four"}),
    ('Page 1, to leave out "three" and insert "four".', {"at": {"page": 1}, "replace": "three", "with": "four"}),
    ('Page 1, to leave out "three".', {"at": {"page": 1}, "delete": "three"}),
    ('In the first paragraph, at the end add the following: "Reviewed yearly."',
     {"at": {"paragraph": 1}, "insert": "Reviewed yearly."}),
    ('In the first paragraph, at the end insert the following: "Reviewed yearly."',
     {"at": {"paragraph": 1}, "insert": "Reviewed yearly."}),
    ("Page 1, leave out ``three'' and insert ``four''.", {"at": {"page": 1}, "replace": "three", "with": "four"}),
    ('Strike out "three" and insert "four".', {"replace": "three", "with": "four"}),
    ('Delete "three" and insert "four".', {"replace": "three", "with": "four"}),
    ('On page 6, line 3, leave out "regularly".', {"at": {"page": 6, "line": 3}, "delete": "regularly"}),
    ('In page 6, strike "regularly".', {"at": {"page": 6}, "delete": "regularly"}),
    ('Page 6, before "olika" insert "alla".', {"at": {"page": 6}, "before": "olika", "insert": "alla"}),
    ('Insert "alla" before "olika".', {"before": "olika", "insert": "alla"}),
    ('Insert "bolag" after "förvaltningar".', {"after": "förvaltningar", "insert": "bolag"}),
    ("In line 9, leave out \u2018the\u2019.", {"at": {"line": 9}, "delete": "the"}),
    # --- scopes
    ('Under the heading Samverkan, in the second bullet point, leave out "främst".',
     {"at": {"heading": "Samverkan", "item": 2}, "delete": "främst"}),
    ('In the section headed Barn och unga, in the second sentence, leave out "nästan".',
     {"at": {"heading": "Barn och unga", "sentence": 2}, "delete": "nästan"}),
    ('Page 8, in the third column, insert the following bullet point: Trade unions are offered training.',
     {"at": {"page": 8, "column": 3}, "add_item": "Trade unions are offered training."}),
    ('Page 8, in column 2, leave out "fördjupad".', {"at": {"page": 8, "column": 2}, "delete": "fördjupad"}),
    ('In the column headed Chefer, add item: Chefer följer upp.',
     {"at": {"column": "Chefer"}, "add_item": "Chefer följer upp."}),
    ('In the second row of the table, leave out "och den hjälp".', {"at": {"row": 2}, "delete": "och den hjälp"}),
    ('In the second row under the header row, leave out "och den hjälp".',
     {"at": {"row": 2}, "delete": "och den hjälp"}),
    ('In row 3, leave out "alla".', {"at": {"row": 3}, "delete": "alla"}),
    ('In paragraph 2, leave out "ofta".', {"at": {"paragraph": 2}, "delete": "ofta"}),
    ('In the 2nd item, leave out "främst".', {"at": {"item": 2}, "delete": "främst"}),
    ('In item 2, leave out "främst".', {"at": {"item": 2}, "delete": "främst"}),
    ('In sentence 3, leave out "samlat".', {"at": {"sentence": 3}, "delete": "samlat"}),
    ('Page 6, in the second place where it occurs, leave out "och".',
     {"at": {"page": 6, "occurrence": 2}, "delete": "och"}),
    # --- items, paragraphs, sections
    ('Under the heading Samverkan, insert the following bullet point as the first bullet point: "Polisen"',
     {"at": {"heading": "Samverkan"}, "position": 1, "add_item": "Polisen"}),
    ('After the bullet point beginning "Polisen" insert the following new bullet point: Tullverket.',
     {"after_item": "Polisen", "add_item": "Tullverket."}),
    ("Under the heading Barn och unga, insert the following paragraph: Schools work with norms.",
     {"at": {"heading": "Barn och unga"}, "add_paragraph": "Schools work with norms."}),
    ('After the paragraph beginning "Samverkan med" insert the following paragraph: New text.',
     {"after": "Samverkan med", "add_paragraph": "New text."}),
    ('Leave out the bullet point beginning "Länsstyrelsen".', {"delete_item": "Länsstyrelsen"}),
    ('Leave out the paragraph beginning "Samverkan med".', {"delete_paragraph": "Samverkan med"}),
    ("Page 4, leave out the section headed Barn och unga.", {"at": {"page": 4},
                                                             "delete_section": "Barn och unga"}),
    ("Under the heading Samverkan, leave out the fourth bullet point.",
     {"at": {"heading": "Samverkan", "item": 4}, "delete_item": True}),
    ("Page 3, leave out the second paragraph.", {"at": {"page": 3, "paragraph": 2}, "delete_paragraph": True}),
    ("In the second bullet point, leave out the bullet point.", {"at": {"item": 2}, "delete_item": True}),
    ("In paragraph 2, leave out the paragraph.", {"at": {"paragraph": 2}, "delete_paragraph": True}),
    ("Under the heading Tertiär prevention, leave out the section.",
     {"at": {"heading": "Tertiär prevention"}, "delete_section": True}),
    ("Under the heading Samverkan, leave out the text and insert: The council works with everyone.",
     {"at": {"heading": "Samverkan"}, "replace_section_text": "The council works with everyone."}),
    ("After the section headed Samverkan insert a new section headed Trade unions with the text: "
     "The council works with the unions.",
     {"after_section": "Samverkan", "add_section": {"heading": "Trade unions",
                                                     "content": ["The council works with the unions."]}}),
    ('At end insert a new section headed Glossary with the text: "See annex."',
     {"add_section": {"heading": "Glossary", "content": ["See annex."]}}),
    ('After the section headed "Samverkan" insert a new section headed "Trade unions" at heading level 3 with the '
     'text: "The council works with the unions."',
     {"after_section": "Samverkan", "add_section": {"heading": "Trade unions", "level": 3,
                                                     "content": ["The council works with the unions."]}}),
    ('At end insert a new section headed "Glossary" at heading level 2 with the text: "See annex."',
     {"add_section": {"heading": "Glossary", "level": 2, "content": ["See annex."]}}),
]

CASES = [("sv", t, e) for t, e in SV] + [("en", t, e) for t, e in EN]


def expected_reading(expected: dict) -> tuple:
    """Split an expected dict into (patch data without line, line)."""
    expected = {k: (dict(v) if isinstance(v, dict) else v) for k, v in expected.items()}
    line = expected.get("at", {}).pop("line", None)
    expected.get("at", {}).pop("clause", None)  # like the line, not in the patch format
    if "at" in expected and not expected["at"]:
        del expected["at"]
    return expected, line


HYPHENATABLE = re.compile(r"(?<![\w-])[a-zåäöé]{6,}(?!\w)")  # a long lower-case word


def as_from_pdf(text: str) -> list[str]:
    """The instruction as a PDF copy gives it: broken into short lines, and its
    longest lower-case word (quoted or not) hyphenated across a line end."""
    words = list(HYPHENATABLE.finditer(text))
    if words:
        m = max(words, key=lambda m: len(m.group()))
        text = text[: m.start() + 3] + "-\n" + text[m.start() + 3:]
    width = max(8, min(28, len(text) // 3))
    lines = []
    for part in text.split("\n"):
        current = ""
        for w in part.split(" "):
            if current and len(current) + len(w) > width:
                lines.append(current.rstrip())
                current = ""
            current += w + " "
        lines.append(current.rstrip())
    return [ln for ln in lines if ln]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_phrase_reads_as_written(lang, text, expected):
    g = grammar(lang)
    readings = g.read(text).readings
    want, line = expected_reading(expected)
    assert [r.patch_data() for r in readings] == [want]
    assert readings[0].line == line


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_phrase_reads_from_pdf_lines(lang, text, expected):
    g = grammar(lang)
    lines = as_from_pdf(text)
    assert len(lines) > 2
    assert any(ln.endswith("-") for ln in lines) or not HYPHENATABLE.search(text)
    joined, _, _ = join_lines([Line(i + 1, ln) for i, ln in enumerate(lines)],
                           g.protocol.get("keep_hyphen_before") or ())
    assert joined == text  # line breaks and hyphenation undone exactly
    want, line = expected_reading(expected)
    assert [r.patch_data() for r in g.read(joined).readings] == [want]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_ordinal_word_and_digit_form(lang):
    g = grammar(lang)
    phrase = {"sv": 'I {} meningen stryks "x".', "en": 'In the {} sentence, leave out "x".'}[lang]
    forms = dict(g.ordinals)
    forms.update({"7:e" if lang == "sv" else "7th": 7, "12": 12, "2:a" if lang == "sv" else "2nd": 2})
    assert len([w for w in g.ordinals if g.ordinals[w] != "last"]) == 10  # första … tionde / first … tenth
    for word, n in forms.items():
        readings = g.read(phrase.format(word)).readings
        assert [r.scope for r in readings] == [{"sentence": n}], word


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_table_entry_has_a_case(lang):
    g = grammar(lang)
    texts = [t for case_lang, t, _ in CASES if case_lang == lang]
    token_lists = [(t, tokenize(t)) for t in texts]
    unused = []
    for rule in g.scopes + g.operations:
        if not any(any(True for _ in g._match(rule.elems, toks, t, pos, {})) for t, toks in token_lists
                   for pos in range(len(toks))):
            unused.append(rule.phrase)
    assert unused == []


def test_hyphen_kept_where_it_belongs():
    keep = grammar("sv").protocol["keep_hyphen_before"]
    join = lambda *ls: join_lines([Line(i, t) for i, t in enumerate(ls)], keep)[0]  # noqa: E731
    assert join("ett stort samhälls-", "och folkhälsoproblem") == "ett stort samhälls- och folkhälsoproblem"
    assert join("med HR-", "avdelningen") == "med HR-avdelningen"
    assert join("perioden 2025-", "2027") == "perioden 2025-2027"
    assert join("perioden 2025\u2013", "2027") == "perioden 2025\u20132027"
    assert join("förvalt-", "ningar") == "förvaltningar"
    assert join("förvalt\u00ad", "ningar") == "förvaltningar"
    assert join("ett –", "två") == "ett – två"


@pytest.mark.parametrize("lang,text", [
    ("sv", "På sidan 4 ska texten om hedersrelaterat våld förtydligas."),
    ("sv", 'På sidan 6 efter "x" läggs följande till "y" och "z".'),
    ("sv", 'På sidan 6 stryks "x'),  # unclosed quotation
    ("en", 'Page 4, line 2, make "x" clearer.'),
    ("en", 'Page 4, page 5, leave out "x".'),  # two pages: not one reading
])
def test_what_does_not_read(lang, text):
    g = grammar(lang)
    try:
        readings = g.read(text).readings
    except ValueError:
        readings = []
    assert readings == []
