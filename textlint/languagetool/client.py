"""Ask a LanguageTool server about many paragraphs at once: batches, threads, UTF-16 offsets.

The requests go through ``language-tool-python`` (``LanguageTool(remote_server=...)``):
it validates the language against the server, builds the request parameters from
its rule and category sets and posts them. Its ``check()`` is not used because
its ``Match`` converts offsets through class-level state shared by all threads and
leaves lengths in UTF-16 units; the raw matches are converted here instead
(:func:`utf16_to_code_points`).
"""

from __future__ import annotations

import bisect
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from .cache import StoredMatch
from .errors import LanguageToolError

#: Paragraphs of one request are separated by a blank line, which LanguageTool treats as a paragraph break.
SEPARATOR = "\n\n"
#: Replacements kept per match.
MAX_REPLACEMENTS = 5
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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


class Client:
    """One language-tool-python client for one server and one set of request parameters."""

    def __init__(self, url: str, params: dict[str, list[str] | str | bool], timeout: float,
                 threads: int, batch_chars: int) -> None:
        import language_tool_python
        import requests

        self.url = url
        self.hint = ""  # appended to the message when the server fails
        self.threads = threads
        self.batch_chars = batch_chars
        self.version: str | None = None
        try:
            tool = language_tool_python.LanguageTool(str(params["language"]), remote_server=base_url(url))
        except (language_tool_python.exceptions.LanguageToolError, requests.RequestException) as e:
            raise LanguageToolError(f"cannot use the LanguageTool server at {url}: {_reason(e)}") from None
        except ValueError:
            raise LanguageToolError(f"the LanguageTool server at {url} does not know the language "
                                    f"{params['language']!r} (the `language` setting)") from None
        tool.enabled_rules = set(params.get("enabledRules") or ())
        tool.disabled_rules = set(params.get("disabledRules") or ())
        tool.enabled_categories = set(params.get("enabledCategories") or ())
        tool.disabled_categories = set(params.get("disabledCategories") or ())
        tool.enabled_rules_only = bool(params.get("enabledOnly"))
        tool._TIMEOUT = timeout  # requests' timeout per request (the library's default is 300 s)
        self.tool = tool
        self.timeout = timeout
        self._check_url = tool.url + "check"

    def check(self, texts: list[str]) -> list[list[StoredMatch]]:
        """The matches of every text, in code points relative to that text."""
        groups = batches(texts, self.batch_chars)
        results: list[list[StoredMatch]] = [[] for _ in texts]
        if self.threads > 1 and len(groups) > 1:
            with ThreadPoolExecutor(max_workers=self.threads) as pool:
                answers = list(pool.map(lambda g: self._post([texts[i] for i in g]), groups))
        else:
            answers = [self._post([texts[i] for i in g]) for g in groups]
        for group, answer in zip(groups, answers):
            for i, matches in zip(group, answer):
                results[i] = matches
        return results

    def _post(self, parts: list[str]) -> list[list[StoredMatch]]:
        """One request for *parts* joined by blank lines; the matches split back per part."""
        import language_tool_python

        text = SEPARATOR.join(parts)
        try:
            answer = self.tool._query_server(self._check_url, self.tool._create_params(text),
                                             num_tries=1, method="post")
        except language_tool_python.exceptions.LanguageToolError as e:
            cause = e.__cause__
            if cause is not None and type(cause).__name__ in ("ReadTimeout", "Timeout", "ConnectTimeout"):
                raise LanguageToolError(f"no answer from the LanguageTool server at {self.url} within "
                                        f"{self.timeout:g} s (request-timeout)") from None
            raise LanguageToolError(f"the LanguageTool server at {self.url} failed: {_reason(e)}"
                                    f"{self.hint}") from None
        if not isinstance(answer, dict) or "matches" not in answer:
            raise LanguageToolError(f"unexpected answer from the LanguageTool server at {self.url}: "
                                    f"{str(answer)[:200]}")
        self.version = answer.get("software", {}).get("version", self.version)
        to_cp = utf16_to_code_points(text)
        starts, pos = [], 0
        for part in parts:
            starts.append(pos)
            pos += len(part) + len(SEPARATOR)
        out: list[list[StoredMatch]] = [[] for _ in parts]
        for m in answer["matches"]:
            begin = to_cp(m["offset"])
            end = to_cp(m["offset"] + m["length"])
            i = bisect.bisect_right(starts, begin) - 1
            if i < 0 or end > starts[i] + len(parts[i]):
                continue  # spans the separator: not a finding of one paragraph
            rule = m.get("rule", {})
            category = rule.get("category", {})
            out[i].append([begin - starts[i], end - starts[i], rule.get("id", "UNKNOWN"),
                           category.get("id", ""), category.get("name", ""), rule.get("issueType", ""),
                           m.get("message", ""),
                           [r["value"] for r in m.get("replacements", [])[:MAX_REPLACEMENTS]]])
        return out


def _reason(error: BaseException) -> str:
    """The innermost useful words of a requests/urllib3 error chain."""
    cause: BaseException | None = error
    while cause is not None and cause.__cause__ is not None:
        cause = cause.__cause__
    text = str(cause or error)
    for pattern, short in (("Connection refused", "connection refused"),
                           ("RemoteDisconnected", "the server closed the connection"),
                           ("Connection reset", "connection reset"),
                           ("Connection aborted", "connection aborted"),
                           ("Failed to establish a new connection", "cannot connect"),
                           ("Read timed out", "timed out")):
        if pattern in text:
            return short
    return text[:300]
