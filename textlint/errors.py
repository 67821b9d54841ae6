"""The one exception type for bad configuration, bad rules and unreadable input; warnings."""

from __future__ import annotations

import sys


class ConfigError(Exception):
    """A problem a user must fix, named by file, rule and key where known."""

    def __init__(self, message: str, *, path: str | None = None,
                 rule: str | None = None, key: str | None = None) -> None:
        self.path, self.rule, self.key, self.detail = path, rule, key, message
        where = [p for p in (path, f"rule {rule}" if rule else None,
                             f"key '{key}'" if key else None) if p]
        super().__init__(": ".join(where + [message]))


def warn(message: str) -> None:
    """Tell the user something went wrong but the run goes on (one line on stderr)."""
    sys.stderr.write(f"textlint: warning: {message}\n")
    sys.stderr.flush()
