"""The spacing checks: lost spaces between words and after punctuation, spurious spaces in words."""

from __future__ import annotations

import gc
from functools import partial

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textlint import lexicon
from textlint.checks import spacing as spacing_checks
from textlint.checks.spacing import moved
from textlint.checks.spacing.model import (Change, Model, Params, camel_seam, clear_shared_caches, closed_compounds,
                                           margin_shift, one_edit_strings, one_edit_words)
from textlint.document import Document
from textlint.engine import Engine, Overrides
from textlint.lexicon import get_lexicon, words_starting_in

ENGINE = Engine(overrides=Overrides(select=["spacing"]))


def findings(text: str) -> list[tuple[str, str]]:
    """(rule, message) of every spacing finding."""
    return [(d.rule, d.message) for d in ENGINE.lint(text).diagnostics]


def fixed(text: str, unsafe: bool = False) -> str:
    return ENGINE.fix(text, unsafe=unsafe).text


# --------------------------------------------------------------------------- seed article
SEED_RUNONS = {
    "successfullyas": "successfully as",
    "Americato": "America to",
    "CubaPutin": "Cuba Putin",
    "Putinin": "Putin in",
}


def test_seed_runons_are_flagged_with_the_right_words(seed_text):
    diags = ENGINE.lint(seed_text).diagnostics
    flagged = {seed_text[d.start:d.end]: d for d in diags}
    for token, words in SEED_RUNONS.items():
        assert token in flagged, f"{token} not flagged"
        assert flagged[token].rule == "spacing.RunOnWord"
        assert flagged[token].message == f"'{token}' looks like '{words}'"
    assert len(diags) == len(SEED_RUNONS), [seed_text[d.start:d.end] for d in diags]


def test_seed_fix_changes_only_spaces(seed_text):
    safe = fixed(seed_text)
    assert safe.replace(" ", "") == seed_text.replace(" ", "")
    assert safe.count("\n") == seed_text.count("\n")
    # a capitalised token is cut safely only off a function word (no name ends in one)
    for words in ("successfully as", "America to", "Putin in"):
        assert words in safe
    # two capitalised words glued may be a camel-case name ("IceCube"): unsafe only
    assert "Cuba Putin" not in safe
    assert "Cuba Putin" in fixed(seed_text, unsafe=True)


@pytest.mark.parametrize("word", ["Díaz-Canel", "Raúl", "Rodríguez", "Celac", "Lavrov", "multipolar",
                                  "Commander-in-Chief", "Military-Technical", "Russia’s", "Kremlin’s",
                                  "NATO", "counterpart", "nowhere", "cannot", "together"])
def test_seed_words_are_left_alone(seed_text, word):
    assert word in seed_text or word in {"nowhere", "cannot", "together"}
    text = f"Lavrov said that {word} matters to the talks in Havana."
    assert findings(text) == []


# --------------------------------------------------------------------------- RunOnWord
@pytest.mark.parametrize("text, expected", [
    ("Cooperation is developing successfullyas agreed between both parties.",
     "Cooperation is developing successfully as agreed between both parties."),
    ("The talks on the roleof the Security Council went on.",
     "The talks on the role of the Security Council went on."),
    ("He met the head of the OrthodoxChurch in Moscow.",
     "He met the head of the Orthodox Church in Moscow."),
    ("the acting members of the UNSecurity Council met",
     "the acting members of the UN Security Council met"),
])
def test_runon_flagged_and_fixed(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("He said so in the MiddleEast today.", "He said so in the Middle East today."),
    ("He met the head of the OrthodoxChurch in Moscow.", "He met the head of the Orthodox Church in Moscow."),
])
def test_camel_case_and_capitalised_tokens_are_split_unsafely_only(text, expected):
    """A camel-case or capitalised token may be a name ("DoubleClick", "PaperRank"): never safe."""
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == expected


def test_camel_case_names_are_not_split_safely():
    for name in ("The PaperRank score was used.", "It was produced by RedOne in 2009.",
                 "He uses the DoubleClick advertising platform."):
        assert fixed(name) == name


@pytest.mark.parametrize("text", ["as it should seeme, that their sonnes were",
                                  "Set the backgroundColor of the page."])
def test_known_words_and_identifiers_are_not_cut_safely(text):
    """"seeme" is a period spelling of "seem"; "backgroundColor" glues common words as
    identifiers do ("onClick", "toString")."""
    assert fixed(text) == text


@pytest.mark.parametrize("text", ["It offers features such as spellchecking and statistics.",
                                  "The regular set makes analphabetic characters less distinct."])
def test_words_of_an_edited_dictionary_are_not_cut_safely(text):
    """SCOWL lists "spellchecking" and "analphabetic" (scripts/build_closed_compounds.py), which
    the lexicon lacks ("an alphabetic" was a safe fix on an AppStream description)."""
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == text


def test_a_camel_case_name_that_its_sentence_defines_is_left_alone():
    """A sentence that starts "PianoBooster is a ..." introduces a name; glued words elsewhere
    in a sentence, or followed by something else, are still reported."""
    assert findings("PianoBooster is a fun way of playing the piano.") == []
    assert findings("* KMyMoney is a personal finance manager.") == []
    assert [r for r, _ in findings("The talks with CubaPutin is a good sign.")] == ["spacing.RunOnWord"]
    assert [r for r, _ in findings("EarthHour is the most widespread campaign.")] == ["spacing.RunOnWord"]


def test_a_function_word_glued_to_a_name_is_split_safely():
    assert fixed("The firm was inChina then.") == "The firm was in China then."


@pytest.mark.parametrize("text, expected", [
    ("We wouldlike to help them.", "We would like to help them."),
    ("Others will beable to attend the course.", "Others will be able to attend the course."),
])
def test_suffix_word_is_cut_off_after_a_word_it_pairs_with(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "The lightlike vectors span the cone.",
    "They stared in childlike wonder at the sea.",
])
def test_suffix_word_is_not_cut_off_after_other_words(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("He thanked the army and lawenforcement agencies.", "He thanked the army and law enforcement agencies."),
    ("It is a wellknown fact in the town.", "It is a well known fact in the town."),
])
def test_rare_glued_form_of_a_strong_pair_is_cut(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "And the angel beheld the city below.",
    "Close the shutoff valve before you start.",
    "The daylong meeting ended at night.",
])
def test_rare_closed_compounds_are_words(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("It was held on 25 F ebruary 1990.", "It was held on 25 February 1990."),
    ("He moved to C alifornia in 1980.", "He moved to California in 1980."),
])
def test_split_off_capital_letter_is_joined(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "The groups H and G are equal.",
    "The sets B were found empty.",
    "George W Bush met him.",
    "Vitamin C deficiency is bad.",
    "The element N a is fine.",
])
def test_capital_letter_before_a_word_is_an_initial_or_a_variable(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The paths diverge d after the bridge.", "The paths diverged after the bridge."),
    ("The railway s were closed in 1960.", "The railways were closed in 1960."),
])
def test_split_off_ending_of_a_content_word_is_joined(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "Let the function f be smooth.",
    "The rate r is fixed.",
    "the field s is a scalar",
    "The sum of f and the n terms.",
])
def test_letter_after_a_word_is_a_variable(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("He pointed outthe success of the plan.", "He pointed out the success of the plan."),
    ("It was made upof proposals from the public.", "It was made up of proposals from the public."),
])
def test_preposition_glued_to_a_function_word_is_cut(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "The overload was high and the outcry was loud.",
    "Call the init function first.",
    "The upshift key and the inset map.",
])
def test_prefix_before_a_content_word_stays(text):
    assert findings(text) == []


def test_letter_split_off_a_very_frequent_word_is_joined():
    text = "Smith an d Jones went home."
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    assert fixed(text) == "Smith and Jones went home."
    assert findings("It is of f the table.") == []  # "off" is not frequent enough: a variable


