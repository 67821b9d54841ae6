"""The prose of manual pages as `man` shows it (bench/manpages.py): the syntax of the command
line (long and one-letter options, manual references, paths) marks technical writing, a mark that is named is no punctuation, a term written the same
way again is no safe cut, curly quotes around a mark pair up, and a capital after a backquote
or an angle bracket starts a quotation or a name. Each with the slip that is still found."""

from __future__ import annotations

import pytest

from cleanup_helpers import found
from textlint.diagnostics import Applicability
from textlint.document import Document
from textlint.engine import Engine, Overrides

ENGINE = Engine(overrides=Overrides(languagetool=False))

#: Sentences of a manual page, with long options, manual references and paths.
MANUAL = ("Read the passphrase from the file given with --passphrase-file and write the status "
          "to the descriptor given with --status-fd. See gpg-agent(1) and the file "
          "/etc/gnupg/gpg.conf for the defaults. ")


def applicabilities(text: str, rule: str) -> dict[str, Applicability]:
    return {text[d.start:d.end]: d.fix.applicability for d in ENGINE.lint(text).diagnostics
            if d.rule == rule and d.fix}


@pytest.mark.parametrize("text", [
    MANUAL,
    "It uses termcap (see vi(1) and sources.list(5)) and reads /usr/share/misc/magic at start.",
    "Pass --no-act to dpkg(1) and look in /var/lib/dpkg/info for the lists.",
    "With -e, such entries are skipped; -s sets the signal and -r reads the names as patterns.",
])
def test_the_syntax_of_the_command_line_marks_technical_writing(text):
    assert Document(text).technical


@pytest.mark.parametrize("text", [
    "The President and/or his aides met 24/7 at the office -- and left on 1/2/2003.",
    "Prices rose by half (1) and fell again (2) in the second quarter of the year.",
    "The board met on Monday -- the first time since March -- and agreed a plan.",
    "It won 3-1 and -5 degrees froze the pitch; PACS: 11.25.-w, 11.30.-j, 03.67.-a.",
])
def test_news_is_no_technical_writing(text):
    assert not Document(text).technical


def test_options_in_a_manual_are_no_stray_hyphens_and_its_terms_no_safe_cuts():
    text = MANUAL + "That mode is no longer supported. Use -perm /mode instead of the old syntax."
    assert found("cleanup.StrayHyphen", text) == []
    news = "That mode is no longer supported. -Perm was dropped in the old syntax."
    assert found("cleanup.StrayHyphen", news) == ["-Perm"]


@pytest.mark.parametrize("text", [
    "The variable is used during execution of a script executed by . or source. Then it stops.",
    "This means that find . -name afile -print will never print the file.",
    "A : separates the event specification from the word designator.",
    "The shell used to execute the ! command expands the file names.",
    "Fully numeric names and names . or .. are also disallowed here.",
])
def test_a_mark_that_is_named_is_no_punctuation(text):
    assert found("cleanup.SpaceBeforePunctuation", text) == []


@pytest.mark.parametrize("text, flagged", [
    ("Putin said so , and left .", [" ,", " ."]),
    ("He left . Then he came back .", [" .", " ."]),
    ("What did he say ? Nothing at all.", [" ?"]),
])
def test_a_tokenizers_space_before_a_mark_is_still_found(text, flagged):
    assert found("cleanup.SpaceBeforePunctuation", text) == flagged


def test_a_term_the_document_writes_again_is_cut_only_unsafely():
    text = ("Each manual page has a short description. whatis searches the manual page names "
            "and displays them. By default, whatis uses the search path of man. This option "
            "causes whatis to be slower.")
    assert set(applicabilities(text, "spacing.RunOnWord").values()) == {Applicability.UNSAFE}
    once = "Cooperation is developing successfullyas agreed by both sides."
    assert applicabilities(once, "spacing.RunOnWord") == {"successfullyas": Applicability.SAFE}
    # a long corrupt text glues a pair twice by chance: still cut safely
    twice = ("The study hasidentified the first case. Later, the agency hasidentified a second "
             "one in the same region.")
    assert set(applicabilities(twice, "spacing.RunOnWord").values()) == {Applicability.SAFE}


