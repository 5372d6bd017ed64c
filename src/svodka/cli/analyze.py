"""``svodka analyze``: analyze articles and print the documents; nothing is stored.

Exit codes, the same as ``svodka ingest``'s (see :mod:`svodka.cli.outcome`): 0 when the
inputs were analyzed (rejected ones, if any, are named on stderr), 1 when none could be
(every input rejected) or, with ``--strict``, when any was rejected, 2 for a usage error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from svodka.cli.common import OutOption, PublishedOption, StrictOption, err, opened, parse_day
from svodka.cli.outcome import finish
from svodka.doc import Record, Rejection
from svodka.io.readers import read_records
from svodka.io.writers import write_documents


class DocFormat(StrEnum):
    """What ``svodka analyze`` prints (``svodka.io.writers.FORMATS``)."""

    text = "text"
    json = "json"
    jsonl = "jsonl"


#: Above this many documents, progress is shown on stderr.
PROGRESS_AFTER = 5
#: A document this long (in characters, ~0.2 MB) takes seconds: progress shows at once.
LONG_TEXT = 100_000


def register(app: typer.Typer) -> None:
    """Add ``analyze`` to the ``svodka`` app."""
    app.command()(analyze)


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .json .jsonl .html feeds), folders, or - for stdin."),
    ],
    published: PublishedOption = None,
    format: Annotated[
        DocFormat, typer.Option("--format", "-f", help="A readable report, JSON or JSON Lines.")
    ] = DocFormat.text,
    out_path: OutOption = None,
    kb: Annotated[
        str | None,
        typer.Option(help="Knowledge base from `svodka kb import` [default: the imported one]."),
    ] = None,
    strict: StrictOption = False,
) -> None:
    """Analyze articles and print the documents; nothing is stored.

    Exit 0 when the inputs were analyzed (rejected ones are named on stderr), 1 when none
    could be or, with --strict, when any was rejected, 2 on bad usage.
    """
    day = parse_day(published)
    rejected: list[Rejection] = []
    from svodka.lang.inflect import role_phrase
    from svodka.pipeline import Pipeline, failure  # models load only when there is work
    from svodka.settings import load_settings

    pipeline = Pipeline(load_settings(kb=kb).config())
    progress = AnalyzeProgress()
    records = progress.watch(keep_records(read_records(paths, published=day), rejected))

    def reject_failed(record: Record, error: Exception) -> None:
        reject(Rejection(record.id, failure(error)), rejected)

    def role_text(role) -> str:
        return role_phrase(role.title, role.of_name, role.past)

    docs = progress.count(
        pipeline.analyze_many(records, on_error=reject_failed, on_part=progress.part)
    )
    with opened(out_path) as stream:
        written = write_documents(docs, format.value, stream, role_text=role_text)
    finish(done=written, rejected=len(rejected), strict=strict)


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


class AnalyzeProgress:
    """A counter of analyzed documents with the time elapsed, on stderr: shown past the
    first few documents, and at once while a long document (``LONG_TEXT``) is analyzed,
    naming it, so a 5 MB text does not run for half a minute in silence."""

    def __init__(self) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(bar_width=None),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.task = self.progress.add_task("analyzed 0 documents", total=None)
        self.done = 0
        self.shown = False

    def watch(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass records on; a long one turns the display on and is named in it."""
        for record in records:
            if len(record.text) >= LONG_TEXT:
                size = f"{len(record.text) / 1e6:.1f} M characters"
                self.describe(f"analyzing {record.id} ({size}); {self.done} done")
                self.show()
            yield record

    def part(self, record: Record, done: int, parts: int) -> None:
        """A huge text is analyzed in parts: say how far it is."""
        self.describe(f"analyzing {record.id}: part {done} of {parts}; {self.done} done")
        self.show()

    def count(self, docs: Iterable) -> Iterator:
        """Yield documents, counting them; past ``PROGRESS_AFTER`` the display shows."""
        try:
            for doc in docs:
                self.done += 1
                self.describe(f"analyzed {self.done} documents")
                if self.done > PROGRESS_AFTER:
                    self.show()
                yield doc
        finally:
            self.progress.stop()

    def describe(self, text: str) -> None:
        self.progress.update(self.task, description=text)

    def show(self) -> None:
        if not self.shown:
            self.shown = True
            self.progress.start()
