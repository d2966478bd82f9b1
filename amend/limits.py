"""Every size limit amend enforces, in one place.

Real programs, patches, proposals and minutes are far below these; a file
above one is refused before it can hang a run or eat the machine's memory,
with a message that names the limit and says how to proceed. README.md
("Limits") lists the same values.
"""
from __future__ import annotations

# One input file (program, patch, minutes): the largest real program is about 1 MB.
MAX_FILE_BYTES = 50_000_000
# A DOCX or PDF to import (the packed file).
MAX_DOCUMENT_BYTES = 200_000_000
# One part of a DOCX once unpacked (word/document.xml, styles, numbering, …),
# counted while unpacking, whatever the zip's header says.
MAX_DOCX_PART_BYTES = 30_000_000
# One stream of a PDF once inflated (a page's content is far below a megabyte).
MAX_PDF_STREAM_BYTES = 30_000_000
# How deep lists and mappings may nest in a YAML file (a program needs about 12).
MAX_YAML_DEPTH = 50
# YAML aliases (*name) in one file: amend's own files use none.
MAX_YAML_ALIASES = 100
# Values in one YAML file after aliases are expanded.
MAX_YAML_NODES = 5_000_000
# Digits of one number in YAML.
MAX_NUMBER_DIGITS = 20
# Amendments in one patch.
MAX_AMENDMENTS = 50_000
# Characters of one text value (a paragraph, an item, a quoted anchor).
MAX_TEXT_CHARS = 100_000
# The highest page number a program or a scope may name.
MAX_PAGE = 10_000
# How many pages an amendment's new content may add after the last page of
# the version it is worded against.
MAX_NEW_PAGES = 10
# SOURCE_DATE_EPOCH: from 1970-01-01 up to the last time a DOCX (a zip file) can
# record, 2107-12-31 23:59:58 UTC (zip times before 1980 are written as 1980).
MIN_EPOCH = 0
MAX_EPOCH = 4_354_819_198
