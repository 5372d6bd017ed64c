"""Filters as words of the full-text index (issue 21): a document's entities, entity types
and source («about») and its publication day, month and year («dated») are indexed beside
its text as tokens, so a filtered search is one index query that intersects the word's
matches with the filter's, latest first, whatever the size of either.

Tokens are letters and digits, so both backends index them as they are: ``e`` and a hash
of an entity key, ``t`` and a type (``tper``), ``s`` and a hash of a source; ``y2006``,
``m200603``, ``d20060315``. A date range is the fewest of them that cover it: whole years,
then whole months, then days.
"""

from __future__ import annotations

import hashlib
from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import Connection, select, text

from svodka.store import fts
from svodka.store.schema import doc_entities, documents, entities, in_chunks

#: A token no document has: a filter that can keep nothing (a name no entity has).
NOTHING = "xnothing"


def entity_token(key: str) -> str:
    """The token of an entity key: «per:владимир путин» → «e» and 16 hex digits."""
    return "e" + digest(key)


def type_token(type_: str) -> str:
    """The token of an entity type: «PER» → «tper»."""
    return "t" + type_.lower()


def source_token(source: str) -> str:
    """The token of a source: «s» and 16 hex digits."""
    return "s" + digest(source)


def digest(value: str) -> str:
    return hashlib.blake2b(value.encode("utf-8"), digest_size=8).hexdigest()


def about_text(keys: Iterable[str], types: Iterable[str], source: str | None) -> str:
    """The ``about`` column of a document: its entities' keys and types, and its source."""
    tokens = [entity_token(key) for key in sorted(set(keys))]
    tokens += [type_token(t) for t in sorted(set(types))]
    if source is not None:
        tokens.append(source_token(source))
    return " ".join(tokens)


def dated_text(published: date | None) -> str:
    """The ``dated`` column of a document: its year, month and day, or nothing."""
    if published is None:
        return ""
    return f"y{published:%Y} m{published:%Y%m} d{published:%Y%m%d}"


def range_tokens(first: date, last: date) -> list[str]:
    """The fewest tokens whose documents are those published from ``first`` to ``last``
    (inclusive): «2006-12-30..2008-02-29» → d20061230, d20061231, y2007, m200801, m200802."""
    tokens: list[str] = []
    day = first
    while day <= last:
        year_end = date(day.year, 12, 31)
        month_end = date(day.year, day.month, monthrange(day.year, day.month)[1])
        if (day.month, day.day) == (1, 1) and year_end <= last:
            tokens.append(f"y{day:%Y}")
            day = year_end
        elif day.day == 1 and month_end <= last:
            tokens.append(f"m{day:%Y%m}")
            day = month_end
        else:
            tokens.append(f"d{day:%Y%m%d}")
        if day == date.max:
            break
        day += timedelta(days=1)
    return tokens


def index_facets(connection: Connection) -> None:
    """Write the ``about`` and ``dated`` tokens of every stored document: SQLite rebuilds
    its FTS5 table with the two columns, PostgreSQL adds them to ``tsv`` as marked lexemes
    (``fts.tags``). Running it again writes the same tokens."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # the old table's rows by rowid, the document's ``seq``
        connection.execute(text("ALTER TABLE fts RENAME TO fts_old"))
        fts.create(connection)
        statement = (
            "INSERT INTO fts (rowid, doc_id, body, about, dated) "
            "SELECT rowid, doc_id, body, :about, :dated FROM fts_old WHERE rowid = :seq"
        )
    else:
        tagged = f"{UNTAGGED} || {fts.TAGS} || {fts.block_tag('seq')}"
        statement = f"UPDATE fts SET tsv = {tagged} WHERE doc_id = :id"
    seqs = dict(connection.execute(select(documents.c.id, documents.c.seq)).all())
    for chunk in in_chunks(sorted(seqs, key=seqs.get), 500):
        rows = [
            {"id": doc_id, "seq": seqs[doc_id], "about": about, "dated": dated}
            if sqlite
            else {"id": doc_id, "tags": fts.tags(about, dated)}
            for doc_id, (about, dated) in stored_facets(connection, chunk).items()
        ]
        if rows:
            connection.execute(text(statement), rows)
    if sqlite:
        connection.execute(text("DROP TABLE fts_old"))


#: PostgreSQL: a document's ``tsv`` without the filters' tokens it had.
UNTAGGED = (
    "ts_delete(tsv, ARRAY(SELECT lexeme FROM unnest(tsvector_to_array(tsv)) AS lexeme "
    f"WHERE left(lexeme, 1) = '{fts.TAG_MARK}'))"
)


def stored_facets(connection: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """doc id → (about, dated) of stored documents, from their rows."""
    kinds = (
        select(doc_entities.c.doc_id, doc_entities.c.key, entities.c.type)
        .join(entities, entities.c.key == doc_entities.c.key)
        .where(doc_entities.c.doc_id.in_(ids))
    )
    keys: dict[str, list[str]] = {}
    types: dict[str, list[str]] = {}
    for doc_id, key, type_ in connection.execute(kinds):
        keys.setdefault(doc_id, []).append(key)
        types.setdefault(doc_id, []).append(type_)
    rows = select(documents.c.id, documents.c.published, documents.c.source).where(
        documents.c.id.in_(ids)
    )
    return {
        doc_id: (
            about_text(keys.get(doc_id, []), types.get(doc_id, []), source),
            dated_text(published),
        )
        for doc_id, published, source in connection.execute(rows)
    }
