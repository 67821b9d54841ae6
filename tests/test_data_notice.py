"""Every table shipped in textlint/data names its source: in its first line and in NOTICE.txt."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "textlint" / "data"
TABLES = sorted(p for p in DATA.iterdir() if p.name != "NOTICE.txt" and p.is_file())


def first_line(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.readline()


def test_there_are_tables():
    assert len(TABLES) >= 7


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_a_table_is_in_the_notice_and_names_its_source(path):
    assert path.name in (DATA / "NOTICE.txt").read_text(encoding="utf-8")
    line = first_line(path)
    assert line.startswith("#") and ("scripts/build_" in line or "(" in line)
