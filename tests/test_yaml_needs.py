"""A rule skips a document that holds none of its tokens (yamlrules/needs.py): the test
must never skip a document where the rule's pattern matches. Each test compares the
findings with the test against the findings of the same rule scanned without it."""

from __future__ import annotations

import copy
import random
import string
import sys

import pytest
import regex
from hypothesis import given, strategies as st

from textlint.document import Document
from textlint.markdown import markdown_document
from textlint.yamlrules.existence import Existence
from textlint.yamlrules import view
from textlint.yamlrules.needs import CASE_PARTNERS, FEW_WORDS, fold, fold_text, needs_of, required_text, words_of
from textlint.yamlrules.substitution import Substitution
from textlint.yamlrules.variants import variants


@pytest.fixture(autouse=True)
def computed(monkeypatch, tmp_path):
    """Every test is computed here, not read from what another run kept (yamlrules/kept.py)."""
    from textlint.cachefile import KeptBlobs
    from textlint.yamlrules import kept

    monkeypatch.setattr(kept, "_KEPT", KeptBlobs(lambda: tmp_path / "rules.marshal", kept.MAX_ENTRIES))


def existence(tokens, **keys):
    return Existence.from_yaml("T.Existence", {"extends": "existence", "message": "'%s'",
                                               "tokens": tokens, **keys}, "T/Existence.yml", strict=False)


def substitution(swap, **keys):
    return Substitution.from_yaml("T.Substitution", {"extends": "substitution", "message": "'%s' for '%s'",
                                                     "swap": swap, **keys}, "T/Substitution.yml", strict=False)


def findings(rule, doc):
    return [(d.start, d.end, d.message) for d in rule.check(doc)]


def scanned(rule, doc):
    """The findings of *rule* scanned whatever the document holds (no test)."""
    bare = copy.copy(rule)
    bare.needs = None
    return findings(bare, doc)


def same(rule, text, markdown=False):
    make = markdown_document if markdown else Document
    got, want = findings(rule, make(text)), scanned(rule, make(text))
    assert got == want, text
    return got


def same_on_random_texts(rules, words, seps, seed, count, most_words=10):
    """How many of *count* random texts (words and separators) each of *rules* finds something
    in, each asserted to find what it finds without its test (:func:`same`)."""
    rnd = random.Random(seed)
    hits = 0
    for _ in range(count):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, most_words)))
        for rule in rules:
            hits += bool(same(rule, text))
    return hits


@pytest.mark.parametrize("pattern, runs", [
    ("(?:API Console|dev|developer) key", [" key"]),
    (r"\b(?:eg|e\.g\.)(?=[\s,;])", []),
    (r"(?:^|\s)I\s", ["I"]),
    ("colou?r", ["colo", "r"]),
    (r"\d+ ?x ?\d+", ["x"]),
    (r"a{2}bc", ["aabc"]),
    (r"a{2,}bc", ["aa", "bc"]),
    (r"x[ ]{2,3}y", ["x  ", "y"]),
    (r"(?<=[\p{L},;])[ ]{2,3}(?=[\p{L}“])", ["  "]),
    (r"a+b?c*d{,2}e", ["a", "e"]),
    (r"[a-z]+ly-\w+", ["ly-"]),
    (r"\.\.\.", ["..."]),
    (r"\(s\)he", ["(s)he"]),
    ("[]x] and", [" and"]),
    ("(?i)foo", None),               # a flag: not read
    ("abc|def", None),               # a top-level alternation
    (r"\x41bc", None),               # an escape that is a character
    (r"\p{Lu}ax", ["ax"]),         # a Unicode property: a class
    (r"\pLax\P{L}", ["ax"]),
    ("[[:alpha:]]x", None),          # a POSIX class
    (r"(?P<name>a)b", ["b"]),
    (r"(?P=name)b", None),           # a reference by name
])
def test_required_text(pattern, runs):
    assert required_text(pattern) == runs
    if runs:  # every run is in every match of the pattern (checked on a few texts that match)
        for text in ["dev key", "e.g. x", " I ", "color", "colour", "3x4", "aabc", "early-bird",
                     "...", "(s)he", "] and", "xax", "ab", "aaabc", "x   y", "a,  b", "aaccde", "Lax."]:
            for m in regex.finditer(pattern, text):
                assert all(r in m.group() for r in runs), (pattern, text)


