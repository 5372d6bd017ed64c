"""Part of the amounts stage: the tests that tell an amount from a date, a name, a label
or a back-reference.

- names and dates: a number inside an entity mention or a date mention («МИР 24»);
- labels: «статья 105», «ч. 2», «№ 5», «на участках 2 и 3», «улица Авиационная, 79»,
  «PlayStation 4», list numbers «1.»;
- years: a bare «1995» that counts nothing, «(2003—2011)»;
- measurements, durations, ages, multiples (``counted``): «33 гектара», «10 лет», «20 раз»;
- number words that point back: «лидеров двух стран», «эти двое», «еще один проект».
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from svodka.doc import Document
from svodka.lang import morph
from svodka.lang.lexer import Tok, in_short_quotes
from svodka.lang.text import CLOSING_QUOTES, DASHES, OPENING_QUOTES, QUOTES
from svodka.resources import read_lines
from svodka.stages.amounts.read import ALTERNATIVES, PARTITIVE, Reading, at, low
from svodka.stages.amounts.words import Lexicon

#: A bare four-digit number in this span with nothing counted is a year: «в 1821 и 1823».
YEARS = (1800, 2100)
#: «еще один проект» is "another", «ни одного» none, «не один раз» several
NOT_ONE = frozenset(read_lines("amounts/not_one.txt"))
#: Objects of measurements, durations, ages and multiples: «33 гектара», «10 лет», «20 раз».
NOT_COUNTED = frozenset(read_lines("amounts/not_counted.txt"))
OCCASION = "раз"  # «пять раз»: counted, unless a multiple: «в пять раз»
MULTIPLE_PREPOSITIONS = frozenset({"в", "во"})
#: «в 3 часа ночи», «в 5 утра»: a time, not an amount.
CLOCK = frozenset(read_lines("amounts/clock_words.txt"))
CLOCK_PREPS = frozenset(read_lines("amounts/clock_prepositions.txt"))
#: What may stand between labels of one list: «статьи 105 и 222», «ч. 1-3»; not the em
#: dash, which opens a clause: «по статье 105 — 20 лет».
LABEL_LINKS = ALTERNATIVES | {",", "(", ")"} | (DASHES - {"—"})


def counted(r: Reading, toks: Sequence[Tok]) -> bool:
    """Whether a kept reading, its object inherited, is an amount by the GUIDE: not a
    measurement, a duration, an age or a multiple («33 гектара», «за 12 часов»,
    «24-летняя», «в 20 раз»), nor a bare number that counts nothing («был 5 в списке»).
    Occasions are counted: «пять раз выигрывал» is five times, «в пять раз» a multiple."""
    if r.object == OCCASION and not r.whole:  # «дважды», «четырехкратный» stay out
        return low(toks, r.first - 1) not in MULTIPLE_PREPOSITIONS
    if r.object in NOT_COUNTED:
        return False
    return bool(r.unit or r.object or r.multiplied or r.whole)


class Blocked:
    """Character spans where a number is not an amount: dates and names."""

    def __init__(self, doc: Document):
        spans = [(d.start, d.stop) for d in doc.dates]
        spans += [(m.start, m.stop) for e in doc.entities for m in e.mentions]
        spans += [(s.start, s.stop) for s in doc.spans]
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def covers(self, start: int, stop: int, words: bool) -> bool:
        """Whether a blocked span overlaps ``[start, stop)``. A name that is exactly a
        number word is the NER's mistake («Двукратный»), not a name."""
        k = bisect_right(self.starts, stop - 1)
        return any(
            s < stop and start < e and not (words and (s, e) == (start, stop))
            for s, e in self.spans[max(0, k - 8) : k]
        )


def keep(
    toks: Sequence[Tok], r: Reading, lx: Lexicon, blocked: Blocked, prev: list[Reading]
) -> bool:
    """Whether a reading is an amount and not a date, a name, a label or a back-reference."""
    first, last = toks[r.num], toks[r.num_end - 1]
    if blocked.covers(first.start, last.stop, r.words) or is_label(toks, r.num, lx):
        return False
    # «"112"», «5'», «5″»: a quoted name, or feet, minutes, inches
    if in_quoted_name(toks, r.num, r.num_end) or low(toks, r.num_end) in ("'", "’", "″"):
        return False
    if r.object == "час" and low(toks, r.last) in CLOCK:
        return False  # «в 3 часа ночи» is a time
    if low(toks, r.last - 1) in CLOCK and low(toks, r.num - 1) in CLOCK_PREPS:
        return False  # «в 5 утра» too
    if not r.words:
        return not (
            is_year(toks, r)
            or is_enumerator(toks, r)
            or is_model(toks, r)
            or is_numbered(toks, r)
            or is_address(toks, r, lx)
        )
    if r.whole:
        return True
    if low(toks, r.first - 1) in lx.back_references:
        return False
    if r.value == 1 and (
        low(toks, r.num - 1) in NOT_ONE or low(toks, r.num_end) == PARTITIVE or r.plural
    ):
        return False
    return bool(r.object or r.unit or r.multiplied or is_partitive(toks, r, prev))


