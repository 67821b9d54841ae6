"""textlint against Vale 3.22 on Vale's published styles: the same findings, and the time.

    python bench/vale.py [--styles Google,Microsoft,...] [--runs 3] [--show N] [--rules]

For each style (Google, Microsoft, write-good, proselint, Joblint, alex) in
../shared/vale/styles, both tools lint ../shared/vale/corpus:

- Vale with a ``.vale.ini`` in a temporary folder (``StylesPath`` = the styles folder,
  ``MinAlertLevel = suggestion``, ``[*.{md,txt}] BasedOnStyles = <style>``),
  ``vale --config=INI --output=JSON corpus``;
- textlint with the style folder as a rule path and only that style selected:
  ``textlint check --rules STYLE --select STYLE --format json --no-languagetool corpus``
  (with an empty configuration file, so that nothing else is read).

Matching: the same file and line, overlapping columns, the same rule (Vale's ``Check``,
``Microsoft.Adverbs``, is textlint's rule id); each finding is matched at most once. The
table gives, per style, the share of Vale's findings that textlint matches and of
textlint's that Vale matches, and the wall and CPU time (user and system, all threads and
processes) of each tool (after one untimed run of each, runs interleaved, Vale then
textlint, the median of ``--runs``; textlint's compiled bytecode is kept between runs, as
an installed package has it). ``--rules`` adds a line per rule with a difference;
``--show N`` prints up to N unmatched findings of each side per rule; ``--explain`` sorts
the differences by kind (:func:`explain`). ``--cases`` runs Vale on the small cases that
tests/test_vale_semantics.py pins (tests/vale_cases.py), to show they are Vale's behaviour.

Vale is /work/vale/bin/vale, or $VALE, or ``vale`` on the PATH. To build it (about 4
minutes on 2 cores; it compiles cgo code)::

    GOFLAGS=-mod=mod GOBIN="$PWD/bin" go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0

(../shared/vale/README.md). Skips cleanly when Vale or ../shared/vale is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "vale"
STYLES = ("Google", "Microsoft", "write-good", "proselint", "Joblint", "alex")


def find_vale() -> str | None:
    for candidate in (os.environ.get("VALE"), "/work/vale/bin/vale", shutil.which("vale")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def vale_config(folder: Path, style: str, styles: Path) -> Path:
    ini = folder / f"{style}.vale.ini"
    ini.write_text(f"StylesPath = {styles}\nMinAlertLevel = suggestion\n\n"
                   f"[*.{{md,txt}}]\nBasedOnStyles = {style}\n", encoding="utf-8")
    return ini


def timed(cmd: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, tuple[float, float]]:
    """Run *cmd*; its result and (wall, CPU) seconds (CPU: user and system, children too)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def run_vale(vale: str, ini: Path, corpus: Path) -> tuple[list[dict], tuple[float, float]]:
    result, elapsed = timed([vale, f"--config={ini}", "--output=JSON", "--no-exit", str(corpus)], cwd=ini.parent)
    if result.returncode != 0:
        sys.exit(f"vale failed ({result.returncode}):\n{result.stderr[:2000]}")
    out = []
    for path, alerts in json.loads(result.stdout or "{}").items():
        for a in alerts:
            out.append({"file": Path(path).name, "rule": a["Check"], "line": a["Line"],
                        "start": a["Span"][0], "end": a["Span"][1], "text": a.get("Match", ""),
                        "message": a.get("Message", "")})
    return out, elapsed


