"""From the minutes to a patch and back.

`reader.extract` reads the amendments a body adopted out of protocol text and
resolves them against the program; `describe.describe_patch` writes a patch
as the wording for the minutes. Both speak through the phrase tables in
grammar_sv.yaml and grammar_en.yaml (compiled by grammar.py).
"""
