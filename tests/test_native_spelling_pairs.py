"""The compiled pairing of cleanup.NameVariant (native/src/names.rs, ``spelling_pairs``) against its
Python twin in textlint/checks/names.py, ``_spelling_pairs_py`` with ``_deletion_keys``: the same
pairs of forms one edit apart, on ASCII forms; forms beyond ASCII are left to the twin. And the
check's pairs (``_name_pairs``) are those of the Python path, with the module or without."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks import names

pytestmark = pytest.mark.skipif(names._SPELLING_PAIRS is None,
                                reason="textlint_native (with spelling_pairs) is not built, or is turned off: "
                                "see native/README.md")

#: Letters that make forms one edit apart often: a few, in both cases.
_LETTERS = "abcAB"
_FORMS = st.lists(st.text(alphabet=_LETTERS, min_size=0, max_size=6), max_size=14)


def _pairs(forms: list[str]) -> set[tuple[str, str]]:
    found = names._SPELLING_PAIRS(forms)
    assert found is not None, "ASCII forms are paired"
    assert len(found) == len(set(found)), "each pair once (a form given twice too)"
    return set(found)


@settings(max_examples=1000, deadline=None)
@given(_FORMS)
@example([])
@example(["Vladimir", "Wladimir", "Putin", "Putins", "Russia", "Russian", "Anna", "Anne", "Nana"])
@example(["abcd", "bacd", "abdc", "acbd", "abc", "bcd", "abcde", "xabcd", "ABCD", "Abcd"])
@example(["Ab", "ab", "a", "", "A", "aB"])
@example(["Anna", "Anne", "Anna", "Anne", "Anna"])
def test_the_pairs_are_those_of_the_python_twin(forms):
    assert _pairs(forms) == names._spelling_pairs_py(forms, names._deletion_keys)


@pytest.mark.parametrize("form", ["Éclair", "Ñoño", "İstanbul", "Straße"])
def test_forms_beyond_ascii_are_left_to_the_python_twin(form):
    forms = ["Vladimir", form, "Wladimir"]
    assert names._SPELLING_PAIRS(forms) is None
    assert names._name_pairs(forms) == names._spelling_pairs_py(forms, names._keys_of_name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Vladimir", "Wladimir", "Putin", "Puten", "Russia", "Russian", "Anna",
                                 "Anne", "President", "Presidant", "Michail", "Mikhail", "Yuri", "Yury",
                                 "Moscow", "Moscou", "Smith", "Smyth"])))
def test_the_checks_pairs_are_those_of_the_python_path(forms):
    assert names._name_pairs(forms) == names._spelling_pairs_py(forms, names._keys_of_name)


def test_a_dict_of_counts_is_read_as_its_forms():
    counts = {"Vladimir": 2, "Wladimir": 1, "Putin": 3}
    assert _pairs(counts) == {("Vladimir", "Wladimir")}


def test_a_form_given_twice_is_paired_once():
    assert names._SPELLING_PAIRS(["Wladimir", "Vladimir", "Wladimir", "Vladimir"]) == [("Vladimir", "Wladimir")]
