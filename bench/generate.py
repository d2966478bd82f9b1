"""Synthetic programs and patches for the benchmark, shaped like real ones.

A program has chapters (level 1) with subsections (level 2), paragraphs of
several sentences, bullet and numbered lists, some tables and three-column
layouts, sections that run over page breaks (blocks carrying `page:`), and
headings that repeat across chapters ("Uppföljning" in every chapter) but
never twice on one page.

A patch holds amendments of every operation with varied scopes. Its new texts are random
sentences and phrases of the same small vocabulary, unrelated to the text they replace
(`rewrite="random"`, the bench pair); with `rewrite="realistic"` a section's text is replaced
the way a council rewrites one — most sentences kept, some edited by a word or two, a few
dropped or added, its lists and tables kept with an item changed — and a replace keeps some of
the words it replaces ("polisen" → "polisen och räddningstjänsten"). Each one is
built so that it applies as worded: the generator keeps its own record of
where every paragraph and item is (page, section, column, row), checks that a
quoted anchor occurs exactly once on its page, and gives each amendment text
that no other amendment touches, so that no two conflict. It does not ask
amend where things are: a wrong record here makes the benchmark fail loudly.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from amend.model import OPERATIONS
from amend.resolve.guards import checked_edit
from amend.text import find_all, sentence_spans

WORDS = """kommunen förvaltningen nämnden arbetet insatser stöd samverkan barn unga vuxna äldre
medarbetare chefer verksamheten ansvar uppdrag kunskap kompetens utbildning rutiner metoder
uppföljning analys trygghet hälsa våld förebyggande tidiga signaler skolan socialtjänsten polisen
regionen civilsamhället föreningar familjer vårdnadshavare invånare brukare personal ledning
resurser budget tid plan handlingsplan riktlinjer mål indikatorer resultat effekter kvalitet
dialog information kommunikation samordning nätverk partnerskap forskning evidens erfarenheter
behov risker skydd omsorg boende fritid idrott kultur arbetsmarknad ekonomi jämställdhet
delaktighet inflytande likabehandling tillgänglighet långsiktigt systematiskt gemensamt
tydligt särskilt aktivt regelbundet årligen samtliga berörda lokala nationella centrala
ska bör kan behöver utvecklar stärker följer prioriterar samlar erbjuder genomför tar
ansvarar bidrar säkerställer identifierar involverar redovisar beskriver""".split()
GLUE = "och i för med av om till på som att under inom mellan genom samt".split()
CHAPTERS = """Inledning|Syfte och mål|Definitioner|Utgångspunkter|Lagstiftning|Organisation|Ansvar och roller
|Trygghet i offentlig miljö|Skola och förskola|Socialtjänst|Hälso- och sjukvård|Arbetsgivarens ansvar
|Föreningsliv|Digitalt våld|Hedersrelaterat våld|Barn som upplever våld|Äldre och våld
|Personer med funktionsnedsättning|Våldsutövare|Kunskapshöjande insatser|Samordning|Uppföljning av programmet
|Ekonomi och resurser|Kommunikation|Genomförande""".replace("\n", "").split("|")
SUBSECTIONS = """Bakgrund|Mål|Insatser|Samverkan|Ansvar|Uppföljning|Kunskap|Stöd|Rutiner|Dialog|Resurser
|Utbildning|Analys|Prioriteringar""".replace("\n", "").split("|")
COLUMN_HEADINGS = ("Chefer", "Medarbetare", "Förtroendevalda")
TABLE_HEADER = ("Mål", "Indikator", "Ansvar")


# ---------------------------------------------------------------- the record


@dataclass
class Unit:
    """One paragraph or list item as the generator placed it."""

    text: str
    what: str  # "paragraph" or "item" (as amend.tree.Unit.what)
    page: int
    section: int
    container: tuple  # (s,) or (s, b, "col", c) or (s, b, "row", r, c): where its block sits
    index: int  # its block's index in the container (for items: the list's index)
    item: int | None = None  # index in its list
    layout: tuple | None = None  # (s, b) of the columns block or table it sits in
    column: int | None = None  # 1-based
    row: int | None = None  # 0 = header
    carries_page: bool = False
    n: int = 0  # its place in document order


@dataclass
class SectionRec:
    heading: str
    level: int
    page: int
    blocks: list = field(default_factory=list)
    pages: set = field(default_factory=set)
    units: list = field(default_factory=list)  # indices into Program.units


@dataclass
class Program:
    data: dict
    sections: list
    units: list
    pages: int

    def subtree(self, s: int) -> range:
        end = s + 1
        while end < len(self.sections) and self.sections[end].level > self.sections[s].level:
            end += 1
        return range(s, end)


# ---------------------------------------------------------------- text


class Text:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, lo=8, hi=16) -> str:
        rng = self.rng
        words = []
        for _ in range(rng.randint(lo, hi)):
            words.append(rng.choice(GLUE) if words and rng.random() < 0.3 else rng.choice(WORDS))
        if words[-1] in GLUE:
            words[-1] = rng.choice(WORDS)  # "… i." would read as an abbreviation
        if len(words) > 6 and rng.random() < 0.3:
            words[rng.randint(3, len(words) - 3)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def items(self, lo=3, hi=6) -> list[str]:
        return [self.sentence(4, 10) for _ in range(self.rng.randint(lo, hi))]

    def phrase(self, lo=2, hi=5) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))


# ---------------------------------------------------------------- program


def make_program(pages: int, seed: int = 1) -> Program:
    rng = random.Random(seed)
    text = Text(rng)
    sections: list[SectionRec] = []
    units: list[Unit] = []
    chapter = 0
    heads_on_page: set = set()

    def new_section(page: int, level: int):
        nonlocal chapter
        if level == 1:
            chapter += 1
            heading = f"{chapter} {CHAPTERS[chapter % len(CHAPTERS)]}"
        else:
            heading = rng.choice([h for h in SUBSECTIONS if h not in heads_on_page])
        heads_on_page.add(heading)
        sections.append(SectionRec(heading, level, page, pages={page}))

    def add_unit(u: Unit):
        u.n = len(units)
        units.append(u)
        sections[u.section].units.append(u.n)

    def block(page: int, s: int, b: int, container: tuple, where: dict, kind: str):
        """Make one block (as YAML data) and record its units."""
        if kind == "paragraph":
            t = text.paragraph()
            add_unit(Unit(t, "paragraph", page, s, container, b, **where))
            return t
        if kind in ("bullets", "numbered"):
            items = text.items()
            for k, t in enumerate(items):
                add_unit(Unit(t, "item", page, s, container, b, item=k, **where))
            return {kind: items}
        if kind == "table":
            rows = rng.randint(2, 4)
            header = list(TABLE_HEADER)
            for c, h in enumerate(header):
                add_unit(Unit(h, "paragraph", page, s, (s, b, "row", 0, c), 0, layout=(s, b), column=c + 1, row=0))
            body = []
            for r in range(1, rows + 1):
                row = []
                for c in range(len(header)):
                    cell_container = (s, b, "row", r, c)
                    here = {"layout": (s, b), "column": c + 1, "row": r}
                    if c == 2 and rng.random() < 0.3:
                        row.append([block(page, s, 0, cell_container, here, "paragraph"),
                                    block(page, s, 1, cell_container, here, "bullets")])
                    else:
                        row.append(block(page, s, 0, cell_container, here, "paragraph"))
                body.append(row)
            return {"table": {"header": header, "rows": body}}
        if kind == "columns":
            cols = []
            for c, h in enumerate(COLUMN_HEADINGS):
                col_container = (s, b, "col", c)
                here = {"layout": (s, b), "column": c + 1}
                content = [block(page, s, 0, col_container, here, "paragraph"),
                           block(page, s, 1, col_container, here, "bullets")]
                cols.append({"heading": h, "content": content})
            return {"columns": cols}
        raise ValueError(kind)

    for page in range(1, pages + 1):
        heads_on_page = {sections[-1].heading} if sections else set()
        n_blocks = rng.randint(3, 6)
        for k in range(n_blocks):
            if (k == 0 and (not sections or rng.random() < 0.55)) or (k > 0 and rng.random() < 0.12):
                level = 1 if not sections or rng.random() < 0.25 else 2
                new_section(page, level)
            s = len(sections) - 1
            sec = sections[s]
            b = len(sec.blocks)
            carries = b > 0 and _last_page(sec) != page
            kind = rng.choices(["paragraph", "bullets", "numbered", "table", "columns"],
                               weights=[60, 14, 8, 4, 4] if not _has_layout(sec, page) else [60, 14, 8, 0, 0])[0]
            first_unit = len(units)
            data = block(page, s, b, (s,), {}, kind)
            if carries:
                data = {"paragraph": data, "page": page} if isinstance(data, str) else {**data, "page": page}
                if first_unit < len(units):
                    units[first_unit].carries_page = True
            sec.blocks.append((data, page, kind))
            sec.pages.add(page)

    data = {
        "program": {"id": f"bench-{pages}", "title": f"Program för benchmark ({pages} sidor)",
                    "organisation": "Exempelkommun", "language": "sv", "version": "proposed",
                    "date": "2025-03-18", "status": "Förslag"},
        "sections": [{"heading": s.heading, "level": s.level, "page": s.page,
                      "content": [d for d, _, _ in s.blocks]} for s in sections],
    }
    return Program(data, sections, units, pages)


def _last_page(sec: SectionRec) -> int:
    return sec.blocks[-1][1] if sec.blocks else sec.page


def _has_layout(sec: SectionRec, page: int) -> bool:
    """At most one table or column layout per section and page, so that
    `column:` in a heading scope names one layout."""
    return any(p == page and k in ("table", "columns") for _, p, k in sec.blocks)


# ---------------------------------------------------------------- patch


class Out(Exception):
    """This target does not fit the amendment being built; try another."""


class PatchMaker:
    def __init__(self, prog: Program, seed: int, rewrite: str = "random"):
        self.p = prog
        self.rewrite = rewrite
        self.rng = random.Random(seed)
        self.text = Text(self.rng)
        self.taken: set[int] = set()  # units some amendment changes or quotes
        self.taken_sections: set[int] = set()  # sections deleted, replaced or added after
        self.points: set = set()  # insertion points (container, index) in use
        self.lists_changed: set = set()
        self.by_page: dict[int, list[int]] = {}
        for u in prog.units:
            self.by_page.setdefault(u.page, []).append(u.n)
        self.serial = 0

    # ------------------------------------------------ scope helpers (a model of amend's rules)

    def in_heading(self, page: int, s: int) -> list[int]:
        """The text under a heading on a page: the section's own, not its subsections'."""
        return [i for i in self.by_page[page] if self.p.units[i].section == s]

    def counted(self, scope: list[int], what: str | None = None) -> list[int]:
        """What paragraph, item and sentence numbers count when the scope names
        no column: the text outside columns and tables."""
        return [i for i in scope if self.p.units[i].layout is None and what in (None, self.p.units[i].what)]

    def heading_ok(self, page: int, s: int) -> bool:
        name = self.p.sections[s].heading
        return sum(1 for k, sec in enumerate(self.p.sections)
                   if sec.heading == name and page in sec.pages) == 1 if page in self.p.sections[s].pages else False

    def unique_on_page(self, page: int, anchor: str) -> bool:
        return sum(len(find_all(self.p.units[i].text, anchor)) for i in self.by_page[page]) == 1

    def starting(self, units: list[int], what: str, start: str) -> list[int]:
        out = []
        for i in units:
            t = self.p.units[i].text
            if self.p.units[i].what != what or not t.startswith(start):
                continue
            if len(t) == len(start) or not t[len(start)].isalnum():  # the start is a whole word
                out.append(i)
        return out

    def pick_unit(self, what: str | None = None, free_list: bool = False) -> Unit:
        for _ in range(50):
            u = self.p.units[self.rng.randrange(len(self.p.units))]
            if u.n in self.taken or u.section in self.taken_sections:
                continue
            if what and u.what != what:
                continue
            if free_list and self.list_key(u) in self.lists_changed:
                continue
            return u
        raise Out

    def list_key(self, u: Unit):
        return u.container + (u.index,)

    def anchor_in(self, u: Unit, lo: int = 0, hi: int | None = None) -> tuple[str, int, int]:
        """A run of whole words in u.text[lo:hi] that occurs once on the page."""
        hi = len(u.text) if hi is None else hi
        words = u.text[lo:hi].split()
        for _ in range(8):
            size = self.rng.randint(3, 6)
            if len(words) < size:
                size = len(words)
            w = self.rng.randint(0, len(words) - size)
            anchor = " ".join(words[w:w + size])
            if self.unique_on_page(u.page, anchor):
                start = u.text.index(anchor, lo)
                return anchor, start, start + len(anchor)
        raise Out

    def start_of(self, u: Unit, scope_units: list[int]) -> str:
        words = u.text.split()
        for size in (3, 4, 5, 6):
            start = " ".join(words[:size])
            if self.starting(scope_units, u.what, start) == [u.n]:
                return start
        raise Out

    def one_list(self, items: list[int]) -> list[int]:
        """`item: N` names an item of one list only: with several in scope amend refuses it."""
        if len({self.list_key(self.p.units[i]) for i in items}) > 1:
            raise Out
        return items

    def reads(self, u: Unit, start: int, end: int, new: str) -> str:
        """`new` if the edit of u.text[start:end] reads as written (amend refuses the others)."""
        new, problem = checked_edit(u.text, start, end, new, u.text[start:end], u.what == "paragraph" and u.row is None)
        if problem:
            raise Out
        return new

    def ordinal(self, n: int, count: int):
        if n == count - 1 and self.rng.random() < 0.5:
            return "last"
        if n == 0 and self.rng.random() < 0.5:
            return "first"
        return n + 1

    def one_layout(self, scope: list[int]) -> bool:
        return len({self.p.units[i].layout for i in scope if self.p.units[i].layout is not None}) == 1

    def section_scope(self, u: Unit) -> tuple[dict, list[int]]:
        """{page, heading} for the unit's section (or a parent chapter), with the units in it."""
        s = u.section
        if not self.heading_ok(u.page, s):
            raise Out
        return {"page": u.page, "heading": self.p.sections[s].heading}, self.in_heading(u.page, s)

    # ------------------------------------------------ one amendment per operation

    def insert(self, am):
        u = self.pick_unit("paragraph" if self.rng.random() < 0.7 else None)
        at, scope = self.section_scope(u)
        mode = self.rng.choice(["sentence", "paragraph-sentence", "before", "end-item", "occurrence"])
        if mode in ("end-item", "occurrence", "sentence", "paragraph-sentence") and u.layout is not None:
            raise Out
        if mode == "end-item":
            if u.what != "item":
                raise Out
            items = self.one_list(self.counted(scope, "item"))
            at["item"] = self.ordinal(items.index(u.n), len(items))
            am.update(at=at, insert=self.text.phrase())
            return [u]
        if mode == "occurrence":
            paras = self.counted(scope, "paragraph")
            if u.what != "paragraph":
                raise Out
            word = self.rng.choice([w for w in GLUE if find_all(u.text, w)] or ["-"])
            hits = find_all(u.text, word)
            if len(hits) < 2:
                raise Out
            occurrence = self.rng.randint(1, len(hits))
            at.update(paragraph=self.ordinal(paras.index(u.n), len(paras)), occurrence=occurrence)
            end = hits[occurrence - 1] + len(word)
            am.update(at=at, after=word, insert=self.reads(u, end, end, self.text.phrase(1, 3)))
            return [u]
        if mode == "before":
            anchor, start, _ = self.anchor_in(u)
            am.update(at=at, before=anchor, insert=self.reads(u, start, start, self.text.phrase()))
            return [u]
        # an anchor inside one sentence, named by its ordinal
        spans = sentence_spans(u.text)
        k = self.rng.randrange(len(spans))
        anchor, _, end = self.anchor_in(u, *spans[k])
        if mode == "paragraph-sentence" and u.what == "paragraph":
            paras = self.counted(scope, "paragraph")
            at.update(paragraph=self.ordinal(paras.index(u.n), len(paras)), sentence=self.ordinal(k, len(spans)))
        else:
            if u.what != "paragraph":
                raise Out  # sentence numbers count the paragraphs' sentences, not list items
            counted = self.counted(scope, "paragraph")
            before = sum(len(sentence_spans(self.p.units[i].text)) for i in counted[:counted.index(u.n)])
            total = sum(len(sentence_spans(self.p.units[i].text)) for i in counted)
            at["sentence"] = self.ordinal(before + k, total)
        am.update(at=at, after=anchor, insert=self.reads(u, end, end, self.text.phrase()))
        return [u]

    def replace(self, am):
        u = self.pick_unit()
        mode = self.rng.choice(["page-paragraph", "heading", "column", "row"])
        anchor, start, end = self.anchor_in(u)
        if mode == "page-paragraph" and u.what == "paragraph" and u.layout is None:
            paras = self.counted(self.by_page[u.page], "paragraph")
            at = {"page": u.page, "paragraph": self.ordinal(paras.index(u.n), len(paras))}
        elif mode in ("column", "row") and u.layout is not None:
            at, scope = self.section_scope(u)
            if not self.one_layout(scope):
                raise Out
            if mode == "row" and u.row:
                at.update(column=u.column, row=u.row)
            else:
                by_number = u.row is not None or self.rng.random() < 0.5
                at["column"] = u.column if by_number else COLUMN_HEADINGS[u.column - 1]
        else:
            at, _ = self.section_scope(u)
        new = self.text.phrase() if self.rewrite == "random" else self.reworded(anchor)
        am.update(at=at, replace=anchor, **{"with": self.reads(u, start, end, new)})
        return [u]

    def reworded(self, anchor: str) -> str:
        """A realistic replace: the anchor with words added after it, or one word changed."""
        words = anchor.split()
        if self.rng.random() < 0.5:
            return f"{anchor} {self.rng.choice(GLUE)} {self.text.phrase(1, 3)}"
        k = self.rng.randrange(len(words))
        comma = "," if words[k].endswith(",") else ""
        words[k] = self.rng.choice([w for w in WORDS if w != words[k].rstrip(",")]) + comma
        if k == 0 and anchor[:1].isupper():
            words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words)

    def delete(self, am):
        u = self.pick_unit("paragraph")
        if len(u.text.split()) < 8:
            raise Out  # deleting a whole paragraph is delete_paragraph's work
        spans = sentence_spans(u.text)
        k = self.rng.randrange(len(spans))
        anchor, start, end = self.anchor_in(u, *spans[k])
        self.reads(u, start, end, "")
        am.update(at={"page": u.page}, delete=anchor)
        return [u]

    def add_item(self, am):
        u = self.pick_unit("item", free_list=True)
        at, scope = self.section_scope(u)
        lst = [i for i in scope if self.list_key(self.p.units[i]) == self.list_key(u)]
        point = (self.list_key(u), len(lst))
        mode = self.rng.choice(["column", "item", "after_item"])
        if mode == "column" and u.layout is not None and u.row is None:
            if not self.one_layout(scope):
                raise Out
            at["column"] = u.column
            am.update(at=at, add_item=self.text.sentence(4, 8))
        elif mode == "after_item":
            start = self.start_of(u, scope)
            point = (self.list_key(u), u.item + 1)
            am.update(at=at, add_item=self.text.sentence(4, 8), after_item=start)
        else:
            if u.layout is not None:
                raise Out
            items = self.one_list(self.counted(scope, "item"))
            at["item"] = self.ordinal(items.index(u.n), len(items))
            position = self.rng.choice(["first", 2, "last"])
            point = (self.list_key(u), {"first": 0, 2: 1, "last": len(lst)}[position])
            am.update(at=at, add_item=self.text.sentence(4, 8), position=position)
        self.claim_point(point)
        self.lists_changed.add(self.list_key(u))
        return [u]

    def add_paragraph(self, am):
        u = self.pick_unit("paragraph")
        at, scope = self.section_scope(u)
        mode = self.rng.choice(["after", "paragraph", "end"])
        if mode == "after":
            am["after"] = self.start_of(u, scope)
            point = (u.container, u.index + 1)
        elif mode == "paragraph":
            if u.layout is not None:
                raise Out
            paras = self.counted(scope, "paragraph")
            at["paragraph"] = self.ordinal(paras.index(u.n), len(paras))
            point = (u.container, u.index + 1)
        else:
            last = self.p.units[scope[-1]]
            if last.n in self.taken:
                raise Out
            s, b = last.container[0], (last.container[1] if len(last.container) > 1 else last.index)
            point, u = ((s,), b + 1), last
        self.claim_point(point)
        am.update(at=at, add_paragraph=self.text.paragraph())
        return [u]

    def delete_paragraph(self, am):
        u = self.pick_unit("paragraph")
        if u.carries_page or u.layout is not None:
            raise Out
        at, scope = self.section_scope(u)
        if self.rng.random() < 0.5:
            am.update(at=at, delete_paragraph=self.start_of(u, scope))
        else:
            paras = self.counted(self.by_page[u.page], "paragraph")
            am.update(at={"page": u.page, "paragraph": self.ordinal(paras.index(u.n), len(paras))},
                      delete_paragraph=True)
        self.claim_point((u.container, u.index))
        return [u]

    def delete_item(self, am):
        u = self.pick_unit("item", free_list=True)
        at, scope = self.section_scope(u)
        if self.rng.random() < 0.5:
            am.update(at=at, delete_item=self.start_of(u, scope))
        else:
            if u.layout is not None:
                raise Out
            items = self.one_list(self.counted(scope, "item"))
            at["item"] = self.ordinal(items.index(u.n), len(items))
            am.update(at=at, delete_item=True)
        self.lists_changed.add(self.list_key(u))
        return [u]

    def pick_section(self, leaf: bool = True) -> int:
        for _ in range(50):
            s = self.rng.randrange(1, len(self.p.sections))
            span = self.p.subtree(s)
            if leaf and len(span) > 1:
                continue
            if any(k in self.taken_sections for k in span):
                continue
            if any(i in self.taken for k in span for i in self.p.sections[k].units):
                continue
            if not self.heading_ok(self.p.sections[s].page, s):
                continue
            return s
        raise Out

    def take_section(self, s: int):
        for k in self.p.subtree(s):
            self.taken_sections.add(k)
            self.taken.update(self.p.sections[k].units)

    def add_section(self, am):
        s = self.pick_section(leaf=False)
        self.claim_point(((), self.p.subtree(s).stop))
        sec = self.p.sections[s]
        self.serial += 1
        am.update(at={"page": sec.page}, after_section=sec.heading,
                  add_section={"heading": f"Nytt avsnitt {self.serial}", "level": 2,
                               "content": [self.text.paragraph(), {"bullets": self.text.items(2, 4)}]})
        self.take_section(s)
        return []

    def delete_section(self, am):
        s = self.pick_section()
        sec = self.p.sections[s]
        if self.rng.random() < 0.5:
            am.update(at={"page": sec.page, "heading": sec.heading}, delete_section=True)
        else:
            am.update(at={"page": sec.page}, delete_section=sec.heading)
        self.take_section(s)
        return []

    def replace_section_text(self, am):
        s = self.pick_section()
        sec = self.p.sections[s]
        content = [self.text.paragraph(), self.text.paragraph()] if self.rewrite == "random" else self.rewritten(sec)
        am.update(at={"page": sec.page, "heading": sec.heading}, replace_section_text=content)
        self.take_section(s)
        return []

    # ------------------------------------------------ a realistic rewrite of a section

    def rewritten(self, sec: SectionRec) -> list:
        """The section's blocks as a council rewrites them: paragraphs with most sentences kept,
        lists with most items kept, tables and columns as they are (each keeps its page)."""
        out = []
        for data, _, kind in sec.blocks:
            page = {"page": data["page"]} if isinstance(data, dict) and "page" in data else {}
            if kind == "paragraph":
                text = data["paragraph"] if page else data
                out.append({"paragraph": self.rewritten_text(text), **page} if page else self.rewritten_text(text))
            elif kind in ("bullets", "numbered"):
                out.append({kind: self.rewritten_items(data[kind]), **page})
            else:
                out.append(data)
        if all(isinstance(b, dict) and ("table" in b or "columns" in b) for b in out):
            out.append(self.text.paragraph())  # nothing to rewrite: the council adds a paragraph
        return out

    def rewritten_text(self, text: str) -> str:
        """Each sentence kept (55 %), edited by a word or two (25 %), dropped (10 %) or replaced by
        a new one (10 %); now and then a sentence added at the end."""
        kept = []
        for a, b in sentence_spans(text):
            r, sentence = self.rng.random(), text[a:b]
            if r < 0.55:
                kept.append(sentence)
            elif r < 0.80:
                kept.append(self.edited_sentence(sentence))
            elif r >= 0.90:
                kept.append(self.text.sentence())
        if not kept or self.rng.random() < 0.3:
            kept.append(self.text.sentence())
        return " ".join(kept)

    def edited_sentence(self, sentence: str) -> str:
        """One or two words after the first changed, or a phrase put in."""
        words = sentence.split(" ")
        if len(words) < 4 or self.rng.random() < 0.4:
            k = self.rng.randrange(1, max(2, len(words) - 1))
            return " ".join(words[:k] + [self.text.phrase(1, 3)] + words[k:])
        for _ in range(self.rng.randint(1, 2)):
            k = self.rng.randrange(1, len(words) - 1)
            tail = "," if words[k].endswith(",") else ""
            words[k] = self.rng.choice(WORDS) + tail
        return " ".join(words)

    def rewritten_items(self, items: list[str]) -> list[str]:
        out = []
        for item in items:
            r = self.rng.random()
            out += [] if r < 0.1 and len(items) > 1 else [self.edited_sentence(item) if r < 0.3 else item]
        return out + ([self.text.sentence(4, 8)] if self.rng.random() < 0.3 else [])

    def claim_point(self, point):
        if point in self.points:
            raise Out
        self.points.add(point)


