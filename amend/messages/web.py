"""Messages of the workbench (`amend serve`): its pages, forms, cards and errors."""

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
    "web.download.redline_docx": ("The changes marked (Word, tracked changes)",
                                  "Ändringarna markerade (Word, spårade ändringar)"),
    "web.download.redline_html": ("The changes marked (web page)", "Ändringarna markerade (webbsida)"),
    # errors
    "web.forbidden": (
        "This workbench opens only with the link that amend serve printed (it holds a key). Open that "
        "link again.",
        "Arbetsbänken öppnas bara med länken som amend serve skrev ut (den innehåller en nyckel). Öppna "
        "den länken igen."),
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
    "web.cli.no_browser": ("Do not open the browser.", "Öppna inte webbläsaren."),
    "web.cli.open": ("The workbench is open at {url} (stop it with Ctrl+C).",
                     "Arbetsbänken är öppen på {url} (stoppa den med Ctrl+C)."),
    "web.cli.bad_token": ("--token must be at least 16 letters, digits, - or _",
                          "--token måste vara minst 16 bokstäver, siffror, - eller _"),
    "web.cli.not_local": ("--host {host} lets other machines in: give --token as well",
                          "--host {host} släpper in andra datorer: ange även --token"),
    "web.cli.cannot_listen": ("cannot listen on {host}:{port}: {reason}", "kan inte lyssna på {host}:{port}: {reason}"),
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
        "This import is no longer kept (the workbench was restarted or many imports followed); import the "
        "file again.",
        "Den här importen finns inte längre kvar (arbetsbänken startades om eller många importer följde); "
        "importera filen igen."),
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
    "web.publish.no_pdf": ("A PDF is not offered yet: amend apply cannot write one in this version.",
                           "Någon PDF erbjuds inte ännu: amend apply kan inte skriva en i den här versionen."),
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
