"""Fixtures shared by the unit tests of the corpus commands."""

import pytest
import typer

from svodka.cli.query import register


@pytest.fixture
def cli():
    """A Typer app with only the corpus query commands (search, entity, quotes, stats…)."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """svodka"""

    register(app)
    return app
