"""The natasha anchor: natasha's own NER and span normalization, run side by side with svodka.

Models load once, on first use, and stay cached for the process.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class NatashaModels:
    segmenter: Any
    ner: Any
    morph: Any
    syntax: Any
    vocab: Any


@cache
def natasha_models() -> NatashaModels:
    """Load natasha's news models (embedding, NER, morph, syntax) and the morph vocab once."""
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return NatashaModels(
        segmenter=Segmenter(),
        ner=NewsNERTagger(embedding),
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        vocab=MorphVocab(),
    )


def natasha_ner(texts: list[str]) -> list[list[Span]]:
    """Tag each text with natasha's NewsNERTagger; spans are half-open (start, stop, type)."""
    tagger = natasha_models().ner
    results: list[list[Span]] = [[] for _ in texts]
    indices = [index for index, text in enumerate(texts) if text.strip()]
    markups = tagger.map([texts[index] for index in indices])
    for index, markup in zip(indices, markups, strict=True):
        results[index] = [(span.start, span.stop, span.type) for span in markup.spans]
    return results


def natasha_normalize(text: str, spans: list[Span]) -> list[str]:
    """Normal form of each given span by natasha's ``DocSpan.normalize``, in input order.

    The text is segmented, morph-tagged and syntax-parsed as a natasha ``Doc``; each span
    gets the tokens lying wholly inside it (per span, so nested or overlapping spans keep
    all their tokens). A span holding no whole token falls back to its surface text.
    """
    from natasha import Doc
    from natasha.doc import DocSpan

    if not spans:
        return []
    models = natasha_models()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.parse_syntax(models.syntax)
    starts = [token.start for token in doc.tokens]
    doc.spans = [
        DocSpan(
            start,
            stop,
            span_type,
            text[start:stop],
            tokens=_inner_tokens(doc.tokens, starts, start, stop),
        )
        for start, stop, span_type in spans
    ]
    for span in doc.spans:
        if span.tokens:
            span.normalize(models.vocab)
        else:
            span.normal = span.text
    return [span.normal for span in doc.spans]


def _inner_tokens(tokens: list[Any], starts: list[int], start: int, stop: int) -> list[Any]:
    """Tokens lying wholly inside [start, stop)."""
    inner = []
    for token in tokens[bisect_left(starts, start) :]:
        if token.stop > stop:
            break
        inner.append(token)
    return inner