def test_case_partners_are_every_non_ascii_letter_regex_matches_to_an_ascii_one():
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    letters = "|".join(string.ascii_letters)  # as a token's letters are matched: one by one
    partners = {c for c in regex.findall(rf"(?i)(?:{letters})", everything) if not c.isascii()}
    assert partners == set(CASE_PARTNERS)
    for c in partners:  # each is read as the ASCII letter regex matches it to
        assert regex.fullmatch(CASE_PARTNERS[c], c, regex.IGNORECASE) \
            or regex.fullmatch(CASE_PARTNERS[c].upper(), c, regex.IGNORECASE)


def test_words_of_are_the_patterns_words():
    rnd = random.Random(7)
    alphabet = "ab_Z9 -.'’—é\u0301²\u212aİı\t\n€中"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert [w.decode("utf-8") for w in words_of(text)] == regex.findall(r"\w+", text)


def test_a_document_without_the_tokens_is_skipped_and_one_with_them_is_not():
    rule = existence(["chip off the old block", "clean slate", "utilize"], ignorecase=True)
    assert rule.needs is not None
    assert same(rule, "Nothing here is a cliché.") == []
    assert len(same(rule, "A Clean Slate, and we utilize it.")) == 2
    # the words are there, but not as neighbours: skipped; as neighbours: found
    assert same(rule, "The slate was clean.") == []
    assert len(same(rule, "Off the old block, a chip. A chip off the old\nblock.")) == 0
    assert len(same(rule, "He is a chip off the old block.")) == 1


def test_case_folding_keeps_what_regex_matches_without_case():
    rule = existence(["kilogram", "skim", "bit"], ignorecase=True)
    # Kelvin sign, long s and dotted capital I all match their ASCII letters in regex
    for text in ["one \u212aILOGRAM", "\u017fkim milk", "a B\u0130T more", "BIT", "bıt"]:
        same(rule, text)
    assert same(rule, "one \u212aILOGRAM") != []
    cased = existence(["Kilogram"])  # case counts: the Kelvin sign is no K
    assert same(cased, "one \u212ailogram") == [] and same(cased, "one Kilogram") != []


def test_nonword_tokens_and_edges():
    rule = existence(["ly-", "e.g.", "ize"], nonword=True)
    assert len(same(rule, "A friendly-looking plan, e.g. this; realize.")) == 3
    bounded = existence(["an", "ize"])  # whole words only
    assert same(bounded, "realize the plan") == [] and len(same(bounded, "an ize")) == 2


def test_pattern_tokens_and_raw():
    rule = existence([r"(?:API Console|dev|developer) key", r"\d+ ?x ?\d+"])
    assert same(rule, "No such thing.") == []
    assert len(same(rule, "Use the dev key on a 3 x 4 grid.")) == 2
    raw = Existence.from_yaml("T.Raw", {"extends": "existence", "message": "'%s'",
                                        "raw": [r"\b(?:is|was)\s+", r"\w+ed\b"]}, "T/Raw.yml", strict=False)
    assert raw.needs.also == ("ed",)  # the plain text the joined raw pattern needs
    assert len(same(raw, "It was finished.")) == 1 and same(raw, "It was done.") == []
    flagged = existence(["(?i)colou?r", "red"])
    assert flagged.needs is None  # a flag applies to the whole pattern: never skipped
    assert len(same(flagged, "COLOR and red")) == 2


def test_substitution_swaps_are_skipped_only_where_absent():
    rule = substitution({"utilize": "use", "in order to": "to", r"(?:dev|developer) console": "console"},
                        ignorecase=True)
    assert rule.needs is not None
    assert same(rule, "We use it to build.") == []
    assert len(same(rule, "In order to utilize the Developer Console.")) == 3


def test_a_run_that_holds_another_is_not_looked_for_on_its_own():
    rule = substitution({"[ ]{2}(?=b)": " ", "[ ]{3}(?=c)": " ", "a[ ]{4}(?=d)": " "}, nonword=True)
    assert rule.needs._run_groups == (("  ", ("  ",)),)
    assert same(rule, "a b  c") == []
    assert len(same(rule, "a   c")) == 1
    assert len(same(rule, "a    d")) == 1


def test_markdown_blocks_are_read_as_rendered():
    # the phrase exists only in the rendered text (emphasis marks and an entity dropped)
    rule = existence(["clean slate", "café"], ignorecase=True)
    assert len(same(rule, "A **clean** slate and a caf&eacute;.\n", markdown=True)) == 2


