"""Findings of the fourth adversarial review (notes/review4): wrong adopted text with exit 0.

Each case runs `amend apply` on a program and patch written here and compares the adopted
text exactly, or the refusal in English and Swedish. Programs have one section, heading
"Samverkan", on page 1 (unless the case needs more).
"""
from __future__ import annotations

import pytest
import yaml
from applying import apply_runner, one_section, write_yaml

from amend.load import load_program
from amend.tree import iter_units


@pytest.fixture
def run(amend, tmp_path, monkeypatch):
    """run(content or program, [amendments], lang="en") → adopted texts, or (code, error lines)."""
    monkeypatch.chdir(tmp_path)
    return apply_runner(amend, tmp_path)


POLISEN = ["Kommunen ska samverka med polisen. Arbetet följs upp årligen."]


# ------------------------------------------------ 2: the inserted text brings its own full stop


@pytest.mark.parametrize("amendment, adopted", [
    ({"after": "samverka med polisen", "insert": "samt med tullen."},
     "Kommunen ska samverka med polisen samt med tullen. Arbetet följs upp årligen."),
    ({"replace": "med polisen", "with": "med polisen och tullen."},
     "Kommunen ska samverka med polisen och tullen. Arbetet följs upp årligen."),
    ({"after": "upp årligen", "insert": "och vid behov."},
     "Kommunen ska samverka med polisen. Arbetet följs upp årligen och vid behov."),
    ({"after": "med polisen", "insert": "m.fl."},
     "Kommunen ska samverka med polisen m.fl. Arbetet följs upp årligen."),
])
def test_2_own_full_stop_is_the_sentences(run, amendment, adopted):
    assert run(POLISEN, [{"at": {"page": 1}, **amendment}]) == [adopted]


def test_2_own_mark_that_differs_is_refused(run):
    code, errors = run(POLISEN, [{"at": {"page": 1}, "after": "med polisen", "insert": "och tullen?"}])
    assert code == 1 and "ends in '.' and the inserted text in '?'" in errors[0]


# ------------------------------------------------ 3 (and 1): the result must still read as written

LOWER_EN = ('a1: the change at "Kommunen ska samverka med polisen." would start a sentence in lower case '
            '("…samverka med polisen. och med tullen Arbetet…"); if the words belong to the sentence before, '
            'quote its words without the full stop')
LOWER_SV = ('a1: ändringen vid ”Kommunen ska samverka med polisen.” skulle börja en mening med liten bokstav '
            '(”…samverka med polisen. och med tullen Arbetet…”); om orden hör till meningen före, citera dess ord '
            'utan punkten')


@pytest.mark.parametrize("lang, expected", [("en", LOWER_EN), ("sv", LOWER_SV)])
def test_3_lower_case_sentence_start_is_refused(run, lang, expected):
    code, errors = run(POLISEN, [{"at": {"page": 1}, "after": "Kommunen ska samverka med polisen.",
                                  "insert": "och med tullen"}], lang=lang)
    assert (code, errors) == (1, [expected])


DOUBLED_EN = ('a1: the change at "Arbetet följs upp årligen." would leave ".." in the text '
              '("…Arbetet följs upp årligen.."); leave the mark out of the new text or out of the quoted words')
DOUBLED_SV = ('a1: ändringen vid ”Arbetet följs upp årligen.” skulle lämna ”..” i texten '
              '(”…Arbetet följs upp årligen..”); ta bort tecknet ur den nya texten eller ur de citerade orden')


@pytest.mark.parametrize("lang, expected", [("en", DOUBLED_EN), ("sv", DOUBLED_SV)])
def test_3_doubled_full_stop_is_refused(run, lang, expected):
    code, errors = run(POLISEN, [{"at": {"page": 1}, "after": "Arbetet följs upp årligen.", "insert": "."}],
                       lang=lang)
    assert (code, errors) == (1, [expected])


def test_3_comma_before_full_stop_is_refused(run):
    code, errors = run(["Vi samverkar med polisen, tullen."], [{"at": {"page": 1}, "delete": "tullen"}])
    assert code == 1 and 'would leave ",." in the text' in errors[0]


RUNS_ON_EN = ('a1: the change at "polisen." removes the full stop that ends "Kommunen ska samverka med polisen." '
              'while the next sentence stays, running the two together ("…ska samverka med polisen Arbetet följs '
              'upp…"); keep the full stop in the new text')
