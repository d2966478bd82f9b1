"""The wordings real Swedish minutes use for a change to a document, beside the
house style of the grammar tables: "Kapitel 2 § 21 i … reglemente stryks: ”…”",
"… justeras på följande sätt, från: ”A” till: ”B”", "Sista meningen under
Rådets sammansättning kompletteras med: ”…", "I 13 § ändras följande mening:
”A” Ändras till: ”B”", "… revideras i enlighet med följande: ”…”".

An instruction is read in three steps. Its quotations are taken out (any
quotation marks, unbalanced ones running to the end of the point), leaving a
skeleton such as "Kapitel 2 § 21 i stadsmiljönämndens reglemente stryks: ⟨0⟩."
The skeleton gives the operation (one table of patterns) and the place (page,
heading, chapter and §, stycke, mening; headings named without quotes are
matched against the program's own headings). What the minutes say but that no
patch can do — the text is in an attachment or a yrkande, the old wording is
not quoted, no place is given, another document is addressed — is returned as
`Cannot` with the reason, once per instruction. Ordinary decision points
("… antas", "… får i uppdrag att …") give None: nothing to say.

Readings are candidates: the caller resolves each against the program as
`amend apply` would, and refuses when none, or two different ones, fit.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..messages import Msg, msg
from ..model import Program
from ..text import clean

_OPEN = {"\u201d": "\u201d\u201c", "\u201c": "\u201d\u201c\"", '"': '"\u201d\u201c', "\u201e": "\u201c\u201d\"",
         "\u00ab": "\u00bb", "\u00bb": "\u00bb\u00ab", "``": "''"}
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
             "åttonde": 8, "nionde": 9, "tionde": 10, "sista": "last"}
_ORD = r"(första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|sista|\d+(?::[ae])?)"
_Q = r"⟨(\d+)⟩"


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the marks, cleaned
    closed: bool  # False: the mark was never closed (the quotation runs to the end)


@dataclass(frozen=True)
class Candidate:
    """One way to read an instruction as an amendment (patch data: at + one operation)."""

    data: dict
    notes: tuple[Msg, ...] = ()  # what a person should check of this reading


@dataclass(frozen=True)
class Cannot:
    """An instruction to change a document that no patch can carry, and why."""

    reason: Msg


@dataclass(frozen=True)
class Readings:
    candidates: tuple  # of Candidate: the readings to try against the program
    place: str = ""  # what the place was read as, for messages


Result = Readings | Cannot | None


# ---------------------------------------------------------------- quotations


def quotations(text: str) -> tuple[str, list[Quote]]:
    """The skeleton of `text` (each quotation replaced by ⟨n⟩) and the quotations.

    A mark opens at the start, after a space or "(:;"; it closes at a mark that
    may close it and is followed by a space, punctuation or the end. A quotation
    never closed runs to the end of the text."""
    out, quotes, i, n = [], [], 0, len(text)
    while i < n:
        opener = "``" if text.startswith("``", i) else text[i] if text[i] in _OPEN else None
        if opener and (i == 0 or text[i - 1].isspace() or text[i - 1] in "(:;,"):
            start = i + len(opener)
            end = _close(text, start, _OPEN[opener])
            if end is None:
                quotes.append(Quote(clean(text[start:]), False))
                out.append(f"⟨{len(quotes) - 1}⟩")
                break
            quotes.append(Quote(clean(text[start:end]), True))
            out.append(f"⟨{len(quotes) - 1}⟩")
            i = end + (2 if _OPEN[opener] == "''" else 1)
            continue
        out.append(text[i])
        i += 1
    return "".join(out), quotes


def _close(text: str, start: int, closers: str) -> int | None:
    j = start + 1
    while j < len(text):
        hit = text.startswith(closers, j) if closers == "''" else text[j] in closers
        after = j + (2 if closers == "''" else 1)
        if hit and not text[j - 1].isspace() and (after >= len(text) or text[after].isspace()
                                                  or text[after] in ",.;:)!?"):
            return j
        j += 1
    return None


# "… energisparåtgärder. Ersätts med följande formuleringar: Nämnden …": the
# instruction inside one quotation (an unbalanced pair of marks) splits it in two;
# the full stop before the instruction ends the minutes' sentence, not the words.
_INNER = re.compile(r"\.?\s+((?:ersätts|ska ersättas|ändras) (?:med|till)(?: följande (?:formuleringar|formulering|"
                    r"text|lydelse|mening|meningar))?:)\s*", re.IGNORECASE)


def _split_inner(skeleton: str, quotes: list[Quote]) -> tuple[str, list[Quote]]:
    for k, q in enumerate(quotes):
        m = _INNER.search(q.text)
        if m and m.start() > 0 and m.end() < len(q.text):
            old, new = Quote(q.text[:m.start()], True), Quote(q.text[m.end():], q.closed)
            quotes = quotes[:k] + [old, new] + quotes[k + 1:]
            renumbered = re.sub(_Q, functools.partial(_shift, k=k), skeleton)
            return renumbered.replace(f"⟨{k}⟩", f"⟨{k}⟩ {m.group(1).lower()} ⟨{k + 1}⟩", 1), quotes
    return skeleton, quotes


def _shift(m, k: int) -> str:
    n = int(m.group(1))
    return f"⟨{n + 1}⟩" if n > k else m.group(0)


_VERBS = r"\b(läggs|lägga|läggas|infogas|tillfogas|kompletteras|ersätts|ersättas|lydelse|formuleras|ändras)\b"


def _colon_payload(skeleton: str, quotes: list[Quote]) -> tuple[str, list[Quote]]:
    """"… läggs följande till: Text utan citattecken." — the rest after the colon."""
    m = re.search(r"\b(följande[^:⟨]*|kompletteras med|lydelse|formuleras som|till|med|meningen|meningarna|texten|"
                  r"orden|ordet|stycket):\s+(?!⟨)([^⟨]+)$", skeleton, re.IGNORECASE)
    if not m or not re.search(_VERBS, skeleton[:m.start(2)], re.IGNORECASE):
        return skeleton, quotes
    quotes = quotes + [Quote(clean(m.group(2)), False)]
    return skeleton[:m.start(2)] + f"⟨{len(quotes) - 1}⟩", quotes


# ---------------------------------------------------------------- what is not a change


# (pattern on the skeleton, reason). Order matters: the first that fits gives the reason.
_CANNOT = [
    (r"återremitt\w*.*\bi syfte att", msg("extract.cannot.sent_back")),
    (r"får i uppdrag att (stryka|ändra|lägga till|revidera|ersätta|byta ut|omformulera)\b.*⟨",
     msg("extract.cannot.assignment")),
    (r"\bbeslutss?atse[nr]\b.*\b(justera|ändra|ersätt|stryk)|\b(justera|ändra)\w* (i )?(den )?(första |andra )?"
     r"beslutss?atse", msg("extract.cannot.yrkande_wording")),
    (r"med (redovisad )?justering(en)? i punkt \d+ att\b", msg("extract.cannot.decision_point")),
    (r"\bnamnet på \w+ ändras till", msg("extract.cannot.title")),
    (r"\bupphäv\w* .*(§|stycket)", msg("extract.cannot.by_number")),
    (r"(kommer att|ska) korrigeras|\bkorrigering\w*\b.*\bbilaga|\bföreslagen korrigering",
     msg("extract.cannot.correction")),
    (r"språklig bearbetning|redaktionell bearbetning", msg("extract.cannot.editorial")),
    (r"⟨\d+⟩.{0,40}\bförlängs till\b", msg("extract.cannot.no_new_text")),
    (r"\btillstyrks med tillägget att\b", msg("extract.cannot.condition")),
]

# a reference to words that are not in the minutes ("i enlighet med bilaga 1 till yrkandet")
_ELSEWHERE = re.compile(
    r"(i enlighet med|enligt) (bilaga|bilagan|vad som framgår)|(med|och) (de|den|det) (ändring|ändringar|"
    r"tillägg|komplettering|justering)( och tillägg)? (\w+ )*?som framgår|med ändring(ar)? enligt yrkande|"
    r"med skrivning enligt|som framgår (av|i) (yrkande|stadsledningskontorets|tjänsteutlåtande)|"
    r"enligt förslagen under rubriken", re.IGNORECASE)
# …which is a change (not the plain adoption of a document as proposed) when it names a
# yrkande, or says "kompletteras", "justering av", "förutom … oförändrade", "ny paragraf"
_CHANGE_BY_REFERENCE = re.compile(
    r"yrkande|kompletter|justering av|förutom .* oförändrade|ny paragraf|nytt? (kapitel|§)|\btillägg av\b|"
    r"korriger", re.IGNORECASE)
_DESCRIBED = [
    (r"\bmed följande (ändring|revidering)\b.*(punkt \d+|sida \d+|rubriken)", msg("extract.cannot.old_not_quoted")),
    (r"\bmed följande (ändring|revidering)(ar)?\b(?!:?\s*$)", msg("extract.cannot.no_place_no_old")),
    (r"\brevideras genom att\b(?!.*⟨)", msg("extract.cannot.described")),
    (r"\bändras till att\b(?!.*⟨)", msg("extract.cannot.paraphrased")),
]


def _problems(place: _Place) -> Msg:
    """What is wrong with the place named, as one message."""
    from ..importers.common import Joined

    return place.problems[0] if len(place.problems) == 1 else Joined(parts=tuple(place.problems), sep="; ")


def _cannot(skeleton: str) -> Cannot | None:
    for pattern, reason in _CANNOT:
        if re.search(pattern, skeleton, re.IGNORECASE):
            return Cannot(reason)
    return None


def _elsewhere(skeleton: str, beside_change: bool) -> Cannot | None:
    if re.search(r"\benligt punkt \d+(\s*(-|–|och)\s*\d+)? ovan\b", skeleton, re.IGNORECASE):
        return None  # the changes of earlier points of the same decision, applied to more documents
    if _ELSEWHERE.search(skeleton) and (_CHANGE_BY_REFERENCE.search(skeleton) or beside_change):
        if re.search(r"yrkande", skeleton, re.IGNORECASE):
            return Cannot(msg("extract.cannot.in_yrkande"))
        return Cannot(msg("extract.cannot.in_attachment"))
    for pattern, reason in _DESCRIBED:
        if re.search(pattern, skeleton, re.IGNORECASE):
            return Cannot(reason)
    return None


# ---------------------------------------------------------------- the place


@dataclass
class _Place:
    at: dict = field(default_factory=dict)
    section: str | None = None  # the heading a chapter/§ reference names
    section_number: int | None = None
    problems: list[Msg] = field(default_factory=list)


def _ordinal(word: str):
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _headings(program: Program) -> list[str]:
    return [s.heading for s in program.sections]


def _paragraph_heading(program: Program, chapter: int | None, number: int) -> str | None:
    """The heading of "§ 21" / "21 §" in the program, within chapter N when given."""
    forms = (f"§ {number}", f"{number} §")
    chapter_re = re.compile(rf"^(kapitel {chapter}\b|{chapter} kap\b)", re.IGNORECASE) if chapter else None
    inside = chapter is None
    found = []
    top = min((s.level for s in program.sections), default=1)
    for s in program.sections:
        if chapter_re and s.level == top:
            inside = bool(chapter_re.match(s.heading))
        if inside and any(s.heading == f or s.heading.startswith(f + " ") for f in forms):
            found.append(s.heading)
    return found[0] if len(found) == 1 else None


def _named_heading(program: Program, words: str) -> str | None:
    """The longest run of `words` from the start that is a heading of the program (any case)."""
    headings = {h.lower(): h for h in _headings(program)}
    parts = words.split()
    for k in range(len(parts), 0, -1):
        name = " ".join(parts[:k]).strip(",;:.").lower()
        if name in headings:
            return headings[name]
    return None


def _paragraph_ref(s: str):
    """"§ 21" or "11 §" naming a part of the document; not "ny § 16" (a new one) nor
    "KF 2022-05-19 § 17" (another decision)."""
    for pattern in (r"(?<!ny )§ ?(\d+)", r"(?<!ny )(?<![-\d])\b(\d+) §"):
        for m in re.finditer(pattern, s):
            if not re.search(r"(\d{4}-\d{2}-\d{2}|\b(KF|KS))\s*$", s[:m.start()]):
                return m
    return None


def _place(skeleton: str, quotes: list[Quote], program: Program) -> _Place:
    place = _Place()
    s = skeleton
    m = re.search(r"\b(?:på )?sid(?:an|a) (\d+)\b", s, re.IGNORECASE)
    if m:
        place.at["page"] = int(m.group(1))
    chapter = re.search(r"\b(?:kapitel (\d+)|(\d+) kap\b\.?)", s, re.IGNORECASE)
    chapter_no = int(chapter.group(1) or chapter.group(2)) if chapter else None
    para = _paragraph_ref(s)
    if para:
        number = int(para.group(1))
        place.section_number = number
        heading = _paragraph_heading(program, chapter_no, number)
        if heading:
            place.at["heading"] = heading
            place.section = heading
        else:
            where = f"kapitel {chapter_no} § {number}" if chapter_no else f"§ {number}"
            place.problems.append(msg("extract.cannot.no_section", where=where))
    m = re.search(r"\b(?:under|i) rubriken[;:]?\s+" + _Q, s, re.IGNORECASE)
    if m:
        place.at["heading"] = quotes[int(m.group(1))].text
    else:
        for m in re.finditer(r"\b(?:under|i) (?:rubriken[;:]? |avsnittet )?(?=[^\s⟨])", s, re.IGNORECASE):
            name = _named_heading(program, s[m.end():])
            if name:
                place.at["heading"] = name
                break
        else:
            named = re.search(r"\b(?:under|i) rubriken[;:]? ([^,;:⟨]+?)(?=\s+(?:stryks|läggs|ändras|ersätts|ska|"
                              r"kompletteras|får|utgår|tas|revideras)\b|[,;:⟨]|$)", s, re.IGNORECASE)
            if named:
                place.problems.append(msg("extract.cannot.no_heading", heading=named.group(1).strip()))
    m = re.search(_ORD + r" meningen\b", s, re.IGNORECASE)
    if m:
        place.at["sentence"] = _ordinal(m.group(1))
    m = re.search(r"(?<!efter )(?<!före )\b" + _ORD + r" stycket\b", s, re.IGNORECASE)
    if m:
        place.at["paragraph"] = _ordinal(m.group(1))
    m = re.search(r"\b" + _ORD + r" (?:punkten|att-satsen|beslutspunkten)\b", s, re.IGNORECASE)
    if m:
        place.at["item"] = _ordinal(m.group(1))
    m = re.search(r"\b" + _ORD + r" kolumnen\b", s, re.IGNORECASE) or re.search(r"\bkolumn (\d+)\b", s, re.I)
    if m:
        place.at["column"] = _ordinal(m.group(1))
    m = re.search(r"\b" + _ORD + r" raden\b", s, re.IGNORECASE) or re.search(r"\brad (\d+) i tabellen\b", s, re.I)
    if m:
        place.at["row"] = _ordinal(m.group(1))
    return place


# ---------------------------------------------------------------- the document


_DOCUMENT = re.compile(r"\bi (?:(?:den |det )?(?:nuvarande )?)?(\w+s (?:reglemente|riktlinje|program|plan|policy)\w*|"
                       r"(?:reglemente|riktlinje|program|plan|policy)\w* för [\w\- ]+?)(?=[,.:;]|\s(?:stryks|läggs|"
                       r"ändras|ersätts|revideras|kompletteras|utgår|tas|ska)\b|\s*$|\s*⟨)", re.IGNORECASE)
_GENERIC = {"reglemente", "reglementet", "riktlinje", "riktlinjen", "program", "programmet", "plan", "planen",
            "policy", "policyn", "för", "göteborgs", "stads", "stad", "kommunens", "den", "det"}


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 5 else word


def _names(named: str, program: Program) -> bool:
    words = [_stem(w) for w in re.findall(r"[\wåäö\-]+", named) if w.lower() not in _GENERIC]
    title = [_stem(w) for w in re.findall(r"[\wåäö\-]+", program.meta.title)]
    return all(any(t.startswith(w) or w.startswith(t) for t in title if len(t) >= 4) for w in words if len(w) >= 4)


def other_document(skeleton: str, program: Program) -> Msg | None:
    """Why the instruction is not for the program: it names another document
    ("i stadsbyggnadsnämndens reglemente"), or excepts this one ("i alla
    reglementen utom i reglementet för …"). None when it is for the program."""
    for m in _DOCUMENT.finditer(skeleton):
        excepted = re.search(r"\butom\s*$", skeleton[:m.start()])
        if excepted:
            if _names(m.group(1), program):
                return msg("extract.cannot.excepts", document=clean(m.group(1)))
            continue
        if not _names(m.group(1), program):
            return msg("extract.cannot.other_document", document=clean(m.group(1)), title=program.meta.title)
    return None


# ---------------------------------------------------------------- operations


def _q(quotes, m, k=1) -> str:
    return quotes[int(m.group(k))].text


# (pattern on the skeleton, builder(match, quotes, place, program) -> dict, or the Msg saying why not)
def _replace(m, quotes, place, program):
    return {"replace": _q(quotes, m, 1), "with": _q(quotes, m, 2), "_sentence": _names_sentence(m)}


def _delete(m, quotes, place, program):
    text = _q(quotes, m, 1)
    if place.section:
        content = _section_text(program, place.section)
        if content is not None and content.rstrip(".") == text.rstrip("."):
            at = {k: v for k, v in place.at.items() if k != "heading"}
            return {**({"at": at} if at else {}), "delete_section": place.section, "_scoped": True}
    return {"delete": text}


def _delete_bare(m, quotes, place, program):
    if place.problems:
        return _problems(place)
    if "item" in place.at:
        return {"delete_item": True}
    if "paragraph" in place.at:
        return {"delete_paragraph": True}
    if "heading" in place.at:
        heading = place.at["heading"]
        at = {k: v for k, v in place.at.items() if k != "heading"}
        return {**({"at": at} if at else {}), "delete_section": heading, "_scoped": True}
    return msg("extract.cannot.nothing_struck")


def _add_section(m, quotes, place, program):
    number = int(m.group(1) or m.group(2) or m.group(3))
    text = _q(quotes, m, 4)
    style = place.section or next((s.heading for s in program.sections if re.fullmatch(r"(§ \d+|\d+ §)", s.heading)),
                                  "§ 1")
    heading = f"§ {number}" if style.startswith("§") else f"{number} §"
    previous = f"§ {number - 1}" if style.startswith("§") else f"{number - 1} §"
    before = next((s for s in program.sections if s.heading == previous), None)
    if any(s.heading == heading for s in program.sections):
        return msg("extract.cannot.section_exists", heading=heading)
    if before is None:
        return msg("extract.cannot.no_previous", previous=previous, heading=heading)
    return {"add_section": {"heading": heading, "level": before.level, "content": [text]},
            "after_section": previous, "_scoped": True, "_unscoped": True}


def _insert_after(m, quotes, place, program):
    return {"after": _q(quotes, m, 1), "insert": _q(quotes, m, 2), "_sentence": _names_sentence(m)}


def _insert_before(m, quotes, place, program):
    return {"before": _q(quotes, m, 1), "insert": _q(quotes, m, 2), "_sentence": _names_sentence(m)}


def _names_sentence(m) -> bool:
    """"efter meningen ”A.”": the quotation is a whole sentence, its full stop its own."""
    return bool(re.search(r"\b(meningen|följande mening)\b", m.group(0), re.IGNORECASE))


def _add_after_paragraph(m, quotes, place, program):
    place.at["paragraph"] = _ordinal(m.group(1))
    return {"add_paragraph": _q(quotes, m, 2)}


def _addition(m, quotes, place, program):
    text = _q(quotes, m, 1)
    if "sentence" in place.at or "paragraph" in place.at or "item" in place.at:
        return {"insert": text}
    if "heading" in place.at:
        return {"add_paragraph": text}
    return msg("extract.cannot.no_place_for_text")


def _new_text(m, quotes, place, program):
    text = _q(quotes, m, 1)
    if any(k in place.at for k in ("sentence", "paragraph", "item")):
        return msg("extract.cannot.old_not_quoted")
    if "heading" not in place.at:
        return msg("extract.cannot.no_place_replaced")
    return {"replace_section_text": [text]}


def _list_item(m, quotes, place, program):
    if "page" not in place.at and "heading" not in place.at:
        return msg("extract.cannot.no_place_list")
    item = clean(m.group(1))
    note = (msg("extract.check.new_item_page", item=item, page=place.at["page"]) if "page" in place.at
            else msg("extract.check.new_item_heading", item=item, heading=place.at["heading"]))
    return {"add_item": item, "_note": note}


_OPERATIONS = [
    (r"\bfrån:? " + _Q + r",? (?:tillbaka )?till:? " + _Q, _replace),
    (r"\bändras följande (?:mening|meningar|text|ord|formulering):? " + _Q + r"\.? ändras till:? " + _Q, _replace),
    (_Q + r"\.? (?:ersätts|ska ersättas|byts ut|ska bytas ut)(?: med| mot)?(?: följande (?:text|formuleringar?|"
     r"lydelse))?:? " + _Q, _replace),
    (_Q + r"\.? ändras till:? " + _Q, _replace),
    (r"\b(?:läggs|ska läggas) (?:följande (?:text|stycke|paragraf) )?till som (?:en )?ny (?:§ ?(\d+)|(\d+) §|paragraf "
     r"(?:nummer )?(\d+)):? " + _Q, _add_section),
    (r"\befter (?:meningen|orden|ordet|texten) " + _Q + r",? (?:läggs|ska läggas|lägga|infogas|tillfogas|ska infogas)"
     r"(?: till)?(?: följande| meningen| meningarna| orden| ordet| texten)*(?: till)?:? " + _Q, _insert_after),
    (r"\bföre (?:meningen|orden|ordet|texten) " + _Q + r",? (?:läggs|ska läggas|lägga|infogas|tillfogas|ska infogas)"
     r"(?: till)?(?: följande| meningen| meningarna| orden| ordet| texten)*(?: till)?:? " + _Q, _insert_before),
    (r"(?:infogas|läggas till|läggs till|tillfogas) efter " + _ORD + r" stycket:? " + _Q, _add_after_paragraph),
    (r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå|ska tas bort|stryka)(?: följande(?: text| mening| ord)?)?:? "
     + _Q, _delete),
    (r"(?:^|\s)(?:ordet |orden |texten |meningen )?" + _Q + r"\.? (?:stryks|utgår|tas bort|ska strykas|ska utgå|"
     r"ska tas bort)\b", _delete),
    (r"\b(?:kompletteras med|tillfogas|läggs till|ska läggas till|läggs följande (?:text |mening |meningar |"
     r"stycke )?till|ska följande (?:text |mening |stycke )?(?:läggas till|infogas))(?: följande(?: text| mening| "
     r"meningar| stycke)?)?:? " + _Q, _addition),
    (r"(?:^|\s)(?:tillägget |texten |meningen |meningarna |stycket )?" + _Q + r"\.? (?:läggs till|ska läggas till|"
     r"tillfogas|infogas)\b", _addition),
    (r"\batt ([^⟨,.;:]+?) läggs till som [^⟨.;:]+? (?:på sid(?:an|a) \d+|under rubriken)", _list_item),
]
_REPLACE_FORMS = 4  # the first four operations replace quoted words

