"""Part of the dates stage: counts of time that are no durations — ages («в возрасте 85
лет», «Теду Крузу 44 года», «42-летний Иванов») and clock times («в 11 часов»)."""

from __future__ import annotations

from collections.abc import Sequence

from svodka.lang import morph
from svodka.lang.lexer import Tok
from svodka.lang.text import QUOTES
from svodka.stages.dates.duration_words import (
    DURATION_ROLES,
    LEAD_ROLES,
    NAMES,
    DurationWords,
    Reading,
    low,
)


def is_age(toks: Sequence[Tok], reading: Reading, words: DurationWords) -> bool:
    """A count of years that is someone's age, or a clock time: «в возрасте 85 лет»,
    «старше 18 лет», «ему было 44 года», «которому сейчас 61 год», «Теду Крузу 44 года»,
    «умер в 90 лет», «детям до 12 лет», «Бачелет — 54 года», «(26 лет)», «85 лет от
    роду»; «в 11 часов», «около 8 часов утра»."""
    if reading.unit in ("hour", "minute"):
        return is_clock(toks, reading, words)
    if reading.unit != "year" or reading.count is None:
        return False
    if low(toks, reading.last) == "от" and low(toks, reading.last + 1) == "роду":
        return True
    lead, count = toks[reading.first].low, count_start(toks, reading, words)
    if reading.first == count - 1 and lead == "в":
        return True  # «в 19 лет»
    if any(words.roles.get(t.low) in DURATION_ROLES for t in toks[reading.first : count]):
        return False  # «ему в течение трёх лет запрещено»
    first = list_start(toks, reading.first, words) if reading.first == count else reading.first
    if first < reading.first and low(toks, first - 1) == "в":
        return True  # «в 70 и 75 лет»
    before = first - 1
    while words.roles.get(low(toks, before)) == "pass":
        before -= 1  # «которому сейчас 61 год»
    if before < 0 or words.roles.get(toks[before].low) == "age":
        return before >= 0
    if reading.first == count:
        return is_aside(toks, before, age_end(toks, reading.last, words)) or is_aged(toks[before])
    plain_word = toks[before].text.islower() or starts_sentence(toks, before)
    return reading.bound is not None and plain_word and is_person(toks[before])  # «детям до 12 лет»


def list_start(toks: Sequence[Tok], first: int, words: DurationWords) -> int:
    """The first count of a list that ends with the count at ``first``: «им было 30, 20
    и 19 лет», «(10, 9 и 8 лет)» — the unit is every count's, and so is what comes
    before the list."""
    k = first
    while k >= 2 and toks[k - 1].low in (",", "и") and is_count(toks[k - 2], words):
        k -= 2
    return k


def is_count(tok: Tok, words: DurationWords) -> bool:
    """A number in figures or in words."""
    return tok.kind == "num" or tok.low in words.numbers


def age_end(toks: Sequence[Tok], after: int, words: DurationWords) -> int:
    """Where an age ends: past the months or days that continue its years («в возрасте
    122 лет и 164 дней», «60 лет 164 дней»)."""
    k = after + (low(toks, after) == "и")
    if k + 1 >= len(toks) or not is_count(toks[k], words):
        return after
    unit = words.units.get(toks[k + 1].low)
    return k + 2 if unit and unit[0] in ("month", "week", "day") else after


def count_start(toks: Sequence[Tok], reading: Reading, words: DurationWords) -> int:
    """The index of a reading's first token after its leads."""
    k = reading.first
    while k < reading.last - 1 and words.roles.get(toks[k].low) in LEAD_ROLES:
        k += 1
    return k


def starts_sentence(toks: Sequence[Tok], k: int) -> bool:
    """Token ``k`` opens a sentence or a line."""
    return k == 0 or toks[k - 1].kind == "nl" or toks[k - 1].text in ".!?…"


def is_aside(toks: Sequence[Tok], before: int, after: int) -> bool:
    """A count of years set off after a name: «(26 лет)», «(60 лет 164 дней)», «Бачелет —
    54 года,»."""
    if toks[before].text == "(":
        return low(toks, after) == ")"
    if toks[before].text in (",", "—", "–") and before > 0:
        return toks[before - 1].text[:1].isupper() or toks[before - 1].text == ")"
    return False


