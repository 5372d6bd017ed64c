"""Options for building a pipeline, in one keyword-only object."""

from __future__ import annotations

from dataclasses import dataclass

#: The corpus store when no --db is given: SQLite in the working directory.
DEFAULT_DB = "svodka.db"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """How the pipeline runs. Every field has a default that suits a laptop CPU.

    ``batch_size`` is how many sentence chunks the NER model sees at once: 64 keeps the
    padded batch small (chunks are sorted by length first) and measured fastest on 2 cores.
    ``chunk_tokens`` bounds a chunk so a 10 MB article never builds one huge tensor.
    ``kb`` is a knowledge base built by ``svodka kb import``; with it, entities get
    Wikidata ids. ``events`` is how many events an article keeps, its most salient ones
    (the annotation guide's «main events», 1–4); 0 keeps every event found.
    ``cache_words`` bounds each per-word cache (parses, lemmas, token features: see
    :mod:`svodka.lang.caches`); they are most of a long run's memory growth. 20,000 words
    keep one process over the 3,075 RuCoCo articles under 450 MB, 3 % slower than 50,000.
    ``trim_memory`` gives the C heap's free pages back to the system after each batch
    (:mod:`svodka.memory`; ≈40 MB less at the peak of a long run).
    ``gc_thresholds`` are the process's cyclic garbage collector thresholds once a pipeline
    is built (``gc.set_threshold``; None leaves them alone): a young generation of 100k
    objects and rare full collections. The stages make millions of short-lived objects
    that reference counting frees, and the word caches hold millions of long-lived ones
    that every full collection walks; with Python's default (700, 10, 10) the collector
    took ~18 % of the analysis (500 RuCoCo articles: 12.1 s → 9.8 s).
    ``overlap`` runs the stages up to the NER network one batch ahead, in a thread of
    their own, while the rest finish the batch before (:meth:`Pipeline.analyze_batches`):
    the network's matrix products release the GIL, so a second core works on them. It
    holds numpy's BLAS to one thread for the process, as the two threads already keep
    two cores busy.
    ``part_chars`` bounds what is analyzed at once: a longer text is cut into parts at
    paragraph ends, analyzed part by part and joined (:mod:`svodka.parts`), so memory and
    time follow the part, not the text.
    ``batch_chars`` bounds a batch's text as ``docs_per_batch`` bounds its records: 32 news
    articles are ~60,000 characters, 32 parts of a huge text 3.2 million, and two batches
    are in flight at once (``overlap``). A record longer than this is a batch of its own.
    """

    batch_size: int = 64
    chunk_tokens: int = 200
    docs_per_batch: int = 32
    batch_chars: int = 200_000
    kb: str | None = None
    events: int = 5
    cache_words: int = 20_000
    gc_thresholds: tuple[int, int, int] | None = (100_000, 50, 100)
    overlap: bool = True
    part_chars: int = 100_000
    trim_memory: bool = True
