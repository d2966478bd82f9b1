"""A part of the council's Word file between two section breaks (a three-column part, a part in
landscape) whose every paragraph the amendments delete whole: its section break goes with it.

Word keeps the section's properties (columns, page size) on the paragraph mark that ends it, most
often an empty paragraph of its own. Left there, the emptied part stays as a section without
text, which LibreOffice shows as one empty paragraph the program no longer has. So that empty
paragraph goes too, which merges the emptied part into the section after it, as deleting a
section break does in Word; in the redline its mark is a tracked deletion (Word's encoding of a
deleted section break), so Accept All gives the adopted file and Reject All the section back.
"""
from __future__ import annotations

from typing import Any

from ..importers.docxxml import w
from .source_marks import _sect

_BLOCKS = (w("p"), w("tbl"), w("sdt"), w("customXml"))


class SectionWriting:
    """The section breaks source_edit.Writer removes with the part they end (a mixin of it)."""

    marks: Any
    gone_whole: dict  # paragraph deleted whole -> its change
    who: Any  # source_edit.Writer.who

    def drop_emptied_sections(self) -> None:
        """Each empty paragraph holding a section break, after a section break, whose part before
        it holds only paragraphs deleted whole: removed, or (tracked) its mark deleted."""
        for brk, change in self.emptied_sections():
            if self.marks.tracked:
                self.marks.author, self.marks.date = self.who(change)
                self.marks.paragraph_mark(brk, "del")
            else:
                brk.getparent().remove(brk)

    def emptied_sections(self) -> list[tuple[Any, Any]]:
        """(section break paragraph, the change that emptied its part) of each part emptied."""
        out, part = [], []
        bodies = {a for p in self.gone_whole for a in p.iterancestors(w("body"))}
        started = False  # a part counts only after a section break: the first part has no break before it
        for el in next(iter(bodies)) if bodies else ():
            if el.tag not in _BLOCKS:
                continue
            if el.tag != w("p") or _sect(el) is None:
                part.append(el)
                continue
            if started and part and all(p in self.gone_whole for p in part) and _empty(el):
                out.append((el, self.gone_whole[part[-1]]))
            started, part = True, []
        return out


def _empty(p) -> bool:
    """Nothing in the paragraph but its properties (no run, no text)."""
    return all(child.tag == w("pPr") for child in p)