def run_textlint_cli(args: list[str], folder: Path) -> tuple[subprocess.CompletedProcess, tuple[float, float]]:
    """``textlint check ARGS --exit-zero --no-progress`` from this tree, run in *folder* and
    timed; the compiled bytecode is kept in *folder* between runs, as an installed package
    has it (even where the environment sets PYTHONDONTWRITEBYTECODE). Exits on failure."""
    cmd = [sys.executable, "-m", "textlint", "check", *args, "--exit-zero", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result, elapsed = timed(cmd, cwd=folder, env=env)
    if result.returncode != 0:
        sys.exit(f"textlint failed ({result.returncode}):\n{result.stderr[:2000]}")
    return result, elapsed


def run_textlint(style_dir: Path, style: str, corpus: Path, config: Path) -> tuple[list[dict], tuple[float, float]]:
    result, elapsed = run_textlint_cli(
        ["--config", str(config), "--rules", str(style_dir), "--select", style, "--format", "jsonl",
         "--no-languagetool", str(corpus)], config.parent)
    out = []
    texts: dict[str, str] = {}
    for d in map(json.loads, result.stdout.splitlines()):
        end = d["end_column"] - 1 if d["end_line"] == d["line"] else 10**9
        if d["path"] not in texts:
            texts[d["path"]] = Path(d["path"]).read_text(encoding="utf-8")
        out.append({"file": Path(d["path"]).name, "rule": d["rule"], "line": d["line"],
                    "start": d["column"], "end": max(end, d["column"]), "message": d["message"],
                    "text": texts[d["path"]][d["start"]:d["end"]]})
    return out, elapsed


def match(vale: list[dict], ours: list[dict]) -> tuple[list[dict], list[dict]]:
    """(Vale's findings textlint has not, textlint's findings Vale has not): same file, line
    and rule, overlapping columns (Vale's span is inclusive), each matched once."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for d in ours:
        by_key[(d["file"], d["line"], d["rule"])].append(d)
    taken: set[int] = set()
    missed = []
    for v in vale:
        hit = next((d for d in by_key[(v["file"], v["line"], v["rule"])]
                    if id(d) not in taken and d["start"] <= v["end"] and v["start"] <= d["end"]), None)
        if hit is None:
            missed.append(v)
        else:
            taken.add(id(hit))
    return missed, [d for d in ours if id(d) not in taken]


#: Inline Markdown that Vale drops from a block's text before matching (code it masks).
MARKUP = ("`", "**", "_", "[", "](", "<", "&", "\\")


def marked_up_block(path: Path, line: int) -> bool:
    """Whether *line* of a Markdown file lies in a block (lines between blank lines) of
    several lines that holds inline Markdown or indented lines: where Vale places a match by
    searching its rendered text in the source."""
    if path.suffix != ".md":
        return False
    lines = path.read_text(encoding="utf-8").split("\n")
    first = last = line - 1
    while first > 0 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    block = lines[first:last + 1]
    return len(block) > 1 and (any(m in "\n".join(block) for m in MARKUP)
                               or any(b[:1].isspace() for b in block[1:]))


def explain(missed: list[dict], extra: list[dict], corpus: Path) -> dict[str, int]:
    """Why findings differ, by kind: a finding both tools have, placed on different lines or
    columns ("placed elsewhere": the same rule, file and text); a textlint finding Vale has
    nowhere whose text runs over a line break or over inline Markdown (Vale locates a match
    in a block of several lines by searching its rendered text in the source, which fails
    there); the rest."""
    reasons: dict[str, int] = defaultdict(int)
    pool = defaultdict(list)
    for v in missed:
        pool[(v["file"], v["rule"], v["text"].strip())].append(v)
    for d in extra:
        key = (d["file"], d["rule"], d["text"].strip())
        if pool[key]:
            pool[key].pop()
            reasons["placed elsewhere by Vale"] += 1
        elif "\n" in d["text"]:
            reasons["textlint's runs over a line break"] += 1
        elif any(m in d["text"] for m in MARKUP):
            reasons["textlint's runs over inline Markdown"] += 1
        elif marked_up_block(corpus / d["file"], d["line"]):
            reasons["textlint's in a Markdown block of several lines with inline Markdown or indents"] += 1
        else:
            reasons["textlint's, other"] += 1
    reasons["Vale's, other"] = sum(len(v) for v in pool.values())
    return reasons


def source_text(text: str, line: int, span: list[int], match: str) -> str:
    """The source text of a Vale alert: from its column on its line, as many lines as its
    match has."""
    lines = text.split("\n")
    if "\n" not in match:
        return lines[line - 1][span[0] - 1:span[1]]
    rest = match.count("\n")
    last = lines[line - 1 + rest]
    tail = match.rsplit("\n", 1)[1]
    return "\n".join([lines[line - 1][span[0] - 1:], *lines[line:line - 1 + rest],
                      last[:last.index(tail) + len(tail)]])


def run_cases(vale: str) -> int:
    """Run Vale on the cases of tests/vale_cases.py: whether each expectation is Vale's."""
    import yaml

    sys.path.insert(0, str(ROOT / "tests"))
    from vale_cases import CASES, DIFFERENCES

    cases = CASES + [(f"{name} (a difference: Vale's output)", rule, file_name, text, vale_found)
                     for name, rule, file_name, text, _, vale_found in DIFFERENCES]
    wrong = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, rule, file_name, text, expected) in enumerate(cases):
            folder = Path(tmp) / f"case{i}"
            (folder / "styles" / "Case").mkdir(parents=True)
            (folder / "styles" / "Case" / "Rule.yml").write_text(yaml.safe_dump(rule), encoding="utf-8")
            ini = vale_config(folder, "Case", folder / "styles")
            (folder / file_name).write_text(text, encoding="utf-8")
            result = subprocess.run([vale, f"--config={ini}", "--output=JSON", "--no-exit", file_name],
                                    capture_output=True, text=True, cwd=folder)
            found = sorted((a["Line"], a["Span"][0], source_text(text, a["Line"], a["Span"], a["Match"]))
                           for alerts in json.loads(result.stdout or "{}").values() for a in alerts)
            same = found == sorted(expected)
            wrong += not same
            print(f"{'ok  ' if same else 'DIFF'} {name}" + ("" if same else f": Vale {found}, expected {expected}"))
    return 1 if wrong else 0


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--rules", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--cases", action="store_true", help="check tests/vale_cases.py against Vale")
    args = parser.parse_args()
    vale = find_vale()
    if not SHARED.is_dir() and not args.cases:
        print(f"skipped: {SHARED} is missing")
        return 0
    if vale is None:
        print("skipped: Vale is not built (see this script's docstring)")
        return 0
    if args.cases:
        return run_cases(vale)
    corpus, styles = SHARED / "corpus", SHARED / "styles"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = folder / "textlint.toml"
        config.write_text("", encoding="utf-8")
        for style in args.styles.split(","):
            ini = vale_config(folder, style, styles)
            run_vale(vale, ini, corpus)  # a first run of each, untimed: files read, bytecode written
            run_textlint(styles / style, style, corpus, config)
            vale_times, our_times = [], []
            for _ in range(max(args.runs, 1)):
                theirs, t = run_vale(vale, ini, corpus)
                vale_times.append(t)
                ours, t = run_textlint(styles / style, style, corpus, config)
                our_times.append(t)
            missed, extra = match(theirs, ours)
            rows.append((style, len(theirs), len(ours), len(theirs) - len(missed), len(ours) - len(extra),
                         statistics.median(t for t, _ in vale_times), statistics.median(t for t, _ in our_times),
                         statistics.median(c for _, c in vale_times), statistics.median(c for _, c in our_times)))
            if args.rules or args.show:
                report_rules(theirs, ours, missed, extra, args.show)
            if args.explain:
                print(f"  {style}: " + ", ".join(f"{k} {v}" for k, v in explain(missed, extra, corpus).items() if v))
    print("| style | Vale | textlint | Vale's matched by textlint | textlint's matched by Vale "
          "| Vale wall | textlint wall | Vale CPU | textlint CPU |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for style, nv, nt, mv, mt, tv, tt, cv, ct in rows:
        print(f"| {style} | {nv} | {nt} | {share(mv, nv)} | {share(mt, nt)} | {tv:.2f} s | {tt:.2f} s "
              f"| {cv:.2f} s | {ct:.2f} s |")
    return 0


def report_rules(theirs, ours, missed, extra, show: int) -> None:
    count = lambda ds: defaultdict(int, ((r, sum(1 for d in ds if d["rule"] == r)) for r in {d["rule"] for d in ds}))
    nv, nt, nm, ne = count(theirs), count(ours), count(missed), count(extra)
    for rule in sorted(set(nv) | set(nt)):
        if nm[rule] or ne[rule]:
            print(f"  {rule}: Vale {nv[rule]} (textlint misses {nm[rule]}), "
                  f"textlint {nt[rule]} (Vale has not {ne[rule]})")
            for d in [d for d in missed if d["rule"] == rule][:show]:
                print(f"    - missed {d['file']}:{d['line']}:{d['start']}-{d['end']} {d['text']!r}")
            for d in [d for d in extra if d["rule"] == rule][:show]:
                print(f"    + extra  {d['file']}:{d['line']}:{d['start']}-{d['end']} {d['message'][:80]!r}")


if __name__ == "__main__":
    sys.exit(main())
