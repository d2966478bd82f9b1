"""Messages of reading program and patch files (amend/load.py, amend/history_load.py)."""

_SAVE_AS_UTF8 = "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
_SPARA_SOM_UTF8 = "spara den igen som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8)"
_BLOCK = ("a block is plain text (a paragraph) or one of paragraph:, bullets:, numbered:, table:, columns: "
          "(optionally with page:)")
_BLOCK_SV = ("ett block är vanlig text (ett stycke) eller något av paragraph:, bullets:, numbered:, table:, columns: "
             "(eventuellt med page:)")
_NO_TEXT = "is only spaces or invisible characters, so nothing would be added; write the text"
_INGEN_TEXT = "består bara av mellanslag eller osynliga tecken, så ingenting skulle läggas till; skriv texten"

MESSAGES: dict[str, tuple[str, str]] = {
    # the file itself
    "load.not_found": ("file not found", "filen finns inte"),
    "load.unreadable": ("cannot be read: {reason}", "kan inte läsas: {reason}"),
    "load.is_folder": ("is a folder, not a file", "är en mapp, inte en fil"),
    "load.not_plain_file": (
        "is not a plain file (it is a device, a pipe or a socket); give the path of a file",
        "är ingen vanlig fil (det är en enhet, en pipe eller en socket); ange sökvägen till en fil"),
    "load.empty": ("is empty", "är tom"),
    "load.encoding.other": (f"is saved as {{encoding}}, not UTF-8; {_SAVE_AS_UTF8}",
                            f"är sparad som {{encoding}}, inte UTF-8; {_SPARA_SOM_UTF8}"),
    "load.encoding.not_utf8": (f"is not saved as UTF-8 (perhaps as Windows-1252); {_SAVE_AS_UTF8}",
                               f"är inte sparad som UTF-8 (kanske som Windows-1252); {_SPARA_SOM_UTF8}"),
    "load.encoding.nul": (
        "holds a NUL character (byte 0), which no text file has; it may be a binary file or damaged: "
        "check that it is the right file",
        "innehåller ett NUL-tecken (byte 0), som ingen textfil har; den kan vara en binär fil eller skadad: "
        "kontrollera att det är rätt fil"),
    # amend's limits
    "load.limit.file_size": (
        "the file ({size:,} bytes) is over amend's limit of {limit:,} bytes; "
        "split it, or check that it is the right file",
        "filen ({size:,} byte) är större än amends gräns på {limit:,} byte; dela upp den, eller kontrollera att det "
        "är rätt fil"),
    "load.limit.file_grew": (
        "the file is over amend's limit of {limit:,} bytes; split it, or check that it is the right file",
        "filen är större än amends gräns på {limit:,} byte; dela upp den, eller kontrollera att det är rätt fil"),
    "load.limit.depth": (
        "the nesting of lists and mappings here is over amend's limit of {limit:,} levels; "
        "check the brackets and the indentation",
        "listor och mappningar ligger här i fler nivåer än amends gräns på {limit:,} nivåer; "
        "kontrollera hakparenteserna och indraget"),
    "load.limit.aliases": (
        "the number of aliases (*name) is over amend's limit of {limit:,} aliases; "
        "write the values out instead of repeating them with & and *",
        "antalet alias (*namn) är större än amends gräns på {limit:,} alias; "
        "skriv ut värdena i stället för att upprepa dem med & och *"),
    "load.limit.values": (
        "the number of values (with aliases expanded) is over amend's limit of {limit:,} values; "
        "split the file, or write repeated values out instead of using & and *",
        "antalet värden (med alias utskrivna) är större än amends gräns på {limit:,} värden; "
        "dela upp filen, eller skriv ut upprepade värden i stället för att använda & och *"),
    "load.limit.digits": (
        "the number {start}… ({length:,} characters) is over amend's limit of {limit:,} digits; "
        "check the value; put a text in quotes",
        "talet {start}… ({length:,} tecken) är större än amends gräns på {limit:,} siffror; "
        "kontrollera värdet; sätt en text inom citattecken"),
    "load.limit.text": (
        "this text ({length:,} characters) is over amend's limit of {limit:,} characters; split it into paragraphs",
        "den här texten ({length:,} tecken) är längre än amends gräns på {limit:,} tecken; dela upp den i stycken"),
    "load.limit.amendments": (
        "the number of amendments ({count:,}) is over amend's limit of {limit:,} amendments; "
        "split them over several patch files",
        "antalet ändringar ({count:,}) är större än amends gräns på {limit:,} ändringar; "
        "dela upp dem på flera ändringsfiler"),
    "load.limit.page": (
        "page {page:,} is over amend's limit of {limit:,} pages; check the page number",
        "sidan {page:,} är över amends gräns på {limit:,} sidor; kontrollera sidnumret"),
    # characters
    "load.char.holds": ("holds {what}; a document cannot contain it: remove it",
                        "innehåller {what}; ett dokument kan inte innehålla det: ta bort det"),
    "load.char.bidi": (
        "the invisible text-direction control {code}, which shows the text in another order than it is read",
        "det osynliga styrtecknet för textriktning {code}, som visar texten i en annan ordning än den läses"),
    "load.char.surrogate": (
        "{code}, half of a character pair (an escape such as \\ud800), which is no character on its own",
        "{code}, halva ett teckenpar (en kod som \\ud800), som inte är något tecken i sig"),
    "load.char.noncharacter": ("{code}, which is not a character", "{code}, som inte är något tecken"),
    "load.char.control": ("the control character {code}", "styrtecknet {code}"),
    # YAML syntax
    "load.yaml.invalid": ("is not valid YAML: {problem}", "är inte giltig YAML: {problem}"),
    "load.yaml.runaway_quote": (
        "is not valid YAML: the quote opened here runs on to line {line}; close it on this line",
        "är inte giltig YAML: citattecknet som öppnas här fortsätter till rad {line}; stäng det på den här raden"),
    "load.yaml.syntax": ("syntax error", "syntaxfel"),
    "load.yaml.tab": ("a tab is used for indentation; indent with spaces",
                      "en tabb används för indrag; gör indrag med mellanslag"),
    "load.yaml.colon": (
        "a ': ' where none belongs: check the indentation, or put a text that holds ': ' in quotes",
        "ett ”: ” där det inte hör hemma: kontrollera indraget, eller sätt en text som innehåller ”: ” "
        "inom citattecken"),
    "load.yaml.indent": ("the indentation does not line up with the lines above",
                         "indraget stämmer inte med raderna ovanför"),
    "load.yaml.unclosed": ("a quote is opened and never closed", "ett citattecken öppnas men stängs aldrig"),
    "load.yaml.escape": ("a backslash in a \"double-quoted\" text; use 'single quotes'",
                         "ett omvänt snedstreck i en text inom \"dubbla citattecken\"; använd 'enkla citattecken'"),
    "load.yaml.list_item": ("a list item ('- ') does not line up with the items above",
                            "en listpunkt (”- ”) står inte i linje med punkterna ovanför"),
    "load.yaml.unreadable_value": (
        "is not valid YAML: {value!r} cannot be read as a value; put it in quotes",
        "är inte giltig YAML: {value!r} kan inte läsas som ett värde; sätt det inom citattecken"),
    "load.not_a_date": ("{value!r} is not a date in the calendar", "{value!r} är inget datum som finns i kalendern"),
    "load.key_not_text": ("a key must be plain text", "en nyckel ska vara vanlig text"),
    "load.key_twice": ("the key '{key}' is written twice", "nyckeln ”{key}” står två gånger"),
    # the schema
    "load.kind.program": ("program", "en programfil"),
    "load.kind.patch": ("patch", "en ändringsfil"),
    "load.not_mapping": ("must be a mapping with the keys of a {kind} file",
                         "ska vara en mappning med nycklarna för {kind}"),
    "load.wrong_kind": ("is a {found} file, not a {kind}; the order is: amend apply PROGRAM PATCH...",
                        "är {found}, inte {kind}; ordningen är: amend apply PROGRAM PATCH..."),
    "load.at": ("{at}: {it}", "{at}: {it}"),
    "load.the_file": ("the file", "filen"),
    "load.did_you_mean": (" (did you mean '{key}'?)", " (menade du ”{key}”?)"),
    "load.schema.unknown_key": ("unknown key '{key}'{hint}; allowed here: {allowed}",
                                "okänd nyckel ”{key}”{hint}; tillåtna här: {allowed}"),
    "load.schema.missing": ("'{key}' is missing", "”{key}” saknas"),
    "load.schema.whole_number": ("must be a whole number: write {whole}, not {value}",
                                 "ska vara ett heltal: skriv {whole}, inte {value}"),
    "load.schema.wrong_type": ("must be {expected}, not {found}{hint}", "ska vara {expected}, inte {found}{hint}"),
    "load.schema.hint_empty_text": ('; for an empty text write ""', '; skriv "" för en tom text'),
    "load.schema.hint_quote": ('; put it in quotes: "{value}"', '; sätt det inom citattecken: ”{value}”'),
    "load.schema.either": ("{xs:or}", "{xs:or}"),
    "load.type.string": ("text", "en text"),
    "load.type.integer": ("a whole number", "ett heltal"),
    "load.type.array": ("a list", "en lista"),
    "load.type.object": ("a mapping", "en mappning"),
    "load.type.boolean": ("true or false", "true eller false"),
    "load.type.null": ("empty", "tomt"),
    "load.type.number": ("a number", "ett tal"),
    "load.json.string": ("string", "texten"),
    "load.json.integer": ("integer", "heltalet"),
    "load.json.number": ("number", "talet"),
    "load.json.array": ("array", "listan"),
    "load.json.object": ("object", "mappningen"),
    "load.json.null": ("null", "det tomma värdet"),
    "load.json.boolean": ("boolean", "sanningsvärdet"),
    "load.schema.not_block": (f"not a valid block (keys: {{keys}}); {_BLOCK}",
                              f"inget giltigt block (nycklar: {{keys}}); {_BLOCK_SV}"),
    "load.schema.not_row": (
        "not a valid table row (keys: {keys}); a row is a list of its cells, or, where it starts a new page of the "
        "table, {{cells: [...], page: N}}",
        "ingen giltig tabellrad (nycklar: {keys}); en rad är en lista med sina celler, eller, där den börjar en ny "
        "sida av tabellen, {{cells: [...], page: N}}"),
    "load.schema.no_keys": ("none", "inga"),
    "load.schema.not_ordinal": ("must be a number from 1, first or last, not {value!r}{hint}",
                                "ska vara ett tal från 1, first eller last, inte {value!r}{hint}"),
    "load.schema.hint_whole": ("; write {whole}, not {value}", "; skriv {whole}, inte {value}"),
    "load.schema.not_scope_row": (
        "{kind} {value!r} is not allowed here; a row is given by its number, 1 for the first under the header "
        "(row: 2), or by the words its first cell starts with (row: Rakel)",
        "{kind} {value!r} går inte att använda här; en rad anges med sitt nummer, 1 för den första under rubrikraden "
        "(row: 2), eller med orden dess första cell börjar med (row: Rakel)"),
    "load.schema.not_column": (
        "{kind} {value!r} is not allowed here; a column is given by its number, 1 for the first (column: 2), or by "
        "its heading (column: Ansvar)",
        "{kind} {value!r} går inte att använda här; en kolumn anges med sitt nummer, 1 för den första (column: 2), "
        "eller med sin rubrik (column: Ansvar)"),
    "load.schema.not_allowed": (f"{{kind}} {{value!r}} is not allowed here; {_BLOCK}",
                                f"{{kind}} {{value!r}} går inte att använda här; {_BLOCK_SV}"),
    "load.schema.enum": ("must be one of {options}, not {value!r}", "ska vara något av {options}, inte {value!r}"),
    "load.schema.not_iso_date": ('{value!r} is not a date written YYYY-MM-DD (e.g. "2025-10-22")',
                                 '{value!r} är inget datum skrivet ÅÅÅÅ-MM-DD (t.ex. "2025-10-22")'),
    "load.schema.bad_id": ("{value!r} may only use letters, digits, '.', '_' and '-'",
                           "{value!r} får bara innehålla bokstäver, siffror, ”.”, ”_” och ”-”"),
    "load.schema.out_of_range": ("{value} is out of range ({bound} {limit})",
                                 "{value} ligger utanför det tillåtna ({bound} {limit})"),
    "load.schema.minimum": ("minimum", "minst"),
    "load.schema.maximum": ("maximum", "högst"),
    "load.schema.empty": ("must not be empty", "får inte vara tom"),
    # values the schema cannot judge
    "load.value.no_anchor": (
        "quotes nothing once spaces and invisible characters (soft hyphens, zero-width spaces) are left out; "
        "quote the words",
        "citerar ingenting när mellanslag och osynliga tecken (mjuka bindestreck, nollbreddsmellanslag) räknas "
        "bort; citera orden"),
    "load.value.blank_text": (_NO_TEXT, _INGEN_TEXT),
    "load.value.blank_heading": (f"the heading {_NO_TEXT}", f"rubriken {_INGEN_TEXT}"),
    "load.value.blank_title": (f"the title {_NO_TEXT}", f"titeln {_INGEN_TEXT}"),
    "load.value.blank_paragraph": (f"the paragraph {_NO_TEXT}", f"stycket {_INGEN_TEXT}"),
    "load.value.blank_item": (f"the list item {_NO_TEXT}", f"listpunkten {_INGEN_TEXT}"),
    "load.value.blank_column_heading": (f"the column heading {_NO_TEXT}", f"kolumnrubriken {_INGEN_TEXT}"),
    "load.value.blank_with": ('is only spaces; to delete the quoted text write with: "" (or use delete:)',
                              'består bara av mellanslag; skriv with: "" (eller använd delete:) för att ta bort '
                              'den citerade texten'),
    "load.value.blank_cell": ('the cell is only spaces; for an empty cell write ""',
                              'cellen består bara av mellanslag; skriv "" för en tom cell'),
    "load.value.page_back": (
        "page {page} comes after page {last} in the text above it; pages must not go back "
        "(a block without page: is on the page of the block before it)",
        "sidan {page} kommer efter sidan {last} i texten ovanför; sidorna får inte gå bakåt "
        "(ett block utan page: ligger på samma sida som blocket före)"),
    # operations of an amendment
    "load.amendment": ("amendment {n}", "ändring {n}"),
    "load.op.unknown": ("unknown operation or key '{key}'{hint}; operations are: {ops}",
                        "okänd ändringstyp eller nyckel ”{key}”{hint}; ändringstyperna är: {ops}"),
    "load.op.none": ("has no operation; an amendment has exactly one of: {ops}",
                     "har ingen ändringstyp; en ändring har exakt en av: {ops}"),
    "load.op.several": ("has {count} operations ({found}); an amendment has exactly one of: {ops}",
                        "har {count} ändringstyper ({found}); en ändring har exakt en av: {ops}"),
    "load.op.misfit": ("'{key}' does not go with '{op}' (it goes with {fits:or})",
                       "”{key}” hör inte ihop med ”{op}” (den hör ihop med {fits:or})"),
    "load.op.after_and_before": ("has both 'after' and 'before'; use one",
                                 "har både ”after” och ”before”; använd bara en av dem"),
    "load.op.replace_without_with": ("'replace' needs 'with' (the new text; empty text deletes)",
                                     "”replace” behöver ”with” (den nya texten; en tom text tar bort)"),
    "load.op.position_and_after_item": ("has both 'position' and 'after_item'; use one",
                                        "har både ”position” och ”after_item”; använd bara en av dem"),
    "load.duplicate_id": ("the id '{id}' is already used on line {line}; ids must be unique",
                          "id ”{id}” används redan på rad {line}; varje id måste vara unikt"),
    # a history folder (amend/history_load.py)
    "load.history.no_programs": (
        "no program files found in {folder}; give --root the folder that holds programs/ and amendments/",
        "inga programfiler finns i {folder}; ange med --root den mapp som innehåller programs/ och amendments/"),
    "load.history.no_such_program": ("there is no program with the id '{id}' in {folder}",
                                     "det finns inget program med id ”{id}” i {folder}"),
    "load.history.wrong_program": ("is in {folder}, but says it is for the program '{program}'",
                                   "ligger i {folder}, men anger att den gäller programmet ”{program}”"),
}
