"""Word frequencies, loaded once and lazily: the lexicon behind the built-in checks.

:func:`get_lexicon` returns the process-wide :class:`Lexicon`. Lookups are plain
dict accesses; the table is read from ``wordfreq``'s English data the first
time it is needed.
"""

from __future__ import annotations

import math
from functools import lru_cache


class Lexicon:
    """English word frequencies on the Zipf scale (log10 of uses per billion words)."""

    def __init__(self, frequencies: dict[str, float]) -> None:
        self._zipf = {w: round(math.log10(f * 1e9), 2) for w, f in frequencies.items() if f > 0}

    def zipf(self, word: str) -> float:
        """Zipf frequency of *word* (case-insensitive); 0.0 when unknown."""
        return self._zipf.get(word.lower(), 0.0)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._zipf


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use)."""
    import wordfreq

    return Lexicon(wordfreq.get_frequency_dict("en", wordlist="best"))
