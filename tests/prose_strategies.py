"""Hypothesis strategies for random prose documents (used by tests/test_properties.py).

A document is a run of blocks separated by line breaks. A block is a paragraph of news
prose (fixtures/prose/news-paragraphs.txt, written for these tests, and the paragraphs of
fixtures/seed-article.txt), corrupted the way scraped and converted text is (the defect kinds
bench/redraw.py injects and more: glued and split words, doubled words, mid-sentence
capitals, stray hyphens, broken lines, dropped quotes, spaces before and missing after
punctuation, doubled spaces), then maybe dressed as a Markdown construct and sprinkled with
URLs, phrases that other rules flag, and arbitrary Unicode. Suppression comments, code blocks,
HTML, front matter and raw random text make blocks of their own. The corruptions are drawn
as positions in the text (not through a seeded ``random.Random``), so hypothesis shrinks a
failure to the one corruption that causes it.
"""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in regex.split(r"\n\s*\n", text) if p.strip()]


PARAGRAPHS = _paragraphs(FIXTURES / "prose" / "news-paragraphs.txt") + _paragraphs(
    FIXTURES / "seed-article.txt")

_WORD = regex.compile(r"[\p{L}’'-]+")
_SPACE_BETWEEN_WORDS = regex.compile(r"(?<=[\p{L}\p{N}]) (?=[\p{L}\p{N}])")
_SPACE = regex.compile(r" ")
_LONG_WORD = regex.compile(r"\p{L}{6,}")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}\p{L}*")
_SENTENCE_START = regex.compile(r"(?:^|(?<=[.!?”] ))\p{Lu}")
_COMPOUND_HYPHEN = regex.compile(r"(?<=\p{L})-(?=\p{L})")
_QUOTE = regex.compile(r"[“”‘’\"']")
_PUNCT_SPACE = regex.compile(r"(?<=[.,;:]) (?=\p{L})")
_BEFORE_PUNCT = regex.compile(r"(?<=\p{L})(?=[,.;:!?])")


def _at(pattern: regex.Pattern, text: str) -> list[regex.Match]:
    return list(pattern.finditer(text))


@st.composite
def _corrupted_once(draw, text: str) -> str:
    """*text* with one defect of a drawn kind, where one fits."""
    kind = draw(st.sampled_from(CORRUPTIONS))
    return kind(draw, text)


def _pick(draw, matches: list[regex.Match]) -> regex.Match | None:
    return matches[draw(st.integers(0, len(matches) - 1))] if matches else None


def _join(draw, text: str) -> str:  # "successfullyas", "CubaPutin"
    m = _pick(draw, _at(_SPACE_BETWEEN_WORDS, text))
    return text if m is None else text[:m.start()] + text[m.end():]


def _split(draw, text: str) -> str:  # "gov ernment"
    m = _pick(draw, _at(_LONG_WORD, text))
    if m is None:
        return text
    i = draw(st.integers(m.start() + 1, m.end() - 1))
    return text[:i] + " " + text[i:]


def _double(draw, text: str) -> str:  # "the The", "in in"
    m = _pick(draw, _at(_WORD, text))
    if m is None:
        return text
    w = m.group()
    copy = w[:1].upper() + w[1:] if draw(st.booleans()) else w
    sep = draw(st.sampled_from([" ", " ", "\n", "\u00a0"]))
    return text[:m.end()] + sep + copy + text[m.end():]


def _capitalise(draw, text: str) -> str:  # "could Deploy"
    m = _pick(draw, _at(_LOWER_WORD, text))
    if m is None:
        return text
    return text[:m.start()] + m.group()[0].upper() + text[m.start() + 1:]


def _stray_hyphen(draw, text: str) -> str:  # "-Military with", "Russian -Chinese"
    if draw(st.booleans()):
        m = _pick(draw, _at(_COMPOUND_HYPHEN, text))
        if m is not None:
            return text[:m.start()] + " -" + text[m.end():]
    m = _pick(draw, _at(_SENTENCE_START, text))
    return text if m is None else text[:m.start()] + "-" + text[m.start():]


def _break_line(draw, text: str) -> str:  # a mid-sentence space replaced by a line break
    m = _pick(draw, _at(_SPACE, text))
    return text if m is None else text[:m.start()] + "\n" + text[m.end():]


def _drop_quote(draw, text: str) -> str:
    m = _pick(draw, _at(_QUOTE, text))
    return text if m is None else text[:m.start()] + text[m.end():]


def _glue_punctuation(draw, text: str) -> str:  # "Russia.Months"
    m = _pick(draw, _at(_PUNCT_SPACE, text))
    return text if m is None else text[:m.start()] + text[m.end():]


def _space_before_punctuation(draw, text: str) -> str:  # "Russia ."
    m = _pick(draw, _at(_BEFORE_PUNCT, text))
    return text if m is None else text[:m.start()] + draw(st.sampled_from([" ", "  ", "\u00a0"])) + text[m.start():]


