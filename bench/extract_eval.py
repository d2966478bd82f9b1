"""Score `amend extract` on a folder of labelled §§ of real minutes.

    python bench/extract_eval.py DIR [-v]

DIR holds one folder per § (minutes.txt, labels.yaml, and program*.yaml with
expected-patch*.yaml where an adopted amendment applies), as in
tests/fixtures/minutes/. Prints, per kind of instruction, how many were
written into the patch, right, wrong, reported once, reported more than once,
or passed over in silence; then the lines printed for negatives and for text
that is no instruction. -v lists every instruction and line.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amend.extract.evaluate import evaluate, format_score  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    print(format_score(evaluate(Path(args[0])), verbose="-v" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
