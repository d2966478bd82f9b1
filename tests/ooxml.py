"""Reading a DOCX back for the tests: paragraph texts in document order, and
Word's "accept all" / "reject all" of tracked changes done on the XML.

Accept/reject follows what Word does: inserted (or deleted) runs are kept or
dropped; a table row marked on w:trPr goes with its row; a paragraph whose
mark is removed joins the paragraph after it, except the last paragraph of a
cell or of the document, whose mark cannot be removed.
"""
from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read_part(docx, name: str = "word/document.xml"):
    """One XML part of a DOCX given as bytes, or of a python-docx Document (not saved)."""
    if not isinstance(docx, bytes):
        return {"word/document.xml": lambda: docx.element, "word/settings.xml": lambda: docx.settings.element,
                "word/comments.xml": lambda: docx.comments._comments_elm}[name]()
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read(name))


def body(docx):
    return read_part(docx).find(w("body"))


def texts(docx, mode: str | None = None) -> list[str]:
    """Paragraph texts of the document body (table cells included, in order);
    mode "accept" or "reject" first resolves every tracked change. `docx` is
    the file's bytes or a python-docx Document (left unchanged)."""
    root = copy.deepcopy(body(docx))
    if mode is not None:
        resolve(root, mode)
    assert not root.findall(f".//{w('ins')}") and not root.findall(f".//{w('del')}") or mode is None
    return paragraph_texts(root)


def properties(docx, mode: str | None = None) -> list[tuple]:
    """(text, style, numbering id, page break before) of every paragraph, as Word
    resolves it: the paragraph mark that survives a join (the last) keeps its
    properties, and Reject All restores those of w:pPrChange."""
    root = copy.deepcopy(body(docx))
    if mode is not None:
        resolve(root, mode)
    out, lists = [], {}
    for p in _paragraphs(root):
        style, num, brk = _props(p)
        if num != "0":  # which list, counted in order: numbering ids differ between files
            num = str(lists.setdefault(num, len(lists) + 1))
        out.append((paragraph_text(p), style, num, brk))
    return out


def _trim(props: list) -> list:
    while props and props[-1][0] == "":
        props = props[:-1]
    return props


def _paragraphs(container) -> list:
    out = []
    for k in container:
        if k.tag == w("p"):
            out.append(k)
        elif k.tag == w("tbl"):
            for tr in k.findall(w("tr")):
                for tc in tr.findall(w("tc")):
                    out.extend(_paragraphs(tc))
    return out


def _props(p) -> tuple:
    pPr = p.find(w("pPr"))
    if pPr is None:
        return ("Normal", "0", False)
    style = pPr.find(w("pStyle"))
    num = pPr.find(f"{w('numPr')}/{w('numId')}")
    brk = pPr.find(w("pageBreakBefore"))
    return (style.get(w("val")) if style is not None else "Normal", num.get(w("val")) if num is not None else "0",
            brk is not None and brk.get(w("val"), "1") not in ("0", "false"))


def _resolve_properties(root, mode: str) -> None:
    for change in list(root.iter(w("pPrChange"))):
        pPr = change.getparent()
        if mode == "reject":
            for child in [c for c in pPr if c.tag not in (w("rPr"), w("sectPr"), w("pPrChange"))]:
                pPr.remove(child)
            for k, child in enumerate(change.find(w("pPr"))):
                pPr.insert(k, child)
        pPr.remove(change)


def paragraph_texts(root) -> list[str]:
    out = []
    _collect(root, out)
    kids = [k for k in root if k.tag in (w("p"), w("tbl"))]
    if kids and kids[-1].tag == w("tbl"):
        out.append("")  # Word ends a document that ends with a table with an empty paragraph
    return out


def _collect(container, out: list) -> None:
    for k in container:
        if k.tag == w("p"):
            out.append(paragraph_text(k))
        elif k.tag == w("tbl"):
            for tr in k.findall(w("tr")):
                for tc in tr.findall(w("tc")):
                    _collect(tc, out)


def paragraph_text(p) -> str:
    parts = []
    for el in p.iter(w("t"), w("delText"), w("tab")):
        parts.append("\t" if el.tag == w("tab") else el.text or "")
    return "".join(parts)


def resolve(root, mode: str) -> None:
    """Accept ("accept") or reject ("reject") every tracked change, in place."""
    gone, kept = (w("del"), w("ins")) if mode == "accept" else (w("ins"), w("del"))
    _resolve_properties(root, mode)
    for tr in list(root.iter(w("tr"))):
        trPr = tr.find(w("trPr"))
        if trPr is not None and trPr.find(gone) is not None:
            tr.getparent().remove(tr)
        elif trPr is not None:
            for m in trPr.findall(kept):
                trPr.remove(m)
    for tbl in list(root.iter(w("tbl"))):
        if tbl.find(w("tr")) is None:  # every row gone: so is the table
            tbl.getparent().remove(tbl)
    for el in list(root.iter(gone)):
        if el.getparent().tag not in (w("rPr"), w("trPr")):
            el.getparent().remove(el)
    for el in list(root.iter(kept)):
        parent = el.getparent()
        if parent.tag in (w("rPr"), w("trPr")):
            continue
        at = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(at + k, child)
        parent.remove(el)
    for t in list(root.iter(w("delText"))):
        t.tag = w("t")
    for container in [root, *root.iter(w("tc"))]:
        _join_marks(container, gone, kept)


