"""Document structure, Markdown and suppressions stay linear on hostile input.

Each input here took minutes (some hours) when a scan restarted at every mark,
backtick run, directive, dot or range; each must now finish far inside its limit
(see time_limit.py), with the right result.
"""

from __future__ import annotations

from textlint.document import Document
from textlint.engine import Engine, Overrides
from textlint.markdown import markdown_document

from time_limit import run_within


def spans(doc: Document) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.ignored]


def test_a_token_of_many_url_marks_is_scanned_once():
    # 'a://b' * N was quadratic in N: 45 s at 200 KB
    out = run_within(60, """
        from textlint.document import Document
        doc = Document("x " + "a://b" * 80_000 + ". y")
        print([(s.start, s.end) for s in doc.ignored])
    """)
    assert out.strip() == f"[(2, {2 + 5 * 80_000})]"


def test_url_marks_in_one_token_keep_the_token_whole_without_its_trailing_punctuation():
    doc = Document("see a://b.c://d.org/x.., www.example.com; mail me@host.net!")
    assert spans(doc) == ["a://b.c://d.org/x", "www.example.com", "me@host.net"]


def test_backtick_runs_of_many_lengths_are_linear():
    # runs of 1, 2, 3 ... backticks, none closed: 89 s on 1.28 MB
    out = run_within(60, """
        from textlint.markdown import markdown_document
        parts, size, n = [], 0, 1
        while size < 1_280_000:
            parts.append("`" * n + " x ")
            size += n + 3
            n += 1
        doc = markdown_document("".join(parts) + "\\n\\n`code` and ``more``\\n")
        print([doc.text[s.start:s.end] for s in doc.ignored])
    """)
    assert out.strip() == "['`code`', '``more``']"


def test_inline_code_closes_at_the_next_run_of_the_same_length():
    doc = markdown_document("a `one`` still` b ``two ` two`` c ``` unclosed ` d `x`\n")
    assert spans(doc) == ["`one`` still`", "``two ` two``", "` d `"]


def test_unclosed_directives_and_space_runs_are_linear():
    out = run_within(60, """
        from textlint.document import Document
        from textlint import suppression
        doc = Document("<!-- textlint-disable " * 50_000 + "\\n<!-- textlint-disable" + " " * 200_000 + "x\\n")
        print(len(doc.ignored), bool(suppression.parse(doc)))
    """)
    assert out.split() == ["0", "False"]


def test_directives_with_their_selectors():
    text = ("a <!-- textlint-disable-line cleanup, spacing.RunOnWord   --> b\n"
            "<!--textlint-disable-->\n<!-- textlint-enable x\n   -->\n<!-- textlint-disable a>b -->\n")
    doc = Document(text)
    assert spans(doc) == ["<!-- textlint-disable-line cleanup, spacing.RunOnWord   -->",
                          "<!--textlint-disable-->", "<!-- textlint-enable x\n   -->"]


def test_a_long_run_of_dots_is_linear():
    out = run_within(60, """
        from textlint.document import Document
        doc = Document("It ends" + "." * 100_000 + " Then more" + "." * 100_000 + "x")
        print([(s.start, s.end) for s in doc.sentences])
    """)
    assert out.strip() == f"[(0, {7 + 100_000}), ({8 + 100_000}, {8 + 200_000 + 10})]"


def test_sentences_end_after_a_run_of_marks_but_not_after_abbreviations():
    text = "Wait... What? It was Mr. Smith, etc.. Then J. Smith left!! And so on."
    doc = Document(text)
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "Wait...", "What?", "It was Mr. Smith, etc..", "Then J. Smith left!!", "And so on."]


def test_an_atx_heading_with_long_runs_of_spaces_is_linear():
    out = run_within(60, """
        from textlint.markdown import markdown_document
        doc = markdown_document("# a" + " " * 100_000 + "b" + " " * 100_000 + "#" * 3 + "  \\n\\ntext\\n")
        print([(h.start, h.end) for h in doc.headings])
    """)
    assert out.strip() == f"[(2, {4 + 100_000})]"


def test_atx_heading_text_without_marks_and_closing_sequence():
    doc = markdown_document("## Title ##\n\n# Two # words #  \n\n### ###\n\n#\tTabbed\t#\n")
    assert [doc.text[h.start:h.end] for h in doc.headings] == ["Title", "Two # words", "###", "Tabbed"]


def test_link_titles_in_parentheses_are_linear():
    out = run_within(60, """
        from textlint.markdown import markdown_document
        doc = markdown_document("[x](a (b " * 100_000 + "\\n")
        print(len(doc.ignored))
    """)
    assert out.strip() == "0"


def test_link_targets_with_titles_are_not_prose():
    doc = markdown_document('[a](http://x.org "t") [b](y (t)) [c](z \'t\')\n')
    assert spans(doc) == ['(http://x.org "t")', "(y (t))", "(z 't')"]


def test_looking_up_many_headings_is_linear():
    out = run_within(60, """
        from textlint.document import Document
        doc = Document("Heading here\\n\\n" * 50_000)
        print(sum(doc.in_heading(i * 14 + 3) for i in range(50_000)), doc.in_heading(12))
    """)
    assert out.split() == ["50000", "False"]


