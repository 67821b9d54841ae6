"""The compiled per-line judgement (native/src/judge.rs) against its Python twins in
textlint/checks/spacing/model.py: ``judge_line_py`` and ``_joinable_pairs_py``. The two must
hand back the same answers and leave the same memo entries, in the same order, with the same
document words recorded (``Model._hits``) and the shared "apart" entry by identity."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks import spacing
from textlint.checks.spacing import model as m, moved
from textlint.checks.spacing.model import Model, clear_shared_caches
from textlint.engine import Engine, Overrides
from textlint.lexicon import get_lexicon

from model_twins import in_two_documents, judged_lines, memo_state, plain, twin_models

pytestmark = pytest.mark.skipif(m._JUDGE is None, reason="textlint_native (with Judge) is not built, or is "
                                "turned off: see native/README.md")


def _judge_both(python: Model, compiled: Model, line: str, in_memo: bool, memo_too: bool = True) -> None:
    """Judge *line* and its pairs with each twin, outside a memo or inside one (as the check
    does: then the document words go to the line's entry), and compare all they did (less
    their memo tables without *memo_too*: the caller compares those once, after many lines)."""
    def judge(model, judge_line, joinable_pairs):
        judged = judge_line(model, line)
        return judged, None if judged is None else joinable_pairs(model, judged.infos, judged.loud)

    results = []
    for model, twins in ((python, (m.judge_line_py, m._joinable_pairs_py)),
                         (compiled, (m._JUDGE.judge_line, m._JUDGE.joinable_pairs))):
        if in_memo:
            results.append(model.memo(model.table("lines"), line, judge, model, *twins))
        else:
            results.append(judge(model, *twins))
    assert plain(results[0]) == plain(results[1]), line
    assert type(results[0][0]) is type(results[1][0])
    if memo_too:
        assert memo_state(python) == memo_state(compiled), line


_WORDS = ["the", "in", "of", "a", "A", "I", "to", "as", "is", "government", "gov", "ernment", "spokes", "man",
          "spokesman", "fully", "success", "successfullyas", "Putin", "Putinin", "America", "CubaPutin", "UN",
          "UNSecurity", "Security", "evergr", "een", "f", "amiliy", "x", "q", "able", "like", "infact",
          "eachother", "law", "enforcement", "Blunkett", "okesman", "toolbox", "notebook", "to", "gether",
          "some", "thing", "any", "way", "McLetchie", "re-elect", "1990s", "Putin's", "Kow", "alczyk",
          # no words where a moved space may be (Model.may_be_no_word)
          "sfor", "Thec", "iput", "xqv", "Xqv", "XQv",
          # beyond ASCII: letters whose case Python and Rust tell apart, marks, other scripts
          "Straße", "İstanbul", "ǅemal", "ΣΟΦΟΣ", "σοφός", "naïve", "café", "Díaz", "Raúl", "ﬁnd", "日本",
          "Ǆ", "ǈ", "Ⅻ", "ß", "ŉ", "e\u0301t", "a" * 41, "Ab" * 21]
_CHUNK = st.one_of(
    st.tuples(st.sampled_from(["", "", "(", '"', "“", "¿"]), st.sampled_from(_WORDS),
              st.sampled_from(["", "", ",", ".", "'s", "’", ")", "…"])).map("".join),
    st.lists(st.sampled_from(_WORDS[:40]), min_size=1, max_size=3).map("".join),
    st.text(alphabet="abdeinorstuAIEUTXßİΣσǅ'.,-(", min_size=1, max_size=12),
    # letters between marks, ASCII and not: what the pattern of plain words reads
    st.text(alphabet="asA'’\"“”‘().,;:!?[]{}«»…¿¡-1é\u0301", min_size=1, max_size=10))
_LINE = st.tuples(st.lists(st.tuples(st.sampled_from([" ", " ", " ", "  ", "\t", "\xa0", "\u2003", "\x1c"]), _CHUNK),
                           max_size=10), st.sampled_from(["", " ", "\t"])).map(
    lambda parts: "".join(space + chunk for space, chunk in parts[0])[1:] + parts[1])
_VOCABULARY = st.dictionaries(st.one_of(st.sampled_from(_WORDS), _CHUNK), st.integers(1, 40), max_size=8)


@settings(deadline=None, max_examples=150)
@given(st.lists(_LINE, min_size=1, max_size=4), _VOCABULARY, _VOCABULARY, st.booleans())
@example(["the spokesman of the party"], {"spokes": 3, "okesman": 2}, {"okesman": 5}, True).via(
    "an answer that document words swayed, then read back, then in a document where they changed")
@example(["gov ernment to gether f amiliy", "gov ernment"], {"gov": 2}, {}, False).via("pairs that join")
@example(["the Putin in said he", "e bdrst said he"], {}, {"bdrst": 2}, False).via("pairs apart")
@example(["Straße İstanbul ǅemal ΣΟΦΟΣ «Ⅻ» \ud800,", ""], {}, {}, True).via("beyond ASCII, and an empty line")
@example(["“Putinin” Putinin’s (Putinin's), ‘gov’ ernment’s a's's ''s' as'. é's Ae\u0301s’s"], {}, {}, False).via(
    "words between marks")
def test_lines_are_judged_as_the_python_twins_judge_them(lines, first, second, in_memo):
    in_two_documents(lines, first, second,
                     lambda python, compiled, line: _judge_both(python, compiled, line, in_memo))


def test_the_lines_of_the_seed_article_are_judged_as_the_python_twins_judge_them(seed_text):
    # the calls the spacing check makes on a real article, recorded, then replayed on twin
    # models (the pass the check makes, then a second document of other counts)
    vocabulary, lines = judged_lines(seed_text, Overrides(select=["spacing"]))
    python, compiled = twin_models(vocabulary)
    for line in lines:
        _judge_both(python, compiled, line, True)
    assert any(e[1] for e in python._chunks.values()) and any(e is m._APART for e in python._joinable.values())
    other = Counter({w: c + 1 for w, c in vocabulary.items() if len(w) % 2})
    python, compiled = twin_models(other, (python._shared, compiled._shared))
    for line in lines:
        _judge_both(python, compiled, line, False)


def test_the_spacing_findings_of_the_seed_article_are_those_of_the_python_twins(seed_text, monkeypatch):
    # the whole check, cold, with the compiled judgement and with the Python one: the same
    # findings and the same memo tables
    def run():
        clear_shared_caches()
        engine = Engine(overrides=Overrides(select=["spacing"]))
        found = [(d.rule, d.start, d.end, d.message) for d in engine.lint(seed_text).diagnostics]
        return found, plain(m._SHARED[(get_lexicon(), spacing.PARAMS)])

    compiled = run()
    monkeypatch.setattr(spacing, "judge_line", m.judge_line_py)
    monkeypatch.setattr(m, "_line_windows", m._line_windows_py)  # (the pairs in Python)
    python = run()
    assert compiled[0] and compiled == python


def test_words_split_anywhere_are_joined_as_the_python_twins_join_them(seed_text):
    # every word of the seed article cut at each place ("gover nment"), its pieces a pair that
    # may join (Model.joinable, compiled for a pair the memo lacks): fresh pairs whose joined
    # word the lexicon has; then in a document of other counts
    words = sorted({w.strip(".,;:'\"()") for w in seed_text.split()} - {""})
    lines = [" ".join(w[:k] + " " + w[k:] for w in words[i:i + 8] for k in range(1, len(w)) if k % 2 or len(w) < 6)
             for i in range(0, len(words), 8)]
    # and two words of the article whose join is a word ("in steps", "Latin as"): answers near the margin
    zipf = get_lexicon().zipf
    pairs = [f"{a} {b}" for a in words for b in words if zipf((a + b).lower()) > 0]
    lines += [", ".join(pairs[i:i + 10]) for i in range(0, len(pairs), 10)]
    vocabulary = Counter(seed_text.split())
    python, compiled = twin_models(vocabulary)
    for line in lines:  # (the memo tables compared after all lines: after each, it took 20 s)
        _judge_both(python, compiled, line, True, memo_too=False)
    assert memo_state(python) == memo_state(compiled)
    joined = [key for key, e in python._joinable.items() if e is not m._APART and e[0]]
    assert len(joined) >= 50
    python, compiled = twin_models(Counter({w: c + 1 for w, c in vocabulary.items() if len(w) % 2}),
                                   (python._shared, compiled._shared))
    for line in lines:
        _judge_both(python, compiled, line, False, memo_too=False)
    assert memo_state(python) == memo_state(compiled)


def test_a_difference_is_seen():
    # the comparison fails when one twin writes what the other does not
    python, compiled = twin_models(Counter({"the": 50}))
    _judge_both(python, compiled, "gov ernment Putinin", False)
    compiled._quiet["gov"] = None
    with pytest.raises(AssertionError):
        _judge_both(python, compiled, "the", False)


@pytest.mark.parametrize("on_instance", [False, True])
def test_a_replaced_suspicious_method_is_asked(monkeypatch, on_instance):
    # the compiled judgement asks the model's compiled bound directly only while
    # Model.suspicious is the class's own method; a replaced one (on the class or on the
    # model) is called, as the Python twin calls it
    asked = []
    original = Model.suspicious

    def recording(model, core):
        asked.append(core)
        return original(model, core)

    if not on_instance:
        monkeypatch.setattr(Model, "suspicious", recording)
    python, compiled = twin_models(Counter({"the": 50}))
    if on_instance:
        for model in (python, compiled):
            model.suspicious = recording.__get__(model)
    _judge_both(python, compiled, "the gov ernment Putinin said successfullyas", False)
    assert asked.count("Putinin") == 2 and asked.count("successfullyas") == 2


@pytest.mark.parametrize("vocabulary", [{}, {"qzv": 3, "Xqzv": 2, "vxw": 4}])
def test_pairs_that_may_be_fragments_are_told_as_the_python_twins_tell_them(vocabulary):
    # fresh pairs that make no lexicon word, neither firm: Model.may_be_fragments (compiled for
    # ASCII) decides between "apart" and the pair's answer; every shape of _unknown_join (a
    # piece of three letters or fewer, one of three or more), pieces the lexicon knows or not,
    # a letter alone (a capital, a letter word, another), and pieces beyond ASCII
    pieces = ["qzv", "xqzvw", "qz", "vx", "q", "X", "a", "I", "zqxvwqzxv", "dog", "og", "ment",
              "ernm", "Qzv", "qzvx", "vxwq", "é", "qzé", "ſzv", "İqz", ""]
    lines = [f"{a} {b}" for a in pieces for b in pieces if a and b]
    python, compiled = twin_models(Counter(vocabulary))
    for line in lines:
        _judge_both(python, compiled, line, False, memo_too=False)
    assert memo_state(python) == memo_state(compiled)
    told = [e for key, e in python._joinable.items()]
    assert m._APART in told and any(e is not m._APART for e in told)


# tokens that are no word beside words a space moved by one letter may make ("look sfor",
# "Thec at", "spac eis"), the letters before and after them ASCII or not
_MOVED_WORDS = ["look", "sfor", "Thec", "at", "spac", "eis", "iput", "xqv", "the", "a", "I", "é", "”", "’s",
                "tod", "ay", "Ïput", "éthec", "thec", "e", "s", "q", "qzxv", "lookt", "her"]
_MOVED_LINE = st.lists(st.tuples(st.sampled_from([" ", " ", "", "  ", "\xa0", "”", "(", "é"]),
                                 st.sampled_from(_MOVED_WORDS)), min_size=1, max_size=8).map(
    lambda parts: "".join(gap + word for gap, word in parts))


def _may_move_both(python: Model, compiled: Model, line: str) -> bool | None:
    """Whether a space may move in *line*, by each twin's judgement (the same), and by the
    function the flag stands for; None when every chunk is quiet."""
    judged = [m.judge_line_py(python, line), m._JUDGE.judge_line(compiled, line)]
    assert plain(judged[0]) == plain(judged[1]), line
    if judged[0] is None:
        return None
    assert judged[1].may_move == (bool(judged[1].no_words) and moved.may_move_in(line, compiled, judged[1].no_words))
    return judged[1].may_move


@settings(deadline=None, max_examples=200)
@given(st.lists(_MOVED_LINE, min_size=1, max_size=4))
@example(["look sfor the", "Thec at", "é sfor”é", "sfor”at", "xqv"]).via("a space that may move, and none")
def test_a_space_that_may_move_is_told_as_the_python_twin_tells_it(lines):
    in_two_documents(lines, {}, {"sfor": 2}, _may_move_both)


def test_lines_where_a_space_may_move_and_lines_where_none_may_are_both_told():
    python, compiled = twin_models(Counter({"the": 50}))
    answers = [_may_move_both(python, compiled, line) for line in
               ("you look sfor the book", "Thec at sat", "é sfor", "(sfor” at", "her xqv", "é\ud800 sfor")]
    assert answers == [True, True, True, False, False, True]