def _join_marks(container, gone: str, kept: str) -> None:
    for p in [k for k in container if k.tag == w("p")]:
        rPr = p.find(f"{w('pPr')}/{w('rPr')}")
        if rPr is None:
            continue
        for m in rPr.findall(kept):
            rPr.remove(m)
        if rPr.find(gone) is None:
            continue
        rPr.remove(rPr.find(gone))
        nxt = p.getnext()
        while nxt is not None and nxt.tag not in (w("p"), w("tbl")):
            nxt = nxt.getnext()
        if nxt is None:
            continue  # the last paragraph mark stays
        content = [c for c in p if c.tag != w("pPr")]
        if nxt.tag == w("tbl"):
            assert not paragraph_text(p), f"paragraph {paragraph_text(p)!r} cannot join the table after it"
        else:
            at = 1 if nxt.find(w("pPr")) is not None else 0
            for k, c in enumerate(content):
                nxt.insert(at + k, c)
        container.remove(p)


def revisions(docx) -> list:
    """Every w:ins / w:del element (runs, paragraph marks, rows)."""
    root = read_part(docx)
    return list(root.iter(w("ins"), w("del")))


def comments(docx) -> dict[str, str]:
    """Comment id -> its text (paragraphs joined by newlines)."""
    root = read_part(docx, "word/comments.xml")
    return {c.get(w("id")): "\n".join(paragraph_text(p) for p in c.iter(w("p"))) for c in root.iter(w("comment"))}


def commented(docx: bytes) -> list[tuple[str, str]]:
    """(comment id, text inside its range) for every comment range in the body,
    the text counting inserted and deleted words alike."""
    root = read_part(docx)
    open_ranges: dict[str, list[str]] = {}
    out = []
    for el in root.iter(w("commentRangeStart"), w("commentRangeEnd"), w("t"), w("delText")):
        if el.tag == w("commentRangeStart"):
            open_ranges[el.get(w("id"))] = []
        elif el.tag == w("commentRangeEnd"):
            out.append((el.get(w("id")), "".join(open_ranges.pop(el.get(w("id"))))))
        else:
            for parts in open_ranges.values():
                parts.append(el.text or "")
    assert not open_ranges, f"comment ranges never closed: {list(open_ranges)}"
    return out


ISO = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


def assert_recovers(redline, old, new, structure: bool = True) -> None:
    """Accept all gives the new document and reject all the old one, paragraph by
    paragraph: the text, and with `structure` each paragraph's style, list and page break."""
    accepted, rejected = texts(redline, "accept"), texts(redline, "reject")
    assert accepted == texts(new), _first_difference(accepted, texts(new))
    assert rejected == texts(old), _first_difference(rejected, texts(old))
    for mode, want in (("accept", new), ("reject", old)) if structure else ():
        # a final empty paragraph after a table is Word's own (texts() checks it is there)
        got, expected = _trim(properties(redline, mode)), _trim(properties(want))
        assert got == expected, _first_difference(got, expected)


def _first_difference(got: list, want: list) -> str:
    for k, (a, b) in enumerate(zip(got, want)):
        if a != b:
            return f"paragraph {k}: {a!r} != {b!r}"
    return f"{len(got)} paragraphs, expected {len(want)}: extra {(got[len(want):] or want[len(got):])[:3]!r}"


def assert_well_formed_revisions(docx) -> None:
    """Every revision has an author and an ISO 8601 date; all w:id are unique
    across revisions and comments; every comment has a start, an end and a
    reference; track changes is on."""
    import re

    root = read_part(docx)
    ids = []
    for el in root.iter(w("ins"), w("del")):
        assert el.get(w("author")), etree.tostring(el)
        assert re.match(ISO, el.get(w("date")) or ""), etree.tostring(el)
        ids.append(el.get(w("id")))
    marks = {tag: [el.get(w("id")) for el in root.iter(w(tag))]
             for tag in ("commentRangeStart", "commentRangeEnd", "commentReference")}
    assert marks["commentRangeStart"] == marks["commentRangeEnd"] == marks["commentReference"]
    if marks["commentRangeStart"]:
        assert sorted(comments(docx)) == sorted(marks["commentRangeStart"])
    ids += marks["commentRangeStart"]
    assert len(ids) == len(set(ids)), "w:id values repeat"
    assert read_part(docx, "word/settings.xml").find(w("trackRevisions")) is not None
