"""The place an instruction of real minutes names (page, heading, chapter and §,
stycke, mening, punkt, kolumn, rad; headings named without quotes matched against
the program's own), and whether it addresses another document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..messages import Msg, msg
from ..model import Program
from ..text import clean
from .quotations import _Q, Quote

_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
             "åttonde": 8, "nionde": 9, "tionde": 10, "sista": "last"}


_ORD = r"(första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|sista|\d+(?::[ae])?)"


@dataclass
class _Place:
    at: dict = field(default_factory=dict)
    section: str | None = None  # the heading a chapter/§ reference names
    section_number: int | None = None
    problems: list[Msg] = field(default_factory=list)
    read: list[tuple[int, int]] = field(default_factory=list)  # the spans of the skeleton the place was read from
    side: tuple | None = None  # where a new list item goes: ("after"|"before", N or "last"), ("at", "first"|"last")
    side_words: str = ""  # the words the side was read from


def _problems(place: _Place) -> Msg:
    """What is wrong with the place named, as one message."""
    from ..importers.common import Joined

    return place.problems[0] if len(place.problems) == 1 else Joined(parts=tuple(place.problems), sep="; ")


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
    names = (" ".join(parts[:k]).strip(",;:.").lower() for k in range(len(parts), 0, -1))
    return next((headings[name] for name in names if name in headings), None)


def _paragraph_ref(s: str):
    """"§ 21" or "11 §" naming a part of the document; not "ny § 16" (a new one) nor
    "KF 2022-05-19 § 17" (another decision)."""
    found = (m for pattern in (r"(?<!ny )§ ?(\d+)", r"(?<!ny )(?<![-\d])\b(\d+) §") for m in re.finditer(pattern, s))
    return next((m for m in found if not re.search(r"(\d{4}-\d{2}-\d{2}|\b(KF|KS))\s*$", s[:m.start()])), None)


def _place(skeleton: str, quotes: list[Quote], program: Program) -> _Place:
    """The place an instruction names, with the spans of the skeleton each part was read from."""
    place = _Place()
    _page(skeleton, place)
    _section_ref(skeleton, place, program)
    _heading(skeleton, quotes, place, program)
    _joined_or_from_end(skeleton, place)
    _excepted(skeleton, place)
    _units(skeleton, place)
    _item_side(skeleton, place)
    return place


def _took(place: _Place, m: re.Match | None, end: int | None = None) -> re.Match | None:
    """`m`, its span (to `end`) kept as read."""
    if m:
        place.read.append((m.start(), m.end() if end is None else end))
    return m


# "s. 9", "s 9" (after "på"), "sid 9", "sid. 9": the abbreviations of "sidan" in minutes (review 9 #3)
_PAGE_ABBREVIATION = re.compile(r"\b(?:sid\.?|s\.)\s?(?=\d)|(?<=\bpå )s (?=\d)", re.IGNORECASE)


def page_words(skeleton: str) -> str:
    """The skeleton with a page named by an abbreviation written out ("På s. 9" → "På sidan 9"), so
    that the page is read (and "s. 6 ff." refused) as "sidan" is."""
    return _PAGE_ABBREVIATION.sub("sidan ", skeleton)


def _page(s: str, place: _Place) -> None:
    m = _took(place, re.search(r"\b(?:på )?sid(?:an|a) (\d+)\b", s, re.IGNORECASE))
    if m:
        place.at["page"] = int(m.group(1))
    pages = sorted({int(p) for p in re.findall(r"\bsid(?:an|a|orna) (\d+)\b", s, re.IGNORECASE)} | _page_range(s))
    if len(pages) > 1:  # "på sidan 1 och sidan 2": one amendment is one place (review 5)
        place.problems.append(msg("guards.extract_pages", pages=pages))
    elif re.search(r"\bsidorna\b", s, re.IGNORECASE):  # "på båda sidorna", "sidorna 6–7" (review 6 #10)
        place.problems.append(msg("guards.extract_pages", pages=pages) if pages else msg("guards.extract_pages_some"))
    elif following := _FOLLOWING.search(s):  # review 8 #3
        place.problems.append(msg("guards.extract_pages_following", words=following.group()))
    if counted := _COUNTED.search(s):
        place.problems.append(msg("guards.extract_places_count", words=counted.group()))


# "sidan 6 f.", "sidan 6 ff.", "sidan 6 och följande sida", "från och med sidan 6": pages from one on
_FOLLOWING = re.compile(r"\bsid(?:an|a) \d+\s*(?:ff?\.|ff?\b|och (?:den |de )?följande(?: sid(?:a|an|or|orna))?|och "
                        r"framåt|och (?:sidorna |sidan )?(?:efter|därefter))|\b(?:från och med|fr\.\s?o\.\s?m\.?|"
                        r"till och med|t\.\s?o\.\s?m\.?) sid(?:an|a) \d+", re.IGNORECASE)
# "på båda ställena", "på alla ställen", "överallt": more places than one (a reading changes one)
_COUNTED = re.compile(r"\b(?:på|i) (?:båda|bägge|alla|samtliga|flera|de två|två|tre) (?:ställen|ställena|platser|"
                      r"platserna|förekomster|förekomsterna|sidor|sidorna|avsnitt|avsnitten|stycken|styckena)\b|"
                      r"\b(?:överallt|genomgående|varje gång|alla förekomster|samtliga förekomster|i hela "
                      r"(?:programmet|dokumentet|texten))\b", re.IGNORECASE)


def _section_ref(s: str, place: _Place, program: Program) -> None:
    """"Kapitel 2 § 21", "2 kap. 11 §": the section of that number."""
    chapter = re.search(r"\b(?:kapitel (\d+)|(\d+) kap\b\.?)", s, re.IGNORECASE)
    chapter_no = int(chapter.group(1) or chapter.group(2)) if chapter else None
    para = _took(place, _paragraph_ref(s))
    if para or re.search(r"\bny (?:§|paragraf)", s, re.IGNORECASE):  # "i kapitel 2 … som ny § 16": the new §'s
        _took(place, chapter)
    if not para:  # "I kapitel 6 stryks första stycket": a chapter alone is a place not read (review 9 #4)
        return
    place.section_number = number = int(para.group(1))
    heading = _paragraph_heading(program, chapter_no, number)
    if heading:
        place.at["heading"] = place.section = heading
    else:
        where = f"kapitel {chapter_no} § {number}" if chapter_no else f"§ {number}"
        place.problems.append(msg("extract.cannot.no_section", where=where))


def _heading(s: str, quotes: list[Quote], place: _Place, program: Program) -> None:
    """"under rubriken ”X”", or a heading of the program named without quotes."""
    m = _took(place, re.search(r"\b(?:under|i) rubriken[;:]?\s+" + _Q, s, re.IGNORECASE))
    if m:
        place.at["heading"] = quotes[int(m.group(1))].text
        _heading_itself(m, quotes, place)
        return
    if not _unquoted_heading(s, place, program):
        _no_heading(s, place)


def _unquoted_heading(s: str, place: _Place, program: Program) -> bool:
    """"under Samverkan", "i avsnittet Samverkan": a heading of the program named without quotes,
    matched only whole: "under rubriken Samverkan med andra" is not the heading "Samverkan"."""
    for m in re.finditer(r"\b(?:under|i) (?:rubriken[;:]? |avsnittet )?(?=[^\s⟨])", s, re.IGNORECASE):
        name = _named_heading(program, s[m.end():])
        if not name:
            continue
        end = m.end() + len(name)
        if _ends_heading(s, end):
            place.at["heading"] = name
            _took(place, m, end)
            return True
        if _names_heading(m, s[m.end()]):  # more words than the heading: which heading is meant is not known
            place.problems.append(msg("extract.cannot.heading_longer", heading=name, named=_named_words(s, m.end())))
            return True
    return False


def _ends_heading(s: str, end: int) -> bool:
    """Whether the words at `end` are no more of a heading: the end, the verb, another place, a document."""
    return bool(_AFTER_HEADING.match(s, end) or _DOCUMENT.match(s, end + 1) or KIND.match(s, end + 1))


def _names_heading(m: re.Match, first: str) -> bool:
    """"under rubriken X", "i avsnittet X", "under X", "i X" with a capital: a heading named, not
    words of the sentence such as "i samverkan med regionen"."""
    return m.group().lower().startswith("under") or len(m.group().split()) > 1 or first.isupper()


def _named_words(s: str, start: int) -> str:
    """The words a heading named without quotes may run to: up to a comma, a quotation or the verb."""
    return _NAMED.match(s, start).group(1).strip()  # type: ignore[union-attr]  # matches any text


# the verbs of the changes, which end a heading named without quotes
_VERBS = (r"(?:stryks|läggs|ändras|ersätts|ska|kompletteras|får|utgår|tas|revideras|infogas|tillförs|tillfogas|byts|"
          r"formuleras|stryka|strykas|lägga|läggas|ändra|ändras|ersätta|ersättas|komplettera|kompletteras|revidera|"
          r"infoga|tillföra|tillfoga|byta|bytas|formulera|ta bort|utgå)\b")
_NAMED = re.compile(r"([^,;:⟨]*?)(?=\s+" + _VERBS + r"|[,;:⟨]|\.?\s*$)", re.IGNORECASE)
# what may follow a heading named without quotes when it is named whole: the end, punctuation, a
# quotation, the verb, or another place ("på sidan 6", "i andra stycket", "efter ”…”", "i alla reglementen")
_AFTER_HEADING = re.compile(r"\s*(?:$|[,;:.⟨]|" + _VERBS + r"|(?:på )?sid(?:an|a) \d|(?:i|efter|före) (?:den |det )?"
                            + _ORD + r" (?:meningen|stycket|punkten|att-satsen|strecksatsen|kolumnen|raden)\b|"
                            r"i (?:mening|stycke|punkt|kolumn|rad) \d|(?:efter|före) ⟨|"
                            r"(?:ordet|orden|texten|meningen|meningarna|formuleringen|tillägget|följande)\b|"
                            r"i alla (?:\w+ )?(?:reglementen|riktlinjer|program|planer|dokument)\b)", re.IGNORECASE)


def _no_heading(s: str, place: _Place) -> None:
    """"under rubriken Ansvar" where the program has no such heading: said, not dropped."""
    named = re.search(r"\b(?:under|i) rubriken[;:]? ([^,;:⟨]+?)(?=\s+(?:stryks|läggs|ändras|ersätts|ska|"
                      r"kompletteras|får|utgår|tas|revideras)\b|[,;:⟨]|$)", s, re.IGNORECASE)
    if named:
        place.problems.append(msg("extract.cannot.no_heading", heading=named.group(1).strip()))


def _heading_itself(m: re.Match, quotes: list[Quote], place: _Place) -> None:
    """"I rubriken ”Samverkan” ersätts ”Samverkan” med …": words of the heading itself, which the
    reading (the text under the heading) would change elsewhere (review 8 #2); "under rubriken" is
    always the text under it."""
    heading = quotes[int(m.group(1))].text
    others = [q.text for k, q in enumerate(quotes) if k != int(m.group(1)) and q.text]
    if m.group().lower().startswith("i ") and any(t.casefold() in heading.casefold() for t in others):
        place.problems.append(msg("guards.extract_heading_itself", heading=heading))


# (scope key, the ways minutes name it): "andra meningen", "mening 2"; "tredje stycket", "stycke 3" (review 7 #5)
_UNIT_PLACES = (
    ("sentence", (_ORD + r" meningen\b", r"\bmening (\d+)\b")),
    ("paragraph", (r"(?<!efter )(?<!före )\b" + _ORD + r" stycket\b", r"(?<!efter )(?<!före )\bstycke (\d+)\b")),
    ("item", (r"(?<!efter )(?<!före )\b" + _ORD + r" (?:punkten|att-satsen|beslutspunkten|strecksatsen)\b",
              r"(?<!efter )(?<!före )\bpunkt (\d+)\b")),
    ("column", (r"\b" + _ORD + r" kolumnen\b", r"\bkolumn (\d+)\b")),
    ("row", (r"\b" + _ORD + r" raden\b", r"\brad (\d+) i tabellen\b", r"\btabellens " + _ORD + r" rad\b")),
)


def _units(s: str, place: _Place) -> None:
    for key, patterns in _UNIT_PLACES:
        m = _took(place, _first_match(patterns, s))
        if m:
            place.at[key] = _ordinal(m.group(1))


def _first_match(patterns: tuple[str, ...], s: str) -> re.Match[str] | None:
    """The match of the first of `patterns` that matches in `s` (any case)."""
    return next((m for pattern in patterns if (m := re.search(pattern, s, re.IGNORECASE))), None)


# where in a list a new item goes: "efter andra punkten", "före punkt 3", "sist i listan", "som första punkt"
_SIDE = re.compile(r"\b(?P<side>efter|före) (?:den )?(?:(?P<ord>" + _ORD[1:-1] + r") (?:punkten|att-satsen|"
                   r"strecksatsen|beslutspunkten)|punkt (?P<n>\d+))\b|\b(?:allra )?(?P<end>sist|först) i (?:den |)"
                   r"(?:punkt)?listan\b|\bsom (?P<as>sista|första) (?:punkt|strecksats)\b", re.IGNORECASE)


def _item_side(s: str, place: _Place) -> None:
    """Where a new item goes in its list; two such places in one sentence are unclear."""
    found = list(_SIDE.finditer(s))
    if len(found) > 1:
        place.problems.append(msg("extract.cannot.item_sides", words="; ".join(m.group() for m in found)))
    elif found:
        m = found[0]
        _took(place, m)
        place.side_words = m.group()
        place.side = _side(m)


def _side(m: re.Match[str]) -> tuple:
    """A match of _SIDE as ("after"|"before", N or "last") or ("at", "first"|"last")."""
    if m.group("side"):
        return (m.group("side").lower().replace("före", "before").replace("efter", "after"),
                _ordinal(m.group("ord") or m.group("n")))
    return ("at", "last" if (m.group("end") or m.group("as")).lower().startswith("sist") else "first")


# "förutom i andra meningen", "utom i sista stycket", "med undantag av första punkten": a place left out,
# which a reading of the place would take as the place itself (review 6 #9)
_EXCEPT = re.compile(r"\b(?:(?:för)?utom|med undantag (?:av|för)|undantaget|dock inte|men inte)\s+(?:i |på |under )?"
                     r"(?:den |det )?(?:\S+ ){0,2}?(?:meningen|meningarna|stycket|styckena|punkten|punkterna|sidan|"
                     r"sidorna|sida|rubriken|avsnittet|kolumnen|raden|tabellen|listan|punktlistan|att-satsen)\b",
                     re.IGNORECASE)


def _excepted(s: str, place: _Place) -> None:
    m = _EXCEPT.search(s)
    if m:
        place.problems.append(msg("guards.extract_excepted_place", words=m.group(0)))


def _page_range(s: str) -> set[int]:
    """The pages of "sidorna 6–7" / "sidan 6-7" / "sidorna 6 till 8" (both ends and those between),
    and of "sidorna 1 och 2" / "sidorna 2, 4 och 5"."""
    pages: set[int] = set()
    m = re.search(r"\bsid(?:an|a|orna) (\d+)\s*(?:[–—-]|till|t\.o\.m\.?)\s*(\d+)\b", s, re.IGNORECASE)
    if m and int(m.group(2)) > int(m.group(1)):
        pages |= set(range(int(m.group(1)), int(m.group(2)) + 1))
    # "sidorna 2, 4 och 5", and "sidan 6 och 7" (review 7 #12)
    listed = re.search(r"\bsidorna (\d+(?:\s*(?:,|och|samt|eller)\s*\d+)*)|\bsid(?:an|a) (\d+(?:\s*(?:,|och|samt|"
                       r"eller)\s*\d+)+)\b", s, re.IGNORECASE)
    return pages | ({int(p) for p in re.findall(r"\d+", listed.group(1) or listed.group(2))} if listed else set())


# "i första och tredje punkten", "i andra, tredje och femte stycket": several places of one noun (review 6 #11)
_ORDINAL_LIST = re.compile(_ORD + r"(?:\s*,\s*" + _ORD + r")*\s+(?:och|samt|eller|respektive|till|[–—-])\s+" + _ORD
                           + r"\s+(meningen|meningarna|stycket|styckena|punkten|punkterna|kolumnen|kolumnerna|raden|"
                             r"raderna)\b", re.IGNORECASE)


# "i punkt 2 och 3", "stycke 1–2": several places numbered after the noun (review 7 #5)
_NUMBER_LIST = re.compile(r"\b(mening|stycke|punkt|kolumn|rad) \d+(?:\s*,\s*\d+)*\s*(?:och|samt|eller|respektive|till|"
                          r"[–—-])\s*\d+\b", re.IGNORECASE)


# "i såväl första som andra stycket", "i första såväl som i andra stycket", "i första och även i andra stycket",
# "under rubriken X samt under rubriken Y" (review 8 #11)
_BOTH = re.compile(r"\bsåväl (?:i )?" + _ORD + r" (?:\w+ )?som (?:i )?(?:den |det )?" + _ORD + r" (\w+)|\b" + _ORD
                   + r" (?:\w+ )?(?:såväl som|och även|och också|liksom) (?:i )?(?:den |det )?" + _ORD + r" (\w+)|"
                   r"\brubriken\b[^⟨]*?\b(?:samt|och|liksom|och även) (?:under |i )?(rubriken)\b", re.IGNORECASE)


def _joined_or_from_end(s: str, place: _Place) -> None:
    """Places a reading of one place would cut short (review 5): "i första stycket och i andra
    stycket" or "i första och tredje punkten" (two places), "näst sista meningen", "andra meningen
    från slutet" (counted from the end)."""
    if re.search(r"\bnäst sista\b|\bfrån slutet\b", s, re.IGNORECASE):
        place.problems.append(msg("guards.extract_from_end"))
    nouns = [noun for noun in ("meningen", "stycket", "punkten")
             if len({w.lower() for w in re.findall(_ORD + " " + noun + r"\b", s, re.IGNORECASE)}) > 1]
    listed = _ORDINAL_LIST.search(s) or _NUMBER_LIST.search(s) or _BOTH.search(s)
    if listed and not nouns:
        nouns = [listed.group(listed.lastindex or 0)]
    for noun in nouns:
        place.problems.append(msg("guards.extract_two_places", noun=noun))


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


# "i riktlinjen": a document named by its kind alone, and the word the title of such a document holds
KINDS = {"riktlinjen": "riktlinje", "reglementet": "reglemente", "programmet": "program", "planen": "plan",
         "policyn": "policy"}
KIND = re.compile(r"\bi (" + "|".join(KINDS) + r")\b", re.IGNORECASE)


def other_document(skeleton: str, program: Program) -> Msg | None:
    """Why the instruction is not for the program: it names another document
    ("i stadsbyggnadsnämndens reglemente", "i riktlinjen" when the program is no
    riktlinje), or excepts this one ("i alla reglementen utom i reglementet för …").
    None when it is for the program."""
    kind = next((m for m in KIND.finditer(skeleton) if KINDS[m.group(1).lower()] not in program.meta.title.casefold()),
                None)
    if kind is not None and program.meta.title:
        return msg("extract.cannot.other_document", document=kind.group(1), title=program.meta.title)
    for m in _DOCUMENT.finditer(skeleton):
        excepted = re.search(r"\butom\s*$", skeleton[:m.start()])
        if excepted:
            if _names(m.group(1), program):
                return msg("extract.cannot.excepts", document=clean(m.group(1)))
            continue
        if not _names(m.group(1), program):
            return msg("extract.cannot.other_document", document=clean(m.group(1)), title=program.meta.title)
    return None


def names_program(skeleton: str, program: Program) -> bool:
    """Whether the instruction names this document ("i stadsmiljönämndens reglemente"),
    not as one excepted ("utom i reglementet för …")."""
    return any(_names(m.group(1), program) and not re.search(r"\butom\s*$", skeleton[:m.start()])
               for m in _DOCUMENT.finditer(skeleton))


def describe_place(at: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in at.items())
