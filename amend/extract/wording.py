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

The quotations are taken out in quotations.py and the place read in places.py;
this module reads the operation and says what cannot be a patch (agreement.py
checks that an amendment's wording and its operation agree).

Long because the table of wordings and the handler of each belong side by side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import Msg, msg
from ..model import Paragraph, Program
from ..text import clean
from .leftovers import _PLACE_QUOTE, rejected_word, unread_place, unread_quote, unread_tail
from .places import _ORD, _ordinal, _place, _problems, describe_place, other_document, page_words
from .quotations import _Q, Quote, _colon_payload, _split_inner, quotations
from .struck import struck_sentence
from .textlines import sentences


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
    open_end: bool = False  # a quotation runs to the end (never closed, or unquoted after a colon)


Result = Readings | Cannot | None


# ---------------------------------------------------------------- quotations


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
    # "stryks texten från ”A” till ”B”": a range struck, not A replaced by B (review 5)
    (r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå)\b.*\bfrån:? ⟨\d+⟩,? (?:till|och med|t\.o\.m\.?):? ⟨\d+⟩|"
     r"\bfrån:? ⟨\d+⟩,? (?:till|och med|t\.o\.m\.?):? ⟨\d+⟩,? (?:stryks|utgår|tas bort|ska strykas)",
     msg("guards.extract_range")),
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
# (the first two only where nothing is quoted: quoted words are an instruction not read, review 7 #8)
_DESCRIBED = [
    (r"\bmed följande (ändring|revidering)\b(?!.*⟨).*(punkt \d+|sida \d+|rubriken)",
     msg("extract.cannot.old_not_quoted")),
    # (not the lead-in to the list of changes: "… med följande ändringar:" or "… med följande ändringar.")
    (r"\bmed följande (ändring|revidering)(ar)?\b(?![:.]?\s*$)(?!.*⟨)", msg("extract.cannot.no_place_no_old")),
    (r"\brevideras genom att\b(?!.*⟨)", msg("extract.cannot.described")),
    (r"\bändras till att\b(?!.*⟨)", msg("extract.cannot.paraphrased")),
]


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
    if same := _SAME_CHANGE.search(skeleton):  # review 8 #3: "Samma ändring görs på sidan 7."
        return Cannot(msg("extract.cannot.same_change", words=same.group()))
    for pattern, reason in _DESCRIBED:
        if re.search(pattern, skeleton, re.IGNORECASE):
            return Cannot(reason)
    return None


_SAME_CHANGE = re.compile(r"\b(?:samma|motsvarande) (?:ändring|ändringar|ändringen|justering|justeringen|strykning|"
                          r"strykningen|tillägg|tillägget|ersättning|byte)\b[^⟨]*|\b(?:detsamma|detta|samma sak) "
                          r"gäller (?:även |också )?(?:på |för |i )?sid(?:an|a)[^⟨]*", re.IGNORECASE)


# ---------------------------------------------------------------- the place


# ---------------------------------------------------------------- the document


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
    if "sentence" in place.at:  # "stryks andra meningen i sista stycket": that sentence, not its paragraph
        return struck_sentence(place.at, program)
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


def _insert_after_named(m, quotes, place, program):
    return {"after": _q(quotes, m, 2), "insert": _q(quotes, m, 1), "_sentence": False}


def _insert_before_named(m, quotes, place, program):
    return {"before": _q(quotes, m, 2), "insert": _q(quotes, m, 1), "_sentence": False}


def _names_sentence(m) -> bool:
    """"efter meningen ”A.”": the quotation is a whole sentence, its full stop its own."""
    return bool(re.search(r"\b(meningen|följande mening)\b", m.group(0), re.IGNORECASE))


def _add_after_paragraph(m, quotes, place, program):
    place.at["paragraph"] = _ordinal(m.group(1))
    return {"add_paragraph": _q(quotes, m, 2)}


