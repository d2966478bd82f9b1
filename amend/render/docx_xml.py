"""The XML of a DOCX body, made directly (the small helpers every DOCX writer of amend uses).

python-docx's OxmlElement, get_or_add_* and property setters parse tag names and search each
element's children for its place on every call, which adds up over a long document; these
write the same XML. A module of its own, importing nothing of amend, so that docx.py,
docx_lists.py, redline_docx.py and source_numbering.py import it plainly.
"""
from __future__ import annotations

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

_W = nsmap["w"]
_NSMAP = {"w": _W}
_CLARK: dict = {}
_RUNS: dict = {}  # (text tag, xml:space preserve) -> a w:r holding an empty text, copied
_STYLED: dict = {}  # style id -> a w:p of that style, copied
_BLANK: dict = {}  # an empty w:<tag> per tag, copied: a copy is made ~3× faster than by makeelement
_PPR, _T, _SPACE = qn("w:pPr"), qn("w:t"), qn("xml:space")
_VAL, _PSTYLE = qn("w:val"), qn("w:pStyle")

# the children of w:pPr in schema order (CT_PPr)
PPR_ORDER = [qn(f"w:{t}") for t in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()]
PPR_RANK = {tag: k for k, tag in enumerate(PPR_ORDER)}


def el(tag: str, *children, **attrs):
    """w:<tag> with w: attributes and children."""
    blank = _BLANK.get(tag)
    if blank is None:
        blank = _BLANK[tag] = oxml_parser.makeelement(f"{{{_W}}}{tag}", nsmap=_NSMAP)
    made = blank.__copy__()  # not copy.copy: its dispatch costs as much as the copy
    for k, v in attrs.items():
        made.set(_CLARK.get(k) or _CLARK.setdefault(k, f"{{{_W}}}{k}"), v)
    for child in children:
        made.append(child)
    return made


def ppr(p):
    """The w:pPr of a w:p (its first child), made when missing."""
    if len(p) and p[0].tag == _PPR:
        return p[0]
    made = el("pPr")
    p.insert(0, made)
    return made


def ppr_child(p, tag: str):
    """The child `tag` of a paragraph's w:pPr, made in schema order when missing."""
    pPr = ppr(p)
    found = pPr.find(tag)
    if found is not None:
        return found
    rank = PPR_RANK[tag]
    made = el(tag.rsplit("}", 1)[1])
    after = next((c for c in pPr if PPR_RANK.get(c.tag, -1) > rank), None)
    if after is None:
        pPr.append(made)
    else:
        after.addprevious(made)
    return made


def set_style(p, style_id: str | None) -> None:
    """paragraph._p.style = style_id (None: the default style, and an empty w:pPr as python-docx leaves)."""
    if style_id is None:
        for old in ppr(p).findall(_PSTYLE):
            old.getparent().remove(old)
        return
    ppr_child(p, _PSTYLE).set(_VAL, style_id)


def styled_paragraph(style_id: str | None):
    """A new w:p of a style, as set_style(el("p"), style_id) makes it: a copy of one made per style."""
    made = _STYLED.get(style_id)
    if made is None:
        made = _STYLED[style_id] = el("p")
        set_style(made, style_id)
    return copied(made)


def copied(element):
    """A deep copy of an element (copy.deepcopy without the copy module's dispatch and memo:
    the writers copy elements made once, thousands of times)."""
    return element.__deepcopy__(None)


def set_page_break_before(p) -> None:
    """paragraph.paragraph_format.page_break_before = True."""
    ppr_child(p, qn("w:pageBreakBefore")).attrib.pop(_VAL, None)


def add_text_run(parent, text: str, tag: str = _T, preserve: bool = False) -> None:
    """Append a w:r holding text (w:t, or `tag`: w:delText) as CT_R.add_t writes it: xml:space
    where white space would be lost (always with `preserve`). A copy of a made run: half the time
    of making its two elements."""
    keep = preserve or len(text.strip()) < len(text)
    made = _RUNS.get((tag, keep))
    if made is None:
        made = _RUNS[tag, keep] = el("r", el(tag.rsplit("}", 1)[1]))
        if keep:
            made[0].set(_SPACE, "preserve")
    run = copied(made)
    run[0].text = text
    parent.append(run)
