"""A PDF's table of contents, left out of the program: its headings are the sections."""
from __future__ import annotations

import re
from collections import Counter

from ..messages import msg
from ..text import clean
from .pdfpages import Line, PageContent
from .report import Report

TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$")
CONTENTS = re.compile(r"^(innehåll|innehållsförteckning|contents|table of contents)$", re.IGNORECASE)


def _drop_contents(pages: list[PageContent], report: Report) -> None:
    """Leave out a table of contents: a page where five or more lines end in a
    page number set apart at one right edge (or after dot leaders); the lines
    from its first entry to its last (entries over two lines too) go."""
    for p in pages:
        ends = [i for i, line in enumerate(p.lines) if _toc_entry(line)]
        if len(ends) < 5:
            continue
        edges = Counter(round(p.lines[i].x1 / 3) for i in ends)
        edge, count = edges.most_common(1)[0]
        ends = [i for i in ends if abs(round(p.lines[i].x1 / 3) - edge) <= 1 or TOC_LINE.search(p.lines[i].text)]
        if len(ends) < 5:
            continue
        first, last = ends[0], ends[-1]
        while first > 0 and p.lines[first - 1].top > p.lines[first].top - 3 * p.lines[first].size \
                and not CONTENTS.match(clean(p.lines[first - 1].text)) and first - 1 not in ends:
            first -= 1  # the first entry's first line
        if first > 0 and CONTENTS.match(clean(p.lines[first - 1].text)):
            first -= 1
        report.note(msg("importers.note.contents_page", page=p.printed))
        p.lines = p.lines[:first] + p.lines[last + 1:]


def _toc_entry(line: Line) -> bool:
    text = clean(line.text)
    if TOC_LINE.search(text):
        return True
    last = line.words[-1]
    return len(line.words) >= 2 and last.text.isdigit() and len(last.text) <= 3 \
        and last.x0 - line.words[-2].x1 > 1.2 * line.size
