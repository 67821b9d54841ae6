"""The compiled scans of cleanup.MidSentenceCapital (native/src/capitals.rs) against their Python
twins in textlint/checks/capitals.py: ``_mid_sentence_candidates_py`` (the capitalised words worth
a look, with their matches that start no sentence and their copies that no capitalised word
follows), ``_tokens_py`` (the tokens of a window), ``_capitalised_word_before_py`` (the
capitalised word that ends a window; with ``_judged_by_left`` and ``_judged_by_right``, whether the
words around a match settle it in a name, ``_settled_in_name_py``) and ``_PLAIN_LETTER_NAME`` (a capital letter used as a name): the same words in the same order, the same matches and
tokens (what the rule asks of each), and the same findings of the rule."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks import capitals, prose
from textlint.document import Document
from textlint.engine import Engine, Overrides

pytestmark = pytest.mark.skipif(capitals._ASCII_TOKENS is None or capitals._MID_SENTENCE_CANDIDATES is None
                                or capitals._CAPITALISED_WORD_BEFORE_NATIVE is None,
                                reason="textlint_native (with ascii_tokens, mid_sentence_candidates "
                                "and capitalised_word_before) is not built, "
                                "or is turned off: see native/README.md")

RULE = "cleanup.MidSentenceCapital"
#: What the scan asks of a match's text where a capitalised word stands before or after it (each
#: test passes None for the compiled tables: its own *worth* judges every word).
_JUDGES = (capitals._judged_by_left, capitals._judged_by_right)


def _plain(tokens) -> list[tuple[str, int, int]]:
    """What is asked of each token: its text and span."""
    return [(t.group(), t.start(), t.end()) for t in tokens]


def _matches(candidates) -> list[tuple[str, list[tuple], int]]:
    """What is asked of each word: of each of its matches that start no sentence, its spans and
    texts, whole and word; and its copies that no capitalised word follows."""
    return [(word, [(m.start(), m.end(), m.start(1), m.end(1), m.group(), m.group(1), m[1], m[0])
                    for m in mid], copies) for word, (mid, copies) in candidates.items()]


#: Plain characters (letters, numbers, apostrophes, hyphens and the marks around names among
#: them), and a few that are not plain (which hand the text back to the Python twin).
_PLAIN = list("AaZzQq EeIi' ’-‐.@/_#,\n\u00a0ªµºÀÉÖ×ØÞ"
              "ßéö÷øÿ²¹¼½09“”–⁯")
_WORDS = ["The", "Of", "Deploy", "Party", "Government", "Said", "Russia", "Straße", "État", "Über"]
_NOT_PLAIN = ["İ", "ǅ", "Σ", "⁰", "́"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PLAIN), st.sampled_from(_WORDS), st.just("'s")), max_size=40))
@example(list("Mr Putin's visit to The Party’s Over, A-Team, e.Mail O'Neill's Ab.c Éclair Ø")).via("names")
def test_the_words_worth_a_look_are_those_of_the_python_twin(pieces):
    doc = Document("".join(pieces))
    assert doc.plain
    assert _matches(capitals._mid_sentence_candidates(doc)) == _matches(capitals._mid_sentence_candidates_py(doc))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN + _NOT_PLAIN + ["s", " The", ". So", " A"]), max_size=30).map("".join))
def test_every_capitalised_word_is_found_as_the_plain_twin_finds_it(text):
    # every word worth a look: the matches of _PLAIN_TITLE, by word (None beyond plain text)
    found = capitals._MID_SENTENCE_CANDIDATES(text, text, lambda low: True, frozenset(["party", "é"]),
                                              capitals.HOUSE_STYLE_CAPITALS, capitals.starts_sentence,
                                              capitals._NAME_WORDS, *_JUDGES, None)
    if not Document(text).plain:
        assert found is None
        return
    matches: dict[str, list] = {}
    for m in capitals._PLAIN_TITLE.finditer(text):
        matches.setdefault(m[1], []).append(m)
    expected = {word: ([m for m in ms if not capitals.starts_sentence(text, m.start())],
                       capitals._last_word_copies(text, ms) if word.lower() in ("party", "é") else 0)
                for word, ms in matches.items()}
    assert _matches(found) == _matches({word: found for word, found in expected.items() if found[0]})


def test_the_words_of_the_seed_article_are_those_of_the_python_twin(seed_text):
    doc = Document(seed_text)
    candidates = capitals._mid_sentence_candidates(doc)
    assert doc.plain and len(candidates) >= 5
    assert _matches(candidates) == _matches(capitals._mid_sentence_candidates_py(doc))


def test_a_text_beyond_plain_is_handed_back():
    doc = Document("Russia could Deploy missiles, İstanbul said.")
    assert not doc.plain and capitals._MID_SENTENCE_CANDIDATES(
        doc.text, doc.prose_text, capitals._worth_a_look, capitals._house_nouns(),
        capitals.HOUSE_STYLE_CAPITALS, capitals.starts_sentence, capitals._NAME_WORDS, *_JUDGES, None) is None
    assert _matches(capitals._mid_sentence_candidates(doc)) == _matches(capitals._mid_sentence_candidates_py(doc))
    assert "Deploy" in capitals._mid_sentence_candidates(doc)


def _after_capitalised_word_py(text: str, start: int) -> bool:
    """``_after_capitalised_word(text, start)`` with the Python twin of ``capitalised_word_before``."""
    word = capitals._capitalised_word_before_py(text[max(0, start - capitals.NAME_REACH):start])
    return word is not None and word != "I" and word.lower() != capitals.GREETING_ADJECTIVE


def _settled_in_name_py(text: str, m) -> bool:
    """``_settled_in_name_py(text, m)`` with the Python twin of ``capitalised_word_before``."""
    return _after_capitalised_word_py(text, m.start()) and capitals._judged_by_left(m.group()) \
        or capitals._before_capitalised_word_py(text, m.start(), m.end()) and capitals._judged_by_right(m.group())


#: Words around a capitalised word: names, connectors (two of them, a new phrase after an
#: article), "I", the greeting, words beyond ASCII, and long words that move the window's start.
_NAME_PIECES = ["Bank", "of", "the", "and", "or", "von", "I", "Good", "good", "O'Neill", "Assembly’s",
                "État", "über", "Größe", "Deploy", "x" * 23, "Ébène" * 5, "said"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NAME_PIECES), st.sampled_from(list(" \u00a0\t\r\n,.'’é1"))),
                max_size=60))
@example(["Bank", " ", "of", " ", "the", " ", "Deploy"]).via("connectors")
@example(["x" * 23, " ", "said", " ", "Good", " ", "Deploy"]).via("greeting")
@example(["x", "Bank", "Invited's", "x", "Bank", "Invited", "x"]).via("a possessive judged apart")
def test_the_scan_tells_a_capitalised_word_before_each_match_as_the_python_twin(pieces):
    text = " ".join(pieces)
    doc = Document(text)
    if not doc.plain:
        return
    found = capitals._MID_SENTENCE_CANDIDATES(text, doc.prose_text, lambda low: True, frozenset(),
                                              capitals.HOUSE_STYLE_CAPITALS, capitals.starts_sentence,
                                              capitals._NAME_WORDS, *_JUDGES, None)
    for mid, _ in found.values():
        for m in mid:
            assert m.after_capitalised_word == _after_capitalised_word_py(text, m.start()), (text, m.start())
            assert m.settled_in_name == _settled_in_name_py(text, m), (text, m.start())


@pytest.mark.parametrize("head", ["x", "éé x", "the x", "é"])
@pytest.mark.parametrize("spaces", range(48, 64))
def test_the_scan_reads_the_window_of_the_python_twin_to_its_first_character(head, spaces):
    # the letter before the name at the window's first character, or just outside it
    for name in ("Bank ", "Bank of the ", "Bank and "):
        text = head + " " * spaces + name + "Deploy"
        found = capitals._MID_SENTENCE_CANDIDATES(text, text, lambda low: True, frozenset(),
                                                  capitals.HOUSE_STYLE_CAPITALS, capitals.starts_sentence,
                                                  capitals._NAME_WORDS, *_JUDGES, None)
        (m,), _ = found["Deploy"]
        assert m.after_capitalised_word == _after_capitalised_word_py(text, m.start()), text


def test_the_scan_tells_a_capitalised_word_before_a_match_in_the_seed_article(seed_text):
    doc = Document(seed_text)
    mid = [m for ms, _ in capitals._mid_sentence_candidates(doc).values() for m in ms]
    told = [m.after_capitalised_word for m in mid]
    assert told == [_after_capitalised_word_py(seed_text, m.start()) for m in mid] and any(told)
    settled = [m.settled_in_name for m in mid]
    assert settled == [_settled_in_name_py(seed_text, m) for m in mid] and any(settled) and not all(settled)


def _same(text: str, pos: int, endpos: int) -> None:
    assert _plain(capitals._tokens(text, pos, endpos)) == _plain(capitals._tokens_py(text, pos, endpos))


#: Letters, digits, apostrophes, white space (a no-break space among it), punctuation, control
#: characters, and characters beyond ASCII (which hand the window back to the Python twin).
_ALPHABET = st.sampled_from(list("aZq09'’ \t\n\r\x0b\x0c\x1c\u00a0.,;:-()[]\"&#_\x00\x7féİǅΣ“”–"))


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40), st.data())
@example("Mr Putin's  visit\u00a0to the UN (New York) in 2012, O'Neill's", None).via("a sentence")
@example("rock'n'roll ' 'a a' 9'a a'9 ''", None).via("apostrophes")
@example("", None).via("empty")
def test_the_tokens_of_a_window_are_those_of_the_python_twin(text, data):
    if data is None:
        pos, endpos = 0, len(text)
    else:
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.integers(pos, len(text)))
    _same(text, pos, endpos)


@pytest.mark.parametrize("window", ["é", "a\u2019s", "the İ", "\u00a0\u00a1"])
def test_a_window_beyond_ascii_and_no_break_spaces_is_handed_back(window):
    assert capitals._ASCII_TOKENS(window, 0) is None
    _same(window, 0, len(window))


def test_the_tokens_of_the_seed_article_are_those_of_the_python_twin(seed_text):
    # the windows the rule reads on a real article, recorded, then tokenised by both twins
    calls = []

    def recording(text, pos, endpos):
        calls.append((text, pos, endpos))
        return capitals._tokens_py(text, pos, endpos)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(capitals, "_tokens", recording)
        # (without the shortcut of a capitalised word after a word, _in_name reads more windows)
        patch.setattr(capitals, "_settled_test", lambda candidates, text: lambda m: False)
        Engine(overrides=Overrides(select=[RULE])).lint(seed_text)
    assert len(calls) >= 10
    compiled = [capitals._ASCII_TOKENS(text[pos:endpos], pos) for text, pos, endpos in calls]
    assert sum(tokens is not None for tokens in compiled) >= len(calls) // 2  # (compiled where ASCII)
    for text, pos, endpos in calls:
        _same(text, pos, endpos)


def _compiled_word_before(window: str) -> str | None:
    return capitals._CAPITALISED_WORD_BEFORE_NATIVE(window, capitals._LETTER_CONNECTORS, capitals.ARTICLES,
                                                    capitals._NEW_PHRASE_WORDS)


#: Connectors and other short words of letters after a window's last word, with white space.
_CONNECTED = st.lists(st.sampled_from(["of ", "the ", "and ", "or ", "de ", "a ", "thé ", "The ", "\u00a0", "\t", "x"]),
                      max_size=3).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.text(_ALPHABET, max_size=30), st.sampled_from(["", "The ", "O'Neill ", "x Abc\u00a0", "a\u2009Ab’c\t"]),
       _CONNECTED)
@example("said Russian ", "", "").via("after a word")
@example("", "", "").via("empty")
@example("x 'Neill ", "", "").via("an apostrophe first")
@example("a\n The ", "", "").via("a line break")
@example("x Bank ", "", "of the ").via("two connectors")
@example("x Bank ", "", "and the ").via("and before the")
def test_the_capitalised_word_before_is_that_of_the_python_twin(text, tail, connected):
    window = text + tail + connected
    assert _compiled_word_before(window) == capitals._capitalised_word_before_py(window)


@pytest.mark.parametrize("window, word", [("said Russian ", "Russian"), ("the Russian\u00a0", "Russian"),
                                          ("x O'Neill ", "O'Neill"), ("x O’Neill\u2009", "O’Neill"),
                                          ("a\tAbc\r", "Abc"), ("a  The ", "The"), ("O'Neill ", None),
                                          ("x 'Neill ", None), ("x Neill", None), ("", None), (" ", None),
                                          ("x9 Abc ", None), ("a\n The ", None), ("é Abc ", None),
                                          ("a Abé ", None), ("a aBc ", None), ("a Ab'c'd ", None),
                                          ("x Bank of the ", "Bank"), ("x Bank of ", "Bank"), ("Bank of ", None),
                                          ("x Bank of the of ", None), ("x Bank the and ", "Bank"),
                                          ("x Bank and the ", None), ("x Bank of", None), ("x Bank of\n", None)])
def test_the_capitalised_word_before_a_window_end(window, word):
    assert _compiled_word_before(window) == capitals._capitalised_word_before_py(window) == word


#: Characters around words: the white space ``starts_sentence`` skips, sentence breaks, closing
#: and opening marks, bullets, digits, list markers, letters beyond ASCII and beyond plain text.
_AROUND = st.sampled_from(list(" \t\u00a0\u2009\u202f\u2007\r\n\x0b.!?…:;,\"'“”’)]([-•*_#>|0123a) xé²")
                          + list("»›}{+~^$`<=±°¼¹ª–—‘«„‹·▪\u2044\u00ad\u200b") + ["İ", "ǅ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_AROUND, st.sampled_from(_WORDS + ["A", "I", "So", "1.", "a)", "- [ ]", "🎉"])), max_size=40),
       st.sets(st.integers(0, 200)))
@example(["Russia", " ", "could", " ", "Deploy", ". ", "The", "\n", "Party", "\u00a0", "Said"], set()).via("plain")
@example([], set()).via("empty")
def test_the_matches_that_start_no_sentence_are_those_of_the_python_twin(pieces, blanked):
    doc = Document("".join(pieces))
    doc.prose_text = "".join(" " if i in blanked else c for i, c in enumerate(doc.text))  # (spans blanked)
    # (compiled in plain text, else the Python twin)
    assert _matches(capitals._mid_sentence_candidates(doc)) == _matches(capitals._mid_sentence_candidates_py(doc))


#: What may stand before a capitalised word: white space, sentence breaks, quotes and brackets
#: opening and closing, bullets, dashes, digits, symbols, letters, a task list's box; every
#: character of the sets of textlint/checks/prose.py that the compiled scan answers by itself.
_BEFORE = st.sampled_from(sorted(set(" \t\u00a0\u2009\n.?;:,\"'“”’»›‘«)]}([{_-–•*#=|<>0123²¼aé+~±°\u2044\u00ad")
                                 | prose.SENTENCE_BREAK | prose.OPENERS | prose.CLOSERS | prose.BULLETS)
                          + ["- [ ]", "🎉", "(iv)", "a)"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_BEFORE, max_size=8).map("".join), st.sampled_from(["Deploy", "Party's", "Éclair"]))
@example("x, ", "Deploy").via("after a comma")
@example("(3)” ", "Deploy").via("a list number closed")
@example("x 3” ", "Deploy").via("a number closed")
def test_a_word_is_placed_as_starts_sentence_places_it(before, word):
    # the compiled scan answers starts_sentence's common cases itself: the same matches
    text = "x " + before + word
    found = capitals._MID_SENTENCE_CANDIDATES(text, text, lambda low: True, frozenset(), capitals.HOUSE_STYLE_CAPITALS,
                                              capitals.starts_sentence, capitals._NAME_WORDS, *_JUDGES, None)
    if found is None:  # (beyond plain text)
        return
    matches = [m for m in capitals._PLAIN_TITLE.finditer(text) if not capitals.starts_sentence(text, m.start())]
    assert [(w, [m.start() for m in mid]) for w, (mid, _) in found.items()] \
        == [(w, [m.start() for m in matches if m[1] == w]) for w in dict.fromkeys(m[1] for m in matches)]


@pytest.mark.parametrize("before", ["x, ", "x 12 ", "é ", "x » ", "x.” ", "x” ", "x _ ", "x} ", "\n", "x. ", "x “",
                                    "x\u00a0— ", "x: ", "x\t(“", "x 3) ” ", "x ’’ "])
def test_the_common_places_are_answered_without_python(before):
    def refused(text, pos):
        raise AssertionError(f"starts_sentence asked at {pos} of {text!r}")

    text = before + "Deploy"
    found = capitals._MID_SENTENCE_CANDIDATES(text, text, lambda low: True, frozenset(), capitals.HOUSE_STYLE_CAPITALS,
                                              refused, capitals._NAME_WORDS, *_JUDGES, None)
    assert bool(found) == (not capitals.starts_sentence(text, len(before)))


@pytest.mark.parametrize("pad", range(0, 200, 7))
def test_the_matches_far_into_a_text_beyond_ascii_are_those_of_the_python_twin(pad):
    # (the compiled code finds a code point of text beyond ASCII from marks 64 code points apart)
    doc = Document("“é”" * pad + " Russia could Deploy. The\nParty\u00a0Said x“Deploy” é Party. " * 4)
    assert _matches(capitals._mid_sentence_candidates(doc)) == _matches(capitals._mid_sentence_candidates_py(doc))
    doc.prose_text = doc.text[:pad] + " " * 5 + doc.text[pad + 5:]  # (prose other than the text)
    assert _matches(capitals._mid_sentence_candidates(doc)) == _matches(capitals._mid_sentence_candidates_py(doc))


#: Words around a capitalised word for the words after it: names, a capital and "I", the words
#: after which a capitalised word may be a verb (in any case), words beyond ASCII, digits, an
#: apostrophe's word, and long words that reach past NAME_REACH.
_AFTER_PIECES = ["Bank", "Deploy", "I", "B", "to", "To", "we", "has", "hadn't", "2to", "éto", "o'we", "État",
                 "Über", "x" * 23, "Ébène" * 5, "said", "Invited", "Ab3"]


def _scan(text: str) -> list:
    """The compiled scan's matches of *text* (every capitalised word worth a look)."""
    found = capitals._MID_SENTENCE_CANDIDATES(text, text, lambda low: True, frozenset(),
                                              capitals.HOUSE_STYLE_CAPITALS, capitals.starts_sentence,
                                              capitals._NAME_WORDS, *_JUDGES, None)
    return [m for mid, _ in found.values() for m in mid]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_AFTER_PIECES), st.sampled_from(list(" \u00a0\t\r\n\x0b\x1c,.'’é1-"))),
                max_size=40))
