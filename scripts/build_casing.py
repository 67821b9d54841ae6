"""Build ``textlint/data/casing.tsv.gz``: how often common English words are capitalised.

    pip install spacy-lookups-data==1.0.5
    python scripts/build_casing.py

The source is spaCy's English lexeme probabilities (``en_lexeme_prob`` in the
MIT-licensed ``spacy-lookups-data`` package), estimated on a large cased web
corpus, so "Russia" and "russia" have separate probabilities. For every
lowercase word that the lexicon knows (Zipf >= 2) we keep
``log P(Word) - log P(word)``, rounded to 0.1, when it is at most -1.0: words
that are written in lowercase far more often than capitalised. Names (Russia,
Putin, Thursday) are more often capitalised and are left out, so a word that is
missing from the table is never treated as "normally lowercase".
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.lexicon import get_lexicon  # noqa: E402

OUT = ROOT / "textlint" / "data" / "casing.tsv.gz"
LOWER = regex.compile(r"^\p{Ll}+$")
#: log ratio given to a word whose capitalised form the source never saw
NEVER_CAPITALISED = -9.9


def main() -> int:
    import spacy_lookups_data

    src = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    probs: dict[str, float] = json.loads(gzip.open(src).read())
    lexicon = get_lexicon()
    rows = []
    for word, logp in probs.items():
        if not LOWER.match(word) or lexicon.zipf(word) < 2.0:
            continue
        title = probs.get(word[0].upper() + word[1:])
        if title is None and lexicon.zipf(word) < 3.5:
            continue  # a rare word the source never saw capitalised: no evidence either way
        ratio = NEVER_CAPITALISED if title is None else round(title - logp, 1)
        if ratio <= -1.0:
            rows.append(f"{word}\t{ratio}")
    rows.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# word\tlog(P(Capitalised)/P(lowercase)); from spacy-lookups-data en_lexeme_prob (MIT)\n"
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(header + "\n".join(rows) + "\n")
    print(f"{len(rows)} words -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
