"""Features of an entity mention in its sentence, computable with numpy alone.

A mention is read as the words around it: each word's lemma (pymorphy3, cached), marked
``~`` when a negation («не», «нет», «ни», «без») precedes it within two words, so that
«не поддержал» and «поддержал» are different features. Two kinds of features:

- sparse: hashed strings (CRC-32 into ``dims`` buckets) — the sentence's lemmas and lemma
  bigrams, the lemmas on each side of the mention by distance, the entity type, and
  whether the mention sits inside quote marks;
- dense: navec vectors of the words, averaged left and right of the mention (the three
  nearest words) and over the sentence weighted by 1 / (1 + distance); a negated word's
  vector is flipped.

The training script (``scripts/train_tone.py``) and the stage call the same functions,
so what the model learned is what it sees. A sentence longer than ``window`` words on a
side is cut around the mention, never dropped.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from svodka.lang.morph import lemma
from svodka.lang.text import QUOTES

NEGATIONS = frozenset({"не", "нет", "ни", "без", "никак", "отнюдь"})
#: How the pipeline's entity types map onto RuSentNE's.
TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "COUNTRY"}
#: Words kept on each side of a mention: a longer sentence is cut around it.
WINDOW = 40
NEAR = 3


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a sentence: its lemma (``~``-marked when negated), its offsets."""

    start: int
    stop: int
    lemma: str
    negated: bool


def read_words(tokens: list[tuple[int, int, str]]) -> list[Word]:
    """The words of a sentence's tokens (``(start, stop, text)``), with negation marked.

    Quote marks are kept as the word ``"`` so a mention can tell it is quoted."""
    words: list[Word] = []
    since = 99
    for start, stop, text in tokens:
        low = text.lower()
        if low in QUOTES:
            words.append(Word(start, stop, '"', False))
            continue
        if not any(c.isalpha() for c in low):
            since = 99 if low in ".;:!?" else since
            continue
        base = lemma(low)
        words.append(Word(start, stop, base, since <= 2))
        since = 1 if low in NEGATIONS else since + 1
    return words


def locate(words: list[Word], start: int, stop: int) -> tuple[int, int]:
    """The word indexes ``[first, last)`` the span covers (an empty run where it falls)."""
    first = next((i for i, w in enumerate(words) if w.stop > start), len(words))
    last = next((i for i in range(first, len(words)) if words[i].start >= stop), len(words))
    return first, last


def bucket(distance: int) -> str:
    """A distance in words as a coarse bucket: 1, 2, 3 (3–5), 6 (6–10), far."""
    if distance <= 2:
        return str(distance)
    return "3" if distance <= 5 else "6" if distance <= 10 else "far"


def sparse_names(words: list[Word], first: int, last: int, kind: str) -> list[str]:
    """The sparse feature strings of the mention at words ``[first, last)``."""
    names = [f"t:{kind}"]
    lo, hi = max(0, first - WINDOW), min(len(words), last + WINDOW)
    quotes = [i for i in range(lo, hi) if words[i].lemma == '"']
    if sum(q < first for q in quotes) % 2:
        names.append("inquote")
    previous = "<s>"
    for i in range(lo, hi):
        if first <= i < last:
            previous = "<e>"
            continue
        word = words[i]
        if word.lemma == '"':
            continue
        key = "~" + word.lemma if word.negated else word.lemma
        side, distance = ("L", first - i) if i < first else ("R", i - last + 1)
        names += [f"u:{key}", f"b:{previous}_{key}", f"{side}:{key}"]
        if distance <= 10:
            names.append(f"{side}{bucket(distance)}:{key}")
            names.append(f"k:{kind}:{key}")
        previous = key
    return names


@lru_cache(maxsize=400_000)
def hashed(name: str, dims: int) -> int:
    """A feature string's bucket: CRC-32, stable across processes (``hash`` is not)."""
    return zlib.crc32(name.encode("utf-8")) % dims


def sparse_indexes(words: list[Word], first: int, last: int, kind: str, dims: int) -> list[int]:
    """The buckets of a mention's sparse features."""
    return [hashed(name, dims) for name in sparse_names(words, first, last, kind)]


def dense(
    vectors: np.ndarray, words: list[Word], first: int, last: int, *, size: int
) -> np.ndarray:
    """Navec context of a mention: left/right means of the nearest words, and the
    distance-weighted mean of the window; ``vectors`` holds one row per word (zeros for a
    word navec does not know), already flipped for negated words."""
    out = np.zeros(3 * size, dtype=np.float32)
    lo, hi = max(0, first - WINDOW), min(len(words), last + WINDOW)
    left = vectors[max(lo, first - NEAR) : first]
    right = vectors[last : min(hi, last + NEAR)]
    if len(left):
        out[:size] = left.mean(axis=0)
    if len(right):
        out[size : 2 * size] = right.mean(axis=0)
    index = np.arange(lo, hi)
    distance = np.where(index < first, first - index, np.maximum(index - last + 1, 0))
    weights = 1.0 / (1.0 + distance)
    weights[(index >= first) & (index < last)] = 0.0
    if weights.sum() > 0:
        out[2 * size :] = weights @ vectors[lo:hi] / weights.sum()
    return out


def word_vectors(words: list[Word], lookup) -> np.ndarray:
    """One navec row per word (zeros where unknown), negated words flipped; ``lookup``
    maps a lemma to a vector or None."""
    rows = []
    for word in words:
        vector = lookup(word.lemma)
        if vector is None:
            rows.append(None)
        else:
            rows.append(-vector if word.negated else vector)
    size = next((len(r) for r in rows if r is not None), 300)
    zero = np.zeros(size, dtype=np.float32)
    return np.array([zero if r is None else r for r in rows], dtype=np.float32).reshape(-1, size)
