"""What `amend extract` does, without the command line (amend.commands holds the other commands).

It reads the decided amendments of the minutes into a patch (amend.extract.reader), or, for one decision
amending several documents, into a patch per document (amend.extract.documents); the patches are written
all or none, and never when empty: an empty patch would say the decision changed nothing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .commands import _write
from .messages import Msg, msg

if TYPE_CHECKING:
    from .extract.documents import Route, Routed
    from .extract.findings import Extraction
    from .model import Program


@dataclass(frozen=True)
class Extracted:
    """What `amend extract` read: findings to show, the patch text (None: nothing to write), the summary."""

    findings: tuple[Msg, ...]
    text: str | None
    summary: Msg
    need_a_human: Msg | None = None  # set when something needs a human: exit 1
    written: tuple[Path, ...] = field(default=())


def extract_patch(protocol: str, program: Program, output: Path | None, *, language: str | None,
                  paragraph: str | None, decision: dict[str, str], produces: str, status: str | None) -> Extracted:
    """Read the decided amendments of the minutes into a patch; write it to `output` when given."""
    from .extract.reader import extract, nothing_written, read_text, report_lines

    result = extract(read_text(protocol), program, source=protocol, language=language, paragraph=paragraph,
                     decision=decision, produces=produces, status=status)
    findings = tuple(report_lines(result, protocol))
    assert result.patch is not None  # extract always makes a patch, perhaps an empty one
    if not result.patch.amendments:
        return Extracted(findings, None, nothing_written(result))
    return _extracted_patch(result, findings, protocol, program, output)


def _extracted_patch(result: Extraction, findings: tuple[Msg, ...], protocol: str, program: Program,
                     output: Path | None) -> Extracted:
    """The patch read, written to `output` when given; unsure when a finding needs a human."""
    from .dump import dump_patch
    from .extract.reader import marked, need_a_human, report_comments, summary

    text = dump_patch(marked(result), comments=report_comments(result, protocol))
    written = _write({output: text.encode("utf-8")}, (protocol, program.source)) if output is not None else ()
    unsure = None if result.complete else need_a_human(result)
    return Extracted(findings, text, summary(result, str(output) if output else None), unsure, written)


@dataclass(frozen=True)
class ExtractedDocuments:
    """What `amend extract` with several programs did: findings (each once), where each
    instruction went, a summary per document, and the patches written."""

    findings: tuple[Msg, ...]
    summaries: tuple[Msg, ...]
    need_a_human: Msg | None  # set when something needs a human, or no patch was written: exit 1
    written: tuple[Path, ...]


def extract_documents(protocol: str, programs: Sequence[Program], out_dir: Path, *, language: str | None,
                      paragraph: str | None, decision: dict[str, str], produces: str,
                      status: str | None) -> ExtractedDocuments:
    """One decision amending several documents: a patch per document, `out_dir/<program-id>.yaml`,
    each instruction in the one document it is for (amend.extract.documents), all written or none."""
    from .extract import documents

    options = dict(language=language, paragraph=paragraph, decision=decision, produces=produces, status=status)
    routed, routes = documents.route(_read_each(protocol, programs, options), programs)
    made = [_document_patch(r, protocol, out_dir) for r in routed]
    outputs = {path: data for path, data, _ in made if data is not None}
    findings = documents.report(routed, protocol) + _routes_taken(routes, protocol, out_dir)
    written = _write(outputs, (protocol, *(p.source for p in programs))) if outputs else ()
    need = _need_a_human(findings, wrote=bool(outputs))
    return ExtractedDocuments(tuple(findings), tuple(m for _, _, m in made), need, written)


def _need_a_human(findings: Sequence[Msg], wrote: bool) -> Msg | None:
    """Why the run exits 1: findings a human must look at, or no patch written at all."""
    from .extract.findings import NEEDS_HUMAN

    unsure = sum(m.key in NEEDS_HUMAN for m in findings)
    return msg("extract.report.need_a_human", n=unsure) if unsure or not wrote else None


def _read_each(protocol: str, programs: Sequence[Program], options: dict[str, Any]) -> list[Extraction]:
    """The decision read against each document: programs of distinct ids, every one read from the same §."""
    from .extract import documents
    from .extract.reader import extract, read_text

    documents.distinct_programs(programs, protocol)
    text = read_text(protocol)
    results = [extract(text, p, source=protocol, **options) for p in programs]
    documents.same_paragraph(results, programs, protocol)
    return results


def _document_patch(r: Routed, protocol: str, out_dir: Path) -> tuple[Path, bytes | None, Msg]:
    """A document's patch file, `out_dir/<program-id>.yaml`, and its summary (None: empty, never written)."""
    from .dump import dump_patch
    from .extract.reader import report_comments, summary

    path = out_dir / f"{r.program.meta.id}.yaml"
    assert r.result.patch is not None
    if not r.result.patch.amendments:
        return path, None, msg("extract.documents.nothing_for", title=r.program.meta.title)
    data = dump_patch(r.result.patch, comments=report_comments(r.result, protocol)).encode("utf-8")
    return path, data, summary(r.result, str(path))


def _routes_taken(routes: Sequence[Route], protocol: str, out_dir: Path) -> list[Msg]:
    return [msg("extract.documents.routed", protocol=protocol, line=x.line, amendment=x.amendment,
                title=x.program.meta.title, file=out_dir / f"{x.program.meta.id}.yaml") for x in routes]
