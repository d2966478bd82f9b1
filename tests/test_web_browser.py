"""The workbench in a real headless browser (Debian's chromium through Playwright), every flow as a
secretary clicks it, with a screenshot of each page at desktop and phone width.

Screenshots go to $AMEND_WEB_SCREENSHOTS when set (docs/workbench/ holds the ones the README shows), else
to the test's tmp_path. Skips, saying why, when chromium or playwright is missing (tests/browserbench.py).
"""
from __future__ import annotations

import pytest
from browserbench import SIZES, low_contrast, open_page, overflow
from conftest import PROTOCOL, docx_paragraphs
from webbench import PROGRAM_ID, cap, served, sv

from amend.load import load_patch
from amend.messages import msg


@pytest.mark.parametrize("size", SIZES)
def test_register_then_a_program_page_by_page(browser, bench, shots, size):
    page, errors = open_page(browser, bench.url, size)
    assert "token" not in page.url  # the key went into the cookie
    assert page.locator("h1").inner_text() == sv("web.register.title")
    assert page.locator("tr.state-in-force").count() == 1
    in_force = page.locator("tr.state-in-force td").nth(2)
    before = in_force.evaluate("td => getComputedStyle(td, '::before').content")
    if size == "phone":  # the columns' headings are hidden: the value says what it is
        assert page.locator("table.timeline thead").is_hidden() and sv("web.col.in_force") in before
    else:
        assert before == "none"
    assert overflow(page) == [] and low_contrast(page) == []
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
    page, _ = open_page(browser, bench.url)
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == msg("web.register.title").render("en")
    page.locator("header nav").get_by_role("link", name=msg("web.nav.record").render("en")).click()
    assert page.locator("h1").inner_text() == msg("web.record.title").render("en")
    assert msg("web.field.minutes").render("en") in page.locator("form").inner_text()
    page.screenshot(path=shots / "record-en-desktop.png", full_page=True)


@pytest.mark.parametrize("size", SIZES)
def test_record_a_decision_from_the_minutes_and_save_it(browser, bench, shots, size, repo):
    page, errors = open_page(browser, bench.url, size)
    page.locator("tr", has_text="proposed").get_by_role("link", name=sv("web.action.record")).click()
    assert page.locator("#base").input_value() == "proposed"
    page.fill("#produces", "ksau-igen")
    page.fill("#name", "2025-10-22-ksau-170-igen")
    page.fill("#minutes", PROTOCOL.read_text(encoding="utf-8"))
    page.get_by_role("button", name=sv("web.record.read")).click()
    cards = page.locator("#cards article.card.status-ok")
    assert cards.count() == 2
    assert "Tillägg 1 (tillagg-1)" in cards.nth(0).inner_text()
    assert sv("web.status.ok") in cards.nth(1).inner_text()
    page.screenshot(path=shots / f"record-cards-{size}.png", full_page=True)
    page.locator("#decision").get_by_role("button", name=sv("web.record.save")).click()
    saved = repo / "amendments" / PROGRAM_ID / "2025-10-22-ksau-170-igen.yaml"
    assert sv("web.record.saved", file=f"amendments/{PROGRAM_ID}/{saved.name}") in page.locator(".saved").inner_text()
    assert [a.id for a in load_patch(saved).amendments] == ["tillagg-1", "tillagg-2"]
    page.locator("#decision").get_by_role("button", name=sv("web.record.save")).click()  # again: refused
    assert cap(sv("web.exists", file=f"amendments/{PROGRAM_ID}/{saved.name}")) in page.locator(".error").inner_text()
    page.screenshot(path=shots / f"record-refused-{size}.png", full_page=True)
    assert errors == []


