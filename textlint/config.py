"""Configuration: ``textlint.toml``, ``.textlint.toml`` or ``[tool.textlint]`` in ``pyproject.toml``.

The nearest configuration file above a linted file applies to it (or the one
given with ``--config``); where there is none, the user's own file applies
(``textlint.toml`` in platformdirs' user configuration directory:
``~/.config/textlint/textlint.toml`` on Linux).

Trust: a project's file (found next to the linted files, or given with ``--config``)
is untrusted. It chooses rules, levels and LanguageTool's rules, but the keys that
name a program, a directory to run or load code from, or a server to send text to
(``[languagetool]`` ``java``, ``cache-dir``, ``url``) come only from the user's file,
the environment or the command line; a project's file that sets them gets a warning
and those keys are ignored. The user's ``[languagetool]`` table applies under every
project's. See docs/security.md.

Keys::

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
from dataclasses import field, replace
from pathlib import Path
from typing import Any, Callable

from .dataclass import dataclass
from .diagnostics import Severity
from .errors import ConfigError, warn
from .files import DEFAULT_INCLUDE, InputError, matches, os_problem, parse_size, read_regular
from .languagetool import settings as languagetool_settings

DEFAULT_FORMATS = {"md": "markdown", "markdown": "markdown", "mdown": "markdown", "mkd": "markdown"}
FORMATS = ("text", "markdown")
CONFIG_NAMES = ("textlint.toml", ".textlint.toml", "pyproject.toml")
LEVELS = ("error", "warning", "info", "off")
#: The keys of a configuration (of ``[tool.textlint]`` in a pyproject.toml).
KEYS = ("extend-select", "exclude", "formats", "ignore", "include", "languagetool", "max-file-size",
        "per-file-ignores", "rule-paths", "rules", "select", "vocabulary")


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
    #: The word list ``vocabulary`` names (None: none configured).
    vocabulary_path: Path | None = None
    formats: dict[str, str] = field(default_factory=dict)
    #: Bytes; None: the default (files.DEFAULT_MAX_FILE_SIZE), 0: no limit.
    max_file_size: int | None = None
    warnings: list[str] = field(default_factory=list)  # keys ignored (untrusted), for the user
    #: A Vale project (:class:`textlint.vale.ini.ValeConfig`) whose styles replace textlint's
    #: rules: the ``.vale.ini`` found where no textlint configuration is, or ``--vale-config``.
    vale: Any = None

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


def user_config_path() -> Path:
    """The user's own configuration file (it need not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("textlint", appauthor=False)) / "textlint.toml"


def parse(data: dict[str, Any], path: Path, trusted: bool = False, user: Settings | None = None) -> Settings:
    """Settings from the ``[tool.textlint]`` table (or a whole ``textlint.toml``).

    *trusted*: the user's own file. Otherwise the user-only keys are ignored (and listed
    in ``warnings``), and the ``[languagetool]`` table applies over *user*'s.
    """
    s = Settings(path=path)
    if user is not None:
        s.languagetool = replace(user.languagetool)
    ignored: list[str] = []
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
            s.vocabulary_path = base / value
            s.vocabulary = read_vocabulary(s.vocabulary_path, path)
        elif key == "formats":
            if not isinstance(value, dict) or not all(v in FORMATS for v in value.values()):
                raise ConfigError(f"expected a table of extension = {' or '.join(FORMATS)}",
                                  path=str(path), key=key)
            s.formats = {k.lower().lstrip("."): v for k, v in value.items()}
        elif key == "languagetool":
            s.languagetool = languagetool_settings.parse(value, path, trusted, s.languagetool, ignored)
        elif key == "max-file-size":
            try:
                s.max_file_size = parse_size(value)
            except ValueError as e:
                raise ConfigError(str(e), path=str(path), key=key) from None
        else:
            hint = (": a file laid out like pyproject.toml keeps textlint's settings in a [tool.textlint] table"
                    if key in ("tool", "project", "build-system") else f" (known: {', '.join(KEYS)})")
            raise ConfigError(f"unknown key{hint}", path=str(path), key=key)
    for key in ignored:
        reason = languagetool_settings.USER_ONLY[key.rsplit(".", 1)[-1]]
        s.warnings.append(f"{path}: key '{key}' ignored: {reason}, and a project's configuration may not "
                          f"(set it in your own {user_config_path()}, the environment or on the command "
                          "line; see docs/security.md)")
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


