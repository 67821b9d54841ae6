"""textlint and Vale 3.22 on the same ``.vale.ini`` project, one style at a time.

    python bench/vale_project.py [--styles Google,...] [--runs 3] [--discover]

For each of the six styles in ../shared/vale/styles, a ``.vale.ini`` in a temporary folder
(``StylesPath`` = the styles folder, ``MinAlertLevel = suggestion``, ``[*.{md,txt}]
BasedOnStyles = <style>``, as in ../shared/vale/README.md) is run by

- Vale: ``vale --config=INI --output=JSON corpus``;
- textlint: ``textlint check --vale-config INI --format json corpus`` (with ``--discover``:
  no option, the ``.vale.ini`` found from the working directory as Vale finds it).

Printed per style: the findings of each, how many of Vale's textlint matches and of
textlint's Vale matches (same file, line and rule, overlapping columns: bench/vale.py's
``match``), and the wall and CPU time of each (median of ``--runs``, runs interleaved,
after one untimed run of each; textlint's bytecode kept between runs, as bench/vale.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vale import SHARED, STYLES, find_vale, match, run_textlint_cli, run_vale, share  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run_textlint(ini: Path, corpus: Path, discover: bool) -> tuple[list[dict], tuple[float, float]]:
    option = [] if discover else ["--vale-config", str(ini)]
    result, elapsed = run_textlint_cli([*option, "--format", "json", str(corpus)], ini.parent)
    out = []
    for d in json.loads(result.stdout or "[]"):
        end = d["end_column"] - 1 if d["end_line"] == d["line"] else 10**9
        out.append({"file": Path(d["path"]).name, "rule": d["rule"], "line": d["line"],
                    "start": d["column"], "end": max(end, d["column"]), "message": d["message"]})
    return out, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--discover", action="store_true")
    args = parser.parse_args()
    vale = find_vale()
    if vale is None or not SHARED.is_dir():
        print("skipped: Vale or ../shared/vale is missing")
        return 0
    corpus = SHARED / "corpus"
    print(f"{'style':<11} {'Vale':>6} {'textlint':>8} {'Vale matched':>13} {'textlint matched':>17} "
          f"{'Vale wall':>9} {'textlint wall':>13} {'Vale CPU':>8} {'textlint CPU':>12}")
    for style in args.styles.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            ini = Path(tmp) / ".vale.ini"
            ini.write_text(f"StylesPath = {SHARED / 'styles'}\nMinAlertLevel = suggestion\n\n"
                           f"[*.{{md,txt}}]\nBasedOnStyles = {style}\n", encoding="utf-8")
            vale_times, our_times = [], []
            run_vale(vale, ini, corpus)  # one untimed run of each first
            run_textlint(ini, corpus, args.discover)
            for _ in range(args.runs):
                theirs, t = run_vale(vale, ini, corpus)
                vale_times.append(t)
                ours, t = run_textlint(ini, corpus, args.discover)
                our_times.append(t)
        missed, extra = match(theirs, ours)
        print(f"{style:<11} {len(theirs):>6} {len(ours):>8} "
              f"{share(len(theirs) - len(missed), len(theirs)):>13} "
              f"{share(len(ours) - len(extra), len(ours)):>17} "
              f"{statistics.median(t[0] for t in vale_times):>9.2f} "
              f"{statistics.median(t[0] for t in our_times):>13.2f} "
              f"{statistics.median(t[1] for t in vale_times):>8.2f} "
              f"{statistics.median(t[1] for t in our_times):>12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
