"""Writers: print documents as a readable report, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from svodka.doc import Document, Entity, Place, Role
from svodka.schema import to_dict

FORMATS = ("text", "json", "jsonl")
TYPE_TITLES = {"PER": "Люди", "ORG": "Организации", "LOC": "Места"}

#: How the report shows a role; the CLI passes one that puts the organisation in the
#: genitive («президент России», :func:`svodka.lang.inflect.role_phrase`).
RoleText = Callable[[Role], str]


def write_documents(
    docs: Iterable[Document], fmt: str, out: TextIO, *, role_text: RoleText | None = None
) -> int:
    """Write documents to ``out`` in ``fmt``; returns how many were written. ``role_text``
    shows a role in the text report (default «президент (Россия)»)."""
    count = 0
    if fmt == "json":
        # One document prints as an object, several as an array: the shape a reader expects.
        items = [to_dict(d) for d in docs]
        count = len(items)
        payload = items[0] if count == 1 else items
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return count
    console = Console(file=out, highlight=False, soft_wrap=True) if fmt == "text" else None
    for doc in docs:
        if console is not None:
            write_report(doc, console, role_text)
        else:
            out.write(json.dumps(to_dict(doc), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_report(doc: Document, console: Console, role_text: RoleText | None = None) -> None:
    """A readable report: headline, then people with roles, organisations and places."""
    console.rule(f"[bold]{doc.title or doc.id}")
    meta = [f"id: {doc.id}"] + ([f"published: {doc.published}"] if doc.published else [])
    console.print(" · ".join(meta), style="dim")
    for type_, title in TYPE_TITLES.items():
        entities = [e for e in doc.entities if e.type == type_]
        if entities:
            console.print(entity_table(title, entities, role_text))
    if not doc.entities:
        console.print("no entities found", style="dim")
    if doc.quotes:
        console.print(quote_table(doc))
    if doc.amounts:
        console.print(amount_table(doc))
    if doc.dates:
        console.print(date_table(doc))
    if doc.durations:
        console.print(duration_table(doc))


def entity_table(title: str, entities: list[Entity], role_text: RoleText | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_header=True, header_style="bold")
    table.add_column("name")
    table.add_column("mentions", justify="right")
    if entities[0].type == "PER":
        table.add_column("roles")
    if entities[0].type == "LOC":
        table.add_column("place")
    for e in entities:
        row = [e.name, str(len(e.mentions))]
        if e.type == "PER":
            show = role_text or (lambda r: format_role(r.title, r.of_name, r.past))
            row.append("; ".join(show(r) for r in e.roles))
        if e.type == "LOC":
            row.append(format_place(e.place))
        table.add_row(*row)
    return table


def format_place(place: Place | None) -> str:
    """«city, KZ, 43.252, 76.912»; «?» for a place the gazetteer does not know."""
    if place is None or not place.resolved:
        return "?"
    where = f", {place.lat:.3f}, {place.lon:.3f}" if place.lat is not None else ""
    return f"{place.kind}, {place.country or '—'}{where}"


def format_role(title: str, of_name: str | None, past: bool) -> str:
    """«президент (Казахстан)», «бывший министр»."""
    text = f"{title} ({of_name})" if of_name else title
    return f"бывший {text}" if past else text


def quote_table(doc: Document) -> Table:
    table = Table(title="Цитаты", title_justify="left", header_style="bold")
    for column in ("speaker", "kind", "quote"):
        table.add_column(column)
    for q in doc.quotes:
        speaker = q.speaker_name or "—"
        table.add_row(speaker, q.kind + (" (source)" if q.source else ""), shorten(q.text))
    return table


#: How a bound reads before a value.
BOUNDS = {"max": "≤ ", "min": "≥ "}


def amount_table(doc: Document) -> Table:
    table = Table(title="Числа", title_justify="left", header_style="bold")
    for column in ("text", "value", "unit", "of"):
        table.add_column(column, justify="right" if column == "value" else "left")
    for a in doc.amounts:
        value = ("~" if a.approx else "") + BOUNDS.get(a.bound or "", "") + format_number(a.value)
        of = " / ".join(x for x in (a.object, a.per) if x)
        table.add_row(a.text, value, a.unit or "", of)
    return table


def date_table(doc: Document) -> Table:
    table = Table(title="Даты", title_justify="left", header_style="bold")
    for column in ("text", "value", "grain"):
        table.add_column(column)
    for d in doc.dates:
        table.add_row(d.text, d.value or "?", d.grain + (" (relative)" if d.relative else ""))
    return table


def duration_table(doc: Document) -> Table:
    table = Table(title="Сроки", title_justify="left", header_style="bold")
    for column in ("text", "value", "unit"):
        table.add_column(column)
    for d in doc.durations:
        value = ("~" if d.approx else "") + BOUNDS.get(d.bound or "", "") + (d.value or "?")
        unit = d.unit + (" (repeats)" if d.kind == "frequency" else "")
        table.add_row(d.text, value, unit)
    return table


def format_number(value: float) -> str:
    """24000000000 → «24 000 000 000»; 12.5 → «12,5»."""
    text = f"{int(value):,}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    return text.replace(",", " ").replace(".", ",")


def shorten(text: str, limit: int = 120) -> str:
    """A long quote cut at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
