"""Real word processors for the tests: LibreOffice over UNO and pandoc.

`libreoffice(jobs)` opens every DOCX in ONE soffice process (tests/lo_uno.py,
run by the system Python that has python3-uno), optionally does Accept All or
Reject All, and returns per document its paragraphs (text, paragraph style,
list label, page break before, page) and its page count. `pandoc_texts` is
pandoc's own accept/reject (`--track-changes`) as paragraph texts.
`missing()` says why these cannot run here, for pytest.skip.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = os.environ.get("AMEND_UNO_PYTHON", "/usr/bin/python3")


@cache
def missing_libreoffice() -> str | None:
    if not shutil.which("soffice"):
        return "LibreOffice (soffice) is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} (the Python with python3-uno) is not there"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        return f"python3-uno is not installed for {SYSTEM_PYTHON}"
    return None


@cache
def missing_pandoc() -> str | None:
    return None if shutil.which("pandoc") else "pandoc is not installed"


def libreoffice(jobs: list[tuple[Path, str]], timeout: int = 1800) -> list[dict]:
    """Dump each (docx path, mode "" | "accept" | "reject", or either with "+relayout": lo_uno.py) through LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="amend-uno-") as tmp:
        spec, out = Path(tmp) / "jobs.json", Path(tmp) / "out.json"
        spec.write_text(json.dumps([[str(p), m] for p, m in jobs]), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        proc = subprocess.run([SYSTEM_PYTHON, str(HERE / "lo_uno.py"), str(spec), str(out)],
                              capture_output=True, text=True, timeout=timeout, env=env)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"LibreOffice over UNO failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def pandoc_texts(path: Path, mode: str = "accept", keep_empty: bool = False) -> list[str]:
    """The paragraphs (headings, list items and table cells included, in order)
    of pandoc's reading of a DOCX with --track-changes=accept|reject, each with
    its white space at the ends trimmed, empty ones left out. pandoc 2.17 keeps
    an empty list item for a list item whose paragraph mark is a tracked change
    that it removes (however that mark is encoded), and a space where it joins
    two paragraphs; what is compared is the text, LibreOffice's check has the
    list labels (with `keep_empty`, the empty paragraphs and items are kept, as "")."""
    proc = subprocess.run(["pandoc", f"--track-changes={mode}", "-f", "docx", "-t", "json", str(path)],
                          capture_output=True, text=True, check=True)
    out: list[str] = []
    _blocks(json.loads(proc.stdout)["blocks"], out)
    return [t.strip() for t in out if keep_empty or t.strip()]


def _blocks(blocks, out: list) -> None:
    for b in blocks:
        kind, content = b["t"], b.get("c")
        if kind in ("Para", "Plain"):
            out.append(_inlines(content))
        elif kind == "Header":
            out.append(_inlines(content[2]))
        elif kind in ("BulletList", "OrderedList"):
            for item in (content if kind == "BulletList" else content[1]):
                _blocks(item or [{"t": "Plain", "c": []}], out)  # an empty item: "" (kept only with keep_empty)
        elif kind in ("BlockQuote", "Div"):
            _blocks(content if kind == "BlockQuote" else content[1], out)
        elif kind == "Table":
            _table(content, out)


def _table(content, out: list) -> None:
    _attr, _caption, _specs, head, bodies, foot = content
    rows = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    rows += foot[1]
    for row in rows:
        for cell in row[1]:
            _blocks(cell[4], out)


def _inlines(items) -> str:
    parts = []
    for i in items:
        kind, c = i["t"], i.get("c")
        if kind == "Str":
            parts.append(c)
        elif kind in ("Space", "SoftBreak"):
            parts.append(" ")
        elif kind == "LineBreak":
            parts.append("\n")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            parts.append(_inlines(c))
        elif kind in ("Span", "Link", "Quoted", "Cite"):
            parts.append(_inlines(c[1]))
        elif kind == "Code":
            parts.append(c[1])
    return "".join(parts)


def compare(got: dict, want: dict) -> list[str]:
    """Differences between two LibreOffice dumps, paragraph by paragraph: the
    first few, in words, for an assertion message."""
    if "error" in got or "error" in want:
        return [got.get("error") or want.get("error")]
    problems = []
    if got["pages"] != want["pages"]:
        problems.append(f"{got['pages']} pages, expected {want['pages']}")
    a, b = got["paragraphs"], want["paragraphs"]
    for k, (p, q) in enumerate(zip(a, b)):
        diff = {key: (p[key], q[key]) for key in ("text", "style", "label", "break", "page", "cell") if p[key] != q[key]}
        if diff:
            problems.append(f"paragraph {k} {q['text'][:40]!r}: " +
                            ", ".join(f"{key} {x!r} (expected {y!r})" for key, (x, y) in diff.items()))
    if len(a) != len(b):
        extra = a[len(b):] or b[len(a):]
        problems.append(f"{len(a)} paragraphs, expected {len(b)}: first unmatched {extra[0]['text'][:40]!r}")
    return problems
