"""The pages of `amend site`: the register of programs, a program's timeline, a version's text.

Every page is standalone (inline CSS, no scripts, nothing from the network), links relatively (so
the site works from file:// and from any web server folder), and has a language, a skip link, a
navigation landmark, a main landmark and one h1. Colours meet 4.5:1 contrast on white; tables
scroll sideways on a phone rather than overflow the page. The redline and blame pages come from
amend.render.redline_html and amend.render.history_html, with the site's navigation added.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..model import Block, Columns, ListBlock, Paragraph, Program, Section, Table

CSS = """
:root { --ink: #1b1b1f; --muted: #52525b; --line: #d4d4d8; --accent: #1f3a5f; --link: #1d4ed8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1.0625rem/1.55 Georgia, "Times New Roman", serif; }
a { color: var(--link); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
nav.site { font: .95rem/1.4 system-ui, sans-serif; background: var(--accent); color: #fff; padding: .6rem 1rem; }
nav.site a { color: #fff; margin-right: 1rem; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--accent);
                         line-height: 1.25; }
h1 { font-size: 1.7rem; overflow-wrap: break-word; }
.meta { color: var(--muted); font: .95rem/1.4 system-ui, sans-serif; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font: .95rem/1.4 system-ui, sans-serif; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
caption { text-align: left; padding-bottom: .3rem; }
th[scope=row], td:nth-child(3) { white-space: nowrap; }
th { background: #f1f3f7; }
td.links a { display: inline-block; margin: 0 .5rem .2rem 0; }
.state-in-force { font-weight: 700; }
.page { color: var(--muted); font: .8rem/1 system-ui, sans-serif; margin: 1.2rem 0 .3rem;
        border-top: 1px dashed var(--line); padding-top: .3rem; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.downloads a { margin-right: 1rem; }
@media (max-width: 40rem) {
  /* on a phone each row of a table is a card, each cell labelled with its column */
  table, tbody, tr, th, td, caption { display: block; }
  thead { position: absolute; left: -999px; }
  tr { border: 1px solid var(--line); border-radius: .4rem; margin-bottom: .8rem; padding: .3rem .5rem; }
  th, td { border: 0; padding: .2rem 0; }
  th[scope=row] { background: none; font-size: 1.05rem; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  td.links[data-label]::before { content: ""; }
}
"""


@dataclass(frozen=True)
class Link:
    href: str
    text: str


def page(title: str, lang: str, nav: Sequence[Link], nav_label: str, skip: str, body: str) -> bytes:
    """A whole page of the site."""
    links = "".join(f'<a href="{escape(n.href)}">{escape(n.text)}</a>' for n in nav)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" '
            f'content="amend">\n<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n'
            f'<a class="skip" href="#main">{escape(skip)}</a>\n'
            f'<nav class="site" aria-label="{escape(nav_label)}">{links}</nav>\n'
            f'<main id="main">\n{body}\n</main>\n</body>\n</html>\n').encode()


def with_nav(document: bytes, nav: Sequence[Link], nav_label: str) -> bytes:
    """A page made elsewhere (redline, blame) with the site's navigation at the top of its body."""
    links = "".join(f'<a href="{escape(n.href)}">{escape(n.text)}</a>' for n in nav)
    style = ("nav.site { font: .95rem/1.4 system-ui, sans-serif; background: #1f3a5f; padding: .6rem 1rem; }\n"
             "nav.site a { color: #fff; margin-right: 1rem; }")
    bar = f'<nav class="site" aria-label="{escape(nav_label)}">{links}</nav>'
    text = document.decode("utf-8").replace("</head>", f"<style>\n{style}\n</style>\n</head>", 1)
    return text.replace("<body>", f"<body>\n{bar}", 1).encode("utf-8")


def table(head: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    """A table of cells already in HTML (escape what goes in); the first column names the row."""
    th = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    def cell(n: int, c: str, last: bool) -> str:
        label = f' data-label="{escape(head[n])}"'
        if n == 0:
            return f'<th scope="row">{c}</th>'
        return f'<td class="links"{label}>{c}</td>' if last else f"<td{label}>{c}</td>"

    body = "".join("<tr>" + "".join(cell(n, c, n == len(r) - 1) for n, c in enumerate(r)) + "</tr>\n" for r in rows)
    return (f'<div class="scroll"><table>\n<caption class="meta">{escape(caption)}</caption>\n'
            f"<thead><tr>{th}</tr></thead>\n<tbody>\n{body}</tbody></table></div>")


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


# ---------------------------------------------------------------- a version's text


def program_body(program: Program, page_word: str) -> str:
    """The sections of a program as HTML, with a mark where each page of the proposal begins."""
    out: list[str] = []
    shown = 0
    for section in program.sections:
        page = section.page
        for block in (None, *section.blocks):  # None: the section's heading
            page = (block.page if block is not None else None) or page
            if page > shown:
                out.append(f'<p class="page" id="p{page}">{escape(page_word)} {page}</p>')
                shown = page
            out.append(_heading(section) if block is None else _block(block))
    return "\n".join(out)


def _heading(section: Section) -> str:
    level = min(section.level + 1, 6)
    return f"<h{level}>{escape(section.heading)}</h{level}>"


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + f"</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th>{_blocks(c.blocks)}</th>" for c in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{_blocks(c.blocks)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f'<div class="scroll"><table>{f"<thead><tr>{head}</tr></thead>" if head else ""}' \
               f"<tbody>{rows}</tbody></table></div>"
    assert isinstance(block, Columns)
    cols = "".join("<section>" + (f"<h5>{escape(c.heading)}</h5>" if c.heading else "") + _blocks(c.blocks)
                   + "</section>" for c in block.columns)
    return f'<div class="columns">{cols}</div>'


def _blocks(blocks: Sequence[Block]) -> str:
    return "".join(_block(b) for b in blocks)
