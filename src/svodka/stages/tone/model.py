"""The tone model: features of a mention or a text, and the two logistic heads over them.

``model.npz`` (``resources/tone/``, trained by ``scripts/train_tone.py``) holds, for each
head (``mention_`` and ``text_``), ``sparse`` (buckets × 3), ``dense`` (navec features × 3)
and ``bias`` (3) weights in float16; the classes are -1, 0, 1 in that order.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from itertools import pairwise

import numpy as np
from natasha.data import NEWS_EMBEDDING
from navec import Navec
from razdel import tokenize

from svodka.lang.text import fold_homoglyphs
from svodka.stages.tone.features import (
    WINDOW,
    Word,
    dense,
    hashed,
    locate,
    read_words,
    sparse_indexes,
    word_vectors,
)

CLASSES = (-1, 0, 1)
#: Words of a text (a quote, a sentence) the text head reads: the first ones.
TEXT_WORDS = 2 * WINDOW


@cache
def load_navec() -> Navec:
    """The navec news embeddings natasha ships (the ones the NER model reads)."""
    return Navec.load(NEWS_EMBEDDING)


class Featurizer:
    """Turns a sentence and a span into feature buckets and a dense navec vector."""

    def __init__(self, navec: Navec) -> None:
        self.navec = navec
        self.size = navec.pq.dim
        self.cache: dict[str, np.ndarray | None] = {}

    def lookup(self, word: str) -> np.ndarray | None:
        """A word's navec vector (cached), or None when navec does not know it."""
        if word not in self.cache:
            if len(self.cache) > 200_000:
                self.cache.clear()
            self.cache[word] = self.navec.get(word)
        return self.cache[word]

    def words(self, tokens: list[tuple[int, int, str]]) -> tuple[list[Word], np.ndarray]:
        """A sentence's words and their navec rows."""
        words = read_words(tokens)
        return words, word_vectors(words, self.lookup)

    def mention(self, words, vectors, start, stop, kind, dims) -> tuple[list[int], np.ndarray]:
        """Sparse buckets and dense features of the mention at ``[start, stop)``."""
        first, last = locate(words, start, stop)
        indexes = sparse_indexes(words, first, last, kind, dims)
        return indexes, dense(vectors, words, first, last, size=self.size)

    def text(self, words, vectors, dims) -> tuple[list[int], np.ndarray]:
        """Sparse buckets (lemmas and bigrams) and the mean navec vector of a text."""
        words, vectors = words[:TEXT_WORDS], vectors[:TEXT_WORDS]
        keys = [("~" + w.lemma if w.negated else w.lemma) for w in words if w.lemma != '"']
        names = [f"u:{k}" for k in keys] + [f"b:{a}_{b}" for a, b in pairwise(keys)]
        mean = vectors.mean(axis=0) if len(vectors) else np.zeros(self.size, np.float32)
        return [hashed(n, dims) for n in names], mean.astype(np.float32)

    def features_of(self, sentence, start, stop, tag, *, dims, text=False):
        """Features of one RuSentNE row (a sentence, a span and its tag), as in training."""
        tokens = [(t.start, t.stop, t.text) for t in tokenize(fold_homoglyphs(sentence))]
        words, vectors = self.words(tokens)
        if text:
            return self.text(words, vectors, dims)
        return self.mention(words, vectors, start, stop, tag, dims)


class Heads:
    """The two trained heads, as float32 arrays."""

    def __init__(self, arrays) -> None:
        self.dims = int(arrays["dims"])
        self.weights = {
            head: tuple(arrays[f"{head}_{part}"].astype(np.float32) for part in PARTS)
            for head in ("mention", "text")
        }

    def probabilities(self, head: str, rows: list[tuple[list[int], np.ndarray]]) -> np.ndarray:
        """Class probabilities (-1, 0, 1) for each row of features."""
        if not rows:
            return np.zeros((0, 3), dtype=np.float32)
        w_sparse, w_dense, bias = self.weights[head]
        z = np.stack([v for _, v in rows]) @ w_dense + bias
        for i, (indexes, _) in enumerate(rows):
            if indexes:
                z[i] += w_sparse[np.unique(indexes)].sum(axis=0)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


PARTS = ("sparse", "dense", "bias")


@cache
def load_heads() -> Heads:
    """The shipped model."""
    with files("svodka.resources").joinpath("tone/model.npz").open("rb") as handle:
        return Heads(np.load(handle))
