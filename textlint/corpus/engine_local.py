"""``--engine local``: partitions cleaned by worker processes on this machine, no cluster.

Each worker process builds the engine once (when it starts) and cleans partition after
partition. A worker that dies (killed, out of memory) breaks the pool: a new pool takes
over the partitions that had not finished, and a partition whose worker died three
times is given up (reported; ``--resume`` tries it again).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from .options import CleanOptions, engine_for
from .partitions import Partition
from .task import Done, clean_partition

#: Times a partition may be running in a worker that dies before it is given up.
MAX_ATTEMPTS = 3


def run(partitions: list[Partition], options: CleanOptions, output: str, jobs: int) -> Iterator[Done]:
    """Clean *partitions* in *jobs* processes (1: in this process), yielding as they finish."""
    if jobs == 1 or len(partitions) <= 1:
        for p in partitions:
            yield Done(p, clean_partition(p, options, output))
        return
    attempts = {p: 0 for p in partitions}
    order = {p: i for i, p in enumerate(partitions)}
    todo = list(partitions)
    while todo:
        broken: list[Partition] = []
        with _pool(min(jobs, len(todo)), options) as pool:
            futures: dict[Future, Partition] = {pool.submit(clean_partition, p, options, output): p
                                                for p in todo}
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool):
                        broken.append(futures[future])
                    elif error is not None:
                        yield Done(futures[future], error=f"{type(error).__name__}: {error}")
                    else:
                        yield Done(futures[future], future.result())
        todo = []
        # The pool runs partitions in order: the dead worker held one of the first
        # (jobs + 1) that had not finished (the running ones and the one queued next).
        broken.sort(key=order.__getitem__)
        for p in broken[:jobs + 1]:
            attempts[p] += 1
        for p in broken:
            if attempts[p] >= MAX_ATTEMPTS:
                yield Done(p, error=f"its worker process died {MAX_ATTEMPTS} times")
            else:
                todo.append(p)


def _pool(jobs: int, options: CleanOptions) -> ProcessPoolExecutor:
    # spawn: fresh workers that build their own engine, as Dask workers do; no fork of a
    # process that runs threads (the progress bar)
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=engine_for, initargs=(options,))
