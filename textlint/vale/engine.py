"""The engine of a Vale project: the rules each file's sections choose, the project's
vocabulary as exceptions, and its ignore patterns as text that is not prose."""

from __future__ import annotations

import bisect
from pathlib import Path

from .. import registry
from ..config import Settings
from ..document import Document, Span
from ..engine import Engine, Overrides
from ..errors import warn
from ..languagetool.rule import setup as setup_languagetool
from ..linter import Linter, LintResult
from ..rule import Rule
from .project import FileSetup, ValeProject, ignored_spans
from .scopes import scope_spans


class ValeEngine(Engine):
    """An :class:`Engine` whose rules come from a ``.vale.ini`` (``settings.vale``).

    Only the project's rules run; the command line's ``--select``, ``--extend-select``
    and ``--ignore`` still apply (``--extend-select cleanup`` adds textlint's own checks).
    LanguageTool runs only with ``--languagetool``.
    """

    def __init__(self, settings: Settings, overrides: Overrides | None = None) -> None:
        self.settings = settings
        overrides = overrides or Overrides()
        self.project = ValeProject(settings.vale, warn)
        # textlint's own rules are loaded only when the command line may select them
        wanted = overrides.select is not None or overrides.extend_select or overrides.rule_paths
        extra = registry.all_rules(overrides.rule_paths) if wanted else []
        ours = {r.id for r in self.project.rules.values()}
        rules = [r for r in extra if r.id not in ours] + list(self.project.rules.values())
        self._check_selectors(rules, overrides)
        select = overrides.select if overrides.select is not None else sorted(ours)
        self.rules: list[Rule] = registry.select(rules, select, overrides.ignore, overrides.extend_select)
        self.rules = setup_languagetool(self.rules, settings.languagetool, bool(overrides.languagetool),
                                        select, overrides.extend_select)
        self._chosen = {r.id for r in self.rules}
        self._dropped = self._finding_selectors(overrides.ignore)
        self._linters: dict = {}

    def linter_for(self, path: Path | None) -> Linter:
        setup = self.project.for_file(str(path) if path else "-")
        if setup.key not in self._linters:
            theirs = {r.id for r in self.project.rules.values()}
            rules = [r for r in setup.rules if r.id in self._chosen]
            rules += [r for r in self.rules if r.id not in theirs]
            self._linters[setup.key] = ValeLinter(rules, self._dropped, self.project, setup)
        return self._linters[setup.key]


class ValeLinter(Linter):
    """A :class:`Linter` that then drops the findings the project ignores: those that touch
    a TokenIgnores or BlockIgnores match or an ignored scope, and those on an accepted
    term (of the rules the vocabulary applies to). ``check`` and the language server both
    lint through it."""

    def __init__(self, rules: list[Rule], dropped: tuple[str, ...], project: ValeProject,
                 setup: FileSetup) -> None:
        super().__init__(rules, dropped)
        self.project, self.setup = project, setup

    def lint(self, doc: Document) -> LintResult:
        result = super().lint(doc)
        text, accepted = doc.text, self.setup.accepted
        fmt = "markdown" if doc.kind == "markdown" else "text"
        skipped = ignored_spans(text, self.setup.ignores) + scope_spans(text, self.project.cfg, fmt)
        if not skipped and accepted.exact is None and accepted.phrases is None:
            return result
        starts, ends = _merged(skipped)
        phrases = accepted.phrases_in(text)
        exempt, rules = self.project.vocabulary_exempt, self.project.rules
        kept = [d for d in result.diagnostics
                if not _touches(starts, ends, d.start, d.end) and (d.rule in exempt or not accepted.accepts(
                    text, d.start, d.end, phrases, fold=getattr(rules.get(d.rule), "TYPE", "") == "spelling"))]
        return LintResult(kept, result.errors)


def _merged(spans: list[Span]) -> tuple[list[int], list[int]]:
    """Sorted, merged spans as two lists (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for s in sorted(spans, key=lambda s: s.start):
        if starts and s.start <= ends[-1]:
            ends[-1] = max(ends[-1], s.end)
        else:
            starts.append(s.start)
            ends.append(s.end)
    return starts, ends


def _touches(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, max(end, start + 1)) - 1
    return i >= 0 and ends[i] > start
