"""The workbench's import of a proposal (issue 15, flow 2) through a real server: upload, read page by page
beside the report, correct, save as a program under programs/ — what `amend import` writes."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from import_docs import WORD_STYLE_PROGRAM, word_style_docx
from webbench import PROGRAM_ID, Client, at_once, cap, snapshot, sv
from webupload import upload

from amend.load import load_program
from amend.messages import msg
from amend.messages import render as msg_render
from amend.web import importing

NAME = "Trygghetsplan 2026.docx"


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("doc") / "plan.docx"
    word_style_docx(path, with_extras=True)
    return path.read_bytes()


def send(client, data, name=NAME, lang="sv", **fields):
    files = {"document": (name, data)} if data is not None else {}
    files.update(fields.pop("files", {}))
    return upload(client, "/import", {"csrf": client.csrf(), "lang": lang, **fields}, files)


def imported(client, data, **fields):
    """Upload and follow the redirect: (the draft's key, its first page)."""
    r = send(client, data, **fields)
    assert r.status == 303, r.words
    key = re.search(r"key=([^&]+)", r.headers["Location"]).group(1)
    return key, client.get(r.headers["Location"])


def post_draft(client, key, page=1, **fields):
    return client.post("/import/draft", {"csrf": client.csrf(), "key": key, "page": str(page), **fields})


def test_a_docx_is_imported_shown_by_page_beside_its_report_and_saved_as_amend_import_writes_it(
        client, repo, docx_bytes, amend, tmp_path):
    key, first = imported(client, docx_bytes, id="trygghetsplan")
    assert first.status == 200
    words = first.words
    assert sv("web.page.of", page=2, count=5) in words  # the title page holds nothing: page 2 first
    assert 'value="Inledning"' in first.text and WORD_STYLE_PROGRAM.sections[0].blocks[0].text in words
    assert "inte importerat: 1 textruta (sidan 2 ”Rutan säger något.”)" in words  # the importer's report, in Swedish
    assert sv("web.import.draft", title="Trygghetsplan 2026", name=NAME) in words
    page4 = client.get(f"/import/draft?key={key}&page=4&lang=en")
    assert 'value="Ansvar"' in page4.text and page4.text.count('<div class="column">') == 3
    assert "not imported: 1 text box (page 2 'Rutan säger något.')" in page4.words
    before = snapshot(repo)
    r = post_draft(client, key, action="save", id="trygghetsplan", title="Trygghetsplan 2026")
    assert r.status == 200, r.words
    files = ["programs/trygghetsplan.yaml", "programs/trygghetsplan.docx"]
    assert sv("web.import.saved", files=files) in r.words
    saved = load_program(repo / "programs" / "trygghetsplan.yaml")
    assert replace(saved, source_file=None) == WORD_STYLE_PROGRAM
    assert (repo / "programs" / "trygghetsplan.docx").read_bytes() == docx_bytes  # the council's file beside it
    assert saved.source_file.file == "trygghetsplan.docx" and saved.source_file.places
    # the same as `amend import` of that file, byte for byte once the file names agree
    (tmp_path / "trygghetsplan.docx").write_bytes(docx_bytes)
    assert amend("import", tmp_path / "trygghetsplan.docx", "-o", tmp_path / "cli.yaml",
                 "--id", "trygghetsplan").code == 0
    assert (repo / "programs" / "trygghetsplan.yaml").read_bytes() == (tmp_path / "cli.yaml").read_bytes()
    assert set(snapshot(repo)) - set(before) == {"programs/trygghetsplan.yaml", "programs/trygghetsplan.docx"}
    assert "Trygghetsplan 2026" in client.get("/").words  # in the register


def test_corrections_of_a_heading_and_a_block_page_are_saved(client, repo, docx_bytes):
    key, _ = imported(client, docx_bytes, id="plan")
    # section 1 is "Mål" (level 2, page 3); its fourth block (a list) to page 4, the heading to level 1
    r = post_draft(client, key, page=3, action="correct", **{"h1.text": "Mål för arbetet", "h1.level": "1",
                                                              "b1.3.page": "4"})
    assert r.status == 200 and sv("web.import.corrected") in r.words
    assert sv("web.import.places_dropped") in r.words  # the Word file no longer holds that heading
    r = post_draft(client, key, page=3, action="save", id="plan", title="Trygghetsplan 2026")
    assert r.status == 200, r.words
    program = load_program(repo / "programs" / "plan.yaml")
    goals = program.sections[1]
    assert (goals.heading, goals.level, goals.page) == ("Mål för arbetet", 1, 3)
    assert [b.page for b in goals.blocks] == [None, None, None, 4]
    assert program.source_file.places is None and not (repo / "programs" / "plan.docx").exists()
    unchanged = [replace(s, heading="Mål", level=2, blocks=WORD_STYLE_PROGRAM.sections[1].blocks) if n == 1 else s
                 for n, s in enumerate(program.sections)]
    assert tuple(unchanged) == WORD_STYLE_PROGRAM.sections


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fields,field,key,args", [
    ({"h1.page": "1"}, "h1.page", "web.import.page_back", {"page": 1, "last": 2}),
    ({"b1.1.page": "x"}, "b1.1.page", "web.import.bad_number", {"value": "x", "most": 10000}),
    ({"h1.level": "7"}, "h1.level", "web.import.bad_number", {"value": "7", "most": 6}),
    ({"h1.text": "  "}, "h1.text", "web.import.empty_heading", {}),
])
def test_a_correction_that_cannot_stand_is_named_next_to_its_field_and_nothing_changes(
        client, repo, docx_bytes, lang, fields, field, key, args):
    draft, _ = imported(client, docx_bytes, id="plan")
    r = post_draft(client, draft, page=3, action="save", lang=lang, id="plan", **fields)
    assert r.status == 422
    said = msg(key, **args).render(lang)
    assert f'<span class="error field-error" role="alert" id="err-{field}">{said}</span>' in html.unescape(r.text)
    typed = next(iter(fields.values()))
    if field != "h1.level":  # a level is chosen from 1–6: a 7 can only come from a forged form
        assert f'name="{field}" value="{typed}"' in r.text  # what was typed stays in its field
    assert not (repo / "programs" / "plan.yaml").exists()
    assert 'value="Mål"' in client.get(f"/import/draft?key={draft}&page=3").text  # the draft as it was


