"""How fast is the redline of a large decision, beside what a user would reach for instead?

The program and patch are those of bench/bench_apply.py (bench/generate.py): a
300-page program with chapters, lists, tables and three-column layouts, and a
patch of 1,000 amendments of every operation, each placed so that it applies
as worded. Timed on the same pair, in one run:

  amend        the redline (structural diff + attribution), its DOCX and its HTML page
  python-redlines  the DOCX comparers (Docxodus, Open-XML-PowerTools) on the proposed
               and adopted DOCX, as amend renders them (best of two runs; amend's: of --runs)
  redlines     the `redlines` text differ on the plain text of both versions
  difflib      SequenceMatcher over the words, and unified_diff / ndiff over the paragraphs

and, for the DOCX outputs, how much text each marks as changed: a finer redline
marks less (amend marks the changed words only).

    pip install -e '.[bench]'
    python bench/bench_redline.py [--pages 300] [--changes 1000] [--limit 120] [--skip-others]

The text-only differs run in a child process and are stopped after --limit
seconds (difflib's SequenceMatcher over all the words of 300 pages does not
finish in minutes).
"""
from __future__ import annotations

import argparse
import difflib
import io
import multiprocessing
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_apply import write_inputs  # noqa: E402  (the generated program and patch, as YAML files)

from amend.apply import apply_steps  # noqa: E402
from amend.load import load_patch, load_program  # noqa: E402
from amend.model import Program  # noqa: E402
from amend.output import build_time  # noqa: E402
from amend.redline import redline  # noqa: E402
from amend.render.docx import render_docx  # noqa: E402
from amend.render.redline_docx import render_redline_docx  # noqa: E402
from amend.render.redline_html import render_redline_html  # noqa: E402
from amend.tree import iter_units  # noqa: E402

# ---------------------------------------------------------------- measuring


