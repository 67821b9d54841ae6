"""Ask a LanguageTool server about many paragraphs at once: batches, threads, UTF-16 offsets.

Two endpoints of LanguageTool's HTTP API are used, through ``requests``:
``GET /v2/languages`` (once, to check the language) and ``POST /v2/check``. Every
request is bounded by ``request-timeout`` (connecting and waiting for the answer), and
every answer is checked before it is used: anything but the documented JSON (a list of
languages; ``matches`` with integer offsets inside the text, a rule with an id ...)
is a :class:`LanguageToolError` naming the server and the problem. LanguageTool counts
offsets in UTF-16 code units; they are converted to code points here
(:func:`utf16_to_code_points`).
"""

from __future__ import annotations

import bisect
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable
from urllib.parse import urlsplit

from ..patterns import lazy_compile
from .cache import StoredMatch
from .errors import LanguageToolError

#: Paragraphs of one request are separated by a blank line, which LanguageTool treats as a paragraph break.
SEPARATOR = "\n\n"
#: Replacements kept per match.
MAX_REPLACEMENTS = 5
#: Characters of a bad answer quoted in the error message.
QUOTED = 120
_ASTRAL = lazy_compile("[\U00010000-\U0010ffff]", engine=re)


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """A function from UTF-16 offsets in *text* (LanguageTool's) to code point offsets (Python's)."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda offset: offset
    # UTF-16 offset of the k-th astral character: its code point offset + k earlier extra units.
    starts = [cp + k for k, cp in enumerate(astral)]

    def convert(offset: int) -> int:
        return offset - bisect.bisect_left(starts, offset)

    return convert


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def batches(texts: list[str], limit: int) -> list[list[int]]:
    """Indexes of *texts* grouped into requests of about *limit* characters."""
    out: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i, text in enumerate(texts):
        if current and size + len(text) > limit:
            out.append(current)
            current, size = [], 0
        current.append(i)
        size += len(text) + len(SEPARATOR)
    if current:
        out.append(current)
    return out


def base_url(url: str) -> str:
    """``http://host:8081`` for ``host:8081``, ``http://host:8081/v2/`` and the like."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[:-3]
    if "://" not in url:
        url = "http://" + url
    return url + "/"


class Malformed(Exception):
    """An answer that is not what LanguageTool's API documents."""


def request_params(params: dict[str, Any], text: str) -> dict[str, str]:
    """The form fields of ``/v2/check`` for *text* (lists become comma-separated)."""
    out = {"language": str(params["language"]), "text": text}
    for name in ("enabledRules", "disabledRules", "enabledCategories", "disabledCategories"):
        if params.get(name):
            out[name] = ",".join(params[name])
    if params.get("enabledOnly"):
        out["enabledOnly"] = "true"
    return out


