"""The real browser of the workbench's browser tests: Debian's chromium through Playwright.

The fixtures `browser` (one chromium for a test module) and `shots` (where screenshots go), registered
for every test by conftest (pytest_plugins) like webbench.py's; Playwright is imported only when a test
asks for `browser`, which skips the test, saying why, where playwright or chromium is missing.

Screenshots go to $AMEND_WEB_SCREENSHOTS when set (docs/workbench/ holds the ones the README shows),
else to the test's tmp_path; none is written to git by a test run.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("AMEND_WEB_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(browser, url: str, size: str = "desktop", **options):
    """A new window of `size` on `url`: (the page, the script errors and CSP violations it reports).
    A 4xx answer to a refused form is the page telling the secretary, not an error of the page."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True, **options)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 4" not in m.text
            else None)
    page.goto(url)
    return page, errors


def overflow(page) -> list[str]:
    """What makes a phone's screen scroll sideways: nothing when the page is no wider than the window;
    else its width and the elements whose right edge lies beyond the window (tag.class), to say which."""
    return page.evaluate("""() => {
      const w = document.documentElement.clientWidth, wide = document.documentElement.scrollWidth;
      if (wide <= w + 1) return [];
      const out = [`page ${wide} px wide in a window of ${w}`];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width && r.right > w + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} to ${Math.round(r.right)}`);
      }
      return out.slice(0, 12);
    }""")


def low_contrast(page, least: float = 4.5) -> list[str]:
    """Text on the page that is harder to read than WCAG's AA asks (contrast below 4.5 : 1 against the
    background it stands on): each as its words and its ratio. Hidden text and empty elements do not count."""
    return page.evaluate("""(least) => {
      const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                                   return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
      const back = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                             if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(" ");
        if (!own || !el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(back(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < least) out.push(`${el.tagName.toLowerCase()}.${el.className} "${own.slice(0, 40)}" ${ratio.toFixed(2)}`);
      }
      return out;
    }""", least)
