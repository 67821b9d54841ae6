"""cleanup.LineBreakInSentence."""

from __future__ import annotations

from cleanup_helpers import fixed, found
from hypothesis import given
from hypothesis import strategies as st

from textlint.checks.linebreaks import _BREAK, _breaks

RULE = "cleanup.LineBreakInSentence"
HEAD = "Headline\n\nThe first paragraph is one line.\n\n"


def test_flags_a_break_inside_a_sentence_and_joins_the_lines():
    text = HEAD + "Russia’s role in the development plan\nEconomic-social of Cuba.\n\nLast one."
    assert found(RULE, text) == ["plan\nEconomic-social"]
    assert fixed(RULE, text, unsafe=False) == text.replace("plan\nEconomic", "plan Economic")


def test_crlf_breaks_are_joined_too():
    text = HEAD.replace("\n", "\r\n") + "The letter said,\r\nin part: thanks.\r\n\r\nEnd."
    assert found(RULE, text) == ["said,\r\nin"]
    assert "said, in part" in fixed(RULE, text, unsafe=False)


def test_breaks_after_a_sentence_end_or_in_lists_are_left_alone():
    assert found(RULE, HEAD + "It ended.\nA new line starts here.\n\nEnd.") == []
    assert found(RULE, HEAD + "We need:\n- bread\n- milk\n\nEnd.") == []
    assert found(RULE, HEAD + "Items:\n1. bread\n2. milk\n\nEnd.") == []


def test_hard_wrapped_text_is_left_alone():
    para = ("A hard-wrapped paragraph whose lines all end near\nthe same width, as e-mail "
            "and plain-text files do,\nis not a defect at all in such a file.\n\n")
    assert found(RULE, para * 4) == []


def test_stray_breaks_of_similar_width_in_long_one_line_paragraphs_are_flagged():
    # three breaks that happen to end near the same width do not make a text of long
    # one-line paragraphs hard-wrapped: no line of a text wrapped at that width is longer
    long = ("This paragraph is written on a single line, as the page had it, and it is "
            "much longer than any of the broken lines below.\n\n")
    broken = ["The talks covered trade and the\nenergy sector in some detail.\n\n",
              "The ministers agreed to meet\nagain in the spring of next year.\n\n",
              "The President thanked his host\nfor the warm welcome he received.\n\n"]
    text = long * 4 + "".join(broken) + long
    assert found(RULE, text) == ["the\nenergy", "meet\nagain", "host\nfor"]


def test_a_short_title_line_over_a_subtitle_is_left_alone():
    text = HEAD + "Apache License\nVersion 2.0, January 2004\n\nThe terms follow.\n\nEnd."
    assert found(RULE, text) == []


def test_a_break_beside_a_line_too_long_for_any_wrap_width_is_flagged_in_any_layout():
    # one paragraph: the layout is unknown, but no hard-wrapped text has a 200-character line
    text = ("Taking part in the meeting were\nPrime Minister Dmitry Medvedev, Federation Council "
            "Speaker Valentina Matviyenko, State Duma Speaker Sergei Naryshkin, Chief of Staff "
            "Sergei Ivanov and Security Council Secretary Nikolai Patrushev.")
    assert found(RULE, text) == ["were\nPrime"]
    # short lines of unknown layout stay alone, and so does technical writing
    assert found(RULE, "Taking part in the meeting were\nPrime Minister Dmitry Medvedev.") == []
    code = "Call fs.open(), then fs.read_file() and fs.close(), and sys.exit() at the end.\n"
    assert found(RULE, code + text) == []


def test_one_paragraph_per_line_without_blank_lines_is_left_alone():
    text = "One sentence per line in a corpus\nfile without any blank line\nis left alone\n"
    assert found(RULE, text) == []


def test_a_word_hyphenated_at_the_break_is_joined_into_one_word():
    text = HEAD + "The develop-\nment of the region was discussed.\n\nLast one."
    assert found(RULE, text) == ["develop-\nment"]
    assert "The development of the region" in fixed(RULE, text, unsafe=False)


def test_a_compound_broken_at_the_hyphen_keeps_its_hyphen():
    text = HEAD + "It is a well-\nknown plan of Díaz-\nCanel for the region.\n\nLast one."
    out = fixed(RULE, text, unsafe=False)
    assert "a well-known plan of Díaz-Canel for" in out


def test_a_suspended_hyphen_at_the_break_keeps_its_space():
    text = HEAD + "We saw the pre-\nand post-war plans.\n\nLast one."
    assert "the pre- and post-war plans" in fixed(RULE, text, unsafe=False)


def test_an_indented_next_line_is_left_alone():
    text = HEAD + "It has more commands:\n  open multiple\n  append\n\nLast one."
    assert found(RULE, text) == []


def test_technical_writing_keeps_its_line_layout():
    """reStructuredText in a text file (headings over underlines, code, lists, hard-wrapped
    paragraphs) is technical writing: its lines are laid out by the author."""
    body = ("Usage\n-----\n\nInstall it, then call sys.exit() or tool.main().\n\n"
            "Run the tool in all files of the current\ndirectory, and set tab_width first.\n\n"
            "See setup.py and config_file.\n\nLast one.")
    assert found(RULE, HEAD + body) == []
    plain = body.replace("sys.exit() or tool.main()", "the tool").replace("set tab_width", "read the help") \
        .replace("setup.py and config_file", "the guide")
    assert found(RULE, HEAD + plain) == ["current\ndirectory,"]


def test_a_text_whose_lines_never_pass_its_break_width_is_left_alone():
    """A README wrapped at 72 columns with short one-line paragraphs, a list and code: most of
    its broken lines do not reach the margin, but no line runs past it, so nothing shows a
    paragraph written on one line (75 joins on the READMEs of bench/debian.py)."""
    text = ("Building\n\nYou will need a C compiler, make, pkg-config and a\n"
            "suitable yacc (yacc or bison) to build the program from source.\n\n"
            "To build and install, run the configure script and then make.\n\n"
            "    ./configure && make\n\n"
            "Bug reports and code contributions are most welcome. Please send\n"
            "them to the mailing list.\n\nThanks.")
    assert found(RULE, text) == []
    # one paragraph on a line longer than the breaks: the text shows its layout
    long = ("This paragraph is written on a single line, as the page had it, and it is "
            "much longer than any of the broken lines in this text.\n\n")
    assert found(RULE, long + text) == ["a\nsuitable", "send\nthem"]


@given(st.text(alphabet=" \t\r\n\u00a0\u2003\x85\x1cxé", max_size=30), st.data())
def test_breaks_are_the_pattern_s_matches(text, data):
    """_breaks finds what a scan of _BREAK finds, between any bounds."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [m.span() for m in _breaks(text, start, end)] == \
        [m.span() for m in _BREAK.finditer(text, start, end)]
