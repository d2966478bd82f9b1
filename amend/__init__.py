"""amend: apply a council's amendments to a structured program, exactly.

Data flows one way: load (YAML → model) → resolve anchors → apply → render.
"""

__version__ = "0.1.0"
