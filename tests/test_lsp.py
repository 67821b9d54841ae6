"""`textlint lsp` driven over stdio by pytest-lsp: the real server in a child process."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "textlint", "lsp"])
TIMEOUT = 30


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:  # as editors do: accept, remember
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")]))
    yield
    await lsp_client.shutdown_session()


def utf16_column(line: str, codepoints: int) -> int:
    return len(line[:codepoints].encode("utf-16-le")) // 2


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """The client's side of a workspace edit: positions in UTF-16 code units."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(p: lsp.Position) -> int:
        start = sum(len(l) for l in lines[:p.line])
        line = lines[p.line] if p.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= p.character:
                return start + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return start + len(line.rstrip("\r\n")) if units >= p.character else start + len(line)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = offset(e.range.start), offset(e.range.end)
        text = text[:s] + e.new_text + text[t:]
    return text


def edits_of(action: lsp.CodeAction) -> list[lsp.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        return [e for change in action.edit.document_changes for e in change.edits]
    return [e for edits in action.edit.changes.values() for e in edits]


class Doc:
    """An open document on the client's side."""

    def __init__(self, client: LanguageClient, path: Path, text: str, language: str = "markdown") -> None:
        self.client, self.path, self.text, self.version = client, path, text, 1
        self.uri = path.as_uri()
        path.write_text(text, encoding="utf-8", newline="")
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=self.uri, language_id=language, version=1, text=text)))

    def change(self, text: str) -> None:
        self.version += 1
        self.text = text
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)]))

    def edit(self, edits: list[lsp.TextEdit]) -> None:
        """Send *edits* as incremental changes (as an editor applying a workspace edit does)."""
        self.version += 1
        ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
        self.text = apply_edits(self.text, edits)
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            [lsp.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered]))

    async def diagnostics(self) -> list[lsp.Diagnostic]:
        """The next diagnostics published for this document's current version."""
        while True:
            params = await asyncio.wait_for(
                self.client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT)
            if params.uri == self.uri and params.version in (None, self.version):
                return list(params.diagnostics)

    async def actions(self, r: lsp.Range, only: list[str] | None = None,
                      diagnostics: list[lsp.Diagnostic] = ()) -> list[lsp.CodeAction]:
        result = await self.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(self.uri), r,
            lsp.CodeActionContext(diagnostics=list(diagnostics), only=only)))
        return list(result or [])


def command_of(action) -> dict:
    """The command of a code action. The test client's converter reads a CodeAction that
    carries a command as a Command holding the repr of the inner one (lsprotocol's
    ``Command | CodeAction`` union); editors read the JSON, which is right."""
    if isinstance(action, lsp.CodeAction):
        c = action.command
        return {"command": c.command, "arguments": list(c.arguments or [])}
    import ast

    return ast.literal_eval(action.command)


def by_rule(diagnostics, rule):
    return [d for d in diagnostics if d.code == rule]


DOUBLED = "cleanup.DoubledWord"


async def test_diagnostics_have_utf16_ranges_after_emoji_accents_and_crlf(client: LanguageClient, tmp_path):
    lines = ["# Notes", "", "Caf\u00e9 \U0001F600 \U0001F600 and the the na\u00efve end.", "",
             "Second \U0001F680 paragraph with with a doubled word."]
    doc = Doc(client, tmp_path / "notes.md", "\r\n".join(lines) + "\r\n")
    found = by_rule(await doc.diagnostics(), DOUBLED)
    assert len(found) == 2, found
    for d, (line_no, needle) in zip(found, [(2, "the the"), (4, "with with")]):
        line = lines[line_no]
        start = line.index(needle)
        assert d.range.start == lsp.Position(line_no, utf16_column(line, start))
        assert d.range.end.line == line_no
        assert d.source == "textlint"
        assert d.severity in (lsp.DiagnosticSeverity.Warning, lsp.DiagnosticSeverity.Error,
                              lsp.DiagnosticSeverity.Information)
    # the emoji (2 UTF-16 units each) and é (1) count as the protocol says
    assert found[0].range.start.character == len("Caf\u00e9 ") + 2 + 1 + 2 + len(" and ")