@pytest.mark.parametrize("size", SIZES)
def test_make_the_documents_and_download_the_adopted_docx(browser, bench, shots, size, tmp_path):
    page, errors = open_page(browser, bench.url, size)
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
    page, _ = open_page(browser, bench.url)
    page.locator("header nav").get_by_role("link", name=sv("web.nav.apply")).click()
    # the form offers only versions made by a decision; a request for the program's own is refused all the same
    page.locator("#version").evaluate("s => { const o = document.createElement('option'); o.value = 'proposed';"
                                      " s.appendChild(o); s.value = 'proposed'; }")
    page.locator("form").get_by_role("button", name=sv("web.apply.run")).click()
    assert cap(sv("web.nothing_to_apply", version="proposed")) in page.locator(".error").inner_text()
    assert "Traceback" not in page.content()
    page.screenshot(path=shots / "apply-error-desktop.png", full_page=True)


# ---------------------------------------------------------------- cards, pointing, review (issue 15 flows 3-5)


# the page's script has run (a load may lag); a selector, not wait_for_function: polling a string
# expression evaluates it inside the page, which the page's CSP (no eval) refuses
SCRIPT_RAN = "html.js"
SELECT = """([unit, words]) => {
  const el = document.querySelector(`[data-unit="${unit}"] .t`), node = el.firstChild;
  const at = node.textContent.indexOf(words), range = document.createRange();
  range.setStart(node, at); range.setEnd(node, at + words.length);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
  el.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}"""


def _units(repo):
    from amend.load import load_program
    from amend.resolve import Index

    return Index(load_program(repo / "programs" / f"{PROGRAM_ID}.yaml")).units


def _only_the_program(repo):
    for f in (repo / "amendments" / PROGRAM_ID).glob("*.yaml"):
        f.unlink()


@pytest.mark.parametrize("size", SIZES)
def test_amend_by_pointing_at_words_then_save_the_decision(browser, bench, shots, size, amend, tmp_path, repo):
    _only_the_program(repo)
    units = _units(repo)
    unit = next(i for i, u in enumerate(units) if "mellan mellan olika" in u.text)
    page, errors = open_page(browser, bench.url, size)
    page.locator("tr", has_text="proposed").get_by_role("link", name=sv("web.action.read")).click()
    page.get_by_role("link", name="6", exact=True).click()
    page.wait_for_selector(SCRIPT_RAN, state="attached")
    page.evaluate(SELECT, [unit, "mellan mellan olika förvaltningar i kommunen"])
    form = page.locator("form#point")
    assert form.locator(".picked-text").inner_text() == "mellan mellan olika förvaltningar i kommunen"
    assert form.get_by_role("button", name=sv("web.point.add_section")).is_hidden()  # not for words
    form.locator("#point-new").fill("samt med de fackliga parterna")
    page.screenshot(path=shots / f"point-{size}.png", full_page=size == "desktop")
    form.get_by_role("button", name=sv("web.point.insert_after"), exact=True).click()
    card = page.locator("#card-0")
    assert "status-ok" in card.get_attribute("class")
    wording = card.locator("blockquote.copy").inner_text()
    assert wording == ("På sidan 6, under rubriken ”Samverkan”, i tredje stycket efter ”mellan mellan olika "
                       "förvaltningar i kommunen” läggs följande till: ”samt med de fackliga parterna”.")
    assert "samt med de fackliga parterna" in card.locator("p.preview ins").inner_text()
    page.fill("#d-produces", "pekat")
    page.fill("#d-name", "pekat")
    page.fill("#d-body", "Kommunstyrelsens arbetsutskott")
    page.fill("#d-date", "2025-10-22")
    page.locator("#decision").get_by_role("button", name=sv("web.record.save")).click()
    assert sv("web.record.saved", file=f"amendments/{PROGRAM_ID}/pekat.yaml") in page.locator(".saved").inner_text()
    page.screenshot(path=shots / f"point-card-{size}.png", full_page=True)
    res = amend("apply", repo / "programs" / f"{PROGRAM_ID}.yaml", repo / "amendments" / PROGRAM_ID / "pekat.yaml",
                "-o", tmp_path / "out")
    assert res.code == 0, res.err
    text = (tmp_path / "out" / f"{PROGRAM_ID}.pekat.yaml").read_text(encoding="utf-8")
    assert "mellan mellan olika förvaltningar i kommunen samt med de fackliga parterna." in text
    assert errors == []


