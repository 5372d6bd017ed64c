"""What a document becomes in the store: a ``Prepared`` item, then rows of each table.

``prepare`` does the costly part (text hash, MinHash signature, lemmatized text, the
contract JSON) and runs in the analysis workers; the row functions are plain
conversions, shared by ``Store.add`` and the Parquet output of ``svodka batch``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import Table

from svodka.doc import Document, Entity
from svodka.lang.text import fold_name
from svodka.schema import dumps
from svodka.store import dedup, facets, fts
from svodka.store.plover import tabulate_events
from svodka.store.schema import (
    TONE_TABLES,
    WORD_START,
    amounts,
    dates,
    doc_entities,
    durations,
    events,
    mentions,
    quotes,
    roles,
)
from svodka.store.tone import tabulate_tones
from svodka.version import __version__


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store, with what is costly to compute done beforehand (in the
    worker processes): the text hash, the MinHash signature and the lemmatized text."""

    doc: Document
    hash: str
    signature: bytes | None
    lemmas: str
    analysis: str  # the contract document as JSON


def text_hash(text: str) -> str:
    """SHA-256 of the text: the identity of an article's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lean(doc: Document) -> Document:
    """The document without its internal layers (tokens, sentences, spans): what is kept."""
    return replace(doc, tokens=(), sentences=(), spans=())


def search_body(doc: Document) -> str:
    """What full-text search reads of a document: its title, then its text."""
    return f"{doc.title or ''}\n{doc.text}"


def index_row(doc: Document, lemmas: str) -> tuple[str, str, str, str, str]:
    """What ``fts.add`` indexes of a document: id, text, lemma text, and the tokens of its
    entities, their types and its source, and of its publication day (``facets.py``)."""
    about = facets.about_text(
        [e.key for e in doc.entities], [e.type for e in doc.entities], doc.source
    )
    return doc.id, search_body(doc), lemmas, about, facets.dated_text(doc.published)


def prepare(doc: Document) -> Prepared:
    """Hash, signature and lemma text of an analyzed document, its internal layers dropped."""
    lean_doc = lean(doc)
    signature = dedup.signature(doc.text)
    lemmas = fts.lemma_text(search_body(doc))
    return Prepared(lean_doc, text_hash(doc.text), signature, lemmas, dumps(lean_doc))


def document_row(
    item: Prepared, doc_id: str, original: str | None, seq: int, now: datetime
) -> dict:
    """The ``documents`` row of an item stored as ``doc_id`` (its own id, or that id with a
    suffix when the id was taken), ``original`` its near-duplicate's original."""
    doc = replace(item.doc, id=doc_id)
    return {
        "id": doc_id,
        "seq": seq,
        "hash": item.hash,
        "title": doc.title,
        "text": doc.text,
        "published": doc.published,
        "source": doc.source,
        "url": doc.url,
        "duplicate_of": original,
        "version": __version__,
        "analysis": item.analysis if doc_id == item.doc.id else dumps(doc),
        "minhash": item.signature,
        "ingested_at": now,
    }


def lsh_rows(doc_id: str, signature: bytes | None) -> list[dict]:
    """The ``lsh`` rows of a document: one per band of its signature, none without one."""
    if signature is None:
        return []
    return [
        {"band": band, "bucket": bucket, "doc_id": doc_id}
        for band, bucket in dedup.bands(signature)
    ]


def analysis_rows(doc: Document) -> dict[Table, list[dict]]:
    """The rows of a document's analysis, by table: its entities, their mentions and
    roles, its quotes, amounts, dates, durations and events, and its tones (``tone.py``)."""
    keys = {e.id: e.key for e in doc.entities}  # local id → key, for roles and speakers
    return {
        doc_entities: tabulate_entities(doc),
        mentions: tabulate_mentions(doc),
        roles: tabulate_roles(doc, keys),
        quotes: tabulate_quotes(doc, keys),
        amounts: tabulate_amounts(doc),
        dates: tabulate_dates(doc),
        durations: tabulate_durations(doc),
        events: tabulate_events(doc, keys),
        **{TONE_TABLES[name]: rows for name, rows in tabulate_tones(doc).items()},
    }