RUNS_ON_SV = ('a1: ändringen vid ”polisen.” tar bort punkten som avslutar ”Kommunen ska samverka med polisen.” men '
              'nästa mening står kvar, så att de flyter ihop (”…ska samverka med polisen Arbetet följs upp…”); '
              'behåll punkten i den nya texten')


@pytest.mark.parametrize("lang, expected", [("en", RUNS_ON_EN), ("sv", RUNS_ON_SV)])
def test_3_removing_a_sentence_end_is_refused(run, lang, expected):
    code, errors = run(POLISEN, [{"at": {"page": 1}, "replace": "polisen.", "with": "polisen"}], lang=lang)
    assert (code, errors) == (1, [expected])


BRACKETS_EN = ('a1: the change at "och länet" would leave empty brackets ("…samverkar med regionen () och med polisen."); '
               'quote the brackets too')
BRACKETS_SV = ('a1: ändringen vid ”och länet” skulle lämna en tom parentes (”…samverkar med regionen () och med polisen.”); '
               'citera parentesen också')


@pytest.mark.parametrize("lang, expected", [("en", BRACKETS_EN), ("sv", BRACKETS_SV)])
def test_3_empty_brackets_are_refused(run, lang, expected):
    code, errors = run(["Vi samverkar med regionen (och länet) och med polisen."],
                       [{"at": {"page": 1}, "delete": "och länet"}], lang=lang)
    assert (code, errors) == (1, [expected])


@pytest.mark.parametrize("amendment, adopted", [
    # whole sentences, and edits that keep the sentence ends, are as before
    ({"delete": "Kommunen ska samverka med polisen."}, "Arbetet följs upp årligen."),
    ({"replace": "polisen.", "with": "polisen och tullen."},
     "Kommunen ska samverka med polisen och tullen. Arbetet följs upp årligen."),
    ({"replace": "polisen. Arbetet", "with": "polisen, och arbetet"},
     "Kommunen ska samverka med polisen, och arbetet följs upp årligen."),
    ({"after": "polisen.", "insert": "Tullen deltar."},
     "Kommunen ska samverka med polisen. Tullen deltar. Arbetet följs upp årligen."),
    ({"delete": "(och länet)"}, None),
])
def test_3_edits_that_read_as_written_still_apply(run, amendment, adopted):
    content = POLISEN if adopted else ["Vi samverkar med regionen (och länet) och med polisen."]
    got = run(content, [{"at": {"page": 1}, **amendment}])
    assert got == [adopted or "Vi samverkar med regionen och med polisen."]


# ------------------------------------------------ 1: extract, an anchor quoted with the sentence's full stop

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
MINUTES = ROOT / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt"
ALINGSAS = ROOT / "programs" / "valdsforebyggande-2025-2027.yaml"


@pytest.mark.parametrize("anchor_end, words", [('kommunen." läggs', '"samt med de fackliga parterna"'),
                                                ('kommunen.” läggs', '”samt med de fackliga parterna.”')])
def test_1_extract_anchor_with_the_full_stop_gives_the_words_inside_the_sentence(amend, tmp_path, anchor_end,
                                                                                  words):
    text = MINUTES.read_text(encoding="utf-8")
    text = text.replace('kommunen" läggs följande till: "samt med de fackliga parterna"',
                        anchor_end.replace("läggs", "läggs följande till: ") .replace(":  ", ": ") + words)
    assert text.count(anchor_end) == 2
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(text, encoding="utf-8")
    res = amend("extract", minutes, "--program", ALINGSAS, "-o", tmp_path / "patch.yaml")
    assert res.code == 0, res.err
    res = amend("apply", ALINGSAS, tmp_path / "patch.yaml", "-o", tmp_path / "out")
    assert res.code == 0, res.err
    adopted = [u.text for u in iter_units(load_program(tmp_path / "out" / "valdsforebyggande-2025-2027.adopted.yaml"))]
    hits = [t for t in adopted if "fackliga parterna" in t]
    assert len(hits) == 1 and hits[0].endswith("förvaltningar i kommunen samt med de fackliga parterna."), hits


# ------------------------------------------------ 4: a number grouped with ordinary spaces

