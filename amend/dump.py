"""Model → YAML text, in the same format (and schema) the loader reads.

The output is stable: same program, same bytes. A paragraph without a page
is written as a plain string, as a person would write it.

The first line names the schema for editors (yaml-language-server). It is the
same fixed path wherever the file is written and however amend is installed,
so the bytes depend on nothing but the program: the path from where the
repository layout keeps the file (programs/, build/ or an output folder beside
them; amendments/<program-id>/) to the repository's schemas/.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from .collector import without_collection
from .model import Columns, Decision, ListBlock, Meta, Paragraph, Program, Section, SourceFile, Table

PROGRAM_SCHEMA = "../schemas/program.schema.json"  # from programs/ID.yaml, build/ID.VERSION.yaml
PATCH_SCHEMA = "../../schemas/patch.schema.json"  # from amendments/ID/DECISION.yaml


def program_to_data(program: Program) -> dict:
    out: dict[str, object] = {"program": _meta_data(program.meta)}
    if program.source_file is not None:
        out["source"] = _source_data(program.source_file)
    return {**out, "sections": [_section_data(s) for s in program.sections]}


# The title block's fields written when set, in the order a program file has them.
_META_KEYS = ("subtitle", "organisation", "language", "version", "date", "status")


def _meta_data(m: Meta) -> dict[str, object]:
    meta: dict[str, object] = {"id": m.id, "title": m.title}
    meta.update((key, getattr(m, key)) for key in _META_KEYS if getattr(m, key) is not None)
    if m.decisions:
        meta["decisions"] = [decision_to_data(d) for d in m.decisions]
    return meta


def _section_data(s: Section) -> dict[str, object]:
    return {"heading": s.heading, "level": s.level, "page": s.page, "content": blocks_to_data(s.blocks)}


def _source_data(f: SourceFile) -> dict[str, object]:
    """The Word file a program was imported from: which file, and where its texts are in it."""
    source: dict[str, object] = {"file": f.file, "size": f.size, "sha256": f.sha256}
    if f.places is not None:
        source["places"] = f.places
    if f.unsure:
        source["unsure"] = [{"kind": u.kind, "text": u.text, "page": u.page, **({"last": u.last} if u.last else {})}
                            for u in f.unsure]
    return source


def decision_to_data(d: Decision) -> dict:
    given = {"paragraph": d.paragraph, "case": d.case, "proposes_to": d.proposes_to, "in_force": d.in_force}
    return {"body": d.body, "date": d.date, **{k: v for k, v in given.items() if v},
            **({"order": d.order} if d.order is not None else {})}


def blocks_to_data(blocks) -> list:
    return [_block(b) for b in blocks]


def _block(b):
    out = _block_data(b)
    if b.page is not None:
        out["page"] = b.page
    return out


def _block_data(b) -> Any:
    if isinstance(b, Paragraph):
        return b.text if b.page is None else {"paragraph": b.text}
    if isinstance(b, ListBlock):
        return {"numbered" if b.ordered else "bullets": list(b.items)}
    if isinstance(b, Table):
        rows = [_row(r, page) for r, page in zip(b.rows, b.row_pages or (None,) * len(b.rows))]
        return {"table": {"header": [_cell(c) for c in b.header], "rows": rows} if b.header else {"rows": rows}}
    if isinstance(b, Columns):
        return {"columns": [{**({"heading": c.heading} if c.heading else {}), "content": blocks_to_data(c.blocks)}
                            for c in b.columns]}
    raise TypeError(type(b).__name__)


def _row(row, page: int | None):
    """A row as its cells; one that starts a new page of the table as {cells, page}."""
    cells = [_cell(c) for c in row]
    return cells if page is None else {"cells": cells, "page": page}


def _cell(cell):
    if not cell.blocks:
        return ""
    if len(cell.blocks) == 1 and isinstance(cell.blocks[0], Paragraph) and cell.blocks[0].page is None:
        return cell.blocks[0].text
    return blocks_to_data(cell.blocks)


# libyaml's emitter (CSafeDumper) writes a long program ten times faster than
# PyYAML's, and the same bytes for the same data — except where the two judge
# a character differently (which may be printed as is, where a text must be
# quoted or escaped: tabs, line and paragraph separators, U+FEFF, characters
# beyond U+FFFF, …). So an output holding any character outside this set, or a
# backslash (an escape, or a text that has one), is written again by PyYAML.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", None)
_SAME_IN_BOTH = re.compile(r"[^\n\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")


def _dump(data: object, dumper: type) -> str:
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000,
                     default_flow_style=False, indent=2)


@without_collection  # its nodes make no reference cycles (amend.collector): half the time of a long program
def dump_program(program: Program, schema_ref: str = PROGRAM_SCHEMA) -> str:
    data = program_to_data(program)
    body = _dump(data, _FAST_DUMPER) if _FAST_DUMPER is not None else None
    if body is None or _SAME_IN_BOTH.search(body):
        body = _dump(data, yaml.SafeDumper)
    return f"# yaml-language-server: $schema={schema_ref}\n{body}"


# ---------------------------------------------------------------- patches


def amendment_to_data(am) -> dict:
    """One amendment as written in a patch file (the inverse of load._op_value)."""
    out = {"id": am.id, **_given(am, ("title", "text"))}
    scope = {k: v for k, v in am.scope.__dict__.items() if v is not None}
    if scope:
        out["at"] = scope
    # where before what: "after: …" then "insert: …"
    out |= _given(am, ("after", "before", "position", "after_item", "after_section"))
    out[am.op] = _value_data(am)
    if am.with_ is not None:
        out["with"] = am.with_
    return out


def _given(am, keys: tuple[str, ...]) -> dict:
    """The amendment's fields of `keys` that are set, in that order."""
    return {key: getattr(am, key) for key in keys if getattr(am, key) is not None}


