"""One ``textlint clean`` run: find the shards, cut the partitions, check the output folder
(or what ``--resume`` continues), hand the partitions to an engine, add up the counts.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import field
from pathlib import Path
from typing import Iterator

from ..dataclass import dataclass
from .options import CleanOptions, engine_for
from .partitions import DEFAULT_PARTITION_SIZE, CorpusError, Partition, Shard, find_shards, plan
from .store import Layout, STATE, sweep_temporaries, write_atomic
from .summary import Report
from .task import Done

MANIFEST_VERSION = 1


@dataclass
class RunConfig:
    inputs: list[str]
    output: Path
    options: CleanOptions = field(default_factory=CleanOptions)
    partition_size: int = DEFAULT_PARTITION_SIZE
    engine: str = "local"  # or "dask"
    jobs: int = 0  # local worker processes (0: one per core)
    scheduler: str | None = None  # dask: an address or local:N (default local:<jobs>)
    resume: bool = False
    progress: bool = False


@dataclass
class RunResult:
    total: Report
    partitions: int
    #: Partitions an earlier run had finished (``--resume``).
    skipped: int = 0
    unfinished: list[Done] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.unfinished


def run(config: RunConfig) -> RunResult:
    """Clean the inputs of *config* into its output folder; errors as :class:`CorpusError`
    (and :class:`~textlint.errors.ConfigError` for the configuration)."""
    if config.engine not in ("local", "dask"):
        raise CorpusError(f"unknown engine '{config.engine}' (choose local or dask)")
    if config.partition_size < 1:
        raise CorpusError("--partition-size must be at least 1")
    options, layout = config.options, Layout(config.output)
    engine_for(options)  # a configuration error stops the run before any work
    settings = options.settings
    shards = find_shards(config.inputs, config.output, settings.include, settings.exclude)
    partitions = plan(shards, config.partition_size, options.text_field)
    if config.engine == "dask":
        from . import engine_dask

        engine_dask.check(_scheduler(config))
    _prepare(layout, _manifest(config, shards, partitions), config.resume)
    total, todo, skipped = Report(), [], 0
    for p in partitions:
        marker = layout.done(p)
        if marker.exists():
            total.merge(Report.from_json(json.loads(marker.read_text(encoding="utf-8"))))
            skipped += 1
        else:
            todo.append(p)
    result = RunResult(total, len(partitions), skipped)
    finished = _engine(config, todo) if todo else iter(())
    for done in _with_progress(finished, todo, config.progress and config.engine == "local"):
        if done.report is not None:
            total.merge(Report.from_json(done.report))
        else:
            result.unfinished.append(done)
    sweep_temporaries(config.output)
    if result.complete:
        write_atomic(layout.summary, json.dumps({"partitions": len(partitions), **total.to_json()},
                                                indent=1).encode())
    return result


def _jobs(config: RunConfig) -> int:
    return config.jobs or os.cpu_count() or 1


def _scheduler(config: RunConfig) -> str:
    return config.scheduler or f"local:{_jobs(config)}"


def _engine(config: RunConfig, todo: list[Partition]) -> Iterator[Done]:
    output = str(config.output.resolve())
    if config.engine == "dask":
        from . import engine_dask

        return engine_dask.run(todo, config.options, output, _scheduler(config), config.progress)
    from . import engine_local

    return engine_local.run(todo, config.options, output, _jobs(config))


def _with_progress(done: Iterator[Done], todo: list[Partition], show: bool) -> Iterator[Done]:
    """A rich progress bar over documents, on a terminal."""
    if not show or not sys.stderr.isatty():
        yield from done
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Cleaning"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
               TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("clean", total=sum(p.count for p in todo))
        for d in done:
            progress.advance(task, d.partition.count)
            yield d


def _manifest(config: RunConfig, shards: list[Shard], partitions: list[Partition]) -> dict:
    return {
        "version": MANIFEST_VERSION,
        "options": config.options.describe(),
        "partition_size": config.partition_size,
        "shards": [{"path": s.path, "format": s.format, "signature": s.signature()} for s in shards],
        "partitions": len(partitions),
    }


def _prepare(layout: Layout, manifest: dict, resume: bool) -> None:
    """Check that the output folder is new, empty, or (``--resume``) the same run; record the run."""
    root = layout.root
    if root.exists() and not root.is_dir():
        raise CorpusError(f"{root}: exists and is not a folder")
    if layout.manifest.exists():
        if not resume:
            raise CorpusError(f"{root} holds an earlier run ({STATE}/run.json): add --resume to "
                              "finish it, or choose another output folder")
        try:
            earlier = json.loads(layout.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise CorpusError(f"{layout.manifest}: cannot read the earlier run: {e}") from None
        difference = _difference(earlier, manifest)
        if difference:
            raise CorpusError(f"cannot resume the run in {root}: {difference}; use a new output folder")
        sweep_temporaries(root)
        return
    if root.exists() and any(root.iterdir()):
        raise CorpusError(f"{root} is not empty: clean writes into a new or empty folder")
    write_atomic(layout.manifest, json.dumps(manifest, indent=1).encode())


def _difference(earlier: dict, now: dict) -> str | None:
    if earlier.get("version") != now["version"]:
        return "it was written by another version of textlint"
    for key, value in now["options"].items():
        if earlier["options"].get(key) != value:
            return f"the option '{key}' was {earlier['options'].get(key)!r}, now {value!r}"
    if earlier["partition_size"] != now["partition_size"]:
        return f"--partition-size was {earlier['partition_size']}, now {now['partition_size']}"
    before = {s["path"]: s for s in earlier["shards"]}
    for shard in now["shards"]:
        if shard["path"] not in before:
            return f"{shard['path']} was not an input"
        if before[shard["path"]]["signature"] != shard["signature"]:
            return f"{shard['path']} changed since"
    gone = set(before) - {s["path"] for s in now["shards"]}
    if gone:
        return f"{sorted(gone)[0]} is no longer an input"
    return None