def test_clicking_an_item_offers_an_item_and_a_heading_offers_a_heading(browser, bench, repo):
    _only_the_program(repo)
    units = _units(repo)
    item = next(i for i, u in enumerate(units) if u.text.startswith("Medarbetare och chefer"))
    page, errors = open_page(browser, bench.url)
    page.goto(page.url.split("?")[0].rstrip("/") + f"/program?id={PROGRAM_ID}&version=proposed&page=3")
    page.wait_for_selector(SCRIPT_RAN, state="attached")
    page.locator(f'[data-unit="{item}"] .t').click()
    form = page.locator("form#point")
    assert form.get_by_role("button", name=sv("web.point.add_item")).is_visible()
    assert form.get_by_role("button", name=sv("web.point.add_section")).is_hidden()
    page.locator("h2.heading[data-section], h3.heading[data-section]").first.locator(".t").click()
    assert form.get_by_role("button", name=sv("web.point.add_section")).is_visible()
    assert form.get_by_role("button", name=sv("web.point.add_item")).is_hidden()
    form.locator("#point-new").fill("Uppföljning")
    form.get_by_role("button", name=sv("web.point.add_section")).click()
    assert "status-ok" in page.locator("#card-0").get_attribute("class")
    assert errors == []


def test_pointing_works_without_javascript(browser, bench, repo):
    server = bench
    _only_the_program(repo)
    units = _units(repo)
    unit = next(i for i, u in enumerate(units) if "mellan mellan olika" in u.text)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url)
    page.goto(page.url.split("?")[0].rstrip("/") + f"/program?id={PROGRAM_ID}&version=proposed&page=6")
    page.locator(f'[data-unit="{unit}"]').get_by_role("link", name=sv("web.point.here")).click()
    assert "mellan mellan olika" in page.locator("form#point .picked-text").inner_text()
    page.fill("#point-words", "olika")
    page.fill("#point-new", "skilda")
    page.locator("form#point").get_by_role("button", name=sv("web.point.replace"), exact=True).click()
    card = page.locator("#card-0")
    assert "status-ok" in card.get_attribute("class")
    assert "ersätts ”olika” med ”skilda”" in card.locator("blockquote.copy").inner_text()
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_edit_a_card_pick_a_candidate_and_the_status_and_redline_update_in_place(browser, bench, shots, size, repo):
    units = _units(repo)
    unit = next(i for i, u in enumerate(units) if "mellan mellan olika" in u.text)
    page, errors = open_page(browser, bench.url, size)
    page.locator("header nav").get_by_role("link", name=sv("web.nav.record")).click()
    page.fill("#produces", "ksau-igen")
    page.fill("#minutes", PROTOCOL.read_text(encoding="utf-8"))
    page.get_by_role("button", name=sv("web.record.read")).click()
    assert page.locator("#cards article.card.status-ok").count() == 2
    redline = page.frame_locator("iframe#redline")
    assert redline.locator("ins", has_text="samt med de fackliga parterna").count() == 1
    if size == "phone":
        page.locator("aside.review").scroll_into_view_if_needed()
        redline.locator("ins", has_text="samt med de fackliga parterna").scroll_into_view_if_needed()
    page.screenshot(path=shots / f"review-{size}.png")
    page.evaluate("window.stillHere = true")  # gone if the page were loaded again
    card = page.locator("#card-0")
    card.get_by_role("link", name=sv("web.card.edit")).click()  # a link: the form opens (the page loads again)
    page.wait_for_selector(SCRIPT_RAN, state="attached")
    page.evaluate("window.stillHere = true")  # gone if the page were loaded again
    for name in ("page", "heading", "sentence"):
        card.locator(f"#c0-{name}").fill("")
    card.locator("#c0-anchor").fill("mellan")
    card.get_by_role("button", name=sv("web.card.save")).click()
    card = page.locator("#card-0.status-ambiguous")
    card.wait_for()
    assert page.evaluate("window.stillHere") is True
    assert page.locator(".review .summary").inner_text() == sv("web.review.some", ok=1, n=2)
    assert card.locator(".candidates li").count() > 2
    page.frame_locator("iframe#redline").locator("ins", has_text="Fackliga parter erbjuds").wait_for()
    card.locator(".candidates").scroll_into_view_if_needed()
    page.screenshot(path=shots / f"card-ambiguous-{size}.png")
    start = units[unit].text.index("mellan mellan") + len("mellan ")
    pick = card.locator(f'.candidates li:has(input[name="unit"][value="{unit}"]):has(input[name="start"][value="{start}"])')
    pick.get_by_role("button", name=sv("web.card.pick")).click()
    page.locator("#card-0.status-ok").wait_for()
    assert page.evaluate("window.stillHere") is True
    assert page.locator(".review .summary").inner_text() == sv("web.review.all")
    fresh = page.frame_locator("iframe#redline")
    fresh.locator("ins", has_text="samt med de fackliga parterna").wait_for()  # the frame loads after the card does
    assert fresh.locator("ins", has_text="samt med de fackliga parterna").count() == 1
    assert errors == []


