"""Places: geocode every LOC entity against the offline gazetteer.

A name often fits several places («Троицк»: near Moscow and in the Chelyabinsk region;
«Вашингтон»: the capital and the state). Each candidate gets a score:

- a prior: countries first, then macro-regions and physical features, then settlements
  by the log of their population, then first-level regions;
- context: the countries and regions of the document's other places, when the candidate
  lies in one of them, and a slight preference for Russia, the usual setting of the news.

The document's places are first chosen by the prior alone; then each is chosen again in
the context the others give. Weights live in ``WEIGHTS`` so one table tunes them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from itertools import chain

from svodka.config import Config
from svodka.doc import Document, Entity
from svodka.knowledge.gazetteer import Entry, Gazetteer, load_gazetteer
from svodka.lang.morph import lemma
from svodka.lang.text import fold_name
from svodka.resources import read_lines

REQUIRES = ("entities",)
PROVIDES = ("entities.place",)  # and the key of every place it finds

#: Prior scores by kind; settlements score log10(population) instead (a million → 6).
PRIORS = {"country": 9.0, "region": 5.5, "physical": 6.5, "other": 6.0}
MACRO_REGION = 7.0  # a curated region («Донбасс») outranks a village of the same name
UNKNOWN_POPULATION = 1_000

#: Context bonuses: the candidate's first-level region or country is the document's.
WEIGHTS = {"admin1": 1.5, "country": 1.0, "home": 0.3}
HOME = "RU"


@dataclass(frozen=True, slots=True)
class Resources:
    gazetteer: Gazetteer
    prefixes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Context:
    """The countries and first-level regions of the document's other places."""

    countries: Counter
    admin1: Counter

    @classmethod
    def of(cls, places: list[Entry]) -> Context:
        countries = Counter(p.country for p in places if p.country)
        admin1 = Counter(p.admin1 for p in places if p.admin1)
        return cls(countries, admin1)

    def without(self, place: Entry | None) -> Context:
        """The context the other places give: this place's own votes taken out."""
        if place is None:
            return self
        return Context(
            self.countries - Counter([place.country]), self.admin1 - Counter([place.admin1])
        )


def load(config: Config) -> Resources:
    """Load the gazetteer (once per process) and the generic place prefixes."""
    return Resources(load_gazetteer(), frozenset(read_lines("places/generic_prefixes.txt")))


def apply(doc: Document, res: Resources) -> Document:
    """Fill ``place`` on every LOC entity the gazetteer knows."""
    candidates = {e.id: find_candidates(e, res) for e in doc.entities if e.type == "LOC"}
    if not candidates:
        return doc
    empty = Context(Counter(), Counter())
    first = {key: choose(places, empty) for key, places in candidates.items()}
    context = Context.of([p for p in first.values() if p is not None])
    chosen = {
        key: choose(places, context.without(first[key])) for key, places in candidates.items()
    }
    entities = tuple(set_place(e, chosen.get(e.id)) for e in doc.entities)
    return replace(doc, entities=entities)


def set_place(entity: Entity, place: Entry | None) -> Entity:
    if place is None:
        return entity
    return replace(entity, place=place.to_place(), key=place.key)


def find_candidates(entity: Entity, res: Resources) -> tuple[Entry, ...]:
    """Places the entity's name may denote: its canonical name first, then its mentions,
    then nominatives guessed from case endings («Вадуце» → «Вадуц»)."""
    names = list(lookup_names(entity, res.prefixes))
    guesses = (guess for name in names for guess in guess_nominatives(name))  # only if needed
    for name in chain(names, guesses):
        found = res.gazetteer.find(name)
        if found:
            return found
    return ()


def lookup_names(entity: Entity, prefixes: frozenset[str]):
    """The canonical name, without a generic prefix («город Троицк»), then the mentions'
    texts and, for one-word mentions, their lemmas."""
    names = [entity.name, *(m.text for m in entity.mentions)]
    for name in dict.fromkeys(fold_name(n) for n in names):
        yield name
        first, _, rest = name.partition(" ")
        if first in prefixes and rest:
            yield rest
        if " " not in name:
            yield lemma(name)


#: Oblique-case endings of place names and the nominative endings they may come from,
#: for names the morphological dictionary does not know (longest ending first):
#: «Усть-Илимске» → «Усть-Илимск», «Бурятии» → «Бурятия».
ENDINGS = (
    ("ой", ("ая", "ый", "ой", "а")),
    ("ей", ("яя", "я", "ь")),
    ("ом", ("", "о")),
    ("ем", ("ь", "е", "")),
    ("ии", ("ия",)),
    ("е", ("", "а", "я", "о")),
    ("и", ("ь", "я", "а", "")),
    ("у", ("", "а")),
    ("ю", ("ь", "я")),
    ("а", ("", "о")),
    ("ы", ("а",)),
    ("я", ("ь", "й")),
)


def guess_nominatives(name: str):
    """Possible nominatives of a name in an oblique case, word by word (two words at most)."""
    words = name.split()
    if len(words) > 2:
        return
    options = [word_nominatives(word) for word in words]
    for first in options[0]:
        for second in options[1] if len(options) > 1 else [None]:
            yield first if second is None else f"{first} {second}"


def word_nominatives(word: str) -> list[str]:
    for ending, replacements in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return [word[: -len(ending)] + r for r in replacements]
    return [word]


def choose(places: tuple[Entry, ...], context: Context) -> Entry | None:
    """The best-scoring place; ties go to the earlier (countries, regions, features first)."""
    if not places:
        return None
    return max(places, key=lambda p: score(p, context))


def score(place: Entry, context: Context) -> float:
    """Prior plus context bonuses (see the module docstring)."""
    total = prior(place)
    if place.admin1 and context.admin1[place.admin1] and place.kind == "city":
        total += WEIGHTS["admin1"]
    if place.country and context.countries[place.country]:
        total += WEIGHTS["country"]
    if place.country == HOME:
        total += WEIGHTS["home"]
    return total


def prior(place: Entry) -> float:
    if place.kind == "city":
        return math.log10(place.population or UNKNOWN_POPULATION)
    if place.kind == "region" and place.code is None:
        return MACRO_REGION
    return PRIORS[place.kind]