@pytest.mark.parametrize("text, expected", [
    ("And all this is re ally great.", "And all this is really great."),
    ("Focus on the re sult and win.", "Focus on the result and win."),
])
def test_bound_prefix_joins_into_a_frequent_word(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    # "re" and "ally" are words each: joining them is unsafe (docs/safe-fixes.md)
    assert fixed(text, unsafe=text.startswith("And")) == expected


@pytest.mark.parametrize("text", [
    "It is a non trivial task for the sub populations.",
    "We looked over all the world and went up on the hill.",
    "The re form was passed.",
])
def test_prefix_and_word_stay_apart(text):
    assert findings(text) == []


@pytest.mark.parametrize("code, prose", [
    ("`{{ nospace \"a b\" }}` gives `ab`.", "## nospace\n\nRemove all whitespace.\n"),
    ("- `trim(s string) => string`", "It returns a copy of the string s without spaces.\n"),
])
def test_a_token_or_letter_that_the_code_names_is_an_identifier(code, prose):
    assert [d.rule for d in ENGINE.lint(f"# Doc\n\n{code}\n\n{prose}", "doc.md").diagnostics] == []
    assert [d.rule for d in ENGINE.lint(f"# Doc\n\n{prose}", "doc.md").diagnostics] != []


def test_letter_joins_do_not_lower_the_margins():
    p = Params()
    words = [Change(0, 9, "ofthe", "of the", gain=4.0) for _ in range(20)]
    letters = [Change(0, 9, "M onotone", "Monotone", gain=4.0) for _ in range(20)]
    assert margin_shift(words, 10_000, p) < margin_shift([], 10_000, p)
    assert margin_shift(letters, 10_000, p) == margin_shift([], 10_000, p)


def test_glued_lexicon_word():
    model = Model(get_lexicon(), {}, 1000)
    assert model.glued("lawenforcement") and model.glued("wellknown")
    assert not model.glued("beheld") and not model.glued("shutoff") and not model.glued("Herson")
    assert not model.glued("cannot")  # a frequent word


@pytest.mark.parametrize("text", [
    "They built a multipolar world order together.",
    "His Cuban counterpart was nowhere to be seen; we cannot wait.",
    "Marrufo studied deconfinement at the institute.",
    "The iPhone and YouTube are used by McDonald and DeSantis.",
    "NATO, the UNSC and OSCE met in Brussels.",
    "Send it to press@kremlin.ru or visit https://en.kremlin.ru/events/president.",
    "It weighs 5kg and costs 1,000 roubles in 2030.",
    "Call get_value() or parseHTTPResponse in the code.",
])
def test_runon_not_flagged(text):
    assert findings(text) == []


def test_name_that_recurs_in_the_document_is_a_word():
    text = "Ruganiin was born in Italy.\n\nThe club signed Ruganiin last year, and Ruganiin played."
    assert findings(text) == []


def test_a_word_the_document_repeats_is_a_word_whatever_was_linted_before():
    # Found by tests/test_properties.py: the memo shared by the documents of a process kept
    # a line's repairs made while a word was absent from the document ("Trumpsaid" once is a
    # run-on), and reused them in a document that repeats the word (so vouches for it).
    one = "They said Trumpsaid the point was made."
    two = f"{one}\n\n{one}"
    clear_shared_caches()
    cold = findings(two)
    clear_shared_caches()
    assert findings(one) != []
    assert findings(two) == cold == []


def test_split_parts_known_from_the_document():
    text = ("Rugani played for Juventus. The coach praised Rugani after the match.\n\n"
            "A substitute replacing Daniele Ruganiin the second half scored.")
    out = fixed(text, unsafe=True)
    assert "Daniele Rugani in the second half" in out


# --------------------------------------------------------------------------- SplitWord
@pytest.mark.parametrize("text, expected", [
    ("The federal gov ernment has approved the plan.", "The federal government has approved the plan."),
    ("They occur in hilly evergr een forests.", "They occur in hilly evergreen forests."),
    ("He was a member of a f amiliy of farmers.", "He was a member of a familiy of farmers."),
])
def test_split_word_flagged_and_fixed(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "They met every one of them at some time.",
    "He gave in to the demands; we can not say more.",
    "The song writer used a gear box and a non trivial method.",
    "Let b are the roots and h is the height of the box.",
    "Emma T Capps and the IR radiation of the H and S bands.",
])
def test_split_word_not_flagged(text):
    assert findings(text) == []


def test_letter_spaced_text_is_joined():
    text = "we use a method to d e t e r m i n e the answer"
    assert fixed(text) == "we use a method to determine the answer"


# --------------------------------------------------------------------------- GluedPunctuation
@pytest.mark.parametrize("text, expected", [
    ("Troops stay near Russia.Months ago, officials said so.",
     "Troops stay near Russia. Months ago, officials said so."),
    ("aboard the Russian cruiser,Kuznetsov sailed", "aboard the Russian cruiser, Kuznetsov sailed"),
])
def test_glued_punctuation(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.GluedPunctuation"]
    assert fixed(text) == text  # unsafe: "Phys.Rev", "(Ga,Mn)As" glue on purpose
    assert fixed(text, unsafe=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("aboard the cruiser,Admiral Kuznetsov sailed", "aboard the cruiser, Admiral Kuznetsov sailed"),
    ("the common words used,which was based on", "the common words used, which was based on"),
])
def test_glued_comma_between_common_words_is_fixed_safely(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.GluedPunctuation"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "It costs 1,000 roubles, or 3.5 per cent more at 10:30.",
    "See e.g. the U.S. report by Ph.D. students.",
    "Visit example.com or Node.js today.",
    "Na,K-ATPase and F(R,T) gravity as in tab.I of the paper.",
])
def test_glued_punctuation_not_flagged(text):
    assert findings(text) == []


# --------------------------------------------------------------------------- SpaceBeforePunctuation
@pytest.mark.parametrize("text, expected", [
    ("Greenlandoceras is an extinct genus of prehistoric nautiloids .",
     "Greenlandoceras is an extinct genus of prehistoric nautiloids."),
    ("women's javelin , women's relay", "women's javelin, women's relay"),
    ("by Dream Center Education Holdings (DCEH ), LLC", "by Dream Center Education Holdings (DCEH), LLC"),
])
def test_space_before_punctuation(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.SpaceBeforePunctuation"]
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "He paused ... and went on.",
    "Vl = Vsl = 0 .",
    "which is correct to O(q2) . Then",
    "Proof : we suppose that",
    "the pair ( a , b ) as written",
])
def test_space_before_punctuation_not_flagged(text):
    assert findings(text) == []


def test_space_before_punctuation_is_one_finding_with_the_cleanup_rule():
    engine = Engine(overrides=Overrides(select=["spacing", "cleanup.SpaceBeforePunctuation"]))
    found = engine.lint("They left the room , and then the house .").diagnostics
    assert len(found) == 2


# --------------------------------------------------------------------------- corpus use
def test_one_paragraph_per_line_stays_one_line_per_line():
    lines = ["Theyoccur in near streams in hilly evergr een forests.",
             "It was describedby Francis Walker in 1866.",
             "Mosher House",
             "The population was 960 at the 2010 census."]
    text = "\n".join(lines) + "\n"
    out = fixed(text)
    assert out.count("\n") == text.count("\n")
    assert out.replace(" ", "") == text.replace(" ", "")
    assert out.split("\n")[2:] == text.split("\n")[2:]
    assert out.split("\n")[1] == "It was described by Francis Walker in 1866."


@pytest.mark.parametrize("text", [
    "ACGTACGTTAGCATCGATCGATCGATGCATGCATCGATCGTAGCTAGCTAGCATCGATCG is the sequence.",
    "Москвавбудущем and Αθήνασήμερα are not English.",
])
def test_long_letter_strings_and_other_scripts_are_left_alone(text):
    assert findings(text) == []


def test_code_in_markdown_is_left_alone():
    text = "It is developing successfullyas agreed.\n\n```\nthe roleof it\n```\n"
    found = [text[d.start:d.end] for d in ENGINE.lint(text, "notes.md").diagnostics]
    assert found == ["successfullyas"]


def test_never_joins_across_a_line_break():
    text = "the federal gov\nernment said"
    assert fixed(text, unsafe=True) == text


def test_select_spacing_picks_exactly_the_spacing_rules():
    assert sorted(r.id for r in ENGINE.rules) == [
        "spacing.GluedPunctuation", "spacing.RunOnWord", "spacing.SpaceBeforePunctuation",
        "spacing.SplitWord"]


# --------------------------------------------------------------------------- model and lexicon
def test_camel_seam():
    assert camel_seam("CubaPutin", 4)
    assert camel_seam("UNSecurity", 2)
    assert not camel_seam("UNSecurity", 1)
    assert not camel_seam("Putin", 2)


@given(st.text(alphabet="aBcDeéÉßǅʰ1'-xYZ", min_size=1, max_size=10))
def test_a_word_whose_rest_is_lowercase_has_no_camel_seam(word):
    # Model._with_document skips the seam test of such a word ("Blunkett")
    if word[1:].islower():
        assert not any(camel_seam(word, q) for q in range(len(word) + 1))


def test_lexicon_api():
    lex = get_lexicon()
    assert lex is get_lexicon()
    assert "government" in lex and "Government" in lex
    assert lex.zipf("the") > 7 > lex.zipf("multipolar") > 0
    assert lex.zipf("xqzvbnw") == 0.0
    assert lex.pmi("of", "the") is not None
    assert lex.pmi("xylophone", "parliament") is None


