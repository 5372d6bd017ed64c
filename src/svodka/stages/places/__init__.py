"""Places: geocode every LOC entity against the offline gazetteer.

A name often fits several places («Троицк»: near Moscow and in the Chelyabinsk region;
«Вашингтон»: the capital and the state). Each candidate gets a score:

- a prior: countries first, then macro-regions and physical features, then settlements
  by the log of their population, then first-level regions;
- context: the countries and regions of the document's other places, when the candidate
  lies in one of them, and a slight preference for Russia, the usual setting of the news.

The document's places are first chosen by the prior alone; then each is chosen again in
the context the others give and the article's country adjectives («канадской полиции»).
A feature across borders takes the country the article points to (``article.py``). A
name no Russian spelling finds is looked up by the sound of its Latin name
(``sounds.py``: «Ростамкола», «Мазендеран»), trusted only in the article's countries.
A name the gazetteer does not know is then placed from the article: a venue after a
city's adjective at that city («парижском кладбище Пер-Лашез»); a street, venue or
district («проспект Карла Маркса», «Ленинский район») at the settlement its phrase names
or the article's most mentioned city (``context``); a feature in apposition at the
settlement named next to it; anything else at the article's city or country
(``fallback``, low confidence), but only when most of the article's places lie in one
country. In an article about several countries, a name the text treats as a place (after
a locative preposition or a place noun) goes where the text points: the country of an
adjective before it, or the place its sentence names after it (``nearby.py``). A country
named by the start or the initials of its official name («Исламская Республика», «САР»)
is the one such country the article names (``official.py``). The name of a place the
gazetteer confirms in another form takes that form («Кушинга» → «Кушинг»), and a name
in apposition after a common noun keeps the text's form («в озере Юлемисте»). A LOC
entity with no place, and one that names no place on the map («Луна», «МКС»), gets an
explicit ``unresolved`` place. How each place was found is its ``method`` (see
``find.py``); ``confidence`` rises with the score's margin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import Document, Entity, Place
from svodka.knowledge.gazetteer import Entry, Gazetteer, load_gazetteer
from svodka.lang.morph import lemma
from svodka.lang.text import fold_name
from svodka.resources import read_lines, read_table
from svodka.stages.places.article import (
    Adjectives,
    Head,
    adjective_city,
    adjective_countries,
    adjective_country,
    article_home,
    city_after,
    city_near,
    head_before,
    read_adjectives,
    restore_case,
    shared_country,
)
from svodka.stages.places.find import Found, find_candidates, sounding
from svodka.stages.places.nearby import (
    Placed,
    is_named_place,
    pointed_country,
    pointed_place,
)
from svodka.stages.places.official import elliptic_country
from svodka.stages.places.score import (
    CONFIDENCE,
    HOME,
    Context,
    choose,
    decide,
    score,
)

REQUIRES = ("entities",)
PROVIDES = ("entities.place",)  # and the key of every place it finds

STRAY_POPULATION = 10_000

#: Internal methods under the name the output gives them.
SHOWN = {"sound": "alias"}
#: A place found by the sound of its Latin name is trusted in a country the article
#: names, or when it is a town of this many people.
SOUND_POPULATION = 50_000
UNRESOLVED = Place(None, "", "other", None, None, None, None, None, 0.0, "unresolved")


@dataclass(frozen=True, slots=True)
class Resources:
    gazetteer: Gazetteer
    prefixes: frozenset[str]
    heads: dict[str, str]  # head noun lemma → kind of the derived place
    streets: frozenset[str]  # words of street and venue names
    off_map: frozenset[str]  # names of no place on the map («Луна», «МКС»)
    regions: tuple[tuple[str, str], ...]  # adjective ending → a region's name ending
    adjectives: Adjectives  # country adjectives → country codes
    shared: dict[str, tuple[tuple[str, ...], bool]]  # feature → its countries, a default
    name_heads: dict[str, str]  # noun before a name → «local», «feature», «settlement»
    directions: frozenset[str]  # words naming a part of a place («южный», «север»)
    areas: frozenset[str]  # nouns of an area a country's adjective names («архипелаг»)
    locatives: frozenset[str] = frozenset()  # prepositions of place («в», «у», «близ»)


def load(config: Config) -> Resources:
    """Load the gazetteer (once per process) and the place word lists."""
    gazetteer = load_gazetteer()
    shared = {
        name: (tuple(countries.split("|")), default == "main")
        for name, countries, default in read_table("places/feature_countries.tsv", 3)
    }
    return Resources(
        gazetteer,
        frozenset(
            read_lines("places/generic_prefixes.txt") + read_lines("places/prepositions.txt")
        ),
        dict(read_table("places/heads.tsv")),
        frozenset(read_lines("places/street_words.txt")),
        frozenset(read_lines("places/off_map.txt")),
        read_table("places/region_heads.tsv"),
        read_adjectives(
            read_table("roles/country_adjectives.tsv"),
            lambda name: next(
                (p.country for p in gazetteer.find(name) if p.kind == "country"), None
            ),
        ),
        shared,
        dict(read_table("places/name_heads.tsv")),
        frozenset(read_lines("places/direction_words.txt")),
        frozenset(read_lines("places/area_nouns.txt"))
        | {w for w, _ in read_table("places/heads.tsv")}
        | {w for w, _ in read_table("places/name_heads.tsv")},
        frozenset(read_lines("places/locatives.txt")),
    )


def apply(doc: Document, res: Resources) -> Document:
    """Fill ``place`` on every LOC entity: found, placed from the article, or unresolved."""
    locs = [e for e in doc.entities if e.type == "LOC"]
    if not locs:
        return doc
    places, names = place_known(doc, locs, res)
    place_unknown(doc, locs, places, names, res)
    entities = tuple(set_place(e, places.get(e.id), names.get(e.id), res) for e in doc.entities)
    return replace(doc, entities=entities)


Chosen = tuple[Entry, float, str]  # a place, its confidence and method


def place_known(
    doc: Document, locs: list[Entity], res: Resources
) -> tuple[dict[str, Chosen], dict[str, str]]:
    """The places the gazetteer finds, each chosen in the context of the others and the
    article's country adjectives; the names guessed on the way."""
    found = {e.id: find(e, res) for e in locs}
    empty = Context(Counter(), Counter())
    first = {key: choose(f.places, empty) for key, f in found.items()}
    context = Context.of([p for p in first.values() if p is not None])
    adjectives = adjective_countries(doc.text, res.adjectives)
    context = Context(context.countries + adjectives, context.admin1)
    places, names = {}, {}
    for entity in locs:
        candidates, others = found[entity.id], context.without(first[entity.id])
        if not candidates.places:
            candidates = country_part(entity, res)
        if not any(p.kind == "country" for p in candidates.places):
            elliptic = elliptic_country(entity, res.gazetteer, others.countries)
            candidates = elliptic if elliptic.places else candidates
        if is_foreign(candidates, others) and not is_off_map(entity, res):
            if is_venue(doc, entity, res):
                continue  # placed by the article, never by sound («отель «Шератон»»)
            sounds = trusted(sounding(entity, res.gazetteer, res.prefixes), others)
            candidates = better(candidates, sounds, others)
        chosen = decide(candidates, others) if candidates.places else None
        if chosen is not None and not is_stray(chosen[0], others, candidates.method):
            places[entity.id] = with_country(chosen, others, res)
            names[entity.id] = candidates.guessed
    return places, names


