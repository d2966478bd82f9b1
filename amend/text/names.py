"""An id from a name a person gave a file: the program id when `amend import` takes it from
the output file's name ("Förslag Trygghetsplan_2026.yaml" → "forslag-trygghetsplan_2026")."""
from __future__ import annotations

import re
import unicodedata


def file_id(name: str) -> str:
    """Lower case, letters without their accents, other runs of characters as one "-" (the id's
    own ".", "_" and "-" kept); "" when nothing of the name is left."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9._-]+", "-", ascii_).strip("-._")
