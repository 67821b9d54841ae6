"""The configuration and engines that apply to each file, as ``textlint check`` finds them.

The nearest ``textlint.toml`` / ``.textlint.toml`` / ``[tool.textlint]`` above a file
applies (else the user's own file), so every workspace folder, and every project
inside one, gets its own. Everything is read once and kept until :meth:`reset`
(a configuration, vocabulary or rule file changed). Safe to call from several threads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from ..config import ConfigFinder, Settings
from ..diagnostics import Diagnostic
from ..document import Document
from ..engine import Engine, Overrides, engine_for
from ..fixer import FixResult, fix_text
from ..linter import Linter, LintResult
from ..rule import Rule


class Projects:
    def __init__(self, warn: Callable[[str], None]) -> None:
        self._warn = warn
        self._lock = threading.Lock()
        self._finder: ConfigFinder | None = None
        self._engines: dict[tuple[Path | None, bool], Engine] = {}

    def reset(self) -> None:
        """Forget every configuration read (they are read again when next needed)."""
        with self._lock:
            self._finder = None
            self._engines = {}

    def settings(self, path: Path | None) -> Settings:
        """The settings that apply to *path*; raises ConfigError naming a broken file."""
        with self._lock:
            if self._finder is None:
                self._finder = ConfigFinder(warn=self._warn)
            return self._finder.for_path(path)

    def engine(self, path: Path | None, languagetool: bool = False) -> Engine:
        settings = self.settings(path)
        key = (settings.path, languagetool)
        with self._lock:
            if key not in self._engines:
                self._engines[key] = engine_for(settings, Overrides(languagetool=languagetool))
            return self._engines[key]

    def known_files(self) -> set[Path]:
        """The configuration and vocabulary files read so far (to watch them)."""
        with self._lock:
            engines = list(self._engines.values())
        out: set[Path] = set()
        for e in engines:
            out.update(p for p in (e.settings.path, e.settings.vocabulary_path) if p is not None)
        return out

    def vocabularies(self) -> dict[Path, Path]:
        """The vocabulary files of the configurations read so far, each with the directory
        of its configuration."""
        with self._lock:
            engines = list(self._engines.values())
        return {e.settings.vocabulary_path: e.settings.root for e in engines
                if e.settings.vocabulary_path is not None}

    def document(self, text: str, path: Path | None, markdown: bool) -> Document:
        settings = self.settings(path)
        label = str(path) if path else "-"
        if markdown:
            from ..markdown import markdown_document

            return markdown_document(text, label, accepted=settings.vocabulary)
        return Document(text, label, accepted=settings.vocabulary)

    def lint(self, text: str, path: Path | None, markdown: bool) -> LintResult:
        """textlint's own findings (LanguageTool off)."""
        linter = self.engine(path).linter_for(path)
        return linter.lint(self.document(text, path, markdown))

    def lint_languagetool(self, text: str, path: Path | None, markdown: bool,
                          found: list[Diagnostic]) -> LintResult:
        """LanguageTool's findings alone, minus those that overlap one of *found* (textlint's
        own findings yield nothing to it, as in ``textlint check``)."""
        full = self.engine(path, languagetool=True).linter_for(path)
        rules = [r for r in full.rules if r.yields]
        if not rules:
            return LintResult([])
        result = Linter(rules, full.dropped).lint(self.document(text, path, markdown))
        spans = [(d.start, max(d.end, d.start + 1)) for d in found]
        kept = [d for d in result.diagnostics
                if not any(s < max(d.end, d.start + 1) and d.start < e for s, e in spans)]
        return LintResult(kept, result.errors)

    def fix_all(self, text: str, path: Path | None, markdown: bool) -> FixResult:
        """*text* with every safe fix applied by textlint's fixer (LanguageTool off)."""
        linter = self.engine(path).linter_for(path)
        return fix_text(text, lambda t: linter.lint(self.document(t, path, markdown)), False)

    def rule(self, path: Path | None, rule_id: str) -> Rule | None:
        """The rule that reports *rule_id* (``languagetool.X`` is LanguageTool's rule)."""
        for languagetool in (False, True):
            rules = self.engine(path, languagetool).rules
            found = next((r for r in rules if r.id == rule_id), None) or next(
                (r for r in rules if r.emits(rule_id)), None)
            if found is not None:
                return found
        return None