BUDGET = ["Budgeten är 1 500 000 kr per år och 2 000 kr per person."]


@pytest.mark.parametrize("old, new", [("500 000 kr", "700 000 kr"), ("1 500", "1 600"), ("000 kr per år", "kr")])
@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_4_part_of_a_spaced_number_is_refused(run, old, new, space):
    content = [BUDGET[0].replace(" 500 000", f"{space}500{space}000").replace("2 000", f"2{space}000")]
    code, errors = run(content, [{"at": {"page": 1}, "replace": old, "with": new}])  # spaces match no-break ones
    # (across a no-break space the refusal keeps its older words: "only as part of a longer word")
    why = "only as part of a longer number; quote the whole number" if space == " " else "only as part of a longer"
    assert code == 1 and why in errors[0], errors


@pytest.mark.parametrize("lang, expected", [
    ("en", 'a1: the text "500 000 kr" occurs on page 1 only as part of a longer number; quote the whole number'),
    ("sv", 'a1: texten ”500 000 kr” finns på sidan 1 bara som en del av ett längre tal; citera hela talet'),
])
def test_4_message(run, lang, expected):
    assert run(BUDGET, [{"at": {"page": 1}, "replace": "500 000 kr", "with": "700 000 kr"}], lang=lang) == \
        (1, [expected])


@pytest.mark.parametrize("old, new, adopted", [
    ("1 500 000 kr", "1 700 000 kr", "Budgeten är 1 700 000 kr per år och 2 000 kr per person."),
    ("2 000 kr", "2 500 kr", "Budgeten är 1 500 000 kr per år och 2 500 kr per person."),
])
def test_4_whole_numbers_still_apply(run, old, new, adopted):
    assert run(BUDGET, [{"at": {"page": 1}, "replace": old, "with": new}]) == [adopted]


def test_4_years_side_by_side_are_not_one_number(run):
    assert run(["Planen gäller 2025 2026 och framåt."], [{"at": {"page": 1}, "replace": "2026", "with": "2027"}]) \
        == ["Planen gäller 2025 2027 och framåt."]


# ------------------------------------------------ 8: item: N with two lists in scope

TWO_LISTS = one_section(None, sections=[{"heading": "Mål", "level": 1, "page": 1, "content": [
    "Kommunen prioriterar följande grupper.", {"bullets": ["Barn och unga.", "Äldre personer."]},
    "Målen för perioden är följande.",
    {"numbered": ["Färre utsätts för våld.", "Fler får stöd i tid.", "Personalen har kunskap."]}]}])
LISTS_EN = ("a1: 2 lists are on page 1 under 'Mål' (the list that starts \"Barn och unga.\"; the list that starts "
            "\"Färre utsätts för våld.\") and each has its own item numbers; name the item by its opening words "
            "(delete_item: \"...\") or quote words in it")
LISTS_SV = ("a1: på sidan 1 under rubriken ”Mål” finns 2 listor (listan som börjar ”Barn och unga.”; listan som börjar "
            "”Färre utsätts för våld.”) och var och en har sina egna punktnummer; ange punkten med dess första ord "
            "(delete_item: ”…”) eller citera ord i den")


@pytest.mark.parametrize("lang, expected", [("en", LISTS_EN), ("sv", LISTS_SV)])
@pytest.mark.parametrize("operation", [{"delete_item": True}, {"replace": "i tid", "with": "tidigt"}])
def test_8_item_number_with_two_lists_is_refused(run, lang, expected, operation):
    assert run(TWO_LISTS, [{"at": {"page": 1, "heading": "Mål", "item": 2}, **operation}], lang=lang) == \
        (1, [expected])


def test_8_items_are_numbered_in_their_list_as_printed(run):
    code, errors = run(TWO_LISTS, [{"at": {"page": 1, "heading": "Mål", "paragraph": 1}, "replace": "i tid",
                                    "with": "tidigt"}])
    assert code == 1 and "under 'Mål', item 2, in the list that starts \"Färre utsätts för våld.\", sentence 1 of 1" in errors[0] and "item 4" not in errors[0], errors


