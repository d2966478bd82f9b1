"""A LibreOffice user profile that records an earlier start, for every soffice amend starts
(the import's page layout, `--pdf`, the tests' UNO runs).

LibreOffice runs its graphics self-tests (about 1.3 s of CPU, more than laying out 50 pages
takes) at every start until its profile records that this version has started in the GUI
(Setup/Product/ooSetupLastVersion), which a headless run never does; so the profile records a
version later than any release. Standard library only: tests/lo_uno.py runs it under the system
Python that has python3-uno.
"""
from __future__ import annotations

from pathlib import Path

STARTED = ('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" '
           'oor:op="fuse"><value>99.9</value></prop></item>')
REGISTRY = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '\n</oor:items>\n')


def seed(profile: Path) -> None:
    """Record in the profile folder (new or kept: the folder -env:UserInstallation names) that the
    version has started before; a profile that cannot be written or read as expected is left as
    it is (LibreOffice then just runs its self-tests)."""
    registry = profile / "user" / "registrymodifications.xcu"
    try:
        text = registry.read_text(encoding="utf-8") if registry.exists() else REGISTRY
        if "ooSetupLastVersion" in text or "</oor:items>" not in text:
            return
        registry.parent.mkdir(parents=True, exist_ok=True)
        registry.write_text(text.replace("</oor:items>", STARTED + "\n</oor:items>", 1), encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