def test_model_prefers_words_to_a_run_on():
    model = Model(get_lexicon(), {}, 1000)
    cuts = model.best(["developing", "successfullyas", "agreed"], "is", "between")
    words = "developingsuccessfullyasagreed"
    assert [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)])] == [
        "developing", "successfully", "as", "agreed"]


def test_camel_case_in_technical_plain_text_is_an_identifier():
    from textlint.engine import Engine

    body = ("Fix a bug in ConfigDialog where tab_width was lost. Call sys.exit() and "
            "idlelib.config.GetHighlight() on close; set use_subprocess first.\n")
    runons = [d for d in Engine().lint(body, "NEWS.txt").diagnostics if d.rule == "spacing.RunOnWord"]
    assert runons == []
    prose = "He met them out of CubaPutin said on Monday.\n"
    assert [d.rule for d in Engine().lint(prose, "a.txt").diagnostics] == ["spacing.RunOnWord"]


@pytest.mark.parametrize("text, expected", [
    ("The condition of the masses must be deplorableindeed.", "The condition of the masses must be deplorable indeed."),
    ("Their hymns have usuallyattained the honour of a setting.",
     "Their hymns have usually attained the honour of a setting."),
    ("I nowmust beg for money to cure that.", "I now must beg for money to cure that."),
    ("There is neither capacity noreven will to mend matters.", "There is neither capacity nor even will to mend matters."),
])
def test_words_that_make_a_phrase_and_no_compound_are_split_unsafely(text, expected):
    """An adverb, a closed-class word or an inflected verb form glued to a word, in a token that
    no dictionary knows, is a run-on: closed compounds join nouns, adjectives and verb stems.
    The split is unsafe: such a token may be a term coined from a name the text leaves
    undefined."""
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == expected


def test_a_capitalised_token_that_makes_a_phrase_is_split_unsafely():
    """"Johnson|justly": a name and an adverb; the capitalised token may be a name still."""
    text = "Johnsonjustly esteems the highest order of learning."
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == "Johnson justly esteems the highest order of learning."


@pytest.mark.parametrize("text", [
    "The wavepacket spreads in time.",
    "The glueball mass was computed.",
    "A catshark was caught off the coast.",
    "The astronauts waited on the landingpad for hours.",
    "The decorrelated signals were summed.",
])
def test_unknown_compounds_of_nouns_and_adjectives_are_not_split(text):
    assert findings(text) == []


def test_phrase_cuts():
    from textlint.checks.spacing.phrases import phrase_cut

    model = Model(get_lexicon(), {}, 1000)
    assert phrase_cut(model, "deplorableindeed") == len("deplorable")
    assert phrase_cut(model, "Johnsonjustly") == len("Johnson")
    assert phrase_cut(model, "worldvolume") is None  # nouns: a compound
    assert phrase_cut(model, "decorrelated") is None  # a prefix and a word
    assert phrase_cut(model, "hereleased") is None  # "he released", not the phrase "here leased"
    assert phrase_cut(model, "contuned") is None  # a short rare piece: "con|tuned"
    assert phrase_cut(model, "nevertheless") is None  # a word


def test_phrase_runons_judge_only_tokens_of_letters_in_lowercase_after_the_first():
    # the tokens are picked from the document's words before the lexicon is asked about them:
    # a token with a capital after its first letter, a digit or a hyphen is never cut there
    # (phrase_cut itself would cut the capitals' token: the pick must leave it out)
    from textlint.checks.spacing.phrases import phrase_cut, phrase_runons

    clear_shared_caches()
    text = ("It was deplorableindeed. Johnsonjustly said so. DEPLORABLEINDEED, deplorable2indeed "
            "and deplorable-indeed are left alone.")
    doc = Document(text)
    model = Model(get_lexicon(), doc.vocabulary, sum(doc.vocabulary.values()))
    assert phrase_cut(model, "DEPLORABLEINDEED") == len("DEPLORABLE")
    assert [(c.old, c.new) for c in phrase_runons(doc, model, lambda start, end: False)] == [
        ("deplorableindeed", "deplorable indeed"), ("Johnsonjustly", "Johnson justly")]
    clear_shared_caches()


def test_phrase_runons_skip_the_occurrences_taken_and_cut_no_token_only_taken():
    # an occurrence whose span a change found already overlaps yields no change; in a short
    # text, a token with no other occurrence is not even cut (its cut is not remembered)
    from textlint.checks.spacing.phrases import phrase_runons

    clear_shared_caches()
    text = "It was deplorableindeed. Johnsonjustly said so. It was deplorableindeed."
    doc = Document(text)
    model = Model(get_lexicon(), doc.vocabulary, sum(doc.vocabulary.values()))
    first, johnson = text.index("deplorable"), text.index("Johnson")
    taken = lambda start, end: start < first + 3 and first < end or start < johnson + 3 and johnson < end
    assert [(c.start, c.old) for c in phrase_runons(doc, model, taken)] == [
        (text.rindex("deplorable"), "deplorableindeed")]
    assert "Johnsonjustly" not in model.table("phrase_cuts")
    clear_shared_caches()


@pytest.mark.parametrize("text, expected", [
    ("Yes I do infact exist.", "Yes I do in fact exist."),
    ("Script parsing fails when two scenes reference eachother", "Script parsing fails when two scenes reference each other"),
    ("He stood infront of the house.", "He stood in front of the house."),
])
def test_glued_forms_no_dictionary_has_are_cut(text, expected):
    """Web words that SCOWL lacks but that are two of its words glued (textlint/data/glued_forms.txt.gz)."""
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected


def test_glued_forms_table():
    from textlint.checks.spacing.model import glued_forms

    forms = glued_forms()
    assert {"infact", "eachother", "infront"} <= forms
    assert not {"daylong", "beheld", "shutoff", "areal", "into", "cannot"} & forms  # dictionary words
    model = Model(get_lexicon(), {}, 1000)
    assert model.glued("infact") and not model.glued("daylong") and not model.glued("Infact")


def test_a_glued_runon_stays_suspicious_when_repeated():
    """The document's count vouches for a recurring name ("Lavrov"), not for a word glued to a
    function word ("Americato" twice)."""
    text = "He went to Latin Americato see it. Later he flew back to Latin Americato rest."
    assert [m for _, m in findings(text)] == ["'Americato' looks like 'America to'"] * 2


def test_a_repeated_camel_case_name_is_left_alone():
    """A camel-case token written the same way several times, never apart, is a name."""
    assert findings("TimeWarner said so. TimeWarner shares rose. The TimeWarner deal was signed.") == []
    # but glued words that the document also writes apart are run-ons
    text = "VladimirPutin: Good. Then VladimirPutin: yes. Vladimir Putin said."
    assert [m for _, m in findings(text)] == ["'VladimirPutin' looks like 'Vladimir Putin'"] * 2


@pytest.mark.parametrize("text", [
    "The album received a generally positive rating on AllMusic, where it was praised.",
    "It was released for free download through NoiseTrade.",
    "Talia Leman is a founder of RandomKid, an organization for young people.",
])
def test_a_trade_name_coined_from_two_common_words_is_left_alone(text):
    """Two capitalised common words glued, bare among lowercase words, that the document never
    writes apart nor as words of their own: a trade name coined so."""
    assert findings(text) == []


@pytest.mark.parametrize("text", [
    "It is the heroism of the RailwayTroops. The Railway Troops were brave.",  # written apart
    "The Railway museum opened. He praised the RailwayTroops too.",  # a part written alone
    "He addressed the FederalAssembly today.",  # an article: a description's name
    "He spoke to the Siberian MilitaryDistrict today.",  # inside a longer name
    "Equipment in the ArmedForces is new.",  # a set phrase of web text
    "out of CubaPutin said in an interview",  # names, not common words
])
def test_glued_words_with_evidence_of_a_lost_space_are_still_run_ons(text):
    assert len(findings(text)) == 1


def test_technical_writing_keeps_its_closed_compounds():
    """Technical writing closes compounds that no dictionary has ("keepalive", "fixup")."""
    text = ("# Notes\n\nSet `timeout` and `retries` in `config.toml`. The server sends a keepalive "
            "every minute; squash each fixup before merging.\n")
    engine = Engine(overrides=Overrides(select=["spacing"]))
    assert [d for d in engine.lint(text, "notes.md").diagnostics] == []
    prose = "He sent a keepalive every minute, infact."
    assert [m for _, m in findings(prose)] == ["'infact' looks like 'in fact'"]


