"""Amounts: every number that counts or measures, normalized.

- money in any currency: «$24 миллиардов» → 24e9 USD, «4,5 млрд руб» → RUB, «примерно с
  тысячей крон» in an article about Estonia → EEK;
- percentages: «на 51%», «12,5 процента», «10-процентный»;
- counts with their object and rate: «около 10 тысяч жителей» → 10000, approx, житель;
  «до восьми человек на место» → 8, bound max, per место; «задержали шестерых» → 6;
- ranges with the midpoint as value: «200-300 млрд. рублей», «от 5 до 7 млн», «пять-семь
  тысяч»; hundredths of a currency: «3 рубля 50 копеек» → 3.5 RUB;
- an elliptical amount takes the unit and object of the one before it: «штраф в полторы
  тысячи рублей … на три тысячи» → RUB.

Not amounts (GUIDE): measurements, durations, ages and multiples («33 гектара», «10 лет»,
«24-летняя», «в 20 раз», «на треть»), bare numbers that count nothing, dates (the dates
stage runs first), numbers in names («МИР 24», «Су-35»),
ordinals, scores, times, phone numbers, labels («статья 105», «ч. 2»), and numbers that
point back («эти три страны»). Counts of people and things are amounts, small ones too
(«лидеров двух стран»).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from svodka.config import Config
from svodka.doc import Amount, Document
from svodka.lang import morph
from svodka.lang.lexer import Tok, lex, plain
from svodka.stages.amounts.filters import NOT_COUNTED, Blocked, counted, keep
from svodka.stages.amounts.read import (
    ALTERNATIVES,
    PARTITIVE,
    Reading,
    at,
    count_noun_before,
    digits_or_words,
    low,
    people_verb_next,
    read_object,
    read_range,
)
from svodka.stages.amounts.units import hedge_ending, read_hedge, read_per, read_unit
from svodka.stages.amounts.words import Lexicon, load_lexicon

REQUIRES = ("sentences", "entities", "dates")
#: How far, in tokens, a bare number in the same sentence takes the unit before it.
UNIT_REACH = 10
PROVIDES = ("amounts",)


@dataclass(frozen=True, slots=True)
class Resources:
    lexicon: Lexicon


def load(config: Config) -> Resources:
    """Read the word lists and generate their inflected forms."""
    return Resources(lexicon=load_lexicon())


def apply(doc: Document, res: Resources) -> Document:
    """Fill ``doc.amounts``."""
    return replace(doc, amounts=tuple(find_amounts(doc, res.lexicon)))


def find_amounts(doc: Document, lx: Lexicon) -> list[Amount]:
    """Every amount in the document, in text order."""
    toks = lex(doc.text)
    blocked = Blocked(doc)
    countries = frozenset(e.name for e in doc.entities if e.type == "LOC")
    readings: list[Reading] = []
    i = 0
    while i < len(toks):
        r = read_at(toks, i, lx, countries)
        if r is not None and r.score:
            i = r.last  # a score: skip both its numbers
        elif r is not None and keep(toks, r, lx, blocked, readings):
            readings.append(r)
            i = r.last
        else:
            i += 1
    inherit(readings, toks, [s.start for s in doc.sentences])
    readings = [r for r in readings if counted(r, toks)]
    take_article_currency(readings)
    return [to_amount(doc.text, toks, r) for r in readings]


def take_article_currency(readings: list[Reading]) -> None:
    """«от 20 до 30 тыс.» in an article about rouble payments → RUB: an amount with a
    multiplier and neither unit nor object takes the article's most frequent currency."""
    codes = Counter(r.unit for r in readings if r.unit is not None and r.unit != "%")
    if not codes:
        return
    code = codes.most_common(1)[0][0]
    for r in readings:
        if r.multiplied and r.unit is None and r.object is None:
            r.unit = code


