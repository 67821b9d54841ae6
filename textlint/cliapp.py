"""The settings every ``textlint`` command group shares (the top level, ``languagetool``,
``cache``): help without arguments, no shell completion, plain tracebacks, plain help text."""

import typer


def command_group(name: str, help: str) -> typer.Typer:
    """A typer application for the command group *name*."""
    return typer.Typer(name=name, help=help, no_args_is_help=True, add_completion=False,
                       pretty_exceptions_enable=False, rich_markup_mode=None)
