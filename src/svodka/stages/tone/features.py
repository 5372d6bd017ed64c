"""Features of an entity mention in its sentence, computable with numpy alone.

A mention is read as the words around it: each word's lemma (pymorphy3, cached), marked
``~`` when a negation («не», «нет», «ни», «без») precedes it within two words, so that
«не поддержал» and «поддержал» are different features. Two kinds of features:

- sparse: hashed buckets — the window's lemmas (``u``) and lemma bigrams (``b``), the
  lemmas on each side of the mention (``L``, ``R``) and, within ten words, by distance
  (1, 2, 3–5, 6–10) and with the entity type (``k``); the entity type (``t``), and
  whether the mention sits inside quote marks;
- dense: navec vectors of the words, averaged left and right of the mention (the three
  nearest words) and over the window weighted by 1 / (1 + distance); a negated word's
  vector is flipped.

A word's lemma is hashed once per sentence (CRC-32, stable across processes); a feature's
bucket is that hash mixed with its kind's, so a sentence's words serve all its mentions.
The training script (``scripts/train_tone.py``) and the stage call the same functions,
so what the model learned is what it sees. A sentence longer than ``WINDOW`` words on a
side of the mention is cut around it, never dropped.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np

from svodka.lang.caches import word_cache
from svodka.lang.morph import lemma
from svodka.lang.text import QUOTES

NEGATIONS = frozenset({"не", "нет", "ни", "без", "никак", "отнюдь"})
#: How the pipeline's entity types map onto RuSentNE's.
TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "COUNTRY"}
#: Words kept on each side of a mention: a longer sentence is cut around it.
WINDOW = 40
#: Words on each side averaged into the left and right vectors; words with distance
#: features.
NEAR, CLOSE = 3, 10
LETTER = re.compile(r"[^\W\d_]")
MASK, MIX = 0xFFFFFFFF, 0x9E3779B1


#: What a token is: skipped, a sentence end (resets negation), a quote mark, a word.
SKIP, END, QUOTE, WORD = range(4)


def crc(text: str) -> int:
    """CRC-32 of a string: stable across processes (``hash`` is not)."""
    return zlib.crc32(text.encode("utf-8"))


@word_cache(0.5)
def read_token(text: str) -> tuple[int, str, int, int, bool]:
    """A token as the model reads it: its kind, lemma, the lemma's hash and the negated
    lemma's («~лемма»), and whether it is a negation. Cached: news repeats its words."""
    low = text.lower()
    if low in QUOTES:
        return QUOTE, '"', crc('"'), crc('"'), False
    if not LETTER.search(low):
        return (END if low in ".;:!?" else SKIP), "", 0, 0, False
    base = lemma(low)
    return WORD, base, crc(base), crc("~" + base), low in NEGATIONS


class Context:
    """A sentence's words (quote marks kept as ``"``, so a mention can tell it is
    quoted): offsets, lemmas, negation (a negation within the two words before), hashes,
    the previous word's hash for bigrams, and navec rows. Its mentions share it."""

    def __init__(self, tokens, vectors: Vectors) -> None:
        """``tokens`` have ``start``, ``stop`` and ``text`` (svodka's or razdel's)."""
        self.starts: list[int] = []
        self.stops: list[int] = []
        self.lemmas: list[str] = []
        self.quote: list[bool] = []
        negated, hashes, previous = [], [], []
        since, last = 99, crc("<s>")
        for token in tokens:
            kind, base, plain, flipped, negation = read_token(token.text)
            if kind < QUOTE:
                since = 99 if kind == END else since
                continue
            self.starts.append(token.start)
            self.stops.append(token.stop)
            self.lemmas.append(base)
            self.quote.append(kind == QUOTE)
            previous.append(last)
            negative = kind == WORD and since <= 2
            negated.append(negative)
            hashes.append(flipped if negative else plain)
            if kind == WORD:
                last = hashes[-1]
                since = 1 if negation else since + 1
        self.hash, self.previous = hashes, previous
        self.vectors = vectors.rows(self.lemmas, np.array(negated, dtype=bool))

    def __len__(self) -> int:
        return len(self.lemmas)

    def locate(self, start: int, stop: int) -> tuple[int, int]:
        """The word indexes ``[first, last)`` the span covers (an empty run where it
        falls)."""
        first = bisect_right(self.stops, start)
        return first, bisect_left(self.starts, stop, lo=first)