def read_at(toks: Sequence[Tok], i: int, lx: Lexicon, countries: frozenset[str]) -> Reading | None:
    """The amount whose number starts at token ``i``, or None."""
    tok = toks[i]
    if tok.kind == "comp":
        return read_compound(tok, i, tok.low.split("-", 1)[0], tok.low.split("-", 1)[1], lx)
    if tok.kind == "word":
        if tok.low in lx.adverbs:
            value, unit, obj = lx.adverbs[tok.low]
            return Reading(i, i + 1, i, i + 1, value, words=True, unit=unit, object=obj, whole=True)
        if tok.low in lx.multipliers and tok.low not in lx.numbers:
            return read_bare_multiplier(toks, i, lx, countries)
        if tok.low not in lx.numbers and "-" not in tok.low:
            return read_word_compound(tok, i, lx)
    r = read_range(toks, i, lx)
    if r is None or r.score:
        return r
    fraction = at(toks, r.last)
    if r.words and fraction is not None and fraction.low in lx.fractions:
        r.value, r.last = r.value / lx.fractions[fraction.low], r.last + 1  # «две трети»
    read_unit(toks, r, lx, countries)
    if r.unit is None:
        read_object(toks, r, lx)
    if r.unit is None and r.object is None and not r.multiplied and r.range is None:
        borrow_next(toks, r, lx, countries)
    if r.unit is None and r.object is None:
        count_noun_before(toks, r)
    if r.unit is None and r.object is None and not r.words:
        people_verb_next(toks, r)
    join_upper(toks, r, lx, countries)
    read_per(toks, r, lx)
    read_hedge(toks, r, lx)
    return r


def borrow_next(toks: Sequence[Tok], r: Reading, lx: Lexicon, countries: frozenset[str]) -> None:
    """«1,2 или 1,3 миллиарда долларов», «9,25 и 9% годовых», «с 9 до 7 лет»: a bare number
    takes the multiplier, unit and object of the alternative after it; a part takes the
    object of its whole: «55 из 90 депутатов» → депутат."""
    link = low(toks, r.last)
    changed = link == "до" and low(toks, r.num - 1) in ("с", "со")  # «с 9 до 7 лет»
    part = link == PARTITIVE
    if (link not in ALTERNATIVES and not changed and not part) or r.last + 1 >= len(toks):
        return
    nxt = read_range(toks, r.last + 1, lx)
    if nxt is None or nxt.score or nxt.range is not None or nxt.words != r.words:
        return
    read_unit(toks, nxt, lx, countries)
    if nxt.unit is None:
        read_object(toks, nxt, lx)
    if nxt.multiplied and not part:
        r.value *= nxt.value / digits_or_words(toks, r.last + 1, lx)
    r.multiplied, r.unit, r.object = nxt.multiplied, nxt.unit, nxt.object


def join_upper(toks: Sequence[Tok], r: Reading, lx: Lexicon, countries: frozenset[str]) -> None:
    """«от 11% до 11,5%», «от 5 млн рублей до 7 млн рублей»: a range with units on both."""
    if r.range is not None or low(toks, r.num - 1) != "от" or low(toks, r.last) != "до":
        return
    if r.last + 1 >= len(toks):
        return
    hi = read_range(toks, r.last + 1, lx)
    if hi is None or hi.score or hi.range is not None or hi.value <= r.value:
        return
    read_unit(toks, hi, lx, countries)
    if hi.unit is None:
        read_object(toks, hi, lx)
    if r.unit not in (None, hi.unit):
        return
    r.range, r.value, r.last = (r.value, hi.value), (r.value + hi.value) / 2, hi.last
    r.unit, r.object = hi.unit, r.object or hi.object


def read_compound(tok: Tok, i: int, number: str, rest: str, lx: Lexicon) -> Reading | None:
    """«30-летняя» → 30 год, «5-кратный» → 5 раз, «10-процентный» → 10 %."""
    for stem, obj, unit in lx.compounds:
        if rest.startswith(stem):
            value = Decimal(number.replace(",", "."))
            return Reading(i, i + 1, i, i + 1, value, object=obj or None, unit=unit or None)
    return None


