"""The store's tables, for SQLite and PostgreSQL alike; their versioned migrations are in
``migrations.py``.

Everything is SQLAlchemy Core, so one definition serves both backends. The one part that
differs is full-text search (``fts.py``): an FTS5 table over lemmatized text in SQLite, a
``tsvector`` with the ``russian`` configuration in PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # insertion order, across runs
    Column("hash", String(64), nullable=False, unique=True),  # SHA-256 of the text
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", Date, index=True),
    Column("source", Text, index=True),
    Column("url", Text),
    Column("duplicate_of", String, ForeignKey("documents.id"), index=True),
    Column("version", String, nullable=False),  # the svodka version that analyzed it
    Column("analysis", Text, nullable=False),  # the contract document, JSON
    Column("minhash", LargeBinary),  # near-duplicate signature
    Column("ingested_at", DateTime, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("key", String, primary_key=True),
    Column("type", String(3), nullable=False, index=True),
    Column("name", Text, nullable=False, index=True),
    Column("aliases", Text, nullable=False),  # JSON list of every name and mention seen
    Column("wikidata", String),
    Column("geonameid", Integer),
    Column("place_kind", String),
    Column("country", String(2)),
    Column("admin1", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("population", Integer),
    Column("name_en", Text),
)

#: Every name and alias of an entity, case and ё folded (``fold_name``): the index a name
#: filter looks up first (names that only start with it: ``entity_word_starts``).
entity_names = Table(
    "entity_names",
    metadata,
    Column("name", Text, primary_key=True),
    Column("key", String, ForeignKey("entities.key"), primary_key=True),
)

#: The first ``WORD_START`` characters of each word of each name in ``entity_names``
#: («владимир путин» → «вла», «пут»): a name filter that only starts a word of a name
#: («Путин») looks its candidates up here, an equality any collation keeps. A new alias
#: may repeat a row already there: no key, an index.
entity_word_starts = Table(
    "entity_word_starts",
    metadata,
    Column("start", Text, nullable=False),
    Column("key", String, ForeignKey("entities.key"), nullable=False),
    Index("entity_word_starts_start", "start", "key"),
)
WORD_START = 3

#: One row per entity per document: the document's own id («e3») and its canonical name.
doc_entities = Table(
    "doc_entities",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("key", String, ForeignKey("entities.key"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("mentions", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("local_id", String, nullable=False),
    Column("key", String, ForeignKey("entities.key"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

roles = Table(
    "roles",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("key", String, ForeignKey("entities.key"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("of_key", String),
    Column("of_name", Text),
    Column("past", Boolean, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("speaker_key", String, index=True),
    Column("speaker_name", Text),
    Column("cue", Text),
    Column("source", Boolean, nullable=False),
)

amounts = Table(
    "amounts",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String),
    Column("approx", Boolean, nullable=False),
    Column("bound", String),
    Column("low", Float),
    Column("high", Float),
    Column("object", Text),
    Column("per", Text),
)

dates = Table(
    "dates",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String),
    Column("grain", String, nullable=False),
    Column("relative", Boolean, nullable=False),
)

durations = Table(
    "durations",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String),
    Column("unit", String, nullable=False),
    Column("approx", Boolean, nullable=False),
    Column("bound", String),
    Column("kind", String, nullable=False),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime, nullable=False),
    UniqueConstraint("source", "reason"),  # a rerun records a reject once
)

#: One row per event of a document (PLOVER, see ``svodka.doc.Event``): its actors as the
#: entities' cross-document keys (None for a group the text only describes, «боевики»,
#: named in ``*_name``), its date as written («2024-06») and as the days it covers, and
#: the document's ``published`` date, so that a timeline needs no join.
events = Table(
    "events",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("event_id", String, nullable=False),  # «v1», within the document
    Column("type", String, nullable=False, index=True),  # AGREE … ASSAULT
    Column("quad", String, nullable=False),  # «verbal cooperation» … «material conflict»
    Column("mode", String),
    Column("source_key", String, index=True),
    Column("source_name", Text),
    Column("target_key", String, index=True),
    Column("target_name", Text),
    Column("actors", Text, nullable=False),  # JSON list of every actor's name
    Column("place_key", String),
    Column("date", String),  # YYYY, YYYY-MM or YYYY-MM-DD
    Column("date_start", Date, index=True),  # the first day the date covers
    Column("date_end", Date),  # its last day
    Column("negated", Boolean, nullable=False),
    Column("modality", String, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("quote", String),  # «q3»: the document's third quote
    Column("published", Date, index=True),
    Index("events_doc", "doc_id", "event_id"),
    Index("events_dyad", "source_key", "target_key"),
)

#: The tone of each document (stage ``tone``, ``svodka.doc.ToneSummary``): how many of its
#: sentences read negative, neutral and positive, and their mean score in [-1, 1]. Like the
#: two tables below it carries the document's ``published`` and ``source``, so that tone
#: over time or by outlet needs no join, and a Parquet export of it stands alone.
document_tones = Table(
    "document_tones",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("negative", Integer, nullable=False),
    Column("neutral", Integer, nullable=False),
    Column("positive", Integer, nullable=False),
    Column("mean", Float, nullable=False),
    Column("published", Date, index=True),
    Column("source", Text),
)

#: The tone toward each entity of a document: its mentions' labels counted, and the mean of
#: their scores (``Entity.tone``). What ``/entities/{key}/tone`` adds up over time.
entity_tones = Table(
    "entity_tones",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("key", String, ForeignKey("entities.key"), nullable=False),
    Column("negative", Integer, nullable=False),
    Column("neutral", Integer, nullable=False),
    Column("positive", Integer, nullable=False),
    Column("mean", Float, nullable=False),
    Column("published", Date),
    Column("source", Text),
    Index("entity_tones_key", "key", "published"),
)

#: The tone of each mention that has one (``Mention.tone``): ``label`` -1, 0 or 1 and
#: ``score`` P(positive) − P(negative); and of each quote that has one (``Quote.tone``),
#: with its speaker's key.
mention_tones = Table(
    "mention_tones",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("local_id", String, nullable=False),
    Column("key", String, ForeignKey("entities.key"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("label", Integer, nullable=False),
    Column("score", Float, nullable=False),
)

quote_tones = Table(
    "quote_tones",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("speaker_key", String, index=True),
    Column("label", Integer, nullable=False),
    Column("score", Float, nullable=False),
)

#: The tables of a document's tones, by name, as ``tone.tabulate_tones`` fills them.
TONE_TABLES = {t.name: t for t in (document_tones, entity_tones, mention_tones, quote_tones)}

#: Locality-sensitive hashing bands of each document's MinHash, to find near-duplicates.
lsh = Table(
    "lsh",
    metadata,
    Column("band", Integer, nullable=False),
    Column("bucket", String, nullable=False),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Index("lsh_bucket", "band", "bucket"),
)


def in_chunks(values: list, size: int = 400) -> Iterator[list]:
    """Slices small enough for any backend's limit on bound parameters."""
    for i in range(0, len(values), size):
        yield values[i : i + size]
