"""Shared helpers for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
