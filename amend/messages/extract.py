"""Messages of `amend extract` and `amend describe` (amend/extract): what could
not be read out of the minutes, and why. The wording `describe` writes into the
minutes is document content in the program's language, not a message; so are
the grammar tables (grammar_sv.yaml, grammar_en.yaml) used to read minutes."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ a finding, as printed
    "extract.finding.title": ("{t}: {m}", "{t}: {m}"),  # a title, and what is said of it
    "extract.finding.text": ('"{text}" — {message}', "”{text}” — {message}"),
    # ------------------------------------------------------------ the patch file's comments
    "extract.comment.head": ("Extracted by `amend extract` from {protocol}; check it against the minutes.",
                             "Framtagen med `amend extract` ur {protocol}; kontrollera den mot protokollet."),
    "extract.comment.needs_human": ("NOT IN THIS PATCH OR NOT CHECKED - needs a human:",
                                    "INTE MED I DEN HÄR PATCHEN ELLER INTE KONTROLLERAT - måste granskas av en "
                                    "människa:"),
    "extract.comment.not_applicable": (
        "ADOPTED BUT NOT IN THIS PATCH - the change cannot be written as an amendment:",
        "BESLUTAT MEN INTE MED I DEN HÄR PATCHEN - ändringen kan inte skrivas som ett ändringsförslag:"),
    "extract.comment.checks": ("Check against the minutes:", "Kontrollera mot protokollet:"),
    "extract.comment.rejected": ("Rejected proposals (not in this patch):",
                                 "Avslagna förslag (inte med i den här patchen):"),
    "extract.comment.line": ("  line {line}: {finding}", "  rad {line}: {finding}"),
    # ------------------------------------------------------------ the command's report on stderr
    "extract.report.needs_human": ("needs a human: {protocol}:{line}: {finding}",
                                   "måste granskas: {protocol}:{line}: {finding}"),
    "extract.report.not_applicable": ("cannot apply: {protocol}:{line}: {finding}",
                                      "kan inte tillämpas: {protocol}:{line}: {finding}"),
    "extract.report.rejected": ("rejected: {protocol}:{line}: {finding}", "avslaget: {protocol}:{line}: {finding}"),
    "extract.report.check": ("check: {protocol}:{line}: {finding}", "kontrollera: {protocol}:{line}: {finding}"),
    "extract.report.note": ("note: {protocol}:{line}: {finding}", "obs: {protocol}:{line}: {finding}"),
    "extract.report.nothing_written": (
        "nothing was written: no amendment in {paragraph} of {body} {date} could be read (see above)",
        "ingenting skrevs: inget ändringsförslag i {paragraph} i {body} {date} kunde läsas (se ovan)"),
    "extract.report.nothing_written_minutes": (
        "nothing was written: no amendment in the minutes of {body} {date} could be read (see above)",
        "ingenting skrevs: inget ändringsförslag i protokollet från {body} {date} kunde läsas (se ovan)"),
    "extract.report.nothing_in_decision": (
        "nothing was written: no amendment in {paragraph} of {body} {date} could be read (the decision holds no "
        "amendment to the program)",
        "ingenting skrevs: inget ändringsförslag i {paragraph} i {body} {date} kunde läsas (beslutet innehåller "
        "inget ändringsförslag till programmet)"),
    "extract.report.nothing_in_minutes": (
        "nothing was written: no amendment in the minutes of {body} {date} could be read (the decision holds no "
        "amendment to the program)",
        "ingenting skrevs: inget ändringsförslag i protokollet från {body} {date} kunde läsas (beslutet "
        "innehåller inget ändringsförslag till programmet)"),
    "extract.report.extracted": ("extracted {n} {n:plural:amendment:amendments} of {body} {date}",
                                 "tog fram {n} {n:plural:ändringsförslag:ändringsförslag} ur {body} {date}"),
    "extract.report.extracted_paragraph": (
        "extracted {n} {n:plural:amendment:amendments} of {body} {date} {paragraph}",
        "tog fram {n} {n:plural:ändringsförslag:ändringsförslag} ur {body} {date} {paragraph}"),
    "extract.report.wrote": ("{summary}; wrote {path}", "{summary}; skrev {path}"),
    "extract.report.need_a_human": ("{n} {n:plural:thing needs:things need} a human (see above)",
                                    "{n} {n:plural:sak:saker} måste granskas av en människa (se ovan)"),
    # ------------------------------------------------------------ which § to read
    "extract.no_such_paragraph": ("there is no § {number} in the protocol (paragraphs found: {found})",
                                  "protokollet har ingen § {number} (paragrafer som finns: {found})"),
    "extract.none": ("none", "inga"),
    "extract.paragraph_titled_otherwise": (
        "{chosen} is the only paragraph with a change that fits {title}, but its title names another document, and "
        "{titled} is titled as the program; say which with --paragraph",
        "{chosen} är den enda paragrafen med en ändring som passar {title}, men dess rubrik anger ett annat "
        "dokument, och {titled} har programmets rubrik; ange vilken med --paragraph"),
    "extract.several_paragraphs": ("several paragraphs hold amendments to {title}: {paragraphs}; say which with "
                                   "--paragraph",
                                   "flera paragrafer innehåller ändringar i {title}: {paragraphs}; ange vilken med "
                                   "--paragraph"),
    "extract.no_paragraph_fits": (
        "no paragraph of the protocol ({count} found) holds an amendment to {title} that can be read; say which "
        "with --paragraph",
        "ingen paragraf i protokollet ({count} hittade) innehåller en läsbar ändring i {title}; ange vilken med "
        "--paragraph"),
    "extract.no_paragraph_fits_changes": (
        "no paragraph of the protocol ({count} found) holds an amendment to {title} that can be read; paragraphs "
        "that change a document in ways no patch can carry: {paragraphs}; say which with --paragraph",
        "ingen paragraf i protokollet ({count} hittade) innehåller en läsbar ändring i {title}; paragrafer som "
        "ändrar ett dokument på sätt som ingen patch kan beskriva: {paragraphs}; ange vilken med --paragraph"),
    "extract.note.chosen_paragraph": (
        "read {paragraph}, the only paragraph with an amendment to this program; the protocol holds {count} "
        "(choose with --paragraph)",
        "läste {paragraph}, den enda paragrafen med en ändring i det här programmet; protokollet har {count} "
        "(välj med --paragraph)"),
    "extract.note.no_decision_heading": (
        "no decision heading (such as 'Beslut') in {paragraph}: read the text outside other sections as the "
        "decision",
        "ingen beslutsrubrik (som ”Beslut”) i {paragraph}: texten utanför andra avsnitt lästes som beslutet"),
    "extract.no_body": ("the protocol does not name the deciding body in its header; give --body",
                        "protokollets huvud anger inte vilket organ som beslutade; ange --body"),
    "extract.no_date": ("the protocol does not name the date in its header; give --date",
                        "protokollets huvud anger inget datum; ange --date"),
    "extract.no_body_or_date": (
        "the protocol does not name the deciding body and the date in its header; give --body and --date",
        "protokollets huvud anger varken vilket organ som beslutade eller datum; ange --body och --date"),
    # ------------------------------------------------------------ reading an instruction
    "extract.unclosed_quotation": ("the quotation that starts with {start!r} is not closed",
                                   "citatet som börjar med {start!r} avslutas aldrig"),
    "extract.too_many_ways": ("it can be read in too many ways to check them all; word it more simply",
                              "den kan läsas på för många sätt för att alla ska kunna prövas; formulera den enklare"),
    "extract.not_understood_from": ('not understood from "{rest}" on', "förstods inte från och med ”{rest}”"),
    "extract.no_wording_fits": ("no wording in the grammar fits this instruction",
                                "ingen formulering i grammatiken passar den här ändringen"),
    "extract.note.only_fitting_reading": (
        "read as {reading}: of the {n} ways to read it, the only one that matches the program",
        "lästes som {reading}: av de {n} sätten att läsa den är det det enda som stämmer med programmet"),
    "extract.reads_ways": ("this reads {n} ways ({ways})", "den kan läsas på {n} sätt ({ways})"),
    "extract.reads_ways_none_fits": ("this reads {n} ways ({ways}) and none matches the program",
                                     "den kan läsas på {n} sätt ({ways}) och inget stämmer med programmet"),
    "extract.check.line_not_checked": (
        "line {line} is not checked: the program has no line numbers; the amendment is placed by its page and "
        "quoted words, which must match exactly once there (the line stays in its text)",
        "rad {line} kontrolleras inte: programmet har inga radnummer; ändringen placeras efter sidan och de "
        "citerade orden, som måste finnas exakt en gång där (raden står kvar i texten)"),
    "extract.check.without_closing_mark": (
        "read without the closing mark of the quotation: the program has {reading}, not the words with the mark",
        "lästes utan citatets avslutande skiljetecken: programmet har {reading}, inte orden med tecknet"),
    "extract.two_ways_differ": (
        "reads two ways that both match the program and change it differently ({ways:or}): whether the closing "
        "punctuation belongs to the quoted words cannot be told",
        "kan läsas på två sätt som båda stämmer med programmet men ändrar det olika ({ways:or}): det går inte att "
        "avgöra om det sista skiljetecknet hör till de citerade orden"),
    "extract.cannot_place": ('"{words}" cannot be placed: {reason}', "”{words}” kan inte placeras: {reason}"),
    "extract.range_order": ('"{end}" does not follow "{start}" in the same paragraph',
                            "”{end}” kommer inte efter ”{start}” i samma stycke"),
    "extract.range_end_repeated": (
        '"{end}" occurs {count} times after "{start}" in the same paragraph, so where the words left out end is '
        'unclear; quote more words of the end',
        "”{end}” förekommer {count} gånger efter ”{start}” i samma stycke, så det är oklart var de strukna orden "
        "slutar; citera fler ord i slutet"),
    "extract.check.range_first_end": (
        'the words left out end at the one "{end}" after "{start}" in its paragraph ("{end}" occurs {count} times '
        "in scope)",
        "de strukna orden slutar vid det enda ”{end}” efter ”{start}” i stycket (”{end}” förekommer {count} gånger "
        "där ändringen gäller)"),
    "extract.check.range": (
        'read "leave out from … to …" as leaving out "{words}" (the words after the first quotation, up to and '
        "including the second)",
        "läste ”stryk från … till …” som att ”{words}” stryks (orden efter det första citatet, till och med det "
        "andra)"),
    "extract.does_not_apply": ("does not apply to the program: {reason}", "går inte att tillämpa på programmet: "
                               "{reason}"),
    "extract.check.unsure_join": (
        'joined "{joined}" across a line break ("{left}-" + "{right}"); the program does not show whether it is '
        '"{hyphened}"',
        "slog ihop ”{joined}” över en radbrytning (”{left}-” + ”{right}”); programmet visar inte om det ska vara "
        "”{hyphened}”"),
    "extract.check.unsure_joins": ("{first} (and {n} more line breaks like it in this instruction)",
                                   "{first} (och {n} radbrytningar till av samma slag i den här ändringen)"),
    "extract.note.kept_hyphen": ('kept the hyphen in "{word}" at a line break, as the program writes it',
                                 "behöll bindestrecket i ”{word}” vid en radbrytning, så som programmet skriver det"),
    "extract.announced": ('the decision announces {count} amendments ("{words}") but {found} were found',
                          "beslutet anger {count} ändringar (”{words}”) men {found} hittades"),
    # ------------------------------------------------------------ proposals in the course of the meeting
    "extract.note.stated_twice": ("also stated under '{section}'; extracted once, from the decision",
                                  "står även under ”{section}”; togs med en gång, från beslutet"),
    "extract.note.worded_differently": ("worded differently under '{section}'; the decision's wording was used",
                                        "har en annan lydelse under ”{section}”; beslutets lydelse användes"),
    "extract.rejected.against_decision": (
        'not adopted: it stands in a reservation, a note to the minutes or a separate opinion ("{said}"), which is '
        "not the decision; it is not written to the patch",
        "inte bifallet: det står i en reservation, en protokollsanteckning eller ett särskilt yttrande (”{said}”), "
        "som inte är beslutet; det skrivs inte in i ändringsfilen"),
    "extract.rejected.said": ('not adopted: the minutes say "{said}"', "inte bifallet: protokollet säger ”{said}”"),
    "extract.proposed.by_reference": (
        "proposed under '{section}' but not in the decision, and the decision refers to a proposal",
        "föreslogs under ”{section}” men finns inte i beslutet, och beslutet hänvisar till ett förslag"),
    "extract.proposed.unclear_rejection": (
        "proposed under '{section}' but not in the decision, and the minutes do not say clearly that it was "
        "rejected",
        "föreslogs under ”{section}” men finns inte i beslutet, och protokollet säger inte tydligt att det "
        "avslogs"),
    "extract.proposed.not_rejected": (
        "proposed under '{section}' but not in the decision, and the minutes do not say it was rejected",
        "föreslogs under ”{section}” men finns inte i beslutet, och protokollet säger inte att det avslogs"),
    "extract.rejected.proposed": ('proposed, not adopted: the minutes say "{said}"',
                                  "föreslogs men bifölls inte: protokollet säger ”{said}”"),
    "extract.rejected.proposed_by": ('proposed by {who}, not adopted: the minutes say "{said}"',
                                     "föreslogs av {who} men bifölls inte: protokollet säger ”{said}”"),
    "extract.proposed.unclear": ("proposed under '{section}'; the minutes do not show whether it was adopted",
                                 "föreslogs under ”{section}”; protokollet visar inte om det bifölls"),
    "extract.proposed.unclear_by": (
        "proposed by {who} under '{section}'; the minutes do not show whether it was adopted",
        "föreslogs av {who} under ”{section}”; protokollet visar inte om det bifölls"),
    "extract.adopted_as": ('{reason} (adopted: "{said}")', "{reason} (bifallet: ”{said}”)"),
    "extract.note.proposed_adopted": ("proposed under '{section}' and adopted: \"{said}\"",
                                      "föreslogs under ”{section}” och bifölls: ”{said}”"),
    "extract.rejected.not_made": ('not made: the House agreed "{said}"', "inte genomförd: kammaren beslutade ”{said}”"),
    "extract.other_document_hint": (
        "{reason} (extract it with that document's program: one --program for each document the decision amends)",
        "{reason} (ta fram den med det dokumentets program: ett --program för varje dokument som beslutet ändrar)"),
    "extract.undecided": (
        "a change to a document under '{section}', not in the decision: the minutes do not show that it was "
        "decided",
        "en ändring i ett dokument under ”{section}”, inte i beslutet: protokollet visar inte att den beslutades"),
    "extract.undecided_heading": (
        "a change to a document in the heading of the §, not in the decision: the minutes do not show that it "
        "was decided",
        "en ändring i ett dokument i paragrafens rubrik, inte i beslutet: protokollet visar inte att den "
        "beslutades"),
    # ------------------------------------------------------------ what the minutes' wording cannot be (wording.py)
    "extract.cannot.sent_back": ("återremiss: the matter is sent back to be reworked; this decision changes no text",
                                 "återremiss: ärendet skickas tillbaka för att arbetas om; beslutet ändrar ingen "
                                 "text"),
    "extract.cannot.assignment": ("an assignment to another body to make the change; this decision changes no text",
                                  "ett uppdrag till någon annan att göra ändringen; beslutet ändrar ingen text"),
    "extract.cannot.yrkande_wording": ("it changes the wording of a yrkande's decision, not the document",
                                       "den ändrar lydelsen i ett yrkandes beslutssats, inte dokumentet"),
    "extract.cannot.decision_point": (
        "it changes a point of the proposed decision, not the document, and the words are not quoted",
        "den ändrar en punkt i förslaget till beslut, inte dokumentet, och orden är inte citerade"),
    "extract.cannot.title": ("it changes the document's title, which no amendment operation does",
                             "den ändrar dokumentets titel, vilket ingen ändringsoperation gör"),
    "extract.cannot.by_number": ("no exact words: the parts are named by number, not quoted",
                                 "inga exakta ord: delarna anges med nummer, inte med citat"),
    "extract.cannot.correction": ("no exact words: the correction is not worded in the minutes",
                                  "inga exakta ord: rättelsen är inte formulerad i protokollet"),
    "extract.cannot.editorial": ("no exact words: an editorial revision is described, not worded",
                                 "inga exakta ord: en redaktionell bearbetning beskrivs men formuleras inte"),
    "extract.cannot.no_new_text": ("the new wording is not given: the minutes say what changes, not the new text",
                                   "den nya lydelsen saknas: protokollet säger vad som ändras, inte den nya texten"),
    "extract.cannot.condition": ("not a change to a document's text: a condition added to the approval",
                                 "ingen ändring i ett dokuments text: ett villkor som läggs till godkännandet"),
    "extract.cannot.in_attachment": ("the text is in an attachment, not in the minutes",
                                     "texten finns i en bilaga, inte i protokollet"),
    "extract.cannot.in_yrkande": ("the text is in a yrkande, not in the minutes",
                                  "texten finns i ett yrkande, inte i protokollet"),
    "extract.cannot.old_not_quoted": ("old value not quoted: the new wording is given, but not the text it replaces",
                                      "den gamla lydelsen är inte citerad: den nya lydelsen anges, men inte texten "
                                      "den ersätter"),
    "extract.cannot.no_place_no_old": (
        "no place and no old text: it is not said where the new text goes or what it replaces",
        "ingen plats och ingen gammal text: det sägs inte var den nya texten ska stå eller vad den ersätter"),
    "extract.cannot.unquoted_place": ("the unquoted words \"{words}\" run into a place the sentence names, so where "
                                      "they end is unclear; quote the old and the new words",
                                      "de ociterade orden ”{words}” går ihop med ett ställe som meningen anger, så "
                                      "det är oklart var de slutar; citera de gamla och de nya orden"),
    "extract.cannot.same_change": ("the sentence makes a change again elsewhere (\"{words}\") without quoting it; "
                                   "write that amendment by hand with its place",
                                   "meningen gör en ändring igen på ett annat ställe (”{words}”) utan att citera den; "
                                   "skriv den ändringen för hand med sitt ställe"),
    "extract.cannot.described": ("no exact words: the change is described, not worded",
                                 "inga exakta ord: ändringen beskrivs men formuleras inte"),
    "extract.cannot.paraphrased": ("no exact words: the old and the new wording are paraphrased, not quoted",
                                   "inga exakta ord: den gamla och den nya lydelsen återges med andra ord, inte "
                                   "citerade"),
    "extract.cannot.no_section": ("the program has no section for {where}", "programmet har inget avsnitt för "
                                  "{where}"),
    "extract.cannot.no_heading": ('the program has no heading "{heading}"', "programmet har ingen rubrik "
                                  "”{heading}”"),
    "extract.cannot.heading_longer": (
        'the heading named without quotation marks, "{named}", is not the program\'s heading "{heading}": such a '
        "heading is matched only whole; quote the heading as the program has it",
        "rubriken som nämns utan citattecken, ”{named}”, är inte programmets rubrik ”{heading}”: en sådan rubrik "
        "godtas bara hel; citera rubriken som programmet skriver den"),
    "extract.cannot.item_sides": (
        "the sentence says more than once where a new item goes ({words}); write the amendment by hand with "
        "position: or after_item:",
        "meningen säger mer än en gång var en ny punkt ska stå ({words}); skriv ändringsförslaget för hand med "
        "position: eller after_item:"),
    "extract.cannot.item_before_last": (
        '"{words}": a new item before the last is counted from the end, which a patch cannot say; write the '
        "amendment by hand with position: N (counted from the start) or after_item:",
        "”{words}”: en ny punkt före den sista räknas från slutet, vilket en ändringsfil inte kan ange; skriv "
        "ändringsförslaget för hand med position: N (räknat från början) eller after_item:"),
    "extract.cannot.item_side_no_item": (
        '"{words}" says where in a list the change goes, but the sentence adds no new item ("läggs en ny punkt '
        'till"); which change is meant is not clear: write the amendment by hand',
        "”{words}” säger var i en lista ändringen ska stå, men meningen lägger inte till någon ny punkt (”läggs en "
        "ny punkt till”); vilken ändring som avses är oklart: skriv ändringsförslaget för hand"),
    "extract.cannot.excepts": ("it excepts this document ({document})", "den undantar det här dokumentet "
                               "({document})"),
    "extract.cannot.other_document": ("addresses another document ({document}), not {title}",
                                      "gäller ett annat dokument ({document}), inte {title}"),
    "extract.cannot.nothing_struck": ("no place given: it is not said what is struck",
                                      "ingen plats anges: det sägs inte vad som ska strykas"),
    "extract.cannot.sentence_no_place": (
        "strikes a sentence by its number but names no page or heading: which sentence of the program is meant "
        "is not exact; quote the sentence struck (stryks meningen ”…”) or name its page and heading",
        "stryker en mening efter dess nummer men anger ingen sida eller rubrik: vilken mening i programmet som "
        "avses är inte exakt; citera meningen som stryks (stryks meningen ”…”) eller ange dess sida och rubrik"),
    "extract.cannot.sentence_not_placed": (
        "strikes a sentence by its number, which cannot be placed exactly: {reason}; quote the sentence struck "
        "(stryks meningen ”…”)",
        "stryker en mening efter dess nummer, som inte kan placeras exakt: {reason}; citera meningen som stryks "
        "(stryks meningen ”…”)"),
    "extract.cannot.section_exists": ("the program already has a section {heading}",
                                      "programmet har redan ett avsnitt {heading}"),
    "extract.cannot.no_previous": ("the program has no {previous} to place the new {heading} after",
                                   "programmet har ingen {previous} att placera den nya {heading} efter"),
    "extract.cannot.no_place_for_text": ("no place given: it is not said where the text goes",
                                         "ingen plats anges: det sägs inte var texten ska stå"),
    "extract.cannot.no_place_replaced": ("no place given: it is not said which text the new wording replaces",
                                         "ingen plats anges: det sägs inte vilken text den nya lydelsen ersätter"),
    "extract.cannot.no_place_list": ("no place given: it is not said which list the name goes in",
                                     "ingen plats anges: det sägs inte vilken lista namnet ska in i"),
    "extract.cannot.open_sentences": (
        'the new text is not in closed quotation marks and more than one sentence follows ("{words}"), so where '
        "the new text ends is unclear; quote the new text",
        "den nya texten står inte inom slutna citattecken och mer än en mening följer (”{words}”), så det är "
        "oklart var den nya texten slutar; citera den nya texten"),
    "extract.check.open_sentences": (
        'the quotation is never closed and is read to the end of the point, with the sentences "{words}"',
        "citatet avslutas aldrig och är läst till punktens slut, med meningarna ”{words}”"),
    "extract.cannot.unquoted_till": (
        'reads several ways: the words after "från" and "till" are not quoted and hold "till"',
        "kan läsas på flera sätt: orden efter ”från” och ”till” är inte citerade och innehåller ”till”"),
    "extract.check.sentence_struck": ('read as striking the sentence "{sentence}"',
                                      "lästes som att meningen ”{sentence}” stryks"),
    "extract.check.new_item_page": ('read as a new item "{item}" in the one list on page {page}',
                                    "lästes som en ny punkt ”{item}” i den enda listan på sidan {page}"),
    "extract.check.new_item_heading": ('read as a new item "{item}" in the one list under {heading}',
                                       "lästes som en ny punkt ”{item}” i den enda listan under rubriken {heading}"),
    "extract.check.new_item_at": ('{read}, {position} (from "{words}")', "{read}, {position} (av ”{words}”)"),
    "extract.check.item_position_n": ("as its item {n}", "som dess punkt {n}"),
    "extract.check.item_position_first": ("as its first item", "som dess första punkt"),
    "extract.check.item_position_last": ("as its last item", "som dess sista punkt"),
    "extract.check.unquoted_words": ('read the unquoted words as "{old}" → "{new}"',
                                     "läste de ociterade orden som ”{old}” → ”{new}”"),
    # ------------------------------------------------------------ the wording disagrees with the amendment (check)
    "extract.disagrees.operation": ("the wording {says} text, but the operation {op} {does} it",
                                    "lydelsen {says} text, men operationen {op} {does} den"),
    "extract.disagrees.scope": ("the wording says {said}, the amendment's scope says {scope}",
                                "lydelsen säger {said}, ändringens avgränsning säger {scope}"),
    # review 9 #11: "På sidan 9 stryks första stycket." with at: {paragraph: 1}
    "extract.disagrees.scope_missing": (
        "the wording says {said}, which the amendment's scope does not name (without it the scope is wider)",
        "lydelsen säger {said}, vilket ändringens avgränsning inte anger (utan det blir avgränsningen vidare)"),
    "extract.family.strikes": ("strikes", "stryker"),
    "extract.family.adds": ("adds", "lägger till"),
    "extract.family.replaces": ("replaces", "ersätter"),
    "extract.family.changes": ("changes", "ändrar"),
    "extract.help.describe_program": (
        "The program the patch amends: a new section's heading level is then left unsaid where it is that of "
        "the section before it.", "Programmet som ändras: en ny rubriks nivå sägs då inte där den är "
        "densamma som rubriken före."),
    # ------------------------------------------------------------ one decision, several documents
    "extract.documents.only_fits": ("names no document; put here, the only one of the documents it applies to",
                                    "anger inget dokument; förd hit, det enda av dokumenten där den går att tillämpa"),
    "extract.documents.fits_several": (
        "names no document and applies to {titles:and}: which one is not clear, so it is in none",
        "anger inget dokument och går att tillämpa på {titles:and}: det framgår inte vilket, så den finns i inget"),
    "extract.documents.names_several": ("names more than one document ({titles:and}): it is in none",
                                        "anger mer än ett dokument ({titles:and}): den finns i inget"),
    "extract.documents.named_elsewhere": (
        "names {named:and} but applies only to {titles:and}: it is in none",
        "anger {named:and} men går bara att tillämpa på {titles:and}: den finns i inget"),
    "extract.documents.read_from": ("{title} from {paragraph}", "{title} ur {paragraph}"),
    "extract.documents.different_paragraphs": (
        "the documents were read from different §§ ({read:and}): say which § with --paragraph",
        "dokumenten lästes ur olika § ({read:and}): ange vilken § med --paragraph"),
    "extract.documents.routed": ("{protocol}:{line}: {amendment} goes into {title} ({file})",
                                 "{protocol}:{line}: {amendment} förs in i {title} ({file})"),
    "extract.documents.same_id": ("more than one --program has the id {ids:and}: give each document once",
                                  "mer än ett --program har id:t {ids:and}: ange varje dokument en gång"),
    "extract.documents.in": ("in {title}: {finding}", "i {title}: {finding}"),
    "extract.documents.nothing_for": ("nothing for {title}: no amendment of the decision goes into it",
                                      "inget till {title}: inget ändringsförslag i beslutet gäller det"),
    "extract.documents.needs_output": (
        "with more than one --program, -o names the folder to write a patch per document into",
        "med mer än ett --program anger -o mappen där en patch per dokument skrivs"),
    "extract.line_place_unknown": (
        "it is placed by line {line} alone (no quoted words to find there), and the program has no line numbers: "
        "where it goes is not known",
        "den placeras bara av rad {line} (inga citerade ord att söka efter), och programmet har inga radnummer: "
        "var den ska in är okänt"),
    "extract.check.clause_not_checked": (
        "clause {clause} is not checked: the patch has no clauses; the amendment is placed by its page and quoted "
        "words, which must match exactly once there (the clause stays in its text)",
        "paragraf {clause} i lagförslaget kontrolleras inte: patchen har inga sådana; ändringen placeras av sidan och "
        "de citerade orden, som måste finnas exakt en gång där (paragrafen står kvar i texten)"),
    "extract.scope.page": ("page {n}", "sidan {n}"),
    "extract.scope.heading": ('the heading "{n}"', "rubriken ”{n}”"),
    "extract.scope.item": ("item {n}", "punkt {n}"),
    "extract.scope.paragraph": ("paragraph {n}", "stycke {n}"),
    "extract.scope.sentence": ("sentence {n}", "mening {n}"),
    "extract.scope.column": ("column {n}", "kolumn {n}"),
    "extract.scope.row": ("row {n}", "rad {n}"),
    "extract.last": ("last", "sista"),
    # ------------------------------------------------------------ describe and the grammar
    "extract.cannot_be_worded": ("cannot be worded in {language}: {problem}",
                                 "kan inte formuleras på {language}: {problem}"),
    "extract.would_not_read_back": ("the wording {sentence!r} would not read back as the same amendment",
                                    "formuleringen {sentence!r} skulle inte läsas tillbaka som samma ändring"),
    "extract.grammar.no_wording": ("the {language} grammar has no wording for {fields}",
                                   "grammatiken för {language} har ingen formulering för {fields}"),
    "extract.grammar.no_wording_at": ("the {language} grammar has no wording for {fields} with {scope}",
                                      "grammatiken för {language} har ingen formulering för {fields} med {scope}"),
    "extract.grammar.no_scope_wording": ("the {language} grammar has no wording for {key}: {value!r}",
                                         "grammatiken för {language} har ingen formulering för {key}: {value!r}"),
    "extract.grammar.unquotable": ("the text {text!r} holds every kind of quotation mark and cannot be quoted",
                                   "texten {text!r} innehåller alla sorters citattecken och kan inte citeras"),
    "extract.grammar.no_language": ("no grammar for the language {language!r} (there are: {languages})",
                                    "ingen grammatik för språket {language!r} (de som finns: {languages})"),
    "extract.grammar.slot_type": ("{phrase!r}: unknown slot type {kind!r} (types: {types})",
                                  "{phrase!r}: okänd typ av lucka {kind!r} (typer: {types})"),
    "extract.grammar.write": ("{phrase!r}: write must be always, after_scope or alone, not {write!r}",
                              "{phrase!r}: write ska vara always, after_scope eller alone, inte {write!r}"),
}