def test_random_documents_match_as_without_the_test():
    tokens = ["at the end of the day", "utilize", "e-mail", "Ph.D", "naïve", "tl;dr", "in order to"]
    words = ["at", "the", "end", "of", "day", "utilize", "e", "mail", "Ph", "D", "naïve", "naive",
             "tl", "dr", "in", "order", "to", "AT", "THE", "\u212aey", "\u0130n"]
    seps = [" ", " ", "-", ".", ";", "\n", ", ", "’"]
    rules = [existence(tokens, ignorecase=True), existence(tokens), existence(tokens, nonword=True),
             substitution({t: "x" for t in tokens}, ignorecase=True)]
    hits = same_on_random_texts(rules, words, seps, seed=3, count=400, most_words=12)
    assert hits > 50  # the test documents do hold tokens


def test_fold_keeps_the_length_of_letters():
    assert fold("\u212a\u017f\u0130\u0131X") == "ksiix"
    assert needs_of([], False, True) is None


def test_consistency_skips_a_pair_with_a_variant_absent():
    from textlint.yamlrules.consistency import Consistency

    rule = Consistency.from_yaml("T.Consistency", {
        "extends": "consistency", "message": "'%s' and '%s'", "ignorecase": True,
        "either": {"colour": "color", "organise": "organize", r"centre(?:s)?": "center"}},
        "T/Consistency.yml", strict=False)
    assert all(a is not None and b is not None for a, b in rule.pair_needs)
    assert same(rule, "The colour of the centre.") == []  # one variant of each pair only
    assert len(same(rule, "Colour.\n\nColor and Centres.\n\nthe center", markdown=True)) == 2


def test_a_long_list_is_scanned_for_the_few_tokens_a_document_may_hold():
    # 40 tokens; a document holds a few: the pattern of those few (in the list's order,
    # "new york" before "new york city" as listed) finds what the whole list finds
    filler = [f"zq{i}x" for i in range(30)]
    tokens = ["new york", "new york city", "york", "utilize", "e-mail", "at the end of the day",
              r"colou?r", r"\d+ x \d+", "naive", "Tl;dr", *filler]  # (an ignorecase rule with a
    # non-ASCII token is always scanned whole: its case is not compared)
    rules = [existence(tokens, ignorecase=True), existence(tokens), existence(tokens, nonword=True)]
    words = ["new", "york", "city", "York", "utilize", "e", "mail", "color", "colour", "3", "x", "4",
             "naïve", "NAIVE", "tl", "dr", "at", "the", "end", "of", "day", "zq7x", "\u0130", "plain"]
    seps = [" ", " ", "-", ";", "\n", ", "]
    rnd = random.Random(11)
    fewer = 0
    for _ in range(300):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 8)))
        for rule in rules:
            same(rule, text)
            fewer += rule.pattern_for(Document(text)) is not rule.pattern
    assert fewer > 100  # the shorter patterns were used
    doc = Document("We went to New York City.")
    assert [m for m in same(rules[0], doc.text)] and rules[0].pattern_for(doc) is not rules[0].pattern


def test_a_text_too_long_to_index_is_tested_on_its_text_only(monkeypatch):
    # no index of every word and pair on a long text (memory): a rule's words and runs are
    # looked for as pieces of its text, and a rule with many of them is scanned
    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "MAX_INDEXED_CHARS", 50)
    rule = existence(["clean slate", "utilize"], ignorecase=True)
    short, long = "Nothing here.", "Nothing here is a cliché. " * 4 + "A Clean Slate."
    assert not needs.TextIndex([long], True).indexed and needs.TextIndex([short], True).indexed
    plain = "Nothing here is a cliché. " * 4
    assert not rule.needs.met(needs.TextIndex([plain], True))  # neither token's words in the text
    inside = plain + "Unclean slates."  # the phrase's text, not its words: the text cannot tell
    assert rule.needs.met(needs.TextIndex([inside], True)) and not same(rule, inside)
    assert not rule.needs.met(needs.TextIndex([inside[-30:]], True))  # (the index can tell)
    assert rule.needs.which(needs.TextIndex([long], True), 64) == [0]  # its words, whole: the phrase may match
    assert rule.needs.which(needs.TextIndex([plain], True), 64) == []
    assert not rule.needs.met(needs.TextIndex([short], True))
    assert len(same(rule, long)) == 1
    many = existence([f"word{i}" for i in range(needs.MOST_PIECES_UNINDEXED + 1)], ignorecase=True)
    assert many.needs.met(needs.TextIndex([plain], True))  # too many searches: scanned


