"""The ``svodka`` command line: a thin shell over the Python API."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from svodka import cli_batch, cli_corpus, cli_corpus_query, cli_serve
from svodka.cli_eval import err, eval_app
from svodka.cli_kb import kb_app
from svodka.doc import Record
from svodka.io.readers import Rejection, read_records
from svodka.io.writers import FORMATS, write_documents

app = typer.Typer(
    help="Russian news into structured knowledge.", no_args_is_help=True, add_completion=False
)
app.add_typer(eval_app, name="eval")
app.add_typer(kb_app, name="kb")
cli_corpus.register(app)
cli_corpus_query.register(app)
cli_serve.register(app)
cli_batch.register(app)

#: Above this many documents, progress is shown on stderr.
PROGRESS_AFTER = 5


@app.callback()
def main() -> None:
    """svodka: entities, coreference and roles from Russian news."""


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .json, .jsonl) or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for records without one.")
    ] = None,
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
    from svodka.pipeline import Pipeline  # models load only when there is work

    pipeline = Pipeline(Config(kb=kb or find_kb()))
    records = keep_records(read_records(paths, published=day), rejected)

    def reject_failed(record: Record, error: Exception) -> None:
        reject(Rejection(record.id, f"analysis failed: {type(error).__name__}: {error}"), rejected)

    docs = pipeline.analyze_many(records, on_error=reject_failed)
    write_documents(show_progress(docs), format, sys.stdout)
    if rejected:
        err.print(f"{len(rejected)} input(s) rejected", style="yellow")
        raise typer.Exit(1)


def find_kb() -> str | None:
    """The knowledge base `svodka kb import` wrote, when there is one."""
    from svodka.kb import default_path

    path = default_path()
    return str(path) if path.is_file() else None


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"expected YYYY-MM-DD, got {value!r}", param_hint="--published"
        ) from None


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
