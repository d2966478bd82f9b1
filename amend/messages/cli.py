"""Messages of the command line (cli.py, amend/commands.py): --help, summaries, usage errors."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the frame of the help pages (click's own words, in the language of the run)
    "cli.usage": ("Usage: ", "Användning: "),
    "cli.options_metavar": ("[OPTIONS]", "[FLAGGOR]"),
    "cli.subcommand_metavar": ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]..."),
    "cli.options": ("Options", "Flaggor"),
    "cli.commands": ("Commands", "Kommandon"),
    "cli.default": ("default: {value}", "standard: {value}"),
    "cli.required": ("required", "krävs"),
    "cli.usage_error": ("Error: {text}", "Fel: {text}"),
    "cli.missing_argument": ("Missing argument {name}.", "Argumentet {name} saknas."),
    "cli.missing_option": ("Missing option {name}.", "Flaggan {name} saknas."),
    "cli.missing_parameter": ("Missing parameter {name}.", "Värdet {name} saknas."),
    "cli.bad_value": ("Invalid value for {name}: {text}", "Ogiltigt värde för {name}: {text}"),
    "cli.bad_value_unnamed": ("Invalid value: {text}", "Ogiltigt värde: {text}"),
    "cli.no_such_option": ("No such option '{name}'.", "Det finns ingen flagga ”{name}”."),
    "cli.did_you_mean": ("Did you mean {name}?", "Menade du {name}?"),
    "cli.did_you_mean_one_of": ("(Did you mean one of: {names}?)", "(Menade du någon av: {names}?)"),
    "cli.no_such_command": ("No such command '{name}'.", "Det finns inget kommando ”{name}”."),
    "cli.not_one_of": ("'{value}' is not one of {choices}.", "”{value}” är inte något av {choices}."),
    "cli.aborted": ("Aborted!", "Avbrutet!"),
    "cli.try_help": ("Try '{command} {option}' for help.", "Skriv ”{command} {option}” för hjälp."),
    # ---- amend
    "cli.help.main": ("Apply a council's amendments to a program and write the adopted version.",
                      "För in ett besluts ändringar i ett program och skriv den antagna versionen."),
    "cli.help.help": ("Show this message and exit.", "Visa den här hjälpen och avsluta."),
    "cli.help.version": ("Show the version and exit.", "Visa versionen och avsluta."),
    "cli.help.debug": ("Show a traceback on errors (for developers).",
                       "Visa en traceback vid fel (för utvecklare)."),
    "cli.help.lang": ("Language of the messages: sv or en (default: AMEND_LANG, else the program's language, "
                      "else the locale).",
                      "Språk för meddelandena: sv eller en (annars AMEND_LANG, annars programmets språk, "
                      "annars datorns språkinställning)."),
    # ---- apply
    "cli.help.apply": (
        "Apply PATCH files (in order) to PROGRAM; write the adopted YAML and DOCX and the redline.\n\n"
        "Writes OUTPUT/<program-id>.<version>.yaml and .docx, where version is the last patch's `produces`, "
        "and .redline.docx (Word tracked changes) and .redline.html: the proposal against the adopted version.",
        "För in ändringarna i PATCH-filerna (i tur och ordning) i PROGRAM; skriv den antagna versionen som YAML "
        "och DOCX och en jämförelse.\n\n"
        "Skriver OUTPUT/<program-id>.<version>.yaml och .docx, där version är den sista patchens `produces`, "
        "samt .redline.docx (Word med spårade ändringar) och .redline.html: förslaget mot den antagna versionen."),
    "cli.help.apply_output": ("Folder for the adopted YAML and DOCX.",
                              "Mapp för den antagna versionen som YAML och DOCX."),
    "cli.help.fuzzy": (
        "Accept an anchor that is not found exactly when one passage is at least this similar (0–1, e.g. 0.9); "
        "each such match is reported as a warning.",
        "Godta ett ankare som inte finns ordagrant när ett ställe i texten är minst så här likt (0–1, t.ex. "
        "0.9); varje sådan träff visas som en varning."),
    "cli.help.preview": (
        "Also apply patches whose outcome is pending, rejected or withdrawn, to see the text they would make "
        "(never a version in force).",
        "För in även ändringar som inte är beslutade, avslagna eller återtagna, för att se vilken text de skulle "
        "ge (aldrig en gällande version)."),
    "cli.not_similarity": ("'{value}' is not a number from 0.5 to 1.0", "”{value}” är inte ett tal från 0.5 till 1.0"),
    "cli.applied": (
        "applied {amendments} {amendments:plural:amendment:amendments} from {patches} "
        "{patches:plural:patch:patches}; wrote {files}",
        "förde in {amendments} {amendments:plural:ändring:ändringar} ur {patches} "
        "{patches:plural:patch:patchar}; skrev {files}"),
    # ---- render
    "cli.help.render": ("Write the DOCX of PROGRAM as OUTPUT/<program-id>.<version>.docx.",
                        "Skriv PROGRAM som DOCX i OUTPUT/<program-id>.<version>.docx."),
    "cli.help.render_output": ("Folder for the DOCX.", "Mapp för DOCX-filen."),
    "cli.wrote": ("wrote {file}", "skrev {file}"),
    # ---- validate
    "cli.help.validate": ("Check program and patch FILES against their schemas.",
                          "Kontrollera att program- och patchfilerna FILES följer sina scheman."),
    "cli.valid": ("ok: {f}", "ok: {f}"),
    # ---- check
    "cli.help.check": (
        "Check that every patch under ROOT (default: .) still applies exactly.\n\n"
        "Reads ROOT/programs/*.yaml and ROOT/amendments/<program-id>/*.yaml, follows each patch's base version, "
        "applies every patch without fuzzy matching and reports each amendment. Exit 0 when everything "
        "applies, 1 otherwise.",
        "Kontrollera att varje patch under ROOT (annars .) fortfarande går att föra in exakt.\n\n"
        "Läser ROOT/programs/*.yaml och ROOT/amendments/<program-id>/*.yaml, följer varje patch till den "
        "version den är skriven mot, för in varje patch utan ungefärliga träffar och redovisar varje ändring. "
        "Slutkod 0 när allt går att föra in, annars 1."),
    "cli.help.check_outputs": (
        "A folder of committed adopted YAML to compare with what the patches produce now (repeatable; "
        "ROOT/build is always compared when it exists).",
        "En mapp med incheckade antagna versioner (YAML) att jämföra med vad patcharna ger nu (kan anges flera "
        "gånger; ROOT/build jämförs alltid när den finns)."),
    "cli.help.check_format": (
        "text for people, json for tools, github for workflow annotations, junit for CI test reports.",
        "text för människor, json för program, github för kommentarer i arbetsflöden, junit för CI-rapporter."),
    # ---- conflicts
    "cli.help.conflicts": (
        "Show which amendments of competing PATCHES touch overlapping text.\n\n"
        "For proposals tabled against the same version (e.g. by two parties): a matrix with X where two "
        "amendments change or quote the same text, so the chair can order the votes. A report: exit 0 even "
        "when they overlap.",
        "Visa vilka ändringsförslag i konkurrerande PATCHES som rör samma text.\n\n"
        "För förslag skrivna mot samma version (t.ex. från två partier): en tabell med X där två förslag "
        "ändrar eller citerar samma text, så att ordföranden kan lägga upp propositionsordningen. En rapport: "
        "slutkod 0 även när de överlappar."),
    "cli.not_same_base": (
        "is worded against '{program}' version '{base}', but {first} against '{first_program}' version "
        "'{first_base}'; compare patches tabled against the same version",
        "är skriven mot ”{program}” version ”{base}”, men {first} mot ”{first_program}” version ”{first_base}”; "
        "jämför bara förslag som är skrivna mot samma version"),
    "cli.help.conflicts_program": (
        "The version the patches are worded against (default: rebuilt from ROOT).",
        "Den version patcharna är skrivna mot (annars byggs den upp från ROOT)."),
    "cli.help.conflicts_root": (
        "The repository holding programs/ and amendments/, to rebuild the base version from.",
        "Katalogen med programs/ och amendments/, att bygga upp grundversionen från."),
    "cli.help.root": ("The repository holding programs/ and amendments/.",
                      "Katalogen med programs/ och amendments/."),
    # ---- import
    "cli.help.import": (
        "Import a proposal from SOURCE (.docx or .pdf) into a program YAML file.\n\n"
        "What could not be carried over (images, footnotes, text boxes, …) is listed on stderr; check the pages "
        "against the printed proposal.",
        "Läs in ett förslag från SOURCE (.docx eller .pdf) till en programfil i YAML.\n\n"
        "Det som inte kunde föras över (bilder, fotnoter, textrutor …) listas på stderr; jämför sidorna med "
        "det tryckta förslaget."),
    "cli.help.import_output": ("The program file to write, e.g. programs/<program-id>.yaml.",
                               "Programfilen som ska skrivas, t.ex. programs/<program-id>.yaml."),
    "cli.help.import_id": ("The program id (default: the output file name without .yaml).",
                           "Programmets id (annars utfilens namn utan .yaml)."),
    "cli.help.import_title": ("The program title (default: the document's own).",
                              "Programmets titel (annars dokumentets egen)."),
    "cli.help.import_pages_from": (
        "For a DOCX: the PDF that was circulated; its printed pages are the program's pages.",
        "För en DOCX: den PDF som skickades ut; dess tryckta sidor blir programmets sidor."),
    "cli.help.import_part": (
        "For a PDF whose page numbers start again (a second report bundled in it): the part to import, from 1.",
        "För en PDF vars sidnummer börjar om (en andra rapport i samma fil): den del som ska importeras, från 1."),
    "cli.imported": (
        "imported {sections} {sections:plural:section:sections} on {pages} {pages:plural:page:pages}; wrote {file}",
        "läste in {sections} {sections:plural:avsnitt:avsnitt} på {pages} {pages:plural:sida:sidor}; skrev {file}"),
    # ---- extract
    "cli.help.extract": (
        "Read the adopted amendments out of PROTOCOL (minutes as text) into a patch.\n\n"
        "Every amendment is resolved against the program at once. What cannot be read, reads two ways, does not "
        "apply, or was proposed but not decided is listed with its protocol line (\"needs a human\"), and the "
        "exit code is 1; the amendments that were understood are still written. Rejected proposals are listed, "
        "not written.",
        "Läs ut de beslutade ändringarna ur PROTOCOL (protokollet som text) till en patch.\n\n"
        "Varje ändring prövas direkt mot programmet. Det som inte går att läsa, kan läsas på två sätt, inte går "
        "att föra in eller föreslogs men inte beslutades listas med sin rad i protokollet (”behöver en "
        "människa”), och slutkoden blir 1; de ändringar som gick att förstå skrivs ändå. Avslagna förslag "
        "listas men skrivs inte."),
    "cli.help.extract_program": (
        "The program the amendments are worded against (its version becomes the patch's base); once for each "
        "document the decision amends.",
        "Programmet som ändringarna är skrivna mot (dess version blir patchens grundversion); ett för varje "
        "dokument som beslutet ändrar."),
    "cli.help.extract_output": (
        "Patch file to write (default: standard output); with several --program, the folder for a patch per document.",
        "Patchfilen som ska skrivas (annars standard ut); med flera --program mappen för en patch per dokument."),
    "cli.help.extract_lang": ("Language of the minutes (default: the program's).",
                              "Protokollets språk (annars programmets)."),
    "cli.help.extract_paragraph": ("The § to read when the protocol holds several, e.g. 170.",
                                   "Den § som ska läsas när protokollet har flera, t.ex. 170."),
    "cli.help.extract_body": ("The deciding body, when the protocol's header does not name it.",
                              "Det beslutande organet, när protokollets huvud inte anger det."),
    "cli.help.extract_date": ("The date of the decision (YYYY-MM-DD), when the header has none.",
                              "Beslutets datum (ÅÅÅÅ-MM-DD), när protokollets huvud saknar det."),
    "cli.help.extract_case": ("The case number, when the § line has none.",
                              "Diarienumret, när §-raden saknar det."),
    "cli.help.extract_produces": ("The version the patch produces.", "Den version som patchen ger."),
    "cli.help.extract_status": ("Status of the version produced, e.g. Antagen.",
                                "Status för den version som patchen ger, t.ex. Antagen."),
    # ---- describe
    "cli.help.describe": ("Write each amendment of PATCH as the instruction for the minutes.",
                          "Skriv varje ändring i PATCH som den formulering protokollet ska ha."),
    "cli.help.describe_lang": ("Language of the wording.", "Formuleringens språk."),
    # ---- diff
    "cli.help.diff": (
        "Compare two program files (e.g. proposed and adopted, or two drafts), word by word, or two versions of "
        "a program in the repository: PROGRAM-ID@A PROGRAM-ID@B (a version's name or a date, YYYY-MM-DD: the "
        "version in force that day), with each change attributed to the decision that made it.\n\n"
        "Without --docx or --html, prints the changed paragraphs with [-deleted-] and {{+inserted+}} words "
        "(coloured on a terminal); --stat prints a summary.",
        "Jämför två programfiler (t.ex. förslaget och den antagna versionen, eller två utkast) ord för ord, eller "
        "två versioner av ett program i katalogen: PROGRAM-ID@A PROGRAM-ID@B (en versions namn eller ett datum, "
        "ÅÅÅÅ-MM-DD: den version som gäller den dagen), med varje ändring knuten till beslutet som gjorde den.\n\n"
        "Utan --docx eller --html skrivs de ändrade styckena ut med [-strukna-] och {{+tillagda+}} ord (i färg i "
        "en terminal); --stat skriver en sammanfattning."),
    "cli.help.diff_root": ("The repository holding programs/ and amendments/ (for PROGRAM-ID@VERSION).",
                           "Katalogen med programs/ och amendments/ (för PROGRAM-ID@VERSION)."),
    "cli.two_programs": ("compare two versions of one program: '{old}' and '{new}' name different programs",
                         "jämför två versioner av samma program: ”{old}” och ”{new}” är olika program"),
    "cli.file_and_version": (
        "give two program files or two versions (PROGRAM-ID@VERSION), not one of each: '{name}' is not a file",
        "ange två programfiler eller två versioner (PROGRAM-ID@VERSION), inte en av varje: ”{name}” är ingen fil"),
    # ---- check knows time
    "cli.help.check_at": (
        "Compare committed outputs with the version in force on this date (YYYY-MM-DD; default: today).",
        "Jämför utdatafilerna med den version som gäller detta datum (ÅÅÅÅ-MM-DD; annars i dag)."),
    "cli.time_note": ("note: {text}", "obs: {text}"),
    # ---- site
    "cli.help.site": (
        "Write a static website of the repository's programs into a folder, to publish as it is: the register, "
        "each program's timeline, every version's text (and DOCX), who wrote what, and the changes of each "
        "decision and against the version in force. A second run with nothing changed writes nothing.",
        "Skriv en statisk webbplats med katalogens program i en mapp, att publicera som den är: förteckningen, "
        "varje programs tidslinje, varje versions text (och DOCX), vem som skrev vad, och ändringarna i varje "
        "beslut och mot gällande version. En andra körning utan ändringar skriver ingenting."),
    "cli.help.site_output": ("Folder for the site.", "Mapp för webbplatsen."),
    "cli.help.site_at": ("Give the states as on this date (YYYY-MM-DD; default: today).",
                         "Visa lägena som de är detta datum (ÅÅÅÅ-MM-DD; annars i dag)."),
    # ---- blame
    "cli.help.blame": (
        "Show every heading, paragraph and list item of a version with the decision that last wrote each part "
        "of it (the program's own text as the program's).\n\n"
        "PROGRAM-ID@VERSION blames that version, PROGRAM-ID@DATE (YYYY-MM-DD) or --at DATE the one in force on "
        "that date, PROGRAM-ID alone the one in force today.",
        "Visa varje rubrik, stycke och punkt i en version med det beslut som senast skrev varje del av den "
        "(programmets egen text som programmets).\n\n"
        "PROGRAM-ID@VERSION visar den versionen, PROGRAM-ID@DATUM (ÅÅÅÅ-MM-DD) eller --at DATUM den som gäller "
        "det datumet, bara PROGRAM-ID den som gäller i dag."),
    "cli.help.blame_format": ("text for people, json for tools, html for a page with a colour per decision.",
                              "text för människor, json för program, html för en sida med en färg per beslut."),
    "cli.help.blame_output": ("Write to this file instead of printing.",
                              "Skriv till denna fil i stället för att skriva ut."),
    "cli.blamed": ("'{version}': {texts} {texts:plural:text:texts}",
                   "”{version}”: {texts} {texts:plural:text:texter}"),
    "cli.help.diff_docx": ("Write the redline as a DOCX with tracked changes.",
                           "Skriv jämförelsen som DOCX med spårade ändringar."),
    "cli.help.diff_html": ("Write the redline as an HTML page.", "Skriv jämförelsen som en HTML-sida."),
    "cli.help.diff_stat": ("Print a summary of the changed sections instead of the word diff.",
                           "Skriv en sammanfattning av de ändrade avsnitten i stället för ord för ord."),
    "cli.help.diff_color": ("Colour the word diff (default: when writing to a terminal).",
                            "Färglägg jämförelsen (annars bara när den skrivs till en terminal)."),
    "cli.same_output": ("--docx and --html name the same file ({file}); give each its own file",
                        "--docx och --html anger samma fil ({file}); ge var och en en egen fil"),
    # ---- log and show
    "cli.not_a_date": ("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01",
                       "”{value}” är inte ett datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"),
    "cli.help.log": (
        "The timeline of PROGRAM_ID: each version, the decision that made it and its state.\n\n"
        "States: in force, superseded, future (adopted, not yet in force), proposal (a step that another body "
        "has adopted), pending, rejected, withdrawn, unreachable. The commit column, when ROOT is in a git "
        "repository, is the commit that added each patch file.",
        "Tidslinjen för PROGRAM_ID: varje version, beslutet som gav den och dess läge.\n\n"
        "Lägen: gäller, ersatt, kommande (antagen, gäller ännu inte), förslag (ett steg som ett annat organ har "
        "antagit), väntar, avslagen, återtagen, kan inte byggas. Kolumnen commit, när ROOT ligger i ett "
        "git-arkiv, är den commit som lade till patchfilen."),
    "cli.help.log_format": ("text for people, json for tools.", "text för människor, json för program."),
    "cli.help.log_at": ("Give the states as on this date (YYYY-MM-DD; default: today).",
                        "Visa lägena som de är detta datum (ÅÅÅÅ-MM-DD; annars i dag)."),
    "cli.help.show": (
        "Build a version of a program from its patches and write its YAML and DOCX.\n\n"
        "PROGRAM-ID@VERSION builds that version, PROGRAM-ID@DATE (YYYY-MM-DD) or --at DATE the one in force on "
        "that date, PROGRAM-ID alone the one in force today.",
        "Bygg en version av ett program från dess patchar och skriv den som YAML och DOCX.\n\n"
        "PROGRAM-ID@VERSION bygger den versionen, PROGRAM-ID@DATUM (ÅÅÅÅ-MM-DD) eller --at DATUM den som gäller "
        "det datumet, bara PROGRAM-ID den som gäller i dag."),
    "cli.help.show_at": (
        "Build the version in force on this date (YYYY-MM-DD; a future date: the one that will be).",
        "Bygg den version som gäller detta datum (ÅÅÅÅ-MM-DD; ett datum framåt: den som då kommer att gälla)."),
    "cli.help.show_output": ("Folder for the YAML and DOCX.", "Mapp för YAML- och DOCX-filen."),
    "cli.version_and_date": ("give either @VERSION or --at DATE, not both",
                             "ange antingen @VERSION eller --at DATUM, inte båda"),
    "cli.not_in_force": ("the version '{version}' is {state}{note}; it is not a version in force",
                         "versionen ”{version}” har läget ”{state}”{note}; den är inte en gällande version"),
    "cli.note": (" ({x})", " ({x})"),
    "cli.built": (
        "built '{version}' ({state} on {on}) from {patches} {patches:plural:patch:patches}; wrote {files}",
        "byggde ”{version}” (läget den {on}: {state}) ur {patches} {patches:plural:patch:patchar}; skrev {files}"),
}
