"""cleanup.HtmlEntity: an HTML character reference left in plain text ("AT&amp;T", "&#8217;")."""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..patterns import lazy_compile
from ..rule import FixAvailability
from .base import Check

#: A named, decimal or hexadecimal character reference with its semicolon.
_REFERENCE = lazy_compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")


class HtmlEntity(Check):
    ID = "cleanup.HtmlEntity"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "An HTML character reference left in plain text by a scraper: \"AT&amp;T\", "
        "\"&quot;Yes&quot;\", \"Russia&#8217;s\", \"&nbsp;\"."
    )
    RATIONALE = (
        "Scrapers that copy a page's source instead of its rendered text leave character "
        "references that a reader sees as code. Markdown files are left alone: there a "
        "reference is the way to write the character. Names a browser would not decode "
        "(\"&foo;\") are left alone too."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = "The fix writes the character the reference stands for; it is safe."
    FLAG = [
        ("AT&amp;T said so.", "AT&T said so."),
        ("Russia&#8217;s role and &quot;the plan&quot;.", "Russia’s role and \"the plan\"."),
    ]
    OK = [
        "AT&T said so.",
        "Fish & chips; salt &pepper.",
        "The &foo; token is not a reference.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if doc.kind == "markdown" or "&" not in text:
            return
        import html  # (here: most texts hold no reference)

        for m in _REFERENCE.finditer(text):
            char = html.unescape(m.group())
            if char == m.group():
                continue
            shown = "a no-break space" if char == "\u00a0" else f"'{char}'"
            fix = Fix.replace(m.start(), m.end(), char, Applicability.SAFE,
                              title=f"Write {shown}")
            yield self.diagnostic(m.start(), m.end(),
                                  f"HTML character reference '{m.group()}': write {shown}", fix)
