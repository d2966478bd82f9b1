"""`amend show` and `amend site` write a version's DOCX as `amend apply` of the same chain writes it
(review 6, finding 16): for a program imported from the council's Word file, that very file with the
amendments made, byte for byte, and the adopted YAML's `source:` that apply writes (the adopted DOCX,
its size, hash and places, not the proposal's). Where apply would refuse to write into the Word file,
show and site still show the version, in amend's own layout exactly as `apply --docx-style default`
writes it, and say so and why. Fixture: tests/fixtures/inplace/trygghetsplan.docx, as in
tests/test_source_docx.py.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from test_source_docx import HEADERS, NEXT_PATCH, PLAN, PLAN_PATCH

CHAIN = {"adopted": ["kf.yaml"], "rev-2026": ["kf.yaml", "ks.yaml"]}


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def _repository(amend, tmp_path: Path, source: Path = PLAN, pid: str = "trygghetsplan",
                patches: dict[str, str] | None = None) -> Path:
    """A repository with the Word file imported into programs/ and the decisions in amendments/."""
    root = tmp_path / "repo"
    (root / "programs").mkdir(parents=True)
    (root / "amendments" / pid).mkdir(parents=True)
    shutil.copy(source, root / "programs" / f"{pid}.docx")
    res = amend("import", root / "programs" / f"{pid}.docx", "-o", root / "programs" / f"{pid}.yaml", "--id", pid)
    assert res.code == 0, res.err
    for name, text in (patches or {"kf.yaml": PLAN_PATCH, "ks.yaml": NEXT_PATCH}).items():
        (root / "amendments" / pid / name).write_text(text, encoding="utf-8")
    return root


def _apply(amend, root: Path, names: list[str], out: Path, *extra: str, pid: str = "trygghetsplan") -> Path:
    res = amend("apply", root / "programs" / f"{pid}.yaml",
                *(root / "amendments" / pid / n for n in names), "-o", out, *extra)
    assert res.code == 0, res.err
    return out


def _show(amend, root: Path, spec: str, out: Path, lang: str = "en"):
    res = amend("--lang", lang, "show", spec, "--root", root, "-o", out)
    assert res.code == 0, res.err
    return res


def _source(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["source"]


@pytest.mark.parametrize("version", ["adopted", "rev-2026"])
def test_show_writes_the_docx_and_the_source_that_apply_writes(amend, tmp_path, version):
    root = _repository(amend, tmp_path)
    applied = _apply(amend, root, CHAIN[version], tmp_path / "apply")
    res = _show(amend, root, f"trygghetsplan@{version}", tmp_path / "show")
    stem = f"trygghetsplan.{version}"
    shown = (tmp_path / "show" / f"{stem}.docx").read_bytes()
    assert shown == (applied / f"{stem}.docx").read_bytes()
    assert "word/header1.xml" in __import__("zipfile").ZipFile(tmp_path / "show" / f"{stem}.docx").namelist()
    source = _source(tmp_path / "show" / f"{stem}.yaml")
    assert source == _source(applied / f"{stem}.yaml")
    assert source["file"] == f"{stem}.docx" and source["size"] == len(shown)  # the adopted file, not the proposal
    assert (tmp_path / "show" / f"{stem}.yaml").read_bytes() == (applied / f"{stem}.yaml").read_bytes()
    assert f"the Word file {root / 'programs' / 'trygghetsplan.docx'} with the amendments made" in res.err


def test_show_says_in_swedish_that_the_docx_is_the_word_file(amend, tmp_path):
    root = _repository(amend, tmp_path)
    res = _show(amend, root, "trygghetsplan@adopted", tmp_path / "show", "sv")
    assert (f"DOCX-filen för ”adopted” är Word-filen {root / 'programs' / 'trygghetsplan.docx'} med ändringarna "
            "gjorda, som amend apply skriver den") in res.err


@pytest.mark.parametrize("lang,said", [("en", "that the program was imported from, as it is"),
                                       ("sv", "som programmet importerades från, som den är")])
def test_the_programs_own_version_is_the_word_file_it_was_imported_from(amend, tmp_path, lang, said):
    root = _repository(amend, tmp_path)
    res = _show(amend, root, "trygghetsplan@proposed", tmp_path / "show", lang)
    assert said in res.err
    assert (tmp_path / "show" / "trygghetsplan.proposed.docx").read_bytes() == PLAN.read_bytes()
    imported = _source(root / "programs" / "trygghetsplan.yaml")
    assert _source(tmp_path / "show" / "trygghetsplan.proposed.yaml") == {**imported,
                                                                         "file": "trygghetsplan.proposed.docx"}
    assert amend("site", root, "-o", tmp_path / "site").code == 0
    assert (tmp_path / "site" / "trygghetsplan" / "trygghetsplan.proposed.docx").read_bytes() == PLAN.read_bytes()


def test_show_with_footnotes_writes_what_apply_with_footnotes_writes(amend, tmp_path):
    root = _repository(amend, tmp_path)
    applied = _apply(amend, root, CHAIN["adopted"], tmp_path / "apply", "--provenance", "footnotes")
    res = amend("show", "trygghetsplan@adopted", "--root", root, "-o", tmp_path / "show", "--provenance", "footnotes")
    assert res.code == 0, res.err
    assert (tmp_path / "show" / "trygghetsplan.adopted.docx").read_bytes() == \
        (applied / "trygghetsplan.adopted.docx").read_bytes()


def test_site_offers_the_docx_that_apply_writes(amend, tmp_path):
    root = _repository(amend, tmp_path)
    res = amend("site", root, "-o", tmp_path / "site")
    assert res.code == 0, res.err
    for version, names in CHAIN.items():
        stem = f"trygghetsplan.{version}.docx"
        applied = _apply(amend, root, names, tmp_path / f"apply-{version}")
        assert (tmp_path / "site" / "trygghetsplan" / stem).read_bytes() == (applied / stem).read_bytes()


def test_site_is_built_again_when_the_word_file_changes(amend, tmp_path):
    root = _repository(amend, tmp_path)
    assert amend("site", root, "-o", tmp_path / "site").code == 0
    with open(root / "programs" / "trygghetsplan.docx", "ab") as fh:
        fh.write(b"\0")
    res = amend("site", root, "-o", tmp_path / "site")
    assert res.code == 0 and "amend's own layout" in res.err, res.err


# ---------------------------------------------------------------- where apply refuses


def _missing(root: Path) -> None:
    (root / "programs" / "trygghetsplan.docx").unlink()


def _changed(root: Path) -> None:
    with open(root / "programs" / "trygghetsplan.docx", "ab") as fh:
        fh.write(b"\0")


REFUSED = [  # (break the repository, apply's reason in en, in sv)
    (_missing, "which is not there", "som inte finns"),
    (_changed, "is not the one the program was imported from", "är inte den som programmet importerades från"),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("spoil,en,sv", REFUSED)
def test_where_apply_refuses_show_writes_amends_own_layout_as_apply_default_and_says_why(
        amend, tmp_path, spoil, en, sv, lang):
    root = _repository(amend, tmp_path)
    plain = _apply(amend, root, CHAIN["rev-2026"], tmp_path / "plain", "--docx-style", "default")
    spoil(root)
    refused = amend("--lang", lang, "apply", root / "programs" / "trygghetsplan.yaml",
                    *(root / "amendments" / "trygghetsplan" / n for n in CHAIN["rev-2026"]), "-o", tmp_path / "x")
    assert refused.code == 1 and (en if lang == "en" else sv) in refused.err
    res = _show(amend, root, "trygghetsplan@rev-2026", tmp_path / "show", lang)
    stem = "trygghetsplan.rev-2026"
    assert (tmp_path / "show" / f"{stem}.docx").read_bytes() == (plain / f"{stem}.docx").read_bytes()
    assert _source(tmp_path / "show" / f"{stem}.yaml") == _source(plain / f"{stem}.yaml")
    assert "places" not in _source(tmp_path / "show" / f"{stem}.yaml")  # the proposal's places are not the text's
    word = root / "programs" / "trygghetsplan.docx"
    said = (f"the DOCX of 'rev-2026' is in amend's own layout, not in the Word file {word} as amend apply writes it, "
            "because " if lang == "en" else
            f"DOCX-filen för ”rev-2026” har amends egen layout och är inte Word-filen {word} så som amend apply "
            "skriver den, för ")
    assert said in res.err and (en if lang == "en" else sv) in res.err.split(said)[1]


def test_an_amendment_apply_cannot_place_in_the_word_file_is_shown_in_amends_own_layout(amend, tmp_path):
    patch = ("program: headers\nbase: proposed\nproduces: adopted\ndecision: {body: KF, date: '2025-01-01'}\n"
             "amendments:\n  - id: a1\n    delete_section: Header and footer test\n")
    root = _repository(amend, tmp_path, HEADERS, "headers", {"kf.yaml": patch})
    plain = _apply(amend, root, ["kf.yaml"], tmp_path / "plain", "--docx-style", "default", pid="headers")
    res = _show(amend, root, "headers@adopted", tmp_path / "show", "sv")
    assert "har amends egen layout" in res.err and "är ingen text i Word-filen" in res.err
    assert (tmp_path / "show" / "headers.adopted.docx").read_bytes() == (plain / "headers.adopted.docx").read_bytes()
    res = amend("--lang", "en", "site", root, "-o", tmp_path / "site")
    assert res.code == 0 and "is in amend's own layout" in res.err and "is not a text of the Word file" in res.err
    assert (tmp_path / "site" / "headers" / "headers.adopted.docx").read_bytes() == \
        (plain / "headers.adopted.docx").read_bytes()


def test_two_decisions_words_at_one_place_are_written_in_the_order_they_read(amend, tmp_path):
    """kf inserts "och räddningstjänsten" after "polisen", ks then "och länsstyrelsen" after that:
    both insertions stand at one place of the proposal's text, and the Word file must read as the
    adopted YAML (it read "polisen och länsstyrelsen och räddningstjänsten" once the redline came
    from the amendments' own edits)."""
    root = _repository(amend, tmp_path)
    out = _apply(amend, root, CHAIN["rev-2026"], tmp_path / "apply")
    adopted = yaml.safe_load((out / "trygghetsplan.rev-2026.yaml").read_text(encoding="utf-8"))
    want = "Planen bygger på den lokala lägesbilden och på samverkan med polisen och räddningstjänsten och länsstyrelsen."
    assert want in adopted["sections"][0]["content"]
    body = __import__("zipfile").ZipFile(out / "trygghetsplan.rev-2026.docx").read("word/document.xml").decode()
    import re

    paragraphs = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in body.split("</w:p>")]
    assert want in paragraphs
    assert _source(out / "trygghetsplan.rev-2026.yaml")["file"] == "trygghetsplan.rev-2026.docx"