async def test_edit_quick_fix_fix_all_hover_and_config_reload(client: LanguageClient, tmp_path):
    doc = Doc(client, tmp_path / "essay.md", "# Title\n\nThe cat sat on the the mat.\n")
    first = await doc.diagnostics()
    assert [d.code for d in first] == [DOUBLED]

    # an incremental change adds a second defect
    end = lsp.Position(2, len("The cat sat on the the mat."))
    doc.edit([lsp.TextEdit(lsp.Range(end, end), " So the the end.")])
    second = by_rule(await doc.diagnostics(), DOUBLED)
    assert len(second) == 2
    assert second[1].range.start == lsp.Position(2, len("The cat sat on the the mat. So "))

    # quick fix: the safe fix is preferred, and applying it removes that finding
    actions = await doc.actions(second[0].range, diagnostics=[second[0]])
    fixes = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix and a.is_preferred]
    assert fixes and fixes[0].title == f"Remove the repeated 'the' [{DOUBLED}]"
    titles = [a.title for a in actions]
    assert f"Disable {DOUBLED} for this line" in titles
    doc.edit(edits_of(fixes[0]))
    assert doc.text == "# Title\n\nThe cat sat on the mat. So the the end.\n"
    assert len(by_rule(await doc.diagnostics(), DOUBLED)) == 1

    # fix-all, as an editor asks for it on save
    everything = lsp.Range(lsp.Position(0, 0), lsp.Position(3, 0))
    fix_all = await doc.actions(everything, only=["source.fixAll"])
    assert [a.kind for a in fix_all] == ["source.fixAll.textlint"]
    doc.edit(edits_of(fix_all[0]))
    assert doc.text == "# Title\n\nThe cat sat on the mat. So the end.\n"
    assert await doc.diagnostics() == []

    # hover shows the rule's documentation
    doc.change("# Title\n\nAnd the the end.\n")
    [d] = await doc.diagnostics()
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(doc.uri), lsp.Position(2, 5)))
    assert hover is not None and f"# {DOUBLED}" in hover.contents.value
    assert "## Fix safety" in hover.contents.value and "## What it finds" in hover.contents.value
    assert hover.range == d.range
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(doc.uri), lsp.Position(0, 1)))
    assert nothing is None

    # a configuration file appears: the findings change
    (tmp_path / "textlint.toml").write_text(f'ignore = ["{DOUBLED}"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(uri=(tmp_path / "textlint.toml").as_uri(), type=lsp.FileChangeType.Created)]))
    assert await doc.diagnostics() == []
    (tmp_path / "textlint.toml").write_text("select = ['ALL']\n", encoding="utf-8")
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(uri=(tmp_path / "textlint.toml").as_uri(), type=lsp.FileChangeType.Changed)]))
    assert [d.code for d in await doc.diagnostics()] == [DOUBLED]


async def test_disable_for_this_line_suits_the_file_type(client: LanguageClient, tmp_path):
    for name, language, expected in [
        ("a.md", "markdown", f"So so it goes. <!-- textlint-disable-line {DOUBLED} -->\r\nNext.\r\n"),
        ("a.txt", "plaintext", f"# textlint-disable-next-line {DOUBLED}\r\nSo so it goes.\r\nNext.\r\n"),
    ]:
        doc = Doc(client, tmp_path / name, "So so it goes.\r\nNext.\r\n", language)
        [d] = await doc.diagnostics()
        [disable] = [a for a in await doc.actions(d.range) if a.title.startswith("Disable")]
        doc.edit(edits_of(disable))
        assert doc.text == expected
        assert await doc.diagnostics() == []


