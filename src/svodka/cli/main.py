"""The ``svodka`` command line: a thin shell over the Python API. Each command group is a
module with ``register(app)``; the order here is the order of ``svodka --help``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from svodka.cli import analyze, batch, corpus, eval, kb, query, serve
from svodka.cli.common import err, out, tidy_help
from svodka.extras import MissingExtra, explain

tidy_help()
app = typer.Typer(
    help="Russian news into structured knowledge.",
    no_args_is_help=True,
    add_completion=True,  # svodka --install-completion: bash, zsh, fish, PowerShell
    rich_markup_mode="markdown",  # docstrings wrap as paragraphs; «[default: …]» stays text
)

for group in (analyze, corpus, query, serve, batch, eval, kb):
    group.register(app)


def show_version(value: bool) -> None:
    """Print the version and stop (``svodka --version``)."""
    if value:
        from svodka.version import __version__

        out.print(f"svodka {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=show_version, is_eager=True
        ),
    ] = False,
) -> None:
    """svodka: entities, coreference and roles from Russian news."""


def run() -> None:
    """The ``svodka`` command: the Typer app, with a missing extra told in one line."""
    try:
        app()
    except (MissingExtra, ModuleNotFoundError) as error:
        message = str(error) if isinstance(error, MissingExtra) else explain(error)
        if message is None:
            raise
        err.print(message, style="red", markup=False)
        sys.exit(1)