def test_an_existing_program_is_never_written_over_without_saying_so(client, repo, docx_bytes):
    key, _ = imported(client, docx_bytes, id="plan")
    target = repo / "programs" / "plan.yaml"
    target.write_text("# a program someone wrote\n", encoding="utf-8")
    r = post_draft(client, key, action="save", id="plan")
    assert r.status == 422 and cap(sv("web.import.exists", file="programs/plan.yaml")) in r.words
    assert target.read_text(encoding="utf-8") == "# a program someone wrote\n"
    r = post_draft(client, key, action="save", id="plan", overwrite="1", lang="en")
    assert r.status == 200
    assert msg("web.import.replaced", files=["programs/plan.yaml", "programs/plan.docx"],
               replaced=["programs/plan.yaml"]).render("en") in r.words
    assert load_program(target).meta.id == "plan"


def test_an_id_another_program_file_holds_is_refused(client, repo, docx_bytes):
    key, _ = imported(client, docx_bytes, id="plan")
    r = post_draft(client, key, action="save", id="valdsforebyggande-2025-2027")
    # programs/valdsforebyggande-2025-2027.yaml holds it: saving would replace the example, so it needs the box
    assert r.status == 422 and "programs/valdsforebyggande-2025-2027.yaml" in r.words, re.findall(r"error[^>]*>([^<]*)", r.text)
    (repo / "programs" / "copy.yaml").write_bytes((repo / "programs" / "valdsforebyggande-2025-2027.yaml")
                                                  .read_bytes().replace(b"valdsforebyggande-2025-2027", b"kopia", 1))
    r = post_draft(client, key, action="save", id="kopia")
    assert r.status == 422
    assert cap(sv("web.import.id_taken", id="kopia", file="programs/copy.yaml")) in r.words


