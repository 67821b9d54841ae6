"""Helpers for the tests that compare a compiled lexicon table (``textlint_native.LexiconTable``)
with its Python twin, ``lexicon.Table.get`` reading the cache in place."""

from __future__ import annotations

import pytest

from textlint import lexicon
from textlint.checks.spacing.model import clear_shared_caches


def python_get(table: lexicon.Table, key, default=None):
    """The Python twin's answer on *table*, read in place (a compiled table never builds its
    dict: its ``build_after`` is infinite)."""
    return lexicon.Table.get(table, key, default)


def written(path, zipf: dict[str, int], pmi: dict[str, int] | None = None) -> lexicon.Lexicon:
    """The lexicon of a cache file of *zipf* and *pmi* written at *path*, mapped as a run maps it."""
    lexicon._write(path, zipf, pmi or {}, -6.5)
    return lexicon._read(path)


def engine_questions(text: str, monkeypatch) -> tuple[list[lexicon.Table], list[tuple[lexicon.Table, tuple, object]]]:
    """The compiled tables of the process's lexicon, and the questions a lint of *text* (all
    default rules) asks of them through ``get``, each with the compiled answer (skips when an
    earlier test built the lexicon's dicts)."""
    from textlint import lint

    read = lexicon.get_lexicon()
    tables = [t for t in (read.zipf_table(), read.pmi_table(), read.pair_sides_table())
              if isinstance(t, lexicon.Table) and t.compiled]
    if len(tables) < 3:
        pytest.skip("an earlier test built this process's lexicon's dicts")
    asked: list[tuple[lexicon.Table, tuple, object]] = []
    for table in tables:
        def recorded(*args, table=table, compiled=table.get):
            answer = compiled(*args)
            asked.append((table, args, answer))
            return answer
        monkeypatch.setattr(table, "get", recorded)
    clear_shared_caches()
    lint(text)
    monkeypatch.undo()
    assert {id(t) for t, _, _ in asked} == {id(t) for t in tables} and len(asked) > 1000
    return tables, asked
