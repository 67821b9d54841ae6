"""``textlint cache dir|prune|clean``: textlint's cache directory.

Exit codes: 0 done, 2 when a file could not be removed (the message names it).
"""

import sys

import typer

from .cliapp import command_group

app = command_group("cache", "Show textlint's cache directory or remove what it keeps there.")

EXIT_ERROR = 2


def _report(removal, what: str) -> None:
    from .cachedir import cache_dir

    files = "file" if removal.removed == 1 else "files"
    print(f"Removed {removal.removed} {what}{files} ({removal.freed / 1e6:.1f} MB) from {cache_dir()}.")
    for path, reason in removal.failures:
        sys.stderr.write(f"textlint: cannot remove {path}: {reason}\n")
    if removal.failures:
        raise typer.Exit(EXIT_ERROR)


@app.command("dir")
def show_dir() -> None:
    """Print the cache directory (TEXTLINT_CACHE_DIR or XDG_CACHE_HOME move it)."""
    from .cachedir import cache_dir

    print(cache_dir())


@app.command()
def prune() -> None:
    """Remove the files this textlint no longer reads (older layouts, upgraded packages)."""
    from .cachedir import prune as run_prune

    _report(run_prune(), "left-over ")


@app.command()
def clean() -> None:
    """Remove every file textlint keeps there (rebuilt when next needed; the LanguageTool
    installation stays: see `textlint languagetool`)."""
    from .cachedir import clean as run_clean

    _report(run_clean(), "")
