"""The look of a new heading or list item when the council's Word file has none to copy
(review 5, finding 29).

A new text copies the paragraph properties of a text of its kind in the body
(source_edit.py). When the body has no heading of that level, or no bulleted or
numbered list, the file's own styles part says what one looks like: the paragraph
style Word names "heading N" (or one with outline level N-1), "List Bullet" or
"List Number" with a numbering definition that is in word/numbering.xml. When it
defines none, the new text is not written as a plain paragraph: the run stops.
"""
from __future__ import annotations

from typing import Any

from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import w
from ..messages import Msg, msg

STYLES = "word/styles.xml"
_LISTS = {True: "list number", False: "list bullet"}


def parse_styles(xml: dict[str, bytes]) -> Any:
    from lxml import etree

    if STYLES not in xml:
        return None
    return etree.fromstring(xml[STYLES], etree.XMLParser(resolve_entities=False, huge_tree=True))


def style_for(kind: tuple, styles: Any, numbering: Any) -> str | None:
    """The id of the paragraph style the file defines for a new text of `kind` (("heading", level)
    or ("item", ordered)), or None."""
    paragraph = [st for st in (styles.iter(w("style")) if styles is not None else ())
                 if st.get(w("type")) == "paragraph" and st.get(w("styleId"))]
    if kind[0] == "heading":
        return (_named(paragraph, f"heading {kind[1]}")
                or next((st.get(w("styleId")) for st in paragraph if _outline(st) == kind[1] - 1), None))
    if kind[0] == "item" and kind[1] in _LISTS:
        sid = _named(paragraph, _LISTS[kind[1]])
        st = next((s for s in paragraph if s.get(w("styleId")) == sid), None)
        return sid if st is not None and _numbered(st, numbering) else None
    return None


def _named(styles: list, name: str) -> str | None:
    return next((st.get(w("styleId")) for st in styles
                 if (st.find(w("name")) is not None and st.find(w("name")).get(w("val"), "").lower() == name)), None)


def _outline(st: Any) -> int | None:
    lvl = st.find(f"{w('pPr')}/{w('outlineLvl')}")
    return int(lvl.get(w("val"))) if lvl is not None and (lvl.get(w("val")) or "").isdigit() else None


def _numbered(st: Any, numbering: Any) -> bool:
    """Whether the style numbers its paragraphs through a list that word/numbering.xml defines."""
    num = st.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    if num is None or numbering is None:
        return False
    return any(n.get(w("numId")) == num.get(w("val")) for n in numbering.iter(w("num")))


def kind_words(kind: tuple) -> Msg:
    if kind[0] == "heading":
        return msg("source.kind.heading", level=kind[1])
    return msg("source.kind.numbered") if kind[1] else msg("source.kind.bullet")


def styled_ppr(kind: tuple, text: str, styles: Any, numbering: Any, name: str, amendment: Any) -> Any:
    """A w:pPr with the style the file defines for a new text of `kind`; the run stops when it defines none.
    `numbering`: source_numbering.Numbering or None."""
    from lxml import etree

    sid = style_for(kind, styles, numbering.root if numbering is not None else None)
    if sid is None:
        refuse_no_style(kind, text, name, amendment)
    ppr = etree.Element(w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), str(sid))
    return ppr


def refuse_no_style(kind: tuple, text: str, name: str, amendment: Any) -> None:
    raise UnreadableDocument(msg("source.no_style", what=kind_words(kind), text=excerpt(text), file=name),
                             source=getattr(amendment, "source", None), amendment=getattr(amendment, "label", None),
                             amendment_id=getattr(amendment, "id", None))
