"""The language server's latency and memory, measured over stdio like an editor.

    python bench/lsp.py [--words 5000] [--changes 30] [--edits 1000]

Starts ``python -m textlint lsp`` (LanguageTool off), opens a Markdown document of
``--words`` words built from the project's fixtures (the seed article and the clean
prose of fixtures/correct, repeated with a heading every few paragraphs; each copy
has a doubled word so there are findings to publish), then:

1. latency: ``--changes`` times, one incremental edit (a word typed into the last
   paragraph) and the time until ``publishDiagnostics`` for that version arrives,
   with the default debounce (the pause the server waits for typing to stop);
2. memory: the server's resident set size (psutil) after 10 and after ``--edits``
   edits, each one waited for (debounce 0 for this part, so that every edit is linted).

Budgets (issue 17): latency <= 300 ms, memory after ``--edits`` within 10 % of memory
after 10.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import psutil
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, client_capabilities

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "fixtures" / "seed-article.txt", *sorted((ROOT / "fixtures" / "correct").glob("*.txt"))]


def document(words: int) -> str:
    paragraphs = [p.strip() for f in SOURCES for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, count, i = [], 0, 0
    while count < words:
        if i % 8 == 0:
            out.append(f"## Part {i // 8 + 1}")
        p = paragraphs[i % len(paragraphs)]
        if i % 8 == 3:
            p += " It was the the end of the part."
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out) + "\n"


class Session:
    def __init__(self, client, uri: str, text: str) -> None:
        self.client, self.uri, self.version = client, uri, 1
        self.lines = text.split("\n")

    def type_word(self, word: str) -> None:
        """Append *word* to the last paragraph, as a keystroke burst would."""
        self.version += 1
        line = len(self.lines) - 2
        at = lsp.Position(line, len(self.lines[line].encode("utf-16-le")) // 2)
        self.lines[line] += word
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=self.version, uri=self.uri),
            [lsp.TextDocumentContentChangePartial(range=lsp.Range(at, at), text=word)]))

    async def published(self) -> list[lsp.Diagnostic]:
        while True:
            params = await asyncio.wait_for(
                self.client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
            if params.uri == self.uri and params.version == self.version:
                return list(params.diagnostics)


async def start(tmp: Path, options: dict):
    client = await ClientServerConfig(server_command=[sys.executable, "-m", "textlint", "lsp"]).start()
    await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("neovim"), root_uri=tmp.as_uri(), initialization_options=options))
    return client


async def open_doc(client, path: Path, text: str) -> Session:
    path.write_text(text, encoding="utf-8")
    session = Session(client, path.as_uri(), text)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=session.uri, language_id="markdown", version=1, text=text)))
    await session.published()
    return session


async def latency(tmp: Path, text: str, changes: int) -> list[float]:
    client = await start(tmp, {"languagetool": False})
    try:
        session = await open_doc(client, tmp / "latency.md", text)
        times = []
        for i in range(changes):
            t0 = time.perf_counter()
            session.type_word(f" word{i}")
            found = await session.published()
            times.append((time.perf_counter() - t0) * 1000)
            assert found, "the document's doubled words were not reported"
        return times
    finally:
        await client.shutdown_session()
        await client.stop()


async def memory(tmp: Path, text: str, edits: int) -> tuple[float, float]:
    client = await start(tmp, {"languagetool": False, "debounce": 0})
    try:
        session = await open_doc(client, tmp / "memory.md", text)
        process = psutil.Process(client._server.pid)
        after_10 = 0.0
        for i in range(1, edits + 1):
            session.type_word(" x" if i % 50 else "\n")  # now and then a new line
            if i % 50 == 0:
                session.lines.append("")
            await session.published()
            if i == 10:
                after_10 = process.memory_info().rss / 2**20
        return after_10, process.memory_info().rss / 2**20
    finally:
        await client.shutdown_session()
        await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    import tempfile

    text = document(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        times = asyncio.run(latency(Path(tmp), text, args.changes))
        print(f"document: {len(text.split())} words, {len(text)} characters (Markdown)")
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"didChange -> publishDiagnostics over {len(times)} edits (default debounce): "
              f"median {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, max {max(times):.0f} ms "
              f"(budget 300 ms: median {'ok' if statistics.median(times) <= 300 else 'OVER'}, "
              f"max {'ok' if max(times) <= 300 else 'OVER'}); load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        before, after = asyncio.run(memory(Path(tmp), text, args.edits))
        growth = (after - before) / before * 100
        print(f"server RSS after 10 edits {before:.1f} MiB, after {args.edits} edits {after:.1f} MiB "
              f"({growth:+.1f} %; budget 10 %: {'ok' if abs(growth) <= 10 else 'OVER'})")


if __name__ == "__main__":
    main()