def test_a_few_words_are_looked_for_in_the_text_before_it_is_cut_into_words():
    rule = substitution({"informations": "information", "advices": "advice"}, ignorecase=True)
    assert len(rule.needs.words) <= FEW_WORDS
    for text, found in [("No such word here.", 0), ("The Informations desk.", 1),
                        ("informationsystems and advicesx", 0), ("An advices-list, informations.", 2)]:
        doc = Document(text)
        assert len(same(rule, text)) == found
        index = view.view(doc).index(doc, True, False)
        assert rule.needs.met(index) == bool(found)
        if "informations" not in text.lower() and "advices" not in text.lower():
            assert "words" not in vars(index)  # never cut into words


@pytest.mark.parametrize("kept", [True, False])
def test_a_long_text_is_folded_in_overlapping_parts(monkeypatch, kept):
    # a piece that runs over the edge of two parts is found; folding a part finds what folding
    # the whole text finds; so does the folded copy kept for all the rules (a text not too long)
    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "FOLDED_PART", 8)
    monkeypatch.setattr(needs, "MAX_FOLDED_KEPT", 1 << 20 if kept else 0)
    text = "Σ abc İNFORMATIONS on\nThe End KELVIN \u212aelvin"
    pieces = {"informations", " on", "the end", "kelvin", "absent", "c i", "s o"}
    whole = {p for p in pieces if p in needs.fold(text)}
    assert whole == pieces - {"absent"}
    assert needs.TextIndex([text], True).holding(pieces) == (whole, set())
    assert needs.TextIndex(["x", text], False).holding({"KELVIN", "on\nThe", "kelvin"}) == ({"KELVIN", "on\nThe"}, set())
    # a word is held where no word character is next to it, also at the edge of a part
    words = {"informations", "abc", "kelvin", "end", "bc", "the", "on", "ab", "elvin"}
    assert needs.TextIndex([text], True).holding(set(), words) == (set(), {"informations", "abc", "kelvin", "end",
                                                                            "the", "on"})
    assert needs.TextIndex([text], False).holding(set(), {"The", "abc", "bc", "KELVIN", "kelvin"}) \
        == (set(), {"The", "abc", "KELVIN"})


def test_a_long_text_holds_a_word_of_the_rule_as_a_word_of_its_own(monkeypatch):
    # "acknowledges" holds the piece "knowledges" but not the word: the rule is not scanned
    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "MAX_INDEXED_CHARS", 50)
    rule = substitution({"knowledges": "knowledge", "advices": "advice"}, ignorecase=True)
    for text, found in [("He acknowledges it. " * 5, 0), ("He acknowledges the Knowledges. " * 3, 3),
                        ("Advices_ and knowledges2 and adviceś " * 3, 0), ("x" * 60 + " advices", 1)]:
        doc = Document(text)
        index = view.view(doc).index(doc, True, False)
        assert not index.indexed
        assert len(same(rule, text)) == found
        assert rule.needs.met(index) == bool(found)


def test_a_few_phrases_are_looked_for_in_the_text_before_it_is_cut_into_words():
    # a literal token's match holds its whole text: a rule with a few phrases cuts into words
    # only a text that holds one of them
    rule = substitution({"in the one hand": "on the one hand", "the so called": "the so-called"},
                        ignorecase=True)
    for text, found in [("In the other hand, the one hand.", 0), ("IN THE ONE HAND, yes.", 1),
                        ("in the  one hand", 0), ("xin the one hand", 0), ("The so called man", 1)]:
        doc = Document(text)
        assert len(same(rule, text)) == found
        index = view.view(doc).index(doc, True, False)
        assert rule.needs.met(index) == bool(found)
        if not any(p in text.lower() for p in ("in the one hand", "the so called")):
            assert "words" not in vars(index)  # never cut into words


