"""An optional knowledge base: svodka names to Wikidata ids, from a dump the user supplies.

:func:`import_dump` streams a Wikidata JSON dump (``latest-all.json.gz``: a JSON array
with one entity per line; plain JSON Lines work too) into an SQLite file, keeping only
items with a Russian label. :class:`KnowledgeBase` answers «which Q-id is this name?».
Nothing here touches the network.

The file holds three tables::

    items(qid, label, label_en, type, sitelinks)   one row per item; type is PER/LOC/ORG or NULL
    names(name, qid)                               normalized label and aliases, indexed
    meta(key, value)                               source file name and import time
"""

from __future__ import annotations

import bz2
import gzip
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any

from svodka.errors import InputError
from svodka.lang.text import fold
from svodka.resources import read_table
from svodka.settings import default_kb_path, load_settings

#: Items written per transaction: one commit per item would make a full import take days.
BATCH = 10_000
#: Skipped lines whose number and reason are kept; past these only the count grows.
KEEP_REASONS = 5
#: When P31 names classes of several types, the first type here wins.
TYPE_ORDER = ("PER", "LOC", "ORG")
#: Lookups remembered per open knowledge base; a news corpus repeats its names a lot.
CACHE_SIZE = 100_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS items(
    qid TEXT PRIMARY KEY, label TEXT, label_en TEXT, type TEXT, sitelinks INT);
CREATE TABLE IF NOT EXISTS names(name TEXT, qid TEXT);
CREATE INDEX IF NOT EXISTS names_name ON names(name);
-- re-imports delete an item's old names first; without this each delete scans the table
CREATE INDEX IF NOT EXISTS names_qid ON names(qid);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
"""

LOOKUP = """
SELECT items.qid FROM names JOIN items ON items.qid = names.qid
WHERE names.name = ?
ORDER BY items.type = ? DESC, items.sitelinks DESC, CAST(substr(items.qid, 2) AS INTEGER)
LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class Item:
    """One stored Wikidata item."""

    qid: str
    label: str
    label_en: str | None
    type: str | None
    sitelinks: int


#: An item as read from a dump, with its raw Russian label and aliases.
Parsed = tuple[Item, list[str]]


@dataclass(slots=True)
class ImportCounts:
    """What an import read. ``lines`` counts entity lines, not the array's brackets."""

    lines: int = 0
    kept: int = 0
    skipped: int = 0
    reasons: list[tuple[int, str]] = field(default_factory=list)

    @property
    def dropped(self) -> int:
        """Well-formed entities left out: properties, lexemes, items without a Russian label."""
        return self.lines - self.kept - self.skipped

    def skip(self, line: int, reason: str) -> None:
        """Count a line that could not be read; keep the reason for the first few."""
        self.skipped += 1
        if len(self.reasons) < KEEP_REASONS:
            self.reasons.append((line, reason))


def default_path() -> Path:
    """``SVODKA_KB``, else ``kb.sqlite`` in svodka's data folder (see svodka.settings)."""
    settings = load_settings()
    return settings.kb.expanduser() if settings.kb is not None else default_kb_path()


def normalize_name(text: str) -> str:
    """The form names are matched in: «Алма-Ата» → алма-ата, ПАО «Газпром» → пао газпром."""
    # casefolded first: dumps hold labels in every script, «Straße» is «strasse»
    return fold(text.casefold())


def import_dump(
    source: Path, target: Path, *, progress: Callable[[ImportCounts], None] | None = None
) -> ImportCounts:
    """Add the items of a Wikidata JSON dump (.json, .jsonl, .gz, .bz2) to the SQLite file
    ``target``, replacing items already there; ``progress`` hears the counts after each
    batch. A broken line is counted and skipped; a broken compressed stream raises
    :class:`InputError`, with the batches before it kept."""
    if not source.is_file():
        raise InputError(str(source), "no such file")
    connection = connect_for_import(target)
    counts = ImportCounts()
    try:
        for batch in batched(read_items(source, counts), BATCH):
            write_items(connection, batch)
            if progress:
                progress(counts)
        write_meta(connection, source)
    finally:
        connection.close()
    return counts


def connect_for_import(target: Path) -> sqlite3.Connection:
    """A writable connection to ``target`` with the tables in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.executescript(SCHEMA)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise InputError(str(target), f"not a knowledge base file: {error}") from None
    return connection


def read_items(source: Path, counts: ImportCounts) -> Iterator[Parsed]:
    """Each item worth keeping with its raw Russian names, counting lines as it goes."""
    for number, line in read_entity_lines(source):
        counts.lines += 1
        # Most of Wikidata's 100M+ entities (scholarly articles, genes, stars) have no
        # Russian label; a byte search drops them without paying for json.loads.
        if b'"ru"' not in line:
            continue
        try:
            parsed = parse_entity(json.loads(line))
        except ValueError as error:  # JSONDecodeError and UnicodeDecodeError included
            counts.skip(number, f"broken JSON: {error}")
            continue
        except (AttributeError, KeyError, TypeError) as error:
            counts.skip(number, f"not shaped like a Wikidata entity: {error!r}")
            continue
        if parsed:
            counts.kept += 1
            yield parsed


def read_entity_lines(source: Path) -> Iterator[tuple[int, bytes]]:
    """Numbered entity lines of a dump, without the array's brackets and trailing commas."""
    number = 0
    try:
        with open_dump(source) as stream:
            for number, raw in enumerate(stream, 1):
                line = raw.strip().rstrip(b",")
                if line and line not in (b"[", b"]"):
                    yield number, line
    except (OSError, EOFError) as error:
        raise InputError(str(source), f"unreadable after line {number}: {error}") from None


