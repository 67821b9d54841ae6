"""One finding per defect whatever the selection: does `--extend-select spacing` change what
`--fix` (safe fixes) does to a text, compared with the default selection?

    python bench/selection_parity.py [--limit N] [FILE.jsonl ...]

Reads the "corrupt" field (news-dev) or the "text" field (external-dev) of each JSONL line,
lints and fixes every text with both selections (LanguageTool off) and prints the number
of texts, of findings with a safe fix in each selection, and of texts whose fixed text
differs. Evaluation data stays outside the package: pass the files.
"""

import argparse
import json

from textlint.engine import Engine, Overrides


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", default=["../shared/eval/news-dev.jsonl",
                                                     "../shared/eval/external-dev.jsonl"])
    parser.add_argument("--limit", type=int, default=0, help="texts per file (0: all)")
    args = parser.parse_args()
    default = Engine(None, Overrides(languagetool=False))
    spacing = Engine(None, Overrides(extend_select=["spacing"], languagetool=False))
    for name in args.files:
        with open(name, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        texts = [r.get("corrupt", r.get("text", "")) for r in rows]
        texts = texts[:args.limit] if args.limit else texts
        safe = [0, 0]
        differ = 0
        for t in texts:
            for i, engine in enumerate((default, spacing)):
                safe[i] += sum(1 for d in engine.lint(t).diagnostics
                               if d.fix and d.fix.applicability.value == "safe")
            differ += default.fix(t).text != spacing.fix(t).text
        print(f"{name}: {len(texts)} texts; safe-fixable findings: default {safe[0]}, "
              f"+spacing {safe[1]}; texts whose --fix differs: {differ}")


if __name__ == "__main__":
    main()
