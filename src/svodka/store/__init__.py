"""The corpus store: one interface (``Store``) over SQLite and PostgreSQL.

Writing: ``store.py`` (the ``Store`` class, its transactions), ``rows.py`` (a document as
rows), ``dedup.py`` (near-duplicates), ``fts.py`` (the full-text index), ``schema.py``.
Reading: ``search.py``, ``entities.py``, ``profile.py``, ``quotes.py``, ``browse.py``,
``graph.py``, ``stats.py``, ``export.py``; each takes a ``Store``.

Importing it loads no analysis model: the morphology search needs is imported on use.
"""

from svodka.store.rows import Prepared, prepare, text_hash
from svodka.store.store import DEFAULT_DB, AddCounts, Store

__all__ = ["DEFAULT_DB", "AddCounts", "Prepared", "Store", "prepare", "text_hash"]