@pytest.mark.parametrize("token, spelled", [
    ("(?:cell phone|cell-phone)", ["cell phone", "cell-phone"]),
    ("boys?", ["boys", "boy"]),
    ("congress(?:m[ae]n|wom[ae]n)", ["congressman", "congressmen", "congresswoman", "congresswomen"]),
    ("lad(y|ies)?", ["lady", "ladies", "lad"]),
    ("(?P<g>a|b)c", ["ac", "bc"]),
    (r"\([cC]\)", [r"\(c\)", r"\(C\)"]),
    ("[!?]{2,}", ["!![!?]*", r"!\?[!?]*", r"\?![!?]*", r"\?\?[!?]*"]),
    ("x[ -]*y", ["x[ -]*y"]),            # no fewest repeat to spell out
    ("a{1,3}b", ["aa{0,2}b"]),
    ("[a-z]+ly", ["[a-z]+ly"]),           # a range is kept as written
    ("[^ab]x", ["[^ab]x"]),
    (r"\bfoo|bar\b", [r"\bfoo", r"bar\b"]),
    ("(?<=x)a|b", ["(?<=x)a", "b"]),      # lookaround kept as written
    ("(?(1)a|b)", ["(?(1)a|b)"]),         # not followed: the token whole
    ("a)b", ["a)b"]),
    ("x{,2}", ["x{,2}"]),
    ("[ab][cd][ef][gh][ij][kl][mn]", None),
    (r"[\u200B\xAD]+x", ["\u200b[\\u200B\\xAD]*x", "\xad[\\u200B\\xAD]*x"]),  # characters by code point
    (r"a\x2E\U0001F600", ["a\\.\U0001F600"]),
    (r"[\x41-\x43]\u12", [r"[\x41-\x43]\u12"]),  # a range, an escape of too few digits
    (r"a\uD800\U00110000", [r"a\uD800\U00110000"]),  # a surrogate, beyond Unicode: kept as written
])
def test_variants_spell_out_alternatives(token, spelled):
    if spelled is None:  # more than MOST variants: the last class is kept as written
        got = variants(token)
        assert len(got) == 64 and all(v.endswith("[mn]") for v in got)
        return
    assert variants(token) == spelled


def test_variants_cover_every_match_of_their_token():
    tokens = ["(?:cell phone|cell-phone)", "boys?", "congress(?:m[ae]n|wom[ae]n)", "lad(y|ies)?",
              r"\([cC]\)", "[a-z]+[!?]{2,}", "x[ -]*y", "a{1,3}b", r"\bfoo|bar\b", "(?:bia?tch(?:es)?)",
              "hit[ -]the[ -]ground", "(?:m[ou]ms?)", r"[0-9]+ ?x ?[0-9]+", r"(?<=\S)[\u200B\x2d]+(?=\S)"]
    alphabet = "abcefghilmnorstuwxy!?()- 0123CT\u200b"
    rnd = random.Random(5)
    compiled = [(t, regex.compile(t), [regex.compile(v) for v in variants(t)]) for t in tokens]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        for token, whole, spelled in compiled:
            for m in whole.finditer(text, overlapped=True):
                assert any(v.match(text, m.start()) for v in spelled), (token, text)


def test_rules_with_alternatives_in_their_tokens_are_skipped_only_where_absent():
    tokens = ["(?:cell phone|cell-phone)", "boys?", "congress(?:m[ae]n|wom[ae]n)", "[a-z]+[!?]{2,}",
              "(?:hit[ -]the[ -]ground[ -]running)", r"\([cC]\)", "(?:Hong Kongite|Hong Kongian)"]
    rules = [existence(tokens, ignorecase=True), existence(tokens), existence(tokens, nonword=True),
             substitution({t: "x" for t in tokens}, ignorecase=True), substitution({t: "x" for t in tokens})]
    assert all(rule.needs is not None for rule in rules)
    words = ["cell", "phone", "boy", "boys", "BOYS", "congressmen", "Congresswoman", "wow", "hit", "the",
             "ground", "running", "(c)", "(C)", "Hong", "Kongite", "kongian", "boyz", "cells"]
    seps = [" ", " ", "-", "!!", "?", "\n", ", ", "?!"]
    hits = same_on_random_texts(rules, words, seps, seed=13, count=400)
    assert hits > 100
    assert same(rules[0], "Nothing to see here.") == [] and not rules[0].holds(
        Document("Nothing to see here."), rules[0].needs)


def test_a_pattern_is_spelled_out_where_its_variants_need_words_or_it_needs_nothing():
    from textlint.yamlrules.needs import _needs_of

    assert set(_needs_of(["boys?"], True, True, "").words) == {b"boy", b"boys"}  # set lookups
    # variants that need only text (a search each): the pattern's own runs are one test
    own = _needs_of([r"12 ?[ap]\.?m\.?"], True, False, "")
    assert [t.text for _, t in own.others] == [("12", "m")]
    # a pattern that needs nothing on its own: its variants' texts
    spelled = _needs_of(["[a-z]+[!?]{2,}"], False, False, "")
    assert [t.text for _, t in spelled.others] == [("!!",), ("!?",), ("?!",), ("??",)]