def _double_space(draw, text: str) -> str:
    m = _pick(draw, _at(_SPACE, text))
    return text if m is None else text[:m.start()] + draw(st.sampled_from(["  ", "   ", " \t"])) + text[m.end():]


def _no_break_space(draw, text: str) -> str:
    m = _pick(draw, _at(_SPACE, text))
    return text if m is None else text[:m.start()] + "\u00a0" + text[m.end():]


def _straight_quotes(draw, text: str) -> str:
    return text.translate(str.maketrans("“”‘’", "\"\"''"))


CORRUPTIONS = (_join, _split, _double, _capitalise, _stray_hyphen, _break_line, _drop_quote,
               _glue_punctuation, _space_before_punctuation, _double_space, _no_break_space,
               _straight_quotes)

#: Phrases that the other rules flag (entities, ligatures, invisible characters, copy
#: errors, garbles, hyphenation, doubled punctuation), to be dropped into prose.
FLAGGED = [
    "AT&amp;T", "&quot;Yes&quot;", "Russia&#8217;s", "&nbsp;", "&#x27;", "&amp;&amp;", "ﬁnal", "oﬃce", "ﬂow",
    "a\u200bb", "in\u00adternational", "\u2060", "\ufeff", "could of", "discuss about", "return back",
    "comprises of", "the calls “defense company”", "since two years", "in the frame of",
    "Economic-social", "in the one hand", "informations", "advices", "develop- ment",
    "inter- national", ",,", "..", "Vladimir Putin and Wladimir Putin", "the the", "The the",
    "Bora Bora", "e.g.", "U.S.", "Mr.", "(DCEH )", "was960", "Putin’smessage", "“", "”", "\"",
    "' '", "’s", "—", "–", "…", "...", "!?", "?!", " ,", " .", ":", ";",
]

#: Tokens that are never prose: URLs, e-mail addresses, domain names, and near misses.
URLS = [
    "http://example.com", "https://example.org/a/b?c=d&e=f#g", "www.example.net", "example.com",
    "mailto:someone@example.com", "someone@example.com", "https://example.com/a_(b)",
    "http://example.com.", "(https://example.com)", "ftp://host/path", "a://b", "a://ba://b",
    "https://", "://", "@x.org", ".com", "www.", "http://[::1]:80/", "https://exämple.de/päth",
    "http://example.com/Deploy the the", "file:///etc/passwd", "<https://example.com>",
]

#: Characters that break naive offset arithmetic: case mappings that change length,
#: combining marks, characters outside the BMP, right-to-left text, odd line breaks.
TRICKY = [
    "İ", "İstanbul", "ß", "STRASSE", "ǅ", "ŉ", "ﬀ", "ΐ", "e\u0301", "\u0301", "👩\u200d👩\u200d👧",
    "🇺🇦", "😀", "𝐀𝐁𝐂", "مرحبا", "\u200f", "\u202e", "שלום", "Ａ", "\u00a0", "\u2009",
    "\u3000", "\t", "\r", "\r\n", "\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x00",
    "\x1b[0m", "\\", "<", ">", "&", "{name}", "sys.exit()", "snake_case", "`", "```", "*", "_", "#",
    "|", "[", "]", "(", ")", "<!--", "-->",
]

#: Rule selectors for suppression comments: real ids, packs, categories, ALL, and nonsense.
SELECTORS = ["", " ALL", " cleanup", " spacing", " proofread", " cleanup.DoubledWord",
             " cleanup.MidSentenceCapital", " spacing.RunOnWord", " cleanup.StrayHyphen",
             " cleanup.LineBreakInSentence, spacing", " nosuch.Rule", " cleanup.", " *", " 😀"]
DIRECTIVES = ["disable", "enable", "disable-line", "disable-next-line", "disable-file"]


@st.composite
def suppression_comments(draw) -> str:
    kind = draw(st.sampled_from(DIRECTIVES + ["disabled", "Disable", ""]))
    selector = draw(st.sampled_from(SELECTORS))
    form = draw(st.sampled_from(["<!-- textlint-{} -->", "<!--textlint-{}-->", "# textlint-{}",
                                 "// textlint-{}", "  # textlint-{}", "<!-- textlint-{}",
                                 "<!-- textlint-{}\n-->"]))
    return form.format(kind + selector)


unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=6)
"""Arbitrary code points (no lone surrogates: a file read as UTF-8 or UTF-16 never has one)."""


@st.composite
def _sprinkle(draw, text: str, pieces: st.SearchStrategy[str]) -> str:
    """*text* with a drawn piece inserted at a drawn word boundary (or anywhere)."""
    piece = draw(pieces)
    bounds = [0, len(text)] + [m.start() for m in _SPACE.finditer(text)]
    if draw(st.booleans()):
        i = bounds[draw(st.integers(0, len(bounds) - 1))]
        return text[:i] + draw(st.sampled_from([" ", "", "\n"])) + piece + " " + text[i:].lstrip(" ")
    i = draw(st.integers(0, len(text)))
    return text[:i] + piece + text[i:]


