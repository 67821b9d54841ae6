"""Built-in checks: rules written in Python for what a regular expression cannot do well.

Register a check by adding its class to :data:`CHECKS`.
"""

from __future__ import annotations

from ..rule import Rule
from .base import Check
from .spacing import SPACING_CHECKS

CHECKS: list[type[Check]] = [*SPACING_CHECKS]


def builtin_checks() -> list[Rule]:
    return [cls() for cls in CHECKS]