def test_the_draft_in_english(browser, bench, shots):
    page, _ = open_page(browser, bench.url)
    page.locator("header nav").get_by_role("link", name="English").click()
    page.locator("header nav").get_by_role("link", name=msg("web.nav.record").render("en")).click()
    page.fill("#produces", "ksau-igen")
    page.fill("#minutes", PROTOCOL.read_text(encoding="utf-8"))
    page.get_by_role("button", name=msg("web.record.read").render("en")).click()
    assert page.locator("h1").inner_text().startswith("Amendments to ")
    assert page.locator(".review h2").inner_text() == msg("web.review.title").render("en")
    assert page.locator("#card-0 .badge").inner_text() == msg("web.status.ok").render("en")
    page.screenshot(path=shots / "review-en-desktop.png")


# ---------------------------------------------------------------- two windows, a first view, a password


def _record(page):
    page.locator("tr", has_text="proposed").get_by_role("link", name=sv("web.action.record")).click()
    page.fill("#produces", "ksau-igen")
    page.fill("#name", "2025-10-22-ksau-170-igen")
    page.fill("#minutes", PROTOCOL.read_text(encoding="utf-8"))
    page.get_by_role("button", name=sv("web.record.read")).click()
    page.wait_for_selector(SCRIPT_RAN, state="attached")
    return page.locator('#decision input[name="d"]').get_attribute("value")


def _save_title(page, title):
    card = page.locator("#card-0")
    if not page.locator("#c0-title").is_visible():
        card.locator("details.edit summary, p.edit a").first.click()
    page.wait_for_selector("#c0-title", state="visible")
    page.fill("#c0-title", title)
    card.get_by_role("button", name=sv("web.card.save")).click()


