"""Compare stores table by table: what the crash, cluster and batch tests check."""

import sqlite3

#: Every table and the columns that must match (no timestamps, no autoincrement ids).
TABLES = {
    "documents": "id, hash, title, text, published, duplicate_of, version, analysis",
    "entities": "key, type, name, aliases, country, lat, lon",
    "doc_entities": "doc_id, local_id, key, name, mentions",
    "mentions": "doc_id, local_id, key, start, stop, text",
    "roles": "doc_id, key, title, of_key, of_name, past",
    "quotes": "doc_id, start, stop, text, kind, speaker_key",
    "amounts": "doc_id, start, stop, text, value, unit",
    "dates": "doc_id, start, stop, text, value, grain",
    "rejects": "source, reason",
    "lsh": "band, bucket, doc_id",
}


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table of a SQLite store, sorted."""
    with sqlite3.connect(db) as connection:
        return {
            table: sorted(connection.execute(f"SELECT {columns} FROM {table}"), key=repr)
            for table, columns in TABLES.items()
        }
