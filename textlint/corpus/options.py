"""What a corpus run does to each document, and the engine that does it, built once per worker.

:class:`CleanOptions` travels (pickled) from the driver to every worker with each
partition; :func:`engine_for` builds the :class:`~textlint.engine.Engine` on a worker the
first time it sees a set of options and keeps it for every later partition, so the
lexicon and the rules load once per worker process (per thread, for workers that run
several threads), never once per partition.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import field
from functools import cached_property

from ..dataclass import dataclass
from .. import __version__
from ..config import Settings
from ..engine import Engine, Overrides


@dataclass(frozen=True)
class CleanOptions:
    """The configuration of a run and what to do with each document."""

    settings: Settings = field(default_factory=Settings)
    overrides: Overrides = field(default_factory=Overrides)
    unsafe: bool = False
    report_only: bool = False
    text_field: str = "text"
    id_field: str = "id"

    def describe(self) -> dict:
        """Everything that decides a run's output, as JSON (compared by ``--resume``)."""
        o, s = self.overrides, self.settings
        config = None
        if s.path is not None:
            try:
                config = {"path": str(s.path), "sha256": hashlib.sha256(s.path.read_bytes()).hexdigest()}
            except OSError:
                config = {"path": str(s.path)}
        return {
            "textlint": __version__,
            "config": config,
            "vocabulary_sha256": hashlib.sha256("\n".join(sorted(s.vocabulary)).encode(
                "utf-8", "surrogatepass")).hexdigest(),
            "select": o.select, "extend_select": o.extend_select, "ignore": o.ignore,
            "rule_paths": [str(p) for p in o.rule_paths], "languagetool": o.languagetool,
            "languagetool_url": o.languagetool_url,
            "unsafe": self.unsafe, "report_only": self.report_only,
            "text_field": self.text_field, "id_field": self.id_field,
        }

    @cached_property
    def token(self) -> str:
        """A digest of :meth:`describe`: equal options build equal engines."""
        return hashlib.sha256(json.dumps(self.describe(), sort_keys=True).encode()).hexdigest()

    def __getstate__(self) -> dict:
        state = {k: getattr(self, k) for k in ("settings", "overrides", "unsafe", "report_only",
                                               "text_field", "id_field")}
        state["token"] = self.token  # computed once, on the driver (workers may not see the files)
        return state

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


_local = threading.local()
_built = 0  # engines built in this process (``engines_built``)
_built_lock = threading.Lock()


def engine_for(options: CleanOptions) -> Engine:
    """The engine of *options* in this worker (thread), built on first use."""
    cached = getattr(_local, "engine", None)
    if cached is None or cached[0] != options.token:
        engine = Engine(options.settings, options.overrides)
        _local.engine = (options.token, engine)
        global _built
        with _built_lock:
            _built += 1
    return _local.engine[1]


def engines_built() -> int:
    """How many engines this process has built (one per worker, whatever the partitions)."""
    return _built

