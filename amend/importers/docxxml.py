"""The WordprocessingML a DOCX reader needs: element names, styles and their
inheritance, numbering definitions, footnote texts, and the text of a paragraph
as events (text, page and column breaks), with what cannot be imported reported."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..messages import Msg, msg
from ..text import clean
from .common import Report, excerpt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# run content that is only a container: its children are read
_CONTAINERS = {w(t) for t in ("r", "hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                              "ins", "moveTo", "dir", "bdo")}


_TRACKED_DELETIONS = {w("del"), w("moveFrom")}


_DRAWINGS = {w("drawing"), w("pict"), w("object"), f"{{{MC_NS}}}AlternateContent"}


def _on(el) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return el is not None and el.get(w("val")) not in ("0", "false", "off")


def _val(el, default=None):
    return default if el is None else el.get(w("val"), default)


class Styles:
    """Paragraph styles with their basedOn chain resolved on demand."""

    def __init__(self, root):
        self.by_id = {}
        self.default = None
        for st in root.findall(w("style")) if root is not None else ():
            if st.get(w("type")) != "paragraph":
                continue
            sid = st.get(w("styleId"))
            self.by_id[sid] = st
            if _on_attr(st.get(w("default"))):
                self.default = sid

    def chain(self, sid):
        seen = set()
        sid = sid or self.default
        while sid in self.by_id and sid not in seen:
            seen.add(sid)
            yield self.by_id[sid]
            sid = _val(self.by_id[sid].find(w("basedOn")))

    def name(self, sid) -> str:
        st = self.by_id.get(sid or self.default)
        return (_val(st.find(w("name")), "") if st is not None else "").lower()

    def ppr(self, sid, tag):
        """The first of `tag` in the style's pPr, through basedOn."""
        for st in self.chain(sid):
            el = st.find(f"{w('pPr')}/{w(tag)}")
            if el is not None:
                return el
        return None


def _on_attr(value) -> bool:
    return value in ("1", "true", "on")


class Numbering:
    """numId → its abstract definition's number format per level."""

    def __init__(self, root):
        self.abstract = {}
        self.nums = {}
        if root is None:
            return
        for a in root.findall(w("abstractNum")):
            levels = {}
            for lvl in a.findall(w("lvl")):
                levels[int(lvl.get(w("ilvl"), "0"))] = (_val(lvl.find(w("numFmt")), "decimal"),
                                                        int(_val(lvl.find(w("start")), "1")))
            self.abstract[a.get(w("abstractNumId"))] = levels
        for n in root.findall(w("num")):
            starts = {int(o.get(w("ilvl"), "0")): int(_val(o.find(w("startOverride")), "1"))
                      for o in n.findall(w("lvlOverride")) if o.find(w("startOverride")) is not None}
            self.nums[n.get(w("numId"))] = (_val(n.find(w("abstractNumId"))), starts)

    def format(self, num_id: str, ilvl: int) -> tuple[str, int]:
        """(numFmt, start) of a list level; an unknown list reads as bullets."""
        abstract, starts = self.nums.get(num_id, (None, {}))
        fmt, start = self.abstract.get(abstract, {}).get(ilvl, ("bullet", 1))
        return fmt, starts.get(ilvl, start)


def _note_texts(path: Path) -> dict:
    """{("footnote"|"endnote", id): its text} from word/footnotes.xml and word/endnotes.xml."""
    from lxml import etree

    out = {}
    try:
        with zipfile.ZipFile(path) as z:
            for kind in ("footnote", "endnote"):
                name = f"word/{kind}s.xml"
                if name not in z.namelist():
                    continue
                root = etree.fromstring(z.read(name))
                for note in root.findall(w(kind)):
                    text = clean("".join(t.text or "" for t in note.iter(w("t"))))
                    if text:
                        out[(kind, note.get(w("id")))] = text
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {}
    return out


def _events(p, report: Report, where):
    """A paragraph's content in order: ("text", s), ("page"|"column"|"rendered", None).
    `where()` says where the reader is, for the report."""
    for el in p:
        yield from _run_events(el, report, where)


def _run_events(el, report: Report, where):
    tag = el.tag
    if tag == w("t"):
        yield "text", el.text or ""
    elif tag in (w("tab"), w("cr")):
        yield "text", " "
    elif tag == w("noBreakHyphen"):
        yield "text", "-"
    elif tag == w("sym"):
        char = el.get(w("char"), "")
        try:
            yield "text", chr(int(char, 16)) if not char.upper().startswith("F0") else ""
        except ValueError:
            pass
        if char.upper().startswith("F0"):
            report.lost(msg("importers.what.symbol"), msg("importers.where.page", page=where()))
    elif tag == w("br"):
        kind = el.get(w("type"), "textWrapping")
        yield ("page", None) if kind == "page" else ("column", None) if kind == "column" else ("text", " ")
    elif tag == w("lastRenderedPageBreak"):
        yield "rendered", None
    elif tag in _DRAWINGS:
        texts = [t.text or "" for t in el.iter(w("t"))]
        if any(t.strip() for t in texts):
            report.lost(msg("importers.what.text_box"),
                        msg("importers.where.page_text", page=where(), text=excerpt("".join(texts), 30)))
        else:
            report.lost(msg("importers.what.image"), msg("importers.where.page", page=where()))
    elif tag in (w("footnoteReference"), w("endnoteReference")):
        kind = tag.split("}")[1][:-9]  # "footnote", "endnote"
        report.lost(*_lost_note(kind, el.get(w("id")), where(), report))
    elif tag in _TRACKED_DELETIONS:
        report.note(msg("importers.note.tracked_changes"))
    elif tag == w("ins"):
        report.note(msg("importers.note.tracked_changes"))
        for child in el:
            yield from _run_events(child, report, where)
    elif tag.endswith("}oMath") or tag.endswith("}oMathPara"):
        report.lost(msg("importers.what.equation"), msg("importers.where.page", page=where()))
    elif tag in _CONTAINERS:
        for child in el:
            yield from _run_events(child, report, where)


def _lost_note(kind: str, number: str | None, page: int, report: Report) -> tuple[Msg, Msg]:
    """A footnote or endnote left out, quoted when its text is known."""
    what = msg("importers.what.footnote") if kind == "footnote" else msg("importers.what.endnote")
    text = report.note_texts.get((kind, number))
    page_msg = msg("importers.where.page", page=page)
    if text:
        return what, msg("importers.where.note_text", where=page_msg, number=number, text=excerpt(text, 60))
    return what, msg("importers.where.note", where=page_msg, number=number)
