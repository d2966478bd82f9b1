"""The HTTP edge: a standard-library ThreadingHTTPServer in front of `app`.

Every request must carry the token: in the URL the CLI prints (then it is
set as an HttpOnly, SameSite=Strict cookie and the URL loses it) or in that
cookie. With a password (`amend serve --password-file`) the URL holds no key:
a browser without the cookie gets the login page, and the right password sets
the same cookie (a wrong one waits a second, one guess at a time). Every
POST must also carry the form field `csrf`, derived from the token, so another
site can neither read a page nor post a form. Pages get a strict
Content-Security-Policy: no script, no resource from elsewhere.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http import cookies
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..messages import msg
from . import upload
from .upload import Upload

COOKIE = "amend_token"
MAX_FORM_BYTES = 60_000_000  # a form holds the minutes' text: within limits.MAX_FILE_BYTES and some
MAX_UPLOAD_BYTES = 120_000_000  # a proposal and its circulated PDF (each also within limits.MAX_DOCUMENT_BYTES)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
PUBLIC = ("/static/style.css",)  # the login page's style sheet: the package's own file, shown to anyone
WRONG_PASSWORD_PAUSE = 1.0  # seconds before a wrong password is answered (guesses are slow, one at a time)
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")

log = logging.getLogger("amend.web")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    csrf_ok: bool
    lang: str
    files: dict[str, Upload] = field(default_factory=dict)  # a multipart form's files, by field name


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_of(token: str) -> str:
    """The form token: derived from the access token, so the page never shows the token itself."""
    return hmac.new(token.encode(), b"amend-csrf", hashlib.sha256).hexdigest()


class Workbench(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Path, token: str, drafts: Path | None = None,
                 password: str | None = None):
        from .app import App

        super().__init__(address, _Handler)
        self.token = token
        self.password = password
        self.guessing = threading.Lock()  # wrong passwords are answered one at a time, each after a pause
        self.app = App(root, csrf_of(token), drafts)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        if self.password is not None:  # the password lets a browser in: the link holds no key
            return f"http://{host}:{port}/"
        return f"http://{host}:{port}/?token={urllib.parse.quote(self.token)}"

    def server_close(self) -> None:
        self.app.store.flush()  # the drafts on disk before the process may end
        super().server_close()

    def serve_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: Workbench
    server_version = "amend"
    sys_version = ""
    timeout = 120  # seconds a client may take to send its request (a body shorter than it says holds no thread)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.info("%s " + format, self.address_string(), *args)

    def _handle(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        given = query.pop("token", None)
        if not self._host_ok():  # a page of another site reaching 127.0.0.1 by a DNS name it controls
            return self._send(self.server.app._message(_sv(query.get("lang")), msg("web.bad_host"), 403))
        if given is not None and hmac.compare_digest(given, self.server.token):
            return self._enter(url.path, query)
        if not self._cookie_ok():
            return self._send(self._stranger(method, url.path, query))
        self._send(self._let_in(method, url.path, query))

    def _let_in(self, method: str, path: str, query: dict[str, str]) -> Response:
        """A request with the cookie: its form read (or refused), the page it asks for."""
        got = self._body() if method == "POST" else ({}, {})
        if isinstance(got, Response):
            return got
        form, files = got
        csrf_ok = hmac.compare_digest(form.get("csrf", ""), self.server.app.csrf)
        lang = form.get("lang") or query.get("lang") or "sv"
        return self.server.app.handle(Request(method, path, query, form, csrf_ok, lang, files))

    def _stranger(self, method: str, path: str, query: dict[str, str]) -> Response:
        """A request without the cookie: the login page's style sheet, or the login (or refusing) page."""
        if method == "GET" and path in PUBLIC and self.server.password is not None:
            return self.server.app.handle(Request(method, path, {}, {}, False, "sv"))
        return self._login(method, path, query)

    def _login(self, method: str, path: str, query: dict[str, str]) -> Response:
        """Without the cookie: the login page (with a password), or the page that says the link is needed."""
        app, lang = self.server.app, query.get("lang")
        if self.server.password is None:
            return app.forbidden(lang)
        if method != "POST" or path != "/login":
            return app.login_page(_sv(lang), _next_of(path, query))
        got = self._body()
        form = got[0] if not isinstance(got, Response) else {}
        given = hashlib.sha256(form.get("password", "").encode("utf-8")).digest()
        if hmac.compare_digest(given, hashlib.sha256(self.server.password.encode("utf-8")).digest()):
            return self._cookie_to(_next_of(form.get("next", "/"), {}))
        with self.server.guessing:
            time.sleep(WRONG_PASSWORD_PAUSE)
        return app.login_page(_sv(form.get("lang") or lang), _next_of(form.get("next", "/"), {}), wrong=True)

    def _host_ok(self) -> bool:
        """Listening on this machine only, the Host header must name it (no DNS rebinding)."""
        if self.server.server_address[0] not in LOCAL_HOSTS:
            return True  # another address: the token is the guard
        host = urllib.parse.urlsplit("//" + self.headers.get("Host", "")).hostname or ""
        return host in LOCAL_HOSTS

    def _enter(self, path: str, query: dict[str, str]) -> None:
        """The URL with the token: set the cookie and go to the same page without it."""
        self._send(self._cookie_to(path + ("?" + urllib.parse.urlencode(query) if query else "")))

    def _cookie_to(self, location: str) -> Response:
        cookie = f"{COOKIE}={self.server.token}; HttpOnly; SameSite=Strict; Path=/"
        return Response(303, b"", headers={"Location": location, "Set-Cookie": cookie})

    def _cookie_ok(self) -> bool:
        jar = cookies.SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie", ""))
        except cookies.CookieError:
            return False
        got = jar.get(COOKIE)
        return got is not None and hmac.compare_digest(got.value, self.server.token)

    def _body(self) -> tuple[dict[str, str], dict[str, Upload]] | Response:
        """The POSTed form (URL-encoded, or multipart with files), or the page that refuses it."""
        kind = self.headers.get("Content-Type", "")
        multipart = kind.lower().startswith("multipart/form-data")
        limit = MAX_UPLOAD_BYTES if multipart else MAX_FORM_BYTES
        length = self._length()
        lang = _lang_of(self.path)
        if length < 0 or length > limit:
            return self._too_large(multipart, lang, limit)
        raw = self.rfile.read(length)
        if not multipart:
            return dict(urllib.parse.parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True)), {}
        parsed = upload.parse_multipart(kind, raw)
        return parsed if parsed is not None else self.server.app._message(_sv(lang), msg("web.upload.bad_form"), 400)

    def _too_large(self, multipart: bool, lang: str | None, limit: int) -> Response:
        self.close_connection = True  # the body is not read
        if not multipart:
            return self.server.app.too_large(lang)
        return self.server.app._message(_sv(lang), msg("web.upload.too_large", limit=limit // 1_000_000), 413)

    def _length(self) -> int:
        try:
            return int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return -1

    def _send(self, r: Response) -> None:
        self.send_response(r.status)
        self.send_header("Content-Type", r.content_type)
        self.send_header("Content-Length", str(len(r.body)))
        guards = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                  "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
        for k, v in ({k: v for k, v in guards.items() if k not in r.headers} | r.headers).items():
            self.send_header(k, v)
        try:
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(r.body)
        except (BrokenPipeError, ConnectionResetError):  # the browser left (a replaced frame): nothing to tell
            self.close_connection = True


def _next_of(path: str, query: dict[str, str]) -> str:
    """Where to go after the login: a page of this workbench only (a path, never another site)."""
    target = path + ("?" + urllib.parse.urlencode(query) if query else "")
    ok = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if ok and urllib.parse.urlsplit(target).path != "/login" else "/"


def _lang_of(path: str) -> str | None:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query)).get("lang")


def _sv(lang: str | None) -> str:
    return lang if lang in ("sv", "en") else "sv"


def serve(root: Path, host: str, port: int, token: str, drafts: Path | None = None,
          password: str | None = None) -> Workbench:
    """A workbench on ROOT listening on host:port (port 0: any free port); not yet serving. Its drafts
    are kept in the folder `drafts` (None: in memory only; `amend serve` gives store.default_folder);
    with a `password`, the login page lets a browser in."""
    return Workbench((host, port), root, token, drafts, password)
