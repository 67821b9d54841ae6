"""The engine: settings in, a configured linter out; lint and fix texts and files."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .dataclass import dataclass
from . import registry
from .config import Settings
from .document import Document
from .errors import ConfigError
from .languagetool.rule import setup as setup_languagetool
from .linter import Linter, LintResult
from .rule import Rule

if TYPE_CHECKING:
    from .fixer import FixResult


@dataclass
class Overrides:
    """Command-line choices that take precedence over the configuration file."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rule_paths: list[Path] = field(default_factory=list)
    languagetool: bool | None = None  # --languagetool / --no-languagetool
    languagetool_url: str | None = None  # --languagetool-url
    max_file_size: int | None = None  # --max-file-size (bytes; 0: no limit)
    encoding: str | None = None  # --encoding (a codec name; None: UTF-8, UTF-16 or UTF-32 by content)


class Engine:
    """The rules one configuration selects, and the linters per-file ignores derive from them."""

    def __init__(self, settings: Settings | None = None, overrides: Overrides | None = None) -> None:
        self.settings = settings or Settings()
        overrides = overrides or Overrides()
        rules = registry.all_rules([*self.settings.rule_paths, *overrides.rule_paths])
        self._check_selectors(rules, overrides)
        rules = self._configure(rules)
        select = overrides.select if overrides.select is not None else self.settings.select
        ignore = [*self.settings.ignore, *overrides.ignore]
        extend = [*self.settings.extend_select, *overrides.extend_select]
        self.rules: list[Rule] = registry.select(rules, select, ignore, extend)
        lt_settings = self.settings.languagetool
        if overrides.languagetool_url:
            lt_settings = replace(lt_settings, url_option=overrides.languagetool_url)
        self.rules = setup_languagetool(self.rules, lt_settings, overrides.languagetool, select, extend)
        self._dropped = self._finding_selectors(ignore)
        self._linters: dict[tuple[str, ...], Linter] = {}

    def _check_selectors(self, rules: list[Rule], overrides: Overrides) -> None:
        """Every selector names something; an error says where an unknown one came from."""
        where = str(self.settings.path) if self.settings.path else None
        for key, selectors in (("select", self.settings.select or []),
                               ("extend-select", self.settings.extend_select),
                               ("ignore", self.settings.ignore),
                               *((f"per-file-ignores.{glob}", sel)
                                 for glob, sel in self.settings.per_file_ignores.items())):
            for selector in selectors:
                registry.check_selector(rules, selector, path=where, key=key)
        for option, selectors in (("--select", overrides.select or []),
                                  ("--extend-select", overrides.extend_select),
                                  ("--ignore", overrides.ignore)):
            for selector in selectors:
                registry.check_selector(rules, selector, option=option)

    def _finding_selectors(self, selectors: list[str]) -> tuple[str, ...]:
        """The selectors that name some findings of a rule rather than whole rules."""
        return tuple(s for s in selectors if any(r.emits(s) for r in self.rules))

    def _configure(self, rules: list[Rule]) -> list[Rule]:
        by_id = {r.id: r for r in rules}
        where = str(self.settings.path) if self.settings.path else None
        for rule_id, conf in self.settings.rules.items():
            if rule_id not in by_id:
                raise ConfigError(f"no such rule{registry.did_you_mean(rule_id, rules)}",
                                  path=where, key=f"rules.{rule_id}")
            if not conf.enabled:
                del by_id[rule_id]
                continue
            try:
                by_id[rule_id] = by_id[rule_id].configured(conf.level, conf.options)
            except ValueError as e:
                raise ConfigError(str(e), path=where, key=f"rules.{rule_id}") from None
        return list(by_id.values())

    def linter_for(self, path: Path | None) -> Linter:
        ignores = tuple(self.settings.ignores_for(path)) if path else ()
        if ignores not in self._linters:
            rules = registry.select(self.rules, ["ALL"], ignores) if ignores else self.rules
            self._linters[ignores] = Linter(rules, self._dropped + self._finding_selectors(list(ignores)))
        return self._linters[ignores]

    def document(self, text: str, path: str = "-") -> Document:
        """The document of *text*, parsed as its format (by *path*'s extension) requires."""
        if self.settings.format_of(path) == "markdown":
            from .markdown import markdown_document

            return markdown_document(text, path, accepted=self.settings.vocabulary)
        return Document(text, path, accepted=self.settings.vocabulary)

    def lint(self, text: str, path: str = "-") -> LintResult:
        linter = self.linter_for(Path(path) if path != "-" else None)
        return linter.lint(self.document(text, path))

    def fix(self, text: str, path: str = "-", unsafe: bool = False) -> FixResult:
        from .fixer import fix_text  # (here: most runs only lint)

        return fix_text(text, lambda t: self.lint(t, path), unsafe)


def engine_for(settings: Settings, overrides: Overrides | None = None) -> Engine:
    """The engine of *settings*: a Vale project's (``settings.vale``) or textlint's own."""
    if settings.vale is not None:
        from .vale.engine import ValeEngine

        return ValeEngine(settings, overrides)
    return Engine(settings, overrides)
