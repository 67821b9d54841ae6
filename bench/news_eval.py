"""Lint and fix the news evaluation sets and score them with ../shared/eval/score.py.

    python bench/news_eval.py [--select spacing] [--ignore ...] [--unsafe] [--no-fix]

- ``news-dev.jsonl``: paragraphs are regrouped into their articles (paragraphs
  separated by blank lines) and each article is linted as one document;
  diagnostics are mapped back to their paragraph and scored with ``detect``;
  the fixed articles are split back into paragraphs and scored with ``fix``.
- ``news-clean-dev.txt``: split into articles at headlines, linted; every
  diagnostic is a false alarm (``fp``).

Writes its inputs for the scorer to ``bench/out/`` and prints the scorer's
reports plus throughput. Skips cleanly when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.engine import Engine, Overrides  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "bench" / "out"
SEP = "\n\n"


def articles(records: list[dict]) -> list[list[dict]]:
    """News-dev records grouped by article, in paragraph order."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        _, article, index = r["source"].split(":")
        groups[article].append((int(index), r))
    return [[r for _, r in sorted(g, key=lambda x: x[0])] for g in groups.values()]


def half(group: list[dict]) -> str:
    """Which half of news-dev an article (a group from :func:`articles`) belongs to: "train"
    for articles whose id is even, "test" for odd ones (``bench/capitals.py`` reports both, so
    that a change tuned on one half can be checked on the other)."""
    return "train" if int(group[0]["source"].split(":")[1]) % 2 == 0 else "test"


def split_clean(text: str) -> list[tuple[int, str]]:
    """news-clean-dev.txt as (offset, article) pairs: an article starts at a headline."""
    out: list[tuple[int, str]] = []
    pos, start = 0, 0
    for block in text.split(SEP):
        b = block.strip()
        headline = b and "\n" not in b and b[-1] not in ".!?\"'’”)" and len(b.split()) <= 15
        if headline and pos > start:
            out.append((start, text[start:pos - len(SEP)]))
            start = pos
        pos += len(block) + len(SEP)
    out.append((start, text[start:]))
    return out


def run_score(*args: str) -> str:
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), *args],
                          capture_output=True, text=True, check=False)
    return proc.stdout + proc.stderr


def news_dev(engine: Engine, fix: bool, unsafe: bool) -> None:
    records = [json.loads(line) for line in (EVAL / "news-dev.jsonl").open(encoding="utf-8")]
    diags, fixed = [], []
    chars, lint_s, fix_s = 0, 0.0, 0.0
    for group in articles(records):
        text = SEP.join(r["corrupt"] for r in group)
        offsets, pos = [], 0
        for r in group:
            offsets.append(pos)
            pos += len(r["corrupt"]) + len(SEP)
        chars += len(text)
        t = time.perf_counter()
        result = engine.lint(text, "news.txt")
        lint_s += time.perf_counter() - t
        for d in result.diagnostics:
            for r, off in zip(group, offsets):
                if off <= d.start <= off + len(r["corrupt"]):
                    end = min(d.end, off + len(r["corrupt"]))
                    diags.append({"id": r["id"], "start": d.start - off, "end": end - off, "rule": d.rule})
                    break
        if fix:
            t = time.perf_counter()
            new = engine.fix(text, "news.txt", unsafe).text
            fix_s += time.perf_counter() - t
            parts = new.split(SEP)
            if len(parts) != len(group):
                parts = [engine.fix(r["corrupt"], "news.txt", unsafe).text for r in group]
            fixed += [{"id": r["id"], "text": p} for r, p in zip(group, parts)]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "news-dev-diags.json").write_text(json.dumps(diags), encoding="utf-8")
    print(f"== news-dev detect ({len(diags)} diagnostics; lint {chars / lint_s / 1e6:.2f} MB/s)")
    print(run_score("detect", str(EVAL / "news-dev.jsonl"), str(OUT / "news-dev-diags.json")))
    if fix:
        with (OUT / "news-dev-fixed.jsonl").open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in fixed)
        print(f"== news-dev fix ({'unsafe' if unsafe else 'safe'} fixes; {chars / fix_s / 1e6:.2f} MB/s)")
        print(run_score("fix", str(EVAL / "news-dev.jsonl"), str(OUT / "news-dev-fixed.jsonl")))


def news_clean(engine: Engine) -> None:
    path = EVAL / "news-clean-dev.txt"
    text = path.read_text(encoding="utf-8")
    diags = []
    t = time.perf_counter()
    for off, article in split_clean(text):
        for d in engine.lint(article, "clean.txt").diagnostics:
            diags.append({"start": d.start + off, "end": d.end + off, "rule": d.rule})
    secs = time.perf_counter() - t
    (OUT / "news-clean-diags.json").write_text(json.dumps(diags), encoding="utf-8")
    print(f"== news-clean-dev false alarms ({len(diags)} diagnostics; {len(text) / secs / 1e6:.2f} MB/s)")
    print(run_score("fp", str(path), str(OUT / "news-clean-diags.json")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--select", action="append", help="rules, packs or categories (default: default rules)")
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    ap.add_argument("--no-fix", action="store_true", help="skip the fix scoring")
    ap.add_argument("--only", choices=("dev", "clean"), help="run one of the two sets")
    ap.add_argument("--languagetool", action="store_true", help="include LanguageTool (off by default here)")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not available")
        return 0
    engine = Engine(overrides=Overrides(select=args.select, ignore=args.ignore,
                                        languagetool=args.languagetool))
    print("rules:", ", ".join(r.id for r in engine.rules))
    if args.only != "clean":
        news_dev(engine, not args.no_fix, args.unsafe)
    if args.only != "dev":
        news_clean(engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
