"""The workbench's publish page (issue 15, flow 6) through a real server: the documents, the decision's
file saved atomically (refused with both versions when it changed on disk), committed to git."""
from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from webbench import PROGRAM_ID, at_once, cap, entered, snapshot, sv

from amend.load import load_patch
from amend.messages import msg
from amend.web import publish

VERSION = "adopted"
FILE = f"amendments/{PROGRAM_ID}/2025-10-22-ksau-170.yaml"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def opened_form(client, version=VERSION, lang="sv"):
    """The publish form of the page as a browser would send it (its hidden fields)."""
    page = client.get(f"/publish?program={PROGRAM_ID}&version={version}&lang={lang}")
    assert page.status == 200, page.words
    form = page.text.split('<section class="decision">')[1]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields["text"] = html.unescape(re.search(r"<textarea hidden name=\"text\">(.*?)</textarea>", form, re.S).group(1))
    return {k: html.unescape(v) for k, v in fields.items()} | {"action": "save"}


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def git_repository(repo):
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "programs", "schemas")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "the program")


def test_the_page_names_the_decision_its_file_and_that_there_is_no_git(client):
    r = client.get(f"/publish?program={PROGRAM_ID}&version={VERSION}")
    assert r.status == 200
    assert sv("web.publish.decision", decision="Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (2025.202 KS)",
              file=FILE) in r.words
    assert sv("web.publish.no_git") in r.words and sv("web.publish.save") in r.words
    en = client.get(f"/publish?program={PROGRAM_ID}&version={VERSION}&lang=en")
    assert msg("web.publish.no_git").render("en") in en.words


def test_the_documents_are_those_apply_makes_and_pdf_is_offered_when_libreoffice_is_there(client, repo):
    form = opened_form(client) | {"action": "documents"}
    before = snapshot(repo / "amendments")
    r = client.post("/publish", form)
    assert r.status == 200
    for suffix in (".yaml", ".docx", ".redline.docx", ".redline.html"):
        name = f"{PROGRAM_ID}.{VERSION}{suffix}"
        assert f"/download?file={name}" in r.text and (repo / "out" / name).is_file()
    from amend.web.jobs import pdf_available

    assert (sv("web.field.pdf") in r.words) == pdf_available() != (sv("web.publish.no_pdf") in r.words)
    assert snapshot(repo / "amendments") == before


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_saving_the_file_as_it_is_writes_nothing_outside_git(client, repo, lang):
    before = snapshot(repo)
    r = client.post("/publish", opened_form(client, lang=lang))
    assert r.status == 200 and msg("web.publish.unchanged", file=FILE).render(lang) in r.words
    assert snapshot(repo) == before


@needs_git
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_publishing_commits_the_one_file_with_the_decision_as_the_message(client, repo, lang):
    git_repository(repo)
    (repo / "programs" / "staged.txt").write_text("someone else's work in progress\n", encoding="utf-8")
    git(repo, "add", "programs/staged.txt")
    r = client.post("/publish", opened_form(client, lang=lang))
    assert r.status == 200, r.words
    commit = git(repo, "log", "-1", "--format=%h").strip()
    assert msg("web.publish.committed", file=FILE, commit=commit).render(lang) in r.words
    assert msg("web.publish.in_git", commit=commit).render(lang) in r.words
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [FILE]  # not the staged file
    assert "programs/staged.txt" in git(repo, "diff", "--cached", "--name-only")
    message = git(repo, "log", "-1", "--format=%B")
    subject = {"sv": "Beslut", "en": "Decision"}[lang]
    assert message.startswith(f"{subject} Kommunstyrelsens arbetsutskott 2025-10-22 § 170 (2025.202 KS)\n\n")
    assert FILE in message
    again = client.post("/publish", opened_form(client, lang=lang))
    assert msg("web.publish.was_committed", file=FILE, commit=commit).render(lang) in again.words
    assert git(repo, "log", "-1", "--format=%h").strip() == commit


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_file_changed_on_disk_since_it_was_opened_is_refused_and_both_versions_shown(client, repo, lang):
    form = opened_form(client, lang=lang)
    path = repo / FILE
    theirs = path.read_text(encoding="utf-8").replace("2025.202 KS", "2025.999 KS")
    path.write_text(theirs, encoding="utf-8")
    mine = form["text"].replace("§ 170", "§ 171")
    r = client.post("/publish", form | {"text": mine})
    assert r.status == 409
    assert cap(msg("web.publish.changed", file=FILE).render(lang)) in r.words
    assert msg("web.publish.mine").render(lang) in r.words and msg("web.publish.theirs").render(lang) in r.words
    shown = html.unescape(re.sub(r"</?mark>", "", r.text))
    assert mine in shown and theirs in shown  # both versions, nothing lost
    page = html.unescape(r.text)  # the lines that differ are marked on each side, the others not
    assert "<mark>  paragraph: § 171</mark>" in page and "<mark>  case: 2025.999 KS</mark>" in page
    assert "<mark>  body: Kommunstyrelsens arbetsutskott</mark>" not in page and "  body: Kommunstyrelsens" in page
    assert path.read_text(encoding="utf-8") == theirs
    # the page offers mine again, now against the file as it is: saving it replaces theirs, knowingly
    again = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', r.text.split('class="changed"')[1]))
    again = {k: html.unescape(v) for k, v in again.items()} | {"text": mine, "action": "save"}
    saved = client.post("/publish", again)
    assert saved.status == 200 and msg("web.publish.saved", file=FILE).render(lang) in saved.words
    assert load_patch(path).decision.paragraph == "§ 171"


