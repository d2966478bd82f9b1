"""Redline → one standalone HTML page (jinja2 template, inline CSS, no network).

Inserted and deleted words are <ins>/<del>; "s. 6" marks where the proposal's
page 6 begins; a side list names the decision's amendments and links to each
of their changes, and every change links back to its amendment. The view
built here is plain data; the template does all of the markup (autoescaped).
"""
from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup, escape

from ..address import Address
from ..collector import collected_once
from ..diff import DEL, INS, Change, Redline
from ..messages import Msg, msg
from ..model import Columns, ListBlock, Paragraph, Program, Table
from ..tree import table_rows
from .title import REDLINE_LABELS, decision_line

_CLASS = {INS: "ins", DEL: "del"}


class _View:
    def __init__(self, red: Redline, patches, provenance: str = "none"):
        self.red = red
        self.provenance = provenance  # "footnotes"/"comments": notes naming each text's decision
        self.notes = _notes(red, patches, provenance)
        self.noted: list[dict] = []
        self.language = red.new.meta.language
        self.words = REDLINE_LABELS.get(self.language, REDLINE_LABELS["en"])
        self.page = 0  # last page of the proposal marked
        self.texts: list[dict] = []  # every text's view, given its markup once all are known (_markup)
        self.anchored: dict[int, dict] = {}  # change n -> its first segment
        self.last: dict[int, dict] = {}  # change n -> its last segment
        self.patches = list(patches)
        self.numbers: dict[int, tuple[str, int]] = {}  # id(amendment) -> (anchor, number in the side list)
        for k, patch in enumerate(self.patches):
            for am in patch.amendments:
                self.numbers[id(am)] = (f"a{k + 1}-{am.id}", len(self.numbers) + 1)

    def back(self, c: Change) -> dict:
        """Where a change links back to: its amendment in the side list."""
        known = [(self.numbers[id(a)], a.label) for a in c.amendments if id(a) in self.numbers]
        if known:
            (anchor, number), label = known[0]
            return {"href": f"#{anchor}", "label": str(number), "title": label}
        if c.what == "title" and self.patches:
            return {"href": "#decisions", "label": "§", "title": self.words["decision"]}
        return {"href": f"#l-{c.id}", "label": "•", "title": self.words["change"]}

    # -------------------------------------------------- text

    def text(self, path, **fields) -> dict:
        """The view of one text (with `fields`, what the template needs of the node around it)."""
        side, _ = self.red.side(path)
        segments = []
        for seg in self.red.segments.get(path, ()):
            d = {"op": seg.op, "text": seg.text, "id": None, "back": None}
            if seg.change is not None:
                if seg.change not in self.anchored:
                    self.anchored[seg.change] = d
                    d["id"] = self.red.changes[seg.change].id
                self.last[seg.change] = d
            segments.append(d)
        view = {**fields, "cls": _CLASS.get(side, ""), "segments": segments, "notes": self.note_marks(path)}
        self.texts.append(view)
        return view

    def note_marks(self, path) -> list:
        marks = [{"n": len(self.noted) + k + 1, "text": note.text(self.language)}
                 for k, note in enumerate(self.notes.get(path, ()))]
        self.noted.extend(marks)
        return marks

    def marker(self, path) -> list:
        page = self.red.pages.get(path, (None, None))[0]
        if not page or page <= self.page:
            return []
        self.page = page
        return [{"kind": "page", "page": page, "label": f"{self.words['page']} {page}"}]

    # -------------------------------------------------- blocks

    def body(self) -> list:
        out = []
        for s, section in enumerate(self.red.merged.sections):
            out.extend(self.marker(Address.heading(s)))
            out.append(self.text(Address.heading(s), kind="heading", level=min(section.level + 1, 6)))
            for here, block in ((Address.section(s).block(b), block) for b, block in enumerate(section.blocks)):
                out.extend(self.marker(here))
                out.append(self.block(block, here))
        return out

    def blocks(self, blocks, path) -> list:
        return [self.block(block, path.block(j)) for j, block in enumerate(blocks)]

    def block(self, block, path) -> dict:
        cls = _CLASS.get(self.red.side(path)[0], "")
        if isinstance(block, Paragraph):
            return self.text(path, kind="p")
        if isinstance(block, ListBlock):
            return {"kind": "list", "cls": cls, "ordered": block.ordered,
                    "items": [self.text(path.item(k)) for k in range(len(block.items))]}
        if isinstance(block, Table):
            return {"kind": "table", "cls": cls, "rows": [
                {"cls": _CLASS.get(self.red.side(path.row(r))[0], ""), "header": r == 0,
                 "cells": [self.blocks(cell.blocks, path.cell(r, c)) for c, cell in enumerate(row)]}
                for r, row in table_rows(block)]}
        if isinstance(block, Columns):
            return {"kind": "columns", "cls": cls, "columns": [
                {"heading": self.text(path.column_heading(c)) if column.heading else None,
                 "blocks": self.blocks(column.blocks, path.column(c))}
                for c, column in enumerate(block.columns)]}
        raise TypeError(type(block).__name__)

    # -------------------------------------------------- the side list

    def link(self, c: Change) -> dict:
        where = f"{self.words['page']} {c.page}" if c.page else self.words["title"]
        heading = self.red.merged.sections[c.section].heading if c.section is not None else ""
        return {"href": f"#{c.id}", "label": where, "title": heading}

    def side_list(self) -> dict:
        shown = [c for c in self.red.changes if c.n in self.anchored]
        by_amendment: dict[int, list] = {}
        for c in shown:
            for a in c.amendments:
                by_amendment.setdefault(id(a), []).append(self.link(c))
        decisions = []
        for _k, patch in enumerate(self.patches):
            decisions.append({
                "line": decision_line(patch.decision, self.language),
                "amendments": [{"anchor": self.numbers[id(am)][0], "number": self.numbers[id(am)][1],
                                "label": am.label, "text": am.text, "links": by_amendment.get(id(am), [])}
                               for am in patch.amendments]})
        title = [self.link(c) for c in shown if c.what == "title" and self.patches]
        other = [{"anchor": f"l-{c.id}", **self.link(c)} for c in shown
                 if not c.amendments and not (c.what == "title" and self.patches)]
        return {"decisions": decisions, "title_changes": title, "other": other}

    # -------------------------------------------------- all of it

    def build(self) -> dict:
        red = self.red
        title = [self.text(Address.title(i), style=style) for i, (style, _) in enumerate(red.title)]
        start = [{"kind": "page", "page": 1, "label": f"{self.words['page']} 1"}]
        self.page = 1
        body = self.body()
        for n, seg in self.last.items():
            seg["back"] = self.back(red.changes[n])
        for view in self.texts:
            view["html"] = _markup(view, self.provenance)
        versions = msg("render.redline.versions", new=reader_name(red.new), old=reader_name(red.old))
        return {"lang": self.language, "words": self.words, "meta": red.new.meta,
                "versions": versions.render(self.language),
                "title": title, "start": start, "body": body, "side": self.side_list(),
                "count": len(self.anchored), "provenance": self.provenance_view()}

    def provenance_view(self) -> dict:
        return {"mode": self.provenance, "notes": self.noted,
                "heading": msg("history.provenance.heading").render(self.language)}


