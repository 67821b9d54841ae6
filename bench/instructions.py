"""Instructions (valgrind) that all default checks take on part of the cleanup corpus: a
measure of throughput that other jobs on the machine do not sway.

    python bench/instructions.py [--docs 60:160] [--select RULE ...] [--tree NAME=PATH ...]

For this tree (and each ``--tree``) it runs valgrind's callgrind twice on one Python process:
once loading the engine and linting the seed article (warm-up: lexicon dicts, patterns,
tables), once doing the same and then linting documents ``--docs`` of ``bench/cleanup.py``'s
corpus (the memos that carry over between documents emptied first, as cleanup.py does before each pass). The
difference is the instructions of those documents alone. Needs valgrind; slow (about 50
times the plain run: a few minutes for 100 documents).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import sys
sys.path.insert(0, {bench!r})
import cleanup
from cleanup import corpus, SEED
from textlint.checks.spacing.model import clear_shared_caches
from textlint.engine import Engine, Overrides
from textlint.lexicon import get_lexicon
name, texts = corpus()
engine = Engine(overrides=Overrides(select={select!r}, languagetool=False))
engine.lint(SEED.read_text(encoding="utf-8"))
get_lexicon().expect(10 ** 9)
getattr(cleanup, "clear_caches", clear_shared_caches)()  # (an older tree's cleanup.py has none)
for text in texts[{a}:{b}]:
    engine.lint(text)
"""


def instructions(tree: Path, a: int, b: int, select: list[str] | None) -> int:
    program = _PROGRAM.format(bench=str(tree / "bench"), select=select, a=a, b=b)
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, "-c", program], cwd=tree, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0"))
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{tree}: valgrind failed: {done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", default="60:160", help="documents a:b of the corpus (default 60:160)")
    ap.add_argument("--select", action="append")
    ap.add_argument("--tree", action="append", default=[], help="NAME=PATH of another checkout")
    args = ap.parse_args()
    a, b = map(int, args.docs.split(":"))
    trees = [("this", ROOT)] + [(n, Path(p).resolve()) for n, p in (t.split("=", 1) for t in args.tree)]
    first = None
    for name, tree in trees:
        n = instructions(tree, a, b, args.select) - instructions(tree, a, a, args.select)
        first = first or n
        print(f"{name:10s} {n / 1e6:10,.0f} M instructions for documents {a}:{b} ({n / first:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
