"""Patch → the wording a secretary puts in the minutes, with the same grammar
tables that `amend extract` reads.

Every instruction written is read back at once with the grammar and must give
exactly the amendment it came from; where the plain wording would read two ways
(a heading made of words the grammar knows), names and values are quoted;
where even that fails, the amendment cannot be worded and the error says so.
So extract(describe(patch)) gives back the same operations and scopes.
"""
from __future__ import annotations

import re

from ..dump import amendment_to_data
from ..errors import AmendError, AmendErrors
from ..messages import Msg, msg
from ..model import Amendment, Patch, Program
from ..text import clean
from .amendments import under_header_row
from .grammar import LANGUAGES, UNCHECKED, Grammar, GrammarError, grammar


def describe_amendment(am: Amendment, g: Grammar, program: Program | None = None) -> str:
    at, fields = _parts(amendment_to_data(am))
    if program is not None and fields.get("add_section.level") == _level_after(am, program):
        del fields["add_section.level"]  # the level of the section before it: the minutes need not say it
    line = _line(am, g, at, fields)
    if line is not None:
        at = {**at, "line": line}
    problem: Msg | None = None
    header_row = program is not None and under_header_row(at, program)
    for quote_all in (False, True):
        try:
            sentence = g.write(at, fields, quote_all=quote_all, header_row=header_row)
        except GrammarError as exc:
            problem = exc.args[0]  # a Msg: rendered in the reader's language
            break
        readings = g.read(sentence).readings
        if [normalise(r.scope, r.operation) for r in readings] == [normalise(at, fields)]:
            return sentence
        problem = msg("extract.would_not_read_back", sentence=sentence)
    raise AmendError(msg("extract.cannot_be_worded", language=g.language, problem=problem), source=am.source,
                     amendment=am.label, amendment_id=am.id)


def _line(am: Amendment, g: Grammar, at: dict, fields: dict) -> int | None:
    """The line the minutes name ("Page 6, line 12, leave out …"), kept in the amendment's
    text only (the patch format has no line): written again when the text reads as
    exactly this amendment, so that the description is the parliament's own."""
    if not am.text or not g.style.get("write_line"):
        return None
    for language in sorted(LANGUAGES, key=lambda lang: lang != g.language):  # the minutes may be in either
        line = _line_read(am.text, language, at, fields)
        if line is not None:
            return line
    return None


def _line_read(text: str, language: str, at: dict, fields: dict) -> int | None:
    """The line of the one reading of `text` in `language`, when it is exactly this amendment."""
    try:
        outcome = grammar(language).read(text)
    except ValueError:
        return None
    readings = outcome.readings
    if not outcome.exhausted and len(readings) == 1 and readings[0].line is not None \
            and normalise(readings[0].scope, readings[0].operation) == normalise(at, fields):
        return readings[0].line
    return None


def _level_after(am: Amendment, program: Program) -> int | None:
    """The heading level a new section gets when the patch gives none: that of the section it follows."""
    sections = program.sections
    named = [s for s in sections if s.heading == am.after_section] if am.after_section else list(sections[-1:])
    return named[0].level if len(named) == 1 else None


def describe_patch(patch: Patch, language: str = "sv", program: Program | None = None) -> str:
    """Each amendment as its title on one line and its instruction on the next. With the
    program, a new section's level is left unsaid where it is that of the section before it."""
    g = grammar(language)
    titles = g.protocol.get("titles")
    untitled = {"sv": "Ändring", "en": "Amendment"}[language]
    blocks, errors = [], []
    for n, am in enumerate(patch.amendments, 1):
        try:
            sentence = describe_amendment(am, g, program)
        except AmendError as exc:
            errors.append(exc)
            continue
        title = am.title or f"{untitled} {n}"
        # a title extract would not know as one gets a blank line, so it is not read into the instruction
        gap = "\n" if titles and re.fullmatch(titles, title.rstrip(":"), re.IGNORECASE) else "\n\n"
        blocks.append(f"{title}{gap}{sentence}\n")
    if errors:
        raise AmendErrors.of(errors)
    return "\n".join(blocks)


def _parts(data: dict) -> tuple[dict, dict]:
    """An amendment's patch data as (scope, operation fields) the grammar speaks of."""
    at = dict(data.get("at") or {})
    fields = {}
    for key, value in data.items():
        if key in ("id", "title", "text", "at"):
            continue
        if isinstance(value, dict):  # add_section: {heading, content}
            for sub, inner in value.items():
                fields[f"{key}.{sub}"] = _one_paragraph(inner) if sub == "content" else inner
        else:
            fields[key] = _one_paragraph(value) if key == "replace_section_text" else value
    return at, fields


def _one_paragraph(content):
    """Section content the grammar can say: one plain paragraph, as its text."""
    if isinstance(content, list) and len(content) == 1 and isinstance(content[0], str):
        return content[0]
    return content


def normalise(at: dict, fields: dict) -> tuple:
    """A scope and operation in one form, to compare what was meant: 'first'
    is 1, text is cleaned, section content of one paragraph is its text."""
    def value(v):
        if v == "first":
            return 1
        if isinstance(v, str):
            return clean(v)
        return _one_paragraph(v)

    return (tuple(sorted((k, value(v)) for k, v in at.items() if k not in UNCHECKED)),
            tuple(sorted((k, value(v)) for k, v in fields.items())))
