"""`amend site -o DIR`: the static site of the example repository — every page there, every link
resolving, nothing from the network, the documents the same as `amend show` writes, a second run
writing nothing — and, in headless Chromium, the pages walked from file:// on a desktop and a phone."""
from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

REPO = Path(__file__).resolve().parents[1]
PID = "valdsforebyggande-2025-2027"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def copy_example(root: Path) -> Path:
    for folder in ("programs", "amendments"):
        shutil.copytree(REPO / folder, root / folder)
    return root


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def parsed(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture
def site(tmp_path):
    root = copy_example(tmp_path / "repo")
    out = tmp_path / "site"
    result = run("--lang", "sv", "site", root, "-o", out, "--at", "2026-12-01")
    assert result.exit_code == 0, result.output
    return root, out, result


def test_every_page_is_there_and_every_link_resolves(site):
    root, out, result = site
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    versions = ("proposed", "adopted", "kf-2025-11-24", "kf-2026-11-23")
    expected = {"index.html", ".amend-site.json", f"{PID}/index.html"}
    for v in versions:
        expected |= {f"{PID}/{v}.html", f"{PID}/{v}.blame.html", f"{PID}/{PID}.{v}.docx"}
    expected |= {f"{PID}/{v}.changes.html" for v in versions[1:]}
    expected |= {f"{PID}/{v}.in-force.html" for v in versions if v != "kf-2025-11-24"}
    assert set(names) == expected
    assert f"skrev {len(expected) - 1} filer av webbplatsen i {out}" in result.stderr
    for page in out.rglob("*.html"):
        found = parsed(page)
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and not re.search(r"\b(src|href)=\"(https?:)?//", text), page
        for href in found.links:
            target, _, anchor = href.partition("#")
            file = (page.parent / target) if target else page
            assert file.is_file(), f"{page.name}: {href}"
            if anchor and file.suffix == ".html":
                assert anchor in parsed(file).ids, f"{page.name}: {href}"


def test_pages_say_what_the_versions_say(site):
    root, out, _ = site
    register = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Program</h1>" in register and f'href="{PID}/kf-2025-11-24.html">kf-2025-11-24</a>' in register
    timeline = (out / PID / "index.html").read_text(encoding="utf-8")
    assert "<td data-label=\"läge\">gäller</td>" in timeline and "<td data-label=\"läge\">kommande</td>" in timeline
    text = (out / PID / "kf-2026-11-23.html").read_text(encoding="utf-8")
    assert "som ska ske under 2028. Uppföljningen redovisas" in text
    assert "<li>Fackliga parter erbjuds basutbildning.</li>" in text
    blame = (out / PID / "kf-2026-11-23.blame.html").read_text(encoding="utf-8")
    assert '<nav class="site" aria-label="Webbplatsen"><a href="../index.html">Alla program</a>' in blame
    assert ">2028</span>" in blame
    changes = (out / PID / "kf-2026-11-23.changes.html").read_text(encoding="utf-8")
    assert "<del" in changes and ">2027</del>" in changes and "Kommunfullmäktige 2026-11-23 § 130" in changes
    against = (out / PID / "proposed.in-force.html").read_text(encoding="utf-8")
    assert against.count('<span class="swatch d') == 2  # § 170 and § 12, up to the version in force


def test_documents_are_those_show_writes(site):
    root, out, _ = site
    assert run("show", f"{PID}@kf-2026-11-23", "--root", root, "-o", root / "build").exit_code == 0
    assert (out / PID / f"{PID}.kf-2026-11-23.docx").read_bytes() == \
        (root / "build" / f"{PID}.kf-2026-11-23.docx").read_bytes()


@pytest.mark.parametrize("lang, words", [("en", "the site in {out} is up to date; nothing written"),
                                         ("sv", "webbplatsen i {out} är aktuell; inget skrevs")])
def test_a_second_run_writes_nothing(site, lang, words):
    root, out, _ = site
    assert run("--lang", lang, "site", root, "-o", out, "--at", "2026-12-01").exit_code == 0  # sv: nothing to do
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    result = run("--lang", lang, "site", root, "-o", out, "--at", "2026-12-01")
    assert result.exit_code == 0 and words.format(out=out) in result.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_a_change_rewrites_what_it_changes_and_removes_what_is_gone(site):
    root, out, _ = site
    docx = out / PID / f"{PID}.proposed.docx"
    kept = docx.stat().st_mtime_ns
    (root / "amendments" / PID / "2026-11-23-kf-130.yaml").unlink()
    result = run("--lang", "en", "site", root, "-o", out, "--at", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert not (out / PID / "kf-2026-11-23.html").exists()
    assert not (out / PID / f"{PID}.kf-2026-11-23.docx").exists()
    assert docx.stat().st_mtime_ns == kept  # the same bytes are not written again
    assert "kf-2026-11-23" not in (out / PID / "index.html").read_text(encoding="utf-8")


def test_another_language_or_date_rewrites_the_pages_not_the_documents(site):
    root, out, _ = site
    docx = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")}
    result = run("--lang", "en", "site", root, "-o", out, "--at", "2026-12-01")
    assert "wrote 16 files of the site" in result.stderr
    assert "<h1>Programs</h1>" in (out / "index.html").read_text(encoding="utf-8")
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")} == docx
    later = run("--lang", "en", "site", root, "-o", out, "--at", "2027-02-01")
    assert later.exit_code == 0
    assert 'href="valdsforebyggande-2025-2027/kf-2026-11-23.html">kf-2026-11-23</a>' in \
        (out / "index.html").read_text(encoding="utf-8")


def test_a_second_run_reads_no_page_it_did_not_touch(site, monkeypatch):
    """The manifest records each file's size and modification time once it is in place, so that the
    second run only stats the pages (issue 14 item 9: <= 1 s); an edited one is hashed and put back."""
    import amend.site

    root, out, _ = site
    assert run("--lang", "en", "site", root, "-o", out, "--at", "2026-12-01").exit_code == 0
    manifest = json.loads((out / ".amend-site.json").read_text(encoding="utf-8"))
    assert set(manifest["stat"]) == set(manifest["files"])
    hashed = []
    monkeypatch.setattr(amend.site, "_sha", lambda path: hashed.append(path))
    result = run("--lang", "en", "site", root, "-o", out, "--at", "2026-12-01")
    assert result.exit_code == 0 and "is up to date" in result.stderr and hashed == []


def test_a_page_edited_by_hand_is_put_back(site):
    root, out, _ = site
    page = out / PID / "index.html"
    good = page.read_bytes()
    page.write_text("changed", encoding="utf-8")
    assert run("--lang", "sv", "site", root, "-o", out, "--at", "2026-12-01").exit_code == 0
    assert page.read_bytes() == good


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_the_site_in_headless_chromium(site, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    root, out, _ = site
    shots = Path(os.environ.get("AMEND_SITE_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size, (width, height) in {"desktop": (1280, 900), "phone": (390, 844)}.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            elsewhere: list[str] = []
            page.on("request", lambda r, seen=elsewhere: None if r.url.startswith("file://") else seen.append(r.url))
            page.goto((out / "index.html").as_uri())
            assert page.locator("main h1").inner_text() == "Program"
            page.get_by_role("link", name="Program om våldsförebyggande arbete 2025–2027").click()
            assert page.locator("h1").inner_text() == "Program om våldsförebyggande arbete 2025–2027"
            page.screenshot(path=str(shots / f"site-timeline-{size}.png"), full_page=True)
            hrefs = page.eval_on_selector_all("main a", "els => els.map(e => e.href)")
            assert len(hrefs) >= 15
            for href in hrefs:
                if href.endswith(".docx"):
                    continue
                page.goto(href)
                assert page.locator("body").inner_text().strip(), href
                assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, (size, href)
            page.goto((out / PID / "kf-2026-11-23.blame.html").as_uri())
            page.evaluate("document.querySelector('p span.s1').parentElement.scrollIntoView()")
            page.screenshot(path=str(shots / f"site-blame-{size}.png"))
            assert page.locator("p span.s3").first.inner_text() == "2028"
            assert elsewhere == []
            page.close()
        browser.close()


@pytest.mark.parametrize("lang, words", [
    ("en", ("<title>Program om våldsförebyggande arbete 2025–2027: kf-2025-11-24</title>",
            "Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS) · state on 2026-12-01: in force",
            ">Download as Word (DOCX)</a>", '<p class="page" id="p6">page 6</p>', "<h1>Programs</h1>",
            "Every program, with the version in force on 2026-12-01", "Every version and the decision that made it",
            '<a class="skip" href="#main">Skip to the content</a>', ">who wrote what</a>")),
    ("sv", ("<title>Program om våldsförebyggande arbete 2025–2027: versionen kf-2025-11-24</title>",
            "Kommunfullmäktige 2025-11-24 § 12 (2025.202 KS) · läget den 2026-12-01: gäller",
            ">Ladda ner som Word (DOCX)</a>", '<p class="page" id="p6">sidan 6</p>', "<h1>Program</h1>",
            "Alla program, med den version som gäller den 2026-12-01", "Varje version och beslutet som gav den",
            '<a class="skip" href="#main">Hoppa till innehållet</a>', ">vem skrev vad</a>")),
])
def test_site_words_in_both_languages(tmp_path, lang, words):
    root = copy_example(tmp_path / "repo")
    out = tmp_path / "site"
    assert run("--lang", lang, "site", root, "-o", out, "--at", "2026-12-01").exit_code == 0
    pages = "".join(p.read_text(encoding="utf-8") for p in (out / "index.html", out / PID / "index.html",
                                                             out / PID / "kf-2025-11-24.html"))
    for w in words:
        assert w in pages, w