# "i punktlistan läggs till", "läggs en ny punkt till": the text is a new item of the list (review 6 #7)
_TO_LIST = re.compile(r"\b(?:i|till) (?:den |)(?:punktlistan|listan|punktuppställningen|uppräkningen)\b|"
                      r"\b(?:en|som) ny punkt\b|\bläggs en punkt\b", re.IGNORECASE)


def _addition(m, quotes, place, program):
    text = _q(quotes, m, 1)
    if "sentence" in place.at or "paragraph" in place.at or "item" in place.at:
        return {"insert": text}
    if _TO_LIST.search(m.string) and ("heading" in place.at or "page" in place.at):
        return _list_item_of(clean(text), place)
    sentence = _SENTENCE_ADDED.search(m.group(0))
    if "heading" in place.at and sentence:
        return _sentence_added(text, sentence.group(), place, program)
    if "heading" in place.at:
        return {"add_paragraph": text}
    return msg("extract.cannot.no_place_for_text")


# "läggs följande mening till", "meningen ”…” läggs till": a sentence, which goes into a paragraph (review 9 #6)
_SENTENCE_ADDED = re.compile(r"\b(?:följande )?(?:mening|meningar|meningen|meningarna)\b", re.IGNORECASE)


def _sentence_added(text: str, words: str, place, program: Program):
    """A sentence added under a heading: at the end of the section's one paragraph (a new paragraph
    would be a new stycke of a §); which paragraph is a guess when the section has several."""
    heading = place.at["heading"]
    section = next((s for s in program.sections if s.heading == heading), None)
    blocks = section.blocks if section else ()
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
        return msg("guards.extract_sentence_where", words=words, heading=heading, count=len(blocks))
    place.at["paragraph"] = 1
    return {"insert": text}


def _new_text(m, quotes, place, program):
    text = _q(quotes, m, 1)
    if any(k in place.at for k in ("sentence", "paragraph", "item")):
        return msg("extract.cannot.old_not_quoted")
    if "heading" not in place.at:
        return msg("extract.cannot.no_place_replaced")
    return {"replace_section_text": [text]}


def _delete_item(m, quotes, place, program):
    return {"delete_item": _q(quotes, m, 1)}


def _item_addition(m, quotes, place, program):
    if "page" not in place.at and "heading" not in place.at:
        return msg("extract.cannot.no_place_list")
    return _list_item_of(clean(_q(quotes, m, 1)), place)


def _paragraph_after(m, quotes, place, program):
    return {"add_paragraph": _q(quotes, m, 2), "after": _q(quotes, m, 1)}


def _list_item(m, quotes, place, program):
    if "page" not in place.at and "heading" not in place.at:
        return msg("extract.cannot.no_place_list")
    return _list_item_of(clean(m.group(1)), place)


def _list_item_of(item: str, place) -> dict | Msg:
    """A new item of the one list the place holds (resolve refuses two lists there): last, or
    where the minutes say ("efter andra punkten": the third)."""
    position = _position(place)
    if isinstance(position, Msg):
        return position
    note = (msg("extract.check.new_item_page", item=item, page=place.at["page"]) if "page" in place.at
            else msg("extract.check.new_item_heading", item=item, heading=place.at["heading"]))
    if position is None:
        return {"add_item": item, "_note": note}
    where = (msg("extract.check.item_position_first") if position == "first" else
             msg("extract.check.item_position_last") if position == "last" else
             msg("extract.check.item_position_n", n=position))
    return {"add_item": item, "position": position,
            "_note": msg("extract.check.new_item_at", read=note, position=where, words=place.side_words)}


def _position(place) -> int | str | Msg | None:
    """The position of a new item from where the minutes put it: after item N it is item N + 1."""
    if place.side is None:
        return None
    side, n = place.side
    if side == "at":
        return n
    if n is None or n == 0:  # never read so; refused rather than put last
        return msg("extract.cannot.item_sides", words=place.side_words)
    if n == "last":
        return "last" if side == "after" else msg("extract.cannot.item_before_last", words=place.side_words)
    return n + 1 if side == "after" else n


