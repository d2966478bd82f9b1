"""Tracked changes not yet accepted or rejected: a DOCX holding them is refused.

Which text is the proposal is not settled while Word still shows insertions and
deletions: importing one view (all accepted, say) would make the program and
the Word file written from it disagree, and a later redline would nest the
council's changes inside the author's. The secretary settles it in Word first.
"""
from __future__ import annotations

from ..messages import msg
from .common import UnreadableDocument, excerpt, tidy
from .docxxml import w

# the revision marks of WordprocessingML (ISO/IEC 29500-1 §17.13.5), by kind
_KINDS = {
    "inserted": ("ins", "cellIns", "customXmlInsRangeStart"),
    "deleted": ("del", "cellDel", "customXmlDelRangeStart"),
    "moved": ("moveFrom",),  # its w:moveTo and range marks are the same move
    "formatting": ("pPrChange", "rPrChange", "sectPrChange", "numberingChange"),
    "table": ("tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange", "cellMerge"),
}
_KIND_OF: dict[str, str | None] = {w(tag): kind for kind, tags in _KINDS.items() for tag in tags}
_KIND_OF.update({w(tag): None for tag in ("moveTo", "moveFromRangeStart", "moveToRangeStart")})


def refuse_revisions(body, source: str) -> None:
    """Raise when the document body holds tracked changes, counting them by kind."""
    counts: dict[str, int] = {}
    first = None
    for el in body.iter(*_KIND_OF):
        kind = _KIND_OF[el.tag]
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
        first = el if first is None else first
    if first is None:
        return
    counts = counts or {"moved": 1}  # only the w:moveTo side of a move
    changes = [_change(kind, counts[kind]) for kind in _KINDS if kind in counts]
    raise UnreadableDocument(msg("importers.docx.tracked_changes", changes=changes, text=_paragraph_text(first)),
                             source=source)


def _change(kind: str, n: int):
    return {"inserted": msg("importers.revision.inserted", n=n), "deleted": msg("importers.revision.deleted", n=n),
            "moved": msg("importers.revision.moved", n=n), "formatting": msg("importers.revision.formatting", n=n),
            "table": msg("importers.revision.table", n=n)}[kind]


def _paragraph_text(el) -> str:
    """The text of the paragraph holding `el` (its deleted text where that is all there is)."""
    p = next((a for a in el.iterancestors(w("p"))), None) if el.tag != w("p") else el
    p = p if p is not None else el
    text = tidy("".join(t.text or "" for t in p.iter(w("t"))))
    return excerpt(text or tidy("".join(t.text or "" for t in p.iter(w("delText")))), 40)
