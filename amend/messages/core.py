"""Messages of the core: scopes and places in words, and why an amendment does not resolve or apply.

A scope or a place is a fragment ("on page 6 under 'Samverkan'" / "på sidan 6 under rubriken
”Samverkan”") nested in the message about it, so that one sentence is written once per language.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- fragments
    "core.then": ("{a} {b}", "{a} {b}"),
    "core.comma": ("{a}, {b}", "{a}, {b}"),
    "core.semicolon": ("{a}; {b}", "{a}; {b}"),
    "core.none": ("none", "inga"),
    "core.quoted_name": ("'{name}'", "”{name}”"),
    # ordinals as the scope writes them: "3rd" in English, "tredje" in Swedish
    "core.ordinal.st": ("{n}st", "{n:ord}"),
    "core.ordinal.nd": ("{n}nd", "{n:ord}"),
    "core.ordinal.rd": ("{n}rd", "{n:ord}"),
    "core.ordinal.th": ("{n}th", "{n:ord}"),
    "core.ordinal.first": ("first", "första"),
    "core.ordinal.last": ("last", "sista"),
    # a scope, coarse to fine
    "core.scope.page": ("on page {page}", "på sidan {page}"),
    "core.scope.heading": ("under '{heading}'", "under rubriken ”{heading}”"),
    "core.scope.column": ("in the {n} column", "i {n} kolumnen"),
    "core.scope.column_named": ("in the '{name}' column", "i kolumnen ”{name}”"),
    "core.scope.row": ("in the {n} row", "i {n} raden"),
    "core.scope.row_named": ("in the row '{name}'", "i raden ”{name}”"),
    "core.scope.paragraph": ("in the {n} paragraph", "i {n} stycket"),
    "core.scope.item": ("in the {n} item", "i {n} punkten"),
    "core.scope.sentence": ("in the {n} sentence", "i {n} meningen"),
    "core.scope.whole": ("in the whole program", "i hela programmet"),
    # a place in the program
    "core.where.page": ("page {page}", "sidan {page}"),
    "core.where.heading": ("under '{heading}'", "under rubriken ”{heading}”"),
    "core.where.column": ("column {column}", "kolumn {column}"),
    "core.where.cell": ("row {row}, column {column}", "rad {row}, kolumn {column}"),
    "core.where.row": ("row {row}", "rad {row}"),
    "core.where.paragraph": ("paragraph {n}", "stycke {n}"),
    "core.where.item": ("item {n}", "punkt {n}"),
    "core.where.paragraph_on_page": ("paragraph {n} on the page ({under} under the heading)",
                                     "stycke {n} på sidan ({under} under rubriken)"),
    "core.where.item_on_page": ("item {n} on the page ({under} under the heading)",
                                "punkt {n} på sidan ({under} under rubriken)"),
    "core.where.sentence": ("sentence {n} of {count}", "mening {n} av {count}"),
    # an address in words (amend.address): "page 8, third column, item 4"
    "core.address.top": ("the whole program", "hela programmet"),
    "core.address.section": ("section {n}", "avsnitt {n}"),
    "core.address.page": ("page {page}", "sidan {page}"),
    "core.address.heading": ("under '{heading}'", "under rubriken ”{heading}”"),
    "core.address.the_heading": ("the heading", "rubriken"),
    "core.address.block": ("part {n}", "del {n}"),
    "core.address.column": ("{n:ord} column", "{n:ord} kolumnen"),
    "core.address.cell": ("row {row}, {n:ord} column", "rad {row}, {n:ord} kolumnen"),
    "core.address.header_cell": ("header row, {n:ord} column", "rubrikraden, {n:ord} kolumnen"),
    "core.address.column_heading": ("the heading of the {n:ord} column", "rubriken i {n:ord} kolumnen"),
    "core.address.title": ("title line {n}", "titelrad {n}"),
    "core.address.row": ("row {row}", "rad {row}"),
    "core.address.header_row": ("header row", "rubrikraden"),
    "core.address.item": ("item {n}", "punkt {n}"),
    "core.address.end": ("at the end", "sist"),
    "core.near_heading": ("'{name}' (page {page})", "”{name}” (sidan {page})"),
    "core.closest": ("\"{text}\" ({similarity:.0%} similar, {where})", "”{text}” ({similarity:.0%} lika, {where})"),
    # ---------------------------------------------------------------- the scope
    "core.page_missing": ("page {page} does not exist (the program has {count} pages)",
                          "sidan {page} finns inte (programmet har {count} {count:plural:sida:sidor})"),
    "core.heading_repeated": ("the heading '{heading}' occurs {count} times ({pages}); give the page to say which",
                              "rubriken ”{heading}” förekommer {count} gånger ({pages}); ange sidan för att säga "
                              "vilken som menas"),
    "core.column_heading_repeated": ("the column heading '{heading}' occurs {count} times ; give the page",
                                     "kolumnrubriken ”{heading}” förekommer {count} gånger; ange sidan"),
    "core.heading_elsewhere": ("there is no heading '{heading}' on page {page}: it is on {pages}",
                               "det finns ingen rubrik ”{heading}” på sidan {page}: den finns på {pages}"),
    "core.heading_missing": ("there is no heading '{heading}'", "det finns ingen rubrik ”{heading}”"),
    "core.heading_missing_near": ("there is no heading '{heading}' (headings that are close: {near})",
                                  "det finns ingen rubrik ”{heading}” (rubriker som liknar den: {near})"),
    "core.no_columns": ("there are no columns {scope}", "det finns inga kolumner {scope}"),
    "core.layouts_repeated": ("{count} column layouts or tables are {scope} ({places}); give the heading to say which",
                              "{scope} finns {count} kolumnuppställningar eller tabeller ({places}); ange rubriken "
                              "för att säga vilken som menas"),
    "core.column_missing": ("column {column} does not exist {scope} (there are {count} columns)",
                            "kolumn {column} finns inte {scope} (det finns {count} {count:plural:kolumn:kolumner})"),
    "core.column_not_single": ("no single column headed '{column}' {scope} (column headings: {named})",
                               "det finns inte en enda kolumn med rubriken ”{column}” {scope} (kolumnrubriker: "
                               "{named})"),
    "core.no_table": ("there is no table {scope}", "det finns ingen tabell {scope}"),
    "core.row_missing": ("row {row} does not exist {scope} (the table has {count} rows below its header)",
                         "rad {row} finns inte {scope} (tabellen har {count} {count:plural:rad:rader} under "
                         "rubrikraden)"),
    "core.row_on_page": ("row {row} of the table is on page {on}, not {scope}",
                         "rad {row} i tabellen står på sidan {on}, inte {scope}"),
    "core.row_count_unclear": (
        "which is the {n} row on page {page} is unclear: counted on page {page} it is the row {here}, counted from "
        "the table's start on page {start} the row {whole}; name the row by the words its first cell starts with "
        "(row: \"…\")",
        "vilken som är {n} raden på sidan {page} är oklart: räknat på sidan {page} är det raden {here}, räknat från "
        "tabellens början på sidan {start} raden {whole}; ange raden med orden dess första cell börjar med "
        "(row: ”…”)"),
    "core.row_elsewhere": ("the row '{name}' is on {places}, not {scope}",
                           "raden ”{name}” står på {places}, inte {scope}"),
    "core.row_not_named": ("no row {scope} starts with '{name}' (the rows there start: {rows})",
                           "ingen rad {scope} börjar med ”{name}” (raderna där börjar: {rows})"),
    "core.row_named_repeated": ("{count} rows {scope} start with '{name}' ({places}); quote more of the row's words",
                                "{count} rader {scope} börjar med ”{name}” ({places}); citera fler av radens ord"),
    "core.row_needs_column": ("a row of a table holds one cell per column: give the column too",
                              "en rad i en tabell har en cell per kolumn: ange kolumnen också"),
    "core.column_needs_row": ("a column of a table holds one cell per row: give the row too",
                              "en kolumn i en tabell har en cell per rad: ange raden också"),
    "core.no_nth_paragraph": ("there is no {n} paragraph {scope} (there {count:plural:is:are} {count}{hint})",
                              "det finns inget {n} stycke {scope} (det finns {count}{hint})"),
    "core.no_nth_item": ("there is no {n} item {scope} (there {count:plural:is:are} {count}{hint})",
                         "det finns ingen {n} punkt {scope} (det finns {count}{hint})"),
    "core.hint_hidden": ("; {hidden} more stand in columns or tables: give the column",
                         "; ytterligare {hidden} står i kolumner eller tabeller: ange kolumnen"),
    "core.no_paragraph_for_sentence": (
        "there is no paragraph {scope} to count sentences in (there {items:plural:is:are} {items} list "
        "{items:plural:item:items}: name the item with item: N)",
        "det finns inget stycke {scope} att räkna meningar i (det finns {items} {items:plural:punkt:punkter} i "
        "en lista: ange punkten med item: N)"),
    "core.no_nth_sentence": ("there is no {n} sentence {scope} (there are {count}{hint})",
                             "det finns ingen {n} mening {scope} (det finns {count}{hint})"),
    "core.hint_items_not_counted": ("; list items are not counted: name the item with item: N",
                                    "; punkter i listor räknas inte: ange punkten med item: N"),
    "core.sentence_unclear": (
        "which is the {n} sentence {scope} is unclear: '{word}' may or may not end a sentence; drop sentence: and "
        "let the quoted words say where",
        "det är oklart vilken som är {n} meningen {scope}: ”{word}” kan avsluta en mening men behöver inte göra "
        "det; ta bort sentence: och låt de citerade orden visa var"),
    # ---------------------------------------------------------------- the quoted text
    "core.occurrence_missing": (
        "the text \"{anchor}\" occurs {count} {count:plural:time:times} {scope}, so occurrence {occurrence} "
        "does not exist",
        "texten ”{anchor}” förekommer {count} {count:plural:gång:gånger} {scope}, så förekomst {occurrence} "
        "finns inte"),
    "core.anchor_repeated": ("the text \"{anchor}\" occurs {count} times {scope} ({places}); quote more words or set "
                             "occurrence",
                             "texten ”{anchor}” förekommer {count} gånger {scope} ({places}); citera fler ord eller "
                             "ange occurrence"),
    "core.anchor_elsewhere": ("the text \"{anchor}\" is not {scope}: found {places}",
                              "texten ”{anchor}” finns inte {scope}, men den finns på {places}"),
    "core.anchor_in_word": ("the text \"{anchor}\" occurs {scope} only as part of a longer word; quote whole words",
                            "texten ”{anchor}” finns {scope} bara som en del av ett längre ord; citera hela ord"),
    "core.fuzzy_used": ("the text \"{anchor}\" is not {scope} exactly; used the fuzzy match \"{found}\" "
                        "({similarity:.0%} similar, {where})",
                        "texten ”{anchor}” finns inte exakt {scope}; använde den närmaste träffen ”{found}” "
                        "({similarity:.0%} lika, {where})"),
    "core.anchor_missing": ("the text \"{anchor}\" is not {scope}", "texten ”{anchor}” finns inte {scope}"),
    "core.anchor_missing_closest": ("the text \"{anchor}\" is not {scope}. Closest: {closest}",
                                    "texten ”{anchor}” finns inte {scope}. Närmast: {closest}"),
    # ---------------------------------------------------------------- the operations
    "core.end_insert_wide": (
        "'insert' without 'after' or 'before' adds at the end of the scope, but {scope} holds {count} paragraphs "
        "or items; narrow it with paragraph, item or sentence",
        "'insert' utan 'after' eller 'before' lägger till texten i slutet, men {scope} finns {count} stycken "
        "eller punkter; avgränsa med paragraph, item eller sentence"),
    "core.scope_text_problem": ("the text {scope} {problem}", "texten {scope} {problem}"),
    "core.quoted_text_problem": ("the text \"{text}\" {problem}", "texten ”{text}” {problem}"),
    "core.deletes_paragraph": ("deletes the whole paragraph ({where}); use delete_paragraph",
                               "stryker hela stycket ({where}); använd delete_paragraph"),
    "core.deletes_item": ("deletes the whole list item ({where}); use delete_item",
                          "stryker hela punkten ({where}); använd delete_item"),
    "core.paragraph_count": ("{scope} holds {count} paragraphs; say which with paragraph: N or quote its opening words",
                             "{scope} finns {count} stycken; ange vilket med paragraph: N eller citera dess första "
                             "ord"),
    "core.item_count": ("{scope} holds {count} list items; say which with item: N or quote its opening words",
                        "{scope} finns {count} punkter; ange vilken med item: N eller citera dess första ord"),
    "core.paragraphs_start": ("{count} paragraphs {scope} start with \"{text}\" ({places})",
                              "{count} stycken {scope} börjar med ”{text}” ({places})"),
    "core.items_start": ("{count} list items {scope} start with \"{text}\" ({places})",
                         "{count} punkter {scope} börjar med ”{text}” ({places})"),
    "core.no_paragraph_starts_elsewhere": ("no paragraph {scope} starts with \"{text}\": found {places}",
                                           "inget stycke {scope} börjar med ”{text}”, men ett sådant finns på "
                                           "{places}"),
    "core.no_item_starts_elsewhere": ("no list item {scope} starts with \"{text}\": found {places}",
                                      "ingen punkt {scope} börjar med ”{text}”, men en sådan finns på {places}"),
    "core.no_paragraph_starts": ("no paragraph {scope} starts with \"{text}\"",
                                 "inget stycke {scope} börjar med ”{text}”"),
    "core.no_item_starts": ("no list item {scope} starts with \"{text}\"", "ingen punkt {scope} börjar med ”{text}”"),
    "core.add_item_needs_place": (
        "'item' in the scope names one item, but add_item adds to a list: say where with position: N (first, last) "
        "or after_item: \"its opening words\"",
        "'item' i at: pekar ut en punkt, men add_item lägger till en punkt i en lista: ange var med position: N "
        "(first, last) eller after_item: ”punktens första ord”"),
    "core.no_list": ("there is no list {scope} to add an item to",
                     "det finns ingen lista {scope} att lägga till en punkt i"),
    "core.lists_repeated": ("{count} lists are {scope} ({places}); narrow with column, paragraph or after_item",
                            "{scope} finns {count} listor ({places}); avgränsa med column, paragraph eller "
                            "after_item"),
    "core.position_missing": ("position {position} does not exist: the list has {count} items",
                              "position {position} finns inte: listan har {count} {count:plural:punkt:punkter}"),
    "core.no_text_for_paragraph": ("there is no text {scope} to add a paragraph after",
                                   "det finns ingen text {scope} att lägga till ett stycke efter"),
    "core.column_heading_not_section": ("'{heading}' is a column heading, not a section heading",
                                        "”{heading}” är en kolumnrubrik, inte rubriken på ett avsnitt"),
    "core.add_section_at_unused": (
        "add_section places the new section after the section named in after_section: (default: at the end of the "
        "program); at: ({scope}) would not be used: write after_section: HEADING (with at: page only to tell two "
        "such headings apart)",
        "add_section lägger det nya avsnittet efter avsnittet som anges i after_section: (annars sist i programmet); "
        "at: ({scope}) skulle inte användas: skriv after_section: RUBRIK (med at: page bara för att skilja två "
        "sådana rubriker åt)"),
    "core.section_needs_heading": ("'{op}' needs the heading of the section (as its value or in at: heading)",
                                   "'{op}' behöver avsnittets rubrik (som värde eller i at: heading)"),
    # ---------------------------------------------------------------- the new text's pages
    "core.pages_before": ("the new text has page {page}, before page {first} where its section starts; pages must "
                          "not go back",
                          "den nya texten har sidan {page}, före sidan {first} där dess avsnitt börjar; sidorna får "
                          "inte gå bakåt"),
    "core.pages_after_next": ("the new text has page {page}, after page {following} where the next section starts; "
                              "pages must not go back",
                              "den nya texten har sidan {page}, efter sidan {following} där nästa avsnitt börjar; "
                              "sidorna får inte gå bakåt"),
    "core.pages_too_many": ("the new text has page {page}, but the program ends on page {last} and an amendment may "
                            "add at most {limit} pages; check the page number",
                            "den nya texten har sidan {page}, men programmet slutar på sidan {last} och en ändring "
                            "får lägga till högst {limit} sidor; kontrollera sidnumret"),
    # ---------------------------------------------------------------- where an insertion goes at a sentence's end
    "core.text_terminal_differs": ("ends in '{terminal}' and the inserted text in '{inserted}'; say where with "
                                   "after: or before:",
                                   "slutar med ”{terminal}” och den infogade texten med ”{inserted}”; ange var med "
                                   "after: eller before:"),
    "core.text_inside_quote": ("ends inside a quotation or brackets ('{quoted}'): whether the words go inside or "
                               "after it is unclear; say where with after: or before:",
                               "slutar inne i ett citat eller en parentes (”{quoted}”): det är oklart om orden ska "
                               "stå inuti eller efter; ange var med after: eller before:"),
    "core.text_ellipsis": ("ends with an ellipsis ('{terminal}'): whether the words go before or after it is "
                           "unclear; say where with after: or before:",
                           "slutar med en utelämningspunkt (”{terminal}”): det är oklart om orden ska stå före "
                           "eller efter den; ange var med after: eller before:"),
    "core.text_abbreviation_end": ("ends in '{word}.', where the full stop may belong to an abbreviation or end the "
                                   "sentence; say where with after: or before:",
                                   "slutar med ”{word}.”, där punkten kan höra till en förkortning eller avsluta "
                                   "meningen; ange var med after: eller before:"),
    "core.text_shared_stop": ("ends in '{word}.', and whether that full stop also ends the sentence is unclear; "
                              "quote the words after it too",
                              "slutar med ”{word}.”, och det är oklart om den punkten också avslutar meningen; "
                              "citera även orden efter den"),
    # ---------------------------------------------------------------- conflicts and versions
    "core.conflict": ("changes text that {other} (line {line}) also changes or quotes; the two amendments overlap "
                      "and cannot both apply as worded",
                      "ändrar text som {other} (rad {line}) också ändrar eller citerar; de två ändringarna "
                      "överlappar och kan inte båda genomföras som de är skrivna"),
    # review 7 M2: an add_item that counts its position changes no text a secretary could see overlap
    "core.conflict_counted": ("counts its place in the list (position: {position}) among the items as they are now, "
                              "and {other} (line {line}) {change} that list; the two amendments overlap and cannot "
                              "both apply as worded",
                              "räknar sin plats i listan (position: {position}) bland punkterna som de är nu, och "
                              "{other} (rad {line}) {change} den listan; de två ändringarna överlappar och kan inte "
                              "båda genomföras som de är skrivna"),
    "core.conflict_counted_by": ("{change} a list in which {other} (line {line}) counts its place (position: "
                                 "{position}) among the items as they are now; the two amendments overlap and cannot "
                                 "both apply as worded",
                                 "{change} en lista där {other} (rad {line}) räknar sin plats (position: {position}) "
                                 "bland punkterna som de är nu; de två ändringarna överlappar och kan inte båda "
                                 "genomföras som de är skrivna"),
    "core.list_change_removes": ("removes the item \"{item}\" from", "tar bort punkten ”{item}” ur"),
    "core.list_change_adds": ("adds the item \"{item}\" to", "lägger till punkten ”{item}” i"),
    "core.wrong_program": ("is for the program '{wanted}', not '{program}' ({source})",
                           "gäller programmet ”{wanted}”, inte ”{program}” ({source})"),
    "core.the_program_given": ("the program given", "det angivna programmet"),
    "core.wrong_base": ("is worded against the version '{base}', but the program given is the version '{version}'",
                        "är skriven mot versionen ”{base}”, men det angivna programmet är versionen ”{version}”"),
    "core.same_version": ("produces the version '{version}', which is the version it is worded against (base); a "
                          "patch must produce a new version, or its amendments would be applied to their own result",
                          "ger versionen ”{version}”, som är den version den är skriven mot (base); en patch måste "
                          "ge en ny version, annars skulle ändringarna göras i sitt eget resultat"),
    "core.same_patch": ("is the same patch as {twin}; each patch applies once",
                        "är samma patch som {twin}; varje patch genomförs en gång"),
    "core.one_given_before": ("one given before it", "en som angavs före den"),
    "core.chain_program": ("is for the program '{wanted}', but {previous} before it is for '{other}'",
                           "gäller programmet ”{wanted}”, men {previous} före den gäller ”{other}”"),
    "core.chain_base": ("is worded against the version '{base}', but the patch before it ({previous}) produces the "
                        "version '{produces}'",
                        "är skriven mot versionen ”{base}”, men patchen före den ({previous}) ger versionen "
                        "”{produces}”"),
    "core.version_circle": ("produces the version '{version}', which is {earlier}; the versions go round in a circle "
                            "({circle}); each version must be new",
                            "ger versionen ”{version}”, som är {earlier}; versionerna går runt i en cirkel "
                            "({circle}); varje version måste vara ny"),
    "core.own_version": ("the program's own version", "programmets egen version"),
    "core.produced_before": ("produced before by {source}", "den som redan gavs av {source}"),
}
