"""Fix and Diagnostic keep their checks and their normal form on the quick path of one edit."""

import pytest

from textlint.diagnostics import Applicability, Diagnostic, Edit, Fix


def test_one_edit_given_as_a_list_is_held_as_a_tuple():
    fix = Fix([Edit(2, 3, "x")], Applicability.SAFE)
    assert fix.edits == (Edit(2, 3, "x"),) and type(fix.edits) is tuple
    assert fix == Fix.replace(2, 3, "x")


def test_edits_given_by_a_generator_are_sorted():
    fix = Fix(e for e in (Edit(5, 6, "b"), Edit(1, 2, "a")))
    assert fix.edits == (Edit(1, 2, "a"), Edit(5, 6, "b"))


def test_several_edits_are_sorted_and_must_not_overlap():
    assert Fix((Edit(5, 6), Edit(1, 2))).edits == (Edit(1, 2), Edit(5, 6))
    with pytest.raises(ValueError, match="overlap"):
        Fix((Edit(1, 4), Edit(3, 5)))


def test_title_is_interned():
    title = "".join(["Remove ", "the space"])
    assert Fix.replace(1, 2, "", title=title).title is Fix.replace(3, 4, "", title="Remove the space").title


@pytest.mark.parametrize("start, end", [(1, 2), (4, 6), (0, 9)])
def test_a_fix_outside_the_span_is_refused(start, end):
    with pytest.raises(ValueError, match="outside the span"):
        Diagnostic("r", "m", 2, 5, fix=Fix.replace(start, end, ""))


def test_a_fix_inside_the_span_and_an_empty_fix_are_taken():
    assert Diagnostic("r", "m", 2, 5, fix=Fix.replace(2, 5, "")).fix.edits == (Edit(2, 5, ""),)
    assert Diagnostic("r", "m", 2, 5, fix=Fix(())).fix.edits == ()
