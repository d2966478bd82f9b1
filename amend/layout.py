"""What amend writes into a document besides the program's text: the title
block (its lines and their words in the program's language) and the marks the
DOCX writer leaves for the importer. Pure and in the core, so that the diff,
the redline, the renderers and the importers (which read these words back)
all share one definition without importing upward from render/."""
from __future__ import annotations

from .model import Decision, Program

LABELS = {
    "sv": {"version": "Version", "status": "Status", "date": "Datum", "adopted": "Antagen av",
           "proposal": "Förslag till {to} från", "case": "ärende", "page": "Sida",
           "in_force": "i kraft"},
    "en": {"version": "Version", "status": "Status", "date": "Date", "adopted": "Adopted by",
           "proposal": "Proposed to {to} by", "case": "case", "page": "Page",
           "in_force": "in force from"},
}

COLUMNS_MARK = "amend:columns"  # DOCX table description that marks a column layout
# the DOCX custom document property that holds the version name ("proposed", "adopted"): an
# internal name no reader is shown, read back by the importer
VERSION_PROPERTY = "amend.version"

# Words of the redline (DOCX comments, HTML page, terminal), by language.
REDLINE_LABELS = {
    "sv": {"decision": "Beslut", "page": "s.", "redline": "Ändringar", "other": "Övriga ändringar",
           "title": "Titelsidan", "inserted": "tillagt", "deleted": "struket",
           "against": "jämfört med", "changes": "ändringar", "change": "ändring",
           "no_changes": "Inga ändringar."},
    "en": {"decision": "Decision", "page": "p.", "redline": "Changes", "other": "Other changes",
           "title": "Title page", "inserted": "inserted", "deleted": "deleted",
           "against": "compared with", "changes": "changes", "change": "change",
           "no_changes": "No changes."},
}


def decision_line(decision: Decision, language: str) -> str:
    """'Antagen av Kommunfullmäktige 2025-11-26 § 12', or for a body that only
    proposes: 'Förslag till Kommunfullmäktige från Kommunstyrelsens arbetsutskott
    2025-10-22 § 170 (ärende 2025.202 KS)'."""
    words = LABELS.get(language, LABELS["en"])
    head = words["proposal"].format(to=decision.proposes_to) if decision.proposes_to else words["adopted"]
    line = f"{head} {decision.body} {decision.date}"
    if decision.paragraph:
        line += f" {decision.paragraph}"
    if decision.case:
        line += f" ({words['case']} {decision.case})"
    if decision.in_force:
        line += f", {words['in_force']} {decision.in_force}"
    return line


def title_lines(program: Program) -> list[tuple[str, str]]:
    """The title block as (style, text) pairs, in order: what a reader knows the
    version by (status, date, decisions), never its internal name ("adopted"),
    which the DOCX keeps as a document property (VERSION_PROPERTY)."""
    m = program.meta
    words = LABELS.get(m.language, LABELS["en"])
    facts = " · ".join(f"{words[k]}: {v}" for k, v in (("status", m.status), ("date", m.date)) if v)
    top = [("Subtitle", m.organisation or ""), ("Title", m.title), ("Subtitle", m.subtitle or ""), ("Normal", facts)]
    kept = [(style, text) for style, text in top if text or style == "Title"]  # the title even when empty
    return kept + [("Normal", decision_line(d, m.language)) for d in m.decisions]
