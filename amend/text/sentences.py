"""Where sentences end: abbreviations, numbers, quotes; the readings a sentence number may have."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice

# ---------------------------------------------------------------- sentences
#
# A sentence may end at . ! ? … (and closing quotes or brackets) before a space.
# Whether it does depends on what stands before and after:
#   certain    "regionen. Sedan", "regionen. »Trygghet«", "regionen. – Det", "regionen. iPad",
#              "år 2025. 2026", "Vad gör vi? Vi"
#   uncertain  an abbreviation-like word before a capital ("enl. Socialstyrelsen", "t.ex. Polisen",
#              "tf. Chef"), any word before a lower-case word ("regionen. sedan": an abbreviation
#              no list knows, or a sentence that starts in lower case), an ellipsis before a capital,
#              ! or ? before a lower-case word ('"Vad gör vi?" sa han')
#   none       an abbreviation before a lower-case word ("t.ex. polisen", "s.k. trygghetsvandringar"),
#              one that takes a number before a digit ("kl. 13.00", "kap. 5"), an ellipsis before
#              a lower-case word
# A sentence number is then read under every reading of the uncertain ones (resolve).

# Abbreviations written without inner full stops. Dotted ones ("t.ex.", "p.g.a.") and
# single letters need no list; nor do short lower-case words, which count as
# abbreviation-like unless they are common words (below): no list is ever complete.
ABBREVIATIONS = {
    "dvs", "osv", "etc", "jfr", "jmf", "ca", "nr", "kap", "resp", "inkl", "exkl", "enl", "ang", "ordf", "avd",
    "tf", "ex", "vs", "mr", "mrs", "dr", "st", "no", "pp", "art", "sek", "kl", "ff", "ev", "obs", "prop", "bet",
    "dnr", "tfn", "tel", "forts", "uppl", "anm", "bil", "fig", "tab", "vol", "mom", "approx", "ibid", "ungef",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "kr", "milj", "mdr",
}
# Abbreviations that take a number: before a digit they never end a sentence.
_BEFORE_NUMBERS = {
    "ca", "nr", "kap", "kl", "s", "p", "pp", "st", "art", "sek", "dnr", "tfn", "tel", "no", "bil", "fig", "tab",
    "vol", "mom", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "resp",
    "fr.o.m", "t.o.m", "f.o.m",
}
# Abbreviations whose final full stop is always their own, also at the end of a sentence
# ("unga m.m." + "samt äldre" → "unga m.m. samt äldre."). Dotted ones always are.
_OWN_FULL_STOP = {
    "dvs", "osv", "etc", "jfr", "jmf", "resp", "inkl", "exkl", "enl", "ang", "ordf", "avd", "tf", "obs", "ev",
    "forts", "uppl", "anm", "ungef", "approx", "ibid", "ff", "pp",
}
# Common short words that end sentences: a full stop after them is a full stop.
_SHORT_WORDS = set("""
år året åren tid dag dagen dem oss mig dig sig er han hon den det de vi ni man en ett två tre fyra fem sex sju
åtta nio tio elva alla allt mer mest fler bra väl nu då här där hit dit hem ut in upp ner på av om med för till
från mot vid hos ur nej ja nya ny nytt egen eget barn unga stöd våld mål plan ord liv land stad län hus vård
ske bli gå se ha ta få ge gör går ser har tar får ger sker helt alls även igen också ofta snart sent tidigt
mera inte ingen inga dess vars vård hela hur vad vem var ens mat lek arv lag rätt fel sätt kost nöd ro
att och som samt inom utan dock även ändå bara just både sina sitt sin våra vår vårt era ert din ditt dina
mina min mitt när kan ska bör vill får må fick kom gick blev vara bli blir är sagt sägs syns görs ges tas fås
nås lär tror hör sa sade gav tog låg satt stor små lite få god gott goda bäst lika egna del mål sätt namn form
bild roll ton typ fall grad nivå krav lön hyra pris skäl fond mark park skog sjö hav väg gata torg by ort rike
text sida rad fråga svar idé tro hopp mod lugn fred hälsa ålder hand vikt makt råd möte ökad ökat
it is in on at to of all now too use way day year time work area plan done here there them us me him her
and are as but for has not one two the with each own some over like real page row run also only then than
they this that what when will well much more most less many must may data case part role rule task team
unit body city town law act aim goal need risk cost fund less new old good best
""".split())
VOWELS = set("aeiouyåäöéèêëáàâüíìîïóòôúùûæøœ")


def _core(token: str) -> str:
    """A token without the quotes and brackets around it."""
    return token.strip("\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a()[]{}")


def abbreviation_like(word: str) -> bool:
    """Could `word` (the token before a full stop, without it) be an abbreviation?"""
    word = _core(word)
    letters = word.replace(".", "")
    if not letters.isalpha():
        return False  # digits: "13.00", "2025", "3.2"
    if "." in word:
        return _dotted(word)
    return _undotted_abbreviation(letters)


def _undotted_abbreviation(letters: str) -> bool:
    """Could a word of letters only be an abbreviation: one letter, a listed one, one without vowels,
    or a short lower-case word that is not a common one?"""
    if len(letters) == 1:
        return True
    low = letters.lower()
    if low in ABBREVIATIONS:
        return True
    if letters.isupper():
        return False  # an acronym: "EU", "SKR"
    if not VOWELS.intersection(low):
        return True  # "tfn", "hkpt"
    return letters.islower() and len(letters) <= 4 and low not in _SHORT_WORDS


def _dotted(word: str) -> bool:
    """A dotted abbreviation: short parts of letters ("t.ex", "fr.o.m", "p.g.a"),
    not a web address ("www.alingsas.se")."""
    parts = word.strip(".").split(".")
    return len(parts) > 1 and all(p.isalpha() and len(p) <= 3 for p in parts)


def owns_its_full_stop(word: str) -> bool:
    """Is the full stop after `word` always part of it, even at a sentence end ("m.m.", "osv.")?"""
    word = _core(word)
    return _dotted(word) or (word.isalpha() and word.lower() in _OWN_FULL_STOP)


OPENING_MARKS = "\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a([{\u00bf\u00a1"
DASH_STARTS = "-\u2013\u2014"
_CANDIDATE = re.compile(r"([.!?\u2026]+)([\"'\u201d\u2019\u00bb\u00ab\u203a\u2039)\]}]*)([ \t\r\n\u00a0\u202f]+)")


def _next_start(text: str, i: int) -> str:
    """What the text after a possible sentence end starts with: 'upper', 'digit' or 'lower'."""
    i = _past_openers(text, i)
    if i >= len(text):
        return "upper"
    ch = text[i]
    if ch.isdigit():
        return "digit"
    if ch.islower():
        word = text[i:].split(" ", 1)[0]
        return "upper" if any(c.isupper() for c in word) else "lower"  # "iPad", "eHälsa"
    return "upper"  # capitals of any script, and symbols: "§ 5 gäller"


def _past_openers(text: str, i: int) -> int:
    """Where the text at i starts after its opening quotes, brackets and dashes."""
    while i < len(text) and (text[i] in OPENING_MARKS or text[i] in DASH_STARTS):
        i += 1
        if text[i - 1] in DASH_STARTS and i < len(text) and text[i] == " ":
            i += 1  # "– Det är bra"
    return i


@dataclass(frozen=True)
class Boundary:
    """A place where a sentence may end: text[:end] is the sentence, the next starts at `start`."""

    end: int
    start: int
    certain: bool
    word: str  # the token before it, as written ("(t.ex."), for messages


# Swedish words of one letter: "vistas i.", "vid en å." end a sentence like any word (review 6 O1)
ONE_LETTER_WORDS = {"i", "å", "ö"}


def _one_letter_word(text: str, k: int, word: str) -> bool:
    """`word` (at text[k]) is a one-letter word after a word of running text ("verka och vistas i"),
    not a letter among initials or a list's numbering ("a. i. b.")."""
    before = text[:k].rstrip().rsplit(" ", 1)[-1]
    return word in ONE_LETTER_WORDS and k > 0 and text[k - 1] == " " and len(before) > 1 and before.isalpha() \
        and before.islower()


