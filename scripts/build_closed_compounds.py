"""Build ``textlint/data/closed_compounds.txt.gz``: dictionary words that the lexicon does not know.

    apt-get install wamerican-large wbritish-large      # Debian's SCOWL size-70 word lists
    python scripts/build_closed_compounds.py

An edited dictionary lists closed compounds and derived words that web counts miss or keep
below ``wordfreq``'s floor ("spellchecking", "analphabetic", "unshareable"): the spacing model
sees such a token as unknown and two known words as a better reading, yet the token is a
word, so cutting it is never safe (docs/safe-fixes.md). The sources are Debian's
``wamerican-large`` and ``wbritish-large`` packages (SCOWL size 70, version 2020.12.07;
SCOWL's license: permission to use, copy, modify, distribute and sell, with its copyright
notice, in ``/usr/share/doc/wamerican-large/copyright``), as for
``scripts/build_glued_forms.py``. The table holds every lowercase, alphabetic word of either
list, five letters or more, that the lexicon (``textlint.lexicon``: wordfreq) does not know
and that splits into two words the lexicon knows. The package is needed only to rebuild it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))
from build_glued_forms import dictionary, write_table  # noqa: E402

from textlint.lexicon import get_lexicon  # noqa: E402

OUT = ROOT / "textlint" / "data" / "closed_compounds.txt.gz"
MIN_LENGTH = 5


def closed_compounds(words: set[str]) -> list[str]:
    lexicon = get_lexicon()
    return sorted(w for w in words
                  if len(w) >= MIN_LENGTH and w.isalpha() and w.islower() and w not in lexicon
                  and any(w[:c] in lexicon and w[c:] in lexicon for c in range(1, len(w))))


def main() -> int:
    words = closed_compounds(dictionary())
    header = ("# lowercase SCOWL-70 words (Debian wamerican-large, wbritish-large 2020.12.07) of five letters "
              "or more that wordfreq lacks but that split into two wordfreq words; "
              "scripts/build_closed_compounds.py\n")
    write_table(OUT, header, words)
    print(f"{len(words)} closed compounds -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