def test_many_disable_enable_pairs_are_linear():
    # 20,000 pairs took 28.6 s: every finding scanned every range
    out = run_within(60, """
        from textlint.engine import Engine, Overrides
        pair = ("<!-- textlint-disable cleanup.DoubledWord -->\\nthe the, in in, a a\\n"
                "<!-- textlint-enable cleanup.DoubledWord -->\\nto to\\n\\n")
        engine = Engine(overrides=Overrides(select=["cleanup.DoubledWord"]))
        text = pair * 20_000
        result = engine.lint(text, "a.txt")
        print(len(result.diagnostics), {text[d.start:d.end] for d in result.diagnostics})
    """)
    assert out.strip() == "20000 {'to to'}"


def test_ranges_of_several_selectors_nest_and_close():
    text = ("<!-- textlint-disable cleanup -->\nthe the\n<!-- textlint-disable spacing -->\n"
            "in in\n<!-- textlint-enable cleanup -->\nto to\n<!-- textlint-enable -->\nby by\n"
            "<!-- textlint-disable cleanup.DoubledWord -->\nof of\n")
    engine = Engine(overrides=Overrides(select=["cleanup.DoubledWord"]))
    doc = engine.document(text)
    lines = [doc.position(d.start)[0] for d in engine.lint(text).diagnostics]
    assert lines == [6, 8]


# Growth: time at four times the input is far below the sixteen times of quadratic work.
# The texts vary (shuffled sentences of the fixtures) so that no memo makes the larger
# input cheap; each size is timed twice in one process after a warm-up, the best kept.
GROWTH = """
    import random, time
    from pathlib import Path
    from textlint.checks.spacing.model import clear_shared_caches
    from textlint.engine import Engine, Overrides

    random.seed(7)
    prose = " ".join(p.read_text(encoding="utf-8") for p in sorted(Path("fixtures/correct").glob("*.txt")))
    sentences = [s.strip() + "." for s in prose.replace("\\n", " ").split(". ") if s.strip()]
    words = prose.split()

    def make(size):
        {make}

    engine = Engine(overrides=Overrides(languagetool=False))
    engine.lint("Warm up the lexicons.", "{name}")

    def best(text):
        times = []
        for _ in range(2):
            clear_shared_caches()
            start = time.perf_counter()
            engine.lint(text, "{name}")
            times.append(time.perf_counter() - start)
        return min(times)

    small, large = make({size}), make(4 * {size})
    print(best(large) / best(small))
"""


def growth(make: str, size: int, name: str = "a.txt") -> float:
    code = GROWTH.replace("{make}", make).replace("{size}", str(size)).replace("{name}", name)
    return float(run_within(240, code).strip())


def test_one_long_line_grows_linearly():
    ratio = growth("return ' '.join(random.choice(sentences) for _ in range(size // 80))", 100_000)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


def test_many_paragraphs_grow_linearly():
    ratio = growth("return '\\n\\n'.join(random.choice(sentences) for _ in range(size // 80))", 100_000)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


def test_a_line_of_one_repeated_word_grows_linearly():
    # every pair is a doubled word: findings as many as words
    ratio = growth("return 'word ' * (size // 5)", 100_000)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


def test_a_markdown_table_grows_linearly():
    ratio = growth("""rows = ['| ' + ' | '.join(' '.join(random.choice(words) for _ in range(random.randint(1, 5)))
                               for _ in range(4)) + ' |' for _ in range(size // 60)]
        return '| A | B | C | D |\\n|---|---|---|---|\\n' + '\\n'.join(rows) + '\\n'""", 100_000, "a.md")
    assert ratio < 8, f"4x the table took {ratio:.1f}x the time"


def _spacing_findings(text: str) -> list[tuple]:
    from textlint.checks.spacing.model import clear_shared_caches

    clear_shared_caches()
    engine = Engine(overrides=Overrides(select=["spacing"], languagetool=False))
    return [(d.rule, d.start, d.end, d.message, d.fix) for d in engine.lint(text, "a.txt").diagnostics]


def test_a_long_line_in_pieces_has_the_findings_of_the_whole_line(monkeypatch):
    from pathlib import Path

    from textlint.checks import spacing

    prose = " ".join(p.read_text(encoding="utf-8").replace("\n", " ")
                     for p in sorted(Path("fixtures/correct").glob("*.txt")))
    # run-ons and split words on both sides of many piece ends
    line = " ".join([prose, "the governmentsaid it would gov ernment the plan"] * 8)
    assert len(line) > 4 * spacing.PIECE
    pieces = list(spacing.line_pieces(line))
    assert len(pieces) > 3 and "".join(p for _, p in pieces) == line
    assert all(line[o:o + len(p)] == p for o, p in pieces)
    in_pieces = _spacing_findings(line)
    monkeypatch.setattr(spacing, "PIECE", 10 * len(line))
    assert len(list(spacing.line_pieces(line))) == 1
    whole = _spacing_findings(line)
    assert in_pieces == whole and len(whole) >= 8


def test_a_line_without_punctuation_is_cut_at_spaces():
    from textlint.checks import spacing

    line = "word " * 30_000
    pieces = list(spacing.line_pieces(line))
    assert "".join(p for _, p in pieces) == line
    assert max(len(p) for _, p in pieces) <= spacing.PIECE + spacing.PIECE_REACH + len("word ")


def test_text_pieces_cut_at_whitespace_only():
    from textlint.document import text_pieces

    text = "alpha beta\ngamma  delta " * 10_000
    pieces = list(text_pieces(text, 1000))
    assert "".join(pieces) == text and len(pieces) > 100
    assert all(p[:1].isspace() for p in pieces[1:])
    assert list(text_pieces("short")) == ["short"]