@pytest.mark.parametrize("text", [
    "The meta-characters are “!”, “*”, “?”, and “[”. They lose their meanings if quoted.",
    "The primary prompt string defaults to “$ ”, unless you are the superuser.",
    "The end of the class is indicated by a “]”; the “(” before the pattern is optional.",
    "It preserves the old copy, with extension “-old”, before replacing it.",
])
def test_curly_quotes_around_a_mark_pair_up(text):
    assert found("cleanup.UnpairedQuote", text) == []


def test_a_curly_mark_facing_the_wrong_way_is_still_found():
    text = "It will first purge package “foo” and then try to purge package ”--no-act”, as asked."
    assert found("cleanup.UnpairedQuote", text)


@pytest.mark.parametrize("text", [
    "Then press the <Return> key to start the search in the current directory.",
    "Press the <Up> or <Down> keys repeatedly to move to the desired field.",
    "When the mail is read, the message ``The mail in mailfile has been read'' is shown.",
    "All access will return the error ``Not Implemented'' if this option is used.",
])
def test_a_capital_after_a_backquote_or_an_angle_bracket_is_no_mid_sentence_capital(text):
    assert found("cleanup.MidSentenceCapital", text) == []


def test_a_mid_sentence_capital_is_still_found_after_other_brackets():
    text = "If multiple versions are found on the machine, then The user must set the option."
    assert found("cleanup.MidSentenceCapital", text) == ["The"]


def test_a_hyphen_before_a_capitalised_word_in_a_manual_is_deleted_only_unsafely():
    text = MANUAL + "The data of this repository is considered valid. -Max can be especially useful here."
    assert applicabilities(text, "cleanup.StrayHyphen") == {"-Max": Applicability.UNSAFE}
    news = "The data of this repository is considered valid. -Military ties can be useful here."
    assert applicabilities(news, "cleanup.StrayHyphen") == {"-Military": Applicability.SAFE}


@pytest.mark.parametrize("text", [
    'Set a comma-separated list of options, e.g. "-O bg=light,python=cool", for the formatter.',
    "The format lists each atom <value,name> pair, printed in that order.",
])
def test_a_comma_inside_settings_or_angle_brackets_is_code(text):
    assert found("cleanup.MissingSpaceAfterPunctuation", text) == []


def test_a_comma_glued_between_words_is_still_found():
    assert found("cleanup.MissingSpaceAfterPunctuation", "They used the icons,such as the flag.") == ["icons,such"]


def test_the_benchmark_keeps_a_pages_prose_and_drops_its_tags_and_code():
    """bench/manpages.py: a tag is set apart from its paragraph, unfilled text is dropped."""
    import shutil
    import sys
    from pathlib import Path

    if not shutil.which("groff"):
        pytest.skip("groff is not installed")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import manpages

    page = "\n".join([
        ".TH DEMO 1", ".SH NAME", "demo \\- show a page", ".SH DESCRIPTION",
        "Demo reads the files given on the command line", "and prints a summary of each one.",
        ".TP", ".B J", "Like j, but continues to scroll beyond the end of the file.",
        ".IP \"h or H\"", "Help: display a summary of these commands and leave.",
        ".PP", ".nf", "demo \\-a file1", "demo \\-b file2", ".fi",
        ".SH SEE ALSO", "Read more(1) and less(1) for the other pagers of the system.", ""])
    assert manpages.prose(manpages.render(page)) == [
        "Demo reads the files given on the command line and prints a summary of each one.",
        "Like j, but continues to scroll beyond the end of the file.",
        "Help: display a summary of these commands and leave."]