def test_8_item_number_in_one_list_still_applies(run):
    content = ["Kommunen prioriterar följande grupper.", {"bullets": ["Barn och unga.", "Äldre personer."]}]
    assert run(content, [{"at": {"page": 1, "item": 2}, "delete_item": True}]) == \
        ["Kommunen prioriterar följande grupper.", "Barn och unga."]
    assert run(TWO_LISTS, [{"at": {"page": 1, "heading": "Mål"}, "delete_item": "Fler får stöd"}])[-2:] == \
        ["Färre utsätts för våld.", "Personalen har kunskap."]


# ------------------------------------------------ 5: an anchor that a heading in scope also holds

HEADINGS = one_section(None, sections=[
    {"heading": "Samverkan", "level": 1, "page": 1, "content": ["Samverkan sker med regionen."]},
    {"heading": "Insatser", "level": 1, "page": 2, "content": [
        "Insatser sker i tre spår.",
        {"columns": [{"heading": "Chefer", "content": ["Chefer får utbildning."]},
                     {"heading": "Medarbetare", "content": ["Medarbetare får utbildning."]}]}]}])


@pytest.mark.parametrize("lang, old, expected", [
    ("en", "Insatser", "a1: the text \"Insatser\" occurs 2 times on page 2 as printed, counting the heading "
                       "'Insatser'; an amendment changes the text below a heading: say so with heading: (or column:) "
                       "in at:"),
    ("sv", "Insatser", "a1: texten ”Insatser” förekommer 2 gånger på sidan 2 som sidan är tryckt, räknat med rubriken "
                       "”Insatser”; en ändring gäller texten under en rubrik: ange det med heading: (eller column:) i "
                       "at:"),
    ("en", "Chefer", "a1: the text \"Chefer\" occurs 2 times on page 2 as printed, counting the heading of the column "
                     "'Chefer'; an amendment changes the text below a heading: say so with heading: (or column:) in "
                     "at:"),
    ("sv", "Chefer", "a1: texten ”Chefer” förekommer 2 gånger på sidan 2 som sidan är tryckt, räknat med "
                     "kolumnrubriken ”Chefer”; en ändring gäller texten under en rubrik: ange det med heading: (eller "
                     "column:) i at:"),
])
def test_5_anchor_also_in_a_heading_in_scope_is_refused(run, lang, old, expected):
    assert run(HEADINGS, [{"at": {"page": 2}, "replace": old, "with": "Nytt"}], lang=lang) == (1, [expected])


@pytest.mark.parametrize("at, old, changed", [
    ({"page": 2, "heading": "Insatser"}, "Insatser", "Nytt sker i tre spår."),
    ({"page": 2, "column": "Chefer"}, "Chefer", "Nytt får utbildning."),
    ({"page": 2, "paragraph": 1}, "Insatser", "Nytt sker i tre spår."),
    ({"page": 1}, "regionen", "Samverkan sker med Nytt."),
])
def test_5_a_scope_below_the_heading_still_applies(run, at, old, changed):
    assert changed in run(HEADINGS, [{"at": at, "replace": old, "with": "Nytt"}])


# ------------------------------------------------ 6: look-alike characters (NFKC)

@pytest.mark.parametrize("text, old", [
    ("Samverkan kräver \ufb01nansiering från regionen. Ingen ytterligare finansiering behövs.", "finansiering"),
    ("Beslutet fattas av \uff2b\uff26 i juni. Därefter följer KF upp det.", "KF"),
])
def test_6_look_alike_occurrences_are_counted(run, text, old):
    code, errors = run([text], [{"at": {"page": 1}, "replace": old, "with": "X"}])
    assert code == 1 and f'"{old}" occurs 2 times' in errors[0] and "1 of them written with the plain" in errors[0]


@pytest.mark.parametrize("lang, expected", [
    ("en", 'a1: the text "finansiering" occurs 2 times on page 1 as printed, 1 of them written with the plain '
           'letters and the others with look-alike characters (a ligature such as "\ufb01" or full-width letters); '
           "have the program's text corrected, or quote more words, so that one place holds them"),
    ("sv", "a1: texten ”finansiering” förekommer 2 gånger på sidan 1 som sidan är tryckt, 1 av dem med vanliga "
           "bokstäver och de andra med tecken som ser likadana ut (en ligatur som ”\ufb01” eller breda bokstäver); "
           "låt rätta programmets text eller citera fler ord, så att bara ett ställe innehåller dem"),
])
def test_6_message(run, lang, expected):
    text = "Samverkan kräver \ufb01nansiering från regionen. Ingen ytterligare finansiering behövs."
    assert run([text], [{"at": {"page": 1}, "replace": "finansiering", "with": "budget"}], lang=lang) == \
        (1, [expected])


