"""The core's messages in both languages (issue 10): every way an amendment fails to resolve,
apply or chain, rendered in English (as before) and in Swedish, on one small program."""
from __future__ import annotations

import pytest
import yaml

from amend import errors
from amend.apply import apply_patch, check_chain
from amend.load import load_patch, load_program
from amend.messages import language
from amend.model import Scope
from amend.resolve import resolve

PROGRAM = """\
program: {id: prov, title: Prov, version: v0}
sections:
- heading: Inledning
  level: 1
  page: 1
  content:
  - Kommunen arbetar med samverkan. Vi samverkar med alla.
  - Se bilaga A.
  - bullets: [Punkt ett om skolan., Punkt två om vården.]
  - numbered: [Steg ett.]
  - table:
      header: [Mål, Indikator]
      rows:
      - [Mål ett, Indikator ett]
  - Han sa "Vi ska samverka." Sedan gick han.
  - Vi samverkar med …
  - Mötet hålls den 3 nov. Alla kommer.
- heading: Samverkan
  level: 2
  page: 2
  content:
  - Samverkan sker i nätverk. Nätverket träffas ofta.
  - columns:
    - heading: Chefer
      content: [Chefer leder arbetet., {bullets: [Chefspunkt.]}]
    - heading: Medarbetare
      content: [Medarbetare deltar.]
  - table:
      header: [Mål, Indikator]
      rows:
      - [Andra målet, Andra indikatorn]
  - paragraph: Samverkan fortsätter på nästa sida.
    page: 3
- heading: Samverkan
  level: 2
  page: 3
  content: [Samverkan igen på sidan tre.]
- heading: Uppföljning
  level: 1
  page: 3
  content:
  - Uppföljningen görs årligen.
  - columns:
    - heading: Chefer
      content: [Chefer följer upp.]
    - heading: Politiker
      content: [{bullets: [Politikerna får en rapport.]}]
- heading: Bilaga
  level: 1
  page: 3
  content:
  - columns:
    - heading: Chefer
      content: [Chefer i bilagan.]
    - heading: Övriga
      content: [Övriga i bilagan.]
- heading: Ansvar
  level: 1
  page: 5
  content: [Arbetet leds bl.a. Polisen och regionen deltar. Kommunen ansvarar.]
- heading: Avslutning
  level: 1
  page: 5
  content:
  - Avslut med tack. Avslut igen.
  - Avslut till sist m.m. Kommunen tackar.
"""


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    path = tmp_path_factory.mktemp("core") / "prog.yaml"
    path.write_text(PROGRAM, encoding="utf-8")
    return load_program(path)


def _patch(folder, amendments, name="p.yaml", base="v0", produces="v1", program="prov"):
    data = {"program": program, "base": base, "produces": produces,
            "decision": {"body": "KF", "date": "2026-01-01"},
            "amendments": [{"id": f"a{n + 1}", **a} for n, a in enumerate(amendments)]}
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_patch(path)


def _said(err: errors.AmendError, lang: str) -> str:
    """The message without its frame (file:line: amendment:)."""
    text = err.render(lang)
    return text.split(": a1: ", 1)[1] if ": a1: " in text else text.split(": ", 1)[1]


