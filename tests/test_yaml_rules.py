"""Each YAML rule type flags what it should and leaves the rest; bad rule files are clear errors."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from textlint.document import Document
from textlint.errors import ConfigError
from textlint.markdown import markdown_document
from textlint.rule import RuleError
from textlint.yamlrules import load_rule_file, load_rules


def make_rule(tmp_path: Path, body: str, name: str = "Rule"):
    pack = tmp_path / "house"
    pack.mkdir(exist_ok=True)
    path = pack / f"{name}.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_rule_file(path)


def found(rule, text: str) -> list[str]:
    doc = Document(text)
    return [text[d.start:d.end] for d in rule.check(doc)]


def test_existence_flags_tokens_as_whole_words(tmp_path):
    rule = make_rule(tmp_path, """
        extends: existence
        message: "Avoid '%s'"
        ignorecase: true
        tokens: [utilize, in order to]
    """)
    assert rule.id == "house.Rule"
    assert found(rule, "We Utilize it in order to win.") == ["Utilize", "in order to"]
    assert found(rule, "Underutilized reorder tools.") == []
    assert [d.message for d in rule.check(Document("utilize"))] == ["Avoid 'utilize'"]


def test_existence_raw_and_exceptions(tmp_path):
    rule = make_rule(tmp_path, """
        extends: existence
        message: "Odd %s"
        raw: ['\\b[A-Z]{2,}', 's\\b']
        exceptions: [NATOs]
    """)
    assert found(rule, "Two CEOs met the NATOs.") == ["CEOs"]


def test_substitution_swaps_with_groups_and_choices(tmp_path):
    rule = make_rule(tmp_path, """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        ignorecase: true
        capitalize: true
        fix: safe
        swap:
          'e-mail': email
          '(\\d+) percent': '$1%'
          'whilst': while|although
    """)
    diags = list(rule.check(Document("E-mail 5 percent, whilst here.")))
    assert [d.message for d in diags] == [
        "Use 'Email' instead of 'E-mail'", "Use '5%' instead of '5 percent'",
        "Use 'while' or 'although' instead of 'whilst'"]
    assert diags[0].fix.edits[0].content == "Email"
    assert diags[1].fix.edits[0].content == "5%"
    assert diags[2].fix.applicability.value == "display-only"
    assert found(rule, "emails and percentages") == []


def test_substitution_fix_keeps_a_sentences_initial_capital_when_case_does_not_count(tmp_path):
    rule = make_rule(tmp_path, """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        ignorecase: true
        action:
          name: replace
        swap:
          we have: we've
          iphone: iPhone
    """)
    text = "We have won. Then we have lost. Iphone sold. We Have it."
    diags = list(rule.check(Document(text)))
    assert [d.fix.edits[0].content for d in diags] == ["We've", "we've", "iPhone", "We've"]
    # the message is Vale's, as the rule writes it
    assert diags[0].message == "Use 'we've' instead of 'We have'"
    case_counts = make_rule(tmp_path, """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        action:
          name: replace
        swap:
          We have: we've
    """, name="Cased")
    assert [d.fix.edits[0].content for d in case_counts.check(Document("We have won."))] == ["we've"]


def test_substitution_names_the_term_of_a_match_that_case_folding_finds_and_lowering_does_not(tmp_path):
    # "İnformations" matches "informations" ignoring case, but lowers to "i̇nformations" (two
    # characters for "İ"): the term is the one that matches it alone, not a failed rule
    rule = make_rule(tmp_path, """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        ignorecase: true
        swap:
          informations: information
          advices: advice
    """)
    diags = list(rule.check(Document("The İnformations were given. Many advices too.")))
    assert [d.message for d in diags] == ["Use 'information' instead of 'İnformations'",
                                          "Use 'advice' instead of 'advices'"]


def test_repetition_flags_repeats_within_a_sentence_only(tmp_path):
    rule = make_rule(tmp_path, """
        extends: repetition
        message: "'%s' is repeated"
        ignorecase: true
        alpha: true
        fix: safe
        exceptions: [had had]
    """)
    assert found(rule, "in the The Kremlin") == ["the The"]
    assert found(rule, "He had had it. It ended. Ended well. 10 10") == []
    assert found(rule, "They met in\nin Havana") == ["in\nin"]
    assert found(rule, "fell in in-fighting") == []
    (d,) = rule.check(Document("the the end"))
    assert d.fix.apply("the the end") == "the end"


def test_occurrence_counts_per_sentence(tmp_path):
    rule = make_rule(tmp_path, """
        extends: occurrence
        message: "%s commas in one sentence"
        scope: sentence
        nonword: true
        token: ','
        max: 2
    """)
    diags = list(rule.check(Document("A, b, c, d. E, f, g.")))
    assert [d.message for d in diags] == ["3 commas in one sentence"]
    assert diags[0].start == 1  # as Vale: the sentence's first match


def test_occurrence_min(tmp_path):
    rule = make_rule(tmp_path, """
        extends: occurrence
        message: "Paragraph without a verb 'is' (%s)"
        scope: paragraph
        token: is
        min: 1
    """)
    # as Vale: a unit without a match is flagged at its first word
    assert found(rule, "This is fine.\n\nNo such word here.") == ["No"]


def test_consistency_flags_each_block_once_both_variants_are_used(tmp_path):
    rule = make_rule(tmp_path, """
        extends: consistency
        message: "'%s' and '%s' are both used"
        fix: unsafe
        either:
          Wladimir: Vladimir
    """)
    text = "Vladimir Putin spoke.\n\nWladimir Putin left. Wladimir again.\n\nVladimir again.\n"
    diags = list(rule.check(markdown_document(text)))
    # as Vale: from the block where both have appeared, each block once, at its last match
    assert [text[d.start:d.end] for d in diags] == ["Wladimir", "Vladimir"]
    assert diags[0].start == text.index("Wladimir again")
    assert diags[0].fix.edits[0].content == "Vladimir" and diags[1].fix is None
    assert found(rule, "Vladimir only. Vladimir again.") == []


def test_capitalization_of_headings(tmp_path):
    rule = make_rule(tmp_path, """
        extends: capitalization
        message: "'%s' should be in sentence case: '%s'"
        scope: heading
        match: $sentence
        exceptions: [Cuba]
    """)
    text = "# Russia Steps Up Cooperation With Cuba\n\nBody text. It Is Not A Heading.\n"
    diags = list(rule.check(markdown_document(text)))
    assert len(diags) == 1
    assert diags[0].fix.edits[0].content == "Russia steps up cooperation with Cuba"
    assert list(rule.check(markdown_document("# Russia steps up cooperation with Cuba\n\nBody.\n"))) == []
    # as Vale: plain text has no headings
    assert found(rule, "Russia Steps Up Cooperation With Cuba\n\nBody.") == []


def test_capitalization_with_a_pattern(tmp_path):
    rule = make_rule(tmp_path, """
        extends: capitalization
        message: "Heading must be upper case"
        scope: heading
        match: '^[^a-z]+$'
    """)
    assert list(rule.check(markdown_document("# LOUD TITLE\n\nbody.\n"))) == []
    text = "# Quiet title\n\nbody.\n"
    assert [text[d.start:d.end] for d in rule.check(markdown_document(text))] == ["Quiet title"]


def test_conditional_needs_a_definition(tmp_path):
    rule = make_rule(tmp_path, """
        extends: conditional
        message: "'%s' is not defined"
        first: '\\b([A-Z]{2,5})\\b'
        second: '\\b[A-Z][a-z]+(?: [A-Z][a-z]+)* \\(([A-Z]{2,5})\\)'
        exceptions: [US]
    """)
    # as Vale: 'first' finds the uses, 'second' the definitions (its group is the term)
    text = "The World Health Organization (WHO) and the WHO met the US and CELAC."
    assert found(rule, text) == ["CELAC"]


@pytest.mark.parametrize("body, key, words", [
    ("extends: existence\nmessage: x\ntokens: [a]\nspelling: true\n", "spelling", "unknown key"),
    ("extends: existence\nmessage: x\ntokens: a\nignorecase: 'yes'\n", "ignorecase", "true or false"),
    ("extends: substitution\nmessage: x\nswap: [a, b]\n", "swap", "mapping"),
    ("extends: existence\nmessage: x\ntokens: ['(unclosed']\n", "tokens", "invalid regular expression"),
    ("extends: substitution\nmessage: x\n", "swap", "missing required key"),
    ("extends: existance\nmessage: x\n", "extends", "expected one of"),
    ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n", "level", "expected one of"),
    ("extends: existence\nmessage: x\ntokens: [a]\nexamples: [a]\n", "examples", "flag"),
])
def test_bad_rule_files_name_file_rule_and_key(tmp_path, body, key, words):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Bad.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(pack)
    message = str(err.value)
    assert "Bad.yml" in message and "house.Bad" in message and f"'{key}'" in message
    assert words in message


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Broken.yml").write_text("extends: existence\nmessage: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Broken.yml: rule house.Broken: invalid YAML at line \d+"):
        load_rules(pack)


@pytest.mark.parametrize("body, line, column", [
    ('extends: existence\nmessage: "Avoid %s\nlevel: warning\ntokens:\n  - foo\n', 2, 10),
    ("extends: existence\nmessage: 'Avoid %s\nlevel: warning\n\n\n", 2, 10),
    ("extends: existence\ntokens: [foo, bar\nlevel: warning\n", 2, 9),
    ("extends: existence\nmessage: a: b\n", 2, 11),
])
def test_a_yaml_syntax_error_points_where_the_mistake_is(tmp_path, body, line, column):
    # an unclosed quotation is only noticed at the end of the file: the error names where it opened
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Broken.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(pack)
    assert f"invalid YAML at line {line}, column {column}:" in str(err.value)


@pytest.mark.parametrize("body, key, shown", [
    ('extends: existence\nmessage: "Avoid %s"\ntokens:\n  - ok\n  - "foo(bar"\n', "tokens",
     "'foo(bar': missing ) at position 7"),
    ('extends: existence\nmessage: "Avoid %s"\nnonword: true\ntokens:\n  - "a)b"\n', "tokens",
     "'a)b': unbalanced parenthesis at position 1"),
    ('extends: substitution\nmessage: "Use %s"\nswap:\n  "x{2,1}": y\n', "swap", "'x{2,1}': "),
    ('extends: occurrence\nmessage: "m"\nmax: 1\ntoken: "b(c"\n', "token", "'b(c': missing ) at position 3"),
])
def test_a_bad_regex_is_shown_as_written_with_positions_counted_in_it(tmp_path, body, key, shown):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Bad.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(pack)
    assert f"key '{key}': invalid regular expression {shown}" in str(err.value)


def test_catastrophic_pattern_times_out_with_a_clear_error(tmp_path, monkeypatch):
    from textlint.yamlrules import base

    monkeypatch.setattr(base, "TIMEOUT_BASE", 0.2)
    monkeypatch.setattr(base, "TIMEOUT_PER_MB", 0.0)
    rule = make_rule(tmp_path, r"""
        extends: existence
        message: slow
        nonword: true
        raw: ['(x+x+)+y']
    """, name="Slow")
    start = time.perf_counter()
    with pytest.raises(RuleError, match="house.Slow: pattern timed out"):
        list(rule.check(Document("x" * 5000 + " y")))  # a "y" (else the rule skips the text: needs.py)
    assert time.perf_counter() - start < 5