# ------------------------------------------------ 7: at-end insert after ':' ';' ',' or no sentence end

MARK_EN = ("a1: the text on page 1 in the 1st item ends in '{mark}': whether the words go before or after it is "
           "unclear; say where with after: or before: quoting its last words")
MARK_SV = ("a1: texten på sidan 1 i första punkten slutar med ”{mark}”: det är oklart om orden ska stå före eller "
           "efter tecknet; ange var med after: eller before: och citera de sista orden")


@pytest.mark.parametrize("lang, expected", [("en", MARK_EN), ("sv", MARK_SV)])
@pytest.mark.parametrize("item, mark", [("Polisen ska delta;", ";"), ("polisen,", ","), ("Kommunen samverkar med:", ":")])
def test_7_at_end_insert_after_a_list_mark_is_refused(run, lang, expected, item, mark):
    content = ["Vi samverkar.", {"bullets": [item, "Tullen."]}]
    assert run(content, [{"at": {"page": 1, "item": 1}, "insert": "i samverkan"}], lang=lang) == \
        (1, [expected.format(mark=mark)])


NO_STOP_EN = ('a1: the text on page 1 in the 1st item has no full stop at its end, so the sentence "Det är viktigt." '
              "would run on from it; end the text first (replace its last words with the same words and a full stop) "
              "or add the sentence with add_paragraph")
NO_STOP_SV = ("a1: texten på sidan 1 i första punkten slutar inte med punkt, så meningen ”Det är viktigt.” skulle "
              "flyta ihop med den; avsluta texten först (ersätt de sista orden med samma ord och en punkt) eller "
              "lägg till meningen med add_paragraph")


@pytest.mark.parametrize("lang, expected", [("en", NO_STOP_EN), ("sv", NO_STOP_SV)])
def test_7_a_sentence_after_text_without_a_stop_is_refused(run, lang, expected):
    content = ["Vi samverkar.", {"bullets": ["länsstyrelsen", "tullen"]}]
    assert run(content, [{"at": {"page": 1, "item": 1}, "insert": "Det är viktigt."}], lang=lang) == \
        (1, [expected])


@pytest.mark.parametrize("item, new, adopted", [
    ("länsstyrelsen", "och regionen", "länsstyrelsen och regionen"),  # words after words: as before
    ("Polisen ska delta.", "i samverkan", "Polisen ska delta i samverkan."),
    ("Polisen ska delta.", "Det är viktigt.", "Polisen ska delta. Det är viktigt."),
])
def test_7_at_end_inserts_that_are_clear_still_apply(run, item, new, adopted):
    content = ["Vi samverkar.", {"bullets": [item, "tullen"]}]
    assert run(content, [{"at": {"page": 1, "item": 1}, "insert": new}])[1] == adopted


# ------------------------------------------------ 7b: inserted words that attach to the word before

SPACING = ["Samverkan sker med regionen och HR samt WHO och polisen."]


@pytest.mark.parametrize("anchor, new, adopted", [
    ("regionen", "/kommunen", "Samverkan sker med regionen/kommunen och HR samt WHO och polisen."),
    ("HR", "-avdelningen", "Samverkan sker med regionen och HR-avdelningen samt WHO och polisen."),
    ("polisen", "- särskilt", "Samverkan sker med regionen och HR samt WHO och polisen - särskilt."),
    ("polisen", "-5 grader", "Samverkan sker med regionen och HR samt WHO och polisen -5 grader."),
])
def test_7b_slash_and_hyphen_join_the_word_before(run, anchor, new, adopted):
    assert run(SPACING, [{"at": {"page": 1}, "after": anchor, "insert": new}]) == [adopted]


@pytest.mark.parametrize("lang, expected", [
    ("en", 'a1: the change at "WHO" inserts "’s kontor", which starts with an apostrophe: whether it closes the word '
           '"WHO" or opens a quotation is unclear; replace "WHO" with the whole new words instead'),
    ("sv", "a1: ändringen vid ”WHO” infogar ”’s kontor”, som börjar med en apostrof: det är oklart om den hör till "
           "ordet ”WHO” eller inleder ett citat; ersätt ”WHO” med hela de nya orden i stället"),
])
def test_7b_an_apostrophe_after_a_word_is_refused(run, lang, expected):
    assert run(SPACING, [{"at": {"page": 1}, "after": "WHO", "insert": "’s kontor"}], lang=lang) == (1, [expected])


