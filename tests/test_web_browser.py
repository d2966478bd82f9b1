"""The workbench in a real headless browser (Debian's chromium through Playwright), every flow as a
secretary clicks it, with a screenshot of each page at desktop and phone width.

Screenshots go to $AMEND_WEB_SCREENSHOTS when set (to look at them), else to the test's tmp_path;
none is stored in git. Skips, saying why, when chromium or playwright is missing.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import PROTOCOL, docx_paragraphs
from webbench import PROGRAM_ID, TOKEN, cap, copy_repository

from amend.load import load_patch
from amend.messages import msg
from amend.web.server import serve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def sv(key, **kw):
    return msg(key, **kw).render("sv")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def bench(tmp_path):
    repo = copy_repository(tmp_path)
    server = serve(repo, "127.0.0.1", 0, TOKEN)
    server.serve_in_thread()
    yield server, repo
    server.shutdown()
    server.server_close()


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("AMEND_WEB_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser, bench, size="desktop"):
    server, _ = bench
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    errors: list[str] = []
    page = context.new_page()
    # CSP violations and script errors land here; a 422 for a refused form is the page telling the secretary
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 422" not in m.text
            else None)
    page.goto(server.url)
    return page, errors


@pytest.mark.parametrize("size", SIZES)
def test_register_then_a_program_page_by_page(browser, bench, shots, size):
    page, errors = _page(browser, bench, size)
    assert "token" not in page.url  # the key went into the cookie
    assert page.locator("h1").inner_text() == sv("web.register.title")
    assert page.locator("tr.state-in-force").count() == 1
    page.screenshot(path=shots / f"register-{size}.png", full_page=True)
    page.locator("tr", has_text="proposed").get_by_role("link", name=sv("web.action.read")).click()
    page.get_by_role("link", name="8", exact=True).click()
    assert sv("web.page.of", page=8, count=9) in page.locator("nav.pager").inner_text()
    columns = page.locator("div.column")
    assert columns.count() == 3
    boxes = [columns.nth(i).bounding_box() for i in range(3)]
    if size == "desktop":  # side by side as on the printed page
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"] and abs(boxes[0]["y"] - boxes[2]["y"]) < 2
    else:  # one under the other on a phone
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    page.screenshot(path=shots / f"page-8-{size}.png", full_page=True)
    page.get_by_role("link", name=sv("web.page.previous")).click()
    assert sv("web.page.of", page=7, count=9) in page.locator("nav.pager").inner_text()
    assert errors == []


def test_the_language_switch_turns_every_label_english(browser, bench, shots):
    page, _ = _page(browser, bench)
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == msg("web.register.title").render("en")
    page.locator("header nav").get_by_role("link", name=msg("web.nav.record").render("en")).click()
    assert page.locator("h1").inner_text() == msg("web.record.title").render("en")
    assert msg("web.field.minutes").render("en") in page.locator("form").inner_text()
    page.screenshot(path=shots / "record-en-desktop.png", full_page=True)


@pytest.mark.parametrize("size", SIZES)
def test_record_a_decision_from_the_minutes_and_save_it(browser, bench, shots, size):
    _, repo = bench
    page, errors = _page(browser, bench, size)
    page.locator("tr", has_text="proposed").get_by_role("link", name=sv("web.action.record")).click()
    assert page.locator("#base").input_value() == "proposed"
    page.fill("#produces", "ksau-igen")
    page.fill("#name", "2025-10-22-ksau-170-igen")
    page.fill("#minutes", PROTOCOL.read_text(encoding="utf-8"))
    page.get_by_role("button", name=sv("web.record.read")).click()
    cards = page.locator("article.card.status-ok")
    assert cards.count() == 2
    assert "Tillägg 1 (tillagg-1)" in cards.nth(0).inner_text()
    assert sv("web.status.ok") in cards.nth(1).inner_text()
    page.screenshot(path=shots / f"record-cards-{size}.png", full_page=True)
    page.get_by_role("button", name=sv("web.record.save")).click()
    saved = repo / "amendments" / PROGRAM_ID / "2025-10-22-ksau-170-igen.yaml"
    assert sv("web.record.saved", file=f"amendments/{PROGRAM_ID}/{saved.name}") in page.locator(".saved").inner_text()
    assert [a.id for a in load_patch(saved).amendments] == ["tillagg-1", "tillagg-2"]
    page.get_by_role("button", name=sv("web.record.save")).click()  # the same again: refused, next to the form
    assert cap(sv("web.exists", file=f"amendments/{PROGRAM_ID}/{saved.name}")) in page.locator(".error").inner_text()
    page.screenshot(path=shots / f"record-refused-{size}.png", full_page=True)
    assert errors == []


@pytest.mark.parametrize("size", SIZES)
def test_make_the_documents_and_download_the_adopted_docx(browser, bench, shots, size, tmp_path):
    page, errors = _page(browser, bench, size)
    page.locator("tr", has_text="kf-2026-11-23").get_by_role("link", name=sv("web.action.apply")).click()
    assert page.locator("#version").input_value() == "kf-2026-11-23"
    page.locator("form").get_by_role("button", name=sv("web.apply.run")).click()
    links = page.locator(".downloads a")
    assert links.count() == 4
    page.screenshot(path=shots / f"apply-{size}.png", full_page=True)
    with page.expect_download() as got:
        page.get_by_role("link", name=sv("web.download.docx")).click()
    got.value.save_as(tmp_path / "adopted.docx")
    text = docx_paragraphs(tmp_path / "adopted.docx")
    assert "Fackliga parter erbjuds basutbildning." in text
    assert any("som ska ske under 2028" in p for p in text)
    page.get_by_role("link", name=sv("web.download.redline_html")).click()
    assert "samt med de fackliga parterna" in page.content()
    page.screenshot(path=shots / f"redline-{size}.png", full_page=True)
    assert errors == []


def test_an_error_is_shown_in_swedish_beside_the_form(browser, bench, shots):
    page, _ = _page(browser, bench)
    page.locator("header nav").get_by_role("link", name=sv("web.nav.apply")).click()
    # the form offers only versions made by a decision; a request for the program's own is refused all the same
    page.locator("#version").evaluate("s => { const o = document.createElement('option'); o.value = 'proposed';"
                                      " s.appendChild(o); s.value = 'proposed'; }")
    page.locator("form").get_by_role("button", name=sv("web.apply.run")).click()
    assert cap(sv("web.nothing_to_apply", version="proposed")) in page.locator(".error").inner_text()
    assert "Traceback" not in page.content()
    page.screenshot(path=shots / "apply-error-desktop.png", full_page=True)
