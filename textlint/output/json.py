"""``--format json`` (one list) and ``--format jsonl`` (one object per line)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TextIO

from . import Report, record


def write_json(reports: list[Report], out: TextIO) -> None:
    """The findings as one list: the text ``json.dumps(items, ensure_ascii=False, indent=2)``
    writes, written at once (not one write per token), each finding's values encoded by
    :func:`_value` (``json`` encodes an indented list in Python, value by value)."""
    items = [_item(record(r, d)) for r in reports for d in r.diagnostics]
    out.write(("[\n" + ",\n".join(items) + "\n]" if items else "[]") + "\n")


def _item(fields: dict) -> str:
    """One finding as ``json.dumps`` indents it at the second level."""
    return "  {\n" + ",\n".join(f"    {encode_basestring(k)}: {_value(v)}" for k, v in fields.items()) + "\n  }"


def _value(value: object) -> str:
    """*value* as JSON at the third level: a string, a whole number and null directly, others
    (a fix) by ``json.dumps``, indented by the two levels they sit in."""
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def write_jsonl(reports: list[Report], out: TextIO) -> None:
    for r in reports:
        for d in r.diagnostics:
            out.write(json.dumps(record(r, d), ensure_ascii=False) + "\n")
