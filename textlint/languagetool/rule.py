"""The ``languagetool`` rule: LanguageTool's matches as textlint diagnostics.

One Rule object (id ``languagetool.LanguageTool``, pack and category
``languagetool``) sends the document's paragraphs to a LanguageTool server and
reports each match as ``languagetool.<LanguageTool rule id>``. Its findings yield
to any overlapping finding of another rule (one finding per defect).
"""

from __future__ import annotations

import bisect
import re
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Iterator

from ..diagnostics import Applicability, Diagnostic, Fix, Severity
from ..document import Document
from ..errors import ConfigError
from ..patterns import lazy_compile
from ..rule import Example, FixAvailability, Rule, RuleError
from . import VERSION
from .errors import LanguageToolError
from .settings import LanguageToolSettings

if TYPE_CHECKING:
    from .client import Client

PACK = "languagetool"
RULE_ID = f"{PACK}.LanguageTool"
_SUB_ID = lazy_compile(r"languagetool\.[A-Z0-9_*?]+", engine=re)

#: Every English category of LanguageTool 6.6 (rules files and Java rules).
CATEGORIES = (
    "AI_RULES", "AMERICAN_ENGLISH", "AMERICAN_ENGLISH_STYLE", "APRIL", "BRE_STYLE_OXFORD_SPELLING",
    "BRITISH_ENGLISH", "CASING", "COLLOCATIONS", "COLLOQUIALISMS", "COMPOUNDING", "CONFUSED_WORDS",
    "CREATIVE_WRITING", "FALSE_FRIENDS", "GENDER_NEUTRALITY", "GRAMMAR", "MISC", "MULTITOKEN_SPELLING",
    "NONSTANDARD_PHRASES", "PLAIN_ENGLISH", "PUNCTUATION", "REDUNDANCY", "REGIONALISMS", "REPETITIONS",
    "REPETITIONS_STYLE", "SEMANTICS", "STYLE", "TON_ACADEMIC", "TYPOGRAPHY", "TYPOS", "WIKIPEDIA",
)
#: The curated preset: grammar and a few precise rules; see docs/languagetool.md for the measurements.
CURATED_CATEGORIES = ("GRAMMAR", "MISC")
CURATED_ENABLED_RULES = ("COMMA_PARENTHESIS_WHITESPACE", "SENTENCE_WHITESPACE")
CURATED_DISABLED_RULES = (
    "ENGLISH_WORD_REPEAT_RULE",  # cleanup.DoubledWord covers it, with the repeats English allows
    "EN_COMPOUNDS", "EN_WORD_COHERENCY",  # spelling preferences, not defects
    "THE_SUPERLATIVE", "DETERMINER_GEOGRAPHICAL_WORD", "MISSING_ARTICLE", "IN_1990s",  # article hints
    "PCT_SINGULAR_NOUN_PLURAL_VERB_AGREEMENT", "COLLECTIVE_NOUN_VERB_AGREEMENT_VBP",  # British usage
    "ERDOGAN",  # wants the diacritic: a name's spelling is not a defect (TYPOS' diacritics rules are off too)
    "NONE_THE_LESS", "UKRAINE_NO_THE", "CONDITIONAL_CLAUSE",  # usage opinions ("if he won't allow")
)
#: Rule id patterns dropped on our side: compounding and hyphenation preferences inside GRAMMAR.
CURATED_FILTERED = ("*_COMPOUND", "*_COMPOUNDS", "*_HYPHEN")
#: A paragraph longer than this is sent in pieces of whole sentences.
MAX_UNIT = 20_000


