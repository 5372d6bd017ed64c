"""The tone model: features of a mention or a text, and the two logistic heads over them.

``model.npz`` (``resources/tone/``, trained by ``scripts/train_tone.py``) holds, for each
head (``mention_`` and ``text_``), ``sparse`` (buckets × 3), ``dense`` (navec features × 3)
and ``bias`` (3) weights in float16; the classes are -1, 0, 1 in that order.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import numpy as np
from navec import Navec
from razdel import tokenize

from svodka.lang.text import fold_homoglyphs
from svodka.stages.tone.features import Context, Vectors, dense, mention_indexes, text_indexes

CLASSES = (-1, 0, 1)
#: Words of a text (a quote, a sentence) the text head reads: the first ones.
TEXT_WORDS = 80


class Featurizer:
    """Turns a sentence and a span into feature buckets and a dense navec vector."""

    def __init__(self, navec: Navec) -> None:
        self.vectors = Vectors(navec)
        self.size = navec.pq.dim

    def context(self, tokens) -> Context:
        """A sentence's words, their hashes and navec rows."""
        return Context(tokens, self.vectors)

    def mention(self, ctx: Context, start, stop, kind, dims) -> tuple[list[int], np.ndarray]:
        """Sparse buckets and dense features of the mention at ``[start, stop)``."""
        first, last = ctx.locate(start, stop)
        return mention_indexes(ctx, first, last, kind, dims), dense(ctx, first, last)

    def text(self, ctx: Context, dims, lo=0, hi=None) -> tuple[list[int], np.ndarray]:
        """Sparse buckets (lemmas and bigrams) and the mean navec vector of the text of
        words ``[lo, hi)`` (all of them by default), its first ``TEXT_WORDS`` only."""
        hi = min(len(ctx) if hi is None else hi, lo + TEXT_WORDS)
        vectors = ctx.vectors[lo:hi]
        mean = vectors.mean(axis=0) if len(vectors) else np.zeros(self.size, np.float32)
        return text_indexes(ctx, lo, hi, dims), mean.astype(np.float32)

    def features_of(self, sentence, start, stop, tag, *, dims, text=False):
        """Features of one RuSentNE row (a sentence, a span and its tag), as in training."""
        ctx = self.context(list(tokenize(fold_homoglyphs(sentence))))
        if text:
            return self.text(ctx, dims)
        return self.mention(ctx, start, stop, tag, dims)


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
        unique = [np.fromiter(set(indexes), dtype=np.int64) for indexes, _ in rows]
        sizes = np.array([len(u) for u in unique])
        if sizes.sum():
            gathered = w_sparse[np.concatenate(unique)]
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            sums = np.add.reduceat(gathered, np.minimum(starts, len(gathered) - 1), axis=0)
            z += np.where(sizes[:, None] > 0, sums, 0.0)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


PARTS = ("sparse", "dense", "bias")


@cache
def load_heads() -> Heads:
    """The shipped model."""
    with files("svodka.resources").joinpath("tone/model.npz").open("rb") as handle:
        return Heads(np.load(handle))
