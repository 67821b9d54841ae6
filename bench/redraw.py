"""Recall of the cleanup checks on fresh corruption draws of the news-dev articles.

    python bench/redraw.py [--draws 5] [--seed 0] [--kind quote-drop] [--show 10]
                           [--show-misses misses.jsonl]

news-dev has few defects of some kinds (47 quote-drops), so its recall moves by two
points per defect. This script takes the *clean* news-dev articles and injects new
defects of the five cleanup kinds, following the corruption rules in
``../shared/eval/README.md``, with fresh random draws: one defect per paragraph in one of
every ten paragraphs of each article (about the density of news-dev), each article linted
as one document. A defect is found when a diagnostic overlaps its span (as ``score.py
detect`` counts). Diagnostics that overlap no injected defect and that the clean article
does not get (same paragraph, rule and flagged text) are counted as new false alarms.
``--show-misses FILE`` writes every missed defect as a JSON line (kind, the corrupted
article, the defect's span and paragraph) for analysis. Skips cleanly when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textlint.engine import Engine, Overrides  # noqa: E402
from news_eval import articles  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SEP = "\n\n"
KINDS = ("doubled-word", "mid-capital", "stray-hyphen", "line-break", "quote-drop")
_WORD = regex.compile(r"(?<=^|[ \u00a0])[\p{L}’'-]+(?=[ \u00a0,.;:!?]|$)")
_QUOTED = (regex.compile(r"“[^“”\n]+”"), regex.compile(r"(?<![\p{L}])‘[^‘’\n]+’(?![\p{L}])"))


def _token_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole whitespace-delimited tokens."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def inject(kind: str, para: str, rng: random.Random) -> tuple[str, int, int] | None:
    """``para`` with one defect of ``kind`` and the defect's span, or None if none fits."""
    words = list(_WORD.finditer(para))
    if kind == "doubled-word":
        if not words:
            return None
        m = rng.choice(words)
        w = m.group()
        copy = w[0].upper() + w[1:] if rng.random() < 0.5 else w
        new = para[:m.end()] + " " + copy + para[m.end():]
        return new, m.start(), m.end() + 1 + len(copy)
    if kind == "mid-capital":
        cands = [m for m in words if m.group()[0].islower() and m.start() > 0
                 and not regex.search(r"[.!?:;][ \u00a0]*$", para[:m.start()])]
        if not cands:
            return None
        m = rng.choice(cands)
        new = para[:m.start()] + m.group()[0].upper() + para[m.start() + 1:]
        return new, *_token_at(new, m.start(), m.end())
    if kind == "stray-hyphen":
        compounds = list(regex.finditer(r"(?<=\p{L})-(?=\p{L})", para))
        starts = [0] + [m.end() for m in regex.finditer(r"[.!?][ \u00a0]+(?=\p{Lu})", para)]
        if compounds and rng.random() < 0.3:
            m = rng.choice(compounds)
            new = para[:m.start()] + " -" + para[m.end():]
            return new, *_token_at(new, m.start(), m.start() + 2)
        i = rng.choice(starts)
        if not para[i:i + 1].isalpha():
            return None
        new = para[:i] + "-" + para[i:]
        return new, *_token_at(new, i, i + 1)
    if kind == "line-break":
        # a space inside a sentence: after a word, a comma, an apostrophe or a dash (news-dev
        # has no break after . ! ? : or ;), before a word
        spaces = [m.start() for m in regex.finditer(r"(?<=[\p{L}\p{N},’–]) (?=[\p{L}\p{N}“‘(])", para)]
        if not spaces:
            return None
        i = rng.choice(spaces)
        new = para[:i] + "\n" + para[i + 1:]
        return new, *_token_at(new, i, i + 1)
    if kind == "quote-drop":
        spans = [m for pattern in _QUOTED for m in pattern.finditer(para)]
        if not spans:
            return None
        m = rng.choice(spans)
        i = m.start() if rng.random() < 0.5 else m.end() - 1
        new = para[:i] + para[i + 1:]
        return new, *_token_at(new, i, i)
    raise ValueError(kind)