extras = st.one_of(st.sampled_from(FLAGGED), st.sampled_from(URLS), st.sampled_from(TRICKY),
                   unicode_text, suppression_comments())


@st.composite
def prose(draw) -> str:
    """One to three news paragraphs run together, with defects and extras."""
    parts = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=3))
    text = draw(st.sampled_from([" ", "\n", "\n\n"])).join(parts)
    for _ in range(draw(st.integers(0, 8))):
        text = draw(_corrupted_once(text))
    for _ in range(draw(st.integers(0, 4))):
        text = draw(_sprinkle(text, extras))
    return text


def _inline_markup(draw, text: str) -> str:
    """A word or phrase of *text* wrapped in inline Markdown."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    a = draw(st.integers(0, len(words) - 1))
    b = draw(st.integers(a, min(a + 3, len(words) - 1)))
    start, end = words[a].start(), words[b].end()
    inner = text[start:end]
    url = draw(st.sampled_from(URLS))
    form = draw(st.sampled_from([
        "*{}*", "**{}**", "_{}_", "`{}`", "``{}``", "`` ` {} ``", "[{}](" + url + ")",
        "[{}](" + url + ' "a title")', "![{}](image.png)", "[{}][ref]", "[{}]", "<span>{}</span>",
        "<b>{}", "{}<!-- note -->", "\\*{}\\*", "~~{}~~", "[^{}]", "<" + url + "> {}", "{}  \n", "{}\\\n",
        "`{}", "{}`",
    ]))
    return text[:start] + form.format(inner) + text[end:]


@st.composite
def markdown_block(draw) -> str:
    """A block of Markdown: prose dressed as a heading, a list, a quote, a table; or code, HTML."""
    text = draw(prose())
    for _ in range(draw(st.integers(0, 3))):
        text = _inline_markup(draw, text)
    first_line = text.split("\n", 1)[0]
    code = draw(st.sampled_from(["print('the the')\n", "x = 1  # The the\n", "the the\n", "", "`` ` ``\n"]))
    form = draw(st.sampled_from([
        "{}", "# {}", "## {} ##", "###### {}", "#{}", "{0}\n===", "{0}\n---", "- {}", "* {}", "1. {}",
        "  - {}", "> {}", "> > {}", "    {}", "\t{}", "```\n" + code + "{}\n```", "~~~ python\n{}\n~~~",
        "```\n{}", "<div>\n{}\n</div>", "<!--\n{}\n-->", "| a | b |\n| --- | --- |\n| {} | x |",
        "---\ntitle: {}\n---", "[ref]: https://example.com \"{}\"", "***\n{}", "<details>{}</details>",
    ]))
    if "{0}" in form:
        return form.format(first_line)
    return form.replace("{}", text, 1)


#: Words and marks for a dense soup of tokens, where defects touch and overlap.
SOUP = ["the", "The", "THE", "in", "In", "a", "an", "of", "to", "and", "had", "that", "is", "Is",
        "said", "Said", "could", "Deploy", "deploy", "Cuba", "Putin", "Russia’s", "Díaz-Canel",
        "long", "-term", "-Military", "Military", "successfullyas", "CubaPutin", "gov", "ernment",
        "2030", "1,000", "U.S.", "Mr.", "e.g.", "İ", "ß", "ǅ", "ﬁnal", "&amp;", "we", "We’re"]


@st.composite
def soup(draw) -> str:
    """Words, marks and separators drawn freely: defects next to, and inside, each other."""
    tokens = st.one_of(st.sampled_from(SOUP), st.sampled_from(FLAGGED), st.sampled_from(TRICKY),
                       st.sampled_from(URLS), suppression_comments())
    spaces = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\n\n", "\r\n", "\u00a0", "\t", "- "])
    parts = draw(st.lists(st.tuples(tokens, spaces), min_size=1, max_size=30))
    return "".join(t + s for t, s in parts)


blocks = st.one_of(
    prose(), prose(), prose(), markdown_block(), markdown_block(), soup(), soup(),
    suppression_comments(), unicode_text, st.sampled_from(URLS),
)
separators = st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n", " \n\n", "\n \n", "\r\n\r\n", "\n\u00a0\n"])


@st.composite
def documents(draw) -> str:
    """A whole document: blocks and separators, maybe with CRLF line endings throughout."""
    parts = draw(st.lists(blocks, min_size=1, max_size=5))
    text = parts[0]
    for part in parts[1:]:
        text += draw(separators) + part
    if draw(st.booleans()):
        text += "\n"
    if draw(st.integers(0, 9)) == 0:
        text = regex.sub(r"\r?\n", "\r\n", text)
    return text
