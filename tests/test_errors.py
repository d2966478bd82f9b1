"""Every refusal has one clear message naming file, line and amendment, a
non-zero exit, no traceback, and leaves no output behind."""
from __future__ import annotations

import os
import shutil

import pytest
from conftest import PROGRAM

HEAD = """program: valdsforebyggande-2025-2027
base: proposed
produces: adopted
decision: {body: Kommunfullmäktige, date: "2025-11-20"}
amendments:
"""

CASES = {
    "not-found": ("""
  - id: x
    at: {page: 6, heading: Samverkan, sentence: last}
    after: mellan olika förvaltningar i staden
    insert: y
""", "error: p.yaml:8: x: the text \"mellan olika förvaltningar i staden\" is not on page 6 under 'Samverkan' "
     "in the last sentence. Closest: \"mellan olika förvaltningar i kommunen\" (84% similar, page 6, under "
     "'Samverkan', paragraph 3, sentence 3 of 3)"),
    "heading-not-on-page": ("""
  - id: x
    title: Tillägg 1
    at: {page: 7, heading: Samverkan}
    after: mellan mellan olika förvaltningar i kommunen
    insert: y
""", "error: p.yaml:8: Tillägg 1 (x): there is no heading 'Samverkan' on page 7: it is on page 6"),
    "not-in-sentence": ("""
  - id: x
    at: {page: 6, heading: Samverkan, sentence: first}
    after: mellan mellan olika förvaltningar i kommunen
    insert: y
""", "error: p.yaml:8: x: the text \"mellan mellan olika förvaltningar i kommunen\" is not on page 6 under "
     "'Samverkan' in the first sentence: found page 6, under 'Samverkan', paragraph 3, sentence 3 of 3"),
    "not-on-page": ("""
  - id: x
    at: {page: 7}
    after: mellan mellan olika förvaltningar i kommunen
    insert: y
""", "error: p.yaml:8: x: the text \"mellan mellan olika förvaltningar i kommunen\" is not on page 7: "
     "found page 6, under 'Samverkan', paragraph 3, sentence 3 of 3"),
    "ambiguous": ("""
  - id: x
    at: {page: 6, heading: Samverkan}
    after: förvaltningar
    insert: y
""", "error: p.yaml:8: x: the text \"förvaltningar\" occurs 3 times on page 6 under 'Samverkan' (page 6, "
     "under 'Samverkan', paragraph 1, sentence 2 of 3; page 6, under 'Samverkan', paragraph 3, sentence 1 of 3; "
     "page 6, under 'Samverkan', paragraph 3, sentence 3 of 3); quote more words or set occurrence"),
    "page-out-of-range": ("""
  - id: x
    at: {page: 12}
    after: a
    insert: y
""", "error: p.yaml:7: x: page 12 does not exist (the program has 9 pages)"),
    "column-out-of-range": ("""
  - id: x
    at: {page: 8, column: 4}
    add_item: y
""", "error: p.yaml:7: x: column 4 does not exist on page 8 (there are 3 columns)"),
    "unknown-operation": ("""
  - id: x
    at: {page: 8, column: 3}
    add_itme: y
""", "error: p.yaml:8: x: unknown operation or key 'add_itme' (did you mean 'add_item'?); operations are: "
     "insert, replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, "
     "delete_section, replace_section_text"),
    "two-operations": ("""
  - id: x
    at: {page: 8, column: 3}
    add_item: y
    delete: z
""", "error: p.yaml:6: x: has 2 operations (add_item, delete); an amendment has exactly one of: insert, "
     "replace, delete, add_item, add_paragraph, delete_paragraph, delete_item, add_section, delete_section, "
     "replace_section_text"),
    "conflict": ("""
  - id: a
    at: {page: 6, heading: Samverkan}
    replace: mellan mellan olika förvaltningar
    with: mellan olika förvaltningar
  - id: b
    at: {page: 6, heading: Samverkan}
    after: mellan mellan olika förvaltningar i kommunen
    insert: y
""", "error: p.yaml:6: a: changes text that b (line 10) also changes or quotes; the two amendments overlap "
     "and cannot both apply as worded"),
    "no-such-heading": ("""
  - id: x
    at: {page: 6, heading: Samverkn}
    after: a
    insert: b
""", "error: p.yaml:7: x: there is no heading 'Samverkn' (headings that are close: 'Samverkan' (page 6))"),
    "inside-a-word": ("""
  - id: x
    at: {page: 6, heading: Samverkan}
    after: arbetsgrup
    insert: b
""", "error: p.yaml:8: x: the text \"arbetsgrup\" occurs on page 6 under 'Samverkan' only as part of a longer "
     "word; quote whole words"),
    "bad-scope-value": ("""
  - id: x
    at: {page: six}
    add_item: y
""", "error: p.yaml:7: x: amendments[1].at.page: must be a whole number, not text"),
    "duplicate-id": ("""
  - id: x
    at: {page: 8, column: 3}
    add_item: y
  - id: x
    at: {page: 8, column: 3}
    add_item: z
""", "error: p.yaml:9: the id 'x' is already used on line 6; ids must be unique"),
    "replace-without-with": ("""
  - id: x
    at: {page: 6}
    replace: Samverkan
""", "error: p.yaml:6: x: 'replace' needs 'with' (the new text; empty text deletes)"),
    "no-list-in-scope": ("""
  - id: x
    at: {page: 6, heading: Ansvar och organisation}
    add_item: y
""", "error: p.yaml:7: x: there is no list on page 6 under 'Ansvar och organisation' to add an item to"),
    "no-such-sentence": ("""
  - id: x
    at: {page: 6, heading: Samverkan, paragraph: 1, sentence: 9}
    after: a
    insert: b
""", "error: p.yaml:7: x: there is no 9th sentence on page 6 under 'Samverkan' in the 1st paragraph (there are 3)"),
}


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROGRAM, tmp_path / "program.yaml")
    return tmp_path


