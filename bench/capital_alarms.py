"""cleanup.MidSentenceCapital on correct text of several kinds: every finding is a false
alarm or a slip of the source.

    python bench/capital_alarms.py [--tech] [--list FILE]

Lints, with cleanup.MidSentenceCapital alone (LanguageTool off):

- ``news-clean-dev.txt`` split into articles (``clean``) and as one file (``clean-one-file``);
- the clean side of every news-dev article (``news-dev-clean``);
- the correct items of ``external-dev.jsonl``, one document each (``external-correct``);
- the correct sides of wsc-dev ACL, arXiv and Wiki, 50 lines to a document (``wsc-...``);
- with ``--tech``, the documentation set of ``bench/techdocs.py`` (``techdocs``).

Prints the number of findings per set; ``--list FILE`` writes each finding as
``set<TAB>context`` so that two branches can be compared with ``diff``. Skips cleanly when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textlint.engine import Engine, Overrides  # noqa: E402
from textlint.files import InputError, read_source  # noqa: E402
from news_eval import articles, split_clean  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
RULE = "cleanup.MidSentenceCapital"
LINES_PER_DOCUMENT = 50


def documents(tech: bool):
    """(set name, text, file name) for every document linted."""
    clean = (EVAL / "news-clean-dev.txt").read_text(encoding="utf-8")
    for _, article in split_clean(clean):
        yield "clean", article, "news.txt"
    yield "clean-one-file", clean, "news.txt"
    records = [json.loads(line) for line in (EVAL / "news-dev.jsonl").open(encoding="utf-8")]
    for group in articles(records):
        yield "news-dev-clean", "\n\n".join(r["clean"] for r in group), "news.txt"
    for line in (EVAL / "external-dev.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        if item["label"] == "correct":
            yield "external-correct", item["text"], "item.txt"
    for name in ("ACL", "arXiv.pdftotext", "Wiki"):
        lines = (EVAL / "wsc-dev" / name / "correct.txt").read_text(encoding="utf-8").splitlines()
        for i in range(0, len(lines), LINES_PER_DOCUMENT):
            yield f"wsc-{name}", "\n\n".join(lines[i:i + LINES_PER_DOCUMENT]), "wiki.txt"
    if tech:
        import techdocs
        for path in techdocs.collect([r for r in techdocs.default_roots() if r.exists()]):
            try:
                yield "techdocs", read_source(path).text, str(path)
            except InputError:
                continue


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tech", action="store_true", help="also lint bench/techdocs.py's documentation set")
    ap.add_argument("--list", type=Path, metavar="FILE", help="write every finding with its context to FILE")
    args = ap.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} is not available")
        return 0
    engine = Engine(overrides=Overrides(select=[RULE], languagetool=False))
    counts: Counter[str] = Counter()
    out = args.list.open("w", encoding="utf-8") if args.list else None
    for name, text, filename in documents(args.tech):
        counts[name] += 0
        for d in engine.lint(text, filename).diagnostics:
            counts[name] += 1
            if out:
                context = f"{text[max(0, d.start - 60):d.start]}[{text[d.start:d.end]}]{text[d.end:d.end + 40]}"
                out.write(f"{name}\t{context.replace(chr(10), '⏎')}\n")
    if out:
        out.close()
    for name, n in counts.items():
        print(f"{name:20} {n:5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
