"""Configuration: ``textlint.toml``, ``.textlint.toml`` or ``[tool.textlint]`` in ``pyproject.toml``.

The nearest configuration file above a linted file applies to it (or the one
given with ``--config``). Keys::

    select = ["cleanup", "spacing"]        # rules, packs or categories ("ALL")
    extend-select = ["cleanup.Garbles"]
    ignore = ["cleanup.RepeatedSpaces"]
    rule-paths = ["styles/house"]           # extra YAML rule files or packs
    include = ["*.txt", "*.md"]             # what a directory walk lints
    exclude = ["vendor/*"]
    vocabulary = "styles/accept.txt"        # accepted words, one per line
    max-file-size = "100MB"                 # larger files are not linted (0: no limit)
    formats = { mdx = "markdown" }          # file extension -> text or markdown

    [rules."cleanup.DoubledWord"]           # per rule: level and options
    level = "error"                         # error, warning, info or off

    [per-file-ignores]
    "CHANGELOG.md" = ["cleanup"]

    [languagetool]                          # see textlint/languagetool/settings.py
    enabled = "auto"
"""

from __future__ import annotations

import errno
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Severity
from .errors import ConfigError
from .files import DEFAULT_INCLUDE, InputError, matches, os_problem, parse_size, read_regular
from .languagetool import settings as languagetool_settings

DEFAULT_FORMATS = {"md": "markdown", "markdown": "markdown", "mdown": "markdown", "mkd": "markdown"}
FORMATS = ("text", "markdown")
CONFIG_NAMES = ("textlint.toml", ".textlint.toml", "pyproject.toml")
LEVELS = ("error", "warning", "info", "off")


@dataclass
class RuleSettings:
    level: Severity | None = None
    enabled: bool = True
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Settings:
    """Settings from one configuration file (or the defaults), paths made absolute."""

    path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rule_paths: list[Path] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    languagetool: languagetool_settings.LanguageToolSettings = field(
        default_factory=languagetool_settings.LanguageToolSettings)
    vocabulary: frozenset[str] = frozenset()
    formats: dict[str, str] = field(default_factory=dict)
    #: Bytes; None: the default (files.DEFAULT_MAX_FILE_SIZE), 0: no limit.
    max_file_size: int | None = None

    def format_of(self, path: str) -> str:
        """``markdown`` or ``text``, by file extension."""
        ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        return self.formats.get(ext) or DEFAULT_FORMATS.get(ext, "text")

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignores_for(self, file: Path) -> list[str]:
        """Selectors ignored for *file* by ``per-file-ignores``."""
        try:
            rel = file.resolve().relative_to(self.root.resolve())
        except ValueError:
            rel = file
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if matches(rel, [pattern]):
                out += selectors
        return out