def open_dump(source: Path) -> IO[bytes]:
    """The dump as a binary stream, decompressed by suffix."""
    suffix = source.suffix.lower()
    if suffix == ".gz":
        return gzip.open(source, "rb")
    if suffix == ".bz2":
        return bz2.open(source, "rb")
    return source.open("rb")


def parse_entity(entity: dict[str, Any]) -> Parsed | None:
    """An item with a Russian label and its Russian names; None for anything else."""
    qid = entity["id"]
    ru = entity.get("labels", {}).get("ru")
    if entity.get("type") != "item" or not qid.startswith("Q") or not ru:
        return None
    en = entity["labels"].get("en")
    claims = entity.get("claims") or {}
    item = Item(
        qid=qid,
        label=ru["value"],
        label_en=en["value"] if en else None,
        type=coarse_type(claims),
        sitelinks=len(entity.get("sitelinks") or {}),
    )
    aliases = [alias["value"] for alias in (entity.get("aliases") or {}).get("ru", [])]
    return item, [item.label, *aliases]


def coarse_type(claims: dict[str, Any]) -> str | None:
    """PER, LOC or ORG from the P31 classes in resources/kb/wikidata_classes.tsv, else LOC
    when the item has coordinates (P625). A class outranks P625 because universities and
    companies carry their seat's coordinates: Q13164 (МГУ) has P625 and is an ORG."""
    types = {class_types().get(qid) for qid in claim_ids(claims, "P31")}
    for kind in TYPE_ORDER:
        if kind in types:
            return kind
    return "LOC" if claims.get("P625") else None


def claim_ids(claims: dict[str, Any], prop: str) -> set[str]:
    """Item ids a property points to; «no value» and «unknown value» claims have none."""
    ids = set()
    for claim in claims.get(prop, ()):
        value = claim["mainsnak"].get("datavalue", {}).get("value")
        if isinstance(value, dict):
            # dumps before 2015 carry only numeric-id
            ids.add(value.get("id") or f"Q{value['numeric-id']}")
    return ids


@cache
def class_types() -> dict[str, str]:
    """Wikidata class id → PER/LOC/ORG, from resources/kb/wikidata_classes.tsv."""
    return {row[0]: row[1] for row in read_table("kb/wikidata_classes.tsv")}


def batched(items: Iterable[Parsed], size: int) -> Iterator[list[Parsed]]:
    """Lists of up to ``size`` items."""
    batch: list[Parsed] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_items(connection: sqlite3.Connection, batch: list[Parsed]) -> None:
    """Store a batch in one transaction; an item already there loses its old names."""
    with connection:
        connection.executemany("DELETE FROM names WHERE qid = ?", [(i.qid,) for i, _ in batch])
        connection.executemany(
            "INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, ?)",
            [(i.qid, i.label, i.label_en, i.type, i.sitelinks) for i, _ in batch],
        )
        connection.executemany(
            "INSERT INTO names VALUES (?, ?)",
            [(name, i.qid) for i, names in batch for name in distinct_names(names)],
        )


def distinct_names(names: list[str]) -> list[str]:
    """Normalized names without repeats or empties: «Путин» and «путин» are stored once."""
    return [name for name in dict.fromkeys(map(normalize_name, names)) if name]


def write_meta(connection: sqlite3.Connection, source: Path) -> None:
    """Record where the items came from and when."""
    imported = datetime.now(UTC).isoformat(timespec="seconds")
    with connection:
        connection.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("source", source.name), ("imported", imported)],
        )


class KnowledgeBase:
    """A read-only knowledge base file: names to Wikidata ids.

    ::

        with KnowledgeBase.open(default_path()) as kb:
            kb.lookup("Путин", "PER")  # 'Q7747'
    """

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.connection = connection
        self.path = path
        self.find = lru_cache(maxsize=CACHE_SIZE)(self.query)

    @classmethod
    def open(cls, path: Path) -> KnowledgeBase:
        """Open a file built by :func:`import_dump`; InputError when there is none."""
        if not path.is_file():
            raise InputError(str(path), "no knowledge base here; build one with svodka kb import")
        uri = path.resolve().as_uri() + "?mode=ro"
        # read-only, and sqlite3 here is built serialized, so threads may share it
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            connection.execute("SELECT qid FROM items LIMIT 1")
        except sqlite3.DatabaseError as error:
            connection.close()
            raise InputError(str(path), f"not a knowledge base file: {error}") from None
        return cls(connection, path)

    def lookup(self, name: str, type: str | None = None) -> str | None:
        """The qid named ``name`` (case, ё and quotes ignored): items of ``type`` first,
        then the most sitelinks, then the oldest qid. None when no item has the name."""
        if type is not None and type not in TYPE_ORDER:
            raise ValueError(f"type: expected PER, LOC, ORG or None, got {type!r}")
        return self.find(normalize_name(name), type)

    def lookup_many(self, names: Iterable[str], type: str | None = None) -> str | None:
        """The first hit among ``names`` tried in order: full name, then surname, say."""
        for name in names:
            if qid := self.lookup(name, type):
                return qid
        return None

    def get(self, qid: str) -> Item | None:
        """The stored item ``qid``, or None."""
        row = self.connection.execute(
            "SELECT qid, label, label_en, type, sitelinks FROM items WHERE qid = ?", (qid,)
        ).fetchone()
        return Item(*row) if row else None

    def query(self, name: str, type: str | None) -> str | None:
        """One indexed query, uncached; ``items.type = NULL`` is NULL for every row, so no type
        means no preference."""
        row = self.connection.execute(LOOKUP, (name, type)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        """Close the file."""
        self.connection.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