class LanguageToolRule(Rule):
    """LanguageTool as one textlint rule; :meth:`bound` gives it settings."""

    def __init__(self) -> None:
        Rule.__init__(
            self, id=RULE_ID, severity=Severity.WARNING, category=PACK, source=f"LanguageTool {VERSION}",
            description=(
                "Grammar errors found by LanguageTool (thousands of English rules) running on a "
                "local server: agreement ('He go'), a/an, verb forms, confused phrases, missing "
                "spaces around punctuation. Each finding carries LanguageTool's rule id: "
                "languagetool.HE_VERB_AGR, languagetool.EN_A_VS_AN ... By default a curated set "
                "runs (grammar; no spelling, style or typography opinions); the [languagetool] "
                "table of the configuration changes it. On when LanguageTool is installed "
                "(`textlint languagetool install`); --no-languagetool switches it off."),
            rationale=(
                "Machine translation and careless editing leave grammar errors that no pattern "
                "list can cover; LanguageTool's rule base does. Its spelling rule is off because "
                "it flags every name it does not know, and its findings give way to textlint's own "
                "checks where both see the same defect."),
            fix_applicability=Applicability.UNSAFE, fix_availability=FixAvailability.SOMETIMES,
            fix_safety=(
                "LanguageTool's first replacement is offered as an unsafe fix (applied only with "
                "`--fix --unsafe-fixes`): it is a guess that needs a look, and other replacements are "
                "listed in the message. Spelling suggestions are display-only."),
            examples=[Example("He go to school yesterday.", True),
                      Example("This is an test.", True, "This is a test."),
                      Example("He went to school yesterday.", False)],
            link="https://languagetool.org",
        )
        self.yields = True
        self.settings = LanguageToolSettings()
        self.only: tuple[str, ...] = ()  # LanguageTool rule ids: report only these
        self.extra: tuple[str, ...] = ()  # LanguageTool rule ids enabled besides the preset
        self._checker: Checker | None = None

    def emits(self, selector: str) -> bool:
        """``languagetool.EN_A_VS_AN`` (or a pattern such as ``languagetool.EN_*``) names our findings."""
        return selector != self.id and _SUB_ID.fullmatch(selector) is not None

    def bound(self, settings: LanguageToolSettings, only: list[str], extra: list[str]) -> LanguageToolRule:
        rule = self.configured()
        rule.settings = settings
        rule.only = tuple(only)
        rule.extra = tuple(extra)
        rule._checker = None
        return rule

    # -- request parameters ----------------------------------------------------------------
    def params(self) -> dict:
        """The request parameters (rule and category ids of /v2/check), part of the cache key."""
        s = self.settings
        exact = [r for r in s.enabled_rules if not _is_glob(r)]
        if self.only:
            return {"language": s.language, "enabledRules": sorted(self.only), "enabledOnly": True}
        if s.preset == "curated":
            categories = (set(CATEGORIES) - set(CURATED_CATEGORIES) - set(s.enabled_categories)) | set(
                s.disabled_categories)
            enabled = set(CURATED_ENABLED_RULES) | set(exact) | set(self.extra)
            disabled = (set(CURATED_DISABLED_RULES) | {r for r in s.disabled_rules if not _is_glob(r)}) - enabled
        else:
            categories = set(s.disabled_categories)
            enabled = set(exact) | set(self.extra)
            disabled = {r for r in s.disabled_rules if not _is_glob(r)} - enabled
        return {"language": s.language, "enabledRules": sorted(enabled), "disabledRules": sorted(disabled),
                "enabledCategories": sorted(set(s.enabled_categories)), "disabledCategories": sorted(categories)}

    def filtered(self, lt_rule: str) -> bool:
        """Whether a match of *lt_rule* is dropped on our side (glob patterns of disabled rules)."""
        s = self.settings
        if lt_rule in s.enabled_rules or lt_rule in self.extra or lt_rule in self.only:
            return False
        patterns = [r for r in s.disabled_rules if _is_glob(r)]
        if s.preset == "curated":
            patterns += CURATED_FILTERED
        return any(fnmatchcase(lt_rule, p) for p in patterns)

    # -- checking --------------------------------------------------------------------------
    def checker(self) -> Checker:
        if self._checker is None:
            self._checker = Checker(self.settings, self.params())
        return self._checker

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        units = list(units_of(doc))
        if not units:
            return
        results, error = self.checker().check([text for _, text in units])
        for (offset, _), matches in zip(units, results):
            for m in matches or ():
                if not self.filtered(m[2]):
                    yield self._diagnostic(offset, m)
        if error is not None:  # after the findings of the paragraphs that were checked
            raise RuleError(self.id, str(error))

    def _diagnostic(self, offset: int, m: list) -> Diagnostic:
        start, end, lt_rule, category, category_name, _issue_type, message, replacements = m
        start, end = start + offset, end + offset
        spelling = category == "TYPOS" or lt_rule.startswith("MORFOLOGIK")
        fix = None
        if replacements:
            applicability = Applicability.DISPLAY_ONLY if spelling else Applicability.UNSAFE
            fix = Fix.replace(start, end, replacements[0], applicability, f"Replace with '{replacements[0]}'")
        notes = [category_name or category]
        if len(replacements) > 1:
            notes.append("suggestions: " + ", ".join(f"‘{r}’" for r in replacements))
        text = " ".join(message.split())
        return Diagnostic(f"{PACK}.{lt_rule}", f"{text} ({'; '.join(n for n in notes if n)})",
                          start, end, self.severity, fix)


def _is_glob(rule_id: str) -> bool:
    return "*" in rule_id or "?" in rule_id


def units_of(doc: Document) -> Iterator[tuple[int, str]]:
    """The (offset, text) pieces sent to LanguageTool: paragraphs that are neither headings
    (headline grammar is telegraphic) nor ignored, long ones cut at sentence ends."""
    heading_starts = sorted(h.start for h in doc.headings)
    for p in doc.paragraphs:
        i = bisect.bisect_left(heading_starts, p.start)
        if i < len(heading_starts) and heading_starts[i] < p.end:
            continue
        if doc.ignored and _covered(doc, p.start, p.end):
            continue
        if p.end - p.start <= MAX_UNIT:
            yield p.start, doc.text[p.start:p.end]
            continue
        start = p.start
        for s in doc.sentences:
            if p.start <= s.start and s.end <= p.end and s.end - start > MAX_UNIT and s.start > start:
                yield start, doc.text[start:s.start].rstrip()
                start = s.start
        yield start, doc.text[start:p.end]


