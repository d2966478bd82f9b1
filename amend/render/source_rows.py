"""A table row the amendments add whole, written into the council's Word file (see source_edit.py).

The new row is a copy of its neighbour row in the same table (the row before it, else the
one after it): the same row and cell properties (widths, borders, shading), each cell's
paragraph properties and the formatting of its first run, with the new row's texts in place
of the neighbour's. In the redline the row is a tracked inserted row (w:trPr/w:ins, as Word
writes one) and its words tracked insertions, so Reject All takes the row away. A row whose
cells are not one each of the neighbour's (merged cells), or whose cells hold more than
paragraphs (a list, a table), would be a guess and is refused.
"""
from __future__ import annotations

import copy
from typing import Any

from ..diff import DEL
from ..errors import UnreadableDocument
from ..importers.common import excerpt
from ..importers.docxxml import w
from ..messages import msg
from .source_runs import first_rpr, text_run

_MERGED = {w("gridSpan"), w("vMerge"), w("hMerge")}
_TRACKED = {w("ins"), w("del"), w("trPrChange"), w("tcPrChange"), w("cellIns"), w("cellDel"), w("cellMerge")}


def add_rows(writer: Any) -> None:
    """Write each row of writer.new_rows (change -> its texts, source_edit.Node) into its table."""
    after: dict[Any, Any] = {}  # neighbour row -> the last new row put after it (keyed by the element: held)
    for change, nodes in writer.new_rows.items():
        k = nodes[0].path.index("row")
        neighbour, before = _neighbour(writer, nodes, k)
        row = _row(writer, change, nodes, k, neighbour)
        if before:
            after.get(neighbour, neighbour).addnext(row)
            after[neighbour] = row
        else:
            neighbour.addprevious(row)


def gone_tables(red: Any, nodes: list) -> set:
    """The tables (w:tbl) of the file whose every text the amendments delete whole, as a table,
    a section or its rows (not a cell's text only: that cell stays, empty)."""
    inside: dict[Any, list[bool]] = {}  # keyed by the element itself: lxml keeps one proxy per node while held
    for node in nodes:
        if node.unit is None or node.unit.pt is None:
            continue
        gone = all(g.op == DEL and g.change is not None and red.changes[g.change].what in ("section", "table", "row")
                   for g in node.segments)
        el = node.unit.pt.p
        while el is not None:
            if el.tag == w("tbl"):
                inside.setdefault(el, []).append(gone)
            el = el.getparent()
    return {t for t, gone in inside.items() if all(gone)}


def _neighbour(writer: Any, nodes: list, k: int) -> tuple[Any, bool]:
    """The w:tr of the old row nearest before the new one in its table (else after it), and
    whether it is before."""
    table, r = nodes[0].path[:k], nodes[0].path[k + 1]
    olds = [n for n in writer.nodes if n.unit is not None and n.unit.pt is not None
            and len(n.path) > k + 1 and n.path[:k] == table and n.path[k] == "row"]
    before = [n for n in olds if n.path[k + 1] < r]
    found = before[-1] if before else next((n for n in olds if n.path[k + 1] > r), None)
    cell = found.unit.pt.p.getparent() if found is not None else None
    row = cell.getparent() if cell is not None and cell.tag == w("tc") else None
    if row is None or row.tag != w("tr"):
        _refuse(writer, nodes[0])
    return row, bool(before)


def _row(writer: Any, change: int, nodes: list, k: int, neighbour: Any) -> Any:
    """The new w:tr: the neighbour's copied, each cell holding the new row's texts of that cell."""
    cells = neighbour.findall(w("tc"))
    if len(cells) != len(_merged_row(writer, nodes[0].path, k)) or any(el.tag in _MERGED for el in neighbour.iter()):
        _refuse(writer, nodes[0])
    writer.marks.author, writer.marks.date = writer.who(change)
    row = _copy_row(neighbour)
    for c, (old, new) in enumerate(zip(cells, row.findall(w("tc")), strict=True)):
        texts = [n for n in nodes if n.path[k + 2] == c]
        if any(n.kind != ("paragraph",) or len(n.path) != k + 4 for n in texts):
            _refuse(writer, texts[0])
        _fill(new, _plain(old.find(w("p")), writer.styles), texts, writer.marks)
    if writer.marks.tracked:
        row_properties(row).append(writer.marks.mark("ins"))
    return row


def _copy_row(row: Any) -> Any:
    """A copy of a w:tr without the tracked changes of its row and cell properties."""
    row = copy.deepcopy(row)
    for el in [el for el in row.iter() if el.tag in _TRACKED and el.getparent().tag in (w("trPr"), w("tcPr"))]:
        el.getparent().remove(el)
    return row


def _merged_row(writer: Any, path: tuple, k: int) -> tuple:
    """The cells of the new row in the merged program."""
    from ..diff import rows
    from .source_edit import _node_at

    return dict(rows(_node_at(writer.red.merged, path[:k])))[path[k + 1]]


def _fill(cell: Any, model: Any, texts: list, marks: Any) -> None:
    """The cell's content replaced by one paragraph per text (one empty one when it has none),
    each with the paragraph properties of the neighbour cell's first paragraph `model`."""
    for child in [c for c in cell if c.tag != w("tcPr")]:
        cell.remove(child)
    for node in texts or [None]:
        p = cell.makeelement(w("p"))
        ppr = model.find(w("pPr")) if model is not None else None
        if ppr is not None:
            p.append(_clean(copy.deepcopy(ppr)))
        if node is not None:
            _text(p, node, model, marks)
        cell.append(p)


def _text(p: Any, node: Any, model: Any, marks: Any) -> None:
    """The text of `node` as a run of `p` with the formatting of the model's first run (inserted, tracked)."""
    run = text_run(node.segments[0].text, first_rpr(model))
    p.append(run)
    marks.insert_run(run)
    node.p = p


def _plain(model: Any, styles: Any) -> Any:
    """The neighbour cell's paragraph as a model for a plain paragraph: a list item's without
    its list (its style and numbering, and the indent that goes with them)."""
    from .source_numbering import numbering_of

    if model is None or numbering_of(model.find(w("pPr")), styles) is None:
        return model
    model = copy.deepcopy(model)
    ppr = model.find(w("pPr"))
    for el in [el for el in ppr if el.tag in (w("pStyle"), w("numPr"), w("ind"))]:
        ppr.remove(el)
    return model


def _clean(ppr: Any) -> Any:
    for el in [el for el in ppr.iter() if el.tag in (w("sectPr"), w("pPrChange"), w("ins"), w("del"))]:
        el.getparent().remove(el)
    return ppr


def row_properties(row: Any) -> Any:
    """The row's w:trPr, made where CT_Row has it when there is none."""
    trpr = row.find(w("trPr"))
    if trpr is None:
        trpr = row.makeelement(w("trPr"))
        row.insert(1 if len(row) and row[0].tag == w("tblPrEx") else 0, trpr)
    return trpr


def _refuse(writer: Any, node: Any) -> None:
    am = writer.amendment(node.segments[0].change)
    raise UnreadableDocument(msg("source.new_row", text=excerpt(node.segments[0].text), file=writer.name),
                             source=getattr(am, "source", None), amendment=getattr(am, "label", None),
                             amendment_id=getattr(am, "id", None))
