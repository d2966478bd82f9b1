"""Importing a proposal from DOCX or PDF into the program format.

    program, report = import_document(path, program_id="…")
    text = program_yaml(program, schema_ref)   # checked against the schema

The readers (docx.py, pdf.py) produce a flow of headings, paragraphs, list
items and blocks with their pages; common.py turns it into a Program.
"""
from __future__ import annotations

from pathlib import Path

from ..messages import msg
from ..model import Program
from .common import Report, UnreadableDocument, build_program
from .language import document_language
from .unsure import attach


def kind_of(path: Path) -> str:
    """'docx' or 'pdf', by what the file starts with rather than its name."""
    from .. import limits
    from ..load import check_input

    check_input(path, limits.MAX_DOCUMENT_BYTES, UnreadableDocument)
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError:
        raise UnreadableDocument(msg("importers.not_found"), source=str(path)) from None
    except OSError as exc:
        raise UnreadableDocument(msg("importers.cannot_read", reason=exc.strerror), source=str(path)) from None
    if b"%PDF-" in head:
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise UnreadableDocument(msg("importers.not_pdf"), source=str(path))
    if not head:
        raise UnreadableDocument(msg("importers.empty"), source=str(path))
    return "docx"  # check_zip says clearly when it is not one


def import_document(path: str | Path, *, program_id: str, title: str | None = None,
                    pages_from: str | Path | None = None, part: int | None = None) -> tuple[Program, Report]:
    """`pages_from`: for a DOCX, the PDF that was circulated, whose pages it takes.
    `part`: for a PDF whose page numbers start again (a second report bundled in it),
    the part to import, from 1."""
    path = Path(path)
    report = Report()
    kind = kind_of(path)
    read = _read_pdf if kind == "pdf" else _read_docx
    flow, props_title, language = read(path, report, pages_from, part)
    language = document_language(language, [it.text for it in flow if it.text], path if kind == "docx" else None,
                                 report)
    program = build_program(flow, report, program_id=program_id, title=title, fallback_title=props_title,
                            language_hint=language, source=str(path))
    return attach(program, report.unsure), report  # what it could not tell, so that amendments do not guess there


def _read_pdf(path: Path, report: Report, pages_from: str | Path | None, part: int | None):
    from .pdf import read_pdf
    from .pdfsplits import check_splits

    if pages_from is not None:
        raise UnreadableDocument(msg("importers.pdf_pages_from"), source=str(path))
    flow, props_title, language = read_pdf(path, report, part)
    check_splits(flow, report)
    return flow, props_title, language


def _read_docx(path: Path, report: Report, pages_from: str | Path | None, part: int | None):
    from .docx import read_docx

    if part is not None:
        raise UnreadableDocument(msg("importers.docx_part"), source=str(path))
    return read_docx(path, report, Path(pages_from) if pages_from else None)


def program_yaml(program: Program, schema_ref: str, name: str) -> str:
    """The program as YAML, after checking that the loader reads it back, valid
    against the schema, as the very same program."""
    from ..dump import dump_program
    from ..load import parse_yaml, program_from_data, validate

    text = dump_program(program, schema_ref)
    data, lines = parse_yaml(text, name)  # the same checks as when the file is read again
    validate(data, lines, "program", name)
    assert isinstance(data, dict)  # validated against the schema
    if program_from_data(data, name) != program:
        raise UnreadableDocument(msg("importers.not_the_same"), source=name)
    return text
