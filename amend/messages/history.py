"""Messages of a program's life in time (amend/history/): versions, states, `amend log`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the states of a version, as people read them (JSON keeps the English codes)
    "history.state.in_force": ("in force", "gäller"),
    "history.state.superseded": ("superseded", "ersatt"),
    "history.state.future": ("future", "kommande"),
    "history.state.proposal": ("proposal", "förslag"),
    "history.state.pending": ("pending", "väntar"),
    "history.state.unreachable": ("unreachable", "kan inte byggas"),
    "history.state.rejected": ("rejected", "avslagen"),
    "history.state.withdrawn": ("withdrawn", "återtagen"),
    # ---- refusals
    "history.no_version": ("the program '{program}' has no version '{version}' (versions: {known})",
                           "programmet ”{program}” har ingen version ”{version}” (versioner: {known})"),
    "history.produces_own": (
        "produces the version '{version}', which is the program's own version; each version must be new",
        "ger versionen ”{version}”, som är programmets egen version; varje version måste vara ny"),
    "history.produced_twice": (
        "produces the version '{version}', which {other} produces too; each version is produced by one patch",
        "ger versionen ”{version}”, som {other} också ger; varje version ska komma från en enda patch"),
    "history.two_on_one": (
        "is an adopted decision worded against the version '{base}', like {other} ({decision}); the later "
        "decision must be worded against the version '{produced}' that the earlier produces, or one of them "
        "mark 'outcome: rejected' or 'withdrawn'",
        "är ett antaget beslut som är skrivet mot versionen ”{base}”, liksom {other} ({decision}); det senare "
        "beslutet måste vara skrivet mot versionen ”{produced}” som det tidigare ger, eller så ska ett av dem "
        "ha ”outcome: rejected” eller ”withdrawn”"),
    "history.not_a_date": ("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01",
                           "”{value}” är inte ett datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"),
    "history.never_in_force": (
        "no version of '{program}' is in force on any date: no decision has adopted it yet",
        "ingen version av ”{program}” gäller något datum: inget beslut har antagit programmet än"),
    "history.not_yet_in_force": (
        "no version of '{program}' is in force on {on}; the first, '{first}', takes effect on {start}",
        "ingen version av ”{program}” gäller den {on}; den första, ”{first}”, börjar gälla den {start}"),
    "history.cannot_build": ("the version '{version}' cannot be built: {file} {note}",
                             "versionen ”{version}” kan inte byggas: {file} {note}"),
    "history.not_adopted": (
        "has 'outcome: {outcome}', so it is not part of any version in force; to see the text it would make, "
        "run again with --preview",
        "har ”outcome: {outcome}”, så den ingår inte i någon gällande version; kör igen med --preview för att "
        "se vilken text den skulle ge"),
    # ---- notes on a version
    "history.in_a_circle": (
        "is worded against the version '{base}', which is not built from the program's own version (the versions "
        "go round in a circle)",
        "är skriven mot versionen ”{base}”, som inte byggs från programmets egen version (versionerna går runt i "
        "en cirkel)"),
    "history.base_missing": ("is worded against the version '{base}', which no patch produces",
                             "är skriven mot versionen ”{base}”, som ingen patch ger"),
    "history.base_dead": ("is worded against the version '{base}', which is {state}",
                          "är skriven mot versionen ”{base}”, som har läget ”{state}”"),
    "history.other_body": (
        "is worded against the proposal '{base}' to {to}, but decided by {body}",
        "är skriven mot förslaget ”{base}” till {to}, men beslutad av {body}"),
    "history.with_version": ("takes effect with the version '{version}'",
                             "börjar gälla tillsammans med versionen ”{version}”"),
    "history.adopted_by": ("adopted by {decision}", "antaget av {decision}"),
    "history.refused_by": ("{outcome} by {decision}", "{outcome} av {decision}"),
    "history.awaits": ("awaits {body}", "väntar på {body}"),
    # ---- amend log
    "history.head": ("version|state|in force|amendments|commit|decision",
                     "version|läge|gäller från|ändringar|commit|beslut"),
    "history.program_file": ("the program file", "programfilen"),
    "history.proposes_to": ("{decision}, proposes to {body}", "{decision}, förslag till {body}"),
    "history.with_note": ("{w}; {n}", "{w}; {n}"),
    "history.in_force_on": ("in force on {on}: {version}", "gäller den {on}: {version}"),
    "history.none": ("none", "ingen"),
    "history.pending": ("pending: {versions}", "väntar: {versions}"),
    "history.pending_one": ("{v} ({n})", "{v} ({n})"),
    # ---- amend blame
    "history.blame.title": ("{p}@{v}: {t}", "{p}@{v}: {t}"),
    "history.blame.sources": ("written by:", "skrivet av:"),
    "history.blame.page": ("page {page}", "sidan {page}"),
    "history.blame.heading": ("heading", "rubrik"),
    "history.blame.paragraph": ("paragraph", "stycke"),
    "history.blame.item": ("item", "punkt"),
    "history.blame.column_heading": ("column heading", "kolumnrubrik"),
    "history.blame.page_title": ("Who wrote what: {title} ({version})", "Vem skrev vad: {title} ({version})"),
    "history.blame.legend": (
        "Each part of the text is marked with the decision that last wrote it; unmarked text is the "
        "program's own ({version}).",
        "Varje del av texten är markerad med det beslut som senast skrev den; omarkerad text är programmets "
        "egen ({version})."),
    # ---- amend diff between two versions
    "history.diff.not_built_on": (
        "'{new}' is not built on '{old}', so the changes are not attributed to decisions",
        "”{new}” bygger inte på ”{old}”, så ändringarna knyts inte till några beslut"),
    "history.diff.legend": ("Decisions, each in its colour", "Besluten, vart och ett i sin färg"),
    "history.diff.compared": (
        "'{old}' against '{new}': {changes} {changes:plural:change:changes} by {decisions} "
        "{decisions:plural:decision:decisions}",
        "”{old}” mot ”{new}”: {changes} {changes:plural:ändring:ändringar} genom {decisions} "
        "{decisions:plural:beslut:beslut}"),
    # ---- amend check knows time
    "history.check.lagging": (
        "the version in force is '{version}', but the newest version here is '{newest}': not applied here: "
        "{decisions}; build it with: {command}",
        "den version som gäller är ”{version}”, men den nyaste versionen här är ”{newest}”: inte genomfört här: "
        "{decisions}; bygg den med: {command}"),
    "history.check.future": (
        "{program}: '{version}' ({decision}) is adopted and takes effect on {start}; no outputs folder holds it yet",
        "{program}: ”{version}” ({decision}) är antagen och börjar gälla {start}; ingen utdatamapp har den ännu"),
    "history.check.pending": ("{program}: '{version}' ({decision}, {file}) is pending: not yet decided",
                              "{program}: ”{version}” ({decision}, {file}) väntar: ännu inte beslutad"),
    # ---- amend site
    "history.site.register": ("Programs", "Program"),
    "history.site.register_caption": ("Every program, with the version in force on {on}",
                                      "Alla program, med den version som gäller den {on}"),
    "history.site.program": ("Program", "Programmet"),
    "history.site.in_force": ("Version in force", "Gällande version"),
    "history.site.pending": ("Pending", "Väntar"),
    "history.site.read": ("Read", "Läs"),
    "history.site.timeline": ("Timeline", "Tidslinje"),
    "history.site.timeline_caption": ("Every version and the decision that made it; states as on {on}",
                                      "Varje version och beslutet som gav den; lägen som den {on}"),
    "history.site.text": ("text", "texten"),
    "history.site.docx": ("Word", "Word"),
    "history.site.blame": ("who wrote what", "vem skrev vad"),
    "history.site.changes": ("changes", "ändringarna"),
    "history.site.against_in_force": ("against the version in force", "mot gällande version"),
    "history.site.nav": ("Site", "Webbplatsen"),
    "history.site.skip": ("Skip to the content", "Hoppa till innehållet"),
    "history.site.all_programs": ("All programs", "Alla program"),
    "history.site.version_title": ("{t}: {v}", "{t}: versionen {v}"),
    "history.site.state_line": ("{decision} · state on {on}: {state}", "{decision} · läget den {on}: {state}"),
    "history.site.download": ("Download as Word (DOCX)", "Ladda ner som Word (DOCX)"),
    "history.site.page": ("page", "sidan"),
    "history.site.wrote": ("wrote {n} {n:plural:file:files} of the site into {folder}",
                           "skrev {n} {n:plural:fil:filer} av webbplatsen i {folder}"),
    "history.site.unchanged": ("the site in {folder} is up to date; nothing written",
                               "webbplatsen i {folder} är aktuell; inget skrevs"),
    # ---- provenance notes in the adopted DOCX and the HTML (amend/render/provenance.py): the document's language
    "history.provenance.insert": ("Added by {decision}", "Tillägg enligt {decision}"),
    "history.provenance.change": ("Amended by {decision}", "Ändring enligt {decision}"),
    "history.provenance.delete": ("Struck out by {decision}", "Strykning enligt {decision}"),
    "history.provenance.heading": ("Notes on the amendments", "Noter om ändringarna"),
    "history.help.provenance": (
        "mark each amended place of the adopted DOCX (and the redline HTML) with the decision that made it: "
        "footnotes (Word footnotes), comments (Word comments) or none",
        "märk varje ändrat ställe i den antagna DOCX-filen (och i HTML-redlinen) med beslutet som gjorde "
        "ändringen: footnotes (fotnoter i Word), comments (kommentarer i Word) eller none (inga)"),
}
