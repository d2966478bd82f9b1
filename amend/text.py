"""Text rules: how quoted anchors are compared, where sentences end, how inserted
text is joined to its neighbours.

Matching is exact after a small, fixed normalisation that minutes cannot be
expected to reproduce: Unicode NFC, runs of white space as one space,
typographic and straight quotes alike, dash variants alike, soft hyphens
ignored. Case and everything else must match.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .messages import Msg, msg

_QUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"}
_QUOTES.update({c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032"})
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_FOLD = {**_QUOTES, **_DASHES}
_SOFT = "\u00ad\u200b\u2060\ufeff"  # soft hyphen and zero-width characters

CLOSING_PUNCT = set(",.;:!?)]}\u2026")
OPENING_PUNCT = set("([{")
QUOTE_MARKS = set("\"'") | set(_QUOTES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_BREAKING_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def clean(text: str) -> str:
    """Document text as stored: NFC, runs of spaces, tabs and line breaks as one
    space, no edge spaces. A no-break space ("5\u00a0000 kr") is a character of
    the text and is kept; matching treats it as a space (`fold`)."""
    return _BREAKING_SPACE.sub(" ", nfc(text)).strip(" ")


# Characters `fold` drops or replaces. Text without them, already NFC and with
# one plain space between words, folds to itself.
_FOLDED_CHARS = re.compile("[{}]".format(re.escape(_SOFT + "".join(_FOLD))))


def folds_to_itself(text: str) -> bool:
    """True when `fold` would return `text` unchanged (stored text nearly always)."""
    return not _FOLDED_CHARS.search(text) and " ".join(text.split()) == text and unicodedata.is_normalized("NFC", text)


def fold(text: str) -> tuple[str, list[int]]:
    """Normalise `text` for matching, with a map back to original offsets.

    Returns (folded, index) where folded[i] came from text[index[i]], and
    index has one extra entry, len(text), so spans map back as
    text[index[a]:index[b - 1] + 1] or, for empty spans, index[a].
    """
    if folds_to_itself(text):
        return text, list(range(len(text) + 1))  # the common case, stored text: nothing to fold
    out: list[str] = []
    index: list[int] = []
    prev_space = True  # drops leading space
    for i, ch in _composed(text):
        if ch in _SOFT:
            continue
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
            ch = _FOLD.get(ch, ch)
        out.append(ch)
        index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    index.append(len(text))
    return "".join(out), index


def _composed(text: str) -> Iterator[tuple[int, str]]:
    """(offset in `text`, character) of the NFC form of `text`. Stored text is NFC
    already; otherwise each letter with its combining marks is composed on its
    own, so that every character keeps the offset where it starts in `text`
    (composing the whole text at once would shift every later offset)."""
    if unicodedata.is_normalized("NFC", text):
        yield from enumerate(text)
        return
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            for k, ch in enumerate(nfc(text[start:i])):
                yield min(start + k, i - 1) if k else start, ch
            start = i


def fold_anchor(anchor: str) -> str:
    return fold(anchor)[0]


# ---------------------------------------------------------------- words
#
# One rule says where a word begins and ends, for every anchor (`find_spans`)
# and every "starts with" (`starts_with_words`): an anchor may start or end only
# where no word goes on across it. A word goes on across
#   - letters, digits and combining marks ("q\u0301": never between a letter and its mark),
#   - a soft hyphen or zero-width character (invisible: "för\u00adebyggande" is one word),
#   - a hyphen between letters or digits, not between two digits ("HR-avdelningen",
#     "covid-19"; but "2025-2027" is a range, and an en dash parts words: "Alingsås–Göteborg"),
#   - an apostrophe, colon, slash or @ between letters or digits ("council's", "KF:s",
#     "13:00", "och/eller"),
#   - a full stop between two letters or two digits ("t.ex", "3.2"), a comma or no-break
#     space between two digits ("3,5", "5\u00a0000"),
#   - the final full stop of a dotted abbreviation or of one that is never a word
#     ("unga m.m." : "unga m.m" cuts it; "osv.", "etc.").

_HYPHENS = "-\u2010\u2011"
_INNER = "'\u2019\u02bc:/@"  # apostrophes, colon, slash, at sign
_DIGIT_GLUE = ",\u00a0\u202f\u2009"  # "3,5", "5 000" with a no-break, narrow or thin space


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in "\u200d\ufe0f\ufe0e"


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or _is_mark(ch)


def _glues(before: str, ch: str, after: str) -> bool:
    """Does `ch` join the word characters `before` and `after` into one word?"""
    if not (_is_word(before) and _is_word(after)):
        return False
    if ch in _HYPHENS:
        return not (before.isdigit() and after.isdigit())
    if ch in _INNER:
        return True
    if ch == ".":
        return (before.isalpha() and after.isalpha()) or (before.isdigit() and after.isdigit())
    return ch in _DIGIT_GLUE and before.isdigit() and after.isdigit()


def _visible(text: str, i: int, step: int) -> int:
    """The nearest index from i (inclusive) in direction step that is not a soft character; -1 or len past the edge."""
    while 0 <= i < len(text) and text[i] in _SOFT:
        i += step
    return i


def at_word_edge(text: str, p: int) -> bool:
    """May an anchor start or end at offset p of `text` (original offsets)?"""
    j, i = _visible(text, p - 1, -1), _visible(text, p, 1)
    if j < 0 or i >= len(text):
        return True
    a, b = text[j], text[i]
    if _is_mark(b) or (_is_word(a) and _is_word(b)):
        return False
    k, m = _visible(text, i + 1, 1), _visible(text, j - 1, -1)
    if k < len(text) and _glues(a, b, text[k]):
        return False
    if m >= 0 and _glues(text[m], a, b):
        return False
    return not (b == "." and _is_word(a) and owns_its_full_stop(_word_before(text, i)))


def _word_before(text: str, end: int) -> str:
    """The word (letters and inner full stops) that ends at `end`: "t.ex" in "… t.ex. Polisen"."""
    start = end
    while start > 0 and (_is_word(text[start - 1]) or text[start - 1] == "." or text[start - 1] in _SOFT):
        start -= 1
    return text[start:end].strip(".")


def find_spans(text: str, needle: str, folded: tuple[str, Sequence[int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) in `text` of each match of the anchor `needle` that starts and ends
    at a word edge. `folded` is fold(text), when the caller keeps it."""
    haystack, index = folded or fold(text)
    needle = fold_anchor(needle)
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    at = haystack.find(needle)
    while at != -1:
        start, end = index[at], index[at + len(needle) - 1] + 1
        if at_word_edge(text, start) and at_word_edge(text, end):
            spans.append((start, end))
        at = haystack.find(needle, at + 1)
    return spans


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets in `text` of the matches of `needle` that do not cut a word.

    "kommun" does not match inside "kommunen": an anchor that ends mid-word
    would put inserted text inside the word.
    """
    return [start for start, _ in find_spans(text, needle)]


def find_in_word(text: str, needle: str, folded: tuple[str, Sequence[int]] | None = None) -> bool:
    """True when `needle` occurs in `text` only as part of a longer word (for the message)."""
    needle = fold_anchor(needle)
    return bool(needle) and needle in (folded or fold(text))[0] and not find_spans(text, needle, folded)


def starts_with_words(text: str, start: str, folded: tuple[str, Sequence[int]] | None = None) -> bool:
    """Does `text` begin with the words `start` (a whole word at its end)?"""
    haystack, index = folded or fold(text)
    want = fold_anchor(start)
    return bool(want) and haystack.startswith(want) and at_word_edge(text, index[len(want) - 1] + 1)


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
_ABBREVIATIONS = {
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
text sida rad fråga svar idé tro hopp mod lugn fred hälsa ålder
it is in on at to of all now too use way day year time work area plan done here there them us me him her
and are as but for has not one two the with each own some over like real page row run also only then than
they this that what when will well much more most less many must may data case part role rule task team
unit body city town law act aim goal need risk cost fund less new old good best
""".split())
_VOWELS = set("aeiouyåäöéèêëáàâüíìîïóòôúùûæøœ")


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
    if len(letters) == 1:
        return True
    low = letters.lower()
    if low in _ABBREVIATIONS:
        return True
    if letters.isupper():
        return False  # an acronym: "EU", "SKR"
    if not _VOWELS.intersection(low):
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


