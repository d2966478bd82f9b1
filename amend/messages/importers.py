"""Messages of `amend import` (amend/importers): why a document is refused, and
the report of what could not be carried over.

Long because it is data: one entry per message key, in English and Swedish.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ the document is refused
    "importers.not_found": ("file not found", "filen finns inte"),
    "importers.cannot_read": ("cannot be read: {reason}", "kan inte läsas: {reason}"),
    "importers.not_pdf": ("is not a PDF file (it does not start with %PDF-)",
                          "är ingen PDF-fil (den börjar inte med %PDF-)"),
    "importers.empty": ("is empty (0 bytes)", "är tom (0 byte)"),
    "importers.pdf_pages_from": ("is a PDF: its own pages are used; --pages-from is for a DOCX",
                                 "är en PDF: dess egna sidor används; --pages-from gäller bara för en DOCX"),
    "importers.not_the_same": (
        "the imported program does not read back the same from YAML; please report this with the document",
        "det importerade programmet blir inte detsamma när YAML-filen läses in igen; rapportera felet och "
        "skicka med dokumentet"),
    "importers.no_text": ("holds no text to import", "innehåller ingen text att importera"),
    "importers.bad_id": (
        "the program id '{id}' may only use lower-case letters, digits, '.', '_' and '-' (it comes from the "
        "output file name unless --id is given)",
        "programmets id ”{id}” får bara innehålla små bokstäver, siffror, ”.”, ”_” och ”-” (det tas från "
        "namnet på filen som skrivs om inte --id anges)"),
    "importers.docx.old_doc": (
        "is not a DOCX but an old Word .doc or a password-protected file; open it in Word and save it as .docx "
        "without a password",
        "är ingen DOCX utan en gammal Word-fil (.doc) eller en lösenordsskyddad fil; öppna den i Word och spara "
        "den som .docx utan lösenord"),
    "importers.docx.not_zip": ("is not a DOCX file (a DOCX is a zip archive; this is not one)",
                               "är ingen DOCX-fil (en DOCX är ett zip-arkiv, och det är inte den här)"),
    "importers.docx.damaged_zip": ("is a damaged zip archive ({detail})", "är ett skadat zip-arkiv ({detail})"),
    "importers.docx.too_big": (
        "would unpack to {mb:.0f} MB in {files} files, more than a document can be ({limit} MB); it is not imported",
        "skulle packas upp till {mb:.0f} MB i {files} filer, mer än ett dokument kan vara ({limit} MB); "
        "den importeras inte"),
    "importers.docx.encrypted": ("is an encrypted zip archive", "är ett krypterat zip-arkiv"),
    "importers.docx.no_document": ("is a zip archive but not a Word document (it has no word/document.xml)",
                                   "är ett zip-arkiv men inget Word-dokument (det saknar word/document.xml)"),
    "importers.docx.part_too_large": (
        "its part {part} (unpacked) is over amend's limit of {limit:,} bytes; a document is far smaller: this one "
        "is damaged or made to exhaust memory; save it again from Word",
        "dess del {part} (uppackad) är större än amends gräns på {limit:,} byte; ett dokument är mycket mindre, "
        "så det här är skadat eller gjort för att fylla minnet; spara det på nytt från Word"),
    "importers.docx.dtd": (
        "its part {part} declares a DTD or entities (<!DOCTYPE / <!ENTITY), which Word never writes and whose "
        "text amend cannot import reliably; open it in Word and save it again as .docx",
        "dess del {part} deklarerar en DTD eller entiteter (<!DOCTYPE / <!ENTITY), något Word aldrig skriver "
        "och vars text amend inte kan importera säkert; öppna den i Word och spara den igen som .docx"),
    "importers.docx.tracked_changes": (
        "has tracked changes not yet accepted or rejected ({changes:and}; the first in the paragraph '{text}'), "
        "so which text is the proposal is not settled; open it in Word, accept or reject the changes (Review → "
        "Accept → Accept All Changes, or Reject All), save it and import it again, or import the PDF that was "
        "circulated",
        "har spårade ändringar som inte är godkända eller avvisade ({changes:and}; den första i stycket "
        "”{text}”), så vilken text som är förslaget är inte avgjort; öppna den i Word, godkänn eller avvisa "
        "ändringarna (Granska → Godkänn → Godkänn alla ändringar, eller Avvisa alla), spara och importera den "
        "igen, eller importera den PDF som skickades ut"),
    "importers.revision.inserted": ("{n} {n:plural:insertion:insertions}", "{n} {n:plural:tillägg:tillägg}"),
    "importers.revision.deleted": ("{n} {n:plural:deletion:deletions}", "{n} {n:plural:borttagning:borttagningar}"),
    "importers.revision.moved": ("{n} {n:plural:move:moves}", "{n} {n:plural:flytt:flyttar}"),
    "importers.revision.formatting": ("{n} formatting {n:plural:change:changes}",
                                      "{n} {n:plural:formatändring:formatändringar}"),
    "importers.revision.table": ("{n} table {n:plural:change:changes}", "{n} {n:plural:tabelländring:tabelländringar}"),
    "importers.docx.not_word": ("is not a readable Word document ({detail})",
                                "är inget läsbart Word-dokument ({detail})"),
    "importers.docx.damaged_word": ("is a damaged Word document ({kind}: {detail})",
                                    "är ett skadat Word-dokument ({kind}: {detail})"),
    "importers.pdf.stream_too_large": (
        "a stream of it (unpacked) is over amend's limit of {limit:,} bytes; a document is far smaller: this one "
        "is damaged or made to exhaust memory; print it to PDF again",
        "en ström i den (uppackad) är större än amends gräns på {limit:,} byte; ett dokument är mycket mindre, "
        "så det här är skadat eller gjort för att fylla minnet; skriv ut det till PDF igen"),
    "importers.pdf.password": (
        "is protected by a password; save a copy without the password (or print it to PDF) and import that",
        "är skyddad med lösenord; spara en kopia utan lösenord (eller skriv ut den till PDF) och importera den"),
    "importers.pdf.damaged": ("is a damaged or unreadable PDF ({detail})", "är en skadad eller oläslig PDF ({detail})"),
    "importers.pdf.unreadable": ("cannot be read ({detail})", "kan inte läsas ({detail})"),
    "importers.pdf.not_readable": ("is not a readable PDF ({detail})", "är ingen läsbar PDF ({detail})"),
    "importers.pdf.no_text": (
        "has no text to import (a scanned image? it needs text recognition first)",
        "har ingen text att importera (en inskannad bild? den behöver textigenkänning först)"),
    "importers.pdf.only_turned": (
        "has no upright text to import: its text ({n} letters, on {pages}) is printed turned sideways on the page "
        "as shown; turn those pages upright in a PDF tool, save, and import that (or import the Word file it "
        "was made from)",
        "har ingen upprätt text att importera: dess text ({n} tecken, på {pages}) står vriden på sidan som den "
        "visas; vrid de sidorna upprätt i ett PDF-verktyg, spara och importera den (eller importera Word-filen "
        "den gjordes från)"),
    "importers.pdf.only_furniture": (
        "has no text to import besides its running headers and footers",
        "har ingen text att importera utöver sidhuvuden och sidfötter"),
    # ------------------------------------------------------------ the report: one line per kind
    "importers.report.lost": ("not imported: {n} {what} ({places})", "inte importerat: {n} {what} ({places})"),
    "importers.report.check": ("check: {n} {what} ({places})", "kontrollera: {n} {what} ({places})"),
    "importers.report.note": ("note: {text}", "obs: {text}"),
    "importers.report.more": ("{places} and {n} more", "{places} och {n} till"),
    # ------------------------------------------------------------ the report page by page (pagereport.py)
    "importers.page.header": (
        "the import page by page: check what was guessed and what was not imported against the printed proposal",
        "importen sida för sida: kontrollera det som gissats och det som inte importerats mot det tryckta "
        "förslaget"),
    "importers.page.line": ("page {page}: {parts}", "sidan {page}: {parts}"),
    "importers.page.lines": ("pages {first}–{last}: {parts}", "sidorna {first}–{last}: {parts}"),
    "importers.page.no_page": ("without a page: {parts}", "utan sida: {parts}"),
    "importers.page.every": ("every page: {how}", "alla sidor: {how}"),
    "importers.page.found": ("found {things:and}", "hittat {things:and}"),
    "importers.page.empty": ("no text found", "ingen text hittad"),
    "importers.page.all_sure": ("nothing guessed or left out", "inget gissat eller utelämnat"),
    "importers.page.guessed": ("guessed: {things}", "gissat: {things}"),
    "importers.page.check": ("check: {things}", "kontrollera: {things}"),
    "importers.page.lost": ("not imported: {things}", "inte importerat: {things}"),
    "importers.page.printed_quoted": ("printed {label}: '{text}'", "tryckt {label}: ”{text}”"),
    "importers.page.quoted": ("'{text}'", "”{text}”"),
    "importers.page.number": ("number {number}", "nummer {number}"),
    "importers.page.number_text": ("number {number}: '{text}'", "nummer {number}: ”{text}”"),
    "importers.page.to_page": ("to page {last}", "till sidan {last}"),
    "importers.count.heading": ("{n} {n:plural:heading:headings}", "{n} {n:plural:rubrik:rubriker}"),
    "importers.count.paragraph": ("{n} {n:plural:paragraph:paragraphs}", "{n} {n:plural:stycke:stycken}"),
    "importers.count.list": ("{n} {n:plural:list:lists}", "{n} {n:plural:lista:listor}"),
    "importers.count.table": ("{n} {n:plural:table:tables}", "{n} {n:plural:tabell:tabeller}"),
    "importers.count.columns": ("{n} column {n:plural:layout:layouts}", "{n} {n:plural:spaltlayout:spaltlayouter}"),
    "importers.guess.font": (
        "{n} {n:plural:heading:headings} from {n:plural:its:their} font, medium confidence: check the level "
        "({texts:and})",
        "{n} {n:plural:rubrik:rubriker} utifrån teckensnittet, medelhög säkerhet: kontrollera nivån ({texts:and})"),
    "importers.guess.numbering": (
        "{n} {n:plural:heading:headings} from {n:plural:its:their} numbering alone, medium confidence ({texts:and})",
        "{n} {n:plural:rubrik:rubriker} enbart utifrån numreringen, medelhög säkerhet ({texts:and})"),
    "importers.guess.font_numbering": (
        "{n} {n:plural:heading:headings} from {n:plural:its:their} font and numbering, high confidence ({texts:and})",
        "{n} {n:plural:rubrik:rubriker} utifrån teckensnitt och numrering, hög säkerhet ({texts:and})"),
    "importers.guess.bookmark_only": (
        "{n} {n:plural:heading:headings} from the PDF's bookmarks, set like the text, high confidence: check the "
        "level ({texts:and})",
        "{n} {n:plural:rubrik:rubriker} utifrån PDF:ens bokmärken, satta som brödtexten, hög säkerhet: kontrollera "
        "nivån ({texts:and})"),
    "importers.guess.bookmark": (
        "{n} {n:plural:heading:headings} from {n:plural:its:their} font, named in the PDF's bookmarks too, high "
        "confidence ({texts:and})",
        "{n} {n:plural:rubrik:rubriker} utifrån teckensnittet som också finns bland PDF:ens bokmärken, hög säkerhet "
        "({texts:and})"),
    "importers.guess.title": (
        "the heading {texts:and} made from the title, since no headings were found, low confidence",
        "rubriken {texts:and} gjord av titeln eftersom inga rubriker hittades, låg säkerhet"),
    "importers.how.derived": (
        "page number {page} from the numbering of the pages around it, not printed on this page, high confidence",
        "sidnumret {page} från numreringen av sidorna runt omkring, inte tryckt på den här sidan, hög säkerhet"),
    "importers.how.cover": (
        "an unnumbered page before the numbering (a cover or contents page), given page {page}, medium confidence",
        "en sida utan nummer före numreringen (ett omslag eller en innehållsförteckning), som blir sidan {page}, "
        "medelhög säkerhet"),
    "importers.how.shifted": (
        "the printed numbers start again (an appendix?), so this is page {page}, going on from the page before, "
        "low confidence",
        "de tryckta numren börjar om (en bilaga?), så det här blir sidan {page}, i följd efter sidan före, låg "
        "säkerhet"),
    "importers.how.physical": (
        "no page number printed, so the page is its place in the PDF, low confidence",
        "inget sidnummer tryckt, så sidan är dess plats i PDF:en, låg säkerhet"),
    "importers.how.libreoffice": (
        "the page is from LibreOffice's layout of the DOCX, medium confidence (Word may break pages elsewhere)",
        "sidan kommer från LibreOffices sidbrytning av DOCX-filen, medelhög säkerhet (Word kan bryta sidorna "
        "på andra ställen)"),
    "importers.how.unpaged": (
        "the DOCX records too few pages and LibreOffice is not installed: low confidence",
        "DOCX-filen innehåller för få sidor och LibreOffice är inte installerat: låg säkerhet"),
    # what was left out or needs checking; n is how many
    "importers.what.image": ("{n:plural:image:images}", "{n:plural:bild:bilder}"),
    "importers.what.rotated_text": ("{n:plural:piece:pieces} of rotated text", "{n:plural:bit:bitar} roterad text"),
    "importers.what.symbol": ("symbol-font {n:plural:character:characters}",
                              "{n:plural:tecken:tecken} i symbolteckensnitt"),
    "importers.what.text_box": ("text {n:plural:box:boxes}", "{n:plural:textruta:textrutor}"),
    "importers.what.footnote": ("{n:plural:footnote:footnotes}", "{n:plural:fotnot:fotnoter}"),
    "importers.what.endnote": ("{n:plural:endnote:endnotes}", "{n:plural:slutnot:slutnoter}"),
    "importers.what.equation": ("{n:plural:equation:equations}", "{n:plural:formel:formler}"),
    "importers.what.hidden_text": ("{n:plural:piece:pieces} of hidden text (not printed)",
                                   "{n:plural:bit:bitar} dold text (syns inte i utskriften)"),
    "importers.what.field": (
        "{n:plural:field:fields} {field} whose text Word computes (imported as shown; Word may show other text "
        "when it updates {n:plural:it:them})",
        "{n:plural:fält:fält} {field} vars text Word räknar fram (importerad som den visas; Word kan visa annan "
        "text när {n:plural:fältet:fälten} uppdateras)"),
    "importers.what.hyphen_joined": (
        "{n:plural:word:words} broken at a line end with a hyphen, joined without it: the document prints the "
        "word nowhere else, so check that the hyphen was not its own",
        "{n:plural:ord:ord} avstavade vid radslutet, ihopskrivna utan bindestreck: dokumentet skriver ordet "
        "ingen annanstans, så kontrollera att bindestrecket inte hörde till ordet"),
    "importers.what.split_paragraph": (
        "{n:plural:paragraph:paragraphs} running over a page end, anchored to the page "
        "{n:plural:it starts:they start} on",
        "{n:plural:stycke:stycken} som fortsätter på nästa sida, "
        "{n:plural:förankrat:förankrade} till sidan där {n:plural:det:de} börjar"),
    "importers.what.table_rows_paged": (
        "{n:plural:table runs:tables run} over a page end: each row has the page it starts on (on a later page a row "
        "number counts from the header row repeated there; without one, name the row by its words)",
        "{n:plural:tabell fortsätter:tabeller fortsätter} på nästa sida: varje rad har sidan där den börjar (på en "
        "senare sida räknas radnummer från rubrikraden som upprepas där; utan en sådan, ange raden med dess ord)"),
    "importers.what.row_over_page": (
        "table {n:plural:row:rows} broken at a page end, read as one row on the page {n:plural:it starts:they start} "
        "on (the first cell goes on in lower case under the repeated header, other cells empty)",
        "{n:plural:tabellrad:tabellrader} som bryts vid sidslutet, {n:plural:läst:lästa} som en rad på sidan där "
        "{n:plural:den:de} börjar (första cellen fortsätter med liten bokstav under den upprepade rubrikraden, "
        "andra celler tomma)"),
    "importers.what.split_table": (
        "{n:plural:table:tables} running over a page end, anchored to the page {n:plural:it starts:they start} on",
        "{n:plural:tabell:tabeller} som fortsätter på nästa sida, {n:plural:förankrad:förankrade} till sidan "
        "där {n:plural:den:de} börjar"),
    "importers.what.borderless_table": (
        "{n:plural:table:tables} without ruling lines, read from {n:plural:its:their} bold header row and the "
        "columns under it (a line a row; a line with an empty first cell goes on the row above): check the rows",
        "{n:plural:tabell:tabeller} utan linjer, {n:plural:läst:lästa} från den fetstilta rubrikraden och kolumnerna "
        "under den (en rad per tabellrad; en rad med tom första cell hör till raden ovanför): kontrollera raderna"),
    "importers.what.merged_cell": ("merged table {n:plural:cell:cells} (the text is kept once)",
                                   "{n:plural:sammanslagen tabellcell:sammanslagna tabellceller} (texten tas "
                                   "med en gång)"),
    "importers.pages_from_unrelated": (
        "holds none of the document's text: is it the PDF of this document? Give the PDF that was circulated "
        "with --pages-from, or import without it",
        "innehåller ingenting av dokumentets text: är det PDF:en av det här dokumentet? Ange PDF:en som skickades "
        "ut med --pages-from, eller importera utan den"),
    "importers.what.not_located": (
        "{n:plural:piece:pieces} of text not found in {layout}, put on the page of the text before",
        "{n:plural:textbit:textbitar} som inte hittades i {layout}, {n:plural:lagd:lagda} på samma sida som "
        "texten före"),
    # where, in the report
    "importers.where.page": ("page {page}", "sidan {page}"),
    "importers.where.page_text": ("page {page} '{text}'", "sidan {page} ”{text}”"),
    "importers.note.language": ("the document's language is taken as {language}, from {how}",
                                "dokumentets språk tas som {language}, utifrån {how}"),
    "importers.language.sv": ("Swedish (language: sv)", "svenska (language: sv)"),
    "importers.language.en": ("English (language: en)", "engelska (language: en)"),
    "importers.language.footer": ("its page footer", "dess sidfot"),
    "importers.language.words": ("its words", "dess ord"),
    "importers.language.declared": ("the language its file declares", "språket som filen anger"),
    "importers.where.page_printed": ("page {page}, printed {label}, '{text}'",
                                     "sidan {page}, tryckt {label}, ”{text}”"),
    "importers.where.pages": ("pages {first}–{last}", "sidorna {first}–{last}"),
    "importers.where.page_list": ("pages {pages}", "sidorna {pages}"),
    "importers.where.note": ("{where}, number {number}", "{where}, nummer {number}"),
    "importers.where.note_text": ("{where}, number {number}: '{text}'", "{where}, nummer {number}: ”{text}”"),
    "importers.where.table": ("in the table on page {page}", "i tabellen på sidan {page}"),
    "importers.where.columns": ("in the column layout on page {page}", "i spaltlayouten på sidan {page}"),
    "importers.where.n_columns": ("in the {n}-column part on page {page}", "i delen med {n} spalter på sidan {page}"),
    "importers.where.libreoffice": ("LibreOffice's layout", "LibreOffices layout"),
    "importers.where.the_pdf": ("the PDF", "PDF:en"),
    # notes
    "importers.note.heading_in_block": (
        "the heading '{text}' {where} is inside a table or column; kept as a paragraph",
        "rubriken ”{text}” {where} står i en tabell eller spalt; den behålls som ett stycke"),
    "importers.note.heading_in_cell": (
        "the heading '{text}' is inside a table or column; kept as a paragraph",
        "rubriken ”{text}” står i en tabell eller spalt; den behålls som ett stycke"),
    "importers.note.before_first_heading": (
        "text before the first heading is not part of the program: '{text}'",
        "text före den första rubriken hör inte till programmet: ”{text}”"),
    "importers.note.block_before_heading": (
        "a table or column layout before the first heading (page {page}) is not imported",
        "en tabell eller spaltlayout före den första rubriken (sidan {page}) importeras inte"),
    "importers.note.title_from_file": (
        "the document names no title; it is '{title}', from the file name: give one with --title",
        "dokumentet har ingen titel; den blir ”{title}” efter filnamnet: ange en med --title"),
    "importers.note.title_from_page": (
        "the document names no title; it is taken from its first page: '{text}' (give another with --title)",
        "dokumentet har ingen titel; den tas från första sidan: ”{text}” (ange en annan med --title)"),
    "importers.note.no_headings": (
        "no headings were found (no heading styles, no numbered or bold heading lines): the whole text is one "
        "section headed by the title; add headings in the YAML where the document has them",
        "inga rubriker hittades (inga rubrikformat, inga numrerade eller feta rubrikrader): hela texten blir ett "
        "avsnitt med titeln som rubrik; lägg till rubriker i YAML-filen där dokumentet har dem"),
    "importers.note.level_capped": (
        "heading '{text}' is level {level}; amend has {most} levels, so it is level {most}",
        "rubriken ”{text}” är på nivå {level}; amend har {most} nivåer, så den blir nivå {most}"),
    "importers.note.bad_version": (
        "'{version}' is not a version name in the title block: the version is 'proposed'",
        "”{version}” i titelblocket är inget versionsnamn: versionen blir ”proposed”"),
    "importers.note.no_version": (
        "no 'Version: …' line in the title block: the version is 'proposed'",
        "titelblocket har ingen rad ”Version: …”: versionen blir ”proposed”"),
    "importers.note.flowing_columns": (
        "the {n}-column part from page {page} has no column breaks, so its text is imported in reading order, "
        "not as a column layout",
        "delen med {n} spalter från sidan {page} har inga spaltbrytningar, så texten importeras i läsordning, "
        "inte som spaltlayout"),
    "importers.note.one_column": (
        "the {n}-column part on page {page} has no column breaks, so where its columns end is not in the file; "
        "it is imported as one column. Insert column breaks in Word (Layout → Breaks → Column) or import the PDF",
        "delen med {n} spalter på sidan {page} har inga spaltbrytningar, så var spalterna slutar står inte i "
        "filen; den importeras som en spalt. Infoga spaltbrytningar i Word (Layout → Brytningar → Spalt) eller "
        "importera PDF:en"),
    "importers.note.contents": (
        "the table of contents is left out (the headings are the sections)",
        "innehållsförteckningen tas inte med (rubrikerna är avsnitten)"),
    "importers.note.contents_page": (
        "the table of contents on page {page} is left out (the headings are the sections)",
        "innehållsförteckningen på sidan {page} tas inte med (rubrikerna är avsnitten)"),
    "importers.note.contents_lines": (
        "table-of-contents lines are left out (page {page}); the headings are the sections",
        "rader ur innehållsförteckningen tas inte med (sidan {page}); rubrikerna är avsnitten"),
    "importers.note.saved_layout_columns": (
        "breaks of Word's saved layout inside a multi-column part are read as column ends; check the columns "
        "against the printed document",
        "sidbrytningar från Words sparade layout inne i en del med flera spalter läses som spaltslut; kontrollera "
        "spalterna mot det tryckta dokumentet"),
    "importers.note.sub_items": (
        "a list on page {page} has sub-items; amend's lists are flat, so they are items of the same list",
        "en lista på sidan {page} har underpunkter; listor i amend har bara en nivå, så de blir punkter i samma "
        "lista"),
    "importers.note.list_start": (
        "the numbered list on page {page} starts at {first} in the document; amend numbers every list from 1",
        "den numrerade listan på sidan {page} börjar på {first} i dokumentet; amend numrerar varje lista från 1"),
    "importers.note.why_declared": ("records {counted} {counted:plural:page:pages} but says it has {declared}",
                                    "innehåller {counted} {counted:plural:sida:sidor} men uppger att den har "
                                    "{declared}"),
    "importers.note.why_fewer": ("records fewer pages than its text needs",
                                 "innehåller färre sidor än texten behöver"),
    "importers.note.no_libreoffice": (
        "the DOCX {why}, and LibreOffice is not installed to lay it out: the pages are those the file records. "
        "Give the circulated PDF with --pages-from, or import the PDF",
        "DOCX-filen {why}, och LibreOffice är inte installerat för att sidbryta den: sidorna blir de som filen "
        "innehåller. Ange den utskickade PDF:en med --pages-from, eller importera PDF:en"),
    "importers.note.libreoffice_layout": (
        "the DOCX {why}, so its pages are taken from LibreOffice's layout of it; Word may break pages differently: "
        "check them against the printed document, or give the circulated PDF with --pages-from",
        "DOCX-filen {why}, så sidorna tas från LibreOffices sidbrytning av den; Word kan bryta sidorna annorlunda: "
        "kontrollera dem mot det tryckta dokumentet, eller ange den utskickade PDF:en med --pages-from"),
    "importers.note.fonts_missing": (
        "the document is set in {fonts}, which this machine lacks: LibreOffice laid its pages out in {used} "
        "instead, so its page breaks can fall elsewhere than in print. Install the fonts (or ones of the same "
        "widths, such as Carlito for Calibri and Liberation Sans for Arial), or give the circulated PDF with "
        "--pages-from",
        "dokumentet är satt med {fonts}, som inte finns på den här datorn: LibreOffice sidbröt det med {used} "
        "i stället, så sidbrytningarna kan hamna på andra ställen än i det tryckta dokumentet. Installera "
        "teckensnitten (eller sådana med samma bredder, som Carlito för Calibri och Liberation Sans för Arial), "
        "eller ange den utskickade PDF:en med --pages-from"),
    "importers.note.pages_from": ("pages are those of {name}, matched to the DOCX text",
                                  "sidorna är de i {name}, matchade mot texten i DOCX-filen"),
    "importers.note.fonts": ("headings are read from their font: {fonts}; check the levels",
                             "rubrikernas nivåer läses från teckensnittet: {fonts}; kontrollera nivåerna"),
    "importers.font.plain": ("{size:g} pt → level {level}", "{size:g} pt → nivå {level}"),
    "importers.font.bold": ("{size:g} pt bold → level {level}", "{size:g} pt fet → nivå {level}"),
    "importers.font.italic": ("{size:g} pt italic → level {level}", "{size:g} pt kursiv → nivå {level}"),
    "importers.font.bold_italic": ("{size:g} pt bold italic → level {level}", "{size:g} pt fet kursiv → nivå "
                                   "{level}"),
    "importers.note.no_page_numbers": (
        "no page numbers are printed (or none could be read): pages are the PDF's own, page 1 being the first",
        "inga sidnummer är tryckta (eller inga kunde läsas): sidorna är PDF:ens egna, med sidan 1 först"),
    "importers.note.printed_same": ("pages are numbered as printed on them, PDF page {first} printing {first}",
                                    "sidorna numreras som de är tryckta, PDF-sidan {first} har numret {first}"),
    "importers.note.printed_offset": (
        "pages are numbered as printed on them: PDF page {first} prints {printed}, so PDF page N is page "
        "N{offset:+d}",
        "sidorna numreras som de är tryckta: PDF-sidan {first} har numret {printed}, så PDF-sidan N är sidan "
        "N{offset:+d}"),
    "importers.note.other_numbering": (
        "PDF pages {first}–{last} print their own page numbers {printed_first}–{printed_last} (another numbering, "
        "such as an appendix); pages must not go back in a program, so they are pages {got_first}–{got_last}: "
        "import that part on its own to cite its printed pages",
        "PDF-sidorna {first}–{last} har egna sidnummer {printed_first}–{printed_last} (en annan numrering, "
        "till exempel en bilaga); sidorna i ett program får inte gå bakåt, så de blir sidorna "
        "{got_first}–{got_last}: importera den delen för sig för att hänvisa till de tryckta sidorna"),
    "importers.note.missing_pages": (
        "PDF page {first} prints {printed_first} and the next one {printed_last}: printed {n:plural:page:pages} "
        "{missing} {n:plural:is:are} not in the PDF, so the program holds no text of {n:plural:it:them}; pages are "
        "numbered as printed",
        "PDF-sidan {first} har numret {printed_first} och nästa sida {printed_last}: {n:plural:den tryckta sidan:"
        "de tryckta sidorna} {missing} finns inte i PDF:en, så programmet har ingen text från {n:plural:den:dem}; "
        "sidorna numreras som de är tryckta"),
    "importers.note.part": (
        "only part {part} of {parts} is imported (PDF pages {first}–{last}), with its own printed page numbers",
        "bara del {part} av {parts} importeras (PDF-sidorna {first}–{last}), med sina egna tryckta sidnummer"),
    "importers.pdf.parts": (
        "its page numbers start again, so the PDF is in {n} parts and a page such as 'page 3' could be in any of "
        "them; import one part at a time: {parts:or}",
        "sidnumren börjar om, så PDF:en har {n} delar och en sida som ”sidan 3” kan finnas i vilken som helst av "
        "dem; importera en del i taget: {parts:or}"),
    "importers.pdf.no_part": (
        "there is no part {part}: {parts:or}",
        "det finns ingen del {part}: {parts:or}"),
    "importers.where.part": (
        "--part {part} (PDF pages {first}–{last}, printed pages {printed_first}–{printed_last})",
        "--part {part} (PDF-sidorna {first}–{last}, tryckta sidorna {printed_first}–{printed_last})"),
    "importers.pages_from_parts": (
        "the page numbers of {layout} start again ({parts:and}), so 'page 3' of it could be in either part: give a "
        "PDF of the one document the DOCX is",
        "sidnumren i {layout} börjar om ({parts:and}), så ”sidan 3” i den kan finnas i flera delar: ange en PDF "
        "av just det dokument som DOCX-filen är"),
    "importers.docx_part": ("is a DOCX: --part is for a PDF whose page numbers start again",
                            "är en DOCX: --part gäller bara för en PDF vars sidnummer börjar om"),
    "importers.note.unnumbered": (
        "PDF {n:plural:page:pages} {span} {n:plural:prints:print} no number (a cover or contents) and "
        "{n:plural:is:are} page {pages}",
        "PDF-{n:plural:sidan:sidorna} {span} har inget sidnummer (ett omslag eller en innehållsförteckning) och "
        "är sidan {pages}"),
    # pages
    "importers.pages.unsure_page": (
        "page {page} cannot be read exactly here: the import could not tell whether the text ”{text}” is on page "
        "{first} or page {last} (source: unsure in the program file); check the page in the proposal and correct "
        "the program",
        "sidan {page} går inte att läsa exakt här: vid importen gick det inte att avgöra om texten ”{text}” står "
        "på sidan {first} eller sidan {last} (source: unsure i programfilen); kontrollera sidan i förslaget och "
        "rätta programmet"),
    "importers.pages.unsure_split": (
        "the paragraphs here cannot be counted exactly: the import could not tell whether the paragraph starting "
        "”{text}” on page {page} is a paragraph of its own or the rest of the one before it (source: unsure in the "
        "program file); quote the text instead, or correct the program",
        "styckena här går inte att räkna exakt: vid importen gick det inte att avgöra om stycket som börjar "
        "”{text}” på sidan {page} är ett eget stycke eller resten av stycket före (source: unsure i programfilen); "
        "citera texten i stället, eller rätta programmet"),
    "importers.pages.reads_otherwise": (
        "{n:plural:text:texts} matched in {layout} with other words ({pairs:and}): the program has the DOCX's "
        "words; check which the council decided on",
        "{n:plural:text:texter} matchade i {layout} med andra ord ({pairs:and}): programmet har DOCX-filens ord; "
        "kontrollera vilka fullmäktige beslutade om"),
    "importers.what.more_differences": ("{n} more {n:plural:difference:differences}",
                                        "{n} {n:plural:skillnad:skillnader} till"),
    "importers.what.pdf_reads": ("it prints ”{pdf}” for ”{docx}”", "den har ”{pdf}” i stället för ”{docx}”"),
    "importers.what.pdf_adds": ("it prints ”{pdf}” too", "den har också ”{pdf}”"),
    "importers.what.pdf_lacks": ("it does not print ”{docx}”", "den saknar ”{docx}”"),
    "importers.pages.not_placed": (
        "{n:plural:piece:pieces} of text not found in {layout}: on page {first} or page {last}, not known "
        "which, so an amendment citing those pages is refused",
        "{n:plural:textbit:textbitar} som inte hittades i {layout}: på sidan {first} eller sidan {last}, det går "
        "inte att avgöra vilken, så ändringar som anger de sidorna avvisas"),
    "importers.pages.not_placed_among": (
        "{n:plural:piece:pieces} of text not found in {layout}: on one of pages {first}–{last}, not known "
        "which, so an amendment citing those pages is refused",
        "{n:plural:textbit:textbitar} som inte hittades i {layout}: på någon av sidorna {first}–{last}, det går "
        "inte att avgöra vilken, så ändringar som anger de sidorna avvisas"),
    "importers.pages.not_placed_end": (
        "{n:plural:piece:pieces} of text not found in {layout}, after the last text found there (its last page "
        "is {end}): on page {first} or a later page, not known which, so an amendment citing {pages} is refused",
        "{n:plural:textbit:textbitar} som inte hittades i {layout}, efter den sista text som hittades där (dess "
        "sista sida är {end}): på sidan {first} eller en senare sida, det går inte att avgöra vilken, så ändringar "
        "som anger {pages} avvisas"),
    "importers.pages.docx_printed": (
        "pages are numbered as the file prints them: its page {sheet} prints {printed}",
        "sidorna numreras som filen trycker dem: dess sida {sheet} har numret {printed}"),
    "importers.pages.docx_goes_back": (
        "the file's page {sheet} prints {printed}, a numbering that starts again (an appendix); pages must not go "
        "back in a program, so it is page {page}",
        "filens sida {sheet} har numret {printed}, en numrering som börjar om (en bilaga); sidorna får inte gå "
        "bakåt i ett program, så den är sidan {page}"),
    "importers.pages.other_format": (
        "{n:plural:page:pages} numbered otherwise ({fmt}, such as roman numerals), taken as page {page}: an "
        "amendment citing page {page} is refused",
        "{n:plural:sida:sidor} med en annan numrering ({fmt}, till exempel romerska siffror), {n:plural:räknad:"
        "räknade} som sidan {page}: ändringar som anger sidan {page} avvisas"),
    "importers.pages.unsure_unnumbered": (
        "page {page} cannot be read exactly here: the text ”{text}” stands on a page printed with another numbering "
        "(such as roman numerals), which the program counts as page {page}; quote the text without the page",
        "sidan {page} går inte att läsa exakt här: texten ”{text}” står på en sida med en annan numrering (till "
        "exempel romerska siffror), som programmet räknar som sidan {page}; citera texten utan sidan"),
    "importers.pages.split_unsure": (
        "{n:plural:text ends:texts end} unfinished, and whether the paragraph after {n:plural:it:them} is "
        "{n:plural:its:their} rest cannot be told: paragraph and sentence numbers across {n:plural:it:them} "
        "are refused",
        "{n:plural:text slutar:texter slutar} mitt i, och om stycket efter är resten av {n:plural:den:dem} går inte "
        "att avgöra: stycke- och meningsnummer som räknas över {n:plural:den:dem} avvisas"),
    "importers.pages.where_end": ("page {page} '{text}'", "sidan {page} ”{text}”"),
}