def write_project(tmp_path: Path, config: str, rules: dict[str, str]) -> None:
    (tmp_path / "textlint.toml").write_text(textwrap.dedent(config), encoding="utf-8")
    pack = tmp_path / "styles" / "house"
    pack.mkdir(parents=True)
    for name, body in rules.items():
        (pack / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")


async def test_add_word_to_the_vocabulary_writes_the_configured_file(client: LanguageClient, tmp_path):
    write_project(tmp_path, """
        rule-paths = ["styles"]
        vocabulary = "accept.txt"
    """, {"Jargon": """
        extends: existence
        message: "'%s' is jargon"
        tokens: [frobnicate]
    """})
    (tmp_path / "accept.txt").write_text("# words we accept\nteh", encoding="utf-8")
    doc = Doc(client, tmp_path / "doc.md", "We frobnicate the data.\n")
    [d] = by_rule(await doc.diagnostics(), "house.Jargon")
    for _ in range(50):  # the server asks the editor to watch the configuration and vocabulary files
        watched = {w["globPattern"] for r in client.registrations for w in r.register_options["watchers"]}
        if str(tmp_path / "accept.txt") in watched:
            break
        await asyncio.sleep(0.1)
    assert {"**/textlint.toml", "**/pyproject.toml", str(tmp_path / "accept.txt")} <= watched
    actions = await doc.actions(d.range)
    [add] = [a for a in actions if a.title.startswith("Add 'frobnicate' to the vocabulary")]
    command = command_of(add)
    assert command["command"] == "textlint.addToVocabulary"
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command=command["command"], arguments=command["arguments"]))
    assert await doc.diagnostics() == []
    assert (tmp_path / "accept.txt").read_text(encoding="utf-8") == "# words we accept\nteh\nfrobnicate\n"


async def test_a_failing_rule_is_logged_and_the_other_findings_arrive(client: LanguageClient, tmp_path):
    write_project(tmp_path, 'rule-paths = ["styles"]\n', {"Slow": r"""
        extends: capitalization
        message: "'%s' does not match"
        scope: paragraph
        match: '(a+)+$'
    """})
    doc = Doc(client, tmp_path / "doc.md", "The the start.\n\n" + "a" * 100_000 + "!\n")
    found = await doc.diagnostics()
    assert DOUBLED in [d.code for d in found]
    errors = [m.message for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert any("house.Slow" in m and "pattern timed out" in m for m in errors), errors


async def test_bad_input_does_not_kill_the_server(client: LanguageClient, tmp_path):
    unknown = lsp.TextDocumentIdentifier((tmp_path / "never-opened.md").as_uri())
    assert await client.text_document_code_action_async(lsp.CodeActionParams(
        unknown, lsp.Range(lsp.Position(0, 0), lsp.Position(9, 9)), lsp.CodeActionContext([]))) is None
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version=5, uri=unknown.uri), [lsp.TextDocumentContentChangeWholeDocument(text="x")]))
    # a broken configuration is named in the log; the document gets no findings, the server lives
    (tmp_path / "textlint.toml").write_text("select = [", encoding="utf-8")
    doc = Doc(client, tmp_path / "doc.md", "The the end.\n")
    assert await doc.diagnostics() == []
    assert any("textlint.toml" in m.message and "invalid TOML" in m.message for m in client.log_messages)
    # positions past the end of the text clamp
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(doc.uri), lsp.Position(99, 99)))
    assert hover is None
    (tmp_path / "textlint.toml").unlink()
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(uri=(tmp_path / "textlint.toml").as_uri(), type=lsp.FileChangeType.Deleted)]))
    assert [d.code for d in await doc.diagnostics()] == [DOUBLED]


async def test_a_newer_version_replaces_the_older_ones(client: LanguageClient, tmp_path):
    doc = Doc(client, tmp_path / "doc.md", "Start.\n")
    assert await doc.diagnostics() == []
    published: list[int | None] = []
    for i in range(20):
        doc.change(f"Version {i} of of the text.\n")
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT)
        published.append(params.version)
        if params.version == doc.version:
            break
    # typing faster than the debounce: only the last version is linted
    assert published == [doc.version]


async def test_shutdown_and_exit():
    client = await SERVER.start()
    await client.initialize_session(lsp.InitializeParams(capabilities=client_capabilities("neovim")))
    await client.shutdown_session()
    assert client._server.returncode == 0
    await client.stop()


async def test_a_workspace_config_never_names_a_server_and_editor_settings_are_read(client: LanguageClient, tmp_path):
    # the editor's workspace/configuration answer is read (a key the server does not take is reported)
    client.set_configuration({"languagetool": False, "url": "http://example.invalid"}, section="textlint")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
    (tmp_path / "textlint.toml").write_text('[languagetool]\nurl = "http://example.invalid:8081"\n',
                                            encoding="utf-8")
    doc = Doc(client, tmp_path / "doc.md", "The the end.\n")
    assert [d.code for d in await doc.diagnostics()] == [DOUBLED]
    messages = [m.message for m in client.log_messages]
    assert any("unknown key 'url'" in m for m in messages), messages
    assert any("key 'languagetool.url' ignored" in m for m in messages), messages