_OPENING = "\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a([{\u00bf\u00a1"
_DASH_STARTS = "-\u2013\u2014"
_CANDIDATE = re.compile(r"([.!?\u2026]+)([\"'\u201d\u2019\u00bb\u00ab\u203a\u2039)\]}]*)([ \t\r\n\u00a0\u202f]+)")


def _next_start(text: str, i: int) -> str:
    """What the text after a possible sentence end starts with: 'upper', 'digit' or 'lower'."""
    while i < len(text) and (text[i] in _OPENING or text[i] in _DASH_STARTS):
        i += 1
        if text[i - 1] in _DASH_STARTS and i < len(text) and text[i] == " ":
            i += 1  # "– Det är bra"
    if i >= len(text):
        return "upper"
    ch = text[i]
    if ch.isdigit():
        return "digit"
    if ch.islower():
        word = text[i:].split(" ", 1)[0]
        return "upper" if any(c.isupper() for c in word) else "lower"  # "iPad", "eHälsa"
    return "upper"  # capitals of any script, and symbols: "§ 5 gäller"


@dataclass(frozen=True)
class Boundary:
    """A place where a sentence may end: text[:end] is the sentence, the next starts at `start`."""

    end: int
    start: int
    certain: bool
    word: str  # the token before it, as written ("(t.ex."), for messages