def sentence_boundaries(text: str) -> list[Boundary]:
    """Every place in `text` where a sentence ends or may end, in order."""
    out = []
    for m in _CANDIDATE.finditer(text):
        k = _token_start(text, m.start(1))
        word = text[k:m.start(1)]
        kind = _boundary_kind(text, k, word, m.group(1), _next_start(text, m.end()))
        if kind == "certain" and m.group(3).strip(" \t\r\n"):
            kind = "uncertain"  # a no-break space binds: "regionen.\u00a0Sedan" is not written by chance
        if kind:
            out.append(Boundary(m.end(2), m.end(), kind == "certain", text[k:m.end(2)]))
    return out


def _token_start(text: str, k: int) -> int:
    """Where the token that ends at text[k] starts: after the last space before it."""
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _boundary_kind(text: str, k: int, word: str, punct: str, nxt: str) -> str | None:
    """'certain', 'uncertain' or None (no boundary) for `punct` after `word` (at text[k]),
    before a text that starts with `nxt` (see _next_start)."""
    if "!" in punct or "?" in punct:
        return "certain" if nxt != "lower" else "uncertain"
    if "\u2026" in punct or ".." in punct:
        return "uncertain" if nxt != "lower" else None
    if nxt == "upper" and _one_letter_word(text, k, word):
        return "certain"
    if abbreviation_like(word):
        return None if _abbreviation_binds(_core(word).lower(), nxt) else "uncertain"
    return "certain" if nxt != "lower" else "uncertain"


def _abbreviation_binds(core: str, nxt: str) -> bool:
    """An abbreviation before a lower-case word, or one that takes a number before a digit, ends no sentence."""
    return nxt == "lower" or (nxt == "digit" and (core in _BEFORE_NUMBERS or len(core) == 1))


