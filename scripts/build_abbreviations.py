"""Build ``textlint/data/abbreviations.txt``: abbreviations after which a period does not end
a sentence.

    pip install pysbd==0.3.4
    python scripts/build_abbreviations.py

Source: the English abbreviation lists of pySBD 0.3.4 (``pysbd.lang.english.English.Abbreviation``:
``ABBREVIATIONS``, ``PREPOSITIVE_ABBREVIATIONS``, ``NUMBER_ABBREVIATIONS``; MIT license,
https://github.com/nipunsadvilkar/pySBD), a rule-based sentence boundary detector.

textlint's sentence splitter (``textlint.document``) has no context rules of its own: a period
after a listed abbreviation never ends a sentence there. So an abbreviation that is also an
English word as written ("is", "may", "miss", "etc" as LanguageTool's tagger dictionary tags
it: ``textlint/data/wordtags.tsv.gz``, any class but proper noun) is left out, unless pySBD
lists it as one written before a name or a number ("no.", "art.", "gen."): after the word, a
period ends sentences too often. The output is sorted, one lowercase abbreviation with its
final period a line.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint import wordclasses  # noqa: E402

OUT = ROOT / "textlint" / "data" / "abbreviations.txt"
PYSBD_VERSION = "0.3.4"


def main() -> int:
    try:
        from pysbd.lang.english import English
    except ImportError:
        print(f"pySBD is not installed: pip install pysbd=={PYSBD_VERSION}", file=sys.stderr)
        return 1
    version = importlib.metadata.version("pysbd")
    if version != PYSBD_VERSION:
        print(f"pySBD {version} is installed; this script reads {PYSBD_VERSION}", file=sys.stderr)
        return 1
    lists = English.Abbreviation
    before_names_or_numbers = set(lists.PREPOSITIVE_ABBREVIATIONS) | set(lists.NUMBER_ABBREVIATIONS)
    every = set(lists.ABBREVIATIONS) | before_names_or_numbers
    words = {a for a in every if set(wordclasses.tags(a)) - {"P"}}
    kept = sorted(a.lower() + "." for a in every - (words - before_names_or_numbers))
    header = (f"# abbreviations after which a period does not end a sentence; from pySBD {PYSBD_VERSION} "
              "(MIT) by scripts/build_abbreviations.py\n")
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} abbreviations -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
