"""The scans tried only at their seams find what a full scan finds (textlint/anchored.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from textlint import document
from textlint import anchored
from textlint.checks import capitals, hyphens, names, quotes
from textlint.checks.spacing import glued, marks, punctuation
from textlint.anchored import (
    finditer_at_characters,
    finditer_at_runs,
    matches_at_runs,
    matches_found,
    places_of,
)
from textlint.document import Document

ANCHORED = {
    "glued lowercase period": (marks._GLUED_LOWER, marks._GLUED_LOWER_AT),
    "a word, a comma and an interjection": (quotes._WORD_COMMA_INTERJECTION, quotes._WORD_COMMA_INTERJECTION_AT),
    "the article A between lowercase words": (capitals._ARTICLE_A, capitals._ARTICLE_A_AT),
    "the determiner No between lowercase words": (capitals._DETERMINER_NO, capitals._DETERMINER_NO_AT),
    "a date's comma glued to the year": (marks._GLUED_YEAR, marks._GLUED_YEAR_AT),
    "a hyphenated compound with its first part capitalised": (capitals._COMPOUND, capitals._COMPOUND_AT),
    "a version number": (document._VERSION, document._VERSION_AT),
    "a spaced abbreviation": (marks._SPACED_ABBREVIATION, marks._SPACED_ABBREVIATION_AT),
}

TRICKY = (
    "I 'm here, o' clock , and  ,x  ;y e.just so ab.cd.ef x , y .\n a ' ’b a’  b x\t, y\u00a0;z"
    " ,, ; ;a ''b it’ s don 't Ph. D. word\u00a0, end .\n(a , b) ab’ ’cd é. ölçü.şu 'x' ’y’ ."
    " like, Well, Yes, no said,  OK! 9said, Well, ab_c, Yes, éa, Oh, x, Ok,Well, said,\u00a0WELL, like, well,"
    " forwarded A telegram, a A A b, xyA A c, Éa A b, ab\u00a0A\u00a0cd, o-a A b, a A Bc, a  A b, a A-b a A b"
    " makes No sense, a No No b, xyNo No c, ab\u00a0No\u00a0cd, o-a No b, a No Bc, a  No b, a No-b a No b.c No"
    " v1.4 1.6.0 05.12.26 5.12.2026 0.1.2 10.1.2 1234.5.6 dev1.2.3 xv1.2 v.1.2 a1.2.3 1.2.3.4 .1.2 v12.3x 7.1 1.2.3a"
    " June 16,1963 Jan. 5,20201 xMay 5,2020 Ma 12,1234,5 Dé 123,4567 Oct\u00a01,1999. MayJune 3,2001 a 1,2000"
    " local Self-government, Anti-corruption-like Xa-b-Cd Ab-cd's -Ab-cd Ab--cd AB-cd Éa-bc Ab-cdé Ab-c.d")


def _texts() -> list[str]:
    rng = random.Random(14)
    alphabet = "ab AZé.,;:!?'’ \u00a0\t\n)x"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(200)]
    seed = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    # months, days and years; hyphenated compounds
    words = ["May", "Jan", "Éa", "ab", "Ab", "AB", "12", "1", "1234", "-", "-", ",", ",", ".", " ", " ", "\u00a0",
             "'s", "é", "x"]
    fuzz += ["".join(rng.choice(words) for _ in range(120)) for _ in range(200)]
    dates = [rng.choice(["May", "Jan.", "xMay", "Éa", "MAy", "a"]) + rng.choice([" ", "\u00a0", "  ", "", "."])
             + rng.choice(["1", "12", "123", "x"]) + rng.choice([",", ", ", ""])
             + rng.choice(["1234", "12345", "123", "1234,5", "1234.5", "1234x"]) for _ in range(2000)]
    fuzz += [" ".join(dates[k:k + 20]) for k in range(0, len(dates), 20)]
    return [TRICKY, seed, *fuzz]


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_anchored_scan_finds_what_finditer_finds(name: str) -> None:
    pattern, (seam, run) = ANCHORED[name]
    found = 0
    for text in _texts():
        full = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer_at_runs(pattern, seam, run, text)] == full
        found += len(full)
    assert found > 0  # the texts hold matches of every pattern


#: Patterns tried at the places of Document.mark_seams (marks.after_spaced_marks), with the
#: pattern of their seams that the places stand for.
AFTER_SPACED_MARKS = {
    "swapped comma": (marks._SWAPPED, marks._SWAPPED_AT, r"(?<=[ \u00a0])[,;]"),
    "space before a mark": (marks._SPACE_BEFORE, marks._SPACE_BEFORE_AT, r"(?<=[^\S\r\n])[,;:!?.]"),
    "space before a comma or period": (punctuation.SPACE_BEFORE_MARK, punctuation.SPACE_BEFORE_MARK_AT,
                                       r"(?<= )[,.;]"),
}


@pytest.mark.parametrize("name", sorted(AFTER_SPACED_MARKS))
def test_scan_after_spaced_marks_finds_what_finditer_finds(name: str, monkeypatch) -> None:
    monkeypatch.setattr(document, "SPARSE_SEAMS", 1)  # the seams of every text kept
    pattern, at, seam = AFTER_SPACED_MARKS[name]
    found = 0
    for text in [*_texts(), "a\u2003, b\u3000. c \x85; d\x1c, e\r, f\n."]:
        doc = Document(text)
        seams = [p for p in doc.mark_seams
                 if text[p] in at[0] and (text[p - 1] in at[1] if at[1] else text[p - 1].isspace())]
        assert seams == [m.start() for m in regex.finditer(seam, text)]
        full = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in marks.after_spaced_marks(pattern, at, doc)] == full
        found += len(full)
    assert found > 0


def test_spaced_apostrophes_are_found_after_the_words_before_apostrophes() -> None:
    apostrophes, run = marks._SPACED_APOSTROPHE_AT
    found = 0
    for text in _texts():
        full = [(m.span(), m.groups()) for m in marks._SPACED_APOSTROPHE.finditer(text)]
        assert list(places_of(text, apostrophes)) == [m.start() for m in regex.finditer("['’]", text)]
        assert [(m.span(), m.groups()) for m in matches_at_runs(marks._SPACED_APOSTROPHE, places_of(text, apostrophes),
                                                                run, text)] == full
        assert [(m.span(), m.groups()) for m in marks._spaced_apostrophes(text)] == full
        found += len(full)
    assert found > 0


def test_glued_marks_are_found_at_their_seams(monkeypatch) -> None:
    # MissingSpaceAfterPunctuation tries its three patterns of a glued mark at the glued places of
    # Document.mark_seams
    monkeypatch.setattr(document, "SPARSE_SEAMS", 1)  # the seams of every text kept
    found = 0
    for text in [*_texts(), "a.Bc ab.Cd x,y ab;é ab:Xy ab!Ab dusk.A pale ab.I do ab,éa ÀB.Cd"]:
        doc = Document(text)
        glued = [p for p in doc.mark_seams if not text[p - 1].isspace()]
        assert glued == [m.start() for m in regex.finditer(r"(?<=\p{Ll})[.!?:,;](?=\p{L})", text)]
        assert doc.mark_seams_by_side == (glued, [p for p in doc.mark_seams if text[p - 1].isspace()])
        for pattern in (marks._GLUED_SENTENCE, marks._GLUED_LETTER, marks._GLUED_COMMA):
            full = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in marks._glued(pattern, doc)] == full
            found += len(full)
        # and _GLUED_LOWER at the periods among them
        full = [(m.span(), m.groups()) for m in marks._GLUED_LOWER.finditer(text)]
        assert [(m.span(), m.groups()) for m in marks._glued_lower(doc)] == full
        found += len(full)
    assert found > 0


def test_glued_lower_periods_are_found_with_and_without_seams(monkeypatch) -> None:
    texts = ["", "checking.just paste it", "ab.cd ef x.yz ab.Cd éa.ça va ab.cd.ef gh", "a.b" * 300 + " ab.cd ef"]
    for text in [*_texts(), *texts]:
        doc = Document(text)
        full = [(m.span(), m.groups()) for m in marks._GLUED_LOWER.finditer(text)]
        assert [(m.span(), m.groups()) for m in marks._glued_lower(doc)] == full
    assert Document(texts[-1]).mark_seams_by_side is None


def test_a_text_dense_in_marks_keeps_no_seams() -> None:
    text = "ab.cd ef.gh, x.y " * 100
    assert Document(text).mark_seams is None
    assert Document("A sentence, and another. " * 100).mark_seams is not None
    doc = Document(text + "x ,y . ab.Cd ab,cd")  # (the rules scan it with their patterns)
    found = 0
    for pattern, at, _ in AFTER_SPACED_MARKS.values():
        full = [m.span() for m in pattern.finditer(doc.text)]
        assert [m.span() for m in marks.after_spaced_marks(pattern, at, doc)] == full
        found += len(full)
    for pattern in (marks._GLUED_SENTENCE, marks._GLUED_COMMA):
        full = [m.span() for m in pattern.finditer(doc.text)]
        assert [m.span() for m in marks._glued(pattern, doc)] == full
        found += len(full)
    assert found >= 4
    assert marks._spaced_by_style(Document(" ; " * 4 + text)) == frozenset(";")


def test_runs_after_an_article_are_found_where_they_may_start() -> None:
    # capitals._article_runs tries _ARTICLE_RUN only after an article and its spaces
    rng = random.Random(18)
    alphabet = ["the", "a", "an", "The", "A", "x", "Big", "É", "Ünal", " ", " ", "\u00a0", "-", "’", "2", "th", "e"]
    fuzz = ["".join(rng.choice(alphabet) for _ in range(150)) for _ in range(300)]
    found = 0
    for text in [TRICKY, "a the Big Apple-pie, an  Ünal\u00a0Ode, thea B, xa B, the 2 Cs", *_texts()[1:], *fuzz]:
        full = [(m.span(), m.groups()) for m in capitals._ARTICLE_RUN.finditer(text)]
        assert [(m.span(), m.groups()) for m in capitals._article_runs(text)] == full, text
        found += len(full)
    assert found > 100


def test_unquoted_speeches_are_found_where_first_person_sentences_start() -> None:
    # quotes._unquoted_speeches tries the long pattern only at "I" and "We" that start a sentence
    # and go on to a capital before the sentence's first mark
    rng = random.Random(3)
    words = ["I", "We", "WE", "we", "I’m", "We're", " ", ". ", "\n", "said", "Putin", "Mr", "in", "an", "told",
             "yesterday", "We’re pulling out of Cuba", "\u00a0", "!", "? ", "Dr", "Mr Bean", "É", "é", ",", "Éric",
             "says", "’", "'"]
    fuzz = ["".join(rng.choice(words) + rng.choice([" ", "", "  ", "\u00a0"]) for _ in range(80)) for _ in range(3000)]
    found = 0
    for text in [*_texts(), *fuzz]:
        full = [(m.span(), m.groups()) for m in quotes._unquoted_speech().finditer(text)]
        assert [(m.span(), m.groups()) for m in quotes._unquoted_speeches(text)] == full, text
        found += len(full)
    assert found > 3


def test_names_wanted_are_found_where_the_scan_found_them() -> None:
    # NameVariant looks for the forms of its pairs by str.find, in the order findall found them
    rng = random.Random(21)
    words = ["Putin", "Wladimir", "Vladimir", "Putinin", "Rasputin", "-Putin", "’Putin", "Putin’s", "Putiné",
             "Éric", "Erić", "Eric", "ERIC", "Erica", "putin", "X", " ", " ", "\u00a0", ".", "-", "’", "é", "\u0301"]
    fuzz = ["".join(rng.choice(words) for _ in range(100)) for _ in range(1500)]
    found = 0
    for text in [*_texts(), *fuzz]:
        forms = names._NAME.findall(text)
        wanted = set(rng.sample(sorted(set(forms)), min(3, len(set(forms)))))
        full = [m.span() for m in names._NAME.finditer(text) if m.group() in wanted]
        assert [m.span() for m in matches_found(names._NAME, text, forms, wanted)] == full, text
        found += len(full)
    assert found > 1000


def test_marks_of_non_prose_are_found_at_their_literal_text() -> None:
    # Document._marks tries _NOT_PROSE only where one of its alternatives' literal texts is
    # (unless periods glued to letters are dense: then it scans)
    rng = random.Random(25)
    words = ["http", "://", "x.org", "www.", "wwww.", "awww.", "mailto:", "me@", "@x", "@a-b.", "@.", ".", ".com",
             ".Com", ".COM", ".c", "é.ab", ".é", "a", "B", "_", "-", " ", " ", "\n", "(", "/", ":", "w", "ww", "1"]
    fuzz = ["".join(rng.choice(words) for _ in range(60)) for _ in range(2000)]
    found = 0
    dense = "ab.cd ef.gh, x.y " * 100 + "me@x.org www.x.org http://x.org"
    for text in [*_texts(), *fuzz, dense]:
        full = [(m.span(), m.groups()) for m in document._NOT_PROSE.finditer(text)]
        assert [(m.span(), m.groups()) for m in document._not_prose_matches(text, document._glued_periods(text))] == full, text
        found += len(full)
    assert found > 5000


@pytest.mark.parametrize("sparse", [1, anchored.SPARSE_CHARACTERS, 10**9])
def test_hyphen_patterns_are_found_at_the_hyphens(sparse: int, monkeypatch) -> None:
    # StrayHyphen and BrokenHyphenation try their patterns at the hyphens only (unless hyphens
    # are dense: then they scan)
    monkeypatch.setattr(anchored, "SPARSE_CHARACTERS", sparse)
    rng = random.Random(31)
    words = ["-", "\u2010", "--", "- ", "-\u00a0", " ", "  ", "\n", "\t", "ab", "Ab", "I", "A", "é", "\u0301", "x",
             "’s", "'", "’", "1", ".", ",x", ":", "_", "/", "=", "\\", "re", "Word", "multi", "long-"]
    fuzz = ["".join(rng.choice(words) for _ in range(80)) for _ in range(2000)]
    found = 0
    for text in [*_texts(), *fuzz]:
        for pattern in (hyphens._STRAY, hyphens._BROKEN):
            full = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in finditer_at_characters(pattern, hyphens.HYPHENS, text)] == full, text
            found += len(full)
    assert found > 300


def test_glued_seams_are_the_matches_of_one_scan() -> None:
    # glued_runons finds the digits' seams by a scan and the possessives' at the apostrophes:
    # the same as one scan of the alternation it replaced
    rng = random.Random(37)
    words = ["ab", "Ab", "é", "É", "1", "12", "123", "٣", "s", "'s", "’s", "’", "'", "sab", "abcd", "Abcd", " ", "\n", "-"]
    fuzz = ["".join(rng.choice(words) for _ in range(80)) for _ in range(2000)]
    one_scan = regex.compile(r"(?<=\p{Ll})\d\d|['’]s\p{Ll}|\d(?=\p{Ll}{4})")
    found = 0
    for text in [*_texts(), *fuzz]:
        full = [m.span() for m in one_scan.finditer(text)]
        assert [m.span() for m in glued._seams(text)] == full, text
        found += len(full)
    assert found > 1000


def test_a_text_without_a_period_before_a_small_letter_holds_no_dotted_path() -> None:
    # Document.technical scans for dotted paths only where _may_hold_dotted_path says they may be
    rng = random.Random(26)
    words = ["a", "b", "B", ".", "._", "_", ".a", ".Z", "x.y.z", "a.a.a", "é.a", " ", "\n", "os.path.join", "1"]
    texts = [*_texts(), *("".join(rng.choice(words) for _ in range(rng.choice((4, 8, 30)))) for _ in range(3000))]
    dotted = document._CODE_TOKENS["."]
    found = 0
    for text in texts:
        matches = dotted.findall(text)
        found += len(matches)
        assert document.Document(text)._may_hold_dotted_path or not matches, text
    assert found > 500