def sentence_spans(text: str, split_uncertain: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; end excludes the following space.
    A place where a sentence may end counts only when `split_uncertain`."""
    spans, start = [], 0
    for b in sentence_boundaries(text):
        if b.certain or split_uncertain:
            spans.append((start, b.end))
            start = b.start
    spans.append((start, len(text)))
    return spans


READINGS_LIMIT = 64  # more candidate sentences than this: unclear without looking further


def sentence_readings(texts: Sequence[str], n: int, from_end: bool = False,
                      bounds: Sequence[list[Boundary]] | None = None) -> list[tuple[int, int, int]]:
    """The n-th sentence (1-based; counted from the end when `from_end`) of the texts
    taken in order, under every reading of their uncertain boundaries in which it
    exists: (text number, start, end) of each distinct candidate, the reading
    that takes no uncertain boundary first where it has one. `bounds` are the
    texts' `sentence_boundaries`, when the caller keeps them. The search stops
    after READINGS_LIMIT + 1 candidates (a text of many "A. B. C." is unclear).
    """
    bounds = bounds if bounds is not None else [sentence_boundaries(t) for t in texts]
    found: list[tuple[int, int, int]] = []
    plain = None
    for u, lo, hi in _sentences_before(bounds, n, from_end):
        starts, ends, certain = _pieces(bounds[u], texts[u])
        if plain is None and lo + certain[-1] >= n - 1:
            plain = _plain_nth(bounds[u], starts, ends, n - 1 - lo, from_end, u)
        pieces = _candidate_pieces(bounds[u], certain, lo, hi, n, from_end)
        found.extend((u, starts[i], ends[j]) for i, j in islice(pieces, READINGS_LIMIT + 1 - len(found)))
        if len(found) > READINGS_LIMIT:
            return found
    return _plain_first(found, plain)


def _sentences_before(bounds: Sequence[list[Boundary]], n: int, from_end: bool) -> Iterator[tuple[int, int, int]]:
    """(text number, fewest, most sentences before it) of each text in reading order (after it, from
    the end), while the fewest leave room for the n-th sentence."""
    lo = hi = 0
    for u in range(len(bounds) - 1, -1, -1) if from_end else range(len(bounds)):
        if lo > n - 1:
            return
        yield u, lo, hi
        lo += 1 + sum(b.certain for b in bounds[u])
        hi += 1 + len(bounds[u])


def _plain_first(found: list[tuple[int, int, int]], plain: tuple[int, int, int] | None) -> list[tuple[int, int, int]]:
    """The distinct candidates, the plain reading (no uncertain boundary taken) first when it is one."""
    if plain in found:
        found.insert(0, plain)
    return list(dict.fromkeys(found))


def _pieces(bs: list[Boundary], text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the pieces of one text between its boundaries `bs` start and end, and
    certain[k]: how many of bs[:k] are certain."""
    certain = list(accumulate((b.certain for b in bs), initial=0))
    return [0] + [b.start for b in bs], [b.end for b in bs] + [len(text)], certain


def _candidate_pieces(bs: list[Boundary], certain: list[int], lo: int, hi: int, n: int,
                      from_end: bool) -> Iterator[tuple[int, int]]:
    """(i, j) of each run of pieces i..j of one text that can be the n-th sentence
    when lo..hi sentences stand before it (after it, from the end).

    Each text starts a sentence. In one text with boundaries b1..bm, the pieces
    i..j form one sentence when b(i+1)..bj are all uncertain and not taken, and bi
    (if any) is taken; it is the n-th when the sentences before it can number
    n - 1: every earlier text gives 1 + its certain .. 1 + all its boundaries, and
    b1..bi give certain(b1..b(i-1)) + 1 .. i. (From the end, mirrored.)
    """
    for i in range(len(bs) + 1):
        if not from_end and not lo + (certain[i - 1] + 1 if i else 0) <= n - 1 <= hi + i:
            continue  # from the start, only i decides
        ends = _run_ends(bs, i)
        yield from ((i, j) for j in ends if not from_end or _fits_from_end(certain, j, lo, hi, n))


def _run_ends(bs: list[Boundary], i: int) -> Iterator[int]:
    """The last pieces j of the runs i..j that take no certain boundary inside."""
    for j in range(i, len(bs) + 1):
        if j > i and bs[j - 1].certain:
            return  # b(j) would have to be not taken
        yield j


def _fits_from_end(certain: list[int], j: int, lo: int, hi: int, n: int) -> bool:
    """Can the sentences after piece j, with lo..hi after the text, number n - 1?"""
    m = len(certain) - 1
    first, last = (0, 0) if j == m else (certain[m] - certain[j + 1] + 1, m - j)
    return lo + first <= n - 1 <= hi + last


def _plain_nth(bs: list[Boundary], starts: list[int], ends: list[int], k: int, from_end: bool,
               u: int) -> tuple[int, int, int]:
    """The k-th (0-based) sentence of one text when only its certain boundaries count."""
    cuts = [i for i, b in enumerate(bs, 1) if b.certain]
    pieces = list(zip([0] + cuts, [c - 1 for c in cuts] + [len(bs)]))
    i, j = pieces[-1 - k] if from_end else pieces[k]
    return u, starts[i], ends[j]


