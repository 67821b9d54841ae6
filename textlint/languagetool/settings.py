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

``url``, ``java`` and ``cache-dir`` (:data:`USER_ONLY`) name a server the text is sent
to, a program to run and the directory LanguageTool is run and loaded from: only the
user's own configuration file sets them (see :mod:`textlint.config` and
docs/security.md); a project's configuration that sets them is warned about and
ignored for those keys.
"""

from __future__ import annotations

import os
import re
from dataclasses import field, fields, replace
from pathlib import Path
from typing import Any

from ..dataclass import dataclass
from ..errors import ConfigError
from ..patterns import lazy_compile

ENV_SWITCH = "TEXTLINT_LANGUAGETOOL"
ENV_URL = "TEXTLINT_LANGUAGETOOL_URL"
ENV_CACHE = "TEXTLINT_CACHE_DIR"
PRESETS = ("curated", "languagetool")
#: Keys a project's configuration may not set, and why (see the module docstring).
USER_ONLY = {
    "url": "it names a server the text is sent to",
    "java": "it names a program to run",
    "cache-dir": "it names the directory LanguageTool is run and loaded from",
}
_MEMORY = lazy_compile(r"[1-9][0-9]{0,6}[kKmMgG]?", engine=re)


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


def parse(table: Any, path: Path, trusted: bool = True, base: LanguageToolSettings | None = None,
          ignored: list[str] | None = None) -> LanguageToolSettings:
    """Settings from a ``[languagetool]`` table over *base* (the user's, or the defaults);
    errors name the file and the key.

    Unless *trusted* (the user's own file), the :data:`USER_ONLY` keys are checked, then
    ignored: *base* keeps its values, and their names are added to *ignored*.
    """
    if not isinstance(table, dict):
        raise ConfigError("expected a table", path=str(path), key="languagetool")
    s = replace(base) if base is not None else LanguageToolSettings()
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
        if key == "jvm-memory" and not _MEMORY.fullmatch(value):
            raise ConfigError('expected a size such as "512m" or "2g"', path=str(path), key=where)
        if key in USER_ONLY and not trusted:
            if ignored is not None:
                ignored.append(where)
            continue
        if key == "cache-dir":
            value = (path.parent / Path(value).expanduser()).resolve()
        setattr(s, key.replace("-", "_"), value)
    return s


def _describe(expected: Any) -> str:
    if expected is list:
        return "a list of strings"
    if expected == (int, float):
        return "a number"
    return {str: "a string", int: "an integer", bool: "true or false"}[expected]
