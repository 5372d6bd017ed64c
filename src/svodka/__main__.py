"""`python -m svodka` runs the command line."""

from svodka.cli.main import run

if __name__ == "__main__":
    run()
