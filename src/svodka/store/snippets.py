"""Snippets: a window of a hit's original text around its first match, the matching words
highlighted; the same on both backends, built for the page's hits alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from svodka.store.fts import WORD, query_words, word_forms, word_terms

#: Characters (~1,500 words) a snippet scans for its first match: it is nearly always in the
#: lead, and a hit on a 10,000-word article must not cost 10,000 lemma lookups.
MAX_SCAN_CHARS = 12_000
SNIPPET_CHARS = 200
SNIPPET_LEAD = 60  # characters of context before the first match
SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of the original text, one line, with the matched words as (start, stop)
    ranges into ``text``."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()


def snippets(query: str, texts: dict[str, str]) -> dict[str, Snippet]:
    """A snippet of each document's text (id → text) around its first match of ``query``."""
    match = Matcher(query_words(query))
    return {doc_id: find_snippet(text_, match) for doc_id, text_ in texts.items()}


class Matcher:
    """Tells whether a word of a document matches a query: its lemma is one the index
    matched. Most words are settled without pymorphy (~100 µs for a word not seen yet):
    a form of a query word matches, and a word whose first two letters start no form and
    no lemma of the query does not, so only the words ``starts`` finds (a regular
    expression, run in C) are ever asked."""

    def __init__(self, words: list[str]):
        from svodka.lang.morph import lemma

        self.lemma = lemma
        self.forms = frozenset(f.replace("ё", "е") for w in words for f in word_forms(w))
        self.terms = frozenset().union(*(word_terms(w) for w in words))
        self.heads = frozenset(t[:2] for t in self.forms | self.terms)
        self.starts = word_starts(self.heads)

    def __call__(self, word: str) -> bool:
        low = word.lower().replace("ё", "е")
        if low in self.forms:
            return True
        return low[:2] in self.heads and self.lemma(word).replace("ё", "е") in self.terms


def word_starts(heads: frozenset[str]) -> re.Pattern:
    """The words that begin with one of ``heads`` (lowercase, ё as е), in any case."""
    if not heads:
        return re.compile(r"(?!)")  # nothing
    letters = (re.escape(h).replace("е", "[её]") for h in sorted(heads))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(letters)})\w*(?:-\w+)*", re.IGNORECASE)


def find_snippet(text_: str, match: Matcher) -> Snippet:
    """~200 characters around the first word that matches, the matching words
    highlighted; the start of the text when the match is past the scan or in the title."""
    at = first_match(text_, match)
    start, stop = window(text_, at or 0)
    ranges = [
        (m.start() - start, m.end() - start)
        for m in WORD.finditer(text_, start, stop)
        if match(m.group())
    ]
    return framed(text_, start, stop, ranges)


def first_match(text_: str, match: Matcher) -> int | None:
    """Where the first matching word within ``MAX_SCAN_CHARS`` starts, or None."""
    for m in match.starts.finditer(text_, 0, MAX_SCAN_CHARS):
        if match(m.group()):
            return m.start()
    return None


def window(text_: str, at: int) -> tuple[int, int]:
    """Start and stop of ~``SNIPPET_CHARS`` characters from a little before ``at``, cut at
    spaces so no word is split."""
    start = max(0, at - SNIPPET_LEAD)
    if start:
        space = SPACE.search(text_, start, at)
        start = space.end() if space else at
    stop = min(len(text_), start + SNIPPET_CHARS)
    if stop < len(text_):
        last = max(text_.rfind(" ", start, stop), text_.rfind("\n", start, stop))
        stop = last if last > at else stop
    return start, stop


def framed(text_: str, start: int, stop: int, ranges: list[tuple[int, int]]) -> Snippet:
    """``text_[start:stop]`` on one line, with «…» where it is cut; ranges shifted to fit."""
    body = SPACE.sub(" ", text_[start:stop]).strip()
    lead = len(text_[start:stop]) - len(text_[start:stop].lstrip())
    shift = (1 if start else 0) - lead
    ranges = [(a + shift, b + shift) for a, b in ranges]
    cut = "…" if stop < len(text_) else ""
    return Snippet(("…" if start else "") + body + cut, tuple(ranges))
