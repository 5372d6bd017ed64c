"""``svodka kb``: build the Wikidata knowledge base from a local dump and query it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from svodka.cli.common import check_type, err, fail, out

if TYPE_CHECKING:
    from svodka.knowledge.kb import ImportCounts

kb_app = typer.Typer(
    help="Link names to Wikidata ids through a local knowledge base.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add ``svodka kb …`` to the ``svodka`` app."""
    app.add_typer(kb_app, name="kb")


KbOption = Annotated[
    Path | None,
    typer.Option(
        "--kb",
        help="The knowledge base file. Default: $SVODKA_KB, else ~/.local/share/svodka/kb.sqlite.",
    ),
]


@kb_app.command("import")
def kb_import(
    file: Annotated[
        Path, typer.Argument(help="A Wikidata JSON dump: .json or .jsonl, maybe .gz or .bz2.")
    ],
    kb: KbOption = None,
) -> None:
    """Add the items with a Russian label from FILE to the knowledge base. No network."""
    from svodka.errors import InputError
    from svodka.knowledge.kb import default_path, import_dump

    target = kb or default_path()
    if not file.is_file():
        fail(f"kb import: {file} not found; expected a Wikidata JSON dump file")
    started = time.perf_counter()
    with err.status("importing…") as status:

        def report(counts: ImportCounts) -> None:
            status.update(f"importing: {counts.lines:,} lines read, {counts.kept:,} items kept")

        try:
            counts = import_dump(file, target, progress=report)
        except InputError as error:
            fail(f"kb import: {error}")
    out.print(import_table(counts, time.perf_counter() - started, target))
    for line, reason in counts.reasons:
        err.print(f"skipped {file.name}:{line}: {reason}", style="yellow", markup=False)
    if counts.lines == counts.skipped:
        fail(f"kb import: no entity could be read from {file}")


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name as written: «Путин», «МГУ».")],
    kind: Annotated[
        str | None, typer.Option("--type", help="PER, LOC or ORG: prefer items of this type.")
    ] = None,
    kb: KbOption = None,
) -> None:
    """Print the Wikidata id and Russian label an entity name links to. Exit 1 if none."""
    from svodka.errors import InputError
    from svodka.knowledge.kb import KnowledgeBase, default_path

    kind = check_type(kind)
    try:
        base = KnowledgeBase.open(kb or default_path())
    except InputError as error:
        fail(f"kb lookup: {error}")
    with base:
        qid = base.lookup(name, kind)
        item = base.get(qid) if qid else None
    if item is None:
        fail(f"kb lookup: no item named {name!r}")
    typer.echo(f"{item.qid}\t{item.label}")  # plain tabs for scripts; Rich expands them


def import_table(counts: ImportCounts, seconds: float, target: Path) -> Table:
    """What an import read and kept, as a two-column table."""
    table = Table(title="knowledge base import", title_justify="left", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_row("items kept", f"{counts.kept:,}")
    table.add_row("lines read", f"{counts.lines:,}")
    table.add_row("dropped (not an item, no Russian label)", f"{counts.dropped:,}")
    table.add_row("skipped (unreadable)", f"{counts.skipped:,}")
    table.add_row("seconds", f"{seconds:.1f}")
    table.add_row("knowledge base", Text(str(target)))
    return table