_OPERATIONS = [
    (r"\bfrån:? " + _Q + r",? (?:tillbaka )?till:? " + _Q, _replace),
    (r"\bändras följande (?:mening|meningar|text|ord|formulering):? " + _Q + r"\.? ändras till:? " + _Q, _replace),
    (_Q + r"\.? (?:ersätts|ska ersättas|byts ut|ska bytas ut)(?: med| mot)?(?: följande (?:text|formuleringar?|"
     r"lydelse))?:? " + _Q, _replace),
    (_Q + r"\.? ändras till:? " + _Q, _replace),
    (r"\bersätts " + _Q + r" med:? " + _Q, _replace),
    # review 8 #10: "byts ”A” (ut) mot ”B”", "byts ut ”A” mot ”B”", "”A” byts mot ”B”"
    (r"\b(?:byts|ska bytas) (?:ut )?(?:ordet |orden |texten |meningen )?" + _Q + r" (?:ut )?mot:? " + _Q, _replace),
    (_Q + r"\.? (?:byts|ska bytas) mot:? " + _Q, _replace),
    # review 6 #8: "ersätts ordet ”A” med ”B”", "ska ordet ”A” ersättas med ”B”", "texten ”A” på sidan 6 ändras till"
    (r"\bersätts (?:ordet|orden|texten|meningen|formuleringen) " + _Q + r" med:? " + _Q, _replace),
    # review 7 #8: "att … ersätta ”A” med ”B”", "ändras ”A” till ”B”"
    (r"\bersätta (?:ordet |orden |texten |meningen )?" + _Q + r" med:? " + _Q, _replace),
    (r"\bändras (?:ordet |orden |texten |meningen )?" + _Q + r"\.? till:? " + _Q, _replace),
    (r"\bska (?:ordet |orden |texten |meningen |formuleringen )?" + _Q + r"\.? (?:ersättas|bytas ut) (?:med|mot):? "
     + _Q, _replace),
    (r"(?:^|\s)(?:ordet |orden |texten |meningen )?" + _Q + r"\.? på sid(?:an|a) \d+ (?:ersätts(?: med| mot)?|"
     r"ändras till|ska ersättas(?: med| mot)?):? " + _Q, _replace),
    (r"\b(?:läggs|ska läggas) (?:följande (?:text|stycke|paragraf) )?till som (?:en )?ny (?:§ ?(\d+)|(\d+) §|paragraf "
     r"(?:nummer )?(\d+)):? " + _Q, _add_section),
    (r"\befter (?:meningen|orden|ordet|texten) " + _Q + r",? (?:läggs|ska läggas|lägga|infogas|tillfogas|ska infogas)"
     r"(?: till)?(?: följande| meningen| meningarna| orden| ordet| texten)*(?: till)?:? " + _Q, _insert_after),
    (r"\bföre (?:meningen|orden|ordet|texten) " + _Q + r",? (?:läggs|ska läggas|lägga|infogas|tillfogas|ska infogas)"
     r"(?: till)?(?: följande| meningen| meningarna| orden| ordet| texten)*(?: till)?:? " + _Q, _insert_before),
    (r"(?:infogas|läggas till|läggs till|tillfogas) efter " + _ORD + r" stycket:? " + _Q, _add_after_paragraph),
    # review 7 #9: "efter första stycket(,) läggs följande stycke till: ”…”", "läggs följande stycke till efter
    # första stycket: ”…”"
    (r"\befter " + _ORD + r" stycket,? (?:läggs|ska läggas|infogas|ska infogas|tillfogas)(?: till)? (?:följande|ett) "
     r"(?:nytt )?stycke(?: till)?:? " + _Q, _add_after_paragraph),
    (r"\b(?:läggs|ska läggas|infogas|tillfogas) (?:följande|ett) (?:nytt )?stycke(?: till)? efter " + _ORD
     + r" stycket:? " + _Q, _add_after_paragraph),
    # review 6 #8: "stryks punkten ”…”", "läggs en ny punkt till: ”…”", "läggs ett nytt stycke till efter stycket som
    # börjar med ”A”: ”B”"
    (r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå|ska tas bort) punkten:? " + _Q, _delete_item),
    (r"\bläggs (?:(?:efter|före) (?:den )?(?:\S+ punkten|punkt \d+) )?(?:en|följande) (?:ny )?punkt till(?: (?:allra )?"
     r"(?:sist|först) i (?:den )?(?:punkt)?listan)?:? " + _Q, _item_addition),
    (r"\bläggs ett (?:nytt )?stycke till efter stycket som börjar med:? " + _Q + r":? " + _Q, _paragraph_after),
    (r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå|ska tas bort|stryka)(?: följande(?: text| mening| ord)?| ordet| "
     r"orden| texten)?:? " + _Q, _delete),
    # review 7 #8: "läggs ”A” till efter ”B”"
    (r"\b(?:läggs|ska läggas|infogas) " + _Q + r" till efter " + _Q, _insert_after_named),
    (r"\b(?:läggs|ska läggas|infogas) " + _Q + r" till före " + _Q, _insert_before_named),
    (r"(?:^|\s)(?:ordet |orden |texten |meningen )?" + _Q + r"\.? (?:stryks|utgår|tas bort|ska strykas|ska utgå|"
     r"ska tas bort)\b", _delete),
    (r"\b(?:kompletteras med|tillfogas|läggs till|ska läggas till|läggs följande (?:text |mening |meningar |"
     r"stycke )?till|ska följande (?:text |mening |stycke )?(?:läggas till|infogas))(?: följande(?: text| mening| "
     r"meningar| stycke)?)?:? " + _Q, _addition),
    (r"(?:^|\s)(?:tillägget |texten |meningen |meningarna |stycket )?" + _Q + r"\.? (?:läggs till|ska läggas till|"
     r"tillfogas|infogas)\b", _addition),
    (r"\batt ([^⟨,.;:]+?) läggs till som [^⟨.;:]+? (?:på sid(?:an|a) \d+|under rubriken)", _list_item),
]
_REPLACE_FORMS = 8  # the first eight operations replace quoted words