def sentence_boundaries(text: str) -> list[Boundary]:
    """Every place in `text` where a sentence ends or may end, in order."""
    out = []
    for m in _CANDIDATE.finditer(text):
        nxt = _next_start(text, m.end())
        k = m.start(1)
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word, punct = text[k:m.start(1)], m.group(1)
        kind: str | None
        if "!" in punct or "?" in punct:
            kind = "certain" if nxt != "lower" else "uncertain"
        elif "\u2026" in punct or ".." in punct:
            kind = "uncertain" if nxt != "lower" else None
        elif abbreviation_like(word):
            core = _core(word).lower()
            if nxt == "lower" or (nxt == "digit" and (core in _BEFORE_NUMBERS or len(core) == 1)):
                kind = None
            else:
                kind = "uncertain"
        else:
            kind = "certain" if nxt != "lower" else "uncertain"
        if kind == "certain" and m.group(3).strip(" \t\r\n"):
            kind = "uncertain"  # a no-break space binds: "regionen.\u00a0Sedan" is not written by chance
        if kind:
            out.append(Boundary(m.end(2), m.end(), kind == "certain", text[k:m.end(2)]))
    return out


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

    Each text starts a sentence. In one text with boundaries b1..bm, the pieces
    i..j form one sentence when b(i+1)..bj are all uncertain and not taken, and bi
    (if any) is taken; it is the n-th when the sentences before it can number
    n - 1: every earlier text gives 1 + its certain .. 1 + all its boundaries, and
    b1..bi give certain(b1..b(i-1)) + 1 .. i. (From the end, mirrored.)
    """
    bounds = bounds if bounds is not None else [sentence_boundaries(t) for t in texts]
    order = range(len(texts) - 1, -1, -1) if from_end else range(len(texts))
    lo = hi = 0  # sentences before this text (after it, from the end), fewest and most
    found: list[tuple[int, int, int]] = []
    plain = None
    for u in order:
        if lo > n - 1:
            break
        bs, text = bounds[u], texts[u]
        m = len(bs)
        starts = [0] + [b.start for b in bs]
        ends = [b.end for b in bs] + [len(text)]
        certain = [0]  # certain[k]: certain boundaries among bs[:k]
        for b in bs:
            certain.append(certain[-1] + b.certain)
        if plain is None and lo + certain[m] >= n - 1:
            plain = _plain_nth(bs, starts, ends, n - 1 - lo, from_end, u)
        for i in range(m + 1):
            if not from_end and not lo + (certain[i - 1] + 1 if i else 0) <= n - 1 <= hi + i:
                continue  # from the start, only i decides
            for j in range(i, m + 1):
                if j > i and bs[j - 1].certain:
                    break  # b(j) would have to be not taken
                if from_end:
                    first, last = (0, 0) if j == m else (certain[m] - certain[j + 1] + 1, m - j)
                    if not lo + first <= n - 1 <= hi + last:
                        continue
                found.append((u, starts[i], ends[j]))
                if len(found) > READINGS_LIMIT:
                    return found
        lo += 1 + certain[m]
        hi += 1 + m
    if plain in found:
        found.insert(0, plain)
    return list(dict.fromkeys(found))


def _plain_nth(bs: list[Boundary], starts: list[int], ends: list[int], k: int, from_end: bool,
               u: int) -> tuple[int, int, int]:
    """The k-th (0-based) sentence of one text when only its certain boundaries count."""
    cuts = [i for i, b in enumerate(bs, 1) if b.certain]
    pieces = list(zip([0] + cuts, [c - 1 for c in cuts] + [len(bs)]))
    i, j = pieces[-1 - k] if from_end else pieces[k]
    return u, starts[i], ends[j]


# ---------------------------------------------------------------- joining


def _opens(left: str) -> bool:
    """Does `left` end with something that takes no space after it: an opening
    bracket, or a quote mark that stands after a space (an opening quote)?"""
    c = left[-1]
    if c in OPENING_PUNCT:
        return True
    return c in QUOTE_MARKS and (len(left) == 1 or left[-2].isspace() or left[-2] in OPENING_PUNCT)


def _closes(right: str) -> bool:
    """Does `right` start with closing punctuation or a closing quote mark?"""
    c = right[0]
    if c in CLOSING_PUNCT:
        return True
    return c in QUOTE_MARKS and (len(right) == 1 or right[1].isspace() or right[1] in CLOSING_PUNCT)


def _joiner(ch: str) -> bool:
    """A character that binds the words beside it without a space: a dash or a slash
    ("2025–2027", "och/eller"); not "%", "§" or "&", which stand as words."""
    return ch in _DASHES or ch in "-/"


def _one_full_stop(head: str, tail: str) -> str:
    """Join `head` and `tail` where an edit meets the text after it: a full stop
    an abbreviation owns that now stands right before the sentence's full stop
    is that one too ("t.ex. polisen." − "polisen" → "t.ex.", not "t.ex.."; "i
    kommunen." + "m.m." after "kommunen" → "i kommunen m.m."), as at an end
    insert. An ellipsis ("..") is left alone."""
    if (head.endswith(".") and not head.endswith("..") and tail.startswith(".") and not tail.startswith("..")
            and owns_its_full_stop(_word_before(head, len(head) - 1))):
        return head + tail[1:]
    return head + tail


def insert_at(text: str, at: int, new: str) -> str:
    """Insert `new` at offset `at`: one space between words, none before closing
    punctuation (", i första hand," takes the place of the space before it) or after
    an opening bracket or quote, none where the original binds words with a dash or
    slash ("2025–|2027"); the text around is kept as it is."""
    if not new:
        return text
    left, right = text[:at], text[at:]
    if _closes(new):
        left = left.rstrip(" ")
    if _opens(new):
        right = right.lstrip(" ")
    # A dash binds only where it is written without spaces ("2025–2027"); one with a
    # space on its other side ("skolan – särskilt") stands as a word.
    binds_right = left and _joiner(left[-1]) and right[:1] not in ("", " ") and left[-2:-1] not in ("", " ")
    binds_left = right and _joiner(right[0]) and left[-1:] not in ("", " ") and right[1:2] not in ("", " ")
    pre = " " if left and not (left[-1].isspace() or _opens(left) or binds_right or _closes(new)) else ""
    post = " " if right and not (right[0].isspace() or _closes(right) or binds_left or _opens(new)) else ""
    return _one_full_stop(left + pre + new, post + right)


def delete_span(text: str, start: int, end: int) -> str:
    """Remove text[start:end] and close the gap: no double space, no space
    before closing punctuation, none at the edges; nothing else changes."""
    left, right = text[:start], text[end:]
    if not left.strip():
        return right.lstrip()
    if not right.strip():
        return left.rstrip()
    if left[-1].isspace():
        rest = right.lstrip()
        return _one_full_stop(left.rstrip(), ("" if _closes(rest) else " ") + rest)
    if _opens(left) and right[0].isspace():
        return left + right.lstrip()
    return _one_full_stop(left, right)


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, new) edits, sorted by start (and, at
    one point, in the order they are to appear), to `text`.

    A replacement takes the place of exactly the replaced characters; a
    deletion closes its gap (`delete_span`); an insertion is spaced by
    `insert_at`. Edits are applied from the end, so that earlier offsets
    stay valid, and each sees the text that the later ones produced. The
    result is stored text (`clean`): what a later patch of the same run
    sees is what it would see after a reload.
    """
    out = text
    for start, end, new in reversed(edits):
        new = clean(new)
        if start == end:
            out = insert_at(out, start, new)
        elif not new:
            out = delete_span(out, start, end)
        else:
            out = _one_full_stop(out[:start] + new, out[end:])
    return clean(out)


# ---------------------------------------------------------------- at end insert

TERMINAL = ".!?\u2026"
_CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u00ab\u203a\u2039)]}"
_PAIRS = {")": "(", "]": "[", "}": "{"}
# Quote marks that pair with each other: Swedish writes ”…”, »…» and »…«, English “…”.
_SINGLE_QUOTES = "'\u2018\u2019\u201a"
_QUOTE_FAMILIES = ("\u00ab\u00bb", "\"\u201c\u201d\u201e", _SINGLE_QUOTES, "\u2039\u203a")


