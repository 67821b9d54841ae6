"""textlint/dataclass.py: the standard dataclass, with the code of its methods kept between runs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from textlint import dataclass as kept_module
from textlint.dataclass import dataclass
from textlint_process import python_script


@pytest.fixture
def kept(monkeypatch, tmp_path):
    from textlint.cachefile import KeptBlobs

    store = KeptBlobs(lambda: tmp_path / "code.marshal", kept_module.MAX_ENTRIES)
    monkeypatch.setattr(kept_module, "_KEPT", store)
    return store.blobs()


def _define(decorator, **options):
    @decorator(**options)
    class Point:
        """A point."""

        x: int
        y: int = 0
        tags: list = dataclasses.field(default_factory=list)

    return Point


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"frozen": True, "slots": True, "order": True}])
def test_a_class_behaves_as_the_standard_decorator_makes_it(kept, options):
    ours, theirs = _define(dataclass, **options), _define(dataclasses.dataclass, **options)
    a, b = ours(1, tags=["t"]), theirs(1, tags=["t"])
    assert repr(a) == repr(b).replace(theirs.__qualname__, ours.__qualname__)
    assert a == ours(1, 0, ["t"]) and a != ours(2)
    assert [f.name for f in dataclasses.fields(a)] == ["x", "y", "tags"]
    assert dataclasses.replace(a, y=5).y == 5 and dataclasses.asdict(a) == dataclasses.asdict(b)
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__lt__"):
        assert (getattr(ours, name) is object.__dict__.get(name)) == (getattr(theirs, name) is object.__dict__.get(name))
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 3
        assert hash(ours(1, 2, ())) == hash(theirs(1, 2, ()))
    if options.get("order"):
        assert ours(1) < ours(2)
    assert kept and all(isinstance(code, bytes) for code in kept.values())
    assert "exec" not in vars(dataclasses)  # the standard decorator is left as it was


def test_kept_code_is_used_and_a_damaged_entry_is_compiled_again(kept):
    _define(dataclass)
    assert kept
    sources = list(kept)
    for source in sources:
        kept[source] = b"\x00damaged"
    point = _define(dataclass)(3)
    assert point.x == 3 and point.tags == []
    assert all(kept[s] != b"\x00damaged" for s in sources)


_RUN = """
import sys, builtins
if sys.argv[1] == "cached-only":  # compiling anything now fails: the methods must come from the cache
    real = builtins.compile
    def refuse(source, filename, *args, **kwargs):
        if filename == "<string>":
            raise RuntimeError("compiled " + source.splitlines()[1])
        return real(source, filename, *args, **kwargs)
    builtins.compile = refuse
from textlint.dataclass import dataclass

@dataclass(frozen=True)
class P:
    x: int
    y: str = "a"

print(P(1), P(1) == P(1, "a"), hash(P(2)) == hash(P(2)))
"""


def _run(cache: Path, mode: str):
    return python_script(_RUN, mode, cache=cache)


def test_the_methods_are_compiled_once_and_rebuilt_from_the_cache_in_the_next_run(tmp_path):
    first = _run(tmp_path, "compile")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "P(x=1, y='a') True True\n"
    assert [p.name.split("-")[0] for p in tmp_path.glob("code-*")] == ["code"]
    again = _run(tmp_path, "cached-only")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    # without the cache the same run must compile (so the check above can fail)
    assert _run(tmp_path / "empty", "cached-only").returncode != 0
