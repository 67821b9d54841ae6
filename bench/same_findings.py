"""Whether two textlint checkouts give identical findings (a speed change must change none).

    python bench/same_findings.py OTHER_TREE [--sets news-dev news-clean-dev external-dev long-lines]

Writes the evaluation texts of ``../shared/eval`` as files in a temporary folder, once:
news-dev (the corrupt articles, paragraphs joined by blank lines), news-clean-dev (one
file per article), external-dev (one file per item) and long-lines (news-clean-dev four times
in one line, its paragraphs joined by spaces: lines far longer than any in the sets), then
runs ``textlint check --format json --no-languagetool`` (all default rules) on each folder
with this tree's code and with OTHER_TREE's, and compares the JSON findings (every field:
rule, span, message, severity, fix). Prints a count per set and the first differences;
exits 1 when any set differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "bench"))

from news_eval import split_clean  # noqa: E402

SETS = ("news-dev", "news-clean-dev", "external-dev", "long-lines")


def texts(name: str) -> list[str]:
    if name == "news-dev":
        groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for line in (EVAL / "news-dev.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            _, article, index = r["source"].split(":")
            groups[article].append((int(index), r["corrupt"]))
        return ["\n\n".join(t for _, t in sorted(g)) + "\n" for g in groups.values()]
    if name == "news-clean-dev":
        return [a + "\n" for _, a in split_clean((EVAL / "news-clean-dev.txt").read_text(encoding="utf-8"))]
    if name == "external-dev":
        return [json.loads(line)["text"] for line in (EVAL / "external-dev.jsonl").open(encoding="utf-8")]
    if name == "long-lines":
        clean = (EVAL / "news-clean-dev.txt").read_text(encoding="utf-8")
        return [" ".join(clean.split("\n")) * 4 + "\n"]
    raise ValueError(name)


def findings(tree: Path, folder: Path) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(tree))  # and cwd: "-m" puts the working directory first
    done = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "--format", "json",
                           "-j", "1", str(folder)], env=env, cwd=tree, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: exit {done.returncode}: {done.stderr[-2000:]}")
    return sorted(json.loads(done.stdout), key=lambda d: (d["path"], d["start"], d["end"], d["rule"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("other", type=Path, help="the other checkout (e.g. a worktree of main)")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    args = ap.parse_args()
    if not EVAL.exists():
        print(f"{EVAL} not found: nothing to compare")
        return 0
    differ = False
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            folder = Path(tmp) / name
            folder.mkdir()
            for i, text in enumerate(texts(name)):
                (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
            ours, theirs = findings(ROOT, folder), findings(args.other.resolve(), folder)
            same = ours == theirs
            differ |= not same
            print(f"{name}: {len(ours)} findings here, {len(theirs)} in {args.other}: "
                  f"{'identical' if same else 'DIFFERENT'}")
            if not same:
                a = {json.dumps(d, sort_keys=True) for d in ours}
                b = {json.dumps(d, sort_keys=True) for d in theirs}
                for d in sorted(a - b)[:5]:
                    print("  only here:", d)
                for d in sorted(b - a)[:5]:
                    print("  only there:", d)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
