"""The workbench's drafts on disk (issue 15): a decision's cards and an import in progress survive a
restart of `amend serve`; what else lies in the drafts folder is skipped with a note, never read as a draft."""
from __future__ import annotations

import json
import logging
import re

import pytest
from import_docs import word_style_docx
from webbench import card_form, cards_of, copy_repository, entered, form_in, read_minutes, served, sv
from webupload import upload

from amend.messages import msg
from amend.web import store


def drafts_of(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "repository.txt")


def test_a_draft_and_its_cards_survive_a_restart(repo, tmp_path):
    folder = tmp_path / "state"
    with served(repo, folder) as first:
        client = entered(first)
        d, page = read_minutes(client)
        cards = cards_of(page)
        r = client.post("/draft/card", card_form(client, d, 0, page, title="Tillägg 1 (rättat)"))
        assert r.status == 200
        before = client.get(f"/draft?d={d}")
    assert f"decision-{d}.json" in drafts_of(folder)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"  # the minutes' text stays private
    with served(repo, folder) as second:
        again = entered(second).get(f"/draft?d={d}")
    assert again.status == 200
    assert cards_of(again) == [("ok", "Tillägg 1 (rättat) (tillagg-1)"), *cards[1:]]
    assert again.words == before.words


def _import(client, data):
    r = upload(client, "/import", {"csrf": client.csrf(), "id": "plan"}, {"document": ("Plan.docx", data)})
    return re.search(r"key=([^&]+)", r.headers["Location"]).group(1)


def _save_import(client, key):
    saved = client.post("/import/draft", {"csrf": client.csrf(), "key": key, "page": "2", "action": "save",
                                          "id": "plan", "title": ""})
    assert saved.status == 200, saved.words[:400]


def test_an_import_in_progress_survives_a_restart_and_saves_as_without_one(repo, tmp_path):
    folder = tmp_path / "state"
    path = tmp_path / "plan.docx"
    word_style_docx(path, with_extras=True)
    with served(repo, folder) as first:
        client = entered(first)
        key = _import(client, path.read_bytes())
        shown = client.get(f"/import/draft?key={key}&page=3")
    with served(repo, folder) as second:
        client = entered(second)
        assert client.get(f"/import/draft?key={key}&page=3").words == shown.words  # the report's words too
        _save_import(client, key)
    other = copy_repository(tmp_path / "other")
    with served(other, tmp_path / "other-state") as without:
        client = entered(without)
        _save_import(client, _import(client, path.read_bytes()))
    for name in ("plan.yaml", "plan.docx"):
        assert (repo / "programs" / name).read_bytes() == (other / "programs" / name).read_bytes()
    assert (repo / "programs" / "plan.docx").read_bytes() == path.read_bytes()


