"""Cases for the oracle: a program, one or more patches, and what must come out.

The expected adopted text is computed here, on the oracle's own token model
(`model.py`), by rules written from the README ("How anchors are matched",
the scope keys and the operations) — never by calling amend. Each amendment
is a `Spec` that points at tokens, sentences, units or blocks by identity, so
that a case can be re-emitted with parts of the program dropped (to minimise
a failure) and its expectation recomputed.

An expectation is "apply" (the exact text is known), "refuse" (the oracle
cannot be sure, or the anchor is ambiguous or missing: amend must refuse) or
"either" (a construction whose right reading the README does not settle:
refusing is fine, and applying must give the one reading that is right).
"""
from __future__ import annotations

import copy
import itertools
import random
import unicodedata
from dataclasses import dataclass, field

from .model import NBSP, Cols, Lst, Para, Sec, Tbl, Tok, Unit, program_data, sections_data, stored
from .text import UNKNOWN_ABBR, Features, N, Nonce, W, item_text, sentence

_uid = itertools.count(1)

# Known findings of issue 9 (fixed on branch `text`), by the tag a case gets.
KNOWN = {
    "abbr_end": 1, "unknown_abbr": 2, "odd_start": 3, "combining": 4, "close_end": 6,
    "lead_comma": 7, "word_join": 8, "items_sentence": 12, "blank": 9,
}

CLOSERS = {")", "\u201d", "\u00ab", '"', "\u201c", "\u2019", "'"}
TERMINALS = {".", "!", "?", "\u2026"}
DASHES = {"\u2013", "\u2014"}

# Other findings of the oracle, reported (in amend/text.py, so not fixed here).
FOUND = {"spaced_dash": "A"}


def uid(obj):
    obj.uid = next(_uid)
    return obj


# ---------------------------------------------------------------- places in the model


@dataclass
class Place:
    """Where a unit stands: what scope keys reach it."""

    unit: Unit
    section: Sec
    page: int
    kind: str  # "para" or "item"
    layout: object = None  # the Cols or Tbl it is in
    column: int | None = None  # 1-based
    row: int | None = None  # 1-based body row
    col_heading: str | None = None
    block: object = None  # the block (Para / Lst) holding it, or the list for cells
    container: list = None  # the list of blocks the block is in


def places(sections) -> list[Place]:
    out = []
    for s in sections:
        page = s.page
        for b in s.blocks:
            page = b.page or page
            if isinstance(b, Para):
                out.append(Place(b.unit, s, page, "para", block=b, container=s.blocks))
            elif isinstance(b, Lst):
                out += [Place(u, s, page, "item", block=b, container=s.blocks) for u in b.items]
            elif isinstance(b, Cols):
                for c, (h, blocks) in enumerate(b.columns):
                    for x in blocks:
                        kind = "para" if isinstance(x, Para) else "item"
                        units = [x.unit] if isinstance(x, Para) else x.items
                        out += [Place(u, s, page, kind, b, c + 1, None, h, x, blocks) for u in units]
            elif isinstance(b, Tbl):
                for r, row in enumerate(b.rows):
                    for c, u in enumerate(row):
                        out.append(Place(u, s, page, "para", b, c + 1, r + 1, None, None, None))
    return out


# ---------------------------------------------------------------- the program


def build_program(rng: random.Random, nonce: Nonce, feats: Features) -> list[Sec]:
    sections = []
    page = rng.randint(1, 4)
    topics = ["Samverkan", "Trygghet och säkerhet", "Förebyggande arbete", "Uppföljning", "Kompetens",
              "Mål 2025\u20132027", "Barn och unga", "Ansvar"]
    rng.shuffle(topics)
    for n in range(rng.randint(1, 4)):
        page += rng.choice([0, 1, 1, 2])
        heading = f"{n + 1}.{rng.randint(1, 9)} {topics[n]}" if rng.random() < 0.5 else topics[n]
        sec = uid(Sec(heading, rng.choice([1, 2]), page))
        for _ in range(rng.randint(1, 5)):
            kind = rng.choices(["para", "bullets", "numbered", "table", "cols"], [6, 2, 1, 1, 1])[0]
            if kind == "para":
                block = Para(paragraph(rng, nonce, feats))
            elif kind in ("bullets", "numbered"):
                block = Lst([unit(rng, nonce, feats, item=True) for _ in range(rng.randint(1, 4))],
                            ordered=kind == "numbered")
            elif kind == "table":
                block = Tbl(["Mål", "Indikator"], [[unit(rng, nonce, feats, item=True) for _ in range(2)]
                                                   for _ in range(rng.randint(1, 3))])
            else:
                cols = []
                for c in range(rng.randint(2, 3)):
                    inner = [Para(paragraph(rng, nonce, feats, max_sentences=2))]
                    if rng.random() < 0.5:
                        inner.append(uid(Lst([unit(rng, nonce, feats, item=True) for _ in range(rng.randint(1, 3))])))
                    for x in inner:
                        uid(x)
                    cols.append((f"{['Chefer', 'Medarbetare', 'Politiker'][c]} {nonce.word()}", inner))
                block = Cols(cols)
            if sec.blocks and rng.random() < 0.15:
                page += 1
                block.page = page
            sec.blocks.append(uid(block))
        sections.append(sec)
    return sections


def paragraph(rng, nonce, feats, max_sentences=4) -> Unit:
    n = rng.randint(1, max_sentences)
    return uid(Unit([uid_sent(sentence(rng, nonce, feats, first=k == 0)) for k in range(n)]))


