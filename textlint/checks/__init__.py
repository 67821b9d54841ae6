"""Built-in checks: rules written in Python for what a regular expression cannot do well.

Register a check by adding its class to :data:`CHECKS`.
"""

from __future__ import annotations

from ..rule import Rule
from .base import Check
from .capitals import MidSentenceCapital
from .doubled import DoubledWord
from .entities import HtmlEntity
from .hyphens import BrokenHyphenation, StrayHyphen
from .linebreaks import LineBreakInSentence
from .names import NameVariant
from .quotes import MixedQuotes, QuoteSpacing, UnmarkedQuotation, UnpairedQuote
from .spacing import SPACING_CHECKS
from .spacing.marks import MARK_CHECKS

CHECKS: list[type[Check]] = [
    BrokenHyphenation, DoubledWord, HtmlEntity, LineBreakInSentence, MidSentenceCapital, MixedQuotes, NameVariant, QuoteSpacing,
    StrayHyphen, UnmarkedQuotation, UnpairedQuote, *SPACING_CHECKS, *MARK_CHECKS,
]


def builtin_checks() -> list[Rule]:
    return [cls() for cls in CHECKS]