# the whole new text of the place named, without the old: "… revideras i enlighet med följande: ”…”"
_NEW_TEXT = re.compile(r"(?:(?:revideras|ändras) (?:i enlighet med följande|enligt följande|genom att (?:den )?"
                       r"(?:nuvarande )?texten ersätts med följande(?: text)?)|"
                       r"får (?:texten |stycket |avsnittet )?följande lydelse|ska ha följande lydelse|"
                       r"formuleras (?:om )?(?:som|enligt följande)|ska ersättas (?:med )?följande text):? "
                       + _Q, re.IGNORECASE)
_STRUCK = re.compile(r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå)\.?\s*$", re.IGNORECASE)


def _section_text(program: Program, heading: str) -> str | None:
    section = next((s for s in program.sections if s.heading == heading), None)
    if section is None:
        return None
    return clean(" ".join(getattr(b, "text", "") for b in section.blocks))


def read(text: str, program: Program, *, beside_change: bool = False) -> Result:
    """The readings of one instruction of real minutes, why it cannot be a patch,
    or None when it is no change to a document's text."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", text)  # the decision point's number
    skeleton, quotes = quotations(text)
    skeleton, quotes = _split_inner(skeleton, quotes)
    cannot = _cannot(skeleton)
    if cannot:
        return cannot
    built = _operation(skeleton, quotes, program)
    if built is None:
        return _elsewhere(skeleton, beside_change)
    return built


def _operation(skeleton: str, quotes: list[Quote], program: Program) -> Result:
    skeleton, quotes = _colon_payload(skeleton, quotes)
    place = _place(skeleton, quotes, program)
    found = _find_operation(skeleton)
    if found is None:
        return None
    other = other_document(skeleton, program)
    if other:
        return Cannot(other)
    m, build = found
    built = build(m, quotes, place, program)
    if isinstance(built, Msg):
        return Cannot(built)
    if place.problems and not built.pop("_unscoped", False):
        return Cannot(_problems(place))
    built.pop("_unscoped", None)
    note = built.pop("_note", None)
    whole_sentence = built.pop("_sentence", False)
    scoped = built.pop("_scoped", False)
    at = built.pop("at", None) if scoped else dict(place.at)
    data = ({"at": at} if at else {}) | built
    notes = (note,) if note else ()
    readings = (Candidate(data),) if whole_sentence else _punctuation_readings(data)
    return Readings(tuple(Candidate(c.data, notes) for c in readings), describe_place(place.at))


_UNQUOTED_FROM_TO = re.compile(r"\bändras från (?P<old>[^⟨]+?) (?:tillbaka )?till (?P<new>[^⟨]+?)\.?$", re.IGNORECASE)


def _unquoted_from_to(m, quotes, place, program):
    """"… ändras från 2024 tillbaka till 2023": the words as written; a second
    "till" would make the split a guess."""
    if len(re.findall(r"\btill\b", m.group("old") + " " + m.group("new"))) > 0:
        return msg("extract.cannot.unquoted_till")
    old, new = clean(m.group("old")), clean(m.group("new"))
    return {"replace": old, "with": new, "_note": msg("extract.check.unquoted_words", old=old, new=new)}


def _find_operation(skeleton: str):
    """(match, builder) of the first operation the skeleton says, or None."""
    m = _UNQUOTED_FROM_TO.search(skeleton)
    if m and "⟨" not in skeleton:
        return m, _unquoted_from_to
    for k, (pattern, build) in enumerate(_OPERATIONS):
        if k == _REPLACE_FORMS:  # "… får följande lydelse: ”…”" after "”A” ska ersättas (med) följande text: ”B”"
            m = _NEW_TEXT.search(skeleton)
            if m:
                return _Reindex(m), _new_text
        m = re.search(pattern, skeleton, re.IGNORECASE)
        if m:
            return m, build
    if _STRUCK.search(skeleton) and re.search(r"§|\brubriken\b|\bstycket\b|\bpunkten\b", skeleton):
        return None, _delete_bare
    return None


class _Reindex:
    """A match of _NEW_TEXT seen as having its quotation in group 1."""

    def __init__(self, m):
        self._m = m

    def group(self, k):
        return self._m.group(self._m.lastindex) if k == 1 else self._m.group(k)


_ANCHORS = ("replace", "delete", "after", "before")


def _punctuation_readings(data: dict, marks: str = ".,;:!?") -> tuple:
    """A quoted anchor's closing comma or full stop may be the minutes' own
    punctuation (Hansard: leave out "provision," and insert "establishment.").
    Both readings are offered; the program settles which one fits."""
    out = [Candidate(data)]
    keys = [k for k in _ANCHORS if isinstance(data.get(k), str) and data[k][-1:] in marks]
    if not keys:
        return tuple(out)
    stripped = dict(data)
    for k in keys + (["with"] if isinstance(data.get("with"), str) and data["with"][-1:] in ".,;:" else []):
        stripped[k] = data[k][:-1].rstrip()
    if all(stripped[k] for k in keys):
        out.append(Candidate(stripped))
    return tuple(out)


def punctuation_readings(data: dict, extra: str = "") -> tuple:
    """For English minutes: Westminster puts the sentence's comma inside the
    quotation marks (leave out "provision," and insert "establishment."), so a
    quoted anchor's closing comma, semicolon or colon may or may not be part of
    the words. A closing full stop is read as written: it is the house style's."""
    return tuple(c.data for c in _punctuation_readings(data, ",;:" + extra))