def _value_data(am) -> Any:
    """What the amendment's operation takes: a section, blocks or its plain value."""
    value = am.value
    if isinstance(value, Section):
        return {"heading": value.heading, **({"level": value.level} if value.level else {}),
                **({"content": blocks_to_data(value.blocks)} if value.blocks else {})}
    return blocks_to_data(value) if am.op == "replace_section_text" else value


def patch_to_data(patch) -> dict:
    return {"program": patch.program, "base": patch.base, "produces": patch.produces, **_patch_state(patch),
            "decision": decision_to_data(patch.decision),
            "amendments": [amendment_to_data(a) for a in patch.amendments]}


def _patch_state(patch) -> dict:
    """The patch's status, an outcome other than adopted, and the lines extract could not read: each when there."""
    incomplete = [{"line": line, "text": text} for line, text in patch.incomplete]
    return {**({"status": patch.status} if patch.status else {}),
            **({"outcome": patch.outcome} if patch.outcome != "adopted" else {}),
            **({"incomplete": incomplete} if incomplete else {})}


class _Flow(dict):
    """A mapping written on one line: at: {page: 6, heading: Samverkan}."""


class _PatchDumper(yaml.SafeDumper):
    pass


_PatchDumper.add_representer(_Flow, lambda d, m: d.represent_mapping("tag:yaml.org,2002:map", m, flow_style=True))


def dump_patch(patch, schema_ref: str = PATCH_SCHEMA, comments: tuple = ()) -> str:
    """Patch → YAML in the layout of the hand-written examples; `comments` go on
    top as '# ' lines (what a person must know about the file)."""
    data = patch_to_data(patch)
    amendments = data.pop("amendments")
    for am in amendments:
        if "at" in am:
            am["at"] = _Flow(am["at"])
    dump = lambda d: yaml.dump(d, Dumper=_PatchDumper, allow_unicode=True, sort_keys=False,  # noqa: E731
                               width=100, default_flow_style=False, indent=2)
    items = "\n".join(dump([am]) for am in amendments)
    body = dump(data) + ("amendments:\n" + items if amendments else "amendments: []\n")
    head = "".join(f"# {line}".rstrip() + "\n" for c in comments for line in c.splitlines())
    return f"# yaml-language-server: $schema={schema_ref}\n{head}{body}"