def best(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def limited(fn, limit: float):
    """Seconds fn takes in a child process, or None when it runs over `limit`."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()

    def run():
        t = time.perf_counter()
        fn()
        queue.put(time.perf_counter() - t)

    child = ctx.Process(target=run)
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get()


def marked(docx: bytes) -> tuple[int, int]:
    """(revisions, characters marked inserted, deleted or moved) in a DOCX: a text counts when
    a w:ins, w:del, w:moveFrom or w:moveTo wraps it. Moved text is marked text: Word strikes it
    where it was and underlines it where it went (double, in green), and Accept All and Reject
    All act on it as on a deletion and an insertion (Docxodus shows a paragraph edited and
    shifted as moved; counting only w:ins and w:del, its marks there were left out)."""
    revisions, ins_del, moved = marks(docx)
    return revisions, ins_del + moved


def marks(docx: bytes) -> tuple[int, int, int]:
    """(revisions, characters inside w:ins or w:del, characters inside w:moveFrom or w:moveTo)."""
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    counts = {"ins": 0, "del": 0, "moveFrom": 0, "moveTo": 0}
    # a wrapper <w:ins ...>…</w:ins>, not a self-closing mark (<w:ins .../> on a paragraph mark or a
    # table row): matched as an opening tag, it ran on over unmarked text to the next </w:ins>
    for m in re.finditer(r"<w:(ins|del|moveFrom|moveTo)\b[^>]*(?<!/)>(.*?)</w:\1>", xml, re.S):
        counts[m.group(1)] += sum(len(t) for t in re.findall(r"<w:(?:t|delText)\b[^>]*>([^<]*)<", m.group(2)))
    revisions = len(re.findall(r"<w:(?:ins|del|moveFrom|moveTo)\b", xml))
    return revisions, counts["ins"] + counts["del"], counts["moveFrom"] + counts["moveTo"]


def plain(program: Program) -> str:
    return "\n".join(u.text for u in iter_units(program))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3, help="runs of amend's own steps (the best is shown)")
    ap.add_argument("--limit", type=float, default=120, help="seconds after which a text differ is stopped")
    ap.add_argument("--skip-others", action="store_true", help="time amend only")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        program_file, patch_file = write_inputs(args.pages, args.changes, Path(tmp))
        program, patch = load_program(program_file), load_patch(patch_file)
    n_units = sum(1 for _ in iter_units(program))
    n_words = len(plain(program).split())
    print(f"program: {program.page_count} pages, {len(program.sections)} sections, {n_units} paragraphs and items, "
          f"{n_words} words; patch: {len(patch.amendments)} amendments", flush=True)

    rows = []
    t_apply, steps = best(lambda: apply_steps(program, [patch]), args.runs)
    adopted = steps[-1].result
    t_diff, red = best(lambda: redline(steps), args.runs)
    when = build_time(adopted.meta.date)
    t_docx, ours = best(lambda: render_redline_docx(red, when), args.runs)
    t_html, page = best(lambda: render_redline_html(red, [patch]), args.runs)
    print(f"amend: {len(red.changes)} changes; HTML {len(page) // 1024} KB", flush=True)
    rows.append(("amend apply (resolve + apply, for reference)", t_apply, None))
    rows.append(("amend redline: structural diff + attribution", t_diff, None))
    rows.append(("amend redline: tracked-changes DOCX", t_docx, marks(ours)))
    rows.append(("amend redline: HTML page", t_html, None))
    rows.append(("amend redline: diff + DOCX (like for like)", t_diff + t_docx, None))
    rows.append(("amend redline: diff + DOCX + HTML", t_diff + t_docx + t_html, None))

    if not args.skip_others:
        old_docx, new_docx = render_docx(program, when), render_docx(adopted, when)
        rows.extend(_python_redlines(old_docx, new_docx))
        old_text, new_text = plain(program), plain(adopted)
        a, b = re.findall(r"\w+|\W", old_text), re.findall(r"\w+|\W", new_text)
        for name, fn in (("redlines (text only)", lambda: _redlines(old_text, new_text)),
                         ("difflib.SequenceMatcher over words (text only)",
                          lambda: difflib.SequenceMatcher(None, a, b).get_opcodes()),
                         ("difflib.unified_diff over paragraphs (text only)",
                          lambda: list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines()))),
                         ("difflib.ndiff over paragraphs (text only)",
                          lambda: list(difflib.ndiff(old_text.splitlines(), new_text.splitlines())))):
            t = limited(fn, args.limit)
            rows.append((name, t, None) if t is not None else (name, None, f"stopped after {args.limit:.0f} s"))

    print(f"\n{'':52} {'seconds':>8}  {'revisions':>9}  {'chars marked':>12}")
    for name, seconds, counts in rows:
        if seconds is None:
            print(f"{name:52} {'—':>8}  {counts}")
            continue
        revs, chars = (counts[0], sum(counts[1:])) if counts else ("", "")  # moved text counted as marked
        print(f"{name:52} {seconds:8.2f}  {revs:>9}  {chars:>12}")
    ours = t_diff + t_docx
    for name, seconds, _ in rows:
        if name.startswith("python-redlines") and seconds:
            print(f"{name}: {seconds / ours:.1f}× the time of amend's diff + DOCX")


def _python_redlines(old_docx: bytes, new_docx: bytes, engines: tuple[str, ...] = ("Docxodus", "XmlPowerTools"),
                     runs: int = 2) -> list:
    try:
        from python_redlines.engines import DocxodusEngine, XmlPowerToolsEngine
    except ImportError:
        return [("python-redlines: not installed (pip install '.[bench]')", None, "")]
    import warnings

    rows = []
    for engine in (e for e in (DocxodusEngine, XmlPowerToolsEngine) if e.__name__.removesuffix("Engine") in engines):
        name = f"python-redlines {engine.__name__} (DOCX)"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                runner = engine()
            t, (out, _, _) = best(lambda runner=runner: runner.run_redline("Kommunfullmäktige", old_docx, new_docx),
                                 runs)
            rows.append((name, t, marks(out)))
        except Exception as exc:  # no binary for this platform, no .NET, ...: say so
            rows.append((name, None, f"could not run: {type(exc).__name__}: {str(exc)[:120]}"))
    return rows


def _redlines(old_text: str, new_text: str) -> None:
    from redlines import Redlines  # the bench extra

    _ = Redlines(old_text, new_text, markdown_style="none").output_markdown  # the property does the work


if __name__ == "__main__":
    main()