@pytest.mark.parametrize("name", sorted(CASES))
def test_refusal_message_and_nothing_written(name, here, amend):
    body, message = CASES[name]
    (here / "p.yaml").write_text(HEAD + body.lstrip("\n"), encoding="utf-8")
    before = (here / "program.yaml").read_bytes()
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines()[0] == message
    assert "Traceback" not in res.err
    assert not (here / "out").exists() or not list((here / "out").iterdir())
    assert (here / "program.yaml").read_bytes() == before


def test_every_failing_amendment_is_listed(here, amend):
    body = CASES["page-out-of-range"][0].lstrip("\n") + CASES["column-out-of-range"][0].lstrip("\n")
    first, second = body.split("  - id: x\n")[1:]
    (here / "p.yaml").write_text(HEAD + "  - id: x\n" + first + "  - id: z\n" + second, encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines() == [
        "error: p.yaml:7: x: page 12 does not exist (the program has 9 pages)",
        "error: p.yaml:11: z: column 4 does not exist on page 8 (there are 3 columns)",
    ]


def test_malformed_yaml(here, amend):
    (here / "p.yaml").write_text("program: [unclosed\n", encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines() == ["error: p.yaml:2: is not valid YAML: expected ',' or ']', but got '<stream end>'"]


def test_duplicate_key(here, amend):
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    id: y\n    delete: a\n", encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines() == ["error: p.yaml:7: the key 'id' is written twice"]


def test_missing_file(here, amend):
    res = amend("apply", "program.yaml", "nope.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, ["error: nope.yaml: file not found"])


def test_wrong_version(here, amend):
    (here / "p.yaml").write_text(HEAD.replace("base: proposed", "base: adopted") + "  - id: x\n    delete: a\n",
                                 encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines() == ["error: p.yaml: is worded against the version 'adopted', but the program "
                                    "given is the version 'proposed'"]


def test_wrong_program(here, amend):
    (here / "p.yaml").write_text(HEAD.replace("program: valdsforebyggande-2025-2027", "program: other")
                                 + "  - id: x\n    delete: a\n", encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines() == ["error: p.yaml: is for the program 'other', not 'valdsforebyggande-2025-2027' "
                                    "(program.yaml)"]


def test_bad_program_block(here, amend):
    text = (here / "program.yaml").read_text(encoding="utf-8").replace(
        "      - bullets:\n", "      - bulets:\n", 1)
    (here / "program.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("      - bulets:") + 1
    res = amend("validate", "program.yaml")
    assert res.code == 1
    [message] = res.err.splitlines()
    assert message.startswith(f"error: program.yaml:{line}: sections[")
    assert "not a valid block (keys: bulets); a block is plain text (a paragraph) or one of paragraph:, " \
           "bullets:, numbered:, table:, columns:" in message


def test_usage_error_exits_2(here, amend):
    res = amend("apply", "program.yaml")
    assert res.code == 2
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out", "--fuzzy", "2")
    assert res.code == 2


def test_refuses_to_overwrite_an_input(here, amend):
    out = here / "out"
    assert amend("apply", "program.yaml", "../" + str(here.name) + "/program.yaml", "-o", "out").code == 1
    adopted_dir = here / "adopted"
    adopted_dir.mkdir()
    # an input that has the name the output would get
    target = adopted_dir / "valdsforebyggande-2025-2027.adopted.yaml"
    shutil.copy(here / "program.yaml", target)
    patch = HEAD + "  - id: x\n    at: {page: 8, column: 3}\n    add_item: Ny punkt.\n"
    (here / "p.yaml").write_text(patch, encoding="utf-8")
    res = amend("apply", str(target), "p.yaml", "-o", "adopted")
    assert res.code == 1
    assert "would overwrite the input file" in res.err
    assert target.read_bytes() == (here / "program.yaml").read_bytes()
    assert not out.exists()


def test_failed_write_leaves_no_temporary_file(here, amend, monkeypatch):
    import amend.output as output

    (here / "p.yaml").write_text(HEAD + "  - id: x\n    at: {page: 8, column: 3}\n    add_item: Ny punkt.\n",
                                 encoding="utf-8")
    real = os.fsync
    calls = []

    def failing(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(fd)

    monkeypatch.setattr(output.os, "fsync", failing)
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.code == 1
    assert res.err.splitlines()[0].startswith("error: ") and "No space left on device" in res.err
    assert list((here / "out").iterdir()) == []


def test_fuzzy_match_is_a_warning_naming_what_matched(here, amend):
    (here / "p.yaml").write_text(HEAD + CASES["not-found"][0].lstrip("\n"), encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out", "--fuzzy", "0.8")
    assert res.code == 0
    assert res.err.splitlines()[0] == (
        "warning: p.yaml:8: x: the text \"mellan olika förvaltningar i staden\" is not on page 6 under "
        "'Samverkan' in the last sentence exactly; used the fuzzy match \"mellan olika förvaltningar i kommunen\" "
        "(84% similar, page 6, under 'Samverkan', paragraph 3, sentence 3 of 3)")
    adopted = (here / "out" / "valdsforebyggande-2025-2027.adopted.yaml").read_text(encoding="utf-8")
    assert "mellan mellan olika förvaltningar i kommunen y." in adopted


def test_fuzzy_below_threshold_is_still_an_error(here, amend):
    (here / "p.yaml").write_text(HEAD + CASES["not-found"][0].lstrip("\n"), encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out", "--fuzzy", "0.9")
    assert res.code == 1
    assert res.err.splitlines()[0] == CASES["not-found"][1]


def test_debug_shows_the_traceback(here, amend):
    (here / "p.yaml").write_text(HEAD + CASES["page-out-of-range"][0].lstrip("\n"), encoding="utf-8")
    from amend.errors import ScopeError

    with pytest.raises(ScopeError):
        amend("--debug", "apply", "program.yaml", "p.yaml", "-o", "out")


SENTENCES = """program: {id: prov, title: Prov, version: v1}
sections:
  - heading: Samverkan
    level: 1
    page: 2
    content:
      - Kommunen samverkar med flera myndigheter (t.ex. Polisen och regionen). Kommunen samverkar med skolorna. Kommunen samverkar med civilsamhället.
"""
SENTENCE_PATCH = """program: prov
base: v1
produces: v2
decision: {body: KF, date: "2026-01-01"}
amendments:
  - id: x
    at: {heading: Samverkan, sentence: %s}
    after: Kommunen samverkar
    insert: aktivt
"""


def test_a_sentence_number_that_an_abbreviation_makes_unclear_is_refused(tmp_path, monkeypatch, amend):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.yaml").write_text(SENTENCES, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(SENTENCE_PATCH % 3, encoding="utf-8")
    res = amend("apply", "prog.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [
        "error: p.yaml:7: x: which is the 3rd sentence under 'Samverkan' is unclear: '(t.ex.' may or may not end "
        "a sentence; drop sentence: and let the quoted words say where"])
    # the last sentence is the last whichever way "t.ex." is read
    (tmp_path / "p.yaml").write_text(SENTENCE_PATCH % "last", encoding="utf-8")
    assert amend("apply", "prog.yaml", "p.yaml", "-o", "out").code == 0
    assert "Kommunen samverkar aktivt med civilsamhället." in (tmp_path / "out" / "prov.v2.yaml").read_text("utf-8")


@pytest.mark.parametrize("body,message", [
    ("  - id: x\n    at: {page: 6, heading: Samverkan, item: 2}\n    add_item: Ny punkt.\n",
     "error: p.yaml:7: x: 'item' in the scope names one item, but add_item adds to a list: say where with "
     "position: N (first, last) or after_item: \"its opening words\""),
    ("  - id: x\n    at: {page: 5, column: 2}\n    add_paragraph: Ny text.\n",
     "error: p.yaml:7: x: a column of a table holds one cell per row: give the row too"),
    ("  - id: x\n    at: {page: 9}\n    delete: Uppföljningen genomförs i följande steg.\n",
     "error: p.yaml:8: x: deletes the whole paragraph (page 9, under 'Uppföljning och revidering', paragraph 2); "
     "use delete_paragraph"),
    ("  - id: x\n    at: {page: 8, heading: Kompetensutveckling, paragraph: 3}\n    insert: Ny mening.\n",
     "error: p.yaml:7: x: there is no 3rd paragraph on page 8 under 'Kompetensutveckling' (there are 2; "
     "2 more stand in columns or tables: give the column)"),
    ("  - id: x\n\tat: {page: 6}\n",
     "error: p.yaml:7: is not valid YAML: a tab is used for indentation; indent with spaces"),
    ("  - id: x\n    replace: \"abc\n    with: b\n",
     "error: p.yaml:7: is not valid YAML: a quote is opened and never closed"),
    ("  - id: x\n    at: {page: 2}\n    replace: \"2027\"\n    with: 2028\n",
     "error: p.yaml:9: x: amendments[1].with: must be text, not a whole number; put it in quotes: \"2028\""),
])
def test_more_refusals(body, message, here, amend):
    (here / "p.yaml").write_text(HEAD + body, encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [message])
    assert not (here / "out").exists()


def test_a_file_not_in_utf8_names_its_line(here, amend):
    (here / "p.yaml").write_bytes((HEAD + "  - id: x\n    delete: \"").encode() + "året\"\n".encode("cp1252"))
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert res.err.splitlines() == ["error: p.yaml:7: is not saved as UTF-8 (perhaps as Windows-1252); save it again "
                                    "as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"]


def test_program_and_patch_given_the_wrong_way_round(here, amend):
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    delete: a\n", encoding="utf-8")
    res = amend("apply", "p.yaml", "program.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [
        "error: p.yaml: is a patch file, not a program; the order is: amend apply PROGRAM PATCH..."])


def test_a_value_yaml_cannot_read(here, amend):
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    delete: =\n", encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [
        "error: p.yaml:7: is not valid YAML: '=' cannot be read as a value; put it in quotes"])


# ---------------------------------------------------------------- issue 9: crashes, exit codes, messages


def test_a_bug_exits_3_not_1(here, amend, monkeypatch):
    import amend.load as load

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(load, "program_from_data", broken)
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    delete: a\n", encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (3, [
        "error: amend failed unexpectedly (ZeroDivisionError: a bug). Nothing was written. Run again with --debug "
        "and report it."])
    assert not (here / "out").exists()


@pytest.mark.parametrize("body,message", [
    # crashed with IndexError, TypeError, KeyError ('Heading 2.0'), ValueError (not XML compatible)
    ("  - id: x\n    at: {page: 6}\n    after: \"  \"\n    insert: y\n",
     "error: p.yaml:8: x: amendments[1].after: quotes nothing once spaces and invisible characters (soft hyphens, "
     "zero-width spaces) are left out; quote the words"),
    ("  - id: x\n    at: {page: 6}\n    after: \"\\u00ad\"\n    insert: y\n",
     "error: p.yaml:8: x: amendments[1].after: quotes nothing once spaces and invisible characters (soft hyphens, "
     "zero-width spaces) are left out; quote the words"),
    ("  - id: x\n    at: {page: 6, occurrence: 1.0}\n    after: Samverkan\n    insert: y\n",
     "error: p.yaml:7: x: amendments[1].at.occurrence: must be a whole number: write 1, not 1.0"),
    ("  - id: x\n    add_section: {heading: Ny, level: 2.0}\n",
     "error: p.yaml:7: x: amendments[1].add_section.level: must be a whole number: write 2, not 2.0"),
    ("  - id: x\n    at: {page: 8, column: 3}\n    add_item: \"Ny\\x01 punkt.\"\n",
     "error: p.yaml:8: holds the control character U+0001; a document cannot contain it: remove it"),
    ("  - id: x\n    at: {page: 8, column: 3}\n    add_item: \"Ny\\uffff\"\n",
     "error: p.yaml:8: holds U+FFFF, which is not a character; a document cannot contain it: remove it"),
    # silent no-ops or adopted YAML that `amend validate` rejected
    ("  - id: x\n    at: {page: 6, heading: Samverkan, paragraph: 1}\n    insert: \"  \"\n",
     "error: p.yaml:8: x: amendments[1].insert: is only spaces or invisible characters, so nothing would be added; "
     "write the text"),
    ("  - id: x\n    at: {page: 8, column: 3}\n    add_item: \" \"\n",
     "error: p.yaml:8: x: amendments[1].add_item: is only spaces or invisible characters, so nothing would be added; "
     "write the text"),
    ("  - id: x\n    add_section: {heading: \"  \"}\n",
     "error: p.yaml:7: x: amendments[1].add_section.heading: the heading is only spaces or invisible characters, so "
     "nothing would be added; write the text"),
    ("  - id: x\n    at: {page: 9}\n    replace: Uppföljningen genomförs i följande steg.\n    with: \" \"\n",
     "error: p.yaml:9: x: amendments[1].with: is only spaces; to delete the quoted text write with: \"\" "
     "(or use delete:)"),
    # pages going back or far ahead: exit 0 before, with YAML that failed validation or 87 blank pages
    ("  - id: x\n    add_section:\n      heading: Ny\n      content: [{paragraph: Text., page: 90}]\n",
     "error: p.yaml:8: x: the new text has page 90, but the program ends on page 9 and an amendment may add at "
     "most 10 pages; check the page number"),
    ("  - id: x\n    add_section:\n      heading: Ny\n      content: [{paragraph: Text., page: 3}]\n",
     "error: p.yaml:8: x: the new text has page 3, before page 9 where its section starts; pages must not go back"),
])
def test_bad_values_are_refused_at_load_with_their_line(body, message, here, amend):
    (here / "p.yaml").write_text(HEAD + body, encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [message])
    assert not (here / "out").exists()


def test_a_paragraph_number_found_is_counted_as_the_scope_counts(tmp_path, monkeypatch, amend):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.yaml").write_text("""program: {id: prov, title: Prov, version: v1}
sections:
  - heading: A
    page: 6
    content:
      - Ett stycke om skolan.
      - Två stycken om polisen.
      - {paragraph: Tre stycken om regionen., page: 7}
      - Fyra stycken om kyrkan.
""", encoding="utf-8")
    patch = SENTENCE_PATCH.replace("sentence: %s", "page: 7, paragraph: 1").replace(
        "after: Kommunen samverkar", "after: om kyrkan")
    (tmp_path / "p.yaml").write_text(patch.replace("heading: Samverkan", "heading: A"), encoding="utf-8")
    res = amend("apply", "prog.yaml", "p.yaml", "-o", "out")
    # before: "… in the 1st paragraph: found page 7, under 'A', paragraph 4" (counted from page 6)
    assert res.err.splitlines() == [
        "error: p.yaml:8: x: the text \"om kyrkan\" is not on page 7 under 'A' in the 1st paragraph: found page 7, "
        "under 'A', paragraph 2 on the page (4th under the heading), sentence 1 of 1"]


@pytest.mark.parametrize("epoch", ["4354819199", "99999999999999", "-5"])
def test_source_date_epoch_beyond_what_a_docx_can_hold(epoch, here, amend):
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    at: {page: 8, column: 3}\n    add_item: Ny punkt.\n",
                                 encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out", env={"SOURCE_DATE_EPOCH": epoch})
    assert (res.code, res.err.splitlines()) == (1, [
        f"error: SOURCE_DATE_EPOCH {epoch} is outside the dates a DOCX can record (up to 2107-12-31: 0 to "
        "4354819198)"])
    assert not (here / "out").exists()


def test_an_unterminated_quote_is_not_called_indentation(here, amend):
    (here / "p.yaml").write_text(HEAD + "  - id: x\n    at: {page: 6}\n    replace: \"abc\n    with: \"b\"\n",
                                 encoding="utf-8")
    res = amend("apply", "program.yaml", "p.yaml", "-o", "out")
    assert (res.code, res.err.splitlines()) == (1, [
        "error: p.yaml:8: is not valid YAML: the quote opened here runs on to line 9; close it on this line"])


def test_utf16_is_named(here, amend):
    (here / "p.yaml").write_bytes(b"\xff\xfe" + (HEAD + "  - id: x\n    delete: a\n").encode("utf-16-le"))
    res = amend("validate", "p.yaml")
    assert res.err.splitlines() == ["error: p.yaml:1: is saved as UTF-16, not UTF-8; save it again as UTF-8 "
                                    "(in Notepad: Save as, Encoding: UTF-8)"]


def test_check_reports_every_bad_amendment_of_a_patch(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from cli import main

    shutil.copytree(PROGRAM.parent, tmp_path / "programs")
    (tmp_path / "amendments" / "valdsforebyggande-2025-2027").mkdir(parents=True)
    (tmp_path / "amendments" / "valdsforebyggande-2025-2027" / "p.yaml").write_text(
        HEAD + "  - id: a\n    at: {page: 6}\n    after: \"\\u00ad\"\n    insert: y\n"
               "  - id: b\n    at: {page: 6, occurrence: 1.0}\n    after: Samverkan\n    insert: y\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert res.exit_code == 1
    assert "failed unexpectedly" not in res.output
    assert "a: amendments[1].after: quotes nothing" in res.output
    assert "b: amendments[2].at.occurrence: must be a whole number: write 1, not 1.0" in res.output


@pytest.mark.parametrize("written, line", [('"2025-02-30"', 4), ("2025-02-30", 4)])
def test_a_date_not_in_the_calendar_is_refused(written, line, here, amend):
    head = HEAD.replace('date: "2025-11-20"', f"date: {written}")
    (here / "p.yaml").write_text(head + "  - id: x\n    at: {page: 8, column: 3}\n    add_item: Ny punkt.\n",
                                 encoding="utf-8")
    res = amend("validate", "p.yaml")
    assert res.code == 1
    assert res.err.splitlines()[-1].startswith(f"error: p.yaml:{line}:")
    assert "'2025-02-30' is not a date in the calendar" in res.err


def test_the_errors_of_a_pass_are_raised_as_one():
    from amend.errors import AmendError, AmendErrors

    one, two = AmendError("first"), AmendError("second")
    assert AmendErrors.of([one]) is one
    both = AmendErrors.of([one, two])
    assert isinstance(both, AmendErrors) and both.errors == [one, two] and str(both) == "first\nsecond"


def test_an_error_reads_back_as_the_errors_it_stands_for():
    from amend.errors import AmendError, AmendErrors

    one, two = AmendError("first"), AmendError("second")
    assert one.each() == [one] and AmendErrors.of([one]).each() == [one]
    assert AmendErrors.of([one, two]).each() == [one, two]