@pytest.mark.parametrize("bad", ["../x", "/etc/x", "Plan", ".hidden", "a/b", "%2e%2e%2fx", ""])
def test_a_program_id_is_never_a_path(bench, client, repo, tmp_path, docx_bytes, bad):
    key, _ = imported(client, docx_bytes, id="plan")
    bench.app.store.flush()  # the draft kept on disk (its own name, not the id) before looking
    before = snapshot(tmp_path)
    r = post_draft(client, key, action="save", id=bad)
    assert r.status == 422 and cap(sv("web.import.bad_id", id=bad)) in r.words
    bench.app.store.flush()
    assert snapshot(tmp_path) == before
    if bad:
        r = send(client, docx_bytes, id=bad)
        assert r.status == 422 and cap(sv("web.import.bad_id", id=bad)) in r.words
        assert field_of_error(r) == "id"


def test_a_pdf_is_imported_by_its_content_whatever_its_name(client, repo):
    from conftest import ROOT

    pdf = (ROOT / "tests" / "fixtures" / "documents" / "sv-olofstrom-handlingsplan-klimat-energi.pdf").read_bytes()
    key, page = imported(client, pdf, name="handlingsplan.docx", id="klimat")
    assert page.status == 200 and "importerat från handlingsplan.docx" in page.words
    r = post_draft(client, key, action="save", id="klimat")
    assert r.status == 200, r.words
    saved = load_program(repo / "programs" / "klimat.yaml")
    assert saved.source_file.file == "handlingsplan.docx" and saved.source_file.places is None
    assert not (repo / "programs" / "klimat.docx").exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_file_that_is_neither_docx_nor_pdf_is_refused_by_its_content(client, repo, lang):
    before = snapshot(repo)
    r = send(client, b"Detta \xe4r ingen Word-fil.\n", name="plan.docx", lang=lang, id="plan")
    assert r.status == 422
    assert "plan.docx: " + msg("web.upload.wrong_kind").render(lang) in r.words
    assert field_of_error(r) == "document"
    r = send(client, None, lang=lang, id="plan")
    assert r.status == 422 and cap(msg("web.upload.missing").render(lang)) in r.words
    assert field_of_error(r) == "document"
    assert snapshot(repo) == before


