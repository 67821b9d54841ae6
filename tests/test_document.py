"""The document model: positions, paragraphs, sentences, words, non-prose spans."""

from __future__ import annotations

import bisect
import random
from pathlib import Path

import regex

from textlint.document import Document


def test_position_is_one_based_and_counts_code_points():
    doc = Document("Raúl 🙂 x\nsecond line\r\nthird")
    assert doc.position(0) == (1, 1)
    assert doc.position(7) == (1, 8)  # the emoji is one code point
    assert doc.position(9) == (2, 1)
    assert doc.line_text(2) == "second line"
    assert doc.position(len(doc.text)) == (3, 6)


def test_paragraphs_are_separated_by_blank_lines():
    doc = Document("Title\n\nFirst para\ncontinues.\n \u00a0\nSecond.\n")
    paras = [doc.text[p.start:p.end] for p in doc.paragraphs]
    assert paras == ["Title", "First para\ncontinues.", "Second."]


def test_sentences_respect_abbreviations_and_initials():
    doc = Document("Mr. Smith met the U.S. envoy J. Doe on Monday. Then he left! “Was it late?” Yes.")
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["Mr. Smith met the U.S. envoy J. Doe on Monday.", "Then he left!",
                         "“Was it late?”", "Yes."]


def test_abbreviations_come_from_data_and_exclude_words():
    # pySBD's abbreviations (scripts/build_abbreviations.py): "Blvd." and "Sgt." go on; "etc."
    # is a word in LanguageTool's dictionary, and a period after it may end a sentence
    doc = Document("He lives on Sunset Blvd. Hollywood is near. Sgt. Doe has pens, ink, etc. "
                   "Nothing else.")
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["He lives on Sunset Blvd. Hollywood is near.", "Sgt. Doe has pens, ink, etc.",
                         "Nothing else."]


def test_sentence_does_not_end_before_lowercase_or_glued_text():
    doc = Document("It was 3.5 per cent, e.g. low. Near Russia.Months ago it fell.")
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["It was 3.5 per cent, e.g. low.", "Near Russia.Months ago it fell."]


def test_words_keep_unicode_apostrophes_and_hyphens():
    doc = Document("Miguel Díaz-Canel, Russia’s and We're rock ’n’ roll, 2030 and\u00a0the Commander-in-Chief")
    words = [w.text for w in doc.words]
    assert "Díaz-Canel" in words and "Russia’s" in words and "We're" in words
    assert "2030" in words and "the" in words and "Commander-in-Chief" in words
    assert doc.vocabulary["and"] == 2


def test_urls_and_emails_are_not_prose():
    doc = Document("See https://example.com/a.b, write to me@example.org or visit www.kremlin.ru now.")
    ignored = [doc.text[s.start:s.end] for s in doc.ignored]
    assert ignored == ["https://example.com/a.b", "me@example.org", "www.kremlin.ru"]
    assert doc.is_ignored(doc.text.index("example"), doc.text.index("example") + 3)
    assert not doc.is_ignored(0, 3)


def test_domain_names_end_in_a_top_level_domain_that_is_no_word():
    """data/tlds.txt (scripts/build_tlds.py, from the Public Suffix List) leaves out the
    top-level domains that are English words: "today" and "in" are domains too, but a
    sentence glued after a period ("end.Today", "left.In") stays prose."""
    doc = Document("Read kremlin.ru, example.com and bbc.co.uk daily. The end.Today we left.In May.")
    assert [doc.text[s.start:s.end] for s in doc.ignored] == ["kremlin.ru", "example.com", "bbc.co.uk"]


def test_plain_text_headings_are_guessed():
    doc = Document("Russia steps up military cooperation with Cuba, Lavrov announces\n\nDuring his visit, he spoke.")
    assert [doc.text[h.start:h.end] for h in doc.headings] == [
        "Russia steps up military cooperation with Cuba, Lavrov announces"]
    assert doc.in_heading(3) and not doc.in_heading(len(doc.text) - 3)


def test_a_title_case_question_of_its_own_is_a_heading():
    """A one-line question or exclamation whose every word is capitalised is a title; one in
    sentence case, or one that is part of a longer paragraph, is a sentence."""
    doc = Document("What Happened?\n\nWhat happened?\n\nHe asked. Why Now?\n\nWhy Now And Then!")
    assert [doc.text[h.start:h.end] for h in doc.headings] == ["What Happened?", "Why Now And Then!"]


def test_sentence_at():
    doc = Document("One two. Three four.")
    s = doc.sentence_at(10)
    assert doc.text[s.start:s.end] == "Three four."


def test_technical_writing_is_recognised_in_linear_time():
    """Pathological runs ("a.a.a.", "{a|a|", "__a__a") once took minutes (backtracking)."""
    from textlint.document import Document

    for text in ("a." * 50_000, "{" + "a|" * 50_000, "__a" * 50_000, "a()" * 50_000, "1." * 50_000,
                 "v1 " * 50_000):
        Document(text).technical  # noqa: B018 - must return promptly
    assert Document("Call sys.exit() and set tab_width in idlelib.config.main now.").technical
    assert not Document("The President met the Prime Minister in Moscow.").technical


