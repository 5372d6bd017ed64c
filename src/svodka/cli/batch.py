"""``svodka batch`` and ``svodka load-parquet``: the scale-out commands. A thin shell over
:mod:`svodka.corpus.batch` and :mod:`svodka.corpus.cluster`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from svodka.cli.common import (
    ClusterOption,
    DbOption,
    PublishedOption,
    count_inputs,
    err,
    open_store,
    out,
    parse_day,
    progress_bar,
    summary_table,
)


def register(app: typer.Typer) -> None:
    """Add the scale-out commands to the ``svodka`` app."""
    app.command()(batch)
    app.command("load-parquet")(load_parquet)


def batch(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .json .jsonl .html feeds), folders, or - for stdin."),
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet tables.")],
    cluster: ClusterOption = None,
    local: Annotated[
        int, typer.Option("--local", help="Without --cluster: local workers (0: one per core).")
    ] = 0,
    partition_size: Annotated[int, typer.Option(help="Articles per partition.", min=1)] = 100,
    published: PublishedOption = None,
) -> None:
    """Analyze articles on a Dask cluster into partitioned Parquet (see docs/scale.md).
    Running it again over the same inputs resumes: complete partitions are kept."""
    from svodka.corpus.batch import BatchError, run_batch
    from svodka.corpus.cluster import ClusterError, connect
    from svodka.io.readers import read_records

    day = parse_day(published)
    try:
        with connect(cluster, local) as client, progress_bar("batch", count_inputs(paths)) as bar:
            summary = run_batch(
                read_records(paths, published=day),
                out_dir,
                client,
                inputs=paths,
                size=partition_size,
                on_progress=bar,
            )
    except (BatchError, ClusterError) as error:
        err.print(str(error), style="red", markup=False)
        raise typer.Exit(1) from None
    out.print(batch_table(summary, out_dir))


def batch_table(summary, out_dir: Path) -> Table:
    table = Table(title=f"batch into {out_dir}", title_justify="left", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    peak = max(summary.peak_mb.values(), default=0.0)
    rows = [
        ("partitions", summary.partitions),
        ("kept from an earlier run", summary.skipped),
        ("failed (records rejected)", summary.failed),
        ("documents", summary.documents),
        ("rejected", summary.rejected),
        ("seconds", f"{summary.seconds:.1f}"),
        ("articles/s", f"{summary.per_second:.1f}"),
        ("peak memory per worker, MB", f"{peak:.0f}" if peak else "–"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def load_parquet(
    folder: Annotated[Path, typer.Argument(help="The --out folder of svodka batch.")],
    db: DbOption = None,
) -> None:
    """Bulk-load a batch output into a store. Texts already stored are skipped."""
    from svodka.corpus.batch import BatchError, load_parquet, read_manifest

    try:
        manifest = read_manifest(folder)
    except BatchError as error:
        err.print(str(error), style="red", markup=False)
        raise typer.Exit(1) from None
    if not manifest.get("complete"):
        err.print(f"{folder}: the batch is not complete; loading its complete partitions")
    store = open_store(db, create=True)
    try:
        with progress_bar("load", manifest.get("documents")) as advance:
            summary = load_parquet(folder, store, on_progress=advance)
    except BatchError as error:
        err.print(str(error), style="red", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()
    out.print(summary_table("loaded", summary, db))