def unit(rng, nonce, feats, item=False) -> Unit:
    return uid(Unit([uid_sent(item_text(rng, nonce, feats))]))


class Sent(list):
    """A sentence: a list of tokens with a uid (so that it can be dropped)."""


def uid_sent(toks) -> Sent:
    s = Sent(toks)
    s.uid = next(_uid)
    for t in toks:
        t.uid = next(_uid)
    return s


# ---------------------------------------------------------------- sentences and counting


def uncertain_points(sents: list[tuple[Unit, Sent]]) -> list[tuple[int, str, bool]]:
    """(sentence index, "in" or "end", unknown abbreviation?) for each place where
    a reader cannot tell whether a sentence ends: an abbreviation before
    something that can begin a sentence, and a sentence that ends in an
    abbreviation with another sentence after it in the same paragraph."""
    out = []
    for k, (u, s) in enumerate(sents):
        for a, b in zip(s, s[1:]):
            if a.kind == "a" and b.can_start():
                out.append((k, "in", a.unknown_abbr or a.text in UNKNOWN_ABBR))
        nxt = sents[k + 1] if k + 1 < len(sents) else None
        if nxt is not None and nxt[0] is u and (s[-1].kind == "a" or _unsure_stop(s)):
            out.append((k, "end", s[-1].unknown_abbr or s[-1].text in UNKNOWN_ABBR))
    return out


MAYBE_ABBR = {"kr", "kl"}  # words whose full stop may be an abbreviation's ("5 000 kr.")


def _unsure_stop(s) -> bool:
    """Does sentence s end where a reader cannot be sure a sentence ends: an
    ellipsis (the sentence may go on) or "kr." (an abbreviation's full stop)?"""
    # an inserted token may hold several words ("minst 5 000 kr"): its last one counts
    return s[-1].text == "\u2026" or (s[-1].text == "." and len(s) > 1 and s[-2].text.split()[-1] in MAYBE_ABBR)


def sure_sentence(sents, t: int, from_end: bool) -> tuple[bool, set]:
    """Is sentence t (0-based) the same under every reading of the uncertain
    boundaries? Counted from the start, any doubt up to its end matters;
    counted from the end, any doubt from the boundary before it on."""
    tags = set()
    pts = uncertain_points(sents)
    if from_end:
        relevant = [p for p in pts if (p[1] == "in" and p[0] >= t) or (p[1] == "end" and p[0] >= t - 1)]
    else:
        relevant = [p for p in pts if p[0] <= t]
    if any(p[2] for p in relevant):
        tags.add("unknown_abbr")
    odd = [k for k, (u, s) in enumerate(sents) if k and sents[k - 1][0] is u and s[0].odd_start]
    if any((k >= t) if from_end else (k <= t + 1) for k in odd):
        tags.add("odd_start")
    return not relevant, tags


# ---------------------------------------------------------------- amendments


LOWERS = "the text would start in lower case or with a mark (review 5 findings 1, 6)"


@dataclass
class Expect:
    outcome: str  # "apply", "refuse", "either"
    why: str
    tags: set = field(default_factory=set)


class Spec:
    """One amendment: `emit` gives its patch data and expectation against the
    current model; `apply` changes the model as the README says it must."""

    claims: tuple = ()

    def valid(self, present: set) -> bool:
        return all(getattr(x, "uid", None) in present for x in self.needs())

    def needs(self):
        return ()

    def emit(self, sections) -> tuple[dict, Expect]:
        raise NotImplementedError

    def emit_all(self, sections) -> list[tuple[dict, Expect]]:
        """The amendments this spec stands for (most stand for one)."""
        return [self.emit(sections)]

    def apply(self, sections) -> None:
        pass


def _ordinal(rng_choice: str, k: int, n: int):
    """An ordinal for 0-based k of n, written as asked: number, first or last."""
    if rng_choice == "last" and k == n - 1:
        return "last"
    if rng_choice == "first" and k == 0:
        return "first"
    return k + 1


def anchor_text(toks: list[Tok], style: int) -> str:
    """How the minutes quote tokens: as printed (0) or with straight quotes,
    hyphen for dashes, plain spaces and no soft hyphens (1), decomposed (2)."""
    text = "".join((t.sep if k else "") + t.text for k, t in enumerate(toks))
    if style >= 1:
        text = text.replace(NBSP, " ").replace("\u00ad", "")
        for q in "\u201d\u201c\u201e\u00bb\u00ab":
            text = text.replace(q, '"')
        text = text.replace("\u2013", "-").replace("\u2014", "-")
    return unicodedata.normalize("NFD" if style == 2 else "NFC", text)


@dataclass
class Where:
    """A scope for a target unit, with its sentence index if sentence: is used."""

    at: dict
    sents: list  # the counted sentences of the scope (unit, Sent)
    units: list  # the units in scope (for anchor counting)
    tags: set = field(default_factory=set)
    refuse: str | None = None  # why the scope itself must be refused


