"""A country named by the start of its official name or by its initials, which the
gazetteer cannot tell apart alone: «Исламская Республика» (Iran, Pakistan, Mauritania or
Afghanistan), «САР» (Сирийская Арабская Республика), «ЧР» (Чешская Республика). The
article decides: the name is placed only when exactly one of the countries it may stand
for is among the countries the article names, and then in place of any settlement the
name also spells («САР» is no French village «Сар» in an article about Syria).

The official names are pycountry's Russian ISO 3166-1 names (``resources.country_names``).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from svodka.doc import Entity
from svodka.knowledge.gazetteer import Gazetteer
from svodka.lang.text import fold_name
from svodka.resources import country_names
from svodka.stages.places.find import NOTHING, Found

STRESS = "\u0301"  # pycountry writes a few names with a stress mark («Респу́блика»)
#: Initials: two to four capital letters; conjunctions are not counted.
INITIALS = range(2, 5)
SKIPPED = frozenset({"и"})


@cache
def official_names() -> tuple[tuple[str, str], ...]:
    """(folded official name of two words or more, usual name) of every country."""
    names = country_names().items()
    return tuple(
        (fold_name(name.replace(STRESS, "")), usual) for name, usual in names if " " in name
    )


def official_matches(name: str) -> list[str]:
    """Usual names of the countries whose official name the name begins («Исламская
    Республика») or abbreviates («САР»)."""
    folded = fold_name(name)
    abbreviation = name.isupper() and len(name) in INITIALS and name.isalpha()
    matches = []
    for official, usual in official_names():
        begun = " " in folded and official.startswith(folded + " ")
        if begun or (abbreviation and initials(official) == folded):
            matches.append(usual)
    return list(dict.fromkeys(matches))


def initials(name: str) -> str:
    """The first letters of a name's words, conjunctions left out."""
    return "".join(word[0] for word in name.split() if word not in SKIPPED)


def elliptic_country(entity: Entity, gazetteer: Gazetteer, countries: Counter) -> Found:
    """The one country the entity's name may stand for that the article names, else
    nothing (see the module docstring)."""
    places = [
        place
        for usual in official_matches(entity.name)
        for place in gazetteer.find(usual)
        if place.kind == "country"
    ]
    named = list({p.country: p for p in places if countries[p.country]}.values())
    return Found((named[0],), "context") if len(named) == 1 else NOTHING
