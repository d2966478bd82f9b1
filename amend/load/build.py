"""The model built from checked data."""
from __future__ import annotations

from ..errors import SchemaError
from ..messages import msg
from ..model import (
    OPERATIONS,
    Amendment,
    Cell,
    Column,
    Columns,
    Decision,
    ListBlock,
    Meta,
    Paragraph,
    Patch,
    Program,
    Scope,
    Section,
    Source,
    SourceFile,
    Table,
    Unsure,
)
from ..text import clean
from .schema import line_at, source_at
from .values import row_cells

# ---------------------------------------------------------------- model


def blocks_from_data(content) -> tuple:
    if isinstance(content, str):
        content = [content]
    return tuple(_block(b) for b in content or ())


def _block(b):
    if isinstance(b, str):
        return Paragraph(clean(b))
    page = b.get("page")
    if "paragraph" in b:
        return Paragraph(clean(b["paragraph"]), page)
    if "bullets" in b or "numbered" in b:
        ordered = "numbered" in b
        return ListBlock(tuple(clean(i) for i in b["numbered" if ordered else "bullets"]), ordered, page)
    if "table" in b:
        return _table(b["table"], page)
    if "columns" in b:
        cols = tuple(Column(clean(c["heading"]) if c.get("heading") else None, blocks_from_data(c["content"]))
                     for c in b["columns"])
        return Columns(cols, page)
    raise AssertionError(f"schema let through an unknown block: {b!r}")


def _table(t: dict, page: int | None) -> Table:
    rows = [row_cells(row) for row in t["rows"]]
    marks = tuple(row.get("page") if isinstance(row, dict) else None for row in t["rows"])
    return Table(tuple(_cell(c) for c in t.get("header") or ()),
                 tuple(tuple(_cell(c) for c in row) for row in rows), page, marks if any(marks) else ())


def _cell(c) -> Cell:
    return Cell(blocks_from_data(c) if c != "" else ())


def _decision(d: dict) -> Decision:
    return Decision(body=clean(d["body"]), date=str(d["date"]), paragraph=d.get("paragraph"), case=d.get("case"),
                    proposes_to=d.get("proposes_to"), in_force=d.get("in_force"), order=d.get("order"))


def program_from_data(data: dict, name: str | None = None) -> Program:
    m = data["program"]
    meta = Meta(
        id=m["id"], title=clean(m["title"]), version=m["version"], organisation=m.get("organisation"),
        language=m.get("language", "sv"), date=m.get("date"), status=m.get("status"),
        subtitle=m.get("subtitle"), decisions=tuple(_decision(d) for d in m.get("decisions") or ()),
    )
    sections = tuple(
        Section(clean(s["heading"]), s.get("level", 1), s["page"], blocks_from_data(s.get("content")))
        for s in data["sections"]
    )
    src = data.get("source")
    return Program(meta, sections, source=name,
                   source_file=SourceFile(src["file"], src["size"], src["sha256"], src.get("places"),
                                          tuple(_unsure(u) for u in src.get("unsure") or ())) if src else None)


def _unsure(u: dict) -> Unsure:
    return Unsure(u["kind"], clean(u["text"]), u["page"], u.get("last"))


def patch_from_data(data: dict, lines: dict, name: str) -> Patch:
    amendments = []
    seen: dict[str, int] = {}
    for i, a in enumerate(data["amendments"]):
        src = source_at(name, lines, ("amendments", i))
        if a["id"] in seen:
            raise SchemaError(msg("load.duplicate_id", id=a["id"], line=seen[a["id"]]),
                              source=src)
        seen[a["id"]] = src.line
        amendments.append(_amendment(a, src, tuple((k, *line_at(lines, ("amendments", i, k))) for k in a)))
    return Patch(program=data["program"], base=str(data["base"]), produces=str(data["produces"]),
                 decision=_decision(data["decision"]), amendments=tuple(amendments),
                 status=data.get("status"), source=name, outcome=data.get("outcome", "adopted"),
                 incomplete=tuple((int(m["line"]), str(m["text"])) for m in data.get("incomplete") or ()))


def _amendment(a: dict, src: Source, key_lines: tuple) -> Amendment:
    op = next(k for k in a if k in OPERATIONS)
    return Amendment(
        id=a["id"], op=op, scope=Scope(**(a.get("at") or {})), source=src,
        title=a.get("title"), text=a.get("text"), value=_op_value(op, a[op]),
        after=a.get("after"), before=a.get("before"), with_=a.get("with"),
        position=a.get("position"), after_item=a.get("after_item"), after_section=a.get("after_section"),
        key_lines=key_lines)


def _op_value(op: str, value):
    if op == "add_section":
        return Section(clean(value["heading"]), value.get("level", 0), 0, blocks_from_data(value.get("content")))
    if op == "replace_section_text":
        return blocks_from_data(value)
    if value is True:
        return True
    return clean(value) if isinstance(value, str) else value


