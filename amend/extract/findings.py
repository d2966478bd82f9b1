"""What `amend extract` found that a person should know, and how it is said: the
findings at their protocol lines, the comments at the top of the patch file and
the lines and summaries the command prints (all catalogue messages)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import Text
from ..messages import Msg, msg, render
from ..model import Patch


@dataclass(frozen=True)
class Finding:
    """Something the secretary should know, at a protocol line."""

    line: int
    message: Text  # a catalogue Msg; a plain string only from a module not yet converted
    text: str = ""
    title: Text | None = None

    def said(self) -> Text:
        """'Tillägg 3: "På sidan 4 ska …" — not understood from "ska …" on'.

        The text in full: a cut-off could hide the very words that matter."""
        said = msg("extract.finding.text", text=self.text, message=self.message) if self.text else self.message
        return msg("extract.finding.title", t=self.title, m=said) if self.title else said

    def __str__(self) -> str:
        return render(self.said())


@dataclass
class Extraction:
    source: str
    patch: Patch | None = None
    needs_human: list[Finding] = field(default_factory=list)
    rejected: list[Finding] = field(default_factory=list)
    checks: list[Finding] = field(default_factory=list)  # readings a person should confirm
    notes: list[Finding] = field(default_factory=list)
    # adopted changes to the document that no patch can carry (the text is in an attachment, …)
    not_applicable: list[Finding] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Everything the body adopted was read, resolved and is in the patch."""
        return not self.needs_human and not self.not_applicable


def short(word: str, most: int = 60) -> str:
    """A word for a message; a run of letters longer than any word is cut."""
    return word if len(word) <= most else word[:most] + "…"


def read_text(path: str) -> str:
    """The protocol file's text, or one clear error: the same checks as for a
    program or patch file (a plain file, within the size limit, UTF-8)."""
    from .. import limits
    from ..load import check_characters, decode_text, read_input

    text = decode_text(read_input(path, limits.MAX_FILE_BYTES), str(path))
    check_characters(text, str(path), allowed="\f")  # what the patch would quote must load again
    return text


def marked(result: Extraction) -> Patch:
    """The patch to write, marked `incomplete` with every instruction it does not carry
    (needs a human, or not applicable), so that apply, check and show refuse it as a
    complete decision until a person adds them and removes the mark (review 4, finding 10)."""
    assert result.patch is not None
    missing = _by_line(result.needs_human + result.not_applicable)
    return replace(result.patch, incomplete=tuple((f.line, render(f.said())) for f in missing))


def report_comments(result: Extraction, protocol: str) -> tuple[str, ...]:
    """What a reader of the patch file must know, as comment lines for its top
    (in the current language)."""
    lines = [msg("extract.comment.head", protocol=protocol)]
    for head, findings in ((msg("extract.comment.needs_human"), result.needs_human),
                           (msg("extract.comment.not_applicable"), result.not_applicable),
                           (msg("extract.comment.checks"), result.checks),
                           (msg("extract.comment.rejected"), result.rejected)):
        if findings:
            lines.append(head)
            lines += [msg("extract.comment.line", line=f.line, finding=f.said()) for f in _by_line(findings)]
    return tuple(str(m) for m in lines)


def _by_line(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.line)


def report_lines(result: Extraction, protocol: str, document: str | None = None) -> list[Msg]:
    """The findings as the command prints them, one a line: "needs a human: minutes.txt:12: …"
    (with `document`, a finding about that one of several documents: "… in Reglemente för …: …")."""
    out = []
    for kind, findings in ((msg("extract.report.needs_human"), result.needs_human),
                           (msg("extract.report.not_applicable"), result.not_applicable),
                           (msg("extract.report.rejected"), result.rejected),
                           (msg("extract.report.check"), result.checks),
                           (msg("extract.report.note"), result.notes)):
        out += [Msg(kind.key, {"protocol": protocol, "line": f.line, "finding": _in(f.said(), document)})
                for f in _by_line(findings)]
    return out


def _in(said: Text, document: str | None) -> Text:
    return said if document is None else msg("extract.documents.in", title=document, finding=said)


NEEDS_HUMAN = ("extract.report.needs_human", "extract.report.not_applicable")  # the report lines that make exit 1


def nothing_written(result: Extraction) -> Msg:
    """Why no patch is written: an empty one would say the decision changed nothing."""
    d = result.patch.decision if result.patch else None
    assert d is not None
    if result.complete:
        return (msg("extract.report.nothing_in_decision", paragraph=d.paragraph, body=d.body, date=d.date)
                if d.paragraph else msg("extract.report.nothing_in_minutes", body=d.body, date=d.date))
    return (msg("extract.report.nothing_written", paragraph=d.paragraph, body=d.body, date=d.date) if d.paragraph
            else msg("extract.report.nothing_written_minutes", body=d.body, date=d.date))


def summary(result: Extraction, output: str | None = None) -> Msg:
    """"extracted 2 amendments of Kommunfullmäktige 2025-10-22 § 170[; wrote patch.yaml]"."""
    patch = result.patch
    assert patch is not None
    d, n = patch.decision, len(patch.amendments)
    said = (msg("extract.report.extracted_paragraph", n=n, body=d.body, date=d.date, paragraph=d.paragraph)
            if d.paragraph else msg("extract.report.extracted", n=n, body=d.body, date=d.date))
    return msg("extract.report.wrote", summary=said, path=output) if output else said


def need_a_human(result: Extraction) -> Msg:
    """"2 things need a human (see above)"."""
    return msg("extract.report.need_a_human", n=len(result.needs_human) + len(result.not_applicable))
