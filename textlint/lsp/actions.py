"""Code actions: each fix as a quick fix, fix-all, disable-for-this-line, add-to-vocabulary.

Edits are computed here as (start, end, new text) in code points and turned into LSP
text edits in the document's position encoding.
"""

from __future__ import annotations

from pathlib import Path

import regex
from lsprotocol import types as lsp

from ..dataclass import dataclass
from ..diagnostics import Applicability, Diagnostic, Edit, Fix, apply_edits
from .convert import SOURCE, lsp_range
from .positions import LineIndex

FIX_ALL_KIND = "source.fixAll.textlint"
ADD_WORD_COMMAND = "textlint.addToVocabulary"
#: One word: letters and digits, inner apostrophes, hyphens and periods.
WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?")
_SHOWN = 40


@dataclass
class Target:
    """The document the actions edit."""

    uri: str
    version: int | None
    index: LineIndex
    markdown: bool
    versioned_edits: bool  # the client takes documentChanges (edits refused on a newer version)


def _shown(text: str) -> str:
    text = text.replace("\n", "↵")
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def fix_title(fix: Fix, text: str) -> str:
    """What a fix does, in words."""
    if fix.title:
        return fix.title
    if len(fix.edits) == 1:
        e = fix.edits[0]
        old = text[e.start:e.end]
        if not e.content:
            return f"Delete '{_shown(old)}'"
        if not old:
            return f"Insert '{_shown(e.content)}'"
        return f"Replace '{_shown(old)}' with '{_shown(e.content)}'"
    old = text[fix.start:fix.end]
    new = apply_edits(old, [Edit(e.start - fix.start, e.end - fix.start, e.content) for e in fix.edits])
    return f"Replace '{_shown(old)}' with '{_shown(new)}'"


def workspace_edit(target: Target, edits: list[tuple[int, int, str]]) -> lsp.WorkspaceEdit:
    text_edits = [lsp.TextEdit(range=lsp_range(target.index, s, e), new_text=new) for s, e, new in edits]
    if target.versioned_edits:
        doc = lsp.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=target.version)
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=doc, edits=text_edits)])
    return lsp.WorkspaceEdit(changes={target.uri: text_edits})


def quick_fix(target: Target, d: Diagnostic, shown: lsp.Diagnostic) -> lsp.CodeAction | None:
    if d.fix is None or not d.fix.edits:
        return None
    title = fix_title(d.fix, target.index.text)
    if d.fix.applicability is not Applicability.SAFE:
        title += f" ({d.fix.applicability.value})"
    return lsp.CodeAction(
        title=f"{title} [{d.rule}]", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
        is_preferred=d.fix.applicability is Applicability.SAFE or None,
        edit=workspace_edit(target, [(e.start, e.end, e.content) for e in d.fix.edits]))


def disable_line(target: Target, d: Diagnostic, shown: lsp.Diagnostic) -> lsp.CodeAction:
    """A suppression comment for the finding's first line (suppression.py): in Markdown an
    HTML comment at the end of the line, in plain text a comment line above it."""
    index = target.index
    line = index.line_of(d.start)
    start, end = index.line_span(line)
    if target.markdown:
        edit = (end, end, f" <!-- textlint-disable-line {d.rule} -->")
    else:
        content = index.text[start:end]
        indent = content[:len(content) - len(content.lstrip(" \t"))]
        newline = index.line_break(line) or (index.line_break(line - 1) if line else "") or "\n"
        edit = (start, start, f"{indent}# textlint-disable-next-line {d.rule}{newline}")
    return lsp.CodeAction(title=f"Disable {d.rule} for this line", kind=lsp.CodeActionKind.QuickFix,
                          diagnostics=[shown], edit=workspace_edit(target, [edit]))


def flagged_word(d: Diagnostic, text: str) -> str | None:
    """The finding's text when it is one word, else None."""
    word = text[d.start:d.end].strip()
    return word if WORD.fullmatch(word) else None


def add_word(d: Diagnostic, shown: lsp.Diagnostic, text: str, vocabulary: Path | None,
             root: Path, accepted: frozenset[str]) -> lsp.CodeAction | None:
    """"Add '<word>' to the vocabulary", when the finding is one word and the project names a
    vocabulary file inside its own directory."""
    word = flagged_word(d, text)
    if word is None or vocabulary is None or word in accepted or not inside(vocabulary, root):
        return None
    title = f"Add '{word}' to the vocabulary ({vocabulary.name})"
    return lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                          command=lsp.Command(title=title, command=ADD_WORD_COMMAND,
                                              arguments=[str(vocabulary), word]))


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def changed_region(old: str, new: str) -> tuple[int, int, str]:
    """One edit that turns *old* into *new*: the span between their common prefix and suffix."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return start, len(old) - end, new[start:len(new) - end]


def fix_all(target: Target, fixed: str, count: int) -> lsp.CodeAction:
    s, e, new = changed_region(target.index.text, fixed)
    return lsp.CodeAction(title=f"Fix all safe problems ({count}) [{SOURCE}]",
                          kind=FIX_ALL_KIND, edit=workspace_edit(target, [(s, e, new)]))


def wants(only: list[str] | None, kind: str) -> bool:
    """Whether a request's ``only`` (None: any kind) takes actions of *kind*."""
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)