# ------------------------------------------------ 10: a patch extract knows to be incomplete

UNREAD = ('På sidan 6, under rubriken Samverkan, i sista meningen efter "mellan mellan olika \n'
          'förvaltningar i kommunen" läggs följande till: "samt med de fackliga parterna". ')
# "mellan andra och tredje punkten" is not read ("efter andra punkten", which this case used, is since session 9)
REWORDED = ('På sidan 6, under rubriken Samverkan, läggs en ny punkt till mellan andra och tredje punkten: '
            '"Fackliga organisationer." ')


@pytest.fixture
def incomplete(amend, tmp_path):
    """A repository whose one patch extract wrote from minutes where Tillägg 1 cannot be read."""
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(UNREAD) == 2
    (tmp_path / "minutes.txt").write_text(text.replace(UNREAD, REWORDED), encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "programs").mkdir(parents=True)
    (repo / "amendments" / "valdsforebyggande-2025-2027").mkdir(parents=True)
    program = repo / "programs" / ALINGSAS.name
    program.write_bytes(ALINGSAS.read_bytes())
    patch = repo / "amendments" / "valdsforebyggande-2025-2027" / "2025-10-22-ksau-170.yaml"
    res = amend("extract", tmp_path / "minutes.txt", "--program", program, "-o", patch)
    assert res.code == 1 and "needs a human" in res.err + res.out
    return repo, program, patch


INCOMPLETE_EN = ("the patch is marked incomplete: 1 instruction of the minutes (line 78) could not be read into it; "
                 "add the missing amendments by hand, then remove the incomplete: list (apply --preview shows the "
                 "patch as it is)")
INCOMPLETE_SV = ("ändringsfilen är markerad som ofullständig: 1 anvisning i protokollet (rad 78) kunde inte läsas in; "
                 "lägg till de saknade ändringarna för hand och ta sedan bort listan incomplete: (apply --preview visar "
                 "filen som den är)")


def test_10_extract_marks_the_patch_incomplete(incomplete):
    _, _, patch = incomplete
    data = yaml.safe_load(patch.read_text(encoding="utf-8"))
    assert [m["line"] for m in data["incomplete"]] == [78]
    assert "Fackliga organisationer." in data["incomplete"][0]["text"]
    assert [a["id"] for a in data["amendments"]] == ["tillagg-2"]


@pytest.mark.parametrize("lang, expected", [("en", INCOMPLETE_EN), ("sv", INCOMPLETE_SV)])
def test_10_apply_refuses_an_incomplete_patch_without_preview(amend, incomplete, tmp_path, lang, expected):
    _, program, patch = incomplete
    res = amend("--lang", lang, "apply", program, patch, "-o", tmp_path / "out")
    assert res.code == 1 and expected in res.err, res.err
    assert not (tmp_path / "out").exists()
    res = amend("apply", program, patch, "-o", tmp_path / "preview", "--preview")
    assert res.code == 0, res.err


def test_10_check_fails_and_the_version_is_not_in_force(amend, incomplete, monkeypatch):
    repo, _, patch = incomplete
    monkeypatch.chdir(repo)
    res = amend("check")
    assert res.code == 1 and INCOMPLETE_EN in res.out + res.err
    report = amend("check", "--format", "json")
    problems = [p for f in __import__("json").loads(report.out)["patches"] for p in f["problems"]]
    assert [p["kind"] for p in problems] == ["incomplete"]
    res = amend("log", "valdsforebyggande-2025-2027")
    assert "in force on" in res.out and "pending" in res.out and "marked incomplete" in res.out
    # the person adds the missing amendment and removes the mark: the patch is whole again
    data = yaml.safe_load(patch.read_text(encoding="utf-8"))
    del data["incomplete"]
    data["amendments"].insert(0, {"id": "tillagg-1", "at": {"page": 6, "heading": "Samverkan"},
                                  "add_item": "Fackliga organisationer.", "position": 3})
    write_yaml(patch, data)
    assert amend("check").code == 0


