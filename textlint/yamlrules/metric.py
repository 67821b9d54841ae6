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
import math
import operator
import re
from typing import Any, ClassVar, Iterator

from ..diagnostics import Diagnostic
from ..document import Document, Span
from ..errors import warn
from .base import Matcher, Schema, YamlRule

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
_HEADING = re.compile(r"heading\.(h[1-6])")
_VALUE = "__value__"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


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
        counts["paragraphs"] = float(len(doc.paragraphs))
        return counts
    from ..markdown import _parser

    in_list = 0
    for tok in _parser().parse(doc.text):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            counts["list"] += 1
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif tok.type in ("fence", "code_block"):
            counts["pre"] += 1
        elif tok.type == "blockquote_open":
            counts["blockquote"] += 1
        elif tok.type == "heading_open":
            counts[f"heading_{tok.tag}"] += 1
        elif tok.type == "paragraph_open" and not in_list:
            counts["paragraphs"] += 1
    return counts


class Metric(YamlRule):
    TYPE: ClassVar[str] = "metric"
    KEYS: ClassVar[dict] = {"formula": Schema.string, "condition": Schema.string}
    REQUIRED: ClassVar[tuple[str, ...]] = ("formula", "condition")
    pattern_key: ClassVar[str] = "formula"

    def setup(self) -> None:
        try:
            import syllables  # noqa: F401  (the `vale` extra)
            self.unavailable = ""
        except ImportError:
            self.unavailable = "the 'syllables' package is not installed: pip install textlint[vale]"
            warn(f"{self.source}: rule {self.id}: {self.unavailable}; the rule is skipped")
        self.formula = parse_expression(self.spec["formula"], "formula")
        # Vale evaluates "<value> <condition>"
        self.condition = parse_expression(f"{_VALUE} {self.spec['condition'].strip()}", "condition", (_VALUE,))

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        if self.unavailable:
            return
        prose = doc.prose_text
        units = self.units(doc)
        blocks = block_counts(doc)
        if units is None:
            units = [Span(0, len(doc.text))]
        for unit in units:
            inside = [s for s in doc.sentences if unit.start <= s.start < unit.end]
            values = {**blocks, **text_counts(prose[unit.start:unit.end], len(inside) or 1)}
            if not values["words"]:
                continue
            result = evaluate(self.formula, values)
            if isinstance(result, bool) or not isinstance(result, float) or math.isnan(result):
                continue
            if evaluate(self.condition, {**values, _VALUE: result}) is True:
                start = next((i for i in range(unit.start, unit.end) if not prose[i].isspace()), unit.start)
                yield self.diagnostic(start, start, self.format(f"{result:.2f}"))