def test_files_that_are_not_drafts_are_skipped_with_a_note(repo, tmp_path, caplog):
    folder = tmp_path / "state"
    with served(repo, folder) as first:
        d, _ = read_minutes(entered(first))
    (folder / "decision-0123456789abcdef.json").write_text("{not json", "utf-8")
    (folder / "decision-aaaaaaaaaaaaaaaa.json").write_text(json.dumps({"format": 99}), "utf-8")
    (folder / "decision-bbbbbbbbbbbbbbbb.json").write_text(json.dumps({"format": 1, "program": 3}), "utf-8")
    (folder / "decision-cccccccccccccccc.json").symlink_to(folder / f"decision-{d}.json")
    (folder / "notes.txt").write_text("mine", "utf-8")
    with caplog.at_level(logging.WARNING, "amend.web"), served(repo, folder) as second:
        client = entered(second)
        assert client.get(f"/draft?d={d}").status == 200  # the good one is still there
        for bad in ("0123456789abcdef", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"):
            assert client.get(f"/draft?d={bad}").status == 404
    noted = caplog.text
    for name in ("0123456789abcdef", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc", "notes.txt"):
        assert name in noted
    assert str(msg("web.store.bad_format")) in noted and str(msg("web.store.not_a_draft")) in noted
    assert (folder / "notes.txt").read_text("utf-8") == "mine"  # skipped, never removed


def test_a_folder_of_another_repository_is_never_read(repo, tmp_path, caplog):
    folder = tmp_path / "state"
    with served(repo, folder) as first:
        d, _ = read_minutes(entered(first))
    (folder / "repository.txt").write_text("/somewhere/else\n", "utf-8")
    with caplog.at_level(logging.WARNING, "amend.web"), served(repo, folder) as second:
        assert entered(second).get(f"/draft?d={d}").status == 404
    assert str(msg("web.store.foreign", root=repo.resolve())) in caplog.text


def test_the_drafts_folder_is_the_users_state_folder_keyed_by_the_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    a, b = store.default_folder(tmp_path / "a"), store.default_folder(tmp_path / "b")
    assert a.parent == b.parent == tmp_path / "xdg" / "amend" / "drafts" and a != b
    assert store.default_folder(tmp_path / "x" / ".." / "a") == a  # the same repository by another path
    assert not a.is_relative_to(tmp_path / "a")  # never inside the repository


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_notes_are_worded_in_both_languages(lang):
    assert msg("web.store.skipped", file="f", why=msg("web.store.not_a_draft")).render(lang) == {
        "en": "skipped f among the drafts: not a draft file of the workbench",
        "sv": "hoppade över f bland utkasten: inte en utkastfil från arbetsbänken"}[lang]
    assert msg("web.store.bad_format").render(lang) == {
        "en": "not a draft this version of amend can read",
        "sv": "inte ett utkast som den här versionen av amend kan läsa"}[lang]
    assert "/r" in msg("web.store.foreign", root="/r").render(lang)


def test_amend_serve_keeps_its_drafts_in_the_users_state_folder(repo, tmp_path, monkeypatch):
    """The CLI's choice: store.default_folder of the repository (no test writes into the real home)."""
    from amend.web import cli

    class Chosen(Exception):
        pass

    def fake_serve(root, host, port, token, drafts, **rest):
        raise Chosen(drafts)

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cli, "serve", fake_serve)
    with pytest.raises(Chosen) as chosen:
        cli.run(str(repo), "127.0.0.1", 0, None, True)
    assert chosen.value.args[0] == store.default_folder(repo) and chosen.value.args[0].is_relative_to(tmp_path / "xdg")


# ---------------------------------------------------------------- two windows on one draft


def titles(client, d):
    return [label for _, label in cards_of(client.get(f"/draft?d={d}"))]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_save_from_an_older_view_of_a_card_is_refused_and_both_versions_shown(client, lang):
    d, page = read_minutes(client)
    first = card_form(client, d, 0, page, title="Från fönster A")
    second = card_form(client, d, 0, page, title="Från fönster B", lang=lang)  # opened before A saved
    assert client.post("/draft/card", first).status == 200
    refused = client.post("/draft/card", second)
    assert refused.status == 409
    assert msg("web.card.stale").render(lang) in refused.words
    table = refused.text.split('<table class="stale">')[1].split("</table>")[0]
    assert '<td class="mine">Från fönster B</td><td class="theirs">Från fönster A</td>' in table
    assert msg("web.card.title_field").render(lang) in table and msg("web.card.stale_mine").render(lang) in table
    choice = refused.text.split('<div class="buttons stale-choice">')[1].split("</div>")[0]  # both ways out, together
    assert f'form="form-0" name="do" value="save">{msg("web.card.stale_save").render(lang)}</button>' in choice
    assert msg("web.card.stale_keep").render(lang) in choice
    assert titles(client, d)[0].startswith("Från fönster A")  # nothing lost: A's card stands
    again = form_in(refused.text, client, d, 0)  # what B typed, now knowingly over A's
    assert again["title"] == "Från fönster B"
    assert client.post("/draft/card", again).status == 200
    assert titles(client, d)[0].startswith("Från fönster B")


def test_a_card_moved_by_another_window_is_saved_where_it_is_now(client):
    d, page = read_minutes(client)
    before = titles(client, d)
    stays = card_form(client, d, 1, page, title="Andra kortet, rättat")
    assert client.post("/draft/card", card_form(client, d, 0, page, do="delete")).status == 200
    assert client.post("/draft/card", stays).status == 200  # card 1 is card 0 now: still the one B saw
    now = titles(client, d)
    assert now[0].startswith("Andra kortet, rättat") and now[1:] == before[2:]


def test_a_card_removed_in_another_window_keeps_what_was_typed_to_add_again(client):
    d, page = read_minutes(client)
    n = len(titles(client, d))
    typed = card_form(client, d, n - 1, page, title="Sist, rättat")
    assert client.post("/draft/card", card_form(client, d, n - 1, page, do="delete")).status == 200
    refused = client.post("/draft/card", typed)
    assert refused.status == 409 and sv("web.card.stale_removed") in refused.words
    again = form_in(refused.text, client, d, "new")
    assert again["title"] == "Sist, rättat"
    assert client.post("/draft/card", again).status == 200
    assert len(titles(client, d)) == n and titles(client, d)[-1].startswith("Sist, rättat")


def test_a_place_picked_in_an_older_view_is_refused(client, repo):
    d, page = read_minutes(client)
    changed = card_form(client, d, 0, page, title="Ändrat i fönster A")
    old_was = changed["was"]
    assert client.post("/draft/card", changed).status == 200
    r = client.post("/draft/pick", {"csrf": client.csrf(), "d": d, "n": "0", "was": old_was,
                                    "unit": "0", "start": "0", "end": "3"})
    assert r.status == 409 and sv("web.card.stale") in r.words
    assert titles(client, d)[0].startswith("Ändrat i fönster A")
