"""A DOCX paragraph's runs as a reader sees them printed: its text as events
(text, page and column breaks), with what cannot be imported reported.

Hidden text (w:vanish, w:specVanish, set on the run or by its character or
paragraph style) is not printed, so it is not program text: it is left out and
reported. w:webHidden hides text in Word's web view only; on paper it shows,
so it is read. A field's result (PAGE, DATE, TITLE, REF, DOCPROPERTY, … in
w:fldSimple or between w:fldChar marks) is imported as the text it shows, and
reported: Word computes it anew, so it may read otherwise than when imported.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ..messages import Msg, msg
from .common import Report, excerpt
from .docxxml import _CONTAINERS, _DRAWINGS, _TRACKED_DELETIONS, Styles, _on, _val, w

Event = tuple[str, str | None]

# fields whose result is text the author wrote, not text Word computes
PLAIN_FIELDS = {"", "HYPERLINK", "FORMTEXT", "MACROBUTTON"}

_HIDING = ("vanish", "specVanish")


class Runs:
    """Reads paragraphs' runs; a field begun in one paragraph may end in another."""

    def __init__(self, styles: Styles, report: Report, where: Callable[[], int]):
        self.styles, self.report, self.where = styles, report, where
        self.fields: list[dict] = []  # the complex fields being read, innermost last
        self.hidden: list[str] = []  # hidden text of the paragraph being read, reported at its end
        self.para_style: str | None = None

    def events(self, p, para_style: str | None) -> Iterator[Event]:
        """A paragraph's content in order: ("text", s), ("page"|"column"|"rendered", None)."""
        self.para_style = para_style
        for el in p:
            yield from self._run_events(el)
        self._flush_hidden()

    def _run_events(self, el) -> Iterator[Event]:
        tag = el.tag
        if tag == w("r") and self._hidden(el):
            self._hidden_run(el)
        elif tag == w("r"):
            for child in el:
                yield from self._in_run(child)
        elif tag == w("fldSimple"):
            yield from self._simple_field(el)
        elif tag in _TRACKED_DELETIONS:
            return  # a document with tracked changes is refused before it is read (docxrevisions.py)
        elif tag.endswith("}oMath") or tag.endswith("}oMathPara"):
            self.report.lost(msg("importers.what.equation"), msg("importers.where.page", page=self.where()))
        elif tag in _CONTAINERS:
            for child in el:
                yield from self._run_events(child)
        else:
            yield from self._in_run(el)

    def _in_run(self, el) -> Iterator[Event]:
        tag = el.tag
        if tag == w("fldChar"):
            self._field_mark(_val_attr(el, "fldCharType"))
        elif tag == w("instrText"):
            if self.fields and not self.fields[-1]["result"]:
                self.fields[-1]["instr"] += el.text or ""
        elif tag in (w("t"), w("tab"), w("cr"), w("noBreakHyphen"), w("sym")):
            for ev in _text_events(el, self.report, self.where):
                self._shown(ev)
                yield ev
        else:
            yield from _mark_events(el, self.report, self.where)

    def _hidden_run(self, r) -> None:
        """Not printed: its text is kept for the report; its field marks still count."""
        for child in r:
            if child.tag in (w("fldChar"), w("instrText")):
                list(self._in_run(child))
            elif child.tag == w("t"):
                self.hidden.append(child.text or "")

    def _shown(self, ev: Event) -> None:
        """Visible text: it ends a stretch of hidden text and is part of any field being shown."""
        if ev[0] == "text" and (ev[1] or "").strip():
            self._flush_hidden()
        for f in self.fields:
            if f["result"]:
                f["text"] += ev[1] or ""

    def _flush_hidden(self) -> None:
        text = "".join(self.hidden)
        self.hidden = []
        if text.strip():
            self.report.lost(msg("importers.what.hidden_text"),
                             msg("importers.where.page_text", page=self.where(), text=excerpt(text, 30)))

    def _hidden(self, r) -> bool:
        return run_hidden(self.styles, r, self.para_style)

    # -------------------------------------------------- fields

    def _field_mark(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append({"instr": "", "result": False, "text": ""})
        elif kind == "separate" and self.fields:
            self.fields[-1]["result"] = True
        elif kind == "end" and self.fields:
            self._close_field()

    def _simple_field(self, el) -> Iterator[Event]:
        self.fields.append({"instr": el.get(w("instr"), ""), "result": True, "text": ""})
        for child in el:
            yield from self._run_events(child)
        self._close_field()

    def _close_field(self) -> None:
        """The innermost field, read to its end: reported where Word computes what it shows."""
        f = self.fields.pop()
        self._field_shown(f["instr"], f["text"])

    def _field_shown(self, instr: str, text: str) -> None:
        name = (instr.split() or [""])[0].upper()
        if name not in PLAIN_FIELDS and text.strip():
            self.report.caveat(msg("importers.what.field", field=name),
                               msg("importers.where.page_text", page=self.where(), text=excerpt(text, 30)))


def run_hidden(styles: Styles, r, para_style: str | None) -> bool:
    """Is the run hidden: set on the run, else by its character style, else by the paragraph's
    style, else by the document's defaults. The in-place writer asks the same (source_runs.py)."""
    rpr = r.find(w("rPr"))
    rstyle = _val(rpr.find(w("rStyle"))) if rpr is not None else None
    return any(_on(_run_property(styles, rpr, rstyle, para_style, tag)) for tag in _HIDING)


def _run_property(styles: Styles, rpr, rstyle: str | None, para_style: str | None, tag: str):
    """The run's property `tag` where it is set: on the run, by its character style, by the paragraph's style,
    or by the document's defaults (None where nothing sets it)."""
    el = rpr.find(w(tag)) if rpr is not None else None
    if el is None and rstyle is not None:
        el = styles.rpr(rstyle, tag, character=True)
    if el is None:
        el = styles.rpr(para_style, tag)
    if el is None and styles.run_defaults is not None:
        el = styles.run_defaults.find(w(tag))
    return el


def paragraph_style(p) -> str | None:
    """The style id a w:p names in its w:pPr/w:pStyle."""
    return _val(p.find(f"{w('pPr')}/{w('pStyle')}"))


def _val_attr(el, name: str) -> str | None:
    return el.get(w(name))


def _text_events(el, report: Report, where: Callable[[], int]) -> Iterator[Event]:
    tag = el.tag
    if tag == w("t"):
        yield "text", el.text or ""
    elif tag in (w("tab"), w("cr")):
        yield "text", " "
    elif tag == w("noBreakHyphen"):
        yield "text", "-"
    elif tag == w("sym"):
        char = el.get(w("char"), "")
        if char.upper().startswith("F0"):
            report.lost(msg("importers.what.symbol"), msg("importers.where.page", page=where()))
            return
        try:
            yield "text", chr(int(char, 16))
        except ValueError:
            pass


def _mark_events(el, report: Report, where: Callable[[], int]) -> Iterator[Event]:
    """Breaks, and what a run holds that is not text (drawings, note marks): reported."""
    tag = el.tag
    if tag == w("br"):
        kind = el.get(w("type"), "textWrapping")
        yield ("page", None) if kind == "page" else ("column", None) if kind == "column" else ("text", " ")
    elif tag == w("lastRenderedPageBreak"):
        yield "rendered", None
    elif tag in _DRAWINGS:
        _lost_drawing(el, report, where())
    elif tag in (w("footnoteReference"), w("endnoteReference")):
        kind = tag.split("}")[1][:-9]  # "footnote", "endnote"
        report.lost(*_lost_note(kind, el.get(w("id")), where(), report))


def _lost_drawing(el, report: Report, page: int) -> None:
    texts = [t.text or "" for t in el.iter(w("t"))]
    if any(t.strip() for t in texts):
        report.lost(msg("importers.what.text_box"),
                    msg("importers.where.page_text", page=page, text=excerpt("".join(texts), 30)))
    else:
        report.lost(msg("importers.what.image"), msg("importers.where.page", page=page))


def _lost_note(kind: str, number: str | None, page: int, report: Report) -> tuple[Msg, Msg]:
    """A footnote or endnote left out, quoted when its text is known."""
    what = msg("importers.what.footnote") if kind == "footnote" else msg("importers.what.endnote")
    text = report.note_texts.get((kind, number))
    page_msg = msg("importers.where.page", page=page)
    if text:
        return what, msg("importers.where.note_text", where=page_msg, number=number, text=excerpt(text, 60))
    return what, msg("importers.where.note", where=page_msg, number=number)
