"""YAML rules cannot hang a run or blow up: every user pattern is bounded by one time
limit per rule and document, and messages are formatted for any number of placeholders."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from textlint.markdown import markdown_document
from textlint.yamlrules import load_rule_file
from textlint.yamlrules.base import MESSAGE_LIMIT, format_message

from time_limit import run_within

def write_rule(tmp_path: Path, body: str, name: str = "Slow") -> Path:
    pack = tmp_path / "house"
    pack.mkdir(exist_ok=True)
    path = pack / f"{name}.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def lint_in_child(rule_path: Path, text_expression: str, seconds: float = 60) -> str:
    """Lint the text *text_expression* builds with the rule at *rule_path* in a child
    process whose pattern limit is 0.5 s; what it prints: its errors, then its findings."""
    return run_within(seconds, f"""
        from pathlib import Path
        from textlint.document import Document
        from textlint.linter import Linter
        from textlint.yamlrules import base, load_rule_file
        base.TIMEOUT_BASE, base.TIMEOUT_PER_MB = 0.5, 0.0
        rule = load_rule_file(Path({str(rule_path)!r}))
        result = Linter([rule]).lint(Document({text_expression}, "doc.txt"))
        for e in result.errors:
            print("error:", e)
        print("findings:", len(result.diagnostics))
    """)


def test_a_capitalization_match_pattern_is_stopped_and_named(tmp_path):
    # (a+)+$ against a long run of a's ran past 120 s: match patterns had no time limit
    path = write_rule(tmp_path, r"""
        extends: capitalization
        message: "'%s' does not match"
        scope: paragraph
        match: '(a+)+$'
    """)
    out = lint_in_child(path, '"a" * 100_000 + "!"')
    assert f"error: house.Slow: pattern timed out: the 'match' pattern of {path}" in out
    assert "on doc.txt" in out


@pytest.mark.parametrize("body, text", [
    ("extends: existence\nnonword: true\nraw: ['a+!']\n", '"a" * 100_000 + "!"'),
    ("extends: substitution\nnonword: true\nswap: {'a+!': b}\n", '"a" * 100_000 + "!"'),
    ("extends: repetition\n", '"a" * 50_000 + " " + "a" * 50_000 + " x"'),
], ids=["existence", "substitution", "repetition"])
def test_exception_patterns_are_stopped_and_named(tmp_path, body, text):
    path = write_rule(tmp_path, "message: '%s'\nexceptions: ['(a+)+$']\n" + body)
    out = lint_in_child(path, text)
    assert f"pattern timed out: the 'exceptions' pattern of {path}" in out


def test_the_limit_covers_all_of_a_rules_matching_on_a_document(tmp_path):
    # each paragraph takes a fraction of the limit; together they would take minutes
    path = write_rule(tmp_path, r"""
        extends: capitalization
        message: "'%s'"
        scope: paragraph
        match: '(a+)+$'
    """)
    out = lint_in_child(path, '("a" * 4000 + "!\\n\\n") * 2000')
    assert "pattern timed out: the 'match' pattern" in out


def test_findings_before_a_timeout_are_kept(tmp_path):
    path = write_rule(tmp_path, r"""
        extends: capitalization
        message: "'%s'"
        scope: paragraph
        match: '(?:Aa|(a+)+)$'
    """)
    out = lint_in_child(path, '"B\\n\\n" + "a" * 100_000 + "!"')
    assert "pattern timed out" in out and "findings: 1" in out


def test_occurrence_per_sentence_is_linear_in_the_number_of_sentences(tmp_path):
    path = write_rule(tmp_path, r"""
        extends: occurrence
        message: "%s times 'the'"
        scope: sentence
        ignorecase: true
        token: the
        max: 1
    """)
    out = lint_in_child(path, '"The end of the day. " * 100_000 + "The the the."')
    assert out.split()[-1] == "100001"


def test_capitalization_exceptions_are_patterns_run_within_the_limit(tmp_path):
    # as in Vale, exceptions are patterns; '(a+)+$' runs in the rule's time limit
    rule = load_rule_file(write_rule(tmp_path, r"""
        extends: capitalization
        message: "'%s' should be '%s'"
        scope: heading
        match: $sentence
        exceptions: ['(a+)+$', iPhone]
    """, "Heads"))
    doc = markdown_document("# The New iPhone Sales\n\n# A (a+)+$ Title\n")
    assert [d.message for d in rule.check(doc)] == [
        "'The New iPhone Sales' should be 'The new iPhone sales'",
        "'A (a+)+$ Title' should be 'A a+)+$ title'"]  # Vale's words: "(" starts none


def test_a_heading_rule_checks_nothing_in_a_document_without_headings(tmp_path):
    rule = load_rule_file(write_rule(tmp_path, r"""
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: $title
    """, "Titles"))
    assert list(rule.check(markdown_document("a paragraph in lowercase\n"))) == []
    assert len(list(rule.check(markdown_document("# a heading in lowercase\n")))) == 1


def test_a_message_with_more_placeholders_than_arguments(tmp_path):
    # more than 1,001 '%s' raised "RuntimeError: generator raised StopIteration"
    rule = load_rule_file(write_rule(tmp_path, f"""
        extends: existence
        message: "{'%s ' * 1500}"
        tokens: [zork]
    """, "Many"))
    [d] = rule.check(markdown_document("a zork here\n"))
    assert d.message == "zork " + "%s " * 1499
    assert format_message("%s" * 5000, ("a", "b")) == "ab" + "%s" * 4998


def test_message_placeholders_follow_go_formatting():
    args = ("one", "two", "three")
    assert format_message("'%s' or '%s'", args) == "'one' or 'two'"
    assert format_message("'%[2]s' is '%[1]s'", args) == "'two' is 'one'"
    assert format_message("%[2]s then %s; %[1]s then %s", args) == "two then three; one then two"
    assert format_message("100%% sure: %s, %[9]s, %[0]s", args) == "100% sure: one, %[9]s, %[0]s"
    assert format_message("no placeholder", ()) == "no placeholder"


def test_a_message_repeating_a_long_match_is_shortened():
    message = format_message("%[1]s " * 1000, ("x" * 1_000_000,))
    assert len(message) <= 2 * MESSAGE_LIMIT + 1000
    assert message.startswith("x" * 19 + "… ")
    assert format_message("'%s'", ("y" * 5000,)) == "'" + "y" * 5000 + "'"