# (what it tests: the message key, the amendment, the error, English, Swedish)
CASES = [
    ('core.page_missing', {'at': {'page': 9}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     'page 9 does not exist (the program has 5 pages)',
     'sidan 9 finns inte (programmet har 5 sidor)'),
    ('core.heading_repeated', {'at': {'heading': 'Samverkan'}, 'after': 'x', 'insert': 'y'}, errors.AmbiguousAnchor,
     "the heading 'Samverkan' occurs 2 times (page 2, page 3); give the page to say which",
     'rubriken ”Samverkan” förekommer 2 gånger (sidan 2, sidan 3); ange sidan för att säga vilken som menas'),
    ('core.column_heading_repeated', {'at': {'heading': 'Chefer'}, 'after': 'x', 'insert': 'y'}, errors.AmbiguousAnchor,
     "the column heading 'Chefer' occurs 3 times ; give the page",
     'kolumnrubriken ”Chefer” förekommer 3 gånger; ange sidan'),
    ('guards.column_heading_repeated_sections',  # review 5 M7: the page is given, so "give the page" cannot help
     {'at': {'page': 3, 'heading': 'Chefer'}, 'after': 'x', 'insert': 'y'}, errors.AmbiguousAnchor,
     "the column heading 'Chefer' occurs 2 times on page 3 (the columns that start \"Chefer följer upp.\"; the "
     "columns that start \"Chefer i bilagan.\"), so the page cannot say which; give the heading of the section and "
     "the column: heading: SECTION, column: Chefer",
     'kolumnrubriken ”Chefer” förekommer 2 gånger på sidan 3 (kolumnerna som börjar ”Chefer följer upp.”; '
     'kolumnerna som börjar ”Chefer i bilagan.”), så sidan kan inte säga vilken som menas; ange avsnittets rubrik '
     'och kolumnen: heading: AVSNITT, column: Chefer'),
    ('core.heading_elsewhere',
     {'at': {'page': 1, 'heading': 'Uppföljning'}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no heading 'Uppföljning' on page 1: it is on page 3",
     'det finns ingen rubrik ”Uppföljning” på sidan 1: den finns på sidan 3'),
    ('core.heading_missing', {'at': {'heading': 'Zebra'}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no heading 'Zebra'",
     'det finns ingen rubrik ”Zebra”'),
    ('core.heading_missing_near', {'at': {'heading': 'Uppföljnin'}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no heading 'Uppföljnin' (headings that are close: 'Uppföljning' (page 3))",
     'det finns ingen rubrik ”Uppföljnin” (rubriker som liknar den: ”Uppföljning” (sidan 3))'),
    ('core.no_columns', {'at': {'heading': 'Avslutning', 'column': 1}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there are no columns under 'Avslutning'",
     'det finns inga kolumner under rubriken ”Avslutning”'),
    ('core.layouts_repeated',  # in two sections: the heading tells them apart (in one: review 5 M7)
     {'at': {'page': 3, 'column': 1}, 'after': 'x', 'insert': 'y'}, errors.AmbiguousAnchor,
     "2 column layouts or tables are on page 3 (page 3, under 'Uppföljning', column 1, paragraph 1; page 3, under "
     "'Bilaga', column 1, paragraph 1); give the heading to say which",
     'på sidan 3 finns 2 kolumnuppställningar eller tabeller (sidan 3, under rubriken ”Uppföljning”, kolumn 1, '
     'stycke 1; sidan 3, under rubriken ”Bilaga”, kolumn 1, stycke 1); ange rubriken för att säga vilken som menas'),
    ('core.column_missing',
     {'at': {'heading': 'Inledning', 'column': 5, 'row': 1}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "column 5 does not exist under 'Inledning' (there are 2 columns)",
     'kolumn 5 finns inte under rubriken ”Inledning” (det finns 2 kolumner)'),
    ('core.column_not_single',
     {'at': {'heading': 'Uppföljning', 'column': 'Zebra'}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "no single column headed 'Zebra' under 'Uppföljning' (column headings: 'Chefer', 'Politiker')",
     'det finns inte en enda kolumn med rubriken ”Zebra” under rubriken ”Uppföljning” (kolumnrubriker: '
     '”Chefer”, ”Politiker”)'),
    ('core.no_table', {'at': {'heading': 'Uppföljning', 'row': 1}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no table under 'Uppföljning'",
     'det finns ingen tabell under rubriken ”Uppföljning”'),
    ('core.row_missing',
     {'at': {'heading': 'Inledning', 'column': 1, 'row': 4}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "row 4 does not exist under 'Inledning' in the 1st column (the table has 1 rows below its header)",
     'rad 4 finns inte under rubriken ”Inledning” i första kolumnen (tabellen har 1 rad under rubrikraden)'),
    ('core.row_needs_column',
     {'at': {'heading': 'Inledning', 'row': 1}, 'add_paragraph': 'Ny text.'}, errors.ScopeError,
     'a row of a table holds one cell per column: give the column too',
     'en rad i en tabell har en cell per kolumn: ange kolumnen också'),
    ('core.column_needs_row',
     {'at': {'heading': 'Inledning', 'column': 1}, 'add_paragraph': 'Ny text.'}, errors.ScopeError,
     'a column of a table holds one cell per row: give the row too',
     'en kolumn i en tabell har en cell per rad: ange raden också'),
    ('core.no_nth_paragraph',
     {'at': {'heading': 'Avslutning', 'paragraph': 5}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no 5th paragraph under 'Avslutning' (there are 2)",
     'det finns inget femte stycke under rubriken ”Avslutning” (det finns 2)'),
    ('core.hint_hidden',
     {'at': {'heading': 'Uppföljning', 'paragraph': 3}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no 3rd paragraph under 'Uppföljning' (there is 1; 1 more stand in columns or tables: give the column)",
     'det finns inget tredje stycke under rubriken ”Uppföljning” (det finns 1; ytterligare 1 står i '
     'kolumner eller tabeller: ange kolumnen)'),
    ('core.no_nth_item',
     {'at': {'heading': 'Avslutning', 'item': 2}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no 2nd item under 'Avslutning' (there are 0)",
     'det finns ingen andra punkt under rubriken ”Avslutning” (det finns 0)'),
    ('core.no_paragraph_for_sentence',
     {'at': {'heading': 'Uppföljning', 'column': 'Politiker', 'sentence': 1}, 'after': 'x', 'insert': 'y'},
     errors.ScopeError,
     "there is no paragraph under 'Uppföljning' in the 'Politiker' column to count sentences in (there is "
     '1 list item: name the item with item: N)',
     'det finns inget stycke under rubriken ”Uppföljning” i kolumnen ”Politiker” att räkna meningar i (det '
     'finns 1 punkt i en lista: ange punkten med item: N)'),
    ('core.no_nth_sentence',
     {'at': {'heading': 'Avslutning', 'sentence': 9}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no 9th sentence under 'Avslutning' (there are 2)",
     'det finns ingen nionde mening under rubriken ”Avslutning” (det finns 2)'),
    ('core.hint_items_not_counted',
     {'at': {'heading': 'Inledning', 'sentence': 20}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "there is no 20th sentence under 'Inledning' (there are 7; list items are not counted: name the item "
     'with item: N)',
     'det finns ingen 20:e mening under rubriken ”Inledning” (det finns 7; punkter i listor räknas inte: '
     'ange punkten med item: N)'),
    ('core.sentence_unclear',
     {'at': {'heading': 'Ansvar', 'sentence': 2}, 'after': 'Kommunen', 'insert': 'y'}, errors.AmbiguousAnchor,
     "which is the 2nd sentence under 'Ansvar' is unclear: 'bl.a.' may or may not end a sentence; drop "
     'sentence: and let the quoted words say where',
     'det är oklart vilken som är andra meningen under rubriken ”Ansvar”: ”bl.a.” kan avsluta en mening '
     'men behöver inte göra det; ta bort sentence: och låt de citerade orden visa var'),
    ('core.where.paragraph_on_page',
     {'at': {'heading': 'Avslutning'}, 'after': 'Samverkan fortsätter', 'insert': 'y'}, errors.OutOfScope,
     'the text "Samverkan fortsätter" is not under \'Avslutning\': found page 3, under \'Samverkan\', '
     'paragraph 1 on the page (2nd under the heading), sentence 1 of 1',
     'texten ”Samverkan fortsätter” finns inte under rubriken ”Avslutning”, men den finns på sidan 3, '
     'under rubriken ”Samverkan”, stycke 1 på sidan (andra under rubriken), mening 1 av 1'),
    ('core.column_not_single',  # a table's header cells are its column headings (review 5 M3)
     {'at': {'heading': 'Inledning', 'column': 'Zebra'}, 'after': 'x', 'insert': 'y'}, errors.ScopeError,
     "no single column headed 'Zebra' under 'Inledning' (column headings: 'Mål', 'Indikator')",
     'det finns inte en enda kolumn med rubriken ”Zebra” under rubriken ”Inledning” (kolumnrubriker: ”Mål”, '
     '”Indikator”)'),
    ('core.occurrence_missing',
     {'at': {'heading': 'Avslutning', 'paragraph': 1, 'occurrence': 3}, 'after': 'Avslut', 'insert': 'y'},
     errors.ScopeError,
     'the text "Avslut" occurs 2 times under \'Avslutning\' in the 1st paragraph, so occurrence 3 does not exist',
     'texten ”Avslut” förekommer 2 gånger under rubriken ”Avslutning” i första stycket, så förekomst 3 finns inte'),
    ('core.anchor_repeated',
     {'at': {'heading': 'Avslutning'}, 'after': 'Avslut', 'insert': 'y'}, errors.AmbiguousAnchor,
     'the text "Avslut" occurs 3 times under \'Avslutning\' (page 5, under \'Avslutning\', paragraph 1, '
     "sentence 1 of 1; page 5, under 'Avslutning', paragraph 1, sentence 1 of 1; page 5, under "
     "'Avslutning', paragraph 2, sentence 1 of 1); quote more words or set occurrence",
     'texten ”Avslut” förekommer 3 gånger under rubriken ”Avslutning” (sidan 5, under rubriken '
     '”Avslutning”, stycke 1, mening 1 av 1; sidan 5, under rubriken ”Avslutning”, stycke 1, mening 1 av '
     '1; sidan 5, under rubriken ”Avslutning”, stycke 2, mening 1 av 1); citera fler ord eller ange '
     'occurrence'),
    ('core.anchor_elsewhere',
     {'at': {'heading': 'Avslutning'}, 'after': 'Kommunen arbetar', 'insert': 'y'}, errors.OutOfScope,
     'the text "Kommunen arbetar" is not under \'Avslutning\': found page 1, under \'Inledning\', '
     'paragraph 1, sentence 1 of 2',
     'texten ”Kommunen arbetar” finns inte under rubriken ”Avslutning”, men den finns på sidan 1, under '
     'rubriken ”Inledning”, stycke 1, mening 1 av 2'),
    ('core.anchor_in_word', {'at': {'heading': 'Inledning'}, 'after': 'ommunen', 'insert': 'y'}, errors.AnchorNotFound,
     'the text "ommunen" occurs under \'Inledning\' only as part of a longer word; quote whole words',
     'texten ”ommunen” finns under rubriken ”Inledning” bara som en del av ett längre ord; citera hela ord'),
    ('core.anchor_missing',
     {'at': {'heading': 'Avslutning'}, 'after': 'zebra giraff', 'insert': 'y'}, errors.AnchorNotFound,
     'the text "zebra giraff" is not under \'Avslutning\'',
     'texten ”zebra giraff” finns inte under rubriken ”Avslutning”'),
    ('core.anchor_missing_closest',
     {'at': {'heading': 'Avslutning'}, 'after': 'Avslut med tak', 'insert': 'y'}, errors.AnchorNotFound,
     'the text "Avslut med tak" is not under \'Avslutning\'. Closest: "Avslut med tack" (93% similar, page '
     '5, under \'Avslutning\', paragraph 1, sentence 1 of 1); "Avslut igen" (50% similar, page 5, under '
     '\'Avslutning\', paragraph 1, sentence 1 of 1); "Avslut till" (50% similar, page 5, under '
     "'Avslutning', paragraph 2, sentence 1 of 1)",
     'texten ”Avslut med tak” finns inte under rubriken ”Avslutning”. Närmast: ”Avslut med tack” (93\u00a0% '
     'lika, sidan 5, under rubriken ”Avslutning”, stycke 1, mening 1 av 1); ”Avslut igen” (50\u00a0% lika, sidan '
     '5, under rubriken ”Avslutning”, stycke 1, mening 1 av 1); ”Avslut till” (50\u00a0% lika, sidan 5, under '
     'rubriken ”Avslutning”, stycke 2, mening 1 av 1)'),
    ('core.end_insert_wide', {'at': {'heading': 'Avslutning'}, 'insert': 'y'}, errors.AmbiguousAnchor,
     "'insert' without 'after' or 'before' adds at the end of the scope, but under 'Avslutning' holds 2 "
     'paragraphs or items; narrow it with paragraph, item or sentence',
     "'insert' utan 'after' eller 'before' lägger till texten i slutet, men under rubriken ”Avslutning” "
     'finns 2 stycken eller punkter; avgränsa med paragraph, item eller sentence'),
    ('core.text_abbreviation_end',
     {'at': {'heading': 'Inledning', 'paragraph': 2}, 'insert': 'och bilaga B'}, errors.AmbiguousAnchor,
     "the text under 'Inledning' in the 2nd paragraph ends in 'A.', where the full stop may belong to an "
     'abbreviation or end the sentence; say where with after: or before:',
     'texten under rubriken ”Inledning” i andra stycket slutar med ”A.”, där punkten kan höra till en '
     'förkortning eller avsluta meningen; ange var med after: eller before:'),
    ('core.text_terminal_differs',
     {'at': {'heading': 'Avslutning', 'paragraph': 1}, 'insert': 'och mer!'}, errors.AmbiguousAnchor,
     "the text under 'Avslutning' in the 1st paragraph ends in '.' and the inserted text in '!'; say where "
     'with after: or before:',
     'texten under rubriken ”Avslutning” i första stycket slutar med ”.” och den infogade texten med ”!”; '
     'ange var med after: eller before:'),
    ('core.text_inside_quote',
     {'at': {'heading': 'Inledning', 'paragraph': 3, 'sentence': 1}, 'insert': 'med alla'}, errors.AmbiguousAnchor,
     "the text under 'Inledning' in the 3rd paragraph in the 1st sentence ends inside a quotation or "
     'brackets (\'"Vi ska samverka."\'): whether the words go inside or after it is unclear; say where '
     'with after: or before:',
     'texten under rubriken ”Inledning” i tredje stycket i första meningen slutar inne i ett citat eller '
     'en parentes (”"Vi ska samverka."”): det är oklart om orden ska stå inuti eller efter; ange var med '
     'after: eller before:'),
    ('core.text_ellipsis', {'at': {'heading': 'Inledning', 'paragraph': 4}, 'insert': 'andra'}, errors.AmbiguousAnchor,
     "the text under 'Inledning' in the 4th paragraph ends with an ellipsis ('…'): whether the words go "
     'before or after it is unclear; say where with after: or before:',
     'texten under rubriken ”Inledning” i fjärde stycket slutar med en utelämningspunkt (”…”): det är '
     'oklart om orden ska stå före eller efter den; ange var med after: eller before:'),
    ('core.text_shared_stop',
     {'at': {'heading': 'Avslutning', 'paragraph': 2}, 'delete': 'm.m.'}, errors.AmbiguousAnchor,
     'the text "m.m." ends in \'m.m.\', and whether that full stop also ends the sentence is unclear; '
     'quote the words after it too',
     'texten ”m.m.” slutar med ”m.m.”, och det är oklart om den punkten också avslutar meningen; citera '
     'även orden efter den'),
    ('core.deletes_paragraph', {'at': {'heading': 'Inledning'}, 'delete': 'Se bilaga A.'}, errors.ScopeError,
     "deletes the whole paragraph (page 1, under 'Inledning', paragraph 2); use delete_paragraph",
     'stryker hela stycket (sidan 1, under rubriken ”Inledning”, stycke 2); använd delete_paragraph'),
    ('core.deletes_item',
     {'at': {'heading': 'Uppföljning'}, 'delete': 'Politikerna får en rapport.'}, errors.ScopeError,
     "deletes the whole list item (page 3, under 'Uppföljning', column 2, item 1); use delete_item",
     'stryker hela punkten (sidan 3, under rubriken ”Uppföljning”, kolumn 2, punkt 1); använd delete_item'),
    ('core.paragraph_count', {'at': {'heading': 'Avslutning'}, 'delete_paragraph': True}, errors.AmbiguousAnchor,
     "under 'Avslutning' holds 2 paragraphs; say which with paragraph: N or quote its opening words",
     'under rubriken ”Avslutning” finns 2 stycken; ange vilket med paragraph: N eller citera dess första ord'),
    ('core.item_count', {'at': {'heading': 'Inledning'}, 'delete_item': True}, errors.AmbiguousAnchor,
     "under 'Inledning' holds 3 list items; say which with item: N or quote its opening words",
     'under rubriken ”Inledning” finns 3 punkter; ange vilken med item: N eller citera dess första ord'),
    ('core.paragraphs_start', {'at': {'heading': 'Avslutning'}, 'delete_paragraph': 'Avslut'}, errors.AmbiguousAnchor,
     '2 paragraphs under \'Avslutning\' start with "Avslut" (page 5, under \'Avslutning\', paragraph 1; '
     "page 5, under 'Avslutning', paragraph 2)",
     '2 stycken under rubriken ”Avslutning” börjar med ”Avslut” (sidan 5, under rubriken ”Avslutning”, '
     'stycke 1; sidan 5, under rubriken ”Avslutning”, stycke 2)'),
    ('core.items_start', {'at': {'heading': 'Inledning'}, 'delete_item': 'Punkt'}, errors.AmbiguousAnchor,
     '2 list items under \'Inledning\' start with "Punkt" (page 1, under \'Inledning\', item 1, in the list that '
     'starts "Punkt ett om skolan."; page 1, under \'Inledning\', item 2, in the list that starts "Punkt ett om '
     'skolan.")',
     '2 punkter under rubriken ”Inledning” börjar med ”Punkt” (sidan 1, under rubriken ”Inledning”, punkt 1, i '
     'listan som börjar ”Punkt ett om skolan.”; sidan 1, under rubriken ”Inledning”, punkt 2, i listan som börjar '
     '”Punkt ett om skolan.”)'),
    ('core.no_paragraph_starts_elsewhere',
     {'at': {'heading': 'Avslutning'}, 'delete_paragraph': 'Kommunen arbetar'}, errors.AnchorNotFound,
     'no paragraph under \'Avslutning\' starts with "Kommunen arbetar": found page 1, under \'Inledning\', paragraph 1',
     'inget stycke under rubriken ”Avslutning” börjar med ”Kommunen arbetar”, men ett sådant finns på '
     'sidan 1, under rubriken ”Inledning”, stycke 1'),
    ('core.no_item_starts_elsewhere',
     {'at': {'heading': 'Avslutning'}, 'delete_item': 'Chefspunkt'}, errors.AnchorNotFound,
     'no list item under \'Avslutning\' starts with "Chefspunkt": found page 2, under \'Samverkan\', column 1, item 1',
     'ingen punkt under rubriken ”Avslutning” börjar med ”Chefspunkt”, men en sådan finns på sidan 2, '
     'under rubriken ”Samverkan”, kolumn 1, punkt 1'),
    ('core.no_paragraph_starts', {'at': {'heading': 'Avslutning'}, 'delete_paragraph': 'Zebra'}, errors.AnchorNotFound,
     'no paragraph under \'Avslutning\' starts with "Zebra"',
     'inget stycke under rubriken ”Avslutning” börjar med ”Zebra”'),
    ('core.no_item_starts', {'at': {'heading': 'Inledning'}, 'delete_item': 'Zebra'}, errors.AnchorNotFound,
     'no list item under \'Inledning\' starts with "Zebra"',
     'ingen punkt under rubriken ”Inledning” börjar med ”Zebra”'),
    ('core.add_item_needs_place',
     {'at': {'heading': 'Inledning', 'item': 1}, 'add_item': 'Ny punkt.'}, errors.ScopeError,
     "'item' in the scope names one item, but add_item adds to a list: say where with position: N (first, "
     'last) or after_item: "its opening words"',
     "'item' i at: pekar ut en punkt, men add_item lägger till en punkt i en lista: ange var med position: "
     'N (first, last) eller after_item: ”punktens första ord”'),
    ('core.no_list', {'at': {'heading': 'Avslutning'}, 'add_item': 'Ny punkt.'}, errors.ScopeError,
     "there is no list under 'Avslutning' to add an item to",
     'det finns ingen lista under rubriken ”Avslutning” att lägga till en punkt i'),
    ('core.lists_repeated', {'at': {'heading': 'Inledning'}, 'add_item': 'Ny punkt.'}, errors.AmbiguousAnchor,
     # each list by its opening words: items are numbered in their own list (review 4, finding 8)
     "2 lists are under 'Inledning' (the list that starts \"Punkt ett om skolan.\"; the list that starts "
     '"Steg ett."); narrow with column, paragraph or after_item',
     'under rubriken ”Inledning” finns 2 listor (listan som börjar ”Punkt ett om skolan.”; listan som börjar '
     '”Steg ett.”); avgränsa med column, paragraph eller after_item'),
    ('core.position_missing',
     {'at': {'page': 2, 'column': 'Chefer'}, 'add_item': 'Ny punkt.', 'position': 9}, errors.ScopeError,
     'position 9 does not exist: the list has 1 items',
     'position 9 finns inte: listan har 1 punkt'),
    ('core.no_text_for_paragraph', {'at': {'page': 4}, 'add_paragraph': 'Ny text.'}, errors.ScopeError,
     'there is no text on page 4 to add a paragraph after',
     'det finns ingen text på sidan 4 att lägga till ett stycke efter'),
    ('core.column_heading_not_section', {'delete_section': 'Politiker'}, errors.ScopeError,
     "'Politiker' is a column heading, not a section heading",
     '”Politiker” är en kolumnrubrik, inte rubriken på ett avsnitt'),
    ('core.section_needs_heading', {'at': {'page': 1}, 'replace_section_text': ['Ny text.']}, errors.ScopeError,
     "'replace_section_text' needs the heading of the section (as its value or in at: heading)",
     "'replace_section_text' behöver avsnittets rubrik (som värde eller i at: heading)"),
    ('core.pages_before',
     {'at': {'heading': 'Avslutning'}, 'replace_section_text': [{'paragraph': 'Ny.', 'page': 1}]}, errors.ScopeError,
     'the new text has page 1, before page 5 where its section starts; pages must not go back',
     'den nya texten har sidan 1, före sidan 5 där dess avsnitt börjar; sidorna får inte gå bakåt'),
    ('core.pages_after_next',
     {'at': {'heading': 'Inledning'}, 'replace_section_text': [{'paragraph': 'Ny.', 'page': 3}]}, errors.ScopeError,
     'the new text has page 3, after page 2 where the next section starts; pages must not go back',
     'den nya texten har sidan 3, efter sidan 2 där nästa avsnitt börjar; sidorna får inte gå bakåt'),
    ('core.pages_too_many',
     {'at': {'heading': 'Avslutning'}, 'replace_section_text': [{'paragraph': 'Ny.', 'page': 30}]}, errors.ScopeError,
     'the new text has page 30, but the program ends on page 5 and an amendment may add at most 10 pages; '
     'check the page number',
     'den nya texten har sidan 30, men programmet slutar på sidan 5 och en ändring får lägga till högst 10 '
     'sidor; kontrollera sidnumret'),
]


@pytest.mark.parametrize(("key", "amendment", "error", "en", "sv"), CASES, ids=[c[0] for c in CASES])
def test_a_refusal_says_why_in_english_and_swedish(program, tmp_path, key, amendment, error, en, sv):
    with pytest.raises(error) as caught:
        resolve(program, _patch(tmp_path, [amendment]))
    assert (_said(caught.value, "en"), _said(caught.value, "sv")) == (en, sv)



def test_a_fuzzy_match_is_named_in_both_languages(program, tmp_path):
    result = resolve(program, _patch(tmp_path, [{"at": {"heading": "Avslutning"}, "after": "Avslut med tak",
                                                 "insert": " och hej"}]), fuzzy=0.9)
    [warning] = result.warnings
    assert warning.message.render("en") == (
        "the text \"Avslut med tak\" is not under 'Avslutning' exactly; used the fuzzy match \"Avslut med tack\" "
        "(93% similar, page 5, under 'Avslutning', paragraph 1, sentence 1 of 1)")
    assert warning.message.render("sv") == (
        "texten ”Avslut med tak” finns inte exakt under rubriken ”Avslutning”; använde den närmaste träffen "
        "”Avslut med tack” (93\u00a0% lika, sidan 5, under rubriken ”Avslutning”, stycke 1, mening 1 av 1)")


def test_a_conflict_names_the_other_amendment_in_both_languages(program, tmp_path):
    both = [{"at": {"heading": "Avslutning"}, "replace": "med tack", "with": "med glädje"},
            {"at": {"heading": "Avslutning"}, "replace": "tack", "with": "tackar"}]
    with pytest.raises(errors.Conflict) as caught:
        apply_patch(program, _patch(tmp_path, both))
    first = caught.value
    assert _said(first, "en") == ("changes text that a2 (line 13) also changes or quotes; the two amendments "
                                  "overlap and cannot both apply as worded")
    assert _said(first, "sv") == ("ändrar text som a2 (rad 13) också ändrar eller citerar; de två ändringarna "
                                  "överlappar och kan inte båda genomföras som de är skrivna")


ONE = [{"at": {"heading": "Avslutning"}, "after": "tack", "insert": " och hej"}]


@pytest.mark.parametrize(("patches", "en", "sv"), [
    ([{"program": "annat"}], "is for the program 'annat', not 'prov' ({prog})",
     "gäller programmet ”annat”, inte ”prov” ({prog})"),
    ([{"base": "v9"}], "is worded against the version 'v9', but the program given is the version 'v0'",
     "är skriven mot versionen ”v9”, men det angivna programmet är versionen ”v0”"),
    ([{"produces": "v0"}], "produces the version 'v0', which is the version it is worded against (base); a patch "
     "must produce a new version, or its amendments would be applied to their own result",
     "ger versionen ”v0”, som är den version den är skriven mot (base); en patch måste ge en ny version, annars "
     "skulle ändringarna göras i sitt eget resultat"),
    ([{}, {"name": "q.yaml"}], "is the same patch as {dir}/p.yaml; each patch applies once",
     "är samma patch som {dir}/p.yaml; varje patch genomförs en gång"),
    ([{}, {"name": "q.yaml", "program": "annat", "base": "v1", "produces": "v2"}],
     "is for the program 'annat', but {dir}/p.yaml before it is for 'prov'",
     "gäller programmet ”annat”, men {dir}/p.yaml före den gäller ”prov”"),
    ([{}, {"name": "q.yaml", "base": "v5", "produces": "v6"}],
     "is worded against the version 'v5', but the patch before it ({dir}/p.yaml) produces the version 'v1'",
     "är skriven mot versionen ”v5”, men patchen före den ({dir}/p.yaml) ger versionen ”v1”"),
    ([{}, {"name": "q.yaml", "base": "v1", "produces": "v0"}],
     "produces the version 'v0', which is the program's own version; the versions go round in a circle "
     "(v0 → v1 → v0); each version must be new",
     "ger versionen ”v0”, som är programmets egen version; versionerna går runt i en cirkel (v0 → v1 → v0); "
     "varje version måste vara ny"),
    ([{}, {"name": "q.yaml", "base": "v1", "produces": "v2"}, {"name": "r.yaml", "base": "v2", "produces": "v1"}],
     "produces the version 'v1', which is produced before by {dir}/p.yaml; the versions go round in a circle "
     "(v0 → v1 → v2 → v1); each version must be new",
     "ger versionen ”v1”, som är den som redan gavs av {dir}/p.yaml; versionerna går runt i en cirkel (v0 → "
     "v1 → v2 → v1); varje version måste vara ny"),
], ids=["program", "base", "same-version", "same-patch", "chain-program", "chain-base", "circle-own",
        "circle-before"])
def test_a_patch_for_another_version_is_refused_in_both_languages(program, tmp_path, patches, en, sv):
    made = [_patch(tmp_path, ONE, **p) for p in patches]
    with pytest.raises(errors.VersionMismatch) as caught:
        check_chain(program, made)
    names = {"dir": tmp_path, "prog": program.source or "the program given"}
    assert caught.value.message.render("en") == en.format(**names)
    assert caught.value.message.render("sv") == sv.format(**names).replace("the program given",
                                                                            "det angivna programmet")


@pytest.mark.parametrize(("scope", "en", "sv"), [
    (Scope(), "in the whole program", "i hela programmet"),
    (Scope(page=6, heading="Samverkan", paragraph="last", sentence=1),
     "on page 6 under 'Samverkan' in the last paragraph in the 1st sentence",
     "på sidan 6 under rubriken ”Samverkan” i sista stycket i första meningen"),
    (Scope(page=8, column=3, item=4), "on page 8 in the 3rd column in the 4th item",
     "på sidan 8 i tredje kolumnen i fjärde punkten"),
    (Scope(column="Mål", row=2, paragraph=12, sentence=22),
     "in the 'Mål' column in the 2nd row in the 12th paragraph in the 22nd sentence",
     "i kolumnen ”Mål” i andra raden i 12:e stycket i 22:a meningen"),
    (Scope(paragraph=21, item="first"), "in the 21st paragraph in the first item", "i 21:a stycket i första punkten"),
])
def test_a_scope_in_words_in_both_languages(scope, en, sv):
    assert scope.describe().render("en") == en
    with language("sv"):
        assert str(scope.describe()) == sv
