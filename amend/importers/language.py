"""The language a document is written in (the program's `language:`, sv or en).

Its page footer ('Sida 3' / 'Page 3') says so first; else its words: the
common short words of Swedish and English ('och', 'att', 'som' / 'the',
'and', 'of') counted over its text, one language having at least twice the
other's and enough of them; else the language its file declares (a DOCX's
docProps dc:language, or the w:lang most of its text is marked with); else,
for a short text, Swedish when its words have å, ä, ö and some of its common
words and none of English's; else the language of the file's default style,
which a template often leaves at en-US (python-docx's does), so it comes last.
None: not known (the program then takes Swedish, the language of the council).
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..messages import Msg, msg
from .report import Report

# frequent words of one language that are not words of the other ('i', 'en', 'in' are in both)
_WORDS = {
    "sv": frozenset("och att det som på är för med till av den inte om har de ett vi ska kan eller från "
                    "detta där också andra samt inom under vid mot även hur vad sina sin".split()),
    "en": frozenset("the and of to is that for it with as on be this are by or from at which not have "
                    "has will can was were its their these should also".split()),
}
_ENOUGH = 8  # words of the language found, at the least
_LANG = re.compile(rb'<w:lang\b[^>]*\bw:val="([A-Za-z]{2})[-_A-Za-z]*"')
_DC = re.compile(rb"<dc:language>\s*([A-Za-z]{2})")


def by_words(texts: Iterable[str]) -> str | None:
    """sv or en where the document's common words say so clearly."""
    count = _common_words(_words(texts))
    best, other = ("sv", "en") if count["sv"] >= count["en"] else ("en", "sv")
    return best if count[best] >= _ENOUGH and count[best] >= 2 * count[other] else None


def _words(texts: Iterable[str]) -> list[str]:
    """The words of the texts (letters only), in lower case."""
    return [word for text in texts for word in re.findall(r"[^\W\d_]+", text.lower())]


def _common_words(words: list[str]) -> dict[str, int]:
    """How many of the words are common words of each language."""
    return {language: sum(word in common for word in words) for language, common in _WORDS.items()}


_SWEDISH_LETTERS = re.compile(r"[åäö]", re.IGNORECASE)
_LETTER_WORDS = 2  # words with å, ä or ö, at the least, beside one common Swedish word and no English one


def by_letters(texts: Iterable[str]) -> str | None:
    """sv for a text too short for by_words whose words have å, ä, ö ("Kommunen samverkar med polisen.
    Arbetet följs upp årligen."), with a common Swedish word and no common English one; else None."""
    words = _words(texts)
    count = _common_words(words)
    lettered = sum(bool(_SWEDISH_LETTERS.search(w)) for w in words)
    return "sv" if lettered >= _LETTER_WORDS and count["sv"] >= 1 and count["en"] == 0 else None


def declared(path: Path, default_style: bool = False) -> str | None:
    """The language a DOCX declares: its properties' dc:language, else the w:lang of most of its runs;
    `default_style`: the w:lang of its styles (a template's default, often en-US whatever the text)."""
    parts = ("word/styles.xml",) if default_style else ("word/document.xml",)
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            core = z.read("docProps/core.xml") if "docProps/core.xml" in names and not default_style else b""
            marks = Counter(m.lower() for part in parts if part in names for m in _LANG.findall(z.read(part)))
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    found = _DC.search(core)
    code = found.group(1).lower() if found else (marks.most_common(1)[0][0] if marks else b"")
    return code.decode() if code.decode() in _WORDS else None


def _names() -> dict[str, Msg]:
    return {"sv": msg("importers.language.sv"), "en": msg("importers.language.en")}


def _how() -> dict[str, Msg]:
    return {"footer": msg("importers.language.footer"), "words": msg("importers.language.words"),
            "declared": msg("importers.language.declared")}


def document_language(footer: str | None, texts: list[str], path: Path | None, report: Report) -> str | None:
    """The document's language and, in the report where it is not Swedish (the program's
    default, said of every Swedish import it would only be noise), what told it."""
    for how, find in (("footer", lambda: footer), ("words", lambda: by_words(texts)),
                      ("declared", lambda: declared(path) if path is not None else None),
                      ("words", lambda: by_letters(texts)),
                      ("declared", lambda: declared(path, default_style=True) if path is not None else None)):
        language = find()
        if language is not None:
            if language != "sv":
                report.note(msg("importers.note.language", language=_names()[language], how=_how()[how]))
            return language
    return None
