"""``svodka ingest``, ``svodka rejects`` and ``svodka reanalyze``: the corpus commands that
write. A thin shell over :mod:`svodka.ingest` and :mod:`svodka.store`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from svodka.cli_eval import err, out
from svodka.config import DEFAULT_DB

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file, or a postgresql://… URL.", envvar="SVODKA_DB")
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores).")]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Analyze on the Dask cluster at this scheduler address (tcp://host:8786).",
        envvar="SVODKA_CLUSTER",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the writing corpus commands to the ``svodka`` app."""
    app.command()(ingest)
    app.command()(rejects)
    app.command()(reanalyze)


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .json .jsonl .html feeds), folders, or - for stdin."),
    ],
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = 0,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for records without one.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 64,
    cluster: ClusterOption = None,
) -> None:
    """Analyze articles and store them. Re-ingesting the same texts adds nothing. With
    --cluster the analysis runs on Dask workers and this process writes the store."""
    from svodka.cli import parse_day
    from svodka.ingest import ingest as run_ingest
    from svodka.io.readers import read_records

    day = parse_day(published)
    store = open_store(db, create=True)
    with on_cluster(cluster) as client, progress_bar("ingest", count_inputs(paths)) as advance:
        summary = run_ingest(
            read_records(paths, published=day),
            store,
            jobs=jobs,
            batch_size=batch_size,
            on_progress=advance,
            client=client,
        )
    store.close()
    out.print(summary_table("ingested", summary, db))


def rejects(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Show at most this many, newest first.")] = 50,
) -> None:
    """Inputs that were rejected, with their reasons."""
    from sqlalchemy import select

    from svodka.store.schema import rejects as table

    store = open_store(db)
    query = select(table.c.at, table.c.source, table.c.reason).order_by(table.c.id.desc())
    with store.engine.connect() as connection:
        rows = connection.execute(query.limit(limit)).all()
    total = store.count("rejects")
    store.close()
    listing = Table(title=f"rejects: {total}", title_justify="left")
    for column in ("at", "source", "reason"):
        listing.add_column(column)
    for at, source, reason in rows:
        listing.add_row(at.strftime("%Y-%m-%d %H:%M"), source, reason)
    out.print(listing)


def reanalyze(
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = 0,
    everything: Annotated[
        bool, typer.Option("--all", help="Every document, not only older versions' analyses.")
    ] = False,
    cluster: ClusterOption = None,
) -> None:
    """Analyze stored texts again after an upgrade (those from other svodka versions)."""
    from svodka.ingest import reanalyze as run_reanalyze

    store = open_store(db)
    total = len(store.stored_records(stale_only=not everything))
    with on_cluster(cluster) as client, progress_bar("reanalyze", total) as advance:
        summary = run_reanalyze(
            store, everything=everything, jobs=jobs, on_progress=advance, client=client
        )
    store.close()
    out.print(summary_table("reanalyzed", summary, db))


def open_store(db: str, *, create: bool = False):
    """The store at ``db``; a missing SQLite file is an error unless ``create``."""
    from svodka.store import Store

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
    from svodka.cluster import ClusterError, connect

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