def describe_place(at: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in at.items())


def looks_like_change(text: str) -> bool:
    """Quoted words beside a verb of change: worth a report when nothing reads it."""
    skeleton, quotes = quotations(text)
    return bool(quotes) and bool(re.search(r"\b(stryks|utgår|tas bort|läggs till|ersätts|ändras|infogas|"
                                           r"tillfogas|kompletteras|byts ut|formuleras|lydelse)\b",
                                           skeleton, re.IGNORECASE))


# ---------------------------------------------------------------- wording and operation agree


_FAMILY = {"delete": "strikes", "delete_item": "strikes", "delete_paragraph": "strikes", "delete_section": "strikes",
           "insert": "adds", "add_item": "adds", "add_paragraph": "adds", "add_section": "adds",
           "replace": "replaces", "replace_section_text": "replaces"}
_FAMILY_WORDS = {"strikes": msg("extract.family.strikes"), "adds": msg("extract.family.adds"),
                 "replaces": msg("extract.family.replaces"), "changes": msg("extract.family.changes")}
# "page {n}": each place word, given its number when said
_SCOPE_WORDS = {"page": msg("extract.scope.page"), "item": msg("extract.scope.item"),
                "paragraph": msg("extract.scope.paragraph"), "sentence": msg("extract.scope.sentence"),
                "column": msg("extract.scope.column"), "row": msg("extract.scope.row")}


