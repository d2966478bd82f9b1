"""Paragraph marks and paragraph properties of the source DOCX, as the in-place writer
(source_edit.py) reads and tracks them: a mark's tracked insertion or deletion, the paragraph
that ends a section, a cell or the body, and properties compared and recorded (w:pPrChange)."""
from __future__ import annotations

import copy

from ..importers.docxxml import w
from .source_numbering import set_num


def _copied_ppr(ppr):
    """A copy of paragraph properties for a new paragraph: no section, change or page break of
    the paragraph copied, no tracked mark."""
    ppr = copy.deepcopy(ppr)
    for tag in ("sectPr", "pPrChange", "pageBreakBefore"):
        for gone in ppr.findall(w(tag)):
            ppr.remove(gone)
    for mark in ppr.findall(f"{w('rPr')}/{w('ins')}") + ppr.findall(f"{w('rPr')}/{w('del')}"):
        mark.getparent().remove(mark)
    return ppr


def _base_ppr(old, new_ppr, default_style: str):
    """The old paragraph's properties as w:pPrChange records them (no mark, section or change), with
    an explicit "off" for a style or numbering only the new one has (LibreOffice restores only those listed)."""
    from lxml import etree

    base = etree.Element(w("pPr"))
    for child in (old.find(w("pPr")) if old.find(w("pPr")) is not None else ()):
        if child.tag not in (w("rPr"), w("sectPr"), w("pPrChange")):
            base.append(copy.deepcopy(child))
    if new_ppr.find(w("pStyle")) is not None and base.find(w("pStyle")) is None:
        base.insert(0, etree.Element(w("pStyle")))
        base[0].set(w("val"), default_style)
    if new_ppr.find(w("numPr")) is not None and base.find(w("numPr")) is None:
        set_num(base, "0", "0")
    return base


def _ppr(p):
    if p.find(w("pPr")) is None:
        p.insert(0, p.makeelement(w("pPr")))
    return p.find(w("pPr"))


def _top(el):
    """The ancestor of `el` that is a child of w:body."""
    while el.getparent() is not None and el.getparent().tag != w("body"):
        el = el.getparent()
    return el


def _mark(p, tag: str):
    """The tracked insertion or deletion (`tag`) of paragraph `p`'s mark, or None."""
    return p.find(f"{w('pPr')}/{w('rPr')}/{w(tag)}")


def _untrack(p, tag: str) -> None:
    """Take the tracked insertion or deletion (`tag`) off paragraph `p`'s mark."""
    mark = _mark(p, tag)
    mark.getparent().remove(mark)


def _last_in_body(p) -> bool:
    """Is `p` the last paragraph of the body, nothing but the body's section properties after it?"""
    body = p.getparent()
    return body is not None and body.tag == w("body") and all(
        c.tag not in (w("p"), w("tbl"), w("sdt"), w("customXml")) for c in p.itersiblings())


def _last_in_cell(p) -> bool:
    """Is `p` the only paragraph or table left in its table cell?"""
    cell = p.getparent()
    return cell is not None and cell.tag == w("tc") and not any(
        c is not p and c.tag in (w("p"), w("tbl"), w("sdt"), w("customXml")) for c in cell)


def _sect(p):
    ppr = p.find(w("pPr"))
    return ppr.find(w("sectPr")) if ppr is not None else None





def _ppr_key(p) -> bytes:
    from lxml import etree

    ppr = p.find(w("pPr"))
    if ppr is None:
        return b""
    ppr = copy.deepcopy(ppr)
    for tag in ("rPr", "sectPr", "pPrChange"):
        for gone in ppr.findall(w(tag)):
            ppr.remove(gone)
    return etree.tostring(ppr, method="c14n")


def _same_ppr(a, b) -> bool:
    return _ppr_key(a) == _ppr_key(b)
