"""``svodka search|entity|quotes|events|stats|export``: ask a corpus store from the command
line.

A thin shell over the store's queries (``svodka.store.search``, ``entities``, ``profile``,
``quotes``, ``events``, ``stats``) and ``svodka.store.export``: options in, Rich tables or
``--json`` out. ``register(app)`` adds the commands to the main ``svodka`` app.
"""

from __future__ import annotations

import math
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from svodka.cli.common import (
    DbOption,
    FormatOption,
    JsonOption,
    Shown,
    check_type,
    err,
    fail,
    open_store,
    out,
    parse_day,
    print_json,
)

if TYPE_CHECKING:
    from svodka.store.profile import Profile
    from svodka.store.quotes import QuoteRow
    from svodka.store.search import Hit
    from svodka.store.stats import Stats

TypeOption = Annotated[str | None, typer.Option("--type", help="PER, ORG or LOC.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many.")]
SPARKS = "▁▂▃▄▅▆▇█"
#: Past this many months a timeline is drawn by year, to fit a terminal line.
MAX_MONTHS = 72


def register(app: typer.Typer) -> None:
    """Add the corpus query commands to ``app``."""
    app.command("search")(search)
    app.command("entity")(entity)
    app.command("quotes")(quotes)
    app.command("events")(events)
    app.command("stats")(stats)
    app.command("export")(export)


