"""A document as the readers give it: where it is, its id, its text — or why it has none."""

from __future__ import annotations

from typing import Any

from ..dataclass import dataclass

_KINDS = {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
          list: "an array", dict: "an object"}


@dataclass
class Item:
    shard: str
    #: Where the document is in its shard: ``{"line": 12}`` (JSONL, 1-based),
    #: ``{"row": 11}`` (Parquet, 0-based), ``{}`` for a text file (the id is its path).
    where: dict
    id: Any
    text: str | None
    #: Why the document cannot be cleaned (malformed record); None when it can.
    problem: str | None = None
    #: The original record for an error row, so that a failed document is never lost.
    raw: Any = None
    #: The name the engine sees (a text file's path picks Markdown and per-file ignores).
    path: str = "-"
    #: Reader state the writer needs (the JSONL object, the raw line).
    payload: Any = None

    def head(self) -> dict:
        """The fields that name the document in findings and error rows."""
        return {"shard": self.shard, **self.where, "id": self.id}


def kind_of(value: Any) -> str:
    """'a number', 'null' ...: how an error row names a value that should be a string."""
    return _KINDS.get(type(value), type(value).__name__)


def unpaired_surrogate(text: str) -> int | None:
    """The offset of the first unpaired surrogate in *text* (it cannot be written as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None
