"""Apply resolved edits to a program: check conflicts (amend.conflicts), then build the new tree.

Pure: no I/O. The base program is never changed (the model is frozen); the
result shares every part that no amendment touched.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import reduce
from typing import Any

from .address import Address
from .collector import paused
from .conflicts import conflict_between, find_conflicts, overlapping_pairs
from .errors import AmendErrors, FuzzyWarning, VersionMismatch
from .messages import msg
from .model import ListBlock, Patch, Program, Section, Source
from .resolve import Edit, Index, Resolution, resolve
from .text import splice
from .tree import Node, children, get_in, prune, update, with_children

# the conflict checks are named here too, beside the rest of applying a patch
__all__ = ["Step", "adopt", "apply_edits", "apply_patch", "apply_patches", "apply_steps", "check_chain",
           "check_versions", "conflict_between", "find_conflicts", "overlapping_pairs"]

# ---------------------------------------------------------------- applying


def apply_edits(program: Program, edits: list[Edit]) -> Program:
    """Build the program with every edit applied (edits must not conflict)."""
    sections = list(program.sections)
    order = {id(e): n for n, e in enumerate(edits)}  # file order
    _splice_texts(sections, edits, order)
    sections = reduce(_structural, _in_structural_order(edits, order), sections)
    return replace(program, sections=tuple(sections))


def _splice_texts(sections: list[Section], edits: list[Edit], order: dict[int, int]) -> None:
    """Each unit's text edits made at once, in place: by their offsets, then in file order."""
    for path, group in _text_edits_by_unit(edits).items():
        group.sort(key=lambda e: (e.start, e.end, order[id(e)]))
        update(sections, path, _splicing([(e.start, e.end, e.new) for e in group]))


def _text_edits_by_unit(edits: list[Edit]) -> dict[Address, list[Edit]]:
    by_unit: dict[Address, list[Edit]] = defaultdict(list)
    for e in edits:
        if e.action == "text":
            by_unit[e.path].append(e)
    return by_unit


def _in_structural_order(edits: list[Edit], order: dict[int, int]) -> list[Edit]:
    # Deepest containers first and higher indexes first, so that no change
    # moves the place of one still to come; at one index, deletions first,
    # then insertions in reverse file order (each lands before the last).
    return sorted((e for e in edits if e.action != "text"), key=lambda e: (
        -e.container.depth, e.container.sort_key(), -e.index, e.action != "delete_block", -order[id(e)]))


def _splicing(edits: list[tuple[int, int, str]]) -> Callable[[Node], Node]:
    return lambda node: _with_text(node, edits)


def _with_text(node: Node, edits: list[tuple[int, int, str]]) -> Node:
    text = node if isinstance(node, str) else node.text
    new = splice(text, edits)
    return new if isinstance(node, str) else replace(node, text=new)


def _structural(sections: list[Section], e: Edit) -> list[Section]:
    if e.action == "replace_blocks":
        return _blocks_replaced(sections, e)
    owner = e.container.owner
    kids: list[Any] = sections if owner.is_top else list(children(get_in(sections, owner)))
    _change_children(kids, e, inside=not owner.is_top)
    if owner.is_top:
        return kids
    update(sections, owner, lambda node: with_children(node, kids))
    return sections


def _blocks_replaced(sections: list[Section], e: Edit) -> list[Section]:
    s = e.container.section_index
    assert s is not None
    sections[s] = replace(sections[s], blocks=tuple(e.new))
    return sections


def _change_children(kids: list[Any], e: Edit, inside: bool) -> None:
    if e.action == "insert_block":
        kids.insert(e.index, e.new)
    else:
        _keep_page_break(kids, e.index, kids.pop(e.index), inside)


def _keep_page_break(kids: list[Any], index: int, gone: Any, inside: bool) -> None:
    """The block after a deleted one (inside a section) keeps the page break the deleted block carried."""
    page = getattr(gone, "page", None)
    if page and inside and index < len(kids) and not isinstance(kids[index], str) and kids[index].page is None:
        kids[index] = replace(kids[index], page=page)


def _prune(program: Program, kept: Sequence[Section] = ()) -> Program:
    """Drop lists left empty by delete_item: no empty list survives in the output (`kept`: sections
    of a version amend made, which hold no empty list)."""
    return prune(program, lambda b: isinstance(b, ListBlock) and not b.items, kept)


# ---------------------------------------------------------------- one patch


# Version identity. A version of a program is named by the program's `version`
# and by each patch's `produces`; a patch is worded against its `base` version.
# So patches chain base → produces, and a chain must never name one version twice:
# that would apply amendments to their own result ("och polisen och polisen").


def check_versions(program: Program, patch: Patch) -> None:
    """`patch` applies to `program`: the same program, the version it is worded
    against, and it produces a new version."""
    if patch.program != program.meta.id:
        raise VersionMismatch(msg("core.wrong_program", wanted=patch.program, program=program.meta.id,
                                  source=program.source or msg("core.the_program_given")), source=patch.source)
    if patch.base != program.meta.version:
        raise VersionMismatch(msg("core.wrong_base", base=patch.base, version=program.meta.version),
                              source=patch.source)
    _check_new_version(patch)


