"""A document's events as the store's ``events`` rows, and as PLOVER-style records: what
``svodka export --format events`` writes one a line, and ``events-tsv`` one a row
(``export.py`` does the writing).

A record names its event's actors by name and by the entities' cross-document keys, its
place likewise, its date as written and as the days it covers, its PLOVER type, mode and
quad class, and the story it comes from (document id, URL, publication date, title,
outlet). ``docs/export.md`` describes every field.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from functools import cache
from typing import Any

from svodka.doc import Document, Event
from svodka.resources import read_table

#: The columns of ``--format events-tsv``, in order.
TSV_COLUMNS = (
    "id",
    "doc_id",
    "event_id",
    "event_type",
    "quad_class",
    "mode",
    "date",
    "date_start",
    "date_end",
    "source_key",
    "source_name",
    "target_key",
    "target_name",
    "actor_names",
    "actor_keys",
    "place_key",
    "place_name",
    "negated",
    "modality",
    "quote",
    "trigger",
    "start",
    "stop",
    "text",
    "published",
    "url",
    "title",
    "outlet",
)


def tabulate_events(doc: Document, keys: dict[str, str]) -> list[dict]:
    """The document's events; source, target and place (local ids) become keys, the date
    also the days it covers, and each row carries the document's ``published``."""
    return [event_row(doc, event, keys) for event in doc.events]


def event_row(doc: Document, event: Event, keys: dict[str, str]) -> dict:
    """One ``events`` row (see ``schema.events``)."""
    first, last = date_range(event.date)
    return {
        "doc_id": doc.id,
        "event_id": event.id,
        "type": event.type,
        "quad": quad_classes().get(event.type, ""),
        "mode": event.mode,
        "source_key": keys.get(event.source) if event.source else None,
        "source_name": event.source_name,
        "target_key": keys.get(event.target) if event.target else None,
        "target_name": event.target_name,
        "actors": json.dumps(list(event.actors), ensure_ascii=False),
        "place_key": keys.get(event.place) if event.place else None,
        "date": event.date,
        "date_start": first,
        "date_end": last,
        "negated": event.negated,
        "modality": event.modality,
        "trigger": event.trigger,
        "start": event.start,
        "stop": event.stop,
        "quote": event.quote,
        "published": doc.published,
    }


@cache
def quad_classes() -> dict[str, str]:
    """PLOVER type → its quad class («CONSULT» → «verbal cooperation»), in the order of
    ``resources/events/types.tsv``."""
    return {row[0]: row[1] for row in read_table("events/types.tsv", 3)}


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a date covers: «2024» → 1 January to 31 December 2024,
    «2024-02» → 1 to 29 February; (None, None) for no date or one that is not a date."""
    parts = (value or "").split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(numbers) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        pass
    return None, None


def event_records(doc: Document) -> list[dict[str, Any]]:
    """One record per event of ``doc``, in the document's order."""
    return [event_record(doc, event) for event in doc.events]


def event_record(doc: Document, event: Event) -> dict[str, Any]:
    """The PLOVER-style record of one event (see ``docs/export.md``)."""
    first, last = date_range(event.date)
    by_name = {e.name: e.key for e in doc.entities}
    place = doc.entity(event.place) if event.place else None
    return {
        "id": f"{doc.id}:{event.id}",
        "doc_id": doc.id,
        "event_id": event.id,
        "event_type": event.type,
        "quad_class": quad_classes().get(event.type),
        "mode": event.mode,
        "date": event.date,
        "date_start": iso(first),
        "date_end": iso(last),
        "source": actor(doc, event.source, event.source_name),
        "target": actor(doc, event.target, event.target_name),
        "actors": [{"name": name, "key": by_name.get(name)} for name in event.actors],
        "place": {"name": place.name, "key": place.key} if place else None,
        "negated": event.negated,
        "modality": event.modality,
        "quote": event.quote,
        "trigger": event.trigger,
        "start": event.start,
        "stop": event.stop,
        "text": doc.text[event.start : event.stop],
        "published": iso(doc.published),
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.source,
    }


def actor(doc: Document, entity_id: str | None, name: str | None) -> dict[str, Any] | None:
    """``{"name", "key"}`` of a side of an event: the entity's key, or null for a group
    the text only describes («боевики»); null when the side is empty."""
    entity = doc.entity(entity_id) if entity_id else None
    if entity is None and not name:
        return None
    return {
        "name": name or (entity.name if entity else None),
        "key": entity.key if entity else None,
    }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def tsv_cells(record: dict[str, Any]) -> dict[str, str]:
    """A record flattened to ``TSV_COLUMNS``: sides and place as key and name, actors as
    ``;``-separated names and keys (an empty key for a described actor), booleans as
    ``true``/``false``, nulls as empty cells."""
    source, target, place = record["source"] or {}, record["target"] or {}, record["place"] or {}
    flat = {
        **record,
        "source_key": source.get("key"),
        "source_name": source.get("name"),
        "target_key": target.get("key"),
        "target_name": target.get("name"),
        "actor_names": ";".join(a["name"].replace(";", " ") for a in record["actors"]),
        "actor_keys": ";".join(a["key"] or "" for a in record["actors"]),
        "place_key": place.get("key"),
        "place_name": place.get("name"),
    }
    return {name: cell(flat[name]) for name in TSV_COLUMNS}


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
