"""``svodka analyze``: analyze articles and print the documents; nothing is stored."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from svodka.cli.common import PublishedOption, err, parse_day
from svodka.doc import Record, Rejection
from svodka.io.readers import read_records
from svodka.io.writers import FORMATS, write_documents

#: Above this many documents, progress is shown on stderr.
PROGRESS_AFTER = 5


def register(app: typer.Typer) -> None:
    """Add ``analyze`` to the ``svodka`` app."""
    app.command()(analyze)


def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .json, .jsonl) or - for stdin.")],
    published: PublishedOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or jsonl.")] = "text",
    kb: Annotated[
        str | None,
        typer.Option(help="Knowledge base from `svodka kb import` [default: the imported one]."),
    ] = None,
) -> None:
    """Analyze articles and print the documents. Exit code 1 when some input was rejected."""
    if format not in FORMATS:
        raise typer.BadParameter(
            f"expected one of {', '.join(FORMATS)}, got {format!r}", param_hint="--format"
        )
    day = parse_day(published)
    rejected: list[Rejection] = []
    from svodka.config import Config
    from svodka.pipeline import Pipeline, failure  # models load only when there is work

    pipeline = Pipeline(Config(kb=kb or find_kb()))
    records = keep_records(read_records(paths, published=day), rejected)

    def reject_failed(record: Record, error: Exception) -> None:
        reject(Rejection(record.id, failure(error)), rejected)

    docs = pipeline.analyze_many(records, on_error=reject_failed)
    write_documents(show_progress(docs), format, sys.stdout)
    if rejected:
        err.print(f"{len(rejected)} input(s) rejected", style="yellow")
        raise typer.Exit(1)


def find_kb() -> str | None:
    """The knowledge base `svodka kb import` wrote, when there is one."""
    from svodka.knowledge.kb import default_path

    path = default_path()
    return str(path) if path.is_file() else None


def keep_records(
    items: Iterable[Record | Rejection], rejected: list[Rejection]
) -> Iterator[Record]:
    """Pass records on; report each rejection on stderr as it comes and remember it."""
    for item in items:
        if isinstance(item, Rejection):
            reject(item, rejected)
        else:
            yield item


def reject(item: Rejection, rejected: list[Rejection]) -> None:
    """Report a rejection on stderr and remember it."""
    err.print(f"rejected {item.source}: {item.reason}", style="yellow", markup=False)
    rejected.append(item)


def show_progress(docs: Iterable) -> Iterator:
    """Yield documents; past the first few, show a counter with the rate on stderr."""
    progress = Progress(
        TextColumn("analyzed {task.completed} documents"),
        BarColumn(bar_width=None),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    task = progress.add_task("analyze", total=None)
    try:
        for i, doc in enumerate(docs, 1):
            if i == PROGRESS_AFTER + 1:
                progress.start()
            progress.advance(task)
            yield doc
    finally:
        progress.stop()