def place_unknown(
    doc: Document,
    locs: list[Entity],
    places: dict[str, Chosen],
    names: dict[str, str],
    res: Resources,
) -> None:
    """Places for the names the gazetteer lacks, from the article (filled in ``places``):
    a venue after a city's adjective at that city; a street or venue at the settlement its
    phrase names, a feature in apposition at the settlement named next to it; a street at
    the article's city; anything else at the article's home."""
    home, city = article_home(locs, places)
    starts = {m.start: places[e.id][0] for e in locs if e.id in places for m in e.mentions}
    placed = [
        Placed(m.start, m.stop, places[e.id][0]) for e in locs if e.id in places for m in e.mentions
    ]
    for entity in locs:
        if entity.id in places or is_off_map(entity, res):
            continue
        head = head_before(doc, entity, res.name_heads)
        if head is not None:
            names[entity.id] = head.name
        chosen = from_head(entity, head, res) if head is not None else None
        local = is_local(entity, res) or is_local_head(head, res)
        named = city_after(doc, entity, starts) if local else None
        if named is None and head is not None and res.name_heads[head.noun] == "feature":
            named = city_near(doc, entity, starts)
        if chosen is not None:
            places[entity.id] = chosen
        elif named is not None or (local and city is not None):
            places[entity.id] = from_article(entity, named or city, res, True)
        elif home is not None and not points_abroad(doc, entity, head, home, res):
            places[entity.id] = from_article(entity, home, res, local)
        elif is_named_place(doc, entity, head, res.locatives, res.areas):
            chosen = pointed_place(doc, entity, head, placed, res.gazetteer, res.adjectives)
            if chosen is not None:
                places[entity.id] = chosen


