"""Findings on edited encyclopedia text: the correct side of the Wikipedia whitespace set.

    python bench/wikitext.py [--samples 5] [--select RULE ...]

``../shared/eval/wsc-dev/Wiki/correct.txt`` holds 10,000 Wikipedia sentences whose spaces
are right (their typos were kept). Groups of 50 lines are linted as documents with one
paragraph per line, with all default rules (no LanguageTool). Wikipedia is full of names and
titles of works ("the band the Feeling", "Comply or Die"), so this shows what the checks do
outside news; most findings are false alarms, some are real slips of the source ("Royals,
But in his final 10 games"). Prints findings per rule and per 10,000 words, with samples.
Skips cleanly when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.engine import Engine, Overrides  # noqa: E402

WIKI = ROOT.parent / "shared" / "eval" / "wsc-dev" / "Wiki" / "correct.txt"
LINES_PER_DOCUMENT = 50


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=5, help="findings shown per rule")
    ap.add_argument("--select", action="append", help="rules, packs or categories (default: default rules)")
    args = ap.parse_args()
    if not WIKI.exists():
        print(f"skipped: {WIKI} is not available")
        return 0
    engine = Engine(overrides=Overrides(select=args.select, languagetool=False))
    lines = WIKI.read_text(encoding="utf-8").split("\n")
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    words = 0
    for i in range(0, len(lines), LINES_PER_DOCUMENT):
        text = "\n\n".join(lines[i:i + LINES_PER_DOCUMENT])
        words += len(text.split())
        for d in engine.lint(text, "wiki.txt").diagnostics:
            counts[d.rule] += 1
            samples[d.rule].append(text[max(0, d.start - 40):d.end + 30].replace("\n", " "))
    total = sum(counts.values())
    print(f"data: {WIKI.name}, {len(lines)} lines, {words} words")
    print(f"findings: {total} = {1e4 * total / words:.2f} per 10,000 words")
    for rule, n in counts.most_common():
        print(f"  {rule:40} {n:5} {1e4 * n / words:6.2f} per 10k words")
        for s in samples[rule][:args.samples]:
            print(f"      {s!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
