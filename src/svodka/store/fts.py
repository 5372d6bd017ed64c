"""Full-text search with Russian morphology: the one part of the store that differs by backend.

- SQLite: an FTS5 table over the *lemmatized* text, one lemma per word of the original in
  the same order, so «Токаева» and «Токаев» are the same token and a match's position maps
  back to the original word for highlighting.
- PostgreSQL: a ``tsvector`` of the original text with the ``russian`` configuration
  (Snowball stems) and a GIN index; ``ts_headline`` highlights.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

from svodka.morph import lemma

#: A word as search sees it: letters and digits, inner hyphens kept («Касым-Жомарт»).
WORD = re.compile(r"\w+(?:-\w+)*")


def lemma_text(text_: str) -> str:
    """One lemma per word, in order: «Токаева встретили» → «токаев встретить»."""
    return " ".join(lemma(word).replace("ё", "е") for word in WORD.findall(text_))


def create(connection: Connection) -> None:
    """The full-text table and index for this backend."""
    if connection.dialect.name == "sqlite":
        connection.execute(
            text(
                "CREATE VIRTUAL TABLE fts USING fts5(doc_id UNINDEXED, body, "
                "tokenize = \"unicode61 remove_diacritics 0 tokenchars '-'\")"
            )
        )
    else:
        connection.execute(
            text(
                "CREATE TABLE fts (doc_id TEXT PRIMARY KEY REFERENCES documents(id), "
                "tsv tsvector NOT NULL)"
            )
        )
        connection.execute(text("CREATE INDEX fts_tsv ON fts USING GIN (tsv)"))


def add(connection: Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    """Index documents given as (id, original text, lemma text)."""
    rows = list(rows)
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        connection.execute(
            text("INSERT INTO fts (doc_id, body) VALUES (:id, :lemmas)"),
            [{"id": id_, "lemmas": lemmas} for id_, _, lemmas in rows],
        )
    else:
        connection.execute(
            text("INSERT INTO fts (doc_id, tsv) VALUES (:id, to_tsvector('russian', :body))"),
            [{"id": id_, "body": body} for id_, body, _ in rows],
        )


def remove(connection: Connection, doc_ids: list[str]) -> None:
    """Drop documents from the index (before they are analyzed again)."""
    for id_ in doc_ids:
        connection.execute(text("DELETE FROM fts WHERE doc_id = :id"), {"id": id_})
