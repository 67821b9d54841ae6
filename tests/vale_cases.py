"""Small texts and rules that pin how Vale 3.22 runs each rule type and scope.

Each case: (name, rule, file name, text, expected) where *rule* is a rule file's keys,
*file name* gives the format (``.md`` or ``.txt``), and *expected* lists the findings as
``(line, column, text)``: 1-based, the column of the finding's first character, the text
it spans in the source. tests/test_vale_semantics.py runs textlint on them;
``python bench/vale.py --cases`` runs Vale 3.22 on the same files, to show that the
expectations are Vale's.
"""

from __future__ import annotations

ZED = {"extends": "existence", "message": "'%s'", "tokens": ["zed"]}
MD = ("# The zed head\n\n## Sub zed\n\nA zed para.\n\n- item zed\n- item two\n\n> quote zed\n\n"
      "| h zed | b |\n| --- | --- |\n| cell zed | x |\n\nCode `zed` x.\n\n```\nzed\n```\n")
TXT = "The zed head\n\nA zed para. Another zed.\n"


def zed(*lines_columns: tuple[int, int]) -> list[tuple[int, int, str]]:
    return [(line, column, "zed") for line, column in lines_columns]


# where each "zed" of MD and TXT is
H1, H2, P, LI, Q, TH, TD, CODE, FENCE = (1, 7), (3, 8), (5, 3), (7, 8), (10, 9), (12, 5), (14, 8), (16, 7), (19, 1)
T1, T2, T3 = (1, 5), (3, 3), (3, 21)

SCOPES = [
    ("text", "s.md", MD, zed(H1, H2, P, LI, Q, TH, TD)),
    ("paragraph", "s.md", MD, zed(P)),
    ("heading", "s.md", MD, zed(H1, H2)),
    ("heading.h2", "s.md", MD, zed(H2)),
    ("list", "s.md", MD, zed(LI)),
    ("blockquote", "s.md", MD, zed(Q)),
    ("table.cell", "s.md", MD, zed(TD)),
    ("table.header", "s.md", MD, zed(TH)),
    ("~heading", "s.md", MD, zed(P, LI, Q, TH, TD)),
    ("sentence", "s.md", MD, zed(H1, H2, P, LI, Q, TH, TD)),
    ("raw", "s.md", MD, zed(H1, H2, P, LI, Q, TH, TD, CODE, FENCE)),
    (["heading.h1", "list"], "s.md", MD, zed(H1, LI)),
    ("text", "s.txt", TXT, zed(T1, T2, T3)),
    ("heading", "s.txt", TXT, []),
    ("paragraph", "s.txt", TXT, zed(T1, T2, T3)),
    ("sentence", "s.txt", TXT, zed(T1, T2, T3)),
]

CASES = [(f"scope {scope} in {name[-3:]}", {**ZED, "scope": scope}, name, text, expected)
         for scope, name, text, expected in SCOPES]