# ------------------------------------------------ 11: the type hint quotes what the file says

@pytest.mark.parametrize("written, en_kind, sv_kind", [
    ("yes", "true or false", "true eller false"), ("010", "a whole number", "ett heltal"),
    ("12:30", "a whole number", "ett heltal"), ("2026.50", "a number", "ett tal"), ("No", "true or false",
                                                                                   "true eller false"),
])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_11_type_hint_quotes_the_value_as_written(amend, tmp_path, written, en_kind, sv_kind, lang):
    patch = tmp_path / "patch.yaml"
    patch.write_text("program: p\nbase: proposed\nproduces: adopted\n"
                     "decision: {body: KF, date: '2025-10-22'}\namendments:\n"
                     f"  - id: a\n    at: {{page: 1}}\n    after: polisen\n    insert: {written}\n", encoding="utf-8")
    write_yaml(tmp_path / "prog.yaml", one_section(POLISEN))
    res = amend("--lang", lang, "apply", tmp_path / "prog.yaml", patch, "-o", tmp_path / "out")
    expected = (f'amendments[1].insert: must be text, not {en_kind}; put it in quotes: "{written}"' if lang == "en"
                else f"amendments[1].insert: ska vara en text, inte {sv_kind}; sätt det inom citattecken: ”{written}”")
    assert res.code == 1 and expected in res.err, res.err


# ------------------------------------------------ messages: 12, 13, 14 of the findings

TWO_MAL = one_section(None, sections=[
    {"heading": "Inledning", "level": 1, "page": 1, "content": ["Inledande text."]},
    {"heading": "Mål", "level": 2, "page": 1, "content": ["Första målet gäller unga."]},
    {"heading": "Uppföljning", "level": 1, "page": 1, "content": ["Uppföljning sker."]},
    {"heading": "Mål", "level": 2, "page": 1, "content": ["Andra målet gäller äldre."]},
    {"heading": "Mål", "level": 2, "page": 2, "content": ["Tredje målet gäller alla."]}])


@pytest.mark.parametrize("lang, expected", [
    ("en", "a1: the heading 'Mål' occurs 2 times on page 1, so the page cannot tell them apart; leave heading: out "
           "and quote words that occur under only one of them"),
    ("sv", "a1: rubriken ”Mål” förekommer 2 gånger på sidan 1, så sidan räcker inte för att skilja dem åt; ta bort "
           "heading: och citera ord som bara finns under en av dem"),
])
def test_13_the_same_heading_twice_on_the_cited_page(run, lang, expected):
    assert run(TWO_MAL, [{"at": {"page": 1, "heading": "Mål"}, "replace": "unga", "with": "barn"}], lang=lang) == \
        (1, [expected])
    # and the way the message says works
    assert "Första målet gäller barn." in run(TWO_MAL, [{"at": {"page": 1}, "replace": "unga", "with": "barn"}])


def test_12_close_headings_name_every_section_the_cited_page_first(run):
    code, errors = run(TWO_MAL, [{"at": {"page": 2, "heading": "mål"}, "replace": "alla", "with": "fler"}])
    assert (code, errors) == (1, ["a1: there is no heading 'mål' (headings that are close: 'Mål' (page 2), 'Mål' "
                                  "(page 1), 'Mål' (page 1))"])


@pytest.mark.parametrize("lang, expected", [
    ("en", "a1: 'occurrence' belongs in at: (at: {..., occurrence: ...}), not beside the operation"),
    ("sv", "a1: ”occurrence” ska stå i at: (at: {..., occurrence: ...}), inte bredvid ändringen"),
])
def test_14_a_scope_key_beside_the_operation_says_it_belongs_in_at(run, lang, expected):
    assert run(POLISEN, [{"at": {"page": 1}, "replace": "polisen", "with": "tullen", "occurrence": 1}], lang=lang) == \
        (1, [expected])


@pytest.mark.parametrize("amendment", [{"after": "upp årligen", "insert": "."},
                                       {"replace": "årligen", "with": "."}])
def test_2_a_new_text_of_only_a_full_stop_is_not_folded_away(run, amendment):
    code, errors = run(POLISEN, [{"at": {"page": 1}, **amendment}])
    assert code == 1 and 'would leave ".." in the text' in errors[0], errors
