"""The layout of a PDF page: its lines, ruled tables and multi-column parts in
reading order, columns split at the empty vertical strips between them."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from .pdfgrid import grid
from .pdfpages import Line, PageContent, _lines, _segments


def _pieces(p: PageContent) -> list[tuple]:
    """The page as pieces in reading order: ("lines", [line]), ("columns",
    [[line] per column]), ("table", rows) and ("grid", rows): a table without ruling lines."""
    pieces: list[tuple] = []
    run: list[Line] = []
    for kind, _, value in _events(p):
        if kind == "table":
            pieces.extend(_page_columns(run, p.width))
            run = []
            pieces.append(("table", value[2]))
        else:
            run.append(value)
    pieces.extend(_page_columns(run, p.width))
    return pieces


def _events(p: PageContent) -> list[tuple]:
    """The page's lines and ruled tables by their tops, a table before a line at its top."""
    flow = sorted(p.lines, key=lambda line: line.top)
    tables = sorted(p.tables, key=lambda t: t[0])
    events = [("line", line.top, line) for line in flow] + [("table", t[0], t) for t in tables]
    events.sort(key=lambda e: (e[1], e[0] == "line"))
    return events


def _page_columns(lines: list[Line], width: float) -> list[tuple]:
    """A page set in two columns: split at the gutter, an empty vertical strip
    that most lines leave free, before lines are read (a line of one column
    must not take words of the other, even where their baselines differ).
    Lines that cross the gutter (a heading over both columns) stand alone.
    Without such a gutter, side-by-side parts are looked for line by line."""
    found = _gutter(lines, width)
    if found is None:
        return _split_columns(lines)
    g, gap = found
    out: list[tuple] = []
    band: list[Line] = []
    body = _usual_size(lines)
    for line in lines:
        if any(w.x0 < g < w.x1 for w in line.words) or _gap_at(line, g) < _word_space(line, gap, body) \
                or _alone_heading(line, lines, g, body):
            _flush_band(band, g, out)
            if out and out[-1][0] == "lines":
                out[-1][1].append(line)
            else:
                out.append(("lines", [line]))
        else:
            band.append(line)
    _flush_band(band, g, out)
    return out


def _flush_band(band: list[Line], g: float, out: list[tuple]) -> None:
    """The lines of a band between lines that cross the gutter at `g`, as two columns
    (or as lines, where all of them are on one side) into `out`; the band emptied."""
    left = [w for line in band for w in line.words if w.x1 <= g]
    right = [w for line in band for w in line.words if w.x0 >= g]
    page = band[0].page if band else 0
    if left and right:
        out.append(("columns", [_lines(left, page), _lines(right, page)]))
    elif band:
        out.append(("lines", _lines(left or right, page)))
    band.clear()


def _word_space(line: Line, gutter: float, body: float) -> float:
    """The widest gap that is still a space between words of one line crossing the
    gutter: in running text well under the gutter and the type size, in display type
    (a heading over both columns, spaced wide) up to about its size."""
    if line.size >= 1.3 * body:
        return max(0.6 * gutter, 0.8 * line.size)
    return 0.6 * min(gutter, line.size)


def _usual_size(lines: list[Line]) -> float:
    sizes = sorted(line.size for line in lines)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _alone_heading(line: Line, lines: list[Line], g: float, body: float) -> bool:
    """A line in larger type on one side of the gutter with nothing beside it on the
    other (a heading over a two-column part that does not reach across): it stands
    alone, not at the head of the first column."""
    if line.size < 1.3 * body:
        return False
    left = line.x1 <= g
    pad = 0.5 * (line.bottom - line.top)
    return not any(w.top < line.bottom + pad and w.bottom > line.top - pad and (w.x0 >= g if left else w.x1 <= g)
                   for other in lines for w in other.words)


def _gap_at(line: Line, x: float) -> float:
    """The free width around x in a line (0 where a word covers it; a line on one side: no gap)."""
    left = [w.x1 for w in line.words if w.x1 <= x]
    right = [w.x0 for w in line.words if w.x0 >= x]
    if not left or not right:
        return float("inf")
    return min(right) - max(left)