def is_aged(tok: Tok) -> bool:
    """«Крузу 44 года», «супруге 27 лет», «девочка 16 лет»: a name in the dative (not a
    place's: «России три года») or a person noun, whose age follows."""
    if tok.kind != "word" or len(tok.text) < 2:
        return False
    if tok.text[:1].isupper():
        return any(
            "datv" in p.tag and (p.tag.animacy == "anim" or not p.is_known) and "Geox" not in p.tag
            for p in morph.analyzer().parse(tok.text)
            if p.tag.POS == "NOUN"
        )
    return is_person(tok)


def is_person(tok: Tok) -> bool:
    """«детям», «политику», «журналист»: a common animate noun that the dictionary knows
    (not a surname's reading of a word: «дали» is no «Дали»)."""
    return tok.kind == "word" and is_person_word(tok.text)


def is_person_word(word: str) -> bool:
    """:func:`is_person` of a bare word."""
    return any(
        p.tag.POS == "NOUN"
        and p.tag.animacy == "anim"
        and p.is_known
        and not NAMES & p.tag.grammemes
        for p in morph.analyzer().parse(word)
    )


def is_guessed_person(word: str) -> bool:
    """A lowercase word the dictionary does not know, guessed an animate noun from its
    ending: «флорболистка», «казанец», a misspelt «програмист»."""
    best = morph.analyzer().parse(word)[0]
    return not best.is_known and best.tag.POS == "NOUN" and best.tag.animacy == "anim"


def is_clock(toks: Sequence[Tok], reading: Reading, words: DurationWords) -> bool:
    """Hours and minutes that tell the time: «в 11 часов», «около 8 часов утра», «45
    минут» after «11 часов»."""
    if words.roles.get(low(toks, reading.last)) == "clock":
        return True
    count = count_start(toks, reading, words)
    if reading.unit == "minute":
        return words.units.get(low(toks, count - 1), ("",))[0] == "hour"
    return reading.first == count - 1 and toks[reading.first].low in ("в", "к")


def is_person_next(toks: Sequence[Tok], k: int) -> bool:
    """The words after an adjective name a person: a capitalised word («42-летний
    Иванов»), an animate noun («59-летний журналист», «боксёр-тяжеловес», «экс-министр»)
    or an adjective or participle standing for one («33-летний нападающий перешёл»,
    «54-летнего командующего 58-й армии»); adjectives, adverbs («ныне») and quote marks
    between skipped."""
    for n in range(k, min(k + 5, len(toks))):
        tok = toks[n]
        if tok.kind == "punct" and tok.text in QUOTE_MARKS:
            continue
        if tok.kind != "word":
            return False
        if tok.text[:1].isupper():
            return True
        pos = morph.analyzer().parse(tok.text)[0].tag.POS
        if pos == "NOUN":
            parts = {tok.text, *tok.text.split("-")}
            return any(is_person_word(part) or is_guessed_person(part) for part in parts)
        if pos not in ("ADJF", "PRTF", "ADVB"):
            return False
        if pos != "ADVB" and not is_noun_or_adjective(toks, n + 1):
            return is_person_word(tok.text) or tok.low.endswith(PARTICIPLE_ENDINGS)
    return False


#: Quote marks an adjective and the name it qualifies may stand on either side of.
QUOTE_MARKS = QUOTES | {"'"}
#: Endings of active participles, which stand for a person with no noun: «командующего».
PARTICIPLE_ENDINGS = tuple(
    f"{stem}{ending}"
    for stem in ("ущ", "ющ", "ащ", "ящ", "вш")
    for ending in ("ий", "его", "ему", "им", "ая", "ей", "ую")
)


def is_noun_or_adjective(toks: Sequence[Tok], k: int) -> bool:
    """Token ``k`` is a word that reads first as a noun, adjective or participle."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    return morph.analyzer().parse(toks[k].text)[0].tag.POS in ("NOUN", "ADJF", "PRTF")
