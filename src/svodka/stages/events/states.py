"""The states an event's actors stand for: a city for its country («Вашингтон пообещал
Киеву»), a body for its state («правительство России»), a group for its country by
adjective or demonym («британские дипломаты», «американцы»), and the country an «анти-»
adjective aims at («антироссийские санкции»): event coders code actors by state."""

from __future__ import annotations

from svodka.doc import Document, Entity
from svodka.stages.events.phrases import Candidate


def aimed_at(c: Candidate, doc: Document, adjectives: dict[str, str]) -> Entity | None:
    """The country an «анти-» adjective before a trigger names, when the article names
    it: «антироссийские санкции» → Россия, «антиамериканские протесты» → США."""
    named = {e.name: e for e in doc.entities if e.type == "LOC"}
    for w in c.clause.words[max(0, c.at - 2) : c.at]:
        country = adjectives.get(w.lemma[4:]) if w.lemma.startswith("анти") else None
        if country in named:
            return named[country]
    return None


def demonym_countries(c: Candidate, demonyms: dict[str, str]) -> list[str]:
    """The countries whose people a group names: «американцев» → US, «украинцы» → UA."""
    words = c.clause.words
    return [
        code
        for a in c.actors
        if a.entity is None and not a.pronoun
        for w in words[a.first : a.last + 1]
        if w.pos == "NOUN" and (code := demonyms.get(w.lemma))
    ]


def body_states(c: Candidate, doc: Document) -> list[str]:
    """A body named with its state acts for that state too, as event coders code a
    government by its country: «правительство России ввело» is also Россия's act,
    «МВД Индии» India's (countries and regions, not cities: «прокуратура Москвы»)."""
    words = c.clause.words
    bodies = [
        (words[a.first].start, words[a.last].stop)
        for a in c.actors
        if a.entity is not None and a.entity.type == "ORG" and a.last > a.first
    ]
    return [
        e.name
        for e in doc.entities
        if bodies
        and e.place is not None
        and e.place.kind in ("country", "region")
        and any(lo <= m.start and m.stop <= hi for m in e.mentions for lo, hi in bodies)
    ]


def countries(doc: Document) -> dict[str, Entity]:
    """The countries the article names, by ISO code."""
    return {
        e.place.country: e
        for e in doc.entities
        if e.place is not None and e.place.kind == "country" and e.place.country
    }


def country_of(entity: Entity | None) -> str | None:
    return entity.place.country if entity is not None and entity.place is not None else None


def city_country(entity: Entity | None) -> str | None:
    """A city acting stands for its state too: «Вашингтон пообещал Киеву» is the USA's
    promise, so the event names both (when the article names the country)."""
    if entity is None or entity.place is None or entity.place.kind != "city":
        return None
    return entity.place.country


def group_countries(c: Candidate, doc: Document, adjectives: dict[str, str]) -> list[str]:
    """A group named by its country stands for that country too, when the article names
    it: «британских дипломатов» → Великобритания, «армянские министры» → Армения."""
    words = c.clause.words
    named = {e.name for e in doc.entities if e.type == "LOC"}
    found = []
    for a in c.actors:
        if a.entity is None and not a.pronoun:
            country = adjectives.get(words[a.first].lemma)
            if country in named:
                found.append(country)
    return found