def scope_for(rng, sections, place: Place, sent: Sent | None, want_sentence: bool, style: str) -> Where:
    """A scope that reaches `place` (and `sent` with sentence: when asked)."""
    allp = places(sections)
    at = {}
    pages = {p.page for p in allp if p.section is place.section}
    use_page = len(pages) > 1 or rng.random() < 0.3
    if place.layout is not None and isinstance(place.layout, Cols) and rng.random() < 0.5:
        at["heading"] = place.col_heading
        inscope = [p for p in allp if p.layout is place.layout and p.column == place.column]
        counted = inscope
    else:
        at["heading"] = place.section.heading
        inscope = [p for p in allp if p.section is place.section]
        if place.layout is not None:
            at["column"] = place.column
            inscope = [p for p in inscope if p.layout is place.layout and p.column == place.column]
            if place.row is not None:
                at["row"] = place.row
                inscope = [p for p in inscope if p.row == place.row]
            counted = inscope
        else:
            counted = [p for p in inscope if p.layout is None]
    if use_page:
        at = {"page": place.page, **at}
        inscope = [p for p in inscope if p.page == place.page]
        counted = [p for p in counted if p.page == place.page]
    tags = set()
    refuse = None
    if "column" in at:
        # row: names a table (README: only tables have rows), so column layouts beside it do not count
        layouts = {id(p.layout) for p in allp if p.section is place.section and p.layout is not None
                   and ("row" not in at or p.row is not None) and (not use_page or p.page == place.page)}
        if len(layouts) > 1:
            refuse = "column: with several column layouts or tables in scope"
    if rng.random() < 0.4 or (want_sentence and place.kind == "item"):
        kinds = [p for p in counted if p.kind == place.kind]
        k = next(i for i, p in enumerate(kinds) if p.unit is place.unit)
        if place.kind == "item" and len({id(p.block) for p in kinds}) > 1:
            refuse = refuse or "item: N with several lists in scope (each list numbers its own items)"
        at["paragraph" if place.kind == "para" else "item"] = _ordinal(style, k, len(kinds))
        counted = [place]
        inscope = [place]
    sents = [(p.unit, s) for p in counted if p.kind == "para" or p is place for s in p.unit.sentences]
    if want_sentence:
        if any(p.kind == "item" for p in counted) and place.kind == "para":
            tags.add("items_sentence")  # finding 12: items must not count as sentences
        k = next(i for i, (u, s) in enumerate(sents) if s is sent)
        at["sentence"] = _ordinal(style, k, len(sents))
    return Where(at, sents, [p.unit for p in inscope], tags, refuse)


def _layouts(allp, section, page=None) -> int:
    return len({id(p.layout) for p in allp if p.section is section and p.layout is not None
                and (page is None or p.page == page)})


def sentence_expect(where: Where, sent) -> Expect:
    if where.refuse:
        return Expect("refuse", where.refuse, set(where.tags))
    if "sentence" not in where.at:
        return Expect("apply", "", set(where.tags))
    k = next(i for i, (u, s) in enumerate(where.sents) if s is sent)
    sure, tags = sure_sentence(where.sents, k, where.at["sentence"] == "last")
    tags |= where.tags
    if not sure:
        # Refusing is right; amend may also find that every reading gives the same
        # place, and then what it applies must be the oracle's reading.
        return Expect("either", "the sentence count depends on whether an abbreviation ends a sentence", tags)
    return Expect("apply", "", tags)


def _next_in_unit(u: Unit, sent) -> Tok | None:
    """The first token of the sentence after `sent` in unit u, if any."""
    k = next(n for n, x in enumerate(u.sentences) if x is sent)
    return u.sentences[k + 1][0] if k + 1 < len(u.sentences) else None


def find_sentence(sections, tok) -> tuple[Place, Sent, int]:
    for p in places(sections):
        for s in p.unit.sentences:
            for k, t in enumerate(s):
                if t is tok:
                    return p, s, k
    raise LookupError(tok)


@dataclass
class TextSpec(Spec):
    """insert after / before, replace, delete: an anchor of tokens [first..last] of one sentence."""

    op: str
    first: Tok
    last: Tok
    new: Tok | None
    with_sentence: bool
    ordinal_style: str
    anchor_style: int
    seed: int

    def needs(self):
        return (self.first, self.last)

    def emit(self, sections):
        rng = random.Random(self.seed)
        place, sent, i = find_sentence(sections, self.first)
        j = sent.index(self.last) + 1
        where = scope_for(rng, sections, place, sent, self.with_sentence, self.ordinal_style)
        expect = sentence_expect(where, sent)
        if expect.outcome == "refuse" and not where.refuse:
            # The quoted words are unique: a reading that puts the sentence elsewhere
            # cannot find them there (a refusal), the others find the same place.
            expect.outcome = "either"
        anchor = anchor_text(sent[i:j], self.anchor_style)
        am = {"at": where.at}
        if self.op == "after" and sent[j - 1].text in DASHES or self.op == "before" and sent[i].text in DASHES:
            expect.tags.add("spaced_dash")
        if self.op in ("after", "before"):
            am[self.op] = anchor
            am["insert"] = self.new.text
            if self.new.text.startswith(","):
                expect.tags.add("lead_comma")
        elif self.op == "replace":
            am["replace"], am["with"] = anchor, self.new.text
        else:
            am["delete"] = anchor
        if self.op in ("replace", "delete") and sent[j - 1].kind == "a":
            # The abbreviation's full stop may also end the sentence: where a sentence
            # (or a word that may start one) follows, that is unclear (README).
            nxt = sent[j] if j < len(sent) else _next_in_unit(place.unit, sent)
            if nxt is not None and (j == len(sent) or nxt.can_start()):
                expect.tags.add("abbr_end")
                if expect.outcome == "apply":
                    expect.outcome = "either"
        if self.op == "delete" and 0 < i and j < len(sent) and (sent[i - 1].kind == "o" and sent[j].text in CLOSERS
                                                                 or sent[i - 1].text in DASHES and sent[j].text in DASHES):
            expect = Expect("refuse", "leaves empty quotation marks or a dash pair '– –' (review 5 findings 4, 6)",
                            expect.tags)
        if _unpairs(sent[i:j] if self.op in ("replace", "delete") else [], self.new.text if self.new else ""):
            expect = Expect("refuse", "leaves a bracket or quotation mark without its partner (review 5 finding 2)",
                            expect.tags)
        if _lowers_paragraph_start(place, sent, i, j, self.op, self.new):
            expect = Expect("refuse", LOWERS, expect.tags)
        if self.op == "delete":
            rest = [t for t in place.unit.tokens() if not any(t is x for x in sent[i:j])]
            if not any(ch.isalnum() for t in rest for ch in t.text):
                expect = Expect("refuse", "deletes all of a paragraph's text", expect.tags)
        return am, expect

    def apply(self, sections):
        place, sent, i = find_sentence(sections, self.first)
        j = sent.index(self.last) + 1
        new = self.new
        shared = self.op in ("replace", "delete") and j == len(sent) and sent[-1].kind == "a" \
            and not (self.op == "replace" and new.text[-1] in TERMINALS)
        if shared:  # the abbreviation's full stop ends the sentence too: it stays
            sent.insert(j, uid(Tok(".", "", "t")))
        if self.op == "after":
            new.sep = "" if new.text[0] in ",.;:" else " "
            sent.insert(j, new)
        elif self.op == "before":
            new.sep, self.first.sep = self.first.sep, " "
            if new.text[0] in ",.;:":
                new.sep = ""
            sent.insert(i, new)
        elif self.op == "replace":
            new.sep = self.first.sep
            sent[i:j] = [new]
        else:
            sep = self.first.sep
            del sent[i:j]
            if i < len(sent) and sent[i].sep != "":
                sent[i].sep = sep


