"""Importing a proposal and publishing a decision in a real headless browser (Debian's chromium through
Playwright), as a secretary clicks them, at desktop and phone width, with screenshots.

Screenshots go to $AMEND_WEB_SCREENSHOTS when set (docs/workbench/ holds the ones the README shows), else
to the test's tmp_path. Skips, saying why, when chromium, playwright (tests/browserbench.py) or git is missing.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest
from browserbench import SIZES, open_page
from import_docs import WORD_STYLE_PROGRAM, word_style_docx
from webbench import PROGRAM_ID, cap, sv

from amend.load import load_program
from amend.messages import msg

FILE = f"amendments/{PROGRAM_ID}/2025-10-22-ksau-170.yaml"


@pytest.fixture
def proposal(tmp_path):
    path = tmp_path / "Trygghetsplan 2026.docx"
    word_style_docx(path, with_extras=True)
    return path


@pytest.mark.parametrize("size", SIZES)
def test_import_a_proposal_correct_a_heading_and_save_it(browser, bench, shots, proposal, size, repo):
    page, errors = open_page(browser, bench.url, size)
    page.locator("header nav").get_by_role("link", name=sv("web.nav.import")).click()
    assert page.locator("h1").inner_text() == sv("web.import.title")
    page.set_input_files("#document", str(proposal))
    page.fill("#id", "trygghetsplan")
    page.screenshot(path=shots / f"import-upload-{size}.png", full_page=True)
    page.get_by_role("button", name=sv("web.import.run")).click()
    assert sv("web.page.of", page=2, count=5) in page.locator("nav.pager").inner_text()
    report = page.locator("aside.report")
    assert "inte importerat: 1 textruta" in report.inner_text()
    sheet, aside = page.locator("article.sheet").bounding_box(), report.bounding_box()
    if size == "desktop":  # the report beside the page
        assert aside["x"] > sheet["x"] + sheet["width"] - 1 and abs(aside["y"] - sheet["y"]) < 2
    else:  # under it on a phone
        assert aside["y"] > sheet["y"] + sheet["height"] - 1
    page.get_by_role("link", name="3", exact=True).click()
    heading = page.locator("input.heading-text").first
    assert heading.input_value() == "Mål"
    heading.fill("Mål för arbetet")
    page.locator("select[name='h1.level']").select_option("1")
    page.screenshot(path=shots / f"import-draft-{size}.png", full_page=True)
    page.get_by_role("button", name=sv("web.import.correct")).click()
    assert sv("web.import.corrected") in page.locator(".saved").inner_text()
    assert sv("web.import.places_dropped") in page.locator("aside.report").inner_text()
    page.get_by_role("button", name=sv("web.import.save")).click()
    assert sv("web.import.saved", files=["programs/trygghetsplan.yaml"]) in page.locator(".saved").inner_text()
    saved = load_program(repo / "programs" / "trygghetsplan.yaml")
    assert (saved.sections[1].heading, saved.sections[1].level) == ("Mål för arbetet", 1)
    expected = replace(WORD_STYLE_PROGRAM, sections=(WORD_STYLE_PROGRAM.sections[0],
                                                     replace(WORD_STYLE_PROGRAM.sections[1], heading="Mål för arbetet",
                                                             level=1), *WORD_STYLE_PROGRAM.sections[2:]))
    assert replace(saved, source_file=None) == expected
    page.screenshot(path=shots / f"import-saved-{size}.png", full_page=True)
    page.locator(".saved").get_by_role("link", name=sv("web.action.read")).click()
    assert "Trygghetsplan 2026" in page.locator("h1").inner_text()
    assert errors == []


def test_a_wrong_page_is_shown_next_to_its_field_in_english(browser, bench, shots, proposal):
    page, errors = open_page(browser, bench.url)
    page.get_by_role("link", name="English").click()
    page.locator("header nav").get_by_role("link", name=msg("web.nav.import").render("en")).click()
    page.set_input_files("#document", str(proposal))
    page.get_by_role("button", name=msg("web.import.run").render("en")).click()
    page.get_by_role("link", name="3", exact=True).click()
    page.fill("input[name='h1.page']", "1")
    page.get_by_role("button", name=msg("web.import.correct").render("en")).click()
    error = page.locator("#err-h1\\.page")
    assert error.inner_text() == msg("web.import.page_back", page=1, last=2).render("en")
    assert page.locator("input[name='h1.page']").input_value() == "1"  # what was typed stays, beside its problem
    field = page.locator("input[name='h1.page']").bounding_box()
    box = error.bounding_box()
    assert abs(box["y"] - field["y"]) < 80  # next to the field it is about
    page.screenshot(path=shots / "import-error-en-desktop.png", full_page=True)
    assert errors == []


def test_a_file_that_is_no_proposal_is_refused_beside_the_form(browser, bench, tmp_path):
    page, _ = open_page(browser, bench.url)
    fake = tmp_path / "plan.docx"
    fake.write_text("Ingen Word-fil.\n", encoding="utf-8")
    page.locator("header nav").get_by_role("link", name=sv("web.nav.import")).click()
    page.set_input_files("#document", str(fake))
    page.get_by_role("button", name=sv("web.import.run")).click()
    assert page.locator(".error").inner_text() == "plan.docx: " + sv("web.upload.wrong_kind")
    assert "Traceback" not in page.content()


def _git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("size", SIZES)
def test_publish_a_decision_download_and_commit_it(browser, bench, shots, size, repo):
    _git(repo, "init", "-q")
    before = (repo / FILE).read_bytes()
    page, errors = open_page(browser, bench.url, size)
    page.locator("tr", has_text="adopted").get_by_role("link", name=sv("web.action.publish")).click()
    assert page.locator("h1").inner_text() == sv("web.publish.title")
    assert sv("web.publish.not_in_git") in page.locator(".git-state").inner_text()
    page.get_by_role("button", name=sv("web.publish.documents")).click()
    assert page.locator(".downloads a").count() == 4
    with page.expect_download() as got:
        page.get_by_role("link", name=sv("web.download.docx")).click()
    assert got.value.suggested_filename == f"{PROGRAM_ID}.adopted.docx"
    page.get_by_role("button", name=sv("web.publish.save_commit")).click()
    commit = _git(repo, "log", "-1", "--format=%h").strip()
    said = page.locator(".saved").inner_text()
    assert sv("web.publish.unchanged", file=FILE) in said  # the browser's CRLF lines were read as the file's
    assert sv("web.publish.committed", file=FILE, commit=commit) in said
    assert (repo / FILE).read_bytes() == before
    assert _git(repo, "show", "--name-only", "--format=", "HEAD").split() == [FILE]
    page.screenshot(path=shots / f"publish-{size}.png", full_page=True)
    assert errors == []


@pytest.mark.parametrize("size", SIZES)
def test_a_decision_changed_on_disk_meanwhile_shows_both_versions(browser, bench, shots, size, repo):
    page, errors = open_page(browser, bench.url, size)
    page.goto(page.url.split("/?")[0].rstrip("/") + f"/publish?program={PROGRAM_ID}&version=adopted")
    path = repo / FILE
    theirs = path.read_text(encoding="utf-8").replace("2025.202 KS", "2025.999 KS")
    path.write_text(theirs, encoding="utf-8")  # someone else saved it meanwhile
    page.get_by_role("button", name=sv("web.publish.save")).click()
    assert cap(sv("web.publish.changed", file=FILE)) in page.locator(".error").inner_text()
    page.wait_for_load_state("load")  # its style sheet too: the two versions side by side are laid out by it
    assert "2025.999 KS" in page.locator("pre.theirs").inner_text()
    assert "2025.202 KS" in page.locator("pre.mine").inner_text()
    mine, other = page.locator("pre.mine").bounding_box(), page.locator("pre.theirs").bounding_box()
    assert (mine["x"] < other["x"]) if size == "desktop" else (mine["y"] < other["y"])
    page.screenshot(path=shots / f"publish-changed-{size}.png", full_page=False)
    assert path.read_text(encoding="utf-8") == theirs
    page.get_by_role("link", name=sv("web.publish.keep_theirs")).click()
    assert page.locator(".error").count() == 0
    assert errors == []
