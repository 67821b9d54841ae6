"""The loader of the optional compiled accelerators (textlint/native.py)."""

import importlib.util

import pytest

from textlint import native

HAVE_NATIVE = importlib.util.find_spec("textlint_native") is not None


@pytest.fixture(autouse=True)
def _fresh_loader():
    native.module.cache_clear()
    yield
    native.module.cache_clear()


def test_turned_off_by_the_environment(monkeypatch):
    monkeypatch.setenv("TEXTLINT_NATIVE", "0")
    assert native.module() is None
    assert native.function("ABI") is None


@pytest.mark.skipif(not HAVE_NATIVE, reason="textlint-native is not installed (pip install ./native)")
def test_loads_the_module_of_the_expected_abi(monkeypatch):
    monkeypatch.delenv("TEXTLINT_NATIVE", raising=False)
    loaded = native.module()
    assert loaded is not None and loaded.ABI == native.ABI


@pytest.mark.skipif(not HAVE_NATIVE, reason="textlint-native is not installed (pip install ./native)")
def test_ignores_a_module_of_another_abi(monkeypatch):
    monkeypatch.delenv("TEXTLINT_NATIVE", raising=False)
    monkeypatch.setattr(native, "ABI", native.ABI + 1)
    assert native.module() is None
    assert native.function("ABI") is None