# the whole new text of the place named, without the old: "… revideras i enlighet med följande: ”…”"
_NEW_TEXT = re.compile(r"(?:(?:revideras|ändras) (?:i enlighet med följande|enligt följande|genom att (?:den )?"
                       r"(?:nuvarande )?texten ersätts med följande(?: text)?)|"
                       r"får (?:texten |stycket |avsnittet )?följande lydelse|ska ha följande lydelse|"
                       r"formuleras (?:om )?(?:som|enligt följande)|ska ersättas (?:med )?följande text):? "
                       + _Q, re.IGNORECASE)
_STRUCK = re.compile(r"\b(?:stryks|utgår|tas bort|strykas|utgå)\.?\s*$", re.IGNORECASE)
# "stryks andra meningen i sista stycket", "tas den sista meningen bort": the verb before the place it strikes
# ("stryks andra och tredje meningen" too: the place then says it names two)
_STRUCK_PLACE = re.compile(r"\b(?:stryks|utgår|tas bort|ska strykas|ska utgå|ska tas bort)\s+(?:hela |den |det )?"
                           + _ORD + r"(?:(?:\s*,\s*|\s+(?:och|samt|till)\s+)" + _ORD + r")*\s+(?:meningen|meningarna|"
                           r"stycket|styckena|punkten|punkterna)\b", re.IGNORECASE)


def _section_text(program: Program, heading: str) -> str | None:
    section = next((s for s in program.sections if s.heading == heading), None)
    if section is None:
        return None
    return clean(" ".join(getattr(b, "text", "") for b in section.blocks))


