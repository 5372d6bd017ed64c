"""The ``svodka`` command line: thin Typer shells, one module per command group."""
