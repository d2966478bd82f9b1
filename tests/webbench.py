"""Helpers for the workbench tests: a copy of the example repository and a real server on a free port."""
from __future__ import annotations

import http.cookiejar
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

PROGRAM_ID = "valdsforebyggande-2025-2027"
TOKEN = "test-token-0123456789abcdef"


def copy_repository(tmp_path: Path) -> Path:
    """programs/, amendments/ and schemas/ of the example, copied: the inputs are never touched."""
    repo = tmp_path / "repo"
    for folder in ("programs", "amendments", "schemas"):
        shutil.copytree(ROOT / folder, repo / folder)
    return repo


def cap(text: str) -> str:
    """An error as a page shows it: the CLI's words, the first letter a capital."""
    return text[:1].upper() + text[1:]


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