def _lowers_paragraph_start(place, sent, i, j, op, new) -> bool:
    """Does the edit make a paragraph (not an item or table cell) that starts with a capital
    start in lower case ("Därför följs" − "Därför", "även" before "Kommunen"), or any text start
    with a mark (", i första hand, Insatser")? amend refuses both (review 5 findings 1 and 6)."""
    if sent is not place.unit.sentences[0] or op == "after" or any(c.isalnum() for t in sent[:i] for c in t.text):
        return False
    if op == "delete":
        following = sent[j:] or [t for s in place.unit.sentences[1:] for t in s]
        first = "".join(t.text for t in following[:3])
    else:
        first = new.text
    if first[:1] in ",.;:!?" and first[:1] != sent[0].text[:1]:
        return True
    return place.kind == "para" and place.row is None and _first_is_lower(first) \
        and not _first_is_lower(sent[0].text)


def _unpairs(removed, added: str) -> bool:
    """Do the removed tokens and the added text hold brackets or double quotation marks
    that do not balance alike, so that the edit leaves one without its partner?"""
    gone = "".join(t.text for t in removed)

    def balance(text: str) -> tuple:
        quotes = sum(text.count(q) for q in "\"\u201c\u201d\u201e\u00bb\u00ab") % 2
        return (text.count("(") - text.count(")"), text.count("[") - text.count("]"), quotes)

    return balance(gone) != balance(added)


def _first_is_lower(text: str) -> bool:
    ch = next((c for c in text if c.isalnum()), "")
    return ch.islower()


@dataclass
class EndInsertSpec(Spec):
    """insert without after/before: at the end of one sentence, paragraph or item."""

    sent_tok: Tok  # the first token of the target sentence
    new: Tok
    with_sentence: bool
    ordinal_style: str
    seed: int

    def needs(self):
        return (self.sent_tok,)

    def emit(self, sections):
        rng = random.Random(self.seed)
        place, sent, _ = find_sentence(sections, self.sent_tok)
        last_of_unit = sent is place.unit.sentences[-1]
        if not self.with_sentence and not last_of_unit:
            want = True
        else:
            want = self.with_sentence
        where = scope_for(rng, sections, place, sent, want, self.ordinal_style)
        expect = sentence_expect(where, sent)
        if "sentence" not in where.at and not ("paragraph" in where.at or "item" in where.at):
            if len(where.units) != 1:
                expect = Expect("refuse", "at-end insert into a scope of several paragraphs or items",
                                expect.tags)
        full = self.new.text[-1] in TERMINALS
        if not full and _unsure_stop(sent):
            expect = Expect("refuse", "the sentence ends in an ellipsis or 'kr.': before or after it is unclear",
                            expect.tags)
        elif not full:
            if sent[-1].kind == "a":
                expect.tags.add("abbr_end")
                if expect.outcome == "apply":
                    expect.outcome = "either"
            elif sent[-1].text in CLOSERS and len(sent) > 1 and sent[-2].text in TERMINALS:
                expect.tags.add("close_end")
                opener = max((k for k, t in enumerate(sent) if t.kind == "o"), default=0)
                if opener > 0:  # "… (Se bilaga x.)": a quotation that starts inside the sentence
                    expect = Expect("refuse", "the sentence ends in a quotation that starts inside it",
                                    expect.tags)
            k = len(sent) - 1 if sent[-1].kind == "t" else len(sent)
            if k > 0 and sent[k - 1].text in DASHES:
                expect.tags.add("spaced_dash")
        return {"at": where.at, "insert": self.new.text}, expect

    def apply(self, sections):
        place, sent, _ = find_sentence(sections, self.sent_tok)
        new = self.new
        new.sep = " "
        if new.text[-1] in TERMINALS:  # a full sentence: after this one, as a sentence of its own
            units = place.unit.sentences
            # its own words and its full stop, so that a later at-end insert finds the stop
            whole = [Tok(new.text[:-1], " ", "w", starter=True), Tok(new.text[-1], "", "t")]
            units.insert(next(k for k, x in enumerate(units) if x is sent) + 1, uid_sent(whole))
            return
        k = len(sent)
        while k > 0 and sent[k - 1].text in CLOSERS:
            k -= 1
        if k > 0 and sent[k - 1].text in TERMINALS:
            sent.insert(k - 1, new)
        elif sent[-1].kind == "a" and sent[-1].text.endswith("."):
            sent.append(new)  # "unga m.m." + "samt äldre" → "unga m.m. samt äldre."
            sent.append(uid(Tok(".", "", "t")))
        else:
            sent.insert(k, new)


