"""The title block as render/ uses it; it lives in the core (amend.layout) so
that the diff and the importers need not import from render/."""
from __future__ import annotations

from ..layout import LABELS, REDLINE_LABELS, decision_line, title_lines

__all__ = ["LABELS", "REDLINE_LABELS", "decision_line", "title_lines"]