def _starts_sentence(new: str) -> bool:
    """Is `new` a full sentence: not lower case at its start, . ! ? … at its end?"""
    body = new.rstrip(_CLOSING_MARKS)
    first = new.lstrip(_OPENING + _DASH_STARTS + " ")[:1]
    return bool(body) and body[-1] in TERMINAL and not first.islower()


def _opener_of(text: str, lo: int, close: int) -> int:
    """Offset of the quote mark or bracket that text[close] closes, searched back to
    `lo`; -1 if there is none. A quote mark closes at the nearest one of its kind
    before it (straight and typographic alike), an apostrophe inside a word is none."""
    ch = text[close]
    if ch in _PAIRS:
        depth = 0
        for k in range(close - 1, lo - 1, -1):
            if text[k] == ch:
                depth += 1
            elif text[k] == _PAIRS[ch]:
                if depth == 0:
                    return k
                depth -= 1
        return -1
    family = next((f for f in _QUOTE_FAMILIES if ch in f), ch)
    for k in range(close - 1, lo - 1, -1):
        if text[k] in family:
            if family is _SINGLE_QUOTES and 0 < k < len(text) - 1 and _is_word(text[k - 1]) and _is_word(text[k + 1]):
                continue  # "council's"
            return k
    return -1


def end_insert(text: str, lo: int, hi: int, new: str) -> tuple[int, str, Msg | None]:
    """Where "at end insert NEW" goes in the sentence (or paragraph) text[lo:hi]:
    (offset, text to insert, None), or (-1, "", why it is unclear).

    A full sentence goes after the end. Other words go before the closing
    . ! ? ("… i kommunen." + "samt X" → "… i kommunen samt X."; a full stop of
    their own counts as that one), inside quotes or brackets that hold the whole
    sentence ('"Vi ska samverka med alla."'), and after the full stop of an
    abbreviation that owns it, with a full stop of their own ("unga m.m. samt
    äldre."). Unclear: a quotation or brackets that open inside the sentence, an
    ellipsis, and a final full stop that may be an abbreviation's ("bilaga A.",
    "5 kr.").
    """
    new = clean(new)
    c = hi
    while c > lo and text[c - 1] in _CLOSING_MARKS:
        c -= 1
    t = c
    while t > lo and text[t - 1] in TERMINAL:
        t -= 1
    terminal = text[t:c]
    if not terminal or _starts_sentence(new):
        return hi, new, None
    own = new.rstrip(TERMINAL)
    if own != new:
        if new[len(own):] != terminal:
            return -1, "", msg("core.text_terminal_differs", terminal=terminal, inserted=new[len(own):])
        new = own  # its full stop is the sentence's
    for r, k in enumerate(range(hi - 1, c - 1, -1)):
        if _opener_of(text, lo, k) != lo + r:
            quoted = text[_opener_of(text, lo, k) if _opener_of(text, lo, k) >= 0 else lo:hi]
            return -1, "", msg("core.text_inside_quote", quoted=quoted)
    if terminal != "." and ("\u2026" in terminal or ".." in terminal):
        return -1, "", msg("core.text_ellipsis", terminal=terminal)
    word = _word_before(text, t) if terminal == "." else ""
    if word and owns_its_full_stop(word):
        return c, new + ".", None
    if word and _maybe_abbreviation_at_end(word):
        return -1, "", msg("core.text_abbreviation_end", word=word)
    return t, new, None