class Client:
    """A connection to one server for one set of request parameters."""

    def __init__(self, url: str, params: dict[str, Any], timeout: float,
                 threads: int, batch_chars: int) -> None:
        import requests

        self.url = url
        self.params = params
        self.timeout = timeout
        self.threads = threads
        self.batch_chars = batch_chars
        self.version: str | None = None
        self._base = base_url(url) + "v2/"
        self._session = requests.Session()
        if urlsplit(self._base).hostname in ("127.0.0.1", "localhost", "::1"):
            self._session.trust_env = False  # a local server: never through a proxy of the environment
        languages = self._request("GET", "languages")
        if not isinstance(languages, list) or not all(isinstance(e, dict) for e in languages):
            raise self._malformed("/v2/languages is not a list of languages", languages)
        known = {code.lower(): code for e in languages for k in ("longCode", "code")
                 if isinstance(code := e.get(k), str)}
        language = known.get(str(params["language"]).lower())
        if language is None:
            raise LanguageToolError(f"the LanguageTool server at {url} does not know the language "
                                    f"{params['language']!r} (the `language` setting)")
        self.params = {**params, "language": language}  # as the server spells it

    # -- HTTP --------------------------------------------------------------------------------
    def _request(self, method: str, endpoint: str, data: dict[str, str] | None = None) -> Any:
        """The JSON answer of one request, within ``request-timeout``."""
        import requests
        from urllib3.util import Timeout

        try:
            response = self._session.request(method, self._base + endpoint, data=data,
                                             timeout=Timeout(total=self.timeout), allow_redirects=False)
        except requests.Timeout:
            raise LanguageToolError(f"no answer from the LanguageTool server at {self.url} within "
                                    f"{self.timeout:g} s (request-timeout)") from None
        except (requests.RequestException, OSError) as e:
            raise LanguageToolError(f"the LanguageTool server at {self.url} failed: {_reason(e)}") from None
        if response.status_code != 200:
            raise LanguageToolError(f"the LanguageTool server at {self.url} answered /v2/{endpoint} with "
                                    f"HTTP {response.status_code}: {_quote(response.text)}")
        try:
            return response.json()
        except ValueError:
            raise self._malformed(f"/v2/{endpoint} did not answer JSON", response.text) from None

    def _malformed(self, what: str, answer: Any) -> LanguageToolError:
        return LanguageToolError(f"malformed answer from the LanguageTool server at {self.url}: {what} "
                                 f"({_quote(answer)})")

    # -- checking ----------------------------------------------------------------------------
    def check(self, texts: list[str]) -> tuple[list[list[StoredMatch] | None], LanguageToolError | None]:
        """The matches of every text (code points relative to that text), None for the texts
        not checked, and the error that stopped the rest (no request is sent after one failed)."""
        groups = batches(texts, self.batch_chars)
        results: list[list[StoredMatch] | None] = [None] * len(texts)
        errors: list[LanguageToolError] = []
        lock = threading.Lock()

        def run(group: list[int]) -> None:
            if errors:
                return
            try:
                answer = self._post([texts[i] for i in group])
            except LanguageToolError as e:
                with lock:
                    errors.append(e)
                return
            for i, matches in zip(group, answer):
                results[i] = matches

        if self.threads > 1 and len(groups) > 1:
            with ThreadPoolExecutor(max_workers=min(self.threads, len(groups))) as pool:
                list(pool.map(run, groups))
        else:
            for group in groups:
                run(group)
        return results, (errors[0] if errors else None)

    def _post(self, parts: list[str]) -> list[list[StoredMatch]]:
        """One request for *parts* joined by blank lines; the matches split back per part."""
        text = SEPARATOR.join(parts)
        answer = self._request("POST", "check", request_params(self.params, text))
        try:
            return self._split(answer, text, parts)
        except Malformed as e:
            raise self._malformed(f"/v2/check: {e}", answer) from None

    def _split(self, answer: Any, text: str, parts: list[str]) -> list[list[StoredMatch]]:
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise Malformed("no list of matches")
        software = answer.get("software")
        if isinstance(software, dict) and isinstance(software.get("version"), str):
            self.version = software["version"]
        to_cp = utf16_to_code_points(text)
        length = utf16_length(text)
        starts, pos = [], 0
        for part in parts:
            starts.append(pos)
            pos += len(part) + len(SEPARATOR)
        out: list[list[StoredMatch]] = [[] for _ in parts]
        for n, m in enumerate(answer["matches"], 1):
            offset, size, fields = _match(m, length, n)
            begin, end = to_cp(offset), to_cp(offset + size)
            i = bisect.bisect_right(starts, begin) - 1
            if end > starts[i] + len(parts[i]):
                continue  # spans the separator: not a finding of one paragraph
            out[i].append([begin - starts[i], end - starts[i], *fields])
        return out


def _match(m: Any, length: int, n: int) -> tuple[int, int, list]:
    """Offset and length (UTF-16) of match *n* and the rest of a :data:`StoredMatch`; Malformed if
    it is not a match of a text of *length* units."""
    if not isinstance(m, dict):
        raise Malformed(f"match {n} is not an object")
    offset, size = m.get("offset"), m.get("length")
    if not _natural(offset) or not _natural(size):
        raise Malformed(f"match {n}: offset {offset!r} and length {size!r} are not numbers >= 0")
    if offset + size > length:
        raise Malformed(f"match {n}: offset {offset} + length {size} is beyond the text ({length})")
    rule = m.get("rule")
    if not isinstance(rule, dict) or not isinstance(rule.get("id"), str) or not rule["id"]:
        raise Malformed(f"match {n}: no rule id")
    category = rule.get("category", {})
    if not isinstance(category, dict):
        raise Malformed(f"match {n}: the rule's category is not an object")
    replacements = m.get("replacements", [])
    if not isinstance(replacements, list) or not all(
            isinstance(r, dict) and isinstance(r.get("value"), str) for r in replacements):
        raise Malformed(f"match {n}: replacements are not a list of values")
    strings = [category.get("id", ""), category.get("name", ""), rule.get("issueType", ""), m.get("message", "")]
    if not all(isinstance(s, str) for s in strings):
        raise Malformed(f"match {n}: a category, issue type or message that is not a string")
    return offset, size, [rule["id"], *strings, [r["value"] for r in replacements[:MAX_REPLACEMENTS]]]


def _natural(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _quote(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text[:QUOTED] + ("..." if len(text) > QUOTED else "") if text else "empty"


def _reason(error: BaseException) -> str:
    """The innermost useful words of a requests/urllib3 error chain."""
    cause: BaseException | None = error
    while cause is not None and (cause.__cause__ or cause.__context__) is not None:
        cause = cause.__cause__ or cause.__context__
    text = f"{error} {cause}"
    for pattern, short in (("Connection refused", "connection refused"),
                           ("RemoteDisconnected", "the server closed the connection"),
                           ("Connection reset", "connection reset"),
                           ("Connection aborted", "connection aborted"),
                           ("Failed to establish a new connection", "cannot connect"),
                           ("Read timed out", "timed out")):
        if pattern in text:
            return short
    return str(error)[:300]