def points_abroad(
    doc: Document, entity: Entity, head: Head | None, home: Entry | str, res: Resources
) -> bool:
    """A country adjective before the name points outside the article's home country
    («в индийском штате Раджастан» in an article set in Russia)."""
    if not is_named_place(doc, entity, head, res.locatives, res.areas):
        return False
    code = pointed_country(doc, entity, head, res.adjectives)
    return code is not None and code != (home if isinstance(home, str) else home.country)


def find(entity: Entity, res: Resources) -> Found:
    return find_candidates(
        entity, res.gazetteer, res.prefixes, res.heads, res.regions, res.directions
    )


def is_off_map(entity: Entity, res: Resources) -> bool:
    """The entity names no place on the Earth's map («Луна», «МКС», «Запад»)."""
    names = {fold_name(n) for n in (entity.name, *(m.text for m in entity.mentions))}
    return any(n in res.off_map or lemma(n) in res.off_map for n in names)


def is_local(entity: Entity, res: Resources) -> bool:
    """A street, venue or city district: a street word («проспект», «площадь») or a
    district noun («район», «округ») anywhere in the name."""
    lemmas = {lemma(w) for w in fold_name(entity.name).split()}
    return bool(lemmas & res.streets) or any(res.heads.get(w) == "region" for w in lemmas)


def country_part(entity: Entity, res: Resources) -> Found:
    """A country named by its adjective alone («Саудовские»), or an area by the country's
    adjective and an area noun («Японский архипелаг»): in that country."""
    words = entity.name.split()
    code = adjective_country(words[0], res.adjectives) if words else None
    if code is None or code not in res.gazetteer.by_code:
        return Found((), "unresolved")
    country = res.gazetteer.by_code[code]
    if len(words) == 1:
        return Found((country,), "alias")
    if len(words) == 2 and lemma(words[1].lower()) in res.areas:
        part = replace(country, name=entity.name, kind="region", geonameid=None, code=None)
        return Found((part,), "containment")
    return Found((), "unresolved")


def is_foreign(found: Found, context: Context) -> bool:
    """Nothing found, or only settlements outside the countries the article names
    («Эссекс» in an article about England: the town in Maryland): worth a look by sound."""
    if not found.places:
        return True
    return (
        bool(context.countries)
        and all(p.kind == "city" for p in found.places)
        and not any(context.countries[p.country] for p in found.places)
    )


def better(found: Found, sounds: Found, context: Context) -> Found:
    """The candidates by name, or those by sound when one of them scores higher."""
    if not sounds.places:
        return found
    if not found.places:
        return sounds
    best = max(score(p, context) for p in found.places)
    return sounds if max(score(p, context) for p in sounds.places) > best else found


