"""HTML of a program's history: the blame page, and a colour per decision on the redline
between two versions.

Both are standalone (inline CSS, no scripts, nothing from the network). The blame page
marks each span with the decision that last wrote it, in that decision's colour, with
a legend. The redline page is amend.render.redline_html's, unchanged but for a style
sheet and a legend added: each change (its first mark, id "cN", and the mark right
after it) is underlined in the colour of its decision.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..blame import Blame, Blamed, source_words
from ..diff import Redline
from ..messages import msg, render
from ..model import Decision
from .title import decision_line

# Colours with at least 4.5:1 contrast on white for text, and light tints of them for backgrounds.
PALETTE = (("#1d4ed8", "#dbe6fe"), ("#b45309", "#fdecd3"), ("#047857", "#d6f5e8"), ("#7e22ce", "#efe0fb"),
           ("#be123c", "#fde0e6"), ("#0e7490", "#d5f1f7"), ("#4d7c0f", "#e6f3d3"), ("#a21caf", "#f9dcf9"))

_PAGE_CSS = """
body { margin: 0 auto; max-width: 48rem; padding: 1rem; color: #1b1b1f; background: #fff;
       font: 1.0625rem/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; color: #1f3a5f; line-height: 1.25; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; }
.legend ul { padding-left: 0; }
.where { font: .8rem/1 system-ui, sans-serif; color: #5b5b66; border-top: 1px dashed #d7d7de; padding-top: .3rem;
         margin: 1.2rem 0 .3rem; }
.legend { font: .95rem/1.45 system-ui, sans-serif; border: 1px solid #d7d7de; border-radius: .5rem;
          padding: .5rem 1rem; background: #fafafc; }
.legend li { margin: .3rem 0; list-style: none; }
.swatch { display: inline-block; width: 1.1em; height: .9em; vertical-align: middle; margin-right: .4rem;
          border-radius: .2rem; }
"""


def _colour(k: int) -> tuple[str, str]:
    return PALETTE[(k - 1) % len(PALETTE)]


def _span_css(selector: str, k: int) -> str:
    line, tint = _colour(k)
    return f"{selector} {{ background: {tint}; box-shadow: inset 0 -2px 0 {line}; }}"


# ---------------------------------------------------------------- the blame page


def render_blame_html(b: Blame) -> bytes:
    meta = b.program.meta
    title = str(msg("history.blame.page_title", title=meta.title, version=meta.version))
    css = _PAGE_CSS + "\n".join(_span_css(f".s{k}", k) for k in range(1, len(b.sources)))
    legend = [f'<li><span class="swatch s{k}"></span><strong>{escape(s.version)}</strong> '
              f"{escape(render(source_words(s)))}</li>" for k, s in enumerate(b.sources) if k]
    body = [f"<h1>{escape(meta.title)}</h1>",
            f'<div class="legend"><p>{escape(str(msg("history.blame.legend", version=b.sources[0].version)))}</p>'
            f'<ul>{"".join(legend)}</ul></div>']
    body += _texts(b)
    return (f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{css}</style>\n</head>\n<body>\n<main>\n" + "\n".join(body) +
            "\n</main>\n</body>\n</html>\n").encode("utf-8")


def _texts(b: Blame) -> list[str]:
    out: list[str] = []
    in_list = False
    shown = 0  # the last page marked
    for t in b.texts:
        if t.kind == "item" and not in_list:
            out.append("<ul>")
        elif t.kind != "item" and in_list:
            out.append("</ul>")
        in_list = t.kind == "item"
        if t.page > shown and not in_list:
            out.append(f'<p class="where" id="p{t.page}">{escape(str(msg("history.blame.page", page=t.page)))}</p>')
            shown = t.page
        out.append(_text(b, t))
    return out + ["</ul>"] * in_list


def _text(b: Blame, t: Blamed) -> str:
    pieces = "".join(_piece(b, text, k) for text, k in t.pieces())
    if t.kind == "heading":
        level = min(b.program.sections[t.section].level + 1, 6)
        return f"<h{level}>{pieces}</h{level}>"
    if t.kind == "item":
        return f"<li>{pieces}</li>"
    if t.kind == "column heading":
        return f"<p><strong>{pieces}</strong></p>"
    return f"<p>{pieces}</p>"


def _piece(b: Blame, text: str, k: int) -> str:
    if k == 0:
        return escape(text)
    source = b.sources[k]
    label = f"{source.version}: {render(source_words(source))}"
    return f'<span class="s{k}" title="{escape(label)}">{escape(text)}</span>'


# ---------------------------------------------------------------- the redline between two versions


def colour_by_decision(page: bytes, red: Redline, decisions: Sequence[Decision]) -> bytes:
    """The redline page with each change underlined in its decision's colour, and a legend."""
    number = {id(d): k for k, d in enumerate(decisions, start=1)}
    rules = []
    for c in red.changes:
        k = number.get(id(c.decision)) if c.decision is not None else None
        if k is not None:
            rules.append(_span_css(f"#{c.id}, #{c.id} + ins, #{c.id} + del", k))
    rules += [_span_css(f".swatch.d{k}", k) for k in range(1, len(decisions) + 1)]
    css = ".decisions { list-style: none; padding: 0; } .swatch { display: inline-block; width: 1.1em; " \
          "height: .9em; vertical-align: middle; margin-right: .4rem; border-radius: .2rem; }\n" + "\n".join(rules)
    language = red.new.meta.language
    items = "".join(f'<li><span class="swatch d{k}"></span>{escape(decision_line(d, language))}</li>'
                    for k, d in enumerate(decisions, start=1))
    words = escape(msg("history.diff.legend").render(language))
    legend = f'<p class="legend">{words}</p><ul class="decisions">{items}</ul>'
    text = page.decode("utf-8")
    text = text.replace("</head>", f"<style>\n{css}\n</style>\n</head>", 1)
    text = text.replace("</header>", legend + "\n</header>", 1) if "</header>" in text else \
        text.replace("<body>", "<body>\n" + legend, 1)
    return text.encode("utf-8")