_TAGS = {INS: "ins", DEL: "del"}


def _markup(view: dict, provenance: str) -> Markup:
    """A text's segments, change links and note marks as HTML: what a template macro wrote,
    made here since it runs for every paragraph and item of the document (autoescaped alike)."""
    out = [_segment(s) for s in view["segments"]]
    out += [_note_mark(m, provenance) for m in view["notes"]]
    return Markup("".join(out))


def _segment(s: dict) -> str:
    tag = _TAGS.get(s["op"])
    at = f' id="{escape(s["id"])}"' if s["id"] else ""
    html = escape(s["text"]) if tag is None else f"<{tag}{at}>{escape(s['text'])}</{tag}>"
    if s["back"]:
        b = s["back"]
        html += f'<a class="back" href="{escape(b["href"])}" title="{escape(b["title"])}">{escape(b["label"])}</a>'
    return html


def _note_mark(m: dict, provenance: str) -> str:
    if provenance == "comments":
        return f'<span class="comment" role="note">{escape(m["text"])}</span>'
    n = escape(m["n"])
    return f'<sup class="note"><a href="#pn{n}" id="pr{n}">{n}</a></sup>'


def reader_name(program: Program) -> str | Msg:
    """A version as its reader knows it: its status and date ("Antagen 2025-11-24"), else its last
    decision, else its date; never the internal version name."""
    m = program.meta
    if m.status:
        return " ".join(x for x in (m.status, m.date) if x)
    if m.decisions:
        return decision_line(m.decisions[-1], m.language)
    return m.date or msg("render.redline.unnamed")


def _notes(red: Redline, patches, provenance: str) -> dict:
    if provenance == "none":
        return {}
    from .provenance import notes_by_merged_path

    return notes_by_merged_path(red, list(patches), struck_in_place=True)


@collected_once  # jinja2's context holds the page's values in a cycle (amend.collector): half its time
def render_redline_html(red: Redline, patches=(), provenance: str = "none") -> bytes:
    """The HTML page of a redline; `patches` (in order) name the amendments in the side list;
    `provenance` "footnotes" or "comments" adds a note naming the decision at each changed text."""
    return _template().render(**_View(red, patches, provenance).build()).encode("utf-8")


@functools.cache
def _template() -> Any:
    """The page's template, compiled once per process (amend site renders a page per version pair)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("amend", "render/templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("redline.html.j2")
