"""The workbench's security and robustness (issue 15): token, CSRF, Content-Security-Policy, no external
resources, cookies, Host header, upload limits and types, path traversal, errors without tracebacks.

Every route the app knows is walked, so a page added later is held to the same rules."""
from __future__ import annotations

import http.client
import logging
import re

import pytest
from import_docs import word_style_docx
from webbench import PROGRAM_ID, TOKEN, Client, snapshot
from webupload import multipart, upload

from amend.messages import msg
from amend.web import importing, store
from amend.web.server import CSP, MAX_UPLOAD_BYTES, csrf_of, serve

# a value for every query parameter any page reads, so that each page really renders
QUERY = f"?id={PROGRAM_ID}&program={PROGRAM_ID}&version=adopted&base=proposed&page=2&key=x&file=x.docx"


def routes(bench, method):
    return sorted(path for m, path in bench.app.routes if m == method)


def raw(bench, method, target, headers=None, body=b""):
    """One request exactly as written (no client-side normalising of the path)."""
    host, port = bench.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    for k, v in {"Host": f"127.0.0.1:{port}", **(headers or {})}.items():
        conn.putheader(k, v)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    reply = conn.getresponse()
    status, text = reply.status, reply.read().decode("utf-8", errors="replace")
    conn.close()
    return status, text


def cookie(client):
    return "; ".join(f"{c.name}={c.value}" for c in client.jar)


# ---------------------------------------------------------------- the address and the token


