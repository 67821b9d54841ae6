"""The compiled per-line work of the spacing model against its Python twins in
textlint/checks/spacing/model.py: the pairs and windows of a line (native/src/windows.rs) against
``_line_windows_py``, the repairs of each changed window (native/src/changes.rs) against
``_window_changes``, and the answers of chunks first met (native/src/chunks.rs, for the
compiled ``judge_line``) against ``Model.memo`` of ``Model._chunk``. The two must hand back the
same answers and leave the same memo entries, in the same order, with the same document words
recorded (``Model._hits``)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks import spacing
from textlint.checks.spacing import model as m
from textlint.checks.spacing.model import Model, clear_shared_caches
from textlint.engine import Engine, Overrides
from textlint.lexicon import get_lexicon

from model_twins import in_two_documents, judged_lines, memo_state, plain, twin_models

pytestmark = pytest.mark.skipif(m._Windows is None, reason="textlint_native (with Windows) is not built, or is "
                                "turned off: see native/README.md")


def _windows(model: Model, line: str, twin):
    """The line judged, and its changed windows by *twin*, its pairs found first (None: no loud chunk)."""
    judged = m.judge_line(model, line)
    if judged is None:
        return None
    return twin(model, line, judged)


def _both(python: Model, compiled: Model, line: str, in_memo: bool) -> list:
    """The changed windows of *line* by each twin, outside a memo or inside one (as the check
    does: then the document words go to the line's entry), compared with all they wrote."""
    results = []
    for model, twin in ((python, m._line_windows_py), (compiled, m._line_windows)):
        if in_memo:
            results.append(model.memo(model.table("lines"), line, _windows, model, line, twin))
        else:
            results.append(_windows(model, line, twin))
    assert plain(results[0]) == plain(results[1]), line
    assert memo_state(python) == memo_state(compiled), line
    # then the repairs of each changed window (native/src/changes.rs against _window_changes)
    changes = [[list(m._window_changes(python, line, *w)) for w in results[0] or []],
               [m._changes_of_window(compiled, line, *w) for w in results[1] or []]]
    assert plain(changes[0]) == plain(changes[1]), line
    assert memo_state(python) == memo_state(compiled), line
    return results[0] or []


_WORDS = ["the", "in", "of", "a", "A", "I", "to", "as", "is", "government", "gov", "ernment", "spokes", "man",
          "spokesman", "fully", "success", "successfullyas", "Putin", "Putinin", "America", "CubaPutin", "UN",
          "UNSecurity", "Security", "evergr", "een", "f", "amiliy", "x", "q", "able", "like", "infact",
          "eachother", "law", "enforcement", "Blunkett", "okesman", "toolbox", "notebook", "to", "gether",
          "some", "thing", "any", "way", "McLetchie", "re-elect", "1990s", "Putin's", "Kow", "alczyk",
          "developing", "agreed", "wellknown", "needto", "Thecat", "Americato",
          # beyond ASCII: letters whose case Python and Rust tell apart, marks, other scripts
          "Straße", "İstanbul", "ǅemal", "ΣΟΦΟΣ", "σοφός", "naïve", "café", "Díaz", "Raúl", "ﬁnd", "日本",
          "Sokołó", "w", "gov\u00adern", "Ǆ", "ǈ", "Ⅻ", "ß", "ŉ", "e\u0301t", "a" * 41, "Ab" * 21]
_CHUNK = st.one_of(
    st.sampled_from(_WORDS),
    st.tuples(st.sampled_from(["", "", "(", '"', "“", "¿"]), st.sampled_from(_WORDS),
              st.sampled_from(["", "", ",", ".", "'s", "’", ")", "…"])).map("".join),
    st.lists(st.sampled_from(_WORDS[:60]), min_size=1, max_size=3).map("".join),
    st.text(alphabet="abdeinorstuAIEUTXßİΣσǅ'.,-(\u180e\u200b", min_size=1, max_size=12))
#: chunks between spaces, or other whitespace (the tokens' offsets are then found in the line)
_SPACES = st.sampled_from([" ", " ", " ", " ", "  ", "\t", "\xa0", "\u2003", "\x1c", "\x1f", "\x0b", "\x85",
                           "\u3000", "\u2028", " \u205f ", "\x0c", "\x1b", " \x7f"])
_LINE = st.tuples(st.lists(st.tuples(_SPACES, _CHUNK), max_size=12), st.sampled_from(["", "", " ", "\t"])).map(
    lambda parts: "".join(space + chunk for space, chunk in parts[0])[1:] + parts[1])
_VOCABULARY = st.dictionaries(st.one_of(st.sampled_from(_WORDS), _CHUNK), st.integers(1, 40), max_size=8)


@settings(deadline=None, max_examples=200)
@given(st.lists(_LINE, min_size=1, max_size=4), _VOCABULARY, _VOCABULARY, st.booleans())
@example(["is developing successfullyas agreed", "the gov ernment said"], {"successfullyas": 2}, {}, True).via(
    "windows that change, one swayed by a document word")
@example(["the  gov\tern ment of CubaPutin", "the gov  ernment said", "Sokołó w and naïve café Díaz"], {},
         {"ment": 3}, False).via(
    "other whitespace between chunks, and beyond ASCII")
@example(["Straße İstanbul ǅemal \ud800 Putinin said", ""], {}, {}, True).via("a surrogate, and an empty line")
@example(["the\x1cgov ernment\x85of a\u3000gov ernment said so in the end of it", "the\u180egov ernment x"], {}, {},
         False).via("whitespace of Python's beyond Rust's, and a line searched only at its start")
@example(["a r c de triomphe", "an d the n he wa s", "the spokes man of CubaPutin"], {}, {}, False).via(
    "repairs that are certain and repairs that are not, joins and cuts")
def test_the_windows_of_lines_are_those_of_the_python_twin(lines, first, second, in_memo):
    in_two_documents(lines, first, second,
                     lambda python, compiled, line: _both(python, compiled, line, in_memo))


def _analysed_both(python: Model, compiled: Model, line: str) -> None:
    """The repairs of *line* by the compiled ``analyse_line`` (its windows and theirs in one call)
    and by ``analyse_line_py`` with the Python twins of both steps, compared with all they wrote."""
    results = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(m, "_line_windows", m._line_windows_py)
        patch.setattr(m, "_changes_of_window", m._window_changes)
        judged = m.judge_line_py(python, line)
        results.append(None if judged is None else m.analyse_line_py(python, line, judged))
    judged = m.judge_line(compiled, line)
    results.append(None if judged is None else m.analyse_line(compiled, line, judged))
    assert plain(results[0]) == plain(results[1]), line
    assert memo_state(python) == memo_state(compiled), line


@settings(deadline=None, max_examples=200)
@given(st.lists(_LINE, min_size=1, max_size=4), _VOCABULARY, _VOCABULARY)
@example(["is developing successfullyas agreed", "the gov ernment said"], {"successfullyas": 2}, {}).via(
    "windows that change, one swayed by a document word")
@example(["the  gov\tern ment of CubaPutin", "the gov\x0bernment\x1c of  a gov ernment  ", "Sokołó w naïve café"],
         {}, {"ment": 3}).via("other whitespace between chunks, and beyond ASCII")
@example(["Straße İstanbul ǅemal \ud800 Putinin said", ""], {}, {}).via("a surrogate, and an empty line")
@example(["a r c de triomphe", "an d the n he wa s", "the spokes man of CubaPutin"], {}, {}).via(
    "repairs that are certain and repairs that are not, joins and cuts")
def test_the_repairs_of_lines_are_those_of_the_python_twin(lines, first, second):
    in_two_documents(lines, first, second, _analysed_both)


def test_the_compiled_repairs_of_a_line_are_its_windows_repairs():
    # the compiled analyse_line is analyse_line_py's steps in one call (the compiled twins of each)
    python, compiled = twin_models(Counter({"the": 50}))
    line = "the gov ernment  of CubaPutin is developing successfullyas agreed"
    expected = m.analyse_line_py(python, line, m.judge_line(python, line))
    assert expected and plain(m.analyse_line(compiled, line, m.judge_line(compiled, line))) == plain(expected)


def _corrupt(text: str) -> str:
    """*text* with every fifth space lost and a space in every seventh long word."""
    words = text.split(" ")
    words = [w[:len(w) // 2] + " " + w[len(w) // 2:] if k % 7 == 3 and len(w) > 5 else w
             for k, w in enumerate(words)]
    return "".join(w + ("" if k % 5 == 2 else " ") for k, w in enumerate(words))


def test_the_windows_of_real_lines_are_those_of_the_python_twin(seed_text):
    # the lines the check works out in the seed article, as it is and with spaces lost and
    # added, replayed on twin models: the pass the check makes, then a document of other counts
    for text in (seed_text, _corrupt(seed_text)):
        vocabulary, lines = judged_lines(text, Overrides(languagetool=False))
        python, compiled = twin_models(vocabulary)
        changed = [w for line in lines for w in _both(python, compiled, line, True)]
        assert changed or text == seed_text
        other = Counter({w: c + 1 for w, c in vocabulary.items() if len(w) % 2})
        python, compiled = twin_models(other, (python._shared, compiled._shared))
        for line in lines:
            _both(python, compiled, line, False)
    assert len(changed) >= 20


def test_the_spacing_findings_of_real_text_are_those_of_the_python_twin(seed_text, monkeypatch):
    # the whole check, cold, with the compiled windows and with the Python ones: the same
    # findings and the same memo tables
    def run(text):
        clear_shared_caches()
        engine = Engine(overrides=Overrides(select=["spacing"]))
        found = [(d.rule, d.start, d.end, d.message) for d in engine.lint(text).diagnostics]
        return found, plain(m._SHARED[(get_lexicon(), spacing.PARAMS)])

    for text in (seed_text, _corrupt(seed_text)):
        compiled = run(text)
        with monkeypatch.context() as patch:
            patch.setattr(m, "_line_windows", m._line_windows_py)
            patch.setattr(m, "_changes_of_window", m._window_changes)
            python = run(text)
        assert compiled[0] and compiled == python


def test_a_difference_is_seen():
    # the comparison fails when one twin answers or writes what the other does not
    line = "is developing successfullyas agreed"
    python, compiled = twin_models(Counter({"the": 50}))
    assert _both(python, compiled, line, False)
    key = ("developing", "successfullyas", "agreed", "is", None)
    assert compiled._best[key] == python._best[key]
    compiled._best[key] = ((10, 24), ())  # (read back as it is: no document word swayed it)
    with pytest.raises(AssertionError):
        _both(python, compiled, line, False)


#: chunks whose answers the compiled judge works out itself (ASCII, marks either side, a core of
#: letters or not, the longest core and one letter longer) or hands back (beyond ASCII)
_CHUNK_PARTS = st.tuples(
    st.sampled_from(["", "", "", "(", '"', "'", "([", "“", "¿", "{'"]),
    st.one_of(st.sampled_from(_WORDS), st.text(alphabet="abcdeilnorstuyAIEUTXY", min_size=1, max_size=14),
              st.sampled_from(["a" * 40, "A" * 40, "Ab" * 20, "a" * 41, "it's", "re-elect", "1990s", "x2", "",
                               "I", "A", "a", "UN", "USA", "McDonald", "iPhone"])),
    st.sampled_from(["", "", "", ",", ".", ".)", "'s", "'", "!?", ")", "”", ",'", "…"])).map("".join)


@settings(deadline=None, max_examples=300)
@given(st.lists(_CHUNK_PARTS, min_size=1, max_size=12), _VOCABULARY, _VOCABULARY, st.booleans())
@example(["(Putinin,", "Putinin", "successfullyas.", "THE", "I", "A,", "Ab" * 20, "(" + "a" * 40 + ")"],
         {"Putinin": 3, "Putin": 2}, {"Putin": 2}, True).via(
    "marks, cores met first inside a chunk, the longest core")
@example(["naïve,", "Straße", "“İstanbul”", "it's", "1990s."], {}, {}, False).via("beyond ASCII, and the pattern")
@example(["Thecat", "Americato."], {"Thecat": 2}, {"Thecat": 2, "cat": 3}, True).via(
    "a swayed answer that holds in the second document")
def test_chunks_first_met_are_answered_as_the_python_twin_answers(chunks, first, second, in_memo):
    # each chunk alone on a line (no pairs: the chunk answers only), twice, in a document of
    # the first vocabulary (the second time from the memo), then in a document of the second,
    # the memo tables kept: answers that document words swayed are checked against its counts
    def judge_both(python, compiled, chunk):
        results = []
        for model, judge in ((python, m.judge_line_py), (compiled, m.judge_line)):
            if in_memo:
                results.append(model.memo(model.table("lines"), chunk, judge, model, chunk))
            else:
                results.append(judge(model, chunk))
        assert plain(results[0]) == plain(results[1]), chunk
        assert memo_state(python) == memo_state(compiled), chunk

    in_two_documents(chunks, first, second, judge_both)
