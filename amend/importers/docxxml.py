"""The WordprocessingML a DOCX reader needs: element names, styles and their
inheritance, numbering definitions and footnote texts (a paragraph's runs are
read in docxruns.py)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..text import clean

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
    """Paragraph styles (and character styles, for run properties) with their
    basedOn chain resolved on demand."""

    def __init__(self, root):
        self.by_id = {}
        self.chars: dict = {}  # character styles
        self.default = None
        self.run_defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}") \
            if root is not None else None
        for st in root.findall(w("style")) if root is not None else ():
            sid = st.get(w("styleId"))
            if st.get(w("type")) == "character":
                self.chars[sid] = st
            if st.get(w("type")) != "paragraph":
                continue
            self.by_id[sid] = st
            if _on_attr(st.get(w("default"))):
                self.default = sid

    def chain(self, sid):
        return _chain(self.by_id, sid or self.default)

    def name(self, sid) -> str:
        st = self.by_id.get(sid or self.default)
        return (_val(st.find(w("name")), "") if st is not None else "").lower()

    def ppr(self, sid, tag):
        """The first of `tag` in the style's pPr, through basedOn."""
        return _first_in(self.chain(sid), f"{w('pPr')}/{w(tag)}")

    def rpr(self, sid, tag, character: bool = False):
        """The first of `tag` in a paragraph style's (or a character style's) rPr, through basedOn."""
        return _first_in(_chain(self.chars, sid) if character else self.chain(sid), f"{w('rPr')}/{w(tag)}")


def _chain(styles: dict, sid):
    seen = set()
    while sid in styles and sid not in seen:
        seen.add(sid)
        yield styles[sid]
        sid = _val(styles[sid].find(w("basedOn")))


def _first_in(chain, path: str):
    """The first element at `path` in a chain of styles (a style, then those it is based on), else None."""
    return next((el for st in chain if (el := st.find(path)) is not None), None)


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
            self.abstract[a.get(w("abstractNumId"))] = _levels(a)
        for n in root.findall(w("num")):
            self.nums[n.get(w("numId"))] = (_val(n.find(w("abstractNumId"))), _start_overrides(n))

    def format(self, num_id: str, ilvl: int) -> tuple[str, int]:
        """(numFmt, start) of a list level; an unknown list reads as bullets."""
        abstract, starts = self.nums.get(num_id, (None, {}))
        fmt, start = self.abstract.get(abstract, {}).get(ilvl, ("bullet", 1))
        return fmt, starts.get(ilvl, start)


def _levels(abstract) -> dict[int, tuple[str, int]]:
    """(numFmt, start) per level of a w:abstractNum."""
    return {int(lvl.get(w("ilvl"), "0")): (_val(lvl.find(w("numFmt")), "decimal"), int(_val(lvl.find(w("start")), "1")))
            for lvl in abstract.findall(w("lvl"))}


def _start_overrides(num) -> dict[int, int]:
    """The levels whose start a w:num overrides, with the start it sets."""
    return {int(o.get(w("ilvl"), "0")): int(_val(o.find(w("startOverride")), "1"))
            for o in num.findall(w("lvlOverride")) if o.find(w("startOverride")) is not None}


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