def test_technical_writing_reports_a_cut_only_at_the_safe_margin():
    """Technical writing names things with closed compounds and user names ("chocolateboy"):
    a cut there is reported only when it beats the token by the safe margin."""
    code = "# Notes\n\nSet `timeout` and `retries` in `config.toml`; see `a.b`, `c.d` and `e.f`.\n\n"
    line = "The new chocolateboy option changes how the server handles each request.\n"
    engine = Engine(overrides=Overrides(select=["spacing.RunOnWord"]))
    assert [d.rule for d in engine.lint(line, "notes.md").diagnostics] == ["spacing.RunOnWord"]
    assert engine.lint(code + line, "notes.md").diagnostics == []
    glued = "The new birthtime option changes how the server handles each request.\n"
    assert [d.rule for d in engine.lint(code + glued, "notes.md").diagnostics] == ["spacing.RunOnWord"]


def test_no_change_of_spaces_is_safe_in_technical_writing():
    """Technical writing closes compounds no dictionary has: "formatters" is no "for matters"."""
    from textlint.diagnostics import Applicability

    code = "# Notes\n\nSet `timeout` and `retries` in `config.toml`; see `a.b`, `c.d` and `e.f`.\n\n"
    line = "Some AsciiDoc formatters mishandle a displayed illustration.\n"
    engine = Engine(overrides=Overrides(select=["spacing.RunOnWord"]))
    assert any("formatters" in d.message for d in engine.lint(line, "notes.txt").diagnostics)
    technical = engine.lint(code + line, "notes.md").diagnostics
    assert [d.fix.applicability for d in technical if "formatters" in d.message] == [Applicability.UNSAFE]


@pytest.mark.parametrize("text, expected", [
    ("Please remember to backout the change if it breaks tests.",
     "Please remember to back out the change if it breaks tests."),
    ("We still might need to backout this feature.", "We still might need to back out this feature."),
    ("She can checkin tomorrow.", "She can check in tomorrow."),
    ("Members show their card when they checkin to receive credit.",
     "Members show their card when they check in to receive credit."),
    ("To backout, cancel the pipeline.", "To back out, cancel the pipeline."),
])
def test_a_glued_form_in_a_verb_slot_is_split_unsafely(text, expected):
    """A closed compound that no dictionary has, where only a verb can stand (after a modal,
    a subject pronoun, or "to" before an object): the verb is written apart."""
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected
    assert fixed(text) == text  # which words the author meant is the lexicon's guess: unsafe


@pytest.mark.parametrize("text", [
    "The backout plan came with the release.",
    "Backout is spelled as a noun in this paragraph.",
    "It only takes two days from quality check to rollout.",
    "The release rollout failed.",
    "Sami was checkin his e-mails.",
    "Point the browser to localhost or to the proxy.",
    "From design to rollout, the team stayed small.",
])
def test_a_glued_form_outside_a_verb_slot_is_left_to_the_model(text):
    assert findings(text) == []


def test_the_pronoun_i_glued_to_a_word_it_pairs_with_is_split_unsafely():
    text = "Nor did the Chief Superintendent, Ibelieve, know that."
    assert [m for _, m in findings(text)] == ["'Ibelieve' looks like 'I believe'"]
    assert fixed(text, unsafe=True) == "Nor did the Chief Superintendent, I believe, know that."
    assert fixed(text) == text


@pytest.mark.parametrize("text", ["The Ising model fits.", "Iman spoke to the Iowa delegates.",
                                  "Ibad and Ipan are villages."])
def test_names_that_start_with_i_are_no_glued_pronoun(text):
    """No web word pair joins the pronoun to "sing", "man", "bad" or "pan"."""
    assert findings(text) == []


def test_two_function_words_glued_are_cut_safely():
    """No name is two function words glued, six letters or more, unknown to the lexicon."""
    text = "We waited. Sincethis was so, we left. Whenshe came, we ate."
    assert fixed(text) == "We waited. Since this was so, we left. When she came, we ate."


@pytest.mark.parametrize("text", ["Then Bethe spoke to us.", "Then Asher spoke to us.", "Then Willis spoke to us."])
def test_names_of_two_function_words_are_not_cut_safely(text):
    assert fixed(text) == text


def test_a_name_like_closed_class_word_glued_to_a_function_word_is_cut_safely():
    """"It" is a closed-class word even though it can be a title; "Itwould" is no word and no
    name in LanguageTool's tagger dictionary, and the web writes "it would" apart far more
    often than "itwould" (which the lexicon knows at Zipf 1.3)."""
    text = "See the examples. Itwould be easy to add more."
    assert fixed(text) == "See the examples. It would be easy to add more."


@pytest.mark.parametrize("text", ["We worked ina grammar.", "It served asa matching step."])
def test_a_lowercase_glued_pair_the_lexicon_knows_as_a_name_stays_unsafe(text):
    """"ina" and "asa" are often typos of "in" and "as" (Wiki.typos keeps "closed ina 2005"):
    the cut is offered, but not as a safe fix."""
    assert findings(text)
    assert fixed(text) == text


def test_a_document_writing_a_word_whole_and_split_gets_neither_repair():
    # Found by the long property profile: "Kowalczyk" was split because the document writes
    # "Kow alczyk", and "Kow alczyk" joined because it writes "Kowalczyk"; --fix swapped them.
    line = "said Marta Kowalczyk, who chairs the transport committee."
    text = f"{line}\n\n{line.replace('Kowalczyk', 'Kow alczyk')}"
    assert findings(text) == []
    assert findings(f"{line}\n\n{line}") == []


@pytest.mark.parametrize("old, new", [
    ("usageswould", "usages would"), ("accentbeing", "accent being"), ("pairinto", "pair into"),
    ("theobserver", "the observer"), ("isassociative", "is associative"),
])
def test_a_function_word_glued_to_a_word_with_no_other_reading_is_sure(old, new):
    """No word, no name (lowercase), no typo of a word one edit away: such a cut is fixed
    safely at the margin that reports it (docs/safe-fixes.md)."""
    assert Model(get_lexicon(), {}, 1000).plain_glued(old, new)


@pytest.mark.parametrize("old, new", [
    ("socity", "so city"),  # "society" is one edit away
    ("broadcastin", "broadcast in"),  # "broadcasting"
    ("onmy", "on my"),  # two function words (and "only")
    ("wethe", "we the"),
    ("seeme", "see me"),  # a word the lexicon knows
    ("Theobserver", "The observer"),  # capitalised: the margin decides
    ("visitethe", "visite the"),  # "visite" is no dictionary word
    ("ropehouse", "rope house"),  # no function word: an author's compound
])
def test_other_cuts_need_the_safe_margin(old, new):
    assert not Model(get_lexicon(), {}, 1000).plain_glued(old, new)


def test_a_typo_of_a_word_is_the_same_asked_of_the_table_or_of_the_set_of_frequent_words(monkeypatch):
    by_table, by_set = lexicon._load(), lexicon._load()  # (each its own set, made or not)
    for lex in (by_table, by_set):
        lex.expect(10**7)  # (a set is made from the dict)
    monkeypatch.setattr(lexicon, "STRINGS_BEFORE_A_SET", 0)
    assert by_set.words_from(Params().solid_zipf, 0) is not None
    monkeypatch.setattr(lexicon, "STRINGS_BEFORE_A_SET", 10**9)
    for token, pieces, typo in [
        ("socity", ["so", "city"], True), ("broadcastin", ["broadcast", "in"], True), ("onmy", ["on", "my"], True),
        ("usageswould", ["usages", "would"], False), ("theobserver", ["the", "observer"], False),
        ("cty", ["c", "ty"], True), ("Socity", ["so", "city"], False), ("naïvee", ["naïve", "e"], False),
        ("kafés", ["ka", "fés"], False), ("cafée", ["café", "e"], True), ("ÉCOLE", ["é", "cole"], True),
        ("zzqx", ["zz", "qx"], False),
    ]:
        answers = [Model(lex, {}, 1000).typo_of_word(token, pieces) for lex in (by_table, by_set)]
        assert answers == [typo, typo], token
    assert by_table.words_from(Params().solid_zipf, 0) is None


def test_the_large_sets_of_words_are_not_walked_by_the_collector(monkeypatch):
    lex = lexicon._load()
    lex.expect(10**7)
    monkeypatch.setattr(lexicon, "STRINGS_BEFORE_A_SET", 0)
    words = lex.words_from(Params().solid_zipf, 0)
    assert len(words) > 10_000 and "the" in words and not gc.is_tracked(words)
    assert len(closed_compounds()) > 10_000 and "spellchecking" in closed_compounds()
    assert not gc.is_tracked(closed_compounds())


