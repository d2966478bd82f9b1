"""Reading programs and patches, a history folder, and writing the outputs, in Swedish and English (issue 10):
each message of amend/load.py, amend/history_load.py and amend/output.py on a real error path, with the
exact text a secretary reads in either language."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROGRAM

from amend import limits
from amend.errors import AmendError, OutputError
from amend.history_load import load_history
from amend.load import _expect, check_input, decode_text, load_patch, parse_yaml, read_input, read_yaml, validate
from amend.output import build_time, write_all
from cli import main

PROG = "program: {id: p, title: T, version: v1, status: proposed}\nsections:\n"
PATCH = 'program: p\nbase: v1\nproduces: v2\ndecision: {body: KF, date: "2026-01-01"}\namendments:\n'


def DATED(date: str) -> str:  # noqa: N802 - reads as the PATCH it builds
    return PATCH.replace('"2026-01-01"', date)


def said(err: AmendError) -> tuple[str, str]:
    return err.render("en"), err.render("sv")


def refusal(kind: str, text: str) -> AmendError:
    """The error reading `text` as p.yaml (kind "x": only as YAML) raises."""
    with pytest.raises(AmendError) as exc:
        data, lines = parse_yaml(text, "p.yaml")
        if kind != "x":
            _expect(data, kind, "p.yaml")
            validate(data, lines, kind, "p.yaml")
    return exc.value


# ---------------------------------------------------------------- YAML, the schema, values, operations


@pytest.mark.parametrize(("kind", "text", "en", "sv"), [
    pytest.param('x', '',
                 'p.yaml: is empty',
                 'p.yaml: är tom',
                 id='empty'),
    pytest.param('x', 'a:\n\tb: 1\n',
                 'p.yaml:2: is not valid YAML: a tab is used for indentation; indent with spaces',
                 'p.yaml:2: är inte giltig YAML: en tabb används för indrag; gör indrag med mellanslag',
                 id='yaml_tab'),
    pytest.param('x', 'a: b: c\n',
                 "p.yaml:1: is not valid YAML: a ': ' where none belongs: check the indentation, or put "
                 "a text that holds ': ' in quotes",
                 'p.yaml:1: är inte giltig YAML: ett ”: ” där det inte hör hemma: kontrollera indraget, '
                 'eller sätt en text som innehåller ”: ” inom citattecken',
                 id='yaml_colon'),
    pytest.param('x', 'a: "b\n',
                 'p.yaml:1: is not valid YAML: a quote is opened and never closed',
                 'p.yaml:1: är inte giltig YAML: ett citattecken öppnas men stängs aldrig',
                 id='yaml_unclosed'),
    pytest.param('x', 'a: "\\q"\n',
                 'p.yaml:1: is not valid YAML: a backslash in a "double-quoted" text; use \'single '
                 "quotes'",
                 'p.yaml:1: är inte giltig YAML: ett omvänt snedstreck i en text inom "dubbla '
                 'citattecken"; använd \'enkla citattecken\'',
                 id='yaml_escape'),
    pytest.param('x', 'a:\n  - b\n - c\n',
                 'p.yaml:3: is not valid YAML: the indentation does not line up with the lines above',
                 'p.yaml:3: är inte giltig YAML: indraget stämmer inte med raderna ovanför',
                 id='yaml_list'),
    pytest.param('x', 'a: "b\nc: d\ne: "f\n  g: 1\n',
                 'p.yaml:1: is not valid YAML: the quote opened here runs on to line 3; close it on this '
                 'line',
                 'p.yaml:1: är inte giltig YAML: citattecknet som öppnas här fortsätter till rad 3; '
                 'stäng det på den här raden',
                 id='yaml_runaway'),
    pytest.param('x', 'a: !foo x\n',
                 "p.yaml:1: is not valid YAML: 'x' cannot be read as a value; put it in quotes",
                 "p.yaml:1: är inte giltig YAML: 'x' kan inte läsas som ett värde; sätt det inom "
                 'citattecken',
                 id='unreadable_value'),
    pytest.param('x', 'a: 2025-02-30\n',
                 "p.yaml:1: '2025-02-30' is not a date in the calendar",
                 "p.yaml:1: '2025-02-30' är inget datum som finns i kalendern",
                 id='not_date'),
    pytest.param('x', 'a: 1\na: 2\n',
                 "p.yaml:2: the key 'a' is written twice",
                 'p.yaml:2: nyckeln ”a” står två gånger',
                 id='key_twice'),
    pytest.param('x', '[a]: 1\n',
                 'p.yaml:1: a key must be plain text',
                 'p.yaml:1: en nyckel ska vara vanlig text',
                 id='key_not_text'),
    pytest.param('x', 'a: "x\\x07"\n',
                 'p.yaml:1: holds the control character U+0007; a document cannot contain it: remove it',
                 'p.yaml:1: innehåller styrtecknet U+0007; ett dokument kan inte innehålla det: ta bort '
                 'det',
                 id='control'),
    pytest.param('x', 'a: "x\\u202e"\n',
                 'p.yaml:1: holds the invisible text-direction control U+202E, which shows the text in '
                 'another order than it is read; a document cannot contain it: remove it',
                 'p.yaml:1: innehåller det osynliga styrtecknet för textriktning U+202E, som visar '
                 'texten i en annan ordning än den läses; ett dokument kan inte innehålla det: ta bort '
                 'det',
                 id='bidi'),
    pytest.param('x', 'a: "x\\ud800"\n',
                 'p.yaml:1: holds U+D800, half of a character pair (an escape such as \\ud800), which is '
                 'no character on its own; a document cannot contain it: remove it',
                 'p.yaml:1: innehåller U+D800, halva ett teckenpar (en kod som \\ud800), som inte är '
                 'något tecken i sig; ett dokument kan inte innehålla det: ta bort det',
                 id='surrogate'),
    pytest.param('x', 'a: "x\\uffff"\n',
                 'p.yaml:1: holds U+FFFF, which is not a character; a document cannot contain it: remove '
                 'it',
                 'p.yaml:1: innehåller U+FFFF, som inte är något tecken; ett dokument kan inte innehålla '
                 'det: ta bort det',
                 id='nonchar'),
    pytest.param('program', '- a\n',
                 'p.yaml:1: must be a mapping with the keys of a program file',
                 'p.yaml:1: ska vara en mappning med nycklarna för en programfil',
                 id='not_mapping'),
    pytest.param('program', PATCH + '  - {id: a, delete: x}\n',
                 'p.yaml: is a patch file, not a program; the order is: amend apply PROGRAM PATCH...',
                 'p.yaml: är en ändringsfil, inte en programfil; ordningen är: amend apply PROGRAM '
                 'PATCH...',
                 id='wrong_kind'),
    pytest.param('patch', PROG + '  - {heading: H, page: 1}\n',
                 'p.yaml: is a program file, not a patch; the order is: amend apply PROGRAM PATCH...',
                 'p.yaml: är en programfil, inte en ändringsfil; ordningen är: amend apply PROGRAM '
                 'PATCH...',
                 id='wrong_kind2'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, pag: 2}\n',
                 "p.yaml:3: sections[1]: unknown key 'pag' (did you mean 'page'?); allowed here: "
                 'content, heading, level, page',
                 'p.yaml:3: sections[1]: okänd nyckel ”pag” (menade du ”page”?); tillåtna här: content, '
                 'heading, level, page',
                 id='unknown_key'),
    pytest.param('program', PROG + '  - {heading: H}\n',
                 "p.yaml:3: sections[1]: 'page' is missing",
                 'p.yaml:3: sections[1]: ”page” saknas',
                 id='missing'),
    pytest.param('program', PROG + '  - {heading: H, page: 2.0}\n',
                 'p.yaml:3: sections[1].page: must be a whole number: write 2, not 2.0',
                 'p.yaml:3: sections[1].page: ska vara ett heltal: skriv 2, inte 2.0',
                 id='whole'),
    pytest.param('program', PROG + '  - {heading: H, page: x}\n',
                 'p.yaml:3: sections[1].page: must be a whole number, not text',
                 'p.yaml:3: sections[1].page: ska vara ett heltal, inte en text',
                 id='type'),
    pytest.param('program', PROG + '  - {heading: , page: 1}\n',
                 'p.yaml:3: sections[1].heading: must be text, not empty; for an empty text write ""',
                 'p.yaml:3: sections[1].heading: ska vara en text, inte tomt; skriv "" för en tom text',
                 id='type_null'),
    pytest.param('program', PROG + '  - {heading: 12, page: 1}\n',
                 'p.yaml:3: sections[1].heading: must be text, not a whole number; put it in quotes: '
                 '"12"',
                 'p.yaml:3: sections[1].heading: ska vara en text, inte ett heltal; sätt det inom '
                 'citattecken: ”12”',
                 id='type_quote'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, content: [{foo: 1}]}\n',
                 'p.yaml:3: sections[1].content[1]: not a valid block (keys: foo); a block is plain text '
                 '(a paragraph) or one of paragraph:, bullets:, numbered:, table:, columns: (optionally '
                 'with page:)',
                 'p.yaml:3: sections[1].content[1]: inget giltigt block (nycklar: foo); ett block är '
                 'vanlig text (ett stycke) eller något av paragraph:, bullets:, numbered:, table:, '
                 'columns: (eventuellt med page:)',
                 id='not_block'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, content: [{}]}\n',
                 'p.yaml:3: sections[1].content[1]: not a valid block (keys: none); a block is plain '
                 'text (a paragraph) or one of paragraph:, bullets:, numbered:, table:, columns: '
                 '(optionally with page:)',
                 'p.yaml:3: sections[1].content[1]: inget giltigt block (nycklar: inga); ett block är '
                 'vanlig text (ett stycke) eller något av paragraph:, bullets:, numbered:, table:, '
                 'columns: (eventuellt med page:)',
                 id='not_block_none'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, content: [12]}\n',
                 'p.yaml:3: sections[1].content[1]: integer 12 is not allowed here; a block is plain '
                 'text (a paragraph) or one of paragraph:, bullets:, numbered:, table:, columns: '
                 '(optionally with page:)',
                 'p.yaml:3: sections[1].content[1]: heltalet 12 går inte att använda här; ett block är '
                 'vanlig text (ett stycke) eller något av paragraph:, bullets:, numbered:, table:, '
                 'columns: (eventuellt med page:)',
                 id='not_allowed'),
    pytest.param('patch', PATCH + '  - {id: a, at: {page: 1, paragraph: x}, delete: x}\n',
                 'p.yaml:6: a: amendments[1].at.paragraph: must be a number from 1, first or last, not '
                 "'x'",
                 'p.yaml:6: a: amendments[1].at.paragraph: ska vara ett tal från 1, first eller last, '
                 "inte 'x'",
                 id='ordinal'),
    pytest.param('patch', PATCH + '  - {id: a, at: {page: 1, paragraph: 2.0}, delete: x}\n',
                 'p.yaml:6: a: amendments[1].at.paragraph: must be a number from 1, first or last, not '
                 '2.0; write 2, not 2.0',
                 'p.yaml:6: a: amendments[1].at.paragraph: ska vara ett tal från 1, first eller last, '
                 'inte 2.0; skriv 2, inte 2.0',
                 id='ordinal_whole'),
    pytest.param('patch', PATCH + '  - {id: a, delete: x}\noutcome: maybe\n',
                 "p.yaml:7: outcome: must be one of adopted, pending, rejected, withdrawn, not 'maybe'",
                 'p.yaml:7: outcome: ska vara något av adopted, pending, rejected, withdrawn, inte '
                 "'maybe'",
                 id='enum'),
    pytest.param('patch', DATED('"1 jan"') + '  - {id: a, delete: x}\n',
                 "p.yaml:4: decision.date: '1 jan' is not a date written YYYY-MM-DD (e.g. "
                 '"2025-10-22")',
                 "p.yaml:4: decision.date: '1 jan' är inget datum skrivet ÅÅÅÅ-MM-DD (t.ex. "
                 '"2025-10-22")',
                 id='iso'),
    pytest.param('patch', PATCH + "  - {id: 'a b', delete: x}\n",
                 "p.yaml:6: a b: amendments[1].id: 'a b' may only use letters, digits, '.', '_' and '-'",
                 "p.yaml:6: a b: amendments[1].id: 'a b' får bara innehålla bokstäver, siffror, ”.”, ”_” "
                 'och ”-”',
                 id='bad_id'),
    pytest.param('program', PROG + '  - {heading: H, page: 0}\n',
                 'p.yaml:3: sections[1].page: 0 is out of range (minimum 1)',
                 'p.yaml:3: sections[1].page: 0 ligger utanför det tillåtna (minst 1)',
                 id='range'),
    pytest.param('patch', PATCH + "  - {id: a, delete: ' '}\n",
                 'p.yaml:6: a: amendments[1].delete: quotes nothing once spaces and invisible characters '
                 '(soft hyphens, zero-width spaces) are left out; quote the words',
                 'p.yaml:6: a: amendments[1].delete: citerar ingenting när mellanslag och osynliga '
                 'tecken (mjuka bindestreck, nollbreddsmellanslag) räknas bort; citera orden',
                 id='no_anchor'),
    pytest.param('patch', PATCH + "  - {id: a, after: x, insert: ' '}\n",
                 'p.yaml:6: a: amendments[1].insert: is only spaces or invisible characters, so nothing '
                 'would be added; write the text',
                 'p.yaml:6: a: amendments[1].insert: består bara av mellanslag eller osynliga tecken, så '
                 'ingenting skulle läggas till; skriv texten',
                 id='blank_text'),
    pytest.param('patch', PATCH + "  - {id: a, replace: x, with: ' '}\n",
                 'p.yaml:6: a: amendments[1].with: is only spaces; to delete the quoted text write with: '
                 '"" (or use delete:)',
                 'p.yaml:6: a: amendments[1].with: består bara av mellanslag; skriv with: "" (eller '
                 'använd delete:) för att ta bort den citerade texten',
                 id='blank_with'),
    pytest.param('program', PROG + "  - {heading: ' ', page: 1}\n",
                 'p.yaml:3: sections[1].heading: the heading is only spaces or invisible characters, so '
                 'nothing would be added; write the text',
                 'p.yaml:3: sections[1].heading: rubriken består bara av mellanslag eller osynliga '
                 'tecken, så ingenting skulle läggas till; skriv texten',
                 id='blank_heading'),
    pytest.param('program', PROG.replace('title: T', "title: ' '") + '  - {heading: H, page: 1}\n',
                 'p.yaml:1: program.title: the title is only spaces or invisible characters, so nothing '
                 'would be added; write the text',
                 'p.yaml:1: program.title: titeln består bara av mellanslag eller osynliga tecken, så '
                 'ingenting skulle läggas till; skriv texten',
                 id='blank_title'),
    pytest.param('program', PROG + "  - {heading: H, page: 1, content: [' ']}\n",
                 'p.yaml:3: sections[1].content[1]: the paragraph is only spaces or invisible '
                 'characters, so nothing would be added; write the text',
                 'p.yaml:3: sections[1].content[1]: stycket består bara av mellanslag eller osynliga '
                 'tecken, så ingenting skulle läggas till; skriv texten',
                 id='blank_par'),
    pytest.param('program', PROG + "  - {heading: H, page: 1, content: [{bullets: [a, ' ']}]}\n",
                 'p.yaml:3: sections[1].content[1].bullets[2]: the list item is only spaces or invisible '
                 'characters, so nothing would be added; write the text',
                 'p.yaml:3: sections[1].content[1].bullets[2]: listpunkten består bara av mellanslag '
                 'eller osynliga tecken, så ingenting skulle läggas till; skriv texten',
                 id='blank_item'),
    pytest.param('program', PROG + "  - {heading: H, page: 1, content: [{table: {rows: [[a, ' ']]}}]}\n",
                 'p.yaml:3: sections[1].content[1].table.rows[1][2]: the cell is only spaces; for an '
                 'empty cell write ""',
                 'p.yaml:3: sections[1].content[1].table.rows[1][2]: cellen består bara av mellanslag; '
                 'skriv "" för en tom cell',
                 id='blank_cell'),
    pytest.param('program', PROG + "  - {heading: H, page: 1, content: [{columns: [{heading: ' ', content: [a]}]}]}\n",
                 'p.yaml:3: sections[1].content[1].columns[1].heading: the column heading is only spaces '
                 'or invisible characters, so nothing would be added; write the text',
                 'p.yaml:3: sections[1].content[1].columns[1].heading: kolumnrubriken består bara av '
                 'mellanslag eller osynliga tecken, så ingenting skulle läggas till; skriv texten',
                 id='blank_colhead'),
    pytest.param('program', PROG + '  - {heading: H, page: 2}\n  - {heading: I, page: 1}\n',
                 'p.yaml:4: sections[2].page: page 1 comes after page 2 in the text above it; pages must '
                 'not go back (a block without page: is on the page of the block before it)',
                 'p.yaml:4: sections[2].page: sidan 1 kommer efter sidan 2 i texten ovanför; sidorna får '
                 'inte gå bakåt (ett block utan page: ligger på samma sida som blocket före)',
                 id='page_back'),
    pytest.param('program', PROG + '  - {heading: H, page: 20000}\n',
                 "p.yaml:3: sections[1].page: page 20,000 is over amend's limit of 10,000 pages; check "
                 'the page number',
                 'p.yaml:3: sections[1].page: sidan 20\u00a0000 är över amends gräns på 10\u00a0000 sidor; '
                 'kontrollera sidnumret',
                 id='page_limit'),
    pytest.param('patch', DATED('"2026-02-30"') + '  - {id: a, delete: x}\n',
                 "p.yaml:4: decision.date: '2026-02-30' is not a date in the calendar",
                 "p.yaml:4: decision.date: '2026-02-30' är inget datum som finns i kalendern",
                 id='cal_date'),
    pytest.param('patch', PATCH + '  - {id: a, delet: x}\n',
                 "p.yaml:6: a: unknown operation or key 'delet' (did you mean 'delete'?); operations "
                 'are: insert, replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, '
                 'add_section, delete_section, replace_section_text',
                 'p.yaml:6: a: okänd ändringstyp eller nyckel ”delet” (menade du ”delete”?); '
                 'ändringstyperna är: insert, replace, delete, add_item, add_paragraph, '
                 'delete_paragraph, delete_item, add_section, delete_section, replace_section_text',
                 id='op_unknown'),
    pytest.param('patch', PATCH + '  - {id: a}\n',
                 'p.yaml:6: a: has no operation; an amendment has exactly one of: insert, replace, '
                 'delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, '
                 'delete_section, replace_section_text',
                 'p.yaml:6: a: har ingen ändringstyp; en ändring har exakt en av: insert, replace, '
                 'delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, '
                 'delete_section, replace_section_text',
                 id='op_none'),
    pytest.param('patch', PATCH + '  - {title: T}\n',
                 'p.yaml:6: amendment 1: has no operation; an amendment has exactly one of: insert, '
                 'replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, '
                 'delete_section, replace_section_text',
                 'p.yaml:6: ändring 1: har ingen ändringstyp; en ändring har exakt en av: insert, '
                 'replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, '
                 'delete_section, replace_section_text',
                 id='op_none_label'),
    pytest.param('patch', PATCH + '  - {id: a, delete: x, insert: y}\n',
                 'p.yaml:6: a: has 2 operations (delete, insert); an amendment has exactly one of: '
                 'insert, replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, '
                 'add_section, delete_section, replace_section_text',
                 'p.yaml:6: a: har 2 ändringstyper (delete, insert); en ändring har exakt en av: insert, '
                 'replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, '
                 'delete_section, replace_section_text',
                 id='op_several'),
    pytest.param('patch', PATCH + '  - {id: a, delete: x, after: y}\n',
                 "p.yaml:6: a: 'after' does not go with 'delete' (it goes with insert or add_paragraph)",
                 'p.yaml:6: a: ”after” hör inte ihop med ”delete” (den hör ihop med insert eller '
                 'add_paragraph)',
                 id='op_misfit'),
    pytest.param('patch', PATCH + '  - {id: a, insert: x, after: y, before: z}\n',
                 "p.yaml:6: a: has both 'after' and 'before'; use one",
                 'p.yaml:6: a: har både ”after” och ”before”; använd bara en av dem',
                 id='op_after_before'),
    pytest.param('patch', PATCH + '  - {id: a, replace: x}\n',
                 "p.yaml:6: a: 'replace' needs 'with' (the new text; empty text deletes)",
                 'p.yaml:6: a: ”replace” behöver ”with” (den nya texten; en tom text tar bort)',
                 id='op_replace'),
    pytest.param('patch', PATCH + '  - {id: a, add_item: x, position: 1, after_item: y}\n',
                 "p.yaml:6: a: has both 'position' and 'after_item'; use one",
                 'p.yaml:6: a: har både ”position” och ”after_item”; använd bara en av dem',
                 id='op_pos'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, level: 9}\n',
                 'p.yaml:3: sections[1].level: 9 is out of range (maximum 6)',
                 'p.yaml:3: sections[1].level: 9 ligger utanför det tillåtna (högst 6)',
                 id='maximum'),
    pytest.param('program', PROG + '  - {heading: [a], page: 1}\n',
                 'p.yaml:3: sections[1].heading: must be text, not a list',
                 'p.yaml:3: sections[1].heading: ska vara en text, inte en lista',
                 id='type_list'),
    pytest.param('program', PROG + '  - {heading: {a: 1}, page: 1}\n',
                 'p.yaml:3: sections[1].heading: must be text, not a mapping',
                 'p.yaml:3: sections[1].heading: ska vara en text, inte en mappning',
                 id='type_mapping'),
    pytest.param('program', PROG + '  - {heading: true, page: 1}\n',
                 # what the file says, not the value YAML made of it (review 4, finding 11)
                 'p.yaml:3: sections[1].heading: must be text, not true or false; put it in quotes: "true"',
                 'p.yaml:3: sections[1].heading: ska vara en text, inte true eller false; sätt det inom '
                 'citattecken: ”true”',
                 id='type_boolean'),
    pytest.param('program', PROG + '  - {heading: H, page: 1.5}\n',
                 'p.yaml:3: sections[1].page: must be a whole number, not a number',
                 'p.yaml:3: sections[1].page: ska vara ett heltal, inte ett tal',
                 id='type_number'),
    pytest.param('program', PROG + '  - {heading: H, page: 1, content: [[a]]}\n',
                 "p.yaml:3: sections[1].content[1]: array ['a'] is not allowed here; a block is plain text (a "
                 "paragraph) or one of paragraph:, bullets:, numbered:, table:, columns: (optionally with page:)",
                 "p.yaml:3: sections[1].content[1]: listan ['a'] går inte att använda här; ett block är vanlig "
                 "text (ett stycke) eller något av paragraph:, bullets:, numbered:, table:, columns: (eventuellt "
                 "med page:)",
                 id='not_allowed_array'),
    pytest.param('x', 'a: [1\n',
                 "p.yaml:2: is not valid YAML: expected ',' or ']', but got '<stream end>'",
                 "p.yaml:2: är inte giltig YAML: expected ',' or ']', but got '<stream end>'",
                 id='yaml_in_pyyamls_words'),
])
def test_a_file_that_cannot_be_read_as_a_program_or_patch_says_why_in_both_languages(kind, text, en, sv):
    assert said(refusal(kind, text)) == (en, sv)


# ---------------------------------------------------------------- the file itself


def test_a_missing_file_a_folder_a_device_and_an_unreadable_path(tmp_path):
    cases = [(tmp_path / "nope.yaml", "file not found", "filen finns inte"),
             (tmp_path, "is a folder, not a file", "är en mapp, inte en fil"),
             ("/dev/null", "is not a plain file (it is a device, a pipe or a socket); give the path of a file",
              "är ingen vanlig fil (det är en enhet, en pipe eller en socket); ange sökvägen till en fil")]
    (tmp_path / "f").write_text("x", encoding="utf-8")
    cases.append((tmp_path / "f" / "x.yaml", "cannot be read: Not a directory", "kan inte läsas: Not a directory"))
    for path, en, sv in cases:
        with pytest.raises(AmendError) as exc:
            check_input(path, 1000)
        assert said(exc.value) == (f"{path}: {en}", f"{path}: {sv}")


def test_a_file_over_the_size_limit_and_one_that_grew_while_read(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(AmendError) as exc:
        check_input(big, 1000)
    assert said(exc.value) == (
        f"{big}: the file (2,004 bytes) is over amend's limit of 1,000 bytes; split it, or check that it is the "
        "right file",
        f"{big}: filen (2\u00a0004 byte) är större än amends gräns på 1\u00a0000 byte; dela upp den, eller kontrollera att "
        "det är rätt fil")
    monkeypatch.setattr("amend.load.yaml_lines.check_input", lambda path, limit: None)  # it grows after the look
    with pytest.raises(AmendError) as exc:
        read_input(big, 1000)
    assert said(exc.value) == (
        f"{big}: the file is over amend's limit of 1,000 bytes; split it, or check that it is the right file",
        f"{big}: filen är större än amends gräns på 1\u00a0000 byte; dela upp den, eller kontrollera att det är rätt fil")


@pytest.mark.parametrize(("raw", "en", "sv"), [
    ("a: å\n".encode("utf-16"), "p.yaml:1: is saved as UTF-16, not UTF-8; save it again as UTF-8 (in Notepad: "
     "Save as, Encoding: UTF-8)", "p.yaml:1: är sparad som UTF-16, inte UTF-8; spara den igen som UTF-8 (i "
     "Anteckningar: Spara som, Kodning: UTF-8)"),
    ("a: b\n".encode("utf-16-le"), "p.yaml:1: is saved as UTF-16, not UTF-8; save it again as UTF-8 (in Notepad: "
     "Save as, Encoding: UTF-8)", "p.yaml:1: är sparad som UTF-16, inte UTF-8; spara den igen som UTF-8 (i "
     "Anteckningar: Spara som, Kodning: UTF-8)"),
    (b"a: b\nc: \x00d\n", "p.yaml:2: holds a NUL character (byte 0), which no text file has; it may be a binary "
     "file or damaged: check that it is the right file", "p.yaml:2: innehåller ett NUL-tecken (byte 0), som ingen "
     "textfil har; den kan vara en binär fil eller skadad: kontrollera att det är rätt fil"),
    ("a: b\nc: Göteborg\n".encode("cp1252"), "p.yaml:2: is not saved as UTF-8 (perhaps as Windows-1252); save it "
     "again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)", "p.yaml:2: är inte sparad som UTF-8 (kanske som "
     "Windows-1252); spara den igen som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8)"),
], ids=["utf-16", "utf-16-no-bom", "nul", "windows-1252"])
def test_a_file_not_saved_as_utf8_is_named_in_both_languages(raw, en, sv):
    with pytest.raises(AmendError) as exc:
        decode_text(raw, "p.yaml")
    assert said(exc.value) == (en, sv)


# ---------------------------------------------------------------- amend's limits


@pytest.mark.parametrize(("limit", "value", "text", "en", "sv"), [
    ("MAX_YAML_DEPTH", 3, "a: [[[[1]]]]\n",
     "p.yaml:1: the nesting of lists and mappings here is over amend's limit of 3 levels; check the brackets and "
     "the indentation", "p.yaml:1: listor och mappningar ligger här i fler nivåer än amends gräns på 3 nivåer; "
     "kontrollera hakparenteserna och indraget"),
    ("MAX_YAML_ALIASES", 1, "a: &x [1]\nb: *x\nc: *x\n",
     "p.yaml:1: the number of aliases (*name) is over amend's limit of 1 aliases; write the values out instead of "
     "repeating them with & and *", "p.yaml:1: antalet alias (*namn) är större än amends gräns på 1 alias; skriv "
     "ut värdena i stället för att upprepa dem med & och *"),
    ("MAX_YAML_NODES", 5, "a: &x [1, 2]\nb: *x\n",
     "p.yaml:1: the number of values (with aliases expanded) is over amend's limit of 5 values; split the file, or "
     "write repeated values out instead of using & and *", "p.yaml:1: antalet värden (med alias utskrivna) är "
     "större än amends gräns på 5 värden; dela upp filen, eller skriv ut upprepade värden i stället för att "
     "använda & och *"),
    ("MAX_NUMBER_DIGITS", 5, "a: 12345678901234\n",
     "p.yaml:1: the number 123456789012… (14 characters) is over amend's limit of 5 digits; check the value; put a "
     "text in quotes", "p.yaml:1: talet 123456789012… (14 tecken) är större än amends gräns på 5 siffror; "
     "kontrollera värdet; sätt en text inom citattecken"),
    ("MAX_TEXT_CHARS", 5, "a: abcdefg\n",
     "p.yaml:1: this text (7 characters) is over amend's limit of 5 characters; split it into paragraphs",
     "p.yaml:1: den här texten (7 tecken) är längre än amends gräns på 5 tecken; dela upp den i stycken"),
    ("MAX_AMENDMENTS", 1, PATCH + "  - {id: a, delete: x}\n  - {id: b, delete: y}\n",
     "p.yaml: the number of amendments (2) is over amend's limit of 1 amendments; split them over several patch "
     "files", "p.yaml: antalet ändringar (2) är större än amends gräns på 1 ändringar; dela upp dem på flera "
     "ändringsfiler"),
    ("MAX_PAGE", 10_000, PROG + "  - {heading: H, page: 20000}\n",
     "p.yaml:3: sections[1].page: page 20,000 is over amend's limit of 10,000 pages; check the page number",
     "p.yaml:3: sections[1].page: sidan 20\u00a0000 är över amends gräns på 10\u00a0000 sidor; kontrollera sidnumret"),
], ids=["depth", "aliases", "values", "digits", "text", "amendments", "page"])
def test_each_limit_is_named_in_both_languages(monkeypatch, limit, value, text, en, sv):
    monkeypatch.setattr(limits, limit, value)
    kind = "patch" if text.startswith(PATCH) else "program" if text.startswith(PROG) else "x"
    assert said(refusal(kind, text)) == (en, sv)


# ---------------------------------------------------------------- the model, a history folder


def test_an_id_used_twice_is_refused_in_both_languages(tmp_path):
    (tmp_path / "p.yaml").write_text(PATCH + "  - {id: a, delete: x}\n  - {id: a, delete: y}\n", encoding="utf-8")
    with pytest.raises(AmendError) as exc:
        load_patch(tmp_path / "p.yaml")
    where = tmp_path / "p.yaml"
    assert said(exc.value) == (f"{where}:7: the id 'a' is already used on line 6; ids must be unique",
                               f"{where}:7: id ”a” används redan på rad 6; varje id måste vara unikt")


def test_a_history_folder_without_the_program_or_with_a_stray_patch(tmp_path):
    (tmp_path / "programs").mkdir()
    with pytest.raises(AmendError) as exc:
        load_history(tmp_path, "p")
    programs = tmp_path / "programs"
    assert said(exc.value) == (
        f"no program files found in {programs}; give --root the folder that holds programs/ and amendments/",
        f"inga programfiler finns i {programs}; ange med --root den mapp som innehåller programs/ och amendments/")
    shutil.copy(PROGRAM, programs / "x.yaml")
    pid = read_yaml(PROGRAM)[0]["program"]["id"]
    with pytest.raises(AmendError) as exc:
        load_history(tmp_path, "p")
    assert said(exc.value) == (f"there is no program with the id 'p' in {programs}",
                               f"det finns inget program med id ”p” i {programs}")
    folder = tmp_path / "amendments" / pid
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(PATCH + "  - {id: a, delete: x}\n", encoding="utf-8")
    with pytest.raises(AmendError) as exc:
        load_history(tmp_path, pid)
    assert said(exc.value) == (f"{folder / 'a.yaml'}: is in {folder}, but says it is for the program 'p'",
                               f"{folder / 'a.yaml'}: ligger i {folder}, men anger att den gäller programmet ”p”")


# ---------------------------------------------------------------- writing the outputs


def test_outputs_that_clash_with_each_other_an_input_or_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "sub").mkdir()
    cases = [({"a.txt": b"1", "sub/../a.txt": b"2"}, (), "sub/../a.txt: is the same file as the output a.txt; each output needs a "
              "file of its own", "sub/../a.txt: är samma fil som utdatafilen a.txt; varje utdatafil måste ha en egen fil"),
             ({"in.yaml": b"1"}, ("in.yaml",), "in.yaml: would overwrite the input file in.yaml; choose another "
              "output folder", "in.yaml: utdata skulle skriva över indatafilen in.yaml; välj en annan mapp för utdata"),
             ({"dir": b"1"}, (), "dir: is a folder; give the name of a file to write",
              "dir: är en mapp; ange namnet på en fil att skriva")]
    for outputs, inputs, en, sv in cases:
        with pytest.raises(OutputError) as exc:
            write_all({Path(k): v for k, v in outputs.items()}, inputs)
        assert said(exc.value) == (en, sv)


def test_a_folder_that_cannot_be_made_or_written_and_a_file_that_cannot_be_written(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_all({tmp_path / "file" / "out" / "x.txt": b"x"})
    shown = tmp_path / "file" / "out"
    assert said(exc.value) == (f"{shown}: the output folder cannot be made: Not a directory",
                               f"{shown}: mappen för utdata kan inte skapas: Not a directory")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        with pytest.raises(OutputError) as exc:
            write_all({tmp_path / "out" / "x.docx": b"x"})
    target = tmp_path / "out" / "x.docx"
    assert said(exc.value) == (f"{target}: cannot be written: No space left on device; nothing was written",
                               f"{target}: kan inte skrivas: No space left on device; ingenting skrevs")

    import tempfile

    def read_only(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    with monkeypatch.context() as m:
        m.setattr(tempfile, "mkdtemp", read_only)
        with pytest.raises(OutputError) as exc:
            write_all({tmp_path / "out" / "x.yaml": b"x"})
    assert said(exc.value) == (
        f"{tmp_path / 'out'}: cannot write in this folder: Read-only file system; nothing was written",
        f"{tmp_path / 'out'}: kan inte skriva i den här mappen: Read-only file system; ingenting skrevs")


def test_a_rename_that_fails_says_what_was_changed(tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = os.replace

    def failing(src, dst):
        if str(dst).endswith("b.txt"):
            raise OSError(errno.ENOSPC, "No space left on device", dst)
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError) as exc:
        write_all({out / "b.txt": b"b"})
    assert said(exc.value) == (f"{out / 'b.txt'}: cannot be written: No space left on device; nothing was changed",
                               f"{out / 'b.txt'}: kan inte skrivas: No space left on device; ingenting ändrades")


@pytest.mark.parametrize(("epoch", "en", "sv"), [
    ("soon", "SOURCE_DATE_EPOCH must be a whole number of seconds, not 'soon'",
     "SOURCE_DATE_EPOCH ska vara ett heltal (antal sekunder), inte 'soon'"),
    ("-1", "SOURCE_DATE_EPOCH -1 is outside the dates a DOCX can record (up to 2107-12-31: 0 to 4354819198)",
     "SOURCE_DATE_EPOCH -1 ligger utanför de datum en DOCX-fil kan ange (till och med 2107-12-31: 0 till "
     "4354819198)"),
])
def test_a_bad_source_date_epoch_in_both_languages(monkeypatch, epoch, en, sv):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(OutputError) as exc:
        build_time("2025-01-01")
    assert said(exc.value) == (en, sv)


# ---------------------------------------------------------------- through the command line, in Swedish


def run_sv(*args):
    return CliRunner().invoke(main, ["--lang", "sv", *map(str, args)], prog_name="amend")


def test_the_secretary_reads_the_load_and_output_errors_in_swedish(tmp_path):
    res = run_sv("apply", PROGRAM, tmp_path / "nope.yaml", "-o", tmp_path / "out")
    assert (res.exit_code, res.stderr) == (1, f"fel: {tmp_path / 'nope.yaml'}: filen finns inte\n")
    (tmp_path / "p.yaml").write_text(PATCH + "  - {id: a, at: {page: x}, delete: y}\n", encoding="utf-8")
    res = run_sv("apply", PROGRAM, tmp_path / "p.yaml", "-o", tmp_path / "out")
    assert (res.exit_code, res.stderr) == (1, f"fel: {tmp_path / 'p.yaml'}:6: a: amendments[1].at.page: ska vara ett "
                                              "heltal, inte en text\n")
    shutil.copy(PROGRAM, tmp_path / "old.yaml")
    res = run_sv("diff", tmp_path / "old.yaml", PROGRAM, "--html", tmp_path / "old.yaml")
    assert (res.exit_code, res.stderr) == (1, f"fel: {tmp_path / 'old.yaml'}: utdata skulle skriva över indatafilen "
                                              f"{tmp_path / 'old.yaml'}; välj en annan mapp för utdata\n")
    assert not (tmp_path / "out").exists()
