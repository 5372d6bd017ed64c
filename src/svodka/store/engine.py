"""How the store talks to its database: the engine, and write transactions that take the
store's one writer lock, retried when the database is busy.

Many writers may share a store: ``svodka ingest`` runs, ``POST /api/v1/documents``, a
second ingest. A write transaction reads what it must not duplicate (text hashes, ids,
entity keys, the next insertion number) and then writes, so writers must take turns:

- SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock before the first read (a
  deferred transaction would read, then fail to upgrade to a writer). A busy writer is
  waited for up to ``BUSY_SECONDS``. Readers (WAL) are never blocked.
- PostgreSQL: a transaction-level advisory lock (``WRITER_LOCK``), released at commit
  or rollback. Readers are never blocked.

``retrying`` runs a whole write transaction again when it still fails for a reason that
passes (the lock not had in time, a serialization failure): a batch is never lost to a
busy database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Dialect,
    Engine,
    LargeBinary,
    Table,
    create_engine,
    event,
    text,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

log = logging.getLogger("svodka.store")
T = TypeVar("T")

#: The execution option that marks a connection's transaction as a write transaction.
WRITE = "svodka_write"
#: How long a SQLite writer waits for another to finish before the attempt fails.
BUSY_SECONDS = 30.0
#: Attempts of one write transaction before its error is raised.
ATTEMPTS = 6
#: The PostgreSQL advisory lock every writer of a store takes («svodka» in ASCII).
WRITER_LOCK = 0x73766F646B61
#: SQLSTATEs of PostgreSQL errors that pass: serialization failure, deadlock, lock timeout.
TRANSIENT_STATES = {"40001", "40P01", "55P03"}


def open_engine(url: str, **options: Any) -> Engine:
    """An engine for the SQLAlchemy ``url``; SQLite connections tuned (``tune_sqlite``) and
    their transactions begun by svodka (``begin_sqlite``)."""
    if not url.startswith("sqlite"):
        return create_engine(url, **options)
    options.setdefault("connect_args", {}).setdefault("timeout", BUSY_SECONDS)
    engine = create_engine(url, **options)
    event.listen(engine, "connect", tune_sqlite)
    event.listen(engine, "begin", begin_sqlite)
    return engine


def tune_sqlite(dbapi_connection, _record) -> None:
    """WAL: readers never block the writer, and a killed writer leaves a consistent file.
    The driver's own transaction handling is turned off: ``begin_sqlite`` begins them."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def begin_sqlite(connection: Connection) -> None:
    """``BEGIN IMMEDIATE`` for a write transaction (the write lock first), else ``BEGIN``:
    a read transaction, one consistent snapshot for all its queries."""
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's writer lock from its start: committed when the
    block ends, rolled back when it raises."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            yield connection


def retrying(write: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """``write()`` (a whole transaction), run again after a pause while it fails for a
    reason that passes; any other error, or the last attempt's, is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return write()
        except DBAPIError as error:
            if attempt == attempts or not transient(error):
                raise
            log.warning("store busy (%s); attempt %d of %d", error.orig, attempt, attempts)
            time.sleep(min(0.1 * 2**attempt, 5.0))
    raise AssertionError("unreachable")


def transient(error: DBAPIError) -> bool:
    """Whether a database error may pass when the transaction runs again: SQLite busy or
    locked, a PostgreSQL serialization failure, deadlock or lock timeout, or a uniqueness
    conflict with a writer that did not hold the lock (an older svodka)."""
    if isinstance(error, IntegrityError):
        return "UNIQUE" in str(error.orig) or getattr(error.orig, "sqlstate", None) == "23505"
    if isinstance(error, OperationalError):
        message = str(error.orig).lower()
        if "locked" in message or "busy" in message:
            return True
    return getattr(error.orig, "sqlstate", None) in TRANSIENT_STATES


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` with one ``executemany`` through the driver: what Core's
    ``table.insert()`` writes, without its per-row parameter processing (~10 % of an
    ingest's writing time in the parent). A missing key is NULL. Tables with a column whose values
    need Core's processing (timestamps, binary) go through Core."""
    if not rows:
        return
    columns = list(table.columns)
    if any(isinstance(c.type, DateTime | LargeBinary) for c in columns):
        connection.execute(table.insert(), rows)
        return
    as_text = connection.dialect.name == "sqlite"  # Core keeps a date as ISO text there
    dates = {c.name for c in columns if as_text and isinstance(c.type, Date)}
    names = [c.name for c in columns]
    values = [tuple([row.get(name) for name in names]) for row in rows]
    if dates:
        values = [
            tuple(iso(v) if name in dates else v for name, v in zip(names, row, strict=True))
            for row in values
        ]
    connection.exec_driver_sql(insert_sql(connection.dialect, table), values)


def iso(day: date | None) -> str | None:
    """A date as ISO text; None stays None."""
    return None if day is None else day.isoformat()


def insert_sql(dialect: Dialect, table: Table) -> str:
    """«INSERT INTO t ("a", "b") VALUES (?, ?)» in the driver's own parameter style."""
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join([mark] * len(table.columns))
    return f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
