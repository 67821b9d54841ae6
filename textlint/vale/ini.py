"""Read a Vale project file (``.vale.ini``), as Vale 3.22 reads it.

Core keys (before any section): ``StylesPath`` (relative to the file), ``MinAlertLevel``,
``Vocab``, ``IgnoredScopes``, ``SkippedScopes``; ``Packages`` is ignored with a warning
(textlint never downloads anything a project names). Sections are glob patterns of the
files they apply to (``[*.md]``, ``[*.{md,txt}]``; ``[*]`` applies everywhere) and hold
``BasedOnStyles``, ``Vocab``, ``TokenIgnores``, ``BlockIgnores`` and rule or style levels
(``Style.Rule = NO | YES | suggestion | warning | error``, ``Style = NO``) and rule
parameters (``Style.Rule[max] = 3``: a key of the rule's YAML, set wherever it runs).

Bad input (no ``StylesPath`` where styles are named, a line that is not ``key = value``,
an unknown level) is a :class:`~textlint.errors.ConfigError` naming the file and line.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from functools import lru_cache
from pathlib import Path

from ..dataclass import dataclass
from ..errors import ConfigError
from ..files import DEFAULT_INCLUDE, InputError, read_regular

from . import CONFIG_NAMES, find  # noqa: F401  (where they were defined first)
LEVELS = ("suggestion", "warning", "error")
RULE_LEVELS = ("NO", "YES", *LEVELS)
CORE_KEYS = ("StylesPath", "MinAlertLevel", "Vocab", "IgnoredScopes", "SkippedScopes",
             "WordTemplate", "IgnoredClasses", "NLPEndpoint", "Packages")
SECTION_KEYS = ("BasedOnStyles", "Vocab", "TokenIgnores", "BlockIgnores", "IgnorePatterns",
                "CommentDelimiters", "Transform", "Lang", "View")
#: Keys textlint reads but does not act on: named in one warning each.
NOT_HONOURED = {
    "WordTemplate": "textlint keeps Vale's default word boundaries",
    "IgnoredClasses": "HTML classes are not read (textlint lints text and Markdown)",
    "NLPEndpoint": "a project's configuration never names a server textlint sends text to",
    "Packages": "textlint never downloads what a project's configuration names; "
                "install the styles into StylesPath yourself (e.g. with `vale sync`)",
    "CommentDelimiters": "comments of other formats are not read",
    "Transform": "XSLT transforms are not run",
    "Lang": "only English text is linted",
    "View": "views of structured files are not read",
}
DEFAULT_IGNORED_SCOPES = ("code", "tt")
DEFAULT_SKIPPED_SCOPES = ("script", "style", "pre", "figure")

#: ``Style.Rule[param] = value``: a parameter of a rule, set wherever the rule runs.
_PARAM = re.compile(r"^([^\[\]]+\.[^\[\]]+)\[([A-Za-z][A-Za-z0-9]*)\]$")
#: Keys a parameter may not change (Vale's): lists, mappings, identity, the rule's prose.
STRUCTURAL_KEYS = frozenset({"extends", "name", "path", "tests", "message", "description", "link", "tokens",
                             "swap", "exceptions", "filters", "ignore", "raw", "either"})
_SECTION = re.compile(r"^\[(.+)\]\s*$")
_KEY = re.compile(r"^([^=:]+?)\s*[=:]\s*(.*)$")


@dataclass
class Section:
    """One ``[glob]`` section."""

    glob: str
    line: int
    styles: list[str] | None = None
    #: ``Style.Rule`` or ``Style`` -> NO, YES, suggestion, warning or error.
    levels: dict[str, str] = field(default_factory=dict)
    vocab: list[str] = field(default_factory=list)
    token_ignores: list[str] = field(default_factory=list)
    block_ignores: list[str] = field(default_factory=list)
    #: The line each key was (last) given on, for errors.
    lines: dict[str, int] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        return bool(glob_regex(self.glob).fullmatch(path))


@dataclass
class ValeConfig:
    path: Path
    styles_path: Path | None = None
    min_level: str = "suggestion"
    vocab: list[str] = field(default_factory=list)
    ignored_scopes: list[str] = field(default_factory=lambda: list(DEFAULT_IGNORED_SCOPES))
    skipped_scopes: list[str] = field(default_factory=lambda: list(DEFAULT_SKIPPED_SCOPES))
    #: The ``[*]`` section (applies to every file), then the others in file order.
    sections: list[Section] = field(default_factory=list)
    #: ``Style.Rule[param] = value`` -> {rule: {param: (value, line)}}.
    params: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.path.parent

    def sections_for(self, path: str) -> list[Section]:
        """The sections that apply to *path* (as given, and relative to the project)."""
        candidates = {path.replace(os.sep, "/")}
        try:
            candidates.add(Path(path).resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            pass
        return [s for s in self.sections if s.glob == "*" or any(s.matches(c) for c in candidates)]

    def include_patterns(self) -> list[str]:
        """What a directory walk lints: the files some section names (fnmatch patterns);
        ``[*]`` names the files a walk lints by default (text and Markdown), not every file
        (Vale lints only the formats it knows, code among them, which textlint does not)."""
        out: list[str] = []
        for s in self.sections:
            if s.styles or s.levels or s.vocab:
                patterns = DEFAULT_INCLUDE if s.glob in ("*", "**") else expand_braces(s.glob)
                out += [p for p in patterns if p not in out]
        return out


def load(path: Path) -> ValeConfig:
    """Read and check one ``.vale.ini``."""
    try:
        raw = read_regular(path).decode("utf-8-sig")
    except InputError as e:
        raise ConfigError(e.problem, path=str(path)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"not valid UTF-8 at byte {e.start}", path=str(path)) from None
    return parse(raw, path.resolve())


def parse(text: str, path: Path) -> ValeConfig:
    cfg = ValeConfig(path=path)
    core: dict[str, tuple[list[str], int]] = {}
    sections: dict[str, Section] = {}
    current: Section | None = None
    seen_warnings: set[str] = set()

    def fail(line: int, message: str) -> ConfigError:
        return ConfigError(f"line {line}: {message}", path=str(path))

    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if m := _SECTION.match(stripped):
            name = m.group(1).strip()
            if name in ("formats", "asciidoctor", "DEFAULT"):
                current = Section(glob="\0" + name, line=number)  # read, not used
                _warn_once(cfg, seen_warnings, f"[{name}]", f"{path}:{number}: section [{name}] ignored: "
                           "textlint reads text and Markdown by extension")
                continue
            try:
                glob_regex(name)
            except re.error as e:
                raise fail(number, f"the section [{name}] is not a valid glob pattern: {e}") from None
            current = sections.setdefault(name, Section(glob=name, line=number))
            continue
        m = _KEY.match(stripped)
        if not m:
            raise fail(number, f"expected 'key = value' or '[section]', got {stripped!r}")
        key, value = m.group(1).strip(), _value(m.group(2))
        if current is None:
            if key in SECTION_KEYS and key != "Vocab":
                raise fail(number, f"'{key}' is a section option: put it under a section such as [*.md]")
            if key not in CORE_KEYS:
                cfg.warnings.append(f"{path}:{number}: '{key}' isn't a core option; ignored (as Vale does)")
                continue
            values, _ = core.setdefault(key, ([], number))
            values.append(value)
            core[key] = (values, number)
        elif current.glob.startswith("\0"):
            continue
        else:
            _section_key(cfg, current, key, value, number, fail, seen_warnings)
    _core(cfg, core, fail, seen_warnings)
    cfg.sections = sorted(sections.values(), key=lambda s: (s.glob != "*", s.line))
    if cfg.styles_path is None and any(s.styles for s in cfg.sections if set(s.styles or ()) - {"Vale"}):
        first = next(s for s in cfg.sections if s.styles and set(s.styles) - {"Vale"})
        raise ConfigError(f"line {first.lines['BasedOnStyles']}: BasedOnStyles names styles but the file sets no "
                          "StylesPath (the folder that holds them, relative to this file)", path=str(path))
    return cfg


def _value(raw: str) -> str:
    """A value without an inline comment (`` #`` or `` ;`` after a space) and its quotes."""
    raw = re.split(r"\s[#;]", raw, maxsplit=1)[0].strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1]
    return raw


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _patterns(value: str) -> list[str]:
    r"""Comma-separated patterns; ``\,`` is a comma inside one (``{2\,}``)."""
    parts, buf, escape = [], [], False
    for c in value:
        if escape:
            buf.append(c if c == "," else "\\" + c)
            escape = False
        elif c == "\\":
            escape = True
        elif c == ",":
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(c)
    if escape:
        buf.append("\\")
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def _warn_once(cfg: ValeConfig, seen: set[str], key: str, message: str) -> None:
    if key not in seen:
        seen.add(key)
        cfg.warnings.append(message)


