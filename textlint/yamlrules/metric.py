"""``extends: metric`` — a readability formula over counts of the text, as Vale's.

``formula`` is an arithmetic expression over Vale's variables; ``condition`` (``> 8``)
is compared with its value; when it holds, one finding is reported (on the first
character of the text for the default scope, or of each paragraph, sentence or
heading the ``scope`` names), with ``%s`` in the message the value to two decimals.

Variables (Vale 3.22, ``internal/core/file.go`` and ``prose/summarize``): ``words``,
``sentences``, ``characters`` (letters and digits of the words), ``syllables``,
``polysyllabic_words`` (more than two syllables), ``complex_words`` (polysyllabic once
an ``-es``, ``-ed`` or ``-ing`` ending is not counted), ``long_words`` (more than six
characters), ``paragraphs``, and the number of blocks: ``pre``, ``list``, ``blockquote``,
``heading_h1`` ... ``heading_h6`` (``heading.h1`` in a formula is the same). Syllables
come from the ``syllables`` package (CMU dictionary, else its estimate) rather than
Vale's own estimate, so a count may differ from Vale's by a syllable here and there.

A formula is never run as a program: it is parsed as one Python expression and only
numbers, variables, ``+ - * / % **``, parentheses and ``math.sqrt``/``pow``/``log``/...
are allowed (a Tengo ``&&``/``||`` in a condition reads as and/or).
"""

from __future__ import annotations

import ast
import importlib.util
import math
import operator
import re
from typing import Any, ClassVar, Iterator

from ..diagnostics import Diagnostic
from ..document import Document
from ..errors import warn
from ..patterns import lazy_compile
from . import view
from .base import Matcher, Schema, YamlRule, sentences

BLOCK_VARIABLES = ("pre", "list", "blockquote", "paragraphs",
                   *(f"heading_h{i}" for i in range(1, 7)))
TEXT_VARIABLES = ("words", "sentences", "characters", "syllables", "polysyllabic_words",
                  "complex_words", "long_words")
VARIABLES = frozenset(TEXT_VARIABLES + BLOCK_VARIABLES)
_MATH = {name: getattr(math, name) for name in (
    "sqrt", "pow", "log", "log2", "log10", "exp", "floor", "ceil", "abs", "fabs", "trunc")
    if hasattr(math, name)} | {"abs": abs, "max": max, "min": min}
