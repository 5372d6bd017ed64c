"""Part of the dates stage: what every reader sees (one document's tokens, its publication
date, the dates found so far, the tense around a token) and what a reader returns."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from svodka.doc import DateMention, Document
from svodka.lang import morph
from svodka.lang.lexer import Tok, in_short_quotes, lex
from svodka.lang.text import CLOSING_QUOTES, DASHES, OPENING_QUOTES
from svodka.resources import read_lines, read_table
from svodka.stages.dates import resolve as cal
from svodka.stages.dates.words import EDGES, DateWords

#: Words a date's text may start with: «в начале июля», «В ночь на пятницу», «с 2009 года».
LEAD = frozenset(read_lines("dates/lead_words.txt"))
#: Lemmas before a date that join its text: «в прошлую пятницу», «в этот вторник».
MODIFIERS = dict(read_table("dates/modifiers.tsv"))
PAST_MARKERS = frozenset(word for word, way in MODIFIERS.items() if way == "past")
NEXT_MARKERS = frozenset(word for word, way in MODIFIERS.items() if way == "next")
VERB_TENSES = {"past": cal.PAST, "futr": cal.FUTURE}
#: Words that open a period with no end: «с 1997 года», «после 2010 года».
OPEN_STARTS = frozenset({"с", "со", "c", "после", "от"})
#: Words before the end of a range: «с марта 2010 года по январь», «декабре — январе».
RANGE_ENDS = frozenset({"по", "до"}) | DASHES
#: Token kinds that end a clause: punctuation, quotes and line breaks.
CLAUSE_BREAKS = frozenset({"punct", "nl"})
#: The grains of the dates another date may be counted from, by the grain it needs.
ANCHOR_GRAINS = {
    "day": frozenset({"day"}),
    "month": frozenset({"day", "month"}),
    "year": frozenset({"day", "month", "year", "season"}),
}


@dataclass(slots=True)
class Found:
    """A date at tokens ``[first, last)``; ``year`` is the year it states, if any."""

    first: int
    last: int
    value: str | None
    relative: bool
    grain: str
    year: int | None = None
    #: whether «накануне» after it counts back from it (not from another «накануне»)
    anchor: bool = True
    #: the text offset the mention starts at when it is the tail of a token: «ЧМ-2018»
    start: int | None = None


#: A reader looks at token ``i`` and returns the date starting there, or None.
Reader = Callable[["Context", int], "Found | None"]


#: Cyrillic letters typed for Roman digits: «ХХ век» with the Cyrillic «Х».
ROMAN_LOOKALIKES = str.maketrans("ХІС", "XIC")


def roman_digits(text: str) -> str | None:
    """The Roman digits of a century's number, in Latin letters: «XX», «ХХ» (Cyrillic),
    «XXI-м», «ХХ-го» → «XX»; None for any other word."""
    head = text.split("-", 1)[0]
    if not head.isupper():
        return None
    digits = head.translate(ROMAN_LOOKALIKES)
    return digits if not digits.strip("IVXLC") else None


def is_roman(text: str) -> bool:
    """«XX», «XXI», «ХХ-го»: a century's number."""
    return roman_digits(text) is not None


def is_genitive_or_plural(parses: list) -> bool:
    """A common noun that is either genitive singular or nominative plural, «встречи»,
    «поездки»; not an indeclinable name or abbreviation, «МИД», «Минобороны»."""
    if not parses or any(
        {"Fixd", "Abbr", "Name", "Surn", "Geox", "Orgn"} & p.tag.grammemes for p in parses
    ):
        return False
    singular = any(p.tag.POS == "NOUN" and {"sing", "gent"} <= p.tag.grammemes for p in parses)
    return singular and all(
        "plur" in p.tag or "gent" in p.tag for p in parses if p.tag.POS == "NOUN"
    )


