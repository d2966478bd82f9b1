"""Messages of the renderers (keys "render.*"): PDF through LibreOffice (amend/render/pdf.py), --template
(amend/render/template.py), `amend diff` in the terminal (amend/render/term.py). Not named render.py: that
would shadow amend.messages.render, the function."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the redline's own layout (amend/render/redline_html.py): which versions it compares, named as a
    # reader knows them (status and date), never by the internal version name
    "render.redline.versions": ("{new} compared with {old}", "{new} jämfört med {old}"),
    "render.redline.unnamed": ("the version without status or date", "versionen utan status och datum"),
    # `amend diff` in the terminal (amend/render/term.py)
    "render.term.title_page": ("title page", "titelsidan"),
    "render.term.title_row": ("(title page)", "(titelsidan)"),
    "render.term.place": ("@@ p. {page} · {heading} @@", "@@ s. {page} · {heading} @@"),
    "render.term.page": ("p. {page}", "s. {page}"),
    "render.term.change_word": ("{n:plural:change:changes}", "{n:plural:ändring:ändringar}"),
    "render.term.words": ("+{plus} -{minus} words", "+{plus} -{minus} ord"),
    "render.term.total": (
        "{sections} {sections:plural:section:sections} changed, {changes} {changes:plural:change:changes}, "
        "+{plus} -{minus} words",
        "{sections} {sections:plural:avsnitt:avsnitt} ändrade, {changes} {changes:plural:ändring:ändringar}, "
        "+{plus} -{minus} ord"),
    "render.pdf.no_soffice": (
        "--pdf needs LibreOffice (the program soffice), which is not installed here; install LibreOffice "
        "(on Debian or Ubuntu: apt install libreoffice-writer), or leave out --pdf; nothing was written",
        "--pdf behöver LibreOffice (programmet soffice), som inte är installerat här; installera LibreOffice "
        "(på Debian eller Ubuntu: apt install libreoffice-writer), eller utelämna --pdf; inget skrevs"),
    "render.pdf.failed": (
        "LibreOffice could not make a PDF of {file}: {reason}; nothing was written",
        "LibreOffice kunde inte göra en PDF av {file}: {reason}; inget skrevs"),
    "render.pdf.no_output": (
        "it wrote no PDF file",
        "den skrev ingen PDF-fil"),
    "render.help.pdf": (
        "also write the adopted document and the redline as PDF (tagged for accessibility), through LibreOffice",
        "skriv också det antagna dokumentet och dokumentet med ändringsmarkeringar som PDF (taggad för "
        "tillgänglighet), med LibreOffice"),
    "render.template.unreadable": (
        "the template {file} cannot be read: {reason}; nothing was written",
        "mallen {file} kan inte läsas: {reason}; inget skrevs"),
    "render.template.not_word": (
        "the template {file} is not a Word document or template (.docx or .dotx); nothing was written",
        "mallen {file} är inget Word-dokument eller Word-mall (.docx eller .dotx); inget skrevs"),
    "render.template.not_used": (
        "the template {file} is not used: the DOCX files are the program's own Word file (--docx-style default "
        "writes amend's layout in the template)",
        "mallen {file} används inte: DOCX-filerna är programmets egen Word-fil (--docx-style default skriver "
        "amends layout i mallen)"),
    "render.help.template": (
        "a Word template (.dotx or .docx) of the municipality: its styles, page set-up, headers, footers and "
        "logo, with a title page, dokumentinformation and contents (for a program without its own Word file)",
        "kommunens Word-mall (.dotx eller .docx): dess formatmallar, sidinställningar, sidhuvuden, sidfötter "
        "och logotyp, med titelsida, dokumentinformation och innehållsförteckning (för ett program utan egen "
        "Word-fil)"),
}
