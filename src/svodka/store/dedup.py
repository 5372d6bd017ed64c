"""Near-duplicate detection: MinHash signatures over word 5-grams, banded for lookup.

Syndicated copies of an article differ by a byline, a headline or a paragraph. Two texts
whose shingle sets have an estimated Jaccard similarity of ``NEAR`` or more are near-
duplicates. The signature is cut into ``BANDS`` bands; two texts that share a band's
hash are candidates, and only candidates are compared (datasketch's MinHash; the bands
live in the ``lsh`` table so lookups work across runs and processes).
"""

from __future__ import annotations

import hashlib

import numpy as np

from svodka.store.fts import WORD

PERMUTATIONS = 128
BANDS = 16  # 16 bands of 8 rows: pairs above ~0.7 similarity become candidates
SHINGLE = 5
NEAR = 0.8
SEED = 1


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text's word 5-grams; None for texts too short to judge."""
    words = [w.lower() for w in WORD.findall(text)]
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) < SHINGLE:
        return None
    from datasketch import MinHash  # here: importing datasketch loads scipy (~0.6 s)

    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(sorted(shingles))
    return minhash.hashvalues.astype(np.uint64).tobytes()


def bands(sig: bytes) -> list[tuple[int, str]]:
    """(band number, bucket hash) for each band of a signature."""
    size = len(sig) // BANDS
    return [
        (band, hashlib.blake2b(sig[band * size : (band + 1) * size], digest_size=8).hexdigest())
        for band in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts behind two signatures."""
    x, y = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(x == y))
