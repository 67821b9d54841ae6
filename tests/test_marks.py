"""cleanup.MissingSpaceAfterPunctuation and cleanup.SpaceBeforePunctuation: findings and fix safety."""

from __future__ import annotations

import pytest

from cleanup_helpers import fixed, found

AFTER = "cleanup.MissingSpaceAfterPunctuation"
BEFORE = "cleanup.SpaceBeforePunctuation"


@pytest.mark.parametrize("rule, text, expected, safe", [
    (AFTER, "A cyclist passed by the house.The wheels hummed.", "A cyclist passed by the house. The wheels hummed.", True),
    (AFTER, "You actually solved it!That changes everything.", "You actually solved it! That changes everything.", True),
    (AFTER, "This is a text?And there's the next sentence.", "This is a text? And there's the next sentence.", True),
    (AFTER, "The lamp flickered at dusk.A pale glow spread.", "The lamp flickered at dusk. A pale glow spread.", True),
    (AFTER, "They used the icons,such as the flag.", "They used the icons, such as the flag.", True),
    (AFTER, "The night was cold;stars glittered.", "The night was cold; stars glittered.", True),
    # a period or comma glued to other words may be the author's: unsafe
    (AFTER, "It happened near Russia.Months ago.", "It happened near Russia. Months ago.", False),
    (AFTER, "foo ,bar", "foo, bar", True),
    (AFTER, "Na,K-ATPase and gravity", "Na, K-ATPase and gravity", False),
    (AFTER, 'She whispered "hurry"and left.', 'She whispered "hurry" and left.', False),
    (AFTER, "On June 16,1963 she was launched into space.", "On June 16, 1963 she was launched into space.", False),
    # a period glued before a lowercase function word: the next sentence lost its capital too
    (AFTER, "It offers spell and grammar checking.just paste your text here.",
     "It offers spell and grammar checking. just paste your text here.", False),
    (BEFORE, "This is a sentence with an orphaned full stop .", "This is a sentence with an orphaned full stop.", True),
    (BEFORE, "This , is a test sentence.", "This, is a test sentence.", True),
    # French and older English printing space "?", "!" and ":": unsafe
    (BEFORE, "and wherefore hee came there in that manner ?", "and wherefore hee came there in that manner?", False),
    (BEFORE, "Maybe I 'm missing something?", "Maybe I'm missing something?", False),
    (BEFORE, "They meet at 2 o' clock.", "They meet at 2 o'clock.", False),
    (BEFORE, "Who is responsible, i. e., who pays?", "Who is responsible, i.e., who pays?", False),
    (BEFORE, 'You " fixed" it.', 'You "fixed" it.', False),
])
def test_findings_and_fix_safety(rule, text, expected, safe):
    assert found(rule, text)
    assert fixed(rule, text) == expected
    assert (fixed(rule, text, unsafe=False) == expected) is safe


@pytest.mark.parametrize("rule, text", [
    (AFTER, "Open your newrelic.config file."),
    (AFTER, "Have you tried console.log()"),
    (AFTER, "The URL is pep.corp.enron.com."),
    (AFTER, "Call promise.then(done) when ready."),
    (AFTER, "It cost 16,1963 euros, and 1,5 more on June 16, 1963."),
    (AFTER, "The file setup.py is read."),
    (AFTER, 'Seats have a pitch of 31-33", with newer ones 31" wide.'),
    (BEFORE, "This is a sentence with ellipsis ..."),
    (BEFORE, "He said 'hello' and left."),
    (BEFORE, "The dogs' toys were new."),
    (BEFORE, "J. R. R. Tolkien wrote it."),
])
def test_leaves_alone(rule, text):
    assert found(rule, text) == []


def test_a_lowercase_sentence_glued_by_a_period_is_left_alone_in_technical_writing():
    """Technical writing names code with periods between lowercase words ("self.is set")."""
    from textlint.engine import Engine, Overrides

    engine = Engine(overrides=Overrides(select=[AFTER]))
    prose = "Then check that the value of self.is set before the run.\n"
    assert [d.rule for d in engine.lint(prose, "notes.txt").diagnostics] == [AFTER]
    technical = ("# API\n\nCall `obj.get()` and `load()`, then check that self.is set before "
                 "`run()`; see `a.b`, `c.d` and `e.f`.\n")
    assert engine.lint(technical, "api.md").diagnostics == []


def test_technical_writing_keeps_its_glued_names_of_code_and_flags_a_glued_clause():
    """In technical writing a period or comma glued to a word names code ("net.Server",
    "blob,file"), unless a function word follows it: the start of a clause ("object.The")."""
    from textlint.engine import Engine, Overrides

    engine = Engine(overrides=Overrides(select=[AFTER]))
    code = "# API\n\nCall `obj.get()` and `load()`; see `a.b`, `c.d` and `e.f`.\n\n"
    names = "Make net.Server timeouts work and improve the blob,file benchmark.\n"
    assert [d.rule for d in engine.lint(names, "notes.txt").diagnostics] == [AFTER, AFTER]
    assert engine.lint(code + names, "api.md").diagnostics == []
    clause = "It returns an object.The object holds the data.\n"
    assert [d.rule for d in engine.lint(code + clause, "api.md").diagnostics] == [AFTER]


@pytest.mark.parametrize("text", ["- **doc,n-api**: fix the link", "- **perf_hooks,http2**: add a test"])
def test_leaves_tag_lists_with_hyphens_and_digits_alone(text):
    assert found(AFTER, text) == []


def test_straight_quotes_are_paired_line_by_line():
    from textlint.checks.spacing.marks import straight_quotes

    text = 'a "b" c "d"\nan inch: 31" wide\r\n"x"\n\n"'
    assert list(straight_quotes(text)) == [(2, True), (4, False), (8, True), (10, False),
                                          (31, True), (33, False)]
    assert list(straight_quotes('"a"\n')) == [(0, True), (2, False)]
    assert list(straight_quotes("")) == []
    assert list(straight_quotes('x"\n\n"a" b "c"')) == [(4, True), (6, False), (10, True), (12, False)]


def test_the_marks_spaced_by_style_are_counted_as_str_count_counts():
    import random

    from textlint.checks.spacing import marks
    from textlint.document import Document

    rng = random.Random(5)
    styled = 0
    for _ in range(3000):
        text = "".join(rng.choice([" : ", " ;", " ? ", "! ", " ", ":", "a", "\n", "\u00a0", "."]) for _ in range(30))
        expected = frozenset(m for m in marks._STYLE_MARKS if text.count(f" {m} ") >= marks.STYLE_COUNT)
        doc = Document(text)
        assert doc.mark_seams is not None and marks._spaced_by_style(doc) == expected, text
        styled += bool(expected)
    assert styled > 50
