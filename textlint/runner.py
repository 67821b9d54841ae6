"""Checking files: read, lint or fix, write back; several files in parallel."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .config import ConfigFinder
from .diagnostics import Diagnostic
from .engine import Engine, Overrides
from .errors import ConfigError
from .files import InputError, Source, read_source, write_source

#: Below this many files a run stays in one process.
PARALLEL_MIN_FILES = 8


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff that, like ``diff -u``, marks a last line without a newline."""
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _lines(text: str) -> list[str]:
    """The lines of *text* with their ends; only "\n" ends a line (as in ``diff``)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


@dataclass
class FileResult:
    """What checking one file produced (picklable, to cross process boundaries)."""

    path: str
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    errors: int = 0
    fixed: int = 0
    changed: bool = False
    diff: str = ""
    stdin: bool = False


@dataclass
class Runner:
    """One ``check`` run: the configuration finder, the options, engines per configuration."""

    finder: ConfigFinder
    overrides: Overrides
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    engines: dict[int, Engine] = field(default_factory=dict)

    def engine(self, path: Path | None) -> Engine:
        settings = self.finder.for_path(path)
        if id(settings) not in self.engines:
            self.engines[id(settings)] = Engine(settings, self.overrides)
        return self.engines[id(settings)]

    def check_source(self, source: Source, path: Path | None) -> FileResult:
        """Lint (or fix) one decoded source; no file is written."""
        out = FileResult(source.path)
        try:
            engine = self.engine(path)
        except ConfigError as e:
            return FileResult(source.path, source.text, messages=[f"error: {e}"], errors=1)
        if self.fix or self.diff:
            result = engine.fix(source.text, source.path, self.unsafe)
            out.text, out.diagnostics, errors = result.text, result.remaining, result.errors
            out.fixed = result.count
            if not result.converged:
                out.messages.append(f"warning: {source.path}: fixes did not converge after several rounds")
        else:
            linted = engine.lint(source.text, source.path)
            out.text, out.diagnostics, errors = source.text, linted.diagnostics, linted.errors
        out.messages += [f"error: {source.path}: {e}" for e in errors]
        out.errors += len(errors)
        out.changed = out.text != source.text
        if self.diff and out.changed:
            out.diff = unified_diff(source.text, out.text, source.path)
        return out

    def check_path(self, path: Path) -> FileResult:
        """Read, lint or fix, and (with ``fix``) write back one file."""
        try:
            source = read_source(path)
        except InputError as e:
            kind = "note" if e.skipped else "error"
            return FileResult(str(path), messages=[f"{kind}: {e}"], errors=0 if e.skipped else 1)
        out = self.check_source(source, path)
        if self.fix and not self.diff and out.changed:
            try:
                write_source(source, out.text)
            except OSError as e:
                out.messages.append(f"error: {path}: cannot write the fixed file: {e.strerror}; "
                                    "the file is unchanged")
                out.errors += 1
        return out

    def check_paths(self, paths: list[Path], jobs: int = 0) -> Iterator[FileResult]:
        """Results in the order of *paths*; in *jobs* processes (0: one per core)."""
        jobs = jobs or os.cpu_count() or 1
        if jobs == 1 or len(paths) < PARALLEL_MIN_FILES:
            yield from map(self.check_path, paths)
            return
        for path in paths[:1]:  # builds the engine (and loads what it needs) before forking
            yield self.check_path(path)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _RUNNER
        _RUNNER = self
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(paths) - 1), mp_context=context) as pool:
            yield from pool.map(_check_in_worker, paths[1:], chunksize=4)


_RUNNER: Runner | None = None


def _check_in_worker(path: Path) -> FileResult:
    assert _RUNNER is not None
    return _RUNNER.check_path(path)
