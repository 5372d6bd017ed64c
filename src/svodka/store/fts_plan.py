"""How a search reads the full-text index as the corpus grows (issue 21): on SQLite, the
cheaper form of a filter for its size; on PostgreSQL, a query with each stem once."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Table, exists, func, literal_column, select, text

#: Up to this many documents, a filter's documents are listed first and the index's
#: matches tested against the list; past it, each match is looked up, latest first, until
#: ``CANDIDATES`` pass (a filter that keeps half the corpus passes them quickly).
FEW_FILTERED = 5000


def passing_filters(connection: Connection | None, documents: Table, conditions) -> ColumnElement:
    """SQLite: the condition on the FTS5 rowid (the document's ``seq``) that the filters
    make, in the cheaper of two forms for their size."""
    passing = select(documents.c.seq).where(*conditions)
    if connection is not None:
        counted = select(func.count()).select_from(passing.limit(FEW_FILTERED + 1).subquery())
        if connection.execute(counted).scalar_one() <= FEW_FILTERED:
            # the numbers built once; «+» keeps FTS5 walking its matches, latest first
            return literal_column("+fts.rowid").in_(passing)
    return exists().where(documents.c.seq == literal_column("fts.rowid"), *conditions)


#: A lexeme of a tsquery as PostgreSQL prints it, quotes included.
LEXEME = re.compile(r"'(?:[^']|'')*'")
#: Each query word's lexemes (``word_lexemes``), at most ``MAX_LEXEME_WORDS`` words.
LEXEMES: dict[str, tuple[str, ...]] = {}
MAX_LEXEME_WORDS = 20_000


def word_lexemes(connection: Connection, word: str, forms: frozenset[str]) -> tuple[str, ...]:
    """The Snowball stems PostgreSQL indexes for ``forms`` of ``word``, each once: «Путин»
    has 13 forms and one stem. A tsquery that repeats a stem costs each match as many
    tests, and makes the planner expect most rows to match (a sequential scan)."""
    found = LEXEMES.get(word)
    if found is None:
        group = " | ".join(f"'{form}'" for form in sorted(forms))
        normal = connection.execute(
            text("SELECT to_tsquery('russian', :group)::text"), {"group": group}
        ).scalar_one()
        found = tuple(dict.fromkeys(LEXEME.findall(normal)))
        if len(LEXEMES) < MAX_LEXEME_WORDS:
            LEXEMES[word] = found
    return found


def prefer_indexes(connection: Connection) -> None:
    """PostgreSQL, for the rest of this transaction: no sequential scans. The planner costs
    ``tsv @@ query`` on a heap of TOAST pointers, not on the ``tsvector`` each row must
    decompress, and picks a scan that reads every one (230 ms at 30k documents) over the
    GIN index (7 ms)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL enable_seqscan = off"))
