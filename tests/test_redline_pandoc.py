"""pandoc's --track-changes on list items added or deleted (review 6, finding 1), pinned exactly.

pandoc 2.17 keeps the list item of every list item's paragraph mark that its Accept or Reject
removes, as an empty item, and moves that item's text into the next paragraph. Between two items
of a list any mark one tracks is a list item's (Word's, when one presses Enter at the end of an
item or deletes an item), so no encoding avoids it: an item added mid-list comes back as one empty
item on Reject (at its place), an item deleted mid-list as one empty item on Accept (before the
item that preceded it). Where the mark tracked is the
paragraph's before the list (the list's first items deleted), pandoc is exact. LibreOffice is exact
in every case (tests/test_real_clients.py). These tests fail when pandoc's behaviour changes, so
that the README's statement is corrected then.
"""
from __future__ import annotations

import pytest
from conftest import PROGRAM
from real_clients import missing_pandoc, pandoc_texts
from test_redline import _patch

from amend.apply import apply_steps
from amend.load import load_program
from amend.output import build_time
from amend.redline import redline
from amend.render.docx import render_docx
from amend.render.redline_docx import render_redline_docx

pytestmark = pytest.mark.skipif(missing_pandoc() is not None, reason=str(missing_pandoc()))

MID_LIST = ("at: {page: 3, heading: Målgrupper}\n    delete_item: Kvinnor som utsätts\n"
            "  - id: a2\n    at: {page: 6, heading: Samverkan}\n    add_item: Räddningstjänsten.\n    position: 2")
LIST_START = ("at: {page: 3, heading: Målgrupper}\n    delete_item: Kvinnor som utsätts\n"
              "  - id: a2\n    at: {page: 3, heading: Målgrupper}\n    delete_item: Barn och unga som upplever")


def _files(tmp_path, body: str):
    program = load_program(PROGRAM)
    steps = apply_steps(program, [_patch(tmp_path, body)])
    when = build_time(None)
    out = {}
    for name, data in (("redline", render_redline_docx(redline(steps), when)),
                       ("adopted", render_docx(steps[-1].result, when)), ("proposal", render_docx(program, when))):
        out[name] = tmp_path / f"{name}.docx"
        out[name].write_bytes(data)
    return out


def _with_empty_item_before(texts: list[str], following: str) -> list[str]:
    k = next(i for i, t in enumerate(texts) if t.startswith(following))
    return texts[:k] + [""] + texts[k:]


def test_an_item_added_or_deleted_mid_list_is_one_empty_item_in_pandoc(tmp_path):
    files = _files(tmp_path, MID_LIST)
    accept = pandoc_texts(files["redline"], "accept", keep_empty=True)
    reject = pandoc_texts(files["redline"], "reject", keep_empty=True)
    adopted = pandoc_texts(files["adopted"], keep_empty=True)
    proposal = pandoc_texts(files["proposal"], keep_empty=True)
    # Accept: the deleted "Kvinnor som utsätts …" (the list's second item) tracks the mark of the item
    # before it, "Barn och unga …", which pandoc keeps empty, moving its text down into the next one
    assert accept == _with_empty_item_before(adopted, "Barn och unga som upplever")
    # Reject: an empty item where "Räddningstjänsten." was added, before the item that followed it
    assert reject == _with_empty_item_before(proposal, "Västra Götalandsregionen")
    # without the empty items the texts are exact (what test_real_clients compares)
    assert [t for t in accept if t] == [t for t in adopted if t]
    assert [t for t in reject if t] == [t for t in proposal if t]


def test_the_first_items_of_a_list_deleted_are_exact_in_pandoc(tmp_path):
    files = _files(tmp_path, LIST_START)
    assert pandoc_texts(files["redline"], "accept", keep_empty=True) == pandoc_texts(files["adopted"], keep_empty=True)
    assert pandoc_texts(files["redline"], "reject", keep_empty=True) == pandoc_texts(files["proposal"], keep_empty=True)


LAST_REPLACED = ("at: {page: 9, heading: Genomförande och resurser}\n    add_paragraph: Alla nämnder bidrar.\n"
                 "  - id: a2\n    at: {page: 9, heading: Genomförande och resurser}\n"
                 "    delete_paragraph: Genom att arbetet bedrivs")


def test_the_documents_last_paragraph_replaced_by_an_added_one_is_exact_in_pandoc(tmp_path):
    """The deleted last paragraph and the added one end at the document's last mark; that mark was
    tracked as inserted, so pandoc's reject removed it and the deleted paragraph with it."""
    files = _files(tmp_path, LAST_REPLACED)
    assert pandoc_texts(files["redline"], "reject", keep_empty=True) == pandoc_texts(files["proposal"], keep_empty=True)
    assert pandoc_texts(files["redline"], "accept", keep_empty=True) == pandoc_texts(files["adopted"], keep_empty=True)
