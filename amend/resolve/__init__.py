"""Resolve each amendment of a patch to exact places in the base program.

Nothing is guessed: the scope narrows page → heading → column/row →
paragraph/item → sentence, and a quoted anchor must then match exactly once
inside it. When it does not, the error says what was found instead. All
amendments of a patch are resolved against the same base (their wording
refers to the pages of that version) before anything is applied.
"""
from __future__ import annotations

from .anchors import Hit, fuzzy_candidates, similarity
from .edits import Edit, Region, Resolution
from .index import Index, Span
from .operations import locate, named_sentence, resolve, resolve_all, scope_text

__all__ = ["Edit", "Hit", "Index", "Region", "Resolution", "Span", "fuzzy_candidates", "locate", "named_sentence",
           "resolve", "resolve_all", "scope_text", "similarity"]
