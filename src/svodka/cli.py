"""The ``svodka`` command line: a thin shell over the Python API."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from svodka.doc import Record
from svodka.io.readers import Rejection, read_records
from svodka.io.writers import FORMATS, write_documents

app = typer.Typer(
    help="Russian news into structured knowledge.", no_args_is_help=True, add_completion=False
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

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
) -> None:
    """Analyze articles and print the documents. Exit code 1 when some input was rejected."""
    if format not in FORMATS:
        raise typer.BadParameter(
            f"expected one of {', '.join(FORMATS)}, got {format!r}", param_hint="--format"
        )
    day = parse_day(published)
    rejected: list[Rejection] = []
    from svodka.pipeline import Pipeline  # models load only when there is work

    pipeline = Pipeline()
    records = keep_records(read_records(paths, published=day), rejected)

    def reject_failed(record: Record, error: Exception) -> None:
        reject(Rejection(record.id, f"analysis failed: {type(error).__name__}: {error}"), rejected)

    docs = pipeline.analyze_many(records, on_error=reject_failed)
    write_documents(show_progress(docs), format, sys.stdout)
    if rejected:
        err.print(f"{len(rejected)} input(s) rejected", style="yellow")
        raise typer.Exit(1)


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


eval_app = typer.Typer(help="Score svodka against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
out = Console(highlight=False)

SystemOption = Annotated[
    list[str] | None,
    typer.Option("--system", help="svodka and/or natasha; repeat for several. Default: svodka."),
]


@eval_app.command("ner")
def eval_ner(
    factru: Annotated[Path, typer.Option(help="The factRuEval-2016 folder.")],
    system: SystemOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    gate: Annotated[
        bool, typer.Option(help="Exit 1 when svodka is below its pinned floors.")
    ] = False,
) -> None:
    """Token-level F1 per PER/LOC/ORG on factRuEval, in the naeval protocol."""
    from svodka.eval import systems as ev

    names = check_systems(system or ["svodka"])
    require_dir(factru, "--factru")
    results = ev.evaluate_ner(factru, names)
    if as_json:
        payload = {n: {t: asdict(s) for t, s in r.items()} for n, r in results.items()}
        out.print_json(data=payload)
    else:
        out.print(score_table("factRuEval dev, token F1", results))
    failures = ev.ner_failures(results["svodka"]) if gate and "svodka" in results else []
    for failure in failures:
        err.print(f"quality gate: {failure}", style="red")
    if failures:
        raise typer.Exit(1)


@eval_app.command("lemmas")
def eval_lemmas(
    slavicner: Annotated[Path, typer.Option(help="The SlavicNER folder (topics of .txt + .tsv).")],
    system: SystemOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    gate: Annotated[
        bool, typer.Option(help="Exit 1 when svodka is below its pinned floor.")
    ] = False,
) -> None:
    """Accuracy of canonical names against SlavicNER's gold lemmas, per mention and type."""
    from svodka.eval import systems as ev

    names = check_systems(system or ["svodka"])
    require_dir(slavicner, "--slavicner")
    results = ev.evaluate_lemmas(slavicner, names)
    if as_json:
        payload = {
            n: {"overall": r.overall.accuracy, **{t: a.accuracy for t, a in r.by_type.items()}}
            for n, r in results.items()
        }
        out.print_json(data=payload)
    else:
        out.print(lemma_table(results))
    if gate and "svodka" in results and results["svodka"].overall.accuracy < ev.LEMMA_FLOOR:
        err.print(f"quality gate: lemma accuracy below {ev.LEMMA_FLOOR}", style="red")
        raise typer.Exit(1)


def check_systems(names: list[str]) -> list[str]:
    from svodka.eval.systems import SYSTEMS

    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise typer.BadParameter(
            f"expected {' or '.join(SYSTEMS)}, got {unknown}", param_hint="--system"
        )
    return names


def require_dir(path: Path, option: str) -> None:
    if not path.is_dir():
        raise typer.BadParameter(f"{path} is not a folder", param_hint=option)


def score_table(title: str, results: dict) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("system")
    for t in ("PER", "LOC", "ORG"):
        table.add_column(f"{t} P/R/F1", justify="right")
    for name, scores in results.items():
        cells = [f"{s.precision:.3f} / {s.recall:.3f} / [bold]{s.f1:.3f}" for s in scores.values()]
        table.add_row(name, *cells)
    return table


def lemma_table(results: dict) -> Table:
    types = sorted({t for r in results.values() for t in r.by_type})
    table = Table(title="SlavicNER train, canonical-name accuracy", title_justify="left")
    for column in ["system", "overall", *types]:
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, r in results.items():
        row = [f"{r.overall.accuracy:.3f}"] + [f"{r.by_type[t].accuracy:.3f}" for t in types]
        table.add_row(name, *row)
    return table
