"""A document seen the way the quotes stage reads it: tokens, sentence units, entity
mentions and quoted spans, with the few grammar tests the rules need.

A sentence unit is a razdel sentence cut at line breaks: razdel joins a headline with no
final stop to the paragraph under it, and a quote never runs across a headline.
"""

from __future__ import annotations

from bisect import bisect_left
from types import SimpleNamespace

from svodka.doc import Document, Entity
from svodka.lang import morph
from svodka.lang.text import DASHES, QUOTES
from svodka.resources import read_lines
from svodka.stages.quotes.lexicon import Lexicon, VerbForm, fold, parse
from svodka.stages.quotes.marks import Marked, pair_marks

#: The tag of a word pymorphy cannot read: no part of speech, no grammemes.
NO_TAG = SimpleNamespace(POS=None, grammemes=frozenset(), number=None, gender=None, tense=None)
#: A typed double hyphen «--» stays one token in razdel, and reads as a dash.
TOKEN_DASHES = DASHES | {"--"}
#: «…, а …», «…, но потом дали понять»: conjunctions that join clauses.
CLAUSE_CONJUNCTIONS = frozenset(read_lines("quotes/clause_conjunctions.txt"))
#: A noun after a preposition is governed, no subject: «сообщили в министерстве».
PREPOSITIONS = frozenset(read_lines("quotes/prepositions.txt"))


class View:
    """Token-level access to one document for the quote finders."""

    def __init__(self, doc: Document, lex: Lexicon):
        self.doc, self.text, self.lex = doc, doc.text, lex
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.words = [fold(t.text) for t in doc.tokens]
        self.units = sentence_units(doc)
        self.unit_of = [0] * len(doc.tokens)
        for n, (first, last) in enumerate(self.units):
            for k in range(first, last):
                self.unit_of[k] = n
        self.owner: dict[int, tuple[Entity, int, int]] = {}
        self.people: list[tuple[int, Entity]] = []  # (token, entity) of PER mentions
        self.orgs: list[tuple[int, Entity]] = []  # (token, entity) of ORG mentions
        for entity in doc.entities:
            for m in entity.mentions:
                first, last = self.index(m.start), self.index(m.stop)
                for k in range(first, last):
                    self.owner[k] = (entity, first, last)
                if entity.type == "PER" and first < last:
                    self.people.append((first, entity))
                elif entity.type == "ORG" and first < last:
                    self.orgs.append((first, entity))
        self.people.sort(key=lambda pair: pair[0])
        self.orgs.sort(key=lambda pair: pair[0])
        #: Tokens of attributions already read («как сообщает CNN»): no subject is
        #: looked for in them again.
        self.consumed = [False] * len(doc.tokens)
        self.attributions: dict[int, bool] = {}  # verb token → an attribution starts there
        self.marked = pair_marks(doc.text)
        self.by_open: dict[int, Marked] = {}  # content start → the outermost span there
        for m in self.marked:
            self.by_open.setdefault(m.start, m)
        self.by_close = {m.stop: m for m in self.marked if m.closed}
        #: Tokens between closed quote marks: a cue there is the quoted person's own
        #: words («заявил, что «не исключает, что …»»), not an attribution.
        self.quoted = [False] * len(doc.tokens)
        for m in self.marked:
            if m.closed and m.depth == 0:
                for k in range(self.index(m.start), self.index(m.stop)):
                    self.quoted[k] = True

    # positions

    def index(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def unit(self, k: int) -> tuple[int, int]:
        """The token range of the sentence unit of token ``k``."""
        return self.units[self.unit_of[k]]

    def span_text(self, first: int, last: int) -> str:
        """The text of tokens ``[first, last)``."""
        if first >= last:
            return ""
        return self.text[self.tokens[first].start : self.tokens[last - 1].stop]

    def opened_at(self, k: int) -> Marked | None:
        """The outermost quoted span whose opening mark is token ``k``."""
        return self.by_open.get(self.tokens[k].stop) if self.is_mark(k) else None

    def closed_at(self, k: int) -> Marked | None:
        """The quoted span whose closing mark is token ``k``."""
        return self.by_close.get(self.tokens[k].start) if self.is_mark(k) else None

    # words

    def word(self, k: int) -> str:
        return self.words[k]

    def is_mark(self, k: int) -> bool:
        return self.tokens[k].text in QUOTES

    def is_dash(self, k: int) -> bool:
        return self.tokens[k].text in TOKEN_DASHES

    def is_punct(self, k: int) -> bool:
        return not any(c.isalnum() for c in self.tokens[k].text)

    def verb(self, k: int) -> tuple[VerbForm, ...]:
        """The reporting-verb readings of token ``k``, or ()."""
        return self.lex.verbs.get(self.words[k], ())

    def finite_verb(self, k: int) -> VerbForm | None:
        """A finite (or short-participle) reporting form at ``k``: «заявил», «отмечено»."""
        return next((v for v in self.verb(k) if v.pos != "GRND"), None)

    def is_impersonal(self, k: int) -> bool:
        """«сообщается», «говорится», «отмечено»: a reporting form with no subject."""
        word = self.words[k]
        return word.endswith(("ся", "сь")) or any(
            v.pos == "PRTS" and v.gender == "neut" for v in self.verb(k)
        )

    def parses(self, k: int) -> tuple:
        return parse(self.words[k])

    def tag(self, k: int):
        """The best pymorphy tag of token ``k`` (an empty one for a word it cannot read)."""
        parses = parse(self.words[k])
        return parses[0].tag if parses else NO_TAG

    def has_case(self, k: int, case: str, pos: tuple[str, ...] = ("NOUN",)) -> bool:
        """Whether token ``k`` can be a ``pos`` word in ``case``."""
        return any(p.tag.POS in pos and morph.case_of(p.tag) == case for p in self.parses(k))

    def is_noun(self, k: int) -> bool:
        return any(p.tag.POS in ("NOUN", "NPRO") for p in self.parses(k)[:2])

    def is_adjective(self, k: int) -> bool:
        """An adjective, participle, numeral or adjectival pronoun («многие»)."""
        return any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in self.parses(k)[:2])

    def is_finite(self, k: int) -> bool:
        """Any finite verb, reporting or not: «отказались», «дали»."""
        return any(p.tag.POS == "VERB" for p in self.parses(k)[:2])

    def is_latin_or_name(self, k: int) -> bool:
        """A Latin word or a capitalized name pymorphy cannot place: «AllBoxing»,
        «uefa» (of «uefa.com»)."""
        text = self.tokens[k].text
        if text.isascii():
            return text[:1].isalpha()
        return text[:1].isupper() and "Name" in self.tag(k).grammemes


def sentence_units(doc: Document) -> list[tuple[int, int]]:
    """Token ranges of razdel sentences, cut again at every line break."""
    units: list[tuple[int, int]] = []
    starts = [t.start for t in doc.tokens]
    for s in doc.sentences:
        first, last = bisect_left(starts, s.start), bisect_left(starts, s.stop)
        begin = first
        for k in range(first + 1, last):
            if "\n" in doc.text[doc.tokens[k - 1].stop : doc.tokens[k].start]:
                units.append((begin, k))
                begin = k
        if begin < last:
            units.append((begin, last))
    return units