def test_a_pattern_of_a_few_variants_is_tested_by_their_text():
    # "(could|would) of" is tested by "could of" and "would of", not by " of" (in every text)
    rule = substitution({r"(?P<m>could|would) of(?= been| had)": r"\g<m> have"}, ignorecase=True)
    assert len(rule.needs.others) == 2
    for text, found in [("The head of state could not come.", 0), ("It Could of been worse.", 1),
                        ("They would of course agree.", 0), ("could\nof been", 0)]:
        doc = Document(text)
        assert len(same(rule, text)) == found
        assert rule.needs.met(view.view(doc).index(doc, True, False)) == ("could of" in text.lower()
                                                                          or "would of" in text.lower())


def test_a_long_text_is_scanned_for_the_swaps_it_may_hold(monkeypatch):
    # a text too long to index: the pattern of the swaps whose words and runs it holds, which
    # finds what the whole pattern finds (a swap of groups, one of literal text, one of a
    # lookahead; literal swaps on either side of a pattern's)
    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "MAX_INDEXED_CHARS", 50)
    rule = substitution({r"since (?P<n>\d+|two) (?P<u>years|days)": r"for \g<n> \g<u>",
                         "in the frame of": "in the framework of", "the so called": "the so-called",
                         "the calls(?= [“\"])": "the so-called", "economic-social": "economic and social"},
                        ignorecase=True)
    filler = "The calls for reform went on. " * 3
    for text, found in [(filler + "Since two years, the so called plan. Since 3 days.", 3),
                        (filler + "In the frame of it, the calls “x” and Economic-social aims.", 3),
                        (filler + "Nothing of the kind.", 0)]:
        assert not needs.TextIndex([text], True).indexed
        assert len(same(rule, text)) == found
        assert rule.pattern_for(Document(text)) is not rule.combined


def test_folding_in_parts_gives_the_ascii_letters_of_folding_the_whole(monkeypatch):
    import random

    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "FOLDED_PART", 5)
    rng = random.Random(12)
    alphabet = ["Σ", "σ", "ς", "A", "b", " ", "İ", "ı", "\u212a", "ſ", "ß", "Ǆ", "É", "\n", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        whole, parts = needs.fold(text), needs.fold_in_parts(text)
        assert len(parts) == len(whole)
        assert [c if c.isascii() else None for c in parts] == [c if c.isascii() else None for c in whole], text


@pytest.mark.parametrize("most", [0, 1, 3, 200])
def test_held_pieces_finds_what_a_search_of_each_finds(most, monkeypatch):
    """Pieces that begin alike are read together at the places of their common beginning
    (needs.held_pieces), up to MOST_PLACES of them: the same pieces as a search for each."""
    from textlint.yamlrules import needs

    monkeypatch.setattr(needs, "MOST_PLACES", most)
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice("ab ") for _ in range(rng.randrange(60)))
        pieces = {"".join(rng.choice("ab ") for _ in range(rng.randrange(1, 7))) for _ in range(rng.randrange(9))}
        assert needs.held_pieces(pieces, text) == {p for p in pieces if p in text}, (pieces, text)


def test_the_many_texts_of_a_long_document_are_searched_as_one(monkeypatch):
    # a Markdown table too long to index is thousands of cells: each piece is looked for once
    # in the cells joined, not once in each cell (that made a 400 KB table cost 7x a 100 KB one)
    from textlint.yamlrules import needs

    searched = []
    held_pieces = needs.held_pieces
    monkeypatch.setattr(needs, "held_pieces", lambda pieces, text: searched.append(text) or held_pieces(pieces, text))
    cells = [f"cell {i} holds informations" if i == 700 else f"cell {i}" for i in range(1000)]
    assert needs.TextIndex(cells, False).holding({"informations", "advices"}) == ({"informations"}, set())
    assert needs.TextIndex(cells, True).holding({"informations", "advices"}) == ({"informations"}, set())
    assert searched == ["\n".join(cells), "\n".join(cells)]
    # texts too long to keep joined are still read one by one
    monkeypatch.setattr(needs, "MAX_FOLDED_KEPT", 100)
    searched.clear()
    assert needs.TextIndex(cells, False).holding({"informations"}) == ({"informations"}, set())
    assert len(searched) == len(cells)