def _check_new_version(patch: Patch) -> None:
    if patch.produces == patch.base:
        raise VersionMismatch(msg("core.same_version", version=patch.produces), source=patch.source)


_NOWHERE = Source("", 0)


def _content(patch: Patch) -> Patch:
    """The patch without where it was written: two files with the same decision are one patch."""
    return replace(patch, amendments=tuple(replace(am, source=_NOWHERE, key_lines=()) for am in patch.amendments))


def check_chain(program: Program, patches: Sequence[Patch]) -> None:
    """Patches given in order form one chain of versions: each is worded against
    the version the one before produced (the first: the program's), each produces
    a new version, none is given twice, and no version comes round again.
    Checked before anything is resolved."""
    made: dict[str, Patch | None] = {program.meta.version: None}  # version → the patch producing it
    for n, patch in enumerate(patches):
        _not_given_twice(patch, patches[:n])
        if n == 0:
            check_versions(program, patch)
        else:
            _follows(patches[n - 1], patch)
        _no_circle(made, patch)
        made[patch.produces] = patch


def _not_given_twice(patch: Patch, earlier: Sequence[Patch]) -> None:
    twin = next((p for p in earlier if _content(p) == _content(patch)), None)
    if twin is not None:
        raise VersionMismatch(msg("core.same_patch", twin=twin.source or msg("core.one_given_before")),
                              source=patch.source)


def _follows(previous: Patch, patch: Patch) -> None:
    """`patch` is worded against the version `previous` produced, of the same program."""
    if patch.program != previous.program:
        raise VersionMismatch(msg("core.chain_program", wanted=patch.program, previous=previous.source,
                                  other=previous.program), source=patch.source)
    if patch.base != previous.produces:
        raise VersionMismatch(msg("core.chain_base", base=patch.base, previous=previous.source,
                                  produces=previous.produces), source=patch.source)
    _check_new_version(patch)


def _no_circle(made: dict[str, Patch | None], patch: Patch) -> None:
    """The version `patch` produces is not one the chain has already made (None: the program's own)."""
    if patch.produces in made:
        maker = made[patch.produces]
        earlier = msg("core.own_version") if maker is None else msg("core.produced_before", source=maker.source)
        circle = " → ".join([*made, patch.produces])
        raise VersionMismatch(msg("core.version_circle", version=patch.produces, earlier=earlier, circle=circle),
                              source=patch.source)


def apply_patch(program: Program, patch: Patch, fuzzy: float | None = None,
                index: Index | None = None, made: bool = False) -> tuple[Program, Resolution]:
    """Resolve all amendments against the same base, check conflicts, apply (`made`: `program` is
    a version amend made, so the sections the edits leave need no pruning)."""
    check_versions(program, patch)
    with paused():  # resolving and applying make no reference cycles (amend.collector)
        resolution = resolve(program, patch, fuzzy=fuzzy, index=index)
        conflicts = find_conflicts(resolution.edits)
        if conflicts:
            raise AmendErrors.of(conflicts)
        return adopt(program, patch, resolution.edits, made), resolution


def adopt(program: Program, patch: Patch, edits: list[Edit], made: bool = False) -> Program:
    """The version `patch` produces from resolved, conflict-free `edits`."""
    adopted = _prune(apply_edits(program, edits), program.sections if made else ())
    meta = replace(adopted.meta, version=patch.produces,
                   decisions=adopted.meta.decisions + (patch.decision,),
                   date=patch.decision.date, status=patch.status)
    return replace(adopted, meta=meta, source=None)


@dataclass(frozen=True)
class Step:
    """One patch applied: the program before, the resolved edits, the program after.
    (`before`, not `base`: a patch's `base` is the version it is worded against, a string.)"""

    before: Program
    patch: Patch
    resolution: Resolution
    result: Program


def apply_steps(program: Program, patches: Iterable[Patch], fuzzy: float | None = None) -> list[Step]:
    """Apply patches in order, each against the result of the one before; keep every step
    (the redline attributes each change to an amendment through its step's edits)."""
    patches = list(patches)
    check_chain(program, patches)
    steps: list[Step] = []
    index: Index | None = None
    for patch in patches:
        check_versions(program, patch)  # before indexing: a wrong base is told as such
        index = Index(program, previous=index)  # the sections a decision left are not walked again
        result, resolution = apply_patch(program, patch, fuzzy=fuzzy, index=index, made=bool(steps))
        steps.append(Step(program, patch, resolution, result))
        program = result
    return steps


def apply_patches(program: Program, patches: Iterable[Patch],
                  fuzzy: float | None = None) -> tuple[Program, list[FuzzyWarning]]:
    """Apply patches in order, each against the result of the one before."""
    steps = apply_steps(program, patches, fuzzy=fuzzy)
    return (steps[-1].result if steps else program), [w for s in steps for w in s.resolution.warnings]


