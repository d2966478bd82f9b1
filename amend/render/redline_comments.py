"""The comments of the redline DOCX: what each says (its amendments, as worded in the
minutes, and the decision), as Word writes a w:comment, and the comment styles."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from .title import decision_line

_W = nsmap["w"]


def stamp(date) -> str:
    """A decision date as the ISO 8601 time Word expects: 2025-10-22T00:00:00Z."""
    return f"{str(date)[:10]}T00:00:00Z"


def author_of(decision) -> str:
    return decision.body if decision else "amend"


def comment_lines(change, language: str, words: dict) -> list[tuple[bool, str]]:
    """What the comment on a change says: each amendment (title and id in bold,
    then its instruction as worded in the minutes), then the decision."""
    lines = []
    for am in change.amendments:
        lines.append((True, am.label))
        if am.text:
            lines.append((False, am.text))
    d = change.decision
    if d is not None and lines:
        lines.append((False, f"{words['decision']}: {d.body} {d.date}" + (f" {d.paragraph}" if d.paragraph else "")))
    elif d is not None:  # the title block: version, status, date and decision lines
        lines.append((True, decision_line(d, language)))
    return lines


def comment_xml(cid: str, decision, lines) -> str:
    """A w:comment as Word writes one, as XML text: a CommentText paragraph per
    line, the first opening with the annotation reference."""
    author = author_of(decision)
    date = f" w:date={quoteattr(stamp(decision.date))}" if decision is not None else ""
    out = [f"<w:comment w:id={quoteattr(cid)} w:author={quoteattr(author)} "
           f"w:initials={quoteattr(_initials(author))}{date}>"]
    for k, (bold, line) in enumerate(lines):
        out.append('<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>')
        if k == 0:
            out.append('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>')
        out.append("<w:r><w:rPr><w:b/></w:rPr>" if bold else "<w:r>")
        out.append(f'<w:t xml:space="preserve">{_text(line)}</w:t></w:r></w:p>')
    out.append("</w:comment>")
    return "".join(out)


def _text(text: str) -> str:
    """Text as XML character data, a carriage return kept (a parser would read it as a line feed)."""
    return escape(text).replace("\r", "&#13;")


# the styles Word defines for comments, where the document lacks them (a style used must be defined)
COMMENT_STYLES = {
    "CommentText": '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
                   '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
                   '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    "CommentReference": '<w:style w:type="character" w:styleId="CommentReference">'
                        '<w:name w:val="annotation reference"/><w:uiPriority w:val="99"/><w:semiHidden/>'
                        '<w:unhideWhenUsed/>'
                        '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
}


def comment_styles(styles) -> None:
    ids = {st.get(qn("w:styleId")) for st in styles.iter(qn("w:style"))}
    for style_id, xml in COMMENT_STYLES.items():
        if style_id not in ids:
            styles.append(etree.fromstring(xml.replace("<w:style ", f'<w:style xmlns:w="{_W}" ', 1), oxml_parser))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha())[:3].upper()