def test_the_importers_zip_bomb_guard_names_the_file_sent_never_a_temporary_path(client, repo, tmp_path):
    from test_import import _zip_bomb

    bomb = tmp_path / "bomb.docx"
    _zip_bomb(bomb)
    r = send(client, bomb.read_bytes(), name="bomb.docx", id="plan")
    assert r.status == 422
    assert "bomb.docx: " in r.words and "2861 MB" in r.words
    assert "amend-upload" not in r.text and "/tmp" not in r.words.split("Arkiv:")[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pages_from_must_be_a_pdf(client, docx_bytes, lang):
    r = send(client, docx_bytes, lang=lang, id="plan", files={"pages": ("sidor.pdf", docx_bytes)})
    assert r.status == 422
    assert "sidor.pdf: " + msg("web.upload.pages_not_pdf").render(lang) in r.words
    assert field_of_error(r) == "pages"  # beside the field of the circulated PDF, not the proposal's


def field_of_error(r):
    """The field of the upload form the error stands under (the input just before it, marked invalid)."""
    found = re.findall(r'<input[^>]* id="(\w+)"[^>]*aria-invalid="true"[^>]*>\s*<p class="error"', r.text)
    assert len(found) == 1 and r.text.count('class="error"') == 1, found
    return found[0]


@pytest.mark.libreoffice
def test_the_pages_of_the_circulated_pdf_are_taken_as_amend_import_pages_from_takes_them(client, repo, docx_bytes,
                                                                                         tmp_path, amend):
    from amend.importers.soffice import to_pdf

    source = tmp_path / "plan.docx"
    source.write_bytes(docx_bytes)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(to_pdf(source))
    key, page = imported(client, docx_bytes, id="plan", files={"pages": ("utskick.pdf", pdf.read_bytes())})
    assert sv("importers.note.pages_from", name="utskick.pdf") in page.words
    assert post_draft(client, key, action="save", id="plan").status == 200
    (tmp_path / "plan.docx").rename(tmp_path / "plan2.docx")
    assert amend("import", tmp_path / "plan2.docx", "--pages-from", pdf, "-o", tmp_path / "cli.yaml",
                 "--id", "plan").code == 0
    web = load_program(repo / "programs" / "plan.yaml")
    assert replace(web, source_file=None) == replace(load_program(tmp_path / "cli.yaml"), source_file=None)


def test_an_import_that_is_no_longer_kept_says_so(client):
    r = client.get("/import/draft?key=nothing&page=1")
    assert r.status == 404 and sv("web.import.gone") in r.words
    r = post_draft(client, "nothing", action="save", id="plan", lang="en")
    assert r.status == 404 and msg("web.import.gone").render("en") in r.words


def test_a_programs_folder_that_leads_outside_the_repository_is_refused(client, repo, tmp_path, docx_bytes):
    key, _ = imported(client, docx_bytes, id="plan")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.yaml").write_text("# outside the repository\n", encoding="utf-8")
    (repo / "programs" / "plan.yaml").symlink_to(elsewhere / "plan.yaml")
    r = post_draft(client, key, action="save", id="plan", overwrite="1")
    assert r.status == 422 and cap(sv("web.outside", folder="programs")) in r.words
    assert [p.name for p in elsewhere.iterdir()] == ["plan.yaml"]
    assert (elsewhere / "plan.yaml").read_text(encoding="utf-8") == "# outside the repository\n"
    (repo / "programs" / "plan.yaml").unlink()
    (repo / "programs").rename(repo / "programs-real")
    (repo / "programs").symlink_to(elsewhere)
    r = post_draft(client, key, action="save", id="plan", overwrite="1")
    assert r.status == 422 and cap(sv("web.outside", folder="programs")) in r.words
    assert [p.name for p in elsewhere.iterdir()] == ["plan.yaml"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_refusals_of_saving_are_worded_in_both_languages(client, repo, docx_bytes, lang):
    key, _ = imported(client, docx_bytes, id="plan")
    r = post_draft(client, key, action="save", id="Plan!", lang=lang)
    assert r.status == 422 and cap(msg("web.import.bad_id", id="Plan!").render(lang)) in r.words
    (repo / "programs" / "plan.yaml").write_text("# someone's\n", encoding="utf-8")
    r = post_draft(client, key, action="save", id="plan", lang=lang)
    assert r.status == 422 and cap(msg("web.import.exists", file="programs/plan.yaml").render(lang)) in r.words
    (repo / "programs" / "plan.yaml").unlink()
    (repo / "programs" / "copy.yaml").write_bytes((repo / "programs" / "valdsforebyggande-2025-2027.yaml")
                                                  .read_bytes().replace(b"valdsforebyggande-2025-2027", b"kopia", 1))
    r = post_draft(client, key, action="save", id="kopia", lang=lang)
    assert cap(msg("web.import.id_taken", id="kopia", file="programs/copy.yaml").render(lang)) in r.words
    r = post_draft(client, key, page=3, action="correct", lang=lang, **{"h1.text": "Målen"})
    assert msg("web.import.places_dropped").render(lang) in r.words
    r = post_draft(client, key, action="save", id="plan", lang=lang)
    assert msg("web.import.saved", files=["programs/plan.yaml"]).render(lang) in r.words


def test_two_browsers_saving_one_program_at_once_one_wins_the_other_is_told(bench, repo, docx_bytes):

    clients = [Client(bench.url.split("/?")[0]) for _ in range(2)]
    keys = []
    for c in clients:
        c.enter()
        keys.append(imported(c, docx_bytes, id="plan", title=f"Plan {len(keys)}")[0])
    replies, winner = at_once(lambda n: post_draft(clients[n], keys[n], action="save", id="plan", title=f"Plan {n}"))
    assert sorted(r.status for r in replies) == [200, 422]
    assert cap(sv("web.import.exists", file="programs/plan.yaml")) in replies[1 - winner].words
    assert load_program(repo / "programs" / "plan.yaml").meta.title == f"Plan {winner}"
    # the other's draft is still there, to save under another id: nothing is lost
    assert post_draft(clients[1 - winner], keys[1 - winner], action="save", id="plan-2").status == 200


def test_drafts_are_kept_within_a_count_and_a_size(monkeypatch):
    from amend.web.importing import Draft, Drafts

    monkeypatch.setattr(importing, "MAX_DRAFT_BYTES", 25)
    drafts = Drafts()
    made = [drafts.put(Draft(str(n), WORD_STYLE_PROGRAM, (), b"x" * 10, "docx", "x.docx")) for n in range(4)]
    assert [drafts.get(d.key) is not None for d in made] == [False, False, True, True]
    big = drafts.put(Draft("big", WORD_STYLE_PROGRAM, (), b"x" * 100, "docx", "x.docx"))
    assert drafts.get(big.key) is big  # the newest is kept whatever its size
    monkeypatch.setattr(importing, "MAX_DRAFT_BYTES", 10**9)
    for n in range(importing.MAX_DRAFTS + 3):
        drafts.put(Draft(f"n{n}", WORD_STYLE_PROGRAM, (), b"", "docx", "x.docx"))
    assert drafts.get("n0") is None and drafts.get(f"n{importing.MAX_DRAFTS + 2}") is not None


def test_the_decisions_of_the_repository_apply_as_amend_check_finds_them(repo):
    from amend.web.importing import recheck

    assert recheck(repo, PROGRAM_ID) == (3, [])  # nothing written over yet: every decision applies


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_writing_over_a_program_checks_again_the_decisions_built_on_it(client, repo, docx_bytes, lang):
    from amend.check import check_repo

    key, _ = imported(client, docx_bytes, id=PROGRAM_ID)
    r = post_draft(client, key, action="save", id=PROGRAM_ID, overwrite="1", lang=lang)
    assert r.status == 200
    failing = [p for p in check_repo(repo).patches if p.program == PROGRAM_ID and not p.ok]
    assert len(failing) == 3  # the new text holds none of the places the decisions amend
    box = html.unescape(r.text.split('class="error rechecked"')[1].split("</div>")[0])
    assert msg("web.import.recheck_bad", bad=3, n=3).render(lang) in r.words
    assert str(repo) not in box and str(repo.resolve()) not in box  # the server's own folders are not shown

    def in_repo(m):  # the check's words with the repository's files named as in it
        return msg_render(m, lang).replace(f"{repo}/", "")

    for report in failing:
        assert str(Path(report.file).relative_to(repo)) in box
        for a in report.amendments:
            if a.status not in ("ok", "not_checked"):
                assert f"<strong>{a.label}</strong>: {in_repo(a.message)}" in box
        for p in report.problems:
            assert in_repo(p.message) in box
    # the decision built on one that no longer applies names that one as the repository does
    assert f"amendments/{PROGRAM_ID}/2025-10-22-ksau-170.yaml" in box.split("2025-11-24-kf-12.yaml")[1]


def test_a_program_no_decision_builds_on_is_written_over_without_a_check_to_show(client, repo, docx_bytes):
    key, _ = imported(client, docx_bytes, id="plan")
    assert post_draft(client, key, action="save", id="plan").status == 200
    r = post_draft(client, key, action="save", id="plan", overwrite="1")
    assert r.status == 200 and "rechecked" not in r.text
