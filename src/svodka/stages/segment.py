"""Segment: tokens and sentences, with razdel (the tokenizer the NER model was trained on).

Tokens come from razdel's own atoms and join rules, driven here without its per-atom
records: razdel always splits where atoms are apart (``TokenSegmenter.segment`` joins only
over an empty delimiter), so its rules run only where two atoms touch. The tokens are
razdel's, offset for offset (checked on every RuCoCo text when this was written), in a
third of the time.
"""

from __future__ import annotations

from dataclasses import replace

from razdel import sentenize
from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM, INT, OTHER, PUNCT, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as razdel_tokenize

from svodka.config import Config
from svodka.doc import Document, Sentence, Token
from svodka.lang.text import fold_homoglyphs

REQUIRES = ("text",)
PROVIDES = ("tokens", "sentences")

#: Atoms on each side of a split that razdel's rules look at.
WINDOW = razdel_tokenize.split.window

#: Punctuation razdel may join to a word or number next to it: dashes and underscores
#: inside words («кто-то»), «!» after «Yahoo»; «.,/\\» only between numbers («1,5»).
JOINS_WORDS = frozenset(DASHES + "_!")
JOINS_NUMBERS = frozenset(".,/\\")


def load(config: Config) -> None:
    """Nothing to load: razdel is rules only."""
    return None


def apply(doc: Document, resources: None = None) -> Document:
    """Split ``doc.text`` into tokens and sentences. A token's text has Latin look-alike
    letters made Cyrillic («Hева» → «Нева», same length); ``doc.text`` keeps them."""
    text = fold_homoglyphs(doc.text)  # letter for letter: the offsets are doc.text's
    tokens = tuple(Token(start, stop, text[start:stop]) for start, stop in tokenize(text))
    sentences = tuple(Sentence(s.start, s.stop) for s in sentenize(text))
    return replace(doc, tokens=tokens, sentences=sentences)


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, stop) offsets of razdel's tokens of ``text``."""
    matches = list(ATOM.finditer(text))
    atoms: dict[int, Atom] = {}
    spans: list[tuple[int, int]] = []
    start = None
    for index, match in enumerate(matches):
        if start is not None and not joins(text, matches, index, start, atoms):
            spans.append((start, matches[index - 1].end()))
            start = None
        if start is None:
            start = match.start()
    if start is not None:
        spans.append((start, matches[-1].end()))
    return spans


def joins(text: str, matches: list, index: int, start: int, atoms: dict[int, Atom]) -> bool:
    """Whether razdel joins atom ``index`` to the token that began at ``start``."""
    previous, match = matches[index - 1], matches[index]
    if previous.end() != match.start() or not may_join(previous, match):
        return False
    left = [atom_at(matches, i, atoms) for i in range(max(0, index - WINDOW), index)]
    right = [atom_at(matches, i, atoms) for i in range(index, min(len(matches), index + WINDOW))]
    split = TokenSplit(left, "", right)
    split.buffer = text[start : previous.end()]
    return bool(razdel_tokenize.join(split))


def may_join(left, right) -> bool:
    """False where none of razdel's rules could join two touching atoms («году» and «.»)."""
    kinds = (left.lastgroup, right.lastgroup)
    if OTHER in kinds or kinds == (PUNCT, PUNCT):
        return True
    if kinds[0] == PUNCT or kinds[1] == PUNCT:
        punct, other = (left, right) if kinds[0] == PUNCT else (right, left)
        mark = punct.group(0)
        return mark in JOINS_WORDS or (mark in JOINS_NUMBERS and other.lastgroup == INT)
    return False


def atom_at(matches: list, index: int, atoms: dict[int, Atom]) -> Atom:
    """razdel's record of atom ``index``, made once."""
    atom = atoms.get(index)
    if atom is None:
        match = matches[index]
        atom = atoms[index] = Atom(match.start(), match.end(), match.lastgroup, match.group(0))
    return atom
