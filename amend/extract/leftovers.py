"""What a reading of real minutes' wording (wording.py) would leave out (review 5): a
rejection said around the change ("Förslaget om att … stryka ”årligen” avslås"), and a
quotation outside the operation read ("ersätts ”A” med ”B” och ”C” med ”D”", "efter
”polisen” läggs följande till: ”…” i samverkan med regionen"). Either makes the sentence
one that no patch written from the reading carries.
"""
from __future__ import annotations

import re

from ..messages import Msg, msg
from .places import _DOCUMENT, _ORD, KIND
from .quotations import _Q, Quote

_REJECTED = re.compile(r"\b(?:avslå\w*|avslag\w*|avslog\w*|förkasta\w*|(?:inte|ej) bifall\w*|bifalls (?:inte|ej)|"
                       r"(?:inte|ej) (?:stryka|strykas|ändra|ändras|ersätta|ersättas|lägga|läggas|infoga|"
                       r"tillfoga|ta bort)|reserver\w* (?:sig|oss)|till förmån för (?:\w+ )?(?:eget|sitt|sina|deras) "
                       r"yrkande\w*)\b", re.IGNORECASE)
# a quotation that names the place, not words of the change: "under rubriken ”Samverkan”"
_PLACE_QUOTE = re.compile(r"\b(?:rubriken|rubrik|avsnittet|kapitlet)[;:]?\s+$", re.IGNORECASE)
_PLACED = re.compile(r"\b(efter|före) (?:\w+ )?⟨(\d+)⟩", re.IGNORECASE)
# "i meningen som börjar med ”Arbetet”": a place named by its opening words (review 5 M8)
_STARTING = re.compile(r"\b(meningen|stycket|punkten) som (?:börjar|inleds) (?:med )?⟨(\d+)⟩", re.IGNORECASE)
_UNITS = {"meningen": "sentence", "stycket": "paragraph", "punkten": "item"}


# the words minutes name a place with: one the reading did not take is a place left out (review 7 #4, #5)
_PLACE_WORD = re.compile(r"\b(?:stycke|stycket|styckena|stycken|styckets|mening|meningen|meningarna|meningar|"
                         r"punkt|punkten|punkterna|punkter|punktlistan|mål|målet|målen|rad|raden|raderna|rader|"
                         r"tabell|tabellen|tabellens|kolumn|kolumnen|kolumnerna|lista|listan|inledningen|inledning|"
                         r"avsnitt|avsnittet|kapitel|kapitlet|sida|sidan|att-satsen|beslutspunkten|uppställningen|"
                         r"punktuppställningen|uppräkningen|(?<!i )stället|förekomsten|"
                         r"strecksats|strecksatsen|strecksatserna|strecksatser|"
                         # review 9 #10: "under underrubriken Samverkan", "under rubrik 4.1", "i texten om samverkan"
                         r"(?:under|mellan|del|huvud)?rubrik(?:en|erna)?|texten(?= om\b))\b", re.IGNORECASE)
# "i <noun>", "i <ordinal> <noun>", "i <noun> N": a place, unless the noun is one of the words minutes use
# "i" with for no place of the text; a closed list of place nouns always misses some ("i fotnoten", "i
# faktarutan", "i bilaga 1", "i ingressen", review 8 #2)
_IN_PLACE = re.compile(r"\bi (?:den |det |de )?(?:nuvarande |gällande |befintliga )?(?:" + _ORD + r" )?"
                       r"([^\W\d_][\w-]*)(?: \d+\b)?", re.IGNORECASE)
_NOT_PLACES = {"enlighet", "sin", "sitt", "sina", "stället", "övrigt", "samband", "samråd", "samverkan", "form",
               "fråga", "princip", "huvudsak", "anslutning", "programmet", "dokumentet", "förslaget", "beslutet",
               "ärendet", "tjänsteutlåtandet", "protokollet", "yrkandet", "texten", "hela", "alla", "slutet",
               "följande", "övriga", "samtliga", "detta", "denna", "dessa", "så", "fall", "tid", "dag", "år",
               "kraft", "linje", "syfte", "stort", "sak", "hand", "sammanhang"}
# a point inside a place ("i början av andra stycket", "först i tredje stycket", "före sista meningen"): a reading
# that takes the place but not the point puts the change at its end (review 8 #1)
_POSITION = re.compile(r"\b(?:(?:i början av|i mitten av|(?:allra )?först (?:i|under)|inledningsvis i|"
                       r"överst (?:i|under)|direkt under|närmast under|strax under) "
                       r"(?:den |det )?(?:" + _ORD + r" )?[^\s,.;:⟨]+|"
                       r"(?:före|framför) (?:den |det )?(?:" + _ORD + r" )?(?:meningen|meningarna|punkten|strecksatsen|"
                       r"stycket|raden|kolumnen|mening \d+|punkt \d+|stycke \d+))",
                       re.IGNORECASE)


def unread_place(skeleton: str, read: list[tuple[int, int]]) -> Msg | None:
    """Why a reading that did not take a place the sentence names ("i första målet", "i stycket om
    civilsamhället", "i de två första styckena") is left out: the change would be made elsewhere;
    None when every place word was read (`read`: the spans of the place and the operation)."""
    for m in _PLACE_WORD.finditer(skeleton):
        if _NEW_TEXT_NOUN.search(skeleton[:m.start()]):  # "följande stycke", "ett nytt stycke": the new text
            continue
        if not _inside(m.start(), read):
            return msg("guards.extract_unread_place_words", words=_words_at(skeleton, m))
    position = next((p for p in _POSITION.finditer(skeleton) if not _inside(p.start(), read)), None)
    if position:
        return msg("guards.extract_unread_position", words=position.group())
    return next((msg("guards.extract_unread_place_words", words=m.group()) for m in _IN_PLACE.finditer(skeleton)
                 if _unread_noun(skeleton, m, read)), None)


