"""What text the store can take: no NUL character (PostgreSQL refuses it in text) and no
lone surrogate (not Unicode text: it cannot be encoded to UTF-8 for either backend).

Every query of the store checks the strings it is given (``check_query``) and raises
``QueryError`` — the web layer answers 422 — rather than letting the database driver fail
with a backend-specific error; ``corpus.ingest`` rejects a record whose fields hold such
text (``unstorable``), so one bad record never sinks its batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from svodka.errors import SvodkaError

#: A character no stored text may hold: NUL, or half of a surrogate pair on its own.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class QueryError(SvodkaError, ValueError):
    """A query value the store cannot take (a NUL byte, a lone surrogate)."""


def unstorable(value: str | None) -> str | None:
    """Why ``value`` cannot be stored, or None when it can (None itself can)."""
    if value is None:
        return None
    found = UNSTORABLE.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character (U+0000)"
    return f"contains a lone surrogate (U+{ord(found.group()):04X}), which is not valid Unicode"


def problems(**fields: object) -> str | None:
    """Why a record with these fields cannot be stored — «id contains a lone surrogate
    (U+DFFF), …; text contains a NUL character (U+0000)» — or None when it can. Fields
    that are not strings are not judged here."""
    found = [
        f"{name} {reason}"
        for name, value in fields.items()
        if isinstance(value, str) and (reason := unstorable(value))
    ]
    return "; ".join(found) or None


def printable(value: str) -> str:
    """``value`` with every unstorable character written as an escape («\\udfff»), so a
    reason or a source that quotes it can itself be stored and sent as JSON."""
    return UNSTORABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def check_query(**values: str | Iterable[str] | None) -> None:
    """Raise ``QueryError`` naming the first value (a string, or strings) that the store
    cannot take; ``check_query(query=q, entity=name)``."""
    for name, value in values.items():
        strings = [value] if value is None or isinstance(value, str) else list(value)
        for string in strings:
            reason = unstorable(string)
            if reason:
                raise QueryError(f"{name} {reason}")
