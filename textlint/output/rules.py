"""``textlint rules``: a table of rules, one row per rule, wrapped to the terminal's width."""

from __future__ import annotations

import textwrap

from ..rule import Rule

#: Below this many columns for the description, it goes under the row, indented.
MIN_DESCRIPTION = 32
#: The indent of a description printed under its row.
UNDER = 4


def rule_table(rules: list[Rule], width: int | None) -> str:
    """id, severity, fix, default (``on``/``off``) and description of each rule; with a
    *width*, descriptions wrap with a hanging indent (or go under the row when the columns
    leave them too little room) and nothing is wider than *width* but an id; without one,
    each rule is one line."""
    if not rules:
        return ""
    id_width = max(len(r.id) for r in rules)
    rows = [(f"{r.id:<{id_width}}  {r.severity.value:<7}  fix:{_fix(r):<12}  "
             f"default:{'on ' if r.default_enabled else 'off'}  ", " ".join(r.description.split()))
            for r in rules]
    out = []
    for head, description in rows:
        if width is None:
            out.append(head + description)
        elif width - len(head) >= MIN_DESCRIPTION:
            lines = textwrap.wrap(description, width - len(head), break_on_hyphens=False) or [""]
            out.append(head + lines[0])
            out += [" " * len(head) + line for line in lines[1:]]
        else:
            out.append(head.rstrip())
            out += textwrap.wrap(description, max(width - UNDER, 20), initial_indent=" " * UNDER,
                                 subsequent_indent=" " * UNDER, break_on_hyphens=False)
    return "".join(line.rstrip() + "\n" for line in out)


def _fix(rule: Rule) -> str:
    return rule.fix_applicability.value if rule.fix_applicability else "-"
