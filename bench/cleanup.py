"""Throughput of all default checks and packs (without LanguageTool), in MB/s on one core.

    python bench/cleanup.py [--runs 3] [--per-rule] [--select RULE ...]

Lints the news sets of ``../shared/eval`` as whole articles: the corrupt news-dev
articles (paragraphs joined by blank lines) and the clean BBC articles. Without
``../shared`` it lints the project's seed article, repeated, and says so. Reports
the best of ``--runs`` cold runs (other jobs share the machine; caches that
carry over between documents are emptied before each run), after a warm-up on
the seed article that loads the lexicons; ``--per-rule`` adds each rule's own time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textlint.checks import capitals, names  # noqa: E402
from textlint.checks.spacing.model import clear_shared_caches  # noqa: E402
from textlint.document import Document  # noqa: E402
from textlint.engine import Engine, Overrides  # noqa: E402
from news_eval import split_clean  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "fixtures" / "seed-article.txt"
#: Issue 14, item 1: all default checks and packs on one core.
TARGET_MB_S = 2.0


def corpus() -> tuple[str, list[str]]:
    """A description of the texts and the texts (one document each)."""
    if (EVAL / "news-dev.jsonl").exists():
        groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for line in (EVAL / "news-dev.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            _, article, index = r["source"].split(":")
            groups[article].append((int(index), r["corrupt"]))
        texts = ["\n\n".join(t for _, t in sorted(g)) for g in groups.values()]
        bbc = (EVAL / "news-clean-dev.txt").read_text(encoding="utf-8")
        texts += [article for _, article in split_clean(bbc)]
        return "news-dev corrupt articles + news-clean-dev", texts
    return "seed article x 200 (../shared/eval not found)", [SEED.read_text(encoding="utf-8")] * 200


def clear_caches() -> None:
    """Forget what the passes before taught the process: the spacing checks' memo tables, the
    name check's keys of forms and the capitals check's judgements of words."""
    clear_shared_caches()
    names._keys_of_name.cache_clear()
    capitals._function_like.cache_clear()
    capitals._worth_a_look.cache_clear()
    capitals._judged_by_left.cache_clear()
    capitals._judged_by_right.cache_clear()
    capitals._plain_common_noun.cache_clear()
    capitals._lowercase_ratio.cache_clear()


def best_of(runs: int, fn, clock=time.perf_counter) -> float:
    """Best time (by *clock*) of *runs* cold passes: the process-wide caches that carry over
    between documents are emptied first (:func:`clear_caches`), so no pass profits from having
    seen the same text before."""
    times = []
    for _ in range(runs):
        clear_caches()
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--per-rule", action="store_true")
    ap.add_argument("--select", action="append")
    ap.add_argument("--cpu", action="store_true",
                    help="time the process's CPU time instead of wall time (a loaded machine)")
    args = ap.parse_args()
    name, texts = corpus()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    engine = Engine(overrides=Overrides(select=args.select, languagetool=False))
    engine.lint(SEED.read_text(encoding="utf-8"))  # warm-up on other text: lexicons and tables load
    clock = time.process_time if args.cpu else time.perf_counter
    secs = best_of(args.runs, lambda: [engine.lint(t) for t in texts], clock)
    print(f"data: {name}, {len(texts)} documents, {size:.2f} MB")
    print(f"rules: {len(engine.rules)} ({', '.join(r.id for r in engine.rules)})")
    verdict = "ok" if size / secs >= TARGET_MB_S else f"below the {TARGET_MB_S} MB/s target"
    print(f"all default rules: {secs:.2f} s, {size / secs:.2f} MB/s (best of {args.runs}{', CPU time' if args.cpu else ''}; {verdict})")
    if args.per_rule:
        for rule in engine.rules:
            s = best_of(args.runs, lambda: [list(rule.check(Document(t))) for t in texts], clock)
            print(f"  {rule.id:40s} {s:6.2f} s {size / s:8.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