def _data_op(data: dict) -> str | None:
    return next((k for k in data if k in _FAMILY), None)


def disagreement(amendment, program: Program) -> Msg | None:
    """Where an amendment's `text:` (the minutes' wording) can be read, whether it
    says the same as the amendment's operation and scope: "the wording says item 3,
    the scope says item 2". None when they agree or the wording cannot be read."""
    if not amendment.text:
        return None
    from .grammar import grammar  # the house style first, then the wordings of real minutes

    try:
        outcome = grammar(program.meta.language).read(amendment.text)
        datas = [] if outcome.exhausted else [r.patch_data() for r in outcome.readings]
    except ValueError:
        datas = []
    if not datas:
        found = read(amendment.text, program)
        datas = [c.data for c in found.candidates] if isinstance(found, Readings) else []
    if not datas:
        return None
    ops = {_FAMILY[op] for op in map(_data_op, datas) if op}
    if len(ops) == 1 and _FAMILY.get(amendment.op) not in ops:
        return msg("extract.disagrees.operation", says=_FAMILY_WORDS[next(iter(ops))], op=amendment.op,
                   does=_FAMILY_WORDS[_FAMILY.get(amendment.op, "changes")])
    scope = {k: v for k, v in amendment.scope.__dict__.items() if v is not None}
    for key, words in _SCOPE_WORDS.items():
        said = {_one((d.get("at") or {}).get(key)) for d in datas}
        if len(said) == 1 and None not in said and key in scope and _one(scope[key]) not in said:
            return msg("extract.disagrees.scope", said=Msg(words.key, {"n": _show(next(iter(said)))}),
                       scope=Msg(words.key, {"n": _show(_one(scope[key]))}))
    return None


def _one(value):
    return 1 if value == "first" else value


def _show(value) -> object:
    return msg("extract.last") if value == "last" else str(value)
