"""How fast is the redline of a large decision, beside what a user would reach for instead?

A generated 300-page program and a patch of 1,000 amendments (insertions,
replacements, deletions, added items and paragraphs, deleted paragraphs), each
anchored so that it applies as worded. Timed on the same pair, in one run:

  amend        the redline (structural diff + attribution), its DOCX and its HTML page
  python-redlines  the DOCX comparers (Docxodus, Open-XML-PowerTools) on the proposed
               and adopted DOCX, as amend renders them
  redlines     the `redlines` text differ on the plain text of both versions
  difflib      SequenceMatcher over the words, and unified_diff over the paragraphs

and, for the DOCX outputs, how much text each marks as changed: a finer redline
marks less (amend marks the changed words only).

    pip install -e '.[bench]'
    python bench/bench_redline.py [--pages 300] [--changes 1000] [--seed 1] [--limit 120] [--skip-others]

The text-only differs run in a child process and are stopped after --limit
seconds (difflib's SequenceMatcher over all the words of 300 pages does not
finish in minutes).
"""
from __future__ import annotations

import argparse
import difflib
import io
import multiprocessing
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amend.apply import apply_steps  # noqa: E402
from amend.load import load_patch  # noqa: E402
from amend.model import Column, Columns, ListBlock, Meta, Paragraph, Program, Section  # noqa: E402
from amend.output import build_time  # noqa: E402
from amend.redline import redline  # noqa: E402
from amend.render.docx import render_docx  # noqa: E402
from amend.render.redline_docx import render_redline_docx  # noqa: E402
from amend.render.redline_html import render_redline_html  # noqa: E402
from amend.text import find_all, fold  # noqa: E402
from amend.tree import iter_units  # noqa: E402

WORDS = """kommunen förvaltningen nämnden arbetet insatser stöd samverkan barn unga vuxna äldre medarbetare
chefer verksamheten ansvar uppdrag kunskap kompetens utbildning rutiner metoder uppföljning analys trygghet
hälsa våld förebyggande tidiga signaler skolan socialtjänsten polisen regionen civilsamhället föreningar
familjer invånare personal ledning resurser budget plan riktlinjer mål indikatorer resultat kvalitet dialog
information samordning nätverk forskning erfarenheter behov risker skydd omsorg boende fritid kultur
jämställdhet delaktighet tillgänglighet långsiktigt systematiskt gemensamt tydligt särskilt aktivt regelbundet
ska bör kan behöver utvecklar stärker följer prioriterar erbjuder genomför ansvarar bidrar redovisar""".split()
GLUE = "och i för med av om till på som att under inom mellan genom samt".split()
HEADINGS = ["Inledning", "Syfte", "Mål", "Ansvar", "Samverkan", "Insatser", "Uppföljning", "Kunskap", "Stöd",
            "Rutiner", "Dialog", "Resurser", "Utbildning", "Analys", "Prioriteringar", "Genomförande"]


# ---------------------------------------------------------------- the program


