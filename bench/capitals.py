"""cleanup.MidSentenceCapital alone, on the four kinds of text, with news-dev split in halves.

    python bench/capitals.py [--sets news,draws,bbc,wiki,external] [--seeds 21,22] [--draws 5]
                             [--show N]

The rule was tuned on news-dev as a whole; this script reports news-dev's two halves
(:func:`news_eval.half`: even and odd article ids) and the two halves of the wsc-dev lines
separately, so that a change tuned by looking at one half can be checked on the other:

- ``news``: news-dev (corrupt text, articles linted whole): mid-capital defects found and
  findings that overlap no defect of any kind (false alarms), per half;
- ``draws``: fresh mid-capital injections into the clean articles, exactly the draws of
  ``bench/redraw.py --kind mid-capital --seed N --draws D`` (same random sequence), per half;
- ``bbc``: news-clean-dev linted as one file and per article (every finding is a false alarm;
  every finding is a false alarm);
- ``wiki``: the correct side of wsc-dev Wiki in 50-line documents (as ``bench/wikitext.py``),
  findings per half;
- ``external``: external-dev.jsonl items linted one by one (in process, not through the CLI as
  ``bench/external.py`` does): capital-spurious items found, correct items flagged by the rule.

Only this rule runs (the linter's one-finding-per-defect step with other rules is skipped), so
the figures can differ by a finding or two from the full benchmarks. Skips cleanly when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textlint.engine import Engine, Overrides  # noqa: E402
from news_eval import EVAL, SEP, articles, half, split_clean  # noqa: E402
from redraw import inject  # noqa: E402

RULE = "cleanup.MidSentenceCapital"
WIKI = EVAL / "wsc-dev" / "Wiki" / "correct.txt"
LINES_PER_DOCUMENT = 50


def _show(label: str, text: str, start: int, end: int) -> str:
    return f"    {label}: {text[max(0, start - 50):start]}[{text[start:end]}]{text[end:end + 40]}".replace("\n", "⏎")


def news(engine: Engine, groups: list[list[dict]], show: int) -> None:
    for name in ("train", "test"):
        total = found = alarms = 0
        shown = []
        for group in groups:
            if half(group) != name:
                continue
            text, offsets = "", []
            for r in group:
                offsets.append(len(text))
                text += r["corrupt"] + SEP
            spans = [(off + d["start"], off + d["end"], d["kind"]) for r, off in zip(group, offsets)
                     for d in r["defects"]]
            hit = set()
            for d in engine.lint(text, "news.txt").diagnostics:
                over = [k for k, (s, e, _) in enumerate(spans) if d.start < e and s < max(d.end, d.start + 1)]
                hit.update(over)
                if not over:
                    alarms += 1
                    shown.append(_show("alarm", text, d.start, d.end))
            caps = [k for k, (_, _, kind) in enumerate(spans) if kind == "mid-capital"]
            total += len(caps)
            found += sum(k in hit for k in caps)
            shown += [_show("miss", text, spans[k][0], spans[k][1]) for k in caps if k not in hit]
        print(f"news-dev {name:5}: mid-capital {found}/{total} = {100 * found / max(total, 1):.1f} %, "
              f"false alarms {alarms}")
        for line in shown[:show]:
            print(line)


def draws(engine: Engine, groups: list[list[dict]], seed: int, n: int, show: int) -> None:
    """The draws of bench/redraw.py (same random sequence), scored per half."""
    rng = random.Random(seed)
    totals = {"train": [0, 0, 0], "test": [0, 0, 0]}
    shown: list[str] = []
    for _ in range(n):
        for group in groups:
            paras = [r["clean"] for r in group]
            new_paras, spans = list(paras), []
            for i in sorted(rng.sample(range(len(paras)), max(1, len(paras) // 10))):
                got = inject("mid-capital", paras[i], rng)
                if got:
                    new_paras[i], s, e = got
                    spans.append((i, s, e))
            if not spans:
                continue
            text, offsets = "", []
            for p in new_paras:
                offsets.append(len(text))
                text += p + SEP
            clean_keys = _keys(engine, SEP.join(paras) + SEP, paras)
            row = totals[half(group)]
            hit = [False] * len(spans)
            for d in engine.lint(text, "news.txt").diagnostics:
                over = [k for k, (i, s, e) in enumerate(spans)
                        if d.start < offsets[i] + e and offsets[i] + s < max(d.end, d.start + 1)]
                for k in over:
                    hit[k] = True
                para = max(k for k, off in enumerate(offsets) if off <= d.start)
                if not over and (para, text[d.start:d.end]) not in clean_keys:
                    row[2] += 1
                    shown.append(_show("alarm", text, d.start, d.end))
            row[0] += len(spans)
            row[1] += sum(hit)
            for k, (i, s, e) in enumerate(spans):
                if not hit[k]:
                    shown.append(_show("miss", new_paras[i], s, e))
    for name, (t, f, a) in totals.items():
        print(f"draws seed {seed} {name:5}: mid-capital {f}/{t} = {100 * f / max(t, 1):.1f} %, new alarms {a}")
    t, f, a = (sum(x) for x in zip(*totals.values()))
    print(f"draws seed {seed} all  : mid-capital {f}/{t} = {100 * f / max(t, 1):.1f} %, new alarms {a}")
    for line in random.Random(0).sample(shown, min(show, len(shown))):
        print(line)


def _keys(engine: Engine, text: str, paras: list[str]) -> set[tuple[int, str]]:
    offsets, pos = [], 0
    for p in paras:
        offsets.append(pos)
        pos += len(p) + len(SEP)
    return {(max(k for k, off in enumerate(offsets) if off <= d.start), text[d.start:d.end])
            for d in engine.lint(text, "news.txt").diagnostics}


def bbc(engine: Engine, show: int) -> None:
    path = EVAL / "news-clean-dev.txt"
    text = path.read_text(encoding="utf-8")
    words = len(text.split())
    whole = engine.lint(text, str(path)).diagnostics
    print(f"BBC one file: {len(whole)} findings ({1e4 * len(whole) / words:.2f} per 10k words)")
    for d in whole[:show]:
        print(_show("alarm", text, d.start, d.end))
    per = []
    for off, article in split_clean(text):
        per += [(article, d) for d in engine.lint(article, "clean.txt").diagnostics]
    print(f"BBC per article: {len(per)} findings")
    for article, d in per[:show]:
        print(_show("alarm", article, d.start, d.end))


def wiki(engine: Engine, show: int) -> None:
    lines = WIKI.read_text(encoding="utf-8").split("\n")
    counts = {"train": 0, "test": 0}
    shown = []
    for k, i in enumerate(range(0, len(lines), LINES_PER_DOCUMENT)):
        text = "\n\n".join(lines[i:i + LINES_PER_DOCUMENT])
        name = wiki_half(k)
        for d in engine.lint(text, "wiki.txt").diagnostics:
            counts[name] += 1
            if name == "test":
                shown.append(_show("alarm", text, d.start, d.end))
    print(f"Wikipedia: train {counts['train']}, test {counts['test']}, all {sum(counts.values())} findings")
    for line in shown[:show]:
        print(line)


def wiki_half(document: int) -> str:
    """The half of wsc-dev's 50-line documents a document belongs to (train: even numbers)."""
    return "train" if document % 2 == 0 else "test"