@dataclass
class PairSpec(Spec):
    """Two amendments at one place: two insertions after (or before) the same
    anchor keep file order; an insertion and a change of the quoted words
    overlap and must be refused as a conflict."""

    first: TextSpec
    second: TextSpec
    conflict: bool

    def needs(self):
        return self.first.needs() + self.second.needs()

    def emit_all(self, sections):
        one, two = self.first.emit(sections), self.second.emit(sections)
        two[0]["at"] = dict(one[0]["at"])  # the same scope, so that only the overlap can be wrong
        if one[1].why != LOWERS:  # a refusal of the first one's own words is not the second one's
            two[1].outcome = one[1].outcome
        same = {k: v for k, v in one[0].items() if k != "at"} == {k: v for k, v in two[0].items() if k != "at"}
        if self.conflict or same:  # the same words inserted twice at one place conflict too (review 5)
            tags = one[1].tags | two[1].tags
            return [(one[0], Expect("conflict", "overlapping amendments", tags)),
                    (two[0], Expect("conflict", "overlapping amendments", tags))]
        return [one, two]

    def apply(self, sections):
        # Insertions at one point: the later one goes in first, so the earlier ends up first.
        if self.first.op == "after":
            self.second.apply(sections)
            self.first.apply(sections)
        else:
            self.first.apply(sections)
            self.second.apply(sections)


@dataclass
class RefuseSpec(Spec):
    """An amendment the oracle knows must be refused: a missing, cut or
    out-of-scope anchor, a scope that is not there."""

    kind: str
    tok: Tok
    other: Tok | None
    seed: int

    def needs(self):
        return (self.tok,) + ((self.other,) if self.other is not None and self.kind == "out_of_scope" else ())

    def emit(self, sections):
        rng = random.Random(self.seed)
        place, sent, i = find_sentence(sections, self.tok)
        where = scope_for(rng, sections, place, sent, False, "num")
        at, tags = where.at, set(where.tags)
        t = self.tok.text
        if self.kind == "missing":
            anchor = "okändx" + t
        elif self.kind == "near":
            anchor = t[:-2] + ("a" if t[-2] != "a" else "o") + t[-1]
        elif self.kind == "prefix":
            anchor = unicodedata.normalize("NFC", t)[:-1]
        elif self.kind == "word_join":  # "HR" in "HR-avdelningen", "KF" in "KF:s"
            anchor = t.split("-")[0].split(":")[0]
            tags.add("word_join")
        elif self.kind == "combining":  # an anchor that ends inside a letter with its accent
            anchor = t[: t.index("\u0301") - 0]
            tags.add("combining")
        elif self.kind == "out_of_scope":
            other_place, _, _ = find_sentence(sections, self.other)
            anchor = self.other.text
            if other_place.section is place.section:
                return {"at": at, "after": anchor, "insert": "nyx"}, Expect("apply", "", tags)  # dropped elsewhere
            at = {"heading": place.section.heading}
        elif self.kind == "blank":  # an insert of only spaces (finding 9): nothing to insert
            tags.add("blank")
            return {"at": at, "after": t, "insert": rng.choice(["  ", "\u00a0", " \u00ad "])}, \
                Expect("refuse", "inserts only white space", tags)
        elif self.kind == "no_paragraph":
            at = {"heading": place.section.heading, "paragraph": 40}
            return {"at": at, "insert": "tillägg"}, Expect("refuse", "no 40th paragraph", tags)
        elif self.kind == "wrong_page":
            at = {"page": 900, "heading": place.section.heading}
            anchor = t
        elif self.kind == "ambiguous":
            at = {"heading": place.section.heading}
            anchor = "i samverkan med regionen"
            tracked = _tracked(sections, place.section)
            n = len(tracked)
            self.other = tracked[0][0][tracked[0][1] + 3] if n == 1 else None  # "regionen": insert after it
            if n == 1:
                return {"at": at, "after": anchor, "insert": "nyx"}, Expect("apply", "", tags)
        else:
            raise ValueError(self.kind)
        return {"at": at, "after": anchor, "insert": "nyx"}, Expect("refuse", self.kind, tags)

    def apply(self, sections):
        # Only reached when emit said "apply" (the refusal's reason was dropped).
        if self.kind == "out_of_scope":
            TextSpec("after", self.other, self.other, W("nyx"), False, "num", 0, self.seed).apply(sections)
        elif self.kind == "ambiguous":
            _, sent, k = find_sentence(sections, self.other)
            sent.insert(k + 1, uid(W("nyx")))


def _tracked(sections, section) -> list[tuple[Sent, int]]:
    """Where "i samverkan med regionen" stands, whole, in a section."""
    out = []
    for p in places(sections):
        if p.section is not section:
            continue
        for s in p.unit.sentences:
            for k, _x in enumerate(s):
                words = [t.text for t in s[k:k + 4]]
                if words == ["i", "samverkan", "med", "regionen"] and all(t.sep == " " for t in s[k + 1:k + 4]) \
                        and (k + 4 == len(s) or s[k + 4].kind not in ("w", "n", "a") or s[k + 4].sep != ""):
                    out.append((s, k))
    return out