def _unread_noun(skeleton: str, m: re.Match, read: list[tuple[int, int]]) -> bool:
    """Is `m` ("i <noun>") a place the reading did not take? Not a document the sentence names ("i
    stadsmiljönämndens reglemente", "i reglementet för …": places.other_document's)."""
    if m.group(2).lower() in _NOT_PLACES or _inside(m.start(2), read):
        return False
    return not (_DOCUMENT.match(skeleton, m.start()) or KIND.match(skeleton, m.start()))


def _inside(at: int, read: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in read)


def _words_at(skeleton: str, m: re.Match) -> str:
    """The place word with the words that make it a place: "i första målet", "i de två första
    styckena", "i mål 1", "i stycket om civilsamhället"."""
    words = skeleton[:m.start()].split(" ")[:-1]
    k = len(words)
    while k and (words[k - 1].lower() in _LEADING or re.fullmatch(_ORD, words[k - 1], re.IGNORECASE)):
        k -= 1
    after = re.match(r"(?:\s+(?:\d+(?:\.\d+)*|om\s+[^\s,.;:⟨]+))?", skeleton[m.end():])
    return " ".join([*words[k:], skeleton[m.start():m.end() + (after.end() if after else 0)]])


_NEW_TEXT_NOUN = re.compile(r"\b(?:följande|nytt?|nya|en|ett)\s+$", re.IGNORECASE)
_LEADING = {"i", "på", "under", "den", "det", "de", "två", "tre", "fyra", "fem", "båda", "alla"}


def rejected_word(skeleton: str) -> str | None:
    """The words that reject the change ("avslås", "inte stryka"), or None."""
    m = _REJECTED.search(skeleton)
    return m.group() if m else None


def unread_quote(skeleton: str, m, quotes: list[Quote]) -> Msg | None:
    """Why a quotation outside the operation matched (`m`) that names no place is left
    out: a place ("efter ”polisen”") or perhaps a second change; None when there is none."""
    if m is None:
        return None
    # "i meningen som börjar med ”A”" before the change: that place is why (review 7 M4)
    for p in _STARTING.finditer(skeleton):
        if not m.start() <= p.start() < m.end():
            return _why(skeleton, int(p.group(2)), quotes)
    for q in re.finditer(_Q, skeleton):
        if not (m.start() <= q.start() < m.end()) and not _PLACE_QUOTE.search(skeleton[:q.start()]):
            return _why(skeleton, int(q.group(1)), quotes)
    return None


# words that may follow the operation without meaning more: "och", "samt", "i" before a place that was read
_JOINERS = {"och", "samt", "texten", "i", "på", "under"}


def unread_tail(skeleton: str, m, read: list[tuple[int, int]], quotes: list[Quote]) -> Msg | None:
    """Why words after the operation that neither the place nor the operation was read from are
    left out ("och ordet gemensamma stryks", "och prioriterade", "samt det därpå följande ordet", "–
    dock inte ordet träffas"): a second change or a condition the reading would drop (review 9 #1);
    None when only punctuation, "och"/"samt"/"i" and places read follow it."""
    if m is None or rejected_word(skeleton):  # "… stryks på sidan 1 avslås": the rejection is said instead
        return None
    words = _unread_words(skeleton, m.end(), read + _documents(skeleton))
    if all(w[2].lower() in _JOINERS for w in words):
        return None
    said = re.sub(r"⟨(\d+)⟩", lambda q: f"”{quotes[int(q.group(1))].text}”", skeleton[words[0][0]:words[-1][1]])
    return msg("guards.extract_unread_words", words=said)


# "i alla reglementen utom i reglementet för …": the documents the change is made in (places.other_document's)
_ALL_DOCUMENTS = re.compile(r"\bi (?:alla|samtliga) (?:reglementen|riktlinjer|program|planer|policyer)(?: utom)?\b",
                            re.IGNORECASE)


def _documents(skeleton: str) -> list[tuple[int, int]]:
    """The spans that name the document, which other_document read (a document other than the
    program is refused there)."""
    return [m.span() for pattern in (_DOCUMENT, KIND, _ALL_DOCUMENTS) for m in pattern.finditer(skeleton)]


def _unread_words(skeleton: str, start: int, read: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word (or quotation ⟨n⟩) from `start` on that no read span covers."""
    found = re.finditer(r"⟨\d+⟩|[^\W_][\w-]*", skeleton[start:])
    return [(start + w.start(), start + w.end(), w.group()) for w in found if not _inside(start + w.start(), read)]


def _why(skeleton: str, k: int, quotes: list[Quote]) -> Msg:
    words = quotes[k].text
    starting = next((p for p in _STARTING.finditer(skeleton) if int(p.group(2)) == k), None)
    if starting:
        unit = _UNITS[starting.group(1).lower()]
        return msg("guards.extract_unread_starting", noun=starting.group(1).lower(), words=words, key=unit)
    placed = next((p for p in _PLACED.finditer(skeleton) if int(p.group(2)) == k), None)
    if placed:
        key = "after" if placed.group(1).lower() == "efter" else "before"
        return msg("guards.extract_unread_place", key=key, words=words)
    return msg("guards.extract_unread_quote", words=words)
