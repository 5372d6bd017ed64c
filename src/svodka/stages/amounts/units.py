"""Part of the amounts stage: what stands around a number: its unit, hedge and rate.

- unit: «рублей», «руб.», «$», «USD», «%», «процента»; the currency of «крон» or
  «долларов» by its adjective or by the article's countries;
- hedge: «около», «более», «не менее», «до» (not after a verb of change: «вырос до 5%»);
- rate: «в год», «на место».
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from svodka.lang import morph
from svodka.lang.lexer import Tok, digits_value
from svodka.stages.amounts.read import HEDGE_PREPS, SIGNS, Reading, at, is_modifier, low, skip_dot
from svodka.stages.amounts.words import Lexicon


def read_unit(toks: Sequence[Tok], r: Reading, lx: Lexicon, countries: frozenset[str]) -> None:
    """A currency or percent after the number, or a currency sign or code before it."""
    j = r.last
    tok = at(toks, j)
    before = at(toks, r.first - 1)
    if before is not None and (
        before.text in SIGNS or (before.text in lx.currencies and before.text.isupper())
    ):
        r.unit = currency(before.text, "", lx, countries)
        r.first -= 1
        return
    if tok is None:
        return
    if tok.text == "%" or tok.low in lx.percent:
        r.unit, r.last = "%", j + 1
        return
    qualifier = ""
    if tok.kind == "word" and tok.low not in lx.currencies and is_modifier(tok.low):
        qualifier, j = morph.lemma(tok.low), j + 1
        tok = at(toks, j)
        if tok is None:
            return
    key = tok.text if tok.text in SIGNS or tok.text.isupper() else tok.low
    if key in lx.currencies or key in lx.country_currencies:
        code = currency(key, qualifier, lx, countries)
        if code is not None:
            r.unit, r.last = code, skip_dot(toks, j + 1, tok.low)
            if r.unit == "USD" and low(toks, r.last) == "сша":
                r.last += 1
            add_subunits(toks, r, lx)
    elif key in lx.subunits and not qualifier:
        code, part = lx.subunits[key]
        r.unit, r.last, r.value = code, j + 1, r.value * part
        if r.range is not None:
            r.range = (r.range[0] * part, r.range[1] * part)


def add_subunits(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> None:
    """«3 рубля 50 копеек» → 3.5 RUB: the hundredths after a whole amount of money."""
    count, word = at(toks, r.last), at(toks, r.last + 1)
    if count is None or word is None or count.kind != "num" or r.range is not None:
        return
    code, part = lx.subunits.get(word.low, ("", Decimal(0)))
    value = digits_value(count.text)
    if code == r.unit and value is not None and value < 1 / part:
        r.value, r.last = r.value + value * part, r.last + 2


def currency(key: str, qualifier: str, lx: Lexicon, countries: frozenset[str]) -> str | None:
    """The ISO code of a currency word: by its adjective, by the article's countries, or
    the word's default («долларов» → USD, «австралийских долларов» → AUD, «крон» in an
    article about Estonia → EEK)."""
    for code, qual in lx.currencies.get(key, []):
        if qual and qual == qualifier:
            return code
    for country, code in lx.country_currencies.get(key, []):
        if country in countries:
            return code
    defaults = [code for code, qual in lx.currencies.get(key, []) if not qual]
    return defaults[0] if defaults else None


def read_per(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> None:
    """«в год», «на место» right after an amount."""
    prep, word = at(toks, r.last), at(toks, r.last + 1)
    if prep is None or word is None or prep.low not in lx.per:
        return
    lemma = morph.lemma(word.low)
    if lemma in lx.per[prep.low]:
        r.per, r.last = lemma, r.last + 2


def read_hedge(toks: Sequence[Tok], r: Reading, lx: Lexicon) -> None:
    """«около», «более», «не менее», «до» before the amount, maybe across a preposition
    («примерно на 150 млрд»); «до» after a verb of change is a level, not a bound."""
    end = r.first
    found = hedge_ending(toks, end, lx)
    if found is None and low(toks, end - 1) in HEDGE_PREPS:
        found = hedge_ending(toks, end - 1, lx)
        if found is not None and found[1] == "max":
            found = None  # «до в …» is no hedge
    if found is None:
        return
    start, kind = found
    if kind == "max" and low(toks, start) == "до" and after_change_verb(toks, start, lx):
        kind = "-"
    if kind == "min" and low(toks, start) == "от" and r.range is not None:
        kind = "-"
    r.first = start
    if kind == "approx":
        r.approx = True
    elif kind in ("min", "max") and r.range is None:
        r.bound = kind


def hedge_ending(toks: Sequence[Tok], end: int, lx: Lexicon) -> tuple[int, str] | None:
    """The longest hedge phrase ending right before token ``end``: (its start, its kind)."""
    for size in range(lx.longest_hedge, 0, -1):
        start = end - size
        if start < 0:
            continue
        key = tuple(t.low for t in toks[start:end])
        if key in lx.hedges:
            return start, lx.hedges[key]
    return None


def after_change_verb(toks: Sequence[Tok], k: int, lx: Lexicon) -> bool:
    """A verb of change within four words before ``k``: «вырос до», «увеличили … до»."""
    for j in range(max(0, k - 4), k):
        if toks[j].kind == "word" and morph.lemma(toks[j].low) in lx.change_verbs:
            return True
    return False