def test_runs_beyond_ascii_words_and_tokens_of_several_runs_match_as_without_the_test():
    """The tests' shortcuts (a list of runs alone; an ASCII text, which holds no run beyond
    ASCII; a few words looked for in the text; a token of several runs and no word looked for
    by its runs) skip only documents where nothing matches."""
    swaps = {"\u200b": "", "\u00ad": "", ",,": ",", "  ": " "}
    rules = [substitution(swaps), substitution(swaps, ignorecase=True),
             substitution({r"since +2": "for", "informations": "information",
                           "luggages": "luggage", "the calls": "the so-called"}, ignorecase=True),
             substitution({r"since +2": "for"}), substitution({"informations": "information"}),
             substitution({"ﬁ": "fi", "\u200b": ""})]
    assert rules[0].needs._runs_only and not rules[2].needs._runs_only
    assert rules[0].needs._ascii_run_groups == (("  ", ("  ",)), (",,", (",,",)))
    assert rules[3].needs._wordless and rules[4].needs.words
    words = ["since", "Since", "2", "years", "informations", "Luggages", "the", "calls", "ﬁne",
             "a\u00adb", "ﬁ", "x\u200b", "SINCE", "INFORMATIONS"]
    seps = [" ", "  ", ",", ",,", "\n", ". ", "’"]
    rnd = random.Random(5)
    hits = skipped = 0
    for _ in range(500):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 8)))
        for rule in rules:
            found = same(rule, text)
            hits += bool(found)
            skipped += not rule.holds(Document(text), rule.needs)
    assert hits > 200 and skipped > 200  # both kinds of document occur


def test_lowering_beyond_ascii_keeps_what_the_tests_read():
    """What fold_text relies on: every character beyond ASCII lowers to one character beyond
    ASCII, a word character or not as it was, but for the case partners (and U+0130 among them)."""
    word = regex.compile(r"\w")
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if c in CASE_PARTNERS:
            continue
        low = c.lower()
        assert len(low) == 1 and not low.isascii(), hex(cp)
        assert bool(word.match(c)) == bool(word.match(low)), hex(cp)


_FOLD_ALPHABET = ["Σ", "ς", "A", "Z", "b", " ", "İ", "ı", "\u212a", "ſ", "ß", "Ǆ", "É", "\n", "x", "_",
                  "7", "-", "’", "\ud800", "Ⓐ", "Ⅻ", "\u0301", "К"]


@given(st.lists(st.sampled_from(_FOLD_ALPHABET), max_size=40).map("".join))
def test_fold_text_gives_the_ascii_of_fold_and_its_words(text):
    folded, whole = fold_text(text), fold(text)
    assert len(folded) == len(whole)
    assert [c if c.isascii() else None for c in folded] == [c if c.isascii() else None for c in whole]
    ascii_words = [w if w.isascii() else None for w in words_of(whole.replace("\ud800", " "))]
    assert [w if w.isascii() else None for w in words_of(folded.replace("\ud800", " "))] == ascii_words
    if text.isascii():
        assert folded == whole


def test_a_pattern_of_many_variants_is_tested_by_those_of_its_largest_group_read_as_anything():
    from textlint.yamlrules.variants import widened

    token = r"since (?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|many) (?P<u>years|months|weeks)(?! ago)"
    assert widened(token) == r"since (?:.*) (?P<u>years|months|weeks)(?! ago)"
    assert widened("a|b") is None and widened("(?=x)ab") is None and widened("x(?:a|b)?y") == "x(?:.*)?y"
    rules = [substitution({token: r"for \g<n> \g<u>"}, ignorecase=True), substitution({token: "x"}),
             existence([token, "(?:one|two|three|four|five|six|seven|eight|nine) (?:cats?|dogs?) (?:ran|sat)"])]
    assert [t.text for _, t in rules[0].needs.others] == [("since ", " years"), ("since ", " months"),
                                                         ("since ", " weeks")]
    words = ["since", "Since two", "SINCE 10", "since 2", "2 years", "ten", "many weeks", "years", "Years",
             "months", "ago", "two cats ran", "nine dogs", "sat", "one cat"]
    seps = [" ", " ", " ", "  ", "\n", ", ", "-"]
    hits = same_on_random_texts(rules, words, seps, seed=17, count=600)
    assert hits > 30
