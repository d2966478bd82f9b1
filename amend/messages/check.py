"""Messages of `amend check` (amend/check.py) and of its report and the conflict matrix (amend/report.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- per amendment and per patch
    "check.text_disagrees": ("its text disagrees with it: {found}", "dess text säger något annat: {found}"),
    "check.labelled": ("{a}: {t}", "{a}: {t}"),
    "check.produced_by_many": ("it is produced by more than one patch ({files})",
                               "den ges av mer än en patch ({files})"),
    "check.invalid_patch_file": ("{file} is not a valid patch file", "{file} är inte en giltig patchfil"),
    "check.file_not_checked": ("{file} was not checked", "{file} kontrollerades inte"),
    "check.does_not_apply": ("{file} does not apply", "{file} går inte att föra in"),
    "check.base_not_rebuilt": ("its base version '{version}' could not be rebuilt: {why}",
                               "dess grundversion ”{version}” kunde inte byggas upp: {why}"),
    "check.produces_own": (
        "produces the version '{version}', which is the program's own version; a patch must produce a new version",
        "ger versionen ”{version}”, som är programmets egen version; en patch måste ge en ny version"),
    "check.produced_twice": (
        "produces the version '{version}', which {others} also produces; each version must come from one patch",
        "ger versionen ”{version}”, som {others} också ger; varje version ska komma från en enda patch"),
    "check.base_invalid_upstream": ("its base version '{base}' comes from {file}, which is not a valid patch file",
                                    "dess grundversion ”{base}” kommer från {file}, som inte är en giltig patchfil"),
    "check.missing_base": (
        "its base version '{base}' is neither the program's version ('{root}') nor produced by another patch of "
        "'{program}'",
        "dess grundversion ”{base}” är varken programmets version (”{root}”) eller given av en annan patch till "
        "”{program}”"),
    "check.base_missing_upstream": (
        "its base version '{base}' comes from {file}, whose base version '{upstream}' does not exist",
        "dess grundversion ”{base}” kommer från {file}, vars grundversion ”{upstream}” inte finns"),
    "check.base_made_twice": (
        "its base version '{base}' comes from a version ('{upstream}') produced by more than one patch",
        "dess grundversion ”{base}” kommer från en version (”{upstream}”) som ges av mer än en patch"),
    "check.cycle": (
        "its base version '{base}' goes round in a circle: {path} ({files}); one of them must start from the "
        "program's version '{root}'",
        "dess grundversion ”{base}” går runt i en cirkel: {path} ({files}); en av dem måste utgå från "
        "programmets version ”{root}”"),
    "check.cycle_upstream": ("its base version '{base}' comes from patches whose versions go round in a circle",
                             "dess grundversion ”{base}” kommer från patchar vars versioner går runt i en cirkel"),
    # ---- the repository
    "check.no_program": ("there is no program '{program}' in {folder}",
                         "det finns inget program ”{program}” i {folder}"),
    "check.no_producer": ("no patch in {folder} produces it", "ingen patch i {folder} ger den"),
    "check.cannot_rebuild": ("the version '{version}' of '{program}' cannot be rebuilt: {why}",
                             "versionen ”{version}” av ”{program}” kan inte byggas upp: {why}"),
    "check.no_programs": (
        "no program files found in {folder}; run check in the folder that holds programs/ and amendments/",
        "inga programfiler i {folder}; kör check i den mapp som har programs/ och amendments/"),
    "check.duplicate_program": ("has the id '{program}', which {other} already has; each program needs its own id",
                                "har id ”{program}”, som {other} redan har; varje program behöver ett eget id"),
    "check.misplaced": (
        "{name} is directly in {folder}; patch files belong in {folder}/<program-id>/, so check does not know its "
        "program",
        "{name} ligger direkt i {folder}; patchfiler hör hemma i {folder}/<program-id>/, annars vet check inte "
        "vilket program de gäller"),
    "check.program_invalid": ("the program file {file} is not valid", "programfilen {file} är inte giltig"),
    "check.unknown_program": (
        "is in {folder}, but there is no program with the id '{program}' in {programs} (ids: {known})",
        "ligger i {folder}, men det finns inget program med id ”{program}” i {programs} (id: {known})"),
    "check.no_ids": ("none", "inga"),
    "check.wrong_program": ("is in {folder}, but says it is for the program '{program}'",
                            "ligger i {folder}, men säger att den gäller programmet ”{program}”"),
    # ---- committed outputs
    "check.orphan": ("no patch of '{program}' produces the version '{version}' (any more); delete the file or "
                     "restore its patch",
                     "ingen patch till ”{program}” ger versionen ”{version}” (längre); ta bort filen eller återställ "
                     "dess patch"),
    "check.output_not_checked": ("cannot be compared: the version '{version}' could not be rebuilt: {why}",
                                 "kan inte jämföras: versionen ”{version}” kunde inte byggas upp: {why}"),
    "check.output_invalid": ("is not a valid program file ({why}); {hint}",
                             "är inte en giltig programfil ({why}); {hint}"),
    "check.output_differs": ("differs from what the patches produce now: {what}; {hint}",
                             "skiljer sig från vad patcharna ger nu: {what}; {hint}"),
    "check.same_as": ("it should be the same as {file}", "den ska vara likadan som {file}"),
    "check.rebuild_with": ("rebuild it with: {command}", "bygg om den med: {command}"),
    "check.title_block": ("the title block ({keys})", "titelblocket ({keys})"),
    "check.section_differs": ("the section '{heading}' (page {page})", "avsnittet ”{heading}” (sidan {page})"),
    "check.section_count": ("it has {n} sections, the patches now give {m}",
                            "den har {n} avsnitt, patcharna ger nu {m}"),
    # ---- the report: words for statuses and problems (the JSON report keeps the codes)
    "report.ok": ("ok", "ok"),
    "report.fuzzy_only": ("fuzzy-only", "bara ungefär"),
    "report.not_found": ("not found", "finns inte"),
    "report.ambiguous": ("ambiguous", "tvetydig"),
    "report.out_of_scope": ("out of scope", "fel ställe"),
    "report.conflict": ("conflict", "krock"),
    "report.error": ("error", "fel"),
    "report.not_checked": ("not checked", "ej kontroll."),
    "report.invalid": ("invalid", "ogiltig"),
    "report.no_programs": ("no programs", "inga program"),
    "report.duplicate_program": ("duplicate id", "samma id"),
    "report.misplaced": ("misplaced", "fel mapp"),
    "report.unknown_program": ("no program", "inget program"),
    "report.wrong_program": ("wrong program", "fel program"),
    "report.missing_base": ("missing base", "grund saknas"),
    "report.cycle": ("cycle", "cirkel"),
    "report.duplicate_version": ("duplicate", "dubblett"),
    "report.stale": ("stale", "inaktuell"),
    "report.orphan": ("orphan", "föräldralös"),
    # ---- the report: summary and groups
    "report.all_ok": (
        "ok: every amendment applies exactly ({amendments} {amendments:plural:amendment:amendments} in {patches} "
        "{patches:plural:patch:patches})",
        "ok: varje ändring går att föra in exakt ({amendments} {amendments:plural:ändring:ändringar} i {patches} "
        "{patches:plural:patch:patchar})"),
    "report.outputs_ok": ("{summary}; {outputs} {outputs:plural:output:outputs} up to date",
                          "{summary}; {outputs} {outputs:plural:utfil är aktuell:utfiler är aktuella}"),
    "report.failed": ("failed: {parts}", "misslyckades: {parts}"),
    "report.apply": ("{ok} of {amendments} {amendments:plural:amendment:amendments} apply exactly",
                     "{ok} av {amendments} {amendments:plural:ändring:ändringar} går att föra in exakt"),
    "report.do_not": ("{failing} {failing:plural:does:do} not", "{failing} går inte"),
    "report.count_not_checked": ("{n} not checked", "{n} ej kontrollerade"),
    "report.other_problems": ("{n} other {n:plural:problem:problems}", "{n} {n:plural:annat problem:andra problem}"),
    "report.outputs_stale": ("{n} {n:plural:output:outputs} out of date",
                             "{n} {n:plural:utfil är inaktuell:utfiler är inaktuella}"),
    "report.repository": ("repository: {root}", "katalog: {root}"),
    "report.outputs": ("committed outputs", "incheckade utfiler"),
    "report.up_to_date": ("{file} is up to date", "{file} är aktuell"),
    "report.see_patch": ("not checked: see the problem of the patch", "ej kontrollerad: se patchens problem"),
    "report.output_title": ("{status} output", "{status} utfil"),
    # ---- the conflict matrix
    "report.competing": ("Competing amendments to {program}, version {version}:",
                         "Konkurrerande ändringsförslag till {program}, version {version}:"),
    "report.overlapping": (
        "Overlapping (they change or quote the same text; adopting one changes what the other must say):",
        "Överlappar (de ändrar eller citerar samma text; om det ena antas ändras vad det andra måste säga):"),
    "report.pair": ("{first} and {second}, {scope}", "{first} och {second}, {scope}"),
    "report.no_overlap": ("No two amendments overlap: they can be voted on in any order.",
                          "Inga två förslag överlappar: de kan ställas under proposition i vilken ordning som helst."),
    "report.not_in_matrix": ("Not in the matrix (they do not apply to this version as worded):",
                             "Inte med i tabellen (de går inte att föra in i den här versionen som de är skrivna):"),
}
