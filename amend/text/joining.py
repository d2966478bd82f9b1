"""How inserted text is joined to its neighbours, and where an insertion at the end of a
sentence goes."""
from __future__ import annotations

from ..messages import Msg, msg
from .attach import attaches_to_word
from .matching import CLOSING_PUNCT, DASHES, OPENING_PUNCT, QUOTE_MARKS, clean, is_word_char, word_before
from .sentences import (
    ABBREVIATIONS,
    DASH_STARTS,
    ONE_LETTER_WORDS,
    OPENING_MARKS,
    VOWELS,
    owns_its_full_stop,
    sentence_boundaries,
)

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
    return ch in DASHES or ch in "-/"


def _one_full_stop(head: str, tail: str) -> str:
    """Join `head` and `tail` where an edit meets the text after it: a full stop
    an abbreviation owns that now stands right before the sentence's full stop
    is that one too ("t.ex. polisen." − "polisen" → "t.ex.", not "t.ex.."; "i
    kommunen." + "m.m." after "kommunen" → "i kommunen m.m."), as at an end
    insert. An ellipsis ("..") is left alone."""
    if (head.endswith(".") and not head.endswith("..") and tail.startswith(".") and not tail.startswith("..")
            and owns_its_full_stop(word_before(head, len(head) - 1))):
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
    return _one_full_stop(left + _space_before(left, right, new) + new, _space_after(left, right, new) + right)


# A dash binds only where it is written without spaces ("2025–2027"); one with a
# space on its other side ("skolan – särskilt") stands as a word.
def _binds_right(left: str, right: str) -> bool:
    """Does `left` end with a dash or slash that binds it to `right` ("2025–|2027")?"""
    return bool(left) and _joiner(left[-1]) and right[:1] not in ("", " ") and left[-2:-1] not in ("", " ")


def _binds_left(left: str, right: str) -> bool:
    """Does `right` start with a dash or slash that binds it to `left` ("2025|–2027")?"""
    return bool(right) and _joiner(right[0]) and left[-1:] not in ("", " ") and right[1:2] not in ("", " ")


def _space_before(left: str, right: str, new: str) -> str:
    """The space, if any, between `left` and the inserted `new`."""
    if not left:
        return ""
    bound = left[-1].isspace() or _opens(left) or _binds_right(left, right) or _closes(new)
    return "" if bound or attaches_to_word(left, new) else " "


def _space_after(left: str, right: str, new: str) -> str:
    """The space, if any, between the inserted `new` and `right`."""
    if not right:
        return ""
    bound = right[0].isspace() or _closes(right) or _binds_left(left, right) or _opens(new)
    return "" if bound else " "


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
        out = _spliced(out, start, end, clean(new))
    return clean(out)


def _spliced(text: str, start: int, end: int, new: str) -> str:
    """One edit: an insertion at `start`, or a deletion or replacement of text[start:end]."""
    if start == end:
        return insert_at(text, start, new)
    return delete_span(text, start, end) if not new else _one_full_stop(text[:start] + new, text[end:])


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
    first = new.lstrip(OPENING_MARKS + DASH_STARTS + " ")[:1]
    return bool(body) and body[-1] in TERMINAL and not first.islower()


def _opener_of(text: str, lo: int, close: int) -> int:
    """Offset of the quote mark or bracket that text[close] closes, searched back to
    `lo`; -1 if there is none. A quote mark closes at the nearest one of its kind
    before it (straight and typographic alike), an apostrophe inside a word is none."""
    if text[close] in _PAIRS:
        return _bracket_opener(text, lo, close)
    return _quote_opener(text, lo, close)


def _bracket_opener(text: str, lo: int, close: int) -> int:
    """Offset of the bracket that the bracket text[close] closes, nested pairs skipped; -1 if none."""
    ch, depth = text[close], 0
    for k in range(close - 1, lo - 1, -1):
        if text[k] == ch:
            depth += 1
        elif text[k] == _PAIRS[ch]:
            if depth == 0:
                return k
            depth -= 1
    return -1


def _quote_opener(text: str, lo: int, close: int) -> int:
    """Offset of the nearest quote mark of text[close]'s family before it; -1 if none."""
    family = next((f for f in _QUOTE_FAMILIES if text[close] in f), text[close])
    for k in range(close - 1, lo - 1, -1):
        if text[k] in family and not (family is _SINGLE_QUOTES and _inside_word(text, k)):
            return k  # an apostrophe inside a word is none: "council's"
    return -1


