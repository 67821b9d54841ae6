"""A real HTTP server on 127.0.0.1 that answers like LanguageTool, or badly, for the tests.

It answers ``/v2/languages`` with English and ``/v2/check`` with one ``HE_VERB_AGR``
match per "He go" / "She go" in the text (offsets in UTF-16 units, as LanguageTool
counts), unless told otherwise: ``languages`` and ``check`` may be a JSON value to send,
a :class:`Raw` answer, :data:`HANG` (never answer) or :data:`CLOSE` (drop the connection),
or a function of the request number (1, 2 ...) and the text that returns one of those.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

HANG, CLOSE, GOOD = object(), object(), object()
LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English", "code": "en", "longCode": "en"}]


@dataclass
class Raw:
    status: int
    body: bytes
    content_type: str = "text/plain"


def grammar(text: str) -> dict:
    """LanguageTool's answer for *text*: HE_VERB_AGR on every 'go' after 'He'/'She'."""
    matches = []
    for m in re.finditer(r"\b(?:He|She) (go)\b", text):
        offset = len(text[:m.start(1)].encode("utf-16-le")) // 2
        matches.append({"message": "The pronoun is used with a third-person verb.", "offset": offset,
                        "length": 2, "replacements": [{"value": "goes"}, {"value": "went"}],
                        "rule": {"id": "HE_VERB_AGR", "issueType": "grammar",
                                 "category": {"id": "GRAMMAR", "name": "Grammar"}}})
    return {"software": {"name": "Fake", "version": "6.6"}, "matches": matches}


class FakeLanguageTool:
    """``with FakeLanguageTool(check=...) as fake:`` ... ``fake.url``, ``fake.paths``, ``fake.checked``."""

    def __init__(self, languages: Any = GOOD, check: Any = GOOD) -> None:
        self.languages, self.check = languages, check
        self.paths: list[str] = []
        self.checked: list[str] = []  # the texts of /v2/check
        self.forms: list[dict[str, str]] = []  # and their parameters
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                fake.paths.append(self.path)
                self._answer(fake.languages, LANGUAGES, len(fake.paths), "")

            def do_POST(self) -> None:
                fake.paths.append(self.path)
                size = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(size).decode("utf-8"))
                fake.forms.append({k: v[0] for k, v in form.items()})
                text = form.get("text", [""])[0]
                fake.checked.append(text)
                self._answer(fake.check, grammar(text), len(fake.checked), text)

            def _answer(self, how: Any, good: Any, n: int, text: str) -> None:
                if callable(how):
                    how = how(n, text)
                if how is GOOD:
                    how = good
                if how is HANG:
                    fake.release.wait(60)
                    return
                if how is CLOSE:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                raw = how if isinstance(how, Raw) else Raw(200, json.dumps(how).encode(), "application/json")
                self.send_response(raw.status)
                self.send_header("Content-Type", raw.content_type)
                self.send_header("Content-Length", str(len(raw.body)))
                self.end_headers()
                self.wfile.write(raw.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
