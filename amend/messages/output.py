"""Messages of writing the outputs (amend/output.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "output.same_as_output": (
        "is the same file as the output {earlier}; each output needs a file of its own",
        "är samma fil som utdatafilen {earlier}; varje utdatafil måste ha en egen fil"),
    "output.overwrites_input": (
        "would overwrite the input file {path}; choose another output folder",
        "utdata skulle skriva över indatafilen {path}; välj en annan mapp för utdata"),
    "output.is_folder": (
        "is a folder; give the name of a file to write",
        "är en mapp; ange namnet på en fil att skriva"),
    "output.folder_not_made": (
        "the output folder cannot be made: {reason}",
        "mappen för utdata kan inte skapas: {reason}"),
    "output.folder_not_writable": (
        "cannot write in this folder: {reason}; nothing was written",
        "kan inte skriva i den här mappen: {reason}; ingenting skrevs"),
    "output.not_written": (
        "cannot be written: {reason}; nothing was written",
        "kan inte skrivas: {reason}; ingenting skrevs"),
    "output.not_written_unchanged": (
        "cannot be written: {reason}; nothing was changed",
        "kan inte skrivas: {reason}; ingenting ändrades"),
    "output.not_written_not_restored": (
        "cannot be written: {reason}; and these could not be put back as they were: {files}",
        "kan inte skrivas: {reason}; och de här filerna kunde inte återställas som de var: {files}"),
    "output.epoch_not_number": (
        "SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}",
        "SOURCE_DATE_EPOCH ska vara ett heltal (antal sekunder), inte {value!r}"),
    "output.epoch_out_of_range": (
        "SOURCE_DATE_EPOCH {value} is outside the dates a DOCX can record (up to 2107-12-31: {low} to {high})",
        "SOURCE_DATE_EPOCH {value} ligger utanför de datum en DOCX-fil kan ange (till och med 2107-12-31: "
        "{low} till {high})"),
}
