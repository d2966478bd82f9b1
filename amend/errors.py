"""One exception hierarchy, with messages written for the secretary.

Every error knows, where it can, the file and line it is about and the
amendment it concerns, and prints as `file:line: amendment: what is wrong`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from amend.messages import Msg, language, render

Text = str | Msg  # a message: a catalogue Msg (see amend.messages), or a plain string while areas convert


class AmendError(Exception):
    """Anything amend refuses to do; the CLI prints it and exits 1."""

    def __init__(self, message: Text, *, source: object = None, amendment: Text | None = None,
                 amendment_id: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source  # a model.Source, or a plain path string
        self.amendment = amendment  # label for people: "Tillägg 1 (tillagg-1)"
        self.amendment_id = amendment_id

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        who = f"{render(self.amendment)}: " if self.amendment else ""
        return f"{where}{who}{render(self.message)}"

    def render(self, lang: str) -> str:
        """The whole message in `lang` ("sv" or "en")."""
        with language(lang):
            return str(self)

    def each(self) -> list[AmendError]:
        """The errors this one stands for, the inverse of AmendErrors.of: itself alone."""
        return [self]


class SchemaError(AmendError):
    """A program or patch file is not valid YAML or does not follow its schema."""


class ScopeError(AmendError):
    """The scope names a page, heading, column, row, paragraph, item or sentence that is not there."""


class AnchorNotFound(AmendError):
    """The quoted text is not in the scope (it may be elsewhere: the message says where).

    `candidates` holds the closest passages in scope as (text, similarity, where).
    """

    def __init__(self, message: Text, *, candidates: Sequence[Any] = (), **kw: Any):
        super().__init__(message, **kw)
        self.candidates = list(candidates)


class OutOfScope(AnchorNotFound):
    """The quoted text is in the program, but not where the scope says; `found` says where."""

    def __init__(self, message: Text, *, found: Sequence[str] = (), **kw: Any):
        super().__init__(message, **kw)
        self.found = list(found)


class AmbiguousAnchor(AmendError):
    """The quoted text or the scope matches more than one place."""


class Conflict(AmendError):
    """Two amendments change overlapping text; `other` is the second one's id."""

    def __init__(self, message: Text, *, other: str | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.other = other


class VersionMismatch(AmendError):
    """A patch is for another program or another version of it."""


class UnreadableDocument(AmendError):
    """A DOCX or PDF to import cannot be read, or holds nothing to import."""


class OutputError(AmendError):
    """An output could not be written (or would overwrite an input)."""


class AmendErrors(AmendError):
    """Several errors found in one pass, reported together."""

    def __init__(self, errors: list[AmendError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def each(self) -> list[AmendError]:
        return list(self.errors)

    @staticmethod
    def of(errors: Sequence[AmendError]) -> AmendError:
        """The errors of one pass as one to raise: a single error as itself, several together."""
        return errors[0] if len(errors) == 1 else AmendErrors(list(errors))


class FuzzyWarning:
    """Not an error: an anchor applied on a fuzzy match because the user allowed it."""

    def __init__(self, message: Text, *, source: object = None, amendment: Text | None = None,
                 amendment_id: str | None = None, similarity: float = 0.0, where: str = ""):
        self.message, self.source, self.amendment = message, source, amendment
        self.amendment_id, self.similarity, self.where = amendment_id, similarity, where

    def __str__(self) -> str:
        return str(AmendError(self.message, source=self.source, amendment=self.amendment))


class HistoryError(AmendError):
    """A question about a program's versions in time cannot be answered as asked."""
