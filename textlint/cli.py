"""The command line: ``textlint check``, ``textlint rules``, ``textlint rule ID``.

Exit codes: 0 clean (or everything fixed), 1 problems remain, 2 usage,
configuration or input error.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .config import ConfigFinder, Settings
from .diagnostics import Applicability
from .engine import Engine, Overrides
from .errors import ConfigError
from .files import InputError, Source, decode, discover, read_source, write_source
from .languagetool.cli import app as languagetool_app
from .output import FORMATS, Report

app = typer.Typer(
    name="textlint",
    help="Find and fix the defects of scraped, OCR'd and machine-translated prose.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

app.add_typer(languagetool_app, name="languagetool")

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    sys.stderr.write(f"textlint: {message}\n")


def _split(values: list[str] | None) -> list[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


@dataclass
class Run:
    """State of one ``check`` run: engines per configuration, reports, errors."""

    finder: ConfigFinder
    overrides: Overrides
    engines: dict[int, Engine] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)
    errors: int = 0
    fixed: int = 0
    changed_files: int = 0

    def engine(self, path: Path | None) -> Engine:
        settings = self.finder.for_path(path)
        key = id(settings)
        if key not in self.engines:
            self.engines[key] = Engine(settings, self.overrides)
        return self.engines[key]

    def settings(self, path: Path | None) -> Settings:
        return self.finder.for_path(path)


@app.callback(invoke_without_command=True)
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        print(f"textlint {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or directories to lint; '-' reads standard input. Default: the current directory.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too (with --fix or --diff).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a unified diff and write nothing.")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Rules, packs or categories to enable (comma-separated; replaces the configured selection).")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option("--extend-select", help="Rules, packs or categories to enable in addition.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rules, packs or categories to disable.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Load extra YAML rules from a file or directory.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="Output format: text, json or jsonl.")] = "text",
    statistics: Annotated[bool, typer.Option("--statistics", help="Print the number of findings per rule instead of the findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="The name to report for standard input.")] = None,
    languagetool: Annotated[Optional[bool], typer.Option("--languagetool/--no-languagetool", help="Run LanguageTool's grammar rules too (default: when installed; see `textlint languagetool status`).")] = None,
    languagetool_url: Annotated[Optional[str], typer.Option("--languagetool-url", help="Use the LanguageTool server at this URL instead of starting one.")] = None,
) -> None:
    """Lint files; with --fix, fix them."""
    if output_format not in FORMATS:
        _err(f"unknown format '{output_format}' (choose from {', '.join(FORMATS)})")
        raise typer.Exit(EXIT_ERROR)
    try:
        run = Run(ConfigFinder(config), Overrides(
            select=_split(select) or None, extend_select=_split(extend_select),
            ignore=_split(ignore), rule_paths=list(rules or []),
            languagetool=languagetool, languagetool_url=languagetool_url))
        run.engine(None)  # report configuration errors before any file is read
    except ConfigError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR)

    for target in paths or ["."]:
        try:
            if target == "-":
                _check_stdin(run, stdin_filename or "-", fix, unsafe_fixes, diff)
                continue
            root = Path(target)
            if not root.exists():
                _err(f"error: {target}: no such file or directory")
                run.errors += 1
                continue
            settings = run.settings(root if root.is_file() else root / "x")
            for path in discover([root], settings.include, settings.exclude):
                _check_file(run, path, fix, unsafe_fixes, diff)
        except ConfigError as e:
            _err(f"error: {e}")
            run.errors += 1

    _report(run, output_format, statistics, quiet, fix or diff, unsafe_fixes, diff)
    if run.errors:
        raise typer.Exit(EXIT_ERROR)
    if diff:
        raise typer.Exit(EXIT_PROBLEMS if run.changed_files else EXIT_CLEAN)
    remaining = sum(len(r.diagnostics) for r in run.reports)
    raise typer.Exit(EXIT_PROBLEMS if remaining else EXIT_CLEAN)


def _lint_or_fix(run: Run, source: Source, path: Path | None, fix: bool, unsafe: bool, diff: bool) -> str:
    """Lint (or fix) one source; record its report; return the new text."""
    engine = run.engine(path)
    if fix or diff:
        result = engine.fix(source.text, source.path, unsafe)
        text, remaining, errors = result.text, result.remaining, result.errors
        run.fixed += result.count
        if not result.converged:
            _err(f"warning: {source.path}: fixes did not converge after several rounds")
    else:
        linted = engine.lint(source.text, source.path)
        text, remaining, errors = source.text, linted.diagnostics, linted.errors
    for e in errors:
        _err(f"error: {source.path}: {e}")
        run.errors += 1
    run.reports.append(Report(engine.document(text, source.path), remaining))
    if text != source.text:
        run.changed_files += 1
    if diff and text != source.text:
        sys.stdout.writelines(difflib.unified_diff(
            source.text.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{source.path}", tofile=f"b/{source.path}"))
    return text


def _check_file(run: Run, path: Path, fix: bool, unsafe: bool, diff: bool) -> None:
    try:
        source = read_source(path)
    except InputError as e:
        if e.skipped:
            _err(f"note: {e}")
        else:
            _err(f"error: {e}")
            run.errors += 1
        return
    text = _lint_or_fix(run, source, path, fix, unsafe, diff)
    if fix and not diff:
        try:
            write_source(source, text)
        except OSError as e:
            _err(f"error: {path}: cannot write the fixed file: {e.strerror}; the file is unchanged")
            run.errors += 1


def _check_stdin(run: Run, name: str, fix: bool, unsafe: bool, diff: bool) -> None:
    try:
        source = decode(sys.stdin.buffer.read(), name)
    except InputError as e:
        _err(f"error: {e}")
        run.errors += 1
        return
    text = _lint_or_fix(run, source, Path(name) if name != "-" else None, fix, unsafe, diff)
    if fix and not diff:
        sys.stdout.write(text)


def _report(run: Run, output_format: str, statistics: bool, quiet: bool,
            fixing: bool, unsafe: bool, diff: bool) -> None:
    """Print the findings (to stderr when stdout carries fixed text or a diff)."""
    from .output import json as json_out
    from .output import text as text_out

    stdin_fixed = fixing and not diff and any(r.doc.path == "-" or not Path(r.doc.path).exists()
                                              for r in run.reports)
    out = sys.stderr if (diff or stdin_fixed) else sys.stdout
    reports = [r for r in run.reports if r.diagnostics]
    if statistics:
        text_out.statistics(reports, out)
    elif output_format == "json":
        json_out.write_json(reports, out)
    elif output_format == "jsonl":
        json_out.write_jsonl(reports, out)
    elif out.isatty():
        from rich.console import Console
        text_out.write_rich(reports, Console(file=out, highlight=False))
    else:
        text_out.write_plain(reports, out)
    if quiet or output_format != "text":
        return
    diagnostics = [d for r in reports for d in r.diagnostics]
    lines = []
    if fixing:
        verb = "Would fix" if diff else "Fixed"
        lines.append(f"{verb} {run.fixed} problem{'s' * (run.fixed != 1)}"
                     f"{f' in {run.changed_files} file' + 's' * (run.changed_files != 1) if run.fixed else ''}.")
    if diagnostics:
        safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.SAFE)
        unsafe_n = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.UNSAFE)
        what = "remain" if fixing else "found"
        line = f"{len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} {what}"
        hints = []
        if safe and not fixing:
            hints.append(f"{safe} fixable with --fix")
        if unsafe_n and not unsafe:
            hints.append(f"{unsafe_n} with --fix --unsafe-fixes")
        lines.append(line + (f" ({', '.join(hints)})" if hints else "") + ".")
    elif not run.errors:
        lines.append("All clean.")
    sys.stderr.write("".join(f"{line}\n" for line in lines))


@app.command("rules")
def list_rules(
    all_rules: Annotated[bool, typer.Option("--all", help="Include rules that are off by default.")] = True,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Load extra YAML rules from a file or directory.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the rules, one per line: id, severity, fix, default, description."""
    import json

    from .registry import all_rules as load_all

    try:
        found = load_all(list(rules or []))
    except ConfigError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR)
    found = sorted((r for r in found if all_rules or r.default_enabled), key=lambda r: r.id)
    if as_json:
        print(json.dumps([{
            "id": r.id, "severity": r.severity.value, "fix": r.fix_applicability.value
            if r.fix_applicability else None, "default": r.default_enabled,
            "category": r.category or r.pack, "description": r.description.strip()} for r in found],
            indent=2, ensure_ascii=False))
        return
    width = max(len(r.id) for r in found)
    for r in found:
        fixable = r.fix_applicability.value if r.fix_applicability else "-"
        default = "" if r.default_enabled else " (off by default)"
        summary = " ".join(r.description.split())
        print(f"{r.id:<{width}}  {r.severity.value:<7}  fix:{fixable:<12}  {summary}{default}")


@app.command("rule")
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule id, e.g. cleanup.DoubledWord.")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Load extra YAML rules from a file or directory.")] = None,
) -> None:
    """Print a rule's documentation: what it finds, why, examples, fix safety."""
    from .registry import all_rules as load_all

    try:
        found = {r.id: r for r in load_all(list(rules or []))}
    except ConfigError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR)
    rule = found.get(rule_id) or next((r for r in found.values() if r.id.lower() == rule_id.lower()
                                       or r.emits(rule_id)), None)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(found), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _err(f"error: unknown rule '{rule_id}'{hint}; `textlint rules` lists them")
        raise typer.Exit(EXIT_ERROR)
    print(rule.documentation(), end="")


def main() -> None:
    """Console-script entry point."""
    app()
