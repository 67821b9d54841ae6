"""LanguageTool inside ``textlint check``: latency on the seed article, words per second, findings.

    python bench/languagetool.py [--runs 5] [--threads 1 2] [--no-news]

Uses the installed LanguageTool (``textlint languagetool install``) with a private
cache directory and a server of its own, so the user's cache and server are untouched.

- Seed article (``fixtures/seed-article.txt``): wall time of the whole command
  ``textlint check -q --languagetool`` with the server up and the result cache empty
  (the first run after the server started; then best of ``--runs``, each after
  clearing the cache), and with the cache filled (best and median of ``--runs``);
  ``--no-languagetool`` for comparison.
- ``../shared/eval/news-clean-dev.txt`` (skipped when absent): the whole file as one
  document through the LanguageTool rule alone, with 1 and 2 request threads; cold
  (empty result cache) on a freshly started server and on a warm one, and cached;
  words per second, best of ``--rounds``. Then the findings of the curated preset and
  of LanguageTool's own defaults on this clean text, by rule.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.config import Settings  # noqa: E402
from textlint.engine import Engine, Overrides  # noqa: E402
from textlint.languagetool import VERSION, server  # noqa: E402
from textlint.languagetool.cache import ResultCache  # noqa: E402
from textlint.languagetool.install import installation  # noqa: E402
from textlint.languagetool.settings import LanguageToolSettings  # noqa: E402

NEWS = ROOT.parent / "shared" / "eval" / "news-clean-dev.txt"
SEED = ROOT / "fixtures" / "seed-article.txt"


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def clear_cache(settings: LanguageToolSettings) -> None:
    cache = ResultCache(settings.root() / "results.sqlite3")
    cache.clear()
    cache.close()


def restart(settings: LanguageToolSettings) -> float:
    server.stop(settings)
    start = time.perf_counter()
    server.start(settings)
    return time.perf_counter() - start


def seed(settings: LanguageToolSettings, runs: int) -> None:
    check = [sys.executable, "-m", "textlint", "check", "-q"]
    wall(check + ["--no-languagetool", str(SEED)])  # builds the lexicon cache of this fresh cache dir
    clear_cache(settings)
    first = wall(check + ["--languagetool", str(SEED)])
    cold = []
    for _ in range(runs):
        clear_cache(settings)
        cold.append(wall(check + ["--languagetool", str(SEED)]))
    cached = [wall(check + ["--languagetool", str(SEED)]) for _ in range(runs)]
    without = [wall(check + ["--no-languagetool", str(SEED)]) for _ in range(runs)]
    print("\n## Seed article: `textlint check -q --languagetool fixtures/seed-article.txt`, whole command\n")
    print("| case | target | measured (wall) |\n| --- | --- | --- |")
    print(f"| server up, cache empty | < 2 s | first {first:.2f} s; best {min(cold):.2f} s, "
          f"median {statistics.median(cold):.2f} s of {runs} |")
    print(f"| unchanged file, cached | < 0.5 s | best {min(cached):.2f} s, "
          f"median {statistics.median(cached):.2f} s of {runs} |")
    print(f"| --no-languagetool | | best {min(without):.2f} s, median {statistics.median(without):.2f} s |")


def lt_engine(**options) -> Engine:
    return Engine(Settings(languagetool=LanguageToolSettings(**options)), Overrides(select=["languagetool"]))


def news(settings: LanguageToolSettings, threads: list[int], rounds: int) -> None:
    text = NEWS.read_text(encoding="utf-8")
    words = len(text.split())
    best: dict[tuple[int, str], float] = {}
    for _ in range(rounds):
        for n in threads:
            restart(settings)
            for case in ("fresh server", "warm server"):
                clear_cache(settings)
                best[n, case] = min(best.get((n, case), 1e9), _lint_time(text, n))
            best[n, "cached"] = min(best.get((n, "cached"), 1e9), _lint_time(text, n))
    print(f"\n## `{NEWS.name}` as one document ({words:,} words, {len(text) / 1e6:.2f} MB), "
          f"LanguageTool rule alone, best of {rounds}\n")
    print("| request threads | cold: fresh server, empty cache | cold: warm server, empty cache | cached |")
    print("| --- | --- | --- | --- |")
    for n in threads:
        cells = [f"{words / best[n, c]:,.0f} words/s ({best[n, c]:.2f} s)"
                 for c in ("fresh server", "warm server", "cached")]
        print(f"| {n} | " + " | ".join(cells) + " |")


def _lint_time(text: str, threads: int) -> float:
    e = lt_engine(threads=threads)
    start = time.perf_counter()
    result = e.lint(text, "news.txt")
    secs = time.perf_counter() - start
    assert not result.errors, result.errors
    return secs


def findings(text: str, words: int) -> None:
    for preset in ("curated", "languagetool"):
        e = lt_engine(preset=preset, threads=2)
        found = e.lint(text, "news.txt").diagnostics
        rules = Counter(d.rule.split(".", 1)[1] for d in found)
        top = ", ".join(f"{r} {n}" for r, n in rules.most_common(12))
        print(f"\nFindings on this clean text, preset `{preset}`: {len(found)} "
              f"({len(found) / words * 1000:.2f} per 1,000 words). Top: {top}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the news-clean-dev measurements")
    ap.add_argument("--no-news", action="store_true", help="skip news-clean-dev.txt")
    args = ap.parse_args()
    found = installation(LanguageToolSettings())
    if found is None:
        print("LanguageTool is not installed: run `textlint languagetool install` first")
        return 1
    base = Path(tempfile.mkdtemp(prefix="textlint-bench-lt-"))
    (base / "languagetool").mkdir()
    os.symlink(found.lib.parent, base / "languagetool" / VERSION, target_is_directory=True)
    os.environ["TEXTLINT_CACHE_DIR"] = str(base)
    settings = LanguageToolSettings()
    try:
        started = restart(settings)
        print(f"LanguageTool {VERSION} server started (and warmed up) in {started:.1f} s; "
              f"{os.cpu_count()} cores")
        seed(settings, args.runs)
        if args.no_news or not NEWS.exists():
            print(f"\nskipped news-clean-dev: {NEWS} is not available" if not args.no_news else "")
        else:
            news(settings, args.threads, args.rounds)
            text = NEWS.read_text(encoding="utf-8")
            findings(text, len(text.split()))
    finally:
        server.stop(settings)
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