_SOME_WORDS = ["the", "there", "cathedral", "catch", "cat", "act", "tac", "a", "ab", "bat", "tab", "abba", "batch"]


@given(st.text("abcehrt", max_size=9), st.lists(st.sampled_from(_SOME_WORDS), min_size=1))
@example("cathedrl", ["cathedral"])
@example("hte", ["the"])
def test_the_edits_within_the_reach_into_a_set_of_words_make_every_word_of_it_that_an_edit_makes(token, words):
    lex = lexicon.Lexicon(dict.fromkeys(words, 500), {}, -6.5)
    lex.words_from(3.0, lexicon.STRINGS_BEFORE_A_SET)
    made = set(one_edit_strings(token, *lex.word_reach(3.0, token)))
    assert made <= set(one_edit_strings(token))
    assert made & set(words) == set(one_edit_strings(token)) & set(words)


@given(st.text("abcehrt-'Q", max_size=9),
       st.lists(st.text("abcehrt", min_size=1, max_size=10) | st.sampled_from(["the", "café", "a-b", "tea"]),
                min_size=1, max_size=120))
@example("cathedrl", ["cathedral"])
@example("hte", ["the"])
@example("ab", ["a-b", "aQb"])  # (no letter to insert)
@example("aeb", ["a-b", "aQb"])  # (no letter to put in place of one)
@example("ta", ["t" + c + "a" for c in "abcdefghijklmnopqrstuvwxyz"] + ["t" + c for c in "bcdefghijklmnopqrstuvwxyz"])
def test_the_edits_read_off_the_words_that_start_alike_make_every_word_that_an_edit_makes(token, words):
    lex = lexicon.Lexicon(dict.fromkeys(words, 500), {}, -6.5)
    lex.words_from(3.0, lexicon.STRINGS_BEFORE_A_SET)
    reach = lex.word_reach(3.0, token)
    made = set(one_edit_words(token, *reach, partial(words_starting_in, lex.ordered_words_from(3.0)[0])))
    assert made & set(words) == set(one_edit_strings(token)) & set(words)


def test_a_sure_cut_gets_a_safe_fix():
    text = "Such transitive usageswould reduce the error."
    assert fixed(text) == "Such transitive usages would reduce the error."


@pytest.mark.parametrize("forms", [
    None, frozenset(), frozenset({"abcde", "xyzzy"}), frozenset({"abcd"}), frozenset({"abcdE"}),
    frozenset({"abcdé"}), frozenset({"abc1e"}), frozenset({"ab cde"}), frozenset({"abcdeª"}),
    frozenset({"abcdef", "ab_de"}),
])
def test_the_glued_forms_are_told_ascii_as_the_pattern_tells_them(forms):
    import re

    from textlint.checks.spacing.model import glued_forms
    from textlint.checks.spacing.slots import _ascii

    forms = glued_forms() if forms is None else forms
    assert _ascii(forms) == all(re.fullmatch(r"[a-z]{5,}", w) for w in forms)


def test_the_glued_forms_are_found_where_the_token_pattern_finds_them():
    import random

    from textlint.checks.spacing.slots import _TOKEN, _tokens_in

    forms = frozenset({"ather", "backout", "checkin"})
    pieces = ["ather", "backout", "checkin", "F", "r", "é", "-", "'", ".", " ", "  ", "\n", "3", "_", "—", "x"]
    rng = random.Random(14)
    texts = ["Father rather ather (ather) xather Éather éather —ather 3ather ather3 ather_ ather.",
             *("".join(rng.choice(pieces) for _ in range(30)) for _ in range(3000)),
             # a form once, between two pieces: found only if the runs are read right around it
             *(f"{a}{form}{b}" for form in forms for a in [*pieces, "(", "«"] for b in [*pieces, ")", "»"])]
    for text in texts:
        expected = [m.span() for m in _TOKEN.finditer(text) if m.group() in forms]
        assert [m.span() for m in _tokens_in(text, forms)] == expected, text


def test_the_words_of_a_text_find_what_its_scans_find():
    # a document whose prose is all its text holds every token and every seam of the run-on
    # scans among its words (spacing._text_words): looking there first changes no finding
    import random

    from textlint.checks.spacing import _text_words
    from textlint.checks.spacing.glued import PRONOUN_WORD, _glued_pronoun, _pronoun_places, glued_runons, pronoun_runons
    from textlint.checks.spacing.slots import _tokens_in

    forms = frozenset({"ather", "backout", "checkin"})
    pieces = ["ather", "backout", "checkin", "F", "r", "é", "-", "'", "’", "’s", "'s", ".", ",", " ", "\n",
              "3", "12", "٣", "_", "—", "x", "was", "in", "(", "“", "Putin", "message", "#", "/",
              "I", "Ithink", "Ithinking", "believe", "Ié", "IBM", "@"]
    rng = random.Random(15)
    texts = ["Putin’smessage was960 in1984 3dogs", "Father ather (backout) xcheckin", "Ibelieve (Ithink) I.Ihope",
             *("".join(rng.choice(pieces) for _ in range(30)) for _ in range(3000))]
    lexicon = get_lexicon()
    compared = pronouns = 0
    for text in texts:
        doc = Document(text)
        words = _text_words(doc)
        if words is None:
            continue
        compared += 1
        assert [m.span() for m in _tokens_in(text, forms, words)] == [m.span() for m in _tokens_in(text, forms)], text
        assert [(c.start, c.new) for c in glued_runons(text, lexicon, 5.5, 4.0, doc.unlettered_words)] == \
            [(c.start, c.new) for c in glued_runons(text, lexicon, 5.5, 4.0)], text
        if doc.titled_words is not None:  # (told by the compiled count of the words)
            assert [m.span() for m in _pronoun_places(text, doc.titled_words, lexicon)] == \
                [m.span() for m in PRONOUN_WORD.finditer(text) if _glued_pronoun(m.group(), lexicon)], text
            assert [(c.start, c.new) for c in pronoun_runons(text, lexicon, doc.titled_words)] == \
                [(c.start, c.new) for c in pronoun_runons(text, lexicon)], text
            pronouns += any(pronoun_runons(text, lexicon))
    assert compared > 1000
    assert pronouns > 50 or Document("Ibelieve").titled_words is None  # (told by the compiled count alone)


def test_a_chunk_answer_that_document_words_swayed_is_quiet_in_its_document_only():
    # "spokesman" is firm and not suspicious, but the document's counts of pieces of it
    # ("okesman", ...) swayed that answer: it is quiet in this document, never in all of them,
    # and a line that holds it records those counts as what its repairs depend on, whether
    # the answer is worked out or read back
    from collections import Counter

    from textlint.checks.spacing.model import judge_line

    model = Model(get_lexicon(), Counter("the spokesman of the party said".split()), 1000)
    lines: dict = {}
    for key in ("first", "again"):
        judged = model.memo(lines, key, judge_line, model, "the spokesman of the party")
        assert judged.infos[1][1:5] == ("spokesman", "", False, True) and judged.loud == [2]
    deps = model._chunks["spokesman"][1]
    assert deps and "spokesman" not in model._quiet
    first, again = set(lines["first"][1].items()), set(lines["again"][1].items())
    assert set(deps.items()) <= first and again == first