def tabulate_entities(doc: Document) -> list[dict]:
    """One row per entity of the document: its local id, key, name and mention count."""
    return [
        {
            "doc_id": doc.id,
            "local_id": e.id,
            "key": e.key,
            "name": e.name,
            "mentions": len(e.mentions),
        }
        for e in doc.entities
    ]


def tabulate_mentions(doc: Document) -> list[dict]:
    """Every mention of every entity of the document, with the entity's local id and key."""
    return [
        {
            "doc_id": doc.id,
            "local_id": e.id,
            "key": e.key,
            "start": m.start,
            "stop": m.stop,
            "text": m.text,
        }
        for e in doc.entities
        for m in e.mentions
    ]


def tabulate_roles(doc: Document, keys: dict[str, str]) -> list[dict]:
    """The roles of the document's entities; ``of`` (a local id) becomes a key."""
    return [
        {
            "doc_id": doc.id,
            "key": e.key,
            "title": r.title,
            "of_key": keys.get(r.of) if r.of else None,
            "of_name": r.of_name,
            "past": r.past,
        }
        for e in doc.entities
        for r in e.roles
    ]


def tabulate_quotes(doc: Document, keys: dict[str, str]) -> list[dict]:
    """The document's quotes; the speaker (a local id) becomes a key."""
    return [
        {
            "doc_id": doc.id,
            "start": q.start,
            "stop": q.stop,
            "text": q.text,
            "kind": q.kind,
            "speaker_key": keys.get(q.speaker) if q.speaker else None,
            "speaker_name": q.speaker_name,
            "cue": q.cue,
            "source": q.source,
        }
        for q in doc.quotes
    ]


def tabulate_amounts(doc: Document) -> list[dict]:
    """The document's amounts; a range as its ``low`` and ``high`` ends."""
    return [
        {
            "doc_id": doc.id,
            "start": a.start,
            "stop": a.stop,
            "text": a.text,
            "value": a.value,
            "unit": a.unit,
            "approx": a.approx,
            "bound": a.bound,
            "low": a.range[0] if a.range else None,
            "high": a.range[1] if a.range else None,
            "object": a.object,
            "per": a.per,
        }
        for a in doc.amounts
    ]


def tabulate_dates(doc: Document) -> list[dict]:
    """The document's references to time, resolved or not."""
    return [
        {
            "doc_id": doc.id,
            "start": d.start,
            "stop": d.stop,
            "text": d.text,
            "value": d.value,
            "grain": d.grain,
            "relative": d.relative,
        }
        for d in doc.dates
    ]


def tabulate_durations(doc: Document) -> list[dict]:
    """The document's durations and repetitions."""
    return [{"doc_id": doc.id, **asdict(d)} for d in doc.durations]


def name_rows(key: str, names: Iterable[str], known: Iterable[str] = ()) -> list[dict]:
    """The ``entity_names`` rows of an entity's names (folded, each once), leaving out
    those that fold like a ``known`` one (already stored)."""
    old = {fold_name(name) for name in known}
    folded = {fold_name(name) for name in names} - old - {""}
    return [{"name": name, "key": key} for name in sorted(folded)]


def entity_row(entity: Entity, aliases: list[str], wikidata: str | None) -> dict:
    """The ``entities`` row of an entity first seen: its names so far as ``aliases``
    (JSON), and its place's columns."""
    place = entity.place if entity.place and entity.place.resolved else None
    return {
        "key": entity.key,
        "type": entity.type,
        "name": entity.name,
        "aliases": json.dumps(aliases, ensure_ascii=False),
        "wikidata": wikidata,
        "geonameid": place.geonameid if place else None,
        "place_kind": place.kind if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "population": place.population if place else None,
        "name_en": place.name_en if place else None,
    }


def start_rows(named: list[dict]) -> list[dict]:
    """The ``entity_word_starts`` rows of ``entity_names`` rows: each word's first
    ``WORD_START`` characters (a word starts the name or follows a space or a hyphen)."""
    found = {
        (row["name"][at : at + WORD_START], row["key"])
        for row in named
        for at in word_offsets(row["name"])
    }
    return [{"start": start, "key": key} for start, key in sorted(found)]


def word_offsets(name: str) -> list[int]:
    """Where the words of a folded name start: «анна-мария петрова» → 0, 5, 11."""
    return [0, *(i + 1 for i, char in enumerate(name) if char in " -")]
