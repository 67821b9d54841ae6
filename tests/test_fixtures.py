"""Fixture files with expected output: fixtures/cases/NAME.EXT, NAME.expected, NAME.fixed.EXT.

``NAME.expected`` holds the text output (``NAME.EXT:line:col: rule message``) of
the default rules; ``NAME.fixed.EXT`` the file after ``--fix``. Regenerate both
with ``pytest tests/test_fixtures.py --update-fixtures`` and review the diff.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from textlint.config import Settings
from textlint.document import Document
from textlint.engine import Engine
from textlint.output import Report
from textlint.output.text import write_plain

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
INPUTS = sorted(p for p in CASES.iterdir() if p.suffix in (".md", ".txt") and ".fixed." not in p.name)


def expected_output(engine: Engine, path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    result = engine.lint(text, path.name)
    out = io.StringIO()
    write_plain([Report(Document(text, path.name), result.diagnostics)], out)
    return out.getvalue(), engine.fix(text, path.name).text


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_fixture(path, update_fixtures):
    engine = Engine(Settings())
    output, fixed = expected_output(engine, path)
    expected = path.with_suffix(".expected")
    fixed_path = path.with_name(f"{path.stem}.fixed{path.suffix}")
    if update_fixtures:
        expected.write_text(output, encoding="utf-8")
        fixed_path.write_text(fixed, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")
    assert fixed == fixed_path.read_text(encoding="utf-8")
    # fixing converges: the fixed file has no fixable finding left
    assert engine.fix(fixed, path.name).text == fixed