def test_two_browsers_saving_one_decision_at_once_one_wins_the_other_is_told(bench, repo):
    clients = [entered(bench), entered(bench)]
    forms = [opened_form(c) for c in clients]
    texts = [f["text"].replace("2025.202 KS", f"2025.20{n} KS") for n, f in enumerate(forms)]
    replies, winner = at_once(lambda n: clients[n].post("/publish", forms[n] | {"text": texts[n]}))
    assert sorted(r.status for r in replies) == [200, 409]
    loser = replies[1 - winner]
    assert (repo / FILE).read_text(encoding="utf-8") == texts[winner]
    assert cap(sv("web.publish.changed", file=FILE)) in loser.words
    assert texts[1 - winner] in html.unescape(re.sub(r"</?mark>", "", loser.text))  # the loser's text is on its page, to save again


@pytest.mark.parametrize("text", [
    "program: [\n",
    "program: annat-program\nbase: proposed\nproduces: x\ndecision: {body: KS, date: 2025-01-01}\namendments: []\n",
])
def test_a_text_that_is_not_a_valid_patch_for_the_program_is_refused_and_nothing_written(client, repo, text):
    before = snapshot(repo)
    r = client.post("/publish", opened_form(client) | {"text": text})
    assert r.status == 422 and 'class="error"' in r.text and "Traceback" not in r.text
    error = html.unescape(r.text.split('class="error"')[1].split("</p>")[0])
    assert FILE in error and str(repo) not in error  # the file as the repository names it
    assert snapshot(repo) == before


@pytest.mark.parametrize("name", ["../../programs/x.yaml", "..", "/etc/passwd", "%2e%2e%2fx.yaml", "x.txt", ""])
def test_the_file_name_is_never_a_path(client, repo, tmp_path, name):
    before = snapshot(tmp_path)
    r = client.post("/publish", opened_form(client) | {"name": name})
    assert r.status == 422 and cap(sv("web.bad_file_name", name=name)) in r.words
    assert snapshot(tmp_path) == before


def test_a_decision_file_that_is_a_link_out_of_the_repository_is_refused(client, repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    path = repo / FILE
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    before = outside.read_bytes()
    r = client.post("/publish", {"csrf": client.csrf(), "program": PROGRAM_ID, "version": VERSION,
                                 "name": path.name, "text": "x", "opened": publish.digest(before.decode())})
    assert r.status == 422 and cap(sv("web.outside", folder=f"amendments/{PROGRAM_ID}")) in r.words
    assert outside.read_bytes() == before


@needs_git
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_commit_git_refuses_is_said_with_gits_reason_and_the_file_still_saved(client, repo, lang):
    git_repository(repo)
    (repo / ".git" / "index.lock").write_text("", encoding="utf-8")  # another git at work
    form = opened_form(client, lang=lang)
    r = client.post("/publish", form | {"text": form["text"].replace("§ 170", "§ 171")})
    assert r.status == 422
    said = cap(msg("web.git.failed", reason="X").render(lang).split("X")[0])
    assert said in r.words and "index.lock" in r.words.split(said)[1]
    assert load_patch(repo / FILE).decision.paragraph == "§ 171"  # saved; only the commit failed
