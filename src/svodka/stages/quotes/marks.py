"""Quote marks paired into quoted spans: «…», „…“, “…”, "…", nested or not.

Russian news mixes every kind of mark and often leaves one out, so pairing is forgiving:

- guillemets nest with a stack: «директор компании «Алматинский автоцентр «КамАЗ»»;
- a straight ``"`` opens after a space or an opening bracket and closes after a
  letter or a punctuation mark: ``на джипе "Гранд-Чероки", совершил``;
- a closing mark with nothing open is a stray and is skipped: ``безусловная»".``;
- a mark left open at the end of a paragraph closes there, unless the next paragraph
  opens with the same mark, which in Russian typesetting continues the quote (a quote
  over several paragraphs reopens each of them and closes once, at the end);
- a continued quote is capped at ``MAX_PARAGRAPHS`` paragraphs, so one stray mark can
  never swallow the rest of a long article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from svodka.lang.text import DASHES, OPENING_QUOTES, QUOTES

#: Opening mark → the marks that may close it.
CLOSERS = {"«": "»", "„": "“”", "“": "”", '"': '"'}
#: A straight mark after one of these opens a quote: « "Да"», «("Да")», «:"Да"», «—"Да"».
OPENS_AFTER = frozenset(" \t\n\xa0([{/:") | DASHES | (OPENING_QUOTES - {'"'})
MARKS = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")
MAX_PARAGRAPHS = 10
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: ``start``/``stop`` delimit the content, without the marks.

    ``closed`` is False when the closing mark was missing and the span was cut at the end
    of its paragraph; ``depth`` is 0 for a span not nested in another one.
    """

    start: int
    stop: int
    closed: bool
    depth: int


class Pairing:
    """The state of one left-to-right pass: the open marks, and the spans found."""

    def __init__(self, text: str):
        self.text = text
        self.stack: list[tuple[str, int]] = []  # (opening mark, offset of the content)
        self.found: list[Marked] = []
        self.paragraphs = 0  # paragraphs the open quote has been continued over

    def visit(self, i: int) -> None:
        """Open or close on the mark at ``i``."""
        char = self.text[i]
        if char in "«„" or (char == "“" and not self.is_open("„")):
            self.open(char, i)
        elif char in "»”“":
            self.close(char, i)
        elif char == '"':
            self.straight(i)

    def open(self, mark: str, i: int) -> None:
        """Open a quote at ``i``; past ``MAX_DEPTH`` open marks, a new one is a stray
        (no real quote nests that deep, and a bounded stack keeps pairing linear)."""
        if len(self.stack) < MAX_DEPTH:
            self.stack.append((mark, i + 1))

    def is_open(self, mark: str) -> bool:
        return any(m == mark for m, _ in self.stack)

    def straight(self, i: int) -> None:
        """A ``"`` opens after a space or bracket and before a word; otherwise it closes
        the innermost open ``"``, if any (``"Гранд-Чероки",`` closes after a letter)."""
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before in OPENS_AFTER and not after.isspace():
            self.open('"', i)
        elif not before.isspace():
            self.close('"', i)

    def close(self, char: str, i: int) -> None:
        """Close the innermost open mark that ``char`` can close; marks opened inside it
        and never closed are dropped. A closing mark with nothing to close is skipped."""
        for level in range(len(self.stack) - 1, -1, -1):
            mark, start = self.stack[level]
            if char in CLOSERS[mark]:
                del self.stack[level:]
                self.found.append(Marked(start, i, closed=True, depth=level))
                return

    def end_paragraph(self, stop: int, next_start: int | None) -> bool:
        """At a paragraph end: True when one open quote goes on into the next paragraph
        (which reopens it with the same mark); otherwise cut every open mark here."""
        if not self.stack:
            return False
        mark, _ = self.stack[0]
        goes_on = (
            len(self.stack) == 1
            and next_start is not None
            and self.text[next_start] == mark
            and self.paragraphs < MAX_PARAGRAPHS
        )
        if goes_on:
            self.paragraphs += 1
            return True
        cut = len(self.text[:stop].rstrip())
        for level, (_, start) in enumerate(self.stack):
            if start < cut:
                self.found.append(Marked(start, cut, closed=False, depth=level))
        self.stack.clear()
        self.paragraphs = 0
        return False


def pair_marks(text: str) -> list[Marked]:
    """Every quoted span of ``text``, outer spans before the spans nested in them."""
    pairing = Pairing(text)
    paragraphs = split_paragraphs(text)
    skip = -1  # the reopening mark of a continued quote
    for n, (start, stop) in enumerate(paragraphs):
        for found in MARKS.finditer(text, start, stop):
            if found.start() != skip:
                pairing.visit(found.start())
        next_start = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        if pairing.end_paragraph(stop, next_start):
            skip = next_start if next_start is not None else -1
        if not pairing.stack:
            pairing.paragraphs = 0
    return sorted(pairing.found, key=lambda m: (m.start, -m.stop))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, stop)`` of every non-blank line, ``start`` at its first non-space."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped:
            start = offset + len(line) - len(stripped)
            spans.append((start, offset + len(line)))
        offset += len(line) + 1
    return spans
