#!/usr/bin/env python3
"""How faithfully `amend import` reads real documents: facts right per file.

    python bench/import_facts.py DIR [--json OUT.json] [-v] [--only SUBSTRING]

DIR holds documents (.docx/.pdf) and, beside each, a `<file>.facts.yaml`
of verified facts (text, printed page, heading; the format of the shared
corpus: kind, text, printed_page, level, under_heading, occurrence). Every
document is imported in a child process (so its time and peak memory are its
own) and each fact is checked against the imported program: its text found
(white space, quotes, dashes, soft hyphens and case folded) on the expected
page under the expected heading. Documents without a facts file are imported
too, to check that they import or fail with one clear line.

Prints facts right / total per file and overall, seconds and MB per page.
The verdicts are those of the corpus's baseline_check.py, so the figures
compare with its RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = (".pdf", ".docx")


# ---------------------------------------------------------------- the child: one import


def child(src: str, out: str, part: int | None = None) -> int:
    """Import `src` to `out` as `amend import` does; print a JSON line of what happened.
    A PDF whose page numbers start again is refused without --part: the line then names
    its parts (first, last PDF page), to import one by one."""
    sys.path.insert(0, str(ROOT))
    from amend.errors import AmendError
    from amend.importers import import_document, program_yaml

    start = time.perf_counter()
    result = {"ok": False}
    try:
        program, report = import_document(src, program_id="imported", part=part)
        text = program_yaml(program, "../schemas/program.schema.json", out)
        Path(out).write_text(text, encoding="utf-8")
        result.update(ok=True, report=report.lines(), pages=program.page_count,
                      physical=getattr(report, "physical_pages", None))
    except AmendError as exc:
        result["error"] = str(exc).splitlines()[0]
        result["key"] = getattr(exc.message, "key", "")
        if getattr(exc.message, "key", "") == "importers.pdf.parts":
            result["parts"] = [(m.args["first"], m.args["last"]) for m in exc.message.args["parts"]]
    except Exception as exc:  # a bug: the one thing this bench must show
        import traceback

        result["crash"] = f"{type(exc).__name__}: {exc}"
        result["traceback"] = traceback.format_exc()
    result["seconds"] = time.perf_counter() - start
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["mb"] = usage.ru_maxrss / 1024  # this process's peak (Linux: kB)
    result["cpu"] = usage.ru_utime + usage.ru_stime  # on a busy machine, the time that is the import's own
    print(json.dumps(result, ensure_ascii=False))
    return 0


def run_one(src: Path, out: Path, timeout: int, part: int | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(src), str(out)] + ([str(part)] if part else [])
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {"ok": False, "crash": f"timeout after {timeout} s", "seconds": timeout, "mb": 0}
    try:
        result = json.loads(stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        result = {"ok": False, "crash": (stderr.strip().splitlines() or ["no output"])[-1]}
    result.setdefault("seconds", time.perf_counter() - start)
    result.setdefault("mb", 0)
    return result


def physical_pages(src: Path) -> int:
    if src.suffix.lower() == ".pdf":
        try:
            import pypdfium2

            doc = pypdfium2.PdfDocument(str(src))
            n = len(doc)
            doc.close()
            return n
        except Exception:
            return 0
    try:
        import zipfile

        with zipfile.ZipFile(src) as z:
            m = re.search(rb"<Pages>(\d+)</Pages>", z.read("docProps/app.xml"))
            return int(m.group(1)) if m else 0
    except Exception:
        return 0


# ---------------------------------------------------------------- the checks (as baseline_check.py)


def norm(s) -> str:
    s = unicodedata.normalize("NFC", str(s)).replace("\u200b", "").replace("\xad", "").replace("\xa0", " ")
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "”": '"', "“": '"', "–": "-", "—": "-", "\u2011": "-"}))
    return re.sub(r"\s+", " ", s).strip().casefold()


def dehyph(s: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", s)


def strip_num(h: str) -> str:
    return re.sub(r"^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+", "", norm(h))


def cell_text(c) -> str:
    if isinstance(c, str):
        return c
    if isinstance(c, list):
        return " ".join(cell_text(x) for x in c)
    if isinstance(c, dict):
        return " ".join(cell_text(v) for k, v in c.items() if k != "page")
    return str(c)


def units(prog: dict) -> list[tuple]:
    """The program flattened: (kind, text, page, heading, level, extra)."""
    out: list[tuple] = []
    chain: list[tuple] = []
    for sec in prog.get("sections") or []:
        h, lvl, page = sec.get("heading", ""), sec.get("level"), sec.get("page")
        chain = [c for c in chain if (c[1] or 0) < (lvl or 0)] + [(h, lvl)]
        anc = [c[0] for c in chain[:-1]]
        out.append(("heading", h, page, h, lvl, {"anc": anc}))

        def walk(blocks, cur, ctx, h=h, lvl=lvl):
            for b in blocks or []:
                if isinstance(b, str):
                    out.append(("paragraph", b, cur, h, lvl, dict(ctx)))
                    continue
                if not isinstance(b, dict):
                    continue
                if b.get("page") is not None:
                    cur = b["page"]
                if "paragraph" in b:
                    out.append(("paragraph", b["paragraph"], cur, h, lvl, dict(ctx)))
                for k in ("bullets", "numbered"):
                    for it in b.get(k) or []:
                        t = it if isinstance(it, str) else json.dumps(it, ensure_ascii=False)
                        out.append(("item", t, cur, h, lvl, dict(ctx, list=k)))
                if "table" in b:
                    t = b["table"] or {}
                    for ci, c in enumerate(t.get("header") or []):
                        out.append(("cell", cell_text(c), cur, h, lvl, dict(ctx, row=0, col=ci + 1)))
                    at = cur
                    for ri, row in enumerate(t.get("rows") or []):
                        if isinstance(row, dict):  # a row that starts a new page of the table: {cells, page}
                            at, row = row["page"], row["cells"]
                        for ci, c in enumerate(row):
                            out.append(("cell", cell_text(c), at, h, lvl, dict(ctx, row=ri + 1, col=ci + 1)))
                    cur = at  # the block after the table goes on where its rows end
                if "columns" in b:
                    for ci, col in enumerate(b["columns"] or []):
                        if col.get("heading"):
                            out.append(("colheading", col["heading"], cur, h, lvl, dict(ctx, column=ci + 1)))
                        cur = walk(col.get("content"), cur, dict(ctx, column=ci + 1), h, lvl)
            return cur

        walk(sec.get("content"), page, {"anc": anc})
    return out


def check(f: dict, prog: dict, us: list[tuple]) -> tuple[str, str]:
    k, t, exp = f["kind"], norm(f["text"]), f["printed_page"]
    if k == "title":
        got = (prog.get("program") or {}).get("title", "")
        return ("ok" if norm(got) == t else "wrong-title", f"title={got!r}")
    if k == "heading":
        cands = [u for u in us if u[0] in ("heading", "colheading")
                 and (norm(u[1]) == t or strip_num(u[1]) == strip_num(f["text"]))]
        if not cands:
            para = [u for u in us if u[0] != "heading" and (norm(u[1]) == t or norm(u[1]).startswith(t))]
            if para:
                return "heading-as-text", f"found as {para[0][0]} on page {para[0][2]} under {para[0][3]!r}"
            return "not-found", ""
        best = min(cands, key=lambda u: abs((u[2] or 0) - exp))
        note = f"page {best[2]}, level {best[4]}" + (" (in a column)" if best[0] == "colheading" else "")
        if best[2] != exp:
            return "wrong-page", note
        if best[0] == "colheading":
            return "heading-in-column", note
        return ("ok" if best[4] == f.get("level") else "ok-level-differs"), note
    key = t[:60]
    hits = [u for u in us if key in norm(u[1])]
    via = ""
    if not hits:
        hits = [u for u in us if dehyph(key) in dehyph(norm(u[1]))]
        via = "hyphen-artifact" if hits else ""
    if k == "deleted_text":
        return ("ok" if not hits else "deleted-text-imported"), (f"found on page {hits[0][2]}" if hits else "")
    if not hits:
        return "not-found", ""
    want = {"table_cell": "cell", "item": "item"}.get(k, "paragraph")

    def rank(u):
        return (u[0] != want, norm(u[1]) != t and dehyph(norm(u[1])) != dehyph(t), u[2] != exp)

    occ = f.get("occurrence")
    exact = [u for u in hits if norm(u[1]) == t]
    cand = [exact[occ - 1]] if occ and len(exact) >= occ else sorted(hits, key=rank)
    right = [u for u in cand if u[2] == exp]
    u = right[0] if right else cand[0]
    note = (f"{u[0]} page {u[2]} under {u[3]!r}" + (f" row {u[5].get('row')} col {u[5].get('col')}" if u[0] == "cell"
                                                   else "") + (f"; {len(hits)} matches" if len(hits) > 1 else ""))
    if not right:
        return "wrong-page" + ("+" + via if via else ""), note
    uh = f.get("under_heading")
    if uh and strip_num(u[3]) != strip_num(uh) and norm(u[3]) != norm(uh):
        if any(strip_num(a) == strip_num(uh) for a in u[5].get("anc", [])):
            return "ok-in-subsection", note
        return "wrong-heading" + ("+" + via if via else ""), note
    if via:
        return via, note
    if k == "table_cell" and u[0] != "cell":
        return "ok-not-a-table-cell", note
    if k == "item" and u[0] != "item":
        return "ok-not-a-list-item", note
    return "ok", note


def right(verdict: str) -> bool:
    return verdict == "ok" or verdict.startswith("ok-")


# ---------------------------------------------------------------- the run


def bench(folder: Path, only: str = "", verbose: bool = False, timeout: int = 300) -> dict:
    docs = sorted(p for p in folder.iterdir() if p.suffix.lower() in DOCS and (not only or only in p.name))
    rows = []
    with tempfile.TemporaryDirectory(prefix="amend-facts-") as tmp:
        for src in docs:
            out = Path(tmp, "out.yaml")
            if out.exists():
                out.unlink()
            res = run_one(src, out, timeout)
            if res.get("key") == "importers.docx.tracked_changes":
                res = _after_accept_all(src, Path(tmp), out, timeout, res)
            facts_file = src.with_name(src.name + ".facts.yaml")
            facts = (yaml.safe_load(facts_file.read_text(encoding="utf-8")) or {}).get("facts", []) \
                if facts_file.exists() else []
            if res.get("parts"):
                res, checks = _by_part(src, Path(tmp), timeout, res["parts"], facts)
            else:
                checks = _checks(out if res.get("ok") else None, facts)
            pages = physical_pages(src) or res.get("pages") or 1
            rows.append(dict(file=src.name, pages=pages, result=res, checks=checks,
                             right=sum(right(v) for _, v, _ in checks), total=len(checks)))
            _print_row(rows[-1], verbose)
    return _summary(rows)


def _after_accept_all(src: Path, tmp: Path, out: Path, timeout: int, refused: dict) -> dict:
    """A DOCX with tracked changes is refused, telling the secretary to accept or reject them
    in Word; the facts of such a file are stated for its text with all changes accepted, so
    it is imported as the secretary would import it then: after Accept All (tests/ooxml.py's,
    which does on the XML what Word does)."""
    import zipfile

    from lxml import etree

    sys.path.insert(0, str(ROOT / "tests"))
    import ooxml

    accepted = tmp / src.name
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(accepted, "w", zipfile.ZIP_DEFLATED) as o:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                ooxml.resolve(root.find(ooxml.w("body")), "accept")
                for tag in ("pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange"):
                    for el in list(root.iter(ooxml.w(tag))):
                        el.getparent().remove(el)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            o.writestr(info, data)
    res = run_one(accepted, out, timeout)
    res["refused_first"] = refused.get("error", "")
    res["seconds"] += refused.get("seconds", 0)
    return res


def _checks(out: Path | None, facts: list[dict]) -> list[tuple]:
    prog = yaml.safe_load(out.read_text(encoding="utf-8")) if out else None
    us = units(prog) if prog else []
    return [(f, *(check(f, prog, us) if prog else ("no-output", ""))) for f in facts]


def _by_part(src: Path, tmp: Path, timeout: int, parts: list, facts: list[dict]) -> tuple[dict, list]:
    """A PDF in parts (its page numbers start again) imported part by part, as a user
    must: each fact checked in the part that holds its physical page (else in part 1)."""
    def part_of(f):
        page = f.get("physical_page")
        return next((k for k, (a, b) in enumerate(parts, 1) if page is not None and a <= page <= b), 1)

    results, checks = [], []
    for k in range(1, len(parts) + 1):
        out = tmp / f"part{k}.yaml"
        res = run_one(src, out, timeout, part=k)
        results.append(res)
        checks += _checks(out if res.get("ok") else None, [f for f in facts if part_of(f) == k])
    order = {id(f): i for i, f in enumerate(facts)}
    checks.sort(key=lambda c: order[id(c[0])])
    bad = next((r for r in results if not r.get("ok")), None)
    merged = dict(bad or results[0], seconds=sum(r["seconds"] for r in results), mb=max(r["mb"] for r in results),
                  cpu=sum(r.get("cpu", 0) for r in results), parts=len(parts))
    return merged, checks


def _print_row(r: dict, verbose: bool) -> None:
    res = r["result"]
    failed = "CRASH " + res["crash"] if "crash" in res else "error: " + res.get("error", "")
    status = "ok" if res.get("ok") else failed
    if res.get("parts"):
        status += f" ({res['parts']} parts, imported with --part 1…{res['parts']})"
    if res.get("refused_first"):
        status += " (refused for its tracked changes as it must be; imported after Accept All, as the refusal says)"
    facts = f"{r['right']}/{r['total']}" if r["total"] else "-"
    print(f"{r['file'][:60]:60s} {facts:>7s}  {r['pages']:4d} p  {res['seconds'] / r['pages']:6.3f} s/p  "
          f"{res['mb']:6.0f} MB  {status[:90]}", flush=True)
    if "traceback" in res and verbose:
        print(res["traceback"])
    for f, v, note in r["checks"]:
        if verbose and v != "ok":
            print(f"      {v:22s} {f['kind']:10s} p{f['printed_page']} {str(f['text'])[:50]!r} -> {note[:100]}")


def _summary(rows: list[dict]) -> dict:
    good = sum(r["right"] for r in rows)
    total = sum(r["total"] for r in rows)
    crashes = [r["file"] for r in rows if "crash" in r["result"]]
    pdfs = [r for r in rows if r["file"].lower().endswith(".pdf") and r["result"].get("ok")]
    sec = sum(r["result"]["seconds"] for r in pdfs)
    cpu = sum(r["result"].get("cpu", 0) for r in pdfs)
    pages = sum(r["pages"] for r in pdfs)
    imported = sum(1 for r in rows if r["result"].get("ok"))
    print(f"\nfacts right: {good}/{total}" + (f" ({100 * good / total:.1f} %)" if total else ""))
    print(f"files: {len(rows)}, imported {imported}, clear errors {len(rows) - imported - len(crashes)}, "
          f"crashes {len(crashes)}" + (f" ({', '.join(crashes)})" if crashes else ""))
    if pages:
        print(f"PDF: {pages} pages in {sec:.1f} s = {sec / pages:.3f} s/page ({cpu / pages:.3f} s/page of CPU, "
              f"start-up included); peak memory "
              f"{max(r['result']['mb'] for r in pdfs):.0f} MB")
    return dict(right=good, total=total, crashes=crashes, rows=[
        dict(file=r["file"], right=r["right"], total=r["total"], pages=r["pages"],
             seconds=round(r["result"]["seconds"], 2), mb=round(r["result"]["mb"]),
             status="ok" if r["result"].get("ok") else r["result"].get("crash") or r["result"].get("error"),
             checks=[dict(kind=f["kind"], text=f["text"], page=f["printed_page"], verdict=v, note=n)
                     for f, v, n in r["checks"]]) for r in rows])


def main(argv=None) -> int:
    if argv is None and len(sys.argv) in (4, 5) and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else None)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", type=Path, help="write the per-fact verdicts here")
    ap.add_argument("--only", default="", help="only files whose name holds this")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every fact not strictly ok")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args(argv)
    summary = bench(args.folder, args.only, args.verbose, args.timeout)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if summary["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
