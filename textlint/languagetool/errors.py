"""The one exception of the LanguageTool integration: a message a user can act on."""

from __future__ import annotations


class LanguageToolError(Exception):
    """LanguageTool cannot be installed, started or reached; the message says why and what to do."""
