"""Messages of the checks that an edited sentence still reads as written (amend/text/typography.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "guards.page_starts_inside": (
        "page {page} starts inside a paragraph begun on the page before (the words printed first on page {page}: "
        "”{text}”), so a paragraph or sentence count on page {page} may or may not count its rest; quote the words "
        "instead, or cite the page the paragraph starts on",
        "sidan {page} börjar mitt i ett stycke som började på sidan före (orden som står först på sidan {page}: "
        "”{text}”), så ett stycke- eller meningsnummer på sidan {page} kan räkna resten av det eller inte; citera "
        "orden i stället, eller hänvisa till sidan där stycket börjar"),
    "guards.unsure_split_block": (
        "the import could not tell whether the paragraph starting ”{text}” on page {page} is a paragraph of its own "
        "or the rest of the paragraph or item before it (source: unsure in the program file), so where that text "
        "ends, and what deleting it would leave, is not known exactly; quote the words instead, or correct the "
        "program",
        "vid importen gick det inte att avgöra om stycket som börjar ”{text}” på sidan {page} är ett eget stycke "
        "eller resten av stycket eller punkten före det (source: unsure i programfilen), så var den texten slutar, "
        "och vad en strykning skulle lämna kvar, är inte känt exakt; citera orden i stället, eller rätta programmet"),
    "guards.sentence_for_block": (
        "the scope names a sentence ({scope}), but {op} changes a whole paragraph, item or section, not one "
        "sentence: to strike or change the sentence, quote its words (delete: \"…\"), or leave sentence out of "
        "the scope",
        "avgränsningen pekar ut en mening ({scope}), men {op} ändrar ett helt stycke, en hel punkt eller ett helt "
        "avsnitt, inte en mening: citera meningens ord (delete: ”…”) för att stryka eller ändra den, eller ta bort "
        "sentence ur avgränsningen"),
    "guards.lower_start": (
        "would start a sentence in lower case (\"{result}\"); if the words belong to the sentence before, quote "
        "its words without the full stop",
        "skulle börja en mening med liten bokstav (”{result}”); om orden hör till meningen före, citera dess ord "
        "utan punkten"),
    "guards.doubled_mark": (
        "would leave \"{marks}\" in the text (\"{result}\"); leave the mark out of the new text or out of the "
        "quoted words",
        "skulle lämna ”{marks}” i texten (”{result}”); ta bort tecknet ur den nya texten eller ur de citerade "
        "orden"),
    "guards.empty_brackets": (
        "would leave empty brackets (\"{result}\"); quote the brackets too",
        "skulle lämna en tom parentes (”{result}”); citera parentesen också"),
    "guards.empty_quotes": (
        "would leave empty quotation marks (\"{result}\"); quote the quotation marks too",
        "skulle lämna tomma citattecken (”{result}”); citera citattecknen också"),
    "guards.unpaired": (
        "would leave \"{mark}\" without its partner (\"{result}\"); quote both marks of the pair, or neither",
        "skulle lämna ”{mark}” utan sin motsvarighet (”{result}”); citera båda tecknen i paret eller inget av dem"),
    "guards.new_text_unpaired": (
        "the new text \"{text}\" has \"{mark}\" without its partner; write both marks of the pair, or neither",
        "den nya texten ”{text}” har ”{mark}” utan sin motsvarighet; skriv båda tecknen i paret eller inget av dem"),
    "guards.hyphen_end": (
        "inserts \"{new}\", which ends with a hyphen: whether it joins \"{word}\" or stands as a word of its "
        "own (as in \"inköps- och\") is unclear; replace \"{word}\" with the whole new words instead",
        "infogar ”{new}”, som slutar med bindestreck: det är oklart om det ska sättas ihop med ”{word}” eller stå "
        "som ett eget ord (som i ”inköps- och”); ersätt ”{word}” med hela de nya orden i stället"),
    "guards.mark_at_start": (
        "would leave the text starting with \"{mark}\" (\"{result}\"); quote the \"{mark}\" together with the words",
        "skulle lämna texten med ”{mark}” först (”{result}”); citera ”{mark}” tillsammans med orden"),
    "guards.mark_after_opening": (
        "would leave \"{mark}\" right after the opening \"{opening}\" (\"{result}\"); quote the "
        "words around the place and write the new words with their marks where they belong",
        "skulle lämna ”{mark}” direkt efter det inledande ”{opening}” (”{result}”); citera orden runt "
        "stället och skriv de nya orden med sina tecken där de hör hemma"),
    "guards.lower_paragraph_start": (
        "would start the paragraph in lower case (\"{result}\"); quote the paragraph's first word and write the new "
        "words with a capital letter",
        "skulle börja stycket med liten bokstav (”{result}”); citera styckets första ord och skriv de nya orden med "
        "stor bokstav"),
    "guards.sentence_before_stop": (
        "puts \"{new}\", a sentence of its own, before the full stop that ends the sentence: whether it is a new "
        "sentence after the full stop or words of that sentence is unclear; to add a sentence, quote the full stop "
        "too (after: \"{anchor}.\")",
        "sätter ”{new}”, en egen mening, före punkten som avslutar meningen: det är oklart om det är en ny mening "
        "efter punkten eller ord i samma mening; för att lägga till en mening, citera punkten också (after: "
        "”{anchor}.”)"),
    "guards.runs_on": (
        "removes the full stop that ends \"{ended}\" while the next sentence stays, running the two together "
        "(\"{result}\"); keep the full stop in the new text",
        "tar bort punkten som avslutar ”{ended}” men nästa mening står kvar, så att de flyter ihop (”{result}”); "
        "behåll punkten i den nya texten"),
    "guards.loses_last_stop": (
        "removes the \"{mark}\" that ends the text, leaving its last sentence without one (\"{result}\"); keep "
        "the \"{mark}\" in the new text",
        "tar bort ”{mark}” som avslutar texten, så att den sista meningen står utan (”{result}”); behåll ”{mark}” "
        "i den nya texten"),
    "guards.anchor_in_number": (
        "the text \"{anchor}\" occurs {scope} only as part of a longer number; quote the whole number",
        "texten ”{anchor}” finns {scope} bara som en del av ett längre tal; citera hela talet"),
    "guards.item_lists": (
        "{count} lists are {scope} ({places}) and each has its own item numbers; name the item by its opening "
        "words (delete_item: \"...\") or quote words in it",
        "{scope} finns {count} listor ({places}) och var och en har sina egna punktnummer; ange punkten med dess "
        "första ord (delete_item: ”…”) eller citera ord i den"),
    "guards.list_starting": ("the list that starts \"{text}\"", "listan som börjar ”{text}”"),
    "guards.where.in_list": ("in the list that starts \"{text}\"", "i listan som börjar ”{text}”"),
    "guards.where.header_cell": ("header row, column {column}", "rubrikraden, kolumn {column}"),
    "guards.where.columns_starting": ("the columns that start \"{text}\"", "kolumnerna som börjar ”{text}”"),
    "guards.where.table_starting": ("the table that starts \"{text}\"", "tabellen som börjar ”{text}”"),
    "guards.column_heading_repeated_here": (
        "the column heading '{heading}' occurs {count} times on page {page}, in one section ({places}), so neither "
        "the page nor the heading can say which; leave heading: out and quote words found only in the one meant",
        "kolumnrubriken ”{heading}” förekommer {count} gånger på sidan {page}, i samma avsnitt ({places}), så varken "
        "sidan eller rubriken kan säga vilken som menas; ta bort heading: och citera ord som bara finns i den som "
        "menas"),
    "guards.column_heading_repeated_sections": (
        "the column heading '{heading}' occurs {count} times on page {page} ({places}), so the page cannot say "
        "which; give the heading of the section and the column: heading: SECTION, column: {heading}",
        "kolumnrubriken ”{heading}” förekommer {count} gånger på sidan {page} ({places}), så sidan kan inte säga "
        "vilken som menas; ange avsnittets rubrik och kolumnen: heading: AVSNITT, column: {heading}"),
    "guards.layouts_one_heading": (
        "{count} column layouts or tables are {scope} ({places}), in one section, so no heading can say which; "
        "leave column: out and quote words found only in the one meant",
        "{scope} finns {count} kolumnuppställningar eller tabeller ({places}), i samma avsnitt, så ingen rubrik kan "
        "säga vilken som menas; ta bort column: och citera ord som bara finns i den som menas"),
    "guards.in_heading": ("the heading '{heading}'", "rubriken ”{heading}”"),
    "guards.in_column_heading": ("the heading of the column '{heading}'", "kolumnrubriken ”{heading}”"),
    "guards.anchor_in_heading": (
        "the text \"{anchor}\" occurs {count} times {scope} as printed, counting {headings}; an amendment "
        "changes the text below a heading: say so with heading: (or column:) in at:",
        "texten ”{anchor}” förekommer {count} gånger {scope} som sidan är tryckt, räknat med {headings}; en "
        "ändring gäller texten under en rubrik: ange det med heading: (eller column:) i at:"),
    "guards.anchor_compatible": (
        "the text \"{anchor}\" occurs {count} times {scope} as printed, {exact} of them written with the plain "
        "letters and the others with look-alike characters (a ligature such as \"\ufb01\" or full-width "
        "letters); have the program's text corrected, or quote more words, so that one place holds them",
        "texten ”{anchor}” förekommer {count} gånger {scope} som sidan är tryckt, {exact} av dem med vanliga "
        "bokstäver och de andra med tecken som ser likadana ut (en ligatur som ”\ufb01” eller breda bokstäver); "
        "låt rätta programmets text eller citera fler ord, så att bara ett ställe innehåller dem"),
    "guards.anchor_lookalike": (
        "the text \"{anchor}\" occurs {count} times {scope} as printed, {exact} of them written with the plain "
        "letters and the others with letters of another alphabet that look the same (such as a Cyrillic \"\u043e\" "
        "in a Latin word); have the program's text corrected, or quote more words, so that one place holds them",
        "texten ”{anchor}” förekommer {count} gånger {scope} som sidan är tryckt, {exact} av dem med vanliga "
        "bokstäver och de andra med bokstäver från ett annat alfabet som ser likadana ut (som ett kyrilliskt "
        "”\u043e” i ett svenskt ord); låt rätta programmets text eller citera fler ord, så att bara ett ställe "
        "innehåller dem"),
    "guards.occurrence_lookalike": (
        "occurrence {occurrence} counts the text \"{anchor}\" {scope} written with the plain letters, but before "
        "that place the page prints it also with look-alike characters (a ligature, full-width letters or letters "
        "of another alphabet), so a reader counting the page comes to another place; have the program's text "
        "corrected, or quote more words instead of occurrence",
        "occurrence {occurrence} räknar texten ”{anchor}” {scope} skriven med vanliga bokstäver, men före det "
        "stället är den tryckt också med tecken som ser likadana ut (en ligatur, breda bokstäver eller bokstäver "
        "från ett annat alfabet), så den som räknar på sidan kommer till ett annat ställe; låt rätta programmets "
        "text eller citera fler ord i stället för occurrence"),
    "guards.occurrence_heading": (
        "occurrence {occurrence} counts the text \"{anchor}\" {scope} below the headings, but the page prints it "
        "before that place also in {headings}, so a reader counting the page comes to another place; say heading: "
        "(or column:) in at: so that the count starts below the heading",
        "occurrence {occurrence} räknar texten ”{anchor}” {scope} under rubrikerna, men sidan har den före det "
        "stället också i {headings}, så den som räknar på sidan kommer till ett annat ställe; ange heading: (eller "
        "column:) i at: så att räkningen börjar under rubriken"),
    "guards.end_in_mark": (
        "ends in '{mark}': whether the words go before or after it is unclear; say where with after: or before: "
        "quoting its last words",
        "slutar med ”{mark}”: det är oklart om orden ska stå före eller efter tecknet; ange var med after: eller "
        "before: och citera de sista orden"),
    "guards.end_without_stop": (
        "has no full stop at its end, so the sentence \"{new}\" would run on from it; end the text first (replace "
        "its last words with the same words and a full stop) or add the sentence with add_paragraph",
        "slutar inte med punkt, så meningen ”{new}” skulle flyta ihop med den; avsluta texten först (ersätt de "
        "sista orden med samma ord och en punkt) eller lägg till meningen med add_paragraph"),
    "guards.apostrophe": (
        "inserts \"{new}\", which starts with an apostrophe: whether it closes the word \"{word}\" or opens a "
        "quotation is unclear; replace \"{word}\" with the whole new words instead",
        "infogar ”{new}”, som börjar med en apostrof: det är oklart om den hör till ordet ”{word}” eller inleder "
        "ett citat; ersätt ”{word}” med hela de nya orden i stället"),
    "guards.incomplete": (
        "the patch is marked incomplete: {count} {count:plural:instruction:instructions} of the minutes (line "
        "{lines}) could not be read into it; add the missing amendments by hand, then remove the incomplete: list "
        "(apply --preview shows the patch as it is)",
        "ändringsfilen är markerad som ofullständig: {count} {count:plural:anvisning:anvisningar} i protokollet "
        "(rad {lines}) kunde inte läsas in; lägg till de saknade ändringarna för hand och ta sedan bort listan "
        "incomplete: (apply --preview visar filen som den är)"),
    "guards.report_incomplete": ("incomplete", "ofullständig"),
    "guards.web_saved_incomplete": (
        "Saved as {file}, marked incomplete: it is not a decision that can be applied until the missing amendments "
        "are added by hand and the incomplete: list at its top is removed.",
        "Sparat som {file}, markerad som ofullständig: beslutet kan inte genomföras förrän de saknade ändringarna "
        "har lagts till för hand och listan incomplete: överst i filen har tagits bort."),
    "guards.scope_key_outside_at": (
        "'{key}' belongs in at: (at: {{..., {key}: ...}}), not beside the operation",
        "”{key}” ska stå i at: (at: {{..., {key}: ...}}), inte bredvid ändringen"),
    "guards.heading_repeated_on_page": (
        "the heading '{heading}' occurs {count} times on page {page}, so the page cannot tell them apart; leave "
        "heading: out and quote words that occur under only one of them",
        "rubriken ”{heading}” förekommer {count} gånger på sidan {page}, så sidan räcker inte för att skilja dem "
        "åt; ta bort heading: och citera ord som bara finns under en av dem"),
    "guards.extract_rejected": (
        "the sentence says the change is rejected (\"{word}\"): a rejected proposal changes nothing and is not "
        "written to the patch; if the minutes adopt it elsewhere, write that amendment by hand",
        "meningen säger att ändringen avslås (”{word}”): ett avslaget förslag ändrar ingenting och skrivs inte in i "
        "ändringsfilen; om protokollet bifaller det på annat ställe, skriv den ändringen för hand"),
    "guards.extract_unread_quote": (
        "the sentence quotes \"{words}\" outside the change read from it, so it may hold more than one change; "
        "write each change as an amendment of its own by hand",
        "meningen citerar ”{words}” utanför ändringen som lästes ur den, så den kan innehålla mer än en ändring; "
        "skriv varje ändring som ett eget ändringsförslag för hand"),
    # review 9 #1: "ersätts ”A” med ”B” och ordet gemensamma stryks", "stryks ”redan” samt det därpå följande ordet"
    "guards.extract_unread_words": (
        "the sentence goes on after the change read from it (\"{words}\"), and those words are not understood: they "
        "may be a second change or a condition the reading would leave out; write the amendment by hand",
        "meningen fortsätter efter ändringen som lästes ur den (”{words}”), och de orden förstods inte: de kan vara "
        "en ändring till eller ett villkor som läsningen skulle utelämna; skriv ändringen för hand"),
    # review 9 #2: "i tabellens sista rad" where the place holds no table or several
    "guards.extract_last_row": (
        "the sentence names the last row of a table (\"{words}\"), but the place holds {count} tables, so which row "
        "is meant is unclear; write the amendment by hand with the row's number (at: row: N, counted under the "
        "header row)",
        "meningen anger en tabells sista rad (”{words}”), men stället har {count} tabeller, så det är oklart vilken "
        "rad som avses; skriv ändringen för hand med radens nummer (at: row: N, räknat under rubrikraden)"),
    # review 9 #6: "I § 22 läggs följande mening till: ”…”" where the section is not one paragraph
    "guards.extract_sentence_where": (
        "the sentence adds a sentence (\"{words}\") under \"{heading}\", which holds {count} blocks, so which "
        "paragraph it goes into is unclear (a new paragraph would change how a § is divided into stycken); write "
        "the amendment by hand with the paragraph (at: paragraph: N) or the words it follows (after:)",
        "meningen lägger till en mening (”{words}”) under ”{heading}”, som har {count} block, så det är oklart "
        "vilket stycke den ska stå i (ett nytt stycke ändrar paragrafens indelning i stycken); skriv ändringen för "
        "hand med stycket (at: paragraph: N) eller orden den ska stå efter (after:)"),
    "guards.extract_unread_starting": (
        "the sentence names the place as \"{noun} som börjar med ”{words}”\" (the {key} that starts with those "
        "words), which a patch cannot say for this change; write the amendment by hand with the {key}'s number "
        "(at: {key}: N)",
        "meningen anger stället som {noun} som börjar med ”{words}”, vilket en ändringsfil inte kan ange för den "
        "här ändringen; skriv ändringen för hand med numret på {noun} (at: {key}: N)"),
    "guards.extract_unread_place_words": (
        "the sentence names a place that is not understood (\"{words}\"): the change would be made wherever the "
        "quoted words are; write the amendment by hand with that place",
        "meningen anger ett ställe som inte förstods (”{words}”): ändringen skulle göras var de citerade orden än "
        "står; skriv ändringen för hand med det stället"),
    # review 8 #1: "i början av andra stycket", "före sista meningen": a point inside the place read
    "guards.extract_unread_position": (
        "the sentence says where in the place the change goes (\"{words}\"), which the reading does not take: the "
        "change would be made at another point; write the amendment by hand with after: or before: and the words it "
        "goes next to",
        "meningen anger var på stället ändringen ska stå (”{words}”), vilket läsningen inte tar med: ändringen "
        "skulle hamna på ett annat ställe; skriv ändringen för hand med after: eller before: och orden den ska stå "
        "intill"),
    # review 8 #2: "I rubriken ”Samverkan” ersätts ”Samverkan” med …": the heading's own words
    "guards.extract_heading_itself": (
        "the sentence changes words of the heading \"{heading}\" itself (\"i rubriken\"), and an amendment read from "
        "minutes changes only the text under a heading; change the heading by hand",
        "meningen ändrar ord i själva rubriken ”{heading}” (”i rubriken”), och en ändring som läses ur ett protokoll "
        "ändrar bara texten under en rubrik; ändra rubriken för hand"),
    "guards.extract_unread_place": (
        "the sentence says where the change goes ({key}: \"{words}\"), but the change read from it does not use "
        "that place and other words of the sentence are not understood; write the amendment by hand",
        "meningen anger var ändringen ska stå ({key}: ”{words}”), men ändringen som lästes ur den använder inte det "
        "stället och andra ord i meningen förstods inte; skriv ändringen för hand"),
    "guards.extract_range": (
        "the sentence strikes the text from one quotation to another: amend deletes only quoted words; quote all the "
        "words struck (delete: \"...\") by hand",
        "meningen stryker texten från ett citat till ett annat: amend stryker bara citerade ord; citera alla ord som "
        "stryks (delete: ”…”) för hand"),
    "guards.extract_from_end": (
        "the sentence counts from the end (\"näst sista\", \"från slutet\"), which a patch cannot say; name the "
        "place by its number counted from the start, by hand",
        "meningen räknar från slutet (”näst sista”, ”från slutet”), vilket en ändringsfil inte kan ange; ange stället "
        "med dess nummer räknat från början, för hand"),
    "guards.extract_excepted_place": (
        "the sentence leaves a place out (\"{words}\"), which a patch cannot say: an amendment changes the one "
        "place it names; write an amendment for each place that is changed, by hand",
        "meningen undantar ett ställe (”{words}”), vilket en ändringsfil inte kan ange: ett ändringsförslag ändrar "
        "det ställe det anger; skriv ett ändringsförslag för varje ställe som ändras, för hand"),
    "guards.extract_row_count": (
        "\"{words}\" is in row {row} under the header and also in row {row} counted with the header row, so which "
        "row is meant is unclear; check the printed table and write the amendment by hand (row: counts the rows "
        "under the header)",
        "”{words}” står i rad {row} under rubrikraden och även i rad {row} räknat med rubrikraden, så det är oklart "
        "vilken rad som avses; se efter i den tryckta tabellen och skriv ändringsförslaget för hand (row: räknar "
        "raderna under rubrikraden)"),
    "guards.extract_two_places": (
        "the sentence names more than one \"{noun}\" and an amendment changes one place; write an amendment for each "
        "by hand",
        "meningen nämner mer än ett ställe (”{noun}”) och ett ändringsförslag ändrar ett ställe; skriv ett "
        "ändringsförslag för varje ställe för hand"),
    "guards.extract_pages_some": (
        "the sentence names pages (\"sidorna\") and an amendment changes one place; write an amendment for each "
        "page by hand",
        "meningen nämner flera sidor (”sidorna”) och ett ändringsförslag ändrar ett ställe; skriv ett "
        "ändringsförslag för varje sida för hand"),
    # review 8 #3: "sidan 6 f.", "sidan 6 och följande sida", "från och med sidan 6"; "på båda ställena"
    "guards.extract_pages_following": (
        "the sentence names the pages from one on (\"{words}\") and an amendment changes one place; write an "
        "amendment for each page by hand",
        "meningen nämner sidorna från en sida och framåt (”{words}”) och ett ändringsförslag ändrar ett ställe; skriv "
        "ett ändringsförslag för varje sida för hand"),
    "guards.extract_places_count": (
        "the sentence says the change is made in more than one place (\"{words}\") and an amendment changes one "
        "place; write an amendment for each place by hand",
        "meningen säger att ändringen görs på mer än ett ställe (”{words}”) och ett ändringsförslag ändrar ett "
        "ställe; skriv ett ändringsförslag för varje ställe för hand"),
    "guards.extract_pages": (
        "the sentence names more than one page ({pages:and}) and an amendment changes one place; write an amendment "
        "for each page by hand",
        "meningen nämner mer än en sida ({pages:and}) och ett ändringsförslag ändrar ett ställe; skriv ett "
        "ändringsförslag för varje sida för hand"),
    "guards.heading_and_column": (
        "'{heading}' is both a section heading and the heading of a column on page {page}, so heading: does not "
        "say which; give column: '{heading}' (with the heading of its section) for the column, or leave page: out "
        "for the section",
        "”{heading}” är både en rubrik och en kolumnrubrik på sidan {page}, så heading: säger inte vilken som avses; "
        "ange column: ”{heading}” (med rubriken för dess avsnitt) för kolumnen, eller ta bort page: för avsnittet"),
    "guards.edit_refused": ("the change at \"{anchor}\" {problem}", "ändringen vid ”{anchor}” {problem}"),
}