def test_the_glued_forms_are_every_word_line_of_their_file():
    import gzip

    from textlint.checks.spacing.model import GLUED_FORMS, glued_forms

    with gzip.open(GLUED_FORMS, "rt", encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    words = {line for line in lines if line and not line.startswith("#")}
    assert glued_forms() == words and len(words) > 1000 and "infact" in words


def test_a_change_kept_as_a_record_comes_back_shifted():
    # the line memo keeps a line's repairs as tuples of strings and numbers (model.change_record)
    from textlint.checks.spacing.model import Change, change_at, change_record

    for change in (Change(3, 12, "govern ment", "government", [], [(9, 10)], 1.5, True, None),
                   Change(0, 8, "Alotof", "A lot of", [1, 4], [], 0.25, False, False),
                   Change(5, 9, "ôtéx", "ô téx", [6], [], 2.0, True, True)):
        record = change_record(change)
        assert type(record) is tuple and all(type(f) is not list for f in record)
        assert change_at(record, 0) == change and change_at(record, 0) is not change
        moved = change_at(record, 7)
        assert (moved.start, moved.end, moved.old, moved.new, moved.gain, moved.certain, moved.sure) == (
            change.start + 7, change.end + 7, change.old, change.new, change.gain, change.certain, change.sure)
        assert moved.inserts == [p + 7 for p in change.inserts]
        assert moved.deletes == [(a + 7, b + 7) for a, b in change.deletes]


def test_line_repairs_learned_from_another_process_are_used_as_they_are(monkeypatch):
    # what a worker process hands to the others (textlint.runner._run_tasks): a process
    # that has forgotten every line takes them and analyses no line again
    import textlint.checks.spacing as spacing

    text = "Cooperation is developing successfullyas agreed.\n\nPresident Vladimir Putinin his capacity.\n"
    clear_shared_caches()
    position = spacing.learn_line_repairs([])
    before = findings(text)
    learned = spacing.line_repairs_since(position)
    assert set(text.split("\n")) <= {line for line, _ in learned}
    assert ("spacing.RunOnWord", "'successfullyas' looks like 'successfully as'") in before
    clear_shared_caches()
    monkeypatch.setattr(spacing, "_line_changes", lambda model, line: pytest.fail(f"analysed again: {line}"))
    position = spacing.learn_line_repairs(learned)
    assert position == len(learned)
    assert findings(text) == before
    assert spacing.line_repairs_since(position) == []
    clear_shared_caches()



def test_the_memo_tables_start_afresh_beyond_their_bound_in_a_run_of_many_documents(monkeypatch):
    # every table exists after the first document: the bound must hold for later ones too
    import textlint.checks.spacing as spacing
    from textlint.checks.spacing import model
    from textlint.lexicon import get_lexicon

    clear_shared_caches()
    monkeypatch.setattr(model, "SHARED_CACHE_SIZE", 40)
    sizes = [0]
    for i in range(16):
        assert findings(f"Report {i} says the weather was{' fine' * i} and the {i} roads were open.") == []
        sizes.append(sum(map(len, model._SHARED[(get_lexicon(), spacing.PARAMS)].values())))
    added = max(b - a for a, b in zip(sizes, sizes[1:]))
    assert any(b < a for a, b in zip(sizes, sizes[1:]))  # started afresh at least once
    assert max(sizes) <= 40 + added
    clear_shared_caches()


def test_a_firm_word_joins_only_into_a_lexicon_word(seed_text):
    """`analyse_line` decides a pair beside a firm word by the joined form alone (not a word
    of the lexicon: not joinable), before `Model.pair_joinable`: the two must agree, in a
    document that repeats the tokens too (the document raises a word, never a joined form)."""
    clear_shared_caches()
    lexicon = get_lexicon()
    tokens = [t.strip(".,;:!?\"'()“”‘’") for t in seed_text.split()]
    tokens = [t for t in tokens if t.isalpha()] + ["evergr", "een", "gov", "ernment", "Kow", "alczyk"]
    decided = 0
    for vocabulary in ({}, {t: 3 for t in tokens}):
        model = Model(lexicon, vocabulary, 1000)
        for x, y in zip(tokens, tokens[1:] + tokens[:1]):
            if (model.chunk(x)[4] or model.chunk(y)[4]) and lexicon.zipf_table().get((x + y).lower(), 0) <= 0:
                decided += 1
                assert not model.pair_joinable(x, y), (x, y)
    assert decided > 100


def test_a_pair_is_looked_up_only_where_the_list_can_hold_it(seed_text):
    """`Model.pmi_of` (and the lattice, which has it inline) skips the lookup of a pair whose
    first word begins no pair of the list or whose second ends none: it must give what the
    list gives for every pair of the seed article's words and their cuts."""
    clear_shared_caches()
    lexicon = get_lexicon()
    model = Model(lexicon, {}, 1000)
    words = [t.strip(".,;:!?\"'()“”‘’") for t in seed_text.split()]
    words = [w for w in words if w.isalpha() and model.lex_word(w) is not None]
    pieces = {w[:c] for w in words for c in range(1, len(w))} | {w[c:] for w in words for c in range(1, len(w))}
    words += sorted(p for p in pieces if model.lex_word(p) is not None)
    found = 0
    for x, y in [*zip(words, words[1:]), *zip(words, reversed(words))]:
        expected = lexicon.pmi_table().get(f"{x.lower()} {y.lower()}")
        assert model.pmi_of(model.lex_word(x), model.lex_word(y)) == expected, (x, y)
        found += expected is not None
    assert found > 100


def test_a_capitalised_word_after_an_acronym_is_part_of_a_name():
    text = "Heathrow anti-noise campaigners HACAN Clearskies and the London boroughs objected."
    assert findings(text) == []
    # camel case and lowercase tokens after an acronym stay judged
    assert [r for r, _ in findings("The EU foreignministers met in Brussels today.")] == ["spacing.RunOnWord"]


def test_two_known_words_that_make_up_a_quotation_are_not_joined():
    assert findings('He argues that Westminster has its share of "odd balls" and the show will help.') == []
    # fragments that are no words are joined inside quotation marks too
    assert [r for r, _ in findings('He said that "evergr een" was spelt so.')] == ["spacing.SplitWord"]


@pytest.mark.parametrize("text", ["We had a boo boo.", "The baby said yum yum.", "She said ta ta to him."])
def test_a_word_and_its_copy_is_a_reduplication_not_a_split_word(text):
    assert [r for r, _ in findings(text) if r.startswith("spacing.")] == []


def test_halves_that_are_no_words_of_their_own_are_still_joined():
    assert [r for r, _ in findings("There was a low mur mur of voices.")] == ["spacing.SplitWord"]


@pytest.mark.parametrize("text, expected", [
    ("Afterall, there was nothing to eat.", "After all, there was nothing to eat."),
    ("Eachother was the word they used.", "Each other was the word they used."),
])
def test_capitalised_glued_form_of_a_common_word_is_cut_unsafely(text, expected):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "Hasan said that the plan would work.",  # a glued form ("has an") that is a name
    "Foran said that the plan would work.",  # "for an": a closed pair, but shorter than six letters
])
def test_capitalised_glued_form_that_may_be_a_name_is_left_alone(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, expected, safe", [
    ("He always look sfor challenges.", "He always looks for challenges.", False),
    ("Sometimes the spac eis one character early.", "Sometimes the space is one character early.", False),
    ("The village had allh ouseholds connected by road.", "The village had all households connected by road.",
     True),
    ("The first an dpreviously unknown book was found.", "The first and previously unknown book was found.",
     True),
])
def test_space_moved_by_one_letter(text, expected, safe):
    assert [r for r, _ in findings(text)] == ["spacing.RunOnWord"]
    assert fixed(text, unsafe=True) == expected
    assert fixed(text) == (expected if safe else text)


@pytest.mark.parametrize("text", [
    "He typed an iput into the form.",  # a typo of "input" explains it as well ("ani put")
    "They look sfor it, and the sfor team looks sfor more.",  # a token the document repeats is a word
])
def test_moved_space_not_flagged(text):
    assert [m for _, m in findings(text) if "looks like" in m and " " in m.split("'")[1]] == []


@given(st.text(alphabet="ab Z1é.'’-/@\n", max_size=60), st.integers(0, 60))
@example("ab \ncd", 4)
@example("x" * 50 + " ab ", 54)
@example(" ab ", 4)
def test_moved_spaces_search_before_is_the_plain_search(text, end):
    """``moved._search_before`` finds what the pattern's search over the 40 characters before
    *end* finds."""
    end = min(end, len(text))
    for pattern in (moved._PAIR_BEFORE, moved._WORD_BEFORE):
        found, plain = moved._search_before(pattern, text, end), pattern.search(text, max(0, end - 40), end)
        assert (found and (found.span(), found.span(1))) == (plain and (plain.span(), plain.span(1)))


@given(st.lists(st.sampled_from(["look", "sfor", "spac", "eis", "allh", "ouseholds", "an", "dpreviously", "Thec", "at",
                                  "a", "I", "ia", "ti", "s", "é", "caf", "éx", "Zq", "the", "\n", "\nsfor", "x-y", "o'",
                                  "’s", "1", "@at", "at.", "/at", "is", "it", "ts", "hat"])
                | st.text(alphabet="abehilnorstTé\n.'’-/@1", max_size=8), max_size=10),
       st.sampled_from(["", " "]))
@example(["look", "sfor"], " ")
@example(["spac", "eis"], " ")
@example(["had", "allh", "ouseholds", "connected"], "")
@example(["Thec", "at", "sat"], "")
@example(["\nsfor"], "")
def test_moved_spaces_are_looked_for_only_where_a_move_may_make_a_frequent_word(tokens, glue):
    """``moved._may_move`` is a necessary condition: where it says no, ``moved._around`` finds
    no moved space at the token, for every whole token of a line."""
    model = Model(get_lexicon(), {}, 1000)
    line = " ".join(tokens) + glue
    zipf = model.lex.zipf_table()
    for whole in moved._WHOLE.finditer(line):
        if not moved._may_move(line, whole.start(), whole.group(), zipf):
            assert list(moved._around(line, whole.start(), whole.end(), model)) == []