CASES += [
    ("existence: parts of compounds are words",
     {"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["based", "labour"]},
     "a.txt", "A UK-based team. Labour's plan.\n", [(1, 6, "based"), (1, 18, "Labour")]),
    ("existence: a phrase does not run over a line break",
     {"extends": "existence", "message": "'%s'", "tokens": ["in order to"]},
     "a.txt", "We do it in order\nto win. Then in order to lose.\n", [(2, 14, "in order to")]),
    ("existence: raw and tokens joined, raw first",
     {"extends": "existence", "message": "'%s'", "ignorecase": True,
      "raw": [r"\b(?:is|was|were)\s+"], "tokens": ["taken", "given"]},
     "a.txt", "It was taken. It was late. Were given.\n", [(1, 4, "was taken"), (1, 28, "Were given")]),
    ("existence: exceptions are whole words, case counts",
     {"extends": "existence", "message": "'%s'", "raw": [r"\b[A-Z]{2,}s?\b"], "exceptions": ["NATO"]},
     "a.txt", "NATO and NATOs met nato and the UN.\n", [(1, 10, "NATOs"), (1, 33, "UN")]),
    ("existence: a match runs over inline code, never inside it",
     {"extends": "existence", "message": "'%s'", "nonword": True, "tokens": [r"\(.+?\)", "zed"]},
     "a.md", "A line (see `zed`) here and (no code).\n", [(1, 8, "(see `zed`)"), (1, 29, "(no code)")]),
    ("existence: link text is prose, its target is not",
     {"extends": "existence", "message": "'%s'", "tokens": ["foo bar", "example"]},
     "a.md", "Hello foo [bar](http://example.com) and `foo bar`.\n", [(1, 7, "foo [bar")]),
    ("existence: sentence scope matches within each sentence",
     {"extends": "existence", "message": "'%s'", "scope": "sentence",
      "tokens": [r"(?:[^,]+,){1,}\s\w+\s(?:and|or)"]},
     "a.txt", "First, we met. Apples, pears and plums. We want red, blue or green.\n",
     [(1, 16, "Apples, pears and"), (1, 41, "We want red, blue or")]),
    ("substitution: text already as asked is left alone",
     {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "ignorecase": True,
      "swap": {"(?:javascript|java script)": "JavaScript", "e-mail": "email"}},
     "a.txt", "JavaScript and javascript and java script, e-mail.\n",
     [(1, 16, "javascript"), (1, 31, "java script"), (1, 44, "e-mail")]),
    ("substitution: in Markdown blocks, with groups in the replacement",
     {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "ignorecase": True,
      "swap": {r"(\d+) percent": "$1%", "utilize": "use"}},
     "a.md", "# Utilize it\n\n- 5 percent of `x`\n- none\n\nWe utilize 10 percent.\n",
     [(1, 3, "Utilize"), (3, 3, "5 percent"), (6, 4, "utilize"), (6, 12, "10 percent")]),
    ("substitution: the longest pattern wins",
     {"extends": "substitution", "message": "Use '%s' instead of '%s'.",
      "swap": {"log": "record", "log in": "sign in"}},
     "a.txt", "Please log in to the log.\n", [(1, 8, "log in"), (1, 22, "log")]),
    ("occurrence: flagged once per unit, at its first match",
     {"extends": "occurrence", "message": "%s names", "scope": "sentence", "token": r"\b[A-Z]\w*", "max": 2},
     "a.txt", "Ann, Bob and Cid met. Dan left. Eve, Fay and Gus ran.\n", [(1, 1, "Ann"), (1, 33, "Eve")]),
    ("occurrence: too few is flagged at the unit's first word",
     {"extends": "occurrence", "message": "%s", "scope": "paragraph", "token": r"\bis\b", "min": 1},
     "a.md", "This is fine.\n\nNo such word here.\n", [(3, 1, "No")]),
    ("repetition: consecutive tokens, within one sentence",
     {"extends": "repetition", "message": "'%s' is repeated!", "alpha": True, "tokens": [r"[^\s]+"]},
     "a.txt", "It is is so. He said that that, then left. Left again. 10 10 ok ok.\n",
     [(1, 4, "is is")]),  # "that that," and "ok ok." are no repeats: the tokens differ
    ("repetition: ignorecase",
     {"extends": "repetition", "message": "'%s' is repeated!", "ignorecase": True, "tokens": [r"\w+"]},
     "a.txt", "In the The end.\n", [(1, 4, "the The")]),
    ("consistency: each block once both variants are used",
     {"extends": "consistency", "message": "Inconsistent '%s'", "either": {"advisor": "adviser"}},
     "a.md", "An advisor came.\n\nThe adviser and the advisor left.\n\nNo one.\n\nThe advisor stayed.\n",
     [(3, 21, "advisor"), (7, 5, "advisor")]),
    ("conditional: a use needs a definition before it or in its block",
     {"extends": "conditional", "message": "'%s' has no definition.",
      "first": r"\b([A-Z]{3,5})\b", "second": r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)",
      "exceptions": ["API"]},
     "a.md", "The WHO met. The World Health Organization (WHO) agreed.\n\nThe API and ABC.\n\n"
             "Then the Alpha Beta Club (ABC).\n",
     [(3, 13, "ABC")]),
    ("capitalization: sentence case, with indicators and a threshold",
     {"extends": "capitalization", "message": "'%s'", "scope": "heading", "match": "$sentence",
      "indicators": [":"], "exceptions": ["Vale"]},
     "a.md", "# Many files: parallel checking\n\n# Using Vale styles\n\n# Using The Vale Styles Now\n\n"
             "# Many files: Parallel checking now\n",
     [(1, 3, "Many files: parallel checking"), (5, 3, "Using The Vale Styles Now")]),
    ("capitalization: a pattern is searched for, not matched whole",
     {"extends": "capitalization", "message": "'%s'", "scope": "heading", "match": "[^a-z]+"},
     "a.md", "# LOUD\n\n# Quiet\n\n# quiet\n", [(5, 3, "quiet")]),
    ("capitalization: a pattern anchored",
     {"extends": "capitalization", "message": "'%s'", "scope": "heading", "match": "^[^a-z]+$"},
     "a.md", "# LOUD\n\n# Quiet\n", [(3, 3, "Quiet")]),
]

#: Where textlint is right and Vale 3.22 is not (docs/vale.md): (name, rule, file name,
#: text, textlint's findings, Vale's findings). Vale places a match in a Markdown block of
#: several lines by searching its rendered text in the source; in a list item whose next
#: line is indented the search fails, and the finding is lost or put elsewhere.
DIFFERENCES = [
    ("a match over the line break of a list item",
     {"extends": "existence", "message": "q", "nonword": True, "tokens": ['"[^"]+"[.,?]']},
     "a.md", 'A paragraph says "the\nGovernment", then.\n\n- An item says "the\n  Government", then.\n',
     [(1, 18, '"the\nGovernment",'), (4, 16, '"the\n  Government",')], [(1, 18, '"the\nGovernment",')]),
    ("a match in a list item whose next line is indented",
     {"extends": "existence", "message": "p", "nonword": True, "tokens": [r"\(.+?\)"]},
     "a.md", "- Offsets (see `x`), end\n  exclusive (`y`).\n\nOffsets (see `x`), end\nexclusive (`y`).\n",
     [(1, 11, "(see `x`)"), (2, 13, "(`y`)"), (4, 9, "(see `x`)"), (5, 11, "(`y`)")],
     # Vale loses both of the item's, and places the paragraph's first on the item's line
     [(1, 11, "(see `x`), end"), (5, 11, "(`y`)")]),
]
