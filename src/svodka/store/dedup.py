"""Near-duplicate detection: MinHash signatures over word 5-grams, banded for lookup.

Syndicated copies of an article differ by a byline, a headline or a paragraph. Two texts
whose shingle sets have an estimated Jaccard similarity of ``NEAR`` or more are near-
duplicates. The signature is cut into ``BANDS`` bands; two texts that share a band's
hash are candidates, and only candidates are compared (datasketch's MinHash; the bands
live in the ``lsh`` table so lookups work across runs and processes).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select, tuple_

from svodka.store.fts import WORD
from svodka.store.schema import documents, in_chunks, lsh

PERMUTATIONS = 128
BANDS = 16  # 16 bands of 8 rows: pairs above ~0.7 similarity become candidates
SHINGLE = 5
NEAR = 0.8
SEED = 1
LATER = 10**15  # orders a batch's documents after every stored one

#: doc id → (signature, duplicate_of, seq) of the documents a batch is compared with.
Known = dict[str, tuple[bytes, str | None, int]]


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text's word 5-grams; None for texts too short to judge."""
    words = [w.lower() for w in WORD.findall(text)]
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) < SHINGLE:
        return None
    # here, not at the top: datasketch loads scipy (~0.6 s) and numpy, which reading a
    # store never needs (``import svodka.store`` stays light)
    import numpy as np
    from datasketch import MinHash

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
    """Estimated Jaccard similarity of the two texts behind two signatures: the share of
    their 64-bit hash values that are equal."""
    x, y = memoryview(a).cast("Q"), memoryview(b).cast("Q")
    return sum(p == q for p, q in zip(x, y, strict=True)) / len(x)


def find_originals(
    connection: Connection, signatures: list[bytes | None], ids: list[str]
) -> list[str | None]:
    """For each document of a batch (its signature and id), the earliest document, stored
    or earlier in the batch, it nearly duplicates, or None. Candidates share an LSH band;
    the signatures decide."""
    stored = stored_buckets(connection, signatures)
    known = candidate_signatures(connection, sorted({d for ds in stored.values() for d in ds}))
    batch: dict[tuple[int, str], list[str]] = {}
    originals: list[str | None] = []
    for position, (sig, doc_id) in enumerate(zip(signatures, ids, strict=True)):
        if sig is None:
            originals.append(None)
            continue
        pairs = bands(sig)
        names = {d for pair in pairs for d in stored.get(pair, []) + batch.get(pair, [])}
        original = earliest_near(sig, names, known)
        for pair in pairs:
            batch.setdefault(pair, []).append(doc_id)
        known[doc_id] = (sig, original, LATER + position)  # after every stored one
        originals.append(original)
    return originals


def earliest_near(sig: bytes, candidates: set[str], known: Known) -> str | None:
    """The original of the earliest candidate the signature nearly matches (itself when it
    is an original), or None."""
    near = [d for d in candidates if similarity(sig, known[d][0]) >= NEAR]
    if not near:
        return None
    earliest = min(near, key=lambda d: known[d][2])
    return known[earliest][1] or earliest


def stored_buckets(
    connection: Connection, signatures: list[bytes | None]
) -> dict[tuple[int, str], list[str]]:
    """(band, bucket) → stored documents in it, for every band of these signatures."""
    keys = {pair for sig in signatures if sig for pair in bands(sig)}
    stored: dict[tuple[int, str], list[str]] = {}
    for chunk in in_chunks(sorted(keys), 200):
        rows = connection.execute(
            select(lsh.c.band, lsh.c.bucket, lsh.c.doc_id).where(
                tuple_(lsh.c.band, lsh.c.bucket).in_(chunk)
            )
        )
        for band, bucket, doc_id in rows:
            stored.setdefault((band, bucket), []).append(doc_id)
    return stored


def candidate_signatures(connection: Connection, doc_ids: list[str]) -> Known:
    """doc id → (signature, duplicate_of, seq) of stored documents."""
    found = {}
    for chunk in in_chunks(doc_ids):
        rows = connection.execute(
            select(
                documents.c.id, documents.c.minhash, documents.c.duplicate_of, documents.c.seq
            ).where(documents.c.id.in_(chunk))
        )
        for doc_id, minhash, original, seq in rows:
            if minhash:
                found[doc_id] = (minhash, original, seq)
    return found
