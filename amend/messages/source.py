"""Messages of writing the adopted and redline DOCX into the source Word file (amend/render/source_docx.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "source.missing": (
        "the program was imported from the Word file {file}, which is not there; put the file the program was "
        "imported from next to {program}, or write amend's own layout with --docx-style default",
        "programmet importerades från Word-filen {file}, som inte finns; lägg filen som programmet importerades "
        "från bredvid {program}, eller skriv amends egen layout med --docx-style default"),
    "source.unreadable": (
        "the Word file the program was imported from, {file}, cannot be read: {reason}",
        "Word-filen som programmet importerades från, {file}, kan inte läsas: {reason}"),
    "source.changed": (
        "the Word file {file} is not the one the program was imported from (its content has changed since); "
        "import it again, or write amend's own layout with --docx-style default",
        "Word-filen {file} är inte den som programmet importerades från (innehållet har ändrats sedan dess); "
        "importera den igen, eller skriv amends egen layout med --docx-style default"),
    "source.places_wrong": (
        "the program no longer matches the Word file {file} it was imported from (its sections or paragraphs "
        "have been edited); import the Word file again, or write amend's own layout with --docx-style default",
        "programmet stämmer inte längre med Word-filen {file} som det importerades från (avsnitt eller stycken "
        "har ändrats); importera Word-filen igen, eller skriv amends egen layout med --docx-style default"),
    "source.text_changed": (
        "the program no longer matches the Word file {file} it was imported from: the text ”{text}” is not "
        "where the import found it; import the Word file again, or write amend's own layout with "
        "--docx-style default",
        "programmet stämmer inte längre med Word-filen {file} som det importerades från: texten ”{text}” "
        "finns inte där importen hittade den; importera Word-filen igen, eller skriv amends egen layout med "
        "--docx-style default"),
    "source.lost_track": (
        "the changes cannot be written into the Word file {file} (amend lost track of its paragraphs); "
        "write amend's own layout with --docx-style default",
        "ändringarna kan inte skrivas in i Word-filen {file} (amend tappade bort dess stycken); "
        "skriv amends egen layout med --docx-style default"),
    "source.cannot_place": (
        "the new text '{text}' cannot be placed in the Word file: it is the first text of a table cell or "
        "column that had none; write amend's own layout with --docx-style default",
        "den nya texten ”{text}” kan inte placeras i Word-filen: den är den första texten i en tabellcell "
        "eller kolumn som var tom; skriv amends egen layout med --docx-style default"),
    "source.new_table": (
        "the new text '{text}' is in a table that amend would write anew (a table the amendments add, or one "
        "whose header row, columns or every cell they change), and amend does not write a new table into the "
        "Word file {file}; make this change in Word, or write amend's own layout with --docx-style default",
        "den nya texten ”{text}” står i en tabell som amend skulle skriva på nytt (en tabell som ändringarna "
        "lägger till, eller en vars rubrikrad, kolumner eller alla celler de ändrar), och amend skriver inte in "
        "en ny tabell i Word-filen {file}; gör ändringen i Word, eller skriv amends egen layout med "
        "--docx-style default"),
    "source.new_row_no_model": (
        "the new table row with ”{text}” cannot be written into the Word file {file} exactly: the table has "
        "no row but its header row, and a body row does not take the header's look; add the row in Word, or "
        "write amend's own layout with --docx-style default",
        "den nya tabellraden med ”{text}” kan inte skrivas in exakt i Word-filen {file}: tabellen har ingen "
        "rad utom rubrikraden, och en vanlig rad ska inte se ut som rubriken; lägg till raden i Word, eller "
        "skriv amends egen layout med --docx-style default"),
    "source.in_the_way": (
        "the words this amendment changes hold {what} in the Word file {file} (or it is right beside them), "
        "and amend cannot tell what should become of it; make this change in Word, change only the words "
        "around it, or write amend's own layout with --docx-style default",
        "orden som ändringen gäller rymmer {what} i Word-filen {file} (eller så står det precis intill dem), "
        "och amend kan inte avgöra vad som ska hända med det; gör ändringen i Word, ändra bara orden runt "
        "omkring, eller skriv amends egen layout med --docx-style default"),
    "source.in_field": (
        "the words this amendment changes are the shown text of {what} in the Word file {file}: Word and "
        "LibreOffice work that text out themselves, so it cannot be amended there; change the field in Word, "
        "or write amend's own layout with --docx-style default",
        "orden som ändringen gäller är den visade texten i {what} i Word-filen {file}: Word och LibreOffice "
        "räknar fram den texten själva, så den kan inte ändras där; ändra fältet i Word, eller skriv amends "
        "egen layout med --docx-style default"),
    "source.in_bound_control": (
        "the words this amendment changes are {what} in the Word file {file}, or right beside it: Word fills "
        "that text in from the file's data and would write over the change; make this change in Word, or "
        "write amend's own layout with --docx-style default",
        "orden som ändringen gäller är {what} i Word-filen {file}, eller står precis intill den: Word fyller i "
        "den texten från filens data och skulle skriva över ändringen; gör ändringen i Word, eller skriv "
        "amends egen layout med --docx-style default"),
    "source.what.bound_control": ("the text of a content control bound to data",
                                  "texten i en innehållskontroll som är kopplad till data"),
    "source.what.footnote": ("footnote {n}", "fotnot {n}"),
    "source.what.endnote": ("endnote {n}", "slutnot {n}"),
    "source.what.quoted": ("{what} ('{text}')", "{what} (”{text}”)"),
    "source.what.image": ("an image", "en bild"),
    "source.what.text_box": ("a text box", "en textruta"),
    "source.what.hidden": ("hidden text ('{text}')", "dold text (”{text}”)"),
    "source.what.object": ("an embedded object", "ett inbäddat objekt"),
    "source.what.comment": ("a comment", "en kommentar"),
    "source.what.field": ("a field ({field})", "ett fält ({field})"),
    "source.tracked_changes": (
        "the Word file {file} holds tracked changes that are not yet accepted or rejected, and amend does "
        "not write the decision into a file that still holds someone's proposed changes; accept or reject "
        "them in Word (Review, Accept or Reject all changes), save, import the file again, or write amend's "
        "own layout with --docx-style default",
        "Word-filen {file} innehåller spårade ändringar som ännu inte har godkänts eller avvisats, och amend "
        "skriver inte in beslutet i en fil som fortfarande har någons föreslagna ändringar; godkänn eller "
        "avvisa dem i Word (Granska, Godkänn eller Avvisa alla ändringar), spara, importera filen igen, eller "
        "skriv amends egen layout med --docx-style default"),
    "source.no_style": (
        "the new {what} '{text}' cannot be written into the Word file {file}: the file has none to copy the "
        "look of, and its styles define none; add one in Word, or write amend's own layout with "
        "--docx-style default",
        "den nya texten ”{text}” ({what}) kan inte skrivas in i Word-filen {file}: filen har ingen sådan att "
        "ta utseendet från, och dess formatmallar anger ingen; lägg till en i Word, eller skriv amends egen "
        "layout med --docx-style default"),
    "source.kind.heading": ("heading of level {level}", "rubrik på nivå {level}"),
    "source.kind.bullet": ("bulleted list item", "punkt i en punktlista"),
    "source.kind.numbered": ("numbered list item", "punkt i en numrerad lista"),
    "source.contents_to_update": (
        "the table of contents in {file} still lists the headings as they were before the amendments: Word "
        "updates it when the file is opened (the file asks it to), in LibreOffice choose Tools, Update, "
        "Update All before printing or publishing",
        "innehållsförteckningen i {file} visar fortfarande rubrikerna som de var före ändringarna: Word "
        "uppdaterar den när filen öppnas (filen ber om det), i LibreOffice välj Verktyg, Uppdatera, "
        "Uppdatera alla innan du skriver ut eller publicerar"),
    "source.report_word_file": ("Word file", "Word-fil"),
    "source.help.docx_style": (
        "source (default): when the program was imported from a Word file that is next to it, write the adopted "
        "and redline DOCX as that file with the amendments made; default: amend's own layout",
        "source (standard): när programmet importerades från en Word-fil som ligger bredvid det, skrivs den "
        "antagna DOCX-filen och DOCX-filen med ändringsmarkeringar som den filen med ändringarna gjorda; "
        "default: amends egen layout"),
    "source.not_in_file": (
        "”{text}” is not a text of the Word file (the import made it the heading of a document without "
        "headings), so a change of it cannot be written there; write amend's own layout with --docx-style default",
        "”{text}” är ingen text i Word-filen (importen gjorde den till rubrik i ett dokument utan rubriker), så "
        "en ändring av den kan inte skrivas in där; skriv amends egen layout med --docx-style default"),
    "source.used": (
        "the adopted DOCX and the redline DOCX are the Word file {file} with the amendments made",
        "den antagna DOCX-filen och DOCX-filen med ändringsmarkeringar är Word-filen {file} med ändringarna "
        "gjorda"),
    "source.not_used": (
        "the DOCX files are in amend's own layout (--docx-style default), not in the Word file {file}",
        "DOCX-filerna har amends egen layout (--docx-style default), inte Word-filen {file}"),
    "source.shown": (
        "the DOCX of '{version}' is the Word file {file} with the amendments made, as amend apply writes it",
        "DOCX-filen för ”{version}” är Word-filen {file} med ändringarna gjorda, som amend apply skriver den"),
    "source.shown_imported": (
        "the DOCX of '{version}' is the Word file {file} that the program was imported from, as it is",
        "DOCX-filen för ”{version}” är Word-filen {file} som programmet importerades från, som den är"),
    "source.shown_own_layout": (
        "the DOCX of '{version}' is in amend's own layout, not in the Word file {file} as amend apply writes it, "
        "because {reason}",
        "DOCX-filen för ”{version}” har amends egen layout och är inte Word-filen {file} så som amend apply skriver "
        "den, för {reason}"),
    "source.title.adopted": (
        "Adopted",
        "Antagen"),
    "source.title.twice": (
        "the title page of the Word file {file} has the line ”{line}” twice (status, decided by or date of "
        "decision), so which one to update would be a guess; keep one of them in Word and import the file "
        "again, or write amend's own layout with --docx-style default",
        "titelsidan i Word-filen {file} har raden ”{line}” två gånger (status, beslutad av eller datum för "
        "beslut), så vilken som ska uppdateras vore en gissning; behåll en av dem i Word och importera filen "
        "igen, eller skriv amends egen layout med --docx-style default"),
    "source.title.status_twice": (
        "the title page of {file} says the status twice, as the line ”{word}” and in its Status row; the Status row "
        "was read, and both now say ”{status}”",
        "titelsidan i {file} anger statusen två gånger, som raden ”{word}” och i raden Status; raden Status "
        "lästes, och båda säger nu ”{status}”"),
    "source.title.status_contradicts": (
        "the title page of the Word file {file} says ”{word}” and, in its Status row, ”{row}”: which is the status "
        "is not known; make them agree in Word and import the file again, or write amend's own layout with "
        "--docx-style default",
        "titelsidan i Word-filen {file} säger ”{word}” och, i raden Status, ”{row}”: vilken som är statusen är "
        "oklart; gör dem lika i Word och importera filen igen, eller skriv amends egen layout med "
        "--docx-style default"),
    "source.title.status_differs": (
        "the title page of the Word file {file} says ”{line}”, but the program's status is ”{status}”; "
        "correct the title page or the program's status and import the file again, or write amend's own "
        "layout with --docx-style default",
        "titelsidan i Word-filen {file} säger ”{line}”, men programmets status är ”{status}”; rätta "
        "titelsidan eller programmets status och importera filen igen, eller skriv amends egen layout med "
        "--docx-style default"),
    "source.new_row": (
        "the new table row with ”{text}” cannot be written into the Word file {file} exactly: the row next to "
        "it has merged cells, or the new row's cells hold more than paragraphs (a list or a table); add the "
        "row in Word, or write amend's own layout with --docx-style default",
        "den nya tabellraden med ”{text}” kan inte skrivas in exakt i Word-filen {file}: raden bredvid har "
        "sammanfogade celler, eller den nya radens celler rymmer mer än stycken (en lista eller en tabell); "
        "lägg till raden i Word, eller skriv amends egen layout med --docx-style default"),
    "source.header_status": (
        "a header or footer of {file} says ”{word}”: amend updates the title page, not the headers and "
        "footers (they are copied as they are); change it in Word before publishing",
        "ett sidhuvud eller en sidfot i {file} säger ”{word}”: amend uppdaterar titelsidan, inte sidhuvuden "
        "och sidfötter (de kopieras som de är); ändra det i Word före publicering"),
    "source.title_status": (
        "the title page of {file} says ”{line}”: amend updates its status, decision and date lines, not its "
        "other text; change it in Word before publishing if it no longer holds",
        "titelsidan i {file} säger ”{line}”: amend uppdaterar dess rader för status, beslut och datum, inte "
        "dess övriga text; ändra det i Word före publicering om det inte längre stämmer"),
}
