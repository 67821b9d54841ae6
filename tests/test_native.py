"""The loader of the optional compiled accelerators (textlint/native.py)."""

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from textlint import native

HAVE_NATIVE = importlib.util.find_spec("textlint_native") is not None
CRATE = Path(__file__).resolve().parent.parent / "native"
# textlint's sdist leaves the crate out (docs/native.md): its tests run without these
needs_crate = pytest.mark.skipif(not CRATE.is_dir(), reason="no native/ beside the tests (an sdist)")


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


@needs_crate
def test_the_crate_declares_the_abi_textlint_expects():
    source = (CRATE / "src" / "lib.rs").read_text(encoding="utf-8")
    declared = re.findall(r"^const ABI: u32 = (\d+);$", source, re.MULTILINE)
    assert declared == [str(native.ABI)], "bump ABI in native/src/lib.rs and textlint/native.py together"


@needs_crate
def test_the_crate_and_its_python_package_have_one_version():
    cargo = tomllib.loads((CRATE / "Cargo.toml").read_text(encoding="utf-8"))
    pyproject = tomllib.loads((CRATE / "pyproject.toml").read_text(encoding="utf-8"))
    assert cargo["package"]["version"] == pyproject["project"]["version"]