def external(engine: Engine, show: int) -> None:
    items = [json.loads(line) for line in (EVAL / "external-dev.jsonl").open(encoding="utf-8")]
    found = total = alarms = correct = 0
    shown = []
    for item in items:
        diags = engine.lint(item["text"], "item.txt").diagnostics
        if item["label"] == "correct":
            correct += 1
            if diags:
                alarms += 1
                shown.append(f"    alarm [{item['kind']}]: {item['text'][:120]!r} <- "
                             + ", ".join(repr(item["text"][d.start:d.end]) for d in diags))
        elif item["kind"] == "capital-spurious":
            total += 1
            hit = any(d.start < e and s < d.end for d in diags for s, e in item["spans"])
            found += hit
            if not hit:
                shown.append(f"    miss: {item['text'][:120]!r}")
    print(f"external-dev: capital-spurious found {found}/{total}, correct items flagged {alarms}/{correct}")
    for line in shown[:show]:
        print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="news,draws,bbc,wiki,external")
    ap.add_argument("--seeds", default="21,22")
    ap.add_argument("--draws", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="examples of misses and alarms to print")
    args = ap.parse_args()
    if not (EVAL / "news-dev.jsonl").exists():
        print(f"skipped: {EVAL} is not available")
        return 0
    engine = Engine(overrides=Overrides(select=[RULE], languagetool=False))
    sets = args.sets.split(",")
    groups = articles([json.loads(line) for line in (EVAL / "news-dev.jsonl").open(encoding="utf-8")])
    if "news" in sets:
        news(engine, groups, args.show)
    if "draws" in sets:
        for seed in map(int, args.seeds.split(",")):
            draws(engine, groups, seed, args.draws, args.show)
    if "bbc" in sets:
        bbc(engine, args.show)
    if "wiki" in sets:
        wiki(engine, args.show)
    if "external" in sets:
        external(engine, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
