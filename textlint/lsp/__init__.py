"""``textlint lsp``: a language server over stdio (pygls), for every LSP editor.

Modules: ``positions`` (code point offsets <-> LSP positions in the negotiated
encoding), ``client_settings`` (what the editor may set), ``projects`` (the
configuration and engines of each file, as ``textlint check`` finds them),
``convert`` (textlint diagnostics -> LSP diagnostics), ``actions`` (quick fixes,
fix-all, disable-for-line, add-to-vocabulary), ``hover`` (a rule's docs),
``server`` (the handlers: debounced linting, cancellation, LanguageTool later).
pygls and lsprotocol come with the ``lsp`` extra: ``pip install 'textlint[lsp]'``.
"""

from __future__ import annotations

MISSING = ("error: `textlint lsp` needs pygls and lsprotocol: pip install 'textlint[lsp]'")


def available() -> bool:
    """Whether the ``lsp`` extra is installed."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("pygls", "lsprotocol"))


def main() -> None:
    """Serve over stdin/stdout until the client says exit."""
    from .server import build_server

    build_server().start_io()
