"""`python -m svodka` runs the command line."""

from svodka.cli.main import app

if __name__ == "__main__":
    app()
