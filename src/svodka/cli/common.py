"""What every command shares: the consoles, common options, opening a store, parsing a day,
a progress bar, failing readably."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from svodka.doc import ENTITY_TYPES

out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def from_settings(name: str) -> Callable[[Any], Any]:
    """An option callback: the value given, else the setting ``name`` (``SVODKA_<NAME>``,
    else its default; see svodka.settings)."""

    def fill(value: Any) -> Any:
        if value is not None:
            return value
        from svodka.settings import load_settings

        return getattr(load_settings(), name)

    return fill


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file, or a postgresql://… URL [default: SVODKA_DB, else svodka.db].",
        callback=from_settings("db"),
    ),
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores).")]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Analyze on the Dask cluster at this scheduler address (tcp://host:8786) "
        "[default: SVODKA_CLUSTER].",
        callback=from_settings("cluster"),
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date YYYY-MM-DD for records without one.")
]


class Shown(StrEnum):
    """How a query or a score is printed: ``--format table`` (default) or ``json``."""

    table = "table"
    json = "json"


FormatOption = Annotated[Shown, typer.Option("--format", "-f", help="A table, or JSON.")]
#: The older spelling of ``--format json``, kept so that scripts written for it still work.
JsonOption = Annotated[bool, typer.Option("--json", hidden=True, help="Same as --format json.")]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write to this file. Default: stdout.")
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Exit 1 when any input is rejected (see exit codes).")
]


@contextmanager
def opened(path: Path | None) -> Iterator[TextIO]:
    """``path`` open for writing UTF-8 text, or stdout when it is None."""
    if path is None:
        yield sys.stdout
        return
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")
    with stream:
        yield stream


def tidy_help() -> None:
    """Help as a reader expects it, for every command: a flag shows no type (not
    ``--json <bool>``), and an argument reads ``PATHS...`` in the usage line (not
    ``{paths}...``). Typer has no setting for either, so its two display methods are
    wrapped once; a Typer without them is left alone."""
    from typer import core

    option_type = getattr(core.TyperOption, "display_type_rich", None)
    usage_name = getattr(core.TyperArgument, "_usage_display_name", None)
    if option_type is None or usage_name is None or getattr(option_type, "tidy", False):
        return

    def flag_type(self, ctx):
        return None if self.is_flag else option_type(self, ctx)

    def argument_usage(self) -> str:
        name = self.display_name_raw.upper() + ("..." if self.nargs != 1 else "")
        return name if self.required else f"[{name}]"

    flag_type.tidy = True  # type: ignore[attr-defined]
    core.TyperOption.display_type_rich = flag_type  # type: ignore[method-assign]
    core.TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]


def parse_day(value: str | None, option: str = "--published") -> date | None:
    """A YYYY-MM-DD option value as a date; a usage error naming ``option`` otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from None


def check_type(value: str | None) -> str | None:
    """A --type value in upper case, or a usage error."""
    if value is None:
        return None
    if value.upper() not in ENTITY_TYPES:
        raise typer.BadParameter(f"expected PER, LOC or ORG, got {value!r}", param_hint="--type")
    return value.upper()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` on stderr and stop with exit ``code``."""
    err.print(message, style="red", markup=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout (dates as strings)."""
    out.print_json(data=data, default=str)


def open_store(db: str | None, *, create: bool = False):
    """The store at ``db`` (None: the settings' store); a missing SQLite file is an error
    unless ``create``."""
    from svodka.settings import load_settings
    from svodka.store import Store

    db = load_settings(db=db).db

    if not create and "://" not in db and not Path(db).is_file():
        err.print(f"no store at {db}; run svodka ingest first", style="red")
        raise typer.Exit(1)
    try:
        return Store.open(db)
    except Exception as error:  # a bad URL, a server that is down, a file that is not a db
        err.print(f"cannot open the store {db}: {error}", style="red", markup=False)
        raise typer.Exit(1) from None


@contextmanager
def on_cluster(address: str | None):
    """A Dask client of the scheduler at ``address``, or None without one."""
    if not address:
        yield None
        return
    from svodka.corpus.cluster import ClusterError, connect

    try:
        with connect(address) as client:
            yield client
    except ClusterError as error:
        err.print(str(error), style="red", markup=False)
        raise typer.Exit(1) from None


def count_inputs(paths: list[str]) -> int | None:
    """About how many records the inputs hold (for the ETA: a feed counts as one); None
    when unknown (stdin)."""
    from svodka.io.readers import FOLDER_SUFFIXES

    if "-" in paths:
        return None
    total = 0
    for name in paths:
        path = Path(name)
        files = (
            [p for p in path.rglob("*") if p.suffix in FOLDER_SUFFIXES] if path.is_dir() else [path]
        )
        for file in files:
            total += count_lines(file) if file.suffix in (".jsonl", ".ndjson") else 1
    return total


def count_lines(path: Path) -> int:
    with path.open("rb") as file:
        return sum(1 for line in file if line.strip())


@contextmanager
def progress_bar(what: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr with articles/s and the time left; yields ``advance(n)``."""
    progress = Progress(
        TextColumn(f"{what}"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal and not os.environ.get("SVODKA_PROGRESS"),
    )
    task = progress.add_task(what, total=total, rate="–")
    with progress:

        def advance(n: int) -> None:
            progress.advance(task, n)
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "–")

        yield advance


def summary_table(what: str, summary, db: str) -> Table:
    table = Table(title=f"{what} into {db}", title_justify="left", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    rows = [
        ("read", summary.read),
        ("analyzed" if what == "reanalyzed" else "added", summary.added),
        ("exact duplicates skipped", summary.duplicates),
        ("near-duplicates (stored, marked)", summary.near_duplicates),
        ("rejected", summary.rejected),
        ("seconds", f"{summary.seconds:.1f}"),
        ("articles/s", f"{summary.per_second:.1f}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table
