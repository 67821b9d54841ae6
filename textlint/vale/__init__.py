"""Vale projects: ``.vale.ini``, its styles, vocabularies and ignores (docs/vale.md).

Finding a project file is here, apart from reading one (``ini.py``): every run without a
textlint configuration looks for a ``.vale.ini``, and most find none.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Vale's file names, in the order it looks for them in each directory.
CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")


def find(start: Path) -> Path | None:
    """The project file Vale would use: ``VALE_CONFIG_PATH``, else the first of
    :data:`CONFIG_NAMES` in *start* or a parent directory. (Vale then tries the home
    directory too; textlint does not: a user's own defaults are their textlint.toml.)"""
    explicit = os.environ.get("VALE_CONFIG_PATH")
    if explicit:
        return Path(explicit)
    start = start.resolve()
    for d in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                return candidate
    return None
