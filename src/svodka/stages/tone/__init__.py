"""Tone: how the text speaks of each entity mention, each entity, each quote, the document.

A mention of a PER, ORG or LOC entity gets the tone its sentence expresses toward it
(-1, 0, 1 and a score P(positive) − P(negative)), from a logistic model over navec vectors
and hashed lemma features of the words around it, trained on RuSentNE-2023
(``scripts/train_tone.py``; features in :mod:`.features`, heads in :mod:`.model`). An
entity sums up its mentions; a quote and every sentence of the document get the tone of
their text as a whole (a second head, trained on the same sentences); the document sums
up its sentences. A long sentence is read around the mention, never dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

import numpy as np

from svodka.config import Config
from svodka.doc import Document, Entity, Tone, ToneSummary
from svodka.lang.embeddings import load_navec
from svodka.stages.tone.features import TYPES, WINDOW, Context
from svodka.stages.tone.model import (
    TEXT_WORDS,
    Featurizer,
    Heads,
    load_heads,
)

REQUIRES = ("tokens", "sentences", "entities", "quotes")
PROVIDES = ("entities.mentions.tone", "entities.tone", "quotes.tone", "tone")
#: Tokens read on each side of a mention in a sentence longer than twice this.
REACH = 2 * WINDOW


@dataclass(slots=True)
class Resources:
    heads: Heads
    featurizer: Featurizer


def load(config: Config) -> Resources:
    """Load the tone model and the navec vectors it reads."""
    return Resources(heads=load_heads(), featurizer=Featurizer(load_navec()))


class Reader:
    """A document's words by token range, each range read once."""

    def __init__(self, doc: Document, featurizer: Featurizer) -> None:
        self.doc, self.featurizer = doc, featurizer
        self.starts = [t.start for t in doc.tokens]
        self.sentence_starts = [s.start for s in doc.sentences]
        self.cache: dict[tuple[int, int], Context] = {}
        self.mentioned: set[int] = set()  # sentences that name an entity

    def words(self, first: int, last: int) -> Context:
        """The words, hashes and navec rows of tokens ``[first, last)``."""
        if (first, last) not in self.cache:
            self.cache[(first, last)] = self.featurizer.context(self.doc.tokens[first:last])
        return self.cache[(first, last)]

    def around(self, start: int, stop: int) -> Context:
        """The words of the sentence holding ``[start, stop)``, cut to ``REACH`` tokens on
        each side of it when the sentence is longer."""
        index = bisect_right(self.sentence_starts, start) - 1
        if index >= 0 and self.doc.sentences[index].stop >= stop:
            sentence = self.doc.sentences[index]
            self.mentioned.add(index)
            first = bisect_left(self.starts, sentence.start)
            last = bisect_left(self.starts, sentence.stop)
        else:
            first, last = 0, len(self.starts)
        at, end = bisect_left(self.starts, start), bisect_left(self.starts, stop)
        if last - first > 2 * REACH + (end - at):
            first, last = max(first, at - REACH), min(last, end + REACH)
        return self.words(first, last)

    def span(self, start: int, stop: int) -> tuple[Context, int, int]:
        """The words of a text span (a quote, a sentence), its first ones only, as a
        context and the span's word range in it: the sentence's own context when the span
        lies in one sentence (shared with its mentions), else the span's."""
        index = bisect_right(self.sentence_starts, start) - 1
        if index >= 0 and self.doc.sentences[index].stop >= stop:
            sentence = self.doc.sentences[index]
            first = bisect_left(self.starts, sentence.start)
            last = bisect_left(self.starts, sentence.stop)
            if last - first <= 3 * TEXT_WORDS:
                ctx = self.words(first, last)
                return ctx, *ctx.locate(start, stop)
        first = bisect_left(self.starts, start)
        ctx = self.words(first, min(bisect_left(self.starts, stop), first + 3 * TEXT_WORDS))
        return ctx, 0, len(ctx)


def apply(doc: Document, resources: Resources) -> Document:
    """Tone every PER/ORG/LOC mention, entity, quote and the document."""
    heads, featurizer = resources.heads, resources.featurizer
    reader = Reader(doc, featurizer)
    entities = tone_entities(doc.entities, reader, heads)
    texts = [reader.span(q.start, q.stop) for q in doc.quotes]
    read = [doc.sentences[i] for i in sorted(reader.mentioned)] or doc.sentences
    texts += [reader.span(s.start, s.stop) for s in read]
    rows = [featurizer.text(ctx, heads.dims, lo, hi) for ctx, lo, hi in texts]
    tones = as_tones(heads.probabilities("text", rows))
    quotes = tuple(
        replace(q, tone=t) for q, t in zip(doc.quotes, tones[: len(doc.quotes)], strict=True)
    )
    return replace(doc, entities=entities, quotes=quotes, tone=summarize(tones[len(doc.quotes) :]))


def tone_entities(entities: tuple[Entity, ...], reader: Reader, heads: Heads):
    """Every entity with its mentions toned and its summary."""
    rows, owners = [], []
    for entity in entities:
        kind = TYPES.get(entity.type)
        if kind is None:
            continue
        for mention in entity.mentions:
            ctx = reader.around(mention.start, mention.stop)
            rows.append(
                reader.featurizer.mention(ctx, mention.start, mention.stop, kind, heads.dims)
            )
            owners.append(entity.id)
    tones = iter(as_tones(heads.probabilities("mention", rows)))
    result = []
    for entity in entities:
        if entity.type not in TYPES:
            result.append(entity)
            continue
        mentions = tuple(replace(m, tone=next(tones)) for m in entity.mentions)
        summary = summarize([m.tone for m in mentions])
        result.append(replace(entity, mentions=mentions, tone=summary))
    return tuple(result)


def as_tones(probabilities: np.ndarray) -> list[Tone]:
    """Tones from rows of class probabilities (-1, 0, 1)."""
    labels = (probabilities.argmax(axis=1) - 1).tolist()
    scores = np.round((probabilities[:, 2] - probabilities[:, 0]).astype(np.float64), 3).tolist()
    return [Tone(label=label, score=score) for label, score in zip(labels, scores, strict=True)]


def summarize(tones: list[Tone | None]) -> ToneSummary | None:
    """Counts of negative, neutral and positive tones and their mean score."""
    known = [t for t in tones if t is not None]
    if not known:
        return None
    return ToneSummary(
        negative=sum(t.label < 0 for t in known),
        neutral=sum(t.label == 0 for t in known),
        positive=sum(t.label > 0 for t in known),
        mean=round(sum(t.score for t in known) / len(known), 3),
    )


__all__ = ["PROVIDES", "REQUIRES", "apply", "load"]