class Context:
    """One document's tokens, its publication date and the dates found so far."""

    def __init__(self, doc: Document, words: DateWords, readers: dict[str, tuple[Reader, ...]]):
        self.text = doc.text
        self.pub: date | None = doc.published
        self.words = words
        self.readers = readers
        self.toks: Sequence[Tok] = lex(doc.text)
        self.found: list[Found] = []
        starts = [t.start for t in self.toks]
        self.sentence_starts = [bisect_right(starts, s.start - 1) for s in doc.sentences]
        self.blocked = sorted(
            [(m.start, m.stop) for e in doc.entities for m in e.mentions]
            + [(s.start, s.stop) for s in doc.spans]
        )

    def read(self, i: int) -> Found | None:
        """The date starting at token ``i``, or None."""
        tok = self.toks[i]
        readers = self.readers.get(tok.kind, ())
        head = tok.low.split("-", 1)[0]  # «ноябре-декабре»
        if tok.kind == "word" and head not in self.words.triggers and not is_roman(tok.text):
            return None
        for reader in readers:
            found = reader(self, i)
            if found is not None:
                return None if self.is_blocked(i) or self.in_quoted_name(found) else found
        return None

    def in_quoted_name(self, found: Found) -> bool:
        """A bare month or weekday inside a short quoted name: «Музыка для декабря»,
        «Огни ночной пятницы»; not «Мисс Америка-2013», «31 июня» nor a quoted phrase
        «… через месяц»."""
        if not found.relative or found.last - found.first != 1:
            return False
        word = self.toks[found.first].low
        if word not in self.words.months and word not in self.words.weekdays:
            return False
        return in_short_quotes(self.toks, found.first, found.last)

    def is_blocked(self, i: int) -> bool:
        """A token inside a name: «России сегодня», a quoted title."""
        tok = self.toks[i]
        k = bisect_right(self.blocked, (tok.start, len(self.text)))
        # a day word opening a name is still a date: «Вчера» mistaken for a place
        opens = tok.kind == "word" and tok.low in self.words.days
        if any(
            s <= tok.start < e and not (opens and s == tok.start)
            for s, e in self.blocked[max(0, k - 4) : k]
        ):
            return True
        if tok.kind == "word" and tok.low in self.words.days:
            return in_short_quotes(self.toks, i, i + 1)
        return False

    def is_title(self, found: Found) -> bool:
        """A date that is all of a quoted title: the film «31 июня» (not the year of a
        quoted event, «Радиомания-2007»)."""
        if found.start is not None:
            return False
        before = self.toks[found.first - 1].text if found.first > 0 else ""
        after = self.toks[found.last].text if found.last < len(self.toks) else ""
        return before in OPENING_QUOTES and after in CLOSING_QUOTES

    def lead(self, first: int) -> int:
        """Move a date's start back over its preposition and «в начале»-like words."""
        k = first
        # «в начале мая», but not «группа начала 28 июня» (a verb): no edge before a day
        day = self.toks[first].kind == "num" and len(self.toks[first].text) <= 2
        while (
            k > 0
            and first - k < 3
            and (
                self.toks[k - 1].low in LEAD
                or morph.adjective_lemma(self.toks[k - 1].low) in MODIFIERS
            )
            and not (day and self.toks[k - 1].low in EDGES)
        ):
            k -= 1
        while k > 0 and self.toks[k - 1].low in self.words.day_parts:
            k -= 1  # «вечером в пятницу»
        return k

    def is_name(self, i: int) -> bool:
        """A capitalised word inside a sentence, or before another capitalised word:
        «Октябрьский район», «Мая Плисецкая»."""
        tok = self.toks[i]
        if not tok.text[:1].isupper():
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is not None and nxt.kind == "word" and nxt.text[:1].isupper():
            return True
        start, _ = self.sentence(i)
        return i != start and self.toks[i - 1].text not in ("(", "—", "-", ":")

    def past_day_part(self, j: int) -> int:
        """Past «утром», «вечером» after a day: «сегодня вечером»."""
        return j + 1 if j < len(self.toks) and self.toks[j].low in self.words.day_parts else j

    def sentence(self, i: int) -> tuple[int, int]:
        """The token range of the sentence holding token ``i``."""
        k = bisect_right(self.sentence_starts, i)
        start = self.sentence_starts[k - 1] if k > 0 else 0
        stop = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.toks)
        return start, stop

    def direction(self, i: int, clause: bool = False) -> int:
        """Past, future or either, from the tense of the verb nearest to token ``i`` in
        its sentence (or only in its clause): «отправится во вторник» is future, «заявил
        в пятницу» past."""
        start, stop = self.clause(i) if clause else self.sentence(i)
        before = self.toks[i - 1].low if i > 0 else ""
        if before == "на" and not self.ends_a_span(i - 1):
            return cal.AHEAD  # «перенесли на 4 апреля», «запланирована на ноябрь»
        tense = None
        for j in sorted(range(start, stop), key=lambda j: abs(j - i)):  # nearest first
            tok = self.toks[j]
            if tok.kind != "word" or len(tok.low) < 3:
                continue
            parses = morph.parse(tok.low)
            tag = parses[0].tag if parses else None
            if tag is not None and tag.POS == "VERB" and tag.person in (None, "3per"):
                if "бы" in (self.toks[j - 1].low, self.toks[min(j + 1, stop - 1)].low):
                    continue  # «хотел бы провести»: a wish has no tense
                tense = tag.tense  # not «напомним»: the reader's verbs
                break
        if tense is None and before == "к":
            return cal.AHEAD  # «должны быть закончены к 30 ноября»
        return VERB_TENSES.get(str(tense), cal.NEAREST)

    def ends_a_span(self, j: int) -> bool:
        """Whether «на» at ``j`` closes a span «с X на Y» («в ночь с 12 на 13 августа»,
        «за сутки со вторника на среду»): then Y takes the verb's tense, not the future."""
        return j >= 2 and (self.toks[j - 1].low == "ночь" or self.toks[j - 2].low in ("с", "со"))

    def clause(self, i: int) -> tuple[int, int]:
        """The token range around ``i`` up to punctuation or quotes, within its sentence:
        the reporting verb of «"… через месяц", - уточнил юрист» is not the clause's."""
        start, stop = self.sentence(i)
        first = i
        while first > start and self.toks[first - 1].kind not in CLAUSE_BREAKS:
            first -= 1
        last = i
        while last < stop and self.toks[last].kind not in CLAUSE_BREAKS:
            last += 1
        return first, last

    def weekday_direction(self, i: int) -> int:
        """«в прошлую пятницу» is past, «в следующий вторник» future; else the verb's."""
        before = morph.adjective_lemma(self.toks[i - 1].low) if i > 0 else ""
        if before in PAST_MARKERS:
            return cal.PAST
        if before in NEXT_MARKERS:
            return cal.FUTURE
        return self.direction(i)

    def counts_after(self, j: int) -> bool:
        """Whether the word at ``j`` is something counted, so the number before it is a
        count and not a year: «в 2000 раз», «на 1500 человек»."""
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return False
        tok = self.toks[j]
        if tok.text[:1].isupper():
            return False
        parses = morph.parse(tok.low)
        if not parses or parses[0].tag.POS != "NOUN":
            return False
        return morph.case_of(parses[0].tag) != "nomn"

    def eve_of_event(self, j: int) -> bool:
        """«накануне выборов», «накануне своего 80-летнего юбилея»: a noun in the genitive
        follows, maybe after its modifiers in the genitive."""
        k = j
        while k < len(self.toks) and k - j < 3 and self.is_genitive_modifier(k):
            k += 1
        if k >= len(self.toks) or self.toks[k].kind != "word":
            return False
        parses = morph.parse(self.toks[k].low)
        genitive = [p.tag.POS == "NOUN" and morph.case_of(p.tag) == "gent" for p in parses]
        if k > j or all(genitive):
            return any(genitive)
        if is_genitive_or_plural(parses) and not self.plural_verb_follows(k + 1):
            return True  # «накануне встречи в Белом доме», not «накануне встречи прошли»
        # «накануне начала футбольного сезона»: «начала» is a verb too, but a genitive
        # noun phrase follows it
        return any(genitive) and k + 1 < len(self.toks) and self.eve_of_event(k + 1)

    def plural_verb_follows(self, j: int) -> bool:
        """Whether the first verb from ``j`` to the clause's end is plural: then the noun
        before ``j`` is its subject, «Накануне министерства заявили», not a genitive."""
        _, stop = self.clause(j) if j < len(self.toks) else (j, j)
        for k in range(j, stop):
            tok = self.toks[k]
            if tok.kind != "word":
                continue
            tag = morph.parse(tok.low)[0].tag
            if tag.POS == "VERB":
                return "plur" in tag
        return False

    def is_genitive_modifier(self, k: int) -> bool:
        """«своего», «80-летнего», «предстоящих»: an adjective that may be genitive."""
        tok = self.toks[k]
        if tok.kind == "comp":
            return True
        if tok.kind != "word":
            return False
        return any(
            p.tag.POS in ("ADJF", "PRTF") and morph.case_of(p.tag) == "gent"
            for p in morph.parse(tok.low)
        )

    def reference_day(self, i: int) -> date | None:
        """The last day named in this or the previous sentence, else the publication date."""
        here = bisect_right(self.sentence_starts, i)
        for f in reversed(self.found):
            if here - bisect_right(self.sentence_starts, f.first) > 1:
                break
            if f.grain == "day" and f.value and f.anchor:
                return date.fromisoformat(f.value)
        return self.pub

    def anchor(self, i: int, need: str, reach: int) -> Found | None:
        """The last date before token ``i``, at most ``reach`` sentences back, that gives
        a ``need`` («day»: a day; «month»: a month or a day; «year»: any with a year);
        its value may be None when it is relative and there is no publication date."""
        here = bisect_right(self.sentence_starts, i)
        grains = ANCHOR_GRAINS[need]
        for f in reversed(self.found):
            if here - bisect_right(self.sentence_starts, f.first) > reach:
                return None
            if f.grain in grains:
                return f
        return None

    def stated_year(self, i: int) -> int | None:
        """The year written out by the last date before token ``i`` in its sentence: «В
        марте 2010 года он стал мэром, а 12 апреля ушел» dates the April in 2010."""
        start, _ = self.sentence(i)
        last = self.found[-1] if self.found else None
        if last is None or last.first < start or last.relative or last.year is None:
            return None
        closes = i > 0 and self.toks[i - 1].low in RANGE_ENDS  # «с 1 марта 2011 по 5 мая»
        if self.toks[last.first].low in OPEN_STARTS and not closes:
            return None  # «правили с 1997 года, но на выборах 6 мая проиграли»
        return last.year

    def turns_year(self, i: int, month: int) -> bool:
        """Whether a date after the last one falls in the next year: a range's end («с 10
        декабря 2021 года по 10 января»: January 2022) or a future-tense date («заявил 21
        декабря 2017 года: когда 19 апреля будет сформирован…»: April 2018)."""
        last = self.found[-1] if self.found else None
        if last is None or last.value is None or len(last.value) < 7:
            return False
        if month >= int(last.value[5:7]):
            return False
        before = self.toks[i - 1].low if i > 0 else ""
        return before in RANGE_ENDS or self.direction(i) >= cal.FUTURE

    def last_year(self) -> int | None:
        """The year of the last date that states one: for «того же года»."""
        return next((f.year for f in reversed(self.found) if f.year is not None), None)

    def this_year(self, shift: int) -> int | None:
        return self.pub.year + shift if self.pub else None

    def mention(self, f: Found) -> DateMention:
        start = self.toks[f.first].start if f.start is None else f.start
        stop = self.toks[f.last - 1].stop
        return DateMention(start, stop, self.text[start:stop], f.value, f.relative, f.grain)
