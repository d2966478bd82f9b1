"""Helpers for the workbench tests: a copy of the example repository and a real server on a free port.

The fixtures `repo`, `bench` (the server, its drafts kept in the test's folder) and `client` (a browser
without JavaScript, let in) are shared by every tests/test_web*.py module, which imports them."""
from __future__ import annotations

import http.cookiejar
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROTOCOL, ROOT

from amend.messages import msg
from amend.web.server import Workbench, serve

PROGRAM_ID = "valdsforebyggande-2025-2027"
TOKEN = "test-token-0123456789abcdef"


def copy_repository(tmp_path: Path) -> Path:
    """programs/, amendments/ and schemas/ of the example, copied: the inputs are never touched."""
    repo = tmp_path / "repo"
    for folder in ("programs", "amendments", "schemas"):
        shutil.copytree(ROOT / folder, repo / folder)
    return repo


@contextmanager
def served(repo: Path, drafts: Path | None = None, **options) -> Iterator[Workbench]:
    """A workbench on `repo` serving on a free port of 127.0.0.1 until the block ends."""
    server = serve(repo, "127.0.0.1", 0, TOKEN, drafts, **options)
    server.serve_in_thread()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def entered(server: Workbench) -> Client:
    """A browser that followed the link the CLI prints (it holds the cookie now)."""
    c = Client(server.url.split("/?")[0])
    assert c.enter().status == 303
    return c


@pytest.fixture
def repo(tmp_path):
    return copy_repository(tmp_path)


@pytest.fixture
def bench(repo, tmp_path):
    with served(repo, tmp_path / "drafts") as server:
        yield server


@pytest.fixture
def client(bench):
    return entered(bench)


# ---------------------------------------------------------------- a decision's draft and its cards


def decision_form(client, **changes):
    form = {"csrf": client.csrf(), "lang": "sv", "program": PROGRAM_ID, "base": "proposed",
            "produces": "ksau-igen", "name": "2025-10-22-ksau-170-igen", "outcome": "adopted",
            "minutes": PROTOCOL.read_text(encoding="utf-8"), "action": "read"}
    return {**form, **changes}


def read_minutes(client, **changes):
    """The minutes read into a draft: (its id, the page)."""
    r = client.post("/record", decision_form(client, **changes))
    assert r.status == 200, r.words[:500]
    return re.search(r'name="d" value="([0-9a-f]+)"', r.text).group(1), r


def card_form(client, d, n, shown, **changes):
    """Card n's form as the page shows it (its 'Edit the card' link followed), with changes."""
    return form_in(client.get(f"/draft?d={d}&edit={n}").text, client, d, n, **changes)


def form_in(text, client, d, n, **changes):
    """Card n's form on this page (n "new": the form that adds one), with changes."""
    import html

    article = text.split(f'id="card-{n}"')[1].split("</article>")[0]
    form = dict(re.findall(r'<input id="c\w+-(\w+)" name="\w+" value="([^"]*)"', article))
    form.update(re.findall(r'<textarea id="c\w+-(\w+)" name="\w+" rows="\d">([^<]*)</textarea>', article))
    form.update(re.findall(r'<select id="c\w+-(\w+)" name="\w+">.*?<option value="(\w+)" selected', article))
    form = {k: html.unescape(v) for k, v in form.items()}
    form.update(re.findall(r'<input type="hidden" name="(was)" value="([^"]*)"', article))  # the card as seen
    return {**form, "csrf": client.csrf(), "lang": "sv", "d": d, "n": str(n), "do": "save", **changes}


def cards_of(page):
    """(status, label) of each amendment card, in order."""
    return re.findall(r'<article class="card status-(\w+)" id="card-\d+">\s*<header><span class="badge">[^<]*</span> '
                      r'<strong>([^<]*)</strong>', page.text)


def sv(key: str, **kw) -> str:
    """Message `key` as the Swedish page says it."""
    return msg(key, **kw).render("sv")


def cap(text: str) -> str:
    """An error as a page shows it: the CLI's words, the first letter a capital."""
    return text[:1].upper() + text[1:]


def at_once(send) -> tuple[list[Reply], int]:
    """send(0) and send(1) in two threads let go at the same moment (two browsers saving at once): the
    replies, and which one was answered 200 (the winner; the other must have been told)."""
    import threading

    replies: list = [None, None]
    go = threading.Barrier(2)

    def run(n: int) -> None:
        go.wait()
        replies[n] = send(n)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return replies, next((n for n, r in enumerate(replies) if r.status == 200), -1)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to show nothing else was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def words(self) -> str:
        """The page's visible text, tags out and white space as one space (entities decoded)."""
        import html

        body = re.sub(r"<(script|style)\b.*?</\1>", " ", self.text, flags=re.S)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


class Client:
    """A browser without JavaScript: urllib with a cookie jar, redirects not followed."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def get(self, path: str) -> Reply:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, form: dict[str, str]) -> Reply:
        data = urllib.parse.urlencode(form).encode()
        return self._open(urllib.request.Request(self.base + path, data=data))

    def enter(self, token: str = TOKEN) -> Reply:
        return self.get(f"/?token={urllib.parse.quote(token)}")

    def csrf(self) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', self.get("/record").text).group(1)

    def _open(self, request: urllib.request.Request) -> Reply:
        try:
            with self.opener.open(request, timeout=60) as r:
                return Reply(r.status, dict(r.headers), r.read())
        except urllib.error.HTTPError as e:
            return Reply(e.code, dict(e.headers), e.read())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_303(self, req, fp, code, msg, headers):
        return urllib.response.addinfourl(fp, headers, req.full_url, code)

    http_error_302 = http_error_303
