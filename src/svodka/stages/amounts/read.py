"""Part of the amounts stage: reading one amount at a token: its number or range, then
its object (``units`` reads its unit, hedge and rate).

An amount is read left to right around its number::

    hedge   sign  number [– number] multiplier  unit | adjectives object  per
    «около»       «10»               «тысяч»           «жителей»
    «до»          «восьми»                             «человек»          «на место»
                  «$»   «24»         «миллиардов»
                        «200-300»    «млрд.»     «рублей»
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from svodka.lang import morph
from svodka.lang.lexer import Tok, digits_value
from svodka.lang.text import DASHES, QUOTES
from svodka.resources import read_lines
from svodka.stages.amounts.words import Lexicon

#: Abbreviations whose dot belongs to the amount: «200-300 млрд.», «5 тыс. руб.».
ABBREVIATIONS = frozenset(read_lines("amounts/abbreviations.txt"))
#: Prepositions that may stand between a hedge and its number: «примерно на 150 млрд».
HEDGE_PREPS = frozenset(read_lines("amounts/hedge_prepositions.txt"))
#: Parts of speech an object may be preceded by: «около 100 мелких и средних бандгрупп».
MODIFIERS = frozenset({"ADJF", "PRTF"})
#: The conjunctions between alternative numbers: «1,2 или 1,3 миллиарда», «9,25 и 9%».
ALTERNATIVES = frozenset({"и", "или"})
CONJUNCTIONS = ALTERNATIVES | {","}
#: «число кандидатов … до 13»: nouns that name a count (count_nouns.txt).
COUNT_NOUNS = frozenset(read_lines("amounts/count_nouns.txt"))
#: «погибли 11, ранены 20»: verbs whose bare number counts people (people_verbs.txt).
PEOPLE_VERBS = frozenset(read_lines("amounts/people_verbs.txt"))
#: How far back a count noun may stand from its bare number, in tokens.
COUNT_REACH = 10
#: Possessive pronouns that may stand between a number and its object: «80 его сторонников».
POSSESSIVES = frozenset({"его", "ее", "её", "их"})
#: Words after «из» that make a number a part of a group, not a count: «один из них».
PARTITIVE = "из"
SIGNS = frozenset("$€₽¥£")
THOUSAND = Decimal(1000)
DEGREES = frozenset("°º")


@dataclass(slots=True)
class Reading:
    """An amount read at tokens ``[first, last)``; the number itself is ``[num, num_end)``."""

    first: int
    last: int
    num: int
    num_end: int
    value: Decimal
    words: bool = False
    multiplied: bool = False
    range: tuple[Decimal, Decimal] | None = None
    unit: str | None = None
    approx: bool = False
    bound: str | None = None
    object: str | None = None
    per: str | None = None
    #: an amount in one word that needs nothing around it: «дважды», «двухдневной»
    whole: bool = False
    #: «116-112»: two numbers that are a score, not an amount
    score: bool = False
    #: the object is in the plural: «одним участникам» is "to some", not one
    plural: bool = False


def at(toks: Sequence[Tok], k: int) -> Tok | None:
    return toks[k] if 0 <= k < len(toks) else None


def low(toks: Sequence[Tok], k: int) -> str:
    tok = at(toks, k)
    return tok.low if tok is not None else ""


def read_value(toks: Sequence[Tok], i: int, lx: Lexicon) -> tuple[Decimal, int, bool, bool] | None:
    """The number at token ``i``: (value, next index, written in words, multiplied)."""
    tok = toks[i]
    if tok.kind == "num":
        value = digits_value(tok.text)
        if value is None:
            return None
        mult = read_multiplier(toks, i + 1, lx)
        if mult is None:
            return value, i + 1, False, False
        value, j = value * mult[0], mult[1]
        rest = at(toks, j)
        is_num = rest is not None and rest.kind == "num"
        smaller = read_multiplier(toks, j + 1, lx) if is_num else None
        if rest is not None and smaller is not None and smaller[0] < mult[0]:
            value += (digits_value(rest.text) or 0) * smaller[0]  # «1 млн 300 тысяч»
            j = smaller[1]
        elif rest is not None and is_num and is_remainder(rest.text, mult[0]):
            value += digits_value(rest.text) or 0  # «4 тыс. 763 человек»
            j += 1
        return value, j, False, True
    if tok.kind == "word" and tok.low in lx.numbers:
        return read_words(toks, i, lx)
    return None


def is_remainder(text: str, factor: Decimal) -> bool:
    """Whether bare digits after «тыс.» are the rest of its number: «4 тыс. 763» (at most
    three digits, below the multiplier)."""
    return factor == THOUSAND and text.isdecimal() and len(text) <= 3


def read_words(toks: Sequence[Tok], i: int, lx: Lexicon) -> tuple[Decimal, int, bool, bool] | None:
    """«сто двадцать пять» → 125, «полтора миллиарда» → 1.5e9, «две тысячи триста» → 2300."""
    total, current, last, j, multiplied = Decimal(0), Decimal(0), Decimal(0), i, False
    while j < len(toks) and toks[j].kind == "word":
        word = toks[j].low
        if word in lx.numbers:
            value = lx.numbers[word]
            if last and value >= last:
                break  # «два три» is two numbers
            current, last, j = current + value, value, j + 1
        elif word in lx.multipliers and (current or total == 0) and j > i:
            total += (current or 1) * lx.multipliers[word]
            current, last, j, multiplied = Decimal(0), Decimal(0), j + 1, True
            j = skip_dot(toks, j, word)
        else:
            break
    return total + current, j, True, multiplied


def read_multiplier(toks: Sequence[Tok], j: int, lx: Lexicon) -> tuple[Decimal, int] | None:
    """«тыс.», «млн», «миллиардов» after a number: (factor, next index)."""
    tok = at(toks, j)
    if tok is None or tok.kind != "word" or tok.low not in lx.multipliers:
        return None
    return lx.multipliers[tok.low], skip_dot(toks, j + 1, tok.low)


def skip_dot(toks: Sequence[Tok], j: int, word: str) -> int:
    """Past the dot of an abbreviation: «млрд.», «руб.»."""
    return j + 1 if word in ABBREVIATIONS and low(toks, j) == "." else j


def read_range(toks: Sequence[Tok], i: int, lx: Lexicon) -> Reading | None:
    """A number or a range at ``i``: «5», «200-300 млрд.», «5–7 тыс.», «от 5 до 7 млн»,
    «два-три»; a range's value is its midpoint and a multiplier after the second number
    applies to both. A «range» whose first number is not smaller («116-112», a score) is
    not an amount: the reading has no value and is dropped by the caller."""
    tok = toks[i]
    if tok.kind == "word" and "-" in tok.low:
        return multiplied_range(toks, read_word_range(tok, i, lx), lx)
    lo = read_value(toks, i, lx)
    if lo is None:
        return None
    value, j, words, multiplied = lo
    if is_negative(toks, i, j):
        value, i = -value, i - 1  # «ниже -78 °С»
    reading = Reading(first=i, last=j, num=i, num_end=j, value=value, words=words)
    reading.multiplied = multiplied
    sep = low(toks, j)
    if (sep and sep in DASHES) or (sep == "до" and low(toks, i - 1) == "от"):
        hi = read_value(toks, j + 1, lx) if at(toks, j + 1) is not None else None
        if hi is not None and hi[2] == words:
            hi_value, k, _, hi_mult = hi
            factor = hi_value / digits_or_words(toks, j + 1, lx) if hi_mult else 1
            if not multiplied and value * factor < hi_value:
                value *= factor  # «200-300 млрд», but «от 300 до 7,5 тысяч евро»
            if value >= hi_value:
                if toks[j].start > toks[j - 1].stop:
                    return reading  # «1200 человек — 300 наемников»: a dash between clauses
                reading.score = True  # «116-112»: a score, not a range
                reading.last = reading.num_end = k
                return reading
            reading.range = (value, hi_value)
            reading.value = (value + hi_value) / 2
            reading.multiplied = multiplied or hi_mult
            reading.last = reading.num_end = k
            if sep == "до":
                reading.first = i - 1
    return reading


def multiplied_range(toks: Sequence[Tok], r: Reading | None, lx: Lexicon) -> Reading | None:
    """«пять-семь тысяч человек» → 5000–7000: the multiplier after a range in words."""
    if r is None or r.range is None:
        return r
    mult = read_multiplier(toks, r.last, lx)
    if mult is None:
        return r
    r.value, r.range = r.value * mult[0], (r.range[0] * mult[0], r.range[1] * mult[0])
    r.last = r.num_end = mult[1]
    r.multiplied = True
    return r


def is_negative(toks: Sequence[Tok], i: int, j: int) -> bool:
    """A temperature below zero: «ниже -78 °С» (a minus glued to the number, apart from
    what is before it, and degrees after)."""
    minus, before = at(toks, i - 1), at(toks, i - 2)
    if minus is None or minus.text not in ("-", "−") or minus.stop != toks[i].start:
        return False
    if not (low(toks, j) in DEGREES or low(toks, j).startswith("градус")):
        return False
    return before is None or (before.stop < minus.start and before.kind != "num")


def digits_or_words(toks: Sequence[Tok], k: int, lx: Lexicon) -> Decimal:
    """The bare number at ``k``, before its multiplier (1 if it has none)."""
    tok = toks[k]
    if tok.kind == "num":
        return digits_value(tok.text) or Decimal(1)
    value = Decimal(0)
    while k < len(toks) and toks[k].low in lx.numbers:
        value += lx.numbers[toks[k].low]
        k += 1
    return value or Decimal(1)


def read_word_range(tok: Tok, i: int, lx: Lexicon) -> Reading | None:
    """«два-три», «пять-шесть»: a range written as one hyphenated word."""
    parts = tok.low.split("-")
    if len(parts) != 2 or not all(p in lx.numbers for p in parts):
        return None
    lo, hi = lx.numbers[parts[0]], lx.numbers[parts[1]]
    if lo >= hi:
        return None
    return Reading(
        first=i, last=i + 1, num=i, num_end=i + 1, value=(lo + hi) / 2, words=True, range=(lo, hi)
    )


def is_modifier(word: str) -> bool:
    """An adjective or participle: «мелких», «имеющихся»."""
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in MODIFIERS


def noun_lemma(tok: Tok) -> str | None:
    """The lemma of a noun, or an abbreviation as written («ДТП», «НВФ»)."""
    if tok.kind != "word":
        return None
    if tok.text.isupper() and len(tok.text) > 1:
        return tok.text
    parses = morph.parse(tok.low)
    if parses and parses[0].tag.POS == "NOUN":
        return parses[0].normal_form.replace("ё", "е")
    return None


def read_object(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> None:
    """The counted noun after the number, across adjectives, a participle's phrase and a
    coordinated number: «около 100 мелких и средних бандгрупп», «семи имеющихся в стране
    птицефермах», «девять железнодорожных и две индустриальные компании» (the text stops
    before «и две»), «19,7 млн т» (an abbreviated unit); not past the dot of «тыс.» that
    ends a sentence: «Пособие — 10 тыс. Семьи получат …»."""
    j, end, stop = r.last, min(len(toks), r.last + 8), None
    if ends_sentence(toks, r.last) or read_unit_word(toks, r, lx):
        return
    last_modifier = None
    while j < end:
        tok = toks[j]
        if tok.text in QUOTES:
            j += 1
            continue
        lemma = noun_lemma(tok)
        if lemma is not None and tok.low not in lx.numbers:
            r.object, r.last = lemma, stop or j + 1
            r.plural = "plur" in morph.parse(tok.low)[0].tag if tok.kind == "word" else False
            return
        if tok.low in CONJUNCTIONS and j > r.last:
            nxt = at(toks, j + 1)
            if nxt is not None and (nxt.kind == "num" or nxt.low in lx.numbers):
                stop, j = stop or j, j + 2
                continue
            if nxt is not None and nxt.kind == "word" and is_modifier(nxt.low):
                if "Apro" in morph.parse(nxt.low)[0].tag:
                    break  # «15 тысяч иранских военных, которые …»
                j += 1
                continue
            break
        if tok.low in POSSESSIVES and j == r.last:
            j += 1  # «около 80 его последователей»
            continue
        if tok.kind != "word" or not is_modifier(tok.low):
            break
        last_modifier = j
        j = past_phrase(toks, j + 1) if is_participle(tok.low) else j + 1
    if last_modifier is not None and stop is None:
        substantive(toks, r, last_modifier)
    if r.object is None:
        collective(toks, r, lx)


def ends_sentence(toks: Sequence[Tok], j: int) -> bool:
    """A dot before token ``j`` and a capitalised word at it: «10 тыс. Семьи»; not an
    abbreviation in capitals, «12 тыс. ДТП»."""
    tok = at(toks, j)
    if tok is None or low(toks, j - 1) != "." or tok.kind != "word":
        return False
    return tok.text[:1].isupper() and not tok.text.isupper()


def substantive(toks: Sequence[Tok], r: Reading, k: int) -> None:
    """«трое раненых», «двое неизвестных»: an adjective in the plural with no noun after
    it is the counted thing itself; after «один» in the singular: «одного погибшего»."""
    parse = morph.parse(toks[k].low)[0]
    single = r.value == 1 and r.words and "sing" in parse.tag and "Apro" not in parse.tag
    if "plur" in parse.tag or single:
        word = morph.inflect(parse, {"masc", "sing", "nomn"}) or parse.normal_form
        r.object, r.last, r.plural = word.replace("ё", "е"), k + 1, not single


def collective(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> None:
    """«задержали шестерых»: a collective numeral alone counts people; not «трое из них»."""
    alone = r.num_end - r.num == 1 and r.range is None and low(toks, r.num_end) != PARTITIVE
    if alone and toks[r.num].low in lx.collectives:
        r.object = "человек"


def read_unit_word(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> bool:
    """An abbreviated unit: «т», «км», «л.с.», «кв. м»."""
    first = at(toks, r.last)
    if first is None or first.kind != "word":
        return False
    j = r.last + 1 + (low(toks, r.last + 1) == ".")
    pair = f"{first.low} {low(toks, j)}"
    if pair in lx.units:
        r.object, r.last = lx.units[pair], j + 1 + (low(toks, j + 1) == ".")
        return True
    if first.low in lx.units:
        r.object, r.last = lx.units[first.low], j
        return True
    return False


def is_participle(word: str) -> bool:
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS == "PRTF"


def past_phrase(toks: Sequence[Tok], j: int) -> int:
    """Past a preposition and its noun after a participle: «имеющихся [в стране]»."""
    prep, noun = at(toks, j), at(toks, j + 1)
    if prep is None or noun is None or prep.low not in HEDGE_PREPS:
        return j
    after = at(toks, j + 2)
    if noun_lemma(noun) is not None and after is not None and noun_lemma(after) is not None:
        return j + 2
    return j


def people_verb_next(toks: Sequence[Tok], r: Reading) -> None:
    """«погибли 11, ранены 20», «33 проголосовали против», «погибших — 11»: a bare number
    right before or after a verb (or participle) of people's fate counts people."""
    before = r.first - 2 if low(toks, r.first - 1) in DASHES else r.first - 1  # «погибших — 11»
    for k in (before, r.last):
        tok = at(toks, k)
        if tok is not None and tok.kind == "word" and morph.lemma(tok.low) in PEOPLE_VERBS:
            r.object = "человек"
            return


def count_noun_before(toks: Sequence[Tok], r: Reading) -> None:
    """«Число кандидатов в мэры выросло до 13» → 13 кандидат: a bare number takes the noun
    after «число», «количество» earlier in its clause."""
    for j in range(r.first - 1, max(-1, r.first - 1 - COUNT_REACH), -1):
        tok = toks[j]
        if tok.kind == "nl" or tok.low in (".", ";", "!", "?"):
            return
        if tok.kind == "word" and morph.lemma(tok.low) in COUNT_NOUNS:
            for k in range(j + 1, min(j + 4, r.first)):
                lemma = noun_lemma(toks[k])
                if lemma is not None:
                    r.object = lemma
                    return
                if not is_modifier(toks[k].low):
                    return
            return
