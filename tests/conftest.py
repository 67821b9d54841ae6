"""Shared helpers for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# LanguageTool is on by default where it is installed; only tests/test_languagetool*.py use it
# (they switch it on explicitly), so that the rest of the suite does not depend on it.
os.environ["TEXTLINT_LANGUAGETOOL"] = "off"
# The user's own configuration (~/.config/textlint/textlint.toml) must not change the tests:
# point platformdirs' user configuration directory at one that does not exist.
os.environ["XDG_CONFIG_HOME"] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "no-user-config")
# Nor a Vale project named in the environment (textlint reads .vale.ini where it has no configuration).
os.environ.pop("VALE_CONFIG_PATH", None)

# Hypothesis profiles: "ci" (the default) runs a quick, derandomised sample in the normal
# suite; "long" runs 10,000 examples per property with fresh random draws. Choose one with
# HYPOTHESIS_PROFILE=long or `python -m pytest --hypothesis-profile=long`.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=10_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")


def pytest_addoption(parser):
    parser.addoption("--update-fixtures", action="store_true",
                     help="rewrite the expected output of fixtures/cases instead of comparing")


@pytest.fixture
def update_fixtures(request) -> bool:
    return request.config.getoption("--update-fixtures")
