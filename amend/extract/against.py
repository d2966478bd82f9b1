"""The program the minutes are read against, indexed once: an amendment read from
the minutes is tried on it exactly as `amend apply` would resolve it."""
from __future__ import annotations

import re

from ..apply import check_versions, find_conflicts
from ..errors import AmendError, AmendErrors
from ..load import patch_from_data, validate
from ..messages import msg
from ..model import Patch, Program
from ..resolve import Hit, Index, Resolution, locate, resolve
from ..text import fold_anchor
from .findings import Extraction, Finding
from .grammar import Reading

_WORD = re.compile(r"\w+(?:-\w+)*")


class Against:
    """The program, indexed once, to try amendments on as `amend apply` would."""

    def __init__(self, program: Program, source: str):
        self.program, self.ix, self.source = program, Index(program), source
        self.words = {w.lower() for u in self.ix.units for w in _WORD.findall(fold_anchor(u.text))}
        self.longest = max(map(len, self.words), default=0) + 1  # with a hyphen

    def resolve(self, amendment: dict, line: int) -> Resolution:
        """Resolve one amendment (patch data) or raise the AmendError apply would."""
        return resolve(self.program, self._patch(amendment, line), index=self.ix)

    def locate(self, amendment: dict, line: int, every: bool = False) -> list[Hit]:
        """The place (`every`: every place) of the text a delete amendment (patch data) quotes,
        or the AmendError apply would raise."""
        return locate(self.ix, self._patch(amendment, line), every)

    def _patch(self, amendment: dict, line: int) -> Patch:
        data = {"program": self.program.meta.id, "base": self.program.meta.version, "produces": "check",
                "decision": {"body": "-", "date": "2000-01-01"}, "amendments": [{"id": "probe", **amendment}]}
        return load_checked(data, {("amendments", 0): (line, 1)}, self.source)

    def fits(self, reading: Reading, line: int) -> bool:
        if "range_from" in reading.operation:
            return True  # checked when the range is looked up
        try:
            self.resolve(reading.patch_data(), line)
        except AmendError:
            return False
        return True


def fits(data: dict, against: Against, line: int) -> bool:
    try:
        against.resolve(data, line)
    except AmendError:
        return False
    return True


def load_checked(data: dict, lines: dict, source: str) -> Patch:
    """Through the same schema check and loader as a patch file."""
    validate(data, lines, "patch", source)
    return patch_from_data(data, lines, source)


def resolve_all(result: Extraction, against: Against) -> None:
    """Resolve every amendment against the program, then look for conflicts,
    exactly as `amend apply` does before it changes anything."""
    patch, program = result.patch, against.program
    assert patch is not None  # made by extract before it resolves
    check_versions(program, patch)
    edits = []
    for am in patch.amendments:
        one = Patch(patch.program, patch.base, patch.produces, patch.decision, (am,), source=patch.source)
        try:
            edits += resolve(program, one, index=against.ix).edits
        except AmendError as exc:
            for err in exc.errors if isinstance(exc, AmendErrors) else [exc]:
                result.needs_human.append(Finding(am.source.line, msg("extract.does_not_apply", reason=err.message),
                                                  am.text or "", am.title or am.id))
    for conflict in find_conflicts(edits):
        line = getattr(conflict.source, "line", 0)  # a Conflict is always at an amendment's model.Source
        result.needs_human.append(Finding(line, conflict.message, "",
                                          conflict.amendment))
