"""Build ``textlint/data/glued_forms.txt.gz``: web words that no dictionary has, but two of its words glued.

    apt-get install wamerican-large wbritish-large      # Debian's SCOWL size-70 word lists
    python scripts/build_glued_forms.py

Web text glues frequent word pairs ("infact", "eachother", "incase", "thankyou") so often
that ``wordfreq`` lists the glued forms as words, which hides them from the spacing model.
An edited dictionary does not: the sources here are Debian's ``wamerican-large`` and
``wbritish-large`` packages (SCOWL size 70, version 2020.12.07; SCOWL's license: permission
to use, copy, modify, distribute and sell, with its copyright notice, in
``/usr/share/doc/wamerican-large/copyright``). Size 70 rather than the default 50, so that
rare real words ("daylong", "areal", "closeup") count as words. The table holds every lowercase ``wordfreq`` word
(the lexicon's "best" English list, Zipf below 4, five letters or more) that neither list
has and that splits into two words both lists know and wordsegment's Google web bigrams
count as a pair; the spacing model
(:meth:`textlint.checks.spacing.model.Model.glued`) decides from the lexicon's pair
statistics which of them to cut. The package is needed only to rebuild the table.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.lexicon import get_lexicon  # noqa: E402

OUT = ROOT / "textlint" / "data" / "glued_forms.txt.gz"
LISTS = [Path("/usr/share/dict/american-english-large"), Path("/usr/share/dict/british-english-large")]
MAX_ZIPF = 4.0
MIN_LENGTH = 5


def dictionary() -> set[str]:
    words: set[str] = set()
    for path in LISTS:
        if not path.exists():
            sys.exit(f"{path} is missing: apt-get install wamerican-large wbritish-large")
        words.update(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return words


def write_table(path: Path, header: str, words: list[str]) -> None:
    """Write a gzipped word table: its header line (source and script), then a word a line."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(header + "\n".join(words) + "\n")


def glued_forms(words: set[str]) -> list[str]:
    lexicon = get_lexicon()
    table = lexicon.zipf_table()
    table = table.build() if hasattr(table, "build") else table
    found = []
    for word, zipf100 in table.items():
        if (zipf100 / 100 >= MAX_ZIPF or len(word) < MIN_LENGTH or not word.isalpha()
                or not word.islower() or word in words):
            continue
        if any(word[:c] in words and word[c:] in words and (c > 1 or word[0] in "ai") and len(word) - c > 1
               and lexicon.pmi(word[:c], word[c:]) is not None for c in range(1, len(word))):
            found.append(word)
    return sorted(found)


def main() -> int:
    forms = glued_forms(dictionary())
    header = ("# lowercase wordfreq words (Zipf < 4) that SCOWL-70 (Debian wamerican-large, wbritish-large "
              "2020.12.07) lacks but that split into two SCOWL words that wordsegment counts as a pair; "
              "scripts/build_glued_forms.py\n")
    write_table(OUT, header, forms)
    print(f"{len(forms)} glued forms -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
