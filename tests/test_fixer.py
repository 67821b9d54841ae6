"""The fixer: idempotent, edits only inside diagnostics, keeps encoding and newlines."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from textlint.cli import app
from textlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from textlint.engine import Engine
from textlint.files import BOM
from textlint.fixer import applicable, apply_fixes

ENGINE = Engine()
PIECES = ["the", "The", "in", "In", "calls", "“defense”", "Russia", "Months", "had", "that", "so",
          "called", "since", "two", "years", "Raúl", "Díaz-Canel", "e.g.", "U.S.", "2030", "🙂",
          ".", ",", " ,", " .", "?", ";", "”", "“", "’s", "-", "\u00a0"]
SEPARATORS = [" ", " ", " ", "  ", "   ", "", "\n", "\n\n", "\r\n", "\t"]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_fixing_twice_equals_fixing_once(text, unsafe):
    once = ENGINE.fix(text, unsafe=unsafe).text
    assert ENGINE.fix(once, unsafe=unsafe).text == once


@settings(max_examples=300, deadline=None)
@given(texts)
def test_edits_stay_inside_their_diagnostic(text):
    diagnostics = ENGINE.lint(text).diagnostics
    for d in diagnostics:
        if d.fix:
            assert all(d.start <= e.start <= e.end <= d.end for e in d.fix.edits)
    # one round of fixes leaves every character outside the fixed spans alone
    fixes = [d.fix for d in applicable(diagnostics, unsafe=True)]
    fixed = apply_fixes(text, fixes)
    pos, out_pos = 0, 0
    for fix in fixes:
        for e in fix.edits:
            gap = e.start - pos
            assert fixed[out_pos:out_pos + gap] == text[pos:e.start]
            out_pos += gap + len(e.content)
            pos = e.end
    assert fixed[out_pos:] == text[pos:]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.text(max_size=3)), max_size=8))
def test_overlapping_fixes_wait_for_the_next_round(raw):
    text = "abcdefghijklmnopqrstuvwxyz0123456789"
    diags = [Diagnostic("t.R", "m", s, s + n, fix=Fix((Edit(s, s + n, c),))) for s, n, c in raw]
    taken = [d.fix for d in applicable(diags, unsafe=False)]
    edits = [e for f in taken for e in f.edits]
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    assert len(apply_fixes(text, taken)) == len(text) + sum(len(e.content) - (e.end - e.start) for e in edits)


def test_unsafe_and_display_only_fixes_need_permission():
    safe = Diagnostic("t.R", "m", 0, 1, fix=Fix.replace(0, 1, "x"))
    unsafe = Diagnostic("t.R", "m", 2, 3, fix=Fix.replace(2, 3, "y", Applicability.UNSAFE))
    shown = Diagnostic("t.R", "m", 4, 5, fix=Fix.replace(4, 5, "z", Applicability.DISPLAY_ONLY))
    assert applicable([safe, unsafe, shown], unsafe=False) == [safe]
    assert applicable([safe, unsafe, shown], unsafe=True) == [safe, unsafe]


def test_fix_must_lie_inside_its_span():
    import pytest

    with pytest.raises(ValueError, match="outside the span"):
        Diagnostic("t.R", "m", 5, 6, fix=Fix.replace(0, 1, "x"))


@settings(max_examples=50, deadline=None)
@given(texts, st.booleans(), st.booleans())
def test_bom_crlf_and_mode_survive_a_fix(tmp_path_factory, text, bom, crlf):
    path = tmp_path_factory.mktemp("fix") / "t.txt"
    body = text.replace("\r\n", "\n")
    body = body.replace("\n", "\r\n") if crlf else body
    path.write_bytes(((BOM if bom else "") + "the the end.\n" + body).replace("\n", "\r\n" if crlf else "\n")
                     .replace("\r\r\n", "\r\n").encode("utf-8"))
    os.chmod(path, 0o640)
    before = path.read_bytes()
    CliRunner().invoke(app, ["check", "--fix", "--unsafe-fixes", str(path)])
    after = path.read_bytes()
    assert after.startswith(BOM.encode()) == bom
    if crlf:
        assert after.count(b"\n") == after.count(b"\r\n")
    assert b"the the end" not in after and before.count(b"\n") >= after.count(b"\n") - 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_files_are_linted_and_written_back_as_utf16(tmp_path, encoding, bom):
    path = tmp_path / "windows.txt"
    path.write_bytes(bom + "Caf\u00e9 the the end.\r\nNext line.\r\n".encode(encoding))
    result = CliRunner().invoke(app, ["check", "--no-languagetool", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == bom + "Caf\u00e9 the end.\r\nNext line.\r\n".encode(encoding)