def read(text: str, program: Program, *, beside_change: bool = False) -> Result:
    """The readings of one instruction of real minutes, why it cannot be a patch,
    or None when it is no change to a document's text."""
    skeleton, quotes = _split_inner(*quotations(re.sub(r"^\s*\d{1,2}[.)]\s+", "", text)))  # less the point's number
    skeleton = page_words(skeleton)
    cannot = _cannot(skeleton)
    if cannot:
        return cannot
    built = _operation(skeleton, quotes, program)
    if built is None:
        return _elsewhere(skeleton, beside_change)
    rejected = rejected_word(skeleton)
    if isinstance(built, Readings) and rejected:  # review 5: "Förslaget om att … stryka ”…” avslås."
        return Cannot(msg("guards.extract_rejected", word=rejected))
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
    unread = unread_quote(skeleton, m, quotes) or _unread_place(skeleton, m, place)
    if unread is not None:
        return Cannot(unread)
    open_quotes = [q for q in quotes if not q.closed]
    several = next((q for q in open_quotes if len(sentences(q.text)) > 1), None)
    if several is not None and (not several.marked or _REMARK.search(_later_sentences(several.text))):
        return Cannot(msg("extract.cannot.open_sentences", words=_later_sentences(several.text)))
    built = build(m, quotes, place, program)
    if isinstance(built, Msg):  # a place named wrongly is the truer reason than the place the builder missed
        return Cannot(_problems(place) if place.problems and built.key == "extract.cannot.no_place_for_text"
                      else built)
    if place.problems and not built.pop("_unscoped", False):
        return Cannot(_problems(place))
    tail = unread_tail(skeleton, m, place.read + _listed(skeleton), quotes)
    if tail is not None:
        return Cannot(tail)
    built.pop("_unscoped", None)
    if place.side is not None and "add_item" not in built:  # "efter andra punkten läggs följande till": what is new?
        return Cannot(msg("extract.cannot.item_side_no_item", words=place.side_words))
    note = built.pop("_note", None)
    if several is not None and note is None:  # a never-closed quotation of several sentences, none a remark
        note = msg("extract.check.open_sentences", words=_later_sentences(several.text))
    whole_sentence = built.pop("_sentence", False)
    scoped = built.pop("_scoped", False)
    at = built.pop("at", None) if scoped else dict(place.at)
    data = ({"at": at} if at else {}) | built
    notes = (note,) if note else ()
    readings = (Candidate(data),) if whole_sentence else _punctuation_readings(data)
    return Readings(tuple(Candidate(c.data, notes) for c in readings), describe_place(place.at), bool(open_quotes))


# a sentence of the minutes about the decision itself, not words of the program (review 8 #16)
_REMARK = re.compile(r"\b(?:ändring(?:en|arna)?|beslutet|tillägget)\b|\bträder i kraft\b|\bgäller (?:från|fr\.?o\.?m|"
                     r"och med|retroaktivt)\b", re.IGNORECASE)


def _later_sentences(text: str) -> str:
    """The words of a quotation after its first sentence."""
    spans = sentences(text)
    return clean(text[spans[1][0]:]) if len(spans) > 1 else text


def open_sentences(text: str) -> Cannot:
    """The refusal of an open-ended reading followed by another sentence of the same point."""
    return Cannot(msg("extract.cannot.open_sentences", words=clean(text)))


def _unread_place(skeleton: str, m, place) -> Msg | None:
    """A place word neither the place nor the operation was read from (problems of the place say more)."""
    if place.problems:
        return None
    return unread_place(skeleton, place.read + ([(m.start(), m.end())] if m else []) + _listed(skeleton))


def _listed(skeleton: str) -> list[tuple[int, int]]:
    """The spans that name a list as the place ("i punktlistan", "en ny punkt")."""
    return [t.span() for t in _TO_LIST.finditer(skeleton)]


_UNQUOTED_FROM_TO = re.compile(r"\bändras från (?P<old>[^⟨]+?) (?:tillbaka )?till (?P<new>[^⟨]+?)\.?$", re.IGNORECASE)


