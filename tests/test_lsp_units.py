"""The language server's pure parts: positions, editor settings, and a rule that raises."""

from __future__ import annotations

import pytest

from textlint.diagnostics import Diagnostic
from textlint.document import Document
from textlint.linter import Linter
from textlint.lsp import client_settings
from textlint.lsp.actions import changed_region
from textlint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from textlint.rule import Rule

TEXT = "Caf\u00e9 \U0001F600 x\r\nline two \U0001F680\rthird\nlast"


@pytest.mark.parametrize("encoding, codec", [(UTF16, "utf-16-le"), (UTF8, "utf-8"), (UTF32, "utf-32-le")])
def test_positions_count_code_units_of_the_encoding_and_round_trip(encoding, codec):
    index = LineIndex(TEXT, encoding)
    width = {UTF16: 2, UTF8: 1, UTF32: 4}[encoding]
    lines = ["Caf\u00e9 \U0001F600 x", "line two \U0001F680", "third", "last"]
    starts = [0, len(lines[0]) + 2, len(lines[0]) + 2 + len(lines[1]) + 1,
              len(lines[0]) + 2 + len(lines[1]) + 1 + len(lines[2]) + 1]
    for n, (line, start) in enumerate(zip(lines, starts)):
        for col in range(len(line) + 1):
            units = len(line[:col].encode(codec)) // width
            assert index.position(start + col) == (n, units)
            assert index.offset(n, units) == start + col


def test_positions_inside_a_character_or_past_the_end_clamp():
    index = LineIndex(TEXT)
    emoji = TEXT.index("\U0001F600")
    assert index.offset(0, 6) == emoji  # between the surrogates of the emoji: its start
    assert index.offset(0, 500) == len("Caf\u00e9 \U0001F600 x")  # past the line: its end, not the CR
    assert index.offset(99, 0) == len(TEXT)
    assert index.offset(-1, 3) == 0


def test_editor_settings_take_switches_only_and_report_the_rest():
    settings, problems = client_settings.parse({"textlint": {"languagetool": True, "debounce": 40}})
    assert settings == client_settings.ClientSettings(languagetool=True, debounce_ms=40)
    settings, problems = client_settings.parse(
        {"languagetool": "yes", "url": "http://example.com", "debounce": -1}, settings)
    assert settings.languagetool is True and settings.debounce_ms == 40
    assert len(problems) == 3 and any("unknown key 'url'" in p for p in problems)
    assert client_settings.parse(None)[0] == client_settings.ClientSettings(languagetool=False)
    assert client_settings.parse([1, 2])[1]


def test_changed_region_is_the_span_between_common_prefix_and_suffix():
    assert changed_region("the the end", "the end") in {(3, 7, ""), (4, 8, ""), (0, 4, "")}
    old, new = "a b c", "a x c"
    s, e, content = changed_region(old, new)
    assert old[:s] + content + old[e:] == new and (s, e, content) == (2, 3, "x")
    assert changed_region("same", "same") == (4, 4, "")


class Crashing(Rule):
    def check(self, doc):
        yield Diagnostic(self.id, "before the crash", 0, 1)
        raise KeyError("boom")


class Working(Rule):
    def check(self, doc):
        yield Diagnostic(self.id, "found", 2, 3)


def test_an_exception_in_one_rule_costs_only_its_own_findings():
    rules = [Crashing(id="test.Crashing", category="test"), Working(id="test.Working", category="test")]
    result = Linter(rules).lint(Document("abcdef", "doc.txt"))
    assert [d.rule for d in result.diagnostics] == ["test.Crashing", "test.Working"]
    [error] = result.errors
    assert error.rule == "test.Crashing" and "KeyError" in str(error)