def _sentence(rng, lo=8, hi=16) -> str:
    words = [rng.choice(GLUE) if k and rng.random() < 0.3 else rng.choice(WORDS) for k in range(rng.randint(lo, hi))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def make_program(pages: int, rng: random.Random) -> Program:
    """Four to seven blocks a page, some 300 words: paragraphs, lists, now and
    then a three-column layout; some sections run over a page break."""
    sections: list[Section] = []
    chapter = 0
    for page in range(2, pages + 1):
        blocks = []
        for k in range(rng.randint(4, 7)):
            kind = rng.choices(["p", "list", "columns"], weights=[75, 20, 5])[0]
            if kind == "p":
                block = Paragraph(_paragraph(rng))
            elif kind == "list":
                block = ListBlock(tuple(_sentence(rng, 4, 9) for _ in range(rng.randint(3, 6))), rng.random() < 0.3)
            else:
                block = Columns(tuple(Column(h, (Paragraph(_sentence(rng)), ListBlock((_sentence(rng, 4, 8),) * 1)))
                                      for h in ("Chefer", "Medarbetare", "Förtroendevalda")))
            if k == 0 and sections and rng.random() < 0.5:
                block = _with_page(block, page)  # the section before runs over the page break
                sections[-1] = Section(sections[-1].heading, sections[-1].level, sections[-1].page,
                                       sections[-1].blocks + (block,))
                continue
            if k == 0 or rng.random() < 0.1:
                chapter += 1
                level = 1 if chapter % 4 == 1 else 2
                heading = f"{chapter} {rng.choice(HEADINGS)}"
                sections.append(Section(heading, level, page, (block,)))
            else:
                sections[-1] = Section(sections[-1].heading, sections[-1].level, sections[-1].page,
                                       sections[-1].blocks + (block,))
    meta = Meta("bench-program", "Program för benchmark", "proposed", organisation="Exempel kommun",
                date="2025-03-18", status="Förslag")
    return Program(meta, tuple(sections))


def _with_page(block, page):
    from dataclasses import replace

    return replace(block, page=page)


# ---------------------------------------------------------------- the patch


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_patch(program: Program, n: int, rng: random.Random) -> str:
    """A patch of n amendments, each on its own paragraph or item, each anchor
    checked to occur exactly once on its page (so that it applies as worded)."""
    units = list(iter_units(program))
    by_page: dict[int, list] = {}
    for u in units:
        by_page.setdefault(u.page, []).append(u)
    folded = {u.path: fold(u.text)[0] for u in units}

    def unique_on_page(u, text: str) -> bool:
        needle = fold(text)[0]
        return sum(len(find_all(folded[v.path], needle)) for v in by_page[u.page]) == 1

    def starts_unique(u, start: str) -> bool:
        needle = fold(start)[0]
        return sum(1 for v in by_page[u.page] if v.kind == u.kind and folded[v.path].startswith(needle)) == 1

    used, touched_blocks, out = set(), set(), []
    candidates = [u for u in units if u.kind == "paragraph" or u.kind == "item"]
    rng.shuffle(candidates)
    for u in candidates:
        if len(out) >= n:
            break
        if u.block_path in touched_blocks:
            continue
        kind = rng.choices(["insert", "replace", "delete", "add_item", "add_paragraph", "delete_paragraph"],
                           weights=[40, 30, 10, 8, 7, 5])[0]
        words = u.text.split()
        at = f"at: {{page: {u.page}}}"
        if kind in ("insert", "replace", "delete"):
            k = rng.randint(0, max(0, len(words) - 4))
            size = 4 if kind == "insert" else rng.randint(1, 2) if kind == "replace" else 3
            anchor = " ".join(words[k:k + size]).rstrip(",.")
            if not anchor or not unique_on_page(u, anchor):
                continue
            if kind == "insert":
                body = f"after: {_q(anchor)}\n    insert: {_q(' '.join(rng.choice(WORDS) for _ in range(3)))}"
            elif kind == "replace":
                body = f"replace: {_q(anchor)}\n    with: {_q(' '.join(rng.choice(WORDS) for _ in range(size)))}"
            else:
                body = f"delete: {_q(anchor)}"
        elif kind == "add_item":
            start = " ".join(words[:4])
            if u.kind != "item" or not starts_unique(u, start):
                continue
            body = f"add_item: {_q(_sentence(rng, 4, 8))}\n    after_item: {_q(start)}"
        else:
            start = " ".join(words[:4])
            if u.kind != "paragraph" or len(u.path) != 2 or not starts_unique(u, start):
                continue
            body = (f"add_paragraph: {_q(_paragraph(rng))}\n    after: {_q(start)}" if kind == "add_paragraph"
                    else f"delete_paragraph: {_q(start)}")
        touched_blocks.add(u.block_path)
        used.add(u.path)
        n_am = len(out) + 1
        out.append(f"  - id: a{n_am}\n    title: Ändring {n_am}\n    text: {_q('Instruktion ' + str(n_am))}\n"
                   f"    {at}\n    {body}\n")
    head = ("program: bench-program\nbase: proposed\nproduces: adopted\nstatus: Antagen\n"
            "decision: {body: Kommunfullmäktige, date: \"2025-10-22\", paragraph: § 170}\namendments:\n")
    return head + "".join(out)


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
    """(revisions, characters marked inserted or deleted) in a DOCX."""
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    chars = 0
    for m in re.finditer(r"<w:(ins|del)\b[^>]*>(.*?)</w:\1>", xml, re.S):
        chars += sum(len(t) for t in re.findall(r"<w:(?:t|delText)\b[^>]*>([^<]*)<", m.group(2)))
    return len(re.findall(r"<w:(?:ins|del)\b", xml)), chars


def plain(program: Program) -> str:
    return "\n".join(u.text for u in iter_units(program))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="runs of amend's own steps (the best is shown)")
    ap.add_argument("--limit", type=float, default=120, help="seconds after which a text differ is stopped")
    ap.add_argument("--skip-others", action="store_true", help="time amend only")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    program = make_program(args.pages, rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "patch.yaml"
        path.write_text(make_patch(program, args.changes, rng), encoding="utf-8")
        patch = load_patch(path)
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
    rows.append(("amend redline: tracked-changes DOCX", t_docx, marked(ours)))
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
    for name, seconds, marks in rows:
        if seconds is None:
            print(f"{name:52} {'—':>8}  {marks}")
            continue
        revs, chars = marks or ("", "")
        print(f"{name:52} {seconds:8.2f}  {revs:>9}  {chars:>12}")
    ours = t_diff + t_docx
    for name, seconds, _ in rows:
        if name.startswith("python-redlines") and seconds:
            print(f"{name}: {seconds / ours:.1f}× the time of amend's diff + DOCX")


def _python_redlines(old_docx: bytes, new_docx: bytes) -> list:
    try:
        from python_redlines.engines import DocxodusEngine, XmlPowerToolsEngine
    except ImportError:
        return [("python-redlines: not installed (pip install '.[bench]')", None, "")]
    import warnings

    rows = []
    for engine in (DocxodusEngine, XmlPowerToolsEngine):
        name = f"python-redlines {engine.__name__} (DOCX)"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                runner = engine()
            t, (out, _, _) = best(lambda: runner.run_redline("Kommunfullmäktige", old_docx, new_docx), 1)
            rows.append((name, t, marked(out)))
        except Exception as exc:  # no binary for this platform, no .NET, ...: say so
            rows.append((name, None, f"could not run: {type(exc).__name__}: {str(exc)[:120]}"))
    return rows


def _redlines(old_text: str, new_text: str) -> None:
    from redlines import Redlines  # the bench extra

    Redlines(old_text, new_text, markdown_style="none").output_markdown


if __name__ == "__main__":
    main()