def search(
    query: Annotated[
        str, typer.Argument(help="Words to find, in any form: «Токаева» finds «Токаев».")
    ],
    entity: Annotated[
        str | None, typer.Option(help="Only documents mentioning this name or key.")
    ] = None,
    type: TypeOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Published on or after YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Published on or before YYYY-MM-DD.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Only documents from this source.")] = None,
    limit: LimitOption = 20,
    duplicates: Annotated[
        bool, typer.Option("--include-duplicates", help="Keep near-duplicate articles.")
    ] = False,
    db: DbOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Full-text search with Russian morphology, best matches first."""
    from svodka.store.search import Filters
    from svodka.store.search import search as run_search

    first, last = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    filters = Filters(
        entity=entity,
        type=check_type(type),
        date_from=first,
        date_to=last,
        source=source,
        include_duplicates=duplicates,
    )
    with open_store(db) as store:
        hits = run_search(store, query, filters, limit=limit)
    if as_json or format is Shown.json:
        print_json([asdict(hit) for hit in hits])
        return
    if not hits:
        err.print(f"no documents match {query!r}", markup=False)
    for i, hit in enumerate(hits, 1):
        out.print(hit_lines(i, hit), soft_wrap=True)


def entity(
    name: Annotated[str, typer.Argument(help="A name in any case («токаев»), or a key (iso:KZ).")],
    type: TypeOption = None,
    limit: LimitOption = 10,
    db: DbOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Everything the corpus says about one entity. Exit code 1 when none is called NAME."""
    from svodka.store.entities import find_entities
    from svodka.store.profile import profile

    with open_store(db) as store:
        found = find_entities(store, name, check_type(type))
        if not found:
            fail(f"no entity called {name!r} in the store")
        about = profile(store, found[0].key, quotes_limit=limit, documents_limit=limit)
    others = ", ".join(f"{row.name} ({row.key}, {row.documents})" for row in found[1:6])
    if others:
        err.print(f"also matching: {others}", markup=False)
    if as_json or format is Shown.json:
        print_json(asdict(about))
    else:
        print_profile(about, limit)


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Said by this name or key.")] = None,
    about: Annotated[str | None, typer.Option(help="Mentioning this name or key.")] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Quotes, latest first, by a speaker and/or about an entity."""
    from svodka.store.quotes import quotes as find_quotes

    with open_store(db) as store:
        rows = find_quotes(store, speaker=speaker, about=about, limit=limit)
    if as_json or format is Shown.json:
        print_json([asdict(row) for row in rows])
        return
    if not rows:
        err.print("no quotes found")
    for row in rows:
        out.print(quote_line(row), soft_wrap=True)


def events(
    actor: Annotated[
        str | None, typer.Option(help="An actor on either side (name or key).")
    ] = None,
    partner: Annotated[str | None, typer.Option(help="A second actor: the pair's events.")] = None,
    target: Annotated[str | None, typer.Option(help="The one acted upon (name or key).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="A PLOVER type: CONSULT…")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="On or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="On or before YYYY-MM-DD.")] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Events, latest first: who did what to whom (PLOVER), by actor, target, type, date."""
    from svodka.store.events import EventFilters, find_events

    first, last = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    filters = EventFilters(actor, partner, target, type, first, last)
    with open_store(db) as store:
        page = find_events(store, filters, limit=limit)
    if as_json or format is Shown.json:
        print_json({"total": page.total, "events": [asdict(row) for row in page.events]})
        return
    err.print(f"{page.total:,} events, {len(page.events):,} shown", markup=False)
    for row in page.events:
        line = Text(f"{row.date or str(row.published or ''):<10}  ", style="dim")
        line.append(f"{row.type:<9} ", style="bold")
        line.append(f"{row.source_name or '—'} → {row.target_name or '—'}  «{row.trigger}»")
        notes = [
            *(["not"] if row.negated else []),
            *([row.modality] if row.modality != "asserted" else []),
        ]
        line.append(f"  {' '.join(notes)}" if notes else "", style="italic")
        line.append(f"  [{row.doc_id}#{row.event_id}]", style="dim")
        out.print(line, soft_wrap=True)


def stats(
    db: DbOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """What the store holds: documents, entities by type, layers, dates, sources, versions,
    and the most mentioned people, organisations and places."""
    from svodka.store.entities import top_entities
    from svodka.store.stats import stats as count_all

    with open_store(db) as store:
        counts = count_all(store)
        top = {t: top_entities(store, type=t, limit=TOP) for t in ("PER", "ORG", "LOC")}
    if as_json or format is Shown.json:
        print_json({**asdict(counts), "top": {t: [asdict(e) for e in es] for t, es in top.items()}})
    else:
        out.print(stats_table(counts))
        out.print(top_table(top))


class ExportFormat(StrEnum):
    """What ``svodka export`` writes (the formats of ``svodka.store.export``)."""

    jsonl = "jsonl"
    parquet = "parquet"
    gkg = "gkg"
    events = "events"
    events_tsv = "events-tsv"


def export(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, parquet, gkg; events (PLOVER-style JSON Lines, one event a line) "
            "or events-tsv (one event a row).",
        ),
    ],
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="A file; for parquet a directory, a dataset per table "
            "(DIR/<table>/part-*.parquet). Default: stdout.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the whole store, or its events; docs/export.md describes every column."""
    from svodka.store.export import ExportError
    from svodka.store.export import export as write

    if format is ExportFormat.parquet and out_path is None:
        raise typer.BadParameter("parquet writes a directory: give --out DIR", param_hint="--out")
    with open_store(db) as store:
        try:
            counts = write(store, format.value, out_path if out_path is not None else sys.stdout)
        except ExportError as error:
            fail(str(error))
    rows = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    err.print(f"exported {rows} to {out_path or 'stdout'}", markup=False)


# ------------------------------------------------------------------------- helpers


def hit_lines(number: int, hit: Hit) -> Text:
    """«1. Title» with date, source, id and score, then the snippet, matches in bold."""
    line = Text(f"{number}. ")
    line.append(hit.title or hit.doc_id, style="bold")
    facts = [str(hit.published or ""), hit.source or "", hit.doc_id, f"{hit.score:.2f}"]
    line.append("  " + " · ".join(f for f in facts if f), style="dim")
    from svodka.web.render import clean_snippet  # the UI's cleaning: no wiki markup

    text, highlights = clean_snippet(hit.snippet, hit.highlights, hit.title)
    snippet = Text(text)
    for start, stop in highlights:
        snippet.stylize("bold yellow", start, stop)
    return Text("\n").join([line, Text("   ") + snippet])


def sparkline(values: list[int]) -> str:
    """«▁▃█»: each value as a bar, the highest full; zero the lowest bar."""
    top = max(values, default=0) or 1
    return "".join(SPARKS[math.ceil(v / top * (len(SPARKS) - 1))] for v in values)


def by_year(timeline: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    years: dict[str, int] = {}
    for month, n in timeline:
        years[month[:4]] = years.get(month[:4], 0) + n
    return list(years.items())


def print_profile(p: Profile, limit: int) -> None:
    """Header, counts, the timeline as a sparkline, then the ``limit`` most reported roles,
    the entities seen with it, its quotes and the latest documents."""
    head = Text(p.name, style="bold")
    head.append(f"  {p.type}  {p.key}", style="dim")
    out.print(head)
    if len(p.aliases) > 1:
        out.print(Text("also written: " + ", ".join(a for a in p.aliases if a != p.name)))
    if p.place:
        where = [p.place.name_en, p.place.kind, p.place.country, p.place.admin1]
        point = f" ({p.place.lat:.2f}, {p.place.lon:.2f})" if p.place.lat is not None else ""
        out.print(Text("place: " + ", ".join(w for w in where if w) + point))
    if p.wikidata:
        out.print(Text(f"wikidata: {p.wikidata}"))
    seen = f" · first seen {p.first_seen} · last seen {p.last_seen}" if p.first_seen else ""
    out.print(Text(f"mentions {p.mentions:,} · documents {p.documents:,}{seen}"))
    if p.timeline:
        out.print(timeline_line(p.timeline))
    if p.roles:
        out.print(roles_table(p, limit))
    if p.cooccurring:
        table = Table("seen with", "type", "shared documents", box=None)
        for row in p.cooccurring:
            table.add_row(row.name, row.type, str(row.documents))
        out.print(table)
    if p.quotes:
        out.print(Text("quotes", style="bold"))
    for row in p.quotes:
        out.print(quote_line(row), soft_wrap=True)
    if p.recent:
        out.print(Text("latest documents", style="bold"))
    for doc in p.recent:
        line = Text(str(doc.published or "").ljust(10) + "  ", style="dim")
        line.append(doc.title or doc.doc_id)
        line.append(f"  [{doc.doc_id}]", style="dim")
        out.print(line, soft_wrap=True)


def timeline_line(timeline: tuple[tuple[str, int], ...]) -> Text:
    """«2023-01 ▁▃█▂ 2023-04  documents per month, at most 9»; by year when long."""
    steps = list(timeline) if len(timeline) <= MAX_MONTHS else by_year(timeline)
    unit = "month" if len(steps) == len(timeline) else "year"
    spark = sparkline([n for _, n in steps])
    line = Text(f"{steps[0][0]} ")
    line.append(spark, style="cyan")
    line.append(f" {steps[-1][0]}  documents per {unit}, at most {max(n for _, n in steps)}")
    return line


def roles_table(p: Profile, limit: int) -> Table:
    """The roles in most documents, latest seen first."""
    from svodka.lang.inflect import role_phrase

    table = Table("role", "first seen", "last seen", "documents", box=None)
    kept = set(sorted(p.roles, key=lambda r: -r.documents)[:limit])
    for role in (r for r in p.roles if r in kept):
        dates = (str(role.first_seen or ""), str(role.last_seen or ""))
        table.add_row(role_phrase(role.title, role.of_name, role.past), *dates, str(role.documents))
    return table


def quote_line(row: QuoteRow) -> Text:
    line = Text(str(row.published or "").ljust(10) + "  ", style="dim")
    line.append(row.speaker_name or "—", style="bold")
    if row.cue:
        line.append(f" ({row.cue})", style="dim")
    line.append(f": «{row.text}»")
    line.append(f"  [{row.doc_id}]", style="dim")
    return line


TOP = 8


def top_table(top: dict) -> Table:
    """The most mentioned entities of each type, by number of documents."""
    table = Table(title="most mentioned (documents)", title_justify="left")
    titles = {"PER": "people", "ORG": "organisations", "LOC": "places"}
    for type_ in top:
        table.add_column(titles[type_])
    rows = max((len(es) for es in top.values()), default=0)
    for i in range(rows):
        cells = [f"{es[i].name} ({es[i].documents})" if i < len(es) else "" for es in top.values()]
        table.add_row(*cells)
    return table


def stats_table(s: Stats) -> Table:
    table = Table("", "", box=None, show_header=False)
    rows = [
        (
            "documents",
            f"{s.documents:,} ({s.originals:,} originals, {s.near_duplicates:,} near-duplicates)",
        ),
        ("entities", ", ".join(f"{t} {n:,}" for t, n in sorted(s.entities.items())) or "0"),
        ("mentions", f"{s.mentions:,}"),
        ("quotes", f"{s.quotes:,}"),
        ("amounts", f"{s.amounts:,}"),
        ("dates", f"{s.dates:,}"),
        ("events", f"{s.events:,}"),
        ("rejects", f"{s.rejects:,}"),
        ("published", f"{s.first_published} … {s.last_published}" if s.first_published else "—"),
        ("sources", ", ".join(f"{name} {n:,}" for name, n in s.sources) or "—"),
        ("schema version", str(s.schema_version)),
        ("svodka versions", ", ".join(f"{v} ({n:,})" for v, n in s.versions.items()) or "—"),
    ]
    for label, value in rows:
        table.add_row(Text(label, style="bold"), Text(value))
    return table
