"""Score ../shared/eval/external-dev.jsonl through the CLI, as a new user would run it.

    python bench/external.py [--kinds core|usage|all] [--show N] [--cli-args "..."]

Every item becomes one file ``NNNN.txt`` in a temporary folder; then, with all default rules
and no LanguageTool (``--cli-args=--languagetool`` turns it on):

- ``textlint check --format json DIR`` gives the findings: an incorrect item is *found* when a
  finding overlaps one of its spans; a correct item with any finding is a *false alarm*;
- ``textlint check --fix DIR`` (on a copy): a correct item that changes is *damaged by a safe
  fix*; an incorrect item whose fixed text equals its correction (or an alternative) is
  *repaired*;
- ``textlint check --fix --unsafe-fixes DIR`` (on another copy): the same with unsafe fixes.

Kinds as in ../shared/eval/README.md: core (what textlint claims), usage, outside.
Prints a table per kind and the totals over the chosen kinds; ``--show N`` prints up to N
examples of each failure (misses, false alarms, damaged items). Skips cleanly when
../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "external-dev.jsonl"

CORE = {"glued", "split", "moved-space", "punct-spacing", "multi-space", "doubled", "capital-spurious",
        "quotes", "quote-spacing", "broken-hyphenation", "ligature", "glued-number", "hyphen-spacing",
        "mixed-spacing", "ocr-clean"}
USAGE = {"glued-realword", "split-compound", "doubled-phrase", "split-number"}


def textlint(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "textlint", "check", "--no-languagetool", "-j", "1", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def write_items(items: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(items):
        (folder / f"{i:04d}.txt").write_text(item["text"], encoding="utf-8")


def findings(folder: Path, extra: list[str]) -> dict[int, list[dict]]:
    result = textlint("--format", "json", "--exit-zero", *extra, str(folder))
    if result.returncode not in (0, 1):
        sys.exit(f"textlint failed ({result.returncode}):\n{result.stderr}")
    by_item: dict[int, list[dict]] = defaultdict(list)
    for d in json.loads(result.stdout or "[]"):
        by_item[int(Path(d["path"]).stem)].append(d)
    return by_item


def fixed_texts(items: list[dict], folder: Path, extra: list[str]) -> list[str]:
    write_items(items, folder)
    result = textlint("--fix", "--exit-zero", "--quiet", *extra, str(folder))
    if result.returncode not in (0, 1):
        sys.exit(f"textlint --fix failed ({result.returncode}):\n{result.stderr}")
    return [(folder / f"{i:04d}.txt").read_text(encoding="utf-8") for i in range(len(items))]


def overlaps(d: dict, spans: list[list[int]]) -> bool:
    return any(d["start"] < e and s < d["end"] or (d["start"] == d["end"] and s <= d["start"] <= e)
               for s, e in spans)


def repaired(item: dict, text: str) -> bool:
    good = [c for c in [item.get("correction"), *item.get("correction_alternatives", [])] if c]
    return text in good


def score(items, found, safe, unsafe):
    """Per kind: counters of incorrect/found/repaired and correct/alarm/damaged."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    examples: dict[str, list[str]] = defaultdict(list)
    for i, item in enumerate(items):
        row = rows[item["kind"]]
        diags = found.get(i, [])
        if item["label"] == "incorrect":
            row["incorrect"] += 1
            hit = any(overlaps(d, item["spans"]) for d in diags)
            row["found"] += hit
            row["repaired_safe"] += repaired(item, safe[i])
            row["repaired_unsafe"] += repaired(item, unsafe[i])
            if not hit:
                examples["miss"].append(f"[{item['kind']}] {item['text']!r}")
        else:
            row["correct"] += 1
            row["alarm"] += bool(diags)
            row["damaged_safe"] += safe[i] != item["text"]
            row["damaged_unsafe"] += unsafe[i] != item["text"]
            if diags:
                examples["false alarm"].append(
                    f"[{item['kind']}] {item['text']!r} <- " + "; ".join(
                        f"{d['rule']} {item['text'][d['start']:d['end']]!r}" for d in diags))
            if safe[i] != item["text"]:
                examples["damaged by --fix"].append(f"[{item['kind']}] {item['text']!r} -> {safe[i]!r}")
    return rows, examples


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}" if d else "    -"


def report(rows, kinds: set[str]) -> None:
    head = (f"{'kind':<20}{'incorr':>7}{'recall':>7}{'fix':>6}{'fix-u':>6}"
            f"{'correct':>8}{'alarm':>7}{'dmg':>6}{'dmg-u':>6}")
    print(head)
    total: dict[str, int] = defaultdict(int)
    for kind in sorted(k for k in rows if k in kinds):
        r = rows[kind]
        for k, v in r.items():
            total[k] += v
        print(_line(kind, r))
    print("-" * len(head))
    print(_line("total", total))
    print(f"\nrecall {total['found']}/{total['incorrect']}, correct items flagged "
          f"{total['alarm']}/{total['correct']}, changed by --fix {total['damaged_safe']}/{total['correct']}, "
          f"by --fix --unsafe-fixes {total['damaged_unsafe']}/{total['correct']}")


def _line(kind: str, r) -> str:
    return (f"{kind:<20}{r['incorrect']:>7}{pct(r['found'], r['incorrect']):>7}"
            f"{pct(r['repaired_safe'], r['incorrect']):>6}{pct(r['repaired_unsafe'], r['incorrect']):>6}"
            f"{r['correct']:>8}{pct(r['alarm'], r['correct']):>7}{pct(r['damaged_safe'], r['correct']):>6}"
            f"{pct(r['damaged_unsafe'], r['correct']):>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", choices=("core", "usage", "all"), default="core")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples of each failure")
    parser.add_argument("--cli-args", default="", help="extra arguments for textlint check")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = {"core": CORE, "usage": USAGE, "all": {i["kind"] for i in items}}[args.kinds]
    items = [i for i in items if i["kind"] in kinds]
    extra = shlex.split(args.cli_args)
    tmp = Path(tempfile.mkdtemp(prefix="textlint-external-"))
    try:
        write_items(items, tmp / "lint")
        found = findings(tmp / "lint", extra)
        safe = fixed_texts(items, tmp / "safe", extra)
        unsafe = fixed_texts(items, tmp / "unsafe", [*extra, "--unsafe-fixes"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows, examples = score(items, found, safe, unsafe)
    languagetool = "LanguageTool on" if "--languagetool" in extra else "no LanguageTool"
    print(f"external-dev, {args.kinds} kinds: {len(items)} items; all default rules, {languagetool}\n"
          "recall: incorrect items with a finding on a wrong span; fix/fix-u: repaired exactly by "
          "--fix / --fix --unsafe-fixes;\nalarm: correct items with any finding; dmg/dmg-u: correct "
          "items changed by --fix / --fix --unsafe-fixes (all in %)\n")
    report(rows, kinds)
    for what, lines in examples.items():
        if args.show:
            print(f"\n{what} ({len(lines)}):")
            for line in lines[:args.show]:
                print("  " + line)


if __name__ == "__main__":
    main()
