"""The texts of a redline's merged program as the in-place writer walks them (source_edit.py):
each with its segments, its kind (heading of a level, list item, paragraph), its container
(section body, table cell, column) and, for a text of the base program, where it is in the file."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diff import DEL, INS, Redline, walk
from ..errors import UnreadableDocument
from ..messages import msg
from .source_runs import Unit


def _kind(red: Redline, path: tuple) -> tuple:
    """What a text is, for choosing the paragraph a new one copies: heading of a level, list item, paragraph."""
    if path[0] == "h":
        return ("heading", red.merged.sections[path[1]].level)
    if path[-1] == "heading":
        return ("column heading",)
    if len(path) >= 2 and path[-2] == "item":  # a numbered item never copies a bullet's numbering, nor back
        return ("item", getattr(_node_at(red.merged, path[:-2]), "ordered", None))
    return ("paragraph",)


def _node_at(program, path: tuple):
    """The block (or section) at a path of amend.diff.walk."""
    from ..diff import rows

    node, rest = program.sections[path[0]], path[1:]
    while rest:
        if rest[0] == "row":
            node, rest = dict(rows(node))[rest[1]][rest[2]], rest[3:]
        elif rest[0] == "col":
            node, rest = node.columns[rest[1]], rest[2:]
        else:
            node, rest = node.blocks[rest[0]], rest[1:]
    return node


def _container(path: tuple) -> tuple:
    """The section body, table cell or column a text is in (texts of one container are siblings)."""
    if path[0] == "h":
        return ("body",)
    p = path[:-1] if path[-1] == "heading" else path
    if len(p) >= 2 and p[-2] == "item":
        p = p[:-2]
    p = p if path[-1] == "heading" else p[:-1]
    return ("body",) if len(p) == 1 else p


def _block(path: tuple) -> tuple:
    """The list a list item is in; a paragraph's container."""
    return path[:-2] if len(path) >= 2 and path[-2] == "item" else _container(path)


@dataclass
class Node:
    path: tuple
    segments: tuple
    kind: tuple
    container: tuple
    unit: Unit | None  # None: a text the amendments added
    p: Any = None  # the paragraph it is in, once placed


def merged_nodes(red: Redline, units: list[Unit], name: str) -> list[Node]:
    nodes, olds = [], iter(units)
    for s, sec in enumerate(red.merged.sections):
        for path, text in walk(sec, (s,)):
            if text is None:
                continue
            segs = red.segments[path]
            unit = None
            if any(g.op != INS for g in segs):
                unit = next(olds, None)
                if unit is None or unit.text != "".join(g.text for g in segs if g.op != INS):
                    raise UnreadableDocument(msg("source.lost_track", file=name))
            p = unit.pt.p if unit and unit.pt else None
            nodes.append(Node(path, segs, _kind(red, path), _container(path), unit, p))
    return nodes


def typed_over(red: Redline, node: Node, nxt: Node | None) -> bool:
    """Is `node` a table cell's (or column's) paragraph whose whole text the amendments replace by
    other words, `nxt` the new text (the diff: the old text deleted, one of its kind added right
    after it)? It is edited in that paragraph, as Word does when the text is typed over (review 8, #6)."""
    unit = node.unit
    if unit is None or unit.pt is None or not unit.alone or node.container == ("body",) or nxt is None:
        return False
    change = nxt.segments[0].change
    return (nxt.unit is None and nxt.container == node.container and nxt.kind == node.kind
            and _block(nxt.path) == _block(node.path) and all(g.op == DEL for g in node.segments)
            and [g.op for g in nxt.segments] == [INS] and change is not None and red.changes[change].what != "row")
