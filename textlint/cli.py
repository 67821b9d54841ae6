"""The command line: ``textlint check``, ``textlint rules``, ``textlint rule ID``.

Exit codes: 0 clean (or everything fixed), 1 problems remain, 2 usage,
configuration or input error.
"""

import gc
import shutil
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__
from .cache_cli import app as cache_app
from .cliapp import command_group
from .config import ConfigFinder
from .diagnostics import Applicability
from .document import Document
from .engine import Overrides
from .errors import ConfigError
from .files import InputError, check_encoding, decode, discover, parse_size, read_stream, target_problem
from .languagetool.cli import app as languagetool_app
from .output import FORMATS, Report
from .progress import wanted
from .runner import FileResult, Runner
from .stdio import OutputError

app = command_group("textlint", "Find and fix the defects of scraped, OCR'd and machine-translated prose.")

app.add_typer(languagetool_app, name="languagetool")
app.add_typer(cache_app, name="cache")

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    sys.stderr.write(f"textlint: {message}\n")


def _split(values: list[str] | None) -> list[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


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
    vale_config: Annotated[Optional[Path], typer.Option("--vale-config", help="Use this Vale project file (.vale.ini): its styles, levels, vocabularies and ignores (docs/vale.md).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="Output format: text, json, jsonl, sarif or github.")] = "text",
    statistics: Annotated[bool, typer.Option("--statistics", help="Print the number of findings per rule instead of the findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Files checked in parallel (0: one process per core).")] = 0,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit with 0 even when problems remain (errors still exit with 2).")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="The name (and so the format) of standard input.")] = None,
    languagetool: Annotated[Optional[bool], typer.Option("--languagetool/--no-languagetool", help="Run LanguageTool's grammar rules too (default: when installed; see `textlint languagetool status`).")] = None,
    languagetool_url: Annotated[Optional[str], typer.Option("--languagetool-url", help="Use the LanguageTool server at this URL instead of starting one.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read (and write back) files in this encoding, e.g. latin-1 or cp1252 (default: UTF-8, or UTF-16/32 by byte order mark).")] = None,
    max_file_size: Annotated[Optional[str], typer.Option("--max-file-size", help="Do not read files larger than this (e.g. 200MB; 0: no limit; default: max-file-size, or 100MB).")] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar (shown on a terminal when a run takes more than a moment).")] = False,
) -> None:
    """Lint files; with --fix, fix them.

    Findings print as each file is done (text and jsonl; json, sarif and github print one
    document at the end).
    """
    # A filter (`check --fix -`) keeps what it reads: on any error it prints its input unchanged.
    stdin = _Input(sys.stdin.buffer) if fix and not diff and "-" in (paths or []) else None
    if output_format not in FORMATS:
        _fail(f"error: unknown format '{output_format}' (choose from {', '.join(FORMATS)})", stdin)
    try:
        size_limit = parse_size(max_file_size) if max_file_size is not None else None
    except ValueError as e:
        _fail(f"error: --max-file-size: {e}", stdin)
    try:
        encoding = check_encoding(encoding) if encoding is not None else None
    except ValueError as e:
        _fail(f"error: --encoding: {e}", stdin)
    try:
        if config and vale_config:
            _fail("error: --config and --vale-config: give one", stdin)
        runner = Runner(ConfigFinder(config, vale=vale_config), Overrides(
            select=_split(select) or None, extend_select=_split(extend_select),
            ignore=_split(ignore), rule_paths=list(rules or []),
            languagetool=languagetool, languagetool_url=languagetool_url,
            max_file_size=size_limit, encoding=encoding), fix, unsafe_fixes, diff)
        runner.engine(None)  # report configuration errors before any file is read
    except ConfigError as e:
        _fail(f"error: {e}", stdin)

    results: list[FileResult] = []
    files: list[tuple[Path, bool]] = []  # each with whether a directory walk found it
    patterns: set[str] = set()  # what the directory walks looked for

    def unreadable(e: InputError) -> None:
        if e.skipped:
            results.append(FileResult(e.path, messages=[f"note: {e}"]))
        else:
            results.append(FileResult(e.path, messages=[f"error: {e}"], errors=1))

    for target in paths or ["."]:
        if target == "-":
            results.append(_check_stdin(runner, stdin_filename or "-", stdin))
            continue
        root = Path(target)
        if problem := target_problem(root):
            results.append(FileResult(target, messages=[f"error: {target}: {problem}"], errors=1))
            continue
        try:
            settings = runner.finder.for_path(root / "x" if root.is_dir() else root)
        except ConfigError as e:
            results.append(FileResult(target, messages=[f"error: {e}"], errors=1))
            continue
        patterns.update(settings.include)
        walked = root.is_dir()
        files += [(path, walked) for path in discover([root], settings.include, settings.exclude, unreadable)]

    nothing = not files and not results and "-" not in (paths or [])
    if nothing:
        _err(f"warning: no files to lint found in {', '.join(paths or ['.'])} (a directory walk lints "
             f"{', '.join(sorted(patterns))}; see include and exclude in the configuration)")
    streamed = output_format in STREAMED and not statistics and not diff and stdin is None
    printer = _Printer(output_format) if streamed else None
    for r in results:
        _emit(r, printer)
    bar = None
    if files and wanted(sys.stderr, not (no_progress or quiet)):
        from .progress import ProgressBar

        bar = ProgressBar(len(files), "Checking", "files")
        runner.fork_guard = bar.paused
    with bar or nullcontext():
        for r in runner.check_targets(_walked_wherever_found(files), jobs):
            if bar:
                bar.advance()
            with bar.paused() if bar and _prints(r, printer) else nullcontext():
                _emit(r, printer)
            results.append(r)
    _report(runner, results, output_format, statistics, quiet or nothing, streamed)
    if any(r.errors for r in results):
        raise typer.Exit(EXIT_ERROR)
    if exit_zero:
        raise typer.Exit(EXIT_CLEAN)
    if diff:
        raise typer.Exit(EXIT_PROBLEMS if any(r.changed for r in results) else EXIT_CLEAN)
    raise typer.Exit(EXIT_PROBLEMS if any(r.diagnostics for r in results) else EXIT_CLEAN)


def _walked_wherever_found(files: list[tuple[Path, bool]]) -> list[tuple[Path, bool]]:
    """*files* (each with whether a directory walk found it), a file that a walk found also
    marked so where it was named. The set of walked paths is made only when some files were
    named and some walked: a run that names only folders (or only files) hashes no path."""
    if all(walked for _, walked in files) or not any(walked for _, walked in files):
        return files
    found = {path for path, walked in files if walked}
    return [(path, path in found) for path, _ in files]


#: Formats whose findings print file by file, as each file is done.
STREAMED = ("text", "jsonl")


class _Printer:
    """Prints the findings of each file as its result arrives (text and jsonl)."""

    def __init__(self, output_format: str) -> None:
        self.format = output_format
        self.console = None

    def __call__(self, r: FileResult) -> None:
        if not r.diagnostics:
            return
        report = Report(Document(r.text, r.path), r.diagnostics)
        if self.format == "jsonl":
            from .output.json import write_jsonl  # (json is imported only for it)

            write_jsonl([report], sys.stdout)
        else:
            self._write_text(report)
        sys.stdout.flush()

    def _write_text(self, report: Report) -> None:
        from .output import text as text_out

        if sys.stdout.isatty():
            if self.console is None:
                from rich.console import Console

                self.console = Console(file=sys.stdout, highlight=False)
            text_out.write_rich([report], self.console)
        else:
            text_out.write_plain([report], sys.stdout)


def _prints(r: FileResult, printer: _Printer | None) -> bool:
    """Whether :func:`_emit` writes anything for *r*."""
    return bool(r.messages or r.diff or (printer and r.diagnostics))


def _emit(r: FileResult, printer: _Printer | None) -> None:
    """What one file's result prints as soon as it arrives: messages, its diff, its findings."""
    for message in r.messages:
        _err(message)
    if r.diff:
        from .output.diff import write_diff

        write_diff(r.diff, sys.stdout)
        sys.stdout.flush()
    if printer:
        printer(r)


class _Input:
    """Standard input of a filter: keeps what was read, to give it all back on an error."""

    def __init__(self, stream) -> None:
        self.stream, self.seen = stream, bytearray()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.seen += data
        return data

    def echo(self) -> None:
        """Print the input unchanged: what was read, then the rest of it."""
        _echo(bytes(self.seen))
        try:
            shutil.copyfileobj(self.stream, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        except OSError as e:
            raise OutputError(1, e) from None


def _echo(data: bytes) -> None:
    """Write bytes to standard output (a filter's output keeps the input's encoding)."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as e:
        raise OutputError(1, e) from None


def _fail(message: str, stdin: _Input | None) -> NoReturn:
    """Exit with a usage or configuration error; a filter first prints its input unchanged."""
    _err(message)
    if stdin is not None:
        stdin.echo()
    raise typer.Exit(EXIT_ERROR)


def _check_stdin(runner: Runner, name: str, stdin: _Input | None) -> FileResult:
    """Lint standard input; as a filter (*stdin*), print it fixed, or on any error exactly
    as it came (invalid bytes, byte order mark and all)."""
    path = Path(name) if name != "-" else None
    source = None
    try:
        source = decode(read_stream(stdin or sys.stdin.buffer, name, runner.max_file_size(path)), name,
                        runner.overrides.encoding)
        result = runner.check_source(source, path)
    except (InputError, ConfigError) as e:
        result = FileResult(name, messages=[f"error: {e}"], errors=1)
    except Exception as e:  # a filter gives its input back whatever happened
        if stdin is None:
            raise
        result = FileResult(name, messages=[f"error: {name}: internal error: {e!r}"], errors=1)
    result.stdin = True
    if stdin is None:
        return result
    if source is None or result.errors:
        if source is not None and result.changed:  # report the findings of what is printed
            unfixed = runner.lint_source(source, path)
            result.text, result.diagnostics = unfixed.text, unfixed.diagnostics
        result.applied, result.changed = [], False
        result.messages.append(f"note: {name}: because of the error, the input is printed unchanged")
        stdin.echo()
    else:
        try:
            fixed = source.encode(result.text)
        except UnicodeEncodeError as e:
            result.messages.append(f"error: {name}: the fixed text has {e.object[e.start:e.end]!r}, which "
                                   f"{source.encoding} cannot encode; the input is printed unchanged")
            result.errors += 1
            result.applied, result.changed = [], False
            stdin.echo()
            return result
        _echo(fixed)
    return result


def _report(runner: Runner, results: list[FileResult], output_format: str,
            statistics: bool, quiet: bool, streamed: bool = False) -> None:
    """Print the findings (to stderr when stdout carries fixed text or a diff), unless they
    were *streamed* already, then the summary."""
    fixing = runner.fix or runner.diff
    stdin_fixed = runner.fix and not runner.diff and any(r.stdin for r in results)
    out = sys.stderr if (runner.diff or stdin_fixed) else sys.stdout
    reports = [Report(Document(r.text, r.path), r.diagnostics) for r in results if r.diagnostics]
    if statistics:
        from .output import text as text_out

        text_out.statistics(reports, out)
    elif not streamed:
        _write_findings(runner, reports, output_format, out)
    if quiet or output_format != "text":
        return
    diagnostics = [d for r in reports for d in r.diagnostics]
    fixed = sum(r.fixed for r in results)
    lines = _fix_summary(results, runner.diff) if fixing else []
    if diagnostics:
        safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.SAFE)
        unsafe_n = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.UNSAFE)
        remain = "remain" if len(diagnostics) != 1 else "remains"
        what = ("would remain" if runner.diff else remain) if fixing else "found"
        line = f"{len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} {what}"
        hints = []
        if safe and not fixing:
            hints.append(f"{safe} fixable with --fix")
        if unsafe_n and not runner.unsafe:
            hints.append(f"{unsafe_n} with --fix --unsafe-fixes")
        lines.append(line + (f" ({', '.join(hints)})" if hints else "") + ".")
    elif not fixed and not any(r.errors for r in results):
        lines.append("All clean.")
    sys.stderr.write("".join(f"{line}\n" for line in lines))


def _write_findings(runner: Runner, reports: list[Report], output_format: str, out) -> None:
    """All the findings at once, in *output_format* (each format's module imported when used:
    the text format's brings rich's tables of character widths)."""
    if output_format == "json":
        from .output.json import write_json

        write_json(reports, out)
    elif output_format == "jsonl":
        from .output.json import write_jsonl

        write_jsonl(reports, out)
    elif output_format == "sarif":
        from .output.sarif import write_sarif

        rules = {r.id: r for engine in runner.engines.values() for r in engine.rules}
        write_sarif(reports, rules, out)
    elif output_format == "github":
        from .output.github import write_github

        write_github(reports, out)
    else:
        from .output import text as text_out

        if out.isatty():
            from rich.console import Console
            text_out.write_rich(reports, Console(file=out, highlight=False))
        else:
            text_out.write_plain(reports, out)


def _fix_summary(results: list[FileResult], dry_run: bool) -> list[str]:
    """How many fixes were applied, in how many files (only files written count) and, when
    re-linting found more, in which rounds; then each fix: where it was in the file as read,
    the rule and the message."""
    applied = [(r.path, f) for r in results for f in r.applied]
    files = sum(1 for r in results if r.applied)
    rounds = Counter(f.round for _, f in applied)
    head = f"{'Would fix' if dry_run else 'Fixed'} {len(applied)} problem{'s' * (len(applied) != 1)}"
    if applied:
        head += f" in {files} file{'s' * (files != 1)}"
    if len(rounds) > 1:
        head += " (" + ", ".join(f"round {n}: {rounds[n]}" for n in sorted(rounds)) + ")"
    return [head + (":" if applied else ".")] + [
        f"  {path}:{f.line}:{f.column}: {f.rule} {f.message}" + (f" [round {f.round}]" if f.round > 1 else "")
        for path, f in applied]


@app.command("rules")
def list_rules(
    all_rules: Annotated[bool, typer.Option("--all", help="Include the rules that are off by default (`--select` or `--extend-select` turns them on).")] = False,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Load extra YAML rules from a file or directory.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (every rule, with its \"default\").")] = False,
) -> None:
    """List the rules a default run uses (with --all, every rule), one per rule: id, severity,
    fix, default (on: in a default run; off: only when selected), description.

    On a terminal (or with COLUMNS set) descriptions are wrapped to its width and indented;
    piped, each rule is one line.
    """
    import json

    from .registry import all_rules as load_all

    try:
        found = load_all(list(rules or []))
    except ConfigError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR)
    found = sorted(found, key=lambda r: r.id)
    if as_json:
        print(json.dumps([{
            "id": r.id, "severity": r.severity.value, "fix": r.fix_applicability.value
            if r.fix_applicability else None, "default": r.default_enabled,
            "category": r.category or r.pack, "description": r.description.strip()} for r in found],
            indent=2, ensure_ascii=False))
        return
    shown = [r for r in found if all_rules or r.default_enabled]
    from .output.rules import rule_table

    sys.stdout.write(rule_table(shown, _terminal_width()))
    hidden = len(found) - len(shown)
    if hidden:
        _err(f"{hidden} rule{'s' * (hidden != 1)} off by default not shown; `textlint rules --all` lists every rule.")


def _terminal_width() -> int | None:
    """The width to wrap to: COLUMNS, else the terminal's; None when piped without COLUMNS."""
    import os

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


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
        import difflib

        close = difflib.get_close_matches(rule_id, list(found), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _err(f"error: unknown rule '{rule_id}'{hint}; `textlint rules` lists them")
        raise typer.Exit(EXIT_ERROR)
    print(rule.documentation(), end="")


@app.command("lsp")
def lsp_server() -> None:
    """Run the language server over stdin/stdout, for editors (needs the `lsp` extra; docs/editors.md)."""
    from . import lsp

    if not lsp.available():
        _err(lsp.MISSING)
        raise typer.Exit(EXIT_ERROR)
    lsp.main()


@app.command("server", hidden=True)
def lsp_server_alias() -> None:
    """The same as `textlint lsp`."""
    lsp_server()


@app.command()
def clean(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="JSONL or Parquet files, or folders of them and of .txt/.md files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The folder to write (new or empty; see --resume).")],
    text_field: Annotated[str, typer.Option("--text-field", help="The field (JSONL) or column (Parquet) that holds the text.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="The field or column that names a document in findings and error rows.")] = "id",
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")] = False,
    report_only: Annotated[bool, typer.Option("--report-only", help="Write the findings only, no text.")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Rules, packs or categories to enable (comma-separated; replaces the configured selection).")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option("--extend-select", help="Rules, packs or categories to enable in addition.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rules, packs or categories to disable.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Load extra YAML rules from a file or directory.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (worker processes on this machine) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: a scheduler address (tcp://host:8786), or local:N to start a local cluster of N workers (default local:<jobs>).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core).")] = 0,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Documents per partition (the unit of work, of output files and of --resume).")] = 5000,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted run in the same output folder: skip the partitions it wrote.")] = False,
    languagetool: Annotated[bool, typer.Option("--languagetool/--no-languagetool", help="Run LanguageTool's grammar rules too (a server per worker; off by default).")] = False,
    languagetool_url: Annotated[Optional[str], typer.Option("--languagetool-url", help="Use the LanguageTool server at this URL.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no per-rule table; only the counts.")] = False,
) -> None:
    """Clean a corpus: fix every document of JSONL, Parquet or text files into --output.

    Exit codes: 0 every document cleaned, 1 some documents failed (see DIR/_errors),
    2 a usage, configuration or input error, or partitions left unfinished (--resume).
    """
    from .corpus.options import CleanOptions
    from .corpus.partitions import CorpusError
    from .corpus.run import RunConfig, run
    from .corpus.summary import counts_line, write_table

    if scheduler and engine != "dask":
        _err("error: --scheduler needs --engine dask")
        raise typer.Exit(EXIT_ERROR)
    try:
        settings = ConfigFinder(config).for_path(Path(inputs[0]).resolve() / "x")
        options = CleanOptions(settings, Overrides(
            select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
            rule_paths=[p.resolve() for p in rules or []], languagetool=languagetool,
            languagetool_url=languagetool_url), unsafe_fixes, report_only, text_field, id_field)
        result = run(RunConfig(inputs, output, options, partition_size, engine, jobs, scheduler,
                               resume, progress=not quiet))
    except (ConfigError, CorpusError) as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _err("interrupted: the finished partitions are kept; run the same command with --resume")
        raise typer.Exit(130)
    total = result.total
    if not quiet:
        write_table(total, sys.stdout, report_only)
    if result.skipped:
        _err(f"{result.skipped} of {result.partitions} partitions were already done (--resume)")
    for done in result.unfinished[:10]:
        _err(f"error: {done.partition.name}: not finished: {done.error}")
    if len(result.unfinished) > 10:
        _err(f"error: ... and {len(result.unfinished) - 10} more partitions not finished")
    _err(counts_line(total, report_only) + ".")
    if total.failed:
        _err(f"The failed documents are listed, with the reason, in {output / '_errors'}.")
    if not result.complete:
        _err(f"{len(result.unfinished)} of {result.partitions} partitions did not finish; "
             "run the same command with --resume to finish them.")
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_PROBLEMS if total.failed else EXIT_CLEAN)


def main() -> None:
    """Console-script entry point (standard output errors: see :func:`stdio.run_guarded`;
    the end of the process: :func:`stdio.end_at_once`)."""
    from .stdio import end_at_once, run_guarded

    # The modules imported so far live until the process exits: the cyclic collector need
    # not walk them again, in each later pass nor at exit.
    gc.freeze()
    try:
        run_guarded(app)
    except SystemExit as done:
        end_at_once(done)
        raise
