"""How long `amend extract` and `amend describe` take.

    python bench/extract.py [N]

Times the Alingsås minutes (the real case: two amendments), then minutes with N
amendments (default 300) written by describe from a patch whose anchors are
taken from the real program, read back by extract and resolved against it.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amend.extract.describe import describe_patch  # noqa: E402
from amend.extract.reader import extract  # noqa: E402
from amend.load import load_program, patch_from_data  # noqa: E402
from amend.resolve import Index  # noqa: E402

PROGRAM = load_program(ROOT / "programs" / "valdsforebyggande-2025-2027.yaml")
DECISION = {"body": "Kommunstyrelsen", "date": "2025-11-05"}


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def big_patch(n: int):
    """n amendments, each replacing a distinct 2-word window of some paragraph, scoped by page."""
    units = Index(PROGRAM).units
    amendments, used = [], set()
    for u in units:
        words = u.text.split()
        for k in range(0, len(words) - 1, 2):
            anchor = " ".join(words[k:k + 2])
            if (u.page, anchor) in used or sum(v.text.count(anchor) for v in units if v.page == u.page) != 1:
                continue
            used.add((u.page, anchor))
            amendments.append({"id": f"a{len(amendments) + 1}", "at": {"page": u.page},
                               "replace": anchor, "with": anchor.upper()})
            if len(amendments) == n:
                break
        if len(amendments) == n:
            break
    data = {"program": PROGRAM.meta.id, "base": PROGRAM.meta.version, "produces": "adopted",
            "decision": DECISION, "amendments": amendments}
    return patch_from_data(data, {}, "bench.yaml")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    minutes = (ROOT / "tests" / "fixtures" / "alingsas-ksau-2025-10-22-p170.txt").read_text("utf-8")
    t, result = timed(lambda: extract(minutes, PROGRAM, source="p170.txt"), 20)
    print(f"Alingsås minutes ({len(minutes.splitlines())} lines, {len(result.patch.amendments)} amendments): "
          f"extract {t * 1000:.1f} ms")
    patch = big_patch(n)
    t_desc, text = timed(lambda: describe_patch(patch, "sv"), 3)
    t_ext, result = timed(lambda: extract(text, PROGRAM, source="big.txt", decision=DECISION), 3)
    ok = len(result.patch.amendments) == len(patch.amendments)
    print(f"{len(patch.amendments)} amendments ({len(text.splitlines())} lines): describe {t_desc * 1000:.0f} ms, "
          f"extract + resolve {t_ext * 1000:.0f} ms ({t_ext / len(patch.amendments) * 1000:.1f} ms each); "
          f"round trip {'complete' if ok and result.complete else 'INCOMPLETE'}")


if __name__ == "__main__":
    main()