@dataclass
class BlockSpec(Spec):
    """add_item / delete_item / add_paragraph / delete_paragraph."""

    op: str
    target: object  # a Lst (add_item), a Unit (delete_*, add_paragraph after)
    new: Unit | None
    position: object
    seed: int

    def needs(self):
        return (self.target,)

    def clamped(self):
        pos = self.position
        return pos if pos in (None, "first", "last") else min(pos, len(self.target.items) + 1)

    def emit(self, sections):
        random.Random(self.seed)
        allp = places(sections)
        if self.op == "add_item":
            lst = self.target
            p = next(p for p in allp if p.block is lst)
            at = {"heading": p.section.heading}
            if p.layout is not None:
                at["column"] = p.column
            if len({q.page for q in allp if q.section is p.section}) > 1:
                at = {"page": p.page, **at}
            inscope = [q for q in allp if q.section is p.section and q.page == p.page
                       and (p.layout is None or (q.layout is p.layout and q.column == p.column))]
            am = {"at": at, "add_item": text_of(self.new)}
            pos = self.clamped()
            if pos is not None:
                am["position"] = pos
            if len({id(q.block) for q in inscope if q.kind == "item"}) != 1:
                return am, Expect("refuse", "several lists in scope")
            if p.layout is not None and _layouts(allp, p.section, at.get("page")) > 1:
                return am, Expect("refuse", "column: with several column layouts or tables in scope")
            return am, Expect("apply", "")
        place = next(p for p in allp if p.unit is self.target)
        start = start_words(self.target)
        at = {"heading": place.section.heading}
        expect = Expect("apply", "")
        if place.layout is not None and isinstance(place.layout, Cols):
            at = {"heading": place.section.heading, "column": place.column}
            if _layouts(allp, place.section) > 1:
                expect = Expect("refuse", "column: with several column layouts or tables in scope")
        if self.op == "delete_paragraph":
            return {"at": at, "delete_paragraph": start}, expect
        if self.op == "delete_item":
            return {"at": at, "delete_item": start}, expect
        if self.op == "add_paragraph":
            return {"at": at, "add_paragraph": text_of(self.new), "after": start}, expect
        raise ValueError(self.op)

    def apply(self, sections):
        allp = places(sections)
        if self.op == "add_item":
            lst = self.target
            pos = self.clamped()
            n = len(lst.items)
            index = n if pos in (None, "last") else 0 if pos == "first" else pos - 1
            lst.items.insert(index, self.new)
            return
        place = next(p for p in allp if p.unit is self.target)
        if self.op == "delete_item":
            place.block.items.remove(self.target)
            if not place.block.items:
                place.container.remove(place.block)
        elif self.op == "delete_paragraph":
            place.container.remove(place.block)
        elif self.op == "add_paragraph":
            k = place.container.index(place.block)
            place.container.insert(k + 1, uid(Para(self.new)))


def start_words(u: Unit) -> str:
    """The opening words of a unit up to and including its first nonce word (unique)."""
    toks = u.tokens()
    k = next(i for i, t in enumerate(toks) if t.kind == "n")
    return anchor_text(toks[: k + 1], 0)


def text_of(u: Unit) -> str:
    return stored(u.text())


# ---------------------------------------------------------------- choosing amendments


def _anchor_ranges(sent: Sent) -> list[tuple[int, int]]:
    """(i, j) token ranges that make a whole-word anchor containing a nonce word."""
    out = []
    n = len(sent)
    for i in range(n):
        a = sent[i]
        if a.kind not in ("w", "n", "a", "o") or a.sep == NBSP or a.kind == "o" and i + 1 < n and sent[i + 1].kind == "p":
            continue
        if a.kind in ("w", "n", "a") and i > 0 and a.sep == "" and sent[i - 1].kind != "o":
            continue
        for j in range(i + 1, min(n, i + 5) + 1):
            b = sent[j - 1]
            if b.kind not in ("w", "n", "a", "p") or b.kind == "p" and b.text not in CLOSERS:
                continue
            if j < n and sent[j].sep == NBSP:
                continue
            if b.kind == "p" and not (j - 2 >= i and sent[j - 2].kind in ("w", "n")):
                continue
            if not any(t.kind == "n" for t in sent[i:j]):
                continue
            out.append((i, j))
    return out


INSERTS = ["samt med de fackliga parterna", "och polisen", "i första hand", "2025\u20132028",
           "minst 5\u00a0000 kr", "(se bilaga)", "t.ex. skolor", "s.k. trygghetsvandringar", "»Trygg i Alingsås«",
           "cafe\u0301er"]
LEAD_COMMA = [", i första hand,", ", bland annat", ", t.ex. polisen,"]
SENTENCES = ["Uppföljningen sker årligen.", "Polisen deltar också.", "Arbetet utvärderas 2027!"]


def new_tok(rng, nonce, feats, allow_comma: bool) -> Tok:
    if allow_comma and "lead_comma" in feats and rng.random() < 0.15:
        text = rng.choice(LEAD_COMMA)
    else:
        text = rng.choice(INSERTS)
    if rng.random() < 0.5:
        text = f"{text} {nonce.word()}"
    return uid(Tok(text, " ", "w", starter=not text[0].islower()))


