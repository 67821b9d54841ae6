"""Checking files: read, lint or fix, write back; several files in parallel."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from dataclasses import field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .dataclass import dataclass
from .config import ConfigFinder, Settings
from .diagnostics import Diagnostic
from .document import Document
from .engine import Engine, Overrides, engine_for
from .errors import ConfigError
from .gcpause import collector_paused
from .files import (DEFAULT_MAX_FILE_SIZE, FileChanged, InputError, Source, WriteError, read_source,
                    write_source)

if TYPE_CHECKING:
    from .fixer import AppliedFix

#: Below this many files a run stays in one process.
PARALLEL_MIN_FILES = 8
#: Tasks per worker process: the files are cut into runs of about equal size (in bytes),
#: so that one worker is not left with the big files while the other waits.
TASKS_PER_JOB = 4
#: The smallest tasks, at the end of a run: this many per worker process would hold it all.
TAIL_TASKS_PER_JOB = 64
#: Most files a worker process checks per task.
CHUNK_MAX = 64


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff that, like ``diff -u``, marks a last line without a newline."""
    import difflib

    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _lines(text: str) -> list[str]:
    """The lines of *text* with their ends; only "\n" ends a line (as in ``diff``)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


@dataclass(frozen=True)
class FixRecord:
    """A fix applied to a file: the finding, where it was in the file as read, which round."""

    line: int
    column: int
    rule: str
    message: str
    round: int


@dataclass
class FileResult:
    """What checking one file produced (picklable, to cross process boundaries)."""

    path: str
    #: The text the findings point into (of a file on disk, only when there are findings).
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    errors: int = 0
    #: The fixes applied to ``text`` (with ``fix``, only those of a file that was written).
    applied: list[FixRecord] = field(default_factory=list)
    changed: bool = False
    diff: str = ""
    stdin: bool = False

    @property
    def fixed(self) -> int:
        return len(self.applied)


@dataclass
class Runner:
    """One ``check`` run: the configuration finder, the options, engines per configuration."""

    finder: ConfigFinder
    overrides: Overrides
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    engines: dict[int, Engine] = field(default_factory=dict)
    #: Held while worker processes are forked (the CLI pauses its progress bar's thread).
    fork_guard: Callable[[], AbstractContextManager] = nullcontext

    def engine(self, path: Path | None) -> Engine:
        settings = self.finder.for_path(path)
        if id(settings) not in self.engines:
            self.engines[id(settings)] = engine_for(settings, self.overrides)
        return self.engines[id(settings)]

    def check_source(self, source: Source, path: Path | None) -> FileResult:
        """Lint (or fix) one decoded source; no file is written."""
        try:
            engine = self.engine(path)
        except ConfigError as e:
            return FileResult(source.path, source.text, messages=[f"error: {e}"], errors=1)
        if not (self.fix or self.diff):
            return self.lint_source(source, path)
        with collector_paused():  # a ``check`` run owns its process: see gcpause
            fixed = engine.fix(source.text, source.path, self.unsafe)
        out = _result(source, fixed.text, fixed.remaining, fixed.errors)
        out.applied = _records(source, fixed.applied)
        if fixed.problem:
            out.messages.append(f"error: {source.path}: {fixed.problem}, so none of its fixes were applied")
            out.errors += 1
        out.messages += [f"warning: {source.path}: {reason}, so these rules' fixes were not applied "
                         "(the other rules' fixes were)" for reason in fixed.held_back]
        if self.diff and out.changed:
            out.diff = unified_diff(source.text, out.text, source.path)
            # the findings printed after a diff point into the file as it is, unchanged
            out.text, out.diagnostics = source.text, [fixed.in_original(d) for d in fixed.remaining]
        return out

    def lint_source(self, source: Source, path: Path | None) -> FileResult:
        """Lint one decoded source as it is."""
        with collector_paused():
            linted = self.engine(path).lint(source.text, source.path)
        return _result(source, source.text, linted.diagnostics, linted.errors)

    def max_file_size(self, path: Path | None) -> int:
        """The largest file read: ``--max-file-size``, else ``max-file-size``, else the default."""
        if self.overrides.max_file_size is not None:
            return self.overrides.max_file_size
        configured = self.finder.for_path(path).max_file_size
        return DEFAULT_MAX_FILE_SIZE if configured is None else configured

    def check_path(self, path: Path, walked: bool = False) -> FileResult:
        """Read, lint or fix, and (with ``fix``) write back one file.

        A file that is no text to lint (binary, a named pipe, a device) is an error when it
        was named, and skipped with a note when a directory walk found it (*walked*). A
        file edited by someone else while it was being fixed is read and fixed again,
        once, so that their edits and the fixes both stay. The result holds the file's text
        only when it has findings (their report quotes it; the file, fixed or not, is on
        disk): a run of many files does not keep every text, nor send it back from a worker
        process.
        """
        try:
            out = self._check_file(path, walked)
        except FileChanged:
            try:
                out = self._check_file(path, walked)
            except FileChanged:
                return FileResult(str(path), errors=1, messages=[
                    f"error: {path}: kept changing on disk while it was being fixed; the fixes were not written"])
        if not out.diagnostics:
            out.text = ""
        return out

    def _check_file(self, path: Path, walked: bool) -> FileResult:
        try:
            source = read_source(path, self.max_file_size(path), self.overrides.encoding)
        except InputError as e:
            if e.skipped and walked:
                return FileResult(str(path), messages=[f"note: {e}; skipped"])
            return FileResult(str(path), messages=[f"error: {e}{'; not linted' * e.skipped}"],
                              errors=1)
        except ConfigError as e:
            return FileResult(str(path), messages=[f"error: {e}"], errors=1)
        out = self.check_source(source, path)
        if self.fix and not self.diff and out.changed:
            try:
                write_source(source, out.text)
            except FileChanged:
                raise
            except WriteError as e:
                return self._not_written(source, path, e)
        return out

    def _not_written(self, source: Source, path: Path, error: WriteError) -> FileResult:
        """The result for a file whose fixes were not written: its findings as it is, and why."""
        out = self.lint_source(source, path)
        out.messages.append(f"error: {error}")
        out.errors += 1
        return out

    def check_targets(self, targets: list[tuple[Path, bool]], jobs: int = 0) -> Iterator[FileResult]:
        """Results in the order of *targets* (each a path with whether a directory walk found
        it: see :meth:`check_path`); in *jobs* processes (0: one per core). Should a worker
        process die, the files it had not checked get an error each.
        """
        paths = [path for path, _ in targets]
        jobs = jobs or os.cpu_count() or 1
        if jobs == 1 or len(paths) < PARALLEL_MIN_FILES or not _can_fork():
            yield from self._check_in_turn(targets)
            return
        yield self.check_path(*targets[0])  # builds the engine (and loads what it needs) before forking
        # (every configuration is read before forking: its warnings print once)
        kinds, sizes = _formats_and_sizes(self, paths)
        # the smallest file of each other format is checked here too, so that what reading
        # that format loads (the Markdown parser and its patterns) is loaded once, before
        # the fork, not by each worker
        early = {i: self.check_path(*targets[i]) for i in _first_of_other_formats(kinds, sizes)}
        # what each worker would build for itself once it has checked a few files is built
        # here, once, and shared: the lexicon's dicts that the checks asked about, for a
        # worker's share of the text
        from .lexicon import prepare_for
        prepare_for(sum(sizes) // min(jobs, len(paths)))
        import gc

        global _RUNNER, _TARGETS
        _RUNNER, _TARGETS = self, targets
        chunks = _chunks([i for i in range(1, len(paths)) if i not in early], sizes, jobs, early)
        if not chunks:
            yield from (early[i] for i in sorted(early))
            return
        # the lexicons and memo tables loaded so far stay shared with the workers: without
        # this, the cyclic collector's first pass in each worker writes to (and so copies)
        # every page that holds them. They stay frozen after the run, as what a lint leaves
        # alive does (see gcpause): the process ends with the run, and the collections of
        # its exit would walk them all again (~30 ms on 1,000 files)
        gc.freeze()
        # a task names its files by their place in _TARGETS, which the workers inherit: a path
        # sent down a pipe is rebuilt by each worker (~30,000 instructions a path)
        done = _run_tasks(min(jobs, len(chunks)), chunks, self.fork_guard)
        yield from _in_order(early, chunks, done, paths)

    def _check_in_turn(self, targets: list[tuple[Path, bool]]) -> Iterator[FileResult]:
        """Results of *targets* checked one after another in this process. Once the first is
        checked (the checks have loaded what they use), the lexicon builds the dicts that the
        whole run will ask enough questions of (:func:`.lexicon.prepare_for`): each file
        alone would decide from its own size, and a run of many small files would read its
        tables in place for many files before a dict paid for itself."""
        if not targets:
            return
        yield self.check_path(*targets[0])
        if len(targets) > 1:
            from .lexicon import prepare_for
            prepare_for(sum(_size(path) for path, _ in targets[1:]))
        yield from (self.check_path(*target) for target in targets[1:])


def _can_fork() -> bool:
    """Whether worker processes can be forked (they share what this process loaded; not on
    Windows, where a run stays in one process)."""
    return hasattr(os, "fork")


def _size(path: Path | str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported when the file is read


def _formats_and_sizes(runner: Runner, paths: list[Path]) -> tuple[list[str], list[int]]:
    """The format of each of *paths* ("" when its configuration is broken: that is reported
    with the file) and its size, in one pass that makes each path's name once. The
    configuration is looked up once per directory: it depends on the directory only, and a
    run of many files has few."""
    by_folder: dict[str, Settings | None] = {}
    kinds, sizes = [], []
    for path in paths:
        name = str(path)
        folder = os.path.dirname(name)
        if folder not in by_folder:
            try:
                by_folder[folder] = runner.finder.for_path(path)
            except ConfigError:
                by_folder[folder] = None
        settings = by_folder[folder]
        kinds.append(settings.format_of(name) if settings is not None else "")
        sizes.append(_size(name))
    return kinds, sizes


def _first_of_other_formats(kinds: list[str], sizes: list[int]) -> list[int]:
    """The index of the smallest file of each format (*kinds*) that the first file is not in."""
    smallest: dict[str, int] = {}
    for i in range(1, len(kinds)):
        kind = kinds[i]
        if kind != kinds[0] and (kind not in smallest or sizes[i] < sizes[smallest[kind]]):
            smallest[kind] = i
    return sorted(smallest.values())


def _chunks(indices: list[int], sizes: list[int], jobs: int, apart: dict) -> list[list[int]]:
    """*indices* (in order) cut into runs of about equal size, TASKS_PER_JOB per job, at most
    CHUNK_MAX files each; a run never spans an index of *apart* (results come in order).
    Towards the end the runs get smaller (each at most 1 / (2 * jobs) of the text left, at
    least 1 / (TAIL_TASKS_PER_JOB * jobs) of all), so that the workers finish together."""
    total = sum(sizes[i] for i in indices)
    target, floor = total / (jobs * TASKS_PER_JOB), total / (jobs * TAIL_TASKS_PER_JOB)
    chunks: list[list[int]] = []
    size = left = 0
    for i in indices:
        if not chunks or size + sizes[i] > max(min(target, left / (2 * jobs)), floor, 1) \
                or len(chunks[-1]) >= CHUNK_MAX or any(chunks[-1][-1] < k < i for k in apart):
            chunks.append([])
            left = total
            size = 0
        chunks[-1].append(i)
        size += sizes[i]
        total -= sizes[i]
    return chunks


def _result(source: Source, text: str, diagnostics: list[Diagnostic], errors: list) -> FileResult:
    return FileResult(source.path, text, diagnostics, [f"error: {source.path}: {e}" for e in errors],
                      len(errors), changed=text != source.text)


def _records(source: Source, applied: list[AppliedFix]) -> list[FixRecord]:
    """The applied fixes, placed by line and column in the text as read."""
    if not applied:
        return []
    doc = Document(source.text, source.path)
    return [FixRecord(*doc.position(a.start), a.rule, a.message, a.round)
            for a in sorted(applied, key=lambda a: (a.start, a.round))]


def _run_tasks(jobs: int, tasks: list[list[int]], fork_guard: Callable[[], AbstractContextManager]
               ) -> Iterator[tuple[int, list[FileResult] | None]]:
    """(task index, its results) as *jobs* forked worker processes finish *tasks* (each the
    places of its files in ``_TARGETS``); None for a task whose worker process died (the
    others go on). A worker gets its next task when it has finished one, with the line
    repairs the other workers have reported since its last: a line that one worker analysed
    is not analysed again by another."""
    from . import forkpool

    with fork_guard():
        workers = forkpool.fork(jobs, _check_in_worker)
    try:
        # blocks of line repairs (pickled) and the worker that reported each, in the order
        # they came, less the first *dropped* ones, which every worker has (memory stays
        # bounded in a long run)
        reported: list[tuple[forkpool.Worker, bytes]] = []
        dropped = 0
        had = {worker: 0 for worker in workers}  # how many blocks each worker has had
        busy: dict[forkpool.Worker, int] = {}
        todo = iter(range(len(tasks)))

        def give(worker: forkpool.Worker) -> Iterator[tuple[int, None]]:
            nonlocal dropped
            for k in islice(todo, 1):
                blocks = [block for by, block in reported[had[worker] - dropped:] if by is not worker]
                if not forkpool.send(worker, (tasks[k], blocks)):
                    yield k, None
                    del had[worker]
                    return
                busy[worker] = k
                had[worker] = dropped + len(reported)
            start = min(had.values(), default=dropped)
            del reported[:start - dropped]
            dropped = start

        for worker in workers:
            yield from give(worker)
        while busy:
            for worker, reply in forkpool.replies(list(busy)):
                k = busy.pop(worker)
                if reply is None:
                    del had[worker]
                    yield k, None
                    continue
                results, learned = reply
                reported.append((worker, learned))
                yield from give(worker)  # (before the results are handled: the worker does not wait)
                yield k, _unpacked(results)
        yield from ((k, None) for k in todo)  # (every worker died)
    finally:
        forkpool.close(workers)


def _in_order(early: dict[int, FileResult], chunks: list[list[int]],
              done: Iterator[tuple[int, list[FileResult] | None]], paths: list[Path]) -> Iterator[FileResult]:
    """The results of the files checked *early* and of the *chunks* (as *done* yields them,
    in any order) in the order of *paths*."""
    held = sorted(early)
    ready: dict[int, list[FileResult]] = {}
    k = 0
    for j, results in done:
        ready[j] = [_not_checked(paths[i]) for i in chunks[j]] if results is None else results
        while k in ready:
            while held and held[0] < chunks[k][0]:
                yield early[held.pop(0)]
            yield from ready.pop(k)
            k += 1
    yield from (early[i] for i in held)


def _not_checked(path: Path) -> FileResult:
    return FileResult(str(path), errors=1, messages=[
        f"error: {path}: not checked: a parallel worker process stopped unexpectedly "
        "(killed, or out of memory)"])


_RUNNER: Runner | None = None
#: The files of a parallel run and whether a walk found each (the tasks name them by index).
_TARGETS: list[tuple[Path, bool]] = []


def _check_in_worker(task: tuple[list[int], list[bytes]]) -> tuple[list[FileResult | str], bytes]:
    """Check the files of *task* (their places in ``_TARGETS``) in a worker process, after
    taking the blocks of line repairs it holds (reported by the other workers); returns the
    results (:func:`_packed`), and the line repairs worked out for them. The blocks stay
    pickled on their way through the parent."""
    import pickle

    assert _RUNNER is not None
    indices, reported = task
    position = 0
    spacing = _spacing_checks()
    if spacing is not None:
        position = spacing.learn_line_repairs([entry for block in reported for entry in pickle.loads(block)])
    results = [_RUNNER.check_path(*_TARGETS[i]) for i in indices]
    spacing = _spacing_checks()  # (loaded by these files' checks, if not before: all its repairs are new)
    learned = spacing.line_repairs_since(position) if spacing is not None else []
    return _packed(results), pickle.dumps(learned, pickle.HIGHEST_PROTOCOL)


def _packed(results: list[FileResult]) -> list[FileResult | str]:
    """*results* to send to the parent: one that holds nothing but its path (most files of a
    run have no findings) travels as its path, which pickles in a fraction of the time of a
    FileResult and its nine fields (:func:`_unpacked` rebuilds it)."""
    return [result.path if result == FileResult(result.path) else result for result in results]


def _unpacked(results: list[FileResult | str]) -> list[FileResult]:
    """The results that :func:`_packed` made ready to send."""
    return [FileResult(result) if isinstance(result, str) else result for result in results]


def _spacing_checks():
    """The spacing checks' module (whose line repairs the workers share) when this process
    has loaded it, else None: a run whose rules do not include them (a Vale project's) has
    no repairs to share and does not import them."""
    import sys

    return sys.modules.get("textlint.checks.spacing")
