"""Standard output and error that fail cleanly: a closed pipe, a full disk, a closed stream; the end of the process."""

from __future__ import annotations

import atexit
import errno
import os
import signal
import sys
from typing import Callable

EXIT_ERROR = 2


class OutputError(Exception):
    """Writing to standard output or error failed (a full disk, a closed pipe)."""

    def __init__(self, fd: int, error: OSError) -> None:
        super().__init__(str(error))
        self.fd, self.error = fd, error


class GuardedStream:
    """``sys.stdout`` / ``sys.stderr`` whose write errors become :class:`OutputError`
    (which, unlike ``OSError``, nothing on the way up catches); a closed stream fails with
    EBADF when something is written to it, as in other Unix tools."""

    def __init__(self, stream, fd: int) -> None:
        self._stream, self._fd = stream, fd

    def _guard(self, method: str, *args):
        try:
            if self._stream is None:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            return getattr(self._stream, method)(*args)
        except OSError as e:
            raise OutputError(self._fd, e) from None

    def write(self, text: str) -> int:
        return self._guard("write", text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._stream is not None and not self._stream.closed:  # closed (the language server's exit): nothing to flush
            self._guard("flush")

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def run_guarded(main: Callable[[], object]) -> None:
    """Run *main* (which ends with ``SystemExit``) with guarded standard streams.

    A closed pipe on standard output ends the run quietly with the status of a process
    killed by SIGPIPE (141), like other Unix tools; any other write error (``> /dev/full``,
    a closed stream) is an error on standard error and exit 2.
    """
    sys.stdout = GuardedStream(sys.stdout, 1)
    sys.stderr = GuardedStream(sys.stderr, 2)
    try:
        try:
            main()
        finally:
            sys.stdout.flush()
    except OutputError as e:
        _failed(e)


def end_at_once(done: SystemExit) -> None:
    """End the process with the status *done* carries as the interpreter's exit would, less
    its teardown (which frees every object one by one: ~55 M instructions, ~15 ms, after a 1 MB
    file, whose memo tables hold hundreds of thousands): the exit handlers run (the caches a run writes at its
    end), standard output and error are flushed, and the process ends (``os._exit``).

    Returns, for the caller to let *done* end the process as usual, when that would differ: a
    status that is not a number from 0 to 255 (a message to print), a thread still running
    (the interpreter waits for it; LanguageTool's client, the language server), or a stream
    that fails to flush (the interpreter reports it)."""
    code = 0 if done.code is None else done.code
    if not isinstance(code, int) or not 0 <= code <= 255:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, OutputError):
        return
    os._exit(code)


def _failed(e: OutputError) -> None:
    # Python flushes the streams again at exit: /dev/null takes what is left.
    os.dup2(os.open(os.devnull, os.O_WRONLY), e.fd)
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    if e.error.errno == errno.EPIPE:
        sys.exit(128 + signal.SIGPIPE)
    if e.fd == 1 and sys.stderr is not None:
        try:
            sys.stderr.write(f"textlint: error: cannot write to standard output: {e.error.strerror}\n")
            sys.stderr.flush()
        except OSError:  # standard error is full too
            pass
    sys.exit(EXIT_ERROR)
