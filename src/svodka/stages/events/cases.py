"""The cases an entity mention may stand in, read from its words: a person's from the
ending of the surname against the canonical name, anything else's from its head noun."""

from __future__ import annotations

from typing import Protocol

from svodka.doc import Entity


class Word(Protocol):
    """What a mention's case is read from: a word of ``events.words``."""

    lower: str
    pos: str | None
    cases: frozenset[str]


#: Endings a surname adds to its nominative, and the cases they show.
SURNAME_ENDINGS = {
    "а": frozenset({"gent", "accs"}),
    "у": frozenset({"datv"}),
    "ым": frozenset({"ablt"}),
    "ом": frozenset({"ablt"}),
    "е": frozenset({"loct", "datv"}),
    "ой": frozenset({"gent", "datv", "ablt", "loct"}),
}
#: The cases of a name that does not decline.
ANY_CASE = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def mention_cases(words: list[Word], entity: Entity) -> frozenset[str]:
    """The cases a mention may stand in: for a person, its last word's, read from its
    ending against the canonical name too (pymorphy3 reads the unknown «Токаев» as a
    genitive plural), and only from its ending when it is not the name itself
    («Трутнева» of «Юрий Трутнев» is no feminine nominative); for anything else, its
    head's (the first noun: «Министерством иностранных дел», «Тверской суд»)."""
    if entity.type != "PER":
        cases = next((w.cases for w in words if w.pos == "NOUN"), words[0].cases)
        return cases or ANY_CASE  # «SouthFront», «ТАСС»: indeclinable, any case
    word, nominative = words[-1].lower, entity.name.rsplit(" ", 1)[-1].lower()
    by_ending = surname_cases(word, nominative)
    if by_ending and word != nominative:
        return by_ending  # «Трутнева» of Трутнев is no nominative, whatever pymorphy3 says
    return words[-1].cases | by_ending


def surname_cases(word: str, nominative: str) -> frozenset[str]:
    """Cases a form of a surname shows by its ending: «Токаев» (the name itself) →
    nomn, «Токаевым» → ablt, «Токаеву» → datv, «Токаева» → gent, accs."""
    if word == nominative:
        return frozenset({"nomn", "accs"} if word[-1:] not in "вн" else {"nomn"})
    if not word.startswith(nominative[: max(3, len(nominative) - 2)]):
        return frozenset()
    ending = word[len(nominative) :] if word.startswith(nominative) else word[-2:]
    return SURNAME_ENDINGS.get(ending, frozenset())
