"""A table row the amendments add whole, written into the council's Word file (see source_edit.py).

The new row is a copy of its neighbour body row in the same table (the row before it, else
the one after it; never the header row, whose look and w:tblHeader are not a body row's):
the same row and cell properties (widths, borders, shading), each cell's
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
from .source_nodes import typed_over
from .source_runs import first_rpr, own_runs, text_run

_MERGED = {w("gridSpan"), w("vMerge"), w("hMerge")}
_TRACKED = {w("ins"), w("del"), w("trPrChange"), w("tcPrChange"), w("cellIns"), w("cellDel"), w("cellMerge")}


class RowWriting:
    """The table rows and tables source_edit.Writer deletes whole, or adds (a mixin of it: the
    writer's texts, marks and redline)."""

    red: Any
    nodes: list
    marks: Any
    gone_rows: dict
    new_rows: dict
    gone_tables: dict
    tables_gone: set | None
    who: Any  # source_edit.Writer.who

    def in_new_row(self, node: Any) -> bool:
        """A text of a table row the amendments add whole: written with its row (source_rows.py)."""
        change = node.segments[0].change
        if change is None or self.red.changes[change].what != "row":
            return False
        self.new_rows.setdefault(change, []).append(node)
        return True

    def in_deleted_row(self, node: Any) -> bool:
        """A text of a table row, or of a table, the amendments delete whole: the row or table
        goes (drop_rows), not its paragraphs one by one, which would leave an empty row or an
        empty grid; tracked, its words are struck and its rows marked deleted."""
        change = node.segments[0].change
        table = self.gone_table(node)
        if change is None or (table is None and self.red.changes[change].what != "row"):
            return False
        if table is not None:
            self.gone_tables[table] = change
        else:
            self.gone_rows.setdefault(change, []).append(node.p)
        self.strike(node)
        return True

    def strike(self, node: Any) -> None:
        """The words of a paragraph that goes with its row or table: struck (tracked), or the
        paragraph forgotten (it goes with the row)."""
        if self.marks.tracked:
            for r in own_runs(node.p):
                self.marks.delete_run(r)
        else:
            node.p = None

    def gone_table(self, node: Any) -> Any:
        """The outermost table holding `node` whose every text is deleted whole, or None."""
        if self.tables_gone is None:
            self.tables_gone = gone_tables(self.red, self.nodes)
        return next((t for t in _ancestors(node.p) if t in self.tables_gone), None)

    def drop_rows(self) -> None:
        """Each table row or table deleted whole: removed, or (tracked) its rows marked deleted
        (w:trPr/w:del), as Word writes a deleted row, so that Reject All brings it back."""
        rows = [(change, _row_of(paras)) for change, paras in self.gone_rows.items()]
        rows += [(change, tr) for table, change in self.gone_tables.items() for tr in table.findall(w("tr"))]
        for change, row in rows:
            self.marks.author, self.marks.date = self.who(change)
            if self.marks.tracked:
                row_properties(row).append(self.marks.mark("del"))
            elif row.getparent() is not None:
                row.getparent().remove(row)
        if not self.marks.tracked:
            for table in self.gone_tables:
                table.getparent().remove(table)


def _row_of(paras: list):
    """The table row (w:tr) that holds all of `paras` (the nearest: a row of a table in a cell
    is the inner table's when all are in it)."""
    row = paras[0].getparent()
    while row is not None and (row.tag != w("tr") or not all(_inside(p, row) for p in paras)):
        row = row.getparent()
    assert row is not None  # the texts of a row are in one w:tr
    return row


def _ancestors(el) -> list:
    """The tables around `el`, outermost first."""
    out: list = []
    while el is not None:
        if el.tag == w("tbl"):
            out.insert(0, el)
        el = el.getparent()
    return out


def _inside(el, ancestor) -> bool:
    while el is not None and el is not ancestor:
        el = el.getparent()
    return el is ancestor


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
    for i, node in enumerate(nodes):
        if node.unit is None or node.unit.pt is None:
            continue
        gone = all(g.op == DEL and g.change is not None and red.changes[g.change].what in ("section", "table", "row")
                   for g in node.segments) and not typed_over(red, node, nodes[i + 1] if i + 1 < len(nodes) else None)
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
    body = [n for n in olds if n.path[k + 1] != 0 and not _is_header(_tr_of(n))]  # row 0: the header row
    before = [n for n in body if n.path[k + 1] < r]
    found = before[-1] if before else next((n for n in body if n.path[k + 1] > r), None)
    row = _tr_of(found)
    if row is None:
        _refuse(writer, nodes[0], header_only=bool(olds) and not body)
    return row, bool(before)


def _tr_of(node: Any) -> Any:
    """The w:tr of a text of a table cell (None: not one)."""
    cell = node.unit.pt.p.getparent() if node is not None else None
    row = cell.getparent() if cell is not None and cell.tag == w("tc") else None
    return row if row is not None and row.tag == w("tr") else None


def _is_header(row: Any) -> bool:
    """A header row repeated at the top of each page (w:tblHeader): never the model of a body row."""
    trpr = row.find(w("trPr")) if row is not None else None
    flag = trpr.find(w("tblHeader")) if trpr is not None else None
    return flag is not None and flag.get(w("val"), "true") not in ("0", "false", "off")


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
    from .source_nodes import _node_at

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


def _refuse(writer: Any, node: Any, header_only: bool = False) -> None:
    am = writer.amendment(node.segments[0].change)
    text = excerpt(node.segments[0].text)
    said = msg("source.new_row_no_model", text=text, file=writer.name) if header_only \
        else msg("source.new_row", text=text, file=writer.name)
    raise UnreadableDocument(said,
                             source=getattr(am, "source", None), amendment=getattr(am, "label", None),
                             amendment_id=getattr(am, "id", None))
