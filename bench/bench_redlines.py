"""Does the redline mark what the amendments changed, and nothing else — beside python-redlines?

On the bench pair of bench/bench_apply.py (a generated 300-page program and a patch of 1,000
amendments of every operation) this counts, in characters:

  own edits    what the amendments themselves change, as worded: for a text edit the
               characters it deletes and inserts (a replace: its old and its new text whole),
               for a block it adds or deletes (item, paragraph, section, row) all of its text.
               A redline that marks exactly the amendments' edits marks this much; a comparer
               can mark a little less by keeping letters an old and a new text share
               ("polisen" → "polisen och räddningstjänsten")
  amend        what amend's redline DOCX marks inserted or deleted (w:ins / w:del text)
  python-redlines  what its Docxodus and Open-XML-PowerTools engines mark comparing the
               proposal's and the adopted DOCX as amend renders them: inserted, deleted or
               moved (w:moveFrom / w:moveTo text, struck where it was and underlined where it
               went; "moved" says how much of it; before December 2026 it was not counted, and
               amend_chars_per_ins_del is amend's characters per the engine's without it)

and the wall time of each (amend: structural diff + DOCX; best of --runs). Written to
bench/results-redlines.json with --save.

    pip install 'python-redlines[docxodus,ooxmlpowertools]'   # or: pip install -e '.[bench]'
    python bench/bench_redlines.py [--pages 300] [--changes 1000] [--runs 3] [--rewrite random,realistic] [--save]

Two pairs, each its own rows: the bench pair, whose new texts (a replace's, a section's text
replaced whole) are random sentences unrelated to what they replace, so that anything a comparer
keeps there is chance; and the same program with realistic rewrites (bench/generate.py,
`rewrite="realistic"`): a section's text mostly kept with some sentences edited, a replace
keeping some of the words it replaces.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_apply import write_inputs  # noqa: E402
from bench_redline import _python_redlines, best, marks  # noqa: E402  (timing and counting shared with it)

from amend.apply import apply_steps  # noqa: E402
from amend.load import load_patch, load_program  # noqa: E402
from amend.output import build_time  # noqa: E402
from amend.redline import redline  # noqa: E402
from amend.render.docx import render_docx  # noqa: E402
from amend.render.redline_docx import render_redline_docx  # noqa: E402
from amend.tree import children, get_in  # noqa: E402

NOT_TEXT = {"page", "level", "id", "ordered", "source", "kind"}  # fields of blocks that are no printed text


def chars(node: Any) -> int:
    """Characters of printed text in a block, item, section or string."""
    if isinstance(node, str):
        return len(node)
    if isinstance(node, (tuple, list)):
        return sum(chars(x) for x in node)
    if dataclasses.is_dataclass(node):
        return sum(chars(getattr(node, f.name)) for f in dataclasses.fields(node) if f.name not in NOT_TEXT)
    return 0


def own_edit_chars(step) -> tuple[int, int]:
    """(characters deleted, characters inserted) by the amendments' own edits."""
    deleted = inserted = 0
    for e in step.resolution.edits:
        if e.action == "text":
            deleted += e.end - e.start
            inserted += len(e.new)
        elif e.action == "insert_block":
            inserted += chars(e.new)
        elif e.action == "delete_block":  # what amend.apply deletes: child `index` of the container's owner
            owner = e.container.owner
            kids = step.before.sections if owner.is_top else children(get_in(step.before.sections, owner))
            deleted += chars(kids[e.index])
        elif e.action == "replace_blocks":
            deleted += chars(get_in(step.before.sections, e.container).blocks)
            inserted += chars(e.new)
    return deleted, inserted