@given(st.lists(st.sampled_from(["look", "sfor", "spac", "eis", "allh", "ouseholds", "an", "dpreviously", "Thec", "at",
                                  "a", "I", "ia", "ti", "s", "é", "caf", "éx", "Zq", "the", "\n", "\nsfor", "x-y", "o'",
                                  "’s", "1", "@at", "at.", "/at", "is", "it", "ts", "hat", "iput", "byt"])
                | st.text(alphabet="abehilnorstTé\n.'’-/@1", max_size=8), max_size=10),
       st.sampled_from(["", " "]), st.sets(st.integers(0, 9), max_size=10), st.integers(1, 3))
@example(["look", "sfor"], " ", {1}, 1)
@example(["spac", "eis"], "", {0, 1}, 1)
@example(["had", "allh", "ouseholds", "connected"], "", {1, 2}, 1)
@example(["Thec", "at", "sat"], "", {0}, 1)
@example(["\nsfor"], "", {0}, 1)
@example(["allh", "ouseholds"], "", {0}, 1)
def test_a_line_whose_tokens_may_not_move_has_no_moved_space_in_any_document(tokens, glue, picked, count):
    """Where ``moved.may_move_in`` says no (before any document count is read), ``moved_spaces``
    finds nothing, whatever the document's counts of the tokens: the line's repairs depend on
    none of them."""
    line = " ".join(tokens) + glue
    no_words = [t.strip() for k, t in enumerate(tokens) if k in picked and t.strip()]
    for vocab in ({}, {w: count for w in no_words}):
        model = Model(get_lexicon(), vocab, 1000)
        if not moved.may_move_in(line, model, no_words):
            assert list(moved.moved_spaces(line, model, no_words)) == []


#: Marks around a word in a chunk ("(Thec", "sfor,"), which moved spaces strip off a chunk.
_MARKS = "\"'“‘«([{¿¡”’»)]}.,;:!?…"


@given(st.lists(st.sampled_from(["sfor", "look", "(Thec", "spac,", "eis.", "the", "Mr", "a", "iput", "Zzq", "ZZq",
                                  "“Xqv”", "xqv’s", "xqv's", "(xqv's)", "xqv’", "café", "1990", ".", "qq", "Hopea",
                                  "byt", "nof", "Zither", "zither,", "(quokka", "Xqv.'"])
                | st.text(alphabet="abqsZ.,(é1’'", min_size=1, max_size=6), min_size=1, max_size=12))
def test_no_words_are_the_loud_chunks_unknown_once_stripped(chunks):
    """``JudgedLine.no_words`` (the chunk answers cold, then remembered) are the loud chunks,
    their marks stripped, that ``Model.may_be_no_word`` finds, in order."""
    from textlint.checks.spacing.model import judge_line
    clear_shared_caches()
    model = Model(get_lexicon(), {}, 1000)
    line = " ".join(chunks)
    for _ in range(2):
        judged = judge_line(model, line)
        loud = [] if judged is None else [judged.chunks[k] for k in judged.loud]
        expected = [core for core in (c.strip(_MARKS) for c in loud) if model.may_be_no_word(core)]
        assert ([] if judged is None else judged.no_words) == expected


def test_tokens_without_case_are_no_glued_forms():
    model = Model(get_lexicon(), {}, 1000)
    assert not model.glued("漢字漢字")  # (no lowercase form: asked once, not again and again)


@pytest.mark.parametrize("text", [
    "The classic game of tic tac toe is played on a grid.",  # "tictac" is rarer than each piece
])
def test_two_words_are_not_joined_safely_into_a_rarer_word(text):
    assert [r for r, _ in findings(text)] == ["spacing.SplitWord"]
    assert fixed(text) == text


@pytest.mark.parametrize("text", [
    "Notmuch is a system for indexing mail.",  # its sentence defines it
    "You can search your mail with Notmuch today.",  # a function word capitalised mid-sentence
    "Her foundry tyPoland made it.",  # a stylised name: "ty" is no word of the dictionary
    # a quotation is a mention
    'It includes both the desktop "kookbook" program and a touchscreen version "kookbooktouch".',
])
def test_names_by_the_documents_evidence_are_not_cut_safely(text):
    assert fixed(text) == text


@pytest.mark.parametrize("text, expected", [
    ("It rained all day. Thealbum was released in May.", "It rained all day. The album was released in May."),
    # a determiner starts a noun phrase, which may be the subject of "is a"
    ("Thefollowing is a list of notable people.", "The following is a list of notable people."),
])
def test_a_function_word_glued_at_a_sentence_start_is_still_cut_safely(text, expected):
    assert fixed(text) == expected


def test_the_spacing_checks_get_the_lexicon_ready_before_any_rule_checks(monkeypatch):
    # the rules before them ask the lexicon too: its dicts are built first (Rule.prepare)
    from textlint.checks.base import Check
    from textlint.linter import Linter

    asked = []
    monkeypatch.setattr(spacing_checks, "expect_questions", lambda doc: asked.append("lexicon ready"))

    class Before(Check):
        ID = "test.Before"

        def check(self, doc):
            asked.append("checked")
            return []

    Linter([Before(), spacing_checks.RunOnWord()]).lint(Document("A text of some words."))
    assert asked[:2] == ["lexicon ready", "checked"]


