"""``svodka ingest``, ``svodka rejects`` and ``svodka reanalyze``: the corpus commands that
write. A thin shell over :mod:`svodka.corpus.ingest` and :mod:`svodka.store`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from svodka.cli.common import (
    ClusterOption,
    DbOption,
    JobsOption,
    PublishedOption,
    StrictOption,
    count_inputs,
    on_cluster,
    open_store,
    out,
    parse_day,
    progress_bar,
    summary_table,
)
from svodka.cli.outcome import finish


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
    db: DbOption = None,
    jobs: JobsOption = 0,
    published: PublishedOption = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 64,
    cluster: ClusterOption = None,
    strict: StrictOption = False,
) -> None:
    """Analyze articles and store them. Re-ingesting the same texts adds nothing. With
    --cluster the analysis runs on Dask workers and this process writes the store.

    Exit 0 when the inputs were stored (rejected ones are kept with their reasons:
    `svodka rejects`), 1 when none could be or, with --strict, when any was rejected, 2 on
    bad usage: the same codes as `svodka analyze`.
    """
    from svodka.corpus.ingest import ingest as run_ingest
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
    done = summary.added + summary.duplicates + summary.near_duplicates
    finish(done=done, rejected=summary.rejected, strict=strict)


def rejects(
    db: DbOption = None,
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
    db: DbOption = None,
    jobs: JobsOption = 0,
    everything: Annotated[
        bool, typer.Option("--all", help="Every document, not only older versions' analyses.")
    ] = False,
    cluster: ClusterOption = None,
) -> None:
    """Analyze stored texts again after an upgrade (those from other svodka versions)."""
    from svodka.corpus.ingest import reanalyze as run_reanalyze

    store = open_store(db)
    total = len(store.stored_records(stale_only=not everything))
    with on_cluster(cluster) as client, progress_bar("reanalyze", total) as advance:
        summary = run_reanalyze(
            store, everything=everything, jobs=jobs, on_progress=advance, client=client
        )
    store.close()
    out.print(summary_table("reanalyzed", summary, db))