@pytest.mark.parametrize("size", SIZES)
def test_two_windows_on_one_draft_the_older_view_is_shown_both_versions(browser, bench, shots, size):
    first, errors = open_page(browser, bench.url, size)
    d = _record(first)
    second = first.context.new_page()
    second.goto(bench.url.split("/?")[0] + f"/draft?d={d}&edit=0")  # card 0's form open, as it is now
    second.wait_for_selector(SCRIPT_RAN, state="attached")
    _save_title(first, "Från det första fönstret")
    first.wait_for_selector("#card-0.updated")
    _save_title(second, "Från det andra fönstret")
    second.wait_for_selector("table.stale")
    rows = second.locator("table.stale tbody tr")
    assert rows.count() == 1  # only the field that differs
    assert rows.locator("th").inner_text() == sv("web.card.title_field")
    assert rows.locator("td.mine").inner_text() == "Från det andra fönstret"
    assert rows.locator("td.theirs").inner_text() == "Från det första fönstret"
    assert [h.strip() for h in second.locator("table.stale thead th").all_inner_texts()] == [
        sv("web.card.stale_field"), sv("web.card.stale_mine"), sv("web.card.stale_theirs")]
    assert sv("web.card.stale") in second.locator("#card-0 .error").inner_text()
    # the redline beside the cards shows the decision's changes, not an empty frame
    second.frame_locator("iframe#redline").locator("ins", has_text="samt med de fackliga parterna").wait_for()
    assert overflow(second) == [] and low_contrast(second) == []
    second.locator("#card-0 table.stale").scroll_into_view_if_needed()
    # the window as the secretary sees it (a full-page capture leaves the redline's frame blank)
    second.screenshot(path=shots / f"stale-card-{size}.png")
    second.locator("#card-0 .stale-choice").get_by_role("button", name=sv("web.card.stale_save")).click()  # mine, knowingly
    second.wait_for_selector("#card-0:not(:has(table.stale))")
    first.reload()
    assert "Från det andra fönstret" in first.locator("#card-0 header").inner_text()
    assert errors == []


def test_a_first_view_shows_the_cards_then_what_each_makes(browser, bench, shots):
    page, errors = open_page(browser, bench.url)
    d = bench.app.drafts.get(_record(page))
    fresh = bench.app.drafts.new(d.program, d.base, d.fields, d.decision,
                                 amendments=[{**a, "title": f"Nytt namn {n}"} for n, a in enumerate(d.amendments)])
    page.goto(bench.url.split("/?")[0] + f"/draft?d={fresh.id}")
    page.wait_for_selector("html.made", state="attached")
    assert page.locator(".made.pending").count() == 0
    assert page.locator("#card-0 .preview").count() == 1 and page.locator("#card-0 .wording").count() == 1
    assert errors == []


PASSWORD = "rätt häst batteri häftapparat"


@pytest.mark.parametrize("size", SIZES)
def test_a_password_lets_the_browser_in(browser, repo, tmp_path, shots, size):
    with served(repo, tmp_path / "drafts", password=PASSWORD) as server:
        page, errors = open_page(browser, server.url + f"program?id={PROGRAM_ID}&version=proposed&page=6", size)
        assert page.locator("h1").inner_text() == sv("web.login.title")
        assert page.locator("header nav a").all_inner_texts() == ["English"]  # no page to go to before signing in
        page.fill("#login-password", "fel lösenord")
        page.get_by_role("button", name=sv("web.login.submit")).click()
        assert sv("web.login.wrong") in page.locator(".error").inner_text()
        assert page.locator("#login-password").input_value() == ""
        assert overflow(page) == [] and low_contrast(page) == []
        page.screenshot(path=shots / f"login-{size}.png", full_page=True)
        page.fill("#login-password", PASSWORD)
        page.get_by_role("button", name=sv("web.login.submit")).click()
        assert sv("web.page.of", page=6, count=9) in page.locator("nav.pager").inner_text()  # the page asked for
        assert errors == []


def test_the_login_page_in_english_signs_in_to_the_page_asked_for_in_english(browser, repo, tmp_path):
    with served(repo, tmp_path / "drafts", password=PASSWORD) as server:
        page, errors = open_page(browser, server.url + f"program?id={PROGRAM_ID}&version=proposed&page=6")
        page.locator("header nav").get_by_role("link", name="English").click()
        assert page.locator("h1").inner_text() == msg("web.login.title").render("en")
        page.fill("#login-password", PASSWORD)
        page.get_by_role("button", name=msg("web.login.submit").render("en")).click()
        assert msg("web.page.of", page=6, count=9).render("en") in page.locator("nav.pager").inner_text()
        assert errors == []
