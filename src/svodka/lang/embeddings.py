"""The navec news embeddings natasha ships, loaded once per process.

The NER model (slovnet) and the tone model both read these vectors: loading them twice
cost ~90 MB of memory and half a second. Imported only by the stages that need them, so
``import svodka.store`` stays free of models.

navec keeps its 250k words as a list and a dict of them (~31 MB of Python strings); here
they live in one marisa trie (~3 MB) with the row of each word beside it, read through
:class:`WordIds` and :class:`WordList`, which answer as the dict and the list did.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Sequence
from functools import cache

import marisa_trie
import numpy as np
from natasha.data import NEWS_EMBEDDING
from navec import Navec


@cache
def load_navec() -> Navec:
    """The one shared :class:`navec.Navec` of natasha's news embeddings, its words in a
    trie and without the word counts nothing here reads (250k numbers, ~9 MB)."""
    navec = Navec.load(NEWS_EMBEDDING)
    vocab = navec.vocab
    vocab.counts = []
    vocab.word_ids = WordIds(vocab.words)
    vocab.words = WordList(vocab.word_ids)
    return navec


def digest(words: Iterable[str]) -> bytes:
    """A fingerprint of a word list, in order: two vocabularies with one digest are one."""
    joined = "\n".join(words).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=16).digest()


class WordIds:
    """Word → its row in navec, as navec's dict: ``get``, ``[]``, ``in`` and ``len``."""

    def __init__(self, words: Sequence[str]) -> None:
        self.trie = marisa_trie.Trie(words)
        if len(self.trie) != len(words):
            raise ValueError("navec's word list repeats a word")
        keys = np.fromiter((self.trie.key_id(w) for w in words), np.int32, len(words))
        rows = np.empty(len(words), dtype=np.int32)
        rows[keys] = np.arange(len(words), dtype=np.int32)
        # array.array: indexing one gives a Python int at a third of numpy's cost
        self.rows = array("i", rows.tobytes())  # trie key id → row
        self.keys = array("i", keys.tobytes())  # row → trie key id
        self.digest = digest(words)

    def get(self, word: str, default: int | None = None) -> int | None:
        """The word's row, or ``default``."""
        key = self.trie.get(word)
        return default if key is None else self.rows[key]

    def __getitem__(self, word: str) -> int:
        return self.rows[self.trie[word]]

    def __contains__(self, word: object) -> bool:
        return word in self.trie

    def __len__(self) -> int:
        return len(self.rows)


class WordList(Sequence[str]):
    """Row → word, as navec's list."""

    def __init__(self, ids: WordIds) -> None:
        self.ids = ids

    def __getitem__(self, row):  # an int or a slice, as a list takes
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        return self.ids.trie.restore_key(self.ids.keys[row])

    def __len__(self) -> int:
        return len(self.ids)


__all__ = ["WordIds", "WordList", "digest", "load_navec"]
