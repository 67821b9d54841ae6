"""The language server: handlers, debounced linting, cancellation, LanguageTool later.

Linting runs in one worker thread, so the server keeps answering while a document
is checked. Each document has at most one lint task: a change cancels the task of
the version before it (a job not yet started never runs; a result that arrives for
an old version is dropped). textlint's own findings are published as soon as they
are known; LanguageTool's, when the editor turned it on, follow from a second
worker and never hold textlint's back. Any failure — a rule that raises, a broken
configuration, a request about a document the server does not know — is logged
(``window/logMessage``) and the server carries on.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import field
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..dataclass import dataclass
from .. import __version__
from ..config import CONFIG_NAMES
from ..diagnostics import Applicability, Diagnostic
from ..errors import ConfigError
from ..files import InputError, WriteError, matches, read_source, write_source
from ..rule import RuleError
from . import actions, client_settings
from .convert import lsp_range, offsets, to_lsp
from .hover import hover_text
from .positions import UTF16, LineIndex
from .projects import Projects

MARKDOWN_IDS = {"markdown", "mdx"}
TEXT_IDS = {"plaintext", "text", "txt"}


@dataclass
class Linted:
    """One version of a document and its findings."""

    version: int | None
    index: LineIndex
    markdown: bool
    path: Path | None
    own: list[Diagnostic] = field(default_factory=list)
    languagetool: list[Diagnostic] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    configured: bool = True  # False: the configuration is broken, nothing was linted

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted(self.own + self.languagetool, key=Diagnostic.sort_key)

    def shown(self) -> list[tuple[Diagnostic, lsp.Diagnostic]]:
        return [(d, to_lsp(d, self.index, self._link)) for d in self.diagnostics]

    def _link(self, rule_id: str) -> str | None:
        return self.links.get(rule_id) or self.links.get(rule_id.split(".", 1)[0])


class TextlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("textlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.settings = client_settings.ClientSettings()
        self.projects = Projects(warn=lambda message: self.log(message, lsp.MessageType.Warning))
        self.linted: dict[str, Linted] = {}
        self.tasks: dict[str, asyncio.Task] = {}
        self.reported: dict[str, set[str]] = {}
        self.watched: set[str] = set()
        self.pool = ThreadPoolExecutor(1, "textlint-lint")
        self.languagetool_pool = ThreadPoolExecutor(1, "textlint-languagetool")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.main_thread = threading.get_ident()

    # -- messages ------------------------------------------------------------------

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        """``window/logMessage``, from any thread."""
        params = lsp.LogMessageParams(type=kind, message=message)
        if threading.get_ident() == self.main_thread or self.loop is None:
            self.window_log_message(params)
        else:
            self.loop.call_soon_threadsafe(self.window_log_message, params)

    def report_errors(self, uri: str, errors: list[RuleError], languagetool: bool) -> None:
        """Log the rule errors of a lint, each once until it stops happening."""
        key = uri + ("#languagetool" if languagetool else "")
        now = {str(e) for e in errors}
        for message in sorted(now - self.reported.get(key, set())):
            self.log(f"{uri}: rule failed, its findings are missing: {message}", lsp.MessageType.Error)
        self.reported[key] = now

    # -- documents -----------------------------------------------------------------

    @property
    def encoding(self) -> str:
        value = self.workspace.position_encoding or UTF16
        return str(getattr(value, "value", value))

    def open_document(self, uri: str):
        return self.workspace.text_documents.get(unquote(uri))

    def lint_job(self, uri: str, version: int | None, text: str, language_id: str | None) -> Linted | None:
        """Lint one version (in the worker thread); None when textlint does not lint it."""
        path = Path(to_fs_path(uri)) if uri.startswith("file:") else None
        try:
            markdown = self.kind(path, language_id)
            if markdown is None:
                return None
            linted = Linted(version, LineIndex(text, self.encoding), markdown, path)
            result = self.projects.lint(text, path, markdown)
            linted.own = result.diagnostics
            linted.links = {r.id: r.link for r in self.projects.engine(path).rules if r.link}
            self.report_errors(uri, result.errors, languagetool=False)
            return linted
        except ConfigError as e:
            self.log(f"error: {e}; {uri} is not linted until the configuration is fixed", lsp.MessageType.Error)
            return Linted(version, LineIndex(text, self.encoding), False, path, configured=False)

    def kind(self, path: Path | None, language_id: str | None) -> bool | None:
        """True: Markdown, False: plain text, None: not ours (by language id, else by the
        project's formats and include patterns)."""
        if language_id in MARKDOWN_IDS:
            return True
        if path is None:
            return False if language_id in TEXT_IDS else None
        settings = self.projects.settings(path)
        if settings.format_of(path.name) == "markdown":
            return True
        if language_id in TEXT_IDS or matches(Path(path.name), settings.include):
            return False
        return None

    def languagetool_job(self, uri: str, linted: Linted, text: str) -> list[Diagnostic]:
        try:
            result = self.projects.lint_languagetool(text, linted.path, linted.markdown, linted.own)
        except ConfigError as e:
            self.log(f"error: {e}", lsp.MessageType.Error)
            return []
        self.report_errors(uri, result.errors, languagetool=True)
        return result.diagnostics

    def is_current(self, uri: str, version: int | None) -> bool:
        doc = self.open_document(uri)
        return doc is not None and doc.version == version

    def publish(self, uri: str, linted: Linted) -> None:
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=linted.version, diagnostics=[shown for _, shown in linted.shown()]))

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint *uri* after *delay* seconds, cancelling the lint of any older version."""
        old = self.tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        self.tasks[uri] = asyncio.get_running_loop().create_task(self.lint_task(uri, delay))

    async def lint_task(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.lint_current(uri)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # the server outlives any failure of one lint
            self.log(f"{uri}: lint failed: {type(e).__name__}: {e}", lsp.MessageType.Error)

    async def lint_current(self, uri: str, reuse: bool = False) -> Linted | None:
        """Lint the open version of *uri* and publish its findings; LanguageTool's follow in
        a second publication. With *reuse* (a request that needs the findings now), the
        findings already known for this version if any, and LanguageTool is left to the
        scheduled lint."""
        doc = self.open_document(uri)
        if doc is None:
            return None
        known = self.linted.get(uri)
        if reuse and known is not None and known.version == doc.version and known.index.text == doc.source:
            return known
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.pool, self.lint_job, uri, version, text, doc.language_id)
        if linted is None or not self.is_current(uri, version):
            return None
        self.publish(uri, linted)
        if self.unwatched():
            loop.create_task(self.watch_quietly())
        if self.settings.languagetool and linted.configured and not reuse:
            linted.languagetool = await loop.run_in_executor(
                self.languagetool_pool, self.languagetool_job, uri, linted, text)
            if linted.languagetool and self.is_current(uri, version):
                self.publish(uri, linted)
        return linted

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    def forget(self, uri: str) -> None:
        task = self.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        self.linted.pop(uri, None)
        self.reported.pop(uri, None)
        self.reported.pop(uri + "#languagetool", None)

    # -- configuration -------------------------------------------------------------

    def apply_settings(self, raw) -> None:
        self.settings, problems = client_settings.parse(raw, self.settings)
        for problem in problems:
            self.log(problem, lsp.MessageType.Warning)

    def configuration_changed(self) -> None:
        """A configuration, vocabulary or rule file changed: read them again, lint again."""
        self.projects.reset()
        self.relint_all()

    async def watch_quietly(self) -> None:
        try:
            await self.watch_known_files()
        except Exception as e:
            self.log(f"cannot watch the configuration files: {e}", lsp.MessageType.Warning)

    def unwatched(self) -> list[str]:
        """Glob patterns of the configuration and vocabulary files not watched yet (none
        when the client cannot watch files for the server)."""
        caps = self.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if not (watch and watch.dynamic_registration):
            return []
        globs = {f"**/{name}" for name in CONFIG_NAMES} | {str(p) for p in self.projects.known_files()}
        return sorted(globs - self.watched)

    async def watch_known_files(self) -> None:
        """Ask the client to report changes to the configuration and vocabulary files."""
        new = self.unwatched()
        if not new:
            return
        self.watched |= set(new)
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in new])
        await self.client_register_capability_async(lsp.RegistrationParams(registrations=[
            lsp.Registration(id=f"textlint-watch-{len(self.watched)}",
                             method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))


def build_server() -> TextlintServer:
    ls = TextlintServer()

    @ls.feature(lsp.INITIALIZE)
    def initialize(ls: TextlintServer, params: lsp.InitializeParams) -> None:
        ls.apply_settings(params.initialization_options)

    @ls.feature(lsp.INITIALIZED)
    async def initialized(ls: TextlintServer, params: lsp.InitializedParams) -> None:
        ls.loop = asyncio.get_running_loop()
        await pull_configuration(ls)
        await ls.watch_quietly()

    @ls.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: TextlintServer, params: lsp.DidChangeConfigurationParams) -> None:
        if not await pull_configuration(ls):
            ls.apply_settings(params.settings)
        ls.relint_all()

    @ls.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: TextlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.configuration_changed()

    @ls.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: TextlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.loop = asyncio.get_running_loop()
        ls.schedule(params.text_document.uri)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TextlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.settings.debounce_ms / 1000)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TextlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = Path(to_fs_path(uri)) if uri.startswith("file:") else None
        if path is not None and (path.name in CONFIG_NAMES or path in ls.projects.known_files()):
            ls.configuration_changed()
        else:
            ls.schedule(uri)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TextlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @ls.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]))
    async def code_action(ls: TextlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        linted = await ls.lint_current(uri, reuse=True)
        if linted is None:
            return None
        return await asyncio.get_running_loop().run_in_executor(
            ls.pool, code_actions, ls, uri, linted, params)

    @ls.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: TextlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        linted = await ls.lint_current(params.text_document.uri, reuse=True)
        if linted is None:
            return None
        at = linted.index.offset(params.position.line, params.position.character)
        here = [d for d in linted.diagnostics if d.start <= at < d.end or d.start == at == d.end]
        if not here:
            return None
        text = await asyncio.get_running_loop().run_in_executor(
            ls.pool, hover_text, here, lambda rule_id: ls.projects.rule(linted.path, rule_id))
        first = min(here, key=lambda d: d.start)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=lsp_range(linted.index, first.start, first.end))

    @ls.command(actions.ADD_WORD_COMMAND)
    async def add_to_vocabulary(ls: TextlintServer, vocabulary, word) -> None:
        problem = await asyncio.get_running_loop().run_in_executor(ls.pool, add_word, ls, vocabulary, word)
        if problem:
            ls.log(problem, lsp.MessageType.Error)
            ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=problem))
            return
        ls.configuration_changed()

    return ls


async def pull_configuration(ls: TextlintServer) -> bool:
    """The ``textlint`` section of ``workspace/configuration``, when the client has one."""
    caps = ls.client_capabilities.workspace
    if not (caps and caps.configuration):
        return False
    try:
        values = await ls.workspace_configuration_async(lsp.ConfigurationParams(
            items=[lsp.ConfigurationItem(section=client_settings.SECTION)]))
    except Exception as e:
        ls.log(f"cannot read the editor's settings: {e}", lsp.MessageType.Warning)
        return False
    if values and values[0] is not None:
        ls.apply_settings(values[0])
    return True


def code_actions(ls: TextlintServer, uri: str, linted: Linted, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """The actions for the requested range (in the worker thread)."""
    caps = ls.client_capabilities.workspace
    versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
    target = actions.Target(uri, linted.version, linted.index, linted.markdown, versioned)
    start, end = offsets(linted.index, params.range)
    only = params.context.only
    out: list[lsp.CodeAction] = []
    shown = linted.shown()
    if actions.wants(only, lsp.CodeActionKind.QuickFix):
        try:
            settings = ls.projects.settings(linted.path)
        except ConfigError:
            settings = None
        for d, diagnostic in shown:
            if not (d.start <= end and start <= d.end):
                continue
            fix = actions.quick_fix(target, d, diagnostic)
            if fix is not None:
                out.append(fix)
            out.append(actions.disable_line(target, d, diagnostic))
            if settings is not None and linted.path is not None:
                word = actions.add_word(d, diagnostic, linted.index.text, settings.vocabulary_path,
                                        settings.root, settings.vocabulary)
                if word is not None:
                    out.append(word)
        out.sort(key=lambda a: not a.is_preferred)
    if actions.wants(only, actions.FIX_ALL_KIND):
        safe = [d for d in linted.own if d.fix is not None and d.fix.applicability is Applicability.SAFE]
        if safe:
            fixed = ls.projects.fix_all(linted.index.text, linted.path, linted.markdown)
            for reason in fixed.held_back:
                ls.log(f"{uri}: {reason}, so these rules' fixes were not applied", lsp.MessageType.Warning)
            if fixed.problem:
                ls.log(f"{uri}: {fixed.problem}, so no fix was applied", lsp.MessageType.Warning)
            elif fixed.text != linted.index.text:
                out.append(actions.fix_all(target, fixed.text, len(fixed.applied)))
    return out


def add_word(ls: TextlintServer, vocabulary: str, word: str) -> str | None:
    """Append *word* to the vocabulary file (one a project names); a problem, or None."""
    if not isinstance(vocabulary, str) or not isinstance(word, str) or not actions.WORD.fullmatch(word):
        return "textlint: cannot add to the vocabulary: expected a vocabulary file and one word"
    path = Path(vocabulary)
    root = ls.projects.vocabularies().get(path)
    if root is None or not actions.inside(path, root):
        return (f"textlint: {vocabulary} is not the vocabulary file of a configuration in use, inside "
                "that configuration's directory; nothing written")
    try:
        source = read_source(path)
        text = source.text
        if word in {line.split("#", 1)[0].strip() for line in text.splitlines()}:
            return None
        if text and not text.endswith(("\n", "\r")):
            text += source.newlines("\n")
        write_source(source, text + source.newlines(word + "\n"))
    except (InputError, WriteError) as e:
        return f"textlint: cannot add '{word}' to {vocabulary}: {e}"
    return None
