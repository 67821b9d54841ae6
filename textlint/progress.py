"""A progress bar on standard error for runs that are not quick (``rich``, imported lazily).

The bar appears only when standard error is a terminal and the run has taken more than
:data:`DELAY` seconds; it is transient (gone when the run ends). Anything printed while it
is shown goes through :meth:`ProgressBar.paused`, which takes the bar off the screen,
lets the caller write (to standard output or error) and puts it back, so findings
streamed to the same terminal never mix with it.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Iterator, TextIO

#: Seconds a run may take before the bar appears.
DELAY = 0.3


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
            SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
            TimeElapsedColumn(), console=Console(file=stream or sys.stderr, highlight=False),
            transient=True, redirect_stdout=False, redirect_stderr=False)
        self._task = self._progress.add_task(label, total=total)
        self._timer = threading.Timer(DELAY, self._show)
        self._timer.daemon = True
        self._shown = self._closed = False

    def __enter__(self) -> ProgressBar:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
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