def _gutter(lines: list[Line], width: float) -> tuple[float, float] | None:
    """The x of a page's column gutter and its usual width, or None for a page in one column."""
    if len(lines) < 10:
        return None
    best, best_score = None, 0
    spans = [_reach(line) for line in lines]
    for x in range(int(0.3 * width), int(0.7 * width), 2):
        split = cross = 0
        for line, (starts, reach) in zip(lines, spans):
            words = line.words
            i = bisect_left(starts, x + 3)  # the words starting left of x + 3 ...
            if i and reach[i - 1] > x - 3:  # ... and one of them reaching past x - 3: a word covers x
                cross += 1
            elif words[0].x1 < x < words[-1].x0:
                split += 1
        if split >= 8 and cross <= 0.2 * split and split - cross > best_score:
            best, best_score = x, split - cross
    if best is None:
        return None
    gaps = sorted(g for g in (_gap_at(line, best) for line in lines) if 0 < g < float("inf"))
    return float(best), gaps[len(gaps) // 2]


def _reach(line: Line) -> tuple[list[float], list[float]]:
    """The line's word starts in order and, for each, the furthest right any word up to it reaches."""
    starts, reach, far = [], [], float("-inf")
    for w in sorted(line.words, key=lambda w: w.x0):
        far = max(far, w.x1)
        starts.append(w.x0)
        reach.append(far)
    return starts, reach


def _split_columns(lines: list[Line]) -> list[tuple]:
    """Runs of lines → single-column runs, borderless tables and column regions (see _region)."""
    out: list[tuple] = []
    single: list[Line] = []
    i = 0
    while i < len(lines):
        if len(_segments(lines[i])) < 2:
            single.append(lines[i])
            i += 1
        elif (table := grid(lines, i)) is not None:  # a borderless table, not a column layout
            _flush(out, single)
            out.append(("grid", table[0]))
            i = table[1]
        else:
            i = _region(lines, i, single, out)
    _flush(out, single)
    return out


def _flush(out: list[tuple], single: list[Line]) -> None:
    if single:
        out.append(("lines", list(single)))
        single.clear()


def _region(lines: list[Line], i: int, single: list[Line], out: list[tuple]) -> int:
    """The column region that starts at lines[i], a line that breaks into parts with wide gaps,
    into `out` (or its lines into `single`); the index after it.

    The gaps are its gutters, the empty strips between columns. Following lines belong to it
    while none of them covers a gutter (a line that only reaches into one narrows it); lines
    just above it that fit (a column's heading that stands higher than the others) belong to it too.
    """
    gutters, members, j = _gaps(_segments(lines[i])), [lines[i]], i + 1
    while j < len(lines) and lines[j].size < 1.3 * members[0].size \
            and (narrowed := _absorb(gutters, lines[j])) is not None:  # larger type: a heading after it
        gutters = narrowed
        members.append(lines[j])
        j += 1
    while single and members[0].top - single[-1].bottom < 2 * single[-1].size \
            and (narrowed := _absorb(gutters, single[-1])) is not None:
        gutters = narrowed
        members.insert(0, single.pop())
    columns = _columns(members, _every_gutter(members, gutters))
    if len(columns) < 2 or len(members) < 2:  # one wide gap in one line: not a layout
        single.extend(members)
    else:
        _flush(out, single)
        out.append(("columns", columns))
    return j


def _every_gutter(members: list[Line], gutters: list[tuple]) -> list[tuple]:
    """The region's gutters: every vertical strip wider than a space that no part of its lines
    covers. The first line shows only the gaps it has: where a column's text ends a line
    higher ("är känd." of the first column beside the second's heading), its gutter shows
    in the strips all lines leave free. Fewer such strips than the first line's gaps (a part
    that reached into one): those gaps, narrowed, as before."""
    spans = sorted((seg.x0, seg.x1) for line in members for seg in _segments(line))
    free: list[tuple] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > 0.8 * members[0].size:
            free.append((reach, x0))
        reach = max(reach, x1)
    return free if len(free) > len(gutters) else gutters


def _gaps(parts: list[Line]) -> list[tuple]:
    return [(a.x1, b.x0) for a, b in zip(parts, parts[1:])]


def _absorb(gutters, line: Line):
    """The gutters once `line` is in the region, or None when the line covers one."""
    out = []
    for g0, g1 in gutters:
        for seg in _segments(line):
            if seg.x1 <= g0 or seg.x0 >= g1:
                continue
            if seg.x0 <= g0 + 2 and seg.x1 >= g1 - 2:
                return None  # the line runs across: the columns have ended
            # a part reaching into the gutter: keep the wider free side
            g0, g1 = max(((g0, seg.x0), (seg.x1, g1)), key=lambda g: g[1] - g[0])
        if g1 - g0 < 4:
            return None
        out.append((g0, g1))
    return out


def _columns(lines: list[Line], gutters) -> list[list[Line]]:
    bounds = sorted(g1 for _, g1 in gutters)
    cols: list[list[Line]] = [[] for _ in range(len(bounds) + 1)]
    for line in lines:
        for seg in _segments(line):
            cols[bisect_right(bounds, seg.x0)].append(seg)
    return [sorted(c, key=lambda s: s.top) for c in cols if c]