def in_quoted_name(toks: Sequence[Tok], num: int, end: int) -> bool:
    """A number inside a short quoted name: «МИР 24», "112"; not one between two names,
    «Порше» принадлежит 31 проценту акций «Фольксвагена», where the quote before closes
    a name and the quote after opens one."""
    if not in_short_quotes(toks, num, end):
        return False
    left = next(j for j in range(num - 1, num - 4, -1) if toks[j].text in QUOTES)
    right = next(j for j in range(end, end + 3) if toks[j].text in QUOTES)
    return toks[left].text in OPENING_QUOTES and toks[right].text in CLOSING_QUOTES


def is_label(toks: Sequence[Tok], k: int, lx: Lexicon) -> bool:
    """«статья 105», «ч. 2», «№ 5», and the rest of a list after one: «по статьям 105
    (убийство) и 222 УК РФ»."""
    j, depth = k - 1, 0
    while j >= 0 and k - j <= 12:
        word = toks[j].low
        if word == ")":
            depth += 1
        elif word == "(":
            depth -= 1
        elif depth == 0 and is_marker(toks, j, lx):
            return True
        elif depth == 0 and word not in LABEL_LINKS and toks[j].kind != "num":
            return False
        j -= 1
    return False


def is_marker(toks: Sequence[Tok], j: int, lx: Lexicon) -> bool:
    """A label word at ``j``, or the dot of an abbreviated one: «статьи», «ст.», «№»."""
    word = toks[j].low
    if word == ".":
        return j > 0 and toks[j - 1].low in lx.markers
    return word in lx.markers or lemma_of(toks[j]) in lx.markers


def lemma_of(tok: Tok) -> str:
    return morph.lemma(tok.low) if tok.kind == "word" else tok.low


def is_year(toks: Sequence[Tok], r: Reading) -> bool:
    """A bare four-digit number that counts nothing: «в 1821 и 1823 годах»; a range of
    two such: «(2003—2011)»."""
    if r.range is not None:
        bare = not (r.object or r.unit or r.approx or r.multiplied)
        return bare and all(v == int(v) and YEARS[0] <= v <= YEARS[1] for v in r.range)
    tok = toks[r.num]
    if r.num_end - r.num != 1 or len(tok.text) != 4 or not tok.text.isdecimal():
        return False
    return YEARS[0] <= int(tok.text) <= YEARS[1] and not (r.object or r.unit or r.approx)


def is_numbered(toks: Sequence[Tok], r: Reading) -> bool:
    """Bare numbers right after a noun are its labels: «на участках 2 и 3», «палата 6»."""
    if r.object or r.unit or r.range or r.multiplied or r.first < r.num:
        return False
    j = r.num - 1
    while j > 0 and toks[j].low in ("и", ",") and toks[j - 1].kind == "num":  # «2 и 3», «2, 3»
        j -= 2
    tok = at(toks, j)
    if tok is None or tok.kind != "word" or not tok.text.islower():
        return False
    parses = morph.parse(tok.low)
    return bool(parses) and parses[0].tag.POS == "NOUN"


def is_address(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> bool:
    """A house number: «улица Авиационная, 79», «на Пятой Авеню, 848»."""
    if r.object or r.unit or r.range or r.multiplied or low(toks, r.num - 1) != ",":
        return False
    for j in range(r.num - 2, max(-1, r.num - 6), -1):
        tok = toks[j]
        if tok.low in lx.streets or lemma_of(tok) in lx.streets:
            return True
        if tok.kind != "word":
            return False
    return False


def is_model(toks: Sequence[Tok], r: Reading) -> bool:
    """A bare number after a Latin word is part of a name: «PlayStation 4», «Windows 10»."""
    before = at(toks, r.num - 1)
    bare = not (r.object or r.unit or r.range or r.multiplied)
    return bare and before is not None and before.kind == "word" and before.text.isascii()


def is_enumerator(toks: Sequence[Tok], r: Reading) -> bool:
    """«1.» or «2)» at the start of a line: a list item's number."""
    if r.object or r.unit or r.range or low(toks, r.num_end) not in (".", ")"):
        return False
    before = at(toks, r.num - 1)
    return before is None or before.kind == "nl" or before.low in (":", ";")


def is_partitive(toks: Sequence[Tok], r: Reading, prev: list[Reading]) -> bool:
    """«два претендента из пяти»: the group a counted part is taken from."""
    return bool(prev) and low(toks, r.num - 1) == PARTITIVE and prev[-1].last == r.num - 1
