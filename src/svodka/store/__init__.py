"""The corpus store: one interface (``Store``) over SQLite and PostgreSQL."""

from svodka.store.store import DEFAULT_DB, AddCounts, Prepared, Store, prepare, text_hash

__all__ = ["DEFAULT_DB", "AddCounts", "Prepared", "Store", "prepare", "text_hash"]
