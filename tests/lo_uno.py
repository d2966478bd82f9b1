"""Open DOCX files in LibreOffice over UNO and dump what a reader sees.

Run by the system Python that has python3-uno (/usr/bin/python3), not the
venv:  /usr/bin/python3 tests/lo_uno.py JOBS.json OUT.json

JOBS.json is a list of [path, mode], mode "" (as saved), "accept" (Accept All
tracked changes) or "reject" (Reject All); "accept+relayout" / "reject+relayout" then
lay the whole document out anew, as on opening it (LibreOffice re-lays out only what an
edit touches, and does not always move a table back to the page it left). All documents go through ONE
soffice process with a private profile (seeded by amend.lo_profile). OUT.json is a list, per job, of
{"pages": N, "paragraphs": [{"text", "style", "label", "break", "page", "cell"}]}
or {"error": "..."}: every paragraph of the body in order (table cells too,
row by row), its paragraph style, its list label as LibreOffice numbers it
("4.", "•"), whether a page break comes before it, and the page it is on.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # amend's lo_profile: standard library only
from amend.lo_profile import seed  # noqa: E402

BREAKS_BEFORE = ("PAGE_BEFORE", "PAGE_BOTH")  # com.sun.star.style.BreakType


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start(profile: str, pipe: str):
    seed(Path(profile))  # recorded as started before: no graphics self-tests at this start
    proc = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("LibreOffice did not start") from None
            time.sleep(0.3)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    return proc, desktop, dispatcher


def dump(doc) -> dict:
    view = doc.getCurrentController().getViewCursor()
    paragraphs: list = []

    def walk(text, cell: bool) -> None:
        enum = text.createEnumeration()
        while enum.hasMoreElements():
            el = enum.nextElement()
            if el.supportsService("com.sun.star.text.TextTable"):
                for name in el.getCellNames():
                    walk(el.getCellByName(name).getText(), True)
                continue
            view.gotoRange(el.getStart(), False)
            paragraphs.append({
                "text": el.getString(),
                "style": el.ParaStyleName,
                "label": el.ListLabelString,
                "break": el.BreakType.value in BREAKS_BEFORE or bool(el.PageDescName),
                "page": view.getPage(),
                "cell": cell,
            })

    walk(doc.getText(), False)
    view.jumpToLastPage()
    return {"pages": view.getPage(), "paragraphs": paragraphs}


def relayout(doc) -> None:
    """The whole document laid out anew: each page style's left margin changed by 0.01 mm and back
    (the layout of every page is then made from the start, as when the file is opened)."""
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        margin = style.LeftMargin
        style.LeftMargin = margin + 1
        doc.getCurrentController().getViewCursor().jumpToLastPage()  # laid out with the change
        style.LeftMargin = margin


def run(jobs) -> list:
    profile = tempfile.mkdtemp(prefix="lo-uno-")
    proc, desktop, dispatcher = start(profile, f"amend-uno-{os.getpid()}")
    out = []
    try:
        for path, mode in jobs:
            try:
                url = uno.systemPathToFileUrl(os.path.abspath(path))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", False)))
            except Exception as exc:  # noqa: BLE001 - reported per document
                out.append({"error": f"cannot open: {exc}"})
                continue
            try:
                if mode:
                    what, _, then = mode.partition("+")
                    command = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}[what]
                    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                    left = doc.getRedlines().createEnumeration().hasMoreElements()
                    if left:
                        out.append({"error": f"tracked changes left after {mode}"})
                        continue
                    if then == "relayout":
                        relayout(doc)
                out.append(dump(doc))
            finally:
                doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the process is killed below anyway
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        jobs = json.load(fh)
    result = run(jobs)
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False)
