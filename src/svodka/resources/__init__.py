"""Data files that rules read: word lists, gazetteers, patterns. One loader for all."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a resource file, with ``#`` comments and outer spaces removed."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name))