_MATH_CONSTANTS = {"pi": math.pi, "e": math.e}
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}
_HEADING = lazy_compile(r"heading\.(h[1-6])", engine=re)
_VALUE = "__value__"
#: A word, as Vale's tokenizer (prose's word-boundary tokenizer) finds one.
_WORD = lazy_compile(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+")


def parse_expression(source: str, key: str, extra: tuple[str, ...] = ()) -> ast.Expression:
    """*source* as one arithmetic expression; ValueError naming *key* otherwise."""
    text = _HEADING.sub(r"heading_\1", source.strip()).replace("&&", " and ").replace("||", " or ")
    if not text:
        raise ValueError(f"'{key}' is empty")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        raise ValueError(f"'{key}': invalid expression {source.strip()!r}: {e.msg}") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in VARIABLES and node.id not in extra \
                and node.id != "math":
            raise ValueError(f"'{key}': unknown variable {node.id!r} (known: {', '.join(sorted(VARIABLES))})")
        if isinstance(node, ast.Attribute) and not (
                isinstance(node.value, ast.Name) and node.value.id == "math"
                and (node.attr in _MATH or node.attr in _MATH_CONSTANTS)):
            raise ValueError(f"'{key}': only math functions may be called ({', '.join(sorted(_MATH))})")
        if not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name,
                                 ast.Attribute, ast.Call, ast.Compare, ast.BoolOp, ast.Load,
                                 ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            raise ValueError(f"'{key}': {type(node).__name__} is not allowed in a formula")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ValueError(f"'{key}': only numbers are allowed, got {node.value!r}")
    return tree


def evaluate(node: ast.AST, values: dict[str, float]) -> Any:
    """The value of a checked expression (:func:`parse_expression`)."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body, values)
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Attribute):
        return _MATH_CONSTANTS[node.attr]
    if isinstance(node, ast.UnaryOp):
        operand = evaluate(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else (not operand) if isinstance(node.op, ast.Not) else operand
    if isinstance(node, ast.BinOp):
        left, right = evaluate(node.left, values), evaluate(node.right, values)
        try:
            return _BINARY[type(node.op)](left, right)
        except ZeroDivisionError:
            return math.nan if left == 0 else math.copysign(math.inf, left)
    if isinstance(node, ast.Call):
        return _MATH[node.func.attr](*(evaluate(a, values) for a in node.args))  # type: ignore[attr-defined]
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, values)
        for op, comparator in zip(node.ops, node.comparators):
            right = evaluate(comparator, values)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BoolOp):
        results = [evaluate(v, values) for v in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    raise ValueError(f"{type(node).__name__} is not allowed")


def _syllables(word: str) -> int:
    import syllables  # the `vale` extra; imported when a metric rule first runs

    if len(word) < 3:
        return 1
    return max(syllables.estimate(word.lower()), 1)


def text_counts(text: str, sentences: int) -> dict[str, float]:
    """Vale's word statistics of *text*, which holds *sentences* sentences."""
    counts = dict.fromkeys(TEXT_VARIABLES, 0.0)
    counts["sentences"] = float(sentences)
    for word in _WORD.findall(text):
        n = _syllables(word)
        counts["words"] += 1
        counts["characters"] += sum(1 for c in word if c.isalnum())
        counts["syllables"] += n
        counts["long_words"] += len(word) > 6
        counts["polysyllabic_words"] += n > 2
        counts["complex_words"] += (n - 1 if word.endswith(("es", "ed", "ing")) else n) > 2
    return counts


def block_counts(doc: Document) -> dict[str, float]:
    """How many paragraphs, code blocks, lists, quotations and headings of each level."""
    counts = dict.fromkeys(BLOCK_VARIABLES, 0.0)
    if doc.kind != "markdown":
        counts["paragraphs"] = float(sum(1 for b in view.blocks(doc) for _ in view.paragraphs(b)))
        return counts
    from ..markdown import parse

    inside = 0  # lists and quotations around the token: their paragraphs are not counted
    for tok in parse(doc.text):
        if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            counts["blockquote" if tok.type == "blockquote_open" else "list"] += 1
            inside += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            inside -= 1
        elif tok.type in ("fence", "code_block"):
            counts["pre"] += 1
        elif tok.type == "heading_open":
            counts[f"heading_{tok.tag}"] += 1
        elif tok.type == "paragraph_open" and not inside:
            counts["paragraphs"] += 1
    return counts


class Metric(YamlRule):
    TYPE: ClassVar[str] = "metric"
    KEYS: ClassVar[dict] = {"formula": Schema.string, "condition": Schema.string}
    REQUIRED: ClassVar[tuple[str, ...]] = ("formula", "condition")
    pattern_key: ClassVar[str] = "formula"

    def setup(self) -> None:
        self.unavailable = ""
        if importlib.util.find_spec("syllables") is None:  # the `vale` extra
            self.unavailable = "the 'syllables' package is not installed: pip install textlint[vale]"
            warn(f"{self.source}: rule {self.id}: {self.unavailable}; the rule is skipped")
        self.formula = parse_expression(self.spec["formula"], "formula")
        # Vale evaluates "<value> <condition>"
        self.condition = parse_expression(f"{_VALUE} {self.spec['condition'].strip()}", "condition", (_VALUE,))

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        if self.unavailable:
            return
        counts = block_counts(doc)
        for at, text in self._measured(doc, patterns):
            values = {**counts, **text_counts(text, sum(1 for _ in sentences(text)) or 1)}
            if not values["words"]:
                continue
            result = evaluate(self.formula, values)
            if isinstance(result, bool) or not isinstance(result, float) or math.isnan(result):
                continue
            if evaluate(self.condition, {**values, _VALUE: result}) is True:
                yield self.diagnostic(at, at, self.format(f"{result:.2f}"))

    def _measured(self, doc: Document, patterns: Matcher) -> Iterator[tuple[int, str]]:
        """(where a finding goes, the text measured): the document's prose as one text for
        the default scope (Vale's summary: paragraphs, lists and quotations, not headings or
        tables), else each unit of the rule's scope."""
        if self.scope in (("text",), ("summary",)):
            prose = [b for b in view.blocks(doc) if not (b.has("heading") or b.has("table"))]
            if prose:
                yield prose[0].start, "\n\n".join(b.text for b in prose)
            return
        for unit in patterns.units():
            yield unit.source(0, 0)[0], unit.text
