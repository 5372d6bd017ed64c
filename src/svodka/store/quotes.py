"""Quotes in a store: who said what, and about whom, latest first (near-duplicates left out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, exists, func, or_, select

from svodka.store.checks import check_query
from svodka.store.entities import resolve_keys
from svodka.store.schema import documents, mentions
from svodka.store.schema import quotes as quotes_table
from svodka.store.store import Store


@dataclass(frozen=True, slots=True)
class QuoteRow:
    doc_id: str
    published: date | None
    text: str
    kind: str
    speaker_key: str | None
    speaker_name: str | None
    cue: str | None


def quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    limit: int = 50,
    *,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes, latest first. ``speaker``: said by that entity (a name or key), or by a
    speaker described so («эксперты»). ``about``: a mention of that entity lies inside the
    quoted words — the coreference stage's mentions, so «Его» does not count but «Токаева»
    and «президент Казахстана», when linked, do. From the ``offset``-th on."""
    check_query(speaker=speaker, about=about)
    with store.engine.connect() as connection:
        conditions = quote_conditions(connection, speaker, about)
        return latest_quotes(connection, conditions, limit, offset)


def quote_page(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    limit: int = 50,
    *,
    offset: int = 0,
) -> tuple[int, list[QuoteRow]]:
    """How many quotes ``quotes`` pages through, and the page: the conditions resolved
    once for both."""
    check_query(speaker=speaker, about=about)
    with store.engine.connect() as connection:
        conditions = quote_conditions(connection, speaker, about)
        total = (
            select(func.count())
            .select_from(quotes_table)
            .join(documents, documents.c.id == quotes_table.c.doc_id)
            .where(documents.c.duplicate_of.is_(None), *conditions)
        )
        count = connection.execute(total).scalar_one()
        return count, latest_quotes(connection, conditions, limit, offset)


def quote_conditions(
    connection: Connection, speaker: str | None, about: str | None
) -> list[ColumnElement]:
    """The conditions ``speaker`` and ``about`` put on quotes."""
    conditions: list[ColumnElement] = []
    if speaker is not None:
        conditions.append(said_by(connection, speaker))
    if about is not None:
        conditions.append(mentioning(connection, about))
    return conditions


def said_by(connection: Connection, speaker: str) -> ColumnElement:
    """Quotes whose speaker is the entity ``speaker`` names, or is described so."""
    said = speaker.strip()
    spellings = {said, said.lower(), said.capitalize()}
    return or_(
        quotes_table.c.speaker_key.in_(resolve_keys(connection, speaker)),
        quotes_table.c.speaker_name.in_(sorted(spellings)),
    )


def mentioning(connection: Connection, about: str) -> ColumnElement:
    """Quotes whose words hold a mention of the entity ``about`` names."""
    return exists().where(
        mentions.c.doc_id == quotes_table.c.doc_id,
        mentions.c.key.in_(resolve_keys(connection, about)),
        mentions.c.start >= quotes_table.c.start,
        mentions.c.stop <= quotes_table.c.stop,
    )


def latest_quotes(
    connection: Connection, conditions: list[ColumnElement], limit: int, offset: int = 0
) -> list[QuoteRow]:
    """The latest ``limit`` quotes that meet the conditions, in documents that are not
    near-duplicates, from the ``offset``-th on."""
    q = quotes_table
    query = (
        select(
            q.c.doc_id,
            documents.c.published,
            q.c.text,
            q.c.kind,
            q.c.speaker_key,
            q.c.speaker_name,
            q.c.cue,
        )
        .join(documents, documents.c.id == q.c.doc_id)
        .where(documents.c.duplicate_of.is_(None), *conditions)
        .order_by(documents.c.published.desc().nulls_last(), q.c.doc_id, q.c.start)
        .limit(limit)
        .offset(offset)
    )
    return [QuoteRow(*row) for row in connection.execute(query)]