def trusted(places: tuple[Entry, ...], context: Context) -> Found:
    """Places found by sound (weak evidence: the article decides): those in the countries
    the article names; when it names none, the towns of ``SOUND_POPULATION``+ people."""
    if context.countries:
        return Found(tuple(p for p in places if context.countries[p.country]), "sound")
    return Found(tuple(p for p in places if (p.population or 0) >= SOUND_POPULATION), "sound")


def with_country(
    chosen: tuple[Entry, float, str], context: Context, res: Resources
) -> tuple[Entry, float, str]:
    """A feature across borders («Эльба», «Ганг») given the country the article points
    to, else its main one (``places/feature_countries.tsv``)."""
    place, confidence, method = chosen
    if place.country is not None or place.name_en not in res.shared:
        return chosen
    countries, default = res.shared[place.name_en]
    return (
        replace(place, country=shared_country(countries, default, context.countries)),
        confidence,
        method,
    )


def from_head(entity: Entity, head: Head, res: Resources) -> tuple[Entry, float, str] | None:
    """A venue after a city's adjective, at that city: «парижском кладбище Пер-Лашез»."""
    city = adjective_city(head, res.name_heads, res.gazetteer)
    if city is None:
        return None
    local = replace(city, name=entity.name, kind="other", geonameid=None, population=None)
    return local, CONFIDENCE["derived"], "derived"


def is_venue(doc: Document, entity: Entity, res: Resources) -> bool:
    """A street or venue, by its own words or the noun before it («отеле «Шератон»»)."""
    return is_local(entity, res) or is_local_head(head_before(doc, entity, res.name_heads), res)


def is_local_head(head: Head | None, res: Resources) -> bool:
    """The name follows a venue, street or district noun («на кладбище Пер-Лашез»)."""
    return head is not None and res.name_heads[head.noun] == "local"


def is_stray(place: Entry, context: Context, method: str = "exact") -> bool:
    """A village abroad that nothing else in the article points to: «Коси» in an article
    about India is not the Ukrainian village of 1,000 people. A settlement under
    ``STRAY_POPULATION`` outside Russia, in none of the countries of the article's other
    places (when it has some), is left for the article's fallback; so is a district
    named after a settlement outside the article's regions («Кировский район» in an
    article about Krasnoyarsk is a city district there, not one by Kirov)."""
    if method == "derived" and place.kind == "region" and context.admin1:
        return not context.admin1[place.admin1]
    return (
        place.kind == "city"
        and (place.population or 0) < STRAY_POPULATION
        and place.country != HOME
        and bool(context.countries)
        and not context.countries[place.country]
    )


def from_article(
    entity: Entity, home: Entry | str, res: Resources, local: bool
) -> tuple[Entry, float, str]:
    """A place the gazetteer does not know, put where the article is: a street or venue at
    its city (``context``), anything else at its city or country (``fallback``)."""
    if isinstance(home, str):
        home = res.gazetteer.by_code[home]
        method = "fallback"
    else:
        method = "context" if local else "fallback"
    local = replace(
        home, name=entity.name, kind="other", geonameid=None, population=None, code=None
    )
    return local, CONFIDENCE[method], method


def set_place(
    entity: Entity, chosen: tuple[Entry, float, str] | None, name: str | None, res: Resources
) -> Entity:
    """The entity with its place (or ``UNRESOLVED``) and key; a name the gazetteer does not
    know replaced by the form it does («Кушинга» → «Кушинг», from «в Кушинге») or by the
    text's form after a common noun («в озере Юлемисте» → «Юлемисте»)."""
    if entity.type != "LOC":
        return entity
    if name and not res.gazetteer.find(entity.name):
        entity = replace(entity, name=restore_case(name, entity))
    if chosen is None:
        return replace(entity, place=UNRESOLVED)
    place, confidence, method = chosen
    place_out = place.to_place(confidence, SHOWN.get(method, method))
    return replace(entity, place=place_out, key=place.key)