def choose_specs(rng: random.Random, sections, nonce: Nonce, feats: Features, count: int,
                 refusals: bool = True) -> list[Spec]:
    specs, claimed, touched = [], set(), set()
    allp = places(sections)
    sent_places = [(p, s) for p in allp for s in p.unit.sentences]
    if not sent_places:  # an earlier patch of the case left no sentence to amend
        return specs
    for _ in range(count * 3):
        if len(specs) >= count:
            break
        seed = rng.randrange(1 << 30)
        kind = rng.choices(["after", "before", "replace", "delete", "end", "refuse", "block", "pair"],
                           [5, 4, 4, 3, 4, 4 if refusals else 0, 4, 2])[0]
        p, s = rng.choice(sent_places)
        if id(s) in claimed or id(p.unit) in claimed or id(p.block) in claimed:
            continue
        if kind == "block" and (id(p.unit) in touched or id(p.block) in touched):
            continue
        if kind == "pair":
            ranges = _anchor_ranges(s)
            if not ranges:
                continue
            i, j = rng.choice(ranges)
            if i == 0 and s is not p.unit.sentences[0]:
                continue
            side = rng.choice(["after", "before"])
            conflict = refusals and rng.random() < 0.4
            one = TextSpec(side, s[i], s[j - 1], new_tok(rng, nonce, feats, False), False, "num", 0, seed)
            if conflict:
                two = TextSpec("replace", s[i], s[j - 1], new_tok(rng, nonce, feats, False), False, "num", 1, seed)
            else:
                two = TextSpec(side, s[i], s[j - 1], new_tok(rng, nonce, feats, False), False, "num", 1, seed)
            if rng.random() < 0.5:
                one, two = two, one
            spec = PairSpec(one, two, conflict)
        elif kind in ("after", "before", "replace", "delete"):
            ranges = _anchor_ranges(s)
            if not ranges:
                continue
            i, j = rng.choice(ranges)
            if i == 0 and s is not p.unit.sentences[0] and kind != "after":
                continue  # the sentence would begin in lower case: no longer a sentence the oracle can count
            if kind == "delete" and i == 0 and j == len(s):
                continue
            if kind == "delete" and any(t.kind == "p" or t.kind == "o" for t in s[i:j]):
                continue  # keep deletions to words: "(x)" → "()" is not a spacing rule
            new = None if kind == "delete" else new_tok(rng, nonce, feats, kind == "before")
            spec = TextSpec(kind, s[i], s[j - 1], new, rng.random() < 0.2, rng.choice(["num", "first", "last"]),
                            rng.choice([0, 0, 1, 2]), seed)
        elif kind == "end":
            if not feats_allow_end(s, feats):
                continue
            ends = s[-1].kind in ("t", "a") or s[-1].text in CLOSERS
            full = ends and rng.random() < 0.5  # a sentence after words with no full stop would not read as one
            new = uid(Tok(rng.choice(SENTENCES), " ", "w", starter=True)) if full else new_tok(rng, nonce, feats, False)
            spec = EndInsertSpec(s[0], new, rng.random() < 0.6, rng.choice(["num", "first", "last"]), seed)
        elif kind == "refuse":
            opts = ["missing", "near", "prefix", "out_of_scope", "no_paragraph", "wrong_page", "ambiguous", "blank"]
            nonces = [t for t in s if t.kind == "n"]
            if not nonces:
                continue
            tok = rng.choice(nonces)
            if "word_join" in feats and any(t.text in ("HR-avdelningen", "KF:s") for t in s):
                opts.append("word_join")
            if "combining" in feats and "\u0301" in tok.text:
                opts.append("combining")
            k = rng.choice(opts)
            if k == "word_join":
                tok = next(t for t in s if t.text in ("HR-avdelningen", "KF:s"))
            if k == "prefix" and "\u0301" in tok.text[-2:]:
                continue
            other = None
            if k == "out_of_scope":
                others = [t for q, x in sent_places if q.section is not p.section for t in x if t.kind == "n"]
                if not others:
                    continue
                other = rng.choice(others)
            if len(_tracked(sections, p.section)) > 1 and rng.random() < 0.5:
                k = "ambiguous"
            if k == "ambiguous" and (not _tracked(sections, p.section) or any(
                    id(q.unit) in touched for q, _ in sent_places if q.section is p.section)):
                continue
            spec = RefuseSpec(k, tok, other, seed)
        else:
            spec = block_spec(rng, p, nonce, feats, seed)
            if spec is None:
                continue
        specs.append(spec)
        claimed.add(id(s))
        touched.update((id(p.unit), id(p.block)))
        if isinstance(spec, RefuseSpec) and spec.kind == "ambiguous":
            claimed.update(id(x) for q, x in sent_places if q.section is p.section)
            claimed.update(id(q.unit) for q, x in sent_places if q.section is p.section)
        if isinstance(spec, (BlockSpec, RefuseSpec, PairSpec)):
            claimed.update((id(p.unit), id(p.block)))
    return specs


def feats_allow_end(s: Sent, feats: Features) -> bool:
    if s[-1].kind == "a" and "abbr_end" not in feats:
        return False
    if s[-1].text in CLOSERS and "close_end" not in feats:
        return False
    return True


def block_spec(rng, p: Place, nonce, feats, seed) -> BlockSpec | None:
    op = rng.choice(["add_item", "delete_item"] if p.kind == "item" else ["add_paragraph", "delete_paragraph"])
    if p.layout is not None and isinstance(p.layout, Tbl):
        return None
    if not any(t.kind == "n" for t in p.unit.tokens()):
        return None
    if op == "add_item":
        if p.kind != "item":
            return None
        return BlockSpec("add_item", p.block, unit(rng, nonce, feats, item=True),
                         rng.choice([None, "first", "last", 1, 2, 3]), seed)
    if op == "delete_item":
        return BlockSpec(op, p.unit, None, None, seed) if p.kind == "item" and len(p.block.items) > 1 else None
    if p.kind != "para" or not any(t.kind == "n" for t in p.unit.tokens()):
        return None
    if op == "delete_paragraph" and (p.block.page is not None or len(p.container) < 2):
        return None
    new = paragraph(rng, nonce, feats, 2) if op == "add_paragraph" else None
    return BlockSpec(op, p.unit, new, None, seed)