def _covered(doc: Document, start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in doc.ignored)


class Checker:
    """Results for many texts: from the cache, else from the server (started on demand)."""

    def __init__(self, settings: LanguageToolSettings, params: dict) -> None:
        self.settings = settings
        self.params = params
        import json

        self.fingerprint = json.dumps(params, sort_keys=True)
        url = settings.server_url()
        self.version = f"server {url}" if url else VERSION
        self.cache = None
        if settings.cache:
            from .cache import ResultCache

            self.cache = ResultCache(settings.root() / "results.sqlite3")
        self.client: Client | None = None
        self.failure: str | None = None
        self.requests = 0  # texts sent to the server (for benchmarks and tests)

    def check(self, texts: list[str]) -> tuple[list[list | None], LanguageToolError | None]:
        """The matches of every text (None for a text that could not be checked) and the error
        that kept some from being checked."""
        from .cache import key

        keys = [key(self.version, self.fingerprint, t) for t in texts]
        found = self.cache.get_many(keys) if self.cache else {}
        todo = {k: t for k, t in zip(keys, texts) if k not in found}
        error = None
        if todo and self.failure:
            error = LanguageToolError(f"not checked: {self.failure}")
        elif todo:
            fresh, error = self._ask(list(todo.values()))
            new = {k: matches for k, matches in zip(todo, fresh) if matches is not None}
            self.requests += len(new)
            if self.cache:
                self.cache.put_many(new)
            found.update(new)
        return [found.get(k) for k in keys], error

    def _ask(self, texts: list[str]) -> tuple[list[list | None], LanguageToolError | None]:
        """Results from the server (started if needed); after a failure, no more requests this run."""
        from . import server

        try:
            url = server.ensure(self.settings)
        except OSError as e:  # the cache directory cannot be written, a process cannot start ...
            error = LanguageToolError(f"{e.filename + ': ' if e.filename else ''}{e.strerror or e}")
            return self._failed(texts, error)
        except LanguageToolError as e:
            return self._failed(texts, e)
        try:
            if self.client is None or self.client.url != url:
                from .client import Client

                self.client = None
                self.client = Client(url, self.params, self.settings.request_timeout,
                                     self.settings.threads, self.settings.batch_chars)
            results, error = self.client.check(texts)
        except LanguageToolError as e:
            results, error = [None] * len(texts), e
        if error is None:
            return results, None
        if not self.settings.server_url():
            error = LanguageToolError(f"{error}{self._managed_hint(url)}")
        return self._failed(texts, error, results)

    def _failed(self, texts: list[str], error: LanguageToolError,
                results: list | None = None) -> tuple[list[list | None], LanguageToolError]:
        self.failure = str(error)
        return results or [None] * len(texts), error

    def _managed_hint(self, url: str) -> str:
        """What happens to the server textlint started, now that a request to it failed."""
        from . import server

        log = server.server_dir(self.settings) / server.LOG
        state = server.running(self.settings)
        if state is None or state.url != url:
            return f" (the server has stopped; the next run starts a new one; log: {log})"
        return f" (the server is still running; log: {log}; `textlint languagetool stop` stops it)"


def setup(rules: list[Rule], lt_settings: LanguageToolSettings, switch: bool | None,
          select: list[str] | None, extend: list[str]) -> list[Rule]:
    """The selected *rules* with the LanguageTool rule bound to its settings, or without it
    when LanguageTool is off.

    On or off: *switch* (--languagetool/--no-languagetool), else on when a selector names
    LanguageTool, else ``TEXTLINT_LANGUAGETOOL`` or the ``enabled`` key, else on when it is
    installed or a server URL is set. ``--select languagetool.EN_A_VS_AN`` reports only
    that LanguageTool rule; in ``extend-select`` (or next to ``languagetool``) it adds the
    rule to the preset.
    """
    lt = next((r for r in rules if isinstance(r, LanguageToolRule)), None)
    if lt is None:
        return rules
    select, extend = list(select or []), list(extend)
    names = [s for s in select + extend if s in (PACK, RULE_ID) or lt.emits(s)]
    on = switch
    if on is None and names:
        on = True
    if on is None:
        on = lt_settings.switch()
    if on is None:
        from .install import installation

        on = bool(lt_settings.server_url()) or installation(lt_settings) is not None
    if not on:
        return [r for r in rules if r is not lt]
    for s in names:
        if _is_glob(s):
            raise ConfigError(f"'{s}': rule patterns work in ignore, not in select")
    chosen = [s.split(".", 1)[1] for s in select if lt.emits(s)]
    added = [s.split(".", 1)[1] for s in extend if lt.emits(s)]
    whole = any(s in (PACK, RULE_ID, "ALL") for s in select)
    only = chosen if chosen and not whole else []
    bound = lt.bound(lt_settings, only=only, extra=added + ([] if only else chosen))
    return [bound if r is lt else r for r in rules]
