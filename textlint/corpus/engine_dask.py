"""``--engine dask``: partitions cleaned as tasks on a ``distributed`` cluster.

``--scheduler ADDRESS`` connects to a running cluster (``tcp://host:8786``);
``--scheduler local:N`` starts a ``LocalCluster`` of N single-threaded worker processes
and stops it at the end. Each task is one partition (:func:`clean_partition`); a worker
builds the engine for the first partition it gets and keeps it. When a worker dies,
the scheduler gives its tasks to the others (and the nanny restarts it); a task whose
workers died ``distributed.scheduler.allowed-failures`` times (3 by default) is
reported as not finished. Every worker must be able to import textlint and to read the
inputs and write the output folder at the paths the driver uses.
"""

from __future__ import annotations

import contextlib
import sys
import uuid
from typing import Iterator

from .options import CleanOptions
from .partitions import CorpusError, Partition
from .task import Done, clean_partition

#: Retries of a task that raised (an input or output error that may pass); a worker's
#: death is counted by the scheduler instead.
TASK_RETRIES = 2


def _distributed():
    try:
        import distributed
    except ImportError:
        raise CorpusError("--engine dask needs dask and distributed: "
                          "pip install 'textlint[corpus]'") from None
    return distributed


def check(scheduler: str) -> int | None:
    """Refuse what cannot work before anything is written: no Dask, or a bad ``local:N``.
    The number of local workers, or None for a scheduler address."""
    _distributed()
    if not scheduler.startswith("local:"):
        return None
    try:
        workers = int(scheduler.removeprefix("local:"))
    except ValueError:
        workers = 0
    if workers < 1:
        raise CorpusError(f"--scheduler {scheduler}: expected local:N with N >= 1 workers")
    return workers


@contextlib.contextmanager
def connect(scheduler: str):
    """A client of the cluster at *scheduler*, or of a LocalCluster for ``local:N``."""
    distributed = _distributed()
    workers = check(scheduler)
    if workers is not None:
        import dask

        try:
            # the workers' statistical profiler samples every thread each 10 ms: about a
            # fifth more CPU for these pure-Python tasks (measured), and nobody reads it here
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                                   processes=True, dashboard_address=None)
        except (OSError, RuntimeError) as e:
            raise CorpusError(f"cannot start a local Dask cluster: {e}") from None
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as e:
        raise CorpusError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    with client:
        yield client


def run(partitions: list[Partition], options: CleanOptions, output: str, scheduler: str,
        progress: bool) -> Iterator[Done]:
    """Clean *partitions* on the cluster, yielding each as it finishes."""
    distributed = _distributed()
    with connect(scheduler) as client:
        run_id = uuid.uuid4().hex[:12]
        by_key = {f"textlint-clean-{run_id}-{i}": p for i, p in enumerate(partitions)}
        futures = client.map(clean_partition, partitions, options=options, output=output,
                             key=list(by_key), pure=False, retries=TASK_RETRIES)
        if progress and futures and sys.stderr.isatty():
            with contextlib.redirect_stdout(sys.stderr):  # Dask's own bar, off the summary's stdout
                distributed.progress(futures)
        for future in distributed.as_completed(futures):
            partition = by_key[future.key]
            if future.status == "finished":
                yield Done(partition, future.result())
            else:
                error = future.exception()
                yield Done(partition, error=f"{type(error).__name__}: {error}")
            future.release()