def _inside_word(text: str, k: int) -> bool:
    """Does text[k] stand between two word characters?"""
    return 0 < k < len(text) - 1 and is_word_char(text[k - 1]) and is_word_char(text[k + 1])


def _unclear_end(text: str, lo: int, hi: int, c: int, terminal: str) -> Msg | None:
    """Why the end of text[lo:hi] (its closing marks from c) is unclear for an insert before its
    `terminal`: a quotation or brackets opened inside the sentence, or an ellipsis."""
    for r, k in enumerate(range(hi - 1, c - 1, -1)):
        if _opener_of(text, lo, k) != lo + r:
            quoted = text[_opener_of(text, lo, k) if _opener_of(text, lo, k) >= 0 else lo:hi]
            return msg("core.text_inside_quote", quoted=quoted)
    if terminal != "." and ("\u2026" in terminal or ".." in terminal):
        return msg("core.text_ellipsis", terminal=terminal)
    return None


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
    c = _back_over(text, lo, hi, _CLOSING_MARKS)
    t = _back_over(text, lo, c, TERMINAL)
    terminal = text[t:c]
    if not terminal or _starts_sentence(new):
        return hi, new, None
    new, problem = own_terminal(new, terminal)
    problem = problem or _unclear_end(text, lo, hi, c, terminal)
    if problem:
        return -1, "", problem
    return _before_terminal(text, t, c, new)


def _back_over(text: str, lo: int, i: int, chars: str) -> int:
    """Where the run of `chars` that ends at text[i] starts, not before `lo`."""
    while i > lo and text[i - 1] in chars:
        i -= 1
    return i


def _before_terminal(text: str, t: int, c: int, new: str) -> tuple[int, str, Msg | None]:
    """Where words go at the sentence's terminal text[t:c]: before it, after an abbreviation's
    full stop that owns it (with one of their own), or nowhere when it may be an abbreviation's."""
    terminal = text[t:c]
    word = word_before(text, t) if terminal == "." else ""
    if word and owns_its_full_stop(word):
        return c, new + ".", None
    if word and _maybe_abbreviation_at_end(word):
        return -1, "", msg("core.text_abbreviation_end", word=word)
    return t, new, None


def own_terminal(new: str, terminal: str) -> tuple[str, Msg | None]:
    """Inserted words that end with the . ! ? that the sentence's own `terminal` is
    where they go: their full stop is that one ("polisen" + "samt tullen." + "."
    → "polisen samt tullen."); (the words without it, None), or ("", why) when the
    two differ ("?" against ".")."""
    own = new.rstrip(TERMINAL)
    if own == new:
        return new, None
    if new[len(own):] != terminal:
        return "", msg("core.text_terminal_differs", terminal=terminal, inserted=new[len(own):])
    return own, None


def shared_full_stop(text: str, start: int, end: int, new: str) -> tuple[int, Msg | None]:
    """Replacing or deleting text[start:end] that ends in an abbreviation whose full stop
    also ends the sentence leaves that full stop ("unga m.m." − "m.m." → "unga."):
    (the end of what to replace, None), or (end, why it is unclear) where the
    full stop may or may not end a sentence ("m.m. Kommunen")."""
    new = clean(new)
    if end - start < 2 or text[end - 1] != "." or (new and new[-1] in TERMINAL):
        return end, None
    word = word_before(text, end - 1)
    if not owns_its_full_stop(word):
        return end, None
    return _stop_shared(text, end, _past(text, end, _CLOSING_MARKS), word)


def _past(text: str, i: int, chars: str) -> int:
    """Where the run of `chars` that starts at text[i] ends."""
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _stop_shared(text: str, end: int, after: int, word: str) -> tuple[int, Msg | None]:
    """Does the full stop of `word` at text[end - 1] (closing marks up to `after`) also end the
    sentence: (end - 1, None) when it does, (end, None) when not, (end, why) when unclear."""
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
    return letters.isalpha() and ((len(letters) == 1 and letters not in ONE_LETTER_WORDS) or low in ABBREVIATIONS
                                  or (letters.islower() and not VOWELS.intersection(low)))

