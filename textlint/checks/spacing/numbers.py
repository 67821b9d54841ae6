"""A word glued to the number after it: "was960", "in1984", "the2006 census"."""

from __future__ import annotations

from typing import Iterator

import regex

from ...lexicon import Lexicon
from .model import Change

#: A lowercase word of two or more letters directly followed by a number of two or more digits.
WORD_NUMBER = regex.compile(r"(?<![\p{L}\p{M}\p{N}_.@/-])(?P<word>\p{Ll}{2,})(?P<number>\d{2,})(?![\p{L}\p{M}\p{N}_@/])")


def word_number_runons(text: str, lexicon: Lexicon, min_zipf: float) -> Iterator[Change]:
    """A space lost between a very frequent word (a function word: "in", "of", "was", "the")
    and a number. Identifiers and units keep their digits ("base85", "mp3", "utf8", "5km")."""
    for m in WORD_NUMBER.finditer(text):
        if lexicon.zipf(m.group("word")) >= min_zipf:
            cut = m.end("word")
            yield Change(m.start(), m.end(), m.group(), f"{m.group('word')} {m.group('number')}",
                         inserts=[cut], gain=float("inf"))
