"""How often common words are capitalised: the evidence that a capital is out of place.

``wordfreq`` (:mod:`textlint.lexicon`) is case-folded, so it cannot tell "deploy"
from "Brazil". :func:`get_casing` loads a small table built from a cased corpus
(``scripts/build_casing.py``): for words written in lowercase far more often
than capitalised, ``log P(Word) / P(word)``. A word missing from the table is
a name or too rare to judge.
"""

from __future__ import annotations

import gzip
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .cachefile import Answers

DATA = Path(__file__).resolve().parent / "data" / "casing.tsv.gz"
#: The name of the table kept in the cache directory (:func:`textlint.cachefile.table_of`).
TABLE = "casing"


class Casing:
    """Log ratios of capitalised to lowercase use, for normally lowercase words; the table
    loads when the first word is asked about (a short file often asks none)."""

    def __init__(self, load: Callable[[], Answers]) -> None:
        self._load = load

    @cached_property
    def _ratios(self) -> Answers:
        return self._load()

    def answers(self) -> Answers:
        """The table's ratios by lowercase word (what :meth:`ratio` reads)."""
        return self._ratios

    def ratio(self, word: str) -> float | None:
        """``log P(Word) - log P(word)`` (natural log), or None when *word* is not
        known to be normally lowercase."""
        return self._ratios[word.lower()]

    def normally_lowercase(self, word: str, threshold: float = -2.0) -> bool:
        """Whether *word* is capitalised at most e**threshold times as often as not."""
        r = self._ratios[word.lower()]
        return r is not None and r <= threshold


@lru_cache(maxsize=1)
def get_casing() -> Casing:
    """The shared casing table (its data read in place, a word the first time it is asked)."""
    from .cachefile import table_of

    return Casing(lambda: table_of(TABLE, DATA, _read, None))


def _read() -> dict[str, float]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        fields = f.read().split()
    start = fields.index("(MIT)") + 1  # after the header line
    words, values = fields[start::2], fields[start + 1::2]
    return dict(zip(words, map(float, values)))