# How often each operation appears (text changes dominate real decisions).
WEIGHTS = {"insert": 30, "replace": 22, "delete": 10, "add_item": 9, "add_paragraph": 9,
           "delete_paragraph": 6, "delete_item": 6, "add_section": 3, "delete_section": 2,
           "replace_section_text": 3}
assert set(WEIGHTS) == set(OPERATIONS), "the benchmark must cover every operation"


def make_patch(prog: Program, count: int, seed: int = 2, rewrite: str = "random") -> dict:
    maker = PatchMaker(prog, seed, rewrite)
    ops, weights = list(WEIGHTS), list(WEIGHTS.values())
    amendments = []
    failures = 0
    while len(amendments) < count:
        # cycle through every operation first, so even a small patch has all of them
        op = ops[len(amendments)] if len(amendments) < len(ops) else maker.rng.choices(ops, weights)[0]
        am = {"id": f"a{len(amendments) + 1}", "title": f"Ändring {len(amendments) + 1}"}
        saved = (set(maker.points), set(maker.lists_changed))
        try:
            touched = getattr(maker, op)(am)
        except Out:
            maker.points, maker.lists_changed = saved
            failures += 1
            if failures > 50 * count:
                raise RuntimeError(f"cannot place {count} amendments on {prog.pages} pages") from None
            continue
        maker.taken.update(u.n for u in touched)
        amendments.append(am)
    return {"program": prog.data["program"]["id"], "base": "proposed", "produces": "adopted",
            "status": "Antagen",
            "decision": {"body": "Kommunfullmäktige", "date": "2025-10-22", "paragraph": "§ 170",
                         "case": "2025.202 KS"},
            "amendments": amendments}
