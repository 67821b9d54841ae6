"""Instructions (valgrind) of the spacing model's chunk judgement, or of the lines' repairs, this
tree against another.

    python bench/judge_instructions.py FILE --tree NAME=PATH [--passes 4] [--pairs | --analyse]

One Python process loads this tree's ``textlint/checks/spacing/model.py`` and the other
tree's under another module name (same lexicon, same document), then judges every line
piece of FILE (:func:`judge_line`, its memo tables emptied first: a cold pass) with each in
turn, ``--passes`` times (this, other, this, other, ...). callgrind dumps its counts at each
call of ``time.process_time``, which brackets every pass, so each pass gets its own count;
the first pass of each pays for what is loaded once (the lexicon's highest PMI), so the
later ones are the figures to compare. The cyclic collector is off, as in the analysis.
``--pairs`` also finds, in each pass, the pairs of each judged line that may join
(:func:`_joinable_pairs`, which :func:`analyse_line` asks first). ``--analyse`` counts, in each
pass, the repairs of the lines (:func:`analyse_line`: the pairs, the windows and their lattice
search) instead, the lines judged first outside the count.
Needs valgrind; about a minute per pass on a 1 MB file.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import gc, importlib.util, sys, time
gc.disable()
import textlint.checks.spacing as spacing
from textlint.checks.spacing import model as this
from textlint.document import Document
from textlint.lexicon import get_lexicon
spec = importlib.util.spec_from_file_location("textlint.checks.spacing._other_model", {other!r})
other = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = other
spec.loader.exec_module(other)
text = open({path!r}, encoding="utf-8").read()
doc = Document(text)
vocabulary = spacing.vocabulary_of(doc)
spacing.expect_questions(doc)
pieces = [p for line in text.split("\\n") for _, p in spacing.line_pieces(line)]
for k in range({passes}):
    module = (this, other)[k % 2]
    module.clear_shared_caches()
    model = module.Model(get_lexicon(), vocabulary, sum(vocabulary.values()), spacing.PARAMS)
    judge = module.judge_line
    if {analyse}:  # the lines judged first, outside the count
        lines = [(piece, judged) for piece in pieces if (judged := judge(model, piece)) is not None]
    time.process_time()
    if {analyse}:
        for piece, judged in lines:
            for _ in module.analyse_line(model, piece, judged):
                pass
    else:
        for piece in pieces:
            judged = judge(model, piece)
            if {pairs} and judged is not None:
                module._joinable_pairs(model, judged.infos, judged.loud)
    time.process_time()
"""


def pass_counts(path: Path, other: Path, passes: int, pairs: bool = False, analyse: bool = False) -> list[int]:
    """The instructions of each pass, in order (this tree's first)."""
    program = _PROGRAM.format(other=str(other / "textlint" / "checks" / "spacing" / "model.py"),
                              path=str(path.resolve()), passes=passes, pairs=pairs, analyse=analyse)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=time_process_time",
                               f"--callgrind-out-file={out}", sys.executable, "-c", program],
                              cwd=ROOT, capture_output=True, text=True, check=False,
                              env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0"))
        if done.returncode != 0:
            raise SystemExit(f"valgrind failed: {done.stderr[-2000:]}")
        totals = []
        for dump in sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:])):
            found = re.search(r"^totals: (\d+)", dump.read_text(), re.MULTILINE)
            totals.append(int(found.group(1)) if found else 0)
    # dumps: before the first pass, then each pass and the step before the next one
    return totals[1::2][:passes]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--tree", required=True, metavar="NAME=PATH", help="the other checkout")
    ap.add_argument("--passes", type=int, default=4)
    ap.add_argument("--pairs", action="store_true", help="also the pairs of each judged line that may join")
    ap.add_argument("--analyse", action="store_true",
                    help="count the repairs of the judged lines (analyse_line) instead of the judging")
    args = ap.parse_args()
    name, path = args.tree.split("=", 1)
    counts = pass_counts(args.file, Path(path).resolve(), args.passes, args.pairs, args.analyse)
    for k, n in enumerate(counts):
        print(f"pass {k + 1}: {'this' if k % 2 == 0 else name:10s} {n / 1e6:10,.1f} M instructions")
    later = counts[2:] or counts
    mine, theirs = later[0::2], later[1::2]
    if mine and theirs:
        print(f"later passes: this / {name} = {sum(mine) / len(mine) / (sum(theirs) / len(theirs)):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