def test_plain_parts_are_the_groups_of_the_plain_pattern():
    # the string-method reading of a chunk (marks, letters, marks) must give what PLAIN gives,
    # and leave every other chunk to it: fuzzed chunks of marks, letters, combining marks,
    # possessives, apostrophes, hyphens and digits
    import random

    from textlint.checks.spacing import model

    pieces = [*model.OPENING_MARKS, *model.CLOSING_MARKS, "a", "Z", "é", "ß", "ǅ", "ʰ", "\u0301", "s", "'s", "’s",
              "'", "’", "-", "1", "_", "x", "ab", "Ωμ", "中"]
    rng = random.Random(6)
    chunks = ["", *pieces, *(a + "word" + b for a in pieces for b in pieces),
              *("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000))]
    for chunk in chunks:
        m = model.PLAIN.fullmatch(chunk)
        assert model.plain_parts(chunk) == (None if m is None else m.group(1, 2, 3)), chunk


def _suspicious_plainly(model: Model, core: str) -> bool:
    """:meth:`Model.suspicious` as its docstring puts it, with the model's own scores and none
    of its inlined lookups: whether the best cut of *core* in two, without context, comes
    within what context can add of beating it."""
    from textlint.checks.spacing.model import CONTEXT_BOUND, LETTER_WORDS

    p = model.p
    if len(core) == 1:
        return core not in LETTER_WORDS
    if model.known_above(core, p.check_zipf - 9, True):
        return False
    need = model.logp(core, True) + p.unsafe_margin - CONTEXT_BOUND
    for c in range(1, len(core)):
        left, right = core[:c], core[c:]
        if any(len(w) == 1 and w not in LETTER_WORDS for w in (left, right)):
            continue  # no letter alone but a word
        seam = camel_seam(core, c)
        if (left[-1].isupper() or right[0].isupper()) and not seam:
            continue
        if model.known(left) is None and model.known(right) is None:
            continue
        score = (model.logp(left) + model.logp(right) - (p.camel_cost if seam else p.ins_cost)
                 + model.pair_of(model.lex_word(left), model.lex_word(right)))
        if score >= need:
            return True
    return False


#: Pieces of the tokens the property below judges: words frequent and rare, fragments, single
#: letters, names, capitals, glued forms.
_PIECES = ["the", "in", "of", "a", "I", "to", "as", "is", "government", "spokes", "man", "fully", "success",
           "Putin", "America", "Cuba", "UN", "Security", "gov", "ern", "evergr", "een", "x", "q", "able",
           "like", "infact", "eachother", "law", "enforcement", "Blunkett", "okesman", "toolbox", "notebook"]
_TOKENS = st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
                    st.text(alphabet="abdeinorstuAIEUTX", min_size=1, max_size=14))


@given(_TOKENS, st.sampled_from([str, str.capitalize, str.lower, str.upper]),
       st.dictionaries(st.one_of(st.sampled_from(_PIECES), _TOKENS), st.integers(1, 40), max_size=8))
def test_suspicion_is_its_plain_formulation_answer_and_dependencies(token, case, vocabulary):
    # Model.suspicious reads the lexicon and the document inline, a cut at a time: it must
    # answer as its plain formulation with the model's scores, and record the same document
    # words as what swayed the answer, for words and glued pieces in a document that holds
    # some of them (so that its counts raise pieces)
    from collections import Counter

    core = case(token)
    document = Counter({"the": 50, **vocabulary})
    inline, plain = (Model(get_lexicon(), document, sum(document.values())) for _ in range(2))
    assert (inline.suspicious(core), inline._hits) == (_suspicious_plainly(plain, core), plain._hits), core


def _joinable_pairs_plainly(model: Model, chunks: list[str], loud: list[int]) -> list[int]:
    """The pairs of chunks that may join, as :func:`model._joinable_pairs` puts it, with
    :meth:`Model.joinable` asked of every pair with a loud chunk in it that no mark parts,
    whose second word has no capital, whose first is not all capitals (but "A", "I") and that
    are not two firm words."""
    from textlint.checks.spacing.model import LETTER_WORDS

    pairs = []
    for k in range(len(chunks) - 1):
        x, y = model.chunk(chunks[k]), model.chunk(chunks[k + 1])
        if not (k in loud or k + 1 in loud) or x is None or y is None:
            continue
        (_, first, trail, _, firm_x, *_), (lead, second, _, _, firm_y, *_) = x, y
        if trail or lead or second[0].isupper() or first.isupper() and first not in LETTER_WORDS \
                or firm_x and firm_y:
            continue
        if model.joinable(first, second):
            pairs.append(k)
    return pairs


_CHUNKS = st.one_of(st.sampled_from([*_PIECES, "gether", "ernment", "to", "the", "evergr", "een", "f",
                                     "amiliy", "UN", "A", "I", "a", "some", "thing", "any", "way"]), _TOKENS)


@given(st.lists(st.tuples(st.sampled_from(["", "(", '"']), _CHUNKS, st.sampled_from(["", ",", ".", "'s"])),
                min_size=1, max_size=12),
       st.dictionaries(st.one_of(st.sampled_from(_PIECES), _TOKENS), st.integers(1, 40), max_size=8))
@example([("", "gov", ""), ("(", "ern", "")], {}).via("a mark before the second")
@example([("", "high", ""), ("(", "ly", "")], {}).via("a mark before a loud second after a quiet word")
@example([("", "gov", ","), ("", "ern", "")], {}).via("a mark after the first")
@example([("", "pro", ","), ("", "ject", "")], {}).via("a mark after a loud first before a quiet word")
@example([("", "UN", ""), ("", "ern", "")], {}).via("capitals first")
@example([("", "the", ""), ("", "gov", ""), ("", "Ern", "")], {}).via("a capital second")
@example([("", "to", ""), ("", "gether", ""), ("", "to", ""), ("", "the", "")], {}).via("a word and a firm word")
def test_the_pairs_of_a_line_that_may_join_are_their_plain_formulation(parts, vocabulary):
    # _joinable_pairs reads the flags of the chunk answers and the pair memo inline (and
    # remembers a firm word and a word it makes no lexicon word with as apart): it must find the
    # pairs that Model.joinable joins, in documents whose counts raise pieces
    from collections import Counter

    from textlint.checks.spacing.model import _joinable_pairs, judge_line

    line = " ".join(lead + core + trail for lead, core, trail in parts)
    document = Counter({"the": 50, **vocabulary})
    clear_shared_caches()
    inline, plain = (Model(get_lexicon(), document, sum(document.values())) for _ in range(2))
    judged = judge_line(inline, line)
    if judged is None:
        return
    assert _joinable_pairs(inline, judged.infos, judged.loud) == _joinable_pairs_plainly(
        plain, judged.chunks, judged.loud), line
    # and again from the memos the first pass filled
    assert _joinable_pairs(inline, judged.infos, judged.loud) == _joinable_pairs_plainly(
        plain, judged.chunks, judged.loud), line


def test_memo_entries_hold_only_strings_and_numbers_besides_their_values():
    # a memo entry's deps are the dict of words and counts its computation filled (model.Deps):
    # the cyclic collector never tracks a dict of strings and numbers, where a tuple of
    # (word, count) pairs was an object per dependency for it to walk
    import gc

    from textlint.checks.spacing import model
    from textlint.lexicon import get_lexicon

    clear_shared_caches()
    findings("President Vladimir Putinin his capacity met Kowalczyk and Kow alczyk in Maternity.")
    tables = model._SHARED[(get_lexicon(), spacing_checks.PARAMS)]
    entries = [e for name in ("chunks", "joinable", "best", "features", "lines") for e in tables[name].values()]
    assert any(deps for _, deps in entries)
    for _, deps in entries:
        assert deps == () or type(deps) is dict and all(
            type(w) is str and type(c) is int for w, c in deps.items()), deps
    gc.collect()
    gc.collect()
    assert not any(gc.is_tracked(deps) for _, deps in entries)
    clear_shared_caches()


@given(_TOKENS, _TOKENS, st.sampled_from([str, str.capitalize, str.upper]), st.sampled_from(["", ",", "("]),
       st.dictionaries(st.one_of(st.sampled_from(_PIECES), _TOKENS), st.integers(1, 40), max_size=8))
@example("e", "bdrst", str, "", {})  # fragments that join into no lexicon word
@example("gov", "ernment", str, "", {})  # into one
@example("said", "he", str, "", {})  # a firm word and one that joins into none
@example("may", "be", str, "", {"maybe": 3})
@example("note", "book", str, "", {})  # two firm words
def test_a_pair_of_chunks_joins_as_model_joinable_says(first, second, case, mark, vocabulary):
    # analyse_line's test of a pair of chunks (model._joinable_pairs) reads the lexicon for a
    # pair with a firm word before the memo, and the memo before Model.joinable: it must answer
    # as Model.joinable on the two cores (marks between them keep them apart, two firm words
    # stay two), whatever the memo already holds, in a document whose counts raise some pieces
    from collections import Counter

    from textlint.checks.spacing.model import _joinable_pairs

    document = Counter({"the": 50, **vocabulary})
    inline, plain = (Model(get_lexicon(), document, sum(document.values())) for _ in range(2))
    x, y = inline.chunk(case(first) + mark), inline.chunk(mark.replace(",", "") + second)
    expected = x is not None and y is not None and not (x[4] and y[4] or x[2] or y[0]) and plain.joinable(x[1], y[1])
    for loud in ([0, 1], [0], [1]):  # the pair looked at from either chunk, or both
        loud = [k for k in loud if (x, y)[k] is not None]
        for _ in range(2):  # the memo empty, then holding what the first answer put there
            assert (_joinable_pairs(inline, [x, y], loud) == [0]) == (expected and bool(loud)), (x, y, loud)


@given(_TOKENS, st.sampled_from([str, str.capitalize, str.lower, str.upper]))
def test_token_features_are_the_model_answers(token, case):
    # the lattice's features of a token read the lexicon's Zipf once: they must be the
    # answers of the model's own methods
    core = case(token)
    model = Model(get_lexicon(), {"the": 50}, 50)
    lex, p = model.lex, model.p
    glued = model.glued(core)
    assert model._token_features(core) == (
        model.solid(core), model.frequent_word(core), core in lex and model.content(core),
        len(core) > 1 and lex.zipf(core) >= p.frequent_zipf, model.cuttable(core),
        len(core) > 1 and core in lex and not glued, core.isupper() and len(core) > 1, glued), core


@given(st.lists(st.tuples(st.sampled_from(["gov", "ern", "the", "Putin", "(in", "of,", "12", "a", "“so"]),
                          st.sampled_from([" ", "  ", "\xa0", "\t", " \xa0"])), min_size=1, max_size=6))
@example([("gov", "\xa0"), ("ern", " ")]).via("a no-break space: one character, no plain space")
def test_chunks_join_across_plain_spaces_only(parts):
    # _Tokens reads whether two chunks are joinable from their Model.chunk answers and the gap
    # between them: both plain words, no mark between them, and nothing but spaces there
    from textlint.checks.spacing.model import _Tokens

    chunks, gaps = [c for c, _ in parts], [g for _, g in parts][:-1]
    line = chunks[0] + "".join(g + c for g, c in zip(gaps, chunks[1:]))
    model = Model(get_lexicon(), {"the": 50}, 50)
    infos = [model.chunk(c) for c in chunks]
    tokens = _Tokens(line, chunks, infos)
    for k, gap in enumerate(gaps):
        x, y = infos[k], infos[k + 1]
        plain = x is not None and y is not None and not x[2] and not y[0] and not gap.strip(" ")
        assert tokens.joinable(k) == plain, (line, k)
    for k, info in enumerate(infos):
        if info is not None:  # positioned where the core stands in the line
            start = len("".join(chunks[:k]) + "".join(gaps[:k])) + len(info[0])
            assert (tokens.token(k).start, tokens.token(k).core) == (start, info[1]), (line, k)
