"""A table of contents in the council's Word file when the amendments change its headings
(review 5, finding 23).

A TOC field keeps the entries Word last worked out; amend does not lay out pages, so it
cannot write new ones. When the amendments add, delete or rename a heading and the body
holds a TOC field, the field is marked dirty and word/settings.xml asks for fields to be
updated when the file is opened (w:updateFields: Word then updates the contents list), and
the run says so: LibreOffice 7.4 does neither on opening (checked over UNO), so there the
reader updates it (Tools, Update, Update All).
"""
from __future__ import annotations

from typing import Any

from ..importers.docxxml import W_NS, w

SETTINGS = "word/settings.xml"
# CT_Settings' children after w:updateFields, in the schema's order (ISO/IEC 29500-1, 17.15.1.78)
_AFTER = {w(t) for t in ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                         "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                         "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                         "smartTagType", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                         "listSeparator")}


def headings_changed(old: Any, new: Any) -> bool:
    return [(s.heading, s.level) for s in old.sections] != [(s.heading, s.level) for s in new.sections]


def toc_fields(body: Any) -> list[Any]:
    """The w:fldChar begin (or w:fldSimple) of each TOC field of the body."""
    found = [el for el in body.iter(w("fldSimple")) if _is_toc(el.get(w("instr"), ""))]
    begin = None
    for el in body.iter(w("fldChar"), w("instrText")):
        if el.tag == w("fldChar") and el.get(w("fldCharType")) == "begin":
            begin = el
        elif el.tag == w("instrText") and begin is not None and _is_toc(el.text or ""):
            found.append(begin)
            begin = None
    return found


def _is_toc(instr: str) -> bool:
    return instr.strip().upper().startswith("TOC")


def mark_dirty(fields: list[Any]) -> None:
    for el in fields:
        el.set(w("dirty"), "true")


def update_fields_on_open(settings: bytes) -> bytes:
    """word/settings.xml with <w:updateFields w:val="true"/> in its place in the schema's order."""
    from lxml import etree

    root = etree.fromstring(settings, etree.XMLParser(resolve_entities=False, huge_tree=True))
    el = root.find(w("updateFields"))
    if el is None:
        el = etree.Element(w("updateFields"))
        after = next((c for c in root if c.tag in _AFTER or not str(c.tag).startswith(f"{{{W_NS}}}")), None)
        (after.addprevious(el) if after is not None else root.append(el))
    el.set(w("val"), "true")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
