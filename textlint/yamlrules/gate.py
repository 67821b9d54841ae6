"""The tests of a linter's YAML rules (``needs``) asked of a document at once, before the rules
run: a rule whose test the document fails finds nothing there and is not run.

Each rule's own test (:meth:`YamlRule.holds`) costs a few microseconds of Python for every
rule and document, and most documents fail most rules' tests. Here the tests of all rules
that read the same text are asked in one call (:class:`needs.PieceTests`), as pieces of it
(:attr:`needs.Needs.piece_test`): a test that is never stricter than the rule's, so a rule
that passes it is run as before and asks its own test; one that fails it would have found
nothing. Only a text the rules index is asked (``needs.MAX_INDEXED_CHARS``: a longer one is
tested otherwise, by each rule), and only with the compiled module (in Python the rules' own
tests, which look for a group of pieces at a time, cost less)."""

from __future__ import annotations

from ..document import Document
from ..rule import Rule
from . import view
from .base import YamlRule
from .needs import PIECE_TESTS_COMPILED, PieceTests


class RulesGate:
    """The tests of *rules* (a linter's, in order) that may be asked at once, by the text they
    read (the document's blocks, or those and its source: :meth:`YamlRule.reads_source`)."""

    def __init__(self, rules: list[Rule]) -> None:
        by_text: dict[bool, list[tuple[int, YamlRule]]] = {}
        # without the compiled tests, asking them all costs more than the rules' own tests
        for place, rule in enumerate(rules if PIECE_TESTS_COMPILED else ()):
            if isinstance(rule, YamlRule) and rule.needs is not None:
                by_text.setdefault(rule.reads_source, []).append((place, rule))
        self._tests = [(source, tuple(place for place, _ in tested),
                        PieceTests(tuple(rule.needs.piece_test for _, rule in tested)))
                       for source, tested in by_text.items()]

    def __bool__(self) -> bool:
        return bool(self._tests)

    def idle(self, doc: Document) -> set[int]:
        """The places of the rules that find nothing in *doc*: it fails their tests."""
        idle: set[int] = set()
        shared = view.view(doc)
        for source, places, tests in self._tests:
            index = shared.index(doc, False, source)
            if index.indexed:
                idle.update(place for place, held in zip(places, tests.held(index.text)) if not held)
        return idle
