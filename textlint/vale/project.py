"""A Vale project: the styles a ``.vale.ini`` names, which rules run on which file at
which level, its vocabularies and what it asks to ignore.

Which rules run on a file follows Vale's ``shouldRun``: the sections whose glob matches
the file are read in order (``[*]`` first, then as written; a later one wins);
``BasedOnStyles`` of the last section that sets it names the styles whose rules run;
``Style.Rule = NO`` (or ``Style = NO``) turns a rule (a style) off, any other level turns
it on at that level even outside the based-on styles; a rule below ``MinAlertLevel``
does not run. Only these rules run: textlint's own checks stay off, as a Vale user
expects (``--extend-select`` adds them).

Vocabularies (``<StylesPath>/config/vocabularies/<Name>/accept.txt``, ``reject.txt``):
an accepted term is an exception to every rule (a finding whose text is the term, or
that lies inside an accepted phrase, is dropped; case counts unless the term starts
with ``(?i)``); with the ``Vale`` style, ``Vale.Terms`` flags an accepted term written
in another case and ``Vale.Avoid`` flags a rejected term. A vocabulary a section names
brings its own ``Vale.<Name>.Terms`` and ``Vale.<Name>.Avoid`` to that section's files.
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path
from typing import Callable

import regex

from ..dataclass import dataclass
from ..diagnostics import Severity
from ..document import Span
from ..errors import ConfigError
from ..files import InputError, read_regular
from ..rule import Rule
from ..yamlrules import TYPES, load_rules
from .ini import LEVELS, Section, ValeConfig

VOCAB_DIR = Path("config") / "vocabularies"
SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
#: Vale's built-in style.
VALE = "Vale"


@dataclass
class Vocabulary:
    accepted: list[str]
    rejected: list[str]


def term_pattern(term: str) -> str:
    """A vocabulary term as a pattern: a literal term's periods are literal; a space
    between words also matches a line break."""
    bare = term.replace(".", "")
    if re.escape(bare) == bare:
        term = term.replace(".", r"\.")
    return re.sub(r"[ \t]+", r"\\s+", term)


class Accepted:
    """The accepted terms that apply to one file: exceptions to every rule."""

    def __init__(self, terms: list[str]) -> None:
        parts = [t if t.startswith("(?i)") else f"(?-i:{term_pattern(t)})" for t in
                 sorted(terms, key=len, reverse=True)]
        parts = [f"(?i:{term_pattern(p[4:])})" if p.startswith("(?i)") else p for p in parts]
        self.exact = regex.compile("|".join(parts)) if parts else None
        self.folded = regex.compile("|".join(parts), regex.IGNORECASE | regex.V1) if parts else None
        phrases = [term_pattern(t.removeprefix("(?i)")) for t in terms
                   if " " in t or "\t" in t or r"\s" in t]
        self.phrases = regex.compile(r"(?i)\b(?:" + "|".join(phrases) + r")\b") if phrases else None

    def phrases_in(self, text: str) -> list[tuple[int, int]]:
        if self.phrases is None:
            return []
        return [m.span() for m in self.phrases.finditer(text)]

    def accepts(self, text: str, start: int, end: int, phrases: list[tuple[int, int]],
                fold: bool = False) -> bool:
        """Whether the finding at ``[start, end)`` is on an accepted term or inside an accepted
        phrase; *fold*: case does not count (Vale's spelling rules)."""
        if self.exact is not None:
            found = text[start:end].strip()
            if self.exact.fullmatch(found) or (fold and self.folded.fullmatch(found)):
                return True
        return any(s <= start and end <= e for s, e in phrases)


@dataclass(frozen=True)
class FileSetup:
    """What applies to the files of one combination of sections (*key*, their globs)."""

    key: tuple[str, ...]
    rules: list[Rule]
    accepted: Accepted
    ignores: list[regex.Pattern]


class ValeProject:
    """The rules of a ``.vale.ini`` and what applies to each file."""

    def __init__(self, cfg: ValeConfig, warn: Callable[[str], None]) -> None:
        self.cfg, self._warn = cfg, warn
        from .scopes import unsupported

        for name in unsupported(cfg):
            warn(f"{cfg.path}: scope '{name}' in IgnoredScopes or SkippedScopes is not honoured "
                 "(textlint knows code, tt, strong, b, em, i, a, blockquote, script, style, pre, figure)")
        self.vocabularies: dict[str, Vocabulary] = {}
        for name in cfg.vocab:
            self._vocabulary(name, None)
        for section in cfg.sections:
            for name in section.vocab:
                self._vocabulary(name, section)
        self.rules: dict[str, Rule] = {}
        #: Vale's own Terms and Avoid, which the accepted terms are no exception to.
        self.own_terms: set[str] = set()
        for style in self._styles():
            for rule in self._load_style(style):
                self.rules[rule.id] = self._with_params(rule)
        for rule in self._vale_rules():
            self.rules[rule.id] = rule
        self._per_file: dict[tuple[str, ...], FileSetup] = {}
        self._patterns = {p: self._ignore_pattern(p, s) for s in cfg.sections
                          for p in s.token_ignores + s.block_ignores}

    # loading ------------------------------------------------------------------
    def _styles(self) -> list[str]:
        """Every style a section bases files on or a level names, in order of mention."""
        names: list[str] = []
        for section in self.cfg.sections:
            names += section.styles or []
            names += [k.split(".", 1)[0] for k, v in section.levels.items() if v != "NO"]
        return [n for n in dict.fromkeys(names) if n != VALE]

    def _where(self, style: str) -> str:
        for s in self.cfg.sections:
            if style in (s.styles or []):
                return f"line {s.lines['BasedOnStyles']}: "
            for key in s.levels:
                if key.split(".", 1)[0] == style:
                    return f"line {s.lines[key]}: "
        return ""

    def _load_style(self, style: str) -> list[Rule]:
        base = self.cfg.styles_path
        folder = base / style if base else None
        if folder is None or not folder.is_dir():
            raise ConfigError(f"{self._where(style)}style '{style}' does not exist on StylesPath "
                              f"({base})", path=str(self.cfg.path))
        return load_rules(folder)

    def _with_params(self, rule: Rule) -> Rule:
        """*rule* built again with the ``Style.Rule[param] = value`` of the project (each value
        read as YAML: ``3`` a number, ``true`` a boolean, else a string)."""
        params = self.cfg.params.get(rule.id)
        if not params:
            return rule
        import yaml  # only a project that sets rule parameters reads its rules again

        line = min(n for _, n in params.values())
        try:
            data = yaml.safe_load(read_regular(Path(rule.source)).decode("utf-8"))
            for key, (value, _) in params.items():
                try:
                    data[key] = yaml.safe_load(value)
                except yaml.YAMLError:
                    data[key] = value
            return TYPES[data["extends"]].from_yaml(rule.id, data, rule.source, strict=False)
        except (ConfigError, InputError, yaml.YAMLError, UnicodeDecodeError) as e:
            raise ConfigError(f"line {line}: the parameters of {rule.id}: {e}", path=str(self.cfg.path)) from None

    def _vocabulary(self, name: str, section: Section | None) -> None:
        if name in self.vocabularies:
            return
        base = self.cfg.styles_path
        folder = base / VOCAB_DIR / name if base else None
        if folder is None or not folder.is_dir():
            where = f"line {section.lines['Vocab']}: " if section else ""
            raise ConfigError(f"{where}vocabulary '{name}' not found (looked for the folder "
                              f"{folder or '<StylesPath>/config/vocabularies/' + name})", path=str(self.cfg.path))
        accepted, rejected = [], []
        for root, _dirs, files in os.walk(folder):
            for f in sorted(files):
                if f in ("accept.txt", "reject.txt"):
                    (accepted if f == "accept.txt" else rejected).extend(_word_list(Path(root) / f))
        self.vocabularies[name] = Vocabulary(accepted, rejected)

    def _vale_rules(self) -> list[Rule]:
        """Vale's built-in style: Terms and Avoid from the vocabularies, Repetition; Spelling
        needs Vale's built-in dictionary, which textlint does not have (one warning)."""
        rules: list[Rule] = []
        accepted = [t for n in self.cfg.vocab for t in self.vocabularies[n].accepted]
        rejected = [t for n in self.cfg.vocab for t in self.vocabularies[n].rejected]
        rules += self._terms_and_avoid("Vale", accepted, rejected)
        for name in dict.fromkeys(n for s in self.cfg.sections for n in s.vocab):
            v = self.vocabularies[name]
            rules += self._terms_and_avoid(f"Vale.{name}", v.accepted, v.rejected)
        if any(VALE in (s.styles or []) for s in self.cfg.sections):
            rules.append(self._builtin("Vale.Repetition", {
                "extends": "repetition", "message": "'%s' is repeated!", "level": "error",
                "scope": "text", "ignorecase": True, "alpha": True, "tokens": [r"[^\s.!?]+"],
                "action": {"name": "edit", "params": ["truncate", " "]}}))
            rules.append(self._builtin("Vale.Spelling", self._spelling()))
        return rules

    def _spelling(self) -> dict:
        """Vale.Spelling: the default en_US dictionary, the dictionaries of
        ``<StylesPath>/config/dictionaries`` and the word lists of ``config/ignore``."""
        from ..yamlrules.spelling import DICTIONARY_DIR, IGNORE_DIR, dictionary_names

        base = self.cfg.styles_path or self.cfg.root
        ignore, folder = base / IGNORE_DIR, base / DICTIONARY_DIR
        rule = {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error",
                "append": True,
                "ignore": [str(ignore / f) for f in sorted(os.listdir(ignore))] if ignore.is_dir() else []}
        if folder.is_dir():
            rule |= {"dicpath": str(folder), "dictionaries": dictionary_names(folder)}
        return rule

    def _terms_and_avoid(self, prefix: str, accepted: list[str], rejected: list[str]) -> list[Rule]:
        out = []
        literal = [t for t in accepted if re.escape(t.replace(".", "").replace(" ", "")) ==
                   t.replace(".", "").replace(" ", "")]
        if literal:
            out.append(self._builtin(f"{prefix}.Terms", {
                "extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "error",
                "ignorecase": True, "action": {"name": "replace"}, "swap": {term_pattern(t.lower()): t for t in literal}}))
        if rejected:
            out.append(self._builtin(f"{prefix}.Avoid", {
                "extends": "existence", "message": "Avoid using '%s'.", "level": "error",
                "tokens": [term_pattern(t) for t in rejected]}))
        return out

    def _builtin(self, rule_id: str, data: dict) -> Rule:
        self.own_terms.add(rule_id)  # Vale: these rules set vocab: false
        return TYPES[data["extends"]].from_yaml(rule_id, data, f"{self.cfg.path} (Vale's built-in {rule_id})",
                                                strict=False)  # a rule of a Vale style

    @cached_property
    def vocabulary_exempt(self) -> frozenset[str]:
        """The rules whose findings the accepted terms do not drop, as in Vale: Vale.Terms
        and Vale.Avoid, a rule with ``vocab: false``, an existence rule with ``nonword``."""
        return frozenset(self.own_terms | {
            r.id for r in self.rules.values()
            if getattr(r, "spec", {}).get("vocab") is False
            or (getattr(r, "TYPE", "") == "existence" and getattr(r, "nonword", False))})

    # per file -------------------------------------------------------------------
    def for_file(self, path: str) -> FileSetup:
        """The rules that run on *path* (at the level the sections give them), the accepted
        terms and the ignore patterns (TokenIgnores and BlockIgnores) that apply to it."""
        sections = self.cfg.sections_for(path)
        key = tuple(s.glob for s in sections)
        if key not in self._per_file:
            self._per_file[key] = self._compute(key, sections)
        return self._per_file[key]

    def _compute(self, key: tuple[str, ...], sections: list[Section]) -> FileSetup:
        styles: list[str] = []
        checks: dict[str, bool] = {}
        levels: dict[str, str] = {}
        vocab = list(self.cfg.vocab)
        ignores: list[str] = []
        for s in sections:
            if s.styles is not None:
                styles = s.styles
            for k, v in s.levels.items():
                checks[k] = v != "NO"
                if v in LEVELS:
                    levels[k] = v
            for name in s.vocab:
                vocab.append(name)
                checks[f"Vale.{name}.Terms"] = checks[f"Vale.{name}.Avoid"] = True
            ignores += s.token_ignores + s.block_ignores
        minimum = RANK[SEVERITY[self.cfg.min_level]]
        chosen: list[Rule] = []
        for rule in self.rules.values():
            style = rule.id.split(".", 1)[0]
            on = checks.get(rule.id, checks.get(style))
            if on is False or (on is None and style not in styles):
                continue
            level = levels.get(rule.id) or levels.get(style)
            severity = SEVERITY[level] if level else rule.severity
            if RANK[severity] < minimum:
                continue
            chosen.append(rule.configured(severity) if severity is not rule.severity else rule)
        accepted = Accepted([t for n in dict.fromkeys(vocab) for t in self.vocabularies[n].accepted])
        return FileSetup(key, chosen, accepted, [self._patterns[p] for p in dict.fromkeys(ignores)])

    def _ignore_pattern(self, pattern: str, section: Section) -> regex.Pattern:
        try:
            return regex.compile(pattern, regex.MULTILINE)
        except regex.error as e:
            key = "TokenIgnores" if pattern in section.token_ignores else "BlockIgnores"
            raise ConfigError(f"line {section.lines.get(key, section.line)}: {key}: invalid regular "
                              f"expression {pattern!r}: {e}", path=str(self.cfg.path)) from None


def _word_list(path: Path) -> list[str]:
    """A vocabulary file: one term per line; a line starting with ``# `` is a comment."""
    try:
        lines = read_regular(path).decode("utf-8-sig").splitlines()
    except InputError as e:
        raise ConfigError(e.problem, path=str(path)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"not valid UTF-8 at byte {e.start}", path=str(path)) from None
    return [w for line in lines if (w := line.strip()) and not w.startswith("# ")]


def ignored_spans(text: str, patterns: list[regex.Pattern]) -> list[Span]:
    """The spans TokenIgnores and BlockIgnores match in *doc* (a group, when the pattern
    has one, as in Vale's examples ``(\\$+[^\\n$]+\\$+)``, else the whole match)."""
    out = []
    for p in patterns:
        for m in p.finditer(text):
            s, e = (m.span(1) if p.groups and m.start(1) >= 0 else m.span())
            if e > s:
                out.append(Span(s, e))
    return out

