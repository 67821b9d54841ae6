"""Build ``textlint/data/wordsenses.tsv.gz``: what kind of thing an English noun names.

    apt-get install wordnet-base          # Debian: Princeton WordNet 3.0, /usr/share/wordnet
    python scripts/build_wordsenses.py

Source: Princeton WordNet 3.0 as Debian's ``wordnet-base`` package (1:3.0-37) installs it
(``/usr/share/wordnet/{index.noun,data.noun,noun.exc}``). License: the WordNet 3.0 license
(Princeton University; permission to use, copy, modify and distribute for any purpose
without fee, with the copyright notice kept -- reproduced in the header of the output).

For every word of the casing table (``textlint/data/casing.tsv.gz``: the normally lowercase
words, the only ones cleanup.MidSentenceCapital judges) that WordNet knows as a noun, after
WordNet's own plural rules (``noun.exc`` and the regular suffixes), one line:

    word <TAB> lexicographer file of its most frequent noun sense (e.g. "group" for
    noun.group) <TAB> share of its noun senses in noun.group (one decimal) <TAB> 1 when
    WordNet lists the capitalised word itself as a lemma (a name: "Labour", "Conservative")

The lexicographer files are WordNet's 26 supersenses (act, artifact, group, person,
location, communication, ...): institutions and bodies ("government", "cabinet", "party")
are noun.group. The output is sorted and reproducible.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.casing import get_casing  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
OUT = ROOT / "textlint" / "data" / "wordsenses.tsv.gz"
#: WordNet's lexicographer files of nouns, by number (lexnames, 3-28).
LEXNAMES = ("Tops act animal artifact attribute body cognition communication event feeling food group "
            "location motive object person phenomenon plant possession process quantity relation shape "
            "state substance time").split()
#: WordNet's regular plural endings of nouns (morphy's detachment rules).
SUFFIXES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
            ("ies", "y"), ("s", ""))


def read() -> tuple[dict[str, list[str]], dict[str, tuple[int, list[str]]], dict[str, str]]:
    index: dict[str, list[str]] = {}
    for line in (WORDNET / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        n_synsets, n_pointers = int(f[2]), int(f[3])
        index[f[0]] = f[6 + n_pointers:6 + n_pointers + n_synsets]
    synsets: dict[str, tuple[int, list[str]]] = {}
    for line in (WORDNET / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        count = int(f[3], 16)
        synsets[f[0]] = (int(f[1]), [f[4 + 2 * i] for i in range(count)])
    exceptions = {}
    for line in (WORDNET / "noun.exc").read_text(encoding="latin-1").splitlines():
        f = line.split()
        if len(f) >= 2:
            exceptions[f[0]] = f[1]
    return index, synsets, exceptions


def wordnet_license() -> list[str]:
    """The WordNet 3.0 license as Debian's copyright file states it."""
    text = Path("/usr/share/doc/wordnet-base/copyright").read_text(encoding="utf-8")
    block = text.split("License: WordNet3.0\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() if line.strip() != "." else "" for line in block.splitlines()]


def base(word: str, index: dict, exceptions: dict) -> str | None:
    if word in index:
        return word
    if word in exceptions and exceptions[word] in index:
        return exceptions[word]
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and word[:-len(suffix)] + replacement in index:
            return word[:-len(suffix)] + replacement
    return None


def main() -> int:
    index, synsets, exceptions = read()
    capitalised = defaultdict(bool)
    for _, lemmas in synsets.values():
        for lemma in lemmas:
            name = lemma.split("(")[0]
            if name[:1].isupper() and name[1:].islower() and name.isalpha():
                capitalised[name.lower()] = True
    rows = []
    for word in sorted(get_casing()._ratios):
        lemma = base(word, index, exceptions)
        if lemma is None:
            continue
        files = [synsets[offset][0] for offset in index[lemma]]
        group = sum(f == LEXNAMES.index("group") + 3 for f in files) / len(files)
        rows.append(f"{word}\t{LEXNAMES[files[0] - 3]}\t{group:.1f}\t{int(capitalised[word] or capitalised[lemma])}\n")
    header = ("# word\tsupersense of the first noun sense\tshare of noun.group senses\tWordNet has the "
              "capitalised lemma\n# derived from Princeton WordNet 3.0 (Debian wordnet-base) by "
              "scripts/build_wordsenses.py under the WordNet 3.0 license:\n"
              + "".join(f"# {line}\n" for line in wordnet_license()))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write((header + "".join(rows)).encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} nouns, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