# ---------------------------------------------------------------- a case


def present_uids(sections) -> set:
    out = set()
    for s in sections:
        out.add(s.uid)
        for b in s.blocks:
            out.add(getattr(b, "uid", None))
        for p in places([s]):
            out.add(getattr(p.unit, "uid", None))
            for x in p.unit.sentences:
                out.add(getattr(x, "uid", None))
                out.update(getattr(t, "uid", None) for t in x)
        for b in s.blocks:
            if isinstance(b, Lst):
                out.add(b.uid)
            if isinstance(b, Cols):
                out.update(getattr(x, "uid", None) for _, xs in b.columns for x in xs)
    out.discard(None)
    return out


@dataclass
class Emitted:
    program: dict
    patches: list  # list of patch data
    expect: list  # per patch: list[Expect] (one per amendment)
    expected: list  # per patch applied: expected sections data
    tags: set

    @property
    def outcome(self) -> str:
        """"refuse" when some amendment must be refused, "either" when one may be."""
        flat = [e.outcome for es in self.expect for e in es]
        return "refuse" if "refuse" in flat or "conflict" in flat else "either" if "either" in flat else "apply"


class Case:
    """A program and a chain of 1-3 patches, drawn from one seed."""

    def __init__(self, seed: int, feats: Features | None = None, npatches: int | None = None):
        self.seed = seed
        rng = random.Random(seed)
        feats = feats or Features()
        self.feats = feats
        nonce = Nonce(rng, decompose=0.1)
        if "combining" in feats and rng.random() < 0.2:
            nonce.decompose = 0.3
        model = build_program(rng, nonce, feats)
        if "combining" in feats and rng.random() < 0.2:
            _add_combining(rng, model)
        memo: dict = {}
        self.base = copy.deepcopy(model, memo)
        self.patches = []
        n = npatches or rng.choices([1, 2, 3], [6, 3, 1])[0]
        refusing = rng.random() < 0.4  # a case where the last patch holds amendments to refuse
        for k in range(n):
            specs = []
            for _ in range(5):
                specs = specs or choose_specs(rng, model, nonce, feats, rng.randint(1, 4), refusing and k == n - 1)
            if not specs:
                break
            self.patches.append(copy.deepcopy(specs, memo))
            emitted = [x for sp in specs for x in sp.emit_all(model)]
            if any(e.outcome != "apply" for _, e in emitted):
                break
            for sp in specs:
                sp.apply(model)
        self.dropped: set = set()

    def emit(self, dropped: set | None = None) -> Emitted:
        dropped = self.dropped if dropped is None else dropped
        sections, patches = copy.deepcopy((self.base, self.patches))
        _drop(sections, dropped)
        program = program_data("prov", "v0", sections, noise=random.Random(self.seed))
        present = present_uids(sections)
        out_patches, expects, expected, tags = [], [], [], set()
        for n, specs in enumerate(patches):
            specs = [sp for k, sp in enumerate(specs) if (n, k) not in dropped and sp.valid(present)]
            if not specs:
                break
            ams, exps = [], []
            for sp in specs:
                for am, ex in sp.emit_all(sections):
                    k = len(ams)
                    ams.append({"id": f"a{k + 1}", "title": f"Ändring {k + 1}", **am})
                    exps.append(ex)
                    tags |= ex.tags
            out_patches.append({"program": "prov", "base": f"v{n}", "produces": f"v{n + 1}",
                                "decision": {"body": "Kommunfullmäktige", "date": f"2026-0{n + 1}-15",
                                             "paragraph": f"§ {n + 10}"},
                                "amendments": ams})
            expects.append(exps)
            if any(e.outcome in ("refuse", "conflict") for e in exps):
                break
            for sp in specs:
                sp.apply(sections)
            expected.append(sections_data(sections))
            present = present_uids(sections)
        return Emitted(program, out_patches, expects, expected, tags)

    def droppable(self) -> list:
        out = [(n, k) for n, specs in enumerate(self.patches) for k in range(len(specs))]
        for s in self.base:
            out.append(s.uid)
            for b in s.blocks:
                out.append(b.uid)
            for p in places([s]):
                out += [x.uid for x in p.unit.sentences[1:]] if len(p.unit.sentences) > 1 else []
        return out


def _add_combining(rng, model):
    """Give one nonce word a combining mark NFC cannot compose (m + U+0301)."""
    toks = [t for p in places(model) for s in p.unit.sentences for t in s if t.kind == "n"]
    if toks:
        t = rng.choice(toks)
        t.text = t.text[:2] + "m\u0301" + t.text[2:]


def _drop(sections, dropped: set) -> None:
    if not dropped:
        return
    sections[:] = [s for s in sections if s.uid not in dropped]
    for s in sections:
        s.blocks[:] = [b for b in s.blocks if getattr(b, "uid", None) not in dropped]
        for p in places([s]):
            p.unit.sentences[:] = [x for k, x in enumerate(p.unit.sentences) if k == 0 or x.uid not in dropped]
        if not s.blocks:
            s.blocks.append(uid(Para(uid(Unit([uid_sent([W("Text", " ", starter=True), N(Nonce(random.Random(0))),
                                                            Tok(".", "", "t")])])))))
