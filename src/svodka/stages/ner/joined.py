"""Two people the model tagged as one: «заявил Уго Чавес Бараку Обаме» is «Уго Чавес»
(nominative) and «Бараку Обаме» (dative). A person span of four or more words is split
where its two halves, each of two or more words, share no grammatical case.

And the other way round, pieces of one organisation the model tagged apart: an office
and its ministry («ДЭБ МВД»)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from svodka.doc import Document, Span
from svodka.lang import morph

WORD = re.compile(r"\S+")
MIN_HALF = 2  # words in each half: «Хосе Мигель Инсульса» is one man


def split_joined_names(span: Span) -> Iterator[Span]:
    """The span, or its two halves when they are two people in different cases."""
    words = list(WORD.finditer(span.text))
    if span.type != "PER" or len(words) < 2 * MIN_HALF:
        yield span
        return
    for i in range(MIN_HALF, len(words) - MIN_HALF + 1):
        left, right = words[:i], words[i:]
        if right[0].group()[:1].isupper() and not cases(left) & cases(right):
            yield piece(span, left)
            yield piece(span, right)
            return
    yield span


def cases(words: list[re.Match]) -> set[str]:
    """The cases every word of a name part can be in. Particles («да», «ибн») and words
    the dictionary does not know («Лула», whose guessed forms mislead) allow all."""
    allowed = set(morph.CASES)
    for word in words:
        text = word.group()
        if not text[:1].isupper() or not morph.known(text):
            continue
        found = {morph.case_of(p.tag) for p in morph.parse(text.lower())} - {None}
        allowed &= found or set(morph.CASES)
    return allowed


def piece(span: Span, words: list[re.Match]) -> Span:
    """The part of ``span`` from its first to its last word in ``words``."""
    start, stop = span.start + words[0].start(), span.start + words[-1].end()
    return Span(start, stop, span.type, span.text[words[0].start() : words[-1].end()])


def join_abbreviations(doc: Document, spans: list[Span]) -> list[Span]:
    """«ДЭБ МВД», «ГУ МВД России»: an organisation's abbreviation right before another
    one is its department, one ORG with it."""
    spans = sorted(spans, key=lambda s: s.start)
    result: list[Span] = []
    for span in spans:
        last = result[-1] if result else None
        if (
            last is not None
            and last.type == span.type == "ORG"
            and doc.text[last.stop : span.start] == " "
            and " " not in last.text
            and last.text.isupper()
            and span.text.split()[0].isupper()
        ):
            result[-1] = Span(last.start, span.stop, "ORG", doc.text[last.start : span.stop])
            continue
        result.append(span)
    return result