@example(["the", " ", "Deploy", " ", "Bank"]).via("a name")
@example(["we", " ", "Deploy", " ", "Bank"]).via("a verb")
@example(["Deploy", " ", "I", " "]).via("I")
@example(["x", "\u00a0", "the", "\u00a0", "Deploy", " ", "Bank"]).via("a token space before the word before")
@example(["é", "\u00a0", "we", " ", "Deploy", " ", "Bank"]).via("a verb after a token space")
def test_the_scan_tells_a_capitalised_word_after_each_match_as_the_python_twin(pieces):
    text = "".join(pieces)
    if not Document(text).plain:
        return
    for m in _scan(text):
        assert m.before_capitalised_word == capitals._before_capitalised_word_py(text, m.start(), m.end()), \
            (text, m.start())
        assert m.settled_in_name == _settled_in_name_py(text, m), (text, m.start())


@pytest.mark.parametrize("head", ["", "x", "to", "éé to", "\nto", "1", "é"])
@pytest.mark.parametrize("spaces", [0, 1, 20, 56, 57, 58, 59, 60, 61])
def test_the_scan_reads_the_words_around_a_match_to_name_reach(head, spaces):
    for before, after in ((" " * spaces, " Bank"), (" ", " " * spaces + "Bank"), ("\u00a0" * spaces, "\u00a0Ba"),
                          (" ", "\t" * spaces + "Ba")):
        text = head + before + "Deploy" + after
        for m in _scan(text):  # (none where a long run of white space starts a paragraph)
            assert m.before_capitalised_word == capitals._before_capitalised_word_py(text, m.start(), m.end()), text


