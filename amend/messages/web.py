"""Messages of the workbench (`amend serve`): its pages, forms, cards and errors.

Long because it is data (one entry per label or message, in two languages), not logic."""

MESSAGES: dict[str, tuple[str, str]] = {
    # frame
    "web.app": ("amend – the secretary's workbench", "amend – sekreterarens arbetsbänk"),
    "web.nav.register": ("The register", "Register"),
    "web.nav.record": ("Record a decision", "Registrera ett beslut"),
    "web.nav.apply": ("Make the documents", "Ta fram dokumenten"),
    "web.other_language": ("Svenska", "English"),
    "web.root": ("Repository: {root}", "Arkiv: {root}"),
    # register
    "web.register.title": ("Programs", "Program"),
    "web.register.empty": ("There is no program in {folder}.", "Det finns inget program i {folder}."),
    "web.register.cannot_read": ("{file} cannot be read: {error}", "{file} går inte att läsa: {error}"),
    "web.register.in_force": ("In force today: version {version}", "Gäller i dag: versionen {version}"),
    "web.register.none_in_force": ("No version is in force today.", "Ingen version gäller i dag."),
    "web.register.pending": ("Pending proposals", "Förslag som väntar på beslut"),
    "web.register.no_pending": ("No proposal is pending.", "Inget förslag väntar på beslut."),
    "web.register.program_file": ("the program file", "programfilen"),
    "web.col.version": ("Version name", "Version"),
    "web.col.state": ("State", "Läge"),
    "web.col.in_force": ("In force from", "Gäller från"),
    "web.col.decision": ("Decision", "Beslut"),
    "web.col.amendments": ("Amendments", "Ändringar"),
    "web.action.read": ("Read", "Läs"),
    "web.action.record": ("Record a decision on it", "Registrera ett beslut om den"),
    "web.action.apply": ("Make the documents", "Ta fram dokumenten"),
    "web.state.in_force": ("in force", "gäller"),
    "web.state.superseded": ("superseded", "ersatt"),
    "web.state.future": ("future", "kommande"),
    "web.state.proposal": ("proposal", "förslag"),
    "web.state.pending": ("pending", "väntar på beslut"),
    "web.state.rejected": ("rejected", "avslaget"),
    "web.state.withdrawn": ("withdrawn", "återtaget"),
    "web.state.unreachable": ("cannot be built", "kan inte byggas"),
    # a version page by page
    "web.page.title": ("{title}, version {version}", "{title}, versionen {version}"),
    "web.page.number": ("Page {page}", "Sida {page}"),
    "web.page.of": ("page {page} of {count}", "sidan {page} av {count}"),
    "web.page.previous": ("← Previous page", "← Föregående sida"),
    "web.page.next": ("Next page →", "Nästa sida →"),
    "web.page.pages": ("Pages", "Sidor"),
    "web.page.missing": ("Page {page} does not exist: the version has {count:plural:one page:{count} pages}.",
                         "Sidan {page} finns inte: versionen har {count:plural:en sida:{count} sidor}."),
    "web.page.empty": ("Nothing starts on this page (the text before runs over it).",
                       "Ingenting börjar på den här sidan (texten före fortsätter över den)."),
    # record a decision
    "web.record.title": ("Record a decision", "Registrera ett beslut"),
    "web.record.intro": (
        "Choose the program and the version the decision refers to, fill in the decision and paste the "
        "minutes' text. amend reads the amendments out of it and shows each with its status; nothing is "
        "saved until you save.",
        "Välj programmet och den version beslutet gäller, fyll i beslutet och klistra in protokollets "
        "text. amend läser ut ändringarna och visar var och en med sitt läge; ingenting sparas förrän du "
        "sparar."),
    "web.field.program": ("The program", "Program"),
    "web.field.base": ("The version the decision refers to", "Versionen som beslutet gäller"),
    "web.field.body": ("Body (if the minutes do not say)", "Organ (om protokollet inte säger det)"),
    "web.field.date": ("Date (YYYY-MM-DD, if the minutes do not say)",
                       "Datum (ÅÅÅÅ-MM-DD, om protokollet inte säger det)"),
    "web.field.paragraph": ("§ (when the minutes hold several)", "§ (när protokollet har flera)"),
    "web.field.case": ("Case number (if the minutes do not say)", "Diarienummer (om protokollet inte säger det)"),
    "web.field.outcome": ("Outcome", "Utfall"),
    "web.field.produces": ("Name of the version the decision makes", "Namn på versionen som beslutet ger"),
    "web.field.name": ("File name of the decision (without .yaml)", "Filnamn för beslutet (utan .yaml)"),
    "web.field.minutes": ("The minutes' text (copy it from the PDF)", "Protokollets text (kopiera den från PDF:en)"),
    "web.field.version": ("The version to make", "Version"),
    "web.field.preview": ("Also apply decisions that are not adopted (a preview, never a version in force)",
                          "Genomför även beslut som inte är antagna (en förhandsvisning, aldrig en gällande version)"),
    "web.outcome.adopted": ("adopted", "antaget"),
    "web.outcome.pending": ("not yet decided", "inte avgjort ännu"),
    "web.outcome.rejected": ("rejected", "avslaget"),
    "web.outcome.withdrawn": ("withdrawn", "återtaget"),
    "web.record.read": ("Read the amendments", "Läs ut ändringarna"),
    "web.record.save": ("Save the decision", "Spara beslutet"),
    "web.record.decision": ("Decision: {decision}", "Beslut: {decision}"),
    "web.record.found": ("{n} {n:plural:amendment:amendments} read from the minutes.",
                         "{n} {n:plural:ändring:ändringar} lästes ut ur protokollet."),
    "web.record.incomplete": (
        "Some things need a human (see the cards). What was understood can still be saved; the file then "
        "lists at its top what is missing.",
        "En del behöver en människa (se korten). Det som lästes ut kan ändå sparas; filen räknar då upp "
        "överst vad som saknas."),
    "web.record.saved": ("Saved as {file}.", "Sparat som {file}."),
    "web.record.line": ("line {line} of the minutes", "rad {line} i protokollet"),
    "web.status.ok": ("applies", "kan genomföras"),
    "web.status.fuzzy_only": ("not found exactly – a close passage", "finns inte exakt – ett liknande ställe"),
    "web.status.not_found": ("not found", "finns inte"),
    "web.status.ambiguous": ("ambiguous", "tvetydig"),
    "web.status.out_of_scope": ("found elsewhere", "finns på ett annat ställe"),
    "web.status.conflict": ("conflicts with another amendment", "krockar med en annan ändring"),
    "web.status.error": ("does not agree with its wording", "stämmer inte med sin lydelse"),
    "web.status.needs_human": ("needs a human", "behöver en människa"),
    "web.status.not_applicable": ("adopted, but cannot be written as an amendment",
                                  "antaget, men går inte att skriva som en ändring"),
    "web.status.rejected": ("rejected proposal – not in the decision", "avslaget yrkande – kommer inte med"),
    "web.status.check": ("check against the minutes", "kontrollera mot protokollet"),
    "web.status.note": ("note", "notering"),
    # apply
    "web.apply.title": ("Make the documents", "Ta fram dokumenten"),
    "web.apply.intro": (
        "amend applies the decisions that make the chosen version, exactly as the command amend apply does, and "
        "writes the adopted text and the changes marked into the folder {folder} of the repository.",
        "amend genomför besluten som ger den valda versionen, precis som kommandot amend apply, och skriver den "
        "antagna texten och ändringarna markerade i mappen {folder} i arkivet."),
    "web.apply.run": ("Make the documents", "Ta fram dokumenten"),
    "web.apply.done": ("Written into {folder}:", "Skrivet i {folder}:"),
    "web.download.docx": ("The adopted text (Word)", "Den antagna texten (Word)"),
    "web.download.yaml": ("The adopted text (YAML, for amend)", "Den antagna texten (YAML, för amend)"),
    "web.download.pdf": ("The adopted document (PDF, to publish)", "Det antagna dokumentet (PDF, att publicera)"),
    "web.download.redline_pdf": ("The changes marked (PDF)", "Ändringarna markerade (PDF)"),
    "web.field.pdf": ("Also as PDF (through LibreOffice, tagged for accessibility)",
                      "Även som PDF (genom LibreOffice, taggad för tillgänglighet)"),
    "web.download.redline_docx": ("The changes marked (Word, tracked changes)",
                                  "Ändringarna markerade (Word, spårade ändringar)"),
    "web.download.redline_html": ("The changes marked (web page)", "Ändringarna markerade (webbsida)"),
    # errors
    "web.forbidden": (
        "This workbench opens only with the link that amend serve printed (it holds a key). Open that "
        "link again.",
        "Arbetsbänken öppnas bara med länken som amend serve skrev ut (den innehåller en nyckel). Öppna "
        "den länken igen."),
    "web.login.title": ("Sign in to the workbench", "Logga in på arbetsbänken"),
    "web.login.intro": ("Give the workbench's password (the one in the password file amend serve was started with).",
                        "Ange arbetsbänkens lösenord (det som står i lösenordsfilen som amend serve startades med)."),
    "web.login.password": ("Password", "Lösenord"),
    "web.login.submit": ("Sign in", "Logga in"),
    "web.login.wrong": ("That is not the password. Try again.", "Det är inte lösenordet. Försök igen."),
    "web.csrf": (
        "The form was not sent from this workbench (its check field is missing or wrong), so nothing was "
        "done. Reload the page and send it again.",
        "Formuläret skickades inte från den här arbetsbänken (kontrollfältet saknas eller är fel), så "
        "ingenting gjordes. Ladda om sidan och skicka det igen."),
    "web.not_found": ("There is no such page.", "Sidan finns inte."),
    "web.too_large": ("The form is larger than {limit} bytes; nothing was done.",
                      "Formuläret är större än {limit} byte; ingenting gjordes."),
    "web.bug": ("amend failed unexpectedly; nothing was written. Report it with the number {id}.",
                "amend avbröts oväntat; ingenting skrevs. Rapportera felet med numret {id}."),
    "web.no_program": ("there is no program '{program}' in this repository",
                       "det finns inget program ”{program}” i det här arkivet"),
    "web.missing": ("fill in: {field}", "fyll i: {field}"),
    "web.bad_choice": ("'{value}' is not one of the choices for {field}", "”{value}” är inget av valen för {field}"),
    "web.bad_file_name": ("'{name}' cannot be a file name: use letters, digits, - and _ (e.g. 2025-10-22-ksau-170)",
                          "”{name}” kan inte vara ett filnamn: använd bokstäver, siffror, - och _ "
                          "(t.ex. 2025-10-22-ksau-170)"),
    "web.nothing_to_save": ("no amendment was read from the minutes, so there is nothing to save",
                            "ingen ändring lästes ut ur protokollet, så det finns inget att spara"),
    "web.exists": ("{file} already exists, and amend never writes over a decision; choose another file name",
                   "{file} finns redan, och amend skriver aldrig över ett beslut; välj ett annat filnamn"),
    "web.outside": ("the folder {folder} leads outside the repository; amend writes nothing there",
                    "mappen {folder} leder utanför arkivet; amend skriver ingenting där"),
    "web.nothing_to_apply": ("the version '{version}' is the program's own: there is no decision to apply",
                             "versionen ”{version}” är programmets egen: det finns inget beslut att genomföra"),
    # amend serve
    "web.cli.help": (
        "Start the workbench: a local web application for the repository ROOT (default: .), in the browser.",
        "Starta arbetsbänken: ett lokalt webbprogram för arkivet ROOT (standard: .), i webbläsaren."),
    "web.cli.host": ("The address to listen on (default 127.0.0.1: this machine only).",
                     "Adressen att lyssna på (standard 127.0.0.1: bara den här datorn)."),
    "web.cli.port": ("The port to listen on (0: any free port).", "Porten att lyssna på (0: valfri ledig port)."),
    "web.cli.token": ("The key every request must carry (default: a new random one).",
                      "Nyckeln som varje anrop måste ha med sig (standard: en ny slumpad)."),
    "web.cli.password_file": (
        "A file holding the password a browser signs in with, instead of the key in the link (only you may "
        "read the file).",
        "En fil med lösenordet som en webbläsare loggar in med, i stället för nyckeln i länken (bara du får "
        "kunna läsa filen)."),
    "web.cli.password_unreadable": ("cannot read the password file {file}: {reason}",
                                    "kan inte läsa lösenordsfilen {file}: {reason}"),
    "web.cli.password_open": (
        "the password file {file} can be read by other users of this machine (mode {mode}); make it yours "
        "alone: chmod 600 {file}",
        "lösenordsfilen {file} kan läsas av andra användare på datorn (rättigheter {mode}); gör den till "
        "bara din: chmod 600 {file}"),
    "web.cli.password_short": ("the password in {file} must be at least {n} characters (its first line)",
                               "lösenordet i {file} måste vara minst {n} tecken (filens första rad)"),
    "web.cli.token_or_password": ("give --token or --password-file, not both",
                                  "ange --token eller --password-file, inte båda"),
    "web.cli.no_browser": ("Do not open the browser.", "Öppna inte webbläsaren."),
    "web.cli.open": ("The workbench is open at {url} (stop it with Ctrl+C).",
                     "Arbetsbänken är öppen på {url} (stoppa den med Ctrl+C)."),
    "web.cli.bad_token": ("--token must be at least 16 letters, digits, - or _",
                          "--token måste vara minst 16 bokstäver, siffror, - eller _"),
    "web.cli.not_local": ("--host {host} lets other machines in: give --token or --password-file as well",
                          "--host {host} släpper in andra datorer: ange även --token eller --password-file"),
    "web.cli.cannot_listen": ("cannot listen on {host}:{port}: {reason}", "kan inte lyssna på {host}:{port}: {reason}"),
    # drafts kept on disk (the server's log)
    "web.store.skipped": ("skipped {file} among the drafts: {why}", "hoppade över {file} bland utkasten: {why}"),
    "web.store.foreign": ("the folder holds the drafts of another repository than {root}; this one's drafts are "
                          "kept in memory only",
                          "mappen har utkasten till ett annat arkiv än {root}; det här arkivets utkast finns bara "
                          "i minnet"),
    "web.store.said": ("{s}", "{s}"),  # store.Said in a language it has no words in: those it has
    "web.store.not_a_draft": ("not a draft file of the workbench", "inte en utkastfil från arbetsbänken"),
    "web.store.bad_format": ("not a draft this version of amend can read",
                             "inte ett utkast som den här versionen av amend kan läsa"),
    # webcards
    "web.draft.title": ("The decision's amendments", "Beslutets ändringar"),
    "web.draft.heading": ("Amendments to {title}, version {version}", "Ändringar i {title}, versionen {version}"),
    "web.draft.intro": (
        "Each amendment is a card: change its fields and save it, and amend checks it again against the "
        "text at once. On the right, the changes of the cards that apply, marked. Nothing is written into "
        "the repository until you save the decision.",
        "Varje ändring är ett kort: ändra fälten och spara kortet, så prövar amend det genast mot texten "
        "igen. Till höger syns ändringarna från korten som kan genomföras, markerade. Ingenting skrivs i "
        "arkivet förrän du sparar beslutet."),
    "web.draft.point": ("Point in the text", "Peka i texten"),
    "web.draft.summary": ("{ok} of {n} {n:plural:amendment applies:amendments apply}.",
                          "{ok} av {n} {n:plural:ändring går:ändringar går} att genomföra."),
    "web.draft.none": ("No amendment yet: point in the text, or add one below.",
                       "Ingen ändring ännu: peka i texten eller lägg till en nedan."),
    "web.draft.gone": ("This draft is no longer there (many drafts followed it, or its file was removed). "
                       "Read the minutes again.",
                       "Utkastet finns inte längre (många utkast kom efter det, eller dess fil togs bort). "
                       "Läs ut protokollet igen."),
    "web.draft.no_card": ("there is no card {n} in this draft", "det finns inget kort {n} i utkastet"),
    "web.draft.handled": ("Handled by a card", "Hanterad med ett kort"),
    "web.draft.handled_help": (
        "amend could not read this instruction, so the saved file lists it as missing (and amend apply "
        "refuses it). When a card above does what it says, mark it handled.",
        "amend kunde inte läsa den här instruktionen, så den sparade filen räknar upp den som saknad (och "
        "amend apply vägrar genomföra filen). När ett kort ovan gör det som instruktionen säger, markera den "
        "som hanterad."),
    "web.draft.is_handled": ("Marked as handled by a card: the saved file does not list it as missing.",
                             "Markerad som hanterad med ett kort: den sparade filen räknar inte upp den som saknad."),
    "web.card.edit": ("Edit the card", "Ändra kortet"),
    "web.card.stale": (
        "This card was changed in another window since you opened it, so nothing was saved. The table shows what "
        "you typed beside the card as it is now: Save mine writes yours over it, Keep the card as it is now "
        "drops yours.",
        "Kortet har ändrats i ett annat fönster sedan du öppnade det, så ingenting sparades. Tabellen visar det "
        "du skrev bredvid kortet som det är nu: Spara mitt kort skriver ditt över det, Behåll kortet som det är "
        "nu låter ditt vara."),
    "web.card.stale_removed": (
        "This card was removed in another window since you opened it, so nothing was saved. Your card, as you "
        "typed it, is in the form below: Save the card adds it again.",
        "Kortet har tagits bort i ett annat fönster sedan du öppnade det, så ingenting sparades. Ditt kort, som "
        "du skrev det, står i formuläret nedan: Spara kortet lägger till det igen."),
    "web.card.pending": ("What the card makes and the wording for the minutes: show",
                         "Vad kortet gör av texten och lydelsen för protokollet: visa"),
    "web.card.stale_field": ("Field", "Fält"),
    "web.card.stale_mine": ("Yours, as you typed it", "Ditt, som du skrev det"),
    "web.card.stale_theirs": ("The card now", "Kortet nu"),
    "web.card.stale_keep": ("Keep the card as it is now", "Behåll kortet som det är nu"),
    "web.card.stale_save": ("Save mine", "Spara mitt kort"),
    "web.card.add": ("Add an amendment", "Lägg till en ändring"),
    "web.card.save": ("Save the card", "Spara kortet"),
    "web.card.delete": ("Remove the card", "Ta bort kortet"),
    "web.card.op": ("What is done", "Vad görs"),
    "web.card.id": ("Id (letters, digits, -)", "Id (bokstäver, siffror, -)"),
    "web.card.title_field": ("Name in the minutes (e.g. Tillägg 1)", "Namn i protokollet (t.ex. Tillägg 1)"),
    "web.card.text": ("The minutes' wording", "Lydelsen i protokollet"),
    "web.card.scope": ("Where (coarse to fine; leave empty what the minutes do not say)",
                       "Var (från grovt till fint; lämna tomt det som protokollet inte säger)"),
    "web.card.scope.page": ("Page", "Sida"),
    "web.card.scope.heading": ("Heading", "Rubrik"),
    "web.card.scope.column": ("Column (number or its heading)", "Kolumn (nummer eller dess rubrik)"),
    "web.card.scope.row": ("Table row", "Rad i tabellen"),
    "web.card.scope.paragraph": ("Paragraph (number, first, last)", "Stycke (nummer, första, sista)"),
    "web.card.scope.item": ("Item (number, first, last)", "Punkt (nummer, första, sista)"),
    "web.card.scope.sentence": ("Sentence (number, first, last)", "Mening (nummer, första, sista)"),
    "web.card.scope.occurrence": ("Which occurrence of the words", "Vilken förekomst av orden"),
    "web.card.where": ("Insert where", "Infoga var"),
    "web.card.where.after": ("after the words", "efter orden"),
    "web.card.where.before": ("before the words", "före orden"),
    "web.card.where.end": ("at the end of the paragraph, item or sentence",
                           "i slutet av stycket, punkten eller meningen"),
    "web.card.anchor": ("The words that say where (insert after/before; the item, paragraph or section it follows)",
                        "Orden som anger stället (infoga efter/före; punkten, stycket eller avsnittet den följer)"),
    "web.card.old": ("The text replaced or struck (a paragraph, item: its first words; a section: its heading)",
                     "Texten som ersätts eller stryks (stycke, punkt: de första orden; avsnitt: rubriken)"),
    "web.card.new": ("The new text (a new section: its heading; new section text: paragraphs apart by a blank line)",
                     "Den nya texten (nytt avsnitt: rubriken; ny avsnittstext: stycken åtskilda av en tom rad)"),
    "web.card.position": ("Place in the list (number, first, last)", "Plats i listan (nummer, första, sista)"),
    "web.card.level": ("Heading level (1, 2, …)", "Rubriknivå (1, 2, …)"),
    "web.card.makes": ("With this card alone the text reads:", "Med bara det här kortet blir texten:"),
    "web.card.candidates": ("The words occur in these places. Pick the one the decision means:",
                            "Orden finns på de här ställena. Välj det som beslutet avser:"),
    "web.card.pick": ("This one", "Det här"),
    "web.card.closest": ("Not found. The closest passages in the program:",
                         "Finns inte. De mest lika ställena i programmet:"),
    "web.card.similar": ("{similarity:.0%} alike", "{similarity:.0%} lika"),
    "web.card.wording": ("Wording for the minutes (copy it into the protocol):",
                         "Lydelse för protokollet (kopiera den till protokollet):"),
    "web.card.no_wording": ("amend cannot word this amendment for the minutes:",
                            "amend kan inte formulera ändringen för protokollet:"),
    "web.card.not_editable": ("This card holds content the form cannot show (a new section's text); "
                              "it is kept as read from the minutes.",
                              "Kortet innehåller sådant som formuläret inte kan visa (ett nytt avsnitts text); "
                              "det behålls som det lästes ut ur protokollet."),
    "web.card.duplicate_id": ("another card already has the id '{id}'; ids must be unique",
                              "ett annat kort har redan id:t ”{id}”; id:n måste vara unika"),
    "web.card.bad_op": ("'{op}' is not an operation amend knows", "”{op}” är ingen ändring som amend känner till"),
    "web.op.insert": ("Insert text", "Infoga text"),
    "web.op.replace": ("Replace text", "Ersätt text"),
    "web.op.delete": ("Strike text", "Stryk text"),
    "web.op.add_item": ("Add an item", "Lägg till punkt"),
    "web.op.add_paragraph": ("New paragraph", "Nytt stycke"),
    "web.op.delete_paragraph": ("Strike a paragraph", "Stryk ett stycke"),
    "web.op.delete_item": ("Strike an item", "Stryk en punkt"),
    "web.op.add_section": ("New heading (section)", "Ny rubrik (avsnitt)"),
    "web.op.delete_section": ("Strike a section", "Stryk ett avsnitt"),
    "web.op.replace_section_text": ("New text for a section", "Ny text för ett avsnitt"),
    "web.review.title": ("The changes marked", "Ändringarna markerade"),
    "web.review.all": ("All cards apply: this is the decision's redline.",
                       "Alla kort kan genomföras: så här ser beslutets ändringar ut."),
    "web.review.some": ("Only the {ok} of {n} cards that apply are marked; fix the others.",
                        "Bara de {ok} av {n} kort som kan genomföras är markerade; rätta de andra."),
    "web.review.nothing": ("No card applies yet, so there is nothing to mark.",
                           "Inget kort kan genomföras ännu, så det finns inget att markera."),
    "web.save.needs": ("fill in before saving: {fields:and}", "fyll i innan du sparar: {fields:and}"),
    "web.save.fill": ("Fill this in to save the decision.", "Fyll i det här för att spara beslutet."),
    "web.save.not_all": ("{n} {n:plural:card does:cards do} not apply; a decision is saved only when every card "
                         "applies",
                         "{n} {n:plural:kort går:kort går} inte att genomföra; ett beslut sparas först när alla kort "
                         "går att genomföra"),
    "web.save.changed": ("the saved file would not apply as the cards show; nothing was written (a bug: report it)",
                         "den sparade filen skulle inte genomföras som korten visar; ingenting skrevs (ett fel: "
                         "rapportera det)"),
    # pointing
    "web.point.title": ("Amend here", "Ändra här"),
    "web.point.help": (
        "Select words in the text (or click a paragraph, item or heading), choose what to do and write the "
        "new text. amend writes the amendment with the narrowest place that names it once.",
        "Markera ord i texten (eller klicka på ett stycke, en punkt eller en rubrik), välj vad som ska göras "
        "och skriv den nya texten. amend skriver ändringen med det snävaste stället som pekar ut den entydigt."),
    "web.point.words": ("The words (as they stand in the text)", "Orden (så som de står i texten)"),
    "web.point.new": ("New text", "Ny text"),
    "web.point.go": ("Write the amendment", "Skriv ändringen"),
    "web.point.here": ("Amend", "Ändra"),
    "web.point.insert_after": ("Insert after", "Infoga efter"),
    "web.point.insert_before": ("Insert before", "Infoga före"),
    "web.point.replace": ("Replace", "Ersätt"),
    "web.point.delete": ("Strike", "Stryk"),
    "web.point.add_item": ("Add an item", "Lägg till punkt"),
    "web.point.add_paragraph": ("New paragraph after", "Nytt stycke efter"),
    "web.point.add_section": ("New heading after", "Ny rubrik efter"),
    "web.point.bad_action": ("'{action}' is not something amend can do here", "”{action}” kan amend inte göra här"),
    "web.point.no_place": ("that place is not in this version of the program; reload the page",
                           "stället finns inte i den här versionen av programmet; ladda om sidan"),
    "web.point.no_words": ("select the words to amend first", "markera först orden som ska ändras"),
    "web.point.no_new": ("write the new text", "skriv den nya texten"),
    "web.point.words_missing": ("the words ”{words}” are not in the text you picked",
                                "orden ”{words}” finns inte i texten du valde"),
    "web.point.words_repeated": ("the words ”{words}” occur {count} times in the text you picked: select them in "
                                 "the text, or write more of them",
                                 "orden ”{words}” förekommer {count} gånger i texten du valde: markera dem i "
                                 "texten eller skriv fler ord"),
    "web.point.not_resolved": ("amend cannot name the place of ”{words}” exactly in the patch format; write the "
                               "amendment in a card instead",
                               "amend kan inte ange stället för ”{words}” exakt i ändringsformatet; skriv "
                               "ändringen i ett kort i stället"),
    "web.point.repeated": ("”{words}” occurs more than once in its paragraph or item ({where}) even with eight "
                           "words more around it; nothing was written: write the amendment in a card",
                           "”{words}” förekommer mer än en gång i sitt stycke eller sin punkt ({where}) även med "
                           "åtta ord till runt omkring; ingenting skrevs: skriv ändringen i ett kort"),
    "web.point.not_an_item": ("an item can be added only after an item: click a list item",
                              "en punkt kan bara läggas till efter en punkt: klicka på en punkt i en lista"),
    # webimport: import a proposal, publish a decision, the HTTP edge's refusals
    "web.nav.import": ("Import a proposal", "Importera ett förslag"),
    "web.nav.publish": ("Publish", "Publicera"),
    "web.action.publish": ("Publish", "Publicera"),
    "web.bad_host": (
        "This workbench answers only at the address amend serve printed (127.0.0.1); nothing was done.",
        "Arbetsbänken svarar bara på adressen som amend serve skrev ut (127.0.0.1); ingenting gjordes."),
    "web.upload.too_large": ("The files sent are larger than {limit} MB together; nothing was done.",
                             "Filerna som skickades är tillsammans större än {limit} MB; ingenting gjordes."),
    "web.upload.bad_form": ("The form could not be read (it is not a complete upload); send it again.",
                            "Formuläret gick inte att läsa (uppladdningen är inte hel); skicka det igen."),
    "web.upload.wrong_kind": ("is neither a Word file (DOCX) nor a PDF, whatever its name says",
                              "är varken en Word-fil (DOCX) eller en PDF, vad namnet än säger"),
    "web.upload.pages_not_pdf": ("is not a PDF: the pages can only be taken from the circulated PDF",
                                 "är ingen PDF: sidorna kan bara hämtas från den utskickade PDF:en"),
    "web.upload.missing": ("choose the proposal's Word file (DOCX) or PDF",
                           "välj förslagets Word-fil (DOCX) eller PDF"),
    "web.import.title": ("Import a proposal", "Importera ett förslag"),
    "web.import.intro": (
        "Send the proposal as a Word file (DOCX) or PDF. amend reads it as the command amend import does and "
        "shows it page by page beside what it could not carry over; correct a heading or a page where needed, "
        "then save it as a program. Nothing is saved until you save.",
        "Skicka förslaget som Word-fil (DOCX) eller PDF. amend läser det som kommandot amend import gör och "
        "visar det sida för sida bredvid det som inte gick att föra över; rätta en rubrik eller en sida där det "
        "behövs och spara det sedan som ett program. Ingenting sparas förrän du sparar."),
    "web.field.document": ("The proposal (DOCX or PDF)", "Förslaget (DOCX eller PDF)"),
    "web.field.pages": ("The circulated PDF, for its pages (optional, with a DOCX)",
                        "Den utskickade PDF:en, för sidorna (valfritt, med en DOCX)"),
    "web.field.id": ("Program id (letters a–z, digits, . _ -; the file name in programs/)",
                     "Programmets id (bokstäverna a–z, siffror, . _ -; filnamnet i programs/)"),
    "web.field.title": ("Title (if the document does not say)", "Titel (om dokumentet inte säger det)"),
    "web.import.run": ("Import", "Importera"),
    "web.import.report": ("The import report", "Importrapporten"),
    "web.import.no_report": ("Everything was carried over.", "Allt fördes över."),
    "web.import.heading": ("Heading", "Rubrik"),
    "web.import.level": ("Level", "Nivå"),
    "web.import.page": ("Page", "Sida"),
    "web.import.block": ("Starts on page", "Börjar på sidan"),
    "web.import.correct": ("Save the corrections", "Spara rättelserna"),
    "web.import.corrected": ("The corrections are made (not yet saved as a program).",
                             "Rättelserna är gjorda (ännu inte sparade som program)."),
    "web.import.save_title": ("Save as a program", "Spara som program"),
    "web.import.overwrite": ("Write over the existing file", "Skriv över den befintliga filen"),
    "web.import.save": ("Save the program", "Spara programmet"),
    "web.import.draft": ("{title} – imported from {name}, not yet saved",
                         "{title} – importerat från {name}, ännu inte sparat"),
    "web.import.gone": (
        "This import is no longer kept (many imports followed, or its file was removed); import the "
        "file again.",
        "Den här importen finns inte längre kvar (många importer följde, eller dess fil togs bort); "
        "importera filen igen."),
    "web.import.recheck_ok": (
        "The {n:plural:decision:{n} decisions} built on this program, checked again as amend check checks them: "
        "{n:plural:it still applies:all still apply}.",
        "{n:plural:Beslutet:De {n} besluten} som bygger på programmet, prövade igen som amend check prövar dem: "
        "{n:plural:det går fortfarande att genomföra:alla går fortfarande att genomföra}."),
    "web.import.recheck_bad": (
        "{bad} of the {n:plural:decision:{n} decisions} built on this program no longer "
        "{bad:plural:applies:apply} to it as it is now (checked again as amend check checks them):",
        "{bad} av {n:plural:beslutet:de {n} besluten} som bygger på programmet går inte längre att genomföra "
        "på det som det är nu (prövade igen som amend check prövar dem):"),
    "web.import.saved": ("Saved as {files:and}.", "Sparat som {files:and}."),
    "web.import.replaced": ("Saved as {files:and}; written over: {replaced:and}.",
                            "Sparat som {files:and}; skrevs över: {replaced:and}."),
    "web.import.bad_id": ("'{id}' cannot be a program id: use the letters a–z, digits, . _ and -, starting with a "
                          "letter or digit (e.g. trygghetsplan-2026)",
                          "”{id}” kan inte vara ett programs id: använd bokstäverna a–z, siffror, . _ och -, och "
                          "börja med en bokstav eller siffra (t.ex. trygghetsplan-2026)"),
    "web.import.empty_heading": ("a heading cannot be empty", "en rubrik kan inte vara tom"),
    "web.import.bad_number": ("'{value}' is not a number from 1 to {most}",
                              "”{value}” är inget tal från 1 till {most}"),
    "web.import.page_back": ("page {page} comes after page {last}: pages never go back",
                             "sidan {page} kommer efter sidan {last}: sidorna går aldrig bakåt"),
    "web.import.places_dropped": (
        "A heading's text was corrected, so the council's Word file no longer holds the program's text: the "
        "adopted Word file will be written in amend's own layout.",
        "En rubriks text rättades, så rådets Word-fil innehåller inte längre programmets text: den antagna "
        "Word-filen skrivs med amends egen layout."),
    "web.import.exists": ("the file {file} already exists; tick \"Write over the existing file\" to replace it, "
                          "or choose another id",
                          "filen {file} finns redan; kryssa i ”Skriv över den befintliga filen” för att ersätta den, "
                          "eller välj ett annat id"),
    "web.import.id_taken": ("the id '{id}' is already the program in {file}; choose another id",
                            "id:t ”{id}” har redan programmet i {file}; välj ett annat id"),
    "web.publish.title": ("Publish a decision", "Publicera ett beslut"),
    "web.publish.intro": (
        "Choose the version a decision makes: download its documents, save the decision's file into the "
        "repository and, when the repository is a git repository, commit it with the decision as the message.",
        "Välj versionen som ett beslut ger: ladda ned dess dokument, spara beslutets fil i arkivet och, när "
        "arkivet är ett git-arkiv, checka in den med beslutet som meddelande."),
    "web.publish.choose": ("Open", "Öppna"),
    "web.publish.decision": ("Decision: {decision}, in {file}", "Beslut: {decision}, i {file}"),
    "web.publish.no_git": ("The repository is not a git repository: the file is saved, not committed.",
                           "Arkivet är inget git-arkiv: filen sparas men checkas inte in."),
    "web.publish.in_git": ("Committed as {commit}.", "Incheckad som {commit}."),
    "web.publish.not_in_git": ("Not yet committed to git.", "Ännu inte incheckad i git."),
    "web.publish.save_commit": ("Save and commit", "Spara och checka in"),
    "web.publish.save": ("Save the decision", "Spara beslutet"),
    "web.publish.documents": ("Make the documents", "Ta fram dokumenten"),
    "web.publish.no_pdf": ("PDF needs LibreOffice, which is not installed on this computer.",
                           "PDF kräver LibreOffice, som inte är installerat på den här datorn."),
    "web.publish.saved": ("Saved {file}.", "Sparade {file}."),
    "web.publish.unchanged": ("The file {file} already holds this text; nothing was written.",
                              "Filen {file} innehåller redan den här texten; ingenting skrevs."),
    "web.publish.committed": ("Committed {file} to git as {commit}.", "Checkade in {file} i git som {commit}."),
    "web.publish.was_committed": ("The file {file} was already committed as it is, as {commit}.",
                                  "Filen {file} var redan incheckad som den är, som {commit}."),
    "web.publish.changed": (
        "the file {file} was changed on disk since you opened it, so nothing was saved. Both versions are below: "
        "keep the one on disk, or save yours over it.",
        "filen {file} har ändrats på disken sedan du öppnade den, så ingenting sparades. Båda versionerna finns "
        "nedan: behåll den som finns på disken, eller spara din över den."),
    "web.publish.mine": ("What you sent", "Det du skickade"),
    "web.publish.theirs": ("The file on disk now", "Filen på disken nu"),
    "web.publish.keep_theirs": ("Keep the file on disk", "Behåll filen på disken"),
    "web.publish.save_mine": ("Save mine over it", "Spara min över den"),
    "web.publish.commit_subject": ("Decision {decision}", "Beslut {decision}"),
    "web.publish.commit_body": (
        "Program {program}: version {base} → {produces}, {n} {n:plural:amendment:amendments}, {outcome}.\n"
        "File: {file}",
        "Program {program}: versionen {base} → {produces}, {n} {n:plural:ändring:ändringar}, {outcome}.\n"
        "Fil: {file}"),
    "web.git.failed": ("the file is saved, but git could not commit it: {reason}",
                       "filen är sparad, men git kunde inte checka in den: {reason}"),
}
