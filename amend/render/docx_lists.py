"""The numbered lists amend's own-layout DOCX adds: each a w:num over a list definition of its own.

Not a w:num restarting the shared 'List Number' definition (startOverride): LibreOffice puts that
restart on the paragraph that first carries the w:num when it opens the file, and in a redline
whose list's first item is inserted or deleted that is another item after Reject or Accept All (it
was numbered 1, its list 1 again, or on)."""
from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn

from .docx_xml import el


class NumberedLists:
    """Adds fresh numbered lists to one document's numbering part, each starting at 1."""

    def __init__(self, doc, style_name: str = "List Number"):
        self.numbering = doc.part.numbering_part.element
        self.source = _definition_of(doc, self.numbering, style_name)
        self._next: tuple[int, int] | None = None
        self._last: Any = None  # the w:abstractNum added last: the next goes after it (no scan of them all each time)
        self._stripped: Any = None

    def new(self) -> int:
        """The w:numId of a new list: a copy of the style's definition under new ids."""
        num_id, abstract_id = self._next_ids()
        last = self._last if self._last is not None else self.numbering.findall(qn("w:abstractNum"))[-1]
        self._last = self._own_definition(abstract_id)
        last.addnext(self._last)
        self.numbering.append(el("num", el("abstractNumId", val=str(abstract_id)), numId=str(num_id)))
        return num_id

    def _next_ids(self) -> tuple[int, int]:
        """The next (w:numId, w:abstractNumId): only this writer adds them, counting on from the template's."""
        if self._next is None:
            self._next = (max(int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))),
                          max(int(a.get(qn("w:abstractNumId"))) for a in self.numbering.findall(qn("w:abstractNum"))))
        self._next = (self._next[0] + 1, self._next[1] + 1)
        return self._next

    def _own_definition(self, abstract_id: int):
        """The source definition under a new id and list identifier (w:nsid), without the style
        link (one definition is the style's)."""
        if self._stripped is None:  # stripped once, copied per list
            stripped = self._stripped = copy.deepcopy(self.source)
            for child in stripped.findall(qn("w:nsid")) + stripped.findall(f"{qn('w:lvl')}/{qn('w:pStyle')}"):
                child.getparent().remove(child)
        made = copy.deepcopy(self._stripped)
        made.set(qn("w:abstractNumId"), str(abstract_id))
        made.insert(0, el("nsid", val=f"{0xA3E00000 + abstract_id:08X}"))  # unique and the same each run
        return made


def _definition_of(doc, numbering, style_name: str):
    """The w:abstractNum the paragraph style `style_name` numbers by."""
    num_id = str(doc.styles[style_name].element.pPr.numPr.numId.val)
    num = next((n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)
    if num is None:
        raise LookupError(style_name)
    abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    return next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract)