def shared_full_stop(text: str, start: int, end: int, new: str) -> tuple[int, Msg | None]:
    """Replacing or deleting text[start:end] that ends in an abbreviation whose full stop
    also ends the sentence leaves that full stop ("unga m.m." − "m.m." → "unga."):
    (the end of what to replace, None), or (end, why it is unclear) where the
    full stop may or may not end a sentence ("m.m. Kommunen")."""
    new = clean(new)
    if end - start < 2 or text[end - 1] != "." or (new and new[-1] in TERMINAL):
        return end, None
    word = _word_before(text, end - 1)
    if not owns_its_full_stop(word):
        return end, None
    after = end
    while after < len(text) and text[after] in _CLOSING_MARKS:
        after += 1
    if after == len(text):
        return end - 1, None
    here = next((b for b in sentence_boundaries(text) if b.end == after), None)
    if here is None:
        return end, None
    if here.certain:
        return end - 1, None
    return end, msg("core.text_shared_stop", word=word)


def _maybe_abbreviation_at_end(word: str) -> bool:
    """May the full stop after `word`, at a sentence end, be an abbreviation's
    ("bilaga A.", "5 kr.", "3 nov.")? Short words that are not known
    abbreviations are taken as words here: abbreviations like "enl." need
    words after them."""
    letters = word.replace(".", "")
    low = letters.lower()
    return letters.isalpha() and (len(letters) == 1 or low in _ABBREVIATIONS
                                  or (letters.islower() and not _VOWELS.intersection(low)))


def is_blank(text: str) -> bool:
    """Nothing left once cleaned and folded as for matching: only spaces, no-break
    spaces, soft hyphens or zero-width characters (no block may hold such a text)."""
    if text[:1].isalnum():
        return False  # nearly every text: no need to fold it
    return not fold(clean(text))[0]
