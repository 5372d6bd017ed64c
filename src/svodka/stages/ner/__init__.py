"""NER: PER/ORG/LOC mentions from the slovnet news model, then document-level fixes.

The model (a CNN-CRF over navec embeddings, shipped inside the ``natasha`` package) tags
each token. We run it on sentence chunks of at most ``Config.chunk_tokens`` tokens, sorted
by length and batched across documents, so padding is small and a 10 MB article never
builds one huge tensor; the network runs through :mod:`.encoder`, twice as fast as
slovnet's own numpy code with the same tags. The raw spans then go through
:mod:`svodka.stages.ner.rules`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from natasha.data import NEWS_NER
from slovnet import NER
from slovnet.shape import word_shape

from svodka.config import Config
from svodka.doc import Document, Span, Token
from svodka.lang.embeddings import digest, load_navec
from svodka.stages.ner.encoder import Encoder, viterbi
from svodka.stages.ner.rules import Rules, correct_spans, load_rules

REQUIRES = ("tokens", "sentences")
PROVIDES = ("spans",)
#: The network's matrix products run outside the GIL: the pipeline may run this stage on
#: the next batch in a thread while the later stages finish this one.
RELEASES_GIL = True


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of whole sentences of one document, as token indexes ``[first, last)``."""

    doc: int
    first: int
    last: int


@dataclass(slots=True)
class Resources:
    model: NER
    rules: Rules
    config: Config
    encoder: Encoder
    encode_word: Callable[[str], tuple[int, int]]


def load(config: Config) -> Resources:
    """Load the slovnet NER model with its navec embeddings, and the rule data."""
    model = NER.load(NEWS_NER, batch_size=config.batch_size)
    navec = load_navec()  # shared with the tone stage
    model.navec(navec)
    share_words(model.infer.encoder.words_vocab, navec.vocab)
    encoder = Encoder(model.infer.model)
    encode = lru_cache(maxsize=config.cache_words)(partial(encode_word, model.infer.encoder))
    return Resources(
        model=model, rules=load_rules(), config=config, encoder=encoder, encode_word=encode
    )


def share_words(vocab, embedding_vocab) -> None:
    """slovnet's word vocabulary is navec's word list again (250k words and their index,
    ~45 MB): when the two are equal, keep navec's one, held in a trie."""
    if digest(vocab.items) == embedding_vocab.word_ids.digest:
        vocab.items, vocab.item_ids = embedding_vocab.words, embedding_vocab.word_ids


def encode_word(encoder, word: str) -> tuple[int, int]:
    """The model's vocabulary ids of a word and of its shape, as slovnet's
    ``WordShapeEncoder.item`` gives them (cached by the caller: news repeats its words)."""
    return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word))


def apply(doc: Document, resources: Resources) -> Document:
    """Find the entity mentions of one document."""
    return apply_many([doc], resources)[0]


def apply_many(docs: list[Document], resources: Resources) -> list[Document]:
    """Find entity mentions in a batch of documents, batching the model across them."""
    chunks = [c for i, doc in enumerate(docs) for c in chunk_doc(i, doc, resources.config)]
    tags: list[list[str]] = [["O"] * len(doc.tokens) for doc in docs]
    for chunk, chunk_tags in zip(chunks, tag_chunks(docs, chunks, resources), strict=True):
        tags[chunk.doc][chunk.first : chunk.last] = chunk_tags
    result = []
    for doc, doc_tags in zip(docs, tags, strict=True):
        spans = list(decode_bio(doc.text, doc.tokens, doc_tags))
        spans = correct_spans(doc, spans, resources.rules)
        result.append(replace(doc, spans=tuple(spans)))
    return result


def chunk_doc(index: int, doc: Document, config: Config) -> Iterator[Chunk]:
    """Group a document's sentences into chunks of at most ``config.chunk_tokens`` tokens.

    A sentence longer than the limit is cut into pieces of the limit.
    """
    limit, first, prev = config.chunk_tokens, 0, 0
    starts = [t.start for t in doc.tokens]
    for last in [bisect_left(starts, s.stop) for s in doc.sentences] + [len(starts)]:
        if last - first > limit and prev > first:
            yield Chunk(index, first, prev)
            first = prev
        while last - first > limit:
            yield Chunk(index, first, first + limit)
            first += limit
        prev = last
    if first < len(starts):
        yield Chunk(index, first, len(starts))


def tag_chunks(docs: list[Document], chunks: list[Chunk], res: Resources) -> list[list[str]]:
    """BIO tags for every chunk, batching chunks of similar length together."""
    infer = res.model.infer
    encoder, vocab = infer.encoder, infer.decoder.tags_vocab
    encode = res.encode_word
    order = sorted(range(len(chunks)), key=lambda i: chunks[i].last - chunks[i].first)
    out: list[list[str]] = [[] for _ in chunks]
    size = res.config.batch_size
    for offset in range(0, len(order), size):
        batch = order[offset : offset + size]
        items = []
        for i in batch:
            tokens = docs[chunks[i].doc].tokens[chunks[i].first : chunks[i].last]
            ids = [encode(t.text) for t in tokens]
            items.append(([w for w, _ in ids], [s for _, s in ids]))
        inputs = encoder.input(items)
        pred = res.encoder(inputs.word_id, inputs.shape_id, inputs.pad_mask)
        decoded = viterbi(res.encoder.transitions, pred, ~inputs.pad_mask)
        for i, ids in zip(batch, decoded, strict=True):
            out[i] = [vocab.decode(x) for x in ids]
    return out


def decode_bio(text: str, tokens: tuple[Token, ...], tags: list[str]) -> Iterator[Span]:
    """Turn per-token BIO tags into spans: ``B-PER I-PER`` over two tokens is one PER span."""
    start = stop = -1
    kind = None
    for token, tag in zip(tokens, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and label == kind:
            stop = token.stop
            continue
        if kind is not None:
            yield Span(start, stop, kind, text[start:stop])
        kind = label if prefix in ("B", "I") else None
        start, stop = token.start, token.stop
    if kind is not None:
        yield Span(start, stop, kind, text[start:stop])
