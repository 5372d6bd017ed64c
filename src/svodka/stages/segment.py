"""Segment: tokens and sentences, with razdel (the tokenizer the NER model was trained on)."""

from __future__ import annotations

from dataclasses import replace

from razdel import sentenize, tokenize

from svodka.config import Config
from svodka.doc import Document, Sentence, Token
from svodka.lang.text import fold_homoglyphs

REQUIRES = ("text",)
PROVIDES = ("tokens", "sentences")


def load(config: Config) -> None:
    """Nothing to load: razdel is rules only."""
    return None


def apply(doc: Document, resources: None = None) -> Document:
    """Split ``doc.text`` into tokens and sentences. A token's text has Latin look-alike
    letters made Cyrillic («Hева» → «Нева», same length); ``doc.text`` keeps them."""
    text = fold_homoglyphs(doc.text)  # letter for letter: the offsets are doc.text's
    tokens = tuple(Token(t.start, t.stop, t.text) for t in tokenize(text))
    sentences = tuple(Sentence(s.start, s.stop) for s in sentenize(text))
    return replace(doc, tokens=tokens, sentences=sentences)
