"""``--format json`` (one list) and ``--format jsonl`` (one object per line)."""

from __future__ import annotations

import json
from typing import TextIO

from . import Report, record


def write_json(reports: list[Report], out: TextIO) -> None:
    items = [record(r, d) for r in reports for d in r.diagnostics]
    out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")  # one write, not one per token


def write_jsonl(reports: list[Report], out: TextIO) -> None:
    for r in reports:
        for d in r.diagnostics:
            out.write(json.dumps(record(r, d), ensure_ascii=False) + "\n")
