"""Scoring a place's candidates: a prior by kind and population, and the context of the
article's other places (see the stage's docstring)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from svodka.knowledge.gazetteer import Entry
from svodka.stages.places.find import Found

#: Prior scores by kind; settlements score log10(population) instead (a million → 6).
PRIORS = {"country": 9.0, "region": 5.5, "physical": 6.5, "other": 6.0}
MACRO_REGION = 7.0  # a curated region («Донбасс») outranks a village of the same name
UNKNOWN_POPULATION = 1_000

#: Context bonuses: the candidate's first-level region or country is the document's.
WEIGHTS = {"admin1": 1.5, "country": 1.0, "home": 0.3}
HOME = "RU"

#: Confidence by method: the start for a lone candidate; a choice among several gets
#: part of it by the margin of its score over the runner-up's.
CONFIDENCE = {
    "exact": 0.95,
    "alias": 0.85,
    "containment": 0.9,
    "derived": 0.7,
    "sound": 0.6,
    "context": 0.5,
    "fallback": 0.25,
}


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


def choose(places: tuple[Entry, ...], context: Context) -> Entry | None:
    """The best-scoring place; ties go to the earlier (countries, regions, features first)."""
    if not places:
        return None
    return max(places, key=lambda p: score(p, context))


def score(place: Entry, context: Context) -> float:
    """Prior plus context bonuses (see the module docstring)."""
    total = prior(place)
    if place.admin1 and context.admin1[place.admin1] and place.code is None:
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


def decide(found: Found, context: Context) -> tuple[Entry, float, str]:
    """The chosen place, its confidence and method."""
    ranked = sorted(((score(p, context), i) for i, p in enumerate(found.places)), reverse=True)
    best = found.places[min(i for s, i in ranked if s == ranked[0][0])]
    base = CONFIDENCE[found.method]
    if len(ranked) == 1:
        return best, base, found.method
    margin = min(1.0, (ranked[0][0] - ranked[1][0]) / 2)
    method = "context" if context_decided(found.places, best, context) else found.method
    return best, round(base * (0.6 + 0.4 * margin), 2), method


def context_decided(places: tuple[Entry, ...], best: Entry, context: Context) -> bool:
    """The article's other places, not the prior, made the choice."""
    return choose(places, Context(Counter(), Counter())) != best
