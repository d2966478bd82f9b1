"""The title block (the lines before the first heading) read back into the
program's metadata: the inverse of amend.layout.title_lines."""
from __future__ import annotations

import re

from ..messages import msg
from ..model import Decision
from .report import Report
from .shown import excerpt


def _labels():
    from ..layout import LABELS  # the words render writes are the words read back

    return LABELS


def read_title_block(lines: list[tuple[str, str]], report: Report, language_hint: str | None = None,
                     source: str | None = None) -> dict:
    """(style, text) pairs before the first heading → metadata fields.

    The inverse of amend.layout.title_lines: organisation (Subtitle before
    the title), Title, subtitle (Subtitle after it), the "Status: … · Datum: …"
    line (also the "Version: … · Status: …" of files amend wrote before the
    version moved out of sight) and "Antagen av …" decision lines. A line is
    taken only when writing the metadata back gives exactly that line; anything
    else is reported. The version is the DOCX's document property (version_in_file).
    """
    meta = _fields(lines, report)
    if "version" not in meta and source is not None and (version := version_in_file(source)):
        meta["version"] = version
    meta.setdefault("language", language_hint)
    if meta["language"] is None:
        meta.pop("language")
    return meta


def _fields(lines: list[tuple[str, str]], report: Report) -> dict:
    """The fields the lines give back exactly (see read_title_block); the others reported."""
    from ..layout import decision_line

    meta: dict = {}
    decisions = []
    seen_title = False
    for style, text in lines:
        if style == "Title" and not seen_title:
            meta["title"], seen_title = text, True
        elif style == "Subtitle" and "subtitle" not in meta:
            meta["subtitle" if seen_title else "organisation"] = text
        elif (facts := _facts(text)) and not meta.keys() & {"version", "status", "date"}:
            meta.update(facts)
        elif (found := _decision(text)) and decision_line(found[0], found[1]) == text:
            decisions.append(found[0])
            meta["language"] = found[1]
        else:
            report.note(msg("importers.note.before_first_heading", text=excerpt(text)))
    if decisions:
        meta["decisions"] = tuple(decisions)
    return meta


def version_in_file(source: str) -> str | None:
    """The version name amend keeps in a DOCX's custom properties (amend.layout.VERSION_PROPERTY), if any."""
    import zipfile

    from lxml import etree

    from ..layout import VERSION_PROPERTY

    try:
        with zipfile.ZipFile(source) as z:
            root = etree.fromstring(z.read("docProps/custom.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    for prop in root:
        if prop.get("name") == VERSION_PROPERTY and len(prop) == 1 and prop[0].text:
            return prop[0].text
    return None


def _facts(text: str) -> dict | None:
    """'Status: Förslag · Datum: 2025-03-18' (or, older, 'Version: proposed · Status: …') → fields, or None."""
    parts = [p.split(": ", 1) for p in text.split(" · ")]
    if any(len(p) != 2 for p in parts):
        return None
    for language, words in _labels().items():
        keys = {words[k]: k for k in ("version", "status", "date")}
        order = [keys.get(label) for label, _ in parts]
        if None not in order and order == sorted(order, key=("version", "status", "date").index) \
                and len(set(order)) == len(order):
            out = {keys[label]: value for label, value in parts}
            # 'Version' and 'Status' are alike in both languages; only 'Datum' tells
            if "date" in out:
                out["language"] = language
            return out
    return None


_DECISION = re.compile(r"^(?P<body>.+?) (?P<date>\d{4}-\d{2}-\d{2})(?: (?P<paragraph>[^(]+?))?(?: \((?P<case>.+)\))?$")


def _decision(text: str):
    for language, words in _labels().items():
        to = None
        before, _, after = words["proposal"].partition("{to}")  # "Förslag till ", " från"
        if text.startswith(before) and after + " " in text:
            to, _, rest = text[len(before):].partition(after + " ")
        elif text.startswith(words["adopted"] + " "):
            rest = text[len(words["adopted"]) + 1:]
        else:
            continue
        in_force = None
        if (tail := re.search(rf", {re.escape(words['in_force'])} (\d{{4}}-\d{{2}}-\d{{2}})$", rest)):
            rest, in_force = rest[:tail.start()], tail.group(1)
        m = _DECISION.match(rest)
        if not m:
            return None
        case = m["case"]
        if case is not None:
            if not case.startswith(words["case"] + " "):
                return None
            case = case[len(words["case"]) + 1:]
        return Decision(m["body"], m["date"], m["paragraph"], case, proposes_to=to, in_force=in_force), language
    return None
