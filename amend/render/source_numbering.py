"""A new numbered list written into the source DOCX starts at 1 (see source_edit.py).

A new list item copies the paragraph properties of an item of the same kind; when that
item is in another list, its numbering would go on from that list ("4. Skolvägar."). As
Word does when a new list is started, the new list gets a w:num of its own in
word/numbering.xml, over the same list definition (w:abstractNum, so it looks the same),
restarting at 1. numbering.xml is rewritten only when a run makes such a list.
"""
from __future__ import annotations

from typing import Any

from ..importers.docxxml import w
from .docx_xml import PPR_RANK

NUMBERING = "word/numbering.xml"
STYLES = "word/styles.xml"


class Numbering:
    """word/numbering.xml of the source, and the fresh w:num made for new lists."""

    def __init__(self, numbering: Any, styles: Any):
        self.root, self.styles = numbering, styles
        self.made: dict[tuple, str] = {}  # new list (its path) -> its numId

    @classmethod
    def of(cls, xml: dict[str, bytes]) -> Numbering | None:
        from lxml import etree

        if NUMBERING not in xml:
            return None
        parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
        styles = etree.fromstring(xml[STYLES], parser) if STYLES in xml else None
        return cls(etree.fromstring(xml[NUMBERING], parser), styles)

    def restart(self, ppr: Any, new_list: tuple) -> None:
        """Give the paragraph properties `ppr` (copied from an item of another list) the
        numbering of the new list `new_list`, restarting at 1."""
        num_id, level = self._num_of(ppr)
        abstract = self._abstract(num_id) if num_id else None
        if abstract is None:
            return  # not numbered through numbering.xml: nothing goes on from another list
        if new_list not in self.made:
            self.made[new_list] = self._new_num(self._own_abstract(abstract), level)
        set_num(ppr, self.made[new_list], level)

    def _num_of(self, ppr: Any) -> tuple[str | None, str]:
        num = ppr.find(f"{w('numPr')}/{w('numId')}")
        lvl = ppr.find(f"{w('numPr')}/{w('ilvl')}")
        level = lvl.get(w("val")) if lvl is not None else "0"
        if num is not None:
            return num.get(w("val")), level
        style = ppr.find(w("pStyle"))
        return (self._style_num(style.get(w("val"))) if style is not None else None), level

    def _style_num(self, style_id: str | None) -> str | None:
        if self.styles is None or style_id is None:
            return None
        for st in self.styles.iter(w("style")):
            if st.get(w("styleId")) == style_id:
                num = st.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
                return num.get(w("val")) if num is not None else None
        return None

    def _abstract(self, num_id: str) -> str | None:
        for num in self.root.iter(w("num")):
            if num.get(w("numId")) == num_id:
                ref = num.find(w("abstractNumId"))
                return ref.get(w("val")) if ref is not None else None
        return None

    def _own_abstract(self, abstract: str) -> str:
        """A copy of the list definition `abstract` for the new list (a new w:abstractNumId and
        w:nsid): a list of its own, not the old list restarted, so that LibreOffice still numbers
        it from 1 when its first item is deleted later (Accept All; review 7, finding 6). A
        definition that links a numbering style is shared (the style is the list)."""
        found = next((a for a in self.root.iter(w("abstractNum")) if a.get(w("abstractNumId")) == abstract), None)
        if found is None or found.find(w("numStyleLink")) is not None or found.find(w("styleLink")) is not None:
            return abstract
        new_id = 1 + max(int(a.get(w("abstractNumId"))) for a in self.root.iter(w("abstractNum")))
        list(self.root.iter(w("abstractNum")))[-1].addnext(_copy_definition(found, new_id))
        return str(new_id)

    def _new_num(self, abstract: str, level: str) -> str:
        from lxml import etree

        num_id = str(1 + max((int(n.get(w("numId"))) for n in self.root.iter(w("num"))), default=0))
        num = etree.Element(w("num"))
        cleanup = self.root.find(w("numIdMacAtCleanup"))  # the one child after every w:num (CT_Numbering)
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.root.append(num)
        num.set(w("numId"), num_id)
        etree.SubElement(num, w("abstractNumId")).set(w("val"), abstract)
        override = etree.SubElement(num, w("lvlOverride"))
        override.set(w("ilvl"), level)
        etree.SubElement(override, w("startOverride")).set(w("val"), "1")
        return num_id

    def data(self) -> bytes | None:
        """The rewritten numbering.xml, or None when no new list was made."""
        from lxml import etree

        if not self.made:
            return None
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy_definition(found: Any, new_id: int) -> Any:
    """A copy of the list definition `found` as definition `new_id`, with a list id (w:nsid) of its own."""
    import copy

    made = copy.deepcopy(found)
    made.set(w("abstractNumId"), str(new_id))
    nsid = made.find(w("nsid"))
    if nsid is not None:
        nsid.set(w("val"), f"{0x414D0000 + new_id:08X}")  # "AM" and the definition's number: fixed, unique here
    return made


def set_num(ppr: Any, num_id: str, level: str) -> None:
    from lxml import etree

    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        num_pr = etree.Element(w("numPr"))
        rank = PPR_RANK[w("numPr")]
        at = sum(1 for c in ppr if PPR_RANK.get(c.tag, rank) < rank)
        ppr.insert(at, num_pr)
    for child in list(num_pr):
        num_pr.remove(child)
    etree.SubElement(num_pr, w("ilvl")).set(w("val"), level)
    etree.SubElement(num_pr, w("numId")).set(w("val"), num_id)


def numbering_of(ppr: Any, styles: Any) -> tuple[str, str] | None:
    """(numId, ilvl) the paragraph properties `ppr` number a paragraph with, their own or their
    style's (and the styles it is based on); None: not a list item (no numbering, or numId 0)."""
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    style = ppr.find(w("pStyle")) if ppr is not None else None
    if num_pr is None and style is not None:
        num_pr = _style_num_pr(style.get(w("val")), styles)
    num = num_pr.find(w("numId")) if num_pr is not None else None
    if num_pr is None or num is None or num.get(w("val")) in (None, "0"):
        return None
    lvl = num_pr.find(w("ilvl"))
    return num.get(w("val")), lvl.get(w("val")) if lvl is not None else "0"


def _style_num_pr(style_id: str | None, styles: Any) -> Any:
    """The w:numPr of a paragraph style, or of the style it is based on, and so on; or None."""
    seen: set = set()
    while style_id is not None and style_id not in seen and styles is not None:
        seen.add(style_id)
        found = next((st for st in styles.iter(w("style")) if st.get(w("styleId")) == style_id), None)
        if found is None:
            return None
        if (num_pr := found.find(f"{w('pPr')}/{w('numPr')}")) is not None:
            return num_pr
        based = found.find(w("basedOn"))
        style_id = based.get(w("val")) if based is not None else None
    return None
