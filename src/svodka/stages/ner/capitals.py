"""Capitalised common words: a sentence's first word is capitalised for the sentence.

«Вчера в Москве…», «Следователи установили…», «ВИДЕО»: the model tags such words as
names now and then. A word the dictionary knows only as a common word, written with a
capital only where a sentence opens (or in capitals throughout), is no name unless the
document also writes it with a capital inside a sentence («…сообщает газета Сегодня»).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from svodka.doc import Document, Span
from svodka.lang import morph
from svodka.resources import read_lines

PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})
SHOUTED_LABELS = frozenset(read_lines("ner/shouted_labels.txt"))  # «ВИДЕО», «ФОТО»
LINE_BREAK = re.compile("\n")


def is_common_word(text: str) -> bool:
    """«Судом» opening a sentence is capitalized for the sentence, not as a name: one
    word the dictionary knows, with no name, place or organisation tag in any reading."""
    if " " in text or not text.isalpha():
        return False
    parses = morph.parse(text.lower())
    return morph.known(parses[0].word) and not any(PROPER & p.tag.grammemes for p in parses)


def opening_starts(doc: Document) -> set[int]:
    """Where the first word of every sentence and of every line starts, after any
    quote marks or dashes (a headline is a sentence of its own)."""
    starts = [t.start for t in doc.tokens]
    found = set()
    lines = [m.end() for m in LINE_BREAK.finditer(doc.text)]
    for start in [s.start for s in doc.sentences] + lines:
        k = bisect_left(starts, start)
        while k < len(doc.tokens) and not doc.tokens[k].text[:1].isalnum():
            k += 1
        if k < len(doc.tokens):
            found.add(doc.tokens[k].start)
    return found


def drop_capitalised_common(doc: Document, spans: list[Span]) -> list[Span]:
    """Drop one-word spans that are common words capitalised only by position.

    A singular noun («Суд», «Конгресс») may name an institution: it is dropped only
    when the document also writes it in lowercase; other words («Следователи»,
    «Вчера», «Инсайдерские», «ВИДЕО») whenever no capitalised use inside a sentence
    backs them.
    """
    spans = [s for s in spans if not is_shouted_label(s.text)]
    openings = opening_starts(doc)
    suspects = [s for s in spans if s.start in openings and is_common_word(s.text)]
    if not suspects:
        return spans
    capital, lower = set(), set()
    for token in doc.tokens:
        if token.start in openings or not token.text.isalpha():
            continue
        if token.text[:1].isupper():
            capital.add(morph.lemma(token.text))
        elif token.text[:1].islower():
            lower.add(token.text.lower())
    dropped = {s for s in suspects if not_a_name(s.text, capital, lower)}
    return [s for s in spans if s not in dropped]


def is_shouted_label(text: str) -> bool:
    """«(ВИДЕО)», «ФОТО»: a rubric label in capitals is no name wherever it stands."""
    return text.isupper() and text.lower() in SHOUTED_LABELS


def not_a_name(word: str, capital: set[str], lower: set[str]) -> bool:
    """Whether a capitalised common word opening a sentence is no name in its document."""
    lemma = morph.lemma(word)
    if lemma in capital:
        return False
    parse = morph.parse(word.lower())[0]
    if parse.tag.POS == "NOUN" and parse.tag.number == "sing" and not word.isupper():
        return any(morph.lemma(w) == lemma for w in lower if w[:2] == lemma[:2])
    return True


def trim_lowercase_head(span: Span) -> Span:
    """«итальянка Клементина Кантони» → «Клементина Кантони», «лорд Теббит» → «Теббит»:
    a person's name opens with a capital; a short particle («де Голль», «ван Гог») stays."""
    if span.type != "PER":
        return span
    start = span.start
    for word in span.text.split(" "):
        if not (word[:1].islower() and len(word) > 3):
            break
        start += len(word) + 1
    if start == span.start or start >= span.stop:
        return span
    return Span(start, span.stop, span.type, span.text[start - span.start :])
