"""Characters for the twin tests of compiled functions that take a fast path on plain text."""

#: Every plain character (textlint.document.NOT_PLAIN matches none of them).
PLAIN_CHARACTERS = [chr(i) for i in range(0x100)] + [chr(i) for i in range(0x2000, 0x2070)]
#: Characters that are not plain: a letter, a mark, a number and a space beyond plain text.
NOT_PLAIN = ["İ", "\u0301", "⁰", "\u3000", "ǅ"]