def _strings(value: Any, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("expected a list of strings", path=str(path), key=key)
    return value


def parse(data: dict[str, Any], path: Path) -> Settings:
    """Settings from the ``[tool.textlint]`` table (or a whole ``textlint.toml``)."""
    s = Settings(path=path)
    base = path.parent
    for key, value in data.items():
        if key == "select":
            s.select = _strings(value, path, key)
        elif key == "extend-select":
            s.extend_select = _strings(value, path, key)
        elif key == "ignore":
            s.ignore = _strings(value, path, key)
        elif key == "rule-paths":
            s.rule_paths = [base / p for p in _strings(value, path, key)]
        elif key == "include":
            s.include = _strings(value, path, key)
        elif key == "exclude":
            s.exclude = _strings(value, path, key)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError("expected a table of glob = [rules]", path=str(path), key=key)
            s.per_file_ignores = {g: _strings(v, path, f"{key}.{g}") for g, v in value.items()}
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError("expected a table of rule settings", path=str(path), key=key)
            s.rules = {rid: _rule_settings(v, path, rid) for rid, v in value.items()}
        elif key == "vocabulary":
            if not isinstance(value, str):
                raise ConfigError("expected the path of a word list", path=str(path), key=key)
            s.vocabulary = read_vocabulary(base / value, path)
        elif key == "formats":
            if not isinstance(value, dict) or not all(v in FORMATS for v in value.values()):
                raise ConfigError(f"expected a table of extension = {' or '.join(FORMATS)}",
                                  path=str(path), key=key)
            s.formats = {k.lower().lstrip("."): v for k, v in value.items()}
        elif key == "languagetool":
            s.languagetool = languagetool_settings.parse(value, path)
        elif key == "max-file-size":
            try:
                s.max_file_size = parse_size(value)
            except ValueError as e:
                raise ConfigError(str(e), path=str(path), key=key) from None
        else:
            raise ConfigError("unknown key (known: extend-select, exclude, formats, ignore, include, "
                              "languagetool, max-file-size, per-file-ignores, rule-paths, rules, select, "
                              "vocabulary)",
                              path=str(path), key=key)
    return s


def read_vocabulary(file: Path, config: Path) -> frozenset[str]:
    """Accepted words and phrases: one per line, ``#`` starts a comment."""
    try:
        lines = read_regular(file).decode("utf-8").splitlines()
    except InputError as e:
        raise ConfigError(f"the vocabulary {file}: {e.problem}", path=str(config),
                          key="vocabulary") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"the vocabulary {file} is not valid UTF-8 at byte {e.start}",
                          path=str(config), key="vocabulary") from None
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))


def _rule_settings(value: Any, path: Path, rule: str) -> RuleSettings:
    if isinstance(value, str):
        value = {"level": value}
    if not isinstance(value, dict):
        raise ConfigError("expected a table (level = ..., options)", path=str(path), key=f"rules.{rule}")
    options = dict(value)
    level = options.pop("level", None)
    if level is not None and level not in LEVELS:
        raise ConfigError(f"expected one of {', '.join(LEVELS)}, got {level!r}",
                          path=str(path), key=f"rules.{rule}.level")
    return RuleSettings(
        level=Severity(level) if level not in (None, "off") else None,
        enabled=level != "off",
        options=options,
    )


def load(path: Path) -> Settings:
    """Read a configuration file; errors name the file and the key."""
    try:
        data = tomllib.loads(read_regular(path).decode("utf-8"))
    except InputError as e:
        raise ConfigError(e.problem, path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"invalid TOML: {e}", path=str(path)) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("textlint", {})
    return parse(data, path.resolve())


def _has_settings(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        raw = read_regular(path).decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return True  # perhaps ours, but unreadable: load() reports it
    try:
        return "textlint" in tomllib.loads(raw).get("tool", {})
    except tomllib.TOMLDecodeError:
        return "tool.textlint" in raw  # ours, but broken: load() reports it


def _exists(candidate: Path) -> bool:
    """Whether a configuration file is there; an error when that cannot be told."""
    try:
        os.stat(candidate)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return False
        if e.errno == errno.EACCES:
            raise ConfigError(f"cannot look for {candidate.name} in the directory: {e.strerror}",
                              path=str(candidate.parent)) from None
        raise ConfigError(os_problem(e, candidate), path=str(candidate)) from None
    return True


class ConfigFinder:
    """Finds (and caches) the configuration that applies to each linted file."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = load(explicit) if explicit else None
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}

    def for_path(self, file: Path | None) -> Settings:
        if self.explicit:
            return self.explicit
        directory = (file.parent if file else Path.cwd()).resolve()
        if directory not in self._by_dir:
            self._by_dir[directory] = self._find(directory)
        return self._by_dir[directory]

    def _find(self, directory: Path) -> Settings:
        for d in (directory, *directory.parents):
            for name in CONFIG_NAMES:
                candidate = d / name
                if _exists(candidate) and _has_settings(candidate):
                    if candidate not in self._by_file:
                        self._by_file[candidate] = load(candidate)
                    return self._by_file[candidate]
        return Settings()
