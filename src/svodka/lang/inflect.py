"""Names put in the genitive for display: «президент» + «Россия» reads «президент России».

A role's organisation or country is stored in the nominative (``Role.of_name``, the
contract's canonical form); shown after its title it takes the genitive. A multiword
name is inflected the way Russian agrees it: the head noun (the first noun in the
nominative) and the adjectives before it take the genitive, the words after the head
are already its dependants and stay — «Нижний Новгород» → «Нижнего Новгорода»,
«Банк России» → «Банка России», «Республика Корея» → «Республики Корея». Abbreviations
(«ООН»), indeclinable words, quoted names and anything pymorphy3 cannot inflect stay as
they are: the nominative is a safe fallback.
"""

from __future__ import annotations

import re

from svodka.lang.caches import word_cache
from svodka.lang.morph import inflect, parse, restore_case

_WORD = re.compile(r"\S+")
_QUOTES = frozenset("«»\"“”„'")
_AGREEING = frozenset({"ADJF", "PRTF", "NUMR"})


@word_cache(0.1)
def genitive(name: str) -> str:
    """``name`` (a nominative organisation, country or city name) in the genitive:
    «Россия» → «России», «Нижний Новгород» → «Нижнего Новгорода», «ООН» → «ООН»."""
    if not name or any(char in _QUOTES for char in name):
        return name
    words = [match.group() for match in _WORD.finditer(name)]
    head = _head_index(words)
    if head is None:
        return name
    changed = [_agreeing_genitive(word) for word in words[:head]]
    if any(form is None for form in changed):
        return name
    head_form = _noun_genitive(words[head])
    if head_form is None:
        return name
    shown = [*changed, head_form, *words[head + 1 :]]
    return _rejoin(name, words, shown)


def role_phrase(title: str, of_name: str | None, past: bool = False) -> str:
    """A role as it reads: «президент России», «бывший мэр Казани»; the title alone
    without an organisation."""
    phrase = f"{title} {genitive(of_name)}" if of_name else title
    return f"бывший {phrase}" if past else phrase


def _head_index(words: list[str]) -> int | None:
    """The index of the first word read as a noun in the nominative, when every word
    before it reads as an adjective in the nominative (it then agrees with the head). A
    word whose likeliest reading is an adjective is one when a word follows it:
    «Алматинский» may be a surname, but not in «Алматинский автоцентр»."""
    for index, word in enumerate(words):
        followed = index < len(words) - 1
        if followed and _likely_agreeing(word):
            continue
        if _nominative_noun(word) is not None:
            return index
        if not followed or _nominative_agreeing(word) is None:
            return None
    return None


def _likely_agreeing(word: str) -> bool:
    best = parse(word.lower())[0]
    return best.tag.POS in _AGREEING and best.tag.case == "nomn"


def _nominative_noun(word: str):
    if _fixed(word):
        return None
    return next(
        (p for p in parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None
    )


def _nominative_agreeing(word: str):
    return next(
        (p for p in parse(word.lower()) if p.tag.POS in _AGREEING and p.tag.case == "nomn"),
        None,
    )


def _fixed(word: str) -> bool:
    """An abbreviation («ООН», «США») or a word that does not decline («Токио»)."""
    if len(word) > 1 and word.isupper():
        return True
    parses = parse(word.lower())
    return bool(parses) and "Fixd" in parses[0].tag


def _noun_genitive(word: str) -> str | None:
    found = _nominative_noun(word)
    if found is None:
        return None
    number = {"sing", "gent"} if found.tag.number == "sing" else {"plur", "gent"}
    form = inflect(found, number)
    return restore_case(form, word) if form else None


def _agreeing_genitive(word: str) -> str | None:
    found = _nominative_agreeing(word)
    if found is None:
        return None
    form = inflect(found, {"gent"})
    return restore_case(form, word) if form else None


def _rejoin(name: str, words: list[str], shown: list[str]) -> str:
    """``shown`` with the spacing of ``name`` between the words."""
    parts, last = [], 0
    for match, form in zip(_WORD.finditer(name), shown, strict=True):
        parts.append(name[last : match.start()])
        parts.append(form)
        last = match.end()
    parts.append(name[last:])
    return "".join(parts)