def test_version_numbers_are_code_tokens():
    """Release notes head their sections with version numbers: technical writing, where camel
    case names code ("Add NewFromInt initializer"); a date or a decimal number is no version."""
    from textlint.document import Document

    notes = "## v1.4.0\n- Add NewFromInt\n\n## v1.3.1\n- Fix Copy\n\n## [1.3.0](x)\n- Add RoundCash\n"
    assert Document(notes, kind="markdown").technical
    assert not Document("On 05.12.26 and on 5.12.2026 prices rose 3.5 per cent, 1.10 times. " * 3).technical


def test_snake_case_names_are_counted_as_the_plain_pattern_counts_them():
    """The snake_case code token is found at its first underscore (a look-behind reads the word
    before it); it matches where the pattern tried at every word does, and ends there too."""
    from textlint.document import _CODE_TOKENS

    plain = regex.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
    snake = _CODE_TOKENS["_"]
    texts = ["tab_width a_b_c x__init__ __init__ a_b-c_d Xab_c 9ab_c ab9_ _x a_", "é_x ab_é a\u0301b_c",
             "set tab_width in idlelib.config, call is_ok_2 and snake_Case or a_B"]
    rng = random.Random(14)
    texts += ["".join(rng.choice("ab9_ Z-é.\n_x\u0301") for _ in range(rng.randint(0, 16))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in snake.finditer(text)] == \
            [(m.start() + m.group().index("_"), m.end()) for m in plain.finditer(text)], text


def test_the_sentence_at_a_place_is_found_by_splitting_its_paragraph_alone():
    # Document.sentence_at splits only the paragraph asked about; it answers as a look-up in
    # the sentences of the whole text does
    seed = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    for text in [seed, "", "\n\n", "A. B.\n\n  C d. E f!  \n\n\nG", "  x\n \nMr. Smith went. He did.\n\n"]:
        whole = Document(text).sentences
        starts = [s.start for s in whole]
        doc = Document(text)
        for offset in range(-1, len(text) + 2):
            i = bisect.bisect_right(starts, offset) - 1
            assert doc.sentence_at(offset) == (whole[i] if i >= 0 and offset < whole[i].end else None), (text, offset)
        assert "sentences" not in vars(doc)  # the whole text was never split


def test_the_vocabulary_counts_the_words_of_the_prose():
    """Document.vocabulary counts the chunks between spaces and cuts each other chunk into words
    once (letters between marks without the pattern): the counts of every WORD of the prose."""
    from collections import Counter

    from textlint import document

    assert not any(document.WORD.match(c) for c in document._AROUND_WORDS + document._SPLIT_AT)
    rng = random.Random(30)
    pieces = ["the", "The", "é", "e\u0301", "Ab", "2010", "²", "x1", "it’s", "it's", "’", "'", "-", "‐", "e-mail",
              ",", ".", "(", ")", "“", "”", "«", "…", "_", "ǅ", "ı", "ß", "ﬁ", "\u200b", "\u00ad", "/", "a.b.com",
              "see.py", "https://x.org/a-b", '"', "--", "''", "’'", "١٢", "㆒", "Ⅻ", " ", " ", "  ", "\n", "\u00a0", "\t", "\u3000", "\x1c"]
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60)))
        doc = Document(text)
        expected = Counter(document.WORD.findall(doc.prose_text))
        for start, end in doc._name_tokens:
            expected.update(document.WORD.findall(text, start, end))
        assert doc.vocabulary == expected, text
        assert all(doc.vocabulary.values())
        found += len(expected)
    assert found > 10000


def test_plain_characters_are_classed_as_regex_classes_them():
    # the plain twins of patterns (names._PLAIN_NAME, capitals._PLAIN_TITLE) hold classes of plain
    # characters in place of the Unicode classes
    import re

    from textlint import document

    plain = [chr(c) for c in [*range(0x100), *range(0x2000, 0x2070)]]
    assert all(document.plain(c) for c in plain)
    assert not any(document.plain(chr(c)) for c in [*range(0x100, 0x2000), *range(0x2070, 0x3000)])
    for c in plain:
        assert not regex.match(r"\p{M}", c), c
        assert bool(regex.match(r"\p{L}", c)) == bool(re.match(f"[{document.PLAIN_LETTERS}]", c)), c
        assert bool(regex.match(r"\p{Lu}", c)) == bool(re.match(f"[{document.PLAIN_CAPITALS}]", c)), c
        assert bool(regex.match(r"\p{Ll}", c)) == bool(re.match(f"[{document.PLAIN_SMALL}]", c)), c
        assert bool(regex.match(r"\p{N}", c)) == bool(re.match(f"[{document.PLAIN_NUMBERS}]", c)), c


def test_a_document_is_plain_as_its_text_is():
    from textlint import document

    for text in ("", "abc", "Zoë’s café – “quoted”\u00a0here", "x\u2070", "Łódź", "a € b", "a\u2009b"):
        assert Document(text).plain == document.plain(text) == all(document.plain(c) for c in text), text
