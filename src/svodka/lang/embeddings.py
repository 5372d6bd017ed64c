"""The navec news embeddings natasha ships, loaded once per process.

The NER model (slovnet) and the tone model both read these vectors: loading them twice
cost ~90 MB of memory and half a second. Imported only by the stages that need them, so
``import svodka.store`` stays free of models.
"""

from __future__ import annotations

from functools import cache

from natasha.data import NEWS_EMBEDDING
from navec import Navec


@cache
def load_navec() -> Navec:
    """The one shared :class:`navec.Navec` of natasha's news embeddings, without the word
    counts nothing here reads (250k numbers, ~9 MB)."""
    navec = Navec.load(NEWS_EMBEDDING)
    navec.vocab.counts = []
    return navec


__all__ = ["load_navec"]
