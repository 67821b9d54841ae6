"""Worker processes forked from this one, given tasks one at a time over pipes.

A parallel ``check`` forks its workers once it has loaded what they all need, so that they
share it (copy-on-write). Each worker has a pipe for its tasks and one for its replies; the
parent writes a worker its next task only when that worker has replied to the last one, so
the worker is always reading when the parent writes (neither side waits on a full pipe
while the other does), the parent knows which worker gets which task (and can send each
only what it lacks), and a worker that dies costs only the task it had. Messages are
pickled, each after its length. (``concurrent.futures.ProcessPoolExecutor`` does the same
through two threads of the parent, a queue that any worker reads, and ~10 ms of imports.)
"""

from __future__ import annotations

import os
import pickle
import select
import struct
from typing import Any, Callable, Iterator

from .dataclass import dataclass

#: The length of a message, before it.
_LENGTH = struct.Struct("<Q")


@dataclass(eq=False)
class Worker:
    """A forked worker process: its id, the pipe the parent writes its tasks to, the pipe
    the parent reads its replies from."""

    pid: int
    tasks: int
    replies: int


class WorkerFailed(Exception):
    """What a task raised or returned in a worker does not pickle (its repr)."""


def fork(count: int, serve: Callable[[Any], Any]) -> list[Worker]:
    """*count* worker processes, each of which answers a task by ``serve(task)`` until its
    task pipe is closed, and then ends (``os._exit``: no exit handler of this process runs
    in it)."""
    workers: list[Worker] = []
    try:
        for _ in range(count):
            workers.append(_fork_one(workers, serve))
    except BaseException:  # a pipe or a fork failed: the workers forked so far end too
        close(workers)
        raise
    return workers


def _fork_one(workers: list[Worker], serve: Callable[[Any], Any]) -> Worker:
    """One more worker (*workers* are those forked before it)."""
    task_read, task_write = os.pipe()
    reply_read, reply_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (task_read, task_write, reply_read, reply_write):
            os.close(fd)
        raise
    if pid == 0:  # the worker
        code = 1
        try:
            for fd in (task_write, reply_read, *(fd for w in workers for fd in (w.tasks, w.replies))):
                os.close(fd)  # (else a worker's end of the pipe would not be seen to close)
            _serve(task_read, reply_write, serve)
            code = 0
        finally:
            os._exit(code)
    os.close(task_read)
    os.close(reply_write)
    return Worker(pid, task_write, reply_read)


def _serve(tasks: int, replies: int, serve: Callable[[Any], Any]) -> None:
    while (message := _read(tasks)) is not None:
        try:
            reply = (True, serve(pickle.loads(message)))
        except Exception as e:  # handed to the parent, which raises it
            reply = (False, e)
        try:
            data = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
        except Exception:
            data = pickle.dumps((False, WorkerFailed(repr(reply[1]))), pickle.HIGHEST_PROTOCOL)
        _write(replies, data)


def send(worker: Worker, task: Any) -> bool:
    """Give *worker* its next task (it has replied to the last); False when it has ended."""
    try:
        _write(worker.tasks, pickle.dumps(task, pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:
        return False
    return True


def replies(busy: list[Worker]) -> Iterator[tuple[Worker, Any | None]]:
    """(worker, its reply) for those of *busy* (each has a task) that replied, as they
    reply; None for one that ended (killed, out of memory) before it replied. A task's
    exception is raised here."""
    by_fd = {worker.replies: worker for worker in busy}
    poll = select.poll()  # (select.select cannot watch a descriptor above 1023)
    for fd in by_fd:
        poll.register(fd, select.POLLIN)
    for fd, _ in poll.poll():
        worker = by_fd[fd]
        message = _read(fd)
        if message is None:
            yield worker, None
            continue
        done, value = pickle.loads(message)
        if not done:
            raise value
        yield worker, value


def close(workers: list[Worker]) -> None:
    """Close the workers' pipes (each ends once it has replied to its task) and wait for
    them to end."""
    for worker in workers:
        for fd in (worker.tasks, worker.replies):
            try:
                os.close(fd)
            except OSError:
                pass
    for worker in workers:
        try:
            os.waitpid(worker.pid, 0)
        except ChildProcessError:
            pass


def _write(fd: int, data: bytes) -> None:
    for part in (_LENGTH.pack(len(data)), data):
        view = memoryview(part)
        while view:
            view = view[os.write(fd, view):]


def _read(fd: int) -> bytes | None:
    """The next message on *fd*; None at the end of the pipe."""
    head = _read_exactly(fd, _LENGTH.size)
    if head is None:
        return None
    return _read_exactly(fd, _LENGTH.unpack(head)[0])


def _read_exactly(fd: int, n: int) -> bytes | None:
    parts = []
    while n:
        part = os.read(fd, min(n, 1 << 20))
        if not part:
            return None
        parts.append(part)
        n -= len(part)
    return b"".join(parts)