def test_the_scan_tells_a_capitalised_word_after_a_match_in_the_seed_article(seed_text):
    mid = [m for ms, _ in capitals._mid_sentence_candidates(Document(seed_text)).values() for m in ms]
    told = [m.before_capitalised_word for m in mid]
    assert told == [capitals._before_capitalised_word_py(seed_text, m.start(), m.end()) for m in mid] and any(told)


def _findings(text: str) -> list[tuple[int, int, str]]:
    return [(d.start, d.end, d.message) for d in Engine(overrides=Overrides(select=[RULE])).lint(text).diagnostics]


def test_the_findings_are_those_of_the_python_twin(seed_text, monkeypatch):
    rule = capitals.MidSentenceCapital
    texts = [seed_text] + [e if isinstance(e, str) else e[0] for e in rule.FLAG] + list(rule.OK)
    compiled = [_findings(text) for text in texts]
    monkeypatch.setattr(capitals, "_ASCII_TOKENS", None)
    monkeypatch.setattr(capitals, "_MID_SENTENCE_CANDIDATES", None)
    monkeypatch.setattr(capitals, "_CAPITALISED_WORD_BEFORE_NATIVE", None)
    python = [_findings(text) for text in texts]
    assert any(compiled) and compiled == python


def test_a_difference_is_seen():
    # the comparison fails when a token differs
    class Shifted:
        def __init__(self, token):
            self.token = token

        def group(self):
            return self.token.group()

        def start(self):
            return self.token.start() + 1

        def end(self):
            return self.token.end()

    text = "the Deploy order"
    with pytest.raises(AssertionError):
        assert _plain(map(Shifted, capitals._tokens(text, 0, len(text)))) == _plain(capitals._tokens_py(text, 0, len(text)))


#: Characters around a capital used as a name: letters (capitals among them: "I" and "A" are no
#: such names), numbers, the marks that glue a letter to a word, spaces and brackets.
_AROUND_LETTERS = list("ABHIJQZ aèß9²'’-‐.,()\n\u00a0É")


@pytest.mark.skipif(capitals._LETTER_NAME_NATIVE is None, reason="textlint_native.letter_name is not built")
@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_AROUND_LETTERS), max_size=12))
@example('')
@example('B')
@example('xB')
@example('B.')
@example('I')
@example('A')
@example('J')
@example('(Z)')
@example('-B')
@example('B’')
@example('2B')
@example('ÉB')
@example('B‐x')
@example('a B c')
def test_a_letter_name_is_found_as_the_plain_twin_finds_it(text):
    assert Document(text).plain
    assert capitals._LETTER_NAME_NATIVE(text) is (capitals._PLAIN_LETTER_NAME.search(text) is not None) \
        is (capitals._LETTER_NAME.search(text) is not None)