PAIRS = {"random": "the bench pair (new texts random, unrelated to what they replace)",
         "realistic": "realistic rewrites (a section's text mostly kept, sentences edited; replaces keep words)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--save", action="store_true", help="write bench/results-redlines.json")
    ap.add_argument("--engines", default="Docxodus,XmlPowerTools",
                    help="python-redlines engines to run (each takes minutes at 300 pages)")
    ap.add_argument("--rewrite", default="random,realistic", help="the pairs to measure: " + ", ".join(PAIRS))
    args = ap.parse_args()
    pairs = []
    for rewrite in args.rewrite.split(","):
        pages, amendments, rows = _pair(args, rewrite)
        print(f"\n{PAIRS[rewrite]}")
        _print(rows, amendments, pages)
        pairs.append({"rewrite": rewrite, "pair": PAIRS[rewrite], "rows": rows})
    if args.save:
        (HERE / "results-redlines.json").write_text(json.dumps(
            {"pages": pages, "amendments": amendments, "pairs": pairs}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")


def _pair(args: argparse.Namespace, rewrite: str) -> tuple[int, int, list[dict[str, Any]]]:
    """(pages, amendments, rows) of one generated pair: the own edits, amend, each engine."""
    with tempfile.TemporaryDirectory() as tmp:
        program_file, patch_file = write_inputs(args.pages, args.changes, Path(tmp), rewrite)
        program, patch = load_program(program_file), load_patch(patch_file)
    steps = apply_steps(program, [patch])
    deleted, inserted = own_edit_chars(steps[0])
    when = build_time(steps[-1].result.meta.date)
    t_diff, red = best(lambda: redline(steps), args.runs)
    t_docx, ours = best(lambda: render_redline_docx(red, when), args.runs)
    amend = {"name": "amend (diff + DOCX)", "seconds": round(t_diff + t_docx, 3), **_marks(ours)}
    rows: list[dict[str, Any]] = [
        {"name": "the amendments' own edits", "chars": deleted + inserted, "deleted": deleted, "inserted": inserted},
        amend]
    engines = tuple(args.engines.split(","))
    for name, seconds, counts in _python_redlines(render_docx(program, when), render_docx(steps[-1].result, when),
                                                  engines, args.runs):
        rows.append(_engine_row(name, seconds, counts, amend))
    return program.page_count, len(patch.amendments), rows


def _engine_row(name: str, seconds: float | None, counts: Any, amend: dict[str, Any]) -> dict[str, Any]:
    """An engine's row, with amend's characters marked per its and its seconds per amend's."""
    if not seconds:
        return {"name": name, "error": counts}
    row = {"name": name, "seconds": round(seconds, 3), **_marks_of(counts)}
    return {**row, "amend_chars_per_its": round(amend["chars"] / row["chars"], 4),
            "amend_chars_per_ins_del": round(amend["chars"] / (row["chars"] - row["moved"]), 4),
            "its_seconds_per_amend": round(seconds / amend["seconds"], 1)}


def _marks(docx: bytes) -> dict[str, int]:
    return _marks_of(marks(docx))


def _marks_of(counts: tuple[int, int, int]) -> dict[str, int]:
    """revisions, characters marked (inserted, deleted or moved), and of them moved."""
    return {"revisions": counts[0], "chars": counts[1] + counts[2], "moved": counts[2]}


def _print(rows: list[dict[str, Any]], amendments: int, pages: int) -> None:
    print(f"{pages} pages, {amendments} amendments")
    print(f"{'':48} {'seconds':>8} {'revisions':>9} {'chars marked':>12} {'of them moved':>13} {'× own edits':>11}")
    own = rows[0]["chars"]
    for r in rows:
        if "error" in r:
            print(f"{r['name']:48} {r['error']}")
            continue
        print(f"{r['name']:48} {r.get('seconds', ''):>8} {r.get('revisions', ''):>9} {r['chars']:>12} "
              f"{r.get('moved', ''):>13} {r['chars'] / own:>11.3f}")
    ours = rows[1]["seconds"]
    for r in rows[2:]:
        if "seconds" in r:
            print(f"{r['name']}: amend marks {rows[1]['chars'] / r['chars']:.3f}× its characters "
                  f"({rows[1]['chars'] / (r['chars'] - r['moved']):.3f}× those it marks inserted or deleted, "
                  f"moves left out) in 1/{r['seconds'] / ours:.1f} of its time")


if __name__ == "__main__":
    main()
