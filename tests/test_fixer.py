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


# -- one finding and one fix per defect, whatever the selection (issue 13, item 4) ---------------

import re as _re

from textlint.checks.base import Check
from textlint.document import Document
from textlint.engine import Overrides
from textlint.fixer import fix_text
from textlint.linter import Linter

_GLUED = _re.compile(r"(?<=[a-z])\.(?=[A-Z])")


class _InsertsSpace(Check):
    """Reports a glued period by inserting a space after it."""
    ID = "zz.InsertsSpace"
    FIX = Applicability.UNSAFE

    def check(self, doc):
        for m in _GLUED.finditer(doc.text):
            yield self.diagnostic(m.start() - 1, m.end() + 1, "glued",
                                  Fix((Edit(m.end(), m.end(), " "),), Applicability.UNSAFE))


class _RewritesMark(Check):
    """Reports the same defect by rewriting the period as '. '."""
    ID = "aa.RewritesMark"
    FIX = Applicability.SAFE

    def check(self, doc):
        for m in _GLUED.finditer(doc.text):
            yield self.diagnostic(m.start(), m.end() + 1, "glued", Fix.replace(m.start(), m.end(), ". "))


@pytest.mark.parametrize("order", [(_InsertsSpace, _RewritesMark), (_RewritesMark, _InsertsSpace)])
def test_two_rules_fixing_one_defect_give_one_finding_and_one_fix(order):
    linter = Linter([cls() for cls in order])
    text = "Look at the table.The rest is fine."
    found = linter.lint(Document(text)).diagnostics
    # the same change spelt two ways is one defect: the safe fix stands, whatever the rule order
    assert [(d.rule, d.fix.applicability) for d in found] == [("aa.RewritesMark", Applicability.SAFE)]
    result = fix_text(text, lambda t: linter.lint(Document(t)), unsafe=True)
    assert result.text == "Look at the table. The rest is fine."
    assert len(result.applied) == 1


def test_an_insertion_touching_a_taken_fix_waits_for_the_next_round():
    text = "the table.The rest"
    rewrite = Diagnostic("a.R", "m", 9, 10, fix=Fix.replace(9, 10, ". "))
    insert = Diagnostic("b.R", "m", 9, 11, fix=Fix((Edit(10, 10, " "),), Applicability.SAFE))
    taken = applicable([insert, rewrite], unsafe=False)
    assert len(taken) == 1
    assert apply_fixes(text, [d.fix for d in taken]) == "the table. The rest"


@pytest.mark.parametrize("extend", [[], ["spacing"]])
def test_a_glued_sentence_is_fixed_the_same_with_or_without_the_spacing_rules(tmp_path, extend):
    engine = Engine(None, Overrides(extend_select=extend, languagetool=False))
    text = "The data is in the table.The rest is fine.\n"
    found = [d for d in engine.lint(text).diagnostics if d.start <= 25 < d.end]
    assert len(found) == 1 and found[0].fix.applicability is Applicability.SAFE
    assert engine.fix(text).text == "The data is in the table. The rest is fine.\n"
    assert engine.fix(text, unsafe=True).text == "The data is in the table. The rest is fine.\n"


_SELECTIONS = [Overrides(languagetool=False), Overrides(extend_select=["spacing"], languagetool=False),
               Overrides(select=["ALL"], languagetool=False)]
_ENGINES = [Engine(None, o) for o in _SELECTIONS]
_GLUE_PIECES = ["table", "The", "the", "house", "Russia", "Months", "icons", "such", "it", "That",
                "gov", "ernment", "nautiloids", "successfullyas", "and", "2030"]
glued_texts = st.lists(st.tuples(st.sampled_from(_GLUE_PIECES),
                                 st.sampled_from([".", ",", ";", ":", "!", "?", " .", " ,", ""]),
                                 st.sampled_from([" ", "", "  ", "\n"])), min_size=1, max_size=12).map(
    lambda parts: "".join(w + m + s for w, m, s in parts))


@settings(max_examples=150, deadline=None)
@given(glued_texts, st.sampled_from(range(len(_ENGINES))), st.booleans())
def test_one_finding_and_one_change_per_defect_in_every_selection(text, which, unsafe):
    from textlint.linter import fix_effect

    engine = _ENGINES[which]
    found = engine.lint(text).diagnostics
    assert len({(d.start, d.end) for d in found}) == len(found)
    effects = [fix_effect(text, d.fix) for d in found if d.fix and d.fix.edits]
    assert len(set(effects)) == len(effects)
    # a fix never doubles what it inserts: no run of spaces the text did not have
    fixed = engine.fix(text, unsafe=unsafe).text
    assert fixed.count("  ") <= text.count("  ")
