"""Whitespace-correction benchmark of the spacing checks, next to do-nothing and word segmenters.

    python bench/spacing.py [--sets ACL,Wiki.typos] [--no-baselines] [--lines N]

For every Hertel & Bast dev set in ``../shared/eval/wsc-dev`` (one paragraph per
line) it runs the product path, ``python -m textlint check --fix --select spacing -``
(safe fixes only, the whole file as one document), and scores the output with
``../shared/eval/score.py wsc``. Baselines run in the same harness, token by token
(the policy of the README's wordsegment reference): a letters-only token that the
tool's dictionary does not know is split when the tool cuts it into exactly two
frequent words; two neighbouring letters-only tokens are merged when the joined
word is known and one of the parts is not. Tools: ``wordsegment``, ``wordninja``,
``symspellpy`` (``word_segmentation``).

Also reported: throughput of the product path (MB/s, lines/s, wall clock of the
whole ``check --fix`` command: start-up, lexicon load, every fix round), its peak
memory, the lint throughput of the spacing checks on clean news text (one core,
in process), and the lexicon load time. Writes predictions to ``bench/out/``. Skips cleanly when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "bench" / "out"
SETS = ["ACL", "arXiv.pdftotext", "Wiki", "Wiki.typos"]
CORE = re.compile(r"^([^\w]*)([^\W\d_]+)([^\w]*)$")


def score(name: str, predicted: Path) -> dict:
    folder = EVAL / "wsc-dev" / name
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), "wsc", str(folder / "corrupt.txt"),
                           str(folder / "correct.txt"), str(predicted), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def run_textlint(source: Path, target: Path) -> dict:
    """The product path on one file; wall time and the child's peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    with open(source, "rb") as stdin, open(target, "wb") as stdout:
        proc = subprocess.Popen([sys.executable, "-m", "textlint", "check", "--fix", "--select",
                                 "spacing", "-q", "-"], stdin=stdin, stdout=stdout,
                                stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"textlint failed on {source}")
    return {"seconds": secs, "peak_mb": usage.ru_maxrss / 1024}


# --------------------------------------------------------------------------- baselines
def token_policy(known: Callable[[str], bool], split: Callable[[str], list[str]],
                 frequent: Callable[[str], bool]) -> Callable[[str], str]:
    """A line fixer from a tool's dictionary and segmenter (see the module docstring)."""

    def fix_line(line: str) -> str:
        tokens = line.split(" ")
        out: list[str] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            m = CORE.match(tok)
            if m and i + 1 < len(tokens):
                n = CORE.match(tokens[i + 1])
                if n and not m.group(3) and not n.group(1):
                    a, b = m.group(2), n.group(2)
                    if known(a + b) and not (known(a) and known(b)):
                        out.append(tok + tokens[i + 1])
                        i += 2
                        continue
            if m and not known(m.group(2)):
                parts = split(m.group(2))
                if len(parts) == 2 and all(frequent(p) for p in parts) and "".join(parts) == m.group(2).lower():
                    core = m.group(2)
                    cut = len(parts[0])
                    tok = m.group(1) + core[:cut] + " " + core[cut:] + m.group(3)
            out.append(tok)
            i += 1
        return " ".join(out)

    return fix_line


def baselines() -> dict[str, Callable[[str], str]]:
    import wordninja
    import wordsegment
    from symspellpy import SymSpell

    wordsegment.load()
    ws_uni = wordsegment.UNIGRAMS
    fixers = {"wordsegment": token_policy(lambda w: w.lower() in ws_uni, wordsegment.segment,
                                          lambda w: ws_uni.get(w, 0) >= 1e6)}
    model = wordninja.DEFAULT_LANGUAGE_MODEL
    ranks = model._wordcost  # cost = log((rank+1) * log(n)): lower is more frequent
    threshold = sorted(ranks.values())[min(len(ranks) - 1, 20000)]
    fixers["wordninja"] = token_policy(lambda w: w.lower() in ranks, wordninja.split,
                                       lambda w: ranks.get(w.lower(), 1e9) <= threshold)
    sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    import importlib.resources
    base = importlib.resources.files("symspellpy")
    sym.load_dictionary(str(base / "frequency_dictionary_en_82_765.txt"), 0, 1)
    words = sym.words
    fixers["symspellpy"] = token_policy(
        lambda w: w.lower() in words,
        lambda w: sym.word_segmentation(w.lower(), max_edit_distance=0).segmented_string.split(),
        lambda w: words.get(w.lower(), 0) >= 1e6)
    return fixers


def lexicon_load_seconds() -> float:
    code = ("import time; t = time.perf_counter(); from textlint.lexicon import get_lexicon; "
            "get_lexicon(); print(time.perf_counter() - t)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=env, check=True)
    return float(out.stdout)


def lint_throughput(path: Path) -> tuple[float, float]:
    """MB/s of ``Engine.lint`` with the spacing checks on one file as one document, in this
    process (lexicon already loaded): the first run and a second one (caches warm)."""
    sys.path.insert(0, str(ROOT))
    from textlint.engine import Engine, Overrides
    from textlint.lexicon import get_lexicon

    get_lexicon()
    engine = Engine(overrides=Overrides(select=["spacing"], languagetool=False))
    text = path.read_text(encoding="utf-8")
    speeds = []
    for _ in range(2):
        t = time.perf_counter()
        engine.lint(text, "bench.txt")
        speeds.append(len(text.encode("utf-8")) / (time.perf_counter() - t) / 1e6)
    return speeds[0], speeds[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--no-baselines", action="store_true")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not available")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    loads = [lexicon_load_seconds() for _ in range(3)]
    print(f"lexicon load (cached tables, best of 3): {min(loads):.3f} s")
    first, warm = lint_throughput(EVAL / "news-clean-dev.txt")
    print(f"lint throughput, news-clean-dev.txt: {first:.2f} MB/s (first run), {warm:.2f} MB/s (warm)")
    fixers = {} if args.no_baselines else baselines()
    rows = []
    for name in args.sets.split(","):
        corrupt = EVAL / "wsc-dev" / name / "corrupt.txt"
        lines = corrupt.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        size = corrupt.stat().st_size
        nothing = OUT / f"{name}.nothing.txt"
        nothing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        rows.append((name, "do nothing", score(name, nothing), None))
        predicted = OUT / f"{name}.textlint.txt"
        run = run_textlint(corrupt, predicted)
        run["mb_s"] = size / run["seconds"] / 1e6
        run["lines_s"] = len(lines) / run["seconds"]
        rows.append((name, "textlint spacing", score(name, predicted), run))
        for tool, fix_line in fixers.items():
            path = OUT / f"{name}.{tool}.txt"
            t = time.perf_counter()
            path.write_text("\n".join(fix_line(x) for x in lines) + "\n", encoding="utf-8")
            secs = time.perf_counter() - t
            rows.append((name, tool, score(name, path), {"seconds": secs, "mb_s": size / secs / 1e6,
                                                         "lines_s": len(lines) / secs}))
    print("| set | system | precision | recall | F1 | sequence accuracy | lines changed needlessly "
          "| MB/s | lines/s | peak MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, system, r, run in rows:
        speed = (f"{run['mb_s']:.2f} | {run['lines_s']:.0f} | "
                 + (f"{run['peak_mb']:.0f}" if "peak_mb" in run else "")) if run else " | | "
        print(f"| {name} | {system} | {r['precision'] * 100:.1f} | {r['recall'] * 100:.1f} | "
              f"{r['f1'] * 100:.1f} | {r['sequence_accuracy'] * 100:.1f} | {r['unneeded_changes']} | {speed} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
