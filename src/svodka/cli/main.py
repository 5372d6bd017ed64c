"""The ``svodka`` command line: a thin shell over the Python API. Each command group is a
module with ``register(app)``; the order here is the order of ``svodka --help``."""

from __future__ import annotations

import typer

from svodka.cli import analyze, batch, corpus, eval, kb, query, serve

app = typer.Typer(
    help="Russian news into structured knowledge.", no_args_is_help=True, add_completion=False
)

for group in (analyze, eval, kb, corpus, query, serve, batch):
    group.register(app)


@app.callback()
def main() -> None:
    """svodka: entities, coreference and roles from Russian news."""