def test_serve_listens_on_this_machine_by_default_and_elsewhere_only_with_a_token(amend, repo):
    from cli import main

    host = next(p for p in main.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"
    res = amend("serve", repo, "--host", "0.0.0.0", "--no-browser", env={"AMEND_LANG": "sv"})
    assert res.code == 2 and msg("web.cli.not_local", host="0.0.0.0").render("sv") in res.err


def test_on_another_address_every_request_needs_the_token(repo):
    server = serve(repo, "0.0.0.0", 0, TOKEN)
    server.serve_in_thread()
    try:
        port = server.server_address[1]
        c = Client(f"http://127.0.0.1:{port}")
        for path in routes(server, "GET"):
            assert c.get(path + QUERY).status == 403, path
        assert c.enter().status == 303 and c.get("/").status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_every_page_needs_the_token_or_its_cookie(bench, client):
    stranger = Client(client.base)
    for path in routes(bench, "GET") + ["/nowhere"]:
        r = stranger.get(path + QUERY)
        assert r.status == 403 and msg("web.forbidden").render("sv") in r.words, path
    for path in routes(bench, "POST"):
        status, _ = raw(bench, "POST", path, {"Cookie": "amend_token=wrong-0123456789abcdef"})
        assert status == 403, path


def test_the_cookie_is_httponly_and_samesite_strict(bench):
    r = Client(bench.url.split("/?")[0]).enter()
    parts = [p.strip() for p in r.headers["Set-Cookie"].split(";")]
    assert "HttpOnly" in parts and "SameSite=Strict" in parts and "Path=/" in parts
    assert r.headers["Location"] == "/" and TOKEN not in r.headers["Location"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_host_header_naming_another_site_is_refused(bench, client, lang):
    # DNS rebinding: a page of evil.example resolving its name to 127.0.0.1
    status, text = raw(bench, "GET", f"/?lang={lang}", {"Host": "evil.example:8000", "Cookie": cookie(client)})
    assert status == 403 and msg("web.bad_host").render(lang) in text
    status, _ = raw(bench, "GET", "/", {"Host": f"localhost:{bench.server_address[1]}", "Cookie": cookie(client)})
    assert status == 200


# ---------------------------------------------------------------- CSRF, and GET changes nothing


def test_every_post_without_the_check_field_is_refused_and_changes_nothing(bench, client, repo, tmp_path):
    before = snapshot(tmp_path)
    for path in routes(bench, "POST"):
        for csrf in ("", "0" * 64, TOKEN, csrf_of("another-token-0123456789")):
            form = {"csrf": csrf, "program": PROGRAM_ID, "version": "adopted", "name": "x", "text": "x",
                    "action": "save", "key": "x", "id": "x", "minutes": "x", "base": "proposed", "produces": "x"}
            r = client.post(path, form)
            assert r.status == 403 and msg("web.csrf").render("sv") in r.words, path
            r = upload(client, path, form, {"document": ("x.docx", b"PK\x03\x04")})
            assert r.status == 403, path
    assert snapshot(tmp_path) == before


def test_no_get_request_writes_anything(bench, client, tmp_path):
    before = snapshot(tmp_path)
    for path in routes(bench, "GET"):
        client.get(path + QUERY)
        client.get(path + QUERY + "&action=save&overwrite=1")
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------- what a page may load and run


def test_every_page_has_a_strict_content_security_policy_and_loads_nothing_from_elsewhere(bench, client):
    for path in routes(bench, "GET"):
        r = client.get(path + QUERY)
        policy = r.headers.get("Content-Security-Policy", "")
        assert "default-src 'none'" in policy, path
        # only the live redline may be framed, and only by the workbench itself, in a sandbox
        assert "frame-ancestors 'none'" in policy or ("frame-ancestors 'self'" in policy and "sandbox" in policy), path
        scripts = re.findall(r"script-src ([^;]*)", policy)
        assert scripts in ([], ["'self'"]), path  # the package's own script only: nothing inline, no eval
        assert "'unsafe-eval'" not in policy, path
        assert r.headers.get("X-Content-Type-Options") == "nosniff", path
        if r.headers.get("Content-Type", "").startswith("text/html"):
            for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", r.text, re.I | re.S):
                assert re.search(r'src="/static/[\w-]+\.js"', attrs) and not body.strip(), path
            if not scripts:
                assert "<script" not in r.text.lower(), path
            assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", r.text), path
        if r.headers.get("Content-Type", "").startswith("text/css"):
            assert not re.search(r"url\(|@import", r.text), path


# ---------------------------------------------------------------- uploads


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_upload_over_the_limit_is_refused_before_it_is_read(bench, client, lang):
    _, kind = multipart({}, {})
    status, text = raw(bench, "POST", f"/import?lang={lang}", {"Cookie": cookie(client), "Content-Type": kind,
                                                               "Content-Length": str(MAX_UPLOAD_BYTES + 1)})
    assert status == 413 and msg("web.upload.too_large", limit=MAX_UPLOAD_BYTES // 1_000_000).render(lang) in text


def test_a_document_over_the_importers_limit_is_refused_with_its_message(client, repo, monkeypatch, tmp_path):
    from amend import limits

    path = tmp_path / "plan.docx"
    word_style_docx(path)
    monkeypatch.setattr(limits, "MAX_DOCUMENT_BYTES", 1000)
    before = snapshot(repo)
    r = upload(client, "/import", {"csrf": client.csrf(), "id": "plan"}, {"document": ("plan.docx", path.read_bytes())})
    assert r.status == 422 and "plan.docx: " in r.words and "1000" in r.words.replace("\u00a0", "").replace(" ", "")
    assert snapshot(repo) == before


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_broken_multipart_body_is_refused_in_words(bench, client, lang):
    status, text = raw(bench, "POST", f"/import?lang={lang}",
                       {"Cookie": cookie(client), "Content-Type": "multipart/form-data; boundary=zzz"},
                       b"--zzz\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--zzz--\r\n")
    assert status == 400 and msg("web.upload.bad_form").render(lang) in text


@pytest.mark.parametrize("filename", ["../../programs/evil.yaml", "/etc/passwd", "..\\..\\x.docx", "%2e%2e%2fx.docx"])
def test_the_name_an_upload_carries_is_never_a_path(bench, client, repo, tmp_path, filename):
    path = tmp_path / "plan.docx"
    word_style_docx(path)
    before = snapshot(tmp_path)
    r = upload(client, "/import", {"csrf": client.csrf(), "id": "plan"}, {"document": (filename, path.read_bytes())})
    assert r.status == 303
    bench.app.store.flush()
    written = {k: v for k, v in snapshot(tmp_path).items() if before.get(k) != v}
    # nothing written anywhere under the test's folder (the repo included) but the draft, under its own key
    assert written and all(store.NAME.match(k.removeprefix("drafts/")) for k in written), written
    assert importing.upload.shown_name(filename) in client.get(r.headers["Location"]).words


# ---------------------------------------------------------------- nothing outside ROOT


@pytest.mark.parametrize("target", [
    "/static/../../../etc/passwd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
    "/download?file=../programs/valdsforebyggande-2025-2027.yaml", "/download?file=%2e%2e%2fprograms%2fx.yaml",
    "/download?file=/etc/passwd", "/program?id=../../etc/passwd&version=adopted",
    "/publish?program=../../etc&version=adopted", "/import/draft?key=../../etc/passwd",
    "/static/workbench.css/../../../etc/passwd",
])
def test_traversal_reads_nothing_outside_the_repository(bench, client, target):
    status, text = raw(bench, "GET", target, {"Cookie": cookie(client)})
    assert status in (404, 422), (target, status)
    assert "root:x:" not in text and "program:\n" not in text


def test_a_program_file_linked_from_outside_is_never_written_through(client, repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "plan.yaml").write_text("# not amend's\n", encoding="utf-8")
    (repo / "programs" / "plan.yaml").symlink_to(outside / "plan.yaml")
    doc = tmp_path / "plan.docx"
    word_style_docx(doc)
    r = upload(client, "/import", {"csrf": client.csrf(), "id": "plan"}, {"document": ("plan.docx", doc.read_bytes())})
    key = r.headers["Location"].split("key=")[1]
    r = client.post("/import/draft", {"csrf": client.csrf(), "key": key, "action": "save", "id": "plan",
                                      "overwrite": "1"})
    assert r.status == 422
    assert (outside / "plan.yaml").read_text(encoding="utf-8") == "# not amend's\n"


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_bug_is_logged_with_a_number_the_page_shows_and_no_traceback(client, monkeypatch, caplog, lang, tmp_path):
    def broken(*a, **k):
        raise RuntimeError("secret detail of a bug")

    monkeypatch.setattr(importing, "import_upload", broken)
    doc = tmp_path / "plan.docx"
    word_style_docx(doc)
    with caplog.at_level(logging.ERROR, logger="amend.web"):
        r = upload(client, "/import", {"csrf": client.csrf(), "id": "plan", "lang": lang},
                   {"document": ("plan.docx", doc.read_bytes())})
    assert r.status == 500
    ident = re.search(r"\b([0-9a-f]{8})\b", r.words).group(1)
    assert msg("web.bug", id=ident).render(lang) in r.words
    assert "Traceback" not in r.text and "secret detail" not in r.text
    logged = [rec for rec in caplog.records if ident in rec.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log, with the number


# ---------------------------------------------------------------- a password file instead of the key in the link

PASSWORD = "rätt häst batteri häftapparat"


@pytest.fixture
def locked(repo, tmp_path):
    """A workbench that lets a browser in with the password (amend serve --password-file)."""
    from webbench import served

    with served(repo, tmp_path / "drafts", password=PASSWORD) as server:
        yield server


def login(server, password, lang="sv", next_page="/"):
    c = Client(server.url.rstrip("/"))
    return c, c.post("/login", {"password": password, "lang": lang, "next": next_page})


def test_with_a_password_the_link_holds_no_key_and_every_page_asks_for_it(locked, repo):
    from pathlib import Path

    from amend.web import server as edge

    assert locked.url.endswith("/") and "token" not in locked.url
    stranger = Client(locked.url.rstrip("/"))
    style = stranger.get("/static/style.css")  # the login page's style: the package's file, nothing else
    assert style.status == 200 and style.body == (Path(edge.__file__).parent / "static" / "style.css").read_bytes()
    for path in [p for p in routes(locked, "GET") if p != "/static/style.css"] + ["/nowhere"]:
        r = stranger.get(path + QUERY)
        assert r.status == 401 and 'name="password" type="password"' in r.text, path
        assert str(repo) not in r.text and r.headers["Content-Security-Policy"] == CSP, path  # no path to a stranger
    before = snapshot(repo)
    for path in routes(locked, "POST"):
        status, text = raw(locked, "POST", path, {"Cookie": "amend_token=wrong-0123456789abcdef"},
                           f"csrf={csrf_of(TOKEN)}&action=save&name=x".encode())
        assert status == 401 and 'name="password"' in text, path
    assert snapshot(repo) == before


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_wrong_password_is_refused_after_a_pause_and_sets_no_cookie(locked, monkeypatch, lang):
    import time

    from amend.web import server as edge

    monkeypatch.setattr(edge, "WRONG_PASSWORD_PAUSE", 0.3)
    for wrong in ("", PASSWORD[:-1], PASSWORD + " ", TOKEN):
        start = time.perf_counter()
        c, r = login(locked, wrong, lang)
        assert time.perf_counter() - start >= 0.3
        assert r.status == 401 and msg("web.login.wrong").render(lang) in r.words and "Set-Cookie" not in r.headers
        assert msg("web.login.title").render(lang) in r.words
        assert c.get("/").status == 401


def test_the_right_password_sets_the_same_cookie_and_goes_back_to_the_page(locked):
    c, r = login(locked, PASSWORD, next_page=f"/program?id={PROGRAM_ID}&page=6")
    assert r.status == 303 and r.headers["Location"] == f"/program?id={PROGRAM_ID}&page=6"
    parts = [p.strip() for p in r.headers["Set-Cookie"].split(";")]
    assert parts[0] == f"amend_token={locked.token}" and "HttpOnly" in parts and "SameSite=Strict" in parts
    assert c.get(r.headers["Location"]).status == 200
    assert c.post("/record", {"csrf": c.csrf(), "program": ""}).status == 422  # in, and the forms' check field works


@pytest.mark.parametrize("elsewhere", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/login"])
def test_after_the_login_a_browser_is_never_sent_to_another_site(locked, elsewhere):
    _, r = login(locked, PASSWORD, next_page=elsewhere)
    assert r.status == 303 and r.headers["Location"] == "/"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_password_file_others_can_read_is_refused(amend, repo, tmp_path, lang):
    path = tmp_path / "losen.txt"
    path.write_text(PASSWORD + "\n", "utf-8")
    path.chmod(0o644)
    res = amend("serve", repo, "--password-file", path, "--no-browser", env={"AMEND_LANG": lang})
    assert res.code == 2 and msg("web.cli.password_open", file=path, mode="644").render(lang) in res.err
    path.chmod(0o640)  # the group counts as others
    res = amend("serve", repo, "--password-file", path, "--no-browser", env={"AMEND_LANG": lang})
    assert res.code == 2 and msg("web.cli.password_open", file=path, mode="640").render(lang) in res.err


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_short_missing_or_doubled_password_is_refused(amend, repo, tmp_path, lang):
    short = tmp_path / "kort.txt"
    short.write_text("kort\n", "utf-8")
    short.chmod(0o600)
    res = amend("serve", repo, "--password-file", short, "--no-browser", env={"AMEND_LANG": lang})
    assert res.code == 2 and msg("web.cli.password_short", file=short, n=12).render(lang) in res.err
    gone = tmp_path / "finns-inte.txt"
    res = amend("serve", repo, "--password-file", gone, "--no-browser", env={"AMEND_LANG": lang})
    reason = "No such file or directory"
    assert res.code == 2 and msg("web.cli.password_unreadable", file=gone, reason=reason).render(lang) in res.err
    res = amend("serve", repo, "--password-file", short, "--token", TOKEN, "--no-browser", env={"AMEND_LANG": lang})
    assert res.code == 2 and msg("web.cli.token_or_password").render(lang) in res.err


def test_the_password_is_read_once_from_the_first_line_of_a_private_file(tmp_path):
    from amend.web.cli import read_password

    path = tmp_path / "losen.txt"
    path.write_text(f"  {PASSWORD}  \nnot this\n", "utf-8")
    path.chmod(0o600)
    assert read_password(path) == PASSWORD
