"""What a run shows on standard error while it works (``rich``, imported lazily).

- :class:`ProgressBar`: a bar for runs that are not quick. It appears only when standard
  error is a terminal and the run has taken more than :data:`DELAY` seconds; it is
  transient (gone when the run ends). Anything printed while it is shown goes through
  :meth:`ProgressBar.paused`, which takes the bar off the screen, lets the caller write
  (to standard output or error) and puts it back, so findings streamed to the same
  terminal never mix with it.
- :func:`note`: one line on standard error, above the bar if one is shown.
- :func:`waiting`: a spinner with a message while the caller waits for something slow
  (LanguageTool starting): on the bar if one is shown, else its own; nothing when
  standard error is not a terminal.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager, nullcontext
from typing import Callable, Iterator, TextIO

#: Seconds a run may take before the bar appears.
DELAY = 0.3

#: The bar shown by this process (and the process's id: a forked worker never draws).
_ACTIVE: tuple[int, ProgressBar] | None = None


def wanted(stream: TextIO, enabled: bool = True) -> bool:
    """Whether a run should show a bar on *stream*: asked for and a terminal."""
    return enabled and stream.isatty()


class ProgressBar:
    """``with ProgressBar(total, "Checking", "files") as bar: ... bar.advance()``.

    Thread-safe: a timer shows the bar after :data:`DELAY` seconds; ``rich`` redraws it
    (spinner, elapsed time) ten times a second until the run ends.
    """

    def __init__(self, total: int, label: str, unit: str, stream: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)

        self._lock = threading.RLock()
        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
            TimeElapsedColumn(), console=Console(file=stream or sys.stderr, highlight=False),
            transient=True, redirect_stdout=False, redirect_stderr=False)
        self._label = label
        self._task = self._progress.add_task(label, total=total)
        self._timer = threading.Timer(DELAY, self._show)
        self._timer.daemon = True
        self._shown = self._closed = False

    def __enter__(self) -> ProgressBar:
        global _ACTIVE
        _ACTIVE = (os.getpid(), self)
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        global _ACTIVE
        _ACTIVE = None
        self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._shown:
                self._progress.stop()
                self._shown = False

    def _show(self) -> None:
        with self._lock:
            if not self._closed and not self._shown:
                self._progress.start()
                self._shown = True

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self._progress.advance(self._task, n)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The bar off the screen (and not redrawn) while the caller writes or forks."""
        with self._lock:
            shown = self._shown
            if shown:
                self._progress.stop()
                self._shown = False
            try:
                yield
            finally:
                if shown and not self._closed:
                    self._progress.start()
                    self._shown = True

    @contextmanager
    def describing(self, message: str) -> Iterator[Callable[[str], None]]:
        """*message* in place of the label while the caller waits (the bar shown at once);
        yields a function that changes the message."""
        def update(text: str) -> None:
            with self._lock:
                self._progress.update(self._task, description=text)

        update(message)
        self._show()
        try:
            yield update
        finally:
            update(self._label)


def _bar() -> ProgressBar | None:
    """The bar this process shows, if any."""
    return _ACTIVE[1] if _ACTIVE and _ACTIVE[0] == os.getpid() else None


def note(line: str) -> None:
    """Write *line* to standard error (above the bar, when one is shown)."""
    bar = _bar()
    with bar.paused() if bar else nullcontext():
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


@contextmanager
def waiting(message: str) -> Iterator[Callable[[str], None]]:
    """A spinner with *message* on standard error while the caller waits, when it is a
    terminal: the bar's, when one is shown; none in a worker process of a run that shows one.
    Yields a function that changes the message."""
    bar = _bar()
    if bar is not None:
        with bar.describing(message) as update:
            yield update
        return
    if _ACTIVE is not None or not sys.stderr.isatty():
        yield lambda text: None
        return
    from rich.console import Console

    with Console(file=sys.stderr, highlight=False).status(message) as status:
        yield lambda text: status.update(text)
