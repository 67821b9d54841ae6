"""The ``[languagetool]`` configuration table, the environment, and where things live.

::

    [languagetool]
    enabled = "auto"            # true, false or "auto": on when installed or a url is set
    url = "http://host:8081"    # use this running server; textlint never starts or stops it
    language = "en-US"
    preset = "curated"          # "curated" (precise grammar rules) or "languagetool" (its defaults)
    enabled-rules = ["EN_A_VS_AN"]          # LanguageTool rule ids, added to the preset
    disabled-rules = ["*_HYPHEN"]           # rule ids; * globs are filtered on our side
    enabled-categories = ["CONFUSED_WORDS"] # LanguageTool category ids
    disabled-categories = ["MISC"]
    jvm-memory = "1g"           # -Xmx of a server textlint starts
    port = 0                    # 0: a free loopback port
    idle-timeout = 3600         # seconds before an unused background server exits (0: never)
    start-timeout = 120         # seconds to wait for a server to start
    request-timeout = 60        # seconds per request
    threads = 2                 # parallel requests
    batch-chars = 4000          # characters per request (paragraphs are grouped)
    java = "/usr/bin/java"      # default: $JAVA_HOME/bin/java, then java on PATH
    cache-dir = ".cache"        # default: $TEXTLINT_CACHE_DIR, then the user cache directory
    cache = true                # cache results per paragraph on disk

Environment: ``TEXTLINT_LANGUAGETOOL`` (on, off, auto) and ``TEXTLINT_LANGUAGETOOL_URL``
override the file (``--languagetool``/``--no-languagetool`` and ``--languagetool-url``
override both); ``TEXTLINT_CACHE_DIR`` overrides ``cache-dir``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import ConfigError

ENV_SWITCH = "TEXTLINT_LANGUAGETOOL"
ENV_URL = "TEXTLINT_LANGUAGETOOL_URL"
ENV_CACHE = "TEXTLINT_CACHE_DIR"
PRESETS = ("curated", "languagetool")


@dataclass
class LanguageToolSettings:
    """The ``[languagetool]`` table with its defaults; paths are absolute."""

    enabled: bool | None = None  # None: auto
    url: str | None = None
    language: str = "en-US"
    preset: str = "curated"
    enabled_rules: list[str] = field(default_factory=list)
    disabled_rules: list[str] = field(default_factory=list)
    enabled_categories: list[str] = field(default_factory=list)
    disabled_categories: list[str] = field(default_factory=list)
    jvm_memory: str = "1g"
    port: int = 0
    idle_timeout: float = 3600.0
    start_timeout: float = 120.0
    request_timeout: float = 60.0
    threads: int = 2
    batch_chars: int = 4000
    java: str | None = None
    cache_dir: Path | None = None
    cache: bool = True
    url_option: str | None = None  # --languagetool-url: wins over the environment and `url`

    # -- resolved values ---------------------------------------------------------
    def switch(self) -> bool | None:
        """On, off, or None for auto: ``TEXTLINT_LANGUAGETOOL`` first, then ``enabled``."""
        env = os.environ.get(ENV_SWITCH, "").strip().lower()
        if env in ("1", "on", "true", "yes"):
            return True
        if env in ("0", "off", "false", "no"):
            return False
        return self.enabled

    def server_url(self) -> str | None:
        """The URL of a server to use instead of starting one: option, environment, `url`."""
        return self.url_option or os.environ.get(ENV_URL) or self.url or None

    def root(self) -> Path:
        """``<cache dir>/languagetool``: the install, the server's state and the result cache."""
        env = os.environ.get(ENV_CACHE)
        if env:
            base = Path(env).expanduser()
        elif self.cache_dir is not None:
            base = self.cache_dir
        else:
            from platformdirs import user_cache_dir

            base = Path(user_cache_dir("textlint", appauthor=False))
        return base.resolve() / "languagetool"


_TYPES: dict[str, Any] = {
    "url": str, "language": str, "preset": str, "jvm-memory": str, "java": str,
    "enabled-rules": list, "disabled-rules": list, "enabled-categories": list,
    "disabled-categories": list, "port": int, "idle-timeout": (int, float),
    "start-timeout": (int, float), "request-timeout": (int, float), "threads": int,
    "batch-chars": int, "cache-dir": str, "cache": bool,
}


def parse(table: Any, path: Path) -> LanguageToolSettings:
    """Settings from a ``[languagetool]`` table; errors name the file and the key."""
    if not isinstance(table, dict):
        raise ConfigError("expected a table", path=str(path), key="languagetool")
    s = LanguageToolSettings()
    names = {f.name for f in fields(s)}
    for key, value in table.items():
        where = f"languagetool.{key}"
        if key == "enabled":
            if value == "auto":
                s.enabled = None
            elif isinstance(value, bool):
                s.enabled = value
            else:
                raise ConfigError('expected true, false or "auto"', path=str(path), key=where)
            continue
        expected = _TYPES.get(key)
        if expected is None or key.replace("-", "_") not in names:
            raise ConfigError(f"unknown key (known: enabled, {', '.join(sorted(_TYPES))})",
                              path=str(path), key=where)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"expected {_describe(expected)}", path=str(path), key=where)
        if expected is list and not all(isinstance(v, str) for v in value):
            raise ConfigError("expected a list of strings", path=str(path), key=where)
        if key == "preset" and value not in PRESETS:
            raise ConfigError(f"expected one of {', '.join(PRESETS)}", path=str(path), key=where)
        if key in ("threads", "batch-chars") and value < 1:
            raise ConfigError("expected a positive number", path=str(path), key=where)
        if key == "port" and not 0 <= value < 65536:
            raise ConfigError("expected a port number (0 for a free port)", path=str(path), key=where)
        if key.endswith("-timeout") and value < 0:
            raise ConfigError("expected a number of seconds", path=str(path), key=where)
        if key == "cache-dir":
            value = (path.parent / value).resolve()
        setattr(s, key.replace("-", "_"), value)
    return s


def _describe(expected: Any) -> str:
    if expected is list:
        return "a list of strings"
    if expected == (int, float):
        return "a number"
    return {str: "a string", int: "an integer", bool: "true or false"}[expected]