def _keys(text: str, offsets: list[int], diags) -> list[tuple[int, str, str]]:
    """Each diagnostic as (paragraph index, rule, flagged text): stable under injections."""
    out = []
    for d in diags:
        i = max(k for k, off in enumerate(offsets) if off <= d.start)
        out.append((i, d.rule, text[d.start:d.end]))
    return out


def _join(paras: list[str]) -> tuple[str, list[int]]:
    offsets, pos = [], 0
    for p in paras:
        offsets.append(pos)
        pos += len(p) + len(SEP)
    return SEP.join(paras), offsets


def run(engine: Engine, groups: list[list[dict]], kind: str, rng: random.Random,
        show: int, misses: list[dict] | None = None) -> tuple[int, int, list[str]]:
    """Inject ``kind`` into each article once; return (defects, found, new false alarms).
    Each missed defect is appended to *misses* when given."""
    total = found = 0
    alarms: list[str] = []
    for group in groups:
        paras = [r["clean"] for r in group]
        text, offsets = _join(paras)
        baseline = set(_keys(text, offsets, engine.lint(text, "news.txt").diagnostics))
        new_paras, spans = list(paras), []
        for i in sorted(rng.sample(range(len(paras)), max(1, len(paras) // 10))):
            got = inject(kind, paras[i], rng)
            if got:
                new_paras[i], s, e = got
                spans.append((i, s, e))
        if not spans:
            continue
        text, offsets = _join(new_paras)
        diags = engine.lint(text, "news.txt").diagnostics
        hit = [False] * len(spans)
        for d, key in zip(diags, _keys(text, offsets, diags)):
            ds, de = d.start, max(d.end, d.start + 1)
            overlaps = [k for k, (i, s, e) in enumerate(spans) if ds < offsets[i] + e and offsets[i] + s < de]
            for k in overlaps:
                hit[k] = True
            if not overlaps and key not in baseline:
                alarms.append(f"{d.rule}: {text[max(0, d.start - 40):d.end + 40]!r}")
        total += len(spans)
        found += sum(hit)
        for k, (i, s, e) in enumerate(spans):
            if not hit[k] and misses is not None:
                misses.append({"kind": kind, "text": text, "start": offsets[i] + s,
                               "end": offsets[i] + e, "defect": new_paras[i][s:e],
                               "paragraph": new_paras[i]})
            if not hit[k] and show > 0:
                show -= 1
                p = new_paras[i]
                print(f"  miss: …{p[max(0, s - 60):s]}[{p[s:e]}]{p[e:e + 60]}…".replace("\n", "⏎"))
    return total, found, alarms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draws", type=int, default=5, help="draws per kind (default 5)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kind", action="append", choices=KINDS, help="kinds to draw (default all)")
    ap.add_argument("--show", type=int, default=0, help="print this many misses per kind")
    ap.add_argument("--show-misses", metavar="FILE", type=Path,
                    help="write every missed defect to FILE as JSON lines")
    args = ap.parse_args()
    path = EVAL / "news-dev.jsonl"
    if not path.exists():
        print(f"skipped: {EVAL} is not available")
        return 0
    groups = articles([json.loads(line) for line in path.open(encoding="utf-8")])
    engine = Engine(overrides=Overrides(languagetool=False))
    rng = random.Random(args.seed)
    misses: list[dict] | None = [] if args.show_misses else None
    print(f"{'kind':14} {'defects':>8} {'found':>7} {'recall':>7} {'new alarms':>11}")
    for kind in args.kind or KINDS:
        totals: Counter = Counter()
        alarms: list[str] = []
        shown = 0
        for _ in range(args.draws):
            t, f, a = run(engine, groups, kind, rng, args.show - shown, misses)
            shown += min(args.show - shown, t - f)
            totals.update(defects=t, found=f)
            alarms += a
        print(f"{kind:14} {totals['defects']:8} {totals['found']:7} "
              f"{100 * totals['found'] / max(1, totals['defects']):7.1f} {len(alarms):11}")
        for a in alarms[:args.show]:
            print("  alarm:", a)
    if misses is not None:
        with args.show_misses.open("w", encoding="utf-8") as out:
            for miss in misses:
                out.write(json.dumps(miss, ensure_ascii=False) + "\n")
        print(f"{len(misses)} misses written to {args.show_misses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