def load(path: Path, trusted: bool = False, user: Settings | None = None) -> Settings:
    """Read a configuration file; errors name the file and the key (see :func:`parse`)."""
    import tomllib  # (here: a run without a configuration file does without it)

    try:
        data = tomllib.loads(read_regular(path).decode("utf-8"))
    except InputError as e:
        raise ConfigError(e.problem, path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"invalid TOML: {e}", path=str(path)) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("textlint", {})
    elif isinstance(data.get("tool"), dict) and "textlint" in data["tool"]:
        data = _tool_table(data, path)
    return parse(data, path.resolve(), trusted, user)


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The ``[tool.textlint]`` table of a file written like a pyproject.toml (any name, e.g.
    ``--config other.toml``); its other tables are someone else's. textlint's keys at the
    top level as well would be ambiguous: an error."""
    ours = [k for k in data if k != "tool" and k in KEYS]
    if ours:
        raise ConfigError(f"both a [tool.textlint] table and top-level textlint keys ({', '.join(ours)}): "
                          "keep one", path=str(path))
    table = data["tool"]["textlint"]
    if not isinstance(table, dict):
        raise ConfigError("expected a table", path=str(path), key="tool.textlint")
    return table


def _has_settings(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        raw = read_regular(path).decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return True  # perhaps ours, but unreadable: load() reports it
    if "textlint" not in raw and "\\u" not in raw.lower():
        return False  # no [tool.textlint] table: its name is in the text (unless escaped)
    import tomllib

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


def load_user(path: Path | None = None) -> Settings | None:
    """The user's own configuration (trusted), or None when there is no such file."""
    path = path or user_config_path()
    return load(path, trusted=True) if path.is_file() else None


class ConfigFinder:
    """Finds (and caches) the configuration that applies to each linted file.

    Each project file is read once; its warnings go to *warn* then (stderr by default).
    """

    def __init__(self, explicit: Path | None = None, user: Path | None = None,
                 warn: Callable[[str], None] = warn, vale: Path | None = None) -> None:
        self._warn = warn
        user_path = user or user_config_path()
        self.user = load_user(user_path)
        self.explicit = self._load(explicit) if explicit else None
        if vale is not None and self.explicit is None:
            self.explicit = self._load_vale(vale)
        self._vale: Settings | None | bool = False  # not looked for yet
        self._by_dir: dict[Path, Settings] = {}
        self._by_parent: dict[Path, Settings] = {}  # by the directory as named
        self._by_file: dict[Path, Settings] = {}
        #: The settings of every directory without a configuration: one object, so that a
        #: run builds one engine (its rules and their memos) for all of them, not one each.
        self._defaults = Settings()

    def _load(self, path: Path) -> Settings:
        """A project's file (or the user's own, when *path* is that file)."""
        if self.user is not None and path.resolve() == self.user.path:
            return self.user
        settings = load(path, user=self.user)
        for message in settings.warnings:
            self._warn(message)
        return settings

    def for_path(self, file: Path | None) -> Settings:
        if self.explicit:
            return self.explicit
        parent = file.parent if file else Path()
        if not parent.is_absolute():
            parent = Path.cwd() / parent
        # a run asks about every file: each of its directories is resolved once
        found = self._by_parent.get(parent)
        if found is None:
            found = self._by_parent[parent] = self._find(parent.resolve())
        return found

    def _find(self, directory: Path) -> Settings:
        """The settings of *directory*: its own file's, else those of the nearest folder above
        that has one. A folder without a file has its parent's settings, so the answer is
        kept for each folder passed on the way up: the sibling folders of a walk look in
        their shared parents once, not each."""
        passed = []
        for d in (directory, *directory.parents):
            passed.append(d)
            found = self._by_dir.get(d) or self._settings_in(d)
            if found is not None:
                break
        else:
            found = self._vale_project() or self.user or self._defaults
        self._by_dir.update(dict.fromkeys(passed, found))
        return found

    def _settings_in(self, folder: Path) -> Settings | None:
        """The settings of the configuration file in *folder* (None: it has none)."""
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _exists(candidate) and _has_settings(candidate):
                if candidate not in self._by_file:
                    self._by_file[candidate] = self._load(candidate)
                return self._by_file[candidate]
        return None

    def _vale_project(self) -> Settings | None:
        """The ``.vale.ini`` Vale would use (looked for once, from the working directory)."""
        if self._vale is False:
            from .vale import find as find_vale_project

            found = find_vale_project(Path.cwd())
            self._vale = self._load_vale(found) if found else None
        return self._vale  # type: ignore[return-value]

    def _load_vale(self, path: Path) -> Settings:
        from .vale import ini

        cfg = ini.load(path)
        for message in cfg.warnings:
            self._warn(message)
        settings = Settings(path=cfg.path, vale=cfg)
        settings.include = cfg.include_patterns() or settings.include
        if self.user is not None:
            settings.languagetool = replace(self.user.languagetool)
        return settings