def _section_key(cfg, section: Section, key, value, number, fail, seen) -> None:
    if key in CORE_KEYS and key != "Vocab":
        raise fail(number, f"'{key}' is a core option; it belongs above the first section")
    section.lines[key] = number
    if key == "BasedOnStyles":
        section.styles = list(dict.fromkeys((section.styles or []) + _list(value)))
    elif key == "Vocab":
        section.vocab += [v for v in _list(value) if v not in section.vocab]
    elif key in ("TokenIgnores",):
        section.token_ignores += _patterns(value)
    elif key in ("BlockIgnores", "IgnorePatterns"):
        section.block_ignores += _patterns(value)
    elif key in NOT_HONOURED:
        _warn_once(cfg, seen, key, f"{cfg.path}:{number}: '{key}' ignored: {NOT_HONOURED[key]}")
    elif m := _PARAM.match(key):
        rule, param = m.group(1), m.group(2).lower()
        if param == "level":
            raise fail(number, f"set a level with '{rule} = {value}'")
        if param in STRUCTURAL_KEYS:
            raise fail(number, f"'{param}' is not adjustable from configuration; extend '{rule}' in a style instead")
        cfg.params.setdefault(rule, {})[param] = (value, number)
    else:
        if value not in RULE_LEVELS and value != "UNSET":
            raise fail(number, f"'{key} = {value}': expected NO, YES, suggestion, warning or error")
        if value == "UNSET":
            section.levels.pop(key, None)
        else:
            section.levels[key] = value


