"""Review 9 #13: in place, a title-page line that says the document is a proposal ("Förslag till
beslut") other than the status, decision and date lines amend updates is left as it is — and
the run now says so, in Swedish and English, as it does for a header or footer."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

AMEND = str(Path(sys.executable).with_name("amend"))
HERE = Path(__file__).parent / "fixtures" / "title9"


def _run(tmp_path: Path, lang: str) -> tuple[str, Path]:
    for name in ("tp.docx", "tp.yaml", "p.yaml"):
        shutil.copy(HERE / name, tmp_path / name)
    out = tmp_path / f"out-{lang}"
    done = subprocess.run([AMEND, "--lang", lang, "apply", "tp.yaml", "p.yaml", "-o", str(out)], cwd=tmp_path,
                          capture_output=True, text=True, env={"SOURCE_DATE_EPOCH": "1767225600", "PATH": ""})
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr, out


@pytest.mark.parametrize("lang, said", [
    ("en", "the title page of tp.docx says ”Förslag till beslut”: amend updates its status, decision and date "
           "lines, not its other text; change it in Word before publishing if it no longer holds"),
    ("sv", "titelsidan i tp.docx säger ”Förslag till beslut”: amend uppdaterar dess rader för status, beslut och "
           "datum, inte dess övriga text; ändra det i Word före publicering om det inte längre stämmer"),
])
def test_a_proposal_line_left_on_the_title_page_is_said(tmp_path, lang, said):
    text, out = _run(tmp_path, lang)
    assert said in text
    with zipfile.ZipFile(out / "tp.adopted.docx") as z:
        body = z.read("word/document.xml").decode()
    assert "Förslag till beslut" in body  # left as it was: the run says so, it changes nothing by guess
    assert "Status: Antagen" in body or "Antagen" in body


def test_the_updated_status_line_itself_is_not_said(tmp_path):
    text, _ = _run(tmp_path, "en")
    assert text.count("the title page of") == 1
