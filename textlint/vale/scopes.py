"""Vale's ``IgnoredScopes`` (inline markup whose text is not linted) and ``SkippedScopes``
(blocks that are not linted), for Markdown.

Vale's defaults, ``IgnoredScopes = code, tt`` and ``SkippedScopes = script, style, pre,
figure``, are what textlint's Markdown reading always skips (code spans and blocks, HTML
blocks). Beyond them: ``strong``/``b`` (``**x**``, ``__x__``), ``em``/``i`` (``*x*``,
``_x_``), ``a`` (a link's text) and ``blockquote`` (``>`` lines). Other names are
reported once and not honoured.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..document import Span
from .ini import DEFAULT_IGNORED_SCOPES, DEFAULT_SKIPPED_SCOPES, ValeConfig

_PATTERNS = {
    "strong": r"(?<![*\w])\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)|(?<![_\w])__(?=\S)(.+?)(?<=\S)__(?![_\w])",
    "em": r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])",
    "a": r"(?<!!)\[([^\]\n]+)\](?=[(\[])",
    "blockquote": r"(?m)^[ ]{0,3}>.*$",
}
_ALIASES = {"b": "strong", "i": "em", "tt": "code"}
#: Scopes textlint's Markdown reading skips anyway.
ALWAYS = frozenset({*DEFAULT_IGNORED_SCOPES, *DEFAULT_SKIPPED_SCOPES})


@lru_cache(maxsize=None)
def _compiled(name: str) -> regex.Pattern:
    return regex.compile(_PATTERNS[name])


def unsupported(cfg: ValeConfig) -> list[str]:
    """Scope names of the configuration that textlint does not honour."""
    names = [*cfg.ignored_scopes, *cfg.skipped_scopes]
    return [n for n in dict.fromkeys(names) if n not in ALWAYS and _ALIASES.get(n, n) not in _PATTERNS]


def scope_spans(text: str, cfg: ValeConfig, fmt: str) -> list[Span]:
    """The spans of *text* the configured scopes leave out (Markdown only)."""
    if fmt != "markdown":
        return []
    out: list[Span] = []
    for name in dict.fromkeys(_ALIASES.get(n, n) for n in (*cfg.ignored_scopes, *cfg.skipped_scopes)):
        if name in _PATTERNS:
            out += [Span(*m.span()) for m in _compiled(name).finditer(text)]
    return out