def _core(cfg: ValeConfig, core: dict, fail, seen) -> None:
    for key, (values, number) in core.items():
        value = values[-1]
        if key == "StylesPath":
            if not value:
                raise fail(number, "StylesPath is empty")
            styles = Path(os.path.expanduser(value))
            cfg.styles_path = styles if styles.is_absolute() else cfg.root / styles
            if not cfg.styles_path.is_dir():
                raise fail(number, f"StylesPath: the folder {cfg.styles_path} does not exist")
        elif key == "MinAlertLevel":
            if value not in LEVELS:
                raise fail(number, f"MinAlertLevel must be suggestion, warning or error, got {value!r}")
            cfg.min_level = value
        elif key == "Vocab":
            cfg.vocab = list(dict.fromkeys(v for val in values for v in _list(val)))
        elif key == "IgnoredScopes":
            cfg.ignored_scopes = list(dict.fromkeys(v for val in values for v in _list(val)))
        elif key == "SkippedScopes":
            cfg.skipped_scopes = list(dict.fromkeys(v for val in values for v in _list(val)))
        elif key in NOT_HONOURED:
            _warn_once(cfg, seen, key, f"{cfg.path}:{number}: '{key}' ignored: {NOT_HONOURED[key]}")


def expand_braces(pattern: str) -> list[str]:
    """``*.{md,txt}`` -> ``*.md``, ``*.txt`` (nested braces expand too)."""
    m = re.search(r"\{([^{}]*)\}", pattern)
    if not m:
        return [pattern]
    return [p for alt in m.group(1).split(",")
            for p in expand_braces(pattern[:m.start()] + alt + pattern[m.end():])]


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    """A section's glob as a regular expression over a path, as Vale's globs match: ``*``
    and ``**`` any characters (``/`` too), ``?`` one, ``[...]`` a class, ``{a,b}``
    either; a leading ``!`` negates (the pattern then matches what it does not)."""
    negated = pattern.startswith("!")
    body = pattern.lstrip("!")
    out, i, depth = [], 0, 0
    while i < len(body):
        c = body[i]
        if c == "*":
            out.append(".*")
            while i + 1 < len(body) and body[i + 1] == "*":
                i += 1
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = body.find("]", i + 1)
            if j < 0:
                raise re.error("unclosed [")
            cls = body[i + 1:j]
            out.append("[" + ("^" + cls[1:] if cls.startswith("!") else cls) + "]")
            i = j
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        elif c == "\\" and i + 1 < len(body):
            i += 1
            out.append(re.escape(body[i]))
        else:
            out.append(re.escape(c))
        i += 1
    if depth:
        raise re.error("unclosed {")
    source = "".join(out)
    return re.compile(f"(?!(?:{source})$).*" if negated else source, re.DOTALL)
