"""What the editor may set: ``initializationOptions`` or the ``textlint`` section of
``workspace/configuration``.

Only switches: ``languagetool`` (on/off; off unless the editor asks) and
``debounce`` (milliseconds of quiet after typing before a lint). Editor settings can
come from a repository (``.vscode/settings.json``), so, like a project's
configuration file, they never name a program to run or a server to send text to
(docs/security.md): LanguageTool's Java, URL and cache come from the user's own
configuration or the environment only.
"""

from __future__ import annotations

from typing import Any

from ..dataclass import dataclass

SECTION = "textlint"
DEFAULT_DEBOUNCE_MS = 100
MAX_DEBOUNCE_MS = 10_000


@dataclass(frozen=True)
class ClientSettings:
    languagetool: bool = False
    debounce_ms: int = DEFAULT_DEBOUNCE_MS


def parse(raw: Any, current: ClientSettings | None = None) -> tuple[ClientSettings, list[str]]:
    """Settings from the editor's object (``{"textlint": {...}}`` or the section itself),
    over *current*; unknown or ill-typed keys are ignored and reported."""
    settings = current or ClientSettings()
    problems: list[str] = []
    if raw is None:
        return settings, problems
    if isinstance(raw, dict) and isinstance(raw.get(SECTION), dict):
        raw = raw[SECTION]
    if not isinstance(raw, dict):
        return settings, [f"settings: expected an object, got {type(raw).__name__}; ignored"]
    languagetool, debounce = settings.languagetool, settings.debounce_ms
    for key, value in raw.items():
        if key == "languagetool":
            if isinstance(value, bool):
                languagetool = value
            else:
                problems.append("settings: 'languagetool' must be true or false; ignored")
        elif key == "debounce":
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DEBOUNCE_MS:
                debounce = value
            else:
                problems.append(f"settings: 'debounce' must be 0..{MAX_DEBOUNCE_MS} milliseconds; ignored")
        else:
            problems.append(f"settings: unknown key '{key}' (known: debounce, languagetool); ignored")
    return ClientSettings(languagetool, debounce), problems
