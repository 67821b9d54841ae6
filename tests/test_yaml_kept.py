"""textlint/yamlrules/kept.py: a YAML rule's pattern text and test, kept between runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.yamlrules import base, kept as kept_module, needs
from textlint_process import python_script


TOKENS = ["in order to", "utilize", "at this point in time", "utilise", r"lea(?:ve|ving) out",
          "U.S.", "per se", "a lot"]


@pytest.fixture
def kept(monkeypatch, tmp_path):
    from textlint.cachefile import KeptBlobs

    store = KeptBlobs(lambda: tmp_path / "rules.marshal", kept_module.MAX_ENTRIES)
    monkeypatch.setattr(kept_module, "_KEPT", store)
    return store.blobs()


@pytest.mark.parametrize("ignorecase", [False, True])
@pytest.mark.parametrize("bounded", [False, True])
def test_a_kept_value_is_the_computed_one(kept, ignorecase, bounded):
    computed_pattern = base._alternation(TOKENS, ignorecase)
    computed_needs = needs._needs_of(TOKENS, ignorecase, bounded, "")
    assert base.alternation(TOKENS, ignorecase) == computed_pattern  # computed, then kept
    assert needs.needs_of(TOKENS, ignorecase, bounded) == computed_needs
    assert len(kept) == 2
    assert base.alternation(TOKENS, ignorecase) == computed_pattern  # read back
    assert needs.needs_of(TOKENS, ignorecase, bounded) == computed_needs
    assert needs.needs_of([r"(?i)x"], ignorecase, bounded) is None is needs._needs_of([r"(?i)x"], ignorecase, bounded, "")
    assert needs.needs_of([r"(?i)x"], ignorecase, bounded) is None  # None is kept too


def test_a_damaged_or_misshapen_entry_is_computed_again(kept):
    expected = needs._needs_of(TOKENS, True, True, "")
    needs.needs_of(TOKENS, True, True)
    base.alternation(TOKENS, True)
    for key in list(kept):
        kept[key] = b"\x00damaged"
    assert needs.needs_of(TOKENS, True, True) == expected
    assert base.alternation(TOKENS, True) == base._alternation(TOKENS, True)
    import marshal

    for key in list(kept):
        kept[key] = marshal.dumps((1, 2))  # well-formed data of another shape
    assert needs.needs_of(TOKENS, True, True) == expected
    assert base.alternation(TOKENS, True) == base._alternation(TOKENS, True)


_RUN = """
import sys
from textlint.yamlrules import base, needs
if sys.argv[1] == "cached-only":  # computing anything now fails: the values must come from the cache
    def refuse(*args):
        raise RuntimeError("computed")
    base._alternation = needs._needs_of = refuse
tokens = ["in order to", "utilize", "at this point in time"]
print(base.alternation(tokens, True), needs.needs_of(tokens, True, True).words)
"""


def _run(cache: Path, mode: str):
    return python_script(_RUN, mode, cache=cache)


def test_the_values_are_computed_once_and_read_back_in_the_next_run(tmp_path):
    first = _run(tmp_path, "compute")
    assert first.returncode == 0, first.stderr
    assert [p.name.split("-")[0] for p in tmp_path.glob("rules-*")] == ["rules"]
    again = _run(tmp_path, "cached-only")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    # without the cache the same run must compute (so the check above can fail)
    assert _run(tmp_path / "empty", "cached-only").returncode != 0
