"""Each rule's CPU time inside full lints: all default rules (no LanguageTool) in the engine's
order on one Document per text, as a run has them.

    python bench/rule_times.py [FILE ...] [--runs 3]

Lints each FILE as one document, or without one bench/cleanup.py's corpus (one document per
article). A rule that first asks the Document for a structure other rules share (paragraphs,
the non-prose spans, ``technical``) pays for it; ``prepare`` is every rule's ``prepare`` (the
spacing analysis's questions to the lexicon). Prints the best of ``--runs`` passes for each rule
(the caches that carry over between documents emptied before each, as cleanup.py does), the
sum of the rules other than the spacing analysis and MidSentenceCapital (the "tail"), and the
best total. ``bench/cleanup.py --per-rule`` times each rule alone, on Documents of its own.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cleanup import SEED, clear_caches, corpus  # noqa: E402
from textlint.document import Document  # noqa: E402
from textlint.engine import Engine, Overrides  # noqa: E402

#: The rules that are not the tail: the spacing analysis (its two rules and its questions) and
#: the capitals check.
NOT_TAIL = ("spacing.RunOnWord", "spacing.SplitWord", "cleanup.MidSentenceCapital", "prepare")


def one_pass(engine: Engine, texts: list[str]) -> tuple[dict[str, float], float]:
    """Each rule's CPU time on *texts* (and ``prepare``'s), and the pass's."""
    clear_caches()
    times: dict[str, float] = {}
    started = time.process_time()
    for text in texts:
        doc = Document(text)
        t = time.process_time()
        for rule in engine.rules:
            rule.prepare(doc)
        times["prepare"] = times.get("prepare", 0.0) + time.process_time() - t
        for rule in engine.rules:
            t = time.process_time()
            for _ in rule.check(doc):
                pass
            times[rule.id] = times.get(rule.id, 0.0) + time.process_time() - t
    return times, time.process_time() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in args.files] or corpus()[1]
    engine = Engine(overrides=Overrides(languagetool=False))
    engine.lint(SEED.read_text(encoding="utf-8"))  # warm-up on other text: lexicons and tables load
    best: dict[str, float] = {}
    totals = []
    for _ in range(args.runs):
        times, total = one_pass(engine, texts)
        totals.append(total)
        for rule, t in times.items():
            best[rule] = min(best.get(rule, t), t)
    for rule, t in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{t * 1000:8.1f} ms  {rule}")
    tail = sum(t for rule, t in best.items() if rule not in NOT_TAIL)
    print(f"{tail * 1000:8.1f} ms  the tail (all but {', '.join(NOT_TAIL)})")
    print(f"{min(totals) * 1000:8.1f} ms  best pass (best of {args.runs}, CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