@lru_cache(maxsize=1)
def kinds() -> dict[str, int]:
    """The hash of each feature kind; ``L1``…``L10``, ``R1``… by distance bucket."""
    table = {name: crc(name) for name in ("u", "b", "L", "R", "<s>", "<e>", "inquote")}
    for side in "LR":
        for distance in range(1, CLOSE + 1):
            bucket = distance if distance <= 2 else 3 if distance <= 5 else 6
            table[f"{side}{distance}"] = crc(f"{side}{bucket}")
    return table


def mention_indexes(ctx: Context, first: int, last: int, kind: str, dims: int) -> list[int]:
    """The buckets of the sparse features of the mention at words ``[first, last)``: plain
    integer work, a mention's window being a few dozen words."""
    k = kinds()
    lo, hi = max(0, first - WINDOW), min(len(ctx), last + WINDOW)
    out = [crc(f"t:{kind}")]
    if sum(ctx.quote[lo:first]) % 2:
        out.append(k["inquote"])
    typed = crc(f"k:{kind}")
    for side, words, marker in (
        ("L", range(lo, first), k["<s>"] if lo > 0 else None),
        ("R", range(last, hi), k["<e>"] if last > first else None),
    ):
        for i in words:
            if ctx.quote[i]:
                continue
            h = ctx.hash[i]
            p, marker = (ctx.previous[i] if marker is None else marker), None
            out += [h ^ k["u"], ((p * MIX) & MASK) ^ h ^ k["b"], h ^ k[side]]
            distance = first - i if side == "L" else i - last + 1
            if distance <= CLOSE:
                out += [h ^ k[f"{side}{distance}"], h ^ typed]
    return [v % dims for v in out]


def text_indexes(ctx: Context, lo: int, hi: int, dims: int) -> list[int]:
    """The buckets of the lemmas and bigrams of words ``[lo, hi)``."""
    k = kinds()
    chosen = [i for i in range(lo, hi) if not ctx.quote[i]]
    out = [ctx.hash[i] ^ k["u"] for i in chosen]
    out += [((ctx.previous[i] * MIX) & MASK) ^ ctx.hash[i] ^ k["b"] for i in chosen[1:]]
    return [v % dims for v in out]


#: 1 / (1 + distance), the weight of a word in the window's mean.
CLOSENESS = 1.0 / (1.0 + np.arange(2 * WINDOW + 2, dtype=np.float32))


def dense(ctx: Context, first: int, last: int) -> np.ndarray:
    """Navec context of a mention: left/right means of the nearest words, and the
    distance-weighted mean of the window (zeros for unknown words and quote marks)."""
    vectors = ctx.vectors
    size = vectors.shape[1]
    lo, hi = max(0, first - WINDOW), min(len(ctx), last + WINDOW)
    out = np.zeros(3 * size, dtype=np.float32)
    near_lo, near_hi = max(lo, first - NEAR), min(hi, last + NEAR)
    if first > lo:  # a sum over a count is the mean, without ``mean``'s overhead
        out[:size] = vectors[near_lo:first].sum(axis=0) / (first - near_lo)
    if hi > last:
        out[size : 2 * size] = vectors[last:near_hi].sum(axis=0) / (near_hi - last)
    left, right = CLOSENESS[first - lo : 0 : -1], CLOSENESS[1 : hi - last + 1]
    total = float(left.sum() + right.sum())
    if total > 0:
        out[2 * size :] = (left @ vectors[lo:first] + right @ vectors[last:hi]) / total
    return out


class Vectors:
    """navec's product-quantized vectors, decoded many words at a time: a word's row is
    its ``qdim`` codes' centroids side by side."""

    def __init__(self, navec) -> None:
        pq = navec.pq
        self.ids, self.indexes, self.size = navec.vocab.word_ids, pq.indexes, pq.dim
        self.centroids = pq.codes.reshape(-1, pq.codes.shape[-1])
        self.offsets = (np.arange(pq.qdim) * pq.codes.shape[1]).astype(np.int64)

    def rows(self, lemmas: list[str], negated: np.ndarray) -> np.ndarray:
        """One row per word (zeros where navec does not know the lemma), negated words
        flipped."""
        out = np.zeros((len(lemmas), self.size), dtype=np.float32)
        found = np.array([self.ids.get(b, -1) for b in lemmas], dtype=np.int64)
        known = np.flatnonzero(found >= 0)
        if len(known):
            codes = self.indexes[found[known]] + self.offsets
            out[known] = np.take(self.centroids, codes, axis=0).reshape(len(known), self.size)
            out[negated] *= -1.0
        return out