def read_word_compound(tok: Tok, i: int, lx: Lexicon) -> Reading | None:
    """«двухдневной» → 2 день, «Четырехкратный» → 4 раз."""
    m = lx.compound_words.match(tok.low)
    if m is None:
        return None
    r = read_compound(tok, i, str(lx.prefix_values[m.group(1)]), tok.low[m.end(1) :], lx)
    if r is not None:
        r.words = r.whole = True
    return r


def read_bare_multiplier(
    toks: Sequence[Tok], i: int, lx: Lexicon, countries: frozenset[str]
) -> Reading | None:
    """«с тысячей крон», «миллион долларов», «около тысячи человек»: a multiplier word
    alone, with its currency or counted noun; not
    «миллионы долларов» (a plural is no number), and «тысячи» only after a hedge («около
    тысячи долларов»), for it is also a plural."""
    word = toks[i].low
    if all("plur" in p.tag for p in morph.parse(word)):
        return None
    if any("plur" in p.tag for p in morph.parse(word)) and not hedge_ending(toks, i, lx):
        return None
    r = Reading(i, i + 1, i, i + 1, lx.multipliers[toks[i].low], words=True, multiplied=True)
    read_unit(toks, r, lx, countries)
    if r.unit is None:
        read_object(toks, r, lx)  # «около тысячи человек», «более миллиона жителей»
    if r.unit == "%" or (r.unit is None and r.object is None):
        return None
    read_hedge(toks, r, lx)
    return r


def inherit(readings: list[Reading], toks: Sequence[Tok], sentence_starts: list[int]) -> None:
    """An amount with neither unit nor object takes them from the amount before it, in the
    same or the previous sentence, past durations: «на 200-300 млрд. рублей … на 150
    млрд.» → RUB, «10 тысяч человек, а через три часа … 140 тысяч» → человек. A unit
    crosses a sentence only with a multiplier, and reaches a bare number only nearby:
    «55 миллионов долларов … (архивировано: 1, 2)» is no money."""
    for k in range(1, len(readings)):
        r = readings[k]
        if r.unit is not None or r.object is not None:
            continue
        p = source(readings, k, toks, sentence_starts)
        if p is None:
            continue
        gap = sentence_of(sentence_starts, toks[r.num].start) - sentence_of(
            sentence_starts, toks[p.num].start
        )
        if gap > 1 or (r.multiplied and p.object in NOT_COUNTED):
            continue  # «на 20 лет … еще 500 тысяч» is no duration
        r.object = p.object
        if p.unit == "%" and r.multiplied:
            continue  # «30% от суммы, или примерно 4 млн» is money, not percent
        if p.unit is not None and (r.multiplied or (gap == 0 and r.first - p.last <= UNIT_REACH)):
            r.unit = p.unit


def source(
    readings: list[Reading], k: int, toks: Sequence[Tok], sentence_starts: list[int]
) -> Reading | None:
    """The amount reading ``k`` takes its unit and object from: the one before it, or in
    its sentence the last one before it that is no duration or measure («10 тысяч
    человек, а через три часа … 140 тысяч»)."""
    here = sentence_of(sentence_starts, toks[readings[k].num].start)
    for p in reversed(readings[:k]):
        if p.object not in NOT_COUNTED:
            return p
        if sentence_of(sentence_starts, toks[p.num].start) != here:
            break
    return readings[k - 1]


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset)


def to_amount(text: str, toks: Sequence[Tok], r: Reading) -> Amount:
    start, stop = toks[r.first].start, toks[r.last - 1].stop
    return Amount(
        start=start,
        stop=stop,
        text=text[start:stop],
        value=plain(r.value),
        unit=r.unit,
        approx=r.approx or r.range is not None,  # GUIDE: a range is approximate
        bound=r.bound,
        range=(plain(r.range[0]), plain(r.range[1])) if r.range else None,
        object=r.object,
        per=r.per,
    )