def _unquoted_from_to(m, quotes, place, program):
    """"… ändras från 2024 tillbaka till 2023": the words as written; a second
    "till" would make the split a guess."""
    if len(re.findall(r"\btill\b", m.group("old") + " " + m.group("new"))) > 0:
        return msg("extract.cannot.unquoted_till")
    old, new = clean(m.group("old")), clean(m.group("new"))
    for key in ("old", "new"):  # "ändras från A till B i tredje stycket": where B ends is unclear (review 8 #15)
        if any(a < m.end(key) and m.start(key) < b for a, b in place.read) or "," in m.group(key) \
                or unread_place(m.group(key), []) is not None:
            return msg("extract.cannot.unquoted_place", words=clean(m.group(key)))
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
    return (None, _delete_bare) if _strikes_place(skeleton) else None


def _strikes_place(skeleton: str) -> bool:
    """"§ 3 stryks", "stryks andra meningen i sista stycket": a place struck, no words quoted."""
    return bool((_STRUCK.search(skeleton) and re.search(r"§|\brubriken\b|\bstycket\b|\bpunkten\b|\bmeningen\b",
                                                        skeleton))
                or (_STRUCK_PLACE.search(skeleton) and not _quotes_words(skeleton)))


def _quotes_words(skeleton: str) -> bool:
    """Whether the sentence quotes any words other than the heading it names ("under rubriken ”Samverkan”")."""
    return any(not _PLACE_QUOTE.search(skeleton[:q.start()]) for q in re.finditer(_Q, skeleton))


class _Reindex:
    """A match of _NEW_TEXT seen as having its quotation in group 1."""

    def __init__(self, m):
        self._m = m

    def group(self, k):
        return self._m.group(self._m.lastindex) if k == 1 else self._m.group(k)

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


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


_STRIKES_PLACE = re.compile(r"\b(?:stryks|strykas|stryka|utgår|utgå|tas bort)\b.*\b(?:meningen|stycket|punkten|"
                            r"avsnittet)\b|\b(?:meningen|stycket|punkten|avsnittet)\b.*\b(?:stryks|strykas|utgår|"
                            r"utgå|tas bort)\b", re.IGNORECASE)


def looks_like_change(text: str) -> bool:
    """Quoted words beside a verb of change: worth a report when nothing reads it."""
    skeleton, quotes = quotations(text)
    if _STRIKES_PLACE.search(skeleton):  # "stryks andra meningen …" read by nothing: never "no amendment"
        return True
    # "läggs en ny punkt till", "ska … ersättas", "tillägg": never "the decision holds no amendment" (review 6 #8)
    return bool(quotes) and bool(re.search(r"\b(stryks|strykas|stryka|utgår|tas bort|läggs(?: \S+){0,3} till|"
                                           r"läggas till|lägga till|ersätts|ersättas|ersätta|ändras|infogas|"
                                           r"tillfogas|kompletteras|byts|bytas|byta|inleds|inledas|avslutas|formuleras|lydelse|tillägg\w*|"
                                           r"i ställ(?:e|et) för|istället för|ska lyda|lyder|ska stå)\b",
                                           skeleton, re.IGNORECASE))


_FAMILY_OF = {_insert_after_named: "adds", _insert_before_named: "adds",
              _replace: "replaces", _unquoted_from_to: "replaces", _new_text: "replaces", _delete: "strikes",
              _delete_bare: "strikes", _add_section: "adds", _insert_after: "adds", _insert_before: "adds",
              _add_after_paragraph: "adds", _addition: "adds", _list_item: "adds", _delete_item: "strikes",
              _item_addition: "adds", _paragraph_after: "adds"}


def operation_family(text: str) -> str | None:
    """What the instruction does to the text ("strikes", "adds", "replaces"), read from
    its words alone: for `amend validate`, where the place cannot be looked up."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", text)
    skeleton, quotes = _split_inner(*quotations(text))
    if _cannot(skeleton):
        return None
    found = _find_operation(_colon_payload(skeleton, quotes)[0])
    return _FAMILY_OF.get(found[1]) if found else None
